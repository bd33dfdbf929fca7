//! `corpus eval pages DIR`: cleaning, titles, bylines and publication days of whole web pages
//! flattened to text, against a folder in the wcxb format: `DIR/pages/*.txt` and
//! `DIR/gold.jsonl`, one object per page with its `file`, `title`, `author`, `published` (an ISO
//! day or null) and `body` (paragraphs apart by a blank line).
//!
//! The body is scored as the article-extraction benchmarks do: 4-word shingles of lower-cased
//! word tokens (letters, digits and `_`), counted as a bag, precision and recall per page, each averaged over the
//! pages, and F1 of the two averages. A page that gives several articles is scored on all of
//! them together (and counted).

use corpus::extract::dates::{self, Field, NumericOrder, PublishedSource};
use corpus::Corpus;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

/// The page scores, as printed (and as `--json` writes them).
#[derive(Debug, Default, Serialize)]
pub struct PageScore {
    /// Pages scored.
    pub pages: usize,
    /// Mean body precision over pages (0–1).
    pub body_precision: f64,
    /// Mean body recall over pages (0–1).
    pub body_recall: f64,
    /// F1 of the two means.
    pub body_f1: f64,
    /// Pages whose title is exactly the gold title (white space and quote marks aside).
    pub titles_right: usize,
    /// Pages whose gold names an author.
    pub authors_gold: usize,
    /// Of those, pages whose byline names the author.
    pub authors_found: usize,
    /// Pages with a gold publication day.
    pub dated_pages: usize,
    /// Of those, pages whose text prints that day (in any common format).
    pub printed_pages: usize,
    /// Of the printed pages, those given the gold day as their stated publication day.
    pub printed_right: usize,
    /// Pages given a stated day that is not the gold day (of all pages with a gold day).
    pub stated_wrong: usize,
    /// Of the printed pages, those given no stated day.
    pub printed_missing: usize,
    /// Of the printed pages, those given another stated day: a day the text states wrongly.
    /// (A page whose text never prints its gold day, dated by the page's metadata, is wrong in
    /// `stated_wrong` even when the day it prints by the headline is read right.)
    pub printed_wrong: usize,
    /// Pages that gave more than one article.
    pub several_articles: usize,
    /// Seconds to build the corpus (everything `finish` does).
    pub seconds: f64,
    /// Per page, what went wrong, for a person to read.
    pub problems: Vec<String>,
}

/// Lower-cased word tokens: runs of letters, digits and `_`.
fn word_tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            current.extend(c.to_lowercase());
        } else if !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

/// The bag of 4-token shingles, with how often each occurs (a text of fewer tokens is one
/// shingle of them all). A bag, not a set: chrome repeated on a page counts every time.
pub fn shingles(text: &str) -> HashMap<String, usize> {
    let tokens = word_tokens(text);
    let mut bag = HashMap::new();
    if tokens.len() < 4 {
        if !tokens.is_empty() {
            bag.insert(tokens.join(" "), 1);
        }
        return bag;
    }
    for window in tokens.windows(4) {
        *bag.entry(window.join(" ")).or_default() += 1;
    }
    bag
}

/// Precision and recall of a found body against the gold body.
pub fn body_precision_recall(found: &str, gold: &str) -> (f64, f64) {
    let (found, gold) = (shingles(found), shingles(gold));
    let common: usize = found
        .iter()
        .map(|(shingle, &n)| n.min(gold.get(shingle).copied().unwrap_or(0)))
        .sum();
    let (found_n, gold_n) = (found.values().sum::<usize>(), gold.values().sum::<usize>());
    let precision = if found_n == 0 {
        if gold_n == 0 {
            1.0
        } else {
            0.0
        }
    } else {
        common as f64 / found_n as f64
    };
    let recall = if gold_n == 0 {
        1.0
    } else {
        common as f64 / gold_n as f64
    };
    (precision, recall)
}

