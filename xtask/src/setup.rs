//! Installs the tools a build or a test run needs, each at a pinned version, and only when the
//! right version is not already there: the wasm32 target, trunk, wasm-bindgen-cli (the version in
//! Cargo.lock), wasm-opt from npm's binaryen, and for tests Debian's Chromium and ChromeDriver and
//! the browser tests' npm packages. Nothing here downloads a prebuilt binary from anywhere else.

use crate::{root, run};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

const TRUNK_VERSION: &str = "0.21.14";
/// npm's binaryen 132. Never Debian's binaryen 108: the wasm it writes fails in Chromium.
const BINARYEN_VERSION: &str = "132.0.0";
/// Debian's Chromium, which the browser tests drive.
pub const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// What the build found: the PATH to give trunk, and whether wasm-opt is on it.
pub struct Tools {
    path: OsString,
    wasm_opt: bool,
}

/// The first line a tool prints for `--version`, or None when it cannot run.
fn version_of(program: &PathBuf) -> Option<String> {
    let output = Command::new(program).arg("--version").output().ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_owned()
    })
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

fn binaryen_dir() -> PathBuf {
    root().join(".tools/binaryen")
}

/// The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
fn locked_wasm_bindgen() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|l| l.strip_suffix('"'))
            {
                return Ok(version.to_owned());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen version".into())
}

/// Installs the wasm32 target, trunk, wasm-bindgen-cli and wasm-opt where missing.
pub fn ensure_build_tools() -> Result<Tools, String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("cannot run rustup: {e}"))?;
    if !String::from_utf8_lossy(&installed.stdout).contains("wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }

    let bin = cargo_bin();
    let trunk = bin.join("trunk");
    if version_of(&trunk).as_deref() != Some(&format!("trunk {TRUNK_VERSION}")) {
        // A debug build installs in half the time and is fast enough for a bundler.
        run(Command::new("cargo").args([
            "install",
            "trunk",
            "--version",
            &format!("={TRUNK_VERSION}"),
            "--locked",
            "--debug",
            "--force",
        ]))?;
    }

    let bindgen_version = locked_wasm_bindgen()?;
    if version_of(&bin.join("wasm-bindgen")).as_deref()
        != Some(&format!("wasm-bindgen {bindgen_version}"))
    {
        run(Command::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &format!("={bindgen_version}"),
            "--force",
        ]))?;
    }

    let binaryen_bin = binaryen_dir().join("node_modules/.bin");
    let has_wasm_opt = |bin: &PathBuf| {
        version_of(&bin.join("wasm-opt")).is_some_and(|v| {
            v.contains(&format!(
                "version {}",
                BINARYEN_VERSION.split('.').next().unwrap_or("")
            ))
        })
    };
    if !has_wasm_opt(&binaryen_bin) {
        let installed = run(Command::new("npm").args([
            "install",
            "--prefix",
            &binaryen_dir().to_string_lossy(),
            "--no-save",
            "--no-audit",
            "--no-fund",
            &format!("binaryen@{BINARYEN_VERSION}"),
        ]));
        if let Err(error) = installed {
            eprintln!("xtask: wasm-opt is not available ({error}); building without it");
        }
    }
    let wasm_opt = has_wasm_opt(&binaryen_bin);

    let mut dirs = vec![binaryen_bin, bin];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(dirs).map_err(|e| format!("bad PATH: {e}"))?;
    Ok(Tools { path, wasm_opt })
}

/// Builds the release page into `dist/` with trunk, which finds every tool on PATH and never
/// downloads (Trunk.toml says offline). Without wasm-opt, it builds from a copy of index.html
/// that switches the optimiser off.
pub fn build_release(tools: &Tools) -> Result<(), String> {
    let mut trunk = Command::new(cargo_bin().join("trunk"));
    trunk.args(["build", "--release"]).env("PATH", &tools.path);
    if !tools.wasm_opt {
        let html = std::fs::read_to_string(root().join("index.html"))
            .map_err(|e| format!("cannot read index.html: {e}"))?;
        let unoptimised = ".index-without-wasm-opt.html";
        std::fs::write(
            root().join(unoptimised),
            html.replace("data-wasm-opt=\"z\"", "data-wasm-opt=\"0\""),
        )
        .map_err(|e| format!("cannot write {unoptimised}: {e}"))?;
        trunk.arg(unoptimised);
    }
    run(&mut trunk)?;
    crate::package::package(&root().join("dist"))
}

/// Installs Debian's Chromium and ChromeDriver and the browser tests' npm packages where missing.
pub fn ensure_browser_tools() -> Result<(), String> {
    if !PathBuf::from(CHROMIUM).exists() || !PathBuf::from(CHROMEDRIVER).exists() {
        let root_user = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
        let apt = |args: &[&str]| {
            let mut command = if root_user {
                Command::new("apt-get")
            } else {
                let mut sudo = Command::new("sudo");
                sudo.arg("apt-get");
                sudo
            };
            command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            command
        };
        run(&mut apt(&["update"]))?;
        run(&mut apt(&["install", "-y", "chromium", "chromium-driver"]))?;
    }
    let tests = root().join("tests/browser");
    let wanted = std::fs::read_to_string(tests.join("package-lock.json")).unwrap_or_default();
    let have =
        std::fs::read_to_string(tests.join("node_modules/.package-lock.json")).unwrap_or_default();
    let pinned = |lock: &str, package: &str| {
        lock.split(&format!("\"node_modules/{package}\""))
            .nth(1)
            .and_then(|rest| rest.split("\"version\": \"").nth(1))
            .and_then(|rest| rest.split('"').next())
            .map(str::to_owned)
    };
    let stale = ["playwright-core", "axe-core", "compromise", "minisearch"]
        .iter()
        .any(|package| {
            pinned(&wanted, package).is_none() || pinned(&wanted, package) != pinned(&have, package)
        });
    if stale {
        run(Command::new("npm").args([
            "ci",
            "--prefix",
            &tests.to_string_lossy(),
            "--no-audit",
            "--no-fund",
        ]))?;
    }
    Ok(())
}
