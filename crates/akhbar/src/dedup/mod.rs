//! Near-duplicate detection for wire copy (MAP, AFP, TAP ...) republished by
//! many outlets with small edits.
//!
//! Pure and index-independent: [`signature`] turns `title + "\n" + body` into
//! a [`Signature`] (MinHash of 5-word shingles, see [`shingles`] for the
//! normalisation), [`similarity`] estimates the Jaccard similarity of two
//! signatures, and [`Grouper`] assigns group ids incrementally (LSH banding
//! for candidates, then `similarity >= threshold`).
//!
//! ```
//! use akhbar::dedup::{signature, Grouper};
//! let original = "Le dirham s'apprécie face à l'euro\nLe dirham s'est apprécié de 0,3% \
//!     face à l'euro et s'est déprécié de 0,2% vis-à-vis du dollar durant la période \
//!     du 12 au 18 juin, selon Bank Al-Maghrib.";
//! let copy = "Dirham: légère hausse face à l'euro\nLe dirham s'est apprécié de 0,3% \
//!     face à l'euro et s'est déprécié de 0,2% vis-à-vis du dollar durant la période \
//!     du 12 au 18 juin, selon Bank Al-Maghrib.\nSuivez-nous sur Facebook";
//! let mut grouper = Grouper::new(Grouper::DEFAULT_THRESHOLD);
//! assert_eq!(grouper.add("map-1", &signature(original)), "map-1");
//! assert_eq!(grouper.add("outlet-7", &signature(copy)), "map-1");
//! ```
//!
//! # Short texts
//!
//! A text with fewer than [`MIN_WORDS`] (8) words after normalisation gets
//! an empty signature: it is similar to nothing (itself included) and
//! [`Grouper::add`] returns its own id. A few shingles give meaningless
//! estimates, and short flashes ("Bourse de Casablanca : clôture") are
//! shared by unrelated articles.
//!
//! # Stability
//!
//! Hashes use fixed seeds and little-endian reads only, so signatures (and
//! [`Signature::to_bytes`]) are identical across runs and platforms and may
//! be stored. Changing the normalisation (`crate::analysis`'s
//! folding) changes signatures of affected texts.

mod groups;
mod keys;
mod minhash;
mod shingles;

pub use groups::{Grouper, Join};
pub use keys::{group_key, KeyHasher, KeySet};
pub use minhash::{signature, similarity, Signature, K};
pub use shingles::{jaccard, shingles, word_hashes, MIN_WORDS, SHINGLE_WORDS};
