//! Named entities: people, organisations and places found in an article's title, caption and body.
//!
//! The recogniser reads runs of capitalised words ("Mohammed Shia al-Sudani", "Islamic
//! Revolutionary Guards Corps", "Ramsey County") and decides what each is from what the run says
//! of itself and what stands around it:
//! - the gazetteers (countries, regions, cities, well-known organisations and news outlets);
//! - the run's own words: an organisation head ("Ministry", "Corps", "Police"), a place word
//!   ("County", "Heights", "Lake"), a given name or a name particle ("al-", "Abu", "bin");
//! - a person title in front ("Prime Minister", "Lt.", "Ayatollah"), which is left out of the name;
//! - the words next to it: "the town of X", "X province", "X coalition", "X said".
//!
//! Demonyms ("Iraqi"), faiths and peoples ("Shiite", "Kurdish"), weekdays and months are never
//! names. A name inside a hyphenated compound counts ("Iran-backed", "pro-Sistani"). Headlines and
//! title-case subheadings, where every word is capitalised, only yield names the article's other
//! text or the gazetteers already know. A single capitalised word at the start of a sentence is
//! kept only when it is known elsewhere ([`Found::weak`]); the corpus decides that when it links
//! names into entities (see [`super::aliases`]).

use super::dates::{Field, MONTH_NAMES, WEEKDAY_NAMES};
use super::gazetteer::{gazetteer, lookup_key};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What an entity is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityKind {
    /// A person.
    #[default]
    Person,
    /// An organisation: a government body, party, militia, company, news outlet or photo agency.
    Org,
    /// A place: a country, region, city, town or landmark.
    Place,
}

impl EntityKind {
    /// The label the CLI and the gold standard use: "PERSON", "ORG" or "PLACE".
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Place => "PLACE",
        }
    }

    /// Every kind, in the order the page lists them.
    pub const ALL: [EntityKind; 3] = [EntityKind::Person, EntityKind::Org, EntityKind::Place];
}

/// A name found in one field of one article, before names are linked into entities.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// The field it stands in.
    pub field: Field,
    /// Byte offsets into that field's text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// What it is; `None` when only the corpus can tell (a lone surname, say).
    pub kind: Option<EntityKind>,
    /// How sure the recogniser is, in percent.
    pub confidence: u8,
    /// The gazetteer's name for it, when the gazetteer knows it.
    pub canonical: Option<&'static str>,
    /// The acronym the text gives for it in parentheses: "… Guards Corps (IRGC)".
    pub acronym: Option<String>,
    /// A lone capitalised word at a sentence start: kept only if the name is known elsewhere.
    pub weak: bool,
    /// Why it was taken for what it is, in words.
    pub rule: &'static str,
}

/// What [`names_job`] reads of an article: its title, caption, dateline, body and subheadings.
pub type ToName<S, H> = (S, Option<S>, Option<S>, S, H);

/// A [`Found`] as bytes carry it to another worker and back (see [`names_job`]).
#[derive(serde::Serialize, serde::Deserialize)]
struct FoundWire {
    field: Field,
    start: usize,
    end: usize,
    kind: Option<EntityKind>,
    confidence: u8,
    canonical: Option<String>,
    acronym: Option<String>,
    weak: bool,
    rule: String,
}

/// The one `&'static str` for each text: the gazetteer's names and the rules' words, which
/// come back from another worker as strings. Each distinct text is kept once, for good (there
/// are only as many as the gazetteer has names and the code has rules).
fn interned(text: &str) -> &'static str {
    use std::cell::RefCell;
    use std::collections::HashSet;
    thread_local! {
        static TEXTS: RefCell<HashSet<&'static str>> = RefCell::new(HashSet::new());
    }
    TEXTS.with(|texts| {
        let mut texts = texts.borrow_mut();
        if let Some(&known) = texts.get(text) {
            return known;
        }
        let kept: &'static str = Box::leak(text.to_owned().into_boxed_str());
        texts.insert(kept);
        kept
    })
}

/// The names of articles given as (title, caption, body, subheadings), found where no corpus is
/// at hand (another worker), as bytes for [`names_from_job`].
pub fn names_job<S: AsRef<str>, H: AsRef<[String]>>(articles: &[ToName<S, H>]) -> Vec<u8> {
    let found: Vec<Vec<FoundWire>> = articles
        .iter()
        .map(|(title, caption, dateline, body, subheadings)| {
            let body = body.as_ref();
            let headings = heading_ranges(body, subheadings.as_ref());
            find(
                title.as_ref(),
                caption.as_ref().map(AsRef::as_ref),
                dateline.as_ref().map(AsRef::as_ref),
                body,
                &headings,
            )
            .into_iter()
            .map(|f| FoundWire {
                field: f.field,
                start: f.start,
                end: f.end,
                kind: f.kind,
                confidence: f.confidence,
                canonical: f.canonical.map(str::to_owned),
                acronym: f.acronym,
                weak: f.weak,
                rule: f.rule.to_owned(),
            })
            .collect()
        })
        .collect();
    postcard::to_allocvec(&found).unwrap_or_default()
}

/// The names [`names_job`] found, as the corpus keeps them.
pub(crate) fn names_from_job(bytes: &[u8]) -> Result<Vec<Vec<Found>>, String> {
    let wire: Vec<Vec<FoundWire>> =
        postcard::from_bytes(bytes).map_err(|e| format!("unreadable names: {e}"))?;
    Ok(wire
        .into_iter()
        .map(|found| {
            found
                .into_iter()
                .map(|f| Found {
                    field: f.field,
                    start: f.start,
                    end: f.end,
                    kind: f.kind,
                    confidence: f.confidence,
                    canonical: f.canonical.as_deref().map(interned),
                    acronym: f.acronym,
                    weak: f.weak,
                    rule: interned(&f.rule),
                })
                .collect()
        })
        .collect())
}

/// The rule of a marker left where a run was found to be an idea or an event, not a name.
pub(crate) const NOT_A_NAME: &str = "an idea or event, not a name";

/// Words that start sentences and clauses but never names.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "across",
    "additionally",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "amid",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "because",
    "before",
    "being",
    "besides",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "every",
    "finally",
    "first",
    "for",
    "from",
    "further",
    "furthermore",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "indeed",
    "inside",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "like",
    "many",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "much",
    "my",
    "near",
    "neither",
    "nevertheless",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "outside",
    "over",
    "perhaps",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "today",
    "tomorrow",
    "under",
    "unlike",
    "until",
    "upon",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "yesterday",
    "you",
    "your",
    "two",
    "three",
    "four",
    "five",
    "six",
    "several",
    "few",
    "overall",
    "similarly",
    "likewise",
    "otherwise",
    "therefore",
    "hence",
    "nonetheless",
    "regardless",
    "sources",
    "officials",
    "police",
    "residents",
    "authorities",
    "witnesses",
    "analysts",
    "experts",
    "critics",
    "observers",
    "protesters",
    "troops",
    "forces",
    "militants",
    "rebels",
    "people",
    "separately",
    "elsewhere",
    "asked",
    "speaking",
    "following",
    "read",
    "watch",
    "see",
    "photo",
    "video",
    "update",
    "updated",
    "breaking",
    "exclusive",
    "analysis",
    "report",
    "opinion",
    "editorial",
    "interview",
    "live",
    "news",
    "dear",
    "yes",
    "please",
    "thank",
    "thanks",
    "oh",
    "well",
    "let",
    "mr",
    "mrs",
    "ms",
    "regarding",
    "concerning",
    "given",
    "citing",
    "considering",
    "unless",
    "whereas",
    "throughout",
    "toward",
    "towards",
    "beyond",
    "along",
    "below",
    "above",
    "behind",
    "per",
    "via",
    "get",
    "go",
    "make",
    "take",
    "keep",
    "stay",
    "join",
    "sign",
    "subscribe",
    "follow",
    "share",
    "click",
    "download",
    "listen",
    "less",
    "top",
    "latest",
    "related",
    "previous",
    "here's",
    "what's",
    "it's",
    "that's",
    "there's",
];

