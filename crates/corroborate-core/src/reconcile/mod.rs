//! Reconcile stage: what needs several documents of a run at once (stories, syndicated copies, and later
//! canonical entities, facts and disputes).

pub mod duplicates;
pub mod stories;
