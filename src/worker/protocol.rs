//! The one message protocol between the page and the worker. Every message is one of these enums,
//! serialised with serde into a plain JS object `{ msg, files? }`; the `File` objects of a
//! [`Request::LoadFiles`] travel beside it in `files`, in the order of `paths`, and are read in the
//! worker, so the page never holds file contents.
//!
//! Built for large corpora: the worker answers a query with one page of hits, never the corpus.

use corpus::topics::TopicId;
use corpus::{
    DocId, Document, Entity, EntityEdit, EntityId, EntityKind, ExportFormat, FileReport, Query,
    QueryResult, SearchMarks,
};
use serde::{Deserialize, Serialize};

/// Page → worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Request {
    /// Ingest these files; `paths` are the names the files get (relative paths for folders).
    LoadFiles {
        /// One name per file, in the order of the `files` array sent beside the message.
        paths: Vec<String>,
    },
    /// Ingest the sample corpus bundled with the app.
    LoadSample,
    /// Answer a query with one page of hits; the answer carries the same `id`.
    Query {
        /// Chosen by the page to match answers to questions.
        id: u32,
        /// The filter and page wanted.
        query: Query,
    },
    /// Where a search matches one document (when the search changes with it open).
    GetMarks {
        /// Which document.
        id: DocId,
        /// The search typed.
        search: String,
    },
    /// Every occurrence of a word, phrase or entity in the articles a filter keeps.
    Concordance {
        /// The filter (its offset and limit are ignored).
        query: Query,
        /// What to find.
        target: corpus::concordance::Target,
        /// In which order.
        order: corpus::concordance::Order,
    },
    /// Finds by name what a view kept in the URL selects.
    ResolveView {
        /// Entities, by name (any case).
        entities: Vec<String>,
        /// Topics, by name.
        topics: Vec<String>,
        /// An article, by file and line.
        article: Option<(String, corpus::LineNo)>,
    },
    /// The articles (or the entities) a filter keeps, as a file to download.
    Export {
        /// The filter whose articles are exported (its offset and limit are ignored).
        query: Query,
        /// What to export.
        what: ExportWhat,
    },
    /// The network of the entities a filter's stories name together.
    Network {
        /// Chosen by the page to match answers to questions.
        id: u32,
        /// The filter (its offset and limit are ignored).
        query: Query,
        /// Which entities, and the weakest link shown.
        options: corpus::network::NetworkOptions,
    },
    /// The places a filter's stories name, on the world map.
    PlaceMap {
        /// Chosen by the page to match answers to questions.
        id: u32,
        /// The filter (its offset and limit are ignored).
        query: Query,
    },
    /// The stories of a filter that name both of two entities (a link of the network).
    SharedStories {
        /// The filter (its offset and limit are ignored).
        query: Query,
        /// One entity.
        a: EntityId,
        /// The other.
        b: EntityId,
    },
    /// Send one whole document for the reader.
    GetDocument {
        /// Which document.
        id: DocId,
        /// The search typed, so that its matches are marked.
        #[serde(default)]
        search: String,
    },
    /// Find the topics again with this many topics (None: as many as the data suggests),
    /// without reading the files again.
    SetTopicCount {
        /// How many topics.
        count: Option<usize>,
    },
    /// Forget the corpus and everything stored in the browser.
    ClearStorage,
    /// Give a topic a name (an empty name restores its own).
    RenameTopic {
        /// Which topic.
        id: TopicId,
        /// The new name.
        name: String,
    },
    /// Send one entity for the entity panel.
    GetEntity {
        /// Which entity.
        id: EntityId,
    },
    /// Merge, split, rename or hide an entity; the edit is kept with the corpus.
    EditEntity {
        /// The edit.
        edit: EntityEdit,
    },
}

/// How many lines of a concordance the page is sent (the export has them all).
pub const CONCORDANCE_LINES: usize = 2_000;

