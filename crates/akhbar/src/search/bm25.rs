//! BM25F: one query word scored over several fields at once (title and
//! body), with settable `k1` and per-field `b` and weights.
//!
//! tantivy 0.27 scores every field on its own with fixed k1 = 1.2 and
//! b = 0.75, and a boolean query adds the fields' scores: a word found in
//! the title and in the body is saturated twice. BM25F (Robertson, Zaragoza
//! and Taylor 2004) instead adds the field frequencies, each normalised by
//! its own field's length and weighted, and saturates the sum once:
//!
//! ```text
//! tf'   = Σ_f  w_f · tf_f / (1 − b_f + b_f · len_f / avglen_f)
//! score = idf · (k1 + 1) · tf' / (k1 + tf')
//! ```
//!
//! `idf` is BM25's `ln(1 + (N − n + 0.5) / (n + 0.5))`, with `n` the
//! largest document frequency of the word among the fields (a cheap lower
//! bound of the documents holding it in any field), over the whole searcher.

use std::fmt;
use std::sync::Arc;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// BM25's parameters: term-frequency saturation `k1` and length
/// normalisation `b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bm25Params {
    pub k1: f32,
    pub b: f32,
}

impl Bm25Params {
    /// tantivy's and Lucene's constants.
    pub const CLASSIC: Bm25Params = Bm25Params { k1: 1.2, b: 0.75 };
}

/// One field of a [`Bm25fQuery`]: its weight (a match counts `weight`
/// body occurrences) and its own length normalisation `b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldWeight {
    pub field: Field,
    pub weight: f32,
    pub b: f32,
}

/// One analysed word searched in several fields, scored with BM25F.
#[derive(Clone)]
pub struct Bm25fQuery {
    /// The same word's term in each field.
    terms: Vec<(Term, FieldWeight)>,
    k1: f32,
}

impl fmt::Debug for Bm25fQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Bm25fQuery")
            .field(
                "terms",
                &self.terms.iter().map(|(t, _)| t).collect::<Vec<_>>(),
            )
            .field("k1", &self.k1)
            .finish()
    }
}

impl Bm25fQuery {
    /// The word `text` in each of `fields` (its indexed, analysed form).
    pub fn new(text: &str, fields: &[FieldWeight], k1: f32) -> Self {
        Bm25fQuery {
            terms: fields
                .iter()
                .map(|fw| (Term::from_field_text(fw.field, text), *fw))
                .collect(),
            k1,
        }
    }
}

impl Bm25fQuery {
    /// Several forms of one word (`text`, then variants with their own
    /// weight), their frequencies added as if they were one term.
    pub fn with_variants(forms: &[(&str, f32)], fields: &[FieldWeight], k1: f32) -> Self {
        Bm25fQuery {
            terms: forms
                .iter()
                .flat_map(|&(text, w)| {
                    fields.iter().map(move |fw| {
                        (
                            Term::from_field_text(fw.field, text),
                            FieldWeight {
                                weight: fw.weight * w,
                                ..*fw
                            },
                        )
                    })
                })
                .collect(),
            k1,
        }
    }
}

