//! Near-duplicate collapsing at search time: one hit per group of copies
//! (wire stories republished by several outlets), and the count of groups.

use std::collections::HashSet;

use tantivy::collector::TopDocs;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    DateTime, DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader, TantivyDocument,
    Term,
};

use super::results::Duplicate;
use crate::dedup::KeySet;
use crate::index::Fields;

/// At most this many copies are described under a hit (all are counted).
pub const MAX_COPIES: usize = 10;

/// The fast field holding a 64-bit key of each article's duplicate group.
pub const GROUP_KEY_FIELD: &str = "group_key";

/// Counts the distinct duplicate groups among the matches.
pub struct GroupCount;

pub struct GroupCountSegment {
    column: Option<Column<u64>>,
    keys: KeySet,
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
            keys: KeySet::default(),
            unkeyed: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<(KeySet, u64)>) -> tantivy::Result<u64> {
        let mut fruits = fruits;
        fruits.sort_by_key(|(keys, _)| std::cmp::Reverse(keys.len()));
        let mut fruits = fruits.into_iter();
        let Some((mut all, mut unkeyed)) = fruits.next() else {
            return Ok(0);
        };
        for (keys, n) in fruits {
            all.extend(keys);
            unkeyed += n;
        }
        Ok(all.len() as u64 + unkeyed)
    }
}

impl SegmentCollector for GroupCountSegment {
    type Fruit = (KeySet, u64);

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

/// The other copies of a hit's group: the first [`MAX_COPIES`] described,
/// and how many there are. They are read from fast fields, so a story
/// republished 30 times lists its copies without decompressing stored bodies.
pub fn copies(
    searcher: &Searcher,
    fields: &Fields,
    doc: &TantivyDocument,
    id: &str,
) -> tantivy::Result<(Vec<Duplicate>, u64)> {
    let Some(group) = doc.get_first(fields.group).and_then(|v| v.as_str()) else {
        return Ok((Vec::new(), 0));
    };
    let query = TermQuery::new(
        Term::from_field_text(fields.group, group),
        IndexRecordOption::Basic,
    );
    let (mut members, count) = searcher.search(
        &query,
        &(
            TopDocs::with_limit(MAX_COPIES + 1).order_by_score(),
            tantivy::collector::Count,
        ),
    )?;
    members.sort_by_key(|(_, address)| *address);
    let mut out = Vec::new();
    let mut columns: Option<(u32, CopyColumns)> = None;
    for (_, address) in members {
        let cols = match &columns {
            Some((ord, cols)) if *ord == address.segment_ord => cols,
            _ => {
                let segment = searcher.segment_reader(address.segment_ord);
                &columns
                    .insert((address.segment_ord, CopyColumns::new(segment)?))
                    .1
            }
        };
        let member_id = cols.id.as_ref().and_then(|c| str_value(c, address.doc_id));
        let member_id = member_id.unwrap_or_default();
        if member_id == id || out.len() >= MAX_COPIES {
            continue;
        }
        out.push(Duplicate {
            id: member_id,
            source: cols
                .source
                .as_ref()
                .and_then(|c| str_value(c, address.doc_id)),
            path: cols
                .path
                .as_ref()
                .and_then(|c| str_value(c, address.doc_id))
                .unwrap_or_default(),
            date: cols
                .date
                .as_ref()
                .and_then(|c| c.first(address.doc_id))
                .and_then(super::day_of),
        });
    }
    Ok((out, (count as u64).saturating_sub(1)))
}

/// The fast-field columns a copy is described from, in one segment.
struct CopyColumns {
    id: Option<StrColumn>,
    source: Option<StrColumn>,
    path: Option<StrColumn>,
    date: Option<Column<DateTime>>,
}

impl CopyColumns {
    fn new(segment: &SegmentReader) -> tantivy::Result<Self> {
        let ff = segment.fast_fields();
        Ok(CopyColumns {
            id: ff.str("id")?,
            source: ff.str("source")?,
            path: ff.str("path")?,
            date: ff.date("date").ok(),
        })
    }
}

fn str_value(column: &StrColumn, doc: DocId) -> Option<String> {
    let ord = column.term_ords(doc).next()?;
    let mut out = String::new();
    column.ord_to_str(ord, &mut out).ok()?.then_some(out)
}
