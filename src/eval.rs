//! Relevance evaluation: a test collection (corpus, queries, TREC qrels),
//! indexed the way akhbar indexes any corpus, searched with akhbar's
//! ranking, and scored with MRR@10, nDCG@10, Recall@10 and Recall@100.
//!
//! A collection folder holds `corpus.jsonl[.gz|.zst]` (`{"id", "title",
//! "body"}` records; the `id` is what the qrels name), `queries*.tsv`
//! (`qid<TAB>text`) and `qrels*.tsv` (TREC: `qid 0 docid relevance`).
//!
//! ```
//! use akhbar::eval::{mrr_at, Judgments};
//! let rels: Judgments = [("d2".to_string(), 1)].into_iter().collect();
//! let run = ["d1".to_string(), "d2".to_string()];
//! assert_eq!(mrr_at(&run, &rels, 10), 0.5);
//! ```

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use crate::analysis::AnalysisOptions;
use crate::error::{Error, Result};
use crate::index::open::create_in_ram;
use crate::index::writer::{ArticleWriter, WriterOptions};
use crate::index::AkhbarIndex;
use crate::ingest::{ingest_file, IngestOptions, Item};
use crate::lang::Lang;
pub use crate::search::query::plain_words;
use crate::search::query::{self, QueryCompiler, Weights};
use crate::search::rerank::{
    learn, rerank_order, Features, RerankModel, Reranker, Sample, FEATURES,
};

/// The judged documents of one query: docid → relevance grade (> 0 is
/// relevant).
pub type Judgments = HashMap<String, u32>;

/// The files of a test collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionFiles {
    pub corpus: PathBuf,
    pub queries: PathBuf,
    pub qrels: PathBuf,
}

/// Finds the files of the collection in `dir`: `corpus.jsonl[.gz|.zst]`,
/// and the one `queries*.tsv` and one `qrels*.tsv` unless given.
pub fn find_collection(
    dir: &Path,
    queries: Option<&Path>,
    qrels: Option<&Path>,
) -> Result<CollectionFiles> {
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{} is not a folder: give the folder of a test collection",
            dir.display()
        )));
    }
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    names.sort();
    let name_of = |p: &PathBuf| {
        p.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string()
    };
    let corpus = ["corpus.jsonl", "corpus.jsonl.gz", "corpus.jsonl.zst"]
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            Error::Usage(format!(
                "no corpus.jsonl, corpus.jsonl.gz or corpus.jsonl.zst in {}",
                dir.display()
            ))
        })?;
    let pick = |given: Option<&Path>, prefix: &str, flag: &str| -> Result<PathBuf> {
        if let Some(p) = given {
            return Ok(p.to_path_buf());
        }
        let found: Vec<&PathBuf> = names
            .iter()
            .filter(|p| {
                let n = name_of(p);
                n.starts_with(prefix) && n.ends_with(".tsv")
            })
            .collect();
        match found.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(Error::Usage(format!(
                "no {prefix}*.tsv in {}: name the file with {flag}",
                dir.display()
            ))),
            _ => Err(Error::Usage(format!(
                "{} {prefix}*.tsv files in {}: choose one with {flag}",
                found.len(),
                dir.display()
            ))),
        }
    };
    Ok(CollectionFiles {
        corpus,
        queries: pick(queries, "queries", "--queries")?,
        qrels: pick(qrels, "qrels", "--qrels")?,
    })
}

fn lines(path: &Path) -> Result<Vec<String>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    std::io::BufReader::new(file)
        .lines()
        .collect::<std::io::Result<Vec<String>>>()
        .map_err(|e| Error::io(path, e))
}

/// Reads `qid<TAB>text` lines, in file order (blank lines skipped).
pub fn read_queries(path: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (i, line) in lines(path)?.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (qid, text) = line.split_once('\t').ok_or_else(|| {
            Error::Usage(format!(
                "{}:{}: expected `qid<TAB>query`",
                path.display(),
                i + 1
            ))
        })?;
        out.push((qid.trim().to_string(), text.trim().to_string()));
    }
    Ok(out)
}

/// Reads TREC qrels (`qid iter docid rel`, whitespace-separated).
pub fn read_qrels(path: &Path) -> Result<HashMap<String, Judgments>> {
    let mut out: HashMap<String, Judgments> = HashMap::new();
    for (i, line) in lines(path)?.iter().enumerate() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.is_empty() {
            continue;
        }
        let bad = || {
            Error::Usage(format!(
                "{}:{}: expected TREC qrels `qid 0 docid relevance`",
                path.display(),
                i + 1
            ))
        };
        if parts.len() != 4 {
            return Err(bad());
        }
        let rel: i64 = parts[3].parse().map_err(|_| bad())?;
        out.entry(parts[0].to_string())
            .or_default()
            .insert(parts[2].to_string(), rel.max(0) as u32);
    }
    Ok(out)
}

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

/// What was indexed.
#[derive(Debug, Clone, Default)]
pub struct IndexedCorpus {
    pub articles: usize,
    pub skipped: usize,
    /// Articles per dominant language (`fr`, `ar`, ...).
    pub by_lang: Vec<(String, usize)>,
}

