//! The progress of an index build on stderr, shared by `akhbar-index` and
//! the first-run build of `akhbar-search`.

use akhbar::index::Progress;

/// A progress bar on a terminal (files, articles, MB/s, ETA); a plain line
/// every few seconds otherwise.
pub struct ProgressDisplay {
    tool: &'static str,
    bar: Option<indicatif::ProgressBar>,
    plain: bool,
    start: std::time::Instant,
    last_line: std::time::Instant,
}

impl ProgressDisplay {
    /// `quiet` hides both the bar and the plain lines.
    pub fn new(tool: &'static str, quiet: bool) -> Self {
        use std::io::IsTerminal;
        let terminal = std::io::stderr().is_terminal();
        let bar = (!quiet && terminal).then(|| {
            let bar = indicatif::ProgressBar::new(0);
            let style = indicatif::ProgressStyle::with_template(
                "{bar:30} {percent:>3}% {msg} {binary_bytes_per_sec} ETA {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        let now = std::time::Instant::now();
        ProgressDisplay {
            tool,
            bar,
            plain: !quiet && !terminal,
            start: now,
            last_line: now,
        }
    }

    /// Shows where a build is.
    pub fn update(&mut self, p: &Progress) {
        if let Some(bar) = &self.bar {
            bar.set_length(p.bytes_total);
            bar.set_position(p.bytes_done);
            bar.set_message(format!(
                "{}/{} files, {} articles",
                p.files_done, p.files_total, p.articles
            ));
        } else if self.plain && self.last_line.elapsed().as_secs() >= 5 {
            self.last_line = std::time::Instant::now();
            let secs = self.start.elapsed().as_secs_f64().max(0.001);
            eprintln!(
                "{}: {}/{} files, {} articles, {:.1} MB/s",
                self.tool,
                p.files_done,
                p.files_total,
                p.articles,
                p.bytes_done as f64 / 1e6 / secs
            );
        }
    }

    /// Clears the bar when the build is over.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
