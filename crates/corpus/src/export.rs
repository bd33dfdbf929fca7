//! Export: what a query keeps, as files a spreadsheet or a script reads. The articles (every
//! one the query matches, in its order) as CSV or JSON Lines, with where each came from, when it
//! was published and how that is known, its entities and its topics, and its body on request;
//! the entities of those articles as CSV. The page makes these in its worker and the `corpus
//! export` command prints them, from the same code.
//!
//! CSV follows RFC 4180 (fields with a comma, quote or line break quoted, quotes doubled); a
//! field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`) is
//! prefixed with `'`, since the text comes from files nobody vetted.

use crate::{Corpus, DocId, Document, EntityId, Query};
use serde::{Deserialize, Serialize};

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Comma-separated values, one article a row, with a header row.
    Csv,
    /// One JSON object per line.
    JsonLines,
}

impl ExportFormat {
    /// The file name ending.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::JsonLines => "jsonl",
        }
    }

    /// The media type.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::JsonLines => "application/jsonl;charset=utf-8",
        }
    }
}

/// A file made by an export: its text and how many articles, entities or lines it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The file's content.
    pub text: String,
    /// Its rows (the header aside) or lines.
    pub rows: usize,
}

/// One article as exported.
#[derive(Debug, Serialize)]
struct ArticleRecord<'a> {
    id: DocId,
    file: &'a str,
    line: crate::LineNo,
    title: &'a str,
    published: Option<&'a str>,
    published_source: &'static str,
    entities: Vec<EntityRecord<'a>>,
    topics: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
}

/// An entity an article names, as exported with the article.
#[derive(Debug, Serialize)]
struct EntityRecord<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// A field as CSV writes it.
fn csv_field(out: &mut String, value: &str) {
    let formula = value.starts_with(['=', '+', '-', '@']);
    if formula || value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

pub(crate) fn csv_row(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, field);
    }
    out.push_str("\r\n");
}

impl Corpus {
    fn article_record<'a>(&'a self, doc: &'a Document, with_body: bool) -> ArticleRecord<'a> {
        let mut ids: Vec<EntityId> = doc
            .mentions
            .iter()
            .map(|m| m.entity)
            .filter(|&id| self.entity(id).is_some_and(|e| !e.hidden))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let source = match doc.published.source {
            crate::extract::dates::PublishedSource::Dateline => "dateline",
            crate::extract::dates::PublishedSource::FileName => "file_name",
            crate::extract::dates::PublishedSource::Estimated => "estimated",
            crate::extract::dates::PublishedSource::Unknown => "unknown",
        };
        ArticleRecord {
            id: doc.id,
            file: &doc.file,
            line: doc.line,
            title: &doc.title,
            published: doc.published.point(),
            published_source: source,
            entities: ids
                .into_iter()
                .filter_map(|id| self.entity(id))
                .map(|e| EntityRecord {
                    name: &e.name,
                    kind: e.kind.label(),
                })
                .collect(),
            topics: self
                .topics_of(doc.id)
                .iter()
                .filter_map(|w| self.topics().topics.get(w.topic as usize))
                .map(|t| t.label.as_str())
                .collect(),
            body: with_body.then_some(doc.body.as_str()),
        }
    }

    /// Every article `query` matches (offset and limit aside), in its order, as `format`; with
    /// `with_body` each with its body.
    pub fn export_articles(
        &self,
        query: &Query,
        format: ExportFormat,
        with_body: bool,
    ) -> Exported {
        let mut out = String::new();
        let mut rows = 0;
        if format == ExportFormat::Csv {
            let mut header = vec![
                "id",
                "file",
                "line",
                "title",
                "published",
                "published_source",
                "entities",
                "topics",
            ];
            if with_body {
                header.push("body");
            }
            csv_row(&mut out, &header);
        }
        for id in self.matching(query) {
            let Some(doc) = self.document(id) else {
                continue;
            };
            let record = self.article_record(doc, with_body);
            rows += 1;
            match format {
                ExportFormat::JsonLines => {
                    if let Ok(line) = serde_json::to_string(&record) {
                        out.push_str(&line);
                        out.push('\n');
                    }
                }
                ExportFormat::Csv => {
                    let entities = record
                        .entities
                        .iter()
                        .map(|e| format!("{} ({})", e.name, e.kind))
                        .collect::<Vec<_>>()
                        .join("; ");
                    let topics = record.topics.join("; ");
                    let (id, line) = (record.id.to_string(), record.line.to_string());
                    let mut fields = vec![
                        id.as_str(),
                        record.file,
                        line.as_str(),
                        record.title,
                        record.published.unwrap_or(""),
                        record.published_source,
                        entities.as_str(),
                        topics.as_str(),
                    ];
                    if let Some(body) = record.body {
                        fields.push(body);
                    }
                    csv_row(&mut out, &fields);
                }
            }
        }
        Exported { text: out, rows }
    }

    /// The entities named in the articles `query` matches, as CSV: name, type, every form (with
    /// how often it was written), and how many of those stories name it; most stories first.
    pub fn export_entities(&self, query: &Query) -> Exported {
        let matching = self.matching(&Query {
            sort: crate::SortOrder::Source,
            ..query.clone()
        });
        let stories = self.entity_story_counts(&matching);
        let mut listed: Vec<&crate::Entity> = self
            .entities()
            .iter()
            .filter(|e| !e.hidden && stories.get(e.id as usize).is_some_and(|&n| n > 0))
            .collect();
        listed.sort_by(|a, b| {
            stories[b.id as usize]
                .cmp(&stories[a.id as usize])
                .then_with(|| a.name.cmp(&b.name))
        });
        let mut out = String::new();
        csv_row(&mut out, &["name", "type", "forms", "stories"]);
        let rows = listed.len();
        for entity in listed {
            let forms = entity
                .forms
                .iter()
                .map(|f| format!("{} ×{}", f.text, f.count))
                .collect::<Vec<_>>()
                .join("; ");
            let count = stories[entity.id as usize].to_string();
            csv_row(
                &mut out,
                &[&entity.name, entity.kind.label(), &forms, &count],
            );
        }
        Exported { text: out, rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_it_must_and_defuses_formulas() {
        let mut out = String::new();
        csv_row(
            &mut out,
            &[
                "plain",
                "a, b",
                "say \"hi\"",
                "two\nlines",
                "=SUM(A1)",
                "-3",
            ],
        );
        assert_eq!(
            out,
            "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\"'=SUM(A1)\",\"'-3\"\r\n"
        );
    }
}
