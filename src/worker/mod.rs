//! The Web Worker that owns the engine, and the page's handle on it.
//!
//! [`run`] is the worker's side: it keeps the [`Corpus`], reads dropped files with
//! `FileReaderSync` (so file contents never pass through the page), reports progress after every
//! file, and answers queries one page at a time. [`client::EngineClient`] is the page's side.

pub mod client;
mod helper;
pub mod protocol;
mod sample;

use crate::store::{StorageInfo, Store};
use corpus::Corpus;
use js_sys::{Array, Reflect, Uint8Array};
use protocol::{Progress, Request, Response};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

/// The worker's state: the corpus, the store (None when the browser refuses storage, with why),
/// and the requests that arrived before start-up finished.
struct Engine {
    corpus: Corpus,
    store: Option<Rc<Store>>,
    store_problem: Option<String>,
    ready: bool,
    pending: Vec<JsValue>,
    /// Files read since the last save, waiting for it.
    /// Files read but not saved yet, their bytes in JavaScript's memory until they are.
    unsaved_files: Vec<(String, Uint8Array)>,
    /// A save is scheduled.
    save_scheduled: bool,
    /// Where the whole corpus's network puts each entity, for the last size, kinds and copies
    /// asked: a filtered network starts from there. None after any change to the corpus.
    wide_anchors: Option<WideAnchors>,
    /// The analysis still running after a load or a change of the topic count, if any.
    analysis: Option<Analysis>,
    /// Requests that wait for the analysis to end: all but the list, the reader and search.
    deferred: Vec<JsValue>,
    /// Counts the analyses started: a step or an answer of an earlier one is dropped.
    generation: u64,
    /// The second worker, which splits part of the files and finds part of the names and the
    /// topics (None: the browser would not start it; all is then done here).
    helper: Option<Rc<helper::Helper>>,
    /// A load whose last files the helper is splitting, until its articles are in.
    splitting: Option<Listed>,
    /// The page's requests that came while the helper was splitting: answered once the list
    /// is shown.
    held: Vec<JsValue>,
}

/// What runs after the list is shown: the names and then the search index here, a step at a
/// time between the page's questions, and the topics in a second worker meanwhile.
struct Analysis {
    /// Which analysis this is (see [`Engine::generation`]).
    generation: u64,
    /// The topic count asked for.
    requested: Option<usize>,
    /// When the topics were asked for.
    topics_started: f64,
    /// The topics are in.
    topics_done: bool,
    /// The names and the index are done.
    names_done: bool,
    /// For a load: when it started, how long the list took, and each stage's time.
    load: Option<LoadClock>,
    /// The page has had its first rows since the list was shown (the analysis waits for that,
    /// up to [`LIST_WAIT_MS`]).
    list_answered: bool,
    /// When the analysis began.
    began: f64,
    /// A step is scheduled (so an answer from the helper does not start a second chain).
    step_scheduled: bool,
}

/// How long the analysis waits for the page to ask for its first rows.
const LIST_WAIT_MS: f64 = 1_000.0;

/// The analysis under way, if it is the one numbered `generation` (an older one's steps and
/// answers are dropped).
fn running(analysis: &mut Option<Analysis>, generation: u64) -> Option<&mut Analysis> {
    analysis.as_mut().filter(|a| a.generation == generation)
}

/// The times of a load's stages, for the page's "Last load" line.
struct LoadClock {
    started: f64,
    list: f64,
    stages: Vec<(String, f64)>,
    dates_started: f64,
    names_started: f64,
    /// Milliseconds spent on the index so far (it is built between the names' steps).
    index_ms: f64,
}

/// The size, kinds and copies a whole-corpus network was made for, and where it put each entity.
type WideAnchors = (
    (usize, Vec<corpus::EntityKind>, bool),
    Vec<(corpus::EntityId, (f32, f32))>,
);

/// How long after the last change the corpus is saved: the page's first questions are answered
/// before the snapshot is taken, and quick edits are saved together.
const SAVE_DELAY_MS: i32 = 400;

type Shared = Rc<RefCell<Engine>>;

/// Starts the worker: installs the message handler, brings back the saved corpus if there is
/// one, then says it is ready and answers what arrived meanwhile.
pub fn run() {
    if scope().name() == helper::NAME {
        helper::run();
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        post(&Response::Failed {
            message: format!("The engine stopped on an internal error: {info}"),
        });
    }));
    let engine: Shared = Rc::new(RefCell::new(Engine {
        corpus: Corpus::new(),
        store: None,
        store_problem: None,
        ready: false,
        pending: Vec::new(),
        unsaved_files: Vec::new(),
        save_scheduled: false,
        wide_anchors: None,
        analysis: None,
        deferred: Vec::new(),
        generation: 0,
        helper: None,
        splitting: None,
        held: Vec::new(),
    }));
    let for_messages = engine.clone();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let ready = for_messages.borrow().ready;
        if ready {
            handle(&for_messages, &data);
        } else {
            for_messages.borrow_mut().pending.push(data);
        }
    });
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    wasm_bindgen_futures::spawn_local(start(engine));
}