/// Faiths, sects, peoples and languages: capitalised, but adjectives, not names.
const GROUP_WORDS: &[&str] = &[
    "shia",
    "shiite",
    "shiites",
    "shi'ite",
    "shi'ites",
    "sunni",
    "sunnis",
    "muslim",
    "muslims",
    "islamic",
    "islamist",
    "islamists",
    "christian",
    "christians",
    "catholic",
    "catholics",
    "orthodox",
    "protestant",
    "jewish",
    "jew",
    "jews",
    "hindu",
    "hindus",
    "buddhist",
    "sikh",
    "druze",
    "alawite",
    "alawites",
    "yazidi",
    "yazidis",
    "kurd",
    "kurds",
    "kurdish",
    "arab",
    "arabs",
    "arabic",
    "persian",
    "farsi",
    "turkmen",
    "pashtun",
    "baloch",
    "tamil",
    "hebrew",
    "english",
    "latin",
    "semitic",
    "zionist",
    "jihadist",
    "jihadists",
    "salafist",
    "wahhabi",
    "god",
    "allah",
    "bedouin",
    "sufi",
    "evangelical",
    "african-american",
    "black",
    "white",
    "communist",
    "communists",
    "socialist",
    "socialists",
    "democrat",
    "democrats",
    "republican",
    "republicans",
    "conservative",
    "conservatives",
    "liberal",
    "liberals",
    "marxist",
    "nazi",
    "nazis",
    "fascist",
    "soviet",
    "ottoman",
    "byzantine",
    "roman",
    "romans",
    "greek",
    "greeks",
];

/// Lower-case words that may stand inside a name between two capitalised words.
const CONNECTORS: &[&str] = &[
    "of", "al", "bin", "ibn", "bint", "de", "del", "della", "da", "dos", "das", "der", "van",
    "von", "la", "le", "du", "el", "y", "for", "and", "on",
];

/// Connectors that may only join organisation names ("Council for …", "Bosnia and …").
const ORG_CONNECTORS: &[&str] = &["for", "and", "on"];

/// Last words that make a run a place.
const PLACE_TAILS: &[&str] = &[
    "county",
    "lake",
    "heights",
    "province",
    "river",
    "mountains",
    "mountain",
    "island",
    "islands",
    "valley",
    "sea",
    "ocean",
    "strait",
    "straits",
    "gulf",
    "bay",
    "airport",
    "base",
    "desert",
    "square",
    "street",
    "avenue",
    "road",
    "district",
    "governorate",
    "region",
    "peninsula",
    "hills",
    "canal",
    "dam",
    "coast",
    "plateau",
    "plain",
    "basin",
    "delta",
    "city",
    "border",
    "crossing",
    "camp",
    "bridge",
    "park",
    "forest",
    "falls",
    "beach",
    "harbour",
    "harbor",
    "port",
    "oblast",
    "prefecture",
    "territory",
    "corridor",
    "highway",
    "airbase",
    "village",
    "quarter",
];

/// First words that make a run a place.
const PLACE_HEADS: &[&str] = &[
    "lake", "mount", "mt.", "gulf", "cape", "fort", "port", "strait",
];

/// First words that make a run an organisation: "Bank of …", and the Arabic words for brigades,
/// leagues, movements and armies that open militia and party names.
const ORG_FIRST: &[&str] = &[
    "kataib",
    "kata'ib",
    "asaib",
    "asa'ib",
    "harakat",
    "saraya",
    "liwa",
    "jaysh",
    "jaish",
    "hizb",
    "hezb",
    "ansar",
    "ashab",
    "jabhat",
    "hayat",
    "hay'at",
    "majlis",
    "tanzim",
    "faylaq",
    "jamaat",
    "jamaat-e",
    "jamiat",
    "tehreek",
    "tehrik",
    "lashkar",
    "jund",
    "ahrar",
    "fatah",
    "bank",
    "university",
    "ministry",
    "council",
    "department",
    "institute",
    "church",
    "army",
    "office",
    "house",
    "bureau",
    "federation",
    "league",
    "union",
    "order",
    "fc",
    "afc",
];

/// Last words that make a run an event, a doctrine or a document, not an entity.
const NOT_ENTITY_TAILS: &[&str] = &[
    "war",
    "wars",
    "agreement",
    "treaty",
    "accord",
    "accords",
    "doctrine",
    "revolution",
    "summit",
    "conference",
    "act",
    "law",
    "protocol",
    "convention",
    "games",
    "cup",
    "olympics",
    "prize",
    "award",
    "day",
    "festival",
    "declaration",
    "plan",
    "initiative",
    "crisis",
    "spring",
    "era",
    "age",
    "uprising",
    "massacre",
    "offensive",
    "operation",
    "strategy",
    "deal",
    "talks",
    "process",
    "index",
    "report",
    "bill",
    "amendment",
    "constitution",
    "budget",
    "election",
    "elections",
];

/// First words that make a run a named storm or the like, not an entity.
const NOT_ENTITY_HEADS: &[&str] = &[
    "typhoon",
    "hurricane",
    "cyclone",
    "storm",
    "tropical",
    "operation",
];

/// Capitalised abbreviations that name no one: "AI", "CEO", "GDP".
const COMMON_ACRONYMS: &[&str] = &[
    "AI", "CEO", "CFO", "COO", "CTO", "GDP", "TV", "PC", "IT", "HR", "PR", "ID", "DNA", "RNA",
    "COVID", "OK", "AM", "PM", "FM", "VIP", "LGBT", "LGBTQ", "IPO", "ETF", "VAT", "GMT", "UTC",
    "USD", "EUR", "GBP", "SUV", "PhD", "MP", "MPs", "ICU", "HIV", "AIDS", "FAQ", "URL", "PDF",
];

/// Lower-case words after a name that make it an organisation: "the Hikma bloc".
const ORG_NOUNS: &[&str] = &[
    "bloc",
    "coalition",
    "party",
    "movement",
    "militia",
    "militias",
    "group",
    "groups",
    "faction",
    "factions",
    "alliance",
    "organization",
    "organisation",
    "brigade",
    "brigades",
    "company",
    "newspaper",
    "agency",
    "channel",
    "network",
    "website",
    "outlet",
    "broadcaster",
    "daily",
    "firm",
    "group's",
    "bank",
    "television",
    "tv",
    "radio",
    "militants",
    "fighters",
    "camp",
    "list",
    "union",
];

/// Lower-case words after a name that make it a place: "the Hmeimim airbase".
const PLACE_NOUNS: &[&str] = &[
    "province",
    "city",
    "town",
    "village",
    "district",
    "county",
    "region",
    "airbase",
    "base",
    "airport",
    "port",
    "governorate",
    "state",
    "river",
    "lake",
    "mountains",
    "valley",
    "area",
    "coast",
    "island",
    "peninsula",
    "desert",
    "crossing",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "municipality",
    "border",
    "refinery",
    "oilfield",
    "prison",
    "camp",
    "checkpoint",
];

/// Lower-case words after a name that make it an idea or event, not an entity.
const NOT_ENTITY_NOUNS: &[&str] = &[
    "doctrine",
    "concept",
    "war",
    "agreement",
    "treaty",
    "deal",
    "accord",
    "plan",
    "policy",
    "strategy",
    "era",
    "period",
    "offensive",
    "crisis",
    "revolution",
    "law",
    "summit",
    "language",
    "cuisine",
    "culture",
    "style",
];

/// Words before a name that make it a place: "the town of Mati", "in Subotica".
const PLACE_BEFORE: &[&str] = &[
    "town of",
    "city of",
    "village of",
    "outskirts of",
    "province of",
    "region of",
    "capital of",
    "suburb of",
    "district of",
    "port of",
    "governorate of",
    "state of",
    "island of",
    "streets of",
    "north of",
    "south of",
    "east of",
    "west of",
    "near",
    "in",
    "at",
    "from",
    "to",
    "across",
    "outside",
    "into",
    "toward",
    "towards",
    "around",
    "inside",
];

/// Verbs after a name that make it a person: "Alavi said".
const PERSON_AFTER: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "stated",
    "argued",
    "explained",
    "noted",
    "warned",
    "insisted",
    "stressed",
    "tweeted",
    "asked",
    "replied",
    "recalled",
    "acknowledged",
    "admitted",
    "denied",
    "claimed",
    "urged",
    "announced",
];

/// Lower-case nouns right before a single name that make it an organisation: "startup Lexaro".
pub(crate) const ORG_BEFORE: &[&str] = &[
    "company",
    "firm",
    "startup",
    "start-up",
    "group",
    "club",
    "bank",
    "lender",
    "insurer",
    "airline",
    "carrier",
    "broadcaster",
    "newspaper",
    "magazine",
    "agency",
    "militia",
    "brand",
    "maker",
    "manufacturer",
    "carmaker",
    "automaker",
    "retailer",
    "miner",
    "operator",
    "developer",
    "publisher",
    "network",
    "channel",
    "outlet",
    "regulator",
    "watchdog",
    "charity",
    "conglomerate",
    "giant",
    "supplier",
    "distributor",
    "producer",
    "utility",
    "exchange",
    "fund",
    "chipmaker",
    "drugmaker",
    "platform",
    "app",
    "website",
    "daily",
    "tabloid",
];

