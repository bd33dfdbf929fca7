//! Concordance (key word in context): every occurrence of a word, a phrase or an entity across
//! the articles a filter keeps, with the words before and after it, sortable by the word before
//! or the word after, each line pointing at its article, field and byte range so that the
//! reader can open it there.

use crate::extract::dates::Field;
use crate::{Corpus, DocId, EntityId, LineNo, Query};
use serde::{Deserialize, Serialize};

/// How many characters of context stand on each side of an occurrence.
pub const CONTEXT_CHARS: usize = 60;

/// What a concordance is of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value")]
pub enum Target {
    /// A word, a phrase or a prefix, in the search's query language (its required clauses).
    Text(String),
    /// Every mention of an entity, under any of its forms.
    Entity(EntityId),
}

/// The order of a concordance's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// As the articles stand in the list, and each article's occurrences in reading order.
    #[default]
    Articles,
    /// By the words before, nearest first.
    Before,
    /// By the words after.
    After,
}

/// One occurrence, in its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// The article.
    pub doc: DocId,
    /// Its file.
    pub file: String,
    /// The source line the occurrence stands on.
    pub line: LineNo,
    /// The field it is in (title or body).
    pub field: Field,
    /// Its byte range in that field.
    pub start: usize,
    /// End of the range.
    pub end: usize,
    /// The text before it (at most [`CONTEXT_CHARS`] characters, from a word's start).
    pub left: String,
    /// The occurrence as written.
    pub keyword: String,
    /// The text after it.
    pub right: String,
}

/// A concordance: its lines (at most the limit asked for) and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Concordance {
    /// The lines, in the order asked for.
    pub lines: Vec<Line>,
    /// How many occurrences there are in all.
    pub total: usize,
}

impl Concordance {
    /// The lines as CSV (RFC 4180, formulas defused): file, line, left, keyword, right.
    pub fn to_csv(&self) -> crate::export::Exported {
        let mut out = String::new();
        crate::export::csv_row(&mut out, &["file", "line", "left", "keyword", "right"]);
        for line in &self.lines {
            let number = line.line.to_string();
            crate::export::csv_row(
                &mut out,
                &[&line.file, &number, &line.left, &line.keyword, &line.right],
            );
        }
        crate::export::Exported {
            text: out,
            rows: self.lines.len(),
        }
    }
}

/// `text[..end]`'s last `chars` characters, starting at a word, on one line.
fn left_context(text: &str, end: usize) -> String {
    let before = &text[..end];
    let from = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS)
        .map_or(0, |(i, _)| i);
    let mut piece = &before[from..];
    if from > 0 {
        if let Some(space) = piece.find(char::is_whitespace) {
            piece = &piece[space..];
        }
    }
    one_line(piece.trim_start())
}

/// `text[start..]`'s first `chars` characters, ending at a word, on one line.
fn right_context(text: &str, start: usize) -> String {
    let after = &text[start..];
    let to = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    let mut piece = &after[..to];
    if to < after.len() {
        if let Some(space) = piece.rfind(char::is_whitespace) {
            piece = &piece[..space];
        }
    }
    one_line(piece.trim_end())
}

/// White space (line and paragraph breaks too) collapsed to single spaces, trimmed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-cased words for sorting: the right context's in order, the left's nearest first.
fn sort_words(text: &str, reverse: bool) -> Vec<String> {
    let mut words: Vec<String> = crate::index::word_spans(text)
        .map(|(_, _, w)| w.into_owned())
        .collect();
    if reverse {
        words.reverse();
    }
    words
}

