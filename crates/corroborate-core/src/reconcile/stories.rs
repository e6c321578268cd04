//! Stories: the documents of a run grouped by the event they report.
//!
//! Two reports are about the same event when they share salient content: the same names, numbers and dates,
//! and rarer content words. Each document becomes a weighted term vector ([`features`]); an inverted index
//! proposes similar pairs without comparing all pairs ([`candidates`]); group-average clustering merges them
//! while the average cosine stays above a threshold, then a report left alone joins the cluster whose centroid
//! it is close to ([`cluster`]). An embedded post always joins the story of the document it is embedded in,
//! and its words count towards that document's vector.
//!
//! The result depends only on the documents and their order: everything here runs on one thread, ties are
//! broken by input order, and stories are numbered by their first document.

mod candidates;
mod cluster;
mod features;

use serde::{Deserialize, Serialize};

use crate::model::Document;

/// Pairs below this cosine are not edges of the similarity graph.
const EDGE_MIN: f32 = 0.1;
/// Clusters merge while their average cosine is at least this. Tuned on ECB+.
const MERGE_THRESHOLD: f64 = 0.25;
/// A report left on its own joins the cluster whose centroid is at least this close. Tuned on ECB+.
const ATTACH_CENTROID: f64 = 0.25;

/// Longest label made from a document's first sentence, in characters.
const TITLE_CHARS: usize = 100;
/// Salient terms in a label made from terms.
const TITLE_TERMS: usize = 5;

/// One event and the documents that report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// `s1`, `s2`, … in the order of each story's first document.
    pub id: String,
    /// Document ids, in input order.
    pub documents: Vec<String>,
    /// A human-readable label: the most central document's title, else its opening words, else salient terms.
    pub title: String,
}

/// Groups `docs` into stories. Every document is in exactly one story; an embedded post (with `parent` set to a
/// document of this run) is in its parent's story.
pub fn group_stories(docs: &[Document]) -> Vec<Story> {
    let all: Vec<&Document> = docs.iter().collect();
    let roots = root_of_each(&all);
    // Only top-level documents are clustered; posts follow their root afterwards.
    let top: Vec<usize> = (0..docs.len()).filter(|&i| roots[i] == i).collect();
    let units = units_of(&all, &roots, &top);
    let space = features::term_space(&units);
    let edges = candidates::similar_pairs(&space.vectors, &space.df, EDGE_MIN);
    let clusters = cluster::group_average(&space.vectors, &edges, MERGE_THRESHOLD);
    let clusters =
        cluster::attach_singletons(&space.vectors, &edges, clusters, ATTACH_CENTROID, &|_| {
            false
        });

    let mut story_of_top = vec![0usize; top.len()];
    for (s, members) in clusters.iter().enumerate() {
        for &m in members {
            story_of_top[m] = s;
        }
    }
    let top_index = index_of(&top, docs.len());
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); clusters.len()];
    for (i, &root) in roots.iter().enumerate() {
        if let Some(&s) = top_index.get(root).and_then(|&k| story_of_top.get(k)) {
            members[s].push(i);
        }
    }
    let mut stories: Vec<(Vec<usize>, String)> = clusters
        .iter()
        .zip(members)
        .map(|(cluster, docs_in)| (docs_in, label(cluster, &top, docs, &space)))
        .filter(|(d, _)| !d.is_empty())
        .collect();
    stories.sort_by_key(|(d, _)| d.first().copied());
    stories
        .into_iter()
        .enumerate()
        .map(|(n, (d, title))| Story {
            id: format!("s{}", n + 1),
            documents: d.into_iter().map(|i| docs[i].id.clone()).collect(),
            title,
        })
        .collect()
}

/// Where a new document goes when a collection grows ([`place_new`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// Into the existing story at this index of the `existing` argument.
    Existing(usize),
    /// Into the `n`-th new story (0-based, numbered by first document).
    New(usize),
}

