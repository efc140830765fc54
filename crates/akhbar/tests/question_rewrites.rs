//! How a question's words are rewritten with the index's vocabulary: typo
//! tolerance, Arabic clitic variants, and question frames.

use akhbar::qa::{Question, QuestionOptions, RerankModel};

/// A few passages in French and Arabic, written for these tests.
const PASSAGES: &str = r#"{"id": "journal", "title": "La presse de Casablanca", "body": "Le journal du soir coûte cinq dirhams et paraît six jours sur sept.", "date": "2024-01-10"}
{"id": "radio", "title": "La radio à Casablanca", "body": "La station émet depuis 1962 et couvre tout le pays.", "date": "2024-01-11"}
{"id": "protection", "title": "Le littoral", "body": "La protection du littoral de Tanger est confiée à une agence publique.", "date": "2024-01-12"}
{"id": "ar-project", "title": "ميناء طنجة", "body": "أعلنت الوزارة عن مشروع جديد لتوسيع الميناء في طنجة خلال السنة المقبلة.", "date": "2024-01-13"}
{"id": "ar-budget", "title": "الميزانية", "body": "خصصت الحكومة ميزانية لمشروع الطريق السريع بين فاس ومكناس.", "date": "2024-01-14"}
{"id": "ar-other", "title": "الطقس", "body": "تساقطت أمطار غزيرة على مدينة فاس يوم الأحد.", "date": "2024-01-15"}
"#;

fn index() -> (tempfile::TempDir, crate::common::TestIndex) {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("passages.jsonl"), PASSAGES).unwrap();
    let index = crate::common::TestIndex::build(corpus.path());
    (corpus, index)
}

fn question(text: &str, options: QuestionOptions) -> Question {
    let mut question = Question::new(text);
    question.options = options;
    question
}

fn ids(index: &crate::common::TestIndex, question: &Question) -> Vec<String> {
    index
        .answer(question)
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn a_mistyped_word_is_searched_as_the_nearest_indexed_word() {
    let (_corpus, index) = index();
    let results = index.answer(&question(
        "Combien coûte le joural ?",
        QuestionOptions::default(),
    ));
    assert_eq!(results.hits.first().map(|h| h.id.as_str()), Some("journal"));
    assert_eq!(results.corrections.len(), 1, "{:?}", results.corrections);
    assert_eq!(results.corrections[0].word, "joural");
    assert_eq!(results.corrections[0].searched, "journal");
    // A transposition is one edit; the word alone finds its passage.
    let found = ids(
        &index,
        &question("Qui assure la proctection ?", QuestionOptions::default()),
    );
    assert_eq!(found, vec!["protection"]);
    // Without typo tolerance the mistyped word matches nothing.
    let off = QuestionOptions {
        typos: 0.0,
        ..QuestionOptions::default()
    };
    assert!(ids(&index, &question("proctection", off)).is_empty());
}

#[test]
fn words_the_index_holds_and_short_words_are_never_corrected() {
    let (_corpus, index) = index();
    // `radio` is indexed: it is searched as itself, not as a neighbour.
    let results = index.answer(&question("la radio", QuestionOptions::default()));
    assert!(results.corrections.is_empty(), "{:?}", results.corrections);
    assert_eq!(results.hits[0].id, "radio");
    // Four letters: too many words lie one edit away (`soir` / `sois`).
    let results = index.answer(&question("sois", QuestionOptions::default()));
    assert!(results.corrections.is_empty());
    assert_eq!(results.total, 0);
}

#[test]
fn keyword_searches_are_not_corrected() {
    let (_corpus, index) = index();
    let results = index.query("joural");
    assert_eq!(results.total, 0);
    assert!(results.corrections.is_empty());
}

#[test]
fn arabic_words_meet_their_forms_with_a_clitic() {
    let (_corpus, index) = index();
    // The analyzer itself strips the preposition of `لمشروع` (Snowball
    // did not): even without variants, a question about `مشروع` meets the
    // passage saying `لمشروع`.
    let off = QuestionOptions {
        variants: 0.0,
        ..QuestionOptions::default()
    };
    let without = ids(&index, &question("ما هو المشروع؟", off));
    assert_eq!(without.len(), 2, "{without:?}");
    assert!(without.contains(&"ar-budget".to_string()), "{without:?}");
    let with = ids(
        &index,
        &question("ما هو المشروع؟", QuestionOptions::default()),
    );
    assert_eq!(with.len(), 2, "{with:?}");
    assert!(with.contains(&"ar-budget".to_string()), "{with:?}");
    // And the other way round: `لمشروع` in a question meets `مشروع`.
    let back = ids(&index, &question("لمشروع", QuestionOptions::default()));
    assert!(back.contains(&"ar-project".to_string()), "{back:?}");
    assert!(!with.contains(&"ar-other".to_string()), "{with:?}");
}

#[test]
fn question_frames_weigh_less_than_the_subject() {
    // `nationalité` frames the question; `Casablanca` names its subject.
    // Two passages: one holds the frame word only, one the subject only.
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("p.jsonl"),
        r#"{"id": "frame", "title": "Nationalité", "body": "La nationalité se transmet par la filiation ou par le lieu de naissance.", "date": "2024-02-01"}
{"id": "subject", "title": "Un port", "body": "Le port de Casablanca accueille des navires venus du monde entier.", "date": "2024-02-02"}
"#,
    )
    .unwrap();
    let index = crate::common::TestIndex::build(corpus.path());
    let text = "Quelle est la nationalité des navires de Casablanca ?";
    let with = ids(&index, &question(text, QuestionOptions::default()));
    assert_eq!(
        with.first().map(String::as_str),
        Some("subject"),
        "{with:?}"
    );
    let off = QuestionOptions {
        frames: false,
        ..QuestionOptions::default()
    };
    let mut request = question(text, off);
    request.options.rerank = RerankModel::OFF;
    let scores: Vec<(String, f32)> = index
        .answer(&request)
        .hits
        .into_iter()
        .map(|h| (h.id, h.score))
        .collect();
    request.options = QuestionOptions {
        rerank: RerankModel::OFF,
        ..QuestionOptions::default()
    };
    let framed: Vec<(String, f32)> = index
        .answer(&request)
        .hits
        .into_iter()
        .map(|h| (h.id, h.score))
        .collect();
    let score = |list: &[(String, f32)], id: &str| {
        list.iter()
            .find(|(i, _)| i == id)
            .map(|(_, s)| *s)
            .unwrap_or(0.0)
    };
    // Frames lower the frame word's passage, not the subject's.
    assert!(score(&framed, "frame") < score(&scores, "frame") * 0.5);
    assert!((score(&framed, "subject") - score(&scores, "subject")).abs() < 1e-4);
}

