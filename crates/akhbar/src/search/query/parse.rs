//! Parsing what a user typed into a query tree.
//!
//! The language is akhbar's own, written for what people paste and type:
//!
//! | form | meaning |
//! |---|---|
//! | `maroc budget` | every word (AND is the default) |
//! | `"convention de Budapest"`, `«Coupe du monde»`, `“…”`, `„…“` | a phrase, in order (`"…"~2`: within 2 positions) |
//! | `-ziyech`, `−ziyech`, `NOT ziyech` | exclude; `+word` requires it (as the default does) |
//! | `a OR b`, `(a OR b) c` | either; parentheses group (OR binds before the implicit AND) |
//! | `title:`, `body:`, `source:`, `lang:`, `date:` | one field, any case (`Title:Maroc`); `date:2018`, `date:2018-05..2018-07`, `date:2020..` |
//! | `conten*`, `Budapst~1` | a prefix, a typo allowed |
//! | `*` | every article |
//!
//! Apostrophes (`l'analyse`, `aujourd’hui`, `O'Neill`), hyphens, colons and
//! dashes belong to the text: a colon after a word that is not a field
//! (`Maroc:`, `Iran-Israël: la guerre`) is punctuation, and `category:monde`
//! searches both words (with a note that `category` is not a field). A sign
//! before a number is the number's (`jusqu'à -50 %`, `(-2,8%)`, `+0,8 %`).
//!
//! Pasted text never fails: a quotation mark that is never closed
//! (`“آيفون 7″`, `un «paradoxe de l'eau`) is punctuation and the words
//! after it are searched as words, a `(` that is never closed (`(vidéo`)
//! closes at the end, a `)` that closes nothing is punctuation; each is said
//! in [`ParsedQuery::notes`], pointing at the place. The only errors are a
//! field value that cannot mean anything (`lang:xx`, `date:hier`), an empty
//! query, and one with no word to search.
//!
//! ```
//! use akhbar::search::parse;
//! assert!(parse("l'analyse").is_ok());
//! assert!(parse("Ouahbi: «convention de Budapest»").is_ok());
//! assert!(parse("(maroc OR france").unwrap().notes[0].contains("never closed"));
//! assert!(parse("lang:xx maroc").is_err());
//! ```

use chrono::NaiveDate;
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};

use crate::ingest::parse_bound;
use crate::lang::Lang;

/// The fields a query can name (`title:` …), as they are written.
pub const FIELDS: [&str; 5] = ["title", "body", "source", "lang", "date"];
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
    #[error(
        "the query is {chars} characters long, more than the {max} a search takes: paste the \
         headline or the lead, not the whole article"
    )]
    TooLong { chars: usize, max: usize },
}

/// The longest query searched, in characters: a pasted lead is a few
/// hundred, a pasted article a few thousand. Longer ones cost memory in
/// proportion (120,000 characters took 540 MB) for nothing a search needs.
pub const MAX_QUERY_CHARS: usize = 10_000;

/// Refuses a query longer than [`MAX_QUERY_CHARS`].
pub fn check_length(query: &str) -> Result<(), QueryError> {
    // Counting stops past the limit: a huge query is not read whole.
    let chars = query.chars().take(MAX_QUERY_CHARS + 1).count();
    if chars > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong {
            chars: query.chars().count(),
            max: MAX_QUERY_CHARS,
        });
    }
    Ok(())
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
    /// What the parser read otherwise than it was written (a name that is
    /// not a field, searched as a word; a mark never closed), to tell the
    /// user.
    pub notes: Vec<String>,
    /// The words excluded with a dash (`-word`, not `NOT`, a phrase, a group
    /// or a field), as written: a pasted headline's dash before a word
    /// (`… مشاهدة -فيديو`, `Tunisie -Algérie`) reads the same.
    pub(crate) dashed: Vec<String>,
}

impl ParsedQuery {
    /// True for `*` alone: every article.
    pub fn is_match_all(&self) -> bool {
        matches!(&self.ast, UserInputAst::Leaf(leaf) if matches!(**leaf, UserInputLeaf::All))
    }

    /// The words a match must or may contain, as typed, in query order:
    /// every word of a text literal (quoted or not, in `title:`/`body:` or
    /// no field), not those of an exclusion, nor filter values
    /// (`lang:`, `source:`, `date:`).
    pub fn searched_words(&self) -> Vec<String> {
        let mut words = Vec::new();
        collect_words(&self.ast, &mut words);
        words
    }

