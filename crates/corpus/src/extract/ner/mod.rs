//! The trained recogniser: an averaged structured perceptron over hashed features, decoded with
//! Viterbi per line, with forward-backward probabilities as each name's confidence.
//!
//! The weights are trained by `cargo xtask train-ner` from the annotated text in `data/ner/` (see
//! its README for what is trained on what) and compiled in from `data/ner/model.bin`. The
//! hand-written rules of [`super::entities`] are features of the model, and a thin layer on top
//! of it: a pronoun, a lone title, a weekday or a demonym is never a name, and a lone word at a
//! sentence start the model is unsure of is kept only if the corpus knows it elsewhere.

pub mod annotated;
pub(crate) mod features;
pub(crate) mod model;
pub(crate) mod tokens;
pub mod train;

use super::dates::Field;
use super::entities::{EntityKind, Found};
use super::gazetteer::{gazetteer, lookup_key, PlaceKind};
use features::{Context, LineCase};
use model::Model;
use std::sync::OnceLock;
use tokens::Tok;

/// The weights, as trained (empty before the first training).
const MODEL_BYTES: &[u8] = include_bytes!("../../../../../data/ner/model.bin");

/// The compiled-in model, read on first use; `None` before a model was trained.
pub(crate) fn model() -> Option<&'static Model> {
    static CELL: OnceLock<Option<Model>> = OnceLock::new();
    CELL.get_or_init(|| Model::from_bytes(MODEL_BYTES)).as_ref()
}

/// Names the model gives less than this probability are not kept.
const MIN_PROBABILITY: f32 = 0.3;
/// The least probability of a place the gazetteer does not know.
const MIN_UNKNOWN_PLACE: f32 = 0.45;

/// Below this probability of "no name" (the mean over its words), a name the rules read stands.
const RULE_TAKES_OVER: f32 = 0.6;

/// The rule a name found by the model carries.
pub(crate) const MODEL_RULE: &str = "sequence model";

/// One line of tokens `[from, to)`.
fn lines(toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while from < toks.len() {
        let mut to = from + 1;
        while to < toks.len() && !toks[to].line_start {
            to += 1;
        }
        out.push((from, to));
        from = to;
    }
    out
}

/// A line the model does not read: a title-case heading or a line in capitals, where capitals
/// say nothing. Names there come from what the rest of the text says.
fn heading_line(ctx: &Context, toks: &[Tok], text: &str, from: usize, to: usize) -> bool {
    let long = || {
        (from..to)
            .filter(|&k| features::letters(toks[k].text(text)) >= 4)
            .count()
    };
    match ctx.case[from] {
        LineCase::Caps => long() >= 2,
        LineCase::Title => long() >= 4,
        LineCase::Normal => false,
    }
}

/// What the model labels in `text`, as tags and probabilities per token, with the tokens.
pub(crate) struct Labelled {
    /// The tokens.
    pub toks: Vec<Tok>,
    /// The tag of each token.
    pub tags: Vec<u8>,
    /// The probability of each token's tag.
    pub probability: Vec<f32>,
    /// Byte ranges of the lines the model left to the rest of the text.
    pub headings: Vec<(usize, usize)>,
    /// The rules' names, as token ranges with their kind.
    pub rules: Vec<(usize, usize, EntityKind)>,
    /// Per token, whether the text writes it in lower case elsewhere.
    pub lower_elsewhere: Vec<bool>,
}

