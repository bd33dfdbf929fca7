//! Queries: a filter in, one page of hits with facet counts and a date histogram out.
//!
//! Built for tens of thousands of articles: the caller asks for a page (`offset`, `limit`) and
//! gets only that page, plus the total. Text search is the [`crate::index`]'s: every word must
//! match (the last one typed also as a prefix, so results narrow as the user types), "phrases",
//! `prefix*` and `-excluded` words, ranked by BM25 unless the query asks for another order; each
//! hit shows the passage of its body around the matches, with their offsets.

use crate::extract::calendar::{self, iso_day, DayNumber};
use crate::extract::dates::{day_range, Granularity};
use crate::extract::entities::EntityKind;
use crate::{Corpus, DocId, Document, EntityId, LineNo};
use serde::{Deserialize, Serialize};

/// How many entities of each kind a facet lists (the search box finds the others).
pub const ENTITY_FACET_SIZE: usize = 30;

/// How long a hit's snippet may be, in characters.
const SNIPPET_CHARS: usize = 180;

/// What the user is looking for. Empty fields match everything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Query {
    /// What to search for in titles and bodies, in the [`crate::index`]'s query language.
    pub text: String,
    /// The order of the hits.
    pub sort: SortOrder,
    /// List every copy of a story, not only its canonical article.
    pub include_copies: bool,
    /// The first day of the date range (ISO date), if the user chose one.
    pub date_from: Option<String>,
    /// The last day of the date range (ISO date, inclusive).
    pub date_to: Option<String>,
    /// Which dates the range and the histogram look at.
    pub date_mode: DateMode,
    /// Only dates the source states: datelines and file names for publication, dates written in
    /// the text for mentions (not estimated, not resolved).
    pub stated_only: bool,
    /// With a date range, also list articles that have no date to place in it.
    pub include_undated: bool,
    /// Keep articles in any of these topics (none: no topic filter).
    pub topics: Vec<crate::topics::TopicId>,
    /// Keep articles that mention every one of these entities.
    pub entities: Vec<EntityId>,
    /// List in the entity facets only entities whose name or a form contains this (any case).
    pub entity_search: String,
    /// How many matching documents to skip.
    pub offset: usize,
    /// How many hits to return at most.
    pub limit: usize,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            text: String::new(),
            sort: SortOrder::Relevance,
            include_copies: false,
            date_from: None,
            date_to: None,
            date_mode: DateMode::Published,
            stated_only: false,
            include_undated: false,
            topics: Vec::new(),
            entities: Vec::new(),
            entity_search: String::new(),
            offset: 0,
            limit: 50,
        }
    }
}

/// The order hits are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// The best match first (BM25); without search words, as [`SortOrder::Source`].
    #[default]
    Relevance,
    /// The newest publication date first (estimates at their placed day); undated last.
    Date,
    /// By file and line, as the files lie in their folders.
    Source,
}

/// Which dates of an article a date range and the timeline use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateMode {
    /// When the article was published.
    #[default]
    Published,
    /// The dates the article mentions.
    Mentions,
}

/// One page of matching documents, with counts over all of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct QueryResult {
    /// How many documents match in all (stories, unless the query includes copies).
    pub total: usize,
    /// The offset this page starts at.
    pub offset: usize,
    /// The page of hits.
    pub hits: Vec<Hit>,
    /// Counts of matching documents per facet value (entities, topics, files); first page only.
    pub facets: Vec<Facet>,
    /// Documents matching every filter but the date range, per date bucket, over the whole
    /// corpus's span of dates, so the timeline keeps its axis while the user brushes it. First page only.
    pub histogram: Vec<HistogramBucket>,
    /// The bucket size: "day", "month" or "year".
    pub histogram_unit: String,
    /// Documents matching every filter but the date range that have no date to place.
    pub undated: usize,
    /// How the search words were read, when not as typed (a quote left open, only common
    /// words): a hint for the user, never an error.
    #[serde(default)]
    pub hint: Option<String>,
}

