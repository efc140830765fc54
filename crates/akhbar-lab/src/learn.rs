//! Learning the reranker's weights: coordinate ascent on MRR@10 over the
//! features of each query's candidates, and 2-fold cross-validation.

use std::collections::HashMap;

use akhbar::qa::rerank_order;
use akhbar::qa::{Feature, Features, RerankModel};

use crate::collection::Judgments;
use crate::metrics::{evaluate, Metrics};
use crate::run::{FirstStage, Ranked};

/// One query's candidates for learning: their features (first-stage
/// order) and which are relevant.
#[derive(Debug, Clone, Default)]
pub struct Sample {
    pub features: Vec<Features>,
    pub relevant: Vec<bool>,
}

/// MRR@10 of `weights` over `samples` (a sample without a relevant
/// candidate counts 0).
pub fn mrr_10(weights: &Features, samples: &[Sample]) -> f64 {
    let model = RerankModel {
        depth: usize::MAX,
        body_bytes: 0,
        weights: *weights,
    };
    let mut total = 0.0;
    let mut scores = Vec::new();
    for s in samples {
        scores.clear();
        scores.extend(s.features.iter().map(|f| model.score(f)));
        let mut best_rank = usize::MAX;
        for (i, _) in s.relevant.iter().enumerate().filter(|(_, r)| **r) {
            let rank = scores
                .iter()
                .enumerate()
                .filter(|&(j, &x)| x > scores[i] || (x == scores[i] && j < i))
                .count();
            best_rank = best_rank.min(rank);
        }
        if best_rank < 10 {
            total += 1.0 / (best_rank as f64 + 1.0);
        }
    }
    total / samples.len().max(1) as f64
}

/// Learns weights by coordinate ascent on MRR@10: the `bm25` weight stays 1,
/// every other weight in turn moves to the best of a set of steps around
/// its value, until a round improves nothing (at most `rounds` rounds).
/// Only features in `active` move.
pub fn learn(samples: &[Sample], active: &[Feature], rounds: usize) -> Features {
    // Queries without a relevant candidate cannot change: leave them out.
    let useful: Vec<Sample> = samples
        .iter()
        .filter(|s| s.relevant.iter().any(|r| *r))
        .cloned()
        .collect();
    let mut w = RerankModel::BM25.weights;
    let mut best = mrr_10(&w, &useful);
    const STEPS: [f32; 16] = [
        -2.0, -1.0, -0.5, -0.2, -0.1, -0.05, -0.02, -0.01, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0,
        2.0,
    ];
    for _ in 0..rounds {
        let mut improved = false;
        for &i in &Feature::ALL[1..] {
            if !active.contains(&i) {
                continue;
            }
            let current = w[i];
            let mut best_value = current;
            for step in STEPS.iter().map(|s| current + s).chain([0.0]) {
                w[i] = step;
                let m = mrr_10(&w, &useful);
                if m > best + 1e-7 {
                    best = m;
                    best_value = step;
                    improved = true;
                }
            }
            w[i] = best_value;
        }
        if !improved {
            break;
        }
    }
    w
}

/// The fold (0 or 1) of a query in 2-fold cross-validation: a bit of a
/// hash of its id (FNV-1a), stable across runs and collections.
pub fn fold_of(qid: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in qid.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    ((h >> 32) & 1) as usize
}

/// The learning samples of the queries whose fold is `fold` (every query
/// with `None`): their features and which candidates are relevant.
pub fn samples(
    queries: &[(String, String)],
    first: &FirstStage,
    qrels: &HashMap<String, Judgments>,
    fold: Option<usize>,
) -> Vec<Sample> {
    let empty = Judgments::new();
    queries
        .iter()
        .enumerate()
        .filter(|(_, (qid, _))| fold.is_none_or(|f| fold_of(qid) == f))
        .map(|(q, (qid, _))| {
            let rels = qrels.get(qid).unwrap_or(&empty);
            let features = first.features.get(q).cloned().unwrap_or_default();
            let relevant = first.results[q]
                .iter()
                .take(features.len())
                .map(|r| rels.get(&r.docid).is_some_and(|&g| g > 0))
                .collect();
            Sample { features, relevant }
        })
        .collect()
}

