//! Spanish (`akhbar_es`) and English (`akhbar_en`): lowercase, accent
//! folding, the Snowball stop words and the Snowball stemmer (there is no
//! light stemmer for these languages: `Stemmer::Light` also means Snowball).
//! English also loses the possessive `'s` / `’s` (`Morocco's` → `morocco`).
//!
//! `Lang::Other` (`akhbar_other`) only lowercases and folds (Arabic letters get
//! the Arabic normalisation): no stop words, no stemming.
//!
//! ```
//! use akhbar::analysis::terms;
//! use akhbar::lang::Lang;
//! assert_eq!(terms(Lang::En, "Morocco's ministers"), ["morocco", "minist"]);
//! assert_eq!(terms(Lang::Es, "la ciberdelincuencia"), terms(Lang::Es, "Ciberdelincuencia"));
//! ```

use super::fold::{fold_into, lowercase_into};
use super::language::{Cx, Language};
use super::snowball::{snowball_in_place, Snowball};
use super::{stopwords, AnalysisOptions, Stemmer};
use crate::lang::Lang;

/// The rules of Spanish or English: see the module docs.
pub(crate) struct Latin {
    lang: Lang,
    name: &'static str,
    algorithm: rust_stemmers::Algorithm,
}

pub(crate) const SPANISH: Latin = Latin {
    lang: Lang::Es,
    name: "akhbar_es",
    algorithm: rust_stemmers::Algorithm::Spanish,
};

pub(crate) const ENGLISH: Latin = Latin {
    lang: Lang::En,
    name: "akhbar_en",
    algorithm: rust_stemmers::Algorithm::English,
};

impl Language for Latin {
    fn name(&self) -> &'static str {
        self.name
    }

    /// There is no light stemmer for Spanish and English: `Light` also means
    /// Snowball.
    fn snowball(&self, stemmer: Stemmer) -> Option<rust_stemmers::Algorithm> {
        (stemmer != Stemmer::None).then_some(self.algorithm)
    }

    fn analyze(&self, surface: &str, out: &mut String, cx: &mut Cx) -> Option<bool> {
        if cx.opts.normalize {
            // Snowball's Spanish and English rules expect accents
            // (`-ación`): stem the lowercased word, then fold the stem.
            return Some(process_then_fold(
                self.lang,
                surface,
                out,
                cx.opts,
                cx.snowball,
            ));
        }
        lowercase_into(surface, out);
        if out.is_empty() {
            return None;
        }
        Some(self.process(out, surface, cx))
    }

    fn process(&self, out: &mut String, _surface: &str, cx: &mut Cx) -> bool {
        process(self.lang, out, cx.opts, cx.snowball)
    }

    fn stem(&self, out: &mut String, cx: &mut Cx) {
        stem(out, cx.opts, cx.snowball);
    }

    fn stems_before_folding(&self) -> bool {
        true
    }
}

/// The Spanish/English chain after lowercasing/folding. Returns false to drop
/// the word.
fn process(
    lang: Lang,
    out: &mut String,
    opts: AnalysisOptions,
    snowball: Option<&Snowball>,
) -> bool {
    if lang == Lang::En {
        strip_possessive(out);
    }
    if out.is_empty() {
        return false;
    }
    if opts.stopwords && stopwords::set(lang, opts.normalize).contains(out.as_str()) {
        return false;
    }
    stem(out, opts, snowball);
    true
}

/// Snowball on a word without digits, unless stemming is off.
fn stem(out: &mut String, opts: AnalysisOptions, snowball: Option<&Snowball>) {
    if opts.stemmer != Stemmer::None && !out.bytes().any(|b| b.is_ascii_digit()) {
        if let Some(s) = snowball {
            snowball_in_place(out, s);
        }
    }
}

/// The Spanish/English chain with normalisation on: lowercase, drop stop
/// words (compared folded), stem the accented word, then fold the stem, so
/// `delegación` and `delegaciones` meet. Returns false to drop the word.
fn process_then_fold(
    lang: Lang,
    surface: &str,
    out: &mut String,
    opts: AnalysisOptions,
    snowball: Option<&Snowball>,
) -> bool {
    out.clear();
    lowercase_into(surface, out);
    if lang == Lang::En {
        strip_possessive(out);
    }
    let mut folded = String::with_capacity(out.len());
    fold_into(out, &mut folded);
    if folded.is_empty() {
        out.clear();
        return false;
    }
    if opts.stopwords && stopwords::set(lang, true).contains(folded.as_str()) {
        return false;
    }
    let stem = opts.stemmer != Stemmer::None && !out.bytes().any(|b| b.is_ascii_digit());
    match snowball {
        Some(s) if stem => {
            if lang == Lang::Es {
                restore_suffix_accent(out);
            }
            snowball_in_place(out, s);
            folded.clear();
            fold_into(out, &mut folded);
        }
        _ => {}
    }
    std::mem::swap(out, &mut folded);
    !out.is_empty()
}

