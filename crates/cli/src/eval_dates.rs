//! `corpus eval dates`: date mentions (span text and value) and publication dates against the
//! gold standard's `mentioned_dates`, `caption_dates` and `explicit_date`.

use crate::eval::{ratio, GoldRun};
use corpus::extract::calendar::{self, DayNumber};
use corpus::extract::dates::{self, DateMention, Field, PublishedSource};
use corpus::{Document, LineNo, Query, EARLIER, LATER};
use serde::Serialize;
use std::path::Path;

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

/// The publication-day scores of a folder in the wcxb format (`corpus eval dates DIR`): stated
/// days against the gold day, estimates of the pages that state none, and how much of the
/// corpus the timeline's span holds.
#[derive(Debug, Serialize, Default)]
pub struct FolderDateScore {
    /// Pages read.
    pub pages: usize,
    /// Pages with a gold publication day.
    pub dated_pages: usize,
    /// Of those, pages given a stated publication date.
    pub stated: usize,
    /// Stated days equal to the gold day.
    pub stated_right: usize,
    /// Stated days that are not the gold day (a stated month or year that misses it counts too).
    pub stated_wrong: usize,
    /// Dated pages that state nothing, so are estimated.
    pub estimated: usize,
    /// Of those, the estimate (the middle of the date it is drawn at) within 31 days of the gold day.
    pub estimated_within_month: usize,
    /// Of those, drawn more than 365 days before the gold day.
    pub estimated_year_early: usize,
    /// Of those, drawn more than 365 days after the gold day.
    pub estimated_year_late: usize,
    /// Of those, with no estimate at all (not drawn on the timeline).
    pub estimated_none: usize,
    /// Of those, whose gold day lies within the estimate's range (earliest to latest).
    pub estimated_in_range: usize,
    /// The timeline's span (first and last day, outliers aside) for the whole folder.
    pub span: Option<(String, String)>,
    /// The timeline's unit.
    pub unit: String,
    /// Of the dated pages, those whose gold day lies within the span.
    pub gold_in_span: usize,
    /// Stories drawn on the timeline, and of those, drawn within the span (not in the earlier
    /// or later bar).
    pub drawn: usize,
    /// See `drawn`.
    pub drawn_in_span: usize,
    /// Per page, what went wrong, for a person to read.
    pub problems: Vec<String>,
}

/// The middle day of an ISO date, month or year.
fn middle(iso: &str) -> Option<DayNumber> {
    dates::day_range(iso).map(|(a, b)| a + (b - a) / 2)
}

/// Scores the publication days of every page of `dir` (`DIR/gold.jsonl`, `DIR/pages/`).
pub fn score_folder(dir: &Path) -> Result<FolderDateScore, String> {
    let folder = crate::eval_pages::load_folder(dir)?;
    let corpus = &folder.corpus;
    let mut score = FolderDateScore {
        pages: folder.gold.len(),
        ..FolderDateScore::default()
    };
    let result = corpus.query(&Query {
        limit: 0,
        ..Query::default()
    });
    score.unit = result.histogram_unit.clone();
    let inside: Vec<_> = result
        .histogram
        .iter()
        .filter(|b| b.start != EARLIER && b.start != LATER)
        .collect();
    let span = inside
        .first()
        .zip(inside.last())
        .and_then(|(a, b)| Some((middle(&a.first_day)?, middle(&b.last_day)?)));
    score.span = inside
        .first()
        .zip(inside.last())
        .map(|(a, b)| (a.first_day.clone(), b.last_day.clone()));
    score.drawn = result.histogram.iter().map(|b| b.count).sum();
    score.drawn_in_span = inside.iter().map(|b| b.count).sum();

    let mut first_doc = std::collections::HashMap::new();
    for doc in corpus.documents() {
        first_doc.entry(doc.file.as_str()).or_insert(doc);
    }
    for page in &folder.gold {
        let file = page["file"].as_str().unwrap_or_default();
        let Some(gold) = page["published"].as_str().and_then(middle) else {
            continue;
        };
        score.dated_pages += 1;
        if span.is_some_and(|(a, b)| (a..=b).contains(&gold)) {
            score.gold_in_span += 1;
        }
        let Some(doc) = first_doc.get(file) else {
            score.estimated += 1;
            score.estimated_none += 1;
            continue;
        };
        let published = &doc.published;
        let evidence = published.evidence.as_deref().unwrap_or("");
        if published.source.is_stated() {
            score.stated += 1;
            let value = published.value.as_deref().unwrap_or("");
            match dates::day_range(value) {
                Some((a, b)) if a == b && a == gold => score.stated_right += 1,
                Some((a, b)) if a < b && (a..=b).contains(&gold) => {}
                _ => {
                    score.stated_wrong += 1;
                    score.problems.push(format!(
                        "{file}: stated {value}, gold {} ({evidence:?})",
                        calendar::iso_day(gold)
                    ));
                }
            }
            continue;
        }
        score.estimated += 1;
        let low = published.earliest.as_deref().and_then(dates::day_range);
        let high = published.latest.as_deref().and_then(dates::day_range);
        if low.is_some_and(|(a, _)| a <= gold) && high.is_none_or(|(_, b)| gold <= b) {
            score.estimated_in_range += 1;
        }
        let Some(drawn) = published.point().and_then(middle) else {
            score.estimated_none += 1;
            continue;
        };
        let off = drawn - gold;
        if off.abs() <= 31 {
            score.estimated_within_month += 1;
        } else if !(-365..=365).contains(&off) {
            if off < 0 {
                score.estimated_year_early += 1;
            } else {
                score.estimated_year_late += 1;
            }
            score.problems.push(format!(
                "{file}: drawn at {}, {} days {} the gold {} (between {} and {}; {evidence:?})",
                calendar::iso_day(drawn),
                off.abs(),
                if off < 0 { "before" } else { "after" },
                calendar::iso_day(gold),
                published.earliest.as_deref().unwrap_or("?"),
                published.latest.as_deref().unwrap_or("?"),
            ));
        }
    }
    Ok(score)
}

/// The folder's date scores as a person reads them: the problems first, the figures last.
pub fn folder_report(score: &FolderDateScore) -> String {
    let pct = |a: usize, b: usize| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    let mut out = String::new();
    for problem in &score.problems {
        out.push_str(problem);
        out.push('\n');
    }
    out.push_str(&format!(
        "pages           {} ({} with a gold day)\n",
        score.pages, score.dated_pages
    ));
    out.push_str(&format!(
        "stated          {} pages: {} the right day, {} wrong ({:.1}% of the dated pages)\n",
        score.stated,
        score.stated_right,
        score.stated_wrong,
        pct(score.stated_wrong, score.dated_pages)
    ));
    out.push_str(&format!(
        "estimated       {} pages: {:.1}% within a month, {:.1}% over a year early, {:.1}% over a year late, {} not drawn; gold within the range for {:.1}%\n",
        score.estimated,
        pct(score.estimated_within_month, score.estimated),
        pct(score.estimated_year_early, score.estimated),
        pct(score.estimated_year_late, score.estimated),
        score.estimated_none,
        pct(score.estimated_in_range, score.estimated),
    ));
    let (first, last) = score.span.clone().unwrap_or_default();
    out.push_str(&format!(
        "timeline        {first} to {last} by {}: holds {:.1}% of the dated pages' gold days, {:.1}% of the {} stories drawn\n",
        score.unit,
        pct(score.gold_in_span, score.dated_pages),
        pct(score.drawn_in_span, score.drawn),
        score.drawn
    ));
    out
}
