//! The helper: a second worker beside the engine's, so that a load uses two cores. It splits the
//! last part of the files into articles while the engine splits the others; once the list is
//! shown, it finds the names of the last part of the corpus while the engine dates the
//! articles, then the topics while the engine finds the other names and builds the search
//! index.
//!
//! The engine's worker starts a copy of its own script under the name [`NAME`] when it starts
//! (so no file is fetched once the page has loaded); that copy runs [`run`], which answers each
//! job in turn. A job's texts go as JavaScript strings, so the engine's memory never holds a
//! second copy of them; the answers come back as bytes: articles ([`corpus::split_job`], taken by
//! [`corpus::Corpus::split_from_job`]), names
//! ([`corpus::extract::entities::names_job`], taken by [`corpus::Corpus::names_from_job`]) and
//! topics ([`corpus::topics::run_job`], taken by [`corpus::Corpus::set_topics_from_job`]).

use js_sys::{Array, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, ErrorEvent, MessageEvent, Worker, WorkerOptions};

/// How long the helper may take to start before the engine gives it up (and tells the page it
/// is ready without it).
const READY_WAIT_MS: i32 = 10_000;

/// The name the helper is started under.
pub const NAME: &str = "corpus-helper";

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// `data[key]`, an array (empty when it is not one).
fn array(data: &JsValue, key: &str) -> Array {
    Reflect::get(data, &key.into())
        .ok()
        .and_then(|a| a.dyn_into::<Array>().ok())
        .unwrap_or_default()
}

/// The strings of `data[key]`, an array of strings (missing ones empty).
fn strings(data: &JsValue, key: &str) -> Vec<String> {
    array(data, key)
        .iter()
        .map(|s| s.as_string().unwrap_or_default())
        .collect()
}

/// Does one job: `{kind: "split", stats, texts}`, `{kind: "names", titles, captions,
/// datelines, bodies, subheadings}` or `{kind: "topics", titles, bodies, requested}`; the
/// answer's bytes.
fn answer(data: &JsValue) -> Vec<u8> {
    let kind = Reflect::get(data, &"kind".into())
        .ok()
        .and_then(|k| k.as_string())
        .unwrap_or_default();
    if kind == "split" {
        let stats = Reflect::get(data, &"stats".into())
            .ok()
            .and_then(|s| s.dyn_into::<Uint8Array>().ok())
            .map(|s| s.to_vec())
            .unwrap_or_default();
        // Each file's text is read into this worker's memory only while it is split.
        let texts = array(data, "texts");
        return corpus::split_job(
            &stats,
            texts.iter().map(|t| t.as_string().unwrap_or_default()),
        );
    }
    if kind == "names" {
        let (captions, datelines) = (array(data, "captions"), array(data, "datelines"));
        let subheadings = array(data, "subheadings");
        let captions = captions.iter().map(|c| c.as_string());
        let datelines = datelines.iter().map(|d| d.as_string());
        let subheadings = subheadings.iter().map(|list| {
            list.dyn_into::<Array>()
                .map(|l| l.iter().filter_map(|s| s.as_string()).collect())
                .unwrap_or_default()
        });
        let articles: Vec<corpus::extract::entities::ToName<String, Vec<String>>> =
            strings(data, "titles")
                .into_iter()
                .zip(captions)
                .zip(datelines)
                .zip(strings(data, "bodies"))
                .zip(subheadings)
                .map(|((((title, caption), dateline), body), subheadings)| {
                    (title, caption, dateline, body, subheadings)
                })
                .collect();
        return corpus::extract::entities::names_job(&articles);
    }
    let requested = Reflect::get(data, &"requested".into())
        .ok()
        .and_then(|r| r.as_f64())
        .map(|r| r as usize);
    // The stories stay JavaScript strings, each read into this worker's memory only while its
    // terms are counted: the helper never holds the whole text.
    let (titles, bodies) = (array(data, "titles"), array(data, "bodies"));
    let count = titles.length().min(bodies.length()) as usize;
    STORIES.with(|stories| *stories.borrow_mut() = Some((titles, bodies)));
    let story = |i: usize| {
        STORIES.with(|stories| {
            stories
                .borrow()
                .as_ref()
                .map_or_else(Default::default, |(titles, bodies)| {
                    let at = |list: &Array| list.get(i as u32).as_string().unwrap_or_default();
                    (at(titles), at(bodies))
                })
        })
    };
    let answer = corpus::topics::run_job(count, story, requested, |_, _| {});
    STORIES.with(|stories| *stories.borrow_mut() = None);
    answer
}

