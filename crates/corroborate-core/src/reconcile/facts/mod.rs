//! Facts: the claims of a run aligned into propositions, with typed disputes and independent sources.
//!
//! ```text
//! claims ─► props (predicate, participants, count, date, place, polarity)  ─► align (groups by predicate)
//!        ─► origins (speaker keys, sides, copy groups, independent origins) ─► disputes (typed) ─► facts
//! ```
//! A fact is `disputed` when any claim disputes it, `corroborated` when at least two independent origins
//! support it, else `single_source`. Ids (`f1`, …) follow the first supporting claim, so they are the same on
//! every run of the same inputs.

pub mod align;
pub mod copies;
pub mod disputes;
pub mod interval;
pub mod lexicon;
pub mod origins;
pub mod props;
pub mod speakers;
pub mod statement;
pub mod words;

#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::model::Document;
use crate::reconcile::stories::Story;
pub use copies::{CopyDetector, GroupsFn, ShingleCopies};
pub use disputes::DisputeType;
pub use origins::ClaimInfo;
pub use speakers::Registry;

/// Maps a mention (document id, mention index) to the id of its canonical entity (the dossier's index).
pub type EntityIndex = HashMap<(String, usize), String>;

/// How well a fact stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Disputed,
    Corroborated,
    SingleSource,
}

/// A claim that disputes a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dispute {
    pub claim: String,
    #[serde(rename = "type")]
    pub kind: DisputeType,
    /// For `same_side`, the disagreement underneath (`polarity`, `numeric`, …); else the type itself.
    pub basis: DisputeType,
    /// The fact the disputing claim supports instead.
    pub with: String,
}

/// A later claim that raises this fact's toll: an update, not a dispute.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UpdateOut {
    pub claim: String,
    /// The fact with the later figure.
    pub with: String,
}

/// One independent origin of a fact and the claims that trace back to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Origin {
    pub name: String,
    pub claims: Vec<String>,
}

/// A count as the fact states it: the bounds all supporting claims allow together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountOut {
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// A fact (SPEC `facts[]`, with fields added).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub id: String,
    /// The story (same event) the fact belongs to, as `reconcile::stories` numbers them (`s1`, …).
    pub story: String,
    pub statement: String,
    pub status: Status,
    pub supported_by: Vec<String>,
    pub disputed_by: Vec<String>,
    /// Names of the independent origins that support it.
    pub sources: Vec<String>,
    /// Event predicate (`killed`, `deployed`, `used_water_cannon`, …).
    pub predicate: String,
    /// `affirms` for a fact that something happened, `denies` for a fact that it did not.
    pub polarity: crate::model::Polarity,
    /// Participant class: `people`, `police`, or `any`.
    pub participants: String,
    pub count: Option<CountOut>,
    pub date: Option<String>,
    pub place: Option<String>,
    pub disputes: Vec<Dispute>,
    pub updates: Vec<UpdateOut>,
    pub origins: Vec<Origin>,
    /// Speakers (entity ids or normalised names) of the supporting claims; `null` entries are outlets' voices.
    pub speakers: Vec<Option<String>>,
}

/// What reconciliation produced: the facts, and per-claim speaker and origin data for profiles and renderers.
#[derive(Debug, Default)]
pub struct Reconciled {
    pub facts: Vec<Fact>,
    pub claims: Vec<ClaimInfo>,
    pub speakers: Registry,
}

/// The claim id the dossier gives the `n`-th claim of the run (0-based).
pub fn claim_id(n: usize) -> String {
    format!("c{}", n + 1)
}

/// Reconciles the claims of `docs`, all taken as reports of one story, into facts.
pub fn reconcile(
    docs: &[Document],
    entities: &EntityIndex,
    copies: &dyn CopyDetector,
) -> Reconciled {
    let one = Story {
        id: "s1".to_string(),
        documents: docs.iter().map(|d| d.id.clone()).collect(),
        title: String::new(),
    };
    reconcile_stories(docs, std::slice::from_ref(&one), entities, copies)
}

