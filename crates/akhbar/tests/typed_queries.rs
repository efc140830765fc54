//! Queries as French and Arabic readers type and paste them: both
//! apostrophes, guillemets and curly quotes, pasted headlines with colons
//! and dashes, field names in any case, a leading exclusion.

use akhbar::search::parse;
use akhbar::search::SearchRequest;

use crate::common::TestIndex;

#[test]
fn what_people_type_parses() {
    for q in [
        "l'analyse",
        "l’analyse",
        "aujourd'hui",
        "qu'il",
        "C'est",
        "Côte d'Ivoire",
        "O'Neill",
        "Maroc:",
        "Iran-Israël: la guerre",
        "Iran-Israël : la guerre",
        "Ouahbi: \"convention de Budapest\"",
        "«Coupe du monde»",
        "« Coupe du monde »",
        "“Coupe du monde”",
        "„Coupe du monde“",
        "lang:ar maroc",
        "Title:Maroc",
        "LANG:FR budget",
        "date:2018",
        "date:2018-03..2018-06",
        "category:monde",
        "-ziyech maroc",
        "Maroc – Algérie : le match",
        "Cybercriminalité : le Maroc signe le 2e protocole additionnel à la Convention de Budapest",
        "وزير العدل: \"المغرب\" يوقع",
        "L'ONU - Ukraine : « 10 000 » morts, selon l'OMS",
        "14h30: le point",
        "https://www.hespress.com/politique",
    ] {
        assert!(parse(q).is_ok(), "{q}: {:?}", parse(q).err());
    }
}

#[test]
fn only_what_has_no_meaning_is_an_error() {
    for (q, needle, at) in [
        ("lang:xx maroc", "names no language", 1),
        ("maroc date:hier", "not a date", 7),
        ("date:2019..2018", "swap", 1),
    ] {
        let err = parse(q).unwrap_err().to_string();
        assert!(err.contains(needle), "{q}: {err}");
        assert!(err.contains(&format!("character {at}")), "{q}: {err}");
    }
}

#[test]
fn marks_never_closed_are_read_as_meant_and_said() {
    let index = TestIndex::seeds();
    // (as typed or pasted, what it is read as, the note's place and words)
    for (q, read_as, note) in [
        (
            "\"convention de Budapest",
            "convention de Budapest",
            "at character 1: this `\"` opens a phrase that is never closed",
        ),
        (
            "«convention de Budapest",
            "convention de Budapest",
            "at character 1: this `«` opens a phrase that is never closed",
        ),
        (
            "Cybercriminalité (Maroc OR Budapest",
            "Cybercriminalité (Maroc OR Budapest)",
            "at character 18: this `(` is never closed",
        ),
        (
            "Budapest)",
            "Budapest",
            "at character 9: this `)` closes nothing",
        ),
        (
            "“الجريمة السيبرانية",
            "الجريمة السيبرانية",
            "at character 1: this `“` opens a phrase",
        ),
    ] {
        let typed = index.query(q);
        assert_eq!(typed.total, 1, "{q}");
        assert_eq!(index.ids(q), index.ids(read_as), "{q}");
        assert!(
            typed.notes.iter().any(|n| n.contains(note)),
            "{q}: {:?}",
            typed.notes
        );
    }
}

#[test]
fn a_dash_before_a_word_of_a_pasted_headline() {
    // An exclusion that leaves something stays an exclusion.
    let fixtures = TestIndex::fixtures();
    let excluded = fixtures.query("Tanger -conteneurs");
    assert_eq!(excluded.total, fixtures.query("Tanger").total - 1);
    assert!(excluded.notes.is_empty(), "{:?}", excluded.notes);
    // One that leaves nothing was a dash: the word is searched, and said.
    let index = TestIndex::seeds();
    let pasted = index.query("Cybercriminalité : le Maroc signe -Budapest");
    assert_eq!(pasted.total, 1);
    assert_eq!(pasted.hits[0].source.as_deref(), Some("EcoActu"));
    assert!(
        pasted.notes.iter().any(|n| n.contains("`-Budapest`")),
        "{:?}",
        pasted.notes
    );
    // A sign before a number is the number's: `-2` is no exclusion.
    assert_eq!(index.ids("protocole -2e"), index.ids("protocole 2e"));
}

