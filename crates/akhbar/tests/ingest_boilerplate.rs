//! Boilerplate learned from the corpus: lines recurring across many pages of
//! a source are dropped; titles, datelines and article sentences are kept.

use crate::ingest_support::*;
use akhbar::ingest::IngestOptions;

const NAV: &str = "Accueil | Politique | Économie | Sport | Culture";
const SHARE: &str = "Partager sur Facebook Partager sur X Envoyer par e-mail";
const NEWSLETTER: &str =
    "Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité";
const COMMENTS: &str = "0 commentaire - Réagir à cet article";

fn page(title: &str, day: u32, sentences: &[&str]) -> String {
    format!(
        "{NAV}\n{title}\nPublié dans Akhbar Essai le {day:02} - 05 - 2022\n{}\n{SHARE}\n{NEWSLETTER}\n{COMMENTS}\n",
        sentences.join("\n")
    )
}

fn corpus() -> (tempfile::TempDir, Vec<(String, Vec<&'static str>)>) {
    let dir = tempfile::tempdir().unwrap();
    let pages: Vec<(String, Vec<&str>)> = vec![
        (
            "Le port bat un record".into(),
            vec![
                "Le port a traité huit millions de conteneurs.",
                "La direction vise neuf millions.",
            ],
        ),
        (
            "La pluie revient".into(),
            vec![
                "Les barrages du nord se remplissent.",
                "Inscrivez-vous au concours agricole avant le 30 mai.",
            ],
        ),
        (
            "Le budget adopté".into(),
            vec![
                "Le conseil a voté le budget.",
                "L'opposition s'est abstenue.",
            ],
        ),
        (
            "Un festival à Fès".into(),
            vec![
                "Le festival accueille vingt pays.",
                "Les concerts sont gratuits.",
            ],
        ),
        (
            "La bourse en hausse".into(),
            vec![
                "Le MASI a gagné un pour cent.",
                "Les volumes restent faibles.",
            ],
        ),
    ];
    for (i, (title, sentences)) in pages.iter().enumerate() {
        write(
            dir.path(),
            &format!("site/p{i}.txt"),
            page(title, i as u32 + 10, sentences).as_bytes(),
        );
    }
    (dir, pages)
}

#[test]
fn recurring_lines_of_a_source_are_dropped_and_sentences_kept() {
    let (dir, pages) = corpus();
    let got = ingest(dir.path());
    for (i, (title, sentences)) in pages.iter().enumerate() {
        let a = got.article(&format!("site/p{i}.txt"));
        assert_eq!(&a.title, title);
        assert_eq!(a.source.as_deref(), Some("Akhbar Essai"));
        assert!(a.date.is_some());
        assert_eq!(a.body, sentences.join("\n"), "page {i}");
    }
}

#[test]
fn learning_can_be_turned_off() {
    let (dir, _) = corpus();
    let mut opts = IngestOptions::default();
    opts.learn.enabled = false;
    let got = ingest_with(dir.path(), &opts);
    assert!(got.article("site/p0.txt").body.contains(SHARE));
}

#[test]
fn pages_sharing_only_boilerplate_keep_all_their_own_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let a = [
        "Première phrase de la page A.",
        "Deuxième phrase de la page A.",
    ];
    let b = [
        "Première phrase de la page B.",
        "Deuxième phrase de la page B.",
    ];
    write(dir.path(), "a.txt", page("Titre A", 1, &a).as_bytes());
    write(dir.path(), "b.txt", page("Titre B", 2, &b).as_bytes());
    // Two pages: below the minimum, nothing is learned, nothing lost.
    let got = ingest(dir.path());
    assert!(got.article("a.txt").body.starts_with(&a.join("\n")));
    assert!(got.article("b.txt").body.starts_with(&b.join("\n")));
}

#[test]
fn a_story_published_several_times_is_not_learned_as_boilerplate() {
    let dir = tempfile::tempdir().unwrap();
    let story = [
        "Le même communiqué repris mot pour mot.",
        "Avec sa seconde phrase.",
    ];
    for i in 0..4 {
        write(
            dir.path(),
            &format!("d{i}.txt"),
            page("Communiqué", 3, &story).as_bytes(),
        );
    }
    write(
        dir.path(),
        "other.txt",
        page("Autre", 4, &["Une autre histoire."]).as_bytes(),
    );
    let got = ingest(dir.path());
    assert!(got.article("d0.txt").body.starts_with(&story.join("\n")));
}
