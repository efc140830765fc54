//! What the command-line tools share: rendering results for a terminal
//! ([`render`]) and exporting every match ([`export`]). The tools
//! themselves (`src/bin/`) parse arguments and call the `akhbar` library.

pub mod args;
pub mod export;
pub mod progress;
pub mod render;