thread_local! {
    /// The titles and bodies of the topic job being done.
    static STORIES: RefCell<Option<(Array, Array)>> = const { RefCell::new(None) };
}

/// The helper's side: answers each job with `{id, answer: Uint8Array}`, or `{error}`.
pub fn run() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let reply = js_sys::Object::new();
        let _ = Reflect::set(&reply, &"error".into(), &info.to_string().into());
        let _ = scope().post_message(&reply);
    }));
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let id = Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL);
        let bytes = Uint8Array::from(answer(&data).as_slice());
        let reply = js_sys::Object::new();
        let _ = Reflect::set(&reply, &"id".into(), &id);
        let _ = Reflect::set(&reply, &"answer".into(), &bytes);
        let memory = super::engine_memory() as f64;
        let _ = Reflect::set(&reply, &"memory".into(), &memory.into());
        let _ = scope().post_message_with_transfer(&reply, &Array::of1(&bytes.buffer()));
    });
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    // Messages sent before the handler was set would be lost: the engine sends jobs on this.
    let ready = js_sys::Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope().post_message(&ready);
}

/// What the helper gave back.
pub enum Answer {
    /// The answer's bytes.
    Bytes(Vec<u8>),
    /// It could not do the job: why.
    Failed(String),
}

/// Where a job's answer goes, once.
type Callback = Box<dyn FnOnce(Answer)>;

/// The jobs sent and not answered: their numbers and where their answers go.
type Waiting = Rc<RefCell<Vec<(u32, Callback)>>>;

