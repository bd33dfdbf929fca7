//! Topic discovery in a second worker, beside the engine's: after a load the engine finds the
//! names and builds the search index while this worker finds the topics, each on its own core.
//!
//! The engine's worker starts a copy of its own script under the name [`NAME`]; that copy runs
//! [`run`], which answers one job: the stories' titles and bodies (JavaScript strings, so the
//! engine's memory never holds a copy of the text) and the number of topics asked for. It
//! answers with the topics as bytes ([`corpus::topics::run_job`]), which the engine takes with
//! [`corpus::Corpus::set_topics_from_job`], and is then stopped, giving its memory back.

use js_sys::{Array, Reflect, Uint8Array};
use std::cell::RefCell;
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
        let stories: Vec<(String, String)> = titles.into_iter().zip(bodies).collect();
        let answer = corpus::topics::run_job(&stories, requested, |_, _| {});
        drop(stories);
        let bytes = Uint8Array::from(answer.as_slice());
        let reply = js_sys::Object::new();
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
type Callback = Rc<RefCell<Option<Box<dyn FnOnce(Answer)>>>>;

/// Hands `answer` to the callback, if it has not had one, from a task of its own: it may drop
/// the job whose closure calls this.
fn finish(done: &Callback, answer: Answer) {
    if let Some(done) = done.borrow_mut().take() {
        let later = Closure::once_into_js(move || done(answer));
        let _ =
            scope().set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
    }
}

/// A topic job running in its own worker. Dropping it stops the worker.
pub struct Job {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for Job {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

impl Job {
    /// Starts a topic worker on `stories` (title, body); `done` gets its answer, once. Fails
    /// when the browser will not start a worker here.
    pub fn start(
        stories: &[(&str, &str)],
        requested: Option<usize>,
        done: impl FnOnce(Answer) + 'static,
    ) -> Result<Job, String> {
        let url = scope().location().href();
        let options = WorkerOptions::new();
        options.set_name(NAME);
        let worker = Worker::new_with_options(&url, &options)
            .map_err(|e| format!("the topic worker could not start: {e:?}"))?;
        let titles = Array::new_with_length(stories.len() as u32);
        let bodies = Array::new_with_length(stories.len() as u32);
        for (i, (title, body)) in stories.iter().enumerate() {
            titles.set(i as u32, JsValue::from_str(title));
            bodies.set(i as u32, JsValue::from_str(body));
        }
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"titles".into(), &titles);
        let _ = Reflect::set(&message, &"bodies".into(), &bodies);
        let requested = requested.map_or(JsValue::NULL, |k| JsValue::from_f64(k as f64));
        let _ = Reflect::set(&message, &"requested".into(), &requested);
        let mut message = Some(message);
        let done: Callback = Rc::new(RefCell::new(Some(Box::new(done))));
        let answer_to = done.clone();
        let sender = worker.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if Reflect::get(&data, &"ready".into()).is_ok_and(|r| r.is_truthy()) {
                if let Some(message) = message.take() {
                    if let Err(e) = sender.post_message(&message) {
                        finish(
                            &answer_to,
                            Answer::Failed(format!(
                                "the stories could not be sent to the topic worker: {e:?}"
                            )),
                        );
                    }
                }
                return;
            }
            let answer = match Reflect::get(&data, &"answer".into())
                .ok()
                .and_then(|a| a.dyn_into::<Uint8Array>().ok())
            {
                Some(bytes) => Answer::Topics(bytes.to_vec()),
                None => Answer::Failed(
                    Reflect::get(&data, &"error".into())
                        .ok()
                        .and_then(|e| e.as_string())
                        .unwrap_or_else(|| "the topic worker sent no topics".into()),
                ),
            };
            finish(&answer_to, answer);
        });
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            finish(
                &done,
                Answer::Failed(format!("the topic worker stopped: {}", event.message())),
            );
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Job {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }
}
