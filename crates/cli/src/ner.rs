//! `corpus eval entities DIR` scores the recogniser on annotated text in the shared column
//! formats (CoNLL columns or IOB2), and `corpus train-ner` trains it.
//!
//! The score is set-F1 per document: each document's set of (name, type) pairs, names with
//! whitespace made single, against the gold set; the counts are summed over documents. It is
//! given twice: through the whole pipeline (each document ingested as a text file, every
//! article's mentions in every field) and for the recogniser alone on the document's text.

use crate::eval_entities::Prf;
use corpus::extract::entities::{names_in, EntityKind};
use corpus::extract::ner::annotated::{self, AnnotatedDoc};
use corpus::extract::ner::train;
use corpus::Corpus;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Files of a folder that are not annotated text.
fn skipped(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md")
        || lower.ends_with(".bin")
        || lower.ends_with(".json")
        || lower.contains("license")
        || lower.contains("licence")
        || lower.contains("readme")
}

/// Every annotated document under `dir` (or in the file `dir`), files in name order.
pub fn read_folder(dir: &Path) -> Result<Vec<AnnotatedDoc>, String> {
    let mut files = Vec::new();
    if dir.is_file() {
        files.push(dir.to_path_buf());
    } else {
        let mut pending = vec![dir.to_path_buf()];
        while let Some(d) = pending.pop() {
            let entries =
                std::fs::read_dir(&d).map_err(|e| format!("{}: cannot list: {e}", d.display()))?;
            for entry in entries.flatten() {
                let path = entry.path();
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                if path.is_dir() {
                    pending.push(path);
                } else if !skipped(&name) {
                    files.push(path);
                }
            }
        }
    }
    files.sort();
    let mut docs = Vec::new();
    for path in files {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        let name = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        let found = annotated::read(&name, &text);
        if found.is_empty() {
            eprintln!("corpus: {}: no annotated sentence in it", path.display());
        }
        docs.extend(found);
    }
    if docs.is_empty() {
        return Err(format!("{}: no annotated documents", dir.display()));
    }
    Ok(docs)
}

/// Set-F1 of one way of finding names.
#[derive(Debug, Serialize, Default)]
pub struct Scored {
    /// All types.
    pub all: Prf,
    /// PERSON, ORG, PLACE.
    pub by_type: BTreeMap<&'static str, Prf>,
    /// The most frequent wrong pairs (found, not gold) and missed pairs (gold, not found).
    pub wrong: Vec<(String, usize)>,
    /// Gold pairs most often missed.
    pub missed: Vec<(String, usize)>,
}

/// The scores of a folder.
#[derive(Debug, Serialize)]
pub struct FolderScore {
    /// Documents scored.
    pub documents: usize,
    /// Tokens in them.
    pub tokens: usize,
    /// Through the whole pipeline.
    pub pipeline: Scored,
    /// The recogniser alone.
    pub recogniser: Scored,
}

