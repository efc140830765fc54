//! Faults an index must survive (issue 17): a lost or damaged `meta.json`,
//! a build stopped by SIGTERM or killed, two writers, a reader without
//! write access, a full disk. Each builds its own index in a temporary
//! folder from real text of the repository's corpus.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::bins::{run_bin, stderr, stdout};
use crate::common::repo_path;

const INDEX_EXE: &str = env!("CARGO_BIN_EXE_akhbar-index");
const SEARCH_EXE: &str = env!("CARGO_BIN_EXE_akhbar-search");

/// The sentences of the repository's corpus (French and Arabic news).
fn sentences() -> Vec<String> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo_path("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines() {
            for sentence in line.split_inclusive(['.', '؟', '!', '?']) {
                let sentence = sentence.trim();
                if sentence.split_whitespace().count() >= 6 {
                    out.push(sentence.to_string());
                }
            }
        }
    }
    assert!(out.len() > 20, "the corpus holds real sentences");
    out
}

/// A corpus of `files` JSON Lines files of `per_file` articles each, every
/// article a different draw of real sentences: `files * per_file` articles.
fn corpus(dir: &Path, files: usize, per_file: usize) {
    let sentences = sentences();
    std::fs::create_dir_all(dir).unwrap();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for f in 0..files {
        let mut lines = String::new();
        for a in 0..per_file {
            let body: Vec<&str> = (0..8)
                .map(|_| sentences[(next() % sentences.len() as u64) as usize].as_str())
                .collect();
            let record = serde_json::json!({
                "id": format!("f{f}-a{a}"),
                "title": body[0],
                "body": body[1..].join(" "),
                "date": format!("2025-{:02}-{:02}", 1 + f % 12, 1 + a % 28),
                "source": format!("Source {}", f % 7),
            });
            lines.push_str(&record.to_string());
            lines.push('\n');
        }
        std::fs::write(dir.join(format!("part-{f:04}.jsonl")), lines).unwrap();
    }
}

