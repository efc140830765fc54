//! Bad input: every problem is reported with path, line and reason, every
//! good article of the same file is still read, and nothing panics.

use crate::ingest_support::*;
use akhbar::ingest::{IngestOptions, SkipReason};

fn jsonl(n: usize) -> Vec<u8> {
    let mut out = String::new();
    for i in 1..=n {
        out.push_str(&format!(
            "{{\"id\": \"r{i}\", \"title\": \"Titre {i}\", \"body\": \"Le corps de l'article numéro {i}, qui parle du budget de la commune et des travaux prévus.\", \"date\": \"2024-01-{:02}\"}}\n",
            i % 28 + 1
        ));
    }
    out.into_bytes()
}

#[test]
fn truncated_gzip_keeps_the_articles_before_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    let full = gzip(&jsonl(400));
    write(dir.path(), "cut.jsonl.gz", &full[..full.len() * 2 / 3]);
    let got = ingest(dir.path());
    let cut = got.skipped(SkipReason::ReadError);
    assert_eq!(cut.len(), 1, "{:#?}", got.skips);
    let line = cut[0].line.expect("the cut has a line");
    assert!(
        got.articles.len() >= 100,
        "{} articles kept",
        got.articles.len()
    );
    assert!(
        line > got.articles.len(),
        "cut at {line}, {} kept",
        got.articles.len()
    );
    assert_eq!(
        got.articles.len() + got.skipped(SkipReason::MalformedJson).len() + 1,
        line
    );
}

#[test]
fn truncated_zstd_keeps_the_articles_before_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    // zstd decodes whole blocks (up to 128 KiB of text): a big file has several.
    let full = zstd(&jsonl(4000));
    write(dir.path(), "cut.jsonl.zst", &full[..full.len() * 2 / 3]);
    let got = ingest(dir.path());
    let problems: Vec<_> = got.skips.iter().filter(|s| s.reason.drops_item()).collect();
    assert!(!problems.is_empty(), "the cut is reported");
    assert!(problems.iter().all(|s| s.line.is_some()), "{problems:#?}");
    assert!(
        got.articles.len() >= 1000 && got.articles.len() < 4000,
        "{}",
        got.articles.len()
    );
}

#[test]
fn truncated_compressed_page_and_csv_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let page = "Titre\nPublié le 13/05/2022\n".to_string()
        + &"Une phrase de l'article sur le port. ".repeat(400);
    let full = gzip(page.as_bytes());
    write(dir.path(), "p.txt.gz", &full[..full.len() / 2]);
    let csv = read_fixture("records/articles.csv");
    let mut big = csv.clone();
    for i in 10..4000 {
        big.extend_from_slice(format!("csv-{i},Titre {i},Le corps numéro {i} de l'article sur la récolte.,2024-02-11,Akhbar Essai,\n").as_bytes());
    }
    let full = zstd(&big);
    write(dir.path(), "c.csv.zst", &full[..full.len() * 3 / 4]);
    let got = ingest(dir.path());
    let page_skip = got
        .skips
        .iter()
        .find(|s| s.path == "p.txt.gz")
        .expect("page reported");
    assert_eq!(page_skip.reason, SkipReason::ReadError);
    assert!(page_skip.line.is_some());
    let csv_articles = got
        .articles
        .iter()
        .filter(|a| a.file == "c.csv.zst")
        .count();
    assert!(csv_articles > 1000, "{csv_articles}");
    let csv_skips: Vec<_> = got.skips.iter().filter(|s| s.path == "c.csv.zst").collect();
    assert!(
        got.skips.iter().any(|s| s.path == "c.csv.zst"
            && s.reason.drops_item()
            && s.line.is_some()
            && s.reason != SkipReason::WrongFieldCount
            && s.reason != SkipReason::MissingBody),
        "{csv_skips:#?}"
    );
}

