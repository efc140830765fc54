//! How keyword search ranks news (issue 20): a pasted headline or lead
//! finds its story though no article holds all its words, a short query
//! keeps every word required, `--question` ranks a headline as keyword
//! search does, and an invisible character inside a scraped word (issue
//! 17) does not hide it.
//!
//! The texts are written for these tests, as outlets print them.

use std::fmt::Write as _;

use crate::common::TestIndex;

fn record(out: &mut String, id: &str, title: &str, body: &str, date: &str, source: &str) {
    let line = serde_json::json!({
        "id": id, "title": title, "body": body, "date": date, "source": source,
    });
    writeln!(out, "{line}").expect("write to a string");
}

/// One story told by a French and an Arabic outlet, beside other stories
/// that share some of its words.
fn story_index() -> (tempfile::TempDir, TestIndex) {
    let mut jsonl = String::new();
    record(
        &mut jsonl,
        "fr-cyber-loi",
        "Le Parlement adopte la loi sur la cybercriminalité",
        "Les députés ont adopté mardi à Rabat le projet de loi relatif à la lutte contre la \
         cybercriminalité, présenté par le ministre de la Justice Abdellatif Ouahbi. Le texte \
         crée un pôle judiciaire spécialisé et alourdit les peines pour le piratage des \
         données personnelles.\nL'opposition a dénoncé un examen trop rapide en commission.",
        "2025-05-13",
        "Le Courrier de Rabat",
    );
    record(
        &mut jsonl,
        "fr-justice-budget",
        "Le budget de la Justice en hausse de 8 %",
        "Le ministre de la Justice a présenté devant la commission le budget de son \
         département pour l'année prochaine. Les tribunaux recevront de nouveaux magistrats \
         et des moyens pour numériser les dossiers.",
        "2025-05-02",
        "Le Courrier de Rabat",
    );
    record(
        &mut jsonl,
        "fr-port-record",
        "Le port de Tanger Med bat un nouveau record",
        "Le port a traité plus de huit millions de conteneurs l'an dernier, selon l'autorité \
         portuaire, qui prévoit une nouvelle extension du terminal.",
        "2025-04-20",
        "Le Courrier de Rabat",
    );
    record(
        &mut jsonl,
        "ar-cyber-qanun",
        "مجلس النواب يصادق على قانون الجريمة الإلكترونية",
        "صادق مجلس النواب يوم الثلاثاء بالرباط على مشروع القانون المتعلق بمكافحة الجريمة \
         الإلكترونية، الذي قدمه وزير العدل عبد اللطيف وهبي. وينص النص على إحداث قطب قضائي \
         متخصص وتشديد العقوبات على قرصنة المعطيات الشخصية.",
        "2025-05-13",
        "أخبار الرباط",
    );
    record(
        &mut jsonl,
        "ar-taqs",
        "أمطار رعدية مرتقبة بعدد من مناطق المملكة",
        "توقعت المديرية العامة للأرصاد الجوية نزول أمطار رعدية قوية يوم الثلاثاء بعدد من \
         المناطق، مع هبوب رياح قوية بالسواحل.",
        "2025-05-12",
        "أخبار الرباط",
    );
    let corpus = tempfile::tempdir().expect("temp dir");
    std::fs::write(corpus.path().join("news.jsonl"), jsonl).expect("write corpus");
    let index = TestIndex::build(corpus.path());
    (corpus, index)
}

fn notes(results: &akhbar::search::SearchResults) -> String {
    results.notes.join(" | ")
}

