//! Building an index from a corpus folder: ingestion feeding the writer.
//!
//! A build is incremental: a file whose content hash is in the index's
//! [`Manifest`] is not read again; a new or changed file replaces what it
//! held; with `prune`, the articles of files gone from the corpus are
//! removed.

use std::path::Path;

use super::manifest::{hash_file, FileEntry, Manifest};
use super::open::{open_or_create, AkhbarIndex};
use super::writer::{ArticleWriter, WriterOptions};
use crate::analysis::AnalysisOptions;
use crate::error::Result;
use crate::ingest::{
    corpus_walk, ingest_file, relative_path, IngestOptions, Skip, SkipReason, Summary,
};
use crate::ingest::{FileKind, Item};

/// `path` made absolute, symbolic links resolved as far as it exists.
fn resolved(path: &Path) -> std::path::PathBuf {
    if let Ok(path) = path.canonicalize() {
        return path;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => resolved(parent).join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// Refuses to read an index as a corpus: the corpus may hold the index
/// (its folder is then left out), but must not be the index or inside it.
fn refuse_overlap(corpus: &Path, index_dir: &Path) -> Result<()> {
    let (corpus_at, index_at) = (resolved(corpus), resolved(index_dir));
    let advice = "give akhbar-index the folder of your articles and an --index outside it";
    if corpus_at == index_at {
        return Err(crate::Error::Usage(format!(
            "{} cannot be both the corpus and the index: {advice}",
            corpus.display()
        )));
    }
    if corpus_at.starts_with(&index_at) {
        return Err(crate::Error::Usage(format!(
            "the corpus {} is inside the index folder {}: {advice}",
            corpus.display(),
            index_dir.display()
        )));
    }
    Ok(())
}

/// Everything that tunes a build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub ingest: IngestOptions,
    pub writer: WriterOptions,
    pub analysis: AnalysisOptions,
    /// Re-read every file, changed or not.
    pub full: bool,
    /// Remove the articles of files that are no longer in the corpus.
    pub prune: bool,
    /// Merge the index into one segment at the end.
    pub merge: bool,
    /// Write every skipped item here as JSON Lines, as the run goes (the
    /// summary keeps only the first [`Summary::KEPT_SKIPS`]).
    pub report: Option<std::path::PathBuf>,
    /// Set (by a Ctrl-C or SIGTERM handler) to stop reading: what is done
    /// is committed and the run ends, [`BuildReport::interrupted`].
    pub stop: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// Commit this often (between files, and between the lines of JSON
    /// Lines files), so that a kill loses at most the work of this long
    /// (none: once, at the end). [`CHECKPOINT_EVERY`] in
    /// `akhbar-index`.
    pub checkpoint_every: Option<std::time::Duration>,
}

/// How often `akhbar-index` commits between files by default.
pub const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Where a build stands, for progress displays.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
    /// Bytes of files done (on disk, compressed or not).
    pub bytes_done: u64,
    pub bytes_total: u64,
    pub articles: usize,
}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// What was read, indexed and skipped in this run.
    pub summary: Summary,
    /// Files whose content had not changed since the last build.
    pub unchanged_files: usize,
    /// The articles those files hold in the index.
    pub unchanged_articles: usize,
    /// Items of those files skipped when they were read (`--full` lists them again).
    pub unchanged_skipped: usize,
    /// Files gone from the corpus whose articles were removed (`prune`).
    pub pruned_files: Vec<String>,
    /// Files gone from the corpus whose articles are still in the index.
    pub missing_files: Vec<String>,
    /// Articles in the index after the build.
    pub total_articles: u64,
    /// The index had lost its `meta.json`, put back from akhbar's copy.
    pub restored_meta: bool,
    /// Stopped by [`BuildOptions::stop`]: what was read is committed; the
    /// files not read (or cut) are read by the next run.
    pub interrupted: bool,
    /// Corpus files left for the next run (interrupted runs).
    pub files_left: usize,
    /// Commits made before the last one ([`BuildOptions::checkpoint_every`]).
    pub checkpoints: usize,
}

