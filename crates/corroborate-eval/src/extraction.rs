//! `extraction`: article-body extraction measured on the article-extraction benchmark (181 news pages with a
//! hand-checked `articleBody` each).
//!
//! The score is a port of the benchmark's own `evaluate.py` (token 4-gram shingles, per-page TP/FP/FN normalised
//! so long pages weigh no more than short ones, precision and recall averaged over pages, F1 from the averages),
//! so figures here can be compared with the published table. The bootstrap confidence intervals are left out.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Instant;

use anyhow::Context;
use clap::Args;
use regex::Regex;
use serde_json::{Map, Value, json};

/// Arguments of `corroborate-eval extraction`.
#[derive(Args, Debug)]
pub struct ExtractionArgs {
    /// The benchmark folder: `html/*.html.gz` and `ground-truth.json`.
    pub data_dir: PathBuf,
    /// Write predictions as `DIR/corroborate.json` in the benchmark's output format.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Exit non-zero when F1 is below this.
    #[arg(long)]
    pub min_f1: Option<f64>,
    /// Print every embedded post found (platform, account, date, URL, text), to eyeball the embed readers.
    #[arg(long)]
    pub show_posts: bool,
    /// How many of the worst pages to list.
    #[arg(long, default_value_t = 10)]
    pub worst: usize,
}

/// Per-page true positives, false positives and false negatives, normalised to sum to 1 (or all 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TpFpFn {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

/// Python's `re` `\w` on `str`: letters (any `L*` category), anything with a numeric value, and `_`. Unlike
/// Rust's `\w` it excludes combining marks, which splits some scripts' words differently; the port must match.
static TOKEN_RE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Regex::new(r"[\p{L}\p{N}_]+").expect("static pattern")
});

fn tokenize(text: &str) -> Vec<&str> {
    TOKEN_RE.find_iter(text).map(|m| m.as_str()).collect()
}

/// Counts of token 4-grams; a text shorter than 4 tokens gives one shorter shingle, an empty one none.
fn shingles(text: &str, n: usize) -> HashMap<Vec<&str>, u32> {
    let tokens = tokenize(text);
    let mut counts = HashMap::new();
    let last = tokens.len().saturating_sub(n - 1).max(1);
    for i in 0..last {
        let end = (i + n).min(tokens.len());
        if let Some(sh) = tokens.get(i..end).filter(|s| !s.is_empty()) {
            *counts.entry(sh.to_vec()).or_insert(0) += 1;
        }
    }
    counts
}

/// `string_shingle_matching` of evaluate.py.
pub fn shingle_matching(truth: &str, pred: &str) -> TpFpFn {
    let t = shingles(truth, 4);
    let p = shingles(pred, 4);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += f64::from(tc.min(pc));
        fp += f64::from(pc.saturating_sub(tc));
        fn_ += f64::from(tc.saturating_sub(pc));
    }
    for (k, &pc) in &p {
        if !t.contains_key(k) {
            fp += f64::from(pc);
        }
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        TpFpFn {
            tp: tp / s,
            fp: fp / s,
            fn_: fn_ / s,
        }
    } else {
        TpFpFn { tp, fp, fn_ }
    }
}

fn precision(x: &TpFpFn) -> f64 {
    if x.fp == 0.0 && x.fn_ == 0.0 {
        1.0
    } else if x.tp == 0.0 && x.fp == 0.0 {
        0.0
    } else {
        x.tp / (x.tp + x.fp)
    }
}

