//! The seed targets, held through the scorer a user runs: `corpus eval ingest --gold ... --json`.

mod common;

#[test]
fn the_seeds_meet_every_ingest_target() {
    let gold = common::path("../../../shared/gold/seeds.json");
    let score =
        common::corpus_json(&["eval", "ingest", "--json", "--gold", gold.to_str().unwrap()]);
    let number = |field: &str| score[field].as_u64().unwrap_or(u64::MAX);
    let problems = &score["problems"];
    assert_eq!(number("gold_segments"), 11);
    assert_eq!(number("found_segments"), 11, "{problems:#}");
    assert_eq!(
        number("matched_segments"),
        11,
        "every title exact: {problems:#}"
    );
    assert_eq!(number("found_unique"), 10, "{problems:#}");
    assert_eq!(number("captions_exact"), 11, "{problems:#}");
    assert_eq!(number("datelines_exact"), 11, "{problems:#}");
    assert_eq!(number("subheadings_exact"), 11, "{problems:#}");
    assert_eq!(number("related_links_exact"), 11, "{problems:#}");
    assert_eq!(number("boilerplate_kept"), 0, "{problems:#}");
    assert_eq!(number("body_lines_dropped"), 0, "{problems:#}");
    assert_eq!(number("duplicate_pairs_found"), 1, "{problems:#}");
    assert_eq!(number("false_pairs"), 0, "{problems:#}");
    assert_eq!(problems.as_array().map(Vec::len), Some(0));
}
