//! Content hashes: the identity that makes ingest idempotent.
//!
//! A report is the same document when its source, URL and clean text are the same: the same wire story carried
//! by two outlets stays two documents (two outlets chose to carry it), while re-reading a file changes nothing.
//! An embedded post is hashed with its parent's hash, as the analysis keeps a post quoted by two articles twice.

use corroborate_core::Document;
use sha2::{Digest, Sha256};

/// Hex SHA-256 over the identifying fields of `doc`, and of its parent's hash for an embedded post.
pub fn content_hash(doc: &Document, parent_hash: Option<&str>) -> String {
    let mut h = Sha256::new();
    for part in [
        parent_hash.unwrap_or(""),
        doc.source.as_str(),
        doc.url.as_deref().unwrap_or(""),
        doc.text.as_str(),
    ] {
        // Length-prefixed, so that moving bytes between fields changes the hash.
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}
