//! Developer tasks, run as `cargo xtask TASK`. Each task first installs whatever is missing, at
//! pinned versions, and skips what is already there, so a fresh machine needs nothing else.
//!
//! - `serve`: build the page (release) and serve it on <http://127.0.0.1:8080>.
//! - `test`: formatting, clippy, native tests, the release build, and browser tests in Chromium.
//! - `dist`: the release build in `dist/`, ready to host.
//! - `bench`: the generated 100 MB corpus through our ingest (natively on one thread and on every
//!   core, and in the page in headless Chromium), compromise's name extraction and MiniSearch's
//!   index, side by side; prints the table the README shows.
//! - `train-ner`: trains the entity recogniser on `data/ner/train` (calibrated on
//!   `data/ner/calibrate`) into `data/ner/model.bin`, scores it on `data/ner/heldout`, and
//!   leaves the new weights to be committed. Deterministic: the same data gives the same bytes.

mod package;
mod serve;
mod setup;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask <serve [--port N] | test | dist | bench | train-ner>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve_task(&args[1..]),
        Some("test") => test_task(),
        Some("dist") => dist_task(),
        Some("bench") => bench_task(),
        Some("train-ner") => train_ner_task(),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the folder above `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Runs a command in the workspace root, echoing it, and fails with its name if it fails.
pub fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}").replace('"', "");
    eprintln!("xtask: $ {shown}");
    let started = Instant::now();
    let status = command
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    eprintln!("xtask:   ({:.1} s)", started.elapsed().as_secs_f64());
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

fn serve_task(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| format!("--port takes a number, not {value}"))?,
        _ => return Err(USAGE.to_owned()),
    };
    let tools = setup::ensure_build_tools()?;
    setup::build_release(&tools)?;
    let server = serve::Server::start(&root().join("dist"), port)?;
    println!(
        "Corpus Explorer is served at http://{}/ (Ctrl-C stops it)",
        server.address()
    );
    server.wait();
    Ok(())
}

fn dist_task() -> Result<(), String> {
    let tools = setup::ensure_build_tools()?;
    setup::build_release(&tools)?;
    println!("dist/ is ready to host (any static server, e.g. GitHub Pages)");
    Ok(())
}

fn bench_task() -> Result<(), String> {
    let tools = setup::ensure_build_tools()?;
    setup::ensure_browser_tools()?;
    run(Command::new("cargo").args(["build", "--profile", "fast", "-p", "corpus-cli"]))?;
    setup::build_release(&tools)?;
    let server = serve::Server::start(&root().join("dist"), 0)?;
    run(Command::new("node")
        .args(["--expose-gc", "tests/browser/bench.mjs"])
        .env("BASE_URL", format!("http://{}/", server.address()))
        .env("CHROMIUM", setup::CHROMIUM)
        .env("CORPUS_CLI", root().join("target/fast/corpus")))
}

/// Trains the recogniser. The model is compiled into the engine, so the engine is built without
/// one first (an empty `model.bin`: the rules alone), which keeps the training features the
/// same whatever the old weights were; then rebuilt with the new weights to score them.
fn train_ner_task() -> Result<(), String> {
    let model = root().join("data/ner/model.bin");
    let cli = |args: &[&str]| {
        let mut command = Command::new("cargo");
        command.args(["run", "--profile", "fast", "-p", "corpus-cli", "--"]);
        command.args(args);
        command
    };
    std::fs::write(&model, b"").map_err(|e| format!("cannot write {model:?}: {e}"))?;
    run(&mut cli(&[
        "train-ner",
        "data/ner/train",
        "--calibrate",
        "data/ner/calibrate",
        "--out",
        "data/ner/model.bin",
    ]))?;
    for heldout in [
        "data/ner/heldout/wikigold-heldout.conll",
        "data/ner/heldout/uner-ewt-test.iob2",
    ] {
        run(&mut cli(&["eval", "entities", heldout]))?;
    }
    Ok(())
}

fn test_task() -> Result<(), String> {
    let started = Instant::now();
    let tools = setup::ensure_build_tools()?;
    setup::ensure_browser_tools()?;
    run(Command::new("cargo").args(["fmt", "--all", "--check"]))?;
    run(Command::new("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(Command::new("cargo").args([
        "clippy",
        "--package",
        "corpus-explorer",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(Command::new("cargo").args(["test", "--workspace"]))?;
    setup::build_release(&tools)?;
    let server = serve::Server::start(&root().join("dist"), 0)?;
    let artifacts = root().join("tests/browser/artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| format!("cannot create {artifacts:?}: {e}"))?;
    run(Command::new("node")
        .args(["--test", "--test-concurrency=1", "tests/browser/"])
        .env("BASE_URL", format!("http://{}/", server.address()))
        .env("CHROMIUM", setup::CHROMIUM)
        .env("ARTIFACTS", &artifacts))?;
    eprintln!(
        "xtask: all tests passed in {:.0} s; screenshots in {}",
        started.elapsed().as_secs_f64(),
        artifacts.display()
    );
    Ok(())
}