/// The rules' names of a text from their per-token labels.
fn rule_spans(ctx: &Context) -> Vec<(usize, usize, EntityKind)> {
    let kind = |label: &[u8]| match label.get(2..) {
        Some(b"PER") => Some(EntityKind::Person),
        Some(b"ORG") => Some(EntityKind::Org),
        Some(b"LOC") => Some(EntityKind::Place),
        _ => None,
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < ctx.rule.len() {
        let label = ctx.rule[k].0;
        match kind(label).filter(|_| label.starts_with(b"B") && ctx.rule[k].1 != "weak") {
            Some(kd) => {
                let mut end = k + 1;
                while end < ctx.rule.len()
                    && ctx.rule[end].0.starts_with(b"I")
                    && kind(ctx.rule[end].0) == Some(kd)
                {
                    end += 1;
                }
                out.push((k, end, kd));
                k = end;
            }
            None => k += 1,
        }
    }
    out
}

/// Whether token `k` may be or touch a name: it has a capital or a digit, or the rules or the
/// gazetteers read something there (a title such as "president", the "de" of a place they
/// know).
fn may_name(ctx: &Context, toks: &[Tok], text: &str, k: usize) -> bool {
    ctx.rule[k].0 != b"O"
        || !ctx.gaz[k].is_empty()
        || toks[k]
            .text(text)
            .chars()
            .any(|c| c.is_uppercase() || c.is_numeric())
}

/// The stretches `[first, last)` of the line `[from, to)` the model reads: every token within
/// [`features::REACH`] of one that [`may_name`]. The quiet tokens between them, lower-case words
/// far from any capital, are no names: a name's tags never reach them, so the model is spared
/// more than half of the words of a news story.
fn stretches(
    ctx: &Context,
    toks: &[Tok],
    text: &str,
    from: usize,
    to: usize,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for k in (from..to).filter(|&k| may_name(ctx, toks, text, k)) {
        let (first, last) = (
            k.saturating_sub(features::REACH).max(from),
            (k + features::REACH + 1).min(to),
        );
        match out.last_mut() {
            Some(stretch) if stretch.1 >= first => stretch.1 = last,
            _ => out.push((first, last)),
        }
    }
    out
}

/// Labels every line of `text` outside `skip` (byte ranges) with `model`.
pub(crate) fn label(model: &Model, text: &str, skip: &[(usize, usize)]) -> Labelled {
    let toks = tokens::tokenize(text);
    let ctx = Context::new(text, &toks);
    let mut tags = vec![0u8; toks.len()];
    let mut probability = vec![1f32; toks.len()];
    let mut headings = Vec::new();
    let mut rows = Vec::new();
    let mut starts = Vec::new();
    for (from, to) in lines(&toks) {
        let start = toks[from].start as usize;
        let end = toks[to - 1].end as usize;
        if skip.iter().any(|&(s, e)| start >= s && start < e) {
            continue;
        }
        if heading_line(&ctx, &toks, text, from, to) {
            headings.push((start, end));
            continue;
        }
        for (first, last) in stretches(&ctx, &toks, text, from, to) {
            rows.clear();
            starts.clear();
            features::rows_of(
                &ctx,
                &toks,
                text,
                (from, to),
                (first, last),
                model.bits,
                &mut rows,
                &mut starts,
            );
            let mut em = model.emissions(&rows, &starts);
            // A quiet token before or after the stretch is no name: the tags around it follow.
            let mut none = [f32::NEG_INFINITY; model::TAGS];
            none[0] = 0.0;
            let before = usize::from(first > from);
            if before == 1 {
                em.insert(0, none);
            }
            if last < to {
                em.push(none);
            }
            let best = model::viterbi(&em, &model.trans);
            let best = &best[before..before + last - first];
            tags[first..last].copy_from_slice(best);
            // How sure the model is matters only for its names and where the rules read one.
            let read =
                best.iter().any(|&t| t != 0) || ctx.rule[first..last].iter().any(|r| r.0 != b"O");
            if read {
                let p = model::marginals(&em, &model.trans, model.temperature);
                for (k, &tag) in best.iter().enumerate() {
                    probability[first + k] = p[before + k][usize::from(tag)];
                }
            }
        }
    }
    Labelled {
        toks,
        tags,
        probability,
        headings,
        rules: rule_spans(&ctx),
        lower_elsewhere: ctx.lower_elsewhere,
    }
}

/// The names of a labelled text: runs of B and I tags, with the least sure tag's probability.
pub(crate) fn spans(l: &Labelled) -> Vec<(usize, usize, EntityKind, f32)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < l.tags.len() {
        let tag = l.tags[k];
        let Some(kind) = model::kind_of(tag).filter(|_| !model::is_inside(tag)) else {
            k += 1;
            continue;
        };
        let mut end = k + 1;
        let mut p = l.probability[k];
        while end < l.tags.len() && l.tags[end] == tag + 1 && !l.toks[end].line_start {
            p = p.min(l.probability[end]);
            end += 1;
        }
        out.push((k, end, kind, p));
        k = end;
    }
    out
}

/// The acronym given in parentheses right after a name: "… Guards Corps (IRGC)".
fn acronym_after(text: &str, end: usize) -> Option<String> {
    let rest = text.get(end..)?.strip_prefix(" (")?;
    let close = rest.find(')')?;
    let acronym = &rest[..close];
    let ok = (2..=8).contains(&acronym.len())
        && acronym.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    ok.then(|| acronym.to_owned())
}

/// A name cut to what is name: no possessive, lower-case word (one without a capital) or punctuation at its end, no
/// article at its start, no person title in front of a person ("President", "FM"). `None` when
/// nothing is left.
fn trim(
    text: &str,
    toks: &[Tok],
    mut from: usize,
    mut to: usize,
    kind: EntityKind,
) -> Option<(usize, usize)> {
    let g = gazetteer();
    let word = |k: usize| toks[k].text(text);
    let is_tail = |w: &str| {
        // "al-Sudani" and "eBay" are name words; "province" and "embassy" are not.
        (w.starts_with(char::is_lowercase) && !w.chars().any(char::is_uppercase))
            || !w.chars().any(char::is_alphanumeric)
            || matches!(w, "'s" | "\u{2019}s" | "'S" | "\u{2019}S")
    };
    while to > from && is_tail(word(to - 1)) {
        to -= 1;
    }
    while to > from && matches!(word(from).to_lowercase().as_str(), "the" | "a" | "an") {
        from += 1;
    }
    if to <= from {
        return None;
    }
    if kind == EntityKind::Person {
        // The longest person title at the front, while a name is left after it.
        'strip: loop {
            for n in (1..=g.longest_title.min(to - from - 1)).rev() {
                let span = &text[toks[from].start as usize..toks[from + n - 1].end as usize];
                let key = lookup_key(span).to_lowercase();
                let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
                if g.titles.contains(key.as_str()) || g.titles.contains(key.trim_end_matches('.')) {
                    from += n;
                    continue 'strip;
                }
            }
            break;
        }
    }
    (to > from).then_some((from, to))
}

