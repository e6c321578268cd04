//! Command-line inputs to bytes, shared by `analyze` (reads everything, then analyses) and `ingest` (reads
//! and stores in chunks, so that memory stays bounded and progress is committed as it goes).

use std::path::{Path, PathBuf};

use corroborate_core::ingest::{self, IngestError, InputBytes, Reason};

use crate::fetch::{self, FetchConfig};

/// One input to read: what a command-line argument names, after directories are expanded.
#[derive(Debug, Clone)]
pub enum InputSpec {
    Stdin,
    Url(String),
    File(PathBuf),
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReadConfig {
    pub max_bytes: u64,
    pub fetch: FetchConfig,
}

/// Expands the arguments, in the order given; directories expand in place to their files in sorted order.
/// An argument that names nothing readable becomes its error, in its place.
pub fn expand(paths: &[String]) -> Vec<Result<InputSpec, IngestError>> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Ok(InputSpec::Stdin));
        } else if fetch::looks_like_url(p) {
            out.push(Ok(InputSpec::Url(p.clone())));
        } else {
            let path = Path::new(p);
            if path.is_dir() {
                match ingest::fs::walk_dir(path) {
                    Ok(files) if files.is_empty() => out.push(Err(IngestError::new(
                        p,
                        Reason::Unreadable("no readable files in directory".into()),
                    ))),
                    Ok(files) => out.extend(files.into_iter().map(|f| Ok(InputSpec::File(f)))),
                    Err(e) => out.push(Err(e)),
                }
            } else {
                out.push(Ok(InputSpec::File(path.to_path_buf())));
            }
        }
    }
    out
}

/// Reads one input's bytes (or says why it could not be read).
pub fn read(
    spec: Result<InputSpec, IngestError>,
    config: &ReadConfig,
) -> Result<InputBytes, IngestError> {
    match spec? {
        InputSpec::Stdin => ingest::fs::read_stdin(config.max_bytes),
        InputSpec::Url(url) => fetch::fetch(&url, &config.fetch),
        InputSpec::File(path) => ingest::fs::read_file(&path, config.max_bytes),
    }
}

/// Expands and reads every input, in order.
pub fn collect(paths: &[String], config: &ReadConfig) -> Vec<Result<InputBytes, IngestError>> {
    expand(paths).into_iter().map(|s| read(s, config)).collect()
}
