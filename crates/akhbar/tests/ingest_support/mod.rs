//! Helpers for the ingestion tests: run ingestion on a folder and collect
//! what it yields; write fixtures (compressed, re-encoded) into temp folders.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

use akhbar::ingest::{ingest_corpus, IngestOptions, Item, Skip, SkipReason};
use akhbar::Article;

/// Everything ingestion yielded for a corpus.
#[derive(Debug, Default)]
pub struct Ingested {
    pub articles: Vec<Article>,
    pub skips: Vec<Skip>,
}

impl Ingested {
    /// The article read from `path` (relative to the corpus, `file:LINE` for records).
    pub fn article(&self, path: &str) -> &Article {
        self.articles
            .iter()
            .find(|a| a.path == path)
            .unwrap_or_else(|| {
                panic!(
                    "no article {path} in {:#?} / {:#?}",
                    self.paths(),
                    self.skips
                )
            })
    }

    pub fn paths(&self) -> Vec<&str> {
        self.articles.iter().map(|a| a.path.as_str()).collect()
    }

    /// The skips with this reason.
    pub fn skipped(&self, reason: SkipReason) -> Vec<&Skip> {
        self.skips.iter().filter(|s| s.reason == reason).collect()
    }
}

pub fn ingest_with(dir: &Path, opts: &IngestOptions) -> Ingested {
    let mut out = Ingested::default();
    ingest_corpus(dir, opts, |item| {
        match item {
            Item::Article(a) => out.articles.push(*a),
            Item::Skip(s) => out.skips.push(s),
            Item::File(_) => {}
        }
        Ok(())
    })
    .expect("ingestion runs");
    out
}

pub fn ingest(dir: &Path) -> Ingested {
    ingest_with(dir, &IngestOptions::default())
}

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(rel)
}

pub fn read_fixture(rel: &str) -> Vec<u8> {
    std::fs::read(fixture(rel)).expect("fixture exists")
}

/// Writes `bytes` to `dir/name`, creating folders.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

pub fn zstd(bytes: &[u8]) -> Vec<u8> {
    zstd::stream::encode_all(bytes, 3).expect("zstd")
}

/// `text` in a single-byte encoding (every character must fit).
pub fn encode(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "the text does not fit {}", encoding.name());
    bytes.into_owned()
}
