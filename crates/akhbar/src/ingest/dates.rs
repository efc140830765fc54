//! Date recognition for ingested pages and structured records.
//!
//! Three entry points:
//!
//! * [`parse_date`] reads a string that *is* a date (a JSON `date` field, a CSV
//!   column): ISO 8601 / RFC 3339 (`2022-05-13`, `2022-05-13T10:30:00Z`,
//!   `2022-05-13 10:30:00`, `2022/05/13`), RFC 2822
//!   (`Fri, 13 May 2022 10:30:00 +0000`), compact `20220513`, day-first
//!   numeric dates (`13/05/2022`, `13-05-2022`, `13.05.2022`) and every
//!   textual form that [`find_date`] accepts.
//! * [`find_date`] finds the first (leftmost) date expression in a line of free
//!   text and reports its byte range in the original string.
//! * [`parse_bound`] reads a command-line date bound (`YYYY`, `YYYY-MM`,
//!   `YYYY-MM-DD`) as the first or last day of the period.
//!
//! Forms recognised by [`find_date`]:
//!
//! * numeric, day first: `13/05/2022`, `13-05-2022`, `13.05.2022`, `13/5/2022`,
//!   also with spaces around the separator (`13 - 05 - 2022`); ISO year first:
//!   `2022-05-13`, `2022/05/13`. Both separators must be the same. Years must
//!   have four digits (two-digit years are ambiguous and never accepted);
//! * textual, day first: `13 mai 2022`, `1er octobre 2010`, `13 de mayo de 2022`,
//!   `13 May 2022`, `25 أكتوبر 2025`, `25 تشرين الأول 2025`,
//!   `25 تشرين الأول/أكتوبر 2025`;
//! * textual, month first: `May 13, 2022`, `September 1st, 2021`,
//!   `Sept. 1, 2021`, `Jan 5 2020`.
//!
//! Month names: French (with or without accents, with the usual abbreviations
//! `janv.`, `févr.`, `avr.`, `juil.`, `sept.`, `oct.`, `nov.`, `déc.`), Spanish
//! (including `setiembre`), English (full and abbreviated), and Arabic in its
//! Maghreb (`ماي`, `يوليوز`, `غشت`, `شتنبر`, `نونبر`, `دجنبر`, and the Algerian /
//! Tunisian `جانفي`, `فيفري`, `أفريل`, `جوان`, `جويلية`, `أوت`), Mashriq (`مايو`,
//! `يوليو`, `أغسطس`, `سبتمبر`, ...) and Levantine (`كانون الثاني`, `شباط`, `آذار`,
//! ..., `كانون الأول`) variants.
//!
//! * Hijri (Umm al-Qura, see `hijri.rs`): `14 رمضان 1445`, `14 رمضان 1445 هـ`,
//!   `10 ذي الحجة 1443 للهجرة`, and numeric `14-09-1432 هـ` / `1432/09/14 هـ`
//!   (numeric ones need the `هـ` mark; `صفر`, also the word "zero", too), all
//!   converted to the Gregorian day. Where a line gives both calendars
//!   (`… الموافق 24 مارس 2024`), the Gregorian date wins wherever it stands;
//! * `فاتح` for the first of a month (`فاتح ماي 2024`), and month names between
//!   numeric separators (`07.ago.2014`).
//!
//! Month names also include `juill.`, `aoû`, the Mauritanian `أغشت`, `شتمبر`,
//! `دجمبر`, and Persian yeh and kaf are read as Arabic ones (`تشرین`).
//!
//! Matching is tolerant: case and Latin accents are folded; in Arabic,
//! tatweel and diacritics are ignored and `أ إ آ ٱ` are read as `ا`, `ى` as
//! `ي`. Arabic-Indic (`٠`–`٩`) and Persian (`۰`–`۹`) digits are read as ASCII
//! digits. A date may be glued to preceding text (`Media25 أكتوبر 2025`).
//! Only years 1900..=2100 are accepted, and the day must exist in the month;
//! invalid candidates are skipped and the search goes on.

use chrono::{DateTime, Datelike, NaiveDate};

use super::hijri;

/// Smallest year accepted in documents.
const MIN_YEAR: i32 = 1900;
/// Largest year accepted in documents.
const MAX_YEAR: i32 = 2100;

/// Parses a string that IS a date, as found in a structured field (JSON `date`, CSV column):
/// `2022-05-13`, `2022-05-13T10:30:00Z`, `2022-05-13 10:30:00`, `2022/05/13`, RFC 2822
/// (`Fri, 13 May 2022 10:30:00 +0000`), `13/05/2022`, `13-05-2022`, `13.05.2022`, and every
/// textual form that `find_date` accepts. Returns None when it is not a valid date.
///
/// Text before the date may not contain digits (a weekday such as `mardi` is
/// fine); whatever follows the date (a time, a zone) is ignored.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return in_range(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return in_range(dt.date_naive());
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(4..6)?.parse().ok()?;
        let d = s.get(6..8)?.parse().ok()?;
        return make_date(y, m, d);
    }
    let found = find_date(s)?;
    let prefix = s.get(..found.start)?;
    if prefix.chars().any(char::is_numeric) {
        return None;
    }
    Some(found.date)
}

/// A date found inside free text, and the byte range of the expression in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub date: NaiveDate,
    pub start: usize,
    pub end: usize,
}

