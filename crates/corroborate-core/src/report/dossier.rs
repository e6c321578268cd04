//! The dossier: the product's contract with the programs that read its output (SPEC.md and
//! `dossier.schema.json`). Field names here are the contract's; serde renders them as they are.

use serde::Serialize;

use crate::ingest::IngestError;
use crate::model::{DocKind, Document, Span};
use crate::pipeline::Analysis;

pub const FORMAT: &str = "corroborate.dossier/1";

/// The whole dossier of one run.
#[derive(Debug, Serialize)]
pub struct Dossier {
    pub format: &'static str,
    /// Which engine and version produced this dossier.
    pub engine: Engine,
    pub documents: Vec<DocumentOut>,
    pub entities: Vec<serde_json::Value>,
    pub claims: Vec<serde_json::Value>,
    pub facts: Vec<serde_json::Value>,
    pub sources: Vec<SourceOut>,
    /// Inputs or records that were not analysed, and why.
    pub skipped: Vec<SkippedOut>,
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

#[derive(Debug, Serialize)]
pub struct SourceOut {
    pub name: String,
    pub documents: Vec<String>,
    pub voices: Vec<serde_json::Value>,
    pub loaded_terms: Vec<serde_json::Value>,
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

/// Builds the dossier of an analysis.
pub fn build_dossier(analysis: &Analysis) -> Dossier {
    Dossier {
        format: FORMAT,
        engine: Engine {
            name: "corroborate",
            version: env!("CARGO_PKG_VERSION"),
            analysis: "rules",
        },
        documents: analysis.documents.iter().map(DocumentOut::from).collect(),
        entities: Vec::new(),
        claims: Vec::new(),
        facts: Vec::new(),
        sources: sources(&analysis.documents),
        skipped: analysis.skipped.iter().map(SkippedOut::from).collect(),
    }
}

/// One entry per outlet or account, in order of first appearance.
fn sources(documents: &[Document]) -> Vec<SourceOut> {
    let mut out: Vec<SourceOut> = Vec::new();
    for d in documents {
        match out.iter_mut().find(|s| s.name == d.source) {
            Some(s) => s.documents.push(d.id.clone()),
            None => out.push(SourceOut {
                name: d.source.clone(),
                documents: vec![d.id.clone()],
                voices: Vec::new(),
                loaded_terms: Vec::new(),
            }),
        }
    }
    out
}
