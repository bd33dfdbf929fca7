//! Scraped shapes other than the seeds', written by hand, with what a careful reader expects.
//! Nothing here is special-cased in the engine: these files test that the rules generalise.

use corpus::{Corpus, Document, EntityKind};
use std::path::Path;

fn ingest(names: &[&str]) -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shapes");
    let mut corpus = Corpus::new();
    for name in names {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        corpus.add_file(name, &bytes).unwrap();
    }
    corpus.finish();
    corpus
}

fn only(corpus: &Corpus) -> &Document {
    assert_eq!(corpus.documents().len(), 1, "{:#?}", corpus.documents());
    &corpus.documents()[0]
}

/// Holds that the body keeps every line of `kept` and none of `dropped`.
fn assert_body(doc: &Document, kept: &[&str], dropped: &[&str]) {
    for line in kept {
        assert!(doc.body.contains(line), "{line} not in {:?}", doc.body);
    }
    for line in dropped {
        assert!(!doc.body.contains(line), "{line} in {:?}", doc.body);
    }
}

fn removed(doc: &Document) -> Vec<&str> {
    doc.removed.iter().map(|r| r.text.as_str()).collect()
}

#[test]
fn byline_and_updated_line_under_a_menu() {
    let corpus = ingest(&["byline_updated.txt"]);
    let doc = only(&corpus);
    assert_eq!(
        doc.title,
        "Harbour authority approves dredging plan after two-year review"
    );
    assert_eq!(doc.line, 5);
    assert_eq!(doc.byline.as_deref(), Some("By Maria Okafor and Tom Reyes"));
    assert_eq!(
        doc.dateline.as_deref(),
        Some("Updated: March 3, 2024 10:15 AM ET")
    );
    assert_eq!(doc.caption, None);
    assert_eq!(doc.subheadings, ["Opposition from fishermen"]);
    let paragraphs: Vec<&str> = doc.paragraphs().collect();
    assert_eq!(paragraphs.len(), 5);
    assert!(paragraphs[0].starts_with("The harbour authority on Tuesday approved"));
    assert_eq!(
        paragraphs[4],
        "The authority said work would begin in the autumn."
    );
    assert_eq!(
        removed(doc),
        ["Home", "News", "Local", "Share this article"]
    );
}

#[test]
fn cookie_and_newsletter_footer_is_removed_and_the_body_kept() {
    let corpus = ingest(&["cookie_footer.txt"]);
    let doc = only(&corpus);
    assert_eq!(
        doc.title,
        "Drought forces water limits across three counties"
    );
    let paragraphs: Vec<&str> = doc.paragraphs().collect();
    assert_eq!(paragraphs.len(), 3);
    assert!(paragraphs[2].starts_with("Farmers have been exempted"));
    assert_eq!(
        removed(doc),
        [
            "Skip to content",
            "Sign up for our newsletter",
            "Get the top stories in your inbox every morning.",
            "We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.",
            "Accept all",
            "Privacy Policy",
            "© 2024 The Valley Courier. All rights reserved.",
        ]
    );
}

#[test]
fn a_plain_article_keeps_every_line() {
    let corpus = ingest(&["plain.txt"]);
    let doc = only(&corpus);
    assert_eq!(doc.title, "Museum returns looted bronze to Benin");
    assert_eq!(doc.paragraphs().count(), 3);
    assert_eq!(doc.body_lines, [3, 5, 7]);
    assert!(doc.removed.is_empty());
    assert_eq!(
        (
            doc.caption.as_ref(),
            doc.dateline.as_ref(),
            doc.byline.as_ref()
        ),
        (None, None, None)
    );
}

#[test]
fn windows_line_endings_read_like_unix_ones() {
    let corpus = ingest(&["windows_crlf.txt"]);
    let doc = only(&corpus);
    assert_eq!(doc.title, "Council backs new cycle lanes on river road");
    assert_eq!(doc.paragraphs().count(), 4);
    assert!(!doc.body.contains('\r') && !doc.title.contains('\r'));
    assert!(doc.removed.is_empty());
}

