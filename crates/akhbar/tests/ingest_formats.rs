//! Formats: HTML pages, CSV/TSV, JSON Lines with `--map`, each plain or
//! compressed.

use crate::ingest_support::*;
use akhbar::ingest::{FieldMap, IngestOptions, SkipReason};
use akhbar::Lang;
use chrono::NaiveDate;

fn day(s: &str) -> Option<NaiveDate> {
    Some(s.parse().expect("a date"))
}

#[test]
fn html_page_keeps_text_and_metadata_and_drops_markup() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "port.html", &read_fixture("html/port.html"));
    let got = ingest(dir.path());
    let a = got.article("port.html");
    assert_eq!(a.title, "Le port de Tanger Med bat un record");
    assert_eq!(a.date, day("2023-07-04"));
    assert_eq!(a.source.as_deref(), Some("Akhbar Essai"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://essai.example/economie/port-record")
    );
    assert_eq!(a.lang, Lang::Fr);
    assert!(
        a.body
            .starts_with("Le port a traité plus de huit millions de conteneurs"),
        "{}",
        a.body
    );
    assert!(
        a.body.contains("\n« Nous visons les neuf millions"),
        "{}",
        a.body
    );
    for gone in [
        "trackerPixel",
        "display",
        "Accueil",
        "Politique",
        "Lire aussi",
        "Newsletter",
        "droits réservés",
    ] {
        assert!(!a.body.contains(gone), "{gone} in {}", a.body);
    }
    assert!(
        !a.body.contains("bat un record"),
        "the title is not repeated in the body"
    );
}

#[test]
fn html_without_meta_uses_its_text() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.htm", &read_fixture("html/sans-meta.htm"));
    let got = ingest(dir.path());
    let a = got.article("p.htm");
    assert_eq!(a.title, "Un titre sans balises meta");
    assert_eq!(a.date, day("2021-03-12"));
    assert!(a.body.starts_with("Le conseil municipal de Fès"));
    assert!(a.body.ends_with("rénovation de la médina."));
}

#[test]
fn html_in_a_declared_legacy_charset() {
    let html = String::from_utf8(read_fixture("html/sans-meta.htm")).unwrap();
    let html = html.replace("<head>", "<head><meta charset=\"windows-1252\">");
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "p.html",
        &encode(&html, encoding_rs::WINDOWS_1252),
    );
    let got = ingest(dir.path());
    assert!(got.article("p.html").body.contains("Fès a adopté"));
}

#[test]
fn csv_rows_are_articles_and_bad_rows_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.csv", &read_fixture("records/articles.csv"));
    let got = ingest(dir.path());
    assert_eq!(got.paths(), ["a.csv:2", "a.csv:4", "a.csv:7"]);
    let first = got.article("a.csv:2");
    assert_eq!(first.id, "csv-1");
    assert_eq!(first.date, day("2024-02-11"));
    assert_eq!(first.url.as_deref(), Some("https://essai.example/a1"));
    let multi = got.article("a.csv:4");
    assert_eq!(multi.title, "Titre, avec virgule");
    assert_eq!(multi.date, None);
    assert!(multi.body.contains("\nsur deux lignes"));
    assert_eq!(got.article("a.csv:7").lang, Lang::Ar);
    let wrong = got.skipped(SkipReason::WrongFieldCount);
    assert_eq!((wrong.len(), wrong[0].line), (1, Some(3)));
    assert!(wrong[0].detail.contains("7 fields, the header has 6"));
    assert_eq!(got.skipped(SkipReason::InvalidDate)[0].line, Some(4));
    assert_eq!(got.skipped(SkipReason::MissingBody)[0].line, Some(6));
    assert_eq!(got.skips.len(), 3);
}

#[test]
fn tsv_with_a_field_map() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.tsv", &read_fixture("records/renamed.tsv"));
    let unmapped = ingest(dir.path());
    assert!(unmapped.articles.is_empty());
    assert!(unmapped.skipped(SkipReason::MissingBody)[0]
        .detail
        .contains("--map"));

    let opts = IngestOptions {
        field_map: FieldMap::parse(
            "id=ref,title=headline,body=text,date=published_at,source=outlet",
        )
        .unwrap(),
        ..IngestOptions::default()
    };
    let got = ingest_with(dir.path(), &opts);
    let a = got.article("r.tsv:2");
    assert_eq!(
        (a.id.as_str(), a.title.as_str()),
        ("t-1", "La pluie revient")
    );
    assert_eq!(a.date, day("2024-03-15"));
    assert_eq!(a.source.as_deref(), Some("Akhbar Essai"));
    assert_eq!(got.article("r.tsv:3").date, day("2024-03-16"));
}

#[test]
fn jsonl_with_a_field_map() {
    let dir = tempfile::tempdir().unwrap();
    let line = r#"{"uid": "j1", "text": "Le Parlement a adopté la loi de finances rectificative.", "published_at": "2022-05-13"}"#;
    write(dir.path(), "a.ndjson", format!("{line}\n").as_bytes());
    let opts = IngestOptions {
        field_map: FieldMap::parse("id=uid,body=text,date=published_at").unwrap(),
        ..IngestOptions::default()
    };
    let got = ingest_with(dir.path(), &opts);
    let a = got.article("a.ndjson:1");
    assert_eq!((a.id.as_str(), a.date), ("j1", day("2022-05-13")));
}

#[test]
fn unknown_map_field_is_a_usage_error_naming_the_fields() {
    let err = FieldMap::parse("content=text").unwrap_err().to_string();
    assert!(err.contains("content") && err.contains("id, title, body, date, source, url, lang"));
}

#[test]
fn every_format_reads_the_same_compressed() {
    let dir = tempfile::tempdir().unwrap();
    let csv = read_fixture("records/articles.csv");
    let html = read_fixture("html/port.html");
    let page = read_fixture("langs/citation.txt");
    let jsonl =
        br#"{"id": "j", "body": "Le texte d'une ligne JSON assez long pour compter."}"#.to_vec();
    for (name, bytes) in [
        ("a.csv", &csv),
        ("p.html", &html),
        ("c.txt", &page),
        ("r.jsonl", &jsonl),
    ] {
        write(dir.path(), &format!("gz/{name}.gz"), &gzip(bytes));
        write(dir.path(), &format!("zst/{name}.zst"), &zstd(bytes));
        write(dir.path(), &format!("plain/{name}"), bytes);
    }
    let got = ingest(dir.path());
    let bodies = |prefix: &str, suffix: &str| -> Vec<(String, String)> {
        got.articles
            .iter()
            .filter(|a| a.path.starts_with(prefix))
            .map(|a| {
                (
                    a.path.replacen(prefix, "", 1).replacen(suffix, "", 1),
                    a.body.clone(),
                )
            })
            .collect()
    };
    let plain = bodies("plain/", "");
    assert_eq!(plain.len(), 3 + 1 + 1 + 1);
    assert_eq!(bodies("gz/", ".gz"), plain);
    assert_eq!(bodies("zst/", ".zst"), plain);
}
