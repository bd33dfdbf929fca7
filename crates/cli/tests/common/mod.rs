//! Running the `corpus` binary as a script would, for the integration tests.
#![allow(dead_code)] // Each test binary uses the helpers it needs.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A path relative to the cli crate.
pub fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Runs `corpus` with these arguments, expects success, and gives its stdout.
pub fn corpus_ok(args: &[&str]) -> Vec<u8> {
    corpus_ok_with(args, &[])
}

/// [`corpus_ok`] with these environment variables set.
pub fn corpus_ok_with<A: AsRef<std::ffi::OsStr>>(args: &[A], env: &[(&str, &str)]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("the corpus binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Runs `corpus` with these arguments, expects success, and parses its stdout as one JSON value.
pub fn corpus_json(args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&corpus_ok(args)).expect("JSON on stdout")
}