/// Opens the store and restores: the snapshot if it is this engine's, else a rebuild from the
/// saved files (with progress), else nothing. Then answers the requests that waited.
async fn start(engine: Shared) {
    match helper::Helper::spawn() {
        Ok(helper) => engine.borrow_mut().helper = Some(Rc::new(helper)),
        Err(why) => web_sys::console::warn_1(&format!("no helper, all is done here: {why}").into()),
    }
    match Store::open().await {
        Ok(store) => {
            let store = Rc::new(store);
            engine.borrow_mut().store = Some(store.clone());
            let snapshot = store.snapshot().await.ok().flatten();
            // The list first: the search index is built after, between the page's questions.
            let restored = snapshot
                .as_deref()
                .and_then(Corpus::from_snapshot_unindexed);
            if let Some(corpus) = restored {
                engine.borrow_mut().corpus = corpus;
                post_loaded(&engine.borrow().corpus, Some("snapshot"));
                index_in_background(&engine);
            } else if let Ok(files) = store.files().await {
                if !files.is_empty() {
                    let edits: Option<corpus::Edits> = store
                        .edits()
                        .await
                        .ok()
                        .flatten()
                        .and_then(|json| serde_json::from_str(&json).ok());
                    let sources = files
                        .into_iter()
                        .map(|(name, bytes)| Source::Stored(name, bytes))
                        .collect();
                    {
                        let mut state = engine.borrow_mut();
                        state.corpus.release_sources_when_split(true);
                        if let Some(edits) = &edits {
                            state.corpus.apply_edits(edits);
                        }
                    }
                    load(&engine, sources, Some("rebuilt"), false);
                }
            }
        }
        Err(problem) => {
            engine.borrow_mut().store_problem = Some(problem);
        }
    }
    // The helper's files are fetched before the page is told the engine is ready: none is
    // asked for once the page has loaded.
    let helper_ready = engine.borrow().helper.as_ref().map(|h| h.started());
    if let Some(started) = helper_ready {
        let _ = wasm_bindgen_futures::JsFuture::from(started).await;
    }
    report_storage(&engine);
    let pending = {
        let mut state = engine.borrow_mut();
        state.ready = true;
        std::mem::take(&mut state.pending)
    };
    post(&Response::Ready);
    for data in pending {
        handle(&engine, &data);
    }
}

/// How many documents the worker indexes before it looks for the page's questions again (about
/// 4 MB of text, a tenth of a second).
const INDEX_STEP: usize = 2_000;

/// Builds a restored corpus's search index a step at a time, answering the page in between.
fn index_in_background(engine: &Shared) {
    let engine = engine.clone();
    let step = Closure::once_into_js(move || {
        let done = engine.borrow_mut().corpus.index_step(INDEX_STEP);
        if !done {
            index_in_background(&engine);
        }
    });
    let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(step.unchecked_ref(), 0);
}

/// Adds files to the corpus and saves them. With a store, the corpus lets its decoded files go
/// once its articles are made (the raw files are saved), and a corpus without them (after that,
/// or restored from a snapshot) first gets them back from the raw files, those still waiting to
/// be saved and those in the store, so the whole corpus is split again with the new files, as
/// on a first load.
fn load_more(engine: &Shared, sources: Vec<Source>) {
    let store = {
        let mut state = engine.borrow_mut();
        let has_store = state.store.is_some();
        state.corpus.release_sources_when_split(has_store);
        state
            .corpus
            .needs_sources()
            .then(|| state.store.clone())
            .flatten()
    };
    let Some(store) = store else {
        load(engine, sources, None, true);
        return;
    };
    let engine = engine.clone();
    wasm_bindgen_futures::spawn_local(async move {
        post(&Response::Progress(Progress {
            stage: "reading the saved files".into(),
            files_total: sources.len(),
            bytes_total: sources.iter().map(Source::size).sum(),
            ..Progress::default()
        }));
        match store.files().await {
            Ok(files) => {
                let mut state = engine.borrow_mut();
                let state = &mut *state;
                // The newest bytes of a file first: a file not saved yet wins over its stored
                // copy.
                for (name, bytes) in state.unsaved_files.iter().chain(&files) {
                    state
                        .corpus
                        .restore_sources([(name.as_str(), bytes.to_vec().as_slice())]);
                }
            }
            Err(problem) => {
                // Splitting again without them would lose their articles: keep what is open.
                post(&Response::Failed {
                    message: format!(
                        "The files saved in this browser could not be read back ({problem}), so the new files were not added and the articles open now are kept. Drop the earlier files again together with the new ones."
                    ),
                });
                post_loaded(&engine.borrow().corpus, None);
                return;
            }
        }
        load(&engine, sources, None, true);
    });
}

/// Saves new files, the snapshot and the edits, [`SAVE_DELAY_MS`] after the last change, in the
/// background. A failure (a full disk, a refusing browser) is said plainly; the corpus stays in
/// memory.
fn save(engine: &Shared, files: Vec<(String, Uint8Array)>) {
    let mut state = engine.borrow_mut();
    if state.store.is_none() {
        return;
    }
    state.unsaved_files.extend(files);
    // The end of the analysis saves: a snapshot taken before would lack names or topics.
    if state.save_scheduled || state.analysis.is_some() {
        return;
    }
    state.save_scheduled = true;
    drop(state);
    let engine = engine.clone();
    let later = Closure::once_into_js(move || save_now(&engine));
    let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(
        later.unchecked_ref(),
        SAVE_DELAY_MS,
    );
}

