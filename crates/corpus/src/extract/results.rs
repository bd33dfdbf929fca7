//! Names in the rows of results tables, which news wires print under a sports report: scores
//! ("Arsenal 2 Derby 2", "Boston 5 Detroit 3") and standings ("PSV Eindhoven 4 3 1 0 10 2 10").
//! There capitals and neighbours say little of a name, so the sequence labeller reads such rows
//! poorly; their shape says what the names are. A row is read only inside a table: at least two
//! lines of the same shape one after another.
//!
//! Each name of a row is a team or a player. A player is written with an initial ("M. Vaughan")
//! or a known given name ("Colin Montgomerie"); a team named by its country is that country, a
//! place (as the CoNLL-2003 guidelines tag "Japan 2 Syria 1"); any other team is an
//! organisation, even when it bears a city's name ("Derby", "Boston").

use super::dates::Field;
use super::entities::{EntityKind, Found};
use super::gazetteer::{gazetteer, lookup_key, PlaceKind};

/// The rule such a name carries.
pub(crate) const RESULTS_RULE: &str = "a name in a results table";

/// How sure the rule is, in percent.
const CONFIDENCE: u8 = 80;

/// The fewest figures after a name in a standings row (played, won, drawn, lost, …).
const STANDINGS_FIGURES: usize = 4;

/// What a row of a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Two names, each with its score: "Arsenal 2 Derby 2".
    Score,
    /// One name and its figures: "PSV Eindhoven 4 3 1 0 10 2 10".
    Standing,
}

/// One name of a row: its byte range in the line and its words.
struct Part<'a> {
    start: usize,
    end: usize,
    words: Vec<&'a str>,
}

/// A figure of a table: "2", "10", "19.85", ".547", "5:12:33", "6-4", or "-" for none.
fn figure(word: &str) -> bool {
    word == "-"
        || (word.bytes().any(|b| b.is_ascii_digit())
            && word
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b':' | b'-' | b',')))
}

/// A word of a team's or a player's name: capitalised ("Derby", "PSV", "St."), an initial
/// ("M."), or a particle inside a name ("de", "van", "von", "der", "del", "da", "la").
fn name_word(word: &str, first: bool) -> bool {
    let particle = matches!(
        word,
        "de" | "van" | "von" | "der" | "del" | "da" | "la" | "di"
    );
    let capital = word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '&'));
    capital || (particle && !first)
}

/// The shape of a line and its names, if it is a row of a results table.
fn row(line: &str) -> Option<Row<'_>> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for word in line.split(' ') {
        if !word.is_empty() {
            words.push((at, word));
        }
        at += word.len() + 1;
    }
    // A rank in front: "1.", "12".
    let mut k = usize::from(words.first().is_some_and(|&(_, w)| figure(w)));
    let mut parts: Vec<(Part<'_>, usize)> = Vec::new();
    while k < words.len() {
        let from = k;
        while k < words.len() && name_word(words[k].1, k == from) {
            k += 1;
        }
        // A name ends in a capitalised word: "Ajax Amsterdam", never "… de".
        while k > from && !name_word(words[k - 1].1, true) {
            k -= 1;
        }
        if k == from {
            return None;
        }
        let figures_from = k;
        while k < words.len() && figure(words[k].1) {
            k += 1;
        }
        if k == figures_from {
            return None;
        }
        let (start, _) = words[from];
        let (last_at, last) = words[figures_from - 1];
        parts.push((
            Part {
                start,
                end: last_at + last.len(),
                words: words[from..figures_from].iter().map(|&(_, w)| w).collect(),
            },
            k - figures_from,
        ));
    }
    let shape = match parts[..] {
        [(_, 1), (_, 1)] => Shape::Score,
        [(_, n)] if n >= STANDINGS_FIGURES => Shape::Standing,
        _ => return None,
    };
    // A team or a player has at most five words.
    if parts.iter().any(|(p, _)| p.words.len() > 5) {
        return None;
    }
    Some((shape, parts.into_iter().map(|(p, _)| p).collect()))
}

/// A row of a table: its shape and its names.
type Row<'a> = (Shape, Vec<Part<'a>>);

