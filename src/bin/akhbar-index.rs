//! `akhbar-index`: builds or updates an index from a corpus folder.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use akhbar::index::{build_index, BuildOptions};
use akhbar::ingest::report::Summary;

/// Index a folder of news articles (raw pages `.txt`, JSON Lines `.jsonl`,
/// also `.gz`/`.zst`) for `akhbar-search`.
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
    /// Memory budget of the index writer, in MB.
    #[arg(long, default_value_t = 512)]
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
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("akhbar-index: error: {err:#}");
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
    opts.writer.memory_bytes = args.memory.max(16) * 1024 * 1024;
    opts.ingest.max_file_bytes = args.max_file_size.saturating_mul(1024 * 1024);
    let start = std::time::Instant::now();
    let summary = build_index(&args.corpus, &args.index, &opts)?;
    let elapsed = start.elapsed();
    if let Some(path) = &args.report {
        write_report(path, &summary)
            .with_context(|| format!("cannot write the report {}", path.display()))?;
    }
    print!(
        "{}",
        akhbar::index::build::summary_text(&summary, &args.index, elapsed)
    );
    if args.strict && summary.skipped.iter().any(|s| s.reason.drops_item()) {
        eprintln!("akhbar-index: --strict: some items were skipped (see above)");
        return Ok(ExitCode::from(3));
    }
    Ok(ExitCode::SUCCESS)
}

fn write_report(path: &PathBuf, summary: &Summary) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for skip in &summary.skipped {
        serde_json::to_writer(&mut out, skip)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
