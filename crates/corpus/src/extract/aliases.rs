//! Linking names into entities, within each article and across the corpus, and the user's edits.
//!
//! Within an article:
//! - a lone surname joins the one full name it ends ("Sudani", "al-Sudani" → "Mohammed Shia
//!   al-Sudani");
//! - an acronym joins the name it was given for ("(IRGC)");
//! - a shortened organisation name joins the full one it is cut from ("Revolutionary Guards",
//!   "Guards" → "Islamic Revolutionary Guards Corps"); only when the full name ends in an
//!   organisation word, so "Hezbollah" never joins "Kataib Hezbollah".
//!
//! Across the corpus:
//! - names meet when they spell the same words once case, "al-", apostrophes, accents and
//!   common transliteration variants are set aside ("Qassem"/"Qasem", "Ghaani"/"Qaani",
//!   "Moqtada al-Sadr"/"Muqtada Sadr", "Kata’ib"/"Kataib");
//! - the gazetteer's names meet their aliases ("U.S." → "United States", "Twitter" → "X");
//! - organisations given the same acronym meet;
//! - an article's lone surname joins a full name from another article only when exactly one
//!   person of the corpus has that surname, so "Hussein" stays apart from both Saddam and Fuad.
//!
//! A shared word alone never merges two names. Every merge keeps its evidence, in words.

use super::dates::Field;
use super::entities::{EntityKind, Found, ORG_BEFORE};
use super::gazetteer::{gazetteer, lookup_key};
use crate::DocId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How sure, in percent, the recogniser must be of a person the corpus never names in full (on
/// average over its mentions), and of a person whose name starts with no known given name (at
/// least once).
const PERSON_CONFIDENCE: u32 = 70;

/// How sure, in percent, the recogniser must be of a person whose name starts with no known
/// given name where the text itself treats the name as a person's (see [`person_cue`]).
const CUED_PERSON_CONFIDENCE: u8 = 40;

/// Words next to a name that say a person is meant: "…, Klinsmann said", "said Nandini Rao".
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "asked",
    "wrote",
    "insisted",
    "explained",
    "argued",
    "warned",
    "who",
    "whose",
];

/// What stands before and after `text[start..end]` on its own line.
fn around_on_its_line(text: &str, start: usize, end: usize) -> Option<(&str, &str)> {
    let (before, after) = (text.get(..start)?, text.get(end..)?);
    Some((
        &before[before.rfind('\n').map_or(0, |i| i + 1)..],
        &after[..after.find('\n').unwrap_or(after.len())],
    ))
}

/// Honorifics written capitalised before a name ("Mr Udugov", "Dr. Marna van der Merwe").
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "sir", "dame", "prof"];

/// Whether the words around `text[start..end]`, on its own line, treat it as a person: a verb
/// of saying right before or after it ("said Nandini Rao", "Movladi Udugov told reporters",
/// "…, Udugov said"), or a person title right before it, in lower case as titles are written
/// in running text ("coach Giovanni Trapattoni") or an honorific ("Mr Udugov"). A name after
/// an article ("the Common App says") is no person's, and a name of one or two letters ("Z")
/// is too little to tell.
fn person_cue(text: &str, start: usize, end: usize) -> bool {
    let (Some((before, after)), Some(name)) =
        (around_on_its_line(text, start, end), text.get(start..end))
    else {
        return false;
    };
    if !name
        .split_whitespace()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
    {
        return false;
    }
    let verb = |w: &str| PERSON_VERBS.contains(&w.trim_end_matches([',', '.', ';', ':', '"']));
    let next = after
        .strip_prefix(',')
        .unwrap_or(after)
        .split_whitespace()
        .next();
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    if matches!(
        words.first(),
        Some(&"the" | &"a" | &"an" | &"The" | &"A" | &"An")
    ) {
        return false;
    }
    if next.is_some_and(verb) {
        return true;
    }
    match words.first() {
        None => return false,
        Some(&w) if PERSON_VERBS.contains(&w) => return true,
        Some(&w) if w.ends_with([',', ';', ':', '"']) => return false,
        _ => {}
    }
    // A title of up to three words, ending right before the name.
    let titles = &gazetteer().titles;
    let mut phrase = String::new();
    for (n, w) in words.iter().enumerate() {
        if n > 0 && w.ends_with([',', '.', ';', ':', '"']) {
            break;
        }
        phrase = if phrase.is_empty() {
            (*w).to_owned()
        } else {
            format!("{w} {phrase}")
        };
        let key = phrase.trim_end_matches('.').to_lowercase();
        let lower = !phrase.chars().any(char::is_uppercase) && !phrase.ends_with('.');
        if (lower && titles.contains(&key)) || (n == 0 && HONORIFICS.contains(&key.as_str())) {
            return true;
        }
    }
    false
}

/// Nouns for an organisation that are also a person's job ("producer Robert Simonds"): no
/// evidence either way.
const PERSON_ROLES: &[&str] = &[
    "producer",
    "developer",
    "operator",
    "publisher",
    "distributor",
    "supplier",
    "miner",
    "militia",
];

/// Whether the text calls `text[start..end]` an organisation, on its own line: a lower-case
/// noun for one right before it ("VC firm Andreessen Horowitz", "startup Lexaro"), or an
/// apposition after it whose head is such a noun ("Andreessen Horowitz, a leading venture
/// capital firm,"; not "Jane Roe, a former bank manager").
fn org_cue(text: &str, start: usize, end: usize) -> bool {
    let Some((before, after)) = around_on_its_line(text, start, end) else {
        return false;
    };
    let org_noun = |w: &str| ORG_BEFORE.contains(&w) && !PERSON_ROLES.contains(&w);
    if before.split_whitespace().next_back().is_some_and(org_noun) {
        return true;
    }
    let Some(apposition) = after.strip_prefix(", ") else {
        return false;
    };
    let mut words = apposition.split_whitespace();
    if !words
        .next()
        .is_some_and(|w| matches!(w, "a" | "an" | "the"))
    {
        return false;
    }
    for w in words.take(5) {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
        if bare.len() < w.len() {
            return org_noun(bare);
        }
        if !bare.chars().all(|c| c.is_lowercase() || c == '-') {
            return false;
        }
    }
    false
}

