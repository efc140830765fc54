//! The lab's tests: evaluation on a small fixture collection, the fuzz targets.

mod eval;
mod families;
mod fuzz;