/// Indexes the files of `corpus` into the index at `index_dir` (created
/// when missing). Articles already in the index are replaced, not
/// duplicated; unchanged files are not read again.
pub fn build_index(corpus: &Path, index_dir: &Path, opts: &BuildOptions) -> Result<BuildReport> {
    build_index_with_progress(corpus, index_dir, opts, |_| {})
}

/// [`build_index`], calling `progress` as files are done.
pub fn build_index_with_progress(
    corpus: &Path,
    index_dir: &Path,
    opts: &BuildOptions,
    progress: impl FnMut(&Progress),
) -> Result<BuildReport> {
    build(corpus, index_dir, opts, progress).map_err(|e| match e {
        // tantivy's writing threads report a full disk as a thread that
        // stopped, or as an error of their own: the disk is named when it
        // is (nearly) full.
        crate::Error::Tantivy(_) => match super::disk::nearly_full(index_dir) {
            Some(free) => crate::Error::write(
                index_dir,
                std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    format!("{free} bytes free"),
                ),
            ),
            None => e,
        },
        other => other,
    })
}

fn build(
    corpus: &Path,
    index_dir: &Path,
    opts: &BuildOptions,
    mut progress: impl FnMut(&Progress),
) -> Result<BuildReport> {
    // Check the corpus before creating anything on disk.
    let walk = corpus_walk(corpus)?;
    refuse_overlap(corpus, index_dir)?;
    let files = walk.files;
    let restored_meta = super::open::recover(index_dir)?;
    let index = open_or_create(index_dir, opts.analysis)?;
    // Every file of the committed segments is verified first (their
    // checksums: milliseconds per 100 MB): a run never adds to, or
    // reports success over, an index it cannot read.
    let soundness = super::check::check_open(&index, index_dir)?;
    if !soundness.is_sound() {
        return Err(crate::Error::IndexDamaged {
            path: index_dir.to_path_buf(),
            detail: soundness.problems(),
        });
    }
    let mut manifest = if opts.full {
        Manifest::default()
    } else {
        Manifest::load(index_dir)
    };
    manifest.corpus = corpus.display().to_string();
    let mut writer = ArticleWriter::new(&index, &opts.writer)?;
    if let Some(path) = &opts.report {
        writer.stream_skips_to(path)?;
    }
    let mut report = BuildReport {
        restored_meta,
        ..BuildReport::default()
    };
    let stopped = || {
        opts.stop
            .as_ref()
            .is_some_and(|s| s.load(std::sync::atomic::Ordering::Relaxed))
    };
    let mut last_commit = std::time::Instant::now();
    // The run's own index, kept inside the corpus, is left out without a
    // word; any other index found there is named in the summary.
    let own_index = resolved(index_dir);
    for skip in walk.skipped {
        writer.skip(skip)?;
    }
    for folder in &walk.index_folders {
        if resolved(folder) == own_index {
            continue;
        }
        writer.skip(Skip {
            path: format!("{}/", relative_path(corpus, folder)),
            line: None,
            reason: SkipReason::IndexFolder,
            detail: "a search index, not articles: not read".into(),
        })?;
    }
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .collect();
    let mut state = Progress {
        files_total: files.len(),
        bytes_total: sizes.iter().sum(),
        ..Progress::default()
    };
    let mut present = std::collections::BTreeSet::new();
    for (done, (file, size)) in files.iter().zip(&sizes).enumerate() {
        if stopped() {
            report.interrupted = true;
            report.files_left = files.len() - done;
            break;
        }
        if opts
            .checkpoint_every
            .is_some_and(|every| last_commit.elapsed() >= every)
        {
            // The manifest is saved after the commit it describes: a kill
            // between the two only makes the next run read a file again.
            writer.checkpoint()?;
            manifest.save(index_dir)?;
            report.checkpoints += 1;
            last_commit = std::time::Instant::now();
        }
        let rel = relative_path(corpus, file);
        present.insert(rel.clone());
        let hash = match hash_file(file) {
            Ok(hash) => hash,
            Err(e) => {
                // Reported once: a file that cannot be read for its hash
                // cannot be read for its articles either.
                writer.skip(Skip {
                    path: rel.clone(),
                    line: None,
                    reason: SkipReason::ReadError,
                    detail: e.to_string(),
                })?;
                manifest.files.remove(&rel);
                state.files_done += 1;
                state.bytes_done += size;
                progress(&state);
                continue;
            }
        };
        // A JSON Lines file a stopped run had begun goes on from its last
        // committed line; any other file is read whole.
        let resumable = FileKind::of(file) == Some(FileKind::JsonLines);
        let earlier = manifest.files.get(&rel).filter(|e| e.hash == hash).cloned();
        let resume = earlier
            .as_ref()
            .and_then(|e| e.done_lines.filter(|_| resumable).map(|n| (n, e)));
        match (&earlier, resume) {
            (Some(entry), None) if entry.done_lines.is_none() => {
                report.unchanged_files += 1;
                report.unchanged_articles += entry.articles;
                report.unchanged_skipped += entry.skipped;
            }
            (_, resume) => {
                let (done_before, articles_before, skipped_earlier) =
                    resume.map_or((0, 0, 0), |(n, e)| (n, e.articles, e.skipped));
                let mut ingest = opts.ingest.clone();
                ingest.skip_lines = done_before;
                let before = writer.summary.articles_indexed;
                let skipped_before = dropped(&writer.summary);
                // What of this file is committed, as a manifest entry.
                let partial = |writer: &ArticleWriter, done_lines: usize| FileEntry {
                    hash: hash.clone(),
                    articles: articles_before + writer.summary.articles_indexed - before,
                    skipped: skipped_earlier + dropped(&writer.summary) - skipped_before,
                    done_lines: Some(done_lines),
                };
                // The line of the item at hand: every line before it is taken.
                let mut line = done_before + 1;
                let read = ingest_file(corpus, file, &ingest, &mut |item| {
                    if let Some(at) = item_line(&item) {
                        line = at;
                    }
                    if stopped() {
                        return Err(crate::Error::Interrupted);
                    }
                    if resumable
                        && line > 1
                        && opts
                            .checkpoint_every
                            .is_some_and(|every| last_commit.elapsed() >= every)
                    {
                        writer.checkpoint()?;
                        manifest
                            .files
                            .insert(rel.clone(), partial(&writer, line - 1));
                        manifest.save(index_dir)?;
                        report.checkpoints += 1;
                        last_commit = std::time::Instant::now();
                    }
                    match item {
                        // Resumed: what the file held is kept, not deleted.
                        Item::File(_) if done_before > 0 => {
                            writer.summary.files_read += 1;
                            Ok(())
                        }
                        item => writer.take(item),
                    }
                });
                match read {
                    Err(crate::Error::Interrupted) => {
                        // Its articles read so far are committed (below);
                        // the next run goes on from the line at hand, or
                        // reads a page or CSV file whole again.
                        if resumable && line > 1 {
                            writer.flush()?;
                            manifest
                                .files
                                .insert(rel.clone(), partial(&writer, line - 1));
                        } else {
                            manifest.files.remove(&rel);
                        }
                        report.interrupted = true;
                        report.files_left = files.len() - done;
                        break;
                    }
                    other => other?,
                }
                writer.flush()?;
                let mut entry = partial(&writer, 0);
                entry.done_lines = None;
                manifest.files.insert(rel, entry);
            }
        }
        state.files_done += 1;
        state.bytes_done += size;
        state.articles = writer.summary.articles_indexed;
        progress(&state);
    }
    let gone: Vec<String> = manifest
        .files
        .keys()
        .filter(|f| !present.contains(*f))
        .cloned()
        .collect();
    if report.interrupted {
        writer.checkpoint()?;
        manifest.save(index_dir)?;
        report.summary = writer.into_summary();
        report.total_articles = index.index.reader()?.searcher().num_docs();
        return Ok(report);
    }
    for file in gone {
        if opts.prune {
            writer.forget_file(&file)?;
            manifest.files.remove(&file);
            report.pruned_files.push(file);
        } else {
            report.missing_files.push(file);
        }
    }
    // Everything is committed and recorded before the merges begin: a kill
    // while they run (seconds, on a large index) then costs no re-reading.
    writer.checkpoint()?;
    manifest.save(index_dir)?;
    report.summary = writer.commit(opts.merge)?;
    report.total_articles = index.index.reader()?.searcher().num_docs();
    Ok(report)
}

