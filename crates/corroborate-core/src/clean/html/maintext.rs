//! Main text: the article body without navigation, share bars, footers and other page furniture.
//!
//! The heavy lifting is done by `trafilatura` (a port of go-trafilatura, which scores best among open extractors
//! on the article-extraction benchmark); this module only picks its options and normalises what it returns into
//! the shape the rest of the pipeline expects: paragraphs separated by one blank line, whitespace collapsed.

use std::collections::HashMap;

use trafilatura::dom::Document;

use super::dom::block_text;
use trafilatura::{ExtractionFocus, Options};

/// Extracts the main text from an already-parsed (and already de-embedded) document.
pub(crate) fn main_text(doc: Document) -> String {
    let opts = Options::default()
        .with_fallback(true)
        .with_focus(ExtractionFocus::Balanced);
    match trafilatura::extract_document(doc, &opts) {
        // `content_text` is flattened to one line; the cleaned HTML keeps the paragraph boundaries.
        Ok(r) => {
            let frag = scraper::Html::parse_fragment(&r.content_html);
            let text = block_text(frag.tree.root(), &|_| false);
            if text.is_empty() {
                normalize_paragraphs(&r.content_text)
            } else {
                text
            }
        }
        Err(_) => String::new(),
    }
}

/// The extractor's text keeps the right content but not always the page's own spacing: on short pages its
/// fallback path joins paragraphs ("…a statement.Second paragraph…", or with one space) and puts spaces before
/// punctuation after inline markup ("Tuesday , officials"). Each of its paragraphs that a run of consecutive page
/// paragraphs (`page_text`, flattened from the DOM) spells exactly, whitespace aside, is replaced by those page
/// paragraphs; any other paragraph is kept as the extractor gave it.
pub(crate) fn realign_paragraphs(text: &str, page_text: &str) -> String {
    let page_paras: Vec<&str> = page_text.split("\n\n").collect();
    let stripped: Vec<String> = page_paras.iter().map(|p| strip_ws(p)).collect();
    let mut by_prefix: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in stripped.iter().enumerate() {
        by_prefix.entry(prefix(s)).or_default().push(i);
    }
    let mut out: Vec<&str> = Vec::new();
    for para in text.split("\n\n") {
        let target = strip_ws(para);
        let found = by_prefix
            .get(prefix(&target))
            .into_iter()
            .flatten()
            .find_map(|&start| cover(&target, &stripped, start));
        match found {
            Some(range) => out.extend(&page_paras[range]),
            None => out.push(para),
        }
    }
    out.join("\n\n")
}

/// The first few characters of a whitespace-stripped paragraph, to find candidate page paragraphs fast.
fn prefix(s: &str) -> &str {
    let end = s.char_indices().nth(12).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

fn strip_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The range of consecutive `pieces`, from `start`, that concatenate to exactly `target`.
fn cover(target: &str, pieces: &[String], start: usize) -> Option<std::ops::Range<usize>> {
    let mut pos = 0;
    for (end, piece) in pieces.iter().enumerate().skip(start) {
        if piece.is_empty() || !target[pos..].starts_with(piece.as_str()) {
            return None;
        }
        pos += piece.len();
        if pos == target.len() {
            return Some(start..end + 1);
        }
    }
    None
}

/// Collapses runs of whitespace inside each paragraph and separates paragraphs by exactly one blank line.
pub(crate) fn normalize_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let para = collapse_ws(line);
        if para.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&para);
    }
    out
}

/// Collapses every run of whitespace (including non-breaking and zero-width spaces) to one space, trimmed.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}') {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}
