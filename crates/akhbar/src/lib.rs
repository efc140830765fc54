//! akhbar: full-text search for multilingual news (French, Arabic, Spanish,
//! English).
//!
//! Data flows one way:
//!
//! | module | what it does |
//! |---|---|
//! | [`ingest`] | files (raw pages, HTML, JSON Lines, CSV/TSV, compressed) → [`Article`]s: title, date, source, body |
//! | [`lang`] | which language each passage is written in |
//! | [`analysis`] | one analyzer per language: words, folding, stop words, stems |
//! | [`dedup`] | near-duplicate groups of wire copy (MinHash) |
//! | [`index`] | the tantivy schema, building and opening an index |
//! | [`search`] | keyword search: the query language, filters, ranking, facets, snippets, timeline |
//! | [`qa`] | questions in plain words, on top of [`search`]: a pass over the words before it, a reranker after it |
//!
//! The request and result types of [`search`] ([`search::SearchRequest`],
//! [`search::SearchResults`]) hold no tantivy type, so another backend can
//! serve the same requests.
//!
//! ```no_run
//! use akhbar::search::{search, SearchRequest};
//! let index = akhbar::index::open(std::path::Path::new("index"))?;
//! let results = search(&index, &SearchRequest::new("cybercriminalité"))?;
//! println!("{} articles match", results.total);
//! # Ok::<(), akhbar::Error>(())
//! ```

pub mod analysis;
mod article;
pub mod dedup;
mod error;
pub mod index;
pub mod ingest;
pub mod lang;
pub mod qa;
pub mod search;

pub use article::Article;
pub use error::{Error, Result};
pub use lang::Lang;
