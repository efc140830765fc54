//! JSON Lines records (`.jsonl`, `.ndjson`, also `.gz`/`.zst`): one article
//! a line, with `id`, `title`, `body`, `date`, `source`, `url`, `lang`
//! (renamed by a [`FieldMap`]); only `body` is required.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::fields::FieldMap;
pub use super::fields::Record;

/// Why a line is not a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// Not JSON, or not an object: the parser's message.
    Malformed(String),
    /// No `body` (or an empty one).
    MissingBody,
}

/// Parses one line with the fields under their own names.
#[cfg(test)]
pub fn parse_line(line: &str) -> Result<Record, RecordError> {
    parse_line_mapped(line, &FieldMap::default())
}

/// Parses one line, reading each field under the name `map` gives it.
/// Field values that are numbers are taken as text (an integer `id` is
/// common).
pub fn parse_line_mapped(line: &str, map: &FieldMap) -> Result<Record, RecordError> {
    let value: Value =
        serde_json::from_str(line).map_err(|e| RecordError::Malformed(e.to_string()))?;
    let Value::Object(object) = value else {
        return Err(RecordError::Malformed(
            "the line is JSON but not an object".into(),
        ));
    };
    Record::from_lookup(map, |name| text_field(&object, name)).ok_or(RecordError::MissingBody)
}

fn text_field<'a>(map: &'a Map<String, Value>, name: &str) -> Option<Cow<'a, str>> {
    match map.get(name)? {
        Value::String(s) => Some(Cow::Borrowed(s.as_str())),
        Value::Number(n) => Some(Cow::Owned(n.to_string())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_requires_body() {
        let rec =
            parse_line(r#"{"id": 7, "title": "T", "body": "B", "date": "2022-05-13"}"#).unwrap();
        assert_eq!(rec.id.as_deref(), Some("7"));
        assert_eq!(rec.body, "B");
        assert_eq!(
            parse_line(r#"{"title": "T"}"#),
            Err(RecordError::MissingBody)
        );
        assert!(matches!(
            parse_line("{not json"),
            Err(RecordError::Malformed(_))
        ));
        assert!(matches!(
            parse_line("[1,2]"),
            Err(RecordError::Malformed(_))
        ));
    }

    #[test]
    fn mapped_names_are_read() {
        let map = FieldMap::parse("body=text,date=published_at").unwrap();
        let rec =
            parse_line_mapped(r#"{"text": "B", "published_at": "2024-01-02"}"#, &map).unwrap();
        assert_eq!(
            (rec.body.as_str(), rec.date.as_deref()),
            ("B", Some("2024-01-02"))
        );
        assert_eq!(
            parse_line_mapped(r#"{"body": "B"}"#, &map),
            Err(RecordError::MissingBody)
        );
    }
}
