//! The corpus: every article of every file, numbered, with a report of each file.

use crate::extract::aliases::{self, Entity, EntityEdit, EntityId, EntityRef, Mention};
use crate::extract::dates::{self, DateMention, Field, NumericOrder, Published};
use crate::extract::entities::{self, Found};
use crate::index::SearchIndex;
use crate::ingest::chrome::LineStats;
use crate::ingest::phrases::PhraseStats;
use crate::ingest::segment::{self, Article, LineKind};
use crate::ingest::{archive, decode, dedup, html};
use crate::topics::{self, TopicId, TopicModel, TopicWeight};
use crate::{DocId, IngestError, LineNo};
use serde::{Deserialize, Serialize};

/// One article of the corpus, cleaned and ready to read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Its number in the corpus.
    pub id: DocId,
    /// The source file's path as given (relative to the folder it was loaded from).
    pub file: String,
    /// The line of the source file the article's title stands on.
    pub line: LineNo,
    /// The headline.
    pub title: String,
    /// The photo caption with its credit, if the article has one.
    pub caption: Option<String>,
    /// The line the caption stands on.
    pub caption_line: Option<LineNo>,
    /// The line under the headline that dates the article, if any.
    pub dateline: Option<String>,
    /// The line the dateline stands on.
    pub dateline_line: Option<LineNo>,
    /// The author line, if any.
    pub byline: Option<String>,
    /// The body: paragraphs and subheadings set apart by a blank line (`"\n\n"`).
    pub body: String,
    /// The source line of each body paragraph, in the order of [`Document::paragraphs`].
    pub body_lines: Vec<LineNo>,
    /// The subheadings, which also stand in the body.
    pub subheadings: Vec<String>,
    /// Headlines of other articles the page linked under "Read more:".
    pub related_links: Vec<String>,
    /// Lines of the article's region dropped from its text, with why.
    pub removed: Vec<RemovedLine>,
    /// The canonical copy, when this article is a copy of an earlier one.
    pub duplicate_of: Option<DocId>,
    /// The other copies, when this article is the canonical one.
    pub copies: Vec<DocId>,
    /// Every date expression in the title, caption, dateline and body.
    pub dates: Vec<DateMention>,
    /// When the article was published, with where that came from.
    pub published: Published,
    /// The people, organisations and places named in the title, caption and body, in field
    /// and text order.
    pub mentions: Vec<Mention>,
}

/// A line dropped from an article, with where it was and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    /// The 1-based line of the file.
    pub line: LineNo,
    /// The line's text, trimmed.
    pub text: String,
    /// What kind of line it was taken for.
    pub reason: LineKind,
    /// The rule that decided it, in words.
    pub rule: String,
}

impl Document {
    /// The body's paragraphs (subheadings included) in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n").filter(|p| !p.is_empty())
    }

    /// The text of a field, as date and entity offsets count into it.
    pub fn field_text(&self, field: Field) -> &str {
        match field {
            Field::Title => &self.title,
            Field::Caption => self.caption.as_deref().unwrap_or(""),
            Field::Dateline => self.dateline.as_deref().unwrap_or(""),
            Field::Body => &self.body,
        }
    }

    /// The source line a body offset falls on.
    pub fn body_line_at(&self, offset: usize) -> Option<LineNo> {
        let mut start = 0;
        for (paragraph, &line) in self.body.split("\n\n").zip(&self.body_lines) {
            let end = start + paragraph.len();
            if offset < end || (offset == end && offset == self.body.len()) {
                return Some(line);
            }
            start = end + 2;
        }
        None
    }

    /// The bytes of the text names are found in: title, caption and body.
    fn text_len(&self) -> usize {
        self.title.len() + self.caption.as_ref().map_or(0, String::len) + self.body.len()
    }

    /// Finds the names in the title, caption and body.
    fn find_names(&self) -> Vec<Found> {
        let headings = entities::heading_ranges(&self.body, &self.subheadings);
        entities::find(
            &self.title,
            self.caption.as_deref(),
            self.dateline.as_deref(),
            &self.body,
            &headings,
        )
    }

    /// Finds the dates in every field, dates the article, and resolves relative dates.
    fn extract_dates(&mut self, order: NumericOrder) {
        let mut mentions = Vec::new();
        for field in [Field::Title, Field::Caption, Field::Dateline, Field::Body] {
            mentions.extend(dates::find_dates(self.field_text(field), field, order));
        }
        self.published = dates::publication(&self.file, &mentions, |field| {
            self.field_text(field).to_owned()
        });
        dates::resolve(&mut mentions, &self.published);
        self.dates = mentions;
    }

    pub(crate) fn from_article(file: &str, article: Article) -> Document {
        let text_of = |kind| article.first(kind).map(|line| line.text.clone());
        let line_of = |kind| article.first(kind).map(|line| line.line);
        let body: Vec<_> = article
            .of_kinds(&[LineKind::Paragraph, LineKind::Subheading])
            .collect();
        Document {
            id: 0,
            file: file.to_owned(),
            line: article.line,
            title: article.title.clone(),
            caption: text_of(LineKind::Caption),
            caption_line: line_of(LineKind::Caption),
            dateline: text_of(LineKind::Dateline),
            dateline_line: line_of(LineKind::Dateline),
            // An author and date on one line ("By Jane Doe | March 3, 2024", "Jane Doe March 3,
            // 2024") is the dateline and names the author too.
            byline: text_of(LineKind::Byline).or_else(|| {
                text_of(LineKind::Dateline)
                    .filter(|line| crate::ingest::segment::date_line_names_author(line))
            }),
            body: body
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n\n"),
            body_lines: body.iter().map(|l| l.line).collect(),
            subheadings: article
                .of_kinds(&[LineKind::Subheading])
                .map(|l| l.text.clone())
                .collect(),
            related_links: article
                .of_kinds(&[LineKind::RelatedLink])
                .map(|l| l.text.clone())
                .collect(),
            removed: article
                .lines
                .iter()
                .filter(|l| l.kind.is_removed())
                .map(|l| RemovedLine {
                    line: l.line,
                    text: l.text.clone(),
                    reason: l.kind,
                    rule: l.rule.to_string(),
                })
                .collect(),
            duplicate_of: None,
            copies: Vec::new(),
            dates: Vec::new(),
            published: Published::unknown(),
            mentions: Vec::new(),
        }
    }
}

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReport {
    /// The file's path as given.
    pub file: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Whether it gave articles, and how many, or why not.
    pub status: FileStatus,
}

/// The outcome of ingesting one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    /// The file gave this many articles.
    Loaded {
        /// How many articles.
        articles: usize,
    },
    /// The file gave none, for this reason (a sentence a user can read).
    Failed {
        /// Why.
        reason: String,
    },
}

/// The user's edits of a corpus, kept apart from it so they survive a rebuild.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Edits {
    /// The number of topics asked for (None: automatic).
    pub topic_count: Option<usize>,
    /// Topic names: (number of topics, topic, name).
    pub topic_names: Vec<(usize, TopicId, String)>,
    /// Merges, splits, renames and hidings of entities, in the order they were made.
    #[serde(default)]
    pub entities: Vec<EntityEdit>,
}

/// A decoded file, kept so the corpus can be segmented again with corpus-wide statistics.
#[derive(Debug, Serialize, Deserialize)]
struct Source {
    file: String,
    text: String,
}

