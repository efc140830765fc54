//! Human output of a search, for a terminal.

use std::fmt::Write;

use akhbar::analysis::{analyzer_name, WordTerms};
use akhbar::lang::Lang;
use akhbar::search::{FacetKind, SuggestionKind};
use akhbar::search::{Hit, SearchResults};

/// How to draw the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours (bold titles, highlighted words).
    pub color: bool,
    /// At most this many values per facet.
    pub facet_limit: usize,
    /// Wrap text to this many columns (no wrapping when `None`).
    pub width: Option<usize>,
    /// A right-to-left mark before mostly Arabic lines: only on a terminal,
    /// so that piped output starts with what it shows (`grep '^1\.'`).
    pub rtl_marks: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            facet_limit: 10,
            width: None,
            rtl_marks: false,
        }
    }
}

/// `text` made safe to write to a terminal. Articles, file names and
/// sources come from the world, and an escape sequence in one could clear
/// the screen, retitle the window or hide a link (`ESC[2J`, OSC 0, OSC 8):
/// every control character but newline and tab is shown as `\u{FFFD}`, and
/// the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), which would reorder the line around them, are dropped.
/// With `color`, akhbar's own styles (bold, dim, the highlight, reset) are
/// kept: they only style text.
pub fn terminal(text: &str, color: bool) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let ours: &[&str] = if color {
        &[BOLD, DIM, MATCH, RESET, "\x1b[36m"]
    } else {
        &[]
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\x1b' {
            if let Some(code) = ours.iter().find(|code| rest.starts_with(**code)) {
                out.push_str(code);
                rest = &rest[code.len()..];
                continue;
            }
        }
        if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
        } else if unsafe_char(c) {
            out.push('\u{FFFD}');
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    std::borrow::Cow::Owned(out)
}

/// The one line an error prints as, after `tool: error: `: the whole
/// chain of causes, the index the library's advice calls `DIR` named
/// (`index`), and no control character of the world (see [`terminal`]).
pub fn error_line(err: &anyhow::Error, index: &std::path::Path) -> String {
    let message =
        format!("{err:#}").replace("--index DIR", &format!("--index {}", index.display()));
    terminal(&message, false).into_owned()
}

/// Folds every run of white space into one space (and trims), moving the
/// highlighted byte ranges along.
fn collapse_whitespace(
    text: &str,
    ranges: &[std::ops::Range<usize>],
) -> (String, Vec<std::ops::Range<usize>>) {
    let mut out = String::with_capacity(text.len());
    // new_offset[i] = position in `out` of byte i of `text` (and of text.len()).
    let mut new_offset = vec![0usize; text.len() + 1];
    let mut pending_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            for slot in new_offset.iter_mut().skip(i).take(c.len_utf8()) {
                *slot = out.len();
            }
            out.push(c);
            continue;
        }
        for slot in new_offset.iter_mut().skip(i).take(c.len_utf8()) {
            *slot = out.len();
        }
    }
    new_offset[text.len()] = out.len();
    let moved = ranges
        .iter()
        .filter(|r| r.start < r.end && r.end <= text.len())
        .map(|r| new_offset[r.start]..new_offset[r.end].max(new_offset[r.start]))
        .collect();
    (out, moved)
}

/// A right-to-left mark before a line that is mostly Arabic, so that a
/// terminal with bidi support lays it out right to left; nothing otherwise.
pub fn direction_mark(line: &str) -> &'static str {
    let counts = akhbar::lang::script_counts(line);
    if counts.arabic > counts.latin {
        "\u{200F}"
    } else {
        ""
    }
}

fn mark(style: &Style, line: &str) -> &'static str {
    if style.rtl_marks {
        direction_mark(line)
    } else {
        ""
    }
}

