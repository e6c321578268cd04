//! Full-text search as both backends share it: what a word is, how a user's query is read, and how a snippet
//! is cut. The backends only differ in how they index (FTS5 in SQLite, `tsvector` in PostgreSQL); the words,
//! the query semantics and the snippets are made here, so a search gives the same hits on either.

mod query;
mod snippet;
mod words;

pub(crate) use query::{Query, lexeme_literal};
pub(crate) use snippet::snippet;
pub(crate) use words::{fold, words};

/// Words around the match in a snippet (what FTS5's `snippet()` was asked for before snippets were made here).
pub(crate) const SNIPPET_WORDS: usize = 24;
