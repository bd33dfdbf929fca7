//! What `dist/` gets after Trunk's build, so the page keeps its promises:
//! - a Content-Security-Policy in `index.html` that allows no connection to another origin (the
//!   inline start-up script Trunk writes is allowed by its hash, nothing else inline);
//! - `sw.js`, a service worker that caches every file of this build under a name derived from
//!   their contents, so the page works offline after a first visit and a new build replaces the
//!   old cache cleanly;
//! - `corpus-explorer.html`, one self-contained file (styles, JS and both wasm modules inlined,
//!   the worker started from a blob) that runs when opened from disk.

use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::path::Path;

const HOSTED_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; \
style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; \
manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

const SINGLE_FILE_POLICY: &str =
    "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval' blob:; \
worker-src blob:; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; object-src 'none'; \
base-uri 'none'; form-action 'none'";

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The contents of every `<script>` without a `src` in `html`.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let after_open = &rest[open..];
        let Some(tag_end) = after_open.find('>') else {
            break;
        };
        let tag = &after_open[..tag_end];
        let body_start = open + tag_end + 1;
        let Some(close) = rest[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains("src=") {
            out.push(&rest[body_start..body_start + close]);
        }
        rest = &rest[body_start + close + "</script>".len()..];
    }
    out
}

fn sha256_base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes))
}

/// The one file of `dist` whose name starts with `prefix` and ends with `suffix`.
fn find(dist: &Path, prefix: &str, suffix: &str) -> Result<String, String> {
    std::fs::read_dir(dist)
        .map_err(|e| format!("cannot list {}: {e}", dist.display()))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with(prefix) && name.ends_with(suffix))
        .ok_or_else(|| format!("no {prefix}*{suffix} in {}", dist.display()))
}

/// Adds the policy, the service worker and the single file to a fresh Trunk build in `dist`.
pub fn package(dist: &Path) -> Result<(), String> {
    let index_path = dist.join("index.html");
    let mut html = read(&index_path)?;
    let hashes: Vec<String> = inline_scripts(&html)
        .iter()
        .map(|script| format!("'sha256-{}'", sha256_base64(script.as_bytes())))
        .collect();
    let policy = HOSTED_POLICY.replace("{hashes}", &hashes.join(" "));
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    html = html.replacen(
        "<meta charset=\"utf-8\" />",
        &format!("<meta charset=\"utf-8\" />\n    {meta}"),
        1,
    );
    write(&index_path, &html)?;

    write_service_worker(dist)?;
    write_single_file(dist)
}

fn write_service_worker(dist: &Path) -> Result<(), String> {
    let mut files: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| format!("cannot list {}: {e}", dist.display()))?
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "sw.js" && name != "corpus-explorer.html")
        .collect();
    files.sort();
    let mut digest = Sha256::new();
    for name in &files {
        digest.update(name.as_bytes());
        digest.update(
            std::fs::read(dist.join(name)).map_err(|e| format!("cannot read {name}: {e}"))?,
        );
    }
    let version: String = digest
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let list: Vec<String> = std::iter::once("./".to_owned())
        .chain(files.iter().map(|f| format!("./{f}")))
        .map(|f| format!("  \"{f}\""))
        .collect();
    let script = format!(
        r#"// Corpus Explorer's service worker: this build's files, cached on first visit, so the page
// loads and works with no network. A new build has a new cache name and replaces the old one.
const CACHE = "corpus-explorer-{version}";
const FILES = [
{files}
];

self.addEventListener("install", (event) => {{
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
}});

self.addEventListener("activate", (event) => {{
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("corpus-explorer-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
}});

self.addEventListener("fetch", (event) => {{
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(event.request, {{ ignoreSearch: true }}))
      .then((hit) => hit || fetch(event.request)),
  );
}});
"#,
        files = list.join(",\n")
    );
    write(&dist.join("sw.js"), &script)
}

fn write_single_file(dist: &Path) -> Result<(), String> {
    let b64 = |path: &Path| -> Result<String, String> {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Ok(base64::engine::general_purpose::STANDARD.encode(bytes))
    };
    let main_js = read(&dist.join(find(dist, "corpus-explorer-", ".js")?))?;
    let main_wasm = b64(&dist.join(find(dist, "corpus-explorer-", "_bg.wasm")?))?;
    let worker_js = read(&dist.join("worker.js"))?;
    let worker_wasm = b64(&dist.join("worker_bg.wasm"))?;
    let css = read(&dist.join(find(dist, "main-", ".css")?))?;
    if main_js.contains("</script") || worker_js.contains("</script") {
        return Err("the built JS contains </script and cannot be inlined".into());
    }
    let html = format!(
        r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="{SINGLE_FILE_POLICY}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Corpus Explorer</title>
    <link rel="icon" href="data:," />
    <style>
{css}
    </style>
  </head>
  <body>
    <div id="fatal" class="error-banner fatal" role="alert" hidden></div>
    <noscript>Corpus Explorer needs JavaScript and WebAssembly to read your files in the browser.</noscript>
    <script type="text/plain" id="worker-js">{worker_js}</script>
    <script type="text/plain" id="worker-wasm">{worker_wasm}</script>
    <script type="text/plain" id="main-wasm">{main_wasm}</script>
    <script type="module">
const text = (id) => document.getElementById(id).textContent;
const bytes = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
// The engine's worker, from a blob: a page opened from disk may not start a worker from a file.
const workerSource = text("worker-js") +
  "\n;wasm_bindgen.initSync({{ module: Uint8Array.from(atob(" + JSON.stringify(text("worker-wasm")) + "), (c) => c.charCodeAt(0)) }});";
globalThis.__CORPUS_WORKER_URL__ = URL.createObjectURL(new Blob([workerSource], {{ type: "text/javascript" }}));
{main_js}
initSync({{ module: bytes(text("main-wasm")) }});
    </script>
  </body>
</html>
"#
    );
    write(&dist.join("corpus-explorer.html"), &html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_found_and_hashed() {
        let html = r#"<script src="a.js"></script><script type="module">run()</script>"#;
        assert_eq!(inline_scripts(html), ["run()"]);
        // echo -n 'run()' | openssl dgst -sha256 -binary | base64
        assert_eq!(sha256_base64(b"run()").len(), 44);
    }
}