/// The first token of a person in tokens `[from, to)` after a post the title list does not hold,
/// before a given name and a surname ("Dental Hygienist Andrea Fernandez", "Senior Economist
/// Mark Zandi"): words that are no given names, the last of them a word for someone's work.
fn after_post(text: &str, toks: &[Tok], from: usize, to: usize) -> usize {
    let g = gazetteer();
    let word = |k: usize| toks[k].text(text);
    let given = |k: usize| g.given_names.contains(word(k));
    let Some(k) = (from + 1..to.saturating_sub(1)).find(|&k| given(k)) else {
        return from;
    };
    let post = word(k - 1);
    let works = POST_ENDINGS.iter().any(|end| {
        post.len() > end.len() + 2 && post.ends_with(end) && post.starts_with(char::is_uppercase)
    }) && !NO_POSTS.contains(&post);
    if works && (from..k).all(|j| !given(j)) {
        k
    } else {
        from
    }
}

/// The endings of words for someone's work ("Economist", "Hygienist", "Librarian", "Designer",
/// "Director", "Consultant", "President").
const POST_ENDINGS: &[&str] = &["ist", "ian", "er", "or", "ant", "ent"];

/// Words with those endings that name no one's work ("Super Mario Run", "Upper West Side").
const NO_POSTS: &[&str] = &[
    "Border", "Center", "Inner", "Outer", "Over", "Power", "River", "Silver", "Summer", "Super",
    "Tower", "Under", "Upper", "Water", "Winter",
];

/// The last words of an event's name, which no surname is: "Tony Awards", "Nobel Prize",
/// "Commonwealth Games", "Davis Cup".
const EVENT_ENDS: &[&str] = &[
    "Award",
    "Awards",
    "Championship",
    "Championships",
    "Cup",
    "Festival",
    "Games",
    "Olympics",
    "Medal",
    "Medals",
    "Prize",
    "Prizes",
    "Tournament",
    "Trophy",
];

/// Whether the text right after a name makes it an illness's ("Alzheimer's disease",
/// "Parkinson’s Disease", "Lyme disease", "Down syndrome").
fn names_an_illness(after: &str) -> bool {
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("\u{2019}s"))
        .unwrap_or(after);
    let Some(word) = after.strip_prefix(' ') else {
        return false;
    };
    ["disease", "syndrome"].iter().any(|illness| {
        word.get(..illness.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(illness))
    })
}

/// The last words of an organisation's name, which no surname is: "Martin Parr Foundation",
/// "Francisco Partners", "Warner Bros".
const ORG_ENDS: &[&str] = &[
    "Associates",
    "Bros",
    "Company",
    "Corp",
    "Corporation",
    "Enterprises",
    "Foundation",
    "Galleries",
    "Gallery",
    "Group",
    "Holdings",
    "Inc",
    "Industries",
    "Institute",
    "LLC",
    "Ltd",
    "Partners",
    "PLC",
    "Studios",
    "Technologies",
    "University",
    "Ventures",
];

/// Last words of a street's name, as addresses write them.
const STREET_ENDS: &[&str] = &[
    "St.",
    "Ave.",
    "Rd.",
    "Blvd.",
    "Street",
    "Avenue",
    "Road",
    "Boulevard",
];

/// Whether the person the model read in tokens `[from, to)` is no person's name: a product or
/// a system whose last word is an acronym ("Vertex AI", "Roth IRAs"; but "Henry VIII"), one
/// named after a company the gazetteer knows ("Adobe Photoshop"), or an event ("Tony Awards").
fn not_a_person(text: &str, toks: &[Tok], from: usize, to: usize) -> bool {
    let g = gazetteer();
    let last = toks[to - 1].text(text);
    if to - from >= 2 && EVENT_ENDS.contains(&last) {
        return true;
    }
    let singular = last.strip_suffix('s').unwrap_or(last);
    let roman = last
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    let acronym = singular.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && singular.chars().all(|c| !c.is_lowercase())
        && !roman;
    // A word with a figure in it names a model, not a person: "Segway Ninebot MAX G2".
    if (from..to).any(|k| toks[k].text(text).bytes().any(|b| b.is_ascii_digit())) {
        return true;
    }
    // A product of a company the gazetteer knows: "Adobe Photoshop", "Google Maps".
    let first = lookup_key(toks[from].text(text));
    let brand = (from..to).any(|k| is_brand_word(toks[k].text(text)));
    brand || to - from >= 2 && (acronym || g.organisations.contains_key(&*first))
}

/// What may stand before a capital inside a surname or a given name besides two letters
/// ("McDonald", "DiCaprio", "LeCun", "LaToya"): "MacArthur", "VanDyke", "FitzGerald".
const NAME_PREFIXES: &[&str] = &["Mac", "Van", "Von", "Del", "Della", "Fitz", "Ten"];

/// A word written as brands and products are, never as a person's name: a capital inside it
/// after lower-case letters that are no name prefix ("PubMed", "WorkFit", "FashionNova",
/// "SiliconANGLE"), or a lower-case letter then a capital ("iRunFar", "eBay").
fn is_brand_word(word: &str) -> bool {
    let hump = word
        .char_indices()
        .zip(word.chars().skip(1))
        .find(|&((_, c), next)| c.is_lowercase() && next.is_uppercase());
    let Some(((at, c), _)) = hump else {
        return false;
    };
    let prefix = &word[..at + c.len_utf8()];
    let starts_lower = prefix.chars().next().is_some_and(char::is_lowercase);
    starts_lower || prefix.chars().count() > 2 && !NAME_PREFIXES.contains(&prefix)
}