/// A title as compared: white space collapsed, typographic quotes and dashes made plain.
fn title_key(title: &str) -> String {
    title
        .chars()
        .map(|c| match c {
            '‘' | '’' | '′' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the page's text prints `day` (ISO) in a form the date finder reads, either numeric order.
fn prints_day(text: &str, day: &str) -> bool {
    [NumericOrder::MonthFirst, NumericOrder::DayFirst]
        .into_iter()
        .any(|order| {
            dates::find_dates(text, Field::Body, order)
                .iter()
                .any(|m| m.value.as_deref() == Some(day))
        })
}

/// A folder in the wcxb format, read and built into a corpus.
pub struct Folder {
    /// The gold objects, one per page, in `gold.jsonl`'s order.
    pub gold: Vec<Value>,
    /// Each page's text, in the same order.
    pub texts: Vec<String>,
    /// The corpus of all the pages, finished.
    pub corpus: Corpus,
    /// Seconds `finish` took.
    pub seconds: f64,
}

/// Reads `DIR/gold.jsonl` and every page it names, and builds the corpus of them.
pub fn load_folder(dir: &Path) -> Result<Folder, String> {
    let gold_path = dir.join("gold.jsonl");
    let gold_text = std::fs::read_to_string(&gold_path)
        .map_err(|e| format!("cannot read {}: {e}", gold_path.display()))?;
    let mut gold = Vec::new();
    for (number, line) in gold_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line)
            .map_err(|e| format!("{} line {}: {e}", gold_path.display(), number + 1))?;
        gold.push(value);
    }
    let pages = dir.join("pages");
    let mut corpus = Corpus::new();
    let mut texts = Vec::with_capacity(gold.len());
    for page in &gold {
        let file = page["file"].as_str().unwrap_or_default().to_owned();
        let bytes = std::fs::read(pages.join(&file))
            .map_err(|e| format!("cannot read {}: {e}", pages.join(&file).display()))?;
        texts.push(String::from_utf8_lossy(&bytes).into_owned());
        // A page that gives no text is scored as empty, as a user would see it.
        let _ = corpus.add_file(&file, &bytes);
    }
    let started = Instant::now();
    corpus.finish();
    let seconds = started.elapsed().as_secs_f64();
    Ok(Folder {
        gold,
        texts,
        corpus,
        seconds,
    })
}

/// Scores every page of `dir`.
pub fn score_pages(dir: &Path) -> Result<PageScore, String> {
    let Folder {
        gold,
        texts,
        corpus,
        seconds,
    } = load_folder(dir)?;
    let mut score = PageScore {
        seconds,
        ..PageScore::default()
    };
    let (mut precision_sum, mut recall_sum) = (0.0, 0.0);
    for (page, text) in gold.iter().zip(&texts) {
        let file = page["file"].as_str().unwrap_or_default();
        let docs: Vec<_> = corpus
            .documents()
            .iter()
            .filter(|d| d.file == file)
            .collect();
        score.pages += 1;
        if docs.len() > 1 {
            score.several_articles += 1;
            score
                .problems
                .push(format!("{file}: {} articles", docs.len()));
        }
        let body = docs
            .iter()
            .map(|d| d.body.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let (p, r) = body_precision_recall(&body, page["body"].as_str().unwrap_or_default());
        precision_sum += p;
        recall_sum += r;
        if p < 0.8 || r < 0.8 {
            score
                .problems
                .push(format!("{file}: body precision {:.2} recall {:.2}", p, r));
        }
        let gold_title = page["title"].as_str().unwrap_or_default();
        let title = docs.first().map(|d| d.title.as_str()).unwrap_or_default();
        if title_key(title) == title_key(gold_title) {
            score.titles_right += 1;
        } else {
            score
                .problems
                .push(format!("{file}: title {title:?}, gold {gold_title:?}"));
        }
        if let Some(author) = page["author"].as_str().filter(|a| !a.trim().is_empty()) {
            score.authors_gold += 1;
            let byline = docs.first().and_then(|d| d.byline.as_deref()).unwrap_or("");
            let wanted = word_tokens(author);
            let have: HashSet<String> = word_tokens(byline).into_iter().collect();
            if !wanted.is_empty() && wanted.iter().all(|w| have.contains(w)) {
                score.authors_found += 1;
            }
        }
        let Some(day) = page["published"].as_str() else {
            continue;
        };
        score.dated_pages += 1;
        let published = docs.first().map(|d| &d.published);
        // A stated day: a year or a month stated is no day, right or wrong.
        let stated = published
            .filter(|p| {
                p.source == PublishedSource::Dateline || p.source == PublishedSource::FileName
            })
            .and_then(|p| p.value.as_deref())
            .filter(|value| value.len() == 10);
        let printed = prints_day(text, day);
        if printed {
            score.printed_pages += 1;
        }
        match stated {
            Some(value) if value == day => {
                if printed {
                    score.printed_right += 1;
                }
            }
            Some(value) => {
                score.stated_wrong += 1;
                if printed {
                    score.printed_wrong += 1;
                }
                score.problems.push(format!(
                    "{file}: stated day {value}, gold {day}{} ({:?})",
                    if printed { " (printed)" } else { "" },
                    published.and_then(|p| p.evidence.as_deref())
                ));
            }
            None => {
                if printed {
                    score.printed_missing += 1;
                    score
                        .problems
                        .push(format!("{file}: no stated day, gold {day} is printed"));
                }
            }
        }
    }
    let n = score.pages.max(1) as f64;
    score.body_precision = precision_sum / n;
    score.body_recall = recall_sum / n;
    let (p, r) = (score.body_precision, score.body_recall);
    score.body_f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    Ok(score)
}

fn percent(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// The scores as a person reads them: the problems first, the figures last.
pub fn pages_report(score: &PageScore) -> String {
    let mut out = String::new();
    for problem in &score.problems {
        out.push_str(problem);
        out.push('\n');
    }
    out.push_str(&format!(
        "pages           {} in {:.2} s\n",
        score.pages, score.seconds
    ));
    out.push_str(&format!(
        "body            F1 {:.3} (precision {:.3}, recall {:.3})\n",
        score.body_f1, score.body_precision, score.body_recall
    ));
    out.push_str(&format!(
        "title right     {:.1}% ({} of {})\n",
        percent(score.titles_right, score.pages),
        score.titles_right,
        score.pages
    ));
    out.push_str(&format!(
        "author found    {:.1}% ({} of {} with an author)\n",
        percent(score.authors_found, score.authors_gold),
        score.authors_found,
        score.authors_gold
    ));
    out.push_str(&format!(
        "day right       {:.1}% of the {} pages that print their day ({} right, {} missing, {} wrong: {:.1}%); {} wrong of {} dated pages ({:.1}%)\n",
        percent(score.printed_right, score.printed_pages),
        score.printed_pages,
        score.printed_right,
        score.printed_missing,
        score.printed_wrong,
        percent(score.printed_wrong, score.printed_pages),
        score.stated_wrong,
        score.dated_pages,
        percent(score.stated_wrong, score.dated_pages)
    ));
    out.push_str(&format!(
        "several         {} pages gave more than one article\n",
        score.several_articles
    ));
    out
}
