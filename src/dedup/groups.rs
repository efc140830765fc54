//! Incremental grouping of near-duplicates with LSH banding over MinHash.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::minhash::{equal_values, Signature, K};
use super::shingles::mix64;

/// Keys of the band table are already well-mixed 64-bit hashes.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix64(self.0 ^ u64::from(b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        // hashbrown takes its control tags from the top bits: spread them.
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

const NONE: u32 = u32::MAX;

/// How many earlier members sharing one band value are checked at most (the
/// most recent first). Bounds the cost of a band value shared by very many
/// articles (identical boilerplate dominating short texts).
const MAX_CHAIN: usize = 256;

/// Incremental near-duplicate grouping: feed articles one by one, each gets a
/// group id, the id of the first article of its group.
///
/// Candidates come from LSH banding: the [`K`] = 64 MinHash values are cut
/// into `bands` bands of `K / bands` rows; two articles are candidates when
/// they agree on all rows of at least one band, and a candidate joins when
/// its estimated Jaccard ([`super::similarity`]) is `>= threshold`. With the
/// default 32 bands of 2 rows, a pair at Jaccard 0.3 is a candidate with
/// probability 0.95, at 0.4 with 0.997.
///
/// An article that matches members of several groups joins the group of the
/// most similar one (group ids already handed out never change, so groups
/// are not merged). An article with an empty signature (fewer than
/// [`super::MIN_WORDS`] words) is never grouped and not stored.
///
/// Memory per stored article: the signature (256 B), its group (4 B), one
/// chain link per band (4 B × 32) and one band-table entry per band (9 B
/// plus hashbrown's spare capacity: 10–20 B each, × 32), so about
/// 0.7–1.2 KB (1.19 KB measured by the `dedup` benchmark, spare capacity of
/// the vectors included); plus the id of each group's first article. About
/// 1 GB for 1M articles; see [`Grouper::memory_bytes`]. For larger streams,
/// keep one `Grouper` per time window (wire copies are republished within
/// days).
pub struct Grouper {
    threshold: f32,
    bands: usize,
    rows: usize,
    /// Signature values of the stored articles (short texts are not stored).
    sigs: Vec<[u32; K]>,
    /// Stored article → index into `group_ids`.
    group: Vec<u32>,
    /// Ids of the groups' first articles.
    group_ids: Vec<Box<str>>,
    /// Band key (32 bits of the band hash, band number mixed in) → the
    /// latest stored article with that key. A key collision only adds a
    /// candidate, which the verification rejects.
    heads: HashMap<u32, u32, BuildHasherDefault<IdHasher>>,
    /// `article * bands + band` → the previous article with the same key.
    next: Vec<u32>,
    count: usize,
    /// Scratch: candidates of the current article.
    seen: Vec<u32>,
}

impl Grouper {
    /// The default similarity threshold, chosen by measurement (see the
    /// `dedup` benchmark): estimated Jaccard of 5-word shingles.
    pub const DEFAULT_THRESHOLD: f32 = 0.3;

    /// The default number of LSH bands (of `K / bands` rows each).
    pub const DEFAULT_BANDS: usize = 32;

    /// A grouper with [`Grouper::DEFAULT_BANDS`] bands.
    pub fn new(threshold: f32) -> Self {
        Self::with_bands(threshold, Self::DEFAULT_BANDS)
    }

    /// A grouper with `bands` LSH bands; `bands` must divide [`K`] (64).
    /// More bands (fewer rows) find pairs of lower similarity and produce
    /// more candidates to verify.
    pub fn with_bands(threshold: f32, bands: usize) -> Self {
        assert!(
            bands > 0 && K.is_multiple_of(bands),
            "bands must divide {K}, got {bands}"
        );
        Grouper {
            threshold,
            bands,
            rows: K / bands,
            sigs: Vec::new(),
            group: Vec::new(),
            group_ids: Vec::new(),
            heads: HashMap::default(),
            next: Vec::new(),
            count: 0,
            seen: Vec::new(),
        }
    }