    /// The values written after `field:` in the query (`source:"Sky News"`),
    /// outside exclusions.
    pub fn field_values(&self, field: &str) -> Vec<String> {
        let mut values = Vec::new();
        collect_values(&self.ast, field, &mut values);
        values
    }
    /// The same query with its dashed words (`-فيديو`) searched as words,
    /// with a note saying so; `None` when it has none. Keyword search reads
    /// a query this way when, read with exclusions, it matches nothing: a
    /// pasted headline's dash before a word is punctuation, not a wish to
    /// exclude the headline's own word.
    pub fn dashes_as_words(&self) -> Option<ParsedQuery> {
        if self.dashed.is_empty() {
            return None;
        }
        let mut again = parse_with(&self.text, false).ok()?;
        let words = self
            .dashed
            .iter()
            .map(|w| format!("`-{w}`"))
            .collect::<Vec<_>>()
            .join(", ");
        again.notes.push(format!(
            "nothing matched with {words} excluded: read the dash as punctuation (as in a pasted headline) and searched the word"
        ));
        Some(again)
    }
}

fn collect_values(ast: &UserInputAst, field: &str, values: &mut Vec<String>) {
    match ast {
        UserInputAst::Clause(clauses) => {
            for (occur, sub) in clauses {
                if *occur != Some(query_grammar::Occur::MustNot) {
                    collect_values(sub, field, values);
                }
            }
        }
        UserInputAst::Boost(sub, _) => collect_values(sub, field, values),
        UserInputAst::Leaf(leaf) => {
            if let UserInputLeaf::Literal(literal) = &**leaf {
                if literal.field_name.as_deref() == Some(field) {
                    values.push(literal.phrase.clone());
                }
            }
        }
    }
}

fn collect_words(ast: &UserInputAst, words: &mut Vec<String>) {
    match ast {
        UserInputAst::Clause(clauses) => {
            for (occur, sub) in clauses {
                if *occur != Some(query_grammar::Occur::MustNot) {
                    collect_words(sub, words);
                }
            }
        }
        UserInputAst::Boost(sub, _) => collect_words(sub, words),
        UserInputAst::Leaf(leaf) => {
            if let UserInputLeaf::Literal(literal) = &**leaf {
                let literal = &unquoted_operators(literal);
                let text_field = match literal.field_name.as_deref() {
                    None | Some("title") | Some("body") => true,
                    Some("lang") | Some("source") | Some("date") => false,
                    // A name that is not a field is read as a word.
                    Some(_) => true,
                };
                // A prefix (`conten*`) or a fuzzy word (`Budapst~1`) is not
                // meant as a whole word.
                let whole_words =
                    !literal.prefix && (literal.slop == 0 || literal.delimiter != Delimiter::None);
                if text_field && whole_words {
                    for word in literal.phrase.split_whitespace() {
                        if !words.iter().any(|w| w == word) {
                            words.push(word.to_string());
                        }
                    }
                }
            }
        }
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
            notes: Vec::new(),
            dashed: Vec::new(),
        });
    }
    parse_with(text, true)
}

/// Parses a query, `-word` read as an exclusion when `dash_excludes`, else
/// as the word (a dash before it is punctuation).
fn parse_with(text: &str, dash_excludes: bool) -> Result<ParsedQuery, QueryError> {
    let trimmed = text.trim();
    let mut parser = Parser {
        query: trimmed,
        chars: trimmed.chars().collect(),
        at: 0,
        notes: Vec::new(),
        dash_excludes,
        dashed: Vec::new(),
        depth: 0,
    };
    let ast = parser.groups(false)?;
    let ast = ast.ok_or_else(|| QueryError::NothingToSearch(trimmed.to_string()))?;
    Ok(ParsedQuery {
        text: text.to_string(),
        ast,
        notes: parser.notes,
        dashed: parser.dashed,
    })
}

/// The closing mark of an opening quotation mark.
fn closing_quote(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '«' => Some('»'),
        '“' => Some('”'),
        '„' => Some('“'),
        '‹' => Some('›'),
        _ => None,
    }
}

/// Characters that end a word: white space, parentheses and quotation marks
/// (apostrophes, hyphens and colons belong to words).
fn ends_word(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '"' | '«' | '»' | '“' | '”' | '„' | '‹' | '›')
}

/// Dashes and other marks that are punctuation when they stand alone.
fn is_punctuation(word: &str) -> bool {
    word.chars()
        .all(|c| !c.is_alphanumeric() && c != '*' && c != '\u{0640}')
}

