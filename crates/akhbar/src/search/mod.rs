//! Searching an index: query, filters, ranking, facets and snippets.
//!
//! Keyword search compiles what the user typed ([`parse`], [`QueryCompiler`]) and runs it:
//! counts and facets over every match, one page of ranked hits (one per
//! group of near duplicates), snippets. Question answering
//! ([`crate::qa`]) runs through the same pipeline with a pass before it
//! and a stage after it.
//!
//! ```no_run
//! use akhbar::search::{search, SearchRequest};
//! let index = akhbar::index::open(std::path::Path::new("index"))?;
//! let results = search(&index, &SearchRequest::new("cybercriminalité"))?;
//! for hit in &results.hits {
//!     println!("{} {}", hit.score, hit.title);
//! }
//! # Ok::<(), akhbar::Error>(())
//! ```

mod bm25;
pub(crate) mod collapse;
mod export;
mod facets;
mod lookup;
pub(crate) mod query;
mod results;
mod snippets;
mod stats;
mod suggest;
mod timeline;
pub(crate) mod typos;

use std::time::Instant;

use chrono::NaiveDate;
use tantivy::collector::{Count, MultiCollector, TopDocs};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DateTime, DocAddress, Order, Searcher, TantivyDocument, Term};

use crate::analysis::AnalysisOptions;
use crate::error::Result;
use crate::index::to_datetime;
use crate::index::{AkhbarIndex, Fields};
use crate::lang::Lang;
pub use bm25::{Bm25Params, Bm25fQuery, FieldWeight};
pub use collapse::MAX_COPIES;
pub use export::for_each_match;
pub use facets::{FacetKind, Facets};
pub use lookup::{article, group};
pub use query::{
    check_length, parse, parse_words, plain_words, Keywords, ParsedQuery, QueryCompiler,
    QueryError, QueryMode, Rewriter, Scoring, MAX_QUERY_CHARS,
};
pub use results::{Corrected, Duplicate, Hit, SearchResults};
use snippets::Snippeter;
pub use snippets::{Snippet, SNIPPET_CHARS};
pub use stats::{index_stats, stats_text, IndexStats};
pub use suggest::{Suggestion, SuggestionKind};
pub use timeline::{timeline, Period};
pub use typos::{correction, edit_distance};

/// The order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best BM25 score first (newest first for `*`).
    #[default]
    Relevance,
    /// Newest first; articles without a date last.
    Date,
    /// Oldest first; articles without a date last.
    DateAsc,
}

/// One search: the query, its filters, the page of hits to return.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    /// Keep articles in any of these languages (all when empty).
    pub langs: Vec<Lang>,
    /// Keep articles dated on or after this day.
    pub since: Option<NaiveDate>,
    /// Keep articles dated on or before this day.
    pub until: Option<NaiveDate>,
    /// Keep articles from any of these sources (case and accents ignored).
    pub sources: Vec<String>,
    pub limit: usize,
    pub offset: usize,
    pub sort: Sort,
    /// Which facets to count.
    pub facets: Vec<FacetKind>,
    /// Snippet length in characters; 0 for no snippets.
    pub snippet_chars: usize,
    /// Show every copy of a near-duplicate group instead of one hit per group.
    pub all_duplicates: bool,
    /// With relevance order: halve an article's score for every `recency`
    /// of age, counted back from the end of `until` when it is given, else
    /// from now (an article dated after that point is not boosted).
    pub recency: Option<chrono::Duration>,
    /// How the words combine: all required (the default) or any.
    pub mode: QueryMode,
    /// How matches are scored.
    pub scoring: Scoring,
    /// The analysis the index was built with.
    pub analysis: AnalysisOptions,
}

impl SearchRequest {
    /// A request with akhbar's defaults: 10 hits, by relevance, every default facet.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            langs: Vec::new(),
            since: None,
            until: None,
            sources: Vec::new(),
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            facets: FacetKind::DEFAULT.to_vec(),
            snippet_chars: SNIPPET_CHARS,
            recency: None,
            all_duplicates: false,
            mode: QueryMode::All,
            scoring: Scoring::default(),
            analysis: AnalysisOptions::default(),
        }
    }
}

