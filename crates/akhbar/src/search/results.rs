//! What a search returns; its JSON form is a contract that scripts rely on:
//! fields may be added, never removed or renamed.
//!
//! ```text
//! {"query": str, "total": int, "took_ms": float,
//!  "hits": [{"id": str, "title": str, "date": "YYYY-MM-DD" or null, "lang": str,
//!            "source": str or null, "url": str or null, "path": str, "score": float, "snippet": str,
//!            "group": str, "duplicate_count": int,
//!            "duplicates": [{"id": str, "source": str or null, "path": str, "date": str or null}],
//!            "first_published": {"id": str, "source": str or null, "path": str, "date": str} or null}],
//!  "facets": {"lang": {str: int}, "year": {str: int}, "month": {"YYYY-MM": int}, "source": {str: int}},
//!  "corrections": [{"word": str, "searched": str}],
//!  "notes": [str],
//!  "suggestions": [{"kind": "word" | "source", "typed": str, "suggestion": str, "articles": int}]}
//! ```

use serde::Serialize;

use super::facets::Facets;
use super::snippets::Snippet;
use super::suggest::Suggestion;

/// One matching article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    pub id: String,
    pub title: String,
    /// `YYYY-MM-DD`, or null when the article has no date.
    pub date: Option<String>,
    pub lang: String,
    /// Every language with a passage in the article, dominant first.
    pub langs: Vec<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The file it came from, relative to the corpus (`file.jsonl:LINE` for a record).
    pub path: String,
    pub score: f32,
    /// The best passage, matched words between `<b>` and `</b>` (the text itself
    /// is not HTML-escaped).
    pub snippet: String,
    /// The snippet as text and byte ranges, for terminals.
    #[serde(skip)]
    pub snippet_parts: Snippet,
    /// The other copies of this article (near duplicates, e.g. one wire story
    /// republished by several outlets), the first 10 in index order; empty
    /// with `--all-duplicates`.
    pub duplicates: Vec<Duplicate>,
    /// How many other copies there are in all (`duplicates` lists at most 10).
    pub duplicate_count: u64,
    /// The id of the article's group of near duplicates: the id of the
    /// group's first indexed article (its own id when it has no copy).
    /// `akhbar-search --group ID` lists a group.
    pub group: String,
    /// The copy of the group published first (earliest date, this hit
    /// included); null when the hit has no copy or no copy has a date.
    pub first_published: Option<Duplicate>,
}

/// A near-duplicate copy of a hit.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Duplicate {
    pub id: String,
    pub source: Option<String>,
    pub path: String,
    pub date: Option<String>,
}

/// The answer to one search.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SearchResults {
    pub query: String,
    /// Every match, not only the page shown: groups of near duplicates
    /// count once (articles with `--all-duplicates`).
    pub total: u64,
    /// Every matching article, each copy counted.
    pub total_articles: u64,
    /// From parsing the query to having hits, counts and snippets.
    pub took_ms: f64,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// Words of a question that no article contains, each with the indexed
    /// word searched instead (typo tolerance, `--question` only).
    pub corrections: Vec<Corrected>,
    /// What the query parser read otherwise than it was written (a name
    /// that is not a field, searched as words).
    pub notes: Vec<String>,
    /// When nothing matched: the nearest indexed word of each query word no
    /// article holds, and the nearest sources of a source that none has.
    pub suggestions: Vec<Suggestion>,
}

/// A query word no article contains and the indexed word (a stem)
/// searched in its place.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Corrected {
    pub word: String,
    pub searched: String,
}