/// Spanish `-cion`/`-sion` are always written `-ción`/`-sión`; text in
/// capitals often drops the accent, which Snowball needs.
fn restore_suffix_accent(word: &mut String) {
    for (plain, accented) in [("cion", "ción"), ("sion", "sión")] {
        if word.ends_with(plain) {
            word.truncate(word.len() - plain.len());
            word.push_str(accented);
            return;
        }
    }
}

/// Removes a trailing `'s` or `’s`.
fn strip_possessive(s: &mut String) {
    for suffix in ["'s", "\u{2019}s"] {
        if s.ends_with(suffix) {
            s.truncate(s.len() - suffix.len());
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{analyzer, terms, AnalysisOptions, Stemmer};
    use crate::lang::Lang;
    use tantivy::tokenizer::TokenStream;

    fn with(lang: Lang, opts: AnalysisOptions, text: &str) -> Vec<String> {
        let mut a = analyzer(lang, opts);
        let mut ts = a.token_stream(text);
        let mut v = Vec::new();
        while let Some(t) = ts.next() {
            if super::super::exact_form(&t.text).is_none() {
                v.push(t.text.clone());
            }
        }
        v
    }

    #[test]
    fn spanish() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Marruecos firmó el protocolo adicional del Convenio de Budapest",
                &[
                    "marruec",
                    "firm",
                    "protocol",
                    "adicional",
                    "conveni",
                    "budapest",
                ],
            ),
            ("los Estados Unidos", &["estad", "unid"]),
            ("Rabat-Salé-Kenitra", &["rabat", "sal", "kenitr"]),
            ("2022", &["2022"]),
        ];
        for (text, expected) in cases {
            assert_eq!(&terms(Lang::Es, text), expected, "{text:?}");
        }
        for group in [
            ["la información", "INFORMACION"],
            ["ciberdelincuencia", "Ciberdelincuencia"],
            ["acción", "acciones"],
            ["delegación", "delegaciones"],
            ["información", "informaciones"],
        ] {
            assert_eq!(
                terms(Lang::Es, group[0]),
                terms(Lang::Es, group[1]),
                "{group:?}"
            );
        }
    }

    #[test]
    fn english() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Morocco’s signing of the Budapest Convention on Cybercrime",
                &["morocco", "sign", "budapest", "convent", "cybercrim"],
            ),
            ("The minister's statements", &["minist", "statement"]),
            ("it's the café", &["cafe"]),
        ];
        for (text, expected) in cases {
            assert_eq!(&terms(Lang::En, text), expected, "{text:?}");
        }
    }

    #[test]
    fn other() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Die Konvention über Cyberkriminalität",
                &["die", "konvention", "uber", "cyberkriminalitat"],
            ),
            ("ⵜⴰⵎⴰⵣⵉⵖⵜ ⴰⵎⴰⵣⵉⵖ", &["ⵜⴰⵎⴰⵣⵉⵖⵜ", "ⴰⵎⴰⵣⵉⵖ"]),
            ("المغرب أعلن", &["المغرب", "اعلن"]),
        ];
        for (text, expected) in cases {
            assert_eq!(&terms(Lang::Other, text), expected, "{text:?}");
        }
    }

    #[test]
    fn options() {
        let raw = AnalysisOptions {
            stemmer: Stemmer::None,
            normalize: false,
            stopwords: false,
            exact_forms: false,
        };
        assert_eq!(with(Lang::Es, raw, "La Información"), ["la", "información"]);
        assert_eq!(with(Lang::Other, raw, "Über"), ["über"]);
        let light = AnalysisOptions::default();
        let snowball = AnalysisOptions {
            stemmer: Stemmer::Snowball,
            ..light
        };
        assert_eq!(
            with(Lang::En, light, "conventions"),
            with(Lang::En, snowball, "conventions")
        );
        let no_stop = AnalysisOptions {
            stopwords: false,
            ..light
        };
        assert_eq!(
            with(Lang::En, no_stop, "the convention"),
            ["the", "convent"]
        );
    }
}
