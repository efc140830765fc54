//! Compiling a parsed query into a tantivy query.
//!
//! The query is compiled once per language with that language's analyzer,
//! against that language's fields. An article matches when it matches in
//! one of its languages, so a French stop word never becomes a required
//! term of the Arabic branch, and `protocoles` is stemmed the French way
//! for French text. Exclusions (`-word`) apply across every language.
//!
//! An unquoted single word is scored with BM25F over title and body
//! ([`super::super::bm25`]); phrases, prefixes and typo-tolerant words with
//! tantivy's queries, per field. A [`Rewriter`] may change how unquoted
//! words are searched before they are compiled.

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query,
    RangeQuery, RegexQuery, TermQuery,
};
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use super::parse::{unquoted_operators, ParsedQuery, QueryError};
use crate::analysis::{analyzer, exact_form, AnalysisOptions};
use crate::index::Fields;
use crate::lang::Lang;
use crate::search::bm25::{Bm25Params, Bm25fQuery, FieldWeight};

/// How the words of a query combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QueryMode {
    /// Every word is required (`maroc budget` = `maroc AND budget`): the
    /// default of `akhbar-search`.
    #[default]
    All,
    /// Any word may match, and the more (and rarer) words match, the higher
    /// the score: BM25 bag of words, for natural-language queries
    /// (questions). Words marked `+` stay required, `-` excluded.
    Any,
}

/// How matches are scored: BM25F over title and body, the exact-form
/// bonus, and the proximity bonus of `QueryMode::Any`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scoring {
    /// Weight of a match in the title over a match in the body (BM25F: the
    /// title's term frequency counts this many times).
    pub title_boost: f32,
    /// BM25F's term-frequency saturation.
    pub k1: f32,
    /// BM25F's length normalisation of the body.
    pub b_body: f32,
    /// BM25F's length normalisation of the title.
    pub b_title: f32,
    /// The bonus of a word matched in its exact form (indexed with
    /// `AnalysisOptions::exact_forms`), as a fraction of the stem's score:
    /// `Maroc` ranks an article saying `Maroc` over one saying only
    /// `marocaine`; 0 turns it off.
    pub exact: f32,
    /// With `QueryMode::Any`, the boost of the proximity clauses: each pair
    /// of consecutive unquoted query words found within `proximity_slop`
    /// positions of each other in the body adds a bonus; 0 turns them off.
    pub proximity: f32,
    /// How far apart (in positions, stop words counted) the two words of a
    /// proximity pair may be.
    pub proximity_slop: u32,
}

impl Default for Scoring {
    /// What `akhbar-search` ranks with: BM25F with the title weighted 2,
    /// k1 = 0.9, b = 0.75 for both fields, the exact-form bonus 0.5, no
    /// proximity bonus.
    fn default() -> Self {
        Scoring {
            title_boost: 2.0,
            k1: 0.9,
            b_body: Bm25Params::CLASSIC.b,
            b_title: Bm25Params::CLASSIC.b,
            exact: 0.5,
            proximity: 0.0,
            proximity_slop: 0,
        }
    }
}

/// How an unquoted query word is searched: what a [`Rewriter`] decides.
#[derive(Debug, Clone, PartialEq)]
pub struct Searched {
    /// The term searched (the word's own analysed term, or another).
    pub term: String,
    /// The weight of its score (1 as typed).
    pub weight: f32,
    /// Other indexed forms counted as occurrences of the term, each with
    /// its weight, scored as one BM25F term.
    pub forms: Vec<(String, f32)>,
    /// Whether the exact-form bonus applies (only to the word as typed).
    pub exact: bool,
}

impl Searched {
    /// The word's own term, as typed.
    pub fn as_typed(term: &str) -> Self {
        Searched {
            term: term.to_string(),
            weight: 1.0,
            forms: Vec::new(),
            exact: true,
        }
    }
}

