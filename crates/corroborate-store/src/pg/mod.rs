//! The store for teams: a PostgreSQL database, reached with a `postgres://` URL.
//!
//! The same tables, the same ingest (`ingest.rs`) and the same search semantics as [`crate::SqliteStore`].
//! Every ingest is one transaction that first takes a transaction-level advisory lock, so ingests from any
//! number of programs run one after another (story assignment and the duplicate check see every earlier
//! ingest), while readers, which never take it, read the last committed state and are never blocked.
//!
//! The client is the synchronous `postgres` crate, which runs each connection on a small tokio runtime of its
//! own. Its calls must therefore come from a thread that is not driving another runtime: the CLI's main
//! thread, or a blocking thread of the server (`spawn_blocking`), as the server does for every store call.

mod pool;
pub mod schema;
mod tsvector;
mod tx;

use std::time::Duration;

use corroborate_core::Document;
use postgres::{Client, Config};

use crate::search::{Query, SNIPPET_WORDS, snippet};
use crate::{
    ClaimHit, DocumentHit, IngestReport, SearchHits, Store, StoreError, StoredDocument,
    StorySummary, StoryTarget, doc_id, ingest, parse_id, story_id,
};

/// How long to try to reach the server before giving up, unless the URL says otherwise.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Serialises ingests between programs ("corrobor" in ASCII). Transaction-level: released by commit or
/// rollback, and by the server when a client dies mid-ingest.
const INGEST_LOCK: i64 = 0x636f_7272_6f62_6f72;

/// A timestamp column as the API shows times: ISO 8601, UTC, whole seconds (as the SQLite store keeps them).
macro_rules! iso {
    ($col:literal) => {
        concat!(
            "to_char(",
            $col,
            " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
        )
    };
}

