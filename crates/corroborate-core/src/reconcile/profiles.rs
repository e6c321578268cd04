//! Outlet profiles for the dossier's `sources[]`: whose voices an outlet carries (and of which side), whom it
//! never quotes although other outlets do, and the loaded wording it uses in its own voice (narration and
//! headlines), counted from the `loaded_terms` tables.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::model::{ClaimMode, Document};

use super::facts::lexicon::{self, FactLexicon};
use super::facts::words::lower_words;
use super::facts::{ClaimInfo, Registry};

/// One speaker an outlet carries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Voice {
    /// The speaker as first written in the run (entity id when known); `null` is the outlet's own voice.
    pub speaker: Option<String>,
    /// Normalised speaker key (entity id or normalised name).
    pub key: Option<String>,
    pub side: Option<String>,
    pub claims: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermCount {
    pub term: String,
    pub count: usize,
}

/// How one outlet reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    pub name: String,
    pub documents: Vec<String>,
    pub voices: Vec<Voice>,
    /// Claims per side of the speakers it carries (speakers of no known side are not counted).
    pub sides: BTreeMap<String, usize>,
    /// Speakers at least two other outlets quote and this one never does.
    pub blindspots: Vec<String>,
    pub loaded_terms: Vec<TermCount>,
}

/// Profiles of every outlet, in order of first appearance.
pub fn profiles(docs: &[Document], claims: &[ClaimInfo], registry: &Registry) -> Vec<Profile> {
    let lex = lexicon::get();
    let mut order: Vec<&str> = Vec::new();
    let mut docs_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        docs_of
            .entry(d.source.as_str())
            .or_insert_with(|| {
                order.push(d.source.as_str());
                Vec::new()
            })
            .push(i);
    }
    // Speaker key → claim count, per outlet.
    let mut carried: HashMap<&str, BTreeMap<Option<&str>, usize>> = HashMap::new();
    for c in claims {
        let Some(doc) = docs.get(c.doc) else { continue };
        *carried
            .entry(doc.source.as_str())
            .or_default()
            .entry(c.speaker.as_deref())
            .or_default() += 1;
    }
    let mut outlets_per_speaker: BTreeMap<&str, usize> = BTreeMap::new();
    for speakers in carried.values() {
        for k in speakers.keys().flatten() {
            *outlets_per_speaker.entry(k).or_default() += 1;
        }
    }
    order
        .iter()
        .map(|&name| {
            let empty = BTreeMap::new();
            let mine = carried.get(name).unwrap_or(&empty);
            let mut voices: Vec<Voice> = mine
                .iter()
                .map(|(k, &n)| Voice {
                    speaker: k.map(|k| {
                        registry
                            .display
                            .get(k)
                            .cloned()
                            .unwrap_or_else(|| k.to_string())
                    }),
                    key: k.map(str::to_string),
                    side: k.and_then(|k| registry.side(k)).map(str::to_string),
                    claims: n,
                })
                .collect();
            voices.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.key.cmp(&b.key)));
            let mut sides: BTreeMap<String, usize> = BTreeMap::new();
            for v in &voices {
                if let Some(s) = &v.side {
                    *sides.entry(s.clone()).or_default() += v.claims;
                }
            }
            let blindspots = outlets_per_speaker
                .iter()
                .filter(|(k, n)| {
                    let others = **n - usize::from(mine.contains_key(&Some(**k)));
                    others >= 2 && !mine.contains_key(&Some(**k))
                })
                .map(|(k, _)| {
                    registry
                        .display
                        .get(*k)
                        .cloned()
                        .unwrap_or_else(|| k.to_string())
                })
                .collect();
            let doc_ids = docs_of.get(name).cloned().unwrap_or_default();
            Profile {
                name: name.to_string(),
                documents: doc_ids.iter().map(|&i| docs[i].id.clone()).collect(),
                voices,
                sides,
                blindspots,
                loaded_terms: loaded_terms(docs, &doc_ids, lex),
            }
        })
        .collect()
}

/// Loaded terms in an outlet's own voice: its headlines and narration claims.
fn loaded_terms(docs: &[Document], doc_ids: &[usize], lex: &FactLexicon) -> Vec<TermCount> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for &i in doc_ids {
        let doc = &docs[i];
        let own = doc.title.iter().map(String::as_str).chain(
            doc.layers
                .claims
                .iter()
                .filter(|c| c.mode == ClaimMode::Narration)
                .filter_map(|c| c.content.slice(&doc.text)),
        );
        for text in own {
            let words = lower_words(text);
            for (_, t) in lexicon::find_phrases(&words, &lex.loaded) {
                if let Some((_, term)) = lex.loaded.get(t) {
                    *counts.entry(term.clone()).or_default() += 1;
                }
            }
        }
    }
    let mut out: Vec<TermCount> = counts
        .into_iter()
        .map(|(term, count)| TermCount { term, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    out
}