/// How sure, in percent on average, the recogniser must be of a person written only as a given
/// name alone, in more than one article.
const GIVEN_NAME_ALONE_CONFIDENCE: u32 = 80;

/// The position of an entity in its corpus.
pub type EntityId = u32;

/// One mention of an entity in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The field it stands in.
    pub field: Field,
    /// Byte offset into that field's text.
    pub start: u32,
    /// End byte offset (exclusive).
    pub end: u32,
    /// What it was taken for.
    pub kind: EntityKind,
    /// The entity it belongs to.
    pub entity: EntityId,
    /// How sure the recogniser was, in percent.
    pub confidence: u8,
}

/// One way an entity is written, and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Form {
    /// The text as it stands in the articles.
    pub text: String,
    /// How many mentions use it.
    pub count: u32,
}

/// A person, organisation or place, with every form it was found under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Its number in the corpus.
    pub id: EntityId,
    /// Its canonical name.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// The forms it was found under, most used first.
    pub forms: Vec<Form>,
    /// The articles that mention it (copies included), in id order.
    pub documents: Vec<DocId>,
    /// Why its forms were put together, in words.
    pub evidence: Vec<String>,
    /// Hidden by the user: kept, but not listed.
    pub hidden: bool,
}

/// Names an entity by what it is and what it is called, so an edit still finds it after the
/// corpus is built again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRef {
    /// What it is.
    pub kind: EntityKind,
    /// Its canonical name.
    pub name: String,
}

/// A user's change to the entities, kept with the corpus and applied again after a rebuild.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntityEdit {
    /// Put the second entity's mentions into the first.
    Merge {
        /// The entity that stays.
        into: EntityRef,
        /// The entity that joins it.
        from: EntityRef,
    },
    /// Take the mentions written `form` out of an entity into a new one named `form`.
    Split {
        /// The entity.
        entity: EntityRef,
        /// The form that goes.
        form: String,
    },
    /// Give an entity another name.
    Rename {
        /// The entity.
        entity: EntityRef,
        /// Its new name.
        name: String,
    },
    /// Hide an entity from the lists, or show it again.
    Hide {
        /// The entity.
        entity: EntityRef,
        /// Hidden or shown.
        hidden: bool,
    },
}

/// The words of a name, made comparable across spellings: lower case, no accents, no "al-",
/// no apostrophes, and common transliteration variants folded ("gh"→"q", "o"→"u", "ee"→"i",
/// doubled letters single).
pub(crate) fn skeleton(name: &str) -> String {
    let key = lookup_key(name).to_lowercase();
    let mut words = Vec::new();
    for word in key.split(|c: char| c.is_whitespace() || c == '-') {
        if word.is_empty() || matches!(word, "al" | "el" | "the") {
            continue;
        }
        let mut plain = String::with_capacity(word.len());
        for c in word.chars() {
            match fold_accent(c) {
                Some(c) if c.is_alphanumeric() => plain.push(c),
                _ => {}
            }
        }
        if let Some(stem) = plain.strip_suffix("iy") {
            // Zelenskiy / Zelensky.
            plain = format!("{stem}y");
        }
        let mut s = plain
            .replace("gh", "q")
            .replace("ou", "u")
            .replace("oo", "u")
            .replace("ee", "i")
            .replace("ei", "ai")
            .replace("ph", "f")
            .replace('o', "u");
        let mut collapsed = String::with_capacity(s.len());
        let mut last = None;
        for c in s.drain(..) {
            if Some(c) != last {
                collapsed.push(c);
            }
            last = Some(c);
        }
        if !collapsed.is_empty() {
            words.push(collapsed);
        }
    }
    words.join(" ")
}

fn fold_accent(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ş' | 'š' | 'ś' => 's',
        'ğ' => 'g',
        'ž' | 'ź' | 'ż' => 'z',
        'đ' => 'd',
        'ł' => 'l',
        c => c,
    })
}

fn word_count(form: &str) -> usize {
    lookup_key(form).split_whitespace().count()
}

/// What a full name is matched by: its kind and its gazetteer name or skeleton. None for a
/// lone word or a name of unknown kind.
fn name_key(item: &Item) -> Option<(EntityKind, String)> {
    let kind = item.found.kind?;
    match item.found.canonical {
        Some(c) => Some((kind, format!("={c}"))),
        None if item.spelled.words > 1 && kind == EntityKind::Person => {
            Some((kind, item.spelled.person.clone()))
        }
        None if item.spelled.words > 1 => Some((kind, item.spelled.skeleton.clone())),
        None => None,
    }
}

/// A person's full name made comparable: the skeleton, with the given name reduced to its
/// consonants, since given names are transliterated most freely ("Mohammad"/"Mohammed",
/// "Hasan"/"Hassan"). The other words must still agree.
fn person_key(skeleton: &str) -> String {
    match skeleton.split_once(' ') {
        Some((given, rest)) => {
            let mut letters = given.chars();
            let first: String = letters.next().into_iter().collect();
            let consonants: String = letters.filter(|c| !"aeiouy".contains(*c)).collect();
            format!("{first}{consonants} {rest}")
        }
        None => skeleton.to_owned(),
    }
}

/// One name found, ready to link.
struct Item {
    doc: usize,
    found: Found,
    /// The text as written, apostrophes and spaces made plain.
    form: String,
    /// The comparable spellings of `form`, worked out once per distinct form.
    spelled: std::rc::Rc<Spellings>,
}

/// A form's comparable spellings.
struct Spellings {
    /// [`skeleton`] of the whole form.
    skeleton: String,
    /// The skeleton's last word.
    surname: String,
    /// [`person_key`] of the form.
    person: String,
    /// For an organisation name ending in an organisation word, the skeleton of what stands
    /// before that word.
    core: Option<String>,
    /// How many words the form has.
    words: usize,
}