/// Finds the first date expression in a line of free text (a page's dateline such as
/// `Publié dans EcoActu le 13 - 05 - 2022` or `Imou Media25 أكتوبر 2025`).
///
/// `start` and `end` are byte offsets into `text`, on character boundaries,
/// so `&text[found.start..found.end]` is the matched expression.
///
/// ```
/// use akhbar::ingest::find_date;
/// use chrono::NaiveDate;
///
/// let text = "Imou Media25 أكتوبر 2025";
/// let found = find_date(text).unwrap();
/// assert_eq!(found.date, NaiveDate::from_ymd_opt(2025, 10, 25).unwrap());
/// assert_eq!(&text[found.start..found.end], "25 أكتوبر 2025");
///
/// let found = find_date("Publié dans EcoActu le 13 - 05 - 2022").unwrap();
/// assert_eq!(found.date, NaiveDate::from_ymd_opt(2022, 5, 13).unwrap());
///
/// assert!(find_date("Prix : 900 millions en 2026").is_none());
/// ```
pub fn find_date(text: &str) -> Option<FoundDate> {
    let toks = tokenize(text);
    // A Gregorian date wins over a Hijri one wherever it stands: a page
    // that gives both (`14 رمضان 1445 هـ الموافق 24 مارس 2024`) is
    // filtered on the Gregorian one, as its readers would.
    let gregorian = |toks: &[Token], i: usize| {
        numeric_ymd(toks, i)
            .or_else(|| numeric_dmy(toks, i))
            .or_else(|| textual_dmy(toks, i))
            .or_else(|| named_numeric_dmy(toks, i))
            .or_else(|| textual_mdy(toks, i))
    };
    let hijri =
        |toks: &[Token], i: usize| hijri_textual(toks, i).or_else(|| hijri_numeric(toks, i));
    for pattern in [&gregorian as &dyn Fn(&[Token], usize) -> _, &hijri] {
        for i in 0..toks.len() {
            if let Some((date, last)) = pattern(&toks, i) {
                let start = toks[i].start;
                let end = toks.get(last).map_or(start, |t| t.end);
                return Some(FoundDate { date, start, end });
            }
        }
    }
    None
}

