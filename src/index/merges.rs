//! Which segments to merge while indexing: a bounded policy.
//!
//! tantivy's default (`LogMergePolicy`) keeps merging until segments reach
//! 10M documents. A merge reads its input segments through memory maps, so a
//! late merge of a large index maps gigabytes at once: at 1M articles, peak
//! resident memory went from under 1 GB to 2.8 GB in the last minute of a
//! build. [`BoundedMerges`] merges small segments into segments of at most
//! [`BoundedMerges::max_docs`] documents and never touches larger ones, so
//! what one merge maps stays bounded. A large index ends with one segment per
//! flush of the writer's heap or per `max_docs`, whichever is larger (14
//! segments of about 71k articles at 1M with the default budget), searched
//! in parallel; `akhbar-index --merge` merges everything into one on demand
//! (and maps the whole index while it runs).

use tantivy::index::SegmentMeta;
use tantivy::indexer::{MergeCandidate, MergePolicy};

/// Merges the smallest segments together, up to a size limit.
#[derive(Debug, Clone)]
pub struct BoundedMerges {
    /// A merge never produces more documents than this.
    pub max_docs: u32,
    /// Segments merged at once, at least (fewer merges, less rewriting).
    pub min_segments: usize,
    /// A segment with more deleted documents than this share is merged
    /// (rewritten without them) even alone.
    pub max_deleted_ratio: f32,
}

impl Default for BoundedMerges {
    fn default() -> Self {
        BoundedMerges {
            max_docs: 150_000,
            min_segments: 3,
            max_deleted_ratio: 0.3,
        }
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let mut small: Vec<&SegmentMeta> = segments
            .iter()
            .filter(|s| s.num_docs() <= self.max_docs / 2)
            .collect();
        small.sort_by_key(|s| s.num_docs());
        let mut candidates = Vec::new();
        let mut group: Vec<&SegmentMeta> = Vec::new();
        let mut docs = 0u64;
        for segment in small {
            if docs + u64::from(segment.num_docs()) > u64::from(self.max_docs) {
                if group.len() >= self.min_segments {
                    candidates.push(MergeCandidate(group.iter().map(|s| s.id()).collect()));
                }
                group.clear();
                docs = 0;
            }
            docs += u64::from(segment.num_docs());
            group.push(segment);
        }
        if group.len() >= self.min_segments {
            candidates.push(MergeCandidate(group.iter().map(|s| s.id()).collect()));
        }
        // Segments heavy with deletions (files re-read by incremental runs)
        // are rewritten alone.
        for segment in segments {
            let deleted = segment.num_deleted_docs() as f32 / segment.max_doc().max(1) as f32;
            let merged = candidates.iter().any(|c| c.0.contains(&segment.id()));
            if deleted > self.max_deleted_ratio && !merged && segment.num_docs() <= self.max_docs {
                candidates.push(MergeCandidate(vec![segment.id()]));
            }
        }
        candidates
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::index::SegmentId;
    use tantivy::Index;

    fn inventory() -> Index {
        Index::create_in_ram(tantivy::schema::Schema::builder().build())
    }

    fn metas(index: &Index, sizes: &[u32]) -> Vec<SegmentMeta> {
        sizes
            .iter()
            .map(|&n| index.new_segment_meta(SegmentId::generate_random(), n))
            .collect()
    }

    fn merged_sizes(policy: &BoundedMerges, segments: &[SegmentMeta]) -> Vec<Vec<u32>> {
        policy
            .compute_merge_candidates(segments)
            .iter()
            .map(|c| {
                c.0.iter()
                    .map(|id| {
                        segments
                            .iter()
                            .find(|s| s.id() == *id)
                            .map_or(0, |s| s.num_docs())
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn merges_small_segments_up_to_the_limit_and_leaves_large_ones() {
        let inventory = inventory();
        let policy = BoundedMerges::default();
        let segments = metas(
            &inventory,
            &[40_000, 150_000, 30_000, 50_000, 45_000, 90_000],
        );
        let groups = merged_sizes(&policy, &segments);
        // 30k + 40k + 45k = 115k; + 50k would exceed 150k. 150k and 90k
        // (over half the limit) are never merged.
        assert_eq!(groups, vec![vec![30_000, 40_000, 45_000]]);
        for group in &groups {
            assert!(group.iter().sum::<u32>() <= policy.max_docs);
        }
    }

    #[test]
    fn too_few_small_segments_are_left_alone() {
        let inventory = inventory();
        let segments = metas(&inventory, &[10, 20, 150_000]);
        assert!(merged_sizes(&BoundedMerges::default(), &segments).is_empty());
        let many = metas(&inventory, &[10, 20, 30, 40]);
        assert_eq!(
            merged_sizes(&BoundedMerges::default(), &many),
            vec![vec![10, 20, 30, 40]]
        );
    }
}
