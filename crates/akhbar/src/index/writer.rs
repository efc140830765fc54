//! Writing articles into the index: one document per article, replacing any
//! earlier version of it (same id) and anything its file held before.

use std::collections::HashMap;

use chrono::NaiveDate;
use tantivy::directory::Directory;
use tantivy::index::SegmentComponent;
use tantivy::schema::Facet;
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

use super::merges::{MergePlan, SegmentSize};
use super::open::AkhbarIndex;
use crate::article::Article;
use crate::dedup::{self, Grouper, Signature};
use crate::dedup::{group_key, KeyHasher};
use crate::error::Result;
use crate::ingest::{Item, Skip, SkipReason, Summary};
use crate::lang::{self, Lang};

/// Settings of the index writer.
#[derive(Debug, Clone)]
pub struct WriterOptions {
    /// Indexing threads (tantivy's); 0 means one per core.
    pub threads: usize,
    /// Memory budget of a build, in bytes: see [`WriterOptions::budget`].
    pub memory_bytes: usize,
}

impl Default for WriterOptions {
    fn default() -> Self {
        WriterOptions {
            threads: 0,
            memory_bytes: Self::DEFAULT_MEMORY,
        }
    }
}

/// How a build's memory budget is shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Set aside before the split (192 MB, or half of a budget under
    /// 384 MB): what a build needs whatever its budget. tantivy keeps up to
    /// 10,000 documents in flight between akhbar and its indexing threads,
    /// each indexing thread has its own stem caches, and the allocator keeps
    /// some slack (measured: 175–230 MB beyond the heap and the grouper, at
    /// budgets from 40 to 768 MB and from 100k to 1M articles).
    pub reserve: usize,
    /// tantivy's indexing heap, shared by its threads (half of the rest).
    pub writer: usize,
    /// The near-duplicate grouper (30% of the rest): see [`Grouper`]'s
    /// memory.
    pub grouper: usize,
    /// Left for everything else (20% of the rest): tantivy's work beyond
    /// its heap when it writes a segment out, records being parsed, the ids
    /// seen in this run.
    pub rest: usize,
}

impl Budget {
    /// What one merge may map at once: the writer's heap and the grouper
    /// are freed before segments are merged.
    pub fn merge_bytes(&self) -> u64 {
        (self.writer + self.grouper) as u64
    }
}

impl WriterOptions {
    /// The default budget: 768 MB.
    pub const DEFAULT_MEMORY: usize = 768 << 20;

    /// The part of any budget set aside before the split: 192 MB.
    pub const RESERVE: usize = 192 << 20;

    /// The smallest budget a build keeps to: 512 MB. Below it the reserve
    /// leaves too little for the writer's heap and the grouper: a 1M-article
    /// build with `--memory 384` peaked at 392 MiB.
    pub const MIN_MEMORY: usize = 512 << 20;

    /// Refuses a budget below [`Self::MIN_MEMORY`], saying what to do.
    pub fn check(&self) -> Result<()> {
        if self.memory_bytes < Self::MIN_MEMORY {
            return Err(crate::error::Error::Usage(format!(
                "a memory budget of {} MB is too small: a build needs about 200 MB whatever \
                 its size (documents in flight, caches), so give --memory {} or more",
                self.memory_bytes >> 20,
                Self::MIN_MEMORY >> 20
            )));
        }
        Ok(())
    }

    /// How the budget is split.
    ///
    /// ```
    /// use akhbar::index::WriterOptions;
    /// let b = WriterOptions::default().budget();
    /// assert_eq!(
    ///     (b.reserve >> 20, b.writer >> 20, b.grouper >> 20, b.rest >> 20),
    ///     (192, 288, 172, 115)
    /// );
    /// ```
    pub fn budget(&self) -> Budget {
        let reserve = Self::RESERVE.min(self.memory_bytes / 2);
        let shared = self.memory_bytes - reserve;
        let writer = shared / 2;
        let grouper = shared / 10 * 3;
        Budget {
            reserve,
            writer,
            grouper,
            rest: shared - writer - grouper,
        }
    }
}

