//! The manifest of an index: the content hash of every corpus file it holds
//! and how many articles each gave, so that a later run re-reads only what
//! changed.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

const MANIFEST_FILE: &str = "akhbar-files.json";

/// What the index knows of one corpus file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// blake3 of the file's bytes, hex.
    pub hash: String,
    pub articles: usize,
    /// Items of the file that were skipped (not indexed) when it was read.
    #[serde(default)]
    pub skipped: usize,
    /// Set when only the first lines of the file are in the index (a JSON
    /// Lines file a stopped or killed run was reading): the next run reads
    /// on from there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_lines: Option<usize>,
}

/// Every file the index holds, by path relative to the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The corpus folder the files were read from, as given.
    pub corpus: String,
    pub files: BTreeMap<String, FileEntry>,
}

impl Manifest {
    /// Reads the manifest of the index at `dir` (empty when there is none
    /// or it cannot be read: everything is then re-read, nothing is lost).
    pub fn load(dir: &Path) -> Manifest {
        std::fs::read_to_string(dir.join(MANIFEST_FILE))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the manifest beside the index, atomically.
    pub fn save(&self, dir: &Path) -> Result<()> {
        let path = dir.join(MANIFEST_FILE);
        let tmp = dir.join(format!("{MANIFEST_FILE}.{}.tmp", std::process::id()));
        let text = serde_json::to_string(self).map_err(|e| Error::write(&path, e.into()))?;
        std::fs::write(&tmp, text).map_err(|e| Error::write(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::write(&path, e))
    }
}

/// The blake3 hash of a file's bytes, read in blocks.
pub fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = blake3::Hasher::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finalize().to_hex().to_string())
}
