//! Snippets: the passage of an article's body that best matches the query,
//! with the matched words marked.

use std::ops::Range;

use serde::Serialize;
use tantivy::query::Query;
use tantivy::snippet::SnippetGenerator;
use tantivy::Searcher;

use crate::index::Fields;
use crate::lang::Lang;

/// The default length of a snippet, in characters.
pub const SNIPPET_CHARS: usize = 220;

/// A fragment of text and the byte ranges of the matched words in it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The fragment with each matched word between `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + self.highlights.len() * 8);
        let mut last = 0;
        for range in &self.highlights {
            let (Some(before), Some(word)) = (
                self.text.get(last..range.start),
                self.text.get(range.clone()),
            ) else {
                continue;
            };
            out.push_str(before);
            out.push_str(open);
            out.push_str(word);
            out.push_str(close);
            last = range.end;
        }
        out.push_str(self.text.get(last..).unwrap_or(""));
        out
    }
}

/// Builds snippets for the hits of one query, one generator per language.
pub struct Snippeter {
    generators: Vec<(Lang, SnippetGenerator)>,
    max_chars: usize,
}

impl Snippeter {
    pub fn new(
        searcher: &Searcher,
        query: &dyn Query,
        fields: &Fields,
        max_chars: usize,
    ) -> tantivy::Result<Self> {
        let mut generators = Vec::new();
        for lang in Lang::ALL {
            let mut generator = SnippetGenerator::create(searcher, query, fields.body_of(lang))?;
            generator.set_max_num_chars(max_chars);
            generators.push((lang, generator));
        }
        Ok(Snippeter {
            generators,
            max_chars,
        })
    }

    /// The best snippet of `body` for an article in `langs` (dominant first);
    /// the body's opening when no query word is in it.
    pub fn snippet(&self, body: &str, langs: &[Lang]) -> Snippet {
        for lang in langs {
            if let Some((_, generator)) = self.generators.iter().find(|(l, _)| l == lang) {
                let snippet = generator.snippet(body);
                if !snippet.highlighted().is_empty() {
                    return Snippet {
                        text: snippet.fragment().trim_end().to_string(),
                        highlights: merged(snippet.highlighted()),
                    };
                }
            }
        }
        Snippet {
            text: opening(body, self.max_chars),
            highlights: Vec::new(),
        }
    }
}

/// Highlight ranges sorted, with overlapping and repeated ranges merged:
/// a word indexed both as its stem and as its exact form is matched twice,
/// at the same offsets, and must be marked once.
fn merged(ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The first `max_chars` characters of a text, cut at a word boundary.
pub fn opening(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return text.replace('\n', " ");
    };
    let head = &text[..cut];
    let head = head
        .rfind(char::is_whitespace)
        .map(|i| &head[..i])
        .unwrap_or(head);
    format!("{}…", head.trim_end().replace('\n', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_ranges_are_marked_once() {
        assert_eq!(merged(&[4..9, 0..3, 4..9]), [0..3, 4..9]);
        assert_eq!(merged(&[0..5, 3..8, 10..12]), [0..8, 10..12]);
        assert_eq!(merged(&[]), Vec::<Range<usize>>::new());
        let s = Snippet {
            text: "le port de Tanger".into(),
            highlights: merged(&[11..17, 11..17, 3..7]),
        };
        assert_eq!(s.marked("<b>", "</b>"), "le <b>port</b> de <b>Tanger</b>");
    }
}
