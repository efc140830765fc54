//! French (`akhbar_fr`): after lowercasing and accent folding, elision
//! (`l'`, `d'`, `qu'`, `jusqu'`, ... with `'` or `’`), ordinals (`2e`, `2ème`,
//! `2eme`, `2è` → `2e`; `1er`, `1re`, `1ère` → `1er`), the Snowball French stop
//! words (accent-folded) and a light stemmer (a port of Lucene's
//! `FrenchLightStemmer`, J. Savoy's UniNE algorithm) or Snowball French.
//!
//! Snowball runs on the folded text, so index and query (one analyzer) always
//! agree. Terms containing a digit are not stemmed.
//!
//! ```
//! use akhbar::analysis::terms;
//! use akhbar::lang::Lang;
//! assert_eq!(terms(Lang::Fr, "L’Économie"), terms(Lang::Fr, "economie"));
//! assert_eq!(terms(Lang::Fr, "protocoles"), terms(Lang::Fr, "protocole"));
//! ```

use super::language::{Cx, Language};
use super::snowball::{snowball_in_place, Snowball};
use super::{stopwords, AnalysisOptions, Stemmer};
use crate::lang::Lang;

/// French's rules: see the module docs.
pub(crate) struct French;

impl Language for French {
    fn name(&self) -> &'static str {
        "akhbar_fr"
    }

    fn snowball(&self, stemmer: Stemmer) -> Option<rust_stemmers::Algorithm> {
        (stemmer == Stemmer::Snowball).then_some(rust_stemmers::Algorithm::French)
    }

    fn process(&self, out: &mut String, _surface: &str, cx: &mut Cx) -> bool {
        process(out, cx.opts, cx.scratch, cx.snowball)
    }

    fn stem(&self, out: &mut String, cx: &mut Cx) {
        stem(out, cx.opts, cx.scratch, cx.snowball);
    }
}

/// Elided words removed before an apostrophe (case already folded).
const ELISIONS: [&str; 13] = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// The French chain after lowercasing/folding. Returns false to drop the word.
fn process(
    out: &mut String,
    opts: AnalysisOptions,
    scratch: &mut Vec<char>,
    snowball: Option<&Snowball>,
) -> bool {
    if opts.normalize {
        elide(out);
        normalize_ordinal(out);
    }
    if out.is_empty() {
        return false;
    }
    if opts.stopwords && stopwords::set(Lang::Fr, opts.normalize).contains(out.as_str()) {
        return false;
    }
    stem(out, opts, scratch, snowball);
    true
}

/// The stemming step alone, on a normalised word that was kept (words
/// with digits are not stemmed).
fn stem(
    out: &mut String,
    opts: AnalysisOptions,
    scratch: &mut Vec<char>,
    snowball: Option<&Snowball>,
) {
    if out.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    match opts.stemmer {
        Stemmer::None => {}
        Stemmer::Light | Stemmer::Best => light_stem(out, scratch),
        Stemmer::Snowball => {
            if let Some(s) = snowball {
                snowball_in_place(out, s);
            }
        }
    }
}

/// Removes a leading elided article or pronoun (`l'`, `qu'`, ...).
pub(crate) fn elide(s: &mut String) {
    if let Some(i) = s.find('\'') {
        if ELISIONS.contains(&&s[..i]) {
            s.drain(..=i);
        }
    }
}

/// `2ème`/`2eme`/`2è`/`2e`/`2nd` → `2e`; `1er`/`1re`/`1ère`/`1ers` → `1er`.
/// Expects folded input.
pub(crate) fn normalize_ordinal(s: &mut String) {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits == s.len() {
        return;
    }
    let mut suffix = &s[digits..];
    if suffix.len() > 1 && suffix.ends_with('s') {
        suffix = &suffix[..suffix.len() - 1];
    }
    let number = &s[..digits];
    let new = match suffix {
        "e" | "eme" | "ieme" if number == "1" => "er",
        "e" | "eme" | "ieme" => "e",
        "er" | "re" | "ere" | "ier" | "iere" if number == "1" => "er",
        "nd" | "nde" | "d" | "de" if number == "2" => "e",
        _ => return,
    };
    s.truncate(digits);
    s.push_str(new);
}

