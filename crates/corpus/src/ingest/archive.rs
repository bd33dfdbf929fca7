//! Zip archives: opened and read as if they were a folder.
//!
//! Every file inside keeps its path, under the archive's own (`news.zip/2024/story.txt`). Text,
//! HTML and zip files are read (a zip inside a zip is opened too, one level deep); hidden files
//! and folders (`.DS_Store`, `__MACOSX/`) are passed over; any other file is reported as
//! skipped. An archive cannot make the page run out of memory: a file that would unpack to more
//! than [`MAX_ENTRY_BYTES`], or an archive that would unpack to more than [`MAX_ARCHIVE_BYTES`]
//! in all, is refused with a message, whatever its headers claim (the bytes are counted as they
//! are unpacked), and the other files still load.

use crate::IngestError;
use std::io::{Cursor, Read};

/// The most one file inside an archive may unpack to.
pub const MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;
/// The most all the files of one archive (nested ones included) may unpack to.
pub const MAX_ARCHIVE_BYTES: u64 = 1024 * 1024 * 1024;
/// The most files one archive may hold.
pub const MAX_ENTRIES: usize = 200_000;
/// How deep archives inside archives are opened.
pub const MAX_DEPTH: usize = 1;

/// File name endings read from inside an archive (lower case).
const READ: &[&str] = &[".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".zip"];

/// Office documents are zip archives too, but not folders of text.
const OFFICE: &[(&str, &str)] = &[
    (".docx", "a Word document"),
    (".xlsx", "an Excel workbook"),
    (".pptx", "a PowerPoint presentation"),
    (".odt", "an OpenDocument text"),
    (".ods", "an OpenDocument spreadsheet"),
    (".epub", "an EPUB book"),
];

/// One file found inside an archive.
#[derive(Debug)]
pub struct Entry {
    /// Its path: the archive's path, a slash, and its path inside.
    pub path: String,
    /// Its unpacked bytes, or why they could not be had.
    pub bytes: Result<Vec<u8>, String>,
}

/// Whether the bytes are a zip archive to open: a zip's signature, and not an office document.
pub fn is_zip(file: &str, bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && office_kind(file).is_none()
}

/// What kind of office document a file name says it is.
pub fn office_kind(file: &str) -> Option<&'static str> {
    let lower = file.to_ascii_lowercase();
    OFFICE
        .iter()
        .find(|(ending, _)| lower.ends_with(ending))
        .map(|(_, kind)| *kind)
}

fn megabytes(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1_000_000.0)
}

/// Every file of the archive `bytes` (at `path`), nested archives opened while `depth` allows,
/// in the archive's order. Errors only when the archive itself cannot be read; each file that
/// cannot be read or is skipped is an [`Entry`] with its reason. Never panics.
pub fn entries(path: &str, bytes: &[u8], depth: usize) -> Result<Vec<Entry>, IngestError> {
    let mut budget = MAX_ARCHIVE_BYTES;
    entries_within(path, bytes, depth, &mut budget)
}

fn entries_within(
    path: &str,
    bytes: &[u8],
    depth: usize,
    budget: &mut u64,
) -> Result<Vec<Entry>, IngestError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| IngestError::Archive(e.to_string()))?;
    if archive.len() > MAX_ENTRIES {
        return Err(IngestError::Archive(format!(
            "it holds {} files, more than the {MAX_ENTRIES} an archive may",
            archive.len()
        )));
    }
    let mut out = Vec::new();
    for index in 0..archive.len() {
        let mut file = match archive.by_index(index) {
            Ok(file) => file,
            Err(error) => {
                out.push(Entry {
                    path: format!("{path}/#{}", index + 1),
                    bytes: Err(format!("cannot be read from the archive: {error}")),
                });
                continue;
            }
        };
        if file.is_dir() {
            continue;
        }
        // A name that is not valid text is read as the bytes allow.
        let name = match file.name() {
            Ok(name) => name.replace('\\', "/"),
            Err(_) => String::from_utf8_lossy(file.name_raw()).replace('\\', "/"),
        };
        if name
            .split('/')
            .any(|part| part.starts_with('.') || part == "__MACOSX")
        {
            continue;
        }
        let entry_path = format!("{path}/{}", name.trim_start_matches('/'));
        let lower = name.to_ascii_lowercase();
        let readable = READ.iter().any(|ending| lower.ends_with(ending))
            || !name.rsplit('/').next().unwrap_or("").contains('.');
        if !readable {
            let ending = lower.rsplit('.').next().unwrap_or("");
            out.push(Entry {
                path: entry_path,
                bytes: Err(format!(
                    "skipped: a .{ending} file; only text, HTML and zip files are read from an archive"
                )),
            });
            continue;
        }
        let limit = MAX_ENTRY_BYTES.min(*budget);
        if file.size() > limit {
            out.push(Entry {
                path: entry_path,
                bytes: Err(too_large(file.size(), *budget)),
            });
            continue;
        }
        let mut content = Vec::with_capacity(file.size().min(limit) as usize);
        // Headers can lie: never unpack more than the limit, whatever they say.
        let read = (&mut file).take(limit + 1).read_to_end(&mut content);
        if let Err(error) = read {
            out.push(Entry {
                path: entry_path,
                bytes: Err(format!("cannot be unpacked: {error}")),
            });
            continue;
        }
        if content.len() as u64 > limit {
            out.push(Entry {
                path: entry_path,
                bytes: Err(too_large(content.len() as u64, *budget)),
            });
            continue;
        }
        *budget -= content.len() as u64;
        if is_zip(&entry_path, &content) {
            if depth >= MAX_DEPTH {
                out.push(Entry {
                    path: entry_path,
                    bytes: Err(
                        "not opened: an archive inside an archive inside an archive".to_owned()
                    ),
                });
                continue;
            }
            match entries_within(&entry_path, &content, depth + 1, budget) {
                Ok(inner) => out.extend(inner),
                Err(error) => out.push(Entry {
                    path: entry_path,
                    bytes: Err(error.to_string()),
                }),
            }
            continue;
        }
        out.push(Entry {
            path: entry_path,
            bytes: Ok(content),
        });
    }
    Ok(out)
}

