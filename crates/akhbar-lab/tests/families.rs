//! The default Arabic analyzer on word families counted in the corpora:
//! the forms of one word (with and without the article, the conjunctions
//! and prepositions, feminine, plural) must meet, and different words must
//! not. Before the root-initial list and the plural rules, Snowball kept
//! 8.4% of these families whole (`وزير` → `زير`, `للجنه` → `جنه`).

use akhbar::analysis::AnalysisOptions;
use akhbar::lang::Lang;
use akhbar_lab::families::{parse, score};

fn families(name: &str) -> Vec<akhbar_lab::families::WordFamily> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("the fixture is in the repository");
    parse(&text)
}

#[test]
fn the_default_analyzer_keeps_word_families_together() {
    let fams = families("ar_families.tsv");
    assert!(fams.len() >= 400, "{} families", fams.len());
    let s = score(Lang::Ar, &fams, AnalysisOptions::default());
    let whole = s.whole as f64 / s.families as f64;
    assert!(whole >= 0.65, "kept whole: {whole:.3}");
    assert!(s.pairs_together >= 0.85, "pairs: {:.3}", s.pairs_together);
    assert!(s.merged_pairs <= 12, "merged: {:?}", s.merged);
}

#[test]
fn and_on_moroccan_press_it_was_not_made_from() {
    let fams = families("ar_families_maghreb.tsv");
    assert!(fams.len() >= 350, "{} families", fams.len());
    let s = score(Lang::Ar, &fams, AnalysisOptions::default());
    let whole = s.whole as f64 / s.families as f64;
    assert!(whole >= 0.85, "kept whole: {whole:.3}");
    assert!(s.merged_pairs <= 8, "merged: {:?}", s.merged);
}
