//! `corpus eval dates`: date mentions (span text and value) and publication dates against the
//! gold standard's `mentioned_dates`, `caption_dates` and `explicit_date`.

use crate::eval::{ratio, GoldRun};
use corpus::extract::dates::{DateMention, Field, PublishedSource};
use corpus::{Document, LineNo};
use serde::Serialize;

use std::collections::BTreeMap;

/// The date scores.
#[derive(Debug, Serialize, Default)]
pub struct DateScore {
    /// Gold mentions in bodies and captions.
    pub gold_mentions: usize,
    /// Mentions found in bodies and captions of the matched articles.
    pub found_mentions: usize,
    /// Found with the same line and text.
    pub matched_mentions: usize,
    /// Matched with the right value (the gold's, or resolved where the gold needs outside knowledge).
    pub right_values: usize,
    /// matched / found.
    pub precision: f64,
    /// matched / gold.
    pub recall: f64,
    /// Gold mentions whose text fixes a value (absolute dates).
    pub gold_absolute: usize,
    /// Of those, found with exactly that value.
    pub absolute_right: usize,
    /// Gold caption dates found in the caption (not mistaken for body or publication dates).
    pub caption_dates_kept_apart: usize,
    /// Gold caption dates.
    pub gold_caption_dates: usize,
    /// Articles whose publication date rests on a caption date (must be 0).
    pub caption_used_as_published: usize,
    /// Gold explicit datelines taken as the publication date with the right value.
    pub datelines_used: usize,
    /// Gold explicit datelines.
    pub gold_datelines: usize,
    /// How many articles got a publication date from what evidence.
    pub published_by_source: BTreeMap<String, usize>,
    /// What went wrong, one line each.
    pub problems: Vec<String>,
}

/// The source line a mention stands on.
fn line_of(doc: &Document, mention: &DateMention) -> Option<LineNo> {
    match mention.field {
        Field::Title => Some(doc.line),
        Field::Caption => doc.caption_line,
        Field::Dateline => doc.dateline_line,
        Field::Body => doc.body_line_at(mention.start),
    }
}

/// Scores the dates of every matched article.
pub fn score_dates(run: &GoldRun) -> DateScore {
    let mut score = DateScore {
        problems: run.unmatched.clone(),
        ..DateScore::default()
    };
    for (file, gold, doc) in run.pairs() {
        let title = &doc.title;
        let source = serde_json::to_value(doc.published.source)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        *score.published_by_source.entry(source).or_default() += 1;

        let mut ours: Vec<(LineNo, &DateMention, bool)> = doc
            .dates
            .iter()
            .filter(|m| matches!(m.field, Field::Body | Field::Caption))
            .filter_map(|m| line_of(doc, m).map(|line| (line, m, false)))
            .collect();
        score.found_mentions += ours.len();
        let golds = gold["mentioned_dates"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|g| (g, Field::Body))
            .chain(
                gold["caption_dates"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|g| (g, Field::Caption)),
            );
        for (g, field) in golds {
            let (line, text) = (
                g["line"].as_u64().unwrap_or(0) as LineNo,
                g["text"].as_str().unwrap_or(""),
            );
            let value = g["value"].as_str();
            score.gold_mentions += 1;
            if value.is_some() {
                score.gold_absolute += 1;
            }
            if field == Field::Caption {
                score.gold_caption_dates += 1;
            }
            let found = ours
                .iter_mut()
                .find(|(l, m, used)| !*used && *l == line && m.text == text && m.field == field);
            let Some((_, mention, used)) = found else {
                score.problems.push(format!(
                    "{file}: line {line}: {text:?} ({}) not found",
                    value.unwrap_or("relative")
                ));
                continue;
            };
            *used = true;
            score.matched_mentions += 1;
            if field == Field::Caption {
                score.caption_dates_kept_apart += 1;
            }
            let right = match value {
                Some(v) => mention.value.as_deref() == Some(v),
                None => mention.value.is_none() || mention.resolved,
            };
            if right {
                score.right_values += 1;
                if value.is_some() {
                    score.absolute_right += 1;
                }
            } else {
                score.problems.push(format!(
                    "{file}: line {line}: {text:?} valued {:?}, gold {value:?}",
                    mention.value
                ));
            }
        }
        for (line, mention, used) in &ours {
            if !used {
                score.problems.push(format!(
                    "{file}: line {line}: {:?} is not a date in the gold",
                    mention.text
                ));
            }
        }

        let caption_values: Vec<&str> = doc
            .dates
            .iter()
            .filter(|m| m.field == Field::Caption)
            .filter_map(|m| m.value.as_deref())
            .collect();
        let body_values: Vec<&str> = doc
            .dates
            .iter()
            .filter(|m| m.field != Field::Caption)
            .filter_map(|m| m.value.as_deref())
            .collect();
        if let Some(point) = doc.published.point() {
            if caption_values.contains(&point) && !body_values.contains(&point) {
                score.caption_used_as_published += 1;
                score
                    .problems
                    .push(format!("{file}: {title:?}: published from a caption date"));
            }
        }
        if let Some(explicit) = gold["explicit_date"].as_str() {
            score.gold_datelines += 1;
            if doc.published.source == PublishedSource::Dateline
                && doc.published.value.as_deref() == Some(explicit)
            {
                score.datelines_used += 1;
            } else {
                score.problems.push(format!(
                    "{file}: {title:?}: published {:?}, gold dateline {explicit}",
                    doc.published
                ));
            }
        }
    }
    score.precision = ratio(score.matched_mentions, score.found_mentions);
    score.recall = ratio(score.matched_mentions, score.gold_mentions);
    score
}

/// The scores as a person reads them.
pub fn dates_report(score: &DateScore) -> String {
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    let sources: Vec<String> = score
        .published_by_source
        .iter()
        .map(|(source, n)| format!("{n} {source}"))
        .collect();
    let mut out = format!(
        "mentions        precision {} recall {} ({} of {} gold, {} found), {} with the right value\n\
         absolute dates  {} of {} found with the right value\n\
         caption dates   {} of {} kept in the caption; {} publication dates from a caption\n\
         datelines       {} of {} used as the publication date\n\
         published       {}\n",
        pct(score.precision),
        pct(score.recall),
        score.matched_mentions,
        score.gold_mentions,
        score.found_mentions,
        score.right_values,
        score.absolute_right,
        score.gold_absolute,
        score.caption_dates_kept_apart,
        score.gold_caption_dates,
        score.caption_used_as_published,
        score.datelines_used,
        score.gold_datelines,
        sources.join(", "),
    );
    for problem in &score.problems {
        out.push_str(&format!("  - {problem}\n"));
    }
    out
}
