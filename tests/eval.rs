//! The evaluation command and the ranking it measures: metrics on a small
//! French + Arabic collection, the analyzers' rules on real words, phrase
//! order, and the query modes.

use std::path::{Path, PathBuf};
use std::process::Command;

use akhbar::analysis::{terms, AnalysisOptions};
use akhbar::eval::{evaluate_collection, find_collection, index_corpus};
use akhbar::lang::Lang;
use akhbar::search::query::{parse, parse_words, QueryCompiler, QueryMode, Weights};
use tantivy::collector::{Count, TopDocs};
use tantivy::schema::Value;
use tantivy::TantivyDocument;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eval")
}

#[test]
fn analyzer_rules_on_real_words() {
    assert_eq!(terms(Lang::Ar, "والمغرب"), terms(Lang::Ar, "المغرب"));
    assert_eq!(terms(Lang::Ar, "أعلن"), terms(Lang::Ar, "اعلن"));
    assert_eq!(terms(Lang::Ar, "الجريمة"), terms(Lang::Ar, "الجريمه"));
    assert_eq!(terms(Lang::Ar, "مستشفى"), terms(Lang::Ar, "المستشفي"));
    assert_eq!(terms(Lang::Ar, "٢٠٢٤"), ["2024"]);
    assert_eq!(terms(Lang::Fr, "l'Économie"), terms(Lang::Fr, "economie"));
    assert_eq!(terms(Lang::Fr, "L’Économie"), terms(Lang::Fr, "economie"));
    assert_eq!(terms(Lang::Fr, "protocoles"), terms(Lang::Fr, "protocole"));
    assert_eq!(terms(Lang::Fr, "œuvre"), terms(Lang::Fr, "oeuvre"));
    assert_eq!(terms(Lang::Fr, "2ème"), terms(Lang::Fr, "2e"));
}

#[test]
fn phrase_queries_keep_order() {
    let (index, _) =
        index_corpus(&fixture().join("corpus.jsonl"), AnalysisOptions::default()).unwrap();
    let searcher = index.index.reader().unwrap().searcher();
    let mut compiler = QueryCompiler::new(
        &index.fields,
        AnalysisOptions::default(),
        Weights::default(),
    );
    let mut count = |q: &str| {
        let query = compiler.compile(&parse(q).unwrap(), &[]).unwrap();
        searcher.search(&query, &Count).unwrap()
    };
    assert_eq!(count("\"convention de Budapest\""), 1);
    assert_eq!(count("\"Budapest de convention\""), 0);
    assert_eq!(count("\"الجريمة السيبرانية\""), 1);
    assert_eq!(count("\"السيبرانية الجريمة\""), 0);
}

#[test]
fn any_mode_ranks_questions() {
    let (index, _) =
        index_corpus(&fixture().join("corpus.jsonl"), AnalysisOptions::default()).unwrap();
    let searcher = index.index.reader().unwrap().searcher();
    let question = "Combien de conteneurs au port de Tanger cette semaine ?";
    // Every word required: `semaine` is nowhere, so nothing matches.
    let mut all = QueryCompiler::new(
        &index.fields,
        AnalysisOptions::default(),
        Weights::default(),
    );
    let q = all.compile(&parse_words(question).unwrap(), &[]).unwrap();
    assert_eq!(searcher.search(&q, &Count).unwrap(), 0);
    // Any word: the port article first.
    let weights = Weights::natural_language();
    assert_eq!(weights.mode, QueryMode::Any);
    let mut any = QueryCompiler::new(&index.fields, AnalysisOptions::default(), weights);
    let q = any.compile(&parse_words(question).unwrap(), &[]).unwrap();
    let top = searcher
        .search(&q, &TopDocs::with_limit(3).order_by_score())
        .unwrap();
    let doc: TantivyDocument = searcher.doc(top[0].1).unwrap();
    let id = doc
        .get_first(index.fields.id)
        .and_then(|v| v.as_str())
        .unwrap();
    assert_eq!(id, "fr-3");
    // Only question words: nothing to search for in French.
    assert!(any
        .compile(&parse_words("Quand ? Comment ?").unwrap(), &[Lang::Fr])
        .is_err());
}

#[test]
fn evaluation_of_the_fixture() {
    let files = find_collection(&fixture(), None, None).unwrap();
    assert!(files.queries.ends_with("queries.tsv"));
    let eval = evaluate_collection(
        &files,
        AnalysisOptions::default(),
        Weights::natural_language(),
        2,
    )
    .unwrap();
    assert_eq!(eval.corpus.articles, 8);
    assert_eq!(eval.metrics.queries, 6);
    assert!(eval.metrics.mrr_10 > 0.9, "{:?}", eval.metrics);
    assert!(
        (eval.metrics.recall_100 - 1.0).abs() < 1e-9,
        "{:?}",
        eval.metrics
    );
    assert!(eval.metrics.ndcg_10 > 0.9, "{:?}", eval.metrics);
}

#[test]
fn missing_files_are_usage_errors() {
    let err = find_collection(&fixture().join("nope"), None, None).unwrap_err();
    assert!(err.is_usage());
}

#[test]
fn command_prints_json_and_a_run_file() {
    let dir = tempfile::tempdir().unwrap();
    let run = dir.path().join("run.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_akhbar-eval"))
        .arg(fixture())
        .arg("--json")
        .arg("--run")
        .arg(&run)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["mrr@10", "ndcg@10", "recall@10", "recall@100"] {
        let x = v[key].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&x), "{key} {x}");
    }
    assert_eq!(v["queries"], 6);
    let text = std::fs::read_to_string(&run).unwrap();
    let first = text.lines().next().unwrap();
    let cols: Vec<&str> = first.split_whitespace().collect();
    assert_eq!(cols.len(), 6);
    assert_eq!(cols[1], "Q0");
    assert_eq!(cols[3], "1");
    assert_eq!(cols[5], "akhbar");

    let out = Command::new(env!("CARGO_BIN_EXE_akhbar-eval"))
        .arg(fixture())
        .args(["--stemmer", "snowball", "--no-proximity", "--and"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("MRR@10"));
}
