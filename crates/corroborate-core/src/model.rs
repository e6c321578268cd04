//! The one document model every stage shares.
//!
//! A [`Document`] owns its clean `text`, which is fixed once the clean stage has produced it. Everything the
//! later stages find (sentences, tokens, and later entities, numbers, dates, claims) is a *standoff* layer:
//! byte [`Span`]s over that text, added next to it, never written into it. This is the design of spaCy's `Doc`
//! and UIMA's CAS, and it is what lets every claim in the dossier point at its evidence by offset.
//!
//! Invariants (checked by `Document::check_spans` in tests):
//! - `text` never changes after cleaning;
//! - every span satisfies `start <= end <= text.len()` and lies on UTF-8 char boundaries of `text`;
//! - layers are sorted by `start`.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text under this span. `None` when the span does not fit `text` or cuts a character.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    /// Whether this span is a valid span over `text` (in range, on char boundaries).
    pub fn fits(&self, text: &str) -> bool {
        self.start <= self.end && self.slice(text).is_some()
    }
}

/// What a document is, as the dossier reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    #[default]
    Article,
    /// A social-media post, standing alone or embedded in another document.
    Post,
    /// A press release or official statement.
    Statement,
    Other,
}

/// Descriptive fields about a document that readers and the cleaner discover.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocMeta {
    /// The outlet or account. Filled from front matter, a record field, feed title, an embedded post's
    /// account, or else (by the pipeline) from the URL's host or the file stem.
    pub source: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// ISO 8601 date or date-time, as normalised by [`crate::ingest::dates::normalize_published`].
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub kind: Option<DocKind>,
    /// A language code the input declares (front matter, `<html lang>`, record field). Only a hint: the
    /// text stage detects the language itself and uses this to break ties.
    pub language_hint: Option<String>,
}

/// One token of the text layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

/// The standoff layers that the stages after cleaning add to a document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layers {
    /// Sentence spans, in order, not overlapping; whitespace between sentences is outside every span.
    pub sentences: Vec<Span>,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
}

/// A cleaned document with its layers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable within one run: `d1`, `d2`, … in input order; an embedded post of `d3` is `d3.p1`.
    pub id: String,
    pub source: String,
    pub kind: DocKind,
    pub parent: Option<String>,
    /// ISO 639-1 code, or `None` when the text is too short or unlike any language we know.
    pub language: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    /// The clean text all offsets refer to.
    pub text: String,
    /// Boilerplate strings dropped from the input (share/follow lines, link debris, cookie prompts).
    pub removed: Vec<String>,
    /// Where the document came from: a path, a URL, `-`, with a `#n` record suffix for multi-record inputs.
    pub origin: String,
    pub layers: Layers,
}

impl Document {
    /// Every span of every layer, for invariant checks.
    pub fn all_spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.layers
            .sentences
            .iter()
            .copied()
            .chain(self.layers.tokens.iter().map(|t| t.span))
    }

    /// The first span that breaks the model's invariants, if any.
    pub fn bad_span(&self) -> Option<Span> {
        self.all_spans().find(|s| !s.fits(&self.text))
    }

    pub fn sentence_texts(&self) -> impl Iterator<Item = &str> {
        self.layers
            .sentences
            .iter()
            .filter_map(|s| s.slice(&self.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_fits_only_on_char_boundaries() {
        let text = "Zürich";
        assert!(Span::new(0, 1).fits(text));
        assert!(!Span::new(0, 2).fits(text), "cuts the ü");
        assert!(Span::new(0, 3).fits(text));
        assert!(!Span::new(0, 99).fits(text));
    }
}
