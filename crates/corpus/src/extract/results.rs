//! Names in the rows of results tables, which news wires print under a sports report: scores
//! ("Arsenal 2 Derby 2", "Boston 5 Detroit 3"), standings ("PSV Eindhoven 4 3 1 0 10 2 10") and
//! ranked results with the competitor's country ("1. Donovan Bailey (Canada) 10.06", "2. Michael
//! Schumacher (Germany) Ferrari 1:52.701").
//! There capitals and neighbours say little of a name, so the sequence labeller reads such rows
//! poorly; their shape says what the names are. A row is read only inside a table: at least two
//! lines of the same shape one after another.
//!
//! Each name of a row is a team or a player. A player is written with an initial ("M. Vaughan")
//! or a known given name ("Colin Montgomerie"); a team named by its country is that country, a
//! place (as the CoNLL-2003 guidelines tag "Japan 2 Syria 1"); any other team is an
//! organisation, even when it bears a city's name ("Derby", "Boston").

use super::dates::Field;
use super::entities::{capitalised_words, written_in_lower_case, EntityKind, Found};
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
    /// A competitor, the country in brackets, perhaps a team, and a figure: "1. Donovan Bailey
    /// (Canada) 10.06".
    Ranked,
    /// One name and a few figures with their units, as market and election tables give them:
    /// "Toyota 92,310 -5.9", "Cheung Kong 288.0 million 58.75 unchanged". Read in runs of three
    /// rows or more; a name there is a place the gazetteer knows, a person by an initial or a
    /// given name, else an organisation (a company, a party).
    Figures,
}

/// One name of a row: its byte range in the line and its words, and whether the row says
/// what it is (a country in brackets, a competitor's team).
struct Part<'a> {
    start: usize,
    end: usize,
    words: Vec<&'a str>,
    kind: Option<EntityKind>,
}

/// Whether the gazetteer knows `name` as a place, written as usual or in capitals ("SPAIN");
/// with `country`, only as a country.
fn known_place(name: &str, country: bool) -> bool {
    let g = gazetteer();
    let known = |key: &str| {
        g.places
            .get(key)
            .is_some_and(|&(_, kind)| !country || kind == PlaceKind::Country)
    };
    let key = lookup_key(name);
    known(&key) || capitalised_words(&key).is_some_and(|k| known(&k))
}

/// A figure of a table: "2", "10", "19.85", ".547", "5:12:33", "6-4", or "-" for none.
fn figure(word: &str) -> bool {
    word == "-"
        || (word.bytes().any(|b| b.is_ascii_digit())
            && word
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b':' | b'-' | b',')))
}

/// A figure of a market or election table: also signed or in percent ("+2.3", "-5.9", "4%").
fn signed_figure(word: &str) -> bool {
    let bare = word.trim_start_matches(['+', '-']).trim_end_matches('%');
    !bare.is_empty() && figure(bare)
}

