//! What the labeller sees of each token, hashed into rows of the weight table.
//!
//! The word itself (lower case, as written, its shape, prefixes and suffixes), its neighbours,
//! where it stands (sentence start, a title-case or all-caps line), what the rest of the text says
//! of the word (written in lower case elsewhere, capitalised mid-sentence elsewhere), what the
//! gazetteers know of the span it starts or continues, and what the hand-written rules made of
//! it.

use super::super::entities::{self, EntityKind};
use super::super::gazetteer::HashSet;
use super::super::gazetteer::{gazetteer, lookup_key};
use super::tokens::Tok;

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
pub(crate) struct Context {
    /// The lower-case form of each token.
    pub lower: Vec<String>,
    /// Each token as written, curly quotes straightened.
    pub plain: Vec<String>,
    /// The short shape of each token ("Xx", "X.X.", "d", "x").
    pub short: Vec<String>,
    /// The full shape, capped at six characters.
    pub shape: Vec<String>,
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
}

/// The short shape: runs of one character class collapsed.
fn shapes(word: &str) -> (String, String) {
    let mut short = String::new();
    let mut full = String::new();
    let mut last = ' ';
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if full.chars().count() < 6 {
            full.push(s);
        }
        if s != last {
            short.push(s);
            last = s;
        }
    }
    (short, full)
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
        if w.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        long += 1;
        if starts_upper(w) {
            capital += 1;
        } else if !SMALL.contains(&w) {
            plain += 1;
        }
        if !w.chars().any(char::is_lowercase) {
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

/// The gazetteer's label of each token: the longest known place or organisation starting at a
/// capitalised token, else a given name, a person title or a demonym.
fn gazetteer_labels(text: &str, toks: &[Tok], lower: &[String]) -> Vec<&'static [u8]> {
    let g = gazetteer();
    let mut out: Vec<&'static [u8]> = vec![b""; toks.len()];
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].text(text);
        if !starts_upper(w) {
            if g.titles.contains(lower[i].as_str()) {
                out[i] = b"t";
            }
            i += 1;
            continue;
        }
        let mut matched = 0;
        let limit = (i + 6).min(toks.len());
        for stop in (i + 1..=limit).rev() {
            if toks[stop - 1].line_start && stop - 1 > i {
                continue;
            }
            let span = &text[toks[i].start as usize..toks[stop - 1].end as usize];
            let key = lookup_key(span);
            let label: Option<(&'static [u8], &'static [u8])> = if g.places.contains_key(&key) {
                Some((b"pB", b"pI"))
            } else if g.organisations.contains_key(&key) {
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
            } else if g.org_heads.contains(lower[i].as_str()) {
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

impl Context {
    /// Reads `text` once for everything the features need.
    pub fn new(text: &str, toks: &[Tok]) -> Context {
        let mut lower = Vec::with_capacity(toks.len());
        let mut plain = Vec::with_capacity(toks.len());
        let mut short = Vec::with_capacity(toks.len());
        let mut shape = Vec::with_capacity(toks.len());
        for t in toks {
            // Curly quotes read as the straight ones of annotated text: "Kata’ib" as "Kata'ib".
            let w = t.text(text);
            let w = if w.is_ascii() {
                std::borrow::Cow::Borrowed(w)
            } else {
                std::borrow::Cow::Owned(lookup_key(w))
            };
            lower.push(w.to_lowercase());
            let (s, f) = shapes(&w);
            plain.push(w.into_owned());
            short.push(s);
            shape.push(f);
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
        let mut lowers: HashSet<&str> = HashSet::default();
        let mut capitals: HashSet<&str> = HashSet::default();
        for (k, t) in toks.iter().enumerate() {
            let w = t.text(text);
            if w.starts_with(char::is_lowercase) {
                lowers.insert(&lower[k]);
            } else if starts_upper(w) && !t.sent_start && case[k] == LineCase::Normal {
                capitals.insert(&lower[k]);
            }
        }
        let lower_elsewhere = lower.iter().map(|l| lowers.contains(l.as_str())).collect();
        let capital_elsewhere = lower
            .iter()
            .map(|l| capitals.contains(l.as_str()))
            .collect();
        let gaz = gazetteer_labels(text, toks, &lower);
        let rule = rule_labels(text, toks);
        Context {
            lower,
            plain,
            short,
            shape,
            case,
            lower_elsewhere,
            capital_elsewhere,
            gaz,
            rule,
        }
    }
}

/// FNV-1a over a template number and its parts, folded to `bits` bits.
struct Hasher {
    bits: u32,
}

impl Hasher {
    fn row(&self, template: u8, parts: &[&[u8]]) -> u32 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |b: u8| {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        };
        eat(template);
        for p in parts {
            for &b in *p {
                eat(b);
            }
            eat(0xff);
        }
        // Mix the high bits down before folding.
        h ^= h >> 29;
        h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 32;
        (h & ((1u64 << self.bits) - 1)) as u32
    }
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

/// The rows of every feature of the tokens `[from, to)` (one line, given as `(from, to)`), appended to `rows`, with
/// `starts[k]` the first row of token `from + k` and a final end marker.
pub(crate) fn rows(
    ctx: &Context,
    toks: &[Tok],
    text: &str,
    (from, to): (usize, usize),
    bits: u32,
    rows: &mut Vec<u32>,
    starts: &mut Vec<u32>,
) {
    let h = Hasher { bits };
    let word = |k: isize| -> &[u8] {
        if k < from as isize {
            b"<s>"
        } else if k >= to as isize {
            b"</s>"
        } else {
            ctx.lower[k as usize].as_bytes()
        }
    };
    let short = |k: isize| -> &[u8] {
        if k < from as isize || k >= to as isize {
            b"_"
        } else {
            ctx.short[k as usize].as_bytes()
        }
    };
    let gaz = |k: isize| -> &[u8] {
        if k < from as isize || k >= to as isize {
            b"_"
        } else {
            ctx.gaz[k as usize]
        }
    };
    let rule = |k: isize| -> &[u8] {
        if k < from as isize || k >= to as isize {
            b"_"
        } else {
            ctx.rule[k as usize].0
        }
    };
    for (i, t) in toks.iter().enumerate().take(to).skip(from) {
        starts.push(rows.len() as u32);
        let k = i as isize;
        let w = ctx.plain[i].as_bytes();
        let lower = ctx.lower[i].as_str();
        let sh = ctx.short[i].as_bytes();
        let case = [ctx.case[i].byte()];
        let sent: &[u8] = if t.sent_start { b"S" } else { b"-" };
        let mut push = |template: u8, parts: &[&[u8]]| rows.push(h.row(template, parts));
        push(0, &[]);
        push(1, &[lower.as_bytes()]);
        push(2, &[w]);
        push(3, &[ctx.shape[i].as_bytes()]);
        push(4, &[sh]);
        push(5, &[prefix(lower, 2).as_bytes()]);
        push(6, &[prefix(lower, 3).as_bytes()]);
        push(7, &[suffix(lower, 2).as_bytes()]);
        push(8, &[suffix(lower, 3).as_bytes()]);
        push(9, &[suffix(lower, 4).as_bytes()]);
        push(10, &[word(k - 1)]);
        push(11, &[word(k + 1)]);
        push(12, &[word(k - 2)]);
        push(13, &[word(k + 2)]);
        push(14, &[short(k - 1)]);
        push(15, &[short(k + 1)]);
        push(16, &[word(k - 1), lower.as_bytes()]);
        push(17, &[lower.as_bytes(), word(k + 1)]);
        push(18, &[sent, sh]);
        push(19, &[&case, sh]);
        push(29, &[short(k - 1), sh, short(k + 1)]);
        if ctx.case[i] != LineCase::Normal {
            push(30, &[&case, lower.as_bytes()]);
        }
        if starts_upper(t.text(text)) {
            let flags = [
                if ctx.lower_elsewhere[i] { b'l' } else { b'-' },
                if ctx.capital_elsewhere[i] { b'c' } else { b'-' },
            ];
            push(20, &[&flags, sent, &case]);
            push(31, &[&flags]);
        }
        push(21, &[gaz(k)]);
        push(22, &[gaz(k - 1)]);
        push(23, &[gaz(k + 1)]);
        push(24, &[gaz(k), sh]);
        push(25, &[rule(k)]);
        push(26, &[ctx.rule[i].1.as_bytes()]);
        push(27, &[rule(k - 1)]);
        push(28, &[rule(k + 1)]);
        push(32, &[rule(k), gaz(k)]);
        push(33, &[rule(k), &case]);
    }
    starts.push(rows.len() as u32);
}