#[test]
fn apostrophes_of_both_kinds_find_the_same_articles() {
    let index = TestIndex::seeds();
    for (keyboard, typographic) in [
        ("l'Europe", "l’Europe"),
        ("l'importance", "l’importance"),
        ("L'établissement", "L’établissement"),
    ] {
        let a = index.query(keyboard);
        let b = index.query(typographic);
        assert!(a.total > 0, "{keyboard}");
        assert_eq!(a.total, b.total, "{keyboard} / {typographic}");
    }
    // Words made only of stop words search nothing, in either spelling,
    // and are no error.
    for q in ["qu'il", "qu’il", "C'est", "c’est"] {
        let opened = akhbar::index::open(index.path()).unwrap();
        let found = akhbar::search::search(&opened, &SearchRequest::new(q));
        assert!(
            found.is_ok() || found.is_err_and(|e| e.to_string().contains("no word to search")),
            "{q}"
        );
    }
    // Elision is the analyzer's: `l'Europe` finds what `Europe` finds.
    assert_eq!(index.query("l'Europe").total, index.query("Europe").total);
}

#[test]
fn guillemets_and_curly_quotes_are_phrases() {
    let index = TestIndex::seeds();
    let straight = index.query("\"convention de Budapest\"").total;
    assert_eq!(straight, 1);
    for q in [
        "«convention de Budapest»",
        "« convention de Budapest »",
        "“convention de Budapest”",
        "„convention de Budapest“",
    ] {
        assert_eq!(index.query(q).total, straight, "{q}");
    }
    // A phrase keeps its order; the same words unquoted need not.
    assert_eq!(index.query("«Budapest de convention»").total, 0);
}

#[test]
fn a_pasted_headline_finds_its_article() {
    let index = TestIndex::seeds();
    for (q, source) in [
        ("Ouahbi: \"convention de Budapest\"", "EcoActu"),
        ("Cybercriminalité : le Maroc signe le 2e protocole additionnel à la Convention de Budapest", "EcoActu"),
        ("Cybercriminalité: le Maroc signe", "EcoActu"),
        ("Maroc : cybercriminalité", "EcoActu"),
    ] {
        let results = index.query(q);
        assert!(results.total >= 1, "{q}");
        assert_eq!(results.hits[0].source.as_deref(), Some(source), "{q}");
    }
}

#[test]
fn every_filter_can_be_written_in_the_query() {
    let index = TestIndex::fixtures();
    let ids = |q: &str| {
        let mut ids = index.ids(q);
        ids.sort();
        ids
    };
    // `lang:` as `--lang`, any case.
    let mut by_flag = SearchRequest::new("*");
    by_flag.langs = vec![akhbar::Lang::Ar];
    by_flag.limit = 100;
    let flag: Vec<String> = index
        .search(&by_flag)
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert!(!flag.is_empty());
    let mut flag = flag;
    flag.sort();
    assert_eq!(ids("lang:ar *"), flag);
    assert_eq!(ids("LANG:ar *"), flag);
    assert_eq!(ids("Tanger title:Tanger"), ids("Tanger TITLE:Tanger"));
    assert_eq!(ids("Title:Tanger"), vec!["fr-port-2023"]);
    // `date:` as `--since`/`--until`: the port story is of July 2023.
    assert_eq!(ids("conteneurs date:2023"), vec!["fr-port-2023"]);
    assert_eq!(
        ids("conteneurs date:2023-07..2023-07"),
        vec!["fr-port-2023"]
    );
    assert!(ids("conteneurs date:2024..").is_empty());
    assert!(ids("conteneurs date:..2022").is_empty());
    assert!(ids("conteneurs -date:2023").is_empty());
}

#[test]
fn a_word_that_is_not_a_field_is_text_and_said_so() {
    let index = TestIndex::fixtures();
    let results = index.query("Tanger:conteneurs");
    assert_eq!(results.total, index.query("Tanger conteneurs").total);
    assert!(results.total >= 1);
    assert!(
        results
            .notes
            .iter()
            .any(|n| n.contains("`Tanger:` is not a field")),
        "{:?}",
        results.notes
    );
    // A colon after a word is punctuation, with no note.
    let results = index.query("Tanger: conteneurs");
    assert!(results.total >= 1);
    assert!(results.notes.is_empty(), "{:?}", results.notes);
}

#[test]
fn exclusions_and_dashes() {
    let index = TestIndex::fixtures();
    // A leading exclusion works; a dash between words is punctuation.
    assert_eq!(
        index.query("-conteneurs Tanger").total,
        index.query("Tanger -conteneurs").total
    );
    assert_eq!(
        index.query("Tanger – conteneurs").total,
        index.query("Tanger conteneurs").total
    );
    assert_eq!(
        index.query("NOT conteneurs Tanger").total,
        index.query("Tanger -conteneurs").total
    );
}

