//! Text analysis: one tantivy analyzer per language (`akhbar_fr`, `akhbar_ar`,
//! `akhbar_es`, `akhbar_en`, `akhbar_other`).
//!
//! Every analyzer is a single [`AkhbarTokenizer`] that splits words (see
//! `words.rs` for the rules and [`AkhbarTokenizer`] for offsets and positions), normalises them,
//! drops stop words and stems them in one pass. With
//! [`AnalysisOptions::exact_forms`] (off by default), each stem is followed by
//! the word's normalised, unstemmed form marked with [`EXACT_MARK`] at the
//! same position (`=marocaines` after `marocain`):
//!
//! | language | normalisation | stop words | default stemmer |
//! |----------|---------------|------------|-----------------|
//! | `fr` | lowercase, accents, ligatures, elision, ordinals | Snowball French | light (Savoy/Lucene `FrenchLightStemmer`) |
//! | `ar` | NFKC presentation forms, harakat, tatweel, alef/hamza/yeh/teh marbuta, digits | Lucene-like Arabic | Snowball Arabic after the article (light: prefixes/suffixes, see `arabic.rs`) |
//! | `es` | lowercase, accents | Snowball Spanish | Snowball Spanish |
//! | `en` | lowercase, accents, possessive `'s` | Snowball English | Snowball English |
//! | `other` | lowercase, accents, Arabic normalisation | none | none |
//!
//! ```
//! use akhbar::analysis::terms;
//! use akhbar::lang::Lang;
//! assert_eq!(terms(Lang::Fr, "la Convention de Budapest"), ["convention", "budapest"]);
//! assert_eq!(terms(Lang::Ar, "والمغرب"), terms(Lang::Ar, "المغرب"));
//! ```

// The shared steps: splitting, folding, the Snowball stem cache, stop words.
mod fold;
mod snowball;
pub(crate) mod stopwords;
mod words;
// One file per language, listed in `language.rs`.
mod arabic;
mod french;
mod language;
mod latin;
// The tantivy tokenizer that runs a language's chain.
mod tokenizer;

use tantivy::tokenizer::{TextAnalyzer, TokenStream, TokenizerManager};

pub use arabic::strip_article as strip_arabic_article;
pub use tokenizer::{AkhbarTokenStream, AkhbarTokenizer, MAX_TERM_BYTES};

pub(crate) use fold::fold_into;
pub(crate) use french::elide;
pub(crate) use words::next_word;

use crate::lang::Lang;

/// Options for ablation experiments; `Default` = what akhbar ships
/// (`Stemmer::Best`, normalisation and stop words on; exact forms off: they
/// rank better but slow indexing by about 9% and grow the index by about
/// 26%, see the README).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnalysisOptions {
    pub stemmer: Stemmer,
    /// `false`: only lowercase (no accent folding, no Arabic normalisation, no
    /// French elision or ordinals).
    pub normalize: bool,
    /// `false`: keep stop words.
    pub stopwords: bool,
    /// Also index each word's normalised but unstemmed form, marked with
    /// [`EXACT_MARK`], at the same position as its stem, so that a query
    /// can prefer the exact word form over other words of the same stem.
    /// Off by default (`akhbar-eval --exact-forms` measures it).
    pub exact_forms: bool,
}

/// The first character of an exact-form term (see
/// [`AnalysisOptions::exact_forms`]); never part of a word.
pub const EXACT_MARK: char = '=';

/// The exact form of a term marked as such, `None` for a plain term.
pub fn exact_form(term: &str) -> Option<&str> {
    term.strip_prefix(EXACT_MARK)
}

/// Which stemmer the analyzers use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stemmer {
    /// No stemming.
    None,
    /// The light stemmer of the language: French (Savoy/Lucene light stemmer)
    /// and Arabic (prefix/suffix stripping). Spanish and English have no light
    /// stemmer and use Snowball; `other` is never stemmed.
    Light,
    /// The Snowball stemmer of the language (rust-stemmers), on normalised
    /// text; `other` is never stemmed.
    Snowball,
    /// The stemmer measured best for each language by `akhbar-eval`:
    /// light for French, Snowball for Arabic (and Snowball for Spanish and
    /// English, as `Light`).
    Best,
}

impl Stemmer {
    /// The stemmer actually run for `lang` (resolves [`Stemmer::Best`]).
    pub fn for_lang(self, lang: Lang) -> Stemmer {
        match (self, lang) {
            (Stemmer::Best, Lang::Ar) => Stemmer::Snowball,
            (Stemmer::Best, _) => Stemmer::Light,
            (s, _) => s,
        }
    }
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            stemmer: Stemmer::Best,
            normalize: true,
            stopwords: true,
            exact_forms: false,
        }
    }
}

