//! Parsing a user's query and compiling it into a tantivy query.
//!
//! The query is parsed once (tantivy's query grammar: words, `"phrases"`,
//! `-excluded`, `OR`, parentheses, `field:`, `prefix*`, `word~1`), then
//! compiled once per language with that language's analyzer, against that
//! language's fields. An article matches when it matches in one of its
//! languages, so a French stop word never becomes a required term of the
//! Arabic branch, and `protocoles` is stemmed the French way for French text.
//! Exclusions (`-word`) apply across every language.

use std::collections::HashMap;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RegexQuery,
    TermQuery,
};
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use super::bm25::{Bm25Params, Bm25fQuery, FieldWeight};
use super::proximity::WindowQuery;
use super::rerank::RerankModel;
use crate::analysis::{analyzer, exact_form, is_question_word, AnalysisOptions};
use crate::index::Fields;
use crate::lang::Lang;

/// A query that cannot be searched, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("cannot parse the query `{query}`{}: {hint}", at(*position))]
    Syntax {
        query: String,
        position: Option<usize>,
        hint: String,
    },
    #[error(
        "the query `{0}` has no word to search for (only stop words or punctuation): \
         add a content word, or search `*` to browse with filters alone"
    )]
    NothingToSearch(String),
    #[error("the query is empty: give words to search for, or `*` to browse with filters alone")]
    Empty,
}

fn at(position: Option<usize>) -> String {
    position
        .map(|p| format!(" at character {}", p + 1))
        .unwrap_or_default()
}

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

/// How query words are weighed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Boost of a match in the title over a match in the body.
    pub title_boost: f32,
    /// How the words combine.
    pub mode: QueryMode,
    /// Boost of the proximity clauses: each pair of consecutive query words
    /// (across unquoted words) found within `proximity_slop` positions of
    /// each other in the body adds a bonus; 0 turns them off.
    pub proximity: f32,
    /// How far apart (in positions, stop words counted) the two words of a
    /// proximity pair may be.
    pub proximity_slop: u32,
    /// Drop question words (`quand`, `combien`, `متى`, `كم`, ...) from
    /// unquoted query words.
    pub question_words: bool,
    /// With no language given, narrow the languages by the query's script:
    /// an Arabic-only query is searched as Arabic, a Latin-only query as
    /// French, Spanish, English (and other).
    pub script_hint: bool,
    /// Score an unquoted word over title and body together with BM25F
    /// (field frequencies weighted by `title_boost`, normalised by each
    /// field's length, saturated once; see [`super::bm25`]) instead of
    /// adding two BM25 scores with tantivy's fixed k1/b.
    pub bm25f: bool,
    /// BM25F's term-frequency saturation.
    pub k1: f32,
    /// BM25F's length normalisation of the body.
    pub b_body: f32,
    /// BM25F's length normalisation of the title.
    pub b_title: f32,
    /// Bonus per unit of idf of the best window of the body (see
    /// [`super::proximity`]): the distinct unquoted query words found
    /// within `window_width` positions; 0 turns it off (`QueryMode::Any`
    /// only).
    pub window: f32,
    /// The width of that window, in positions (stop words counted).
    pub window_width: u32,
    /// With BM25F, the bonus of a word matched in its exact form (indexed
    /// with `AnalysisOptions::exact_forms`), as a fraction of the stem's
    /// score: `Maroc` ranks an article saying `Maroc` over one saying only
    /// `marocaine`; 0 turns it off.
    pub exact: f32,
    /// The second stage: the first stage's top hits re-scored from their
    /// stored text (see [`super::rerank`]); `RerankModel::OFF` turns it off.
    pub rerank: RerankModel,
    /// Typo tolerance: an unquoted word that no article contains is
    /// searched as the nearest indexed word (see [`super::typos`]), with
    /// this weight; 0 turns it off. Needs a compiler given the index's
    /// vocabulary ([`QueryCompiler::with_vocabulary`]).
    pub typos: f32,
    /// Weigh unquoted words by how rarely the passage answering a question
    /// holds them (question frames such as `nationalité`, `اسم`; see
    /// [`crate::analysis::frames`]).
    pub frames: bool,
    /// Arabic variants of unquoted words (with or without a clitic,
    /// `لمشروع` / `مشروع`; with a long vowel more or fewer, `مساجد` /
    /// `مسجد`; see [`super::variants`]) count as occurrences with this
    /// weight; 0 turns them off. Needs the index's vocabulary, like `typos`.
    pub variants: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            title_boost: 2.0,
            mode: QueryMode::All,
            proximity: 0.0,
            proximity_slop: 0,
            question_words: false,
            script_hint: false,
            bm25f: true,
            k1: 0.9,
            b_body: Bm25Params::CLASSIC.b,
            b_title: Bm25Params::CLASSIC.b,
            window: 0.0,
            window_width: 0,
            exact: 0.5,
            rerank: RerankModel::OFF,
            typos: 0.0,
            frames: false,
            variants: 0.0,
        }
    }
}