impl Corpus {
    /// The concordance of `target` over the articles `query` keeps (in the query's order), in
    /// `order`, at most `limit` lines.
    pub fn concordance(
        &self,
        query: &Query,
        target: &Target,
        order: Order,
        limit: usize,
    ) -> Concordance {
        let parsed = match target {
            Target::Text(text) => Some(crate::index::parse(text)),
            Target::Entity(_) => None,
        };
        let mut lines = Vec::new();
        for id in self.matching(query) {
            let Some(doc) = self.document(id) else {
                continue;
            };
            let mut ranges: Vec<(Field, usize, usize)> = match (&parsed, target) {
                (Some(parsed), _) => [
                    (Field::Title, doc.title.as_str()),
                    (Field::Body, doc.body.as_str()),
                ]
                .into_iter()
                .flat_map(|(field, text)| {
                    crate::index::match_ranges(text, parsed)
                        .into_iter()
                        .map(move |(a, b)| (field, a, b))
                })
                .collect(),
                (None, Target::Entity(entity)) => doc
                    .mentions
                    .iter()
                    .filter(|m| {
                        m.entity == *entity && matches!(m.field, Field::Title | Field::Body)
                    })
                    .map(|m| (m.field, m.start as usize, m.end as usize))
                    .collect(),
                (None, Target::Text(_)) => Vec::new(),
            };
            ranges.sort_by_key(|&(field, start, _)| (field != Field::Title, start));
            for (field, start, end) in ranges {
                let text = doc.field_text(field);
                let (Some(keyword), true) = (
                    text.get(start..end),
                    text.is_char_boundary(start) && text.is_char_boundary(end),
                ) else {
                    continue;
                };
                lines.push(Line {
                    doc: doc.id,
                    file: doc.file.clone(),
                    line: match field {
                        Field::Body => doc.body_line_at(start).unwrap_or(doc.line),
                        _ => doc.line,
                    },
                    field,
                    start,
                    end,
                    left: left_context(text, start),
                    keyword: keyword.split_whitespace().collect::<Vec<_>>().join(" "),
                    right: right_context(text, end),
                });
            }
        }
        let total = lines.len();
        match order {
            Order::Articles => {}
            Order::Before => {
                lines.sort_by_cached_key(|l| (sort_words(&l.left, true), l.doc, l.start));
            }
            Order::After => {
                lines.sort_by_cached_key(|l| (sort_words(&l.right, false), l.doc, l.start));
            }
        }
        lines.truncate(limit);
        Concordance { lines, total }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let mut corpus = Corpus::new();
        for (name, text) in [
            ("a.txt", "Floods in the north\n\nThe river rose overnight. Officials said the river would fall by Friday, and the bridge stayed shut."),
            ("b.txt", "Harvest begins\n\nFarmers near the river began the harvest early this year, a river of grain."),
        ] {
            corpus.add_file(name, text.as_bytes()).unwrap();
        }
        corpus.finish();
        corpus
    }

    #[test]
    fn every_occurrence_in_its_context() {
        let corpus = corpus();
        let kwic = corpus.concordance(
            &Query::default(),
            &Target::Text("river".into()),
            Order::Articles,
            100,
        );
        assert_eq!(kwic.total, 4);
        let first = &kwic.lines[0];
        assert_eq!(
            (first.left.as_str(), first.keyword.as_str()),
            ("The", "river")
        );
        assert!(first.right.starts_with("rose overnight."));
        for line in &kwic.lines {
            let doc = corpus.document(line.doc).unwrap();
            assert_eq!(
                &doc.field_text(line.field)[line.start..line.end],
                line.keyword
            );
        }
        // By the word after: "began", "of", "rose", "would".
        let after = corpus.concordance(
            &Query::default(),
            &Target::Text("river".into()),
            Order::After,
            100,
        );
        let next: Vec<&str> = after
            .lines
            .iter()
            .map(|l| l.right.split_whitespace().next().unwrap_or(""))
            .collect();
        assert_eq!(next, ["began", "of", "rose", "would"]);
        // By the word before: "a", "the" (×3), nearest word first.
        let before = corpus.concordance(
            &Query::default(),
            &Target::Text("river".into()),
            Order::Before,
            2,
        );
        assert_eq!(before.lines.len(), 2);
        assert_eq!(before.total, 4);
        assert!(before.lines[0].left.ends_with(" a") || before.lines[0].left == "a");
        // A phrase, and a filter that keeps one article.
        let phrase = corpus.concordance(
            &Query {
                text: "harvest".into(),
                ..Query::default()
            },
            &Target::Text("\"the river\"".into()),
            Order::Articles,
            100,
        );
        assert_eq!(phrase.total, 1);
        assert_eq!(phrase.lines[0].keyword, "the river");
    }
}
