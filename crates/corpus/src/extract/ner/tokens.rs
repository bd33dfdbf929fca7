//! Words for the sequence labeller, split the way annotated news is: punctuation apart, a
//! possessive "'s" apart, "U.S." and "Mr." whole.

use super::super::entities::ABBREVIATIONS;
use super::super::gazetteer::gazetteer;

/// One token: a byte range of the text and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    /// Byte offset of its first character.
    pub start: u32,
    /// Byte offset after its last character.
    pub end: u32,
    /// The first token of a line (a paragraph).
    pub line_start: bool,
    /// The first token of a sentence (a line start included).
    pub sent_start: bool,
}

impl Tok {
    /// Its text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
}

/// Characters split off the front of a word.
fn leads(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '\u{bf}' | '\u{a1}'
    )
}

/// Characters split off the end of a word.
fn trails(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '\u{201d}'
            | '\u{2019}'
            | '\u{bb}'
            | '\u{2026}'
    )
}

/// Dashes that always stand apart.
fn dash(c: char) -> bool {
    matches!(c, '\u{2014}' | '\u{2013}' | '\u{2012}' | '\u{2015}')
}

/// A full stop that belongs to the word before it: "U.S.", "J.", "Mr.", "Gen.".
fn keeps_stop(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if word.contains('.') {
        return true;
    }
    if letters == 1 && word.chars().count() == 1 && word.starts_with(char::is_uppercase) {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    // "No. 5", but "said no."
    ABBREVIATIONS.contains(&lower.as_str()) && (lower != "no" || word == "No")
}

/// Arabic articles glued to a name with a hyphen.
pub(crate) const PARTICLES: &[&str] = &["al", "el", "ad", "as", "ash", "at", "an", "az"];

/// Where a hyphenated word of capitalised and lower-case parts splits: at its first hyphen.
fn compound_split(word: &str) -> Option<usize> {
    let k = word.find('-')?;
    let parts: Vec<&str> = word.split('-').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let upper = |p: &&str| p.starts_with(char::is_uppercase);
    let lower = |p: &&str| p.starts_with(char::is_lowercase);
    if parts.iter().all(upper) {
        // Two names joined, one of them known: "Syria-Jordan", "EU-Mercosur", "Israel-Hamas"
        // (but "Guinea-Bissau" is one place and "Al-Sudani" one name).
        let g = gazetteer();
        let known = |p: &str| g.places.contains_key(p) || g.organisations.contains_key(p);
        let joined = parts.iter().filter(|p| known(p)).count() >= 1;
        let particle = PARTICLES.contains(&parts[0].to_lowercase().as_str());
        return (joined && !particle && !known(word)).then_some(k);
    }
    if !parts.iter().any(upper) || !parts.iter().any(lower) {
        return None;
    }
    if PARTICLES.contains(&parts[0]) {
        return None;
    }
    Some(k)
}

/// Splits `text` into tokens, every line its own run of sentences.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut line_start = true;
    let mut sent_start = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line_start = true;
            sent_start = true;
            i += 1;
            continue;
        }
        if b == b' ' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        // A chunk: up to the next whitespace.
        let start = i;
        let mut end = i;
        for (k, c) in text[start..].char_indices() {
            if c.is_whitespace() {
                break;
            }
            end = start + k + c.len_utf8();
        }
        if end == start {
            // A whitespace character outside ASCII: step over it.
            let c = text[start..].chars().next().map_or(1, char::len_utf8);
            i += c;
            continue;
        }
        let before = out.len();
        split_chunk(text, start, end, &mut out);
        for tok in &mut out[before..] {
            tok.line_start = line_start;
            tok.sent_start = sent_start;
            line_start = false;
            let t = tok.text(text);
            // A sentence starts after a closing stop, and after an opening quote at a start.
            sent_start = matches!(t, "." | "!" | "?" | "\u{2026}")
                || (sent_start && t.chars().all(|c| leads(c) || c == '-' || dash(c)));
        }
        i = end;
    }
    out
}

