//! The tantivy index: its schema, opening it, writing articles into it, and
//! building it from a corpus folder.

pub mod build;
pub mod manifest;
pub mod merges;
pub mod open;
pub mod schema;
pub mod writer;

pub use build::{build_index, BuildOptions, BuildReport, Progress};
pub use open::{open, open_or_create, AkhbarIndex};
pub use schema::Fields;
pub use tantivy::Searcher;
