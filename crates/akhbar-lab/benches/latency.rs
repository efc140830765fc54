//! Query latency benchmark (issues 5 and 6): median and 99th percentile of
//! one-word, two-word, phrase and filtered queries, top-10 with the default
//! facets (lang, langs, year, month, source) and snippets, with one search
//! thread and with one per core (`akhbar-search`'s default: segments searched
//! in parallel).
//!
//! `cargo bench --bench latency` (after `cargo bench --bench indexing` for the
//! 10k / 100k / 1M scale curve).
//!
//! Indexes measured:
//! 1. the largest corpus of `AKHBAR_CORPORA` (default `../shared/corpora`; by
//!    uncompressed bytes), built into `AKHBAR_BENCH_DIR/latency-NAME/index`
//!    with akhbar's defaults when missing;
//! 2. every `AKHBAR_BENCH_DIR/scale-N/index` left by the indexing bench. The
//!    largest one (1M) is deleted afterwards unless `AKHBAR_BENCH_KEEP=1`.
//!
//! Queries: `AKHBAR_BENCH_QUERIES` (default 300) per class, drawn with a
//! fixed-seed PRNG from the titles of the corpus the index was built from:
//! one word; two words of one title; a phrase (two adjacent title words,
//! quoted); one word plus a filter, in turn the article's language
//! (`--lang`), its year (`--since Y-01-01 --until Y-12-31`) or its source
//! (`--source`). Words have 3+ letters and no digits.
//!
//! Each query runs through `akhbar::search::search_with` on one searcher
//! (`AKHBAR_BENCH_THREADS`, default `1,N` for N cores: each is measured, set
//! with `AkhbarIndex::set_search_threads`), with
//! `SearchRequest { limit: 10, ..SearchRequest::new(q) }`. One warm-up pass
//! over every query, then two measured passes; per class the pass with the
//! lower p99 is reported. Time is the wall time of `search_with` (parse,
//! compile, count, top-10, facets, snippets, stored fields; opening the index
//! is not counted, like `took_ms`).

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;

use akhbar::search::{search_with, SearchRequest};
use akhbar::Lang;

mod support;
use support::{bench_dir, corpora_dir, env_or, machine};

/// splitmix64: a small fixed-seed PRNG.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// What a query is drawn from: one title's words and the article's metadata.
struct TitleRec {
    /// The title's tokens, `None` where a token is not a usable query word.
    tokens: Vec<Option<String>>,
    lang: String,
    source: String,
    year: Option<i32>,
}

impl TitleRec {
    fn words(&self) -> Vec<&str> {
        self.tokens.iter().flatten().map(String::as_str).collect()
    }
}

fn tokens(title: &str) -> Vec<Option<String>> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| {
            let ok = t.chars().count() >= 3
                && !t.chars().any(|c| c.is_numeric())
                && !["or", "and", "not"].contains(&t.to_lowercase().as_str());
            ok.then(|| t.to_string())
        })
        .collect()
}

/// Titles of up to `max` articles of the `.jsonl.zst` files given.
fn read_titles(files: &[PathBuf], max: usize) -> Vec<TitleRec> {
    let mut out = Vec::new();
    for f in files {
        let Ok(file) = std::fs::File::open(f) else {
            continue;
        };
        let reader: Box<dyn Read> = if f.extension().is_some_and(|x| x == "zst") {
            Box::new(zstd::stream::read::Decoder::new(file).expect("zstd"))
        } else {
            Box::new(file)
        };
        for line in BufReader::new(reader).lines() {
            let Ok(line) = line else { break };
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            let rec = TitleRec {
                tokens: tokens(&s("title")),
                lang: s("lang"),
                source: s("source"),
                year: s("date").get(..4).and_then(|y| y.parse().ok()),
            };
            if !rec.words().is_empty() {
                out.push(rec);
            }
            if out.len() >= max {
                return out;
            }
        }
    }
    out
}

const CLASSES: [&str; 4] = ["one word", "two words", "phrase", "filtered"];

