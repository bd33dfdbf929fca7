//! What the labeller sees of each token, hashed into rows of the weight table.
//!
//! The word itself (lower case, as written, its shape, prefixes and suffixes), its neighbours,
//! where it stands (sentence start, a title-case or all-caps line), what the rest of the text says
//! of the word (written in lower case elsewhere, capitalised mid-sentence elsewhere), what the
//! gazetteers know of the span it starts or continues, and what the hand-written rules made of
//! it.

use super::super::entities::{self, EntityKind};
use super::super::gazetteer::HashMap;
use super::super::gazetteer::{gazetteer, lookup_key};
use super::tokens::Tok;
use std::borrow::Cow;
use std::sync::OnceLock;

/// How a line is written, as far as capitals go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineCase {
    /// Ordinary text.
    Normal,
    /// Most long words capitalised: a headline or a heading.
    Title,
    /// Letters in capitals.
    Caps,
}

impl LineCase {
    fn byte(self) -> u8 {
        match self {
            LineCase::Normal => b'n',
            LineCase::Title => b't',
            LineCase::Caps => b'c',
        }
    }
}

/// Everything computed once per text before the tokens are read.
pub(crate) struct Context<'a> {
    /// Each token as written, curly quotes straightened.
    pub plain: Vec<Cow<'a, str>>,
    /// The short shapes ("Xx", "X.X.", "d", "x") and the full shapes (capped at six
    /// characters) of every token, one after another; `shape_at[k]` gives token `k`'s as
    /// (start of short, start of full, end of full).
    shapes: String,
    shape_at: Vec<(u32, u32, u32)>,
    /// How each token's line is written.
    pub case: Vec<LineCase>,
    /// Per token, whether its lower-case form is written in lower case elsewhere in the text.
    pub lower_elsewhere: Vec<bool>,
    /// Per token, whether it is written capitalised mid-sentence elsewhere in ordinary text.
    pub capital_elsewhere: Vec<bool>,
    /// Per token, the gazetteer's label: place or organisation (begin, inside), given name,
    /// organisation head ("Ministry"), person title, demonym, or empty.
    pub gaz: Vec<&'static [u8]>,
    /// Per token, the rules' label ("B-PER", "I-?", …) and the rule's name.
    pub rule: Vec<(&'static [u8], &'static str)>,
    /// Per token, the number of its lower-case form among the text's distinct words.
    word_id: Vec<u32>,
    /// Per distinct word, the hashes of its lower-case form and of its prefixes and suffixes.
    word_parts: Vec<[u64; 6]>,
}

/// The short shape (runs of one character class collapsed) and the full shape (capped at six
/// characters) of `word`, appended to `out`; returns where the full one starts.
fn shapes(word: &str, out: &mut String) -> usize {
    if word.is_ascii() {
        // The same, a byte at a time.
        let class = |b: u8| match b {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            b => b,
        };
        let mut last = b' ';
        for b in word.bytes() {
            let s = class(b);
            if s != last {
                out.push(char::from(s));
                last = s;
            }
        }
        let full = out.len();
        out.extend(word.bytes().take(6).map(|b| char::from(class(b))));
        return full;
    }
    let class = |c: char| {
        if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        }
    };
    let mut last = ' ';
    for c in word.chars() {
        let s = class(c);
        if s != last {
            out.push(s);
            last = s;
        }
    }
    let full = out.len();
    for c in word.chars().take(6) {
        out.push(class(c));
    }
    full
}

