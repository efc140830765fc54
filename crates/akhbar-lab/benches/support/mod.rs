//! Helpers shared by the benchmarks: where the corpora and work files are,
//! and what machine the figures come from.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// An environment variable, or a default.
pub fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

/// The corpora folder: `AKHBAR_CORPORA`, else `../shared/corpora` beside
/// the repository.
pub fn corpora_dir() -> PathBuf {
    std::env::var_os("AKHBAR_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora"))
}

/// The work folder: `AKHBAR_BENCH_DIR`, else `/tmp/akhbar-bench`.
pub fn bench_dir() -> PathBuf {
    PathBuf::from(env_or("AKHBAR_BENCH_DIR", "/tmp/akhbar-bench"))
}

/// The machine, for the table headers.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_kb: u64 = meminfo
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    format!(
        "{cores} cores ({cpu}), {:.1} GiB RAM",
        mem_kb as f64 / 1024.0 / 1024.0
    )
}

/// A release binary of the workspace (`akhbar-index`), beside the bench's
/// own executable in `target/release`; exits with what to run when it is
/// not built.
pub fn release_bin(name: &str) -> PathBuf {
    let dir = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().and_then(Path::parent).map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("target/release"));
    let bin = dir.join(name);
    if !bin.is_file() {
        eprintln!(
            "{} is not built: run `cargo build --release -p akhbar-cli` first",
            bin.display()
        );
        std::process::exit(2);
    }
    bin
}
