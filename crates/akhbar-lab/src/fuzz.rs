//! Fuzzing the readers (issue 17): raw pages, HTML, JSON Lines, CSV/TSV,
//! dates and the query language, each fed real inputs of the repository
//! (its corpus and fixtures) bent by random mutations (proptest): bytes
//! flipped, cut, repeated, and the tokens that break readers inserted
//! (tags, quotes, apostrophes, guillemets, invisible and bidi characters,
//! Arabic digits, query operators).
//!
//! A target passes an input when it returns without panicking, without an
//! error other than a reported skip or a query error, and within
//! [`SLOW`]. `akhbar-fuzz` runs every target for a bounded time and saves
//! each failing input (shrunk by proptest) under
//! `crates/akhbar-lab/fuzz/regressions/TARGET/`, where the lab's tests
//! replay them all.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};

/// An input that takes longer than this fails (`akhbar-fuzz`, a release build).
pub const SLOW: Duration = Duration::from_secs(2);

/// What is fuzzed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A raw page saved as `.txt`.
    Txt,
    /// An HTML page.
    Html,
    /// A JSON Lines file.
    Jsonl,
    /// A CSV file (and TSV, by the sniffed delimiter).
    Csv,
    /// Dates in text, dates alone, `--since`/`--until` bounds.
    Dates,
    /// A query typed into `akhbar-search`, searched on the repository's corpus.
    Query,
}

impl Target {
    pub const ALL: [Target; 6] = [
        Target::Txt,
        Target::Html,
        Target::Jsonl,
        Target::Csv,
        Target::Dates,
        Target::Query,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Target::Txt => "txt",
            Target::Html => "html",
            Target::Jsonl => "jsonl",
            Target::Csv => "csv",
            Target::Dates => "dates",
            Target::Query => "query",
        }
    }

    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The real inputs the mutations start from.
    pub fn seeds(self) -> Vec<Vec<u8>> {
        let repo = repo_root();
        let read = |rel: &str| std::fs::read(repo.join(rel)).unwrap_or_default();
        let mut seeds: Vec<Vec<u8>> = match self {
            Target::Txt | Target::Dates => {
                let mut v = corpus_files();
                v.push(read(
                    "crates/akhbar/tests/fixtures/ingest/langs/arabe-francais.txt",
                ));
                v.push(read(
                    "crates/akhbar/tests/fixtures/mixed/pages/chronique.txt",
                ));
                v.push(read("crates/akhbar/tests/fixtures/mixed/pages/archive.txt"));
                v
            }
            Target::Html => vec![
                read("crates/akhbar/tests/fixtures/ingest/html/port.html"),
                read("crates/akhbar/tests/fixtures/ingest/html/sans-meta.htm"),
            ],
            Target::Jsonl => vec![
                read("crates/akhbar/tests/fixtures/headlines/articles.jsonl"),
                read("crates/akhbar/tests/fixtures/mixed/articles.jsonl"),
            ],
            Target::Csv => vec![
                read("crates/akhbar/tests/fixtures/ingest/records/articles.csv"),
                read("crates/akhbar/tests/fixtures/ingest/records/renamed.tsv"),
            ],
            Target::Query => QUERIES.iter().map(|q| q.as_bytes().to_vec()).collect(),
        };
        if self == Target::Dates {
            seeds.extend(DATES.iter().map(|d| d.as_bytes().to_vec()));
        }
        seeds.retain(|s| !s.is_empty());
        seeds
    }

    /// Runs one input: Ok, or why it fails.
    pub fn run(self, input: &[u8]) -> Result<(), String> {
        let outcome = std::panic::catch_unwind(|| match self {
            Target::Txt => read_as_file(input, "page.txt"),
            Target::Html => read_as_file(input, "page.html"),
            Target::Jsonl => read_as_file(input, "records.jsonl"),
            Target::Csv => read_as_file(input, "records.csv"),
            Target::Dates => {
                dates(&String::from_utf8_lossy(input));
                Ok(())
            }
            Target::Query => query(&String::from_utf8_lossy(input)),
        });
        let outcome = match outcome {
            Ok(result) => result,
            Err(panic) => Err(format!("panicked: {}", panic_text(&panic))),
        };
        outcome
    }
}

const QUERIES: &[&str] = &[
    "cybercriminalité",
    "l'analyse des données",
    "l’analyse",
    "« Convention de Budapest »",
    "\"protocole additionnel\" ministre",
    "وزير العدل عبد اللطيف وهبي",
    "Ouahbi AND (justice OR العدل) -football",
    "title:Maroc lang:fr source:\"EcoActu\"",
    "cybercriminalite~ maroc^2 conv*",
    "+ministre -sport NOT Rabat",
    "Le Maroc signe le 2e protocole additionnel à la Convention de Budapest sur la cybercriminalité",
];

