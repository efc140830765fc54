//! Both binaries run as a user runs them: output, the JSON contract, exit
//! codes and error messages.

use std::path::Path;

use crate::bins::{run_bin, stderr, stdout};
use crate::common::{fixture, repo_path};
use serde_json::Value;

/// A working folder holding a copy of the repo's corpus, as a user has it.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    for entry in std::fs::read_dir(repo_path("corpus")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            dir.path().join("corpus").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    dir
}

fn json_search(cwd: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = run_bin("akhbar-search", &all, cwd);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("stdout is one JSON object")
}

#[test]
fn search_builds_the_index_on_first_run_then_reuses_it() {
    let ws = workspace();
    let out = run_bin("akhbar-search", &["cybercriminalité"], ws.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("building it from corpus"),
        "{}",
        stderr(&out)
    );
    assert!(ws.path().join("index/meta.json").is_file());
    // Only the default index is built by itself: an explicit --index that
    // is missing is an error, and nothing is written there.
    let elsewhere = run_bin("akhbar-search", &["--index", "other", "maroc"], ws.path());
    assert_clean_error(&elsewhere, 2, "no index at other");
    assert!(!ws.path().join("other").exists());
    let text = stdout(&out);
    assert!(
        text.contains("1. Cybercriminalité : le Maroc signe le 2e protocole additionnel"),
        "{text}"
    );
    assert!(
        text.contains("2022-05-13 · fr · EcoActu · 000_5d3b72878a637f7c.txt"),
        "{text}"
    );
    assert!(text.contains("1 article matches"), "{text}");
    // No colour codes when the output is not a terminal.
    assert!(!text.contains('\x1b'));
    let again = run_bin("akhbar-search", &["الجريمة"], ws.path());
    assert!(!stderr(&again).contains("building"), "{}", stderr(&again));
    assert!(stdout(&again).contains("Imou Media"));
    // Piped output carries no right-to-left mark: an Arabic hit's line
    // starts with its number, as `grep '^1\.'` expects.
    let text = stdout(&again);
    assert!(!text.contains('\u{200F}'), "{text:?}");
    assert!(text.lines().any(|l| l.starts_with("1. المغرب")), "{text}");
}

#[test]
fn json_output_follows_the_contract() {
    let ws = workspace();
    let v = json_search(ws.path(), &["*"]);
    let obj = v.as_object().unwrap();
    for key in ["query", "total", "took_ms", "hits", "facets"] {
        assert!(obj.contains_key(key), "missing {key}");
    }
    assert_eq!(v["query"], "*");
    assert_eq!(v["total"], 2);
    assert!(v["took_ms"].as_f64().unwrap() >= 0.0);
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2);
    for hit in hits {
        assert!(hit["id"].is_string() && hit["title"].is_string() && hit["lang"].is_string());
        assert!(hit["path"].is_string() && hit["snippet"].is_string());
        assert!(hit["score"].is_f64() || hit["score"].is_u64());
        let date = hit["date"].as_str().unwrap();
        assert!(chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok());
        assert!(hit["source"].is_string() || hit["source"].is_null());
    }
    // `*` lists newest first.
    assert_eq!(hits[0]["date"], "2025-10-25");
    assert_eq!(hits[1]["date"], "2022-05-13");
    let facets = &v["facets"];
    assert_eq!(facets["lang"]["fr"], 1);
    assert_eq!(facets["lang"]["ar"], 1);
    assert_eq!(facets["year"]["2022"], 1);
    assert_eq!(facets["month"]["2025-10"], 1);
    assert_eq!(facets["source"]["EcoActu"], 1);
    assert_eq!(facets["source"]["Imou Media"], 1);
}

