//! Files, directories and standard input: where local bytes come from.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::InputBytes;
use super::error::{IngestError, Reason};
use super::sniff::is_known_extension;

/// Expands a directory into the files under it that we know how to read, recursively, in a deterministic
/// (sorted by path) order. Hidden files and folders (`.git`, `.DS_Store`) are skipped. Files explicitly named
/// on the command line are always read, whatever their extension.
pub fn walk_dir(dir: &Path) -> Result<Vec<PathBuf>, IngestError> {
    let mut out = Vec::new();
    walk_into(dir, &mut out)?;
    out.sort();
    Ok(out)
}

fn walk_into(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), IngestError> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        IngestError::new(dir.display().to_string(), Reason::Unreadable(e.to_string()))
    })?;
    for entry in entries {
        let entry = entry.map_err(|e| {
            IngestError::new(dir.display().to_string(), Reason::Unreadable(e.to_string()))
        })?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        // Follow symlinks to directories as `metadata` does; a dangling link is reported when read.
        if path.is_dir() {
            walk_into(&path, out)?;
        } else if is_known_extension(&path.to_string_lossy()) {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads a file, refusing ones over `max_bytes` before reading them.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<InputBytes, IngestError> {
    let name = path.display().to_string();
    let err = |reason| IngestError::new(&name, reason);
    let meta = std::fs::metadata(path).map_err(|e| err(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(err(Reason::Unreadable("is a directory".into())));
    }
    if meta.len() > max_bytes {
        return Err(err(Reason::TooLarge {
            size: meta.len(),
            cap: max_bytes,
        }));
    }
    let file = std::fs::File::open(path).map_err(|e| err(io_reason(&e)))?;
    let bytes = read_capped(file, max_bytes).map_err(err)?;
    Ok(InputBytes {
        name,
        bytes,
        ..Default::default()
    })
}

/// Reads standard input, up to `max_bytes`.
pub fn read_stdin(max_bytes: u64) -> Result<InputBytes, IngestError> {
    let bytes =
        read_capped(std::io::stdin().lock(), max_bytes).map_err(|r| IngestError::new("-", r))?;
    Ok(InputBytes {
        name: "-".into(),
        bytes,
        ..Default::default()
    })
}

/// Reads at most `max_bytes` (a file can grow between `stat` and `read`; a pipe has no size).
pub fn read_capped(reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, Reason> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Reason::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > max_bytes {
        return Err(Reason::TooLarge {
            size: bytes.len() as u64,
            cap: max_bytes,
        });
    }
    Ok(bytes)
}

fn io_reason(e: &std::io::Error) -> Reason {
    match e.kind() {
        std::io::ErrorKind::NotFound => Reason::NotFound,
        _ => Reason::Unreadable(e.to_string()),
    }
}