type Clause = (Option<query_grammar::Occur>, UserInputAst);

struct Parser<'a> {
    query: &'a str,
    chars: Vec<char>,
    at: usize,
    notes: Vec<String>,
    /// Whether `-word` excludes the word (else the dash is punctuation).
    dash_excludes: bool,
    /// The words excluded with a dash.
    dashed: Vec<String>,
    /// Groups open at this point.
    depth: usize,
}

/// Groups nest at most this deep: nobody writes more, and a query nested a
/// thousand deep overflowed the search threads' stacks (found by
/// `akhbar-fuzz`).
const MAX_GROUP_DEPTH: usize = 32;

impl Parser<'_> {
    fn error(&self, position: usize, hint: impl Into<String>) -> QueryError {
        QueryError::Syntax {
            query: self.query.to_string(),
            position: Some(position),
            hint: hint.into(),
        }
    }

    /// Tells the user how a mark at `position` was read.
    fn note(&mut self, position: usize, what: impl std::fmt::Display) {
        self.notes
            .push(format!("at character {}: {what}", position + 1));
    }

    /// The text from `from` up to the end of its word.
    fn word_from(&self, from: usize) -> String {
        self.chars[from.min(self.chars.len())..]
            .iter()
            .take_while(|&&c| !ends_word(c))
            .collect()
    }

    /// True when the word at `from` is `field:…` for one of [`FIELDS`].
    fn names_field(&self, from: usize) -> bool {
        self.word_from(from)
            .split_once(':')
            .is_some_and(|(name, _)| FIELDS.contains(&name.to_lowercase().as_str()))
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    /// A sequence of OR groups (every one required), up to `)` inside
    /// parentheses or the end.
    fn groups(&mut self, inside: bool) -> Result<Option<UserInputAst>, QueryError> {
        let mut clauses: Vec<Clause> = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None => break,
                Some(')') if inside => break,
                Some(')') => {
                    self.note(self.at, "this `)` closes nothing: read as punctuation");
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            let Some(first) = self.unary()? else {
                continue;
            };
            let mut alternatives = vec![first];
            loop {
                let save = self.at;
                self.skip_space();
                if self.keyword("OR") {
                    if let Some(next) = self.unary()? {
                        alternatives.push(next);
                    }
                } else {
                    self.at = save;
                    break;
                }
            }
            if alternatives.len() == 1 {
                clauses.extend(alternatives);
            } else {
                let either = alternatives
                    .into_iter()
                    .map(|(occur, ast)| {
                        let occur = match occur {
                            Some(query_grammar::Occur::MustNot) => {
                                Some(query_grammar::Occur::MustNot)
                            }
                            _ => Some(query_grammar::Occur::Should),
                        };
                        (occur, ast)
                    })
                    .collect();
                clauses.push((None, UserInputAst::Clause(either)));
            }
        }
        Ok(match clauses.len() {
            0 => None,
            _ => Some(UserInputAst::Clause(clauses)),
        })
    }

    /// `OR`, `AND`, `NOT` as whole uppercase words.
    fn keyword(&mut self, word: &str) -> bool {
        let n = word.chars().count();
        let matches = self.chars[self.at..]
            .iter()
            .take(n)
            .copied()
            .eq(word.chars())
            && self
                .chars
                .get(self.at + n)
                .is_none_or(|&c| c.is_whitespace() || c == '(');
        if matches {
            self.at += n;
        }
        matches
    }

    /// One item with its sign; `None` for punctuation alone or `AND`.
    fn unary(&mut self) -> Result<Option<Clause>, QueryError> {
        self.skip_space();
        if self.keyword("AND") {
            return Ok(None);
        }
        let mut occur = None;
        if self.keyword("NOT") {
            occur = Some(query_grammar::Occur::MustNot);
            self.skip_space();
        } else if let Some(sign @ ('-' | '+' | '\u{2212}')) = self.peek() {
            // A sign only when a word, phrase or group follows at once, and
            // not before a number (`-50 %` is minus fifty).
            let next = self.chars.get(self.at + 1).copied();
            if next.is_some_and(|c| !c.is_whitespace() && c != '-' && c != '+' && !c.is_numeric()) {
                let bare_word = next.is_some_and(char::is_alphabetic)
                    && sign != '+'
                    && !self.names_field(self.at + 1);
                if bare_word && !self.dash_excludes {
                    // `-فيديو` read as the word: the dash is punctuation.
                    self.at += 1;
                } else {
                    if bare_word {
                        let word = self.word_from(self.at + 1);
                        self.dashed.push(word);
                    }
                    occur = Some(if sign != '+' {
                        query_grammar::Occur::MustNot
                    } else {
                        query_grammar::Occur::Must
                    });
                    self.at += 1;
                }
            }
        }
        Ok(self.primary()?.map(|ast| (occur, ast)))
    }

    /// A group, a phrase, a field or a word.
    fn primary(&mut self) -> Result<Option<UserInputAst>, QueryError> {
        let start = self.at;
        match self.peek() {
            Some('(') => {
                if self.depth == MAX_GROUP_DEPTH {
                    return Err(self.error(
                        start,
                        format!("parentheses nest more than {MAX_GROUP_DEPTH} deep: remove some"),
                    ));
                }
                self.at += 1;
                self.depth += 1;
                let inner = self.groups(true);
                self.depth -= 1;
                let inner = inner?;
                if self.peek() == Some(')') {
                    self.at += 1;
                } else {
                    self.note(start, "this `(` is never closed: read as closed at the end");
                }
                Ok(inner)
            }
            Some(c) if closing_quote(c).is_some() => Ok(self
                .phrase()
                .map(|(phrase, slop)| literal(None, phrase, Delimiter::DoubleQuotes, slop))
                .unwrap_or(None)),
            Some('»' | '”' | '›') => {
                // A closing mark with no opening one: punctuation.
                self.at += 1;
                Ok(None)
            }
            _ => self.word(),
        }
    }

    /// A quoted phrase from its opening mark, and its `~N` slop; `None`
    /// when the mark is never closed: it is then punctuation (said in a
    /// note), and what follows it is read on.
    fn phrase(&mut self) -> Option<(String, u32)> {
        let start = self.at;
        let open = self.chars[start];
        let close = closing_quote(open).unwrap_or('"');
        let end = (start + 1..self.chars.len()).find(|&i| {
            let c = self.chars[i];
            c == close || (open == '„' && c == '”')
        });
        let Some(end) = end else {
            self.note(
                start,
                format!(
                    "this `{open}` opens a phrase that is never closed (no `{close}`): the words after it were searched as words"
                ),
            );
            self.at = start + 1;
            return None;
        };
        let phrase: String = self.chars[start + 1..end].iter().collect();
        self.at = end + 1;
        let mut slop = 0;
        if self.peek() == Some('~') {
            let digits: String = self.chars[self.at + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if let Ok(n) = digits.parse::<u32>() {
                slop = n.min(50);
                self.at += 1 + digits.len();
            }
        }
        Some((phrase, slop))
    }

    /// A word, or `field:value` when the word before the colon names a field.
    fn word(&mut self) -> Result<Option<UserInputAst>, QueryError> {
        let start = self.at;
        while self.peek().is_some_and(|c| !ends_word(c)) {
            self.at += 1;
        }
        let word: String = self.chars[start..self.at].iter().collect();
        if let Some((name, value)) = word.split_once(':') {
            let field = name.to_lowercase();
            if FIELDS.contains(&field.as_str()) {
                return self.field(&field, value, start);
            }
            if name.chars().all(char::is_alphabetic) && !name.is_empty() && !value.is_empty() {
                self.notes.push(format!(
                    "`{name}:` is not a field (fields: {}): searched `{name}` and `{value}` as words",
                    FIELDS.map(|f| format!("{f}:")).join(" ")
                ));
                let words: Vec<Clause> = [name, value]
                    .into_iter()
                    .filter_map(|w| plain(w).map(|ast| (None, ast)))
                    .collect();
                return Ok((!words.is_empty()).then_some(UserInputAst::Clause(words)));
            }
        }
        Ok(plain(&word))
    }

    /// `field:value`: the value is what follows the colon at once, a
    /// phrase or a word.
    fn field(
        &mut self,
        field: &str,
        value: &str,
        start: usize,
    ) -> Result<Option<UserInputAst>, QueryError> {
        let (value, delimiter, slop) = if value.is_empty() {
            match self.peek() {
                Some(c) if closing_quote(c).is_some() => match self.phrase() {
                    Some((phrase, slop)) => (phrase, Delimiter::DoubleQuotes, slop),
                    // `title:"Tanger` with no closing mark: the next word.
                    None => {
                        let word = self.word_from(self.at);
                        self.at += word.chars().count();
                        if word.is_empty() {
                            return Ok(None);
                        }
                        (word, Delimiter::None, 0)
                    }
                },
                // `title: Maroc`: a colon after a word, the field name as text.
                _ => {
                    return Ok(plain(
                        &self.chars[start..self.at - 1].iter().collect::<String>(),
                    ))
                }
            }
        } else {
            (value.to_string(), Delimiter::None, 0)
        };
        match field {
            "lang" => {
                let code = value.trim();
                let lang: Lang = code.parse().map_err(|_| {
                    self.error(
                        start,
                        format!("`lang:{code}` names no language: use lang:fr, lang:ar, lang:es, lang:en or lang:other"),
                    )
                })?;
                Ok(literal(
                    Some("lang"),
                    lang.code().to_string(),
                    Delimiter::None,
                    0,
                ))
            }
            "date" => {
                let (since, until) = date_range(&value).map_err(|hint| self.error(start, hint))?;
                let value = format!(
                    "{}..{}",
                    since.map(|d| d.to_string()).unwrap_or_default(),
                    until.map(|d| d.to_string()).unwrap_or_default()
                );
                Ok(literal(Some("date"), value, Delimiter::None, 0))
            }
            _ => Ok(literal(Some(field), value, delimiter, slop)),
        }
    }
}

/// A `date:` value: `2018`, `2018-05`, `2018-05-13`, a range `A..B`, or an
/// open one (`2020..`, `..2019`); each bound covers its whole period.
pub(crate) fn date_range(value: &str) -> Result<(Option<NaiveDate>, Option<NaiveDate>), String> {
    let bad = |e: String| format!("date:{value}: {e}; a range is written date:2018-03..2018-06");
    let (since, until) = match value.split_once("..") {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (value.trim(), value.trim()),
    };
    if since.is_empty() && until.is_empty() {
        return Err(bad("no date given".into()));
    }
    let since = (!since.is_empty())
        .then(|| parse_bound(since, false))
        .transpose()
        .map_err(bad)?;
    let until = (!until.is_empty())
        .then(|| parse_bound(until, true))
        .transpose()
        .map_err(bad)?;
    if let (Some(a), Some(b)) = (since, until) {
        if a > b {
            return Err(format!(
                "date:{value}: the range ends before it begins: swap its bounds"
            ));
        }
    }
    Ok((since, until))
}

/// An unquoted word as a leaf; `None` for punctuation alone (a dash, `:`).
fn plain(word: &str) -> Option<UserInputAst> {
    let word = word.trim_matches(|c: char| c == ':' || c == ',' || c == ';');
    if word.is_empty() || is_punctuation(word) {
        return None;
    }
    literal(None, word.to_string(), Delimiter::None, 0)
}

fn literal(
    field: Option<&str>,
    phrase: String,
    delimiter: Delimiter,
    slop: u32,
) -> Option<UserInputAst> {
    Some(UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(
        UserInputLiteral {
            field_name: field.map(str::to_string),
            phrase,
            delimiter,
            slop,
            prefix: false,
        },
    ))))
}