/// A pass over the query's words before they are compiled: which
/// languages search them, which unquoted words are kept, and how each is
/// searched. Keyword search uses [`Keywords`] (the words as typed);
/// question answering ([`crate::qa`]) drops question words, corrects typos
/// and adds Arabic variants.
pub trait Rewriter {
    /// The languages whose analyzers search the query `text`: `given` (the
    /// request's languages) when not empty, else every language.
    fn languages(&mut self, _text: &str, given: &[Lang]) -> Vec<Lang> {
        if given.is_empty() {
            Lang::ALL.to_vec()
        } else {
            given.to_vec()
        }
    }

    /// Whether the unquoted word `word` (as typed) is searched in `lang`.
    fn keeps(&mut self, _lang: Lang, _word: &str) -> bool {
        true
    }

    /// How the unquoted word `word`, analysed to `term` in `lang`, is searched.
    fn rewrite(&mut self, _lang: Lang, _word: &str, term: &str) -> Searched {
        Searched::as_typed(term)
    }
}

/// Words searched as typed: keyword search.
#[derive(Debug, Clone, Copy, Default)]
pub struct Keywords;

impl Rewriter for Keywords {}

/// Compiles parsed queries against an index's fields.
pub struct QueryCompiler<'a> {
    fields: &'a Fields,
    scoring: Scoring,
    mode: QueryMode,
    analyzers: Vec<(Lang, TextAnalyzer)>,
    rewriter: &'a mut dyn Rewriter,
    /// The words the rewriter searched as another term, in order:
    /// `(lang, term, searched)` (the proximity pairs search them too).
    replaced: Vec<(Lang, String, String)>,
}

impl<'a> QueryCompiler<'a> {
    /// A compiler for an index's `fields` analysed with `opts`; `rewriter`
    /// decides how each unquoted word is searched ([`Keywords`] for words
    /// as typed).
    pub fn new(
        fields: &'a Fields,
        opts: AnalysisOptions,
        scoring: Scoring,
        mode: QueryMode,
        rewriter: &'a mut dyn Rewriter,
    ) -> Self {
        let analyzers = Lang::ALL.iter().map(|&l| (l, analyzer(l, opts))).collect();
        QueryCompiler {
            fields,
            scoring,
            mode,
            analyzers,
            rewriter,
            replaced: Vec::new(),
        }
    }

    /// The query for `langs` (every language when empty). Fails when no
    /// language has a word left to search for.
    pub fn compile(
        &mut self,
        query: &ParsedQuery,
        langs: &[Lang],
    ) -> Result<Box<dyn Query>, QueryError> {
        if query.is_match_all() {
            return Ok(Box::new(AllQuery));
        }
        let langs = self.rewriter.languages(&query.text, langs);
        let mut branches: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for &lang in &langs {
            let Some(words) = self.compile_ast(&query.ast, lang) else {
                continue;
            };
            let proximity = self.proximity_clauses(&query.ast, lang);
            let branch: Box<dyn Query> = if proximity.is_empty() {
                words
            } else {
                let mut clauses = vec![(Occur::Must, words)];
                clauses.extend(proximity.into_iter().map(|q| (Occur::Should, q)));
                Box::new(BooleanQuery::new(clauses))
            };
            branches.push((Occur::Should, branch));
        }
        match branches.len() {
            0 => Err(QueryError::NothingToSearch(query.text.trim().to_string())),
            1 => Ok(branches
                .into_iter()
                .next()
                .map(|(_, q)| q)
                .unwrap_or_else(|| Box::new(AllQuery))),
            _ => Ok(Box::new(BooleanQuery::new(branches))),
        }
    }