fn save_now(engine: &Shared) {
    let (store, files, snapshot, edits) = {
        let mut state = engine.borrow_mut();
        state.save_scheduled = false;
        // A save asked for before a load began waits for its analysis: the end of it saves.
        if state.analysis.is_some() {
            return;
        }
        let Some(store) = state.store.clone() else {
            return;
        };
        let files = std::mem::take(&mut state.unsaved_files);
        let edits = serde_json::to_string(&state.corpus.edits()).unwrap_or_default();
        // Each part goes to JavaScript's memory as soon as it is made: the engine never holds
        // the whole snapshot.
        let mut parts = Vec::new();
        if !state
            .corpus
            .snapshot_each_part(|part| parts.push(Uint8Array::from(part.as_slice())))
        {
            parts.clear();
        }
        (store, files, parts, edits)
    };
    // Making the snapshot may have grown the engine's memory: say what it holds now.
    post(&Response::EngineMemory {
        bytes: engine_memory(),
    });
    let engine = engine.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(problem) = store.save(&files, &snapshot, &edits).await {
            // Kept for the next save, and for splitting the corpus again when files are added.
            engine.borrow_mut().unsaved_files.extend(files);
            post(&Response::Failed {
                message: format!(
                    "Your corpus could not be saved in this browser ({problem}). It stays open until you close the page."
                ),
            });
        }
        report_storage(&engine);
    });
}