/// The tokenizer name registered for a language: "akhbar_fr", "akhbar_ar",
/// "akhbar_es", "akhbar_en", "akhbar_other".
pub fn analyzer_name(lang: Lang) -> &'static str {
    language::language(lang).name()
}

/// Builds the analyzer for one language.
pub fn analyzer(lang: Lang, opts: AnalysisOptions) -> TextAnalyzer {
    TextAnalyzer::from(AkhbarTokenizer::new(lang, opts))
}

/// Registers every language's analyzer on an index's `TokenizerManager`
/// (called every time an index is opened or created).
pub fn register(manager: &TokenizerManager, opts: AnalysisOptions) {
    for lang in Lang::ALL {
        manager.register(analyzer_name(lang), analyzer(lang, opts));
    }
}

/// One word of a text and the terms an analyzer makes of it (none for a
/// stop word; several for a word such as `c'est-à-dire`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct WordTerms {
    /// The word as written in the text.
    pub word: String,
    /// Its terms, as the index holds them (exact forms left out).
    pub terms: Vec<String>,
}

/// What `lang`'s analyzer makes of each word of `text`: the words in text
/// order, each with its terms (what `akhbar-search --analyze` shows, like
/// Elasticsearch's `_analyze`, so that one can see why two words meet).
///
/// ```
/// use akhbar::analysis::{analyze_words, AnalysisOptions};
/// use akhbar::lang::Lang;
/// let words = analyze_words(Lang::Fr, "l'analyse des", AnalysisOptions::default());
/// assert_eq!(words[0].word, "l'analyse");
/// assert_eq!(words[0].terms, ["analys"]);
/// assert!(words[1].terms.is_empty()); // a stop word
/// ```
pub fn analyze_words(lang: Lang, text: &str, opts: AnalysisOptions) -> Vec<WordTerms> {
    let mut analyzer = analyzer(lang, opts);
    let mut out: Vec<WordTerms> = Vec::new();
    let mut cursor = 0;
    while let Some((from, to)) = words::next_word(text, &mut cursor) {
        let word = &text[from..to];
        let mut terms = Vec::new();
        let mut stream = analyzer.token_stream(word);
        while stream.advance() {
            let token = stream.token();
            if exact_form(&token.text).is_none() {
                terms.push(token.text.clone());
            }
        }
        out.push(WordTerms {
            word: word.to_string(),
            terms,
        });
    }
    out
}