/// Every article of every file loaded so far, and a report of each file.
///
/// Add files with [`Corpus::add_file`], then call [`Corpus::finish`] before reading or querying.
/// `finish` works on the whole corpus at once: it learns which lines recur across articles (site
/// chrome), splits every file into articles, finds copies of one story, numbers the documents in
/// (file, line) order and builds the search index, so the same set of files always gives the same
/// corpus whatever order they arrived in.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Corpus {
    /// The decoded files. Not in a snapshot (the raw files are stored beside it, and a
    /// snapshot stays near the size of the text): see [`Corpus::restore_sources`].
    #[serde(skip)]
    sources: Vec<Source>,
    documents: Vec<Document>,
    files: Vec<FileReport>,
    numeric_order: NumericOrder,
    #[serde(skip)]
    pub(crate) index: SearchIndex,
    /// The search index still being built, after a snapshot restored without it.
    #[serde(skip)]
    index_pending: Option<Box<crate::index::IndexBuilder>>,
    /// The names found so far in the documents, in id order, while they are still being found
    /// ([`Corpus::names_step`]); None once they are linked into entities.
    #[serde(skip)]
    names_pending: Option<NamesPending>,
    /// The dating still to do after [`Corpus::split_articles`] ([`Corpus::date_step`]); None
    /// once the articles are dated and their copies found.
    #[serde(skip)]
    dating: Option<Dating>,
    /// Whether the decoded files are let go once the articles are made.
    #[serde(skip)]
    release_sources: bool,
    /// A split begun and not yet ended ([`Corpus::split_begin`]).
    #[serde(skip)]
    splitting: Option<Splitting>,
    topic_model: TopicModel,
    /// The topic count the user asked for (None: chosen from the data).
    topic_count: Option<usize>,
    /// The user's names for topics, by (number of topics, topic).
    topic_names: std::collections::BTreeMap<(usize, TopicId), String>,
    /// The people, organisations and places of the corpus.
    entities: Vec<Entity>,
    /// The user's entity edits, applied again whenever the entities are linked.
    entity_edits: Vec<EntityEdit>,
}

/// The names found so far, while they are being found.
#[derive(Debug, Default)]
struct NamesPending {
    /// Of the first documents, in id order.
    found: Vec<Vec<Found>>,
    /// The documents from this one on are named elsewhere ([`Corpus::names_elsewhere`]).
    elsewhere_from: Option<usize>,
    /// Their names, once given back ([`Corpus::names_from_job`]).
    elsewhere: Option<Vec<Vec<Found>>>,
}

/// A file's articles and how it writes numeric dates, where it shows it.
type SplitFile = (Vec<Article>, Option<NumericOrder>);

/// A split under way: the lines that recur across the corpus, and each file's articles once it
/// is split.
#[derive(Debug, Default)]
struct Splitting {
    stats: LineStats,
    split: Vec<Option<SplitFile>>,
}

/// The first of items of `lengths` from which the rest hold about the last `share` (0–1) of
/// their sum: where the items another worker takes start.
fn last_share_start(lengths: impl Iterator<Item = usize> + Clone, share: f64) -> usize {
    let total: usize = lengths.clone().sum();
    let wanted = (total as f64 * (1.0 - share.clamp(0.0, 1.0))) as usize;
    let mut seen = 0;
    let mut count = 0;
    for (i, length) in lengths.enumerate() {
        if seen >= wanted {
            return i;
        }
        seen += length;
        count = i + 1;
    }
    count
}

/// Splits one file's text into articles with the corpus's line counts.
fn split_file(text: &str, stats: &LineStats) -> SplitFile {
    (
        segment::segment_blocks(&segment::blocks(text), stats),
        dates::file_order(text),
    )
}

/// Splits files for another worker's corpus: `stats` are its counts of recurring lines (from
/// [`Corpus::split_elsewhere`]), `texts` the files' texts. The answer, as bytes, is what
/// [`Corpus::split_from_job`] takes; the articles are those the corpus would find itself.
pub fn split_job<S: AsRef<str>>(stats: &[u8], texts: impl IntoIterator<Item = S>) -> Vec<u8> {
    let counts: Vec<(u64, usize)> = postcard::from_bytes(stats).unwrap_or_default();
    let stats = LineStats::from_recurring(counts);
    // One text at a time: a caller that reads each text only when asked never holds them all.
    let files: Vec<SplitFile> = texts
        .into_iter()
        .map(|text| split_file(text.as_ref(), &stats))
        .collect();
    postcard::to_allocvec(&files).unwrap_or_default()
}

/// How far the dating of a split corpus has come.
#[derive(Debug, Default)]
struct Dating {
    /// Day or month first in each file's numeric dates, where the file shows it.
    orders: std::collections::HashMap<String, Option<NumericOrder>>,
    /// How many documents are dated.
    next: usize,
}

/// What a snapshot says it is: bumped whenever the engine's output or the snapshot's layout
/// changes, so a snapshot from another engine is rebuilt from the raw files instead of misread.
pub const SNAPSHOT_FORMAT: &str = concat!(
    "corpus-explorer snapshot 6 / engine ",
    env!("CARGO_PKG_VERSION")
);

#[derive(Serialize)]
struct SnapshotRef<'a> {
    format: &'a str,
    corpus: &'a Corpus,
}

/// How many bytes a snapshot compresses at a time.
const SNAPSHOT_BLOCK: usize = 4 << 20;

/// Compresses what is written to it in blocks of [`SNAPSHOT_BLOCK`] bytes, each stored as its
/// compressed length (4 bytes, little-endian) and LZ4's block with its size before it.
struct BlockWriter<F: FnMut(Vec<u8>)> {
    pending: Vec<u8>,
    /// Where each compressed block goes, as it is made.
    out: F,
}

impl<F: FnMut(Vec<u8>)> BlockWriter<F> {
    fn flush_block(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let block = lz4_flex::compress_prepend_size(&self.pending);
        let mut part = Vec::with_capacity(4 + block.len());
        part.extend_from_slice(&(block.len() as u32).to_le_bytes());
        part.extend_from_slice(&block);
        (self.out)(part);
        self.pending.clear();
    }

    fn finish(mut self) {
        self.flush_block();
    }
}

impl<F: FnMut(Vec<u8>)> std::io::Write for BlockWriter<F> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let room = SNAPSHOT_BLOCK - self.pending.len();
        let taken = bytes.len().min(room);
        self.pending.extend_from_slice(&bytes[..taken]);
        if self.pending.len() == SNAPSHOT_BLOCK {
            self.flush_block();
        }
        Ok(taken)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes [`BlockWriter`] compressed; None when they are not such blocks.
fn read_blocks(mut bytes: &[u8]) -> Option<Vec<u8>> {
    // The whole size first (each block starts with its own), so the bytes are put in one
    // buffer of the right size and never copied to a larger one.
    let mut total = 0usize;
    let mut rest = bytes;
    while let Some((length, after)) = rest.split_first_chunk::<4>() {
        let length = u32::from_le_bytes(*length) as usize;
        let size = after
            .first_chunk::<4>()
            .map_or(0, |s| u32::from_le_bytes(*s) as usize);
        total = total.saturating_add(size);
        rest = after.get(length..).unwrap_or_default();
    }
    let mut out = Vec::new();
    // Sizes no memory can hold are bytes of something else.
    out.try_reserve_exact(total).ok()?;
    while !bytes.is_empty() {
        let (length, rest) = bytes.split_first_chunk::<4>()?;
        let length = u32::from_le_bytes(*length) as usize;
        let block = rest.get(..length)?;
        out.extend(lz4_flex::decompress_size_prepended(block).ok()?);
        bytes = &rest[length..];
    }
    Some(out)
}

