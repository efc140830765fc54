//! `--format ndjson|csv`: every matching article, not only a page, as JSON
//! Lines or CSV, for spreadsheets and notebooks. Articles are written as
//! they are read.

use std::borrow::Cow;
use std::io::Write;

use akhbar::index::{Fields, Searcher};
use akhbar::search::{for_each_match, Hit, SearchRequest};
use anyhow::Context;
use serde::Serialize;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Ndjson,
    /// CSV; `raw: false` neutralises the cells a spreadsheet would run as
    /// a formula (see [`neutralised`]).
    Csv {
        raw: bool,
    },
}

/// A CSV cell a spreadsheet would read as a formula (it begins with `=`,
/// `+`, `-`, `@`, a tab or a carriage return: `=HYPERLINK(…)`, `@SUM(…)`,
/// `+cmd|…`) with a `'` before it, as OWASP recommends against CSV
/// injection; any other cell as it is. A title such as `-50 % sur …` then
/// shows as `'-50 % sur …` in the raw file and as written in a spreadsheet.
pub fn neutralised(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// One exported article: the hit's fields and the whole body.
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: Cow<'a, str>,
    title: Cow<'a, str>,
    date: Option<&'a str>,
    lang: &'a str,
    langs: String,
    source: Option<Cow<'a, str>>,
    url: Option<Cow<'a, str>>,
    path: Cow<'a, str>,
    score: f32,
    group: Cow<'a, str>,
    duplicate_count: u64,
    body: Cow<'a, str>,
}

impl<'a> Row<'a> {
    /// The row of `hit`; with `neutralise`, every text cell passed through
    /// [`neutralised`].
    fn new(hit: &'a Hit, body: &'a str, neutralise: bool) -> Self {
        let cell = |text: &'a str| {
            if neutralise {
                neutralised(text)
            } else {
                Cow::Borrowed(text)
            }
        };
        Row {
            id: cell(&hit.id),
            title: cell(&hit.title),
            date: hit.date.as_deref(),
            lang: &hit.lang,
            langs: hit.langs.join(" "),
            source: hit.source.as_deref().map(cell),
            url: hit.url.as_deref().map(cell),
            path: cell(&hit.path),
            score: hit.score,
            group: cell(&hit.group),
            duplicate_count: hit.duplicate_count,
            body: cell(body),
        }
    }
}

/// The I/O error under a CSV error, with its kind kept (`io::Error::from`
/// would make a closed pipe an `Other` error, and `| head` an error exit).
fn io_of(e: csv::Error) -> std::io::Error {
    if !e.is_io_error() {
        return std::io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        kind => std::io::Error::other(format!("{kind:?}")),
    }
}

/// Writes the articles matching `request` in its order (`sort`,
/// `recency`), at most `limit` (`None`: all), to `out`. Returns how many
/// were written.
pub fn export(
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchRequest,
    limit: Option<usize>,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<u64> {
    let written = match format {
        Format::Csv { raw } => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut *out);
            w.write_record([
                "id",
                "title",
                "date",
                "lang",
                "langs",
                "source",
                "url",
                "path",
                "score",
                "group",
                "duplicate_count",
                "body",
            ])
            .map_err(io_of)
            .context("cannot write the export")?;
            let written = for_each_match(searcher, fields, request, limit, |hit, body| {
                w.serialize(Row::new(hit, body, !raw))
                    .map_err(io_of)
                    .context("cannot write the export")
            })?;
            w.flush().context("cannot write the export")?;
            written
        }
        Format::Ndjson => for_each_match(searcher, fields, request, limit, |hit, body| {
            serde_json::to_writer(&mut *out, &Row::new(hit, body, false))
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
                .context("cannot write the export")
        })?,
    };
    out.flush().context("cannot write the export")?;
    Ok(written)
}
