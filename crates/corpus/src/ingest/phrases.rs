//! Chrome inside a paragraph: a run of words that recurs in many stories of a corpus.
//!
//! Scrapers often glue a site's share buttons or sign-up prompt onto a paragraph ("... the
//! minister said. Send Facebook Twitter Google+ Whatsapp Tumblr linkedin Permalink
//! http://example.com/p/2Wx5C"). No single line recurs, but the run of words does. A run counts
//! when it is at least [`MIN_RUN`] words with no function word in it (prose always has "the",
//! "of", "and" ... within a few words; menus and button labels do not) and each of its
//! [`WINDOW`]-word windows stands in at least [`MIN_STORIES`] different stories and in at least
//! one story in [`STORY_SHARE`] of them. Such a run is cut out of the line (a link right after it
//! goes with it) and kept as a removed line; the text around it stays.
//!
//! Stories are told apart as [`super::chrome::LineStats`] does, so copies of one story never
//! make its own words look like chrome. Only windows without a function word are counted, so
//! the counts stay small however large the corpus.

use super::page::is_function_word;
use super::segment::{Article, ClassifiedLine, LineKind};
use std::collections::{HashMap, HashSet};

/// Words in a counted window.
pub const WINDOW: usize = 5;
/// The fewest words a cut run has.
pub const MIN_RUN: usize = 7;
/// The fewest stories a window must stand in.
pub const MIN_STORIES: usize = 5;
/// The smallest share of the corpus's stories a window must stand in (one in this many).
pub const STORY_SHARE: usize = 50;

/// A word of a line: its byte range, the hash of its comparison key (lower-cased letters and
/// digits; 0 when it has none, 1 when it is not needed), and whether it is a function word.
struct Word {
    start: usize,
    end: usize,
    key: u64,
    function: bool,
}

/// The words of a line. Only words in a run of at least [`WINDOW`] words without a function
/// word can be in a counted window, so only theirs are hashed (prose has few such runs).
fn words(line: &str) -> Vec<Word> {
    let mut out: Vec<Word> = line
        .split_whitespace()
        .map(|text| {
            // Sub-slices of `line`, so the offset is the distance between the two pointers.
            let start = text.as_ptr() as usize - line.as_ptr() as usize;
            let bare = text.trim_matches(|c: char| !c.is_alphanumeric());
            Word {
                start,
                end: start + text.len(),
                key: u64::from(!bare.is_empty()),
                function: is_function_word(bare),
            }
        })
        .collect();
    let mut run_start = 0;
    for i in 0..=out.len() {
        if i < out.len() && out[i].key != 0 && !out[i].function {
            continue;
        }
        if i - run_start >= WINDOW {
            for word in &mut out[run_start..i] {
                word.key = key_of(&line[word.start..word.end]);
            }
        }
        run_start = i + 1;
    }
    out
}

