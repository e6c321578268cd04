//! Syndicated and near-duplicate texts: reports that are copies of one another (an agency story run by several
//! outlets, a press release pasted with light edits), and passages one document quotes from another.
//!
//! Near-copies are found with MinHash over 5-word shingles and LSH banding, then confirmed by the exact Jaccard
//! similarity of the shingle sets, so the answer never rests on a hash collision. The hash family is fixed
//! (seeded from constants, not from the environment), so runs are reproducible. Candidate generation is linear
//! in the number of documents; each LSH bucket compares a member with a bounded number of earlier ones.

use std::collections::HashMap;

use crate::model::{Document, Span, TokenKind};
use crate::reconcile::union_find::UnionFind;
use crate::text::tokens::tokenize;

/// Words per shingle.
const SHINGLE_WORDS: usize = 5;
/// MinHash signature length = bands × rows. 32 bands of 4 rows put the LSH threshold near Jaccard 0.42, below
/// the confirmation threshold, so few true pairs are missed.
const BANDS: usize = 32;
const ROWS: usize = 4;
/// Exact Jaccard a candidate pair must reach to count as near-copies.
pub const MIN_JACCARD: f64 = 0.5;
/// Earlier bucket members each document is compared with (bounds the work when many copies share a bucket).
const BUCKET_PEERS: usize = 8;
/// Words a shared passage must have, by default, to count as quoted rather than a common phrase.
pub const PASSAGE_WORDS: usize = 12;

