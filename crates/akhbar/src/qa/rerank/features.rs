//! The reranker's features, by name: one enum indexes a fixed array, and
//! every list of them (the `--rerank-weights` help, weight files, the
//! documentation table) is made from [`Feature::ALL`].

use std::ops::{Index, IndexMut};

macro_rules! features {
    ($($variant:ident = $name:literal: $doc:literal,)*) => {
        /// One feature of a candidate, measured from its stored text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Feature {
            $(#[doc = $doc] $variant,)*
        }

        impl Feature {
            /// Every feature, in the order of a feature vector.
            pub const ALL: [Feature; COUNT] = [$(Feature::$variant,)*];

            /// The feature's name (in weight files and flags).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Feature::$variant => $name,)*
                }
            }

            /// What the feature measures.
            pub const fn description(self) -> &'static str {
                match self {
                    $(Feature::$variant => $doc,)*
                }
            }
        }
    };
}

/// The number of features.
pub const COUNT: usize = 18;

features! {
    Bm25 = "bm25": "the first-stage score divided by the query's top score",
    Coverage = "coverage": "the share of the query's idf mass found in title or body",
    Title = "title": "the share of the idf mass found in the title",
    Exact = "exact": "the share of the idf mass found in the query's own word form",
    Sentence = "sentence": "the best sentence of the body: the share of the idf mass it holds",
    SentenceExact = "sentence_exact": "the same, counting exact-form matches only",
    Window = "window": "the best window of 8 positions of the body: its share of the idf mass",
    Ordered = "ordered": "the share of consecutive query-word pairs found in order within 2 positions",
    Unordered = "unordered": "the share of those pairs found within 8 positions, in any order",
    Matched = "matched": "the share of the query's distinct words found (idf left out)",
    Length = "length": "ln(1 + body positions) / ln(1000)",
    Number = "number": "for a question asking when or how many: 1 when a best sentence holds a number that is not a query word",
    Rest = "rest": "the words missing from the title: the share of their idf found in the body (1 when every word is in the title)",
    SentenceRest = "sentence_rest": "the same for the best sentence",
    Prefix = "prefix": "the share of the idf mass of words not found whose first letters (5, 4 in Arabic) begin a passage word, or, in Arabic, whose consonants are a passage word's",
    TitleCovered = "title_covered": "the share of the title's words that are query words",
    Lead = "lead": "the first sentence's share of the idf mass",
    TwoSentences = "two_sentences": "the best two consecutive sentences' share",
}

impl Feature {
    /// The feature of a name, if any.
    pub fn from_name(name: &str) -> Option<Feature> {
        Feature::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Every name, comma-separated, in vector order.
    pub fn names() -> String {
        Feature::ALL.map(Feature::name).join(",")
    }
}

/// One value per feature: a candidate's features, or a model's weights.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Features(pub [f32; COUNT]);

impl Features {
    /// Every value 0.
    pub const ZERO: Features = Features([0.0; COUNT]);

    /// Values given by name; the others 0.
    pub const fn from_pairs(pairs: &[(Feature, f32)]) -> Features {
        let mut values = [0.0; COUNT];
        let mut i = 0;
        while i < pairs.len() {
            values[pairs[i].0 as usize] = pairs[i].1;
            i += 1;
        }
        Features(values)
    }

    /// `(feature, value)` in vector order.
    pub fn iter(&self) -> impl Iterator<Item = (Feature, f32)> + '_ {
        Feature::ALL.into_iter().map(|f| (f, self[f]))
    }

    /// `Σ self_i · other_i`.
    pub fn dot(&self, other: &Features) -> f32 {
        self.0.iter().zip(&other.0).map(|(a, b)| a * b).sum()
    }

    /// `name=value` pairs, comma-separated (the form `--rerank-weights` reads).
    pub fn to_text(&self) -> String {
        self.iter()
            .map(|(f, x)| format!("{}={x}", f.name()))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Reads `name=value` pairs, comma-separated; a feature not named is 0.
    pub fn parse(text: &str) -> Result<Features, String> {
        let mut out = Features::ZERO;
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, value) = part.split_once('=').ok_or_else(|| {
                format!(
                    "`{part}` is not NAME=WEIGHT (features: {})",
                    Feature::names()
                )
            })?;
            let feature = Feature::from_name(name.trim()).ok_or_else(|| {
                format!("`{name}` is not a feature: use one of {}", Feature::names())
            })?;
            out[feature] = value
                .trim()
                .parse()
                .map_err(|_| format!("`{value}` is not a number (feature {name})"))?;
        }
        Ok(out)
    }
}

impl Index<Feature> for Features {
    type Output = f32;
    fn index(&self, feature: Feature) -> &f32 {
        &self.0[feature as usize]
    }
}

impl IndexMut<Feature> for Features {
    fn index_mut(&mut self, feature: Feature) -> &mut f32 {
        &mut self.0[feature as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_in_order() {
        for (i, f) in Feature::ALL.iter().enumerate() {
            assert_eq!(*f as usize, i);
            assert_eq!(Feature::from_name(f.name()), Some(*f));
        }
        assert_eq!(Feature::from_name("nope"), None);
    }

    #[test]
    fn weights_read_back_as_written() {
        let w = Features::from_pairs(&[(Feature::Bm25, 1.0), (Feature::Prefix, 1.51)]);
        assert_eq!(Features::parse(&w.to_text()), Ok(w));
        assert_eq!(w[Feature::Prefix], 1.51);
        assert_eq!(w[Feature::Coverage], 0.0);
        assert!(Features::parse("bm25=1,speed=2")
            .unwrap_err()
            .contains("not a feature"));
        assert!(Features::parse("bm25").unwrap_err().contains("NAME=WEIGHT"));
    }
}