impl Spellings {
    fn of(form: &str) -> Spellings {
        let skeleton = skeleton(form);
        let words: Vec<&str> = form.split_whitespace().collect();
        let core = match words.split_last() {
            Some((head, rest))
                if !rest.is_empty()
                    && super::gazetteer::gazetteer()
                        .org_heads
                        .contains(&head.to_lowercase()) =>
            {
                Some(self::skeleton(&rest.join(" ")))
            }
            _ => None,
        };
        // The last word that is not a generational suffix: "Ferdinand Marcos Jr." → "marcus".
        let surname = skeleton
            .rsplit(' ')
            .find(|w| !matches!(*w, "jr" | "sr" | "i" | "ii" | "iii" | "iv"))
            .unwrap_or_default()
            .to_owned();
        Spellings {
            surname,
            person: person_key(&skeleton),
            skeleton,
            core,
            words: words.len(),
        }
    }
}

/// A union-find over items.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn new(n: usize) -> Self {
        Groups {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins two groups; the smaller index stays the root, so results do not depend on order.
    fn join(&mut self, a: usize, b: usize) -> bool {
        let (a, b) = (self.root(a), self.root(b));
        if a == b {
            return false;
        }
        let (keep, go) = if a < b { (a, b) } else { (b, a) };
        self.parent[go] = keep;
        true
    }
}

