//! Text encodings: UTF-8 (with or without BOM), UTF-16 with BOM, and the
//! legacy single-byte encodings Maghreb sites still serve — Windows-1256 and
//! ISO-8859-6 for Arabic, Windows-1252 (a superset of Latin-1) for French.
//!
//! Bytes that are not UTF-8 are decoded with each legacy candidate and the
//! most plausible text wins; text that is implausible in every candidate is
//! refused. UTF-8 text that is itself mojibake (`Ã©`, `Ø§Ù„`: UTF-8 read as
//! a single-byte encoding and saved again) is repaired when the repair is
//! unambiguous, and refused otherwise.

use encoding_rs::{Encoding, ISO_8859_6, UTF_8, WINDOWS_1252, WINDOWS_1256};

/// Why bytes could not become trustworthy text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodingError {
    /// No candidate encoding gives plausible text.
    Undecodable(String),
    /// The text is mojibake that cannot be repaired unambiguously.
    Mojibake(String),
}

impl std::fmt::Display for EncodingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EncodingError::Undecodable(d) | EncodingError::Mojibake(d) => f.write_str(d),
        }
    }
}

/// Text decoded from bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding the bytes were read as (`UTF-8`, `windows-1256`...).
    pub encoding: &'static str,
    /// True when mojibake was found and repaired.
    pub repaired: bool,
}

/// The legacy encodings tried, in order of preference on a tie.
const LEGACY: [&Encoding; 3] = [WINDOWS_1256, WINDOWS_1252, ISO_8859_6];

/// The encoding named by a label (`utf-8`, `windows-1256`, `latin1`,
/// `iso-8859-6`...), as browsers understand labels.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Decodes bytes to text: a BOM decides; then UTF-8; then the declared
/// encoding (an HTML `<meta charset>`) when it gives plausible text; then the
/// most plausible legacy encoding. Mojibake is repaired or refused.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, EncodingError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) =
            encoding.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or_default());
        if had_errors && encoding != UTF_8 {
            return Err(EncodingError::Undecodable(format!(
                "invalid {} after its byte-order mark",
                encoding.name()
            )));
        }
        if !had_errors {
            return finish(text.into_owned(), encoding.name());
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_string(), "UTF-8");
    }
    if let Some(encoding) = declared.filter(|e| *e != UTF_8 && e.is_single_byte()) {
        let text = decode_single_byte(bytes, encoding);
        if badness(&text) <= MAX_BADNESS {
            return finish(text, encoding.name());
        }
    }
    let mut best: Option<(f64, u8, String, &'static str)> = None;
    for encoding in LEGACY {
        let text = decode_single_byte(bytes, encoding);
        let score = badness(&text);
        // On a tie (French text reads the same in Windows-1256), the
        // encoding made for the text's script wins.
        let counts = crate::lang::script_counts(&text);
        let arabic_text = counts.arabic > counts.latin;
        let preference = u8::from((encoding == WINDOWS_1252) == arabic_text);
        let better = best
            .as_ref()
            .is_none_or(|(b, p, _, _)| (score, preference) < (*b, *p));
        if better {
            best = Some((score, preference, text, encoding.name()));
        }
    }
    match best {
        Some((score, _, text, name)) if score <= MAX_BADNESS && has_letters(&text) => {
            finish(text, name)
        }
        _ => Err(EncodingError::Undecodable(
            "not UTF-8, and neither Windows-1256, ISO-8859-6 nor Windows-1252 gives plausible text"
                .into(),
        )),
    }
}

fn finish(text: String, encoding: &'static str) -> Result<Decoded, EncodingError> {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    let (text, repaired) = repair_mojibake(&text)?;
    Ok(Decoded {
        text,
        encoding,
        repaired,
    })
}

fn decode_single_byte(bytes: &[u8], encoding: &'static Encoding) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The most "unusual character" share tolerated in decoded text.
const MAX_BADNESS: f64 = 0.02;

fn has_letters(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
}

/// How implausible a text is, per letter: control characters, replacement
/// characters, words mixing Arabic and Latin letters, and Latin words made
/// mostly of accented letters (`ÇáãÛÑÈ`, Arabic read as Windows-1252).
pub fn badness(text: &str) -> f64 {
    let mut letters = 0usize;
    let mut bad = 0.0f64;
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
        } else if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        {
            bad += 1.0;
        }
    }
    for word in text.split(|c: char| !c.is_alphabetic()) {
        let (mut arabic, mut latin, mut accented) = (0usize, 0usize, 0usize);
        for c in word.chars() {
            if crate::lang::is_arabic_letter(c) {
                arabic += 1;
            } else if c.is_alphabetic() {
                latin += 1;
                if !c.is_ascii() {
                    accented += 1;
                }
            }
        }
        if arabic > 0 && latin > 0 {
            bad += word.chars().count() as f64;
        } else if accented >= 3 && accented * 2 > latin {
            bad += accented as f64;
        }
    }
    bad / letters.max(1) as f64
}

