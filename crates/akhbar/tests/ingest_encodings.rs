//! Encodings: UTF-8 with and without BOM, UTF-16 with BOM, Windows-1256,
//! ISO-8859-6, Windows-1252/Latin-1; mojibake repaired or refused; bytes
//! that are no text refused.

use crate::ingest_support::*;
use akhbar::ingest::SkipReason;
use encoding_rs::{ISO_8859_6, WINDOWS_1252, WINDOWS_1256};

const AR_PAGE: &str = "وزير الفلاحة يفتتح المعرض الدولي بمكناس\n18 - 04 - 2024\nافتتح وزير الفلاحة اليوم الدورة الجديدة للمعرض الدولي للفلاحة بمدينة مكناس بمشاركة عدد كبير من الدول.\nوأكد الوزير أن المعرض يشكل فرصة لتبادل الخبرات بين الفلاحين والباحثين.\n";
const FR_PAGE: &str = "Fès accueille le festival des musiques sacrées\n12 - 06 - 2023\nLe festival réunit cette année des artistes venus de vingt pays, a précisé l'équipe organisatrice.\nLes concerts se tiendront à Bab Al Makina et dans les jardins de Jnan Sbil, où l'été est doux le soir.\n";

fn body_of(text: &str) -> String {
    text.lines().skip(2).collect::<Vec<_>>().join("\n")
}

#[test]
fn every_encoding_gives_the_same_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut bom_utf8 = b"\xEF\xBB\xBF".to_vec();
    bom_utf8.extend_from_slice(AR_PAGE.as_bytes());
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in FR_PAGE.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let files: [(&str, Vec<u8>, &str); 7] = [
        ("ar/utf8.txt", AR_PAGE.as_bytes().to_vec(), AR_PAGE),
        ("ar/bom.txt", bom_utf8, AR_PAGE),
        ("ar/cp1256.txt", encode(AR_PAGE, WINDOWS_1256), AR_PAGE),
        ("ar/iso8859-6.txt", encode(AR_PAGE, ISO_8859_6), AR_PAGE),
        ("fr/cp1252.txt", encode(FR_PAGE, WINDOWS_1252), FR_PAGE),
        ("fr/utf16.txt", utf16, FR_PAGE),
        ("fr/utf8.txt", FR_PAGE.as_bytes().to_vec(), FR_PAGE),
    ];
    for (name, bytes, _) in &files {
        write(dir.path(), name, bytes);
    }
    let got = ingest(dir.path());
    assert!(got.skips.is_empty(), "{:#?}", got.skips);
    for (name, _, text) in &files {
        let a = got.article(name);
        assert_eq!(a.body, body_of(text), "{name}");
        assert_eq!(a.title, text.lines().next().unwrap(), "{name}");
        assert!(a.date.is_some(), "{name}");
    }
}

#[test]
fn mojibake_is_repaired_when_unambiguous() {
    let dir = tempfile::tempdir().unwrap();
    // UTF-8 read as Windows-1252 (or 1256) and saved again as UTF-8.
    let fr = WINDOWS_1252.decode(FR_PAGE.as_bytes()).0.into_owned();
    let ar = WINDOWS_1252.decode(AR_PAGE.as_bytes()).0.into_owned();
    let ar2 = WINDOWS_1256.decode(AR_PAGE.as_bytes()).0.into_owned();
    assert!(fr.contains("Ã©") && ar.contains("Ø§Ù"));
    write(dir.path(), "fr.txt", fr.as_bytes());
    write(dir.path(), "ar.txt", ar.as_bytes());
    write(dir.path(), "ar2.txt", ar2.as_bytes());
    let record = format!(
        "{{\"id\": \"m\", \"title\": \"{}\", \"body\": \"{}\"}}\n",
        WINDOWS_1252.decode("Été à Fès".as_bytes()).0,
        WINDOWS_1252
            .decode("Le marché de Fès a rouvert après les travaux.".as_bytes())
            .0
    );
    write(dir.path(), "r.jsonl", record.as_bytes());
    let got = ingest(dir.path());
    assert!(got.skips.is_empty(), "{:#?}", got.skips);
    assert_eq!(got.article("fr.txt").body, body_of(FR_PAGE));
    assert_eq!(got.article("ar.txt").body, body_of(AR_PAGE));
    assert_eq!(got.article("ar2.txt").body, body_of(AR_PAGE));
    let r = got.article("r.jsonl:1");
    assert_eq!(
        (r.title.as_str(), r.body.as_str()),
        ("Été à Fès", "Le marché de Fès a rouvert après les travaux.")
    );
}

#[test]
fn unrepairable_mojibake_is_skipped_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let source = format!("{FR_PAGE}Prix : 3 € l’unité, « net ».\n");
    let garbled = WINDOWS_1252.decode(source.as_bytes()).0.into_owned();
    // Half garbled, half clean: no single re-decoding explains it, and the
    // garbled `’`, `€`, `«` are three characters each, beyond a pair-by-pair repair.
    let mixed = format!("{FR_PAGE}{garbled}");
    write(dir.path(), "mixed.txt", mixed.as_bytes());
    let got = ingest(dir.path());
    assert!(got.articles.is_empty());
    let skip = &got.skipped(SkipReason::Mojibake)[0];
    assert_eq!(skip.path, "mixed.txt");
    assert!(skip.detail.contains("mojibake"), "{}", skip.detail);
}

#[test]
fn stray_garbled_pairs_in_clean_arabic_are_repaired() {
    let dir = tempfile::tempdir().unwrap();
    let line = "{\"id\": \"p\", \"title\": \"عدد أولي\", \"body\": \"على سبيل المثال، 3 ، 1 Â· 3، 1 Â· 1 Â· 3 وما إلى ذلك من الأعداد الأولية.\"}\n";
    write(dir.path(), "r.jsonl", line.as_bytes());
    let got = ingest(dir.path());
    assert_eq!(got.articles.len(), 1);
    assert!(got.article("r.jsonl:1").body.contains("1 · 3، 1 · 1 · 3"));
}

#[test]
fn bytes_that_are_no_text_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let noise: Vec<u8> = (0..2000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 11) as u8 | 0x80)
        .collect();
    write(dir.path(), "noise.txt", &noise);
    write(dir.path(), "nul.txt", b"texte\0\0\0binaire");
    let got = ingest(dir.path());
    assert!(got.articles.is_empty());
    assert_eq!(got.skipped(SkipReason::Undecodable)[0].path, "noise.txt");
    assert_eq!(got.skipped(SkipReason::BinaryFile)[0].path, "nul.txt");
}

#[test]
fn a_legacy_json_line_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let line =
        "{\"id\": \"l\", \"body\": \"افتتح وزير الفلاحة اليوم الدورة الجديدة للمعرض الدولي\"}\n";
    write(dir.path(), "a.jsonl", &encode(line, WINDOWS_1256));
    let got = ingest(dir.path());
    assert!(got.article("a.jsonl:1").body.starts_with("افتتح وزير"));
}
