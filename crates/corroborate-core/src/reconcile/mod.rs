//! Reconcile stage: what needs all documents of a run at once — canonical entities, story grouping,
//! near-duplicate detection, anchoring of undated documents, facts with typed disputes and independent origins,
//! and outlet profiles.

pub mod dates;
pub mod duplicates;
pub mod entities;
pub mod facts;
pub mod profiles;
pub mod stories;
mod union_find;
