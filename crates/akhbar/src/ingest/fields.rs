//! The fields of a record (JSON Lines, CSV/TSV), and `--map` which renames
//! them when a corpus uses other names (`body=text,date=published_at`).

use std::collections::BTreeMap;

/// The fields akhbar reads from a record; only `body` is required.
pub const FIELDS: [&str; 7] = ["id", "title", "body", "date", "source", "url", "lang"];

/// Where each field is found in a record: `body` in column `text`, and so
/// on. Fields not mapped are read under their own name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMap {
    renames: BTreeMap<&'static str, String>,
}

/// The error for a `--map` that names no field akhbar knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldMapError {
    #[error(
        "unknown field `{0}` in --map: the fields are id, title, body, date, source, url, lang"
    )]
    UnknownField(String),
    #[error("`{0}` in --map is not FIELD=NAME (example: --map body=text,date=published_at)")]
    NotAPair(String),
}

impl FieldMap {
    /// Parses `body=text,date=published_at` (pairs separated by commas; the
    /// field first, the record's name for it second).
    pub fn parse(spec: &str) -> Result<FieldMap, FieldMapError> {
        let mut map = FieldMap::default();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (field, name) = pair
                .split_once('=')
                .map(|(f, n)| (f.trim(), n.trim()))
                .filter(|(f, n)| !f.is_empty() && !n.is_empty())
                .ok_or_else(|| FieldMapError::NotAPair(pair.to_string()))?;
            let field = FIELDS
                .iter()
                .find(|known| known.eq_ignore_ascii_case(field))
                .ok_or_else(|| FieldMapError::UnknownField(field.to_string()))?;
            map.renames.insert(field, name.to_string());
        }
        Ok(map)
    }

    /// Adds the renames of `other` (later ones win).
    pub fn extend(&mut self, other: FieldMap) {
        self.renames.extend(other.renames);
    }

    /// The name under which `field` is found in a record.
    pub fn name_of<'a>(&'a self, field: &'a str) -> &'a str {
        self.renames.get(field).map(String::as_str).unwrap_or(field)
    }
}

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

impl Record {
    /// Builds a record from a lookup of field values by name (trimmed; empty
    /// values are absent). `None` when there is no body.
    pub fn from_lookup<'a>(
        map: &FieldMap,
        mut get: impl FnMut(&str) -> Option<std::borrow::Cow<'a, str>>,
    ) -> Option<Record> {
        let mut field = |name: &str| -> Option<String> {
            let value = get(map.name_of(name))?;
            let value = value.trim();
            (!value.is_empty()).then(|| value.to_string())
        };
        let body = field("body")?;
        Some(Record {
            id: field("id"),
            title: field("title").unwrap_or_default(),
            body,
            date: field("date"),
            source: field("source"),
            url: field("url"),
            lang: field("lang"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_map() {
        let map = FieldMap::parse("body=text, date=published_at").unwrap();
        assert_eq!(map.name_of("body"), "text");
        assert_eq!(map.name_of("date"), "published_at");
        assert_eq!(map.name_of("title"), "title");
        assert_eq!(
            FieldMap::parse("content=text"),
            Err(FieldMapError::UnknownField("content".into()))
        );
        assert!(matches!(
            FieldMap::parse("body"),
            Err(FieldMapError::NotAPair(_))
        ));
        let message = FieldMap::parse("x=y").unwrap_err().to_string();
        assert!(message.contains("id, title, body, date, source, url, lang"));
    }
}
