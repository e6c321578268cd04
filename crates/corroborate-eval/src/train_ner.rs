//! `train-ner-de`: trains the German tagger on a whole GermEval file and writes the model file that
//! `corroborate-core` embeds (`crates/corroborate-core/data/de/ner-model.bin`). Same input, same bytes.
//!
//! The shipped model is trained on every sentence it is given, so its score on those sentences says nothing:
//! `entities --germeval FILE --cv 5` is the figure to report.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use corroborate_core::extract::entities::tagger::{self, Example, TrainOptions};

use crate::crossval::examples;
use crate::entities::read_bio;

#[derive(clap::Args)]
pub struct Args {
    /// GermEval 2014 file to train on (tab-separated: index, token, outer tag, inner tag).
    #[arg(long)]
    pub germeval: PathBuf,
    /// The project's written German sentences (`data/ner-de-written`), trained on after GermEval's.
    #[arg(long)]
    pub written: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: &Args) -> anyhow::Result<bool> {
    let sentences = read_bio(&args.germeval, 1, 2)?;
    let started = Instant::now();
    let mut examples: Vec<Example> = sentences.iter().flat_map(examples).collect();
    let written = crate::written::examples_in(args.written.as_deref())?;
    let written_count = written.lines;
    examples.extend(written.examples);
    let refs: Vec<&Example> = examples.iter().collect();
    let model = tagger::train(&refs, &TrainOptions::default());
    let bytes = model.to_bytes();
    let seconds = started.elapsed().as_secs_f64();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "trained on {} GermEval and {written_count} written sentences ({} words) in {seconds:.1} s: {} features, {} bytes -> {}",
        sentences.len(),
        examples.iter().map(Example::len).sum::<usize>(),
        model.features(),
        bytes.len(),
        args.out.display()
    );
    Ok(true)
}
