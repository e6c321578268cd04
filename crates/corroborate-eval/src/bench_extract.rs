//! Throughput of the extract stages that read names, numbers and dates (sentence split, `find_quantities`,
//! `find_dates`, `find_mentions`) over the article-extraction benchmark's ground-truth article bodies, in
//! words per second, single-threaded. `bench/compare_ner.sh` sets it next to spaCy's NER on the same texts.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use corroborate_core::extract::{dates, entities, numbers};
use corroborate_core::text::sentences::split_sentences;

#[derive(clap::Args)]
pub struct Args {
    /// The article-extraction `ground-truth.json` (a map of records with `articleBody`).
    pub ground_truth: PathBuf,
    /// Rounds over all texts; the median is reported.
    #[arg(long, default_value_t = 5)]
    pub rounds: usize,
    /// Language the texts are read as: `de` runs the German path (rules and the trained tagger) over the same
    /// texts, to time it.
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// Print one JSON line (for scripts).
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args) -> anyhow::Result<bool> {
    let data = std::fs::read_to_string(&args.ground_truth)
        .with_context(|| format!("reading {}", args.ground_truth.display()))?;
    let records: serde_json::Value = serde_json::from_str(&data).context("parsing ground truth")?;
    let texts: Vec<&str> = records
        .as_object()
        .map(|m| {
            m.values()
                .filter_map(|r| r.get("articleBody")?.as_str())
                .collect()
        })
        .unwrap_or_default();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let mut times = Vec::new();
    let mut mentions = 0usize;
    for _ in 0..args.rounds.max(1) {
        let start = Instant::now();
        mentions = 0;
        for text in &texts {
            let lang = args.lang.as_str();
            let sentences = split_sentences(text, lang);
            std::hint::black_box(numbers::find_quantities(text, &sentences, lang));
            std::hint::black_box(dates::find_dates(text, lang, None));
            mentions += entities::find_mentions(text, &sentences, lang).len();
        }
        times.push(start.elapsed());
    }
    times.sort();
    let median = times
        .get(times.len() / 2)
        .copied()
        .unwrap_or(Duration::ZERO);
    let wps = words as f64 / median.as_secs_f64().max(1e-9);
    if args.json {
        println!(
            "{{\"texts\": {}, \"words\": {words}, \"mentions\": {mentions}, \"seconds\": {:.6}, \"words_per_s\": {wps:.1}}}",
            texts.len(),
            median.as_secs_f64()
        );
    } else {
        println!(
            "{} texts, {words} words, {mentions} mentions: {:.1} ms, {wps:.0} words/s (sentences + numbers + dates + entities, one thread)",
            texts.len(),
            median.as_secs_f64() * 1000.0
        );
    }
    Ok(true)
}
