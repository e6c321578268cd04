//! A first-order linear-chain tagger trained as an averaged structured perceptron (Collins 2002): each word's
//! tag scores are the sums of its features' weights, tag-to-tag transitions have weights of their own, and
//! Viterbi finds the best tag sequence. Training decodes each sentence with the current weights and, where
//! the best sequence is not the gold one, moves weight from the predicted to the gold tags; the shipped
//! weights are the average over all steps, which generalises far better than the last ones.
//!
//! Deterministic: sentences are visited in an order from a fixed-seed generator, weights live in vectors
//! indexed by a feature table built in input order, and nothing iterates a hash map while training.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::features;
use super::tags::{self, TAGS};

/// Hasher for keys that are already 64-bit hashes: one multiply to spread them, no random state.
#[derive(Default)]
pub struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }
}

/// Feature hash → row of weights.
pub type FeatureIndex = HashMap<u64, u32, BuildHasherDefault<PreHashed>>;

/// Trained weights: one row of [`TAGS`] weights per feature, and transition weights from a tag (or the
/// sentence start, row `TAGS`) to a tag.
#[derive(Debug, Clone)]
pub struct Model {
    pub(super) index: FeatureIndex,
    /// Feature keys in row order.
    pub(super) keys: Vec<u64>,
    pub(super) weights: Vec<f32>,
    pub(super) transitions: Vec<f32>,
}

/// Training settings; the defaults are the ones the shipped model was trained with.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Features seen fewer times than this in the training data are left out of the model.
    pub min_count: u32,
    /// Share of a word's features hidden at random each time it is trained on, so that the model cannot
    /// lean on the word itself alone and learns what the lists, shapes and context say too.
    pub dropout: f32,
    /// The same for the features that name the word itself ([`features::WORD_BIT`]).
    pub word_dropout: f32,
    /// Seed of the sentence order and of the dropout.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 16,
            min_count: 2,
            dropout: 0.0,
            word_dropout: 0.4,
            seed: 0x005e_ed0f_6e72,
        }
    }
}

/// A training sentence: each word's feature hashes and its gold tag.
#[derive(Debug, Clone)]
pub struct Example {
    pub(super) features: Vec<Vec<u64>>,
    pub(super) gold: Vec<u8>,
}

impl Example {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.gold.len()
    }

    pub fn is_empty(&self) -> bool {
        self.gold.is_empty()
    }
}

impl Model {
    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.keys.len()
    }

    /// Per-word tag scores from the features (rows of [`TAGS`]).
    fn emissions<'a, I>(&self, words: I) -> Vec<[f32; TAGS]>
    where
        I: Iterator<Item = &'a [u64]>,
    {
        words
            .map(|feats| {
                let mut s = [0f32; TAGS];
                for f in feats {
                    if let Some(&row) = self.index.get(f) {
                        let r = row as usize * TAGS;
                        for (t, w) in s.iter_mut().zip(&self.weights[r..r + TAGS]) {
                            *t += w;
                        }
                    }
                }
                s
            })
            .collect()
    }

    /// The best tag sequence for a sentence's words.
    pub fn tag(&self, features: &[Vec<u64>]) -> Vec<u8> {
        let em = self.emissions(features.iter().map(Vec::as_slice));
        viterbi(&em, &self.transitions)
    }
}

/// Best tag sequence under emission scores and transition weights; sequences that break BILOU (a name not
/// closed, or continued in another kind) are never chosen.
pub fn viterbi(em: &[[f32; TAGS]], trans: &[f32]) -> Vec<u8> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![[f32::NEG_INFINITY; TAGS]; n];
    let mut back = vec![[0u8; TAGS]; n];
    for t in 0..TAGS {
        if tags::allowed(None, t as u8) {
            score[0][t] = em[0][t] + trans[TAGS * TAGS + t];
        }
    }
    for i in 1..n {
        for t in 0..TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..TAGS {
                if !tags::allowed(Some(p as u8), t as u8) {
                    continue;
                }
                let s = score[i - 1][p] + trans[p * TAGS + t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            score[i][t] = best + em[i][t];
            back[i][t] = arg;
        }
    }
    let mut last = 0u8;
    let mut best = f32::NEG_INFINITY;
    for (t, s) in score[n - 1].iter().enumerate() {
        if tags::may_end(t as u8) && *s > best {
            best = *s;
            last = t as u8;
        }
    }
    let mut out = vec![0u8; n];
    out[n - 1] = last;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
    out
}

