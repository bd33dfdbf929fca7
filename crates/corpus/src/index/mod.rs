//! Full-text search: a positional inverted index over every article's title and body, the query
//! language users know from search engines, BM25 ranking, and the byte ranges a match covers so
//! that a result and the reader can mark it.
//!
//! - **Words** are runs of letters and digits, lower-cased ("Al-Sudani's" is `al`, `sudani`, `s`).
//! - **The query language**: several words (every one must match; ranked), `"a phrase in
//!   quotes"` (its words next to each other, in order, by their positions in the index), a
//!   trailing `prefix*` (and the last word typed, while it is being typed, from three letters
//!   on), `-word` or `-"a phrase"` to exclude. No field syntax: entities, topics and dates are
//!   facets. A quote left open or a query of only common words gives a [`Parsed::hint`], never
//!   an error.
//! - **Ranking**: BM25 (k1 1.2, b 0.75) over the title and the body as one field in which a
//!   title word counts [`TITLE_WEIGHT`] times; a phrase scores as one term with its own document
//!   frequency; a prefix as the words it stands for.
//! - **Compact**: terms sorted in one list, postings in flat arrays, positions as delta-encoded
//!   variable-length integers (about a byte per word of text). Built once per load, in one pass.

use crate::{DocId, Document};
use std::borrow::Cow;

/// How many times a title word counts against a body word.
pub const TITLE_WEIGHT: u32 = 3;

/// BM25's term-frequency saturation.
const K1: f32 = 1.2;
/// BM25's length normalisation.
const B: f32 = 0.75;

/// Positions of the body start this far after the title's last word, so that no phrase runs
/// from the title into the body.
const FIELD_GAP: u32 = 8;

/// How many letters the word being typed needs before it is also read as a prefix.
const TYPED_PREFIX: usize = 3;

/// How many words a prefix may stand for (the most widespread first).
const PREFIX_EXPANSIONS: usize = 256;

/// A relevance score: higher is better.
pub type Score = f32;

/// One part of a parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// A whole word.
    Word(String),
    /// Any word starting with this.
    Prefix(String),
    /// These words next to each other, in this order.
    Phrase(Vec<String>),
}

/// A query as the index reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Clauses a document must match.
    pub required: Vec<Clause>,
    /// Clauses a document must not match.
    pub excluded: Vec<Clause>,
    /// What to tell the user about how the query was read, when it was not as typed.
    pub hint: Option<String>,
}

impl Parsed {
    /// Whether the query asks for nothing (every document matches).
    pub fn is_empty(&self) -> bool {
        self.required.is_empty() && self.excluded.is_empty()
    }
}

/// The words of `text` with their byte ranges, lower-cased.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize, Cow<'_, str>)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let word = next_word(text, &mut at)?;
        let found = &text[word.start..word.end];
        let lower = if word.has_upper(found) {
            Cow::Owned(found.to_lowercase())
        } else {
            Cow::Borrowed(found)
        };
        Some((word.start, word.end, lower))
    })
}

/// Calls `each` with every word of `text`, lower-cased, as [`word_spans`] gives them, without
/// an allocation per word: an ASCII word is lower-cased into `buffer`.
fn each_word(text: &str, buffer: &mut String, mut each: impl FnMut(&str)) {
    let mut at = 0;
    while let Some(word) = next_word(text, &mut at) {
        let found = &text[word.start..word.end];
        if !word.has_upper(found) {
            each(found);
        } else if word.ascii {
            buffer.clear();
            buffer.push_str(found);
            buffer.make_ascii_lowercase();
            each(buffer);
        } else {
            each(&found.to_lowercase());
        }
    }
}

/// A word (a run of letters and digits) found by [`next_word`].
struct WordAt {
    start: usize,
    end: usize,
    /// Whether it is all ASCII.
    ascii: bool,
    /// Whether it has an ASCII capital (all that counts for an ASCII word).
    ascii_upper: bool,
}

impl WordAt {
    /// Whether the word (`found`, its text) has a capital to lower.
    fn has_upper(&self, found: &str) -> bool {
        if self.ascii {
            self.ascii_upper
        } else {
            found.chars().any(char::is_uppercase)
        }
    }
}

