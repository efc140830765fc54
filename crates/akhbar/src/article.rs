//! [`Article`]: what ingestion produces and the index stores.

use chrono::NaiveDate;

use crate::lang::Lang;

/// A run of the body in one language (a paragraph, a quoted statement).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub lang: Lang,
    pub text: String,
}

/// One news article, ready to index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable id: the record's own id, else a hash of its path and content.
    pub id: String,
    pub title: String,
    pub body: String,
    pub date: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The dominant language of the article.
    pub lang: Lang,
    /// Every language with a passage in the article, dominant first.
    pub langs: Vec<Lang>,
    /// The body split into passages, each with its own language.
    pub passages: Vec<Passage>,
    /// Where the article came from, relative to the corpus folder
    /// (`page.txt`, or `file.jsonl:LINE` for a record).
    pub path: String,
    /// The file it came from, relative to the corpus folder.
    pub file: String,
}

/// A stable id from the parts that identify an article.
pub fn hash_id(parts: &[&str]) -> String {
    let mut hasher = blake3::Hasher::new();
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    let hex = hasher.finalize().to_hex();
    hex[..16].to_string()
}
