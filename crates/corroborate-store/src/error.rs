//! The store's one error type. Callers (the CLI, the server) turn it into a message or an HTTP status.

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    /// The message already holds the client's cause, so the error is not also given as the source: an error
    /// chain (`{:#}`) would say everything twice.
    #[error("PostgreSQL: {}", postgres_message(.0))]
    Postgres(postgres::Error),
    #[error("stored data is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The store was written by a newer corroborate: refusing to touch it protects the newer schema.
    #[error("the store is at schema version {found}, newer than this program's {supported}")]
    TooNew { found: u32, supported: u32 },
    #[error("no story {0}")]
    NoStory(String),
    #[error("a lock on the store was poisoned by a panic in another thread")]
    Poisoned,
    /// Every connection the store may open to its database has been in use for a while.
    #[error("all {0} connections to the database stayed busy")]
    Busy(usize),
}

/// The server's own message when there is one ("ERROR: relation … does not exist", with its detail), else the
/// client's with its causes ("error connecting to server: Connection refused (os error 111)").
fn postgres_message(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return match db.detail() {
            Some(detail) => format!("{}: {} ({detail})", db.severity(), db.message()),
            None => format!("{}: {}", db.severity(), db.message()),
        };
    }
    let mut message = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        message.push_str(": ");
        message.push_str(&c.to_string());
        cause = c.source();
    }
    message
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        StoreError::Postgres(e)
    }
}
