//! Raw scraped pages (`.txt`): finds the headline, the dateline (date and
//! source), and the article's body among the page's boilerplate.
//!
//! A scraped page typically reads: a headline ticker, moderation notices, the
//! headline, a dateline such as `Publié dans EcoActu le 13 - 05 - 2022` or
//! `Imou Media25 أكتوبر 2025`, the article (sometimes after the headline
//! repeated), then a "read at the source" link or a comment form.

use chrono::NaiveDate;

use super::boilerplate::{is_boilerplate_line, is_tail_marker, normalize_line};
use super::dates::find_date;
use super::furniture::{byline_outlet, copyright_outlet, dateline_name, is_byline, update_at};
pub use super::html::PageHints;

/// What a raw page yields before language detection.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawPage {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub body: String,
    /// Where the source was read.
    pub source_from: Option<SourceEvidence>,
}

/// Where a page's source was read, most explicit first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceEvidence {
    /// The page's markup (`og:site_name`, JSON-LD).
    Metadata,
    /// The words before the dateline's date.
    Dateline,
    /// A copyright line (`© Le Matin 2025`).
    Copyright,
    /// A byline naming the outlet (`Par … | Médias24`).
    Byline,
}

/// What a dateline gives: the date, and the outlet named before it.
pub type Dateline = (NaiveDate, Option<String>);

/// How far into the page (in content lines) a dateline is looked for.
const DATELINE_WINDOW: usize = 6;
/// A dateline is short; a longer line with a date is article text.
const DATELINE_MAX_CHARS: usize = 160;

/// Parses the text of a raw page. Returns `None` when the page holds no
/// article text once its boilerplate is removed.
#[cfg(test)]
pub fn parse(text: &str) -> Option<RawPage> {
    parse_with(text, &PageHints::default(), &|_: &str| false)
}

/// The content lines of a page: trimmed, not empty, not fixed boilerplate,
/// before the comment section; and the first URL line.
pub fn content_lines(text: &str) -> (Vec<&str>, Option<String>) {
    let mut url = None;
    let mut lines: Vec<&str> = Vec::new();
    for raw in text.lines() {
        let line = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() {
            continue;
        }
        if is_tail_marker(line) {
            break;
        }
        if is_boilerplate_line(line) {
            continue;
        }
        if let Some(found) = url_line(line) {
            url.get_or_insert(found);
            continue;
        }
        lines.push(line);
    }
    (lines, url)
}

