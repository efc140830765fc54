//! HTML pages (`.html`, `.htm`, also `.gz`/`.zst`): the markup is parsed by
//! a real HTML parser (html5ever, through `scraper`) and turned into the
//! lines of a raw page; scripts, styles, navigation, headers, footers,
//! asides and forms are dropped. The page's metadata — `og:title` or
//! `<title>`, `article:published_time` or `<time datetime>`, `og:site_name`,
//! the canonical URL — is kept as hints for the raw-page logic.

use chrono::NaiveDate;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::dates::parse_date;

/// Deeper than this, a page is not read: the HTML parser's work grows with
/// the nesting times the number of tags (25,000 nested `<div>` took a
/// second, 100,000 more than a minute; 27,000 unclosed `<label>` among as
/// many `<form>`, a fuzzed page of 2 MB, more than ten minutes), and no
/// article is nested five hundred deep (page builders nest a few dozen).
pub const MAX_DEPTH: usize = 512;

/// Elements that never hold others (no closing tag), or that close
/// themselves when a sibling opens: they do not count as nesting.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "!doctype",
];

/// How deep the elements of `html` nest, read from its tags alone (a
/// cheap bound, before parsing): every opening tag but [`FLAT`] ones and
/// self-closing ones opens an element; a closing tag closes the latest open
/// element of its name and those opened after it, and is ignored, as the
/// parser ignores it, when none of that name is open (`</labl>` closes no
/// `<label>`). Comments are skipped. Linear: each element is opened and
/// closed once.
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut open_by_name: std::collections::HashMap<String, usize> = Default::default();
    let mut max = 0usize;
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        i += offset + 1;
        if bytes[i..].starts_with(b"!--") {
            match html[i..].find("-->") {
                Some(end) => i += end + 3,
                None => break,
            }
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let from = i + usize::from(closing);
        let name_len = bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!')
            .count();
        // A tag name begins with a letter (`1 < 2` and `<4` are text).
        if name_len == 0 || !(bytes[from].is_ascii_alphabetic() || bytes[from] == b'!') {
            continue;
        }
        let name = html[from..from + name_len].to_ascii_lowercase();
        if FLAT.contains(&name.as_str()) {
            continue;
        }
        if closing {
            if open_by_name.get(&name).is_some_and(|&n| n > 0) {
                while let Some(top) = open.pop() {
                    if let Some(n) = open_by_name.get_mut(&top) {
                        *n -= 1;
                    }
                    if top == name {
                        break;
                    }
                }
            }
            continue;
        }
        // The tag's end, looked for no further than the next `<`: each byte
        // is then scanned at most twice (looking to the end of the page
        // from each of 400,000 `<d` took 47 s).
        let end = bytes[from..]
            .iter()
            .position(|&b| b == b'>' || b == b'<')
            .map(|e| from + e)
            .filter(|&e| bytes[e] == b'>');
        if end.is_some_and(|e| e > 0 && bytes[e - 1] == b'/') {
            continue;
        }
        *open_by_name.entry(name.clone()).or_default() += 1;
        open.push(name);
        max = max.max(open.len());
    }
    max
}

/// The text of an HTML page and what its markup says about the article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlPage {
    /// The visible text, one block (paragraph, heading, list item) a line.
    pub text: String,
    pub hints: PageHints,
}

/// Metadata known from outside the page's text (HTML markup).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageHints {
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "textarea", "head", "object", "canvas",
];

/// Elements that break lines.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "figcaption",
    "figure",
    "hr",
    "td",
    "th",
    "time",
    "address",
    "center",
];

/// The charset an HTML page declares in its first bytes (`<meta
/// charset="windows-1256">`, or `content="text/html; charset=..."`).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head: String = head
        .iter()
        .map(|&b| (b as char).to_ascii_lowercase())
        .collect();
    let mut rest = head.as_str();
    while let Some(pos) = rest.find("charset") {
        let after = rest[pos + "charset".len()..].trim_start();
        rest = &rest[pos + "charset".len()..];
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start().trim_start_matches(['"', '\'']);
        let label: String = value
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        if let Some(encoding) = super::encoding::encoding_for_label(&label) {
            return Some(encoding);
        }
    }
    None
}

