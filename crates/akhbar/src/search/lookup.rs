//! Articles and groups by id: `akhbar-search --show ID` and `--group ID`.

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use super::collapse;
use super::results::Hit;
use crate::error::Result;
use crate::index::Fields;

/// One article, whole: its hit (no score, no snippet; its copies listed)
/// and its body. `None` when no article has that id.
pub fn article(searcher: &Searcher, fields: &Fields, id: &str) -> Result<Option<(Hit, String)>> {
    let query = TermQuery::new(
        Term::from_field_text(fields.id, id),
        IndexRecordOption::Basic,
    );
    let found = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
    let Some((_, address)) = found.into_iter().next() else {
        return Ok(None);
    };
    let doc: TantivyDocument = searcher.doc(address)?;
    let mut hit = super::hit_from_doc(&doc, fields, 0.0, None);
    let copies = collapse::copies(searcher, fields, &hit.group, &hit.id)?;
    hit.duplicates = copies.listed;
    hit.duplicate_count = copies.count;
    hit.first_published = copies.first;
    let body = doc
        .get_first(fields.body)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned();
    Ok(Some((hit, body)))
}

/// The members of a group of near duplicates, in index order (the first is
/// the article the group is named after), as hits without score or
/// snippet. `group` may also be the id of any member: its group is
/// listed. Empty when neither matches.
pub fn group(searcher: &Searcher, fields: &Fields, group: &str) -> Result<Vec<Hit>> {
    let mut members = collapse::members(searcher, fields, group)?;
    if members.is_empty() {
        if let Some((hit, _)) = article(searcher, fields, group)? {
            members = collapse::members(searcher, fields, &hit.group)?;
        }
    }
    let count = members.len().saturating_sub(1) as u64;
    let mut hits = Vec::with_capacity(members.len());
    for (address, _) in members {
        let doc: TantivyDocument = searcher.doc(address)?;
        let mut hit = super::hit_from_doc(&doc, fields, 0.0, None);
        hit.duplicate_count = count;
        hits.push(hit);
    }
    Ok(hits)
}

/// How many other copies each group has, counted once per group.
#[derive(Default)]
pub(crate) struct CopyCounts(std::collections::HashMap<String, u64>);

impl CopyCounts {
    pub(crate) fn of(&mut self, searcher: &Searcher, fields: &Fields, group: &str) -> Result<u64> {
        if group.is_empty() {
            return Ok(0);
        }
        if let Some(&n) = self.0.get(group) {
            return Ok(n);
        }
        let query = TermQuery::new(
            Term::from_field_text(fields.group, group),
            IndexRecordOption::Basic,
        );
        let n = (searcher.search(&query, &tantivy::collector::Count)? as u64).saturating_sub(1);
        self.0.insert(group.to_owned(), n);
        Ok(n)
    }
}