/// The helper as the engine sees it: started once, with the engine (so no file is asked for
/// after the page has loaded), and given jobs it answers in turn.
pub struct Helper {
    worker: Worker,
    /// Jobs sent before the helper was ready, to send when it is.
    queued: Rc<RefCell<Vec<JsValue>>>,
    /// Whether the helper is ready for jobs.
    ready: Rc<Cell<bool>>,
    waiting: Waiting,
    /// Set once the helper failed: the engine then does its jobs itself.
    dead: Rc<RefCell<Option<String>>>,
    /// The bytes of WebAssembly memory the helper held at its last answer (its peak so far).
    memory: Rc<Cell<u64>>,
    /// Settles once the helper is ready or given up.
    started: js_sys::Promise,
    next_id: Cell<u32>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

/// Hands `answer` to the callback of job `id` (None: of every job waiting, each told `why` it
/// failed), from a task of its own.
fn deliver(waiting: &Waiting, id: Option<u32>, answer: Answer) {
    let mut list = waiting.borrow_mut();
    let calls: Vec<(Callback, Answer)> = match (id, answer) {
        (Some(id), answer) => match list.iter().position(|(job, _)| *job == id) {
            Some(at) => vec![(list.remove(at).1, answer)],
            None => Vec::new(),
        },
        (None, Answer::Failed(why)) => list
            .drain(..)
            .map(|(_, done)| (done, Answer::Failed(why.clone())))
            .collect(),
        (None, Answer::Bytes(_)) => Vec::new(),
    };
    drop(list);
    for (done, answer) in calls {
        let later = Closure::once_into_js(move || done(answer));
        let _ =
            scope().set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
    }
}

impl Helper {
    /// Starts the helper, from this worker's own script. Fails when the browser will not start
    /// a worker here.
    pub fn spawn() -> Result<Helper, String> {
        let url = scope().location().href();
        let options = WorkerOptions::new();
        options.set_name(NAME);
        let worker = Worker::new_with_options(&url, &options)
            .map_err(|e| format!("the helper could not start: {e:?}"))?;
        let queued: Rc<RefCell<Vec<JsValue>>> = Rc::default();
        let ready: Rc<Cell<bool>> = Rc::default();
        let waiting: Waiting = Rc::default();
        let dead: Rc<RefCell<Option<String>>> = Rc::default();
        let memory: Rc<Cell<u64>> = Rc::default();
        let settle: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
        let started = {
            let settle = settle.clone();
            js_sys::Promise::new(&mut |resolve, _| *settle.borrow_mut() = Some(resolve))
        };
        let settled = move |settle: &Rc<RefCell<Option<js_sys::Function>>>| {
            if let Some(resolve) = settle.borrow_mut().take() {
                let _ = resolve.call0(&JsValue::NULL);
            }
        };
        let on_message = {
            let (queued, ready, waiting, dead, held, settle) = (
                queued.clone(),
                ready.clone(),
                waiting.clone(),
                dead.clone(),
                memory.clone(),
                settle.clone(),
            );
            let sender = worker.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                if Reflect::get(&data, &"ready".into()).is_ok_and(|r| r.is_truthy()) {
                    ready.set(true);
                    settled(&settle);
                    for job in queued.borrow_mut().drain(..) {
                        if let Err(e) = sender.post_message(&job) {
                            let why = format!("a job could not be sent: {e:?}");
                            deliver(&waiting, None, Answer::Failed(why));
                        }
                    }
                    return;
                }
                let id = Reflect::get(&data, &"id".into())
                    .ok()
                    .and_then(|id| id.as_f64())
                    .map(|id| id as u32);
                if let Some(bytes) = Reflect::get(&data, &"memory".into())
                    .ok()
                    .and_then(|m| m.as_f64())
                {
                    held.set(bytes as u64);
                }
                match Reflect::get(&data, &"answer".into())
                    .ok()
                    .and_then(|a| a.dyn_into::<Uint8Array>().ok())
                {
                    Some(bytes) => deliver(&waiting, id, Answer::Bytes(bytes.to_vec())),
                    None => {
                        let why = Reflect::get(&data, &"error".into())
                            .ok()
                            .and_then(|e| e.as_string())
                            .unwrap_or_else(|| "the helper sent no answer".into());
                        // A panic leaves the helper unusable.
                        *dead.borrow_mut() = Some(why.clone());
                        deliver(&waiting, None, Answer::Failed(why));
                    }
                }
            })
        };
        let on_error = {
            let (waiting, dead, settle) = (waiting.clone(), dead.clone(), settle.clone());
            Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
                event.prevent_default();
                let why = format!("the helper stopped: {}", event.message());
                *dead.borrow_mut() = Some(why.clone());
                deliver(&waiting, None, Answer::Failed(why));
                settled(&settle);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // A helper whose WebAssembly failed to load says nothing: after a while it is given up,
        // and the engine does its jobs itself.
        {
            let (ready, waiting, dead) = (ready.clone(), waiting.clone(), dead.clone());
            let give_up = Closure::once_into_js(move || {
                if !ready.get() {
                    let why = "the helper did not start".to_owned();
                    *dead.borrow_mut() = Some(why.clone());
                    deliver(&waiting, None, Answer::Failed(why));
                }
                settled(&settle);
            });
            let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(
                give_up.unchecked_ref(),
                READY_WAIT_MS,
            );
        }
        Ok(Helper {
            worker,
            queued,
            ready,
            waiting,
            dead,
            memory,
            started,
            next_id: Cell::new(0),
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends a job (its fields set on `message`); `done` gets the answer, once, from a task of
    /// its own. Fails when the helper is gone, saying why.
    fn send(
        &self,
        message: js_sys::Object,
        done: impl FnOnce(Answer) + 'static,
    ) -> Result<(), String> {
        if let Some(why) = self.dead.borrow().clone() {
            return Err(why);
        }
        let id = self.next_id.get().wrapping_add(1);
        self.next_id.set(id);
        let _ = Reflect::set(&message, &"id".into(), &JsValue::from_f64(f64::from(id)));
        self.waiting.borrow_mut().push((id, Box::new(done)));
        if self.ready.get() {
            if let Err(e) = self.worker.post_message(&message) {
                self.waiting.borrow_mut().retain(|(job, _)| *job != id);
                return Err(format!("the job could not be sent: {e:?}"));
            }
        } else {
            self.queued.borrow_mut().push(message.into());
        }
        Ok(())
    }

    /// Whether the helper has started and not failed: a job sent now is begun at once, unless
    /// another is under way.
    pub fn is_ready(&self) -> bool {
        self.ready.get() && self.dead.borrow().is_none()
    }

    /// A promise that settles once the helper is ready for jobs, or given up.
    pub fn started(&self) -> js_sys::Promise {
        self.started.clone()
    }

    /// The bytes of WebAssembly memory the helper held at its last answer: the most it has
    /// held, since that memory never shrinks.
    pub fn memory(&self) -> u64 {
        self.memory.get()
    }

    /// Splits files into articles, given their texts and the corpus's counts of recurring lines
    /// ([`corpus::Corpus::split_elsewhere`]).
    pub fn split(
        &self,
        stats: &[u8],
        texts: &[&str],
        done: impl FnOnce(Answer) + 'static,
    ) -> Result<(), String> {
        let list = Array::new_with_length(texts.len() as u32);
        for (i, text) in texts.iter().enumerate() {
            list.set(i as u32, JsValue::from_str(text));
        }
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"kind".into(), &"split".into());
        let _ = Reflect::set(&message, &"stats".into(), &Uint8Array::from(stats));
        let _ = Reflect::set(&message, &"texts".into(), &list);
        self.send(message, done)
    }

    /// Finds the names of articles given as (title, caption, dateline, body, subheadings).
    pub fn names(
        &self,
        articles: &[corpus::extract::entities::ToName<&str, &[String]>],
        done: impl FnOnce(Answer) + 'static,
    ) -> Result<(), String> {
        let n = articles.len() as u32;
        let (titles, captions, datelines, bodies, subheadings) = (
            Array::new_with_length(n),
            Array::new_with_length(n),
            Array::new_with_length(n),
            Array::new_with_length(n),
            Array::new_with_length(n),
        );
        for (i, (title, caption, dateline, body, heads)) in articles.iter().enumerate() {
            let i = i as u32;
            titles.set(i, JsValue::from_str(title));
            captions.set(i, caption.map_or(JsValue::NULL, JsValue::from_str));
            datelines.set(i, dateline.map_or(JsValue::NULL, JsValue::from_str));
            bodies.set(i, JsValue::from_str(body));
            subheadings.set(
                i,
                heads
                    .iter()
                    .map(|h| JsValue::from_str(h))
                    .collect::<Array>()
                    .into(),
            );
        }
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"kind".into(), &"names".into());
        let _ = Reflect::set(&message, &"titles".into(), &titles);
        let _ = Reflect::set(&message, &"captions".into(), &captions);
        let _ = Reflect::set(&message, &"datelines".into(), &datelines);
        let _ = Reflect::set(&message, &"bodies".into(), &bodies);
        let _ = Reflect::set(&message, &"subheadings".into(), &subheadings);
        self.send(message, done)
    }

    /// Finds the topics of stories given as (title, body), `requested` of them (None: chosen).
    pub fn topics(
        &self,
        stories: &[(&str, &str)],
        requested: Option<usize>,
        done: impl FnOnce(Answer) + 'static,
    ) -> Result<(), String> {
        let titles = Array::new_with_length(stories.len() as u32);
        let bodies = Array::new_with_length(stories.len() as u32);
        for (i, (title, body)) in stories.iter().enumerate() {
            titles.set(i as u32, JsValue::from_str(title));
            bodies.set(i as u32, JsValue::from_str(body));
        }
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"kind".into(), &"topics".into());
        let _ = Reflect::set(&message, &"titles".into(), &titles);
        let _ = Reflect::set(&message, &"bodies".into(), &bodies);
        let requested = requested.map_or(JsValue::NULL, |k| JsValue::from_f64(k as f64));
        let _ = Reflect::set(&message, &"requested".into(), &requested);
        self.send(message, done)
    }
}
