//! Word counts of the Arabic corpora, the evidence behind the Arabic
//! analyzer's list of words whose first letter is a root letter
//! (`crates/akhbar/data/arabic_root_initial.txt`) and behind the word
//! families that measure the Arabic stemmers (`akhbar-words`).
//!
//! Every form is counted as the Arabic analyzer normalises it (diacritics,
//! hamza seats, `ة` → `ه`, ...) and split from its article: `الوزير` adds one
//! to the *article* count of `وزير`, `وزير` one to its *bare* count.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use akhbar::analysis::strip_arabic_article as strip_article;
use akhbar::analysis::{analyze_words, AnalysisOptions, Stemmer};
use akhbar::lang::Lang;
use anyhow::{Context, Result};

/// How often a form occurs bare and after the article.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FormCount {
    pub bare: u32,
    pub article: u32,
}

impl FormCount {
    pub fn total(self) -> u32 {
        self.bare + self.article
    }
}

/// Article-stripped form → counts.
#[derive(Debug, Default)]
pub struct WordCounts {
    pub forms: HashMap<String, FormCount>,
    /// Whole normalised words, article and clitics included.
    pub raw: HashMap<String, u32>,
    pub articles: usize,
    /// Lines of the input files that were not JSON records, so not counted.
    pub skipped_lines: usize,
}

impl WordCounts {
    /// The counts of one form (zero when unseen).
    pub fn get(&self, form: &str) -> FormCount {
        self.forms.get(form).copied().unwrap_or_default()
    }

    /// Counts the words of one text.
    pub fn add_text(&mut self, text: &str) {
        let opts = AnalysisOptions {
            stemmer: Stemmer::None,
            stopwords: false,
            ..AnalysisOptions::default()
        };
        for word in analyze_words(Lang::Ar, text, opts) {
            for term in word.terms {
                if !term.chars().all(akhbar::lang::is_arabic_letter) {
                    continue;
                }
                *self.raw.entry(term.clone()).or_default() += 1;
                let mut rest = term;
                let article = strip_article(&mut rest);
                let count = self.forms.entry(rest).or_default();
                if article {
                    count.article += 1;
                } else {
                    count.bare += 1;
                }
            }
        }
    }

    /// Counts the titles and bodies of a JSON Lines file (`.jsonl` or
    /// `.jsonl.zst`) whose records have `title` and `body`.
    pub fn add_jsonl(&mut self, path: &Path) -> Result<()> {
        let file =
            std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        let reader: Box<dyn BufRead> = if path.extension().is_some_and(|e| e == "zst") {
            Box::new(BufReader::new(zstd::Decoder::new(file)?))
        } else {
            Box::new(BufReader::new(file))
        };
        for (n, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("{}:{}", path.display(), n + 1))?;
            let Ok(record) = serde_json::from_str::<serde_json::Value>(&line) else {
                self.skipped_lines += 1;
                continue;
            };
            for field in ["title", "body"] {
                if let Some(text) = record.get(field).and_then(|v| v.as_str()) {
                    self.add_text(text);
                }
            }
            self.articles += 1;
        }
        Ok(())
    }
}

/// The letters that, at the start of a word, may be a clitic (conjunction
/// or preposition) or the word's own first letter.
pub const CLITIC_LETTERS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

/// Whether the first letter of `form` (article-stripped, of three letters or
/// more, starting with one of [`CLITIC_LETTERS`]) belongs to the word, by
/// the corpus's evidence:
///
/// * the form takes the article (`الوزير`) at least as often as what is left
///   without its first letter occurs at all (`زير`): a conjunction never
///   follows the article; or
/// * what is left hardly exists on its own (`فرنسا` against `رنسا`): under
///   one in 20 of the form's occurrences.
pub fn first_letter_is_root(counts: &WordCounts, form: &str) -> bool {
    let mut chars = form.chars();
    if !chars.next().is_some_and(|c| CLITIC_LETTERS.contains(&c)) {
        return false;
    }
    let rest = chars.as_str();
    if rest.chars().count() < 2 {
        // Under three letters there is no clitic to tell apart: the
        // analyzer never strips one from so short a word.
        return false;
    }
    let own = counts.get(form);
    let remainder = u64::from(counts.get(rest).total());
    let (article, total) = (u64::from(own.article), u64::from(own.total()));
    (article >= 2 && article >= remainder) || remainder * 20 < total
}

/// A word and the inflected forms of it that the corpora hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    pub base: String,
    pub members: Vec<String>,
}

/// The inflections of a singular `base` by the regular rules of the news
/// language: feminine, sound plurals, dual, nisba adjectives.
fn inflections(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    if let Some(stem) = base.strip_suffix('ه') {
        // Feminine noun or adjective: sound feminine plural and dual.
        for suffix in ["ات", "تين", "تان"] {
            out.push(format!("{stem}{suffix}"));
        }
    } else if base.ends_with('ي') {
        // Nisba adjective: feminine, plurals.
        for suffix in ["ه", "ين", "ون", "ات", "ان"] {
            out.push(format!("{base}{suffix}"));
        }
    } else {
        for suffix in ["ات", "ين", "ون", "ان"] {
            out.push(format!("{base}{suffix}"));
        }
    }
    out
}