impl Query for Bm25fQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let mut fields = Vec::with_capacity(self.terms.len());
        let mut doc_freq = 0u64;
        let mut docs = 1u64;
        if let EnableScoring::Enabled {
            statistics_provider: stats,
            ..
        } = enable_scoring
        {
            docs = stats.total_num_docs()?.max(1);
            for (term, fw) in &self.terms {
                doc_freq = doc_freq.max(stats.doc_freq(term)?);
                let avg = stats.total_num_tokens(fw.field)? as f32 / docs as f32;
                fields.push(FieldStats::new(term.clone(), *fw, avg));
            }
        } else {
            for (term, fw) in &self.terms {
                fields.push(FieldStats::new(term.clone(), *fw, 1.0));
            }
        }
        let doc_freq = doc_freq.min(docs);
        let idf = ((docs - doc_freq) as f32 + 0.5) / (doc_freq as f32 + 0.5);
        Ok(Box::new(Bm25fWeight {
            fields: Arc::new(fields),
            k1: self.k1,
            idf: (1.0 + idf).ln(),
            scoring: enable_scoring.is_scoring_enabled(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (term, _) in &self.terms {
            visitor(term, false);
        }
    }
}

/// A field's term, weight and the length normalisation of each fieldnorm
/// id (`1 − b + b · len / avglen`).
struct FieldStats {
    term: Term,
    weight: f32,
    norm: [f32; 256],
    b: f32,
    avg: f32,
}

impl FieldStats {
    fn new(term: Term, fw: FieldWeight, avg: f32) -> Self {
        let avg = if avg > 0.0 { avg } else { 1.0 };
        let mut norm = [1.0f32; 256];
        for (id, n) in norm.iter_mut().enumerate() {
            let len = FieldNormReader::id_to_fieldnorm(id as u8) as f32;
            *n = 1.0 - fw.b + fw.b * len / avg;
        }
        FieldStats {
            term,
            weight: fw.weight,
            norm,
            b: fw.b,
            avg,
        }
    }
}

struct Bm25fWeight {
    fields: Arc<Vec<FieldStats>>,
    k1: f32,
    idf: f32,
    scoring: bool,
}

impl Bm25fWeight {
    fn bm25f_scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Bm25fScorer> {
        let option = if self.scoring {
            IndexRecordOption::WithFreqs
        } else {
            IndexRecordOption::Basic
        };
        let mut postings = Vec::with_capacity(self.fields.len());
        for (i, fs) in self.fields.iter().enumerate() {
            let inverted = reader.inverted_index(fs.term.field())?;
            if let Some(p) = inverted.read_postings(&fs.term, option)? {
                let norms = reader.get_fieldnorms_reader(fs.term.field())?;
                postings.push(FieldPostings {
                    field: i,
                    postings: p,
                    norms,
                });
            }
        }
        let mut scorer = Bm25fScorer {
            postings,
            fields: self.fields.clone(),
            factor: boost * self.idf * (self.k1 + 1.0),
            k1: self.k1,
            doc: 0,
        };
        scorer.doc = scorer.min_doc();
        Ok(scorer)
    }
}

impl Weight for Bm25fWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(self.bm25f_scorer(reader, boost)?))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.bm25f_scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document #({doc}) does not match"
            )));
        }
        let mut explanation =
            Explanation::new("BM25F, idf · (k1 + 1) · tf' / (k1 + tf')", scorer.score());
        explanation.add_const("idf", self.idf);
        explanation.add_const("k1", self.k1);
        explanation.add_const("tf', weighted normalised frequency", scorer.pseudo_tf());
        for p in scorer.postings.iter().filter(|p| p.postings.doc() == doc) {
            let fs = &self.fields[p.field];
            let mut detail = Explanation::new_with_string(
                format!("{:?}: w · tf / (1 − b + b · len / avglen)", fs.term),
                fs.weight * p.postings.term_freq() as f32
                    / fs.norm[p.norms.fieldnorm_id(doc) as usize],
            );
            detail.add_const("w", fs.weight);
            detail.add_const("tf", p.postings.term_freq() as f32);
            detail.add_const("b", fs.b);
            detail.add_const("len", p.norms.fieldnorm(doc) as f32);
            detail.add_const("avglen", fs.avg);
            explanation.add_detail(detail);
        }
        Ok(explanation)
    }
}

struct FieldPostings {
    field: usize,
    postings: SegmentPostings,
    norms: FieldNormReader,
}

/// The union of the word's postings in every field.
struct Bm25fScorer {
    postings: Vec<FieldPostings>,
    fields: Arc<Vec<FieldStats>>,
    factor: f32,
    k1: f32,
    doc: DocId,
}

impl Bm25fScorer {
    fn min_doc(&self) -> DocId {
        self.postings
            .iter()
            .map(|p| p.postings.doc())
            .min()
            .unwrap_or(TERMINATED)
    }

    fn pseudo_tf(&self) -> f32 {
        let doc = self.doc;
        let mut tf = 0.0;
        for p in &self.postings {
            if p.postings.doc() == doc {
                let fs = &self.fields[p.field];
                tf += fs.weight * p.postings.term_freq() as f32
                    / fs.norm[p.norms.fieldnorm_id(doc) as usize];
            }
        }
        tf
    }
}