/// How many letters `word` has.
pub(crate) fn letters(word: &str) -> usize {
    if word.is_ascii() {
        word.bytes().filter(u8::is_ascii_alphabetic).count()
    } else {
        word.chars().filter(|c| c.is_alphabetic()).count()
    }
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// How a line of tokens is written: in capitals, in title case (every long word capitalised but
/// for a few prepositions), or as ordinary text.
fn line_case(text: &str, toks: &[Tok]) -> LineCase {
    // Long words a title-case headline may leave in lower case.
    const SMALL: &[&str] = &[
        "with", "from", "into", "over", "that", "than", "upon", "onto", "about", "after", "before",
        "under", "amid", "near", "when", "this",
    ];
    let mut long = 0;
    let mut capital = 0;
    let mut caps = 0;
    let mut plain = 0;
    for t in toks {
        let w = t.text(text);
        if letters(w) < 4 {
            continue;
        }
        long += 1;
        if starts_upper(w) {
            capital += 1;
        } else if !SMALL.contains(&w) {
            plain += 1;
        }
        let lower = if w.is_ascii() {
            w.bytes().any(|b| b.is_ascii_lowercase())
        } else {
            w.chars().any(char::is_lowercase)
        };
        if !lower {
            caps += 1;
        }
    }
    if long >= 2 && caps * 10 >= long * 8 {
        LineCase::Caps
    } else if long >= 2 && plain == 0 && capital * 10 >= long * 8 {
        LineCase::Title
    } else {
        LineCase::Normal
    }
}

/// Whether a headline is written as a sentence, not in capitals: it ends as a sentence does
/// (an article's first sentence taken for its title, cut short or not), or at most half its
/// long words after the first are capitalised ("Congo signs copper deal with Saudi-backed
/// miner"). Its capitals then mark names, as in the text.
pub(crate) fn headline_written_as_text(line: &str) -> bool {
    let toks = super::tokens::tokenize(line);
    if line_case(line, &toks) == LineCase::Caps {
        return false;
    }
    if line.trim_end().ends_with(['.', '\u{2026}']) {
        return true;
    }
    let (mut long, mut capital) = (0, 0);
    for t in toks.iter().skip(1) {
        let w = t.text(line);
        if letters(w) >= 4 {
            long += 1;
            capital += usize::from(starts_upper(w));
        }
    }
    capital * 2 <= long
}

/// The label of each token from the rules' names.
fn rule_labels(text: &str, toks: &[Tok]) -> Vec<(&'static [u8], &'static str)> {
    let mut out: Vec<(&'static [u8], &'static str)> = vec![(b"O", ""); toks.len()];
    let found = entities::rule_names(text);
    let mut k = 0;
    for f in &found {
        while k < toks.len() && (toks[k].end as usize) <= f.start {
            k += 1;
        }
        let mut first = true;
        let mut j = k;
        while j < toks.len() && (toks[j].start as usize) < f.end {
            let label: &'static [u8] = match (f.kind, first, f.rule == entities::NOT_A_NAME) {
                (_, _, true) => b"N",
                (Some(EntityKind::Person), true, _) => b"B-PER",
                (Some(EntityKind::Person), false, _) => b"I-PER",
                (Some(EntityKind::Org), true, _) => b"B-ORG",
                (Some(EntityKind::Org), false, _) => b"I-ORG",
                (Some(EntityKind::Place), true, _) => b"B-LOC",
                (Some(EntityKind::Place), false, _) => b"I-LOC",
                (None, true, _) => b"B-?",
                (None, false, _) => b"I-?",
            };
            out[j] = (label, if f.weak { "weak" } else { f.rule });
            first = false;
            j += 1;
        }
    }
    out
}

/// The first token of every place and organisation the gazetteer knows, with the most tokens a
/// name starting with it has (one more, for a stop the text may split off): a capitalised word
/// no name starts with needs no longer lookups.
pub(crate) fn name_starts() -> &'static HashMap<String, usize> {
    static CELL: OnceLock<HashMap<String, usize>> = OnceLock::new();
    CELL.get_or_init(|| {
        let g = gazetteer();
        let mut starts: HashMap<String, usize> = HashMap::default();
        for name in g.places.keys().chain(g.organisations.keys()) {
            let toks = super::tokens::tokenize(name);
            let Some(first) = toks.first() else {
                continue;
            };
            let n = starts.entry(first.text(name).to_owned()).or_insert(0);
            *n = (*n).max(toks.len() + 1);
        }
        starts
    })
}

