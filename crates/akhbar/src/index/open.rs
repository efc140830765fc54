//! Opening and creating indexes. The analyzers' names live in the index's
//! meta, so they are registered every time an index is opened.

use std::path::Path;

use tantivy::{Index, Searcher};

use super::directory::{
    copy_gaps, holds_index_files, meta_state, restore_meta, IndexDirectory, Meta, META_FILE,
};
use super::schema::{build_schema, keyword_analyzer, Fields, KEYWORD_TOKENIZER, SCHEMA_VERSION};
use crate::analysis::{self, AnalysisOptions};
use crate::error::{Error, Result};

/// The file beside tantivy's that records which akhbar built the index.
const VERSION_FILE: &str = "akhbar-version.json";

/// An open index with its fields resolved.
#[derive(Clone)]
pub struct AkhbarIndex {
    pub index: Index,
    pub fields: Fields,
    /// The folder it lives in (none in memory).
    pub(crate) dir: Option<std::path::PathBuf>,
}

impl AkhbarIndex {
    /// A searcher over the index as last committed: hold one for many
    /// searches (it sees a fixed snapshot).
    pub fn searcher(&self) -> Result<Searcher> {
        Ok(self.index.reader()?.searcher())
    }

    /// Searches the segments of a query on `threads` threads (0: one per
    /// core; 1, the default: in the calling thread). Parallel search lowers
    /// the latency of queries with many matches on indexes of several
    /// segments; a server answering many queries at once may prefer 1.
    pub fn set_search_threads(&mut self, threads: usize) -> Result<()> {
        let threads = if threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            threads
        };
        if threads <= 1 {
            self.index.set_executor(tantivy::Executor::single_thread());
        } else {
            self.index.set_multithread_executor(threads)?;
        }
        Ok(())
    }
}

/// True when `dir` holds an index (tantivy's `meta.json`, or the files of
/// one that lost it).
pub fn exists(dir: &Path) -> bool {
    dir.join(META_FILE).is_file() || holds_index_files(dir)
}

/// Registers akhbar's analyzers on an index.
pub fn register_tokenizers(index: &Index, opts: AnalysisOptions) {
    analysis::register(index.tokenizers(), opts);
    index
        .tokenizers()
        .register(KEYWORD_TOKENIZER, keyword_analyzer());
}

/// Opens the index at `dir`.
pub fn open(dir: &Path) -> Result<AkhbarIndex> {
    open_with(dir, AnalysisOptions::default())
}

/// Opens the index at `dir` with given analysis options (for experiments:
/// an index must be searched with the options it was built with).
pub fn open_with(dir: &Path, opts: AnalysisOptions) -> Result<AkhbarIndex> {
    let meta = meta_state(dir);
    if meta == Meta::Missing && !holds_index_files(dir) {
        return Err(missing(dir));
    }
    // A lost or damaged meta.json is read from akhbar's copy, without
    // writing anything (the next akhbar-index puts it back).
    let from_copy = meta != Meta::Sound;
    if from_copy {
        copy_can_stand_in(dir, &meta)?;
    }
    let recorded = recorded_version(dir);
    if let Ok(v) = recorded {
        if v != u64::from(SCHEMA_VERSION) {
            return Err(incompatible(
                dir,
                format!("schema version {v}, this akhbar reads {SCHEMA_VERSION}"),
            ));
        }
    }
    let index = Index::open(IndexDirectory::open(dir, from_copy)?)?;
    if let Err(detail) = recorded {
        // A build killed before its first commit leaves tantivy's files and
        // no version file (or a cut one): an empty index, to continue. With
        // segments, akhbar cannot tell which version built them.
        let empty = index
            .searchable_segment_ids()
            .is_ok_and(|ids| ids.is_empty());
        if !empty {
            return Err(incompatible(dir, detail));
        }
    }
    wrap(index, dir, opts)
}

/// Puts back a lost or damaged `meta.json` from akhbar's copy of the last
/// commit (true when it did), so that a writer never starts over segment
/// files it would take for leftovers. Fails, changing nothing, when the
/// copy cannot stand in.
pub fn recover(dir: &Path) -> Result<bool> {
    let meta = meta_state(dir);
    if meta == Meta::Sound || (meta == Meta::Missing && !holds_index_files(dir)) {
        return Ok(false);
    }
    copy_can_stand_in(dir, &meta)?;
    restore_meta(dir)?;
    Ok(true)
}

/// Ok when akhbar's copy of `meta.json` lists segments that are all there.
fn copy_can_stand_in(dir: &Path, meta: &Meta) -> Result<()> {
    let why = match copy_gaps(dir) {
        Ok(gaps) if gaps.is_empty() => return Ok(()),
        Ok(gaps) => format!(
            "akhbar's copy of it lists {} file(s) that are gone, such as {}",
            gaps.len(),
            gaps[0].display()
        ),
        Err(why) => why,
    };
    let state = match meta {
        Meta::Missing => "is missing".to_string(),
        Meta::Damaged(detail) => format!("is damaged: {detail}"),
        Meta::Sound => "is sound".to_string(),
    };
    Err(Error::IndexMetaLost {
        path: dir.to_path_buf(),
        state,
        why,
    })
}