/// The first use of an id in this run: 8 bytes of hash instead of the id.
#[derive(Clone, Copy)]
struct FirstUse {
    /// Index into `ArticleWriter::files`.
    file: u32,
    /// Line in the file (0: none).
    line: u32,
}

/// Adds articles to an index and counts what it did.
pub struct ArticleWriter {
    writer: IndexWriter,
    index: AkhbarIndex,
    /// Hashes of the ids seen in this run, with where each was used first.
    seen: HashMap<u64, FirstUse, std::hash::BuildHasherDefault<KeyHasher>>,
    /// Files read in this run (the last one last).
    files: Vec<String>,
    /// True when the index was empty at the start: no earlier version of an
    /// article can be in it, so no delete by id is queued.
    was_empty: bool,
    /// Groups near duplicates; loaded from the index at the first article.
    grouper: Option<Grouper>,
    grouper_memory: usize,
    /// What one merge may map at once.
    merge_bytes: u64,
    /// Articles queued for the next batch.
    pending: Vec<Article>,
    /// Batches written.
    batches: u64,
    /// Where every skipped item is written as it comes (JSON Lines).
    report: Option<(std::path::PathBuf, std::io::BufWriter<std::fs::File>)>,
    pub summary: Summary,
    /// This process, recorded as the index's writer while it lives.
    _holder: Option<super::holder::Record>,
}

/// Articles written together (their signatures computed in parallel).
const ARTICLE_BATCH: usize = 256;

/// Freed memory is handed back to the system every this many batches
/// (8,192 articles): tantivy frees its heap each time it writes a segment
/// out, and glibc's allocator would otherwise keep it, fragmented.
const TRIM_EVERY_BATCHES: u64 = 32;

impl ArticleWriter {
    pub fn new(index: &AkhbarIndex, opts: &WriterOptions) -> Result<ArticleWriter> {
        let threads = if opts.threads == 0 {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        } else {
            opts.threads
        };
        let budget = opts.budget();
        // tantivy wants at least 15 MB per thread.
        let heap = budget.writer.max(15_000_000);
        let threads = threads.clamp(1, (heap / 15_000_000).max(1));
        let writer: IndexWriter = match index.index.writer_with_num_threads(threads, heap) {
            Err(tantivy::TantivyError::LockFailure(
                tantivy::directory::error::LockError::LockBusy,
                _,
            )) => {
                return Err(crate::Error::IndexBusy {
                    path: index.dir.clone().unwrap_or_default(),
                    holder: index.dir.as_deref().map_or_else(
                        || "another writer in this process".to_string(),
                        super::holder::describe,
                    ),
                });
            }
            // tantivy says a lock it may not create is held by another writer.
            Err(tantivy::TantivyError::LockFailure(
                tantivy::directory::error::LockError::IoError(io),
                _,
            )) => {
                let lock = index
                    .dir
                    .clone()
                    .unwrap_or_default()
                    .join(".tantivy-writer.lock");
                return Err(crate::Error::write(
                    lock,
                    std::io::Error::new(io.kind(), io.to_string()),
                ));
            }
            other => other?,
        };
        let holder = index.dir.as_deref().map(super::holder::Record::new);
        // Nothing is merged while documents are indexed: see `commit`.
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        let was_empty = index.index.reader()?.searcher().num_docs() == 0;
        Ok(ArticleWriter {
            writer,
            index: index.clone(),
            seen: HashMap::default(),
            files: Vec::new(),
            was_empty,
            grouper: None,
            grouper_memory: budget.grouper,
            merge_bytes: budget.merge_bytes(),
            pending: Vec::new(),
            batches: 0,
            report: None,
            summary: Summary::default(),
            _holder: holder,
        })
    }

    /// Forgets what `file` held before: its articles are about to be read again.
    pub fn begin_file(&mut self, file: &str) -> Result<()> {
        // Queued articles go in before the delete, keeping the order of operations.
        self.flush()?;
        self.summary.files_read += 1;
        self.writer
            .delete_term(Term::from_field_text(self.index.fields.file, file));
        Ok(())
    }

