//! Incremental indexing: only new or changed files are read again, deleted
//! files are pruned on demand, nothing is duplicated.

use std::fs;
use std::path::Path;

use akhbar::index::{build_index, BuildOptions, BuildReport};
use akhbar::search::{search, SearchRequest};

fn opts() -> BuildOptions {
    let mut opts = BuildOptions::default();
    opts.writer.threads = 1;
    opts.writer.memory_bytes = 50_000_000;
    opts
}

fn build(corpus: &Path, index: &Path, opts: &BuildOptions) -> BuildReport {
    build_index(corpus, index, opts).expect("build")
}

fn total(index: &Path, query: &str) -> u64 {
    let index = akhbar::index::open(index).unwrap();
    search(&index, &SearchRequest::new(query)).unwrap().total
}

const PAGE_A: &str = "Le port de Nador ouvre un terminal\n\nPublié dans Le Matin le 03/04/2023\n\nLe nouveau terminal du port de Nador accueille ses premiers navires.\n";
const PAGE_B: &str = "Une usine de batteries à Kénitra\n\nPublié dans EcoActu le 12/06/2024\n\nUne usine de batteries pour voitures électriques ouvrira à Kénitra.\n";
const RECORDS: &str = "{\"id\": \"r1\", \"title\": \"Pluies à Fès\", \"body\": \"Des pluies abondantes sont tombées sur Fès et Meknès.\", \"date\": \"2024-02-01\"}\n{\"id\": \"r2\", \"title\": \"Vent à Tanger\", \"body\": \"Un vent violent a soufflé sur Tanger toute la nuit.\", \"date\": \"2024-02-02\"}\n";

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), PAGE_A).unwrap();
    fs::write(dir.path().join("b.txt"), PAGE_B).unwrap();
    fs::write(dir.path().join("records.jsonl"), RECORDS).unwrap();
    dir
}

#[test]
fn unchanged_files_are_not_read_again() {
    let corpus = corpus();
    let index = tempfile::tempdir().unwrap();
    let first = build(corpus.path(), index.path(), &opts());
    assert_eq!(first.summary.articles_indexed, 4);
    assert_eq!(first.summary.files_read, 3);
    let again = build(corpus.path(), index.path(), &opts());
    assert_eq!(again.summary.files_read, 0);
    assert_eq!(again.summary.articles_indexed, 0);
    assert_eq!(again.unchanged_files, 3);
    assert_eq!(again.unchanged_articles, 4);
    assert_eq!(again.total_articles, 4);
    // --full reads everything again, still without duplicates.
    let mut full = opts();
    full.full = true;
    let report = build(corpus.path(), index.path(), &full);
    assert_eq!(report.summary.files_read, 3);
    assert_eq!(report.total_articles, 4);
}

#[test]
fn added_and_changed_files_are_indexed_and_old_text_is_gone() {
    let corpus = corpus();
    let index = tempfile::tempdir().unwrap();
    build(corpus.path(), index.path(), &opts());
    assert_eq!(total(index.path(), "Nador"), 1);

    fs::write(
        corpus.path().join("a.txt"),
        PAGE_A.replace("Nador", "Dakhla"),
    )
    .unwrap();
    fs::write(corpus.path().join("c.txt"), "Un festival à Essaouira\n\nPublié dans Le Matin le 20/06/2024\n\nLe festival gnaoua revient à Essaouira.\n").unwrap();
    let records = RECORDS.replace("toute la nuit", "jusqu'au matin");
    fs::write(corpus.path().join("records.jsonl"), records).unwrap();
    let report = build(corpus.path(), index.path(), &opts());
    assert_eq!(
        report.summary.files_read, 3,
        "a.txt, c.txt and records.jsonl"
    );
    assert_eq!(report.unchanged_files, 1, "b.txt");
    assert_eq!(report.total_articles, 5);
    assert_eq!(total(index.path(), "Nador"), 0);
    assert_eq!(total(index.path(), "Dakhla"), 1);
    assert_eq!(total(index.path(), "gnaoua"), 1);
    assert_eq!(total(index.path(), "nuit"), 0);
    assert_eq!(total(index.path(), "matin"), 1);
}

#[test]
fn deleted_files_stay_until_pruned() {
    let corpus = corpus();
    let index = tempfile::tempdir().unwrap();
    build(corpus.path(), index.path(), &opts());
    fs::remove_file(corpus.path().join("b.txt")).unwrap();
    let kept = build(corpus.path(), index.path(), &opts());
    assert_eq!(kept.missing_files, vec!["b.txt"]);
    assert_eq!(total(index.path(), "batteries"), 1);
    let mut prune = opts();
    prune.prune = true;
    let pruned = build(corpus.path(), index.path(), &prune);
    assert_eq!(pruned.pruned_files, vec!["b.txt"]);
    assert_eq!(pruned.total_articles, 3);
    assert_eq!(total(index.path(), "batteries"), 0);
    // Once pruned, the file is forgotten.
    let after = build(corpus.path(), index.path(), &opts());
    assert!(after.missing_files.is_empty() && after.pruned_files.is_empty());
}

