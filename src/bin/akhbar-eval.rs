//! `akhbar-eval DIR`: indexes a test collection's corpus into a temporary
//! (in-memory) index, runs its queries and prints MRR@10, nDCG@10,
//! Recall@10 and Recall@100.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

use akhbar::analysis::{AnalysisOptions, Stemmer};
use akhbar::eval::{
    cross_validate, evaluate_collection_with, find_collection, fold_of, trec_run, FirstStage,
    Judgments, Metrics,
};
use akhbar::search::query::{QueryMode, Weights};
use akhbar::search::rerank::{
    learn, mrr_10, Features, RerankModel, Sample, FEATURES, FEATURE_NAMES,
};

#[derive(Clone, Copy, Debug, ValueEnum)]
enum StemmerArg {
    None,
    Light,
    Snowball,
    /// Light for French, Snowball for Arabic.
    Best,
}

/// Evaluates akhbar's ranking on a test collection (corpus.jsonl[.gz|.zst],
/// queries*.tsv, TREC qrels*.tsv).
#[derive(Parser, Debug)]
#[command(name = "akhbar-eval", version)]
struct Args {
    /// The collection folder (not needed with `--learn-from`).
    #[arg(required_unless_present_any = ["learn_from", "learn_frames"])]
    dir: Option<PathBuf>,
    /// The queries file (`qid<TAB>text`), when the folder holds several or none.
    #[arg(long)]
    queries: Option<PathBuf>,
    /// The TREC qrels file, when the folder holds several or none.
    #[arg(long)]
    qrels: Option<PathBuf>,
    /// Print the figures as one JSON object.
    #[arg(long)]
    json: bool,
    /// Write a TREC run file (top 100 per query) here.
    #[arg(long, value_name = "FILE")]
    run: Option<PathBuf>,
    /// Stemmer of the French and Arabic analyzers.
    #[arg(long, value_enum, default_value = "best")]
    stemmer: StemmerArg,
    /// No normalisation (only lowercase): no accent folding, no Arabic
    /// normalisation, no French elision.
    #[arg(long)]
    no_normalize: bool,
    /// Keep stop words.
    #[arg(long)]
    no_stopwords: bool,
    /// Also index exact (unstemmed) word forms beside the stems and give a
    /// bonus to exact matches (better ranking, but a larger index and slower
    /// indexing: not akhbar-index's default).
    #[arg(long)]
    exact_forms: bool,
    /// Bonus of an exact word-form match, relative to the stem's score.
    #[arg(long)]
    exact: Option<f32>,
    /// Every query word required (akhbar-search's default) instead of any.
    #[arg(long)]
    and: bool,
    /// No proximity bonus.
    #[arg(long)]
    no_proximity: bool,
    /// Keep question words in queries.
    #[arg(long)]
    no_question_words: bool,
    /// Search every language, whatever the query's script.
    #[arg(long)]
    no_script_hint: bool,
    /// Boost of title matches over body matches.
    #[arg(long)]
    title_boost: Option<f32>,
    /// Boost of the proximity clauses.
    #[arg(long)]
    proximity: Option<f32>,
    /// Maximum distance of the words of a proximity pair.
    #[arg(long)]
    slop: Option<u32>,
    /// Score title and body separately (two BM25 sums, tantivy's k1/b)
    /// instead of BM25F.
    #[arg(long)]
    no_bm25f: bool,
    /// BM25F term-frequency saturation k1.
    #[arg(long)]
    k1: Option<f32>,
    /// BM25F length normalisation b of the body.
    #[arg(long)]
    b: Option<f32>,
    /// BM25F length normalisation b of the title.
    #[arg(long)]
    b_title: Option<f32>,
    /// Bonus per unit of idf of the best window of query words in the body (0: off).
    #[arg(long)]
    window: Option<f32>,
    /// Width of that window, in positions.
    #[arg(long)]
    window_width: Option<u32>,
    /// Question frames weigh 1 like any word (see `--learn-frames`).
    #[arg(long)]
    no_frames: bool,
    /// No typo tolerance: a word no passage holds is not searched as the
    /// nearest indexed word.
    #[arg(long)]
    no_typos: bool,
    /// Weight of the Arabic variants of a word (a clitic more or fewer,
    /// `لمشروع` / `مشروع`; a long vowel more or fewer, `مساجد` / `مسجد`);
    /// 0 turns them off.
    #[arg(long)]
    variants: Option<f32>,
    /// Learn the question-frame weights from the fold-0 queries of these
    /// collection folders and print the table (the file
    /// `src/analysis/question_frames.tsv`); DIR is then not read.
    #[arg(long, value_name = "DIR", num_args = 1..)]
    learn_frames: Vec<PathBuf>,
    /// No second stage: the first stage's order (BM25F and proximity).
    #[arg(long)]
    no_rerank: bool,
    /// How many first-stage hits the reranker re-scores.
    #[arg(long)]
    rerank_depth: Option<usize>,
    /// The reranker's weights, comma-separated, in the order of the
    /// features (bm25,coverage,title,exact,sentence,sentence_exact,window,
    /// ordered,unordered,matched,length,number,rest,sentence_rest,prefix,
    /// title_covered).
    #[arg(long, value_delimiter = ',')]
    rerank_weights: Option<Vec<f32>>,
    /// Also learn the reranker's weights by 2-fold cross-validation on the
    /// queries (split by a hash of their ids) and print the held-out
    /// figures and the weights learned on each fold.
    #[arg(long)]
    cv: bool,
    /// Features the cross-validation may use (names, comma-separated; all
    /// by default; bm25 always).
    #[arg(long, value_delimiter = ',')]
    cv_features: Option<Vec<String>>,
    /// Write each query's candidates' features (`qid fold relevant f...`,
    /// tab-separated, first-stage order) to this file.
    #[arg(long, value_name = "FILE")]
    features: Option<PathBuf>,
    /// Learn the weights from feature files written by `--features` (pooled,
    /// on the queries of fold 0), print them and each file's fold-1 MRR@10
    /// before and after; DIR is then not read.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    learn_from: Vec<PathBuf>,
    /// Search threads.
    #[arg(long, default_value_t = 2)]
    threads: usize,
}

