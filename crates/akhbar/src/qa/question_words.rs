//! Question words (`qui`, `quand`, `combien`, `ماذا`, `متى`, `كم`, ...):
//! words that ask rather than describe what is sought. They are not stop
//! words of the analyzers (an article may well say `quand` or `كم`), but a
//! query written as a question gains nothing from them, so the query
//! question pass drops them (see [`super::QuestionOptions::question_words`]).
//!
//! ```
//! use akhbar::qa::is_question_word;
//! use akhbar::lang::Lang;
//! assert!(is_question_word(Lang::Fr, "Pourquoi"));
//! assert!(is_question_word(Lang::Ar, "لماذا"));
//! assert!(!is_question_word(Lang::Fr, "Budapest"));
//! ```

use std::sync::LazyLock;

use crate::analysis::elide;
use crate::analysis::fold_into;
use crate::analysis::stopwords::StopSet;
use crate::lang::Lang;

const FRENCH: &[&str] = &[
    "qui",
    "que",
    "quoi",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "quand",
    "où",
    "comment",
    "pourquoi",
    "combien",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "auquel",
    "auxquels",
    "auxquelles",
    "duquel",
    "desquels",
    "desquelles",
    "est",
    "ce",
];

const ARABIC: &[&str] = &[
    "ما",
    "ماذا",
    "من",
    "متى",
    "أين",
    "كيف",
    "لماذا",
    "كم",
    "هل",
    "أي",
    "أيّ",
    "ماهو",
    "ماهي",
    "وما",
    "فما",
    "مالذي",
    "بماذا",
    "لمن",
    "ممن",
    "بكم",
    "وكم",
    "أيهما",
    "أية",
    "هو",
    "هي",
];

const SPANISH: &[&str] = &[
    "qué", "quién", "quiénes", "cuál", "cuáles", "cuándo", "dónde", "cómo", "cuánto", "cuánta",
    "cuántos", "cuántas", "por", "que",
];

const ENGLISH: &[&str] = &[
    "what", "who", "whom", "whose", "which", "when", "where", "why", "how", "much", "many",
];

fn build(list: &[&str]) -> StopSet {
    list.iter()
        .map(|w| {
            let mut s = String::new();
            fold_into(w, &mut s);
            s
        })
        .collect()
}

static SETS: LazyLock<[StopSet; 4]> =
    LazyLock::new(|| [build(FRENCH), build(ARABIC), build(SPANISH), build(ENGLISH)]);

/// True when the surface word `word` is a question word of `lang` (case,
/// accents, Arabic forms and French elision ignored: `Qu'est`, `Où`,
/// `لِماذا`).
pub fn is_question_word(lang: Lang, word: &str) -> bool {
    let set = match lang {
        Lang::Fr => &SETS[0],
        Lang::Ar => &SETS[1],
        Lang::Es => &SETS[2],
        Lang::En => &SETS[3],
        Lang::Other => return false,
    };
    let mut folded = String::with_capacity(word.len());
    fold_into(word, &mut folded);
    if lang == Lang::Fr {
        elide(&mut folded);
    }
    set.contains(folded.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_words() {
        for w in ["Quelle", "quand", "Où", "combien", "qu'est", "Lesquels"] {
            assert!(is_question_word(Lang::Fr, w), "{w}");
        }
        for w in ["ماذا", "متى", "أين", "اين", "كم", "لِماذا", "هل"] {
            assert!(is_question_word(Lang::Ar, w), "{w}");
        }
        for w in ["Budapest", "convention", "protocole"] {
            assert!(!is_question_word(Lang::Fr, w), "{w}");
        }
        for w in ["المغرب", "ماء", "اعلن"] {
            assert!(!is_question_word(Lang::Ar, w), "{w}");
        }
        assert!(is_question_word(Lang::En, "Why"));
        assert!(is_question_word(Lang::Es, "cuándo"));
        assert!(!is_question_word(Lang::Other, "qui"));
    }
}