/// Folds the French accents, so that the stemmer's patterns (written without
/// accents) also match unfolded input (`normalize == false`).
fn plain(c: char) -> char {
    match c {
        'à' | 'á' | 'â' => 'a',
        'ô' => 'o',
        'è' | 'é' | 'ê' => 'e',
        'ù' | 'û' => 'u',
        'î' => 'i',
        'ç' => 'c',
        c => c,
    }
}

fn ends_with(s: &[char], len: usize, pat: &str) -> bool {
    let n = pat.chars().count();
    len >= n
        && s[len - n..len]
            .iter()
            .zip(pat.chars())
            .all(|(&a, b)| plain(a) == b)
}

/// The words in `-ément` (`élément`, `supplément`, `précisément`),
/// accent-folded: the light stemmer's `-ement` rule (made for `-ement`
/// adverbs and nouns: `rapidement`, `gouvernement`) would cut them to
/// `ele`, `suppl`. Listed from the French corpora, so that they keep their
/// ending whether or not the text carries the accents.
static EMENT_WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        include_str!("../../data/french_ement.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });

fn is_ement_word(s: &[char]) -> bool {
    let word: String = s.iter().map(|&c| plain(c)).collect();
    EMENT_WORDS.contains(word.as_str())
}

/// The French light stemmer, in place.
pub(crate) fn light_stem(out: &mut String, scratch: &mut Vec<char>) {
    scratch.clear();
    scratch.extend(out.chars());
    let len = light_stem_chars(scratch);
    out.clear();
    out.extend(&scratch[..len]);
}

/// Port of Lucene's `FrenchLightStemmer.stem` (Savoy's UniNE light stemmer),
/// with accent-insensitive suffix tests. Returns the new length.
fn light_stem_chars(s: &mut [char]) -> usize {
    let mut len = s.len();
    if len > 5 && s[len - 1] == 'x' {
        if s[len - 3] == 'a' && s[len - 2] == 'u' && s[len - 4] != 'e' {
            s[len - 2] = 'l';
        }
        len -= 1;
    }
    if len > 3 && s[len - 1] == 'x' {
        len -= 1;
    }
    if len > 3 && s[len - 1] == 's' {
        len -= 1;
    }
    if len > 9 && ends_with(s, len, "issement") {
        len -= 6;
        s[len - 1] = 'r';
        return norm(s, len);
    }
    if len > 8 && ends_with(s, len, "issant") {
        len -= 4;
        s[len - 1] = 'r';
        return norm(s, len);
    }
    if len > 6 && ends_with(s, len, "ement") && !is_ement_word(&s[..len]) {
        len -= 4;
        if len > 3 && ends_with(s, len, "ive") {
            len -= 1;
            s[len - 1] = 'f';
        }
        return norm(s, len);
    }
    if len > 11 && ends_with(s, len, "ficatrice") {
        len -= 5;
        s[len - 2] = 'e';
        s[len - 1] = 'r';
        return norm(s, len);
    }
    if len > 10 && ends_with(s, len, "ficateur") {
        len -= 4;
        s[len - 2] = 'e';
        s[len - 1] = 'r';
        return norm(s, len);
    }
    if len > 9 && ends_with(s, len, "catrice") {
        len -= 3;
        s[len - 4] = 'q';
        s[len - 3] = 'u';
        s[len - 2] = 'e';
        return norm(s, len);
    }
    if len > 8 && ends_with(s, len, "cateur") {
        len -= 2;
        s[len - 4] = 'q';
        s[len - 3] = 'u';
        s[len - 2] = 'e';
        s[len - 1] = 'r';
        return norm(s, len);
    }
    if len > 8 && ends_with(s, len, "atrice") {
        len -= 4;
        s[len - 2] = 'e';
        s[len - 1] = 'r';
        return norm(s, len);
    }
    if len > 7 && ends_with(s, len, "ateur") {
        len -= 3;
        s[len - 2] = 'e';
        s[len - 1] = 'r';
        return norm(s, len);
    }
    if len > 6 && ends_with(s, len, "trice") {
        len -= 1;
        s[len - 3] = 'e';
        s[len - 2] = 'u';
        s[len - 1] = 'r';
    }
    if len > 5 && ends_with(s, len, "ieme") {
        return norm(s, len - 4);
    }
    if len > 7 && ends_with(s, len, "teuse") {
        len -= 2;
        s[len - 1] = 'r';
        return norm(s, len);
    }
    if len > 6 && ends_with(s, len, "teur") {
        len -= 1;
        s[len - 1] = 'r';
        return norm(s, len);
    }
    if len > 5 && ends_with(s, len, "euse") {
        return norm(s, len - 2);
    }
    if len > 8 && ends_with(s, len, "ere") {
        len -= 1;
        s[len - 2] = 'e';
        return norm(s, len);
    }
    if len > 7 && ends_with(s, len, "ive") {
        len -= 1;
        s[len - 1] = 'f';
        return norm(s, len);
    }
    if len > 4 && (ends_with(s, len, "folle") || ends_with(s, len, "molle")) {
        len -= 2;
        s[len - 1] = 'u';
        return norm(s, len);
    }
    if len > 9 && ends_with(s, len, "nnelle") {
        return norm(s, len - 5);
    }
    if len > 9 && ends_with(s, len, "nnel") {
        return norm(s, len - 3);
    }
    if len > 4 && ends_with(s, len, "ete") {
        len -= 1;
        s[len - 2] = 'e';
    }
    if len > 8 && ends_with(s, len, "ique") {
        len -= 4;
    }
    if len > 8 && ends_with(s, len, "esse") {
        return norm(s, len - 3);
    }
    if len > 7 && ends_with(s, len, "inage") {
        return norm(s, len - 3);
    }
    if len > 9 && ends_with(s, len, "isation") {
        len -= 7;
        if len > 5 && ends_with(s, len, "ual") {
            s[len - 2] = 'e';
        }
        return norm(s, len);
    }
    if len > 9 && ends_with(s, len, "isateur") {
        return norm(s, len - 7);
    }
    if len > 8 && ends_with(s, len, "ation") {
        return norm(s, len - 5);
    }
    if len > 8 && ends_with(s, len, "ition") {
        return norm(s, len - 5);
    }
    norm(s, len)
}

fn norm(s: &mut [char], mut len: usize) -> usize {
    if len > 4 {
        for c in s[..len].iter_mut() {
            *c = plain(*c);
        }
        // Remove doubled letters (`addition` → `adition`).
        let mut w = 1;
        for r in 1..len {
            if s[r] == s[w - 1] && s[r].is_alphabetic() {
                continue;
            }
            s[w] = s[r];
            w += 1;
        }
        len = w;
    }
    if len > 4 && ends_with(s, len, "ie") {
        len -= 2;
    }
    if len > 4 {
        if s[len - 1] == 'r' {
            len -= 1;
        }
        if s[len - 1] == 'e' {
            len -= 1;
        }
        if s[len - 1] == 'e' {
            len -= 1;
        }
        if s[len - 1] == s[len - 2] && s[len - 1].is_alphabetic() {
            len -= 1;
        }
    }
    len
}

#[cfg(test)]
mod tests {
    use super::super::{analyzer, terms, AnalysisOptions, Stemmer};
    use crate::lang::Lang;
    use tantivy::tokenizer::TokenStream;

    fn fr(text: &str) -> Vec<String> {
        terms(Lang::Fr, text)
    }

    fn with(opts: AnalysisOptions, text: &str) -> Vec<String> {
        let mut a = analyzer(Lang::Fr, opts);
        let mut ts = a.token_stream(text);
        let mut v = Vec::new();
        while let Some(t) = ts.next() {
            if super::super::exact_form(&t.text).is_none() {
                v.push(t.text.clone());
            }
        }
        v
    }

    #[test]
    fn sentence() {
        assert_eq!(
            fr("Le Maroc a signé, jeudi à Strasbourg, le 2ème protocole additionnel"),
            [
                "maroc",
                "sign",
                "jeudi",
                "strasbourg",
                "2e",
                "protocol",
                "adition"
            ]
        );
        assert_eq!(
            fr("la Convention de Budapest sur la cybercriminalité"),
            ["convention", "budapest", "cybercriminalit"]
        );
    }

    #[test]
    fn ement_words_keep_their_ending() {
        // `-ément` words are not `-ement` adverbs: `éléments` is not `ele`
        // and `supplément` does not meet `supplie`.
        assert_ne!(fr("éléments"), ["ele"]);
        assert_ne!(fr("supplément"), fr("supplie"));
        assert_ne!(fr("élément"), fr("élu"));
        // The adverbs and nouns in `-ement` still meet their stem.
        assert_eq!(fr("rapidement"), fr("rapide"));
        assert_eq!(fr("gouvernement"), fr("gouverner"));
    }

    #[test]
    fn equivalences() {
        let groups: &[&[&str]] = &[
            &["protocoles", "protocole", "Protocole"],
            &[
                "l'Économie",
                "L’Économie",
                "economie",
                "ÉCONOMIE",
                "d'économie",
            ],
            &["cybercriminalité", "Cybercriminalité", "cybercriminalite"],
            &["école", "ecole", "ÉCOLE", "écoles"],
            &["œuvre", "oeuvre", "Œuvres"],
            &["2e", "2ème", "2eme", "2è", "2nd", "2ÈME"],
            &["1er", "1re", "1ère", "1ers", "1ERE"],
            &["Budapest", "budapest"],
            &["additionnel", "additionnelle", "additionnels"],
            &["qu'il signe", "signe"],
            &["jusqu'aujourd'hui", "aujourd'hui"],
            &["lorsqu’Europe", "europe"],
            &["nationaux", "national"],
            &["Cæsar", "caesar"],
            &["éléments", "élément", "elements", "ELEMENT"],
            &["supplément", "suppléments", "supplement"],
            &["précisément", "precisement"],
            &["gouvernement", "gouvernements"],
        ];
        for group in groups {
            let first = fr(group[0]);
            assert!(!first.is_empty(), "{group:?}");
            for other in &group[1..] {
                assert_eq!(fr(other), first, "{} vs {}", group[0], other);
            }
        }
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("2022", &["2022"]),
            ("le 21e siècle", &["21e", "siecl"]),
            (
                "porte-parole du gouvernement",
                &["port", "parol", "gouvern"],
            ),
            ("Rabat-Salé-Kénitra", &["rabat", "sale", "kenitra"]),
            ("c'est l'été", &["est", "ete"]),
            ("Il n'y a pas de quoi", &["quoi"]),
            (
                "et, ou, mais, donc, or, ni, car",
                &["donc", "or", "ni", "car"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&fr(text), expected, "{text:?}");
        }
    }

    #[test]
    fn options() {
        let raw = AnalysisOptions {
            stemmer: Stemmer::None,
            normalize: false,
            stopwords: false,
            exact_forms: false,
        };
        assert_eq!(
            with(raw, "L'Économie de la 2ème"),
            ["l'économie", "de", "la", "2ème"]
        );
        let no_stem = AnalysisOptions {
            stemmer: Stemmer::None,
            ..AnalysisOptions::default()
        };
        assert_eq!(with(no_stem, "Les protocoles"), ["protocoles"]);
        let snowball = AnalysisOptions {
            stemmer: Stemmer::Snowball,
            ..AnalysisOptions::default()
        };
        for group in [
            ["protocoles", "protocole"],
            ["cybercriminalité", "cybercriminalite"],
            ["l'Économie", "economie"],
        ] {
            assert_eq!(with(snowball, group[0]), with(snowball, group[1]));
        }
        assert_eq!(with(snowball, "Budapest"), ["budapest"]);
        // Stop words kept, still light-stemmed.
        let keep_stop = AnalysisOptions {
            stopwords: false,
            ..AnalysisOptions::default()
        };
        assert_eq!(with(keep_stop, "la convention"), ["la", "convention"]);
    }
}