/// Reconciles the claims of `docs` into facts story by story: claims of different stories never align into one
/// fact nor dispute each other. Claim ids stay those of the whole run. Copies and independent origins are found
/// over the whole run (a wire text reused in two stories is still one origin). A document in no story is a story
/// of its own.
pub fn reconcile_stories(
    docs: &[Document],
    stories: &[Story],
    entities: &EntityIndex,
    copies: &dyn CopyDetector,
) -> Reconciled {
    let lex = lexicon::get();
    let story_at: HashMap<&str, usize> = stories
        .iter()
        .enumerate()
        .flat_map(|(s, story)| story.documents.iter().map(move |d| (d.as_str(), s)))
        .collect();
    let story_of_doc: Vec<usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            story_at
                .get(d.id.as_str())
                .copied()
                .unwrap_or(stories.len() + i)
        })
        .collect();
    let story_name = |s: usize| {
        stories
            .get(s)
            .map_or_else(|| format!("s{}", s + 1), |story| story.id.clone())
    };
    let groups_of_copies = copies.copy_groups(docs);
    let (infos, registry) = origins::claim_infos(docs, entities, &groups_of_copies, lex);
    let mut props = Vec::new();
    for (n, info) in infos.iter().enumerate() {
        let doc = &docs[info.doc];
        if let Some(c) = doc.layers.claims.get(info.local) {
            let story = story_of_doc.get(info.doc).copied().unwrap_or_default();
            props.extend(
                props::props_of(doc, c, n, lex)
                    .into_iter()
                    .map(|p| props::Prop { story, ..p }),
            );
        }
    }
    let groups = align::group(&props);
    let published =
        |claim: usize| -> Option<&str> { docs.get(infos.get(claim)?.doc)?.published.as_deref() };
    let lower: Vec<String> = docs.iter().map(|d| d.text.to_lowercase()).collect();
    let texts = |claim: usize| -> Option<(usize, &str)> {
        let doc = infos.get(claim)?.doc;
        Some((doc, lower.get(doc)?.as_str()))
    };
    let (against, updates) = disputes::find(&groups, &props, &infos, &published, &texts, lex);
    let fact_id = |g: usize| format!("f{}", g + 1);
    let mut facts: Vec<Fact> = groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let mut origins: Vec<Origin> = Vec::new();
            let mut speakers: Vec<Option<String>> = Vec::new();
            let mut supported_by = Vec::new();
            let mut last_claim = None;
            let mut origin_at: HashMap<&str, usize> = HashMap::new();
            let mut seen_speakers: HashSet<Option<&str>> = HashSet::new();
            for &m in &g.members {
                let claim = props[m].claim;
                // Members are in claim order, so a claim's repeats are adjacent.
                if last_claim == Some(claim) {
                    continue;
                }
                last_claim = Some(claim);
                let id = claim_id(claim);
                supported_by.push(id.clone());
                if let Some(info) = infos.get(claim) {
                    match origin_at.get(info.origin_name.as_str()) {
                        Some(&i) => origins[i].claims.push(id),
                        None => {
                            origin_at.insert(info.origin_name.as_str(), origins.len());
                            origins.push(Origin {
                                name: info.origin_name.clone(),
                                claims: vec![id],
                            });
                        }
                    }
                    if seen_speakers.insert(info.speaker.as_deref()) {
                        speakers.push(info.speaker.clone());
                    }
                }
            }
            Fact {
                id: fact_id(gi),
                story: story_name(g.story),
                statement: statement::statement(g, &props, lex),
                status: Status::SingleSource,
                supported_by,
                disputed_by: Vec::new(),
                sources: origins.iter().map(|o| o.name.clone()).collect(),
                predicate: g.predicate.clone(),
                polarity: if g.negative {
                    crate::model::Polarity::Denies
                } else {
                    crate::model::Polarity::Affirms
                },
                participants: g.patient.clone(),
                count: g.count.map(|c| CountOut {
                    min: c.min,
                    max: c.max,
                }),
                date: g.date.as_ref().map(|d| d.first.clone()),
                place: g.place.clone(),
                disputes: Vec::new(),
                updates: Vec::new(),
                origins,
                speakers,
            }
        })
        .collect();
    let supporters: Vec<HashSet<usize>> = groups
        .iter()
        .map(|g| g.members.iter().map(|&m| props[m].claim).collect())
        .collect();
    for a in against {
        let Some(f) = facts.get_mut(a.group) else {
            continue;
        };
        // A claim that supports the fact does not also dispute it (a claim stating both sides).
        if supporters
            .get(a.group)
            .is_some_and(|s| s.contains(&a.claim))
        {
            continue;
        }
        // `against` is sorted by (group, claim) and deduplicated, so each claim comes once per fact.
        let claim = claim_id(a.claim);
        f.disputed_by.push(claim.clone());
        f.disputes.push(Dispute {
            claim,
            kind: a.kind,
            basis: a.basis,
            with: fact_id(a.with),
        });
    }
    for u in updates {
        if let Some(f) = facts.get_mut(u.group) {
            f.updates.push(UpdateOut {
                claim: claim_id(u.claim),
                with: fact_id(u.with),
            });
        }
    }
    for f in &mut facts {
        f.status = if !f.disputed_by.is_empty() {
            Status::Disputed
        } else if f.origins.len() >= 2 {
            Status::Corroborated
        } else {
            Status::SingleSource
        };
    }
    Reconciled {
        facts,
        claims: infos,
        speakers: registry,
    }
}
