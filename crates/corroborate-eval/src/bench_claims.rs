//! `corroborate-eval bench-claims DATA_DIR`: throughput of sentence splitting + `find_claims` over the 181
//! `articleBody` texts of the article-extraction ground truth (`ground-truth.json`), single-threaded. Texts are
//! read into memory first; the median of `--rounds` rounds is reported as articles/s and claims/s.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use corroborate_core::extract::claims::find_claims;
use corroborate_core::model::Document;
use corroborate_core::text::sentences::split_sentences;

#[derive(clap::Args)]
pub struct Args {
    /// The article-extraction folder (holds `ground-truth.json`).
    pub data: PathBuf,
    /// Rounds over all texts; the median is reported.
    #[arg(long, default_value_t = 5)]
    pub rounds: usize,
}

pub fn run(args: &Args) -> anyhow::Result<bool> {
    let path = args.data.join("ground-truth.json");
    let raw =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&raw).with_context(|| format!("parsing {}", path.display()))?;
    let texts: Vec<String> = json
        .as_object()
        .map(|o| {
            o.values()
                .filter_map(|v| v.get("articleBody").and_then(|b| b.as_str()))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut rounds = Vec::new();
    let mut claims = 0usize;
    for _ in 0..args.rounds.max(1) {
        let start = Instant::now();
        claims = 0;
        for t in &texts {
            let mut doc = Document::from_text("d1", "bench", t, "en");
            doc.layers.sentences = split_sentences(t, "en");
            claims += std::hint::black_box(find_claims(&doc, "en")).len();
        }
        rounds.push(start.elapsed().as_secs_f64());
    }
    rounds.sort_by(f64::total_cmp);
    let median = rounds[rounds.len() / 2].max(1e-9);
    println!(
        "bench-claims: {} articles, {:.1} MB, {} claims per round; median {:.1} ms/round",
        texts.len(),
        bytes as f64 / 1e6,
        claims,
        median * 1000.0
    );
    println!(
        "  {:.0} articles/s, {:.0} claims/s, {:.1} MB/s (sentence split + find_claims, one thread)",
        texts.len() as f64 / median,
        claims as f64 / median,
        bytes as f64 / 1e6 / median
    );
    Ok(true)
}
