//! `corroborate ingest`: add reports to a store.
//!
//! Inputs are read, analysed and stored in chunks, each chunk in one transaction. A document is acknowledged
//! on standard output (`added d12 s3 ORIGIN`) only after its transaction has committed, so a reader of that
//! output (or a user after a crash) can rely on every acknowledged document being in the store.

use std::io::{IsTerminal, Write};

use anyhow::Context;
use corroborate_core::ingest;
use corroborate_core::pipeline;
use corroborate_store::{Location, StoryTarget};
use indicatif::{ProgressBar, ProgressStyle};

use crate::inputs;

/// Inputs analysed and committed together: big enough that the per-transaction cost (a story rebuild) is
/// amortised, small enough that little work is lost to a crash and progress shows.
const DEFAULT_CHUNK: u64 = 16;

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files, directories (read recursively), http(s) URLs, or `-` for standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    /// The store: a SQLite file (created if missing), or a PostgreSQL database as a URL
    /// (`postgres://user:password@host:port/database`; its tables are created if missing).
    #[arg(long, default_value = "corroborate.db")]
    db: String,
    /// Add the new documents to this existing story (e.g. `s3`) instead of a new one.
    #[arg(long)]
    story: Option<String>,
    /// Largest input accepted, in bytes (files, URL bodies, standard input).
    #[arg(long, default_value_t = ingest::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Timeout for fetching one URL, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// Inputs per transaction.
    #[arg(long, default_value_t = DEFAULT_CHUNK, value_parser = clap::value_parser!(u64).range(1..))]
    chunk: u64,
    /// Worker threads for the analysis (default: every core).
    #[arg(long)]
    threads: Option<usize>,
}

/// Runs `ingest`; returns how many inputs or records failed.
pub fn run(args: &IngestArgs) -> anyhow::Result<usize> {
    let location = Location::parse(&args.db);
    let store = location
        .open()
        .with_context(|| format!("opening the store {location}"))?;
    // Checked before any input is read, so a typo fails fast rather than after a long analysis.
    if let Some(story) = &args.story
        && !store.has_story(story).context("reading the store")?
    {
        anyhow::bail!("no story {story} in {location}");
    }
    let config = crate::read_config(args.max_bytes, args.timeout);
    let specs = inputs::expand(&args.paths);
    let progress = progress_bar(specs.len() as u64);
    let mut target = match &args.story {
        Some(s) => StoryTarget::Existing(s.clone()),
        None => StoryTarget::Auto,
    };
    let (mut added, mut duplicates, mut failed) = (0usize, 0usize, 0usize);
    let mut stdout = std::io::stdout().lock();
    let mut specs = specs.into_iter().peekable();
    while specs.peek().is_some() {
        let chunk: Vec<_> = specs
            .by_ref()
            .take(args.chunk as usize)
            .map(|s| inputs::read(s, &config))
            .collect();
        let n = chunk.len() as u64;
        let analysis = pipeline::analyze_with(
            chunk,
            pipeline::Options {
                threads: args.threads,
                ..Default::default()
            },
        );
        for e in &analysis.skipped {
            progress.suspend(|| eprintln!("corroborate: {e}"));
        }
        failed += analysis.skipped.len();
        let report = store
            .ingest(analysis.documents, &target)
            .context("storing documents")?;
        // Later chunks of this run join the story the first one went into.
        if let Some(first) = report.added.first() {
            target = StoryTarget::Existing(first.story.clone());
        }
        progress.suspend(|| -> anyhow::Result<()> {
            for a in &report.added {
                writeln!(stdout, "added {} {} {}", a.id, a.story, a.origin)?;
            }
            stdout.flush()?;
            Ok(())
        })?;
        added += report.added.len();
        duplicates += report.duplicates.len();
        progress.inc(n);
    }
    progress.finish_and_clear();
    writeln!(
        stdout,
        "{added} added, {duplicates} skipped as duplicates, {failed} failed ({location})"
    )?;
    Ok(failed)
}

/// A progress bar on standard error, hidden when that is not a terminal (logs, pipes, tests).
fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() || len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} inputs {elapsed} (eta {eta})")
    {
        bar.set_style(style);
    }
    bar
}