/// [`parse`], with metadata known from outside the text (HTML markup) and a
/// test for lines learned as boilerplate of the page's source (see
/// [`super::learned`]). Hints win over what the text says; a learned line is
/// dropped unless it is the page's title or dateline.
pub fn parse_with(
    text: &str,
    hints: &PageHints,
    is_learned: &dyn Fn(&str) -> bool,
) -> Option<RawPage> {
    let (all_lines, url) = content_lines(text);
    let hint_title = hints.title.as_deref().map(normalize_line);
    let lines: Vec<&str> = all_lines
        .into_iter()
        .filter(|line| {
            !is_learned(line)
                || hint_title.as_deref() == Some(normalize_line(line).as_str())
                || parse_dateline(line).is_some()
        })
        .collect();
    if lines.is_empty() {
        return None;
    }

    // A short sentence with a date can look like a dateline: one that would
    // leave no body after it is not taken.
    let dateline_by = |read: fn(&str) -> Option<Dateline>| {
        lines
            .iter()
            .take(DATELINE_WINDOW)
            .enumerate()
            .filter(|(i, _)| *i + 1 < lines.len())
            .find_map(|(i, line)| read(line).map(|d| (i, d)))
    };
    let dateline = dateline_by(parse_dateline).or_else(|| dateline_by(parse_update_line));

    let (title, date, source, body_start) = match (dateline, &hints.title) {
        (Some((i, (date, source))), Some(title)) => (title.as_str(), Some(date), source, i + 1),
        (Some((i, (date, source))), None) => {
            // The headline stands above the dateline, above its byline
            // when there is one (`Par …` between the two).
            let above = lines[..i]
                .iter()
                .rev()
                .take(2)
                .find(|l| !is_byline(l))
                .copied()
                .unwrap_or("");
            // A dateline may stand above the headline, under a section
            // name (`Économie` / date / headline / `Par …`): a line that
            // its byline follows is the headline when what is above the
            // dateline is no more than a label.
            let below = lines
                .get(i + 1)
                .filter(|_| lines.get(i + 2).is_some_and(|l| is_byline(l)))
                .filter(|l| !is_byline(l) && l.split_whitespace().count() > 2);
            match below {
                Some(headline) if above.split_whitespace().count() <= 2 => {
                    (*headline, Some(date), source, i + 1)
                }
                _ => (above, Some(date), source, i + 1),
            }
        }
        (None, Some(title)) => (title.as_str(), None, None, 0),
        (None, None) => match lines.iter().position(|l| !is_byline(l)) {
            Some(first) if first + 1 < lines.len() => (lines[first], None, None, first + 1),
            _ => (lines[0], None, None, 1),
        },
    };
    // The outlet: the page's metadata, the dateline, then a copyright line
    // (often below the comments) or a byline naming it.
    let with = |evidence| move |s| (s, evidence);
    let found = hints
        .source
        .clone()
        .map(with(SourceEvidence::Metadata))
        .or(source.map(with(SourceEvidence::Dateline)))
        .or_else(|| {
            text.lines()
                .rev()
                .find_map(copyright_outlet)
                .map(with(SourceEvidence::Copyright))
        })
        .or_else(|| {
            lines
                .iter()
                .take(DATELINE_WINDOW + 3)
                .find_map(|l| byline_outlet(l))
                .map(with(SourceEvidence::Byline))
        });
    let (source, source_from) = match found {
        Some((source, from)) => (Some(source), Some(from)),
        None => (None, None),
    };

    let title_key = normalize_line(title);
    let body_lines: Vec<&str> = lines[body_start..]
        .iter()
        .copied()
        .filter(|line| title_key.is_empty() || normalize_line(line) != title_key)
        .collect();
    let body = body_lines.join("\n");
    if body.trim().is_empty() {
        return None;
    }
    Some(RawPage {
        title: title.to_string(),
        date: hints.date.or(date),
        source,
        url: hints.url.clone().or(url),
        body,
        source_from,
    })
}

/// A line that is only a URL (`https://...`, or `URL: https://...`).
fn url_line(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix("URL:")
        .or_else(|| line.strip_prefix("Source:"))
        .map(str::trim)
        .unwrap_or(line);
    let is_url = (rest.starts_with("http://") || rest.starts_with("https://"))
        && !rest.contains(char::is_whitespace);
    is_url.then(|| rest.to_string())
}

/// Reads a dateline: a short line holding a date, and the outlet's name
/// before it (`Publié dans EcoActu le ...`, `Imou Media25 أكتوبر 2025`).
pub fn parse_dateline(line: &str) -> Option<Dateline> {
    if line.chars().count() > DATELINE_MAX_CHARS {
        return None;
    }
    // `Publié le 13/02/2021 à 17h43 - Mis à jour le 14/02/2021`: the
    // publication date is the one users filter on; a line that opens with
    // its update is read only when the page has no other dateline.
    let line = match update_at(line) {
        Some(0) => return None,
        Some(at) => &line[..at],
        None => line,
    };
    parse_plain_dateline(line)
}

/// A line that gives only when the page was updated (`Mis à jour le …`):
/// its date, when the page gives no publication date.
fn parse_update_line(line: &str) -> Option<Dateline> {
    match update_at(line) {
        Some(0) if line.chars().count() <= DATELINE_MAX_CHARS => {
            find_date(line).map(|found| (found.date, None))
        }
        _ => None,
    }
}

fn parse_plain_dateline(line: &str) -> Option<Dateline> {
    let found = find_date(line)?;
    let before = line.get(..found.start).unwrap_or("");
    let after = line.get(found.end..).unwrap_or("");
    // A dateline holds little besides the date: not a sentence of the article.
    let words_around = before.split_whitespace().count() + after.split_whitespace().count();
    if words_around > 8 {
        return None;
    }
    Some((found.date, source_from_dateline(before)))
}

