//! MinHash signatures: [`K`] independent 32-bit minima over the shingle set.

use super::shingles::{mix64, shingles, SHINGLE_WORDS};

/// Number of MinHash values per signature.
pub const K: usize = 64;

/// Serialisation format version (first byte of [`Signature::to_bytes`]):
/// 2 since one-permutation hashing replaced 64 hash functions.
const FORMAT: u8 = 2;

/// Seed of the one hash function: never change it, stored signatures depend
/// on it.
const SEED: u64 = 0x6a09_e667_f3bc_c908;

/// A compact signature of an article's text for near-duplicate detection: a
/// MinHash of its 5-word shingles ([`K`] = 64 values of 32 bits, 256 bytes in
/// memory, 258 bytes serialised).
///
/// The fraction of equal values of two signatures estimates the Jaccard
/// similarity of the shingle sets (standard error `sqrt(J(1-J)/64)`, at most
/// 0.0625). A text with fewer than [`super::MIN_WORDS`] words gets the
/// *empty* signature (all values `u32::MAX`), which is similar to nothing,
/// itself included.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Signature {
    pub(crate) mins: [u32; K],
}

impl std::fmt::Debug for Signature {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_empty() {
            return f.write_str("Signature(empty)");
        }
        write!(f, "Signature({:08x} {:08x} ..)", self.mins[0], self.mins[1])
    }
}

impl Signature {
    /// The MinHash of a set of shingle hashes (e.g. from
    /// [`super::shingles`]); empty input gives the empty signature.
    ///
    /// One-permutation hashing (Li, Owen and Zhang 2012): each shingle is
    /// hashed once, its top 6 bits choose one of the [`K`] bins and the low
    /// 32 bits compete for that bin's minimum, instead of [`K`] hash
    /// functions per shingle (a sixth of indexing time went there). Empty
    /// bins (short texts) borrow a filled bin's value (densification), so
    /// that two texts still agree on a bin with probability about their
    /// Jaccard similarity.
    pub fn from_shingles(shingles: &[u64]) -> Self {
        let mut mins = [u32::MAX; K];
        if shingles.is_empty() {
            return Signature { mins };
        }
        for &h in shingles {
            let x = mix64(h ^ SEED);
            let bin = (x >> 58) as usize;
            // u32::MAX marks an empty bin.
            let v = (x as u32).min(u32::MAX - 1);
            mins[bin] = mins[bin].min(v);
        }
        // Optimal densification (Shrivastava 2017): an empty bin probes a
        // fixed pseudo-random sequence of bins (the same for every text) and
        // takes the first filled one's value. Unlike borrowing from the next
        // bin, a run of empty bins does not copy one value, so short texts
        // keep nearly independent samples.
        let filled = mins;
        for (i, m) in mins.iter_mut().enumerate() {
            let mut attempt = 0u64;
            while *m == u32::MAX {
                let j = (mix64(SEED ^ ((i as u64) << 32) ^ attempt) % K as u64) as usize;
                *m = filled[j];
                attempt += 1;
            }
        }
        Signature { mins }
    }

    /// True for the signature of a text too short to compare (see
    /// [`super::MIN_WORDS`]).
    pub fn is_empty(&self) -> bool {
        self.mins.iter().all(|&m| m == u32::MAX)
    }

    /// The MinHash values.
    pub fn values(&self) -> &[u32; K] {
        &self.mins
    }

    /// Stable serialisation: format byte, `K` as a byte, then the values as
    /// little-endian `u32` (258 bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(2 + 4 * K);
        out.push(FORMAT);
        out.push(K as u8);
        for m in &self.mins {
            out.extend_from_slice(&m.to_le_bytes());
        }
        out
    }

    /// Parses [`Signature::to_bytes`]; `None` for another format, size or
    /// length.
    pub fn from_bytes(b: &[u8]) -> Option<Self> {
        if b.len() != 2 + 4 * K || b[0] != FORMAT || b[1] as usize != K {
            return None;
        }
        let mut mins = [0u32; K];
        for (m, c) in mins.iter_mut().zip(b[2..].chunks_exact(4)) {
            *m = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        }
        Some(Signature { mins })
    }
}

/// The signature of an article; `text` is `title + "\n" + body`.
pub fn signature(text: &str) -> Signature {
    Signature::from_shingles(&shingles(text, SHINGLE_WORDS))
}

/// Estimated Jaccard similarity of the shingle sets (0.0 ..= 1.0); 0.0 when
/// either signature is empty.
pub fn similarity(a: &Signature, b: &Signature) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    equal_values(&a.mins, &b.mins) as f32 / K as f32
}

#[inline]
pub(crate) fn equal_values(a: &[u32; K], b: &[u32; K]) -> usize {
    a.iter().zip(b.iter()).filter(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::shingles::jaccard;

    const TEXT: &str = "Bank Al-Maghrib maintient son taux directeur\nLe conseil de Bank \
        Al-Maghrib a décidé mardi de maintenir le taux directeur inchangé à 2,25%, \
        estimant que le niveau actuel reste approprié. L'inflation devrait rester \
        modérée cette année selon les projections de la banque centrale, qui \
        table sur une croissance de 4,6% de l'économie nationale. Le conseil a \
        également examiné l'évolution du marché des changes et les conditions \
        monétaires.";

    #[test]
    fn identical_and_edited_texts() {
        let a = signature(TEXT);
        assert_eq!(similarity(&a, &a), 1.0);
        let edited = TEXT.replace("mardi", "lundi").replace(
            " Le conseil a également examiné l'évolution du marché des changes et les conditions monétaires.",
            "",
        ) + "\nLire aussi: la Bourse de Casablanca termine en hausse";
        let b = signature(&edited);
        let exact = jaccard(
            &shingles(TEXT, SHINGLE_WORDS),
            &shingles(&edited, SHINGLE_WORDS),
        );
        let est = similarity(&a, &b);
        assert!(exact > 0.4 && exact < 0.9, "{exact}");
        assert!((est - exact).abs() < 0.2, "{est} vs {exact}");
        let other = signature(
            "Le Raja remporte le derby\nLe Raja de Casablanca a battu le Wydad deux buts \
             à un dimanche soir au complexe Mohammed V devant un public nombreux.",
        );
        assert!(similarity(&a, &other) < 0.1);
    }

    #[test]
    fn short_texts_are_similar_to_nothing() {
        let s = signature("Flash\nséisme au large d'Agadir");
        assert!(s.is_empty());
        assert_eq!(similarity(&s, &s), 0.0);
        assert_eq!(similarity(&s, &signature(TEXT)), 0.0);
    }

    #[test]
    fn bytes_round_trip_and_stability() {
        let a = signature(TEXT);
        let bytes = a.to_bytes();
        assert_eq!(bytes.len(), 258);
        assert_eq!(bytes[0], 2);
        assert_eq!(Signature::from_bytes(&bytes), Some(a.clone()));
        assert_eq!(Signature::from_bytes(&bytes[1..]), None);
        let mut bad = bytes.clone();
        bad[0] = 0;
        assert_eq!(Signature::from_bytes(&bad), None);
        // Pinned: signatures may be stored, the hash functions must not change.
        let s = signature("un deux trois quatre cinq six sept huit");
        assert_eq!(s.values()[0], PINNED_FIRST);
    }

    const PINNED_FIRST: u32 = 3_365_513_198;
}
