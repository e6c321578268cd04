//! The embedded store: one SQLite file in WAL mode.
//!
//! One writer connection behind a mutex (SQLite allows one writer at a time anyway) and a bounded pool of
//! reader connections ([`ReaderPool`]), so that readers (the web app) are never blocked by an ingest: in WAL mode they keep seeing the
//! last committed state while a write transaction is open, in this process or in another.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use corroborate_core::pipeline::Analysis;
use corroborate_core::{Document, Layers, extract, report, text};
use rusqlite::{
    Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, params,
};

use crate::hash::content_hash;
use crate::pool::ReaderPool;
use crate::{
    AddedDocument, ClaimHit, DocumentHit, DuplicateDocument, IngestReport, SearchHits, Store,
    StoreError, StoredDocument, StorySummary, StoryTarget, doc_id, parse_id, schema, search, story,
    story_id,
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
    readers: ReaderPool,
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
            readers: ReaderPool::new(reader_count()),
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
        let report = ingest_in(&tx, documents, target)?;
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
        let Some(fts) = search::fts_query(query) else {
            return Ok(SearchHits::default());
        };
        let limit = limit.clamp(1, 500) as i64;
        self.read(|c| {
            let mut stmt = c.prepare(
                "SELECT d.id, d.source, d.title,
                        snippet(doc_fts, 1, '[', ']', '…', 24),
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
                        snippet: r.get(3)?,
                        story: r.get::<_, Option<i64>>(4)?.map(story_id),
                    })
                })?
                .collect::<Result<_, _>>()?;
            let mut stmt = c.prepare(
                "SELECT story, claim, doc, text, snippet(claim_fts, 0, '[', ']', '…', 24)
                 FROM claim_fts WHERE claim_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            )?;
            let claims = stmt
                .query_map(params![fts, limit], |r| {
                    Ok(ClaimHit {
                        story: story_id(r.get(0)?),
                        id: r.get(1)?,
                        doc: r.get(2)?,
                        text: r.get(3)?,
                        snippet: r.get(4)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            Ok(SearchHits { documents, claims })
        })
    }
}

