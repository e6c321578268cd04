//! The store's one error type. Callers (the CLI, the server) turn it into a message or an HTTP status.

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("stored data is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The store was written by a newer corroborate: refusing to touch it protects the newer schema.
    #[error("the store is at schema version {found}, newer than this program's {supported}")]
    TooNew { found: u32, supported: u32 },
    #[error("no story {0}")]
    NoStory(String),
    #[error("a lock on the store was poisoned by a panic in another thread")]
    Poisoned,
}