#[test]
fn filters_on_the_command_line() {
    let ws = workspace();
    let v = json_search(ws.path(), &["*", "--lang", "ar"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["hits"][0]["lang"], "ar");
    let v = json_search(ws.path(), &["*", "--lang", "ar", "--lang", "fr"]);
    assert_eq!(v["total"], 2);
    let v = json_search(ws.path(), &["*", "--since", "2023"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["hits"][0]["source"], "Imou Media");
    let v = json_search(ws.path(), &["*", "--until", "2022-05"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["hits"][0]["source"], "EcoActu");
    let v = json_search(
        ws.path(),
        &["*", "--since", "2022-05-14", "--until", "2025-10-24"],
    );
    assert_eq!(v["total"], 0);
    let v = json_search(ws.path(), &["*", "--source", "ecoactu"]);
    assert_eq!(v["total"], 1);
    // Comma lists, as `--facets` takes them.
    let v = json_search(ws.path(), &["*", "--lang", "ar,fr"]);
    assert_eq!(v["total"], 2);
    let v = json_search(ws.path(), &["*", "--source", "EcoActu,Imou Media"]);
    assert_eq!(v["total"], 2);
    let v = json_search(ws.path(), &["*", "--lang", "ar,es"]);
    assert_eq!(v["total"], 1);
    let v = json_search(ws.path(), &["*", "--limit", "1", "--offset", "1"]);
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);
    assert_eq!(v["hits"][0]["date"], "2022-05-13");
}

#[test]
fn indexer_prints_a_summary_with_every_skip() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let report = dir.path().join("skipped.jsonl");
    let corpus = fixture("mixed");
    let out = run_bin(
        "akhbar-index",
        &[
            corpus.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("indexed 10 articles from 4 files"), "{text}");
    assert!(text.contains("ar 1, en 1, es 1, fr 7"), "{text}");
    assert!(text.contains("articles.jsonl:8: malformed JSON"), "{text}");
    assert!(text.contains("articles.jsonl:9: missing body"), "{text}");
    assert!(
        text.contains("pages/notes.md: unsupported file type"),
        "{text}"
    );
    let lines = std::fs::read_to_string(&report).unwrap();
    assert_eq!(lines.lines().count(), 6);
    for line in lines.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert!(v["path"].is_string() && v["reason"].is_string());
    }
    // --strict turns a skip into a failure.
    let strict = run_bin(
        "akhbar-index",
        &[
            corpus.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
            "--strict",
        ],
        dir.path(),
    );
    assert_eq!(strict.status.code(), Some(3));
}

fn assert_clean_error(out: &std::process::Output, code: i32, needle: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert!(
        err.contains(needle),
        "stderr does not say `{needle}`: {err}"
    );
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
}

#[test]
fn errors_are_one_clear_line_with_the_right_exit_code() {
    let empty = tempfile::tempdir().unwrap();
    let out = run_bin("akhbar-search", &["maroc"], empty.path());
    assert_clean_error(&out, 2, "akhbar-index");
    let out = run_bin("akhbar-index", &["no-such-folder"], empty.path());
    assert_clean_error(&out, 2, "no-such-folder does not exist");

    let ws = workspace();
    let out = run_bin("akhbar-search", &["maroc", "--since", "2024-13"], ws.path());
    assert_clean_error(&out, 2, "use YYYY, YYYY-MM or YYYY-MM-DD");
    let out = run_bin("akhbar-search", &["maroc date:hier"], ws.path());
    assert_clean_error(&out, 2, "not a date");
    let out = run_bin("akhbar-search", &["maroc", "--lang", "xx"], ws.path());
    assert_clean_error(&out, 2, "fr, ar, es, en, other");
    let out = run_bin(
        "akhbar-search",
        &["*", "--since", "2025", "--until", "2022"],
        ws.path(),
    );
    assert_clean_error(&out, 2, "swap them");
    // A question of punctuation alone: said once, not twice.
    let out = run_bin("akhbar-search", &["--question", "« ? »"], ws.path());
    assert_clean_error(&out, 2, "the query is empty");
    assert_eq!(stderr(&out).matches("the query is empty").count(), 1);
    assert_eq!(stderr(&out).trim().lines().count(), 1, "{}", stderr(&out));
}

#[test]
fn a_question_says_which_words_it_corrected() {
    let ws = workspace();
    // `cybercrimnalité` (a letter missing) is in no seed article.
    let out = run_bin(
        "akhbar-search",
        &["--question", "Qu'est-ce que la cybercrimnalité ?"],
        ws.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("no article holds \"cybercrimnalité\": searched the nearest indexed term"),
        "{text}"
    );
    assert!(text.contains("1 article matches"), "{text}");
    let json = json_search(ws.path(), &["--question", "cybercrimnalité"]);
    assert_eq!(json["corrections"][0]["word"], "cybercrimnalité");
    assert_eq!(json["total"], 1);
}

#[test]
fn analyze_shows_the_terms_of_each_language() {
    let dir = tempfile::tempdir().unwrap();
    // No index is read or built.
    let out = run_bin(
        "akhbar-search",
        &["--analyze", "l'analyse des éléments", "--lang", "fr"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!dir.path().join("index").exists());
    let text = stdout(&out);
    assert!(text.starts_with("fr (akhbar_fr)\n"), "{text}");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert!(lines.contains(&"l'analyse  analys"), "{text}");
    assert!(lines.contains(&"des        — (stop word)"), "{text}");
    // Every language without --lang, in JSON too.
    let out = run_bin(
        "akhbar-search",
        &["--analyze", "وزير العدل", "--json"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["text"], "وزير العدل");
    let analyses = json["analyses"].as_array().unwrap();
    let langs: Vec<&str> = analyses
        .iter()
        .map(|a| a["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["fr", "ar", "es", "en", "other"]);
    let ar = &analyses[1]["words"];
    assert_eq!(ar[0]["word"], "وزير");
    assert_eq!(ar[1]["word"], "العدل");
    assert_eq!(ar[1]["terms"], serde_json::json!(["عدل"]));
}

#[test]
fn zero_hits_say_what_is_near() {
    let ws = workspace();
    let out = run_bin("akhbar-search", &["cyberciminalité"], ws.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("0 articles match"), "{text}");
    assert!(
        text.contains("no article holds \"cyberciminalité\": did you mean cybercriminalité (1)?"),
        "{text}"
    );
    let out = run_bin(
        "akhbar-search",
        &["Maroc", "--source", "Eco-Actu"],
        ws.path(),
    );
    let text = stdout(&out);
    assert!(
        text.contains("no source is named \"Eco-Actu\"; nearest sources: EcoActu (1)"),
        "{text}"
    );
    let json = json_search(ws.path(), &["cyberciminalité"]);
    assert_eq!(
        json["suggestions"],
        serde_json::json!([{"kind": "word", "typed": "cyberciminalité",
                            "suggestion": "cybercriminalité", "articles": 1}])
    );
}

#[test]
fn a_query_may_begin_with_an_exclusion() {
    let ws = workspace();
    // The French seed names both; a leading `-word` is an exclusion, not
    // an unknown option.
    let plain = json_search(ws.path(), &["cybercriminalité"]);
    assert_eq!(plain["total"], 1);
    let with = json_search(ws.path(), &["-Budapest", "cybercriminalité"]);
    assert_eq!(with["total"], 0, "{with}");
    let out = run_bin(
        "akhbar-search",
        &["-Budapest", "cybercriminalité"],
        ws.path(),
    );
    assert!(
        stdout(&out).contains("0 articles match"),
        "{}",
        stdout(&out)
    );
    // Real options still work after it.
    let with = json_search(ws.path(), &["-ziyech", "cybercriminalité", "--limit", "5"]);
    assert_eq!(with["total"], 1, "{with}");
}

#[test]
fn the_first_build_says_how_to_build_elsewhere() {
    let ws = workspace();
    let out = run_bin("akhbar-search", &["maroc"], ws.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("akhbar-index CORPUS --index DIR"),
        "the first build names the way to build elsewhere: {err}"
    );
    // The build's own summary follows, as akhbar-index prints it.
    assert!(err.contains("the index holds 2 articles"), "{err}");
}

#[test]
fn paths_of_the_wrong_kind_get_messages_that_name_the_kind() {
    let ws = workspace();
    let dir = ws.path();
    std::fs::write(dir.join("notes.txt"), "a file").unwrap();
    // A file where a folder is expected, for either tool and either flag.
    let out = run_bin("akhbar-index", &["notes.txt", "--index", "idx"], dir);
    assert_clean_error(&out, 2, "the corpus notes.txt is a file, not a folder");
    assert!(!dir.join("idx").exists());
    let out = run_bin("akhbar-index", &["corpus", "--index", "notes.txt"], dir);
    assert_clean_error(&out, 2, "the index notes.txt is a file, not a folder");
    let out = run_bin("akhbar-search", &["--index", "notes.txt", "maroc"], dir);
    assert_clean_error(&out, 2, "the index notes.txt is a file, not a folder");
    // --index pointed at the corpus: never advise writing the index into it.
    let out = run_bin("akhbar-search", &["--index", "corpus", "maroc"], dir);
    assert_clean_error(&out, 2, "corpus holds no akhbar index");
    let err = stderr(&out);
    assert!(err.contains("--index index"), "{err}");
    assert!(!err.contains("--index corpus"), "{err}");
    // Nor does akhbar-index write an index into a folder of articles.
    let out = run_bin("akhbar-index", &[".", "--index", "corpus"], dir);
    assert_clean_error(&out, 2, "holds articles");
    assert!(!dir.join("corpus/meta.json").exists());
}

#[test]
fn akhbar_index_never_reads_an_index_as_articles() {
    let ws = workspace();
    let dir = ws.path();
    let out = run_bin("akhbar-index", &["corpus", "--index", "corpus"], dir);
    assert_clean_error(&out, 2, "cannot be both the corpus and the index");
    assert!(!dir.join("corpus/meta.json").exists());
    let ok = run_bin("akhbar-index", &["corpus", "--index", "idx"], dir);
    assert!(ok.status.success(), "{}", stderr(&ok));
    std::fs::create_dir(dir.join("idx/inner")).unwrap();
    let out = run_bin("akhbar-index", &["idx/inner", "--index", "idx"], dir);
    assert_clean_error(&out, 2, "is inside the index folder idx");
    // An index kept inside the corpus is left out and named; the run's own
    // index inside the corpus is left out without a word.
    let out = run_bin("akhbar-index", &[".", "--index", "own"], dir);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = run_bin("akhbar-index", &[".", "--index", "own"], dir);
    let text = stdout(&again);
    assert!(text.contains("1 index folder"), "{text}");
    assert!(text.contains("idx/: index folder"), "{text}");
    assert!(!text.contains("own/"), "{text}");
    assert!(!text.contains("unsupported file type"), "{text}");
    assert!(text.contains("the index holds 2 articles"), "{text}");
}

#[test]
fn escape_sequences_in_articles_and_file_names_never_reach_the_terminal() {
    let ws = tempfile::tempdir().unwrap();
    let corpus = ws.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let line = serde_json::json!({
        "id": "esc-1",
        "title": "Tanger \u{1b}[2J\u{1b}]0;piège\u{7} record",
        "body": "Le port de Tanger \u{1b}]8;;http://exemple.invalid\u{1b}\\bat\u{1b}]8;;\u{1b}\\ un record \u{202E}inversé.",
        "source": "Le \u{1b}[31mMatin",
        "date": "2024-01-02",
    });
    std::fs::write(corpus.join("ok.jsonl"), format!("{line}\n")).unwrap();
    // A file whose name holds an escape, and bad content: its skip names it.
    std::fs::write(corpus.join("bad\u{1b}[2J.jsonl"), "{not json\n").unwrap();
    let index = ws.path().join("idx");
    let built = run_bin(
        "akhbar-index",
        &[corpus.to_str().unwrap(), "--index", index.to_str().unwrap()],
        ws.path(),
    );
    assert!(built.status.success(), "{}", stderr(&built));
    for text in [stdout(&built), stderr(&built)] {
        assert!(!text.contains('\u{1b}'), "{text:?}");
    }
    assert!(
        stdout(&built).contains("bad\u{FFFD}[2J.jsonl"),
        "{}",
        stdout(&built)
    );
    let idx = index.to_str().unwrap();
    for args in [
        vec!["--index", idx, "Tanger"],
        vec!["--index", idx, "--show", "esc-1"],
        vec!["--index", idx, "--stats"],
    ] {
        let out = run_bin("akhbar-search", &args, ws.path());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202E}'),
            "{args:?}: {text:?}"
        );
        assert!(
            text.contains("Tanger") || args.contains(&"--stats"),
            "{text}"
        );
    }
    // JSON escapes control characters itself: the data stays whole.
    let json = json_search(ws.path(), &["--index", idx, "Tanger"]);
    assert!(json["hits"][0]["title"]
        .as_str()
        .unwrap()
        .contains('\u{1b}'));
}

#[test]
fn check_names_the_damaged_and_missing_files_and_changes_nothing() {
    let ws = workspace();
    let index = ws.path().join("idx");
    let idx = index.to_str().unwrap();
    let built = run_bin("akhbar-index", &["corpus", "--index", idx], ws.path());
    assert!(built.status.success(), "{}", stderr(&built));
    let check = || run_bin("akhbar-index", &["--check", "--index", idx], ws.path());
    let sound = check();
    assert_eq!(sound.status.code(), Some(0), "{}", stderr(&sound));
    assert!(
        stdout(&sound).contains("is sound: 2 articles"),
        "{}",
        stdout(&sound)
    );
    let files_of = |ext: &str| -> Vec<std::path::PathBuf> {
        let mut v: Vec<_> = std::fs::read_dir(&index)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        v.sort();
        v
    };
    // One flipped byte in a store, one deleted positions file.
    let store = files_of("store")[0].clone();
    let mut bytes = std::fs::read(&store).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&store, bytes).unwrap();
    let pos = files_of("pos")[0].clone();
    std::fs::remove_file(&pos).unwrap();
    let listing = |dir: &std::path::Path| -> Vec<(String, u64)> {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().unwrap().len(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let before = listing(&index);
    let damaged = check();
    assert_eq!(damaged.status.code(), Some(1), "{}", stderr(&damaged));
    let text = stdout(&damaged);
    let name = |p: &std::path::Path| p.file_name().unwrap().to_string_lossy().into_owned();
    assert!(text.contains("is damaged"), "{text}");
    assert!(
        text.contains(&format!("1 file(s) fail their checksum: {}", name(&store))),
        "{text}"
    );
    assert!(
        text.contains(&format!("1 file(s) are missing: {}", name(&pos))),
        "{text}"
    );
    assert!(text.contains("Nothing was changed"), "{text}");
    assert_eq!(listing(&index), before, "--check changed the index");
    // An update refuses to write over the damage, and says so (it used to
    // exit 0 with "indexed 0 articles").
    let update = run_bin(
        "akhbar-index",
        &["corpus", "--index", idx, "--full"],
        ws.path(),
    );
    assert_eq!(update.status.code(), Some(1), "{}", stdout(&update));
    let said = stderr(&update);
    assert!(said.contains("is damaged"), "{said}");
    assert!(
        said.contains(&name(&store)) && said.contains(&name(&pos)),
        "{said}"
    );
    assert!(said.contains("nothing was changed"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    assert_eq!(
        listing(&index),
        before,
        "the refused update changed the index"
    );
}

#[test]
fn a_damaged_index_gives_one_line_never_a_panic() {
    let ws = workspace();
    let clean = ws.path().join("clean");
    let built = run_bin(
        "akhbar-index",
        &["corpus", "--index", clean.to_str().unwrap()],
        ws.path(),
    );
    assert!(built.status.success(), "{}", stderr(&built));
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut failures = 0;
    for round in 0..24 {
        let dir = ws.path().join(format!("damaged-{round}"));
        std::fs::create_dir(&dir).unwrap();
        for entry in std::fs::read_dir(&clean).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
        // Random bytes into the segment files of one kind.
        let ext = ["term", "idx", "pos", "store", "fast", "fieldnorm"][round % 6];
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == ext) {
                let mut bytes = std::fs::read(&path).unwrap();
                for _ in 0..8 {
                    let at = (next() % bytes.len() as u64) as usize;
                    bytes[at] = (next() & 0xff) as u8;
                }
                std::fs::write(&path, bytes).unwrap();
            }
        }
        for query in ["cybercriminalité", "وهبي", "*", "Maroc Budapest"] {
            let out = run_bin(
                "akhbar-search",
                &["--index", dir.to_str().unwrap(), query],
                ws.path(),
            );
            let err = stderr(&out);
            assert!(
                matches!(out.status.code(), Some(0) | Some(1)),
                "{ext} {query}: exit {:?}: {err}",
                out.status.code()
            );
            assert!(
                !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
                "{err}"
            );
            if out.status.code() == Some(1) {
                failures += 1;
                assert_eq!(err.lines().count(), 1, "{err}");
                assert!(err.contains("akhbar-index --check --index"), "{err}");
            }
        }
    }
    // Damage was seen (the test would mean nothing otherwise).
    assert!(failures > 0);
}

#[test]
fn an_index_akhbar_cannot_vouch_for_is_left_as_it_is_and_a_cut_first_build_continues() {
    let ws = workspace();
    let index = ws.path().join("idx");
    let idx = index.to_str().unwrap();
    let built = run_bin("akhbar-index", &["corpus", "--index", idx], ws.path());
    assert!(built.status.success(), "{}", stderr(&built));
    let listing = || -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<_> = std::fs::read_dir(&index)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    // A garbled version file beside a full index, then an older version.
    for version in ["{\"schema_version\": ", "{\"schema_version\": 1}\n"] {
        std::fs::write(index.join("akhbar-version.json"), version).unwrap();
        let before = listing();
        for (tool, args) in [
            ("akhbar-search", vec!["--index", idx, "cybercriminalité"]),
            ("akhbar-index", vec!["corpus", "--index", idx]),
        ] {
            let out = run_bin(tool, &args, ws.path());
            assert_eq!(out.status.code(), Some(1), "{tool}: {}", stderr(&out));
            let err = stderr(&out);
            assert!(
                err.contains("nothing was changed; move it away"),
                "{tool}: {err}"
            );
            assert!(!err.contains("delete"), "{tool}: {err}");
            assert_eq!(listing(), before, "{tool} changed the index");
        }
    }
    // A first build killed before its first commit: tantivy's files, no
    // version file. The next run simply builds.
    let cut = ws.path().join("cut");
    let cut_dir = cut.to_str().unwrap();
    let first = run_bin("akhbar-index", &["corpus", "--index", cut_dir], ws.path());
    assert!(first.status.success(), "{}", stderr(&first));
    for entry in std::fs::read_dir(&cut).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name != "meta.json" && name != ".managed.json" {
            std::fs::remove_file(&path).unwrap();
        }
    }
    let meta = std::fs::read_to_string(cut.join("meta.json")).unwrap();
    let mut meta: serde_json::Value = serde_json::from_str(&meta).unwrap();
    meta["segments"] = serde_json::json!([]);
    std::fs::write(cut.join("meta.json"), meta.to_string()).unwrap();
    let again = run_bin("akhbar-index", &["corpus", "--index", cut_dir], ws.path());
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("the index holds 2 articles"),
        "{}",
        stdout(&again)
    );
    // It is a whole index now: searched, and updated again.
    let found = json_search(ws.path(), &["--index", cut_dir, "cybercriminalité"]);
    assert_eq!(found["total"], 1);
    let third = run_bin("akhbar-index", &["corpus", "--index", cut_dir], ws.path());
    assert!(third.status.success(), "{}", stderr(&third));
}