impl Weights {
    /// The ranking for natural-language queries (questions), as measured by
    /// `akhbar-eval`: any word may match, question words dropped, question
    /// frames weighed down, a bonus for query words found close together,
    /// words no article holds searched as the nearest indexed word, Arabic
    /// variants (clitics, long vowels); like the default, BM25F (title
    /// weight 2, k1 0.9) and the exact-form bonus (0.5); and the learned
    /// reranker of the top 20 hits ([`RerankModel::LEARNED`]).
    pub fn natural_language() -> Self {
        Weights {
            title_boost: 2.0,
            mode: QueryMode::Any,
            proximity: 0.3,
            proximity_slop: 2,
            question_words: true,
            script_hint: true,
            bm25f: true,
            k1: 0.9,
            b_body: Bm25Params::CLASSIC.b,
            b_title: Bm25Params::CLASSIC.b,
            window: 0.0,
            window_width: 10,
            exact: 0.5,
            rerank: RerankModel::LEARNED,
            typos: 1.0,
            frames: true,
            variants: 0.5,
        }
    }
}

/// A parsed query.
#[derive(Debug, Clone)]
pub struct ParsedQuery {
    pub text: String,
    ast: UserInputAst,
}

impl ParsedQuery {
    /// True for `*` alone: every article.
    pub fn is_match_all(&self) -> bool {
        matches!(&self.ast, UserInputAst::Leaf(leaf) if matches!(**leaf, UserInputLeaf::All))
    }
}

/// Parses a query. `*` alone matches every article.
pub fn parse(text: &str) -> Result<ParsedQuery, QueryError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(QueryError::Empty);
    }
    if trimmed == "*" {
        return Ok(ParsedQuery {
            text: text.to_string(),
            ast: UserInputAst::Leaf(Box::new(UserInputLeaf::All)),
        });
    }
    if let Some(problem) = unbalanced(trimmed) {
        return Err(problem);
    }
    match query_grammar::parse_query(trimmed) {
        Ok(ast) => Ok(ParsedQuery {
            text: text.to_string(),
            ast,
        }),
        Err(_) => {
            let (_, errors) = query_grammar::parse_query_lenient(trimmed);
            let first = errors.into_iter().next();
            Err(QueryError::Syntax {
                query: trimmed.to_string(),
                position: first.as_ref().map(|e| e.pos),
                hint: first
                    .map(|e| format!("{}; quote words that hold special characters", e.message))
                    .unwrap_or_else(|| "quote words that hold special characters (\"...\")".into()),
            })
        }
    }
}

/// A query's text made into plain words for a bag-of-words search: the
/// query language's operators (`"`, `-`, `:`, `*`, `~`, parentheses, `OR`,
/// ...) are read as punctuation, apostrophes between letters kept.
pub fn plain_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric()
            || c == '\''
            || c == '\u{2019}'
            || c == '\u{0640}'
            || unicode_normalization::char::is_combining_mark(c)
        {
            out.push(c);
        } else {
            out.push(' ');
        }
    }
    out.split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c| c == '\'' || c == '\u{2019}');
            if matches!(w, "AND" | "OR" | "NOT" | "IN") {
                w.to_lowercase()
            } else {
                w.to_string()
            }
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads `text` as plain words, without the query language: every
/// whitespace-separated word is one unquoted word (for natural-language
/// queries such as questions, whose apostrophes, hyphens and colons are
/// not operators). Combine with [`QueryMode::Any`].
pub fn parse_words(text: &str) -> Result<ParsedQuery, QueryError> {
    let clauses: Vec<(Option<query_grammar::Occur>, UserInputAst)> = text
        .split_whitespace()
        .map(|word| {
            let literal = UserInputLiteral {
                field_name: None,
                phrase: word.to_string(),
                delimiter: Delimiter::None,
                slop: 0,
                prefix: false,
            };
            (
                None,
                UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(literal))),
            )
        })
        .collect();
    if clauses.is_empty() {
        return Err(QueryError::Empty);
    }
    Ok(ParsedQuery {
        text: text.to_string(),
        ast: UserInputAst::Clause(clauses),
    })
}