#[test]
fn merge_leaves_one_segment() {
    let corpus = corpus();
    let index = tempfile::tempdir().unwrap();
    let mut two_threads = opts();
    two_threads.writer.threads = 2;
    // Enough for two 15 MB heaps after the reserve.
    two_threads.writer.memory_bytes = 130_000_000;
    build(corpus.path(), index.path(), &two_threads);
    fs::write(
        corpus.path().join("d.txt"),
        PAGE_B.replace("Kénitra", "Tanger"),
    )
    .unwrap();
    let mut merge = two_threads.clone();
    merge.merge = true;
    build(corpus.path(), index.path(), &merge);
    let opened = akhbar::index::open(index.path()).unwrap();
    assert_eq!(opened.index.searchable_segment_ids().unwrap().len(), 1);
    let all = search(&opened, &SearchRequest::new("*")).unwrap();
    assert_eq!(all.total_articles, 5);
    // d.txt is b.txt with one word changed: one story, two copies.
    assert_eq!(all.total, 4);
}

#[test]
fn small_segments_of_nightly_runs_are_merged_at_the_end_of_a_run() {
    let corpus = corpus();
    let index = tempfile::tempdir().unwrap();
    let segments = |index: &Path| {
        let opened = akhbar::index::open(index).unwrap();
        opened.index.searchable_segment_ids().unwrap().len()
    };
    build(corpus.path(), index.path(), &opts());
    assert_eq!(segments(index.path()), 1);
    // Each run that reads a new file commits a segment of its own.
    fs::write(
        corpus.path().join("c.txt"),
        PAGE_A.replace("Nador", "Agadir"),
    )
    .unwrap();
    build(corpus.path(), index.path(), &opts());
    assert_eq!(segments(index.path()), 2);
    // The third small segment makes a group worth merging: all three
    // become one, and nothing is lost or duplicated.
    fs::write(
        corpus.path().join("d.txt"),
        PAGE_B.replace("Kénitra", "Tanger"),
    )
    .unwrap();
    build(corpus.path(), index.path(), &opts());
    assert_eq!(segments(index.path()), 1);
    let opened = akhbar::index::open(index.path()).unwrap();
    let all = search(&opened, &SearchRequest::new("*")).unwrap();
    assert_eq!(all.total_articles, 6);
    assert_eq!(total(index.path(), "Agadir"), 1);
    assert_eq!(total(index.path(), "Nador"), 1);
}

#[test]
fn an_id_used_twice_is_reported_with_its_first_use_and_kept_once() {
    let corpus = tempfile::tempdir().unwrap();
    fs::write(corpus.path().join("a.jsonl"), RECORDS).unwrap();
    let copy = "{\"id\": \"r2\", \"title\": \"Vent à Tanger (bis)\", \"body\": \"Un autre texte sur le vent de Tanger.\"}\n";
    fs::write(corpus.path().join("b.jsonl"), copy).unwrap();
    let index = tempfile::tempdir().unwrap();
    let report = build(corpus.path(), index.path(), &opts());
    assert_eq!(report.summary.articles_indexed, 2);
    let skips = &report.summary.skipped;
    assert_eq!(skips.len(), 1, "{skips:?}");
    assert_eq!(skips[0].path, "b.jsonl");
    assert_eq!(skips[0].line, Some(1));
    assert!(
        skips[0].detail.contains("`r2` already used by a.jsonl:2"),
        "{}",
        skips[0].detail
    );
    assert_eq!(total(index.path(), "Tanger"), 1);
}

#[test]
fn an_id_moved_to_another_file_replaces_its_earlier_version() {
    let corpus = corpus();
    let index = tempfile::tempdir().unwrap();
    build(corpus.path(), index.path(), &opts());
    assert_eq!(total(index.path(), "Meknès"), 1);
    // r1 now lives in a new file with new text; records.jsonl is unchanged.
    let moved = "{\"id\": \"r1\", \"title\": \"Pluies à Fès\", \"body\": \"Des pluies abondantes sont tombées sur Fès et Ifrane.\", \"date\": \"2024-02-01\"}\n";
    fs::write(corpus.path().join("moved.jsonl"), moved).unwrap();
    let again = build(corpus.path(), index.path(), &opts());
    assert_eq!(again.summary.articles_indexed, 1);
    assert_eq!(total(index.path(), "Ifrane"), 1);
    assert_eq!(total(index.path(), "Meknès"), 0);
    assert_eq!(total(index.path(), "Fès"), 1);
}