/// Characters that mark likely mojibake: a single-byte decoding of a UTF-8
/// lead byte followed by one of a continuation byte. After an Arabic letter
/// (UTF-8 read as Windows-1256), the Arabic comma, guillemets, quotes and
/// other punctuation that genuine text puts after a word do not count.
fn suspicious_pair(a: char, b: char) -> bool {
    match a {
        'Ã' | 'Â' | 'Ø' | 'Ù' | 'Ú' | 'Û' | 'Å' | 'â' => {
            matches!(b as u32, 0x80..=0xBF)
                || matches!(
                    b,
                    '€' | '‚'
                        | 'ƒ'
                        | '„'
                        | '…'
                        | '†'
                        | '‡'
                        | 'ˆ'
                        | '‰'
                        | 'Š'
                        | '‹'
                        | 'Œ'
                        | 'Ž'
                        | '‘'
                        | '’'
                        | '“'
                        | '”'
                        | '•'
                        | '–'
                        | '—'
                        | '˜'
                        | '™'
                        | 'š'
                        | '›'
                        | 'œ'
                        | 'ž'
                        | 'Ÿ'
                )
        }
        'ط' | 'ظ' | 'أ' | 'آ' => matches!(
            b,
            '€' | 'پ'
                | '‚'
                | 'ƒ'
                | '„'
                | '†'
                | '‡'
                | 'ˆ'
                | '‰'
                | 'ٹ'
                | '‹'
                | 'Œ'
                | 'چ'
                | 'ژ'
                | 'ڈ'
                | '•'
                | 'ک'
                | '™'
                | 'ڑ'
                | '›'
                | 'œ'
                | 'ں'
                | '¢'
                | '£'
                | '¤'
                | '¥'
                | '¦'
                | '§'
                | '¨'
                | '©'
                | 'ھ'
                | '¬'
                | '®'
                | '¯'
                | '°'
                | '±'
                | '²'
                | '³'
                | '´'
                | 'µ'
                | '¶'
                | '·'
                | '¸'
                | '¹'
                | '¼'
                | '½'
                | '¾'
        ),
        _ => false,
    }
}

/// The number of adjacent character pairs that look like mojibake.
fn suspicious_pairs(text: &str) -> usize {
    let mut count = 0;
    let mut prev = '\0';
    for c in text.chars() {
        if suspicious_pair(prev, c) {
            count += 1;
        }
        prev = c;
    }
    count
}

/// Re-encodes `text` with a single-byte encoding and reads the bytes as
/// UTF-8: `Some` only when every character maps and the bytes are valid
/// UTF-8 holding at least one non-ASCII character.
fn undo(text: &str, encoding: &'static Encoding) -> Option<String> {
    let mut encoder = encoding.new_encoder();
    let mut bytes = Vec::with_capacity(text.len());
    let needed = encoder.max_buffer_length_from_utf8_without_replacement(text.len())?;
    bytes.resize(needed, 0);
    let (result, _read, written) =
        encoder.encode_from_utf8_without_replacement(text, &mut bytes, true);
    if !matches!(result, encoding_rs::EncoderResult::InputEmpty) {
        return None;
    }
    bytes.truncate(written);
    if bytes.is_ascii() {
        return None;
    }
    String::from_utf8(bytes).ok()
}

