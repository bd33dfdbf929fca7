//! `corpus ingest` as a script would use it: JSON Lines on stdout, problems on stderr.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

fn corpus(args: &[&Path]) -> (Vec<serde_json::Value>, String, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .arg("ingest")
        .args(args)
        .output()
        .expect("the corpus binary runs");
    let lines = String::from_utf8(output.stdout)
        .expect("output is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("every line is one JSON object"))
        .collect();
    (
        lines,
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code(),
    )
}

#[test]
fn seed_folder_gives_one_json_object_per_article() {
    let (articles, stderr, status) = corpus(&[&seeds()]);
    assert_eq!(status, Some(0), "{stderr}");
    assert_eq!(articles.len(), 11);
    for (index, article) in articles.iter().enumerate() {
        assert_eq!(article["id"], index);
        for field in ["file", "title", "body"] {
            assert!(
                article[field].as_str().is_some_and(|s| !s.is_empty()),
                "{field} of {article}"
            );
        }
        assert!(article["line"].as_u64().is_some_and(|line| line >= 1));
    }
    let greece = articles
        .iter()
        .find(|a| a["title"] == "Foreign firefighters arrive in Greece for summer wildfire season")
        .expect("the Greek wildfire story is found");
    assert_eq!(greece["file"], "002_c4c92065ccfd9160.txt");
    assert_eq!(greece["line"], 127);
    assert!(greece["body"]
        .as_str()
        .unwrap()
        .starts_with("Several dozen Romanian and Bulgarian firefighters"));
    assert_eq!(greece["caption"], serde_json::Value::Null);
    assert_eq!(greece["duplicate_of"], serde_json::Value::Null);
    assert_eq!(greece["related_links"].as_array().map(Vec::len), Some(3));
    let removed = greece["removed"].as_array().unwrap();
    assert!(removed
        .iter()
        .any(|r| r["reason"] == "read_more_header" && r["line"] == 149));
    let copy = articles
        .iter()
        .find(|a| a["file"] == "001_70383bd2258dd309.txt" && a["line"] == 46)
        .expect("the copy in 001 is listed");
    assert_eq!(copy["duplicate_of"], 0);
    let dated = articles
        .iter()
        .find(|a| a["file"] == "003_26f0ad0b6a8edf90.txt")
        .unwrap();
    assert_eq!(dated["dateline"], "• September 28, 2020");
}

#[test]
fn subfolders_survive_and_a_bad_file_does_not_stop_the_others() {
    let dir = std::env::temp_dir().join(format!("corpus-cli-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("2024/october")).unwrap();
    std::fs::write(
        dir.join("2024/october/floods.txt"),
        "Floods close the coast road\n\nHeavy rain closed the coast road on Tuesday, the council said.",
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(dir.join("scan.pdf"), b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n").unwrap();
    std::fs::write(
        dir.join(".hidden.txt"),
        "Not listed\n\nHidden files are skipped entirely, like this.",
    )
    .unwrap();

    let (articles, stderr, status) = corpus(&[&dir, &dir.join("missing.txt")]);
    std::fs::remove_dir_all(&dir).unwrap();

    assert_eq!(status, Some(1));
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["file"], "2024/october/floods.txt");
    assert_eq!(articles[0]["title"], "Floods close the coast road");
    assert!(stderr.contains("empty.txt: the file is empty"), "{stderr}");
    assert!(
        stderr.contains("scan.pdf: not a text file: it is a PDF document"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt: No such file"), "{stderr}");
    assert!(!stderr.contains("hidden"), "{stderr}");
}

/// A zip of a folder with text, a saved web page, a nested zip, a picture and a zip bomb.
fn sample_zip(path: &Path) {
    let script = r#"
import sys, zipfile, io
inner = io.BytesIO()
with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("brief.txt", "Port reopens after the strike\n\nThe port reopened on Friday after a two-week strike ended, the operator said.")
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("2024/floods.txt", "Floods close the coast road\n\nHeavy rain closed the coast road on Tuesday, the council said.")
    z.writestr("saved/page.html", "<html><head><title>Bridge opens | The Daily Example</title><script>var menu = 'Home';</script></head><body><nav><a>Home</a><a>World</a></nav><h1>Bridge opens</h1><p>By Ana Lima</p><p>The new bridge over the river opened to traffic on Monday after three years of work, the mayor said.</p><p>Drivers queued from dawn to cross it first.</p><footer>All rights reserved.</footer></body></html>")
    z.writestr("inner.zip", inner.getvalue())
    z.writestr("photo.jpg", b"\xff\xd8\xff\xe0")
    z.writestr("bomb.txt", b"0" * (70 * 1024 * 1024))
"#;
    let status = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn a_zip_is_read_as_a_folder_with_its_web_pages_as_text() {
    let dir = std::env::temp_dir().join(format!("corpus-zip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let zip = dir.join("news.zip");
    sample_zip(&zip);
    let (articles, stderr, status) = corpus(&[&dir]);
    std::fs::remove_dir_all(&dir).unwrap();

    assert_eq!(status, Some(1), "the picture and the bomb are reported");
    let files: Vec<&str> = articles
        .iter()
        .map(|a| a["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "news.zip/2024/floods.txt",
            "news.zip/inner.zip/brief.txt",
            "news.zip/saved/page.html"
        ]
    );
    let page = &articles[2];
    assert_eq!(page["title"], "Bridge opens");
    assert_eq!(page["byline"], "By Ana Lima");
    assert_eq!(
        page["body"],
        "The new bridge over the river opened to traffic on Monday after three years of work, the mayor said.\n\nDrivers queued from dawn to cross it first."
    );
    assert!(!page["body"].as_str().unwrap().contains("menu"));
    assert!(
        stderr.contains("news.zip/photo.jpg: skipped: a .jpg file"),
        "{stderr}"
    );
    assert!(stderr.contains("news.zip/bomb.txt: refused"), "{stderr}");
}

#[test]
fn the_output_is_the_same_byte_for_byte_however_many_threads_run() {
    // The seeds and 60 real pages: enough files for the threads to share out.
    let pages =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/wcxb-dev/pages");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&pages)
        .expect("wcxb-dev is beside the repository")
        .map(|entry| entry.expect("a folder entry").path())
        .collect();
    files.sort();
    files.truncate(60);
    let mut args = vec![std::ffi::OsString::from("ingest"), seeds().into_os_string()];
    args.extend(files.into_iter().map(PathBuf::into_os_string));
    let run = |threads: &str| common::corpus_ok_with(&args, &[("RAYON_NUM_THREADS", threads)]);
    let one = run("1");
    assert!(one.len() > 100_000, "the articles are printed");
    assert!(one == run("2"), "two threads give what one gives");
    assert!(one == run("4"), "four threads give what one gives");
}
