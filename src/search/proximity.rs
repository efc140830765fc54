//! Window proximity: a bonus for the passage where the most (and rarest)
//! query words are found close together.
//!
//! For each matching document, the body's positions of every query word
//! are merged, and a window of `width` positions slides over them. The
//! window's worth is the sum of the idf of the distinct query words it
//! holds; the document's bonus is `weight` times the best window's worth,
//! when that window holds at least two distinct words (one word alone is
//! BM25's business). A question's words tend to be found together in the
//! sentence that answers it, as a story's key words are in its lead.
//!
//! The query matches every document holding one of its words, with a zero
//! score where no window holds two of them: it is meant as an optional
//! clause beside the words' own query.

use std::fmt;
use std::sync::Arc;

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// The window proximity of a query's words in one field.
#[derive(Clone)]
pub struct WindowQuery {
    terms: Vec<Term>,
    width: u32,
    weight: f32,
}

impl fmt::Debug for WindowQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WindowQuery")
            .field("terms", &self.terms)
            .field("width", &self.width)
            .field("weight", &self.weight)
            .finish()
    }
}

impl WindowQuery {
    /// `terms` (of one field; repeated terms count once), a window of
    /// `width` positions (`width` 1 is one position: never two words), and
    /// the bonus per unit of idf.
    pub fn new(terms: Vec<Term>, width: u32, weight: f32) -> Self {
        let mut unique: Vec<Term> = Vec::with_capacity(terms.len());
        for t in terms {
            if !unique.contains(&t) {
                unique.push(t);
            }
        }
        WindowQuery {
            terms: unique,
            width: width.max(1),
            weight,
        }
    }
}

impl Query for WindowQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut idfs = Vec::with_capacity(self.terms.len());
        if let EnableScoring::Enabled {
            statistics_provider: stats,
            ..
        } = enable_scoring
        {
            let docs = stats.total_num_docs()?.max(1);
            for term in &self.terms {
                let n = stats.doc_freq(term)?.min(docs);
                let x = ((docs - n) as f32 + 0.5) / (n as f32 + 0.5);
                idfs.push((1.0 + x).ln());
            }
        } else {
            idfs.resize(self.terms.len(), 0.0);
        }
        Ok(Box::new(WindowWeight {
            terms: self.terms.clone(),
            idfs: Arc::new(idfs),
            width: self.width,
            weight: self.weight,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for term in &self.terms {
            visitor(term, true);
        }
    }
}

struct WindowWeight {
    terms: Vec<Term>,
    idfs: Arc<Vec<f32>>,
    width: u32,
    weight: f32,
}

impl WindowWeight {
    fn window_scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<WindowScorer> {
        let mut postings = Vec::with_capacity(self.terms.len());
        for (i, term) in self.terms.iter().enumerate() {
            let inverted = reader.inverted_index(term.field())?;
            if let Some(p) =
                inverted.read_postings(term, IndexRecordOption::WithFreqsAndPositions)?
            {
                postings.push((i, p));
            }
        }
        let mut scorer = WindowScorer {
            postings,
            idfs: self.idfs.clone(),
            width: self.width,
            weight: self.weight * boost,
            doc: 0,
            events: Vec::new(),
            positions: Vec::new(),
            counts: vec![0; self.terms.len()],
        };
        scorer.doc = scorer.min_doc();
        Ok(scorer)
    }
}

impl Weight for WindowWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(self.window_scorer(reader, boost)?))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.window_scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document #({doc}) does not match"
            )));
        }
        let score = scorer.score();
        let mut e = Explanation::new("window proximity, weight · Σ idf in the best window", score);
        e.add_const("weight", self.weight);
        e.add_const("width", self.width as f32);
        Ok(e)
    }
}

/// The union of the words' postings, with the best window of each document.
struct WindowScorer {
    postings: Vec<(usize, SegmentPostings)>,
    idfs: Arc<Vec<f32>>,
    width: u32,
    weight: f32,
    doc: DocId,
    /// (position, word) of the current document, sorted.
    events: Vec<(u32, usize)>,
    positions: Vec<u32>,
    counts: Vec<u32>,
}

impl WindowScorer {
    fn min_doc(&self) -> DocId {
        self.postings
            .iter()
            .map(|(_, p)| p.doc())
            .min()
            .unwrap_or(TERMINATED)
    }

    /// The idf sum of the distinct words of the best window holding two
    /// words or more; 0 when there is none.
    fn best_window(&mut self) -> f32 {
        let doc = self.doc;
        self.events.clear();
        let mut present = 0;
        for (word, p) in &mut self.postings {
            if p.doc() == doc {
                present += 1;
                p.positions(&mut self.positions);
                self.events
                    .extend(self.positions.iter().map(|&pos| (pos, *word)));
            }
        }
        if present < 2 {
            return 0.0;
        }
        self.events.sort_unstable();
        best_window(&self.events, &self.idfs, self.width, &mut self.counts)
    }
}

