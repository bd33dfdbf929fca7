//! The page: its layout, the state every component shares, and the wiring to the engine worker.

use crate::components::{
    concordance::{ConcordanceView, MiddleTabs},
    entities::{EntityDetails, EntityFacet},
    export::Export,
    files::FilePanel,
    pictures::{MapView, NetworkView},
    reader::Reader,
    results::ResultList,
    switch::FilterSwitch,
    timeline::Timeline,
    topics::TopicFacet,
    upload::Upload,
};
use crate::worker::client::EngineClient;
use crate::worker::protocol::{
    ArticleRef, DocRef, DocTopic, EntityLabel, Progress, Request, Response,
};
use corpus::topics::TopicId;
use corpus::Facet;
use corpus::{
    DateMode, DocId, Document, Entity, EntityId, FileReport, HistogramBucket, Hit, Query,
    SearchMarks, SortOrder,
};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// One entity as its panel shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityDetail {
    /// The entity, with its forms and evidence.
    pub entity: Entity,
    /// The stories that mention it.
    pub articles: Vec<ArticleRef>,
    /// The entities it shares the most stories with, and how many.
    pub co_occurring: Vec<(EntityLabel, usize)>,
}

/// What the middle pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MiddleView {
    /// The list of articles.
    #[default]
    Articles,
    /// Every place the search or the entity stands.
    Concordance,
    /// The entities named together.
    Network,
    /// The places on a world map.
    Map,
}

/// The stories two entities share, for the network's link list.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedStories {
    /// One entity.
    pub a: EntityLabel,
    /// The other.
    pub b: EntityLabel,
    /// The stories (at most [`crate::worker::protocol::ENTITY_ARTICLES`]).
    pub articles: Vec<ArticleRef>,
    /// How many there are in all.
    pub total: usize,
}

/// Hits per page asked of the worker.
pub const PAGE_SIZE: usize = 100;

