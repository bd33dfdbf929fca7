//! Dates: every date expression in an article, normalised, and when the article was published.
//!
//! [`find_dates`] scans a field's text once, token by token, and recognises:
//! - absolute dates: `2020-09-28`, `05/10/2024` (day or month first, by a corpus-wide
//!   [`NumericOrder`]), `September 28, 2020`, `Sept. 25, 2020`, `28 September 2020`,
//!   `January 2020`, `the summer of 2018`, `mid-2024`, and years such as `in 2015`;
//! - relative ones, whose value needs the publication date: weekdays (`early Friday`,
//!   `4 p.m. Friday`), `last week`, `next year`, `earlier this year`, `the end of last year`,
//!   yearless dates (`Nov. 7`), bare months (`in March`), seasons (`last summer`), and vague ones
//!   (`recent weeks`, `the past year`, `coming days`, `overnight`).
//!
//! [`publication`] then dates the article from the strongest evidence: a dateline or metadata
//! line, a date in the file name, else an estimate from the absolute dates its title and body
//! report as past (an article cannot predate them, so the estimate is "not before"), else unknown.
//! A photo caption's date is never used: it is when the photo was taken. [`resolve`] finally
//! gives relative mentions a value from a stated publication date, marked `resolved`.

use super::calendar::{self, DayNumber};
use serde::{Deserialize, Serialize};

/// Which part of an article a mention stands in, ordered as they stand in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The headline.
    Title,
    /// The photo caption.
    Caption,
    /// The dateline under the headline.
    Dateline,
    /// The body (subheadings included).
    Body,
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// A calendar day.
    Day,
    /// A month.
    Month,
    /// A season of a year (the value is the year).
    Season,
    /// A year.
    Year,
    /// Relative to when the article was written: its value needs the publication date.
    Relative,
}

/// What a relative expression means, so it can be resolved against a publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relative {
    /// A weekday (0 = Monday), taken as the last one on or before the publication date.
    Weekday {
        /// 0 = Monday … 6 = Sunday.
        day: u32,
    },
    /// This (0), last (-1) or next (+1) month.
    Months {
        /// The offset.
        offset: i32,
    },
    /// This (0), last (-1) or next (+1) year.
    Years {
        /// The offset.
        offset: i32,
    },
    /// A day of a month without a year.
    MonthDay {
        /// 1–12.
        month: u32,
        /// 1–31.
        day: u32,
    },
    /// A month without a year.
    Month {
        /// 1–12.
        month: u32,
    },
    /// A season this (0), last (-1) or next (+1) time it comes round.
    Season {
        /// 0 spring, 1 summer, 2 autumn, 3 winter.
        season: u32,
        /// The offset.
        offset: i32,
    },
    /// A span that no single date stands for ("recent weeks", "last week", "overnight").
    Vague,
}

/// One date expression in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The field it stands in.
    pub field: Field,
    /// Its first byte in that field's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its text, as written.
    pub text: String,
    /// ISO date, `YYYY-MM` or `YYYY`; None when it needs a publication date that is not known.
    pub value: Option<String>,
    /// How precise it is.
    pub granularity: Granularity,
    /// The value came from the publication date, not from the text itself.
    pub resolved: bool,
    /// For a relative expression, what it means (null for an absolute date).
    #[serde(default)]
    pub relative: Option<Relative>,
}

/// Whether `05/10/2024` is 5 October (day first) or May 10 (month first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum NumericOrder {
    /// 05/10/2024 is 10 May (the default when the corpus does not say).
    #[default]
    MonthFirst,
    /// 05/10/2024 is 5 October.
    DayFirst,
}

/// Where a publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedSource {
    /// A dateline or metadata line in the file ("• September 28, 2020", "Published: …").
    Dateline,
    /// A date in the file's name (`2024-10-05_story.txt`).
    FileName,
    /// Estimated from the dates the article reports as past.
    Estimated,
    /// No evidence.
    Unknown,
}

impl PublishedSource {
    /// Stated by the source (dateline or file name), not estimated.
    pub fn is_stated(self) -> bool {
        matches!(self, PublishedSource::Dateline | PublishedSource::FileName)
    }
}

/// When an article was published, with where that came from and how sure it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    /// The date when it is stated (ISO date, `YYYY-MM` or `YYYY`).
    pub value: Option<String>,
    /// For an estimate, the earliest it can be.
    pub earliest: Option<String>,
    /// For an estimate, the latest it can be (None: open).
    pub latest: Option<String>,
    /// For an estimate, the likeliest day within those bounds, from what the corpus as a whole
    /// states (see [`best_estimates`]); where the timeline draws it.
    #[serde(default)]
    pub best: Option<String>,
    /// Where it came from.
    pub source: PublishedSource,
    /// 0 (no idea) to 1 (certain).
    pub confidence: f32,
    /// The text it rests on, for a person to check.
    pub evidence: Option<String>,
}

impl Published {
    /// No evidence at all.
    pub fn unknown() -> Self {
        Published {
            value: None,
            earliest: None,
            latest: None,
            best: None,
            source: PublishedSource::Unknown,
            confidence: 0.0,
            evidence: None,
        }
    }

    /// The date to place the article at on a timeline: the stated value, else the best
    /// estimate, else a bound.
    pub fn point(&self) -> Option<&str> {
        self.value
            .as_deref()
            .or(self.best.as_deref())
            .or(self.earliest.as_deref())
            .or(self.latest.as_deref())
    }
}

// ---------------------------------------------------------------------------------------------
// Values

/// A normalised date with its granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DateValue {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    season: bool,
}

impl DateValue {
    fn day(year: i32, month: u32, day: u32) -> Option<Self> {
        calendar::is_valid(year, month, day).then_some(DateValue {
            year,
            month: Some(month),
            day: Some(day),
            season: false,
        })
    }
    fn month(year: i32, month: u32) -> Self {
        DateValue {
            year,
            month: Some(month),
            day: None,
            season: false,
        }
    }
    fn year(year: i32) -> Self {
        DateValue {
            year,
            month: None,
            day: None,
            season: false,
        }
    }
    fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
    fn granularity(&self) -> Granularity {
        match (self.month, self.day, self.season) {
            (Some(_), Some(_), _) => Granularity::Day,
            (Some(_), None, _) => Granularity::Month,
            (None, _, true) => Granularity::Season,
            _ => Granularity::Year,
        }
    }
}

/// The first and last day an ISO value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) covers.
pub fn day_range(iso: &str) -> Option<(DayNumber, DayNumber)> {
    let mut parts = iso.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    match (parts.next(), parts.next()) {
        (None, _) => Some((
            calendar::days_from_civil(year, 1, 1),
            calendar::days_from_civil(year, 12, 31),
        )),
        (Some(m), None) => {
            let month: u32 = m.parse().ok()?;
            (1..=12).contains(&month).then(|| {
                (
                    calendar::days_from_civil(year, month, 1),
                    calendar::days_from_civil(year, month, calendar::days_in_month(year, month)),
                )
            })
        }
        (Some(m), Some(d)) => {
            let (month, day): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
            calendar::is_valid(year, month, day).then(|| {
                let n = calendar::days_from_civil(year, month, day);
                (n, n)
            })
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: Kind,
    /// White space stands between this token and the one before.
    spaced: bool,
}

fn run_token(text: &str, start: usize, end: usize, spaced: bool) -> Token<'_> {
    let piece = &text[start..end];
    let kind = if piece.bytes().all(|b| b.is_ascii_digit()) {
        Kind::Number
    } else {
        Kind::Word
    };
    Token {
        text: piece,
        start,
        end,
        kind,
        spaced,
    }
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut run_start: Option<usize> = None;
    let mut spaced = true;
    for (i, c) in text.char_indices() {
        // "2021-01-18T19:55": the day and the hour are two numbers.
        let time_mark = c == 'T'
            && run_start.is_some_and(|start| {
                i - start == 2 && text[start..i].bytes().all(|b| b.is_ascii_digit())
            })
            && text[i + 1..]
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit());
        if c.is_alphanumeric() && !time_mark {
            if run_start.is_none() {
                run_start = Some(i);
            }
            continue;
        }
        if let Some(start) = run_start.take() {
            out.push(run_token(text, start, i, spaced));
            spaced = false;
        }
        if c.is_whitespace() {
            spaced = true;
        } else {
            out.push(Token {
                text: &text[i..i + c.len_utf8()],
                start: i,
                end: i + c.len_utf8(),
                kind: Kind::Punct,
                spaced,
            });
            spaced = false;
        }
    }
    if let Some(start) = run_start {
        out.push(run_token(text, start, text.len(), spaced));
    }
    out
}