/// Finds an unclosed quote or parenthesis, which the grammar would
/// otherwise read leniently.
fn unbalanced(query: &str) -> Option<QueryError> {
    let syntax = |position: usize, hint: &str| QueryError::Syntax {
        query: query.to_string(),
        position: Some(position),
        hint: hint.to_string(),
    };
    let mut open_quote = None;
    let mut parens = Vec::new();
    for (i, c) in query.chars().enumerate() {
        match c {
            '"' if open_quote.is_some() => open_quote = None,
            '"' => open_quote = Some(i),
            '(' if open_quote.is_none() => parens.push(i),
            ')' if open_quote.is_none() && parens.pop().is_none() => {
                return Some(syntax(
                    i,
                    "this `)` closes nothing: remove it or add a `(` before",
                ));
            }
            _ => {}
        }
    }
    if let Some(i) = open_quote {
        return Some(syntax(
            i,
            "this `\"` opens a phrase that is never closed: add a closing `\"`",
        ));
    }
    parens
        .first()
        .map(|&i| syntax(i, "this `(` is never closed: add a `)`"))
}

/// Compiles parsed queries against an index's fields.
pub struct QueryCompiler<'a> {
    fields: &'a Fields,
    weights: Weights,
    analyzers: Vec<(Lang, TextAnalyzer)>,
    vocabulary: Option<&'a Searcher>,
    rewrites: Rewrites,
    /// The languages of the query being compiled.
    langs: Vec<Lang>,
    /// Whether some language searched holds a word (typo tolerance).
    known: HashMap<String, bool>,
}

/// How the compiler rewrote a query's words with the index's vocabulary,
/// for the reranker to match the same words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rewrites {
    /// Words no article holds, searched as the nearest indexed word.
    pub corrections: Vec<Correction>,
    /// Words searched with their Arabic variants.
    pub variants: Vec<Variants>,
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
/// instead (see [`Weights::typos`]).
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

impl<'a> QueryCompiler<'a> {
    pub fn new(fields: &'a Fields, opts: AnalysisOptions, weights: Weights) -> Self {
        let analyzers = Lang::ALL.iter().map(|&l| (l, analyzer(l, opts))).collect();
        QueryCompiler {
            fields,
            weights,
            analyzers,
            vocabulary: None,
            rewrites: Rewrites::default(),
            langs: Vec::new(),
            known: HashMap::new(),
        }
    }

    /// Lets the compiler look words up in an index's term dictionaries, for
    /// typo tolerance ([`Weights::typos`]).
    pub fn with_vocabulary(mut self, searcher: &'a Searcher) -> Self {
        self.vocabulary = Some(searcher);
        self
    }