#[test]
fn zero_hits_say_the_nearest_word_and_source() {
    use akhbar::search::SuggestionKind;
    let index = TestIndex::seeds();
    // typed → the word the articles write, and the number that hold it.
    for (typed, nearest) in [
        ("cybercrimnalité", "cybercriminalité"),
        ("cyberciminalité", "cybercriminalité"),
        ("غوتيرتش", "غوتيريش"),
        ("انخراظ", "انخراط"),
    ] {
        let results = index.query(typed);
        assert_eq!(results.total, 0, "{typed}");
        let words: Vec<_> = results
            .suggestions
            .iter()
            .filter(|s| s.kind == SuggestionKind::Word)
            .collect();
        assert_eq!(words.len(), 1, "{typed}: {:?}", results.suggestions);
        assert_eq!(words[0].typed, typed);
        assert_eq!(words[0].suggestion, nearest, "{typed}");
        assert_eq!(
            words[0].articles,
            index.query(nearest).total,
            "{typed}: the count is that of the suggested word"
        );
    }
    // Only the word that no article holds is named; a word that exists
    // gets no suggestion even when the whole query finds nothing.
    let results = index.query("Budapest cybercrimnalité");
    assert_eq!(results.total, 0);
    let typed: Vec<&str> = results
        .suggestions
        .iter()
        .map(|s| s.typed.as_str())
        .collect();
    assert_eq!(typed, ["cybercrimnalité"]);
    // Words that every article lacks for another reason (all present, not
    // together) suggest nothing; nor do hits.
    assert!(index.query("Budapest هانوي").suggestions.is_empty());
    assert!(index.query("cybercriminalité").suggestions.is_empty());
    // Nor do a prefix or a fuzzy word, which are not whole words.
    for q in ["cyberciminalit*", "cyberciminalité~1 Strasbourgg*"] {
        assert!(index.query(q).suggestions.is_empty(), "{q}");
    }
    // An excluded word is never suggested.
    let results = index.query("cybercrimnalité -Budapestt");
    assert_eq!(results.suggestions.len(), 1, "{:?}", results.suggestions);

    // An unknown source lists the nearest ones, from the flag or the query.
    let mut request = SearchRequest::new("Maroc");
    request.sources = vec!["Eco Actu".to_string()];
    let results = index.search(&request);
    assert_eq!(results.total, 0);
    let sources: Vec<_> = results
        .suggestions
        .iter()
        .filter(|s| s.kind == SuggestionKind::Source)
        .map(|s| (s.typed.as_str(), s.suggestion.as_str(), s.articles))
        .collect();
    assert_eq!(
        sources.first(),
        Some(&("Eco Actu", "EcoActu", 1)),
        "{sources:?}"
    );
    let results = index.query("Maroc source:Ecoactus");
    assert_eq!(results.total, 0);
    assert!(
        results
            .suggestions
            .iter()
            .any(|s| s.kind == SuggestionKind::Source && s.suggestion == "EcoActu"),
        "{:?}",
        results.suggestions
    );
}

#[test]
fn a_typed_exclusion_is_never_read_away() {
    let index = TestIndex::seeds();
    // The French seed holds both words: excluding one leaves nothing, and
    // nothing is what a user who typed the exclusion asked for.
    for q in [
        "Maroc -Budapest",
        "-Budapest Maroc",
        "cybercriminalité -Budapest",
    ] {
        let results = index.query(q);
        assert_eq!(results.total, 0, "{q}: {:?}", results.notes);
    }
    // A headline of four or five words ending on `-word` reads the dash as
    // punctuation when the exclusion would leave nothing, and says so (from
    // six words, pasted text reads every dash as punctuation).
    let results = index.query("Maroc signe protocole Budapest -cybercriminalité");
    assert_eq!(results.total, 1);
    assert!(
        results
            .notes
            .iter()
            .any(|n| n.contains("read the dash as punctuation")),
        "{:?}",
        results.notes
    );
    let results = index.query("le Maroc signe le protocole de Budapest -cybercriminalité");
    assert!(
        results
            .notes
            .iter()
            .any(|n| n.contains("read as pasted text")),
        "{:?}",
        results.notes
    );
    assert_eq!(results.hits.first().map(|h| h.lang.as_str()), Some("fr"));
}