/// State shared by the page's components. Every field is a cheap, copyable handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The engine worker (None until it starts, or if it cannot).
    pub engine: StoredValue<Option<EngineClient>, LocalStorage>,
    /// The worker is up and answering.
    pub ready: RwSignal<bool>,
    /// A load in progress, if any.
    pub progress: RwSignal<Option<Progress>>,
    /// Every file loaded so far and what became of it.
    pub files: RwSignal<Vec<FileReport>>,
    /// Articles in the corpus, copies included.
    pub articles: RwSignal<usize>,
    /// Distinct stories in the corpus.
    pub stories: RwSignal<usize>,
    /// List every copy of a story instead of one row per story.
    pub show_copies: RwSignal<bool>,
    /// An error to show in the banner.
    pub error: RwSignal<Option<String>>,
    /// The search text.
    pub search: RwSignal<String>,
    /// The order of the list.
    pub sort: RwSignal<SortOrder>,
    /// How the search was read, when not as typed.
    pub search_hint: RwSignal<Option<String>>,
    /// Where the search matches the open article.
    pub document_marks: RwSignal<SearchMarks>,
    /// What the last export gave (or that one is being made).
    pub export_status: RwSignal<Option<String>>,
    /// What the middle pane shows: the list, the concordance, the network or the map.
    pub middle: RwSignal<MiddleView>,
    /// The network last received, and how long the worker took to make it (ms).
    pub network: RwSignal<Option<(corpus::network::Network, f64)>>,
    /// How many entities the network shows.
    pub network_size: RwSignal<usize>,
    /// Which kinds of entity the network shows.
    pub network_kinds: RwSignal<Vec<corpus::EntityKind>>,
    /// The weakest link the network draws (shared stories).
    pub network_min_weight: RwSignal<usize>,
    /// The stories of a link of the network, as the worker sent them.
    pub shared_stories: RwSignal<Option<SharedStories>>,
    /// The map of places last received, and how long the worker took to make it (ms).
    pub place_map: RwSignal<Option<(corpus::geo::PlaceMap, f64)>>,
    /// The order of the concordance's lines.
    pub concordance_order: RwSignal<corpus::concordance::Order>,
    /// The concordance last received.
    pub concordance: RwSignal<Option<corpus::concordance::Concordance>>,
    /// One occurrence to mark and show in the reader (field, byte range).
    pub focus_mark: RwSignal<Option<(corpus::extract::dates::Field, usize, usize)>>,
    /// A view read from the URL whose names wait for the corpus to be loaded.
    pub pending_view: StoredValue<Option<crate::url::View>>,
    /// Bumped whenever the corpus or the filter changes: answers to older queries are dropped.
    pub generation: RwSignal<u32>,
    /// How many articles match the filter (None until the first answer).
    pub total: RwSignal<Option<usize>>,
    /// Pages of hits received for the current generation, by page number.
    pub pages: RwSignal<HashMap<usize, Vec<Hit>>>,
    /// Pages asked for and not yet answered.
    pub pending: StoredValue<HashSet<usize>>,
    /// The pages shown are of an earlier generation, kept on screen until the first page of
    /// this one comes (see [`AppState::refresh_results`]).
    pub stale: StoredValue<bool>,
    /// The article open in the reader.
    pub selected: RwSignal<Option<DocId>>,
    /// The open article's full text, once the worker has sent it.
    pub document: RwSignal<Option<Document>>,
    /// The other tellings of the open article's story.
    pub copies: RwSignal<Vec<DocRef>>,
    /// Which dates the timeline and the date range use.
    pub date_mode: RwSignal<DateMode>,
    /// Only dates the source states.
    pub stated_only: RwSignal<bool>,
    /// With a date range, also list undated articles.
    pub include_undated: RwSignal<bool>,
    /// The brushed date range (first day, last day), if any.
    pub date_range: RwSignal<Option<(String, String)>>,
    /// The timeline of the current filter: unit, buckets, undated count.
    pub timeline: RwSignal<(String, Vec<HistogramBucket>, usize)>,
    /// Facet counts of the current filter.
    pub facets: RwSignal<Vec<Facet>>,
    /// Topics selected as a filter (articles in any of them).
    pub selected_topics: RwSignal<Vec<TopicId>>,
    /// The topic count the user asked for (None: automatic).
    pub topic_count: RwSignal<Option<usize>>,
    /// The open article's topics.
    pub document_topics: RwSignal<Vec<DocTopic>>,
    /// How many topics were found and how long it took (ms).
    pub topic_timing: RwSignal<Option<(usize, f64)>>,
    /// How the corpus came back at start-up ("snapshot" or "rebuilt"), if it did.
    pub restored: RwSignal<Option<String>>,
    /// What is kept in this browser.
    pub storage: RwSignal<Option<crate::store::StorageInfo>>,
    /// Entities selected as a filter (articles mentioning all of them), with their names.
    pub selected_entities: RwSignal<Vec<(EntityId, String)>>,
    /// The text the entity facet is narrowed to.
    pub entity_search: RwSignal<String>,
    /// The entities the open article mentions.
    pub document_entities: RwSignal<Vec<EntityLabel>>,
    /// The entity whose panel is open.
    pub open_entity_id: RwSignal<Option<EntityId>>,
    /// The open entity, once the worker has sent it.
    pub entity_detail: RwSignal<Option<EntityDetail>>,
    /// How many entities the last load found, in how many ms, over how many bytes.
    pub entity_timing: RwSignal<Option<(usize, f64, u64)>>,
    /// The last load's stages with their milliseconds, and the engine's memory after it.
    pub load_timings: RwSignal<Option<LoadTimings>>,
}

/// A load's times in milliseconds (to the list, to the end of its analysis, each stage) and the
/// bytes of the engine's memory after it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadTimings {
    pub list: f64,
    pub total: f64,
    pub stages: Vec<(String, f64)>,
    pub memory: u64,
    pub helper_memory: u64,
}

/// Whether the names are still being found (the entity facet is not complete yet).
pub fn finding_names(stage: &str) -> bool {
    matches!(
        stage,
        "dating articles" | "finding names and topics" | "finding names"
    )
}

/// Whether the topics are still being found.
pub fn finding_topics(stage: &str) -> bool {
    matches!(
        stage,
        "dating articles" | "finding names and topics" | "finding topics"
    )
}

/// What the status line says is still being found while `stage` runs once the list is shown;
/// None for a stage that runs before the list.
pub fn still_finding(stage: &str) -> Option<&'static str> {
    match stage {
        "dating articles" => Some("dating them and finding copies"),
        "finding names and topics" => Some("finding names and topics"),
        "finding names" => Some("finding names"),
        "finding topics" => Some("finding topics"),
        _ => None,
    }
}

/// Whether a stage of the engine's work runs once the list is shown.
pub fn is_background(stage: &str) -> bool {
    still_finding(stage).is_some()
}

