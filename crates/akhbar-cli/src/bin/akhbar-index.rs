//! `akhbar-index`: builds or updates an index from a corpus folder.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

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
    /// Commit every this many seconds (inside JSON Lines files too), so that a kill or a crash loses at most
    /// that much work (0: only at the end). Ctrl-C and SIGTERM always commit what is done.
    #[arg(long, value_name = "SECS", default_value_t = akhbar::index::CHECKPOINT_EVERY.as_secs())]
    commit_every: u64,
    /// No progress display.
    #[arg(long, short)]
    quiet: bool,
    /// Verify the index at --index instead of building: every file of its segments against its
    /// checksum; says what is damaged and what to do (exit 1 when something is).
    #[arg(long, conflicts_with_all = ["full", "prune", "merge", "report", "strict", "map"])]
    check: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!(
                "akhbar-index: error: {}",
                akhbar_cli::render::error_line(&err, &args.index)
            );
            let usage = err
                .downcast_ref::<akhbar::Error>()
                .is_some_and(akhbar::Error::is_usage);
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

fn run(args: &Args) -> anyhow::Result<ExitCode> {
    if args.check {
        return check(args);
    }
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
    opts.checkpoint_every =
        (args.commit_every > 0).then(|| std::time::Duration::from_secs(args.commit_every));
    opts.stop = Some(stop_on_signal());
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
    if report.interrupted {
        return Ok(ExitCode::from(130));
    }
    if args.strict && report.anything_dropped() {
        eprintln!("akhbar-index: --strict: some items were skipped (see above)");
        return Ok(ExitCode::from(3));
    }
    Ok(ExitCode::SUCCESS)
}

/// A flag raised by the first Ctrl-C, SIGTERM or SIGHUP: the build commits
/// what is done and stops. A second one ends the process at once (what the
/// last commit holds is safe either way).
fn stop_on_signal() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let installed = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            eprintln!("\nakhbar-index: stopped; the index holds what its last commit held");
            std::process::exit(130);
        }
        eprintln!("\nakhbar-index: stopping: committing what is done (again to stop at once)");
    });
    if let Err(e) = installed {
        eprintln!("akhbar-index: warning: Ctrl-C will not commit before stopping ({e})");
    }
    stop
}

/// `--check`: verifies the index and says what to do.
fn check(args: &Args) -> anyhow::Result<ExitCode> {
    let dir = &args.index;
    let report = akhbar::index::check(dir)?;
    if report.is_sound() {
        println!(
            "{} is sound: {} articles in {} segments, {} files verified against their checksums",
            dir.display(),
            report.articles,
            report.segments,
            report.files_checked
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}",
        akhbar_cli::render::terminal(
            &format!(
                "{} is damaged: of the files of its {} segments, {}. Searches may fail or miss \
                 articles. Nothing was changed: build a new index beside it (`akhbar-index {} \
                 --index {}.new`), then replace {} with it",
                dir.display(),
                report.segments,
                report.problems(),
                args.corpus.display(),
                dir.display(),
                dir.display()
            ),
            false
        )
    );
    Ok(ExitCode::from(1))
}
