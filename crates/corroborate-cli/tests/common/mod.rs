//! Helpers shared by the CLI's integration tests: run the real binary, validate its output.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared/dossier.schema.json`, the product contract, beside the repository.
pub fn schema_path() -> PathBuf {
    workspace_root().join("../shared/dossier.schema.json")
}

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {}", self.stderr))
    }
}

/// Runs `corroborate ARGS`, feeding `stdin` when given.
pub fn corroborate(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .current_dir(workspace_root())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start corroborate");
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(bytes).expect("write stdin");
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("wait for corroborate");
    Run {
        status: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Validates a dossier against the contract's JSON Schema, and checks every span lies on char boundaries.
pub fn assert_valid_dossier(dossier: &Value) {
    let schema_text = std::fs::read_to_string(schema_path()).unwrap_or_else(|e| {
        panic!(
            "the contract schema {} is missing: {e}",
            schema_path().display()
        )
    });
    let schema: Value = serde_json::from_str(&schema_text).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(dossier)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "dossier breaks the schema: {errors:#?}");
    for doc in dossier["documents"].as_array().expect("documents") {
        let text = doc["text"].as_str().expect("text");
        for s in doc["sentences"].as_array().expect("sentences") {
            let (start, end) = (
                s["start"].as_u64().expect("start") as usize,
                s["end"].as_u64().expect("end") as usize,
            );
            assert!(
                start <= end && text.get(start..end).is_some(),
                "span {start}..{end} off char boundaries in {}",
                doc["id"]
            );
        }
    }
}

/// A temporary directory with the given files.
pub fn temp_files(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, bytes).expect("write fixture");
    }
    dir
}

pub fn doc_by_origin_suffix<'a>(dossier: &'a Value, suffix: &str) -> &'a Value {
    dossier["documents"]
        .as_array()
        .and_then(|docs| {
            docs.iter()
                .find(|d| d["origin"].as_str().is_some_and(|o| o.ends_with(suffix)))
        })
        .unwrap_or_else(|| panic!("no document from {suffix}"))
}