/// Clitics a form takes in the corpora: conjunctions and prepositions, with
/// and without the article.
const CLITICS: [&str; 10] = ["", "ال", "و", "وال", "ب", "بال", "ل", "لل", "ف", "فال"];

/// Word families from the corpora: `n_root_initial` bases that start with
/// one of [`CLITIC_LETTERS`] as a root letter, and `n_other` others, the
/// most frequent first; a base is a singular noun or adjective (it takes the
/// article in at least a third of its occurrences) and a family keeps the
/// forms (a clitic, the article, an inflection) seen at least `min_count`
/// times, with at least three forms.
pub fn families(
    counts: &WordCounts,
    stop: &dyn Fn(&str) -> bool,
    n_root_initial: usize,
    n_other: usize,
    min_count: u32,
) -> Vec<Family> {
    let mut bases: Vec<(&String, FormCount)> = counts
        .forms
        .iter()
        .filter(|(form, c)| {
            let n = form.chars().count();
            n >= 3 && c.total() >= 100 && c.article * 3 >= c.total() && !stop(form)
        })
        .map(|(f, c)| (f, *c))
        .collect();
    bases.sort_by(|a, b| b.1.total().cmp(&a.1.total()).then(a.0.cmp(b.0)));
    let is_base: std::collections::HashSet<&str> = bases.iter().map(|(f, _)| f.as_str()).collect();
    // An inflected form of another base is not a base of its own.
    let derived = |form: &str| {
        ["ات", "ين", "ون", "ان", "تين", "تان"]
            .iter()
            .any(|s| form.ends_with(s))
            || form.strip_suffix('ه').is_some_and(|s| is_base.contains(s))
    };
    let mut root_initial = Vec::new();
    let mut other = Vec::new();
    let mut claimed: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (base, _) in bases {
        if derived(base) || claimed.contains(base.as_str()) {
            continue;
        }
        let starts_clitic = base
            .chars()
            .next()
            .is_some_and(|c| CLITIC_LETTERS.contains(&c));
        let bucket_full = if starts_clitic {
            root_initial.len() >= n_root_initial
        } else {
            other.len() >= n_other
        };
        if bucket_full || (starts_clitic && !first_letter_is_root(counts, base)) {
            continue;
        }
        let mut members = Vec::new();
        for form in inflections(base) {
            for clitic in CLITICS {
                let word = format!("{clitic}{form}");
                if counts.raw.get(&word).copied().unwrap_or(0) >= min_count
                    && !claimed.contains(&word)
                {
                    members.push(word);
                }
            }
        }
        if members.len() < 3 {
            continue;
        }
        claimed.extend(members.iter().cloned());
        let family = Family {
            base: base.clone(),
            members,
        };
        if starts_clitic {
            root_initial.push(family);
        } else {
            other.push(family);
        }
    }
    root_initial.extend(other);
    root_initial
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(texts: &[(&str, usize)]) -> WordCounts {
        let mut counts = WordCounts::default();
        for (text, times) in texts {
            for _ in 0..*times {
                counts.add_text(text);
            }
        }
        counts
    }

    #[test]
    fn forms_are_counted_normalised_and_without_the_article() {
        let c = counts(&[("الوزارةُ والوزارة وزارة للوزارة", 1)]);
        assert_eq!(
            c.get("وزاره"),
            FormCount {
                bare: 1,
                article: 3
            }
        );
        assert_eq!(c.raw.get("والوزاره"), Some(&1));
    }

    #[test]
    fn a_first_letter_is_a_root_letter_by_the_evidence() {
        let c = counts(&[
            // The article before the form: و is the word's.
            ("الوزير وزير", 30),
            // What is left without the letter never occurs alone.
            ("فرنسا", 40),
            // The conjunction: the remainder is a frequent word.
            ("وقال قال", 50),
            ("ووزير", 5),
        ]);
        assert!(first_letter_is_root(&c, "وزير"));
        assert!(first_letter_is_root(&c, "فرنسا"));
        assert!(!first_letter_is_root(&c, "وقال"));
        assert!(!first_letter_is_root(&c, "ووزير"));
        // A letter that is never a clitic is not asked about, nor a word
        // too short to carry one.
        assert!(!first_letter_is_root(&c, "قال"));
        assert!(!first_letter_is_root(&c, "وز"));
    }

    #[test]
    fn skipped_lines_are_counted() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a.jsonl");
        std::fs::write(
            &path,
            "{\"title\": \"الوزير\", \"body\": \"وزير\"}\nnot json\n",
        )?;
        let mut c = WordCounts::default();
        c.add_jsonl(&path)?;
        assert_eq!((c.articles, c.skipped_lines), (1, 1));
        assert_eq!(c.get("وزير").total(), 2);
        Ok(())
    }
}
