//! Exports every matching article, not only a page, as JSON Lines or CSV,
//! for spreadsheets and notebooks. Articles are written as they are read.

use std::io::Write;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::schema::Value;
use tantivy::{Searcher, TantivyDocument};

use super::{compile_request, hit_from_doc, SearchRequest};
use crate::error::{Error, Result};
use crate::index::Fields;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Ndjson,
    Csv,
}

/// One exported article: the hit's fields and the whole body.
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    lang: &'a str,
    langs: String,
    source: Option<&'a str>,
    url: Option<&'a str>,
    path: &'a str,
    score: f32,
    body: &'a str,
}

/// Writes every article matching `request` (its query and filters; paging
/// is ignored), best first, to `out`. Returns how many were written.
pub fn export(
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchRequest,
    format: Format,
    out: &mut dyn Write,
) -> Result<u64> {
    let compiled = compile_request(searcher, fields, request)?;
    let total = searcher.search(&compiled.query, &tantivy::collector::Count)?;
    let addresses = if total == 0 {
        Vec::new()
    } else {
        searcher.search(
            &compiled.query,
            &TopDocs::with_limit(total).order_by_score(),
        )?
    };
    let output_error = |e: std::io::Error| Error::io("(output)", e);
    let each_row = |emit: &mut dyn FnMut(&Row) -> std::io::Result<()>| -> Result<u64> {
        let mut written = 0u64;
        for &(score, address) in &addresses {
            let doc: TantivyDocument = searcher.doc(address)?;
            let hit = hit_from_doc(&doc, fields, score, None);
            let body = doc
                .get_first(fields.body)
                .and_then(|v| v.as_str())
                .unwrap_or("");
            let row = Row {
                id: &hit.id,
                title: &hit.title,
                date: hit.date.as_deref(),
                lang: &hit.lang,
                langs: hit.langs.join(" "),
                source: hit.source.as_deref(),
                url: hit.url.as_deref(),
                path: &hit.path,
                score,
                body,
            };
            emit(&row).map_err(output_error)?;
            written += 1;
        }
        Ok(written)
    };
    let written = match format {
        Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut *out);
            w.write_record([
                "id", "title", "date", "lang", "langs", "source", "url", "path", "score", "body",
            ])
            .map_err(|e| output_error(e.into()))?;
            let written = each_row(&mut |row| w.serialize(row).map_err(std::io::Error::from))?;
            w.flush().map_err(output_error)?;
            written
        }
        Format::Ndjson => each_row(&mut |row| {
            serde_json::to_writer(&mut *out, row)?;
            out.write_all(b"\n")
        })?,
    };
    out.flush().map_err(output_error)?;
    Ok(written)
}
