//! The page's handle on the engine worker: starts it, sends [`Request`]s and hands every
//! [`Response`] to one callback. A worker that fails to start or dies is reported through the same
//! callback as a [`Response::Failed`], so the page always learns of it.

use super::protocol::{Request, Response};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, File, MessageEvent, Worker};

/// Where Trunk puts the worker's loader, relative to the page.
const WORKER_URL: &str = "./worker_loader.js";

/// A running engine worker.
pub struct EngineClient {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl EngineClient {
    /// Starts the worker; every response it sends goes to `on_response`.
    pub fn spawn(on_response: impl Fn(Response) + 'static) -> Result<Self, String> {
        // The single-file build starts the worker from a blob and says where it is.
        let url = Reflect::get(&js_sys::global(), &"__CORPUS_WORKER_URL__".into())
            .ok()
            .and_then(|url| url.as_string())
            .unwrap_or_else(|| WORKER_URL.to_owned());
        let worker = Worker::new(&url).map_err(|e| format!("The engine could not start: {e:?}"))?;
        let on_response = std::rc::Rc::new(on_response);
        let deliver = on_response.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let message = Reflect::get(&event.data(), &"msg".into()).unwrap_or(JsValue::UNDEFINED);
            match serde_wasm_bindgen::from_value::<Response>(message) {
                Ok(response) => deliver(response),
                Err(error) => deliver(Response::Failed {
                    message: format!(
                        "The engine sent a message the page does not understand: {error}"
                    ),
                }),
            }
        });
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            on_response(Response::Failed {
                message: format!("The engine stopped: {}", event.message()),
            });
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(EngineClient {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends a request; file contents are never part of it.
    pub fn send(&self, request: &Request) {
        self.post(request, None);
    }

    /// Sends files to ingest, each with the name it gets in the corpus.
    pub fn load_files(&self, files: Vec<(String, File)>) {
        let (paths, files): (Vec<String>, Vec<File>) = files.into_iter().unzip();
        let array: Array = files.into_iter().map(JsValue::from).collect();
        self.post(&Request::LoadFiles { paths }, Some(array));
    }

    fn post(&self, request: &Request, files: Option<Array>) {
        let envelope = Object::new();
        let sent = serde_wasm_bindgen::to_value(request)
            .map_err(|e| JsValue::from(e.to_string()))
            .and_then(|msg| Reflect::set(&envelope, &"msg".into(), &msg))
            .and_then(|_| match files {
                Some(files) => Reflect::set(&envelope, &"files".into(), &files),
                None => Ok(true),
            })
            .and_then(|_| self.worker.post_message(&envelope));
        if let Err(error) = sent {
            web_sys::console::error_2(&"cannot send a request to the engine:".into(), &error);
        }
    }
}

impl Drop for EngineClient {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