/// Weights and their running sums for averaging (Daumé's trick: the average is `w - u / c`).
struct Averaged {
    w: Vec<f32>,
    u: Vec<f32>,
}

impl Averaged {
    fn new(len: usize) -> Averaged {
        Averaged {
            w: vec![0.0; len],
            u: vec![0.0; len],
        }
    }

    fn add(&mut self, i: usize, delta: f32, step: f32) {
        self.w[i] += delta;
        self.u[i] += step * delta;
    }

    fn average(&self, steps: f32) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / steps)
            .collect()
    }
}

/// Trains a model on `examples`.
pub fn train(examples: &[&Example], opts: &TrainOptions) -> Model {
    // The feature table: features seen often enough, in the order first met (deterministic).
    let mut counts: HashMap<u64, u32, BuildHasherDefault<PreHashed>> = HashMap::default();
    for ex in examples {
        for feats in &ex.features {
            for f in feats {
                *counts.entry(*f).or_insert(0) += 1;
            }
        }
    }
    let mut index = FeatureIndex::default();
    let mut keys = Vec::new();
    for ex in examples {
        for feats in &ex.features {
            for f in feats {
                if counts.get(f).is_some_and(|c| *c >= opts.min_count) && !index.contains_key(f) {
                    index.insert(*f, keys.len() as u32);
                    keys.push(*f);
                }
            }
        }
    }
    // Each sentence as rows, so training does no hashing.
    let rows: Vec<Vec<Vec<u32>>> = examples
        .iter()
        .map(|ex| {
            ex.features
                .iter()
                .map(|feats| feats.iter().filter_map(|f| index.get(f).copied()).collect())
                .collect()
        })
        .collect();
    let mut weights = Averaged::new(keys.len() * TAGS);
    let mut trans = Averaged::new((TAGS + 1) * TAGS);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = opts.seed | 1;
    let mut step = 1f32;
    for _ in 0..opts.epochs {
        shuffle(&mut order, &mut rng);
        for &e in &order {
            let gold = &examples[e].gold;
            let sent: Vec<Vec<u32>> = rows[e]
                .iter()
                .map(|rs| {
                    rs.iter()
                        .copied()
                        .filter(|&r| {
                            let p = if keys[r as usize] & features::WORD_BIT != 0 {
                                opts.word_dropout
                            } else {
                                opts.dropout
                            };
                            p <= 0.0 || next_unit(&mut rng) >= p
                        })
                        .collect()
                })
                .collect();
            let em: Vec<[f32; TAGS]> = sent
                .iter()
                .map(|rs| {
                    let mut s = [0f32; TAGS];
                    for &r in rs {
                        let r = r as usize * TAGS;
                        for (t, w) in s.iter_mut().zip(&weights.w[r..r + TAGS]) {
                            *t += w;
                        }
                    }
                    s
                })
                .collect();
            let pred = viterbi(&em, &trans.w);
            if pred != *gold {
                for (i, rs) in sent.iter().enumerate() {
                    let (g, p) = (gold[i] as usize, pred[i] as usize);
                    if g != p {
                        for &r in rs {
                            weights.add(r as usize * TAGS + g, 1.0, step);
                            weights.add(r as usize * TAGS + p, -1.0, step);
                        }
                    }
                    let (gp, pp) = if i == 0 {
                        (TAGS, TAGS)
                    } else {
                        (gold[i - 1] as usize, pred[i - 1] as usize)
                    };
                    if (gp, g) != (pp, p) {
                        trans.add(gp * TAGS + g, 1.0, step);
                        trans.add(pp * TAGS + p, -1.0, step);
                    }
                }
            }
            step += 1.0;
        }
    }
    Model {
        index,
        keys,
        weights: weights.average(step),
        transitions: trans.average(step),
    }
}

/// The next number of a xorshift generator: the same sequence for the same seed on every machine.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// A number in [0, 1) from the generator.
fn next_unit(state: &mut u64) -> f32 {
    (next(state) >> 40) as f32 / (1u64 << 24) as f32
}

/// Fisher–Yates shuffle.
fn shuffle(items: &mut [usize], state: &mut u64) {
    for i in (1..items.len()).rev() {
        let j = (next(state) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}