#[test]
fn every_bad_item_is_reported_and_good_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "blank.html", b"  \n\n ");
    write(dir.path(), "binary.txt", b"PK\x03\x04\0\0binary");
    write(dir.path(), "big.txt", &vec![b'a'; 3000]);
    let lines = "{\"id\": \"ok1\", \"body\": \"Premier article valide du fichier.\"}\n{\"id\": \"bad\", \"body\": \"pas fermé\n{\"id\": \"nobody\", \"title\": \"Sans corps\"}\n{\"id\": \"d\", \"body\": \"Un article à la date illisible.\", \"date\": \"le 45 du mois\"}\n{\"id\": \"ok2\", \"body\": \"Dernier article valide.\"}\n";
    write(dir.path(), "r.jsonl", lines.as_bytes());
    write(dir.path(), "a.csv", &read_fixture("records/articles.csv"));
    let opts = IngestOptions {
        max_file_bytes: 2000,
        ..IngestOptions::default()
    };
    let got = ingest_with(dir.path(), &opts);
    let reasons: Vec<(String, Option<usize>, SkipReason)> = got
        .skips
        .iter()
        .map(|s| (s.path.clone(), s.line, s.reason.clone()))
        .collect();
    for want in [
        ("empty.txt".to_string(), None, SkipReason::EmptyFile),
        ("blank.html".to_string(), None, SkipReason::EmptyFile),
        ("binary.txt".to_string(), None, SkipReason::BinaryFile),
        ("big.txt".to_string(), None, SkipReason::TooLarge),
        ("r.jsonl".to_string(), Some(2), SkipReason::MalformedJson),
        ("r.jsonl".to_string(), Some(3), SkipReason::MissingBody),
        ("r.jsonl".to_string(), Some(4), SkipReason::InvalidDate),
        ("a.csv".to_string(), Some(3), SkipReason::WrongFieldCount),
        ("a.csv".to_string(), Some(6), SkipReason::MissingBody),
    ] {
        assert!(reasons.contains(&want), "{want:?} not in {reasons:#?}");
    }
    let ids: Vec<&str> = got
        .articles
        .iter()
        .filter(|a| a.file == "r.jsonl")
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["ok1", "d", "ok2"]);
    assert!(got.skipped(SkipReason::TooLarge)[0]
        .detail
        .contains("--max-file-size"));
}

/// Deterministic pseudo-random bytes.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn random_bytes_never_panic_whatever_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let exts = ["txt", "html", "htm", "jsonl", "ndjson", "csv", "tsv"];
    let mut n = 0;
    for (i, ext) in exts.iter().enumerate() {
        for (j, len) in [1usize, 7, 300, 5000].iter().enumerate() {
            let seed = (i * 10 + j) as u64;
            let bytes = noise(seed, *len);
            write(dir.path(), &format!("r{n}.{ext}"), &bytes);
            write(dir.path(), &format!("g{n}.{ext}.gz"), &bytes);
            write(dir.path(), &format!("z{n}.{ext}.zst"), &bytes);
            // Valid compression around random content, and cut compressed streams.
            write(dir.path(), &format!("vg{n}.{ext}.gz"), &gzip(&bytes));
            let z = zstd(&bytes);
            write(dir.path(), &format!("vz{n}.{ext}.zst"), &z[..z.len() / 2]);
            // High bytes only: legacy-encoding territory.
            let high: Vec<u8> = bytes.iter().map(|b| b | 0x80).collect();
            write(dir.path(), &format!("h{n}.{ext}"), &high);
            n += 1;
        }
    }
    let got = ingest(dir.path());
    // Every file is accounted for: an article, or at least one skip.
    let files = std::fs::read_dir(dir.path()).unwrap().count();
    let mut seen: std::collections::BTreeSet<String> =
        got.articles.iter().map(|a| a.file.clone()).collect();
    seen.extend(got.skips.iter().map(|s| s.path.clone()));
    assert!(seen.len() <= files);
}

