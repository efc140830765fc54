//! Character normalisation, shared by every analyzer: lowercasing, accent
//! and ligature folding, presentation forms, and the Arabic normalisation
//! ([`fold_arabic`]), applied to Arabic letters whatever the language.

use unicode_normalization::char::{decompose_canonical, decompose_compatible};

/// Lowercases `word` into `out` (the only normalisation when
/// `AnalysisOptions::normalize` is false).
pub(crate) fn lowercase_into(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Full normalisation of `word` into `out`: lowercase, accent folding of
/// Latin and Greek letters (canonical decomposition, combining accents
/// U+0300..U+036F dropped), ligatures (`œ` → `oe`, `æ` → `ae`, `ß` → `ss`,
/// ...), typographic apostrophes → `'`, NFKC-style compatibility
/// decomposition of presentation forms (Arabic FB50–FDFF/FE70–FEFF, Latin
/// ligatures FB00–FB06, fullwidth forms) and the Arabic normalisation of
/// [`fold_arabic`] for every Arabic character, whatever the language.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            fold_char(c, out);
        }
    }
}

fn fold_char(c: char, out: &mut String) {
    match c as u32 {
        0x0600..=0x06FF => {
            if let Some(m) = fold_arabic(c) {
                out.push(m);
            }
        }
        0xFB00..=0xFDFF | 0xFE70..=0xFEFF | 0xFF00..=0xFFEF => {
            decompose_compatible(c, |d| {
                if d.is_ascii() {
                    if !d.is_ascii_whitespace() {
                        out.push(d.to_ascii_lowercase());
                    }
                } else if !d.is_whitespace() {
                    for l in d.to_lowercase() {
                        fold_lower(l, out);
                    }
                }
            });
        }
        _ => {
            for l in c.to_lowercase() {
                fold_lower(l, out);
            }
        }
    }
}

/// Folds an already lowercased character that is not a presentation form.
fn fold_lower(l: char, out: &mut String) {
    match l {
        c if c.is_ascii() => out.push(c),
        'œ' => out.push_str("oe"),
        'æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        'þ' => out.push_str("th"),
        'ø' => out.push('o'),
        'ł' => out.push('l'),
        'đ' | 'ð' => out.push('d'),
        'ı' => out.push('i'),
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => out.push('\''),
        '\u{0300}'..='\u{036F}' => {}
        '\u{0600}'..='\u{06FF}' => {
            if let Some(m) = fold_arabic(l) {
                out.push(m);
            }
        }
        '\u{00C0}'..='\u{024F}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{0370}'..='\u{03FF}'
        | '\u{1F00}'..='\u{1FFF}' => decompose_canonical(l, |d| {
            if !('\u{0300}'..='\u{036F}').contains(&d) {
                out.push(d);
            }
        }),
        _ => out.push(l),
    }
}

/// Normalises one character of the Arabic block U+0600..U+06FF; `None` means
/// the character is dropped.
#[inline]
pub(crate) fn fold_arabic(c: char) -> Option<char> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        let mut out = String::new();
        fold_into(s, &mut out);
        out
    }

    #[test]
    fn folds_characters() {
        let cases = [
            ("ÉCOLE", "ecole"),
            ("école", "ecole"),
            ("e\u{301}cole", "ecole"),
            ("Œuvre", "oeuvre"),
            ("Cæsar", "caesar"),
            ("straße", "strasse"),
            ("L’État", "l'etat"),
            ("ﬁn", "fin"),
            ("ＡＢＣ", "abc"),
            ("ﻻ", "لا"),
            ("ﺃﻋﻠﻦ", "اعلن"),
            ("أإآٱ", "اااا"),
            ("مسؤول", "مسوول"),
            ("رئيس", "رييس"),
            ("مستشفى", "مستشفي"),
            ("جريمة", "جريمه"),
            ("وقَّعَ", "وقع"),
            ("مـــغـــرب", "مغرب"),
            ("٢٠٢٢", "2022"),
            ("۱۴۰۱", "1401"),
            ("ماء", "ماء"),
        ];
        for (input, expected) in cases {
            assert_eq!(folded(input), expected, "{input:?}");
        }
    }
}