/// `n` requests per class.
fn make_queries(titles: &[TitleRec], n: usize, seed: u64) -> Vec<Vec<SearchRequest>> {
    let mut rng = Rng(seed);
    let mut classes: Vec<Vec<SearchRequest>> = vec![Vec::new(); 4];
    let req = |q: String| SearchRequest {
        limit: 10,
        ..SearchRequest::new(q)
    };
    // one word
    while classes[0].len() < n {
        let t = &titles[rng.below(titles.len())];
        let w = t.words();
        classes[0].push(req(w[rng.below(w.len())].to_string()));
    }
    // two words of one title
    let mut tries = 0;
    while classes[1].len() < n && tries < 100 * n {
        tries += 1;
        let t = &titles[rng.below(titles.len())];
        let w = t.words();
        if w.len() < 2 {
            continue;
        }
        let i = rng.below(w.len());
        let j = rng.below(w.len());
        if i == j || w[i] == w[j] {
            continue;
        }
        let (a, b) = (i.min(j), i.max(j));
        classes[1].push(req(format!("{} {}", w[a], w[b])));
    }
    // phrase: adjacent words
    tries = 0;
    while classes[2].len() < n && tries < 100 * n {
        tries += 1;
        let t = &titles[rng.below(titles.len())];
        let pairs: Vec<(&str, &str)> = t
            .tokens
            .windows(2)
            .filter_map(|p| match (&p[0], &p[1]) {
                (Some(a), Some(b)) => Some((a.as_str(), b.as_str())),
                _ => None,
            })
            .collect();
        if pairs.is_empty() {
            continue;
        }
        let (a, b) = pairs[rng.below(pairs.len())];
        classes[2].push(req(format!("\"{a} {b}\"")));
    }
    // one word + a filter
    let mut k = 0;
    while classes[3].len() < n {
        let t = &titles[rng.below(titles.len())];
        let w = t.words();
        let mut r = req(w[rng.below(w.len())].to_string());
        match k % 3 {
            0 => match t.lang.parse::<Lang>() {
                Ok(l) => r.langs = vec![l],
                Err(_) => continue,
            },
            1 => {
                let Some(y) = t.year else { continue };
                r.since = chrono::NaiveDate::from_ymd_opt(y, 1, 1);
                r.until = chrono::NaiveDate::from_ymd_opt(y, 12, 31);
            }
            _ => {
                if t.source.is_empty() || t.source == "None" {
                    continue;
                }
                r.sources = vec![t.source.clone()];
            }
        }
        k += 1;
        classes[3].push(r);
    }
    classes
}