/// Lower-case words after a possessive name that make it a company: "Gulfway's chief executive".
const ORG_OWNS: &[&str] = &[
    "chief",
    "ceo",
    "board",
    "shareholders",
    "shares",
    "stock",
    "subsidiary",
    "headquarters",
    "software",
    "products",
    "revenue",
    "profit",
    "profits",
    "customers",
    "users",
    "employees",
    "executives",
    "management",
    "chairman",
    "chairwoman",
    "founder",
    "co-founder",
    "owner",
    "owners",
    "stake",
    "parent",
    "unit",
    "plant",
    "factory",
    "factories",
    "brand",
    "platform",
];

fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

struct Lists {
    function: HashSet<&'static str>,
    group: HashSet<&'static str>,
    connectors: HashSet<&'static str>,
    place_tails: HashSet<&'static str>,
    place_heads: HashSet<&'static str>,
    org_first: HashSet<&'static str>,
    not_entity_tails: HashSet<&'static str>,
    org_nouns: HashSet<&'static str>,
    place_nouns: HashSet<&'static str>,
    not_entity_nouns: HashSet<&'static str>,
    person_after: HashSet<&'static str>,
    org_before: HashSet<&'static str>,
    org_owns: HashSet<&'static str>,
    calendar: HashSet<String>,
}

fn lists() -> &'static Lists {
    static CELL: OnceLock<Lists> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut calendar: HashSet<String> = MONTH_NAMES
            .iter()
            .chain(WEEKDAY_NAMES.iter())
            .map(|s| s.to_string())
            .collect();
        for name in MONTH_NAMES.iter().chain(WEEKDAY_NAMES.iter()) {
            calendar.insert(name[..3].to_string());
        }
        for short in ["sept", "tues", "thur", "thurs", "weds"] {
            calendar.insert(short.to_string());
        }
        Lists {
            function: set(FUNCTION_WORDS),
            group: set(GROUP_WORDS),
            connectors: set(CONNECTORS),
            place_tails: set(PLACE_TAILS),
            place_heads: set(PLACE_HEADS),
            org_first: set(ORG_FIRST),
            not_entity_tails: set(NOT_ENTITY_TAILS),
            org_nouns: set(ORG_NOUNS),
            place_nouns: set(PLACE_NOUNS),
            not_entity_nouns: set(NOT_ENTITY_NOUNS),
            person_after: set(PERSON_AFTER),
            org_before: set(ORG_BEFORE),
            org_owns: set(ORG_OWNS),
            calendar,
        }
    })
}

/// Abbreviations whose full stop does not end a sentence.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "capt", "maj", "sgt", "brig", "adm", "sen", "rep",
    "gov", "prof", "rev", "st", "jr", "sr", "mt", "no", "vs", "cmdr", "cpl", "pvt", "fr", "messrs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc",
    "corp", "ltd", "co",
];

/// One word of a field, with what the scanner saw around it.
#[derive(Debug, Clone)]
struct Token<'a> {
    start: usize,
    /// End of the name part: a possessive "’s" is left out.
    end: usize,
    text: &'a str,
    /// Only spaces since the previous word: the two may belong to one name.
    joined: bool,
    /// The first word of a sentence, a quotation or a heading.
    sentence_start: bool,
    /// The word ended in a possessive "’s": a name stops here.
    possessive: bool,
    /// Cut out of a hyphenated compound ("Iran" of "Iran-backed"): a name on its own.
    isolated: bool,
    /// The word in lower case, apostrophes made plain.
    lower: Cow<'a, str>,
}

impl Token<'_> {
    fn first_char(&self) -> char {
        self.text.chars().next().unwrap_or(' ')
    }

    /// All letters upper case, at least two of them: "IRGC", "U.S.".
    fn acronym(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_alphabetic() {
                if !c.is_uppercase() {
                    return false;
                }
                letters += 1;
            } else if c != '.' {
                return false;
            }
        }
        letters >= 2
    }

    /// Starts with a capital, or is a name with an Arabic article: "al-Sudani".
    fn capital(&self) -> bool {
        let c = self.first_char();
        if c.is_uppercase() {
            return true;
        }
        particle_rest(self.text).is_some_and(|rest| rest.starts_with(char::is_uppercase))
    }

    fn lower(&self) -> &str {
        &self.lower
    }
}

/// The name after an Arabic article glued on with a hyphen: "al-Sudani" → "Sudani".
fn particle_rest(word: &str) -> Option<&str> {
    // Every particle is two or three letters and a hyphen.
    if !word.as_bytes().get(2..4).is_some_and(|b| b.contains(&b'-')) {
        return None;
    }
    for particle in [
        "al-", "Al-", "el-", "El-", "ad-", "as-", "ash-", "at-", "an-", "az-",
    ] {
        if let Some(rest) = word.strip_prefix(particle) {
            if !rest.is_empty() {
                return Some(rest);
            }
        }
    }
    None
}

/// A word in lower case with plain apostrophes, quickly for plain ASCII words (borrowed when
/// it is written so).
fn lower_key(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else {
        Cow::Owned(lookup_key(word).to_lowercase())
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits a field into words with byte offsets, marking sentence starts and what joins them.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    let mut out: Vec<Token> = Vec::new();
    let mut k = 0;
    let mut joined = false;
    let mut sentence_start = true;
    while k < chars.len() {
        let c = chars[k].1;
        if !c.is_alphanumeric() {
            if c.is_whitespace() {
                if c == '\n' {
                    sentence_start = true;
                    joined = false;
                }
            } else {
                joined = false;
                if matches!(c, '.' | '!' | '?' | ':' | '…' | '“' | '"' | '(' | '[' | '‘') {
                    sentence_start = true;
                }
            }
            k += 1;
            continue;
        }
        let first = k;
        let mut j = k + 1;
        while j < chars.len() {
            let c2 = chars[j].1;
            if c2.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next_alnum = chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
            if (c2 == '-' || is_apostrophe(c2)) && next_alnum {
                j += 1;
                continue;
            }
            // U.S, U.N: single capitals joined by full stops.
            if c2 == '.'
                && next_alnum
                && chars[j - 1].1.is_uppercase()
                && (j < 2 || !chars[j - 2].1.is_alphabetic())
            {
                j += 1;
                continue;
            }
            break;
        }
        let mut end_char = j;
        let word = &text[byte_at(first)..byte_at(j)];
        // A full stop that belongs to the word: "U.S.", "Gen.", "Lt.". It ends no sentence, so
        // the name goes on after it ("Lt. Joe Steiner").
        if chars.get(j).is_some_and(|c| c.1 == '.') {
            let dotted = word.contains('.');
            if dotted || ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
                end_char = j + 1;
            }
        }
        let start = byte_at(first);
        let mut end = byte_at(end_char);
        let mut possessive = false;
        let body = &text[start..end];
        for suffix in ["'s", "\u{2019}s"] {
            if body.len() > suffix.len() + 1 && body.ends_with(suffix) {
                end -= suffix.len();
                possessive = true;
            }
        }
        out.push(Token {
            start,
            end,
            text: &text[start..end],
            joined,
            sentence_start,
            possessive,
            isolated: false,
            lower: lower_key(&text[start..end]),
        });
        sentence_start = false;
        joined = true;
        k = end_char;
    }
    split_compounds(out)
}

