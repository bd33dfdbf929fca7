//! Topic discovery in a second worker, beside the engine's: after a load the engine finds the
//! names and builds the search index while this worker finds the topics, each on its own core.
//!
//! The engine's worker starts a copy of its own script under the name [`NAME`] when it starts
//! (so no file is fetched once the page has loaded); that copy runs [`run`], which answers each
//! job: the stories' titles and bodies (JavaScript strings, so the engine's memory never holds a
//! copy of the text) and the number of topics asked for. It answers with the topics as bytes
//! ([`corpus::topics::run_job`]), which the engine takes with
//! [`corpus::Corpus::set_topics_from_job`].

use js_sys::{Array, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, ErrorEvent, MessageEvent, Worker, WorkerOptions};

/// The name the topic worker is started under.
pub const NAME: &str = "corpus-topics";

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// The topic worker's side: answers each job with `{answer: Uint8Array}`, or `{error}`.
pub fn run() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let reply = js_sys::Object::new();
        let _ = Reflect::set(&reply, &"error".into(), &info.to_string().into());
        let _ = scope().post_message(&reply);
    }));
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let strings = |key: &str| -> Vec<String> {
            Reflect::get(&data, &key.into())
                .ok()
                .and_then(|a| a.dyn_into::<Array>().ok())
                .map(|a| {
                    a.iter()
                        .map(|s| s.as_string().unwrap_or_default())
                        .collect()
                })
                .unwrap_or_default()
        };
        let titles = strings("titles");
        let bodies = strings("bodies");
        let requested = Reflect::get(&data, &"requested".into())
            .ok()
            .and_then(|r| r.as_f64())
            .map(|r| r as usize);
        let id = Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL);
        let stories: Vec<(String, String)> = titles.into_iter().zip(bodies).collect();
        let answer = corpus::topics::run_job(&stories, requested, |_, _| {});
        drop(stories);
        let bytes = Uint8Array::from(answer.as_slice());
        let reply = js_sys::Object::new();
        let _ = Reflect::set(&reply, &"id".into(), &id);
        let _ = Reflect::set(&reply, &"answer".into(), &bytes);
        let _ = scope().post_message_with_transfer(&reply, &Array::of1(&bytes.buffer()));
    });
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    // Messages sent before the handler was set would be lost: the engine sends the job on this.
    let ready = js_sys::Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope().post_message(&ready);
}

/// What a topic worker gave back.
pub enum Answer {
    /// The topics, as [`corpus::topics::run_job`]'s bytes.
    Topics(Vec<u8>),
    /// It could not start or stopped: why.
    Failed(String),
}

/// Where a job's answer goes, once.
type Callback = Box<dyn FnOnce(Answer)>;

