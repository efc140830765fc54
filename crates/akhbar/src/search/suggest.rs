//! Zero hits lead somewhere: when a search finds nothing, say which query
//! word no article holds and the nearest word that articles do hold
//! (`did you mean خاشقجي (343)?`), and for a source filter that names no
//! source of the index, the sources nearest to it.
//!
//! A word's nearest indexed term is found as typo tolerance finds it
//! ([`super::typos::correction`]); what the user sees is not that term (a
//! stem such as `cybercriminal`) but the commonest way the best articles
//! holding it write it (`cybercriminalité`), with the number of articles
//! that hold it.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::tokenizer::TokenStream;
use tantivy::{Searcher, TantivyDocument, Term};

use super::query::ParsedQuery;
use super::typos::{edit_distance, nearest_term, TWO_EDITS_CHARS};
use super::{source_key, SearchRequest};
use crate::analysis::{analyzer, exact_form};
use crate::error::Result;
use crate::index::Fields;
use crate::lang::Lang;

/// What a search that found nothing suggests instead.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Suggestion {
    /// `word` (a query word no article holds) or `source` (a source filter
    /// that names no source of the index).
    pub kind: SuggestionKind,
    /// What the user typed.
    pub typed: String,
    /// The nearest word, or source name, that the index holds.
    pub suggestion: String,
    /// How many articles hold it.
    pub articles: u64,
}

/// What a [`Suggestion`] replaces.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SuggestionKind {
    Word,
    Source,
}

/// At most this many sources are suggested for an unknown one.
const MAX_SOURCES: usize = 5;
/// How many of the best articles holding a term are read for its written form.
const SURFACE_DOCS: usize = 3;

/// Suggestions for a search that found nothing: nearest words for the words
/// of `parsed` that no article holds, then nearest sources for the source
/// filters (of the request or of `source:` in the query) that name none.
pub(crate) fn suggest(
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchRequest,
    parsed: &ParsedQuery,
) -> Result<Vec<Suggestion>> {
    let mut out = Vec::new();
    let langs: Vec<Lang> = if request.langs.is_empty() {
        Lang::ALL.to_vec()
    } else {
        request.langs.clone()
    };
    for word in parsed.searched_words() {
        if let Some(s) = nearest_word(searcher, fields, request, &langs, &word)? {
            out.push(s);
        }
    }
    let mut sources: Vec<String> = request.sources.clone();
    sources.extend(parsed.field_values("source"));
    for name in sources {
        let key = source_key(&name);
        if key.is_empty() || searcher.doc_freq(&Term::from_field_text(fields.source_key, &key))? > 0
        {
            continue;
        }
        for (source, articles) in nearest_sources(searcher, &name)? {
            out.push(Suggestion {
                kind: SuggestionKind::Source,
                typed: name.clone(),
                suggestion: source,
                articles,
            });
        }
    }
    Ok(out)
}

/// The nearest held word of a `word` no article holds in any of `langs`;
/// `None` when some article holds it, or nothing is near enough.
fn nearest_word(
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchRequest,
    langs: &[Lang],
    word: &str,
) -> Result<Option<Suggestion>> {
    let mut analyzed: Vec<(Lang, Vec<String>)> = Vec::new();
    for &lang in langs {
        let terms = terms_of(lang, request, word);
        let held = [fields.title_of(lang), fields.body_of(lang)];
        for term in &terms {
            for field in held {
                if searcher.doc_freq(&Term::from_field_text(field, term))? > 0 {
                    return Ok(None);
                }
            }
        }
        analyzed.push((lang, terms));
    }
    // (articles, lang, term) of the best correction over the languages.
    let mut best: Option<(u64, Lang, String)> = None;
    for (lang, terms) in analyzed {
        let [term] = terms.as_slice() else {
            continue;
        };
        let held = [fields.title_of(lang), fields.body_of(lang)];
        // The edit budget follows the typed word, not its stem: one wrong
        // letter of a long word may be two letters of its stem
        // (`السيبرانبة` → `سيبرانب`, against `سيبران`).
        let edits = if word.chars().count() >= TWO_EDITS_CHARS {
            2
        } else {
            1
        };
        let Some(near) = nearest_term(searcher, &held, term, edits)? else {
            continue;
        };
        let articles = searcher.search(&holding(&held, &near), &Count)? as u64;
        if best.as_ref().is_none_or(|(n, _, _)| articles > *n) {
            best = Some((articles, lang, near));
        }
    }
    let Some((articles, lang, term)) = best else {
        return Ok(None);
    };
    let held = [fields.title_of(lang), fields.body_of(lang)];
    let written = written_form(searcher, fields, request, lang, &held, &term)?;
    Ok(Some(Suggestion {
        kind: SuggestionKind::Word,
        typed: word.to_string(),
        suggestion: written.unwrap_or(term),
        articles,
    }))
}

