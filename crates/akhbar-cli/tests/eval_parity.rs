//! `akhbar-eval` measures what users get: on the eval fixture, the ranking
//! the lab scores (question and keyword mode) is the ranking
//! `akhbar-search --question` and `akhbar-search` print, query by query.

use akhbar_lab::{index_corpus, read_queries, run_queries, Mode, RunConfig};
use serde_json::Value;

use crate::bins::{run_bin, stderr, stdout};
use crate::common::fixture;

/// The ids `akhbar-search` prints for `text` (every copy, the top 100).
fn printed(index: &std::path::Path, text: &str, question: bool) -> Vec<String> {
    let index = index.to_string_lossy();
    let mut args = vec![
        "--index",
        &index,
        "--all-duplicates",
        "--limit",
        "100",
        "--json",
    ];
    if question {
        args.push("--question");
    }
    args.push("--");
    args.push(text);
    let out = run_bin("akhbar-search", &args, std::path::Path::new("."));
    if !out.status.success() {
        // A query the tool refuses is a query the lab scores as finding nothing.
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        return Vec::new();
    }
    let json: Value = serde_json::from_str(&stdout(&out)).expect("one JSON object");
    json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn the_lab_ranks_as_the_search_tool_does() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("eval/corpus.jsonl"),
        corpus.path().join("corpus.jsonl"),
    )
    .unwrap();
    let index = tempfile::tempdir().unwrap();
    let out = run_bin(
        "akhbar-index",
        &[
            &corpus.path().to_string_lossy(),
            "--index",
            &index.path().to_string_lossy(),
            "--quiet",
        ],
        std::path::Path::new("."),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let queries = read_queries(&fixture("eval/queries.tsv")).unwrap();
    let (lab_index, _) = index_corpus(
        &corpus.path().join("corpus.jsonl"),
        akhbar::analysis::AnalysisOptions::default(),
    )
    .unwrap();
    for (mode, question) in [(Mode::Question, true), (Mode::Keyword, false)] {
        let config = RunConfig {
            mode,
            ..RunConfig::default()
        };
        let ranked = run_queries(&lab_index, &queries, &config).unwrap();
        let mut found = 0;
        for ((qid, text), lab) in queries.iter().zip(&ranked) {
            let lab: Vec<String> = lab.iter().map(|r| r.docid.clone()).collect();
            found += lab.len();
            assert_eq!(
                lab,
                printed(index.path(), text, question),
                "{mode:?} {qid}: {text}"
            );
        }
        if mode == Mode::Question {
            assert!(found >= queries.len(), "every question finds something");
        }
    }
}
