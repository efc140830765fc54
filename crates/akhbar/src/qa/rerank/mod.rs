//! Second-stage reranking: the first stage's top `depth` hits re-scored by
//! a linear model over features read from their stored text.
//!
//! The first stage (BM25F with its proximity bonus) sees each query word on
//! its own, through the index. The reranker re-analyses the stored title and
//! body of each candidate with the analyzers of the index (same
//! normalisation, stop words and stemmer; exact forms switched on here, so
//! the exact-form evidence costs nothing at indexing time) and measures how
//! the query's words are found together:
//!
//! The features are listed, with what each measures, by [`Feature`]
//! (`akhbar-eval --help` and docs/RANKING.md print the same list).
//!
//! Shares are of the query's idf mass, `Σ idf(w)` over its distinct analysed
//! words (question words left out, as the first stage does), with idf =
//! `ln(1 + (N − n + 0.5) / (n + 0.5))` and `n` the larger document frequency
//! of the stem in the title or body field of the language. A question
//! paraphrases one sentence of its answer: the best sentence and the
//! windows reward the passage holding that sentence over one where the words
//! are scattered.
//!
//! Only the first [`RerankModel::body_bytes`] of a body are read, which
//! bounds the cost on long articles (about 60 ns per byte of text).
//!
//! The new score is `Σ weight_i · feature_i`; the candidates are sorted by
//! it (first-stage order breaks ties) and the hits past `depth` keep their
//! place, so Recall@depth does not change. The weights
//! ([`RerankModel::LEARNED`]) were learned on development queries by
//! coordinate ascent on MRR@10 (in the lab crate, `akhbar-eval --learn-from`)
//! with the `bm25` weight fixed at 1.

use std::collections::HashMap;

use tantivy::schema::Value;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

mod features;

pub use features::{Feature, Features};

use super::frames::frame_weight;
use super::question_words::is_question_word;
use super::rewrite::Rewrites;
use super::QuestionOptions;
use crate::analysis::{analyzer, exact_form, AnalysisOptions};
use crate::error::Result;
use crate::index::Fields;
use crate::lang::Lang;

/// Width of the `window` feature's window and of the `unordered` pairs, in
/// positions (stop words counted).
const WIDE: usize = 8;
/// Distance within which an `ordered` pair counts.
const NEAR: usize = 2;

/// The reranker's settings: how many first-stage hits it re-scores, and the
/// weight of each feature.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RerankModel {
    /// The first-stage hits re-scored; 0 turns reranking off.
    pub depth: usize,
    /// At most this many bytes of each body are read (cut at a character
    /// boundary): the reranker's cost grows with the text it analyses,
    /// and a long article's answer is most often in its lead.
    pub body_bytes: usize,
    /// One weight per feature.
    pub weights: Features,
}

impl RerankModel {
    /// No reranking.
    pub const OFF: RerankModel = RerankModel {
        depth: 0,
        body_bytes: 0,
        weights: Features::ZERO,
    };

    /// The first-stage order: the `bm25` feature alone.
    pub const BM25: RerankModel = RerankModel {
        depth: 100,
        body_bytes: 3000,
        weights: Features::from_pairs(&[(Feature::Bm25, 1.0)]),
    };

    /// The weights learned on development queries (see the module's doc):
    /// by coordinate ascent on MRR@10 over the top 20 hits of the fold-0
    /// half of the dev queries of ar-wikiqa, fr-piaf and fr-fquad pooled
    /// (`akhbar-eval --features` then `--learn-from`), the fold-1 half
    /// kept for measuring. The largest weights: exact forms (1.51), prefix
    /// matches of missing words (1.51), coverage (0.79), a title made of
    /// query words (0.76), the title (0.68), the best sentence (0.67),
    /// ordered pairs (0.61), the best window (0.52); the share of words
    /// matched regardless of idf counts against (−0.71).
    pub const LEARNED: RerankModel = RerankModel {
        depth: 20,
        body_bytes: 3000,
        weights: Features::from_pairs(&[
            (Feature::Bm25, 1.0),
            (Feature::Coverage, 0.79),
            (Feature::Title, 0.68),
            (Feature::Exact, 1.51),
            (Feature::Sentence, 0.67),
            (Feature::SentenceExact, 0.1),
            (Feature::Window, 0.52),
            (Feature::Ordered, 0.61),
            (Feature::Unordered, -0.06),
            (Feature::Matched, -0.71),
            (Feature::Length, -0.2),
            (Feature::Number, 0.26),
            (Feature::Rest, 0.16),
            (Feature::SentenceRest, 0.3),
            (Feature::Prefix, 1.51),
            (Feature::TitleCovered, 0.76),
            (Feature::Lead, 0.06),
            (Feature::TwoSentences, 0.26),
        ]),
    };

    /// True when the model re-scores anything.
    pub fn is_on(&self) -> bool {
        self.depth > 0
    }