#[test]
fn arabic_words_meet_their_spellings_with_a_long_vowel_more_or_fewer() {
    // A name written two ways, and a singular beside its broken plural.
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("p.jsonl"),
        r#"{"id": "dawud-1", "title": "الملك داود", "body": "حكم الملك داود مملكة إسرائيل أربعين سنة.", "date": "2024-03-01"}
{"id": "dawud-2", "title": "سفر المزامير", "body": "تنسب المزامير إلى داود في التقاليد القديمة.", "date": "2024-03-02"}
{"id": "dawwud", "title": "أسماء عبرية", "body": "اسم داوود عبري الأصل ومعناه المحبوب.", "date": "2024-03-03"}
{"id": "mosques", "title": "مدينة فاس", "body": "تضم المدينة القديمة مئات المساجد والمدارس.", "date": "2024-03-04"}
{"id": "mosque", "title": "جامع القرويين", "body": "بني المسجد في القرن التاسع وما زال يستقبل المصلين.", "date": "2024-03-05"}
"#,
    )
    .unwrap();
    let index = crate::common::TestIndex::build(corpus.path());
    let off = QuestionOptions {
        variants: 0.0,
        ..QuestionOptions::default()
    };
    // `داوود` (one passage) also finds the commoner `داود` (two).
    assert_eq!(ids(&index, &question("من هو داوود؟", off)), vec!["dawwud"]);
    let mut with = ids(
        &index,
        &question("من هو داوود؟", QuestionOptions::default()),
    );
    with.sort();
    assert_eq!(with, vec!["dawud-1", "dawud-2", "dawwud"]);
    // `داود` is the commoner spelling: it is not widened to the rarer one.
    let mut common = ids(&index, &question("من هو داود؟", QuestionOptions::default()));
    common.sort();
    assert_eq!(common, vec!["dawud-1", "dawud-2"]);
    // A singular meets its plural and the plural its singular.
    let mut singular = ids(&index, &question("أين المسجد؟", QuestionOptions::default()));
    singular.sort();
    assert_eq!(singular, vec!["mosque", "mosques"]);
    assert_eq!(ids(&index, &question("أين المسجد؟", off)), vec!["mosque"]);
    let mut plural = ids(
        &index,
        &question("كم عدد المساجد؟", QuestionOptions::default()),
    );
    plural.sort();
    assert_eq!(plural, vec!["mosque", "mosques"]);
}

#[test]
fn a_corrected_word_counts_in_the_proximity_pairs_too() {
    // `joural du soir` is searched as `journal du soir`, pairs included:
    // the passage scores as it does for the well-typed question.
    let (_corpus, index) = index();
    let first_stage = |text: &str| {
        let mut request = question(text, QuestionOptions::default());
        request.options.rerank = RerankModel::OFF;
        let results = index.answer(&request);
        assert_eq!(results.hits[0].id, "journal");
        results.hits[0].score
    };
    let typed = first_stage("que dit le journal du soir ?");
    let mistyped = first_stage("que dit le joural du soir ?");
    assert!((typed - mistyped).abs() < 1e-4, "{typed} vs {mistyped}");
}
