//! Extract stage: entities, numbers, dates and claims, each a standoff layer over a document's clean text.
//!
//! Works one document at a time and only reads the text stage's layers (sentences, tokens, language); what
//! needs several documents (canonical entities, facts) is the reconcile stage's job.

pub mod claims;
pub mod dates;
pub mod entities;
pub mod numbers;

use crate::model::Document;

/// Adds every extract layer to a document whose text layers are in place. Order matters: claims use entity
/// mentions (speakers), numbers and dates.
pub fn annotate(doc: &mut Document) {
    let lang = doc.language.clone().unwrap_or_else(|| "en".to_string());
    doc.layers.quantities = numbers::find_quantities(&doc.text, &doc.layers.sentences, &lang);
    doc.layers.dates = dates::find_dates(&doc.text, &lang, doc.published.as_deref());
    doc.layers.mentions = entities::find_mentions(&doc.text, &doc.layers.sentences, &lang);
    doc.layers.claims = claims::find_claims(doc, &lang);
}