impl AppState {
    fn new() -> Self {
        AppState {
            engine: StoredValue::new_local(None),
            ready: RwSignal::new(false),
            progress: RwSignal::new(None),
            files: RwSignal::new(Vec::new()),
            articles: RwSignal::new(0),
            stories: RwSignal::new(0),
            show_copies: RwSignal::new(false),
            error: RwSignal::new(None),
            search: RwSignal::new(String::new()),
            sort: RwSignal::new(SortOrder::Relevance),
            search_hint: RwSignal::new(None),
            document_marks: RwSignal::new(SearchMarks::default()),
            export_status: RwSignal::new(None),
            pending_view: StoredValue::new(None),
            middle: RwSignal::new(MiddleView::Articles),
            network: RwSignal::new(None),
            network_size: RwSignal::new(60),
            network_kinds: RwSignal::new(vec![corpus::EntityKind::Person, corpus::EntityKind::Org]),
            network_min_weight: RwSignal::new(1),
            shared_stories: RwSignal::new(None),
            place_map: RwSignal::new(None),
            concordance_order: RwSignal::new(corpus::concordance::Order::Articles),
            concordance: RwSignal::new(None),
            focus_mark: RwSignal::new(None),
            generation: RwSignal::new(0),
            total: RwSignal::new(None),
            pages: RwSignal::new(HashMap::new()),
            pending: StoredValue::new(HashSet::new()),
            stale: StoredValue::new(false),
            selected: RwSignal::new(None),
            document: RwSignal::new(None),
            copies: RwSignal::new(Vec::new()),
            date_mode: RwSignal::new(DateMode::Published),
            stated_only: RwSignal::new(false),
            include_undated: RwSignal::new(false),
            date_range: RwSignal::new(None),
            timeline: RwSignal::new((String::new(), Vec::new(), 0)),
            facets: RwSignal::new(Vec::new()),
            selected_topics: RwSignal::new(Vec::new()),
            topic_count: RwSignal::new(None),
            document_topics: RwSignal::new(Vec::new()),
            topic_timing: RwSignal::new(None),
            restored: RwSignal::new(None),
            storage: RwSignal::new(None),
            selected_entities: RwSignal::new(Vec::new()),
            entity_search: RwSignal::new(String::new()),
            document_entities: RwSignal::new(Vec::new()),
            open_entity_id: RwSignal::new(None),
            entity_detail: RwSignal::new(None),
            entity_timing: RwSignal::new(None),
            load_timings: RwSignal::new(None),
        }
    }

    /// Adds an entity to the filter, or takes it out if it is in.
    pub fn toggle_entity(&self, id: EntityId, name: String) {
        self.selected_entities.update(|selected| {
            if let Some(at) = selected.iter().position(|e| e.0 == id) {
                selected.remove(at);
            } else {
                selected.push((id, name));
            }
        });
        self.invalidate_results();
    }

    /// Stops a load: the worker is stopped and a new one started, which comes back with the
    /// corpus as it was last saved in this browser (or none); the files of the stopped load
    /// are not kept.
    pub fn stop_load(&self) {
        let state = *self;
        // Dropping the client stops its worker.
        self.engine.set_value(None);
        self.ready.set(false);
        self.progress.set(None);
        self.restored.set(None);
        self.files.set(Vec::new());
        self.articles.set(0);
        self.stories.set(0);
        self.selected_entities.set(Vec::new());
        self.selected.set(None);
        self.document.set(None);
        self.invalidate_results();
        match EngineClient::spawn(move |response| state.receive(response)) {
            Ok(engine) => self.engine.set_value(Some(engine)),
            Err(message) => self.error.set(Some(message)),
        }
    }

    /// Opens an entity's panel.
    pub fn open_entity(&self, id: EntityId) {
        self.open_entity_id.set(Some(id));
        self.send(Request::GetEntity { id });
    }

    /// Sends a request to the worker, if it runs.
    pub fn send(&self, request: Request) {
        self.engine.with_value(|engine| {
            if let Some(engine) = engine {
                engine.send(&request);
            }
        });
    }

    /// Opens an article in the reader.
    pub fn select(&self, id: DocId) {
        self.focus_mark.set(None);
        if self.selected.get_untracked() != Some(id) {
            self.selected.set(Some(id));
            self.document.set(None);
            self.send(Request::GetDocument {
                id,
                search: self.search.get_untracked(),
            });
        }
    }