/// The first word of a person's name cut off when it only opens a sentence: written in lower
/// case elsewhere in the text and no given name ("Things Trump", "Lacks Bluetooth"; but "Will
/// Smith").
fn sentence_opener(text: &str, l: &Labelled, from: usize, to: usize) -> usize {
    let g = gazetteer();
    let first = l.toks[from].text(text);
    let opener = to - from >= 2
        && l.toks[from].sent_start
        && l.lower_elsewhere[from]
        && !g.given_names.contains(&*lookup_key(first));
    if opener {
        from + 1
    } else {
        from
    }
}

/// The end of a person's name read in tokens `[from, to)` without the pronoun "I" that opens
/// the next clause ("a film from Guillermo del Toro I think …"). A name of one word and a
/// numeral keeps it ("Charles I was executed", "Elizabeth I").
fn pronoun_after(text: &str, toks: &[Tok], from: usize, to: usize) -> usize {
    let next_lower = toks
        .get(to)
        .and_then(|t| t.text(text).chars().next())
        .is_some_and(char::is_lowercase);
    if to - from >= 3 && toks[to - 1].text(text) == "I" && next_lower {
        to - 1
    } else {
        to
    }
}

/// Greetings and thanks that open a line before a name: "Hey Jeff", "Dear Sam".
const INTERJECTIONS: &[&str] = &["hey", "hi", "hello", "dear", "thanks", "thank"];

/// Whether the person the model read in tokens `[from, to)` is made of common words: each of
/// them written in lower case elsewhere in the text, and the first no given name ("Real
/// Estate", "Computer Science", "Peace Lily"; but "Bill Gates", "Rose Young").
fn common_words(text: &str, l: &Labelled, from: usize, to: usize) -> bool {
    let first = l.toks[from].text(text);
    !gazetteer().given_names.contains(&*lookup_key(first))
        && (from..to)
            .all(|k| l.lower_elsewhere[k] || !l.toks[k].text(text).chars().any(char::is_alphabetic))
}

/// How sure the model must be of a person whose last word the text also writes as a common
/// word ("Claude Code" beside "the code", "Rolaz Gold" beside "gold"; but "Bill Gates"): a
/// product or a dish is read so, a person seldom.
const SURE_OF_COMMON_SURNAME: f32 = 0.8;

/// Whether token `k` is a plain word (letters only) the text also writes in lower case.
fn common_word(text: &str, l: &Labelled, k: usize) -> bool {
    l.lower_elsewhere[k] && l.toks[k].text(text).chars().all(char::is_alphabetic)
}

/// "al-Hamidawi": a name with an Arabic article glued on.
fn particle_name(word: &str) -> Option<&str> {
    let (head, rest) = word.split_once('-')?;
    (tokens::PARTICLES.contains(&head.to_lowercase().as_str())
        && rest.starts_with(char::is_uppercase))
    .then_some(rest)
}

