//! Title, date and source extraction on raw news pages (issue 15): how well
//! akhbar reads the headline, the publication date and the outlet of the
//! pages journalists' scrapers save, outlet layout by outlet layout.
//!
//! `cargo bench -p akhbar-lab --bench extraction`
//!
//! The test set is `bench/outlets/` of this crate (or `AKHBAR_OUTLETS`, a
//! folder with the same `corpus/` and `truth.tsv`): saved HTML and plain-text
//! pages of 18 Moroccan, Algerian and Tunisian outlet layouts in French and
//! Arabic, and pages that are not articles (a dataset dump, a log, an
//! edition page of headlines, an empty page). Its texts are invented; its
//! README says what each layout exercises, `generate.py` rewrites it.
//!
//! The corpus folder is ingested exactly as `akhbar-index` reads it:
//! `akhbar::ingest::ingest_corpus` with the default `IngestOptions` (the
//! boilerplate of each source is learned over the whole folder before the
//! first page is parsed), no index built. Each page is then compared with its
//! row of `truth.tsv`:
//! - title: exact after folding runs of white space (non-breaking spaces
//!   included); *lenient* also ignores case and punctuation (apostrophes,
//!   guillemets, colons, dashes);
//! - date: the publication date, exactly (empty in the truth: no date);
//! - source: the outlet's canonical name, exactly; *lenient* also ignores
//!   case, Latin accents, punctuation and spaces (`Medias24` for `Médias24`);
//! - a page that is not an article must be rejected (no article from it);
//!   an article page that gives no article misses every field.
//!
//! Reported: a markdown table per layout (the corpus's first folder) and
//! overall, printed and written to `AKHBAR_BENCH_DIR/extraction.md` (default
//! `bench/` in the cargo target folder, `target/bench`), and every miss
//! (path, field, expected, got) to `AKHBAR_BENCH_DIR/extraction-misses.tsv`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use akhbar::ingest::{ingest_corpus, IngestOptions, Item, Skip};
use akhbar::Article;

/// One row of `truth.tsv`.
struct Truth {
    path: String,
    title: String,
    date: String,
    source: String,
    article: bool,
}

/// Reads `truth.tsv`: a header, then path, title, date, source, article.
fn read_truth(path: &Path) -> Result<Vec<Truth>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut lines = text.lines().enumerate();
    let header = lines.next().map(|(_, l)| l).unwrap_or_default();
    if header != "path\ttitle\tdate\tsource\tarticle" {
        return Err(format!(
            "{}: the header must be `path<TAB>title<TAB>date<TAB>source<TAB>article`, not `{header}`",
            path.display()
        ));
    }
    let mut rows = Vec::new();
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [file, title, date, source, article] = fields[..] else {
            return Err(format!(
                "{} line {}: 5 tab-separated fields expected, {} found",
                path.display(),
                n + 1,
                fields.len()
            ));
        };
        let article = match article {
            "yes" => true,
            "no" => false,
            other => {
                return Err(format!(
                    "{} line {}: article must be yes or no, not `{other}`",
                    path.display(),
                    n + 1
                ))
            }
        };
        rows.push(Truth {
            path: file.to_string(),
            title: title.to_string(),
            date: date.to_string(),
            source: source.to_string(),
            article,
        });
    }
    Ok(rows)
}

/// What ingestion made of one file.
#[derive(Default)]
struct Outcome {
    articles: Vec<Article>,
    skips: Vec<Skip>,
}

/// Ingests the corpus as akhbar-index does, keeping each file's items.
fn ingest(corpus: &Path) -> Result<BTreeMap<String, Outcome>, String> {
    let opts = IngestOptions::default();
    let mut by_file: BTreeMap<String, Outcome> = BTreeMap::new();
    ingest_corpus(corpus, &opts, |item| {
        match item {
            Item::File(file) => {
                by_file.entry(file).or_default();
            }
            Item::Article(article) => by_file
                .entry(article.file.clone())
                .or_default()
                .articles
                .push(*article),
            Item::Skip(skip) => by_file
                .entry(skip.path.clone())
                .or_default()
                .skips
                .push(skip),
        }
        Ok(())
    })
    .map_err(|e| format!("cannot ingest {}: {e}", corpus.display()))?;
    Ok(by_file)
}

