//! Near-duplicate collapsing at search time: one hit per group of copies
//! (wire stories republished by several outlets), and the count of groups.

use std::collections::HashSet;

use tantivy::collector::DocSetCollector;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DateTime, DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader, Term};

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

/// The other copies of a hit's group.
pub struct Copies {
    /// The first [`MAX_COPIES`] other members, in index order.
    pub listed: Vec<Duplicate>,
    /// How many other members there are.
    pub count: u64,
    /// The member published first (earliest date, the hit included; ties go
    /// to the earlier indexed), when the group has other members and one
    /// has a date.
    pub first: Option<Duplicate>,
}

/// The members of group `group`, in index order: read from fast fields,
/// so a story republished 30 times lists its copies without decompressing
/// stored bodies.
pub fn members(
    searcher: &Searcher,
    fields: &Fields,
    group: &str,
) -> tantivy::Result<Vec<(DocAddress, Duplicate)>> {
    let query = TermQuery::new(
        Term::from_field_text(fields.group, group),
        IndexRecordOption::Basic,
    );
    let mut addresses: Vec<DocAddress> = searcher
        .search(&query, &DocSetCollector)?
        .into_iter()
        .collect();
    addresses.sort_unstable();
    let mut out = Vec::with_capacity(addresses.len());
    let mut columns: Option<(u32, CopyColumns)> = None;
    for address in addresses {
        let cols = match &columns {
            Some((ord, cols)) if *ord == address.segment_ord => cols,
            _ => {
                let segment = searcher.segment_reader(address.segment_ord);
                &columns
                    .insert((address.segment_ord, CopyColumns::new(segment)?))
                    .1
            }
        };
        let doc = address.doc_id;
        let value = |c: &Option<StrColumn>| c.as_ref().and_then(|c| str_value(c, doc));
        out.push((
            address,
            Duplicate {
                id: value(&cols.id).unwrap_or_default(),
                source: value(&cols.source),
                path: value(&cols.path).unwrap_or_default(),
                date: cols
                    .date
                    .as_ref()
                    .and_then(|c| c.first(doc))
                    .and_then(super::day_of),
            },
        ));
    }
    Ok(out)
}

/// The other copies of the hit `id` in group `group`: the first
/// [`MAX_COPIES`] described, how many there are, and which was published first.
pub fn copies(
    searcher: &Searcher,
    fields: &Fields,
    group: &str,
    id: &str,
) -> tantivy::Result<Copies> {
    let all = members(searcher, fields, group)?;
    let count = all.iter().filter(|(_, m)| m.id != id).count() as u64;
    // `YYYY-MM-DD` strings order as dates.
    let first = if count > 0 {
        all.iter()
            .filter(|(_, m)| m.date.is_some())
            .min_by(|(a, x), (b, y)| x.date.cmp(&y.date).then(a.cmp(b)))
            .map(|(_, m)| m.clone())
    } else {
        None
    };
    let listed = all
        .into_iter()
        .map(|(_, m)| m)
        .filter(|m| m.id != id)
        .take(MAX_COPIES)
        .collect();
    Ok(Copies {
        listed,
        count,
        first,
    })
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
