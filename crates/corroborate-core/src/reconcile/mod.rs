//! Reconcile stage: what needs every document of a run at once — facts with their disputes and independent
//! sources ([`facts`]), and how each outlet reports ([`profiles`]).

pub mod facts;
pub mod profiles;
