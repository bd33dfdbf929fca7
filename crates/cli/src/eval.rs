//! `corpus eval ingest`: scores segmentation, cleaning and duplicate detection against a
//! hand-checked gold standard (the format of `shared/gold/seeds.json`: one key per file holding
//! its articles in file order, and `duplicate_groups`).

use corpus::{Corpus, Document};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashSet};

pub use crate::eval_dates::{dates_report, score_dates};
use std::path::{Path, PathBuf};

/// The scores, as printed (and as `--json` writes them).
#[derive(Debug, Serialize, Default)]
pub struct IngestScore {
    /// Articles in the gold standard.
    pub gold_segments: usize,
    /// Articles found.
    pub found_segments: usize,
    /// Found articles whose title is exactly a gold title of the same file.
    pub matched_segments: usize,
    /// matched / found.
    pub segment_precision: f64,
    /// matched / gold.
    pub segment_recall: f64,
    /// Stories after removing copies (gold, found).
    pub gold_unique: usize,
    /// Stories found after removing copies.
    pub found_unique: usize,
    /// Matched articles whose caption is exactly the gold caption (or both have none).
    pub captions_exact: usize,
    /// Matched articles whose dateline is the gold dateline (or both have none).
    pub datelines_exact: usize,
    /// Matched articles whose subheadings are exactly the gold ones.
    pub subheadings_exact: usize,
    /// Matched articles whose related links are exactly the gold ones.
    pub related_links_exact: usize,
    /// Gold boilerplate lines that stayed in a body.
    pub boilerplate_kept: usize,
    /// Gold boilerplate lines in all.
    pub boilerplate_total: usize,
    /// Gold body lines missing from the body.
    pub body_lines_dropped: usize,
    /// Gold body lines in all.
    pub body_lines_total: usize,
    /// Gold duplicate pairs (canonical, copy) found.
    pub duplicate_pairs_found: usize,
    /// Gold duplicate pairs.
    pub duplicate_pairs_gold: usize,
    /// Pairs found that the gold does not have.
    pub false_pairs: usize,
    /// What went wrong, one line each, for a person to read.
    pub problems: Vec<String>,
}

type ArticleKey = (String, usize);

/// a / b, or 1 when there is nothing to count.
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The gold standard, the corpus built from its seed files, and which found article is which
/// gold article (matched by exact title, in file order).
pub struct GoldRun {
    pub(crate) gold: Value,
    pub(crate) corpus: Corpus,
    /// Per file, the gold articles.
    pub(crate) files: BTreeMap<String, Vec<Value>>,
    /// Per file, its lines (decoded), for reading gold line numbers.
    pub(crate) sources: BTreeMap<String, Vec<String>>,
    /// (file, gold index) → found document id.
    pub(crate) matched: BTreeMap<ArticleKey, corpus::DocId>,
    /// Gold articles with no found article, and found articles the gold lacks.
    pub(crate) unmatched: Vec<String>,
}