/// Tells the page what is stored.
fn report_storage(engine: &Shared) {
    let (store, problem) = {
        let state = engine.borrow();
        (state.store.clone(), state.store_problem.clone())
    };
    wasm_bindgen_futures::spawn_local(async move {
        let info = match store {
            Some(store) => store.info().await,
            None => StorageInfo {
                available: false,
                problem: Some(problem.unwrap_or_else(|| "storage is not available".into())),
                ..StorageInfo::default()
            },
        };
        post(&Response::Storage(info));
    });
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(response: &Response) {
    match serde_wasm_bindgen::to_value(response) {
        Ok(value) => {
            let envelope = js_sys::Object::new();
            let _ = Reflect::set(&envelope, &"msg".into(), &value);
            let _ = scope().post_message(&envelope);
        }
        Err(error) => web_sys::console::error_1(&format!("cannot send a reply: {error}").into()),
    }
}

fn post_loaded(corpus: &Corpus, restored: Option<&str>) {
    post(&Response::Loaded {
        files: corpus.files().to_vec(),
        articles: corpus.documents().len(),
        stories: corpus.unique_stories(),
        restored: restored.map(str::to_owned),
    });
}

fn handle(engine: &Shared, data: &JsValue) {
    let message = Reflect::get(data, &"msg".into()).unwrap_or(JsValue::UNDEFINED);
    let request: Request = match serde_wasm_bindgen::from_value(message) {
        Ok(request) => request,
        Err(error) => {
            post(&Response::Failed {
                message: format!("The engine got a message it does not understand: {error}"),
            });
            return;
        }
    };
    let mut state = engine.borrow_mut();
    // While the helper splits files, every request waits for the list: the corpus is half made.
    if state.splitting.is_some() {
        state.held.push(data.clone());
        return;
    }
    // While the names, the index or the topics are found, the list, the reader and search are
    // answered at once; the rest waits for them (it needs them, or changes the corpus).
    let answered_now = matches!(
        request,
        Request::Query { .. }
            | Request::GetDocument { .. }
            | Request::GetMarks { .. }
            | Request::Concordance { .. }
    );
    // A topic renamed while the topics are found again would name another topic once they are.
    if matches!(request, Request::RenameTopic { .. })
        && state.analysis.as_ref().is_some_and(|a| !a.topics_done)
    {
        post(&Response::Failed {
            message: "The topics are being found again: rename a topic once they are shown.".into(),
        });
        return;
    }
    if state.analysis.is_some() && !answered_now {
        state.deferred.push(data.clone());
        return;
    }
    if matches!(
        request,
        Request::LoadFiles { .. }
            | Request::LoadSample
            | Request::ClearStorage
            | Request::EditEntity { .. }
    ) {
        state.wide_anchors = None;
    }
    let engine_state = &mut *state;
    let corpus = &mut engine_state.corpus;
    // What searches waits for the rest of the index (while a restored corpus is indexed, or
    // during an analysis); the list and an article without a search do not.
    let searches = match &request {
        Request::Query { query, .. } => !query.text.trim().is_empty(),
        Request::GetDocument { search, .. } | Request::GetMarks { search, .. } => {
            !search.trim().is_empty()
        }
        _ => true,
    };
    if searches {
        corpus.finish_index();
    }
    match request {
        Request::LoadFiles { paths } => {
            let files: Array = Reflect::get(data, &"files".into())
                .ok()
                .and_then(|files| files.dyn_into().ok())
                .unwrap_or_default();
            let sources: Vec<Source> = paths
                .into_iter()
                .zip(files.iter())
                .map(|(path, file)| Source::Dropped(path, file.unchecked_into()))
                .collect();
            drop(state);
            load_more(engine, sources);
        }
        Request::LoadSample => {
            let sources = sample::FILES
                .iter()
                .map(|(name, bytes)| Source::Bundled(name, bytes))
                .collect();
            drop(state);
            load_more(engine, sources);
        }
        Request::ClearStorage => {
            *corpus = Corpus::new();
            post_loaded(corpus, None);
            state.unsaved_files.clear();
            let store = state.store.clone();
            drop(state);
            let engine = engine.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(store) = store {
                    if let Err(problem) = store.clear().await {
                        post(&Response::Failed {
                            message: format!("The saved corpus could not be deleted: {problem}"),
                        });
                    }
                }
                report_storage(&engine);
            });
        }
        Request::Query { id, query } => {
            post(&Response::Results {
                id,
                result: corpus.query(&query),
            });
            if let Some(analysis) = engine_state.analysis.as_mut() {
                analysis.list_answered = true;
            }
        }
        Request::ResolveView {
            entities,
            topics,
            article,
        } => {
            let entities = entities
                .iter()
                .filter_map(|name| {
                    let wanted = name.to_lowercase();
                    corpus
                        .entities()
                        .iter()
                        .find(|e| !e.hidden && e.name.to_lowercase() == wanted)
                        .map(|e| (e.id, e.name.clone()))
                })
                .collect();
            let topics = topics
                .iter()
                .filter_map(|name| {
                    corpus
                        .topics()
                        .topics
                        .iter()
                        .find(|t| t.label == *name)
                        .map(|t| t.id)
                })
                .collect();
            let article = article.and_then(|(file, line)| {
                corpus
                    .documents()
                    .iter()
                    .find(|d| d.file == file && d.line == line)
                    .map(|d| d.id)
            });
            post(&Response::ViewResolved {
                entities,
                topics,
                article,
            });
        }
        Request::Network { id, query, options } => {
            let started = js_sys::Date::now();
            let network = network(corpus, &mut engine_state.wide_anchors, &query, &options);
            post(&Response::Network {
                id,
                network,
                millis: js_sys::Date::now() - started,
            });
        }
        Request::PlaceMap { id, query } => {
            let started = js_sys::Date::now();
            let map = corpus.place_map(&query);
            post(&Response::PlaceMap {
                id,
                map,
                millis: js_sys::Date::now() - started,
            });
        }
        Request::SharedStories { query, a, b } => {
            let shared = corpus.shared_stories(&query, a, b);
            if let (Some(a), Some(b)) = (entity_label(corpus, a), entity_label(corpus, b)) {
                post(&Response::SharedStories {
                    a,
                    b,
                    total: shared.len(),
                    articles: shared
                        .iter()
                        .take(protocol::ENTITY_ARTICLES)
                        .filter_map(|&id| corpus.document(id))
                        .map(|d| protocol::ArticleRef {
                            id: d.id,
                            title: d.title.clone(),
                            file: d.file.clone(),
                        })
                        .collect(),
                });
            }
        }
        Request::GetMarks { id, search } => post(&Response::Marks {
            id,
            marks: corpus.search_marks(id, &search),
        }),
        Request::Concordance {
            query,
            target,
            order,
        } => post(&Response::Concordance {
            result: corpus.concordance(&query, &target, order, protocol::CONCORDANCE_LINES),
        }),
        Request::Export { query, what } => {
            let (name, format, exported) = match what {
                protocol::ExportWhat::Concordance { target, order } => (
                    "concordance",
                    corpus::ExportFormat::Csv,
                    corpus
                        .concordance(&query, &target, order, usize::MAX)
                        .to_csv(),
                ),
                protocol::ExportWhat::Articles { format, body } => (
                    "articles",
                    format,
                    corpus.export_articles(&query, format, body),
                ),
                protocol::ExportWhat::Entities => (
                    "entities",
                    corpus::ExportFormat::Csv,
                    corpus.export_entities(&query),
                ),
            };
            post(&Response::Exported {
                name: format!("corpus-{name}.{}", format.extension()),
                mime: format.mime().to_owned(),
                text: exported.text,
                rows: exported.rows,
            });
        }
        Request::SetTopicCount { count } => {
            drop(state);
            analyse(engine, count, None);
        }
        Request::RenameTopic { id, name } => {
            corpus.rename_topic(id, &name);
            post(&Response::TopicsChanged {
                topics: corpus.topics().topics.len(),
                requested: corpus.topic_count(),
                millis: 0.0,
            });
            drop(state);
            save(engine, Vec::new());
        }
        Request::GetDocument { id, search } => match corpus.document(id) {
            Some(doc) => post(&Response::Document {
                marks: corpus.search_marks(id, &search),
                doc: Box::new(doc.clone()),
                copies: copies_of(corpus, doc),
                topics: corpus
                    .topics_of(doc.id)
                    .iter()
                    .filter_map(|w| {
                        let topic = corpus.topics().topics.get(w.topic as usize)?;
                        Some(protocol::DocTopic {
                            id: topic.id,
                            label: topic.label.clone(),
                            weight: w.weight,
                        })
                    })
                    .collect(),
                entities: {
                    let mut ids: Vec<corpus::EntityId> =
                        doc.mentions.iter().map(|m| m.entity).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    ids.into_iter()
                        .filter_map(|id| entity_label(corpus, id))
                        .collect()
                },
            }),
            None => post(&Response::Failed {
                message: format!("There is no article number {id}."),
            }),
        },
        Request::GetEntity { id } => match corpus.entity(id) {
            Some(entity) => post(&Response::Entity {
                entity: Box::new(entity.clone()),
                articles: entity
                    .documents
                    .iter()
                    .filter_map(|&d| corpus.document(d))
                    .filter(|d| d.duplicate_of.is_none())
                    .take(protocol::ENTITY_ARTICLES)
                    .map(|d| protocol::ArticleRef {
                        id: d.id,
                        title: d.title.clone(),
                        file: d.file.clone(),
                    })
                    .collect(),
                co_occurring: corpus
                    .co_occurring(id, 12)
                    .into_iter()
                    .filter_map(|(other, n)| Some((entity_label(corpus, other)?, n)))
                    .collect(),
            }),
            None => post(&Response::Failed {
                message: format!("There is no entity number {id}."),
            }),
        },
        Request::EditEntity { edit } => {
            let before = corpus.entities().len();
            if corpus.edit_entities(edit.clone()) {
                let focus = match &edit {
                    corpus::EntityEdit::Split { .. } => corpus::EntityId::try_from(before).ok(),
                    corpus::EntityEdit::Merge { into, .. } => corpus.find_entity(into),
                    corpus::EntityEdit::Rename { entity, name } => {
                        corpus.find_entity(&corpus::EntityRef {
                            kind: entity.kind,
                            name: name.trim().to_owned(),
                        })
                    }
                    corpus::EntityEdit::Hide { .. } => None,
                };
                post(&Response::EntitiesChanged { focus });
                drop(state);
                save(engine, Vec::new());
            } else {
                post(&Response::Failed {
                    message: "That entity is no longer there; nothing was changed.".into(),
                });
            }
        }
    }
}