/// The body of [`Store::ingest`], inside its transaction.
fn ingest_in(
    tx: &Transaction<'_>,
    documents: Vec<Document>,
    target: &StoryTarget,
) -> Result<IngestReport, StoreError> {
    let mut report = IngestReport::default();
    // Run-local id → (content hash, stored id once known).
    let mut hashes: HashMap<String, String> = HashMap::new();
    let mut stored: HashMap<String, i64> = HashMap::new();
    let mut new_docs: Vec<(Document, String)> = Vec::new();
    for doc in documents {
        let parent_hash = doc.parent.as_ref().and_then(|p| hashes.get(p)).cloned();
        let hash = content_hash(&doc, parent_hash.as_deref());
        hashes.insert(doc.id.clone(), hash.clone());
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM documents WHERE content_hash = ?1",
                [&hash],
                |r| r.get(0),
            )
            .optional()?;
        match existing {
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
    let story = story::assign(tx, target, &refs)?;
    let engine = concat!("corroborate ", env!("CARGO_PKG_VERSION"));
    for (doc, hash) in &new_docs {
        let parent = doc.parent.as_ref().and_then(|p| stored.get(p)).copied();
        tx.execute(
            "INSERT INTO documents(content_hash, source, kind, parent, language, title, url, published,
                                   authors, text, removed, origin, layers, engine, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
                     strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            params![
                hash,
                doc.source,
                kind_name(doc)?,
                parent,
                doc.language,
                doc.title,
                doc.url,
                doc.published,
                serde_json::to_string(&doc.authors)?,
                doc.text,
                serde_json::to_string(&doc.removed)?,
                doc.origin,
                serde_json::to_string(&doc.layers)?,
                engine,
            ],
        )?;
        let id = tx.last_insert_rowid();
        stored.insert(doc.id.clone(), id);
        tx.execute(
            "INSERT INTO doc_fts(rowid, title, text) VALUES (?1, ?2, ?3)",
            params![id, doc.title.as_deref().unwrap_or(""), doc.text],
        )?;
        tx.execute(
            "INSERT INTO story_documents(story, document) VALUES (?1, ?2)",
            params![story, id],
        )?;
        report.added.push(AddedDocument {
            id: doc_id(id),
            story: story_id(story),
            origin: doc.origin.clone(),
        });
    }
    rebuild_story(tx, story)?;
    report.stories.push(story_id(story));
    Ok(report)
}

/// The document kind as the dossier spells it (`article`, `post`, …).
fn kind_name(doc: &Document) -> Result<String, StoreError> {
    Ok(match serde_json::to_value(doc.kind)? {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    })
}

/// Rebuilds one story's dossier from its stored documents and re-indexes its claims.
fn rebuild_story(tx: &Transaction<'_>, story: i64) -> Result<(), StoreError> {
    let documents = load_story_documents(tx, story)?;
    let count = documents.len() as i64;
    let analysis = Analysis {
        documents,
        skipped: Vec::new(),
    };
    let dossier = serde_json::to_value(report::build_dossier(&analysis))?;
    tx.execute("DELETE FROM claim_fts WHERE story = ?1", [story])?;
    if let Some(claims) = dossier.get("claims").and_then(|c| c.as_array()) {
        for claim in claims {
            let field = |k: &str| claim.get(k).and_then(|v| v.as_str()).unwrap_or("");
            if field("text").is_empty() {
                continue;
            }
            tx.execute(
                "INSERT INTO claim_fts(text, story, claim, doc) VALUES (?1, ?2, ?3, ?4)",
                params![field("text"), story, field("id"), field("doc")],
            )?;
        }
    }
    tx.execute(
        "UPDATE stories SET dossier = ?1, doc_count = ?2,
                updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         WHERE id = ?3",
        params![serde_json::to_string(&dossier)?, count, story],
    )?;
    Ok(())
}

/// The story's documents as the pipeline produced them, with store ids (`d12`) in place of run-local ones.
fn load_story_documents(tx: &Transaction<'_>, story: i64) -> Result<Vec<Document>, StoreError> {
    let mut stmt = tx.prepare(
        "SELECT d.id, d.source, d.kind, d.parent, d.language, d.title, d.url, d.published, d.authors,
                d.text, d.removed, d.origin, d.layers
         FROM story_documents s JOIN documents d ON d.id = s.document
         WHERE s.story = ?1 ORDER BY d.id",
    )?;
    let rows = stmt.query_map([story], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<i64>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, Option<String>>(7)?,
            r.get::<_, String>(8)?,
            r.get::<_, String>(9)?,
            r.get::<_, String>(10)?,
            r.get::<_, String>(11)?,
            r.get::<_, String>(12)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (
            id,
            source,
            kind,
            parent,
            language,
            title,
            url,
            published,
            authors,
            text,
            removed,
            origin,
            layers,
        ) = row?;
        let parsed: Option<Layers> = serde_json::from_str(&layers).ok();
        let mut doc = Document {
            id: doc_id(id),
            source,
            kind: serde_json::from_value(serde_json::Value::String(kind))?,
            parent: parent.map(doc_id),
            language,
            title,
            url,
            published,
            authors: serde_json::from_str(&authors)?,
            text,
            removed: serde_json::from_str(&removed)?,
            origin,
            layers: parsed.clone().unwrap_or_default(),
        };
        // Layers written by an older engine whose model no longer reads back are made again from the stored
        // text: the text is fixed, the layers are derived from it.
        if parsed.is_none() {
            let hint = doc.language.clone();
            text::annotate(&mut doc, hint.as_deref());
            extract::annotate(&mut doc);
        }
        out.push(doc);
    }
    Ok(out)
}
