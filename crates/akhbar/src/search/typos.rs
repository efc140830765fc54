//! Typo tolerance: a query word that no article contains
//! (`joural`, `proctection`, `Maharashi`) is searched as the indexed word
//! nearest to it (`journal`, `protection`, `Maharishi`), so that one
//! mistyped word does not leave its article out of the results.
//!
//! Only words of no document are corrected: a word the index holds is
//! never replaced, however rare. The nearest word is found in the term
//! dictionaries with a Levenshtein automaton (a swap of two letters costs
//! one edit): one edit for words of [`MIN_CHARS`] letters or more, two for
//! words of [`TWO_EDITS_CHARS`] or more. Of the words at the smallest
//! distance, the one in most documents wins.
//!
//! ```
//! use akhbar::search::edit_distance;
//! assert_eq!(edit_distance("joural", "journal"), 1);
//! assert_eq!(edit_distance("phelgmon", "phlegmon"), 1); // a swap
//! assert_eq!(edit_distance("noveau", "nouveau"), 1);
//! ```

use std::collections::HashMap;

use tantivy::query::FuzzyTermQuery;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::analysis::EXACT_MARK;
use crate::error::Result;

/// Shorter words are never corrected: too many words lie one edit away.
pub const MIN_CHARS: usize = 5;
/// Words at least this long may be two edits away from their correction.
pub const TWO_EDITS_CHARS: usize = 9;

/// The indexed term nearest to `term` in `fields`, when no document of
/// `fields` holds `term` itself; `None` when some document does, when the
/// term is too short or holds a digit, or when nothing is near enough.
pub fn correction(searcher: &Searcher, fields: &[Field], term: &str) -> Result<Option<String>> {
    let chars = term.chars().count();
    let edits: u8 = if chars >= TWO_EDITS_CHARS { 2 } else { 1 };
    nearest_term(searcher, fields, term, edits)
}

/// The indexed term nearest to `term` in `fields`, at most `edits` edits
/// away, when no document of `fields` holds `term` itself (see
/// [`correction`], which sets `edits` from the term's length).
pub(crate) fn nearest_term(
    searcher: &Searcher,
    fields: &[Field],
    term: &str,
    edits: u8,
) -> Result<Option<String>> {
    let chars = term.chars().count();
    if chars < MIN_CHARS || term.chars().any(|c| c.is_numeric()) || fields.is_empty() {
        return Ok(None);
    }
    for &field in fields {
        if searcher.doc_freq(&Term::from_field_text(field, term))? > 0 {
            return Ok(None);
        }
    }
    let automaton =
        FuzzyTermQuery::new(Term::from_field_text(fields[0], term), edits, true).automaton()?;
    let mut found: HashMap<String, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        for &field in fields {
            let index = segment.inverted_index(field)?;
            let mut stream = index
                .terms()
                .search(&automaton)
                .into_stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                let Ok(text) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if text.starts_with(EXACT_MARK) {
                    continue;
                }
                *found.entry(text.to_string()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
    }
    Ok(found
        .into_iter()
        .map(|(text, docs)| (edit_distance(term, &text), docs, text))
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)))
        .map(|(_, _, text)| text))
}

/// The edit distance between two words, in characters, a swap of two
/// neighbouring letters counting one edit (optimal string alignment).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("proctection", "protection"), 1);
        assert_eq!(edit_distance("paneaux", "panneaux"), 1);
        assert_eq!(edit_distance("maharashi", "maharishi"), 1);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("اعلن", "اعلان"), 1);
        assert_eq!(edit_distance("journal", "journal"), 0);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