/// An entity's id, name and kind.
fn entity_label(corpus: &Corpus, id: corpus::EntityId) -> Option<protocol::EntityLabel> {
    let entity = corpus.entity(id)?;
    Some(protocol::EntityLabel {
        id,
        name: entity.name.clone(),
        kind: entity.kind,
    })
}

/// The other tellings of a document's story: its canonical article and every copy but itself.
fn copies_of(corpus: &Corpus, doc: &corpus::Document) -> Vec<protocol::DocRef> {
    let canonical = doc
        .duplicate_of
        .and_then(|id| corpus.document(id))
        .unwrap_or(doc);
    std::iter::once(canonical.id)
        .chain(canonical.copies.iter().copied())
        .filter(|&id| id != doc.id)
        .filter_map(|id| corpus.document(id))
        .map(|other| protocol::DocRef {
            id: other.id,
            file: other.file.clone(),
            line: other.line,
            canonical: other.duplicate_of.is_none(),
        })
        .collect()
}

/// The network of `query`'s stories, started from where the whole corpus's network puts each
/// entity (those places kept in `wide_anchors` for the next question), so that narrowing the
/// filter does not scatter it.
fn network(
    corpus: &Corpus,
    wide_anchors: &mut Option<WideAnchors>,
    query: &corpus::Query,
    options: &corpus::network::NetworkOptions,
) -> corpus::network::Network {
    let key = (options.size, options.kinds.clone(), query.include_copies);
    if wide_anchors.as_ref().is_none_or(|(k, _)| *k != key) {
        let wide = corpus::Query {
            include_copies: query.include_copies,
            ..corpus::Query::default()
        };
        *wide_anchors = Some((key, corpus.network(&wide, options, &[]).anchors()));
    }
    let anchors = wide_anchors
        .as_ref()
        .map(|(_, a)| a.as_slice())
        .unwrap_or_default();
    corpus.network(query, options, anchors)
}

/// The bytes of WebAssembly memory this worker holds (its peak: it never shrinks).
pub(crate) fn engine_memory() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size(0) as u64 * 65_536
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// A file to load: one the user gave, one bundled with the app, or one saved in the browser.
enum Source {
    Dropped(String, File),
    Bundled(&'static str, &'static [u8]),
    Stored(String, Uint8Array),
}

impl Source {
    fn name(&self) -> &str {
        match self {
            Source::Dropped(name, _) | Source::Stored(name, _) => name,
            Source::Bundled(name, _) => name,
        }
    }

    fn size(&self) -> u64 {
        match self {
            Source::Dropped(_, file) => file.size() as u64,
            Source::Bundled(_, bytes) => bytes.len() as u64,
            Source::Stored(_, bytes) => u64::from(bytes.length()),
        }
    }
}

/// Reads a dropped file's bytes, or says why it cannot.
fn read_file(file: &File) -> Result<Uint8Array, String> {
    let reader = FileReaderSync::new().map_err(describe)?;
    let buffer = reader.read_as_array_buffer(file).map_err(describe)?;
    Ok(Uint8Array::new(&buffer))
}

fn describe(error: JsValue) -> String {
    let message = Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{error:?}"));
    format!("the browser could not read it: {message}")
}

