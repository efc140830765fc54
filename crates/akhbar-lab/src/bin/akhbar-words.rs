//! `akhbar-words`: the Arabic word lists behind the analyzer, from the
//! corpora, and the word-family table of the stemmers.
//!
//! ```text
//! akhbar-words root-initial CORPUS.jsonl.zst... > crates/akhbar/data/arabic_root_initial.txt
//! akhbar-words families CORPUS.jsonl.zst... > families.tsv
//! akhbar-words table FAMILIES.tsv [--lang ar] [--split snowball|light|best]
//! ```

use std::path::PathBuf;

use akhbar::analysis::{analyze_words, AnalysisOptions, Stemmer};
use akhbar::lang::Lang;
use akhbar_lab::families::{parse, score, split_families};
use akhbar_lab::wordcount::{families, first_letter_is_root, WordCounts};
use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about = "Arabic word lists from the corpora, and the word-family table of the stemmers")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Prints the forms whose first letter (و ف ب ل ك) is a root letter.
    RootInitial {
        /// JSON Lines files (`.jsonl`, `.jsonl.zst`) with `title` and `body`.
        files: Vec<PathBuf>,
        /// Forms seen fewer times are left out.
        #[arg(long, default_value_t = 10)]
        min_count: u32,
    },
    /// Prints word families: `base<TAB>forms`.
    Families {
        files: Vec<PathBuf>,
        /// Families whose base starts with و ف ب ل ك as a root letter.
        #[arg(long, default_value_t = 150)]
        root_initial: usize,
        /// Other families.
        #[arg(long, default_value_t = 300)]
        other: usize,
        #[arg(long, default_value_t = 5)]
        min_count: u32,
    },
    /// The table: each stemmer on a families file.
    Table {
        file: PathBuf,
        #[arg(long, default_value = "ar")]
        lang: String,
        /// Also list the families this stemmer splits.
        #[arg(long)]
        split: Option<String>,
    },
}

fn count(files: &[PathBuf]) -> Result<WordCounts> {
    if files.is_empty() {
        bail!("give the corpus files to count (e.g. ../shared/corpora/*-ar/articles.jsonl.zst)");
    }
    let mut counts = WordCounts::default();
    for file in files {
        counts.add_jsonl(file)?;
        eprintln!(
            "{}: {} articles so far, {} forms, {} lines that are not JSON records skipped",
            file.display(),
            counts.articles,
            counts.forms.len(),
            counts.skipped_lines
        );
    }
    Ok(counts)
}

fn stemmer(name: &str) -> Result<Stemmer> {
    Ok(match name {
        "none" => Stemmer::None,
        "snowball" => Stemmer::Snowball,
        "light" => Stemmer::Light,
        "best" => Stemmer::Best,
        other => bail!("unknown stemmer {other:?}: use none, snowball, light or best"),
    })
}

fn main() -> Result<()> {
    match Args::parse().command {
        Command::RootInitial { files, min_count } => {
            let counts = count(&files)?;
            let mut forms: Vec<&String> = counts
                .forms
                .iter()
                .filter(|(f, c)| c.total() >= min_count && first_letter_is_root(&counts, f))
                .map(|(f, _)| f)
                .collect();
            forms.sort();
            println!("# Arabic words (normalised, without the article) whose first letter و ف ب ل ك belongs to the word");
            println!("# rather than being a conjunction or preposition, by the corpora's evidence (akhbar_lab::wordcount).");
            println!("# Made by `akhbar-words root-initial` from {} articles (forms seen {min_count} times or more).", counts.articles);
            for form in forms {
                println!("{form}");
            }
        }
        Command::Families {
            files,
            root_initial,
            other,
            min_count,
        } => {
            let counts = count(&files)?;
            let stop = |w: &str| {
                analyze_words(Lang::Ar, w, AnalysisOptions::default())
                    .iter()
                    .all(|t| t.terms.is_empty())
            };
            let found = families(&counts, &stop, root_initial, other, min_count);
            println!("# Arabic word families: a base, then its forms (clitics, article, feminine, plurals, dual) seen {min_count} times");
            println!(
                "# or more in {} articles of the Arabic corpora. Made by `akhbar-words families`.",
                counts.articles
            );
            for family in found {
                println!("{}\t{}", family.base, family.members.join(" "));
            }
        }
        Command::Table { file, lang, split } => {
            let lang: Lang = lang.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let fams = parse(&text);
            println!("| stemmer | families | kept whole | form pairs together | forms dropped | unrelated family pairs merged |");
            println!("|---|---|---|---|---|---|");
            for name in ["none", "snowball", "light", "best"] {
                let opts = AnalysisOptions {
                    stemmer: stemmer(name)?,
                    ..AnalysisOptions::default()
                };
                let s = score(lang, &fams, opts);
                println!(
                    "| {name} | {} | {} ({:.1}%) | {:.1}% | {} | {} |",
                    s.families,
                    s.whole,
                    100.0 * s.whole as f64 / s.families.max(1) as f64,
                    100.0 * s.pairs_together,
                    s.dropped,
                    s.merged_pairs
                );
            }
            if let Some(name) = split {
                let opts = AnalysisOptions {
                    stemmer: stemmer(&name)?,
                    ..AnalysisOptions::default()
                };
                for (a, b) in score(lang, &fams, opts).merged {
                    println!("merged: {a} + {b}");
                }
                for (base, forms) in split_families(lang, &fams, opts) {
                    let shown: Vec<String> = forms
                        .iter()
                        .map(|(f, t)| format!("{f}→{}", t.join("+")))
                        .collect();
                    println!("{base}: {}", shown.join("  "));
                }
            }
        }
    }
    Ok(())
}