/// A matching document, with what a result list shows of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    /// The document's id.
    pub id: DocId,
    /// Its title.
    pub title: String,
    /// Its source file.
    pub file: String,
    /// The line its title stands on.
    pub line: LineNo,
    /// The passage of its body around the search's matches (without search words, the start).
    pub snippet: String,
    /// The matches in the snippet, as byte ranges into it.
    #[serde(default)]
    pub snippet_marks: Vec<(usize, usize)>,
    /// The matches in the title, as byte ranges into it.
    #[serde(default)]
    pub title_marks: Vec<(usize, usize)>,
    /// How many other copies of the same story the corpus holds.
    pub copies: usize,
    /// The canonical article, when this one is a copy.
    pub duplicate_of: Option<DocId>,
    /// When it was published (ISO), stated or, for an estimate, the earliest it can be.
    pub published: Option<String>,
    /// Whether that date is stated by the source rather than estimated.
    pub published_stated: bool,
}

/// A query's search as read, the scores of the documents it matched (None without search
/// words), and the documents (in id order) left by the search, the copies and the entities.
type Searched = (
    crate::index::Parsed,
    Option<Vec<(DocId, crate::index::Score)>>,
    Vec<DocId>,
);

/// Where a search matches one article, as byte ranges into its fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SearchMarks {
    /// In the title.
    pub title: Vec<(usize, usize)>,
    /// In the body.
    pub body: Vec<(usize, usize)>,
}

/// Counts for one facet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facet {
    /// The facet's name ("files", "people", ...).
    pub name: String,
    /// Its values, most frequent first.
    pub values: Vec<FacetValue>,
    /// How many values have a count, listed or not (a facet may list only its top values).
    #[serde(default)]
    pub total: usize,
}

/// One value of a facet and how many matching documents have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The value's stable key.
    pub key: String,
    /// What the user sees.
    pub label: String,
    /// Matching documents with this value.
    pub count: usize,
}

/// Matching documents in one date bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistogramBucket {
    /// The bucket as an ISO value (YYYY, YYYY-MM or YYYY-MM-DD, by the histogram's unit).
    pub start: String,
    /// The first day it covers (ISO date).
    pub first_day: String,
    /// The last day it covers (ISO date).
    pub last_day: String,
    /// How many matching documents fall in it.
    pub count: usize,
    /// Of those, placed by a stated date.
    pub stated: usize,
    /// Of those, placed by an estimated or resolved date.
    pub estimated: usize,
}

/// The dates that place a document, each as (first day, last day, stated), for the mode.
fn placements(
    doc: &Document,
    mode: DateMode,
    stated_only: bool,
) -> Vec<(DayNumber, DayNumber, bool)> {
    match mode {
        DateMode::Published => {
            let stated = doc.published.source.is_stated();
            if stated_only && !stated {
                return Vec::new();
            }
            doc.published
                .point()
                .and_then(day_range)
                .map(|(a, b)| vec![(a, b, stated)])
                .unwrap_or_default()
        }
        DateMode::Mentions => doc
            .dates
            .iter()
            .filter(|m| m.granularity != Granularity::Relative && !(stated_only && m.resolved))
            .filter_map(|m| {
                m.value
                    .as_deref()
                    .and_then(day_range)
                    .map(|(a, b)| (a, b, !m.resolved))
            })
            .collect(),
    }
}

/// The label of the bar gathering the dates before the timeline's span.
pub const EARLIER: &str = "earlier";
/// The label of the bar gathering the dates after it.
pub const LATER: &str = "later";

/// The span a timeline shows for placements starting on `days` (sorted) and ending by
/// `last_end`: all of them when few, else the central 96% of them, so that one article recalling
/// 1717 does not stretch a corpus of one year to three centuries (the rest are counted in the
/// earlier and later bars).
fn core_span(days: &[DayNumber], last_end: DayNumber) -> (DayNumber, DayNumber) {
    let n = days.len();
    if n < 50 {
        return (days[0], last_end);
    }
    let cut = n / 50;
    let (lo, hi) = (days[cut], days[n - 1 - cut]);
    // The span ends where its last placement ends, unless that is far out.
    (lo, if hi == days[n - 1] { last_end } else { hi })
}

