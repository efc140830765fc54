//! What an index holds: articles, languages, date range, sources, size.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use tantivy::query::AllQuery;
use tantivy::Searcher;

use super::facets::{self, FacetKind};
use crate::error::Result;
use crate::index::AkhbarIndex;

/// A summary of an index.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct IndexStats {
    pub articles: u64,
    pub by_lang: BTreeMap<String, u64>,
    pub with_date: u64,
    /// The oldest and newest article dates, `YYYY-MM-DD`.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub sources: BTreeMap<String, u64>,
    pub segments: usize,
    pub size_bytes: u64,
}

/// Reads the stats of an open index; `dir` is where it lives on disk.
pub fn index_stats(index: &AkhbarIndex, dir: &Path) -> Result<IndexStats> {
    let searcher = index.index.reader()?.searcher();
    let count = |kind: FacetKind, searcher: &Searcher| -> Result<BTreeMap<String, u64>> {
        let counts = searcher.search(&AllQuery, &facets::collector(kind, &index.fields))?;
        Ok(facets::counts(&counts))
    };
    let days = count(FacetKind::Day, &searcher)?;
    let size_bytes = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    Ok(IndexStats {
        articles: searcher.num_docs(),
        by_lang: count(FacetKind::Lang, &searcher)?,
        with_date: days.values().sum(),
        first_date: days.keys().next().cloned(),
        last_date: days.keys().next_back().cloned(),
        sources: count(FacetKind::Source, &searcher)?,
        segments: searcher.segment_readers().len(),
        size_bytes,
    })
}

/// The stats as text for a terminal.
pub fn stats_text(stats: &IndexStats, dir: &Path, source_limit: usize) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "index      {}", dir.display());
    let _ = writeln!(out, "articles   {}", stats.articles);
    let langs: Vec<String> = stats
        .by_lang
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    let _ = writeln!(out, "languages  {}", langs.join(", "));
    match (&stats.first_date, &stats.last_date) {
        (Some(first), Some(last)) => {
            let _ = writeln!(
                out,
                "dates      {first} … {last} ({} of {} articles dated)",
                stats.with_date, stats.articles
            );
        }
        _ => {
            let _ = writeln!(out, "dates      none");
        }
    }
    let mut sources: Vec<(&String, &u64)> = stats.sources.iter().collect();
    sources.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let listed: Vec<String> = sources
        .iter()
        .take(source_limit)
        .map(|(s, n)| format!("{s} ({n})"))
        .collect();
    let more = sources.len().saturating_sub(source_limit);
    let more = if more > 0 {
        format!(", … {more} more")
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "sources    {}: {}{more}",
        sources.len(),
        listed.join(", ")
    );
    let _ = writeln!(
        out,
        "on disk    {:.1} MB in {} segments",
        stats.size_bytes as f64 / 1_000_000.0,
        stats.segments
    );
    out
}
