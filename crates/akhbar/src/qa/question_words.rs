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

/// Words that begin a question, folded (accents and Arabic forms as the
/// analyzers fold them). Narrower than the question words: `ce`, `est`,
/// `من` or `ما` also begin headlines (`Ce que l'on sait…`, `من أجل…`).
const QUESTION_STARTS: &[&str] = &[
    "qui",
    "quoi",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "quand",
    "ou",
    "comment",
    "pourquoi",
    "combien",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "qu",
    "هل",
    "ماذا",
    "متي",
    "اين",
    "كيف",
    "لماذا",
    "كم",
    "اي",
    "who",
    "what",
    "when",
    "where",
    "why",
    "how",
    "which",
    "whom",
    "whose",
    "quien",
    "quienes",
    "cuando",
    "donde",
    "como",
    "cuanto",
    "cuantos",
    "cuanta",
    "cuantas",
    "cual",
    "cuales",
];

/// True when `text` is written as a question: it ends with a question mark
/// (`?`, `؟`, before closing quotes or brackets), or its first word is a
/// question word of any language (`Quand`, `متى`, `Who`, `Cuándo`). A
/// headline or a lead is not, even with a relative `que` or `qui` inside.
pub fn reads_as_question(text: &str) -> bool {
    let end = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '»' | '”' | '’' | ')' | ']' | '.' | '!')
    });
    if end.ends_with(['?', '؟', '¿']) {
        return true;
    }
    let Some(first) = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .find(|w| !w.is_empty())
    else {
        return false;
    };
    // `Qu'est-ce`, `Pourquoi-donc`: the word before the hyphen or apostrophe.
    let mut folded = String::with_capacity(first.len());
    fold_into(first, &mut folded);
    let word = folded.split(['-', '\'', '\u{2019}']).next().unwrap_or("");
    if QUESTION_STARTS.contains(&word) {
        return true;
    }
    // `ما هي`, `من هو`: what is, who is.
    let second = text.split_whitespace().nth(1).unwrap_or("");
    matches!(word, "ما" | "من") && matches!(second, "هو" | "هي" | "هم" | "هما")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_told_from_headlines() {
        for q in [
            "En quelle année le traité de Fès fut-il signé ?",
            "Quand le traité de Fès a-t-il été signé",
            "متى وقعت معاهدة فاس؟",
            "ما هي عاصمة المغرب",
            "Qu'est-ce que la cybercriminalité",
            "Que devient Gérard Vives ?»",
            "Who signed the treaty of Fez",
        ] {
            assert!(reads_as_question(q), "{q}");
        }
        for h in [
            "Ce que l'on sait de l'attaque de drones dans le Golfe",
            "Cybercriminalité : les députés votent le texte de Ouahbi",
            "عاجل.. رونالدو يعادل رقم ميسي +فيديو",
            "Le ministre qui voulait réformer le code pénal",
            "Est de la RDC : reprise des combats autour de Goma",
        ] {
            assert!(!reads_as_question(h), "{h}");
        }
    }

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