/// The gazetteer's label of each token: the longest known place or organisation starting at a
/// capitalised token, else a given name, a person title or a demonym.
fn gazetteer_labels(
    text: &str,
    toks: &[Tok],
    lower: &[Cow<str>],
    is_title: &mut impl FnMut(usize) -> bool,
) -> Vec<&'static [u8]> {
    let g = gazetteer();
    let starts = name_starts();
    let mut out: Vec<&'static [u8]> = vec![b""; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].text(text);
        if !starts_upper(w) {
            if is_title(i) {
                out[i] = b"t";
            }
            i += 1;
            continue;
        }
        let mut matched = 0;
        let longest = starts.get(&*lookup_key(w)).copied().unwrap_or(0).min(6);
        let limit = (i + longest).min(toks.len());
        for stop in (i + 1..=limit).rev() {
            if toks[stop - 1].line_start && stop - 1 > i {
                continue;
            }
            let span = &text[toks[i].start as usize..toks[stop - 1].end as usize];
            let key = lookup_key(span);
            let label: Option<(&'static [u8], &'static [u8])> = if g.places.contains_key(&*key) {
                Some((b"pB", b"pI"))
            } else if g.organisations.contains_key(&*key) {
                Some((b"oB", b"oI"))
            } else {
                None
            };
            if let Some((b, inside)) = label {
                out[i] = b;
                for label in out.iter_mut().take(stop).skip(i + 1) {
                    *label = inside;
                }
                matched = stop - i;
                break;
            }
        }
        if matched == 0 {
            out[i] = if g.given_names.contains(w) {
                b"g"
            } else if g.org_heads.contains(&*lower[i]) {
                b"h"
            } else if g.titles.contains(lower[i].trim_end_matches('.')) {
                b"t"
            } else if g.demonyms.contains_key(w) {
                b"d"
            } else {
                b""
            };
            matched = 1;
        }
        i += matched;
    }
    out
}

impl<'a> Context<'a> {
    /// The short shape of token `k`.
    pub fn short(&self, k: usize) -> &str {
        let (s, f, _) = self.shape_at[k];
        &self.shapes[s as usize..f as usize]
    }

    /// The full shape of token `k`.
    pub fn shape(&self, k: usize) -> &str {
        let (_, f, e) = self.shape_at[k];
        &self.shapes[f as usize..e as usize]
    }

