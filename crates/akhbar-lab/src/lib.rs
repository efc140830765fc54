//! akhbar's lab: relevance evaluation (`akhbar-eval`), learning (the
//! reranker's weights, the question frames) and the benchmarks. Nothing in
//! the product depends on this crate; it measures the product through the
//! library's own entry points, so its figures are what users get.
//!
//! | module | what it does |
//! |---|---|
//! | [`collection`] | a test collection's files, its corpus indexed in memory |
//! | [`run`] | its queries run through `akhbar::search` (keyword mode) or `akhbar::qa` (question mode) |
//! | [`metrics`] | MRR@10, nDCG@10, Recall@10, Recall@100 |
//! | [`learn`] | the reranker's weights by coordinate ascent, 2-fold cross-validation |
//! | [`wordcount`] | word counts of the Arabic corpora: the root-initial word list, word families |
//! | [`families`] | how an analyzer keeps word families together |
//! | [`frames`] | the question frames' weights |
//! | [`fuzz`] | the readers and the query parser fed mutated real inputs (`akhbar-fuzz`) |

pub mod collection;
pub mod families;
pub mod frames;
pub mod fuzz;
pub mod learn;
pub mod metrics;
pub mod run;
pub mod wordcount;

pub use collection::{
    find_collection, index_corpus, read_qrels, read_queries, CollectionFiles, IndexedCorpus,
    Judgments,
};
pub use learn::{cross_validate, fold_of, learn, mrr_10, rerank_all, samples, Sample};
pub use metrics::{evaluate, mrr_at, ndcg_at, recall_at, Metrics};
pub use run::{
    evaluate_collection, run_first_stage, run_queries, trec_run, Evaluation, FirstStage, Mode,
    Ranked, RunConfig,
};