/// Parses an HTML document into its text lines and metadata hints.
pub fn extract(html: &str) -> HtmlPage {
    let doc = Html::parse_document(html);
    let mut hints = PageHints::default();
    let mut head_title: Option<String> = None;
    let mut og_title: Option<String> = None;
    let mut h1: Option<String> = None;
    let mut time_date: Option<NaiveDate> = None;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Depth inside dropped elements (0: keeping text).
    let mut dropped_depth = 0usize;
    let mut h1_depth: Option<String> = None;
    let mut json_ld: Option<JsonLdArticle> = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    match name {
                        "meta" => read_meta(el, &mut hints, &mut og_title),
                        "link" => {
                            let canonical = el
                                .attr("rel")
                                .is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                            if canonical {
                                if let Some(href) = el.attr("href").map(str::trim) {
                                    hints.url.get_or_insert_with(|| href.to_string());
                                }
                            }
                        }
                        "title" if head_title.is_none() => {
                            let text: String = node
                                .children()
                                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                                .collect();
                            head_title = clean(&text);
                        }
                        "script"
                            if el
                                .attr("type")
                                .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
                        {
                            let text: String = node
                                .children()
                                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                                .collect();
                            if let Some(found) = json_ld_article(&text) {
                                json_ld.get_or_insert(found);
                            }
                        }
                        "time" if time_date.is_none() => {
                            time_date = el.attr("datetime").and_then(parse_date);
                        }
                        _ => {}
                    }
                    if DROPPED.contains(&name) {
                        dropped_depth += 1;
                    } else if dropped_depth == 0 && BLOCKS.contains(&name) {
                        push_line(&mut lines, &mut line);
                    }
                    if name == "h1" && h1.is_none() && dropped_depth == 0 {
                        h1_depth = Some(String::new());
                    }
                }
                Node::Text(text) if dropped_depth == 0 => {
                    line.push_str(text);
                    if let Some(h) = h1_depth.as_mut() {
                        h.push_str(text);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if DROPPED.contains(&name) {
                        dropped_depth = dropped_depth.saturating_sub(1);
                    } else if dropped_depth == 0 && BLOCKS.contains(&name) {
                        push_line(&mut lines, &mut line);
                    }
                    if name == "h1" {
                        if let Some(text) = h1_depth.take() {
                            h1 = clean(&text);
                        }
                    }
                }
            }
        }
    }
    push_line(&mut lines, &mut line);
    // A NewsArticle's JSON-LD is the most explicit of the page's signals.
    let json_ld = json_ld.unwrap_or_default();
    hints.date = json_ld.date.or(hints.date).or(time_date);
    hints.source = json_ld.publisher.or(hints.source);
    hints.title = json_ld
        .headline
        .or(og_title)
        .or(h1)
        .or_else(|| head_title.map(|t| strip_site_suffix(&t, hints.source.as_deref())));
    HtmlPage {
        text: lines.join("\n"),
        hints,
    }
}

/// What a page's JSON-LD says of its article.
#[derive(Debug, Default)]
struct JsonLdArticle {
    headline: Option<String>,
    date: Option<NaiveDate>,
    publisher: Option<String>,
}

/// The article a JSON-LD block describes: the first object (at the top, in
/// a list, or in `@graph`) whose `@type` is an article type.
fn json_ld_article(text: &str) -> Option<JsonLdArticle> {
    let value: serde_json::Value = serde_json::from_str(text.trim()).ok()?;
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            serde_json::Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
                let types: Vec<&str> = match map.get("@type") {
                    Some(serde_json::Value::String(t)) => vec![t.as_str()],
                    Some(serde_json::Value::Array(ts)) => {
                        ts.iter().filter_map(|t| t.as_str()).collect()
                    }
                    _ => Vec::new(),
                };
                let is_article = types.iter().any(|t| {
                    matches!(
                        *t,
                        "NewsArticle"
                            | "Article"
                            | "ReportageNewsArticle"
                            | "AnalysisNewsArticle"
                            | "OpinionNewsArticle"
                            | "BlogPosting"
                            | "Report"
                    )
                });
                if is_article {
                    let text_of = |key: &str| map.get(key).and_then(|v| v.as_str()).and_then(clean);
                    let publisher = match map.get("publisher") {
                        Some(serde_json::Value::Object(p)) => {
                            p.get("name").and_then(|n| n.as_str()).and_then(clean)
                        }
                        Some(serde_json::Value::String(name)) => clean(name),
                        _ => None,
                    };
                    return Some(JsonLdArticle {
                        headline: text_of("headline"),
                        date: text_of("datePublished").as_deref().and_then(parse_date),
                        publisher,
                    });
                }
            }
            _ => {}
        }
    }
    None
}

fn read_meta(el: &scraper::node::Element, hints: &mut PageHints, og_title: &mut Option<String>) {
    let key = el
        .attr("property")
        .or_else(|| el.attr("name"))
        .or_else(|| el.attr("itemprop"))
        .map(str::to_ascii_lowercase);
    let (Some(key), Some(content)) = (key, el.attr("content")) else {
        return;
    };
    match key.as_str() {
        "og:title" | "twitter:title" if og_title.is_none() => *og_title = clean(content),
        "og:site_name" | "application-name" if hints.source.is_none() => {
            hints.source = clean(content)
        }
        "og:url" if hints.url.is_none() => hints.url = clean(content),
        "article:published_time"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publish-date"
        | "dc.date"
        | "dc.date.issued"
        | "sailthru.date"
        | "parsely-pub-date"
            if hints.date.is_none() =>
        {
            hints.date = parse_date(content)
        }
        _ => {}
    }
}

