//! Segmentation: one file's text split into articles, and every line of an article classified.
//!
//! A scraped file often holds several articles one after another, set apart by runs of blank
//! lines, while the paragraphs inside an article are set apart by single blank lines. So a run of
//! two or more blank lines ends a [`Block`]. A block with a sentence in it is an article; a block
//! without one (a lone "Connect with us", a footer) is chrome and joins the nearest article's
//! removed lines, so no line is ever silently lost.
//!
//! Inside an article, in order:
//! 1. leading chrome (fragments, known phrases, recurring lines, a short label over the headline);
//! 2. the title: the first remaining line (when that line is already a long sentence, the file
//!    has no headline: the title is taken from it and the line stays in the body);
//! 3. the header: repeats of the title, the photo caption (a line repeated in the block, or one
//!    that ends in a short credit such as "(AFP)") and its repeats, a dateline, a byline, chrome;
//! 4. the body: paragraphs (sentences) and subheadings (short lines with body after them); chrome;
//!    a "Read more:" header and the related links under it; and whatever trails the last sentence.
//!
//! Every line keeps its [`LineKind`] and the rule that gave it, so the page can show what was
//! removed and why.

use super::chrome::{self, LineStats, RECURRING_BLOCKS};
use super::page;
use crate::extract::dates::{self, month_number, weekday_number, Field, Granularity, NumericOrder};
use crate::LineNo;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A run of non-blank lines (trimmed, with their 1-based line numbers) between runs of two or
/// more blank lines.
pub type Block<'a> = Vec<(LineNo, &'a str)>;

/// What a line of an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// The headline.
    Title,
    /// The headline again.
    TitleRepeat,
    /// The photo caption, with its credit.
    Caption,
    /// The caption again.
    CaptionRepeat,
    /// A line that dates the article ("• September 28, 2020", "Updated: March 3, 2024").
    Dateline,
    /// "By Jane Doe".
    Byline,
    /// A section heading inside the body (kept in the body).
    Subheading,
    /// A body paragraph.
    Paragraph,
    /// Site chrome: menus, prompts, counters, footers.
    SiteChrome,
    /// "Read more:" and the like, over related links.
    ReadMoreHeader,
    /// The headline of another article, listed under a read-more header.
    RelatedLink,
}

impl LineKind {
    /// Whether lines of this kind are dropped from the article's text.
    pub fn is_removed(self) -> bool {
        matches!(
            self,
            LineKind::TitleRepeat
                | LineKind::CaptionRepeat
                | LineKind::SiteChrome
                | LineKind::ReadMoreHeader
                | LineKind::RelatedLink
        )
    }
}

/// One line of an article with what it is and the rule that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassifiedLine {
    /// The 1-based line of the file.
    pub line: LineNo,
    /// The line's text, trimmed.
    pub text: String,
    /// What it is.
    pub kind: LineKind,
    /// Why, in a few words a user can read ("repeated in the header", "recurs in 8 articles").
    pub rule: Cow<'static, str>,
}

/// One article found in a file: all the lines of its region, classified, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The article's title (a headline line, or taken from the first sentence when there is none).
    pub title: String,
    /// The line the title stands on.
    pub line: LineNo,
    /// Every line of the article's region.
    pub lines: Vec<ClassifiedLine>,
}

impl Article {
    /// The first line of a kind, if any.
    pub fn first(&self, kind: LineKind) -> Option<&ClassifiedLine> {
        self.lines.iter().find(|l| l.kind == kind)
    }

    /// All lines of some kinds, in order.
    pub fn of_kinds<'a>(
        &'a self,
        kinds: &'a [LineKind],
    ) -> impl Iterator<Item = &'a ClassifiedLine> + 'a {
        self.lines.iter().filter(move |l| kinds.contains(&l.kind))
    }
}

/// Non-blank lines, trimmed, grouped into blocks that two or more blank lines set apart.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut blocks = Vec::new();
    let mut current: Block<'_> = Vec::new();
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

/// Splits one text into articles using only its own line statistics.
pub fn segment(text: &str) -> Vec<Article> {
    let blocks = blocks(text);
    let stats = LineStats::from_blocks(blocks.iter().map(Vec::as_slice));
    segment_blocks(&blocks, &stats)
}

/// Splits a file's blocks into articles, with line statistics of the whole corpus.
/// Returns no article only when the blocks hold no line at all. Never panics.
pub fn segment_blocks(blocks: &[Block<'_>], stats: &LineStats) -> Vec<Article> {
    let mut articles: Vec<Article> = Vec::new();
    let mut orphans: Vec<ClassifiedLine> = Vec::new();
    for block in blocks {
        match classify_block(block, stats) {
            Some(mut article) => {
                article.lines.splice(0..0, orphans.drain(..));
                articles.push(article);
            }
            None => {
                let lines = block.iter().map(|&(line, text)| {
                    removed(line, text, LineKind::SiteChrome, "a block with no sentence")
                });
                match articles.last_mut() {
                    Some(previous) => previous.lines.extend(lines),
                    None => orphans.extend(lines),
                }
            }
        }
    }
    if articles.is_empty() && !orphans.is_empty() {
        // Text without a single sentence (a list, a label): still one article, nothing dropped.
        let title = orphans[0].text.clone();
        let line = orphans[0].line;
        for (index, orphan) in orphans.iter_mut().enumerate() {
            orphan.kind = if index == 0 {
                LineKind::Title
            } else {
                LineKind::Paragraph
            };
            orphan.rule = Cow::from("a text with no sentence is kept whole");
        }
        articles.push(Article {
            title,
            line,
            lines: orphans,
        });
    }
    articles
}

fn removed(
    line: LineNo,
    text: &str,
    kind: LineKind,
    rule: impl Into<Cow<'static, str>>,
) -> ClassifiedLine {
    ClassifiedLine {
        line,
        text: text.to_owned(),
        kind,
        rule: rule.into(),
    }
}

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// [`words`] counted to one past `bound` at most: it compares with `bound` as the full count
/// does, without counting every word of a long paragraph.
fn words_capped(line: &str, bound: usize) -> usize {
    line.split_whitespace().take(bound + 1).count()
}

/// Ends with . ! ? or … (closing quotes and brackets after them allowed).
fn ends_like_sentence(line: &str) -> bool {
    line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
    })
    .ends_with(['.', '!', '?', '…'])
}

/// A body paragraph rather than a label, heading or headline.
fn is_sentence(line: &str) -> bool {
    let count = words(line);
    count >= 20 || (count >= 4 && ends_like_sentence(line))
}

/// Chrome by shape, phrase or recurrence (but never a sentence by recurrence alone).
/// `key` is the line's [`chrome::key_hash`].
fn chrome_rule(line: &str, key: u64, stats: &LineStats) -> Option<Cow<'static, str>> {
    if chrome::is_fragment(line) {
        return Some("a fragment, not text".into());
    }
    if chrome::is_known_phrase(line) {
        return Some("a phrase sites add to pages".into());
    }
    if chrome::is_inline_link(line) {
        return Some("a link to another article".into());
    }
    let recurs = stats.blocks_for_hash(key);
    if recurs >= RECURRING_BLOCKS && !is_sentence(line) {
        return Some(format!("recurs in {recurs} articles").into());
    }
    None
}

const DATE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "date",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "et",
    "est",
    "edt",
    "bst",
    "cet",
    "cest",
    "pt",
    "pst",
    "pdt",
    "ast",
    "of",
    "the",
];

/// A line that only dates the article: "• September 28, 2020", "Updated: 3 March 2024, 10:15 GMT".
pub fn is_dateline(line: &str) -> bool {
    // At most one token past the most a date line has: a paragraph is not lower-cased whole.
    let tokens: Vec<String> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '•' | '·' | '/' | '–' | '—'))
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty())
        .take(13)
        .map(str::to_lowercase)
        .collect();
    if tokens.is_empty() || tokens.len() > 12 {
        return false;
    }
    let mut has_month = false;
    let mut has_number = false;
    for token in &tokens {
        let token = token.trim_end_matches('.');
        let numeric = token
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '-');
        if month_number(token).is_some() {
            has_month = true;
        } else if numeric && token.chars().any(|c| c.is_ascii_digit()) {
            has_number = true;
            // 2024-10-05 carries its own month.
            if token.matches('-').count() == 2 {
                has_month = true;
            }
        } else if !(weekday_number(token).is_some()
            || DATE_WORDS.contains(&token)
            || token.ends_with("st")
                && token[..token.len() - 2].chars().all(|c| c.is_ascii_digit())
            || token.ends_with("nd")
                && token[..token.len() - 2].chars().all(|c| c.is_ascii_digit())
            || token.ends_with("rd")
                && token[..token.len() - 2].chars().all(|c| c.is_ascii_digit())
            || token.ends_with("th")
                && token[..token.len() - 2].chars().all(|c| c.is_ascii_digit()))
        {
            return false;
        }
    }
    has_month && has_number
}

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "BY JANE DOE"; not a menu in capitals
/// ("BY USE CASE").
fn is_byline(line: &str) -> bool {
    let mut parts = line.split_whitespace();
    let first = parts.next().unwrap_or("");
    let second = parts.next().unwrap_or("");
    first.eq_ignore_ascii_case("by")
        && second.chars().next().is_some_and(char::is_uppercase)
        && words_capped(line, 10) <= 10
        && !ends_like_sentence(line)
        && (line.chars().any(char::is_lowercase) || names_a_person(line[2..].trim()))
}

/// How many lines a table of contents above an article lists at most.
const CONTENTS_LINES: usize = 30;

/// The header of a table of contents ("Table of Contents", "In this article", "Jump to").
fn is_contents_header(line: &str) -> bool {
    line.len() <= 24 && chrome::key(line).starts_with("table of content")
        || page::is_label(
            line,
            &[
                "contents",
                "in this article",
                "in this post",
                "in this guide",
                "in this story",
                "on this page",
                "jump to",
                "jump to section",
                "article contents",
                "what's inside",
                "quick links",
            ],
        )
}

/// A photo's credit ("Photo: Jane Doe/Agency", "Image by …"), or a caption that names one.
fn is_credit(line: &str) -> bool {
    const CREDITS: &[&str] = &[
        "photo:",
        "photograph:",
        "image:",
        "credit:",
        "photo by",
        "image by",
        "picture:",
    ];
    page::after_opener(line, CREDITS).is_some()
        || line
            .match_indices('(')
            .any(|(at, _)| page::after_opener(&line[at + 1..], CREDITS).is_some())
}

/// Written in capitals: more than a few letters, none of them lower case.
fn is_all_caps(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() > 8 && !text.chars().any(char::is_lowercase)
}

