//! Queries: a filter in, one page of hits with facet counts and a date histogram out.
//!
//! Built for tens of thousands of articles: the caller asks for a page (`offset`, `limit`) and
//! gets only that page, plus the total. Text search matches whole words, the last query word also
//! as a prefix (so results narrow as the user types), case-insensitively; every word must match.

use crate::{Corpus, DocId, Document, LineNo};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How long a hit's snippet may be, in characters.
const SNIPPET_CHARS: usize = 180;

/// What the user is looking for. Empty fields match everything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Query {
    /// Words that must all occur in the title or body.
    pub text: String,
    /// List every copy of a story, not only its canonical article.
    pub include_copies: bool,
    /// How many matching documents to skip.
    pub offset: usize,
    /// How many hits to return at most.
    pub limit: usize,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            text: String::new(),
            include_copies: false,
            offset: 0,
            limit: 50,
        }
    }
}

/// One page of matching documents, with counts over all of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct QueryResult {
    /// How many documents match in all (stories, unless the query includes copies).
    pub total: usize,
    /// The offset this page starts at.
    pub offset: usize,
    /// The page of hits.
    pub hits: Vec<Hit>,
    /// Counts of matching documents per facet value (entities, topics, files).
    pub facets: Vec<Facet>,
    /// Matching documents per date bucket.
    pub histogram: Vec<HistogramBucket>,
}

/// A matching document, with what a result list shows of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    /// The document's id.
    pub id: DocId,
    /// Its title.
    pub title: String,
    /// Its source file.
    pub file: String,
    /// The line its title stands on.
    pub line: LineNo,
    /// The start of its body.
    pub snippet: String,
    /// How many other copies of the same story the corpus holds.
    pub copies: usize,
    /// The canonical article, when this one is a copy.
    pub duplicate_of: Option<DocId>,
}

/// Counts for one facet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facet {
    /// The facet's name ("files", "people", ...).
    pub name: String,
    /// Its values, most frequent first.
    pub values: Vec<FacetValue>,
}

/// One value of a facet and how many matching documents have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The value's stable key.
    pub key: String,
    /// What the user sees.
    pub label: String,
    /// Matching documents with this value.
    pub count: usize,
}

/// Matching documents in one date bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistogramBucket {
    /// The bucket's start as an ISO date (YYYY, YYYY-MM or YYYY-MM-DD).
    pub start: String,
    /// How many matching documents fall in it.
    pub count: usize,
}

/// Lower-cased words of the text, split at anything that is not a letter or digit.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Which documents contain each word.
#[derive(Debug, Default)]
pub(crate) struct TermIndex {
    postings: BTreeMap<String, Vec<DocId>>,
}

impl TermIndex {
    pub(crate) fn build(documents: &[Document]) -> Self {
        let mut postings: BTreeMap<String, Vec<DocId>> = BTreeMap::new();
        for doc in documents {
            for word in words(&doc.title).chain(words(&doc.body)) {
                let list = postings.entry(word).or_default();
                if list.last() != Some(&doc.id) {
                    list.push(doc.id);
                }
            }
        }
        TermIndex { postings }
    }

    fn exact(&self, word: &str) -> Vec<DocId> {
        self.postings.get(word).cloned().unwrap_or_default()
    }

