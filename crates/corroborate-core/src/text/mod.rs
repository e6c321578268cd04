//! Text stage: language, sentences and tokens of a clean document, as standoff layers.

pub mod language;
pub mod sentences;
pub mod tokens;

use crate::model::Document;

/// Adds the text layers to a document whose clean text is final: language (unless already known), sentences,
/// tokens. Never touches `text`.
pub fn annotate(doc: &mut Document, language_hint: Option<&str>) {
    if doc.language.is_none() {
        doc.language = language::detect_language(&doc.text, language_hint).map(str::to_string);
    }
    let lang = doc.language.as_deref().unwrap_or("en");
    doc.layers.sentences = sentences::split_sentences(&doc.text, lang);
    doc.layers.tokens = tokens::tokenize(&doc.text);
}
