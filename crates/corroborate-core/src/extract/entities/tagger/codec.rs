//! The model file: little-endian binary, small and byte-for-byte reproducible.
//!
//! ```text
//! magic "CRBNER\x02\0" | tags: u32 | transitions: (tags+1)*tags f32 | scale: f32 | rows: u32
//! each row, sorted by key: key u64 | mask u32 (which tags have a weight) | one i16 per set bit
//! ```
//!
//! Feature weights are stored as 16-bit integers times `scale` (the largest weight maps to 32767); weights
//! that round to zero are left out, and so are rows left with none.

use super::perceptron::{FeatureIndex, Model};
use super::tags::TAGS;

const MAGIC: &[u8; 8] = b"CRBNER\x02\0";

/// Why model bytes could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a corroborate NER model (bad magic)")]
    BadMagic,
    #[error("model file ends early at byte {0}")]
    Truncated(usize),
    #[error("model has {found} tags, this build tags {expected}")]
    TagCount { found: usize, expected: usize },
    #[error("{0} trailing bytes after the model")]
    Trailing(usize),
}

impl Model {
    /// The model as bytes (same model, same bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .weights
            .iter()
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(f32::MIN_POSITIVE);
        let scale = max / f32::from(i16::MAX);
        let mut rows: Vec<(u64, u32, Vec<i16>)> = Vec::new();
        for (row, key) in self.keys.iter().enumerate() {
            let mut mask = 0u32;
            let mut values = Vec::new();
            for t in 0..TAGS {
                let q = (self.weights[row * TAGS + t] / scale).round();
                if q != 0.0 {
                    mask |= 1 << t;
                    values.push(q.clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16);
                }
            }
            if mask != 0 {
                rows.push((*key, mask, values));
            }
        }
        rows.sort_by_key(|r| r.0);
        let mut out = Vec::with_capacity(32 + rows.len() * 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(TAGS as u32).to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (key, mask, values) in rows {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&mask.to_le_bytes());
            for v in values {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let tags = r.u32()? as usize;
        if tags != TAGS {
            return Err(ModelError::TagCount {
                found: tags,
                expected: TAGS,
            });
        }
        let transitions = (0..(TAGS + 1) * TAGS)
            .map(|_| r.f32())
            .collect::<Result<Vec<_>, _>>()?;
        let scale = r.f32()?;
        let rows = r.u32()? as usize;
        let mut index = FeatureIndex::default();
        index.reserve(rows);
        let mut keys = Vec::with_capacity(rows);
        let mut weights = Vec::with_capacity(rows * TAGS);
        for row in 0..rows {
            let key = r.u64()?;
            let mask = r.u32()?;
            for t in 0..TAGS {
                let w = if mask & (1 << t) != 0 {
                    f32::from(r.i16()?) * scale
                } else {
                    0.0
                };
                weights.push(w);
            }
            index.insert(key, row as u32);
            keys.push(key);
        }
        if r.at != bytes.len() {
            return Err(ModelError::Trailing(bytes.len() - r.at));
        }
        Ok(Model {
            index,
            keys,
            weights,
            transitions,
        })
    }
}

/// A cursor over the model bytes.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], ModelError> {
        let end = self.at + n;
        let slice = self
            .bytes
            .get(self.at..end)
            .ok_or(ModelError::Truncated(self.at))?;
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let at = self.at;
        self.take(N)?
            .try_into()
            .map_err(|_| ModelError::Truncated(at))
    }

    fn i16(&mut self) -> Result<i16, ModelError> {
        self.array().map(i16::from_le_bytes)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        self.array().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        self.array().map(u64::from_le_bytes)
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        self.array().map(f32::from_le_bytes)
    }
}
