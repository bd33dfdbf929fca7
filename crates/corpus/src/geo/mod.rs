//! Where things are on the earth: the outline of every country (Natural Earth, 1:110m), a point
//! for the gazetteer's cities, much-named regions and countries (GeoNames), and the Equal Earth
//! projection that puts them on a flat map. Both tables are compiled in (see `SOURCES.md` and
//! `build.py` beside this file), so a map is drawn without any network request.
//!
//! [`Corpus::place_map`](crate::Corpus::place_map) counts a filter's places on this map.

use crate::extract::gazetteer::{self, gazetteer, lookup_key, HashMap, PlaceKind};
use crate::{Corpus, DocId, EntityId, EntityKind, Query};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const WORLD: &str = include_str!("world.txt");
const PLACES: &str = include_str!("places.txt");

/// A longitude and latitude, in degrees.
pub type LonLat = (f32, f32);

/// One country's outline.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryShape {
    /// Its ISO 3166-1 alpha-2 code ("FR").
    pub code: &'static str,
    /// Its name, as the gazetteer writes it.
    pub name: &'static str,
    /// Its rings (islands and mainland), each a closed line of points, the last point joined
    /// back to the first.
    pub rings: Vec<Vec<LonLat>>,
}

/// Every country with an outline, in code order; read from the compiled table on first use.
pub fn countries() -> &'static [CountryShape] {
    static CELL: OnceLock<Vec<CountryShape>> = OnceLock::new();
    CELL.get_or_init(|| WORLD.lines().filter_map(parse_country).collect())
}

/// One line of `world.txt`: `ISO2|name|ring;ring`, a ring's points in tenths of a degree, each
/// after the first relative to the one before.
fn parse_country(line: &'static str) -> Option<CountryShape> {
    let mut fields = line.splitn(3, '|');
    let (code, name, rings) = (fields.next()?, fields.next()?, fields.next()?);
    let rings = rings
        .split(';')
        .map(|ring| {
            let (mut x, mut y) = (0i32, 0i32);
            ring.split(' ')
                .filter_map(|pair| {
                    let (dx, dy) = pair.split_once(',')?;
                    x += dx.parse::<i32>().ok()?;
                    y += dy.parse::<i32>().ok()?;
                    Some((x as f32 / 10.0, y as f32 / 10.0))
                })
                .collect::<Vec<_>>()
        })
        .filter(|ring| ring.len() >= 3)
        .collect();
    Some(CountryShape { code, name, rings })
}

/// What kind of place a located place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlaceType {
    /// A country or territory.
    Country,
    /// A region: a state, province, island, disputed area or world region.
    Region,
    /// A city or town.
    City,
}

/// Where the gazetteer puts a place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Location {
    /// The gazetteer's name for it.
    pub canonical: &'static str,
    /// What it is.
    pub kind: PlaceType,
    /// The country it is in (or is), as an ISO 3166-1 alpha-2 code; None for a world region
    /// ("Middle East") or a former state.
    pub country: Option<&'static str>,
    /// A point for it (a city's centre, a country's capital, a region's middle); None when the
    /// gazetteer knows none (a first-level division of a country, a world region).
    pub point: Option<LonLat>,
}

/// The places table, by (canonical name, kind): each section of `places.txt` read beside the
/// gazetteer list whose lines it follows, one line for one.
fn places() -> &'static HashMap<(&'static str, PlaceType), Location> {
    static CELL: OnceLock<HashMap<(&'static str, PlaceType), Location>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut table = HashMap::default();
        for (section, list, kind) in [
            ("# cities", gazetteer::CITIES, PlaceType::City),
            ("# countries", gazetteer::COUNTRIES, PlaceType::Country),
            ("# regions", gazetteer::REGIONS, PlaceType::Region),
        ] {
            let rows = PLACES
                .lines()
                .skip_while(|l| *l != section)
                .skip(1)
                .take_while(|l| !l.starts_with('#') && !l.starts_with('@'));
            for (names, row) in gazetteer::lines(list).zip(rows) {
                let canonical = names.split('|').next().unwrap_or(names).trim();
                let mut fields = row.split('|');
                let (country, lat, lon) = (fields.next(), fields.next(), fields.next());
                let hundredths = |s: Option<&str>| s?.parse::<i32>().ok().map(|v| v as f32 / 100.0);
                table.insert(
                    (canonical, kind),
                    Location {
                        canonical,
                        kind,
                        country: country.filter(|c| !c.is_empty()),
                        point: hundredths(lon).zip(hundredths(lat)),
                    },
                );
            }
        }
        table
    })
}

