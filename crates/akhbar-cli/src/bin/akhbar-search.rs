//! `akhbar-search`: BM25-ranked search with filters, facet counts and
//! highlighted snippets, for a terminal (or `--json` for programs).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

use akhbar::analysis::{analyze_words, AnalysisOptions, WordTerms};
use akhbar::index::{build_index_with_progress, summary_text, BuildOptions};
use akhbar::ingest::parse_bound;
use akhbar::lang::Lang;
use akhbar::qa::{answer, Question};
use akhbar::search::{
    index_stats, search_with, stats_text, timeline, FacetKind, Period, SearchRequest, Sort,
};
use akhbar_cli::export::{export, Format};
use akhbar_cli::progress::ProgressDisplay;
use akhbar_cli::render::{self, human, timeline_text, Style};

/// Search an akhbar index. `*` alone matches every article, to browse with filters.
#[derive(Parser, Debug)]
#[command(name = "akhbar-search", version, about)]
struct Args {
    /// The query: words (all required), "exact phrases" or «phrases», -excluded, OR, (groups),
    /// title:/body:/source:/lang:/date:, prefix*, word~1. Several arguments are one query.
    /// A query may begin with an exclusion (`akhbar-search -ziyech maroc`). Six words or more
    /// with no field, AND/OR/NOT or + are pasted text (a headline, a lead): marks are
    /// punctuation and any word may match, the more the higher.
    #[arg(required_unless_present_any = ["stats", "analyze", "show", "group"], num_args = 1..)]
    query: Vec<String>,
    /// Show what the index holds (articles, languages, dates, sources, size) instead of searching.
    #[arg(long)]
    stats: bool,
    /// Show the terms each language's analyzer makes of TEXT (only those of --lang when given),
    /// to see why two words meet or not; reads no index.
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["stats", "query"])]
    analyze: Option<String>,
    /// Print one article whole (title, date, source, URL, body, its copies) by its id, as
    /// hits show it.
    #[arg(long, value_name = "ID", conflicts_with_all = ["query", "stats", "analyze", "group"])]
    show: Option<String>,
    /// List a group of near duplicates (a hit's `group`, or the id of any member), oldest
    /// indexed first.
    #[arg(long, value_name = "ID", conflicts_with_all = ["query", "stats", "analyze"])]
    group: Option<String>,
    /// The index folder [default: index]. Only the default `index/` is built automatically
    /// (from --corpus) when missing; build another with `akhbar-index CORPUS --index DIR`.
    #[arg(long)]
    index: Option<PathBuf>,
    /// The corpus the default `index/` is built from on the first run.
    #[arg(long, default_value = "corpus")]
    corpus: PathBuf,
    /// Keep articles in this language (fr, ar, es, en, other); several: `ar,fr` or repeat.
    #[arg(long = "lang", value_name = "LANG", value_delimiter = ',', value_parser = parse_lang)]
    langs: Vec<Lang>,
    /// Keep articles dated on or after this day: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE", value_parser = |s: &str| parse_bound(s, false))]
    since: Option<chrono::NaiveDate>,
    /// Keep articles dated on or before this day: YYYY, YYYY-MM or YYYY-MM-DD (the whole period counts).
    #[arg(long, value_name = "DATE", value_parser = |s: &str| parse_bound(s, true))]
    until: Option<chrono::NaiveDate>,
    /// Keep articles from this source (case and accents ignored); several: `A,B` or repeat
    /// (a name that holds a comma: `source:"A, B"` in the query).
    #[arg(long = "source", value_name = "NAME", value_delimiter = ',')]
    sources: Vec<String>,
    /// How many hits to show (10 when not given); with --format, how many to export (all when
    /// not given).
    #[arg(long)]
    limit: Option<usize>,
    /// Skip this many hits first (paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    sort: SortArg,
    /// Which facets to count, comma-separated: lang, langs, year, month, day, source.
    #[arg(long, value_delimiter = ',', value_parser = parse_facet)]
    facets: Option<Vec<FacetKind>>,
    /// At most this many values per facet in the terminal output.
    #[arg(long, default_value_t = 10)]
    facet_limit: usize,
    /// With relevance order, favour recent articles: a score halves for every HALF_LIFE of age
    /// (30d, 2w, 6m, 1y), counted back from the end of --until when given, else from today.
    #[arg(long, value_name = "HALF_LIFE", value_parser = akhbar::search::parse_half_life)]
    recency: Option<chrono::Duration>,
    /// Draw the matches over time, one bar per day, week, month (default) or year.
    #[arg(long, value_name = "PERIOD", num_args = 0..=1, default_missing_value = "month", value_parser = parse_period)]
    timeline: Option<Period>,
    /// Show every copy of a republished story, not one hit per group of near duplicates.
    #[arg(long)]
    all_duplicates: bool,
    /// Print one JSON object (see README for the contract).
    #[arg(long, conflicts_with = "format")]
    json: bool,
    /// Export the matching articles with their body, as JSON Lines or CSV, in --sort order: every match, or the first --limit.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// With --format csv, write cells as they are: by default a cell that a spreadsheet would
    /// run as a formula (it begins with = + - @, a tab or a carriage return) gets a ' before it.
    #[arg(long, requires = "format")]
    csv_raw: bool,
    /// Threads searching the index's segments in parallel (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Read the query as a question in plain words (no operators): any word may match, question
    /// words (quand, combien, متى, كم...) are dropped, and the best 20 hits are reranked by how
    /// closely a passage answers it; scores stay the keyword (BM25F) scores, and the counts cover
    /// every article holding any word. A headline or lead (six words or more, not written as a
    /// question) is ranked as pasted text is without --question. This is the ranking
    /// `akhbar-eval --mode question` measures.
    #[arg(long)]
    question: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Ndjson,
    Csv,
}

