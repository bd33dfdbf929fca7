//! The Web Worker that owns the engine, and the page's handle on it.
//!
//! [`run`] is the worker's side: it keeps the [`Corpus`], reads dropped files with
//! `FileReaderSync` (so file contents never pass through the page), reports progress after every
//! file, and answers queries one page at a time. [`client::EngineClient`] is the page's side.

pub mod client;
pub mod protocol;
mod sample;

use corpus::Corpus;
use js_sys::{Array, Reflect, Uint8Array};
use protocol::{Progress, Request, Response};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

/// Starts the worker: installs the message handler and says it is ready.
pub fn run() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        post(&Response::Failed {
            message: format!("The engine stopped on an internal error: {info}"),
        });
    }));
    let corpus = Rc::new(RefCell::new(Corpus::new()));
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        handle(&mut corpus.borrow_mut(), &event.data());
    });
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    post(&Response::Ready);
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

fn handle(corpus: &mut Corpus, data: &JsValue) {
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
            load(corpus, sources);
        }
        Request::LoadSample => load(
            corpus,
            sample::FILES
                .iter()
                .map(|(name, bytes)| Source::Bundled(name, bytes))
                .collect(),
        ),
        Request::Query { id, query } => post(&Response::Results {
            id,
            result: corpus.query(&query),
        }),
        Request::SetTopicCount { count } => find_topics(corpus, count),
        Request::RenameTopic { id, name } => {
            corpus.rename_topic(id, &name);
            post(&Response::TopicsChanged {
                topics: corpus.topics().topics.len(),
                requested: corpus.topic_count(),
                millis: 0.0,
            });
        }
        Request::GetDocument { id } => match corpus.document(id) {
            Some(doc) => post(&Response::Document {
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
            }),
            None => post(&Response::Failed {
                message: format!("There is no article number {id}."),
            }),
        },
    }
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

/// Finds the topics again, reporting progress, and tells the page.
fn find_topics(corpus: &mut Corpus, count: Option<usize>) {
    let started = js_sys::Date::now();
    corpus.build_topics(count, |done, total| {
        post(&Response::Progress(Progress {
            stage: "finding topics".into(),
            files_done: done,
            files_total: total,
            ..Progress::default()
        }))
    });
    post(&Response::TopicsChanged {
        topics: corpus.topics().topics.len(),
        requested: corpus.topic_count(),
        millis: js_sys::Date::now() - started,
    });
}

/// A file to load: one the user gave, or one bundled with the app.
enum Source {
    Dropped(String, File),
    Bundled(&'static str, &'static [u8]),
}

impl Source {
    fn name(&self) -> &str {
        match self {
            Source::Dropped(name, _) => name,
            Source::Bundled(name, _) => name,
        }
    }

    fn size(&self) -> u64 {
        match self {
            Source::Dropped(_, file) => file.size() as u64,
            Source::Bundled(_, bytes) => bytes.len() as u64,
        }
    }
}

/// Reads a dropped file's bytes, or says why it cannot.
fn read(file: &File) -> Result<Vec<u8>, String> {
    let reader = FileReaderSync::new().map_err(describe)?;
    let buffer = reader.read_as_array_buffer(file).map_err(describe)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

fn describe(error: JsValue) -> String {
    let message = Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{error:?}"));
    format!("the browser could not read it: {message}")
}

fn load(corpus: &mut Corpus, sources: Vec<Source>) {
    let mut progress = Progress {
        stage: "reading files".into(),
        files_total: sources.len(),
        bytes_total: sources.iter().map(Source::size).sum(),
        ..Progress::default()
    };
    for source in &sources {
        progress.current = Some(source.name().to_owned());
        post(&Response::Progress(progress.clone()));
        match source {
            Source::Dropped(name, file) => match read(file) {
                Ok(bytes) => {
                    let _ = corpus.add_file(name, &bytes);
                }
                Err(reason) => corpus.add_unreadable(name, &reason),
            },
            Source::Bundled(name, bytes) => {
                let _ = corpus.add_file(name, bytes);
            }
        }
        progress.files_done += 1;
        progress.bytes_done += source.size();
    }
    progress.current = None;
    post(&Response::Progress(progress));
    corpus.finish();
    let count = corpus.topic_count();
    find_topics(corpus, count);
    post(&Response::Loaded {
        files: corpus.files().to_vec(),
        articles: corpus.documents().len(),
        stories: corpus.unique_stories(),
    });
}