/// Breaks hyphenated compounds: "Iran-backed" gives the name "Iran", "pro-Sistani" gives
/// "Sistani", "Syria-Jordan" gives both places; "Al-Hamidawi" and "Counter-Terrorism" stay whole.
fn split_compounds(tokens: Vec<Token<'_>>) -> Vec<Token<'_>> {
    let g = gazetteer();
    let mut out = Vec::with_capacity(tokens.len());
    for token in tokens {
        if !token.text.contains('-') || particle_rest(token.text).is_some() {
            out.push(token);
            continue;
        }
        let mut parts = Vec::new();
        let mut offset = token.start;
        for part in token.text.split('-') {
            parts.push((offset, part));
            offset += part.len() + 1;
        }
        let capitals = parts
            .iter()
            .filter(|(_, p)| p.starts_with(char::is_uppercase))
            .count();
        let known = parts
            .iter()
            .filter(|(_, p)| g.places.contains_key(*p) || g.organisations.contains_key(*p))
            .count();
        if capitals == parts.len() && known < 2 {
            out.push(token);
            continue;
        }
        let last = parts.len() - 1;
        for (i, (start, part)) in parts.into_iter().enumerate() {
            if !part.starts_with(char::is_uppercase) || part.is_empty() {
                continue;
            }
            out.push(Token {
                start,
                end: start + part.len(),
                text: part,
                joined: false,
                sentence_start: false,
                possessive: i == last && token.possessive,
                isolated: true,
                lower: lower_key(part),
            });
        }
    }
    out
}

/// Whether a word may be part of a name.
fn name_word(token: &Token, lists: &Lists) -> bool {
    (token.capital() || token.acronym())
        && !lists.calendar.contains(token.lower().trim_end_matches('.'))
        && !token
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
}

/// The lower-cased words after `index`, up to `n` of them, stopping at punctuation.
fn words_after(tokens: &[Token], index: usize, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut k = index + 1;
    while k < tokens.len() && out.len() < n {
        let t = &tokens[k];
        if !t.joined || t.isolated {
            break;
        }
        out.push(lookup_key(t.text).into_owned());
        if t.possessive {
            break;
        }
        k += 1;
    }
    out
}

/// The lower-cased words before `index`, nearest first, up to `n`, stopping at punctuation.
fn words_before(tokens: &[Token], index: usize, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut k = index;
    while k > 0 && out.len() < n {
        if !tokens[k].joined || tokens[k].isolated {
            break;
        }
        k -= 1;
        out.push(tokens[k].lower().to_owned());
    }
    out
}

/// Whether the words `start..end` spell one of the person titles, lower-cased.
fn title_len(tokens: &[Token], start: usize, end: usize) -> usize {
    let g = gazetteer();
    let mut best = 0;
    let mut text = String::new();
    let stop = end.min(start + g.longest_title);
    for (k, token) in tokens.iter().enumerate().take(stop).skip(start) {
        if k > start {
            if !token.joined {
                break;
            }
            text.push(' ');
        }
        text.push_str(token.lower());
        if g.titles.contains(&text) {
            best = k + 1 - start;
        }
    }
    best
}

/// A reference in a list of sources: authors written as surname and initials ("Skelly AC, Chou
/// R, Dettori JR, et al.", "Cerra, J., Wien, H. C., & Skelly, S."), a year, and a sign of a
/// publication ("et al", "2017;11(5):386", "(2015)", a DOI, "Journal", a link).
fn is_citation(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(8).collect();
    if words.len() < 5 {
        return false;
    }
    // A number in front: "1.", "[12]".
    let numbered = words[0]
        .trim_matches(|c: char| matches!(c, '[' | ']' | '.' | ')'))
        .bytes()
        .all(|b| b.is_ascii_digit());
    let words = if numbered { &words[1..] } else { &words[..] };
    let surname = |w: &str| {
        let w = w.trim_end_matches(',');
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    };
    let initials = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        !w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
    };
    // The initials close with a comma or a full stop ("Skelly AC,", "Creswell JD.", "Cerra,
    // J."), as no title does ("California IT in Education").
    let closed = words.len() >= 2 && (words[0].ends_with(',') || words[1].ends_with([',', '.']));
    let authors = closed && surname(words[0]) && initials(words[1]);
    if !authors {
        return false;
    }
    let year = line
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4 && (run.starts_with("19") || run.starts_with("20")));
    let lower = line.to_lowercase();
    let publication = [
        "et al", "doi", "journal", "http://", "https://", "vol.", "pp.",
    ]
    .iter()
    .any(|sign| lower.contains(sign))
        || line.contains(");")
        || line.contains("):")
        || line
            .as_bytes()
            .windows(6)
            .any(|w| w[0] == b'(' && w[1..5].iter().all(u8::is_ascii_digit) && w[5] == b')')
        || line.as_bytes().windows(6).any(|w| {
            w[..4].iter().all(u8::is_ascii_digit) && w[4] == b';' && w[5].is_ascii_digit()
        });
    year && publication
}

/// The byte ranges of the lines of `body` that are references in a list of sources.
fn citation_lines(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in body.split('\n') {
        if is_citation(line) {
            out.push((start, start + line.len()));
        }
        start += line.len() + 1;
    }
    out
}

/// Finds names in one article.
///
/// `subheadings` are the byte ranges of title-case headings inside the body: like the headline,
/// they only yield names the rest of the article or the gazetteers know.
pub(crate) fn find(
    title: &str,
    caption: Option<&str>,
    dateline: Option<&str>,
    body: &str,
    subheadings: &[(usize, usize)],
) -> Vec<Found> {
    let mut found = Vec::new();
    // Lines the recogniser leaves to the rest of the text: headings in title case or capitals.
    let mut headings: Vec<(usize, usize)> = subheadings.to_vec();
    // A headline written as a sentence ("Congo signs copper deal with Saudi-backed miner", or an
    // article's first sentence taken for its title) is read like the text; one in title case
    // or capitals only gives the names the text knows.
    match super::ner::model() {
        Some(model) => {
            if super::ner::features::headline_written_as_text(title) {
                found.extend(super::ner::find(model, title, Field::Title, &[]).0);
            }
            if let Some(caption) = caption {
                found.extend(super::ner::find(model, caption, Field::Caption, &[]).0);
                found.extend(photo_credit(caption));
            }
            let (names, caps) = super::ner::find(model, body, Field::Body, subheadings);
            found.extend(names);
            headings.extend(caps);
        }
        None => {
            if let Some(caption) = caption {
                found.extend(find_in_text(caption, Field::Caption, &[]));
                found.extend(photo_credit(caption));
            }
            found.extend(find_in_text(body, Field::Body, subheadings));
        }
    }
    // What the article shows to be an idea or an event is not a name anywhere in it.
    let text_of = |f: &Found| match f.field {
        Field::Caption => caption.map_or("", |c| &c[f.start..f.end]),
        Field::Title => &title[f.start..f.end],
        _ => &body[f.start..f.end],
    };
    let not_names: HashSet<String> = found
        .iter()
        .filter(|f| f.rule == NOT_A_NAME)
        .map(|f| lookup_key(text_of(f)).into_owned())
        .collect();
    found.retain(|f| f.rule != NOT_A_NAME && !not_names.contains(&*lookup_key(text_of(f))));
    // In the rows of a results table, their shape says what the names are.
    let table = super::results::names(body);
    if !table.is_empty() {
        found.retain(|f| {
            f.field != Field::Body || !table.iter().any(|t| f.start < t.end && t.start < f.end)
        });
        found.extend(table);
    }
    let lists = lists();
    for person in super::results::initialled(body, |w| lists.function.contains(w)) {
        // It stands for what was read inside it ("Bicknell" alone, unsure), not over a longer
        // name read across it.
        let overlaps =
            |f: &Found| f.field == Field::Body && f.start < person.end && person.start < f.end;
        let inside = |f: &Found| f.start >= person.start && f.end <= person.end;
        if found.iter().all(|f| !overlaps(f) || inside(f)) {
            found.retain(|f| !overlaps(f));
            found.push(person);
        }
    }
    // In a match report, a team named after its city or region is a club.
    for f in found.iter_mut() {
        if f.field == Field::Body
            && f.kind == Some(EntityKind::Place)
            && super::results::club_in_match_report(body, f.start, f.end)
        {
            f.kind = Some(EntityKind::Org);
            f.canonical = None;
            f.rule = super::results::CLUB_RULE;
        }
    }
    // The authors of a list of sources ("Skelly AC, Chou R, Dettori JR, et al.") are no names
    // the article speaks of, nor names a headline may repeat.
    let citations = citation_lines(body);
    if !citations.is_empty() {
        found.retain(|f| {
            f.field != Field::Body || !citations.iter().any(|&(s, e)| f.start >= s && f.end <= e)
        });
    }
    // The names the article gives, with how sure it is of each at best: a headline or heading
    // repeating a name is as sure as the text.
    let mut known: HashMap<String, (EntityKind, Option<&'static str>, u8)> = HashMap::new();
    for f in &found {
        if let Some(kind) = f.kind.filter(|_| !f.weak) {
            let entry = known
                .entry(lookup_key(text_of(f)).to_lowercase())
                .or_insert((kind, f.canonical, f.confidence));
            if f.confidence > entry.2 {
                *entry = (kind, f.canonical, f.confidence);
            }
        }
    }
    let body_words = BodyWords::new(body);
    found.extend(find_known(
        title,
        Field::Title,
        &known,
        0,
        title.len(),
        &body_words,
    ));
    // The dateline's place ("BONN 1996-09-02", "LONDON, Sept 4"): a name the text or the
    // gazetteers know, as in a headline.
    if let Some(dateline) = dateline {
        found.extend(find_known(
            dateline,
            Field::Dateline,
            &known,
            0,
            dateline.len(),
            &body_words,
        ));
    }
    for &(start, end) in &headings {
        found.extend(find_known(
            body,
            Field::Body,
            &known,
            start,
            end,
            &body_words,
        ));
    }
    found.sort_by_key(|f| (f.field, f.start, std::cmp::Reverse(f.end)));
    // Overlaps: the first and longest wins (a credit found twice, say).
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(last) = kept.last() {
            if last.field == f.field && f.start < last.end {
                continue;
            }
        }
        kept.push(f);
    }
    kept
}

