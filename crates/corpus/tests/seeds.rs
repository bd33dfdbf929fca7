//! The engine on the real seed files: every file gives articles, every article has a title and
//! body, and the copies bundled with the page are the seeds themselves.

use corpus::{Corpus, FileStatus};
use std::path::Path;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

#[test]
fn every_seed_file_gives_articles_with_title_and_body() {
    let mut corpus = Corpus::new();
    for (name, bytes) in seeds() {
        corpus.add_file(&name, &bytes).unwrap();
    }
    corpus.finish();
    assert_eq!(corpus.files().len(), 5);
    assert!(corpus
        .files()
        .iter()
        .all(|f| matches!(f.status, FileStatus::Loaded { articles } if articles >= 1)));
    assert_eq!(corpus.documents().len(), 11);
    for doc in corpus.documents() {
        assert!(!doc.title.is_empty() && !doc.body.is_empty(), "{doc:?}");
        assert!(!doc.body.contains('\r'));
    }
}

#[test]
fn seed_files_split_half_by_another_worker_give_the_same_articles() {
    let load = || {
        let mut corpus = Corpus::new();
        corpus.release_sources_when_split(true);
        for (name, bytes) in seeds() {
            corpus.add_file(&name, &bytes).unwrap();
        }
        corpus
    };
    let mut whole = load();
    whole.split_articles();
    let mut shared = load();
    shared.split_begin();
    let from = shared.split_share_from(0.5);
    assert!(from > 0 && from < shared.split_files());
    let (stats, texts) = shared.split_elsewhere(from);
    let answer = corpus::split_job(&stats, texts);
    shared.split_here(0, from);
    shared.split_from_job(from, &answer).unwrap();
    shared.split_end();
    assert_eq!(shared.documents().len(), 11);
    assert_eq!(shared.documents(), whole.documents());
}

#[test]
fn the_bundled_sample_is_the_seed_files() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample");
    for (name, bytes) in seeds() {
        let bundled = std::fs::read(sample.join(&name)).unwrap_or_default();
        assert!(
            bundled == bytes,
            "assets/sample/{name} differs from the seed file"
        );
    }
}

fn seed_corpus() -> Corpus {
    let mut corpus = Corpus::new();
    for (name, bytes) in seeds() {
        corpus.add_file(&name, &bytes).unwrap();
    }
    corpus.finish();
    corpus
}

fn titles(corpus: &Corpus, query: &corpus::Query) -> Vec<String> {
    corpus
        .query(query)
        .hits
        .into_iter()
        .map(|hit| hit.title)
        .collect()
}

#[test]
fn a_date_range_with_stated_dates_only_finds_the_one_dated_article() {
    let corpus = seed_corpus();
    let year_2020 = corpus::Query {
        date_from: Some("2020-01-01".into()),
        date_to: Some("2020-12-31".into()),
        stated_only: true,
        ..corpus::Query::default()
    };
    assert_eq!(
        titles(&corpus, &year_2020),
        ["Iraq steps up pressure on outlawed militias"]
    );
    // The estimated stories state no day: they sit where the corpus's evidence puts them
    // (2023, the latest "not before" of most of them), never at the year they merely recall.
    let estimated_too = corpus::Query {
        stated_only: false,
        ..year_2020.clone()
    };
    assert_eq!(
        titles(&corpus, &estimated_too),
        ["Iraq steps up pressure on outlawed militias"]
    );
    let year_2023 = corpus::Query {
        date_from: Some("2023-01-01".into()),
        date_to: Some("2023-12-31".into()),
        ..corpus::Query::default()
    };
    let estimated = titles(&corpus, &year_2023);
    assert_eq!(estimated.len(), 5, "{estimated:?}");
    assert!(estimated.contains(
        &"One killed, six injured in shootout between migrant groups in Serbia".to_owned()
    ));
    let with_undated = corpus::Query {
        include_undated: true,
        ..year_2020.clone()
    };
    assert_eq!(corpus.query(&with_undated).total, 1 + 9);

    let result = corpus.query(&corpus::Query::default());
    assert_eq!(result.histogram_unit, "month");
    let bars: Vec<(&str, usize, usize)> = result
        .histogram
        .iter()
        .map(|b| (b.start.as_str(), b.stated, b.estimated))
        .collect();
    assert_eq!(bars.first(), Some(&("2020-09", 1, 0)));
    assert_eq!(bars.last(), Some(&("2023-10", 0, 5)));
    let result = corpus.query(&year_2020);
    assert_eq!(
        result.undated, 9,
        "stated only: nine stories have no stated date"
    );
}

#[test]
fn mentions_mode_finds_articles_that_talk_about_a_year() {
    let corpus = seed_corpus();
    let query = corpus::Query {
        date_mode: corpus::DateMode::Mentions,
        date_from: Some("2015-01-01".into()),
        date_to: Some("2015-12-31".into()),
        ..corpus::Query::default()
    };
    assert_eq!(
        titles(&corpus, &query),
        [
            "Analysis: Iran seeks to cool tensions in Iraq",
            "One killed, six injured in shootout between migrant groups in Serbia"
        ]
    );
}

#[test]
fn the_militia_stories_share_a_topic_the_others_are_not_in() {
    let mut corpus = seed_corpus();
    corpus.build_topics(None, |_, _| {});
    let militia_titles = [
        "Iraq Frustrated by Iran’s Reluctance to Rein in Militias",
        "Analysis: Iran seeks to cool tensions in Iraq",
        "Iraq steps up pressure on outlawed militias",
        "Iran Seeks to Calm Iraqi Infighting over Spy Dispute as Region Flares Up",
        "Baghdad Urges Washington to Prevent ‘Imminent’ Israeli Strikes",
    ];
    let steps_up = corpus
        .documents()
        .iter()
        .find(|d| d.title == militia_titles[2])
        .unwrap();
    let topic = corpus.topics_of(steps_up.id)[0].topic;
    let in_topic = titles(
        &corpus,
        &corpus::Query {
            topics: vec![topic],
            ..corpus::Query::default()
        },
    );
    let mut expected: Vec<String> = militia_titles.iter().map(|t| t.to_string()).collect();
    let mut found = in_topic.clone();
    expected.sort();
    found.sort();
    assert_eq!(
        found, expected,
        "the topic holds exactly the militia stories"
    );
    let facet = &corpus.query(&corpus::Query::default()).facets[0];
    assert_eq!(facet.name, "topics");
    assert_eq!(facet.values[topic as usize].count, 5);
    // The same corpus always gives the same topics.
    let mut again = seed_corpus();
    again.build_topics(None, |_, _| {});
    assert_eq!(again.topics(), corpus.topics());
}
