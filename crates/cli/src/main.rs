//! `corpus`: the Corpus Explorer engine on the command line.
//!
//! `corpus ingest PATH...` reads files and folders (recursively) and prints one JSON object per
//! article, one per line (JSON Lines). A file that cannot be read or gives no article is reported
//! on stderr with its reason, and the others still print. Exit status: 0 when every file gave
//! articles, 1 when some did not, 2 for a usage error.
//!
//! `corpus search QUERY PATH...` prints the stories matching a search, best first (JSON Lines).
//!
//! `corpus eval ingest|dates|entities --gold GOLD.json [--seeds DIR] [--json]` scores the ingest,
//! the dates or the entities against a hand-checked gold standard.

mod eval;
mod eval_dates;
mod eval_entities;
mod eval_pages;
mod eval_topics;
mod ner;
mod pictures;

use corpus::Corpus;
use serde::Serialize;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: corpus ingest [--topics K] PATH...\n       corpus topics [--topics K] PATH...\n       corpus search QUERY [--sort relevance|date|source] [--limit N] PATH...\n       corpus export [--format csv|jsonl] [--body] [--entities] [--search QUERY] [--sort ORDER] [--from DAY] [--to DAY] [--entity NAME]... [--topic LABEL]... [--copies] PATH...\n       corpus network [--size N] [--kinds PERSON,ORG,PLACE] [--min-weight N] [--search QUERY] PATH...\n       corpus map [--search QUERY] PATH...\n       corpus eval ingest|dates|entities --gold GOLD.json [--seeds DIR] [--json]\n       corpus eval topics DIR [--topics K] [--order N] [--json]\n       corpus eval pages DIR [--json]\n       corpus eval entities DIR [--json]\n       corpus eval dates DIR [--json]\n       corpus train-ner TRAIN_DIR --out FILE [--calibrate DIR] [--bits N] [--epochs N] [--seed N]\n\n\
  ingest PATH...   print every article of the files and folders (read recursively) as JSON Lines\n\
  topics PATH...   print the topics found in them (--topics K sets how many; else chosen from the data)\n\
  search QUERY     print the stories matching QUERY (words, \"a phrase\", prefix*, -excluded), best first,\n\
                   each with the passage around its matches and their byte ranges (JSON Lines)\n\
  export PATH...   print the articles the filters keep as CSV (the default) or JSON Lines, with\n\
                   their bodies with --body; with --entities, the table of their entities (CSV)\n\
  network PATH...  print the network of the entities named together (the most storied --size, 60\n\
                   by default), laid out as the page draws it: nodes, then links (JSON Lines)\n\
  map PATH...      print the places on the world map: countries, dots and the places it cannot\n\
                   show (JSON Lines)\n\
  eval ingest      score splitting, cleaning and duplicates against a gold standard\n\
  eval dates       score date mentions and publication dates against a gold standard, or, given\n\
                   a folder in the wcxb format, stated and estimated publication days and the\n\
                   timeline's span against each page's known day\n\
  eval entities    score people, organisations, places and their aliases against a gold standard,\n\
                   or, given a folder of annotated text (CoNLL columns or IOB2), set-F1 per document\n\
  train-ner        train the entity recogniser on a folder of annotated text (see data/ner/README.md)\n\
  eval topics      score topics against a folder of labelled articles (one subfolder per label);\n\
                   --order N reads the same files in another order, the labels mixed\n\
  eval pages       score cleaning, titles, bylines and publication days of whole web pages\n\
                   against a folder in the wcxb format (DIR/pages/*.txt and DIR/gold.jsonl)\n\
                   (--seeds defaults to the seeds/ folder beside the gold file's folder)";

/// One line of `corpus ingest` output. Fields are only ever added, never renamed or removed.
#[derive(Serialize)]
struct ArticleLine<'a> {
    id: corpus::DocId,
    file: &'a str,
    line: corpus::LineNo,
    title: &'a str,
    body: &'a str,
    caption: Option<&'a str>,
    dateline: Option<&'a str>,
    byline: Option<&'a str>,
    subheadings: &'a [String],
    related_links: &'a [String],
    removed: &'a [corpus::RemovedLine],
    duplicate_of: Option<corpus::DocId>,
    dates: &'a [corpus::extract::dates::DateMention],
    published: &'a corpus::extract::dates::Published,
    topics: Vec<TopicLine<'a>>,
    mentions: Vec<MentionLine<'a>>,
}

