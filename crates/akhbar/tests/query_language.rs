//! Each form of the query language, on the fixture corpus and the seeds.

use crate::common::TestIndex;
use akhbar::search::{parse, SearchRequest};

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

#[test]
fn phrases_keep_word_order() {
    let index = TestIndex::seeds();
    assert_eq!(index.query("\"convention de Budapest\"").total, 1);
    assert_eq!(index.query("\"Budapest de convention\"").total, 0);
    assert_eq!(index.query("\"الجريمة السيبرانية\"").total, 1);
    assert_eq!(index.query("\"السيبرانية الجريمة\"").total, 0);
}

#[test]
fn or_and_parentheses() {
    let index = TestIndex::fixtures();
    assert_eq!(
        sorted(index.ids("conteneurs OR fertilizers")),
        vec!["en-phosphate-2022", "fr-port-2023"]
    );
    assert_eq!(
        index.ids("(conteneurs OR fertilizers) Tanger"),
        vec!["fr-port-2023"]
    );
    // Words of different languages in one query, joined by OR.
    let page_id = index.query("dinandiers").hits[0].id.clone();
    let mut expected = vec![
        "ar-rain-2023".to_string(),
        "es-pesca-2022".to_string(),
        page_id,
    ];
    expected.sort();
    assert_eq!(
        sorted(index.ids("الفلاحين OR pesquero OR dinandiers")),
        expected
    );
}

#[test]
fn exclusion_applies_in_every_language() {
    let index = TestIndex::fixtures();
    let all = index.query("*").total;
    assert_eq!(index.query("-conteneurs").total, all - 1);
    assert_eq!(index.query("Tanger -conteneurs").total, 1);
    // An Arabic exclusion removes the Arabic article from a browse.
    assert_eq!(index.query("-الفلاحين").total, all - 1);
}

#[test]
fn field_prefixes() {
    let index = TestIndex::fixtures();
    // `Tanger` is in one title and one body.
    assert_eq!(index.ids("title:Tanger"), vec!["fr-port-2023"]);
    assert_eq!(index.ids("body:Tétouan"), vec!["fr-autoroute-2023"]);
    assert_eq!(index.query("title:Tétouan").total, 0);
    assert_eq!(index.query("source:ecoactu").total, 2);
    assert_eq!(
        sorted(index.ids("source:\"Le Matin\" secousse")),
        vec!["fr-baddate"]
    );
}

#[test]
fn prefix_and_typo_tolerance() {
    let index = TestIndex::fixtures();
    assert_eq!(index.ids("conten*"), vec!["fr-port-2023"]);
    assert_eq!(index.ids("phosph*"), vec!["en-phosphate-2022"]);
    let seeds = TestIndex::seeds();
    assert_eq!(seeds.query("Budapest").total, 1);
    assert_eq!(seeds.query("Budapst").total, 0);
    assert_eq!(seeds.query("Budapst~1").total, 1);
}

#[test]
fn unparsable_queries_say_where_and_how_to_fix() {
    for (q, needle) in [
        ("lang:xx maroc", "names no language"),
        ("maroc date:hier", "not a date"),
    ] {
        let err = parse(q).unwrap_err().to_string();
        assert!(
            err.contains(needle) && err.contains("character"),
            "{q}: {err}"
        );
    }
    let index = TestIndex::fixtures();
    let opened = akhbar::index::open(index.path()).unwrap();
    let err = akhbar::search::search(&opened, &SearchRequest::new("")).unwrap_err();
    assert!(err.to_string().contains("`*`"), "{err}");
}
