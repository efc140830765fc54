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

#[test]
fn a_hit_names_its_group_and_the_outlet_that_published_first() {
    let index = wire();
    let results = index.query("éleveurs");
    let story = results
        .hits
        .iter()
        .find(|h| h.id.starts_with("wire-"))
        .unwrap();
    // The group is named after its first indexed article.
    assert_eq!(story.group, "wire-map");
    // MAP and Le Matin both ran it on 2024-03-05: the earlier indexed wins the tie.
    let first = story.first_published.as_ref().unwrap();
    assert_eq!(
        (first.id.as_str(), first.date.as_deref()),
        ("wire-map", Some("2024-03-05"))
    );
    assert_eq!(first.source.as_deref(), Some("MAP"));
    let other = results.hits.iter().find(|h| h.id == "other-story").unwrap();
    assert_eq!(other.group, "other-story");
    assert!(other.first_published.is_none());

    let dir = index.path().to_str().unwrap();
    let text = stdout(&run_bin(
        "akhbar-search",
        &["--index", dir, "éleveurs"],
        &repo_path("."),
    ));
    assert!(text.contains("first published: "), "{text}");
    assert!(text.contains("group wire-map"), "{text}");

    // Exports carry the group and the count of other copies, for every copy.
    let csv_text = stdout(&run_bin(
        "akhbar-search",
        &["--index", dir, "éleveurs", "--format", "csv"],
        &repo_path("."),
    ));
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id, group, count) = (col("id"), col("group"), col("duplicate_count"));
    let mut rows: Vec<(String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[id].to_owned(), r[group].to_owned(), r[count].to_owned())
        })
        .collect();
    rows.sort();
    assert_eq!(
        rows,
        [
            ("other-story".into(), "other-story".into(), "0".into()),
            ("wire-ecoactu".into(), "wire-map".into(), "2".into()),
            ("wire-lematin".into(), "wire-map".into(), "2".into()),
            ("wire-map".into(), "wire-map".into(), "2".into()),
        ]
    );
}

#[test]
fn group_lists_every_member_and_show_prints_one_article_whole() {
    let index = wire();
    let dir = index.path().to_str().unwrap();
    // By the group's id or by any member's.
    for id in ["wire-map", "wire-ecoactu"] {
        let json = stdout(&run_bin(
            "akhbar-search",
            &["--index", dir, "--group", id, "--json"],
            &repo_path("."),
        ));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["group"], "wire-map");
        let ids: Vec<&str> = v["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["wire-map", "wire-lematin", "wire-ecoactu"]);
    }
    let text = stdout(&run_bin(
        "akhbar-search",
        &["--index", dir, "--group", "wire-map"],
        &repo_path("."),
    ));
    assert!(text.starts_with("group wire-map: 3 articles"), "{text}");
    assert!(text.contains("Le Matin"), "{text}");

    let shown = stdout(&run_bin(
        "akhbar-search",
        &["--index", dir, "--show", "wire-ecoactu"],
        &repo_path("."),
    ));
    assert!(
        shown.starts_with("Sécheresse : l'État vole au secours des éleveurs\n"),
        "{shown}"
    );
    assert!(shown.contains("2024-03-06 · fr · EcoActu"), "{shown}");
    // The whole body, not a snippet: its last sentence too.
    let body = std::fs::read_to_string(fixture("wire").join("articles.jsonl")).unwrap();
    let record: serde_json::Value = body
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["id"] == "wire-ecoactu")
        .unwrap();
    let words: Vec<&str> = record["body"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .collect();
    let tail = words[words.len() - 4..].join(" ");
    let shown_flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(shown_flat.contains(&tail), "{shown}");
    assert!(shown.contains("2 more from: "), "{shown}");

    let json = stdout(&run_bin(
        "akhbar-search",
        &["--index", dir, "--show", "wire-ecoactu", "--json"],
        &repo_path("."),
    ));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["id"], "wire-ecoactu");
    assert_eq!(v["body"], record["body"]);

    let missing = run_bin(
        "akhbar-search",
        &["--index", dir, "--show", "nope"],
        &repo_path("."),
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("no article or group has the id `nope`")
    );
}

/// Three articles: a story, a second story that repeats the first one's
/// background paragraph, and a copy of the second story without it.
#[test]
fn a_shared_background_paragraph_does_not_chain_stories_into_one_group() {
    let background = "L'ancien agent double Sergueï Skripal et sa fille Ioulia avaient été \
        retrouvés inconscients le 4 mars sur un banc de Salisbury, empoisonnés par un agent \
        innervant de type Novitchok, selon les enquêteurs britanniques. Londres avait accusé \
        Moscou, qui dément toute implication, et les deux pays avaient expulsé des dizaines \
        de diplomates dans la foulée de l'affaire.";
    let two = "Un agent de police qui s'était rendu sur les lieux a été placé en observation \
        à l'hôpital de Salisbury par simple précaution, ont indiqué lundi les autorités \
        sanitaires, qui jugent le risque faible pour la population. Les analyses doivent \
        durer plusieurs jours et le policier a pu recevoir la visite de sa famille dans \
        l'après-midi, selon un communiqué.";
    let records = [
        (
            "couple",
            "Un couple hospitalisé à Amesbury",
            format!(
                "Deux personnes ont été retrouvées inconscientes samedi dans une maison \
                 d'Amesbury, a annoncé la police du Wiltshire, qui a bouclé plusieurs lieux \
                 de la ville. {background}"
            ),
        ),
        (
            "policier",
            "Un policier examiné par précaution",
            format!("{two} {background}"),
        ),
        (
            "policier-copie",
            "Un policier examiné par précaution",
            format!("{two} Le policier sera fixé sur son sort jeudi."),
        ),
    ];
    let corpus = tempfile::tempdir().unwrap();
    let lines: Vec<String> = records
        .iter()
        .map(|(id, title, body)| {
            serde_json::json!({"id": id, "title": title, "body": body, "date": "2018-07-05"})
                .to_string()
        })
        .collect();
    std::fs::write(corpus.path().join("novitchok.jsonl"), lines.join("\n")).unwrap();
    let index = TestIndex::build(corpus.path());
    let mut req = SearchRequest::new("*");
    req.all_duplicates = true;
    let results = index.search(&req);
    let group_of = |id: &str| {
        results
            .hits
            .iter()
            .find(|h| h.id == id)
            .map(|h| h.group.clone())
            .unwrap()
    };
    assert_eq!(group_of("couple"), "couple");
    assert_eq!(
        group_of("policier"),
        "couple",
        "near the group's first article"
    );
    assert_eq!(
        group_of("policier-copie"),
        "policier-copie",
        "near a member only"
    );
}