/// Greedy word wrap to `width` columns (one column a character), the first
/// line indented by `first_indent`, the next ones by `indent`. Lines come
/// back with their indentation; `None` keeps the text on one line.
pub fn wrap(text: &str, width: Option<usize>, first_indent: usize, indent: usize) -> Vec<String> {
    let Some(width) = width.filter(|w| *w > indent + 10) else {
        return vec![format!("{}{text}", " ".repeat(first_indent))];
    };
    let mut lines = Vec::new();
    let mut line = " ".repeat(first_indent);
    let mut len = first_indent;
    let mut empty = true;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if !empty && len + 1 + w > width {
            lines.push(std::mem::replace(&mut line, " ".repeat(indent)));
            len = indent;
            empty = true;
        }
        if !empty {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += w;
        empty = false;
    }
    if !empty || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lays `items` out on lines of at most `width` columns, separated by
/// `sep`, never breaking an item (a source name, `Le Matin (12)`): the first
/// line is meant to follow a prefix `first_width` columns wide, the next
/// ones start with `indent` spaces. A separator ends its line (`a, b,` then
/// `c`). An item wider than a line gets a line of its own. `None` keeps one line.
pub fn wrap_items(
    items: &[String],
    sep: &str,
    width: Option<usize>,
    first_width: usize,
    indent: usize,
) -> Vec<String> {
    let Some(width) = width.filter(|w| *w > indent + 10) else {
        return vec![items.join(sep)];
    };
    let sep_width = sep.chars().count();
    let sep_end = sep.trim_end();
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = first_width;
    let mut empty = true;
    for (i, item) in items.iter().enumerate() {
        let w = item.chars().count();
        // The separator after this item must fit on its line too.
        let after = if i + 1 == items.len() {
            0
        } else {
            sep_end.chars().count()
        };
        if !empty && len + sep_width + w + after > width {
            line.push_str(sep_end);
            lines.push(std::mem::replace(&mut line, " ".repeat(indent)));
            len = indent;
            empty = true;
        }
        if !empty {
            line.push_str(sep);
            len += sep_width;
        }
        line.push_str(item);
        len += w;
        empty = false;
    }
    lines.push(line);
    lines
}

/// Draws a timeline: one labelled bar per period, scaled to the width.
pub fn timeline_text(bins: &[(String, u64)], period_name: &str, style: Style) -> String {
    let mut out = String::new();
    if bins.is_empty() {
        let _ = writeln!(out, "timeline: no dated article matches");
        return out;
    }
    let max = bins.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let label_width = bins.iter().map(|b| b.0.len()).max().unwrap_or(0);
    let count_width = max.to_string().len();
    let bar_room = style
        .width
        .unwrap_or(80)
        .saturating_sub(label_width + count_width + 4)
        .clamp(10, 60);
    let (bar_colour, reset) = if style.color {
        ("\x1b[36m", RESET)
    } else {
        ("", "")
    };
    let _ = writeln!(out, "timeline by {period_name} ({} periods)", bins.len());
    for (label, n) in bins {
        let len = ((*n as f64 / max as f64) * bar_room as f64).round() as usize;
        let len = if *n > 0 { len.max(1) } else { 0 };
        let _ = writeln!(
            out,
            "{label:<label_width$} │{bar_colour}{}{reset}{} {n:>count_width$}",
            "█".repeat(len),
            " ".repeat(bar_room - len.min(bar_room)),
        );
    }
    out
}

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const MATCH: &str = "\x1b[1;33m";
const RESET: &str = "\x1b[0m";

/// A hit's metadata: date, language, source, file.
fn meta_items(hit: &Hit) -> Vec<String> {
    let mut meta = vec![
        hit.date.clone().unwrap_or_else(|| "no date".into()),
        hit.lang.clone(),
    ];
    if let Some(source) = &hit.source {
        meta.push(source.clone());
    }
    meta.push(hit.path.clone());
    meta
}

/// The metadata line (wrapped between items) and the URL under it.
fn write_meta(out: &mut String, meta: &[String], url: Option<&str>, style: Style) {
    let (dim, reset) = if style.color { (DIM, RESET) } else { ("", "") };
    for line in wrap_items(meta, " · ", style.width, 3, 3) {
        let line = line.trim_start();
        let _ = writeln!(out, "   {dim}{line}{reset}");
    }
    if let Some(url) = url.filter(|u| !u.trim().is_empty()) {
        let _ = writeln!(out, "   {dim}{url}{reset}");
    }
}

/// Who else published a hit's story, and who did first.
fn write_copies(out: &mut String, hit: &Hit, style: Style) {
    if hit.duplicates.is_empty() {
        return;
    }
    let (dim, reset) = if style.color { (DIM, RESET) } else { ("", "") };
    let mut outlets: Vec<String> = Vec::new();
    for copy in &hit.duplicates {
        let name = copy.source.clone().unwrap_or_else(|| copy.path.clone());
        if !outlets.contains(&name) {
            outlets.push(name);
        }
    }
    if (hit.duplicates.len() as u64) < hit.duplicate_count {
        outlets.push("…".into());
    }
    let head = format!("{} more from: ", hit.duplicate_count);
    let mut lines = wrap_items(&outlets, ", ", style.width, 3 + head.chars().count(), 5);
    if let Some(first) = &hit.first_published {
        let who = if first.id == hit.id {
            "this one".to_string()
        } else {
            first.source.clone().unwrap_or_else(|| first.path.clone())
        };
        let date = first.date.as_deref().unwrap_or("no date");
        let text = format!("first published: {who} ({date})");
        lines.extend(wrap(&text, style.width, 5, 5));
    }
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "   {dim}{head}{line}{reset}");
        } else {
            let _ = writeln!(out, "{dim}{line}{reset}");
        }
    }
    let _ = writeln!(out, "     {dim}group {}{reset}", hit.group);
}