#[test]
fn a_pasted_headline_finds_its_story_though_no_article_holds_every_word() {
    let (_corpus, index) = story_index();
    // Another outlet's headline of the same story: `votent`, `voit`,
    // `jour` are in no article, and a colon and guillemets are punctuation.
    let pasted = "Cybercriminalité : les députés votent le texte de Ouahbi, « un pôle judiciaire spécialisé » voit le jour";
    let results = index.query(pasted);
    assert_eq!(
        results.hits.first().map(|h| h.id.as_str()),
        Some("fr-cyber-loi"),
        "{:?}",
        results.hits.iter().map(|h| &h.id).collect::<Vec<_>>()
    );
    let said = notes(&results);
    assert!(said.contains("read as pasted text (15 words"), "{said}");
    assert!(
        said.contains("the count covers every article holding one"),
        "{said}"
    );

    // The typographic and the keyboard apostrophe read the same.
    for apostrophe in ['\'', '\u{2019}'] {
        let lead = format!(
            "Les élus ont voté à Rabat le texte contre la cybercriminalité porté par le ministre de la Justice, qui crée un pôle judiciaire et punit le piratage des données, malgré l{apostrophe}opposition"
        );
        let ids: Vec<String> = index.ids(&lead);
        assert_eq!(
            ids.first().map(String::as_str),
            Some("fr-cyber-loi"),
            "{ids:?}"
        );
    }
}

#[test]
fn a_pasted_arabic_headline_with_its_furniture_finds_its_story() {
    let (_corpus, index) = story_index();
    // As Moroccan sites print it: `عاجل..` before, `+فيديو` after, with
    // words no article holds (`يصادقون`, `النواب` against `مجلس النواب`).
    let pasted = "عاجل.. النواب يصادقون على قانون وهبي لمكافحة الجريمة الإلكترونية +فيديو";
    let results = index.query(pasted);
    assert_eq!(
        results.hits.first().map(|h| h.id.as_str()),
        Some("ar-cyber-qanun"),
        "{:?}",
        results.hits.iter().map(|h| &h.id).collect::<Vec<_>>()
    );
    assert!(notes(&results).contains("read as pasted text"));
    // The weather story holds none of the headline's words: it does not
    // match at all.
    assert!(results.hits.iter().all(|h| h.id != "ar-taqs"));
}

#[test]
fn a_short_query_keeps_every_word_required_even_when_nothing_matches() {
    let (_corpus, index) = story_index();
    // Five words: a keyword query. No article holds `votent`: nothing,
    // and the count says so (it is a count of articles holding all).
    let results = index.query("cybercriminalité députés votent texte Ouahbi");
    assert_eq!(results.total, 0);
    assert!(!notes(&results).contains("pasted"));
    assert_eq!(
        index.ids("cybercriminalité Ouahbi pôle"),
        vec!["fr-cyber-loi"]
    );
    // `Justice commission` is in two stories, `Justice port` in none.
    assert_eq!(index.query("Justice commission").total, 2);
    assert_eq!(index.query("Justice port").total, 0);
}

#[test]
fn a_long_query_written_with_operators_is_read_in_the_query_language() {
    let (_corpus, index) = story_index();
    for query in [
        "cybercriminalité AND députés AND votent AND texte AND Ouahbi AND pôle",
        "+cybercriminalité députés votent le texte de Ouahbi pôle",
        "source:\"Le Courrier de Rabat\" cybercriminalité députés votent texte Ouahbi pôle",
    ] {
        let results = index.query(query);
        assert_eq!(results.total, 0, "{query}: every word is required");
        assert!(!notes(&results).contains("pasted"), "{query}");
    }
    // Without `votent`, every word is in the story.
    let results = index.query("+cybercriminalité députés adopté le texte de Ouahbi pôle");
    assert_eq!(
        results
            .hits
            .iter()
            .map(|h| h.id.as_str())
            .collect::<Vec<_>>(),
        vec!["fr-cyber-loi"]
    );
}

