//! Annotated text in the shared column formats, read into documents of plain text with the
//! names marked as byte ranges.
//!
//! One token per line, a blank line between sentences; `-DOCSTART-` lines and `# newdoc`
//! comments start a document (without either, every sentence is its own document, as for
//! tweets). The token is the first column, or the second when the first is a token number
//! (CoNLL-U-like files); the tag is the last column that reads as one (`O`, `B-X`, `I-X`, `E-X`,
//! `S-X`). Both IO and BIO tagging are read: an `I-` after another kind starts a name. Types map
//! to the engine's: PER/PERSON → person; ORG/ORGANIZATION/CORPORATION/GROUP → organisation;
//! LOC/LOCATION/GPE/PLACE/FAC → place; anything else (MISC, product, creative-work) is not a
//! name the engine looks for.

use super::super::entities::EntityKind;

/// One annotated document.
#[derive(Debug, Clone, Default)]
pub struct AnnotatedDoc {
    /// Its name: the file and the document's number in it.
    pub name: String,
    /// The text: tokens joined by spaces, one sentence a line.
    pub text: String,
    /// The names: byte ranges into `text`, with their kind.
    pub names: Vec<(usize, usize, EntityKind)>,
}

/// The engine's kind for an annotated type, if the engine looks for it.
pub fn map_type(label: &str) -> Option<EntityKind> {
    match label.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" | "PERS" => Some(EntityKind::Person),
        "ORG" | "ORGANIZATION" | "ORGANISATION" | "CORPORATION" | "GROUP" => Some(EntityKind::Org),
        "LOC" | "LOCATION" | "GPE" | "PLACE" | "FAC" => Some(EntityKind::Place),
        _ => None,
    }
}

/// A tag column: its prefix (`B`, `I`, `E`, `S` or `O`) and type.
fn read_tag(column: &str) -> Option<(char, &str)> {
    if column == "O" {
        return Some(('O', ""));
    }
    let (prefix, label) = column.split_once('-')?;
    let p = match prefix {
        "B" | "I" | "E" | "S" => prefix.chars().next()?,
        _ => return None,
    };
    (!label.is_empty()).then_some((p, label))
}

/// A line's columns, split at tabs when it has any, else at white space.
fn columns(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        line.split('\t').collect()
    } else {
        line.split_whitespace().collect()
    }
}

/// Whether the file numbers its tokens in a first column (CoNLL-U: "1 Tampa B-LOC …"): every
/// token line of its first sentences starts with its place in the sentence. A token that is a
/// number ("2 CD I-NP O" in CoNLL-2003's tables of results) is then still read as a token.
fn numbers_tokens(content: &str) -> bool {
    let mut position = 1;
    let mut seen = 0;
    for line in content.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") || line.starts_with("# ") || line.trim().is_empty() {
            position = 1;
            continue;
        }
        let cols = columns(line);
        if cols.len() < 3 || cols[0].parse::<usize>().ok() != Some(position) {
            return false;
        }
        position += 1;
        seen += 1;
        if seen == 50 {
            break;
        }
    }
    seen > 0
}

/// The token and the tag of one line; `None` for a line that is neither. In a file that
/// `numbered` its tokens, the first column is skipped.
fn read_line(line: &str, numbered: bool) -> Option<(&str, char, &str)> {
    let cols = columns(line);
    if cols.len() < 2 {
        return None;
    }
    let numbered = numbered && cols.len() >= 3;
    let token_at = usize::from(numbered);
    let token = cols[token_at].trim();
    if token.is_empty() {
        return None;
    }
    let (p, label) = cols[token_at + 1..]
        .iter()
        .rev()
        .find_map(|c| read_tag(c.trim()))
        .unwrap_or(('O', ""));
    Some((token, p, label))
}

