//! Searching the fixture corpus: filters, facets, sorting, paging, ranking,
//! languages, and re-indexing without duplicates.

use crate::common::{fixture, TestIndex};
use akhbar::ingest::SkipReason;
use akhbar::lang::Lang;
use akhbar::search::{SearchRequest, Sort};
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn summary_counts_articles_and_every_skip() {
    let index = TestIndex::fixtures();
    let s = &index.summary;
    assert_eq!(s.articles_indexed, 10, "{s:#?}");
    assert_eq!(s.by_lang.get("fr"), Some(&7));
    assert_eq!(s.by_lang.get("ar"), Some(&1));
    assert_eq!(s.by_lang.get("es"), Some(&1));
    assert_eq!(s.by_lang.get("en"), Some(&1));
    let skip = |reason: SkipReason| {
        s.skipped
            .iter()
            .find(|k| k.reason == reason)
            .unwrap_or_else(|| panic!("no {reason:?} in {:#?}", s.skipped))
    };
    let malformed = skip(SkipReason::MalformedJson);
    assert_eq!(
        (malformed.path.as_str(), malformed.line),
        ("articles.jsonl", Some(8))
    );
    assert_eq!(skip(SkipReason::MissingBody).line, Some(9));
    assert_eq!(skip(SkipReason::InvalidDate).line, Some(7));
    assert_eq!(skip(SkipReason::EmptyFile).path, "pages/empty.txt");
    assert_eq!(skip(SkipReason::BinaryFile).path, "pages/archive.txt");
    assert_eq!(skip(SkipReason::UnsupportedFileType).path, "pages/notes.md");
    assert_eq!(s.skipped.len(), 6);
}

#[test]
fn records_keep_their_metadata_and_path() {
    let index = TestIndex::fixtures();
    let hit = &index.query("conteneurs").hits[0];
    assert_eq!(hit.id, "fr-port-2023");
    assert_eq!(hit.date.as_deref(), Some("2023-07-04"));
    assert_eq!(hit.source.as_deref(), Some("EcoActu"));
    assert_eq!(hit.path, "articles.jsonl:2");
    let page = &index.query("dinandiers").hits[0];
    assert_eq!(page.path, "pages/chronique.txt");
    assert_eq!(page.date.as_deref(), Some("2020-03-02"));
    assert_eq!(page.source.as_deref(), Some("Le Matin"));
    assert_eq!(page.title, "Une chronique de la médina de Marrakech");
    // A record whose date is not a date is indexed without one.
    let quake = &index.query("secousse").hits[0];
    assert_eq!(quake.id, "fr-baddate");
    assert_eq!(quake.date, None);
}

#[test]
fn each_language_is_detected_and_searchable() {
    let index = TestIndex::fixtures();
    let lang_of = |q: &str| index.query(q).hits.first().map(|h| h.lang.clone());
    assert_eq!(lang_of("pesquero").as_deref(), Some("es"));
    assert_eq!(lang_of("fertilizers").as_deref(), Some("en"));
    assert_eq!(lang_of("الفلاحين").as_deref(), Some("ar"));
    assert_eq!(lang_of("médina").as_deref(), Some("fr"));
    // Stemming in each language: plural and singular meet.
    assert_eq!(index.ids("fertilizer"), vec!["en-phosphate-2022"]);
    assert_eq!(index.ids("delegación"), vec!["es-pesca-2022"]);
}

#[test]
fn a_spanish_passage_in_a_french_article_is_found() {
    let index = TestIndex::fixtures();
    let results = index.query("mafias");
    assert_eq!(results.hits.len(), 1);
    let hit = &results.hits[0];
    assert_eq!(hit.id, "fr-mixed-2024");
    assert_eq!(hit.lang, "fr");
    assert_eq!(hit.langs, vec!["fr", "es"]);
    assert_eq!(
        results
            .facets
            .get(akhbar::search::FacetKind::Langs)
            .get("es"),
        Some(&1)
    );
}

#[test]
fn lang_filter_repeats_as_any_of() {
    let index = TestIndex::fixtures();
    let mut req = SearchRequest::new("*");
    req.langs = vec![Lang::Es, Lang::En];
    let results = index.search(&req);
    let mut ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
    ids.sort();
    assert_eq!(ids, vec!["en-phosphate-2022", "es-pesca-2022"]);
    assert_eq!(results.total, 2);
    // A French word searched with --lang ar finds nothing.
    let mut req = SearchRequest::new("conteneurs");
    req.langs = vec![Lang::Ar];
    assert_eq!(index.search(&req).total, 0);
}

