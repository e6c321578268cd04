//! What the crate's tests share: running the pipeline over texts written in the test, and the examples story.

use crate::ingest::InputBytes;
use crate::pipeline::{Analysis, Options, analyze_with};

/// Runs the whole pipeline, on one thread, over `(file name, text)` pairs.
pub fn analyze_texts(files: &[(&str, &str)]) -> Analysis {
    let inputs = files
        .iter()
        .map(|(name, text)| {
            Ok(InputBytes {
                name: (*name).to_string(),
                bytes: text.as_bytes().to_vec(),
                ..Default::default()
            })
        })
        .collect();
    analyze_with(
        inputs,
        Options {
            threads: Some(1),
            ..Default::default()
        },
    )
}

/// The files of `examples/protest-camp`, as (file name, text).
pub fn example_files() -> Vec<(&'static str, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/protest-camp");
    [
        "dravik-blog.txt",
        "free-voice.md",
        "interior-ministry.txt",
        "rundschau.txt",
        "valley-courier.html",
        "wire.jsonl",
    ]
    .into_iter()
    .map(|name| {
        let text = std::fs::read_to_string(format!("{dir}/{name}"))
            .unwrap_or_else(|e| panic!("reading example {name}: {e}"));
        (name, text)
    })
    .collect()
}

/// The examples story through the whole pipeline.
pub fn analyze_example() -> Analysis {
    let files = example_files();
    let pairs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    analyze_texts(&pairs)
}
