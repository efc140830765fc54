//! The tantivy index: its schema, opening it, writing articles into it, and
//! building it from a corpus folder.

mod build;
mod check;
mod directory;
mod disk;
mod holder;
mod manifest;
mod merges;
mod open;
mod schema;
mod writer;

pub use build::{
    build_index, build_index_with_progress, index_corpus_into, summary_text, BuildOptions,
    BuildReport, Progress, CHECKPOINT_EVERY,
};
pub use check::{check, CheckReport};
pub use merges::{MergePlan, SegmentSize};
pub use open::{create_in_ram, exists, open, open_or_create, open_with, recover, AkhbarIndex};
pub use schema::{Fields, SCHEMA_VERSION};
pub use tantivy::Searcher;
pub use writer::{ArticleWriter, Budget, WriterOptions};

pub(crate) use schema::keyword_analyzer;
pub(crate) use writer::to_datetime;