/// The line of the corpus file an item comes from, when it has one.
fn item_line(item: &Item) -> Option<usize> {
    match item {
        Item::Article(article) => super::writer::line_of(&article.path),
        Item::Skip(skip) => skip.line,
        Item::File(_) => None,
    }
}

/// Items skipped so far that were not indexed (warnings excluded).
fn dropped(summary: &Summary) -> usize {
    summary
        .skip_counts
        .iter()
        .filter(|(reason, _)| reason.drops_item())
        .map(|(_, n)| n)
        .sum()
}

impl BuildReport {
    /// True when an item of the corpus is not in the index: skipped now, or
    /// when an unchanged file was read before.
    pub fn anything_dropped(&self) -> bool {
        self.unchanged_skipped > 0 || dropped(&self.summary) > 0
    }
}

/// Indexes `corpus` into an open index (in memory, say), reading every file.
pub fn index_corpus_into(
    index: &AkhbarIndex,
    corpus: &Path,
    opts: &BuildOptions,
) -> Result<Summary> {
    let mut writer = ArticleWriter::new(index, &opts.writer)?;
    crate::ingest::ingest_corpus(corpus, &opts.ingest, |item| writer.take(item))?;
    writer.commit(opts.merge)
}

/// How many skipped items the summary lists one by one.
const LISTED_SKIPS: usize = 20;

