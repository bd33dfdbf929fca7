//! `corpus search` on the seed files: the stories that hold a phrase, best first, each with the
//! byte ranges of its matches, and none that holds an excluded word.

mod common;

fn search(args: &[&str]) -> Vec<serde_json::Value> {
    let seeds = common::path("../../../shared/seeds");
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push(seeds.to_str().unwrap());
    String::from_utf8(common::corpus_ok(&all))
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn marked(hit: &serde_json::Value, field: &str, marks: &str) -> Vec<String> {
    let text = hit[field].as_str().unwrap();
    hit[marks]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let (a, b) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            text[a..b].to_lowercase()
        })
        .collect()
}

#[test]
fn a_phrase_finds_the_stories_that_hold_it_with_their_matches_marked() {
    let hits = search(&["\"prime minister\""]);
    assert!(!hits.is_empty());
    for (rank, hit) in hits.iter().enumerate() {
        assert_eq!(hit["rank"], rank + 1);
        let mut marks = marked(hit, "snippet", "snippet_marks");
        marks.extend(marked(hit, "title", "title_marks"));
        assert!(
            marks
                .iter()
                .any(|m| m.split_whitespace().collect::<Vec<_>>() == ["prime", "minister"]),
            "{marks:?}"
        );
    }
    // Every story holding the phrase, and only those, each once.
    let ids: std::collections::HashSet<u64> =
        hits.iter().map(|h| h["id"].as_u64().unwrap()).collect();
    assert_eq!(ids.len(), hits.len());
    let excluded = search(&["\"prime minister\" -kataib"]);
    assert!(excluded.len() < hits.len());
    let limited = search(&["--limit", "2", "--sort", "source", "iraq"]);
    assert_eq!(limited.len(), 2);
    assert!(limited[0]["id"].as_u64() < limited[1]["id"].as_u64());
}