/// Splits one whitespace-free chunk `[start, end)` into tokens.
fn split_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let push = |out: &mut Vec<Tok>, s: usize, e: usize| {
        if e > s {
            out.push(Tok {
                start: s as u32,
                end: e as u32,
                line_start: false,
                sent_start: false,
            });
        }
    };
    // Dashes inside split it first.
    let chunk = &text[start..end];
    if let Some((k, c)) = chunk
        .char_indices()
        .find(|&(k, c)| dash(c) || (c == '-' && chunk[k..].starts_with("--")))
    {
        let width = if c == '-' {
            chunk[k..].bytes().take_while(|&b| b == b'-').count()
        } else {
            c.len_utf8()
        };
        split_chunk(text, start, start + k, out);
        push(out, start + k, start + k + width);
        split_chunk(text, start + k + width, end, out);
        return;
    }
    let mut s = start;
    let mut e = end;
    // Leading punctuation, one token each.
    while s < e {
        let c = text[s..e].chars().next().unwrap_or(' ');
        if leads(c) && e - s > c.len_utf8() {
            push(out, s, s + c.len_utf8());
            s += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, kept aside to push after the word.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    while e > s {
        let c = text[s..e].chars().next_back().unwrap_or(' ');
        let w = c.len_utf8();
        if e - s == w {
            break;
        }
        if trails(c) {
            tail.push((e - w, e));
            e -= w;
            continue;
        }
        if c == '.' {
            let word = &text[s..e - 1];
            if word.ends_with('.') {
                // "..." or a stop after an abbreviation: the dots stand alone.
                let dots = word.bytes().rev().take_while(|&b| b == b'.').count() + 1;
                tail.push((e - dots, e));
                e -= dots;
                continue;
            }
            if !keeps_stop(word) {
                tail.push((e - 1, e));
                e -= 1;
                continue;
            }
        }
        break;
    }
    // A compound of a name and a common word splits: "Iran-backed" → "Iran" "-" "backed",
    // "pro-Sistani" → "pro" "-" "Sistani"; "al-Sudani", "Jean-Pierre" and "e-mail" stay whole.
    let word = &text[s..e];
    if let Some(k) = compound_split(word) {
        split_chunk(text, s, s + k, out);
        push(out, s + k, s + k + 1);
        split_chunk(text, s + k + 1, end, out);
        return;
    }
    // A possessive apart: "Obama's" → "Obama" "'s".
    let mut possessive = None;
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            possessive = Some(e - suffix.len());
        }
    }
    match possessive {
        Some(p) => {
            push(out, s, p);
            push(out, p, e);
        }
        None => push(out, s, e),
    }
    for &(a, b) in tail.iter().rev() {
        push(out, a, b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn punctuation_and_possessives_stand_apart_abbreviations_stay_whole() {
        assert_eq!(
            words("\"Mr. Obama's U.S. visit,\" she said (AP)."),
            vec![
                "\"", "Mr.", "Obama", "'s", "U.S.", "visit", ",", "\"", "she", "said", "(", "AP",
                ")", "."
            ]
        );
        assert_eq!(
            words("Iran-backed—and al-Sudani's Jean-Pierre"),
            vec![
                "Iran",
                "-",
                "backed",
                "—",
                "and",
                "al-Sudani",
                "'s",
                "Jean-Pierre"
            ]
        );
    }

    #[test]
    fn sentences_start_after_stops_and_at_lines() {
        let text = "He left. Then May came\nBoris";
        let toks = tokenize(text);
        let starts: Vec<&str> = toks
            .iter()
            .filter(|t| t.sent_start)
            .map(|t| t.text(text))
            .collect();
        assert_eq!(starts, vec!["He", "Then", "Boris"]);
        assert!(toks.last().is_some_and(|t| t.line_start));
    }
}