/// Links every document's names into entities. `found[d]` holds document `d`'s names and
/// `text(d, field)` gives a field's text. Returns the entities and each document's mentions.
pub(crate) fn link<'a>(
    found: Vec<Vec<Found>>,
    ids: &[DocId],
    text: impl Fn(usize, Field) -> &'a str,
) -> (Vec<Entity>, Vec<Vec<Mention>>) {
    let docs = found.len();
    let mut items: Vec<Item> = Vec::new();
    let mut memo: HashMap<String, std::rc::Rc<Spellings>> = HashMap::new();
    for (doc, list) in found.into_iter().enumerate() {
        for f in list {
            let form = lookup_key(&text(doc, f.field)[f.start..f.end]).into_owned();
            let spelled = memo
                .entry(form.clone())
                .or_insert_with(|| std::rc::Rc::new(Spellings::of(&form)))
                .clone();
            items.push(Item {
                doc,
                found: f,
                form,
                spelled,
            });
        }
    }
    let mut groups = Groups::new(items.len());
    let mut evidence: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut note = |groups: &mut Groups, a: usize, b: usize, why: String| {
        if groups.join(a, b) {
            evidence.entry(a.min(b)).or_default().insert(why);
        }
    };
    let full = |item: &Item| item.found.canonical.is_some() || item.spelled.words > 1;

    // Within each article.
    let mut by_doc: Vec<Vec<usize>> = vec![Vec::new(); docs];
    for (i, item) in items.iter().enumerate() {
        by_doc[item.doc].push(i);
    }
    for members in &by_doc {
        // Its full names, one item per name; the same name twice is joined with the corpus's.
        let mut names: BTreeMap<(EntityKind, String), usize> = BTreeMap::new();
        let mut acronyms: BTreeMap<String, usize> = BTreeMap::new();
        for &i in members {
            let Some(key) = name_key(&items[i]) else {
                continue;
            };
            names.entry(key).or_insert(i);
            if let Some(acronym) = &items[i].found.acronym {
                acronyms.entry(acronym.clone()).or_insert(i);
            }
        }
        let people: Vec<usize> = names
            .iter()
            .filter(|((kind, key), _)| *kind == EntityKind::Person && key.contains(' '))
            .map(|(_, &i)| i)
            .collect();
        let organisations: Vec<usize> = names
            .iter()
            .filter(|((kind, _), _)| *kind == EntityKind::Org)
            .map(|(_, &i)| i)
            .collect();
        for &i in members {
            let item = &items[i];
            if item.found.canonical.is_some() {
                continue;
            }
            // An acronym given for a name in this article.
            if let Some(&j) = acronyms.get(&item.form) {
                if j != i {
                    let why = format!(
                        "“{}” is given as the acronym of “{}”",
                        item.form, items[j].form
                    );
                    note(&mut groups, j, i, why);
                    continue;
                }
            }
            // A surname alone: the one full name of this article it ends.
            if item.spelled.words == 1 && matches!(item.found.kind, None | Some(EntityKind::Person))
            {
                let last = &item.spelled.surname;
                let matches: Vec<usize> = people
                    .iter()
                    .copied()
                    .filter(|&p| &items[p].spelled.surname == last)
                    .collect();
                // Two people of that surname: the one named last before it ("Lucas Silva …
                // Mateus Silva … Silva" is Mateus), as reporters write.
                let position = |k: usize| (items[k].found.field, items[k].found.start);
                let nearest = matches
                    .iter()
                    .copied()
                    .filter(|&p| position(p) < position(i))
                    .max_by_key(|&p| position(p));
                let chosen = match matches[..] {
                    [p] => Some(p),
                    [_, _, ..] => nearest,
                    [] => None,
                };
                if let Some(p) = chosen {
                    let why = format!("“{}” is the surname of “{}”", item.form, items[p].form);
                    note(&mut groups, p, i, why);
                    continue;
                }
            }
            // A shortened organisation name.
            if matches!(
                item.found.kind,
                None | Some(EntityKind::Org) | Some(EntityKind::Person)
            ) {
                let short = &item.spelled.skeleton;
                // A person's full name is no short form of what is named after them ("Martin
                // Parr" and the "Martin Parr Foundation").
                let person = item.found.kind == Some(EntityKind::Person) && item.spelled.words > 1;
                let matches: Vec<usize> = organisations
                    .iter()
                    .copied()
                    .filter(|&o| o != i && shortens(short, &items[o]))
                    .filter(|&o| !(person && named_after_someone(&items[o].form)))
                    .collect();
                if let [o] = matches[..] {
                    let why = format!("“{}” is short for “{}”", item.form, items[o].form);
                    note(&mut groups, o, i, why);
                    continue;
                }
            }
        }
        // The same single word twice in one article is one entity.
        let mut singles: BTreeMap<String, usize> = BTreeMap::new();
        for &i in members {
            let item = &items[i];
            if full(item) {
                continue;
            }
            let first = *singles.entry(item.form.clone()).or_insert(i);
            if first != i {
                groups.join(first, i);
            }
        }
    }

    // Across the corpus: the same full name, the same gazetteer name, the same acronym.
    let mut names: BTreeMap<(EntityKind, String), usize> = BTreeMap::new();
    let mut acronyms: BTreeMap<String, usize> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        let Some((kind, key)) = name_key(item) else {
            continue;
        };
        match names.get(&(kind, key.clone())) {
            Some(&j) => {
                let why = if items[j].form == item.form {
                    None
                } else if let Some(c) = item.found.canonical {
                    Some(format!("“{}” is a known name of {c}", item.form))
                } else {
                    Some(format!(
                        "“{}” and “{}” spell the same name",
                        items[j].form, item.form
                    ))
                };
                match why {
                    Some(why) => note(&mut groups, j, i, why),
                    None => {
                        groups.join(j, i);
                    }
                }
            }
            None => {
                names.insert((kind, key), i);
            }
        }
        if kind == EntityKind::Org {
            if let Some(acronym) = &item.found.acronym {
                match acronyms.get(acronym) {
                    Some(&j) => {
                        let why = format!(
                            "“{}” and “{}” are both given the acronym {acronym}",
                            items[j].form, item.form
                        );
                        note(&mut groups, j, i, why);
                    }
                    None => {
                        acronyms.insert(acronym.clone(), i);
                    }
                }
            }
        }
    }
    // Lone names that found nothing in their own article.
    let mut people_by_surname: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        if item.found.kind == Some(EntityKind::Person) && full(item) {
            let root = groups.root(i);
            people_by_surname
                .entry(item.spelled.surname.clone())
                .or_default()
                .insert(root);
        }
    }
    let mut forms: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        if item.found.kind.is_some() && !item.found.weak {
            let root = groups.root(i);
            forms.entry(item.form.clone()).or_default().insert(root);
        }
    }
    let mut is_full = vec![false; items.len()];
    for (i, item) in items.iter().enumerate() {
        if full(item) {
            let root = groups.root(i);
            is_full[root] = true;
        }
    }
    // The articles each full name is written in, and those each lone name is left alone in: a
    // lone name joins a full name of other articles only when that name is written in full in
    // at least half as many articles as the lone name stands alone in ("Trump" in nine
    // articles never joins "Things Trump" of one).
    let mut full_docs: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut lone_docs: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        let root = groups.root(i);
        if full(item) {
            full_docs.entry(root).or_default().insert(item.doc);
        } else if !is_full[root] {
            lone_docs
                .entry(item.form.as_str())
                .or_default()
                .insert(item.doc);
        }
    }
    let dominant = |full_docs: &BTreeMap<usize, BTreeSet<usize>>, r: usize, form: &str| {
        let full = full_docs.get(&r).map_or(0, BTreeSet::len);
        let lone = lone_docs.get(form).map_or(0, BTreeSet::len);
        lone <= 2 * full
    };
    for i in 0..items.len() {
        let root = groups.root(i);
        if is_full[root] {
            continue;
        }
        let item = &items[i];
        // A given name alone ("John", "Carl") is no surname: in another article it is anyone
        // of that name, not the one full name of the corpus written with it.
        let given_name = matches!(item.found.kind, None | Some(EntityKind::Person))
            && gazetteer().given_names.contains(item.form.as_str());
        let exact: BTreeSet<usize> = forms
            .get(&item.form)
            .map(|roots| roots.iter().map(|&r| groups.root(r)).collect())
            .unwrap_or_default();
        let exact_full: Vec<usize> = exact
            .iter()
            .copied()
            .filter(|&r| r != root && is_full[r])
            .collect();
        let target = if given_name {
            None
        } else if let [r] = exact_full[..] {
            dominant(&full_docs, r, &item.form).then(|| {
                (
                    r,
                    format!(
                        "“{}” names “{}” elsewhere in the corpus",
                        item.form, items[r].form
                    ),
                )
            })
        } else if matches!(item.found.kind, None | Some(EntityKind::Person)) {
            let candidates: BTreeSet<usize> = people_by_surname
                .get(&item.spelled.surname)
                .map(|roots| roots.iter().map(|&r| groups.root(r)).collect())
                .unwrap_or_default();
            // The one person of that surname, or the one the corpus names in full in at least
            // three times as many articles as any other of that surname.
            let count = |r: usize| full_docs.get(&r).map_or(0, BTreeSet::len);
            let mut by_count: Vec<usize> = candidates.iter().copied().collect();
            by_count.sort_by_key(|&r| std::cmp::Reverse(count(r)));
            match by_count[..] {
                [r] if dominant(&full_docs, r, &item.form) => Some((
                    r,
                    format!(
                        "“{}” is the surname of “{}”, the only person of that name in the corpus",
                        item.form, items[r].form
                    ),
                )),
                [r, next, ..] if count(r) >= 3 * count(next) && dominant(&full_docs, r, &item.form) => {
                    Some((
                        r,
                        format!(
                            "“{}” is the surname of “{}”, named in full in {} articles, the other people of that name in at most {}",
                            item.form, items[r].form, count(r), count(next)
                        ),
                    ))
                }
                _ => None,
            }
        } else {
            None
        };
        match target {
            Some((r, why)) => {
                note(&mut groups, r, i, why);
                let joined = groups.root(i);
                is_full[joined] = true;
                if joined != r {
                    if let Some(docs) = full_docs.remove(&r) {
                        full_docs.entry(joined).or_default().extend(docs);
                    }
                }
            }
            None => {
                // The same lone name in several articles (not a full name it was refused).
                if let Some(&r) = exact.iter().find(|&&r| r != root && !is_full[r]) {
                    groups.join(r, i);
                }
            }
        }
    }

    // The entities: one per group, typed by its members, named by its fullest form.
    let mut root_members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let root = groups.root(i);
        root_members.entry(root).or_default().push(i);
    }
    let mut evidence_of: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for (at, reasons) in evidence {
        let root = groups.root(at);
        evidence_of.entry(root).or_default().extend(reasons);
    }
    let mut entities = Vec::new();
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); docs];
    for (root, members) in root_members {
        // Full names decide the kind when there are any: a lone surname's context is weaker.
        let any_full = members.iter().any(|&i| full(&items[i]));
        let mut votes: BTreeMap<EntityKind, u32> = BTreeMap::new();
        for &i in members.iter().filter(|&&i| !any_full || full(&items[i])) {
            if let Some(kind) = items[i].found.kind {
                *votes.entry(kind).or_default() += u32::from(items[i].found.confidence);
            }
        }
        let all_weak = members.iter().all(|&i| items[i].found.weak);
        if all_weak {
            continue;
        }
        let kind = votes
            .iter()
            .max_by_key(|(kind, votes)| (**votes, std::cmp::Reverse(**kind)))
            .map(|(kind, _)| *kind)
            .unwrap_or(EntityKind::Person);
        // A "person" the text calls a firm, never a person ("VC firm Andreessen Horowitz",
        // "Andreessen Horowitz, a leading venture capital firm,") is an organisation.
        let kind = if kind == EntityKind::Person
            && members.iter().any(|&i| {
                let f = &items[i].found;
                org_cue(text(items[i].doc, f.field), f.start, f.end)
            })
            && !members.iter().any(|&i| {
                let f = &items[i].found;
                person_cue(text(items[i].doc, f.field), f.start, f.end)
            }) {
            EntityKind::Org
        } else {
            kind
        };
        // A person the corpus never names in full ("Python", "Gartner", "Mac" read as people)
        // stands only where the recogniser is sure of it on average.
        // A given name alone in several articles is many people, or a thing named like one
        // ("Ruby", "Alexa", "Siri"): it needs more.
        let given_name_alone = members
            .iter()
            .map(|&i| items[i].doc)
            .collect::<BTreeSet<_>>()
            .len()
            > 1
            && members
                .iter()
                .all(|&i| gazetteer().given_names.contains(items[i].form.as_str()));
        let needed = if given_name_alone {
            GIVEN_NAME_ALONE_CONFIDENCE
        } else {
            PERSON_CONFIDENCE
        };
        let sure = members
            .iter()
            .map(|&i| u32::from(items[i].found.confidence))
            .sum::<u32>()
            >= needed * members.len() as u32;
        // A person whose name starts with no known given name stands where the recogniser was
        // sure of it at least once: a product or a phrase read as a person ("Apache Spark",
        // "Peace Lily", "Gen Z") is a guess everywhere it is written.
        let best = members
            .iter()
            .map(|&i| u32::from(items[i].found.confidence))
            .max()
            .unwrap_or(0);
        let given_name = members.iter().any(|&i| {
            full(&items[i])
                && items[i]
                    .form
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| gazetteer().given_names.contains(w))
        });
        // Or where the text treats it as a person: a title before it, "said" after it.
        let cued = || {
            members.iter().any(|&i| {
                let f = &items[i].found;
                f.confidence >= CUED_PERSON_CONFIDENCE
                    && person_cue(text(items[i].doc, f.field), f.start, f.end)
            })
        };
        if kind == EntityKind::Person
            && ((!any_full && !sure) || (!given_name && best < PERSON_CONFIDENCE && !cued()))
        {
            continue;
        }
        let name = members
            .iter()
            .find_map(|&i| items[i].found.canonical)
            .map(str::to_owned)
            .unwrap_or_else(|| fullest_form(&items, &members));
        // A name only ever written in capitals ("BALTIMORE" in a table of results) is listed
        // as the gazetteer spells it, when it knows it; an acronym stays as it is.
        let name = super::entities::capitalised_words(&name)
            .filter(|words| {
                let g = gazetteer();
                g.places.contains_key(words) || g.organisations.contains_key(words)
            })
            .unwrap_or(name);
        if kind == EntityKind::Org && common_acronym(&name, &items, &members, &text) {
            continue;
        }
        let id = EntityId::try_from(entities.len()).unwrap_or(EntityId::MAX);
        for &i in &members {
            let item = &items[i];
            let confidence = if item.found.kind.is_some() {
                item.found.confidence
            } else {
                item.found.confidence.min(50)
            };
            mentions[item.doc].push(Mention {
                field: item.found.field,
                start: item.found.start as u32,
                end: item.found.end as u32,
                kind,
                entity: id,
                confidence,
            });
        }
        entities.push(Entity {
            id,
            name,
            kind,
            forms: Vec::new(),
            documents: Vec::new(),
            evidence: evidence_of.remove(&root).into_iter().flatten().collect(),
            hidden: false,
        });
    }
    for list in &mut mentions {
        list.sort_by_key(|m| (m.field, m.start));
    }
    recount(&mut entities, &mentions, ids, &text);
    (entities, mentions)
}