type Pairs = BTreeSet<(String, &'static str)>;

fn plain(text: &str) -> String {
    text.replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn label(kind: EntityKind) -> &'static str {
    kind.label()
}

fn score(gold: &[Pairs], found: &[Pairs]) -> Scored {
    let mut s = Scored::default();
    let mut wrong: BTreeMap<String, usize> = BTreeMap::new();
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    for kind in EntityKind::ALL {
        s.by_type.insert(label(kind), Prf::default());
    }
    for (g, f) in gold.iter().zip(found) {
        let matched = g.intersection(f).count();
        s.all.add(g.len(), f.len(), matched);
        for kind in EntityKind::ALL {
            let l = label(kind);
            let gk: Pairs = g.iter().filter(|p| p.1 == l).cloned().collect();
            let fk: Pairs = f.iter().filter(|p| p.1 == l).cloned().collect();
            if let Some(t) = s.by_type.get_mut(l) {
                t.add(gk.len(), fk.len(), gk.intersection(&fk).count());
            }
        }
        for p in f.difference(g) {
            *wrong.entry(format!("{} {}", p.1, p.0)).or_default() += 1;
        }
        for p in g.difference(f) {
            *missed.entry(format!("{} {}", p.1, p.0)).or_default() += 1;
        }
    }
    s.all.finish();
    for t in s.by_type.values_mut() {
        t.finish();
    }
    let top = |m: BTreeMap<String, usize>| {
        let mut v: Vec<(String, usize)> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.truncate(25);
        v
    };
    s.wrong = top(wrong);
    s.missed = top(missed);
    s
}

/// Scores the recogniser on every document of `dir`.
pub fn score_folder(dir: &Path) -> Result<FolderScore, String> {
    let docs = read_folder(dir)?;
    let gold: Vec<Pairs> = docs
        .iter()
        .map(|d| {
            d.names
                .iter()
                .map(|&(s, e, k)| (plain(&d.text[s..e]), label(k)))
                .collect()
        })
        .collect();
    let alone: Vec<Pairs> = docs
        .iter()
        .map(|d| {
            names_in(&d.text)
                .into_iter()
                .map(|(s, e, k, _)| (plain(&d.text[s..e]), label(k)))
                .collect()
        })
        .collect();
    let mut corpus = Corpus::new();
    let names: Vec<String> = (0..docs.len()).map(|i| format!("{i:06}.txt")).collect();
    for (doc, name) in docs.iter().zip(&names) {
        // A file that gives no article simply finds nothing.
        let _ = corpus.add_file(name, doc.text.as_bytes());
    }
    corpus.finish();
    let index: BTreeMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let mut piped: Vec<Pairs> = vec![Pairs::new(); docs.len()];
    for doc in corpus.documents() {
        let Some(&i) = index.get(doc.file.as_str()) else {
            continue;
        };
        for m in &doc.mentions {
            if let Some(text) = doc
                .field_text(m.field)
                .get(m.start as usize..m.end as usize)
            {
                piped[i].insert((plain(text), label(m.kind)));
            }
        }
    }
    Ok(FolderScore {
        documents: docs.len(),
        tokens: docs.iter().map(|d| d.text.split_whitespace().count()).sum(),
        pipeline: score(&gold, &piped),
        recogniser: score(&gold, &alone),
    })
}

/// The report of [`score_folder`] in words.
pub fn report(score: &FolderScore) -> String {
    let mut out = format!(
        "{} documents, {} tokens; set-F1 of (name, type) per document\n",
        score.documents, score.tokens
    );
    for (what, s) in [
        ("pipeline", &score.pipeline),
        ("recogniser", &score.recogniser),
    ] {
        out.push_str(&format!(
            "{what:<11} all     F1 {:.3}  P {:.3}  R {:.3}  ({} gold, {} found)\n",
            s.all.f1, s.all.precision, s.all.recall, s.all.gold, s.all.found
        ));
        for (kind, t) in &s.by_type {
            out.push_str(&format!(
                "{:<11} {kind:<7} F1 {:.3}  P {:.3}  R {:.3}  ({} gold, {} found)\n",
                "", t.f1, t.precision, t.recall, t.gold, t.found
            ));
        }
    }
    let s = &score.pipeline;
    for (label, names) in [("wrong", &s.wrong), ("missed", &s.missed)] {
        let listed: Vec<String> = names
            .iter()
            .take(12)
            .map(|(p, n)| format!("{p} ×{n}"))
            .collect();
        out.push_str(&format!(
            "most often {label} (pipeline): {}\n",
            listed.join(", ")
        ));
    }
    out
}

/// `corpus train-ner TRAIN_DIR --out FILE [--calibrate DIR] [--bits N] [--epochs N]`.
pub fn train_command(args: &[String]) -> Result<(), String> {
    let mut config = train::Config::default();
    let mut train_dir = None;
    let mut calibrate = None;
    let mut out = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = || {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--out" => out = Some(value()?),
            "--calibrate" => calibrate = Some(value()?),
            "--bits" => config.bits = value()?.parse().map_err(|_| "--bits takes a number")?,
            "--epochs" => {
                config.epochs = value()?.parse().map_err(|_| "--epochs takes a number")?
            }
            "--seed" => config.seed = value()?.parse().map_err(|_| "--seed takes a number")?,
            other if train_dir.is_none() && !other.starts_with("--") => {
                train_dir = Some(other.to_owned())
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let (Some(train_dir), Some(out)) = (train_dir, out) else {
        return Err("usage: corpus train-ner TRAIN_DIR --out FILE [--calibrate DIR] [--bits N] [--epochs N] [--seed N]".to_owned());
    };
    if !(12..=22).contains(&config.bits) {
        return Err("--bits must be between 12 and 22".to_owned());
    }
    let docs = read_folder(Path::new(&train_dir))?;
    let held = match &calibrate {
        Some(dir) => read_folder(Path::new(dir))?,
        None => Vec::new(),
    };
    let (bytes, report) = train::train(&docs, &held, &config);
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "corpus: trained on {} documents, {} lines, {} tokens; mistakes per epoch {:?}; {} of {} rows used; temperature {:.2}; wrote {} ({} bytes)",
        docs.len(),
        report.lines,
        report.tokens,
        report.mistakes,
        report.rows_used,
        1usize << config.bits,
        report.temperature,
        out,
        bytes.len()
    );
    Ok(())
}