/// The next word of `text` from `at` (moved past it): the one scanner of [`word_spans`] and
/// the index, reading ASCII byte by byte.
fn next_word(text: &str, at: &mut usize) -> Option<WordAt> {
    let bytes = text.as_bytes();
    let char_at = |i: usize| -> char {
        if bytes[i].is_ascii() {
            char::from(bytes[i])
        } else {
            text[i..].chars().next().unwrap_or(' ')
        }
    };
    // To the word's first letter or digit.
    while *at < bytes.len() && !char_at(*at).is_alphanumeric() {
        *at += char_at(*at).len_utf8();
    }
    if *at >= bytes.len() {
        return None;
    }
    let start = *at;
    let (mut ascii, mut ascii_upper) = (true, false);
    while *at < bytes.len() {
        let c = char_at(*at);
        if !c.is_alphanumeric() {
            break;
        }
        ascii &= c.is_ascii();
        ascii_upper |= c.is_ascii_uppercase();
        *at += c.len_utf8();
    }
    Some(WordAt {
        start,
        end: *at,
        ascii,
        ascii_upper,
    })
}

fn lower_words(text: &str) -> Vec<String> {
    word_spans(text).map(|(_, _, w)| w.into_owned()).collect()
}

/// Reads a query typed by a user. The last word typed, when nothing follows it, is also read as
/// a prefix, so that results narrow while the user types.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut rest = text;
    let mut open_quote = false;
    // Whether the query ends with a bare word, nothing after it: the word being typed.
    let mut typing = false;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let negated = rest.starts_with('-') && rest.len() > 1;
        let body = if negated { &rest[1..] } else { rest };
        let (clause, consumed) = if let Some(inner) = body.strip_prefix('"') {
            let (phrase, used) = match inner.find('"') {
                Some(end) => (&inner[..end], end + 2),
                None => {
                    open_quote = true;
                    (inner, inner.len() + 1)
                }
            };
            let words = lower_words(phrase);
            let clause = match words.len() {
                0 => None,
                1 => words.into_iter().next().map(Clause::Word),
                _ => Some(Clause::Phrase(words)),
            };
            (clause, used)
        } else {
            let end = body.find(char::is_whitespace).unwrap_or(body.len());
            let token = &body[..end];
            let prefix = token.ends_with('*');
            let words = lower_words(token);
            let clause = match words.len() {
                0 => None,
                1 => {
                    let word = words.into_iter().next().unwrap_or_default();
                    Some(if prefix {
                        Clause::Prefix(word)
                    } else {
                        Clause::Word(word)
                    })
                }
                // "covid-19" or "al-Sudani": its words next to each other.
                _ => Some(Clause::Phrase(words)),
            };
            (clause, end)
        };
        let consumed = consumed + usize::from(negated);
        let at_end = rest[consumed.min(rest.len())..].is_empty();
        if let Some(clause) = clause {
            let list = if negated {
                &mut parsed.excluded
            } else {
                &mut parsed.required
            };
            typing =
                at_end && !negated && matches!(clause, Clause::Word(_)) && !body.starts_with('"');
            list.push(clause);
        }
        rest = &rest[consumed.min(rest.len())..];
    }
    // The word being typed: also its longer forms, once it has a few letters (a letter or two
    // would stand for most of the vocabulary).
    if let Some(last) = parsed.required.last_mut().filter(|_| typing) {
        if let Clause::Word(word) = last {
            if word.chars().count() >= TYPED_PREFIX {
                *last = Clause::Prefix(std::mem::take(word));
            }
        }
    }
    if open_quote {
        parsed.hint =
            Some("A quote is not closed: the words after it are searched as a phrase.".into());
    } else if !parsed.required.is_empty()
        && parsed.required.iter().all(|clause| match clause {
            Clause::Word(w) | Clause::Prefix(w) => crate::ingest::page::is_function_word(w),
            Clause::Phrase(words) => words
                .iter()
                .all(|w| crate::ingest::page::is_function_word(w)),
        })
    {
        parsed.hint = Some(
            "Only common words: nearly every article has them. Add a rarer word or a \"phrase\"."
                .into(),
        );
    }
    parsed
}

/// One term's postings: the documents that hold it, in id order.
#[derive(Debug, Clone, Copy)]
struct TermEntry {
    /// How many documents hold it.
    count: u32,
}

