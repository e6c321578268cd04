//! Group-average agglomerative clustering over a sparse candidate graph.
//!
//! Single link (connected components) chains two events of the same kind together through one pair of similar
//! reports; group average does not. The average cosine between two clusters is exact without visiting their
//! pairs: for unit vectors, `Σ_{a∈A, b∈B} a·b = (Σ_A a)·(Σ_B b)`, so each cluster keeps the sum of its vectors.
//! Only clusters linked by a candidate edge are ever compared, which keeps the work near-linear.
//!
//! Deterministic: a max-heap ordered by (similarity, lower ids first), with stale entries skipped by version.

use std::cmp::Ordering;
use std::collections::{BTreeSet, BinaryHeap};

use super::candidates::Edge;
use super::features::Vector;

/// A merge proposal in the heap.
struct Proposal {
    sim: f64,
    a: usize,
    b: usize,
    version_a: u32,
    version_b: u32,
}

impl PartialEq for Proposal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Proposal {}
impl PartialOrd for Proposal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Proposal {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sim
            .total_cmp(&other.sim)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

/// A live cluster.
struct Cluster {
    members: Vec<usize>,
    sum: Vec<(u32, f64)>,
    neighbours: BTreeSet<usize>,
    version: u32,
    alive: bool,
    /// A story that already exists (in a store): it may take new documents but never merges with another
    /// fixed cluster, so stories a user already sees are never joined behind their back.
    fixed: bool,
}

impl Cluster {
    fn dead() -> Cluster {
        Cluster {
            members: Vec::new(),
            sum: Vec::new(),
            neighbours: BTreeSet::new(),
            version: 0,
            alive: false,
            fixed: false,
        }
    }
}

/// Clusters `vectors` by group average, merging while the best average cosine is at least `threshold`.
/// Returns clusters as sorted member lists, ordered by first member.
pub fn group_average(vectors: &[Vector], edges: &[Edge], threshold: f64) -> Vec<Vec<usize>> {
    group_average_seeded(vectors, edges, &[], threshold)
}

/// Group average starting from `seeds` (disjoint member lists, each a fixed cluster: an existing story) and
/// every other vector on its own. Fixed clusters take in other clusters but never merge with each other.
pub fn group_average_seeded(
    vectors: &[Vector],
    edges: &[Edge],
    seeds: &[Vec<usize>],
    threshold: f64,
) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Cluster> = vectors
        .iter()
        .enumerate()
        .map(|(i, v)| Cluster {
            members: vec![i],
            sum: v.iter().map(|&(t, w)| (t, f64::from(w))).collect(),
            neighbours: BTreeSet::new(),
            version: 0,
            alive: true,
            fixed: false,
        })
        .collect();
    // `home[i]`: the cluster vector `i` is in (a seed's lowest member stands for the seed).
    let mut home: Vec<usize> = (0..vectors.len()).collect();
    for seed in seeds {
        let mut members: Vec<usize> = seed
            .iter()
            .copied()
            .filter(|&m| m < vectors.len())
            .collect();
        members.sort_unstable();
        members.dedup();
        let Some(&keep) = members.first() else {
            continue;
        };
        for &m in &members[1..] {
            let gone = std::mem::replace(&mut clusters[m], Cluster::dead());
            clusters[keep].sum = add(&clusters[keep].sum, &gone.sum);
            clusters[keep].members.push(m);
            home[m] = keep;
        }
        clusters[keep].fixed = true;
    }
    let mut heap = BinaryHeap::with_capacity(edges.len());
    for &(a, b, _) in edges {
        let (Some(&ca), Some(&cb)) = (home.get(a), home.get(b)) else {
            continue;
        };
        if ca == cb || !clusters[ca].neighbours.insert(cb) {
            continue;
        }
        clusters[cb].neighbours.insert(ca);
        let (x, y) = (ca.min(cb), ca.max(cb));
        heap.push(Proposal {
            sim: average(&clusters[x], &clusters[y]),
            a: x,
            b: y,
            version_a: 0,
            version_b: 0,
        });
    }
    while let Some(p) = heap.pop() {
        if p.sim < threshold {
            break;
        }
        let (a, b) = (p.a, p.b);
        if !clusters[a].alive
            || !clusters[b].alive
            || clusters[a].version != p.version_a
            || clusters[b].version != p.version_b
            || (clusters[a].fixed && clusters[b].fixed)
        {
            continue;
        }
        // Keep the lower index as the survivor so the result does not depend on heap internals.
        let (keep, gone) = (a.min(b), a.max(b));
        let gone_cluster = std::mem::replace(&mut clusters[gone], Cluster::dead());
        let survivor = &mut clusters[keep];
        survivor.members.extend(gone_cluster.members);
        survivor.sum = add(&survivor.sum, &gone_cluster.sum);
        survivor.neighbours.extend(gone_cluster.neighbours);
        survivor.neighbours.remove(&keep);
        survivor.neighbours.remove(&gone);
        survivor.fixed |= gone_cluster.fixed;
        survivor.version += 1;
        let neighbours: Vec<usize> = survivor.neighbours.iter().copied().collect();
        for c in neighbours {
            if !clusters[c].alive {
                continue;
            }
            clusters[c].neighbours.remove(&gone);
            clusters[c].neighbours.insert(keep);
            let sim = average(&clusters[keep], &clusters[c]);
            let (x, y) = (keep.min(c), keep.max(c));
            heap.push(Proposal {
                sim,
                a: x,
                b: y,
                version_a: clusters[x].version,
                version_b: clusters[y].version,
            });
        }
    }
    let mut out: Vec<Vec<usize>> = clusters
        .into_iter()
        .filter(|c| c.alive)
        .map(|mut c| {
            c.members.sort_unstable();
            c.members
        })
        .collect();
    out.sort_by_key(|m| m.first().copied());
    out
}

