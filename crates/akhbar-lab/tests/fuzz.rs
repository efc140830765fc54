//! The fuzz targets in the default suite: a short round of mutated real
//! inputs per target, and every failing input `akhbar-fuzz` ever saved.

use std::time::Duration;

use akhbar_lab::fuzz::{fuzz, regressions, Target};

/// Generous: the tests run a debug build, and a hang is what is caught.
const SLOW_IN_DEBUG: Duration = Duration::from_secs(120);

#[test]
fn every_target_survives_a_round_of_mutated_real_inputs() {
    for target in Target::ALL {
        assert!(
            target.seeds().len() >= 2,
            "{} has real seeds",
            target.name()
        );
        let run = fuzz(target, Duration::ZERO, 24, SLOW_IN_DEBUG);
        assert_eq!(run.cases, 24);
        assert!(
            run.findings.is_empty(),
            "{}: {:?}",
            target.name(),
            run.findings
                .iter()
                .map(|f| (
                    &f.reason,
                    String::from_utf8_lossy(&f.input[..f.input.len().min(300)])
                ))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn every_saved_failing_input_now_passes() {
    let mut replayed = 0;
    for target in Target::ALL {
        for file in regressions(target) {
            let input = std::fs::read(&file).unwrap();
            let outcome = target.run(&input);
            assert!(outcome.is_ok(), "{}: {outcome:?}", file.display());
            replayed += 1;
        }
    }
    // The inputs found so far (see fuzz/regressions/README.md).
    assert!(replayed >= 2, "only {replayed} saved inputs");
}

#[test]
fn a_target_reports_what_breaks_it() {
    // The query target refuses what search refuses only for the user's
    // reasons: a query error is a pass, and so is a too-long query.
    assert!(Target::Query.run("(((((((((( maroc".as_bytes()).is_ok());
    assert!(Target::Query.run("x".repeat(20_000).as_bytes()).is_ok());
    // A file reader that fails (not a skip) fails the input: an HTML page
    // is read, its article kept.
    assert!(Target::Html
        .run(b"<html><body><h1>Le budget</h1><p>Le budget de l'Etat pour 2025 a ete adopte.</p></body></html>")
        .is_ok());
}
