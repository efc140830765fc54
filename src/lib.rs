//! akhbar: full-text search for multilingual news (French, Arabic, Spanish,
//! English).
//!
//! Data flows one way: [`ingest`] (files → [`Article`]) → [`analysis`]
//! (per-language token pipelines) → [`index`] (schema, writer) → [`search`]
//! (query, filters, facets, snippets) → the binaries.

pub mod analysis;
pub mod article;
pub mod dedup;
pub mod error;
pub mod eval;
pub mod index;
pub mod ingest;
pub mod lang;
pub mod search;

pub use article::Article;
pub use error::{Error, Result};
pub use lang::Lang;