/// Indexes a corpus file into a new in-memory index, with language detected
/// per passage as for any corpus.
pub fn index_corpus(corpus: &Path, opts: AnalysisOptions) -> Result<(AkhbarIndex, IndexedCorpus)> {
    let index = create_in_ram(opts)?;
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(2);
    let mut writer = ArticleWriter::new(
        &index,
        &WriterOptions {
            threads,
            memory_bytes: WriterOptions::MIN_MEMORY,
        },
    )?;
    let dir = corpus.parent().unwrap_or(Path::new("."));
    let mut by_lang: HashMap<String, usize> = HashMap::new();
    ingest_file(dir, corpus, &IngestOptions::default(), &mut |item| {
        match item {
            Item::File(file) => writer.begin_file(&file)?,
            Item::Article(article) => {
                *by_lang.entry(article.lang.code().to_string()).or_default() += 1;
                writer.add(&article)?
            }
            Item::Skip(skip) => writer.skip(skip),
        }
        Ok(())
    })?;
    let summary = writer.commit(true)?;
    let mut by_lang: Vec<(String, usize)> = by_lang.into_iter().collect();
    by_lang.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let report = IndexedCorpus {
        articles: summary.articles_indexed,
        skipped: summary.skipped.len(),
        by_lang,
    };
    Ok((index, report))
}

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

/// Learns question-frame weights (see [`crate::analysis::frames`]) from
/// the queries of `learning.fold` of the collections `dirs`: for each
/// analysed question stem, how often the relevant passage holds it.
/// Questions are analysed in their relevant passage's language, as plain
/// words without question words.
pub fn learn_frames(dirs: &[PathBuf], learning: &FrameLearning) -> Result<Vec<FrameWeight>> {
    use crate::analysis::{question_terms, terms};
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

/// The table of [`crate::analysis::frames`]: `lang stem weight questions
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

/// One ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub docid: String,
    pub score: f32,
}

/// Runs every query (as plain words, see [`plain_words`]) and returns the
/// top `depth` per query, in query order; `threads` searches in parallel.
/// With `weights.rerank` on, the top hits are reranked.
pub fn run_queries(
    index: &AkhbarIndex,
    queries: &[(String, String)],
    opts: AnalysisOptions,
    weights: Weights,
    depth: usize,
    threads: usize,
) -> Result<Vec<Vec<Ranked>>> {
    let first = run_first_stage(
        index,
        queries,
        opts,
        weights,
        depth,
        weights.rerank.depth,
        threads,
    )?;
    Ok(rerank_all(&weights.rerank, &first.results, &first.features))
}

/// The first stage's results of every query, with the reranker's features
/// of each query's top `feature_depth` hits.
#[derive(Debug, Clone, Default)]
pub struct FirstStage {
    pub results: Vec<Vec<Ranked>>,
    pub features: Vec<Vec<Features>>,
    /// Thread-seconds spent computing features (reading the stored text
    /// and analysing it).
    pub feature_secs: f64,
}