/// Words before a common noun that rarely stand before an organisation's name.
const COMMON_NOUN_DETERMINERS: &[&str] = &[
    "a", "an", "your", "our", "their", "my", "its", "any", "every", "each", "more", "much",
];

/// How many uses of an acronym tell how it is used.
const ACRONYM_USES: usize = 15;

/// Whether an organisation named by an acronym is a common noun written in capitals ("API",
/// "UI", "ROI"): in the texts that name it, at least one use in five takes an indefinite
/// article, a possessive pronoun or a plural ("an API", "your ROI", "APIs"), which an
/// organisation's name rarely does; or, over many uses, it never takes a possessive ("NASA's")
/// and seldom "the" ("the FBI"), as organisations do and things named by an acronym ("USB",
/// "JSON", "HTML") do not.
fn common_acronym<'a>(
    name: &str,
    items: &[Item],
    members: &[usize],
    text: &impl Fn(usize, Field) -> &'a str,
) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if !(2..=6).contains(&letters) || name.chars().any(|c| c.is_lowercase() || c == ' ') {
        return false;
    }
    let fields: BTreeSet<(usize, Field)> = members
        .iter()
        .map(|&i| (items[i].doc, items[i].found.field))
        .collect();
    let (mut uses, mut common, mut possessive, mut the) = (0usize, 0usize, 0usize, 0usize);
    for (doc, field) in fields {
        let t = text(doc, field);
        for (at, _) in t.match_indices(name) {
            let before = &t[..at];
            let after = &t[at + name.len()..];
            let starts_word = !before
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let plural = after
                .strip_prefix('s')
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric));
            let ends_word = plural || !after.starts_with(char::is_alphanumeric);
            if !starts_word || !ends_word {
                continue;
            }
            uses += 1;
            if spelled_out_in_lower_case(name, before) {
                // "user interface (UI)": the text itself says it is a common noun.
                return true;
            }
            let lower = before.trim_end().to_lowercase();
            let article = before.ends_with(' ')
                && COMMON_NOUN_DETERMINERS.iter().any(|d| {
                    lower == *d || lower.strip_suffix(d).is_some_and(|r| r.ends_with(' '))
                });
            if plural || article {
                common += 1;
            }
            if after.starts_with("'s") || after.starts_with("’s") {
                possessive += 1;
            }
            if lower == "the" || lower.ends_with(" the") {
                the += 1;
            }
        }
    }
    uses > 0 && common * 5 >= uses || uses >= ACRONYM_USES && possessive == 0 && the * 10 < uses
}

