//! Hijri dates as the Arabic press writes them (`14 رمضان 1445 هـ`,
//! `14-09-1432 هـ`), converted to the Gregorian calendar with the
//! Umm al-Qura rules (the official calendar of Saudi Arabia, whose dates
//! most Arabic outlets print), as ICU4X's `icu_calendar` implements them
//! from the KACST tables.
//!
//! Month names are matched after the normalisation of [`super::dates`]
//! (`أ إ آ` → `ا`, `ى` → `ي`, tatweel and harakat dropped).

use chrono::NaiveDate;
use icu_calendar::cal::Hijri;
use icu_calendar::Date;

/// Hijri years accepted: Umm al-Qura is tabulated for these, and they
/// cannot be read as Gregorian years (1900..=2100).
pub(super) const YEARS: std::ops::RangeInclusive<u32> = 1300..=1500;

/// The Gregorian date of a day of the Umm al-Qura calendar; `None` when
/// the day does not exist (the 30th of a 29-day month) or the year is out
/// of [`YEARS`].
pub(super) fn to_gregorian(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    if !YEARS.contains(&year) {
        return None;
    }
    let date = Date::try_new_hijri_with_calendar(
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
        Hijri::new_umm_al_qura(),
    )
    .ok()?;
    // Rata Die counts days from 0001-01-01 = 1, as chrono's days from CE.
    let days = i32::try_from(date.to_rata_die().to_i64_date()).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// A Hijri month name of one word, or the first word of a two-word name
/// and what must follow it: the month number of the words at the start of
/// `words`, and how many words it took.
pub(super) fn month(first: &str, second: Option<&str>) -> Option<(u32, usize)> {
    let one = match first {
        "محرم" | "المحرم" => Some(1),
        "صفر" => Some(2),
        "رجب" => Some(7),
        "شعبان" => Some(8),
        "رمضان" => Some(9),
        "شوال" => Some(10),
        _ => None,
    };
    if let Some(m) = one {
        return Some((m, 1));
    }
    let second = second?;
    let m = match (first, second) {
        ("ربيع", "الاول" | "اول") => 3,
        ("ربيع", "الثاني" | "ثاني" | "الاخر" | "اخر") => 4,
        ("جمادي", "الاولي" | "الاول" | "اولي" | "الاوله" | "الاولة") => {
            5
        }
        ("جمادي", "الاخره" | "الاخرة" | "الاخر" | "الثانيه" | "الثانية" | "الثاني") => {
            6
        }
        ("ذو" | "ذي" | "ذا", "القعده" | "القعدة") => 11,
        ("ذو" | "ذي" | "ذا", "الحجه" | "الحجة") => 12,
        _ => return None,
    };
    Some((m, 2))
}

/// Whether a (normalised) word marks a year as Hijri: `هـ` (`ه` once the
/// tatweel is dropped), `هجري`, `هجرية`, `للهجرة`.
pub(super) fn is_year_mark(word: &str) -> bool {
    matches!(
        word,
        "ه" | "ھ"
            | "هجري"
            | "هجريه"
            | "هجرية"
            | "للهجره"
            | "للهجرة"
            | "الهجري"
            | "الهجريه"
            | "الهجرية"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umm_al_qura_days_are_the_official_ones() {
        // (Hijri) → (Gregorian), from the Saudi calendar as announced.
        for ((y, m, d), (gy, gm, gd)) in [
            ((1445, 9, 1), (2024, 3, 11)),  // 1 Ramadan 1445
            ((1445, 9, 14), (2024, 3, 24)), // 14 Ramadan 1445
            ((1445, 10, 1), (2024, 4, 10)), // Eid al-Fitr 1445
            ((1446, 1, 1), (2024, 7, 7)),   // 1 Muharram 1446
            ((1444, 10, 1), (2023, 4, 21)), // Eid al-Fitr 1444
            ((1432, 9, 1), (2011, 8, 1)),   // 1 Ramadan 1432
            ((1432, 9, 14), (2011, 8, 14)), // 14 Ramadan 1432
            ((1443, 12, 10), (2022, 7, 9)), // Eid al-Adha 1443
        ] {
            assert_eq!(
                to_gregorian(y, m, d),
                NaiveDate::from_ymd_opt(gy, gm, gd),
                "{d}/{m}/{y}"
            );
        }
        // Ramadan 1445 had 30 days, Shawwal 1445 had 29.
        assert!(to_gregorian(1445, 9, 30).is_some());
        assert_eq!(to_gregorian(1445, 10, 30), None);
        assert_eq!(to_gregorian(1445, 13, 1), None);
        assert_eq!(to_gregorian(2024, 3, 1), None);
    }
}
