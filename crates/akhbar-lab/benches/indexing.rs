//! Indexing benchmark (issue 6): throughput, peak memory and index size of a
//! full build of every corpus, against Lucene (Anserini) on the same machine
//! in the same run, and the scale curve at 10k / 100k / 1M articles.
//!
//! `cargo build --release -p akhbar-cli && cargo bench --bench indexing`
//!
//! Environment:
//! - `AKHBAR_CORPORA`: the corpora folder (default `../shared/corpora` from
//!   the crate root). Missing: a message, exit 0.
//! - `AKHBAR_BENCH_DIR`: work folder (default `/tmp/akhbar-bench`).
//! - `AKHBAR_BENCH_RUNS`: runs per measurement, best reported (default 2).
//! - `AKHBAR_BENCH_LUCENE=0`: skip the Lucene anchor (`bench/lucene.sh`).
//! - `AKHBAR_BENCH_SCALE`: article counts of the scale curve (default
//!   `10000,100000,1000000`; `0` skips it). `AKHBAR_BENCH_SCALE_RUNS`: runs
//!   for the largest size (default 1; the others use `AKHBAR_BENCH_RUNS`).
//! - `AKHBAR_BENCH_CORPORA=0`: skip the per-corpus section (scale curve only).
//! - `AKHBAR_BENCH_MEMORY`: `--memory` MB given to akhbar-index (default:
//!   none, i.e. akhbar's default budget of 768 MB).
//!
//! What is measured: the release `akhbar-index CORPUS --index OUT --full
//! --quiet` as a child process; wall time around it, peak resident memory
//! from `/usr/bin/time -f %M` (the child's max RSS), index size with `du`.
//! MB/s is over the *uncompressed JSON Lines bytes* of the corpus (all fields),
//! the same numerator for akhbar and Lucene. akhbar reads the `.zst` as it is
//! shipped (decompression included); it is also timed on the uncompressed
//! `.jsonl`. Lucene reads uncompressed `{"id","contents": title\nbody}` lines.
//!
//! The scale corpora (mixed fr/ar) repeat orangesum-fr, ant-multisource-ar and
//! saudinewsnet-ar round-robin, with ids `orig-id#k` and dates shifted by
//! `k` days on the k-th repetition, written as `.jsonl.zst` parts of 100k
//! articles; their indexes stay in `AKHBAR_BENCH_DIR/scale-N/index` for
//! `cargo bench --bench latency`, which measures and then deletes the 1M one.
//!
//! Results are printed as markdown and written to `AKHBAR_BENCH_DIR/indexing.md`.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

mod support;
use support::{bench_dir, corpora_dir, env_or, machine};

/// One timed child process.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    wall_s: f64,
    peak_rss_kb: u64,
}