/// The names of one text made consistent with each other, as a reader would: a name written
/// again where the model missed it is the same name ("Sistani" after "Ali al-Sistani", "IRGC"
/// after "… Corps (IRGC)", "Reuters" found once and missed once); a lone surname of a person
/// named in the text is that person, not a place; a person's name goes on over an "al-" part
/// ("Abu Hussein al-Hamidawi"); a name stops at a possessive inside it; and a place or
/// organisation the gazetteer knows, written as it lists it, is found even where the model
/// missed it (not a lone word at a sentence start); a country is always a place.
fn consistent(
    text: &str,
    l: &Labelled,
    mut spans: Vec<(usize, usize, EntityKind, f32)>,
) -> Vec<(usize, usize, EntityKind, f32)> {
    use super::gazetteer::HashMap;
    let g = gazetteer();
    let toks = &l.toks;
    let word = |k: usize| toks[k].text(text);
    let mut covered = vec![false; toks.len()];
    // Where the rules read a longer name of the same kind around the model's, the rules' name
    // stands ("Islamic Revolutionary Guards Corps" around "Revolutionary Guards Corps").
    let mut r = 0;
    for k in 0..spans.len() {
        let (from, to, kind, _) = spans[k];
        while r < l.rules.len() && l.rules[r].1 <= from {
            r += 1;
        }
        let Some(&(rf, rt, rk)) = l.rules.get(r) else {
            continue;
        };
        let free_before = k == 0 || spans[k - 1].1 <= rf;
        let free_after = spans.get(k + 1).is_none_or(|n| n.0 >= rt);
        if rk == kind && rf <= from && rt >= to && rt - rf > to - from && free_before && free_after
        {
            spans[k].0 = rf;
            spans[k].1 = rt;
        }
    }
    // Where the model is unsure there is no name (its "no name" below `RULE_TAKES_OVER` on
    // average over the words), a name the rules read stands, as sure as the model is unsure:
    // "Kataib Hezbollah". A lone word at a sentence start stays weak (see `find`).
    let mut taken = Vec::new();
    for &(rf, rt, rk) in &l.rules {
        let free = spans.iter().all(|s| s.1 <= rf || s.0 >= rt);
        let none = (rf..rt).map(|k| l.probability[k]).sum::<f32>() / (rt - rf) as f32;
        if free && (rf..rt).all(|k| l.tags[k] == 0) && none < RULE_TAKES_OVER {
            taken.push((rf, rt, rk, 1.0 - none));
        }
    }
    if !taken.is_empty() {
        spans.extend(taken);
        spans.sort_by_key(|s| s.0);
    }
    for span in spans.iter_mut() {
        // A possessive inside ends the name.
        if let Some(j) = (span.0 + 1..span.1).find(|&j| matches!(word(j), "'s" | "\u{2019}s")) {
            span.1 = j;
        }
        if span.2 == EntityKind::Person {
            while span.1 < toks.len()
                && !toks[span.1].line_start
                && particle_name(word(span.1)).is_some()
                && l.tags[span.1] == 0
            {
                span.1 += 1;
            }
        }
        covered[span.0..span.1].fill(true);
    }
    let mut known: HashMap<String, EntityKind> = HashMap::default();
    // The first word of each name known here, with the most words such a name has.
    let mut known_starts: HashMap<String, usize> = HashMap::default();
    let mut know = |key: String, kind: EntityKind| {
        let first = tokens::tokenize(&key);
        if let Some(t) = first.first() {
            let n = known_starts.entry(t.text(&key).to_owned()).or_insert(0);
            *n = (*n).max(first.len() + 1);
        }
        known.entry(key).or_insert(kind);
    };
    // The last words of the people named in full here, with how sure the model is of each.
    let mut surnames: HashMap<String, f32> = HashMap::default();
    for &(from, to, kind, p) in &spans {
        let surface = &text[toks[from].start as usize..toks[to - 1].end as usize];
        if p >= 0.8 {
            know(lookup_key(surface).into_owned(), kind);
        }
        if let Some(a) = acronym_after(text, toks[to - 1].end as usize) {
            know(a, kind);
        }
        if kind == EntityKind::Person && to - from >= 2 {
            let last = word(to - 1);
            let mut note = |w: &str| {
                let sure = surnames.entry(w.to_owned()).or_insert(0.0);
                *sure = sure.max(p);
            };
            note(last);
            if let Some(rest) = particle_name(last) {
                note(rest);
            }
        }
    }
    // A lone surname of a person named here is that person; a country is a place (teams
    // named after one included, as news annotation has it).
    for span in spans.iter_mut() {
        let surface = &text[toks[span.0].start as usize..toks[span.1 - 1].end as usize];
        if g.places
            .get(&*lookup_key(surface))
            .is_some_and(|p| p.1 == PlaceKind::Country)
        {
            span.2 = EntityKind::Place;
        }
        let w = word(span.0);
        if span.1 - span.0 == 1
            && span.2 != EntityKind::Person
            && surnames.contains_key(w)
            && !g.places.contains_key(w)
            && !g.organisations.contains_key(w)
        {
            span.2 = EntityKind::Person;
        }
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = word(i);
        if covered[i] || !w.starts_with(char::is_uppercase) {
            i += 1;
            continue;
        }
        // No known name is longer than the longest starting with this word (one word at least,
        // for a surname).
        let first = lookup_key(w);
        let longest = [features::name_starts(), &known_starts]
            .iter()
            .filter_map(|m| m.get(&*first).copied())
            .max()
            .unwrap_or(1)
            .min(6);
        let mut end = i;
        while end < toks.len()
            && end - i < longest
            && !covered[end]
            && (end == i || !toks[end].line_start)
        {
            end += 1;
        }
        let mut hit = None;
        for stop in (i + 1..=end).rev() {
            let surface = &text[toks[i].start as usize..toks[stop - 1].end as usize];
            let key = lookup_key(surface);
            let key = &*key;
            let lone_start =
                stop - i == 1 && toks[i].sent_start && w.chars().any(char::is_lowercase);
            if let Some(&kind) = known.get(key) {
                hit = Some((stop, kind, 0.7));
            } else if let Some(&sure) = surnames.get(w).filter(|_| stop - i == 1) {
                // A surname is as sure as the full name, at most.
                hit = Some((stop, EntityKind::Person, sure.min(0.6)));
            } else if lone_start
                || (stop - i == 1 && l.lower_elsewhere[i] && w.chars().any(char::is_lowercase))
            {
                // (A lone capitalised word the text writes in lower case elsewhere is that word,
                // not the place or firm the gazetteers know by it: "Guided Tours" beside "guided
                // tours". One in capitals is not the word: "US" beside "us".)
                continue;
            } else if g.places.contains_key(key) {
                hit = Some((stop, EntityKind::Place, 0.6));
            } else if g.organisations.contains_key(key) {
                hit = Some((stop, EntityKind::Org, 0.6));
            }
            if hit.is_some() {
                break;
            }
        }
        match hit {
            Some((stop, kind, p)) => {
                added.push((i, stop, kind, p));
                i = stop;
            }
            None => i += 1,
        }
    }
    spans.extend(added);
    spans.sort_by_key(|s| s.0);
    spans
}

