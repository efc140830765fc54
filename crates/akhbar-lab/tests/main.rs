//! The lab's tests: evaluation on a small fixture collection.

mod eval;
mod families;
