//! Report stage: the dossier as JSON (SPEC.md, `corroborate.dossier/1`), and for people as Markdown and as one
//! self-contained HTML page.

pub mod dossier;
pub mod html;
pub mod markdown;
pub mod view;

pub use dossier::{Dossier, build_dossier};
