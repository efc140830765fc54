//! Language identification: the script first (Arabic letters mean Arabic),
//! then [`whichlang`] to tell French, Spanish and English apart.
//!
//! ```
//! use akhbar::lang::{detect, Lang};
//! assert_eq!(detect("الجريمة السيبرانية في المغرب"), Lang::Ar);
//! assert_eq!(detect("Le Maroc signe le protocole additionnel à la convention"), Lang::Fr);
//! ```

use std::fmt;
use std::str::FromStr;

/// A language akhbar has an analyzer for, or `Other`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Fr,
    Ar,
    Es,
    En,
    Other,
}

impl Lang {
    /// Every language, in the order their index fields are declared.
    pub const ALL: [Lang; 5] = [Lang::Fr, Lang::Ar, Lang::Es, Lang::En, Lang::Other];

    /// The ISO 639-1 code (`"fr"`, `"ar"`, ...) or `"other"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Ar => "ar",
            Lang::Es => "es",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error for a language code akhbar does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`: use one of fr, ar, es, en, other")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Ok(Lang::Fr),
            "ar" | "ara" | "arabic" | "arabe" | "ar-ma" | "ary" => Ok(Lang::Ar),
            "es" | "spa" | "spanish" | "espagnol" | "español" => Ok(Lang::Es),
            "en" | "eng" | "english" | "anglais" => Ok(Lang::En),
            "other" | "und" => Ok(Lang::Other),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

/// True for a letter of the Arabic script (base block, supplement, extended-A,
/// presentation forms).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32,
        0x0620..=0x064A | 0x066E..=0x06D3 | 0x06FA..=0x06FF
        | 0x0750..=0x077F | 0x08A0..=0x08C9 | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC)
}

/// Counts of the letters of a text by script.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ScriptCounts {
    pub arabic: usize,
    pub latin: usize,
    pub other: usize,
}

/// Counts the alphabetic characters of `text` by script.
pub fn script_counts(text: &str) -> ScriptCounts {
    let mut counts = ScriptCounts::default();
    for c in text.chars() {
        if c.is_ascii() {
            // Most characters of French text: no Unicode table look-up.
            counts.latin += usize::from(c.is_ascii_alphabetic());
        } else if is_arabic_letter(c) {
            counts.arabic += 1;
        } else if matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF) && c.is_alphabetic() {
            counts.latin += 1;
        } else if c.is_alphabetic() {
            counts.other += 1;
        }
    }
    counts
}

impl ScriptCounts {
    /// Letters of every script.
    pub fn letters(&self) -> usize {
        self.arabic + self.latin + self.other
    }
}

/// `whichlang` reads at most this many bytes of a text: its answer on a
/// kilobyte of news text is as good as on the whole (it scores character
/// n-grams), and a long article costs no more than a short one.
const DETECTION_SAMPLE_BYTES: usize = 1024;

/// Detects the language of a text.
///
/// Arabic script decides Arabic outright; Latin text goes to `whichlang`,
/// whose answer is kept when it is French, Spanish or English. A text with
/// no letters, or in another language, is `Other`.
pub fn detect(text: &str) -> Lang {
    detect_with_counts(text, &script_counts(text))
}

/// [`detect`] for a text whose script counts are known.
pub fn detect_with_counts(text: &str, counts: &ScriptCounts) -> Lang {
    let letters = counts.letters();
    if letters == 0 {
        return Lang::Other;
    }
    if counts.arabic * 2 >= letters {
        return Lang::Ar;
    }
    if counts.latin * 2 < letters {
        return Lang::Other;
    }
    let mut cut = text.len().min(DETECTION_SAMPLE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    match whichlang::detect_language(&text[..cut]) {
        whichlang::Lang::Fra => Lang::Fr,
        whichlang::Lang::Spa => Lang::Es,
        whichlang::Lang::Eng => Lang::En,
        // Short Romance text is often mistaken for its neighbours: Portuguese
        // and Italian pages are rare in Maghreb press, French and Spanish are not.
        whichlang::Lang::Por => Lang::Es,
        whichlang::Lang::Ita => Lang::Fr,
        _ => Lang::Other,
    }
}

/// A passage needs this many letters for its own language to be trusted;
/// shorter ones take the language of the article.
const MIN_PASSAGE_LETTERS: usize = 40;

/// Splits a body into passages (its paragraphs), each with its language.
/// Consecutive paragraphs of one language are merged; paragraphs too short
/// to identify take the article's dominant language.
pub fn passages(body: &str) -> Vec<crate::article::Passage> {
    let paragraphs: Vec<(&str, Option<Lang>, usize)> = body
        .split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let c = script_counts(p);
            let letters = c.letters();
            let lang = (letters >= MIN_PASSAGE_LETTERS).then(|| detect_with_counts(p, &c));
            (p, lang, letters)
        })
        .collect();
    let mut weights: std::collections::BTreeMap<Lang, usize> = Default::default();
    for (_, lang, letters) in &paragraphs {
        if let Some(lang) = lang {
            *weights.entry(*lang).or_default() += letters;
        }
    }
    let dominant = weights
        .iter()
        .max_by_key(|(lang, w)| (**w, std::cmp::Reverse(**lang)))
        .map(|(lang, _)| *lang)
        .unwrap_or_else(|| detect(body));
    let mut out: Vec<crate::article::Passage> = Vec::new();
    for (text, lang, _) in paragraphs {
        let lang = lang.unwrap_or(dominant);
        match out.last_mut() {
            Some(last) if last.lang == lang => {
                last.text.push('\n');
                last.text.push_str(text);
            }
            _ => out.push(crate::article::Passage {
                lang,
                text: text.to_string(),
            }),
        }
    }
    out
}

/// The dominant language of passages (by letters), and every language
/// present, dominant first.
pub fn dominant(passages: &[crate::article::Passage]) -> (Lang, Vec<Lang>) {
    let mut weights: std::collections::BTreeMap<Lang, usize> = Default::default();
    for p in passages {
        let c = script_counts(&p.text);
        *weights.entry(p.lang).or_default() += c.arabic + c.latin + c.other + 1;
    }
    let mut ranked: Vec<(Lang, usize)> = weights.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let langs: Vec<Lang> = ranked.iter().map(|(l, _)| *l).collect();
    (langs.first().copied().unwrap_or(Lang::Other), langs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_four_languages() {
        assert_eq!(
            detect("Le ministre a appelé les délégations participant à cette conférence"),
            Lang::Fr
        );
        assert_eq!(
            detect("وأوضح وهبي أن المغرب كان من بين الدول النشيطة"),
            Lang::Ar
        );
        assert_eq!(
            detect("Un holandés de origen marroquí ha sido condenado a cinco años de prisión"),
            Lang::Es
        );
        assert_eq!(
            detect("Morocco shines across all levels at the awards ceremony"),
            Lang::En
        );
        assert_eq!(detect("2022 - 13 - 05"), Lang::Other);
    }

    #[test]
    fn parses_codes() {
        assert_eq!("FR".parse::<Lang>(), Ok(Lang::Fr));
        assert_eq!("ar".parse::<Lang>(), Ok(Lang::Ar));
        assert!("xx".parse::<Lang>().is_err());
    }
}
