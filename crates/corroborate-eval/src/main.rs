//! `corroborate-eval`: measures corroborate on external test suites and benchmarks it.
//!
//! Every subcommand takes the data path as an argument (normally `../shared/data/...`), prints its figures and
//! failures, and exits non-zero when a `--min-*` floor given on the command line is not reached, so CI can hold
//! the ratchet.

mod attribution;
mod attribution_misses;
mod bench_claims;
mod bench_extract;
mod bench_ingest;
mod bench_reconcile;
mod crossval;
mod dates;
mod entities;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod extraction;
mod numbers;
mod sentences;
mod stories;
mod train_ner;
mod written;

#[derive(Parser)]
#[command(
    name = "corroborate-eval",
    about = "Measure corroborate on external test suites"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Throughput of ingest+clean+text on the article-extraction pages.
    BenchIngest(bench_ingest::Args),
    /// Sentence segmentation against the golden rules and the pragmatic_segmenter specs.
    Sentences(sentences::SentencesArgs),
    /// Article-body extraction from HTML on the article-extraction benchmark.
    Extraction(extraction::ExtractionArgs),
    /// Claims (source, cue, content) against PolNeAR's attribution annotations.
    Attribution(attribution::AttributionArgs),
    /// Throughput of sentence split + claim finding on the article-extraction ground-truth texts.
    BenchClaims(bench_claims::Args),
    /// Times fact reconciliation on synthetic stories of 1k/10k/100k claims; reports peak memory.
    BenchReconcile(bench_reconcile::Args),
    /// Date expressions against the Recognizers-Text DateTimeModel specs (English, German).
    Dates(dates::DatesArgs),
    /// Numbers and ranges against the Recognizers-Text Number specs (English and German).
    Numbers(numbers::NumbersArgs),
    /// Entity mentions on GermEval 2014 and the English news set (CoNLL-style P/R/F1 per type).
    Entities(entities::Args),
    /// Throughput of sentence split + numbers + dates + entity mentions on ground-truth article texts.
    BenchExtract(bench_extract::Args),
    /// Story grouping against ECB+ story clusters and topics; optional scaling runs.
    Stories(stories::StoriesArgs),
    /// Trains the German entity tagger on a GermEval file and writes the model core embeds.
    TrainNerDe(train_ner::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: anyhow::Result<bool> = match cli.command {
        Command::BenchIngest(args) => bench_ingest::run(&args),
        Command::Sentences(args) => sentences::run(args),
        Command::Extraction(args) => extraction::run(args),
        Command::Attribution(args) => attribution::run(args),
        Command::BenchClaims(args) => bench_claims::run(&args),
        Command::BenchReconcile(args) => bench_reconcile::run(&args),
        Command::Dates(args) => dates::run(args),
        Command::Numbers(args) => numbers::run(args),
        Command::Entities(args) => entities::run(&args),
        Command::BenchExtract(args) => bench_extract::run(&args),
        Command::Stories(args) => stories::run(args),
        Command::TrainNerDe(args) => train_ner::run(&args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("below the floor");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