/// The number of articles `akhbar-search --stats` says the index holds.
fn articles_in(index: &Path) -> u64 {
    let out = run_bin(
        "akhbar-search",
        &["--index", index.to_str().unwrap(), "--stats", "--json"],
        Path::new("."),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let stats: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    stats["articles"]
        .as_u64()
        .expect("articles in --stats --json")
}

/// Every file in `dir` with its size and modification time.
fn listing(dir: &Path) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let m = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                m.len(),
                m.modified().unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

fn segment_files(dir: &Path) -> Vec<String> {
    listing(dir)
        .into_iter()
        .map(|(name, ..)| name)
        .filter(|n| {
            [".idx", ".pos", ".term", ".store", ".fast", ".fieldnorm"]
                .iter()
                .any(|x| n.ends_with(x))
        })
        .collect()
}

fn build(corpus: &Path, index: &Path) -> std::process::Output {
    run_bin(
        "akhbar-index",
        &[
            corpus.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
            "--quiet",
        ],
        Path::new("."),
    )
}

#[test]
fn a_lost_meta_json_costs_nothing_and_without_its_copy_nothing_is_touched() {
    let ws = tempfile::tempdir().unwrap();
    let (corpus_dir, index) = (ws.path().join("corpus"), ws.path().join("index"));
    corpus(&corpus_dir, 6, 30);
    let built = build(&corpus_dir, &index);
    assert!(built.status.success(), "{}", stderr(&built));
    assert_eq!(articles_in(&index), 180);
    let segments = segment_files(&index);
    assert!(!segments.is_empty());

    // Lost: searches read akhbar's copy, writing nothing; the next run puts
    // it back, deletes no segment and reads no file again.
    std::fs::remove_file(index.join("meta.json")).unwrap();
    let before = listing(&index);
    assert_eq!(articles_in(&index), 180);
    assert_eq!(listing(&index), before, "a search wrote to the index");
    let again = build(&corpus_dir, &index);
    assert!(again.status.success(), "{}", stderr(&again));
    let said = stdout(&again);
    assert!(
        said.contains("meta.json was lost or damaged: put back"),
        "{said}"
    );
    assert!(said.contains("unchanged: 6 files (180 articles)"), "{said}");
    assert!(index.join("meta.json").is_file());
    assert_eq!(segment_files(&index), segments, "segment files changed");
    assert_eq!(articles_in(&index), 180);

    // Garbled: the same, and the damaged file is kept aside.
    std::fs::write(index.join("meta.json"), b"{\"segments\": [{\"segm").unwrap();
    assert_eq!(articles_in(&index), 180);
    let again = build(&corpus_dir, &index);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(index.join("meta.json.damaged").is_file());
    assert_eq!(articles_in(&index), 180);

    // Lost with its copy: both tools refuse in one line and touch nothing
    // (tantivy used to start a new index and delete every segment).
    std::fs::remove_file(index.join("meta.json")).unwrap();
    std::fs::remove_file(index.join("akhbar-meta.json")).unwrap();
    let before = listing(&index);
    for out in [
        build(&corpus_dir, &index),
        run_bin(
            "akhbar-search",
            &["--index", index.to_str().unwrap(), "ministre"],
            Path::new("."),
        ),
    ] {
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        let said = stderr(&out);
        assert_eq!(said.lines().count(), 1, "{said}");
        assert!(said.contains("has lost meta.json"), "{said}");
        assert!(said.contains("there is no akhbar-meta.json"), "{said}");
        assert!(
            said.contains("nothing was changed and no file deleted"),
            "{said}"
        );
        assert!(!said.contains("delete the folder"), "{said}");
    }
    assert_eq!(listing(&index), before, "a refused run changed the index");
}

/// Starts `akhbar-index` on `corpus` in the background.
fn start_build(corpus: &Path, index: &Path, extra: &[&str]) -> std::process::Child {
    Command::new(INDEX_EXE)
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .arg("--quiet")
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("akhbar-index starts")
}

/// Waits until `path` exists (the run has reached a given point).
fn wait_for(path: &Path, child: &mut std::process::Child) {
    let start = Instant::now();
    while !path.exists() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "akhbar-index ended before {} appeared: the corpus is too small",
            path.display()
        );
        assert!(start.elapsed() < Duration::from_secs(120));
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn signal(child: &std::process::Child, sig: &str) {
    let status = Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

const FILES: usize = 400;
const PER_FILE: usize = 20;

#[test]
fn sigterm_commits_what_is_done_and_the_next_run_finishes_without_reading_it_again() {
    let ws = tempfile::tempdir().unwrap();
    let (corpus_dir, index) = (ws.path().join("corpus"), ws.path().join("index"));
    corpus(&corpus_dir, FILES, PER_FILE);
    let mut child = start_build(&corpus_dir, &index, &["--commit-every", "0"]);
    // The writer records itself once it holds the lock: articles are coming.
    wait_for(&index.join("akhbar-writer.json"), &mut child);
    std::thread::sleep(Duration::from_millis(300));
    signal(&child, "-TERM");
    let out = child.wait_with_output().unwrap();
    let said = stdout(&out);
    assert_eq!(out.status.code(), Some(130), "{said}{}", stderr(&out));
    let safe: u64 = said
        .lines()
        .find_map(|l| l.strip_prefix("interrupted: the "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no interrupted line: {said}"));
    assert!(safe > 0 && safe < (FILES * PER_FILE) as u64, "{said}");
    assert_eq!(
        articles_in(&index),
        safe,
        "the safe count is what a search sees"
    );
    assert!(!index.join("akhbar-writer.json").exists());

    let again = build(&corpus_dir, &index);
    assert!(again.status.success(), "{}", stderr(&again));
    let said = stdout(&again);
    let unchanged: usize = said
        .lines()
        .find_map(|l| l.strip_prefix("unchanged: "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no unchanged line: {said}"));
    assert!(unchanged > 0, "{said}");
    assert!(
        said.contains(&format!("from {} files", FILES - unchanged)),
        "{said}"
    );
    assert_eq!(articles_in(&index), (FILES * PER_FILE) as u64);
}

#[test]
fn a_kill_loses_at_most_the_work_since_the_last_checkpoint() {
    let ws = tempfile::tempdir().unwrap();
    let (corpus_dir, index) = (ws.path().join("corpus"), ws.path().join("index"));
    corpus(&corpus_dir, FILES, PER_FILE);
    let mut child = start_build(&corpus_dir, &index, &["--commit-every", "1"]);
    // akhbar's copy of meta.json appears with the first checkpoint.
    wait_for(&index.join("akhbar-meta.json"), &mut child);
    signal(&child, "-KILL");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), None, "killed by a signal");
    let kept = articles_in(&index);
    assert!(kept > 0, "the checkpoint survived the kill");

    // The dead writer's record names no live process, its lock is free.
    let again = build(&corpus_dir, &index);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stdout(&again).contains("unchanged: "), "{}", stdout(&again));
    assert_eq!(articles_in(&index), (FILES * PER_FILE) as u64);
}

#[test]
fn a_second_writer_is_refused_with_the_first_ones_process() {
    let ws = tempfile::tempdir().unwrap();
    let (corpus_dir, index) = (ws.path().join("corpus"), ws.path().join("index"));
    corpus(&corpus_dir, FILES, PER_FILE);
    let mut first = start_build(&corpus_dir, &index, &[]);
    wait_for(&index.join("akhbar-writer.json"), &mut first);
    let second = build(&corpus_dir, &index);
    let first_pid = first.id();
    let still_running = first.try_wait().unwrap().is_none();
    signal(&first, "-TERM");
    let _ = first.wait_with_output().unwrap();
    assert!(still_running, "the first run ended too soon for the test");
    assert_eq!(second.status.code(), Some(1), "{}", stdout(&second));
    let said = stderr(&second);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains(&format!("akhbar-index (process {first_pid}")),
        "{said}"
    );
    assert!(said.contains("wait for it to end"), "{said}");

    // Two started at the same instant on a new index: each succeeds or
    // gets that message, never another.
    for round in 0..6 {
        let index = ws.path().join(format!("race-{round}"));
        let small = repo_path("corpus");
        let a = start_build(&small, &index, &[]);
        let b = start_build(&small, &index, &[]);
        let outs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
        assert!(outs.iter().any(|o| o.status.success()));
        for out in &outs {
            if !out.status.success() {
                let said = stderr(out);
                assert!(said.contains("is being written by"), "{said}");
                assert_eq!(said.lines().count(), 1, "{said}");
            }
        }
        assert_eq!(articles_in(&index), 2);
    }
}

/// Runs `akhbar-search` as the user `nobody` when this test runs as root
/// (where `setpriv` is there): another user's index, with no write access.
fn search_as_nobody(index: &Path, query: &str) -> Option<std::process::Output> {
    let root = Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&root.stdout).trim() != "0" {
        return None;
    }
    Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            SEARCH_EXE,
        ])
        .args(["--index", index.to_str()?, "--json", query])
        .output()
        .ok()
}