    /// The model's score of a feature vector.
    pub fn score(&self, features: &Features) -> f32 {
        self.weights.dot(features)
    }
}

/// One distinct query word, as the reranker matches it.
#[derive(Debug, Clone)]
struct QueryWord {
    stem: String,
    /// The normalised, unstemmed form typed in the query.
    exact: Option<String>,
    /// The first letters of `exact`, for the `prefix` feature.
    prefix: Option<String>,
    /// An Arabic stem of [`MIN_CONSONANTS`] consonants or more (letters
    /// other than the long vowels `ا` `و` `ي`): the `prefix` feature also
    /// counts a passage word with the same consonants.
    consonants: bool,
    /// Other indexed forms of the word that count as matches of it.
    variants: Vec<String>,
    idf: f32,
}

impl QueryWord {
    fn matches(&self, term: &str) -> bool {
        self.stem == term || self.variants.iter().any(|v| v == term)
    }
}

/// A query analysed for one language.
#[derive(Debug, Clone)]
pub struct PreparedQuery {
    words: Vec<QueryWord>,
    /// The words in query order (indices into `words`), for the pairs.
    sequence: Vec<usize>,
    idf_total: f32,
    /// The question asks for a date or a quantity.
    numeric: bool,
    /// Question frames weigh the idf down ([`QuestionOptions::frames`]).
    frames: bool,
}

impl PreparedQuery {
    /// The query's distinct analysed words (stems).
    pub fn stems(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.stem.as_str()).collect()
    }

    /// True when no word is left to match.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Matches the words as the first stage searched them (see
    /// [`Rewrites`]): a corrected word as the term searched instead, with
    /// that term's idf (and frame weight); a word with variants by any of
    /// its forms.
    pub fn rewrite(&mut self, lang: Lang, rewrites: &Rewrites, mut idf: impl FnMut(&str) -> f32) {
        let mut changed = false;
        for w in &mut self.words {
            if let Some(c) = rewrites
                .corrections
                .iter()
                .find(|c| c.lang == lang && c.term == w.stem)
            {
                w.stem = c.searched.clone();
                w.exact = None;
                w.prefix = None;
                w.consonants = lang == Lang::Ar && consonant_count(&w.stem) >= MIN_CONSONANTS;
                w.idf = idf(&w.stem).max(0.0);
                if self.frames {
                    w.idf *= frame_weight(lang, &w.stem);
                }
                changed = true;
            }
            if let Some(v) = rewrites
                .variants
                .iter()
                .find(|v| v.lang == lang && v.term == w.stem)
            {
                w.variants = v.forms.clone();
            }
        }
        if changed {
            self.idf_total = self.words.iter().map(|w| w.idf).sum();
        }
    }
}

/// A query word found in the body: its position, which word, its
/// sentence, and whether in the query's exact form.
#[derive(Debug, Clone, Copy)]
struct Hit {
    position: usize,
    word: usize,
    sentence: usize,
    exact: bool,
}

/// Computes features and re-scores candidates; holds one analyzer per
/// language (the index's, with exact forms on). One per thread.
pub struct Reranker {
    analyzers: Vec<(Lang, TextAnalyzer)>,
    question_words: bool,
    frames: bool,
    hits: Vec<Hit>,
}

impl Reranker {
    /// A reranker analysing text as an index built with `opts` does, and
    /// questions as `options` says: question words dropped
    /// ([`QuestionOptions::question_words`]), question frames weighed down
    /// ([`QuestionOptions::frames`]).
    pub fn new(opts: AnalysisOptions, options: &QuestionOptions) -> Self {
        let opts = AnalysisOptions {
            exact_forms: true,
            ..opts
        };
        Reranker {
            analyzers: Lang::ALL.iter().map(|&l| (l, analyzer(l, opts))).collect(),
            question_words: options.question_words,
            frames: options.frames,
            hits: Vec::new(),
        }
    }

    fn analyzer(&mut self, lang: Lang) -> Option<&mut TextAnalyzer> {
        self.analyzers
            .iter_mut()
            .find(|(l, _)| *l == lang)
            .map(|(_, a)| a)
    }

