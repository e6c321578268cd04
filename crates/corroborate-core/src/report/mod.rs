//! Report stage: the dossier as JSON (SPEC.md, `corroborate.dossier/1`).

pub mod dossier;

pub use dossier::{Dossier, build_dossier};