/// Places new documents among existing stories: a new report joins the story of the same event, several new
/// reports of an event nobody has covered yet make one new story together. Existing stories are never merged
/// or split (group average starts from them as fixed clusters that can only take in new documents), so a story
/// a user already follows keeps its documents. `existing` holds each story's documents (posts included, as
/// stored); the result has one destination per document of `new`, posts going where their report goes.
pub fn place_new(existing: &[Vec<&Document>], new: &[&Document]) -> Vec<Destination> {
    // One flat list: the existing stories' documents, then the new ones; parents are looked up by id among
    // the documents of the same part only (ids are local to a run or a store).
    let mut units: Vec<Vec<&Document>> = Vec::new();
    let mut seeds: Vec<Vec<usize>> = Vec::new();
    for story in existing {
        let roots = root_of_each(story);
        let top: Vec<usize> = (0..story.len()).filter(|&i| roots[i] == i).collect();
        let first = units.len();
        units.extend(units_of(story, &roots, &top));
        seeds.push((first..units.len()).collect());
    }
    let first_new = units.len();
    let roots = root_of_each(new);
    let top: Vec<usize> = (0..new.len()).filter(|&i| roots[i] == i).collect();
    units.extend(units_of(new, &roots, &top));

    let space = features::term_space(&units);
    let edges = candidates::similar_pairs(&space.vectors, &space.df, EDGE_MIN);
    let clusters = cluster::group_average_seeded(&space.vectors, &edges, &seeds, MERGE_THRESHOLD);
    let clusters =
        cluster::attach_singletons(&space.vectors, &edges, clusters, ATTACH_CENTROID, &|unit| {
            unit < first_new
        });

    let mut story_of_unit: Vec<Option<usize>> = vec![None; units.len()];
    for (k, seed) in seeds.iter().enumerate() {
        for &u in seed {
            story_of_unit[u] = Some(k);
        }
    }
    let mut destination_of_unit: Vec<Destination> = vec![Destination::New(0); units.len()];
    let mut new_stories = 0usize;
    // Clusters come ordered by first member, so new stories are numbered by their first new document.
    for members in &clusters {
        let destination = match members.iter().find_map(|&u| story_of_unit[u]) {
            Some(k) => Destination::Existing(k),
            None => {
                new_stories += 1;
                Destination::New(new_stories - 1)
            }
        };
        for &u in members {
            destination_of_unit[u] = destination;
        }
    }
    let top_index = index_of(&top, new.len());
    roots
        .iter()
        .map(|&root| {
            top_index
                .get(root)
                .and_then(|&k| destination_of_unit.get(first_new + k))
                .copied()
                .unwrap_or(Destination::New(0))
        })
        .collect()
}

/// The `n` words that best tell what `docs` are about, as plain lower-case words a full-text index holds: names
/// and numbers first (they carry the kind boosts of the story vectors), then rarer content words. A store uses
/// them to find the few stored stories worth comparing new reports with, instead of loading every story.
pub fn salient_terms(docs: &[&Document], n: usize) -> Vec<String> {
    let units: Vec<Vec<&Document>> = vec![docs.to_vec()];
    let counts = features::raw_counts(&units);
    let mut terms: Vec<(String, f32)> = counts
        .into_iter()
        .filter_map(|(key, (count, boost))| {
            // Dates (`@2023-06-20`) are not words of the text; numbers are kept as their digits.
            let word = key.strip_prefix('#').unwrap_or(&key);
            if word.starts_with('@') {
                return None;
            }
            Some((word.to_string(), (1.0 + (count as f32).ln()) * boost))
        })
        .collect();
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out: Vec<String> = Vec::new();
    for (term, _) in terms {
        for word in term.split_whitespace() {
            if out.len() < n && !out.iter().any(|w| w == word) {
                out.push(word.to_string());
            }
        }
    }
    out
}