/// What an export holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum ExportWhat {
    /// The articles, one a row or a line.
    Articles {
        /// CSV or JSON Lines.
        format: ExportFormat,
        /// With each article's body.
        body: bool,
    },
    /// The entities the articles name, as CSV.
    Entities,
    /// A concordance, as CSV.
    Concordance {
        /// Of what.
        target: corpus::concordance::Target,
        /// In which order.
        order: corpus::concordance::Order,
    },
}

/// An entity's name, enough to show it and select it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityLabel {
    /// Its id.
    pub id: EntityId,
    /// Its canonical name.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
}

/// An article named in a list: enough to show and open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// Its id.
    pub id: DocId,
    /// Its title.
    pub title: String,
    /// Its source file.
    pub file: String,
}

/// How far a load has got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Progress {
    /// What is being done: "reading files", "splitting articles", "finding names", "indexing"
    /// or "finding topics".
    pub stage: String,
    /// Files finished.
    pub files_done: usize,
    /// Files in this load.
    pub files_total: usize,
    /// Bytes of the finished files.
    pub bytes_done: u64,
    /// Bytes in this load.
    pub bytes_total: u64,
    /// The file being read now, if any.
    pub current: Option<String>,
}

/// Where to find another article: enough to name it and open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRef {
    /// Its id.
    pub id: DocId,
    /// Its source file.
    pub file: String,
    /// The line its title stands on.
    pub line: corpus::LineNo,
    /// Whether it is the canonical copy of its story.
    pub canonical: bool,
}

/// One of an article's topics, for the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocTopic {
    /// The topic.
    pub id: TopicId,
    /// Its name.
    pub label: String,
    /// The article's share in it (0–1).
    pub weight: f32,
}

/// How many articles an entity's panel lists.
pub const ENTITY_ARTICLES: usize = 200;

