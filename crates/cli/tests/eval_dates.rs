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
