//! Page boilerplate that must never make an article match: headline tickers,
//! moderation notices, "read at the source" links, comment forms and rules.

/// Lines that are boilerplate wherever they stand (compared after
/// [`normalize_line`]).
const FIXED_LINES: &[&str] = &[
    "merci d'avoir signalé!",
    "cette image sera automatiquement bloquée après qu'elle soit signalée par plusieurs personnes.",
    "cliquez ici pour lire l'article depuis sa source.",
    "leave a comment",
    "laisser un commentaire",
    "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
    "your email address will not be published. required fields are marked *",
    "votre adresse e-mail ne sera pas publiée. les champs obligatoires sont indiqués avec *",
];

/// Lines that open the comment section: they and everything after them are
/// dropped from the body.
const TAIL_MARKERS: &[&str] = &[
    "leave a comment",
    "comments rules :",
    "comments rules:",
    "laisser un commentaire",
    "اترك تعليقا",
    "أضف تعليقا",
];

/// Lowercases, unifies apostrophes and folds runs of white space, so that a
/// line can be compared with the lists above.
pub fn normalize_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut last_space = true;
    for c in line.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '`' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.extend(c.to_lowercase());
            last_space = false;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// True for a line that is boilerplate on its own.
pub fn is_boilerplate_line(line: &str) -> bool {
    let norm = normalize_line(line);
    FIXED_LINES.iter().any(|fixed| *fixed == norm) || is_ticker(line)
}

/// True for a line after which the page holds only comments and their rules.
pub fn is_tail_marker(line: &str) -> bool {
    let norm = normalize_line(line);
    TAIL_MARKERS.iter().any(|marker| *marker == norm)
}

/// True for a headline ticker: many short headlines on one line, separated
/// by runs of white space that hold non-breaking spaces (`\u{a0} \u{a0}
/// \u{a0}`). A paragraph with such runs between long sentences is no ticker.
pub fn is_ticker(line: &str) -> bool {
    /// The longest headline of a ticker, in words.
    const MAX_HEADLINE_WORDS: usize = 20;
    let mut separators = 0;
    let mut longest = 0;
    let mut segment_start = 0;
    let mut run_start = 0;
    let mut run_len = 0;
    let mut run_has_nbsp = false;
    let words = |s: &str| s.split_whitespace().count();
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), 'x')))
    {
        if c.is_whitespace() && i < line.len() {
            if run_len == 0 {
                run_start = i;
            }
            run_len += 1;
            run_has_nbsp |= c == '\u{a0}';
            continue;
        }
        if run_len >= 3 && run_has_nbsp {
            separators += 1;
            longest = longest.max(words(&line[segment_start..run_start]));
            segment_start = i;
        }
        run_len = 0;
        run_has_nbsp = false;
    }
    longest = longest.max(words(&line[segment_start..]));
    separators >= 3 && longest <= MAX_HEADLINE_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_lines_match_whatever_the_apostrophe_and_case() {
        assert!(is_boilerplate_line(
            "Cliquez ici pour lire l’article depuis sa source."
        ));
        assert!(is_boilerplate_line("  Merci d'avoir signalé! "));
        assert!(!is_boilerplate_line("Le Maroc a signé le protocole."));
    }

    #[test]
    fn ticker_is_many_headlines_on_one_line() {
        let ticker = "Madagascar. Un nouveau Premier ministre\u{a0} \u{a0} \u{a0} \u{a0} Mercato : Ziyech rejoint le Wydad\u{a0} \u{a0} \u{a0} \u{a0} Louvre : 88 millions\u{a0} \u{a0} \u{a0} \u{a0} ";
        assert!(is_ticker(ticker));
        assert!(!is_ticker(
            "Le Maroc a signé, jeudi à Strasbourg, le protocole."
        ));
        let long = "Le conseil a adopté le budget de la ville après une longue séance de discussion entre les élus de la majorité et ceux de l'opposition.";
        let paragraphs =
            format!("{long}\u{a0} \u{a0} {long}\u{a0} \u{a0} {long}\u{a0} \u{a0} {long}");
        assert!(!is_ticker(&paragraphs));
    }

    #[test]
    fn comment_section_opens_at_its_marker() {
        assert!(is_tail_marker("Leave a Comment"));
        assert!(is_tail_marker("Comments Rules :"));
        assert!(!is_tail_marker("Leave a comment on the budget"));
    }
}