/// The search index of a corpus. See the module documentation.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Every distinct word, sorted (so a prefix is a contiguous run).
    terms: Vec<Box<str>>,
    entries: Vec<TermEntry>,
    /// Each term's postings, as LEB128 integers: per document holding it, the id's distance
    /// from the previous one's, its weighted frequency (title occurrences × [`TITLE_WEIGHT`] +
    /// body occurrences), how many positions follow, and their distances. Kept as each term's
    /// bytes were written, so the index is never copied whole while it is built.
    postings: Vec<Box<[u8]>>,
    /// Per document (by id): its weighted length.
    lengths: Vec<u32>,
    /// Per document: how many words its title has (positions below it are the title's).
    title_words: Vec<u32>,
    /// Mean weighted length.
    mean_length: f32,
}

#[inline]
fn push_varint(out: &mut Vec<u8>, mut value: u32) {
    if value < 0x80 {
        out.push(value as u8);
        return;
    }
    loop {
        let byte = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A term's postings while they are written: the bytes so far, the last document written, and
/// how many documents.
type TermBuild = (Vec<u8>, DocId, u32);

/// Reads one LEB128 integer at `at`, moving past it.
fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let (mut value, mut shift) = (0u32, 0u32);
    while let Some(&byte) = bytes.get(*at) {
        *at += 1;
        value |= u32::from(byte & 0x7F) << shift.min(31);
        if byte & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    value
}

/// One document's entry in a term's postings.
struct Posting<'a> {
    doc: DocId,
    weighted_tf: u32,
    /// The term's postings bytes.
    bytes: &'a [u8],
    /// Where its positions start in them, and how many there are.
    positions: (usize, u32),
}

/// Walks a term's postings in id order.
struct Postings<'a> {
    bytes: &'a [u8],
    at: usize,
    left: u32,
    doc: DocId,
}

impl<'a> Iterator for Postings<'a> {
    type Item = Posting<'a>;

    fn next(&mut self) -> Option<Posting<'a>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        self.doc += read_varint(self.bytes, &mut self.at);
        let weighted_tf = read_varint(self.bytes, &mut self.at);
        let count = read_varint(self.bytes, &mut self.at);
        let start = self.at;
        // Skip the positions: one byte with its high bit clear ends each.
        let mut ends = 0;
        while ends < count {
            match self.bytes.get(self.at) {
                Some(byte) => {
                    if byte & 0x80 == 0 {
                        ends += 1;
                    }
                    self.at += 1;
                }
                None => break,
            }
        }
        Some(Posting {
            doc: self.doc,
            weighted_tf,
            bytes: self.bytes,
            positions: (start, count),
        })
    }
}

/// A [`SearchIndex`] being built, one document at a time (so that the build can stop between
/// documents and go on later).
#[derive(Debug, Default)]
pub struct IndexBuilder {
    /// Each distinct word's number, given the first time it is met (one hash lookup per word
    /// of text).
    numbers: crate::extract::gazetteer::HashMap<Box<str>, u32>,
    /// Per number: the word and its postings so far.
    builds: Vec<(Box<str>, TermBuild)>,
    lengths: Vec<u32>,
    title_words: Vec<u32>,
    /// One document's words as (number << 32 | position), sorted so that each word's
    /// occurrences stand together in order: no list per word.
    words: Vec<u64>,
    lower: String,
}