/// One name and its figures with lower-case units between them ("million", "up",
/// "unchanged"), figures at least as many as the units and two at least, no sentence's end.
fn figures_row<'a>(line: &'a str, words: &[(usize, &'a str)]) -> Option<Row<'a>> {
    let mut k = 0;
    while k < words.len() && name_word(words[k].1, k == 0) {
        k += 1;
    }
    while k > 0 && !name_word(words[k - 1].1, true) {
        k -= 1;
    }
    if k == 0 || k > 5 || k == words.len() || line.trim_end().ends_with(['.', ':']) {
        return None;
    }
    let (mut figures, mut units) = (0, 0);
    for &(_, w) in &words[k..] {
        if signed_figure(w) {
            figures += 1;
        } else if w.chars().all(char::is_lowercase) {
            units += 1;
        } else {
            return None;
        }
    }
    (figures >= 2 && figures >= units && signed_figure(words[k].1))
        .then(|| (Shape::Figures, vec![part(words, 0, k, None)]))
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

/// The words of a line with their byte offsets.
fn words_of(line: &str) -> Vec<(usize, &str)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for word in line.split(' ') {
        if !word.is_empty() {
            words.push((at, word));
        }
        at += word.len() + 1;
    }
    words
}

/// A part made of `words[from..to]`.
fn part<'a>(
    words: &[(usize, &'a str)],
    from: usize,
    to: usize,
    kind: Option<EntityKind>,
) -> Part<'a> {
    let (last_at, last) = words[to - 1];
    Part {
        start: words[from].0,
        end: last_at + last.len(),
        words: words[from..to].iter().map(|&(_, w)| w).collect(),
        kind,
    }
}

/// A ranked result: a rank (or a total), then one competitor or several apart by commas, each
/// of two to four words with the country in brackets (a place the gazetteer knows), perhaps a
/// team of up to three words, and figures: "1. Donovan Bailey (Canada) 10.06", "135 Robert
/// Karlsson (Sweden) 68 67, Paul Broadhurst (Britain) 67 68". Under a total the figures may be
/// left out ("68 Colin Montgomerie (Scotland)").
fn ranked<'a>(words: &[(usize, &'a str)]) -> Option<Row<'a>> {
    let rank = words.first()?.1;
    if !rank
        .trim_end_matches('.')
        .bytes()
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut parts = Vec::new();
    let mut k = 1;
    while k < words.len() {
        // The brackets may stand apart ("( Canada )") or not ("(Canada)").
        let open = (k..words.len()).find(|&j| words[j].1.starts_with('('))?;
        let close = (open..words.len()).find(|&j| words[j].1.ends_with(')'))?;
        let competitor = k..open;
        if !(2..=4).contains(&competitor.len())
            || !words[competitor.clone()]
                .iter()
                .all(|&(_, w)| name_word(w, false))
        {
            return None;
        }
        let inner = |j: usize| words[j].1.trim_start_matches('(').trim_end_matches(')');
        let country: Vec<&str> = (open..=close)
            .map(inner)
            .filter(|w| !w.is_empty())
            .collect();
        if country.is_empty() || !known_place(&country.join(" "), false) {
            return None;
        }
        k = close + 1;
        let team_from = k;
        while k < words.len() && k - team_from < 3 && name_word(words[k].1, k == team_from) {
            k += 1;
        }
        let team_to = k;
        let figures_from = k;
        while k < words.len() && figure(words[k].1.trim_end_matches(',')) {
            k += 1;
        }
        let last_group = k == words.len();
        // Figures after each competitor, or none at all after the only one under a total
        // ("68 Colin Montgomerie (Scotland)"; a list's "1." or "3" ranks no such row).
        let total = rank.len() >= 2 && rank.bytes().all(|b| b.is_ascii_digit());
        if k == figures_from && !(total && last_group && parts.is_empty() && team_to == team_from) {
            return None;
        }
        parts.push(part(
            words,
            competitor.start,
            competitor.end,
            Some(EntityKind::Person),
        ));
        // The country's words inside the brackets.
        let first = open + usize::from(words[open].1 == "(");
        let last = if words[close].1 == ")" {
            close
        } else {
            close + 1
        };
        if first < last {
            let mut p = part(words, first, last, Some(EntityKind::Place));
            p.start += usize::from(words[first].1.starts_with('('));
            p.end -= usize::from(words[last - 1].1.ends_with(')'));
            parts.push(p);
        }
        if team_to > team_from {
            parts.push(part(words, team_from, team_to, Some(EntityKind::Org)));
        }
        // Another competitor after a comma.
        if k < words.len() {
            if words[k].1 == "," {
                k += 1;
            } else if !words[k - 1].1.ends_with(',') {
                return None;
            }
        }
    }
    (!parts.is_empty()).then_some((Shape::Ranked, parts))
}