/// Names the model finds in running text `text` (a body or a caption) outside `skip`, and the
/// heading lines it left alone.
pub(crate) fn find(
    model: &Model,
    text: &str,
    field: Field,
    skip: &[(usize, usize)],
) -> (Vec<Found>, Vec<(usize, usize)>) {
    let g = gazetteer();
    let l = label(model, text, skip);
    let mut out = Vec::new();
    let trimmed: Vec<(usize, usize, EntityKind, f32)> = spans(&l)
        .into_iter()
        .filter_map(|(from, to, kind, p)| {
            let (from, to) = trim(text, &l.toks, from, to, kind)?;
            (p >= MIN_PROBABILITY).then_some((from, to, kind, p))
        })
        .collect();
    let names: Vec<_> = consistent(text, &l, trimmed)
        .into_iter()
        .filter_map(|(mut from, to, kind, p)| {
            // The rules' names too: no pronoun, possessive or punctuation in front ("I'm
            // Russell", "'s Butcher").
            let opens = |w: &str| {
                super::entities::is_pronoun(w)
                    || !w.chars().any(char::is_alphanumeric)
                    || matches!(w, "'s" | "\u{2019}s" | "'S" | "\u{2019}S")
                    || INTERJECTIONS.contains(&w.to_lowercase().as_str())
            };
            while from < to && opens(l.toks[from].text(text)) {
                from += 1;
            }
            if from == to || kind != EntityKind::Person {
                return (from < to).then_some((from, to, kind, p));
            }
            let from = sentence_opener(text, &l, from, to);
            let from = after_post(text, &l.toks, from, to);
            let to = pronoun_after(text, &l.toks, from, to);
            // A "person" whose last word ends an organisation's name is that organisation.
            let last = l.toks[to.max(from + 1) - 1].text(text);
            if to - from >= 2 && ORG_ENDS.contains(&last.trim_end_matches('.')) {
                return Some((from, to, EntityKind::Org, p));
            }
            // One whose last word is a street's is that street ("Roosevelt St.").
            if to - from >= 2 && STREET_ENDS.contains(&last) {
                return Some((from, to, EntityKind::Place, p));
            }
            (!not_a_person(text, &l.toks, from, to)).then_some((from, to, kind, p))
        })
        .collect();
    // A name of two words or more written twice in a row ("By Richard Garner Richard Garner is
    // …", an author box whose note opens with the name) is two mentions of it; a name of one
    // word doubled is a name of its own ("Bora Bora").
    let names: Vec<_> = names
        .into_iter()
        .flat_map(|(from, to, kind, p)| {
            let half = (to - from) / 2;
            let twice = half >= 2
                && (to - from) % 2 == 0
                && (0..half)
                    .all(|k| l.toks[from + k].text(text) == l.toks[from + half + k].text(text));
            if twice {
                vec![(from, from + half, kind, p), (from + half, to, kind, p)]
            } else {
                vec![(from, to, kind, p)]
            }
        })
        .collect();
    // Words that stand alone here as an organisation ("GitHub", "HBO"): a person's name never
    // starts with one ("GitHub Copilot", "HBO Max" are its products).
    let lone_orgs: std::collections::HashSet<&str> = names
        .iter()
        .filter(|s| s.2 == EntityKind::Org && s.1 - s.0 == 1)
        .map(|s| l.toks[s.0].text(text))
        .collect();
    let names: Vec<_> = names
        .into_iter()
        .filter(|&(from, to, kind, p)| {
            kind != EntityKind::Person
                || to - from < 2
                || !(lone_orgs.contains(l.toks[from].text(text))
                    || common_words(text, &l, from, to)
                    || (p < SURE_OF_COMMON_SURNAME && common_word(text, &l, to - 1)))
        })
        .collect();
    // The last words of the full names of people here.
    let surnames: std::collections::HashSet<&str> = names
        .iter()
        .filter(|s| s.2 == EntityKind::Person && s.1 - s.0 >= 2)
        .map(|s| l.toks[s.1 - 1].text(text))
        .collect();
    for (from, to, kind, p) in names {
        let start = l.toks[from].start as usize;
        let end = l.toks[to - 1].end as usize;
        let surface = &text[start..end];
        if super::entities::never_a_name(surface) || names_an_illness(&text[end..]) {
            continue;
        }
        let key = lookup_key(surface);
        let canonical = match kind {
            EntityKind::Place => g.places.get(&*key).map(|p| p.0),
            EntityKind::Org => g.organisations.get(&*key).copied(),
            EntityKind::Person => None,
        };
        let known = g.places.contains_key(&*key) || g.organisations.contains_key(&*key);
        // A place the gazetteer does not know needs more than the model's doubt: on web pages
        // most such guesses are products and firms ("PostgreSQL", "Corsair", "Gusto"); and one
        // with a word written as brands are ("JavaScript") is none.
        let brand = || (from..to).any(|k| is_brand_word(l.toks[k].text(text)));
        if kind == EntityKind::Place && canonical.is_none() && (p < MIN_UNKNOWN_PLACE || brand()) {
            continue;
        }
        let confidence = (p * 100.0).round().clamp(1.0, 99.0) as u8;
        out.push(Found {
            field,
            start,
            end,
            kind: Some(kind),
            confidence,
            canonical,
            acronym: acronym_after(text, end),
            // A lone word at a sentence start the model is unsure of, or a lone word taken for a
            // person the text never names in full ("Android", "Alexa"), stands only if the
            // corpus knows it elsewhere.
            weak: to - from == 1
                && !known
                && ((l.toks[from].sent_start && p < 0.9)
                    || (kind == EntityKind::Person && !surnames.contains(surface))),
            rule: MODEL_RULE,
        });
    }
    (out, l.headings)
}