/// Runs a search.
pub fn search(index: &AkhbarIndex, request: &SearchRequest) -> Result<SearchResults> {
    let reader = index.index.reader()?;
    let searcher = reader.searcher();
    search_with(&searcher, &index.fields, request)
}

/// A request compiled into a query.
pub(crate) struct Compiled {
    /// The words of the query alone (for snippets).
    pub text_query: Box<dyn Query>,
    /// The words and the filters.
    pub query: Box<dyn Query>,
    pub match_all: bool,
}

/// Compiles a parsed query, its words passed through `rewriter`, and adds
/// the request's filters.
pub(crate) fn compile_request(
    fields: &Fields,
    request: &SearchRequest,
    parsed: &ParsedQuery,
    rewriter: &mut dyn Rewriter,
) -> Result<Compiled> {
    let mut compiler = QueryCompiler::new(
        fields,
        request.analysis,
        request.scoring,
        request.mode,
        rewriter,
    );
    let text_query = compiler.compile(parsed, &request.langs)?;
    let filters = filter_queries(fields, request);
    let query: Box<dyn Query> = if filters.is_empty() {
        text_query.box_clone()
    } else {
        let mut clauses = vec![(Occur::Must, text_query.box_clone())];
        clauses.extend(filters.into_iter().map(|f| (Occur::Must, f)));
        Box::new(BooleanQuery::new(clauses))
    };
    Ok(Compiled {
        text_query,
        query,
        match_all: parsed.is_match_all(),
    })
}

/// The stages a search runs around its first stage: a pass over the
/// query's words before it ([`Rewriter`]) and a re-ordering of its best
/// hits after it. Keyword search has neither; question answering
/// ([`crate::qa`]) has both.
pub(crate) trait Stages {
    /// The pass over the query's words.
    fn rewriter(&mut self) -> &mut dyn Rewriter;
    /// How many of the best first-stage hits [`Stages::rerank`] re-orders
    /// (0: none).
    fn rerank_depth(&self) -> usize {
        0
    }
    /// Re-orders ranked hits (best first); called on the top of the whole
    /// ranking, before near duplicates are collapsed.
    fn rerank(
        &mut self,
        _searcher: &Searcher,
        _fields: &Fields,
        hits: Vec<(f32, DocAddress)>,
    ) -> Result<Vec<(f32, DocAddress)>> {
        Ok(hits)
    }
}

/// Keyword search: the words as typed, no second stage.
struct KeywordStages(Keywords);

impl Stages for KeywordStages {
    fn rewriter(&mut self) -> &mut dyn Rewriter {
        &mut self.0
    }
}

/// Runs a keyword search (the query language of `akhbar-search`) with an
/// open searcher (reuse one for many queries).
///
/// Every word is required, except in pasted text (a headline, a lead): a
/// query of [`PASTED_WORDS`] words or more that uses no field, no
/// `AND`/`OR`/`NOT` and no `+` but on its last word (`… +فيديو`) is read as
/// plain words of which any may match, the more the higher
/// ([`QueryMode::Any`]), as an article rarely holds every word of another
/// outlet's headline. The results' notes say so. A shorter query keeps every
/// word required even when nothing matches: its count is a count of
/// articles holding every word.
pub fn search_with(
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchRequest,
) -> Result<SearchResults> {
    check_length(&request.query)?;
    if let Some(words) = pasted_text(request) {
        return search_pasted(searcher, fields, request, words);
    }
    let parsed = query::parse(&request.query)?;
    let results = run(
        searcher,
        fields,
        request,
        &parsed,
        &mut KeywordStages(Keywords),
    )?;
    if results.total > 0 {
        return Ok(results);
    }
    // A pasted headline's dash before a word (`… -فيديو`) excludes the
    // headline's own word: when exclusions leave nothing, read the dashes
    // as punctuation. Only for what reads as a headline (four words or
    // more, not beginning with the dash): `-ziyech maroc` or
    // `Maroc -Budapest` are exclusions a user typed, kept as typed.
    let leading_dash = request.query.trim_start().starts_with(['-', '\u{2212}']);
    if !leading_dash && parsed.searched_words().len() >= HEADLINE_WORDS {
        if let Some(words) = parsed.dashes_as_words() {
            let again = run(
                searcher,
                fields,
                request,
                &words,
                &mut KeywordStages(Keywords),
            )?;
            if again.total > 0 {
                return Ok(again);
            }
        }
    }
    Ok(results)
}