#[test]
fn one_long_paragraph_is_an_article_with_a_title_from_its_first_words() {
    let corpus = ingest(&["one_paragraph.txt"]);
    let doc = only(&corpus);
    assert_eq!(
        doc.title,
        "Rescue teams reached the last of the villages cut off by the landslide on Sunday…"
    );
    assert_eq!(doc.paragraphs().count(), 1);
    assert!(doc.body.ends_with("more rain was forecast for the week."));
}

#[test]
fn a_new_sites_recurring_chrome_is_found_by_statistics() {
    let corpus = ingest(&["same_site.txt"]);
    let titles: Vec<&str> = corpus
        .documents()
        .iter()
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Bakery wins national bread prize",
            "School reopens after flood repairs",
            "Library extends opening hours"
        ]
    );
    for doc in corpus.documents() {
        assert_eq!(doc.paragraphs().count(), 2, "{doc:#?}");
        let rules: Vec<(&str, &str)> = doc
            .removed
            .iter()
            .map(|r| (r.text.as_str(), r.rule.as_str()))
            .collect();
        assert_eq!(
            rules,
            [
                ("Powered by NewsPress", "recurs in 3 articles"),
                ("More from the Valley Courier", "recurs in 3 articles")
            ]
        );
    }
    assert_eq!(corpus.unique_stories(), 3);
}

#[test]
fn a_table_the_article_introduces_is_part_of_it() {
    let corpus = ingest(&["results_table.txt"]);
    let doc = only(&corpus);
    // The rows are kept; what follows the table is the page's.
    assert_body(
        doc,
        &[
            "Arsenal 2 Burnley 1",
            "Chelsea 0 Everton 0",
            "Leeds United 3 Norwich City 2",
            "Bolton Wanderers 1 Stoke City 1",
        ],
        &["Share this story", "Facebook", "Twitter"],
    );
    assert_eq!(doc.dateline.as_deref(), Some("MANCHESTER 2024-03-16"));
}

#[test]
fn ranked_results_under_short_headings_are_kept_and_read() {
    let corpus = ingest(&["athletics_results.txt"]);
    let doc = only(&corpus);
    // Rows of ranked results under headings too short to be text elsewhere ("Men"), and rows
    // of figures that end as a sentence does.
    assert_body(
        doc,
        &[
            "Men",
            "1. Daniel Okafor (Nigeria) 9.91",
            "3. Marc Dubois (France) 10.02",
            "2. Ruth Mensah (Ghana) 1.97",
            "2. Ghana 38.22. Record: 37.98.",
        ],
        &["Share this story", "Facebook"],
    );
    // The competitors are people, their countries places.
    let named = |name: &str, kind: EntityKind| {
        doc.mentions.iter().any(|m| {
            m.kind == kind
                && doc
                    .field_text(m.field)
                    .get(m.start as usize..m.end as usize)
                    == Some(name)
        })
    };
    assert!(named("Daniel Okafor", EntityKind::Person));
    assert!(named("Ruth Mensah", EntityKind::Person));
    assert!(named("Ghana", EntityKind::Place));
}

#[test]
fn a_table_the_article_opens_with_is_part_of_it() {
    // A wire report may give its results first and the report under them.
    let corpus = ingest(&["golf_scores.txt"]);
    let doc = only(&corpus);
    assert_body(
        doc,
        &[
            "Leading scores after the second round of the Alpine Open on Friday (par 72):",
            "133 Henrik Dahl (Sweden) 66 67",
            "136 Martin Weber (Germany) 70 66",
            "Dahl had six birdies",
        ],
        &["Share this story"],
    );
    assert_eq!(doc.dateline.as_deref(), Some("INNSBRUCK 2024-06-14"));
}

#[test]
fn a_reference_list_after_the_article_is_not_the_article() {
    let corpus = ingest(&["references_list.txt"]);
    let doc = only(&corpus);
    assert_eq!(doc.title, "Why walking after meals helps blood sugar");
    assert_body(
        doc,
        &[
            "A short walk after eating can blunt the rise",
            "should talk to their doctor before changing their routine.",
        ],
        &["References", "DiPietro L", "Colberg SR", "Privacy policy"],
    );
}
