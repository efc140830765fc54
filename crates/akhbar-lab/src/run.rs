//! Running a collection's queries through akhbar's own entry points: the
//! keyword mode calls [`akhbar::search::search_with`] (what
//! `akhbar-search QUERY` ranks with), the question mode
//! [`akhbar::qa::answer`] (what `akhbar-search --question` ranks with).
//! Every copy of a near-duplicate group is kept (`--all-duplicates`), the
//! top 100 of each query scored.

use std::collections::HashMap;
use std::path::Path;

use akhbar::analysis::AnalysisOptions;
use akhbar::index::{AkhbarIndex, Searcher};
use akhbar::qa::{answer, first_stage_features, Features, Question, QuestionOptions};
use akhbar::search::{search_with, QueryMode, Scoring, SearchRequest, SearchResults};
use akhbar::{Error, Result};

use crate::collection::{
    find_collection, index_corpus, read_qrels, read_queries, CollectionFiles, IndexedCorpus,
    Judgments,
};
use crate::learn::judged;
use crate::metrics::{evaluate, Metrics};

/// How queries are read and ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// As `akhbar-search QUERY` does: the query language, every word
    /// required.
    Keyword,
    /// As `akhbar-search --question QUERY` does.
    #[default]
    Question,
}

/// What a run searches with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunConfig {
    pub mode: Mode,
    pub analysis: AnalysisOptions,
    /// The first stage's scoring; `None` for the mode's own (keyword
    /// search's defaults, or a question's).
    pub scoring: Option<Scoring>,
    /// Any word may match (a question's default) or every word.
    pub words: Option<QueryMode>,
    /// The question's options (question mode).
    pub question: QuestionOptions,
    /// Search threads.
    pub threads: usize,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            mode: Mode::Question,
            analysis: AnalysisOptions::default(),
            scoring: None,
            words: None,
            question: QuestionOptions::default(),
            threads: 2,
        }
    }
}

/// The results akhbar shows for one query, 100 at most.
pub const DEPTH: usize = 100;

impl RunConfig {
    /// The search request of a query's text.
    pub fn request(&self, text: &str) -> SearchRequest {
        let mut request = match self.mode {
            Mode::Keyword => SearchRequest::new(text),
            Mode::Question => Question::new(text).search,
        };
        request.limit = DEPTH;
        request.all_duplicates = true;
        request.snippet_chars = 0;
        request.facets = Vec::new();
        request.analysis = self.analysis;
        if let Some(scoring) = self.scoring {
            request.scoring = scoring;
        }
        if let Some(words) = self.words {
            request.mode = words;
        }
        request
    }

    /// The question of a query's text (question mode).
    pub fn question(&self, text: &str) -> Question {
        Question {
            search: self.request(text),
            options: self.question,
        }
    }

    /// Runs one query as akhbar does; a query that cannot be searched
    /// (nothing to search, a syntax error in keyword mode) finds nothing.
    pub fn search(
        &self,
        searcher: &Searcher,
        index: &AkhbarIndex,
        text: &str,
    ) -> Result<Vec<Ranked>> {
        let found = match self.mode {
            Mode::Keyword => search_with(searcher, &index.fields, &self.request(text)),
            Mode::Question => answer(searcher, &index.fields, &self.question(text)),
        };
        match found {
            Ok(results) => Ok(ranked(results)),
            Err(Error::Query(_)) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub docid: String,
    pub score: f32,
}

fn ranked(results: SearchResults) -> Vec<Ranked> {
    results
        .hits
        .into_iter()
        .map(|h| Ranked {
            docid: h.id,
            score: h.score,
        })
        .collect()
}

/// Runs `each` over the queries on `threads` threads; results in query order.
fn parallel<T: Send>(
    queries: &[(String, String)],
    threads: usize,
    each: impl Fn(&str) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    let chunk = queries.len().div_ceil(threads.max(1)).max(1);
    let parts: Vec<Result<Vec<T>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = queries
            .chunks(chunk)
            .map(|part| {
                let each = &each;
                scope.spawn(move || part.iter().map(|(_, text)| each(text)).collect())
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Error::Usage("a search thread panicked".into())))
            })
            .collect()
    });
    let mut out = Vec::with_capacity(queries.len());
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

/// Runs every query as akhbar does; results in query order.
pub fn run_queries(
    index: &AkhbarIndex,
    queries: &[(String, String)],
    config: &RunConfig,
) -> Result<Vec<Vec<Ranked>>> {
    let searcher = index.searcher()?;
    parallel(queries, config.threads, |text| {
        config.search(&searcher, index, text)
    })
}

