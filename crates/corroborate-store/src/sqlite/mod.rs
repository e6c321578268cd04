//! The embedded store: one SQLite file in WAL mode.
//!
//! One writer connection behind a mutex (SQLite allows one writer at a time anyway) and a bounded pool of
//! reader connections ([`pool::ReaderPool`]), so that readers (the web app) are never blocked by an ingest: in WAL mode they keep seeing the
//! last committed state while a write transaction is open, in this process or in another.

mod pool;
mod tx;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use corroborate_core::Document;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::search::{Query, SNIPPET_WORDS, snippet};
use crate::{
    ClaimHit, DocumentHit, IngestReport, SearchHits, Store, StoreError, StoredDocument,
    StorySummary, StoryTarget, doc_id, ingest, parse_id, schema, story_id,
};

/// How long a connection waits for another writer (another process ingesting) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);
/// Fewest reader connections the pool may open; more on machines with more cores (two per core), so that
/// reads never wait for a connection while a core is idle.
const MIN_READERS: usize = 4;
/// Most reader connections, however many cores.
const MAX_READERS: usize = 32;

/// A store in one SQLite file.
pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: pool::ReaderPool,
}

impl SqliteStore {
    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        let mut writer = Connection::open(&path)?;
        configure(&writer)?;
        // WAL is a property of the file: set once here, readers inherit it.
        writer.pragma_update(None, "journal_mode", "WAL")?;
        schema::migrate(&mut writer, None)?;
        Ok(SqliteStore {
            path,
            writer: Mutex::new(writer),
            readers: pool::ReaderPool::new(reader_count()),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` on a reader connection from the pool (waiting for one when all are busy).
    fn read<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.readers.with(|| open_reader(&self.path), f)
    }
}

/// A new reader connection. Opened read-write but `query_only`: a read-only handle cannot create the WAL
/// index when it is missing, and a reader must never write anyway.
fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let c = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    configure(&c)?;
    c.pragma_update(None, "query_only", "ON")?;
    Ok(c)
}

fn reader_count() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    (cores * 2).clamp(MIN_READERS, MAX_READERS)
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // In WAL mode NORMAL loses no committed transaction when the process dies (only on power loss), and the
    // file stays consistent either way.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

impl Store for SqliteStore {
    fn ingest(
        &self,
        documents: Vec<Document>,
        target: &StoryTarget,
    ) -> Result<IngestReport, StoreError> {
        let mut conn = self.writer.lock().map_err(|_| StoreError::Poisoned)?;
        // IMMEDIATE takes the write lock up front, so the duplicate check and the inserts see the same state.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let report = ingest::ingest(&mut tx::SqliteTx(&tx), documents, target)?;
        tx.commit()?;
        Ok(report)
    }

    fn stories(&self) -> Result<Vec<StorySummary>, StoreError> {
        self.read(|c| {
            let mut stmt = c.prepare(
                "SELECT id, title, doc_count, updated_at FROM stories ORDER BY updated_at DESC, id DESC",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(StorySummary {
                    id: story_id(r.get(0)?),
                    title: r.get(1)?,
                    documents: r.get::<_, i64>(2)?.max(0) as usize,
                    updated: r.get(3)?,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    fn has_story(&self, story: &str) -> Result<bool, StoreError> {
        let Some(n) = parse_id(story, 's') else {
            return Ok(false);
        };
        self.read(|c| {
            Ok(c.query_row(
                "SELECT EXISTS(SELECT 1 FROM stories WHERE id = ?1)",
                [n],
                |r| r.get(0),
            )?)
        })
    }

    fn story_documents(&self, story: &str) -> Result<Option<Vec<Document>>, StoreError> {
        if !self.has_story(story)? {
            return Ok(None);
        }
        let Some(n) = parse_id(story, 's') else {
            return Ok(None);
        };
        crate::rows::decode_all(self.read(|c| tx::story_rows(c, n))?).map(Some)
    }

    fn dossier(&self, story: &str) -> Result<Option<String>, StoreError> {
        let Some(n) = parse_id(story, 's') else {
            return Ok(None);
        };
        self.read(|c| {
            let d: Option<Option<String>> = c
                .query_row("SELECT dossier FROM stories WHERE id = ?1", [n], |r| {
                    r.get(0)
                })
                .optional()?;
            Ok(d.flatten())
        })
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let Some(n) = parse_id(id, 'd') else {
            return Ok(None);
        };
        self.read(|c| {
            let doc = c
                .query_row(
                    "SELECT id, source, kind, parent, language, title, url, published, text, removed,
                            origin, ingested_at
                     FROM documents WHERE id = ?1",
                    [n],
                    |r| {
                        Ok((
                            StoredDocument {
                                id: doc_id(r.get(0)?),
                                source: r.get(1)?,
                                kind: r.get(2)?,
                                parent: r.get::<_, Option<i64>>(3)?.map(doc_id),
                                language: r.get(4)?,
                                title: r.get(5)?,
                                url: r.get(6)?,
                                published: r.get(7)?,
                                text: r.get(8)?,
                                removed: Vec::new(),
                                origin: r.get(10)?,
                                ingested_at: r.get(11)?,
                                stories: Vec::new(),
                            },
                            r.get::<_, String>(9)?,
                        ))
                    },
                )
                .optional()?;
            let Some((mut doc, removed)) = doc else {
                return Ok(None);
            };
            doc.removed = serde_json::from_str(&removed)?;
            let mut stmt =
                c.prepare("SELECT story FROM story_documents WHERE document = ?1 ORDER BY story")?;
            doc.stories = stmt
                .query_map([n], |r| r.get(0))?
                .map(|s| s.map(story_id))
                .collect::<Result<_, _>>()?;
            Ok(Some(doc))
        })
    }

    fn search(&self, query: &str, limit: usize) -> Result<SearchHits, StoreError> {
        let Some(query) = Query::parse(query) else {
            return Ok(SearchHits::default());
        };
        let (fts, terms) = (query.fts5(), query.folded());
        let limit = limit.clamp(1, 500) as i64;
        self.read(|c| {
            let mut stmt = c.prepare(
                "SELECT d.id, d.source, d.title, d.text,
                        (SELECT min(story) FROM story_documents s WHERE s.document = d.id)
                 FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid
                 WHERE doc_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            )?;
            let documents = stmt
                .query_map(params![fts, limit], |r| {
                    Ok(DocumentHit {
                        id: doc_id(r.get(0)?),
                        source: r.get(1)?,
                        title: r.get(2)?,
                        snippet: snippet(&r.get::<_, String>(3)?, &terms, SNIPPET_WORDS),
                        story: r.get::<_, Option<i64>>(4)?.map(story_id),
                    })
                })?
                .collect::<Result<_, _>>()?;
            let mut stmt = c.prepare(
                "SELECT story, claim, doc, text FROM claim_fts
                 WHERE claim_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            )?;
            let claims = stmt
                .query_map(params![fts, limit], |r| {
                    let text: String = r.get(3)?;
                    Ok(ClaimHit {
                        story: story_id(r.get(0)?),
                        id: r.get(1)?,
                        doc: r.get(2)?,
                        snippet: snippet(&text, &terms, SNIPPET_WORDS),
                        text,
                    })
                })?
                .collect::<Result<_, _>>()?;
            Ok(SearchHits { documents, claims })
        })
    }
}
