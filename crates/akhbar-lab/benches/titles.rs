//! Pasted titles (issue 14): every title of the real corpora, pasted as a
//! query, must parse and find its own article near the top.
//!
//! `cargo build --release -p akhbar-cli && cargo bench --bench titles`
//!
//! For each corpus of `AKHBAR_CORPORA` (default `../shared/corpora`; a
//! folder with `articles.jsonl.zst`; missing: a message, exit 0):
//! 1. a sample of `AKHBAR_TITLES_ARTICLES` articles (default 20000; the
//!    whole corpus when smaller), drawn with a fixed-seed PRNG and written
//!    verbatim as `AKHBAR_BENCH_DIR/titles-NAME/corpus/sample.jsonl`, is
//!    indexed with the release `akhbar-index --full --quiet` (kept for the
//!    next run while the sample is the same);
//! 2. every indexed article (or `AKHBAR_TITLES_QUERIES` of them, drawn
//!    with a fixed seed; 0, the default, for all) gives its stored title, pasted verbatim
//!    as a keyword query (`SearchRequest::new(title)` with `limit: 10`: every
//!    word required, facets and snippets, one search thread) through
//!    `akhbar::search::search_with` on one searcher, after one warm-up pass.
//!
//! Reported per corpus: parse errors (`akhbar::search::parse`, must
//! be 0), queries with nothing to search (titles made only of stop words or
//! punctuation), the share of titles whose own article is rank 1, in the top
//! 3, in the top 10, and the latency of `search_with` (median, p95, p99).
//! A title found in several articles (a duplicate, the same headline in two
//! outlets) counts as found at the first hit whose title is identical. Hits
//! are one per group of near duplicates (the default), so ranks are counted
//! in groups, as a user sees them: an article also counts as found at the
//! hit of its own group (a wire story shown under another outlet's copy and
//! title, "N more from: …"); the table says how many were found only so.
//!
//! The table is printed as markdown and written to
//! `AKHBAR_BENCH_DIR/titles.md`; every title not in the top 3 (and every
//! error) to `AKHBAR_BENCH_DIR/titles-misses.tsv`, to read (not to commit:
//! it holds article text).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use akhbar::search::{parse, search_with, QueryError, SearchRequest};
use tantivy::schema::Value;
use tantivy::TantivyDocument;

mod support;
use support::{bench_dir, corpora_dir, env_or, machine, release_bin};

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

/// The first `k` of a fixed-seed shuffle of `0..n`, in index order.
fn sample(n: usize, k: usize, seed: u64) -> Vec<usize> {
    let mut all: Vec<usize> = (0..n).collect();
    if k >= n {
        return all;
    }
    let mut rng = Rng(seed);
    for i in 0..k {
        let j = i + rng.below(n - i);
        all.swap(i, j);
    }
    all.truncate(k);
    all.sort_unstable();
    all
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Writes the sample of a corpus and indexes it with the release
/// akhbar-index, unless the index of the same sample is already there.
fn build(zst: &Path, dir: &Path, articles: usize) -> Result<(), String> {
    let stamp = format!("sample of {articles} articles, seed 14\n");
    let index_dir = dir.join("index");
    let stamp_file = dir.join("sample.txt");
    if akhbar::index::exists(&index_dir)
        && std::fs::read_to_string(&stamp_file).is_ok_and(|s| s == stamp)
    {
        return Ok(());
    }
    let _ = std::fs::remove_dir_all(dir);
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).map_err(|e| e.to_string())?;
    let file = std::fs::File::open(zst).map_err(|e| e.to_string())?;
    let decoder = zstd::stream::read::Decoder::new(file).map_err(|e| e.to_string())?;
    let lines: Vec<String> = BufReader::new(decoder)
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .collect();
    let chosen = sample(lines.len(), articles, 14);
    let out = std::fs::File::create(corpus.join("sample.jsonl")).map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(out);
    for &i in &chosen {
        writeln!(out, "{}", lines[i]).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    drop(out);
    let start = Instant::now();
    let status = Command::new(release_bin("akhbar-index"))
        .arg(&corpus)
        .arg("--index")
        .arg(&index_dir)
        .args(["--full", "--quiet"])
        .stdout(std::process::Stdio::null())
        .status()
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("akhbar-index failed: {status}"));
    }
    eprintln!(
        "indexed {} articles of {} in {:.0} s",
        chosen.len(),
        zst.display(),
        start.elapsed().as_secs_f64()
    );
    std::fs::write(&stamp_file, stamp).map_err(|e| e.to_string())
}

