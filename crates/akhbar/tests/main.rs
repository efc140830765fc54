//! The library's integration tests, in one test binary (one link instead of one per file).

mod common;
mod ingest_support;

mod incremental;
mod ingest_bad_input;
mod ingest_boilerplate;
mod ingest_dates;
mod ingest_dates_calendars;
mod ingest_encodings;
mod ingest_formats;
mod ingest_langs;
mod news_ranking;
mod pasted_titles;
mod query_language;
mod question_rewrites;
mod search;
mod seeds;
mod typed_queries;
