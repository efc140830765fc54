//! The two seed pages in `corpus/`: metadata, boilerplate, and the searches
//! that must (and must not) find them.

use crate::common::{repo_path, TestIndex};
use akhbar::ingest::{ingest_corpus, IngestOptions, Item};
use akhbar::Article;

const FR: &str = "000_5d3b72878a637f7c.txt";
const AR: &str = "004_53a3c6378341bd70.txt";

fn seed_articles() -> Vec<Article> {
    let mut articles = Vec::new();
    ingest_corpus(&repo_path("corpus"), &IngestOptions::default(), |item| {
        match item {
            Item::Article(a) => articles.push(*a),
            Item::Skip(s) => panic!("seed skipped: {s}"),
            Item::File(_) => {}
        }
        Ok(())
    })
    .unwrap();
    articles
}

fn seed(path: &str) -> Article {
    seed_articles()
        .into_iter()
        .find(|a| a.path == path)
        .expect("seed is read")
}

#[test]
fn french_seed_metadata() {
    let a = seed(FR);
    assert_eq!(
        a.title,
        "Cybercriminalité : le Maroc signe le 2e protocole additionnel à la Convention de Budapest"
    );
    assert_eq!(a.date.unwrap().to_string(), "2022-05-13");
    assert_eq!(a.source.as_deref(), Some("EcoActu"));
    assert_eq!(a.lang.code(), "fr");
    assert!(a.body.starts_with("Le Maroc a signé, jeudi à Strasbourg"));
    assert!(a
        .body
        .ends_with("instrument auquel ont adhéré plusieurs pays à travers le monde."));
}

#[test]
fn arabic_seed_metadata() {
    let a = seed(AR);
    assert_eq!(
        a.title,
        "المغرب يوقّع على اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية ويؤكد التزامه بحماية الفضاء الرقمي"
    );
    assert_eq!(a.date.unwrap().to_string(), "2025-10-25");
    assert_eq!(a.source.as_deref(), Some("Imou Media"));
    assert_eq!(a.lang.code(), "ar");
    assert!(a.body.starts_with("في خطوة جديدة"));
    // The headline is repeated twice in the page: it is the title, not body text.
    assert!(!a.body.contains("ويؤكد التزامه بحماية الفضاء الرقمي"));
}

#[test]
fn boilerplate_is_not_body() {
    let fr = seed(FR);
    for phrase in [
        "Ziyech",
        "Louvre",
        "Madagascar",
        "Merci d'avoir signalé",
        "Cliquez ici",
        "automatiquement bloquée",
    ] {
        assert!(
            !fr.body.contains(phrase),
            "French body holds boilerplate `{phrase}`"
        );
        assert!(!fr.title.contains(phrase));
    }
    let ar = seed(AR);
    for phrase in [
        "Leave a Comment",
        "Comments Rules",
        "بريدك الإلكتروني",
        "عدم الإساءة",
    ] {
        assert!(
            !ar.body.contains(phrase),
            "Arabic body holds boilerplate `{phrase}`"
        );
    }
}

#[test]
fn searches_find_the_right_seed() {
    let index = TestIndex::seeds();
    for q in [
        "cybercriminalite",
        "Cybercriminalité",
        "protocoles",
        "\"convention de Budapest\"",
    ] {
        assert_eq!(
            index
                .query(q)
                .hits
                .iter()
                .map(|h| h.path.as_str())
                .collect::<Vec<_>>(),
            vec![FR],
            "query {q}"
        );
    }
    for q in ["الجريمة", "السيبرانية", "اتفاقية", "\"الجريمة السيبرانية\""]
    {
        assert_eq!(
            index
                .query(q)
                .hits
                .iter()
                .map(|h| h.path.as_str())
                .collect::<Vec<_>>(),
            vec![AR],
            "query {q}"
        );
    }
}

#[test]
fn boilerplate_words_find_nothing() {
    let index = TestIndex::seeds();
    for q in [
        "Ziyech",
        "Louvre",
        "Madagascar",
        "Cliquez",
        "automatiquement",
        "bloquée",
        "Comments",
        "بريدك",
    ] {
        assert_eq!(index.query(q).total, 0, "query {q} matched boilerplate");
    }
}

#[test]
fn snippet_highlights_the_match() {
    let index = TestIndex::seeds();
    let hit = &index.query("Budapest").hits[0];
    assert!(hit.snippet.contains("<b>Budapest</b>"), "{}", hit.snippet);
    let hit = &index.query("اتفاقية").hits[0];
    assert!(hit.snippet.contains("<b>اتفاقية</b>"), "{}", hit.snippet);
}
