//! Parsing what a user typed into a query tree: words, `"phrases"`,
//! `-excluded`, `OR`, parentheses, `field:`, `prefix*`, `word~1` (tantivy's
//! query grammar, with akhbar's checks for what it would read leniently).

use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};

/// A query that cannot be searched, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("cannot parse the query `{query}`{}: {hint}", at(*position))]
    Syntax {
        query: String,
        position: Option<usize>,
        hint: String,
    },
    #[error(
        "the query `{0}` has no word to search for (only stop words or punctuation): \
         add a content word, or search `*` to browse with filters alone"
    )]
    NothingToSearch(String),
    #[error("the query is empty: give words to search for, or `*` to browse with filters alone")]
    Empty,
}

fn at(position: Option<usize>) -> String {
    position
        .map(|p| format!(" at character {}", p + 1))
        .unwrap_or_default()
}

/// A parsed query.
#[derive(Debug, Clone)]
pub struct ParsedQuery {
    pub text: String,
    pub(super) ast: UserInputAst,
}

impl ParsedQuery {
    /// True for `*` alone: every article.
    pub fn is_match_all(&self) -> bool {
        matches!(&self.ast, UserInputAst::Leaf(leaf) if matches!(**leaf, UserInputLeaf::All))
    }
}

/// Parses a query. `*` alone matches every article.
pub fn parse(text: &str) -> Result<ParsedQuery, QueryError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(QueryError::Empty);
    }
    if trimmed == "*" {
        return Ok(ParsedQuery {
            text: text.to_string(),
            ast: UserInputAst::Leaf(Box::new(UserInputLeaf::All)),
        });
    }
    if let Some(problem) = unbalanced(trimmed) {
        return Err(problem);
    }
    match query_grammar::parse_query(trimmed) {
        Ok(ast) => Ok(ParsedQuery {
            text: text.to_string(),
            ast,
        }),
        Err(_) => {
            let (_, errors) = query_grammar::parse_query_lenient(trimmed);
            let first = errors.into_iter().next();
            Err(QueryError::Syntax {
                query: trimmed.to_string(),
                position: first.as_ref().map(|e| e.pos),
                hint: first
                    .map(|e| format!("{}; quote words that hold special characters", e.message))
                    .unwrap_or_else(|| "quote words that hold special characters (\"...\")".into()),
            })
        }
    }
}

/// Reads `text` as plain words, without the query language: every
/// whitespace-separated word is one unquoted word (for natural-language
/// queries such as questions, whose apostrophes, hyphens and colons are
/// not operators). Combine with [`super::QueryMode::Any`].
pub fn parse_words(text: &str) -> Result<ParsedQuery, QueryError> {
    let clauses: Vec<(Option<query_grammar::Occur>, UserInputAst)> = text
        .split_whitespace()
        .map(|word| {
            let literal = UserInputLiteral {
                field_name: None,
                phrase: word.to_string(),
                delimiter: Delimiter::None,
                slop: 0,
                prefix: false,
            };
            (
                None,
                UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(literal))),
            )
        })
        .collect();
    if clauses.is_empty() {
        return Err(QueryError::Empty);
    }
    Ok(ParsedQuery {
        text: text.to_string(),
        ast: UserInputAst::Clause(clauses),
    })
}

/// Finds an unclosed quote or parenthesis, which the grammar would
/// otherwise read leniently.
fn unbalanced(query: &str) -> Option<QueryError> {
    let syntax = |position: usize, hint: &str| QueryError::Syntax {
        query: query.to_string(),
        position: Some(position),
        hint: hint.to_string(),
    };
    let mut open_quote = None;
    let mut parens = Vec::new();
    for (i, c) in query.chars().enumerate() {
        match c {
            '"' if open_quote.is_some() => open_quote = None,
            '"' => open_quote = Some(i),
            '(' if open_quote.is_none() => parens.push(i),
            ')' if open_quote.is_none() && parens.pop().is_none() => {
                return Some(syntax(
                    i,
                    "this `)` closes nothing: remove it or add a `(` before",
                ));
            }
            _ => {}
        }
    }
    if let Some(i) = open_quote {
        return Some(syntax(
            i,
            "this `\"` opens a phrase that is never closed: add a closing `\"`",
        ));
    }
    parens
        .first()
        .map(|&i| syntax(i, "this `(` is never closed: add a `)`"))
}

/// tantivy's grammar keeps `word*` and `word~1` as the literal text of an
/// unquoted word: reads them as a prefix and a typo tolerance.
pub(super) fn unquoted_operators(literal: &UserInputLiteral) -> UserInputLiteral {
    let mut out = literal.clone();
    if literal.delimiter != Delimiter::None {
        return out;
    }
    let phrase = literal.phrase.trim();
    if let Some(stem) = phrase.strip_suffix('*') {
        if !stem.is_empty() && !stem.ends_with('*') {
            out.phrase = stem.to_string();
            out.prefix = true;
        }
    } else if let Some((word, distance)) = phrase.rsplit_once('~') {
        let distance = if distance.is_empty() {
            Some(1)
        } else {
            distance.parse::<u32>().ok()
        };
        if let (false, Some(d)) = (word.is_empty(), distance) {
            out.phrase = word.to_string();
            out.slop = d.clamp(1, 2);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let err = parse("\"convention de Budapest").unwrap_err();
        assert!(
            matches!(
                err,
                QueryError::Syntax {
                    position: Some(0),
                    ..
                }
            ),
            "{err:?}"
        );
        let err = parse("(maroc OR france").unwrap_err();
        assert!(err.to_string().contains("never closed"), "{err}");
        let err = parse("maroc)").unwrap_err();
        assert!(err.to_string().contains("character 6"), "{err}");
        assert_eq!(parse("   ").unwrap_err(), QueryError::Empty);
    }

    #[test]
    fn plain_words() {
        let q = parse_words("Qu'est-ce que l'économie ?").unwrap();
        assert!(!q.is_match_all());
        assert_eq!(parse_words("  ").unwrap_err(), QueryError::Empty);
    }

    #[test]
    fn star_alone_matches_all() {
        assert!(parse("*").unwrap().is_match_all());
        assert!(!parse("maroc").unwrap().is_match_all());
    }
}
