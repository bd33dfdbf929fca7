//! Saved web pages: an HTML document read as the text a person sees, one line per block.
//!
//! The page's `<title>` comes first, as a line of its own (as scrapers write it), then the
//! visible text of the body: every block element (paragraph, heading, list item, table cell,
//! `<div>`, `<br>`, ...) ends a line and lines are set apart by one blank line, so a page is one
//! block of text for [`super::segment`], never several articles by accident. What a browser does
//! not show is dropped: `<script>`, `<style>`, `<template>`, `<noscript>`, `<svg>`, the rest of
//! `<head>`, and any element marked `hidden`, `aria-hidden="true"` or `display: none`. Character
//! references are decoded; white space is collapsed except inside `<pre>`.
//!
//! The tokenizer is html5ever's, the one Servo uses: any bytes at all give some text, never a
//! panic. Then the text is cleaned like any other file.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, EndTag, StartTag, Tag, TagToken, Token, TokenSink,
    TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// Elements whose content is never shown.
const INVISIBLE: &[&str] = &[
    "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "canvas",
    "select", "datalist", "audio", "video", "map",
];

/// Elements that stand on lines of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Whether a file looks like an HTML document: by its name, or by how its text starts.
pub fn is_html(file: &str, text: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return true;
    }
    let start: String = text
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

#[derive(Default)]
struct State {
    /// The page title, once read.
    title: String,
    /// Inside `<title>`.
    in_title: bool,
    /// Lines of visible text so far.
    lines: Vec<String>,
    /// The line being written.
    current: String,
    /// The elements open inside the outermost invisible one, that one first.
    hidden: Vec<String>,
    /// How many `<pre>` are open.
    pre: usize,
}

impl State {
    /// Inside an `<svg>` (whose `<title>` is a tooltip, not the page's).
    fn in_svg(&self) -> bool {
        self.hidden.iter().any(|open| open == "svg")
    }

    fn end_line(&mut self) {
        let line = self.current.trim();
        if !line.is_empty() {
            self.lines.push(line.to_owned());
        }
        self.current.clear();
    }

    fn text(&mut self, text: &str) {
        if self.in_title {
            self.title.push_str(text);
            return;
        }
        if !self.hidden.is_empty() {
            return;
        }
        if self.pre > 0 {
            let mut parts = text.split('\n');
            if let Some(first) = parts.next() {
                self.current.push_str(first);
            }
            for part in parts {
                self.end_line();
                self.current.push_str(part);
            }
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        match tag.kind {
            StartTag => {
                if name == "title" && self.title.is_empty() && !self.in_svg() {
                    self.in_title = true;
                    return TokenSinkResult::RawData(RawKind::Rcdata);
                }
                if !self.hidden.is_empty() {
                    if !VOID.contains(&name) && !tag.self_closing {
                        self.hidden.push(name.to_owned());
                    }
                    return raw_kind(name);
                }
                let hidden = INVISIBLE.contains(&name) || is_hidden(tag);
                if BLOCKS.contains(&name) || hidden {
                    self.end_line();
                }
                if hidden && !VOID.contains(&name) && !tag.self_closing {
                    self.hidden.push(name.to_owned());
                }
                if name == "pre" {
                    self.pre += 1;
                }
                if matches!(name, "td" | "th") {
                    self.end_line();
                }
                raw_kind(name)
            }
            EndTag => {
                if self.in_title && name == "title" {
                    self.in_title = false;
                    return TokenSinkResult::Continue;
                }
                if let Some(open) = self.hidden.iter().rposition(|open| open == name) {
                    self.hidden.truncate(open);
                    return TokenSinkResult::Continue;
                }
                if !self.hidden.is_empty() {
                    return TokenSinkResult::Continue;
                }
                if name == "pre" {
                    self.pre = self.pre.saturating_sub(1);
                }
                if BLOCKS.contains(&name) {
                    self.end_line();
                }
                TokenSinkResult::Continue
            }
        }
    }
}

/// How the tokenizer must read what follows a start tag (the text of `<script>` is not markup).
fn raw_kind(name: &str) -> TokenSinkResult<()> {
    match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => TokenSinkResult::Continue,
    }
}

/// Marked as not shown: `hidden`, `aria-hidden="true"`, or an inline `display: none` or
/// `visibility: hidden`.
fn is_hidden(tag: &Tag) -> bool {
    tag.attrs.iter().any(|attr| {
        let name: &str = &attr.name.local;
        let value = attr.value.to_ascii_lowercase();
        match name {
            "hidden" => true,
            "aria-hidden" => value.trim() == "true",
            "style" => {
                let compact: String = value.chars().filter(|c| !c.is_whitespace()).collect();
                compact.contains("display:none") || compact.contains("visibility:hidden")
            }
            _ => false,
        }
    })
}

struct Sink(RefCell<State>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line_number: u64) -> TokenSinkResult<()> {
        let mut state = self.0.borrow_mut();
        match token {
            CharacterTokens(text) => {
                state.text(&text);
                TokenSinkResult::Continue
            }
            TagToken(tag) => state.tag(&tag),
            _ => TokenSinkResult::Continue,
        }
    }
}

/// The visible text of an HTML document: its title on the first line, then one line per block,
/// lines set apart by a blank line. Never panics.
pub fn visible_text(html: &str) -> String {
    let sink = Sink(RefCell::new(State::default()));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut state = tokenizer.sink.0.take();
    state.end_line();
    let title = state.title.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut lines = Vec::with_capacity(state.lines.len() + 1);
    if !title.is_empty() {
        lines.push(title);
    }
    lines.extend(state.lines);
    lines.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_only_one_line_per_block() {
        let html = r#"<!DOCTYPE html><html><head><title>Storm hits the coast | Daily Example</title>
            <style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
            <body><nav><ul><li><a href="/">Home</a></li><li>World</li></ul></nav>
            <h1>Storm hits the coast</h1><p>The storm reached the coast <b>overnight</b>,
            cutting power&nbsp;to thousands &amp; more.</p><div hidden>Secret</div>
            <p style="display: none">Also hidden</p><p>Line one<br>line two</p>
            <template><p>Never</p></template><noscript>Enable JavaScript</noscript></body></html>"#;
        assert_eq!(
            visible_text(html),
            "Storm hits the coast | Daily Example\n\nHome\n\nWorld\n\nStorm hits the coast\n\n\
             The storm reached the coast overnight, cutting power to thousands & more.\n\n\
             Line one\n\nline two"
        );
    }

    #[test]
    fn preformatted_text_keeps_its_lines_and_broken_markup_gives_text() {
        assert_eq!(visible_text("<pre>a  b\nc</pre>"), "a  b\n\nc");
        assert_eq!(
            visible_text("<p>unclosed <b>bold <div>next"),
            "unclosed bold\n\nnext"
        );
        assert_eq!(visible_text("<<>>&&;<"), "<<>>&&;<");
        assert_eq!(visible_text(""), "");
    }

    #[test]
    fn html_is_told_by_name_or_start() {
        assert!(is_html("page.HTM", "anything"));
        assert!(is_html("page.txt", "  <!DOCTYPE html><html>"));
        assert!(!is_html("notes.txt", "Plain text about <b>tags</b>"));
    }
}
