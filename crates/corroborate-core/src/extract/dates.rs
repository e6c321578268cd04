//! Date expressions, resolved against the publication date. (Placeholder: the real resolver is being written.)

use crate::model::DateMention;

/// Date expressions in `text` (language `lang`); relative ones resolved against `published` (ISO 8601) when
/// given, else left with `value: None` for the reconcile stage to anchor on other evidence of the story.
pub fn find_dates(text: &str, lang: &str, published: Option<&str>) -> Vec<DateMention> {
    let _ = (text, lang, published);
    Vec::new()
}
