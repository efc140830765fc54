//! Arabic (`akhbar_ar`).
//!
//! Normalisation (shared by every analyzer, see `fold::fold_arabic`): NFKC-style
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

use super::fold::{fold_arabic, fold_into};
use super::language::{Cx, Language};
use super::snowball::{snowball_in_place, Snowball};
use super::stopwords::FxBuild;
use super::{stopwords, AnalysisOptions, Stemmer};
use crate::lang::Lang;

/// Arabic's rules: see the module docs.
pub(crate) struct Arabic;

impl Language for Arabic {
    fn name(&self) -> &'static str {
        "akhbar_ar"
    }

    fn snowball(&self, stemmer: Stemmer) -> Option<rust_stemmers::Algorithm> {
        (stemmer == Stemmer::Snowball).then_some(rust_stemmers::Algorithm::Arabic)
    }

    fn process(&self, out: &mut String, surface: &str, cx: &mut Cx) -> bool {
        process(out, surface, cx.opts, cx.snowball)
    }

    fn stem(&self, out: &mut String, cx: &mut Cx) {
        stem(out, cx.opts, cx.snowball);
    }

    fn exact_form(&self, exact: &mut String) {
        strip_article(exact);
    }
}

/// The Arabic chain after normalisation. Returns false to drop the word.
/// `surface` is the word as written, before normalisation.
fn process(
    out: &mut String,
    surface: &str,
    opts: AnalysisOptions,
    snowball: Option<&Snowball>,
) -> bool {
    if opts.stopwords
        && stopwords::set(Lang::Ar, opts.normalize).contains(out.as_str())
        && !(opts.normalize && MAQSURA_ONLY.contains(out.as_str()) && !ends_in_maqsura(surface))
    {
        return false;
    }
    stem(out, opts, snowball);
    true
}

/// The normalised forms of the stop words written with a final `ى` that
/// have no `ي` spelling of their own: `على` folds to `علي`, which is also the
/// name Ali, so the word is dropped only when it was written with `ى`.
static MAQSURA_ONLY: LazyLock<HashSet<String, FxBuild>> = LazyLock::new(|| {
    let listed: HashSet<&str> = stopwords::ARABIC.iter().copied().collect();
    stopwords::ARABIC
        .iter()
        .filter_map(|w| {
            let with_yeh = format!("{}ي", w.strip_suffix('ى')?);
            (!listed.contains(with_yeh.as_str())).then(|| {
                let mut folded = String::new();
                fold_into(w, &mut folded);
                folded
            })
        })
        .collect()
});

/// True if the last letter of `surface` (harakat and tatweel aside) is `ى`.
fn ends_in_maqsura(surface: &str) -> bool {
    surface.chars().rev().find(|&c| fold_arabic(c).is_some()) == Some('ى')
}

/// The stemming step alone, on a normalised word that was kept (words
/// with digits are not stemmed).
fn stem(out: &mut String, opts: AnalysisOptions, snowball: Option<&Snowball>) {
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
                snowball_keeping_root(out, s);
            }
        }
    }
}

/// The letters that are a conjunction (`و ف`) or a preposition (`ب ل ك`)
/// when they start a word, and a root letter in `وزير`, `فرنسا`, `بريطانيا`.
const CLITIC_LETTERS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

/// Pronoun and plural endings tried when a form is looked up in
/// [`ROOT_INITIAL`] (`وزيرها` is `وزير` + `ها`), longest first.
const LOOKUP_SUFFIXES: [&str; 14] = [
    "هما", "يين", "يون", "ها", "هم", "هن", "كم", "نا", "ات", "ان", "ين", "ون", "ه", "ي",
];

