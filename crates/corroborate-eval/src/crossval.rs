//! K-fold cross-validation of the German tagger on GermEval: the sentences are cut into K contiguous folds
//! (neighbouring sentences often share names and topics, so contiguous folds keep them apart better than
//! interleaved ones); each fold is tagged end to end by `find_mentions` with a model trained on the other
//! folds only, and the pooled held-out predictions are scored. This is the figure to report for the model.

use std::time::Instant;

use anyhow::bail;
use corroborate_core::extract::entities::Tagger;
use corroborate_core::extract::entities::tagger::{self, Example, TrainOptions};
use corroborate_core::model::{EntityKind, Span};
use corroborate_core::text::sentences::split_sentences;

use crate::entities::{Sentence, TokenName, detokenize, predict, report};
use crate::written::WrittenExamples;

/// The kind a GermEval type is trained as.
fn kind_of(ty: &str) -> Option<EntityKind> {
    Some(match ty {
        "PER" => EntityKind::Person,
        "ORG" => EntityKind::Organization,
        "LOC" => EntityKind::Location,
        "OTH" => EntityKind::Other,
        _ => return None,
    })
}

/// Training sentences for one GermEval sentence, read as `find_mentions` reads its text (our splitter may
/// cut it in more than one).
pub fn examples(s: &Sentence) -> Vec<Example> {
    let (text, ranges) = detokenize(&s.tokens);
    let sentences = split_sentences(&text, "de");
    let gold: Vec<(Span, EntityKind)> = s
        .names
        .iter()
        .filter_map(|(a, b, ty)| {
            let start = ranges.get(*a)?.0;
            let end = ranges.get(b.checked_sub(1)?)?.1;
            Some((Span::new(start, end), kind_of(ty)?))
        })
        .collect();
    tagger::examples(&text, &sentences, "de", &gold)
}

/// Runs the cross-validation, prints the pooled table, returns the micro F1 over PER/ORG/LOC. `extra` (the
/// project's written sentences) joins every fold's training side and is never tested on.
pub fn run(
    sentences: &[Sentence],
    folds: usize,
    errors: usize,
    extra: &WrittenExamples,
) -> anyhow::Result<f64> {
    if folds < 2 || folds > sentences.len() {
        bail!(
            "--cv needs 2 to {} folds, not {folds}",
            sentences.len().max(2)
        );
    }
    let examples: Vec<Vec<Example>> = sentences.iter().map(examples).collect();
    let bounds: Vec<usize> = (0..=folds).map(|k| k * sentences.len() / folds).collect();
    let started = Instant::now();
    let mut predictions: Vec<Vec<TokenName>> = Vec::with_capacity(sentences.len());
    for k in 0..folds {
        let (lo, hi) = (bounds[k], bounds[k + 1]);
        let train: Vec<&Example> = examples[..lo]
            .iter()
            .chain(&examples[hi..])
            .flatten()
            .chain(&extra.examples)
            .collect();
        let model = tagger::train(&train, &TrainOptions::default());
        for s in &sentences[lo..hi] {
            predictions.push(predict(s, "de", Tagger::Model(&model)));
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let f1 = report(
        &format!(
            "German (GermEval 2014), model cross-validated in {folds} contiguous folds (held-out sentences only{})",
            if extra.lines == 0 {
                String::new()
            } else {
                format!(
                    "; {} written sentences added to every training side",
                    extra.lines
                )
            }
        ),
        sentences,
        errors,
        |i, _| predictions.get(i).cloned().unwrap_or_default(),
    );
    println!("  ({folds} trainings and taggings in {seconds:.1} s)");
    Ok(f1)
}
