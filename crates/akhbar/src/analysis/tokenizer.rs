//! The shared word splitter, the character-level normaliser and the
//! [`AkhbarTokenizer`] that runs one language's whole chain in a single pass.
//!
//! Words are split by [`super::words`], normalised by [`super::fold`] and
//! analysed by the rules of their language ([`super::language`]).
//!
//! # Offsets and positions
//!
//! `offset_from..offset_to` are byte offsets into the original text and cover
//! the whole surface word, elided article and harakat included:
//! `&text[offset_from..offset_to]` is `l'Économie` for the term `econom`.
//! Every surface word takes one position, including the stop words that are
//! dropped (but not a word left empty by normalisation, like a lone tatweel), so positions are consecutive for consecutive kept words and a
//! removed stop word leaves a gap (as in Lucene). The query parser of tantivy
//! carries these gaps into phrase queries, so index and query agree.
//!
//! Terms longer than [`MAX_TERM_BYTES`] after analysis (or surface words
//! over 1024 bytes) are dropped (they are
//! never useful search terms, and tantivy caps term length anyway).

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::language::{language, Cx};
use super::snowball::Snowball;
use super::words::{is_invisible, next_word};
use super::{AnalysisOptions, Stemmer};
use crate::lang::Lang;

/// Terms longer than this (in bytes, after analysis) are not indexed.
pub const MAX_TERM_BYTES: usize = 255;

/// Surface words longer than this (in bytes) are skipped without analysis.
const MAX_SURFACE_BYTES: usize = 1024;

/// What became of a surface word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// A term was written.
    Term,
    /// Dropped (stop word, too long): its position stays empty.
    Gap,
    /// Nothing left after normalisation (lone marks, tatweel): takes no
    /// position.
    Nothing,
}

/// Runs the whole chain of `lang` on one surface word, writing the term into
/// `out` (cleared first).
pub(crate) fn analyze_word(
    lang: Lang,
    opts: AnalysisOptions,
    surface: &str,
    out: &mut String,
    scratch: &mut Vec<char>,
    snowball: Option<&Snowball>,
) -> Outcome {
    out.clear();
    if surface.len() > MAX_SURFACE_BYTES {
        return Outcome::Gap;
    }
    let mut cx = Cx {
        opts: AnalysisOptions {
            stemmer: opts.stemmer.for_lang(lang),
            ..opts
        },
        scratch,
        snowball,
    };
    match language(lang).analyze(surface, out, &mut cx) {
        None => Outcome::Nothing,
        Some(true) if !out.is_empty() && out.len() <= MAX_TERM_BYTES => Outcome::Term,
        Some(_) => Outcome::Gap,
    }
}

/// The Snowball stemmer `lang` runs under `opts`, if any.
pub(crate) fn snowball_for(lang: Lang, opts: AnalysisOptions) -> Option<Snowball> {
    language(lang)
        .snowball(opts.stemmer.for_lang(lang))
        .map(Snowball::new)
}

/// A tantivy [`Tokenizer`] running the akhbar chain of one language (word
/// splitting, normalisation, stop words, stemming) in one pass, reusing its
/// token buffer between tokens.
#[derive(Clone)]
pub struct AkhbarTokenizer {
    lang: Lang,
    opts: AnalysisOptions,
    token: Token,
    scratch: Vec<char>,
}

impl AkhbarTokenizer {
    /// The tokenizer of `lang` with options `opts`.
    pub fn new(lang: Lang, opts: AnalysisOptions) -> Self {
        AkhbarTokenizer {
            lang,
            opts,
            token: Token::default(),
            scratch: Vec::new(),
        }
    }
}

/// The [`TokenStream`] of an [`AkhbarTokenizer`].
pub struct AkhbarTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    next_position: usize,
    lang: Lang,
    opts: AnalysisOptions,
    token: &'a mut Token,
    scratch: &'a mut Vec<char>,
    snowball: Option<Snowball>,
    /// The exact form of the last word, to emit next at its position
    /// (with `AnalysisOptions::exact_forms`).
    exact: String,
    exact_pending: bool,
}

