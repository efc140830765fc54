//! Which segments to merge, and within what memory: a bounded plan.
//!
//! A merge reads its input segments through memory maps, and every page it
//! reads stays resident while the merge runs: merging 400 MB of segments
//! adds 400 MB to the process's resident memory. tantivy's default policy
//! (`LogMergePolicy`) merges in the background while documents are still
//! being indexed (on top of the writer's heap), runs several merges at
//! once, and keeps merging until segments reach 10M documents: at 1M
//! articles it once mapped 2.1 GB in the last minute of a build.
//!
//! akhbar therefore merges nothing while it indexes. Once the writer has
//! committed and its heap is freed, [`MergePlan`] picks groups of small
//! segments whose files add up to at most [`MergePlan::max_bytes`] (a share
//! of the memory budget), and they are merged one group at a time
//! ([`crate::index::writer::ArticleWriter::commit`]). Segments larger than
//! half the limit are never merged, so a large index ends with one segment
//! per flush of the writer's heap (14 of about 190 MB at 1M articles with
//! the default budget), searched in parallel; `akhbar-index --merge` merges
//! everything into one on demand (and maps the whole index while it runs).
//!
//! ```
//! use akhbar::index::{MergePlan, SegmentSize};
//! let plan = MergePlan { max_bytes: 100, min_segments: 3, max_deleted_ratio: 0.3 };
//! let seg = |id: u32, bytes: u64| SegmentSize { id, bytes, deleted_ratio: 0.0 };
//! // 10 + 20 + 30 fit in 100; 90 is over half the limit and stays alone.
//! let groups = plan.groups(&[seg(1, 30), seg(2, 90), seg(3, 10), seg(4, 20)]);
//! assert_eq!(groups, vec![vec![3, 4, 1]]);
//! ```

/// What the plan needs to know of a segment: an id of the caller's choice,
/// the size of its files and the share of its documents that are deleted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SegmentSize<Id> {
    pub id: Id,
    pub bytes: u64,
    pub deleted_ratio: f32,
}

/// A segment joins a group only if it is at most this many times the
/// group's size so far (segments of like sizes are merged, as in a
/// log-structured merge).
const MAX_STEP: u64 = 2;

/// Merges the smallest segments together, up to a size limit in bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MergePlan {
    /// The input segments of one merge add up to at most this many bytes
    /// (what the merge maps into memory at once).
    pub max_bytes: u64,
    /// Segments merged at once, at least (fewer merges, less rewriting).
    pub min_segments: usize,
    /// A segment with more deleted documents than this share is rewritten
    /// without them, even alone (files re-read by incremental runs).
    pub max_deleted_ratio: f32,
}

impl MergePlan {
    /// A plan whose merges map at most `max_bytes` at once.
    pub fn within(max_bytes: u64) -> MergePlan {
        MergePlan {
            max_bytes,
            min_segments: 3,
            max_deleted_ratio: 0.3,
        }
    }

    /// The groups of segments to merge, each given by the ids of its
    /// segments; merged one after the other, every group stays within
    /// `max_bytes`.
    pub fn groups<Id: Copy + PartialEq>(&self, segments: &[SegmentSize<Id>]) -> Vec<Vec<Id>> {
        let mut small: Vec<&SegmentSize<Id>> = segments
            .iter()
            .filter(|s| s.bytes <= self.max_bytes / 2)
            .collect();
        small.sort_by_key(|s| s.bytes);
        let mut groups: Vec<Vec<Id>> = Vec::new();
        let mut group: Vec<Id> = Vec::new();
        let mut bytes = 0u64;
        for segment in small {
            // A segment much larger than the smaller ones gathered so far
            // starts a group of its own: adding a night's few articles to
            // two large segments would rewrite the large ones every night.
            let too_large = segment.bytes > bytes.saturating_mul(MAX_STEP);
            if !group.is_empty() && (bytes + segment.bytes > self.max_bytes || too_large) {
                if group.len() >= self.min_segments {
                    groups.push(std::mem::take(&mut group));
                }
                group.clear();
                bytes = 0;
            }
            bytes += segment.bytes;
            group.push(segment.id);
        }
        if group.len() >= self.min_segments {
            groups.push(group);
        }
        for segment in segments {
            let merged = groups.iter().any(|g| g.contains(&segment.id));
            if segment.deleted_ratio > self.max_deleted_ratio
                && !merged
                && segment.bytes <= self.max_bytes
            {
                groups.push(vec![segment.id]);
            }
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(bytes: &[u64]) -> Vec<SegmentSize<usize>> {
        bytes
            .iter()
            .enumerate()
            .map(|(id, &bytes)| SegmentSize {
                id,
                bytes,
                deleted_ratio: 0.0,
            })
            .collect()
    }

    fn merged_bytes(plan: &MergePlan, segments: &[SegmentSize<usize>]) -> Vec<Vec<u64>> {
        plan.groups(segments)
            .iter()
            .map(|g| g.iter().map(|&id| segments[id].bytes).collect())
            .collect()
    }

    #[test]
    fn merges_small_segments_up_to_the_limit_and_leaves_large_ones() {
        let plan = MergePlan::within(150);
        let segments = sizes(&[40, 150, 30, 50, 45, 90]);
        let groups = merged_bytes(&plan, &segments);
        // 30 + 40 + 45 = 115; + 50 would exceed 150. 150 and 90 (over half
        // the limit) are never merged.
        assert_eq!(groups, vec![vec![30, 40, 45]]);
        for group in &groups {
            assert!(group.iter().sum::<u64>() <= plan.max_bytes);
        }
    }

    #[test]
    fn too_few_small_segments_are_left_alone() {
        let plan = MergePlan::within(150);
        assert!(merged_bytes(&plan, &sizes(&[10, 20, 150])).is_empty());
        assert_eq!(
            merged_bytes(&plan, &sizes(&[10, 20, 30, 40])),
            vec![vec![10, 20, 30, 40]]
        );
    }

    #[test]
    fn a_small_new_segment_does_not_drag_large_ones_into_a_merge() {
        let plan = MergePlan::within(460);
        // One night's segment beside two flushes of a large build: merging
        // them would rewrite 350 bytes to add 2.
        assert!(merged_bytes(&plan, &sizes(&[175, 2, 175])).is_empty());
        // Three nights' segments are merged together, the large ones left.
        assert_eq!(
            merged_bytes(&plan, &sizes(&[175, 2, 175, 3, 2])),
            vec![vec![2, 2, 3]]
        );
    }

    #[test]
    fn segments_heavy_with_deletions_are_rewritten_alone() {
        let plan = MergePlan::within(150);
        let mut segments = sizes(&[100, 120, 10]);
        segments[1].deleted_ratio = 0.5;
        segments[2].deleted_ratio = 0.9;
        // 120 is within the limit: rewritten alone; 100 has no deletions.
        // 10 is small but alone, so it is rewritten for its deletions.
        assert_eq!(merged_bytes(&plan, &segments), vec![vec![120], vec![10]]);
        segments[1].bytes = 200;
        assert_eq!(merged_bytes(&plan, &segments), vec![vec![10]]);
    }

    #[test]
    fn every_group_fits_the_limit() {
        let plan = MergePlan::within(1_000);
        let segments = sizes(&[120, 480, 7, 333, 250, 90, 499, 60, 61, 300, 2, 410]);
        let groups = merged_bytes(&plan, &segments);
        assert!(!groups.is_empty());
        for group in groups {
            assert!(group.len() >= plan.min_segments);
            assert!(group.iter().sum::<u64>() <= plan.max_bytes, "{group:?}");
        }
    }
}
