//! The ingest's row operations in SQLite, inside the `BEGIN IMMEDIATE` transaction [`super::SqliteStore`]
//! opens (which also keeps other processes' ingests out until it commits).

use rusqlite::{OptionalExtension, Transaction, params};

use crate::StoreError;
use crate::ingest::IngestTx;
use crate::rows::{ClaimRow, NewDocument, StoredRow};
use crate::search::Query;

/// The current time as SQLite writes it everywhere in the store (ISO 8601, UTC, seconds).
const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

pub(super) struct SqliteTx<'a, 'c>(pub &'a Transaction<'c>);

impl IngestTx for SqliteTx<'_, '_> {
    fn document_by_hash(&mut self, hash: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .0
            .prepare("SELECT id FROM documents WHERE content_hash = ?1")?
            .query_row([hash], |r| r.get(0))
            .optional()?)
    }

    fn story_exists(&mut self, story: i64) -> Result<bool, StoreError> {
        Ok(self.0.query_row(
            "SELECT EXISTS(SELECT 1 FROM stories WHERE id = ?1)",
            [story],
            |r| r.get(0),
        )?)
    }

    fn stories_matching(&mut self, query: &Query, limit: usize) -> Result<Vec<i64>, StoreError> {
        // `rank` is FTS5's BM25 (lower is better); a story counts by its best-matching document.
        let mut stmt = self.0.prepare(
            "SELECT s.story, min(f.rank) AS best
             FROM doc_fts f JOIN story_documents s ON s.document = f.rowid
             WHERE doc_fts MATCH ?1 GROUP BY s.story ORDER BY best, s.story LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![query.fts5_any(), limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn create_story(&mut self, title: &str) -> Result<i64, StoreError> {
        self.0.execute(
            &format!(
                "INSERT INTO stories(title, created_at, updated_at) VALUES (?1, {NOW}, {NOW})"
            ),
            [title],
        )?;
        Ok(self.0.last_insert_rowid())
    }

    fn insert_document(&mut self, doc: &NewDocument<'_>) -> Result<i64, StoreError> {
        self.0
            .prepare(&format!(
                "INSERT INTO documents(content_hash, source, kind, parent, language, title, url, published,
                                       authors, text, removed, origin, layers, engine, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, {NOW})"
            ))?
            .execute(params![
                doc.content_hash,
                doc.source,
                doc.kind,
                doc.parent,
                doc.language,
                doc.title,
                doc.url,
                doc.published,
                doc.authors,
                doc.text,
                doc.removed,
                doc.origin,
                doc.layers,
                doc.engine,
            ])?;
        let id = self.0.last_insert_rowid();
        self.0
            .prepare("INSERT INTO doc_fts(rowid, title, text) VALUES (?1, ?2, ?3)")?
            .execute(params![id, doc.title.unwrap_or(""), doc.text])?;
        Ok(id)
    }

    fn add_to_story(&mut self, story: i64, document: i64) -> Result<(), StoreError> {
        self.0
            .prepare("INSERT INTO story_documents(story, document) VALUES (?1, ?2)")?
            .execute([story, document])?;
        Ok(())
    }

    fn story_documents(&mut self, story: i64) -> Result<Vec<StoredRow>, StoreError> {
        story_rows(self.0, story)
    }

    fn replace_claims(&mut self, story: i64, claims: &[ClaimRow]) -> Result<(), StoreError> {
        self.0
            .execute("DELETE FROM claim_fts WHERE story = ?1", [story])?;
        let mut insert = self
            .0
            .prepare("INSERT INTO claim_fts(text, story, claim, doc) VALUES (?1, ?2, ?3, ?4)")?;
        for c in claims {
            insert.execute(params![c.text, story, c.claim, c.doc])?;
        }
        Ok(())
    }

    fn save_dossier(
        &mut self,
        story: i64,
        title: &str,
        dossier: &str,
        documents: usize,
    ) -> Result<(), StoreError> {
        self.0.execute(
            &format!(
                "UPDATE stories SET title = ?1, dossier = ?2, doc_count = ?3, updated_at = {NOW} WHERE id = ?4"
            ),
            params![title, dossier, documents as i64, story],
        )?;
        Ok(())
    }
}

/// The stored rows of a story's documents, in id order (on a writer's transaction or a reader).
pub(super) fn story_rows(
    conn: &rusqlite::Connection,
    story: i64,
) -> Result<Vec<StoredRow>, StoreError> {
    let mut stmt = conn.prepare(
            "SELECT d.id, d.source, d.kind, d.parent, d.language, d.title, d.url, d.published, d.authors,
                    d.text, d.removed, d.origin, d.layers
             FROM story_documents s JOIN documents d ON d.id = s.document
             WHERE s.story = ?1 ORDER BY d.id",
        )?;
    let rows = stmt.query_map([story], |r| {
        Ok(StoredRow {
            id: r.get(0)?,
            source: r.get(1)?,
            kind: r.get(2)?,
            parent: r.get(3)?,
            language: r.get(4)?,
            title: r.get(5)?,
            url: r.get(6)?,
            published: r.get(7)?,
            authors: r.get(8)?,
            text: r.get(9)?,
            removed: r.get(10)?,
            origin: r.get(11)?,
            layers: r.get(12)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