/// Every query's first stage (question mode, the reranker off) with the
/// reranker's features of its top hits: what the reranker learns from.
#[derive(Debug, Clone, Default)]
pub struct FirstStage {
    pub results: Vec<Vec<Ranked>>,
    pub features: Vec<Vec<Features>>,
}

/// Runs every query's first stage and computes the features of its top
/// `depth` hits.
pub fn run_first_stage(
    index: &AkhbarIndex,
    queries: &[(String, String)],
    config: &RunConfig,
    depth: usize,
) -> Result<FirstStage> {
    let searcher = index.searcher()?;
    let parts = parallel(queries, config.threads, |text| {
        match first_stage_features(&searcher, &index.fields, &config.question(text), depth) {
            Ok((results, features)) => Ok((ranked(results), features)),
            Err(Error::Query(_)) => Ok((Vec::new(), Vec::new())),
            Err(e) => Err(e),
        }
    })?;
    let (results, features) = parts.into_iter().unzip();
    Ok(FirstStage { results, features })
}

/// A TREC run file: `qid Q0 docid rank score tag`, one line per result.
/// The score column is made from the rank (`n − rank + 1`): trec_eval
/// orders by score, and a reranked list keeps its first-stage scores, which
/// are not in the reranked order.
pub fn trec_run(queries: &[(String, String)], results: &[Vec<Ranked>], tag: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for ((qid, _), ranked) in queries.iter().zip(results) {
        let n = ranked.len();
        for (i, r) in ranked.iter().enumerate() {
            let _ = writeln!(out, "{qid} Q0 {} {} {} {tag}", r.docid, i + 1, n - i);
        }
    }
    out
}

/// Everything a run of the evaluation measured.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub files: CollectionFiles,
    pub corpus: IndexedCorpus,
    pub metrics: Metrics,
    pub queries: Vec<(String, String)>,
    pub results: Vec<Vec<Ranked>>,
    /// The first stage and its features, when asked for (for learning).
    pub first: Option<FirstStage>,
    /// The judgments of the queries asked.
    pub qrels: HashMap<String, Judgments>,
    pub index_secs: f64,
    /// Wall-clock time of every search, reranking included.
    pub search_secs: f64,
    /// The size of the index (every segment file, stored fields included).
    pub index_bytes: u64,
}

/// Indexes the collection, runs its queries as `config` says (top 100)
/// and scores them; with `feature_depth > 0`, also the first stage with
/// the features of its top `feature_depth` hits.
pub fn evaluate_collection(
    files: &CollectionFiles,
    config: &RunConfig,
    feature_depth: usize,
) -> Result<Evaluation> {
    let queries = read_queries(&files.queries)?;
    let qrels = read_qrels(&files.qrels)?;
    let start = std::time::Instant::now();
    let (index, corpus) = index_corpus(&files.corpus, config.analysis)?;
    let index_secs = start.elapsed().as_secs_f64();
    let index_bytes = index
        .searcher()?
        .space_usage()
        .map_err(|e| Error::Tantivy(e.into()))?
        .total()
        .get_bytes();
    let start = std::time::Instant::now();
    let results = run_queries(&index, &queries, config)?;
    let search_secs = start.elapsed().as_secs_f64();
    let first = (feature_depth > 0)
        .then(|| run_first_stage(&index, &queries, config, feature_depth))
        .transpose()?;
    let run: HashMap<String, Vec<String>> = queries
        .iter()
        .zip(&results)
        .map(|((qid, _), r)| (qid.clone(), r.iter().map(|x| x.docid.clone()).collect()))
        .collect();
    // Only the queries of the queries file are scored.
    let qrels = judged(&queries, &qrels, None);
    let metrics = evaluate(&run, &qrels);
    Ok(Evaluation {
        files: files.clone(),
        corpus,
        metrics,
        queries,
        results,
        first,
        qrels,
        index_secs,
        search_secs,
        index_bytes,
    })
}

/// [`evaluate_collection`] of the collection folder `dir`, with the
/// defaults of a question run.
pub fn evaluate_dir(dir: &Path, config: &RunConfig) -> Result<Evaluation> {
    let files = find_collection(dir, None, None)?;
    evaluate_collection(&files, config, 0)
}

impl Evaluation {
    /// The figures of the final results over one fold's queries.
    pub fn fold_metrics(&self, fold: usize) -> Metrics {
        let run: HashMap<String, Vec<String>> = self
            .queries
            .iter()
            .zip(&self.results)
            .map(|((qid, _), r)| (qid.clone(), r.iter().map(|x| x.docid.clone()).collect()))
            .collect();
        evaluate(&run, &judged(&self.queries, &self.qrels, Some(fold)))
    }
}