/// Searches `request`'s text of `words` words as pasted text, with a note
/// that says so (see [`search_words`]).
fn search_pasted(
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchRequest,
    words: usize,
) -> Result<SearchResults> {
    let mut results = search_words(searcher, fields, request)?;
    results.notes.push(format!(
        "read as pasted text ({words} words; quotes and dashes as punctuation): any of its words may match, and the more an article holds (the rarer the better) the higher it ranks; the count covers every article holding one of them; to require every word, put + before one of them (the query language then applies) or search fewer than {PASTED_WORDS} words"
    ));
    Ok(results)
}

/// How many words a keyword request's query holds when it reads as pasted
/// text (see [`search_with`]); `None` when it is read in the query language.
pub(crate) fn pasted_text(request: &SearchRequest) -> Option<usize> {
    (request.mode == QueryMode::All)
        .then(|| pasted_length(&request.query))
        .flatten()
}

/// How many words `text` holds when it is long enough, and free enough of
/// operators, to be pasted text ([`PASTED_WORDS`] words or more).
pub(crate) fn pasted_length(text: &str) -> Option<usize> {
    query::pasted_words(text).filter(|&n| n >= PASTED_WORDS)
}

/// The request and the parsed words of pasted text: any word may match.
pub(crate) fn as_plain_words(request: &SearchRequest) -> Result<(SearchRequest, ParsedQuery)> {
    let relaxed = SearchRequest {
        mode: QueryMode::Any,
        ..request.clone()
    };
    let parsed = parse_words(&plain_words(&request.query))?;
    Ok((relaxed, parsed))
}

/// Searches `request`'s text as plain words ([`plain_words`]: the query
/// language's marks are punctuation) of which any may match, the more (and
/// the rarer) the higher, with the request's scoring and no other stage:
/// how keyword search ranks pasted text.
pub fn search_words(
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchRequest,
) -> Result<SearchResults> {
    let (relaxed, parsed) = as_plain_words(request)?;
    run(
        searcher,
        fields,
        &relaxed,
        &parsed,
        &mut KeywordStages(Keywords),
    )
}

/// A query of this many words or more, besides its exclusions, may be a
/// pasted headline, whose dashes may be punctuation.
const HEADLINE_WORDS: usize = 4;

/// A query of this many words or more, with no field, no `AND`/`OR`/`NOT`
/// and no `+` (see [`search_with`]), reads as pasted text, a headline or a
/// lead, of which any word may match.
pub const PASTED_WORDS: usize = 6;

