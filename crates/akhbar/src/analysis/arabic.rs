//! Arabic (`akhbar_ar`).
//!
//! Normalisation (shared by every analyzer, see [`fold_char`]): NFKC-style
//! decomposition of presentation forms (`ﻻ` → `لا`), diacritics (U+064B..U+065F,
//! U+0670, U+06D6..U+06ED, U+0610..U+061A) and tatweel removed, `أ إ آ ٱ` → `ا`,
//! `ؤ` → `و`, `ئ` → `ي`, `ى` → `ي`, `ة` → `ه`, Persian `ی`/`ک` → `ي`/`ك`,
//! Arabic-Indic and Persian digits → ASCII. The lone hamza `ء` is **kept**
//! (dropping it would merge `ماء` "water" with the particle `ما`).
//!
//! Then the Arabic stop words (a Lucene-like list, normalised the same way)
//! and the light stemmer [`light_stem`] (default) or Snowball Arabic.
//!
//! ```
//! use akhbar::analysis::terms;
//! use akhbar::lang::Lang;
//! assert_eq!(terms(Lang::Ar, "والمغرب"), terms(Lang::Ar, "مغرب"));
//! assert_eq!(terms(Lang::Ar, "للاتفاقية"), terms(Lang::Ar, "اتفاقية"));
//! ```

use std::collections::HashSet;
use std::sync::LazyLock;

use super::stopwords::FxBuild;
use super::tokenizer::{snowball_in_place, Snowball};
use super::{stopwords, AnalysisOptions, Stemmer};
use crate::lang::Lang;

/// Normalises one character of the Arabic block U+0600..U+06FF; `None` means
/// the character is dropped.
#[inline]
pub(crate) fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => 'ا',
        '\u{0624}' => 'و',
        '\u{0626}' | '\u{0649}' | '\u{06CC}' => 'ي',
        '\u{0629}' | '\u{06C0}' | '\u{06C1}' => 'ه',
        '\u{06A9}' => 'ك',
        '\u{0640}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}' => return None,
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c => c,
    })
}

/// The Arabic chain after normalisation. Returns false to drop the word.
pub(crate) fn process(
    out: &mut String,
    opts: AnalysisOptions,
    snowball: Option<&Snowball>,
) -> bool {
    if opts.stopwords && stopwords::set(Lang::Ar, opts.normalize).contains(out.as_str()) {
        return false;
    }
    stem(out, opts, snowball);
    true
}

/// The stemming step alone, on a normalised word that was kept (words
/// with digits are not stemmed).
pub(crate) fn stem(out: &mut String, opts: AnalysisOptions, snowball: Option<&Snowball>) {
    if out.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    match opts.stemmer {
        Stemmer::None => {}
        Stemmer::Light => light_stem(out),
        Stemmer::Snowball | Stemmer::Best => {
            if let Some(s) = snowball {
                // Snowball Arabic keeps `و` before the article (`والمغرب`)
                // and treats lengths differently with and without it: strip
                // the article combinations with the light rules first.
                strip_article(out);
                snowball_in_place(out, s);
            }
        }
    }
}

/// Prefixes made of a conjunction/preposition and the article, longest first,
/// with the minimum number of letters that must remain after stripping.
const ARTICLE_PREFIXES: [(&str, usize); 6] = [
    ("وال", 3),
    ("بال", 3),
    ("كال", 3),
    ("فال", 3),
    ("لل", 2),
    ("ال", 2),
];

/// Suffixes, longest first (both the normalised `ه` and the raw `ة` forms, so
/// that the stemmer also works with `normalize == false`).
const SUFFIXES: [&str; 10] = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"];

/// Minimum number of letters left by suffix stripping.
const SUFFIX_MIN_STEM: usize = 3;