/// Joins each document left on its own to the cluster whose centroid it is closest to, when that cosine is at
/// least `min_centroid`.
///
/// Group average is strict with a short report next to a large, varied cluster: the report may share the
/// story's names with every member and still average below the merge threshold, because each member also
/// covers much it does not. The centroid of the cluster is what its members have in common, so a short report
/// of the same event comes close to it where a report of another event does not. Only clusters that a
/// candidate edge links the document to are tried, and centroids are those of the clusters as group average
/// left them, so the order of documents does not matter.
///
/// Vectors for which `stays` is true (an existing story of one document) never move.
pub fn attach_singletons(
    vectors: &[Vector],
    edges: &[Edge],
    clusters: Vec<Vec<usize>>,
    min_centroid: f64,
    stays: &dyn Fn(usize) -> bool,
) -> Vec<Vec<usize>> {
    let mut cluster_of = vec![usize::MAX; vectors.len()];
    for (c, members) in clusters.iter().enumerate() {
        for &m in members {
            if let Some(slot) = cluster_of.get_mut(m) {
                *slot = c;
            }
        }
    }
    let centroids: Vec<Option<Vec<(u32, f64)>>> = clusters
        .iter()
        .map(|members| {
            if members.len() < 2 {
                return None;
            }
            let mut sum: Vec<(u32, f64)> = Vec::new();
            for &m in members {
                let v: Vec<(u32, f64)> =
                    vectors[m].iter().map(|&(t, w)| (t, f64::from(w))).collect();
                sum = add(&sum, &v);
            }
            let norm = sum.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            (norm > 0.0).then(|| sum.into_iter().map(|(t, w)| (t, w / norm)).collect())
        })
        .collect();
    let mut linked: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); vectors.len()];
    for &(a, b, _) in edges {
        if let (Some(&ca), Some(&cb)) = (cluster_of.get(a), cluster_of.get(b))
            && a < linked.len()
            && b < linked.len()
        {
            linked[a].insert(cb);
            linked[b].insert(ca);
        }
    }
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for (c, members) in clusters.iter().enumerate() {
        let [doc] = members.as_slice() else {
            continue;
        };
        if stays(*doc) {
            continue;
        }
        let doc_vec: Vec<(u32, f64)> = vectors[*doc]
            .iter()
            .map(|&(t, w)| (t, f64::from(w)))
            .collect();
        let best = linked[*doc]
            .iter()
            .filter_map(|&other| Some((other, dot64(&doc_vec, centroids.get(other)?.as_ref()?))))
            .filter(|&(_, sim)| sim >= min_centroid)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        if let Some((target, _)) = best {
            joins.push((c, target));
        }
    }
    let mut clusters = clusters;
    for &(from, to) in &joins {
        let moved = std::mem::take(&mut clusters[from]);
        clusters[to].extend(moved);
    }
    let mut out: Vec<Vec<usize>> = clusters
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(|mut c| {
            c.sort_unstable();
            c
        })
        .collect();
    out.sort_by_key(|m| m.first().copied());
    out
}