/// Repairs `Â·`, `Â«`, `Ã©`... one pair at a time: `Â` or `Ã` followed by a
/// character of U+00A0..=U+00BF is the UTF-8 encoding of U+00A0..=U+00FF read
/// as Latin-1 or Windows-1252 (both agree on those bytes), so each pair has
/// exactly one reading.
fn repair_latin1_pairs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars
            .peek()
            .copied()
            .filter(|n| matches!(*n as u32, 0xA0..=0xBF));
        match (c, next) {
            ('Â', Some(n)) => {
                out.push(n);
                chars.next();
            }
            ('Ã', Some(n)) => {
                out.push(char::from_u32(n as u32 + 0x40).unwrap_or(n));
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// Repairs UTF-8 text that is mojibake. Returns the text (repaired or not)
/// and whether it was repaired; an error when the text looks like mojibake
/// but no single repair explains it.
pub fn repair_mojibake(text: &str) -> Result<(String, bool), EncodingError> {
    let pairs = suspicious_pairs(text);
    if pairs == 0 {
        return Ok((text.to_string(), false));
    }
    let mut current = text.to_string();
    let mut repaired = false;
    // Twice at most: text garbled twice (`Ãƒ©`) is repaired in two steps.
    for _ in 0..2 {
        let candidates: Vec<String> = [WINDOWS_1252, WINDOWS_1256]
            .into_iter()
            .filter_map(|e| undo(&current, e))
            .collect();
        match candidates.as_slice() {
            [] => break,
            [one] => {
                current = one.clone();
                repaired = true;
            }
            [a, b, ..] if a == b => {
                current = a.clone();
                repaired = true;
            }
            _ => {
                return Err(EncodingError::Mojibake(
                    "mojibake that reads two ways (Windows-1252 and Windows-1256)".into(),
                ))
            }
        }
        if suspicious_pairs(&current) == 0 {
            break;
        }
    }
    // A page mixing garbled and clean text: repair, pair by pair, what reads
    // one way only (a UTF-8 sequence C2/C3 xx shown as Latin-1), when that
    // leaves no garbled sequence at all.
    if suspicious_pairs(&current) > 0 {
        let local = repair_latin1_pairs(&current);
        if suspicious_pairs(&local) == 0 {
            current = local;
            repaired = true;
        }
    }
    // Mojibake left is refused when it is more than a stray pair.
    let left = suspicious_pairs(&current);
    let letters = current.chars().filter(|c| c.is_alphabetic()).count().max(1);
    if left >= 3 && left * 200 > letters {
        return Err(EncodingError::Mojibake(format!(
            "{left} mojibake sequences (such as `Ã©` or `Ø§Ù„`) that no re-decoding repairs"
        )));
    }
    Ok((current, repaired))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_latin1_pairs_in_clean_text_are_repaired() {
        let text = "على سبيل المثال، 3 ، 1 Â· 3، 1 Â· 1 Â· 3،3 وما إلى ذلك. مدرسة Ã©cole";
        let (fixed, repaired) = repair_mojibake(text).unwrap();
        assert!(repaired);
        assert_eq!(
            fixed,
            "على سبيل المثال، 3 ، 1 · 3، 1 · 1 · 3،3 وما إلى ذلك. مدرسة école"
        );
    }

    fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text} does not fit {}", encoding.name());
        bytes.into_owned()
    }

    const FR: &str = "Le ministère a réuni les délégués à Tétouan, où l'été fut chaud.";
    const AR: &str = "أعلنت وزارة الاقتصاد والمالية عن ارتفاع المداخيل الجبائية خلال هذه السنة";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(FR.as_bytes(), None).unwrap().text, FR);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(AR.as_bytes());
        assert_eq!(decode(&bom, None).unwrap().text, AR);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in FR.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.text, FR);
        assert_eq!(decoded.encoding, "UTF-16LE");
    }

    #[test]
    fn legacy_encodings_are_detected() {
        let d = decode(&encode(AR, WINDOWS_1256), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (AR, "windows-1256"));
        let d = decode(&encode(AR, ISO_8859_6), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (AR, "ISO-8859-6"));
        let d = decode(&encode(FR, WINDOWS_1252), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (FR, "windows-1252"));
    }

    #[test]
    fn mojibake_is_repaired() {
        let garbled_fr = WINDOWS_1252.decode(FR.as_bytes()).0.into_owned();
        assert!(garbled_fr.contains("Ã©"));
        assert_eq!(
            repair_mojibake(&garbled_fr).unwrap(),
            (FR.to_string(), true)
        );
        let garbled_ar = WINDOWS_1252.decode(AR.as_bytes()).0.into_owned();
        assert!(garbled_ar.contains("Ø§"));
        assert_eq!(
            repair_mojibake(&garbled_ar).unwrap(),
            (AR.to_string(), true)
        );
        let garbled_ar = WINDOWS_1256.decode(AR.as_bytes()).0.into_owned();
        assert_eq!(
            repair_mojibake(&garbled_ar).unwrap(),
            (AR.to_string(), true)
        );
    }

    #[test]
    fn clean_text_is_left_alone() {
        for text in [
            FR,
            AR,
            "Café «\u{a0}noir\u{a0}» à 2€",
            "المغرب، تونس؟ گود",
            "حي المحيط، تم «سوق عكاظ»، في الرباط؛ المحيط… عكاظ”",
        ] {
            assert_eq!(repair_mojibake(text).unwrap(), (text.to_string(), false));
        }
    }

    #[test]
    fn unrepairable_mojibake_is_refused() {
        // `’` and `€` garble into three characters (`â€™`): no pair-by-pair
        // reading repairs them once clean text surrounds them.
        let source = format!("{FR} Prix : 3 € l’unité.");
        let garbled = WINDOWS_1252.decode(source.as_bytes()).0.into_owned();
        let mixed = format!("{garbled} {FR} {garbled} ÿ");
        assert!(matches!(
            repair_mojibake(&mixed),
            Err(EncodingError::Mojibake(_))
        ));
    }

    #[test]
    fn random_bytes_are_refused() {
        let bytes: Vec<u8> = (0..400u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8 | 0x80)
            .collect();
        assert!(decode(&bytes, None).is_err());
    }
}
