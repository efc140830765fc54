//! What ingestion skipped, and why: every item is named by path and line so
//! that nothing is lost silently.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::lang::Lang;

/// Why an item of the corpus was not indexed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// The file's extension is not one akhbar reads.
    UnsupportedFileType,
    /// The file holds no text at all.
    EmptyFile,
    /// The file looks binary (NUL bytes, undecodable).
    BinaryFile,
    /// The file is larger than the limit, or a JSON Lines line than the
    /// record limit.
    TooLarge,
    /// Reading failed (permissions, truncated compressed stream...).
    ReadError,
    /// A JSON Lines line is not valid JSON, or not an object.
    MalformedJson,
    /// A record or page has no body text.
    MissingBody,
    /// A record's `date` field is present but is not a date (the article is
    /// still indexed, without a date).
    InvalidDate,
    /// Another article of the corpus already has this id.
    DuplicateId,
    /// The bytes are not UTF-8 and no legacy encoding gives plausible text.
    Undecodable,
    /// The text is mojibake (`Ã©`, `Ø§Ù„`) that cannot be repaired unambiguously.
    Mojibake,
    /// A CSV/TSV row does not have as many fields as the header.
    WrongFieldCount,
    /// A CSV/TSV file or row the CSV reader cannot parse.
    MalformedCsv,
    /// A folder of the corpus that holds a search index, not articles.
    IndexFolder,
    /// An entry the walk cannot reach: a symbolic link loop, a dangling
    /// link, a folder it may not read.
    Unreachable,
    /// A FIFO, socket or device: not a file of articles.
    NotAFile,
    /// A page that is not an article: a data table or a list of links saved
    /// as text.
    NotAnArticle,
}

impl SkipReason {
    /// A short, stable label used in summaries and reports.
    pub fn label(&self) -> &'static str {
        match self {
            SkipReason::UnsupportedFileType => "unsupported file type",
            SkipReason::EmptyFile => "empty file",
            SkipReason::BinaryFile => "binary file",
            SkipReason::TooLarge => "too large",
            SkipReason::ReadError => "read error",
            SkipReason::MalformedJson => "malformed JSON",
            SkipReason::MissingBody => "missing body",
            SkipReason::InvalidDate => "invalid date (article kept without date)",
            SkipReason::DuplicateId => "duplicate id",
            SkipReason::Undecodable => "undecodable text",
            SkipReason::Mojibake => "mojibake",
            SkipReason::WrongFieldCount => "wrong number of fields",
            SkipReason::MalformedCsv => "malformed CSV",
            SkipReason::IndexFolder => "index folder",
            SkipReason::Unreachable => "unreachable entry",
            SkipReason::NotAFile => "not a regular file",
            SkipReason::NotAnArticle => "not an article",
        }
    }

    /// True when the reason drops the item; false for a warning about an
    /// article that was still indexed.
    pub fn drops_item(&self) -> bool {
        !matches!(self, SkipReason::InvalidDate)
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One skipped file or line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skip {
    /// The file, relative to the corpus folder.
    pub path: String,
    /// The 1-based line, for line-based formats.
    pub line: Option<usize>,
    pub reason: SkipReason,
    /// The detail behind the reason (the parser's message, the size...).
    pub detail: String,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.reason)?,
            None => write!(f, "{}: {}", self.path, self.reason)?,
        }
        if !self.detail.is_empty() {
            write!(f, " ({})", self.detail)?;
        }
        Ok(())
    }
}

/// Counts of what an ingestion run read, indexed and skipped.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files_read: usize,
    pub articles_indexed: usize,
    pub articles_with_date: usize,
    pub by_lang: BTreeMap<String, usize>,
    /// The first [`Summary::KEPT_SKIPS`] items skipped, in order (every one
    /// is counted in `skip_counts`, and streamed to the report when there is
    /// one).
    pub skipped: Vec<Skip>,
    /// Every item skipped, counted by reason.
    pub skip_counts: BTreeMap<SkipReason, usize>,
}

impl Summary {
    /// How many skipped items a summary keeps: a corpus of millions of bad
    /// lines is counted, not held.
    pub const KEPT_SKIPS: usize = 10_000;

    /// Records one skipped item: counted, and kept while fewer than
    /// [`Summary::KEPT_SKIPS`] are.
    pub fn record_skip(&mut self, skip: Skip) {
        *self.skip_counts.entry(skip.reason.clone()).or_default() += 1;
        if self.skipped.len() < Self::KEPT_SKIPS {
            self.skipped.push(skip);
        }
    }

    /// Every item skipped, kept or not.
    pub fn skips_total(&self) -> usize {
        self.skip_counts.values().sum()
    }

    /// Records one indexed article.
    pub fn count_article(&mut self, lang: Lang, has_date: bool) {
        self.articles_indexed += 1;
        if has_date {
            self.articles_with_date += 1;
        }
        *self.by_lang.entry(lang.code().to_string()).or_default() += 1;
    }

    /// Skipped items counted by reason.
    pub fn skipped_by_reason(&self) -> BTreeMap<SkipReason, usize> {
        self.skip_counts.clone()
    }
}