impl DocSet for Bm25fScorer {
    fn advance(&mut self) -> DocId {
        let doc = self.doc;
        if doc == TERMINATED {
            return TERMINATED;
        }
        for p in &mut self.postings {
            if p.postings.doc() == doc {
                p.postings.advance();
            }
        }
        self.doc = self.min_doc();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for p in &mut self.postings {
            if p.postings.doc() < target {
                p.postings.seek(target);
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
            .map(|p| p.postings.size_hint())
            .max()
            .unwrap_or(0)
    }
}

impl Scorer for Bm25fScorer {
    fn score(&mut self) -> Score {
        let tf = self.pseudo_tf();
        self.factor * tf / (self.k1 + tf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index, IndexWriter};

    fn index(docs: &[(&str, &str)]) -> (Index, Field, Field) {
        let mut b = Schema::builder();
        let title = b.add_text_field("title", TEXT);
        let body = b.add_text_field("body", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut w: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for (t, x) in docs {
            w.add_document(doc!(title => *t, body => *x)).unwrap();
        }
        w.commit().unwrap();
        (index, title, body)
    }

    fn ranked(index: &Index, q: &dyn Query) -> Vec<(u32, f32)> {
        let searcher = index.reader().unwrap().searcher();
        searcher
            .search(q, &TopDocs::with_limit(10).order_by_score())
            .unwrap()
            .into_iter()
            .map(|(s, a)| (a.doc_id, s))
            .collect()
    }

    #[test]
    fn one_field_is_bm25() {
        // With one field of weight 1, BM25F is BM25: same scores as
        // tantivy's TermQuery when k1 and b are tantivy's.
        let (index, _, body) = index(&[
            ("a", "le port de tanger med et le port de casablanca"),
            ("b", "tanger"),
            ("c", "rabat capitale du royaume"),
            ("d", "le budget de la ville de tanger pour le port"),
        ]);
        let fw = FieldWeight {
            field: body,
            weight: 1.0,
            b: 0.75,
        };
        let ours = ranked(&index, &Bm25fQuery::new("port", &[fw], 1.2));
        let theirs = ranked(
            &index,
            &tantivy::query::TermQuery::new(
                Term::from_field_text(body, "port"),
                IndexRecordOption::WithFreqs,
            ),
        );
        assert_eq!(ours.len(), 2);
        for ((d1, s1), (d2, s2)) in ours.iter().zip(&theirs) {
            assert_eq!(d1, d2);
            assert!((s1 - s2).abs() < 1e-4, "{s1} vs {s2}");
        }
    }

    #[test]
    fn fields_are_saturated_together() {
        let (index, title, body) = index(&[
            ("tanger", "tanger tanger"),
            ("rabat", "tanger tanger tanger"),
            ("casablanca", "une autre ville"),
        ]);
        let fields = [
            FieldWeight {
                field: title,
                weight: 1.0,
                b: 0.75,
            },
            FieldWeight {
                field: body,
                weight: 1.0,
                b: 0.75,
            },
        ];
        let hits = ranked(&index, &Bm25fQuery::new("tanger", &fields, 1.2));
        // Both match; the title match ranks the first article first, and a
        // match in both fields is one saturated score, below 1.2 + 1 times idf.
        assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), [0, 1]);
        let searcher = index.reader().unwrap().searcher();
        let idf = (1.0f32 + (3.0 - 2.0 + 0.5) / (2.0 + 0.5)).ln();
        assert!(hits[0].1 < idf * 2.2, "{hits:?}");
        // Explain agrees with the score.
        let q = Bm25fQuery::new("tanger", &fields, 1.2);
        let e = q
            .explain(&searcher, tantivy::DocAddress::new(0, 0))
            .unwrap();
        assert!((e.value() - hits[0].1).abs() < 1e-5);
        // A higher k1 saturates later: the article with the larger weighted
        // frequency (title + two body matches, against three body matches
        // in a longer body) pulls further ahead.
        let low = ranked(&index, &Bm25fQuery::new("tanger", &fields, 0.5));
        let high = ranked(&index, &Bm25fQuery::new("tanger", &fields, 3.0));
        let ratio = |h: &[(u32, f32)]| {
            let s = |d| h.iter().find(|x| x.0 == d).unwrap().1;
            s(1) / s(0)
        };
        assert!(ratio(&high) < ratio(&low), "{low:?} {high:?}");
    }

    #[test]
    fn b_zero_ignores_length() {
        let (index, _, body) = index(&[
            ("a", "maroc"),
            ("b", "maroc et beaucoup d autres mots encore ici"),
            ("c", "rien"),
        ]);
        let fw = |b| {
            [FieldWeight {
                field: body,
                weight: 1.0,
                b,
            }]
        };
        let flat = ranked(&index, &Bm25fQuery::new("maroc", &fw(0.0), 1.2));
        assert!((flat[0].1 - flat[1].1).abs() < 1e-6, "{flat:?}");
        let normed = ranked(&index, &Bm25fQuery::new("maroc", &fw(1.0), 1.2));
        assert_eq!(normed[0].0, 0);
        assert!(normed[0].1 > normed[1].1);
    }
}
