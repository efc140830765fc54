//! Text files that are not articles: a data table or a log saved as `.txt`
//! (a scraper's dump), a list of links. Read as a page, such a file became
//! one "article" of thousands of lines titled with its header row, and broke
//! every CSV export that held it.

/// Fewer lines than this are never judged a table or a list.
const MIN_LINES: usize = 10;
/// Share of the lines that must have the same number of fields.
const TABLE_SHARE: f64 = 0.9;
/// Share of the lines that must be bare links.
const LINKS_SHARE: f64 = 0.8;

/// What the text of a page is when it is not an article, in a phrase for
/// the skip report; none for anything that may be an article.
pub fn what_it_is(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < MIN_LINES {
        return None;
    }
    for (delimiter, name) in [
        ('\t', "tab"),
        (';', "semicolon"),
        ('|', "bar"),
        (',', "comma"),
    ] {
        if let Some(fields) = same_field_count(&lines, delimiter) {
            return Some(format!(
                "a table of {} rows of {fields} {name}-separated fields, not an article (name it \
                 .tsv or .csv, with a header row, to index its rows as records)",
                lines.len()
            ));
        }
    }
    let links = lines
        .iter()
        .filter(|l| (l.starts_with("http://") || l.starts_with("https://")) && !l.contains(' '))
        .count();
    if links as f64 >= LINKS_SHARE * lines.len() as f64 {
        return Some(format!(
            "a list of {links} links ({} lines), not an article",
            lines.len()
        ));
    }
    None
}

/// The number of fields (at least 3) that nearly every line splits into.
fn same_field_count(lines: &[&str], delimiter: char) -> Option<usize> {
    let mut counts = std::collections::HashMap::<usize, usize>::new();
    for line in lines {
        *counts.entry(line.split(delimiter).count()).or_default() += 1;
    }
    let (&fields, &n) = counts.iter().max_by_key(|(_, &n)| n)?;
    (fields >= 3 && n as f64 >= TABLE_SHARE * lines.len() as f64).then_some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_logs_and_link_lists_are_not_articles() {
        let mut table = String::from("ville\tdate\tcours\tvolume\n");
        for i in 0..30 {
            table.push_str(&format!(
                "Casablanca\t2024-03-{:02}\t{}.5\t{}\n",
                1 + i % 28,
                100 + i,
                i * 7
            ));
        }
        assert!(what_it_is(&table)
            .unwrap()
            .contains("31 rows of 4 tab-separated fields"));
        let mut log = String::from("horodatage,niveau,hote,statut\n");
        for i in 0..20 {
            log.push_str(&format!(
                "2025-01-0{} 10:00:{i:02},INFO,www.exemple.ma,200\n",
                1 + i % 9
            ));
        }
        assert!(what_it_is(&log).unwrap().contains("comma-separated"));
        let links: String = (0..15)
            .map(|i| format!("https://www.exemple.ma/article/{i}.html\n"))
            .collect();
        assert!(what_it_is(&links).unwrap().contains("a list of 15 links"));
    }

    #[test]
    fn an_article_is_an_article() {
        // Prose has commas, but not the same number on every line.
        let article = "Le conseil de gouvernement a adopté, jeudi, le projet de décret.\n\
            Le texte, présenté par le ministre de l'Équipement, fixe les tarifs.\n\
            Selon le porte-parole, la mesure entrera en vigueur en janvier.\n\
            Les professionnels, eux, demandent un délai.\n\
            La fédération du transport a publié un communiqué.\n\
            Elle y juge le calendrier « intenable », faute de concertation.\n\
            Le ministère assure que les discussions se poursuivent.\n\
            Une réunion est prévue la semaine prochaine à Rabat.\n\
            Les syndicats, de leur côté, menacent d'une grève.\n\
            Le décret doit encore être publié au Bulletin officiel.\n\
            وقال الوزير، في تصريح للصحافة، إن الحكومة منفتحة على الحوار.\n";
        assert_eq!(what_it_is(article), None);
        // A short page is never judged.
        assert_eq!(what_it_is("a\tb\tc\nd\te\tf\n"), None);
    }
}