/// Reads the sources with progress, splits the corpus into articles and shows the list, then
/// starts the rest of the analysis ([`analyse`]) and saves the files read (with `save_read`; a
/// corpus rebuilt from its saved files saves only its snapshot). With the helper, it splits the
/// last part of the files while the engine splits the others ([`SPLIT_ELSEWHERE`]); the page's
/// requests wait until the list is there.
fn load(engine: &Shared, sources: Vec<Source>, restored: Option<&'static str>, save_read: bool) {
    let mut progress = Progress {
        stage: "reading files".into(),
        files_total: sources.len(),
        bytes_total: sources.iter().map(Source::size).sum(),
        ..Progress::default()
    };
    let started = js_sys::Date::now();
    let mut read = Vec::new();
    let mut state = engine.borrow_mut();
    // A new load supersedes an analysis still running (its requests were put off, not lost).
    state.analysis = None;
    let helper = state.helper.clone().filter(|h| h.is_ready());
    let corpus = &mut state.corpus;
    for source in &sources {
        progress.current = Some(source.name().to_owned());
        post(&Response::Progress(progress.clone()));
        let bytes = match source {
            Source::Dropped(name, file) => match read_file(file) {
                Ok(bytes) => Some(bytes),
                Err(reason) => {
                    corpus.add_unreadable(name, &reason);
                    None
                }
            },
            Source::Bundled(_, bytes) => Some(Uint8Array::from(*bytes)),
            Source::Stored(_, bytes) => Some(bytes.clone()),
        };
        // The engine holds the bytes only while it decodes them; the copy kept for saving stays
        // in JavaScript's memory, which is given back once it is saved.
        if let Some(bytes) = bytes {
            if corpus.add_file(source.name(), &bytes.to_vec()).is_ok() {
                read.push((source.name().to_owned(), bytes));
            }
        }
        progress.files_done += 1;
        progress.bytes_done += source.size();
    }
    progress.current = None;
    progress.stage = "splitting articles".into();
    post(&Response::Progress(progress.clone()));
    let splitting = js_sys::Date::now();
    let read = if save_read { read } else { Vec::new() };
    let listed = Listed {
        started,
        splitting,
        restored,
        read,
    };
    corpus.split_begin();
    let from = corpus.split_share_from(SPLIT_ELSEWHERE);
    let elsewhere = helper.filter(|_| from > 0 && from < corpus.split_files());
    let Some(helper) = elsewhere else {
        corpus.split_end();
        drop(state);
        list_and_analyse(engine, listed);
        return;
    };
    let sent = {
        let (stats, texts) = corpus.split_elsewhere(from);
        let engine = engine.clone();
        helper.split(&stats, &texts, move |answer| {
            split_answered(&engine, from, answer)
        })
    };
    match sent {
        Ok(()) => {
            // Until the helper's articles are in, the page's requests wait ([`Engine::held`]).
            state.splitting = Some(listed);
            state.corpus.split_here(0, from);
        }
        Err(why) => {
            web_sys::console::warn_1(&format!("all files are split here: {why}").into());
            state.corpus.split_end();
            drop(state);
            list_and_analyse(engine, listed);
        }
    }
}

/// The share of a load's text the helper splits while the engine splits the rest: a little
/// under half, as the engine reads the helper's articles back and the helper starts later.
const SPLIT_ELSEWHERE: f64 = 0.45;

/// A load whose files are read, waiting for its list: when it started, when its splitting
/// started, what the page is told it was, and the files to save.
struct Listed {
    started: f64,
    splitting: f64,
    restored: Option<&'static str>,
    read: Vec<(String, Uint8Array)>,
}

/// Takes the articles the helper found in files `from..` (or splits them here if it could not),
/// then shows the list, goes on with the analysis and answers the requests that waited.
fn split_answered(engine: &Shared, from: usize, answer: helper::Answer) {
    let (listed, held) = {
        let mut state = engine.borrow_mut();
        let Some(listed) = state.splitting.take() else {
            return;
        };
        let taken = match answer {
            helper::Answer::Bytes(bytes) => state.corpus.split_from_job(from, &bytes),
            helper::Answer::Failed(why) => Err(why),
        };
        if let Err(why) = taken {
            web_sys::console::warn_1(
                &format!("the rest of the files are split here: {why}").into(),
            );
        }
        state.corpus.split_end();
        (listed, std::mem::take(&mut state.held))
    };
    list_and_analyse(engine, listed);
    for data in held {
        handle(engine, &data);
    }
}

/// Shows the list of a split corpus, starts the rest of the analysis and saves the files read.
fn list_and_analyse(engine: &Shared, listed: Listed) {
    let Listed {
        started,
        splitting,
        restored,
        read,
    } = listed;
    let now = js_sys::Date::now();
    let requested = {
        let state = engine.borrow();
        // The stage first: the page keeps it through the list, so its status never reads as if
        // the load were over before the analysis ends.
        post(&Response::Progress(Progress {
            stage: "dating articles".into(),
            ..Progress::default()
        }));
        post_loaded(&state.corpus, restored);
        state.corpus.topic_count()
    };
    let clock = LoadClock {
        started,
        list: now - started,
        stages: vec![
            ("reading".into(), splitting - started),
            ("splitting".into(), now - splitting),
        ],
        dates_started: now,
        names_started: now,
        index_ms: 0.0,
    };
    analyse(engine, requested, Some(clock));
    save(engine, read);
}

