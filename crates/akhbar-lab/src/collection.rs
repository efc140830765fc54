//! A test collection: a folder holding `corpus.jsonl[.gz|.zst]` (`{"id",
//! "title", "body"}` records; the `id` is what the qrels name),
//! `queries*.tsv` (`qid<TAB>text`) and `qrels*.tsv` (TREC: `qid 0 docid
//! relevance`), and its corpus indexed the way akhbar indexes any corpus.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use akhbar::analysis::AnalysisOptions;
use akhbar::index::create_in_ram;
use akhbar::index::AkhbarIndex;
use akhbar::index::{ArticleWriter, WriterOptions};
use akhbar::ingest::{ingest_file, IngestOptions, Item};
use akhbar::{Error, Result};

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
            Item::Skip(skip) => writer.skip(skip)?,
        }
        Ok(())
    })?;
    let summary = writer.commit(true)?;
    let mut by_lang: Vec<(String, usize)> = by_lang.into_iter().collect();
    by_lang.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let report = IndexedCorpus {
        articles: summary.articles_indexed,
        skipped: summary.skips_total(),
        by_lang,
    };
    Ok((index, report))
}
