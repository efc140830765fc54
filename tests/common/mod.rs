//! Helpers shared by the integration tests: build indexes from the repo's
//! corpus and fixtures, run searches, run the binaries.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use akhbar::index::{build_index, BuildOptions};
use akhbar::ingest::Summary;
use akhbar::search::{search, SearchRequest, SearchResults};

pub fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
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
        TestIndex::build(&repo_path("tests/fixtures/mixed"))
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn search(&self, request: &SearchRequest) -> SearchResults {
        let index = akhbar::index::open(self.path()).expect("index opens");
        search(&index, request).expect("search runs")
    }

    pub fn query(&self, query: &str) -> SearchResults {
        self.search(&SearchRequest::new(query))
    }

    /// The ids of the hits of a query, in rank order.
    pub fn ids(&self, query: &str) -> Vec<String> {
        self.query(query).hits.into_iter().map(|h| h.id).collect()
    }
}

pub fn run_bin(name: &str, args: &[&str], cwd: &Path) -> Output {
    let exe = match name {
        "akhbar-search" => env!("CARGO_BIN_EXE_akhbar-search"),
        "akhbar-index" => env!("CARGO_BIN_EXE_akhbar-index"),
        other => panic!("no binary {other}"),
    };
    Command::new(exe)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