    /// Forgets every page of hits: the next render asks for fresh ones.
    pub fn invalidate_results(&self) {
        self.pending.update_value(HashSet::clear);
        self.stale.set_value(false);
        self.pages.set(HashMap::new());
        self.generation.update(|g| *g += 1);
    }

    /// Asks again for the results of the same filter now that the engine knows more (the
    /// dates, copies, names or topics found after the list was shown): the rows on screen stay
    /// until the new ones come, so the list never blinks empty.
    pub fn refresh_results(&self) {
        self.pending.update_value(HashSet::clear);
        self.stale.set_value(true);
        self.generation.update(|g| *g += 1);
    }

    /// Asks again for the article open in the reader, if any (the engine knows more of it).
    fn reread_document(&self) {
        if let Some(id) = self.selected.get_untracked() {
            self.send(Request::GetDocument {
                id,
                search: self.search.get_untracked(),
            });
        }
    }

    /// What the concordance is of: the entity selected last, else the search typed.
    pub fn concordance_target(&self) -> Option<(corpus::concordance::Target, String)> {
        use corpus::concordance::Target;
        if let Some((id, name)) = self.selected_entities.get().last().cloned() {
            return Some((Target::Entity(id), name));
        }
        let search = self.search.get();
        let wanted = search.trim();
        (!wanted.is_empty()).then(|| (Target::Text(wanted.to_owned()), wanted.to_owned()))
    }

    /// The current filter, for hits `offset..offset + limit`.
    pub fn query(&self, offset: usize, limit: usize) -> Query {
        Query {
            text: self.search.get_untracked(),
            sort: self.sort.get_untracked(),
            include_copies: self.show_copies.get_untracked(),
            date_from: self.date_range.get_untracked().map(|r| r.0),
            date_to: self.date_range.get_untracked().map(|r| r.1),
            date_mode: self.date_mode.get_untracked(),
            stated_only: self.stated_only.get_untracked(),
            include_undated: self.include_undated.get_untracked(),
            topics: self.selected_topics.get_untracked(),
            entities: self
                .selected_entities
                .get_untracked()
                .into_iter()
                .map(|e| e.0)
                .collect(),
            entity_search: self.entity_search.get_untracked(),
            offset,
            limit,
        }
    }

    /// Asks for page `page` of the current filter unless it is here or on its way.
    pub fn request_page(&self, page: usize) {
        if !self.stale.get_value() && self.pages.with_untracked(|pages| pages.contains_key(&page)) {
            return;
        }
        let mut fresh = false;
        self.pending
            .update_value(|pending| fresh = pending.insert(page));
        if fresh {
            self.send(Request::Query {
                id: self.generation.get_untracked(),
                query: self.query(page * PAGE_SIZE, PAGE_SIZE),
            });
        }
    }

