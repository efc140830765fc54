//! `akhbar-eval DIR`: indexes a test collection's corpus into a temporary
//! (in-memory) index, runs its queries and prints MRR@10, nDCG@10,
//! Recall@10 and Recall@100.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

use akhbar::analysis::{AnalysisOptions, Stemmer};
use akhbar::qa::{Feature, Features, Question, RerankModel};
use akhbar::search::{QueryMode, SearchRequest};
use akhbar_lab::{
    cross_validate, evaluate_collection, find_collection, fold_of, learn, mrr_10, trec_run,
    FirstStage, Judgments, Metrics, Mode, RunConfig, Sample,
};

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ModeArg {
    /// As `akhbar-search QUERY`: the query language, every word required.
    Keyword,
    /// As `akhbar-search --question QUERY`: plain words, any word, the
    /// question's rewrites and reranker.
    Question,
}

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
    #[arg(required_unless_present_any = ["learn_from", "learn_frames", "list_features"])]
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
    /// Rank as `akhbar-search` does (`keyword`) or as `akhbar-search
    /// --question` does (`question`).
    #[arg(long, value_enum, default_value = "question")]
    mode: ModeArg,
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
    /// BM25F term-frequency saturation k1.
    #[arg(long)]
    k1: Option<f32>,
    /// BM25F length normalisation b of the body.
    #[arg(long)]
    b: Option<f32>,
    /// BM25F length normalisation b of the title.
    #[arg(long)]
    b_title: Option<f32>,
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
    /// `crates/akhbar/data/question_frames.tsv`); DIR is then not read.
    #[arg(long, value_name = "DIR", num_args = 1..)]
    learn_frames: Vec<PathBuf>,
    /// No second stage: the first stage's order (BM25F and proximity).
    #[arg(long)]
    no_rerank: bool,
    /// How many first-stage hits the reranker re-scores.
    #[arg(long)]
    rerank_depth: Option<usize>,
    /// The reranker's weights as NAME=WEIGHT pairs, comma-separated; a
    /// feature not named weighs 0 (the names: `akhbar-eval --list-features`).
    #[arg(long, value_name = "NAME=WEIGHT,...", value_parser = Features::parse)]
    rerank_weights: Option<Features>,
    /// Print the reranker's features (name, learned weight, what it
    /// measures) and exit.
    #[arg(long)]
    list_features: bool,
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
    w.iter()
        .map(|(f, x)| (f.name().to_string(), serde_json::Value::from(f64::from(x))))
        .collect::<serde_json::Map<String, serde_json::Value>>()
        .into()
}

