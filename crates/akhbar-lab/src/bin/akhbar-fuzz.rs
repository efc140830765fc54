//! `akhbar-fuzz`: runs the fuzz targets (raw pages, HTML, JSON Lines,
//! CSV/TSV, dates, queries) for a bounded time each and keeps every failing
//! input as a regression test.
//!
//! ```text
//! cargo run --release -p akhbar-lab --bin akhbar-fuzz -- --seconds 60
//! cargo run --release -p akhbar-lab --bin akhbar-fuzz -- --target html --seconds 600
//! ```
//!
//! Failing inputs, shrunk, go to `crates/akhbar-lab/fuzz/regressions/TARGET/`
//! (with the reason in a `.why` file beside each); `cargo test -p akhbar-lab`
//! replays them. Exit 1 when anything failed.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use akhbar_lab::fuzz::{fuzz, save, Target, SLOW};
use clap::Parser;

#[derive(Parser)]
#[command(about = "Fuzz akhbar's readers and query parser for a bounded time")]
struct Args {
    /// One target (txt, html, jsonl, csv, dates, query); all when not given.
    #[arg(long)]
    target: Option<String>,
    /// Seconds per target.
    #[arg(long, default_value_t = 30)]
    seconds: u64,
    /// Inputs per round (each round has fresh random seeds).
    #[arg(long, default_value_t = 256)]
    cases: u32,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let targets: Vec<Target> = match &args.target {
        None => Target::ALL.to_vec(),
        Some(name) => match Target::from_name(name) {
            Some(t) => vec![t],
            None => {
                eprintln!(
                    "akhbar-fuzz: error: no target `{name}`: give one of {}",
                    Target::ALL.map(|t| t.name()).join(", ")
                );
                return ExitCode::from(2);
            }
        },
    };
    println!("| target | inputs | seconds | failures |");
    println!("|---|---:|---:|---:|");
    let mut failed = false;
    for target in targets {
        let start = Instant::now();
        let run = fuzz(target, Duration::from_secs(args.seconds), args.cases, SLOW);
        println!(
            "| {} | {} | {:.0} | {} |",
            target.name(),
            run.cases,
            start.elapsed().as_secs_f64(),
            run.findings.len()
        );
        let hung = run.hung;
        for finding in &run.findings {
            failed = true;
            match save(finding) {
                Ok(path) => eprintln!(
                    "  {}: {} (saved as {})",
                    target.name(),
                    finding.reason,
                    path.display()
                ),
                Err(e) => eprintln!("  {}: {} (not saved: {e})", target.name(), finding.reason),
            }
        }
        if hung {
            // The hanging input's thread cannot be stopped: end here.
            eprintln!("akhbar-fuzz: an input hung; the other targets were not run");
            return ExitCode::from(1);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
