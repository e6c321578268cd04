//! corroborate's engine: a one-way pipeline from raw inputs to a source-attributed dossier.
//!
//! ```text
//! ingest  → clean          → text                       → (extract → reconcile)  → report
//! bytes     main text,        language, sentences,          entities, claims,        JSON dossier
//! records   boilerplate out,  tokens                        facts, disputes
//!           embedded posts
//! ```
//!
//! Each stage reads what the earlier ones produced and adds to it; none reaches back. See ARCHITECTURE.md.

pub mod clean;
pub mod extract;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod reconcile;
pub mod report;
pub mod text;

#[cfg(test)]
pub(crate) mod test_support;

pub use model::{
    ClaimMention, ClaimMode, DateAnchor, DateMention, DocKind, DocMeta, Document, EntityKind,
    EntityMention, Layers, Polarity, QuantityMention, Span, Stance, Token, TokenKind,
};