/// The names found in a plain text read as an article body with no headline: byte ranges, kind
/// and confidence in percent, in order. For scoring the recogniser alone.
pub fn names_in(text: &str) -> Vec<(usize, usize, EntityKind, u8)> {
    find("", None, None, text, &[])
        .into_iter()
        .filter_map(|f| Some((f.start, f.end, f.kind?, f.confidence)))
        .collect()
}

/// Words that are never a name on their own, whatever their capitals: pronouns and their
/// contractions.
const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "you",
    "he",
    "him",
    "she",
    "it",
    "we",
    "us",
    "they",
    "them",
    "mine",
    "yours",
    "hers",
    "ours",
    "theirs",
    "myself",
    "yourself",
    "himself",
    "herself",
    "itself",
    "ourselves",
    "themselves",
    "i'm",
    "i've",
    "i'll",
    "i'd",
    "you're",
    "you've",
    "you'll",
    "you'd",
    "he's",
    "he'll",
    "he'd",
    "she's",
    "she'll",
    "she'd",
    "it's",
    "it'll",
    "we're",
    "we've",
    "we'll",
    "we'd",
    "they're",
    "they've",
    "they'll",
    "they'd",
    "let's",
    "who's",
    "that's",
    "there's",
];

/// A span that is never a name: nothing but pronouns, function words, person titles, weekdays,
/// months and demonyms ("She", "President", "Prime Minister", "Iraqi"), or no letter at all.
pub(crate) fn never_a_name(surface: &str) -> bool {
    if !surface.chars().any(char::is_alphabetic) {
        return true;
    }
    if is_plural_acronym(surface) {
        return true;
    }
    let lists = lists();
    let g = gazetteer();
    let whole = lower_key(surface);
    if g.titles.contains(
        whole
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
    ) {
        return true;
    }
    surface.split_whitespace().all(|w| {
        let l = lower_key(w);
        let bare = l.trim_end_matches('.');
        // A word in capitals is an acronym, not a pronoun: "US", "IT".
        let acronym = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase);
        (PRONOUNS.contains(&bare) && !acronym)
            || lists.function.contains(bare)
            || lists.calendar.contains(bare)
            || g.titles.contains(bare)
            || g.demonyms.contains_key(w)
    })
}

/// An acronym in the plural ("PCs", "CISOs", "LLMs"): things counted, a common noun written
/// in capitals, never one organisation's name.
fn is_plural_acronym(surface: &str) -> bool {
    surface.strip_suffix('s').is_some_and(|stem| {
        stem.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
            && stem.chars().all(|c| c.is_ascii_uppercase())
    })
}

/// Whether `word` is a pronoun or a contraction of one ("She", "I'm"), not an acronym ("US").
pub(crate) fn is_pronoun(word: &str) -> bool {
    let acronym = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase);
    !acronym && PRONOUNS.contains(&lookup_key(word).to_lowercase().as_str())
}

/// The photo credit at the end of a caption: "(AFP)", "(Russia Today)". Credits in lower case
/// ("(Government media)") are descriptions, not names.
fn photo_credit(caption: &str) -> Option<Found> {
    let trimmed = caption.trim_end();
    let inner_end = trimmed.strip_suffix(')')?.len();
    let open = trimmed[..inner_end].rfind('(')?;
    let inner = &trimmed[open + 1..inner_end];
    let inner_trim = inner.trim();
    let lead = inner.len() - inner.trim_start().len();
    let start = open + 1 + lead;
    let words: Vec<&str> = inner_trim.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 4
        || !words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || w.starts_with(char::is_numeric))
    {
        return None;
    }
    let g = gazetteer();
    Some(Found {
        field: Field::Caption,
        start,
        end: start + inner_trim.len(),
        kind: Some(EntityKind::Org),
        confidence: 90,
        canonical: g.organisations.get(&*lookup_key(inner_trim)).copied(),
        acronym: None,
        weak: false,
        rule: "photo credit",
    })
}

/// In a headline or a title-case heading, the names the article or the gazetteers know.
fn find_known(
    text: &str,
    field: Field,
    known: &HashMap<String, (EntityKind, Option<&'static str>, u8)>,
    from: usize,
    to: usize,
    body: &BodyWords,
) -> Vec<Found> {
    // A heading in title case capitalises every word: one word the gazetteer knows that the
    // article writes in lower case is that word ("Joining Tours or Renting a Car": tours, not
    // the French city).
    let written_lower = |word: &str| word.chars().any(char::is_uppercase) && body.has(word);
    let g = gazetteer();
    let all = tokens(&text[from..to]);
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let mut matched = 0;
        // The longest span of up to six joined words that is a known name.
        let mut end = i;
        while end < all.len() && end - i < 6 {
            if end > i && (!all[end].joined || all[end].isolated || all[end - 1].possessive) {
                break;
            }
            end += 1;
        }
        for stop in (i + 1..=end).rev() {
            let span = &text[from + all[i].start..from + all[stop - 1].end];
            let key = lookup_key(span);
            let hit = if let Some(&(kind, canonical, sure)) = known.get(&key.to_lowercase()) {
                Some((kind, canonical, sure, "named so in the article"))
            } else if stop - i == 1 && field != Field::Dateline && written_lower(&key) {
                None
            } else if let Some(&canonical) = g.organisations.get(&*key) {
                Some((
                    EntityKind::Org,
                    Some(canonical),
                    85,
                    "gazetteer organisation",
                ))
            } else if let Some(&(canonical, _)) = g.places.get(&*key) {
                Some((EntityKind::Place, Some(canonical), 85, "gazetteer place"))
            } else if let Some(&(canonical, _)) = matches!(field, Field::Dateline | Field::Title)
                .then(|| capitalised_words(&key))
                .flatten()
                .and_then(|words| g.places.get(&words))
            {
                // A dateline writes its place in capitals ("LONDON 1996-08-31"), as a headline
                // in capitals writes every name.
                Some((EntityKind::Place, Some(canonical), 85, "gazetteer place"))
            } else {
                None
            };
            if let Some((kind, canonical, confidence, rule)) = hit {
                if stop - i == 1 && all[i].text.chars().count() < 2 {
                    continue;
                }
                out.push(Found {
                    field,
                    start: from + all[i].start,
                    end: from + all[stop - 1].end,
                    kind: Some(kind),
                    confidence,
                    canonical,
                    acronym: None,
                    weak: false,
                    rule,
                });
                matched = stop - i;
                break;
            }
        }
        i += matched.max(1);
    }
    out
}

/// The words of an article's body, for [`written_in_lower_case`] asked again and again of it:
/// its runs of letters and digits are gathered on the first question, and a word of letters and
/// digits only is then looked up among them rather than searched for through the text.
pub(crate) struct BodyWords<'a> {
    body: &'a str,
    runs: std::cell::OnceCell<super::gazetteer::HashSet<&'a str>>,
}

impl<'a> BodyWords<'a> {
    pub(crate) fn new(body: &'a str) -> Self {
        BodyWords {
            body,
            runs: std::cell::OnceCell::new(),
        }
    }

    /// [`written_in_lower_case`] of the body.
    pub(crate) fn has(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        if lower.is_empty() || !lower.chars().all(char::is_alphanumeric) {
            return written_in_lower_case(self.body, word);
        }
        // A match standing between two characters that are no letters or digits is one whole
        // run of them.
        self.runs
            .get_or_init(|| {
                self.body
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|run| !run.is_empty())
                    .collect()
            })
            .contains(lower.as_str())
    }
}

/// Whether `text` writes `word` in lower case, as a word of its own ("tours" for "Tours").
pub(crate) fn written_in_lower_case(text: &str, word: &str) -> bool {
    holds_words(text, &word.to_lowercase())
}

