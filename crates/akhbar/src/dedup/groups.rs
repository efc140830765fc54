//! Incremental grouping of near-duplicates with LSH banding over MinHash,
//! in bounded memory.

use super::minhash::{Signature, K};
use super::shingles::mix64;

/// How many earlier members sharing one band value are checked at most (the
/// most recent first), per generation. Bounds the cost of a band value shared
/// by very many articles (identical boilerplate dominating short texts).
const MAX_CHAIN: usize = 256;

/// Marks a representative kept aside (see `Grouper::group_reps`).
const KEPT: u32 = 1 << 31;

/// Estimated bytes a stored article costs (signature, group, band entries
/// with spare capacity): sizes the band table's partitions.
const BYTES_PER_ARTICLE: usize = 128 + 4 + 32 * 7;

/// Signature values kept per article: the low 16 bits of each MinHash value
/// ("b-bit MinHash"). Two unequal values agree on their low 16 bits with
/// probability 2^-16, which biases a Jaccard estimate by less than 0.00002.
type Short = [u16; K];

fn shorten(mins: &[u32; K]) -> Short {
    let mut out = [0u16; K];
    for (o, &v) in out.iter_mut().zip(mins) {
        *o = v as u16;
    }
    out
}

fn equal_short(a: &Short, b: &Short) -> usize {
    a.iter().zip(b).filter(|(x, y)| x == y).count()
}

/// One partition of a generation's band table: the band keys' low 16 bits
/// (the partition holds their high bits) and the article of each entry, in
/// the order added.
#[derive(Default, Clone)]
struct Part {
    fps: Vec<u16>,
    arts: Vec<u32>,
}

impl Part {
    /// Appends an entry; returns the bytes newly reserved. Grows by a
    /// quarter at a time (not doubling) to keep spare capacity small.
    fn push(&mut self, fp: u16, art: u32) -> usize {
        let mut grown = 0;
        if self.fps.len() == self.fps.capacity() {
            let extra = (self.fps.len() / 4).max(8);
            self.fps.reserve_exact(extra);
            self.arts.reserve_exact(extra);
            grown = extra * 6;
        }
        self.fps.push(fp);
        self.arts.push(art);
        grown
    }

    /// Calls `found` with the articles whose key matches `fp`, the most
    /// recent first, at most [`MAX_CHAIN`] of them.
    fn matches(&self, fp: u16, mut found: impl FnMut(u32)) {
        const LANES: usize = 16;
        let mut taken = 0;
        let n = self.fps.len();
        let tail = n % LANES;
        // Whole chunks from the end: fixed-size compares vectorise into a mask.
        let mut end = n;
        while end > tail && taken < MAX_CHAIN {
            let start = end - LANES;
            let chunk: &[u16; LANES] = self.fps[start..end]
                .try_into()
                .expect("a chunk of LANES values");
            let mut mask = 0u32;
            for (j, &x) in chunk.iter().enumerate() {
                mask |= u32::from(x == fp) << j;
            }
            while mask != 0 && taken < MAX_CHAIN {
                let j = 31 - mask.leading_zeros() as usize;
                mask &= !(1 << j);
                found(self.arts[start + j]);
                taken += 1;
            }
            end = start;
        }
        for j in (0..tail).rev() {
            if taken >= MAX_CHAIN {
                break;
            }
            if self.fps[j] == fp {
                found(self.arts[j]);
                taken += 1;
            }
        }
    }
}

/// Articles stored together and forgotten together.
struct Generation {
    /// Ordinal of this generation's first article.
    base: u32,
    sigs: Vec<Short>,
    /// Stored article → index into `Grouper::group_ids`.
    group: Vec<u32>,
    /// Band table: `1 << part_bits` partitions (allocated at the first entry).
    parts: Vec<Part>,
    part_bits: u32,
    /// Bytes charged to this generation (capacities).
    bytes: usize,
}

impl Generation {
    fn new(base: u32, part_bits: u32) -> Self {
        Generation {
            base,
            sigs: Vec::new(),
            group: Vec::new(),
            parts: Vec::new(),
            part_bits,
            bytes: 0,
        }
    }

    fn part(&self, key: u32) -> (usize, u16) {
        ((key >> (32 - self.part_bits)) as usize, key as u16)
    }

    fn sig(&self, ordinal: u32) -> Option<&Short> {
        ordinal
            .checked_sub(self.base)
            .and_then(|i| self.sigs.get(i as usize))
    }