/// Runs a search of an already parsed query through `stages`.
pub(crate) fn run(
    searcher: &Searcher,
    fields: &Fields,
    request: &SearchRequest,
    parsed: &ParsedQuery,
    stages: &mut dyn Stages,
) -> Result<SearchResults> {
    let start = Instant::now();
    let Compiled {
        text_query,
        query,
        match_all,
    } = compile_request(fields, request, parsed, stages.rewriter())?;

    let collapse = !request.all_duplicates;
    // One pass over every match for the counts and the facets.
    let mut counting = MultiCollector::new();
    let count_handle = counting.add_collector(Count);
    let group_handle = collapse.then(|| counting.add_collector(collapse::GroupCount));
    let facet_handles: Vec<_> = request
        .facets
        .iter()
        .map(|&kind| {
            (
                kind,
                counting.add_collector(facets::collector(kind, fields)),
            )
        })
        .collect();
    let mut counted = searcher.search(&query, &counting)?;
    let total_articles = count_handle.extract(&mut counted) as u64;
    let total = match group_handle {
        Some(handle) => handle.extract(&mut counted),
        None => total_articles,
    };
    let mut facet_counts = Facets::default();
    for (kind, handle) in facet_handles {
        let counts = handle.extract(&mut counted);
        facet_counts.0.insert(kind.name(), facets::counts(&counts));
    }
    let limit = request
        .limit
        .min(total.saturating_sub(request.offset as u64) as usize);
    let sort = match request.sort {
        Sort::Relevance if match_all => Sort::Date,
        other => other,
    };
    // The second stage re-orders the best hits by relevance.
    let depth = stages.rerank_depth();
    let rerank = depth > 0 && sort == Sort::Relevance && request.recency.is_none() && !match_all;
    let recency = request
        .recency
        .map(|half_life| (half_life, recency_reference(request.until)));
    let mut second_stage = |hits: Vec<(f32, DocAddress)>| -> Result<Vec<(f32, DocAddress)>> {
        if !rerank {
            return Ok(hits);
        }
        stages.rerank(searcher, fields, hits)
    };
    let page: Vec<(f32, DocAddress)> = if limit == 0 {
        Vec::new()
    } else if !collapse {
        if rerank {
            // Reranking works on the top of the whole ranking: fetch from
            // the first hit, at least the reranked depth (so that every
            // page sees the same reranked top), then page.
            let hits = ranked(
                searcher,
                &query,
                sort,
                recency,
                (request.offset + limit).max(depth),
                0,
            )?;
            second_stage(hits)?
                .into_iter()
                .skip(request.offset)
                .take(limit)
                .collect()
        } else {
            ranked(searcher, &query, sort, recency, limit, request.offset)?
        }
    } else {
        // Fetch ranked articles until enough distinct groups are in hand,
        // starting from the matches' own articles-per-group ratio (a story
        // republished 30 times needs about 30 articles per group).
        let want = request.offset + limit;
        let per_group = total_articles.div_ceil(total.max(1)).clamp(1, 64) as usize;
        let mut fetch = (want * 2 * per_group)
            .max(20)
            .max(if rerank { depth } else { 0 });
        loop {
            let candidates = ranked(searcher, &query, sort, recency, fetch, 0)?;
            let exhausted = candidates.len() < fetch;
            let groups = collapse::first_of_each_group(searcher, second_stage(candidates)?);
            if groups.len() >= want || exhausted {
                break groups
                    .into_iter()
                    .skip(request.offset)
                    .take(limit)
                    .collect();
            }
            fetch = fetch.saturating_mul(4);
        }
    };

    // No snippets asked for (evaluation runs): skip building generators.
    let snippeter = if request.snippet_chars == 0 || page.is_empty() {
        None
    } else {
        Some(Snippeter::new(
            searcher,
            text_query.as_ref(),
            fields,
            request.snippet_chars,
        )?)
    };
    let mut hits = Vec::with_capacity(page.len());
    for (score, address) in page {
        let doc: TantivyDocument = searcher.doc(address)?;
        let mut hit = hit_from_doc(&doc, fields, score, snippeter.as_ref());
        if collapse {
            let copies = collapse::copies(searcher, fields, &hit.group, &hit.id)?;
            hit.duplicates = copies.listed;
            hit.duplicate_count = copies.count;
            hit.first_published = copies.first;
        }
        hits.push(hit);
    }
    let suggestions = if total == 0 && !match_all {
        suggest::suggest(searcher, fields, request, parsed)?
    } else {
        Vec::new()
    };
    Ok(SearchResults {
        query: request.query.clone(),
        total,
        total_articles,
        took_ms: start.elapsed().as_secs_f64() * 1000.0,
        hits,
        facets: facet_counts,
        corrections: Vec::new(),
        notes: parsed.notes.clone(),
        suggestions,
    })
}