/// The codes of the countries [`countries`] has an outline for, without reading the outlines.
pub fn outlined(code: &str) -> bool {
    PLACES
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("outlined|"))
        .is_some_and(|codes| codes.split(' ').any(|c| c == code))
}

/// Where a place named `name` is, if the gazetteer knows the name (under any of its aliases),
/// or if it is a US state's postal code ("TX").
pub fn locate(name: &str) -> Option<Location> {
    let Some(&(canonical, kind)) = gazetteer().places.get(lookup_key(name).as_ref()) else {
        return postal_code(name);
    };
    let kind = match kind {
        PlaceKind::Country => PlaceType::Country,
        PlaceKind::Region => PlaceType::Region,
        PlaceKind::City => PlaceType::City,
    };
    places().get(&(canonical, kind)).copied()
}

/// The US state whose postal code `code` is.
fn postal_code(code: &str) -> Option<Location> {
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    PLACES
        .lines()
        .filter_map(|line| line.strip_prefix('@')?.split_once('|'))
        .find(|(c, _)| *c == code)
        .and_then(|(_, state)| places().get(&(state, PlaceType::Region)).copied())
}

/// The name of the country with this ISO code, if the gazetteer has it.
pub fn country_name(code: &str) -> Option<&'static str> {
    static CELL: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    CELL.get_or_init(|| {
        places()
            .values()
            .filter(|l| l.kind == PlaceType::Country)
            .filter_map(|l| Some((l.country?, l.canonical)))
            .collect()
    })
    .get(code)
    .copied()
}

/// The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): an equal-area map of the
/// whole world. Gives x in about −2.71…2.71 (east positive) and y in about −1.32…1.32 (north
/// positive) for a sphere of radius 1.
pub fn project((lon, lat): LonLat) -> (f32, f32) {
    const A1: f64 = 1.340_264;
    const A2: f64 = -0.081_106;
    const A3: f64 = 0.000_893;
    const A4: f64 = 0.003_796;
    let lambda = f64::from(lon).to_radians();
    let phi = f64::from(lat.clamp(-90.0, 90.0)).to_radians();
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos() / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x as f32, y as f32)
}

/// A country on the map, shaded by the stories that name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryStories {
    /// Its ISO 3166-1 alpha-2 code, as in [`CountryShape::code`].
    pub code: String,
    /// The entity that names it (a click selects it).
    pub entity: EntityId,
    /// The entity's name.
    pub name: String,
    /// The filter's stories that name it.
    pub stories: usize,
    /// The filter's stories that name a city or region in it (the country's own name or not).
    pub inside: usize,
}

/// A place drawn as a dot: a city, a region with a point, or a country too small for an outline
/// on a world map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacePoint {
    /// Its entity.
    pub entity: EntityId,
    /// The entity's name.
    pub name: String,
    /// What it is.
    pub kind: PlaceType,
    /// The country it is in, as an ISO code, if any.
    pub country: Option<String>,
    /// Where it is.
    pub lon: f32,
    /// Where it is.
    pub lat: f32,
    /// The filter's stories that name it.
    pub stories: usize,
}

/// A place the gazetteer cannot put on the map, listed beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnplacedPlace {
    /// Its entity.
    pub entity: EntityId,
    /// The entity's name.
    pub name: String,
    /// The filter's stories that name it.
    pub stories: usize,
    /// Why it has no place: the country it lies in without a point of its own ("in Canada"),
    /// a region the gazetteer places in no country and has no point for ("a region with no
    /// point": a continent, a sea, a province such as Alsace), or a name the gazetteer does not
    /// know.
    pub why: String,
}

/// The places of a filter, on and beside the map.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PlaceMap {
    /// Countries with an outline that the stories name, or name a place in; most stories first.
    pub countries: Vec<CountryStories>,
    /// Places drawn as dots, most stories first.
    pub points: Vec<PlacePoint>,
    /// Places the map cannot show, most stories first.
    pub unplaced: Vec<UnplacedPlace>,
}

impl Corpus {
    /// The places named by the stories `query` keeps (its page is ignored), on a world map.
    pub fn place_map(&self, query: &Query) -> PlaceMap {
        let matching = self.matching(query);
        self.place_map_of(&matching)
    }

