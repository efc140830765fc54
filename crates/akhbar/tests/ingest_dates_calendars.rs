//! Dates in every calendar and spelling the Arabic and Maghreb press use:
//! Hijri (Umm al-Qura) dates converted to the Gregorian day, the Gregorian
//! date winning where a page gives both, the month names of Algeria,
//! Tunisia and Mauritania, abbreviated French and Spanish months, Persian
//! letters; ambiguous dates stay null.

use akhbar::ingest::{find_date, parse_date};
use chrono::NaiveDate;

use crate::ingest_support::*;

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// (text → the date `find_date` reads in it).
fn check(cases: &[(&str, Option<NaiveDate>)]) {
    for (text, want) in cases {
        assert_eq!(find_date(text).map(|f| f.date), *want, "{text}");
    }
}

#[test]
fn hijri_dates_become_their_gregorian_day() {
    check(&[
        ("14 رمضان 1445", ymd(2024, 3, 24)),
        ("14 رمضان 1445 هـ", ymd(2024, 3, 24)),
        ("الأحد 14 رمضان 1445هـ", ymd(2024, 3, 24)),
        ("14-09-1432 هـ", ymd(2011, 8, 14)),
        ("14/09/1432هـ", ymd(2011, 8, 14)),
        ("1432/09/14 هـ", ymd(2011, 8, 14)),
        ("١٤ رمضان ١٤٤٥ هـ", ymd(2024, 3, 24)),
        ("فاتح محرم 1446", ymd(2024, 7, 7)),
        ("1 محرم 1446 هجرية", ymd(2024, 7, 7)),
        ("10 ذو الحجة 1443", ymd(2022, 7, 9)),
        ("10 ذي الحجة 1443 للهجرة", ymd(2022, 7, 9)),
        ("1 شوال 1444", ymd(2023, 4, 21)),
        ("12 ربيع الأول 1446 هـ", ymd(2024, 9, 15)),
        ("1 ربيع الآخر 1446", ymd(2024, 10, 4)),
        ("1 جمادى الأولى 1446", ymd(2024, 11, 3)),
        ("27 رجب 1445", ymd(2024, 2, 8)),
        ("15 شعبان 1445", ymd(2024, 2, 25)),
        ("1 ذو القعدة 1445", ymd(2024, 5, 9)),
        ("20 صفر 1446 هـ", ymd(2024, 8, 24)),
    ]);
    // The spellings of one month read alike.
    for names in [
        ["جمادى الآخرة", "جمادى الثانية", "جمادي الاخرة"],
        ["ربيع الآخر", "ربيع الثاني", "ربيع الاخر"],
        ["ذو القعدة", "ذي القعدة", "ذو القعده"],
    ] {
        let dates: Vec<_> = names
            .iter()
            .map(|n| find_date(&format!("1 {n} 1446 هـ")).map(|f| f.date))
            .collect();
        assert!(dates[0].is_some(), "{names:?}");
        assert!(dates.iter().all(|d| *d == dates[0]), "{names:?}: {dates:?}");
    }
}

#[test]
fn the_gregorian_date_wins_where_a_page_gives_both() {
    check(&[
        (
            "الخميس 14 رمضان 1445 هـ الموافق 24 مارس 2024",
            ymd(2024, 3, 24),
        ),
        (
            "الخميس 13 رمضان 1445 هـ الموافق 23 مارس 2024",
            ymd(2024, 3, 23),
        ),
        ("23 مارس 2024 م الموافق 13 رمضان 1445 هـ", ymd(2024, 3, 23)),
        // A page whose two dates disagree by a day (another moon sighting)
        // is dated by its Gregorian date.
        ("12 رمضان 1445 هـ الموافق 23/03/2024", ymd(2024, 3, 23)),
    ]);
}

#[test]
fn what_is_not_a_hijri_date_stays_null() {
    check(&[
        // صفر is also "zero": without the year's mark it is no month.
        ("سجل 3 صفر 1445 مرة", None),
        // A numeric date with a Hijri year needs the mark.
        ("14-09-1432", None),
        // No Hijri year outside the tables, no 30th of a 29-day month.
        ("14 رمضان 1250 هـ", None),
        ("30 شوال 1445 هـ", None),
        // ربيع alone is spring; a month needs a day and a year.
        ("14 ربيع 1445", None),
        ("رمضان 1445", None),
        ("في رمضان الماضي", None),
    ]);
}

