//! corroborate's store: documents, the stories they belong to, and each story's dossier, kept so that a
//! collection can keep growing one ingest at a time.
//!
//! The [`Store`] trait is what the CLI and the server use. Two implementations sit behind it:
//! [`SqliteStore`], embedded (one file, WAL mode, FTS5 search), and [`PostgresStore`], for teams (one database
//! many people ingest into and read from). [`open`] picks one from what a user gives as `--db`. The trait is
//! synchronous and `Sync`; the server calls it from blocking threads.
//!
//! Ingest is incremental and idempotent: documents are identified by a content hash ([`hash`]); a document
//! already stored is skipped; new documents go into a story ([`story`]) and only the stories they touch get
//! their dossier rebuilt, in the same transaction as the inserts, so a crash never leaves a half-written story.
//! That logic (`ingest.rs`), the stored form of a document, and search (what a word is, how a query
//! is read, how a snippet is cut) are written once and shared by both backends; each backend only supplies
//! its SQL.

mod error;
pub mod hash;
mod ingest;
mod location;
pub mod pg;
mod rows;
pub mod schema;
mod search;
mod sqlite;
pub mod story;
pub mod testing;

pub use error::StoreError;
pub use location::{Location, open};
pub use pg::PostgresStore;
pub use sqlite::SqliteStore;

use corroborate_core::Document;
use serde::Serialize;

/// Where a batch of new documents goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoryTarget {
    /// Let the store decide (`story::assign`).
    Auto,
    /// Into this story (an id such as `s3`).
    Existing(String),
}

/// What one call to [`Store::ingest`] did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct IngestReport {
    pub added: Vec<AddedDocument>,
    pub duplicates: Vec<DuplicateDocument>,
    /// The stories whose dossier was rebuilt.
    pub stories: Vec<String>,
}

/// A document the store did not have.
#[derive(Debug, Clone, Serialize)]
pub struct AddedDocument {
    pub id: String,
    pub story: String,
    pub origin: String,
}

/// A document the store already had (same content hash): nothing was written for it.
#[derive(Debug, Clone, Serialize)]
pub struct DuplicateDocument {
    /// The stored document with the same content.
    pub id: String,
    pub origin: String,
}

/// One line of the story list.
#[derive(Debug, Clone, Serialize)]
pub struct StorySummary {
    pub id: String,
    pub title: String,
    pub documents: usize,
    /// When the story's dossier was last rebuilt (ISO 8601, UTC).
    pub updated: String,
}

/// A stored document with what the store knows about it besides the analysis.
#[derive(Debug, Clone, Serialize)]
pub struct StoredDocument {
    pub id: String,
    pub source: String,
    pub kind: String,
    pub parent: Option<String>,
    pub language: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub removed: Vec<String>,
    pub origin: String,
    pub ingested_at: String,
    pub stories: Vec<String>,
}

/// Search results: documents and claims whose text matches.
#[derive(Debug, Default, Clone, Serialize)]
pub struct SearchHits {
    pub documents: Vec<DocumentHit>,
    pub claims: Vec<ClaimHit>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentHit {
    pub id: String,
    pub story: Option<String>,
    pub source: String,
    pub title: Option<String>,
    /// A short excerpt around the match, with the matched words between `[` and `]`.
    pub snippet: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimHit {
    pub story: String,
    /// The claim's id in that story's dossier.
    pub id: String,
    pub doc: String,
    pub text: String,
    pub snippet: String,
}

/// The store as its users see it. Implementations handle their own concurrency (`&self` everywhere).
pub trait Store: Send + Sync {
    /// Adds the documents of one analysis (run-local ids, each report followed by its embedded posts) and
    /// rebuilds the dossiers of the stories they touch, all in one transaction.
    fn ingest(
        &self,
        documents: Vec<Document>,
        target: &StoryTarget,
    ) -> Result<IngestReport, StoreError>;
    /// Every story, most recently updated first.
    fn stories(&self) -> Result<Vec<StorySummary>, StoreError>;
    fn has_story(&self, story: &str) -> Result<bool, StoreError>;
    /// A story's dossier as stored (JSON text), or `None` if there is no such story.
    fn dossier(&self, story: &str) -> Result<Option<String>, StoreError>;
    fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError>;
    /// A story's documents as analysed (with store ids), for what the stored dossier JSON does not hold (the
    /// Markdown and HTML renderings); `None` if there is no such story.
    fn story_documents(&self, story: &str) -> Result<Option<Vec<Document>>, StoreError>;
    /// Full-text search; `query` is what a user typed (words, "quoted phrases"), never FTS syntax.
    fn search(&self, query: &str, limit: usize) -> Result<SearchHits, StoreError>;
}

/// `d12` → 12. Bare numbers are accepted too, so ids can be typed by hand.
pub fn parse_id(id: &str, prefix: char) -> Option<i64> {
    id.strip_prefix(prefix).unwrap_or(id).parse().ok()
}

/// The public id of a stored document.
pub fn doc_id(n: i64) -> String {
    format!("d{n}")
}

/// The public id of a story.
pub fn story_id(n: i64) -> String {
    format!("s{n}")
}