/// Average cosine between the members of two clusters.
fn average(a: &Cluster, b: &Cluster) -> f64 {
    let pairs = (a.members.len() * b.members.len()).max(1) as f64;
    dot64(&a.sum, &b.sum) / pairs
}

fn dot64(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Sum of two sorted sparse vectors.
fn add(a: &[(u32, f64)], b: &[(u32, f64)]) -> Vec<(u32, f64)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1 + y.1));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(_), Some(y)) | (None, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (None, None) => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_link_does_not_chain() {
        // 0-1 and 2-3 are tight pairs; 1-2 alone is similar, but the pairs' average stays below threshold.
        let vectors: Vec<Vector> = vec![
            vec![(0, 1.0)],
            vec![(0, 0.8), (1, 0.6)],
            vec![(1, 0.6), (2, 0.8)],
            vec![(2, 1.0)],
        ];
        let edges = vec![(0, 1, 0.8), (1, 2, 0.36), (2, 3, 0.8)];
        let clusters = group_average(&vectors, &edges, 0.3);
        assert_eq!(clusters, vec![vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn a_lone_report_joins_the_centroid_it_is_close_to() {
        let s = std::f32::consts::FRAC_1_SQRT_2;
        // 0 and 1 share term 0; 2 shares term 0 with both but has a term of its own; 3 is about term 9 only
        // but is weakly linked to 1.
        let vectors: Vec<Vector> = vec![
            vec![(0, s), (1, s)],
            vec![(0, s), (2, s)],
            vec![(0, 0.6), (5, 0.8)],
            vec![(2, 0.1), (9, 0.995)],
        ];
        let edges = vec![(0, 1, 0.5), (0, 2, 0.42), (1, 2, 0.42), (1, 3, 0.07)];
        let clusters = group_average(&vectors, &edges, 0.45);
        assert_eq!(clusters, vec![vec![0, 1], vec![2], vec![3]]);
        // Centroid of {0, 1}: term 0 at 0.816 → cosine with 2 is 0.49, with 3 is 0.04.
        let clusters = attach_singletons(&vectors, &edges, clusters, 0.25, &|_| false);
        assert_eq!(clusters, vec![vec![0, 1, 2], vec![3]]);
    }

    #[test]
    fn seeded_clusters_take_in_new_members_but_never_merge() {
        let vectors: Vec<Vector> = vec![
            vec![(0, 1.0)],
            vec![(0, 1.0)],
            vec![(0, 1.0)],
            vec![(7, 1.0)],
        ];
        let edges = vec![(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0)];
        // 0 and 1 are two existing stories (identical vectors); 2 is new and joins one; 3 stays alone.
        let clusters = group_average_seeded(&vectors, &edges, &[vec![0], vec![1]], 0.25);
        assert_eq!(clusters, vec![vec![0, 2], vec![1], vec![3]]);
        // Without seeds everything similar merges.
        assert_eq!(
            group_average(&vectors, &edges, 0.25),
            vec![vec![0, 1, 2], vec![3]]
        );
    }
}
