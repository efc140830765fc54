//! Every matching article, not only a page, streamed to a callback (the
//! command-line tools write them as JSON Lines or CSV).

use tantivy::collector::{Count, TopDocs};
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::query::{self, Keywords};
use super::{compile_request, hit_from_doc, Hit, SearchRequest};
use crate::error::Result;
use crate::index::Fields;

/// Calls `each` with every article matching `request` (its query and
/// filters; paging is ignored), best first, and its whole body, as they are
/// read. Stops at the first error `each` returns. Returns how many were
/// passed.
pub fn for_each_match<E: From<crate::Error>>(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    request: &SearchRequest,
    mut each: impl FnMut(&Hit, &str) -> std::result::Result<(), E>,
) -> std::result::Result<u64, E> {
    let addresses = matches(searcher, fields, request)?;
    let mut passed = 0u64;
    for (score, address) in addresses {
        let doc: TantivyDocument = searcher.doc(address).map_err(crate::Error::from)?;
        let hit = hit_from_doc(&doc, fields, score, None);
        let body = doc
            .get_first(fields.body)
            .and_then(|v| v.as_str())
            .unwrap_or("");
        each(&hit, body)?;
        passed += 1;
    }
    Ok(passed)
}

/// Every match of a keyword request, best first.
fn matches(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    request: &SearchRequest,
) -> Result<Vec<(f32, tantivy::DocAddress)>> {
    let parsed = query::parse(&request.query)?;
    let compiled = compile_request(fields, request, &parsed, &mut Keywords)?;
    let total = searcher.search(&compiled.query, &Count)?;
    if total == 0 {
        return Ok(Vec::new());
    }
    Ok(searcher.search(
        &compiled.query,
        &TopDocs::with_limit(total).order_by_score(),
    )?)
}