#[derive(Deserialize)]
struct SnapshotOwned {
    format: String,
    corpus: Corpus,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Self::default()
    }

    /// The whole built corpus as compact bytes (postcard, then LZ4, which reads back at several
    /// hundred MB/s), marked with [`SNAPSHOT_FORMAT`]. It is compressed in blocks as it is
    /// written, so making it never holds the uncompressed bytes at once.
    pub fn snapshot(&self) -> Vec<u8> {
        let mut parts = Vec::new();
        if !self.snapshot_each_part(|part| parts.push(part)) {
            return Vec::new();
        }
        parts.concat()
    }

    /// [`Corpus::snapshot`] in the parts it is made of (each at most a few MB; put together
    /// they are its bytes), each handed to `part` as soon as it is made, so that a caller can
    /// move it out (to a store, to JavaScript's memory) before the next is made and no one
    /// buffer holds the whole. False if the snapshot could not be made (then the parts given are
    /// no snapshot).
    pub fn snapshot_each_part(&self, part: impl FnMut(Vec<u8>)) -> bool {
        let snapshot = SnapshotRef {
            format: SNAPSHOT_FORMAT,
            corpus: self,
        };
        let writer = BlockWriter {
            pending: Vec::new(),
            out: part,
        };
        postcard::to_io(&snapshot, writer)
            .map(BlockWriter::finish)
            .is_ok()
    }

    /// A corpus back from [`Corpus::snapshot`] bytes, ready to query; None when the bytes are
    /// not a snapshot of this engine's format (then rebuild from the raw files).
    pub fn from_snapshot(bytes: &[u8]) -> Option<Corpus> {
        let mut corpus = Corpus::from_snapshot_unindexed(bytes)?;
        corpus.finish_index();
        Some(corpus)
    }

    /// [`Corpus::from_snapshot`] without the search index, which a snapshot does not hold:
    /// the list, the facets and the reader work at once; build the index with
    /// [`Corpus::index_step`] or [`Corpus::finish_index`] before a search.
    pub fn from_snapshot_unindexed(bytes: &[u8]) -> Option<Corpus> {
        let bytes = read_blocks(bytes)?;
        let snapshot: SnapshotOwned = postcard::from_bytes(&bytes).ok()?;
        if snapshot.format != SNAPSHOT_FORMAT {
            return None;
        }
        let mut corpus = snapshot.corpus;
        corpus.index_pending = Some(Box::default());
        Some(corpus)
    }

    /// How many bytes the search index takes, roughly.
    pub fn index_bytes(&self) -> usize {
        self.index.heap_bytes()
    }

    /// Whether the search index covers every document (else a search would miss some).
    pub fn index_ready(&self) -> bool {
        self.index_pending.is_none()
    }

    /// Indexes up to `documents` more documents; true once the index is whole.
    pub fn index_step(&mut self, documents: usize) -> bool {
        let Some(builder) = self.index_pending.as_mut() else {
            return true;
        };
        let from = builder.len();
        for doc in self.documents.iter().skip(from).take(documents) {
            builder.add(&doc.title, &doc.body);
        }
        if builder.len() < self.documents.len() {
            return false;
        }
        if let Some(builder) = self.index_pending.take() {
            self.index = builder.finish();
        }
        true
    }

    /// Builds what is left of the search index.
    pub fn finish_index(&mut self) {
        self.index_step(usize::MAX);
    }

    /// Whether the corpus no longer holds its decoded files (it came back from a snapshot, or
    /// let them go: [`Corpus::release_sources_when_split`]): give them back with
    /// [`Corpus::restore_sources`] before adding files, so that the whole corpus is split again
    /// with the new files' statistics.
    pub fn needs_sources(&self) -> bool {
        self.sources.is_empty()
            && self
                .files
                .iter()
                .any(|report| matches!(report.status, FileStatus::Loaded { .. }))
    }

    /// Lets the decoded files go once [`Corpus::finish`] has made the articles from them (they
    /// are most of the memory a corpus holds besides its articles), for a caller that keeps the
    /// raw files elsewhere: it gives them back with [`Corpus::restore_sources`] before adding
    /// files (see [`Corpus::needs_sources`]).
    pub fn release_sources_when_split(&mut self, release: bool) {
        self.release_sources = release;
    }

    /// Decodes again the raw files the corpus was built from (as stored beside it), so that
    /// files added later are split along with them. The files' reports stay as they are, and a
    /// file whose decoded text the corpus already holds keeps it.
    pub fn restore_sources<'a>(&mut self, files: impl IntoIterator<Item = (&'a str, &'a [u8])>) {
        let mut decoded = Corpus::new();
        for (file, bytes) in files {
            // A file that fails now failed before too: its report already says why.
            let _ = decoded.add_file(file, bytes);
        }
        for source in decoded.sources {
            if !self.sources.iter().any(|held| held.file == source.file) {
                self.sources.push(source);
            }
        }
    }

    /// The user's edits (topic count and names), to carry over to a corpus rebuilt from the raw
    /// files.
    pub fn edits(&self) -> Edits {
        Edits {
            topic_count: self.topic_count,
            topic_names: self
                .topic_names
                .iter()
                .map(|(&(count, id), name)| (count, id, name.clone()))
                .collect(),
            entities: self.entity_edits.clone(),
        }
    }

    /// Applies edits saved from another corpus (before [`Corpus::build_topics`]).
    pub fn apply_edits(&mut self, edits: &Edits) {
        self.topic_count = edits.topic_count;
        self.topic_names = edits
            .topic_names
            .iter()
            .map(|(count, id, name)| ((*count, *id), name.clone()))
            .collect();
        self.apply_topic_names();
        self.entity_edits = edits.entities.clone();
    }

    /// Decodes one file and keeps it for [`Corpus::finish`]. A file of the same path loaded before
    /// is replaced. On error the file's report says why and the corpus is otherwise unchanged.
    /// Never panics, whatever the bytes.
    ///
    /// A zip archive is opened and each file inside is added under the archive's path
    /// (`news.zip/2024/story.txt`), each with its own report (see [`archive`]); the archive
    /// itself errs only when it cannot be opened. A saved web page (`.html`, or text that starts
    /// like HTML) is read as its visible text ([`html`]); its line numbers count lines of that
    /// text.
    pub fn add_file(&mut self, file: &str, bytes: &[u8]) -> Result<(), IngestError> {
        if archive::is_zip(file, bytes) {
            return self.add_archive(file, bytes);
        }
        self.sources.retain(|source| source.file != file);
        self.files.retain(|report| report.file != file);
        let decoded = match archive::office_kind(file) {
            Some(kind) if bytes.starts_with(b"PK\x03\x04") => Err(IngestError::Binary(format!(
                "it is {kind}: save it as text or HTML to read it here"
            ))),
            _ => decode(bytes),
        }
        .map(|text| {
            if html::is_html(file, &text) {
                decode::normalise(&html::visible_text(&text))
            } else {
                text
            }
        })
        .and_then(|text| {
            if text.trim().is_empty() {
                Err(IngestError::Blank)
            } else {
                Ok(text)
            }
        });
        let status = match &decoded {
            Ok(_) => FileStatus::Loaded { articles: 0 },
            Err(error) => FileStatus::Failed {
                reason: error.to_string(),
            },
        };
        self.files.push(FileReport {
            file: file.to_owned(),
            bytes: bytes.len() as u64,
            status,
        });
        self.sources.push(Source {
            file: file.to_owned(),
            text: decoded?,
        });
        Ok(())
    }

    /// Adds every file of a zip archive, as [`Corpus::add_file`] says.
    fn add_archive(&mut self, file: &str, bytes: &[u8]) -> Result<(), IngestError> {
        let prefix = format!("{file}/");
        let inside = |name: &str| name == file || name.starts_with(&prefix);
        self.sources.retain(|source| !inside(&source.file));
        self.files.retain(|report| !inside(&report.file));
        let entries = match archive::entries(file, bytes, 0) {
            Ok(entries) => entries,
            Err(error) => {
                self.add_unreadable(file, &error.to_string());
                return Err(error);
            }
        };
        if entries.is_empty() {
            self.add_unreadable(file, "the archive holds no files");
            return Ok(());
        }
        for entry in entries {
            match entry.bytes {
                // Each file's own error is in its report.
                Ok(content) => {
                    let _ = self.add_file(&entry.path, &content);
                }
                Err(reason) => self.add_unreadable(&entry.path, &reason),
            }
        }
        Ok(())
    }

    /// Records a file that could not even be read (the reason is shown to the user as is).
    pub fn add_unreadable(&mut self, file: &str, reason: &str) {
        self.sources.retain(|source| source.file != file);
        self.files.retain(|report| report.file != file);
        self.files.push(FileReport {
            file: file.to_owned(),
            bytes: 0,
            status: FileStatus::Failed {
                reason: reason.to_owned(),
            },
        });
    }

    /// Builds the documents from every file added: see the type's documentation.
    pub fn finish(&mut self) {
        self.finish_timed(|_| {});
    }

    /// [`Corpus::finish`], calling `mark` with the name of each stage as it starts
    /// ("entities", then "index"), so a caller with a clock can time them.
    pub fn finish_timed(&mut self, mut mark: impl FnMut(&'static str)) {
        self.finish_articles();
        mark("entities");
        self.finish_names();
        mark("index");
        self.finish_index();
    }

    /// The first part of [`Corpus::finish`]: [`Corpus::split_articles`], then
    /// [`Corpus::date_articles`].
    pub fn finish_articles(&mut self) {
        self.split_articles();
        self.date_articles();
    }

    /// Splits the files into articles, numbered, so the list can be shown. Their dates and
    /// copies ([`Corpus::date_articles`]), names ([`Corpus::names_step`]), search index
    /// ([`Corpus::index_step`]) and topics are still to come: until then the articles are
    /// undated, each is its own story, the corpus has no entities, a search builds the whole
    /// index first, and there are no topics.
    pub fn split_articles(&mut self) {
        self.split_begin();
        self.split_here(0, self.sources.len());
        self.split_end();
    }

    /// Begins [`Corpus::split_articles`] in parts, so that another worker can split some of the
    /// files ([`split_job`]) while this one splits the others ([`Corpus::split_here`]): orders the
    /// files and counts the lines that recur across them. [`Corpus::split_end`] ends it.
    pub fn split_begin(&mut self) {
        self.sources.sort_by(|a, b| a.file.cmp(&b.file));
        self.files.sort_by(|a, b| a.file.cmp(&b.file));
        let stats = {
            let blocks: Vec<Vec<segment::Block<'_>>> =
                crate::par::map(&self.sources, |source| segment::blocks(&source.text));
            LineStats::from_blocks(blocks.iter().flatten().map(Vec::as_slice))
        };
        self.splitting = Some(Splitting {
            split: vec![None; self.sources.len()],
            stats,
        });
    }

    /// How many files a split begun with [`Corpus::split_begin`] has: they are numbered in the
    /// order it gave them.
    pub fn split_files(&self) -> usize {
        self.sources.len()
    }

    /// The first of the files that hold about the last `share` (0–1) of a begun split's text:
    /// where the files another worker splits start.
    pub fn split_share_from(&self, share: f64) -> usize {
        last_share_start(self.sources.iter().map(|s| s.text.len()), share)
    }

    /// What another worker needs to split files `from..` of a begun split as this corpus would
    /// ([`split_job`]): the counts of the lines that recur, as bytes, and each file's text. The
    /// texts stay here until the split ends, so that the files are split here if the other
    /// worker's answer never comes or is refused.
    pub fn split_elsewhere(&self, from: usize) -> (Vec<u8>, Vec<&str>) {
        let stats = self.splitting.as_ref().map_or_else(Vec::new, |splitting| {
            postcard::to_allocvec(&splitting.stats.recurring()).unwrap_or_default()
        });
        let from = from.min(self.sources.len());
        let texts = self.sources[from..]
            .iter()
            .map(|source| source.text.as_str())
            .collect();
        (stats, texts)
    }

    /// Splits files `from..to` of a begun split here (on every core natively).
    pub fn split_here(&mut self, from: usize, to: usize) {
        let Some(splitting) = self.splitting.as_mut() else {
            return;
        };
        let to = to.min(self.sources.len());
        let from = from.min(to);
        let release = self.release_sources;
        let stats = &splitting.stats;
        let mut work: Vec<(&mut Source, &mut Option<SplitFile>)> = self.sources[from..to]
            .iter_mut()
            .zip(&mut splitting.split[from..to])
            .filter(|(_, slot)| slot.is_none())
            .collect();
        // Each file is split (its blocks read again: that is cheap), how it writes numeric dates
        // is read, and, when the decoded files are let go, its text goes at once: the decoded
        // files and the articles are never all held together.
        crate::par::for_each_mut(&mut work, |(source, slot)| {
            **slot = Some(split_file(&source.text, stats));
            if release {
                source.text = String::new();
            }
        });
    }

    /// Takes the articles another worker found in files `from..` of a begun split ([`split_job`]'s
    /// answer). Fails, taking nothing, when the answer is not one for those files; they are
    /// then split here by [`Corpus::split_end`].
    pub fn split_from_job(&mut self, from: usize, answer: &[u8]) -> Result<(), String> {
        let Some(splitting) = self.splitting.as_mut() else {
            return Err("no split is under way".into());
        };
        let files: Vec<SplitFile> = postcard::from_bytes(answer)
            .map_err(|e| format!("the other worker's articles could not be read: {e}"))?;
        if from + files.len() != splitting.split.len() {
            return Err(format!(
                "the other worker split {} files, not {}",
                files.len(),
                splitting.split.len().saturating_sub(from)
            ));
        }
        for (slot, file) in splitting.split[from..].iter_mut().zip(files) {
            *slot = Some(file);
        }
        Ok(())
    }

    /// Ends a split begun with [`Corpus::split_begin`]: files not split yet are split here,
    /// copies of recurring phrases are cut, and the articles are numbered, so the list can be
    /// shown (the rest of [`Corpus::split_articles`]).
    pub fn split_end(&mut self) {
        if self.splitting.is_none() {
            self.split_begin();
        }
        self.split_here(0, self.sources.len());
        let Some(Splitting { stats, split }) = self.splitting.take() else {
            return;
        };
        drop(stats);
        let release = self.release_sources;
        let mut names: Vec<String> = Vec::with_capacity(self.sources.len());
        let mut orders: std::collections::HashMap<String, Option<NumericOrder>> =
            std::collections::HashMap::with_capacity(self.sources.len());
        let mut articles: Vec<Vec<Article>> = Vec::with_capacity(self.sources.len());
        for (source, split) in self.sources.iter().zip(split) {
            let (found, order) = split.unwrap_or_default();
            // Both lists are sorted by file name: a search, not a scan per file.
            let at = self
                .files
                .binary_search_by(|r| r.file.as_str().cmp(source.file.as_str()))
                .ok();
            if let Some(report) = at.and_then(|k| self.files.get_mut(k)) {
                report.status = FileStatus::Loaded {
                    articles: found.len(),
                };
            }
            orders.insert(source.file.clone(), order);
            names.push(source.file.clone());
            articles.push(found);
        }
        if release {
            self.sources = Vec::new();
        }
        // Day or month first in 05/10/2024: whichever the file's own dates show (a folder of
        // pages from many sites mixes the two), else whichever most files show.
        let day_first = orders
            .values()
            .filter(|o| **o == Some(NumericOrder::DayFirst))
            .count();
        let month_first = orders
            .values()
            .filter(|o| **o == Some(NumericOrder::MonthFirst))
            .count();
        self.numeric_order = if day_first > month_first {
            NumericOrder::DayFirst
        } else {
            NumericOrder::MonthFirst
        };
        // Runs of words that recur across the corpus's stories are chrome inside paragraphs.
        let phrases = PhraseStats::from_articles(articles.iter().flatten());
        let files: Vec<(&str, Vec<Article>)> =
            names.iter().map(String::as_str).zip(articles).collect();
        let by_file: Vec<Vec<Document>> = crate::par::map_owned(files, |(file, found)| {
            found
                .into_iter()
                .map(|mut article| {
                    phrases.cut(&mut article);
                    Document::from_article(file, article)
                })
                .collect::<Vec<_>>()
        });
        drop(phrases);
        // Exactly as long as it needs: it stays for the corpus's life.
        let mut documents: Vec<Document> = Vec::with_capacity(by_file.iter().map(Vec::len).sum());
        for file in by_file {
            documents.extend(file);
        }
        for (id, doc) in documents.iter_mut().enumerate() {
            doc.id = DocId::try_from(id).unwrap_or(DocId::MAX);
        }
        self.documents = documents;
        self.dating = Some(Dating { orders, next: 0 });
        self.entities = Vec::new();
        self.names_pending = Some(NamesPending::default());
        self.index = SearchIndex::default();
        self.index_pending = Some(Box::default());
        self.topic_model = TopicModel {
            memberships: vec![Vec::new(); self.documents.len()],
            automatic: self.topic_count.is_none(),
            ..TopicModel::default()
        };
    }

    /// Whether the articles are dated and their copies found (see [`Corpus::date_articles`]).
    pub fn articles_dated(&self) -> bool {
        self.dating.is_none()
    }

    /// After [`Corpus::split_articles`]: dates every article (placing those that state no day
    /// by the corpus as a whole) and finds the copies of one story. Does nothing when done.
    pub fn date_articles(&mut self) {
        while !self.date_step(usize::MAX) {}
    }

    /// One step of [`Corpus::date_articles`]: dates up to `documents` more articles, or, once
    /// all are, places the undated ones and finds the copies. True once the articles are dated.
    pub fn date_step(&mut self, documents: usize) -> bool {
        let Some(dating) = self.dating.as_mut() else {
            return true;
        };
        let orders = &dating.orders;
        let numeric_order = self.numeric_order;
        let from = dating.next;
        let to = from.saturating_add(documents).min(self.documents.len());
        crate::par::for_each_mut(&mut self.documents[from..to], |doc| {
            let order = orders
                .get(doc.file.as_str())
                .copied()
                .flatten()
                .unwrap_or(numeric_order);
            doc.extract_dates(order);
        });
        dating.next = to;
        if to < self.documents.len() {
            return false;
        }
        self.dating = None;
        let documents = &mut self.documents;
        // Articles that state no day are placed by what the corpus as a whole states, and by the
        // days they name with their weekday.
        let named: Vec<Vec<(u32, u32, u32)>> = documents
            .iter()
            .map(|doc| {
                if doc.published.source.is_stated() {
                    Vec::new()
                } else {
                    dates::weekday_named_days(&doc.dates, |field| doc.field_text(field))
                }
            })
            .collect();
        dates::best_estimates(
            &mut documents
                .iter_mut()
                .map(|doc| &mut doc.published)
                .collect::<Vec<_>>(),
            &named,
        );
        let texts: Vec<&str> = documents
            .iter()
            .map(|doc| {
                if doc.body.is_empty() {
                    doc.title.as_str()
                } else {
                    doc.body.as_str()
                }
            })
            .collect();
        let canonical = dedup::find_duplicates(&texts);
        for (index, original) in canonical.iter().enumerate() {
            if let Some(original) = *original {
                let copy_id = documents[index].id;
                documents[index].duplicate_of = Some(documents[original].id);
                documents[original].copies.push(copy_id);
            }
        }
        true
    }

    /// Whether every document's names are found and linked into entities.
    pub fn names_ready(&self) -> bool {
        self.names_pending.is_none()
    }

    /// Finds the names of up to `documents` more documents; once every document's are found
    /// (and those named elsewhere are given back), links them into entities and returns true.
    pub fn names_step(&mut self, documents: usize) -> bool {
        let Some(pending) = self.names_pending.as_mut() else {
            return true;
        };
        let from = pending.found.len();
        let until = pending.elsewhere_from.unwrap_or(self.documents.len());
        let to = from.saturating_add(documents).min(until);
        pending.found.extend(crate::par::map(
            &self.documents[from..to],
            Document::find_names,
        ));
        if to < until || (pending.elsewhere_from.is_some() && pending.elsewhere.is_none()) {
            return false;
        }
        if let Some(mut pending) = self.names_pending.take() {
            pending
                .found
                .extend(pending.elsewhere.take().unwrap_or_default());
            self.link_found(pending.found);
        }
        true
    }

    /// Whether every name to be found here is found, and the corpus waits for the names found
    /// elsewhere ([`Corpus::names_from_job`]).
    pub fn names_waiting(&self) -> bool {
        self.names_pending.as_ref().is_some_and(|p| {
            p.elsewhere_from.is_some_and(|from| p.found.len() >= from) && p.elsewhere.is_none()
        })
    }

    /// The first document of the last `share` of the text (0.0 to 1.0, by bytes): where to
    /// split the names between two workers.
    pub fn names_split_point(&self, share: f64) -> usize {
        last_share_start(self.documents.iter().map(Document::text_len), share)
    }

    /// Leaves the names of the documents from `from` on to another worker: returns what it reads
    /// of each (title, caption, dateline, body, subheadings) for [`entities::names_job`], whose
    /// answer goes to [`Corpus::names_from_job`]. Until then the names are not linked. Nothing is
    /// left when the names are already found.
    pub fn names_elsewhere(&mut self, from: usize) -> Vec<entities::ToName<&str, &[String]>> {
        let Some(pending) = self.names_pending.as_mut() else {
            return Vec::new();
        };
        let from = from.max(pending.found.len()).min(self.documents.len());
        pending.elsewhere_from = Some(from);
        pending.elsewhere = None;
        self.documents[from..]
            .iter()
            .map(|d| {
                (
                    d.title.as_str(),
                    d.caption.as_deref(),
                    d.dateline.as_deref(),
                    d.body.as_str(),
                    d.subheadings.as_slice(),
                )
            })
            .collect()
    }

    /// Takes the names another worker found ([`entities::names_job`]) for the documents
    /// [`Corpus::names_elsewhere`] left to it. Refuses an answer for other documents, and then
    /// finds those names here.
    pub fn names_from_job(&mut self, answer: &[u8]) -> Result<(), String> {
        let Some(pending) = self.names_pending.as_mut() else {
            return Err("no names are waiting".into());
        };
        let Some(from) = pending.elsewhere_from else {
            return Err("no names are waiting".into());
        };
        let taken = entities::names_from_job(answer).and_then(|found| {
            if found.len() == self.documents.len() - from {
                Ok(found)
            } else {
                Err("the names were found for other documents".into())
            }
        });
        match taken {
            Ok(found) => {
                pending.elsewhere = Some(found);
                Ok(())
            }
            Err(why) => {
                pending.elsewhere_from = None;
                Err(why)
            }
        }
    }

    /// Finds here the names left to another worker (it failed, or is not to be waited for).
    pub fn names_here(&mut self) {
        if let Some(pending) = self.names_pending.as_mut() {
            if pending.elsewhere.is_none() {
                pending.elsewhere_from = None;
            }
        }
    }

    /// Finds the names of the documents still waiting (those left to another worker too, if
    /// it has not answered), and links them.
    pub fn finish_names(&mut self) {
        self.names_here();
        self.names_step(usize::MAX);
    }

    /// Finds every document's names and links them into entities, then replays the user's
    /// entity edits. [`Corpus::finish`] does this; calling it again gives the same entities.
    pub fn link_entities(&mut self) {
        self.names_pending = Some(NamesPending::default());
        self.finish_names();
    }

    /// Links the names found in every document (in id order) into entities.
    fn link_found(&mut self, found: Vec<Vec<Found>>) {
        let ids: Vec<DocId> = self.documents.iter().map(|d| d.id).collect();
        let documents = &self.documents;
        let (mut entities, mut mentions) =
            aliases::link(found, &ids, |d, field| documents[d].field_text(field));
        for edit in &self.entity_edits {
            aliases::apply_edit(
                &mut entities,
                &mut mentions,
                &ids,
                &|d, field| documents[d].field_text(field),
                edit,
            );
        }
        for (doc, list) in self.documents.iter_mut().zip(mentions) {
            doc.mentions = list;
        }
        self.entities = entities;
    }

    /// The bytes entity extraction reads: every title, caption and body.
    pub fn text_bytes(&self) -> u64 {
        self.documents.iter().map(|d| d.text_len() as u64).sum()
    }

    /// The people, organisations and places of the corpus, by id.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// One entity.
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id as usize)
    }

    /// The entity an [`EntityRef`] names, if it is there.
    pub fn find_entity(&self, r: &EntityRef) -> Option<EntityId> {
        aliases::find(&self.entities, r)
    }

    /// Changes the entities as the user asked, and keeps the edit so that it is made again
    /// after a rebuild. Returns false (and keeps nothing) when the edit names no entity there is.
    pub fn edit_entities(&mut self, edit: EntityEdit) -> bool {
        self.finish_names();
        let ids: Vec<DocId> = self.documents.iter().map(|d| d.id).collect();
        let mut mentions: Vec<Vec<Mention>> = self
            .documents
            .iter_mut()
            .map(|d| std::mem::take(&mut d.mentions))
            .collect();
        let documents = &self.documents;
        let done = aliases::apply_edit(
            &mut self.entities,
            &mut mentions,
            &ids,
            &|d, field| documents[d].field_text(field),
            &edit,
        );
        for (doc, list) in self.documents.iter_mut().zip(mentions) {
            doc.mentions = list;
        }
        if done {
            self.entity_edits.push(edit);
        }
        done
    }

    /// The entities that share the most stories with `id`, with how many they share.
    pub fn co_occurring(&self, id: EntityId, limit: usize) -> Vec<(EntityId, usize)> {
        // Stories, not copies: a copy's mentions are left out.
        let mentions: Vec<&[Mention]> = self
            .documents
            .iter()
            .map(|d| {
                if d.duplicate_of.is_none() {
                    d.mentions.as_slice()
                } else {
                    &[]
                }
            })
            .collect();
        aliases::co_occurring(&self.entities, &mentions, id, limit)
    }

    /// Finds the corpus's topics (after [`Corpus::finish`]): `requested` topics, or as many as
    /// the data suggests when None. Only the topics are computed again, not the articles.
    /// `progress` is told (done, total) steps.
    pub fn build_topics(&mut self, requested: Option<usize>, progress: impl FnMut(usize, usize)) {
        self.topic_count = requested;
        self.topic_model = topics::discover(&self.documents, requested, progress);
        self.apply_topic_names();
    }

    /// What topic discovery reads: the title and body of every story (copies left out), for
    /// [`topics::run_job`] in another worker. [`Corpus::set_topics_from_job`] takes its answer,
    /// which gives the topics [`Corpus::build_topics`] finds.
    pub fn topic_stories(&self) -> Vec<(&str, &str)> {
        topics::story_texts(&self.documents)
    }

    /// Takes the topics [`topics::run_job`] found for [`Corpus::topic_stories`]. Refuses an
    /// answer made for other stories (the corpus changed meanwhile), keeping the topics it has.
    pub fn set_topics_from_job(
        &mut self,
        requested: Option<usize>,
        answer: &[u8],
    ) -> Result<(), String> {
        self.topic_model = topics::model_from_answer(&self.documents, requested, answer)?;
        self.topic_count = requested;
        self.apply_topic_names();
        Ok(())
    }

    /// The topic count the user asked for, if any.
    pub fn topic_count(&self) -> Option<usize> {
        self.topic_count
    }

    /// The topics, with the user's names.
    pub fn topics(&self) -> &TopicModel {
        &self.topic_model
    }

    /// The topics a document belongs to, heaviest first.
    pub fn topics_of(&self, id: DocId) -> &[TopicWeight] {
        self.topic_model
            .memberships
            .get(id as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Names a topic (an empty name gives it back its own). The name is kept for this number of
    /// topics and comes back when the topics are computed again.
    pub fn rename_topic(&mut self, id: TopicId, name: &str) {
        let key = (self.topic_model.topics.len(), id);
        let name = name.trim();
        if name.is_empty() {
            self.topic_names.remove(&key);
        } else {
            self.topic_names.insert(key, name.to_owned());
        }
        self.apply_topic_names();
    }

    fn apply_topic_names(&mut self) {
        let count = self.topic_model.topics.len();
        for topic in &mut self.topic_model.topics {
            if let Some(name) = self.topic_names.get(&(count, topic.id)) {
                topic.label = name.clone();
            } else if !topic.top_terms.is_empty() {
                topic.label = topic
                    .top_terms
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" · ");
            }
        }
    }

    /// Whether numeric dates such as 05/10/2024 were read day first or month first.
    pub fn numeric_order(&self) -> NumericOrder {
        self.numeric_order
    }

    /// All documents in id order, copies included.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// How many distinct stories: documents that are not a copy of another.
    pub fn unique_stories(&self) -> usize {
        self.documents
            .iter()
            .filter(|doc| doc.duplicate_of.is_none())
            .count()
    }

    /// The document with this id, if there is one.
    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.documents.get(id as usize)
    }

    /// The report of every file added, in path order.
    pub fn files(&self) -> &[FileReport] {
        &self.files
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Query;

    const ARTICLE: &str = "A headline\n\nA body sentence that is long enough to count as one.";

    const NAMES: &str = "Talks resume in Geneva\n\n\
        Foreign Minister Anna Lindqvist met Carlos Mendoza in Geneva on Tuesday, officials said.\n\n\
        Lindqvist said the talks would go on. Mendoza did not comment.";

    fn entity<'a>(corpus: &'a Corpus, name: &str) -> Option<&'a Entity> {
        corpus
            .entities()
            .iter()
            .find(|e| e.name == name && !e.documents.is_empty())
    }

    fn by(kind: crate::EntityKind, name: &str) -> crate::EntityRef {
        crate::EntityRef {
            kind,
            name: name.into(),
        }
    }

    /// Pages of one site: its menu and share line recur, so they are chrome in every page.
    fn site_pages() -> Vec<(String, String)> {
        (0..6)
            .map(|i| {
                (
                    format!("page{i}.txt"),
                    format!(
                        "Story number {i} of the week | The Daily Site\n\nHome\nWorld\nBusiness\n\n\
                         Story number {i} of the week\n\nThe council met on Tuesday to discuss the \
                         plan for the harbour, and story {i} says the members voted for it after \
                         a long debate.\n\nShare this story on Facebook Twitter Email\n\nThe \
                         work will start in the spring, the council said in a statement on \
                         Wednesday.\n"
                    ),
                )
            })
            .collect()
    }

    #[test]
    fn files_split_by_another_worker_give_the_same_corpus() {
        let load = |release: bool| {
            let mut corpus = Corpus::new();
            corpus.release_sources_when_split(release);
            for (name, text) in site_pages() {
                corpus.add_file(&name, text.as_bytes()).unwrap();
            }
            corpus
        };
        let mut whole = load(false);
        whole.split_articles();
        assert!(whole.documents()[0]
            .removed
            .iter()
            .any(|r| r.text == "Home"));
        for release in [false, true] {
            let mut shared = load(release);
            shared.split_begin();
            assert_eq!(shared.split_files(), 6);
            // Two files elsewhere: too few for their menu to recur there alone.
            let from = shared.split_share_from(0.34);
            assert_eq!(from, 4);
            let (stats, texts) = shared.split_elsewhere(from);
            assert_eq!(texts.len(), 2);
            let answer = split_job(&stats, texts);
            shared.split_here(0, from);
            shared.split_from_job(from, &answer).unwrap();
            shared.split_end();
            assert_eq!(shared.documents(), whole.documents());
            assert_eq!(shared.files(), whole.files());
            assert_eq!(shared.needs_sources(), release);
        }
        // An answer for other files is refused, and those files are split here.
        let mut refused = load(true);
        refused.split_begin();
        let (stats, texts) = refused.split_elsewhere(4);
        let answer = split_job(&stats, texts);
        assert!(refused.split_from_job(3, &answer).is_err());
        assert!(refused.split_from_job(3, b"not an answer").is_err());
        refused.split_end();
        assert_eq!(refused.documents(), whole.documents());
    }

    #[test]
    fn surnames_join_their_full_names_and_each_merge_says_why() {
        let mut corpus = Corpus::new();
        corpus.add_file("talks.txt", NAMES.as_bytes()).unwrap();
        corpus.finish();
        let anna = entity(&corpus, "Anna Lindqvist").expect("a person");
        assert_eq!(anna.kind, crate::EntityKind::Person);
        let forms: Vec<&str> = anna.forms.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(forms, ["Anna Lindqvist", "Lindqvist"]);
        assert!(anna.evidence.iter().any(|e| e.contains("surname")));
        assert_eq!(
            entity(&corpus, "Geneva").map(|e| e.kind),
            Some(crate::EntityKind::Place)
        );
    }

    #[test]
    fn a_shared_surname_goes_to_the_person_named_last_before_it() {
        let text = "Two brothers in court\n\n\
            Judge Mara Okafor heard Daniel Brandt on Monday. Later she heard Felix Brandt, \
            his brother, who told the court that Brandt was innocent of the charges.";
        let mut corpus = Corpus::new();
        corpus.add_file("court.txt", text.as_bytes()).unwrap();
        corpus.finish();
        let felix = entity(&corpus, "Felix Brandt").expect("a person");
        let forms: Vec<&str> = felix.forms.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(forms, ["Brandt", "Felix Brandt"]);
        let daniel = entity(&corpus, "Daniel Brandt").expect("another person");
        assert_eq!(daniel.forms.len(), 1);
    }

    #[test]
    fn the_place_of_a_dateline_is_a_place_of_the_article() {
        let text = "Markets rally as rates hold\n\
            LONDON 1996-08-31\n\
            Shares rose on Friday after the central bank left its main rate unchanged, \
            traders said, and the pound gained against the dollar.";
        let mut corpus = Corpus::new();
        corpus.add_file("markets.txt", text.as_bytes()).unwrap();
        corpus.finish();
        let doc = &corpus.documents()[0];
        assert_eq!(doc.dateline.as_deref(), Some("LONDON 1996-08-31"));
        let london = entity(&corpus, "London").expect("the dateline's place");
        assert_eq!(london.kind, crate::extract::entities::EntityKind::Place);
        assert!(doc
            .mentions
            .iter()
            .any(|m| m.field == Field::Dateline && m.entity == london.id));
    }

    #[test]
    fn entity_edits_are_made_again_after_a_rebuild_and_a_snapshot() {
        use crate::EntityKind::Person;
        let mut corpus = Corpus::new();
        corpus.add_file("talks.txt", NAMES.as_bytes()).unwrap();
        corpus.finish();
        assert!(corpus.edit_entities(EntityEdit::Rename {
            entity: by(Person, "Carlos Mendoza"),
            name: "Carlos A. Mendoza".into(),
        }));
        assert!(corpus.edit_entities(EntityEdit::Split {
            entity: by(Person, "Anna Lindqvist"),
            form: "Lindqvist".into(),
        }));
        assert!(corpus.edit_entities(EntityEdit::Merge {
            into: by(Person, "Carlos A. Mendoza"),
            from: by(Person, "Lindqvist"),
        }));
        assert!(corpus.edit_entities(EntityEdit::Hide {
            entity: by(Person, "Anna Lindqvist"),
            hidden: true,
        }));
        // An edit naming no entity changes nothing and is not kept.
        assert!(!corpus.edit_entities(EntityEdit::Hide {
            entity: by(Person, "Nobody"),
            hidden: true,
        }));
        let check = |corpus: &Corpus| {
            let carlos = entity(corpus, "Carlos A. Mendoza").expect("renamed");
            let forms: Vec<&str> = carlos.forms.iter().map(|f| f.text.as_str()).collect();
            assert_eq!(forms, ["Carlos Mendoza", "Lindqvist", "Mendoza"]);
            assert!(entity(corpus, "Anna Lindqvist").is_some_and(|e| e.hidden));
            assert!(corpus
                .query(&Query::default())
                .facets
                .iter()
                .all(|f| f.values.iter().all(|v| v.label != "Anna Lindqvist")));
        };
        check(&corpus);
        let restored = Corpus::from_snapshot(&corpus.snapshot()).unwrap();
        check(&restored);
        let mut rebuilt = Corpus::new();
        rebuilt.apply_edits(&corpus.edits());
        rebuilt.add_file("talks.txt", NAMES.as_bytes()).unwrap();
        rebuilt.finish();
        check(&rebuilt);
    }

    #[test]
    fn same_files_in_any_order_give_the_same_corpus() {
        let mut first = Corpus::new();
        first.add_file("b.txt", ARTICLE.as_bytes()).unwrap();
        first.add_file("a.txt", ARTICLE.as_bytes()).unwrap();
        first.finish();
        let mut second = Corpus::new();
        second.add_file("a.txt", ARTICLE.as_bytes()).unwrap();
        second.add_file("b.txt", ARTICLE.as_bytes()).unwrap();
        second.finish();
        assert_eq!(first.documents(), second.documents());
        assert_eq!(first.documents()[0].file, "a.txt");
        assert_eq!(first.documents()[1].id, 1);
    }

    #[test]
    fn a_copy_points_at_the_earliest_article() {
        let mut corpus = Corpus::new();
        corpus.add_file("b.txt", ARTICLE.as_bytes()).unwrap();
        corpus.add_file("a.txt", ARTICLE.as_bytes()).unwrap();
        corpus.finish();
        assert_eq!(corpus.documents()[1].duplicate_of, Some(0));
        assert_eq!(corpus.documents()[0].copies, [1]);
        assert_eq!(corpus.unique_stories(), 1);
    }

    #[test]
    fn a_bad_file_is_reported_and_the_others_stay() {
        let mut corpus = Corpus::new();
        corpus.add_file("good.txt", ARTICLE.as_bytes()).unwrap();
        assert_eq!(corpus.add_file("empty.txt", b""), Err(IngestError::Empty));
        assert_eq!(
            corpus.add_file("blank.txt", b" \n\n"),
            Err(IngestError::Blank)
        );
        corpus.add_unreadable("locked.txt", "permission denied");
        corpus.finish();
        assert_eq!(corpus.documents().len(), 1);
        let states: Vec<_> = corpus.files().iter().map(|f| &f.status).collect();
        assert_eq!(states.len(), 4);
        assert_eq!(
            states[1],
            &FileStatus::Failed {
                reason: "the file is empty".into()
            }
        );
        assert_eq!(states[2], &FileStatus::Loaded { articles: 1 });
    }

    #[test]
    fn a_snapshot_is_near_the_size_of_its_text_and_takes_new_files_like_the_first_load() {
        // Text that compresses little, longer than LZ4's window: words drawn from syllables.
        let syllables = [
            "ka", "lo", "mer", "tis", "an", "du", "re", "vo", "shi", "pen", "ul",
        ];
        let mut state = 17u64;
        let mut body = String::new();
        while body.len() < 120_000 {
            for n in 0..9 {
                for _ in 0..1 + state % 3 {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    body.push_str(syllables[(state >> 33) as usize % syllables.len()]);
                }
                body.push_str(if n == 8 { ". " } else { " " });
            }
        }
        let second = format!("Second story\n\n{body}");
        let second = second.as_str();
        let third = "Third story\n\nThe harbour master spoke about the boats and the storm.";
        let mut corpus = Corpus::new();
        corpus.add_file("a.txt", ARTICLE.as_bytes()).unwrap();
        corpus.add_file("b.txt", second.as_bytes()).unwrap();
        corpus.finish();
        let snapshot = corpus.snapshot();
        // The decoded files are not in it: the articles' text is, once.
        let text = (ARTICLE.len() + second.len()) as f64;
        assert!(
            (snapshot.len() as f64) < 1.2 * text + 2048.0,
            "{} bytes of snapshot for {text} of text",
            snapshot.len()
        );
        let mut restored = Corpus::from_snapshot(&snapshot).unwrap();
        assert!(restored.needs_sources());
        restored.restore_sources([("a.txt", ARTICLE.as_bytes()), ("b.txt", second.as_bytes())]);
        assert!(!restored.needs_sources());
        restored.add_file("c.txt", third.as_bytes()).unwrap();
        restored.finish();
        let mut whole = Corpus::new();
        for (file, text) in [("a.txt", ARTICLE), ("b.txt", second), ("c.txt", third)] {
            whole.add_file(file, text.as_bytes()).unwrap();
        }
        whole.finish();
        assert_eq!(restored.documents(), whole.documents());
        assert_eq!(restored.files(), whole.files());
    }

    #[test]
    fn snapshot_blocks_give_back_every_byte_and_refuse_a_cut_one() {
        use std::io::Write;
        let mut state = 7u64;
        let bytes: Vec<u8> = (0..2 * SNAPSHOT_BLOCK + 12_345)
            .map(|i| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                if i % 3 == 0 {
                    (state >> 56) as u8
                } else {
                    b'a' + (i % 7) as u8
                }
            })
            .collect();
        let mut parts = Vec::new();
        let mut writer = BlockWriter {
            pending: Vec::new(),
            out: |part| parts.push(part),
        };
        for piece in bytes.chunks(1_000_003) {
            writer.write_all(piece).unwrap();
        }
        writer.finish();
        // Each block is handed over as it is made: three for two blocks and a bit.
        assert_eq!(parts.len(), 3);
        let blocks = parts.concat();
        assert!(blocks.len() < bytes.len());
        assert_eq!(read_blocks(&blocks).as_deref(), Some(bytes.as_slice()));
        assert_eq!(read_blocks(&blocks[..blocks.len() - 10]), None);
        assert_eq!(read_blocks(b""), Some(Vec::new()));
    }

    #[test]
    fn a_corpus_that_lets_its_files_go_takes_new_files_once_they_are_given_back() {
        let files = [
            ("a.txt", ARTICLE.to_owned()),
            (
                "b.txt",
                "Harbour news\n\nThe harbour master counted the boats at dawn.".to_owned(),
            ),
        ];
        let mut corpus = Corpus::new();
        corpus.release_sources_when_split(true);
        corpus.add_file(files[0].0, files[0].1.as_bytes()).unwrap();
        corpus.finish();
        assert!(corpus.needs_sources());
        corpus.restore_sources([(files[0].0, files[0].1.as_bytes())]);
        corpus.add_file(files[1].0, files[1].1.as_bytes()).unwrap();
        corpus.finish();
        let mut whole = Corpus::new();
        for (file, text) in &files {
            whole.add_file(file, text.as_bytes()).unwrap();
        }
        whole.finish();
        assert_eq!(corpus.documents(), whole.documents());
        assert!(corpus.needs_sources());
    }

    #[test]
    fn a_restored_corpus_lists_at_once_and_searches_once_its_index_is_built_in_steps() {
        let mut corpus = Corpus::new();
        for n in 0..5 {
            let text = format!(
                "Story {n} about the harbour\n\nThe harbour master counted {n} boats at dawn. Fishermen waited."
            );
            corpus
                .add_file(&format!("{n}.txt"), text.as_bytes())
                .unwrap();
        }
        corpus.finish();
        let list = crate::Query::default();
        let search = crate::Query {
            text: "\"harbour master\" boats".into(),
            ..crate::Query::default()
        };
        let mut restored = Corpus::from_snapshot_unindexed(&corpus.snapshot()).unwrap();
        assert!(!restored.index_ready());
        assert_eq!(restored.query(&list), corpus.query(&list));
        // Asked before its index is whole, a search is still right.
        assert_eq!(restored.query(&search), corpus.query(&search));
        assert!(!restored.index_step(2));
        assert!(!restored.index_step(2));
        assert!(restored.index_step(2));
        assert!(restored.index_ready());
        assert_eq!(restored.query(&search), corpus.query(&search));
        assert_eq!(restored.query(&search).total, 5);
    }

    #[test]
    fn articles_first_then_names_in_steps_and_topics_from_a_job_give_the_same_corpus() {
        let texts: Vec<(String, String)> = (0..6)
            .map(|n| {
                let subject = if n % 2 == 0 {
                    "The harbour master counted the fishing boats at dawn in Bergen"
                } else {
                    "Minister Anna Lindqvist met Carlos Mendoza in Geneva about the budget"
                };
                (
                    format!("{n}.txt"),
                    format!(
                        "Story {n}\n\nPublished March {day}, 2024\n\n{subject}, officials said on day {n}. {subject}.",
                        day = n + 1
                    ),
                )
            })
            .collect();
        let load = || {
            let mut corpus = Corpus::new();
            for (file, text) in &texts {
                corpus.add_file(file, text.as_bytes()).unwrap();
            }
            corpus
        };
        let mut whole = load();
        whole.finish();
        whole.build_topics(None, |_, _| {});
        assert!(!whole.entities().is_empty());

        let mut staged = load();
        staged.split_articles();
        // The list is there before the dates, the names, the index and the topics.
        assert_eq!(staged.documents().len(), whole.documents().len());
        assert!(!staged.articles_dated());
        assert!(staged
            .documents()
            .iter()
            .all(|d| d.published.value.is_none()));
        // Dated two articles at a time; the last step also finds the copies.
        let mut steps = 1;
        while !staged.date_step(2) {
            steps += 1;
        }
        assert_eq!(steps, 3);
        assert!(staged.articles_dated());
        assert!(!staged.names_ready());
        assert!(staged.entities().is_empty());
        assert!(staged.topics().topics.is_empty());
        let list = Query::default();
        assert_eq!(staged.query(&list).total, whole.query(&list).total);
        let stories = staged.topic_stories();
        let answer = crate::topics::run_job(stories.len(), |s| stories[s], None, |_, _| {});
        // The last two documents are named elsewhere; the first four here, two at a time.
        let from = staged.names_split_point(0.34);
        assert_eq!(from, 4);
        let names = crate::extract::entities::names_job(&staged.names_elsewhere(from));
        assert!(!staged.names_step(2));
        assert!(!staged.names_waiting());
        assert!(!staged.names_step(2));
        assert!(staged.names_waiting());
        assert!(!staged.names_step(2));
        assert!(staged.entities().is_empty());
        staged.names_from_job(&names).unwrap();
        assert!(staged.names_step(2));
        assert!(staged.names_ready());
        staged.set_topics_from_job(None, &answer).unwrap();
        staged.finish_index();
        assert_eq!(staged.documents(), whole.documents());
        assert_eq!(
            staged.documents()[5].published.value.as_deref(),
            Some("2024-03-06")
        );
        assert_eq!(staged.entities(), whole.entities());
        assert_eq!(staged.topics(), whole.topics());
        assert!(!staged.topics().topics.is_empty());
        let search = Query {
            text: "harbour".into(),
            ..Query::default()
        };
        assert_eq!(staged.query(&search), whole.query(&search));

        // Names found for other documents are refused, and found here instead.
        let mut again = load();
        again.finish_articles();
        again.names_elsewhere(5);
        assert!(again.names_from_job(&names).is_err());
        again.finish_names();
        assert_eq!(again.entities(), whole.entities());

        // An answer found for other stories is refused, and the topics stay as they were.
        let mut other = Corpus::new();
        other.add_file("x.txt", ARTICLE.as_bytes()).unwrap();
        other.finish();
        let before = other.topics().clone();
        assert!(other.set_topics_from_job(None, &answer).is_err());
        assert_eq!(other.topics(), &before);
    }

    #[test]
    fn a_snapshot_restores_the_same_corpus_and_refuses_other_bytes() {
        let mut corpus = Corpus::new();
        corpus.add_file("a.txt", ARTICLE.as_bytes()).unwrap();
        corpus
            .add_file(
                "b.txt",
                "Second story\n\nA different body sentence about the harbour and its boats."
                    .as_bytes(),
            )
            .unwrap();
        corpus.finish();
        corpus.build_topics(Some(2), |_, _| {});
        corpus.rename_topic(0, "Harbour");
        let restored =
            Corpus::from_snapshot(&corpus.snapshot()).expect("a snapshot of this engine");
        assert_eq!(restored.documents(), corpus.documents());
        assert_eq!(restored.files(), corpus.files());
        assert_eq!(restored.topics(), corpus.topics());
        assert_eq!(
            restored.query(&crate::Query::default()),
            corpus.query(&crate::Query::default())
        );
        assert!(Corpus::from_snapshot(b"not a snapshot").is_none());
        let mut rebuilt = Corpus::new();
        rebuilt.add_file("a.txt", ARTICLE.as_bytes()).unwrap();
        rebuilt
            .add_file(
                "b.txt",
                "Second story\n\nA different body sentence about the harbour and its boats."
                    .as_bytes(),
            )
            .unwrap();
        rebuilt.finish();
        rebuilt.apply_edits(&corpus.edits());
        rebuilt.build_topics(rebuilt.topic_count(), |_, _| {});
        assert_eq!(rebuilt.topics().topics[0].label, "Harbour");
    }

    #[test]
    fn loading_a_file_again_replaces_it() {
        let mut corpus = Corpus::new();
        corpus.add_file("a.txt", ARTICLE.as_bytes()).unwrap();
        corpus.add_file("a.txt", ARTICLE.as_bytes()).unwrap();
        corpus.finish();
        assert_eq!(corpus.documents().len(), 1);
        assert_eq!(corpus.files().len(), 1);
    }
}
