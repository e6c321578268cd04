//! Ingest stage: bytes from files, directories, standard input or the network become raw documents.
//!
//! Readers know formats, not where bytes come from: the binary fetches URLs and hands the bytes here, so the
//! core has no network dependency.

pub mod dates;
