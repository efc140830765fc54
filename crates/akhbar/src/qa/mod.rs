//! Question answering on top of keyword search: a question in plain words
//! (`Quand le traité de Fès fut-il signé ?`) runs through the same search
//! pipeline as keywords, with a pass over its words before the first stage
//! (`rewrite.rs`: script hint, question words dropped, typos corrected,
//! question frames weighed down, Arabic variants) and a second stage after
//! it ([`Reranker`]: the best hits re-scored from their stored text).
//!
//! One entry point, [`answer`], serves `akhbar-search --question` and
//! `akhbar-eval`; one constructor, [`Question::new`], makes a request whose
//! search half (any word may match, proximity bonus) and question half
//! agree.
//!
//! ```no_run
//! use akhbar::qa::{answer, Question};
//! let index = akhbar::index::open(std::path::Path::new("index"))?;
//! let searcher = index.searcher()?;
//! let results = answer(&searcher, &index.fields, &Question::new("Qui a signé la convention ?"))?;
//! # Ok::<(), akhbar::Error>(())
//! ```

mod frames;
mod question_words;
mod rerank;
mod rewrite;
mod variants;

use tantivy::{DocAddress, Searcher};

pub use frames::frame_weight;
pub use question_words::{is_question_word, reads_as_question};
pub use rerank::{rerank_order, Feature, Features, RerankModel, Reranker};
pub use rewrite::{script_langs, Correction, Rewrites, Variants};

use crate::analysis::{exact_form, AnalysisOptions};
use crate::error::Result;
use crate::index::Fields;
use crate::lang::Lang;
use crate::search::query::{parse_words, plain_words, QueryMode, Rewriter, Scoring};
use crate::search::{self, SearchRequest, SearchResults, Stages};
use rewrite::QuestionRewriter;

/// What a question does besides searching: its pass over its words and its
/// second stage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuestionOptions {
    /// Drop question words (`quand`, `combien`, `متى`, `كم`, ...).
    pub question_words: bool,
    /// With no language given, narrow the languages by the question's
    /// script ([`script_langs`]).
    pub script_hint: bool,
    /// Typo tolerance: a word that no article contains is searched as the
    /// nearest indexed word, with this weight; 0 turns it off.
    pub typos: f32,
    /// Weigh words by how rarely the passage answering a question holds them
    /// (question frames such as `nationalité`, `اسم`; see [`frame_weight`]).
    pub frames: bool,
    /// Arabic variants of words (with or without a clitic, `لمشروع` /
    /// `مشروع`; with a long vowel more or fewer, `مساجد` / `مسجد`; see
    /// [`variants`]) count as occurrences with this weight; 0 turns them off.
    pub variants: f32,
    /// The second stage; [`RerankModel::OFF`] turns it off.
    pub rerank: RerankModel,
}

impl Default for QuestionOptions {
    /// What `akhbar-search --question` does, as `akhbar-eval` measures it.
    fn default() -> Self {
        QuestionOptions {
            question_words: true,
            script_hint: true,
            typos: 1.0,
            frames: true,
            variants: 0.5,
            rerank: RerankModel::LEARNED,
        }
    }
}

/// A question: a search request for its words and what the question does
/// besides.
#[derive(Debug, Clone)]
pub struct Question {
    /// The search: `query` holds the question as typed; any word may match
    /// ([`QueryMode::Any`]), with a proximity bonus for words found close
    /// together.
    pub search: SearchRequest,
    pub options: QuestionOptions,
}

impl Question {
    /// A question with akhbar's defaults: any word may match, BM25F with a
    /// proximity bonus (0.3 for pairs within 2 positions), and
    /// [`QuestionOptions::default`].
    pub fn new(text: impl Into<String>) -> Self {
        let mut search = SearchRequest::new(text);
        search.mode = QueryMode::Any;
        search.scoring = Scoring {
            proximity: 0.3,
            proximity_slop: 2,
            ..Scoring::default()
        };
        Question {
            search,
            options: QuestionOptions::default(),
        }
    }
}

/// The stages of a question around the first stage.
struct QuestionStages<'a> {
    rewriter: QuestionRewriter<'a>,
    analysis: AnalysisOptions,
    options: QuestionOptions,
    words: String,
}

impl Stages for QuestionStages<'_> {
    fn rewriter(&mut self) -> &mut dyn Rewriter {
        &mut self.rewriter
    }

    fn rerank_depth(&self) -> usize {
        self.options.rerank.depth
    }

    fn rerank(
        &mut self,
        searcher: &Searcher,
        fields: &Fields,
        hits: Vec<(f32, DocAddress)>,
    ) -> Result<Vec<(f32, DocAddress)>> {
        rerank::rerank_hits(
            searcher,
            fields,
            self.analysis,
            &self.options,
            &self.words,
            &self.rewriter.rewrites,
            hits,
        )
    }
}

/// Answers a question: its words searched as [`Question`] says, the best
/// hits reranked. The results' `corrections` list the words searched as
/// another indexed term.
///
/// Pasted text that is not written as a question (a headline or a lead of
/// [`crate::search::PASTED_WORDS`] words or more, see [`reads_as_question`])
/// is ranked as keyword search ranks pasted text
/// ([`crate::search::search_words`]): the question stages were made for
/// questions, and they rank headlines below keyword search (measured on
/// news-fr-title, MRR@10 .6542 against .6720).
pub fn answer(searcher: &Searcher, fields: &Fields, question: &Question) -> Result<SearchResults> {
    let text = &question.search.query;
    search::check_length(text)?;
    if search::pasted_length(text).is_some() && !reads_as_question(text) {
        let request = SearchRequest {
            scoring: Scoring {
                exact: question.search.scoring.exact,
                ..Scoring::default()
            },
            ..question.search.clone()
        };
        let mut results = search::search_words(searcher, fields, &request)?;
        results.notes.push(
            "pasted text, not written as a question (no question mark, no question word first): ranked as keyword search ranks pasted text, any word may match; the count covers every article holding one of them".to_string(),
        );
        return Ok(results);
    }
    let (results, _) = answer_with_rewrites(searcher, fields, question)?;
    Ok(results)
}

