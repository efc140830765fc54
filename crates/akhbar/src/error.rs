//! The library's error type: each variant says what went wrong and, where the
//! user can act, what to do about it.

use std::path::PathBuf;

/// Everything that can fail in akhbar's library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed; the message names the cause the
    /// user can act on (a full disk, a permission, a read-only disk).
    #[error("{}", io_message(path, cause, *writing))]
    Io {
        path: PathBuf,
        cause: std::io::Error,
        /// Writing (else reading).
        writing: bool,
    },
    #[error("corpus folder {0} does not exist: give the folder that holds your .txt/.jsonl files")]
    CorpusMissing(PathBuf),
    #[error("no index at {0}: build one with `akhbar-index CORPUS_DIR --index {0}`")]
    IndexMissing(PathBuf),
    #[error(
        "{path} holds no akhbar index (it looks like a corpus): build one beside it with \
         `akhbar-index {path} --index {suggestion}`, then search with `--index {suggestion}`"
    )]
    NotAnIndex { path: PathBuf, suggestion: PathBuf },
    #[error("the {what} {path} is a file, not a folder: {hint}")]
    NotAFolder {
        what: &'static str,
        path: PathBuf,
        hint: &'static str,
    },
    #[error(
        "the index at {path} was not built by this version of akhbar ({detail}): \
         nothing was changed; move it away (`mv {path} {path}.old`) and run `akhbar-index` \
         again to build it anew"
    )]
    IndexIncompatible { path: PathBuf, detail: String },
    #[error(
        "the index at {path} has lost meta.json, tantivy's list of its segments (it {state}), \
         and it cannot be rebuilt ({why}): nothing was changed and no file deleted; build the \
         corpus into a new folder (`akhbar-index CORPUS --index NEW`) and use that"
    )]
    IndexMetaLost {
        path: PathBuf,
        state: String,
        why: String,
    },
    #[error(
        "the index at {path} is damaged ({detail}): nothing was changed; build the corpus into \
         a new folder (`akhbar-index CORPUS --index NEW`) and use that"
    )]
    IndexDamaged { path: PathBuf, detail: String },
    #[error(
        "the index at {path} is being written by {holder}: wait for it to end, then run again"
    )]
    IndexBusy { path: PathBuf, holder: String },
    /// A run stopped by the user (Ctrl-C, SIGTERM).
    #[error("interrupted")]
    Interrupted,
    #[error(transparent)]
    Query(#[from] crate::search::QueryError),
    #[error("{0}")]
    Usage(String),
    /// An error of the search engine; its message says what it means for
    /// the user's index (see [`tantivy_message`]). Not a source of its own,
    /// so that `{:#}` says it once.
    #[error("{}", tantivy_message(.0))]
    Tantivy(tantivy::TantivyError),
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        Error::Tantivy(e)
    }
}

/// What a tantivy error means, in a line that says what to do: a file of
/// the index that is missing or unreadable is damage to check for.
fn tantivy_message(e: &tantivy::TantivyError) -> String {
    use tantivy::directory::error::OpenReadError;
    use tantivy::TantivyError as T;
    const CHECK: &str = "the index may be damaged: run `akhbar-index --check --index DIR`";
    match e {
        T::OpenReadError(OpenReadError::FileDoesNotExist(path)) => {
            format!("the index file {} is missing: {CHECK}", path.display())
        }
        T::OpenReadError(OpenReadError::IoError { io_error, filepath }) => format!(
            "the index file {} cannot be read ({io_error}): {CHECK}",
            filepath.display()
        ),
        T::DataCorruption(corruption) => format!("{corruption:?} {CHECK}"),
        T::IoError(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::InvalidData
                    | std::io::ErrorKind::UnexpectedEof
                    | std::io::ErrorKind::Other
            ) =>
        {
            format!("reading the index failed ({io}): {CHECK}")
        }
        T::IoError(io) if io.kind() == std::io::ErrorKind::StorageFull => {
            "the disk holding the index is full: free some space, then run again (what the last \
             commit holds is safe)"
                .to_string()
        }
        T::ErrorInThread(_) => "an indexing thread stopped (most often because the disk holding \
             the index is full): free some space, then run again (what the last commit holds is \
             safe)"
            .to_string(),
        T::LockFailure(..)
        | T::IndexAlreadyExists
        | T::FieldNotFound(_)
        | T::InvalidArgument(_) => {
            format!("index error: {e}")
        }
        other => format!("index error: {other}; if it happens again, {CHECK}"),
    }
}

/// What a failed read or write of `path` means, in one line that says what
/// to do.
fn io_message(path: &std::path::Path, cause: &std::io::Error, writing: bool) -> String {
    use std::io::ErrorKind as K;
    let path = path.display();
    let verb = if writing { "write" } else { "read" };
    match cause.kind() {
        K::StorageFull => format!(
            "the disk holding {path} is full: free some space (or give --index a folder on \
             another disk), then run again"
        ),
        K::QuotaExceeded => {
            format!("your disk quota is used up (writing {path}): free some space, then run again")
        }
        K::PermissionDenied => format!(
            "permission denied: you may not {verb} {path} (check its owner and mode, `ls -l`)"
        ),
        K::ReadOnlyFilesystem => format!(
            "{path} is on a read-only disk: give --index a folder you may write (searching works \
             without writing)"
        ),
        _ => format!("cannot {verb} {path}: {cause}"),
    }
}

/// Where to put the index of the corpus folder `corpus`: a sibling `index`
/// folder (`corpus/` → `index/`), never a folder inside the corpus.
pub fn index_beside(corpus: &std::path::Path) -> PathBuf {
    let name = corpus
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".into());
    let parent = corpus.parent().unwrap_or(std::path::Path::new(""));
    let sibling = if name == "index" {
        format!("{name}-index")
    } else {
        "index".to_string()
    };
    parent.join(sibling)
}

impl Error {
    /// True for errors caused by what the user typed (exit code 2), false for
    /// failures at run time (exit code 1).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::Usage(_)
                | Error::Query(_)
                | Error::CorpusMissing(_)
                | Error::IndexMissing(_)
                | Error::NotAnIndex { .. }
                | Error::NotAFolder { .. }
        )
    }

    /// A failure to read `path`.
    pub fn io(path: impl Into<PathBuf>, cause: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            cause,
            writing: false,
        }
    }

    /// A failure to write `path` (or to create, rename or remove it).
    pub fn write(path: impl Into<PathBuf>, cause: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            cause,
            writing: true,
        }
    }
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;
