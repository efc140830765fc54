//! Ingestion: a corpus folder becomes a stream of [`Article`]s and
//! [`Skip`]s. Files are read one at a time and never loaded whole beyond one
//! file (a page) or one line or row (a record).
//!
//! Formats: raw pages (`.txt`), HTML pages (`.html`, `.htm`), JSON Lines
//! (`.jsonl`, `.ndjson`) and CSV/TSV (`.csv`, `.tsv`), each also
//! `.gz`/`.zst`. Pages are read in two passes: the first learns each
//! source's recurring lines ([`LearnedBoilerplate`]), the second drops them from bodies.

mod boilerplate;
mod csv;
mod dates;
mod decode;
mod encoding;
mod fields;
mod furniture;
mod hijri;
mod html;
mod jsonl;
mod learned;
mod not_article;
mod raw_page;
mod report;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::article::{hash_id, Article};
use crate::error::{Error, Result};
use crate::lang;
pub use dates::{find_date, parse_bound, parse_date};
pub use fields::{FieldMap, FieldMapError, Record};
pub use learned::{LearnOptions, LearnedBoilerplate};
pub use report::{Skip, SkipReason, Summary};

/// What a corpus yields, in order: a file, then its articles and skips.
#[derive(Debug, Clone)]
pub enum Item {
    /// A file is about to be read (its path relative to the corpus).
    File(String),
    Article(Box<Article>),
    Skip(Skip),
}

/// Settings of an ingestion run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files larger than this (before decompression) are skipped.
    pub max_file_bytes: u64,
    /// A JSON Lines line longer than this (after decompression) is skipped
    /// without being held in memory: a small `.gz` may hold one huge line.
    pub max_record_bytes: usize,
    /// Where the fields of JSON Lines and CSV records are found (`--map`).
    pub field_map: FieldMap,
    /// When recurring page lines become boilerplate.
    pub learn: LearnOptions,
    /// The boilerplate learned from the corpus by the first pass, kept
    /// across the files of a run (filled on the first page read).
    pub learned: LearnedCache,
    /// Lines of a JSON Lines file already in the index (a file a stopped
    /// run had read this far): read past without being parsed.
    pub skip_lines: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_file_bytes: 256 * 1024 * 1024,
            max_record_bytes: 32 * 1024 * 1024,
            field_map: FieldMap::default(),
            learn: LearnOptions::default(),
            learned: LearnedCache::default(),
            skip_lines: 0,
        }
    }
}

/// The learned boilerplate of one corpus folder, computed once per run.
#[derive(Debug, Clone, Default)]
pub struct LearnedCache(Arc<Mutex<Option<LearnedFor>>>);

/// Boilerplate learned from one corpus folder.
type LearnedFor = (PathBuf, Arc<LearnedBoilerplate>);

impl LearnedCache {
    /// The boilerplate learned from `corpus`, learning it on first use.
    pub fn get_or_learn(&self, corpus: &Path, opts: &IngestOptions) -> Arc<LearnedBoilerplate> {
        let mut slot = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((path, learned)) = slot.as_ref() {
            if path == corpus {
                return learned.clone();
            }
        }
        let learned = Arc::new(learn_corpus(corpus, opts));
        *slot = Some((corpus.to_path_buf(), learned.clone()));
        learned
    }
}

/// The kinds of file akhbar reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    RawPage,
    Html,
    JsonLines,
    Csv,
    Tsv,
}

impl FileKind {
    /// The kind of a file from its name (`a.jsonl.zst` is JSON Lines).
    pub fn of(path: &Path) -> Option<FileKind> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name
            .strip_suffix(".gz")
            .or_else(|| name.strip_suffix(".zst"))
            .or_else(|| name.strip_suffix(".zstd"))
            .unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "txt" | "text" => Some(FileKind::RawPage),
            "html" | "htm" | "xhtml" => Some(FileKind::Html),
            "jsonl" | "ndjson" => Some(FileKind::JsonLines),
            "csv" => Some(FileKind::Csv),
            "tsv" | "tab" => Some(FileKind::Tsv),
            _ => None,
        }
    }

    /// True for pages (one article a file), read in two passes.
    pub fn is_page(self) -> bool {
        matches!(self, FileKind::RawPage | FileKind::Html)
    }
}

/// The files below `corpus`, sorted, hidden files and folders left out.
pub fn corpus_files(corpus: &Path) -> Result<Vec<PathBuf>> {
    corpus_walk(corpus).map(|walk| walk.files)
}

