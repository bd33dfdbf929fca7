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

/// Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes and line
/// breaks).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn export_gives_the_filtered_articles_and_their_entities_as_csv_and_json_lines() {
    let seeds = common::path("../../../shared/seeds");
    let seeds = seeds.to_str().unwrap();
    let found = search(&["militias"]).len();
    let csv = String::from_utf8(common::corpus_ok(&[
        "export", "--search", "militias", "--body", seeds,
    ]))
    .unwrap();
    let rows = csv_rows(&csv);
    assert_eq!(
        rows[0],
        [
            "id",
            "file",
            "line",
            "title",
            "published",
            "published_source",
            "entities",
            "topics",
            "body"
        ]
    );
    assert_eq!(rows.len() - 1, found, "one row per story the search finds");
    for row in &rows[1..] {
        assert_eq!(row.len(), 9);
        assert!(row[8].to_lowercase().contains("militia"), "{}", row[3]);
    }
    let jsonl = String::from_utf8(common::corpus_ok(&[
        "export",
        "--format",
        "jsonl",
        "--entity",
        "Mohammed Shia al-Sudani",
        seeds,
    ]))
    .unwrap();
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "the three stories naming him");
    for line in &lines {
        let names: Vec<&str> = line["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"Mohammed Shia al-Sudani"));
        assert!(line.get("body").is_none(), "no body unless asked for");
    }
    let entities = String::from_utf8(common::corpus_ok(&["export", "--entities", seeds])).unwrap();
    let table = csv_rows(&entities);
    assert_eq!(table[0], ["name", "type", "forms", "stories"]);
    let sudani = table
        .iter()
        .find(|row| row[0] == "Mohammed Shia al-Sudani")
        .expect("he is in the table");
    assert_eq!((sudani[1].as_str(), sudani[3].as_str()), ("PERSON", "3"));
}
