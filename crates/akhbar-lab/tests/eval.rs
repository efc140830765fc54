//! The evaluation command and the ranking it measures: metrics on a small
//! French + Arabic collection, the analyzers' rules on real words, phrase
//! order, and the query modes.

use std::path::{Path, PathBuf};
use std::process::Command;

use akhbar::analysis::{terms, AnalysisOptions};
use akhbar::lang::Lang;
use akhbar::qa::{Question, QuestionOptions, RerankModel};
use akhbar::search::Scoring;
use akhbar::search::{parse, parse_words, Keywords, QueryCompiler, QueryMode};
use akhbar_lab::{evaluate_collection, find_collection, index_corpus, RunConfig};
use tantivy::collector::{Count, TopDocs};
use tantivy::schema::Value;
use tantivy::TantivyDocument;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../akhbar/tests/fixtures/eval")
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
    let mut keywords = Keywords;
    let mut compiler = QueryCompiler::new(
        &index.fields,
        AnalysisOptions::default(),
        Scoring::default(),
        QueryMode::All,
        &mut keywords,
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
    let mut keywords = Keywords;
    let mut all = QueryCompiler::new(
        &index.fields,
        AnalysisOptions::default(),
        Scoring::default(),
        QueryMode::All,
        &mut keywords,
    );
    let q = all.compile(&parse_words(question).unwrap(), &[]).unwrap();
    assert_eq!(searcher.search(&q, &Count).unwrap(), 0);
    // Any word: the port article first.
    let asked = Question::new(question);
    assert_eq!(asked.search.mode, QueryMode::Any);
    let mut any = QueryCompiler::new(
        &index.fields,
        AnalysisOptions::default(),
        asked.search.scoring,
        QueryMode::Any,
        &mut keywords,
    );
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
    let searcher = index.searcher().unwrap();
    let mut only = Question::new("Quand ? Comment ?");
    only.search.langs = vec![Lang::Fr];
    assert!(akhbar::qa::answer(&searcher, &index.fields, &only).is_err());
}

#[test]
fn evaluation_of_the_fixture() {
    let files = find_collection(&fixture(), None, None).unwrap();
    assert!(files.queries.ends_with("queries.tsv"));
    let eval = evaluate_collection(&files, &RunConfig::default(), 0).unwrap();
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

/// Indexes `docs` (id, title, body) as a collection's corpus.
/// Analysis with exact word forms (off by default; `akhbar-eval --exact-forms`).
fn exact() -> AnalysisOptions {
    AnalysisOptions {
        exact_forms: true,
        ..AnalysisOptions::default()
    }
}

fn small_index(docs: &[(&str, &str, &str)]) -> (tempfile::TempDir, akhbar::index::AkhbarIndex) {
    small_index_with(docs, AnalysisOptions::default())
}

fn small_index_with(
    docs: &[(&str, &str, &str)],
    opts: AnalysisOptions,
) -> (tempfile::TempDir, akhbar::index::AkhbarIndex) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.jsonl");
    let lines: Vec<String> = docs
        .iter()
        .map(|(id, title, body)| {
            serde_json::json!({"id": id, "title": title, "body": body}).to_string()
        })
        .collect();
    std::fs::write(&path, lines.join("\n")).unwrap();
    let (index, _) = index_corpus(&path, opts).unwrap();
    (dir, index)
}

/// The first stage of a question (no reranker, no typo or variant
/// rewrites), scored with `scoring`.
fn ranked_ids(
    index: &akhbar::index::AkhbarIndex,
    scoring: Scoring,
    question: &str,
) -> Vec<(String, f32)> {
    ranked_ids_with(index, scoring, question, AnalysisOptions::default())
}

fn ranked_ids_with(
    index: &akhbar::index::AkhbarIndex,
    scoring: Scoring,
    question: &str,
    opts: AnalysisOptions,
) -> Vec<(String, f32)> {
    let searcher = index.searcher().unwrap();
    let mut asked = Question::new(question);
    asked.search.scoring = scoring;
    asked.search.analysis = opts;
    asked.search.all_duplicates = true;
    asked.options = QuestionOptions {
        typos: 0.0,
        variants: 0.0,
        rerank: RerankModel::OFF,
        ..QuestionOptions::default()
    };
    akhbar::qa::answer(&searcher, &index.fields, &asked)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (h.id, h.score))
        .collect()
}

