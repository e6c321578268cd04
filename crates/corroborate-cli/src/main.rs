//! `corroborate`: build a source-attributed dossier from reports about one event.
//!
//! Exit status: 0 when every input was analysed (or ingested); 2 when at least one input (or record) was skipped, each with
//! a one-line `corroborate: INPUT: reason` message on stderr; 1 when the run itself failed (bad usage, an
//! output file that cannot be written).

mod fetch;
mod ingest_cmd;
mod inputs;
mod serve_cmd;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use corroborate_core::ingest;
use corroborate_core::{pipeline, report};

use crate::fetch::FetchConfig;
use crate::inputs::ReadConfig;

#[derive(Parser)]
#[command(
    name = "corroborate",
    version,
    about = "Turn a pile of reports about one event into a source-attributed dossier"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse reports and print the dossier.
    Analyze(AnalyzeArgs),
    /// Add reports to a store (incremental: documents already stored are skipped).
    Ingest(ingest_cmd::IngestArgs),
    /// Serve the local web app and JSON API over a store.
    Serve(serve_cmd::ServeArgs),
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// Files, directories (read recursively), http(s) URLs, or `-` for standard input.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Write the dossier to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    format: OutputFormat,
    /// Largest input accepted, in bytes (files, URL bodies, standard input).
    #[arg(long, default_value_t = ingest::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Timeout for fetching one URL, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// Worker threads (default: every core). The dossier is the same for every value.
    #[arg(long)]
    threads: Option<usize>,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// The dossier as JSON (`corroborate.dossier/1`).
    Json,
    /// A readable report in Markdown.
    Md,
    /// One self-contained HTML page (inline CSS, no scripts, nothing fetched).
    Html,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze(&args),
        Command::Ingest(args) => ingest_cmd::run(&args),
        Command::Serve(args) => serve_cmd::run(&args).map(|()| 0),
    };
    match result {
        Ok(skipped) if skipped > 0 => ExitCode::from(2),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corroborate: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Runs `analyze`; returns how many inputs or records were skipped.
fn analyze(args: &AnalyzeArgs) -> anyhow::Result<usize> {
    let inputs = inputs::collect(&args.paths, &read_config(args.max_bytes, args.timeout));
    let analysis = pipeline::analyze_with(
        inputs,
        pipeline::Options {
            threads: args.threads,
            ..Default::default()
        },
    );
    for e in &analysis.skipped {
        eprintln!("corroborate: {e}");
    }
    let dossier = report::build_dossier(&analysis);
    let rendered = match args.format {
        OutputFormat::Json => {
            serde_json::to_string_pretty(&dossier).context("rendering the dossier")?
        }
        OutputFormat::Md => report::markdown::render(&dossier),
        OutputFormat::Html => report::html::render(&dossier),
    };
    write_output(args.output.as_deref(), &rendered)?;
    Ok(analysis.skipped.len())
}

/// How `analyze` and `ingest` read their inputs.
fn read_config(max_bytes: u64, timeout_secs: u64) -> ReadConfig {
    ReadConfig {
        max_bytes,
        fetch: FetchConfig {
            timeout: Duration::from_secs(timeout_secs),
            max_bytes,
        },
    }
}

fn write_output(path: Option<&Path>, rendered: &str) -> anyhow::Result<()> {
    match path {
        Some(path) => std::fs::write(path, format!("{rendered}\n"))
            .with_context(|| format!("writing {}", path.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            writeln!(stdout, "{rendered}").context("writing to standard output")
        }
    }
}
