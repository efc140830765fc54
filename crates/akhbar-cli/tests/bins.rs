//! Running the binaries from the CLI crate's tests.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub fn run_bin(name: &str, args: &[&str], cwd: &Path) -> Output {
    let exe = match name {
        "akhbar-search" => env!("CARGO_BIN_EXE_akhbar-search"),
        "akhbar-index" => env!("CARGO_BIN_EXE_akhbar-index"),
        other => panic!("no binary {other}"),
    };
    Command::new(exe)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