pub(crate) const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Words before a bare month name that make it a date ("in March", not "March on").
const MONTH_LEAD: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "during",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "of",
    "before",
    "after",
    "through",
    "throughout",
    "between",
    "and",
    "or",
    "to",
];
/// Words after a number that make it a quantity, not a year.
const MEASURES: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "fighters",
    "members",
    "civilians",
    "children",
    "deaths",
    "dead",
    "killed",
    "votes",
    "seats",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "acres",
    "hectares",
    "tonnes",
    "tons",
    "barrels",
    "dollars",
    "euros",
    "pounds",
    "units",
    "times",
    "homes",
    "houses",
    "cases",
    "families",
    "refugees",
    "migrants",
    "rockets",
    "missiles",
    "drones",
    "vehicles",
    "jobs",
    "words",
    "pages",
];

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The month (1–12) a lower-cased word names: a full name, or an abbreviation ("sept", "oct").
pub(crate) fn month_number(lower: &str) -> Option<u32> {
    if let Some(i) = MONTH_NAMES.iter().position(|m| *m == lower) {
        return Some(i as u32 + 1);
    }
    if lower == "sept" {
        return Some(9);
    }
    if lower.len() == 3 {
        return MONTH_NAMES
            .iter()
            .position(|m| m.starts_with(lower))
            .map(|i| i as u32 + 1);
    }
    None
}

/// The weekday (0 = Monday) a lower-cased word names: a full name or an abbreviation.
pub(crate) fn weekday_number(lower: &str) -> Option<u32> {
    WEEKDAY_NAMES
        .iter()
        .position(|d| *d == lower || (lower.len() >= 3 && d.starts_with(lower) && lower.len() <= 5))
        .map(|i| i as u32)
}

/// The month a word names (1–12): a full name, or a three- or four-letter abbreviation, written
/// with a capital.
fn month_of(token: &Token<'_>) -> Option<u32> {
    if token.kind != Kind::Word || !capitalised(token.text) {
        return None;
    }
    month_number(&token.text.to_lowercase())
}

fn is_abbreviated_month(token: &Token<'_>) -> bool {
    month_of(token).is_some()
        && token.text.len() <= 4
        && token.text.to_lowercase() != "june"
        && token.text.to_lowercase() != "july"
}

fn weekday_of(token: &Token<'_>) -> Option<u32> {
    if token.kind != Kind::Word || !capitalised(token.text) {
        return None;
    }
    let lower = token.text.to_lowercase();
    WEEKDAY_NAMES
        .iter()
        .position(|d| *d == lower)
        .map(|i| i as u32)
}

