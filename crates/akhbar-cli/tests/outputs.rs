//! Output forms of akhbar-search: exports of every match, index stats, the
//! timeline, recency, facet choice, and facet values fed back as filters.

use crate::bins::{run_bin, stderr, stdout};
use crate::common::{repo_path, TestIndex};
use chrono::Duration;
use serde_json::Value;

fn fixture_index() -> (TestIndex, String) {
    let index = TestIndex::fixtures();
    let path = index.path().to_str().unwrap().to_string();
    (index, path)
}

fn search_cli(index: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--index", index];
    all.extend_from_slice(args);
    let out = run_bin("akhbar-search", &all, &repo_path("."));
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_neutralised() {
    // Scraped text that a spreadsheet would run as a formula (OWASP's CSV
    // injection cases), beside a title that merely begins with a minus.
    let corpus = tempfile::tempdir().unwrap();
    let lines = [
        serde_json::json!({"id": "f1", "title": "=HYPERLINK(\"http://exemple.invalid\",\"Tanger\")",
            "body": "Le port de Tanger bat un record.", "source": "@SUM(A1:A9)", "date": "2024-01-02"}),
        serde_json::json!({"id": "f2", "title": "-50 % sur les billets pour Tanger",
            "body": "+cmd|' /C calc'!A0 Tanger", "source": "Le Matin", "date": "2024-01-03"}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(corpus.path().join("hostile.jsonl"), text).unwrap();
    let index = TestIndex::build(corpus.path());
    let path = index.path().to_str().unwrap().to_string();
    let rows = |args: &[&str]| -> Vec<csv::StringRecord> {
        let text = stdout(&search_cli(&path, args));
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap())
            .collect()
    };
    let safe = rows(&["Tanger", "--format", "csv", "--sort", "date-asc"]);
    assert_eq!(
        &safe[0][1],
        "'=HYPERLINK(\"http://exemple.invalid\",\"Tanger\")"
    );
    assert_eq!(&safe[0][5], "'@SUM(A1:A9)");
    assert_eq!(&safe[1][1], "'-50 % sur les billets pour Tanger");
    assert!(safe[1][11].starts_with("'+cmd|"), "{}", &safe[1][11]);
    assert_eq!(&safe[1][5], "Le Matin");
    // --csv-raw writes them as they are; JSON Lines always does.
    let raw = rows(&[
        "Tanger",
        "--format",
        "csv",
        "--sort",
        "date-asc",
        "--csv-raw",
    ]);
    assert!(raw[0][1].starts_with("=HYPERLINK("));
    let ndjson = stdout(&search_cli(
        &path,
        &["Tanger", "--format", "ndjson", "--sort", "date-asc"],
    ));
    let first: Value = serde_json::from_str(ndjson.lines().next().unwrap()).unwrap();
    assert_eq!(first["source"], "@SUM(A1:A9)");
    // --csv-raw without --format is a usage error.
    let out = run_bin(
        "akhbar-search",
        &["--index", &path, "Tanger", "--csv-raw"],
        &repo_path("."),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn ndjson_export_streams_every_match_with_body() {
    let (_index, path) = fixture_index();
    let rows_of = |args: &[&str]| -> Vec<Value> {
        stdout(&search_cli(&path, args))
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    // No --limit: every match; --limit cuts the export as it cuts a page.
    let rows = rows_of(&["*", "--format", "ndjson"]);
    assert_eq!(
        rows.len(),
        10,
        "without --limit an export holds every match"
    );
    let first = rows_of(&["*", "--format", "ndjson", "--limit", "1"]);
    assert_eq!(first.len(), 1);
    // `*` is newest first, as a search shows it; --sort date-asc reverses it.
    let dates = |rows: &[Value]| -> Vec<String> {
        rows.iter()
            .filter_map(|r| r["date"].as_str().map(str::to_string))
            .collect()
    };
    let mut newest_first = dates(&rows);
    assert!(newest_first.len() >= 5);
    let sorted = {
        let mut d = newest_first.clone();
        d.sort_by(|a, b| b.cmp(a));
        d
    };
    assert_eq!(newest_first, sorted);
    assert_eq!(first[0]["date"].as_str(), Some(sorted[0].as_str()));
    let oldest_first = dates(&rows_of(&["*", "--format", "ndjson", "--sort", "date-asc"]));
    newest_first.reverse();
    assert_eq!(oldest_first, newest_first);
    let port = rows.iter().find(|r| r["id"] == "fr-port-2023").unwrap();
    assert!(port["body"]
        .as_str()
        .unwrap()
        .contains("volume record de conteneurs"));
    assert_eq!(port["source"], "EcoActu");
    assert_eq!(port["date"], "2023-07-04");
    let text = stdout(&search_cli(&path, &["Tanger", "--format", "ndjson"]));
    assert_eq!(text.lines().count(), 2);
}

#[test]
fn csv_export_has_a_header_and_quotes_fields() {
    let (_index, path) = fixture_index();
    let text = stdout(&search_cli(
        &path,
        &["*", "--lang", "fr", "--format", "csv"],
    ));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "id",
            "title",
            "date",
            "lang",
            "langs",
            "source",
            "url",
            "path",
            "score",
            "group",
            "duplicate_count",
            "body"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 7);
    let mixed = rows.iter().find(|r| &r[0] == "fr-mixed-2024").unwrap();
    assert_eq!(&mixed[4], "fr es");
    // An article without copies is its own group.
    assert_eq!(&mixed[9], "fr-mixed-2024");
    assert_eq!(&mixed[10], "0");
    assert!(
        mixed[11].contains('\n') && mixed[11].contains("« La cooperación"),
        "bodies keep their lines"
    );
    // Nothing matched: the header alone.
    let empty = stdout(&search_cli(&path, &["introuvable", "--format", "csv"]));
    assert_eq!(empty.lines().count(), 1);
}

#[test]
fn stats_describe_the_index() {
    let (index, path) = fixture_index();
    let opened = akhbar::index::open(index.path()).unwrap();
    let stats = akhbar::search::index_stats(&opened, index.path()).unwrap();
    assert_eq!(stats.articles, 10);
    assert_eq!(stats.by_lang.get("fr"), Some(&7));
    assert_eq!(stats.with_date, 8);
    assert_eq!(stats.first_date.as_deref(), Some("2020-03-02"));
    assert_eq!(stats.last_date.as_deref(), Some("2024-01-19"));
    assert_eq!(stats.sources.len(), 5);
    assert!(stats.size_bytes > 1000);
    let text = stdout(&search_cli(&path, &["--stats"]));
    assert!(text.contains("articles   10"), "{text}");
    assert!(
        text.contains("2020-03-02 … 2024-01-19 (8 of 10 articles dated)"),
        "{text}"
    );
}

#[test]
fn timeline_draws_a_labelled_bar_per_period() {
    let (_index, path) = fixture_index();
    let text = stdout(&search_cli(&path, &["*", "--timeline", "year"]));
    assert!(text.contains("timeline by year (5 periods)"), "{text}");
    let bar = |label: &str| -> String {
        text.lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_default()
            .to_string()
    };
    assert!(bar("2023 ").ends_with(" 3"), "{text}");
    assert!(bar("2021 ").ends_with(" 1"), "{text}");
    assert!(bar("2023 ").matches('█').count() > bar("2021 ").matches('█').count());
    let months = stdout(&search_cli(&path, &["*", "--timeline"]));
    assert!(
        months.contains("timeline by month"),
        "default period is the month: {months}"
    );
    assert!(
        months.contains("2022-05 │"),
        "empty months are kept: {months}"
    );
}

#[test]
fn recency_favours_recent_articles() {
    let index = TestIndex::fixtures();
    // Three articles from 2021 and 2023 match; their scores differ.
    let mut req = akhbar::search::SearchRequest::new("port OR autoroute OR budget");
    let plain: Vec<String> = index.search(&req).hits.into_iter().map(|h| h.id).collect();
    req.recency = Some(Duration::days(30));
    let recent: Vec<Option<String>> = index
        .search(&req)
        .hits
        .into_iter()
        .map(|h| h.date)
        .collect();
    let mut by_date = recent.clone();
    by_date.sort_by(|a, b| b.cmp(a));
    assert_eq!(
        recent, by_date,
        "a 30-day half-life orders articles years apart by date"
    );
    assert_eq!(plain.len(), recent.len());
    // A past period is ranked within itself: age counts from the end of
    // `until`, not from the newest article (2023), which would leave every
    // 2021 score near 0 (24 half-lives).
    req.until = chrono::NaiveDate::from_ymd_opt(2021, 12, 31);
    let past = index.search(&req);
    assert!(!past.hits.is_empty());
    for hit in &past.hits {
        assert!(hit.date.as_deref() <= Some("2021-12-31"), "{:?}", hit.date);
        assert!(hit.score > 0.001, "{} scores {}", hit.id, hit.score);
    }
    assert_eq!(
        akhbar::search::parse_half_life("2w"),
        Ok(Duration::days(14))
    );
    assert!(akhbar::search::parse_half_life("soon").is_err());
    assert_eq!(
        akhbar::search::parse_half_life("12h"),
        Ok(Duration::hours(12))
    );
    // Huge numbers are an error, never an overflow.
    assert!(akhbar::search::parse_half_life("99999999999999999y").is_err());
    assert!(akhbar::search::parse_half_life("99999999999999d").is_err());
}

#[test]
fn facets_are_chosen_and_values_filter_back() {
    let (_index, path) = fixture_index();
    let out = stdout(&search_cli(&path, &["*", "--json", "--facets", "lang,day"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    let facets = v["facets"].as_object().unwrap();
    assert_eq!(facets.keys().collect::<Vec<_>>(), ["day", "lang"]);
    assert_eq!(v["facets"]["day"]["2023-07-04"], 1);
    // Every printed value of a facet, passed back as a filter, gives its count.
    let all: Value = serde_json::from_str(&stdout(&search_cli(&path, &["*", "--json"]))).unwrap();
    for (source, count) in all["facets"]["source"].as_object().unwrap() {
        let v: Value = serde_json::from_str(&stdout(&search_cli(
            &path,
            &["*", "--json", "--source", source],
        )))
        .unwrap();
        assert_eq!(&v["total"], count, "source {source}");
    }
    for (month, count) in all["facets"]["month"].as_object().unwrap() {
        let v: Value = serde_json::from_str(&stdout(&search_cli(
            &path,
            &["*", "--json", "--since", month, "--until", month],
        )))
        .unwrap();
        assert_eq!(&v["total"], count, "month {month}");
    }
    for (lang, count) in all["facets"]["lang"].as_object().unwrap() {
        let v: Value = serde_json::from_str(&stdout(&search_cli(
            &path,
            &["*", "--json", "--lang", lang],
        )))
        .unwrap();
        assert_eq!(&v["total"], count, "lang {lang}");
    }
}

#[test]
fn terminal_text_wraps_and_marks_arabic_lines() {
    use akhbar_cli::render::{direction_mark, wrap};
    let lines = wrap(
        "un deux trois quatre cinq six sept huit neuf dix onze douze",
        Some(24),
        3,
        3,
    );
    assert!(lines.len() > 2);
    assert!(
        lines
            .iter()
            .all(|l| l.chars().count() <= 24 && l.starts_with("   ")),
        "{lines:?}"
    );
    assert_eq!(direction_mark("المغرب يوقّع على اتفاقية"), "\u{200F}");
    assert_eq!(direction_mark("Le Maroc signe"), "");
}

/// A reader that closes the pipe early (`| head`) ends every output form
/// quietly with exit 0, as ripgrep does.
#[test]
fn a_closed_pipe_is_not_an_error() {
    let (_index, path) = fixture_index();
    for format in [
        &["--format", "csv"][..],
        &["--format", "ndjson"],
        &["--json"],
        &[],
    ] {
        let mut args = vec!["--index", path.as_str(), "*"];
        args.extend_from_slice(format);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_akhbar-search"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Close the read end before the first write.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{format:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{format:?}");
    }
}
