//! Near-duplicate grouping benchmark: precision/recall of `akhbar::dedup` on a
//! labelled collection built from real corpora, MinHash vs SimHash.
//!
//! `cargo bench --bench dedup` (env `AKHBAR_CORPORA` = the corpora folder,
//! default `../shared/corpora` relative to the crate root).
//!
//! # The labelled collection
//!
//! Originals: every article of `maroc-finance-fr` (916) and the first 2,000
//! of `ant-jawharafm-ar`, minus texts under `MIN_WORDS` words (never grouped
//! by design). A fixed-seed 30% of them get 1–3 copies, each with at least
//! two of these edits: changed title (words dropped, outlet prefix), 1–2
//! sentences dropped, outlet boilerplate (dateline, "Lire aussi: <other
//! title>", "Suivez-nous sur ..." or Arabic equivalents), 1–4 words
//! replaced, last paragraph truncated. Articles are fed to the grouper in a
//! shuffled order (a copy may come before its original).
//!
//! # Ground truth
//!
//! A copy and its original are duplicates. Originals can themselves be
//! near-duplicates (the corpora hold republished and repeated articles): a
//! pair of originals whose *exact* Jaccard over 5-word shingles is >= 0.5
//! counts as a duplicate (joined in the truth clusters, with their copies),
//! a pair below 0.2 as distinct, and a pair in between is *unknown*:
//! excluded from precision (and, not being in the truth, from recall).
//! Pairwise precision = correct grouped pairs / grouped pairs (unknown
//! excluded); recall = correct grouped pairs / duplicate pairs.
//!
//! # Real groups
//!
//! Planted copies say nothing about groups that chain different stories
//! through a shared paragraph. The second table groups every article of the
//! JSON Lines corpora (file order, as `akhbar-index` sees them) under each
//! joining rule and threshold, samples up to 100 French and 100 Arabic
//! groups of two or more (fixed seed), and judges every member against its
//! group's first article by a stricter, independent measure: the exact
//! share of the shorter text's word 4-grams (lowercased words, no folding)
//! found in the longer one. A member is a true copy at >= 0.6 and clearly
//! another story below 0.3. Precision = true copies / members judged; the
//! planted-copy precision and recall of the same configuration stand beside it.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::time::Instant;

use akhbar::dedup::{jaccard, shingles, signature, Grouper, Join, Signature, MIN_WORDS};

const ORIGINALS_PER_CORPUS: usize = 2000;
const COPY_RATE: f64 = 0.30;
const TRUTH_JACCARD: f32 = 0.5;
const UNKNOWN_JACCARD: f32 = 0.2;

/// splitmix64 PRNG with a fixed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

#[derive(Clone)]
struct Doc {
    id: String,
    title: String,
    body: String,
    arabic: bool,
    /// Index of the original this document derives from (itself for one).
    origin: usize,
}

impl Doc {
    fn text(&self) -> String {
        format!("{}\n{}", self.title, self.body)
    }
}

fn corpora_dir() -> PathBuf {
    std::env::var_os("AKHBAR_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora")
        })
}

fn read_corpus(path: &std::path::Path, arabic: bool, limit: usize) -> Option<Vec<Doc>> {
    let file = std::fs::File::open(path).ok()?;
    let reader = BufReader::new(zstd::Decoder::new(file).ok()?);
    let mut out = Vec::new();
    for line in reader.lines() {
        let line = line.ok()?;
        let v: serde_json::Value = serde_json::from_str(&line).ok()?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_owned();
        let doc = Doc {
            id: s("id"),
            title: s("title"),
            body: s("body"),
            arabic,
            origin: 0,
        };
        if akhbar::dedup::word_hashes(&doc.text()).len() < MIN_WORDS {
            continue;
        }
        out.push(doc);
        if out.len() == limit {
            break;
        }
    }
    Some(out)
}

