//! The library's error type: each variant says what went wrong and, where the
//! user can act, what to do about it.

use std::path::PathBuf;

/// Everything that can fail in akhbar's library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
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
        T::LockFailure(..)
        | T::IndexAlreadyExists
        | T::FieldNotFound(_)
        | T::InvalidArgument(_) => {
            format!("index error: {e}")
        }
        other => format!("index error: {other}; if it happens again, {CHECK}"),
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

    /// A failure to read or write `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;