/// One page of ranked articles in the requested order.
fn ranked(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    recency: Option<(chrono::Duration, i64)>,
    limit: usize,
    offset: usize,
) -> Result<Vec<(f32, DocAddress)>> {
    let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
    Ok(match (sort, recency) {
        (Sort::Relevance, Some((half_life, reference))) => {
            let decay = RecencyDecay::new(searcher, half_life, reference);
            searcher.search(
                query,
                &top.tweak_score(move |segment: &tantivy::SegmentReader| {
                    decay.for_segment(segment)
                }),
            )?
        }
        (Sort::Relevance, None) => searcher.search(query, &top.order_by_score())?,
        (Sort::Date | Sort::DateAsc, _) => {
            let order = if sort == Sort::Date {
                Order::Desc
            } else {
                Order::Asc
            };
            let by_date: Vec<(Option<DateTime>, DocAddress)> =
                searcher.search(query, &top.order_by_fast_field::<DateTime>("date", order))?;
            let mut scored = Vec::with_capacity(by_date.len());
            for (_, address) in by_date {
                let score = query
                    .explain(searcher, address)
                    .map(|e| e.value())
                    .unwrap_or(0.0);
                scored.push((score, address));
            }
            scored
        }
    })
}

/// Where `--recency` counts age from, in seconds since the epoch: the end
/// of the `until` day when one is given (so a past period is ranked within
/// itself), else now. Never the newest article of the index: one page from
/// another year would then decide every score.
fn recency_reference(until: Option<NaiveDate>) -> i64 {
    until
        .and_then(|d| d.succ_opt())
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp())
        .unwrap_or_else(|| chrono::Utc::now().timestamp())
}

/// Multiplies scores by `0.5^(age / half_life)`, age counted back from
/// `reference` (see [`recency_reference`]); an undated article counts as
/// the oldest.
#[derive(Clone, Copy)]
struct RecencyDecay {
    reference: i64,
    oldest: i64,
    half_life_secs: f64,
}

impl RecencyDecay {
    fn new(searcher: &Searcher, half_life: chrono::Duration, reference: i64) -> Self {
        let mut oldest = i64::MAX;
        for segment in searcher.segment_readers() {
            if let Ok(column) = segment.fast_fields().date("date") {
                if column.values.num_vals() > 0 {
                    oldest = oldest.min(column.min_value().into_timestamp_secs());
                }
            }
        }
        if oldest == i64::MAX {
            oldest = 0;
        }
        RecencyDecay {
            reference,
            oldest,
            half_life_secs: (half_life.num_seconds().max(1)) as f64,
        }
    }

    fn for_segment(self, segment: &tantivy::SegmentReader) -> impl Fn(tantivy::DocId, f32) -> f32 {
        let column = segment.fast_fields().date("date").ok();
        move |doc, score| {
            let date = column
                .as_ref()
                .and_then(|c| c.first(doc))
                .map(|d| d.into_timestamp_secs())
                .unwrap_or(self.oldest);
            let age = (self.reference - date).max(0) as f64;
            score * 0.5f64.powf(age / self.half_life_secs) as f32
        }
    }
}

fn filter_queries(fields: &Fields, request: &SearchRequest) -> Vec<Box<dyn Query>> {
    let mut filters: Vec<Box<dyn Query>> = Vec::new();
    let any_of = |terms: Vec<Term>| -> Box<dyn Query> {
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .into_iter()
            .map(|t| {
                (
                    Occur::Should,
                    Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
                )
            })
            .collect();
        Box::new(ConstScoreQuery::new(
            Box::new(BooleanQuery::new(clauses)),
            0.0,
        ))
    };
    if !request.langs.is_empty() {
        let terms = request
            .langs
            .iter()
            .map(|l| Term::from_field_text(fields.lang, l.code()))
            .collect();
        filters.push(any_of(terms));
    }
    if !request.sources.is_empty() {
        let terms = request
            .sources
            .iter()
            .map(|s| Term::from_field_text(fields.source_key, &source_key(s)))
            .collect();
        filters.push(any_of(terms));
    }
    if request.since.is_some() || request.until.is_some() {
        use std::ops::Bound;
        let lower = match request.since {
            Some(d) => Bound::Included(Term::from_field_date(fields.date, to_datetime(d))),
            None => Bound::Unbounded,
        };
        let upper = match request.until {
            Some(d) => Bound::Included(Term::from_field_date(fields.date, to_datetime(d))),
            None => Bound::Unbounded,
        };
        filters.push(Box::new(ConstScoreQuery::new(
            Box::new(RangeQuery::new(lower, upper)),
            0.0,
        )));
    }
    filters
}

