//! The dossier: the product's contract with the programs that read its output (SPEC.md and
//! `dossier.schema.json`). Field names here are the contract's; serde renders them as they are.

use std::collections::HashMap;

use serde::Serialize;

use crate::ingest::IngestError;
use crate::model::{
    ClaimMention, ClaimMode, DateAnchor, DocKind, Document, EntityKind, Polarity, QuantityMention,
    Span, Stance,
};
use crate::pipeline::Analysis;
use crate::reconcile::duplicates::duplicate_groups;
use crate::reconcile::entities::canonical_entities;
use crate::reconcile::facts::{self, Fact, GroupsFn};
use crate::reconcile::profiles::{self, Profile};
use crate::reconcile::stories::group_stories;

pub const FORMAT: &str = "corroborate.dossier/1";

/// The whole dossier of one run.
#[derive(Debug, Serialize)]
pub struct Dossier {
    pub format: &'static str,
    /// Which engine and version produced this dossier.
    pub engine: Engine,
    /// The documents grouped by the event they report; facts never cross stories.
    pub stories: Vec<StoryOut>,
    pub documents: Vec<DocumentOut>,
    pub entities: Vec<EntityOut>,
    pub claims: Vec<ClaimOut>,
    pub facts: Vec<Fact>,
    pub sources: Vec<Profile>,
    /// Inputs or records that were not analysed, and why.
    pub skipped: Vec<SkippedOut>,
}

impl Dossier {
    /// The dossier's title: the title of its largest story (the first of equals), which the story grouping
    /// takes from the story's most central report; `None` for an empty dossier.
    pub fn title(&self) -> Option<&str> {
        self.stories
            .iter()
            .rev()
            .max_by_key(|s| s.documents.len())
            .map(|s| s.title.as_str())
            .filter(|t| !t.is_empty())
    }
}