const INDEX_HINT: &str = "give --index the folder akhbar-index built (or a new one to build)";

/// Why there is no index at `dir`: nothing there, a file, or a folder of
/// something else (most often the corpus itself).
fn missing(dir: &Path) -> Error {
    if dir.is_file() {
        return Error::NotAFolder {
            what: "index",
            path: dir.to_path_buf(),
            hint: INDEX_HINT,
        };
    }
    let holds_something = std::fs::read_dir(dir).is_ok_and(|mut entries| {
        entries.any(|e| e.is_ok_and(|e| !e.file_name().to_string_lossy().starts_with('.')))
    });
    if holds_something {
        return Error::NotAnIndex {
            path: dir.to_path_buf(),
            suggestion: crate::error::index_beside(dir),
        };
    }
    Error::IndexMissing(dir.to_path_buf())
}

/// A file directly in `dir` that akhbar-index would read as articles.
fn first_corpus_file(dir: &Path) -> Option<std::path::PathBuf> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| crate::ingest::FileKind::of(p).is_some())
        .collect();
    names.sort();
    names.into_iter().next()
}

/// Opens the index at `dir`, creating it (and the folder) when there is none.
pub fn open_or_create(dir: &Path, opts: AnalysisOptions) -> Result<AkhbarIndex> {
    recover(dir)?;
    if exists(dir) {
        let index = open_with(dir, opts)?;
        // An empty index left without its version file by a killed first
        // build (see `open_with`) gets it now, before anything is written.
        if recorded_version(dir).is_err() {
            write_version(dir)?;
        }
        return Ok(index);
    }
    if dir.is_file() {
        return Err(Error::NotAFolder {
            what: "index",
            path: dir.to_path_buf(),
            hint: INDEX_HINT,
        });
    }
    if let Some(article_file) = first_corpus_file(dir) {
        return Err(Error::Usage(format!(
            "{} holds articles ({}), not an index: give --index a new folder outside the corpus, \
             such as {}",
            dir.display(),
            article_file.display(),
            crate::error::index_beside(dir).display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    let index = match Index::create_in_dir(dir, build_schema()) {
        // Another akhbar-index created it an instant ago: open theirs (its
        // writer lock then says who is writing).
        Err(tantivy::TantivyError::IndexAlreadyExists) if exists(dir) => {
            return open_or_create(dir, opts);
        }
        other => other?,
    };
    write_version(dir)?;
    wrap(index, dir, opts)
}

/// Creates an index in memory (tests, evaluation).
pub fn create_in_ram(opts: AnalysisOptions) -> Result<AkhbarIndex> {
    let index = Index::create_in_ram(build_schema());
    wrap(index, Path::new(IN_MEMORY), opts)
}

fn wrap(index: Index, dir: &Path, opts: AnalysisOptions) -> Result<AkhbarIndex> {
    register_tokenizers(&index, opts);
    let fields = Fields::from_schema(&index.schema()).ok_or_else(|| Error::IndexIncompatible {
        path: dir.to_path_buf(),
        detail: "its fields differ from this version's".into(),
    })?;
    let dir = (dir != Path::new(IN_MEMORY)).then(|| dir.to_path_buf());
    Ok(AkhbarIndex { index, fields, dir })
}

const IN_MEMORY: &str = "(memory)";

/// Writes akhbar's version file, whole or not at all (a temporary file
/// renamed over it), so that a kill never leaves half of one.
pub(crate) fn write_version(dir: &Path) -> Result<()> {
    let version = format!("{{\"schema_version\": {SCHEMA_VERSION}}}\n");
    let path = dir.join(VERSION_FILE);
    let temp = dir.join(format!("{VERSION_FILE}.{}.tmp", std::process::id()));
    std::fs::write(&temp, version).map_err(|e| Error::write(&temp, e))?;
    std::fs::rename(&temp, &path).map_err(|e| Error::write(&path, e))
}

fn incompatible(dir: &Path, detail: String) -> Error {
    Error::IndexIncompatible {
        path: dir.to_path_buf(),
        detail,
    }
}

/// The schema version akhbar's version file records, or why it records
/// none (missing, cut, garbled).
fn recorded_version(dir: &Path) -> std::result::Result<u64, String> {
    let text = std::fs::read_to_string(dir.join(VERSION_FILE))
        .map_err(|_| format!("no {VERSION_FILE}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{VERSION_FILE}: {e}"))?;
    value
        .get("schema_version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| format!("{VERSION_FILE} has no schema_version"))
}