/// 2-fold cross-validation of the reranker: weights learned on each fold's
/// queries ([`learn`]) rerank the other fold's; returns the figures of that
/// held-out run over every query, and the weights learned on folds 0 and 1.
pub fn cross_validate(
    queries: &[(String, String)],
    first: &FirstStage,
    qrels: &HashMap<String, Judgments>,
    depth: usize,
    active: &[Feature],
) -> (Metrics, [Features; 2]) {
    let learned = [0, 1].map(|fold| learn(&samples(queries, first, qrels, Some(fold)), active, 10));
    let mut run: HashMap<String, Vec<String>> = HashMap::new();
    for (q, (qid, _)) in queries.iter().enumerate() {
        let model = RerankModel {
            depth,
            body_bytes: RerankModel::LEARNED.body_bytes,
            weights: learned[1 - fold_of(qid)],
        };
        let reranked = rerank_all(
            &model,
            std::slice::from_ref(&first.results[q]),
            std::slice::from_ref(&first.features[q]),
        );
        let ids = reranked
            .into_iter()
            .next()
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.docid)
            .collect();
        run.insert(qid.clone(), ids);
    }
    (evaluate(&run, &judged(queries, qrels, None)), learned)
}

/// The qrels of the queries asked (of one fold, or all with `None`).
pub fn judged(
    queries: &[(String, String)],
    qrels: &HashMap<String, Judgments>,
    fold: Option<usize>,
) -> HashMap<String, Judgments> {
    let asked: std::collections::HashSet<&str> = queries
        .iter()
        .map(|(q, _)| q.as_str())
        .filter(|q| fold.is_none_or(|f| fold_of(q) == f))
        .collect();
    qrels
        .iter()
        .filter(|(q, _)| asked.contains(String::as_str(q)))
        .map(|(q, j)| (q.clone(), j.clone()))
        .collect()
}

/// Reorders every query's results by `model` (see [`rerank_order`]); each
/// hit keeps its first-stage score, as `akhbar::qa::answer` gives them.
pub fn rerank_all(
    model: &RerankModel,
    results: &[Vec<Ranked>],
    features: &[Vec<Features>],
) -> Vec<Vec<Ranked>> {
    let empty = Vec::new();
    results
        .iter()
        .enumerate()
        .map(|(q, ranked)| {
            let features = features.get(q).unwrap_or(&empty);
            if !model.is_on() || features.is_empty() {
                return ranked.clone();
            }
            let order = rerank_order(model, features, ranked.len());
            // As the product does: the new order, each hit with its
            // first-stage score.
            order.iter().map(|&i| ranked[i].clone()).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinate_ascent_finds_the_useful_feature() {
        // The relevant candidate is second by bm25 but first by `sentence`.
        let mut samples = Vec::new();
        for k in 0..20 {
            let mut top = Features::ZERO;
            top[Feature::Bm25] = 1.0;
            top[Feature::Sentence] = 0.2 + 0.01 * k as f32;
            let mut rel = Features::ZERO;
            rel[Feature::Bm25] = 0.9;
            rel[Feature::Sentence] = 0.9;
            samples.push(Sample {
                features: vec![top, rel],
                relevant: vec![false, true],
            });
        }
        let before = mrr_10(&RerankModel::BM25.weights, &samples);
        assert!((before - 0.5).abs() < 1e-9);
        let w = learn(&samples, &Feature::ALL, 5);
        assert!(w[Feature::Sentence] > 0.0, "{w:?}");
        assert!((mrr_10(&w, &samples) - 1.0).abs() < 1e-9);
    }
}
