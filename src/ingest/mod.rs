//! Ingestion: a corpus folder becomes a stream of [`Article`]s and
//! [`Skip`]s. Files are read one at a time and never loaded whole beyond one
//! file (a raw page) or one line (a record).
//!
//! Formats: raw pages (`.txt`) and JSON Lines (`.jsonl`, `.ndjson`, each
//! also `.gz`/`.zst`).

pub mod boilerplate;
pub mod dates;
pub mod decode;
pub mod jsonl;
pub mod raw_page;
pub mod report;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::article::{hash_id, Article};
use crate::error::{Error, Result};
use crate::lang;
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
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_file_bytes: 256 * 1024 * 1024,
        }
    }
}

/// The kinds of file akhbar reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    RawPage,
    JsonLines,
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
        if name.ends_with(".txt") || name.ends_with(".text") {
            Some(FileKind::RawPage)
        } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            Some(FileKind::JsonLines)
        } else {
            None
        }
    }
}

/// The files below `corpus`, sorted, hidden files and folders left out.
pub fn corpus_files(corpus: &Path) -> Result<Vec<PathBuf>> {
    if !corpus.is_dir() {
        return Err(Error::CorpusMissing(corpus.to_path_buf()));
    }
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(corpus)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| corpus.to_path_buf());
            Error::io(path, e.into())
        })?;
        if entry.file_type().is_file() {
            files.push(entry.into_path());
        }
    }
    Ok(files)
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
        let detail = format!("{size} bytes, limit {} (raise it with --max-file-size)", opts.max_file_bytes);
        return sink(skip(SkipReason::TooLarge, None, detail));
    }
    if size == 0 {
        return sink(skip(SkipReason::EmptyFile, None, String::new()));
    }
    let reader = match decode::open(file) {
        Ok(reader) => reader,
        Err(e) => return sink(skip(SkipReason::ReadError, None, e.to_string())),
    };
    match kind {
        FileKind::RawPage => read_raw_page(reader, &rel, opts, sink),
        FileKind::JsonLines => read_json_lines(reader, &rel, sink),
    }
}

fn read_raw_page(
    mut reader: Box<dyn Read + Send>,
    rel: &str,
    opts: &IngestOptions,
    sink: &mut impl FnMut(Item) -> Result<()>,
) -> Result<()> {
    let skip = |reason, detail: String| {
        Item::Skip(Skip {
            path: rel.to_string(),
            line: None,
            reason,
            detail,
        })
    };
    let mut bytes = Vec::new();
    if let Err(e) = reader.by_ref().take(opts.max_file_bytes + 1).read_to_end(&mut bytes) {
        return sink(skip(SkipReason::ReadError, e.to_string()));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return sink(skip(SkipReason::EmptyFile, String::new()));
    }
    let text = match decode::decode_text(&bytes) {
        Ok(text) => text,
        Err(_) => return sink(skip(SkipReason::BinaryFile, "not UTF-8 text".into())),
    };
    let Some(page) = raw_page::parse(&text) else {
        return sink(skip(SkipReason::MissingBody, "no article text once boilerplate is removed".into()));
    };
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

fn read_json_lines(
    reader: Box<dyn Read + Send>,
    rel: &str,
    sink: &mut impl FnMut(Item) -> Result<()>,
) -> Result<()> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        line_no += 1;
        let skip = |reason, detail: String| {
            Item::Skip(Skip {
                path: rel.to_string(),
                line: Some(line_no),
                reason,
                detail,
            })
        };
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) => {
                // A truncated or corrupt compressed stream: what came before is kept.
                return sink(skip(SkipReason::ReadError, e.to_string()));
            }
        }
        let Ok(line) = std::str::from_utf8(&buf) else {
            sink(skip(SkipReason::MalformedJson, "the line is not UTF-8".into()))?;
            continue;
        };
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        let record = match jsonl::parse_line(line) {
            Ok(record) => record,
            Err(jsonl::RecordError::Malformed(detail)) => {
                sink(skip(SkipReason::MalformedJson, detail))?;
                continue;
            }
            Err(jsonl::RecordError::MissingBody) => {
                sink(skip(SkipReason::MissingBody, String::new()))?;
                continue;
            }
        };
        let date = match &record.date {
            None => None,
            Some(raw) => match dates::parse_date(raw) {
                Some(date) => Some(date),
                None => {
                    sink(skip(SkipReason::InvalidDate, format!("`{raw}`")))?;
                    None
                }
            },
        };
        let path = format!("{rel}:{line_no}");
        let id = record
            .id
            .clone()
            .unwrap_or_else(|| hash_id(&[&path, &record.title, &record.body]));
        let article = build_article(
            id,
            record.title,
            record.body,
            date,
            record.source,
            record.url,
            path,
            rel.to_string(),
        );
        sink(Item::Article(Box::new(article)))?;
    }
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