/// Collapses white space; `None` when nothing is left.
fn clean(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

fn push_line(lines: &mut Vec<String>, line: &mut String) {
    if let Some(text) = clean(line) {
        lines.push(text);
    }
    line.clear();
}

/// `Headline | Site` or `Headline - Site` → `Headline`, when the site is
/// known (its name, or a short last part after a separator).
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()));
            if is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_names_the_headline_date_and_publisher() {
        let html = r#"<html><head><title>Accueil | Le Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Le Site"},
              {"@type":["NewsArticle"],"headline":"Tanger Med dépasse les huit millions de conteneurs",
               "datePublished":"2024-01-09T07:15:00+01:00","dateModified":"2024-01-10T09:00:00+01:00",
               "publisher":{"@type":"Organization","name":"Le Desk"}}]}</script></head>
            <body><h1>Tanger Med dépasse les huit millions de conteneurs</h1>
            <p>Le port a traité plus de huit millions de conteneurs l'an dernier.</p></body></html>"#;
        let page = extract(html);
        assert_eq!(
            page.hints.title.as_deref(),
            Some("Tanger Med dépasse les huit millions de conteneurs")
        );
        assert_eq!(page.hints.date, NaiveDate::from_ymd_opt(2024, 1, 9));
        assert_eq!(page.hints.source.as_deref(), Some("Le Desk"));
        // A broken block is ignored, not fatal.
        let page = extract(
            r#"<script type="application/ld+json">{"@type": "NewsArt</script><p>Texte.</p>"#,
        );
        assert_eq!(page.hints.source, None);
        assert_eq!(page.text, "Texte.");
    }

    #[test]
    fn text_and_metadata() {
        let html = r#"<!doctype html><html><head><meta charset="utf-8">
            <title>Le budget | Akhbar Test</title>
            <meta property="og:site_name" content="Akhbar Test">
            <meta property="article:published_time" content="2023-07-04T08:00:00+01:00">
            <link rel="canonical" href="https://example.org/budget">
            <style>p { color: red }</style><script>var x = "<p>caché</p>";</script></head>
            <body><nav><a>Accueil</a> <a>Économie</a></nav>
            <article><h1>Le budget</h1><p>Premier <b>paragraphe</b>.</p><p>Second<br>ligne.</p></article>
            <footer>© tous droits réservés</footer></body></html>"#;
        let page = extract(html);
        assert_eq!(page.text, "Le budget\nPremier paragraphe.\nSecond\nligne.");
        assert_eq!(page.hints.title.as_deref(), Some("Le budget"));
        assert_eq!(page.hints.source.as_deref(), Some("Akhbar Test"));
        assert_eq!(
            page.hints.url.as_deref(),
            Some("https://example.org/budget")
        );
        assert_eq!(page.hints.date, NaiveDate::from_ymd_opt(2023, 7, 4));
    }

    #[test]
    fn charset_is_read_from_meta() {
        let page = b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>";
        assert_eq!(declared_charset(page), Some(encoding_rs::WINDOWS_1256));
        assert_eq!(
            declared_charset(b"<meta charset=\"ISO-8859-6\">"),
            Some(encoding_rs::ISO_8859_6)
        );
        assert_eq!(declared_charset(b"<p>no charset here</p>"), None);
    }

    #[test]
    fn nesting_is_measured_from_the_tags() {
        assert_eq!(nesting_depth("<div><p>a<p>b<br><img src=x/></div>"), 1);
        assert_eq!(
            nesting_depth("<html><body><div><span>x</span></div></body></html>"),
            4
        );
        assert_eq!(nesting_depth("<!-- <div><div> --><div/><b>x</b>"), 1);
        let deep = "<div>".repeat(10_000) + "x" + &"</div>".repeat(10_000);
        assert_eq!(nesting_depth(&deep), 10_000);
        // Text that holds `<` is not a tag.
        assert_eq!(nesting_depth("<p>1 < 2 et 3 <4</p>"), 0);
        // A closing tag with no open element of its name closes nothing; one
        // that has closes the elements opened after it too.
        assert_eq!(nesting_depth(&"<label>x</labl>".repeat(5)), 5);
        assert_eq!(nesting_depth("<div><span><b>x</div><div>y</div>"), 3);
        // Linear without any `>` (found by akhbar-fuzz): every `<d` opens.
        assert_eq!(nesting_depth(&"<d".repeat(400_000)), 400_000);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(3_000) + "texte" + &"</div>".repeat(3_000);
        assert_eq!(extract(&html).text, "texte");
    }
}
