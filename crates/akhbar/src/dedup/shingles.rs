//! Normalisation, word shingles and the stable 64-bit hashes they are built on.
//!
//! Words are split and folded exactly like the search analyzers do
//! (`crate::analysis` folding: lowercase, Latin accents and ligatures,
//! Arabic harakat, tatweel, alef/hamza/yeh/teh marbuta forms, digits), but
//! are neither stemmed nor filtered: near-duplicate detection wants surface
//! text, and stop words make shingles more specific.
//!
//! Every hash here is a fixed-seed function of the UTF-8 bytes (little-endian
//! reads, no `std` `RandomState`), so shingle hashes and the signatures built
//! on them are identical across runs, builds and platforms.

use crate::analysis::{fold_into, next_word};

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;

/// Fewer words than this: the text is too short to be compared on shingles
/// (a handful of shingles gives meaningless Jaccard estimates, and short
/// wire flashes such as "Bourse de Casablanca : clôture" are shared by
/// unrelated articles). Such texts are never grouped.
pub const MIN_WORDS: usize = 8;

/// The splitmix64 finaliser: a fast, well-mixed bijection of `u64`.
#[inline]
pub(crate) const fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A stable 64-bit hash of a byte string (8-byte little-endian blocks, each
/// mixed with a multiply-xorshift round; the length is mixed in last).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    const SEED: u64 = 0x243f_6a88_85a3_08d3;
    const M: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = SEED;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ mix64(v)).wrapping_mul(M).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h ^ mix64(u64::from_le_bytes(buf)))
            .wrapping_mul(M)
            .rotate_left(29);
    }
    mix64(h ^ bytes.len() as u64)
}

/// Hashes of the normalised words of `text`, in order.
pub fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut buf = String::new();
    let mut cursor = 0;
    while let Some((s, e)) = next_word(text, &mut cursor) {
        buf.clear();
        fold_into(&text[s..e], &mut buf);
        // Folding may leave nothing (a lone tatweel or harakat).
        if !buf.is_empty() {
            out.push(hash_bytes(buf.as_bytes()));
        }
    }
    out
}

/// Hashes of the `k`-word shingles of `text` (normalised as described in the
/// module docs), sorted and de-duplicated. Empty when the text has fewer than
/// [`MIN_WORDS`] words; a text with at least `MIN_WORDS` but fewer than `k`
/// words gives one shingle (all its words).
pub fn shingles(text: &str, k: usize) -> Vec<u64> {
    let words = word_hashes(text);
    shingles_of_words(&words, k)
}

pub(crate) fn shingles_of_words(words: &[u64], k: usize) -> Vec<u64> {
    let k = k.max(1);
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    let mut out: Vec<u64> = if words.len() < k {
        vec![combine(words)]
    } else {
        words.windows(k).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Order-dependent combination of word hashes into one shingle hash.
#[inline]
fn combine(words: &[u64]) -> u64 {
    let mut h = 0x5851_f42d_4c95_7f2d_u64;
    for &w in words {
        h = mix64(h.rotate_left(17) ^ w);
    }
    h
}

/// Exact Jaccard similarity of two sorted, de-duplicated shingle sets (0 when
/// both are empty). For tests and benchmarks; signatures estimate it.
pub fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f32 / (a.len() + b.len() - inter) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable() {
        // Pinned values: signatures may be stored, so these must never change.
        assert_eq!(hash_bytes(b""), mix64(0x243f_6a88_85a3_08d3));
        assert_eq!(hash_bytes(b"maroc"), PINNED_MAROC);
        assert_ne!(hash_bytes(b"maroc"), hash_bytes(b"maroc\0"));
        assert_ne!(hash_bytes(b"abcdefgh"), hash_bytes(b"abcdefgh\0"));
    }

    const PINNED_MAROC: u64 = 9_123_205_052_064_693_843;

    #[test]
    fn normalises_before_hashing() {
        assert_eq!(
            word_hashes("Économie MAROCAINE"),
            word_hashes("economie marocaine")
        );
        // Harakat, alef forms, teh marbuta, tatweel.
        assert_eq!(word_hashes("المَدْرَسَة أحمد"), word_hashes("المدرسه احمد"));
        assert_eq!(word_hashes("المـــغرب"), word_hashes("المغرب"));
    }

    #[test]
    fn short_texts_have_no_shingles() {
        assert!(shingles("Bourse de Casablanca : clôture en hausse", 5).is_empty());
        let s = shingles("un deux trois quatre cinq six sept huit", 5);
        assert_eq!(s.len(), 4);
        let s = shingles("un deux trois quatre cinq six sept huit", 10);
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn exact_jaccard() {
        let a = shingles("a b c d e f g h i j k l", 3);
        let b = shingles("a b c d e f g h i j k l", 3);
        assert_eq!(jaccard(&a, &b), 1.0);
        let c = shingles("a b c d e f g h x j k l", 3);
        // 10 shingles each, 3 changed by one word: 7 shared of 13.
        assert!((jaccard(&a, &c) - 7.0 / 13.0).abs() < 1e-6);
        assert_eq!(jaccard(&[], &[]), 0.0);
    }
}
