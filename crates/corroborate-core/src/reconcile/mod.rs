//! Reconcile stage: what needs all documents of a run at once — canonical entities, story grouping,
//! near-duplicate detection, anchoring of undated documents (and facts and disputes as they land).

pub mod dates;
pub mod duplicates;
pub mod entities;
pub mod stories;
