//! Arabic clitic variants of a query word, checked against the index's
//! vocabulary.
//!
//! The Snowball Arabic stemmer strips the conjunctions `و` `ف` and the
//! preposition `ب`, but not the prepositions `ل` (to, for) and `ك` (as):
//! `لمشروع` stays `لمشروع` while `بمشروع` becomes `مشروع`. Stripping them
//! at indexing time would break the many words that begin with those
//! letters (`لبنان`, `لغة`, `كتاب`). At query time the index can tell:
//! a question's `لمشروع` is also searched as `مشروع`, and its `مشروع` as
//! `لمشروع` and `كمشروع`, each only when some article holds that form. The
//! variants count as occurrences of the word, at a reduced weight
//! ([`super::query::Weights::variants`]); the reranker counts them as
//! matches of the word.
//!
//! ```
//! use akhbar::search::variants::candidates;
//! assert_eq!(candidates("لمشروع"), vec!["مشروع", "للمشروع", "كلمشروع"]);
//! assert_eq!(candidates("مشروع"), vec!["لمشروع", "كمشروع"]);
//! assert!(candidates("مر").is_empty());
//! ```

use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::error::Result;

/// The prepositions the stemmer leaves on a word.
const CLITICS: [char; 2] = ['ل', 'ك'];
/// A word keeps at least this many letters once a clitic is taken off.
const MIN_LETTERS: usize = 3;

/// The forms a stem might take with or without a clitic, before checking
/// which the index holds: the stem without its first letter when that is
/// a clitic, then the stem behind each clitic.
pub fn candidates(stem: &str) -> Vec<String> {
    let letters = stem.chars().count();
    if letters < MIN_LETTERS {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut chars = stem.chars();
    if let Some(first) = chars.next() {
        if CLITICS.contains(&first) && letters > MIN_LETTERS {
            out.push(chars.as_str().to_string());
        }
    }
    out.extend(CLITICS.iter().map(|c| format!("{c}{stem}")));
    out
}

/// The [`candidates`] of `stem` that some document holds in `fields`.
pub fn arabic_variants(searcher: &Searcher, fields: &[Field], stem: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for form in candidates(stem) {
        let mut held = false;
        for &field in fields {
            if searcher.doc_freq(&Term::from_field_text(field, &form))? > 0 {
                held = true;
                break;
            }
        }
        if held {
            out.push(form);
        }
    }
    Ok(out)
}