/// A line of the article's details, as printed under a headline: its author, its date, its
/// reading time ("By Jane Doe", "Written by …", "March 3, 2025", "5 min read", "Updated …").
fn is_details_line(line: &str) -> bool {
    if words_capped(line, 15) > 15 {
        return false;
    }
    // "By" alone, the author's name on the next line.
    let opens = is_author_label(line)
        || page::after_opener(
            line,
            &[
                "by ",
                "by:",
                "written by",
                "posted",
                "published",
                "updated",
                "last updated",
                "reviewed by",
                "author",
                "edited by",
                "words by",
            ],
        )
        .is_some();
    let reading_time = line
        .split_whitespace()
        .next()
        .is_some_and(|first| first.chars().all(|c| c.is_ascii_digit()))
        && line.to_ascii_lowercase().contains(" min");
    opens || reading_time || is_dateline(line) || words_capped(line, 12) <= 12 && has_day(line)
}

/// Ends in a short credit in brackets: "... in Geneva. (AFP)", "... on Thursday (Government media)".
fn has_photo_credit(line: &str) -> bool {
    let trimmed = line.trim_end();
    let lowered = trimmed.to_lowercase();
    if [
        "photo:",
        "photograph:",
        "image:",
        "credit:",
        "photo by",
        "picture:",
    ]
    .iter()
    .any(|p| lowered.starts_with(p) || lowered.contains(&format!(" {p}")))
    {
        return true;
    }
    let Some(inner) = trimmed
        .strip_suffix(')')
        .and_then(|rest| rest.rfind('(').map(|open| &rest[open + 1..]))
    else {
        return false;
    };
    let credit_words = words(inner);
    (1..=4).contains(&credit_words)
        && inner.chars().next().is_some_and(char::is_uppercase)
        && words_capped(trimmed, 4) >= 4
}

/// A short line above another line that is not a sentence either: a menu item or section label
/// ("Home", "Domain Registration") over the headline. Not when the next line is the header of a
/// short headline (a dateline, a byline, a caption).
fn is_label_over_headline(block: &[(LineNo, &str)], index: usize) -> bool {
    let (_, line) = block[index];
    let Some(&(_, next)) = block.get(index + 1) else {
        return false;
    };
    let next_repeats = block[index + 2..].iter().any(|&(_, later)| later == next);
    // A title of a few words that the page gives again is its headline, not a label.
    let repeats =
        || words_capped(line, 2) >= 2 && block[index + 1..].iter().any(|&(_, later)| later == line);
    words_capped(line, 3) <= 3
        && !ends_like_sentence(line)
        && !ends_like_sentence(next)
        && words(next) >= words(line)
        && !is_dateline(next)
        && !is_byline(next)
        && !has_photo_credit(next)
        && !next_repeats
        && !is_dateline(line)
        && !repeats()
}

/// A line that can be the headline of another article under a read-more header.
fn is_link_like(line: &str, chrome: &Option<Cow<'static, str>>) -> bool {
    (3..=30).contains(&words_capped(line, 30)) && !ends_like_sentence(line) && chrome.is_none()
}

/// A title for an article whose file has no headline: its first sentence, shortened.
fn title_from_sentence(line: &str) -> String {
    let end = line
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && i > 20)
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(line.len());
    let sentence = &line[..end];
    let all: Vec<&str> = sentence.split_whitespace().collect();
    // A first clause of a reasonable length reads better than a cut in mid-phrase.
    let clause = all
        .iter()
        .position(|word| word.ends_with(','))
        .filter(|&at| (5..16).contains(&at));
    if all.len() <= 14 {
        sentence.to_owned()
    } else if let Some(at) = clause {
        format!("{}…", all[..=at].join(" ").trim_end_matches(','))
    } else {
        let cut = all[..12].join(" ");
        format!("{}…", cut.trim_end_matches([',', ';', ':']))
    }
}

/// Where the headline stands and what it says.
struct TitleChoice {
    /// Its index in the block.
    index: usize,
    /// Its text.
    text: String,
    /// The page's title bar above it (the headline with the site's name), when that is another
    /// line.
    page_title: Option<usize>,
}

/// How much of its wording a headline must share with the page title to be taken for it.
const TITLE_LIKENESS: f32 = 0.5;

/// How much likeness standing right above the article is worth.
const NEAR_ARTICLE: f32 = 0.2;

/// How many lines into the article's run a headline over its details is looked for.
const HEADLINE_INTO_RUN: usize = 8;

/// How much likeness standing inside the article's run costs.
const INSIDE_RUN: f32 = 0.1;

/// How much likeness standing over the article's details (its author, its date) is worth.
const OVER_DETAILS: f32 = 0.35;

/// The least likeness to the page title a headline has, however it stands.
const MIN_LIKENESS: f32 = 0.2;

/// How many lines under the page title make the banner, where a site writes its name.
const BANNER_LINES: usize = 3;

/// How many lines into the article's run the page title's headline is looked for.
const TITLE_INTO_RUN: usize = 6;

/// How many times a line stands on a page to be a button ("Start My LLC"), never a headline.
const BUTTON_REPEATS: usize = 5;

/// How many lines under a site's name standing alone at the top its page title is looked for.
const TITLE_BAR_REACH: usize = 10;

/// The page title a few lines under a site's name standing alone at the top of the block
/// ("LESSWRONG", a notice, then "Scalable End-to-End Interpretability — LessWrong"): a line above
/// the article whose last part is that name, in any case.
fn title_bar_below(block: &[(LineNo, &str)], first: usize, run_start: usize) -> Option<usize> {
    let name = block[first].1.trim();
    if page::word_count(name) > 3 || !page::title_parts(name).is_empty() {
        return None;
    }
    let name = letters(name);
    (first + 1..run_start.min(first + 1 + TITLE_BAR_REACH)).find(|&j| {
        let parts = page::title_parts(block[j].1);
        parts.len() >= 2 && parts.last().is_some_and(|last| letters(last) == name)
    })
}

/// A line's letters and digits in lower case, to compare two spellings of one title
/// ("LESSWRONG" and "LessWrong", "history of coffee" and "History of Coffee").
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The page title without the site's name: the headline as the site words it (its first part,
/// of one word too when the page names its site).
fn page_headline(page_title: &str, parts: &[&str], site: Option<&str>) -> String {
    match parts.first() {
        Some(part) if page::word_count(part) >= 2 || site.is_some() => (*part).to_owned(),
        _ => page_title.to_owned(),
    }
}

/// The most words a copyright notice has after its mark ("© 2025 Great Day Improvements, LLC").
const NOTICE_WORDS: usize = 12;

/// The parts of the page title `block[first]`, the headline's first, and the one that is the
/// site's name where the page says which: the part its copyright notice names ("Headline |
/// Site" over "© 2025 Site, LLC"), put last; or the words before a colon that stand alone in the
/// banner under it while the headline stands alone below ("Site: Headline" over "Site", then
/// "Headline"). Never the only part.
fn title_parts_and_site<'a>(
    block: &[(LineNo, &'a str)],
    first: usize,
) -> (Vec<&'a str>, Option<&'a str>) {
    let first_text = block[first].1;
    let mut parts = page::title_parts(first_text);
    if parts.len() >= 2 {
        let notices: Vec<String> = block
            .iter()
            .filter_map(|&(_, line)| copyright_notice(line))
            .collect();
        let named: Vec<usize> = (0..parts.len())
            .filter(|&k| {
                let part = parts[k].to_lowercase();
                notices
                    .iter()
                    .any(|notice| crate::extract::entities::holds_words(notice, &part))
            })
            .collect();
        // One name, perhaps written twice ("Headline – Site - Site"), beside a headline.
        let site = named.first().map(|&k| parts[k]).filter(|&site| {
            named.iter().all(|&k| parts[k] == site) && parts.iter().any(|&part| part != site)
        });
        if let Some(site) = site {
            parts.retain(|&part| part != site);
            parts.push(site);
        }
        return (parts, site);
    }
    if parts.is_empty() {
        if let Some((site, headline)) = first_text.split_once(": ") {
            let (site, headline) = (site.trim(), headline.trim());
            let banner = (first + 1..(first + 1 + BANNER_LINES).min(block.len()))
                .any(|j| block[j].1.trim() == site);
            // And the headline alone further down: a tag under "Brexit: Talks collapse" is
            // no site's name when the page's headline keeps it.
            let alone = || {
                block[first + 1..]
                    .iter()
                    .any(|&(_, line)| line.trim() == headline)
            };
            if banner && page::word_count(headline) >= 2 && alone() {
                return (vec![headline, site], Some(site));
            }
        }
    }
    (parts, None)
}

/// The words of a copyright notice after its mark, in lower case ("© 2025 Site, LLC", "Copyright
/// 2024 Site"): a short line that starts with it, never a credit inside a caption.
fn copyright_notice(line: &str) -> Option<String> {
    let line = line.trim_start();
    let rest = if let Some(rest) = line.strip_prefix('©') {
        rest
    } else if line.get(..9)?.eq_ignore_ascii_case("copyright") {
        &line[9..]
    } else {
        return None;
    };
    (page::word_count(rest) <= NOTICE_WORDS).then(|| rest.to_lowercase())
}

/// How many lines below a trail of links run together its headline is looked for.
const TRAIL_REACH: usize = 6;

/// The most words of a label in front of a headline ("Blog: Headline").
const LABEL_WORDS: usize = 3;

/// The page title's `headline` where a line gives it with a label in front ("Blog: Headline") or
/// an addition after a separator ("Headline / Dec 2025", "Headline - Part 1").
fn within_label<'a>(line: &'a str, headline: &str) -> Option<&'a str> {
    let line = line.trim();
    if page::word_count(headline) < 3 || line.len() <= headline.len() {
        return None;
    }
    if let Some(label) = line.strip_suffix(headline) {
        let label = label.trim_end();
        return (label.ends_with(':') && page::word_count(label) <= LABEL_WORDS)
            .then(|| &line[line.len() - headline.len()..]);
    }
    let rest = line.strip_prefix(headline)?;
    page::TITLE_SEPARATORS
        .iter()
        .any(|separator| rest.starts_with(separator))
        .then(|| &line[..headline.len()])
}

/// A headline line without the site's name the page writes after it ("Headline – Site").
fn without_site(line: &str, site: Option<&str>) -> String {
    let Some(site) = site else {
        return line.to_owned();
    };
    let cut = line.strip_suffix(site).and_then(|head| {
        let head = head.trim_end();
        page::TITLE_SEPARATORS
            .iter()
            .find_map(|separator| head.strip_suffix(separator.trim_end()))
            .map(str::trim_end)
            .filter(|head| page::word_count(head) >= 2)
    });
    cut.unwrap_or(line).to_owned()
}

