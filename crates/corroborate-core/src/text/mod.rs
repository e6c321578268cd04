//! Text stage: language, sentences and tokens of a clean document, as standoff layers.

pub mod language;
pub mod sentences;
pub mod tokens;