/// The terms `text` analyses to in `lang` with the default options (exact
/// forms left out): what the index holds for that text.
pub fn terms(lang: Lang, text: &str) -> Vec<String> {
    let mut analyzer = analyzer(lang, AnalysisOptions::default());
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let token = stream.token();
        if exact_form(&token.text).is_none() {
            out.push(token.text.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count;
    use tantivy::query::PhraseQuery;
    use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
    use tantivy::tokenizer::Token;
    use tantivy::{doc, Index, Term};

    fn tokens(lang: Lang, opts: AnalysisOptions, text: &str) -> Vec<Token> {
        let mut a = analyzer(lang, opts);
        let mut ts = a.token_stream(text);
        let mut v = Vec::new();
        while ts.advance() {
            if exact_form(&ts.token().text).is_none() {
                v.push(ts.token().clone());
            }
        }
        v
    }

    const SAMPLES: &[(Lang, &str)] = &[
        (
            Lang::Fr,
            "Le Maroc a signé, jeudi à Strasbourg, le 2ème protocole additionnel à la \
             Convention de Budapest sur la cybercriminalité. L’Économie, l'État et le \
             porte-parole de Rabat-Salé-Kénitra.",
        ),
        (
            Lang::Ar,
            "وقّع المغرب على اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية، \
             وأعلنَ الناطق الرسمي في ١٢ مايو ٢٠٢٤ ـ ﻻ ﺍﻟﻤﻐﺮﺏ.",
        ),
        (
            Lang::Es,
            "Marruecos firmó el jueves, en Estrasburgo, el segundo protocolo adicional.",
        ),
        (
            Lang::En,
            "Morocco’s King signed the Budapest Convention's protocol.",
        ),
        (Lang::Other, "Die Konvention — ⵜⴰⵎⴰⵣⵉⵖⵜ 😀 e\u{301}cole"),
    ];

    #[test]
    fn names() {
        let names: Vec<_> = Lang::ALL.iter().map(|&l| analyzer_name(l)).collect();
        assert_eq!(
            names,
            [
                "akhbar_fr",
                "akhbar_ar",
                "akhbar_es",
                "akhbar_en",
                "akhbar_other"
            ]
        );
        let manager = TokenizerManager::default();
        register(&manager, AnalysisOptions::default());
        for lang in Lang::ALL {
            assert!(manager.get(analyzer_name(lang)).is_some());
        }
    }

    #[test]
    fn offsets_cover_surface_words() {
        let cases: &[(Lang, &str, &[&str])] = &[
            (
                Lang::Fr,
                "L’Économie, l'État et le porte-parole (2ème)",
                &["L’Économie", "l'État", "porte", "parole", "2ème"],
            ),
            (
                Lang::Ar,
                "وقّعَ  المغربُ ـ الجريمـــة",
                &["وقّعَ", "المغربُ", "الجريمـــة"],
            ),
            (Lang::En, "Morocco’s protocol", &["Morocco’s", "protocol"]),
        ];
        for &(lang, text, surfaces) in cases {
            let got: Vec<&str> = tokens(lang, AnalysisOptions::default(), text)
                .iter()
                .map(|t| &text[t.offset_from..t.offset_to])
                .collect();
            assert_eq!(got, surfaces, "{text:?}");
        }
        for &(lang, text) in SAMPLES {
            for t in tokens(lang, AnalysisOptions::default(), text) {
                let surface = &text[t.offset_from..t.offset_to];
                assert!(!surface.is_empty());
                assert!(surface.chars().all(|c| !c.is_whitespace()), "{surface:?}");
            }
        }
    }

    #[test]
    fn positions() {
        // Consecutive for consecutive kept words, a gap for a removed stop word.
        let toks = tokens(
            Lang::Fr,
            AnalysisOptions::default(),
            "porte-parole Rabat-Salé-Kénitra de Budapest",
        );
        let got: Vec<(&str, usize)> = toks.iter().map(|t| (t.text.as_str(), t.position)).collect();
        assert_eq!(
            got,
            [
                ("port", 0),
                ("parol", 1),
                ("rabat", 2),
                ("sale", 3),
                ("kenitra", 4),
                ("budapest", 6)
            ]
        );
        for &(lang, text) in SAMPLES {
            let opts = AnalysisOptions {
                stopwords: false,
                ..AnalysisOptions::default()
            };
            let toks = tokens(lang, opts, text);
            for (i, t) in toks.iter().enumerate() {
                assert_eq!(t.position, i, "{lang} {text:?}");
                assert_eq!(t.position_length, 1);
            }
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        let long = "a".repeat(100_000);
        let long_ar = "ب".repeat(10_000);
        let odd = [
            "",
            " ",
            ".,;:!?«»—–-'’\"()[]{}",
            "😀🇲🇦👨‍👩‍👧",
            "\u{064B}\u{0651}\u{0670}",
            "\u{0301}",
            "ـــــ",
            "'l'",
            "l'",
            "’’",
            "a'",
            "ﷺ ﷲ ﷽",
            "١٢٣ ۴۵۶",
            "مرحباBonjourHola你好Привет",
            "\u{200C}\u{200D}\u{FEFF}",
            "\0\t\r\n",
            "e\u{301}\u{301}\u{301}",
            long.as_str(),
            long_ar.as_str(),
        ];
        let all_opts = [
            AnalysisOptions::default(),
            AnalysisOptions {
                stemmer: Stemmer::Snowball,
                normalize: true,
                stopwords: true,
                exact_forms: false,
            },
            AnalysisOptions {
                stemmer: Stemmer::None,
                normalize: false,
                stopwords: false,
                exact_forms: true,
            },
        ];
        for text in odd {
            for lang in Lang::ALL {
                for opts in all_opts {
                    for t in tokens(lang, opts, text) {
                        assert!(!t.text.is_empty());
                        assert!(t.text.len() <= MAX_TERM_BYTES);
                        assert!(text.is_char_boundary(t.offset_from));
                        assert!(text.is_char_boundary(t.offset_to));
                        assert!(t.offset_from < t.offset_to);
                    }
                }
            }
        }
        assert!(terms(Lang::Fr, &long).is_empty());
        assert!(terms(Lang::Ar, "\u{064B}\u{0651}").is_empty());
        assert!(terms(Lang::Fr, "😀").is_empty());
    }

    #[test]
    fn exact_forms_leave_the_stems_alone() {
        // The exact-form path normalises once and stems the exact form: it
        // must give the same stems, positions and offsets as the plain path.
        for stemmer in [
            Stemmer::Best,
            Stemmer::Light,
            Stemmer::Snowball,
            Stemmer::None,
        ] {
            for normalize in [true, false] {
                let plain = AnalysisOptions {
                    stemmer,
                    normalize,
                    stopwords: true,
                    exact_forms: false,
                };
                let exact = AnalysisOptions {
                    exact_forms: true,
                    ..plain
                };
                for &(lang, text) in SAMPLES {
                    let strip = |ts: Vec<Token>| -> Vec<(String, usize, usize, usize)> {
                        ts.into_iter()
                            .map(|t| (t.text, t.position, t.offset_from, t.offset_to))
                            .collect()
                    };
                    assert_eq!(
                        strip(tokens(lang, exact, text)),
                        strip(tokens(lang, plain, text)),
                        "{lang} {stemmer:?} {normalize}"
                    );
                }
            }
        }
        // Every stem is followed by its exact form at the same position.
        let mut a = analyzer(
            Lang::Fr,
            AnalysisOptions {
                exact_forms: true,
                ..AnalysisOptions::default()
            },
        );
        let mut ts = a.token_stream("Les conventions signées");
        let mut got = Vec::new();
        while ts.advance() {
            got.push((ts.token().text.clone(), ts.token().position));
        }
        assert_eq!(
            got,
            [
                ("convention".to_string(), 1),
                ("=conventions".to_string(), 1),
                ("sign".to_string(), 2),
                ("=signees".to_string(), 2)
            ]
        );
    }

    #[test]
    fn analyzer_is_reusable() {
        let mut a = analyzer(
            Lang::Fr,
            AnalysisOptions {
                exact_forms: true,
                ..AnalysisOptions::default()
            },
        );
        for _ in 0..2 {
            let mut ts = a.token_stream("protocoles additionnels");
            let mut v = Vec::new();
            while ts.advance() {
                v.push(ts.token().text.clone());
            }
            assert_eq!(v, ["protocol", "=protocoles", "adition", "=additionnels"]);
        }
        let mut ts = a.token_stream("");
        assert!(!ts.advance());
    }

    #[test]
    fn phrase_query_on_index() -> tantivy::Result<()> {
        let mut builder = Schema::builder();
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(analyzer_name(Lang::Fr))
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let body = builder.add_text_field(
            "body",
            TextOptions::default().set_indexing_options(indexing),
        );
        let index = Index::create_in_ram(builder.build());
        register(
            index.tokenizers(),
            AnalysisOptions {
                exact_forms: true,
                ..AnalysisOptions::default()
            },
        );
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        writer.add_document(doc!(body =>
            "Le Maroc a ratifié la Convention de Budapest sur la cybercriminalité."))?;
        writer.add_document(doc!(body => "Budapest accueille une convention."))?;
        writer.commit()?;
        let searcher = index.reader()?.searcher();

        let phrase = |text: &str| {
            let mut a = index.tokenizers().get(analyzer_name(Lang::Fr)).unwrap();
            let mut ts = a.token_stream(text);
            let mut terms = Vec::new();
            while ts.advance() {
                let t = ts.token();
                if exact_form(&t.text).is_none() {
                    terms.push((t.position, Term::from_field_text(body, &t.text)));
                }
            }
            PhraseQuery::new_with_offset(terms)
        };
        let count = |text: &str| searcher.search(&phrase(text), &Count).unwrap();
        assert_eq!(count("Convention de Budapest"), 1);
        assert_eq!(count("convention de budapest"), 1);
        assert_eq!(count("CONVENTIONS DE BUDAPEST"), 1);
        assert_eq!(count("Budapest sur la cybercriminalité"), 1);
        assert_eq!(count("Budapest de convention"), 0);
        assert_eq!(count("budapest accueille"), 1);
        // Exact forms sit beside the stems: `=conventions` is not in the
        // index, `=convention` is, in both articles.
        let exact = |w: &str| {
            searcher
                .search(
                    &tantivy::query::TermQuery::new(
                        Term::from_field_text(body, w),
                        IndexRecordOption::Basic,
                    ),
                    &Count,
                )
                .unwrap()
        };
        assert_eq!(exact("=convention"), 2);
        assert_eq!(exact("=conventions"), 0);
        assert_eq!(exact("=ratifie"), 1);
        assert_eq!(exact(&terms(Lang::Fr, "ratifié")[0]), 1);
        Ok(())
    }
}