    /// The proximity bonus of one language: a sloppy two-word phrase on the
    /// body for each pair of consecutive unquoted words of the top level
    /// (`QueryMode::Any` only, `Scoring::proximity > 0`).
    fn proximity_clauses(&mut self, ast: &UserInputAst, lang: Lang) -> Vec<Box<dyn Query>> {
        if self.mode != QueryMode::Any || self.scoring.proximity <= 0.0 {
            return Vec::new();
        }
        let mut words = self.proximity_words(ast, lang);
        for word in &mut words {
            if let Some((_, _, searched)) = self
                .replaced
                .iter()
                .find(|(l, term, _)| *l == lang && term == word)
            {
                *word = searched.clone();
            }
        }
        let field = self.fields.body_of(lang);
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        for pair in words.windows(2) {
            if pair[0] == pair[1] {
                continue;
            }
            let mut phrase = PhraseQuery::new(vec![
                Term::from_field_text(field, &pair[0]),
                Term::from_field_text(field, &pair[1]),
            ]);
            phrase.set_slop(self.scoring.proximity_slop);
            out.push(Box::new(BoostQuery::new(
                Box::new(phrase),
                self.scoring.proximity,
            )));
        }
        out
    }

    /// The analysed unquoted words of the top level, in order, for the
    /// proximity clauses.
    fn proximity_words(&mut self, ast: &UserInputAst, lang: Lang) -> Vec<String> {
        let UserInputAst::Clause(clauses) = ast else {
            return Vec::new();
        };
        let mut words: Vec<String> = Vec::new();
        for (occur, sub) in clauses {
            if matches!(occur, Some(query_grammar::Occur::MustNot)) {
                continue;
            }
            let UserInputAst::Leaf(leaf) = sub else {
                continue;
            };
            let UserInputLeaf::Literal(literal) = &**leaf else {
                continue;
            };
            if literal.field_name.is_some() || literal.delimiter != Delimiter::None {
                continue;
            }
            let literal = unquoted_operators(literal);
            if literal.prefix || literal.slop > 0 {
                continue;
            }
            words.extend(
                self.analyze(lang, &literal.phrase, true)
                    .into_iter()
                    .map(|(_, w)| w),
            );
        }
        words
    }

    fn compile_ast(&mut self, ast: &UserInputAst, lang: Lang) -> Option<Box<dyn Query>> {
        match ast {
            UserInputAst::Clause(clauses) => {
                let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                let mut positive = false;
                for (occur, sub) in clauses {
                    let occur = match occur {
                        None if self.mode == QueryMode::Any => Occur::Should,
                        None | Some(query_grammar::Occur::Must) => Occur::Must,
                        Some(query_grammar::Occur::Should) => Occur::Should,
                        Some(query_grammar::Occur::MustNot) => Occur::MustNot,
                    };
                    let compiled = if occur == Occur::MustNot {
                        self.compile_any_lang(sub)
                    } else {
                        self.compile_ast(sub, lang)
                    };
                    if let Some(q) = compiled {
                        positive |= occur != Occur::MustNot;
                        subs.push((occur, q));
                    }
                }
                if subs.is_empty() {
                    return None;
                }
                if !positive {
                    subs.push((Occur::Must, Box::new(AllQuery)));
                }
                Some(Box::new(BooleanQuery::new(subs)))
            }
            UserInputAst::Boost(inner, boost) => self
                .compile_ast(inner, lang)
                .map(|q| Box::new(BoostQuery::new(q, boost.into_inner() as f32)) as Box<dyn Query>),
            UserInputAst::Leaf(leaf) => match &**leaf {
                UserInputLeaf::All => Some(Box::new(AllQuery)),
                UserInputLeaf::Literal(literal) => self.compile_literal(literal, lang),
                // Ranges, sets and regexes are not part of akhbar's language:
                // search their text as words.
                other => {
                    let text = format!("{other:?}");
                    let literal = UserInputLiteral {
                        field_name: None,
                        phrase: text,
                        delimiter: Delimiter::None,
                        slop: 0,
                        prefix: false,
                    };
                    self.compile_literal(&literal, lang)
                }
            },
        }
    }

    /// A sub-query matched in any language (for exclusions).
    fn compile_any_lang(&mut self, ast: &UserInputAst) -> Option<Box<dyn Query>> {
        let subs: Vec<(Occur, Box<dyn Query>)> = Lang::ALL
            .iter()
            .filter_map(|&lang| self.compile_ast(ast, lang).map(|q| (Occur::Should, q)))
            .collect();
        (!subs.is_empty()).then(|| Box::new(BooleanQuery::new(subs)) as Box<dyn Query>)
    }

