//! `corpus eval entities`: entity mentions against the gold standard's per-article `entities`
//! (every surface form with its type), its `cross_file_aliases` and its `distinct_lookalikes`.
//!
//! A mention counts once per article: the unit is (article, exact surface form, type), so a name
//! written five times in one article is one item, as the gold lists it.

use crate::eval::{ratio, GoldRun};
use corpus::{Document, EntityId};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Precision, recall and F1 of one type, or of all.
#[derive(Debug, Serialize, Default, Clone)]
pub struct Prf {
    /// Gold items.
    pub gold: usize,
    /// Items found.
    pub found: usize,
    /// Found items the gold has.
    pub matched: usize,
    /// matched / found.
    pub precision: f64,
    /// matched / gold.
    pub recall: f64,
    /// The harmonic mean of the two.
    pub f1: f64,
}

impl Prf {
    /// Counts `gold` items, `found` ones and the `matched` found ones the gold has.
    pub fn add(&mut self, gold: usize, found: usize, matched: usize) {
        self.gold += gold;
        self.found += found;
        self.matched += matched;
    }

    /// Sets precision, recall and F1 from the counts.
    pub fn finish(&mut self) {
        self.precision = ratio(self.matched, self.found);
        self.recall = ratio(self.matched, self.gold);
        self.f1 = if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        };
    }
}

/// The entity scores.
#[derive(Debug, Serialize, Default)]
pub struct EntityScore {
    /// Per type: PERSON, ORG, PLACE.
    pub by_type: BTreeMap<String, Prf>,
    /// All types together.
    pub micro: Prf,
    /// Gold alias groups whose every form, in every article, landed in one entity.
    pub alias_groups_found: usize,
    /// Gold alias groups.
    pub alias_groups: usize,
    /// Look-alike names the gold keeps apart that share an entity here (must be 0).
    pub lookalikes_merged: usize,
    /// Look-alike pairs checked.
    pub lookalike_pairs: usize,
    /// What went wrong, one line each.
    pub problems: Vec<String>,
}

/// A name with no-break spaces made plain, as ingest writes them (`_meta.nbsp_warning`).
fn plain(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

/// The text of each mention of a document, with its type label and entity.
fn mentions(doc: &Document) -> Vec<(String, &'static str, EntityId)> {
    doc.mentions
        .iter()
        .filter_map(|m| {
            let text = doc
                .field_text(m.field)
                .get(m.start as usize..m.end as usize)?;
            Some((plain(text), m.kind.label(), m.entity))
        })
        .collect()
}

/// Scores the entities of every matched article.
pub fn score_entities(run: &GoldRun) -> EntityScore {
    let mut score = EntityScore {
        problems: run.unmatched.clone(),
        ..EntityScore::default()
    };
    let mut by_type: BTreeMap<String, Prf> = BTreeMap::new();
    for (file, gold, doc) in run.pairs() {
        let gold_items: BTreeSet<(String, String)> = gold["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|e| {
                let kind = e["type"].as_str().unwrap_or("").to_owned();
                e["surface_forms"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(move |f| Some((plain(f.as_str()?), kind.clone())))
            })
            .collect();
        let found: BTreeSet<(String, String)> = mentions(doc)
            .into_iter()
            .map(|(text, kind, _)| (text, kind.to_owned()))
            .collect();
        for (text, kind) in &gold_items {
            let prf = by_type.entry(kind.clone()).or_default();
            prf.gold += 1;
            if found.contains(&(text.clone(), kind.clone())) {
                prf.matched += 1;
            } else {
                score
                    .problems
                    .push(format!("{file} “{}”: missed {kind} {text:?}", doc.title));
            }
        }
        for (text, kind) in &found {
            by_type.entry(kind.clone()).or_default().found += 1;
            if !gold_items.contains(&(text.clone(), kind.clone())) {
                score
                    .problems
                    .push(format!("{file} “{}”: extra {kind} {text:?}", doc.title));
            }
        }
    }
    let mut micro = Prf::default();
    for prf in by_type.values_mut() {
        prf.finish();
        micro.gold += prf.gold;
        micro.found += prf.found;
        micro.matched += prf.matched;
    }
    micro.finish();
    score.by_type = by_type;
    score.micro = micro;
    score_aliases(run, &mut score);
    score_lookalikes(run, &mut score);
    score
}

/// The document matched to a gold (file, index).
fn doc_of<'a>(run: &'a GoldRun, file: &str, index: usize) -> Option<&'a Document> {
    run.matched
        .get(&(file.to_owned(), index))
        .and_then(|&id| run.corpus.document(id))
}

