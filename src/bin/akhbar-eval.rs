//! `akhbar-eval DIR`: indexes a test collection's corpus into a temporary
//! (in-memory) index, runs its queries and prints MRR@10, nDCG@10,
//! Recall@10 and Recall@100.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

use akhbar::analysis::{AnalysisOptions, Stemmer};
use akhbar::eval::{evaluate_collection, find_collection, trec_run};
use akhbar::search::query::{QueryMode, Weights};

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
    /// The collection folder.
    dir: PathBuf,
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
    /// Search threads.
    #[arg(long, default_value_t = 2)]
    threads: usize,
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
    let files = find_collection(&args.dir, args.queries.as_deref(), args.qrels.as_deref())?;
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
    let eval = evaluate_collection(&files, opts, weights, args.threads)?;
    if let Some(path) = &args.run {
        std::fs::write(path, trec_run(&eval.queries, &eval.results, "akhbar")).map_err(|e| {
            akhbar::Error::Usage(format!("cannot write the run file {}: {e}", path.display()))
        })?;
    }
    let m = eval.metrics;
    if args.json {
        let value = serde_json::json!({
            "collection": args.dir.display().to_string(),
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
            args.dir.display(),
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
    }
    Ok(())
}
