//! Getting files in: pick files or a folder, drop either anywhere on the page, or load the
//! bundled sample corpus. Files go straight to the engine worker, which reads them.

use crate::app::AppState;
use crate::worker::protocol::Request;
use js_sys::{Array, Promise, Reflect};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DragEvent, File, FileSystemDirectoryEntry, FileSystemDirectoryReader, FileSystemEntry,
    FileSystemFileEntry, HtmlInputElement,
};

/// The name a picked file gets: its path inside a picked folder, else its own name.
fn picked_name(file: &File) -> String {
    Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|path| path.as_string())
        .filter(|path| !path.is_empty())
        .unwrap_or_else(|| file.name())
}

/// Hands the files of a file input to the engine and clears the input.
fn take_from_input(state: AppState, input: HtmlInputElement) {
    let Some(list) = input.files() else { return };
    let files: Vec<(String, File)> = (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| (picked_name(&file), file))
        .collect();
    input.set_value("");
    load(state, files);
}

/// Gives files of one load that share a name a name of their own: the second `story.txt` is
/// `story (2).txt`, the third `story (3).txt` (never a name another file of the load has).
/// Files dragged from a search window come without their folders, and several may be called
/// the same; each is still read. (A file loaded again in a later load, under the name it had,
/// replaces the one loaded before.) `names` are sorted, so a name's files stand together.
pub(crate) fn distinct_names(names: &mut [String]) {
    let mut taken: std::collections::HashSet<String> = names.iter().cloned().collect();
    let mut previous: Option<String> = None;
    for slot in names.iter_mut() {
        let name = slot.clone();
        if previous.as_ref() != Some(&name) {
            previous = Some(name);
            continue;
        }
        let (stem, extension) = match name.rfind('.') {
            Some(dot) if dot > name.rfind('/').map_or(0, |slash| slash + 1) => name.split_at(dot),
            _ => (name.as_str(), ""),
        };
        let mut number = 2;
        let renamed = loop {
            let candidate = format!("{stem} ({number}){extension}");
            if !taken.contains(&candidate) {
                break candidate;
            }
            number += 1;
        };
        taken.insert(renamed.clone());
        *slot = renamed;
    }
}

fn load(state: AppState, mut files: Vec<(String, File)>) {
    if files.is_empty() {
        return;
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    distinct_names(&mut names);
    for ((name, _), distinct) in files.iter_mut().zip(names) {
        *name = distinct;
    }
    state.engine.with_value(|engine| {
        if let Some(engine) = engine {
            engine.load_files(files);
        }
    });
}

async fn settle(
    executor: impl FnOnce(&js_sys::Function, &js_sys::Function),
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    let mut executor = Some(executor);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(executor) = executor.take() {
            executor(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await
}

async fn read_batch(reader: &FileSystemDirectoryReader) -> Vec<FileSystemEntry> {
    settle(|resolve, reject| {
        let _ = reader.read_entries_with_callback_and_callback(resolve, reject);
    })
    .await
    .ok()
    .and_then(|entries| entries.dyn_into::<Array>().ok())
    .map(|entries| entries.iter().map(|e| e.unchecked_into()).collect())
    .unwrap_or_default()
}

/// Every file under the dropped entries, folders walked recursively, named by their path.
async fn walk(mut stack: Vec<FileSystemEntry>) -> (Vec<(String, File)>, Vec<String>) {
    let (mut files, mut failures) = (Vec::new(), Vec::new());
    while let Some(entry) = stack.pop() {
        let path = entry.full_path().trim_start_matches('/').to_owned();
        if entry.is_directory() {
            let reader = entry
                .unchecked_into::<FileSystemDirectoryEntry>()
                .create_reader();
            loop {
                let batch = read_batch(&reader).await;
                if batch.is_empty() {
                    break;
                }
                stack.extend(batch);
            }
        } else if entry.is_file() {
            let entry: FileSystemFileEntry = entry.unchecked_into();
            let file = settle(|resolve, reject| {
                entry.file_with_callback_and_callback(resolve, reject);
            })
            .await;
            match file.ok().and_then(|file| file.dyn_into::<File>().ok()) {
                Some(file) => files.push((path, file)),
                None => failures.push(path),
            }
        }
    }
    (files, failures)
}

fn on_drop(state: AppState, event: DragEvent) {
    event.prevent_default();
    let Some(transfer) = event.data_transfer() else {
        return;
    };
    let items = transfer.items();
    let entries: Vec<FileSystemEntry> = (0..items.length())
        .filter_map(|i| items.get(i))
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    if entries.is_empty() {
        if let Some(list) = transfer.files() {
            let files = (0..list.length())
                .filter_map(|i| list.get(i))
                .map(|file| (file.name(), file))
                .collect();
            load(state, files);
        }
        return;
    }
    spawn_local(async move {
        let (files, failures) = walk(entries).await;
        if !failures.is_empty() {
            state.error.set(Some(format!(
                "The browser would not let the page read: {}",
                failures.join(", ")
            )));
        }
        load(state, files);
    });
}

/// The buttons that bring files in, and a drop target that covers the whole page.
#[component]
pub fn Upload() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dragging = RwSignal::new(false);
    let _ = window_event_listener(ev::dragover, move |event| {
        event.prevent_default();
        dragging.set(true);
    });
    let _ = window_event_listener(ev::dragleave, move |event| {
        if event.related_target().is_none() {
            dragging.set(false);
        }
    });
    let _ = window_event_listener(ev::drop, move |event| {
        dragging.set(false);
        on_drop(state, event);
    });
    let on_pick = move |event: ev::Event| {
        if let Some(input) = event.target().and_then(|t| t.dyn_into().ok()) {
            take_from_input(state, input);
        }
    };
    // `webkitdirectory` (pick a whole folder) is not among the attributes the view macro knows.
    let folder_input: NodeRef<leptos::html::Input> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(input) = folder_input.get() {
            let _ = input.set_attribute("webkitdirectory", "");
        }
    });
    let busy = move || state.progress.with(Option::is_some) || !state.ready.get();

    view! {
        <div class="upload">
            <label class="button">
                "Open files"
                <input type="file" multiple data-testid="file-input" on:change=on_pick/>
            </label>
            <label class="button">
                "Open a folder"
                <input type="file" multiple node_ref=folder_input data-testid="folder-input" on:change=on_pick/>
            </label>
            <button
                class="button primary"
                data-testid="sample"
                disabled=busy
                on:click=move |_| state.send(Request::LoadSample)
            >
                "Try the sample corpus"
            </button>
        </div>
        <div class="drop-overlay" class:visible=move || dragging.get()>
            "Drop files or folders to add them"
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::distinct_names;

    #[test]
    fn files_of_one_load_that_share_a_name_are_all_kept() {
        let mut names: Vec<String> = ["a.txt", "a.txt", "a.txt", "a (2).txt", "b.html", "notes"]
            .map(String::from)
            .to_vec();
        names.sort();
        distinct_names(&mut names);
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "every name differs: {names:?}");
        for name in [
            "a.txt",
            "a (2).txt",
            "a (3).txt",
            "a (4).txt",
            "b.html",
            "notes",
        ] {
            assert!(names.contains(&name.to_owned()), "{name} in {names:?}");
        }
        let mut same = vec!["news/x.y/story".to_owned(), "news/x.y/story".to_owned()];
        distinct_names(&mut same);
        assert_eq!(same, ["news/x.y/story", "news/x.y/story (2)"]);
    }
}