/// The scorers in a bracket after a team's score: "( Wright 34 , Merson 71 )", "(Shearer 7,
/// 55, Le Tissier 44 pen)". Each is a name, then minutes and lower-case notes. Gives the names
/// as people, or nothing when the bracket holds something else ("( 10 innings )").
fn scorers<'a>(words: &[(usize, &'a str)], open: usize, close: usize) -> Vec<Part<'a>> {
    // The words inside, without the brackets and commas, with where each scorer starts.
    let mut inner: Vec<(usize, &'a str, bool)> = Vec::new();
    let mut new_scorer = true;
    for (k, &(at, w)) in words.iter().enumerate().take(close + 1).skip(open) {
        let mut at = at;
        let mut w = w;
        if k == open {
            w = &w[1..];
            at += 1;
        }
        if k == close {
            w = &w[..w.len() - 1];
        }
        let comma = w.ends_with(',');
        let w = w.trim_end_matches(',');
        if !w.is_empty() {
            inner.push((at, w, new_scorer));
            new_scorer = false;
        }
        if comma || w.is_empty() && words[k].1 == "," {
            new_scorer = true;
        }
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < inner.len() {
        if !inner[k].2 {
            return Vec::new();
        }
        let from = k;
        while k < inner.len() && (k == from || !inner[k].2) && name_word(inner[k].1, k == from) {
            k += 1;
        }
        let name_end = k;
        let mut minutes = 0;
        if name_end == from {
            // A lone figure: another minute of the scorer before ("Shearer 7, 55").
            if inner[from].1.bytes().all(|b| b.is_ascii_digit()) && !out.is_empty() {
                k += 1;
                while k < inner.len() && !inner[k].2 {
                    k += 1;
                }
                continue;
            }
            return Vec::new();
        }
        while k < inner.len() && !inner[k].2 {
            let w = inner[k].1;
            if figure(w) {
                minutes += 1;
            } else if !w.starts_with(char::is_lowercase) {
                return Vec::new();
            }
            k += 1;
        }
        // A scorer is a name with the minutes.
        if minutes == 0 || name_end - from > 3 {
            return Vec::new();
        }
        let (last_at, last, _) = inner[name_end - 1];
        out.push(Part {
            start: inner[from].0,
            end: last_at + last.len(),
            words: inner[from..name_end].iter().map(|&(_, w, _)| w).collect(),
            kind: Some(EntityKind::Person),
        });
    }
    out
}

/// The shape of a line and its names, if it is a row of a results table.
fn row(line: &str) -> Option<Row<'_>> {
    let words = words_of(line);
    ranked(&words)
        .or_else(|| scores_or_standing(&words))
        .or_else(|| figures_row(line, &words))
}

/// A row of scores or of standings.
fn scores_or_standing<'a>(words: &[(usize, &'a str)]) -> Option<Row<'a>> {
    // A rank in front: "1.", "12".
    let mut k = usize::from(words.first().is_some_and(|&(_, w)| figure(w)));
    let mut parts: Vec<(Part<'_>, usize)> = Vec::new();
    let mut people: Vec<Part<'_>> = Vec::new();
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
        parts.push((part(words, from, figures_from, None), k - figures_from));
        // A bracket after the score: its scorers, or a remark ("( 10 innings )").
        if words.get(k).is_some_and(|&(_, w)| w.starts_with('(')) {
            let close = (k..words.len()).find(|&c| words[c].1.ends_with(')'))?;
            people.extend(scorers(words, k, close));
            k = close + 1;
        }
        // After two scores, a sentence may follow: ". Halftime 1-0 . Attendance : 37,140 ."
        let ends = words[k - 1].1.ends_with('.') || words.get(k).is_some_and(|&(_, w)| w == ".");
        if parts.len() == 2 && ends {
            break;
        }
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
    let mut names: Vec<Part<'_>> = parts.into_iter().map(|(p, _)| p).collect();
    names.extend(people);
    names.sort_by_key(|p| p.start);
    Some((shape, names))
}

/// A row of a table: its shape and its names.
type Row<'a> = (Shape, Vec<Part<'a>>);

/// What a name in a results table is.
fn kind_of(part: &Part<'_>, text: &str, shape: Shape) -> EntityKind {
    if let Some(kind) = part.kind {
        return kind;
    }
    let g = gazetteer();
    let first = part.words[0];
    let initial = first.len() == 2 && first.ends_with('.') && first.starts_with(char::is_uppercase);
    if part.words.len() > 1 && (initial || g.given_names.contains(first)) {
        return EntityKind::Person;
    }
    // In scores and standings a city is a team; in a table of figures, the city.
    if known_place(text, shape != Shape::Figures) {
        EntityKind::Place
    } else {
        EntityKind::Org
    }
}