    /// The places named by the stories of `matching`.
    pub fn place_map_of(&self, matching: &[DocId]) -> PlaceMap {
        let counts = self.entity_story_counts(matching);
        let mut map = PlaceMap::default();
        // Per country: the entity naming it, and the places inside it.
        let mut country_entity: std::collections::BTreeMap<&str, (EntityId, &str, usize)> =
            Default::default();
        let mut inside: std::collections::BTreeMap<&str, Vec<EntityId>> = Default::default();
        for entity in self.entities() {
            let stories = counts.get(entity.id as usize).copied().unwrap_or(0);
            if entity.kind != EntityKind::Place || entity.hidden || stories == 0 {
                continue;
            }
            let located = std::iter::once(entity.name.as_str())
                .chain(entity.forms.iter().map(|f| f.text.as_str()))
                .find_map(locate);
            let Some(location) = located else {
                map.unplaced.push(UnplacedPlace {
                    entity: entity.id,
                    name: entity.name.clone(),
                    stories,
                    why: "not in the gazetteer".into(),
                });
                continue;
            };
            if let Some(code) = location.country {
                if location.kind == PlaceType::Country && outlined(code) {
                    country_entity
                        .entry(code)
                        .or_insert((entity.id, &entity.name, stories));
                    continue;
                }
                if location.kind != PlaceType::Country {
                    inside.entry(code).or_default().push(entity.id);
                }
            }
            match location.point {
                Some((lon, lat)) => map.points.push(PlacePoint {
                    entity: entity.id,
                    name: entity.name.clone(),
                    kind: location.kind,
                    country: location.country.map(str::to_owned),
                    lon,
                    lat,
                    stories,
                }),
                None => map.unplaced.push(UnplacedPlace {
                    entity: entity.id,
                    name: entity.name.clone(),
                    stories,
                    why: match location.country.and_then(country_name) {
                        Some(country) => format!("in {country}"),
                        None => "a region with no point".into(),
                    },
                }),
            }
        }
        // A country's "inside" count: stories that name any place in it, each story once.
        for (code, (entity, name, stories)) in &country_entity {
            let places = inside.get(code).map(Vec::as_slice).unwrap_or_default();
            map.countries.push(CountryStories {
                code: (*code).to_owned(),
                entity: *entity,
                name: (*name).to_owned(),
                stories: *stories,
                inside: self.stories_naming_any(matching, places),
            });
        }
        map.countries
            .sort_by(|a, b| b.stories.cmp(&a.stories).then(a.code.cmp(&b.code)));
        map.points
            .sort_by(|a, b| b.stories.cmp(&a.stories).then(a.name.cmp(&b.name)));
        map.unplaced
            .sort_by(|a, b| b.stories.cmp(&a.stories).then(a.name.cmp(&b.name)));
        map
    }