    /// Analyses a query's text for `lang`; `idf` gives each stem's idf.
    pub fn prepare(
        &mut self,
        text: &str,
        lang: Lang,
        mut idf: impl FnMut(&str) -> f32,
    ) -> PreparedQuery {
        let question_words = self.question_words;
        let frames = self.frames;
        let mut words: Vec<QueryWord> = Vec::new();
        let mut sequence = Vec::new();
        let Some(analyzer) = self.analyzer(lang) else {
            return PreparedQuery {
                words,
                sequence,
                idf_total: 0.0,
                numeric: false,
                frames,
            };
        };
        let mut stream = analyzer.token_stream(text);
        let mut last: Option<usize> = None;
        while stream.advance() {
            let token = stream.token();
            if let Some(exact) = exact_form(&token.text) {
                if let Some(i) = last.take() {
                    if words[i].exact.is_none() {
                        words[i].exact = Some(exact.to_string());
                    }
                }
                continue;
            }
            last = None;
            if question_words
                && text
                    .get(token.offset_from..token.offset_to)
                    .is_some_and(|w| is_question_word(lang, w))
            {
                continue;
            }
            let i = match words.iter().position(|w| w.stem == token.text) {
                Some(i) => i,
                None => {
                    words.push(QueryWord {
                        stem: token.text.clone(),
                        exact: None,
                        prefix: None,
                        consonants: false,
                        variants: Vec::new(),
                        idf: 0.0,
                    });
                    words.len() - 1
                }
            };
            sequence.push(i);
            last = Some(i);
        }
        let letters = if lang == Lang::Ar { 4 } else { 5 };
        for w in &mut words {
            w.idf = idf(&w.stem).max(0.0);
            if frames {
                w.idf *= frame_weight(lang, &w.stem);
            }
            w.prefix = w
                .exact
                .as_deref()
                .filter(|e| e.chars().count() >= letters)
                .map(|e| e.chars().take(letters).collect());
            w.consonants = lang == Lang::Ar && consonant_count(&w.stem) >= MIN_CONSONANTS;
        }
        let idf_total = words.iter().map(|w| w.idf).sum();
        PreparedQuery {
            words,
            sequence,
            idf_total,
            numeric: asks_for_number(text),
            frames,
        }
    }

    /// The features of one candidate: its title and body (in `lang`), and
    /// its first-stage score divided by the query's top score.
    pub fn features(
        &mut self,
        query: &PreparedQuery,
        lang: Lang,
        title: &str,
        body: &str,
        score_ratio: f32,
    ) -> Features {
        let mut f = Features::ZERO;
        f[Feature::Bm25] = score_ratio;
        let n = query.words.len();
        if n == 0 || query.idf_total <= 0.0 {
            return f;
        }
        let mut in_title = vec![false; n];
        let mut exact_title = vec![false; n];
        let mut hits = std::mem::take(&mut self.hits);
        hits.clear();
        let mut length = 0;
        let mut numbers = Vec::new();
        let mut prefixes = vec![false; n];
        let mut title_matched = 0usize;
        let mut title_terms = 0usize;
        if let Some(analyzer) = self.analyzer(lang) {
            title_terms = scan(
                analyzer,
                query,
                title,
                &mut |h: Hit| {
                    in_title[h.word] = true;
                    exact_title[h.word] |= h.exact;
                    title_matched += usize::from(!h.exact);
                },
                &mut Vec::new(),
                &mut prefixes,
            );
            length = scan(
                analyzer,
                query,
                body,
                &mut |h: Hit| {
                    // An exact form follows its stem's hit at the same position.
                    if h.exact {
                        if let Some(last) = hits.last_mut() {
                            if last.position == h.position && last.word == h.word {
                                last.exact = true;
                                return;
                            }
                        }
                    }
                    hits.push(h);
                },
                &mut numbers,
                &mut prefixes,
            );
        }
        let total = query.idf_total;
        let share = |found: &[bool]| -> f32 {
            found
                .iter()
                .zip(&query.words)
                .filter(|(f, _)| **f)
                .map(|(_, w)| w.idf)
                .sum::<f32>()
                / total
        };
        let mut in_body = vec![false; n];
        let mut exact_any = exact_title.clone();
        for h in &hits {
            in_body[h.word] = true;
            exact_any[h.word] |= h.exact;
        }
        let anywhere: Vec<bool> = in_body
            .iter()
            .zip(&in_title)
            .map(|(a, b)| *a || *b)
            .collect();
        f[Feature::Coverage] = share(&anywhere);
        f[Feature::Title] = share(&in_title);
        f[Feature::Exact] = share(&exact_any);
        // Best sentence, all matches and exact ones.
        let mut seen = vec![false; n];
        let mut seen_exact = vec![false; n];
        let (mut best, mut best_exact) = (0.0f32, 0.0f32);
        let mut best_has_number = false;
        let rest_total: f32 = query
            .words
            .iter()
            .zip(&in_title)
            .filter(|(_, t)| !**t)
            .map(|(w, _)| w.idf)
            .sum();
        let rest_share = |found: &[bool]| -> f32 {
            if rest_total <= 0.0 {
                return 1.0;
            }
            found
                .iter()
                .zip(&query.words)
                .zip(&in_title)
                .filter(|((f, _), t)| **f && !**t)
                .map(|((_, w), _)| w.idf)
                .sum::<f32>()
                / rest_total
        };
        let mut best_rest = if rest_total <= 0.0 { 1.0f32 } else { 0.0 };
        let mut start = 0;
        let mut lead_share = 0.0f32;
        let mut best_two = 0.0f32;
        let mut previous: Option<(usize, Vec<bool>)> = None;
        while start < hits.len() {
            let sentence = hits[start].sentence;
            seen.iter_mut().for_each(|s| *s = false);
            seen_exact.iter_mut().for_each(|s| *s = false);
            let mut end = start;
            while end < hits.len() && hits[end].sentence == sentence {
                seen[hits[end].word] = true;
                seen_exact[hits[end].word] |= hits[end].exact;
                end += 1;
            }
            let this = share(&seen);
            if sentence == 0 {
                lead_share = this;
            }
            let mut two = this;
            if let Some((p, words)) = &previous {
                if p + 1 == sentence {
                    let union: Vec<bool> = words.iter().zip(&seen).map(|(a, b)| *a || *b).collect();
                    two = share(&union);
                }
            }
            best_two = best_two.max(two);
            previous = Some((sentence, seen.clone()));
            let has_number = numbers.binary_search(&sentence).is_ok();
            best_rest = best_rest.max(rest_share(&seen));
            if this > best + 1e-6 {
                best = this;
                best_has_number = has_number;
            } else if this > best - 1e-6 {
                best_has_number |= has_number;
            }
            best_exact = best_exact.max(share(&seen_exact));
            start = end;
        }
        f[Feature::Sentence] = best;
        f[Feature::SentenceExact] = best_exact;
        f[Feature::Lead] = lead_share;
        f[Feature::TwoSentences] = best_two;
        f[Feature::Window] = best_window(&hits, query, WIDE) / total;
        let pairs: Vec<(usize, usize)> = query
            .sequence
            .windows(2)
            .filter(|p| p[0] != p[1])
            .map(|p| (p[0], p[1]))
            .collect();
        if !pairs.is_empty() {
            let mut ordered = 0;
            let mut unordered = 0;
            for &(a, b) in &pairs {
                let (o, u) = pair_found(&hits, a, b);
                ordered += usize::from(o);
                unordered += usize::from(u);
            }
            f[Feature::Ordered] = ordered as f32 / pairs.len() as f32;
            f[Feature::Unordered] = unordered as f32 / pairs.len() as f32;
        }
        f[Feature::Matched] = anywhere.iter().filter(|x| **x).count() as f32 / n as f32;
        f[Feature::Length] = (1.0 + length as f32).ln() / 1000f32.ln();
        f[Feature::Number] = f32::from(u8::from(query.numeric && best_has_number));
        f[Feature::Rest] = rest_share(&in_body);
        f[Feature::SentenceRest] = best_rest;
        let missed: Vec<bool> = prefixes
            .iter()
            .zip(&anywhere)
            .map(|(p, a)| *p && !*a)
            .collect();
        f[Feature::Prefix] = share(&missed);
        if title_terms > 0 {
            f[Feature::TitleCovered] = (title_matched as f32 / title_terms as f32).min(1.0);
        }
        self.hits = hits;
        f
    }

