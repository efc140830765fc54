//! Ingestion benchmark (not a test): ingests every corpus folder in
//! `../shared/corpora` (or `$AKHBAR_CORPORA`) with the library, without
//! building an index, and prints a markdown table per corpus: articles read,
//! indexed, skipped by reason, share with a date, language counts, agreement
//! of the detected language with the records' own `lang` (`ar-ma` counts as
//! `ar`), agreement of the dates found in `samples-raw` pages with the
//! corpus records, time and MB/s.
//!
//! Run with `cargo bench --bench ingest`. Disagreements are sampled on
//! stderr (`AKHBAR_BENCH_SAMPLES=N`, default 3 a corpus).

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

use akhbar::ingest::{ingest_corpus, IngestOptions, Item};
use akhbar::Lang;

/// What a corpus record says about itself.
#[derive(Clone)]
struct Truth {
    date: Option<String>,
    lang: Option<Lang>,
}

#[derive(Default)]
struct Row {
    files: usize,
    bytes: u64,
    indexed: usize,
    dropped: BTreeMap<String, usize>,
    warnings: BTreeMap<String, usize>,
    dated: usize,
    langs: BTreeMap<String, usize>,
    lang_checked: usize,
    lang_agree: usize,
    date_checked: usize,
    date_agree: usize,
    secs: f64,
}

fn main() {
    let dir = std::env::var_os("AKHBAR_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora"));
    if !dir.is_dir() {
        println!(
            "ingest benchmark: no corpora at {} (set AKHBAR_CORPORA to a folder of corpus folders); nothing to do",
            dir.display()
        );
        return;
    }
    let samples: usize = std::env::var("AKHBAR_BENCH_SAMPLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let mut corpora: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    corpora.retain(|p| p.is_dir());
    corpora.sort();

    // The records' own dates and languages, by id, over every corpus.
    let mut truth: HashMap<String, Truth> = HashMap::new();
    for corpus in &corpora {
        load_truth(&corpus.join("articles.jsonl.zst"), &mut truth);
    }

    let mut rows = Vec::new();
    for corpus in &corpora {
        let name = corpus
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // samples-raw: page path → record id, from its MANIFEST.tsv.
        let manifest = load_manifest(&corpus.join("MANIFEST.tsv"));
        let opts = IngestOptions::default();
        let mut row = Row::default();
        let mut shown = 0usize;
        let start = Instant::now();
        let result = ingest_corpus(corpus, &opts, |item| {
            match item {
                Item::File(rel) => {
                    row.files += 1;
                    row.bytes += std::fs::metadata(corpus.join(&rel))
                        .map(|m| m.len())
                        .unwrap_or(0);
                }
                Item::Skip(skip) => {
                    if skip.reason != akhbar::ingest::SkipReason::UnsupportedFileType {
                        let detail: String = skip.to_string().chars().take(300).collect();
                        eprintln!("[{name}] skipped {detail}");
                    }
                    let counts = if skip.reason.drops_item() {
                        &mut row.dropped
                    } else {
                        &mut row.warnings
                    };
                    *counts.entry(skip.reason.label().to_string()).or_default() += 1;
                }
                Item::Article(article) => {
                    row.indexed += 1;
                    row.dated += usize::from(article.date.is_some());
                    *row.langs
                        .entry(article.lang.code().to_string())
                        .or_default() += 1;
                    let id = manifest.get(&article.path).unwrap_or(&article.id);
                    if let Some(t) = truth.get(id) {
                        if let Some(lang) = t.lang {
                            row.lang_checked += 1;
                            if lang == article.lang {
                                row.lang_agree += 1;
                            } else if shown < samples {
                                shown += 1;
                                let head: String = article.body.chars().take(160).collect();
                                eprintln!(
                                    "[{name}] {id}: detected {} (langs {:?}), record says {}: {}",
                                    article.lang,
                                    article.langs,
                                    lang,
                                    head.replace('\n', " ⏎ ")
                                );
                            }
                        }
                        if manifest.contains_key(&article.path) {
                            row.date_checked += 1;
                            let found = article.date.map(|d| d.to_string());
                            if found == t.date {
                                row.date_agree += 1;
                            } else {
                                eprintln!(
                                    "[{name}] {}: date found {found:?}, record says {:?}",
                                    article.path, t.date
                                );
                            }
                        }
                    }
                }
            }
            Ok(())
        });
        row.secs = start.elapsed().as_secs_f64();
        if let Err(e) = result {
            eprintln!("[{name}] ingestion stopped: {e}");
        }
        rows.push((name, row));
    }
    print_table(&rows);
}

fn load_truth(path: &Path, truth: &mut HashMap<String, Truth>) {
    let Ok(file) = std::fs::File::open(path) else {
        return;
    };
    let Ok(decoder) = zstd::stream::read::Decoder::new(file) else {
        return;
    };
    for line in BufReader::new(decoder).lines() {
        let Ok(line) = line else { break };
        let Ok(serde_json::Value::Object(record)) = serde_json::from_str(&line) else {
            continue;
        };
        let text = |k: &str| record.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let Some(id) = text("id") else { continue };
        let lang = text("lang").and_then(|l| l.parse::<Lang>().ok());
        truth.insert(
            id,
            Truth {
                date: text("date"),
                lang,
            },
        );
    }
}

fn load_manifest(path: &Path) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Ok(text) = std::fs::read_to_string(path) else {
        return out;
    };
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [lang, file, _dataset, id, ..] = cols.as_slice() {
            out.insert(format!("{lang}/{file}"), id.to_string());
        }
    }
    out
}

fn percent(n: usize, d: usize) -> String {
    if d == 0 {
        "–".into()
    } else {
        format!("{:.2}%", 100.0 * n as f64 / d as f64)
    }
}

fn counts(map: &BTreeMap<String, usize>) -> String {
    if map.is_empty() {
        return "–".into();
    }
    map.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn print_table(rows: &[(String, Row)]) {
    println!("| corpus | files | articles read | indexed | skipped (by reason) | warnings | with a date | languages | lang agreement | date agreement | time | MB/s |");
    println!("|---|---:|---:|---:|---|---|---:|---|---:|---:|---:|---:|");
    for (name, r) in rows {
        let dropped: usize = r.dropped.values().sum();
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {} ({}) | {} | {:.1}s | {:.1} |",
            r.files,
            r.indexed + dropped,
            r.indexed,
            counts(&r.dropped),
            counts(&r.warnings),
            percent(r.dated, r.indexed),
            counts(&r.langs),
            percent(r.lang_agree, r.lang_checked),
            r.lang_checked,
            if r.date_checked == 0 {
                "–".to_string()
            } else {
                format!(
                    "{} ({})",
                    percent(r.date_agree, r.date_checked),
                    r.date_checked
                )
            },
            r.secs,
            r.bytes as f64 / 1e6 / r.secs.max(1e-9),
        );
    }
}