#[test]
fn maghreb_and_mauritanian_month_names() {
    check(&[
        ("13 جانفي 2022", ymd(2022, 1, 13)),
        ("13 فيفري 2022", ymd(2022, 2, 13)),
        ("13 أفريل 2022", ymd(2022, 4, 13)),
        ("13 جوان 2022", ymd(2022, 6, 13)),
        ("13 جويلية 2022", ymd(2022, 7, 13)),
        ("13 أوت 2022", ymd(2022, 8, 13)),
        // Mauritania.
        ("13 أغشت 2022", ymd(2022, 8, 13)),
        ("13 شتمبر 2022", ymd(2022, 9, 13)),
        ("13 دجمبر 2022", ymd(2022, 12, 13)),
        // Morocco: فاتح is the first of the month.
        ("فاتح ماي 2024", ymd(2024, 5, 1)),
        ("فاتح يوليوز 2023", ymd(2023, 7, 1)),
    ]);
}

#[test]
fn persian_letters_in_month_names() {
    check(&[
        ("25 تشرین الأول 2025", ymd(2025, 10, 25)),
        ("25 تشرین الثانی 2025", ymd(2025, 11, 25)),
        ("3 کانون الثاني 2024", ymd(2024, 1, 3)),
        ("۲۵ تشرین الأول ۲۰۲۵", ymd(2025, 10, 25)),
    ]);
}

#[test]
fn abbreviated_french_and_spanish_months() {
    check(&[
        ("5 janv. 2021", ymd(2021, 1, 5)),
        ("5 févr. 2021", ymd(2021, 2, 5)),
        ("5 fév. 2021", ymd(2021, 2, 5)),
        ("5 juil. 2021", ymd(2021, 7, 5)),
        ("5 juill. 2021", ymd(2021, 7, 5)),
        ("5 sept. 2021", ymd(2021, 9, 5)),
        ("5 déc. 2021", ymd(2021, 12, 5)),
        ("15 aoû 2020", ymd(2020, 8, 15)),
        ("15 aoû. 2020", ymd(2020, 8, 15)),
        ("07.ago.2014", ymd(2014, 8, 7)),
        ("07-ago-2014", ymd(2014, 8, 7)),
        ("7 ago. 2014", ymd(2014, 8, 7)),
        ("3 ene. 2019", ymd(2019, 1, 3)),
        ("3 dic. 2019", ymd(2019, 12, 3)),
        ("3 abr. 2019", ymd(2019, 4, 3)),
        // Mixed separators, or a month name that is a word, stay null.
        ("07.ago-2014", None),
        ("07.mars 2014", None),
    ]);
}

#[test]
fn structured_fields_read_the_same_forms() {
    for (field, want) in [
        ("14 رمضان 1445 هـ", ymd(2024, 3, 24)),
        ("07.ago.2014", ymd(2014, 8, 7)),
        ("فاتح ماي 2024", ymd(2024, 5, 1)),
        ("03/04/05", None),
    ] {
        assert_eq!(parse_date(field), want, "{field}");
    }
}

#[test]
fn a_hijri_dateline_dates_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let body = "أعلنت وزارة الأوقاف عن موعد صلاة العيد في مختلف المدن، ودعت المواطنين إلى الالتزام بالتوجيهات الصادرة عن السلطات المحلية طيلة أيام العطلة.";
    write(
        dir.path(),
        "hijri.txt",
        format!("موعد صلاة العيد\nالثلاثاء 1 شوال 1445 هـ\n\n{body}\n").as_bytes(),
    );
    write(
        dir.path(),
        "both.txt",
        format!("موعد صلاة العيد\nالثلاثاء 1 شوال 1445 هـ الموافق 9 أبريل 2024\n\n{body}\n")
            .as_bytes(),
    );
    let got = ingest(dir.path());
    assert_eq!(got.article("hijri.txt").date, ymd(2024, 4, 10));
    assert_eq!(got.article("both.txt").date, ymd(2024, 4, 9));
}