/// The features named by `--cv-features` (every one by default); `bm25`
/// always.
fn active_features(names: &Option<Vec<String>>) -> akhbar::Result<Vec<Feature>> {
    let Some(names) = names else {
        return Ok(Feature::ALL.to_vec());
    };
    let mut active = vec![Feature::Bm25];
    for name in names {
        let feature = Feature::from_name(name).ok_or_else(|| {
            akhbar::Error::Usage(format!(
                "--cv-features: `{name}` is not a feature: use one of {}",
                Feature::names()
            ))
        })?;
        active.push(feature);
    }
    Ok(active)
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
            for (_, x) in f.iter() {
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
        if parts.len() != 3 + Feature::ALL.len() {
            return Err(bad());
        }
        let fold: usize = parts[1].parse().map_err(|_| bad())?;
        let mut f = Features::ZERO;
        for (feature, x) in Feature::ALL.into_iter().zip(&parts[3..]) {
            f[feature] = x.parse().map_err(|_| bad())?;
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
    let active = active_features(&args.cv_features)?;
    let w = learn(&train, &active, 10);
    println!("weights {}", w.to_text());
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
    if args.list_features {
        for feature in Feature::ALL {
            println!(
                "{:<15} {:>6}  {}",
                feature.name(),
                RerankModel::LEARNED.weights[feature],
                feature.description()
            );
        }
        return Ok(());
    }
    if !args.learn_from.is_empty() {
        return learn_from(args);
    }
    if !args.learn_frames.is_empty() {
        let learning = akhbar_lab::frames::FrameLearning::default();
        let weights = akhbar_lab::frames::learn_frames(&args.learn_frames, &learning)?;
        print!(
            "{}",
            akhbar_lab::frames::frames_table(&weights, &args.learn_frames, &learning)
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
    let defaults = match args.mode {
        ModeArg::Keyword => SearchRequest::new(""),
        ModeArg::Question => Question::new("").search,
    };
    let mut scoring = defaults.scoring;
    let mut words = defaults.mode;
    let mut question = Question::new("").options;
    if args.and {
        words = QueryMode::All;
    }
    if args.no_proximity {
        scoring.proximity = 0.0;
    }
    if args.no_question_words {
        question.question_words = false;
    }
    if args.no_script_hint {
        question.script_hint = false;
    }
    if let Some(b) = args.title_boost {
        scoring.title_boost = b;
    }
    if let Some(p) = args.proximity {
        scoring.proximity = p;
    }
    if let Some(s) = args.slop {
        scoring.proximity_slop = s;
    }
    if let Some(k1) = args.k1 {
        scoring.k1 = k1;
    }
    if let Some(b) = args.b {
        scoring.b_body = b;
    }
    if let Some(b) = args.b_title {
        scoring.b_title = b;
    }
    if !args.exact_forms {
        scoring.exact = 0.0;
    }
    if let Some(w) = args.exact {
        scoring.exact = w;
    }
    if args.no_rerank {
        question.rerank = RerankModel::OFF;
    }
    if args.no_frames {
        question.frames = false;
    }
    if args.no_typos {
        question.typos = 0.0;
    }
    if let Some(v) = args.variants {
        question.variants = v;
    }
    if let Some(d) = args.rerank_depth {
        question.rerank.depth = d;
    }
    if let Some(w) = args.rerank_weights {
        question.rerank.weights = w;
        if question.rerank.depth == 0 {
            question.rerank.depth = 100;
        }
    }
    let config = RunConfig {
        mode: match args.mode {
            ModeArg::Keyword => Mode::Keyword,
            ModeArg::Question => Mode::Question,
        },
        analysis: opts,
        scoring: Some(scoring),
        words: Some(words),
        question,
        threads: args.threads,
    };
    let learn_depth = if args.cv || args.features.is_some() {
        args.rerank_depth.unwrap_or(100)
    } else {
        0
    };
    let eval = evaluate_collection(&files, &config, learn_depth)?;
    let empty = FirstStage::default();
    let first = eval.first.as_ref().unwrap_or(&empty);
    if let Some(path) = &args.features {
        let dump = feature_dump(&eval.queries, first, &eval.qrels);
        std::fs::write(path, dump)
            .map_err(|e| akhbar::Error::Usage(format!("cannot write {}: {e}", path.display())))?;
    }
    let cv = if args.cv {
        let active = active_features(&args.cv_features)?;
        Some(cross_validate(
            &eval.queries,
            first,
            &eval.qrels,
            learn_depth,
            &active,
        ))
    } else {
        None
    };
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
            "fold0": metrics_json(&halves[0]),
            "fold1": metrics_json(&halves[1]),
            "cv": cv.as_ref().map(|(m, w)| serde_json::json!({
                "metrics": metrics_json(m),
                "weights_fold0": weights_json(&w[0]),
                "weights_fold1": weights_json(&w[1]),
            })),
            "options": {
                "mode": format!("{:?}", config.mode).to_lowercase(),
                "stemmer": format!("{:?}", opts.stemmer).to_lowercase(),
                "normalize": opts.normalize,
                "stopwords": opts.stopwords,
                "exact_forms": opts.exact_forms,
                "exact": scoring.exact,
                "words": format!("{words:?}").to_lowercase(),
                "title_boost": scoring.title_boost,
                "proximity": scoring.proximity,
                "slop": scoring.proximity_slop,
                "question_words": question.question_words,
                "script_hint": question.script_hint,
                "k1": scoring.k1,
                "b": scoring.b_body,
                "b_title": scoring.b_title,
                "frames": question.frames,
                "typos": question.typos,
                "variants": question.variants,
                "rerank_depth": question.rerank.depth,
                "rerank_weights": weights_json(&question.rerank.weights),
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
        if let Some((cv, w)) = &cv {
            println!(
                "2-fold CV       {:.4} {:.4} {:.4} {:.4} (MRR@10 nDCG@10 R@10 R@100)",
                cv.mrr_10, cv.ndcg_10, cv.recall_10, cv.recall_100
            );
            for (fold, w) in w.iter().enumerate() {
                println!("weights fold {fold}  {}", w.to_text());
            }
        }
    }
    Ok(())
}