/// Runs every query's first stage (top `depth`) and computes the features
/// of the top `feature_depth` hits (none when 0).
pub fn run_first_stage(
    index: &AkhbarIndex,
    queries: &[(String, String)],
    opts: AnalysisOptions,
    weights: Weights,
    depth: usize,
    feature_depth: usize,
    threads: usize,
) -> Result<FirstStage> {
    let reader = index.index.reader()?;
    let searcher = reader.searcher();
    let ids = docids(&searcher, index)?;
    let threads = threads.max(1);
    let chunk = queries.len().div_ceil(threads).max(1);
    type Part = (Vec<Vec<Ranked>>, Vec<Vec<Features>>, f64);
    let results: Vec<Result<Part>> = std::thread::scope(|scope| {
        let handles: Vec<_> = queries
            .chunks(chunk)
            .map(|part| {
                let searcher = &searcher;
                let ids = &ids;
                scope.spawn(move || -> Result<Part> {
                    let mut compiler =
                        QueryCompiler::new(&index.fields, opts, weights).with_vocabulary(searcher);
                    let mut reranker = Reranker::new(opts, &weights);
                    let top = TopDocs::with_limit(depth.max(1)).order_by_score();
                    let mut out = Vec::with_capacity(part.len());
                    let mut features = Vec::with_capacity(part.len());
                    let mut secs = 0.0;
                    for (_, text) in part {
                        let words = plain_words(text);
                        let parsed = match query::parse_words(&words) {
                            Ok(p) => p,
                            Err(_) => {
                                out.push(Vec::new());
                                features.push(Vec::new());
                                continue;
                            }
                        };
                        let compiled = compiler.compile(&parsed, &[]);
                        let rewrites = compiler.take_rewrites();
                        let compiled = match compiled {
                            Ok(q) => q,
                            Err(_) => {
                                out.push(Vec::new());
                                features.push(Vec::new());
                                continue;
                            }
                        };
                        let hits: Vec<(f32, DocAddress)> = searcher.search(&compiled, &top)?;
                        let start = std::time::Instant::now();
                        let k = feature_depth.min(hits.len());
                        features.push(if k > 0 {
                            reranker.candidate_features(
                                searcher,
                                &index.fields,
                                &words,
                                &rewrites,
                                &hits[..k],
                                if weights.rerank.is_on() {
                                    weights.rerank.body_bytes
                                } else {
                                    RerankModel::LEARNED.body_bytes
                                },
                            )?
                        } else {
                            Vec::new()
                        });
                        secs += start.elapsed().as_secs_f64();
                        out.push(
                            hits.into_iter()
                                .map(|(score, a)| Ranked {
                                    docid: ids[a.segment_ord as usize][a.doc_id as usize].clone(),
                                    score,
                                })
                                .collect(),
                        );
                    }
                    Ok((out, features, secs))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a search thread panicked"))
            .collect()
    });
    let mut all = FirstStage::default();
    for part in results {
        let (results, features, secs) = part?;
        all.results.extend(results);
        all.features.extend(features);
        all.feature_secs += secs;
    }
    Ok(all)
}

/// Reorders every query's results by `model` (see
/// [`rerank_order`]); the reranked hits get decreasing scores above the
/// rest, so a TREC run sorted by score keeps the order.
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
            let depth = model.depth.min(features.len()).min(ranked.len());
            let floor = ranked.get(depth).map_or(0.0, |r| r.score);
            order
                .iter()
                .enumerate()
                .map(|(rank, &i)| Ranked {
                    docid: ranked[i].docid.clone(),
                    score: if rank < depth {
                        floor + (depth - rank) as f32
                    } else {
                        ranked[i].score
                    },
                })
                .collect()
        })
        .collect()
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
    active: &[bool; FEATURES],
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

/// The stored `id` of every document, by segment and doc id.
fn docids(searcher: &Searcher, index: &AkhbarIndex) -> Result<Vec<Vec<String>>> {
    let mut out = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let mut ids = Vec::with_capacity(segment.max_doc() as usize);
        for doc_id in 0..segment.max_doc() {
            let doc: TantivyDocument = searcher.doc(DocAddress::new(ord as u32, doc_id))?;
            let id = doc
                .get_first(index.fields.id)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string();
            ids.push(id);
        }
        out.push(ids);
    }
    Ok(out)
}

/// A TREC run file: `qid Q0 docid rank score tag`, one line per result.
pub fn trec_run(queries: &[(String, String)], results: &[Vec<Ranked>], tag: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for ((qid, _), ranked) in queries.iter().zip(results) {
        for (i, r) in ranked.iter().enumerate() {
            let _ = writeln!(out, "{qid} Q0 {} {} {:.6} {tag}", r.docid, i + 1, r.score);
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
    /// The final results (reranked when the weights say so).
    pub results: Vec<Vec<Ranked>>,
    /// The first stage's results and the features of its top hits.
    pub first: FirstStage,
    /// The judgments of the queries asked.
    pub qrels: HashMap<String, Judgments>,
    pub index_secs: f64,
    /// Wall-clock time of every search, reranking included.
    pub search_secs: f64,
    /// The size of the index (every segment file, stored fields included).
    pub index_bytes: u64,
}

/// Indexes the collection, runs its queries (top 100) and scores them.
pub fn evaluate_collection(
    files: &CollectionFiles,
    opts: AnalysisOptions,
    weights: Weights,
    threads: usize,
) -> Result<Evaluation> {
    evaluate_collection_with(files, opts, weights, threads, weights.rerank.depth)
}

/// [`evaluate_collection`], computing the reranker's features of each
/// query's top `feature_depth` hits (at least the reranker's depth), for
/// learning.
pub fn evaluate_collection_with(
    files: &CollectionFiles,
    opts: AnalysisOptions,
    weights: Weights,
    threads: usize,
    feature_depth: usize,
) -> Result<Evaluation> {
    let queries = read_queries(&files.queries)?;
    let qrels = read_qrels(&files.qrels)?;
    let start = std::time::Instant::now();
    let (index, corpus) = index_corpus(&files.corpus, opts)?;
    let index_secs = start.elapsed().as_secs_f64();
    let index_bytes = index
        .index
        .reader()?
        .searcher()
        .space_usage()
        .map_err(|e| Error::Tantivy(e.into()))?
        .total()
        .get_bytes();
    let start = std::time::Instant::now();
    let first = run_first_stage(
        &index,
        &queries,
        opts,
        weights,
        100,
        feature_depth.max(weights.rerank.depth),
        threads,
    )?;
    let results = rerank_all(&weights.rerank, &first.results, &first.features);
    let search_secs = start.elapsed().as_secs_f64();
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

    #[test]
    fn plain_words_drop_operators() {
        assert_eq!(
            plain_words("Qu'est-ce que \"la\" convention (de Budapest) ?"),
            "Qu'est ce que la convention de Budapest"
        );
        assert_eq!(plain_words("- من الذي أسس؟"), "من الذي أسس");
        assert_eq!(
            plain_words("paix OR guerre: title:x*"),
            "paix or guerre title x"
        );
    }
}