/// How many words `text` holds when it may be pasted text (a headline, a
/// lead) rather than a query written in akhbar's language: `None` when it
/// uses an operator nobody pastes by accident (a field such as `source:`,
/// `AND`/`OR`/`NOT`, `+word` before the last word). Quotes, parentheses,
/// colons, dashes, stars and a last `+word` are a headline's punctuation
/// (`… +فيديو`, `Orange*` as a footnote). Words are the
/// whitespace-separated pieces holding a letter or a digit.
pub fn pasted_words(text: &str) -> Option<usize> {
    let mut words = 0;
    let pieces: Vec<&str> = text.split_whitespace().collect();
    for (i, piece) in pieces.iter().copied().enumerate() {
        let bare = piece.trim_matches(|c: char| !c.is_alphanumeric());
        let last = i + 1 == pieces.len();
        let operator = matches!(piece, "AND" | "OR" | "NOT" | "&&" | "||")
            || (piece.starts_with('+') && !last)
            || piece.split_once(':').is_some_and(|(name, _)| {
                FIELDS.contains(
                    &name
                        .trim_start_matches(['-', '(', '"'])
                        .to_lowercase()
                        .as_str(),
                )
            });
        if operator {
            return None;
        }
        words += usize::from(!bare.is_empty());
    }
    Some(words)
}