/// The summary printed at the end of a build.
pub fn summary_text(
    report: &BuildReport,
    index_dir: &Path,
    elapsed: std::time::Duration,
) -> String {
    use std::fmt::Write;
    let summary = &report.summary;
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
    if report.unchanged_files > 0 {
        let _ = writeln!(
            out,
            "unchanged: {} files ({} articles) already in the index",
            report.unchanged_files, report.unchanged_articles
        );
        if report.unchanged_skipped > 0 {
            let _ = writeln!(
                out,
                "  those files hold {} items skipped when they were read (--full reads and lists them again)",
                report.unchanged_skipped
            );
        }
    }
    if !report.pruned_files.is_empty() {
        let _ = writeln!(
            out,
            "removed the articles of {} files gone from the corpus",
            report.pruned_files.len()
        );
    }
    if !report.missing_files.is_empty() {
        let _ = writeln!(
            out,
            "{} files are gone from the corpus but their articles are still indexed (--prune removes them): {}",
            report.missing_files.len(),
            report.missing_files.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
        );
    }
    if report.restored_meta {
        let _ = writeln!(
            out,
            "{}/meta.json was lost or damaged: put back from akhbar's copy of the last commit",
            index_dir.display()
        );
    }
    let _ = writeln!(out, "the index holds {} articles", report.total_articles);
    if report.interrupted {
        let _ = writeln!(
            out,
            "interrupted: the {} articles above are safe in the index; {} files are left to read: \
             run the same command again to finish (it does not read again what is done)",
            report.total_articles, report.files_left
        );
    }
    if summary.articles_indexed > 0 {
        let _ = writeln!(
            out,
            "dates found for {} of {} articles",
            summary.articles_with_date, summary.articles_indexed
        );
    }
    if summary.skips_total() == 0 {
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
    if summary.skips_total() > LISTED_SKIPS {
        let _ = writeln!(
            out,
            "  … and {} more (--report FILE writes them all)",
            summary.skips_total() - LISTED_SKIPS
        );
    }
    out
}