/// The tag of each token of an annotated text from its names: B on a name's first token, I on
/// the rest, O elsewhere.
pub(crate) fn gold_tags(toks: &[Tok], names: &[(usize, usize, EntityKind)]) -> Vec<u8> {
    let mut tags = vec![0u8; toks.len()];
    for &(s, e, kind) in names {
        let mut first = true;
        for (k, t) in toks.iter().enumerate() {
            let start = t.start as usize;
            if start >= s && start < e {
                tags[k] = model::begin(kind) + u8::from(!first);
                first = false;
            }
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::super::entities::{names_in, EntityKind};

    #[test]
    fn reading_only_the_stretches_near_capitals_labels_as_reading_whole_lines() {
        let model = super::model().expect("the model is compiled in");
        let text =
            "The talks in Geneva were led by the foreign minister, Sergei Lavrov, and went on \
                    for hours while the delegates waited in the hall of the old palace.\n\
                    Officials at the Bank of England said on Tuesday that the rates would stay \
                    where they were for now, and the markets barely moved after the news.\n\
                    she said nothing more about it, and nobody in the room asked her again.\n\
                    Copyrights are owned by the Board of Trustees of the University of Illinois \
                    except in cases where the original creator retains the copyright.";
        let l = super::label(model, text, &[]);
        assert!(l.tags.iter().any(|&t| t != 0), "names are found");
        // The same lines read whole, every token labelled.
        let toks = super::tokens::tokenize(text);
        let ctx = super::Context::new(text, &toks);
        let (mut quiet, mut names) = (0, 0);
        for (from, to) in super::lines(&toks) {
            let (mut rows, mut starts) = (Vec::new(), Vec::new());
            let line = (from, to);
            super::features::rows(&ctx, &toks, text, line, model.bits, &mut rows, &mut starts);
            let em = model.emissions(&rows, &starts);
            let best = super::model::viterbi(&em, &model.trans);
            let p = super::model::marginals(&em, &model.trans, model.temperature);
            let near = super::stretches(&ctx, &toks, text, from, to);
            for k in from..to {
                assert_eq!(l.tags[k], best[k - from], "{}", toks[k].text(text));
                if best[k - from] != 0 {
                    names += 1;
                    let whole = p[k - from][usize::from(best[k - from])];
                    assert!(
                        (l.probability[k] - whole).abs() < 0.01,
                        "{}",
                        toks[k].text(text)
                    );
                }
                quiet += usize::from(!near.iter().any(|&(a, b)| (a..b).contains(&k)));
            }
        }
        assert!(names >= 4, "{names} tokens of names");
        assert!(
            quiet * 3 >= toks.len(),
            "{quiet} of {} tokens left unread",
            toks.len()
        );
    }

    #[test]
    fn the_pronoun_after_a_name_is_no_part_of_it() {
        let found = names("There is a new Frankenstein movie from Guillermo del Toro I think many people will see.");
        assert!(
            found
                .iter()
                .any(|(n, k)| n == "Guillermo del Toro" && *k == EntityKind::Person),
            "{found:?}"
        );
        assert!(!found.iter().any(|(n, _)| n.ends_with(" I")), "{found:?}");
    }

    #[test]
    fn brand_words_are_no_names() {
        crate::testing::assert_sorts(
            super::is_brand_word,
            &[
                "PubMed",
                "WorkFit-A",
                "FashionNova",
                "SiliconANGLE",
                "iRunFar",
                "eBay",
                "RedCat",
            ],
            &[
                "McDonald",
                "MacArthur",
                "DiCaprio",
                "LeCun",
                "LaToya",
                "DeShawn",
                "O'Brien",
                "al-Sudani",
                "FitzGerald",
                "Smith",
                "NASA",
                "MacKenzie",
            ],
        );
    }

    /// The people found in `text`, in order.
    fn people(text: &str) -> Vec<String> {
        names(text)
            .into_iter()
            .filter(|(_, kind)| *kind == EntityKind::Person)
            .map(|(name, _)| name)
            .collect()
    }

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        names_in(text)
            .into_iter()
            .map(|(s, e, kind, _)| (text[s..e].to_owned(), kind))
            .collect()
    }

    #[test]
    fn galleries_streets_and_models_are_no_people() {
        let text = "Her photographs hang at the Marian Goodman Gallery this spring. The studio \
                    sits on Roosevelt St. near the river. The Segway Ninebot MAX G2 reaches 28 \
                    mph, and Anna Lopez rode it to work.";
        assert_eq!(people(text), ["Anna Lopez"]);
    }

    #[test]
    fn a_person_named_as_firms_or_medals_are_is_neither() {
        let text = "Last week we talked about Netflix acquiring Warner Bros and what \
                    consolidation means. With those places in mind, Joseph Studios builds \
                    customer profiles. She won the Paul Getty Medal last year.";
        let found = names(text);
        for firm in ["Warner Bros", "Joseph Studios"] {
            assert!(
                found.contains(&(firm.to_owned(), EntityKind::Org)),
                "{found:?}"
            );
        }
        assert!(
            found.iter().all(|(name, _)| !name.contains("Medal")),
            "{found:?}"
        );
    }

    #[test]
    fn a_word_the_text_writes_in_lower_case_is_no_place_the_gazetteer_knows() {
        let text = "When To Choose Guided Tours in Iceland\n\nMany travellers join guided \
                    tours in Iceland, and the US has sent more of them than ever; let us see \
                    why.\n";
        let found = names(text);
        assert!(!found.iter().any(|(n, _)| n == "Tours"), "{found:?}");
        assert!(
            found.contains(&("Iceland".to_owned(), EntityKind::Place)),
            "{found:?}"
        );
        assert!(found.iter().any(|(n, _)| n == "US"), "{found:?}");
    }

    #[test]
    fn the_name_of_an_illness_names_no_one() {
        let text = "Early signs of Alzheimer’s disease are easy to miss, and Parkinson's \
                    Disease is often found late, Dr. Maria Lopez of Boston said.";
        let found = names(text);
        assert!(
            found
                .iter()
                .all(|(name, _)| !name.contains("Alzheimer") && !name.contains("Parkinson")),
            "{found:?}"
        );
        assert!(
            found.contains(&("Maria Lopez".to_owned(), EntityKind::Person)),
            "{found:?}"
        );
    }

    #[test]
    fn a_post_before_a_given_name_is_no_part_of_the_person() {
        let text = "Dental Hygienist Andrea Fernandez said the clinic would open on Monday. \
                    Senior Economist Mark Zandi said rates would fall. Super Mario Run sold \
                    well, said Tyler James Williams.";
        let people = people(text);
        assert!(
            people.contains(&"Andrea Fernandez".to_owned()),
            "{people:?}"
        );
        assert!(people.contains(&"Mark Zandi".to_owned()), "{people:?}");
        // A given name in front is no post; a game's first word neither.
        assert!(
            people
                .iter()
                .all(|p| p != "Mario Run" && p != "James Williams"),
            "{people:?}"
        );
    }

    #[test]
    fn a_name_written_twice_in_a_row_is_two_mentions_of_it() {
        let text = "By Richard Garner Richard Garner is an experienced mortgage broker with over \
                    forty years in home lending. He holds a degree from Widener University.";
        let people = people(text);
        assert_eq!(people, ["Richard Garner", "Richard Garner"], "{people:?}");
    }

    #[test]
    fn pronouns_titles_and_common_words_are_never_names() {
        let text = "She said the President would not attend. I'm sure, He added. \
                    President Emmanuel Macron of France met Prime Minister Keir Starmer in London.\n\
                    Health Secretary Wes Streeting said on Monday they were ready. \
                    Advertisement\nShare this article\nThe Minister declined to comment.\n\
                    Schools bought new PCs for the lab, and CISOs at Microsoft warned of attacks.";
        let found = names(text);
        for junk in [
            "She",
            "I'm",
            "He",
            "President",
            "Minister",
            "Monday",
            "Advertisement",
            "Share",
            "The Minister",
            "PCs",
            "CISOs",
        ] {
            assert!(found.iter().all(|(n, _)| n != junk), "{junk} in {found:?}");
        }
        for (name, kind) in [
            ("Emmanuel Macron", EntityKind::Person),
            ("Keir Starmer", EntityKind::Person),
            ("Wes Streeting", EntityKind::Person),
            ("France", EntityKind::Place),
            ("London", EntityKind::Place),
        ] {
            assert!(
                found.contains(&(name.to_owned(), kind)),
                "{name} not in {found:?}"
            );
        }
    }

    #[test]
    fn products_phrases_and_greetings_are_not_people() {
        let text = "Microsoft said on Tuesday that sales grew. Developers use Microsoft Teams \
                    and Microsoft Copilot every day, the company said.\n\
                    The real estate market cooled. Real Estate agents, said Jane Smith, saw \
                    fewer buyers.\n\
                    Hey Jeff, thanks for the note, wrote Mary Jones.\n\
                    We asked Claude Code to tidy the code, and Claude Code rewrote the code in \
                    an hour, said Bill Gates.\n\
                    The musical won six Tony Awards, and its star, Lea Salonga, was given the \
                    Tiffany Award for her work.";
        let people = people(text);
        for junk in [
            "Microsoft Teams",
            "Microsoft Copilot",
            "Real Estate",
            "Hey Jeff",
            "Claude Code",
            "Tony Awards",
            "Tiffany Award",
        ] {
            assert!(!people.iter().any(|p| p == junk), "{junk} in {people:?}");
        }
        for name in ["Jane Smith", "Mary Jones", "Bill Gates", "Lea Salonga"] {
            assert!(people.iter().any(|p| p == name), "{name} not in {people:?}");
        }
    }

    #[test]
    fn a_name_in_a_title_case_headline_is_found_from_the_body() {
        let text = "Trump Says Tariffs On Steel Will Stay Until Talks Resume\n\
                    Donald Trump said on Tuesday that tariffs would stay. Trump spoke in Ohio.";
        let found = names(text);
        let in_headline: Vec<_> = names_in(text)
            .into_iter()
            .filter(|&(s, _, _, _)| s < text.find('\n').unwrap())
            .map(|(s, e, k, _)| (text[s..e].to_owned(), k))
            .collect();
        assert_eq!(
            in_headline,
            vec![("Trump".to_owned(), EntityKind::Person)],
            "{found:?}"
        );
        assert!(
            found.contains(&("Donald Trump".to_owned(), EntityKind::Person)),
            "{found:?}"
        );
    }
}
