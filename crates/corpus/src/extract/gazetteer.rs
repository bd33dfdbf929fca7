//! The word lists the entity recogniser reads: places, organisations, demonyms, given names,
//! person titles and the words that head an organisation's name. They are general world
//! knowledge, compiled into the binary (see `gazetteer/SOURCES.md` for where each comes from),
//! and parsed once on first use.

use std::borrow::Cow;
use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: a quick hash for the short keys of word lists, looked up for every capitalised word
/// (the standard library's SipHash is built against hostile keys, and several times slower).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 29;
        h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^ (h >> 32)
    }
}

/// A map keyed by words, hashed with [`Fnv`].
pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;
/// A set of words, hashed with [`Fnv`].
pub(crate) type HashSet<K> = StdHashSet<K, BuildHasherDefault<Fnv>>;

/// What kind of place a gazetteer place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    Country,
    Region,
    City,
}

/// Every list, ready for lookups by exact surface text.
pub(crate) struct Gazetteer {
    /// Surface → (canonical name, kind).
    pub places: HashMap<String, (&'static str, PlaceKind)>,
    /// Surface → canonical name.
    pub organisations: HashMap<String, &'static str>,
    /// Demonym → place ("Iraqi" → "Iraq").
    pub demonyms: HashMap<String, &'static str>,
    /// Given names, as written.
    pub given_names: HashSet<String>,
    /// Person titles, lower-cased, words joined by one space.
    pub titles: HashSet<String>,
    /// The most words a title has.
    pub longest_title: usize,
    /// Words that head an organisation's name, lower-cased.
    pub org_heads: HashSet<String>,
}

pub(crate) const COUNTRIES: &str = include_str!("gazetteer/countries.txt");
pub(crate) const REGIONS: &str = include_str!("gazetteer/regions.txt");
pub(crate) const CITIES: &str = include_str!("gazetteer/cities.txt");
const DEMONYMS: &str = include_str!("gazetteer/demonyms.txt");
const ORGANISATIONS: &str = include_str!("gazetteer/organisations.txt");
const GIVEN_NAMES: &str = include_str!("gazetteer/given_names.txt");
const TITLES: &str = include_str!("gazetteer/person_titles.txt");
const ORG_HEADS: &str = include_str!("gazetteer/org_heads.txt");

/// The data lines of a list: comments and blank lines dropped.
pub(crate) fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lists, parsed on first use.
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static CELL: OnceLock<Gazetteer> = OnceLock::new();
    CELL.get_or_init(build)
}

/// One name as it is looked up: curly apostrophes and no-break spaces made plain (borrowed
/// when there is nothing to change, as for most words).
pub(crate) fn lookup_key(text: &str) -> Cow<'_, str> {
    let plain = |c: char| !matches!(c, '\u{2019}' | '\u{2018}' | '`' | '\u{a0}');
    if text.bytes().all(|b| b != b'`' && b < 0x80) || text.chars().all(plain) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\u{2019}' | '\u{2018}' | '`' => '\'',
                '\u{a0}' => ' ',
                c => c,
            })
            .collect(),
    )
}

fn build() -> Gazetteer {
    let mut places = HashMap::default();
    // Cities first, so that a country or region of the same name wins ("Georgia", "Mexico").
    for (list, kind) in [
        (CITIES, PlaceKind::City),
        (REGIONS, PlaceKind::Region),
        (COUNTRIES, PlaceKind::Country),
    ] {
        for line in lines(list) {
            let mut names = line.split('|').map(str::trim).filter(|n| !n.is_empty());
            let Some(canonical) = names.next() else {
                continue;
            };
            places.insert(lookup_key(canonical).into_owned(), (canonical, kind));
            for alias in names {
                places.insert(lookup_key(alias).into_owned(), (canonical, kind));
            }
        }
    }
    let mut organisations = HashMap::default();
    for line in lines(ORGANISATIONS) {
        let mut names = line.split('|').map(str::trim).filter(|n| !n.is_empty());
        let Some(canonical) = names.next() else {
            continue;
        };
        for name in std::iter::once(canonical).chain(names) {
            organisations.insert(lookup_key(name).into_owned(), canonical);
            // "The Times of Israel" is also written without its article.
            if let Some(rest) = name.strip_prefix("The ") {
                organisations.insert(lookup_key(rest).into_owned(), canonical);
            }
        }
    }
    let mut demonyms = HashMap::default();
    for line in lines(DEMONYMS) {
        let mut names = line.split('|').map(str::trim).filter(|n| !n.is_empty());
        let Some(place) = names.next() else {
            continue;
        };
        for demonym in names {
            demonyms.insert(lookup_key(demonym).into_owned(), place);
        }
    }
    let titles: HashSet<String> = lines(TITLES)
        .map(|t| {
            lookup_key(t)
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let longest_title = titles
        .iter()
        .map(|t| t.split(' ').count())
        .max()
        .unwrap_or(1);
    Gazetteer {
        places,
        organisations,
        demonyms,
        given_names: lines(GIVEN_NAMES)
            .map(|n| lookup_key(n).into_owned())
            .collect(),
        titles,
        longest_title,
        org_heads: lines(ORG_HEADS).map(|h| h.to_lowercase()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_loads_and_names_resolve_to_their_canonical_form() {
        let g = gazetteer();
        assert_eq!(g.places.get("U.S.").map(|p| p.0), Some("United States"));
        assert_eq!(
            g.places.get("France").map(|p| p.1),
            Some(PlaceKind::Country)
        );
        assert_eq!(g.demonyms.get("Iraqi"), Some(&"Iraq"));
        assert!(g.titles.contains("prime minister"));
        assert!(g.org_heads.contains("ministry"));
        assert!(g.given_names.len() > 1000);
        assert!(g.places.len() > 1000);
    }

    #[test]
    fn every_demonym_points_at_a_known_place() {
        let g = gazetteer();
        for place in g.demonyms.values() {
            assert!(g.places.contains_key(*place), "{place} is not a place");
        }
    }
}