#[test]
fn a_reader_needs_no_write_access() {
    let ws = tempfile::tempdir().unwrap();
    let (corpus_dir, index) = (ws.path().join("corpus"), ws.path().join("index"));
    corpus(&corpus_dir, 4, 10);
    let built = build(&corpus_dir, &index);
    assert!(built.status.success(), "{}", stderr(&built));
    // The files tantivy writes itself follow the umask like the others.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |name: &str| {
            std::fs::metadata(index.join(name))
                .unwrap()
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(mode("meta.json"), mode("akhbar-version.json"));
        assert_eq!(mode(".managed.json"), mode("akhbar-version.json"));
    }
    let out = run_bin(
        "akhbar-search",
        &["--index", index.to_str().unwrap(), "--json", "ministre"],
        Path::new("."),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // Read-only for everyone, searched by another user.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for dir in [ws.path(), index.as_path()] {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        }
        std::fs::remove_file(index.join(".tantivy-meta.lock")).ok();
        if let Some(out) = search_as_nobody(&index, "ministre") {
            assert!(out.status.success(), "{}", stderr(&out));
            let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert!(hits["total"].as_u64().unwrap() > 0, "{hits}");
        } else {
            eprintln!("a_reader_needs_no_write_access: not root, the other-user search is not run");
        }
        for dir in [ws.path(), index.as_path()] {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
}

#[test]
fn a_writer_without_permission_is_told_which_path() {
    // Another user's index (root's), updated as `nobody`.
    let ws = tempfile::tempdir().unwrap();
    let (corpus_dir, index) = (ws.path().join("corpus"), ws.path().join("index"));
    corpus(&corpus_dir, 2, 5);
    assert!(build(&corpus_dir, &index).status.success());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(ws.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let root = Command::new("id").arg("-u").output().unwrap();
    if String::from_utf8_lossy(&root.stdout).trim() != "0" {
        eprintln!("a_writer_without_permission_is_told_which_path: not root; not run");
        return;
    }
    let out = Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            INDEX_EXE,
        ])
        .arg(&corpus_dir)
        .arg("--index")
        .arg(&index)
        .args(["--quiet", "--full"])
        .output()
        .expect("setpriv runs");
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("permission denied: you may not write"),
        "{said}"
    );
    assert!(said.contains(&index.display().to_string()), "{said}");
    assert!(!said.contains("IndexWriter working"), "{said}");
    assert_eq!(articles_in(&index), 10);
}