/// A corpus as a real disk leaves it: a symbolic link loop, a link to a
/// deleted file, a named pipe, a folder nobody may read. The walk reports
/// each once, with its reason, and indexes every good file.
#[cfg(unix)]
#[test]
fn the_walk_never_stops_on_one_bad_entry() {
    use std::os::unix::fs::{symlink, PermissionsExt};

    let corpus = tempfile::tempdir().unwrap();
    let root = corpus.path();
    std::fs::create_dir_all(root.join("a/b")).unwrap();
    std::fs::write(root.join("a/b/good.jsonl"), jsonl(3)).unwrap();
    // Ids of their own, so that no article is a duplicate of another.
    let with_ids = |n: usize, prefix: &str| {
        String::from_utf8(jsonl(n))
            .unwrap()
            .replace("\"id\": \"r", &format!("\"id\": \"{prefix}"))
    };
    std::fs::write(root.join("top.jsonl"), with_ids(2, "top")).unwrap();
    symlink(root.join("a"), root.join("a/b/loop")).unwrap();
    symlink(root.join("gone.jsonl"), root.join("dangling.jsonl")).unwrap();
    let fifo = root.join("pipe.jsonl");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let have_fifo = made.is_ok_and(|s| s.success());
    std::fs::create_dir(root.join("locked")).unwrap();
    std::fs::write(root.join("locked/hidden.jsonl"), with_ids(1, "hidden")).unwrap();
    std::fs::set_permissions(root.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads every folder whatever its mode: then it is simply read.
    let locked = std::fs::read_dir(root.join("locked")).is_err();

    let index = crate::common::TestIndex::build(root);
    std::fs::set_permissions(root.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let summary = &index.summary;
    let expected = 5 + usize::from(!locked);
    assert_eq!(summary.articles_indexed, expected, "{:#?}", summary.skipped);
    let of = |reason: SkipReason| -> Vec<(String, String)> {
        summary
            .skipped
            .iter()
            .filter(|s| s.reason == reason)
            .map(|s| (s.path.clone(), s.detail.clone()))
            .collect()
    };
    let unreachable = of(SkipReason::Unreachable);
    assert!(
        unreachable
            .iter()
            .any(|(p, d)| p == "a/b/loop" && d.contains("loop back to a")),
        "{unreachable:?}"
    );
    assert!(
        unreachable
            .iter()
            .any(|(p, d)| p == "dangling.jsonl" && d.contains("link to nothing")),
        "{unreachable:?}"
    );
    if locked {
        assert!(
            unreachable.iter().any(|(p, _)| p == "locked"),
            "{unreachable:?}"
        );
    }
    assert_eq!(
        unreachable.len(),
        2 + usize::from(locked),
        "{unreachable:?}"
    );
    if have_fifo {
        let special = of(SkipReason::NotAFile);
        assert_eq!(special.len(), 1, "{special:?}");
        assert!(special[0].1.contains("named pipe"), "{special:?}");
    }
    // Each bad entry once.
    let mut paths: Vec<&str> = summary.skipped.iter().map(|s| s.path.as_str()).collect();
    let all = paths.len();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), all, "{:#?}", summary.skipped);
}

/// A small `.jsonl.gz` that decompresses to one huge line: the line is
/// reported and never held whole in memory; the lines around it are read.
#[test]
fn a_huge_line_inside_a_small_archive_is_skipped_not_held() {
    let dir = tempfile::tempdir().unwrap();
    let mut text =
        String::from("{\"id\": \"avant\", \"body\": \"Un article avant la ligne géante.\"}\n");
    // 6 MB of one JSON string: over a 4 MiB record limit, compressed to a few KB.
    text.push_str("{\"id\": \"geante\", \"body\": \"");
    text.push_str(&"a".repeat(6_000_000));
    text.push_str("\"}\n");
    text.push_str("{\"id\": \"apres\", \"body\": \"Un article après la ligne géante.\"}\n");
    let packed = gzip(text.as_bytes());
    assert!(packed.len() < 100_000, "{} bytes", packed.len());
    write(dir.path(), "dump.jsonl.gz", &packed);
    let opts = IngestOptions {
        max_record_bytes: 4 * 1024 * 1024,
        ..IngestOptions::default()
    };
    let got = ingest_with(dir.path(), &opts);
    let ids: Vec<&str> = got.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert_eq!(got.skips.len(), 1, "{:?}", got.skips);
    let skip = &got.skips[0];
    assert_eq!(skip.reason, SkipReason::TooLarge);
    assert_eq!(skip.line, Some(2));
    assert!(
        skip.detail.contains("6.0 MB, over the 4 MB"),
        "{}",
        skip.detail
    );
    // The line after it keeps its own number.
    let paths: Vec<&str> = got.articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(paths, vec!["dump.jsonl.gz:1", "dump.jsonl.gz:3"]);
}

/// Millions of bad lines are counted, not held: the summary keeps the first
/// `Summary::KEPT_SKIPS`, the report gets every one as it comes.
#[test]
fn skipped_items_are_counted_and_streamed_not_all_held() {
    use akhbar::index::{build_index, BuildOptions};
    use akhbar::ingest::Summary;

    let corpus = tempfile::tempdir().unwrap();
    let mut text = "{}\n".repeat(25_000);
    text.push_str("{\"id\": \"seul\", \"body\": \"Le seul article de ce fichier.\"}\n");
    write(corpus.path(), "vides.jsonl.gz", &gzip(text.as_bytes()));
    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("skips.jsonl");
    let mut opts = BuildOptions::default();
    opts.writer.threads = 1;
    opts.writer.memory_bytes = 50_000_000;
    opts.report = Some(report.clone());
    let built = build_index(corpus.path(), &out.path().join("idx"), &opts).unwrap();
    let summary = &built.summary;
    assert_eq!(summary.articles_indexed, 1);
    assert_eq!(summary.skips_total(), 25_000);
    assert_eq!(summary.skipped.len(), Summary::KEPT_SKIPS);
    assert_eq!(
        summary.skipped_by_reason().get(&SkipReason::MissingBody),
        Some(&25_000)
    );
    let lines = std::fs::read_to_string(&report).unwrap();
    assert_eq!(lines.lines().count(), 25_000);
    let last: serde_json::Value = serde_json::from_str(lines.lines().last().unwrap()).unwrap();
    assert_eq!(last["line"], 25_000);
    assert!(built.anything_dropped());
}