/// A query's text made into plain words for a bag-of-words search: the
/// query language's operators (`"`, `-`, `:`, `*`, `~`, parentheses, `OR`,
/// ...) are read as punctuation, apostrophes between letters kept.
pub fn plain_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric()
            || c == '\''
            || c == '\u{2019}'
            || c == '\u{0640}'
            || unicode_normalization::char::is_combining_mark(c)
        {
            out.push(c);
        } else {
            out.push(' ');
        }
    }
    out.split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c| c == '\'' || c == '\u{2019}');
            if matches!(w, "AND" | "OR" | "NOT" | "IN") {
                w.to_lowercase()
            } else {
                w.to_string()
            }
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
        notes: Vec::new(),
        dashed: Vec::new(),
    })
}

/// Reads the `word*` and `word~1` of an unquoted word as a prefix and a
/// typo tolerance.
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
    #[test]
    fn plain_words_read_operators_as_punctuation() {
        assert_eq!(
            super::plain_words("\"Fès\" -traité: (1912)"),
            "Fès traité 1912"
        );
        assert_eq!(super::plain_words("l'économie OR 'la'"), "l'économie or la");
    }

    #[test]
    fn pasted_text_is_told_from_the_query_language() {
        use super::pasted_words;
        // A headline's punctuation: colon, guillemets, quotes, dashes,
        // parentheses, a footnote star, a last `+فيديو`.
        assert_eq!(
            pasted_words("Santé : les propos « inquiétants » de Dany Brillant"),
            Some(7)
        );
        assert_eq!(
            pasted_words("AFFAIRE GRÉGORY - La grande-tante \"entendue\" (vidéo)"),
            Some(6)
        );
        assert_eq!(pasted_words("selon l'enquête BVA pour Orange*"), Some(5));
        assert_eq!(
            pasted_words("عاجل.. رونالدو يعادل رقم ميسي +فيديو"),
            Some(6)
        );
        // Operators nobody pastes by accident.
        assert_eq!(pasted_words("source:Hespress وزير العدل وهبي"), None);
        assert_eq!(pasted_words("title:Ouahbi code pénal"), None);
        assert_eq!(pasted_words("Ouahbi AND réforme OR code"), None);
        assert_eq!(pasted_words("+Ouahbi réforme du code pénal"), None);
        // `or` and `Maroc:` are words.
        assert_eq!(pasted_words("or noir Maroc: la découverte"), Some(5));
    }

    use super::*;

    #[test]
    fn marks_never_closed_are_read_and_said() {
        for (q, note) in [
            (
                "\"convention de Budapest",
                "at character 1: this `\"` opens a phrase that is never closed",
            ),
            (
                "(maroc OR france",
                "at character 1: this `(` is never closed",
            ),
            ("maroc)", "at character 6: this `)` closes nothing"),
        ] {
            let parsed = parse(q).unwrap();
            assert!(
                parsed.notes.iter().any(|n| n.contains(note)),
                "{q}: {:?}",
                parsed.notes
            );
        }
        assert_eq!(parse("   ").unwrap_err(), QueryError::Empty);
        let err = parse("lang:xx maroc").unwrap_err();
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
    }

    #[test]
    fn a_sign_before_a_number_is_the_number_s() {
        // (query, words excluded with a dash)
        for (q, dashed) in [
            ("Soldes : jusqu'à -50 %", vec![]),
            ("Les transferts des MRE en baisse (-2,8%)", vec![]),
            ("Inflation : +0,8 % en avril", vec![]),
            ("température −5 °C", vec![]),
            ("maroc -ziyech", vec!["ziyech"]),
            ("-ziyech maroc", vec!["ziyech"]),
            ("تونس -الجزائر", vec!["الجزائر"]),
            ("conteneurs -date:2023", vec![]),
            ("maroc -(ziyech OR hakimi)", vec![]),
            ("maroc -«Coupe du monde»", vec![]),
        ] {
            assert_eq!(parse(q).unwrap().dashed, dashed, "{q}");
        }
    }

    #[test]
    fn dashes_as_words_keeps_the_other_exclusions() {
        let again = parse("maroc -فيديو -date:2023")
            .unwrap()
            .dashes_as_words()
            .unwrap();
        assert!(again.dashed.is_empty());
        assert!(
            again.notes.iter().any(|n| n.contains("`-فيديو`")),
            "{:?}",
            again.notes
        );
        let text = format!("{:?}", again.ast);
        assert!(text.contains("فيديو") && text.contains("date"), "{text}");
        assert!(parse("maroc -date:2023")
            .unwrap()
            .dashes_as_words()
            .is_none());
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