    /// Reads `text` once for everything the features need.
    pub fn new(text: &'a str, toks: &[Tok]) -> Context<'a> {
        let mut lower = Vec::with_capacity(toks.len());
        let mut plain: Vec<Cow<'a, str>> = Vec::with_capacity(toks.len());
        let mut shapes_buf = String::with_capacity(text.len());
        let mut shape_at = Vec::with_capacity(toks.len());
        for t in toks {
            // Curly quotes read as the straight ones of annotated text: "Kata’ib" as "Kata'ib".
            let w = t.text(text);
            let w: Cow<'a, str> = lookup_key(w);
            let l: Cow<'a, str> = match &w {
                Cow::Borrowed(b) if !b.bytes().any(|c| c.is_ascii_uppercase()) => Cow::Borrowed(b),
                w => Cow::Owned(w.to_lowercase()),
            };
            lower.push(l);
            let s = shapes_buf.len();
            let f = shapes(&w, &mut shapes_buf);
            shape_at.push((s as u32, f as u32, shapes_buf.len() as u32));
            plain.push(w);
        }
        let mut case = vec![LineCase::Normal; toks.len()];
        let mut from = 0;
        while from < toks.len() {
            let mut to = from + 1;
            while to < toks.len() && !toks[to].line_start {
                to += 1;
            }
            let c = line_case(text, &toks[from..to]);
            case[from..to].fill(c);
            from = to;
        }
        // Each distinct word once: its number, and what the text does with it.
        // (Sized for a text's distinct words at once: growing it a step at a time costs more.)
        let mut ids: HashMap<&str, u32> =
            HashMap::with_capacity_and_hasher(toks.len() / 2, Default::default());
        let word_id: Vec<u32> = lower
            .iter()
            .map(|l| {
                let next = ids.len() as u32;
                *ids.entry(&**l).or_insert(next)
            })
            .collect();
        let mut lowers = vec![false; ids.len()];
        let mut capitals = vec![false; ids.len()];
        for (k, t) in toks.iter().enumerate() {
            let w = t.text(text);
            let id = word_id[k] as usize;
            if w.starts_with(char::is_lowercase) {
                lowers[id] = true;
            } else if starts_upper(w) && !t.sent_start && case[k] == LineCase::Normal {
                capitals[id] = true;
            }
        }
        let lower_elsewhere = word_id.iter().map(|&id| lowers[id as usize]).collect();
        let capital_elsewhere = word_id.iter().map(|&id| capitals[id as usize]).collect();
        let mut word_parts = vec![[0u64; 6]; ids.len()];
        for (word, &id) in &ids {
            word_parts[id as usize] = [
                part(word.as_bytes()),
                part(prefix(word, 2).as_bytes()),
                part(prefix(word, 3).as_bytes()),
                part(suffix(word, 2).as_bytes()),
                part(suffix(word, 3).as_bytes()),
                part(suffix(word, 4).as_bytes()),
            ];
        }
        // Whether each distinct word is a person title, asked once.
        let mut title = vec![None; ids.len()];
        drop(ids);
        let mut is_title = |k: usize| {
            *title[word_id[k] as usize]
                .get_or_insert_with(|| gazetteer().titles.contains(&*lower[k]))
        };
        let gaz = gazetteer_labels(text, toks, &lower, &mut is_title);
        let rule = rule_labels(text, toks);
        Context {
            plain,
            shapes: shapes_buf,
            shape_at,
            case,
            lower_elsewhere,
            capital_elsewhere,
            gaz,
            rule,
            word_id,
            word_parts,
        }
    }
}

