//! Writing articles into the index: one document per article, replacing any
//! earlier version of it (same id) and anything its file held before.

use std::collections::HashMap;

use chrono::NaiveDate;
use tantivy::schema::Facet;
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

use super::open::AkhbarIndex;
use crate::article::Article;
use crate::dedup::{self, Grouper, Signature};
use crate::error::Result;
use crate::ingest::{Item, Skip, SkipReason, Summary};
use crate::lang::{self, Lang};
use crate::search::collapse::group_key;

/// Settings of the index writer.
#[derive(Debug, Clone)]
pub struct WriterOptions {
    /// Indexing threads (tantivy's); 0 means one per core.
    pub threads: usize,
    /// Memory budget of the writer, in bytes, shared by its threads.
    pub memory_bytes: usize,
}

impl Default for WriterOptions {
    fn default() -> Self {
        WriterOptions {
            threads: 0,
            memory_bytes: 512 * 1024 * 1024,
        }
    }
}

/// Adds articles to an index and counts what it did.
pub struct ArticleWriter {
    writer: IndexWriter,
    index: AkhbarIndex,
    /// Ids seen in this run, with the path that used each first.
    seen: HashMap<String, String>,
    /// Groups near duplicates; loaded from the index at the first article.
    grouper: Option<Grouper>,
    /// Articles queued for the next batch.
    pending: Vec<Article>,
    pub summary: Summary,
}

/// Articles written together (their signatures computed in parallel).
const ARTICLE_BATCH: usize = 256;

impl ArticleWriter {
    pub fn new(index: &AkhbarIndex, opts: &WriterOptions) -> Result<ArticleWriter> {
        let threads = if opts.threads == 0 {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        } else {
            opts.threads
        };
        // tantivy wants at least 15 MB per thread.
        let threads = threads.clamp(1, (opts.memory_bytes / 15_000_000).max(1));
        let writer = index
            .index
            .writer_with_num_threads(threads, opts.memory_bytes)?;
        Ok(ArticleWriter {
            writer,
            index: index.clone(),
            seen: HashMap::new(),
            grouper: None,
            pending: Vec::new(),
            summary: Summary::default(),
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
            Item::Skip(skip) => self.skip(skip),
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

    /// Records a skipped item.
    pub fn skip(&mut self, skip: Skip) {
        self.summary.skipped.push(skip);
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
            self.grouper = Some(load_grouper(&self.index)?);
        }
        for (article, signature) in batch.iter().zip(signatures) {
            self.write(article, &signature)?;
        }
        Ok(())
    }

    fn write(&mut self, article: &Article, signature: &Signature) -> Result<()> {
        if let Some(first) = self.seen.get(&article.id) {
            let detail = format!("id `{}` already used by {first}", article.id);
            self.summary.skipped.push(Skip {
                path: article.file.clone(),
                line: line_of(&article.path),
                reason: SkipReason::DuplicateId,
                detail,
            });
            return Ok(());
        }
        self.seen.insert(article.id.clone(), article.path.clone());
        let fields = &self.index.fields;
        self.writer
            .delete_term(Term::from_field_text(fields.id, &article.id));
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

    /// Commits everything added and waits for merges to finish; with
    /// `merge_all`, merges the whole index into one segment.
    pub fn commit(mut self, merge_all: bool) -> Result<Summary> {
        self.flush()?;
        self.writer.commit()?;
        if merge_all {
            let segments = self.index.index.searchable_segment_ids()?;
            if segments.len() > 1 {
                self.writer.merge(&segments).wait()?;
            }
        }
        self.writer.wait_merging_threads()?;
        Ok(self.summary)
    }
}

/// A grouper holding the signatures of the articles already in the index,
/// so that new articles join the groups of earlier copies.
fn load_grouper(index: &AkhbarIndex) -> Result<Grouper> {
    let mut grouper = Grouper::new(Grouper::DEFAULT_THRESHOLD);
    let searcher = index.index.reader()?.searcher();
    for segment in searcher.segment_readers() {
        let (Some(ids), Some(sigs)) = (
            segment.fast_fields().str("id")?,
            segment.fast_fields().bytes("dup_sig")?,
        ) else {
            continue;
        };
        let alive = segment.alive_bitset();
        let (mut id, mut bytes) = (String::new(), Vec::new());
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|a| a.is_deleted(doc)) {
                continue;
            }
            let (Some(id_ord), Some(sig_ord)) =
                (ids.term_ords(doc).next(), sigs.term_ords(doc).next())
            else {
                continue;
            };
            id.clear();
            bytes.clear();
            let read = |e: std::io::Error| crate::error::Error::io("(index fast fields)", e);
            if ids.ord_to_str(id_ord, &mut id).map_err(read)?
                && sigs.ord_to_bytes(sig_ord, &mut bytes).map_err(read)?
            {
                if let Some(signature) = Signature::from_bytes(&bytes) {
                    grouper.add(&id, &signature);
                }
            }
        }
    }
    Ok(grouper)
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

fn line_of(path: &str) -> Option<usize> {
    path.rsplit_once(':')
        .and_then(|(_, line)| line.parse().ok())
}