#[test]
fn exact_word_forms_rank_first() {
    // Both articles hold the stem `marocain`; only one has the question's
    // exact form `marocaines`.
    let (_dir, index) = small_index_with(&[
        (
            "a",
            "Artisanat",
            "Le tapis marocain est tissé à la main par les coopératives de femmes de la région.",
        ),
        (
            "b",
            "Artisanat",
            "Les poteries marocaines sont cuites au four par les coopératives de potiers de la région.",
        ),
    ], exact());
    let question = "Qui fabrique les poteries marocaines ?";
    let with = ranked_ids_with(&index, question_scoring(), question, exact());
    assert_eq!(with[0].0, "b", "{with:?}");
    // `tapis marocain` against `marocaines`: without the bonus only the
    // stem counts, and the gap between the two articles narrows.
    let question = "Quels tapis marocaines ?";
    let with = ranked_ids_with(&index, question_scoring(), question, exact());
    let without = ranked_ids_with(
        &index,
        Scoring {
            exact: 0.0,
            ..question_scoring()
        },
        question,
        exact(),
    );
    assert_eq!(with[0].0, "a");
    assert_eq!(without[0].0, "a");
    let gap = |r: &[(String, f32)]| r[0].1 - r[1].1;
    assert!(gap(&with) < gap(&without), "{with:?} {without:?}");
}

#[test]
fn bm25f_counts_the_title_with_the_body() {
    // `Tanger` in the title of one article and only in the body of the
    // other: the title weight decides, and BM25F saturates title and body
    // together (a title match adds less to an article already saying the
    // word in its body).
    let (_dir, index) = small_index(&[
        (
            "title",
            "Tanger",
            "Le port a reçu trois millions de conteneurs cette année selon l'autorité portuaire.",
        ),
        (
            "body",
            "Le port",
            "Le port de Tanger a reçu trois millions de conteneurs cette année selon l'autorité.",
        ),
    ]);
    let nl = question_scoring();
    let ranked = ranked_ids(&index, nl, "Combien de conteneurs à Tanger ?");
    assert_eq!(ranked[0].0, "title", "{ranked:?}");
    let no_title = Scoring {
        title_boost: 0.0,
        ..nl
    };
    let ranked = ranked_ids(&index, no_title, "Combien de conteneurs à Tanger ?");
    assert_eq!(ranked[0].0, "body", "{ranked:?}");
}

#[test]
fn snippets_mark_a_word_once() {
    // Each word is indexed twice (stem and exact form, same offsets): the
    // snippet still marks it once.
    let (_dir, index) = small_index(&[(
        "a",
        "Artisanat",
        "Les poteries marocaines sont cuites au four par les coopératives de potiers de la région.",
    )]);
    let results = akhbar::search::search(
        &index,
        &akhbar::search::SearchRequest::new("poteries marocaines"),
    )
    .unwrap();
    let snippet = &results.hits[0].snippet;
    assert!(
        snippet.contains("<b>poteries</b> <b>marocaines</b>"),
        "{snippet}"
    );
    assert!(!snippet.contains("marocainesmarocaines"), "{snippet}");
}

#[test]
fn frames_are_the_question_words_their_passages_lack() {
    use akhbar_lab::frames::{learn_frames, FrameLearning};
    let dir = fixture();
    let mut listed = Vec::new();
    for fold in 0..2 {
        let learning = FrameLearning {
            min_questions: 1,
            fold,
            ..FrameLearning::default()
        };
        listed.extend(learn_frames(std::slice::from_ref(&dir), &learning).unwrap());
    }
    assert!(!listed.is_empty());
    for w in &listed {
        // Only stems the relevant passage lacks more often than the
        // average stem weigh less than 1.
        assert!(w.found < w.questions, "{w:?}");
        assert!((0.1..1.0).contains(&w.weight), "{w:?}");
    }
    // A stem every relevant passage holds is not a frame.
    assert!(!listed.iter().any(|w| w.stem == "tanger"), "{listed:?}");
}

/// A question's scoring (BM25F, the proximity bonus).
fn question_scoring() -> Scoring {
    Question::new("").search.scoring
}