/// One corpus's figures.
#[derive(Default)]
struct Row {
    articles: u64,
    queries: usize,
    parse_errors: usize,
    nothing: usize,
    other_errors: usize,
    rank1: usize,
    top3: usize,
    top10: usize,
    /// Found in the top 10 at a hit of the article's near-duplicate group
    /// with another title.
    by_group: usize,
    duplicate_titles: usize,
    times: Vec<f64>,
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

/// Pastes the titles of one index and counts where each finds its article.
fn measure(index_dir: &Path, queries: usize, misses: &mut impl Write, name: &str) -> Row {
    let mut index = akhbar::index::open(index_dir).expect("index opens");
    index.set_search_threads(1).expect("one search thread");
    let reader = index.index.reader().expect("reader");
    let searcher = reader.searcher();
    let fields = &index.fields;
    // Every indexed article's id, stored title and near-duplicate group.
    let mut docs: Vec<(String, String)> = Vec::new();
    let mut group_of: HashMap<String, String> = HashMap::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let alive = segment.alive_bitset();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|a| !a.is_alive(doc)) {
                continue;
            }
            let stored: TantivyDocument = searcher
                .doc(tantivy::DocAddress::new(ord as u32, doc))
                .expect("stored document");
            let id = text(&stored, fields.id);
            group_of.insert(id.clone(), text(&stored, fields.group));
            docs.push((id, text(&stored, fields.title)));
        }
    }
    docs.sort();
    let mut by_title: HashMap<&str, Vec<&str>> = HashMap::new();
    for (id, title) in &docs {
        by_title.entry(title.trim()).or_default().push(id);
    }
    let chosen: Vec<usize> = sample(
        docs.len(),
        if queries == 0 { docs.len() } else { queries },
        42,
    )
    .into_iter()
    .filter(|&i| !docs[i].1.trim().is_empty())
    .collect();
    let mut row = Row {
        articles: searcher.num_docs(),
        queries: chosen.len(),
        ..Row::default()
    };
    let request = |title: &str| SearchRequest {
        limit: 10,
        ..SearchRequest::new(title)
    };
    // Warm-up.
    for &i in &chosen {
        let _ = search_with(&searcher, fields, &request(&docs[i].1));
    }
    for &i in &chosen {
        let (id, title) = (&docs[i].0, docs[i].1.as_str());
        let same: &[&str] = by_title.get(title.trim()).map_or(&[], Vec::as_slice);
        if same.len() > 1 {
            row.duplicate_titles += 1;
        }
        if let Err(e) = parse(title) {
            row.parse_errors += 1;
            let _ = writeln!(misses, "{name}\tparse error\t{id}\t{title}\t{e}");
            continue;
        }
        let start = Instant::now();
        let found = search_with(&searcher, fields, &request(title));
        row.times.push(start.elapsed().as_secs_f64() * 1000.0);
        let results = match found {
            Ok(r) => r,
            Err(akhbar::Error::Query(QueryError::NothingToSearch(_))) => {
                row.nothing += 1;
                let _ = writeln!(misses, "{name}\tnothing to search\t{id}\t{title}\t");
                continue;
            }
            Err(e) => {
                row.other_errors += 1;
                let _ = writeln!(misses, "{name}\terror\t{id}\t{title}\t{e}");
                continue;
            }
        };
        let is_it = |hit: &akhbar::search::Hit| {
            hit.id == *id
                || hit.title.trim() == title.trim()
                || hit
                    .duplicates
                    .iter()
                    .any(|d| d.id == *id || same.contains(&d.id.as_str()))
        };
        let group = group_of.get(id.as_str());
        let in_group = |hit: &akhbar::search::Hit| group_of.get(hit.id.as_str()) == group;
        let rank = results.hits.iter().position(|h| is_it(h) || in_group(h));
        if rank.is_some() && !results.hits.iter().any(is_it) {
            row.by_group += 1;
        }
        if rank == Some(0) {
            row.rank1 += 1;
        }
        if rank.is_some_and(|r| r < 3) {
            row.top3 += 1;
        } else {
            let top = results.hits.first().map_or("", |h| h.title.as_str());
            let _ = writeln!(
                misses,
                "{name}\t{}\t{id}\t{title}\ttop hit of {}: {top}",
                rank.map_or("not in top 10".to_string(), |r| format!("rank {}", r + 1)),
                results.total
            );
        }
        if rank.is_some() {
            row.top10 += 1;
        }
    }
    row.times.sort_by(f64::total_cmp);
    row
}

