//! Counts of all matching articles by language, languages present, year,
//! month, day and source.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::{FacetCollector, FacetCounts};

use crate::index::Fields;

/// The facets akhbar counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetKind {
    Lang,
    Langs,
    Year,
    Month,
    Day,
    Source,
}

impl FacetKind {
    pub const ALL: [FacetKind; 6] = [
        FacetKind::Lang,
        FacetKind::Langs,
        FacetKind::Year,
        FacetKind::Month,
        FacetKind::Day,
        FacetKind::Source,
    ];
    /// What the default search output counts.
    pub const DEFAULT: [FacetKind; 5] = [
        FacetKind::Lang,
        FacetKind::Langs,
        FacetKind::Year,
        FacetKind::Month,
        FacetKind::Source,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FacetKind::Lang => "lang",
            FacetKind::Langs => "langs",
            FacetKind::Year => "year",
            FacetKind::Month => "month",
            FacetKind::Day => "day",
            FacetKind::Source => "source",
        }
    }

    pub fn from_name(name: &str) -> Option<FacetKind> {
        FacetKind::ALL.into_iter().find(|k| k.name() == name.trim())
    }

    pub(crate) fn field_name(self) -> &'static str {
        match self {
            FacetKind::Lang => "facet_lang",
            FacetKind::Langs => "facet_langs",
            FacetKind::Year => "facet_year",
            FacetKind::Month => "facet_month",
            FacetKind::Day => "facet_day",
            FacetKind::Source => "facet_source",
        }
    }
}

/// A collector counting one facet over every match.
pub fn collector(kind: FacetKind, _fields: &Fields) -> FacetCollector {
    let mut collector = FacetCollector::for_field(kind.field_name());
    collector.add_facet("/");
    collector
}

/// The counts of one facet, value → number of matching articles.
pub fn counts(counts: &FacetCounts) -> BTreeMap<String, u64> {
    counts
        .get("/")
        .map(|(facet, count)| {
            let value = facet
                .to_path()
                .last()
                .map(|s| s.to_string())
                .unwrap_or_default();
            (value, count)
        })
        .collect()
}

/// Facet counts by facet name, in the JSON contract's shape.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Facets(pub BTreeMap<&'static str, BTreeMap<String, u64>>);

impl Facets {
    /// The counts of one facet (empty when it was not asked for).
    pub fn get(&self, kind: FacetKind) -> BTreeMap<String, u64> {
        self.0.get(kind.name()).cloned().unwrap_or_default()
    }

    /// The values of one facet, most frequent first (ties by value), at most `limit`.
    pub fn top(&self, kind: FacetKind, limit: usize) -> Vec<(String, u64)> {
        let mut values: Vec<(String, u64)> = self.get(kind).into_iter().collect();
        match kind {
            FacetKind::Year | FacetKind::Month | FacetKind::Day => {
                values.sort_by(|a, b| b.0.cmp(&a.0))
            }
            _ => values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0))),
        }
        values.truncate(limit);
        values
    }
}
