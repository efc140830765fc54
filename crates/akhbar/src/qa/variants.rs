//! Arabic variants of a query word, checked against the index's
//! vocabulary: its forms with or without a clitic the stemmer leaves, and
//! its spellings with one long-vowel letter more or fewer.
//!
//! **Clitics.** The Snowball Arabic stemmer strips the conjunctions `و` `ف`
//! and the preposition `ب`, but not the prepositions `ل` (to, for) and `ك`
//! (as): `لمشروع` stays `لمشروع` while `بمشروع` becomes `مشروع`. Stripping
//! them at indexing time would break the many words that begin with those
//! letters (`لبنان`, `لغة`, `كتاب`). At query time the index can tell: a
//! question's `لمشروع` is also searched as `مشروع`, and its `مشروع` as
//! `لمشروع` and `كمشروع`, each only when some article holds that form.
//!
//! **Long vowels.** The letters `ا` `و` `ي` write long vowels, and they come
//! and go between forms of one word that the stemmer keeps apart: a broken
//! plural and its singular (`مواقع` / `موقع`, `مساجد` / `مسجد`), a verb and
//! its verbal noun (`اعتقد` / `اعتقاد`), the accusative ending (`مليارا` /
//! `مليار`), and the spellings of a foreign name (`نيوتون` / `نيوتن`,
//! `داوود` / `داود`). A word's forms with one long-vowel letter more or
//! fewer are searched too, when the index holds them in at least as many
//! documents as the word itself: a variant leads to the common spelling,
//! and a rare neighbour is more often another word.
//!
//! The variants count as occurrences of the word, at a reduced weight
//! ([`super::QuestionOptions::variants`]); the reranker counts them as
//! matches of the word.
//!
//! (Examples: the `examples` test below.)

use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::error::Result;
use crate::lang::is_arabic_letter;

/// The prepositions the stemmer leaves on a word.
const CLITICS: [char; 2] = ['ل', 'ك'];
/// A word keeps at least this many letters once a clitic is taken off.
const MIN_LETTERS: usize = 3;
/// The letters that write long vowels.
const LONG_VOWELS: [char; 3] = ['ا', 'و', 'ي'];
/// A word and its long-vowel forms have at least this many letters: three-
/// letter words lie one vowel away from too many others (`دور` / `دار`).
const VOWEL_MIN_LETTERS: usize = 4;

/// The forms a stem might take with or without a clitic, before checking
/// which the index holds: the stem without its first letter when that is
/// a clitic, then the stem behind each clitic.
pub fn clitic_forms(stem: &str) -> Vec<String> {
    let letters = stem.chars().count();
    if letters < MIN_LETTERS {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut chars = stem.chars();
    if let Some(first) = chars.next() {
        if CLITICS.contains(&first) && letters > MIN_LETTERS {
            out.push(chars.as_str().to_string());
        }
    }
    out.extend(CLITICS.iter().map(|c| format!("{c}{stem}")));
    out
}

/// The forms of an Arabic stem with one long-vowel letter (`ا` `و` `ي`)
/// fewer or more, anywhere in the word, of at least `VOWEL_MIN_LETTERS` (4)
/// letters; none for a stem holding anything but Arabic letters.
pub fn vowel_forms(stem: &str) -> Vec<String> {
    let letters: Vec<char> = stem.chars().collect();
    if letters.len() < VOWEL_MIN_LETTERS || !letters.iter().all(|&c| is_arabic_letter(c)) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    let mut push = |form: Vec<char>| {
        let form: String = form.into_iter().collect();
        if form.chars().count() >= VOWEL_MIN_LETTERS && form != stem && !out.contains(&form) {
            out.push(form);
        }
    };
    for (i, c) in letters.iter().enumerate() {
        if LONG_VOWELS.contains(c) {
            let mut form = letters.clone();
            form.remove(i);
            push(form);
        }
    }
    for i in 0..=letters.len() {
        for vowel in LONG_VOWELS {
            let mut form = letters.clone();
            form.insert(i, vowel);
            push(form);
        }
    }
    out
}

/// The number of documents holding `term` in the field of `fields` that
/// holds it most.
fn doc_freq(searcher: &Searcher, fields: &[Field], term: &str) -> Result<u64> {
    let mut most = 0;
    for &field in fields {
        most = most.max(searcher.doc_freq(&Term::from_field_text(field, term))?);
    }
    Ok(most)
}

/// The variants of `stem` that `fields` hold: its [`clitic_forms`] that
/// some document holds, then its [`vowel_forms`] that at least as many
/// documents hold as hold `stem`.
pub fn arabic_variants(searcher: &Searcher, fields: &[Field], stem: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for form in clitic_forms(stem) {
        if doc_freq(searcher, fields, &form)? > 0 {
            out.push(form);
        }
    }
    let own = doc_freq(searcher, fields, stem)?.max(1);
    for form in vowel_forms(stem) {
        if !out.contains(&form) && doc_freq(searcher, fields, &form)? >= own {
            out.push(form);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_vowel_forms_join_the_forms_of_one_word() {
        // A broken plural and its singular, both ways.
        assert!(vowel_forms("مساجد").contains(&"مسجد".to_string()));
        assert!(vowel_forms("مسجد").contains(&"مساجد".to_string()));
        // A verb and its verbal noun; the accusative ending.
        assert!(vowel_forms("اعتقد").contains(&"اعتقاد".to_string()));
        assert!(vowel_forms("مليارا").contains(&"مليار".to_string()));
        // Two spellings of a name.
        assert!(vowel_forms("داوود").contains(&"داود".to_string()));
        // Only long-vowel letters come and go.
        assert!(!vowel_forms("مسجد").contains(&"مسجدة".to_string()));
        assert!(vowel_forms("مسجد").iter().all(|f| f.chars().count() == 5));
        // Three-letter results are left out, and Latin words have none.
        assert!(!vowel_forms("اسرع").contains(&"سرع".to_string()));
        assert!(vowel_forms("maroc").is_empty());
    }
}

#[cfg(test)]
mod examples {
    use super::{clitic_forms, vowel_forms};

    #[test]
    fn examples() {
        assert_eq!(clitic_forms("لمشروع"), vec!["مشروع", "للمشروع", "كلمشروع"]);
        assert_eq!(clitic_forms("مشروع"), vec!["لمشروع", "كمشروع"]);
        assert!(clitic_forms("مر").is_empty());
        assert!(vowel_forms("مواقع").contains(&"موقع".to_string()));
        assert!(vowel_forms("نيوتن").contains(&"نيوتون".to_string()));
        assert!(vowel_forms("دور").is_empty()); // too short
    }
}
