//! Human output of a search, for a terminal.

use std::fmt::Write;

use super::facets::FacetKind;
use super::results::SearchResults;

/// How to draw the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours (bold titles, highlighted words).
    pub color: bool,
    /// At most this many values per facet.
    pub facet_limit: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            facet_limit: 10,
        }
    }
}

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const MATCH: &str = "\x1b[1;33m";
const RESET: &str = "\x1b[0m";

/// Renders results as text: the hits, then counts of every match.
pub fn human(results: &SearchResults, offset: usize, style: Style) -> String {
    let (bold, dim, hl, reset) = if style.color {
        (BOLD, DIM, MATCH, RESET)
    } else {
        ("", "", "", "")
    };
    let mut out = String::new();
    for (i, hit) in results.hits.iter().enumerate() {
        let title = if hit.title.trim().is_empty() {
            "(untitled)"
        } else {
            hit.title.as_str()
        };
        let _ = writeln!(out, "{bold}{}. {title}{reset}", offset + i + 1);
        let mut meta = vec![
            hit.date.clone().unwrap_or_else(|| "no date".into()),
            hit.lang.clone(),
        ];
        if let Some(source) = &hit.source {
            meta.push(source.clone());
        }
        meta.push(hit.path.clone());
        meta.push(format!("score {:.2}", hit.score));
        let _ = writeln!(out, "   {dim}{}{reset}", meta.join(" · "));
        let snippet = hit.snippet_parts.marked(hl, reset).replace('\n', " ");
        if !snippet.trim().is_empty() {
            let _ = writeln!(out, "   {snippet}");
        }
        out.push('\n');
    }
    let shown = if results.hits.is_empty() {
        String::new()
    } else {
        format!(", showing {}-{}", offset + 1, offset + results.hits.len())
    };
    let noun = if results.total == 1 {
        "article matches"
    } else {
        "articles match"
    };
    let _ = writeln!(
        out,
        "{bold}{} {noun}{reset}{shown} ({:.1} ms)",
        results.total, results.took_ms
    );
    for kind in FacetKind::ALL {
        let values = results.facets.top(kind, style.facet_limit);
        if values.is_empty() {
            continue;
        }
        let all = results.facets.get(kind).len();
        let list: Vec<String> = values.iter().map(|(v, n)| format!("{v} ({n})")).collect();
        let more = if all > values.len() {
            format!(", … {} more", all - values.len())
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {dim}{:<6}{reset} {}{more}",
            kind.name(),
            list.join(", ")
        );
    }
    out
}