/// Worker → page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Response {
    /// The worker has started and waits for requests.
    Ready,
    /// A load is under way.
    Progress(Progress),
    /// A load is finished: the report of every file in the corpus, and how many articles it has.
    Loaded {
        /// Every file loaded so far, with its outcome, in path order.
        files: Vec<FileReport>,
        /// Articles in the corpus, copies included.
        articles: usize,
        /// Distinct stories: articles that are not a copy of another.
        stories: usize,
        /// How the corpus came back at start-up: "snapshot" (as it was saved), "rebuilt" (from
        /// the saved files, by this engine), or None for a load the user asked for.
        restored: Option<String>,
    },
    /// How long each stage of the last load took, and the engine's memory after it.
    LoadTimings {
        /// Milliseconds from the start of the load to the list shown.
        list: f64,
        /// Milliseconds from the start of the load to the end of its analysis.
        total: f64,
        /// Each stage's name ("reading", "splitting", "dates", "names", "index", "topics") and its
        /// milliseconds, in order. The topics are found beside the names and the index.
        stages: Vec<(String, f64)>,
        /// The bytes of the engine's memory: the most it has held so far, since WebAssembly
        /// memory grows and never shrinks.
        memory: u64,
        /// The bytes of the helper worker's memory (0 when there is none).
        helper_memory: u64,
    },
    /// The articles of the load just listed are dated and their copies found: this many
    /// stories.
    Dated { stories: usize },
    /// The analysis after a load or a change of the topic count is done: names, index and
    /// topics are all there.
    Analysed,
    /// The bytes of the engine's memory now (the most it has held: it never shrinks).
    EngineMemory {
        /// The bytes.
        bytes: u64,
    },
    /// What is kept in this browser.
    Storage(crate::store::StorageInfo),
    /// One page of hits for the query with this id.
    Results {
        /// The id the query was sent with.
        id: u32,
        /// The page.
        result: QueryResult,
    },
    /// A network, as asked for.
    Network {
        /// The id it was asked with.
        id: u32,
        /// The network, laid out.
        network: corpus::network::Network,
        /// How long counting and laying it out took in the worker, in milliseconds.
        millis: f64,
    },
    /// A map of places, as asked for.
    PlaceMap {
        /// The id it was asked with.
        id: u32,
        /// The places.
        map: corpus::geo::PlaceMap,
        /// How long counting them took in the worker, in milliseconds.
        millis: f64,
    },
    /// The stories two entities share, as asked for.
    SharedStories {
        /// One entity.
        a: EntityLabel,
        /// The other.
        b: EntityLabel,
        /// The stories, in the filter's order (at most [`ENTITY_ARTICLES`]).
        articles: Vec<ArticleRef>,
        /// How many there are in all.
        total: usize,
    },
    /// A whole document, as asked for.
    Document {
        /// The document (boxed: it is far larger than the other messages).
        doc: Box<Document>,
        /// The other tellings of the same story (its canonical article and the other copies).
        copies: Vec<DocRef>,
        /// Its topics, heaviest first.
        topics: Vec<DocTopic>,
        /// The entities its mentions belong to.
        entities: Vec<EntityLabel>,
        /// Where the search matches it.
        #[serde(default)]
        marks: SearchMarks,
    },
    /// Where a search matches one document, as asked for.
    Marks {
        /// The document.
        id: DocId,
        /// The matches.
        marks: SearchMarks,
    },
    /// A concordance, as asked for.
    Concordance {
        /// Its lines (at most [`CONCORDANCE_LINES`]) and their total.
        result: corpus::concordance::Concordance,
    },
    /// What a view's names stand for in this corpus (those it does not hold are left out).
    ViewResolved {
        /// The entities found, with their names.
        entities: Vec<(EntityId, String)>,
        /// The topics found.
        topics: Vec<TopicId>,
        /// The article found.
        article: Option<DocId>,
    },
    /// A file made for the user to download.
    Exported {
        /// Its name.
        name: String,
        /// Its media type.
        mime: String,
        /// Its content.
        text: String,
        /// How many articles (or entities) it holds.
        rows: usize,
    },
    /// One entity, as asked for.
    Entity {
        /// The entity, with its forms and evidence.
        entity: Box<Entity>,
        /// The stories that mention it (canonical articles), at most [`ENTITY_ARTICLES`].
        articles: Vec<ArticleRef>,
        /// The entities it shares the most stories with, and how many.
        co_occurring: Vec<(EntityLabel, usize)>,
    },
    /// Names were found and linked into entities during a load.
    EntitiesFound {
        /// How many entities there are.
        entities: usize,
        /// How long finding and linking took, in milliseconds.
        millis: f64,
        /// The bytes of text read (titles, captions, bodies).
        bytes: u64,
    },
    /// The entities changed after an edit; `focus` is the entity to show now.
    EntitiesChanged {
        /// The entity the edit left (the merged one, the split-off one, the renamed one).
        focus: Option<EntityId>,
    },
    /// The topics were found again (after a load or a new topic count) or renamed.
    TopicsChanged {
        /// How many topics there are now.
        topics: usize,
        /// The count the user asked for (None: chosen from the data).
        requested: Option<usize>,
        /// How long finding them took, in milliseconds (0 for a rename).
        millis: f64,
    },
    /// The worker failed; the message says what happened.
    Failed {
        /// A sentence for the user.
        message: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_through_json_with_a_type_tag() {
        let request = Request::Query {
            id: 7,
            query: Query {
                text: "militias".into(),
                ..Query::default()
            },
        };
        let json = serde_json::to_string(&request).unwrap();
        assert!(json.starts_with(r#"{"type":"Query","id":7"#), "{json}");
        assert_eq!(serde_json::from_str::<Request>(&json).unwrap(), request);
        let response = Response::Progress(Progress {
            files_done: 1,
            files_total: 2,
            ..Progress::default()
        });
        let json = serde_json::to_string(&response).unwrap();
        assert_eq!(serde_json::from_str::<Response>(&json).unwrap(), response);
    }
}