/// The names in the results tables of `body`, in order.
pub(crate) fn names(body: &str) -> Vec<Found> {
    // Each line with its offset and shape; blank lines (between paragraphs) are passed over.
    let mut rows: Vec<(usize, &str, Option<Row<'_>>)> = Vec::new();
    let mut at = 0;
    for line in body.split('\n') {
        if !line.trim().is_empty() {
            rows.push((at, line, row(line)));
        }
        at += line.len() + 1;
    }
    let shape = |i: usize| rows.get(i).and_then(|r| r.2.as_ref()).map(|r| r.0);
    // A heading between the rows of a table ("National League"): a few words, no figure.
    let heading = |i: usize| {
        rows.get(i).is_some_and(|&(_, line, ref parsed)| {
            parsed.is_none()
                && line.split_whitespace().count() <= 4
                && !line.bytes().any(|b| b.is_ascii_digit())
        })
    };
    let mut out = Vec::new();
    for (i, (offset, _, parsed)) in rows.iter().enumerate() {
        let Some((this, parts)) = parsed else {
            continue;
        };
        let before = |d: usize| i.checked_sub(d).and_then(shape) == Some(*this);
        let after = |d: usize| shape(i + d) == Some(*this);
        let in_table = if *this == Shape::Figures {
            // Three rows in a run at least.
            (before(1) && before(2)) || (before(1) && after(1)) || (after(1) && after(2))
        } else {
            before(1)
                || after(1)
                || (before(2) && i.checked_sub(1).is_some_and(heading))
                || (after(2) && heading(i + 1))
        };
        if !in_table {
            continue;
        }
        for part in parts {
            // In a table of figures, a row's label of common words ("Student Discount",
            // "Debris Removal") is no name: the text writes them in lower case elsewhere.
            if *this == Shape::Figures
                && part
                    .words
                    .iter()
                    .any(|w| w.chars().count() >= 3 && written_in_lower_case(body, w))
            {
                continue;
            }
            let (start, end) = (offset + part.start, offset + part.end);
            out.push(Found {
                field: Field::Body,
                start,
                end,
                kind: Some(kind_of(part, &body[start..end], *this)),
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

/// The rule a club named after its place carries.
pub(crate) const CLUB_RULE: &str = "a team in a match report";

/// Verbs and nouns of a match's result.
const MATCH_WORDS: &[&str] = &[
    "beat",
    "beats",
    "beaten",
    "drew",
    "draw",
    "drawn",
    "lost",
    "lose",
    "won",
    "win",
    "defeated",
    "defeat",
    "victory",
    "thrashed",
    "edged",
    "routed",
    "held",
    "equalised",
    "equalized",
];

/// Whether the place at `text[start..end]` is a team in a match report: its sentence gives a
/// score ("3-1") and a word of a match's result ("beat", "drew", "lost", "victory"), the place
/// is no country (a national team is its country, as the CoNLL-2003 guidelines tag it), and no
/// "in" stands before it ("in Munich" is where it was played).
pub(crate) fn club_in_match_report(text: &str, start: usize, end: usize) -> bool {
    if known_place(&text[start..end], true) {
        return false;
    }
    // The sentence: from the last sentence end or line break before it to the next after it.
    let from = text[..start]
        .rfind(['\n', '.', '!', '?'])
        .map_or(0, |i| i + 1);
    let to = text[end..]
        .find(['\n', '!', '?'])
        .map_or(text.len(), |i| end + i);
    let sentence = &text[from..to];
    let before = text[from..start].split_whitespace().next_back();
    if before.is_some_and(|w| matches!(w, "in" | "In" | "from" | "of" | "near")) {
        return false;
    }
    let words: Vec<&str> = sentence
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let score = words.iter().any(|w| {
        let w = w.trim_end_matches('.');
        w.split_once('-').is_some_and(|(a, b)| {
            (1..=2).contains(&a.len())
                && (1..=2).contains(&b.len())
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        })
    });
    score && words.iter().any(|w| MATCH_WORDS.contains(w))
}

/// The rule a name written with an initial carries.
pub(crate) const INITIAL_RULE: &str = "an initial and a surname";

/// Players written with an initial in the rows of a scoreboard ("D. Bicknell c Marsh b Headley
/// 12"): a capital letter and a full stop, then a capitalised word that the text never writes in
/// lower case, no function word, demonym, or place or organisation the gazetteer knows, on a
/// short line with a figure, in a text with two such lines at least. An initial after a
/// capitalised word is a middle one ("George W. Bush"), left to the rest of the recogniser;
/// after a figure it is a list's letter ("1.1 A. Alignment") or a street's side ("130 N.
/// Central Ave.").
pub(crate) fn initialled(body: &str, function_word: impl Fn(&str) -> bool) -> Vec<Found> {
    // Most texts hold no initial ("D. "): they are passed over in one scan of their bytes.
    let bytes = body.as_bytes();
    let has_initial = (1..bytes.len().saturating_sub(1)).any(|i| {
        bytes[i] == b'.'
            && bytes[i + 1] == b' '
            && bytes[i - 1].is_ascii_uppercase()
            && (i < 2 || bytes[i - 2].is_ascii_whitespace())
    });
    if !has_initial {
        return Vec::new();
    }
    let g = gazetteer();
    let words: Vec<(usize, &str)> = body
        .split([' ', '\n'])
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let initial = |w: &str| {
        let b = w.as_bytes();
        b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
    };
    // The lines that are rows: short, with a figure standing alone.
    let mut rows: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in body.split('\n') {
        let count = line.split_whitespace().count();
        if count <= 24 && line.split_whitespace().any(figure) {
            rows.push((at, at + line.len()));
        }
        at += line.len() + 1;
    }
    let in_row = |i: usize| rows.iter().position(|&(s, e)| i >= s && i < e);
    let mut out = Vec::new();
    let mut lines_with = std::collections::BTreeSet::new();
    for k in 0..words.len().saturating_sub(1) {
        let (start, first) = words[k];
        let (at, surname) = words[k + 1];
        let surname = surname.trim_end_matches([',', ';', ':', '.']);
        // The word right before, on the same line.
        let previous = (k > 0
            && words[k - 1].0 + words[k - 1].1.len() + 1 == start
            && bytes[start - 1] == b' ')
            .then(|| words[k - 1].1);
        let after_capital = previous.is_some_and(|w| {
            w.starts_with(char::is_uppercase) && !w.ends_with(['.', ',', ':', ';'])
        });
        let surname_like = surname.chars().count() >= 2
            && surname.starts_with(char::is_uppercase)
            && surname.chars().skip(1).any(char::is_lowercase)
            && surname
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\''));
        // "114 W. Adams St.", "1.1 A. Alignment": a street's side, an outline's letter.
        let after_figure = previous.is_some_and(|w| w.bytes().any(|b| b.is_ascii_digit()));
        if !initial(first) || after_capital || after_figure || !surname_like {
            continue;
        }
        if written_in_lower_case(body, surname)
            || function_word(&surname.to_lowercase())
            || g.places.contains_key(surname)
            || g.organisations.contains_key(surname)
            || g.demonyms.contains_key(surname)
        {
            continue;
        }
        let Some(row) = in_row(start) else {
            continue;
        };
        lines_with.insert(row);
        out.push(Found {
            field: Field::Body,
            start,
            end: at + surname.len(),
            kind: Some(EntityKind::Person),
            confidence: CONFIDENCE,
            canonical: None,
            acronym: None,
            weak: false,
            rule: INITIAL_RULE,
        });
    }
    if lines_with.len() < 2 {
        out.clear();
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
    fn ranked_results_give_the_competitor_the_country_and_the_team() {
        let body = "Leading times:\n\n1. Jacques Villeneuve ( Canada ) Williams 1:52.314\n\n2. Mika Hakkinen (Finland) McLaren 1:52.701";
        assert_eq!(
            read(body),
            vec![
                ("Jacques Villeneuve".into(), EntityKind::Person),
                ("Canada".into(), EntityKind::Place),
                ("Williams".into(), EntityKind::Org),
                ("Mika Hakkinen".into(), EntityKind::Person),
                ("Finland".into(), EntityKind::Place),
                ("McLaren".into(), EntityKind::Org),
            ]
        );
    }

    #[test]
    fn a_player_written_with_an_initial_is_a_person() {
        let body = "D. Bicknell c Marsh b Headley 12\n\nM. Butcher lbw b McCague 31\n\nPresident George W. Bush spoke of it on 12 May.";
        let found: Vec<String> = initialled(body, |w| w == "the")
            .into_iter()
            .map(|f| body[f.start..f.end].to_owned())
            .collect();
        assert_eq!(found, vec!["D. Bicknell", "M. Butcher"]);
        // A list's letters, a demonym, a word the text writes in lower case: no player.
        let quiz =
            "1.1 A. Alignment 1\nB. French 2\nC. Impact 3 and the impact\n130 N. Central Ave.";
        assert!(initialled(quiz, |_| false).is_empty());
        // One such line is no scoreboard.
        assert!(initialled("D. Bicknell c Marsh b Headley 12", |_| false).is_empty());
    }

    #[test]
    fn match_summaries_give_teams_and_scorers() {
        let body = "Summaries:\n\nArsenal 2 ( Wright 34 , Merson 71 ) Leicester 0 . Halftime 1-0 . Attendance : 37,140 .\n\nNewcastle 4 (Shearer 7, 55, Le Tissier 44 pen) Southampton 2. Halftime 2-1.\n\nNational League\n\nTexas 4 MILWAUKEE 3 ( 10 innings )";
        let names: Vec<(String, EntityKind)> = read(body);
        assert_eq!(
            names,
            vec![
                ("Arsenal".into(), EntityKind::Org),
                ("Wright".into(), EntityKind::Person),
                ("Merson".into(), EntityKind::Person),
                ("Leicester".into(), EntityKind::Org),
                ("Newcastle".into(), EntityKind::Org),
                ("Shearer".into(), EntityKind::Person),
                ("Le Tissier".into(), EntityKind::Person),
                ("Southampton".into(), EntityKind::Org),
                ("Texas".into(), EntityKind::Org),
                ("MILWAUKEE".into(), EntityKind::Org),
            ]
        );
    }

    #[test]
    fn any_mix_of_rows_and_brackets_is_read_to_the_end() {
        // Pieces of rows, brackets, scorers and prose in pseudo-random orders: every text is
        // read through, and every name found lies inside it on character boundaries.
        let pieces = [
            "Arsenal",
            "2",
            "(",
            ")",
            "( Wright 34 ,",
            "55",
            ",",
            "Le Tissier 44 pen )",
            "(Shearer 7,",
            "1.",
            "D.",
            "Bicknell",
            "c",
            "b",
            "Derby",
            "0 .",
            "Halftime",
            "1-0",
            "(Canada)",
            "é",
            "\n",
            "\n\n",
            "Men",
            "( 10 innings )",
            "4 3 1 0 10 2 10",
            "s.t.",
            ".",
        ];
        for text in crate::testing::pseudo_random_texts(&pieces, 2000, 30, " ") {
            for f in names(&text).into_iter().chain(initialled(&text, |_| false)) {
                assert!(
                    text.get(f.start..f.end).is_some_and(|s| !s.is_empty()),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn a_market_table_gives_companies_and_places() {
        let body = "Exports by maker:\n\nToyota 92,310 -5.9\n\nMitsubishi Motors 41,554 +2.3\n\nCheung Kong 288.0 million 58.75 unchanged\n\nWeather:\n\nLondon 21 15\n\nParis 25 14\n\nMadrid 31 19";
        assert_eq!(
            read(body),
            vec![
                ("Toyota".into(), EntityKind::Org),
                ("Mitsubishi Motors".into(), EntityKind::Org),
                ("Cheung Kong".into(), EntityKind::Org),
                ("London".into(), EntityKind::Place),
                ("Paris".into(), EntityKind::Place),
                ("Madrid".into(), EntityKind::Place),
            ]
        );
        // Labels of common words are no names; two such rows are no table.
        assert!(read("Prices:\n\nStudent Discount 10 %\n\nSenior Discount 5 %\n\nDebris Removal 120 150\n\nAsk about a discount or debris removal.").is_empty());
        assert!(
            read("Toyota 92,310 -5.9\n\nNissan 51,202 -12.4\n\nSales fell in July.").is_empty()
        );
    }

    #[test]
    fn a_city_in_a_match_report_is_its_club() {
        let text = "Bayern Munich beat Hansa Rostock 3-1 on Saturday.\nGermany drew 1-1 with Italy in Munich.\nFloods hit Munich, and 3-4 people were hurt.";
        let at = |name: &str, nth: usize| text.match_indices(name).nth(nth).unwrap().0;
        let club = |name: &str, nth: usize| {
            let start = at(name, nth);
            club_in_match_report(text, start, start + name.len())
        };
        assert!(club("Bayern Munich", 0));
        assert!(club("Hansa Rostock", 0));
        // A country is its national team; a place after "in" is where the match was played;
        // a city in another story is the city.
        assert!(!club("Germany", 0));
        assert!(!club("Munich", 1));
        assert!(!club("Munich", 2));
    }

    #[test]
    fn a_row_of_tied_competitors_gives_each_of_them() {
        let body = "Leading scores:\n\n133 Per-Ulrik Johansson ( Sweden ) 66 67\n\n135 Robert Karlsson (Sweden) 68 67, Paul Broadhurst (Britain) 67 68\n\n68 Colin Montgomerie (Scotland)";
        let people: Vec<String> = read(body)
            .into_iter()
            .filter(|(_, kind)| *kind == EntityKind::Person)
            .map(|(name, _)| name)
            .collect();
        assert_eq!(
            people,
            vec![
                "Per-Ulrik Johansson",
                "Robert Karlsson",
                "Paul Broadhurst",
                "Colin Montgomerie"
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