fn too_large(size: u64, budget: u64) -> String {
    if size > MAX_ENTRY_BYTES {
        format!(
            "refused: it would unpack to {} or more, over the {} a file may",
            megabytes(size),
            megabytes(MAX_ENTRY_BYTES)
        )
    } else {
        format!(
            "refused: the archive would unpack to over {} in all (a zip bomb?); {} were left",
            megabytes(MAX_ARCHIVE_BYTES),
            megabytes(budget)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in files {
            writer.start_file(*name, options).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn files_keep_their_paths_and_others_say_why_they_were_skipped() {
        let inner = zip_of(&[("deep.txt", b"Deep text.")]);
        let bytes = zip_of(&[
            ("a/story.txt", b"A story."),
            ("a/page.html", b"<p>A page.</p>"),
            ("photo.jpg", b"\xFF\xD8\xFF"),
            (".DS_Store", b"x"),
            ("__MACOSX/a/._story.txt", b"x"),
            ("inner.zip", &inner),
        ]);
        let found = entries("news.zip", &bytes, 0).unwrap();
        let paths: Vec<&str> = found.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "news.zip/a/story.txt",
                "news.zip/a/page.html",
                "news.zip/photo.jpg",
                "news.zip/inner.zip/deep.txt"
            ]
        );
        assert_eq!(found[0].bytes.as_deref(), Ok(&b"A story."[..]));
        assert!(found[2].bytes.as_ref().unwrap_err().contains(".jpg"));
        assert_eq!(found[3].bytes.as_deref(), Ok(&b"Deep text."[..]));
    }

    #[test]
    fn a_zip_bomb_is_refused_and_the_other_files_still_come() {
        // 80 MB of zeros packs into well under a megabyte.
        let zeros = vec![b'0'; 80 * 1024 * 1024];
        let bytes = zip_of(&[("bomb.txt", &zeros), ("fine.txt", b"Fine.")]);
        assert!(bytes.len() < 1_000_000);
        let found = entries("in.zip", &bytes, 0).unwrap();
        assert!(found[0].bytes.as_ref().unwrap_err().starts_with("refused"));
        assert_eq!(found[1].bytes.as_deref(), Ok(&b"Fine."[..]));
    }

    #[test]
    fn nesting_stops_one_level_down_and_broken_archives_say_so() {
        let deepest = zip_of(&[("x.txt", b"x")]);
        let middle = zip_of(&[("deepest.zip", &deepest)]);
        let outer = zip_of(&[("middle.zip", &middle)]);
        let found = entries("outer.zip", &outer, 0).unwrap();
        assert_eq!(found[0].path, "outer.zip/middle.zip/deepest.zip");
        assert!(found[0]
            .bytes
            .as_ref()
            .unwrap_err()
            .starts_with("not opened"));
        assert!(matches!(
            entries("bad.zip", b"PK\x03\x04garbage", 0),
            Err(IngestError::Archive(_))
        ));
        assert!(!is_zip("report.docx", b"PK\x03\x04"));
    }
}
