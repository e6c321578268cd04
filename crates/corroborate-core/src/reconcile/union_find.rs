//! Disjoint sets, shared by the reconcile steps that group things (entity mentions, near-duplicate texts).

/// Disjoint sets over `0..n` with path halving. The smaller index is always the representative, so groups
/// come out the same whatever order the unions happen in.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub(crate) fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; the smaller root stays root.
    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.parent[hi] = lo;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::UnionFind;

    #[test]
    fn smaller_index_represents_its_set() {
        let mut u = UnionFind::new(5);
        u.union(4, 2);
        u.union(3, 4);
        assert_eq!(u.find(3), 2);
        assert_eq!(u.find(0), 0);
        u.union(2, 0);
        assert_eq!(u.find(4), 0);
    }
}