    /// The features of `hits` (first-stage order, best first) for the query
    /// `text`, reading each hit's stored title, body and language.
    pub fn candidate_features(
        &mut self,
        searcher: &Searcher,
        fields: &Fields,
        text: &str,
        rewrites: &Rewrites,
        hits: &[(f32, DocAddress)],
        body_bytes: usize,
    ) -> Result<Vec<Features>> {
        let top = hits.first().map_or(1.0, |h| h.0);
        let top = if top > 0.0 { top } else { 1.0 };
        let docs = searcher.num_docs().max(1) as f32;
        let mut prepared: HashMap<Lang, PreparedQuery> = HashMap::new();
        let mut out = Vec::with_capacity(hits.len());
        for &(score, address) in hits {
            let doc: TantivyDocument = searcher.doc(address)?;
            let stored = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            let lang: Lang = stored(fields.lang).parse().unwrap_or(Lang::Other);
            let (title, body) = (stored(fields.title), stored(fields.body));
            let body = lead(&body, body_bytes);
            let query = prepared.entry(lang).or_insert_with(|| {
                let (title_field, body_field) = (fields.title_of(lang), fields.body_of(lang));
                let idf = |stem: &str| {
                    let n = [title_field, body_field]
                        .iter()
                        .map(|&f| {
                            searcher
                                .doc_freq(&Term::from_field_text(f, stem))
                                .unwrap_or(0)
                        })
                        .max()
                        .unwrap_or(0) as f32;
                    let n = n.min(docs);
                    (1.0 + (docs - n + 0.5) / (n + 0.5)).ln()
                };
                let mut query = self.prepare(text, lang, idf);
                query.rewrite(lang, rewrites, idf);
                query
            });
            out.push(self.features(query, lang, &title, body, score / top));
        }
        Ok(out)
    }
}