/// Runs `cmd` under `/usr/bin/time` (max RSS) and times it.
fn timed(program: &Path, args: &[&str]) -> (Run, String) {
    let rss_file = bench_dir().join("time.out");
    let _ = std::fs::remove_file(&rss_file);
    let has_time = Path::new("/usr/bin/time").exists();
    let mut cmd = if has_time {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f").arg("%M").arg("-o").arg(&rss_file).arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args).stdin(Stdio::null());
    let start = Instant::now();
    let out = cmd.output().expect("cannot run the child process");
    let wall_s = start.elapsed().as_secs_f64();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    if !out.status.success() {
        eprintln!(
            "{} failed: {}\n{}",
            program.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let peak_rss_kb = std::fs::read_to_string(&rss_file)
        .ok()
        .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()))
        .unwrap_or(0);
    (
        Run {
            wall_s,
            peak_rss_kb,
        },
        stdout,
    )
}

fn dir_size(dir: &Path) -> u64 {
    walk_size(dir)
}

fn walk_size(p: &Path) -> u64 {
    let Ok(meta) = std::fs::symlink_metadata(p) else {
        return 0;
    };
    if meta.is_dir() {
        std::fs::read_dir(p)
            .map(|rd| rd.flatten().map(|e| walk_size(&e.path())).sum())
            .unwrap_or(0)
    } else {
        meta.len()
    }
}

/// Indexes `corpus` with akhbar-index, `runs` times; the best wall time, the
/// highest peak RSS, the index size and the article count.
struct AkhbarResult {
    best: Run,
    max_rss_kb: u64,
    index_bytes: u64,
    articles: u64,
    walls: Vec<f64>,
}

fn akhbar_index(corpus: &Path, index: &Path, runs: usize, keep: bool) -> AkhbarResult {
    let bin = support::release_bin("akhbar-index");
    let bin = bin.as_path();
    let memory = std::env::var("AKHBAR_BENCH_MEMORY").ok();
    let mut best: Option<Run> = None;
    let mut max_rss_kb = 0;
    let mut index_bytes = 0;
    let mut articles = 0;
    let mut walls = Vec::new();
    for run in 0..runs {
        let _ = std::fs::remove_dir_all(index);
        let corpus_s = corpus.to_string_lossy().to_string();
        let index_s = index.to_string_lossy().to_string();
        let mut args = vec![
            corpus_s.as_str(),
            "--index",
            index_s.as_str(),
            "--full",
            "--quiet",
        ];
        if let Some(m) = &memory {
            args.push("--memory");
            args.push(m);
        }
        let (r, stdout) = timed(bin, &args);
        walls.push(r.wall_s);
        max_rss_kb = max_rss_kb.max(r.peak_rss_kb);
        index_bytes = dir_size(index);
        articles = stdout
            .lines()
            .find_map(|l| l.strip_prefix("indexed "))
            .and_then(|l| l.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        eprintln!(
            "  akhbar {} run {}: {:.2}s, {} MB peak RSS, {} articles",
            corpus.display(),
            run + 1,
            r.wall_s,
            r.peak_rss_kb / 1024,
            articles
        );
        if best.is_none_or(|b| r.wall_s < b.wall_s) {
            best = Some(r);
        }
    }
    if !keep {
        let _ = std::fs::remove_dir_all(index);
    }
    AkhbarResult {
        best: best.unwrap_or_default(),
        max_rss_kb,
        index_bytes,
        articles,
        walls,
    }
}

/// Uncompressed bytes and lines of a `.jsonl.zst`; writes the plain JSONL to
/// `plain` when given.
fn inspect_zst(path: &Path, plain: Option<&Path>) -> (u64, u64) {
    let file = std::fs::File::open(path).expect("open corpus");
    let mut dec = zstd::stream::read::Decoder::new(file).expect("zstd");
    let mut out = plain.map(|p| BufWriter::new(std::fs::File::create(p).expect("create")));
    let mut buf = vec![0u8; 1 << 20];
    let (mut bytes, mut lines) = (0u64, 0u64);
    loop {
        let n = dec.read(&mut buf).expect("read corpus");
        if n == 0 {
            break;
        }
        bytes += n as u64;
        lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
        if let Some(o) = out.as_mut() {
            o.write_all(&buf[..n]).expect("write");
        }
    }
    if let Some(mut o) = out {
        o.flush().expect("flush");
    }
    (bytes, lines)
}

struct LuceneRun {
    wall_s: f64,
    peak_rss_kb: u64,
    input_bytes: u64,
    docs: u64,
    index_bytes: u64,
}

fn lucene(zst: &Path, lang: &str, runs: usize) -> Result<Vec<LuceneRun>, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/lucene.sh");
    let out = Command::new("bash")
        .arg(&script)
        .arg(zst)
        .arg(lang)
        .arg(runs.to_string())
        .env("AKHBAR_LUCENE_WORK", bench_dir().join("lucene"))
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", script.display()))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut runs_out = Vec::new();
    for line in stdout.lines() {
        if let Some(reason) = line.strip_prefix("LUCENE-UNAVAILABLE ") {
            return Err(reason.to_string());
        }
        let Some(rest) = line.strip_prefix("LUCENE ") else {
            continue;
        };
        let get = |k: &str| -> f64 {
            rest.split_whitespace()
                .find_map(|kv| kv.strip_prefix(&format!("{k}=")))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0)
        };
        eprintln!("  lucene {line}");
        runs_out.push(LuceneRun {
            wall_s: get("wall_s"),
            peak_rss_kb: get("peak_rss_kb") as u64,
            input_bytes: get("input_bytes") as u64,
            docs: get("docs") as u64,
            index_bytes: get("index_bytes") as u64,
        });
    }
    if runs_out.is_empty() {
        return Err(format!("no result from bench/lucene.sh: {stdout}"));
    }
    Ok(runs_out)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// The `YYYY-MM-DD` date `date` plus `days`, or `date` unchanged.
fn shift_date(date: &str, days: i64) -> String {
    match chrono::NaiveDate::parse_from_str(date.get(..10).unwrap_or(date), "%Y-%m-%d") {
        Ok(d) if days != 0 => (d + chrono::Duration::days(days))
            .format("%Y-%m-%d")
            .to_string(),
        _ => date.to_string(),
    }
}

/// Writes a corpus of `n` articles under `dir` (parts of 100k articles),
/// streaming: sources read round-robin one line at a time, reopened (k+1)
/// when exhausted.
fn make_scale_corpus(sources: &[PathBuf], n: u64, dir: &Path) {
    const PART: u64 = 100_000;
    let done = dir.join(".done");
    if done.exists() {
        return;
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("create scale dir");
    type Reader = Box<dyn BufRead>;
    let open = |p: &Path| -> Reader {
        let f = std::fs::File::open(p).expect("open source");
        Box::new(BufReader::new(
            zstd::stream::read::Decoder::new(f).expect("zstd"),
        ))
    };
    let mut readers: Vec<(Reader, i64)> = sources.iter().map(|p| (open(p), 0)).collect();
    let mut written = 0u64;
    let mut part: Option<
        zstd::stream::write::AutoFinishEncoder<'static, BufWriter<std::fs::File>>,
    > = None;
    let mut line = String::new();
    let mut i = 0usize;
    while written < n {
        let s = i % readers.len();
        i += 1;
        line.clear();
        let got = readers[s].0.read_line(&mut line).expect("read source");
        if got == 0 {
            readers[s].1 += 1;
            readers[s].0 = open(&sources[s]);
            continue;
        }
        let k = readers[s].1;
        let Ok(serde_json::Value::Object(mut rec)) = serde_json::from_str(line.trim()) else {
            continue;
        };
        if k > 0 {
            if let Some(serde_json::Value::String(id)) = rec.get("id").cloned() {
                rec.insert("id".into(), format!("{id}#{k}").into());
            }
            if let Some(serde_json::Value::String(date)) = rec.get("date").cloned() {
                rec.insert("date".into(), shift_date(&date, k).into());
            }
        }
        if written.is_multiple_of(PART) {
            let path = dir.join(format!("part-{:03}.jsonl.zst", written / PART));
            let f = BufWriter::new(std::fs::File::create(path).expect("create part"));
            part = Some(
                zstd::stream::write::Encoder::new(f, 3)
                    .expect("zstd")
                    .auto_finish(),
            );
        }
        let w = part.as_mut().unwrap();
        serde_json::to_writer(&mut *w, &rec).expect("write");
        w.write_all(b"\n").expect("write");
        written += 1;
    }
    drop(part);
    std::fs::write(done, n.to_string()).expect("marker");
}

fn main() {
    let corpora = corpora_dir();
    if !corpora.is_dir() {
        println!(
            "indexing bench: no corpora folder at {} (set AKHBAR_CORPORA); nothing measured",
            corpora.display()
        );
        return;
    }
    let base = bench_dir();
    std::fs::create_dir_all(&base).expect("create bench dir");
    let runs: usize = env_or("AKHBAR_BENCH_RUNS", "2").parse().unwrap_or(2);
    let with_lucene = env_or("AKHBAR_BENCH_LUCENE", "1") != "0";
    let mut md = String::new();
    let machine = machine();
    let _ = writeln!(
        md,
        "Machine: {machine}; shared with other builds while measured (best of {runs} runs).\n"
    );

    // Every corpus folder.
    let mut names: Vec<String> = std::fs::read_dir(&corpora)
        .expect("read corpora")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    names.sort();

    let _ = writeln!(md, "#### Full indexing of each corpus (akhbar-index --full, default 768 MB budget, {} threads)\n", std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    let _ = writeln!(md, "| corpus | articles | input MB (uncompressed JSONL) | time s (.zst) | MB/s (.zst) | articles/s | time s (plain .jsonl) | MB/s (plain) | peak RSS MB | index MB | index / input |");
    let _ = writeln!(
        md,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    let mut lucene_rows = String::new();
    if env_or("AKHBAR_BENCH_CORPORA", "1") == "0" {
        names.clear();
    }
    for name in &names {
        let dir = corpora.join(name);
        let zst = dir.join("articles.jsonl.zst");
        let input_dir = base.join("in").join(name);
        let _ = std::fs::remove_dir_all(&input_dir);
        std::fs::create_dir_all(&input_dir).expect("create input dir");
        let index = base.join("idx").join(name);
        eprintln!("corpus {name}");
        if zst.exists() {
            std::os::unix::fs::symlink(
                zst.canonicalize().unwrap(),
                input_dir.join("articles.jsonl.zst"),
            )
            .expect("symlink");
            let plain_dir = base.join("plain").join(name);
            std::fs::create_dir_all(&plain_dir).expect("create plain dir");
            let (bytes, _lines) = inspect_zst(&zst, Some(&plain_dir.join("articles.jsonl")));
            let a = akhbar_index(&input_dir, &index, runs, false);
            let p = akhbar_index(&plain_dir, &index, runs, false);
            let _ = std::fs::remove_dir_all(&plain_dir);
            let _ = writeln!(
                md,
                "| {name} | {} | {:.1} | {:.2} | {:.1} | {:.0} | {:.2} | {:.1} | {} | {:.1} | {:.0}% |",
                a.articles,
                mb(bytes),
                a.best.wall_s,
                mb(bytes) / a.best.wall_s,
                a.articles as f64 / a.best.wall_s,
                p.best.wall_s,
                mb(bytes) / p.best.wall_s,
                a.max_rss_kb.max(p.max_rss_kb) / 1024,
                mb(a.index_bytes),
                100.0 * a.index_bytes as f64 / bytes as f64
            );
            eprintln!("  akhbar walls .zst {:?}, plain {:?}", a.walls, p.walls);
            let lang = if name.ends_with("-fr") {
                Some("fr")
            } else if name.ends_with("-ar") {
                Some("ar")
            } else {
                None
            };
            if let (true, Some(lang)) = (with_lucene, lang) {
                match lucene(&zst, lang, runs) {
                    Ok(l) => {
                        let best = l
                            .iter()
                            .min_by(|x, y| x.wall_s.total_cmp(&y.wall_s))
                            .unwrap();
                        let rss = l.iter().map(|r| r.peak_rss_kb).max().unwrap_or(0);
                        let akhbar_best = a.best.wall_s.min(p.best.wall_s);
                        let _ = writeln!(
                            lucene_rows,
                            "| {name} | {lang} | {} | {:.2} | {:.1} | {:.1} | {:.0} | {} | {:.1} | {:.0}% | {:.2} | {:.1} | **{:.2}x** ({:.2}x from .zst) |",
                            best.docs,
                            best.wall_s,
                            mb(bytes) / best.wall_s,
                            mb(best.input_bytes) / best.wall_s,
                            best.docs as f64 / best.wall_s,
                            rss / 1024,
                            mb(best.index_bytes),
                            100.0 * best.index_bytes as f64 / bytes as f64,
                            akhbar_best,
                            mb(bytes) / akhbar_best,
                            best.wall_s / akhbar_best,
                            best.wall_s / a.best.wall_s,
                        );
                    }
                    Err(reason) => {
                        let _ = writeln!(
                            lucene_rows,
                            "| {name} | {lang} | Lucene not run: {reason} |||||||||"
                        );
                    }
                }
            }
        } else {
            // Raw pages: index the folder as it is.
            let bytes = dir_size(&dir);
            let a = akhbar_index(&dir, &index, runs, false);
            let _ = writeln!(
                md,
                "| {name} (raw .txt pages) | {} | {:.1} (files) | {:.2} | {:.1} | {:.0} | – | – | {} | {:.1} | {:.0}% |",
                a.articles,
                mb(bytes),
                a.best.wall_s,
                mb(bytes) / a.best.wall_s,
                a.articles as f64 / a.best.wall_s,
                a.max_rss_kb / 1024,
                mb(a.index_bytes),
                100.0 * a.index_bytes as f64 / bytes as f64
            );
        }
        let _ = std::fs::remove_dir_all(&input_dir);
    }
    if with_lucene {
        let _ = writeln!(md, "\n#### akhbar against Lucene 9 (Anserini 0.22.1 IndexCollection, `-threads 2 -language fr|ar -storePositions -storeRaw`, OpenJDK 17), same machine, same run\n");
        let _ = writeln!(md, "MB/s over the corpus's uncompressed JSONL bytes for both (Lucene's own `{{id, contents}}` input is smaller: its MB/s over that is the next column). Ratio = Lucene time / akhbar time (best akhbar input; in brackets akhbar reading the shipped .zst).\n");
        let _ = writeln!(md, "| corpus | analyzer | docs | Lucene s | Lucene MB/s | Lucene MB/s (own input) | Lucene docs/s | Lucene peak RSS MB | Lucene index MB | index / input | akhbar s | akhbar MB/s | akhbar / Lucene |");
        let _ = writeln!(
            md,
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        );
        md.push_str(&lucene_rows);
    }
    println!("{md}");
    std::fs::write(base.join("indexing.md"), &md).expect("write indexing.md");

    // The scale curve.
    let sizes: Vec<u64> = env_or("AKHBAR_BENCH_SCALE", "10000,100000,1000000")
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .filter(|&n| n > 0)
        .collect();
    let sources: Vec<PathBuf> = ["orangesum-fr", "ant-multisource-ar", "saudinewsnet-ar"]
        .iter()
        .map(|n| corpora.join(n).join("articles.jsonl.zst"))
        .filter(|p| p.exists())
        .collect();
    if sizes.is_empty() || sources.is_empty() {
        return;
    }
    let largest = *sizes.iter().max().unwrap();
    let scale_runs: usize = env_or("AKHBAR_BENCH_SCALE_RUNS", "1").parse().unwrap_or(1);
    let mut scale = String::new();
    let _ = writeln!(scale, "\n#### Scale: mixed fr/ar corpora (orangesum-fr + ant-multisource-ar + saudinewsnet-ar repeated, new ids and dates), akhbar-index --full, default budget\n");
    let _ = writeln!(scale, "| articles | input MB (uncompressed) | parts (.zst) | time s | MB/s | articles/s | peak RSS MB | index MB | index / input | runs |");
    let _ = writeln!(scale, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for &n in &sizes {
        let dir = base.join(format!("scale-{n}"));
        let corpus = dir.join("corpus");
        eprintln!("scale {n}: generating {}", corpus.display());
        let t = Instant::now();
        make_scale_corpus(&sources, n, &corpus);
        eprintln!("  generated in {:.1}s", t.elapsed().as_secs_f64());
        let mut bytes = 0;
        let mut parts = 0;
        for e in std::fs::read_dir(&corpus).unwrap().flatten() {
            if e.path().extension().is_some_and(|x| x == "zst") {
                parts += 1;
                bytes += inspect_zst(&e.path(), None).0;
            }
        }
        let r = if n == largest { scale_runs } else { runs };
        let a = akhbar_index(&corpus, &dir.join("index"), r, true);
        let _ = writeln!(
            scale,
            "| {n} | {:.0} | {parts} | {:.1} | {:.1} | {:.0} | {} | {:.0} | {:.0}% | {r} |",
            mb(bytes),
            a.best.wall_s,
            mb(bytes) / a.best.wall_s,
            a.articles as f64 / a.best.wall_s,
            a.max_rss_kb / 1024,
            mb(a.index_bytes),
            100.0 * a.index_bytes as f64 / bytes as f64
        );
    }
    println!("{scale}");
    md.push_str(&scale);
    std::fs::write(base.join("indexing.md"), &md).expect("write indexing.md");
    println!("(written to {}; the scale indexes stay in {}/scale-N/index for `cargo bench --bench latency`)", base.join("indexing.md").display(), base.display());
}
