//! Reading the command line as a person writes it.

use std::ffi::OsString;

/// The minus sign that stands for a query's leading `-` (see
/// [`exclusions_as_words`]); the query parser reads it as an exclusion.
pub const MINUS: char = '\u{2212}';

/// `akhbar-search -ziyech maroc`: an argument that begins with one `-` and
/// is no option of `command` would be refused as an unknown option. It is
/// a word to exclude, so it is passed on with the minus sign `−` instead
/// of the hyphen, which the query language reads the same way. Values of
/// options (`--offset -1`) and everything after `--` are left alone.
pub fn exclusions_as_words(
    args: impl IntoIterator<Item = OsString>,
    command: &clap::Command,
) -> Vec<OsString> {
    let takes_value = |flag: &str| {
        command.get_arguments().any(|a| {
            a.get_action().takes_values()
                && (a.get_long().is_some_and(|l| flag == format!("--{l}"))
                    || a.get_short().is_some_and(|s| flag == format!("-{s}")))
        })
    };
    let is_short = |flag: &str| {
        let mut chars = flag.chars().skip(1);
        match (chars.next(), chars.next()) {
            (Some(c), None) => {
                c == 'h' || c == 'V' || command.get_arguments().any(|a| a.get_short() == Some(c))
            }
            _ => false,
        }
    };
    let mut out = Vec::new();
    let mut value_next = false;
    let mut rest = false;
    for (i, arg) in args.into_iter().enumerate() {
        let text = arg.to_string_lossy().into_owned();
        if i == 0 || rest || value_next {
            value_next = false;
            out.push(arg);
            continue;
        }
        if text == "--" {
            rest = true;
            out.push(arg);
            continue;
        }
        if text.starts_with("--") {
            value_next = !text.contains('=') && takes_value(&text);
            out.push(arg);
            continue;
        }
        let word = text.strip_prefix('-').filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '(' || c == '«')
        });
        match word {
            Some(word) if !is_short(&text) => out.push(format!("{MINUS}{word}").into()),
            _ => {
                value_next = takes_value(&text);
                out.push(arg);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, ArgAction, Command};

    fn command() -> Command {
        Command::new("t")
            .arg(Arg::new("query").num_args(1..))
            .arg(Arg::new("offset").long("offset"))
            .arg(Arg::new("json").long("json").action(ArgAction::SetTrue))
    }

    fn read(args: &[&str]) -> Vec<String> {
        exclusions_as_words(args.iter().map(OsString::from), &command())
            .into_iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn a_leading_exclusion_is_a_word() {
        assert_eq!(read(&["t", "-ziyech", "maroc"]), ["t", "−ziyech", "maroc"]);
        assert_eq!(
            read(&["t", "--json", "-ziyech"]),
            ["t", "--json", "−ziyech"]
        );
        assert_eq!(
            read(&["t", "-\"Coupe du monde\"", "maroc"]),
            ["t", "−\"Coupe du monde\"", "maroc"]
        );
        // Option values, options, `--` and what follows are left alone.
        assert_eq!(
            read(&["t", "--offset", "-1", "maroc"]),
            ["t", "--offset", "-1", "maroc"]
        );
        assert_eq!(read(&["t", "-h"]), ["t", "-h"]);
        assert_eq!(read(&["t", "--", "-ziyech"]), ["t", "--", "-ziyech"]);
    }
}