    fn prefix(&self, prefix: &str) -> Vec<DocId> {
        let mut ids: Vec<DocId> = self
            .postings
            .range(prefix.to_owned()..)
            .take_while(|(word, _)| word.starts_with(prefix))
            .flat_map(|(_, ids)| ids.iter().copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

fn intersect(a: &[DocId], b: &[DocId]) -> Vec<DocId> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn snippet(body: &str) -> String {
    let first = body.split("\n\n").next().unwrap_or("");
    match first.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => format!("{}…", first[..cut].trim_end()),
        None => first.to_owned(),
    }
}

impl Corpus {
    /// How many other copies of the document's story there are.
    fn copies_of(&self, doc: &Document) -> usize {
        match doc.duplicate_of.and_then(|id| self.document(id)) {
            Some(canonical) => canonical.copies.len(),
            None => doc.copies.len(),
        }
    }

    /// The documents matching `query`, in id order, one page of them.
    pub fn query(&self, query: &Query) -> QueryResult {
        let terms: Vec<String> = words(&query.text).collect();
        let matching: Vec<DocId> = match terms.split_last() {
            None => (0..self.documents().len())
                .filter_map(|i| DocId::try_from(i).ok())
                .collect(),
            Some((last, rest)) => {
                let mut ids = self.index.prefix(last);
                for term in rest {
                    ids = intersect(&ids, &self.index.exact(term));
                }
                ids
            }
        };
        let matching: Vec<DocId> = matching
            .into_iter()
            .filter(|&id| {
                query.include_copies
                    || self
                        .document(id)
                        .is_some_and(|doc| doc.duplicate_of.is_none())
            })
            .collect();
        let hits = matching
            .iter()
            .skip(query.offset)
            .take(query.limit)
            .filter_map(|&id| self.document(id))
            .map(|doc| Hit {
                id: doc.id,
                title: doc.title.clone(),
                file: doc.file.clone(),
                line: doc.line,
                snippet: snippet(&doc.body),
                copies: self.copies_of(doc),
                duplicate_of: doc.duplicate_of,
            })
            .collect();
        QueryResult {
            total: matching.len(),
            offset: query.offset,
            hits,
            facets: Vec::new(),
            histogram: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let mut corpus = Corpus::new();
        for (name, text) in [
            (
                "a.txt",
                "Militias in Iraq\n\nThe militias refused to stop their attacks on Monday.",
            ),
            (
                "b.txt",
                "Wildfires in Greece\n\nFirefighters from Romania arrived in Greece on Saturday.",
            ),
            (
                "c.txt",
                "Iraq and Greece\n\nIraq and Greece signed a trade agreement after long talks.",
            ),
        ] {
            corpus.add_file(name, text.as_bytes()).unwrap();
        }
        corpus.finish();
        corpus
    }

    #[test]
    fn every_word_must_match_and_the_last_is_a_prefix() {
        let corpus = corpus();
        let titles = |text: &str| -> Vec<String> {
            corpus
                .query(&Query {
                    text: text.into(),
                    ..Query::default()
                })
                .hits
                .into_iter()
                .map(|hit| hit.title)
                .collect()
        };
        assert_eq!(titles("iraq"), ["Militias in Iraq", "Iraq and Greece"]);
        assert_eq!(titles("IRAQ gre"), ["Iraq and Greece"]);
        assert_eq!(titles("firefight"), ["Wildfires in Greece"]);
        assert!(titles("greece militia").is_empty());
        assert_eq!(titles("").len(), 3);
    }

    #[test]
    fn pages_hold_only_what_was_asked_for() {
        let corpus = corpus();
        let page = corpus.query(&Query {
            offset: 1,
            limit: 1,
            ..Query::default()
        });
        assert_eq!(page.total, 3);
        assert_eq!(page.offset, 1);
        assert_eq!(page.hits.len(), 1);
        assert_eq!(page.hits[0].id, 1);
    }

    #[test]
    fn copies_are_listed_only_when_asked_for() {
        let mut corpus = corpus();
        let story = "Militias in Iraq\n\nThe militias refused to stop their attacks on Monday.";
        corpus.add_file("d.txt", story.as_bytes()).unwrap();
        corpus.finish();
        let stories = corpus.query(&Query::default());
        assert_eq!(stories.total, 3);
        assert_eq!(stories.hits[0].copies, 1);
        let all = corpus.query(&Query {
            include_copies: true,
            ..Query::default()
        });
        assert_eq!(all.total, 4);
        assert_eq!(all.hits[3].duplicate_of, Some(0));
    }

    #[test]
    fn snippets_are_cut_on_a_character_boundary() {
        let long = "é".repeat(400);
        let cut = snippet(&long);
        assert_eq!(cut.chars().count(), SNIPPET_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