/// The outlet named before the date: strips `Publié dans … le`, `Publié
/// le`, `Par`, `نشر في` and trailing separators.
fn source_from_dateline(before: &str) -> Option<String> {
    let mut s = before.trim();
    for prefix in [
        "Publié dans",
        "Publie dans",
        "Publié par",
        "Publié sur",
        "Published in",
        "Published by",
        "Publicado en",
        "Par",
        "By",
        "نشر في",
        "نشر على",
    ] {
        if let Some(rest) = strip_prefix_ci(s, prefix) {
            s = rest.trim_start();
            break;
        }
    }
    for suffix in [
        " le",
        " el",
        " on",
        " à",
        " -",
        " |",
        " ,",
        " في",
        " يوم",
        " بتاريخ",
    ] {
        if let Some(rest) = strip_suffix_ci(s, suffix) {
            s = rest.trim_end();
        }
    }
    let s = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '|' | ',' | ':' | '–' | '—')
    });
    let lower = s.to_lowercase();
    let is_generic = matches!(
        lower.as_str(),
        "" | "publié le" | "publié" | "publie le" | "le" | "date"
    );
    if is_generic || s.split_whitespace().count() > 5 {
        return None;
    }
    // `Medias24 le vendredi` names Medias24; `Le samedi`, `Mis à jour`, no one.
    dateline_name(s)
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    (head.to_lowercase() == prefix.to_lowercase()).then(|| &s[prefix.len()..])
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    let tail = s.get(cut..)?;
    (tail.to_lowercase() == suffix.to_lowercase()).then(|| &s[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_gives_date_and_source() {
        let (date, source) = parse_dateline("Publié dans EcoActu le 13 - 05 - 2022").unwrap();
        assert_eq!(date, NaiveDate::from_ymd_opt(2022, 5, 13).unwrap());
        assert_eq!(source.as_deref(), Some("EcoActu"));
        let (date, source) = parse_dateline("Imou Media25 أكتوبر 2025").unwrap();
        assert_eq!(date, NaiveDate::from_ymd_opt(2025, 10, 25).unwrap());
        assert_eq!(source.as_deref(), Some("Imou Media"));
    }

    #[test]
    fn a_sentence_with_a_date_is_not_a_dateline() {
        let line = "Cette convention, adoptée par le Comité des Ministres du Conseil de l'Europe le 8 novembre 2001, a permis d'harmoniser la politique pénale";
        assert_eq!(parse_dateline(line), None);
    }

    #[test]
    fn page_without_dateline_takes_its_first_line_as_title() {
        let page = parse("Un titre\n\nLe premier paragraphe.\nLe second.").unwrap();
        assert_eq!(page.title, "Un titre");
        assert_eq!(page.date, None);
        assert_eq!(page.body, "Le premier paragraphe.\nLe second.");
    }

    #[test]
    fn the_headline_is_above_the_dateline_or_above_its_byline() {
        let page = parse(
            "Maroc\nLe Parlement adopte la réforme du code de la famille\nPar Salma Idrissi\n\
             Publié le 12/03/2025 à 09h10 - Mis à jour le 13/03/2025\n\
             Les députés ont adopté mardi le projet de réforme.\nLe texte passe au Sénat.",
        )
        .unwrap();
        assert_eq!(
            page.title,
            "Le Parlement adopte la réforme du code de la famille"
        );
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2025, 3, 12));
        // A section name, the date, then the headline and its byline.
        let page = parse(
            "Société\n3 mars 2025 - 10:20\nLa gare routière d'Oujda rouvre après travaux\n\
             Par Hamid Tazi\nLa gare routière a rouvert ses portes lundi matin.\n\
             Les guichets ont été refaits.",
        )
        .unwrap();
        assert_eq!(page.title, "La gare routière d'Oujda rouvre après travaux");
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2025, 3, 3));
        // The outlet from the copyright line when the dateline names none.
        let page = parse(
            "الرباط تحتضن معرض الكتاب\nالجمعة 9 ماي 2025\nافتتح المعرض أبوابه صباح اليوم.\n\
             يستمر المعرض عشرة أيام.\n© 2025 الأخبار المغربية. جميع الحقوق محفوظة",
        )
        .unwrap();
        assert_eq!(page.title, "الرباط تحتضن معرض الكتاب");
        assert_eq!(page.source.as_deref(), Some("الأخبار المغربية"));
        assert_eq!(page.source_from, Some(SourceEvidence::Copyright));
    }

    #[test]
    fn page_of_boilerplate_only_has_no_article() {
        assert_eq!(parse("Leave a Comment\nComments Rules :\n"), None);
        assert_eq!(parse("\n\n"), None);
    }
}
