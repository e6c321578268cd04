//! Candidate pairs through an inverted index, so that grouping never compares all pairs of a large run.
//!
//! Only terms found in at most [`MAX_POSTINGS`] documents are indexed: a term that common ("police", a year)
//! does not single out an event, and skipping it bounds the work per document by a constant. Each document keeps
//! its [`TOP_CANDIDATES`] best partners by the indexed part of the dot product; those get an exact cosine.

use super::features::{Vector, dot};

/// Terms in more documents than this are not used to find candidates (they still count in the cosine).
const MAX_POSTINGS: usize = 200;
/// Partners per document that get an exact cosine.
const TOP_CANDIDATES: usize = 20;

/// An edge of the similarity graph: (i, j, cosine) with `i < j`.
pub type Edge = (usize, usize, f32);

/// Edges with cosine at least `min_sim` between documents that share an indexed term. Sorted by (i, j).
pub fn similar_pairs(vectors: &[Vector], df: &[u32], min_sim: f32) -> Vec<Edge> {
    let indexed = |term: u32| {
        df.get(term as usize)
            .is_some_and(|d| (*d as usize) <= MAX_POSTINGS)
    };
    let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); df.len()];
    for (doc, v) in vectors.iter().enumerate() {
        for &(term, w) in v {
            if indexed(term) {
                postings[term as usize].push((doc, w));
            }
        }
    }
    let mut scratch = vec![0.0f32; vectors.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut edges: Vec<Edge> = Vec::new();
    for (doc, v) in vectors.iter().enumerate() {
        for &(term, w) in v {
            if !indexed(term) {
                continue;
            }
            for &(other, w2) in &postings[term as usize] {
                if other == doc {
                    continue;
                }
                if scratch[other] == 0.0 {
                    touched.push(other);
                }
                scratch[other] += w * w2;
            }
        }
        let mut partners: Vec<(usize, f32)> = touched.iter().map(|&o| (o, scratch[o])).collect();
        for &o in &touched {
            scratch[o] = 0.0;
        }
        touched.clear();
        partners.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        partners.truncate(TOP_CANDIDATES);
        for (other, _) in partners {
            let sim = dot(v, &vectors[other]);
            if sim >= min_sim {
                edges.push((doc.min(other), doc.max(other), sim));
            }
        }
    }
    edges.sort_by_key(|e| (e.0, e.1));
    edges.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pairs_that_share_terms_only() {
        let s = std::f32::consts::FRAC_1_SQRT_2;
        let vectors = vec![vec![(0, s), (1, s)], vec![(0, s), (2, s)], vec![(3, 1.0)]];
        let df = vec![2, 1, 1, 1];
        let edges = similar_pairs(&vectors, &df, 0.1);
        assert_eq!(edges.len(), 1);
        assert_eq!((edges[0].0, edges[0].1), (0, 1));
        assert!((edges[0].2 - 0.5).abs() < 1e-5);
    }
}