/// `akhbar-search --show ID`: one article whole.
pub fn article(hit: &Hit, body: &str, style: Style) -> String {
    let bold = if style.color { BOLD } else { "" };
    let reset = if style.color { RESET } else { "" };
    let mut out = String::new();
    let title = if hit.title.trim().is_empty() {
        "(untitled)"
    } else {
        hit.title.as_str()
    };
    for line in wrap(title, style.width, 0, 0) {
        let _ = writeln!(out, "{}{bold}{line}{reset}", mark(&style, &line));
    }
    let mut meta = meta_items(hit);
    meta.push(format!("id {}", hit.id));
    write_meta(&mut out, &meta, hit.url.as_deref(), style);
    out.push('\n');
    for paragraph in body.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
        for line in wrap(paragraph, style.width, 0, 0) {
            let _ = writeln!(out, "{}{line}", mark(&style, &line));
        }
        out.push('\n');
    }
    write_copies(&mut out, hit, style);
    out
}

/// `akhbar-search --show ID --json`.
#[derive(serde::Serialize)]
pub struct ArticleJson<'a> {
    #[serde(flatten)]
    pub hit: &'a Hit,
    pub body: &'a str,
}

/// `akhbar-search --group ID`: the members of a group, the first indexed first.
pub fn group(members: &[Hit], style: Style) -> String {
    let (bold, reset) = if style.color { (BOLD, RESET) } else { ("", "") };
    let mut out = String::new();
    let Some(first) = members.first() else {
        return out;
    };
    let _ = writeln!(
        out,
        "{bold}group {}{reset}: {} article{}",
        first.group,
        members.len(),
        if members.len() == 1 { "" } else { "s" }
    );
    for (i, hit) in members.iter().enumerate() {
        let title = if hit.title.trim().is_empty() {
            "(untitled)"
        } else {
            hit.title.as_str()
        };
        let numbered = format!("{}. {title}", i + 1);
        for line in wrap(&numbered, style.width, 0, 3) {
            let _ = writeln!(out, "{}{line}", mark(&style, &line));
        }
        let mut meta = meta_items(hit);
        meta.push(format!("id {}", hit.id));
        write_meta(&mut out, &meta, hit.url.as_deref(), style);
    }
    out
}

/// Renders results as text: the hits, then counts of every match.
pub fn human(results: &SearchResults, offset: usize, style: Style) -> String {
    let (bold, dim, hl, reset) = if style.color {
        (BOLD, DIM, MATCH, RESET)
    } else {
        ("", "", "", "")
    };
    let mut out = String::new();
    for (i, hit) in results.hits.iter().enumerate() {
        let title = if hit.title.trim().is_empty() {
            "(untitled)"
        } else {
            hit.title.as_str()
        };
        let numbered = format!("{}. {title}", offset + i + 1);
        for line in wrap(&numbered, style.width, 0, 3) {
            let _ = writeln!(out, "{}{bold}{line}{reset}", mark(&style, &line));
        }
        let mut meta = meta_items(hit);
        meta.push(format!("score {:.2}", hit.score));
        write_meta(&mut out, &meta, hit.url.as_deref(), style);
        // Wrap the plain text, then colour the matched words line by line,
        // so that escape codes never count as width.
        let (plain, highlights) =
            collapse_whitespace(&hit.snippet_parts.text, &hit.snippet_parts.highlights);
        let mut consumed = 0;
        for line in wrap(&plain, style.width, 3, 3) {
            let words = line.trim_start();
            let Some(start) = plain
                .get(consumed..)
                .and_then(|rest| rest.find(words))
                .map(|i| consumed + i)
            else {
                let _ = writeln!(out, "{}{line}", mark(&style, &line));
                continue;
            };
            let end = start + words.len();
            consumed = end;
            let mut coloured = String::new();
            let mut last = start;
            for range in &highlights {
                let (from, to) = (range.start.max(start), range.end.min(end));
                if from >= to {
                    continue;
                }
                coloured.push_str(plain.get(last..from).unwrap_or(""));
                coloured.push_str(hl);
                coloured.push_str(plain.get(from..to).unwrap_or(""));
                coloured.push_str(reset);
                last = to;
            }
            coloured.push_str(plain.get(last..end).unwrap_or(""));
            let _ = writeln!(out, "{}   {coloured}", mark(&style, &line));
        }
        write_copies(&mut out, hit, style);
        out.push('\n');
    }
    let shown = if results.hits.is_empty() {
        String::new()
    } else {
        format!(", showing {}-{}", offset + 1, offset + results.hits.len())
    };
    let noun = match (results.total == 1, results.total == results.total_articles) {
        (true, true) => "article matches".to_string(),
        (false, true) => "articles match".to_string(),
        (one, false) => format!(
            "{} match ({} articles with their copies)",
            if one { "story" } else { "stories" },
            results.total_articles
        ),
    };
    let _ = writeln!(
        out,
        "{bold}{} {noun}{reset}{shown} ({:.1} ms)",
        results.total, results.took_ms
    );
    for c in &results.corrections {
        let _ = writeln!(
            out,
            "  {dim}no article holds \"{}\": searched the nearest indexed term, \"{}\"{reset}",
            c.word, c.searched
        );
    }
    for note in &results.notes {
        let _ = writeln!(out, "  {dim}note: {note}{reset}");
    }
    for s in results
        .suggestions
        .iter()
        .filter(|s| s.kind == SuggestionKind::Word)
    {
        let _ = writeln!(
            out,
            "  no article holds \"{}\": did you mean {bold}{}{reset} ({})?",
            s.typed, s.suggestion, s.articles
        );
    }
    let mut unknown: Vec<&str> = Vec::new();
    for s in &results.suggestions {
        if s.kind == SuggestionKind::Source && !unknown.contains(&s.typed.as_str()) {
            unknown.push(&s.typed);
        }
    }
    for typed in unknown {
        let near: Vec<String> = results
            .suggestions
            .iter()
            .filter(|s| s.kind == SuggestionKind::Source && s.typed == typed)
            .map(|s| format!("{} ({})", s.suggestion, s.articles))
            .collect();
        let _ = writeln!(
            out,
            "  no source is named \"{typed}\"; nearest sources: {}",
            near.join(", ")
        );
    }
    for kind in FacetKind::ALL {
        let values = results.facets.top(kind, style.facet_limit);
        if values.is_empty() {
            continue;
        }
        let all = results.facets.get(kind).len();
        let mut list: Vec<String> = values.iter().map(|(v, n)| format!("{v} ({n})")).collect();
        if all > values.len() {
            list.push(format!("… {} more", all - values.len()));
        }
        let lines = wrap_items(&list, ", ", style.width, 9, 9);
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                let _ = writeln!(out, "  {dim}{:<6}{reset} {line}", kind.name());
            } else {
                let _ = writeln!(out, "{}{line}", mark(&style, line));
            }
        }
    }
    out
}