/// [`answer`], with how the question's words were rewritten (for the
/// reranker's features, see [`Reranker::candidate_features`]).
pub fn answer_with_rewrites(
    searcher: &Searcher,
    fields: &Fields,
    question: &Question,
) -> Result<(SearchResults, Rewrites)> {
    let words = plain_words(&question.search.query);
    let parsed = parse_words(&words)?;
    let mut stages = QuestionStages {
        rewriter: QuestionRewriter::new(
            searcher,
            fields,
            question.search.analysis,
            question.options,
        ),
        analysis: question.search.analysis,
        options: question.options,
        words,
    };
    let mut results = search::run(searcher, fields, &question.search, &parsed, &mut stages)?;
    let rewrites = std::mem::take(&mut stages.rewriter.rewrites);
    results.corrections = rewrites.corrected();
    results
        .notes
        .extend(what_the_numbers_mean(&results, &question.options));
    Ok((results, rewrites))
}

/// What a question's counts and scores are, said with its results: its
/// first stage matches any of its words, so its counts are far wider than a
/// keyword search's, and its order is the reranker's, not the score's.
fn what_the_numbers_mean(results: &SearchResults, options: &QuestionOptions) -> Vec<String> {
    let mut notes = Vec::new();
    if results.total > 0 {
        notes.push(
            "a question matches every article holding any one of its words: the count and \
             the facets cover all of those; search the words without --question to count \
             the articles holding them all"
                .to_string(),
        );
    }
    if options.rerank.is_on() && results.hits.len() > 1 {
        notes.push(format!(
            "the best {} are ordered by how closely a passage answers the question; \
             each score is the article's keyword (BM25F) score",
            options.rerank.depth
        ));
    }
    notes
}
/// A question's first-stage hits (the reranker off), each with the
/// reranker's features when among the best `depth`: what the lab learns
/// the reranker's weights from. Runs the same pipeline as [`answer`].
pub fn first_stage_features(
    searcher: &Searcher,
    fields: &Fields,
    question: &Question,
    depth: usize,
) -> Result<(SearchResults, Vec<Features>)> {
    let words = plain_words(&question.search.query);
    let parsed = parse_words(&words)?;
    let options = QuestionOptions {
        rerank: RerankModel::OFF,
        ..question.options
    };
    let mut stages = FeatureStages {
        question: QuestionStages {
            rewriter: QuestionRewriter::new(searcher, fields, question.search.analysis, options),
            analysis: question.search.analysis,
            options,
            words,
        },
        depth,
        body_bytes: if question.options.rerank.is_on() {
            question.options.rerank.body_bytes
        } else {
            RerankModel::LEARNED.body_bytes
        },
        features: Vec::new(),
    };
    let results = search::run(searcher, fields, &question.search, &parsed, &mut stages)?;
    Ok((results, stages.features))
}

/// A second stage that reorders nothing and keeps the features of the top.
struct FeatureStages<'a> {
    question: QuestionStages<'a>,
    depth: usize,
    body_bytes: usize,
    features: Vec<Features>,
}

impl Stages for FeatureStages<'_> {
    fn rewriter(&mut self) -> &mut dyn Rewriter {
        &mut self.question.rewriter
    }

    fn rerank_depth(&self) -> usize {
        self.depth
    }

    fn rerank(
        &mut self,
        searcher: &Searcher,
        fields: &Fields,
        hits: Vec<(f32, DocAddress)>,
    ) -> Result<Vec<(f32, DocAddress)>> {
        let k = self.depth.min(hits.len());
        let mut reranker = Reranker::new(self.question.analysis, &self.question.options);
        self.features = reranker.candidate_features(
            searcher,
            fields,
            &self.question.words,
            &self.question.rewriter.rewrites,
            &hits[..k],
            self.body_bytes,
        )?;
        Ok(hits)
    }
}

/// The terms of a question in `lang`, with the default analysis, its
/// question words left out (see [`is_question_word`]).
pub fn question_terms(lang: Lang, text: &str) -> Vec<String> {
    let mut analyzer = crate::analysis::analyzer(lang, AnalysisOptions::default());
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let token = stream.token();
        if exact_form(&token.text).is_some()
            || text
                .get(token.offset_from..token.offset_to)
                .is_some_and(|w| is_question_word(lang, w))
        {
            continue;
        }
        out.push(token.text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_searches_any_word_by_its_script() {
        let q = Question::new("متى وقع المغرب؟");
        assert_eq!(q.search.mode, QueryMode::Any);
        assert!(q.search.scoring.proximity > 0.0);
        assert_eq!(SearchRequest::new("maroc").mode, QueryMode::All);
        assert_eq!(script_langs("متى وقع المغرب؟"), [Lang::Ar]);
        assert_eq!(
            script_langs("quand le Maroc a signé"),
            [Lang::Fr, Lang::Es, Lang::En, Lang::Other]
        );
        assert_eq!(script_langs("Maroc المغرب"), Lang::ALL.to_vec());
    }
}