/// One story of the run: the documents reporting one event (embedded posts with their report).
#[derive(Debug, Serialize)]
pub struct StoryOut {
    pub id: String,
    /// The title of the story's most central report (not simply the first one, which may be a partisan one).
    pub title: String,
    pub documents: Vec<String>,
    /// Ids of the facts reconciled within this story.
    pub facts: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Engine {
    pub name: &'static str,
    pub version: &'static str,
    /// The analysis engine: `rules` is the built-in, model-free default.
    pub analysis: &'static str,
}

/// A document as the dossier shows it.
#[derive(Debug, Serialize)]
pub struct DocumentOut {
    pub id: String,
    pub source: String,
    pub kind: DocKind,
    pub parent: Option<String>,
    pub language: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub text: String,
    pub removed: Vec<String>,
    /// The input it was read from (path, URL, `-`, with `#N` for a record).
    pub origin: String,
    /// Sentence spans over `text`.
    pub sentences: Vec<Span>,
}

/// A claim as the dossier shows it (SPEC `claims[]`), with a few fields added for readers who want more.
#[derive(Debug, Serialize)]
pub struct ClaimOut {
    pub id: String,
    pub doc: String,
    /// The evidence span.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Entity id of the speaker; `None` for the outlet's own voice, or when the speaker is not a known entity
    /// (then `speaker_text` still says who).
    pub speaker: Option<String>,
    pub speaker_text: Option<String>,
    pub via: Option<String>,
    /// The intermediary as written ("a press release"), when there is one.
    pub via_text: Option<String>,
    pub cue: Option<String>,
    pub stance: Option<Stance>,
    pub mode: ClaimMode,
    pub polarity: Polarity,
    pub hedged: bool,
    pub quantities: Vec<QuantityOut>,
    pub dates: Vec<DateOut>,
    /// The proposition's own span inside the evidence.
    pub content_start: usize,
    pub content_end: usize,
    /// The speaker as the reconciler keys it across documents (entity id, or a normalised name such as
    /// `reinholt`, `mld`, `hospital`); null for the outlet's own voice.
    pub speaker_key: Option<String>,
    /// The independent origin this claim counts towards (see `reconcile::facts::origins`).
    pub origin: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct QuantityOut {
    pub text: String,
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub approximate: bool,
    pub counts: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DateOut {
    pub text: String,
    pub value: Option<String>,
    /// Last day of a range ("last week"), inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// What a relative date was resolved against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<DateAnchor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor_note: Option<String>,
}

/// Maps a mention (document id, mention index) to the id of the canonical entity it belongs to.
pub type EntityIndex = facts::EntityIndex;

/// A canonical entity as the dossier shows it (SPEC `entities[]`).
#[derive(Debug, Serialize)]
pub struct EntityOut {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: Vec<MentionOut>,
}

#[derive(Debug, Serialize)]
pub struct MentionOut {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// The entities of the run, and the index from each document's mentions to them.
pub fn entities_out(documents: &[Document]) -> (Vec<EntityOut>, EntityIndex) {
    let entities = canonical_entities(documents);
    let mut by_span: HashMap<(&str, Span), &str> = HashMap::new();
    for e in &entities {
        for (doc, span) in &e.mentions {
            by_span.insert((doc.as_str(), *span), e.id.as_str());
        }
    }
    let mut index = EntityIndex::new();
    for doc in documents {
        for (i, m) in doc.layers.mentions.iter().enumerate() {
            if let Some(id) = by_span.get(&(doc.id.as_str(), m.span)) {
                index.insert((doc.id.clone(), i), (*id).to_string());
            }
        }
    }
    let out = entities
        .into_iter()
        .map(|e| EntityOut {
            id: e.id,
            kind: e.kind,
            name: e.name,
            aliases: e.aliases,
            roles: e.roles,
            mentions: e
                .mentions
                .into_iter()
                .map(|(doc, span)| MentionOut {
                    doc,
                    start: span.start,
                    end: span.end,
                })
                .collect(),
        })
        .collect();
    (out, index)
}

fn slice(text: &str, span: Span) -> String {
    span.slice(text).unwrap_or_default().to_string()
}

fn quantity_out(text: &str, q: &QuantityMention) -> QuantityOut {
    QuantityOut {
        text: slice(text, q.span),
        value: q.value,
        min: q.min,
        max: q.max,
        approximate: q.approximate,
        counts: q.counts.clone(),
    }
}

/// The claims of every document, numbered `c1`, `c2`, … in document order. A claim carries the quantities and
/// dates written inside its proposition.
pub fn claims_out(documents: &[Document], entities: &EntityIndex) -> Vec<ClaimOut> {
    let mut out = Vec::new();
    for doc in documents {
        let l = &doc.layers;
        let entity_of = |mention: Option<usize>| -> Option<String> {
            let i = mention?;
            // A pronoun or role noun stands for the named mention it refers to.
            let target = l.mentions.get(i).and_then(|m| m.refers_to).unwrap_or(i);
            entities
                .get(&(doc.id.clone(), target))
                .or_else(|| entities.get(&(doc.id.clone(), i)))
                .cloned()
        };
        for c in &l.claims {
            let within = |s: Span| s.start >= c.content.start && s.end <= c.content.end;
            out.push(ClaimOut {
                id: format!("c{}", out.len() + 1),
                doc: doc.id.clone(),
                start: c.span.start,
                end: c.span.end,
                text: c.text.clone(),
                speaker: entity_of(c.speaker_mention),
                speaker_text: c.speaker_span.map(|s| slice(&doc.text, s)),
                via: entity_of(c.via_mention),
                via_text: c.via_text.clone(),
                cue: c.cue.clone(),
                stance: c.stance,
                mode: c.mode,
                polarity: c.polarity,
                hedged: c.hedged,
                quantities: l
                    .quantities
                    .iter()
                    .filter(|q| within(q.span))
                    .map(|q| quantity_out(&doc.text, q))
                    .collect(),
                dates: l
                    .dates
                    .iter()
                    .filter(|d| within(d.span))
                    .map(|d| date_out(&doc.text, d))
                    .collect(),
                content_start: c.content.start,
                content_end: c.content.end,
                speaker_key: None,
                origin: None,
            });
        }
    }
    out
}

fn date_out(text: &str, d: &crate::model::DateMention) -> DateOut {
    DateOut {
        text: slice(text, d.span),
        value: d.value.clone(),
        end: d.end.clone(),
        anchor: d.anchor.clone(),
        anchor_note: d.anchor_note.clone(),
    }
}

/// Claims a speaker (entity or, failing that, the speaker as written) makes in one claim, for profiles.
pub fn speaker_key(c: &ClaimMention, doc: &Document) -> Option<String> {
    c.speaker_span.map(|s| slice(&doc.text, s))
}

#[derive(Debug, Serialize)]
pub struct SkippedOut {
    pub input: String,
    pub reason: String,
}

impl From<&IngestError> for SkippedOut {
    fn from(e: &IngestError) -> Self {
        SkippedOut {
            input: e.input.clone(),
            reason: e.reason.to_string(),
        }
    }
}

impl From<&Document> for DocumentOut {
    fn from(d: &Document) -> Self {
        DocumentOut {
            id: d.id.clone(),
            source: d.source.clone(),
            kind: d.kind,
            parent: d.parent.clone(),
            language: d.language.clone(),
            title: d.title.clone(),
            url: d.url.clone(),
            published: d.published.clone(),
            authors: d.authors.clone(),
            text: d.text.clone(),
            removed: d.removed.clone(),
            origin: d.origin.clone(),
            sentences: d.layers.sentences.clone(),
        }
    }
}

/// Builds the dossier of an analysis: claims, then the facts reconciled from them (copies found by the
/// stand-in shingle check until the story module's MinHash groups are merged) and the outlet profiles.
pub fn build_dossier(analysis: &Analysis) -> Dossier {
    let (entities, entity_index) = entities_out(&analysis.documents);
    let stories = group_stories(&analysis.documents);
    let reconciled = facts::reconcile_stories(
        &analysis.documents,
        &stories,
        &entity_index,
        &GroupsFn(duplicate_groups),
    );
    let stories = stories
        .into_iter()
        .map(|s| StoryOut {
            facts: reconciled
                .facts
                .iter()
                .filter(|f| f.story == s.id)
                .map(|f| f.id.clone())
                .collect(),
            id: s.id,
            title: s.title,
            documents: s.documents,
        })
        .collect();
    let mut claims = claims_out(&analysis.documents, &entity_index);
    for (c, info) in claims.iter_mut().zip(&reconciled.claims) {
        c.speaker_key = info.speaker.clone();
        c.origin = Some(info.origin_name.clone());
    }
    Dossier {
        format: FORMAT,
        engine: Engine {
            name: "corroborate",
            version: env!("CARGO_PKG_VERSION"),
            analysis: "rules",
        },
        stories,
        documents: analysis.documents.iter().map(DocumentOut::from).collect(),
        entities,
        claims,
        sources: profiles::profiles(
            &analysis.documents,
            &reconciled.claims,
            &reconciled.speakers,
        ),
        facts: reconciled.facts,
        skipped: analysis.skipped.iter().map(SkippedOut::from).collect(),
    }
}
