//! Which story new documents belong to. This is the one place that decides, so that the reconcile stage's
//! story grouping (same event across batches) can replace it without touching the rest of the store.
//!
//! For now: the documents of one ingest batch form one story, titled after the first title among them, unless
//! the caller names an existing story.

use corroborate_core::Document;

use crate::ingest::IngestTx;
use crate::{StoreError, StoryTarget, parse_id, story_id};

/// Longest story title made from a document's text, in characters.
const TITLE_CHARS: usize = 90;

/// Returns the story row for `new_docs` (never empty), creating it when needed.
pub(crate) fn assign(
    tx: &mut dyn IngestTx,
    target: &StoryTarget,
    new_docs: &[&Document],
) -> Result<i64, StoreError> {
    if let StoryTarget::Existing(id) = target {
        let n = parse_id(id, 's').ok_or_else(|| StoreError::NoStory(id.clone()))?;
        return if tx.story_exists(n)? {
            Ok(n)
        } else {
            Err(StoreError::NoStory(story_id(n)))
        };
    }
    tx.create_story(&title_for(new_docs))
}

/// The first title, else the start of the first text, else the first source.
pub fn title_for(docs: &[&Document]) -> String {
    if let Some(t) = docs
        .iter()
        .filter_map(|d| d.title.as_deref())
        .map(str::trim)
        .find(|t| !t.is_empty())
    {
        return t.to_string();
    }
    if let Some(text) = docs.iter().map(|d| d.text.trim()).find(|t| !t.is_empty()) {
        let line = text.lines().next().unwrap_or(text);
        let mut title: String = line.chars().take(TITLE_CHARS).collect();
        if line.chars().count() > TITLE_CHARS {
            title.push('…');
        }
        return title;
    }
    docs.first()
        .map_or_else(|| "Untitled".to_string(), |d| d.source.clone())
}