/// The first `max` bytes of `text` at most, cut at a character boundary.
fn lead(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Analyses `text`, calls `found` for each stem (and each exact form) of a
/// query word, and returns the number of positions.
fn scan(
    analyzer: &mut TextAnalyzer,
    query: &PreparedQuery,
    text: &str,
    found: &mut impl FnMut(Hit),
    numbers: &mut Vec<usize>,
    prefixes: &mut [bool],
) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut sentence = 0;
    let mut last_end = 0;
    let mut positions = 0;
    // The query word of the last stem, for its exact form.
    let mut last: Option<usize> = None;
    while stream.advance() {
        let token = stream.token();
        if let Some(exact) = exact_form(&token.text) {
            match last.take() {
                Some(i) => {
                    if query.words[i].exact.as_deref() == Some(exact) {
                        found(Hit {
                            position: token.position,
                            word: i,
                            sentence,
                            exact: true,
                        });
                    }
                }
                None => {
                    for (i, w) in query.words.iter().enumerate() {
                        if w.prefix.as_deref().is_some_and(|p| exact.starts_with(p)) {
                            prefixes[i] = true;
                        }
                    }
                }
            }
            continue;
        }
        if let Some(gap) = text.get(last_end..token.offset_from) {
            if gap.contains(['.', '!', '?', '؟', '\n', ';', '؛', '…']) {
                sentence += 1;
            }
        }
        last_end = token.offset_to;
        positions = token.position + 1;
        last = query.words.iter().position(|w| w.matches(&token.text));
        if last.is_none() {
            for (i, w) in query.words.iter().enumerate() {
                if w.consonants && same_consonants(&w.stem, &token.text) {
                    prefixes[i] = true;
                }
            }
        }
        if let Some(i) = last {
            found(Hit {
                position: token.position,
                word: i,
                sentence,
                exact: false,
            });
        } else if token.text.bytes().all(|b| b.is_ascii_digit())
            && numbers.last() != Some(&sentence)
        {
            numbers.push(sentence);
        }
    }
    positions
}

/// The fewest consonants an Arabic stem needs for its consonants to stand
/// for it (most Arabic roots have three).
const MIN_CONSONANTS: usize = 3;

/// A letter of a normalised Arabic word that is not a long vowel; `None`
/// for a character outside the Arabic letters.
fn consonant(c: char) -> Option<bool> {
    crate::lang::is_arabic_letter(c).then_some(!matches!(c, 'ا' | 'و' | 'ي'))
}

/// The number of consonants of an Arabic word; 0 for any other word.
fn consonant_count(word: &str) -> usize {
    let mut n = 0;
    for c in word.chars() {
        match consonant(c) {
            Some(true) => n += 1,
            Some(false) => {}
            None => return 0,
        }
    }
    n
}

/// True when two Arabic words have the same consonants in the same order
/// (`كتب`, `كاتب`, `كتيب`), whatever their long vowels.
fn same_consonants(a: &str, b: &str) -> bool {
    let mut a = a.chars().filter(|&c| consonant(c) != Some(false));
    let mut b = b.chars().filter(|&c| consonant(c) != Some(false));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y && consonant(x).is_some() => {}
            _ => return false,
        }
    }
}

/// True for a question asking for a date or a quantity: `quand`,
/// `combien`, `quelle année` (`siècle`, `date`, `âge`, `époque`), `متى`,
/// `كم`, `أي عام` (`سنة`, `تاريخ`, `قرن`), `when`, `how many`, `cuándo`,
/// `cuántos`.
pub fn asks_for_number(text: &str) -> bool {
    let mut words: Vec<String> = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        let mut folded = String::new();
        crate::analysis::fold_into(w, &mut folded);
        words.push(folded);
    }
    const ALONE: [&str; 11] = [
        "quand", "combien", "متي", "كم", "بكم", "وكم", "when", "cuando", "cuanto", "cuantos",
        "cuantas",
    ];
    const ASKING: [&str; 9] = [
        "quel", "quelle", "quels", "quelles", "اي", "ما", "what", "which", "que",
    ];
    const UNITS: [&str; 12] = [
        "annee",
        "annees",
        "siecle",
        "date",
        "age",
        "epoque",
        "عام",
        "سنه",
        "تاريخ",
        "قرن",
        "year",
        "ano",
    ];
    words.iter().enumerate().any(|(i, w)| {
        ALONE.contains(&w.as_str())
            || (i > 0 && UNITS.contains(&w.as_str()) && ASKING.contains(&words[i - 1].as_str()))
            || (w == "how" && words.get(i + 1).is_some_and(|n| n == "many" || n == "much"))
    })
}

/// The largest idf sum of distinct query words within `width` positions.
fn best_window(hits: &[Hit], query: &PreparedQuery, width: usize) -> f32 {
    let mut counts = vec![0usize; query.words.len()];
    let mut sum = 0.0f32;
    let mut best = 0.0f32;
    let mut from = 0;
    for to in 0..hits.len() {
        let w = hits[to].word;
        if counts[w] == 0 {
            sum += query.words[w].idf;
        }
        counts[w] += 1;
        while hits[to].position - hits[from].position >= width {
            let v = hits[from].word;
            counts[v] -= 1;
            if counts[v] == 0 {
                sum -= query.words[v].idf;
            }
            from += 1;
        }
        best = best.max(sum);
    }
    best
}