fn parse_period(s: &str) -> Result<Period, String> {
    Period::from_name(s)
        .ok_or_else(|| format!("unknown period `{s}`: use day, week, month or year"))
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum SortArg {
    Relevance,
    Date,
    DateAsc,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|e| e.to_string())
}

fn parse_facet(s: &str) -> Result<FacetKind, String> {
    FacetKind::from_name(s)
        .ok_or_else(|| format!("unknown facet `{s}`: use lang, langs, year, month, day or source"))
}

fn main() -> ExitCode {
    let args = Args::parse_from(akhbar_cli::args::exclusions_as_words(
        std::env::args_os(),
        &<Args as clap::CommandFactory>::command(),
    ));
    // tantivy panics on some damaged segment bytes: one clear line and exit
    // 1, never a backtrace.
    std::panic::set_hook(Box::new(|_| {}));
    let index_dir = args
        .index
        .clone()
        .unwrap_or_else(|| std::path::PathBuf::from("index"));
    let outcome = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&args))) {
        Ok(outcome) => outcome,
        Err(payload) => {
            let why = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "an internal error".to_string());
            eprintln!(
                "akhbar-search: error: the search stopped inside the index reader ({}): if the index is damaged, `akhbar-index --check --index {}` names its files",
                render::terminal(&why, false),
                index_dir.display()
            );
            return ExitCode::from(1);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`| head`) is the reader's choice, not an error.
            let broken_pipe = err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .map(std::io::Error::kind)
                    .or_else(|| {
                        e.downcast_ref::<serde_json::Error>()
                            .and_then(serde_json::Error::io_error_kind)
                    })
                    == Some(std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!(
                "akhbar-search: error: {}",
                render::error_line(&err, &index_dir)
            );
            let usage = err
                .downcast_ref::<akhbar::Error>()
                .is_some_and(akhbar::Error::is_usage);
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

fn run(args: &Args) -> anyhow::Result<()> {
    if let Some(text) = &args.analyze {
        let langs: &[Lang] = if args.langs.is_empty() {
            &Lang::ALL
        } else {
            &args.langs
        };
        let analyses: Vec<(Lang, Vec<WordTerms>)> = langs
            .iter()
            .map(|&lang| (lang, analyze_words(lang, text, AnalysisOptions::default())))
            .collect();
        let mut out = std::io::stdout().lock();
        if args.json {
            serde_json::to_writer(&mut out, &render::analysis_json(text, &analyses))?;
            out.write_all(b"\n")?;
        } else {
            out.write_all(render::terminal(&render::analysis(&analyses), false).as_bytes())?;
        }
        return Ok(());
    }
    if let (Some(since), Some(until)) = (args.since, args.until) {
        if since > until {
            return Err(akhbar::Error::Usage(format!(
                "--since {since} is after --until {until}: swap them"
            ))
            .into());
        }
    }
    // Only the default index is built behind the user's back: an explicit
    // --index that is missing is an error (from `open`), not a new index.
    let index_dir: &Path = args.index.as_deref().unwrap_or(Path::new("index"));
    if args.index.is_none() && !akhbar::index::exists(index_dir) && args.corpus.is_dir() {
        eprintln!(
            "akhbar-search: no index in {}/ yet: building it from {}/ (once; to index another \
             folder, run `akhbar-index CORPUS --index DIR` and search with --index DIR)",
            index_dir.display(),
            args.corpus.display()
        );
        let start = std::time::Instant::now();
        let mut display = ProgressDisplay::new("akhbar-search", false);
        let report =
            build_index_with_progress(&args.corpus, index_dir, &BuildOptions::default(), |p| {
                display.update(p)
            })?;
        display.finish();
        let text = summary_text(&report, index_dir, start.elapsed());
        for line in text.lines() {
            eprintln!("akhbar-search: {}", render::terminal(line, false));
        }
    }
    let mut index = akhbar::index::open(index_dir)?;
    index.set_search_threads(args.threads)?;
    let stdout = std::io::stdout();
    let is_terminal = stdout.is_terminal();
    let mut out = stdout.lock();
    let width = is_terminal
        .then(|| terminal_size::terminal_size().map(|(w, _)| w.0 as usize))
        .flatten();
    let style = Style {
        color: is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        facet_limit: args.facet_limit,
        width,
        rtl_marks: is_terminal,
    };
    if args.stats {
        let stats = index_stats(&index, index_dir)?;
        if args.json {
            serde_json::to_writer(&mut out, &stats)?;
            out.write_all(b"\n")?;
        } else {
            out.write_all(
                render::terminal(&stats_text(&stats, index_dir, args.facet_limit), false)
                    .as_bytes(),
            )?;
        }
        out.flush()?;
        return Ok(());
    }
    if let Some(id) = &args.show {
        let searcher = index.searcher()?;
        let Some((hit, body)) = akhbar::search::article(&searcher, &index.fields, id)? else {
            return Err(no_article(id));
        };
        if args.json {
            serde_json::to_writer(
                &mut out,
                &render::ArticleJson {
                    hit: &hit,
                    body: &body,
                },
            )?;
            out.write_all(b"\n")?;
        } else {
            out.write_all(
                render::terminal(&render::article(&hit, &body, style), style.color).as_bytes(),
            )?;
        }
        out.flush()?;
        return Ok(());
    }
    if let Some(id) = &args.group {
        let searcher = index.searcher()?;
        let members = akhbar::search::group(&searcher, &index.fields, id)?;
        if members.is_empty() {
            return Err(no_article(id));
        }
        if args.json {
            let json = serde_json::json!({"group": members[0].group, "members": members});
            serde_json::to_writer(&mut out, &json)?;
            out.write_all(b"\n")?;
        } else {
            out.write_all(
                render::terminal(&render::group(&members, style), style.color).as_bytes(),
            )?;
        }
        out.flush()?;
        return Ok(());
    }
    let text = args.query.join(" ");
    // A question's request is made by its one constructor (any word, the
    // proximity bonus); both get the same filters and page.
    let mut question = args.question.then(|| Question::new(text.clone()));
    let mut keywords = SearchRequest::new(text);
    let request = match &mut question {
        Some(q) => &mut q.search,
        None => &mut keywords,
    };
    apply_flags(args, request);
    let searcher = index.searcher()?;
    if let Some(format) = args.format {
        if args.question {
            return Err(akhbar::Error::Usage(
                "--format exports the matches of a keyword search: drop --question, \
                 or use --json for a question's ranked hits"
                    .into(),
            )
            .into());
        }
        let format = match format {
            FormatArg::Ndjson => Format::Ndjson,
            FormatArg::Csv => Format::Csv { raw: args.csv_raw },
        };
        export(
            &searcher,
            &index.fields,
            &keywords,
            args.limit,
            format,
            &mut out,
        )?;
        return Ok(());
    }
    let results = match &question {
        Some(q) => answer(&searcher, &index.fields, q)?,
        None => search_with(&searcher, &index.fields, &keywords)?,
    };
    if args.json {
        serde_json::to_writer(&mut out, &results)?;
        out.write_all(b"\n")?;
    } else {
        out.write_all(
            render::terminal(&human(&results, args.offset, style), style.color).as_bytes(),
        )?;
        if let Some(period) = args.timeline {
            let bins = timeline(&results.facets.get(FacetKind::Day), period);

            out.write_all(b"\n")?;
            out.write_all(timeline_text(&bins, period.name(), style).as_bytes())?;
        }
    }
    out.flush()?;
    Ok(())
}

fn no_article(id: &str) -> anyhow::Error {
    akhbar::Error::Usage(format!(
        "no article or group has the id `{id}`: ids are in the `id` and `group` fields of --json \
         and of exports"
    ))
    .into()
}

/// The filters, page, order and counts the flags ask for.
fn apply_flags(args: &Args, request: &mut SearchRequest) {
    request.langs = args.langs.clone();
    request.since = args.since;
    request.until = args.until;
    request.sources = args.sources.clone();
    request.limit = args.limit.unwrap_or(10);
    request.offset = args.offset;
    request.recency = args.recency;
    request.all_duplicates = args.all_duplicates;
    request.sort = match args.sort {
        SortArg::Relevance => Sort::Relevance,
        SortArg::Date => Sort::Date,
        SortArg::DateAsc => Sort::DateAsc,
    };
    if let Some(facets) = &args.facets {
        request.facets = facets.clone();
    }
    if args.timeline.is_some() && !request.facets.contains(&FacetKind::Day) {
        request.facets.push(FacetKind::Day);
    }
}