    fn receive(&self, response: Response) {
        match response {
            Response::Ready => self.ready.set(true),
            Response::Progress(progress) => self.progress.set(Some(progress)),
            Response::Loaded {
                files,
                articles,
                stories,
                restored,
            } => {
                self.restored.set(restored);
                // The analysis that follows a load keeps its stage on the status line.
                if !self
                    .progress
                    .with_untracked(|p| p.as_ref().is_some_and(|p| is_background(&p.stage)))
                {
                    self.progress.set(None);
                }
                // Article, entity and topic numbers are new after a load, and its own figures
                // come with its analysis.
                self.selected_entities.set(Vec::new());
                self.selected_topics.set(Vec::new());
                self.selected.set(None);
                self.document.set(None);
                self.entity_timing.set(None);
                self.topic_timing.set(None);
                self.entity_detail.set(None);
                self.open_entity_id.set(None);
                self.files.set(files);
                self.articles.set(articles);
                self.stories.set(stories);
                self.invalidate_results();
                // A view from the URL: what it names can be found now.
                if let Some(view) = self.pending_view.get_value() {
                    self.send(Request::ResolveView {
                        entities: view.entities,
                        topics: view.topics,
                        article: view.article,
                    });
                }
            }
            Response::Results { id, result } => {
                if id != self.generation.get_untracked() {
                    return;
                }
                let page = result.offset / PAGE_SIZE;
                self.pending.update_value(|pending| {
                    pending.remove(&page);
                });
                self.total.set(Some(result.total));
                if page == 0 {
                    self.search_hint.set(result.hint);
                    self.timeline
                        .set((result.histogram_unit, result.histogram, result.undated));
                    self.facets.set(result.facets);
                }
                self.pages.update(|pages| {
                    // The first page of a refresh replaces every page kept on screen.
                    if self.stale.get_value() && page == 0 {
                        pages.clear();
                        self.stale.set_value(false);
                    }
                    pages.insert(page, result.hits);
                });
            }
            Response::TopicsChanged {
                topics,
                requested,
                millis,
            } => {
                if millis > 0.0 {
                    self.topic_timing.set(Some((topics, millis)));
                }
                self.topic_count.set(requested);
                // Topic numbers are new: a topic kept in the filter would name another.
                if self.selected_topics.with_untracked(Vec::is_empty) {
                    self.refresh_results();
                } else {
                    self.selected_topics.set(Vec::new());
                    self.invalidate_results();
                }
                self.reread_document();
            }
            Response::Document {
                doc,
                copies,
                topics,
                entities,
                marks,
            } => {
                if self.selected.get_untracked() == Some(doc.id) {
                    self.document_marks.set(marks);
                    self.copies.set(copies);
                    self.document_topics.set(topics);
                    self.document_entities.set(entities);
                    self.document.set(Some(*doc));
                }
            }
            Response::Marks { id, marks } => {
                if self.selected.get_untracked() == Some(id) {
                    self.document_marks.set(marks);
                }
            }
            Response::Concordance { result } => self.concordance.set(Some(result)),
            Response::Network {
                id,
                network,
                millis,
            } => {
                if id == self.generation.get_untracked() {
                    self.network.set(Some((network, millis)));
                }
            }
            Response::PlaceMap { id, map, millis } => {
                if id == self.generation.get_untracked() {
                    self.place_map.set(Some((map, millis)));
                }
            }
            Response::SharedStories {
                a,
                b,
                articles,
                total,
            } => self.shared_stories.set(Some(SharedStories {
                a,
                b,
                articles,
                total,
            })),
            Response::ViewResolved {
                entities,
                topics,
                article,
            } => {
                self.pending_view.set_value(None);
                self.selected_entities.set(entities);
                self.selected_topics.set(topics);
                self.invalidate_results();
                if let Some(id) = article {
                    self.select(id);
                }
            }
            Response::Exported {
                name,
                mime,
                text,
                rows,
            } => {
                self.export_status
                    .set(Some(match download(&name, &mime, &text) {
                        Ok(()) => format!("{name}: {rows} rows, {} kB", text.len().div_ceil(1000)),
                        Err(error) => format!("The export could not be saved: {error}"),
                    }));
            }
            Response::Entity {
                entity,
                articles,
                co_occurring,
            } => {
                if self.open_entity_id.get_untracked() == Some(entity.id) {
                    self.entity_detail.set(Some(EntityDetail {
                        entity: *entity,
                        articles,
                        co_occurring,
                    }));
                }
            }
            Response::EntitiesFound {
                entities,
                millis,
                bytes,
            } => self.entity_timing.set(Some((entities, millis, bytes))),
            Response::LoadTimings {
                list,
                total,
                stages,
                memory,
                helper_memory,
            } => self.load_timings.set(Some(LoadTimings {
                list,
                total,
                stages,
                memory,
                helper_memory,
            })),
            Response::Analysed => self.progress.set(None),
            Response::Dated { stories } => {
                self.stories.set(stories);
                self.refresh_results();
                self.reread_document();
            }
            Response::EngineMemory { bytes } => self.load_timings.update(|timings| {
                if let Some(timings) = timings {
                    timings.memory = bytes;
                }
            }),
            Response::EntitiesChanged { focus } => {
                self.refresh_results();
                match focus.or(self.open_entity_id.get_untracked()) {
                    Some(id) if focus.is_some() => self.open_entity(id),
                    _ => {
                        self.entity_detail.set(None);
                        self.open_entity_id.set(None);
                    }
                }
                self.reread_document();
            }
            Response::Storage(info) => self.storage.set(Some(info)),
            Response::Failed { message } => {
                self.progress.set(None);
                self.error.set(Some(message));
            }
        }
    }
}