fn recall(x: &TpFpFn) -> f64 {
    if x.fp == 0.0 && x.fn_ == 0.0 {
        1.0
    } else if x.tp == 0.0 && x.fn_ == 0.0 {
        0.0
    } else {
        x.tp / (x.tp + x.fn_)
    }
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// `metrics_from_tp_fp_fns` of evaluate.py: (precision, recall, f1).
pub fn metrics(pages: &[TpFpFn]) -> (f64, f64, f64) {
    let p: Vec<f64> = pages
        .iter()
        .filter(|x| x.tp + x.fp > 0.0)
        .map(precision)
        .collect();
    let r: Vec<f64> = pages
        .iter()
        .filter(|x| x.tp + x.fn_ > 0.0)
        .map(recall)
        .collect();
    let (p, r) = (mean(&p), mean(&r));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}

fn read_gz(path: &Path) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(fs::File::open(path)?).read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Runs the benchmark; `Ok(false)` when `--min-f1` is not reached.
pub fn run(args: ExtractionArgs) -> anyhow::Result<bool> {
    let gt_path = args.data_dir.join("ground-truth.json");
    let gt: Map<String, Value> = serde_json::from_str(
        &fs::read_to_string(&gt_path).with_context(|| format!("reading {}", gt_path.display()))?,
    )
    .with_context(|| format!("parsing {}", gt_path.display()))?;

    let mut predictions = Map::new();
    let mut scored: Vec<(String, TpFpFn, String)> = Vec::new();
    let mut elapsed = 0.0;
    let mut platforms: std::collections::BTreeMap<String, usize> = Default::default();
    let mut fallbacks = 0usize;
    for (id, entry) in &gt {
        let page = args.data_dir.join("html").join(format!("{id}.html.gz"));
        let html = read_gz(&page).with_context(|| format!("reading {}", page.display()))?;
        let url = entry.get("url").and_then(Value::as_str);
        let start = Instant::now();
        let article = corroborate_core::clean::html::extract_article(&html, url);
        elapsed += start.elapsed().as_secs_f64();
        if article.extractor == corroborate_core::clean::html::Extractor::Fallback {
            fallbacks += 1;
        }
        for post in &article.posts {
            *platforms.entry(post.platform.clone()).or_default() += 1;
            if args.show_posts {
                println!(
                    "post {} {} | {} | {:?} | {:?} | {:?} | {}",
                    &id[..id.len().min(12)],
                    post.platform,
                    post.source_name(),
                    post.published,
                    post.language_hint,
                    post.url,
                    post.text.replace('\n', " ")
                );
            }
        }
        let truth = entry
            .get("articleBody")
            .and_then(Value::as_str)
            .unwrap_or("");
        scored.push((
            id.clone(),
            shingle_matching(truth, &article.text),
            url.unwrap_or("").to_string(),
        ));
        predictions.insert(id.clone(), json!({ "articleBody": article.text }));
    }

    if let Some(dir) = &args.out {
        fs::create_dir_all(dir)?;
        let path = dir.join("corroborate.json");
        fs::write(
            &path,
            serde_json::to_string_pretty(&Value::Object(predictions))?,
        )?;
        println!("predictions written to {}", path.display());
    }

    let pages: Vec<TpFpFn> = scored.iter().map(|(_, m, _)| *m).collect();
    let (p, r, f1) = metrics(&pages);
    let n = pages.len().max(1);
    println!("pages      {}", pages.len());
    println!("precision  {p:.4}");
    println!("recall     {r:.4}");
    println!("F1         {f1:.4}");
    println!("ms/page    {:.2}", elapsed * 1000.0 / n as f64);
    println!(
        "fallback   {fallbacks} pages ({:.1}%) went to the general extractor",
        100.0 * fallbacks as f64 / n as f64
    );
    println!("embedded posts taken out of the text: {platforms:?}");

    let page_f1 = |m: &TpFpFn| {
        let (p, r) = (precision(m), recall(m));
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    scored.sort_by(|a, b| page_f1(&a.1).total_cmp(&page_f1(&b.1)));
    println!("\nworst pages (F1  P  R  id  url):");
    for (id, m, url) in scored.iter().take(args.worst) {
        println!(
            "  {:.3}  {:.3}  {:.3}  {}  {}",
            page_f1(m),
            precision(m),
            recall(m),
            &id[..id.len().min(12)],
            url
        );
    }
    Ok(args.min_f1.is_none_or(|min| f1 >= min))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let m = shingle_matching("one two three four five", "one two three four five");
        assert_eq!(
            m,
            TpFpFn {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
    }

    #[test]
    fn short_texts_make_one_short_shingle() {
        assert_eq!(shingles("a b", 4).len(), 1);
        assert!(shingles("", 4).is_empty());
    }

    #[test]
    fn empty_prediction_counts_only_in_recall() {
        let pages = [
            shingle_matching("one two three four", ""),
            shingle_matching("a b c d", "a b c d"),
        ];
        let (p, r, _) = metrics(&pages);
        assert_eq!(p, 1.0);
        assert_eq!(r, 0.5);
    }

    #[test]
    fn combining_marks_split_tokens_like_python() {
        // U+0301 is a combining mark: Python's \w does not match it.
        assert_eq!(tokenize("cafe\u{301} bar"), vec!["cafe", "bar"]);
    }
}