    /// Takes one item of an ingestion run: a file about to be read again, an
    /// article, or a skip.
    pub fn take(&mut self, item: Item) -> Result<()> {
        match item {
            Item::File(file) => self.begin_file(&file)?,
            Item::Article(article) => self.add_owned(*article)?,
            Item::Skip(skip) => self.skip(skip)?,
        }
        Ok(())
    }

    /// Removes every article of `file` (a file gone from the corpus).
    pub fn forget_file(&mut self, file: &str) -> Result<()> {
        self.flush()?;
        self.writer
            .delete_term(Term::from_field_text(self.index.fields.file, file));
        Ok(())
    }

    /// Writes every item skipped from now on to `path`, one JSON object a
    /// line, as it comes (the summary keeps only the first ones).
    pub fn stream_skips_to(&mut self, path: &std::path::Path) -> Result<()> {
        let file =
            std::fs::File::create(path).map_err(|e| crate::Error::write(path.to_path_buf(), e))?;
        self.report = Some((path.to_path_buf(), std::io::BufWriter::new(file)));
        Ok(())
    }

    /// Records a skipped item (and writes it to the report).
    pub fn skip(&mut self, skip: Skip) -> Result<()> {
        if let Some((path, out)) = &mut self.report {
            use std::io::Write;
            serde_json::to_writer(&mut *out, &skip)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
                .map_err(|e| crate::Error::write(path.clone(), e))?;
        }
        self.summary.record_skip(skip);
        Ok(())
    }

    /// Indexes one article, replacing any article with the same id (see
    /// [`ArticleWriter::add_owned`]).
    pub fn add(&mut self, article: &Article) -> Result<()> {
        self.add_owned(article.clone())
    }

    /// Queues one article for indexing; articles are written in batches whose
    /// near-duplicate signatures are computed in parallel, in the order given.
    pub fn add_owned(&mut self, article: Article) -> Result<()> {
        self.pending.push(article);
        if self.pending.len() >= ARTICLE_BATCH {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the queued articles.
    pub fn flush(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.pending);
        let signatures: Vec<Signature> = {
            use rayon::prelude::*;
            batch
                .par_iter()
                .map(|a| dedup::signature(&format!("{}\n{}", a.title, a.body)))
                .collect()
        };
        if self.grouper.is_none() {
            self.grouper = Some(load_grouper(&self.index, self.grouper_memory)?);
        }
        for (article, signature) in batch.iter().zip(signatures) {
            self.write(article, &signature)?;
        }
        self.batches += 1;
        if self.batches.is_multiple_of(TRIM_EVERY_BATCHES) {
            release_free_memory();
        }
        Ok(())
    }

    fn write(&mut self, article: &Article, signature: &Signature) -> Result<()> {
        let key = id_hash(&article.id);
        let line = line_of(&article.path);
        if let Some(first) = self.seen.get(&key) {
            let mut at = self.files[first.file as usize].clone();
            if first.line > 0 {
                at = format!("{at}:{}", first.line);
            }
            let detail = format!("id `{}` already used by {at}", article.id);
            return self.skip(Skip {
                path: article.file.clone(),
                line,
                reason: SkipReason::DuplicateId,
                detail,
            });
        }
        if self.files.last() != Some(&article.file) {
            self.files.push(article.file.clone());
        }
        let first = FirstUse {
            file: (self.files.len() - 1) as u32,
            line: line.map_or(0, |l| u32::try_from(l).unwrap_or(u32::MAX)),
        };
        self.seen.insert(key, first);
        let fields = &self.index.fields;
        if !self.was_empty {
            self.writer
                .delete_term(Term::from_field_text(fields.id, &article.id));
        }
        let group = match self.grouper.as_mut() {
            Some(grouper) => grouper.add(&article.id, signature),
            None => article.id.clone(),
        };
        let mut doc = self.document(article);
        doc.add_text(fields.group, &group);
        doc.add_u64(fields.group_key, group_key(&group));
        doc.add_bytes(fields.dup_sig, &signature.to_bytes());
        self.writer.add_document(doc)?;
        self.summary
            .count_article(article.lang, article.date.is_some());
        Ok(())
    }

    fn document(&self, article: &Article) -> TantivyDocument {
        let f = &self.index.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &article.id);
        doc.add_text(f.file, &article.file);
        doc.add_text(f.path, &article.path);
        doc.add_text(f.title, &article.title);
        doc.add_text(f.body, &article.body);
        if let Some(url) = &article.url {
            doc.add_text(f.url, url);
        }
        if let Some(source) = &article.source {
            doc.add_text(f.source, source);
            doc.add_text(f.source_key, source);
            doc.add_facet(f.facet_source, Facet::from_path([source.as_str()]));
        }
        doc.add_text(f.lang, article.lang.code());
        doc.add_facet(f.facet_lang, Facet::from_path([article.lang.code()]));
        for lang in &article.langs {
            doc.add_text(f.langs, lang.code());
            doc.add_facet(f.facet_langs, Facet::from_path([lang.code()]));
        }
        if let Some(date) = article.date {
            doc.add_date(f.date, to_datetime(date));
            doc.add_facet(
                f.facet_year,
                Facet::from_path([date.format("%Y").to_string()]),
            );
            doc.add_facet(
                f.facet_month,
                Facet::from_path([date.format("%Y-%m").to_string()]),
            );
            doc.add_facet(
                f.facet_day,
                Facet::from_path([date.format("%Y-%m-%d").to_string()]),
            );
        }
        if !article.title.trim().is_empty() {
            doc.add_text(f.title_of(title_lang(article)), &article.title);
        }
        for passage in &article.passages {
            doc.add_text(f.body_of(passage.lang), &passage.text);
        }
        doc
    }

