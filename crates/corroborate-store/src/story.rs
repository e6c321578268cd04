//! Which story new documents belong to: the story of the event they report, found by the reconcile stage's
//! story grouping ([`place_new`]) among the few stored stories whose documents share their most telling words
//! (a full-text search), or a new story; or the story the caller names.
//!
//! Stored stories are never merged or split by an ingest: a user who follows one keeps it.

use corroborate_core::Document;
use corroborate_core::reconcile::stories::{Destination, place_new, salient_terms};
use corroborate_core::report::dossier::Dossier;

use crate::ingest::IngestTx;
use crate::rows::decode_all;
use crate::search::Query;
use crate::{StoreError, StoryTarget, parse_id, story_id};

/// Longest story title made from a document's text, in characters.
const TITLE_CHARS: usize = 90;
/// Words of the new reports searched for to find candidate stories.
const QUERY_WORDS: usize = 16;
/// Stored stories compared with a batch of new reports, at most (the best matches of the search).
const CANDIDATE_STORIES: usize = 8;

/// The story row of each of `new_docs`, creating stories where needed.
pub(crate) fn assign(
    tx: &mut dyn IngestTx,
    target: &StoryTarget,
    new_docs: &[&Document],
) -> Result<Vec<i64>, StoreError> {
    if let StoryTarget::Existing(id) = target {
        let n = parse_id(id, 's').ok_or_else(|| StoreError::NoStory(id.clone()))?;
        return if tx.story_exists(n)? {
            Ok(vec![n; new_docs.len()])
        } else {
            Err(StoreError::NoStory(story_id(n)))
        };
    }
    let candidates = match Query::any_of(&salient_terms(new_docs, QUERY_WORDS)) {
        Some(query) => tx.stories_matching(&query, CANDIDATE_STORIES)?,
        None => Vec::new(),
    };
    let mut stored: Vec<Vec<Document>> = Vec::with_capacity(candidates.len());
    for &story in &candidates {
        stored.push(decode_all(tx.story_documents(story)?)?);
    }
    let existing: Vec<Vec<&Document>> = stored.iter().map(|s| s.iter().collect()).collect();
    let destinations = place_new(&existing, new_docs);
    // One new story per group of new documents that joins no stored story, titled after its members.
    let groups = destinations
        .iter()
        .filter_map(|d| match d {
            Destination::New(n) => Some(n + 1),
            Destination::Existing(_) => None,
        })
        .max()
        .unwrap_or(0);
    let mut created = Vec::with_capacity(groups);
    for n in 0..groups {
        let members: Vec<&Document> = new_docs
            .iter()
            .zip(&destinations)
            .filter(|(_, d)| **d == Destination::New(n))
            .map(|(doc, _)| *doc)
            .collect();
        created.push(tx.create_story(&title_for(&members))?);
    }
    // `place_new` numbers stored stories by their position in `candidates` and new ones below `groups`.
    Ok(destinations
        .iter()
        .map(|d| match *d {
            Destination::Existing(k) => candidates[k],
            Destination::New(n) => created[n],
        })
        .collect())
}

/// A stored story's title once its dossier is built: the dossier's own (its most central report's), else the
/// first title or text among its documents.
pub fn title_of(dossier: &Dossier) -> String {
    dossier.title().map_or_else(
        || {
            dossier
                .documents
                .iter()
                .find_map(|d| d.title.clone())
                .unwrap_or_else(|| "Untitled".to_string())
        },
        str::to_string,
    )
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
