//! Segmentation: one file's text split into articles.
//!
//! A scraped file often holds several articles one after another, set apart by runs of blank
//! lines, while the paragraphs inside an article are set apart by single blank lines. So a run of
//! two or more blank lines ends a block, and each block whose lines include a sentence becomes an
//! article: its first line is the title, the rest is the body. A line that repeats the title or an
//! earlier line of the same article is dropped with its reason. A block with no sentence in it
//! (a lone "Connect with us", a "Related News" footer) is not an article: its lines are kept as
//! removed lines of the nearest article, so no text is silently lost. A file with text but no
//! sentence at all still gives one article.

use crate::LineNo;
use serde::{Deserialize, Serialize};

/// How many words a line needs to count as a sentence rather than a label or menu item.
const SENTENCE_WORDS: usize = 8;

/// One article found in a file, before it joins a corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The line of the file the title stands on.
    pub line: LineNo,
    /// The headline: the first line of the article.
    pub title: String,
    /// Body paragraphs in order, each with its source line.
    pub paragraphs: Vec<(LineNo, String)>,
    /// Lines of the article's region that were left out of title and body, with the reason.
    pub removed: Vec<RemovedLine>,
}

/// A line left out of an article's title and body, with where it was and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    /// The line of the file.
    pub line: LineNo,
    /// The line's text, trimmed.
    pub text: String,
    /// Why it was left out.
    pub reason: RemovalReason,
}

/// Why a line was left out of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// The same text already stands earlier in the article (a repeated headline or caption).
    Repeat,
    /// The line stood in a block with no sentence in it, between articles.
    NoSentenceBlock,
}

/// Splits normalised text (as [`super::decode`] returns it) into articles, in file order.
/// Returns no article only when the text has no non-blank line. Never panics.
pub fn segment(text: &str) -> Vec<Article> {
    let blocks = blocks(text);
    let mut articles: Vec<Article> = Vec::new();
    let mut orphans: Vec<RemovedLine> = Vec::new();
    for block in &blocks {
        if block.iter().any(|(_, line)| is_sentence(line)) {
            let mut article = article_from(block);
            article.removed.splice(0..0, orphans.drain(..));
            articles.push(article);
        } else {
            let lines = block.iter().map(|(line, text)| RemovedLine {
                line: *line,
                text: (*text).to_owned(),
                reason: RemovalReason::NoSentenceBlock,
            });
            match articles.last_mut() {
                Some(previous) => previous.removed.extend(lines),
                None => orphans.extend(lines),
            }
        }
    }
    if articles.is_empty() {
        if let Some(first) = blocks.first() {
            let all: Vec<(LineNo, &str)> = blocks.iter().flatten().copied().collect();
            let mut article = article_from(&all);
            article.line = first[0].0;
            articles.push(article);
        }
    }
    for article in &mut articles {
        article.removed.sort_by_key(|removed| removed.line);
    }
    articles
}

/// Non-blank lines, trimmed, grouped into blocks that two or more blank lines set apart.
fn blocks(text: &str) -> Vec<Vec<(LineNo, &str)>> {
    let mut blocks = Vec::new();
    let mut current: Vec<(LineNo, &str)> = Vec::new();
    let mut blank_run = 0usize;
    for (index, raw) in text.split('\n').enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if blank_run >= 2 && !current.is_empty() {
            blocks.push(std::mem::take(&mut current));
        }
        blank_run = 0;
        let number = LineNo::try_from(index + 1).unwrap_or(LineNo::MAX);
        current.push((number, line));
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

fn article_from(block: &[(LineNo, &str)]) -> Article {
    let (line, title) = block[0];
    let mut seen: Vec<&str> = vec![title];
    let mut paragraphs = Vec::new();
    let mut removed = Vec::new();
    for &(number, text) in &block[1..] {
        if seen.contains(&text) {
            removed.push(RemovedLine {
                line: number,
                text: text.to_owned(),
                reason: RemovalReason::Repeat,
            });
        } else {
            seen.push(text);
            paragraphs.push((number, text.to_owned()));
        }
    }
    Article {
        line,
        title: title.to_owned(),
        paragraphs,
        removed,
    }
}

fn is_sentence(line: &str) -> bool {
    line.split_whitespace().count() >= SENTENCE_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_blank_lines_split_articles_one_does_not() {
        let text = "First headline here\n\nA first paragraph that is long enough to be a sentence.\n\nA second paragraph, also long enough to count as one.\n\n\nSecond headline\n\nIts body is one sentence with quite a few words in it.";
        let articles = segment(text);
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].title, "First headline here");
        assert_eq!(articles[0].line, 1);
        assert_eq!(articles[0].paragraphs.len(), 2);
        assert_eq!(articles[1].title, "Second headline");
        assert_eq!(articles[1].line, 8);
        assert_eq!(articles[1].paragraphs[0].0, 10);
    }

    #[test]
    fn repeated_lines_are_removed_with_their_reason() {
        let text = "Headline\nA caption line under the photo of the scene today\nA caption line under the photo of the scene today\n\nHeadline\n\nThe body sentence runs for more than eight words here.";
        let article = &segment(text)[0];
        assert_eq!(article.paragraphs.len(), 2);
        assert_eq!(article.removed.len(), 2);
        assert!(article
            .removed
            .iter()
            .all(|r| r.reason == RemovalReason::Repeat));
    }

    #[test]
    fn blocks_without_a_sentence_are_kept_as_removed_lines() {
        let text = "Connect with us\n\n\nHeadline\n\nThe body sentence runs for more than eight words here.\n\n\nRelated News";
        let articles = segment(text);
        assert_eq!(articles.len(), 1);
        let removed: Vec<&str> = articles[0]
            .removed
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(removed, ["Connect with us", "Related News"]);
    }

    #[test]
    fn text_without_any_sentence_is_still_one_article() {
        let articles = segment("Shopping list\n\n\neggs\nmilk");
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].title, "Shopping list");
        assert_eq!(articles[0].paragraphs.len(), 2);
        assert!(segment(" \n\n \n").is_empty());
    }
}
