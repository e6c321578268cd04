//! Canonical entities across the documents of a run: every mention of one person, organisation or place,
//! in any document and any language, gathered under one entity with its names, roles and mentions.
//!
//! Mentions are joined (union-find) when:
//! - the extract stage linked them within a document (`refers_to`: surnames, acronyms, pronouns, role nouns);
//! - they are the same name once normalised (case, diacritics, "the", "Ministry of the Interior" = "Interior
//!   Ministry") and of a compatible kind — except places and facilities located in different places ("Camp
//!   Hope near Athens" is not "Camp Hope in Kenya");
//! - they define or use the same acronym ("Movement for Land and Dignity (MLD)" and "Bewegung für Land und
//!   Würde (MLD)"), which is how translations meet;
//! - a lone surname matches exactly one person named in full elsewhere.
//!
//! Names never join across kinds, so "Smith" the leader and the "Smith Party" stay apart.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::extract::entities::{fold_diacritics, is_org_head, is_reference_surface};
use crate::model::{Document, EntityKind, Span};
use crate::reconcile::union_find::UnionFind;

/// One real-world entity as the dossier reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `e1`, `e2`, … in order of first mention.
    pub id: String,
    pub kind: EntityKind,
    /// The canonical name: the longest full form used.
    pub name: String,
    /// Every other name used for it: acronyms, spellings, translations, surname alone.
    pub aliases: Vec<String>,
    /// Titles and affiliations stated with any of its mentions.
    pub roles: Vec<String>,
    /// Every mention, as (document id, span), in document order.
    pub mentions: Vec<(String, Span)>,
}

/// One mention of the run, with what merging needs.
struct Node<'d> {
    doc: usize,
    span: Span,
    surface: &'d str,
    kind: EntityKind,
    /// A name (not a pronoun or role noun).
    named: bool,
    key: String,
    /// For places and facilities: the normalised place it is said to be in or near.
    locator: Option<String>,
}

/// Canonical entities of `docs`, in order of first mention, with ids `e1`, `e2`, ….
pub fn canonical_entities(docs: &[Document]) -> Vec<Entity> {
    let mut nodes = Vec::new();
    let mut first_node = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        first_node.push(nodes.len());
        let lang = doc.language.as_deref().unwrap_or("en");
        for m in &doc.layers.mentions {
            let surface = m.span.slice(&doc.text).unwrap_or("");
            let named = !(m.refers_to.is_some() && is_reference_surface(surface, lang));
            nodes.push(Node {
                doc: d,
                span: m.span,
                surface,
                kind: m.kind,
                named,
                key: name_key(surface, m.kind, lang),
                locator: None,
            });
        }
    }
    for (d, doc) in docs.iter().enumerate() {
        locate(&mut nodes, first_node[d], doc);
    }
    let mut sets = UnionFind::new(nodes.len());
    link_within_documents(docs, &first_node, &mut sets);
    join_same_names(&nodes, &mut sets);
    join_acronyms(docs, &first_node, &nodes, &mut sets);
    join_surnames(&nodes, &mut sets);
    build(docs, &nodes, &first_node, &mut sets)
}

/// Kinds that may be one entity: places and facilities are told apart less surely than people and
/// organisations.
fn kind_class(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization | EntityKind::Group => 1,
        EntityKind::Location | EntityKind::Facility => 2,
        EntityKind::Other => 3,
    }
}

/// A name normalised for comparison: lower case, no diacritics, no leading "the"/"die", single spaces,
/// "Ministry of the Interior" → "interior ministry".
fn name_key(surface: &str, kind: EntityKind, lang: &str) -> String {
    let folded = fold_diacritics(surface).to_lowercase();
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    if words.len() > 1 && matches!(words[0], "the" | "der" | "die" | "das") {
        words.remove(0);
    }
    if kind == EntityKind::Organization
        && words.len() >= 3
        && words[1] == "of"
        && is_org_head(words[0], lang)
    {
        let rest_from = if words[2] == "the" { 3 } else { 2 };
        if rest_from < words.len() {
            let mut reordered: Vec<&str> = words[rest_from..].to_vec();
            reordered.push(words[0]);
            return reordered.join(" ");
        }
    }
    words.join(" ")
}

/// Gives places and facilities the place they are said to be in: "Camp Hope near Athens" → "athens".
fn locate(nodes: &mut [Node], first: usize, doc: &Document) {
    let count = doc.layers.mentions.len();
    for i in 0..count {
        let n = first + i;
        if !matches!(nodes[n].kind, EntityKind::Location | EntityKind::Facility) || !nodes[n].named
        {
            continue;
        }
        let Some(next) = (i + 1 < count).then_some(first + i + 1) else {
            continue;
        };
        let between = doc
            .text
            .get(nodes[n].span.end..nodes[next].span.start)
            .unwrap_or("");
        let preposition = between.trim().trim_start_matches(',').trim().to_lowercase();
        let locating = matches!(
            preposition.as_str(),
            "in" | "near" | "outside" | "bei" | "nahe" | "camp in" | "camp near" | "camp outside"
        );
        if locating && nodes[next].kind == EntityKind::Location {
            nodes[n].locator = Some(nodes[next].key.clone());
        }
    }
}

fn link_within_documents(docs: &[Document], first_node: &[usize], sets: &mut UnionFind) {
    for (d, doc) in docs.iter().enumerate() {
        for (i, m) in doc.layers.mentions.iter().enumerate() {
            if let Some(t) = m.refers_to.filter(|t| *t < doc.layers.mentions.len()) {
                sets.union(first_node[d] + i, first_node[d] + t);
            }
        }
    }
}