/// Buckets from the first to the last day, by a unit fitting the span.
fn buckets(
    first: DayNumber,
    last: DayNumber,
) -> (&'static str, Vec<(String, DayNumber, DayNumber)>) {
    let span = last - first;
    let (y0, m0, _) = calendar::civil_from_days(first);
    let (y1, m1, _) = calendar::civil_from_days(last);
    if span <= 62 {
        let days = (first..=last).map(|d| (iso_day(d), d, d)).collect();
        ("day", days)
    } else if span <= 6 * 366 {
        let mut out = Vec::new();
        let (mut y, mut m) = (y0, m0);
        while (y, m) <= (y1, m1) {
            let a = calendar::days_from_civil(y, m, 1);
            let b = calendar::days_from_civil(y, m, calendar::days_in_month(y, m));
            out.push((format!("{y:04}-{m:02}"), a, b));
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        ("month", out)
    } else {
        let years = (y0..=y1)
            .map(|y| {
                (
                    format!("{y:04}"),
                    calendar::days_from_civil(y, 1, 1),
                    calendar::days_from_civil(y, 12, 31),
                )
            })
            .collect();
        ("year", years)
    }
}

fn snippet(body: &str) -> String {
    let first = body.split("\n\n").next().unwrap_or("");
    match first.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => format!("{}…", first[..cut].trim_end()),
        None => first.to_owned(),
    }
}

impl Corpus {
    /// How many other copies of the document's story there are.
    fn copies_of(&self, doc: &Document) -> usize {
        match doc.duplicate_of.and_then(|id| self.document(id)) {
            Some(canonical) => canonical.copies.len(),
            None => doc.copies.len(),
        }
    }

    /// The documents matching `query`, in id order, one page of them.
    pub fn query(&self, query: &Query) -> QueryResult {
        let (parsed, scored, matching) = self.searched(query);
        // Counts describe the whole result, not a page: they come with the first page only, so
        // scrolling through a large result does not recount the corpus for every page.
        let first_page = query.offset == 0;
        // The timeline counts under every filter but its own date range.
        let (histogram_unit, histogram, undated) = if first_page {
            self.histogram(&self.in_topics(matching.clone(), query), query)
        } else {
            ("", Vec::new(), 0)
        };
        let matching = self.in_date_range(matching, query);
        let facets = if first_page {
            vec![self.topic_facet(&matching)]
        } else {
            Vec::new()
        };
        let matching = self.in_topics(matching, query);
        let mut facets = facets;
        if first_page {
            facets.extend(self.entity_facets(&matching, query));
        }
        let ordered = self.ordered(&matching, query.sort, scored.as_deref());
        let hits = ordered
            .iter()
            .skip(query.offset)
            .take(query.limit)
            .filter_map(|&id| self.document(id))
            .map(|doc| {
                let (snippet, snippet_marks) = if parsed.required.is_empty() {
                    (snippet(&doc.body), Vec::new())
                } else {
                    let marks = crate::index::match_ranges(&doc.body, &parsed);
                    crate::index::best_passage(&doc.body, &marks, SNIPPET_CHARS)
                };
                (doc, snippet, snippet_marks)
            })
            .map(|(doc, snippet, snippet_marks)| Hit {
                id: doc.id,
                title: doc.title.clone(),
                file: doc.file.clone(),
                line: doc.line,
                snippet,
                snippet_marks,
                title_marks: crate::index::match_ranges(&doc.title, &parsed),
                copies: self.copies_of(doc),
                duplicate_of: doc.duplicate_of,
                published: doc.published.point().map(str::to_owned),
                published_stated: doc.published.source.is_stated(),
            })
            .collect();
        QueryResult {
            total: matching.len(),
            offset: query.offset,
            hits,
            facets,
            histogram,
            histogram_unit: histogram_unit.to_owned(),
            undated,
            hint: parsed.hint,
        }
    }

    /// Every document matching `query` (all of them, not a page), in the order it asks for.
    pub fn matching(&self, query: &Query) -> Vec<DocId> {
        let (_, scored, matching) = self.searched(query);
        let matching = self.in_date_range(matching, query);
        let matching = self.in_topics(matching, query);
        self.ordered(&matching, query.sort, scored.as_deref())
    }