/// Whether `text` holds `words` as whole words, with no letter or digit right before or after
/// ("© 2025 spice ai" holds "spice ai", not "pi").
pub(crate) fn holds_words(text: &str, words: &str) -> bool {
    !words.is_empty()
        && text.match_indices(words).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + words.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// Words in capitals written as a name is ("NEW YORK" → "New York", "AL-AIN" → "Al-Ain"), or
/// None when they are not all in capitals.
pub(crate) fn capitalised_words(text: &str) -> Option<String> {
    if text.chars().any(char::is_lowercase) || !text.chars().any(char::is_uppercase) {
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

/// What the rules alone find in running text, in order: the sequence labeller reads it as
/// features.
pub(crate) fn rule_names(text: &str) -> Vec<Found> {
    let mut found = find_in_text(text, Field::Body, &[]);
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    found
}

/// Finds names in running text (a caption or a body), skipping the given heading ranges.
fn find_in_text(text: &str, field: Field, skip: &[(usize, usize)]) -> Vec<Found> {
    let lists = lists();
    let all = tokens(text);
    let in_skip = |t: &Token| skip.iter().any(|&(s, e)| t.start >= s && t.start < e);
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        if !name_word(&all[i], lists) || in_skip(&all[i]) {
            i += 1;
            continue;
        }
        // The run: name words, and connectors between two name words.
        let mut end = i + 1;
        if !all[i].isolated && !all[i].possessive {
            while end < all.len() {
                let next = &all[end];
                if !next.joined || next.isolated || next.sentence_start || in_skip(next) {
                    break;
                }
                if name_word(next, lists) {
                    end += 1;
                    if next.possessive {
                        break;
                    }
                    continue;
                }
                // Up to two connectors between name words: "Bank of England",
                // "Ursula von der Leyen".
                let connector = |t: &Token| {
                    t.joined
                        && !t.possessive
                        && lists.connectors.contains(t.lower())
                        && t.text.starts_with(char::is_lowercase)
                };
                let mut gap = 0;
                while gap < 2
                    && all.get(end + gap).is_some_and(|t| {
                        // "of the": "National Grid Corporation of the Philippines".
                        connector(t) || (gap == 1 && t.text == "the" && t.joined)
                    })
                {
                    gap += 1;
                }
                let joins = gap > 0
                    && all.get(end + gap).is_some_and(|after| {
                        after.joined && !after.isolated && name_word(after, lists)
                    });
                if joins {
                    end += gap + 1;
                    if all[end - 1].possessive {
                        break;
                    }
                    continue;
                }
                break;
            }
        }
        read_run(text, field, &all, i, end, &mut out);
        i = end;
    }
    out
}

/// Reads one run of capitalised words `[from, to)`: strips what is not part of a name, splits it
/// at person titles, and types each part.
fn read_run(text: &str, field: Field, all: &[Token], from: usize, to: usize, out: &mut Vec<Found>) {
    let lists = lists();
    let g = gazetteer();
    // "and", "for", "on" join two names only in a known name or after an organisation word
    // ("Council on Foreign Relations"); else "Iraq and Iran" are two names.
    let whole = lookup_key(&text[all[from].start..all[to - 1].end]);
    if !g.organisations.contains_key(&*whole) && !g.places.contains_key(&*whole) {
        let head = |k: usize| g.org_heads.contains(all[k].lower());
        for k in from + 1..to.saturating_sub(1) {
            let lower = all[k].lower();
            // "Council on …", "Commission for …": after an organisation word. "Freedom and
            // Prosperity Movement": before one, with none in front ("CMOC Group and Zijin
            // Mining" are two).
            let joins = match lower {
                "and" => head(to - 1) && !(from..k).any(head),
                _ => head(k - 1),
            };
            if ORG_CONNECTORS.contains(&lower) && !joins {
                read_run(text, field, all, from, k, out);
                read_run(text, field, all, k + 1, to, out);
                return;
            }
        }
    }
    let mut start = from;
    // "The Associated Press" in mid-sentence: the article is part of the name.
    if all[from].text == "The" && !all[from].sentence_start && to - from > 1 {
        let rest = lookup_key(&text[all[from + 1].start..all[to - 1].end]);
        if g.organisations.contains_key(&format!("The {rest}")) {
            read_segment(text, field, all, from, to, Cue::None, out);
            return;
        }
    }
    // Function words and faith words in front: "The", "However", "Shiite".
    while start < to {
        let lower = all[start].lower();
        let lower_connector =
            lists.connectors.contains(lower) && all[start].text.starts_with(char::is_lowercase);
        if lists.function.contains(lower) || lower_connector {
            start += 1;
        } else {
            break;
        }
    }
    // Split at titles: "Ramsey County Sheriff Bob Fletcher" → place, title, person.
    let mut k = start;
    let mut segment_start = start;
    let mut after_title = false;
    while k < to {
        let n = title_len(all, k, to);
        let lone_honorific = n > 0 && is_lone_honorific(all, k, n, to);
        let title_ends_run = n > 0 && k + n == to && k > segment_start;
        if title_ends_run {
            // "Presidential Special Envoy", "Civil Protection Minister": a post, not a name.
            read_segment(text, field, all, segment_start, k, Cue::BeforeTitle, out);
            return;
        }
        if n > 0 && !lone_honorific && k + n < to && !segment_has_org_head(all, k + n, to) {
            if segment_start < k {
                read_segment(text, field, all, segment_start, k, Cue::BeforeTitle, out);
            }
            k += n;
            // Connectors after a title: "Secretary-General of Kata'ib Hezbollah".
            while k < to && lists.connectors.contains(all[k].lower()) {
                k += 1;
            }
            segment_start = k;
            after_title = true;
            continue;
        }
        k += 1;
    }
    if segment_start < to {
        let cue = if after_title {
            Cue::AfterTitle
        } else {
            Cue::None
        };
        read_segment(text, field, all, segment_start, to, cue, out);
    }
}

/// What stands next to a part of a run.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    None,
    /// A person title precedes: "Prime Minister ▸Mohammed Shia al-Sudani".
    AfterTitle,
    /// A person title follows: "▸Civil Protection Minister", "▸Ramsey County Sheriff". Such a
    /// part is a place or an organisation when its words say so, never a person.
    BeforeTitle,
}

/// "Imam Hassan": a religious honorific before one given name is part of how the person is known.
fn is_lone_honorific(all: &[Token], k: usize, n: usize, to: usize) -> bool {
    n == 1
        && k + 2 == to
        && all[k].lower() == "imam"
        && gazetteer()
            .given_names
            .contains(&*lookup_key(all[k + 1].text))
}

fn segment_has_org_head(all: &[Token], from: usize, to: usize) -> bool {
    let g = gazetteer();
    (from..to).any(|k| g.org_heads.contains(all[k].lower()))
}

/// Types one part of a run, already free of titles.
fn read_segment(
    text: &str,
    field: Field,
    all: &[Token],
    from: usize,
    to: usize,
    cue: Cue,
    out: &mut Vec<Found>,
) {
    let after_title = cue == Cue::AfterTitle;
    let before_title = cue == Cue::BeforeTitle;
    let g = gazetteer();
    let lists = lists();
    let mut start = from;
    let mut end = to;
    // Trailing connectors never end a name.
    while end > start && lists.connectors.contains(all[end - 1].lower()) {
        end -= 1;
    }
    let span = |s: usize, e: usize| &text[all[s].start..all[e - 1].end];
    let whole_known = |s: usize, e: usize| {
        let key = lookup_key(span(s, e));
        g.organisations.contains_key(&*key) || g.places.contains_key(&*key)
    };
    let org_headed = |s: usize, e: usize| {
        (s + 1..e).any(|k| g.org_heads.contains(all[k].lower()))
            || whole_known(s, e) && g.organisations.contains_key(&*lookup_key(span(s, e)))
    };
    // Demonyms and faith words in front, unless they belong to an organisation's name
    // ("Russian Foreign Ministry", "Iranian Revolutionary Guards Corps").
    while start < end {
        if whole_known(start, end) {
            break;
        }
        let word = lookup_key(all[start].text);
        let lower = word.to_lowercase();
        let adjective = g.demonyms.contains_key(&*word) || lists.group.contains(lower.as_str());
        let function = lists.function.contains(lower.as_str());
        if function || (adjective && !(end - start > 1 && org_headed(start, end))) {
            start += 1;
            // A connector left in front: "Iraqi of …" never happens, but "the" might.
            while start < end && lists.connectors.contains(all[start].lower()) {
                start += 1;
            }
        } else {
            break;
        }
    }
    if start >= end {
        return;
    }
    let n = end - start;
    let surface = span(start, end);
    let key = lookup_key(surface);
    let before = words_before(all, start, 2);
    // The words after a name describe it, unless the name owns them ("Hakim’s Hikma bloc") or
    // was cut out of a compound ("pro-Sistani factions").
    let after: Vec<String> = if all[end - 1].possessive || all[end - 1].isolated {
        Vec::new()
    } else {
        words_after(all, end - 1, 2)
    };
    let next_word = after.first().map(|w| w.to_lowercase()).unwrap_or_default();
    let next_word = next_word.as_str();
    let noun_after = |set: &HashSet<&str>| {
        !after
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
            && after
                .iter()
                .take(2)
                .any(|w| set.contains(w.to_lowercase().as_str()))
    };
    let acronym = acronym_after(text, all, start, end);
    let mut push = |kind: Option<EntityKind>, confidence: u8, canonical, weak, rule| {
        out.push(Found {
            field,
            start: all[start].start,
            end: all[end - 1].end,
            kind,
            confidence,
            canonical,
            acronym: acronym.clone(),
            weak,
            rule,
        });
    };
    if let Some(&canonical) = g.organisations.get(&*key) {
        // A one-letter name is too easily something else ("X-ray", "Plan B").
        if surface.chars().count() > 1 {
            push(
                Some(EntityKind::Org),
                95,
                Some(canonical),
                false,
                "gazetteer organisation",
            );
        }
        return;
    }
    if let Some(&(canonical, _)) = g.places.get(&*key) {
        push(
            Some(EntityKind::Place),
            95,
            Some(canonical),
            false,
            "gazetteer place",
        );
        return;
    }
    if noun_after(&lists.not_entity_nouns) {
        // "the Unity of Fronts doctrine": an idea, also where the article names it bare.
        push(None, 0, None, true, NOT_A_NAME);
        return;
    }
    let last = all[end - 1].lower();
    let first = all[start].lower();
    if n == 1 {
        let token = &all[start];
        let lower = token.lower();
        if g.demonyms.contains_key(&*key)
            || lists.group.contains(lower)
            || lists.function.contains(lower)
            || token.text.chars().filter(|c| c.is_alphabetic()).count() < 2
        {
            return;
        }
        if before_title {
            return;
        }
        if after_title {
            push(Some(EntityKind::Person), 85, None, false, "after a title");
        } else if noun_after(&lists.org_nouns) {
            push(
                Some(EntityKind::Org),
                80,
                None,
                false,
                "a group noun follows",
            );
        } else if noun_after(&lists.place_nouns) {
            push(
                Some(EntityKind::Place),
                80,
                None,
                false,
                "a place noun follows",
            );
        } else if token.acronym() {
            if !COMMON_ACRONYMS.contains(&token.text.trim_end_matches('.')) {
                push(Some(EntityKind::Org), 70, None, false, "acronym");
            }
        } else if before
            .first()
            .is_some_and(|w| lists.org_before.contains(w.as_str()))
        {
            push(
                Some(EntityKind::Org),
                75,
                None,
                false,
                "a kind of organisation precedes",
            );
        } else if all[end - 1].possessive
            && words_after(all, end - 1, 2)
                .iter()
                .any(|w| lists.org_owns.contains(w.to_lowercase().as_str()))
        {
            push(
                Some(EntityKind::Org),
                70,
                None,
                false,
                "what it owns is a company's",
            );
        } else if place_before(&before) {
            push(
                Some(EntityKind::Place),
                75,
                None,
                false,
                "a place preposition precedes",
            );
        } else if before.first().is_some_and(|w| w == "the")
            && token.text.ends_with('s')
            && !token.possessive
        {
            push(Some(EntityKind::Org), 70, None, false, "a named group");
        } else if lists.person_after.contains(next_word) {
            // "Lula said" names a person even at a sentence start; "Prosecutors said" may not.
            let plural = token.text.ends_with('s');
            push(
                Some(EntityKind::Person),
                75,
                None,
                token.sentence_start && plural,
                "a speech verb follows",
            );
        } else if token.sentence_start || g.org_heads.contains(lower) {
            push(None, 40, None, true, "capitalised at a sentence start");
        } else {
            push(None, 55, None, false, "capitalised inside a sentence");
        }
        return;
    }
    if n > 6 || (start..end).any(|k| all[k].text.starts_with(|c: char| c.is_ascii_digit())) {
        return;
    }
    if lists.not_entity_tails.contains(last) || NOT_ENTITY_HEADS.contains(&first) {
        return;
    }
    if g.org_heads.contains(last) || lists.org_first.contains(first) || org_headed(start, end) {
        push(Some(EntityKind::Org), 85, None, false, "organisation word");
        return;
    }
    if lists.place_tails.contains(last) || lists.place_heads.contains(first) {
        push(Some(EntityKind::Place), 85, None, false, "place word");
        return;
    }
    if noun_after(&lists.org_nouns) {
        push(
            Some(EntityKind::Org),
            75,
            None,
            false,
            "a group noun follows",
        );
        return;
    }
    if noun_after(&lists.place_nouns) {
        push(
            Some(EntityKind::Place),
            75,
            None,
            false,
            "a place noun follows",
        );
        return;
    }
    if (start..end).all(|k| all[k].acronym()) {
        push(Some(EntityKind::Org), 60, None, false, "acronyms");
        return;
    }
    if before_title {
        return;
    }
    let given = g.given_names.contains(&*lookup_key(all[start].text));
    let is_place = |k: usize| g.places.contains_key(&*lookup_key(all[k].text));
    if !given && !after_title && (is_place(start) || is_place(end - 1)) {
        // "Borsa Istanbul", "Manchester United", "Air India": named after a place, not a person.
        push(
            Some(EntityKind::Org),
            60,
            None,
            false,
            "a name built on a place",
        );
        return;
    }
    let particle = (start..end).any(|k| {
        let w = all[k].lower();
        particle_rest(all[k].text).is_some()
            || matches!(w, "abu" | "bin" | "ibn" | "al" | "umm" | "abdul" | "abdel")
    });
    let confidence = if after_title || given || particle {
        90
    } else {
        65
    };
    push(
        Some(EntityKind::Person),
        confidence,
        None,
        false,
        if after_title {
            "after a title"
        } else if given {
            "starts with a given name"
        } else {
            "a run of capitalised words"
        },
    );
}

fn place_before(before: &[String]) -> bool {
    let one = before.first().map(String::as_str).unwrap_or("");
    let two = match before {
        [a, b, ..] => format!("{b} {a}"),
        _ => String::new(),
    };
    PLACE_BEFORE.iter().any(|p| *p == one || *p == two)
}

/// The acronym given in parentheses right after a name, when its letters are the name's
/// initials: "Islamic Revolutionary Guards Corps (IRGC)".
fn acronym_after(text: &str, all: &[Token], start: usize, end: usize) -> Option<String> {
    let rest = &text[all[end - 1].end..];
    let rest = rest.strip_prefix(' ')?.strip_prefix('(')?;
    let close = rest.find(')')?;
    let acronym = &rest[..close];
    if acronym.len() < 2
        || acronym.len() > 8
        || !acronym.chars().all(|c| c.is_ascii_uppercase() || c == '.')
    {
        return None;
    }
    let initials: Vec<char> = (start..end)
        .flat_map(|k| {
            all[k]
                .text
                .split('-')
                .map(|p| p.chars().next().unwrap_or(' '))
        })
        .filter(|c| c.is_uppercase())
        .collect();
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    // Every letter of the acronym is, in order, the initial of a word of the name.
    let mut at = 0;
    for c in &letters {
        match initials[at..].iter().position(|i| i == c) {
            Some(p) => at += p + 1,
            None => return None,
        }
    }
    (initials.first() == letters.first()).then(|| acronym.to_owned())
}

/// Byte ranges of the body paragraphs that are title-case headings.
pub(crate) fn heading_ranges(body: &str, subheadings: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for paragraph in body.split("\n\n") {
        let end = start + paragraph.len();
        if subheadings.iter().any(|s| s == paragraph) && is_title_case(paragraph) {
            out.push((start, end));
        }
        start = end + 2;
    }
    out
}

/// Most words of four letters or more start with a capital: "Bodies Found Near Lake".
pub(crate) fn is_title_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitals = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    long.len() >= 2 && capitals * 10 >= long.len() * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_s_words_answer_as_a_search_through_it_does() {
        let body = "Joining tours in the U.S. is easy.\nThe al-sudani camp, the aaa road, \
                    an éclair and a bar-b-q; Paris.\n";
        let words = BodyWords::new(body);
        for word in [
            "Tours",
            "TOURS",
            "Paris",
            "U.S.",
            "Al-Sudani",
            "Éclair",
            "Aa",
            "Aaa",
            "Bar",
            "Q",
            "Camp",
            "Road",
            "Joining",
            "Is",
            "Rome",
        ] {
            assert_eq!(words.has(word), written_in_lower_case(body, word), "{word}");
        }
        assert!(words.has("Tours") && words.has("Éclair") && words.has("Al-Sudani"));
        assert!(!words.has("Paris") && !words.has("Aa") && !words.has("Joining"));
    }

    fn names(text: &str) -> Vec<(String, Option<EntityKind>)> {
        find_in_text(text, Field::Body, &[])
            .into_iter()
            .filter(|f| !f.weak)
            .map(|f| (text[f.start..f.end].to_owned(), f.kind))
            .collect()
    }

    fn has(text: &str, name: &str, kind: EntityKind) -> bool {
        names(text)
            .iter()
            .any(|(n, k)| n == name && *k == Some(kind))
    }

    #[test]
    fn references_in_a_list_of_sources() {
        crate::testing::assert_sorts(
            is_citation,
            &[
                "Skelly AC, Chou R, Dettori JR, et al. Noninvasive Nonpharmacological Treatment for Chronic Pain. 2020.",
                "Cerra, J., Wien, H. C., & Skelly, S. (2015). Making change: designing a new model.",
                "12. Creswell JD. Mindfulness interventions. Annual Review of Psychology. 2017;68:491-516.",
            ],
            &[
                "Smith said the 2015 plan et al. had failed.",
                "Jane Doe, the mayor, said in 2020 that the journal would close.",
                "UK GDP grew 0.3% in 2024 (2023: 0.1%), the ONS said.",
                "California IT in Education (CITE): November 17-19, 2026 | Anaheim, CA",
            ],
        );
    }

    #[test]
    fn the_authors_of_a_list_of_sources_are_no_people_of_the_article() {
        let body = "Jon Kabat-Zinn, who founded the programme, said the results were clear.\n\n\
                    References\n\n\
                    Skelly AC, Chou R, Dettori JR, et al. Noninvasive Nonpharmacological \
                    Treatment for Chronic Pain. Rockville, MD; 2020.\n\n\
                    Grant S, Colaiaco B, Motala A, et al. Mindfulness-based relapse prevention. \
                    Journal of Addiction Medicine. 2017;11(5):386-396.";
        let people: Vec<&str> = names_in(body)
            .into_iter()
            .filter(|n| n.2 == EntityKind::Person)
            .map(|n| &body[n.0..n.1])
            .collect();
        assert!(people.contains(&"Jon Kabat-Zinn"), "{people:?}");
        for author in ["Chou R", "Skelly AC", "Grant S", "Motala A"] {
            assert!(
                !people.iter().any(|p| p.contains(author)),
                "{author} in {people:?}"
            );
        }
    }

    #[test]
    fn titles_and_demonyms_are_left_out_of_a_name() {
        let text = "Iraqi Prime Minister Mohammed Shia al-Sudani met the press.";
        assert_eq!(
            names(text),
            vec![(
                "Mohammed Shia al-Sudani".to_owned(),
                Some(EntityKind::Person)
            )]
        );
        assert!(has(
            "On Sunday, Supreme Leader Ayatollah Ali Khamenei spoke.",
            "Ali Khamenei",
            EntityKind::Person
        ));
    }

    #[test]
    fn a_run_splits_at_a_title_into_its_parts() {
        let text = "said Ramsey County Sheriff Bob Fletcher on the phone.";
        assert!(has(text, "Ramsey County", EntityKind::Place));
        assert!(has(text, "Bob Fletcher", EntityKind::Person));
    }

    #[test]
    fn organisation_words_make_organisations_and_keep_their_adjective() {
        let text = "a statement from the Russian Foreign Ministry and the Maplewood Police.";
        assert!(has(text, "Russian Foreign Ministry", EntityKind::Org));
        assert!(has(text, "Maplewood Police", EntityKind::Org));
    }

    #[test]
    fn names_inside_hyphenated_compounds_count() {
        let text = "the Iran-backed militias and pro-Sistani factions";
        assert!(has(text, "Iran", EntityKind::Place));
        assert!(names(text).iter().any(|(n, _)| n == "Sistani"));
    }

    #[test]
    fn context_types_unknown_single_names() {
        assert!(has(
            "a blaze tore through the seaside town of Mativa last year",
            "Mativa",
            EntityKind::Place
        ));
        assert!(has(
            "backed by the Hikmara bloc in parliament",
            "Hikmara",
            EntityKind::Org
        ));
        assert!(has(
            "near the Qartoum airbase on the coast",
            "Qartoum",
            EntityKind::Place
        ));
    }

    #[test]
    fn what_stands_around_a_company_name_makes_it_an_organisation() {
        assert!(has(
            "publishers sued the startup Vantrix on Monday",
            "Vantrix",
            EntityKind::Org
        ));
        assert!(has(
            "a statement from Dremmel's chief executive",
            "Dremmel",
            EntityKind::Org
        ));
        assert!(has(
            "shares traded on Bolsa Lisbon fell",
            "Bolsa Lisbon",
            EntityKind::Org
        ));
        assert!(has(
            "the head of the Central Bank of the Philippines resigned",
            "Central Bank of the Philippines",
            EntityKind::Org
        ));
        assert!(has(
            "talks with Ursula von der Leyen ended",
            "Ursula von der Leyen",
            EntityKind::Person
        ));
    }

    #[test]
    fn events_faiths_and_calendar_words_are_not_entities() {
        assert!(names("during the Cold War the Shiite parties met on Monday in March").is_empty());
        assert!(names("the Unity of Fronts doctrine was discussed").is_empty());
    }

    #[test]
    fn an_acronym_in_parentheses_is_recorded_with_its_expansion() {
        let text = "the Islamic Revolutionary Guards Corps (IRGC) said";
        let found = find_in_text(text, Field::Body, &[]);
        assert_eq!(found[0].acronym.as_deref(), Some("IRGC"));
        assert_eq!(found[0].kind, Some(EntityKind::Org));
        assert!(has(text, "IRGC", EntityKind::Org));
    }

    #[test]
    fn a_headline_yields_only_names_known_elsewhere() {
        let title = "Iraq Frustrated by Iran’s Reluctance to Rein in Militias";
        let found = find(title, None, None, "Officials in Iraq and Iran spoke.", &[]);
        let in_title: Vec<&str> = found
            .iter()
            .filter(|f| f.field == Field::Title)
            .map(|f| &title[f.start..f.end])
            .collect();
        assert_eq!(in_title, vec!["Iraq", "Iran"]);
    }

    #[test]
    fn a_photo_credit_is_an_organisation_and_a_description_is_not() {
        assert!(photo_credit("Delegates meet in Moscow on Monday. (Russia Today)").is_some());
        assert!(photo_credit("Sudani in a market (Government media)").is_none());
    }

    #[test]
    fn scrambled_text_never_panics_and_spans_stay_on_boundaries() {
        let pieces = [
            "Al-",
            "al-",
            "’s",
            "'s",
            "-",
            " ",
            "\u{a0}",
            ".",
            "U.S.",
            "(",
            ")",
            "“",
            "”",
            "Lt.",
            "Prime Minister",
            "Kata’ib",
            "Ça",
            "É",
            "x",
            "Y",
            "of",
            "and",
            "the",
            "The",
            "\n\n",
            "Iran",
            "Hezbollah",
            "Corps",
            "County",
            "said",
            "ñ",
            "日本",
            ",",
            "IRGC",
            "(IRGC)",
        ];
        let texts = crate::testing::pseudo_random_texts(&pieces, 2000, 23, "");
        for text in &texts {
            for f in find(
                text,
                Some(text),
                Some(text),
                text,
                &heading_ranges(text, std::slice::from_ref(text)),
            ) {
                assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
                assert!(f.start < f.end && f.end <= text.len(), "{text:?}");
            }
        }
        // And linked across a corpus of them.
        let mut corpus = crate::Corpus::new();
        for (n, text) in texts.iter().enumerate() {
            let _ = corpus.add_file(
                &format!("{n}.txt"),
                format!("Headline {n}\n\n{text}").as_bytes(),
            );
        }
        corpus.finish();
        for doc in corpus.documents() {
            for m in &doc.mentions {
                assert!(corpus.entity(m.entity).is_some());
                assert!(doc
                    .field_text(m.field)
                    .get(m.start as usize..m.end as usize)
                    .is_some());
            }
        }
    }

    #[test]
    fn offsets_fall_on_character_boundaries_for_any_text() {
        let text = "Éloïse Dupont-Aignan’s « Ça » — Kata’ib Hezbollah\u{a0}Council, U.S. (X) ’s ’";
        // Every field is the same text here, so one check covers them all.
        for f in find(text, Some(text), Some(text), text, &[]) {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            assert!(f.start < f.end);
        }
    }
}