const DATES: &[&str] = &[
    "Publié le 12/05/2025 à 10h30 - Mis à jour le 13/05/2025",
    "الخميس 9 مارس 2017",
    "٢٠٢٥/٠٥/١٢",
    "12 mai 2025",
    "2025-05-12T10:30:00+01:00",
    "1446-11-14 هـ",
    "last-week",
    "2025-02-30",
];

/// The repository's folder (two above this crate).
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus_files() -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo_root().join("corpus"))
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files.iter().filter_map(|f| std::fs::read(f).ok()).collect()
}

/// Writes `input` as the only file of a fresh corpus folder and reads it as
/// `akhbar-index` does (boilerplate learning included).
fn read_as_file(input: &[u8], name: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| format!("no temporary folder: {e}"))?;
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).map_err(|e| e.to_string())?;
    let file = corpus.join(name);
    std::fs::write(&file, input).map_err(|e| e.to_string())?;
    let opts = akhbar::ingest::IngestOptions::default();
    let mut articles = 0usize;
    akhbar::ingest::ingest_file(&corpus, &file, &opts, &mut |item| {
        if let akhbar::ingest::Item::Article(article) = item {
            articles += 1;
            if article.body.trim().is_empty() {
                return Err(akhbar::Error::Usage(format!(
                    "article {} has an empty body",
                    article.id
                )));
            }
        }
        Ok(())
    })
    .map_err(|e| format!("reading failed: {e}"))
}

fn dates(text: &str) {
    let _ = akhbar::ingest::find_date(text);
    for line in text.lines().take(200) {
        let _ = akhbar::ingest::parse_date(line);
        let _ = akhbar::ingest::parse_bound(line, false);
        let _ = akhbar::ingest::parse_bound(line, true);
    }
}

/// The repository's corpus, indexed once in memory for the query target.
fn corpus_index() -> &'static akhbar::index::AkhbarIndex {
    static INDEX: OnceLock<akhbar::index::AkhbarIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = akhbar::index::create_in_ram(Default::default()).expect("an index in memory");
        akhbar::index::index_corpus_into(&index, &repo_root().join("corpus"), &Default::default())
            .expect("the repository's corpus indexes");
        index
    })
}