/// How long the engine works between two looks for the page's questions while it analyses.
const ANALYSIS_SLICE_MS: f64 = 100.0;

/// How many documents are dated between two looks at the clock.
const DATES_STEP: usize = 256;

/// How many documents' names are found between two looks at the clock.
const NAMES_STEP: usize = 64;

/// Starts the analysis: the topics (with `requested` of them) in a second worker, and here the
/// names and the search index a slice at a time, the page's list, reader and search answered in
/// between. When all are done, the page is told, the corpus saved and the requests that waited
/// are answered.
fn analyse(engine: &Shared, requested: Option<usize>, load: Option<LoadClock>) {
    let generation = {
        let mut state = engine.borrow_mut();
        state.generation += 1;
        state.wide_anchors = None;
        let generation = state.generation;
        state.analysis = Some(Analysis {
            generation,
            requested,
            topics_started: js_sys::Date::now(),
            topics_done: false,
            names_done: false,
            list_answered: load.is_none(),
            began: js_sys::Date::now(),
            step_scheduled: false,
            load,
        });
        generation
    };
    report_analysis(engine);
    // The topics are found in the stories, known once the copies are.
    if engine.borrow().corpus.articles_dated() {
        start_topics(engine, generation);
    } else {
        start_names_elsewhere(engine, generation);
    }
    analysis_step(engine, generation);
}

/// The share of a load's text whose names the helper finds before it finds the topics, so that
/// both workers finish together (measured on 100 MB: the engine dates the articles in about a
/// quarter of the time all names take, then finds its names and builds the index; the helper's
/// topics take about three quarters of the names' time).
const NAMES_ELSEWHERE_SHARE: f64 = 0.3;

/// Leaves the names of the last part of the corpus to the helper, if there is one.
fn start_names_elsewhere(engine: &Shared, generation: u64) {
    let mut state = engine.borrow_mut();
    let state = &mut *state;
    let Some(helper) = state.helper.clone() else {
        return;
    };
    let from = state.corpus.names_split_point(NAMES_ELSEWHERE_SHARE);
    let articles = state.corpus.names_elsewhere(from);
    let for_answer = engine.clone();
    let sent = helper.names(&articles, move |answer| {
        names_answered(&for_answer, generation, answer)
    });
    if let Err(why) = sent {
        web_sys::console::warn_1(&format!("names found here: {why}").into());
        state.corpus.names_here();
    }
}

/// Takes the names the helper found (or finds them here if it could not), and goes on.
fn names_answered(engine: &Shared, generation: u64, answer: helper::Answer) {
    {
        let mut state = engine.borrow_mut();
        if running(&mut state.analysis, generation).is_none() {
            return;
        }
        let taken = match answer {
            helper::Answer::Bytes(bytes) => state.corpus.names_from_job(&bytes),
            helper::Answer::Failed(why) => Err(why),
        };
        if let Err(why) = taken {
            web_sys::console::warn_1(&format!("names found here instead: {why}").into());
            state.corpus.names_here();
        }
    }
    schedule_step(engine, generation);
}

/// Starts finding the topics in the helper (here if there is none).
fn start_topics(engine: &Shared, generation: u64) {
    let started = {
        let mut state = engine.borrow_mut();
        let state = &mut *state;
        let Some(analysis) = running(&mut state.analysis, generation) else {
            return;
        };
        analysis.topics_started = js_sys::Date::now();
        let for_answer = engine.clone();
        match &state.helper {
            Some(helper) => helper.topics(
                &state.corpus.topic_stories(),
                analysis.requested,
                move |answer| topics_answered(&for_answer, generation, answer),
            ),
            None => Err("no helper".into()),
        }
    };
    if let Err(why) = started {
        topics_answered(engine, generation, helper::Answer::Failed(why));
    }
}

/// Tells the page what the analysis is still doing.
fn report_analysis(engine: &Shared) {
    let state = engine.borrow();
    let Some(analysis) = &state.analysis else {
        return;
    };
    let stage = match (analysis.names_done, analysis.topics_done) {
        _ if !state.corpus.articles_dated() => "dating articles",
        (false, false) => "finding names and topics",
        (false, true) => "finding names",
        _ => "finding topics",
    };
    post(&Response::Progress(Progress {
        stage: stage.into(),
        ..Progress::default()
    }));
}