fn main() {
    let corpora = corpora_dir();
    let base = bench_dir();
    if !corpora.is_dir() {
        println!(
            "titles bench: no corpora folder at {} (set AKHBAR_CORPORA): nothing measured",
            corpora.display()
        );
        return;
    }
    let articles: usize = env_or("AKHBAR_TITLES_ARTICLES", "20000")
        .parse()
        .unwrap_or(20_000);
    let queries: usize = env_or("AKHBAR_TITLES_QUERIES", "0").parse().unwrap_or(0);
    let mut names: Vec<String> = std::fs::read_dir(&corpora)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.path().join("articles.jsonl.zst").is_file())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    if names.is_empty() {
        println!(
            "titles bench: no corpus (a folder with articles.jsonl.zst) in {}: nothing measured",
            corpora.display()
        );
        return;
    }
    std::fs::create_dir_all(&base).expect("bench dir");
    let misses_path = base.join("titles-misses.tsv");
    let mut misses =
        std::io::BufWriter::new(std::fs::File::create(&misses_path).expect("misses file"));
    let mut md = String::new();
    let _ = writeln!(
        md,
        "Machine: {}. Per corpus: a fixed-seed sample of up to {articles} articles indexed with the release akhbar-index; {} of their titles pasted verbatim as keyword queries (every word required, top 10 with facets and snippets, one search thread, after a warm-up pass). A title shared by several articles counts as found at the first hit with that identical title; one hit per group of near duplicates, an article found at its group's hit (another copy's title) is counted in *by group*.\n",
        machine(),
        if queries == 0 { "all".to_string() } else { queries.to_string() }
    );
    let _ = writeln!(
        md,
        "| corpus | articles indexed | titles pasted | parse errors | nothing to search | other errors | shared titles | rank 1 | top 3 | top 10 | by group | median ms | p95 ms | p99 ms |"
    );
    let _ = writeln!(
        md,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    let mut total = Row::default();
    let pct = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
    for name in &names {
        let zst = corpora.join(name).join("articles.jsonl.zst");
        let dir = base.join(format!("titles-{name}"));
        if let Err(e) = build(&zst, &dir, articles) {
            let _ = writeln!(md, "| {name} | cannot index: {e} ||||||||||||");
            continue;
        }
        eprintln!("pasting the titles of {name}");
        let row = measure(&dir.join("index"), queries, &mut misses, name);
        let searched = row.queries - row.parse_errors;
        let _ = writeln!(
            md,
            "| {name} | {} | {} | {} | {} | {} | {} | {:.1} % | {:.1} % | {:.1} % | {} | {:.2} | {:.2} | {:.2} |",
            row.articles,
            row.queries,
            row.parse_errors,
            row.nothing,
            row.other_errors,
            row.duplicate_titles,
            pct(row.rank1, row.queries),
            pct(row.top3, row.queries),
            pct(row.top10, row.queries),
            row.by_group,
            percentile(&row.times, 50.0),
            percentile(&row.times, 95.0),
            percentile(&row.times, 99.0),
        );
        eprintln!("{name}: {searched} searched");
        total.articles += row.articles;
        total.queries += row.queries;
        total.parse_errors += row.parse_errors;
        total.nothing += row.nothing;
        total.other_errors += row.other_errors;
        total.duplicate_titles += row.duplicate_titles;
        total.rank1 += row.rank1;
        total.top3 += row.top3;
        total.top10 += row.top10;
        total.by_group += row.by_group;
        total.times.extend(row.times);
    }
    total.times.sort_by(f64::total_cmp);
    let _ = writeln!(
        md,
        "| **all** | {} | {} | {} | {} | {} | {} | {:.1} % | {:.1} % | {:.1} % | {} | {:.2} | {:.2} | {:.2} |",
        total.articles,
        total.queries,
        total.parse_errors,
        total.nothing,
        total.other_errors,
        total.duplicate_titles,
        pct(total.rank1, total.queries),
        pct(total.top3, total.queries),
        pct(total.top10, total.queries),
        total.by_group,
        percentile(&total.times, 50.0),
        percentile(&total.times, 95.0),
        percentile(&total.times, 99.0),
    );
    let _ = misses.flush();
    println!("{md}");
    println!(
        "titles not in the top 3, and errors: {}",
        misses_path.display()
    );
    if let Err(e) = std::fs::write(base.join("titles.md"), &md) {
        eprintln!("cannot write {}: {e}", base.join("titles.md").display());
    }
}
