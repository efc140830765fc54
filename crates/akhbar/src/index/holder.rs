//! Who holds an index's writer lock: tantivy's lock file says only that it
//! is taken, so the writer records its process beside it, and a second
//! writer refused the lock can name the first.

use std::path::Path;

const HOLDER_FILE: &str = "akhbar-writer.json";

/// This process recorded as the writer of an index, until dropped.
pub(super) struct Record(std::path::PathBuf);

impl Record {
    /// Records this process as the writer of the index at `dir` (best
    /// effort: the lock itself is tantivy's).
    pub(super) fn new(dir: &Path) -> Record {
        record(dir);
        Record(dir.to_path_buf())
    }
}

impl Drop for Record {
    fn drop(&mut self) {
        forget(&self.0);
    }
}

fn record(dir: &Path) {
    let started = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
    let text = serde_json::json!({
        "pid": std::process::id(),
        "started": started,
        "program": std::env::args().next().unwrap_or_default(),
    })
    .to_string();
    let temp = dir.join(format!("{HOLDER_FILE}.{}.tmp", std::process::id()));
    if std::fs::write(&temp, text).is_ok() {
        let _ = std::fs::rename(&temp, dir.join(HOLDER_FILE));
    }
}

/// Removes this process's record (when it is this process's).
fn forget(dir: &Path) {
    let path = dir.join(HOLDER_FILE);
    if read(dir).is_some_and(|h| h.pid == std::process::id()) {
        let _ = std::fs::remove_file(path);
    }
}

struct Holder {
    pid: u32,
    started: String,
    program: String,
}

fn read(dir: &Path) -> Option<Holder> {
    let text = std::fs::read_to_string(dir.join(HOLDER_FILE)).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    Some(Holder {
        pid: u32::try_from(value.get("pid")?.as_u64()?).ok()?,
        started: value.get("started")?.as_str()?.to_string(),
        program: value
            .get("program")
            .and_then(|p| p.as_str())
            .unwrap_or_default()
            .to_string(),
    })
}

/// Who holds the lock of the index at `dir`, as a phrase: "akhbar-index
/// (process 1234, since 2026-12-04 20:31:05; `kill 1234` stops it)", or
/// another program when no live akhbar process is recorded.
pub(super) fn describe(dir: &Path) -> String {
    // A writer that took the lock an instant ago records itself right
    // after: two runs started together still name each other.
    let mut holder = read(dir);
    for _ in 0..20 {
        if holder.as_ref().is_some_and(|h| h.pid != std::process::id()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        holder = read(dir);
    }
    match holder {
        Some(h) if h.pid != std::process::id() && alive(h.pid) => {
            let name = Path::new(&h.program)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "akhbar".into());
            format!(
                "{name} (process {}, since {}; `kill {}` stops it, committing what it has done)",
                h.pid, h.started, h.pid
            )
        }
        _ => "another program (it holds .tantivy-writer.lock)".into(),
    }
}

/// True when process `pid` exists (Linux: /proc; elsewhere assumed).
fn alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}
