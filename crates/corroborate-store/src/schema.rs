//! The schema and its numbered migrations.
//!
//! `schema_migrations` records every migration applied to a file. Opening a store applies the missing ones in
//! order, each in its own transaction, so a file from any earlier version is brought up to date and a crash
//! during a migration leaves the file at the previous version. Migrations are append-only: a released one is
//! never edited, a change is a new number.

use rusqlite::Connection;

use crate::StoreError;

/// Migration `n` is `MIGRATIONS[n - 1]`.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents, stories, membership and the per-story dossier.
    r#"
    CREATE TABLE documents (
        id           INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        source       TEXT NOT NULL,
        kind         TEXT NOT NULL,
        parent       INTEGER REFERENCES documents(id),
        language     TEXT,
        title        TEXT,
        url          TEXT,
        published    TEXT,
        authors      TEXT NOT NULL DEFAULT '[]',
        text         TEXT NOT NULL,
        removed      TEXT NOT NULL DEFAULT '[]',
        origin       TEXT NOT NULL,
        layers       TEXT NOT NULL DEFAULT '{}',
        engine       TEXT NOT NULL,
        ingested_at  TEXT NOT NULL
    );
    CREATE INDEX documents_parent ON documents(parent);
    CREATE TABLE stories (
        id         INTEGER PRIMARY KEY,
        title      TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        doc_count  INTEGER NOT NULL DEFAULT 0,
        dossier    TEXT
    );
    CREATE TABLE story_documents (
        story    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        document INTEGER NOT NULL REFERENCES documents(id),
        PRIMARY KEY (story, document)
    ) WITHOUT ROWID;
    CREATE INDEX story_documents_document ON story_documents(document);
    "#,
    // 2: full-text search over document text and the claims of every dossier, backfilled from what is there.
    r#"
    CREATE VIRTUAL TABLE doc_fts USING fts5(
        title, text, tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO doc_fts(rowid, title, text) SELECT id, coalesce(title, ''), text FROM documents;
    CREATE VIRTUAL TABLE claim_fts USING fts5(
        text, story UNINDEXED, claim UNINDEXED, doc UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
    );
    "#,
];

/// The newest schema this program knows.
pub fn latest() -> u32 {
    MIGRATIONS.len() as u32
}

/// The schema version of an open file (0 for a new, empty one).
pub fn version(conn: &Connection) -> Result<u32, StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version    INTEGER PRIMARY KEY,
             applied_at TEXT NOT NULL
         )",
    )?;
    let v: Option<u32> = conn.query_row("SELECT max(version) FROM schema_migrations", [], |r| {
        r.get(0)
    })?;
    Ok(v.unwrap_or(0))
}

/// Applies the missing migrations up to `target` (the latest when `None`). Refuses a file that is newer than
/// this program.
pub fn migrate(conn: &mut Connection, target: Option<u32>) -> Result<u32, StoreError> {
    let target = target.unwrap_or_else(latest).min(latest());
    let mut current = version(conn)?;
    if current > latest() {
        return Err(StoreError::TooNew {
            found: current,
            supported: latest(),
        });
    }
    while current < target {
        let next = current + 1;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the write lock.
        let now: u32 = tx.query_row(
            "SELECT coalesce(max(version), 0) FROM schema_migrations",
            [],
            |r| r.get(0),
        )?;
        if now < next {
            tx.execute_batch(MIGRATIONS[(next - 1) as usize])?;
            tx.execute(
                "INSERT INTO schema_migrations(version, applied_at)
                 VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                [next],
            )?;
        }
        tx.commit()?;
        current = version(conn)?;
    }
    Ok(current)
}