/// Splits into sentences, keeping the terminator (and newlines) with them.
fn sentences(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in body.char_indices() {
        if matches!(c, '.' | '!' | '?' | '؟' | '\n') {
            let end = i + c.len_utf8();
            if !body[start..end].trim().is_empty() {
                out.push(&body[start..end]);
            }
            start = end;
        }
    }
    if !body[start..].trim().is_empty() {
        out.push(&body[start..]);
    }
    out
}

fn random_word<'a>(rng: &mut Rng, docs: &'a [Doc], arabic: bool) -> &'a str {
    loop {
        let d = &docs[rng.below(docs.len())];
        if d.arabic != arabic {
            continue;
        }
        let words: Vec<&str> = d.body.split_whitespace().collect();
        if !words.is_empty() {
            return words[rng.below(words.len())];
        }
    }
}

fn make_copy(rng: &mut Rng, docs: &[Doc], o: usize, n: usize) -> Doc {
    let orig = &docs[o];
    let ar = orig.arabic;
    let mut title = orig.title.clone();
    let mut body = orig.body.clone();
    let mut ops = 0;
    while ops < 2 {
        // Change the title.
        if rng.chance(0.6) {
            let mut words: Vec<&str> = title.split_whitespace().collect();
            for _ in 0..1 + rng.below(3) {
                if words.len() > 3 {
                    words.remove(rng.below(words.len()));
                }
            }
            let prefixes: &[&str] = if ar {
                &["عاجل:", "تونس:", "بالفيديو:", "رسمي:"]
            } else {
                &["Maroc :", "Économie -", "Bourse :", "Officiel :"]
            };
            title = format!(
                "{} {}",
                prefixes[rng.below(prefixes.len())],
                words.join(" ")
            );
            ops += 1;
        }
        // Drop 1–2 sentences.
        if rng.chance(0.5) {
            let mut s: Vec<&str> = sentences(&body);
            if s.len() >= 4 {
                for _ in 0..1 + rng.below(2) {
                    s.remove(rng.below(s.len()));
                }
                body = s.concat();
                ops += 1;
            }
        }
        // Change a few words.
        if rng.chance(0.5) {
            let mut words: Vec<String> = body.split(' ').map(str::to_owned).collect();
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(words.len());
                words[i] = random_word(rng, docs, ar).to_owned();
            }
            body = words.join(" ");
            ops += 1;
        }
        // Truncate the last paragraph.
        if rng.chance(0.35) {
            let paras: Vec<&str> = body.split('\n').collect();
            let last = paras[paras.len() - 1];
            let words: Vec<&str> = last.split_whitespace().collect();
            let keep = if paras.len() > 1 {
                words.len() / 2
            } else {
                words.len() * 3 / 4
            };
            let mut p: Vec<String> = paras[..paras.len() - 1]
                .iter()
                .map(|s| s.to_string())
                .collect();
            p.push(words[..keep].join(" "));
            body = p.join("\n");
            ops += 1;
        }
        // Outlet boilerplate.
        if rng.chance(0.6) {
            let other = &docs[rng.below(docs.len())].title;
            let (dateline, also, follow, src) = if ar {
                (
                    ["تونس (وات) - ", "الرباط (و م ع) - ", ""][rng.below(3)],
                    format!("اقرأ أيضا: {other}"),
                    "تابعونا على فيسبوك وتويتر وانستغرام",
                    "المصدر: وكالة تونس افريقيا للأنباء",
                )
            } else {
                (
                    ["Rabat, (MAP) - ", "Casablanca (AFP) - ", ""][rng.below(3)],
                    format!("Lire aussi: {other}"),
                    "Suivez-nous sur Facebook, Twitter et Instagram",
                    "Source : MAP",
                )
            };
            let mut tail = String::new();
            if rng.chance(0.7) {
                tail += &format!("\n{also}");
            }
            if rng.chance(0.6) {
                tail += &format!("\n{follow}");
            }
            if rng.chance(0.4) {
                tail += &format!("\n{src}");
            }
            body = format!("{dateline}{body}{tail}");
            ops += 1;
        }
    }
    Doc {
        id: format!("{}#copy{n}", orig.id),
        title,
        body,
        arabic: ar,
        origin: o,
    }
}