#[derive(Clone, Copy, Default)]
struct Stats {
    median: f64,
    p99: f64,
    p999: f64,
    max: f64,
    mean_hits: f64,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Runs the classes' queries: warm-up, then two measured passes; the better
/// pass (by p99) per class.
fn measure(index: &akhbar::index::AkhbarIndex, classes: &[Vec<SearchRequest>]) -> Vec<Stats> {
    let reader = index.index.reader().expect("reader");
    let searcher = reader.searcher();
    let fields = &index.fields;
    for class in classes {
        for r in class {
            let _ = search_with(&searcher, fields, r);
        }
    }
    let mut best: Vec<Option<Stats>> = vec![None; classes.len()];
    for _pass in 0..2 {
        for (c, class) in classes.iter().enumerate() {
            let mut times = Vec::with_capacity(class.len());
            let mut hits = 0u64;
            for r in class {
                let t = Instant::now();
                let res = search_with(&searcher, fields, r);
                times.push(t.elapsed().as_secs_f64() * 1000.0);
                match res {
                    Ok(res) => hits += res.total,
                    Err(e) => eprintln!("query {:?} failed: {e}", r.query),
                }
            }
            times.sort_by(f64::total_cmp);
            let s = Stats {
                median: percentile(&times, 50.0),
                p99: percentile(&times, 99.0),
                p999: percentile(&times, 99.9),
                max: *times.last().unwrap_or(&0.0),
                mean_hits: hits as f64 / class.len().max(1) as f64,
            };
            if best[c].is_none_or(|b| s.p99 < b.p99) {
                best[c] = Some(s);
            }
        }
    }
    best.into_iter().map(Option::unwrap_or_default).collect()
}

fn dir_size(p: &Path) -> u64 {
    let Ok(meta) = std::fs::symlink_metadata(p) else {
        return 0;
    };
    if meta.is_dir() {
        std::fs::read_dir(p)
            .map(|rd| rd.flatten().map(|e| dir_size(&e.path())).sum())
            .unwrap_or(0)
    } else {
        meta.len()
    }
}

fn uncompressed_size(path: &Path) -> u64 {
    let Ok(f) = std::fs::File::open(path) else {
        return 0;
    };
    let mut dec = zstd::stream::read::Decoder::new(f).expect("zstd");
    std::io::copy(&mut dec, &mut std::io::sink()).unwrap_or(0)
}

/// Index facts for the table: articles, segments, MB on disk.
fn describe(index: &akhbar::index::AkhbarIndex, dir: &Path) -> (u64, usize, f64) {
    let reader = index.index.reader().expect("reader");
    let searcher = reader.searcher();
    (
        searcher.num_docs(),
        searcher.segment_readers().len(),
        dir_size(dir) as f64 / 1e6,
    )
}

fn main() {
    let corpora = corpora_dir();
    let base = bench_dir();
    let n: usize = env_or("AKHBAR_BENCH_QUERIES", "300").parse().unwrap_or(300);
    let mut md = String::new();
    let _ = writeln!(
        md,
        "Machine: {}. {n} queries per class, fixed seed; one warm-up pass, then the better of two measured passes.\n",
        machine()
    );
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut thread_counts: Vec<usize> = env_or("AKHBAR_BENCH_THREADS", &format!("1,{cores}"))
        .split(',')
        .filter_map(|t| t.trim().parse().ok())
        .filter(|&t| t > 0)
        .collect();
    thread_counts.dedup();

    // 1. The largest corpus.
    if corpora.is_dir() {
        let mut best: Option<(u64, String)> = None;
        let mut names: Vec<String> = std::fs::read_dir(&corpora)
            .expect("read corpora")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        for name in names {
            let zst = corpora.join(&name).join("articles.jsonl.zst");
            if zst.exists() {
                let size = uncompressed_size(&zst);
                if best.as_ref().is_none_or(|(b, _)| size > *b) {
                    best = Some((size, name));
                }
            }
        }
        if let Some((size, name)) = best {
            let zst = corpora.join(&name).join("articles.jsonl.zst");
            let dir = base.join(format!("latency-{name}"));
            let index_dir = dir.join("index");
            let opened = akhbar::index::open(&index_dir).ok();
            let mut index = match opened {
                Some(i) => i,
                None => {
                    let corpus = dir.join("corpus");
                    let _ = std::fs::remove_dir_all(&dir);
                    std::fs::create_dir_all(&corpus).expect("create dir");
                    std::os::unix::fs::symlink(
                        zst.canonicalize().unwrap(),
                        corpus.join("articles.jsonl.zst"),
                    )
                    .expect("symlink");
                    eprintln!("building {} from {name}", index_dir.display());
                    akhbar::index::build_index(&corpus, &index_dir, &Default::default())
                        .expect("build index");
                    akhbar::index::open(&index_dir).expect("open index")
                }
            };
            let titles = read_titles(&[zst], usize::MAX);
            let classes = make_queries(&titles, n, 42);
            let (docs, segments, mb) = describe(&index, &index_dir);
            let _ = writeln!(
                md,
                "#### Query latency on the largest corpus, {name} ({:.1} MB uncompressed, {docs} articles, {segments} segments, {mb:.0} MB index); top-10 with facets and snippets\n",
                size as f64 / 1e6
            );
            let _ = writeln!(
                md,
                "| query class | threads | queries | median ms | p99 ms | p99.9 ms | max ms | mean matches |"
            );
            let _ = writeln!(md, "|---|---:|---:|---:|---:|---:|---:|---:|");
            for &threads in &thread_counts {
                eprintln!(
                    "measuring {name}: {docs} articles, {segments} segments, {threads} thread(s)"
                );
                index.set_search_threads(threads).expect("search threads");
                let stats = measure(&index, &classes);
                for (c, s) in stats.iter().enumerate() {
                    let _ = writeln!(
                        md,
                        "| {} | {threads} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.0} |",
                        CLASSES[c],
                        classes[c].len(),
                        s.median,
                        s.p99,
                        s.p999,
                        s.max,
                        s.mean_hits
                    );
                }
            }
            let _ = writeln!(md);
        }
    } else {
        println!(
            "latency bench: no corpora folder at {} (set AKHBAR_CORPORA); skipping the largest-corpus measurement",
            corpora.display()
        );
    }

    // 2. The scale indexes.
    let mut scales: Vec<(u64, PathBuf)> = std::fs::read_dir(&base)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().to_string();
                    let n: u64 = name.strip_prefix("scale-")?.parse().ok()?;
                    akhbar::index::exists(&e.path().join("index")).then(|| (n, e.path()))
                })
                .collect()
        })
        .unwrap_or_default();
    scales.sort();
    if scales.is_empty() {
        let _ = writeln!(
            md,
            "(no scale indexes in {}: run `cargo bench --bench indexing` first)",
            base.display()
        );
    } else {
        let _ = writeln!(md, "#### Query latency by index size (mixed fr/ar scale corpora; top-10 with facets and snippets; median / p99 ms)\n");
        let _ = writeln!(md, "| articles | segments | index MB | threads | one word | two words | phrase | filtered | worst p99 |");
        let _ = writeln!(md, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }
    let largest = scales.last().map(|(n, _)| *n);
    for (size, dir) in &scales {
        let index_dir = dir.join("index");
        let mut index = match akhbar::index::open(&index_dir) {
            Ok(i) => i,
            Err(e) => {
                let _ = writeln!(md, "| {size} | cannot open: {e} ||||||||");
                continue;
            }
        };
        let mut parts: Vec<PathBuf> = std::fs::read_dir(dir.join("corpus"))
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        parts.sort();
        // The first part mixes every source (round-robin), enough to draw from.
        let titles = read_titles(&parts, 100_000);
        if titles.is_empty() {
            continue;
        }
        let classes = make_queries(&titles, n, 42);
        let (docs, segments, mb) = describe(&index, &index_dir);
        for &threads in &thread_counts {
            eprintln!(
                "measuring scale-{size}: {docs} articles, {segments} segments, {threads} thread(s)"
            );
            index.set_search_threads(threads).expect("search threads");
            let stats = measure(&index, &classes);
            let cell = |s: &Stats| format!("{:.1} / {:.1}", s.median, s.p99);
            let worst = stats.iter().map(|s| s.p99).fold(0.0, f64::max);
            let _ = writeln!(
                md,
                "| {docs} | {segments} | {mb:.0} | {threads} | {} | {} | {} | {} | {worst:.1} |",
                cell(&stats[0]),
                cell(&stats[1]),
                cell(&stats[2]),
                cell(&stats[3])
            );
        }
        drop(index);
        if Some(*size) == largest && *size >= 1_000_000 && env_or("AKHBAR_BENCH_KEEP", "0") != "1" {
            eprintln!(
                "deleting {} (AKHBAR_BENCH_KEEP=1 keeps it)",
                index_dir.display()
            );
            let _ = std::fs::remove_dir_all(&index_dir);
        }
    }
    println!("{md}");
    let _ = std::fs::create_dir_all(&base);
    if let Err(e) = std::fs::write(base.join("latency.md"), &md) {
        eprintln!("cannot write {}: {e}", base.join("latency.md").display());
    }
}