/// Runs of white space (non-breaking ones too) folded to one space.
fn spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lowercase, letters and digits only, words separated by one space.
fn lenient(s: &str) -> String {
    let kept: String = s
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaces(&kept)
}

/// [`lenient`], Latin accents folded and spaces dropped: for outlet names.
fn lenient_name(s: &str) -> String {
    lenient(s)
        .chars()
        .filter(|c| *c != ' ')
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

/// A value for a TSV cell: tabs and line breaks become spaces.
fn cell(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// The figures of one layout (or of all).
#[derive(Default, Clone)]
struct Row {
    pages: usize,
    articles: usize,
    indexed: usize,
    title: usize,
    title_lenient: usize,
    date: usize,
    source: usize,
    source_lenient: usize,
    non_articles: usize,
    rejected: usize,
}

impl Row {
    fn add(&mut self, other: &Row) {
        self.pages += other.pages;
        self.articles += other.articles;
        self.indexed += other.indexed;
        self.title += other.title;
        self.title_lenient += other.title_lenient;
        self.date += other.date;
        self.source += other.source;
        self.source_lenient += other.source_lenient;
        self.non_articles += other.non_articles;
        self.rejected += other.rejected;
    }
}

/// `7/10`, with the share when asked.
fn ratio(n: usize, of: usize, share: bool) -> String {
    if of == 0 {
        return "—".to_string();
    }
    if share {
        format!("{n}/{of} ({:.1} %)", 100.0 * n as f64 / of as f64)
    } else {
        format!("{n}/{of}")
    }
}

fn table_row(name: &str, row: &Row, share: bool) -> String {
    format!(
        "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        row.pages,
        ratio(row.indexed, row.articles, share),
        ratio(row.title, row.articles, share),
        ratio(row.title_lenient, row.articles, share),
        ratio(row.date, row.articles, share),
        ratio(row.source, row.articles, share),
        ratio(row.source_lenient, row.articles, share),
        ratio(row.rejected, row.non_articles, share),
        if row.non_articles == 0 {
            "—".to_string()
        } else {
            (row.non_articles - row.rejected).to_string()
        },
    )
}

/// Where the reports go: `AKHBAR_BENCH_DIR`, else `bench/` in the cargo
/// target folder (the bench runs from `<target>/release/deps/`).
fn bench_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("AKHBAR_BENCH_DIR") {
        return PathBuf::from(dir);
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.parent()?.join("bench")))
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench"))
}

/// Why an article page gave no article.
fn skipped(outcome: Option<&Outcome>) -> String {
    match outcome.and_then(|o| o.skips.first()) {
        Some(skip) if skip.detail.is_empty() => format!("(skipped: {})", skip.reason.label()),
        Some(skip) => format!("(skipped: {}: {})", skip.reason.label(), skip.detail),
        None if outcome.is_none() => "(file not read)".to_string(),
        None => "(no article)".to_string(),
    }
}