impl IndexBuilder {
    /// How many documents are indexed so far.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    /// Whether no document is indexed yet.
    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// Indexes the next document (its id is the number of documents added before it).
    pub fn add(&mut self, title: &str, body: &str) {
        let id = DocId::try_from(self.lengths.len()).unwrap_or(DocId::MAX);
        let Self {
            numbers,
            builds,
            words,
            lower,
            ..
        } = self;
        words.clear();
        let mut number_of = |word: &str| -> u64 {
            let number = match numbers.get(word) {
                Some(&number) => number,
                None => {
                    let number = builds.len() as u32;
                    numbers.insert(word.into(), number);
                    builds.push((word.into(), (Vec::new(), 0, 0)));
                    number
                }
            };
            u64::from(number) << 32
        };
        let mut position = 0u32;
        each_word(title, lower, |word| {
            words.push(number_of(word) | u64::from(position));
            position += 1;
        });
        let title_len = position;
        position = title_len + FIELD_GAP;
        each_word(body, lower, |word| {
            words.push(number_of(word) | u64::from(position));
            position += 1;
        });
        let body_len = position - title_len - FIELD_GAP;
        words.sort_unstable();
        for group in words.chunk_by(|a, b| a >> 32 == b >> 32) {
            let (_, (bytes, last, count)) = &mut builds[(group[0] >> 32) as usize];
            let weighted: u32 = group
                .iter()
                .map(|&w| {
                    if (w as u32) < title_len {
                        TITLE_WEIGHT
                    } else {
                        1
                    }
                })
                .sum();
            push_varint(bytes, id - *last);
            push_varint(bytes, weighted);
            push_varint(bytes, group.len() as u32);
            let mut previous = 0;
            for &w in group {
                let position = w as u32;
                push_varint(bytes, position - previous);
                previous = position;
            }
            *last = id;
            *count += 1;
        }
        self.lengths.push(title_len * TITLE_WEIGHT + body_len);
        self.title_words.push(title_len);
    }

    /// The index of every document added.
    pub fn finish(self) -> SearchIndex {
        let Self {
            numbers,
            mut builds,
            lengths,
            title_words,
            words,
            lower,
        } = self;
        // The words' numbers hold a second copy of every word: gone before the index is made.
        drop((numbers, words, lower));
        builds.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut index = SearchIndex {
            terms: Vec::with_capacity(builds.len()),
            entries: Vec::with_capacity(builds.len()),
            postings: Vec::with_capacity(builds.len()),
            mean_length: 0.0,
            lengths,
            title_words,
        };
        for (term, (bytes, _, count)) in builds {
            index.entries.push(TermEntry { count });
            index.terms.push(term);
            // Shrunk where it stands: no term's bytes are copied.
            index.postings.push(bytes.into_boxed_slice());
        }
        let total: u64 = index.lengths.iter().map(|&l| u64::from(l)).sum();
        index.mean_length = total as f32 / index.lengths.len().max(1) as f32;
        index
    }
}

impl SearchIndex {
    /// Indexes the title and body of every document (ids are their positions in `documents`).
    pub fn build(documents: &[Document]) -> Self {
        Self::build_texts(
            documents
                .iter()
                .map(|doc| (doc.title.as_str(), doc.body.as_str())),
        )
    }

