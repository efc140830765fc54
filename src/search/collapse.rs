//! Near-duplicate collapsing at search time: one hit per group of copies
//! (wire stories republished by several outlets), and the count of groups.

use std::collections::HashSet;

use tantivy::collector::TopDocs;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader, TantivyDocument, Term,
};

use super::results::Duplicate;
use crate::index::Fields;

/// At most this many copies are listed under a hit.
pub const MAX_COPIES: usize = 50;

/// The fast field holding a 64-bit key of each article's duplicate group.
pub const GROUP_KEY_FIELD: &str = "group_key";

/// Counts the distinct duplicate groups among the matches.
pub struct GroupCount;

pub struct GroupCountSegment {
    column: Option<Column<u64>>,
    keys: HashSet<u64>,
    /// Matches without a key (each its own group).
    unkeyed: u64,
}

impl Collector for GroupCount {
    type Fruit = u64;
    type Child = GroupCountSegment;

    fn for_segment(
        &self,
        _ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<GroupCountSegment> {
        let column = segment.fast_fields().u64(GROUP_KEY_FIELD).ok();
        Ok(GroupCountSegment {
            column,
            keys: HashSet::new(),
            unkeyed: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<(HashSet<u64>, u64)>) -> tantivy::Result<u64> {
        let mut all: HashSet<u64> = HashSet::new();
        let mut unkeyed = 0;
        for (keys, n) in fruits {
            all.extend(keys);
            unkeyed += n;
        }
        Ok(all.len() as u64 + unkeyed)
    }
}

impl SegmentCollector for GroupCountSegment {
    type Fruit = (HashSet<u64>, u64);

    fn collect(&mut self, doc: DocId, _score: Score) {
        match self.column.as_ref().and_then(|c| c.first(doc)) {
            Some(key) => {
                self.keys.insert(key);
            }
            None => self.unkeyed += 1,
        }
    }

    fn harvest(self) -> Self::Fruit {
        (self.keys, self.unkeyed)
    }
}

/// The 64-bit key of a group id, as stored in [`GROUP_KEY_FIELD`].
pub fn group_key(group: &str) -> u64 {
    let hash = blake3::hash(group.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&hash.as_bytes()[..8]);
    u64::from_le_bytes(bytes)
}

/// Keeps the first (best ranked) article of each group, in order.
pub fn first_of_each_group(
    searcher: &Searcher,
    ranked: Vec<(f32, DocAddress)>,
) -> Vec<(f32, DocAddress)> {
    let columns: Vec<Option<Column<u64>>> = searcher
        .segment_readers()
        .iter()
        .map(|s| s.fast_fields().u64(GROUP_KEY_FIELD).ok())
        .collect();
    let mut seen = HashSet::new();
    ranked
        .into_iter()
        .filter(|(_, address)| {
            let key = columns
                .get(address.segment_ord as usize)
                .and_then(|c| c.as_ref())
                .and_then(|c| c.first(address.doc_id));
            match key {
                Some(key) => seen.insert(key),
                None => true,
            }
        })
        .collect()
}

/// The other articles of a hit's group (the hit itself left out).
pub fn copies(
    searcher: &Searcher,
    fields: &Fields,
    doc: &TantivyDocument,
    id: &str,
) -> tantivy::Result<Vec<Duplicate>> {
    let Some(group) = doc.get_first(fields.group).and_then(|v| v.as_str()) else {
        return Ok(Vec::new());
    };
    let query = TermQuery::new(
        Term::from_field_text(fields.group, group),
        IndexRecordOption::Basic,
    );
    let members = searcher.search(
        &query,
        &TopDocs::with_limit(MAX_COPIES + 1).order_by_score(),
    )?;
    let mut out = Vec::new();
    for (_, address) in members {
        let member: TantivyDocument = searcher.doc(address)?;
        let text = |field| {
            member
                .get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let member_id = text(fields.id).unwrap_or_default();
        if member_id == id || out.len() >= MAX_COPIES {
            continue;
        }
        let date = super::stored_day(&member, fields.date);
        out.push(Duplicate {
            id: member_id,
            source: text(fields.source),
            path: text(fields.path).unwrap_or_default(),
            date,
        });
    }
    Ok(out)
}