/// The terms `lang`'s analyzer makes of `text`, without exact forms.
fn terms_of(lang: Lang, request: &SearchRequest, text: &str) -> Vec<String> {
    let mut analyzer = analyzer(lang, request.analysis);
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let token = stream.token();
        if exact_form(&token.text).is_none() {
            out.push(token.text.clone());
        }
    }
    out
}

/// Articles holding `term` in any of `fields`.
fn holding(fields: &[Field], term: &str) -> BooleanQuery {
    BooleanQuery::new(
        fields
            .iter()
            .map(|&f| {
                (
                    Occur::Should,
                    Box::new(TermQuery::new(
                        Term::from_field_text(f, term),
                        IndexRecordOption::Basic,
                    )) as Box<dyn Query>,
                )
            })
            .collect(),
    )
}

/// The commonest written form, lowercased, of `term` in the title and body
/// of the best articles that hold it.
fn written_form(
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchRequest,
    lang: Lang,
    held: &[Field],
    term: &str,
) -> Result<Option<String>> {
    let top = searcher.search(
        &holding(held, term),
        &TopDocs::with_limit(SURFACE_DOCS).order_by_score(),
    )?;
    let mut forms: HashMap<String, usize> = HashMap::new();
    let mut analyzer = analyzer(lang, request.analysis);
    for (_, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        for field in [fields.title, fields.body] {
            for value in doc.get_all(field) {
                let Some(text) = value.as_str() else {
                    continue;
                };
                let mut stream = analyzer.token_stream(text);
                while stream.advance() {
                    let token = stream.token();
                    if token.text == term {
                        if let Some(surface) = text.get(token.offset_from..token.offset_to) {
                            *forms.entry(surface.to_lowercase()).or_default() += 1;
                        }
                    }
                }
            }
        }
    }
    Ok(forms
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(form, _)| form))
}

/// The sources of the index nearest to `name`, with their article counts,
/// nearest first: those whose name holds the typed name or one of its
/// words, then those a few edits away; the largest sources when none is
/// near.
pub(crate) fn nearest_sources(searcher: &Searcher, name: &str) -> Result<Vec<(String, u64)>> {
    let mut collector = FacetCollector::for_field("facet_source");
    collector.add_facet("/");
    let counts = searcher.search(&AllQuery, &collector)?;
    let sources: Vec<(String, u64)> = counts
        .get("/")
        .filter_map(|(facet, count)| {
            let path = facet.to_path();
            path.last().map(|s| (s.to_string(), count))
        })
        .collect();
    let typed = source_key(name);
    let typed_words: Vec<&str> = typed.split_whitespace().filter(|w| w.len() >= 3).collect();
    let mut near: Vec<(usize, std::cmp::Reverse<u64>, String)> = Vec::new();
    for (source, count) in &sources {
        let key = source_key(source);
        let rank = if key.contains(&typed) || typed.contains(&key) {
            Some(0)
        } else if typed_words
            .iter()
            .any(|w| key.split_whitespace().any(|k| k == *w))
        {
            Some(1)
        } else {
            let d = edit_distance(&typed, &key);
            (d <= (typed.chars().count() / 3).max(2)).then_some(1 + d)
        };
        if let Some(rank) = rank {
            near.push((rank, std::cmp::Reverse(*count), source.clone()));
        }
    }
    if near.is_empty() {
        near = sources
            .iter()
            .map(|(s, c)| (0, std::cmp::Reverse(*c), s.clone()))
            .collect();
    }
    near.sort();
    // A name that holds the typed one (`Sky News` → `Sky News Arabia`)
    // is a better answer than any other: show those alone.
    if near.first().is_some_and(|n| n.0 == 0) {
        near.retain(|n| n.0 == 0);
    }
    Ok(near
        .into_iter()
        .take(MAX_SOURCES)
        .map(|(_, std::cmp::Reverse(count), source)| (source, count))
        .collect())
}
