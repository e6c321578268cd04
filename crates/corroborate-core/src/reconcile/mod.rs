//! Reconcile stage: what needs all documents of a run at once (canonical entities; later facts and disputes).

pub mod dates;
pub mod entities;
