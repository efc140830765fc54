//! The query: what a user typed, parsed ([`parse`]) then compiled per
//! language into a tantivy query ([`QueryCompiler`]).

mod compile;
mod parse;

pub use compile::{Keywords, QueryCompiler, QueryMode, Rewriter, Scoring, Searched};
pub(crate) use parse::pasted_words;
pub use parse::{
    check_length, parse, parse_words, plain_words, ParsedQuery, QueryError, MAX_QUERY_CHARS,
};