    /// The documents (in id order) that match the query's search, copies and entities, with the
    /// search as read and its scores.
    fn searched(&self, query: &Query) -> Searched {
        let parsed = crate::index::parse(&query.text);
        // A corpus whose index is still being built searches a whole one made now: slow, never
        // wrong (the page finishes the index before it asks).
        let whole;
        let index = if self.index_ready() || parsed.is_empty() {
            &self.index
        } else {
            whole = crate::index::SearchIndex::build(self.documents());
            &whole
        };
        let scored = index.search(&parsed);
        let matching: Vec<DocId> = match &scored {
            None => (0..self.documents().len())
                .filter_map(|i| DocId::try_from(i).ok())
                .collect(),
            Some(scored) => scored.iter().map(|&(id, _)| id).collect(),
        };
        let matching: Vec<DocId> = matching
            .into_iter()
            .filter(|&id| {
                query.include_copies
                    || self
                        .document(id)
                        .is_some_and(|doc| doc.duplicate_of.is_none())
            })
            .collect();
        let matching = self.with_entities(matching, &query.entities);
        (parsed, scored, matching)
    }

    /// Those of `matching` in the query's date range (all of them without one).
    fn in_date_range(&self, matching: Vec<DocId>, query: &Query) -> Vec<DocId> {
        let range = query
            .date_from
            .as_deref()
            .and_then(day_range)
            .zip(query.date_to.as_deref().and_then(day_range))
            .map(|((from, _), (_, to))| (from, to));
        let Some((from, to)) = range else {
            return matching;
        };
        matching
            .into_iter()
            .filter(|&id| {
                self.document(id).is_some_and(|doc| {
                    let placed = placements(doc, query.date_mode, query.stated_only);
                    if placed.is_empty() {
                        query.include_undated
                    } else {
                        placed.iter().any(|&(a, b, _)| a <= to && b >= from)
                    }
                })
            })
            .collect()
    }

    /// Those of `matching` in any of the query's topics (all of them without one).
    fn in_topics(&self, matching: Vec<DocId>, query: &Query) -> Vec<DocId> {
        if query.topics.is_empty() {
            return matching;
        }
        matching
            .into_iter()
            .filter(|&id| {
                self.topics_of(id)
                    .iter()
                    .any(|w| query.topics.contains(&w.topic))
            })
            .collect()
    }

    /// `matching` (in id order) in the order the user asked for; `scored` holds the search's
    /// scores by id, when there was a search.
    fn ordered(
        &self,
        matching: &[DocId],
        sort: SortOrder,
        scored: Option<&[(DocId, crate::index::Score)]>,
    ) -> Vec<DocId> {
        let mut ordered = matching.to_vec();
        match (sort, scored) {
            (SortOrder::Relevance, Some(scored)) => {
                // Both lists are in id order: each document's score is found in one walk.
                let mut scores = scored.iter().peekable();
                let mut pairs: Vec<(crate::index::Score, DocId)> = matching
                    .iter()
                    .map(|&id| {
                        while scores.next_if(|&&(d, _)| d < id).is_some() {}
                        let score = scores
                            .peek()
                            .filter(|&&&(d, _)| d == id)
                            .map_or(0.0, |s| s.1);
                        (score, id)
                    })
                    .collect();
                pairs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                ordered = pairs.into_iter().map(|(_, id)| id).collect();
            }
            (SortOrder::Date, _) => {
                let day = |id: DocId| {
                    self.document(id)
                        .and_then(|doc| doc.published.point())
                        .and_then(day_range)
                        .map(|(first, _)| first)
                };
                ordered.sort_by(|&a, &b| day(b).cmp(&day(a)).then(a.cmp(&b)));
            }
            (SortOrder::Relevance | SortOrder::Source, _) => {}
        }
        ordered
    }

    /// Where the search `text` matches an article's title and body (byte ranges), for the reader
    /// to mark.
    pub fn search_marks(&self, id: DocId, text: &str) -> SearchMarks {
        let parsed = crate::index::parse(text);
        self.document(id)
            .map(|doc| SearchMarks {
                title: crate::index::match_ranges(&doc.title, &parsed),
                body: crate::index::match_ranges(&doc.body, &parsed),
            })
            .unwrap_or_default()
    }

    /// The documents of `matching` that mention every entity of `entities`.
    fn with_entities(&self, matching: Vec<DocId>, entities: &[EntityId]) -> Vec<DocId> {
        let mut out = matching;
        for &id in entities {
            let Some(entity) = self.entity(id) else {
                return Vec::new();
            };
            out = crate::sorted::intersection(&out, &entity.documents);
        }
        out
    }