/// `out[i]`: the position in `positions` of `i`, or `usize::MAX`.
fn index_of(positions: &[usize], len: usize) -> Vec<usize> {
    let mut out = vec![usize::MAX; len];
    for (k, &i) in positions.iter().enumerate() {
        if let Some(slot) = out.get_mut(i) {
            *slot = k;
        }
    }
    out
}

/// The clustering units: each top-level document with the posts embedded in it.
fn units_of<'d>(docs: &[&'d Document], roots: &[usize], top: &[usize]) -> Vec<Vec<&'d Document>> {
    let top_index = index_of(top, docs.len());
    let mut units: Vec<Vec<&Document>> = top.iter().map(|&i| vec![docs[i]]).collect();
    for (i, &root) in roots.iter().enumerate() {
        if root != i
            && let Some(unit) = top_index.get(root).and_then(|&k| units.get_mut(k))
        {
            unit.push(docs[i]);
        }
    }
    units
}

/// For each document, the index of the top-level document it belongs to: itself, or for an embedded post the
/// ancestor reached through `parent`. A parent that is not in the run, or a loop, leaves the post on its own.
fn root_of_each(docs: &[&Document]) -> Vec<usize> {
    let by_id: std::collections::HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .rev() // the first document with an id wins
        .collect();
    (0..docs.len())
        .map(|i| {
            let mut current = i;
            for _ in 0..docs.len() {
                let parent = docs[current]
                    .parent
                    .as_deref()
                    .and_then(|p| by_id.get(p).copied());
                match parent {
                    Some(p) if p != current => current = p,
                    _ => return current,
                }
            }
            i
        })
        .collect()
}

/// The label of a cluster (indices into `top`): the title of its most central document (highest cosine to the
/// cluster's sum), else that document's opening words, else the cluster's most salient terms.
fn label(
    cluster: &[usize],
    top: &[usize],
    docs: &[Document],
    space: &features::TermSpace,
) -> String {
    let mut sum: std::collections::BTreeMap<u32, f32> = std::collections::BTreeMap::new();
    for &m in cluster {
        for &(t, w) in &space.vectors[m] {
            *sum.entry(t).or_insert(0.0) += w;
        }
    }
    let sum_vec: Vec<(u32, f32)> = sum.iter().map(|(&t, &w)| (t, w)).collect();
    let central = cluster
        .iter()
        .copied()
        .max_by(|&a, &b| {
            features::dot(&space.vectors[a], &sum_vec)
                .total_cmp(&features::dot(&space.vectors[b], &sum_vec))
                .then(b.cmp(&a))
        })
        .and_then(|k| top.get(k))
        .map(|&i| &docs[i]);
    if let Some(doc) = central {
        if let Some(title) = doc
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            return title.to_string();
        }
        if let Some(opening) = opening_words(doc) {
            return opening;
        }
    }
    let mut terms: Vec<(u32, f32)> = sum_vec;
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let words: Vec<&str> = terms
        .iter()
        .filter_map(|(t, _)| space.surface.get(*t as usize))
        .map(String::as_str)
        .take(TITLE_TERMS)
        .collect();
    if words.is_empty() {
        central.map(|d| d.id.clone()).unwrap_or_default()
    } else {
        words.join(", ")
    }
}

/// The first sentence that reads like prose (mostly letters, at least three words), cut at a word boundary.
fn opening_words(doc: &Document) -> Option<String> {
    let sentence = doc.sentence_texts().take(3).find(|s| reads_like_prose(s))?;
    let sentence = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if sentence.chars().count() <= TITLE_CHARS {
        return Some(sentence);
    }
    let mut out = String::new();
    for word in sentence.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > TITLE_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    Some(out)
}

fn reads_like_prose(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let visible = s.chars().filter(|c| !c.is_whitespace()).count().max(1);
    words >= 3 && letters * 10 >= visible * 7 && !s.contains("://") && !s.contains(" / ")
}

#[cfg(test)]
pub(crate) mod tests;
