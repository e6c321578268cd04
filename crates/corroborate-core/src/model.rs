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
    /// Cardinal numbers as intervals (extract stage).
    pub quantities: Vec<QuantityMention>,
    /// Dates, resolved where the document allows (extract stage).
    pub dates: Vec<DateMention>,
    /// Mentions of people, organisations, places… (extract stage); canonical entities are made across
    /// documents by the reconcile stage.
    pub mentions: Vec<EntityMention>,
    /// Who puts forward what (extract stage).
    pub claims: Vec<ClaimMention>,
}

/// A cardinal number as an interval. Conventions (SPEC.md): "some five hundred" → value 500, approximate;
/// "more than 2,000" → min 2001, max None; "at least 40" → min 40; "dozens" → min 24, max None, approximate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityMention {
    /// The whole expression, qualifiers included ("more than 600").
    pub span: Span,
    /// Point estimate, when the text gives one.
    pub value: Option<f64>,
    /// Inclusive lower bound, `None` when open.
    pub min: Option<f64>,
    /// Inclusive upper bound, `None` when open.
    pub max: Option<f64>,
    pub approximate: bool,
    /// What is counted, normalised ("police officers", "people injured"), when it can be told.
    pub counts: Option<String>,
    /// Where the counted thing is written.
    pub counts_span: Option<Span>,
}

/// How a date expression was resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateAnchor {
    /// The expression is a full date by itself.
    Absolute,
    /// Relative to the document's own `published` date.
    Published,
    /// Relative to another dated piece of evidence of the same story (named in `DateMention::anchor_note`).
    Story,
}

/// A date expression ("on Tuesday", "20 June 2023", "last week").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub span: Span,
    /// ISO date (`2023-06-20`), or `None` when it cannot be resolved without inventing.
    pub value: Option<String>,
    /// For ranges ("last week", "20-22 June"), the last day, inclusive.
    pub end: Option<String>,
    pub anchor: Option<DateAnchor>,
    /// Which evidence anchored a relative date (e.g. "published 2023-06-21", "post d2.p1 of 2023-06-20").
    pub anchor_note: Option<String>,
}

/// Kinds of entities (SPEC.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    /// Camps, hospitals, buildings, bases.
    Facility,
    /// Groups of people that are not organisations ("residents", "protesters" as a named group, ethnic groups).
    Group,
    Other,
}

/// One mention of an entity in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    /// The name as written (or the pronoun / role noun for references like "the minister").
    pub span: Span,
    pub kind: EntityKind,
    /// Titles and affiliations stated with this mention ("Interior Minister", "the country's police chief").
    pub roles: Vec<String>,
    /// For a reference that is not a name ("he", "the minister", "the group"), the index in `mentions` of the
    /// named mention it refers to, when resolved.
    pub refers_to: Option<usize>,
    /// An acronym this mention defines in parentheses ("Movement for Land and Dignity (MLD)").
    pub acronym: Option<String>,
}

/// How a claim is put forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimMode {
    /// Quoted words.
    Direct,
    /// Reported speech ("X said that ...", "according to X").
    Indirect,
    /// The outlet's own voice.
    Narration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Affirms,
    Denies,
}

/// The stance class of a reporting cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// say, state, tell
    Neutral,
    /// claim, insist, assert
    Assertive,
    /// admit, acknowledge, concede
    Concessive,
    /// deny, reject, dismiss
    Negative,
    /// condemn, praise, accuse, describe as
    Evaluative,
    /// call for, demand, urge
    Directive,
}

/// One proposition that somebody (or the outlet itself) puts forward, within one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimMention {
    /// The evidence: the sentence(s) or quote block the claim is read from.
    pub span: Span,
    /// The proposition's own span (the quote without marks, the reported clause, the sentence).
    pub content: Span,
    /// The proposition, kept positive where the wording allows ("anyone was harmed" for a denial of it).
    pub text: String,
    /// The speaker as written ("the regional police chief, Ana Ruiz"), `None` for the outlet's own voice.
    pub speaker_span: Option<Span>,
    /// Index in `Layers::mentions` of the mention the speaker resolves to.
    pub speaker_mention: Option<usize>,
    /// Other speakers of a joint claim ("X and Y condemned ...").
    pub co_speaker_mentions: Vec<usize>,
    /// An intermediary: the press release or statement an outlet quotes (index in `mentions`, or as written).
    pub via_mention: Option<usize>,
    pub via_text: Option<String>,
    /// Lemma of the reporting word ("say", "deny", "according to"); `None` for narration.
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    pub stance: Option<Stance>,
    pub mode: ClaimMode,
    pub polarity: Polarity,
    /// allegedly, reportedly, "is said to", conditional mood.
    pub hedged: bool,
    /// The hedge phrase in the evidence ("reportedly", "appeared to"), when a phrase rather than the cue
    /// ("claims") or an indirect question made the claim hedged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hedge_span: Option<Span>,
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
    /// A stand-alone article with no metadata beyond its source and language, and no layers yet: what tests,
    /// evaluations and benchmarks build from a bare text before running the stages they measure.
    pub fn from_text(id: &str, source: &str, text: &str, language: &str) -> Self {
        Document {
            id: id.to_string(),
            source: source.to_string(),
            kind: DocKind::Article,
            parent: None,
            language: Some(language.to_string()),
            title: None,
            url: None,
            published: None,
            authors: Vec::new(),
            text: text.to_string(),
            removed: Vec::new(),
            origin: String::new(),
            layers: Layers::default(),
        }
    }

    /// Every span of every layer, for invariant checks.
    pub fn all_spans(&self) -> impl Iterator<Item = Span> + '_ {
        let l = &self.layers;
        l.sentences
            .iter()
            .copied()
            .chain(l.tokens.iter().map(|t| t.span))
            .chain(
                l.quantities
                    .iter()
                    .flat_map(|q| std::iter::once(q.span).chain(q.counts_span)),
            )
            .chain(l.dates.iter().map(|d| d.span))
            .chain(l.mentions.iter().map(|m| m.span))
            .chain(l.claims.iter().flat_map(|c| {
                [Some(c.span), Some(c.content), c.speaker_span, c.cue_span]
                    .into_iter()
                    .flatten()
            }))
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
