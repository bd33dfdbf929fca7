//! The entity targets on the seeds, held through `corpus eval entities --json`, and the
//! `mentions` of `corpus ingest`.

mod common;

use std::path::Path;
use std::process::Command;

/// `corpus eval entities --json` against a gold file, with the articles in `seeds` if given.
fn score(gold: &Path, seeds: Option<&Path>) -> serde_json::Value {
    let mut args = vec![
        "eval",
        "entities",
        "--json",
        "--gold",
        gold.to_str().unwrap(),
    ];
    if let Some(seeds) = seeds {
        args.extend(["--seeds", seeds.to_str().unwrap()]);
    }
    common::corpus_json(&args)
}

#[test]
fn entity_mentions_aliases_and_look_alikes_meet_the_targets() {
    let score = score(&common::path("../../../shared/gold/seeds.json"), None);
    let problems = &score["problems"];
    let f1 = score["micro"]["f1"].as_f64().unwrap();
    assert!(f1 >= 0.90, "micro F1 {f1}: {problems:#}");
    for kind in ["PERSON", "ORG", "PLACE"] {
        let f1 = score["by_type"][kind]["f1"].as_f64().unwrap();
        assert!(f1 >= 0.80, "{kind} F1 {f1}: {problems:#}");
    }
    assert_eq!(score["alias_groups"], 13);
    assert_eq!(score["alias_groups_found"], 13, "{problems:#}");
    assert_eq!(score["lookalikes_merged"], 0, "{problems:#}");
}

#[test]
fn ingest_lists_each_mention_with_its_span_type_and_entity() {
    let seed = common::path("../../../shared/seeds/004_0012a492e006fc77.txt");
    let output = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["ingest", seed.to_str().unwrap()])
        .output()
        .expect("the corpus binary runs");
    assert!(output.status.success());
    let articles: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let mut sudani_forms = std::collections::BTreeSet::new();
    for article in &articles {
        for mention in article["mentions"].as_array().unwrap() {
            let field = mention["field"].as_str().unwrap();
            let text = article[field].as_str().unwrap();
            let (start, end) = (
                mention["start"].as_u64().unwrap() as usize,
                mention["end"].as_u64().unwrap() as usize,
            );
            // The offsets are bytes into the field, and the text is what stands there.
            assert_eq!(&text[start..end], mention["text"].as_str().unwrap());
            assert!(["PERSON", "ORG", "PLACE"].contains(&mention["type"].as_str().unwrap()));
            if mention["entity"] == "Mohammed Shia al-Sudani" {
                sudani_forms.insert(mention["text"].as_str().unwrap().to_owned());
            }
        }
    }
    // Every way the two articles write the prime minister's name leads to one entity.
    for form in ["Sudani", "Mohammed Shia al-Sudani", "Al-Sudani"] {
        assert!(sudani_forms.contains(form), "{sudani_forms:?}");
    }
}

#[test]
fn held_out_articles_keep_a_useful_score() {
    // Two sets of eight articles written for these tests and annotated by hand, in the gold
    // format; the second was scored once and never tuned on.
    for set in ["tests/heldout", "tests/heldout2"] {
        let dir = common::path(set);
        let score = score(&dir.join("gold.json"), Some(&dir.join("articles")));
        let problems = &score["problems"];
        let f1 = score["micro"]["f1"].as_f64().unwrap();
        assert!(f1 >= 0.80, "{set}: micro F1 {f1}: {problems:#}");
        assert_eq!(
            score["alias_groups_found"], score["alias_groups"],
            "{set}: {problems:#}"
        );
    }
}

/// `corpus eval entities FILE --json` on annotated text.
fn score_annotated(file: &str) -> serde_json::Value {
    let path = common::path(file);
    common::corpus_json(&["eval", "entities", path.to_str().unwrap(), "--json"])
}

#[test]
fn annotated_text_never_trained_on_keeps_its_score() {
    // Every fifth Wikipedia document of wikigold, and the UNER test set of the English Web
    // Treebank, left out of training (see data/ner/README.md).
    let wiki = score_annotated("../../data/ner/heldout/wikigold-heldout.conll");
    let f1 = |s: &serde_json::Value, part: &str| s[part]["all"]["f1"].as_f64().unwrap();
    assert!(f1(&wiki, "pipeline") >= 0.60, "{wiki:#}");
    assert!(f1(&wiki, "recogniser") >= 0.62, "{wiki:#}");
    for kind in ["PERSON", "ORG", "PLACE"] {
        let by = wiki["recogniser"]["by_type"][kind]["f1"].as_f64().unwrap();
        assert!(by >= 0.45, "{kind}: {wiki:#}");
    }
    let web = score_annotated("../../data/ner/heldout/uner-ewt-test.iob2");
    assert!(f1(&web, "recogniser") >= 0.60, "{web:#}");
    // Precision holds on web text even where lone first names are left out.
    assert!(
        web["pipeline"]["all"]["precision"].as_f64().unwrap() >= 0.60,
        "{web:#}"
    );
}