/// The words whose first letter `و ف ب ل ك` is their own, not a clitic
/// (normalised, without the article): `وزير`, `فرنسا`, `بريطانيا`, `لبنان`,
/// `كتاب`. Counted in the Arabic corpora by `akhbar-words root-initial`
/// (the lab crate): a form is listed when it is frequent and its letters
/// without the first are not a word of their own in the same text.
static ROOT_INITIAL: LazyLock<HashSet<&'static str, FxBuild>> = LazyLock::new(|| {
    include_str!("../../data/arabic_root_initial.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// True if `word` (normalised, without the article) is a listed
/// root-initial word, alone or with one pronoun or plural ending.
fn is_root_initial(word: &str) -> bool {
    if ROOT_INITIAL.contains(word) || WAW_ROOTS.contains(word) {
        return true;
    }
    let n = chars(word);
    LOOKUP_SUFFIXES.iter().any(|suffix| {
        word.len() > suffix.len()
            && n - chars(suffix) >= 3
            && word
                .strip_suffix(suffix)
                .is_some_and(|stem| ROOT_INITIAL.contains(stem))
    })
}

/// Where the word proper starts in `word` (normalised, without the
/// article), in bytes, when its first letter `و ف ب ل ك` belongs to it:
/// 0 for `وزير`, 2 for `ووزير` and `لفرنسا`, 4 for `وبفرنسا`. `None` when the
/// word does not start with a listed root-initial word.
fn root_initial_start(word: &str) -> Option<usize> {
    let mut start = 0;
    for _ in 0..3 {
        let rest = &word[start..];
        if rest.starts_with(CLITIC_LETTERS) && is_root_initial(rest) {
            return Some(start);
        }
        // Up to two clitics before the word: `و`/`ف`, then `ب ل ك`.
        let first = rest.chars().next()?;
        let allowed = if start == 0 {
            CLITIC_LETTERS.contains(&first)
        } else {
            matches!(first, 'ب' | 'ل' | 'ك')
        };
        if !allowed || chars(rest) <= 3 {
            return None;
        }
        start += first.len_utf8();
    }
    None
}

/// The letter Snowball is given instead of a protected first letter: it
/// starts no Arabic prefix, so Snowball leaves it (and the word) alone.
const PLACEHOLDER: char = 'ج';

/// Snowball Arabic, keeping the letters Snowball would take for clitics
/// when they belong to the word, and meeting plurals with their singular:
///
/// * a word that starts with a listed root-initial word ([`ROOT_INITIAL`])
///   loses only the clitics before it (`ووزير` → `وزير`), and its first letter
///   is kept through Snowball (`وزير` stays `وزير`, not `زير`);
/// * the plural endings `-يين -يون` become the singular `-ي` (`الفلسطينيين`,
///   `الفلسطيني`), and `-ات` becomes `-ه` (`السلطات`, `السلطة`) when at
///   least 3 letters remain.
fn snowball_keeping_root(out: &mut String, s: &Snowball) {
    let protected = root_initial_start(out).map(|start| {
        out.drain(..start);
        out.chars().next().unwrap_or(PLACEHOLDER)
    });
    if protected.is_none() {
        // Snowball leaves `و`/`ف` before `ا` (`وامن`) and takes some
        // `و`-words for verbs (`وشركه` → `وشر`): the conjunction goes first.
        if let Some(rest) = out.strip_prefix(['و', 'ف']) {
            if chars(rest) >= 3 {
                out.drain(..'و'.len_utf8());
            }
        }
        // Snowball never strips the preposition `ل` (`لحكومه`); the words
        // whose `ل` is their own (`لجنه`, `لبنان`) were protected above.
        // Nor `ب` before `ا` (`باتحاد`).
        for clitic in ['ل', 'ب'] {
            let strip = out
                .strip_prefix(clitic)
                .is_some_and(|rest| chars(rest) >= 3 && (clitic == 'ل' || rest.starts_with('ا')));
            if strip {
                out.drain(..clitic.len_utf8());
            }
        }
    }
    let n = chars(out);
    if n >= 6 && (out.ends_with("تين") || out.ends_with("تان")) {
        // The dual of a word in `-ة`: `مدينتين`, `مدينة`.
        out.truncate(out.len() - "تين".len());
        out.push('ه');
    } else if n >= 5 && (out.ends_with("يين") || out.ends_with("يون")) {
        out.truncate(out.len() - "ين".len());
    } else if n >= 5 && out.ends_with("ات") {
        out.truncate(out.len() - "ات".len());
        out.push('ه');
    }
    match protected {
        Some(first) => {
            out.replace_range(..first.len_utf8(), PLACEHOLDER.encode_utf8(&mut [0; 4]));
            snowball_in_place(out, s);
            if out.starts_with(PLACEHOLDER) {
                out.replace_range(..PLACEHOLDER.len_utf8(), first.encode_utf8(&mut [0; 4]));
            } else {
                out.insert(0, first);
            }
        }
        None => snowball_in_place(out, s),
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
/// assert!(akhbar::analysis::strip_arabic_article(&mut word));
/// assert_eq!(word, "مغرب");
/// ```
pub fn strip_article(s: &mut String) -> bool {
    if s == "الله" {
        return false;
    }
    if s.starts_with("لل") {
        // `ل` + `ال` + a word in `ل` is written with two `ل` (`للجنه`): the
        // second is the word's own.
        let own = &s["ل".len()..];
        if chars(own) >= 3 && is_root_initial(own) {
            s.drain(.."ل".len());
            return true;
        }
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
    if strip_article(s) {
        // The article is the only prefix stripped.
    } else if let Some(start) = root_initial_start(s) {
        s.drain(..start);
    } else {
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

    /// The default analyzer (Snowball with the root-initial list and the
    /// plural rules) on the words a reader types: each group meets, and
    /// the first letter of `وزير`, `فرنسا`, `لبنان`, `بريطانيا` stays.
    #[test]
    fn default_keeps_the_word() {
        let groups: &[&[&str]] = &[
            &[
                "وزير",
                "ووزير",
                "الوزير",
                "والوزير",
                "للوزير",
                "وزيرها",
                "فالوزير",
            ],
            &["فرنسا", "وفرنسا", "لفرنسا", "بفرنسا", "وبفرنسا"],
            &["الفلسطيني", "الفلسطينيين", "الفلسطينيون", "فلسطيني"],
            &["انتخابات", "انتخاب", "الانتخابات", "والانتخابات"],
            &["السلطات", "السلطة", "سلطة", "وسلطات"],
            &["المغربيين", "المغربي", "مغربي", "والمغربيون"],
            &["للجنة", "اللجنة", "لجنة", "ولجنة"],
            &["لحكومة", "الحكومة", "حكومة", "وحكومة", "للحكومة"],
            &["مدينتين", "مدينة", "المدينة"],
            &["لبنان", "ولبنان", "بلبنان"],
            &["بريطانيا", "وبريطانيا", "لبريطانيا"],
            &["وهبي", "لوهبي", "ووهبي"],
            &["وشركة", "شركة", "الشركة", "للشركة"],
            &["بايدن", "لبايدن", "وبايدن"],
        ];
        for group in groups {
            let first = terms(Lang::Ar, group[0]);
            assert_eq!(first.len(), 1, "{group:?}");
            for other in &group[1..] {
                assert_eq!(terms(Lang::Ar, other), first, "{} vs {}", group[0], other);
            }
        }
        for (word, stem) in [
            ("وزير", "وزير"),
            ("فرنسا", "فرنس"),
            ("لبنان", "لبنان"),
            ("وكالة", "وكال"),
        ] {
            assert_eq!(terms(Lang::Ar, word), [stem], "{word}");
        }
        // Different words stay apart.
        for (a, b) in [
            ("وزير", "زير"),
            ("فرنسا", "رنس"),
            ("السلطات", "سلطان"),
            ("لجنة", "جنة"),
        ] {
            assert_ne!(terms(Lang::Ar, a), terms(Lang::Ar, b), "{a} vs {b}");
        }
    }

    /// `على` (on) is a stop word; `علي` (the name Ali) is not, although
    /// both fold to `علي`.
    #[test]
    fn ali_is_not_the_preposition() {
        assert!(terms(Lang::Ar, "على").is_empty());
        assert!(terms(Lang::Ar, "عَلَى").is_empty());
        assert_eq!(terms(Lang::Ar, "علي").len(), 1);
        assert_eq!(terms(Lang::Ar, "قال علي بن"), terms(Lang::Ar, "قال عليّ بن"));
        assert!(terms(Lang::Ar, "حتى لدى").is_empty());
        // Written with or without `ى`, these have one spelling in the list.
        assert!(terms(Lang::Ar, "الى إلي التي").is_empty());
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
