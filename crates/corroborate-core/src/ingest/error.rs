//! Why an input (or one record of it) could not be analysed.

use thiserror::Error;

/// An input that was skipped, and why. `Display` is the one-line message the CLI prints: `INPUT: reason`.
#[derive(Debug, Error, Clone, PartialEq)]
#[error("{input}: {reason}")]
pub struct IngestError {
    /// The input as the user named it (path, URL, `-`), with `#N` for record N of a multi-record input.
    pub input: String,
    pub reason: Reason,
}

impl IngestError {
    pub fn new(input: impl Into<String>, reason: Reason) -> Self {
        IngestError {
            input: input.into(),
            reason,
        }
    }
}

/// The reasons an input is skipped.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum Reason {
    #[error("no such file or directory")]
    NotFound,
    #[error("cannot read: {0}")]
    Unreadable(String),
    #[error("input is {size} bytes, over the {cap}-byte limit")]
    TooLarge { size: u64, cap: u64 },
    #[error("binary data, not text")]
    Binary,
    #[error("empty input")]
    Empty,
    #[error("no readable text after cleaning")]
    NoText,
    #[error("cannot decode the bytes as {0}")]
    Undecodable(String),
    #[error("invalid JSON at line {line}: {message}")]
    InvalidJson { line: usize, message: String },
    #[error("JSON record has neither `text` nor `html`")]
    RecordWithoutText,
    #[error("invalid WARC archive: {0}")]
    InvalidWarc(String),
    #[error("invalid feed: {0}")]
    InvalidFeed(String),
    #[error("fetch failed: {0}")]
    Fetch(String),
    #[error("unsupported URL scheme `{0}` (only http and https)")]
    UnsupportedScheme(String),
}
