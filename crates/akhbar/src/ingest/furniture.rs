//! Page furniture that names the outlet or the author rather than telling
//! the story: bylines (`Par Karim B. | Médias24`, `بقلم: …`), copyright
//! lines (`© Le Matin 2025 - Tous droits réservés`), and the words of a
//! dateline that are not a name (`Le samedi`, `Mis à jour`, `الجمعة`).

/// Words that open a byline, in the languages of the press.
const BYLINE_OPENERS: &[&str] = &["par:", "بقلم", "حرر بواسطة", "كتب:", "كتبه", "إعداد:"];

/// Latin openers that also begin sentences and headlines (`Par ailleurs`,
/// `Par amour du jeu`): a byline only when a name or the newsroom follows.
const NAME_OPENERS: &[&str] = &["par ", "by ", "por "];

/// What follows `Par` in a byline that is not a name.
const NEWSROOM: &[&str] = &[
    "la rédaction",
    "la redaction",
    "notre correspondant",
    "notre correspondante",
    "nos correspondants",
    "l'équipe",
    "l’équipe",
    "the editorial",
    "la redacción",
];

/// The longest byline, in words (a name, a role, the outlet).
const BYLINE_MAX_WORDS: usize = 9;

/// True when `line` is a byline: a short line that opens with `Par`, `By`,
/// `بقلم`, `حرر بواسطة`, `كتب`…
pub fn is_byline(line: &str) -> bool {
    let line = line.trim();
    let lower = line.to_lowercase();
    if line.split_whitespace().count() > BYLINE_MAX_WORDS {
        return false;
    }
    if BYLINE_OPENERS.iter().any(|o| lower.starts_with(o)) {
        return true;
    }
    NAME_OPENERS.iter().any(|o| {
        lower.starts_with(o)
            && line.get(o.len()..).is_some_and(|rest| {
                rest.chars().next().is_some_and(char::is_uppercase)
                    || NEWSROOM.iter().any(|n| rest.to_lowercase().starts_with(n))
            })
    })
}

/// The outlet a byline names after a separator (`Par la rédaction - Le
/// Matin`, `Par Karim B. | Médias24`): the last part, when it is a short name.
pub fn byline_outlet(line: &str) -> Option<String> {
    if !is_byline(line) {
        return None;
    }
    let (_, last) = [" | ", " - ", " – ", " — ", " / "]
        .iter()
        .filter_map(|sep| line.rsplit_once(sep))
        .min_by_key(|(_, last)| last.len())?;
    name(last)
}

/// Phrases of a copyright line saying the rights are reserved.
const RESERVED: &[&str] = &[
    "tous droits réservés",
    "tous droits reserves",
    "droits réservés",
    "all rights reserved",
    "todos los derechos reservados",
    "جميع الحقوق محفوظة",
    "كل الحقوق محفوظة",
    "الحقوق محفوظة",
];

/// The marks of a copyright line.
const COPYRIGHT_MARKS: &[&str] = &["copyright", "(c)", "©"];

/// The outlet a copyright line names (`© Le Matin 2025 - Tous droits
/// réservés`, `H24info © 2019.`, `جميع الحقوق محفوظة © 2024 هسبريس`).
pub fn copyright_outlet(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    if !(lower.contains('©') || lower.starts_with("copyright") || lower.contains("(c) ")) {
        return None;
    }
    if line.split_whitespace().count() > 14 {
        return None;
    }
    // A site's copyright has a year or says the rights are reserved; a
    // photo credit (`Photo © AFP`) has neither and names no outlet of ours.
    let has_year = line
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    let reserved = RESERVED.iter().any(|r| lower.contains(r));
    if !has_year && !reserved {
        return None;
    }
    let mut rest = line.to_string();
    for phrase in RESERVED.iter().chain(COPYRIGHT_MARKS) {
        rest = remove_ci(&rest, phrase);
    }
    // Years and year ranges go; what is left between separators is the name.
    let words: Vec<&str> = rest
        .split_whitespace()
        // A year or a range of years (`2025`, `2003-2025.`); a number in a
        // name stays (`الأيام 24`).
        .filter(|w| {
            let digits = w.chars().filter(|c| c.is_numeric()).count();
            !(digits >= 4
                && w.chars()
                    .all(|c| c.is_numeric() || matches!(c, '-' | '–' | '.' | ',' | '/')))
        })
        .collect();
    let rest = words.join(" ");
    let part = rest
        .split(['|', '-', '–', '—', '.', ','])
        .map(str::trim)
        .find(|p| !p.is_empty())?;
    name(part)
}