/// The hash of a word's lower-cased letters and digits (never 0 for a word that has some).
fn key_of(text: &str) -> u64 {
    let mut key: u64 = 0xcbf2_9ce4_8422_2325;
    let mut buffer = [0u8; 4];
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        for lower in c.to_lowercase() {
            for &byte in lower.encode_utf8(&mut buffer).as_bytes() {
                key = (key ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    key.max(1)
}

fn is_link(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

/// A word that may stand in a chrome run: has a letter or digit, and is no function word.
fn counts(word: &Word) -> bool {
    word.key != 0 && !word.function
}

fn window_hash(words: &[Word]) -> u64 {
    words.iter().fold(0xcbf2_9ce4_8422_2325, |hash: u64, word| {
        (hash.rotate_left(5) ^ word.key).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The windows of a line that can be chrome, each with its first word's index.
fn windows(words: &[Word]) -> impl Iterator<Item = (usize, u64)> + '_ {
    (0..words.len().saturating_sub(WINDOW - 1))
        .filter(move |&i| words[i..i + WINDOW].iter().all(counts))
        .map(move |i| (i, window_hash(&words[i..i + WINDOW])))
}

fn is_text(kind: LineKind) -> bool {
    matches!(kind, LineKind::Paragraph | LineKind::Subheading)
}

/// How many stories each window of a corpus's articles stands in.
#[derive(Debug, Default)]
pub struct PhraseStats {
    stories_by_window: HashMap<u64, usize>,
    stories: usize,
}

impl PhraseStats {
    /// Counts the windows of every article's text lines; articles with the same longest line
    /// count as one story. Keeps only the windows that recur in enough stories to be chrome.
    pub fn from_articles<'a>(articles: impl Iterator<Item = &'a Article>) -> Self {
        let mut stories_seen: HashSet<u64> = HashSet::new();
        let mut stories_by_window: HashMap<u64, usize> = HashMap::new();
        for article in articles {
            let Some(longest) = article
                .lines
                .iter()
                .filter(|l| is_text(l.kind))
                .max_by_key(|l| l.text.len())
            else {
                continue;
            };
            let story = super::chrome::key_hash(&longest.text);
            // A copy of a story seen already adds nothing.
            if !stories_seen.insert(story) {
                continue;
            }
            let mut windows_here: HashSet<u64> = HashSet::new();
            for line in article.lines.iter().filter(|l| is_text(l.kind)) {
                windows_here.extend(windows(&words(&line.text)).map(|(_, hash)| hash));
            }
            for hash in windows_here {
                *stories_by_window.entry(hash).or_default() += 1;
            }
        }
        let mut stats = PhraseStats {
            stories_by_window,
            stories: stories_seen.len(),
        };
        // Only the windows that recur enough are kept: the others can never cut anything.
        let threshold = stats.threshold();
        stats
            .stories_by_window
            .retain(|_, stories| *stories >= threshold);
        stats
    }

    /// The fewest stories a window must stand in to be chrome.
    fn threshold(&self) -> usize {
        MIN_STORIES.max(self.stories.div_ceil(STORY_SHARE))
    }

    /// Cuts the recurring runs out of an article's text lines, adding each cut as a removed
    /// line after the line it came from. A line cut down to nothing becomes chrome itself.
    pub fn cut(&self, article: &mut Article) {
        let threshold = self.threshold();
        if self.stories_by_window.is_empty() {
            return;
        }
        let mut out = Vec::with_capacity(article.lines.len());
        for mut line in std::mem::take(&mut article.lines) {
            if !is_text(line.kind) {
                out.push(line);
                continue;
            }
            let words = words(&line.text);
            // Which words a recurring window covers, and in how many stories at least.
            let mut covered: Vec<usize> = vec![0; words.len()];
            for (i, hash) in windows(&words) {
                let stories = self.stories_by_window.get(&hash).copied().unwrap_or(0);
                if stories >= threshold {
                    for slot in &mut covered[i..i + WINDOW] {
                        *slot = (*slot).max(stories);
                    }
                }
            }
            let mut cuts: Vec<(usize, usize, usize)> = Vec::new();
            let mut i = 0;
            while i < words.len() {
                if covered[i] == 0 {
                    i += 1;
                    continue;
                }
                let first = i;
                let mut stories = usize::MAX;
                while i < words.len() && covered[i] > 0 {
                    stories = stories.min(covered[i]);
                    i += 1;
                }
                if i - first < MIN_RUN {
                    continue;
                }
                // A link right after the run is its own (a permalink, a share address).
                while i < words.len() && is_link(&line.text[words[i].start..words[i].end]) {
                    i += 1;
                }
                cuts.push((words[first].start, words[i - 1].end, stories));
            }
            if cuts.is_empty() {
                out.push(line);
                continue;
            }
            let mut kept = String::with_capacity(line.text.len());
            let mut removed = Vec::new();
            let mut from = 0;
            for &(start, end, stories) in &cuts {
                kept.push_str(&line.text[from..start]);
                removed.push(ClassifiedLine {
                    line: line.line,
                    text: line.text[start..end].to_owned(),
                    kind: LineKind::SiteChrome,
                    rule: format!("a run of words that recurs in {stories} stories").into(),
                });
                from = end;
            }
            kept.push_str(&line.text[from..]);
            let kept = kept.split_whitespace().collect::<Vec<_>>().join(" ");
            if kept.chars().any(char::is_alphanumeric) {
                line.text = kept;
                out.push(line);
            } else {
                line.kind = LineKind::SiteChrome;
                line.rule = "a run of words that recurs in many stories".into();
                out.push(line);
                removed.clear();
            }
            out.extend(removed);
        }
        article.lines = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::segment::segment;

    const SHARE: &str =
        "Send Facebook Twitter Google+ Whatsapp Tumblr linkedin stumble Digg reddit Newsvine Permalink";

    fn story(n: usize) -> String {
        format!(
            "Headline number {n} about the talks\n\nThe minister said on day {n} that the talks with the unions would go on. {SHARE} http://example.com/p/{n}x\n\nA second paragraph of story {n} says what comes next for the talks."
        )
    }

    #[test]
    fn a_share_run_glued_to_paragraphs_is_cut_and_the_text_kept() {
        let mut articles: Vec<Article> = (0..6).flat_map(|n| segment(&story(n))).collect();
        let stats = PhraseStats::from_articles(articles.iter());
        for article in &mut articles {
            stats.cut(article);
        }
        let first = &articles[0];
        let paragraph = first
            .lines
            .iter()
            .find(|l| l.kind == LineKind::Paragraph)
            .unwrap();
        assert_eq!(
            paragraph.text,
            "The minister said on day 0 that the talks with the unions would go on."
        );
        let cut = first
            .lines
            .iter()
            .find(|l| l.kind == LineKind::SiteChrome)
            .unwrap();
        assert_eq!(cut.text, format!("{SHARE} http://example.com/p/0x"));
        assert_eq!(cut.line, paragraph.line);
        assert!(cut.rule.contains("recurs in 6 stories"));
    }

    #[test]
    fn prose_that_recurs_and_rare_runs_are_kept() {
        // The same sentence in six stories has function words: it is no chrome run.
        let text = |n: usize| {
            format!("Story {n}\n\nThe talks with the unions would go on for as long as it takes, the minister said on day {n}.")
        };
        let mut articles: Vec<Article> = (0..6).flat_map(|n| segment(&text(n))).collect();
        let stats = PhraseStats::from_articles(articles.iter());
        for article in &mut articles {
            stats.cut(article);
        }
        assert!(articles
            .iter()
            .all(|a| a.lines.iter().all(|l| l.kind != LineKind::SiteChrome)));
        // A share run in only four stories is below the threshold.
        let mut few: Vec<Article> = (0..4).flat_map(|n| segment(&story(n))).collect();
        let stats = PhraseStats::from_articles(few.iter());
        for article in &mut few {
            stats.cut(article);
        }
        assert!(few[0].lines.iter().all(|l| l.kind != LineKind::SiteChrome));
    }
}