#[test]
fn since_and_until_are_inclusive() {
    let index = TestIndex::fixtures();
    let mut req = SearchRequest::new("*");
    req.since = Some(day("2022-09-30"));
    req.until = Some(day("2023-07-04"));
    let mut ids: Vec<String> = index.search(&req).hits.into_iter().map(|h| h.id).collect();
    ids.sort();
    assert_eq!(
        ids,
        vec![
            "ar-rain-2023",
            "es-pesca-2022",
            "fr-autoroute-2023",
            "fr-port-2023"
        ]
    );
    // Articles without a date are outside any date range.
    let mut req = SearchRequest::new("festival");
    req.since = Some(day("1900-01-01"));
    assert_eq!(index.search(&req).total, 0);
}

#[test]
fn source_filter_ignores_case() {
    let index = TestIndex::fixtures();
    let mut req = SearchRequest::new("*");
    req.sources = vec!["le matin".into()];
    let results = index.search(&req);
    assert_eq!(
        results.total,
        4,
        "{:?}",
        results.hits.iter().map(|h| &h.id).collect::<Vec<_>>()
    );
    assert!(results
        .hits
        .iter()
        .all(|h| h.source.as_deref() == Some("Le Matin")));
}

#[test]
fn facets_count_all_matches_not_only_the_page() {
    let index = TestIndex::fixtures();
    let mut req = SearchRequest::new("*");
    req.limit = 2;
    let results = index.search(&req);
    assert_eq!(results.hits.len(), 2);
    assert_eq!(results.total, 10);
    let f = &results.facets;
    use akhbar::search::FacetKind::*;
    assert_eq!(f.get(Lang).values().sum::<u64>(), 10);
    assert_eq!(f.get(Lang).get("fr"), Some(&7));
    assert_eq!(f.get(Year).get("2023"), Some(&3));
    assert_eq!(f.get(Year).get("2022"), Some(&2));
    assert_eq!(
        f.get(Year).values().sum::<u64>(),
        8,
        "two articles have no date"
    );
    assert_eq!(f.get(Month).get("2023-07"), Some(&1));
    assert_eq!(f.get(Source).get("EcoActu"), Some(&2));
    assert_eq!(f.get(Source).get("Le Matin"), Some(&4));
}

#[test]
fn sort_by_date_and_paging() {
    let index = TestIndex::fixtures();
    let mut req = SearchRequest::new("*");
    req.sort = Sort::Date;
    req.limit = 3;
    let first: Vec<Option<String>> = index
        .search(&req)
        .hits
        .into_iter()
        .map(|h| h.date)
        .collect();
    assert_eq!(
        first,
        vec![
            Some("2024-01-19".into()),
            Some("2023-07-04".into()),
            Some("2023-05-22".into())
        ]
    );
    req.offset = 3;
    let next: Vec<Option<String>> = index
        .search(&req)
        .hits
        .into_iter()
        .map(|h| h.date)
        .collect();
    assert_eq!(
        next,
        vec![
            Some("2023-03-12".into()),
            Some("2022-09-30".into()),
            Some("2022-02-08".into())
        ]
    );
    req.sort = Sort::DateAsc;
    req.offset = 0;
    req.limit = 1;
    assert_eq!(
        index.search(&req).hits[0].date.as_deref(),
        Some("2020-03-02")
    );
}

#[test]
fn a_title_match_outranks_a_body_match() {
    let index = TestIndex::fixtures();
    // `Tanger` is in the title of one article and the body of another.
    assert_eq!(
        index.ids("Tanger"),
        vec!["fr-port-2023", "fr-autoroute-2023"]
    );
}

#[test]
fn words_are_all_required_and_exclusion_works() {
    let index = TestIndex::fixtures();
    assert_eq!(index.ids("port conteneurs"), vec!["fr-port-2023"]);
    assert_eq!(index.query("port fertilizers").total, 0);
    assert_eq!(index.ids("Tanger -conteneurs"), vec!["fr-autoroute-2023"]);
}