impl GoldRun {
    /// Loads the gold standard, ingests the seeds it names from `seeds` (by default the `seeds/`
    /// folder beside the gold file's folder) and matches articles.
    pub fn load(gold_path: &Path, seeds: Option<PathBuf>) -> Result<GoldRun, String> {
        let gold_text = std::fs::read_to_string(gold_path)
            .map_err(|e| format!("{}: cannot read: {e}", gold_path.display()))?;
        let gold: Value = serde_json::from_str(&gold_text)
            .map_err(|e| format!("{}: not valid JSON: {e}", gold_path.display()))?;
        let seeds = seeds.unwrap_or_else(|| {
            gold_path
                .parent()
                .and_then(Path::parent)
                .unwrap_or(Path::new("."))
                .join("seeds")
        });
        let files: BTreeMap<String, Vec<Value>> = gold
            .as_object()
            .ok_or("the gold standard is not a JSON object")?
            .iter()
            .filter(|(name, _)| !name.starts_with('_'))
            .filter_map(|(name, value)| {
                value
                    .as_array()
                    .map(|articles| (name.clone(), articles.clone()))
            })
            .filter(|(_, articles)| {
                articles.iter().all(|a| a["title"].is_string()) && !articles.is_empty()
            })
            .collect();
        let mut corpus = Corpus::new();
        let mut sources = BTreeMap::new();
        for name in files.keys() {
            let path = seeds.join(name);
            let bytes = std::fs::read(&path)
                .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
            let text = corpus::ingest::decode(&bytes).unwrap_or_default();
            sources.insert(name.clone(), text.split('\n').map(str::to_owned).collect());
            corpus
                .add_file(name, &bytes)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        corpus.finish();
        let mut matched = BTreeMap::new();
        let mut unmatched = Vec::new();
        for (name, articles) in &files {
            let mut unused: Vec<&Document> = corpus
                .documents()
                .iter()
                .filter(|d| &d.file == name)
                .collect();
            for (gold_index, article) in articles.iter().enumerate() {
                let title = article["title"].as_str().unwrap_or("");
                match unused.iter().position(|d| d.title == title) {
                    Some(at) => {
                        matched.insert((name.clone(), gold_index), unused.remove(at).id);
                    }
                    None => unmatched.push(format!("{name}: no article titled {title:?}")),
                }
            }
            for doc in unused {
                unmatched.push(format!(
                    "{name}: an article the gold does not have: {:?}",
                    doc.title
                ));
            }
        }
        Ok(GoldRun {
            gold,
            corpus,
            files,
            sources,
            matched,
            unmatched,
        })
    }

    /// Each matched pair: (file, gold article, found document).
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (&str, &Value, &Document)> {
        self.matched.iter().filter_map(|((file, index), id)| {
            Some((
                file.as_str(),
                self.files.get(file)?.get(*index)?,
                self.corpus.document(*id)?,
            ))
        })
    }
}

/// Scores segmentation, cleaning and duplicates.
pub fn score_ingest(run: &GoldRun) -> IngestScore {
    let corpus = &run.corpus;
    let gold = &run.gold;
    let mut score = IngestScore {
        found_segments: corpus.documents().len(),
        found_unique: corpus.unique_stories(),
        gold_unique: gold["unique_articles"].as_u64().unwrap_or(0) as usize,
        gold_segments: run.files.values().map(Vec::len).sum(),
        matched_segments: run.matched.len(),
        problems: run.unmatched.clone(),
        ..IngestScore::default()
    };
    for (file, article, doc) in run.pairs() {
        check_article(&mut score, file, article, doc, &run.sources[file]);
    }
    // Where each found document sits: (file, index within the file).
    let mut position: Vec<ArticleKey> = Vec::new();
    let mut counters: BTreeMap<&str, usize> = BTreeMap::new();
    for doc in corpus.documents() {
        let n = counters.entry(&doc.file).or_default();
        position.push((doc.file.clone(), *n));
        *n += 1;
    }
    let gold_pairs: HashSet<(ArticleKey, ArticleKey)> = gold["duplicate_groups"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|group| {
            let members: Vec<(ArticleKey, bool)> = group
                .as_array()
                .into_iter()
                .flatten()
                .map(|m| {
                    let key = (
                        m["file"].as_str().unwrap_or("").to_owned(),
                        m["index"].as_u64().unwrap_or(0) as usize,
                    );
                    (key, m["canonical"].as_bool().unwrap_or(false))
                })
                .collect();
            let canonical = members.iter().find(|(_, c)| *c).map(|(k, _)| k.clone());
            members
                .into_iter()
                .filter(|(_, c)| !c)
                .filter_map(move |(key, _)| canonical.clone().map(|c| (c, key)))
        })
        .collect();
    score.duplicate_pairs_gold = gold_pairs.len();
    let found_pairs: BTreeSet<(ArticleKey, ArticleKey)> = corpus
        .documents()
        .iter()
        .filter_map(|doc| {
            doc.duplicate_of.map(|original| {
                (
                    position[original as usize].clone(),
                    position[doc.id as usize].clone(),
                )
            })
        })
        .collect();
    for pair in &found_pairs {
        if gold_pairs.contains(pair) {
            score.duplicate_pairs_found += 1;
        } else {
            score.false_pairs += 1;
            score
                .problems
                .push(format!("a false duplicate pair: {pair:?}"));
        }
    }
    for pair in gold_pairs.difference(&found_pairs.iter().cloned().collect()) {
        score
            .problems
            .push(format!("a duplicate pair not found: {pair:?}"));
    }
    score.segment_precision = ratio(score.matched_segments, score.found_segments);
    score.segment_recall = ratio(score.matched_segments, score.gold_segments);
    score
}

/// Counts a field found exactly as the gold has it, or notes the difference as a problem.
fn tally<T: PartialEq + std::fmt::Debug>(
    (exact, problems): (&mut usize, &mut Vec<String>),
    context: &str,
    what: &str,
    found: &T,
    gold: &T,
) {
    if found == gold {
        *exact += 1;
    } else {
        problems.push(format!("{context}: {what} {found:?}, gold {gold:?}"));
    }
}

fn check_article(
    score: &mut IngestScore,
    file: &str,
    gold: &Value,
    doc: &Document,
    lines: &[String],
) {
    let context = format!("{file}: {:?}", doc.title);
    let gold_caption = gold["caption"].as_str();
    tally(
        (&mut score.captions_exact, &mut score.problems),
        &context,
        "caption",
        &doc.caption.as_deref(),
        &gold_caption,
    );
    let gold_dateline = gold["dateline"]["text"].as_str().map(str::trim);
    tally(
        (&mut score.datelines_exact, &mut score.problems),
        &context,
        "dateline",
        &doc.dateline.as_deref(),
        &gold_dateline,
    );
    let gold_subheadings: Vec<&str> = gold["subheadings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["text"].as_str())
        .collect();
    let subheadings: Vec<&str> = doc.subheadings.iter().map(String::as_str).collect();
    tally(
        (&mut score.subheadings_exact, &mut score.problems),
        &context,
        "subheadings",
        &subheadings,
        &gold_subheadings,
    );
    let gold_links: Vec<&str> = gold["related_links"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let links: Vec<&str> = doc.related_links.iter().map(String::as_str).collect();
    tally(
        (&mut score.related_links_exact, &mut score.problems),
        &context,
        "related links",
        &links,
        &gold_links,
    );

    let body: HashSet<u32> = doc.body_lines.iter().copied().collect();
    let boilerplate: HashSet<u64> = gold["boilerplate_detail"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|b| b["line"].as_u64())
        .collect();
    score.boilerplate_total += boilerplate.len();
    for &line in &boilerplate {
        if body.contains(&(line as u32)) {
            score.boilerplate_kept += 1;
            score
                .problems
                .push(format!("{file}: line {line}: boilerplate kept in the body"));
        }
    }
    let start = gold["body_lines"]["start"].as_u64().unwrap_or(1);
    let end = gold["body_lines"]["end"].as_u64().unwrap_or(0);
    for line in start..=end {
        let text = lines.get(line as usize - 1).map(|l| l.trim()).unwrap_or("");
        if text.is_empty() || boilerplate.contains(&line) {
            continue;
        }
        score.body_lines_total += 1;
        if !body.contains(&(line as u32)) {
            score.body_lines_dropped += 1;
            score
                .problems
                .push(format!("{file}: line {line}: body line dropped: {text:?}"));
        }
    }
}

/// The scores as a person reads them.
pub fn report(score: &IngestScore) -> String {
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    let mut out = format!(
        "segments        precision {} recall {} ({} of {} gold, {} found)\n\
         unique stories  {} found, gold {}\n\
         captions        {} of {} exact\n\
         datelines       {} of {} exact\n\
         subheadings     {} of {} articles exact\n\
         related links   {} of {} articles exact\n\
         boilerplate     {} of {} lines kept in a body\n\
         body lines      {} of {} dropped\n\
         duplicates      {} of {} pairs found, {} false pairs\n",
        pct(score.segment_precision),
        pct(score.segment_recall),
        score.matched_segments,
        score.gold_segments,
        score.found_segments,
        score.found_unique,
        score.gold_unique,
        score.captions_exact,
        score.matched_segments,
        score.datelines_exact,
        score.matched_segments,
        score.subheadings_exact,
        score.matched_segments,
        score.related_links_exact,
        score.matched_segments,
        score.boilerplate_kept,
        score.boilerplate_total,
        score.body_lines_dropped,
        score.body_lines_total,
        score.duplicate_pairs_found,
        score.duplicate_pairs_gold,
        score.false_pairs,
    );
    for problem in &score.problems {
        out.push_str(&format!("  - {problem}\n"));
    }
    out
}