struct Uf(Vec<usize>);

impl Uf {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let n = self.0[y];
            self.0[y] = r;
            y = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

struct Truth {
    /// Truth cluster of each document.
    cluster: Vec<usize>,
    /// Unknown pairs of originals (lower index first).
    unknown: HashSet<(usize, usize)>,
    positives: u64,
}

/// Exact Jaccard between all pairs of originals sharing a shingle
/// (inverted index), returns the pairs and their similarity.
fn original_pairs(sh: &[Vec<u64>], n_orig: usize) -> Vec<(usize, usize, f32)> {
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, s) in sh.iter().enumerate().take(n_orig) {
        for &h in s {
            index.entry(h).or_default().push(i as u32);
        }
    }
    let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
    for docs in index.values() {
        if docs.len() > 200 {
            continue; // boilerplate shingle; such pairs still get counted below if they share others
        }
        for (x, &a) in docs.iter().enumerate() {
            for &b in &docs[x + 1..] {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    pairs
        .into_keys()
        .map(|(a, b)| {
            let (a, b) = (a as usize, b as usize);
            (a, b, jaccard(&sh[a], &sh[b]))
        })
        .filter(|&(_, _, j)| j >= UNKNOWN_JACCARD)
        .collect()
}

fn truth(docs: &[Doc], n_orig: usize, pairs: &[(usize, usize, f32)]) -> Truth {
    let mut uf = Uf((0..docs.len()).collect());
    for (i, d) in docs.iter().enumerate() {
        uf.union(i, d.origin);
    }
    let mut unknown = HashSet::new();
    for &(a, b, j) in pairs {
        if j >= TRUTH_JACCARD {
            uf.union(a, b);
        } else {
            unknown.insert((a, b));
        }
    }
    let _ = n_orig;
    let cluster: Vec<usize> = (0..docs.len()).map(|i| uf.find(i)).collect();
    let mut sizes: HashMap<usize, u64> = HashMap::new();
    for &c in &cluster {
        *sizes.entry(c).or_default() += 1;
    }
    let positives = sizes.values().map(|&n| n * (n - 1) / 2).sum();
    Truth {
        cluster,
        unknown,
        positives,
    }
}

/// Pairwise precision and recall of a grouping (`group[i]` = group label).
fn evaluate(docs: &[Doc], t: &Truth, group: &[usize]) -> (f64, f64, u64) {
    let mut by_group: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, &g) in group.iter().enumerate() {
        by_group.entry(g).or_default().push(i);
    }
    let (mut tp, mut fp) = (0u64, 0u64);
    for members in by_group.values() {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                if t.cluster[a] == t.cluster[b] {
                    tp += 1;
                } else {
                    let (oa, ob) = (docs[a].origin, docs[b].origin);
                    if !t.unknown.contains(&(oa.min(ob), oa.max(ob))) {
                        fp += 1;
                    }
                }
            }
        }
    }
    let p = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    (p, tp as f64 / t.positives.max(1) as f64, fp)
}

fn simhash(shingles: &[u64]) -> u64 {
    if shingles.is_empty() {
        return 0;
    }
    let mut v = [0i32; 64];
    for &h in shingles {
        for (bit, c) in v.iter_mut().enumerate() {
            *c += if (h >> bit) & 1 == 1 { 1 } else { -1 };
        }
    }
    v.iter()
        .enumerate()
        .fold(0u64, |acc, (bit, &c)| acc | (u64::from(c > 0) << bit))
}

struct Row {
    method: String,
    threshold: String,
    precision: f64,
    recall: f64,
    fp: u64,
    sig_rate: f64,
    group_rate: f64,
    bytes: String,
}