fn main() {
    let set = std::env::var_os("AKHBAR_OUTLETS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/outlets"));
    let corpus = set.join("corpus");
    let truth = match read_truth(&set.join("truth.tsv")) {
        Ok(truth) => truth,
        Err(e) => {
            eprintln!("extraction bench: {e}");
            std::process::exit(2);
        }
    };
    let start = Instant::now();
    let outcomes = match ingest(&corpus) {
        Ok(outcomes) => outcomes,
        Err(e) => {
            eprintln!("extraction bench: {e}");
            std::process::exit(2);
        }
    };
    let secs = start.elapsed().as_secs_f64();

    let mut misses: Vec<[String; 4]> = Vec::new();
    let mut miss = |path: &str, field: &str, expected: &str, got: &str| {
        misses.push([path, field, expected, got].map(cell));
    };
    let mut layouts: BTreeMap<String, Row> = BTreeMap::new();
    let mut by_field: BTreeMap<&str, usize> = BTreeMap::new();
    for t in &truth {
        let layout = t.path.split('/').next().unwrap_or_default().to_string();
        let row = layouts.entry(layout).or_default();
        row.pages += 1;
        let outcome = outcomes.get(&t.path);
        let article = outcome.and_then(|o| o.articles.first());
        if !t.article {
            row.non_articles += 1;
            match article {
                None => row.rejected += 1,
                Some(a) => {
                    *by_field.entry("not an article, indexed").or_default() += 1;
                    miss(&t.path, "article", "no", &format!("indexed: {}", a.title));
                }
            }
            continue;
        }
        row.articles += 1;
        let Some(a) = article else {
            *by_field.entry("article page not indexed").or_default() += 1;
            miss(&t.path, "article", "yes", &skipped(outcome));
            continue;
        };
        row.indexed += 1;
        if spaces(&a.title) == spaces(&t.title) {
            row.title += 1;
        } else {
            *by_field.entry("title").or_default() += 1;
            miss(&t.path, "title", &t.title, &spaces(&a.title));
        }
        if lenient(&a.title) == lenient(&t.title) {
            row.title_lenient += 1;
        } else {
            *by_field.entry("title (lenient)").or_default() += 1;
        }
        let date = a.date.map(|d| d.to_string()).unwrap_or_default();
        if date == t.date {
            row.date += 1;
        } else {
            *by_field.entry("date").or_default() += 1;
            miss(&t.path, "date", &t.date, &date);
        }
        let source = a.source.as_deref().map(spaces).unwrap_or_default();
        if source == t.source {
            row.source += 1;
        } else {
            *by_field.entry("source").or_default() += 1;
            miss(&t.path, "source", &t.source, &source);
        }
        if !source.is_empty() && lenient_name(&source) == lenient_name(&t.source) {
            row.source_lenient += 1;
        } else {
            *by_field.entry("source (lenient)").or_default() += 1;
        }
    }
    let known: std::collections::HashSet<&str> = truth.iter().map(|t| t.path.as_str()).collect();
    let untruthed: Vec<&String> = outcomes
        .keys()
        .filter(|f| !known.contains(f.as_str()))
        .collect();
    for t in &truth {
        if !outcomes.contains_key(&t.path) {
            eprintln!(
                "extraction bench: {} is in the truth but not in the corpus",
                t.path
            );
        }
    }

    let mut total = Row::default();
    layouts.values().for_each(|row| total.add(row));
    let mut md = String::new();
    let _ = writeln!(
        md,
        "Title, date and source extraction on {} pages ({} articles, {} not articles) of {} layouts in `{}`, ingested as akhbar-index reads a corpus folder (`ingest_corpus`, default options, boilerplate learned over the folder) in {:.2} s. *indexed*: article pages that gave an article; title, date and source are counted over the article pages; *lenient* ignores case and punctuation (and, for sources, accents and spaces); *missed*: pages that are not articles but were indexed.\n",
        total.pages,
        total.articles,
        total.non_articles,
        layouts.len(),
        corpus.display(),
        secs,
    );
    let _ = writeln!(
        md,
        "| layout | pages | indexed | title | title (lenient) | date | source | source (lenient) | non-articles rejected | missed |"
    );
    let _ = writeln!(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (name, row) in &layouts {
        let _ = writeln!(md, "{}", table_row(name, row, false));
    }
    let _ = writeln!(md, "{}", table_row("**all**", &total, true));
    let _ = writeln!(md, "\n| misses by field | pages |\n|---|---:|");
    for (field, n) in &by_field {
        let _ = writeln!(md, "| {field} | {n} |");
    }
    if !untruthed.is_empty() {
        let _ = writeln!(
            md,
            "\n{} files of the corpus have no row in truth.tsv (not counted): {}",
            untruthed.len(),
            untruthed
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    println!("{md}");

    let dir = bench_dir();
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("extraction bench: cannot create {}: {e}", dir.display());
        return;
    }
    let md_path = dir.join("extraction.md");
    if let Err(e) = std::fs::write(&md_path, &md) {
        eprintln!("extraction bench: cannot write {}: {e}", md_path.display());
    }
    let misses_path = dir.join("extraction-misses.tsv");
    let written = std::fs::File::create(&misses_path).and_then(|file| {
        let mut out = std::io::BufWriter::new(file);
        writeln!(out, "path\tfield\texpected\tgot")?;
        for [path, field, expected, got] in &misses {
            writeln!(out, "{path}\t{field}\t{expected}\t{got}")?;
        }
        out.flush()
    });
    match written {
        Ok(()) => println!(
            "{} misses: {}\ntable: {}",
            misses.len(),
            misses_path.display(),
            md_path.display()
        ),
        Err(e) => eprintln!(
            "extraction bench: cannot write {}: {e}",
            misses_path.display()
        ),
    }
}