#[test]
fn a_full_disk_is_named() {
    // A 1 MB file system for the index (root, where mount works: the CI).
    let ws = tempfile::tempdir().unwrap();
    let (corpus_dir, disk) = (ws.path().join("corpus"), ws.path().join("disk"));
    corpus(&corpus_dir, 100, 20);
    std::fs::create_dir(&disk).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(&disk)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("a_full_disk_is_named: cannot mount a small file system here; not run");
        return;
    }
    let index = disk.join("index");
    let out = build(&corpus_dir, &index);
    let _ = Command::new("umount").arg(&disk).status();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("the disk holding"), "{said}");
    assert!(said.contains("is full"), "{said}");
}

/// `total` and `total_articles` of a search (groups, articles).
fn counts(index: &Path, query: &str) -> (u64, u64) {
    let out = run_bin(
        "akhbar-search",
        &["--index", index.to_str().unwrap(), "--json", query],
        Path::new("."),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    (
        v["total"].as_u64().unwrap(),
        v["total_articles"].as_u64().unwrap(),
    )
}

#[test]
fn a_large_file_cut_by_a_kill_or_sigterm_goes_on_from_its_last_committed_line() {
    let ws = tempfile::tempdir().unwrap();
    let corpus_dir = ws.path().join("corpus");
    // One JSON Lines file of 8,000 articles: the shape of a scraper's dump.
    corpus(&corpus_dir, 1, FILES * PER_FILE);
    let whole = ws.path().join("whole");
    assert!(build(&corpus_dir, &whole).status.success());
    let queries = ["ministre", "Maroc", "وزير"];
    for (signal_name, index) in [("-TERM", "term"), ("-KILL", "kill")] {
        let index = ws.path().join(index);
        let mut child = start_build(&corpus_dir, &index, &["--commit-every", "1"]);
        // The first checkpoint inside the file has landed.
        wait_for(&index.join("akhbar-meta.json"), &mut child);
        signal(&child, signal_name);
        let _ = child.wait_with_output().unwrap();
        let kept = articles_in(&index);
        let manifest = std::fs::read_to_string(index.join("akhbar-files.json")).unwrap();
        assert!(
            manifest.contains("\"done_lines\""),
            "{signal_name}: {manifest}"
        );
        let again = build(&corpus_dir, &index);
        assert!(again.status.success(), "{}", stderr(&again));
        let said = stdout(&again);
        let read: u64 = said
            .strip_prefix("indexed ")
            .and_then(|l| l.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{said}"));
        assert!(
            read < (FILES * PER_FILE) as u64,
            "{signal_name}: read again whole: {said}"
        );
        assert!(
            read + kept >= (FILES * PER_FILE) as u64,
            "{signal_name}: {said}"
        );
        assert_eq!(
            articles_in(&index),
            (FILES * PER_FILE) as u64,
            "{signal_name}"
        );
        // Grouped as one run groups them.
        for q in queries {
            assert_eq!(counts(&index, q), counts(&whole, q), "{signal_name} {q}");
        }
    }
}