/// 1–31, from `28` or `28th`.
fn day_of(token: &Token<'_>) -> Option<u32> {
    let digits = token
        .text
        .trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token.text[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn four_digit_year(token: &Token<'_>) -> Option<i32> {
    (token.kind == Kind::Number && token.text.len() == 4)
        .then(|| token.text.parse().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

fn season_of(word: &str) -> Option<u32> {
    match word.to_lowercase().as_str() {
        "spring" => Some(0),
        "summer" => Some(1),
        "autumn" | "fall" => Some(2),
        "winter" => Some(3),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// The scanner

struct Scanner<'a> {
    text: &'a str,
    toks: Vec<Token<'a>>,
    /// Each token lower-cased, worked out once (borrowed when it already is).
    lower: Vec<std::borrow::Cow<'a, str>>,
    order: NumericOrder,
}

/// A match: how many tokens it spans from the start token, the start token offset (when the span
/// begins before it, as for "the"), and what it means.
struct Found {
    first: usize,
    last: usize,
    value: Option<DateValue>,
    relative: Option<Relative>,
}

impl<'a> Scanner<'a> {
    fn tok(&self, i: usize) -> Option<&Token<'a>> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.tok(i)
            .filter(|t| t.kind != Kind::Punct)
            .map(|_| self.lower[i].as_ref())
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.text == p)
    }

    /// Index after an optional abbreviation dot at `i`.
    fn skip_dot(&self, i: usize) -> usize {
        if self.is_punct(i, ".") && self.tok(i).is_some_and(|t| !t.spaced) {
            i + 1
        } else {
            i
        }
    }

    fn skip_comma(&self, i: usize) -> usize {
        if self.is_punct(i, ",") {
            i + 1
        } else {
            i
        }
    }

    fn words_at(&self, i: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.word(i + k) == Some(*w))
    }

    fn absolute(first: usize, last: usize, value: DateValue) -> Option<Found> {
        Some(Found {
            first,
            last,
            value: Some(value),
            relative: None,
        })
    }

    fn relative(first: usize, last: usize, relative: Relative) -> Option<Found> {
        Some(Found {
            first,
            last,
            value: None,
            relative: Some(relative),
        })
    }

    /// 2020-09-28, 05/10/2024, 28.09.2020.
    fn numeric(&self, i: usize) -> Option<Found> {
        let a = self.tok(i).filter(|t| t.kind == Kind::Number)?;
        let sep = self
            .tok(i + 1)
            .filter(|t| matches!(t.text, "-" | "/" | "."))?;
        let b = self
            .tok(i + 2)
            .filter(|t| t.kind == Kind::Number && !t.spaced)?;
        self.tok(i + 3)
            .filter(|t| t.text == sep.text && !t.spaced)?;
        let c = self
            .tok(i + 4)
            .filter(|t| t.kind == Kind::Number && !t.spaced)?;
        if sep.spaced
            || self
                .tok(i + 5)
                .is_some_and(|t| t.kind == Kind::Number && !t.spaced)
        {
            return None;
        }
        let (x, y): (u32, u32) = (b.text.parse().ok()?, c.text.parse().ok()?);
        if a.text.len() == 4 {
            let year: i32 = a.text.parse().ok()?;
            return Self::absolute(i, i + 4, DateValue::day(year, x, y)?);
        }
        if a.text.len() > 2 || b.text.len() > 2 || !matches!(c.text.len(), 2 | 4) {
            return None;
        }
        let first: u32 = a.text.parse().ok()?;
        let year: i32 = if c.text.len() == 4 {
            c.text.parse().ok()?
        } else if y < 50 {
            2000 + y as i32
        } else {
            1900 + y as i32
        };
        let (month, day) = match (first > 12, x > 12, self.order) {
            (true, _, _) => (x, first),
            (_, true, _) => (first, x),
            (_, _, NumericOrder::DayFirst) => (x, first),
            (_, _, NumericOrder::MonthFirst) => (first, x),
        };
        Self::absolute(i, i + 4, DateValue::day(year, month, day)?)
    }

    /// Month-name dates: "September 28, 2020", "Sept. 25", "January 2020", "in March".
    fn month_first(&self, i: usize) -> Option<Found> {
        let month = month_of(self.tok(i)?)?;
        let after = if is_abbreviated_month(self.tok(i)?) {
            self.skip_dot(i + 1)
        } else {
            i + 1
        };
        let last_of_name = after - 1;
        if let Some(day) = self.tok(after).and_then(day_of) {
            let after_day = self.skip_comma(after + 1);
            if let Some(year) = self.tok(after_day).and_then(four_digit_year) {
                return Self::absolute(i, after_day, DateValue::day(year, month, day)?);
            }
            // "December 19. 2025", "Jul. 11. 2025": a dot where the comma goes.
            let after_dot = self.skip_dot(after + 1);
            if after_dot > after + 1 {
                if let Some(year) = self.tok(after_dot).and_then(four_digit_year) {
                    return Self::absolute(i, after_dot, DateValue::day(year, month, day)?);
                }
            }
            // A yearless date must not run on into another number ("May 5,000").
            if self
                .tok(after + 1)
                .is_some_and(|t| t.kind == Kind::Number && !t.spaced)
            {
                return None;
            }
            return Self::relative(i, after, Relative::MonthDay { month, day });
        }
        let after_of = if self.word(after) == Some("of") {
            after + 1
        } else {
            self.skip_comma(after)
        };
        if let Some(year) = self.tok(after_of).and_then(four_digit_year) {
            return Self::absolute(i, after_of, DateValue::month(year, month));
        }
        // A bare month: only where it reads as a date.
        let lead = i
            .checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(|w| MONTH_LEAD.contains(&w));
        let full_name = self.tok(i)?.text.len() > 4 || matches!(month, 6 | 7);
        let risky = matches!(month, 3 | 5);
        if (full_name && !risky) || lead {
            return Self::relative(i, last_of_name, Relative::Month { month });
        }
        None
    }

    /// "28 September 2020", "28th of September", "5 Oct".
    fn day_first(&self, i: usize) -> Option<Found> {
        let day = day_of(self.tok(i)?)?;
        let mut m = i + 1;
        if self.word(m) == Some("of") {
            m += 1;
        }
        let month = month_of(self.tok(m)?)?;
        let after = if is_abbreviated_month(self.tok(m)?) {
            self.skip_dot(m + 1)
        } else {
            m + 1
        };
        let after_comma = self.skip_comma(after);
        if let Some(year) = self.tok(after_comma).and_then(four_digit_year) {
            return Self::absolute(i, after_comma, DateValue::day(year, month, day)?);
        }
        Self::relative(i, after - 1, Relative::MonthDay { month, day })
    }

    /// "the summer of 2018", "last summer", "the summer".
    fn season(&self, i: usize) -> Option<Found> {
        let (first, lead_offset, at) = match self.word(i) {
            Some("last") => (i, -1, i + 1),
            Some("next") => (i, 1, i + 1),
            Some("this") => (i, 0, i + 1),
            Some("the") => (i, 0, i + 1),
            _ => (i, 0, i),
        };
        let word = self.word(at)?.to_owned();
        let season = season_of(&word)?;
        if self.word(at + 1) == Some("of") {
            if let Some(year) = self.tok(at + 2).and_then(four_digit_year) {
                let mut value = DateValue::year(year);
                value.season = true;
                return Self::absolute(first, at + 2, value);
            }
        }
        // "fall" alone is a verb too often; "summer" alone is an adjective as often as a date.
        if at == first || (season == 2 && word == "fall" && self.word(i) == Some("the")) {
            return None;
        }
        Self::relative(
            first,
            at,
            Relative::Season {
                season,
                offset: lead_offset,
            },
        )
    }

    /// "2015", "mid-2024", "early 2020s" is not matched.
    fn year(&self, i: usize) -> Option<Found> {
        // mid-2024, early-2020
        if let Some(lead) = self.word(i) {
            if matches!(lead, "mid" | "early" | "late")
                && self.is_punct(i + 1, "-")
                && self.tok(i + 2).is_some_and(|t| !t.spaced)
            {
                let year = self.tok(i + 2).and_then(four_digit_year)?;
                return Self::absolute(i, i + 2, DateValue::year(year));
            }
        }
        let token = self.tok(i)?;
        let year = four_digit_year(token).filter(|y| (1800..=2100).contains(y))?;
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        if prev.is_some_and(|p| {
            (!token.spaced
                && (p.kind == Kind::Number
                    || matches!(p.text, "," | "." | "$" | "€" | "£" | "#" | ":")))
                || matches!(p.text, "$" | "€" | "£" | "#")
        }) {
            return None;
        }
        if let Some(next) = self.tok(i + 1) {
            let glued = !next.spaced;
            if next.text == "%"
                || (glued
                    && (next.kind != Kind::Punct
                        || matches!(next.text, "," | ".")
                            && self
                                .tok(i + 2)
                                .is_some_and(|t| t.kind == Kind::Number && !t.spaced)))
                || MEASURES.contains(&next.text.to_lowercase().as_str())
            {
                return None;
            }
        }
        let before = i.checked_sub(1).and_then(|p| self.word(p));
        if matches!(
            before,
            Some("resolution" | "no" | "number" | "page" | "article" | "flight" | "route")
        ) {
            return None;
        }
        Self::absolute(i, i, DateValue::year(year))
    }

    /// Weekdays with what goes with them: "early Friday", "Friday morning", "4 p.m. Friday".
    fn weekday(&self, i: usize) -> Option<Found> {
        // A time before it: 4 p.m. / 10:30 a.m.
        let mut first = i;
        let mut at = i;
        if let Some(end) = self.time_at(i) {
            if self.tok(end).and_then(weekday_of).is_some() {
                at = end;
            }
        }
        if at == i {
            if let Some(w) = self.word(i) {
                if matches!(w, "early" | "late" | "last" | "next" | "this")
                    && self.tok(i + 1).and_then(weekday_of).is_some()
                {
                    at = i + 1;
                }
            }
        }
        let day = self.tok(at).and_then(weekday_of)?;
        let mut last = at;
        if let Some(part) = self.word(at + 1) {
            if matches!(part, "morning" | "afternoon" | "evening" | "night") {
                last = at + 1;
            }
        }
        if at == i {
            first = i;
        }
        Self::relative(first, last, Relative::Weekday { day })
    }

    /// The end index of a clock time starting at `i` ("4 p.m.", "10:30 am"), if there is one.
    fn time_at(&self, i: usize) -> Option<usize> {
        let hour = self
            .tok(i)
            .filter(|t| t.kind == Kind::Number && t.text.len() <= 2)?;
        let _ = hour;
        let mut at = i + 1;
        if self.is_punct(at, ":") && self.tok(at + 1).is_some_and(|t| t.kind == Kind::Number) {
            at += 2;
        }
        match self.word(at) {
            Some("am" | "pm") => Some(at + 1),
            Some("a" | "p") if self.is_punct(at + 1, ".") && self.word(at + 2) == Some("m") => {
                Some(self.skip_dot(at + 3))
            }
            _ => None,
        }
    }

    /// Fixed relative phrases, longest first.
    fn phrase(&self, i: usize) -> Option<Found> {
        const UNITS: &[(&str, u8)] = &[("year", 0), ("month", 1), ("week", 2)];
        let unit_rel = |unit: u8, offset: i32| match unit {
            0 => Relative::Years { offset },
            1 => Relative::Months { offset },
            _ => Relative::Vague,
        };
        // the end of last year / end of this month / the beginning of next year
        for lead in [&["the"][..], &[][..]] {
            let at = i + lead.len();
            if !self.words_at(i, lead) {
                continue;
            }
            for edge in ["end", "beginning", "start", "middle"] {
                if self.word(at) == Some(edge) && self.word(at + 1) == Some("of") {
                    for (which, offset) in [("last", -1), ("this", 0), ("next", 1)] {
                        for &(unit, code) in UNITS {
                            if self.words_at(at + 2, &[which, unit]) {
                                return Self::relative(i, at + 3, unit_rel(code, offset));
                            }
                        }
                    }
                }
            }
        }
        // earlier this year, later this month
        for lead in ["earlier", "later"] {
            for &(unit, code) in UNITS {
                if self.words_at(i, &[lead, "this", unit]) {
                    return Self::relative(i, i + 2, unit_rel(code, 0));
                }
            }
        }
        // the past year (or so), the past few weeks, the past two months
        if self.words_at(i, &["the", "past"]) || self.words_at(i, &["the", "last"]) {
            let mut at = i + 2;
            if matches!(
                self.word(at),
                Some("few" | "two" | "three" | "several" | "couple")
            ) {
                at += 1;
            }
            if matches!(
                self.word(at),
                Some(
                    "year"
                        | "years"
                        | "month"
                        | "months"
                        | "week"
                        | "weeks"
                        | "days"
                        | "decade"
                        | "decades"
                )
            ) {
                let end = if self.words_at(at + 1, &["or", "so"]) {
                    at + 2
                } else {
                    at
                };
                return Self::relative(i, end, Relative::Vague);
            }
        }
        // last/this/next year|month|week
        for (which, offset) in [("last", -1), ("this", 0), ("next", 1)] {
            for &(unit, code) in UNITS {
                if self.words_at(i, &[which, unit]) {
                    return Self::relative(i, i + 1, unit_rel(code, offset));
                }
            }
        }
        // recent weeks, coming days
        if matches!(self.word(i), Some("recent" | "coming"))
            && matches!(
                self.word(i + 1),
                Some("days" | "weeks" | "months" | "years")
            )
        {
            return Self::relative(i, i + 1, Relative::Vague);
        }
        // hours earlier, two days ago, days later
        let count_words = [
            "a", "an", "one", "two", "three", "four", "five", "six", "seven", "several", "few",
            "many",
        ];
        let mut at = i;
        if self.tok(i).is_some_and(|t| t.kind == Kind::Number)
            || self.word(i).is_some_and(|w| count_words.contains(&w))
        {
            at = i + 1;
        }
        if matches!(
            self.word(at),
            Some(
                "hours" | "days" | "weeks" | "months" | "years" | "day" | "week" | "month" | "year"
            )
        ) && matches!(self.word(at + 1), Some("earlier" | "later" | "ago"))
            && (at > i
                || matches!(
                    self.word(at),
                    Some("hours" | "days" | "weeks" | "months" | "years")
                ))
        {
            return Self::relative(i, at + 1, Relative::Vague);
        }
        // "today" and the like, but not inside a name ("Russia Today", "USA Today").
        let in_name = self.tok(i).is_some_and(|t| capitalised(t.text))
            && i.checked_sub(1)
                .and_then(|p| self.tok(p))
                .is_some_and(|p| p.kind == Kind::Word && capitalised(p.text));
        match self.word(i) {
            Some("yesterday" | "today" | "tomorrow" | "tonight" | "overnight") if !in_name => {
                Self::relative(i, i, Relative::Vague)
            }
            _ => None,
        }
    }

    /// Whether a relative phrase can start at `i`: its first word is one that starts a phrase.
    fn may_start_phrase(&self, i: usize) -> bool {
        let Some(token) = self.tok(i) else {
            return false;
        };
        token.kind == Kind::Number
            || matches!(
                self.lower[i].as_ref(),
                "the"
                    | "end"
                    | "beginning"
                    | "start"
                    | "middle"
                    | "earlier"
                    | "later"
                    | "last"
                    | "this"
                    | "next"
                    | "recent"
                    | "coming"
                    | "yesterday"
                    | "today"
                    | "tomorrow"
                    | "tonight"
                    | "overnight"
                    | "hours"
                    | "days"
                    | "weeks"
                    | "months"
                    | "years"
                    | "a"
                    | "an"
                    | "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "several"
                    | "few"
                    | "many"
            )
    }

    fn at(&self, i: usize) -> Option<Found> {
        let token = self.tok(i)?;
        if token.kind == Kind::Punct {
            return None;
        }
        // Every pattern starts with a number, a capitalised word or a phrase word.
        let capital = token
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let phrase_word = self.may_start_phrase(i);
        if token.kind == Kind::Word
            && !capital
            && !phrase_word
            && !matches!(self.lower[i].as_ref(), "mid" | "early" | "late")
        {
            return None;
        }
        self.numeric(i)
            .or_else(|| if phrase_word { self.phrase(i) } else { None })
            .or_else(|| self.weekday(i))
            .or_else(|| self.month_first(i))
            .or_else(|| self.day_first(i))
            .or_else(|| self.season(i))
            .or_else(|| self.year(i))
    }
}

/// Every date expression in `text`, in order, none overlapping. Never panics.
pub fn find_dates(text: &str, field: Field, order: NumericOrder) -> Vec<DateMention> {
    let toks = tokens(text);
    let lower = toks
        .iter()
        .map(|t| {
            if t.text.chars().any(char::is_uppercase) {
                std::borrow::Cow::Owned(t.text.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(t.text)
            }
        })
        .collect();
    let scanner = Scanner {
        text,
        toks,
        lower,
        order,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < scanner.toks.len() {
        match scanner.at(i) {
            Some(found) => {
                let start = scanner.toks[found.first].start;
                let end = scanner.toks[found.last].end;
                let (value, granularity) = match found.value {
                    Some(v) => (Some(v.iso()), v.granularity()),
                    None => (None, Granularity::Relative),
                };
                out.push(DateMention {
                    field,
                    start,
                    end,
                    text: scanner.text[start..end].to_owned(),
                    value,
                    granularity,
                    resolved: false,
                    relative: found.relative,
                });
                i = found.last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Votes from unambiguous numeric dates: (day first, month first). `25/12/2024` votes day first.
pub fn numeric_order_votes(text: &str) -> (usize, usize) {
    let (day_first, month_first, _) = numeric_votes(&tokens(text));
    (day_first, month_first)
}

/// What a file's dates say of the order of day and month in its numeric dates: `Some` order
/// where they say one. Its unambiguous numeric dates (`25/12/2024`) first; where those are
/// silent or tied and the file has an ambiguous one (`03/10/2023`), its dates written with the
/// month's name.
pub fn file_order(text: &str) -> Option<NumericOrder> {
    let toks = tokens(text);
    let (day_first, month_first, ambiguous) = numeric_votes(&toks);
    let (day_first, month_first) = if day_first == month_first && ambiguous > 0 {
        worded_votes(&toks)
    } else {
        (day_first, month_first)
    };
    match day_first.cmp(&month_first) {
        std::cmp::Ordering::Greater => Some(NumericOrder::DayFirst),
        std::cmp::Ordering::Less => Some(NumericOrder::MonthFirst),
        std::cmp::Ordering::Equal => None,
    }
}

/// (day first, month first, ambiguous) numeric dates among the tokens.
fn numeric_votes(toks: &[Token<'_>]) -> (usize, usize, usize) {
    let (mut day_first, mut month_first, mut ambiguous) = (0, 0, 0);
    for w in toks.windows(5) {
        let numbers = w[0].kind == Kind::Number
            && w[2].kind == Kind::Number
            && w[4].kind == Kind::Number
            && matches!(w[1].text, "/" | "." | "-")
            && w[3].text == w[1].text
            && w[0].text.len() <= 2
            && w[2].text.len() <= 2;
        if !numbers {
            continue;
        }
        let (a, b): (u32, u32) = (
            w[0].text.parse().unwrap_or(0),
            w[2].text.parse().unwrap_or(0),
        );
        if a > 12 && b <= 12 {
            day_first += 1;
        } else if b > 12 && a <= 12 {
            month_first += 1;
        } else if a != b && (1..=12).contains(&a) && (1..=12).contains(&b) {
            ambiguous += 1;
        }
    }
    (day_first, month_first, ambiguous)
}

/// Votes from dates written with the month's name: (day first, month first). A site that writes
/// "3 October 2023" writes 03/10/2023 day first; one that writes "October 3, 2023" writes it
/// month first. Weaker evidence than [`numeric_order_votes`], so counted apart.
fn worded_votes(toks: &[Token<'_>]) -> (usize, usize) {
    let day_number = |t: &Token<'_>| {
        let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &t.text[digits.len()..];
        digits.len() <= 2
            && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
            && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let is_month = |t: &Token<'_>| {
        t.kind == Kind::Word && t.text.len() >= 3 && month_number(&t.text.to_lowercase()).is_some()
    };
    let is_year = |t: &Token<'_>| t.kind == Kind::Number && t.text.len() == 4;
    // The year within two tokens (a comma or a full stop may stand before it).
    let year_after = |at: usize| toks.iter().skip(at).take(2).any(is_year);
    let (mut day_first, mut month_first) = (0, 0);
    for (i, t) in toks.iter().enumerate() {
        if !is_month(t) {
            continue;
        }
        let before = i.checked_sub(1).map(|k| &toks[k]);
        let before = match before {
            Some(b) if b.text == "of" => i.checked_sub(2).map(|k| &toks[k]),
            other => other,
        };
        if before.is_some_and(day_number) && year_after(i + 1) {
            day_first += 1;
            continue;
        }
        let next = match toks.get(i + 1) {
            Some(n) if n.text == "." => toks.get(i + 2).map(|n| (n, i + 3)),
            Some(n) => Some((n, i + 2)),
            None => None,
        };
        if let Some((n, after)) = next {
            if day_number(n) && year_after(after) {
                month_first += 1;
            }
        }
    }
    (day_first, month_first)
}

// ---------------------------------------------------------------------------------------------
// Publication date and resolution

/// A date in a file name: `2024-10-05`, `2024_10_05`, `20241005`, `2024-10`.
pub fn date_in_file_name(path: &str) -> Option<String> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let bytes = name.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let piece = name.get(from..from + n)?;
        piece
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| piece.parse().ok())
            .flatten()
    };
    for start in 0..bytes.len() {
        if start > 0 && bytes[start - 1].is_ascii_digit() {
            continue;
        }
        let Some(year) = digits(start, 4).filter(|y| (1900..=2100).contains(y)) else {
            continue;
        };
        let year = year as i32;
        let sep = bytes.get(start + 4).copied();
        let (month_at, sep_len) = match sep {
            Some(b'-' | b'_' | b'.') => (start + 5, 1),
            _ => (start + 4, 0),
        };
        let Some(month) = digits(month_at, 2).filter(|m| (1..=12).contains(m)) else {
            continue;
        };
        let day_at = month_at + 2 + sep_len;
        let separator_ok = sep_len == 0 || bytes.get(month_at + 2).copied() == sep;
        if separator_ok {
            if let Some(day) = digits(day_at, 2) {
                let trailing_digit = bytes.get(day_at + 2).is_some_and(u8::is_ascii_digit);
                if !trailing_digit && calendar::is_valid(year, month, day) {
                    return Some(DateValue::day(year, month, day)?.iso());
                }
            }
        }
        if sep_len == 1 && !bytes.get(month_at + 2).is_some_and(u8::is_ascii_digit) {
            return Some(DateValue::month(year, month).iso());
        }
    }
    None
}

/// Words that put a sentence in the future, so its dates are not evidence of a past.
const FUTURE_MARKERS: &[&str] = &[
    " will ",
    " would ",
    " next ",
    " scheduled",
    " planned",
    " plans ",
    " due to ",
    " upcoming",
    " ahead of ",
    " before ",
    " until ",
    " expected to ",
    " set to ",
    " aims to ",
    " by the end of ",
];

fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let from = text[..start]
        .rfind(['.', '!', '?', '\n'])
        .map(|i| i + 1)
        .unwrap_or(0);
    let to = text[end..]
        .find(['.', '!', '?', '\n'])
        .map(|i| end + i)
        .unwrap_or(text.len());
    &text[from..to]
}

/// Dates an article from the strongest evidence. `mentions` are the article's mentions with the
/// text of each field they came from (`field_text`), before resolution.
pub fn publication(
    file: &str,
    mentions: &[DateMention],
    field_text: impl Fn(Field) -> String,
) -> Published {
    let dateline = mentions
        .iter()
        .find(|m| m.field == Field::Dateline && m.value.is_some());
    // "Updated: March 3, 2024" says when the article last changed: it was published then or
    // before, so the day bounds the estimate and is never stated as the publication day. A date
    // before the word ("August 16, 2019 - Updated July 9, 2025", "Published Oct 10, 2023 -
    // [Updated Dec 3, 2025]") is the day it was published.
    let dateline_text = field_text(Field::Dateline);
    let days_on_dateline = || {
        mentions.iter().filter(|m| {
            m.field == Field::Dateline && m.value.is_some() && m.granularity == Granularity::Day
        })
    };
    // "Updated … Originally published November 9, 2022": the day after those words.
    let original = originally_published_at(&dateline_text)
        .and_then(|at| days_on_dateline().find(|m| m.start >= at));
    let (dateline, updated) = match (original, update_word_at(&dateline_text)) {
        (Some(original), _) => (Some(original), None),
        // Two days on the line and no word saying either is an update ("January 12, 2025
        // January 22, 2025", the labels hidden): a page prints a later day beside the
        // publication day only as an update, so the earlier is the publication day.
        (None, None) => (
            days_on_dateline()
                .min_by_key(|m| m.value.as_deref().and_then(day_range).map(|r| r.0))
                .or(dateline),
            None,
        ),
        (None, Some(at)) => match dateline {
            Some(m) if m.end <= at => (
                Some(m),
                mentions
                    .iter()
                    .find(|u| u.field == Field::Dateline && u.value.is_some() && u.start >= at),
            ),
            Some(m) => (None, Some(m)),
            None => (None, None),
        },
    };
    if let Some(stated) = dateline {
        return Published {
            value: stated.value.clone(),
            earliest: None,
            latest: None,
            best: None,
            source: PublishedSource::Dateline,
            confidence: if stated.granularity == Granularity::Day {
                0.95
            } else {
                0.8
            },
            evidence: Some(stated.text.clone()),
        };
    }
    if let Some(value) = date_in_file_name(file) {
        return Published {
            value: Some(value),
            earliest: None,
            latest: None,
            best: None,
            source: PublishedSource::FileName,
            confidence: 0.7,
            evidence: Some(file.to_owned()),
        };
    }
    // An article updated on a day was written by then: a date after it is no past it reports.
    let updated_by = updated
        .and_then(|m| m.value.as_deref())
        .and_then(day_range)
        .map(|(_, last)| last);
    let mut latest_past: Option<(DayNumber, &DateMention)> = None;
    for mention in mentions {
        if !matches!(mention.field, Field::Body | Field::Title) {
            continue;
        }
        let Some(value) = &mention.value else {
            continue;
        };
        let text = field_text(mention.field);
        let sentence = format!(
            " {} ",
            sentence_around(
                &text,
                mention.start.min(text.len()),
                mention.end.min(text.len())
            )
            .to_lowercase()
        );
        if FUTURE_MARKERS.iter().any(|m| sentence.contains(m)) {
            continue;
        }
        if let Some((first_day, _)) = day_range(value) {
            if updated_by.is_some_and(|by| first_day > by) {
                continue;
            }
            if latest_past.is_none_or(|(day, _)| first_day > day) {
                latest_past = Some((first_day, mention));
            }
        }
    }
    let latest = updated.and_then(|m| m.value.clone());
    match (latest_past, updated) {
        (Some((_, mention)), _) => Published {
            value: None,
            earliest: mention.value.clone(),
            latest,
            best: None,
            source: PublishedSource::Estimated,
            confidence: 0.3,
            evidence: Some(match updated {
                Some(_) => format!("{}; {}", mention.text, field_text(Field::Dateline)),
                None => mention.text.clone(),
            }),
        },
        (None, Some(_)) => Published {
            value: None,
            earliest: None,
            latest,
            best: None,
            source: PublishedSource::Estimated,
            confidence: 0.3,
            evidence: Some(field_text(Field::Dateline)),
        },
        (None, None) => Published::unknown(),
    }
}

/// The yearless days an article names with their weekday ("on Friday, Jan. 25", "Tuesday 22
/// January"), as (weekday, month, day): a weekday falls on a given day of the year only one year
/// in about six, so together they tell the year. `text` gives each field's text.
pub fn weekday_named_days<'a>(
    mentions: &[DateMention],
    text: impl Fn(Field) -> &'a str,
) -> Vec<(u32, u32, u32)> {
    let mut named = Vec::new();
    for pair in mentions.windows(2) {
        let (first, second) = (&pair[0], &pair[1]);
        let (Some(Relative::Weekday { day: weekday }), Some(Relative::MonthDay { month, day })) =
            (first.relative, second.relative)
        else {
            continue;
        };
        let between = text(first.field)
            .get(first.end..second.start)
            .filter(|_| first.field == second.field && second.start >= first.end);
        if between.is_some_and(|b| b.len() <= 3 && b.chars().all(|c| c == ',' || c == ' ')) {
            named.push((weekday, month, day));
        }
    }
    named
}

/// The earliest and latest years a weekday-named day is looked for in.
const WEEKDAY_YEARS: (i32, i32) = (1950, 2100);

/// How many years after what a corpus reports as past its weekday-named days are looked for.
const WEEKDAY_YEARS_AFTER_PAST: i32 = 5;

/// The days the corpus's weekday-named days stand for, per article (see [`weekday_named_days`]).
/// The year is the one in which most articles' weekdays fit their days: at least two articles,
/// and twice as many as for any other year looked at. Years with the same calendar fit alike
/// (2013 and 2019 share their weekdays), so the years looked at are those from `not_before`, the
/// year of what the corpus reports as past, to [`WEEKDAY_YEARS_AFTER_PAST`] after it; without it,
/// every year from 1950 to 2100, where only a year that alone fits best is taken. Each day is
/// then placed in that year or the one before or after (a December day named in January), where
/// its weekday fits, nearest first. Nothing when the corpus does not make one year clear.
pub fn weekday_days_in_corpus(
    named: &[Vec<(u32, u32, u32)>],
    not_before: Option<i32>,
) -> Vec<Vec<DayNumber>> {
    let nothing = || vec![Vec::new(); named.len()];
    let fits = |year: i32, (weekday, month, day): (u32, u32, u32)| {
        calendar::is_valid(year, month, day)
            && calendar::weekday(calendar::days_from_civil(year, month, day)) == weekday
    };
    let (from, to) = match not_before {
        Some(past) => (past, past + WEEKDAY_YEARS_AFTER_PAST),
        None => WEEKDAY_YEARS,
    };
    let articles: Vec<(i32, usize)> = (from..=to)
        .map(|year| {
            let fitting = named
                .iter()
                .filter(|days| days.iter().any(|&d| fits(year, d)))
                .count();
            (year, fitting)
        })
        .collect();
    let best = articles.iter().map(|a| a.1).max().unwrap_or(0);
    let mut at_best = articles.iter().filter(|a| a.1 == best);
    let (Some(&(year, _)), None) = (at_best.next(), at_best.next()) else {
        return nothing();
    };
    let next = articles.iter().map(|a| a.1).filter(|&n| n < best).max();
    if best < 2 || best < 2 * next.unwrap_or(0) {
        return nothing();
    }
    named
        .iter()
        .map(|days| {
            days.iter()
                .filter_map(|&d| {
                    [year, year - 1, year + 1]
                        .into_iter()
                        .find(|&y| fits(y, d))
                        .map(|y| calendar::days_from_civil(y, d.1, d.2))
                })
                .collect()
        })
        .collect()
}

/// The best estimate of every estimated publication day, from the corpus as a whole: articles
/// of one corpus are mostly written close together, and gathered up to a day, so an article that
/// states nothing is likeliest written towards the recent end of the corpus: the upper quartile
/// of its stated days, or of its estimated articles' "not before" days when that is later (most
/// recall something of the days just before they were written). When the corpus knows at least
/// eight days (stated days and day- or month-precise "not before" days), its present is the upper
/// quartile of those. A corpus gathered in time (half of its known days within a month of its
/// present) also places an article with no date at all at its present, with a low confidence
/// and the range of the corpus's known days. The estimate stays within the article's own bounds:
/// its "not before" is evidence, not its place, and a "not before" more than a year after the
/// present is a forecast the article makes, dropped.
///
/// `named` gives, per article, the yearless days it names with their weekday
/// ([`weekday_named_days`]), which [`weekday_days_in_corpus`] places in a year: an article that
/// states no day was written within days of those it names so ("on Friday, Jan. 25"), so it is
/// placed at the latest of them, and they count among the corpus's known days.
pub fn best_estimates(published: &mut [&mut Published], named: &[Vec<(u32, u32, u32)>]) {
    let mut stated: Vec<DayNumber> = published
        .iter()
        .filter(|p| p.source.is_stated())
        .filter_map(|p| p.value.as_deref().and_then(day_range).map(|r| r.0))
        .collect();
    let mut earliest: Vec<DayNumber> = published
        .iter()
        .filter(|p| p.source == PublishedSource::Estimated)
        .filter_map(|p| p.earliest.as_deref().and_then(day_range).map(|r| r.0))
        .collect();
    stated.sort_unstable();
    earliest.sort_unstable();
    // The corpus's known days: stated days and the day- or month-precise "not before" days.
    let mut known: Vec<DayNumber> = published
        .iter()
        .filter_map(|p| match p.source {
            s if s.is_stated() => p.value.as_deref(),
            PublishedSource::Estimated => p.earliest.as_deref().filter(|e| e.len() > 4),
            _ => None,
        })
        .filter_map(|v| day_range(v).map(|r| r.0))
        .collect();
    // The days the articles that state none name with their weekday, in the year what the
    // corpus states or reports as past points to.
    let quartile = |days: &[DayNumber]| days.get(days.len() * 3 / 4).copied();
    let past_year = quartile(&stated)
        .max(quartile(&earliest))
        .map(|day| calendar::civil_from_days(day).0);
    // Per article that states no day, the latest day it names with its weekday.
    let days = weekday_days_in_corpus(named, past_year);
    let named: Vec<Option<DayNumber>> = published
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let latest = days.get(i).and_then(|days| days.iter().max().copied());
            latest.filter(|_| !p.source.is_stated())
        })
        .collect();
    let named_days: Vec<DayNumber> = named.iter().copied().flatten().collect();
    known.extend(&named_days);
    known.sort_unstable();
    // The corpus's present: the upper quartile of its known days when it knows enough of them,
    // else of its stated days or of its estimates' "not before" days, whichever is later.
    let present = if known.len() >= 8 {
        quartile(&known)
    } else {
        quartile(&stated).max(quartile(&earliest))
    };
    let Some(present) = present else {
        return;
    };
    // A gathered corpus (most of what it knows within a month of its present, or most of the
    // days its articles were written on or by, stated or named with their weekday) places even
    // an article with no date at all at its present, loosely: it is likelier right than not.
    let near = |days: &[DayNumber]| days.iter().filter(|&&d| (d - present).abs() <= 31).count();
    let near_known = near(&known);
    let written = stated.len() + named_days.len();
    let gathered = (known.len() >= 8 && near_known * 2 >= known.len())
        || (written >= 5 && (near(&stated) + near(&named_days)) * 2 >= written);
    for (p, named) in published.iter_mut().zip(named) {
        if let (PublishedSource::Unknown, Some(day)) = (p.source, named) {
            **p = Published {
                value: None,
                earliest: None,
                latest: None,
                best: Some(calendar::iso_day(day)),
                source: PublishedSource::Estimated,
                confidence: 0.3,
                evidence: Some(format!("names {} with its weekday", calendar::iso_day(day))),
            };
            continue;
        }
        if p.source == PublishedSource::Unknown && gathered {
            let tail = known.len() / 20;
            **p = Published {
                value: None,
                earliest: Some(calendar::iso_day(known[tail])),
                latest: Some(calendar::iso_day(known[known.len() - 1 - tail])),
                best: Some(calendar::iso_day(present)),
                source: PublishedSource::Estimated,
                confidence: 0.1,
                evidence: Some(format!(
                    "no date in the text; {near_known} of the corpus's {} known days lie within a month of {}",
                    known.len(),
                    calendar::iso_day(present)
                )),
            };
            continue;
        }
        if p.source != PublishedSource::Estimated {
            continue;
        }
        let mut lo = p.earliest.as_deref().and_then(day_range).map(|r| r.0);
        let hi = p.latest.as_deref().and_then(day_range).map(|r| r.1);
        // A "not before" more than a year after the corpus's present is a forecast the article
        // makes ("by 2050"), not a past it reports.
        if lo.is_some_and(|lo| lo > present + 366) {
            lo = None;
            p.earliest = None;
        }
        let mut day = named.unwrap_or(present);
        if let Some(lo) = lo {
            day = day.max(lo);
        }
        if let Some(hi) = hi {
            day = day.min(hi);
        }
        p.best = Some(calendar::iso_day(day));
    }
}

/// Whether `day` (ISO) is one the article names with its weekday ([`weekday_named_days`]).
pub fn names_with_weekday<'a>(
    day: &str,
    mentions: &[DateMention],
    text: impl Fn(Field) -> &'a str,
) -> bool {
    let Some((first, last)) = day_range(day).filter(|(first, last)| first == last) else {
        return false;
    };
    let (_, month, day_of_month) = calendar::civil_from_days(first);
    let weekday = calendar::weekday(last);
    weekday_named_days(mentions, text).contains(&(weekday, month, day_of_month))
}

/// A date line that says when the article was updated or reviewed, not when it was published
/// ("Updated: March 3, 2024", "Last modified 12/03/2025").
pub fn is_update_line(line: &str) -> bool {
    update_word_at(line).is_some()
}

/// Where the words saying when an article first appeared end ("Originally published on",
/// "First posted"): the day after them is its publication day, whatever else the line says.
pub fn originally_published_at(line: &str) -> Option<usize> {
    // Most lines say nothing of the kind: one quick pass for the words' common parts first.
    static PARTS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let parts = PARTS.get_or_init(|| {
        aho_corasick::AhoCorasick::new(["ublished", "UBLISHED", "osted", "OSTED"])
            .expect("four plain words")
    });
    if !parts.is_match(line) {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    [
        "originally published",
        "first published",
        "originally posted",
        "first posted",
    ]
    .iter()
    .filter_map(|words| lower.find(words).map(|at| at + words.len()))
    .min()
}

/// Where the first word saying the line dates an update or review stands (a byte offset).
fn update_word_at(line: &str) -> Option<usize> {
    let lower = line.to_ascii_lowercase();
    ["update", "modified", "edited", "revised", "reviewed"]
        .iter()
        .filter_map(|word| lower.find(word))
        .min()
}

/// Gives relative mentions a value from a stated publication date (day or month precise),
/// marking them resolved. Estimated dates are too loose to resolve against.
pub fn resolve(mentions: &mut [DateMention], published: &Published) {
    if !published.source.is_stated() {
        return;
    }
    let Some(value) = published.value.as_deref() else {
        return;
    };
    let Some((pub_first, pub_last)) = day_range(value) else {
        return;
    };
    let (year, month, _) = calendar::civil_from_days(pub_first);
    let day_precise = pub_first == pub_last;
    for mention in mentions.iter_mut() {
        let Some(relative) = mention.relative else {
            continue;
        };
        if mention.value.is_some() {
            continue;
        }
        let resolved = match relative {
            Relative::Weekday { day } if day_precise => {
                let back = (calendar::weekday(pub_first) + 7 - day) % 7;
                let (y, m, d) = calendar::civil_from_days(pub_first - i64::from(back));
                DateValue::day(y, m, d)
            }
            Relative::Years { offset } => Some(DateValue::year(year + offset)),
            Relative::Months { offset } => {
                let index = year * 12 + month as i32 - 1 + offset;
                Some(DateValue::month(
                    index.div_euclid(12),
                    index.rem_euclid(12) as u32 + 1,
                ))
            }
            Relative::MonthDay { month: m, day: d } => [year, year - 1, year + 1]
                .into_iter()
                .filter_map(|y| DateValue::day(y, m, d))
                .filter(|v| calendar::days_from_civil(v.year, m, d) <= pub_last + 65)
                .max_by_key(|v| calendar::days_from_civil(v.year, m, d)),
            Relative::Month { month: m } => [year, year - 1, year + 1]
                .into_iter()
                .map(|y| DateValue::month(y, m))
                .filter(|v| calendar::days_from_civil(v.year, m, 1) <= pub_last + 31)
                .max_by_key(|v| calendar::days_from_civil(v.year, m, 1)),
            Relative::Season { season, offset } => {
                // Seasons by their months in the northern hemisphere: spring Mar–May, summer
                // Jun–Aug, autumn Sep–Nov, winter Dec–Feb (named by the year it starts).
                let start_month = [3, 6, 9, 12][season as usize % 4];
                let begun = month >= start_month;
                let this_time = if begun { year } else { year - 1 };
                let y = match offset {
                    -1 => this_time - i32::from(month < start_month + 3 && begun),
                    1 => this_time + 1,
                    _ => {
                        if begun || start_month == 12 {
                            this_time
                        } else {
                            year
                        }
                    }
                };
                let mut value = DateValue::year(y);
                value.season = true;
                Some(value)
            }
            _ => None,
        };
        if let Some(v) = resolved {
            mention.value = Some(v.iso());
            mention.granularity = v.granularity();
            mention.resolved = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Option<String>, Granularity)> {
        find_dates(text, Field::Body, NumericOrder::MonthFirst)
            .into_iter()
            .map(|m| (m.text, m.value, m.granularity))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(t, _, _)| t).collect()
    }

    fn value(text: &str) -> Option<String> {
        found(text).into_iter().next().and_then(|(_, v, _)| v)
    }

    #[test]
    fn absolute_forms_get_their_value() {
        assert_eq!(
            value("since the Gaza war began on October 7, 2023, the US"),
            Some("2023-10-07".into())
        );
        assert_eq!(
            value("on 28 September 2020 at noon"),
            Some("2020-09-28".into())
        );
        assert_eq!(
            value("on the 28th of September, 2020"),
            Some("2020-09-28".into())
        );
        assert_eq!(value("published 2020-09-28."), Some("2020-09-28".into()));
        assert_eq!(value("in January 2020 after"), Some("2020-01".into()));
        assert_eq!(value("during the summer of 2018."), Some("2018".into()));
        assert_eq!(
            found("during the summer of 2018.")[0].2,
            Granularity::Season
        );
        assert_eq!(value("growth slowed in mid-2024"), Some("2024".into()));
        assert_eq!(texts("growth slowed in mid-2024"), ["mid-2024"]);
        assert_eq!(value("a 2015 nuclear deal"), Some("2015".into()));
        assert_eq!(value("Sept. 25, 2020"), Some("2020-09-25".into()));
        assert_eq!(value("December 19. 2025"), Some("2025-12-19".into()));
        assert_eq!(value("Jul. 11. 2025"), Some("2025-07-11".into()));
        assert_eq!(
            value("Tom 2024-04-18T13:00:39+00:00 March"),
            Some("2024-04-18".into())
        );
    }

    #[test]
    fn numeric_dates_follow_the_corpus_order_unless_unambiguous() {
        let month_first = find_dates("on 05/10/2024", Field::Body, NumericOrder::MonthFirst);
        let day_first = find_dates("on 05/10/2024", Field::Body, NumericOrder::DayFirst);
        assert_eq!(month_first[0].value.as_deref(), Some("2024-05-10"));
        assert_eq!(day_first[0].value.as_deref(), Some("2024-10-05"));
        let clear = find_dates("on 25/12/2024", Field::Body, NumericOrder::MonthFirst);
        assert_eq!(clear[0].value.as_deref(), Some("2024-12-25"));
        assert_eq!(
            numeric_order_votes("25/12/2024 and 13.01.2023, 01/02/2020"),
            (2, 0)
        );
    }

    #[test]
    fn relative_forms_keep_a_minimal_span_and_no_value() {
        let text = "Officials met on Monday and again early Friday, last week, and at 4 p.m. Friday morning talks ended. \
            In the coming days and in recent weeks, the past year or so, the end of last year, hours earlier, \
            last month, NEXT YEAR, earlier this year, Oct. 10, Nov. 7 and in March, last summer, the summer.";
        assert_eq!(
            texts(text),
            [
                "Monday",
                "early Friday",
                "last week",
                "4 p.m. Friday morning",
                "coming days",
                "recent weeks",
                "the past year or so",
                "the end of last year",
                "hours earlier",
                "last month",
                "NEXT YEAR",
                "earlier this year",
                "Oct. 10",
                "Nov. 7",
                "March",
                "last summer",
                "the summer"
            ]
        );
        assert!(found(text)
            .iter()
            .all(|(_, v, g)| v.is_none() && *g == Granularity::Relative));
    }

    #[test]
    fn numbers_that_are_not_years_are_left_alone() {
        for text in [
            "more than 2000 people",
            "a $2015 fee",
            "about 1,944 troops",
            "Resolution 2334 says",
            "300,000 acres",
            "it rose 2020%",
            "May I ask",
            "they march on",
            "a summer house",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn file_names_with_dates() {
        assert_eq!(
            date_in_file_name("news/2024-10-05_story.txt").as_deref(),
            Some("2024-10-05")
        );
        assert_eq!(
            date_in_file_name("20241005-story.txt").as_deref(),
            Some("2024-10-05")
        );
        assert_eq!(
            date_in_file_name("2024_10 archive.txt").as_deref(),
            Some("2024-10")
        );
        assert_eq!(date_in_file_name("000_5bb7e25a442b555a.txt"), None);
        assert_eq!(date_in_file_name("report-12345678.txt"), None);
    }

    #[test]
    fn days_named_with_their_weekday_tell_the_year() {
        let text = "The council voted on Friday, Jan. 25, and meets again on Tuesday 5 February; \
                    it met on Monday.";
        let mentions = find_dates(text, Field::Body, NumericOrder::MonthFirst);
        let named = weekday_named_days(&mentions, |_| text);
        assert_eq!(named, vec![(4, 1, 25), (1, 2, 5)]);
        assert!(names_with_weekday("2019-01-25", &mentions, |_| text));
        assert!(!names_with_weekday("2019-01-26", &mentions, |_| text));
        assert!(!names_with_weekday("2018-01-25", &mentions, |_| text));
        // Another article of the corpus names Monday, Jan. 28. 2013 and 2019 share January's
        // weekdays: what the corpus reports as past (2017) decides.
        let corpus = vec![named, vec![(0, 1, 28)], Vec::new()];
        let days = weekday_days_in_corpus(&corpus, Some(2017));
        let iso: Vec<Vec<String>> = days
            .iter()
            .map(|d| d.iter().map(|&d| calendar::iso_day(d)).collect())
            .collect();
        assert_eq!(
            iso,
            vec![
                vec!["2019-01-25".to_owned(), "2019-02-05".to_owned()],
                vec!["2019-01-28".to_owned()],
                vec![]
            ]
        );
        // Without anything reported as past, the calendar alone cannot choose.
        assert!(weekday_days_in_corpus(&corpus, None)
            .iter()
            .all(Vec::is_empty));
        // One article alone is no corpus's year.
        assert!(weekday_days_in_corpus(&corpus[1..], Some(2017))
            .iter()
            .all(Vec::is_empty));
    }

    #[test]
    fn an_estimate_sits_where_the_corpus_is_within_its_own_bounds() {
        let stated = |day: &str| Published {
            value: Some(day.to_owned()),
            earliest: None,
            latest: None,
            best: None,
            source: PublishedSource::Dateline,
            confidence: 0.95,
            evidence: None,
        };
        let estimated = |earliest: Option<&str>, latest: Option<&str>| Published {
            value: None,
            earliest: earliest.map(str::to_owned),
            latest: latest.map(str::to_owned),
            best: None,
            source: PublishedSource::Estimated,
            confidence: 0.3,
            evidence: None,
        };
        let mut all = [
            stated("2017-01-20"),
            stated("2017-01-25"),
            stated("2017-02-02"),
            // "Not before 2015": placed with the corpus, not in 2015.
            estimated(Some("2015"), None),
            // Not before March 2017: the corpus's day is too early for it.
            estimated(Some("2017-03-10"), None),
            // Updated by 2016-12-31 at the latest.
            estimated(Some("2016-05"), Some("2016-12-31")),
            // Articles recalling the days before they were written.
            estimated(Some("2017-01-10"), None),
            estimated(Some("2017-01-02"), None),
            estimated(Some("2016-12-20"), None),
        ];
        best_estimates(&mut all.iter_mut().collect::<Vec<_>>(), &[]);
        let best: Vec<Option<&str>> = all.iter().map(|p| p.best.as_deref()).collect();
        assert_eq!(
            best,
            vec![
                None,
                None,
                None,
                Some("2017-02-02"),
                Some("2017-03-10"),
                Some("2016-12-31"),
                Some("2017-02-02"),
                Some("2017-02-02"),
                Some("2017-02-02"),
            ]
        );
        assert_eq!(all[3].point(), Some("2017-02-02"));
        assert!(!all[3].source.is_stated());
    }

    #[test]
    fn publication_from_dateline_then_file_then_past_mentions_never_captions() {
        let body = "He took over in January 2020. Polls are due before the election in 2025.";
        let mut mentions = find_dates(body, Field::Body, NumericOrder::MonthFirst);
        mentions.extend(find_dates(
            "A photo taken on April 22, 2024. (Reuters)",
            Field::Caption,
            NumericOrder::MonthFirst,
        ));
        let text = |f: Field| {
            if f == Field::Body {
                body.to_owned()
            } else {
                String::new()
            }
        };
        let estimated = publication("a.txt", &mentions, text);
        assert_eq!(estimated.source, PublishedSource::Estimated);
        assert_eq!(
            estimated.earliest.as_deref(),
            Some("2020-01"),
            "2025 is future, the caption is a photo date"
        );
        let from_name = publication("2024-03-01_a.txt", &mentions, text);
        assert_eq!(
            (from_name.source, from_name.value.as_deref()),
            (PublishedSource::FileName, Some("2024-03-01"))
        );
        mentions.extend(find_dates(
            "• September 28, 2020",
            Field::Dateline,
            NumericOrder::MonthFirst,
        ));
        let stated = publication("2024-03-01_a.txt", &mentions, text);
        assert_eq!(
            (stated.source, stated.value.as_deref()),
            (PublishedSource::Dateline, Some("2020-09-28"))
        );
        assert_eq!(
            publication("a.txt", &[], text).source,
            PublishedSource::Unknown
        );
    }

    #[test]
    fn an_update_day_bounds_the_past_an_article_reports() {
        let body = "The gym reopened in March 2024. The trends of 2026 look bright.";
        let dateline = "Updated Dec. 23, 2024, 1:24 PM EST";
        let mut mentions = find_dates(body, Field::Body, NumericOrder::MonthFirst);
        mentions.extend(find_dates(
            dateline,
            Field::Dateline,
            NumericOrder::MonthFirst,
        ));
        let text = |f: Field| match f {
            Field::Body => body.to_owned(),
            Field::Dateline => dateline.to_owned(),
            _ => String::new(),
        };
        let estimated = publication("a.txt", &mentions, text);
        assert_eq!(estimated.source, PublishedSource::Estimated);
        // 2026 comes after the update: it is no past the article reports.
        assert_eq!(
            (estimated.earliest.as_deref(), estimated.latest.as_deref()),
            (Some("2024-03"), Some("2024-12-23"))
        );
    }

    #[test]
    fn worded_dates_tell_the_site_order() {
        assert_eq!(
            worded_votes(&tokens("Published 3 October 2023, and 12th of May, 2024.")),
            (2, 0)
        );
        assert_eq!(
            worded_votes(&tokens("Posted October 3, 2023 and Sept. 25, 2020")),
            (0, 2)
        );
        assert_eq!(
            worded_votes(&tokens("In May 2023 there were 3 May Day parades.")),
            (0, 0)
        );
    }

    #[test]
    fn a_date_before_the_update_is_the_publication_day() {
        for (dateline, day) in [
            ("August 16, 2019 - Updated July 9, 2025", Some("2019-08-16")),
            (
                "Published Oct 10, 2023 - [Updated Dec 3, 2025]",
                Some("2023-10-10"),
            ),
            (
                "By Kathy Owen January 21, 2025 Updated on January 12, 2026",
                Some("2025-01-21"),
            ),
            (
                "Fri 5 Dec 2025 12.00 CET Last modified on Mon 8 Dec 2025",
                Some("2025-12-05"),
            ),
            ("Last updated: Sep 4, 2025", None),
            // The day it first appeared, after an update's.
            (
                "Updated November 11, 2022 8:23 PM ET Originally published November 9, 2022 11:01 AM ET",
                Some("2022-11-09"),
            ),
            // Two days and no word for either: the later is the update.
            (
                "On January 22, 2025 January 12, 2025 By Gabby",
                Some("2025-01-12"),
            ),
        ] {
            let mentions = find_dates(dateline, Field::Dateline, NumericOrder::MonthFirst);
            let text = |f: Field| match f {
                Field::Dateline => dateline.to_owned(),
                _ => String::new(),
            };
            let published = publication("a.txt", &mentions, text);
            assert_eq!(published.source.is_stated(), day.is_some(), "{dateline}");
            assert_eq!(published.value.as_deref(), day, "{dateline}");
        }
    }

    #[test]
    fn relative_mentions_resolve_against_a_stated_date() {
        let body = "On Sept. 25, Khamenei wrote. On Monday, last month, next year, in March and last summer.";
        let mut mentions = find_dates(body, Field::Body, NumericOrder::MonthFirst);
        let published = Published {
            value: Some("2020-09-28".into()),
            source: PublishedSource::Dateline,
            ..Published::unknown()
        };
        resolve(&mut mentions, &published);
        let values: Vec<(&str, Option<&str>, bool)> = mentions
            .iter()
            .map(|m| (m.text.as_str(), m.value.as_deref(), m.resolved))
            .collect();
        assert_eq!(
            values,
            [
                ("Sept. 25", Some("2020-09-25"), true),
                ("Monday", Some("2020-09-28"), true),
                ("last month", Some("2020-08"), true),
                ("next year", Some("2021"), true),
                ("March", Some("2020-03"), true),
                ("last summer", Some("2020"), true),
            ]
        );
        let mut untouched = find_dates(body, Field::Body, NumericOrder::MonthFirst);
        resolve(
            &mut untouched,
            &Published {
                earliest: Some("2020".into()),
                source: PublishedSource::Estimated,
                ..Published::unknown()
            },
        );
        assert!(untouched.iter().all(|m| !m.resolved));
    }

    #[test]
    fn any_text_scans_without_panic() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let alphabet: Vec<char> = "0123456789 /-.,:aAmMpP Sept.May2020éü–".chars().collect();
        for len in 0..300 {
            let text: String = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            for m in find_dates(&text, Field::Body, NumericOrder::DayFirst) {
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
        }
    }
}
