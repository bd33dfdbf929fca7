//! IndexedDB persistence, used by the worker: the raw files (so a later engine can always rebuild
//! the corpus from them), a snapshot of the built corpus (so a reload needs no re-ingest) and the
//! user's edits (topic names and count, kept apart so they survive a rebuild).
//!
//! Every call returns an error sentence instead of failing silently: a full disk (quota), a
//! browser that refuses storage (private windows, pages opened from a file), a blocked database.

use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "corpus-explorer";
const FILES: &str = "files";
const META: &str = "meta";
const SNAPSHOT_KEY: &str = "snapshot";
/// How many parts the snapshot is stored in: the first under [`SNAPSHOT_KEY`], the others under
/// `snapshot/1`, `snapshot/2`, …
const SNAPSHOT_PARTS_KEY: &str = "snapshot-parts";
/// The largest part of a snapshot stored as one value: Chromium refuses a single value of about
/// 200 MB (the snapshot of 100 MB of text), however much room there is.
const SNAPSHOT_PART_BYTES: usize = 8 * 1024 * 1024;
const EDITS_KEY: &str = "edits";

/// What is stored, for the page to show.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StorageInfo {
    /// Whether the corpus can be kept in this browser.
    pub available: bool,
    /// Why not, when it cannot.
    pub problem: Option<String>,
    /// Raw files stored.
    pub files: usize,
    /// Their bytes.
    pub file_bytes: u64,
    /// The snapshot's bytes.
    pub snapshot_bytes: u64,
    /// What the browser says this site uses and may use, in bytes.
    pub usage: Option<f64>,
    /// The site's quota, in bytes.
    pub quota: Option<f64>,
}

/// A sentence from a JS error (DOMException, Error or anything else).
pub fn describe(error: &JsValue) -> String {
    let name = Reflect::get(error, &"name".into())
        .ok()
        .and_then(|v| v.as_string());
    let message = Reflect::get(error, &"message".into())
        .ok()
        .and_then(|v| v.as_string());
    match (name.as_deref(), message) {
        (Some("QuotaExceededError"), _) => "the browser's storage for this page is full".into(),
        (Some(name), Some(message)) if !message.is_empty() => format!("{name}: {message}"),
        (Some(name), _) => name.to_owned(),
        (None, Some(message)) => message,
        _ => format!("{error:?}"),
    }
}

/// Waits for a request to succeed (its result) or fail (its error).
async fn finished(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        request.set_onsuccess(Some(
            Closure::once_into_js(move |_: web_sys::Event| {
                let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
            })
            .unchecked_ref(),
        ));
        let failed = request.clone();
        request.set_onerror(Some(
            Closure::once_into_js(move |_: web_sys::Event| {
                let error = failed
                    .error()
                    .ok()
                    .flatten()
                    .map(JsValue::from)
                    .unwrap_or(JsValue::UNDEFINED);
                let _ = reject.call1(&JsValue::NULL, &error);
            })
            .unchecked_ref(),
        ));
    });
    JsFuture::from(promise).await.map_err(|e| describe(&e))
}

/// Waits for a write transaction to be committed, so a quota error is seen here.
async fn committed(transaction: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(
            Closure::once_into_js(move |_: web_sys::Event| {
                let _ = resolve.call0(&JsValue::NULL);
            })
            .unchecked_ref(),
        ));
        let failed = transaction.clone();
        let reject_too = reject.clone();
        let failed_too = transaction.clone();
        transaction.set_onerror(Some(
            Closure::once_into_js(move |_: web_sys::Event| {
                let error = failed
                    .error()
                    .map(JsValue::from)
                    .unwrap_or(JsValue::UNDEFINED);
                let _ = reject.call1(&JsValue::NULL, &error);
            })
            .unchecked_ref(),
        ));
        transaction.set_onabort(Some(
            Closure::once_into_js(move |_: web_sys::Event| {
                let error = failed_too
                    .error()
                    .map(JsValue::from)
                    .unwrap_or(JsValue::from_str("the save was aborted"));
                let _ = reject_too.call1(&JsValue::NULL, &error);
            })
            .unchecked_ref(),
        ));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| describe(&e))
}

/// The open database.
pub struct Store {
    db: IdbDatabase,
}

