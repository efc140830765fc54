//! Word splitting, shared by every analyzer (and by near-duplicate
//! shingling).
//!
//! A word is a maximal run of letters, digits, combining marks (Unicode
//! `Mn`/`Mc`/`Me`, e.g. the Arabic harakat U+064B..U+065F and U+0670) and
//! tatweel (U+0640). An apostrophe (`'` or `’`) belongs to the word only when
//! it sits between two letters (`l'économie`, `aujourd'hui`, `Morocco's`), so
//! that the French filter can handle elision. Everything else separates words,
//! hyphens included: `porte-parole` gives `porte` and `parole` at consecutive
//! positions, so that a search for one part and the phrase both match.
//! Invisible format characters inside a word ([`is_invisible`]: a
//! zero-width space, a directional mark) do not split it.

use unicode_normalization::char::is_combining_mark;

/// True for a character that is part of a word (see the module docs).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_letter(c) || c.is_numeric() || c == '\u{0640}' || is_combining_mark(c)
}

/// `char::is_alphabetic` with the scripts of akhbar's corpora answered
/// without the Unicode tables, whose look-up took 46% of the CPU time of
/// indexing Arabic text (a table search for every Arabic character).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c as u32 {
        0x00..=0x7F => c.is_ascii_alphabetic(),
        // Latin-1 letters and Latin Extended-A/B (× and ÷ are not letters).
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F => true,
        // Arabic letters (hamza, alef ... yeh; alef wasla ... yeh barree;
        // Arabic supplement). The rest of the block (harakat, some of which
        // Unicode counts as alphabetic, digits, punctuation) asks the tables.
        0x0621..=0x063A
        | 0x0641..=0x064A
        | 0x066E..=0x066F
        | 0x0671..=0x06D3
        | 0x06D5
        | 0x06EE..=0x06EF
        | 0x06FA..=0x06FC
        | 0x06FF
        | 0x0750..=0x077F => true,
        _ => c.is_alphabetic(),
    }
}

/// True for an invisible format character that may sit inside a word in
/// pasted or scraped text: soft hyphen, zero-width space, non-joiner and
/// joiner, the directional marks, embeddings, overrides and isolates, the
/// word joiner and invisible operators, the byte-order mark. A word runs
/// on across them (`Ra\u{200B}bat` is `Rabat`) and the analyzers drop them.
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Finds the next word of `text` at or after byte `*cursor`, returns its byte
/// range and moves the cursor past it.
pub(crate) fn next_word(text: &str, cursor: &mut usize) -> Option<(usize, usize)> {
    let base = *cursor;
    let rest = text.get(base..)?;
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut prev_letter = false;
    let mut iter = rest.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let abs = base + i;
        if is_word_char(c) {
            if start.is_none() {
                start = Some(abs);
            }
            end = abs + c.len_utf8();
            if is_letter(c) {
                prev_letter = true;
            } else if !is_combining_mark(c) {
                prev_letter = false;
            }
            continue;
        }
        if start.is_some() {
            if is_invisible(c)
                && iter
                    .peek()
                    .is_some_and(|&(_, n)| is_word_char(n) || is_invisible(n))
            {
                continue;
            }
            if is_apostrophe(c) && prev_letter && iter.peek().is_some_and(|&(_, n)| is_letter(n)) {
                end = abs + c.len_utf8();
                prev_letter = false;
                continue;
            }
            *cursor = abs + c.len_utf8();
            return start.map(|s| (s, end));
        }
    }
    *cursor = text.len();
    start.map(|s| (s, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut cursor = 0;
        let mut v = Vec::new();
        while let Some((a, b)) = next_word(text, &mut cursor) {
            v.push(&text[a..b]);
        }
        v
    }

    #[test]
    fn is_letter_agrees_with_unicode() {
        for code in 0..0x3000u32 {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(is_letter(c), c.is_alphabetic(), "U+{code:04X} {c}");
            }
        }
    }

    #[test]
    fn invisible_characters_do_not_split_a_word() {
        assert_eq!(words("Ra\u{200B}bat, le"), vec!["Ra\u{200B}bat", "le"]);
        assert_eq!(words("الر\u{200C}باط"), vec!["الر\u{200C}باط"]);
        assert_eq!(
            words("cyber\u{00AD}crimi\u{2060}nalité"),
            vec!["cyber\u{00AD}crimi\u{2060}nalité"]
        );
        // Around a word, or between two words, they are nothing.
        assert_eq!(words("\u{202B}وزير\u{202C} العدل"), vec!["وزير", "العدل"]);
        assert_eq!(words("Maroc\u{200B} \u{FEFF}Rabat"), vec!["Maroc", "Rabat"]);
    }

    #[test]
    fn splits_words() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("  ,;!? -- ", &[]),
            ("porte-parole", &["porte", "parole"]),
            ("Rabat-Salé-Kénitra", &["Rabat", "Salé", "Kénitra"]),
            ("l'Économie", &["l'Économie"]),
            ("L’Économie", &["L’Économie"]),
            ("jusqu'à", &["jusqu'à"]),
            ("'quoted'", &["quoted"]),
            ("l' x", &["l", "x"]),
            ("80's", &["80", "s"]),
            (
                "Le 2ème protocole, 2022.",
                &["Le", "2ème", "protocole", "2022"],
            ),
            ("وقّع المغرب", &["وقّع", "المغرب"]),
            ("مـــغـــرب", &["مـــغـــرب"]),
            ("COVID-19", &["COVID", "19"]),
            ("a😀b", &["a", "b"]),
            ("e\u{301}cole", &["e\u{301}cole"]),
            ("北京 市", &["北京", "市"]),
        ];
        for (text, expected) in cases {
            assert_eq!(&words(text), expected, "{text:?}");
        }
    }
}
