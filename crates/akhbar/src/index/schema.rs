//! The index schema, built once: stored originals, one pair of analyzed
//! text fields per language, filters and facets.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};

use crate::analysis::analyzer_name;
use crate::lang::Lang;

/// Bumped whenever the schema or the analyzers change in a way that needs a
/// rebuild; stored beside the index.
pub const SCHEMA_VERSION: u32 = 7;

/// The tokenizer of `source_key`: the whole source name, lowercased and
/// accent-folded, so `--source ecoactu` finds `EcoActu`.
pub const KEYWORD_TOKENIZER: &str = "akhbar_keyword";

/// The analyzer registered as [`KEYWORD_TOKENIZER`], also used to turn a
/// source name typed by a user into the indexed key.
pub fn keyword_analyzer() -> tantivy::tokenizer::TextAnalyzer {
    use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer};
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Handles to every field of the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    pub id: Field,
    pub file: Field,
    pub path: Field,
    pub title: Field,
    pub body: Field,
    pub source: Field,
    pub source_key: Field,
    pub url: Field,
    pub lang: Field,
    pub langs: Field,
    pub date: Field,
    /// The id of the article's group of near duplicates (its own id when it has none).
    pub group: Field,
    /// A 64-bit key of `group` (fast field, for collapsing).
    pub group_key: Field,
    /// The MinHash signature of the article (fast field, to group later articles).
    pub dup_sig: Field,
    /// `title_fr`, `title_ar`, ... in the order of [`Lang::ALL`].
    pub title_by_lang: Vec<(Lang, Field)>,
    /// `body_fr`, `body_ar`, ... in the order of [`Lang::ALL`].
    pub body_by_lang: Vec<(Lang, Field)>,
    pub facet_lang: Field,
    pub facet_langs: Field,
    pub facet_year: Field,
    pub facet_month: Field,
    pub facet_day: Field,
    pub facet_source: Field,
}

impl Fields {
    /// The analyzed title field of a language.
    pub fn title_of(&self, lang: Lang) -> Field {
        field_of(&self.title_by_lang, lang)
    }

    /// The analyzed body field of a language.
    pub fn body_of(&self, lang: Lang) -> Field {
        field_of(&self.body_by_lang, lang)
    }

    /// Resolves every field in a schema built by `build_schema`; `None`
    /// when one is missing (an index from another version).
    pub fn from_schema(schema: &Schema) -> Option<Fields> {
        let f = |name: &str| schema.get_field(name).ok();
        let per_lang = |prefix: &str| -> Option<Vec<(Lang, Field)>> {
            Lang::ALL
                .iter()
                .map(|&lang| f(&format!("{prefix}_{}", lang.code())).map(|field| (lang, field)))
                .collect()
        };
        Some(Fields {
            id: f("id")?,
            file: f("file")?,
            path: f("path")?,
            title: f("title")?,
            body: f("body")?,
            source: f("source")?,
            source_key: f("source_key")?,
            url: f("url")?,
            lang: f("lang")?,
            langs: f("langs")?,
            date: f("date")?,
            group: f("group")?,
            group_key: f("group_key")?,
            dup_sig: f("dup_sig")?,
            title_by_lang: per_lang("title")?,
            body_by_lang: per_lang("body")?,
            facet_lang: f("facet_lang")?,
            facet_langs: f("facet_langs")?,
            facet_year: f("facet_year")?,
            facet_month: f("facet_month")?,
            facet_day: f("facet_day")?,
            facet_source: f("facet_source")?,
        })
    }
}

fn field_of(fields: &[(Lang, Field)], lang: Lang) -> Field {
    fields
        .iter()
        .find(|(l, _)| *l == lang)
        .or(fields.last())
        .map(|(_, f)| *f)
        .expect("the schema declares a field for every language")
}

fn analyzed(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

/// Builds akhbar's schema.
pub fn build_schema() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("id", STRING | STORED | FAST);
    b.add_text_field("file", STRING | STORED);
    // Fast too: a hit's copies are listed from columns, not stored documents.
    b.add_text_field("path", STRING | STORED | FAST);
    b.add_text_field("title", STORED);
    b.add_text_field("body", STORED);
    b.add_text_field("source", STORED | FAST);
    b.add_text_field(
        "source_key",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD_TOKENIZER)
                .set_index_option(IndexRecordOption::Basic),
        ),
    );
    b.add_text_field("url", STORED);
    b.add_text_field("lang", STRING | STORED | FAST);
    b.add_text_field("langs", STRING | STORED);
    b.add_date_field(
        "date",
        DateOptions::from(STORED)
            .set_indexed()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    // Fast too: an incremental build reloads every article's group.
    b.add_text_field("group", STRING | STORED | FAST);
    b.add_u64_field("group_key", FAST);
    b.add_bytes_field("dup_sig", FAST);
    for lang in Lang::ALL {
        b.add_text_field(
            &format!("title_{}", lang.code()),
            analyzed(analyzer_name(lang)),
        );
    }
    for lang in Lang::ALL {
        b.add_text_field(
            &format!("body_{}", lang.code()),
            analyzed(analyzer_name(lang)),
        );
    }
    for name in [
        "facet_lang",
        "facet_langs",
        "facet_year",
        "facet_month",
        "facet_day",
        "facet_source",
    ] {
        b.add_facet_field(name, FacetOptions::default());
    }
    b.build()
}
