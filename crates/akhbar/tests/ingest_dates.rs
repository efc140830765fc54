//! Publication dates of raw pages in the forms the press uses; dates cited
//! in the body are not the publication date; no date is null.

use crate::ingest_support::*;
use chrono::NaiveDate;

const FR_BODY: &str = "Cette convention, adoptée le 8 novembre 2001, a été complétée en 2017 puis le 12/05/2021 par un protocole que le Maroc applique depuis 2018.";
const AR_BODY: &str = "وكانت الاتفاقية قد اعتمدت في 8 نوفمبر 2001 ثم عدلت سنة 2017 قبل أن يصادق عليها المغرب في 12 ماي 2021 بعد نقاش طويل.";

#[test]
fn datelines_in_every_form() {
    let cases: [(&str, &str, &str); 12] = [
        ("numeric", "Publié le 13/05/2022", FR_BODY),
        ("numeric-spaced", "Publié dans EcoActu le 13 - 05 - 2022", FR_BODY),
        ("iso", "2022-05-13", FR_BODY),
        ("french", "Vendredi 13 mai 2022 à 10h30", FR_BODY),
        ("spanish", "Publicado el 13 de mayo de 2022", "El acuerdo fue firmado el 8 de noviembre de 2001 y modificado en 2017, según el ministerio."),
        ("english", "Published on May 13, 2022", "The convention was adopted on 8 November 2001 and amended in 2017, the ministry said."),
        ("ar-maghreb", "نشر في هسبريس يوم 13 ماي 2022", AR_BODY),
        ("ar-mashriq", "الجمعة 13 مايو 2022", AR_BODY),
        ("ar-levantine", "13 أيار 2022", AR_BODY),
        ("ar-indic-digits", "١٣ مايو ٢٠٢٢", AR_BODY),
        ("ar-numeric", "13-05-2022", AR_BODY),
        ("ar-algeria", "13 ماي 2022 - 10:30", AR_BODY),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, dateline, body) in &cases {
        let page = format!("Un titre pour {name}\n{dateline}\n\n{body}\n");
        write(dir.path(), &format!("{name}.txt"), page.as_bytes());
    }
    let got = ingest(dir.path());
    let want = NaiveDate::from_ymd_opt(2022, 5, 13);
    for (name, dateline, body) in &cases {
        let a = got.article(&format!("{name}.txt"));
        assert_eq!(a.date, want, "{name}: `{dateline}`");
        assert_eq!(a.body, *body, "{name}");
    }
}

#[test]
fn dates_cited_in_the_body_are_not_the_publication_date() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!("Un titre\n\n{FR_BODY}\nUne autre phrase du 3 mars 2010.\n");
    write(dir.path(), "p.txt", page.as_bytes());
    let ar = format!("عنوان المقال\n{AR_BODY}\n");
    write(dir.path(), "ar.txt", ar.as_bytes());
    let got = ingest(dir.path());
    assert_eq!(got.article("p.txt").date, None);
    assert_eq!(got.article("ar.txt").date, None);
}

#[test]
fn an_impossible_dateline_is_no_date() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "p.txt",
        format!("Titre\nPublié le 31/02/2022\n{FR_BODY}\n").as_bytes(),
    );
    let got = ingest(dir.path());
    assert_eq!(got.article("p.txt").date, None);
}

#[test]
fn the_seed_page_is_dated_by_its_dateline() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let got = ingest(&corpus);
    let seed = got
        .articles
        .iter()
        .find(|a| a.path.starts_with("000_"))
        .expect("seed 000");
    assert_eq!(seed.date, NaiveDate::from_ymd_opt(2022, 5, 13));
}