#[test]
fn news_wire_with_results_tables_keeps_its_score() {
    // Forty stories written in the manner of 1996 wire reports (headlines in capitals,
    // datelines, results tables, scoreboards), annotated by the CoNLL-2003 guidelines; never
    // trained on.
    let wire = score_annotated("tests/wire-1996/wire.conll");
    let pipeline = &wire["pipeline"];
    assert!(pipeline["all"]["f1"].as_f64().unwrap() >= 0.72, "{wire:#}");
    assert!(
        pipeline["all"]["precision"].as_f64().unwrap() >= 0.80,
        "{wire:#}"
    );
    // The teams and players of the tables are found, not only the names of the prose.
    for kind in ["PERSON", "ORG", "PLACE"] {
        let by = pipeline["by_type"][kind]["f1"].as_f64().unwrap();
        assert!(by >= 0.65, "{kind}: {wire:#}");
    }
}

#[test]
fn news_never_tuned_on_meets_the_targets() {
    // Written apart and only scored: 35 wire stories in the manner of 1996 (target 0.70) and
    // 35 stories of 2020 news (target 0.80), annotated by the CoNLL-2003 guidelines.
    let f1 = |s: &serde_json::Value| s["pipeline"]["all"]["f1"].as_f64().unwrap();
    let wire = score_annotated("tests/wire-1996-heldout/wire.conll");
    assert!(f1(&wire) >= 0.70, "{wire:#}");
    let news = score_annotated("tests/news-2020-heldout/news.conll");
    assert!(f1(&news) >= 0.80, "{news:#}");
    // No type is left behind on 2020 news.
    for kind in ["PERSON", "ORG", "PLACE"] {
        let by = news["pipeline"]["by_type"][kind]["f1"].as_f64().unwrap();
        assert!(by >= 0.75, "{kind}: {news:#}");
    }
}

#[test]
fn training_is_deterministic() {
    let dir = std::env::temp_dir().join(format!("corpus-train-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let train = common::path("../../data/ner/calibrate");
    let mut models = Vec::new();
    for run in ["a", "b"] {
        let out = dir.join(format!("{run}.bin"));
        common::corpus_ok(&[
            "train-ner",
            train.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--bits",
            "14",
            "--epochs",
            "2",
        ]);
        models.push(std::fs::read(&out).unwrap());
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(models[0].len() > 1 << 14, "{} bytes", models[0].len());
    assert!(
        models[0] == models[1],
        "two trainings on the same data differ"
    );
}

/// The entity each lone "Trump" of a folder of articles is linked to.
fn lone_trump_entities(dir: &Path) -> Vec<String> {
    let output = common::corpus_ok(&["ingest", dir.to_str().unwrap()]);
    let mut out = Vec::new();
    for line in String::from_utf8_lossy(&output).lines() {
        let article: serde_json::Value = serde_json::from_str(line).unwrap();
        for m in article["mentions"].as_array().unwrap() {
            if m["text"] == "Trump" {
                out.push(m["entity"].as_str().unwrap().to_owned());
            }
        }
    }
    out
}

#[test]
fn a_lone_surname_joins_a_full_name_of_other_articles_only_on_evidence() {
    let dir = std::env::temp_dir().join(format!("corpus-surname-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let topics = [
        ("steel tariffs", "Ohio"),
        ("the border wall", "Texas"),
        ("a trade deal with Japan", "Tokyo"),
        ("the Federal Reserve", "New York"),
        ("a NATO summit", "Brussels"),
        ("farm subsidies", "Iowa"),
    ];
    let lone = |k: usize| {
        let (topic, place) = topics[k];
        format!(
            "Story {k}: a week of argument over {topic}.\n\nTrump said on day {k} that {topic} would be decided soon, and officials in {place} said they expected a statement. Trump spoke to reporters about {topic} after a meeting in {place}.\n"
        )
    };
    for k in 0..6 {
        std::fs::write(dir.join(format!("lone{k}.txt")), lone(k)).unwrap();
    }
    // One article names a Hannah Trump: six articles of a lone "Trump" are not hers.
    std::fs::write(
        dir.join("full.txt"),
        "A school board vote was held on Monday.\n\nHannah Trump, a teacher in Ohio, said the vote was fair and that the board had listened to parents for months before it decided.\n",
    )
    .unwrap();
    let entities = lone_trump_entities(&dir);
    assert!(entities.iter().all(|e| e != "Hannah Trump"), "{entities:?}");
    // Four articles naming Donald Trump in full: the lone ones are his.
    for (k, (topic, place)) in topics.iter().enumerate().take(4) {
        std::fs::write(
            dir.join(format!("donald{k}.txt")),
            format!(
                "Report {k} on {topic}.\n\nPresident Donald Trump said in {place} that {topic} mattered to voters, and his advisers agreed with him in report {k}.\n"
            ),
        )
        .unwrap();
    }
    let entities = lone_trump_entities(&dir);
    std::fs::remove_dir_all(&dir).ok();
    assert!(entities.len() >= 12, "{entities:?}");
    assert!(entities.iter().all(|e| e == "Donald Trump"), "{entities:?}");
}
