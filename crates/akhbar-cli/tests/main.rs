//! The command-line tools' tests, in one test binary: they run the built
//! `akhbar-index` and `akhbar-search` on the repository's corpus and fixtures.

mod bins;
#[path = "../../akhbar/tests/common/mod.rs"]
mod common;

mod cli;
mod duplicates;
mod eval_parity;
mod faults;
mod outputs;