/// A source name as `source_key` indexes it: lowercased, accents folded.
pub fn source_key(name: &str) -> String {
    let mut analyzer = crate::index::keyword_analyzer();
    let mut stream = analyzer.token_stream(name.trim());
    let mut key = String::new();
    while stream.advance() {
        key = stream.token().text.clone();
    }
    key
}

fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// A stored date as `YYYY-MM-DD`.
fn stored_day(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_datetime())
        .and_then(day_of)
}

/// A tantivy date as `YYYY-MM-DD`.
fn day_of(date: tantivy::DateTime) -> Option<String> {
    chrono::DateTime::from_timestamp(date.into_timestamp_secs(), 0)
        .map(|dt| dt.date_naive().format("%Y-%m-%d").to_string())
}

pub(crate) fn hit_from_doc(
    doc: &TantivyDocument,
    f: &Fields,
    score: f32,
    snippeter: Option<&Snippeter>,
) -> Hit {
    let body = text_of(doc, f.body).unwrap_or_default();
    let lang = text_of(doc, f.lang).unwrap_or_else(|| "other".into());
    let langs: Vec<String> = doc
        .get_all(f.langs)
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    let lang_list: Vec<Lang> = std::iter::once(lang.as_str())
        .chain(langs.iter().map(String::as_str))
        .filter_map(|code| code.parse().ok())
        .collect();
    let snippet = snippeter
        .map(|s| s.snippet(&body, &lang_list))
        .unwrap_or_default();
    let date = stored_day(doc, f.date);
    Hit {
        id: text_of(doc, f.id).unwrap_or_default(),
        title: text_of(doc, f.title).unwrap_or_default(),
        date,
        lang,
        langs,
        source: text_of(doc, f.source),
        url: text_of(doc, f.url),
        path: text_of(doc, f.path).unwrap_or_default(),
        score,
        snippet: snippet.marked("<b>", "</b>"),
        snippet_parts: snippet,
        duplicates: Vec::new(),
        duplicate_count: 0,
        group: text_of(doc, f.group).unwrap_or_default(),
        first_published: None,
    }
}

/// Parses a half-life such as `30d`, `12h`, `2w`, `6m` (months of 30 days)
/// or `1y` (365 days).
pub fn parse_half_life(s: &str) -> std::result::Result<chrono::Duration, String> {
    let s = s.trim();
    let err =
        || format!("`{s}` is not a duration: use a number and a unit, like 30d, 12h, 2w, 6m or 1y");
    let split = s.find(|c: char| !c.is_ascii_digit()).ok_or_else(err)?;
    let (number, unit) = s.split_at(split);
    let n: i64 = number.parse().map_err(|_| err())?;
    if n == 0 {
        return Err(err());
    }
    let hours_per_unit = match unit {
        "h" => 1,
        "d" => 24,
        "w" => 24 * 7,
        "m" => 24 * 30,
        "y" => 24 * 365,
        _ => return Err(err()),
    };
    // A half-life past a thousand years is certainly a typo, not a wish.
    n.checked_mul(hours_per_unit)
        .filter(|hours| *hours <= 24 * 365 * 1000)
        .and_then(chrono::Duration::try_hours)
        .ok_or_else(|| format!("`{s}` is too long a half-life: use at most 1000y"))
}