/// Parses a date query bound as the command line takes it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
/// `end == false` gives the first day of the period, `end == true` the last
/// (`2024-02` → 2024-02-01 or 2024-02-29). Returns Err with a human message that says
/// which forms are accepted, e.g. "`2024-13` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD".
pub fn parse_bound(s: &str, end: bool) -> Result<NaiveDate, String> {
    let t = s.trim();
    let err = || format!("`{t}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
    let field = |p: &str, min: usize, max: usize| -> Option<u32> {
        if p.len() < min || p.len() > max || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let parts: Vec<&str> = t.split('-').collect();
    let date = match parts.as_slice() {
        [y] => {
            let y = i32::try_from(field(y, 4, 4).ok_or_else(err)?).map_err(|_| err())?;
            if end {
                NaiveDate::from_ymd_opt(y, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(y, 1, 1)
            }
        }
        [y, m] => {
            let y = i32::try_from(field(y, 4, 4).ok_or_else(err)?).map_err(|_| err())?;
            let m = field(m, 1, 2).ok_or_else(err)?;
            if end {
                last_day_of_month(y, m)
            } else {
                NaiveDate::from_ymd_opt(y, m, 1)
            }
        }
        [y, m, d] => {
            let y = i32::try_from(field(y, 4, 4).ok_or_else(err)?).map_err(|_| err())?;
            let m = field(m, 1, 2).ok_or_else(err)?;
            let d = field(d, 1, 2).ok_or_else(err)?;
            NaiveDate::from_ymd_opt(y, m, d)
        }
        _ => None,
    };
    date.ok_or_else(err)
}

fn last_day_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&m) {
        None
    } else if m == 12 {
        NaiveDate::from_ymd_opt(y, 12, 31)
    } else {
        NaiveDate::from_ymd_opt(y, m.checked_add(1)?, 1)?.pred_opt()
    }
}

fn in_range(d: NaiveDate) -> Option<NaiveDate> {
    (MIN_YEAR..=MAX_YEAR).contains(&d.year()).then_some(d)
}

fn make_date(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    let y = i32::try_from(y).ok()?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

// ---------------------------------------------------------------------------
// Normalisation and tokenisation
// ---------------------------------------------------------------------------

/// What one source character becomes after normalisation.
enum Norm {
    /// A mark to ignore (tatweel, diacritic, combining accent, joiner).
    Mark,
    /// A separator (whitespace or an invisible direction mark).
    Space,
    /// A normalised character.
    Char(char),
}

fn normalise(c: char) -> Norm {
    match c {
        '\u{0660}'..='\u{0669}' => Norm::Char(ascii_digit(c as u32 - 0x0660)),
        '\u{06F0}'..='\u{06F9}' => Norm::Char(ascii_digit(c as u32 - 0x06F0)),
        '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0300}'..='\u{036F}'
        | '\u{200C}'
        | '\u{200D}' => Norm::Mark,
        'أ' | 'إ' | 'آ' | 'ٱ' => Norm::Char('ا'),
        // Persian yeh and kaf, as some keyboards type them (`تشرین`).
        'ى' | '\u{06CC}' => Norm::Char('ي'),
        '\u{06A9}' => Norm::Char('ك'),
        '\u{200B}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Norm::Space,
        c if c.is_whitespace() => Norm::Space,
        c => Norm::Char(fold_latin(c.to_lowercase().next().unwrap_or(c))),
    }
}

fn ascii_digit(v: u32) -> char {
    char::from_digit(v, 10).unwrap_or('0')
}

/// Strips the accents of the Latin letters used in French and Spanish month names.
fn fold_latin(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        c => c,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of ASCII digits (after normalisation).
    Num,
    /// A run of letters of one script (Arabic or other).
    Word { arabic: bool },
    /// A single punctuation or symbol character.
    Punct(char),
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    /// Normalised text.
    text: String,
    /// Byte offset of the first character in the original text.
    start: usize,
    /// Byte offset just past the last character (and its marks) in the original text.
    end: usize,
    /// True when no whitespace separates this token from the previous one.
    glued: bool,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut toks: Vec<Token> = Vec::new();
    // Whether the next token follows the previous one without whitespace.
    let mut glued = false;
    // Whether the last token may still grow.
    let mut open = false;
    for (pos, c) in text.char_indices() {
        let end = pos + c.len_utf8();
        let n = match normalise(c) {
            Norm::Mark => {
                if let Some(last) = toks.last_mut() {
                    if open {
                        last.end = end;
                    }
                }
                continue;
            }
            Norm::Space => {
                glued = false;
                open = false;
                continue;
            }
            Norm::Char(n) => n,
        };
        let kind = if n.is_ascii_digit() {
            Kind::Num
        } else if n.is_alphabetic() {
            Kind::Word {
                arabic: crate::lang::is_arabic_letter(n),
            }
        } else {
            Kind::Punct(n)
        };
        if open && !matches!(kind, Kind::Punct(_)) {
            if let Some(last) = toks.last_mut() {
                if last.kind == kind {
                    last.text.push(n);
                    last.end = end;
                    continue;
                }
            }
        }
        toks.push(Token {
            kind,
            text: n.to_string(),
            start: pos,
            end,
            glued: glued && !toks.is_empty(),
        });
        glued = true;
        open = true;
    }
    toks
}

// ---------------------------------------------------------------------------
// Token helpers
// ---------------------------------------------------------------------------

/// The value of a number token at `j` with between `min` and `max` digits.
fn num_at(toks: &[Token], j: usize, min: usize, max: usize) -> Option<u32> {
    let t = toks.get(j)?;
    if t.kind != Kind::Num || t.text.len() < min || t.text.len() > max {
        return None;
    }
    t.text.parse().ok()
}

fn punct_at(toks: &[Token], j: usize) -> Option<char> {
    match toks.get(j)?.kind {
        Kind::Punct(c) => Some(c),
        _ => None,
    }
}

fn word_at(toks: &[Token], j: usize) -> Option<&str> {
    let t = toks.get(j)?;
    match t.kind {
        Kind::Word { .. } => Some(t.text.as_str()),
        _ => None,
    }
}

/// Skips an ordinal suffix glued to a day number (`1er`, `1st`, `2nd`, `1º`).
fn skip_ordinal(toks: &[Token], j: usize) -> usize {
    match (word_at(toks, j), toks.get(j)) {
        (Some("er" | "re" | "st" | "nd" | "rd" | "th" | "º" | "ª"), Some(t)) if t.glued => j + 1,
        _ => j,
    }
}

/// Looks a single (normalised) word up as a month name.
/// Returns the month number and whether the word is an abbreviation
/// (which may be followed by a full stop).
fn month_by_name(w: &str) -> Option<(u32, bool)> {
    let m = match w {
        // January
        "janvier" | "january" | "enero" | "يناير" | "جانفي" => (1, false),
        "janv" | "jan" | "ene" => (1, true),
        // February
        "fevrier" | "february" | "febrero" | "فبراير" | "فيفري" | "شباط" => {
            (2, false)
        }
        "fevr" | "fev" | "feb" => (2, true),
        // March
        "mars" | "march" | "marzo" | "مارس" | "اذار" => (3, false),
        "mar" => (3, true),
        // April
        "avril" | "april" | "abril" | "ابريل" | "افريل" | "نيسان" => (4, false),
        "avr" | "apr" | "abr" => (4, true),
        // May
        "mai" | "may" | "mayo" | "ماي" | "مايو" | "ايار" => (5, false),
        // June
        "juin" | "june" | "junio" | "يونيو" | "يونيه" | "جوان" | "حزيران" => {
            (6, false)
        }
        "jun" => (6, true),
        // July
        "juillet" | "july" | "julio" | "يوليوز" | "يوليو" | "يوليه" | "جويلية" | "تموز" => {
            (7, false)
        }
        "juil" | "juill" | "jul" => (7, true),
        // August
        "aout" | "august" | "agosto" | "غشت" | "اغشت" | "اغسطس" | "اوت" | "اب" => {
            (8, false)
        }
        "aug" | "ago" | "aou" => (8, true),
        // September
        "septembre" | "september" | "septiembre" | "setiembre" | "شتنبر" | "شتمبر" | "سبتمبر"
        | "ايلول" => (9, false),
        "sept" | "sep" => (9, true),
        // October
        "octobre" | "october" | "octubre" | "اكتوبر" => (10, false),
        "oct" => (10, true),
        // November
        "novembre" | "november" | "noviembre" | "نونبر" | "نوفمبر" => (11, false),
        "nov" => (11, true),
        // December
        "decembre" | "december" | "diciembre" | "دجنبر" | "دجمبر" | "ديسمبر" => {
            (12, false)
        }
        "dec" | "dic" => (12, true),
        _ => return None,
    };
    Some(m)
}

/// A month name (one or two words) starting at token `j`, without alternatives.
/// Returns the month number and the index of the token after the name.
fn month_word_at(toks: &[Token], j: usize) -> Option<(u32, usize)> {
    let w = word_at(toks, j)?;
    if w == "تشرين" || w == "كانون" {
        let second = word_at(toks, j + 1)?;
        let first_one = match second {
            "اول" | "الاول" => true,
            "ثاني" | "الثاني" => false,
            _ => return None,
        };
        let m = match (w == "تشرين", first_one) {
            (true, true) => 10,
            (true, false) => 11,
            (false, true) => 12,
            (false, false) => 1,
        };
        return Some((m, j + 2));
    }
    let (m, abbr) = month_by_name(w)?;
    let mut next = j + 1;
    if abbr && punct_at(toks, next) == Some('.') {
        next += 1;
    }
    Some((m, next))
}

/// A month name at `j`, possibly followed by an equivalent name after a slash
/// (`تشرين الأول/أكتوبر`).
fn month_at(toks: &[Token], j: usize) -> Option<(u32, usize)> {
    let (m, next) = month_word_at(toks, j)?;
    if punct_at(toks, next) == Some('/') {
        if let Some((m2, after)) = month_word_at(toks, next + 1) {
            if m2 == m {
                return Some((m, after));
            }
        }
    }
    Some((m, next))
}

fn is_numeric_sep(c: char) -> bool {
    matches!(c, '/' | '-' | '.')
}

// ---------------------------------------------------------------------------
// Patterns: each returns the date and the index of its last token.
// ---------------------------------------------------------------------------

/// `2022-05-13`, `2022/05/13`, `2022.05.13`.
fn numeric_ymd(toks: &[Token], i: usize) -> Option<(NaiveDate, usize)> {
    let y = num_at(toks, i, 4, 4)?;
    let sep = punct_at(toks, i + 1).filter(|&c| is_numeric_sep(c))?;
    let m = num_at(toks, i + 2, 1, 2)?;
    if punct_at(toks, i + 3)? != sep {
        return None;
    }
    let d = num_at(toks, i + 4, 1, 2)?;
    Some((make_date(y, m, d)?, i + 4))
}

/// `13/05/2022`, `13-05-2022`, `13.05.2022`, `13 - 05 - 2022`.
fn numeric_dmy(toks: &[Token], i: usize) -> Option<(NaiveDate, usize)> {
    let d = num_at(toks, i, 1, 2)?;
    let sep = punct_at(toks, i + 1).filter(|&c| is_numeric_sep(c))?;
    let m = num_at(toks, i + 2, 1, 2)?;
    if punct_at(toks, i + 3)? != sep {
        return None;
    }
    let y = num_at(toks, i + 4, 4, 4)?;
    Some((make_date(y, m, d)?, i + 4))
}

/// `13 mai 2022`, `1er octobre 2010`, `13 de mayo de 2022`, `25 أكتوبر 2025`.
fn textual_dmy(toks: &[Token], i: usize) -> Option<(NaiveDate, usize)> {
    let (d, mut j) = day_at(toks, i)?;
    if word_at(toks, j) == Some("de") {
        j += 1;
    }
    let (m, mut j) = month_at(toks, j)?;
    if matches!(word_at(toks, j), Some("de" | "del")) {
        j += 1;
    }
    if matches!(punct_at(toks, j), Some(',' | '،')) {
        j += 1;
    }
    let y = num_at(toks, j, 4, 4)?;
    Some((make_date(y, m, d)?, j))
}

/// The day of a day-first date at `i`: a number (`13`, `1er`) or `فاتح`
/// ("the first", as Moroccan papers date the first of a month), and the
/// index after it.
fn day_at(toks: &[Token], i: usize) -> Option<(u32, usize)> {
    if word_at(toks, i) == Some("فاتح") {
        return Some((1, i + 1));
    }
    let d = num_at(toks, i, 1, 2)?;
    Some((d, skip_ordinal(toks, i + 1)))
}

/// `07.ago.2014`, `07-ago-2014`, `7/mai/2022`: a month name between two
/// equal numeric separators.
fn named_numeric_dmy(toks: &[Token], i: usize) -> Option<(NaiveDate, usize)> {
    let d = num_at(toks, i, 1, 2)?;
    let sep = punct_at(toks, i + 1).filter(|&c| is_numeric_sep(c))?;
    let (m, _) = month_by_name(word_at(toks, i + 2)?)?;
    if punct_at(toks, i + 3)? != sep {
        return None;
    }
    let y = num_at(toks, i + 4, 4, 4)?;
    Some((make_date(y, m, d)?, i + 4))
}

/// `14 رمضان 1445 هـ`, `فاتح ذو الحجة 1443`, `1 ربيع الأول 1446 هجرية`: a day,
/// a Hijri month name and a Hijri year, with or without the year's mark
/// (`صفر`, also the word "zero", needs the mark).
fn hijri_textual(toks: &[Token], i: usize) -> Option<(NaiveDate, usize)> {
    let (d, j) = day_at(toks, i)?;
    let (m, words) = hijri::month(word_at(toks, j)?, word_at(toks, j + 1))?;
    let mut j = j + words;
    if matches!(punct_at(toks, j), Some(',' | '،')) {
        j += 1;
    }
    let y = num_at(toks, j, 4, 4)?;
    let marked = word_at(toks, j + 1).is_some_and(hijri::is_year_mark);
    if m == 2 && !marked {
        return None;
    }
    let last = if marked { j + 1 } else { j };
    Some((hijri::to_gregorian(y, m, d)?, last))
}

/// `14-09-1432 هـ`, `1432/09/14 هـ`: numeric Hijri dates, which need the
/// year's mark.
fn hijri_numeric(toks: &[Token], i: usize) -> Option<(NaiveDate, usize)> {
    let first = num_at(toks, i, 1, 4)?;
    let sep = punct_at(toks, i + 1).filter(|&c| is_numeric_sep(c))?;
    let m = num_at(toks, i + 2, 1, 2)?;
    if punct_at(toks, i + 3)? != sep {
        return None;
    }
    let (y, d) = if toks[i].text.len() == 4 {
        (first, num_at(toks, i + 4, 1, 2)?)
    } else if toks[i].text.len() <= 2 {
        (num_at(toks, i + 4, 4, 4)?, first)
    } else {
        return None;
    };
    if !word_at(toks, i + 5).is_some_and(hijri::is_year_mark) {
        return None;
    }
    Some((hijri::to_gregorian(y, m, d)?, i + 5))
}

/// `May 13, 2022`, `September 1st, 2021`, `Sept. 1, 2021`, `Jan 5 2020`.
fn textual_mdy(toks: &[Token], i: usize) -> Option<(NaiveDate, usize)> {
    let (m, j) = month_at(toks, i)?;
    let d = num_at(toks, j, 1, 2)?;
    let mut j = skip_ordinal(toks, j + 1);
    if matches!(punct_at(toks, j), Some(',' | '،')) {
        j += 1;
    }
    let y = num_at(toks, j, 4, 4)?;
    Some((make_date(y, m, d)?, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// An expected date as (year, month, day), or no date.
    type Expected = Option<(i32, u32, u32)>;

    fn check_find(cases: &[(&str, Expected)]) {
        for (input, expected) in cases {
            let got = find_date(input).map(|f| f.date);
            let expected = expected.map(|(y, m, d)| ymd(y, m, d));
            assert_eq!(got, expected, "find_date({input:?})");
        }
    }

    #[test]
    fn numeric_forms() {
        check_find(&[
            ("13 - 05 - 2022", Some((2022, 5, 13))),
            ("13 / 05 / 2022", Some((2022, 5, 13))),
            ("13/05/2022", Some((2022, 5, 13))),
            ("13-05-2022", Some((2022, 5, 13))),
            ("13.05.2022", Some((2022, 5, 13))),
            ("13/5/2022", Some((2022, 5, 13))),
            ("1/5/2022", Some((2022, 5, 1))),
            ("2022-05-13", Some((2022, 5, 13))),
            ("2022/05/13", Some((2022, 5, 13))),
            ("2022-05-13T10:30:00Z", Some((2022, 5, 13))),
            ("Publié dans EcoActu le 13 - 05 - 2022", Some((2022, 5, 13))),
            ("Mis à jour: 29/02/2024 à 10h", Some((2024, 2, 29))),
            // Two-digit years are ambiguous.
            ("13/05/22", None),
            ("13-05-22", None),
            // Mixed separators.
            ("13/05-2022", None),
            // Invalid dates are skipped, the search goes on.
            ("31/02/2022", None),
            ("13/13/2022", None),
            ("29/02/2023", None),
            ("31/02/2022 puis 01/03/2022", Some((2022, 3, 1))),
            (
                "13/13/2022 ou 2022-13-01 ou 12/12/2021",
                Some((2021, 12, 12)),
            ),
            // Years out of range.
            ("13/05/1850", None),
            ("13/05/2101", None),
            ("13/05/1900", Some((1900, 5, 13))),
            ("13/05/2100", Some((2100, 5, 13))),
            // Digit runs that are too long.
            ("113/05/2022", None),
            ("13/05/20221", None),
        ]);
    }

    #[test]
    fn french_forms() {
        check_find(&[
            ("13 mai 2022", Some((2022, 5, 13))),
            ("1er octobre 2010", Some((2010, 10, 1))),
            ("1ER OCTOBRE 2010", Some((2010, 10, 1))),
            ("mardi 13 mai 2022 à 10h30", Some((2022, 5, 13))),
            ("13 Mai 2022", Some((2022, 5, 13))),
            ("13 février 2022", Some((2022, 2, 13))),
            ("13 fevrier 2022", Some((2022, 2, 13))),
            ("13 FÉVRIER 2022", Some((2022, 2, 13))),
            ("13 Fe\u{301}vrier 2022", Some((2022, 2, 13))),
            ("14 juillet 2021", Some((2021, 7, 14))),
            ("15 août 2020", Some((2020, 8, 15))),
            ("15 aout 2020", Some((2020, 8, 15))),
            ("25 décembre 2019", Some((2019, 12, 25))),
            ("25 decembre 2019", Some((2019, 12, 25))),
            ("3 janvier 2023", Some((2023, 1, 3))),
            ("3 mars 2023", Some((2023, 3, 3))),
            ("3 avril 2023", Some((2023, 4, 3))),
            ("3 juin 2023", Some((2023, 6, 3))),
            ("3 septembre 2023", Some((2023, 9, 3))),
            ("3 novembre 2023", Some((2023, 11, 3))),
            ("5 janv. 2021", Some((2021, 1, 5))),
            ("5 févr. 2021", Some((2021, 2, 5))),
            ("5 avr. 2021", Some((2021, 4, 5))),
            ("5 juil. 2021", Some((2021, 7, 5))),
            ("5 sept. 2021", Some((2021, 9, 5))),
            ("5 oct. 2021", Some((2021, 10, 5))),
            ("5 nov. 2021", Some((2021, 11, 5))),
            ("5 déc. 2021", Some((2021, 12, 5))),
            ("5 janv 2021", Some((2021, 1, 5))),
            ("Publié le\u{a0}13\u{a0}mai\u{a0}2022", Some((2022, 5, 13))),
            // Needs day, month and year.
            ("Mai 2022", None),
            ("13 mai", None),
            ("en mai 2022", None),
            // Full month names are not abbreviations.
            ("le 13 mai. 2022 sera", None),
            ("31 avril 2022", None),
        ]);
    }

    #[test]
    fn spanish_forms() {
        check_find(&[
            ("13 de mayo de 2022", Some((2022, 5, 13))),
            ("13 mayo 2022", Some((2022, 5, 13))),
            ("1 de septiembre de 2021", Some((2021, 9, 1))),
            ("1 de setiembre de 2021", Some((2021, 9, 1))),
            ("Sábado, 2 de enero del 2021", Some((2021, 1, 2))),
            ("10 de diciembre de 2020", Some((2020, 12, 10))),
            ("10 de agosto de 2020", Some((2020, 8, 10))),
            ("10 de marzo de 2020", Some((2020, 3, 10))),
            ("10 de abril de 2020", Some((2020, 4, 10))),
            ("10 de junio de 2020", Some((2020, 6, 10))),
            ("10 de julio de 2020", Some((2020, 7, 10))),
            ("10 de octubre de 2020", Some((2020, 10, 10))),
            ("10 de noviembre de 2020", Some((2020, 11, 10))),
            ("10 de febrero de 2020", Some((2020, 2, 10))),
            ("de mayo de 2022", None),
        ]);
    }

    #[test]
    fn english_forms() {
        check_find(&[
            ("May 13, 2022", Some((2022, 5, 13))),
            ("13 May 2022", Some((2022, 5, 13))),
            ("September 1st, 2021", Some((2021, 9, 1))),
            ("Sept. 1, 2021", Some((2021, 9, 1))),
            ("Jan 5 2020", Some((2020, 1, 5))),
            ("Published on March 2nd 2023 by staff", Some((2023, 3, 2))),
            ("August 23rd, 2019", Some((2019, 8, 23))),
            ("Dec. 24, 2018", Some((2018, 12, 24))),
            ("4th July 2017", Some((2017, 7, 4))),
            ("February 30, 2020", None),
            ("May 2022", None),
        ]);
    }

    #[test]
    fn arabic_maghreb_forms() {
        check_find(&[
            ("13 يناير 2022", Some((2022, 1, 13))),
            ("13 فبراير 2022", Some((2022, 2, 13))),
            ("13 مارس 2022", Some((2022, 3, 13))),
            ("13 أبريل 2022", Some((2022, 4, 13))),
            ("13 ابريل 2022", Some((2022, 4, 13))),
            ("13 إبريل 2022", Some((2022, 4, 13))),
            ("13 ماي 2022", Some((2022, 5, 13))),
            ("13 يونيو 2022", Some((2022, 6, 13))),
            ("13 يوليوز 2022", Some((2022, 7, 13))),
            ("13 غشت 2022", Some((2022, 8, 13))),
            ("13 شتنبر 2022", Some((2022, 9, 13))),
            ("13 أكتوبر 2022", Some((2022, 10, 13))),
            ("13 نونبر 2022", Some((2022, 11, 13))),
            ("13 دجنبر 2022", Some((2022, 12, 13))),
            // Algerian / Tunisian names.
            ("13 جانفي 2022", Some((2022, 1, 13))),
            ("13 جوان 2022", Some((2022, 6, 13))),
            ("13 أوت 2022", Some((2022, 8, 13))),
        ]);
    }

    #[test]
    fn arabic_mashriq_forms() {
        check_find(&[
            ("13 مايو 2022", Some((2022, 5, 13))),
            ("13 يوليو 2022", Some((2022, 7, 13))),
            ("13 أغسطس 2022", Some((2022, 8, 13))),
            ("13 اغسطس 2022", Some((2022, 8, 13))),
            ("13 سبتمبر 2022", Some((2022, 9, 13))),
            ("13 اكتوبر 2022", Some((2022, 10, 13))),
            ("13 نوفمبر 2022", Some((2022, 11, 13))),
            ("13 ديسمبر 2022", Some((2022, 12, 13))),
            ("السبت 25 أكتوبر 2025", Some((2025, 10, 25))),
            ("السبت 25 أكتوبر 2025 - 10:30", Some((2025, 10, 25))),
            ("25 أكتوبر، 2025", Some((2025, 10, 25))),
            ("25 أكتوبر 2025م", Some((2025, 10, 25))),
        ]);
    }

    #[test]
    fn arabic_levantine_forms() {
        check_find(&[
            ("5 كانون الثاني 2022", Some((2022, 1, 5))),
            ("5 كانون ثاني 2022", Some((2022, 1, 5))),
            ("5 شباط 2022", Some((2022, 2, 5))),
            ("5 آذار 2022", Some((2022, 3, 5))),
            ("5 نيسان 2022", Some((2022, 4, 5))),
            ("5 أيار 2022", Some((2022, 5, 5))),
            ("5 حزيران 2022", Some((2022, 6, 5))),
            ("5 تموز 2022", Some((2022, 7, 5))),
            ("5 آب 2022", Some((2022, 8, 5))),
            ("5 أيلول 2022", Some((2022, 9, 5))),
            ("5 تشرين الأول 2022", Some((2022, 10, 5))),
            ("5 تشرين الاول 2022", Some((2022, 10, 5))),
            ("5 تشرين أول 2022", Some((2022, 10, 5))),
            ("5 تشرين الثاني 2022", Some((2022, 11, 5))),
            ("5 تشرين ثاني 2022", Some((2022, 11, 5))),
            ("5 كانون الأول 2022", Some((2022, 12, 5))),
            ("5 كانون الأوّل 2022", Some((2022, 12, 5))),
            ("25 تشرين الأول/أكتوبر 2025", Some((2025, 10, 25))),
            ("5 كانون 2022", None),
            ("5 تشرين 2022", None),
        ]);
    }

    #[test]
    fn arabic_digits_and_marks() {
        check_find(&[
            ("٢٥ أكتوبر ٢٠٢٥", Some((2025, 10, 25))),
            ("١٣/٠٥/٢٠٢٢", Some((2022, 5, 13))),
            ("۱۳/۰۵/۲۰۲۲", Some((2022, 5, 13))),
            ("٢٠٢٢-٠٥-١٣", Some((2022, 5, 13))),
            ("25 أكتـــوبر 2025", Some((2025, 10, 25))),
            ("25 أُكْتُوبَر 2025", Some((2025, 10, 25))),
            ("\u{200f}25 أكتوبر 2025\u{200f}", Some((2025, 10, 25))),
            ("Imou Media25 أكتوبر 2025", Some((2025, 10, 25))),
        ]);
    }

    #[test]
    fn must_not_match() {
        check_find(&[
            ("0522 12 34 56", None),
            ("Tél : 0522 12 34 56 / 0661 23 45 67", None),
            ("2026", None),
            ("en 2026", None),
            ("U20", None),
            ("l'équipe U20 a gagné", None),
            ("+0,4%", None),
            ("900 millions", None),
            ("900 millions de dirhams en 2022", None),
            ("12-13 mai", None),
            ("score 2-1 en 2022", None),
            ("", None),
        ]);
    }

    #[test]
    fn ranges_never_give_month_13() {
        let found = find_date("12-13 mai 2022").map(|f| f.date);
        assert!(found.is_none() || found == Some(ymd(2022, 5, 13)));
        assert_eq!(found, Some(ymd(2022, 5, 13)));
        assert_eq!(
            find_date("du 12 au 13 mai 2022").map(|f| f.date),
            Some(ymd(2022, 5, 13))
        );
    }

    #[test]
    fn first_date_wins() {
        check_find(&[
            ("13 mai 2022 et 14/05/2022", Some((2022, 5, 13))),
            ("14/05/2022 et 13 mai 2022", Some((2022, 5, 14))),
            ("May 1, 2020 then 2021-01-01", Some((2020, 5, 1))),
        ]);
    }

    #[test]
    fn byte_ranges() {
        let cases: &[(&str, &str)] = &[
            ("Imou Media25 أكتوبر 2025", "25 أكتوبر 2025"),
            ("Publié dans EcoActu le 13 - 05 - 2022", "13 - 05 - 2022"),
            ("mardi 13 mai 2022 à 10h30", "13 mai 2022"),
            ("Le 1er octobre 2010, il", "1er octobre 2010"),
            ("Sept. 1, 2021 news", "Sept. 1, 2021"),
            ("السبت ٢٥ أكتوبر ٢٠٢٥ م", "٢٥ أكتوبر ٢٠٢٥"),
            ("x 25 أكتـوبر 2025", "25 أكتـوبر 2025"),
            ("أنا 5 كانون الأوّل 2022", "5 كانون الأوّل 2022"),
            ("2022-05-13T10:30:00Z", "2022-05-13"),
            ("12-13 mai 2022", "13 mai 2022"),
        ];
        for (input, expected) in cases {
            let f = find_date(input).unwrap_or_else(|| panic!("no date in {input:?}"));
            assert_eq!(&input[f.start..f.end], *expected, "range in {input:?}");
        }
        let f = find_date("Imou Media25 أكتوبر 2025").unwrap();
        assert_eq!(f.start, "Imou Media".len());
    }

    #[test]
    fn parse_date_forms() {
        let cases: &[(&str, Expected)] = &[
            ("2022-05-13", Some((2022, 5, 13))),
            ("  2022-05-13  ", Some((2022, 5, 13))),
            ("2022-05-13T10:30:00Z", Some((2022, 5, 13))),
            ("2022-05-13T23:30:00-05:00", Some((2022, 5, 13))),
            ("2022-05-13 10:30:00", Some((2022, 5, 13))),
            ("2022/05/13", Some((2022, 5, 13))),
            ("Fri, 13 May 2022 10:30:00 +0000", Some((2022, 5, 13))),
            ("13 May 2022 10:30:00 GMT", Some((2022, 5, 13))),
            ("13/05/2022", Some((2022, 5, 13))),
            ("13-05-2022", Some((2022, 5, 13))),
            ("13.05.2022", Some((2022, 5, 13))),
            ("20220513", Some((2022, 5, 13))),
            ("13 mai 2022", Some((2022, 5, 13))),
            ("mardi 13 mai 2022 à 10h30", Some((2022, 5, 13))),
            ("13 de mayo de 2022", Some((2022, 5, 13))),
            ("May 13, 2022", Some((2022, 5, 13))),
            ("٢٥ أكتوبر ٢٠٢٥", Some((2025, 10, 25))),
            ("5 تشرين الثاني 2022", Some((2022, 11, 5))),
            ("", None),
            ("   ", None),
            ("hello", None),
            ("2022", None),
            ("2022-05", None),
            ("2022-02-30", None),
            ("31/02/2022", None),
            ("13/13/2022", None),
            ("20221301", None),
            ("13/05/22", None),
            ("1850-01-01", None),
            ("1850-01-01T00:00:00Z", None),
            ("page 3: 13/05/2022", None),
        ];
        for (input, expected) in cases {
            let expected = expected.map(|(y, m, d)| ymd(y, m, d));
            assert_eq!(parse_date(input), expected, "parse_date({input:?})");
        }
    }

    #[test]
    fn parse_bound_forms() {
        let ok: &[(&str, bool, (i32, u32, u32))] = &[
            ("2024", false, (2024, 1, 1)),
            ("2024", true, (2024, 12, 31)),
            ("2024-02", false, (2024, 2, 1)),
            ("2024-02", true, (2024, 2, 29)),
            ("2023-02", true, (2023, 2, 28)),
            ("2000-02", true, (2000, 2, 29)),
            ("1900-02", true, (1900, 2, 28)),
            ("2024-04", true, (2024, 4, 30)),
            ("2024-12", true, (2024, 12, 31)),
            ("2024-12", false, (2024, 12, 1)),
            ("2024-01", true, (2024, 1, 31)),
            ("2024-3", false, (2024, 3, 1)),
            ("2024-02-10", false, (2024, 2, 10)),
            ("2024-02-10", true, (2024, 2, 10)),
            (" 2024-02-29 ", true, (2024, 2, 29)),
        ];
        for (input, end, (y, m, d)) in ok {
            assert_eq!(
                parse_bound(input, *end),
                Ok(ymd(*y, *m, *d)),
                "parse_bound({input:?}, {end})"
            );
        }
        let bad = [
            "",
            "24",
            "20245",
            "2024-13",
            "2024-00",
            "2024-02-30",
            "2023-02-29",
            "2024-02-10-01",
            "2024/02",
            "13/05/2022",
            "mai 2024",
            "2024-",
            "-2024",
            "+2024",
            "2024-+2",
            "٢٠٢٤",
            "2024-123",
        ];
        for input in bad {
            for end in [false, true] {
                let err = parse_bound(input, end).expect_err(input);
                assert!(
                    err.contains("YYYY, YYYY-MM or YYYY-MM-DD"),
                    "message for {input:?}: {err}"
                );
                assert!(err.contains(input.trim()), "message for {input:?}: {err}");
            }
        }
        assert_eq!(
            parse_bound("2024-13", false),
            Err("`2024-13` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD".to_string())
        );
    }

    /// Checks that a result, if any, is a sane range of the input.
    fn check_range(input: &str) {
        if let Some(f) = find_date(input) {
            assert!(f.start < f.end, "empty range in {input:?}");
            assert!(f.end <= input.len(), "range past end in {input:?}");
            assert!(input.is_char_boundary(f.start) && input.is_char_boundary(f.end));
        }
        let _ = parse_date(input);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let long_digits = "9".repeat(10_000);
        let long_arabic_digits = "٩".repeat(5_000);
        let many_dates = "13/05/".repeat(2_000);
        let odd: Vec<&str> = vec![
            "",
            " ",
            "0",
            "00000000",
            "99999999",
            "12345678901234567890",
            &long_digits,
            &long_arabic_digits,
            &many_dates,
            "😀",
            "13 😀 2022",
            "😀13/05/2022😀",
            "\u{301}",
            "\u{64b}\u{64b}\u{640}",
            "\u{640}13\u{64b} مايو\u{640} 2022\u{301}",
            "ـ",
            "١",
            "13/",
            "13/05/",
            "13 mai",
            "mai",
            "كانون",
            "5 تشرين",
            "5 كانون الأول/",
            "5 تشرين الأول/ 2022",
            "May",
            "May 13,",
            "1er",
            "/-.",
            "--13--05--2022--",
            "13..05..2022",
            "İ 13 MAİ 2022",
            "ß ẞ ﬁ ǅ",
            "日本語 2022年5月13日",
            "Ελληνικά 13 Μαΐου 2022",
            "Русский 13 мая 2022",
            "\u{feff}\u{200f}\u{202e}13/05/2022\u{2069}",
            "\0\u{1}\u{7f}",
            "13\u{0}05\u{0}2022",
            "2022-05-13T",
        ];
        for s in odd {
            check_range(s);
        }
        // A small deterministic generator over an alphabet of tricky characters.
        let alphabet: Vec<char> =
            "0123456789٠٥٩۰۵ /-.,،:ـًaeéèmiMAYdrsptjgأإآاكتوبرنشلثيمسـ\u{301}\u{200f}😀 "
                .chars()
                .collect();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2_000 {
            let mut s = String::new();
            let len = (state % 40) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            state = state.wrapping_add(1);
            check_range(&s);
        }
    }
}