fn percentile(v: &mut [f32], p: f64) -> f32 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() - 1) as f64 * p).round() as usize]
}

/// Containment judged by a measure independent of the grouper's: exact
/// word 4-grams over lowercased alphanumeric words (no folding).
const JUDGE_GRAM: usize = 4;
const JUDGE_COPY: f64 = 0.6;
const JUDGE_OTHER: f64 = 0.3;
const SAMPLED_GROUPS: usize = 100;

fn judge_grams(text: &str) -> HashSet<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(JUDGE_GRAM)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// The share of the smaller gram set found in the larger.
fn containment(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    small.iter().filter(|g| large.contains(g)).count() as f64 / small.len() as f64
}

/// Every article of the JSON Lines corpora, in file order.
fn read_all_corpora(dir: &std::path::Path) -> Vec<Doc> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().join("articles.jsonl.zst").is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let arabic = name.ends_with("-ar");
        if let Some(docs) = read_corpus(
            &dir.join(&name).join("articles.jsonl.zst"),
            arabic,
            usize::MAX,
        ) {
            out.extend(docs);
        }
    }
    out
}

struct RealJudged {
    groups: usize,
    sampled: usize,
    members: usize,
    copies: usize,
    others: usize,
    clean_groups: usize,
}

/// Groups `docs` in order and judges a sample of the groups (see the module docs).
fn judge_real(docs: &[Doc], sigs: &[Signature], join: Join, th: f32) -> RealJudged {
    let mut g = Grouper::new(th).joining(join);
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        let gid = g.add(&d.id, &sigs[i]);
        groups.entry(gid).or_default().push(i);
    }
    let mut multi: Vec<Vec<usize>> = groups.into_values().filter(|m| m.len() > 1).collect();
    multi.sort();
    let total = multi.len();
    let mut rng = Rng(0x005a_3b1e_9e0c);
    let mut sampled = Vec::new();
    for arabic in [false, true] {
        let mut of_lang: Vec<&Vec<usize>> = multi
            .iter()
            .filter(|m| docs[m[0]].arabic == arabic)
            .collect();
        for i in (1..of_lang.len()).rev() {
            of_lang.swap(i, rng.below(i + 1));
        }
        sampled.extend(of_lang.into_iter().take(SAMPLED_GROUPS));
    }
    let mut out = RealJudged {
        groups: total,
        sampled: sampled.len(),
        members: 0,
        copies: 0,
        others: 0,
        clean_groups: 0,
    };
    for members in sampled {
        let rep = judge_grams(&docs[members[0]].text());
        let mut clean = true;
        for &m in &members[1..] {
            let c = containment(&rep, &judge_grams(&docs[m].text()));
            out.members += 1;
            if c >= JUDGE_COPY {
                out.copies += 1;
            } else {
                clean = false;
                if c < JUDGE_OTHER {
                    out.others += 1;
                }
            }
        }
        out.clean_groups += usize::from(clean);
    }
    out
}

