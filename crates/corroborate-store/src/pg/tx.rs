//! The ingest's row operations in PostgreSQL, inside the transaction [`super::PostgresStore`] opens and holds
//! the ingest lock in.

use postgres::Transaction;

use super::tsvector::tsvector;
use crate::StoreError;
use crate::ingest::IngestTx;
use crate::rows::{ClaimRow, NewDocument, StoredRow};
use crate::search::Query;

pub(super) struct PgTx<'a, 'c>(pub &'a mut Transaction<'c>);

impl IngestTx for PgTx<'_, '_> {
    fn document_by_hash(&mut self, hash: &str) -> Result<Option<i64>, StoreError> {
        let row = self
            .0
            .query_opt("SELECT id FROM documents WHERE content_hash = $1", &[&hash])?;
        Ok(row.map(|r| r.try_get(0)).transpose()?)
    }

    fn story_exists(&mut self, story: i64) -> Result<bool, StoreError> {
        Ok(self
            .0
            .query_one(
                "SELECT EXISTS(SELECT 1 FROM stories WHERE id = $1)",
                &[&story],
            )?
            .try_get(0)?)
    }

    fn stories_matching(&mut self, query: &Query, limit: usize) -> Result<Vec<i64>, StoreError> {
        let rows = self.0.query(
            "SELECT s.story, max(ts_rank(d.search, q)) AS best
             FROM documents d JOIN story_documents s ON s.document = d.id, CAST($1::text AS tsquery) q
             WHERE d.search @@ q GROUP BY s.story ORDER BY best DESC, s.story LIMIT $2",
            &[&query.tsquery_any(), &(limit as i64)],
        )?;
        rows.iter()
            .map(|r| r.try_get(0).map_err(StoreError::from))
            .collect()
    }

    fn create_story(&mut self, title: &str) -> Result<i64, StoreError> {
        Ok(self
            .0
            .query_one(
                "INSERT INTO stories(title) VALUES ($1) RETURNING id",
                &[&title],
            )?
            .try_get(0)?)
    }

    fn insert_document(&mut self, doc: &NewDocument<'_>) -> Result<i64, StoreError> {
        let search = tsvector(&[doc.title.unwrap_or(""), doc.text]);
        Ok(self
            .0
            .query_one(
                "INSERT INTO documents(content_hash, source, kind, parent, language, title, url, published,
                                       authors, text, removed, origin, layers, engine, search)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::text::tsvector)
                 RETURNING id",
                &[
                    &doc.content_hash,
                    &doc.source,
                    &doc.kind,
                    &doc.parent,
                    &doc.language,
                    &doc.title,
                    &doc.url,
                    &doc.published,
                    &doc.authors,
                    &doc.text,
                    &doc.removed,
                    &doc.origin,
                    &doc.layers,
                    &doc.engine,
                    &search,
                ],
            )?
            .try_get(0)?)
    }

    fn add_to_story(&mut self, story: i64, document: i64) -> Result<(), StoreError> {
        self.0.execute(
            "INSERT INTO story_documents(story, document) VALUES ($1, $2)",
            &[&story, &document],
        )?;
        Ok(())
    }

    fn story_documents(&mut self, story: i64) -> Result<Vec<StoredRow>, StoreError> {
        story_rows(self.0, story)
    }

    fn replace_claims(&mut self, story: i64, claims: &[ClaimRow]) -> Result<(), StoreError> {
        self.0
            .execute("DELETE FROM claims WHERE story = $1", &[&story])?;
        if claims.is_empty() {
            return Ok(());
        }
        // One statement for all of them: a story has hundreds of claims, and a round trip each would dominate.
        let ids: Vec<&str> = claims.iter().map(|c| c.claim.as_str()).collect();
        let docs: Vec<&str> = claims.iter().map(|c| c.doc.as_str()).collect();
        let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
        let vectors: Vec<String> = claims.iter().map(|c| tsvector(&[&c.text])).collect();
        self.0.execute(
            "INSERT INTO claims(story, claim, doc, text, search)
             SELECT $1, c, d, t, v::tsvector FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])
                 AS u(c, d, t, v)",
            &[&story, &ids, &docs, &texts, &vectors],
        )?;
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
            "UPDATE stories SET title = $1, dossier = $2, doc_count = $3, updated_at = now() WHERE id = $4",
            &[&title, &dossier, &(documents as i64), &story],
        )?;
        Ok(())
    }
}

/// The stored rows of a story's documents, in id order (in an ingest's transaction or on a pooled client).
pub(super) fn story_rows(
    client: &mut impl postgres::GenericClient,
    story: i64,
) -> Result<Vec<StoredRow>, StoreError> {
    let rows = client.query(
            "SELECT d.id, d.source, d.kind, d.parent, d.language, d.title, d.url, d.published, d.authors,
                    d.text, d.removed, d.origin, d.layers
             FROM story_documents s JOIN documents d ON d.id = s.document
             WHERE s.story = $1 ORDER BY d.id",
            &[&story],
        )?;
    rows.iter()
        .map(|r| {
            Ok(StoredRow {
                id: r.try_get(0)?,
                source: r.try_get(1)?,
                kind: r.try_get(2)?,
                parent: r.try_get(3)?,
                language: r.try_get(4)?,
                title: r.try_get(5)?,
                url: r.try_get(6)?,
                published: r.try_get(7)?,
                authors: r.try_get(8)?,
                text: r.try_get(9)?,
                removed: r.try_get(10)?,
                origin: r.try_get(11)?,
                layers: r.try_get(12)?,
            })
        })
        .collect()
}