    /// The terms of `text` in `lang`, with their positions; with `unquoted`,
    /// the words the rewriter does not keep are left out.
    fn analyze(&mut self, lang: Lang, text: &str, unquoted: bool) -> Vec<(usize, String)> {
        self.analyze_with_exact(lang, text, unquoted)
            .into_iter()
            .map(|(pos, term, _)| (pos, term))
            .collect()
    }

    /// [`Self::analyze`] with each term's exact form, when the analyzer
    /// gives one (`AnalysisOptions::exact_forms`).
    fn analyze_with_exact(
        &mut self,
        lang: Lang,
        text: &str,
        unquoted: bool,
    ) -> Vec<(usize, String, Option<String>)> {
        let rewriter = &mut *self.rewriter;
        let analyzer = match self.analyzers.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, a)) => a,
            None => return Vec::new(),
        };
        let mut stream = analyzer.token_stream(text);
        let mut out: Vec<(usize, String, Option<String>)> = Vec::new();
        while stream.advance() {
            let token = stream.token();
            if unquoted
                && text
                    .get(token.offset_from..token.offset_to)
                    .is_some_and(|w| !rewriter.keeps(lang, w))
            {
                continue;
            }
            if let Some(exact) = exact_form(&token.text) {
                if let Some(last) = out.last_mut() {
                    if last.0 == token.position {
                        last.2 = Some(exact.to_string());
                    }
                }
                continue;
            }
            out.push((token.position, token.text.clone(), None));
        }
        out
    }

    fn compile_literal(
        &mut self,
        literal: &UserInputLiteral,
        lang: Lang,
    ) -> Option<Box<dyn Query>> {
        let normalized = unquoted_operators(literal);
        let literal = &normalized;
        let f = self.fields;
        let targets: Vec<(Field, f32)> = match literal.field_name.as_deref() {
            Some("title") => vec![(f.title_of(lang), 1.0)],
            Some("body") => vec![(f.body_of(lang), 1.0)],
            Some("source") => return self.source_literal(&literal.phrase),
            Some("lang") => return Some(self.lang_filter(&literal.phrase)),
            Some("date") => return Some(self.date_filter(&literal.phrase)),
            Some(other) => {
                // `Casablanca:` is a word followed by a colon, not a field.
                let mut words = literal.clone();
                words.field_name = None;
                words.phrase = format!("{other} {}", literal.phrase);
                return self.compile_literal(&words, lang);
            }
            None => vec![
                (f.title_of(lang), self.scoring.title_boost),
                (f.body_of(lang), 1.0),
            ],
        };
        let unquoted = literal.delimiter == Delimiter::None && literal.field_name.is_none();
        let analyzed = self.analyze_with_exact(lang, &literal.phrase, unquoted);
        let exact = match analyzed.as_slice() {
            [(_, _, exact)] => exact.clone(),
            _ => None,
        };
        let tokens: Vec<(usize, String)> = analyzed.into_iter().map(|(p, t, _)| (p, t)).collect();
        if tokens.is_empty() {
            return None;
        }
        if tokens.len() == 1 && !literal.prefix && literal.slop == 0 && literal.field_name.is_none()
        {
            let fields = [
                FieldWeight {
                    field: f.title_of(lang),
                    weight: self.scoring.title_boost,
                    b: self.scoring.b_title,
                },
                FieldWeight {
                    field: f.body_of(lang),
                    weight: 1.0,
                    b: self.scoring.b_body,
                },
            ];
            let fields: Vec<FieldWeight> =
                fields.into_iter().filter(|fw| fw.weight > 0.0).collect();
            let typed = &tokens[0].1;
            let searched = if unquoted {
                self.rewriter.rewrite(lang, &literal.phrase, typed)
            } else {
                Searched::as_typed(typed)
            };
            if searched.term != *typed
                && !self
                    .replaced
                    .iter()
                    .any(|(l, t, _)| *l == lang && t == typed)
            {
                self.replaced
                    .push((lang, typed.clone(), searched.term.clone()));
            }
            let exact = exact.filter(|_| searched.exact);
            let stem: Box<dyn Query> = if searched.forms.is_empty() {
                Box::new(Bm25fQuery::new(&searched.term, &fields, self.scoring.k1))
            } else {
                let mut forms: Vec<(&str, f32)> = vec![(searched.term.as_str(), 1.0)];
                forms.extend(searched.forms.iter().map(|(form, w)| (form.as_str(), *w)));
                Box::new(Bm25fQuery::with_variants(&forms, &fields, self.scoring.k1))
            };
            let stem: Box<dyn Query> = if searched.weight < 1.0 {
                Box::new(BoostQuery::new(stem, searched.weight))
            } else {
                stem
            };
            let Some(exact) = exact.filter(|_| self.scoring.exact > 0.0) else {
                return Some(stem);
            };
            let exact = Bm25fQuery::new(
                &format!("{}{exact}", crate::analysis::EXACT_MARK),
                &fields,
                self.scoring.k1,
            );
            return Some(Box::new(BooleanQuery::new(vec![
                (Occur::Must, stem),
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(exact), self.scoring.exact)),
                ),
            ])));
        }
        let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, boost) in targets {
            let query: Box<dyn Query> = if tokens.len() == 1 {
                let term = Term::from_field_text(field, &tokens[0].1);
                if literal.prefix {
                    match RegexQuery::from_pattern(
                        &format!("{}.*", regex_escape(&tokens[0].1)),
                        field,
                    ) {
                        Ok(q) => Box::new(q),
                        Err(_) => Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                    }
                } else if literal.slop > 0 && literal.delimiter == Delimiter::None {
                    Box::new(FuzzyTermQuery::new(term, literal.slop.min(2) as u8, true))
                } else {
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
                }
            } else {
                let terms: Vec<(usize, Term)> = tokens
                    .iter()
                    .map(|(pos, text)| (*pos - tokens[0].0, Term::from_field_text(field, text)))
                    .collect();
                let mut phrase = PhraseQuery::new_with_offset(terms);
                if literal.delimiter != Delimiter::None {
                    phrase.set_slop(literal.slop);
                }
                Box::new(phrase)
            };
            let query = if (boost - 1.0).abs() > f32::EPSILON {
                Box::new(BoostQuery::new(query, boost)) as Box<dyn Query>
            } else {
                query
            };
            per_field.push((Occur::Should, query));
        }
        Some(if per_field.len() == 1 {
            per_field.remove(0).1
        } else {
            Box::new(BooleanQuery::new(per_field))
        })
    }

    /// `lang:ar`: the articles of that dominant language (scored 0).
    fn lang_filter(&self, code: &str) -> Box<dyn Query> {
        Box::new(ConstScoreQuery::new(
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.lang, code),
                IndexRecordOption::Basic,
            )),
            0.0,
        ))
    }

    /// `date:A..B` (bounds already checked by the parser): the articles
    /// dated in that range (scored 0).
    fn date_filter(&self, range: &str) -> Box<dyn Query> {
        use std::ops::Bound;
        let (since, until) = super::parse::date_range(range).unwrap_or((None, None));
        let bound = |d: Option<chrono::NaiveDate>| match d {
            Some(d) => Bound::Included(Term::from_field_date(
                self.fields.date,
                crate::index::to_datetime(d),
            )),
            None => Bound::Unbounded,
        };
        Box::new(ConstScoreQuery::new(
            Box::new(RangeQuery::new(bound(since), bound(until))),
            0.0,
        ))
    }

    fn source_literal(&mut self, name: &str) -> Option<Box<dyn Query>> {
        let key = crate::search::source_key(name);
        (!key.is_empty()).then(|| {
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.source_key, &key),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>
        })
    }
}

fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~\"@<>".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
