//! Every matching article, not only a page, streamed to a callback (the
//! command-line tools write them as JSON Lines or CSV).

use tantivy::collector::Count;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::lookup::CopyCounts;
use super::query::{self, Keywords};
use super::{compile_request, hit_from_doc, ranked, recency_reference, Hit, SearchRequest, Sort};
use crate::error::Result;
use crate::index::Fields;

/// Calls `each` with the articles matching `request` (its query, filters,
/// `sort` and `recency`; one hit per article, copies included, each with
/// its `group` and `duplicate_count`), in the order a search shows them, at most `limit` of them (`None`: all), each
/// with its whole body, as they are read. Stops at the first error `each`
/// returns. Returns how many were passed.
pub fn for_each_match<E: From<crate::Error>>(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    request: &SearchRequest,
    limit: Option<usize>,
    mut each: impl FnMut(&Hit, &str) -> std::result::Result<(), E>,
) -> std::result::Result<u64, E> {
    let addresses = matches(searcher, fields, request, limit)?;
    let mut passed = 0u64;
    let mut counts = CopyCounts::default();
    for (score, address) in addresses {
        let doc: TantivyDocument = searcher.doc(address).map_err(crate::Error::from)?;
        let mut hit = hit_from_doc(&doc, fields, score, None);
        hit.duplicate_count = counts.of(searcher, fields, &hit.group)?;
        let body = doc
            .get_first(fields.body)
            .and_then(|v| v.as_str())
            .unwrap_or("");
        each(&hit, body)?;
        passed += 1;
    }
    Ok(passed)
}

/// The matches of a keyword request in the search's order, at most `limit`.
fn matches(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    request: &SearchRequest,
    limit: Option<usize>,
) -> Result<Vec<(f32, tantivy::DocAddress)>> {
    // Refused as the search refuses it, then read as the search reads it:
    // pasted text as plain words.
    super::check_length(&request.query)?;
    let relaxed;
    let (request, parsed) = if super::pasted_text(request).is_some() {
        let (plain, parsed) = super::as_plain_words(request)?;
        relaxed = plain;
        (&relaxed, parsed)
    } else {
        (request, query::parse(&request.query)?)
    };
    let compiled = compile_request(fields, request, &parsed, &mut Keywords)?;
    let total = searcher.search(&compiled.query, &Count)?;
    let want = limit.map_or(total, |l| l.min(total));
    if want == 0 {
        return Ok(Vec::new());
    }
    // As a search shows them: `*` newest first.
    let sort = match request.sort {
        Sort::Relevance if parsed.is_match_all() => Sort::Date,
        other => other,
    };
    let recency = request
        .recency
        .map(|half_life| (half_life, recency_reference(request.until)));
    ranked(searcher, &compiled.query, sort, recency, want, 0)
}