/// Groups of ids of documents whose texts are near-copies (Jaccard of 5-word shingles at least [`MIN_JACCARD`]),
/// each group in input order, groups ordered by their first document. Documents without a copy are left out.
pub fn duplicate_groups(docs: &[Document]) -> Vec<Vec<String>> {
    let shingles: Vec<Vec<u64>> = docs.iter().map(doc_shingles).collect();
    let family = HashFamily::new(BANDS * ROWS);
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    let mut union = UnionFind::new(docs.len());
    for (i, set) in shingles.iter().enumerate() {
        if set.is_empty() {
            continue;
        }
        let signature = family.signature(set);
        for band in 0..BANDS {
            let rows = &signature[band * ROWS..(band + 1) * ROWS];
            let key = (band, rows.iter().fold(FNV_OFFSET, |h, r| mix(h ^ r)));
            let bucket = buckets.entry(key).or_default();
            for &j in bucket.iter().rev().take(BUCKET_PEERS) {
                if union.find(i) != union.find(j) && jaccard(set, &shingles[j]) >= MIN_JACCARD {
                    union.union(i, j);
                }
            }
            bucket.push(i);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..docs.len() {
        groups.entry(union.find(i)).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort_by_key(|g| g.first().copied());
    out.into_iter()
        .map(|g| g.into_iter().map(|i| docs[i].id.clone()).collect())
        .collect()
}

/// A passage that two texts share word for word (case and punctuation aside).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SharedPassage {
    /// Where it is in the first text (bytes).
    pub a: Span,
    /// Where it is in the second text (bytes).
    pub b: Span,
    /// Its length in words.
    pub words: usize,
}

/// Passages of at least [`PASSAGE_WORDS`] words that `a` and `b` share: one quotes the other, or both quote a
/// common source such as a press release. See [`shared_passages_min`].
pub fn shared_passages(a: &str, b: &str) -> Vec<SharedPassage> {
    shared_passages_min(a, b, PASSAGE_WORDS)
}

/// Maximal runs of at least `min_words` words (at least 2) that appear in both texts, in the order of `a`.
/// Linear in the texts' lengths apart from repeated runs: `b`'s runs of `min_words` words are indexed by hash,
/// `a` is scanned once, and each match is extended as far as the words agree.
pub fn shared_passages_min(a: &str, b: &str, min_words: usize) -> Vec<SharedPassage> {
    let k = min_words.max(2);
    let wa = words(a);
    let wb = words(b);
    if wa.len() < k || wb.len() < k {
        return Vec::new();
    }
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for j in 0..=wb.len() - k {
        index.entry(run_hash(&wb[j..j + k])).or_default().push(j);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + k <= wa.len() {
        let best = index
            .get(&run_hash(&wa[i..i + k]))
            .into_iter()
            .flatten()
            .map(|&j| (j, common_run(&wa[i..], &wb[j..])))
            .filter(|&(_, n)| n >= k)
            .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)));
        match best {
            Some((j, n)) => {
                out.push(SharedPassage {
                    a: Span::new(wa[i].1.start, wa[i + n - 1].1.end),
                    b: Span::new(wb[j].1.start, wb[j + n - 1].1.end),
                    words: n,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Lower-cased words and numbers of a text with their spans; punctuation is skipped.
fn words(text: &str) -> Vec<(String, Span)> {
    tokenize(text)
        .into_iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .filter_map(|t| Some((t.span.slice(text)?.to_lowercase(), t.span)))
        .collect()
}

/// Length of the common prefix of two word runs.
fn common_run(a: &[(String, Span)], b: &[(String, Span)]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x.0 == y.0).count()
}

fn run_hash(run: &[(String, Span)]) -> u64 {
    run.iter().fold(FNV_OFFSET, |h, (w, _)| mix(h ^ fnv1a(w)))
}

/// The sorted, distinct shingle hashes of a document (its tokens layer, or the text tokenised afresh). A text
/// shorter than one shingle is a single shingle of all its words, so short posts match only exact copies.
fn doc_shingles(doc: &Document) -> Vec<u64> {
    let word_hashes: Vec<u64> = if doc.layers.tokens.is_empty() {
        words(&doc.text).iter().map(|(w, _)| fnv1a(w)).collect()
    } else {
        doc.layers
            .tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .filter_map(|t| t.span.slice(&doc.text))
            .map(|w| fnv1a(&w.to_lowercase()))
            .collect()
    };
    if word_hashes.is_empty() {
        return Vec::new();
    }
    let width = SHINGLE_WORDS.min(word_hashes.len());
    let mut set: Vec<u64> = word_hashes
        .windows(width)
        .map(|w| w.iter().fold(FNV_OFFSET, |h, x| mix(h ^ x)))
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Exact Jaccard similarity of two sorted, distinct sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

/// A fixed family of hash functions `h_i(x) = mix(x ^ seed_i)`, the seeds drawn from a constant.
struct HashFamily {
    seeds: Vec<u64>,
}

impl HashFamily {
    fn new(n: usize) -> Self {
        let mut state: u64 = 0x5EED_C0A5_7EA1_2024;
        let seeds = (0..n)
            .map(|_| {
                state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
                mix(state)
            })
            .collect();
        HashFamily { seeds }
    }

    /// The minimum of each hash function over the set.
    fn signature(&self, set: &[u64]) -> Vec<u64> {
        self.seeds
            .iter()
            .map(|&s| set.iter().map(|&x| mix(x ^ s)).min().unwrap_or(u64::MAX))
            .collect()
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a: a stable string hash (std's hasher may change between Rust releases).
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(FNV_OFFSET, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The splitmix64 finaliser: spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::stories::tests::doc;

    const AGENCY: &str = "Firefighters battled a blaze at a chemical warehouse in the port of Rotterdam on \
        Tuesday night, sending a plume of black smoke over the city. The fire brigade said nobody was hurt \
        and that air measurements showed no danger, but residents of Charlois and Feijenoord were told to \
        keep windows closed. The cause of the fire was not yet known, a spokesman for the port authority said.";

    #[test]
    fn a_syndicated_copy_is_found() {
        let edited = format!(
            "ROTTERDAM (Agency) - {} More updates to follow.",
            AGENCY.replace("Tuesday night", "Tuesday evening")
        );
        let docs = vec![
            doc("d1", "en", AGENCY),
            doc(
                "d2",
                "en",
                "A magnitude 6.4 earthquake struck near Ahar in north-western Iran on Saturday, killing at \
                 least 306 people, and rescue teams searched the rubble through the night.",
            ),
            doc("d3", "en", &edited),
            doc("d4", "en", AGENCY),
        ];
        assert_eq!(
            duplicate_groups(&docs),
            vec![vec!["d1".to_string(), "d3".to_string(), "d4".to_string()]]
        );
    }

    #[test]
    fn a_rewritten_report_is_not_a_copy() {
        let docs = vec![
            doc("d1", "en", AGENCY),
            doc(
                "d2",
                "en",
                "Black smoke rose over Rotterdam when a chemical warehouse in the port caught fire on Tuesday. \
                 Nobody was injured according to the fire brigade. People living in Charlois and Feijenoord \
                 should keep their windows shut, the city advised, while the port authority investigates.",
            ),
        ];
        assert!(duplicate_groups(&docs).is_empty());
    }

    #[test]
    fn a_quoted_press_release_passage_is_found() {
        let release = "The company will close its plant in Eindhoven by the end of next year, affecting \
            about 1,200 jobs, and will offer every employee a place in its retraining programme.";
        let report = format!(
            "Workers gathered outside the gates on Monday. In a statement the firm said: \"{release}\" \
             Union leaders called the decision a betrayal."
        );
        let passages = shared_passages(&report, release);
        assert_eq!(passages.len(), 1);
        let p = passages[0];
        assert!(p.words >= 25, "{p:?}");
        assert_eq!(p.b.start, 0);
        assert!(report[p.a.start..p.a.end].starts_with("The company will close"));
        assert!(shared_passages("a short text", release).is_empty());
    }

    #[test]
    fn signatures_are_reproducible() {
        let set = vec![1u64, 5, 99];
        assert_eq!(
            HashFamily::new(8).signature(&set),
            HashFamily::new(8).signature(&set)
        );
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
    }
}
