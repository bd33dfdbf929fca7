//! The date targets on the seeds, held through `corpus eval dates --json`.

mod common;

#[test]
fn every_absolute_date_is_right_and_no_caption_dates_a_story() {
    let gold = common::path("../../../shared/gold/seeds.json");
    let score = common::corpus_json(&["eval", "dates", "--json", "--gold", gold.to_str().unwrap()]);
    let number = |field: &str| score[field].as_u64().unwrap_or(u64::MAX);
    let problems = &score["problems"];
    assert_eq!(
        number("absolute_right"),
        number("gold_absolute"),
        "{problems:#}"
    );
    assert_eq!(number("gold_absolute"), 14);
    assert_eq!(number("caption_used_as_published"), 0, "{problems:#}");
    assert_eq!(
        number("caption_dates_kept_apart"),
        number("gold_caption_dates"),
        "{problems:#}"
    );
    assert_eq!(
        (number("datelines_used"), number("gold_datelines")),
        (1, 1),
        "{problems:#}"
    );
    assert!(score["recall"].as_f64().unwrap() >= 0.95, "{problems:#}");
    assert!(score["precision"].as_f64().unwrap() >= 0.95, "{problems:#}");
    assert_eq!(score["published_by_source"]["dateline"], 1);
}

/// A corpus of a few weeks' pages whose text no longer prints their day: wcxb-dev's pages
/// published from 2025-11-25 to 2026-01-05, every line printing the page's own day removed,
/// written as a folder in the same format.
fn undated_weeks() -> std::path::PathBuf {
    use corpus::extract::dates::{find_dates, Field, NumericOrder};
    let source = common::path("../../../shared/corpora/wcxb-dev");
    let dir = std::env::temp_dir().join(format!("undated-weeks-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pages")).unwrap();
    let gold = std::fs::read_to_string(source.join("gold.jsonl")).unwrap();
    let mut kept = String::new();
    for line in gold.lines() {
        let page: serde_json::Value = serde_json::from_str(line).unwrap();
        let Some(day) = page["published"].as_str() else {
            continue;
        };
        if !("2025-11-25".."2026-01-06").contains(&day) {
            continue;
        }
        let file = page["file"].as_str().unwrap();
        let text = std::fs::read_to_string(source.join("pages").join(file)).unwrap();
        let prints_day = |line: &str| {
            [NumericOrder::MonthFirst, NumericOrder::DayFirst]
                .into_iter()
                .any(|order| {
                    find_dates(line, Field::Body, order)
                        .iter()
                        .any(|m| m.value.as_deref() == Some(day))
                })
        };
        let undated: Vec<&str> = text.lines().filter(|l| !prints_day(l)).collect();
        std::fs::write(dir.join("pages").join(file), undated.join("\n")).unwrap();
        kept.push_str(line);
        kept.push('\n');
    }
    std::fs::write(dir.join("gold.jsonl"), kept).unwrap();
    dir
}

#[test]
fn a_few_weeks_of_undated_pages_are_drawn_near_their_day() {
    let dir = undated_weeks();
    let score = common::corpus_json(&["eval", "dates", "--json", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    let number = |field: &str| score[field].as_u64().unwrap_or(u64::MAX) as f64;
    let problems = &score["problems"];
    assert!(number("dated_pages") >= 150.0, "{score:#}");
    let estimated = number("estimated");
    let near = number("estimated_within_month") / estimated;
    let early = number("estimated_year_early") / estimated;
    eprintln!("{estimated} estimated, {near} within a month, {early} over a year early");
    assert!(near >= 0.5, "{near} within a month: {problems:#}");
    assert!(early <= 0.05, "{early} over a year early: {problems:#}");
}

#[test]
fn the_timeline_of_real_pages_spans_where_they_are() {
    let dir = common::path("../../../shared/corpora/wcxb-dev");
    let score = common::corpus_json(&["eval", "dates", "--json", dir.to_str().unwrap()]);
    let number = |field: &str| score[field].as_u64().unwrap_or(u64::MAX) as f64;
    let held = number("gold_in_span") / number("dated_pages");
    assert!(held >= 0.95, "the span holds {held} of the gold days");
    let drawn = number("drawn_in_span") / number("drawn");
    assert!(drawn >= 0.95, "the span holds {drawn} of the stories drawn");
    let early = number("estimated_year_early") / number("estimated");
    assert!(early <= 0.05, "{early} of the estimates over a year early");
    let wrong = number("stated_wrong") / number("dated_pages");
    assert!(
        wrong <= 0.05,
        "{wrong} of the dated pages given a wrong stated day"
    );
}

/// News of a few weeks with no dateline (written for the tests): the stories are drawn near
/// the days they were written, by the days they name with their weekday and by the corpus as a
/// whole, and none over a year early.
#[test]
fn undated_news_of_a_few_weeks_is_drawn_near_its_days() {
    let dir = common::path("tests/undated-news");
    let score = common::corpus_json(&["eval", "dates", "--json", dir.to_str().unwrap()]);
    let number = |field: &str| score[field].as_u64().unwrap_or(u64::MAX) as f64;
    let problems = &score["problems"];
    assert_eq!(number("dated_pages"), 60.0, "{score:#}");
    assert_eq!(
        number("stated"),
        0.0,
        "no story states its day: {problems:#}"
    );
    let estimated = number("estimated");
    let near = number("estimated_within_month") / estimated;
    let early = number("estimated_year_early") / estimated;
    assert!(near >= 0.8, "{near} within a month: {problems:#}");
    assert!(early <= 0.05, "{early} over a year early: {problems:#}");
}
