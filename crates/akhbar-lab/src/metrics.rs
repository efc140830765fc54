//! The figures of a run: MRR@10, nDCG@10 (trec_eval's `ndcg_cut`),
//! Recall@10 and Recall@100.
//!
//! ```
//! use akhbar_lab::{mrr_at, Judgments};
//! let rels: Judgments = [("d2".to_string(), 1)].into_iter().collect();
//! let run = ["d1".to_string(), "d2".to_string()];
//! assert_eq!(mrr_at(&run, &rels, 10), 0.5);
//! ```

use std::collections::HashMap;

use crate::collection::Judgments;

/// Reciprocal rank of the first relevant document within the top `k`.
pub fn mrr_at(run: &[String], rels: &Judgments, k: usize) -> f64 {
    run.iter()
        .take(k)
        .position(|d| rels.get(d).is_some_and(|&r| r > 0))
        .map_or(0.0, |i| 1.0 / (i as f64 + 1.0))
}

/// Fraction of the relevant documents found in the top `k`.
pub fn recall_at(run: &[String], rels: &Judgments, k: usize) -> f64 {
    let relevant = rels.values().filter(|&&r| r > 0).count();
    if relevant == 0 {
        return 0.0;
    }
    let found = run
        .iter()
        .take(k)
        .filter(|d| rels.get(*d).is_some_and(|&r| r > 0))
        .count();
    found as f64 / relevant as f64
}

/// nDCG at `k` with trec_eval's definition (`ndcg_cut`): gain = grade,
/// discount = log2(rank + 1), normalised by the ideal ordering of the
/// judged grades.
pub fn ndcg_at(run: &[String], rels: &Judgments, k: usize) -> f64 {
    let dcg: f64 = run
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, d)| f64::from(rels.get(d).copied().unwrap_or(0)) / (i as f64 + 2.0).log2())
        .sum();
    let mut ideal: Vec<u32> = rels.values().copied().filter(|&r| r > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, &r)| f64::from(r) / (i as f64 + 2.0).log2())
        .sum();
    if idcg == 0.0 {
        0.0
    } else {
        dcg / idcg
    }
}

/// The mean figures of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Metrics {
    /// Queries evaluated (those with at least one relevant document).
    pub queries: usize,
    pub mrr_10: f64,
    pub ndcg_10: f64,
    pub recall_10: f64,
    pub recall_100: f64,
}

/// Scores a run (ranked docids per qid) against qrels: the mean over every
/// query of `qrels` with a relevant document (a query without results
/// counts as 0).
pub fn evaluate(run: &HashMap<String, Vec<String>>, qrels: &HashMap<String, Judgments>) -> Metrics {
    let mut m = Metrics::default();
    let empty = Vec::new();
    for (qid, rels) in qrels {
        if !rels.values().any(|&r| r > 0) {
            continue;
        }
        let ranked = run.get(qid).unwrap_or(&empty);
        m.queries += 1;
        m.mrr_10 += mrr_at(ranked, rels, 10);
        m.ndcg_10 += ndcg_at(ranked, rels, 10);
        m.recall_10 += recall_at(ranked, rels, 10);
        m.recall_100 += recall_at(ranked, rels, 100);
    }
    if m.queries > 0 {
        let n = m.queries as f64;
        m.mrr_10 /= n;
        m.ndcg_10 /= n;
        m.recall_10 /= n;
        m.recall_100 /= n;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rels(pairs: &[(&str, u32)]) -> Judgments {
        pairs.iter().map(|(d, r)| (d.to_string(), *r)).collect()
    }

    fn run(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn mrr() {
        let r = rels(&[("b", 1), ("c", 1)]);
        assert!(close(mrr_at(&run(&["a", "b", "c"]), &r, 10), 0.5));
        assert!(close(mrr_at(&run(&["c"]), &r, 10), 1.0));
        assert!(close(mrr_at(&run(&["a", "b"]), &r, 1), 0.0));
        assert!(close(mrr_at(&run(&[]), &r, 10), 0.0));
        // A judged but non-relevant document does not count.
        let r = rels(&[("a", 0), ("b", 1)]);
        assert!(close(mrr_at(&run(&["a", "x", "b"]), &r, 10), 1.0 / 3.0));
    }

    #[test]
    fn ndcg_binary() {
        let r = rels(&[("b", 1)]);
        // Relevant at rank 2: 1/log2(3).
        assert!(close(ndcg_at(&run(&["a", "b"]), &r, 10), 1.0 / 3f64.log2()));
        assert!(close(ndcg_at(&run(&["b", "a"]), &r, 10), 1.0));
        assert!(close(ndcg_at(&run(&["a", "b"]), &r, 1), 0.0));
        // Two relevant, found at ranks 1 and 3: (1 + 1/2) / (1 + 1/log2(3)).
        let r = rels(&[("a", 1), ("c", 1)]);
        let want = (1.0 + 0.5) / (1.0 + 1.0 / 3f64.log2());
        assert!(close(ndcg_at(&run(&["a", "b", "c"]), &r, 10), want));
    }

    #[test]
    fn ndcg_graded() {
        let r = rels(&[("a", 1), ("b", 2), ("c", 0)]);
        // Run a, b: DCG = 1/1 + 2/log2(3); ideal b, a: 2/1 + 1/log2(3).
        let dcg = 1.0 + 2.0 / 3f64.log2();
        let idcg = 2.0 + 1.0 / 3f64.log2();
        assert!(close(ndcg_at(&run(&["a", "b"]), &r, 10), dcg / idcg));
        assert!(close(ndcg_at(&run(&["b", "a", "c"]), &r, 10), 1.0));
        assert!(close(ndcg_at(&run(&["c"]), &r, 10), 0.0));
    }

    #[test]
    fn recall() {
        let r = rels(&[("a", 1), ("b", 1), ("c", 0)]);
        assert!(close(recall_at(&run(&["a", "x", "c"]), &r, 10), 0.5));
        assert!(close(recall_at(&run(&["x", "a", "b"]), &r, 2), 0.5));
        assert!(close(recall_at(&run(&["b", "a"]), &r, 100), 1.0));
        assert!(close(recall_at(&run(&["a"]), &rels(&[]), 10), 0.0));
    }

    #[test]
    fn mean_over_judged_queries() {
        let qrels: HashMap<String, Judgments> = [
            ("q1".to_string(), rels(&[("a", 1)])),
            ("q2".to_string(), rels(&[("b", 1)])),
            ("q3".to_string(), rels(&[("c", 0)])),
        ]
        .into_iter()
        .collect();
        let results: HashMap<String, Vec<String>> = [
            ("q1".to_string(), run(&["a"])),
            ("q3".to_string(), run(&["c"])),
        ]
        .into_iter()
        .collect();
        let m = evaluate(&results, &qrels);
        assert_eq!(m.queries, 2);
        assert!(close(m.mrr_10, 0.5));
        assert!(close(m.recall_100, 0.5));
    }
}