fn main() {
    // `cargo bench` passes `--bench`; ignore arguments.
    let dir = corpora_dir();
    let fr = dir.join("maroc-finance-fr/articles.jsonl.zst");
    let ar = dir.join("ant-jawharafm-ar/articles.jsonl.zst");
    let (Some(fr), Some(ar)) = (
        read_corpus(&fr, false, ORIGINALS_PER_CORPUS),
        read_corpus(&ar, true, ORIGINALS_PER_CORPUS),
    ) else {
        println!(
            "dedup bench: corpora not found under {} (set AKHBAR_CORPORA); skipping",
            dir.display()
        );
        return;
    };
    let mut docs: Vec<Doc> = fr.into_iter().chain(ar).collect();
    let n_orig = docs.len();
    for (i, d) in docs.iter_mut().enumerate() {
        d.origin = i;
    }
    let mut rng = Rng(0x00d0_0d1e_5eed);
    for o in 0..n_orig {
        if rng.chance(COPY_RATE) {
            for n in 0..1 + rng.below(3) {
                let c = make_copy(&mut rng, &docs, o, n);
                docs.push(c);
            }
        }
    }
    // Shuffled feeding order (Fisher–Yates).
    let mut order: Vec<usize> = (0..docs.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let texts: Vec<String> = docs.iter().map(Doc::text).collect();
    let words: f64 = texts
        .iter()
        .map(|t| t.split_whitespace().count() as f64)
        .sum::<f64>()
        / texts.len() as f64;

    let sh5: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t, 5)).collect();
    let pairs = original_pairs(&sh5, n_orig);
    let t = truth(&docs, n_orig, &pairs);
    let mut copy_j: Vec<f32> = (n_orig..docs.len())
        .map(|i| jaccard(&sh5[i], &sh5[docs[i].origin]))
        .collect();
    println!(
        "collection: {} originals ({} fr + ar), {} copies, {:.0} words/article on average; \
         {} duplicate pairs among originals (exact J >= {TRUTH_JACCARD}), {} unknown pairs \
         ({UNKNOWN_JACCARD} <= J < {TRUTH_JACCARD}); {} positive pairs in all",
        n_orig,
        docs.iter().take(n_orig).filter(|d| !d.arabic).count(),
        docs.len() - n_orig,
        words,
        pairs.iter().filter(|p| p.2 >= TRUTH_JACCARD).count(),
        t.unknown.len(),
        t.positives
    );
    println!(
        "exact 5-shingle Jaccard copy/original: p5 {:.2}, p10 {:.2}, p25 {:.2}, median {:.2}, min {:.2}\n",
        percentile(&mut copy_j, 0.05),
        percentile(&mut copy_j, 0.10),
        percentile(&mut copy_j, 0.25),
        percentile(&mut copy_j, 0.50),
        percentile(&mut copy_j, 0.0),
    );

    let mut rows = Vec::new();
    // MinHash: signature time per shingle size, then grouping per threshold.
    for k in [3usize, 5] {
        let start = Instant::now();
        let sigs: Vec<Signature> = texts
            .iter()
            .map(|t| Signature::from_shingles(&shingles(t, k)))
            .collect();
        let sig_time = start.elapsed().as_secs_f64();
        let configs: &[(usize, &[f32])] = if k == 5 {
            &[(32, &[0.2, 0.3, 0.4, 0.5, 0.6]), (16, &[0.3, 0.5])]
        } else {
            &[(32, &[0.3, 0.4, 0.5])]
        };
        for &(bands, thresholds) in configs {
            for &th in thresholds {
                let start = Instant::now();
                let mut g = Grouper::with_bands(th, bands);
                let mut label = vec![0usize; docs.len()];
                let mut ids: HashMap<String, usize> = HashMap::new();
                for &i in &order {
                    let gid = g.add(&docs[i].id, &sigs[i]);
                    let n = ids.len();
                    label[i] = *ids.entry(gid).or_insert(n);
                }
                let group_time = start.elapsed().as_secs_f64();
                let (p, r, fp) = evaluate(&docs, &t, &label);
                rows.push(Row {
                    method: format!("MinHash 64×u32, {k}-shingles, {bands}×{} LSH", 64 / bands),
                    threshold: format!("J ≥ {th}"),
                    precision: p,
                    recall: r,
                    fp,
                    sig_rate: docs.len() as f64 / sig_time,
                    group_rate: docs.len() as f64 / group_time,
                    bytes: format!(
                        "{} sig + {} grouper",
                        sigs[0].to_bytes().len(),
                        g.memory_bytes() / docs.len()
                    ),
                });
            }
        }
    }
    // SimHash 64-bit over the same shingles; brute-force nearest search.
    for k in [3usize, 5] {
        let start = Instant::now();
        let fps: Vec<Option<u64>> = texts
            .iter()
            .map(|t| {
                let s = shingles(t, k);
                (!s.is_empty()).then(|| simhash(&s))
            })
            .collect();
        let sig_time = start.elapsed().as_secs_f64();
        for d in [3u32, 6, 10, 16, 22] {
            let start = Instant::now();
            let mut seen: Vec<(u64, usize)> = Vec::new();
            let mut label = vec![0usize; docs.len()];
            for &i in &order {
                label[i] = i;
                let Some(f) = fps[i] else { continue };
                let best = seen
                    .iter()
                    .map(|&(g, l)| ((g ^ f).count_ones(), l))
                    .filter(|&(h, _)| h <= d)
                    .min_by_key(|&(h, _)| h);
                if let Some((_, l)) = best {
                    label[i] = l;
                }
                seen.push((f, label[i]));
            }
            let group_time = start.elapsed().as_secs_f64();
            let (p, r, fp) = evaluate(&docs, &t, &label);
            rows.push(Row {
                method: format!("SimHash 64-bit, {k}-shingles (brute-force search)"),
                threshold: format!("Hamming ≤ {d} (sim ≥ {:.2})", 1.0 - d as f64 / 64.0),
                precision: p,
                recall: r,
                fp,
                sig_rate: docs.len() as f64 / sig_time,
                group_rate: docs.len() as f64 / group_time,
                bytes: "8 sig (+ band tables)".into(),
            });
        }
    }

    println!(
        "| method | threshold | precision | recall | false pairs | signatures/s | grouping/s | bytes/article |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for r in rows {
        println!(
            "| {} | {} | {:.3} | {:.3} | {} | {:.0} | {:.0} | {} |",
            r.method, r.threshold, r.precision, r.recall, r.fp, r.sig_rate, r.group_rate, r.bytes
        );
    }

    // Real groups beside planted copies, per joining rule and threshold.
    let real = read_all_corpora(&dir);
    let real_sigs: Vec<Signature> = real.iter().map(|d| signature(&d.text())).collect();
    let planted_sigs: Vec<Signature> = texts.iter().map(|t| signature(t)).collect();
    println!(
        "\nreal groups: {} articles of {} ({} fr, {} ar), grouped in file order; up to {SAMPLED_GROUPS} \
         groups of 2+ sampled per language; a member is a true copy when >= {JUDGE_COPY} of the \
         shorter text's word {JUDGE_GRAM}-grams are in its group's first article, another story below {JUDGE_OTHER}\n",
        real.len(),
        dir.display(),
        real.iter().filter(|d| !d.arabic).count(),
        real.iter().filter(|d| d.arabic).count(),
    );
    println!(
        "| joining | threshold | real groups of 2+ | sampled | members judged | precision (real) | other stories | groups all true | precision (planted) | recall (planted) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for join in [Join::AnyMember, Join::Representative] {
        for th in [0.2f32, 0.3, 0.4, 0.5] {
            let mut g = Grouper::new(th).joining(join);
            let mut label = vec![0usize; docs.len()];
            let mut ids: HashMap<String, usize> = HashMap::new();
            for &i in &order {
                let gid = g.add(&docs[i].id, &planted_sigs[i]);
                let n = ids.len();
                label[i] = *ids.entry(gid).or_insert(n);
            }
            let (p, r, _) = evaluate(&docs, &t, &label);
            let j = judge_real(&real, &real_sigs, join, th);
            println!(
                "| {} | J ≥ {th} | {} | {} | {} | {:.3} | {} | {}/{} | {:.3} | {:.3} |",
                match join {
                    Join::AnyMember => "any member (single link)",
                    Join::Representative => "representative",
                },
                j.groups,
                j.sampled,
                j.members,
                j.copies as f64 / j.members.max(1) as f64,
                j.others,
                j.clean_groups,
                j.sampled,
                p,
                r
            );
        }
    }
}
