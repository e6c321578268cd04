//! Entity mentions. (Placeholder: the real recogniser is being written.)

use crate::model::{EntityMention, Span};

/// Mentions of people, organisations, places, facilities and groups in `text` (language `lang`).
pub fn find_mentions(text: &str, sentences: &[Span], lang: &str) -> Vec<EntityMention> {
    let _ = (text, sentences, lang);
    Vec::new()
}