/// Reads a file's text; `name` names its documents.
pub fn read(name: &str, content: &str) -> Vec<AnnotatedDoc> {
    let has_docs = content
        .lines()
        .any(|l| l.starts_with("-DOCSTART-") || l.starts_with("# newdoc"));
    let mut docs: Vec<AnnotatedDoc> = Vec::new();
    let mut doc = AnnotatedDoc::default();
    let mut sentence_open = false;
    let numbered = numbers_tokens(content);
    // The name being read: its start and kind.
    let mut open: Option<(usize, usize, EntityKind)> = None;
    let finish_doc = |doc: &mut AnnotatedDoc, docs: &mut Vec<AnnotatedDoc>| {
        while doc.text.ends_with('\n') {
            doc.text.pop();
        }
        if !doc.text.is_empty() {
            doc.name = format!("{name}#{}", docs.len() + 1);
            docs.push(std::mem::take(doc));
        }
    };
    let close = |open: &mut Option<(usize, usize, EntityKind)>, doc: &mut AnnotatedDoc| {
        if let Some(name) = open.take() {
            doc.names.push(name);
        }
    };
    for line in content.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") || line.starts_with("# newdoc") {
            close(&mut open, &mut doc);
            finish_doc(&mut doc, &mut docs);
            sentence_open = false;
            continue;
        }
        // "# text = …" comments; a hashtag token ("#farms\tO") is data.
        if line.starts_with("# ") {
            continue;
        }
        let Some((token, prefix, label)) = read_line(line, numbered) else {
            if line.trim().is_empty() {
                close(&mut open, &mut doc);
                if sentence_open {
                    doc.text.push('\n');
                    sentence_open = false;
                    if !has_docs {
                        finish_doc(&mut doc, &mut docs);
                    }
                }
            }
            continue;
        };
        if sentence_open {
            doc.text.push(' ');
        }
        sentence_open = true;
        let start = doc.text.len();
        doc.text.push_str(token);
        let end = doc.text.len();
        let kind = map_type(label);
        match (prefix, kind) {
            (_, None) | ('O', _) => close(&mut open, &mut doc),
            (p, Some(kind)) => {
                let continues = matches!(p, 'I' | 'E') && open.is_some_and(|o| o.2 == kind);
                if continues {
                    if let Some(o) = open.as_mut() {
                        o.1 = end;
                    }
                } else {
                    close(&mut open, &mut doc);
                    open = Some((start, end, kind));
                }
                if matches!(p, 'E' | 'S') {
                    close(&mut open, &mut doc);
                }
            }
        }
    }
    close(&mut open, &mut doc);
    finish_doc(&mut doc, &mut docs);
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_bio_and_numbered_columns_read_alike() {
        let io = "-DOCSTART- O\n\nBarack I-PER\nObama I-PER\nmet O\nMerkel I-PER\nin O\nBerlin I-LOC\n. O\n\n";
        let docs = read("io", io);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        let names: Vec<(&str, EntityKind)> = d
            .names
            .iter()
            .map(|&(s, e, k)| (&d.text[s..e], k))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Barack Obama", EntityKind::Person),
                ("Merkel", EntityKind::Person),
                ("Berlin", EntityKind::Place)
            ]
        );
        let numbered = "# newdoc id = a\n# text = x\n1\tTampa\tB-LOC\t-\t-\n2\tBay\tI-LOC\t-\t-\n3\tis\tO\t-\t-\n\n# newdoc id = b\n1\tApple\tB-ORG\t-\t-\n\n";
        let docs = read("n", numbered);
        assert_eq!(docs.len(), 2);
        assert_eq!(&docs[0].text, "Tampa Bay is");
        assert_eq!(docs[0].names, vec![(0, 9, EntityKind::Place)]);
        assert_eq!(docs[1].names, vec![(0, 5, EntityKind::Org)]);
        // CoNLL-2003's four columns, where a token may be a number: the number is the token.
        let results = "-DOCSTART- -X- -X- O\n\nArsenal NNP I-NP I-ORG\n2 CD I-NP O\n\
                       Derby NNP I-NP I-ORG\n2 CD I-NP O\n\n";
        let docs = read("r", results);
        assert_eq!(&docs[0].text, "Arsenal 2 Derby 2");
        assert_eq!(
            docs[0].names,
            vec![(0, 7, EntityKind::Org), (10, 15, EntityKind::Org)]
        );
    }

    #[test]
    fn without_document_marks_every_sentence_is_a_document_and_misc_is_no_name() {
        let text = "@bob\tO\nloves\tO\nParis\tB-LOC\n\niPhone\tB-product\nrocks\tO\n\n";
        let docs = read("t", text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].names.len(), 1);
        assert!(docs[1].names.is_empty());
    }
}