/// What a walk of a corpus found: the files to read, and the folders left
/// out because they hold a search index rather than articles.
#[derive(Debug, Default)]
pub struct CorpusWalk {
    pub files: Vec<PathBuf>,
    pub index_folders: Vec<PathBuf>,
    /// The entries the walk could not take, each once with its reason: a
    /// symbolic link loop, a dangling link, a folder it may not read, a
    /// FIFO, socket or device. Everything else is walked.
    pub skipped: Vec<Skip>,
}

/// Walks `corpus` (see [`corpus_files`]), leaving out index folders (an
/// akhbar or tantivy index kept inside the corpus is not articles).
pub fn corpus_walk(corpus: &Path) -> Result<CorpusWalk> {
    if corpus.is_file() {
        return Err(Error::NotAFolder {
            what: "corpus",
            path: corpus.to_path_buf(),
            hint: "give the folder that holds your .txt/.html/.jsonl/.csv files",
        });
    }
    if !corpus.is_dir() {
        return Err(Error::CorpusMissing(corpus.to_path_buf()));
    }
    let mut walk = CorpusWalk::default();
    let mut index_folders = Vec::new();
    let walker = walkdir::WalkDir::new(corpus)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            if e.file_name().to_string_lossy().starts_with('.') {
                return false;
            }
            if e.file_type().is_dir() && is_index_folder(e.path()) {
                index_folders.push(e.path().to_path_buf());
                return false;
            }
            true
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if e.depth() == 0 => {
                return Err(Error::io(corpus.to_path_buf(), e.into()));
            }
            Err(e) => {
                let path = e.path().unwrap_or(corpus);
                let detail = if let Some(ancestor) = e.loop_ancestor() {
                    format!(
                        "a symbolic link loop back to {}: not followed",
                        relative_path(corpus, ancestor)
                    )
                } else if path.is_symlink() && !path.exists() {
                    "a symbolic link to nothing (its target is gone)".to_string()
                } else {
                    match e.io_error() {
                        Some(io) => format!("cannot read it: {io}"),
                        None => e.to_string(),
                    }
                };
                walk.skipped.push(Skip {
                    path: relative_path(corpus, path),
                    line: None,
                    reason: SkipReason::Unreachable,
                    detail,
                });
                continue;
            }
        };
        let kind = entry.file_type();
        if kind.is_file() {
            walk.files.push(entry.into_path());
        } else if !kind.is_dir() {
            walk.skipped.push(Skip {
                path: relative_path(corpus, entry.path()),
                line: None,
                reason: SkipReason::NotAFile,
                detail: format!("{}, not a file of articles: not read", special_kind(&kind)),
            });
        }
    }
    walk.index_folders = index_folders;
    Ok(walk)
}

/// What a walked entry that is neither a file nor a folder is.
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    let _ = kind;
    "a special file"
}

/// True when `dir` holds a search index: tantivy's `meta.json` beside its
/// `.managed.json`, or one of the files akhbar writes beside them
/// (`akhbar-version.json`, `akhbar-files.json`; see `index::open`).
pub fn is_index_folder(dir: &Path) -> bool {
    let has = |name: &str| dir.join(name).is_file();
    (has("meta.json") && has(".managed.json"))
        || has("akhbar-version.json")
        || has("akhbar-files.json")
}