#[test]
fn reindexing_does_not_duplicate() {
    let index = TestIndex::fixtures();
    let mut opts = akhbar::index::BuildOptions::default();
    opts.writer.threads = 1;
    opts.writer.memory_bytes = 50_000_000;
    akhbar::index::build_index(&fixture("mixed"), index.path(), &opts).unwrap();
    assert_eq!(index.query("*").total, 10);
    assert_eq!(index.query("conteneurs").total, 1);
}

/// Passages about the treaty of Fès: one holds the answer's sentence, the
/// others the question's words scattered or a few of them.
const TREATY: &str = r#"{"id": "together", "title": "Histoire du Maroc", "body": "La ville compte de nombreux monuments. Le traité de Fès fut signé en 1912 par le sultan Moulay Abdelhafid. Le protectorat commença ensuite.", "date": "2024-03-01"}
{"id": "scattered", "title": "Histoire du Maroc", "body": "Le traité commercial occupa longtemps les diplomates du sultan. La ville de Fès compte de nombreux monuments et une médina. Un accord fut signé plus tard à Rabat, en 1956.", "date": "2024-03-02"}
{"id": "medina", "title": "La médina de Fès", "body": "La médina de Fès est inscrite au patrimoine mondial. Ses souks attirent les visiteurs.", "date": "2024-03-03"}
{"id": "rabat", "title": "Rabat capitale", "body": "Rabat devint la capitale du Maroc sous le protectorat. Le sultan y installa le palais.", "date": "2024-03-04"}
"#;

fn treaty_index() -> (tempfile::TempDir, crate::common::TestIndex) {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("histoire.jsonl"), TREATY).unwrap();
    let index = crate::common::TestIndex::build(corpus.path());
    (corpus, index)
}

fn question(text: &str) -> akhbar::qa::Question {
    akhbar::qa::Question::new(text)
}

#[test]
fn a_question_is_read_as_plain_words_and_its_answer_ranks_first() {
    let (_corpus, index) = treaty_index();
    // Quotes, a dash and a colon are punctuation here, not operators.
    let text = "En quelle année le « traité » de Fès fut-il signé : par le sultan ?";
    let results = index.answer(&question(text));
    let ids: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"together"), "{ids:?}");
    assert!(ids.contains(&"scattered"), "any word may match: {ids:?}");
    // The query language requires every word: no passage has them all.
    assert_eq!(index.query("année traité Fès signé sultan").total, 0);
    // So the question's count is of articles holding any word, and it says so.
    assert!(results.total >= 3);
    assert!(
        results
            .notes
            .iter()
            .any(|n| n.contains("any one of its words")),
        "{:?}",
        results.notes
    );
    assert!(
        results.notes.iter().any(|n| n.contains("BM25F")),
        "{:?}",
        results.notes
    );
}

#[test]
fn reranked_pages_follow_the_reranked_order() {
    let (_corpus, index) = treaty_index();
    let text = "Quand le traité de Fès fut-il signé par le sultan ?";
    let mut all = question(text);
    all.search.all_duplicates = true;
    let hits = index.answer(&all).hits;
    // Each reranked hit shows its real first-stage score, not its rank: the
    // same scores as the question with the reranker off.
    assert!(hits.len() >= 3, "{hits:?}");
    let mut first_stage = all.clone();
    first_stage.options.rerank = akhbar::qa::RerankModel::OFF;
    let plain = index.answer(&first_stage).hits;
    assert_eq!(plain.len(), hits.len());
    for hit in &hits {
        let same = plain.iter().find(|p| p.id == hit.id).expect("same hits");
        assert_eq!(hit.score, same.score, "{}", hit.id);
    }
    assert!(hits.iter().all(|h| h.score.fract() != 0.0), "{hits:?}");
    let full: Vec<String> = hits.into_iter().map(|h| h.id).collect();
    let mut second = all.clone();
    second.search.offset = 1;
    second.search.limit = 1;
    let page: Vec<String> = index
        .answer(&second)
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(page, vec![full[1].clone()]);
    // A first page of one hit is the reranked first, not the first stage's.
    let mut first = all.clone();
    first.search.limit = 1;
    let page: Vec<String> = index
        .answer(&first)
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(page, vec![full[0].clone()]);
}