/// `text` without any case-insensitive occurrence of `phrase`.
fn remove_ci(text: &str, phrase: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let lower = rest.to_lowercase();
        // Lowercasing keeps byte offsets for the scripts in question only
        // when lengths agree; otherwise the text is left as it is.
        if lower.len() != rest.len() {
            out.push_str(rest);
            return out;
        }
        match lower.find(phrase) {
            Some(at) => {
                out.push_str(&rest[..at]);
                out.push(' ');
                rest = &rest[at + phrase.len()..];
            }
            None => {
                out.push_str(rest);
                return out;
            }
        }
    }
}

/// A short outlet name: one to four words, not a date word, letters in it.
fn name(text: &str) -> Option<String> {
    let text = text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '|' | ',' | ':' | '.' | '–' | '—' | '©')
    });
    let words = text.split_whitespace().count();
    if words == 0
        || words > 4
        || text.chars().count() > 40
        || !text.chars().any(char::is_alphabetic)
    {
        return None;
    }
    if is_date_word(text) {
        return None;
    }
    Some(text.to_string())
}

/// Weekdays and update words: what a dateline holds besides its date that
/// is not the outlet's name.
const DATE_WORDS: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الاربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
    "الاحد",
];

const UPDATE_WORDS: &[&str] = &[
    "mis à jour",
    "mise à jour",
    "mis a jour",
    "actualisé",
    "modifié",
    "updated",
    "last updated",
    "actualizado",
    "آخر تحديث",
    "تحديث",
    "محدث",
];

/// Where the update clause of a dateline begins (`… - Mis à jour le …`,
/// `…, mis à jour …`, `آخر تحديث …`): the byte offset of its first word,
/// with the separators before it left out; 0 for a line that opens with it.
pub fn update_at(line: &str) -> Option<usize> {
    let lower = line.to_lowercase();
    // Offsets of the lowercase copy serve only where the lengths agree.
    if lower.len() != line.len() {
        return None;
    }
    let at = UPDATE_CLAUSES.iter().filter_map(|u| lower.find(u)).min()?;
    let head = line[..at].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '|' | ',' | '(' | '–' | '—' | '/' | '•')
    });
    Some(head.len())
}

/// How an update clause begins.
const UPDATE_CLAUSES: &[&str] = &[
    "mis à jour",
    "mise à jour",
    "mis a jour",
    "actualisé le",
    "modifié le",
    "updated",
    "actualizado",
    "آخر تحديث",
    "تم التحديث",
    "تحديث:",
];

/// True when `text` is only date words (`Le samedi`, `Mis à jour le`,
/// `الجمعة`, `يوم الخميس`).
pub fn is_date_word(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let lower = strip_date_words(&lower);
    lower.is_empty()
}