/// One slice of the analysis here: the dates, then the names (and the index while the helper's
/// names are awaited), then the rest of the index. Schedules the next until all are done.
fn analysis_step(engine: &Shared, generation: u64) {
    let mut guard = engine.borrow_mut();
    let state = &mut *guard;
    let Some(analysis) = running(&mut state.analysis, generation) else {
        return;
    };
    analysis.step_scheduled = false;
    if !analysis.list_answered && js_sys::Date::now() - analysis.began < LIST_WAIT_MS {
        // The rows first: the page asks for them as soon as it hears of the list.
        drop(guard);
        schedule_step_in(engine, generation, 10);
        return;
    }
    let corpus = &mut state.corpus;
    if !corpus.articles_dated() {
        let started = js_sys::Date::now();
        let mut dated = false;
        while !dated && js_sys::Date::now() - started < ANALYSIS_SLICE_MS {
            dated = corpus.date_step(DATES_STEP);
        }
        if !dated {
            drop(guard);
            schedule_step(engine, generation);
            return;
        }
        if let Some(clock) = analysis.load.as_mut() {
            let now = js_sys::Date::now();
            clock
                .stages
                .push(("dates".into(), now - clock.dates_started));
            clock.names_started = now;
        }
        post(&Response::Dated {
            stories: corpus.unique_stories(),
        });
        drop(guard);
        start_topics(engine, generation);
        report_analysis(engine);
        schedule_step(engine, generation);
        return;
    }
    let started = js_sys::Date::now();
    let mut names_found = false;
    let mut idle = false;
    while js_sys::Date::now() - started < ANALYSIS_SLICE_MS {
        let index_needed = !corpus.index_ready();
        if !corpus.names_ready() && !corpus.names_waiting() {
            if corpus.names_step(NAMES_STEP) {
                names_found = true;
                break;
            }
        } else if index_needed {
            // The index, here, while the helper's names are awaited or once all are found.
            let at = js_sys::Date::now();
            corpus.index_step(INDEX_STEP);
            if let Some(clock) = analysis.load.as_mut() {
                clock.index_ms += js_sys::Date::now() - at;
            }
        } else if corpus.names_ready() {
            analysis.names_done = true;
            break;
        } else {
            // Waiting for the helper's names, with nothing else to do: its answer goes on.
            idle = true;
            break;
        }
    }
    if names_found {
        let now = js_sys::Date::now();
        if let Some(clock) = analysis.load.as_mut() {
            post(&Response::EntitiesFound {
                entities: corpus.entities().len(),
                millis: now - clock.names_started,
                bytes: corpus.text_bytes(),
            });
            clock
                .stages
                .push(("names".into(), now - clock.names_started));
        }
        // The page asks again for its facets and the article it shows, now with names.
        post(&Response::EntitiesChanged { focus: None });
    }
    let names_done = analysis.names_done;
    if names_done {
        if let Some(clock) = analysis.load.as_mut() {
            clock.stages.push(("index".into(), clock.index_ms));
        }
    }
    drop(guard);
    if names_done {
        analysis_ended(engine);
    } else if !idle {
        schedule_step(engine, generation);
    }
}

/// Runs [`analysis_step`] once the page's waiting questions are answered (unless one is
/// scheduled already).
fn schedule_step(engine: &Shared, generation: u64) {
    schedule_step_in(engine, generation, 0);
}

/// [`schedule_step`], `millis` from now at the earliest.
fn schedule_step_in(engine: &Shared, generation: u64, millis: i32) {
    {
        let mut state = engine.borrow_mut();
        let Some(analysis) = running(&mut state.analysis, generation).filter(|a| !a.step_scheduled)
        else {
            return;
        };
        analysis.step_scheduled = true;
    }
    let engine = engine.clone();
    let next = Closure::once_into_js(move || analysis_step(&engine, generation));
    let _ =
        scope().set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), millis);
}

/// Takes the helper's topics (or finds them here if it had none) and tells the page.
fn topics_answered(engine: &Shared, generation: u64, answer: helper::Answer) {
    {
        let mut state = engine.borrow_mut();
        let state = &mut *state;
        let Some(analysis) = running(&mut state.analysis, generation) else {
            return;
        };
        let requested = analysis.requested;
        let taken = match answer {
            helper::Answer::Bytes(bytes) => state.corpus.set_topics_from_job(requested, &bytes),
            helper::Answer::Failed(why) => Err(why),
        };
        if let Err(why) = taken {
            web_sys::console::warn_1(&format!("topics found here instead: {why}").into());
            state.corpus.build_topics(requested, |_, _| {});
        }
        let now = js_sys::Date::now();
        let millis = now - analysis.topics_started;
        if let Some(clock) = analysis.load.as_mut() {
            clock.stages.push(("topics".into(), millis));
        }
        analysis.topics_done = true;
        post(&Response::TopicsChanged {
            topics: state.corpus.topics().topics.len(),
            requested: state.corpus.topic_count(),
            millis,
        });
    }
    analysis_ended(engine);
}

/// Once the names, the index and the topics are all done: says so, saves, and answers the
/// requests that waited.
fn analysis_ended(engine: &Shared) {
    let deferred = {
        let mut state = engine.borrow_mut();
        let Some(analysis) = &state.analysis else {
            return;
        };
        if !(analysis.names_done && analysis.topics_done) {
            drop(state);
            report_analysis(engine);
            return;
        }
        let Some(analysis) = state.analysis.take() else {
            return;
        };
        if let Some(clock) = analysis.load {
            let order = ["reading", "splitting", "dates", "names", "index", "topics"];
            let mut stages = clock.stages;
            stages.sort_by_key(|(name, _)| order.iter().position(|o| o == name));
            post(&Response::LoadTimings {
                list: clock.list,
                total: js_sys::Date::now() - clock.started,
                stages,
                memory: engine_memory(),
                helper_memory: state.helper.as_ref().map_or(0, |h| h.memory()),
            });
        }
        post(&Response::Analysed);
        std::mem::take(&mut state.deferred)
    };
    save(engine, Vec::new());
    for data in deferred {
        handle(engine, &data);
    }
}
