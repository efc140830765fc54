//! Verifying an index: every file of its committed segments against the
//! checksum tantivy keeps in its footer (`akhbar-index --check`).

use std::path::{Path, PathBuf};

use super::open::{open, AkhbarIndex};
use crate::error::Result;

/// What a check of an index found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// Committed segments.
    pub segments: usize,
    /// Articles in them (deleted ones aside).
    pub articles: u64,
    /// Files of committed segments read and verified.
    pub files_checked: usize,
    /// Files whose bytes do not match their checksum, relative to the index
    /// folder, sorted.
    pub damaged: Vec<PathBuf>,
    /// Files a committed segment needs that are not there.
    pub missing: Vec<PathBuf>,
}

impl CheckReport {
    /// What is wrong, in a few words naming the files (empty when sound).
    pub fn problems(&self) -> String {
        let names = |files: &[PathBuf]| {
            let mut shown: Vec<String> = files
                .iter()
                .take(3)
                .map(|f| f.display().to_string())
                .collect();
            if files.len() > 3 {
                shown.push(format!("and {} more", files.len() - 3));
            }
            shown.join(", ")
        };
        let mut parts = Vec::new();
        if !self.damaged.is_empty() {
            parts.push(format!(
                "{} file(s) fail their checksum: {}",
                self.damaged.len(),
                names(&self.damaged)
            ));
        }
        if !self.missing.is_empty() {
            parts.push(format!(
                "{} file(s) are missing: {}",
                self.missing.len(),
                names(&self.missing)
            ));
        }
        parts.join("; ")
    }

    /// True when every file is there and sound.
    pub fn is_sound(&self) -> bool {
        self.damaged.is_empty() && self.missing.is_empty()
    }
}

/// Opens the index at `dir` and verifies every file of its committed
/// segments. Fails (with the reason) when the index cannot be opened at all.
pub fn check(dir: &Path) -> Result<CheckReport> {
    check_open(&open(dir)?, dir)
}

/// [`check`] on an index already open.
pub(crate) fn check_open(index: &AkhbarIndex, dir: &Path) -> Result<CheckReport> {
    let metas = index.index.load_metas()?;
    use tantivy::index::SegmentComponent as C;
    let mut needed: Vec<PathBuf> = Vec::new();
    for segment in &metas.segments {
        for component in [
            C::Postings,
            C::Positions,
            C::FastFields,
            C::FieldNorms,
            C::Terms,
            C::Store,
        ] {
            needed.push(segment.relative_path(component));
        }
        if segment.has_deletes() {
            needed.push(segment.relative_path(C::Delete));
        }
    }
    needed.sort();
    let missing: Vec<PathBuf> = needed
        .iter()
        .filter(|f| !dir.join(f).is_file())
        .cloned()
        .collect();
    // Each file present is read whole and its CRC compared with its footer's;
    // one that cannot even be read (a cut footer) is damaged too.
    let directory = index.index.directory();
    let damaged: Vec<PathBuf> = needed
        .iter()
        .filter(|f| !missing.contains(f))
        .filter(|f| !matches!(directory.validate_checksum(f), Ok(true)))
        .cloned()
        .collect();
    Ok(CheckReport {
        segments: metas.segments.len(),
        articles: metas.segments.iter().map(|s| u64::from(s.num_docs())).sum(),
        files_checked: needed.len() - missing.len(),
        damaged,
        missing,
    })
}