/// `text` (lowercase) without a leading article, trailing weekdays, update
/// words and the little words around them.
fn strip_date_words(lower: &str) -> String {
    let mut s = lower.trim().to_string();
    for phrase in UPDATE_WORDS {
        s = s.replace(phrase, " ");
    }
    s.split_whitespace()
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            !w.is_empty()
                && !DATE_WORDS.contains(&w)
                && !matches!(w, "le" | "el" | "on" | "à" | "a" | "يوم" | "في" | "the")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// An outlet's name read before a dateline's date, without the weekday and
/// update words around it (`Medias24 le vendredi` → `Medias24`); none when
/// only those are left (`Le samedi`, `Mis à jour`).
pub fn dateline_name(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    // Date words are cut from the end only: a name may hold a little word.
    let mut end = words.len();
    while end > 0 && is_date_word(words[..end].last().copied().unwrap_or_default()) {
        end -= 1;
    }
    let kept = words[..end].join(" ");
    if kept.is_empty()
        || is_date_word(&kept)
        || UPDATE_WORDS.iter().any(|u| kept.to_lowercase().contains(u))
    {
        return None;
    }
    Some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_in_french_arabic_and_english() {
        for line in [
            "Par la rédaction",
            "Par Nadia Lahlou | L'Économiste",
            "By Sami Ghorbal",
            "بقلم: سعيد الإدريسي",
            "حرر بواسطة خديجة الرامي",
            "كتب: محمد العلوي",
            "Par notre correspondant à Agadir",
        ] {
            assert!(is_byline(line), "{line}");
        }
        for line in [
            "Parlement : le projet de loi de finances adopté en deuxième lecture",
            "Bygmalion : le procès s'ouvre",
            "Par amour du maillot, il refuse l'offre saoudienne",
            "Par ailleurs, le ministère a démenti",
            "كتب جديدة في معرض الرباط الدولي للكتاب",
            "كتبت الصحافة المغربية عن ارتفاع أسعار المحروقات في الأسبوع الأخير من الشهر",
        ] {
            assert!(!is_byline(line), "{line}");
        }
        assert_eq!(
            byline_outlet("Par Nadia Lahlou | L'Économiste").as_deref(),
            Some("L'Économiste")
        );
        assert_eq!(
            byline_outlet("Par la rédaction - Aujourd'hui le Maroc").as_deref(),
            Some("Aujourd'hui le Maroc")
        );
        assert_eq!(byline_outlet("Par Sami Ghorbal"), None);
    }

    #[test]
    fn copyright_lines_name_the_outlet() {
        assert_eq!(
            copyright_outlet("© L'Économiste 2024 - Tous droits réservés").as_deref(),
            Some("L'Économiste")
        );
        assert_eq!(
            copyright_outlet("Yabiladi © 2003-2025. All rights reserved").as_deref(),
            Some("Yabiladi")
        );
        assert_eq!(
            copyright_outlet("جميع الحقوق محفوظة © 2024 الأيام 24").as_deref(),
            Some("الأيام 24")
        );
        assert_eq!(
            copyright_outlet("Copyright © 2021 Maghreb Emergent").as_deref(),
            Some("Maghreb Emergent")
        );
        assert_eq!(copyright_outlet("© 2024"), None);
        assert_eq!(copyright_outlet("Photo © AFP"), None);
        assert_eq!(copyright_outlet("Crédit photo : © MAP"), None);
        assert_eq!(
            copyright_outlet("Le marché des capitaux a progressé de 3 % en 2024."),
            None
        );
    }

    #[test]
    fn the_update_clause_of_a_dateline_is_found() {
        let line = "Publié le 02/06/2024 à 11h05 - Mis à jour le 03/06/2024 à 08h00";
        assert_eq!(
            &line[..update_at(line).unwrap()],
            "Publié le 02/06/2024 à 11h05"
        );
        let line = "Le 02/06/2024 à 11h05, mis à jour le 03/06/2024";
        assert_eq!(&line[..update_at(line).unwrap()], "Le 02/06/2024 à 11h05");
        assert_eq!(update_at("Mis à jour le 03/06/2024 à 08h00"), Some(0));
        assert_eq!(update_at("آخر تحديث: 03 يونيو 2024"), Some(0));
        assert_eq!(update_at("Publié le 02/06/2024"), None);
    }

    #[test]
    fn weekdays_and_update_words_are_no_name() {
        assert_eq!(dateline_name("Le samedi"), None);
        assert_eq!(dateline_name("Mis à jour le"), None);
        assert_eq!(dateline_name("الجمعة"), None);
        assert_eq!(dateline_name("يوم الخميس"), None);
        assert_eq!(
            dateline_name("Yabiladi le vendredi").as_deref(),
            Some("Yabiladi")
        );
        assert_eq!(dateline_name("Imou Media").as_deref(), Some("Imou Media"));
        assert_eq!(dateline_name("EcoActu").as_deref(), Some("EcoActu"));
    }
}
