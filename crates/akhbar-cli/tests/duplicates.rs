//! Near-duplicate grouping: one wire story republished by three outlets with
//! edits is one hit with two copies; `--all-duplicates` shows every copy.

use crate::bins::{run_bin, stdout};
use crate::common::{fixture, repo_path, TestIndex};
use akhbar::search::SearchRequest;

fn wire() -> TestIndex {
    TestIndex::build(&fixture("wire"))
}

#[test]
fn copies_collapse_into_one_hit() {
    let index = wire();
    let results = index.query("éleveurs");
    assert_eq!(results.total_articles, 4);
    assert_eq!(results.total, 2, "the wire story and the other story");
    assert_eq!(results.hits.len(), 2);
    let story = results
        .hits
        .iter()
        .find(|h| h.id.starts_with("wire-"))
        .unwrap();
    let mut copies: Vec<&str> = story.duplicates.iter().map(|d| d.id.as_str()).collect();
    copies.sort();
    let mut expected = vec!["wire-map", "wire-lematin", "wire-ecoactu"];
    expected.retain(|id| *id != story.id);
    expected.sort();
    assert_eq!(copies, expected);
    assert_eq!(story.duplicate_count, 2);
    let other = results.hits.iter().find(|h| h.id == "other-story").unwrap();
    assert!(other.duplicates.is_empty());
    assert_eq!(other.duplicate_count, 0);
}

#[test]
fn a_story_with_many_copies_describes_ten_and_counts_all() {
    let corpus = tempfile::tempdir().unwrap();
    let body = "Le conseil de Bank Al-Maghrib a décidé mardi de maintenir le taux directeur \
        inchangé à 2,25%, estimant que le niveau actuel reste approprié. L'inflation devrait \
        rester modérée cette année selon les projections de la banque centrale.";
    let lines: Vec<String> = (0..13)
        .map(|i| {
            serde_json::json!({
                "id": format!("bam-{i:02}"),
                "title": "Bank Al-Maghrib maintient son taux directeur",
                "body": body,
                "source": format!("Outlet {i:02}"),
                "date": "2024-03-19",
            })
            .to_string()
        })
        .collect();
    std::fs::write(corpus.path().join("copies.jsonl"), lines.join("\n")).unwrap();
    let index = TestIndex::build(corpus.path());
    let results = index.query("directeur");
    assert_eq!((results.total, results.total_articles), (1, 13));
    let hit = &results.hits[0];
    assert_eq!(hit.duplicate_count, 12);
    assert_eq!(hit.duplicates.len(), 10);
    assert!(hit.duplicates.iter().all(|d| d.id != hit.id));
    let text = stdout(&run_bin(
        "akhbar-search",
        &["--index", index.path().to_str().unwrap(), "directeur"],
        &repo_path("."),
    ));
    assert!(text.contains("12 more from: Outlet "), "{text}");
    assert!(text.contains(", …"), "{text}");
}

#[test]
fn all_duplicates_shows_every_copy() {
    let index = wire();
    let mut req = SearchRequest::new("éleveurs");
    req.all_duplicates = true;
    let results = index.search(&req);
    assert_eq!(results.total, 4);
    assert_eq!(results.hits.len(), 4);
    assert!(results.hits.iter().all(|h| h.duplicates.is_empty()));
}

#[test]
fn terminal_and_json_show_the_copies() {
    let index = wire();
    let path = index.path().to_str().unwrap();
    let text = stdout(&run_bin(
        "akhbar-search",
        &["--index", path, "sécheresse"],
        &repo_path("."),
    ));
    assert!(text.contains("2 more from: "), "{text}");
    assert!(
        text.contains("1 story match (3 articles with their copies)"),
        "{text}"
    );
    let json = stdout(&run_bin(
        "akhbar-search",
        &["--index", path, "sécheresse", "--json"],
        &repo_path("."),
    ));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["total"], 1);
    let copies = v["hits"][0]["duplicates"].as_array().unwrap();
    assert_eq!(copies.len(), 2);
    // The copies are described from fast fields: each one's own id, source,
    // path and date, the hit left out.
    let hit_id = v["hits"][0]["id"].as_str().unwrap();
    let mut described: Vec<(String, String, String)> = copies
        .iter()
        .map(|c| {
            assert!(c["path"].as_str().unwrap().starts_with("articles.jsonl:"));
            (
                c["id"].as_str().unwrap().to_string(),
                c["source"].as_str().unwrap().to_string(),
                c["date"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    described.sort();
    let mut expected = vec![
        (
            "wire-ecoactu".to_string(),
            "EcoActu".to_string(),
            "2024-03-06".to_string(),
        ),
        (
            "wire-lematin".to_string(),
            "Le Matin".to_string(),
            "2024-03-05".to_string(),
        ),
        (
            "wire-map".to_string(),
            "MAP".to_string(),
            "2024-03-05".to_string(),
        ),
    ];
    expected.retain(|(id, _, _)| id != hit_id);
    assert_eq!(described, expected);
}

#[test]
fn a_copy_indexed_later_joins_the_existing_group() {
    let lines: Vec<String> = std::fs::read_to_string(fixture("wire/articles.jsonl"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("first.jsonl"),
        format!("{}\n{}\n", lines[0], lines[3]),
    )
    .unwrap();
    let index = tempfile::tempdir().unwrap();
    let opts = akhbar::index::BuildOptions::default();
    akhbar::index::build_index(corpus.path(), index.path(), &opts).unwrap();
    std::fs::write(corpus.path().join("later.jsonl"), format!("{}\n", lines[2])).unwrap();
    let report = akhbar::index::build_index(corpus.path(), index.path(), &opts).unwrap();
    assert_eq!(report.summary.articles_indexed, 1);
    let opened = akhbar::index::open(index.path()).unwrap();
    let results = akhbar::search::search(&opened, &SearchRequest::new("sécheresse")).unwrap();
    assert_eq!((results.total, results.total_articles), (1, 2));
    assert_eq!(results.hits[0].duplicates.len(), 1);
}