impl Tokenizer for AkhbarTokenizer {
    type TokenStream<'a> = AkhbarTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AkhbarTokenStream<'a> {
        self.token.reset();
        AkhbarTokenStream {
            text,
            cursor: 0,
            next_position: 0,
            lang: self.lang,
            opts: self.opts,
            token: &mut self.token,
            scratch: &mut self.scratch,
            snowball: snowball_for(self.lang, self.opts),
            exact: String::new(),
            exact_pending: false,
        }
    }
}

impl AkhbarTokenStream<'_> {
    /// Analyses `surface` into the stem (the token's text) and its exact
    /// form (`self.exact`, pending when there is one to emit). French and
    /// Arabic normalise once and stem the exact form; Spanish and English
    /// stem before folding, so they run the chain twice.
    fn analyze_with_exact(&mut self, surface: &str) -> Outcome {
        let unstemmed = AnalysisOptions {
            stemmer: Stemmer::None,
            ..self.opts
        };
        let exact = analyze_word(
            self.lang,
            unstemmed,
            surface,
            &mut self.exact,
            self.scratch,
            None,
        );
        let rules = language(self.lang);
        let outcome = if exact == Outcome::Term && !rules.stems_before_folding() {
            let text = &mut self.token.text;
            text.clear();
            text.push_str(&self.exact);
            let mut cx = Cx {
                opts: AnalysisOptions {
                    stemmer: self.opts.stemmer.for_lang(self.lang),
                    ..self.opts
                },
                scratch: self.scratch,
                snowball: self.snowball.as_ref(),
            };
            rules.stem(text, &mut cx);
            if text.is_empty() {
                Outcome::Gap
            } else {
                Outcome::Term
            }
        } else if exact == Outcome::Nothing {
            Outcome::Nothing
        } else {
            // A word too long for its exact form may still fit stemmed;
            // Spanish and English stem apart.
            analyze_word(
                self.lang,
                self.opts,
                surface,
                &mut self.token.text,
                self.scratch,
                self.snowball.as_ref(),
            )
        };
        self.exact_pending =
            outcome == Outcome::Term && exact == Outcome::Term && self.exact.len() < MAX_TERM_BYTES;
        if self.exact_pending {
            // The Arabic article is a clitic, as French elision is:
            // `والمغرب`, `بالمغرب` and `المغرب` have one exact form, `مغرب`.
            rules.exact_form(&mut self.exact);
        }
        outcome
    }
}

impl TokenStream for AkhbarTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if self.exact_pending {
            // Same position and offsets as the stem just emitted.
            self.exact_pending = false;
            self.token.text.clear();
            self.token.text.push(super::EXACT_MARK);
            self.token.text.push_str(&self.exact);
            return true;
        }
        while let Some((from, to)) = next_word(self.text, &mut self.cursor) {
            let raw = &self.text[from..to];
            // A word holding an invisible character (`Ra\u{200B}bat`) is
            // analysed without it.
            let visible: String;
            let surface = if raw.chars().any(is_invisible) {
                visible = raw.chars().filter(|&c| !is_invisible(c)).collect();
                visible.as_str()
            } else {
                raw
            };
            let outcome = if self.opts.exact_forms {
                self.analyze_with_exact(surface)
            } else {
                analyze_word(
                    self.lang,
                    self.opts,
                    surface,
                    &mut self.token.text,
                    self.scratch,
                    self.snowball.as_ref(),
                )
            };
            if outcome == Outcome::Nothing {
                continue;
            }
            let position = self.next_position;
            self.next_position += 1;
            if outcome == Outcome::Term {
                self.token.offset_from = from;
                self.token.offset_to = to;
                self.token.position = position;
                self.token.position_length = 1;
                return true;
            }
        }
        self.token.text.clear();
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}