    /// How the queries compiled since the last call were rewritten.
    pub fn take_rewrites(&mut self) -> Rewrites {
        std::mem::take(&mut self.rewrites)
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
        let langs: Vec<Lang> = if !langs.is_empty() {
            langs.to_vec()
        } else if self.weights.script_hint {
            script_langs(&query.text)
        } else {
            Lang::ALL.to_vec()
        };
        self.langs = langs.clone();
        self.known.clear();
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
    /// (`QueryMode::Any` only, `Weights::proximity > 0`).
    fn proximity_clauses(&mut self, ast: &UserInputAst, lang: Lang) -> Vec<Box<dyn Query>> {
        if self.weights.mode != QueryMode::Any
            || (self.weights.proximity <= 0.0 && self.weights.window <= 0.0)
        {
            return Vec::new();
        }
        let mut words = self.proximity_words(ast, lang);
        for word in &mut words {
            if let Some(c) = self
                .rewrites
                .corrections
                .iter()
                .find(|c| c.lang == lang && c.term == *word)
            {
                *word = c.searched.clone();
            }
        }
        let field = self.fields.body_of(lang);
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        if self.weights.window > 0.0 && self.weights.window_width > 1 {
            let terms: Vec<Term> = words
                .iter()
                .map(|w| Term::from_field_text(field, w))
                .collect();
            out.push(Box::new(WindowQuery::new(
                terms,
                self.weights.window_width,
                self.weights.window,
            )));
        }
        if self.weights.proximity <= 0.0 {
            return out;
        }
        for pair in words.windows(2) {
            if pair[0] == pair[1] {
                continue;
            }
            let mut phrase = PhraseQuery::new(vec![
                Term::from_field_text(field, &pair[0]),
                Term::from_field_text(field, &pair[1]),
            ]);
            phrase.set_slop(self.weights.proximity_slop);
            out.push(Box::new(BoostQuery::new(
                Box::new(phrase),
                self.weights.proximity,
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
                        None if self.weights.mode == QueryMode::Any => Occur::Should,
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

    /// The terms of `text` in `lang`, with their positions; with
    /// `drop_questions` (and `Weights::question_words`), question words are
    /// left out.
    fn analyze(&mut self, lang: Lang, text: &str, drop_questions: bool) -> Vec<(usize, String)> {
        self.analyze_with_exact(lang, text, drop_questions)
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
        drop_questions: bool,
    ) -> Vec<(usize, String, Option<String>)> {
        let drop_questions = drop_questions && self.weights.question_words;
        let analyzer = match self.analyzers.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, a)) => a,
            None => return Vec::new(),
        };
        let mut stream = analyzer.token_stream(text);
        let mut out: Vec<(usize, String, Option<String>)> = Vec::new();
        while stream.advance() {
            let token = stream.token();
            if drop_questions
                && text
                    .get(token.offset_from..token.offset_to)
                    .is_some_and(|w| is_question_word(lang, w))
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
            Some(other) => {
                // `Casablanca:` is a word followed by a colon, not a field.
                let mut words = literal.clone();
                words.field_name = None;
                words.phrase = format!("{other} {}", literal.phrase);
                return self.compile_literal(&words, lang);
            }
            None => vec![
                (f.title_of(lang), self.weights.title_boost),
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
        if self.weights.bm25f
            && tokens.len() == 1
            && !literal.prefix
            && literal.slop == 0
            && literal.field_name.is_none()
        {
            let fields = [
                FieldWeight {
                    field: f.title_of(lang),
                    weight: self.weights.title_boost,
                    b: self.weights.b_title,
                },
                FieldWeight {
                    field: f.body_of(lang),
                    weight: 1.0,
                    b: self.weights.b_body,
                },
            ];
            let fields: Vec<FieldWeight> =
                fields.into_iter().filter(|fw| fw.weight > 0.0).collect();
            let mut term = tokens[0].1.clone();
            let mut weight = 1.0;
            let mut exact = exact;
            if unquoted {
                if let Some(searched) = self.correction(lang, &literal.phrase, &term) {
                    term = searched;
                    weight *= self.weights.typos;
                    exact = None;
                }
                // A corrected word weighs as the word searched.
                if self.weights.frames {
                    weight *= crate::analysis::frame_weight(lang, &term);
                }
            }
            let variants = if unquoted {
                self.variants(lang, &term)
            } else {
                Vec::new()
            };
            let stem: Box<dyn Query> = if variants.is_empty() {
                Box::new(Bm25fQuery::new(&term, &fields, self.weights.k1))
            } else {
                let mut forms: Vec<(&str, f32)> = vec![(term.as_str(), 1.0)];
                forms.extend(variants.iter().map(|v| (v.as_str(), self.weights.variants)));
                Box::new(Bm25fQuery::with_variants(&forms, &fields, self.weights.k1))
            };
            let stem: Box<dyn Query> = if weight < 1.0 {
                Box::new(BoostQuery::new(stem, weight))
            } else {
                stem
            };
            let Some(exact) = exact.filter(|_| self.weights.exact > 0.0) else {
                return Some(stem);
            };
            let exact = Bm25fQuery::new(
                &format!("{}{exact}", crate::analysis::EXACT_MARK),
                &fields,
                self.weights.k1,
            );
            return Some(Box::new(BooleanQuery::new(vec![
                (Occur::Must, stem),
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(exact), self.weights.exact)),
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

    /// The indexed term searched for `term` (typed as `word`) when no
    /// article of `lang` holds it and typo tolerance is on.
    fn correction(&mut self, lang: Lang, word: &str, term: &str) -> Option<String> {
        if self.weights.typos <= 0.0 {
            return None;
        }
        let searcher = self.vocabulary?;
        if self.known_in_any_language(searcher, word) {
            return None;
        }
        let fields = [self.fields.title_of(lang), self.fields.body_of(lang)];
        let searched = super::typos::correction(searcher, &fields, term).ok()??;
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
    /// typo there. Remembered for the query being compiled.
    fn known_in_any_language(&mut self, searcher: &Searcher, word: &str) -> bool {
        if let Some(&known) = self.known.get(word) {
            return known;
        }
        let langs = self.langs.clone();
        let mut known = false;
        'langs: for lang in langs {
            let fields = [self.fields.title_of(lang), self.fields.body_of(lang)];
            for (_, term) in self.analyze(lang, word, false) {
                for field in fields {
                    if searcher
                        .doc_freq(&Term::from_field_text(field, &term))
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
    /// `Weights::variants` is on.
    fn variants(&mut self, lang: Lang, term: &str) -> Vec<String> {
        let Some(searcher) = self.vocabulary else {
            return Vec::new();
        };
        if lang != Lang::Ar || self.weights.variants <= 0.0 {
            return Vec::new();
        }
        let fields = [self.fields.title_of(lang), self.fields.body_of(lang)];
        let forms = super::variants::arabic_variants(searcher, &fields, term).unwrap_or_default();
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

    fn source_literal(&mut self, name: &str) -> Option<Box<dyn Query>> {
        let key = super::source_key(name);
        (!key.is_empty()).then(|| {
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.source_key, &key),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>
        })
    }
}

/// tantivy's grammar keeps `word*` and `word~1` as the literal text of an
/// unquoted word: reads them as a prefix and a typo tolerance.
fn unquoted_operators(literal: &UserInputLiteral) -> UserInputLiteral {
    let mut out = literal.clone();
    if literal.delimiter != Delimiter::None {
        return out;
    }
    let phrase = literal.phrase.trim();
    if let Some(stem) = phrase.strip_suffix('*') {
        if !stem.is_empty() && !stem.ends_with('*') {
            out.phrase = stem.to_string();
            out.prefix = true;
        }
    } else if let Some((word, distance)) = phrase.rsplit_once('~') {
        let distance = if distance.is_empty() {
            Some(1)
        } else {
            distance.parse::<u32>().ok()
        };
        if let (false, Some(d)) = (word.is_empty(), distance) {
            out.phrase = word.to_string();
            out.slop = d.clamp(1, 2);
        }
    }
    out
}

/// The languages a query is searched in when none is given and
/// `Weights::script_hint` is on: Arabic for Arabic script alone, the Latin
/// languages for Latin script alone, every language otherwise.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let err = parse("\"convention de Budapest").unwrap_err();
        assert!(
            matches!(
                err,
                QueryError::Syntax {
                    position: Some(0),
                    ..
                }
            ),
            "{err:?}"
        );
        let err = parse("(maroc OR france").unwrap_err();
        assert!(err.to_string().contains("never closed"), "{err}");
        let err = parse("maroc)").unwrap_err();
        assert!(err.to_string().contains("character 6"), "{err}");
        assert_eq!(parse("   ").unwrap_err(), QueryError::Empty);
    }

    #[test]
    fn plain_words_and_script() {
        let q = parse_words("Qu'est-ce que l'économie ?").unwrap();
        assert!(!q.is_match_all());
        assert_eq!(parse_words("  ").unwrap_err(), QueryError::Empty);
        assert_eq!(script_langs("متى وقع المغرب؟"), [Lang::Ar]);
        assert_eq!(
            script_langs("quand le Maroc a signé"),
            [Lang::Fr, Lang::Es, Lang::En, Lang::Other]
        );
        assert_eq!(script_langs("Maroc المغرب"), Lang::ALL.to_vec());
        assert_eq!(Weights::default().mode, QueryMode::All);
        assert_eq!(Weights::natural_language().mode, QueryMode::Any);
    }

    #[test]
    fn star_alone_matches_all() {
        assert!(parse("*").unwrap().is_match_all());
        assert!(!parse("maroc").unwrap().is_match_all());
    }
}
