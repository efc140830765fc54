//! Helpers shared by the integration tests: build indexes from the repo's
//! corpus and fixtures, run searches (every crate's tests include this file).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use akhbar::index::{build_index, BuildOptions};
use akhbar::ingest::Summary;
use akhbar::search::{search, SearchRequest, SearchResults};

/// A path from the workspace's root (`corpus`, `.`).
pub fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

/// A test fixture of the library crate (`tests/fixtures/REL`); every crate's
/// tests read the same fixtures.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../akhbar/tests/fixtures")
        .join(rel)
}

/// A fresh index of `corpus` in a temporary folder.
pub struct TestIndex {
    pub dir: tempfile::TempDir,
    pub summary: Summary,
}

impl TestIndex {
    pub fn build(corpus: &Path) -> TestIndex {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut opts = BuildOptions::default();
        opts.writer.threads = 1;
        opts.writer.memory_bytes = 50_000_000;
        let summary = build_index(corpus, dir.path(), &opts)
            .expect("index builds")
            .summary;
        TestIndex { dir, summary }
    }

    pub fn seeds() -> TestIndex {
        TestIndex::build(&repo_path("corpus"))
    }

    pub fn fixtures() -> TestIndex {
        TestIndex::build(&fixture("mixed"))
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn search(&self, request: &SearchRequest) -> SearchResults {
        let index = akhbar::index::open(self.path()).expect("index opens");
        search(&index, request).expect("search runs")
    }

    /// The answer to a question ([`akhbar::qa::answer`]).
    pub fn answer(&self, question: &akhbar::qa::Question) -> SearchResults {
        let index = akhbar::index::open(self.path()).expect("index opens");
        let searcher = index.searcher().expect("searcher");
        akhbar::qa::answer(&searcher, &index.fields, question).expect("question runs")
    }

    pub fn query(&self, query: &str) -> SearchResults {
        self.search(&SearchRequest::new(query))
    }

    /// The ids of the hits of a query, in rank order.
    pub fn ids(&self, query: &str) -> Vec<String> {
        self.query(query).hits.into_iter().map(|h| h.id).collect()
    }
}