/// The headline of a block whose first remaining line is `first` and whose article run starts at
/// `run_start`: the page title (or its longest part) where it stands again nearest above the
/// article, else the line above the article most like it in its words, else the page title's
/// longest part.
fn choose_title(
    block: &[(LineNo, &str)],
    keys: &[u64],
    times: &[usize],
    chrome: &[Option<Cow<'static, str>>],
    first: usize,
    run_start: usize,
) -> TitleChoice {
    let first_text = block[first].1;
    let at_first = TitleChoice {
        index: first,
        text: first_text.to_owned(),
        page_title: None,
    };
    // The headline may stand a few lines into the run, under a notice or a standfirst.
    let reach = (run_start.max(first + 1) + TITLE_INTO_RUN).min(block.len());
    let (parts, site) = title_parts_and_site(block, first);
    // The whole first line again above the article: it is the headline (a repeated header),
    // without the site's name when it has one.
    if (first + 1..reach).any(|j| keys[j] == keys[first]) {
        return TitleChoice {
            text: page_headline(first_text, &parts, site),
            ..at_first
        };
    }
    // Else a part of the page title where it stands again: the headline's part first (never a
    // part much shorter than the longest: the site's name or a section's), and never the
    // title's last part where it stands in the banner at the top of the page: that is the
    // site's name ("Headline | Site").
    // The title's last part ("Headline | Site"), or the part the page names as its site: where
    // it stands in the banner, or alone above the article, it is the site's name.
    let last_part = site.or_else(|| {
        parts
            .iter()
            .copied()
            .find(|part| first_text.trim_end().ends_with(*part))
    });
    let longest = parts.iter().map(|part| part.len()).max().unwrap_or(0);
    let nearest = parts
        .iter()
        .enumerate()
        .filter(|&(k, part)| {
            page::word_count(part) >= 2
                && (k == 0 || part.len() * 2 >= longest)
                && Some(*part) != site
        })
        .map(|(_, part)| part)
        .find_map(|part| {
            let part_key = chrome::key_hash(part);
            let j = (first + 1..reach).rev().find(|&j| keys[j] == part_key)?;
            let site_name = j <= first + BANNER_LINES
                && run_start > first + BANNER_LINES
                && last_part == Some(*part);
            (!site_name).then_some(j)
        });
    if let Some(j) = nearest {
        return TitleChoice {
            index: j,
            text: block[j].1.to_owned(),
            page_title: Some(first),
        };
    }
    let page_headline = page_headline(first_text, &parts, site);
    if run_start <= first + 1 {
        return TitleChoice {
            text: page_headline,
            ..at_first
        };
    }
    // No repeat: the line above the article most like the page title or its longest part is
    // the headline, worded a little differently; the nearest of equals. A line right above the
    // article (or opening it: a question headline reads as a sentence) needs less likeness.
    let mut best: Option<(f32, usize)> = None;
    let mut near = 0;
    // A headline over the article's details may stand a few lines into the run.
    let last = (run_start + 1 + HEADLINE_INTO_RUN).min(block.len());
    // The site's name alone is no headline, however like the whole title it is.
    let site_name = last_part.map(chrome::key_hash);
    let headline_words = parts.first().map(|part| page::TitleWords::new(part));
    // The site's name, where the page says which part it is, is none of the headline's words.
    let title_words = match site {
        Some(_) => page::TitleWords::new(&parts[..parts.len() - 1].join(" ")),
        None => page::TitleWords::new(first_text),
    };
    // A table of contents above the article lists its headings, which are no headline.
    let contents = (first + 1..last).find(|&j| is_contents_header(block[j].1));
    for j in (first + 1..last).rev() {
        let text = block[j].1;
        if chrome[j].is_some()
            || !page::is_headline_like(text)
            || Some(keys[j]) == site_name
            || is_credit(text)
            || times[j] >= BUTTON_REPEATS
        {
            continue;
        }
        if contents.is_some_and(|k| k < j && j - k <= CONTENTS_LINES) {
            continue;
        }
        if j < run_start {
            near += 1;
        }
        if j == run_start && text.ends_with('.') {
            continue;
        }
        let similarity = headline_words
            .as_ref()
            .map_or(0.0, |words| words.similarity(text))
            .max(title_words.similarity(text));
        if similarity < MIN_LIKENESS {
            continue;
        }
        let mut bonus = if near <= 1 { NEAR_ARTICLE } else { 0.0 };
        // A headline stands over the article's details (its author, its date).
        let over_details = block[j + 1..(j + 4).min(block.len())]
            .iter()
            .any(|&(_, below)| is_details_line(below));
        if over_details {
            bonus += OVER_DETAILS;
        }
        if j > run_start {
            // Inside the run, only a headline over the article's details.
            if !over_details || text.ends_with('!') {
                continue;
            }
            bonus -= INSIDE_RUN;
        }
        let similarity = similarity + bonus;
        // The best, and of equals the nearest the article's start.
        let better = best.is_none_or(|(s, k)| {
            similarity > s || similarity == s && j.abs_diff(run_start) < k.abs_diff(run_start)
        });
        if similarity >= TITLE_LIKENESS && better {
            best = Some((similarity, j));
        }
    }
    if let Some((_, mut j)) = best {
        // A trail of links run together in front of the headline ("Home Blog Headline"), the
        // headline standing alone just below it: that line.
        let trail_end = (j + 1..(j + 1 + TRAIL_REACH).min(block.len())).find(|&k| {
            let below = block[k].1.trim();
            page::word_count(below) >= 3
                && block[j]
                    .1
                    .trim()
                    .strip_suffix(below)
                    .is_some_and(|head| head.ends_with(' '))
        });
        if let Some(k) = trail_end {
            j = k;
        }
        let headline = parts.first().copied().unwrap_or(first_text);
        let text = within_label(block[j].1, headline)
            .map_or_else(|| without_site(block[j].1, site), str::to_owned);
        return TitleChoice {
            index: j,
            text,
            page_title: Some(first),
        };
    }
    TitleChoice {
        index: first,
        text: page_headline,
        page_title: None,
    }
}

/// The most words of a heading between the rows of a table ("Premier league", "England first
/// innings").
const TABLE_HEADING_WORDS: usize = 4;

/// The most words of a table's row.
const TABLE_ROW_WORDS: usize = 24;

/// A row of a table of results or figures: a few words with a name and a figure standing
/// alone (a score, a count; not a year), no sentence, no date and no colon at the end (which
/// introduces a table, "Leading scores (par 72):") ("Arsenal 2 Derby 2", "M.
/// Atherton c Moin Khan b Wasim Akram 31", "Leeds 15 8 5 2 28 17 29").
fn is_table_row(line: &str) -> bool {
    let figure = |token: &str| {
        let token = token.trim_end_matches([',', ';']);
        let year = token.len() == 4
            && token
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2099).contains(&y));
        token.bytes().any(|b| b.is_ascii_digit())
            && token
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b':' | b'.' | b','))
            && !year
    };
    // Words and figures; brackets and dashes standing alone are not counted.
    let tokens: Vec<&str> = line
        .split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .collect();
    let figures = tokens.iter().filter(|t| figure(t)).count();
    // A row of many figures may end as a sentence does: "Liverpool 0 Sunderland 0. Attendance:
    // 40,503."
    let mostly_figures = figures >= 3 && figures * 3 >= tokens.len();
    tokens.len() <= TABLE_ROW_WORDS
        && line.chars().any(char::is_uppercase)
        && figures > 0
        && (!ends_like_sentence(line) || mostly_figures)
        && !line.trim_end().ends_with(':')
        && !has_day(line)
}

/// A line that introduces a table under it: three words or more, ending in a colon ("Results
/// of Saturday's matches:").
fn introduces_table(line: &str) -> bool {
    words_capped(line, 3) >= 3 && line.trim_end().ends_with(':')
}

/// A heading between the rows of a table: a few words, no sentence ("Premier league").
fn is_table_heading(line: &str) -> bool {
    words_capped(line, TABLE_HEADING_WORDS) <= TABLE_HEADING_WORDS && !ends_like_sentence(line)
}

/// Whether so many rows, with so many headings between them, make a table: two rows or more,
/// twice as many as the headings (a list of other stories, names and dates, is no table).
fn is_table(rows: usize, headings: usize) -> bool {
    rows >= 2 && rows >= 2 * headings
}

