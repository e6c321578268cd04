//! The body of [`Store::ingest`](crate::Store::ingest), the same for every backend: skip what is already
//! stored (by content hash), put the new documents into a story, rebuild that story's dossier and re-index its
//! claims. A backend supplies the row operations ([`IngestTx`]) inside one transaction it has opened, and
//! commits only when this returns `Ok`, so a failure or a crash leaves no half-written story.

use std::collections::HashMap;

use corroborate_core::Document;
use corroborate_core::pipeline::Analysis;
use corroborate_core::report;

use crate::hash::content_hash;
use crate::rows::{ClaimRow, NewDocument, StoredRow, claims_of, decode_all};
use crate::search::Query;
use crate::{
    AddedDocument, DuplicateDocument, IngestReport, StoreError, StoryTarget, doc_id, story,
    story_id,
};

/// The row operations an ingest needs, all inside one open write transaction that no other ingest can
/// interleave with (each backend takes its own lock for that).
pub(crate) trait IngestTx {
    /// The stored document with this content hash.
    fn document_by_hash(&mut self, hash: &str) -> Result<Option<i64>, StoreError>;
    fn story_exists(&mut self, story: i64) -> Result<bool, StoreError>;
    /// Up to `limit` stories with a document that matches `query` (any of its words), best match first.
    fn stories_matching(&mut self, query: &Query, limit: usize) -> Result<Vec<i64>, StoreError>;
    /// A new, empty story; returns its row id.
    fn create_story(&mut self, title: &str) -> Result<i64, StoreError>;
    /// Inserts a document and indexes its title and text for search; returns its row id.
    fn insert_document(&mut self, doc: &NewDocument<'_>) -> Result<i64, StoreError>;
    fn add_to_story(&mut self, story: i64, document: i64) -> Result<(), StoreError>;
    /// The story's documents, in id order.
    fn story_documents(&mut self, story: i64) -> Result<Vec<StoredRow>, StoreError>;
    /// Replaces the story's indexed claims.
    fn replace_claims(&mut self, story: i64, claims: &[ClaimRow]) -> Result<(), StoreError>;
    /// Stores the rebuilt dossier, the story's title and member count, and marks the story updated now.
    fn save_dossier(
        &mut self,
        story: i64,
        title: &str,
        dossier: &str,
        documents: usize,
    ) -> Result<(), StoreError>;
}

/// Adds the documents of one analysis (each report followed by its embedded posts) and rebuilds the story
/// they go into.
pub(crate) fn ingest(
    tx: &mut dyn IngestTx,
    documents: Vec<Document>,
    target: &StoryTarget,
) -> Result<IngestReport, StoreError> {
    let mut report = IngestReport::default();
    // Run-local id → content hash, and → stored id once known.
    let mut hashes: HashMap<String, String> = HashMap::new();
    let mut stored: HashMap<String, i64> = HashMap::new();
    let mut new_docs: Vec<(Document, String)> = Vec::new();
    for doc in documents {
        let parent_hash = doc.parent.as_ref().and_then(|p| hashes.get(p)).cloned();
        let hash = content_hash(&doc, parent_hash.as_deref());
        hashes.insert(doc.id.clone(), hash.clone());
        match tx.document_by_hash(&hash)? {
            Some(id) => {
                stored.insert(doc.id.clone(), id);
                report.duplicates.push(DuplicateDocument {
                    id: doc_id(id),
                    origin: doc.origin.clone(),
                });
            }
            // The same content twice in one batch is a duplicate of the first.
            None if new_docs.iter().any(|(_, h)| *h == hash) => {
                report.duplicates.push(DuplicateDocument {
                    id: String::new(),
                    origin: doc.origin.clone(),
                });
            }
            None => new_docs.push((doc, hash)),
        }
    }
    if new_docs.is_empty() {
        return Ok(report);
    }
    let refs: Vec<&Document> = new_docs.iter().map(|(d, _)| d).collect();
    let stories = story::assign(tx, target, &refs)?;
    let mut touched: Vec<i64> = Vec::new();
    for ((doc, hash), &story) in new_docs.iter().zip(&stories) {
        let parent = doc.parent.as_ref().and_then(|p| stored.get(p)).copied();
        let id = tx.insert_document(&NewDocument::encode(doc, hash, parent)?)?;
        stored.insert(doc.id.clone(), id);
        tx.add_to_story(story, id)?;
        report.added.push(AddedDocument {
            id: doc_id(id),
            story: story_id(story),
            origin: doc.origin.clone(),
        });
        if !touched.contains(&story) {
            touched.push(story);
        }
    }
    // Only the stories the new documents went into are rebuilt.
    for story in touched {
        rebuild_story(tx, story)?;
        report.stories.push(story_id(story));
    }
    Ok(report)
}

/// Rebuilds one story's dossier from its stored documents and re-indexes its claims.
fn rebuild_story(tx: &mut dyn IngestTx, story: i64) -> Result<(), StoreError> {
    let documents = decode_all(tx.story_documents(story)?)?;
    let count = documents.len();
    let analysis = Analysis {
        documents,
        skipped: Vec::new(),
    };
    let built = report::build_dossier(&analysis);
    let title = story::title_of(&built);
    let dossier = serde_json::to_value(built)?;
    tx.replace_claims(story, &claims_of(&dossier))?;
    tx.save_dossier(story, &title, &serde_json::to_string(&dossier)?, count)
}