/// A store in a PostgreSQL database.
pub struct PostgresStore {
    pool: pool::Pool,
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/database?options`) and brings its
    /// schema up to date. The database must exist; its tables are created on first use.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        let mut config: Config = url.parse()?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("corroborate");
        }
        let store = PostgresStore {
            pool: pool::Pool::new(config),
        };
        store.with_client(|c| schema::migrate(c, None).map(drop))?;
        Ok(store)
    }

    fn with_client<T>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.pool.with_client(f)
    }
}

impl Store for PostgresStore {
    fn ingest(
        &self,
        documents: Vec<Document>,
        target: &StoryTarget,
    ) -> Result<IngestReport, StoreError> {
        self.with_client(|client| {
            let mut tx = client.transaction()?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INGEST_LOCK])?;
            let report = ingest::ingest(&mut tx::PgTx(&mut tx), documents, target)?;
            tx.commit()?;
            Ok(report)
        })
    }

    fn stories(&self) -> Result<Vec<StorySummary>, StoreError> {
        self.with_client(|c| {
            let rows = c.query(
                concat!(
                    "SELECT id, title, doc_count, ",
                    iso!("updated_at"),
                    " FROM stories ORDER BY updated_at DESC, id DESC"
                ),
                &[],
            )?;
            rows.iter()
                .map(|r| {
                    Ok(StorySummary {
                        id: story_id(r.try_get(0)?),
                        title: r.try_get(1)?,
                        documents: r.try_get::<_, i64>(2)?.max(0) as usize,
                        updated: r.try_get(3)?,
                    })
                })
                .collect()
        })
    }

    fn has_story(&self, story: &str) -> Result<bool, StoreError> {
        let Some(n) = parse_id(story, 's') else {
            return Ok(false);
        };
        self.with_client(|c| {
            Ok(
                c.query_one("SELECT EXISTS(SELECT 1 FROM stories WHERE id = $1)", &[&n])?
                    .try_get(0)?,
            )
        })
    }

    fn story_documents(&self, story: &str) -> Result<Option<Vec<Document>>, StoreError> {
        if !self.has_story(story)? {
            return Ok(None);
        }
        let Some(n) = parse_id(story, 's') else {
            return Ok(None);
        };
        crate::rows::decode_all(self.with_client(|c| tx::story_rows(c, n))?).map(Some)
    }

    fn dossier(&self, story: &str) -> Result<Option<String>, StoreError> {
        let Some(n) = parse_id(story, 's') else {
            return Ok(None);
        };
        self.with_client(|c| {
            let row = c.query_opt("SELECT dossier FROM stories WHERE id = $1", &[&n])?;
            Ok(row
                .map(|r| r.try_get::<_, Option<String>>(0))
                .transpose()?
                .flatten())
        })
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let Some(n) = parse_id(id, 'd') else {
            return Ok(None);
        };
        self.with_client(|c| {
            let Some(r) = c.query_opt(
                concat!(
                    "SELECT id, source, kind, parent, language, title, url, published, text, removed, origin, ",
                    iso!("ingested_at"),
                    " FROM documents WHERE id = $1"
                ),
                &[&n],
            )?
            else {
                return Ok(None);
            };
            let removed: String = r.try_get(9)?;
            let stories = c
                .query(
                    "SELECT story FROM story_documents WHERE document = $1 ORDER BY story",
                    &[&n],
                )?
                .iter()
                .map(|s| s.try_get(0).map(story_id))
                .collect::<Result<_, _>>()?;
            Ok(Some(StoredDocument {
                id: doc_id(r.try_get(0)?),
                source: r.try_get(1)?,
                kind: r.try_get(2)?,
                parent: r.try_get::<_, Option<i64>>(3)?.map(doc_id),
                language: r.try_get(4)?,
                title: r.try_get(5)?,
                url: r.try_get(6)?,
                published: r.try_get(7)?,
                text: r.try_get(8)?,
                removed: serde_json::from_str(&removed)?,
                origin: r.try_get(10)?,
                ingested_at: r.try_get(11)?,
                stories,
            }))
        })
    }

    fn search(&self, query: &str, limit: usize) -> Result<SearchHits, StoreError> {
        let Some(query) = Query::parse(query) else {
            return Ok(SearchHits::default());
        };
        let (tsquery, terms) = (query.tsquery(), query.folded());
        let limit = limit.clamp(1, 500) as i64;
        self.with_client(|c| {
            let rows = c.query(
                "SELECT d.id, d.source, d.title, d.text,
                        (SELECT min(story) FROM story_documents s WHERE s.document = d.id)
                 FROM documents d, CAST($1::text AS tsquery) q
                 WHERE d.search @@ q ORDER BY ts_rank(d.search, q) DESC, d.id LIMIT $2",
                &[&tsquery, &limit],
            )?;
            let documents = rows
                .iter()
                .map(|r| {
                    Ok(DocumentHit {
                        id: doc_id(r.try_get(0)?),
                        source: r.try_get(1)?,
                        title: r.try_get(2)?,
                        snippet: snippet(r.try_get(3)?, &terms, SNIPPET_WORDS),
                        story: r.try_get::<_, Option<i64>>(4)?.map(story_id),
                    })
                })
                .collect::<Result<_, StoreError>>()?;
            let rows = c.query(
                "SELECT story, claim, doc, text
                 FROM claims, CAST($1::text AS tsquery) q
                 WHERE search @@ q ORDER BY ts_rank(search, q) DESC, story, claim LIMIT $2",
                &[&tsquery, &limit],
            )?;
            let claims = rows
                .iter()
                .map(|r| {
                    let text: String = r.try_get(3)?;
                    Ok(ClaimHit {
                        story: story_id(r.try_get(0)?),
                        id: r.try_get(1)?,
                        doc: r.try_get(2)?,
                        snippet: snippet(&text, &terms, SNIPPET_WORDS),
                        text,
                    })
                })
                .collect::<Result<_, StoreError>>()?;
            Ok(SearchHits { documents, claims })
        })
    }
}
