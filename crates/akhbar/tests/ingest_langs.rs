//! Mixed languages: each passage is detected and indexed with its own
//! language; the article gets its dominant language and all languages.

use crate::ingest_support::*;
use akhbar::index::{build_index, BuildOptions};
use akhbar::search::{search, SearchRequest};
use akhbar::Lang;

#[test]
fn a_french_page_with_a_spanish_passage() {
    let got = ingest(&fixture("langs"));
    let a = got.article("citation.txt");
    assert_eq!(a.lang, Lang::Fr);
    assert_eq!(a.langs, [Lang::Fr, Lang::Es]);
    let spanish: Vec<_> = a.passages.iter().filter(|p| p.lang == Lang::Es).collect();
    assert_eq!(spanish.len(), 1);
    assert!(spanish[0].text.starts_with("El ministro español"));
}

#[test]
fn an_arabic_page_with_a_french_passage() {
    let got = ingest(&fixture("langs"));
    let a = got.article("arabe-francais.txt");
    assert_eq!(a.lang, Lang::Ar);
    assert_eq!(a.langs, [Lang::Ar, Lang::Fr]);
    assert_eq!(a.source.as_deref(), Some("أخبار تجريبية"));
    assert_eq!(a.passages.len(), 3);
}

#[test]
fn a_spanish_word_finds_the_french_page_through_its_spanish_passage() {
    let dir = tempfile::tempdir().unwrap();
    let mut opts = BuildOptions::default();
    opts.writer.threads = 1;
    opts.writer.memory_bytes = 50_000_000;
    build_index(&fixture("langs"), dir.path(), &opts).unwrap();
    let index = akhbar::index::open(dir.path()).unwrap();
    // `pasajeros` only appears in the Spanish passage (stemmed as Spanish).
    let hits = search(&index, &SearchRequest::new("pasajero"))
        .unwrap()
        .hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].path, "citation.txt");
    assert_eq!(hits[0].lang, "fr");
}

#[test]
fn records_are_detected_per_passage_too() {
    let dir = tempfile::tempdir().unwrap();
    let line = r#"{"id": "m", "lang": "ar", "body": "Le gouvernement a présenté ce matin son nouveau plan d'investissement pour les régions du sud du pays.\nThe minister told reporters that the plan would create thousands of jobs in the coming years."}"#;
    write(dir.path(), "a.jsonl", format!("{line}\n").as_bytes());
    let got = ingest(dir.path());
    let a = got.article("a.jsonl:1");
    assert_eq!(a.lang, Lang::Fr, "the record's own `lang` is not trusted");
    assert_eq!(a.langs, [Lang::Fr, Lang::En]);
}