    /// Commits everything added so far and goes on (no merge): what is
    /// committed survives a kill.
    pub fn checkpoint(&mut self) -> Result<()> {
        self.flush()?;
        if let Some((path, out)) = &mut self.report {
            use std::io::Write;
            out.flush()
                .map_err(|e| crate::Error::write(path.clone(), e))?;
        }
        self.writer.commit()?;
        self.save_meta_copy()
    }

    /// The summary so far, dropping what was added since the last commit.
    pub fn into_summary(self) -> Summary {
        self.summary
    }

    /// Commits everything added, then merges small segments (see
    /// [`MergePlan`]); with `merge_all`, merges the whole index into one
    /// segment instead.
    ///
    /// Merges run only after the commit, one at a time, once the writer's
    /// heap and the grouper are freed: what a merge maps into memory then
    /// takes their place in the budget instead of adding to it.
    pub fn commit(mut self, merge_all: bool) -> Result<Summary> {
        self.checkpoint()?;
        self.grouper = None;
        self.seen = HashMap::default();
        release_free_memory();
        if merge_all {
            let segments = self.index.index.searchable_segment_ids()?;
            if segments.len() > 1 {
                self.writer.merge(&segments).wait()?;
                self.save_meta_copy()?;
            }
        } else {
            let plan = MergePlan::within(self.merge_bytes);
            // Each merge leaves fewer segments, so this ends.
            loop {
                let groups = plan.groups(&segment_sizes(&self.index)?);
                if groups.is_empty() {
                    break;
                }
                for group in groups {
                    self.writer.merge(&group).wait()?;
                    self.save_meta_copy()?;
                }
            }
        }
        let dir = self.index.dir.clone();
        self.writer.wait_merging_threads()?;
        if let Some(dir) = dir {
            super::directory::save_meta_copy(&dir)?;
        }
        Ok(self.summary)
    }
}

impl ArticleWriter {
    /// Copies the index's list of segments as it now stands (see
    /// `directory`): after every commit and merge.
    fn save_meta_copy(&self) -> Result<()> {
        match &self.index.dir {
            Some(dir) => super::directory::save_meta_copy(dir),
            None => Ok(()),
        }
    }
}