/// Whether the text before an acronym spells it out in lower-case words and opens a bracket on
/// it: "a user interface (" before "UI", "return on investment (" before "ROI"; but "Federal
/// Bureau of Investigation (" before "FBI".
fn spelled_out_in_lower_case(acronym: &str, before: &str) -> bool {
    let Some(phrase) = before.trim_end().strip_suffix('(') else {
        return false;
    };
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let words: Vec<&str> = phrase
        .split_whitespace()
        .rev()
        .take(letters.len())
        .collect();
    words.len() == letters.len()
        && words
            .iter()
            .rev()
            .zip(&letters)
            .all(|(word, &letter)| word.starts_with(letter))
}

/// The last words of the organisations named after a person ("Martin Parr Foundation", "Carter
/// Center", "Johns Hopkins University").
const NAMED_AFTER: &[&str] = &[
    "academy",
    "center",
    "centre",
    "college",
    "foundation",
    "fund",
    "hospital",
    "institute",
    "library",
    "museum",
    "school",
    "society",
    "trust",
    "university",
];

/// Whether an organisation's name ends in a word of those named after a person.
fn named_after_someone(form: &str) -> bool {
    form.rsplit(' ')
        .next()
        .is_some_and(|last| NAMED_AFTER.contains(&last.to_lowercase().as_str()))
}

/// Whether `short` (a skeleton) is an organisation's name cut short: the full name ends in an
/// organisation word, and `short` is the end of what stands before it.
fn shortens(short: &str, org: &Item) -> bool {
    if org.found.canonical.is_some() || short.len() < 4 {
        return false;
    }
    org.spelled.core.as_deref().is_some_and(|core| {
        core == short || core.strip_suffix(short).is_some_and(|s| s.ends_with(' '))
    })
}

/// The form with the most words, then not in capitals, then the most used, then the first seen.
fn fullest_form(items: &[Item], members: &[usize]) -> String {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (order, &i) in members.iter().enumerate() {
        let entry = counts.entry(items[i].form.as_str()).or_insert((0, order));
        entry.0 += 1;
    }
    counts
        .iter()
        .max_by_key(|(form, (count, order))| {
            // A name as it is written in text, not in a headline or a credit in capitals
            // ("Emily Way", not "EMILY WAY").
            let capitals =
                form.chars().any(char::is_uppercase) && !form.chars().any(char::is_lowercase);
            (
                word_count(form),
                !capitals,
                *count,
                std::cmp::Reverse(*order),
                form.starts_with(char::is_lowercase),
            )
        })
        .map(|(form, _)| (*form).to_owned())
        .unwrap_or_default()
}

/// Recomputes each entity's forms and documents from the mentions.
pub(crate) fn recount<'a>(
    entities: &mut [Entity],
    mentions: &[Vec<Mention>],
    ids: &[DocId],
    text: &impl Fn(usize, Field) -> &'a str,
) {
    let mut forms: Vec<BTreeMap<String, u32>> = vec![BTreeMap::new(); entities.len()];
    let mut documents: Vec<Vec<DocId>> = vec![Vec::new(); entities.len()];
    for (doc, list) in mentions.iter().enumerate() {
        for m in list {
            let e = m.entity as usize;
            let Some(field) = text(doc, m.field).get(m.start as usize..m.end as usize) else {
                continue;
            };
            if let Some(f) = forms.get_mut(e) {
                *f.entry(field.to_owned()).or_default() += 1;
            }
            if let Some(d) = documents.get_mut(e) {
                if d.last() != Some(&ids[doc]) {
                    d.push(ids[doc]);
                }
            }
        }
    }
    for ((entity, forms), documents) in entities.iter_mut().zip(forms).zip(documents) {
        let mut forms: Vec<Form> = forms
            .into_iter()
            .map(|(text, count)| Form { text, count })
            .collect();
        forms.sort_by(|a, b| b.count.cmp(&a.count).then(a.text.cmp(&b.text)));
        entity.forms = forms;
        entity.documents = documents;
    }
}

/// The listed entity a reference names: of that kind and name, with mentions (an entity merged
/// away keeps its number but has none).
pub(crate) fn find(entities: &[Entity], r: &EntityRef) -> Option<EntityId> {
    entities
        .iter()
        .find(|e| e.kind == r.kind && e.name == r.name && !e.documents.is_empty())
        .map(|e| e.id)
}

/// Applies one edit to linked entities. Returns false when the edit's entities are not there
/// (the corpus changed since): the edit is then skipped.
pub(crate) fn apply_edit<'a>(
    entities: &mut Vec<Entity>,
    mentions: &mut [Vec<Mention>],
    ids: &[DocId],
    text: &impl Fn(usize, Field) -> &'a str,
    edit: &EntityEdit,
) -> bool {
    let find = |entities: &Vec<Entity>, r: &EntityRef| find(entities, r).map(|id| id as usize);
    match edit {
        EntityEdit::Merge { into, from } => {
            let (Some(a), Some(b)) = (find(entities, into), find(entities, from)) else {
                return false;
            };
            if a == b {
                return false;
            }
            for list in mentions.iter_mut() {
                for m in list.iter_mut() {
                    if m.entity as usize == b {
                        m.entity = a as EntityId;
                        m.kind = entities[a].kind;
                    }
                }
            }
            let moved = std::mem::take(&mut entities[b].evidence);
            let from_name = entities[b].name.clone();
            entities[a].evidence.extend(moved);
            entities[a]
                .evidence
                .push(format!("“{from_name}” merged in by the user"));
            // The emptied entity keeps its number, so ids the page holds stay valid; with no
            // mentions it is never listed.
            entities[b].hidden = true;
        }
        EntityEdit::Split { entity, form } => {
            let Some(a) = find(entities, entity) else {
                return false;
            };
            let new_id = entities.len() as EntityId;
            let mut moved = false;
            for (doc, list) in mentions.iter_mut().enumerate() {
                for m in list.iter_mut() {
                    let written = text(doc, m.field).get(m.start as usize..m.end as usize);
                    if m.entity as usize == a && written == Some(form.as_str()) {
                        m.entity = new_id;
                        moved = true;
                    }
                }
            }
            if !moved {
                return false;
            }
            let kind = entities[a].kind;
            entities.push(Entity {
                id: new_id,
                name: form.clone(),
                kind,
                forms: Vec::new(),
                documents: Vec::new(),
                evidence: vec![format!("split from “{}” by the user", entities[a].name)],
                hidden: false,
            });
        }
        EntityEdit::Rename { entity, name } => {
            let Some(a) = find(entities, entity) else {
                return false;
            };
            let name = name.trim();
            if name.is_empty() {
                return false;
            }
            entities[a].name = name.to_owned();
        }
        EntityEdit::Hide { entity, hidden } => {
            let Some(a) = find(entities, entity) else {
                return false;
            };
            entities[a].hidden = *hidden;
        }
    }
    recount(entities, mentions, ids, text);
    true
}

