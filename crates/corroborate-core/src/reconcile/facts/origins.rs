//! Who a claim comes from and which independent origin it traces back to.
//!
//! Independence rule (documented in the dossier's `origins`):
//! 1. a speaker who issued a statement in the run (a document of kind `statement` they published, or a press
//!    release an outlet quotes, `via`) is one origin for everything outlets report them saying;
//! 2. one direct quote of one speaker is one origin however many outlets carry it;
//! 3. anything else is the reporting of the outlet that carries it, and copies of a document (syndicated wire
//!    copy, near-duplicates) are one outlet: the first document of the copy group names the origin.
//!
//! So "the hospital said 14 were treated", reported by three outlets that each spoke to the hospital, has three
//! origins, while a ministry statement repeated by every outlet has one.

use std::collections::HashMap;

use crate::model::{ClaimMode, DocKind, Document};

use super::EntityIndex;
use super::copies::CopyGroups;
use super::lexicon::FactLexicon;
use super::speakers::{Acronyms, Registry, speaker_key};
use super::words::lower_words;

/// What the reconciler knows about one claim of the run.
#[derive(Debug, Clone)]
pub struct ClaimInfo {
    /// Index of the document in the run.
    pub doc: usize,
    /// Index of the claim in its document's claim layer.
    pub local: usize,
    /// Speaker key (entity id or normalised speaker); `None` for the outlet's own voice or an unknown "he".
    pub speaker: Option<String>,
    pub side: Option<String>,
    /// Key of the independent origin.
    pub origin: String,
    /// Name of the independent origin (an outlet or statement publisher).
    pub origin_name: String,
}

/// Builds the claim table of a run: speakers, sides, origins. Claims are in run order (`c1`, `c2`, …).
pub fn claim_infos(
    docs: &[Document],
    entities: &EntityIndex,
    copies: &CopyGroups,
    lex: &FactLexicon,
) -> (Vec<ClaimInfo>, Registry) {
    let acronyms = Acronyms::from_texts(docs.iter().map(|d| d.text.as_str()));
    let mut registry = Registry::default();
    let mut keys: Vec<(usize, usize, Option<String>)> = Vec::new();
    for (di, doc) in docs.iter().enumerate() {
        let statement_key = (doc.kind == DocKind::Statement)
            .then(|| speaker_key(&doc.source, &acronyms, lex))
            .flatten();
        if let Some(k) = &statement_key {
            registry.note(k, &doc.source, lex);
        }
        for (ci, c) in doc.layers.claims.iter().enumerate() {
            let from_entity = c.speaker_mention.and_then(|m| {
                let target = doc
                    .layers
                    .mentions
                    .get(m)
                    .and_then(|x| x.refers_to)
                    .unwrap_or(m);
                entities
                    .get(&(doc.id.clone(), target))
                    .or_else(|| entities.get(&(doc.id.clone(), m)))
                    .cloned()
            });
            let written = c.speaker_span.and_then(|s| s.slice(&doc.text));
            let key = match (from_entity, written) {
                (Some(id), w) => {
                    if let Some(w) = w {
                        registry.note(&id, w, lex);
                    }
                    Some(id)
                }
                (None, Some(w)) => {
                    let k = speaker_key(w, &acronyms, lex);
                    if let Some(k) = &k {
                        registry.note(k, w, lex);
                    }
                    k
                }
                // The outlet's own voice in a statement is the statement's publisher speaking.
                (None, None) => statement_key.clone(),
            };
            keys.push((di, ci, key));
        }
    }
    // Speakers with a statement of their own in the run.
    let mut statements: HashMap<String, String> = HashMap::new();
    for doc in docs.iter().filter(|d| d.kind == DocKind::Statement) {
        if let Some(k) = speaker_key(&doc.source, &acronyms, lex) {
            statements.entry(k).or_insert_with(|| doc.source.clone());
        }
    }
    for &(di, ci, ref key) in &keys {
        let c = &docs[di].layers.claims[ci];
        if let Some(k) = key
            && (c.via_mention.is_some() || c.via_text.is_some())
        {
            statements
                .entry(k.clone())
                .or_insert_with(|| group_source(docs, copies, di));
        }
    }
    let mut origin_names: HashMap<String, String> = HashMap::new();
    let infos = keys
        .into_iter()
        .map(|(di, ci, speaker)| {
            let doc = &docs[di];
            let c = &doc.layers.claims[ci];
            let (origin, default_name) = match &speaker {
                Some(k) if statements.contains_key(k) => (
                    format!("statement:{k}"),
                    statements.get(k).cloned().unwrap_or_default(),
                ),
                Some(k) if c.mode == ClaimMode::Direct => {
                    let quote = c
                        .content
                        .slice(&doc.text)
                        .map(lower_words)
                        .unwrap_or_default()
                        .join(" ");
                    (format!("quote:{k}:{quote}"), group_source(docs, copies, di))
                }
                _ => (
                    format!(
                        "doc:{}",
                        copies
                            .get(&doc.id)
                            .map_or(doc.id.as_str(), |r| r.id.as_str())
                    ),
                    group_source(docs, copies, di),
                ),
            };
            let origin_name = origin_names
                .entry(origin.clone())
                .or_insert(default_name)
                .clone();
            let side = speaker
                .as_deref()
                .and_then(|k| registry.side(k))
                .map(str::to_string);
            ClaimInfo {
                doc: di,
                local: ci,
                speaker,
                side,
                origin,
                origin_name,
            }
        })
        .collect();
    (infos, registry)
}

/// The outlet that names a document's copy group: the source of its first document.
fn group_source(docs: &[Document], copies: &CopyGroups, di: usize) -> String {
    let doc = &docs[di];
    copies
        .get(&doc.id)
        .map_or_else(|| doc.source.clone(), |rep| rep.source.clone())
}