#[test]
fn a_headline_asked_as_a_question_ranks_as_keyword_search_ranks_it() {
    let (_corpus, index) = story_index();
    let headline = "Cybercriminalité : les députés votent le texte de Ouahbi, « un pôle judiciaire spécialisé » voit le jour";
    let keyword = index.query(headline);
    let asked = index.answer(&akhbar::qa::Question::new(headline));
    let ids = |r: &akhbar::search::SearchResults| {
        r.hits
            .iter()
            .map(|h| (h.id.clone(), h.score))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&asked), ids(&keyword));
    assert!(
        notes(&asked).contains("not written as a question"),
        "{}",
        notes(&asked)
    );
    // A question keeps the question stages.
    let question = index.answer(&akhbar::qa::Question::new(
        "Quel ministre a présenté la loi sur la cybercriminalité ?",
    ));
    assert_eq!(
        question.hits.first().map(|h| h.id.as_str()),
        Some("fr-cyber-loi")
    );
    assert!(!notes(&question).contains("not written as a question"));
}

#[test]
fn an_invisible_character_inside_a_word_hides_nothing() {
    // Scraped pages carry zero-width spaces, soft hyphens and directional
    // marks inside words; a user may paste them too.
    let mut jsonl = String::new();
    record(
        &mut jsonl,
        "fr-zw",
        "Réunion à Ra\u{200B}bat sur la cyber\u{00AD}criminalité",
        "Les experts se sont réunis à Ra\u{200B}bat pour parler de cyber\u{00AD}criminalité.",
        "2025-02-01",
        "Essai",
    );
    record(
        &mut jsonl,
        "ar-zw",
        "اجتماع في الر\u{200C}باط",
        "اجتمع الخبراء في \u{202B}الر\u{200B}باط\u{202C} لمناقشة الجرائم الإلكترونية.",
        "2025-02-01",
        "Essai",
    );
    let corpus = tempfile::tempdir().expect("temp dir");
    std::fs::write(corpus.path().join("zw.jsonl"), jsonl).expect("write corpus");
    let index = TestIndex::build(corpus.path());
    assert_eq!(index.ids("Rabat"), vec!["fr-zw"]);
    assert_eq!(index.ids("cybercriminalité"), vec!["fr-zw"]);
    assert_eq!(index.ids("الرباط"), vec!["ar-zw"]);
    // The query may hold them too.
    assert_eq!(index.ids("Ra\u{200B}bat"), vec!["fr-zw"]);
    assert_eq!(
        index.ids("\"experts se sont réunis à Rabat\""),
        vec!["fr-zw"]
    );
}

#[test]
fn a_pasted_headline_exports_what_its_search_shows() {
    let (_corpus, index) = story_index();
    let headline = "Cybercriminalité : les députés votent le texte de Ouahbi, « un pôle judiciaire spécialisé » voit le jour";
    let mut request = akhbar::search::SearchRequest::new(headline);
    request.all_duplicates = true;
    request.limit = 100;
    let shown: Vec<String> = index
        .search(&request)
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert!(!shown.is_empty());
    let opened = akhbar::index::open(index.path()).expect("index opens");
    let searcher = opened.searcher().expect("searcher");
    let mut exported = Vec::new();
    akhbar::search::for_each_match(&searcher, &opened.fields, &request, None, |hit, _| {
        exported.push(hit.id.clone());
        Ok::<(), akhbar::Error>(())
    })
    .expect("export runs");
    assert_eq!(exported, shown);
}

#[test]
fn an_export_refuses_the_query_its_search_refuses() {
    let (_corpus, index) = story_index();
    let opened = akhbar::index::open(index.path()).expect("index opens");
    let searcher = opened.searcher().expect("searcher");
    // A whole article pasted many times over: past the query cap.
    let request = akhbar::search::SearchRequest::new(
        "Le ministre de la Justice, Abdellatif Ouahbi, a présenté le texte. ".repeat(200),
    );
    let searched = akhbar::search::search_with(&searcher, &opened.fields, &request);
    let exported =
        akhbar::search::for_each_match(&searcher, &opened.fields, &request, None, |_, _| {
            Ok::<(), akhbar::Error>(())
        });
    for outcome in [searched.map(|_| ()), exported.map(|_| ())] {
        let message = outcome.expect_err("refused").to_string();
        assert!(
            message.contains("more than the 10000 a search takes"),
            "{message}"
        );
    }
}
