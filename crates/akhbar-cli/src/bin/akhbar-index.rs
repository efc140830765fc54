//! `akhbar-index`: builds or updates an index from a corpus folder.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use akhbar::index::BuildOptions;
use akhbar::index::{build_index_with_progress, summary_text};
use akhbar_cli::progress::ProgressDisplay;

/// Index a folder of news articles (raw pages `.txt`, HTML `.html`, JSON
/// Lines `.jsonl`, CSV/TSV, also `.gz`/`.zst`) for `akhbar-search`.
#[derive(Parser, Debug)]
#[command(name = "akhbar-index", version, about)]
struct Args {
    /// The corpus folder, read recursively.
    #[arg(default_value = "corpus")]
    corpus: PathBuf,
    /// Where the index lives (created when missing; articles already in it are replaced, not duplicated).
    #[arg(long, default_value = "index")]
    index: PathBuf,
    /// Indexing threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Memory budget in MB, at least 512: 192 MB are set aside (documents in
    /// flight, caches), then half the rest goes to the index writer's heap,
    /// 30% to near-duplicate detection (it remembers the latest articles
    /// that fit) and 20% to writing segments out. Segments are merged at
    /// the end, within the heap's and the grouper's share.
    #[arg(long, default_value_t = 768)]
    memory: usize,
    /// Skip files larger than this many MB.
    #[arg(long, default_value_t = 256)]
    max_file_size: u64,
    /// Write every skipped item to this file, as JSON Lines.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Exit with an error (code 3) when anything was skipped.
    #[arg(long)]
    strict: bool,
    /// Re-read every file, even those unchanged since the last run.
    #[arg(long)]
    full: bool,
    /// Remove the articles of files that are no longer in the corpus.
    #[arg(long)]
    prune: bool,
    /// Merge the index into one segment at the end (fastest searches).
    #[arg(long)]
    merge: bool,
    /// Rename record fields (JSON Lines, CSV/TSV): `--map body=text,date=published_at`.
    /// The fields are id, title, body, date, source, url, lang. May repeat.
    #[arg(long, value_name = "FIELD=NAME,...", value_parser = akhbar::ingest::FieldMap::parse)]
    map: Vec<akhbar::ingest::FieldMap>,
    /// No progress display.
    #[arg(long, short)]
    quiet: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!(
                "akhbar-index: error: {}",
                akhbar_cli::render::terminal(&format!("{err:#}"), false)
            );
            let usage = err
                .downcast_ref::<akhbar::Error>()
                .is_some_and(akhbar::Error::is_usage);
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let mut opts = BuildOptions::default();
    opts.writer.threads = args.threads;
    opts.writer.memory_bytes = args.memory.saturating_mul(1024 * 1024);
    opts.writer.check()?;
    opts.ingest.max_file_bytes = args.max_file_size.saturating_mul(1024 * 1024);
    for map in &args.map {
        opts.ingest.field_map.extend(map.clone());
    }
    opts.full = args.full;
    opts.prune = args.prune;
    opts.merge = args.merge;
    opts.report = args.report.clone();
    let start = std::time::Instant::now();
    let mut display = ProgressDisplay::new("akhbar-index", args.quiet);
    let report =
        build_index_with_progress(&args.corpus, &args.index, &opts, |p| display.update(p))?;
    display.finish();
    let elapsed = start.elapsed();
    print!(
        "{}",
        akhbar_cli::render::terminal(&summary_text(&report, &args.index, elapsed), false)
    );
    if args.strict && report.anything_dropped() {
        eprintln!("akhbar-index: --strict: some items were skipped (see above)");
        return Ok(ExitCode::from(3));
    }
    Ok(ExitCode::SUCCESS)
}
