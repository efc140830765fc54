//! Building an index from a corpus folder: ingestion feeding the writer.

use std::path::Path;

use super::open::{open_or_create, AkhbarIndex};
use super::writer::{ArticleWriter, WriterOptions};
use crate::analysis::AnalysisOptions;
use crate::error::Result;
use crate::ingest::{ingest_corpus, IngestOptions, Item, Summary};

/// Everything that tunes a build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub ingest: IngestOptions,
    pub writer: WriterOptions,
    pub analysis: AnalysisOptions,
}

/// Indexes every file of `corpus` into the index at `index_dir` (created
/// when missing). Articles already in the index are replaced, not
/// duplicated.
pub fn build_index(corpus: &Path, index_dir: &Path, opts: &BuildOptions) -> Result<Summary> {
    // Check the corpus before creating anything on disk.
    let files = crate::ingest::corpus_files(corpus)?;
    drop(files);
    let index = open_or_create(index_dir, opts.analysis)?;
    index_corpus_into(&index, corpus, opts, |_| {})
}

/// Indexes `corpus` into an open index, calling `progress` after each item.
pub fn index_corpus_into(
    index: &AkhbarIndex,
    corpus: &Path,
    opts: &BuildOptions,
    mut progress: impl FnMut(&Item),
) -> Result<Summary> {
    let mut writer = ArticleWriter::new(index, &opts.writer)?;
    ingest_corpus(corpus, &opts.ingest, |item| {
        progress(&item);
        match item {
            Item::File(file) => writer.begin_file(&file),
            Item::Article(article) => writer.add(&article)?,
            Item::Skip(skip) => writer.skip(skip),
        }
        Ok(())
    })?;
    writer.commit()
}

/// How many skipped items the summary lists one by one.
const LISTED_SKIPS: usize = 20;

/// The summary printed at the end of a build.
pub fn summary_text(summary: &Summary, index_dir: &Path, elapsed: std::time::Duration) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let langs: Vec<String> = summary
        .by_lang
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    let _ = writeln!(
        out,
        "indexed {} articles from {} files into {} in {:.1}s ({})",
        summary.articles_indexed,
        summary.files_read,
        index_dir.display(),
        elapsed.as_secs_f64(),
        if langs.is_empty() {
            "none".to_string()
        } else {
            langs.join(", ")
        }
    );
    let _ = writeln!(
        out,
        "dates found for {} of {} articles",
        summary.articles_with_date, summary.articles_indexed
    );
    if summary.skipped.is_empty() {
        let _ = writeln!(out, "nothing skipped");
        return out;
    }
    let by_reason: Vec<String> = summary
        .skipped_by_reason()
        .iter()
        .map(|(reason, n)| format!("{n} {reason}"))
        .collect();
    let _ = writeln!(out, "skipped: {}", by_reason.join(", "));
    for skip in summary.skipped.iter().take(LISTED_SKIPS) {
        let _ = writeln!(out, "  {skip}");
    }
    if summary.skipped.len() > LISTED_SKIPS {
        let _ = writeln!(
            out,
            "  … and {} more (--report FILE writes them all)",
            summary.skipped.len() - LISTED_SKIPS
        );
    }
    out
}
