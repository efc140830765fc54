//! The pass a question makes over its words before the first stage: which
//! languages search it (by its script), which words it keeps (question
//! words dropped), and how each word is searched (a typo corrected to the
//! nearest indexed term, question frames weighed down, Arabic variants
//! counted). It records what it rewrote, for the reranker to match the same
//! words and for the results to say which words were corrected.

use std::collections::HashMap;

use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use super::frames::frame_weight;
use super::question_words::is_question_word;
use super::variants::arabic_variants;
use super::QuestionOptions;
use crate::analysis::{analyzer, exact_form, AnalysisOptions};
use crate::index::Fields;
use crate::lang::Lang;
use crate::search::query::{Rewriter, Searched};
use crate::search::{correction, Corrected};

/// How the pass rewrote a question's words with the index's vocabulary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rewrites {
    /// Words no article holds, searched as the nearest indexed word.
    pub corrections: Vec<Correction>,
    /// Words searched with their Arabic variants.
    pub variants: Vec<Variants>,
}

impl Rewrites {
    /// The corrections as the results list them: each word and its
    /// replacement once (a word is looked up in each language searched).
    pub fn corrected(&self) -> Vec<Corrected> {
        let mut out: Vec<Corrected> = Vec::new();
        for c in &self.corrections {
            let item = Corrected {
                word: c.word.clone(),
                searched: c.searched.clone(),
            };
            if !out.contains(&item) {
                out.push(item);
            }
        }
        out
    }
}

/// A word's other indexed forms (see [`super::variants`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variants {
    pub lang: Lang,
    /// The term searched (after any correction).
    pub term: String,
    pub forms: Vec<String>,
}

/// A query word no article contains, and the indexed word searched
/// instead (see [`QuestionOptions::typos`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// The language whose fields were searched.
    pub lang: Lang,
    /// The word as typed.
    pub word: String,
    /// The word's term (as analysed), which no article holds.
    pub term: String,
    /// The indexed term searched in its place.
    pub searched: String,
}

/// The languages a question is searched in when none is given and
/// [`QuestionOptions::script_hint`] is on: Arabic for Arabic script alone,
/// the Latin languages for Latin script alone, every language otherwise.
pub fn script_langs(text: &str) -> Vec<Lang> {
    let counts = crate::lang::script_counts(text);
    if counts.arabic > 0 && counts.latin == 0 {
        vec![Lang::Ar]
    } else if counts.latin > 0 && counts.arabic == 0 {
        vec![Lang::Fr, Lang::Es, Lang::En, Lang::Other]
    } else {
        Lang::ALL.to_vec()
    }
}

/// The question's pass over its words, against one index.
pub(crate) struct QuestionRewriter<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    options: QuestionOptions,
    analyzers: Vec<(Lang, TextAnalyzer)>,
    /// The languages searched.
    langs: Vec<Lang>,
    /// Whether some language searched holds a word (typo tolerance).
    known: HashMap<String, bool>,
    pub(crate) rewrites: Rewrites,
}

impl<'a> QuestionRewriter<'a> {
    pub(crate) fn new(
        searcher: &'a Searcher,
        fields: &'a Fields,
        analysis: AnalysisOptions,
        options: QuestionOptions,
    ) -> Self {
        QuestionRewriter {
            searcher,
            fields,
            options,
            analyzers: Lang::ALL
                .iter()
                .map(|&l| (l, analyzer(l, analysis)))
                .collect(),
            langs: Vec::new(),
            known: HashMap::new(),
            rewrites: Rewrites::default(),
        }
    }

    /// The indexed term searched for `term` (typed as `word`) when no
    /// article of `lang` holds it and typo tolerance is on.
    fn correction(&mut self, lang: Lang, word: &str, term: &str) -> Option<String> {
        if self.options.typos <= 0.0 || self.known_in_any_language(word) {
            return None;
        }
        let fields = [self.fields.title_of(lang), self.fields.body_of(lang)];
        let searched = correction(self.searcher, &fields, term).ok()??;
        let correction = Correction {
            lang,
            word: word.trim().to_string(),
            term: term.to_string(),
            searched: searched.clone(),
        };
        if !self.rewrites.corrections.contains(&correction) {
            self.rewrites.corrections.push(correction);
        }
        Some(searched)
    }

    /// True when some language searched holds `word` (as its analyzer
    /// writes it): a French word absent from the English fields is not a
    /// typo there. Remembered for the question.
    fn known_in_any_language(&mut self, word: &str) -> bool {
        if let Some(&known) = self.known.get(word) {
            return known;
        }
        let mut known = false;
        'langs: for &lang in &self.langs {
            let fields = [self.fields.title_of(lang), self.fields.body_of(lang)];
            let Some((_, analyzer)) = self.analyzers.iter_mut().find(|(l, _)| *l == lang) else {
                continue;
            };
            let mut stream = analyzer.token_stream(word);
            while stream.advance() {
                let term = &stream.token().text;
                if exact_form(term).is_some() {
                    continue;
                }
                for field in fields {
                    if self
                        .searcher
                        .doc_freq(&Term::from_field_text(field, term))
                        .unwrap_or(0)
                        > 0
                    {
                        known = true;
                        break 'langs;
                    }
                }
            }
        }
        self.known.insert(word.to_string(), known);
        known
    }

    /// The Arabic variants of `term` that the index holds, when
    /// [`QuestionOptions::variants`] is on.
    fn variants(&mut self, lang: Lang, term: &str) -> Vec<String> {
        if lang != Lang::Ar || self.options.variants <= 0.0 {
            return Vec::new();
        }
        let fields = [self.fields.title_of(lang), self.fields.body_of(lang)];
        let forms = arabic_variants(self.searcher, &fields, term).unwrap_or_default();
        if !forms.is_empty() {
            let v = Variants {
                lang,
                term: term.to_string(),
                forms: forms.clone(),
            };
            if !self.rewrites.variants.contains(&v) {
                self.rewrites.variants.push(v);
            }
        }
        forms
    }
}

impl Rewriter for QuestionRewriter<'_> {
    fn languages(&mut self, text: &str, given: &[Lang]) -> Vec<Lang> {
        self.langs = if !given.is_empty() {
            given.to_vec()
        } else if self.options.script_hint {
            script_langs(text)
        } else {
            Lang::ALL.to_vec()
        };
        self.known.clear();
        self.langs.clone()
    }

    fn keeps(&mut self, lang: Lang, word: &str) -> bool {
        !(self.options.question_words && is_question_word(lang, word))
    }

    fn rewrite(&mut self, lang: Lang, word: &str, term: &str) -> Searched {
        let mut searched = Searched::as_typed(term);
        if let Some(corrected) = self.correction(lang, word, term) {
            searched.term = corrected;
            searched.weight *= self.options.typos;
            searched.exact = false;
        }
        // A corrected word weighs as the word searched.
        if self.options.frames {
            searched.weight *= frame_weight(lang, &searched.term);
        }
        let weight = self.options.variants;
        searched.forms = self
            .variants(lang, &searched.term.clone())
            .into_iter()
            .map(|form| (form, weight))
            .collect();
        searched
    }
}