/// Whether words `a` then `b` are found in order within [`NEAR`]
/// positions, and whether they are found within [`WIDE`] in any order.
fn pair_found(hits: &[Hit], a: usize, b: usize) -> (bool, bool) {
    let (mut ordered, mut unordered) = (false, false);
    for (i, h) in hits.iter().enumerate() {
        if h.word != a {
            continue;
        }
        for g in hits[i + 1..].iter() {
            if g.position - h.position >= WIDE {
                break;
            }
            if g.word == b {
                unordered = true;
                if g.position - h.position <= NEAR {
                    ordered = true;
                }
            }
        }
        for g in hits[..i].iter().rev() {
            if h.position - g.position >= WIDE {
                break;
            }
            if g.word == b {
                unordered = true;
            }
        }
        if ordered {
            break;
        }
    }
    (ordered, unordered)
}

/// Re-orders `hits` (first-stage order, best first) by `model`: the top
/// `model.depth` by the model's score of `features` (one vector per hit of
/// the top), the rest unchanged. Returns the new order as indices into
/// `hits`.
pub fn rerank_order(model: &RerankModel, features: &[Features], total: usize) -> Vec<usize> {
    let depth = model.depth.min(features.len()).min(total);
    let mut order: Vec<usize> = (0..depth).collect();
    let scores: Vec<f32> = features[..depth].iter().map(|f| model.score(f)).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order.extend(depth..total);
    order
}