/// Hands freed memory back to the system (glibc's allocator otherwise keeps
/// much of it): after the commit of a 100k-article build, anonymous memory
/// fell from 342 to 24 MiB with it (384 MB budget), and from 287 to only
/// 244 MiB without it (256 MB budget).
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only returns free pages of the allocator's own
    // arenas to the system; it touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The committed segments of `index`, with the size of their files.
fn segment_sizes(index: &AkhbarIndex) -> Result<Vec<SegmentSize<tantivy::index::SegmentId>>> {
    let directory = index.index.directory();
    let mut sizes = Vec::new();
    for meta in index.index.searchable_segment_metas()? {
        let mut bytes = 0u64;
        for component in [
            SegmentComponent::Postings,
            SegmentComponent::Positions,
            SegmentComponent::Terms,
            SegmentComponent::Store,
            SegmentComponent::FastFields,
            SegmentComponent::FieldNorms,
        ] {
            if let Ok(file) = directory.open_read(&meta.relative_path(component)) {
                bytes += tantivy::HasLen::len(&file) as u64;
            }
        }
        sizes.push(SegmentSize {
            id: meta.id(),
            bytes,
            deleted_ratio: meta.num_deleted_docs() as f32 / meta.max_doc().max(1) as f32,
        });
    }
    Ok(sizes)
}

/// A grouper holding the signatures of the articles already in the index
/// (the latest that fit in `memory` bytes), each with its stored group, so
/// that new articles join the groups of earlier copies.
///
/// Signatures and group ids are decoded in dictionary order, a block at a
/// time (one lookup per article decompressed a block per article: 40 s for a
/// 1M index), then remembered in document order.
fn load_grouper(index: &AkhbarIndex, memory: usize) -> Result<Grouper> {
    let mut grouper = Grouper::new(Grouper::DEFAULT_THRESHOLD).with_memory_limit(memory);
    let searcher = index.index.reader()?.searcher();
    let read = |e: std::io::Error| crate::error::Error::io("(index fast fields)", e);
    // The first remembered member of a group stands for it, and a group is
    // named after its first article: those are remembered first, whatever
    // the order of the segments (several, after checkpoints), so that a
    // build stopped and resumed groups as one run does.
    let mut representatives: Vec<Vec<bool>> = Vec::new();
    for pass in [Pass::Representatives, Pass::Members] {
        for (s, segment) in searcher.segment_readers().iter().enumerate() {
            let ff = segment.fast_fields();
            let (Some(sigs), Some(groups), Some(ids)) =
                (ff.bytes("dup_sig")?, ff.str("group")?, ff.str("id")?)
            else {
                if pass == Pass::Representatives {
                    representatives.push(Vec::new());
                }
                continue;
            };
            let alive = segment.alive_bitset();
            // (signature ordinal, group ordinal, id ordinal), in document order.
            let rows: Vec<(u64, u64, u64)> = (0..segment.max_doc())
                .filter(|&doc| !alive.is_some_and(|a| a.is_deleted(doc)))
                .filter_map(|doc| {
                    Some((
                        sigs.term_ords(doc).next()?,
                        groups.term_ords(doc).next()?,
                        ids.term_ords(doc).next()?,
                    ))
                })
                .collect();
            let sorted = |pick: fn(&(u64, u64, u64)) -> u64| {
                let mut ords: Vec<u64> = rows.iter().map(pick).collect();
                ords.sort_unstable();
                ords.dedup();
                ords
            };
            let group_ords = sorted(|r| r.1);
            let mut group_names = Vec::with_capacity(group_ords.len());
            groups
                .dictionary()
                .sorted_ords_to_term_cb(&group_ords, |bytes| {
                    group_names.push(String::from_utf8_lossy(bytes).into_owned())
                })
                .map_err(read)?;
            let group_of = |row: &(u64, u64, u64)| {
                group_ords
                    .binary_search(&row.1)
                    .ok()
                    .and_then(|g| group_names.get(g))
            };
            if pass == Pass::Representatives {
                let id_ords = sorted(|r| r.2);
                let mut id_names = Vec::with_capacity(id_ords.len());
                ids.dictionary()
                    .sorted_ords_to_term_cb(&id_ords, |bytes| id_names.push(bytes.to_vec()))
                    .map_err(read)?;
                representatives.push(
                    rows.iter()
                        .map(|row| {
                            let id = id_ords.binary_search(&row.2).ok().and_then(|i| id_names.get(i));
                            matches!((id, group_of(row)), (Some(id), Some(g)) if id.as_slice() == g.as_bytes())
                        })
                        .collect(),
                );
            }
            let is_rep = &representatives[s];
            let wanted: Vec<usize> = (0..rows.len())
                .filter(|&r| {
                    is_rep.get(r).copied().unwrap_or(false) == (pass == Pass::Representatives)
                })
                .collect();
            let mut sig_ords: Vec<u64> = wanted.iter().map(|&r| rows[r].0).collect();
            sig_ords.sort_unstable();
            sig_ords.dedup();
            let mut signatures = Vec::with_capacity(sig_ords.len());
            sigs.dictionary()
                .sorted_ords_to_term_cb(&sig_ords, |bytes| {
                    signatures.push(Signature::from_bytes(bytes))
                })
                .map_err(read)?;
            for r in wanted {
                let row = &rows[r];
                let Ok(sig) = sig_ords.binary_search(&row.0) else {
                    continue;
                };
                if let (Some(Some(signature)), Some(group)) = (signatures.get(sig), group_of(row)) {
                    grouper.remember(group_key(group), group, signature);
                }
            }
        }
    }
    grouper.done_remembering();
    Ok(grouper)
}