/// The best window of sorted `(position, word)` events: the largest sum of
/// `idfs` over the distinct words of a span of `width` positions that
/// holds two distinct words or more (0 when none does). `counts` is
/// scratch space, one slot per word, all zero (and left so).
fn best_window(events: &[(u32, usize)], idfs: &[f32], width: u32, counts: &mut [u32]) -> f32 {
    let mut best = 0.0f32;
    let mut sum = 0.0f32;
    let mut distinct = 0usize;
    let mut left = 0usize;
    for right in 0..events.len() {
        let (pos, word) = events[right];
        while events[left].0 + width <= pos {
            let w = events[left].1;
            counts[w] -= 1;
            if counts[w] == 0 {
                sum -= idfs[w];
                distinct -= 1;
            }
            left += 1;
        }
        if counts[word] == 0 {
            sum += idfs[word];
            distinct += 1;
        }
        counts[word] += 1;
        if distinct >= 2 && sum > best {
            best = sum;
        }
    }
    for &(_, w) in &events[left..] {
        counts[w] = 0;
    }
    best
}

impl DocSet for WindowScorer {
    fn advance(&mut self) -> DocId {
        let doc = self.doc;
        if doc == TERMINATED {
            return TERMINATED;
        }
        for (_, p) in &mut self.postings {
            if p.doc() == doc {
                p.advance();
            }
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for (_, p) in &mut self.postings {
            if p.doc() < target {
                p.seek(target);
            }
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.postings
            .iter()
            .map(|(_, p)| p.size_hint())
            .max()
            .unwrap_or(0)
    }
}

impl Scorer for WindowScorer {
    fn score(&mut self) -> Score {
        self.weight * self.best_window()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::schema::{Field, Schema, TEXT};
    use tantivy::{doc, Index, IndexWriter};

    #[test]
    fn best_window_counts_distinct_words_close_together() {
        let idfs = [1.0, 2.0, 4.0];
        let mut counts = [0u32; 3];
        // Words 0 and 1 at 0 and 3, word 2 far away at 50.
        let events = [(0, 0), (3, 1), (50, 2)];
        assert_eq!(best_window(&events, &idfs, 4, &mut counts), 3.0);
        assert_eq!(best_window(&events, &idfs, 3, &mut counts), 0.0);
        assert_eq!(best_window(&events, &idfs, 51, &mut counts), 7.0);
        assert_eq!(counts, [0, 0, 0]);
        // A word repeated is counted once.
        let events = [(0, 2), (1, 2), (2, 2)];
        assert_eq!(best_window(&events, &idfs, 10, &mut counts), 0.0);
        let events = [(0, 2), (1, 2), (2, 0), (9, 1)];
        assert_eq!(best_window(&events, &idfs, 3, &mut counts), 5.0);
        assert_eq!(best_window(&events, &idfs, 10, &mut counts), 7.0);
        assert_eq!(counts, [0, 0, 0]);
    }

    fn index(bodies: &[&str]) -> (Index, Field) {
        let mut b = Schema::builder();
        let body = b.add_text_field("body", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for x in bodies {
            w.add_document(doc!(body => *x)).unwrap();
        }
        w.commit().unwrap();
        (index, body)
    }

    #[test]
    fn words_together_score_over_words_apart() {
        let (index, body) = index(&[
            "la convention de budapest fut signee par le maroc en 2022 apres des annees",
            "le maroc a signe plusieurs textes un deux trois quatre cinq six sept huit neuf dix onze douze treize budapest",
            "budapest seulement",
        ]);
        let terms = ["maroc", "budapest", "convention"]
            .iter()
            .map(|w| Term::from_field_text(body, w))
            .collect();
        let q = WindowQuery::new(terms, 8, 1.0);
        let searcher = index.reader().unwrap().searcher();
        let hits = searcher
            .search(&q, &TopDocs::with_limit(10).order_by_score())
            .unwrap();
        // Every document holding a word matches; only the first has two
        // words within 8 positions.
        assert_eq!(hits.len(), 3);
        assert_eq!(hits[0].1.doc_id, 0);
        assert!(hits[0].0 > 0.0);
        assert_eq!(hits[1].0, 0.0);
        assert_eq!(hits[2].0, 0.0);
        let e = q
            .explain(&searcher, tantivy::DocAddress::new(0, 0))
            .unwrap();
        assert!((e.value() - hits[0].0).abs() < 1e-6);
    }
}
