//! Main text: the article body without navigation, share bars, footers and other page furniture.
//!
//! The heavy lifting is done by `trafilatura` (a port of go-trafilatura, which scores best among open extractors
//! on the article-extraction benchmark); this module only picks its options and normalises what it returns into
//! the shape the rest of the pipeline expects: paragraphs separated by one blank line, whitespace collapsed.

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