fn query(text: &str) -> Result<(), String> {
    let request = akhbar::search::SearchRequest::new(text);
    match akhbar::search::search(corpus_index(), &request) {
        Ok(_) | Err(akhbar::Error::Query(_)) => Ok(()),
        Err(e) => Err(format!("search failed: {e}")),
    }
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

/// Tokens that break readers.
const TOKENS: &[&str] = &[
    "<",
    ">",
    "</",
    "<div>",
    "</div>",
    "<p>",
    "<script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "&amp;",
    "&#x202E;",
    "&#0;",
    "\"",
    "'",
    "’",
    "«",
    "»",
    "\\",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    ";",
    "\t",
    "\r\n",
    "\n\n",
    "\u{200B}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{00AD}",
    "\u{1B}[2J",
    "\0",
    "١٢",
    "٢٠٢٥",
    "2025",
    "12/05/2025",
    "mai",
    "مارس",
    "Publié le",
    "Mis à jour",
    "Par ",
    "بقلم:",
    "©",
    "AND",
    "OR",
    "NOT",
    "(",
    ")",
    "*",
    "~",
    "^",
    "+",
    "-",
    "title:",
    "lang:",
    "source:",
    "date:",
    "\"\"",
    "ال",
    "و",
    "l'",
    "d’",
    "=HYPERLINK(",
    "@SUM(",
    "ـ",
    "\u{064B}",
    "😀",
];

/// One change to an input.
#[derive(Debug, Clone)]
pub enum Mutation {
    Insert { at: u16, token: u8 },
    Delete { at: u16, len: u16 },
    Repeat { at: u16, len: u8, times: u16 },
    Flip { at: u16, byte: u8 },
    Cut { at: u16 },
}

/// A seed and the changes made to it.
#[derive(Debug, Clone)]
pub struct Case {
    pub seed: usize,
    pub mutations: Vec<Mutation>,
}

impl Case {
    /// The input: the seed with the mutations applied, in order.
    pub fn bytes(&self, seeds: &[Vec<u8>]) -> Vec<u8> {
        let mut bytes = seeds[self.seed % seeds.len()].clone();
        let place = |at: u16, len: usize| (at as usize * (len + 1)) / (u16::MAX as usize + 1);
        for m in &self.mutations {
            match *m {
                Mutation::Insert { at, token } => {
                    let at = place(at, bytes.len());
                    let token = TOKENS[token as usize % TOKENS.len()].as_bytes();
                    bytes.splice(at..at, token.iter().copied());
                }
                Mutation::Delete { at, len } => {
                    let at = place(at, bytes.len());
                    let end = (at + len as usize % 512).min(bytes.len());
                    bytes.drain(at..end);
                }
                Mutation::Repeat { at, len, times } => {
                    let at = place(at, bytes.len());
                    let end = (at + 1 + len as usize).min(bytes.len());
                    let piece = bytes[at..end].to_vec();
                    // Up to ~1 MB: deep nesting and long runs, not memory tests.
                    let times = (times as usize % 20_000).min((1 << 20) / piece.len().max(1));
                    let mut grown = Vec::with_capacity(bytes.len() + piece.len() * times);
                    grown.extend_from_slice(&bytes[..end]);
                    for _ in 0..times {
                        grown.extend_from_slice(&piece);
                    }
                    grown.extend_from_slice(&bytes[end..]);
                    bytes = grown;
                }
                Mutation::Flip { at, byte } => {
                    if !bytes.is_empty() {
                        let at = place(at, bytes.len() - 1);
                        bytes[at] = byte;
                    }
                }
                Mutation::Cut { at } => {
                    let at = place(at, bytes.len());
                    bytes.truncate(at);
                }
            }
        }
        bytes
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<u16>(), any::<u8>()).prop_map(|(at, token)| Mutation::Insert { at, token }),
        1 => (any::<u16>(), any::<u16>()).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (any::<u16>(), any::<u8>(), any::<u16>())
            .prop_map(|(at, len, times)| Mutation::Repeat { at, len, times }),
        2 => (any::<u16>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        1 => any::<u16>().prop_map(|at| Mutation::Cut { at }),
    ]
}

/// Cases of `seeds` seeds with up to 12 mutations each.
pub fn cases(seeds: usize) -> impl Strategy<Value = Case> {
    (0..seeds.max(1), prop::collection::vec(mutation(), 0..12))
        .prop_map(|(seed, mutations)| Case { seed, mutations })
}

/// A failing input found by [`fuzz`], shrunk.
#[derive(Debug, Clone)]
pub struct Finding {
    pub target: Target,
    pub input: Vec<u8>,
    pub reason: String,
}

/// What a run of one target did.
#[derive(Debug, Clone)]
pub struct FuzzRun {
    pub target: Target,
    pub cases: u64,
    pub findings: Vec<Finding>,
    /// An input hung: the run stopped there.
    pub hung: bool,
}

/// Runs `target` on `per_round` inputs at a time, with fresh random seeds,
/// until `budget` is spent (at least one round) or an input hangs. An input
/// still running after `slow` (see [`SLOW`]) is saved as it is (no
/// shrinking: each try would take as long) and the run stops
/// ([`FuzzRun::hung`]: its thread is left running; end the process).
pub fn fuzz(target: Target, budget: Duration, per_round: u32, slow: Duration) -> FuzzRun {
    let seeds = std::sync::Arc::new(target.seeds());
    let start = Instant::now();
    let mut run = FuzzRun {
        target,
        cases: 0,
        findings: Vec::new(),
        hung: false,
    };
    let hung: std::sync::Mutex<Option<Vec<u8>>> = std::sync::Mutex::new(None);
    loop {
        let mut runner = TestRunner::new(Config {
            cases: per_round,
            failure_persistence: None,
            max_shrink_iters: 2048,
            ..Config::default()
        });
        let outcome = runner.run(&cases(seeds.len()), |case| {
            let mut hung = hung.lock().map_err(|_| TestCaseError::fail("poisoned"))?;
            if hung.is_some() {
                return Ok(());
            }
            let input = case.bytes(&seeds);
            let (tx, rx) = std::sync::mpsc::channel();
            let bytes = input.clone();
            std::thread::spawn(move || {
                let _ = tx.send(target.run(&bytes));
            });
            match rx.recv_timeout(slow) {
                Ok(result) => result.map_err(TestCaseError::fail),
                Err(_) => {
                    *hung = Some(input);
                    Err(TestCaseError::fail("hung"))
                }
            }
        });
        run.cases += u64::from(per_round);
        if let Some(input) = hung.lock().ok().and_then(|mut h| h.take()) {
            run.findings.push(Finding {
                target,
                input,
                reason: format!("still running after {slow:?}"),
            });
            run.hung = true;
            return run;
        }
        if let Err(TestError::Fail(reason, case)) = outcome {
            run.findings.push(Finding {
                target,
                input: case.bytes(&seeds),
                reason: reason.to_string(),
            });
        }
        if start.elapsed() >= budget {
            return run;
        }
    }
}

/// Where the failing inputs of `target` are kept.
pub fn regressions_dir(target: Target) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target.name())
}

/// Saves a finding as `regressions/TARGET/HASH` (its first 16 hex digits
/// of blake3), with the reason beside it; returns the path.
pub fn save(finding: &Finding) -> std::io::Result<PathBuf> {
    let dir = regressions_dir(finding.target);
    std::fs::create_dir_all(&dir)?;
    let name = blake3::hash(&finding.input).to_hex()[..16].to_string();
    let path = dir.join(&name);
    std::fs::write(&path, &finding.input)?;
    std::fs::write(dir.join(format!("{name}.why")), &finding.reason)?;
    Ok(path)
}

/// The saved failing inputs of `target` (their `.why` files aside).
pub fn regressions(target: Target) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(regressions_dir(target))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_none_or(|x| x != "why"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
