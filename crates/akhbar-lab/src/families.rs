//! How well an analyzer keeps a word's forms together and unrelated words
//! apart, measured on word families (a base and its inflected forms with
//! clitics, see [`crate::wordcount::families`]).

use std::collections::{HashMap, HashSet};

use akhbar::analysis::{analyze_words, AnalysisOptions};
use akhbar::lang::Lang;

/// A family as read from a families file: its base and its forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordFamily {
    pub base: String,
    pub forms: Vec<String>,
}

/// Reads a families file: `base<TAB>form form ...` per line, `#` comments.
pub fn parse(text: &str) -> Vec<WordFamily> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let (base, forms) = line.split_once('\t')?;
            Some(WordFamily {
                base: base.to_string(),
                forms: forms.split_whitespace().map(str::to_string).collect(),
            })
        })
        .collect()
}

/// What one analyzer does to a set of families.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyScore {
    pub families: usize,
    /// Families whose every form gives the same single term.
    pub whole: usize,
    /// Pairs of forms of one family that share a term, over all such pairs.
    pub pairs_together: f64,
    /// Forms dropped altogether (taken for stop words).
    pub dropped: usize,
    /// Pairs of families, neither base a prefix of the other, that share a
    /// term: unrelated words merged.
    pub merged_pairs: usize,
    /// The bases of the merged families, for reading.
    pub merged: Vec<(String, String)>,
}

/// The terms `lang`'s analyzer under `opts` makes of one word.
fn word_terms(lang: Lang, word: &str, opts: AnalysisOptions) -> Vec<String> {
    analyze_words(lang, word, opts)
        .into_iter()
        .flat_map(|w| w.terms)
        .collect()
}

/// Scores `opts` on `families` (all in `lang`).
pub fn score(lang: Lang, families: &[WordFamily], opts: AnalysisOptions) -> FamilyScore {
    let mut whole = 0;
    let mut together = 0usize;
    let mut pairs = 0usize;
    let mut dropped = 0;
    let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, family) in families.iter().enumerate() {
        let terms: Vec<Vec<String>> = family
            .forms
            .iter()
            .map(|f| word_terms(lang, f, opts))
            .collect();
        dropped += terms.iter().filter(|t| t.is_empty()).count();
        if terms.iter().all(|t| t.len() == 1 && t == &terms[0]) {
            whole += 1;
        }
        for a in 0..terms.len() {
            for b in a + 1..terms.len() {
                pairs += 1;
                if terms[a].iter().any(|t| terms[b].contains(t)) {
                    together += 1;
                }
            }
        }
        let set: HashSet<&String> = terms.iter().flatten().collect();
        for term in set {
            owners.entry(term.clone()).or_default().push(i);
        }
    }
    let mut merged: HashSet<(usize, usize)> = HashSet::new();
    for ids in owners.values() {
        for (x, &a) in ids.iter().enumerate() {
            for &b in &ids[x + 1..] {
                let (ba, bb) = (&families[a].base, &families[b].base);
                if !ba.starts_with(bb.as_str()) && !bb.starts_with(ba.as_str()) {
                    merged.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    FamilyScore {
        families: families.len(),
        whole,
        pairs_together: if pairs == 0 {
            0.0
        } else {
            together as f64 / pairs as f64
        },
        dropped,
        merged_pairs: merged.len(),
        merged: {
            let mut bases: Vec<(String, String)> = merged
                .iter()
                .map(|&(a, b)| (families[a].base.clone(), families[b].base.clone()))
                .collect();
            bases.sort();
            bases
        },
    }
}

/// A family's base and each of its forms with the terms it gave.
pub type SplitFamily = (String, Vec<(String, Vec<String>)>);

/// The families of `families` that `opts` splits, each with its forms'
/// terms, for reading what an analyzer gets wrong.
pub fn split_families(
    lang: Lang,
    families: &[WordFamily],
    opts: AnalysisOptions,
) -> Vec<SplitFamily> {
    families
        .iter()
        .filter_map(|family| {
            let terms: Vec<(String, Vec<String>)> = family
                .forms
                .iter()
                .map(|f| (f.clone(), word_terms(lang, f, opts)))
                .collect();
            let first = &terms[0].1;
            (!terms.iter().all(|(_, t)| t.len() == 1 && t == first))
                .then(|| (family.base.clone(), terms))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use akhbar::analysis::Stemmer;

    #[test]
    fn a_family_is_whole_only_when_every_form_meets() {
        let families =
            parse("# comment\nمغرب\tمغرب المغرب والمغرب بالمغرب\nكتاب\tكتاب الكتاب كتب\n");
        assert_eq!(families.len(), 2);
        let none = AnalysisOptions {
            stemmer: Stemmer::None,
            ..AnalysisOptions::default()
        };
        // Unstemmed, `والمغرب` keeps its clitics and the broken plural
        // `كتب` stays apart: no family is whole.
        let s = score(Lang::Ar, &families, none);
        assert_eq!(
            (s.families, s.whole, s.dropped, s.merged_pairs),
            (2, 0, 0, 0)
        );
        // The shipped analyzer strips the article combinations: the first
        // family meets, the broken plural still does not.
        let s = score(Lang::Ar, &families, AnalysisOptions::default());
        assert_eq!(s.whole, 1, "{s:?}");
        let split = split_families(Lang::Ar, &families, AnalysisOptions::default());
        assert_eq!(split.len(), 1);
        assert_eq!(split[0].0, "كتاب");
    }
}
