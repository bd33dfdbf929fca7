//! The view in the URL: the search, its order, the date range and modes, the selected entities
//! and topics, the open article and what the middle pane shows (list, concordance, network or
//! map), kept in the URL's hash so that a reload or a bookmark brings the same view back once
//! the corpus is loaded. Entities, topics and the article are kept by name (the article by file
//! and line), never by internal number, so a corpus rebuilt from the same files still matches.
//!
//! The hash reads `#q=militias&sort=date&from=2020-01-01&to=2020-12-31&e=Ali%20Khamenei&e=…`:
//! `key=value` pairs joined by `&`, values percent-encoded. Pure functions, tested natively.

use crate::app::MiddleView;
use corpus::{DateMode, LineNo, SortOrder};

/// Everything of a view the URL keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    /// The search typed.
    pub search: String,
    /// The order of the list.
    pub sort: SortOrder,
    /// The date range (first and last day, ISO).
    pub range: Option<(String, String)>,
    /// Which dates the timeline and range use.
    pub mode: DateMode,
    /// Only stated dates.
    pub stated_only: bool,
    /// Undated articles kept in a range.
    pub include_undated: bool,
    /// Every copy of a story listed.
    pub copies: bool,
    /// The selected entities, by name.
    pub entities: Vec<String>,
    /// The selected topics, by name.
    pub topics: Vec<String>,
    /// The open article: its file and the line its title stands on.
    pub article: Option<(String, LineNo)>,
    /// What the middle pane shows.
    pub show: MiddleView,
}

impl View {
    /// Whether it names anything that only the loaded corpus can resolve.
    pub fn names_anything(&self) -> bool {
        !self.entities.is_empty() || !self.topics.is_empty() || self.article.is_some()
    }
}

/// `text` with everything but letters, digits and `-._~` percent-encoded (UTF-8).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Percent-decoding; anything malformed is kept as written, invalid UTF-8 replaced.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&a), Some(&b)) if hex(a).is_some() && hex(b).is_some() => {
                out.push((hex(a).unwrap_or(0) * 16 + hex(b).unwrap_or(0)) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The hash (without `#`) that keeps `view`; empty for the default view.
pub fn to_hash(view: &View) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if !view.search.is_empty() {
        pairs.push(("q", view.search.clone()));
    }
    match view.sort {
        SortOrder::Relevance => {}
        SortOrder::Date => pairs.push(("sort", "date".into())),
        SortOrder::Source => pairs.push(("sort", "source".into())),
    }
    if let Some((from, to)) = &view.range {
        pairs.push(("from", from.clone()));
        pairs.push(("to", to.clone()));
    }
    if view.mode == DateMode::Mentions {
        pairs.push(("dates", "mentions".into()));
    }
    if view.stated_only {
        pairs.push(("stated", "1".into()));
    }
    if view.include_undated {
        pairs.push(("undated", "1".into()));
    }
    if view.copies {
        pairs.push(("copies", "1".into()));
    }
    pairs.extend(view.entities.iter().map(|name| ("e", name.clone())));
    pairs.extend(view.topics.iter().map(|name| ("t", name.clone())));
    if let Some((file, line)) = &view.article {
        pairs.push(("file", file.clone()));
        pairs.push(("line", line.to_string()));
    }
    match view.show {
        MiddleView::Articles => {}
        MiddleView::Concordance => pairs.push(("show", "concordance".into())),
        MiddleView::Network => pairs.push(("show", "network".into())),
        MiddleView::Map => pairs.push(("show", "map".into())),
    }
    pairs
        .into_iter()
        .map(|(key, value)| format!("{key}={}", encode(&value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The view a hash (with or without `#`) keeps; unknown keys and bad values are passed over.
pub fn from_hash(hash: &str) -> View {
    let mut view = View::default();
    let (mut from, mut to, mut file, mut line) = (None, None, None, None);
    for pair in hash.trim_start_matches('#').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match key {
            "q" => view.search = value,
            "sort" => {
                view.sort = match value.as_str() {
                    "date" => SortOrder::Date,
                    "source" => SortOrder::Source,
                    _ => SortOrder::Relevance,
                }
            }
            "from" => from = Some(value),
            "to" => to = Some(value),
            "dates" if value == "mentions" => view.mode = DateMode::Mentions,
            "stated" => view.stated_only = value == "1",
            "undated" => view.include_undated = value == "1",
            "copies" => view.copies = value == "1",
            "e" if !value.is_empty() => view.entities.push(value),
            "t" if !value.is_empty() => view.topics.push(value),
            "file" => file = Some(value),
            "line" => line = value.parse().ok(),
            "show" => {
                view.show = match value.as_str() {
                    "concordance" => MiddleView::Concordance,
                    "network" => MiddleView::Network,
                    "map" => MiddleView::Map,
                    _ => MiddleView::Articles,
                }
            }
            _ => {}
        }
    }
    view.range = from.zip(to);
    view.article = file.zip(line);
    view
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_survives_its_hash() {
        let view = View {
            search: "\"prime minister\" -iran café & co=1".into(),
            sort: SortOrder::Date,
            range: Some(("2020-09-01".into(), "2020-09-30".into())),
            mode: DateMode::Mentions,
            stated_only: true,
            include_undated: true,
            copies: true,
            entities: vec!["Mohammed Shia al-Sudani".into(), "Kataib Hezbollah".into()],
            topics: vec!["Iraq · Iraqi · militias".into()],
            article: Some(("news.zip/2024/story #1.txt".into(), 46)),
            show: MiddleView::Map,
        };
        let hash = to_hash(&view);
        assert!(!hash.contains(' ') && !hash.contains('#'), "{hash}");
        assert_eq!(from_hash(&format!("#{hash}")), view);
        assert_eq!(to_hash(&View::default()), "");
        assert_eq!(from_hash(""), View::default());
    }

    #[test]
    fn a_bad_hash_gives_what_it_can() {
        let view = from_hash("#q=a%2&sort=sideways&line=x&file=a.txt&e=&zz=1&q2");
        assert_eq!(view.search, "a%2");
        assert_eq!(view.sort, SortOrder::Relevance);
        assert_eq!(view.article, None);
        assert!(view.entities.is_empty());
        assert_eq!(decode("%E2%80%99%FF"), "’\u{FFFD}");
    }
}
