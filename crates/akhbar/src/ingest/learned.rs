//! Boilerplate learned from the corpus: a line that recurs across many pages
//! of one source (navigation, tickers, share buttons, newsletter and comment
//! widgets) is boilerplate for that source.
//!
//! A first pass over the raw and HTML pages counts, per source (or per
//! folder when a page names no source), in how many distinct pages each
//! normalised line appears. A line found in at least
//! `max(min_pages, share × pages of that source)` pages is learned. Pages
//! with the same sentences (lines of eight words or more) count once, so a
//! story published twice, even under two titles, does not teach its own
//! sentences as boilerplate.

use std::collections::{HashMap, HashSet};

use super::boilerplate::normalize_line;

/// When a recurring line becomes boilerplate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LearnOptions {
    /// Learn at all (raw and HTML pages are then read twice).
    pub enabled: bool,
    /// A line must appear in at least this many pages of its source...
    pub min_pages: usize,
    /// ...and in at least this share of them.
    pub share: f64,
}

impl Default for LearnOptions {
    fn default() -> Self {
        LearnOptions {
            enabled: true,
            min_pages: 3,
            share: 0.3,
        }
    }
}

/// The key under which a line is counted: normalised, digits folded (`Il y
/// a 3 heures` and `Il y a 5 heures` are one line).
pub fn line_key(line: &str) -> String {
    normalize_line(line)
        .chars()
        .map(|c| if c.is_numeric() { '0' } else { c })
        .collect()
}

/// Lines of at least this many words are sentences, for fingerprints.
const SENTENCE_WORDS: usize = 8;

/// Counts lines across pages (the first pass).
#[derive(Debug, Default)]
pub struct Learner {
    groups: HashMap<String, GroupCounts>,
    seen_pages: HashSet<blake3::Hash>,
}

#[derive(Debug, Default)]
struct GroupCounts {
    pages: usize,
    lines: HashMap<String, usize>,
}

impl Learner {
    /// Counts the content lines of one page of `group` (its source, or its
    /// folder).
    pub fn add_page(&mut self, group: &str, lines: &[&str]) {
        let keys: HashSet<String> = lines.iter().map(|l| line_key(l)).collect();
        // The page's fingerprint is its sentences (lines of many words):
        // a story published again under another title counts once.
        let sentences: Vec<&&str> = lines
            .iter()
            .filter(|l| l.split_whitespace().count() >= SENTENCE_WORDS)
            .collect();
        let mut hasher = blake3::Hasher::new();
        hasher.update(group.as_bytes());
        if sentences.is_empty() {
            lines.iter().for_each(|line| {
                hasher.update(line.as_bytes());
                hasher.update(b"\n");
            });
        } else {
            sentences.iter().for_each(|line| {
                hasher.update(line.as_bytes());
                hasher.update(b"\n");
            });
        }
        if !self.seen_pages.insert(hasher.finalize()) {
            return;
        }
        let counts = self.groups.entry(group.to_string()).or_default();
        counts.pages += 1;
        for key in keys {
            *counts.lines.entry(key).or_default() += 1;
        }
    }

    /// The lines that recur often enough to be boilerplate.
    pub fn finish(self, opts: &LearnOptions) -> LearnedBoilerplate {
        let mut by_group = HashMap::new();
        for (group, counts) in self.groups {
            let threshold = opts
                .min_pages
                .max((opts.share * counts.pages as f64).ceil() as usize)
                .max(2);
            let lines: HashSet<String> = counts
                .lines
                .into_iter()
                .filter(|(_, n)| *n >= threshold)
                .map(|(line, _)| line)
                .collect();
            if !lines.is_empty() {
                by_group.insert(group, lines);
            }
        }
        LearnedBoilerplate { by_group }
    }
}

/// Lines learned as boilerplate, per source or folder.
#[derive(Debug, Default, Clone)]
pub struct LearnedBoilerplate {
    by_group: HashMap<String, HashSet<String>>,
}

impl LearnedBoilerplate {
    /// True when `line` is learned boilerplate of `group`.
    pub fn is_boilerplate(&self, group: &str, line: &str) -> bool {
        self.by_group
            .get(group)
            .is_some_and(|lines| lines.contains(&line_key(line)))
    }

    /// True when anything was learned for `group`.
    pub fn knows(&self, group: &str) -> bool {
        self.by_group.contains_key(group)
    }

    /// How many lines were learned, over all groups.
    pub fn len(&self) -> usize {
        self.by_group.values().map(HashSet::len).sum()
    }

    /// True when nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.by_group.is_empty()
    }
}

/// The group of a page: its source when known, else its folder.
/// The source pages are grouped by for learning: the one their markup or
/// dateline names. One found only in a copyright line or a byline is left
/// out: those lines are often below or among the furniture that learning
/// removes, so the same outlet's pages would fall in different groups.
pub fn grouping_source(page: &super::raw_page::RawPage) -> Option<&str> {
    use super::raw_page::SourceEvidence as E;
    match page.source_from {
        Some(E::Metadata | E::Dateline) => page.source.as_deref(),
        _ => None,
    }
}

pub fn page_group(rel_path: &str, source: Option<&str>) -> String {
    match source {
        Some(source) => format!("source:{}", normalize_line(source)),
        None => {
            let folder = rel_path.rsplit_once('/').map_or("", |(dir, _)| dir);
            format!("folder:{folder}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recurring_lines_are_learned_and_own_sentences_kept() {
        let mut learner = Learner::default();
        let pages = [
            [
                "Accueil Économie Sport",
                "Page un, phrase propre.",
                "Partager sur Facebook",
            ],
            [
                "Accueil Économie Sport",
                "Page deux, autre phrase.",
                "Partager sur Facebook",
            ],
            [
                "Accueil Économie Sport",
                "Page trois, encore.",
                "Partager sur Facebook",
            ],
        ];
        for page in &pages {
            learner.add_page("folder:x", page);
        }
        let learned = learner.finish(&LearnOptions::default());
        assert!(learned.is_boilerplate("folder:x", "accueil  économie sport"));
        assert!(learned.is_boilerplate("folder:x", "Partager sur Facebook"));
        assert!(!learned.is_boilerplate("folder:x", "Page un, phrase propre."));
        assert!(!learned.is_boilerplate("folder:y", "Partager sur Facebook"));
    }

    #[test]
    fn duplicate_pages_count_once() {
        let mut learner = Learner::default();
        for _ in 0..5 {
            learner.add_page("folder:x", &["La même dépêche reprise partout."]);
        }
        assert!(learner.finish(&LearnOptions::default()).is_empty());
    }
}