/// The path of `file` relative to `corpus`, with `/` separators.
pub fn relative_path(corpus: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(corpus).unwrap_or(file);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads every file of a corpus, handing each item to `sink`. Bad input
/// becomes [`Item::Skip`]s; only an error of `sink` stops the run.
pub fn ingest_corpus(
    corpus: &Path,
    opts: &IngestOptions,
    mut sink: impl FnMut(Item) -> Result<()>,
) -> Result<()> {
    for file in corpus_files(corpus)? {
        ingest_file(corpus, &file, opts, &mut sink)?;
    }
    Ok(())
}

/// Reads one file of a corpus (see [`ingest_corpus`]).
pub fn ingest_file(
    corpus: &Path,
    file: &Path,
    opts: &IngestOptions,
    sink: &mut impl FnMut(Item) -> Result<()>,
) -> Result<()> {
    let rel = relative_path(corpus, file);
    let skip = |reason: SkipReason, line: Option<usize>, detail: String| {
        Item::Skip(Skip {
            path: rel.clone(),
            line,
            reason,
            detail,
        })
    };
    let Some(kind) = FileKind::of(file) else {
        return sink(skip(SkipReason::UnsupportedFileType, None, String::new()));
    };
    sink(Item::File(rel.clone()))?;
    let size = match std::fs::metadata(file) {
        Ok(meta) => meta.len(),
        Err(e) => return sink(skip(SkipReason::ReadError, None, e.to_string())),
    };
    if size > opts.max_file_bytes {
        let detail = format!(
            "{size} bytes, limit {} (raise it with --max-file-size)",
            opts.max_file_bytes
        );
        return sink(skip(SkipReason::TooLarge, None, detail));
    }
    if size == 0 {
        return sink(skip(SkipReason::EmptyFile, None, String::new()));
    }
    if kind.is_page() {
        return read_page(corpus, file, kind, &rel, opts, sink);
    }
    let reader = match decode::open(file) {
        Ok(reader) => reader,
        Err(e) => return sink(skip(SkipReason::ReadError, None, e.to_string())),
    };
    match kind {
        FileKind::JsonLines => read_json_lines(reader, &rel, opts, sink),
        _ => read_csv(reader, kind, &rel, opts, sink),
    }
}

/// Why a page could not be read: reason, line, detail.
type PageError = (SkipReason, Option<usize>, String);

/// Reads, decompresses and decodes a page; HTML is turned into text lines
/// and metadata hints.
pub fn load_page(
    file: &Path,
    kind: FileKind,
    opts: &IngestOptions,
) -> std::result::Result<(String, raw_page::PageHints), PageError> {
    let mut reader =
        decode::open(file).map_err(|e| (SkipReason::ReadError, None, e.to_string()))?;
    let mut bytes = Vec::new();
    if let Err(e) = reader
        .by_ref()
        .take(opts.max_file_bytes + 1)
        .read_to_end(&mut bytes)
    {
        let line = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
        let detail = format!("{e}; the page is cut at line {line}");
        return Err((SkipReason::ReadError, Some(line), detail));
    }
    if bytes.len() as u64 > opts.max_file_bytes {
        let detail = format!(
            "more than {} bytes once decompressed (raise it with --max-file-size)",
            opts.max_file_bytes
        );
        return Err((SkipReason::TooLarge, None, detail));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err((SkipReason::EmptyFile, None, String::new()));
    }
    let declared = (kind == FileKind::Html)
        .then(|| html::declared_charset(&bytes))
        .flatten();
    let text = match decode::decode_text(&bytes, declared) {
        Ok(decoded) => decoded.text,
        Err(decode::DecodeError::Binary) => {
            return Err((SkipReason::BinaryFile, None, "not text".into()))
        }
        Err(decode::DecodeError::Undecodable(d)) => return Err((SkipReason::Undecodable, None, d)),
        Err(decode::DecodeError::Mojibake(d)) => return Err((SkipReason::Mojibake, None, d)),
    };
    if kind == FileKind::Html {
        let depth = html::nesting_depth(&text);
        if depth > html::MAX_DEPTH {
            let detail = format!(
                "elements nested {depth} deep, over the {} an article page may take: not parsed",
                html::MAX_DEPTH
            );
            return Err((SkipReason::TooLarge, None, detail));
        }
        let page = html::extract(&text);
        Ok((page.text, page.hints))
    } else {
        Ok((text, raw_page::PageHints::default()))
    }
}

/// The first pass over the pages of a corpus: learns each source's
/// recurring lines. Unreadable pages are left for the second pass to report.
pub fn learn_corpus(corpus: &Path, opts: &IngestOptions) -> LearnedBoilerplate {
    let mut learner = learned::Learner::default();
    if !opts.learn.enabled {
        return learner.finish(&opts.learn);
    }
    for file in corpus_files(corpus).unwrap_or_default() {
        let Some(kind) = FileKind::of(&file).filter(|k| k.is_page()) else {
            continue;
        };
        let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        if size == 0 || size > opts.max_file_bytes {
            continue;
        }
        let Ok((text, hints)) = load_page(&file, kind, opts) else {
            continue;
        };
        let rel = relative_path(corpus, &file);
        let Some(page) = raw_page::parse_with(&text, &hints, &|_: &str| false) else {
            continue;
        };
        let group = learned::page_group(&rel, learned::grouping_source(&page));
        let (lines, _) = raw_page::content_lines(&text);
        learner.add_page(&group, &lines);
    }
    learner.finish(&opts.learn)
}

fn read_page(
    corpus: &Path,
    file: &Path,
    kind: FileKind,
    rel: &str,
    opts: &IngestOptions,
    sink: &mut impl FnMut(Item) -> Result<()>,
) -> Result<()> {
    let skip = |(reason, line, detail): PageError| {
        Item::Skip(Skip {
            path: rel.to_string(),
            line,
            reason,
            detail,
        })
    };
    let (text, hints) = match load_page(file, kind, opts) {
        Ok(loaded) => loaded,
        Err(e) => return sink(skip(e)),
    };
    if kind == FileKind::RawPage {
        if let Some(detail) = not_article::what_it_is(&text) {
            return sink(skip((SkipReason::NotAnArticle, None, detail)));
        }
    }
    let no_body = || {
        skip((
            SkipReason::MissingBody,
            None,
            "no article text once boilerplate is removed".into(),
        ))
    };
    let Some(mut page) = raw_page::parse_with(&text, &hints, &|_: &str| false) else {
        return sink(no_body());
    };
    if opts.learn.enabled {
        let learned = opts.learned.get_or_learn(corpus, opts);
        let group = learned::page_group(rel, learned::grouping_source(&page));
        if learned.knows(&group) {
            let is_learned = |line: &str| learned.is_boilerplate(&group, line);
            match raw_page::parse_with(&text, &hints, &is_learned) {
                Some(cleaned) => page = cleaned,
                None => return sink(no_body()),
            }
        }
    }
    let id = hash_id(&[rel, &text]);
    let article = build_article(
        id,
        page.title,
        page.body,
        page.date,
        page.source,
        page.url,
        rel.to_string(),
        rel.to_string(),
    );
    sink(Item::Article(Box::new(article)))
}

/// Lines of a JSON Lines file read before they are parsed together, in
/// parallel: bounds the memory of the pipeline.
const LINE_BATCH: usize = 512;

fn read_json_lines(
    reader: Box<dyn Read + Send>,
    rel: &str,
    opts: &IngestOptions,
    sink: &mut impl FnMut(Item) -> Result<()>,
) -> Result<()> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    // Each line's bytes, or the length of a line over the record limit
    // (reported in its place, so that items stay in line order).
    let mut batch: Vec<(usize, std::result::Result<Vec<u8>, usize>)> =
        Vec::with_capacity(LINE_BATCH);
    let mut batch_bytes = 0usize;
    let mut line_no = 0usize;
    loop {
        line_no += 1;
        let mut buf = Vec::new();
        let read = read_line_capped(&mut reader, &mut buf, opts.max_record_bytes);
        match read {
            Ok((n, _)) if n > 0 && line_no <= opts.skip_lines => {}
            Ok((n, true)) => batch.push((line_no, Err(n))),
            Ok((n, false)) if n > 0 => {
                batch_bytes += buf.len();
                batch.push((line_no, Ok(buf)));
            }
            _ => {}
        }
        let done = !matches!(read, Ok((n, _)) if n > 0);
        // Parsed together in parallel, a batch is bounded in lines and bytes.
        if done || batch.len() >= LINE_BATCH || batch_bytes >= BATCH_BYTES {
            batch_bytes = 0;
            let items: Vec<Vec<Item>> = {
                use rayon::prelude::*;
                batch
                    .par_drain(..)
                    .map(|(line_no, line)| match line {
                        Ok(bytes) => json_line_items(&bytes, rel, line_no, opts),
                        Err(len) => vec![Item::Skip(Skip {
                            path: rel.to_string(),
                            line: Some(line_no),
                            reason: SkipReason::TooLarge,
                            detail: format!(
                                "a line of {:.1} MB, over the {} MB a record may take: not read",
                                len as f64 / 1e6,
                                opts.max_record_bytes / (1024 * 1024)
                            ),
                        })],
                    })
                    .collect()
            };
            for item in items.into_iter().flatten() {
                sink(item)?;
            }
        }
        match read {
            Ok((0, _)) => return Ok(()),
            Ok(_) => {}
            Err(e) => {
                // A truncated or corrupt compressed stream: what came before is kept.
                return sink(Item::Skip(Skip {
                    path: rel.to_string(),
                    line: Some(line_no),
                    reason: SkipReason::ReadError,
                    detail: format!("{e}; the file is cut at this line"),
                }));
            }
        }
    }
}