/// Shows an error in the page's fixed banner, outside the app, so it shows even after a panic.
pub fn show_fatal_error(message: &str) {
    let banner = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("fatal"));
    if let Some(banner) = banner {
        banner.set_text_content(Some(message));
        let _ = banner.remove_attribute("hidden");
    }
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    match EngineClient::spawn(move |response| state.receive(response)) {
        Ok(engine) => state.engine.set_value(Some(engine)),
        Err(message) => state.error.set(Some(message)),
    }

    // The view in the URL: read once, written on every change (see `crate::url`).
    let view = crate::url::from_hash(&window().location().hash().unwrap_or_default());
    state.search.set(view.search.clone());
    state.sort.set(view.sort);
    state.date_range.set(view.range.clone());
    state.date_mode.set(view.mode);
    state.stated_only.set(view.stated_only);
    state.include_undated.set(view.include_undated);
    state.show_copies.set(view.copies);
    state.middle.set(view.show);
    if view.names_anything() {
        state.pending_view.set_value(Some(view));
    }
    Effect::new(move |_| {
        let topic_labels = state.facets.with(|facets| {
            facets
                .iter()
                .find(|f| f.name == "topics")
                .map(|f| {
                    state.selected_topics.with(|selected| {
                        selected
                            .iter()
                            .filter_map(|id| {
                                let key = id.to_string();
                                f.values
                                    .iter()
                                    .find(|v| v.key == key)
                                    .map(|v| v.label.clone())
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .unwrap_or_default()
        });
        let view = crate::url::View {
            search: state.search.get(),
            sort: state.sort.get(),
            range: state.date_range.get(),
            mode: state.date_mode.get(),
            stated_only: state.stated_only.get(),
            include_undated: state.include_undated.get(),
            copies: state.show_copies.get(),
            entities: state
                .selected_entities
                .with(|e| e.iter().map(|(_, name)| name.clone()).collect()),
            topics: topic_labels,
            article: state
                .document
                .with(|d| d.as_ref().map(|d| (d.file.clone(), d.line))),
            show: state.middle.get(),
        };
        // Until the corpus has said what the URL's names stand for, the URL stays as it came.
        if state.pending_view.with_value(Option::is_some) {
            return;
        }
        let hash = crate::url::to_hash(&view);
        let location = window().location();
        let here = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let url = if hash.is_empty() {
            here
        } else {
            format!("{here}#{hash}")
        };
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    });

    // The first page of every filter, whatever the middle pane shows: the status line, the
    // facets and the timeline come with it. A picture asks for it itself, after its own
    // question, so that the picture the user looks at is answered first.
    Effect::new(move |_| {
        state.generation.track();
        let picture = matches!(
            state.middle.get_untracked(),
            MiddleView::Network | MiddleView::Map
        );
        if state.ready.get() && !state.files.with(Vec::is_empty) && !picture {
            state.request_page(0);
        }
    });

    // Keys for the whole page: "/" goes to the search box, Escape closes the entity panel, then
    // the article.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = document().active_element().is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        });
        match ev.key().as_str() {
            "/" if !typing => {
                ev.prevent_default();
                focus("input.search");
            }
            "Escape" => {
                if state.entity_detail.with_untracked(Option::is_some) {
                    state.entity_detail.set(None);
                } else if state.selected.get_untracked().is_some() {
                    state.selected.set(None);
                    state.document.set(None);
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let status = move || {
        let copies = state.show_copies.get();
        let articles = if copies {
            state.articles.get()
        } else {
            state.stories.get()
        };
        let noun = if copies { "article" } else { "stor" };
        let ending = |n: usize| match (copies, n) {
            (true, 1) => "",
            (true, _) => "s",
            (false, 1) => "y",
            (false, _) => "ies",
        };
        let files = state.files.with(|files| files.len());
        if !state.ready.get() {
            "Starting the engine…".to_owned()
        } else if let Some(progress) = state.progress.get().filter(|p| !is_background(&p.stage)) {
            let then = match progress.stage.as_str() {
                "splitting articles" => " splitting them into articles",
                _ => "",
            };
            format!(
                "Reading {} file{}…{then}",
                progress.files_total,
                plural(progress.files_total)
            )
        } else if files == 0 {
            "No files loaded yet.".to_owned()
        } else {
            let shown = state.total.get().unwrap_or(articles);
            let of = if shown == articles {
                String::new()
            } else {
                format!("{shown} of ")
            };
            let how = match state.restored.get().as_deref() {
                Some("snapshot") => " · restored from this browser",
                Some("rebuilt") => " · rebuilt from the files saved in this browser",
                _ => "",
            };
            // What is still being found once the list is shown.
            let doing = state
                .progress
                .get()
                .and_then(|p| still_finding(&p.stage))
                .map(|what| format!(" · {what}…"))
                .unwrap_or_default();
            format!(
                "{of}{articles} {noun}{} from {files} file{}{how}{doing}",
                ending(articles),
                plural(files)
            )
        }
    };

    view! {
        <header class="top">
            <h1>"Corpus Explorer"</h1>
            <Upload/>
            <input
                class="search"
                type="search"
                placeholder="Search the articles (press / to come here)"
                aria-label="Search the articles"
                prop:value=move || state.search.get()
                on:keydown=move |ev| {
                    // Down from the search box goes to the list of what it found.
                    if ev.key() == "ArrowDown" {
                        ev.prevent_default();
                        focus("[data-testid=article-list]");
                    }
                }
                on:input=move |ev| {
                    state.search.set(event_target_value(&ev));
                    state.invalidate_results();
                    // The open article only needs its marks again, not the whole article.
                    if let Some(id) = state.selected.get_untracked() {
                        state.send(Request::GetMarks {
                            id,
                            search: state.search.get_untracked(),
                        });
                    }
                }
            />
            <select
                class="sort"
                aria-label="Order of the articles"
                data-testid="sort"
                on:change=move |ev| {
                    let order = match event_target_value(&ev).as_str() {
                        "date" => SortOrder::Date,
                        "source" => SortOrder::Source,
                        _ => SortOrder::Relevance,
                    };
                    state.sort.set(order);
                    state.invalidate_results();
                }
            >
                <option value="relevance" selected=move || state.sort.get() == SortOrder::Relevance>
                    "Best match"
                </option>
                <option value="date" selected=move || state.sort.get() == SortOrder::Date>
                    "Newest"
                </option>
                <option value="source" selected=move || state.sort.get() == SortOrder::Source>
                    "By file"
                </option>
            </select>
        </header>
        {move || {
            state
                .search_hint
                .get()
                .filter(|_| !state.search.with(String::is_empty))
                .map(|hint| {
                    view! { <p class="search-hint" role="status" data-testid="search-hint">{hint}</p> }
                })
        }}
        {move || {
            state
                .error
                .get()
                .map(|message| {
                    view! {
                        <div class="error-banner" role="alert">
                            <span>{message}</span>
                            <button on:click=move |_| state.error.set(None)>"Dismiss"</button>
                        </div>
                    }
                })
        }}
        <div class="status-bar" role="region" aria-label="What is loaded, and export">
            <p class="status" data-testid="status">{status}</p>
            {move || {
                state
                    .progress
                    .with(Option::is_some)
                    .then(|| {
                        view! {
                            <button
                                class="button small"
                                data-testid="stop-load"
                                title="Stop this load; the corpus stays as it was last saved"
                                on:click=move |_| state.stop_load()
                            >
                                "Stop"
                            </button>
                        }
                    })
            }}
            <FilterSwitch value=state.show_copies test_id="show-copies">
                "Show copies of the same story"
            </FilterSwitch>
            <Export/>
        </div>
        <main class="panes" class:pictures=move || {
            matches!(state.middle.get(), MiddleView::Network | MiddleView::Map)
        }>
            <aside class="side">
                <TopicFacet/>
                <EntityFacet/>
                <FilePanel/>
            </aside>
            <div class="middle">
                <Timeline/>
                <MiddleTabs/>
                {move || match state.middle.get() {
                    MiddleView::Articles => view! { <ResultList/> }.into_any(),
                    MiddleView::Concordance => view! { <ConcordanceView/> }.into_any(),
                    MiddleView::Network => view! { <NetworkView/> }.into_any(),
                    MiddleView::Map => view! { <MapView/> }.into_any(),
                }}
            </div>
            <div class="right">
                <EntityDetails/>
                <Reader/>
            </div>
        </main>
    }
}

/// "s" unless there is exactly one.
pub fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

/// Offers `text` to the user as a file called `name`: a Blob behind a download link, clicked.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let link: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The link has been followed: the Blob can go once the download has started.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// Offers what `url` holds (a `data:` URL) to the user as a file called `name`.
pub fn download_url(name: &str, url: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let link: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    link.set_href(url);
    link.set_download(name);
    link.click();
    Ok(())
}

/// Moves the keyboard's focus to the first element matching `selector`, if there is one.
fn focus(selector: &str) {
    use wasm_bindgen::JsCast;
    let element = document().query_selector(selector).ok().flatten();
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