/// The topic worker as the engine sees it: started once, with the engine (so no file is asked
/// for after the page has loaded), and given one job at a time.
pub struct TopicWorker {
    worker: Worker,
    /// The job waiting for the worker to be ready, if any.
    queued: Rc<RefCell<Option<JsValue>>>,
    /// Whether the worker is ready for jobs.
    ready: Rc<Cell<bool>>,
    /// The job running: its number and where its answer goes.
    running: Rc<RefCell<Option<(u32, Callback)>>>,
    /// Set once the worker failed: the engine then finds topics itself.
    dead: Rc<RefCell<Option<String>>>,
    next_id: Cell<u32>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

/// Hands `answer` to the running job's callback, if its number is `id` (None: whatever runs),
/// from a task of its own.
fn deliver(running: &Rc<RefCell<Option<(u32, Callback)>>>, id: Option<u32>, answer: Answer) {
    let mut slot = running.borrow_mut();
    if slot
        .as_ref()
        .is_some_and(|(running, _)| id.is_none_or(|id| id == *running))
    {
        if let Some((_, done)) = slot.take() {
            let later = Closure::once_into_js(move || done(answer));
            let _ = scope()
                .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
        }
    }
}

impl TopicWorker {
    /// Starts the topic worker, from this worker's own script. Fails when the browser will not
    /// start a worker here.
    pub fn spawn() -> Result<TopicWorker, String> {
        let url = scope().location().href();
        let options = WorkerOptions::new();
        options.set_name(NAME);
        let worker = Worker::new_with_options(&url, &options)
            .map_err(|e| format!("the topic worker could not start: {e:?}"))?;
        let queued: Rc<RefCell<Option<JsValue>>> = Rc::default();
        let ready: Rc<Cell<bool>> = Rc::default();
        let running: Rc<RefCell<Option<(u32, Callback)>>> = Rc::default();
        let dead: Rc<RefCell<Option<String>>> = Rc::default();
        let on_message = {
            let (queued, ready, running, dead) =
                (queued.clone(), ready.clone(), running.clone(), dead.clone());
            let sender = worker.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                let id = Reflect::get(&data, &"id".into())
                    .ok()
                    .and_then(|id| id.as_f64())
                    .map(|id| id as u32);
                if Reflect::get(&data, &"ready".into()).is_ok_and(|r| r.is_truthy()) {
                    ready.set(true);
                    if let Some(job) = queued.borrow_mut().take() {
                        if let Err(e) = sender.post_message(&job) {
                            let why = format!("the stories could not be sent: {e:?}");
                            deliver(&running, None, Answer::Failed(why));
                        }
                    }
                    return;
                }
                match Reflect::get(&data, &"answer".into())
                    .ok()
                    .and_then(|a| a.dyn_into::<Uint8Array>().ok())
                {
                    Some(bytes) => deliver(&running, id, Answer::Topics(bytes.to_vec())),
                    None => {
                        let why = Reflect::get(&data, &"error".into())
                            .ok()
                            .and_then(|e| e.as_string())
                            .unwrap_or_else(|| "the topic worker sent no topics".into());
                        // A panic leaves the worker unusable.
                        *dead.borrow_mut() = Some(why.clone());
                        deliver(&running, None, Answer::Failed(why));
                    }
                }
            })
        };
        let on_error = {
            let (running, dead) = (running.clone(), dead.clone());
            Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
                event.prevent_default();
                let why = format!("the topic worker stopped: {}", event.message());
                *dead.borrow_mut() = Some(why.clone());
                deliver(&running, None, Answer::Failed(why));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(TopicWorker {
            worker,
            queued,
            ready,
            running,
            dead,
            next_id: Cell::new(0),
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Finds the topics of `stories` (title, body); `done` gets the answer, once, from a task
    /// of its own. A job still running is given up (its answer is dropped). Fails when the
    /// worker is gone, saying why.
    pub fn run(
        &self,
        stories: &[(&str, &str)],
        requested: Option<usize>,
        done: impl FnOnce(Answer) + 'static,
    ) -> Result<(), String> {
        if let Some(why) = self.dead.borrow().clone() {
            return Err(why);
        }
        let id = self.next_id.get().wrapping_add(1);
        self.next_id.set(id);
        let titles = Array::new_with_length(stories.len() as u32);
        let bodies = Array::new_with_length(stories.len() as u32);
        for (i, (title, body)) in stories.iter().enumerate() {
            titles.set(i as u32, JsValue::from_str(title));
            bodies.set(i as u32, JsValue::from_str(body));
        }
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"id".into(), &JsValue::from_f64(f64::from(id)));
        let _ = Reflect::set(&message, &"titles".into(), &titles);
        let _ = Reflect::set(&message, &"bodies".into(), &bodies);
        let requested = requested.map_or(JsValue::NULL, |k| JsValue::from_f64(k as f64));
        let _ = Reflect::set(&message, &"requested".into(), &requested);
        *self.running.borrow_mut() = Some((id, Box::new(done)));
        if self.ready.get() {
            self.worker
                .post_message(&message)
                .map_err(|e| format!("the stories could not be sent: {e:?}"))?;
        } else {
            *self.queued.borrow_mut() = Some(message.into());
        }
        Ok(())
    }
}