impl Store {
    /// Opens (and on first use creates) the database, from a worker.
    pub async fn open() -> Result<Store, String> {
        let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
        let factory = scope
            .indexed_db()
            .map_err(|e| describe(&e))?
            .ok_or("this browser offers no IndexedDB here")?;
        let request = factory
            .open_with_u32(DATABASE, 1)
            .map_err(|e| describe(&e))?;
        let upgrading = request.clone();
        request.set_onupgradeneeded(Some(
            Closure::once_into_js(move |_: web_sys::Event| {
                if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                    let _ = db.create_object_store(FILES);
                    let _ = db.create_object_store(META);
                }
            })
            .unchecked_ref(),
        ));
        let db: IdbDatabase = finished(&request)
            .await?
            .dyn_into()
            .map_err(|_| "the database did not open".to_owned())?;
        Ok(Store { db })
    }

    fn stores(
        &self,
        mode: IdbTransactionMode,
    ) -> Result<(IdbTransaction, IdbObjectStore, IdbObjectStore), String> {
        let names = Array::of2(&FILES.into(), &META.into());
        let transaction = self
            .db
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(|e| describe(&e))?;
        let files = transaction.object_store(FILES).map_err(|e| describe(&e))?;
        let meta = transaction.object_store(META).map_err(|e| describe(&e))?;
        Ok((transaction, files, meta))
    }

    /// Saves files (replacing those of the same path), the snapshot and the edits, all at once.
    pub async fn save(
        &self,
        files: &[(String, Uint8Array)],
        snapshot: &[Uint8Array],
        edits: &str,
    ) -> Result<(), String> {
        let (transaction, file_store, meta) = self.stores(IdbTransactionMode::Readwrite)?;
        for (path, bytes) in files {
            file_store
                .put_with_key(bytes, &path.into())
                .map_err(|e| describe(&e))?;
        }
        // The snapshot in parts, the parts of a longer one before it deleted.
        let stale = web_sys::IdbKeyRange::bound(&"snapshot/".into(), &"snapshot/\u{FFFF}".into())
            .map_err(|e| describe(&e))?;
        meta.delete(&stale).map_err(|e| describe(&e))?;
        // Each part as it was made, cut where one is longer than a stored value may be.
        let parts: Vec<Uint8Array> = snapshot
            .iter()
            .flat_map(|part| {
                let length = part.length();
                (0..length).step_by(SNAPSHOT_PART_BYTES).map(move |start| {
                    part.subarray(start, (start + SNAPSHOT_PART_BYTES as u32).min(length))
                })
            })
            .collect();
        let parts = if parts.is_empty() {
            vec![Uint8Array::new_with_length(0)]
        } else {
            parts
        };
        for (n, part) in parts.iter().enumerate() {
            let key = if n == 0 {
                SNAPSHOT_KEY.to_owned()
            } else {
                format!("snapshot/{n}")
            };
            meta.put_with_key(part, &key.into())
                .map_err(|e| describe(&e))?;
        }
        meta.put_with_key(&(parts.len() as f64).into(), &SNAPSHOT_PARTS_KEY.into())
            .map_err(|e| describe(&e))?;
        meta.put_with_key(&edits.into(), &EDITS_KEY.into())
            .map_err(|e| describe(&e))?;
        committed(&transaction).await
    }

    /// Every stored file, in path order, its bytes left in JavaScript's memory (copy them into
    /// the engine's one at a time: WebAssembly memory, once grown, is never given back).
    pub async fn files(&self) -> Result<Vec<(String, Uint8Array)>, String> {
        let (_, file_store, _) = self.stores(IdbTransactionMode::Readonly)?;
        let keys: Array = finished(&file_store.get_all_keys().map_err(|e| describe(&e))?)
            .await?
            .unchecked_into();
        let values: Array = finished(&file_store.get_all().map_err(|e| describe(&e))?)
            .await?
            .unchecked_into();
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(key, value)| {
                Some((key.as_string()?, value.dyn_into::<Uint8Array>().ok()?))
            })
            .collect())
    }

    async fn meta(&self, key: &str) -> Result<JsValue, String> {
        let (_, _, meta) = self.stores(IdbTransactionMode::Readonly)?;
        finished(&meta.get(&key.into()).map_err(|e| describe(&e))?).await
    }

    /// The stored snapshot, if any (its parts put together; None when one is missing).
    pub async fn snapshot(&self) -> Result<Option<Vec<u8>>, String> {
        let Ok(first) = self.meta(SNAPSHOT_KEY).await?.dyn_into::<Uint8Array>() else {
            return Ok(None);
        };
        let parts = self
            .meta(SNAPSHOT_PARTS_KEY)
            .await?
            .as_f64()
            .map_or(1, |n| n.max(1.0) as usize);
        // The parts stay in JavaScript's memory until they are all there; then they are copied
        // into one buffer of the right size.
        let mut arrays = vec![first];
        for n in 1..parts {
            match self
                .meta(&format!("snapshot/{n}"))
                .await?
                .dyn_into::<Uint8Array>()
            {
                Ok(part) => arrays.push(part),
                Err(_) => return Ok(None),
            }
        }
        let total: usize = arrays.iter().map(|part| part.length() as usize).sum();
        let mut snapshot = vec![0; total];
        let mut at = 0;
        for part in &arrays {
            let end = at + part.length() as usize;
            part.copy_to(&mut snapshot[at..end]);
            at = end;
        }
        Ok(Some(snapshot))
    }

    /// The stored edits, if any.
    pub async fn edits(&self) -> Result<Option<String>, String> {
        Ok(self.meta(EDITS_KEY).await?.as_string())
    }

    /// Deletes everything stored.
    pub async fn clear(&self) -> Result<(), String> {
        let (transaction, files, meta) = self.stores(IdbTransactionMode::Readwrite)?;
        files.clear().map_err(|e| describe(&e))?;
        meta.clear().map_err(|e| describe(&e))?;
        committed(&transaction).await
    }

    /// What is stored and what the browser allows.
    pub async fn info(&self) -> StorageInfo {
        let files = self.files().await.unwrap_or_default();
        let snapshot_bytes = self
            .snapshot()
            .await
            .ok()
            .flatten()
            .map(|s| s.len() as u64)
            .unwrap_or(0);
        let (usage, quota) = estimate().await;
        StorageInfo {
            available: true,
            problem: None,
            files: files.len(),
            file_bytes: files.iter().map(|(_, b)| u64::from(b.length())).sum(),
            snapshot_bytes,
            usage,
            quota,
        }
    }
}

/// The browser's estimate of this site's storage use and quota.
async fn estimate() -> (Option<f64>, Option<f64>) {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let Ok(promise) = scope.navigator().storage().estimate() else {
        return (None, None);
    };
    match JsFuture::from(promise).await {
        Ok(estimate) => (
            Reflect::get(&estimate, &"usage".into())
                .ok()
                .and_then(|v| v.as_f64()),
            Reflect::get(&estimate, &"quota".into())
                .ok()
                .and_then(|v| v.as_f64()),
        ),
        Err(_) => (None, None),
    }
}