    /// Indexes texts given as (title, body), the first as document 0 and so on.
    pub fn build_texts<'a>(documents: impl Iterator<Item = (&'a str, &'a str)>) -> Self {
        let mut builder = IndexBuilder::default();
        for (title, body) in documents {
            builder.add(title, body);
        }
        builder.finish()
    }

    /// How many bytes the index takes, roughly (for the benchmark and the README).
    pub fn heap_bytes(&self) -> usize {
        self.terms.iter().map(|t| t.len() + 16).sum::<usize>()
            + self.entries.len() * std::mem::size_of::<TermEntry>()
            + self.postings.iter().map(|p| p.len() + 16).sum::<usize>()
            + self.lengths.len() * 8
    }

    fn term(&self, word: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| (**t).cmp(word)).ok()
    }

    /// A term's postings.
    fn postings(&self, term: usize) -> Postings<'_> {
        Postings {
            bytes: &self.postings[term],
            at: 0,
            left: self.entries[term].count,
            doc: 0,
        }
    }

    /// The positions of one posting.
    fn positions_of(posting: &Posting<'_>) -> Vec<u32> {
        let (mut at, count) = posting.positions;
        let mut previous = 0;
        (0..count)
            .map(|_| {
                previous += read_varint(posting.bytes, &mut at);
                previous
            })
            .collect()
    }

    /// Terms starting with `prefix`, the most widespread first, at most [`PREFIX_EXPANSIONS`].
    fn expansions(&self, prefix: &str) -> Vec<usize> {
        let from = self.terms.partition_point(|t| &**t < prefix);
        let mut found: Vec<usize> = (from..self.terms.len())
            .take_while(|&t| self.terms[t].starts_with(prefix))
            .collect();
        if found.len() > PREFIX_EXPANSIONS {
            found.sort_by_key(|&t| std::cmp::Reverse(self.entries[t].count));
            found.truncate(PREFIX_EXPANSIONS);
        }
        found
    }

    /// The documents matching a clause, in id order, each with its weighted frequency.
    fn clause_matches(&self, clause: &Clause) -> Vec<(DocId, u32)> {
        match clause {
            Clause::Word(word) => self.term(word).map_or_else(Vec::new, |t| {
                self.postings(t).map(|p| (p.doc, p.weighted_tf)).collect()
            }),
            Clause::Prefix(prefix) => {
                let mut all: Vec<(DocId, u32)> = self
                    .expansions(prefix)
                    .into_iter()
                    .flat_map(|t| self.postings(t))
                    .map(|p| (p.doc, p.weighted_tf))
                    .collect();
                all.sort_unstable_by_key(|&(doc, _)| doc);
                let mut merged: Vec<(DocId, u32)> = Vec::with_capacity(all.len());
                for (doc, tf) in all {
                    match merged.last_mut() {
                        Some(last) if last.0 == doc => last.1 += tf,
                        _ => merged.push((doc, tf)),
                    }
                }
                merged
            }
            Clause::Phrase(words) => self.phrase_matches(words),
        }
    }

    fn phrase_matches(&self, words: &[String]) -> Vec<(DocId, u32)> {
        let Some(terms) = words
            .iter()
            .map(|w| self.term(w))
            .collect::<Option<Vec<_>>>()
        else {
            return Vec::new();
        };
        // Walk every word's postings together; only documents holding them all are decoded.
        let mut walkers: Vec<std::iter::Peekable<Postings<'_>>> =
            terms.iter().map(|&t| self.postings(t).peekable()).collect();
        let mut out = Vec::new();
        'walk: loop {
            // The furthest document any walker stands at: the others catch up to it.
            let mut target: DocId = 0;
            for walker in walkers.iter_mut() {
                match walker.peek() {
                    Some(p) => target = target.max(p.doc),
                    None => break 'walk,
                }
            }
            let mut all_there = true;
            for walker in walkers.iter_mut() {
                while walker.next_if(|p| p.doc < target).is_some() {}
                match walker.peek() {
                    Some(p) if p.doc == target => {}
                    Some(_) => all_there = false,
                    None => break 'walk,
                }
            }
            if !all_there {
                continue;
            }
            let lists: Vec<Vec<u32>> = walkers
                .iter_mut()
                .filter_map(|w| w.next())
                .map(|p| Self::positions_of(&p))
                .collect();
            let title_words = self.title_words.get(target as usize).copied().unwrap_or(0);
            let mut tf = 0u32;
            for &start in &lists[0] {
                let follows = lists[1..]
                    .iter()
                    .enumerate()
                    .all(|(k, list)| list.binary_search(&(start + k as u32 + 1)).is_ok());
                if follows {
                    tf += if start < title_words { TITLE_WEIGHT } else { 1 };
                }
            }
            if tf > 0 {
                out.push((target, tf));
            }
        }
        out
    }

    /// The documents matching `parsed`, in id order, with their BM25 scores; `None` when the
    /// query asks for nothing (every document matches, unscored).
    pub fn search(&self, parsed: &Parsed) -> Option<Vec<(DocId, Score)>> {
        if parsed.is_empty() {
            return None;
        }
        let n = self.lengths.len() as f32;
        let mut result: Option<Vec<(DocId, Score)>> = None;
        for clause in &parsed.required {
            let matches = self.clause_matches(clause);
            let df = matches.len() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let scored = matches.into_iter().map(|(doc, tf)| {
                let length = self.lengths.get(doc as usize).copied().unwrap_or(0) as f32;
                let tf = tf as f32;
                let norm = K1 * (1.0 - B + B * length / self.mean_length.max(1.0));
                (doc, idf * tf * (K1 + 1.0) / (tf + norm))
            });
            result = Some(match result {
                None => scored.collect(),
                Some(so_far) => {
                    let mut out = Vec::with_capacity(so_far.len());
                    let mut scored = scored.peekable();
                    for (doc, score) in so_far {
                        while scored.next_if(|&(d, _)| d < doc).is_some() {}
                        if let Some((_, more)) = scored.next_if(|&(d, _)| d == doc) {
                            out.push((doc, score + more));
                        }
                    }
                    out
                }
            });
        }
        let mut result = result.unwrap_or_else(|| {
            (0..self.lengths.len())
                .filter_map(|i| DocId::try_from(i).ok())
                .map(|doc| (doc, 0.0))
                .collect()
        });
        for clause in &parsed.excluded {
            let excluded: Vec<DocId> = self
                .clause_matches(clause)
                .into_iter()
                .map(|(d, _)| d)
                .collect();
            result.retain(|(doc, _)| excluded.binary_search(doc).is_err());
        }
        Some(result)
    }
}