/// A page nested thousands deep is reported, not parsed for minutes; the
/// page beside it is read.
#[test]
fn a_page_nested_too_deep_is_skipped_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "<html><body>{}<p>Un texte perdu au fond de la page, assez long pour être un article.</p>{}</body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    write(dir.path(), "profond.html", deep.as_bytes());
    write(
        dir.path(),
        "normal.html",
        "<html><head><title>Le port de Tanger bat un record</title></head><body><div><div><article><h1>Le port de Tanger bat un record</h1><p>Le port de Tanger Med a traité plus de huit millions de conteneurs l'an dernier, selon l'autorité portuaire.</p></article></div></div></body></html>".as_bytes(),
    );
    let got = ingest_with(dir.path(), &IngestOptions::default());
    assert_eq!(got.articles.len(), 1, "{:?}", got.skips);
    assert_eq!(got.skips.len(), 1, "{:?}", got.skips);
    assert_eq!(got.skips[0].path, "profond.html");
    assert_eq!(got.skips[0].reason, SkipReason::TooLarge);
    assert!(
        got.skips[0].detail.contains("nested 20002 deep"),
        "{}",
        got.skips[0].detail
    );
}

#[test]
fn closing_tags_that_close_nothing_do_not_hide_the_depth() {
    // Found by akhbar-fuzz (html): a newsletter box repeated with its
    // closing tags misspelt. The parser ignores `</labermine>`, so every
    // `<label>` stays open; counting any closing tag as one level up let
    // this 1.6 MB page through, and parsing it took more than ten minutes.
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "<html><body><article><h1>Le cours du phosphate</h1><p>Le cours du phosphate marocain \
         est reparti à la hausse cette semaine sur les marchés.</p></article>{}</body></html>",
        "<form><label>Newsletter</labermine en hausse</asside>\n".repeat(30_000)
    );
    write(dir.path(), "boite.html", page.as_bytes());
    let got = ingest_with(dir.path(), &IngestOptions::default());
    assert_eq!(got.articles.len(), 0, "{:?}", got.articles);
    assert_eq!(got.skips.len(), 1, "{:?}", got.skips);
    assert_eq!(got.skips[0].reason, SkipReason::TooLarge);
    assert!(
        got.skips[0].detail.contains("nested"),
        "{}",
        got.skips[0].detail
    );
}

#[test]
fn a_data_dump_saved_as_text_is_reported_not_indexed_as_an_article() {
    // A scraper's weather table saved as .txt beside a real page: it used
    // to become one article titled with its header row.
    let dir = tempfile::tempdir().unwrap();
    let mut dump = String::from("date\tstation\ttmax_c\ttmin_c\tprecip_mm\n");
    for day in 1..=200 {
        dump.push_str(&format!(
            "2024-{:02}-{:02}\tOujda\t{}.{}\t{}.0\t0.{}\n",
            1 + day % 12,
            1 + day % 28,
            18 + day % 9,
            day % 10,
            6 + day % 5,
            day % 7
        ));
    }
    write(dir.path(), "meteo.txt", dump.as_bytes());
    write(
        dir.path(),
        "port.txt",
        "Le port de Nador West Med entre en service\n\nLe nouveau port de Nador West Med a accueilli son premier navire, selon l'Agence nationale des ports.\nLes premières escales commerciales sont attendues au printemps.".as_bytes(),
    );
    let got = ingest_with(dir.path(), &IngestOptions::default());
    assert_eq!(got.articles.len(), 1, "{:?}", got.articles);
    assert_eq!(
        got.articles[0].title,
        "Le port de Nador West Med entre en service"
    );
    assert_eq!(got.skips.len(), 1, "{:?}", got.skips);
    assert_eq!(got.skips[0].path, "meteo.txt");
    assert_eq!(got.skips[0].reason, SkipReason::NotAnArticle);
    assert!(
        got.skips[0]
            .detail
            .contains("a table of 201 rows of 5 tab-separated fields"),
        "{}",
        got.skips[0].detail
    );
}