/// `akhbar-search --analyze` for a terminal: per language, each word and
/// its terms (`—` for a word the analyzer drops, a stop word).
pub fn analysis(analyses: &[(Lang, Vec<WordTerms>)]) -> String {
    let mut out = String::new();
    for (lang, words) in analyses {
        let _ = writeln!(out, "{} ({})", lang.code(), analyzer_name(*lang));
        let width = words
            .iter()
            .map(|w| w.word.chars().count())
            .max()
            .unwrap_or(0);
        for w in words {
            let terms = if w.terms.is_empty() {
                "— (stop word)".to_string()
            } else {
                w.terms.join(" ")
            };
            let pad = width - w.word.chars().count();
            let _ = writeln!(out, "  {}{:pad$}  {terms}", w.word, "");
        }
    }
    out
}

/// `akhbar-search --analyze --json`:
/// `{"text": str, "analyses": [{"lang": str, "analyzer": str,
///   "words": [{"word": str, "terms": [str]}]}]}`.
pub fn analysis_json(text: &str, analyses: &[(Lang, Vec<WordTerms>)]) -> serde_json::Value {
    serde_json::json!({
        "text": text,
        "analyses": analyses
            .iter()
            .map(|(lang, words)| serde_json::json!({
                "lang": lang.code(),
                "analyzer": analyzer_name(*lang),
                "words": words,
            }))
            .collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::terminal;

    #[test]
    fn terminal_text_carries_no_escape_of_the_world() {
        // Clear screen, window title (OSC 0), hyperlink (OSC 8), a C1 CSI.
        let hostile = "a\x1b[2Jb\x1b]0;owned\x07c\x1b]8;;http://x\x1b\\d\u{9b}31me";
        let shown = terminal(hostile, false);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert!(shown.contains('\u{FFFD}') && shown.contains("owned"));
        // Overrides and isolates are dropped; lines and tabs stay.
        assert_eq!(
            terminal("x\u{202E}yz\u{2066}w\u{2069}\n\tv", false),
            "xyzw\n\tv"
        );
        // With colour, akhbar's own styles pass, others do not.
        let styled = format!("{}titre{} \x1b[2J", super::BOLD, super::RESET);
        let shown = terminal(&styled, true);
        assert!(shown.starts_with("\x1b[1mtitre\x1b[0m "), "{shown:?}");
        assert!(shown.ends_with("\u{FFFD}[2J"), "{shown:?}");
        // Clean text is not copied.
        assert!(matches!(
            terminal("وزير العدل", false),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
