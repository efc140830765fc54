//! Learning the question frames of [`akhbar::qa::frame_weight`] from the
//! development queries (`akhbar-eval --learn-frames DIR...`, whose output is
//! the library's `data/question_frames.tsv`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use akhbar::ingest::{ingest_file, IngestOptions, Item};
use akhbar::lang::Lang;
use akhbar::search::plain_words;
use akhbar::Result;

use crate::collection::{find_collection, read_qrels, read_queries};
use crate::learn::fold_of;

/// How question frames are learned ([`learn_frames`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameLearning {
    /// The prior, in questions, that shrinks a stem's share of relevant
    /// passages holding it towards the share of all stems.
    pub prior: f64,
    /// Stems of fewer questions get no weight (they weigh 1).
    pub min_questions: usize,
    /// The lowest weight.
    pub floor: f64,
    /// The fold whose queries are learned from.
    pub fold: usize,
}

impl Default for FrameLearning {
    fn default() -> Self {
        FrameLearning {
            prior: 3.0,
            min_questions: 3,
            floor: 0.1,
            fold: 0,
        }
    }
}

/// One stem's learned frame weight.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameWeight {
    pub lang: Lang,
    pub stem: String,
    pub weight: f64,
    /// Questions holding the stem.
    pub questions: usize,
    /// Of those, the ones whose relevant passage holds it too.
    pub found: usize,
}

/// Learns question-frame weights (see [`akhbar::qa::frame_weight`]) from
/// the queries of `learning.fold` of the collections `dirs`: for each
/// analysed question stem, how often the relevant passage holds it.
/// Questions are analysed in their relevant passage's language, as plain
/// words without question words.
pub fn learn_frames(dirs: &[PathBuf], learning: &FrameLearning) -> Result<Vec<FrameWeight>> {
    use akhbar::analysis::terms;
    use akhbar::qa::question_terms;
    use std::collections::HashSet;
    // (lang, stem) -> (questions, found)
    let mut counts: HashMap<(Lang, String), (usize, usize)> = HashMap::new();
    for dir in dirs {
        let files = find_collection(dir, None, None)?;
        let queries = read_queries(&files.queries)?;
        let qrels = read_qrels(&files.qrels)?;
        let mut wanted: HashMap<String, Vec<usize>> = HashMap::new();
        for (q, (qid, _)) in queries.iter().enumerate() {
            if fold_of(qid) != learning.fold {
                continue;
            }
            for (doc, grade) in qrels.get(qid).into_iter().flatten() {
                if *grade > 0 {
                    wanted.entry(doc.clone()).or_default().push(q);
                }
            }
        }
        // The relevant passages' stems, and their language.
        let mut passages: HashMap<String, (Lang, HashSet<String>)> = HashMap::new();
        let corpus_dir = files.corpus.parent().unwrap_or(Path::new("."));
        ingest_file(
            corpus_dir,
            &files.corpus,
            &IngestOptions::default(),
            &mut |item| {
                if let Item::Article(article) = item {
                    if wanted.contains_key(&article.id) {
                        let text = format!("{}\n{}", article.title, article.body);
                        let set = terms(article.lang, &text).into_iter().collect();
                        passages.insert(article.id.clone(), (article.lang, set));
                    }
                }
                Ok(())
            },
        )?;
        let mut done: HashSet<usize> = HashSet::new();
        for (doc, qs) in &wanted {
            let Some((lang, held)) = passages.get(doc) else {
                continue;
            };
            for &q in qs {
                if !done.insert(q) {
                    continue;
                }
                let words = plain_words(&queries[q].1);
                let mut seen = HashSet::new();
                for stem in question_terms(*lang, &words) {
                    if seen.insert(stem.clone()) {
                        let c = counts.entry((*lang, stem.clone())).or_default();
                        c.0 += 1;
                        c.1 += usize::from(held.contains(&stem));
                    }
                }
            }
        }
    }
    // The share of all stems found, per language.
    let mut totals: HashMap<Lang, (usize, usize)> = HashMap::new();
    for ((lang, _), (n, f)) in &counts {
        let t = totals.entry(*lang).or_default();
        t.0 += n;
        t.1 += f;
    }
    let mut out: Vec<FrameWeight> = counts
        .into_iter()
        .filter(|(_, (n, _))| *n >= learning.min_questions)
        .filter_map(|((lang, stem), (n, f))| {
            let (tn, tf) = totals.get(&lang).copied().unwrap_or((1, 1));
            let base = tf as f64 / tn.max(1) as f64;
            let share = (f as f64 + learning.prior * base) / (n as f64 + learning.prior);
            let weight = (share / base).clamp(learning.floor, 1.0);
            (weight < 0.999).then_some(FrameWeight {
                lang,
                stem,
                weight,
                questions: n,
                found: f,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.lang
            .code()
            .cmp(b.lang.code())
            .then(a.weight.total_cmp(&b.weight))
            .then(a.stem.cmp(&b.stem))
    });
    Ok(out)
}

/// The table of [`akhbar::qa::frame_weight`]: `lang stem weight questions
/// found`, tab-separated, after a `#` header saying how it was made.
pub fn frames_table(weights: &[FrameWeight], dirs: &[PathBuf], learning: &FrameLearning) -> String {
    use std::fmt::Write;
    let names: Vec<String> = dirs
        .iter()
        .map(|d| {
            d.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| d.display().to_string())
        })
        .collect();
    let mut out = format!(
        "# Question frames learned by `akhbar-eval --learn-frames` from fold {} of {} \
         (prior {}, at least {} questions, floor {}).\n\
         # lang\tstem\tweight\tquestions\tfound\n",
        learning.fold,
        names.join(", "),
        learning.prior,
        learning.min_questions,
        learning.floor
    );
    for w in weights {
        let _ = writeln!(
            out,
            "{}\t{}\t{:.3}\t{}\t{}",
            w.lang.code(),
            w.stem,
            w.weight,
            w.questions,
            w.found
        );
    }
    out
}