    /// Per entity (by id), how many of the documents of `matching` mention it.
    pub(crate) fn entity_story_counts(&self, matching: &[DocId]) -> Vec<usize> {
        let mut counts = vec![0usize; self.entities().len()];
        // The last document each entity was counted for: a second mention in it counts no more.
        let mut counted_in = vec![DocId::MAX; self.entities().len()];
        for &id in matching {
            let Some(doc) = self.document(id) else {
                continue;
            };
            for mention in &doc.mentions {
                let e = mention.entity as usize;
                if let (Some(count), Some(last)) = (counts.get_mut(e), counted_in.get_mut(e)) {
                    if *last != id {
                        *last = id;
                        *count += 1;
                    }
                }
            }
        }
        counts
    }

    /// Entity counts over `matching`, one facet per kind ("PERSON", "ORG", "PLACE"), each listing
    /// its [`ENTITY_FACET_SIZE`] most mentioned entities that match the query's entity search,
    /// and always the selected ones.
    fn entity_facets(&self, matching: &[DocId], query: &Query) -> Vec<Facet> {
        let counts = self.entity_story_counts(matching);
        let search = query.entity_search.trim().to_lowercase();
        let wanted = |e: &crate::Entity| {
            search.is_empty()
                || e.name.to_lowercase().contains(&search)
                || e.forms
                    .iter()
                    .any(|f| f.text.to_lowercase().contains(&search))
        };
        EntityKind::ALL
            .iter()
            .map(|&kind| {
                let mut values: Vec<(&crate::Entity, usize)> = self
                    .entities()
                    .iter()
                    .filter(|e| e.kind == kind && !e.hidden)
                    .map(|e| (e, counts[e.id as usize]))
                    .filter(|(e, count)| *count > 0 && wanted(e) || query.entities.contains(&e.id))
                    .collect();
                let total = values.len();
                values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.name.cmp(&b.0.name)));
                let mut listed: Vec<(&crate::Entity, usize)> = Vec::new();
                for (i, value) in values.into_iter().enumerate() {
                    if i < ENTITY_FACET_SIZE || query.entities.contains(&value.0.id) {
                        listed.push(value);
                    }
                }
                Facet {
                    name: kind.label().to_owned(),
                    values: listed
                        .into_iter()
                        .map(|(e, count)| FacetValue {
                            key: e.id.to_string(),
                            label: e.name.clone(),
                            count,
                        })
                        .collect(),
                    total,
                }
            })
            .collect()
    }

    /// Topic counts over `matching` (documents passing every filter but the topic filter), in
    /// topic order, so a user can add a topic to the selection.
    fn topic_facet(&self, matching: &[DocId]) -> Facet {
        let model = self.topics();
        let mut counts = vec![0usize; model.topics.len()];
        for &id in matching {
            for weight in self.topics_of(id) {
                if let Some(count) = counts.get_mut(weight.topic as usize) {
                    *count += 1;
                }
            }
        }
        Facet {
            total: model.topics.len(),
            name: "topics".into(),
            values: model
                .topics
                .iter()
                .zip(counts)
                .map(|(topic, count)| FacetValue {
                    key: topic.id.to_string(),
                    label: topic.label.clone(),
                    count,
                })
                .collect(),
        }
    }

    /// The timeline for `matching` (documents passing every filter but the date range): its
    /// unit, buckets over the whole corpus's span of dates, and the undated count.
    fn histogram(
        &self,
        matching: &[DocId],
        query: &Query,
    ) -> (&'static str, Vec<HistogramBucket>, usize) {
        // Where the corpus's dates are: the first day of every placement, sorted, and the
        // last day any placement reaches.
        let mut days = Vec::new();
        let mut last_end = DayNumber::MIN;
        for (a, b, _) in self
            .documents()
            .iter()
            .flat_map(|doc| placements(doc, query.date_mode, false))
        {
            days.push(a);
            last_end = last_end.max(b);
        }
        let mut undated = 0;
        if days.is_empty() {
            return ("year", Vec::new(), matching.len());
        }
        days.sort_unstable();
        let (first, last) = core_span(&days, last_end);
        let (unit, mut ranges) = buckets(first, last);
        // What lies outside the span is gathered in one bar before it and one after.
        if let Some(&(_, start, _)) = ranges.first().filter(|r| days[0] < r.1) {
            ranges.insert(0, (EARLIER.to_owned(), days[0], start - 1));
        }
        if let Some(&(_, _, end)) = ranges.last().filter(|r| last_end > r.2) {
            ranges.push((LATER.to_owned(), end + 1, last_end));
        }
        let mut out: Vec<HistogramBucket> = ranges
            .iter()
            .map(|(start, a, b)| HistogramBucket {
                start: start.clone(),
                first_day: iso_day(*a),
                last_day: iso_day(*b),
                count: 0,
                stated: 0,
                estimated: 0,
            })
            .collect();
        for doc in matching.iter().filter_map(|&id| self.document(id)) {
            let placed = placements(doc, query.date_mode, query.stated_only);
            if placed.is_empty() {
                undated += 1;
                continue;
            }
            // Each document counts once per bucket, as stated if any stated date puts it there.
            for (bucket, (_, a, b)) in out.iter_mut().zip(&ranges) {
                let hits: Vec<bool> = placed
                    .iter()
                    .filter(|&&(from, to, _)| {
                        from <= *b
                            && to >= *a
                            && (query.date_mode == DateMode::Mentions || from >= *a)
                    })
                    .map(|&(_, _, stated)| stated)
                    .collect();
                if !hits.is_empty() {
                    bucket.count += 1;
                    if hits.contains(&true) {
                        bucket.stated += 1;
                    } else {
                        bucket.estimated += 1;
                    }
                }
            }
        }
        (unit, out, undated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let mut corpus = Corpus::new();
        for (name, text) in [
            (
                "a.txt",
                "Militias in Iraq\n\nThe militias refused to stop their attacks on Monday.",
            ),
            (
                "b.txt",
                "Wildfires in Greece\n\nFirefighters from Romania arrived in Greece on Saturday.",
            ),
            (
                "c.txt",
                "Iraq and Greece\n\nIraq and Greece signed a trade agreement after long talks.",
            ),
        ] {
            corpus.add_file(name, text.as_bytes()).unwrap();
        }
        corpus.finish();
        corpus
    }

    #[test]
    fn the_timeline_spans_where_the_articles_are_and_gathers_the_rest() {
        let mut corpus = Corpus::new();
        for day in 0..60 {
            let name = format!("2017-01-{:02}_story{day}.txt", day % 28 + 1);
            // Stories of distinct words, so that none is a copy of another.
            let words: Vec<String> = (0..12)
                .map(|k| format!("w{}x{}", day, k * 7 + day))
                .collect();
            let text = format!("Story {day}\n\nThe council {}.", words.join(" "));
            corpus.add_file(&name, text.as_bytes()).unwrap();
        }
        corpus
            .add_file(
                "1990-05-01_old.txt",
                b"An old story\n\nThe council first met that spring.",
            )
            .unwrap();
        corpus.finish();
        let result = corpus.query(&Query::default());
        let bars = &result.histogram;
        assert_eq!(result.histogram_unit, "day");
        assert_eq!(bars[0].start, EARLIER);
        assert_eq!(
            (bars[0].count, bars[0].first_day.as_str()),
            (1, "1990-05-01")
        );
        assert_eq!(bars[1].start, "2017-01-01");
        assert_eq!(bars.last().map(|b| b.start.as_str()), Some("2017-01-28"));
        // Every article is in exactly one bar.
        assert_eq!(bars.iter().map(|b| b.count).sum::<usize>(), 61);
        // Brushing the earlier bar keeps the old story.
        let old = corpus.query(&Query {
            date_from: Some(bars[0].first_day.clone()),
            date_to: Some(bars[0].last_day.clone()),
            ..Query::default()
        });
        assert_eq!(old.total, 1);
    }

    #[test]
    fn every_word_must_match_and_the_last_is_a_prefix() {
        let corpus = corpus();
        let titles = |text: &str| -> Vec<String> {
            corpus
                .query(&Query {
                    text: text.into(),
                    ..Query::default()
                })
                .hits
                .into_iter()
                .map(|hit| hit.title)
                .collect()
        };
        // Ranked: the story naming Iraq in its title and twice over first.
        assert_eq!(titles("iraq"), ["Iraq and Greece", "Militias in Iraq"]);
        assert_eq!(titles("IRAQ gre"), ["Iraq and Greece"]);
        assert_eq!(titles("firefight"), ["Wildfires in Greece"]);
        assert!(titles("greece militia").is_empty());
        assert_eq!(titles("").len(), 3);
        assert_eq!(titles("\"trade agreement\""), ["Iraq and Greece"]);
        assert!(titles("\"agreement trade\"").is_empty());
        assert_eq!(titles("greece -iraq"), ["Wildfires in Greece"]);
        assert_eq!(titles("milit*"), ["Militias in Iraq"]);
        let by_file = corpus.query(&Query {
            text: "iraq".into(),
            sort: SortOrder::Source,
            ..Query::default()
        });
        let order: Vec<&str> = by_file.hits.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(order, ["Militias in Iraq", "Iraq and Greece"]);
    }

    #[test]
    fn hits_show_their_matches_and_odd_queries_a_hint() {
        let corpus = corpus();
        let page = corpus.query(&Query {
            text: "\"trade agreement\" iraq".into(),
            ..Query::default()
        });
        let hit = &page.hits[0];
        let marked: Vec<&str> = hit
            .snippet_marks
            .iter()
            .map(|&(a, b)| &hit.snippet[a..b])
            .collect();
        assert_eq!(marked, ["Iraq", "trade agreement"]);
        let title: Vec<&str> = hit
            .title_marks
            .iter()
            .map(|&(a, b)| &hit.title[a..b])
            .collect();
        assert_eq!(title, ["Iraq"]);
        assert!(page.hint.is_none());
        let open = corpus.query(&Query {
            text: "\"trade agreement".into(),
            ..Query::default()
        });
        assert_eq!(open.total, 1, "an open quote still searches");
        assert!(open.hint.is_some_and(|h| h.contains("quote")));
        let common = corpus.query(&Query {
            text: "the and".into(),
            ..Query::default()
        });
        assert!(common.hint.is_some_and(|h| h.contains("common")));
        let marks = corpus.search_marks(hit.id, "greece");
        assert_eq!(marks.title.len(), 1);
        assert_eq!(marks.body.len(), 1);
    }

    #[test]
    fn pages_hold_only_what_was_asked_for() {
        let corpus = corpus();
        let page = corpus.query(&Query {
            offset: 1,
            limit: 1,
            ..Query::default()
        });
        assert_eq!(page.total, 3);
        assert_eq!(page.offset, 1);
        assert_eq!(page.hits.len(), 1);
        assert_eq!(page.hits[0].id, 1);
    }

    #[test]
    fn counts_come_with_the_first_page_only() {
        let mut corpus = corpus();
        corpus.build_topics(Some(2), |_, _| {});
        let first = corpus.query(&Query {
            limit: 1,
            ..Query::default()
        });
        assert_eq!(first.facets.len(), 4);
        let second = corpus.query(&Query {
            offset: 1,
            limit: 1,
            ..Query::default()
        });
        assert!(second.facets.is_empty() && second.histogram.is_empty());
        assert_eq!((second.total, second.hits.len()), (first.total, 1));
    }

    #[test]
    fn the_timeline_counts_the_stories_of_the_chosen_topics() {
        let mut corpus = corpus();
        corpus.build_topics(Some(2), |_, _| {});
        let all = corpus.query(&Query::default());
        let topic = corpus.topics_of(0)[0].topic;
        let chosen = corpus.query(&Query {
            topics: vec![topic],
            ..Query::default()
        });
        assert!(
            chosen.total < all.total,
            "{} of {}",
            chosen.total,
            all.total
        );
        let drawn =
            |r: &QueryResult| r.histogram.iter().map(|b| b.count).sum::<usize>() + r.undated;
        assert_eq!(drawn(&all), all.total);
        assert_eq!(drawn(&chosen), chosen.total);
    }

    #[test]
    fn copies_are_listed_only_when_asked_for() {
        let mut corpus = corpus();
        let story = "Militias in Iraq\n\nThe militias refused to stop their attacks on Monday.";
        corpus.add_file("d.txt", story.as_bytes()).unwrap();
        corpus.finish();
        let stories = corpus.query(&Query::default());
        assert_eq!(stories.total, 3);
        assert_eq!(stories.hits[0].copies, 1);
        let all = corpus.query(&Query {
            include_copies: true,
            ..Query::default()
        });
        assert_eq!(all.total, 4);
        assert_eq!(all.hits[3].duplicate_of, Some(0));
    }

    #[test]
    fn snippets_are_cut_on_a_character_boundary() {
        let long = "é".repeat(400);
        let cut = snippet(&long);
        assert_eq!(cut.chars().count(), SNIPPET_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