    fn group_of(&self, ordinal: u32) -> Option<u32> {
        ordinal
            .checked_sub(self.base)
            .and_then(|i| self.group.get(i as usize))
            .copied()
    }

    fn candidates(&self, keys: &[u32], out: &mut Vec<u32>) {
        if self.parts.is_empty() {
            return;
        }
        for &key in keys {
            let (p, fp) = self.part(key);
            let base = self.base;
            self.parts[p].matches(fp, |a| out.push(base + a));
        }
    }

    fn push(&mut self, sig: Short, group: u32, keys: &[u32]) {
        if self.parts.is_empty() {
            self.parts = vec![Part::default(); 1 << self.part_bits];
            self.bytes += self.parts.len() * std::mem::size_of::<Part>();
        }
        let me = self.sigs.len() as u32;
        if self.sigs.len() == self.sigs.capacity() {
            let extra = (self.sigs.len() / 4).max(16);
            self.sigs.reserve_exact(extra);
            self.group.reserve_exact(extra);
            self.bytes += extra * (std::mem::size_of::<Short>() + 4);
        }
        self.sigs.push(sig);
        self.group.push(group);
        for &key in keys {
            let (p, fp) = self.part(key);
            self.bytes += self.parts[p].push(fp, me);
        }
    }
}

/// How an article joins a group of near duplicates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Join {
    /// Near the group's representative (its first article): the default.
    /// Groups do not chain.
    #[default]
    Representative,
    /// Near any one member (single link): a group can chain articles that
    /// share only a paragraph with each other. For comparison only.
    AnyMember,
}

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
/// A candidate joins a group only when it is also near the group's
/// *representative* (its first article), not merely near one member: two
/// stories that each share a background paragraph with a third are not
/// chained into one group. Among the groups it may join, it joins the one
/// whose representative is most similar (group ids already handed out never
/// change, so groups are not merged). [`Join::AnyMember`], the earlier
/// single-link rule, is kept for comparison in the benchmarks. An article with an empty signature (fewer than
/// [`super::MIN_WORDS`] words) is never grouped and not stored.
///
/// # Memory
///
/// A stored article costs about 350 bytes: the low 16 bits of its 64
/// signature values (128 B), its group (4 B), and one band-table entry per
/// band (6 B × 32, plus at most a quarter of spare capacity). The band table
/// is cut into partitions by the keys' high bits, each a flat array scanned
/// with vectorised comparisons, so there is no hash-table overhead.
///
/// Memory is bounded by [`Grouper::with_memory_limit`]: articles are stored
/// in two generations, and when the newer one reaches half the limit the
/// older one is forgotten. A new article is therefore compared with at least
/// the last `limit / 2 / 350 B` articles (about 380,000 for 256 MB, the
/// default) and at most twice as many. Wire copies are republished within
/// days, far inside that window.
pub struct Grouper {
    threshold: f32,
    join: Join,
    bands: usize,
    rows: usize,
    limit: usize,
    /// Older and newer generation; `old` is forgotten when `cur` is full.
    old: Generation,
    cur: Generation,
    /// Ids of the groups' first articles.
    group_ids: Vec<Box<str>>,
    /// Each group's representative (parallel to `group_ids`): the ordinal
    /// of a remembered article, or `KEPT | i` for `kept_reps[i]` once that
    /// article's generation was forgotten while the group lives on.
    group_reps: Vec<u32>,
    kept_reps: Vec<Short>,
    /// Bytes of the ids' text.
    group_bytes: usize,
    count: usize,
    /// Scratch: candidates of the current article.
    seen: Vec<u32>,
    /// While loading articles already grouped ([`Grouper::remember`]): group
    /// key → index into `group_ids`. Emptied at each rotation and by
    /// [`Grouper::done_remembering`].
    known: std::collections::HashMap<u64, u32>,
}

impl Grouper {
    /// The default similarity threshold, chosen by measurement (see the
    /// `dedup` benchmark): estimated Jaccard of 5-word shingles.
    pub const DEFAULT_THRESHOLD: f32 = 0.3;

    /// The default number of LSH bands (of `K / bands` rows each).
    pub const DEFAULT_BANDS: usize = 32;