/// The line introducing a table right above the article's run (`run_start`), below `from`:
/// a wire report may open with its results ("Leading scores after the second round:", rows,
/// then "Johansson had six birdies …"). The table is two rows or more, twice as many as the
/// short headings between them, under a line of three words or more ending in a colon.
fn table_above(
    block: &[(LineNo, &str)],
    chrome: &[Option<Cow<'static, str>>],
    from: usize,
    run_start: usize,
) -> Option<usize> {
    let (mut rows, mut headings) = (0, 0);
    let mut j = run_start;
    while j > from {
        j -= 1;
        let text = block[j].1;
        if chrome[j].is_some() {
            return None;
        }
        if is_table_row(text) {
            rows += 1;
        } else if is_table_heading(text) {
            headings += 1;
        } else {
            return (introduces_table(text) && is_table(rows, headings)).then_some(j);
        }
    }
    None
}

fn classify_block(block: &[(LineNo, &str)], stats: &LineStats) -> Option<Article> {
    if !block.iter().any(|&(_, line)| is_sentence(line)) {
        return None;
    }
    let mut lines: Vec<ClassifiedLine> = Vec::with_capacity(block.len());
    // Each line's comparison key and chrome verdict, worked out once.
    let keys: Vec<u64> = block
        .iter()
        .map(|&(_, text)| chrome::key_hash(text))
        .collect();
    let chrome: Vec<Option<Cow<'static, str>>> = block
        .iter()
        .zip(&keys)
        .map(|(&(_, text), &key)| chrome_rule(text, key, stats))
        .collect();
    // Lines seen before in the block: the keys sorted once, each line's earliest index kept.
    let mut by_key: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
    by_key.sort_unstable();
    let mut first_of = vec![0usize; keys.len()];
    // How many times each line stands in the block.
    let mut times = vec![0usize; keys.len()];
    for group in by_key.chunk_by(|a, b| a.0 == b.0) {
        for &(_, index) in group {
            first_of[index] = group[0].1;
            times[index] = group.len();
        }
    }
    // The article's run: where prose outweighs everything else.
    let weights: Vec<page::Weight> = block
        .iter()
        .zip(&chrome)
        .enumerate()
        .map(|(index, (&(_, text), rule))| {
            let repeated = first_of[index] != index;
            page::weigh(text, is_sentence(text), rule.is_some(), repeated)
        })
        .collect();
    let (run_start, mut run_end) = page::main_run(&weights).unwrap_or((0, block.len() - 1));
    // A short last sentence of the article ("Work starts next spring.") weighs little alone,
    // but it is the article's when it follows the run at once.
    while let Some(&(_, next)) = block.get(run_end + 1) {
        let prose = is_sentence(next)
            && chrome[run_end + 1].is_none()
            && matches!(weights[run_end + 1], page::Weight::Score(_))
            && page::function_word_share(next) >= page::PROSE_SHARE;
        if !prose {
            break;
        }
        run_end += 1;
    }
    let mut i = 0;

    // 1. Leading chrome.
    while i < block.len() {
        let (number, text) = block[i];
        let rule = chrome[i].clone().or_else(|| {
            is_label_over_headline(block, i).then(|| Cow::from("a label above the headline"))
        });
        match rule {
            Some(rule) => lines.push(removed(number, text, LineKind::SiteChrome, rule)),
            None => break,
        }
        i += 1;
    }
    block.get(i)?;

    // 2. The title.
    let page_title_at = title_bar_below(block, i, run_start).unwrap_or(i);
    let mut choice = choose_title(block, &keys, &times, &chrome, page_title_at, run_start);
    if page_title_at > i && choice.page_title.is_none() {
        // The lines above the page title are the banner's.
        choice.page_title = Some(page_title_at);
    }
    let found_below = choice.page_title.is_some();
    let title_index = choice.index;
    if found_below {
        // Between the page title and the headline: menus (a date there is settled below).
        for j in i..title_index {
            let (number, text) = block[j];
            let (kind, rule) = if Some(j) == choice.page_title {
                (
                    LineKind::TitleRepeat,
                    Cow::from("the page title, with the site's name"),
                )
            } else if let Some(rule) = chrome[j].clone() {
                (LineKind::SiteChrome, rule)
            } else {
                (LineKind::SiteChrome, Cow::from("above the headline"))
            };
            lines.push(removed(number, text, kind, rule));
        }
        i = title_index;
    }
    let (title_line, first) = block[i];
    let title;
    if words_capped(first, 20) >= 20 && ends_like_sentence(first) && run_start <= i {
        title = title_from_sentence(first);
    } else {
        let headline = page::clean_title(&choice.text);
        // The headline in the page title's words, but in capitals, in lower case from its
        // first letter ("history of coffee") or with a word broken in two ("Planning C ycle"):
        // the page title's spelling.
        let page_title = block[page_title_at].1;
        title = page::title_parts(page_title)
            .into_iter()
            .chain([page_title])
            .find(|part| {
                letters(part) == letters(&headline)
                    && (is_all_caps(&headline)
                        || words(&headline) > words(part)
                        || headline.chars().next().is_some_and(char::is_lowercase))
            })
            .map_or(headline, str::to_owned);
        lines.push(removed(
            title_line,
            first,
            LineKind::Title,
            if found_below {
                "the page title's headline, above the article"
            } else {
                "the first line of the article"
            },
        ));
        i += 1;
    }
    let title_key = chrome::key_hash(&title);
    // Everything up to the article's run is header or chrome, but for a table the article
    // opens with.
    let header_limit = table_above(block, &chrome, i, run_start)
        .unwrap_or(run_start)
        .max(i);

    // 3. The header: up to the article's run everything is header or chrome; inside the run,
    // the header goes on while its lines are header lines.
    let mut caption: Option<&str> = None;
    let mut dateline = false;
    let mut byline = false;
    while i < block.len() {
        let (number, text) = block[i];
        let (kind, rule) = if keys[i] == title_key {
            (LineKind::TitleRepeat, Cow::from("the headline again"))
        } else if caption == Some(text) {
            (LineKind::CaptionRepeat, Cow::from("the caption again"))
        } else if let Some(rule) = chrome[i].clone() {
            (LineKind::SiteChrome, rule)
        } else if is_dateline(text) {
            if dateline {
                (
                    LineKind::SiteChrome,
                    Cow::from("another date line in the header"),
                )
            } else {
                dateline = true;
                (LineKind::Dateline, Cow::from("a date under the headline"))
            }
        } else if !byline && is_byline(text) {
            byline = true;
            (LineKind::Byline, Cow::from("the author under the headline"))
        } else if caption.is_none()
            && is_sentence(text)
            && block[i + 1..].iter().any(|&(_, later)| later == text)
        {
            caption = Some(text);
            (
                LineKind::Caption,
                Cow::from("repeated in the header, as captions are"),
            )
        } else if caption.is_none() && has_photo_credit(text) {
            caption = Some(text);
            (LineKind::Caption, Cow::from("ends with a photo credit"))
        } else if i < header_limit {
            (
                LineKind::SiteChrome,
                Cow::from("between the headline and the article"),
            )
        } else {
            break;
        };
        lines.push(removed(number, text, kind, rule));
        i += 1;
    }

    // 4. The body: the article's run; what follows it is related links or chrome.
    let last_paragraph = (i..=run_end.max(i).min(block.len() - 1))
        .rev()
        .find(|&j| {
            let text = block[j].1;
            chrome[j].is_none()
                && keys[j] != title_key
                && (ends_like_sentence(text) && words_capped(text, 4) >= 4
                    || words_capped(text, 20) >= 20)
        })
        .unwrap_or(i);
    // A last paragraph that ends in a colon introduces what follows it: the rows of its table
    // ("Results of Saturday's matches:", "Arsenal 2 Derby 2", …), with headings between them,
    // are the article's.
    let mut table_rows: Vec<usize> = Vec::new();
    // Headings of the table too short to be text anywhere else ("Men").
    let mut short_headings: Vec<usize> = Vec::new();
    let introduces = |j: usize| {
        block
            .get(j)
            .is_some_and(|&(_, text)| chrome[j].is_none() && introduces_table(text))
    };
    // The line that introduces it: the last paragraph, or the line right under it.
    let intro = [last_paragraph, last_paragraph + 1]
        .into_iter()
        .find(|&j| introduces(j));
    if let Some(intro) = intro {
        let (mut headings, mut headings_before_last_row) = (0, 0);
        let mut j = intro + 1;
        // A word too short to be text ("Men") heads the rows under it.
        let heads_rows = |j: usize| {
            chrome::is_fragment(block[j].1)
                && block[j].1.chars().any(char::is_alphabetic)
                && (j + 1..(j + 3).min(block.len())).any(|r| is_table_row(block[r].1))
        };
        while j < block.len() && (chrome[j].is_none() || heads_rows(j)) && keys[j] != title_key {
            let text = block[j].1;
            if is_table_row(text) {
                table_rows.push(j);
                headings_before_last_row = headings;
            } else if is_table_heading(text) {
                if chrome[j].is_some() {
                    short_headings.push(j);
                }
                headings += 1;
            } else {
                break;
            }
            j += 1;
        }
        if !is_table(table_rows.len(), headings_before_last_row) {
            table_rows.clear();
            short_headings.clear();
        }
    }
    let table_end = table_rows.last().copied().unwrap_or(last_paragraph);
    let mut under_read_more = false;
    for j in i..block.len() {
        let (number, text) = block[j];
        let (kind, rule) = if keys[j] == title_key {
            (LineKind::TitleRepeat, Cow::from("the headline again"))
        } else if caption == Some(text) {
            (LineKind::CaptionRepeat, Cow::from("the caption again"))
        } else if chrome::is_read_more_header(text) {
            let links_follow = block
                .get(j + 1)
                .is_some_and(|&(_, next)| is_link_like(next, &chrome[j + 1]));
            under_read_more = links_follow;
            if links_follow {
                (
                    LineKind::ReadMoreHeader,
                    Cow::from("introduces links to other articles"),
                )
            } else {
                (
                    LineKind::SiteChrome,
                    Cow::from("a phrase sites add to pages"),
                )
            }
        } else if under_read_more && is_link_like(text, &chrome[j]) {
            (
                LineKind::RelatedLink,
                Cow::from("a headline listed under \"read more\""),
            )
        } else if short_headings.contains(&j) {
            (
                LineKind::Subheading,
                Cow::from("a heading inside the table"),
            )
        } else if let Some(rule) = chrome[j].clone() {
            under_read_more = false;
            (LineKind::SiteChrome, rule)
        } else if j > last_paragraph && j <= table_end {
            if Some(j) == intro {
                (
                    LineKind::Paragraph,
                    Cow::from("introduces the table under it"),
                )
            } else if table_rows.contains(&j) {
                (
                    LineKind::Paragraph,
                    Cow::from("a row of the table the article introduces"),
                )
            } else {
                (LineKind::Subheading, Cow::from("a heading inside the body"))
            }
        } else if j > last_paragraph {
            if page::is_section_end(text) {
                (
                    LineKind::SiteChrome,
                    Cow::from("ends the article (comments, other stories)"),
                )
            } else {
                (
                    LineKind::SiteChrome,
                    Cow::from("after the article's last sentence"),
                )
            }
        } else if is_sentence(text) || j == last_paragraph {
            under_read_more = false;
            (LineKind::Paragraph, Cow::from("a sentence of the body"))
        } else {
            (LineKind::Subheading, Cow::from("a heading inside the body"))
        };
        lines.push(removed(number, text, kind, rule));
    }

    // The date stands by the headline: when the headline is the page title on the first line,
    // by its repeat nearest the article.
    let anchor = if found_below {
        title_index
    } else {
        (title_index..header_limit.min(lines.len()))
            .rev()
            .find(|&k| matches!(lines[k].kind, LineKind::Title | LineKind::TitleRepeat))
            .unwrap_or(title_index)
    };
    // A headline far above the article (a page title that stands nowhere else): the date is
    // looked for where the article starts.
    let anchor = if anchor + DATE_BELOW < run_start {
        run_start - 1
    } else {
        anchor
    };
    choose_dateline(&mut lines, anchor, run_start, last_paragraph);
    choose_byline(&mut lines, anchor, run_start);
    Some(Article {
        title,
        line: title_line,
        lines,
    })
}

/// How many lines from the headline its date is looked for: above it, and below it (but never
/// further than a few lines into the article).
const DATE_ABOVE: usize = 12;
const DATE_BELOW: usize = 40;
const DATE_INTO_RUN: usize = 8;
/// How many lines under its headline an article's own date stands at most.
const UNDER_HEADLINE: usize = 4;

/// Settles the article's dateline among the lines around its headline (`lines` holds one line
/// per line of the block; `anchor` is the headline nearest the article): the nearest line that
/// dates it, below before above at the same distance. A line that only says when the article
/// was updated gives way to one that says when it was published.
fn choose_dateline(
    lines: &mut [ClassifiedLine],
    anchor: usize,
    run_start: usize,
    last_paragraph: usize,
) {
    let below_end = (anchor + 1 + DATE_BELOW)
        .min(run_start.max(anchor + 1) + DATE_INTO_RUN)
        .min(lines.len());
    let mut candidates: Vec<usize> = (anchor + 1..below_end)
        .chain(anchor.saturating_sub(DATE_ABOVE)..anchor)
        .filter(|&k| {
            let line = &lines[k];
            match line.kind {
                LineKind::Dateline => true,
                LineKind::SiteChrome | LineKind::Subheading | LineKind::Byline => {
                    !chrome::is_known_phrase(&line.text) && carries_date(&line.text)
                }
                // "Posted by Jane on Friday December 19, 2025 from the desk." reads as a
                // sentence, but it dates the post.
                LineKind::Paragraph => {
                    opens_with_publication_word(&line.text) && carries_date(&line.text)
                }
                _ => false,
            }
        })
        .filter(|&k| !in_revision_list(lines, k))
        .collect();
    candidates.sort_by_key(|&k| (k.abs_diff(anchor), k < anchor));
    // The date printed right under the headline (or a copy of it) comes first: the article's
    // run can start off its headline (an embedded story, a list of other stories above it), and
    // their dates are not this article's.
    if let Some(k) = date_under_headline(lines) {
        candidates.retain(|&c| c != k);
        candidates.insert(0, k);
    }
    // Nothing by the headline: a line that says it dates the post, wherever it stands ("Posted
    // on 15/12/2025 by …", a date under a "Published" label); else the post's details under its
    // last paragraph ("June 9, 2020 · 6 Comments").
    if candidates.is_empty() {
        candidates.extend(
            publication_line(lines, last_paragraph)
                .or_else(|| post_details_after(lines, last_paragraph)),
        );
    }
    // "Originally published on …": the day the article first appeared, which a header date
    // (the day it was copied or refreshed) does not replace, unless a line says outright when
    // this copy was published.
    if let Some(original) = originally_published_line(lines) {
        let says_published = |k: usize| {
            opens_with_publication_word(&lines[k].text)
                && !is_originally_published(&lines[k].text)
                && !dates::is_update_line(&lines[k].text)
        };
        if !candidates.iter().any(|&k| says_published(k)) {
            candidates.insert(0, original);
        }
    }
    let Some(&chosen) = candidates
        .iter()
        .find(|&&k| {
            !dates::is_update_line(&lines[k].text) || is_originally_published(&lines[k].text)
        })
        .or(candidates.first())
    else {
        return;
    };
    for line in lines.iter_mut() {
        if line.kind == LineKind::Dateline {
            line.kind = LineKind::SiteChrome;
            line.rule = Cow::from("another date line in the header");
        }
    }
    let line = &mut lines[chosen];
    line.rule = Cow::from(if line.kind == LineKind::Byline {
        "the author and the date under the headline"
    } else if chosen > last_paragraph {
        "a date under the article"
    } else if chosen < anchor {
        "a date above the headline"
    } else {
        "a date under the headline"
    });
    line.kind = LineKind::Dateline;
}

/// The first line within [`UNDER_HEADLINE`] lines under a headline on the page (or a copy of
/// it) that dates the article, not an update. The first line of a page is its title, no headline
/// on the page: under it stands the site's banner, dated today (a headline there is dated by the
/// lines around it below).
fn date_under_headline(lines: &[ClassifiedLine]) -> Option<usize> {
    let headlines: Vec<usize> = (0..lines.len())
        .filter(|&h| matches!(lines[h].kind, LineKind::Title | LineKind::TitleRepeat))
        .collect();
    let on_page = match headlines.as_slice() {
        [0, rest @ ..] => rest,
        all => all,
    };
    on_page.iter().find_map(|&h| {
        (h + 1..(h + 1 + UNDER_HEADLINE).min(lines.len())).find(|&k| {
            let text = &lines[k].text;
            lines[k].kind != LineKind::Paragraph
                && !chrome::is_known_phrase(text)
                && words_capped(text, 16) <= 16
                && carries_date(text)
                && !dates::is_update_line(text)
        })
    })
}

/// How many lines above and below its headline an article's author is looked for.
const BYLINE_ABOVE: usize = 6;
const BYLINE_BELOW: usize = 12;

/// Settles the article's byline when the header gave none: a line by the headline that names
/// the author ("Written by Jane Doe", "Author: Jane Doe", "By: Jane Doe"), or a name under a
/// label that says so ("By" alone, "Written by", the name on the next line).
fn choose_byline(lines: &mut [ClassifiedLine], anchor: usize, run_start: usize) {
    if lines.iter().any(|line| line.kind == LineKind::Byline) {
        return;
    }
    // Where the date was looked for far below the headline (the article's run starts far
    // under it), a line right under the headline that says who wrote it ("Written by Jane Doe").
    let headline = lines.iter().position(|line| line.kind == LineKind::Title);
    let under_headline = headline
        .filter(|&h| h + BYLINE_ABOVE < anchor)
        .and_then(|h| {
            (h + 1..(h + 1 + UNDER_HEADLINE).min(lines.len()))
                .find(|&k| lines[k].kind == LineKind::SiteChrome && names_author(&lines[k].text))
        });
    let below_end = (anchor + 1 + BYLINE_BELOW)
        .min(run_start.max(anchor + 1) + DATE_INTO_RUN)
        .min(lines.len());
    let around = (anchor + 1..below_end).chain(anchor.saturating_sub(BYLINE_ABOVE)..anchor);
    let byline = around
        .filter(|&k| {
            matches!(
                lines[k].kind,
                LineKind::SiteChrome | LineKind::Subheading | LineKind::Paragraph
            )
        })
        .find_map(|k| {
            let text = &lines[k].text;
            if names_author(text) || lines[k].kind != LineKind::Paragraph && names_with_role(text) {
                return Some(k);
            }
            let name_below = lines.get(k + 1).is_some_and(|next| {
                matches!(next.kind, LineKind::SiteChrome | LineKind::Subheading)
                    && is_name_line(&next.text)
            });
            (name_below && is_author_label(text)).then_some(k + 1)
        });
    let byline = under_headline.or(byline);
    // Else a person's name alone by the headline, beside the article's details ("Andrew King",
    // then "March 3, 2025", "Last updated: …" or a line of their job between): the details under
    // a headline.
    let byline = byline.or_else(|| {
        (anchor.saturating_sub(BYLINE_ABOVE)..below_end).find(|&k| {
            matches!(lines[k].kind, LineKind::SiteChrome | LineKind::Subheading)
                && (k.saturating_sub(2)..(k + 3).min(lines.len())).any(|j| {
                    j != k
                        && (lines[j].kind == LineKind::Dateline || is_details_line(&lines[j].text))
                })
                && names_a_person(&lines[k].text)
        })
    });
    if let Some(k) = byline {
        lines[k].kind = LineKind::Byline;
        lines[k].rule = Cow::from("the author by the headline");
    }
}

/// A date line that names the article's author too: after "By" ("By Jane Doe | March 3,
/// 2024", "Published August 7, 2023 by Nicole Burke"), first ("Jane Doe March 3, 2024"), or
/// among its details ("March 3, 2024 · 8 min · Jane Doe").
pub(crate) fn date_line_names_author(line: &str) -> bool {
    let by_inside = line
        .match_indices(" by ")
        .chain(line.match_indices(" By "))
        .any(|(at, by)| {
            line[at + by.len()..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
    page::after_opener(line, &["by ", "by:", "written by"]).is_some()
        || by_inside
        || opens_with_person_name(line)
        || names_a_person_among_details(line)
}

/// A line that opens with a person's name, then goes on with something else: its date, "|",
/// "Published …" ("Tom Talbot October 14, 2025", "Faith Katunga • Oct 20, 2025").
fn opens_with_person_name(line: &str) -> bool {
    let calendar_word = |word: &str| {
        let lower = word.trim_end_matches([',', '.']).to_lowercase();
        month_number(&lower).is_some() || weekday_number(&lower).is_some()
    };
    let name: Vec<&str> = line
        .split_whitespace()
        .take_while(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                && !calendar_word(word)
        })
        .take(4)
        .collect();
    let rest = line.split_whitespace().count() - name.len();
    name.len() >= 2 && rest > 0 && names_a_person(&name.join(" "))
}

/// A line of details apart by bullets or bars with a person's name for one of them
/// ("December 15, 2025 · 30 min · Ash Vardanian", "12/19/2025 • Philosophy • David Gordon").
fn names_a_person_among_details(line: &str) -> bool {
    let parts = detail_parts(line);
    parts.len() >= 2 && parts.iter().any(|part| names_a_person(part))
}

/// What separates the parts of a line of an article's details ("Jane Doe | Mar 11, 2023").
const DETAIL_SEPARATORS: [char; 5] = ['|', '¦', '·', '•', '∙'];

/// The parts of a line of details, between its bars and bullets.
fn detail_parts(line: &str) -> Vec<&str> {
    line.split(DETAIL_SEPARATORS)
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect()
}

/// A person's name with their job or desk after a bar or a comma: "Jane Doe | Reporter",
/// "Audrey Huang, Print Managing Editor".
fn names_with_role(line: &str) -> bool {
    let Some((name, role)) = line.split_once(" | ").or_else(|| line.split_once(", ")) else {
        return false;
    };
    // Not a place and its state ("Snow Hill, MD"), nor a photo's credit ("Jane Doe, Agency/Redux").
    let state = role.len() == 2 && role.chars().all(|c| c.is_ascii_uppercase());
    (1..=MOST_ROLE_WORDS).contains(&words_capped(role, MOST_ROLE_WORDS))
        && !state
        && !role.chars().any(|c| c.is_ascii_digit() || c == '/')
        && role.chars().next().is_some_and(char::is_uppercase)
        && !ends_like_sentence(line)
        && names_a_person(name.trim())
}

/// The most words of a job or desk after an author's name.
const MOST_ROLE_WORDS: usize = 5;

/// A line that is only a person's name: its first word a given name, or the whole line read as
/// one person's name by the recogniser ("Kelia Losa Reinoso").
fn names_a_person(line: &str) -> bool {
    is_person_name(line) || is_name_line(line) && reads_as_person(line)
}

/// Whether the recogniser reads the whole of a short line as one person's name (not asked of a
/// line in capitals, whose shape says little).
fn reads_as_person(line: &str) -> bool {
    let Some(model) = crate::extract::ner::model().filter(|_| line.chars().any(char::is_lowercase))
    else {
        return false;
    };
    let (found, _) = crate::extract::ner::find(model, line, Field::Body, &[]);
    found.len() == 1
        && found[0].kind == Some(crate::EntityKind::Person)
        && found[0].start == 0
        && found[0].end == line.len()
}

/// A line that is only a person's name: a name line whose first word is a given name.
fn is_person_name(line: &str) -> bool {
    let gazetteer = crate::extract::gazetteer::gazetteer();
    let given = |word: &str| {
        gazetteer
            .given_names
            .contains(&*crate::extract::gazetteer::lookup_key(word))
    };
    // A given name in capitals is looked up as usually written ("SARAH" as "Sarah").
    is_name_line(line)
        && line.split_whitespace().next().is_some_and(|first| {
            given(first)
                || crate::extract::entities::capitalised_words(first).is_some_and(|w| given(&w))
        })
}

/// A short line that names the article's author: "By Jane Doe", "Written by Jane Doe", "Author:
/// Jane Doe".
fn names_author(line: &str) -> bool {
    if words_capped(line, 12) > 12 || ends_like_sentence(line) {
        return false;
    }
    let openers = [
        "by ",
        "by: ",
        "written by ",
        "posted by ",
        "reviewed by ",
        "edited by ",
        "words by ",
        "author: ",
        "authors: ",
        "written by: ",
    ];
    page::after_opener(line, &openers).is_some_and(|rest| {
        // A name, not a date ("Written By Feb 11, 2019": the name left out), nor a menu in
        // capitals ("BY USE CASE").
        let first = rest.split_whitespace().next().unwrap_or("");
        let capitals = !rest.chars().any(char::is_lowercase);
        first.chars().next().is_some_and(char::is_uppercase)
            && month_number(&first.trim_end_matches(['.', ',']).to_lowercase()).is_none()
            && (!capitals || names_a_person(rest.trim()))
    })
}

/// A label alone on its line that says the next line names the author ("By", "Written by").
fn is_author_label(line: &str) -> bool {
    page::is_label(
        line,
        &[
            "by",
            "written by",
            "posted by",
            "article by",
            "story by",
            "author",
            "authors",
            "words by",
            "reviewed by",
        ],
    )
}

/// A line that is only a person's name: two to four capitalised words, no digit.
fn is_name_line(line: &str) -> bool {
    (2..=4).contains(&words_capped(line, 4))
        && line.len() <= 40
        && !line.chars().any(|c| c.is_ascii_digit())
        && page::is_title_case(line)
}

/// A short line that carries a full date among a few other words: "By Jane Doe | Published: Jan
/// 29, 2025", "Posted on 12/03/2025 by admin", "3 min read · Dec 8, 2024". Not a sentence of
/// prose that happens to name a day.
pub fn carries_date(line: &str) -> bool {
    // A day is written with a number.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let count = words(line);
    // "Posted on December 20, 2025 by Jane Doe - 5 Comments on …": a line that opens by saying
    // it dates the post may go on for a while.
    let says_posted = count <= 40 && opens_with_publication_word(line);
    // "by Jane Doe | Mar 11, 2023 | Brakes, Repairs | 0 comments": the post's details, short
    // parts between bars or dots, one of them the date.
    let details = || {
        let parts = detail_parts(line);
        count <= 40
            && parts.len() >= 3
            && parts.iter().all(|part| words_capped(part, 10) <= 10)
            && parts
                .iter()
                .any(|part| words_capped(part, 5) <= 5 && has_day(part))
    };
    if count == 0
        || (!says_posted
            && (count > 16 || (count > 8 && page::function_word_share(line) >= 0.3))
            && !details())
    {
        return false;
    }
    has_day(line)
}

/// Whether a line is one of a list of dated changes under a heading that says so ("Updates",
/// "Changelog", "Corrections"): the days the article changed, not the day it was published.
fn in_revision_list(lines: &[ClassifiedLine], k: usize) -> bool {
    let is_revision_heading = |text: &str| {
        page::is_label(
            text,
            &[
                "update",
                "updates",
                "update log",
                "update history",
                "changelog",
                "change log",
                "changes",
                "revision",
                "revisions",
                "revision history",
                "corrections",
                "correction",
                "edits",
                "errata",
            ],
        )
    };
    let from = k.saturating_sub(REVISION_LIST);
    if !lines[from..k]
        .iter()
        .any(|line| is_revision_heading(&line.text))
    {
        return false;
    }
    // Up the list while its lines are dated, to its heading.
    (0..k)
        .rev()
        .take(REVISION_LIST)
        .take_while(|&j| is_revision_heading(&lines[j].text) || has_day(&lines[j].text))
        .any(|j| is_revision_heading(&lines[j].text))
}

/// How many dated changes a revision list is looked up through.
const REVISION_LIST: usize = 8;

/// Whether a line holds a full day (a date a reader could put on a calendar).
fn has_day(line: &str) -> bool {
    // A day is written with a number.
    line.bytes().any(|b| b.is_ascii_digit())
        && dates::find_dates(line, Field::Dateline, NumericOrder::MonthFirst)
            .iter()
            .any(|m| m.granularity == Granularity::Day && m.value.is_some())
}

/// A label alone on its line, saying that the line under it dates the article ("Published",
/// "Posted on:", "Publish date").
fn is_publication_label(line: &str) -> bool {
    page::is_label(
        line,
        &[
            "published",
            "published on",
            "publish date",
            "published date",
            "publication date",
            "date published",
            "posted",
            "posted on",
            "post date",
            "date posted",
        ],
    )
}

/// The first line of the page that says it dates the post ("Published on November 5, 2025",
/// "Post time: 01-04-2024"), or a date under a label that says so, wherever it stands: before
/// the comments, which are dated the same way.
fn publication_line(lines: &[ClassifiedLine], last_paragraph: usize) -> Option<usize> {
    for (k, line) in lines.iter().enumerate() {
        let text = line.text.as_str();
        if k > last_paragraph && page::is_section_end(text) && page::opens_comments(text) {
            return None;
        }
        if matches!(line.kind, LineKind::Title | LineKind::TitleRepeat) {
            continue;
        }
        if opens_with_publication_word(text) && carries_date(text) {
            return Some(k);
        }
        let dated_below = || {
            lines
                .get(k + 1)
                .is_some_and(|next| words_capped(&next.text, 8) <= 8 && carries_date(&next.text))
        };
        if is_publication_label(text) && dated_below() {
            return Some(k + 1);
        }
    }
    None
}

/// How many lines under the article's last paragraph its details are looked for.
const DETAILS_AFTER: usize = 5;

/// Headers of what follows an article in its place (comments, other stories), or a comment's
/// opening ("Jane says:"): a date under them is not the article's.
fn opens_other_content(line: &str) -> bool {
    let key = chrome::key(line);
    // The article's own footer (its share buttons, its tags) is no other content.
    let footer = ["share", "tags", "filed under"]
        .iter()
        .any(|word| key.starts_with(word));
    if page::is_section_end(line) && !footer {
        return true;
    }
    const OPENERS: &[&str] = &[
        "related",
        "you may also",
        "you might also",
        "more from",
        "more stories",
        "recent posts",
        "read more",
        "read next",
        "also read",
        "further reading",
        "popular",
        "latest",
        "trending",
        "recommended",
        "explore",
        "view all",
        "see all",
        "pingback",
        "reply",
    ];
    OPENERS.iter().any(|opener| {
        key.strip_prefix(opener)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    }) || key.ends_with(" says")
        || key.ends_with(" writes")
        || line.trim_end().ends_with("says:")
}

/// The post's details under its last paragraph ("June 9, 2020 · 6 Comments", "Andrew Liptak /
/// 01 May 2025 / Book List"): the first short line with a day among the next few, before
/// anything else starts, and not one of a list of dated items (another day near it).
fn post_details_after(lines: &[ClassifiedLine], last_paragraph: usize) -> Option<usize> {
    for k in (last_paragraph + 1..lines.len()).take(DETAILS_AFTER) {
        let text = lines[k].text.as_str();
        if opens_other_content(text) {
            return None;
        }
        if words_capped(text, 30) > 30 || !has_day(text) || dates::is_update_line(text) {
            continue;
        }
        let near = k.saturating_sub(6)..(k + 7).min(lines.len());
        if near.filter(|&j| j != k).any(|j| has_day(&lines[j].text)) {
            return None;
        }
        return Some(k);
    }
    None
}

/// Whether a line says when the article first appeared ("Originally published on …").
fn is_originally_published(line: &str) -> bool {
    dates::originally_published_at(line).is_some()
}

/// The first line that says when the article first appeared, with the day after the words.
fn originally_published_line(lines: &[ClassifiedLine]) -> Option<usize> {
    lines.iter().position(|line| {
        dates::originally_published_at(&line.text).is_some_and(|at| {
            dates::find_dates(&line.text, Field::Dateline, NumericOrder::MonthFirst)
                .iter()
                .any(|m| {
                    m.granularity == Granularity::Day
                        && m.value.is_some()
                        && m.start >= at
                        && m.start - at < 80
                })
        })
    })
}

/// A line that opens by saying when the article was posted or published.
fn opens_with_publication_word(line: &str) -> bool {
    page::after_opener(
        line,
        &[
            "posted ",
            "published ",
            "first published",
            "posted:",
            "published:",
            "post time",
            "post date",
            "publish date",
            "date published",
            "publication date",
        ],
    )
    .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The title of a page's first article.
    fn title_of(page: &str) -> String {
        segment(page)[0].title.clone()
    }

    fn kinds(article: &Article) -> Vec<(LineNo, LineKind)> {
        article.lines.iter().map(|l| (l.line, l.kind)).collect()
    }

    #[test]
    fn two_blank_lines_split_articles_one_does_not() {
        let text = "First headline here\n\nA first paragraph that is long enough to be a sentence.\n\nA second paragraph, also long enough to count as one.\n\n\nSecond headline\n\nIts body is one sentence with quite a few words in it.";
        let articles = segment(text);
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].title, "First headline here");
        assert_eq!(articles[1].title, "Second headline");
        assert_eq!(articles[1].line, 8);
    }

    #[test]
    fn a_repeated_header_gives_title_caption_and_their_repeats() {
        let text = "Storm hits the coast\n\nWaves break over the harbour wall in Dover (AP)\nWaves break over the harbour wall in Dover (AP)\nTT\n\nStorm hits the coast\n\nThe storm reached the coast overnight, cutting power to thousands.";
        let article = &segment(text)[0];
        use LineKind::*;
        assert_eq!(
            kinds(article),
            [
                (1, Title),
                (3, Caption),
                (4, CaptionRepeat),
                (5, SiteChrome),
                (7, TitleRepeat),
                (9, Paragraph)
            ]
        );
    }

    #[test]
    fn the_headline_is_the_page_title_part_below_the_banner() {
        // The page title's last part is the site's name, written again in the banner; the
        // headline stands above the article with a typographic apostrophe.
        let page = "A Traveler's Guide To Insurance - Budget Travel With Gabby\n\nBudget Travel With Gabby\n\nTravel tips and guides\n\nMenu\n\nAbout Me\n\nA Traveler’s Guide To Insurance\n\nJanuary 12, 2025\n\nInsurance is the part of a trip that most of us would rather not think about, and yet it is the one that matters when a flight is cancelled or a bag is lost.\n\nThis guide explains what a policy covers and what it leaves out, so that you can choose one that fits the way you travel.";
        let article = &segment(page)[0];
        assert_eq!(article.title, "A Traveler’s Guide To Insurance");
        assert_eq!(article.line, 11);
        // With the headline nowhere else on the page, the site's name in the banner is no
        // headline either: the page title without it is.
        let page = page.replace("A Traveler’s Guide To Insurance\n\nJanuary", "January");
        assert_eq!(title_of(&page), "A Traveler's Guide To Insurance");
    }

    /// Two paragraphs of a guide, for the pages of the title tests below.
    const GUIDE: &str = "Wine is made in many styles, and the grape, the climate and the winemaker each decide a part of what ends up in the glass.\n\nThis guide explains the main types of wine and the styles within them, so that you can choose one that fits the meal and the moment.";

    #[test]
    fn the_site_its_copyright_notice_names_is_never_the_headline() {
        // The site's name stands again above the article; the notice at the foot says it is the
        // site's.
        let page = format!("A guide to wine types and styles | Wine & Spirit Education Trust\n\nMenu\n\nLogin\n\nWhere to study\n\nWine & Spirit Education Trust\n\nHow many wine types and styles are there?\n\n{GUIDE}\n\nShare this page\n\n© 2026. Wine & Spirit Education Trust | All Rights Reserved");
        assert_eq!(title_of(&page), "How many wine types and styles are there?");
        // A headline of one word, before a longer site name.
        let page = format!("Coffee - University of Wisconsin-Stevens Point\n\nSkip to main content\n\nStudents\n\nFaculty\n\n{GUIDE}\n\n© 2026 University of Wisconsin-Stevens Point");
        assert_eq!(title_of(&page), "Coffee");
        // A word inside the notice's words is no name of the site's.
        let inside = page.replace(
            "© 2026 University of Wisconsin-Stevens Point",
            "© 2026 University of Wisconsin-Stevens Pointe Books",
        );
        assert_eq!(title_of(&inside), "University of Wisconsin-Stevens Point");
        // A credit in a caption names no site.
        let page = page.replace("© 2026 University", "Photo © University");
        assert_eq!(title_of(&page), "University of Wisconsin-Stevens Point");
    }

    #[test]
    fn a_site_name_before_a_colon_in_the_banner_is_no_headline() {
        let page = format!("Engora Data Blog: Small adventures with small language models\n\nEngora Data Blog\n\nMike Woodward's thoughts on AI, data, and analytics. I cover AI, ML, management, law, statistics, company culture, hiring, data visualization, Python, SQL and a whole bunch of other topics.\n\nFriday, December 19, 2025\n\nSmall adventures with small language models\n\n{GUIDE}");
        assert_eq!(
            title_of(&page),
            "Small adventures with small language models"
        );
        // A tag under the page title, which the headline keeps, is no site's name.
        let tagged = format!("Brexit: Talks collapse as the deadline nears\n\nBrexit\n\nBrexit: Talks collapse as the deadline nears\n\nBy Jane Doe\n\nDecember 3, 2025\n\n{GUIDE}");
        assert_eq!(
            title_of(&tagged),
            "Brexit: Talks collapse as the deadline nears"
        );
    }

    #[test]
    fn a_site_name_alone_at_the_top_leads_to_the_page_title_below_it() {
        let page = format!("LESSWRONG\n\nis fundraising!\n\nLogin\n\nScalable End-to-End Interpretability — LessWrong\n\nFrontpage\n\nScalable End-to-End Interpretability\n\nby jsteinhardt\n\n18th Dec 2025\n\n{GUIDE}");
        let article = &segment(&page)[0];
        assert_eq!(article.title, "Scalable End-to-End Interpretability");
        assert_eq!(article.line, 11);
        // The page title is no part of the article.
        let kept: Vec<&str> = article
            .of_kinds(&[LineKind::Paragraph, LineKind::Subheading])
            .map(|line| line.text.as_str())
            .collect();
        assert!(
            kept.iter().all(|line| !line.contains("LessWrong")),
            "{kept:?}"
        );
    }

    #[test]
    fn a_button_the_page_repeats_is_no_headline() {
        let page = format!("How to Start an LLC in New York\n\nMenu\n\nStart My LLC\n\nPricing\n\nStart My LLC\n\nReviews\n\nStart My LLC\n\nHelp\n\nStart My LLC\n\nLLC State Requirements\n\nStart My LLC\n\nby Shannon Grilli\n\nUpdated on: January 30, 2026\n\n{GUIDE}");
        assert_eq!(title_of(&page), "How to Start an LLC in New York");
        // The headline over the byline is still found among the buttons.
        let headline = page.replace(
            "by Shannon",
            "Starting an LLC in New York: Steps and Costs\n\nby Shannon",
        );
        assert_eq!(
            title_of(&headline),
            "Starting an LLC in New York: Steps and Costs"
        );
    }

    #[test]
    fn a_headline_loses_a_label_in_front_and_a_trail_of_links() {
        // "Blog:" in front of the page title's headline.
        let page = format!("Best Social Media Agencies in 2025 (Ranked) | Silverback Strategies\n\nMenu\n\nServices\n\nAbout\n\nBlog: Best Social Media Agencies in 2025 (Ranked)\n\nBy Jane Doe\n\nDecember 3, 2025\n\n{GUIDE}");
        assert_eq!(
            title_of(&page),
            "Best Social Media Agencies in 2025 (Ranked)"
        );
        // A trail of links run into one line over the headline standing alone.
        let page = format!("The 2025 Best States for Mental Health Report | Soliant\n\nMenu\n\nSearch Jobs\n\nHome Soliant Report Reveals the Best States for Mental Health\n\nSoliant Report Reveals the Best States for Mental Health\n\nAuthor Posted by Soliant on December 20, 2024\n\n{GUIDE}");
        assert_eq!(
            title_of(&page),
            "Soliant Report Reveals the Best States for Mental Health"
        );
    }

    #[test]
    fn a_headline_in_lower_case_takes_the_page_titles_spelling() {
        let body = "Coffee spread from the highlands of Ethiopia to Yemen in the fifteenth century, and from there to the rest of the world within two hundred years.\n\nThe first coffee houses opened in Mecca and Cairo, and later in Istanbul, Venice and London.";
        let page = format!("History of coffee | Origins and Spread | Encyclopedia\n\nMenu\n\nSearch\n\nhistory of coffee\n\n{body}");
        assert_eq!(title_of(&page), "History of coffee");
        // A headline in the case its site gives it stays as it is.
        let page = page.replace("history of coffee\n", "History Of Coffee\n");
        assert_eq!(title_of(&page), "History Of Coffee");
    }

    #[test]
    fn a_post_is_dated_by_its_posted_line_above_or_under_it() {
        let body = "The board is small, but it has more ports than most laptops sold this year, and the price is lower than the last model.\n\nThe company says the first batch ships in the spring to buyers who ordered it in the autumn.";
        // Under the headline, however long the line goes on.
        let above = format!("Fourteen ports on one board\n\nPosted on December 20, 2025 by Jean-Luc Aufranc (CNXSoft) - 5 Comments on Fourteen ports on one board for the price of a meal\n\n{body}");
        let article = &segment(&above)[0];
        let dateline = article.first(LineKind::Dateline).map(|l| l.line);
        assert_eq!(dateline, Some(3));
        // Only under the article, before the links to other posts.
        let under = format!("Fourteen ports on one board\n\n{body}\n\nPosted on the 15/12/2025 at 19:00 by @jane\n\nPrevious article");
        let article = &segment(&under)[0];
        let dateline = article.first(LineKind::Dateline).map(|l| l.line);
        assert_eq!(dateline, Some(7));
        // A date alone after the article is another post's, not this one's.
        let other =
            format!("Fourteen ports on one board\n\n{body}\n\nRelated posts\n\nJanuary 1, 2025");
        assert!(segment(&other)[0].first(LineKind::Dateline).is_none());
        // The post's details under it, with no label (after a body too long for them to stand
        // by the headline).
        let body = numbered_paragraphs(12, |n| {
            format!("In its part number {n}, the review says the board has more ports than most laptops sold this year.")
        });
        let details = format!(
            "Fourteen ports on one board\n\n{body}\n\nShare\n\nJune 9, 2020 · 6 Comments\n\nNewsletter"
        );
        assert_dated_by(&details, Some("June 9, 2020 · 6 Comments"));
        // Not a list of dated posts under it.
        let list = format!(
            "Fourteen ports on one board\n\n{body}\n\nJune 9, 2020 · Ten boards\n\nJune 2, 2020 · A cheaper laptop"
        );
        assert_dated_by(&list, None);
        // A "Published" label far from the headline, with a menu between, still dates it.
        let menu = "Home\n".repeat(50);
        let labelled = format!(
            "Fourteen ports on one board\n\n{menu}\n{body}\n\nPublished\n\n02/03/2023\n\nLeave a Reply\n\nPosted on March 9, 2023 by Sam"
        );
        assert_dated_by(&labelled, Some("02/03/2023"));
    }

    /// `count` paragraphs, each made by `paragraph` from its number, a blank line apart.
    fn numbered_paragraphs(count: usize, paragraph: impl Fn(usize) -> String) -> String {
        (1..=count).map(paragraph).collect::<Vec<_>>().join("\n\n")
    }

    /// The text of the first line of a kind in the text's first article.
    fn first_of(text: &str, kind: LineKind) -> Option<String> {
        segment(text)[0].first(kind).map(|l| l.text.clone())
    }

    /// Asserts the text of the line the text's first article is dated by.
    fn assert_dated_by(text: &str, line: Option<&str>) {
        assert_eq!(
            first_of(text, LineKind::Dateline).as_deref(),
            line,
            "{text}"
        );
    }

    #[test]
    fn the_headline_stands_over_the_byline_not_in_the_contents() {
        let body = numbered_paragraphs(6, |n| {
            format!("Step {n} of the guide explains how the pads are taken off and how the new ones are fitted in a garage.")
        });
        // The page title's headline is worded otherwise on the page; a table of contents lists
        // headings of the article, worded like the page title too.
        let page = format!("Brake Pad Replacement Guide - Example Garage\n\nMenu\n\nBrake Pad Replacement: A Guide for Home Mechanics\n\nBy Sam Jones\n\nMarch 3, 2025\n\nTable of Contents\n\nBrake pad replacement tools\n\nWhen to replace brake pads\n\n{body}");
        let article = &segment(&page)[0];
        assert_eq!(
            article.title,
            "Brake Pad Replacement: A Guide for Home Mechanics"
        );
        let without_byline = page.replace("By Sam Jones\n\nMarch 3, 2025\n\n", "");
        assert_eq!(
            title_of(&without_byline),
            "Brake Pad Replacement: A Guide for Home Mechanics"
        );
        // A repeated page title is the headline without the site's name; in capitals, the
        // page title's spelling is kept.
        let page = format!("Brake Pad Replacement Guide | Example Garage\n\nMenu\n\nBRAKE PAD REPLACEMENT GUIDE\n\n{body}");
        assert_eq!(title_of(&page), "Brake Pad Replacement Guide");
        let page = format!("Brake Pad Replacement Guide | Example Garage\n\nMenu\n\nBrake Pad Replacement Guide | Example Garage\n\n{body}");
        assert_eq!(title_of(&page), "Brake Pad Replacement Guide");
    }

    #[test]
    fn a_list_of_changes_and_an_embedded_story_do_not_date_the_article() {
        let body = numbered_paragraphs(12, |n| {
            format!("In its part number {n}, the essay says a tool is chosen for what it does and not for its fame.")
        });
        // The dated changes under "Updates" are not the day it was published.
        let page = format!("How to Choose a Tool\n\nUpdates\n\n2021-08-09 Emphasizing what a tool need not do.\n\n2022-04-12 Link to another essay\n\n{body}\n\nPublished on 2021-01-18T19:55\n\nLeave a comment");
        assert_dated_by(&page, Some("Published on 2021-01-18T19:55"));
        // The date under the headline, not the one of a story embedded between it and the run.
        let embedded = "Another story's teaser, repeated in a box the page shows before the text.\n\nPublished on May 02, 2024 07:44 PM IST\n\n".repeat(4);
        let menu = "Home\n\n".repeat(40);
        let page = format!("How to Choose a Tool | Example Site\n\nMenu\n\nHow to Choose a Tool\n\nBy Sam Jones • 20 Dec 2025\n\n{menu}{embedded}{body}");
        assert_dated_by(&page, Some("By Sam Jones • 20 Dec 2025"));
    }

    #[test]
    fn a_line_of_the_posts_details_carries_its_date_a_sentence_does_not() {
        for line in [
            "by Daniel Gibson | Mar 11, 2023 | All About Brakes and Brake Repair, Learn About Brakes | 0 comments",
            "Posted on December 20, 2025 by Jane Doe - 5 Comments on Fourteen ports on one board",
            "3 min read · Dec 8, 2024",
        ] {
            assert!(carries_date(line), "{line}");
        }
        for line in [
            "The council met on March 11, 2023 to vote on the plan for the new bridge over the river and the roads to it.",
            "Prices | Our story began on March 11, 2023 when the first shop opened its doors in the town | Contact us today",
        ] {
            assert!(!carries_date(line), "{line}");
        }
    }

    #[test]
    fn the_author_is_found_by_the_headline_in_the_ways_pages_write_it() {
        let body = numbered_paragraphs(8, |n| {
            format!("In its part number {n}, the review says the board has more ports than most laptops sold this year.")
        });
        for (header, byline) in [
            ("Written by Jane Doe", "Written by Jane Doe"),
            ("Author: Jane Doe", "Author: Jane Doe"),
            ("By\n\nJane Doe", "Jane Doe"),
            ("Article by:\n\nJane Doe", "Jane Doe"),
            ("Jane Doe | Reporter", "Jane Doe | Reporter"),
            ("BY SARAH JONES", "BY SARAH JONES"),
            ("Jane Doe, Senior Editor", "Jane Doe, Senior Editor"),
        ] {
            let page =
                format!("Fourteen ports on one board\n\n{header}\n\nMarch 3, 2025\n\n{body}");
            assert_eq!(
                first_of(&page, LineKind::Byline).as_deref(),
                Some(byline),
                "{header}"
            );
        }
        // A person's name alone beside the date; not a menu item there.
        let page = format!("Fourteen ports on one board\n\nAndrew King\n\nMarch 3, 2025\n\n{body}");
        assert_eq!(
            first_of(&page, LineKind::Byline).as_deref(),
            Some("Andrew King")
        );
        // Or beside the date with the author's job between, or beside the reading time.
        let page = format!(
            "Fourteen ports on one board\n\nAndrew King\n\nSenior Reviewer\n\nMarch 3, 2025\n\n{body}"
        );
        assert_eq!(
            first_of(&page, LineKind::Byline).as_deref(),
            Some("Andrew King")
        );
        let page = format!(
            "Fourteen ports on one board\n\nAndrew King\n\nSenior Reviewer\n\n5 min read\n\n{body}"
        );
        assert_eq!(
            first_of(&page, LineKind::Byline).as_deref(),
            Some("Andrew King")
        );
        // A name the gazetteer does not know, read as a person's by the recogniser.
        let page =
            format!("Fourteen ports on one board\n\nKelia Losa Reinoso\n\nMarch 3, 2025\n\n{body}");
        assert_eq!(
            first_of(&page, LineKind::Byline).as_deref(),
            Some("Kelia Losa Reinoso")
        );
        for label in [
            "Contact Us",
            "Get Started",
            "Travel Tips",
            "Snow Hill, MD",
            "BY USE CASE",
        ] {
            let page = format!("Fourteen ports on one board\n\n{label}\n\nMarch 3, 2025\n\n{body}");
            assert_eq!(first_of(&page, LineKind::Byline), None, "{label}");
        }
        // Under a headline far above the article (a long menu between), the line under it that
        // says who wrote it.
        let menu: Vec<String> = (1..=45).map(|n| format!("Section {n}")).collect();
        let page = format!(
            "Fourteen ports on one board\n\nWritten by Jane Doe\n\n{}\n\n{body}",
            menu.join("\n\n")
        );
        assert_eq!(
            first_of(&page, LineKind::Byline).as_deref(),
            Some("Written by Jane Doe")
        );
        // A date where the name should be is no author.
        let page = format!(
            "Fourteen ports on one board\n\nWritten By Feb 11, 2019 · 3 min read\n\n{body}"
        );
        assert_eq!(first_of(&page, LineKind::Byline), None);
    }

    #[test]
    fn a_date_line_may_open_with_its_author() {
        assert!(opens_with_person_name("Tom Talbot October 14, 2025"));
        assert!(opens_with_person_name("Sarah Katunga • Oct 20, 2025"));
        assert!(opens_with_person_name(
            "Tom Talbot Published 10:19am 19 December 2025"
        ));
        for line in [
            "October 14, 2025",
            "Updated October 14, 2025",
            "Tom Talbot",
            "Home Improvement October 14, 2025",
            "Tom Oct 14, 2025",
        ] {
            assert!(!opens_with_person_name(line), "{line}");
        }
        let body = numbered_paragraphs(6, |n| {
            format!("In its part number {n}, the review says the board has more ports than most laptops sold this year.")
        });
        // The date line names the author: first, after "by:", or among its details.
        for line in [
            "Tom Talbot October 14, 2025",
            "by: Sarah Jones, Oct 14, 2025",
            "October 14, 2025 · 8 min · Sarah Jones",
        ] {
            let page = format!("Fourteen ports on one board\n\n{line}\n\n{body}");
            let doc = crate::corpus::Document::from_article("a.txt", segment(&page).remove(0));
            assert_eq!(doc.byline.as_deref(), Some(line), "{line}");
        }
        let page =
            format!("Fourteen ports on one board\n\nOctober 14, 2025 · 8 min read\n\n{body}");
        let doc = crate::corpus::Document::from_article("a.txt", segment(&page).remove(0));
        assert_eq!(doc.byline, None);
    }

    #[test]
    fn an_article_first_published_elsewhere_keeps_that_day() {
        let body = "The board is small, but it has more ports than most laptops sold this year, and the price is lower than the last model.\n\nThe company says the first batch ships in the spring to buyers who ordered it in the autumn.";
        let text = format!("Fourteen ports on one board\n\nSeptember 30, 2022\n\n{body}\n\nThis article was originally published on 26 Sep 2019 in The Example Review.");
        assert_dated_by(
            &text,
            Some("This article was originally published on 26 Sep 2019 in The Example Review."),
        );
        // A line that says when this copy was published keeps its day.
        let text = format!("Fourteen ports on one board\n\nPublished September 30, 2022\n\n{body}\n\nThis article was originally published on 26 Sep 2019 in The Example Review.");
        assert_dated_by(&text, Some("Published September 30, 2022"));
    }

    #[test]
    fn label_dateline_byline_subheading_and_footer() {
        let text = "Domain Registration\n\nCouncil approves the new bridge\n\n  • September 28, 2020\nBy Ana Lima\n\nThe council approved the bridge on Monday after a long debate.\n\nWhat comes next\n\nWork starts in spring, the mayor said in a statement.\n\nRead more:\n\nMayor opens the new library downtown\n\nContinue Reading\n\nArticle source:";
        let article = &segment(text)[0];
        use LineKind::*;
        assert_eq!(article.title, "Council approves the new bridge");
        assert_eq!(
            kinds(article),
            [
                (1, SiteChrome),
                (3, Title),
                (5, Dateline),
                (6, Byline),
                (8, Paragraph),
                (10, Subheading),
                (12, Paragraph),
                (14, ReadMoreHeader),
                (16, RelatedLink),
                (18, SiteChrome),
                (20, SiteChrome)
            ]
        );
    }

    #[test]
    fn blocks_without_a_sentence_join_the_nearest_article() {
        let text = "Connect with us\n\n\nHeadline\n\nThe body sentence runs for more than eight words here.\n\n\nRelated News";
        let articles = segment(text);
        assert_eq!(articles.len(), 1);
        let removed: Vec<&str> = articles[0]
            .lines
            .iter()
            .filter(|l| l.kind.is_removed())
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(removed, ["Connect with us", "Related News"]);
    }

    #[test]
    fn a_file_without_headline_or_sentence_still_gives_an_article() {
        let one_paragraph = "The storm reached the coast overnight, cutting power to thousands of homes, the utility said, and crews were out at dawn repairing lines. More rain is expected on Friday.";
        let article = &segment(one_paragraph)[0];
        assert_eq!(article.title, "The storm reached the coast overnight…");
        assert_eq!(kinds(article), [(1, LineKind::Paragraph)]);
        let list = segment("Shopping list\n\n\neggs\nmilk");
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].title, "Shopping list");
        assert!(segment(" \n\n \n").is_empty());
    }

    #[test]
    fn datelines_are_dates_only() {
        for line in [
            "• September 28, 2020",
            "Updated: March 3, 2024 10:15 AM ET",
            "2024-10-05",
            "Published on Monday 5th October 2024",
        ] {
            assert!(is_dateline(line), "{line}");
        }
        for line in [
            "September was warm",
            "Iraq steps up pressure on militias",
            "On Monday, 5 people died",
        ] {
            assert!(!is_dateline(line), "{line}");
        }
    }

    #[test]
    fn any_mix_of_page_lines_is_split_without_a_panic() {
        // Lines of every kind the splitter reads differently, in pseudo-random orders and
        // lengths: headlines, sentences, a line introducing a table, rows, dates, bylines,
        // chrome, comment headers, blank lines.
        let pieces = [
            "Storm hits the coast | The Daily Example",
            "Storm hits the coast",
            "The storm struck the coast on Monday, officials said, and thousands lost power.",
            "Results of Saturday's matches:",
            "Arsenal 2 Derby 2",
            "Premier division",
            "September 28, 2020",
            "By Jane Doe",
            "Share this story",
            "Leave a Reply",
            "3 Comments",
            "Read these next:",
            "",
            "Updated: March 3, 2024",
            "Table of Contents",
            "Home » News » Storm",
        ];
        for text in crate::testing::pseudo_random_texts(&pieces, 400, 22, "\n") {
            for article in segment(&text) {
                assert!(article.lines.len() <= text.lines().count() + 1, "{text:?}");
            }
        }
    }
}
