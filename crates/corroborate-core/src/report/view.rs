//! What the human-readable renderers show, worked out once from a dossier: facts in reading order (disputed,
//! corroborated, single-source), evidence for each claim, the who-said-what matrix and the timeline.

use std::collections::{BTreeMap, HashMap};

use crate::reconcile::facts::{DisputeType, Fact, Status};

use super::dossier::{ClaimOut, DocumentOut, Dossier};

/// One claim as evidence: the exact words, who said them, where.
#[derive(Debug, Clone)]
pub struct Evidence<'a> {
    pub claim: &'a ClaimOut,
    /// The evidence span's text in the document, exactly as written.
    pub quote: &'a str,
    pub speaker: String,
    pub outlet: &'a str,
    pub doc: &'a str,
    pub url: Option<&'a str>,
}

/// Quick lookups over a dossier.
pub struct View<'a> {
    pub dossier: &'a Dossier,
    claims: HashMap<&'a str, &'a ClaimOut>,
    docs: HashMap<&'a str, &'a DocumentOut>,
    speakers: HashMap<&'a str, &'a str>,
}

impl<'a> View<'a> {
    pub fn new(dossier: &'a Dossier) -> View<'a> {
        let mut speakers = HashMap::new();
        for v in dossier.sources.iter().flat_map(|s| &s.voices) {
            if let (Some(k), Some(d)) = (v.key.as_deref(), v.speaker.as_deref()) {
                speakers.entry(k).or_insert(d);
            }
        }
        View {
            dossier,
            claims: dossier.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
            docs: dossier
                .documents
                .iter()
                .map(|d| (d.id.as_str(), d))
                .collect(),
            speakers,
        }
    }

    /// The dossier's title ([`Dossier::title`]), else the first outlet.
    pub fn title(&self) -> String {
        self.dossier
            .title()
            .map(str::to_string)
            .or_else(|| self.dossier.documents.first().map(|d| d.source.clone()))
            .unwrap_or_else(|| "Empty dossier".to_string())
    }

    /// When the run holds more than one story, a sentence saying so (a reader needs to know facts are kept
    /// apart) and one plain-text line per story; else nothing.
    pub fn stories_note(&self) -> Option<(String, Vec<String>)> {
        let stories = &self.dossier.stories;
        if stories.len() < 2 {
            return None;
        }
        let intro = format!(
            "The inputs report {} different events; facts are reconciled within each story only.",
            stories.len()
        );
        let lines = stories
            .iter()
            .map(|s| {
                let facts = if s.facts.is_empty() {
                    "none".to_string()
                } else {
                    s.facts.join(", ")
                };
                format!(
                    "{} {} — documents {}; facts {}",
                    s.id,
                    s.title,
                    s.documents.join(", "),
                    facts
                )
            })
            .collect();
        Some((intro, lines))
    }

    /// Facts in reading order: disputed first, then corroborated, then single-source; by id within each.
    pub fn facts_in_order(&self) -> Vec<(Status, Vec<&'a Fact>)> {
        [Status::Disputed, Status::Corroborated, Status::SingleSource]
            .into_iter()
            .map(|s| {
                (
                    s,
                    self.dossier
                        .facts
                        .iter()
                        .filter(|f| f.status == s)
                        .collect(),
                )
            })
            .collect()
    }

    /// Who a claim's speaker is, for people: the speaker's name as first written, or the outlet for its own voice.
    pub fn speaker_of(&self, c: &ClaimOut) -> String {
        match c.speaker_key.as_deref() {
            Some(k) => self
                .speakers
                .get(k)
                .map_or_else(|| k.to_string(), |d| d.to_string()),
            None => match &c.speaker_text {
                Some(t) => t.clone(),
                None => format!(
                    "{} (own voice)",
                    self.docs
                        .get(c.doc.as_str())
                        .map_or("?", |d| d.source.as_str())
                ),
            },
        }
    }

    pub fn evidence(&self, claim_id: &str) -> Option<Evidence<'a>> {
        let claim = *self.claims.get(claim_id)?;
        let doc = *self.docs.get(claim.doc.as_str())?;
        Some(Evidence {
            claim,
            quote: doc.text.get(claim.start..claim.end).unwrap_or(""),
            speaker: self.speaker_of(claim),
            outlet: &doc.source,
            doc: &doc.id,
            url: doc.url.as_deref(),
        })
    }

    /// The dispute type of a claim against a fact, if it disputes it.
    pub fn dispute_type(&self, fact: &Fact, claim_id: &str) -> Option<(DisputeType, DisputeType)> {
        fact.disputes
            .iter()
            .find(|d| d.claim == claim_id)
            .map(|d| (d.kind, d.basis))
    }

    /// Speakers × facts: for each speaker (in first-appearance order) and fact, `+` when they support it,
    /// `−` when they dispute it, both when they do both.
    pub fn matrix(&self) -> (Vec<String>, Vec<&'a Fact>, Vec<Vec<String>>) {
        let mut rows: Vec<String> = Vec::new();
        let mut cells: BTreeMap<(usize, usize), (bool, bool)> = BTreeMap::new();
        let facts: Vec<&Fact> = self
            .facts_in_order()
            .into_iter()
            .flat_map(|(_, f)| f)
            .collect();
        for (fi, f) in facts.iter().enumerate() {
            let marks = f
                .supported_by
                .iter()
                .map(|c| (c, true))
                .chain(f.disputed_by.iter().map(|c| (c, false)));
            for (cid, supports) in marks {
                let Some(c) = self.claims.get(cid.as_str()) else {
                    continue;
                };
                let who = self.speaker_of(c);
                let r = match rows.iter().position(|r| r == &who) {
                    Some(r) => r,
                    None => {
                        rows.push(who);
                        rows.len() - 1
                    }
                };
                let cell = cells.entry((r, fi)).or_default();
                if supports {
                    cell.0 = true;
                } else {
                    cell.1 = true;
                }
            }
        }
        let grid = (0..rows.len())
            .map(|r| {
                (0..facts.len())
                    .map(|fi| match cells.get(&(r, fi)) {
                        Some((true, true)) => "+/−".to_string(),
                        Some((true, false)) => "+".to_string(),
                        Some((false, true)) => "−".to_string(),
                        _ => String::new(),
                    })
                    .collect()
            })
            .collect();
        (rows, facts, grid)
    }

    /// Dated claims in date order: (date, evidence).
    pub fn timeline(&self) -> Vec<(String, Evidence<'a>)> {
        let mut out: Vec<(String, usize, Evidence)> = Vec::new();
        for (n, c) in self.dossier.claims.iter().enumerate() {
            for d in &c.dates {
                if let (Some(v), Some(e)) = (&d.value, self.evidence(&c.id)) {
                    out.push((v.clone(), n, e));
                }
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        out.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        out.into_iter().map(|(d, _, e)| (d, e)).collect()
    }
}

/// Human names of statuses and dispute types.
pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Disputed => "Disputed facts",
        Status::Corroborated => "Corroborated facts",
        Status::SingleSource => "Single-source facts",
    }
}

pub fn dispute_name(t: DisputeType) -> &'static str {
    match t {
        DisputeType::Polarity => "denial",
        DisputeType::Numeric => "numbers cannot overlap",
        DisputeType::Date => "different date",
        DisputeType::Place => "different place",
        DisputeType::SameSide => "contradicted by own side",
    }
}