    /// The similarity threshold.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    fn band_key(&self, mins: &[u32; K], band: usize) -> u32 {
        let mut h = mix64(band as u64 ^ 0x1234_5678_9abc_def0);
        for &v in &mins[band * self.rows..(band + 1) * self.rows] {
            h = mix64(h ^ u64::from(v));
        }
        (h >> 32) as u32
    }

    /// Adds an article; returns its group id (its own id when it has no near
    /// duplicate among the articles added before).
    pub fn add(&mut self, id: &str, sig: &Signature) -> String {
        self.count += 1;
        if sig.is_empty() {
            return id.to_owned();
        }
        let mins = &sig.mins;
        let mut keys = [0u32; K];
        for (b, key) in keys.iter_mut().enumerate().take(self.bands) {
            *key = self.band_key(mins, b);
        }
        // Candidates.
        self.seen.clear();
        for (b, key) in keys.iter().enumerate().take(self.bands) {
            let mut cur = self.heads.get(key).copied().unwrap_or(NONE);
            let mut steps = 0;
            while cur != NONE && steps < MAX_CHAIN {
                self.seen.push(cur);
                cur = self.next[cur as usize * self.bands + b];
                steps += 1;
            }
        }
        self.seen.sort_unstable();
        self.seen.dedup();
        let min_equal = (self.threshold * K as f32 - 1e-4).ceil().max(1.0) as usize;
        let mut best: Option<(usize, u32)> = None;
        for &c in &self.seen {
            let eq = equal_values(mins, &self.sigs[c as usize]);
            // Ties go to the earlier article (candidates are sorted).
            if eq >= min_equal && best.is_none_or(|(e, _)| eq > e) {
                best = Some((eq, c));
            }
        }
        let me = self.sigs.len() as u32;
        let (group, gid) = match best {
            Some((_, c)) => {
                let g = self.group[c as usize];
                (g, self.group_ids[g as usize].to_string())
            }
            None => {
                self.group_ids.push(id.into());
                ((self.group_ids.len() - 1) as u32, id.to_owned())
            }
        };
        self.sigs.push(*mins);
        self.group.push(group);
        for &key in keys.iter().take(self.bands) {
            let prev = self.heads.insert(key, me).unwrap_or(NONE);
            self.next.push(prev);
        }
        gid
    }

    /// Number of articles added (short ones included).
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when no article was added.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Approximate heap memory in bytes (capacities, not lengths).
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        self.sigs.capacity() * size_of::<[u32; K]>()
            + self.group.capacity() * 4
            + self.next.capacity() * 4
            + self.seen.capacity() * 4
            + self.group_ids.capacity() * size_of::<Box<str>>()
            + self.group_ids.iter().map(|s| s.len()).sum::<usize>()
            // hashbrown: key + value + one control byte per bucket.
            + self.heads.capacity() * 8 / 7 * (2 * size_of::<u32>() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::signature;

    const A: &str = "Bank Al-Maghrib maintient son taux directeur\nLe conseil de Bank \
        Al-Maghrib a décidé mardi de maintenir le taux directeur inchangé à 2,25%, \
        estimant que le niveau actuel reste approprié. L'inflation devrait rester \
        modérée cette année selon les projections de la banque centrale, qui \
        table sur une croissance de 4,6% de l'économie nationale.";
    const B: &str = "Taux directeur: statu quo à BAM\nLe conseil de Bank \
        Al-Maghrib a décidé mardi de maintenir le taux directeur inchangé à 2,25%, \
        estimant que le niveau actuel reste approprié. L'inflation devrait rester \
        modérée cette année selon les projections de la banque centrale, qui \
        table sur une croissance de 4,6% de l'économie nationale.\nLire aussi: \
        les banques marocaines en 2025";
    const C: &str = "Le Raja remporte le derby\nLe Raja de Casablanca a battu le Wydad \
        deux buts à un dimanche soir au complexe Mohammed V devant un public nombreux.";

    #[test]
    fn groups_near_duplicates() {
        let mut g = Grouper::new(Grouper::DEFAULT_THRESHOLD);
        assert!(g.is_empty());
        assert_eq!(g.add("a", &signature(A)), "a");
        assert_eq!(g.add("c", &signature(C)), "c");
        assert_eq!(g.add("b", &signature(B)), "a");
        // Short texts are never grouped, not even with themselves.
        assert_eq!(g.add("s1", &signature("Flash: séisme")), "s1");
        assert_eq!(g.add("s2", &signature("Flash: séisme")), "s2");
        // An exact copy of the copy joins the same group.
        assert_eq!(g.add("b2", &signature(B)), "a");
        assert_eq!(g.len(), 6);
        assert!(g.memory_bytes() > 0);
    }

    #[test]
    fn threshold_one_only_groups_identical() {
        let mut g = Grouper::with_bands(1.0, 16);
        assert_eq!(g.add("a", &signature(A)), "a");
        assert_eq!(g.add("b", &signature(B)), "b");
        assert_eq!(g.add("a2", &signature(A)), "a");
    }
}
