//! `corpus`: the Corpus Explorer engine on the command line.
//!
//! `corpus ingest PATH...` reads files and folders (recursively) and prints one JSON object per
//! article, one per line (JSON Lines). A file that cannot be read or gives no article is reported
//! on stderr with its reason, and the others still print. Exit status: 0 when every file gave
//! articles, 1 when some did not, 2 for a usage error.
//!
//! `corpus eval ingest|dates --gold GOLD.json [--seeds DIR] [--json]` scores the ingest, or the
//! dates, against a hand-checked gold standard.

mod eval;
mod eval_dates;

use corpus::Corpus;
use serde::Serialize;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: corpus ingest PATH...\n       corpus eval ingest|dates --gold GOLD.json [--seeds DIR] [--json]\n\n\
  ingest PATH...   print every article of the files and folders (read recursively) as JSON Lines\n\
  eval ingest      score splitting, cleaning and duplicates against a gold standard\n\
  eval dates       score date mentions and publication dates against a gold standard\n\
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
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((command, paths)) if command == "ingest" && !paths.is_empty() => ingest(paths),
        Some((command, rest)) if command == "eval" => evaluate(rest),
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
    let (Some(what @ ("ingest" | "dates")), Some(gold)) = (what, gold) else {
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

fn ingest(paths: &[String]) -> ExitCode {
    let mut corpus = Corpus::new();
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
    corpus.finish();
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
        };
        let written = serde_json::to_writer(&mut out, &line)
            .map_err(std::io::Error::other)
            .and_then(|()| out.write_all(b"\n"));
        if written.is_err() {
            // The reader went away (a closed pipe): stop quietly.
            return ExitCode::SUCCESS;
        }
    }
    let _ = out.flush();
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