/// The bytes of the lines of a batch beyond which it is parsed at once.
const BATCH_BYTES: usize = 64 * 1024 * 1024;

/// Reads one line (up to and including `\n`) into `buf`, keeping at most
/// `cap` bytes: a longer line is read to its end but not kept. Returns the
/// line's length and whether it was over `cap` (then `buf` is empty).
fn read_line_capped(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<(usize, bool)> {
    let mut total = 0usize;
    let mut over = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((total, over));
        }
        let (chunk, found) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let n = chunk.len();
        total += n;
        if !over {
            if total > cap {
                over = true;
                buf.clear();
                buf.shrink_to_fit();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        reader.consume(n);
        if found {
            return Ok((total, over));
        }
    }
}

/// What one line of a JSON Lines file gives (see [`record_items`]).
fn json_line_items(bytes: &[u8], rel: &str, line_no: usize, opts: &IngestOptions) -> Vec<Item> {
    let skip = |reason, detail: String| {
        vec![Item::Skip(Skip {
            path: rel.to_string(),
            line: Some(line_no),
            reason,
            detail,
        })]
    };
    let decoded;
    let line = match std::str::from_utf8(bytes) {
        Ok(line) => line,
        Err(_) => match encoding::decode(bytes, None) {
            Ok(d) => {
                decoded = d.text;
                decoded.as_str()
            }
            Err(e) => return skip(SkipReason::Undecodable, e.to_string()),
        },
    };
    let line = line.trim_start_matches('\u{feff}').trim();
    if line.is_empty() {
        return Vec::new();
    }
    match jsonl::parse_line_mapped(line, &opts.field_map) {
        Ok(record) => record_items(record, rel, line_no),
        Err(jsonl::RecordError::Malformed(detail)) => skip(SkipReason::MalformedJson, detail),
        Err(jsonl::RecordError::MissingBody) => skip(SkipReason::MissingBody, String::new()),
    }
}

fn read_csv(
    reader: Box<dyn Read + Send>,
    kind: FileKind,
    rel: &str,
    opts: &IngestOptions,
    sink: &mut impl FnMut(Item) -> Result<()>,
) -> Result<()> {
    let delimiter = (kind == FileKind::Tsv).then_some(b'\t');
    csv::read(reader, delimiter, &opts.field_map, |item| match item {
        csv::CsvItem::Record { line, record } => emit_record(record, rel, line, sink),
        csv::CsvItem::Skip {
            line,
            reason,
            detail,
        } => sink(Item::Skip(Skip {
            path: rel.to_string(),
            line,
            reason,
            detail,
        })),
    })
}

/// Turns a record (JSON Lines or CSV) into an article: repairs mojibake,
/// parses the date (an invalid one is reported, the article kept).
fn emit_record(
    record: Record,
    rel: &str,
    line_no: usize,
    sink: &mut impl FnMut(Item) -> Result<()>,
) -> Result<()> {
    for item in record_items(record, rel, line_no) {
        sink(item)?;
    }
    Ok(())
}

/// What one record gives: its article, after a warning about its date if
/// any, or the skip that replaces it. Pure, so records can be built in
/// parallel.
fn record_items(record: Record, rel: &str, line_no: usize) -> Vec<Item> {
    let skip = |reason, detail: String| {
        Item::Skip(Skip {
            path: rel.to_string(),
            line: Some(line_no),
            reason,
            detail,
        })
    };
    let repaired = encoding::repair_mojibake(&record.title)
        .and_then(|(title, _)| Ok((title, encoding::repair_mojibake(&record.body)?.0)));
    let (title, body) = match repaired {
        Ok(fields) => fields,
        Err(e) => return vec![skip(SkipReason::Mojibake, e.to_string())],
    };
    let mut items = Vec::with_capacity(1);
    let date = match &record.date {
        None => None,
        Some(raw) => match dates::parse_date(raw) {
            Some(date) => Some(date),
            None => {
                items.push(skip(SkipReason::InvalidDate, format!("`{raw}`")));
                None
            }
        },
    };
    let path = format!("{rel}:{line_no}");
    let id = record
        .id
        .clone()
        .unwrap_or_else(|| hash_id(&[&path, &title, &body]));
    let article = build_article(
        id,
        title,
        body,
        date,
        record.source,
        record.url,
        path,
        rel.to_string(),
    );
    items.push(Item::Article(Box::new(article)));
    items
}

/// Assembles an article: splits the body into passages and detects their
/// languages.
#[allow(clippy::too_many_arguments)]
pub fn build_article(
    id: String,
    title: String,
    body: String,
    date: Option<chrono::NaiveDate>,
    source: Option<String>,
    url: Option<String>,
    path: String,
    file: String,
) -> Article {
    let passages = lang::passages(&body);
    let (lang, langs) = lang::dominant(&passages);
    Article {
        id,
        title,
        body,
        date,
        source,
        url,
        lang,
        langs,
        passages,
        path,
        file,
    }
}
