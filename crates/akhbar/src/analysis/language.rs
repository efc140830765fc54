//! The languages akhbar analyses. Each has its own file implementing
//! [`Language`]; [`language`] is the one place that maps a [`Lang`] to its
//! rules (as charabia lists its normalizers). A language file uses the
//! shared steps of `analysis/` (`words`, `fold`, `snowball`, `stopwords`)
//! and never another language's file.
//!
//! To add a language: a `Lang` variant (`lang.rs`), its file here with its
//! stop words, one arm in [`language`], and its fields in `index/schema.rs`.

use super::fold::{fold_into, lowercase_into};
use super::snowball::Snowball;
use super::{AnalysisOptions, Stemmer};
use crate::lang::Lang;

/// What a language's chain works with besides the word.
pub(crate) struct Cx<'a> {
    /// The options, with the stemmer resolved for the language
    /// ([`Stemmer::for_lang`]).
    pub opts: AnalysisOptions,
    /// A buffer the stemmers may reuse.
    pub scratch: &'a mut Vec<char>,
    /// The language's Snowball stemmer, when it uses one under `opts`.
    pub snowball: Option<&'a Snowball>,
}

/// One language's analysis of a word, after word splitting.
pub(crate) trait Language: Sync {
    /// The tokenizer name registered for the language (`akhbar_fr`).
    fn name(&self) -> &'static str;

    /// The Snowball algorithm the language runs under `stemmer` (already
    /// resolved by [`Stemmer::for_lang`]), if any.
    fn snowball(&self, stemmer: Stemmer) -> Option<rust_stemmers::Algorithm>;

    /// The whole chain on a surface word: normalises it into `out` (empty
    /// on entry), then runs the language's rules. `None` when nothing is left
    /// after normalisation (a lone mark), `Some(false)` when the word is
    /// dropped (a stop word).
    fn analyze(&self, surface: &str, out: &mut String, cx: &mut Cx) -> Option<bool> {
        normalize(surface, out, cx.opts);
        if out.is_empty() {
            return None;
        }
        Some(self.process(out, surface, cx))
    }

    /// The rules after normalisation (elision, stop words, stemming);
    /// false drops the word.
    fn process(&self, out: &mut String, surface: &str, cx: &mut Cx) -> bool;

    /// Stemming alone, on a normalised word that was kept.
    fn stem(&self, out: &mut String, cx: &mut Cx);

    /// True when [`Language::analyze`] stems before folding, so that a
    /// word's exact form and its stem come from two runs of the chain.
    fn stems_before_folding(&self) -> bool {
        false
    }

    /// Removes from an exact form what is not part of the word (the Arabic
    /// article, a clitic as French elision is).
    fn exact_form(&self, _exact: &mut String) {}
}

/// The normalisation step: full folding, or lowercasing only when
/// `opts.normalize` is false.
pub(crate) fn normalize(surface: &str, out: &mut String, opts: AnalysisOptions) {
    if opts.normalize {
        fold_into(surface, out);
    } else {
        lowercase_into(surface, out);
    }
}

/// The rules of `lang`.
pub(crate) fn language(lang: Lang) -> &'static dyn Language {
    match lang {
        Lang::Fr => &super::french::French,
        Lang::Ar => &super::arabic::Arabic,
        Lang::Es => &super::latin::SPANISH,
        Lang::En => &super::latin::ENGLISH,
        Lang::Other => &Other,
    }
}

/// Text in no language akhbar knows: normalised only, no stop words, no
/// stemming.
struct Other;

impl Language for Other {
    fn name(&self) -> &'static str {
        "akhbar_other"
    }

    fn snowball(&self, _stemmer: Stemmer) -> Option<rust_stemmers::Algorithm> {
        None
    }

    fn process(&self, _out: &mut String, _surface: &str, _cx: &mut Cx) -> bool {
        true
    }

    fn stem(&self, _out: &mut String, _cx: &mut Cx) {}
}