/// The byte ranges of `text` that the query's required clauses match, in order, not
/// overlapping: whole words, words a prefix stands for, and phrases (from their first word's
/// start to their last word's end).
pub fn match_ranges(text: &str, parsed: &Parsed) -> Vec<(usize, usize)> {
    if parsed.required.is_empty() {
        return Vec::new();
    }
    let words: Vec<(usize, usize, Cow<str>)> = word_spans(text).collect();
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut matched = 0;
        for clause in &parsed.required {
            let length = match clause {
                Clause::Word(w) => usize::from(words[i].2 == *w),
                Clause::Prefix(p) => usize::from(words[i].2.starts_with(p.as_str())),
                Clause::Phrase(phrase) => {
                    let fits = phrase
                        .iter()
                        .enumerate()
                        .all(|(k, w)| words.get(i + k).is_some_and(|x| x.2 == *w));
                    if fits {
                        phrase.len()
                    } else {
                        0
                    }
                }
            };
            matched = matched.max(length);
        }
        if matched > 0 {
            ranges.push((words[i].0, words[i + matched - 1].1));
            i += matched;
        } else {
            i += 1;
        }
    }
    ranges
}

/// A passage of `text` of about `chars` characters around the most matches of `ranges` (the
/// text's start when there are none), with the ranges that fall inside it as offsets into the
/// passage. A passage cut from the middle of the text starts and ends at a word, with "…".
pub fn best_passage(
    text: &str,
    ranges: &[(usize, usize)],
    chars: usize,
) -> (String, Vec<(usize, usize)>) {
    let span_bytes = |from: usize| {
        text[from..]
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| from + i)
    };
    // The window starting a little before a match that holds the most matches.
    let mut start = 0;
    let mut best = 0;
    for (k, &(first, _)) in ranges.iter().enumerate() {
        let from = text[..first]
            .char_indices()
            .rev()
            .nth(chars / 5)
            .map_or(0, |(i, _)| i);
        let end = span_bytes(from);
        let inside = ranges[k..].iter().take_while(|r| r.1 <= end).count();
        if inside > best {
            best = inside;
            start = from;
        }
    }
    // Start at a word (or a paragraph).
    if start > 0 {
        start = text[start..]
            .find(char::is_whitespace)
            .map_or(start, |i| start + i)
            .min(ranges.first().map_or(start, |r| r.0));
        start += text[start..].len() - text[start..].trim_start().len();
    }
    let mut end = span_bytes(start);
    if end < text.len() {
        end = text[..end]
            .rfind(char::is_whitespace)
            .filter(|&i| i > start)
            .unwrap_or(end);
    }
    let body = &text[start..end];
    let lead = if start > 0 { "…" } else { "" };
    let mut passage = String::with_capacity(body.len() + 6);
    passage.push_str(lead);
    // Paragraph breaks read as one space in a one-line passage.
    let mut map: Vec<(usize, usize)> = Vec::new();
    let mut last_space = false;
    for (i, c) in body.char_indices() {
        map.push((start + i, passage.len()));
        if c == '\n' || c == '\r' {
            if !last_space {
                passage.push(' ');
            }
            last_space = true;
        } else {
            passage.push(c);
            last_space = c == ' ';
        }
    }
    map.push((end, passage.len()));
    if end < text.len() {
        passage.push('…');
    }
    let at = |byte: usize| {
        map.binary_search_by_key(&byte, |&(b, _)| b)
            .ok()
            .map(|k| map[k].1)
    };
    let marks = ranges
        .iter()
        .filter(|r| r.0 >= start && r.1 <= end)
        .filter_map(|r| Some((at(r.0)?, at(r.1)?)))
        .collect();
    (passage, marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: DocId, title: &str, body: &str) -> Document {
        let text = format!("{title}\n\n{body}");
        let mut doc =
            Document::from_article("a.txt", crate::ingest::segment::segment(&text).remove(0));
        doc.id = id;
        doc
    }

    #[test]
    fn the_query_language() {
        let p = parse(r#"militia "prime minister" -iran drone* sud"#);
        assert_eq!(
            p.required,
            [
                Clause::Word("militia".into()),
                Clause::Phrase(vec!["prime".into(), "minister".into()]),
                Clause::Prefix("drone".into()),
                Clause::Prefix("sud".into()),
            ]
        );
        assert_eq!(p.excluded, [Clause::Word("iran".into())]);
        assert!(p.hint.is_none());
        // A space after the last word: it is whole.
        assert_eq!(parse("sud ").required, [Clause::Word("sud".into())]);
        assert!(parse(r#""prime minis"#).hint.is_some());
        assert!(parse("the of and").hint.is_some());
        assert!(parse("").is_empty());
        assert!(parse("  -  \" ").required.is_empty());
    }

    #[test]
    fn ranks_by_bm25_with_the_title_first() {
        let docs = vec![
            doc(0, "Weather report", "Rain over the hills. The militia was not seen."),
            doc(1, "Militia leader arrested", "Police arrested the leader of a militia in the south on Monday morning."),
            doc(2, "Markets", "Shares rose on Monday as the prime minister spoke about the militia and the budget."),
            doc(3, "Budget passes", "The prime minister said the budget would pass. Minister prime of nothing."),
        ];
        let index = SearchIndex::build(&docs);
        let mut hits = index.search(&parse("militia ")).unwrap();
        assert_eq!(hits.iter().map(|h| h.0).collect::<Vec<_>>(), [0, 1, 2]);
        hits.sort_by(|a, b| b.1.total_cmp(&a.1));
        assert_eq!(hits[0].0, 1, "the title match ranks first");
        let phrase = index.search(&parse("\"prime minister\"")).unwrap();
        assert_eq!(phrase.iter().map(|h| h.0).collect::<Vec<_>>(), [2, 3]);
        let reversed = index.search(&parse("\"minister prime\"")).unwrap();
        assert_eq!(reversed.iter().map(|h| h.0).collect::<Vec<_>>(), [3]);
        let excluded = index.search(&parse("militia -budget ")).unwrap();
        assert_eq!(excluded.iter().map(|h| h.0).collect::<Vec<_>>(), [0, 1]);
        let prefix = index.search(&parse("arr*")).unwrap();
        assert_eq!(prefix.iter().map(|h| h.0).collect::<Vec<_>>(), [1]);
        assert!(index.search(&parse("")).is_none());
        assert!(index.search(&parse("nowhere ")).unwrap().is_empty());
    }

    #[test]
    fn matches_are_marked_by_their_bytes() {
        let text = "The Prime Minister met the prime\nminister's aides. Primes rose.";
        let ranges = match_ranges(text, &parse("\"prime minister\" rose"));
        let marked: Vec<&str> = ranges.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(marked, ["Prime Minister", "prime\nminister", "rose"]);
        let (passage, marks) = best_passage(text, &ranges, 40);
        for &(a, b) in &marks {
            assert!(passage.is_char_boundary(a) && passage.is_char_boundary(b));
        }
        assert!(marks
            .iter()
            .any(|&(a, b)| &passage[a..b] == "Prime Minister"));
    }

    #[test]
    fn a_long_text_gives_the_passage_around_its_matches() {
        let filler = "Nothing of note happened on this day in the town. ".repeat(20);
        let text = format!("{filler}Then the bridge over the river collapsed at dawn. {filler}");
        let ranges = match_ranges(&text, &parse("bridge collapsed"));
        let (passage, marks) = best_passage(&text, &ranges, 120);
        assert!(
            passage.starts_with('…') && passage.ends_with('…'),
            "{passage}"
        );
        let marked: Vec<&str> = marks.iter().map(|&(a, b)| &passage[a..b]).collect();
        assert_eq!(marked, ["bridge", "collapsed"]);
        // Any text at all: offsets on character boundaries, never a panic.
        for text in ["é", "", "ééé ééé", "a\u{200B}b"] {
            let (passage, marks) = best_passage(text, &match_ranges(text, &parse("é")), 3);
            for (a, b) in marks {
                assert!(passage.is_char_boundary(a) && passage.is_char_boundary(b));
            }
        }
    }
}