    /// The default memory limit: 256 MB.
    pub const DEFAULT_MEMORY: usize = 256 << 20;

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
        let mut grouper = Grouper {
            threshold,
            join: Join::Representative,
            bands,
            rows: K / bands,
            limit: 0,
            old: Generation::new(0, 4),
            cur: Generation::new(0, 4),
            group_ids: Vec::new(),
            group_reps: Vec::new(),
            kept_reps: Vec::new(),
            group_bytes: 0,
            count: 0,
            seen: Vec::new(),
            known: std::collections::HashMap::new(),
        };
        grouper.set_limit(Self::DEFAULT_MEMORY);
        grouper
    }

    /// The same grouper with at most about `bytes` of memory (at least
    /// 4 MB): older articles are forgotten first (see the type's docs).
    pub fn with_memory_limit(mut self, bytes: usize) -> Self {
        self.set_limit(bytes);
        self
    }

    fn set_limit(&mut self, bytes: usize) {
        self.limit = bytes.max(4 << 20);
        // About 64 to 128 entries per partition when a generation is full:
        // a partition is scanned whole for each band of each new article.
        let entries = self.limit / 2 / BYTES_PER_ARTICLE * self.bands;
        let bits = (entries / 64).max(1).ilog2();
        let bits = bits.clamp(4, 16);
        self.old.part_bits = bits;
        self.cur.part_bits = bits;
    }

    /// The same grouper with another rule for joining a group.
    pub fn joining(mut self, join: Join) -> Self {
        self.join = join;
        self
    }

    /// The similarity threshold.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The memory limit in bytes.
    pub fn memory_limit(&self) -> usize {
        self.limit
    }

    fn band_key(&self, mins: &[u32; K], band: usize) -> u32 {
        let mut h = mix64(band as u64 ^ 0x1234_5678_9abc_def0);
        for &v in &mins[band * self.rows..(band + 1) * self.rows] {
            h = mix64(h ^ u64::from(v));
        }
        (h >> 32) as u32
    }

    /// Adds an article; returns its group id (its own id when it has no near
    /// duplicate among the articles added before and still remembered).
    pub fn add(&mut self, id: &str, sig: &Signature) -> String {
        self.count += 1;
        if sig.is_empty() {
            return id.to_owned();
        }
        let keys = self.band_keys(sig);
        let keys = &keys[..self.bands];
        let short = shorten(&sig.mins);
        self.rotate_if_full();
        self.seen.clear();
        self.cur.candidates(keys, &mut self.seen);
        self.old.candidates(keys, &mut self.seen);
        self.seen.sort_unstable();
        self.seen.dedup();
        let min_equal = (self.threshold * K as f32 - 1e-4).ceil().max(1.0) as usize;
        // The best group to join: (similarity to the group's representative
        // (or to the member, for `Join::AnyMember`), group).
        let mut best: Option<(usize, u32)> = None;
        for &c in &self.seen {
            let Some(other) = self.cur.sig(c).or_else(|| self.old.sig(c)) else {
                continue;
            };
            let eq = equal_short(&short, other);
            if eq < min_equal {
                continue;
            }
            let Some(g) = self.cur.group_of(c).or_else(|| self.old.group_of(c)) else {
                continue;
            };
            let eq = match self.join {
                Join::AnyMember => eq,
                Join::Representative => self.rep_sig(g).map_or(0, |rep| equal_short(&short, rep)),
            };
            // Ties go to the earlier article (candidates are sorted).
            if eq >= min_equal && best.is_none_or(|(e, _)| eq > e) {
                best = Some((eq, g));
            }
        }
        let (group, gid) = match best {
            Some((_, g)) => (g, self.group_ids[g as usize].to_string()),
            None => {
                self.group_ids.push(id.into());
                self.group_reps.push(self.next_ordinal());
                self.group_bytes += id.len();
                ((self.group_ids.len() - 1) as u32, id.to_owned())
            }
        };
        self.cur.push(short, group, keys);
        gid
    }

    /// The ordinal the next stored article gets.
    fn next_ordinal(&self) -> u32 {
        self.cur.base + self.cur.sigs.len() as u32
    }

    /// The signature of group `g`'s representative.
    fn rep_sig(&self, g: u32) -> Option<&Short> {
        let rep = *self.group_reps.get(g as usize)?;
        if rep & KEPT != 0 {
            self.kept_reps.get((rep & !KEPT) as usize)
        } else {
            self.cur.sig(rep).or_else(|| self.old.sig(rep))
        }
    }

    fn band_keys(&self, sig: &Signature) -> [u32; K] {
        let mut keys = [0u32; K];
        for (b, key) in keys.iter_mut().enumerate().take(self.bands) {
            *key = self.band_key(&sig.mins, b);
        }
        keys
    }

    /// Remembers an article that was grouped before (loading an index): it
    /// keeps its stored group, identified by `group_key`, and is not compared
    /// with anything. Later [`Grouper::add`]s may join its group.
    pub fn remember(&mut self, group_key: u64, group: &str, sig: &Signature) {
        self.count += 1;
        if sig.is_empty() {
            return;
        }
        let keys = self.band_keys(sig);
        self.rotate_if_full();
        let index = match self.known.get(&group_key) {
            Some(&index) => index,
            None => {
                // The first remembered member (the oldest, in index order)
                // stands for the group.
                self.group_ids.push(group.into());
                self.group_reps.push(self.next_ordinal());
                self.group_bytes += group.len();
                let index = (self.group_ids.len() - 1) as u32;
                self.known.insert(group_key, index);
                index
            }
        };
        self.cur
            .push(shorten(&sig.mins), index, &keys[..self.bands]);
    }

    /// Frees what [`Grouper::remember`] needed.
    pub fn done_remembering(&mut self) {
        self.known = std::collections::HashMap::new();
    }

    fn rotate_if_full(&mut self) {
        // A sixteenth of the limit is left for the group ids' growth.
        if self.cur.bytes + self.group_memory() >= self.limit / 2 - self.limit / 16 {
            self.rotate();
            self.known.clear();
        }
    }

    /// Forgets the older generation; the newer becomes the older. Group ids
    /// no remembered article refers to are dropped.
    fn rotate(&mut self) {
        let base = self.cur.base + self.cur.sigs.len() as u32;
        let fresh = Generation::new(base, self.cur.part_bits);
        const NONE: u32 = u32::MAX;
        let mut remap = vec![NONE; self.group_ids.len()];
        let mut kept: Vec<Box<str>> = Vec::new();
        let mut reps: Vec<u32> = Vec::new();
        let mut kept_reps: Vec<Short> = Vec::new();
        // `forgotten` is the generation dropped now; `self.old` the one kept.
        let forgotten = std::mem::replace(&mut self.old, Generation::new(0, 4));
        let mut old = std::mem::replace(&mut self.cur, fresh);
        for g in &mut old.group {
            let slot = &mut remap[*g as usize];
            if *slot == NONE {
                *slot = kept.len() as u32;
                kept.push(std::mem::take(&mut self.group_ids[*g as usize]));
                let rep = self.group_reps[*g as usize];
                let rep = if rep & KEPT != 0 {
                    kept_reps.push(self.kept_reps[(rep & !KEPT) as usize]);
                    KEPT | (kept_reps.len() - 1) as u32
                } else if let Some(sig) = forgotten.sig(rep) {
                    kept_reps.push(*sig);
                    KEPT | (kept_reps.len() - 1) as u32
                } else {
                    rep
                };
                reps.push(rep);
            }
            *g = *slot;
        }
        self.old = old;
        self.group_bytes = kept.iter().map(|s| s.len()).sum();
        self.group_ids = kept;
        self.group_reps = reps;
        self.kept_reps = kept_reps;
    }

    /// Number of articles added (short ones included).
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when no article was added.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Number of articles currently remembered (compared with new ones).
    pub fn remembered(&self) -> usize {
        self.old.sigs.len() + self.cur.sigs.len()
    }

    fn group_memory(&self) -> usize {
        self.group_bytes
            + self.group_ids.capacity() * std::mem::size_of::<Box<str>>()
            + self.group_reps.capacity() * 4
            + self.kept_reps.capacity() * std::mem::size_of::<Short>()
    }

    /// Approximate heap memory in bytes (capacities, not lengths).
    pub fn memory_bytes(&self) -> usize {
        self.old.bytes + self.cur.bytes + self.group_memory() + self.seen.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::{signature, similarity};

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
    fn memory_stays_within_the_limit_and_old_articles_are_forgotten() {
        let limit = 4 << 20;
        let mut g = Grouper::new(Grouper::DEFAULT_THRESHOLD).with_memory_limit(limit);
        assert_eq!(g.add("a", &signature(A)), "a");
        // A copy soon after joins.
        assert_eq!(g.add("b", &signature(B)), "a");
        // 30,000 unrelated articles: distinct shingle sets.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for i in 0..30_000u32 {
            let shingles: Vec<u64> = (0..40)
                .map(|_| {
                    state = mix64(state);
                    state
                })
                .collect();
            let id = format!("x{i}");
            assert_eq!(g.add(&id, &Signature::from_shingles(&shingles)), id);
            assert!(
                g.memory_bytes() <= limit,
                "{} bytes after {i} articles",
                g.memory_bytes()
            );
        }
        // About 2 MB a generation, ~350 B an article: thousands remembered.
        assert!(g.remembered() > 5_000, "{}", g.remembered());
        assert!(g.remembered() < 30_000, "{}", g.remembered());
        // "a" and "b" were forgotten: a new copy starts its own group...
        assert_eq!(g.add("b2", &signature(B)), "b2");
        // ...which later copies join.
        assert_eq!(g.add("b3", &signature(B)), "b2");
        assert_eq!(g.len(), 30_004);
    }

    #[test]
    fn remembered_articles_keep_their_stored_group() {
        let mut g = Grouper::new(Grouper::DEFAULT_THRESHOLD);
        // Loaded from an index: A was stored in group "story-7".
        g.remember(7, "story-7", &signature(A));
        g.remember(9, "story-9", &signature(C));
        g.done_remembering();
        assert_eq!(g.len(), 2);
        // A new copy of A joins the stored group, not a group named "a".
        assert_eq!(g.add("b", &signature(B)), "story-7");
        assert_eq!(g.add("c2", &signature(C)), "story-9");
    }

    // Three articles of the Novichok kind: a story, a second story that
    // repeats the first one's background paragraph, and a copy of the second
    // story without that paragraph. The third is near the second only.
    const BACKGROUND: &str =
        "L'ancien agent double Sergueï Skripal et sa fille Ioulia avaient été \
        retrouvés inconscients le 4 mars sur un banc de Salisbury, empoisonnés par un agent \
        innervant de type Novitchok, selon les enquêteurs britanniques. Londres avait accusé \
        Moscou, qui dément toute implication, et les deux pays avaient expulsé des dizaines \
        de diplomates dans la foulée de l'affaire.";
    const STORY_ONE: &str = "Un couple hospitalisé à Amesbury\nDeux personnes ont été \
        retrouvées inconscientes samedi dans une maison d'Amesbury, a annoncé la police du \
        Wiltshire, qui a bouclé plusieurs lieux de la ville.";
    const STORY_TWO: &str = "Un policier examiné par précaution\nUn agent de police qui \
        s'était rendu sur les lieux a été placé en observation à l'hôpital de Salisbury par \
        simple précaution, ont indiqué lundi les autorités sanitaires, qui jugent le risque \
        faible pour la population. Les analyses doivent durer plusieurs jours et le policier \
        a pu recevoir la visite de sa famille dans l'après-midi, selon un communiqué.";

    #[test]
    fn groups_do_not_chain_through_a_shared_paragraph() {
        let one = format!("{STORY_ONE} {BACKGROUND}");
        let two = format!("{STORY_TWO} {BACKGROUND}");
        let copy_of_two = format!("{STORY_TWO} Le policier sera fixé sur son sort jeudi.");
        let sig = |t: &str| signature(t);
        assert!(similarity(&sig(&one), &sig(&two)) >= Grouper::DEFAULT_THRESHOLD);
        assert!(similarity(&sig(&two), &sig(&copy_of_two)) >= Grouper::DEFAULT_THRESHOLD);
        assert!(similarity(&sig(&one), &sig(&copy_of_two)) < Grouper::DEFAULT_THRESHOLD);

        let mut g = Grouper::new(Grouper::DEFAULT_THRESHOLD);
        assert_eq!(g.add("one", &sig(&one)), "one");
        assert_eq!(g.add("two", &sig(&two)), "one");
        // Near "two" but not near the group's first article: its own group.
        assert_eq!(g.add("copy", &sig(&copy_of_two)), "copy");

        // The single-link rule chains it in.
        let mut chained = Grouper::new(Grouper::DEFAULT_THRESHOLD).joining(Join::AnyMember);
        chained.add("one", &sig(&one));
        chained.add("two", &sig(&two));
        assert_eq!(chained.add("copy", &sig(&copy_of_two)), "one");
    }

    #[test]
    fn threshold_one_only_groups_identical() {
        let mut g = Grouper::with_bands(1.0, 16);
        assert_eq!(g.add("a", &signature(A)), "a");
        assert_eq!(g.add("b", &signature(B)), "b");
        assert_eq!(g.add("a2", &signature(A)), "a");
    }
}
