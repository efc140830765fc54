//! Question frames: words that questions use to frame what they ask
//! (`nationalité`, `date`, `appelle`, `conséquence`, `اسم`, `نوع`, `عدد`,
//! `يبلغ`) rather than to name what the answer is about. Unlike question
//! words ([`super::is_question_word`]) they are real content words, so they
//! are not dropped; a question searches them with a weight below 1, as
//! rarely as the passage answering a question holds them.
//!
//! The weights are learned (`akhbar-eval --learn-frames`) from the
//! development queries of fold 0 of the collections in
//! `../shared/relevance/` (fold 1 is held out for measuring): for each
//! stem of a question (question words and stop words left out), the share
//! of its questions whose relevant passage holds the stem, shrunk towards
//! the share of all stems (a prior of 3 questions), over the share of all
//! stems, at most 1, at least 0.1. Only stems of at least 3 questions are
//! listed; the others weigh 1 (the settings are the lab's
//! `FrameLearning` defaults). The table, `data/question_frames.tsv` in
//! this crate, holds stems as the analyzers of
//! [`crate::analysis::Stemmer::Best`] write them: a change of stemmer calls
//! for learning it again.
//!
//! ```
//! use akhbar::qa::frame_weight;
//! use akhbar::Lang;
//! assert!(frame_weight(Lang::Fr, "nationalit") < 0.5);
//! assert_eq!(frame_weight(Lang::Fr, "budapest"), 1.0);
//! assert!(frame_weight(Lang::Ar, "اسم") < 0.5);
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lang::Lang;

/// The learned table: `lang<TAB>stem<TAB>weight<TAB>questions<TAB>found`.
const TABLE: &str = include_str!("../../data/question_frames.tsv");

static WEIGHTS: LazyLock<HashMap<(Lang, &'static str), f32>> = LazyLock::new(|| {
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let lang: Lang = parts.next()?.parse().ok()?;
            let stem = parts.next()?;
            let weight: f32 = parts.next()?.parse().ok()?;
            Some(((lang, stem), weight))
        })
        .collect()
});

/// The weight of the analysed query word `stem` of `lang` in a question:
/// below 1 for a question frame, 1 for any other word.
pub fn frame_weight(lang: Lang, stem: &str) -> f32 {
    WEIGHTS.get(&(lang, stem)).copied().unwrap_or(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_read_whole() {
        let rows = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .count();
        assert!(rows > 100, "{rows}");
        assert_eq!(WEIGHTS.len(), rows);
        for w in WEIGHTS.values() {
            assert!((0.0..1.0).contains(w), "{w}");
        }
    }

    #[test]
    fn frames_weigh_less_than_subjects() {
        // "Quelle est la nationalité de ...", "ما اسم ...": frames.
        assert!(frame_weight(Lang::Fr, "nationalit") < frame_weight(Lang::Fr, "maroc"));
        assert!(frame_weight(Lang::Ar, "اسم") < frame_weight(Lang::Ar, "مغرب"));
        // Spanish and English have no learned frames.
        assert_eq!(frame_weight(Lang::Es, "nationalit"), 1.0);
    }
}