    /// How many of `matching` (in id order) name at least one of `entities`.
    fn stories_naming_any(&self, matching: &[DocId], entities: &[EntityId]) -> usize {
        let mut union: Vec<DocId> = entities
            .iter()
            .filter_map(|&id| self.entity(id))
            .flat_map(|e| e.documents.iter().copied())
            .collect();
        union.sort_unstable();
        union.dedup();
        crate::sorted::intersection(matching, &union).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_outline_is_read_and_lies_on_the_globe() {
        let shapes = countries();
        assert!(shapes.len() > 170, "{}", shapes.len());
        for shape in shapes {
            assert_eq!(shape.code.len(), 2, "{}", shape.name);
            assert!(!shape.rings.is_empty(), "{}", shape.name);
            for &(lon, lat) in shape.rings.iter().flatten() {
                assert!((-180.0..=180.0).contains(&lon), "{} {lon}", shape.name);
                assert!((-90.0..=90.0).contains(&lat), "{} {lat}", shape.name);
            }
        }
        // No ring but the one round the South Pole jumps across the map: a country over the
        // 180th meridian (Russia, Fiji) is drawn as its two sides.
        for shape in shapes.iter().filter(|s| s.code != "AQ") {
            for ring in &shape.rings {
                let closed = ring.iter().zip(ring.iter().cycle().skip(1));
                for (a, b) in closed {
                    assert!(
                        (a.0 - b.0).abs() < 180.0,
                        "{} jumps from {a:?} to {b:?}",
                        shape.name
                    );
                }
            }
        }
        let france = shapes.iter().find(|s| s.code == "FR").unwrap();
        assert_eq!(france.name, "France");
        // Paris lies inside the box of France's rings.
        let (lon, lat) = locate("Paris").unwrap().point.unwrap();
        let ring = france.rings.iter().max_by_key(|r| r.len()).unwrap();
        let (min_lon, max_lon) = ring
            .iter()
            .fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
        assert!(min_lon < lon && lon < max_lon);
        assert!((48.0..49.5).contains(&lat));
    }

    #[test]
    fn every_gazetteer_place_has_its_line_and_every_outline_is_listed() {
        let count = |list| gazetteer::lines(list).count();
        let total =
            count(gazetteer::CITIES) + count(gazetteer::COUNTRIES) + count(gazetteer::REGIONS);
        assert_eq!(
            places().len(),
            total,
            "places.txt follows the gazetteer line for line"
        );
        for shape in countries() {
            assert!(outlined(shape.code), "{}", shape.code);
        }
        assert!(!outlined("SG"), "Singapore is a dot");
    }

    #[test]
    fn places_are_located_under_any_of_their_names() {
        let kyiv = locate("Kiev").unwrap();
        assert_eq!((kyiv.canonical, kyiv.kind), ("Kyiv", PlaceType::City));
        assert_eq!(kyiv.country, Some("UA"));
        let us = locate("U.S.").unwrap();
        assert_eq!((us.kind, us.country), (PlaceType::Country, Some("US")));
        assert!(us.point.is_some(), "a country has its capital's point");
        // A country of the same name as a city wins, as in the recogniser.
        assert_eq!(locate("Georgia").unwrap().kind, PlaceType::Country);
        // A world region is known but has no point and no country.
        let middle_east = locate("Middle East").unwrap();
        assert_eq!((middle_east.point, middle_east.country), (None, None));
        assert!(locate("Gaza").unwrap().point.is_some());
        assert_eq!(locate("Ontario").unwrap().country, Some("CA"));
        assert_eq!(locate("Atlantis"), None);
        let texas = locate("TX").unwrap();
        assert_eq!((texas.canonical, texas.country), ("Texas", Some("US")));
        assert_eq!(locate("tx"), None);
        assert_eq!(country_name("DE"), Some("Germany"));
    }

    #[test]
    fn a_filter_s_places_are_shaded_dotted_or_listed_beside_the_map() {
        let mut corpus = Corpus::new();
        let stories = [
            ("a.txt", "Strikes on Kyiv\n\nMissiles struck Kyiv and Kharkiv overnight, Ukraine said. Ukraine asked France for help.\n"),
            ("b.txt", "Talks in Paris\n\nFrance hosted talks in Paris on Monday about Ukraine and the Middle East.\n"),
            ("c.txt", "Snow in Ontario\n\nHeavy snow fell across Ontario, Canada, on Friday.\n"),
        ];
        for (name, text) in stories {
            corpus.add_file(name, text.as_bytes()).unwrap();
        }
        corpus.finish();
        let map = corpus.place_map(&Query::default());
        let ukraine = map
            .countries
            .iter()
            .find(|c| c.code == "UA")
            .expect("Ukraine shaded");
        assert_eq!(
            (ukraine.name.as_str(), ukraine.stories, ukraine.inside),
            ("Ukraine", 2, 1)
        );
        let france = map.countries.iter().find(|c| c.code == "FR").unwrap();
        assert_eq!((france.stories, france.inside), (2, 1));
        let kyiv = map
            .points
            .iter()
            .find(|p| p.name == "Kyiv")
            .expect("Kyiv is a dot");
        assert_eq!(
            (kyiv.kind, kyiv.country.as_deref()),
            (PlaceType::City, Some("UA"))
        );
        assert!(map.points.iter().any(|p| p.name == "Paris"));
        let why = |name: &str| {
            map.unplaced
                .iter()
                .find(|u| u.name == name)
                .map(|u| u.why.clone())
        };
        assert_eq!(
            why("Middle East").as_deref(),
            Some("a region with no point")
        );
        assert_eq!(why("Ontario").as_deref(), Some("in Canada"));
        // The filter narrows the map.
        let narrow = corpus.place_map(&Query {
            text: "snow".into(),
            ..Query::default()
        });
        assert_eq!(narrow.countries.len(), 1, "{narrow:?}");
        assert_eq!(narrow.countries[0].code, "CA");
        assert!(narrow.points.is_empty());
    }

    #[test]
    fn the_projection_keeps_east_west_and_north_south() {
        let (x0, y0) = project((0.0, 0.0));
        assert!(x0.abs() < 1e-6 && y0.abs() < 1e-6);
        let (east, north) = project((90.0, 45.0));
        assert!(east > 0.0 && north > 0.0);
        let (edge, _) = project((180.0, 0.0));
        assert!((2.6..2.8).contains(&edge), "{edge}");
        let (_, pole) = project((0.0, 90.0));
        assert!((1.2..1.4).contains(&pole), "{pole}");
    }
}
