//! Which documents are copies of one another (syndicated wire copy, reposts), so that corroboration counts
//! them once. The story-grouping module's MinHash `duplicate_groups` plugs in through [`CopyDetector`]; until
//! it is merged, [`ShingleCopies`] is a small stand-in.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};

use crate::model::Document;

use super::words::lower_words;

/// Maps every document id to the first document of its copy group (itself when it has no copy).
pub type CopyGroups = HashMap<String, Representative>;

/// The first document of a copy group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Representative {
    pub id: String,
    pub source: String,
}

fn rep(d: &Document) -> Representative {
    Representative {
        id: d.id.clone(),
        source: d.source.clone(),
    }
}

/// Something that finds copies among the documents of a run.
pub trait CopyDetector {
    fn copy_groups(&self, docs: &[Document]) -> CopyGroups;
}

/// Adapts a function that returns groups of document ids (as `reconcile::duplicates::duplicate_groups` does).
pub struct GroupsFn<F>(pub F);

impl<F: Fn(&[Document]) -> Vec<Vec<String>>> CopyDetector for GroupsFn<F> {
    fn copy_groups(&self, docs: &[Document]) -> CopyGroups {
        let order: HashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut out: CopyGroups = docs.iter().map(|d| (d.id.clone(), rep(d))).collect();
        for group in (self.0)(docs) {
            let Some(&first) = group.iter().filter_map(|id| order.get(id.as_str())).min() else {
                continue;
            };
            for id in &group {
                out.insert(id.clone(), rep(&docs[first]));
            }
        }
        out
    }
}

/// Stand-in near-duplicate check: word 4-gram shingles, candidate pairs from each document's 16 smallest
/// shingle hashes (a bottom-k sketch, so not all pairs are compared), then Jaccard similarity of the full
/// shingle sets against `threshold`.
pub struct ShingleCopies {
    pub threshold: f64,
}

impl Default for ShingleCopies {
    fn default() -> Self {
        ShingleCopies { threshold: 0.5 }
    }
}

const SHINGLE: usize = 4;
const SKETCH: usize = 16;

fn shingles(text: &str) -> Vec<u64> {
    let w = lower_words(text);
    let mut out: Vec<u64> = w
        .windows(SHINGLE)
        .map(|win| {
            let mut h = DefaultHasher::new();
            win.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

impl CopyDetector for ShingleCopies {
    fn copy_groups(&self, docs: &[Document]) -> CopyGroups {
        let sets: Vec<Vec<u64>> = docs.iter().map(|d| shingles(&d.text)).collect();
        let mut buckets: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        for (i, s) in sets.iter().enumerate() {
            for h in s.iter().take(SKETCH) {
                buckets.entry(*h).or_default().push(i);
            }
        }
        let mut parent: Vec<usize> = (0..docs.len()).collect();
        for members in buckets.values() {
            // A shingle shared by very many documents is boilerplate, not evidence of copying.
            if members.len() > 64 {
                continue;
            }
            // Each member is compared with the bucket's first only (a star, not all pairs): copies of one
            // text share their smallest shingles, so they meet through it.
            if let Some((&a, rest)) = members.split_first() {
                for &b in rest {
                    if find(&mut parent, a) != find(&mut parent, b)
                        && jaccard(&sets[a], &sets[b]) >= self.threshold
                    {
                        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                        let (lo, hi) = (ra.min(rb), ra.max(rb));
                        parent[hi] = lo;
                    }
                }
            }
        }
        (0..docs.len())
            .map(|i| {
                let root = find(&mut parent, i);
                (docs[i].id.clone(), rep(&docs[root]))
            })
            .collect()
    }
}