fn metrics_json(m: &Metrics) -> serde_json::Value {
    serde_json::json!({
        "queries": m.queries,
        "mrr@10": m.mrr_10,
        "ndcg@10": m.ndcg_10,
        "recall@10": m.recall_10,
        "recall@100": m.recall_100,
    })
}

fn weights_json(w: &Features) -> serde_json::Value {
    FEATURE_NAMES
        .iter()
        .zip(w)
        .map(|(n, x)| (n.to_string(), serde_json::Value::from(f64::from(*x))))
        .collect::<serde_json::Map<String, serde_json::Value>>()
        .into()
}

fn weights_text(w: &Features) -> String {
    w.iter()
        .map(|x| format!("{x}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// `qid fold relevant f...` per candidate.
fn feature_dump(
    queries: &[(String, String)],
    first: &FirstStage,
    qrels: &std::collections::HashMap<String, Judgments>,
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let empty = Judgments::new();
    for (q, (qid, _)) in queries.iter().enumerate() {
        let rels = qrels.get(qid).unwrap_or(&empty);
        let features = first.features.get(q).map(Vec::as_slice).unwrap_or(&[]);
        for (r, f) in first.results[q].iter().zip(features) {
            let rel = u8::from(rels.get(&r.docid).is_some_and(|&g| g > 0));
            let _ = write!(out, "{qid}\t{}\t{rel}", fold_of(qid));
            for x in f {
                let _ = write!(out, "\t{x}");
            }
            out.push('\n');
        }
    }
    out
}

/// Reads a `--features` file: one sample per query, and its fold.
fn read_dump(path: &std::path::Path) -> akhbar::Result<Vec<(usize, Sample)>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| akhbar::Error::Usage(format!("cannot read {}: {e}", path.display())))?;
    let mut out: Vec<(usize, Sample)> = Vec::new();
    let mut last_qid = String::new();
    for (i, line) in text.lines().enumerate() {
        let parts: Vec<&str> = line.split('\t').collect();
        let bad =
            || akhbar::Error::Usage(format!("{}:{}: not a feature line", path.display(), i + 1));
        if parts.len() != 3 + FEATURES {
            return Err(bad());
        }
        let fold: usize = parts[1].parse().map_err(|_| bad())?;
        let mut f = [0.0f32; FEATURES];
        for (j, x) in parts[3..].iter().enumerate() {
            f[j] = x.parse().map_err(|_| bad())?;
        }
        if parts[0] != last_qid || out.is_empty() {
            last_qid = parts[0].to_string();
            out.push((fold, Sample::default()));
        }
        if let Some((_, s)) = out.last_mut() {
            s.features.push(f);
            s.relevant.push(parts[2] == "1");
        }
    }
    Ok(out)
}

/// `--learn-from`: pooled learning on fold 0, figures on fold 1.
fn learn_from(args: &Args) -> akhbar::Result<()> {
    let mut sets = Vec::new();
    for path in &args.learn_from {
        let mut set = read_dump(path)?;
        if let Some(depth) = args.rerank_depth {
            for (_, s) in &mut set {
                s.features.truncate(depth);
                s.relevant.truncate(depth);
            }
        }
        sets.push((path, set));
    }
    let train: Vec<Sample> = sets
        .iter()
        .flat_map(|(_, s)| s.iter().filter(|(f, _)| *f == 0).map(|(_, s)| s.clone()))
        .collect();
    let mut active = [true; FEATURES];
    if let Some(names) = &args.cv_features {
        for (i, name) in FEATURE_NAMES.iter().enumerate() {
            active[i] = i == 0 || names.iter().any(|n| n == name);
        }
    }
    let w = learn(&train, &active, 10);
    println!("weights {}", weights_text(&w));
    for (path, set) in &sets {
        let test: Vec<Sample> = set
            .iter()
            .filter(|(f, _)| *f == 1)
            .map(|(_, s)| s.clone())
            .collect();
        println!(
            "{}: fold-1 MRR@10 (judged queries with candidates) {:.4} -> {:.4}",
            path.display(),
            mrr_10(&RerankModel::BM25.weights, &test),
            mrr_10(&w, &test)
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("akhbar-eval: {e}");
            ExitCode::from(if e.is_usage() { 2 } else { 1 })
        }
    }
}

fn run(args: &Args) -> akhbar::Result<()> {
    if !args.learn_from.is_empty() {
        return learn_from(args);
    }
    if !args.learn_frames.is_empty() {
        let learning = akhbar::eval::FrameLearning::default();
        let weights = akhbar::eval::learn_frames(&args.learn_frames, &learning)?;
        print!(
            "{}",
            akhbar::eval::frames_table(&weights, &args.learn_frames, &learning)
        );
        return Ok(());
    }
    let dir = args.dir.clone().unwrap_or_default();
    let files = find_collection(&dir, args.queries.as_deref(), args.qrels.as_deref())?;
    let opts = AnalysisOptions {
        stemmer: match args.stemmer {
            StemmerArg::None => Stemmer::None,
            StemmerArg::Light => Stemmer::Light,
            StemmerArg::Snowball => Stemmer::Snowball,
            StemmerArg::Best => Stemmer::Best,
        },
        normalize: !args.no_normalize,
        stopwords: !args.no_stopwords,
        exact_forms: args.exact_forms,
    };
    let mut weights = Weights::natural_language();
    if args.and {
        weights.mode = QueryMode::All;
    }
    if args.no_proximity {
        weights.proximity = 0.0;
    }
    if args.no_question_words {
        weights.question_words = false;
    }
    if args.no_script_hint {
        weights.script_hint = false;
    }
    if let Some(b) = args.title_boost {
        weights.title_boost = b;
    }
    if let Some(p) = args.proximity {
        weights.proximity = p;
    }
    if let Some(s) = args.slop {
        weights.proximity_slop = s;
    }
    if args.no_bm25f {
        // The separate-fields ranking as it was tuned: a title match worth
        // half a body match, tantivy's k1/b.
        weights.bm25f = false;
        weights.title_boost = 0.5;
    }
    if let Some(k1) = args.k1 {
        weights.k1 = k1;
    }
    if let Some(b) = args.b {
        weights.b_body = b;
    }
    if let Some(b) = args.b_title {
        weights.b_title = b;
    }
    if !args.exact_forms {
        weights.exact = 0.0;
    }
    if let Some(w) = args.exact {
        weights.exact = w;
    }
    if let Some(w) = args.window {
        weights.window = w;
    }
    if let Some(w) = args.window_width {
        weights.window_width = w;
    }
    if args.no_rerank {
        weights.rerank = RerankModel::OFF;
    }
    if args.no_frames {
        weights.frames = false;
    }
    if args.no_typos {
        weights.typos = 0.0;
    }
    if let Some(v) = args.variants {
        weights.variants = v;
    }
    if let Some(d) = args.rerank_depth {
        weights.rerank.depth = d;
    }
    if let Some(w) = &args.rerank_weights {
        if w.len() != FEATURES {
            return Err(akhbar::Error::Usage(format!(
                "--rerank-weights needs {FEATURES} weights ({}), got {}",
                FEATURE_NAMES.join(","),
                w.len()
            )));
        }
        for (i, x) in w.iter().enumerate() {
            weights.rerank.weights[i] = *x;
        }
        if weights.rerank.depth == 0 {
            weights.rerank.depth = 100;
        }
    }
    let learn_depth = if args.cv || args.features.is_some() {
        args.rerank_depth.unwrap_or(100)
    } else {
        0
    };
    let eval = evaluate_collection_with(&files, opts, weights, args.threads, learn_depth)?;
    if let Some(path) = &args.features {
        let dump = feature_dump(&eval.queries, &eval.first, &eval.qrels);
        std::fs::write(path, dump)
            .map_err(|e| akhbar::Error::Usage(format!("cannot write {}: {e}", path.display())))?;
    }
    let cv = if args.cv {
        let mut active = [true; FEATURES];
        if let Some(names) = &args.cv_features {
            for (i, name) in FEATURE_NAMES.iter().enumerate() {
                active[i] = i == 0 || names.iter().any(|n| n == name);
            }
        }
        Some(cross_validate(
            &eval.queries,
            &eval.first,
            &eval.qrels,
            learn_depth,
            &active,
        ))
    } else {
        None
    };
    let rerank_ms = eval.first.feature_secs * 1000.0 / eval.queries.len().max(1) as f64;
    let halves = [eval.fold_metrics(0), eval.fold_metrics(1)];
    if let Some(path) = &args.run {
        std::fs::write(path, trec_run(&eval.queries, &eval.results, "akhbar")).map_err(|e| {
            akhbar::Error::Usage(format!("cannot write the run file {}: {e}", path.display()))
        })?;
    }
    let m = eval.metrics;
    if args.json {
        let value = serde_json::json!({
            "collection": dir.display().to_string(),
            "corpus": eval.files.corpus.display().to_string(),
            "queries_file": eval.files.queries.display().to_string(),
            "qrels_file": eval.files.qrels.display().to_string(),
            "articles": eval.corpus.articles,
            "langs": eval.corpus.by_lang.iter().map(|(l, n)| (l.clone(), serde_json::Value::from(*n))).collect::<serde_json::Map<String, serde_json::Value>>(),
            "queries": m.queries,
            "mrr@10": m.mrr_10,
            "ndcg@10": m.ndcg_10,
            "recall@10": m.recall_10,
            "recall@100": m.recall_100,
            "index_secs": eval.index_secs,
            "index_bytes": eval.index_bytes,
            "search_secs": eval.search_secs,
            "rerank_ms_per_query": rerank_ms,
            "fold0": metrics_json(&halves[0]),
            "fold1": metrics_json(&halves[1]),
            "cv": cv.as_ref().map(|(m, w)| serde_json::json!({
                "metrics": metrics_json(m),
                "weights_fold0": weights_json(&w[0]),
                "weights_fold1": weights_json(&w[1]),
            })),
            "options": {
                "stemmer": format!("{:?}", opts.stemmer).to_lowercase(),
                "normalize": opts.normalize,
                "stopwords": opts.stopwords,
                "exact_forms": opts.exact_forms,
                "exact": weights.exact,
                "mode": format!("{:?}", weights.mode).to_lowercase(),
                "title_boost": weights.title_boost,
                "proximity": weights.proximity,
                "slop": weights.proximity_slop,
                "question_words": weights.question_words,
                "script_hint": weights.script_hint,
                "bm25f": weights.bm25f,
                "k1": weights.k1,
                "b": weights.b_body,
                "b_title": weights.b_title,
                "window": weights.window,
                "window_width": weights.window_width,
                "rerank_depth": weights.rerank.depth,
                "rerank_weights": weights_json(&weights.rerank.weights),
            },
        });
        println!("{value}");
    } else {
        let langs: Vec<String> = eval
            .corpus
            .by_lang
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        println!(
            "{}: {} articles ({}) indexed in {:.1}s, {} queries searched in {:.1}s",
            dir.display(),
            eval.corpus.articles,
            langs.join(", "),
            eval.index_secs,
            eval.queries.len(),
            eval.search_secs
        );
        println!("queries judged  {}", m.queries);
        println!("MRR@10          {:.4}", m.mrr_10);
        println!("nDCG@10         {:.4}", m.ndcg_10);
        println!("Recall@10       {:.4}", m.recall_10);
        println!("Recall@100      {:.4}", m.recall_100);
        println!(
            "fold 1 only     {:.4} {:.4} {:.4} {:.4} (MRR@10 nDCG@10 R@10 R@100)",
            halves[1].mrr_10, halves[1].ndcg_10, halves[1].recall_10, halves[1].recall_100
        );
        println!("rerank ms/query {rerank_ms:.3} (thread time)");
        if let Some((cv, w)) = &cv {
            println!(
                "2-fold CV       {:.4} {:.4} {:.4} {:.4} (MRR@10 nDCG@10 R@10 R@100)",
                cv.mrr_10, cv.ndcg_10, cv.recall_10, cv.recall_100
            );
            for (fold, w) in w.iter().enumerate() {
                println!("weights fold {fold}  {}", weights_text(w));
            }
        }
    }
    Ok(())
}
