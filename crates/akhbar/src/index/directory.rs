//! The folder an index lives in, as tantivy sees it, and akhbar's copy of
//! tantivy's list of segments.
//!
//! tantivy keeps the list of an index's committed segments in `meta.json`;
//! without it the segment files are unreadable and, worse, tantivy's
//! garbage collection takes them for leftovers. akhbar therefore copies
//! `meta.json` to `akhbar-meta.json` after every commit and merge, so that
//! a lost or damaged `meta.json` costs nothing: searches read the copy, and
//! the next `akhbar-index` puts it back.
//!
//! Readers never need to write: tantivy takes a lock file while it opens
//! segments (so that a writer's garbage collection waits), and where that
//! file cannot be created (a read-only folder, another user's index) the
//! search goes on without it.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle,
    WritePtr, META_LOCK,
};

use crate::error::{Error, Result};

/// tantivy's list of committed segments.
pub(crate) const META_FILE: &str = "meta.json";
/// akhbar's copy of it, as of the last commit.
pub(crate) const META_COPY: &str = "akhbar-meta.json";

/// An index folder: tantivy's memory-mapped directory, read through
/// akhbar's copy of `meta.json` when that is lost, and searchable without
/// write access.
#[derive(Clone, Debug)]
pub(crate) struct IndexDirectory {
    inner: MmapDirectory,
    /// `meta.json` is read from [`META_COPY`] (it is missing or damaged).
    meta_from_copy: bool,
}

impl IndexDirectory {
    pub(crate) fn open(dir: &Path, meta_from_copy: bool) -> Result<IndexDirectory> {
        let inner = MmapDirectory::open(dir).map_err(|e| {
            Error::io(
                dir,
                io::Error::other(e.to_string().trim_end_matches('.').to_string()),
            )
        })?;
        Ok(IndexDirectory {
            inner,
            meta_from_copy,
        })
    }

    fn redirect<'a>(&self, path: &'a Path) -> &'a Path {
        if self.meta_from_copy && path == Path::new(META_FILE) {
            Path::new(META_COPY)
        } else {
            path
        }
    }
}

impl Directory for IndexDirectory {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> std::result::Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(self.redirect(path))
    }

    fn delete(&self, path: &Path) -> std::result::Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> std::result::Result<bool, OpenReadError> {
        self.inner.exists(self.redirect(path))
    }

    fn open_write(&self, path: &Path) -> std::result::Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> std::result::Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(self.redirect(path))
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> std::result::Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            // A reader that may not create the lock file (a read-only
            // folder, another user's index) opens the segments without it:
            // it cannot be garbage collecting anything itself.
            Err(LockError::IoError(_)) if lock.filepath == META_LOCK.filepath => {
                Ok(DirectoryLock::from(Box::new(())))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// The state of `meta.json` in an index folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Meta {
    /// There and readable as JSON.
    Sound,
    /// Not there.
    Missing,
    /// There, but not JSON (cut or garbled): the reason.
    Damaged(String),
}

pub(crate) fn meta_state(dir: &Path) -> Meta {
    match std::fs::read(dir.join(META_FILE)) {
        Err(_) if !dir.join(META_FILE).exists() => Meta::Missing,
        Err(e) => Meta::Damaged(e.to_string()),
        Ok(bytes) => match serde_json::from_slice::<serde_json::Value>(&bytes) {
            Ok(serde_json::Value::Object(_)) => Meta::Sound,
            Ok(_) => Meta::Damaged("not a JSON object".into()),
            Err(e) => Meta::Damaged(e.to_string()),
        },
    }
}

/// Copies `meta.json` to [`META_COPY`], whole or not at all, with the
/// permissions the user's umask gives (tantivy writes `meta.json` and
/// `.managed.json` readable by their owner only; they are widened here to
/// what any file the user creates gets, so that others may search).
pub(crate) fn save_meta_copy(dir: &Path) -> Result<()> {
    let meta = dir.join(META_FILE);
    let bytes = std::fs::read(&meta).map_err(|e| Error::io(&meta, e))?;
    let copy = dir.join(META_COPY);
    let temp = dir.join(format!("{META_COPY}.{}.tmp", std::process::id()));
    std::fs::write(&temp, bytes).map_err(|e| Error::write(&temp, e))?;
    std::fs::rename(&temp, &copy).map_err(|e| Error::write(&copy, e))?;
    for name in [META_FILE, ".managed.json"] {
        widen_to_umask(&dir.join(name), &copy);
    }
    Ok(())
}