/// The entities a form is found as in a document.
fn entities_of(doc: &Document, form: &str) -> BTreeSet<EntityId> {
    mentions(doc)
        .into_iter()
        .filter(|(text, _, _)| text == form)
        .map(|(_, _, entity)| entity)
        .collect()
}

fn score_aliases(run: &GoldRun, score: &mut EntityScore) {
    for group in run.gold["cross_file_aliases"]
        .as_array()
        .into_iter()
        .flatten()
    {
        score.alias_groups += 1;
        let name = group["canonical"].as_str().unwrap_or("?");
        let mut entities = BTreeSet::new();
        let mut missing = Vec::new();
        for occurrence in group["occurrences"].as_array().into_iter().flatten() {
            let file = occurrence["file"].as_str().unwrap_or("");
            let index = occurrence["index"].as_u64().unwrap_or(0) as usize;
            let Some(doc) = doc_of(run, file, index) else {
                missing.push(format!("{file}#{index}"));
                continue;
            };
            for form in occurrence["surface_forms"].as_array().into_iter().flatten() {
                let form = plain(form.as_str().unwrap_or(""));
                let found = entities_of(doc, &form);
                if found.is_empty() {
                    missing.push(format!("{form:?} in {file}#{index}"));
                }
                entities.extend(found);
            }
        }
        if missing.is_empty() && entities.len() == 1 {
            score.alias_groups_found += 1;
        } else {
            let names: Vec<String> = entities
                .iter()
                .filter_map(|&e| run.corpus.entity(e).map(|e| e.name.clone()))
                .collect();
            score.problems.push(format!(
                "alias group {name}: {} entities ({}){}",
                entities.len(),
                names.join(", "),
                if missing.is_empty() {
                    String::new()
                } else {
                    format!("; not found: {}", missing.join(", "))
                }
            ));
        }
    }
}

fn score_lookalikes(run: &GoldRun, score: &mut EntityScore) {
    // Every gold entity name → the entities its surface forms were found as.
    let mut found_as: BTreeMap<String, BTreeSet<EntityId>> = BTreeMap::new();
    for (_, gold, doc) in run.pairs() {
        for entity in gold["entities"].as_array().into_iter().flatten() {
            let name = entity["name"].as_str().unwrap_or("").to_owned();
            for form in entity["surface_forms"].as_array().into_iter().flatten() {
                let ids = entities_of(doc, &plain(form.as_str().unwrap_or("")));
                found_as.entry(name.clone()).or_default().extend(ids);
            }
        }
    }
    for group in run.gold["distinct_lookalikes"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let names: Vec<&str> = group["names"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                score.lookalike_pairs += 1;
                let (Some(x), Some(y)) = (found_as.get(*a), found_as.get(*b)) else {
                    continue;
                };
                if x.intersection(y).next().is_some() {
                    score.lookalikes_merged += 1;
                    score
                        .problems
                        .push(format!("look-alikes merged: {a} and {b}"));
                }
            }
        }
    }
}

/// The scores as a person reads them.
pub fn entities_report(score: &EntityScore) -> String {
    let line = |name: &str, p: &Prf| {
        format!(
            "{name:<15} precision {:5.1}% recall {:5.1}% F1 {:5.1}% ({} of {} gold, {} found)\n",
            p.precision * 100.0,
            p.recall * 100.0,
            p.f1 * 100.0,
            p.matched,
            p.gold,
            p.found
        )
    };
    let mut out = String::new();
    for (kind, prf) in &score.by_type {
        out.push_str(&line(kind, prf));
    }
    out.push_str(&line("micro", &score.micro));
    out.push_str(&format!(
        "alias groups    {} of {} found whole in one entity\n",
        score.alias_groups_found, score.alias_groups
    ));
    out.push_str(&format!(
        "look-alikes     {} of {} pairs merged\n",
        score.lookalikes_merged, score.lookalike_pairs
    ));
    for problem in &score.problems {
        out.push_str(&format!("  {problem}\n"));
    }
    out
}