/// Reranks ranked `hits` (best first) for the query `text` as
/// `akhbar-search --question` does: the features of the top `model.depth`
/// are read from their stored text, those hits are re-ordered by the
/// model's score, and the rest keep their place. Every hit keeps its
/// first-stage score (the score shown to the user is a real BM25F score, not
/// a rank): the order of the returned list is the ranking, so nothing after
/// this may sort by score.
pub(crate) fn rerank_hits(
    searcher: &Searcher,
    fields: &Fields,
    opts: AnalysisOptions,
    options: &QuestionOptions,
    text: &str,
    rewrites: &Rewrites,
    hits: Vec<(f32, DocAddress)>,
) -> Result<Vec<(f32, DocAddress)>> {
    let model = &options.rerank;
    let depth = model.depth.min(hits.len());
    if depth < 2 {
        return Ok(hits);
    }
    let mut reranker = Reranker::new(opts, options);
    let features = reranker.candidate_features(
        searcher,
        fields,
        text,
        rewrites,
        &hits[..depth],
        model.body_bytes,
    )?;
    let order = rerank_order(model, &features, hits.len());
    Ok(order.iter().map(|&i| hits[i]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reranker() -> Reranker {
        Reranker::new(
            AnalysisOptions::default(),
            &QuestionOptions {
                question_words: true,
                ..QuestionOptions::default()
            },
        )
    }

    fn idf_of(stem: &str) -> f32 {
        // Common words are cheap, others dear.
        if ["franc", "fait", "annee"].contains(&stem) {
            0.5
        } else {
            3.0
        }
    }

    #[test]
    fn query_words_are_analysed_like_the_index() {
        let mut r = reranker();
        let q = r.prepare("Quand les Marocaines ont-elles voté ?", Lang::Fr, |_| 1.0);
        // `Quand` is a question word, `les` and `ont` stop words.
        assert_eq!(q.stems(), ["marocain", "elle", "vote"]);
        assert_eq!(q.words[0].exact.as_deref(), Some("marocaines"));
        let q = r.prepare("متى وقع المغرب الاتفاقية؟", Lang::Ar, |_| 1.0);
        assert_eq!(q.words.len(), 3, "{:?}", q.stems());
    }

    #[test]
    fn the_sentence_of_the_answer_beats_scattered_words() {
        let mut r = reranker();
        let q = r.prepare(
            "En quelle année le traité de Fès fut-il signé ?",
            Lang::Fr,
            idf_of,
        );
        let together = "La ville compte de nombreux monuments. Le traité de Fès fut signé \
                        en 1912 par le sultan. Le protectorat commença ensuite.";
        let scattered = "Le traité commercial occupa les diplomates. La ville de Fès compte \
                         de nombreux monuments. Un accord fut signé plus tard à Rabat.";
        let a = r.features(&q, Lang::Fr, "Maroc", together, 1.0);
        let b = r.features(&q, Lang::Fr, "Maroc", scattered, 1.0);
        // Same words found, once in one sentence, once across three.
        assert_eq!(a[Feature::Coverage], b[Feature::Coverage]);
        assert!(
            a[Feature::Sentence] > b[Feature::Sentence],
            "sentence {} vs {}",
            a[Feature::Sentence],
            b[Feature::Sentence]
        );
        assert!(
            a[Feature::Window] > b[Feature::Window],
            "window {} vs {}",
            a[Feature::Window],
            b[Feature::Window]
        );
        assert!(
            a[Feature::Ordered] > b[Feature::Ordered],
            "ordered {} vs {}",
            a[Feature::Ordered],
            b[Feature::Ordered]
        );
        let model = RerankModel {
            depth: 10,
            body_bytes: 3000,
            weights: Features::from_pairs(&[(Feature::Bm25, 1.0), (Feature::Sentence, 0.5)]),
        };
        // The scattered passage came first in the first stage.
        let order = rerank_order(&model, &[b, a], 2);
        assert_eq!(order, [1, 0]);
    }

    #[test]
    fn exact_forms_are_read_from_the_stored_text() {
        let mut r = reranker();
        let q = r.prepare("les électrices marocaines", Lang::Fr, |_| 1.0);
        let exact = r.features(&q, Lang::Fr, "", "Les électrices marocaines ont voté.", 1.0);
        let stem = r.features(&q, Lang::Fr, "", "L'électeur marocain a voté.", 1.0);
        assert_eq!(exact[Feature::Coverage], 1.0);
        assert_eq!(stem[Feature::Coverage], 1.0, "the stems match either way");
        assert_eq!(exact[Feature::Exact], 1.0);
        assert_eq!(stem[Feature::Exact], 0.0);
        // Arabic: the article is not part of the exact form.
        let q = r.prepare("الانتخابات المغربية", Lang::Ar, |_| 1.0);
        let f = r.features(&q, Lang::Ar, "", "جرت الانتخابات في المدن المغربية", 1.0);
        assert_eq!(f[Feature::Exact], 1.0, "{:?}", q.words);
    }

    #[test]
    fn title_and_length() {
        let mut r = reranker();
        let q = r.prepare("traité de Fès", Lang::Fr, idf_of);
        let f = r.features(&q, Lang::Fr, "Traité de Fès", "Il fut signé en 1912.", 0.5);
        assert_eq!(f[Feature::Bm25], 0.5);
        assert_eq!(f[Feature::Title], 1.0);
        assert_eq!(f[Feature::Sentence], 0.0, "no query word in the body");
        assert!(f[Feature::Length] > 0.0);
        let empty = r.features(&q, Lang::Fr, "", "", 0.5);
        assert_eq!(empty[Feature::Coverage], 0.0);
        assert_eq!(empty[Feature::Length], 0.0);
    }

    #[test]
    fn questions_asking_for_a_number() {
        assert!(asks_for_number("Quand le traité de Fès fut-il signé ?"));
        assert!(asks_for_number(
            "En quelle année Rabat devint-elle capitale ?"
        ));
        assert!(asks_for_number("Combien d'habitants compte Fès ?"));
        assert!(asks_for_number("متى وقع المغرب الاتفاقية؟"));
        assert!(asks_for_number("كم عدد البطولات التي حققها زيدان؟"));
        assert!(asks_for_number("في أي عام تأسست الرباط؟"));
        assert!(!asks_for_number("Qui a signé le traité de Fès ?"));
        assert!(!asks_for_number("Quelle est la capitale du Maroc ?"));
        assert!(!asks_for_number("من أسس مدينة فاس؟"));
    }

    #[test]
    fn a_number_in_the_best_sentence_answers_when() {
        let mut r = reranker();
        let q = r.prepare("Quand le traité de Fès fut-il signé ?", Lang::Fr, idf_of);
        let dated = r.features(&q, Lang::Fr, "", "Le traité de Fès fut signé en 1912.", 1.0);
        let undated = r.features(&q, Lang::Fr, "", "Le traité de Fès fut signé à Fès.", 1.0);
        assert_eq!(dated[Feature::Number], 1.0);
        assert_eq!(undated[Feature::Number], 0.0);
        // Not asked for: no credit.
        let q = r.prepare("Qui a signé le traité de Fès ?", Lang::Fr, idf_of);
        let f = r.features(&q, Lang::Fr, "", "Le traité de Fès fut signé en 1912.", 1.0);
        assert_eq!(f[Feature::Number], 0.0);
    }

    #[test]
    fn prefixes_stand_for_words_of_the_same_family() {
        let mut r = reranker();
        // `construction` and `construit` share no stem, but their first
        // five letters.
        let q = r.prepare("la construction de la mosquée", Lang::Fr, idf_of);
        let family = r.features(&q, Lang::Fr, "", "La mosquée fut construite en 859.", 1.0);
        let other = r.features(&q, Lang::Fr, "", "La mosquée fut agrandie en 859.", 1.0);
        assert!(family[Feature::Prefix] > 0.0, "{:?}", q.words);
        assert_eq!(other[Feature::Prefix], 0.0);
        assert_eq!(
            family[Feature::Coverage],
            other[Feature::Coverage],
            "the stems alone do not tell them apart"
        );
        // A word found by its stem earns no prefix credit.
        let same = r.features(&q, Lang::Fr, "", "La construction de la mosquée.", 1.0);
        assert_eq!(same[Feature::Prefix], 0.0);
    }

    #[test]
    fn arabic_words_of_the_same_consonants_are_of_one_family() {
        let mut r = reranker();
        // The question's `الكتب` (books) and the passage's `الكاتب` (the
        // writer) share their consonants, not their stem.
        let q = r.prepare("من صاحب الكتب", Lang::Ar, idf_of);
        let family = r.features(&q, Lang::Ar, "", "كان الكاتب صاحب مكتبة.", 1.0);
        let other = r.features(&q, Lang::Ar, "", "كان الشاعر صاحب مكتبة.", 1.0);
        assert!(family[Feature::Prefix] > 0.0, "{:?}", q.words);
        assert_eq!(other[Feature::Prefix], 0.0);
        assert!(same_consonants("كتب", "كاتب"));
        assert!(same_consonants("مسجد", "مساجد"));
        assert!(!same_consonants("كتب", "كتبت"));
        assert!(!same_consonants("dar", "dar"), "Arabic letters only");
        assert_eq!(consonant_count("مساجد"), 4);
        assert_eq!(consonant_count("Maroc"), 0);
    }

    #[test]
    fn words_missing_from_the_title() {
        let mut r = reranker();
        let q = r.prepare("traité de Fès signé par le sultan", Lang::Fr, idf_of);
        let answer = r.features(&q, Lang::Fr, "Traité de Fès", "Le sultan l'a signé.", 1.0);
        let other = r.features(
            &q,
            Lang::Fr,
            "Traité de Fès",
            "Il compte dix articles.",
            1.0,
        );
        assert_eq!(answer[Feature::Rest], 1.0);
        assert_eq!(answer[Feature::SentenceRest], 1.0);
        assert_eq!(other[Feature::Rest], 0.0);
    }

    #[test]
    fn only_the_lead_of_a_long_body_is_read() {
        // `é` is two bytes: a cut inside it moves back to its start.
        assert_eq!(lead("Fès été", 2), "F");
        assert_eq!(lead("Fès été", 3), "Fè");
        assert_eq!(lead("Fès été", 4), "Fès");
        assert_eq!(lead("المغرب", 5), "ال");
        assert_eq!(lead("Rabat", 100), "Rabat");
        let mut r = reranker();
        let q = r.prepare("traité de Fès", Lang::Fr, idf_of);
        let mut f = r.features(&q, Lang::Fr, "", lead("Le traité de Fès.", 9), 1.0);
        assert!(f[Feature::Coverage] > 0.0 && f[Feature::Coverage] < 1.0);
        f = r.features(&q, Lang::Fr, "", lead("Le traité de Fès.", 100), 1.0);
        assert_eq!(f[Feature::Coverage], 1.0);
    }

    #[test]
    fn a_title_made_of_the_query_words() {
        let mut r = reranker();
        let q = r.prepare("ما هو الاسد؟", Lang::Ar, |_| 1.0);
        let body = "الأسد حيوان من الثدييات من فصيلة السنوريات.";
        let lion = r.features(&q, Lang::Ar, "أسد", body, 1.0);
        let cave = r.features(&q, Lang::Ar, "أسد الكهوف الأوروبي", body, 1.0);
        assert_eq!(lion[Feature::TitleCovered], 1.0, "{:?}", q.stems());
        assert!(
            cave[Feature::TitleCovered] > 0.0 && cave[Feature::TitleCovered] < 0.5,
            "{}",
            cave[Feature::TitleCovered]
        );
        // Both titles hold the query's word.
        assert_eq!(lion[Feature::Title], cave[Feature::Title]);
    }

    #[test]
    fn lead_and_two_sentences() {
        let mut r = reranker();
        let q = r.prepare("Le sultan signa le traité à Fès", Lang::Fr, |_| 1.0);
        let f = r.features(
            &q,
            Lang::Fr,
            "",
            "Le sultan arriva. Il signa le traité à Fès. La ville fêta l'événement.",
            1.0,
        );
        // sultan | signa traité fès: a quarter in the lead, all four in
        // the first two sentences, three in the best one.
        assert_eq!(q.words.len(), 4, "{:?}", q.stems());
        assert_eq!(f[Feature::Lead], 0.25);
        assert_eq!(f[Feature::TwoSentences], 1.0);
        assert_eq!(f[Feature::Sentence], 0.75);
        // Sentences apart do not add up.
        let f = r.features(
            &q,
            Lang::Fr,
            "",
            "Le sultan arriva. La ville attendait. Il signa le traité à Fès.",
            1.0,
        );
        assert_eq!(f[Feature::TwoSentences], 0.75);
    }

    #[test]
    fn ranks_past_the_depth_keep_their_place() {
        let model = RerankModel {
            depth: 2,
            body_bytes: 3000,
            weights: Features::from_pairs(&[(Feature::Coverage, 1.0)]),
        };
        let mut f = [Features::ZERO; 3];
        f[1][Feature::Coverage] = 1.0;
        f[2][Feature::Coverage] = 2.0;
        assert_eq!(rerank_order(&model, &f, 4), [1, 0, 2, 3]);
    }
}