/// Gives `path` the permission bits of `like` (a file created the usual
/// way, so with the user's umask) when `path` has fewer.
fn widen_to_umask(path: &Path, like: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let (Ok(have), Ok(want)) = (std::fs::metadata(path), std::fs::metadata(like)) else {
            return;
        };
        let (have, want) = (have.permissions().mode(), want.permissions().mode());
        if have & 0o777 != (have | want) & 0o777 {
            let _ = std::fs::set_permissions(
                path,
                std::fs::Permissions::from_mode((have | want) & 0o777),
            );
        }
    }
    #[cfg(not(unix))]
    let _ = (path, like);
}

/// The segment files a copy of `meta.json` needs that are not in `dir`
/// (none when the copy can stand for the lost `meta.json`), or why the copy
/// cannot be read at all.
pub(crate) fn copy_gaps(dir: &Path) -> std::result::Result<Vec<PathBuf>, String> {
    let bytes = std::fs::read(dir.join(META_COPY)).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => format!("there is no {META_COPY}"),
        _ => format!("{META_COPY} cannot be read: {e}"),
    })?;
    let meta: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("{META_COPY} is damaged: {e}"))?;
    let segments = meta
        .get("segments")
        .and_then(|s| s.as_array())
        .ok_or_else(|| format!("{META_COPY} lists no segments"))?;
    let mut gaps = Vec::new();
    for segment in segments {
        let id = segment
            .get("segment_id")
            .and_then(|id| id.as_str())
            .ok_or_else(|| format!("{META_COPY} has a segment without an id"))?
            .replace('-', "");
        let mut files: Vec<String> = ["idx", "pos", "term", "store", "fast", "fieldnorm"]
            .iter()
            .map(|ext| format!("{id}.{ext}"))
            .collect();
        if let Some(opstamp) = segment
            .get("deletes")
            .and_then(|d| d.get("opstamp"))
            .and_then(|o| o.as_u64())
        {
            files.push(format!("{id}.{opstamp}.del"));
        }
        gaps.extend(
            files
                .into_iter()
                .map(PathBuf::from)
                .filter(|f| !dir.join(f).is_file()),
        );
    }
    Ok(gaps)
}

/// True when `dir` holds segment files or akhbar's copy of `meta.json`,
/// whatever state its `meta.json` is in. tantivy's own list of files
/// (`.managed.json`) and its locks do not count: an index being created
/// by another process has them an instant before its `meta.json`.
pub(crate) fn holds_index_files(dir: &Path) -> bool {
    const EXTENSIONS: [&str; 7] = ["idx", "pos", "term", "store", "fast", "fieldnorm", "del"];
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(|e| e.ok()).any(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        name == META_COPY
            || Path::new(&name)
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| EXTENSIONS.contains(&x))
    })
}

/// Puts akhbar's copy back as `meta.json`, whole or not at all; a damaged
/// `meta.json` is kept beside it as `meta.json.damaged`.
pub(crate) fn restore_meta(dir: &Path) -> Result<()> {
    let meta = dir.join(META_FILE);
    if meta.exists() {
        let aside = dir.join(format!("{META_FILE}.damaged"));
        std::fs::rename(&meta, &aside).map_err(|e| Error::write(&aside, e))?;
    }
    let copy = dir.join(META_COPY);
    let bytes = std::fs::read(&copy).map_err(|e| Error::io(&copy, e))?;
    let temp = dir.join(format!("{META_FILE}.{}.akhbar-tmp", std::process::id()));
    std::fs::write(&temp, bytes).map_err(|e| Error::write(&temp, e))?;
    std::fs::rename(&temp, &meta).map_err(|e| Error::write(&meta, e))
}