/// Same normalised name, compatible kind, no conflicting location.
fn join_same_names(nodes: &[Node], sets: &mut UnionFind) {
    // (kind class, key) → the first node per locator, and the first unlocated node.
    let mut located: BTreeMap<(u8, &str), Vec<(&str, usize)>> = BTreeMap::new();
    let mut unlocated: Vec<usize> = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        if !n.named || n.key.is_empty() {
            continue;
        }
        let group = located
            .entry((kind_class(n.kind), n.key.as_str()))
            .or_default();
        match &n.locator {
            Some(loc) => match group.iter().find(|(l, _)| *l == loc.as_str()) {
                Some(&(_, j)) => sets.union(i, j),
                None => group.push((loc.as_str(), i)),
            },
            None => unlocated.push(i),
        }
    }
    for i in unlocated {
        let n = &nodes[i];
        let group = located
            .entry((kind_class(n.kind), n.key.as_str()))
            .or_default();
        // An unlocated name joins the located one of its own document, else the only located one, else
        // the first of its name.
        let same_doc = group
            .iter()
            .find(|(_, j)| nodes[*j].doc == n.doc && !nodes[*j].key.is_empty());
        let target = match (same_doc, group.len()) {
            (Some(&(_, j)), _) => Some(j),
            (None, 1) => Some(group[0].1),
            _ => None,
        };
        match target {
            Some(j) => sets.union(i, j),
            None => group.push(("", i)),
        }
    }
}

/// Names that define the same acronym, and bare uses of an acronym defined anywhere in the run.
fn join_acronyms(docs: &[Document], first_node: &[usize], nodes: &[Node], sets: &mut UnionFind) {
    let mut defined: HashMap<(u8, String), usize> = HashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (i, m) in doc.layers.mentions.iter().enumerate() {
            let Some(acronym) = &m.acronym else {
                continue;
            };
            let n = first_node[d] + i;
            for part in acronym.split('/') {
                let key = (kind_class(m.kind), part.trim().to_string());
                match defined.get(&key) {
                    Some(&j) => sets.union(n, j),
                    None => {
                        defined.insert(key, n);
                    }
                }
            }
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        if n.named
            && let Some(&j) = defined.get(&(kind_class(n.kind), n.surface.to_string()))
        {
            sets.union(i, j);
        }
    }
}

/// A lone surname joins the one person of the run whose full name ends with it.
fn join_surnames(nodes: &[Node], sets: &mut UnionFind) {
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.named
            && n.kind == EntityKind::Person
            && n.key.contains(' ')
            && let Some(last) = n.key.rsplit(' ').next()
        {
            let root = sets.find(i);
            let list = by_surname.entry(last).or_default();
            if !list.iter().any(|&j| sets.find(j) == root) {
                list.push(i);
            }
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        if !n.named || n.kind != EntityKind::Person || n.key.contains(' ') {
            continue;
        }
        if let Some(people) = by_surname.get(n.key.as_str()) {
            let roots: Vec<usize> = people.iter().map(|&j| sets.find(j)).collect();
            if roots.iter().all(|r| *r == roots[0])
                && let Some(&j) = people.first()
            {
                sets.union(i, j);
            }
        }
    }
}

fn build(
    docs: &[Document],
    nodes: &[Node],
    first_node: &[usize],
    sets: &mut UnionFind,
) -> Vec<Entity> {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..nodes.len() {
        groups.entry(sets.find(i)).or_default().push(i);
    }
    // Nodes are numbered in document and position order, so a group's smallest node is its first mention.
    let mut ordered: Vec<Vec<usize>> = groups.into_values().collect();
    ordered.sort_by_key(|g| g.iter().copied().min().unwrap_or(usize::MAX));
    let mut out = Vec::new();
    for group in ordered {
        let names: Vec<usize> = group.iter().copied().filter(|&i| nodes[i].named).collect();
        let Some(&canonical) = names
            .iter()
            .max_by_key(|&&i| (nodes[i].surface.chars().count(), std::cmp::Reverse(i)))
        else {
            continue;
        };
        let mut kinds: BTreeMap<EntityKind, usize> = BTreeMap::new();
        for &i in &names {
            *kinds.entry(nodes[i].kind).or_default() += 1;
        }
        let mut kind = kinds
            .iter()
            .max_by_key(|(k, c)| (**c, **k))
            .map_or(nodes[canonical].kind, |(k, _)| *k);
        // A place also called a camp or a hospital somewhere is that facility.
        if kind == EntityKind::Location && kinds.contains_key(&EntityKind::Facility) {
            kind = EntityKind::Facility;
        }
        let name = nodes[canonical].surface.to_string();
        let mut aliases: Vec<String> = Vec::new();
        for &i in &names {
            let s = nodes[i].surface;
            if s != name && !aliases.iter().any(|a| a == s) {
                aliases.push(s.to_string());
            }
        }
        let mut roles: Vec<String> = Vec::new();
        for &i in &group {
            let d = nodes[i].doc;
            let Some(m) = docs[d].layers.mentions.get(i - first_node[d]) else {
                continue;
            };
            for r in &m.roles {
                if !roles.contains(r) {
                    roles.push(r.clone());
                }
            }
        }
        let mentions = group
            .iter()
            .map(|&i| (docs[nodes[i].doc].id.clone(), nodes[i].span))
            .collect();
        out.push(Entity {
            id: format!("e{}", out.len() + 1),
            kind,
            name,
            aliases,
            roles,
            mentions,
        });
    }
    out
}

#[cfg(test)]
#[path = "entities_tests.rs"]
mod tests;