/// A name found in an article, in `corpus ingest` output: byte offsets into the field's text.
#[derive(Serialize)]
struct MentionLine<'a> {
    field: corpus::extract::dates::Field,
    start: u32,
    end: u32,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    entity: &'a str,
    confidence: f32,
}

/// An article's topic in `corpus ingest` output.
#[derive(Serialize)]
struct TopicLine<'a> {
    label: &'a str,
    weight: f32,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((command, paths)) if command == "ingest" && !paths.is_empty() => ingest(paths, false),
        Some((command, args)) if command == "topics" && !args.is_empty() => ingest(args, true),
        Some((command, args)) if command == "search" && args.len() >= 2 => search(args),
        Some((command, args)) if command == "export" && !args.is_empty() => export(args),
        Some((command, args)) if (command == "network" || command == "map") && !args.is_empty() => {
            pictures::command(command, args, USAGE)
        }
        Some((command, rest)) if command == "eval" => evaluate(rest),
        Some((command, rest)) if command == "train-ner" => match ner::train_command(rest) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("corpus: {message}");
                ExitCode::FAILURE
            }
        },
        Some((flag, _)) if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn evaluate(args: &[String]) -> ExitCode {
    if args.first().map(String::as_str) == Some("topics") {
        return evaluate_topics(&args[1..]);
    }
    if args.first().map(String::as_str) == Some("pages") {
        return evaluate_pages(&args[1..]);
    }
    // `eval entities DIR`, `eval dates DIR`: a folder rather than the gold standard.
    if let [what, rest @ ..] = args {
        let json = rest.iter().any(|f| f == "--json");
        let folders: Vec<&String> = rest.iter().filter(|a| !a.starts_with("--")).collect();
        let gold = rest.iter().any(|f| f == "--gold");
        if let ([dir], false) = (folders.as_slice(), gold) {
            let dir = Path::new(dir.as_str());
            if what == "dates" {
                return match eval_dates::score_folder(dir) {
                    Ok(score) => print_score(&score, json, eval_dates::folder_report),
                    Err(error) => {
                        eprintln!("corpus: {error}");
                        ExitCode::FAILURE
                    }
                };
            }
            if what == "entities" {
                return match ner::score_folder(dir) {
                    Ok(score) => print_score(&score, json, ner::report),
                    Err(error) => {
                        eprintln!("corpus: {error}");
                        ExitCode::FAILURE
                    }
                };
            }
        }
    }
    let mut gold = None;
    let mut seeds = None;
    let mut json = false;
    let mut rest = args.iter();
    let what = rest.next().map(String::as_str);
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--gold" => gold = rest.next().map(PathBuf::from),
            "--seeds" => seeds = rest.next().map(PathBuf::from),
            "--json" => json = true,
            _ => gold = None,
        }
    }
    let (Some(what @ ("ingest" | "dates" | "entities")), Some(gold)) = (what, gold) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let run = match eval::GoldRun::load(&gold, seeds) {
        Ok(run) => run,
        Err(error) => {
            eprintln!("corpus: {error}");
            return ExitCode::FAILURE;
        }
    };
    let (text, value) = if what == "ingest" {
        let score = eval::score_ingest(&run);
        (eval::report(&score), serde_json::to_string_pretty(&score))
    } else if what == "entities" {
        let score = eval_entities::score_entities(&run);
        (
            eval_entities::entities_report(&score),
            serde_json::to_string_pretty(&score),
        )
    } else {
        let score = eval::score_dates(&run);
        (
            eval::dates_report(&score),
            serde_json::to_string_pretty(&score),
        )
    };
    match value {
        Ok(json_text) if json => println!("{json_text}"),
        Ok(_) => print!("{text}"),
        Err(error) => {
            eprintln!("corpus: {error}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// `--topics K` among the arguments: the number of topics wanted, and the other arguments.
fn topic_count(args: &[String]) -> Result<(Option<usize>, Vec<String>), String> {
    let mut count = None;
    let mut rest = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--topics" {
            let value = args.next().ok_or("--topics needs a number")?;
            let k: usize = value
                .parse()
                .map_err(|_| format!("--topics takes a number, not {value}"))?;
            count = Some(k.max(1));
        } else {
            rest.push(arg.clone());
        }
    }
    Ok((count, rest))
}

/// `corpus topics`: one JSON object per topic: id, label, size, top terms, top articles.
fn print_topics(corpus: &Corpus) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for topic in &corpus.topics().topics {
        serde_json::to_writer(&mut out, topic).map_err(std::io::Error::other)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Reports on stderr the files inside the archive `name` (read from `path`) that gave no text;
/// true when there were some.
fn report_archive(corpus: &Corpus, name: &str, path: &Path) -> bool {
    let prefix = format!("{name}/");
    let mut any = false;
    for report in corpus.files() {
        if let (Some(inside), corpus::FileStatus::Failed { reason }) =
            (report.file.strip_prefix(&prefix), &report.status)
        {
            eprintln!("corpus: {}: {reason}", path.join(inside).display());
            any = true;
        }
    }
    any
}

/// `corpus eval pages DIR [--json]`.
fn evaluate_pages(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let dirs: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    let [dir] = dirs.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let score = match eval_pages::score_pages(Path::new(dir.as_str())) {
        Ok(score) => score,
        Err(error) => {
            eprintln!("corpus: {error}");
            return ExitCode::FAILURE;
        }
    };
    print_score(&score, json, eval_pages::pages_report)
}

/// Prints a score as pretty JSON or as the report a person reads.
fn print_score<S: Serialize>(score: &S, json: bool, report: impl Fn(&S) -> String) -> ExitCode {
    if json {
        match serde_json::to_string_pretty(score) {
            Ok(text) => println!("{text}"),
            Err(error) => {
                eprintln!("corpus: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", report(score));
    }
    ExitCode::SUCCESS
}

/// `corpus eval topics DIR [--topics K] [--order N] [--json]`.
fn evaluate_topics(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let mut rest: Vec<String> = args.iter().filter(|a| *a != "--json").cloned().collect();
    let mut order = None;
    if let Some(at) = rest.iter().position(|a| a == "--order") {
        match rest.get(at + 1).and_then(|v| v.parse::<u64>().ok()) {
            Some(seed) => order = Some(seed),
            None => {
                eprintln!("corpus: --order takes a number\n{USAGE}");
                return ExitCode::from(2);
            }
        }
        rest.drain(at..at + 2);
    }
    let (requested, dirs) = match topic_count(&rest) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("corpus: {error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let [dir] = dirs.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match eval_topics::score_topics(Path::new(dir), requested, order) {
        Ok(score) => print_score(&score, json, eval_topics::topics_report),
        Err(error) => {
            eprintln!("corpus: {error}");
            ExitCode::FAILURE
        }
    }
}

fn ingest(args: &[String], topics_only: bool) -> ExitCode {
    let (requested, paths) = match topic_count(args) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("corpus: {error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (mut corpus, failed) = load(&paths);
    let mut stages = Stages::new("topics");
    corpus.build_topics(requested, |_, _| {});
    stages.start("done");
    stages.report();
    if std::env::var_os("CORPUS_TIMINGS").is_some() {
        eprintln!(
            "corpus: memory: search index {} bytes; peak {}",
            corpus.index_bytes(),
            peak_memory().map_or_else(|| "unknown".into(), |bytes| format!("{bytes} bytes"))
        );
    }
    if topics_only {
        let _ = print_topics(&corpus);
        return if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for doc in corpus.documents() {
        let line = ArticleLine {
            id: doc.id,
            file: &doc.file,
            line: doc.line,
            title: &doc.title,
            body: &doc.body,
            caption: doc.caption.as_deref(),
            dateline: doc.dateline.as_deref(),
            byline: doc.byline.as_deref(),
            subheadings: &doc.subheadings,
            related_links: &doc.related_links,
            removed: &doc.removed,
            duplicate_of: doc.duplicate_of,
            dates: &doc.dates,
            published: &doc.published,
            topics: corpus
                .topics_of(doc.id)
                .iter()
                .filter_map(|w| {
                    let topic = corpus.topics().topics.get(w.topic as usize)?;
                    Some(TopicLine {
                        label: &topic.label,
                        weight: w.weight,
                    })
                })
                .collect(),
            mentions: doc
                .mentions
                .iter()
                .filter_map(|m| {
                    Some(MentionLine {
                        field: m.field,
                        start: m.start,
                        end: m.end,
                        text: doc
                            .field_text(m.field)
                            .get(m.start as usize..m.end as usize)?,
                        kind: m.kind.label(),
                        entity: &corpus.entity(m.entity)?.name,
                        confidence: f32::from(m.confidence) / 100.0,
                    })
                })
                .collect(),
        };
        if write_line(&mut out, &line).is_err() {
            // The reader went away (a closed pipe): stop quietly.
            return ExitCode::SUCCESS;
        }
    }
    finish_output(&mut out, failed)
}

/// Writes one JSON Lines line.
fn write_line(out: &mut impl Write, line: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, line)
        .map_err(std::io::Error::other)
        .and_then(|()| out.write_all(b"\n"))
}

/// Flushes the output; the exit status says whether every file gave articles.
fn finish_output(out: &mut impl Write, failed: bool) -> ExitCode {
    let _ = out.flush();
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads the files and folders of `paths` into a finished corpus, reporting on stderr each file
/// that gives no text; true as the second value when there were some.
fn load(paths: &[String]) -> (Corpus, bool) {
    let mut stages = Stages::new("read");
    let mut corpus = Corpus::new();
    // Nothing is added after this one load: the decoded files can go once split.
    corpus.release_sources_when_split(true);
    let mut failed = false;
    for root in paths {
        let root = Path::new(root);
        let files = match collect_files(root) {
            Ok(files) => files,
            Err(error) => {
                eprintln!("corpus: {}: {error}", root.display());
                failed = true;
                continue;
            }
        };
        for (path, name) in files {
            match std::fs::read(&path) {
                Ok(bytes) => {
                    if let Err(error) = corpus.add_file(&name, &bytes) {
                        eprintln!("corpus: {}: {error}", path.display());
                        failed = true;
                    } else if corpus::ingest::archive::is_zip(&name, &bytes) {
                        // The files inside that gave no text are reported under the archive.
                        failed |= report_archive(&corpus, &name, &path);
                    }
                }
                Err(error) => {
                    eprintln!("corpus: {}: cannot read: {error}", path.display());
                    corpus.add_unreadable(&name, &error.to_string());
                    failed = true;
                }
            }
        }
    }
    stages.start("articles");
    corpus.finish_timed(|stage| stages.start(stage));
    stages.start("done");
    stages.report();
    (corpus, failed)
}

/// How long each stage of a load took, printed to stderr when `CORPUS_TIMINGS` is set.
struct Stages {
    /// Each stage's name and when it started.
    marks: Vec<(&'static str, std::time::Instant)>,
}

impl Stages {
    fn new(first: &'static str) -> Self {
        Stages {
            marks: vec![(first, std::time::Instant::now())],
        }
    }

    fn start(&mut self, stage: &'static str) {
        self.marks.push((stage, std::time::Instant::now()));
    }

    /// "read 1.2 s · entities 20.1 s · index 2.0 s"; the last mark only ends the one before.
    fn report(&self) {
        if std::env::var_os("CORPUS_TIMINGS").is_none() {
            return;
        }
        let parts: Vec<String> = self
            .marks
            .windows(2)
            .map(|w| format!("{} {:.2} s", w[0].0, (w[1].1 - w[0].1).as_secs_f64()))
            .collect();
        eprintln!("corpus: timings: {}", parts.join(" · "));
    }
}

/// The most memory this process has held (Linux's VmHWM), if the system says.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// One line of `corpus search` output.
#[derive(Serialize)]
struct SearchLine<'a> {
    rank: usize,
    id: corpus::DocId,
    file: &'a str,
    line: corpus::LineNo,
    title: &'a str,
    published: Option<&'a str>,
    snippet: &'a str,
    snippet_marks: &'a [(usize, usize)],
    title_marks: &'a [(usize, usize)],
}

/// `corpus search QUERY [--sort relevance|date|source] [--limit N] PATH...`.
fn search(args: &[String]) -> ExitCode {
    let mut sort = corpus::SortOrder::Relevance;
    let mut limit = usize::MAX;
    let mut rest = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sort" => {
                sort = match args.next().map(String::as_str) {
                    Some("relevance") => corpus::SortOrder::Relevance,
                    Some("date") => corpus::SortOrder::Date,
                    Some("source") => corpus::SortOrder::Source,
                    other => {
                        eprintln!("corpus: --sort takes relevance, date or source, not {other:?}\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "--limit" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => limit = n,
                None => {
                    eprintln!("corpus: --limit takes a number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            _ => rest.push(arg.clone()),
        }
    }
    let Some((text, paths)) = rest.split_first().filter(|(_, paths)| !paths.is_empty()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let (corpus, failed) = load(paths);
    let result = corpus.query(&corpus::Query {
        text: text.clone(),
        sort,
        limit,
        ..corpus::Query::default()
    });
    if let Some(hint) = &result.hint {
        eprintln!("corpus: {hint}");
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (rank, hit) in result.hits.iter().enumerate() {
        let line = SearchLine {
            rank: rank + 1,
            id: hit.id,
            file: &hit.file,
            line: hit.line,
            title: &hit.title,
            published: hit.published.as_deref(),
            snippet: &hit.snippet,
            snippet_marks: &hit.snippet_marks,
            title_marks: &hit.title_marks,
        };
        if write_line(&mut out, &line).is_err() {
            return ExitCode::SUCCESS;
        }
    }
    finish_output(&mut out, failed)
}

/// `corpus export [--format csv|jsonl] [--body] [--entities] [filters] PATH...`: what the page's
/// export buttons give, for the same filters.
fn export(args: &[String]) -> ExitCode {
    let mut format = corpus::ExportFormat::Csv;
    let (mut body, mut entity_table) = (false, false);
    let mut query = corpus::Query::default();
    let (mut entity_names, mut topic_labels) = (Vec::new(), Vec::new());
    let mut paths = Vec::new();
    let mut args = args.iter();
    let usage = |message: String| {
        eprintln!("corpus: {message}\n{USAGE}");
        ExitCode::from(2)
    };
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        let outcome: Result<(), String> = match arg.as_str() {
            "--format" => value("--format").and_then(|v| {
                format = match v.as_str() {
                    "csv" => corpus::ExportFormat::Csv,
                    "jsonl" => corpus::ExportFormat::JsonLines,
                    other => return Err(format!("--format takes csv or jsonl, not {other}")),
                };
                Ok(())
            }),
            "--body" => {
                body = true;
                Ok(())
            }
            "--entities" => {
                entity_table = true;
                Ok(())
            }
            "--copies" => {
                query.include_copies = true;
                Ok(())
            }
            "--search" => value("--search").map(|v| query.text = v),
            "--from" => value("--from").map(|v| query.date_from = Some(v)),
            "--to" => value("--to").map(|v| query.date_to = Some(v)),
            "--entity" => value("--entity").map(|v| entity_names.push(v)),
            "--topic" => value("--topic").map(|v| topic_labels.push(v)),
            "--sort" => value("--sort").and_then(|v| {
                query.sort = match v.as_str() {
                    "relevance" => corpus::SortOrder::Relevance,
                    "date" => corpus::SortOrder::Date,
                    "source" => corpus::SortOrder::Source,
                    other => {
                        return Err(format!(
                            "--sort takes relevance, date or source, not {other}"
                        ))
                    }
                };
                Ok(())
            }),
            _ => {
                paths.push(arg.clone());
                Ok(())
            }
        };
        if let Err(message) = outcome {
            return usage(message);
        }
    }
    if paths.is_empty() {
        return usage("export needs files or folders to read".into());
    }
    if query.date_from.is_some() != query.date_to.is_some() {
        query.date_from.get_or_insert_with(|| "0001-01-01".into());
        query.date_to.get_or_insert_with(|| "9999-12-31".into());
    }
    let (mut corpus, failed) = load(&paths);
    corpus.build_topics(None, |_, _| {});
    for name in &entity_names {
        let wanted = name.to_lowercase();
        match corpus
            .entities()
            .iter()
            .find(|e| e.name.to_lowercase() == wanted)
        {
            Some(entity) => query.entities.push(entity.id),
            None => {
                eprintln!("corpus: no entity is named {name:?}");
                return ExitCode::FAILURE;
            }
        }
    }
    for label in &topic_labels {
        let wanted = label.to_lowercase();
        let found: Vec<_> = corpus
            .topics()
            .topics
            .iter()
            .filter(|t| t.label.to_lowercase().contains(&wanted))
            .map(|t| t.id)
            .collect();
        if found.is_empty() {
            eprintln!("corpus: no topic's name holds {label:?}");
            return ExitCode::FAILURE;
        }
        query.topics.extend(found);
    }
    let text = if entity_table {
        corpus.export_entities(&query)
    } else {
        corpus.export_articles(&query, format, body)
    }
    .text;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return ExitCode::SUCCESS;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The files under `root` (or `root` itself), sorted, each with the name it gets in the corpus:
/// its path relative to the folder given with `/` separators, or its file name when a file was
/// given. Hidden files and folders (starting with `.`) are skipped.
fn collect_files(root: &Path) -> std::io::Result<Vec<(PathBuf, String)>> {
    let meta = std::fs::metadata(root)?;
    if meta.is_file() {
        let name = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| root.display().to_string());
        return Ok(vec![(root.to_path_buf(), name)]);
    }
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) => {
                eprintln!("corpus: {}: cannot list folder: {error}", dir.display());
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(root).unwrap_or(&path);
                let name = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                found.push((path, name));
            }
        }
    }
    found.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(found)
}