/// What a name in a results table is.
fn kind_of(part: &Part<'_>, text: &str) -> EntityKind {
    let g = gazetteer();
    let first = part.words[0];
    let initial = first.len() == 2 && first.ends_with('.') && first.starts_with(char::is_uppercase);
    if part.words.len() > 1 && (initial || g.given_names.contains(first)) {
        return EntityKind::Person;
    }
    let key = lookup_key(text);
    let country = |key: &str| {
        g.places
            .get(key)
            .is_some_and(|&(_, kind)| kind == PlaceKind::Country)
    };
    if country(&key) || capitalised(&key).is_some_and(|k| country(&k)) {
        EntityKind::Place
    } else {
        EntityKind::Org
    }
}

/// Words in capitals as a name is written ("SOUTH KOREA" → "South Korea"), if they are.
fn capitalised(text: &str) -> Option<String> {
    if text.chars().any(char::is_lowercase) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    Some(out)
}

/// The names in the results tables of `body`, in order.
pub(crate) fn names(body: &str) -> Vec<Found> {
    // Each line with its offset and shape; blank lines (between paragraphs) are passed over.
    let mut rows: Vec<(usize, Option<Row<'_>>)> = Vec::new();
    let mut at = 0;
    for line in body.split('\n') {
        if !line.trim().is_empty() {
            rows.push((at, row(line)));
        }
        at += line.len() + 1;
    }
    let shape = |i: usize| rows.get(i).and_then(|r| r.1.as_ref()).map(|r| r.0);
    let mut out = Vec::new();
    for (i, (offset, parsed)) in rows.iter().enumerate() {
        let Some((this, parts)) = parsed else {
            continue;
        };
        let in_table =
            i.checked_sub(1).and_then(shape) == Some(*this) || shape(i + 1) == Some(*this);
        if !in_table {
            continue;
        }
        for part in parts {
            let (start, end) = (offset + part.start, offset + part.end);
            out.push(Found {
                field: Field::Body,
                start,
                end,
                kind: Some(kind_of(part, &body[start..end])),
                confidence: CONFIDENCE,
                canonical: None,
                acronym: None,
                weak: false,
                rule: RESULTS_RULE,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str) -> Vec<(String, EntityKind)> {
        names(body)
            .into_iter()
            .map(|f| (body[f.start..f.end].to_owned(), f.kind.unwrap()))
            .collect()
    }

    #[test]
    fn teams_in_a_table_of_scores_are_clubs_or_countries() {
        let body = "Results on Saturday:\n\nArsenal 2 Derby 2\n\nManchester United 4 Nottingham Forest 1\n\nJapan 2 Syria 1";
        assert_eq!(
            read(body),
            vec![
                ("Arsenal".into(), EntityKind::Org),
                ("Derby".into(), EntityKind::Org),
                ("Manchester United".into(), EntityKind::Org),
                ("Nottingham Forest".into(), EntityKind::Org),
                ("Japan".into(), EntityKind::Place),
                ("Syria".into(), EntityKind::Place),
            ]
        );
    }

    #[test]
    fn standings_and_players_are_read() {
        let body = "Standings:\nPSV Eindhoven 4 3 1 0 10 2 10\nAjax 4 3 0 1 8 4 9\n\nLeaders:\nColin Montgomerie 67 68 70 71\nM. Vaughan 70 69 70 72";
        assert_eq!(
            read(body),
            vec![
                ("PSV Eindhoven".into(), EntityKind::Org),
                ("Ajax".into(), EntityKind::Org),
                ("Colin Montgomerie".into(), EntityKind::Person),
                ("M. Vaughan".into(), EntityKind::Person),
            ]
        );
    }

    #[test]
    fn a_lone_row_or_prose_with_figures_is_no_table() {
        // One line of that shape is no table; sentences and lists of another shape are not read.
        assert!(read("Windows 11 Pro 2\n\nThe market rose 2 percent on Friday.").is_empty());
        assert!(read("Step 1 Open 2\n\nChapter 3 of the book tells more.").is_empty());
        assert!(read("Apple rose 2.3 percent\nMicrosoft fell 1.1 percent").is_empty());
    }
}