/// FNV-1a over the bytes of one part of a feature (a word, a shape, a label), computed once per
/// token and combined per feature by [`row`].
fn part(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The row of a feature: its template number and its parts' hashes mixed (each part in turn,
/// so "a b" and "b a" differ), folded to `bits` bits.
fn row(bits: u32, template: u8, parts: &[u64]) -> u32 {
    let mut h: u64 = (u64::from(template) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &p in parts {
        h = (h ^ p).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 31;
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 32;
    (h & ((1u64 << bits) - 1)) as u32
}

/// The first `n` characters of `word`.
fn prefix(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((k, _)) => &word[..k],
        None => word,
    }
}

/// The last `n` characters of `word`.
fn suffix(word: &str, n: usize) -> &str {
    let count = word.chars().count();
    if count <= n {
        return word;
    }
    match word.char_indices().nth(count - n) {
        Some((k, _)) => &word[k..],
        None => word,
    }
}

/// The hashes of what one token is, for its own features and its neighbours'.
struct Parts {
    lower: u64,
    plain: u64,
    shape: u64,
    short: u64,
    affixes: [u64; 5],
    gaz: u64,
    rule: u64,
    rule_name: u64,
}

/// How far a token's features look: the words two before and two after it.
pub(crate) const REACH: usize = 2;

/// The rows of every feature of the tokens `[from, to)` (one line, given as `(from, to)`),
/// appended to `rows`, with `starts[k]` the first row of token `from + k` and a final end marker.
pub(crate) fn rows(
    ctx: &Context,
    toks: &[Tok],
    text: &str,
    line: (usize, usize),
    bits: u32,
    rows: &mut Vec<u32>,
    starts: &mut Vec<u32>,
) {
    rows_of(ctx, toks, text, line, line, bits, rows, starts);
}

/// [`rows`] of the tokens `[first, last)` of the line `(from, to)` only: their neighbours are
/// still read from the line.
#[allow(clippy::too_many_arguments)]
pub(crate) fn rows_of(
    ctx: &Context,
    toks: &[Tok],
    text: &str,
    (from, to): (usize, usize),
    (first, last): (usize, usize),
    bits: u32,
    rows: &mut Vec<u32>,
    starts: &mut Vec<u32>,
) {
    // The parts of the tokens read: those labelled and their neighbours on the line.
    let (from_read, to_read) = (
        first.saturating_sub(REACH).max(from),
        (last + REACH).min(to),
    );
    let parts: Vec<Parts> = (from_read..to_read)
        .map(|i| {
            let [lower, affixes @ ..] = ctx.word_parts[ctx.word_id[i] as usize];
            Parts {
                lower,
                plain: part(ctx.plain[i].as_bytes()),
                shape: part(ctx.shape(i).as_bytes()),
                short: part(ctx.short(i).as_bytes()),
                affixes,
                gaz: part(ctx.gaz[i]),
                rule: part(ctx.rule[i].0),
                rule_name: part(ctx.rule[i].1.as_bytes()),
            }
        })
        .collect();
    let before = part(b"<s>");
    let after = part(b"</s>");
    let outside = part(b"_");
    // What stands at offset `d` from token `i`: `get` of its parts, or the line's edge.
    let at = |i: usize, d: isize, get: fn(&Parts) -> u64, edge: (u64, u64)| -> u64 {
        let k = i as isize + d;
        if k < from as isize {
            edge.0
        } else if k >= to as isize {
            edge.1
        } else {
            get(&parts[k as usize - from_read])
        }
    };
    let words = (before, after);
    let out = (outside, outside);
    for (i, t) in toks.iter().enumerate().take(last).skip(first) {
        starts.push(rows.len() as u32);
        let p = &parts[i - from_read];
        let case = u64::from(ctx.case[i].byte());
        let sent = if t.sent_start { 1 } else { 2 };
        let word = |d| at(i, d, |p| p.lower, words);
        let short = |d| at(i, d, |p| p.short, out);
        let gaz = |d| at(i, d, |p| p.gaz, out);
        let rule = |d| at(i, d, |p| p.rule, out);
        let mut push = |template: u8, parts: &[u64]| rows.push(row(bits, template, parts));
        push(0, &[]);
        push(1, &[p.lower]);
        push(2, &[p.plain]);
        push(3, &[p.shape]);
        push(4, &[p.short]);
        for (n, &a) in p.affixes.iter().enumerate() {
            push(5 + n as u8, &[a]);
        }
        push(10, &[word(-1)]);
        push(11, &[word(1)]);
        push(12, &[word(-2)]);
        push(13, &[word(2)]);
        push(14, &[short(-1)]);
        push(15, &[short(1)]);
        push(16, &[word(-1), p.lower]);
        push(17, &[p.lower, word(1)]);
        push(18, &[sent, p.short]);
        push(19, &[case, p.short]);
        push(29, &[short(-1), p.short, short(1)]);
        if ctx.case[i] != LineCase::Normal {
            push(30, &[case, p.lower]);
        }
        if starts_upper(t.text(text)) {
            let flags =
                u64::from(ctx.lower_elsewhere[i]) | u64::from(ctx.capital_elsewhere[i]) << 1;
            push(20, &[flags, sent, case]);
            push(31, &[flags]);
        }
        push(21, &[p.gaz]);
        push(22, &[gaz(-1)]);
        push(23, &[gaz(1)]);
        push(24, &[p.gaz, p.short]);
        push(25, &[p.rule]);
        push(26, &[p.rule_name]);
        push(27, &[rule(-1)]);
        push(28, &[rule(1)]);
        push(32, &[p.rule, p.gaz]);
        push(33, &[p.rule, case]);
    }
    starts.push(rows.len() as u32);
}