/// Frequent words whose initial `و` is a root letter, not the conjunction
/// (normalised forms): they are never stripped of it.
static WAW_ROOTS: LazyLock<HashSet<&'static str, FxBuild>> = LazyLock::new(|| {
    [
        "وزاره",
        "وزارات",
        "وزير",
        "وزيره",
        "وزراء",
        "وطني",
        "وطنيه",
        "وطنيين",
        "ولايه",
        "ولايات",
        "وكاله",
        "وكالات",
        "وضعيه",
        "واحد",
        "واحده",
        "وجود",
        "وسائل",
        "وصول",
        "ورقه",
        "وثيقه",
        "وثائق",
        "وفاه",
        "واقع",
        "واقعه",
        "وادي",
        "وسيط",
        "وظيفه",
        "وظائف",
        "وقود",
        "وارد",
        "واردات",
        "وحده",
        "وحدات",
        "والده",
        "والدي",
        "وقائع",
        "وكيل",
        "ورشه",
        "وجده",
        "وهران",
        "وزان",
        "واشنطن",
        "وليد",
        "وثيقه",
        "ولاده",
        "وفود",
        "وجهه",
        "وجهات",
        "وصيه",
        "وقايه",
        "وسيله",
        "ودائع",
        "وفير",
        "وفره",
        "وديعه",
    ]
    .into_iter()
    .collect()
});

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Strips one article combination (`وال بال كال فال` when ≥ 3 letters remain,
/// `لل ال` when ≥ 2 remain) from a normalised word; true if one was
/// stripped. `الله` keeps its article.
///
/// ```
/// let mut word = String::from("بالمغرب");
/// assert!(akhbar::analysis::arabic::strip_article(&mut word));
/// assert_eq!(word, "مغرب");
/// ```
pub fn strip_article(s: &mut String) -> bool {
    if s == "الله" {
        return false;
    }
    let n = chars(s);
    for (prefix, min_rest) in ARTICLE_PREFIXES {
        if s.starts_with(prefix) && n - chars(prefix) >= min_rest {
            s.drain(..prefix.len());
            return true;
        }
    }
    false
}

/// The Arabic light stemmer, in place: at most one prefix, then at most one
/// suffix.
///
/// * Article combinations `وال بال كال فال` are stripped when ≥ 3 letters
///   remain, `لل ال` when ≥ 2 remain (`الحق` → `حق`; `الله` is kept whole).
/// * The conjunction `و` alone is stripped when ≥ 4 letters remain (`ولد`
///   stays) and the word is not a frequent `و`-initial word (`وزارة`).
/// * The prepositions/conjunction `ب ل ك ف` alone are stripped only when
///   ≥ 5 letters remain and the remainder starts with `م` or `ت` (verbal
///   nouns and participles: `لمكافحة` → `مكافحة`, `لتعزيز` → `تعزيز`), because
///   these letters start many roots and names (`فرنسا`, `بريطانيا`, `لبنان`,
///   `بيت`) that must keep matching their forms with the article.
/// * One suffix of `ها ان ات ون ين يه ية ه ة ي` (longest first) is removed when
///   ≥ 3 letters remain.
pub fn light_stem(s: &mut String) {
    if s == "الله" {
        return;
    }
    let n = chars(s);
    if !strip_article(s) {
        let mut it = s.chars();
        if let (Some(first), Some(second)) = (it.next(), it.next()) {
            let strip = match first {
                'و' => n > 4 && !WAW_ROOTS.contains(s.as_str()),
                'ب' | 'ل' | 'ك' | 'ف' => n > 5 && (second == 'م' || second == 'ت'),
                _ => false,
            };
            if strip {
                s.drain(..first.len_utf8());
            }
        }
    }
    let n = chars(s);
    for suffix in SUFFIXES {
        if s.ends_with(suffix) && n - chars(suffix) >= SUFFIX_MIN_STEM {
            s.truncate(s.len() - suffix.len());
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{analyzer, terms, AnalysisOptions, Stemmer};
    use crate::lang::Lang;
    use tantivy::tokenizer::TokenStream;

    /// The light stemmer's terms (the default for Arabic is Snowball).
    fn ar(text: &str) -> Vec<String> {
        let light = AnalysisOptions {
            stemmer: Stemmer::Light,
            ..AnalysisOptions::default()
        };
        with(light, text)
    }

    fn with(opts: AnalysisOptions, text: &str) -> Vec<String> {
        let mut a = analyzer(Lang::Ar, opts);
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
            ar("وقّع المغرب على اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية"),
            [
                "وقع",
                "مغرب",
                "اتفاق",
                "امم",
                "متحد",
                "مكافح",
                "جريم",
                "سيبران"
            ]
        );
    }

    #[test]
    fn equivalences() {
        let groups: &[&[&str]] = &[
            &["والمغرب", "المغرب", "مغرب", "بالمغرب", "ﺍﻟﻤﻐﺮﺏ"],
            &["أعلن", "اعلن", "أعلَنَ", "ﺃﻋﻠﻦ"],
            &["الجريمة", "جريمة", "الجريمه"],
            &["السيبرانية", "السيبراني", "سيبرانية"],
            &["اتفاقية", "الاتفاقية", "للاتفاقية", "والاتفاقية", "اتفاقيه"],
            &["لمكافحة", "مكافحة", "المكافحة", "ومكافحة"],
            &["وزارة", "الوزارة", "ووزارة"],
            &["فرنسا", "وفرنسا"],
            &["مسؤول", "المسؤول"],
            &["مستشفى", "المستشفي"],
            &["المغربـــي", "المغربي", "مغربي"],
            &["٢٠٢٢", "۲۰۲۲", "2022"],
        ];
        for group in groups {
            let first = ar(group[0]);
            assert!(!first.is_empty(), "{group:?}");
            for other in &group[1..] {
                assert_eq!(ar(other), first, "{} vs {}", group[0], other);
            }
        }
    }

    #[test]
    fn not_mangled() {
        let cases: &[(&str, &[&str])] = &[
            ("ولد", &["ولد"]),
            ("بيت", &["بيت"]),
            ("الله", &["الله"]),
            ("لبنان", &["لبن"]),
            ("فرنسا", &["فرنسا"]),
            ("ماء", &["ماء"]),
            ("في من على إلى عن أن إن هذا هذه التي الذي", &[]),
            ("لا", &[]),
            ("ﻻ", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(&ar(text), expected, "{text:?}");
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
        assert_eq!(with(raw, "في أعلنَ"), ["في", "أعلنَ"]);
        let snowball = AnalysisOptions {
            stemmer: Stemmer::Snowball,
            ..AnalysisOptions::default()
        };
        for group in [
            ["والمغرب", "المغرب"],
            ["الجريمة", "جريمة"],
            ["أعلن", "اعلن"],
        ] {
            let a = with(snowball, group[0]);
            assert!(!a.is_empty());
            assert_eq!(a, with(snowball, group[1]), "{group:?}");
        }
        let no_stop = AnalysisOptions {
            stopwords: false,
            stemmer: Stemmer::Light,
            ..AnalysisOptions::default()
        };
        assert_eq!(with(no_stop, "في المغرب"), ["في", "مغرب"]);
        // The default (`Stemmer::Best`) is Snowball for Arabic.
        assert_eq!(terms(Lang::Ar, "والمغرب"), with(snowball, "المغرب"));
        assert_eq!(terms(Lang::Ar, "المغربية"), with(snowball, "المغربية"));
    }

    #[test]
    fn exact_forms_beside_stems() {
        // Each kept word gives its stem, then its normalised unstemmed
        // form marked with `=`, at the same position. The article (alone or
        // with `و ب ك ف ل`) is not part of the exact form; suffixes are.
        let mut a = analyzer(
            Lang::Ar,
            AnalysisOptions {
                exact_forms: true,
                ..AnalysisOptions::default()
            },
        );
        let mut exact = |text: &str| {
            let mut ts = a.token_stream(text);
            let mut got = Vec::new();
            while let Some(t) = ts.next() {
                got.push((t.text.clone(), t.position));
            }
            got
        };
        let stem = terms(Lang::Ar, "المغربية").remove(0);
        assert_eq!(
            exact("في المغربية"),
            [(stem.clone(), 1), ("=مغربيه".to_string(), 1)]
        );
        assert_eq!(exact("والمغربية"), [(stem, 0), ("=مغربيه".to_string(), 0)]);
        assert_eq!(exact("بالمغرب")[1].0, "=مغرب");
        assert_eq!(exact("المغربيات")[1].0, "=مغربيات");
        // `الله` keeps its article.
        assert_eq!(exact("الله")[1].0, "=الله");
    }
}