/// The two passes of [`load_grouper`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    Representatives,
    Members,
}

/// The language a title is analyzed in: its own when it is long enough to
/// tell, else the article's.
pub fn title_lang(article: &Article) -> Lang {
    let counts = lang::script_counts(&article.title);
    if counts.arabic + counts.latin >= 25 {
        let own = lang::detect(&article.title);
        if own != Lang::Other {
            return own;
        }
    }
    article.lang
}

/// A date as tantivy stores it: midnight UTC of the day.
pub fn to_datetime(date: NaiveDate) -> DateTime {
    let secs = date
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(0);
    DateTime::from_timestamp_secs(secs)
}

/// A 64-bit hash of an id, fixed across runs (SipHash with zero keys). Two
/// different ids of one run share a hash with probability about n²/2⁶⁵: for
/// 10M ids, 3 in a million runs.
fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    #[allow(deprecated)]
    let mut h = std::hash::SipHasher::new();
    id.hash(&mut h);
    h.finish()
}

pub(super) fn line_of(path: &str) -> Option<usize> {
    path.rsplit_once(':')
        .and_then(|(_, line)| line.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_below_the_minimum_is_refused_with_what_to_give() {
        let small = WriterOptions {
            threads: 2,
            memory_bytes: 256 << 20,
        };
        let err = small.check().expect_err("256 MB is below the minimum");
        assert!(err.is_usage());
        assert!(err.to_string().contains("--memory 512"), "{err}");
        let enough = WriterOptions {
            threads: 2,
            memory_bytes: WriterOptions::MIN_MEMORY,
        };
        assert!(enough.check().is_ok());
    }

    #[test]
    fn the_reserve_comes_first_and_the_shares_add_up() {
        for mb in [512usize, 768, 4096] {
            let opts = WriterOptions {
                threads: 2,
                memory_bytes: mb << 20,
            };
            let b = opts.budget();
            assert_eq!(b.reserve, WriterOptions::RESERVE);
            assert_eq!(b.reserve + b.writer + b.grouper + b.rest, mb << 20);
            assert!(b.writer > b.grouper && b.grouper > b.rest);
        }
        // Small budgets (tests, the evaluation) keep half for the reserve.
        let tiny = WriterOptions {
            threads: 1,
            memory_bytes: 50_000_000,
        };
        assert_eq!(tiny.budget().reserve, 25_000_000);
    }
}
