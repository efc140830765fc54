//! JSON Lines records (`.jsonl`, `.ndjson`, also `.gz`/`.zst`): one article
//! a line, with `id`, `title`, `body`, `date`, `source`, `url`, `lang`; only
//! `body` is required.

use serde_json::{Map, Value};

/// The fields of one record, before language detection.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub id: Option<String>,
    pub title: String,
    pub body: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
}

/// Why a line is not a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// Not JSON, or not an object: the parser's message.
    Malformed(String),
    /// No `body` (or an empty one).
    MissingBody,
}

/// Parses one line. Field values that are numbers are taken as text (an
/// integer `id` is common).
pub fn parse_line(line: &str) -> Result<Record, RecordError> {
    let value: Value =
        serde_json::from_str(line).map_err(|e| RecordError::Malformed(e.to_string()))?;
    let Value::Object(map) = value else {
        return Err(RecordError::Malformed("the line is JSON but not an object".into()));
    };
    let body = text_field(&map, "body").unwrap_or_default();
    if body.trim().is_empty() {
        return Err(RecordError::MissingBody);
    }
    Ok(Record {
        id: text_field(&map, "id"),
        title: text_field(&map, "title").unwrap_or_default(),
        body,
        date: text_field(&map, "date"),
        source: text_field(&map, "source"),
        url: text_field(&map, "url"),
        lang: text_field(&map, "lang"),
    })
}

fn text_field(map: &Map<String, Value>, name: &str) -> Option<String> {
    match map.get(name)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_requires_body() {
        let rec = parse_line(r#"{"id": 7, "title": "T", "body": "B", "date": "2022-05-13"}"#).unwrap();
        assert_eq!(rec.id.as_deref(), Some("7"));
        assert_eq!(rec.body, "B");
        assert_eq!(parse_line(r#"{"title": "T"}"#), Err(RecordError::MissingBody));
        assert!(matches!(parse_line("{not json"), Err(RecordError::Malformed(_))));
        assert!(matches!(parse_line("[1,2]"), Err(RecordError::Malformed(_))));
    }
}