/// Which entities appear together with `id` most, by number of shared documents. `mentions`
/// holds each document's mentions by id; an empty list leaves a document out (a copy, say).
pub(crate) fn co_occurring(
    entities: &[Entity],
    mentions: &[&[Mention]],
    id: EntityId,
    limit: usize,
) -> Vec<(EntityId, usize)> {
    let Some(entity) = entities.get(id as usize) else {
        return Vec::new();
    };
    let mut counts: HashMap<EntityId, usize> = HashMap::new();
    for &doc in &entity.documents {
        let Some(list) = mentions.get(doc as usize) else {
            continue;
        };
        let seen: BTreeSet<EntityId> = list.iter().map(|m| m.entity).collect();
        for other in seen {
            if other != id && !entities.get(other as usize).is_some_and(|e| e.hidden) {
                *counts.entry(other).or_default() += 1;
            }
        }
    }
    let mut out: Vec<(EntityId, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name read in a body's bytes `start..end`.
    fn body_name(start: usize, end: usize, kind: EntityKind, confidence: u8) -> Found {
        Found {
            field: Field::Body,
            start,
            end,
            kind: Some(kind),
            confidence,
            canonical: None,
            acronym: None,
            weak: false,
            rule: "test",
        }
    }

    /// Every mention of each (surface, kind, confidence) in each text, linked.
    fn linked(texts: &[&str], names: &[(&str, EntityKind, u8)]) -> Vec<(String, EntityKind)> {
        let found: Vec<Vec<Found>> = texts
            .iter()
            .map(|t| {
                let mut list: Vec<Found> = names
                    .iter()
                    .flat_map(|&(surface, kind, confidence)| {
                        t.match_indices(surface).map(move |(start, _)| {
                            body_name(start, start + surface.len(), kind, confidence)
                        })
                    })
                    .collect();
                list.sort_by_key(|f| f.start);
                list
            })
            .collect();
        let ids: Vec<DocId> = (0..texts.len() as DocId).collect();
        let (entities, _) = link(found, &ids, |d, _| texts[d]);
        entities.into_iter().map(|e| (e.name, e.kind)).collect()
    }

    #[test]
    fn the_words_around_a_name_say_whether_it_is_a_person_or_a_firm() {
        let texts = [
            "\"Rates will rise,\" said Nandini Rao of the bank.",
            "Coach Jim Ward left; Movladi Udugov told reporters the talks were over.",
            "The Kestrel Board says essays matter.",
            "Produced by VC firm Andreessen Horowitz, the podcast is new.",
            "Hosted by Kettle Morrow, a leading venture capital firm, it grew.",
            "Dana Voss, a former bank manager, spoke; producer Lee Marrow agreed.",
        ];
        let found = linked(
            &texts,
            &[
                ("Nandini Rao", EntityKind::Person, 45),
                ("Movladi Udugov", EntityKind::Person, 50),
                ("Kestrel Board", EntityKind::Person, 60),
                ("Andreessen Horowitz", EntityKind::Person, 95),
                ("Kettle Morrow", EntityKind::Person, 95),
                ("Dana Voss", EntityKind::Person, 95),
                ("Lee Marrow", EntityKind::Person, 95),
            ],
        );
        let kind = |name: &str| found.iter().find(|e| e.0 == name).map(|e| e.1);
        // Unsure, with no known given name, but a verb of saying stands next to them.
        assert_eq!(kind("Nandini Rao"), Some(EntityKind::Person), "{found:?}");
        assert_eq!(
            kind("Movladi Udugov"),
            Some(EntityKind::Person),
            "{found:?}"
        );
        // After an article, a name is no person's.
        assert_eq!(kind("Kestrel Board"), None, "{found:?}");
        // Called a firm: an organisation; a bank manager is still a person.
        assert_eq!(
            kind("Andreessen Horowitz"),
            Some(EntityKind::Org),
            "{found:?}"
        );
        assert_eq!(kind("Kettle Morrow"), Some(EntityKind::Org), "{found:?}");
        assert_eq!(kind("Dana Voss"), Some(EntityKind::Person), "{found:?}");
        // A producer may be a person or a firm.
        assert_eq!(kind("Lee Marrow"), Some(EntityKind::Person), "{found:?}");
    }

    #[test]
    fn a_name_never_read_surely_as_a_person_is_a_person_only_with_a_given_name() {
        let texts = [
            "Apache Spark handles big data. Bill Gates said so.",
            "We ran Apache Spark again, as Bill Gates did.",
            "Faiq Zaidan, the judge, ruled on Monday.",
        ];
        let people = linked(
            &texts,
            &[
                ("Apache Spark", EntityKind::Person, 55),
                ("Bill Gates", EntityKind::Person, 55),
                ("Faiq Zaidan", EntityKind::Person, 85),
            ],
        );
        let names: Vec<&str> = people.iter().map(|p| p.0.as_str()).collect();
        assert!(!names.contains(&"Apache Spark"), "{names:?}");
        assert!(names.contains(&"Bill Gates"), "{names:?}");
        assert!(names.contains(&"Faiq Zaidan"), "{names:?}");
    }

    #[test]
    fn a_given_name_alone_in_several_articles_needs_the_model_sure() {
        let texts = [
            "We rewrote the parser in Ruby. Adele sang on Friday.",
            "Ruby and Python both have good libraries. Adele won again.",
            "Teams still pick Ruby for web apps. Adele toured.",
        ];
        let people = linked(
            &texts,
            &[
                ("Ruby", EntityKind::Person, 75),
                ("Adele", EntityKind::Person, 92),
            ],
        );
        let names: Vec<&str> = people.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, vec!["Adele"]);
    }

    #[test]
    fn a_given_name_alone_in_another_article_is_not_the_full_name_ending_in_it() {
        let texts = [
            "Cabo Bob opened a taco stand. Cabo Bob sells burritos.",
            "Ask Bob in accounts. Bob knows the forms.",
            "Gordon Brown spoke in Leeds. Gordon Brown was cheered.",
            "Brown said the talks would go on.",
            "Ole John taught film. John retired in May.",
            "John called the office twice.",
        ];
        let found = |texts: &[&str]| {
            let found: Vec<Vec<Found>> = texts
                .iter()
                .map(|t| {
                    [
                        "Cabo Bob",
                        "Bob",
                        "Gordon Brown",
                        "Brown",
                        "Ole John",
                        "John",
                    ]
                    .iter()
                    .flat_map(|surface| {
                        t.match_indices(surface)
                            .filter(|&(start, _)| {
                                // Whole words only: "Bob" inside "Cabo Bob" is that name's.
                                !t[..start].ends_with("Cabo ")
                                    && !t[..start].ends_with("Gordon ")
                                    && !t[..start].ends_with("Ole ")
                            })
                            .map(move |(start, _)| {
                                body_name(start, start + surface.len(), EntityKind::Person, 90)
                            })
                    })
                    .collect()
                })
                .collect();
            found
        };
        let ids: Vec<DocId> = (0..texts.len() as DocId).collect();
        let (entities, _) = link(found(&texts), &ids, |d, _| texts[d]);
        let stories = |name: &str| {
            entities
                .iter()
                .find(|e| e.name == name)
                .map_or(0, |e| e.documents.len())
        };
        // "Bob" of the second article is anyone called Bob; "Brown" is Gordon Brown's surname.
        assert_eq!(stories("Cabo Bob"), 1, "{entities:?}");
        // Nor is a "John" of another article the John of "Ole John".
        assert_eq!(stories("Ole John"), 1, "{entities:?}");
        assert_eq!(stories("Gordon Brown"), 2, "{entities:?}");
    }

    #[test]
    fn a_person_is_not_the_foundation_named_after_them() {
        let text = "Martin Parr photographs the seaside. In 2017 he founded the Martin Parr \
                    Foundation in Bristol. Kestrel Mining said on Monday that Kestrel Mining \
                    Group would sell the mine.";
        let at = |surface: &str, kind: EntityKind, confidence: u8| {
            let start = text.find(surface).unwrap();
            body_name(start, start + surface.len(), kind, confidence)
        };
        let found = vec![vec![
            at("Martin Parr", EntityKind::Person, 98),
            at("Martin Parr Foundation", EntityKind::Org, 87),
            at("Kestrel Mining", EntityKind::Person, 60),
            at("Kestrel Mining Group", EntityKind::Org, 90),
        ]];
        let (entities, _) = link(found, &[0], |_, _| text);
        let names: Vec<(&str, EntityKind)> =
            entities.iter().map(|e| (e.name.as_str(), e.kind)).collect();
        assert!(
            names.contains(&("Martin Parr", EntityKind::Person)),
            "{names:?}"
        );
        assert!(
            names.contains(&("Martin Parr Foundation", EntityKind::Org)),
            "{names:?}"
        );
        // A firm's name cut short is still the firm.
        assert!(
            names.contains(&("Kestrel Mining Group", EntityKind::Org)) && names.len() == 3,
            "{names:?}"
        );
    }

    #[test]
    fn an_acronym_used_as_a_common_noun_is_no_organisation() {
        // (the texts, the acronym used as a common noun, the organisation's acronym)
        let cases: [(&[&str], &str, &str); 2] = [
            // Used as a common noun: "an API", "APIs".
            (
                &[
                    "An API lets programs talk. The API is new.",
                    "Our API and two other APIs. NASA said the API works.",
                    "NASA launched a probe. The NASA team cheered.",
                ],
                "API",
                "NASA",
            ),
            // Spelled out in lower-case words: "user interface (UI)"; but "Federal Bureau of
            // Investigation (FBI)".
            (
                &[
                    "A clean user interface (UI) helps. The UI loads fast.",
                    "The Federal Bureau of Investigation (FBI) said so. The FBI agents left.",
                ],
                "UI",
                "FBI",
            ),
        ];
        for (texts, common, organisation) in cases {
            let orgs = linked(
                texts,
                &[
                    (common, EntityKind::Org, 80),
                    (organisation, EntityKind::Org, 80),
                ],
            );
            let names: Vec<&str> = orgs.iter().map(|p| p.0.as_str()).collect();
            assert_eq!(names, vec![organisation], "{texts:?}");
        }
    }

    #[test]
    fn spellings_of_one_name_share_a_skeleton() {
        assert_eq!(skeleton("Qassem Soleimani"), skeleton("Qasem Soleimani"));
        assert_eq!(skeleton("Esmail Ghaani"), skeleton("Esmail Qaani"));
        assert_eq!(skeleton("Moqtada al-Sadr"), skeleton("Muqtada Sadr"));
        assert_eq!(skeleton("Kata’ib Hezbollah"), skeleton("Kataib Hezbollah"));
        assert_eq!(
            skeleton("Mohammed Shia Al-Sudani"),
            skeleton("Mohammed Shia al-Sudani")
        );
    }

    #[test]
    fn different_names_keep_different_skeletons() {
        assert_ne!(skeleton("Bashar al-Assad"), skeleton("Bashar al-Jaafari"));
        assert_ne!(skeleton("Hezbollah"), skeleton("Kataib Hezbollah"));
        assert_ne!(skeleton("Saddam Hussein"), skeleton("Fuad Hussein"));
    }
}
