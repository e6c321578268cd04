//! `corroborate-eval stories DATA_DIR`: story grouping against ECB+ (`ecbplus_docs.jsonl`).
//!
//! Every record becomes a Document (sentences joined by newlines, language `en`, then the text and extract
//! stages as the pipeline runs them). All documents are grouped at once and compared with the gold
//! `story_cluster` (one seminal event; each topic holds two events of the same kind) and with `topic`, by
//! B-cubed precision/recall/F1 and the adjusted Rand index. The worst merged and split clusters are printed.
//!
//! `--scale 1000,10000,100000` also times `group_stories` on synthetic runs of that many documents: pseudo-
//! reports made of sentences drawn from one ECB+ story, with every capitalised word renamed per synthetic event,
//! so that there are many distinct events of each kind as in a large real run.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Args;
use corroborate_core::model::{DocKind, Document, Layers};
use corroborate_core::reconcile::stories::{Story, group_stories};
use corroborate_core::{extract, text};
use serde::Deserialize;

#[derive(Args, Debug)]
pub struct StoriesArgs {
    /// The ecbplus folder (with ecbplus_docs.jsonl).
    pub data_dir: PathBuf,
    /// Fail when B-cubed F1 against story_cluster is lower (0..=1).
    #[arg(long)]
    pub min_bcubed: Option<f64>,
    /// Worst merged and split clusters shown.
    #[arg(long, default_value_t = 5)]
    pub show: usize,
    /// Also time grouping on synthetic runs of these sizes (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub scale: Vec<usize>,
}

#[derive(Deserialize)]
struct Record {
    doc: String,
    topic: u32,
    story_cluster: String,
    sentences: Vec<String>,
}

pub fn run(args: StoriesArgs) -> anyhow::Result<bool> {
    let path = args.data_dir.join("ecbplus_docs.jsonl");
    let raw =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut records = Vec::new();
    for (n, line) in raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let r: Record = serde_json::from_str(line)
            .with_context(|| format!("{} line {}", path.display(), n + 1))?;
        records.push(r);
    }
    let started = Instant::now();
    let docs: Vec<Document> = records
        .iter()
        .enumerate()
        .map(|(i, r)| make_document(i, &r.doc, &r.sentences.join("\n"), true))
        .collect();
    let annotate_s = started.elapsed().as_secs_f64();
    let (stories, index, predicted, group_s) = grouped(&docs);
    let gold_story: Vec<String> = records.iter().map(|r| r.story_cluster.clone()).collect();
    let gold_topic: Vec<String> = records.iter().map(|r| r.topic.to_string()).collect();

    println!(
        "ECB+ stories: {} documents, {} gold stories, {} topics; {} stories found",
        docs.len(),
        distinct(&gold_story),
        distinct(&gold_topic),
        stories.len()
    );
    println!("time: annotate {annotate_s:.2} s, group_stories {group_s:.3} s");
    let story_scores = Scores::of(&predicted, &gold_story);
    let topic_scores = Scores::of(&predicted, &gold_topic);
    story_scores.print("vs story_cluster");
    topic_scores.print("vs topic       ");
    show_worst(&stories, &index, &records, &gold_story, args.show);

    for &n in &args.scale {
        scale_run(&records, n);
    }

    Ok(args.min_bcubed.is_none_or(|min| story_scores.f1 >= min))
}

/// A Document as the pipeline would make it from a record's text.
fn make_document(i: usize, name: &str, body: &str, with_extract: bool) -> Document {
    let mut doc = Document {
        id: format!("d{}", i + 1),
        source: name.to_string(),
        kind: DocKind::Article,
        parent: None,
        language: Some("en".to_string()),
        title: None,
        url: None,
        published: None,
        authors: Vec::new(),
        text: body.to_string(),
        removed: Vec::new(),
        origin: name.to_string(),
        layers: Layers::default(),
    };
    text::annotate(&mut doc, Some("en"));
    if with_extract {
        extract::annotate(&mut doc);
    }
    doc
}

/// The predicted story index of every document.
fn assignment(stories: &[Story], index: &HashMap<&str, usize>, n: usize) -> Vec<String> {
    let mut out = vec![String::new(); n];
    for s in stories {
        for d in &s.documents {
            if let Some(&i) = index.get(d.as_str()) {
                out[i] = s.id.clone();
            }
        }
    }
    out
}

fn distinct(labels: &[String]) -> usize {
    let mut v: Vec<&String> = labels.iter().collect();
    v.sort_unstable();
    v.dedup();
    v.len()
}

/// B-cubed precision, recall, F1 and the adjusted Rand index of a clustering against gold labels.
struct Scores {
    precision: f64,
    recall: f64,
    f1: f64,
    ari: f64,
}

impl Scores {
    fn of(predicted: &[String], gold: &[String]) -> Scores {
        let n = predicted.len().min(gold.len());
        let mut joint: HashMap<(&str, &str), usize> = HashMap::new();
        let mut pred_size: HashMap<&str, usize> = HashMap::new();
        let mut gold_size: HashMap<&str, usize> = HashMap::new();
        for i in 0..n {
            *joint.entry((&predicted[i], &gold[i])).or_default() += 1;
            *pred_size.entry(&predicted[i]).or_default() += 1;
            *gold_size.entry(&gold[i]).or_default() += 1;
        }
        let (mut p, mut r) = (0.0, 0.0);
        for i in 0..n {
            let both = joint[&(predicted[i].as_str(), gold[i].as_str())] as f64;
            p += both / pred_size[predicted[i].as_str()] as f64;
            r += both / gold_size[gold[i].as_str()] as f64;
        }
        let nf = n.max(1) as f64;
        let (precision, recall) = (p / nf, r / nf);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        let pairs = |k: usize| (k * k.saturating_sub(1)) as f64 / 2.0;
        let index: f64 = joint.values().map(|&k| pairs(k)).sum();
        let sum_pred: f64 = pred_size.values().map(|&k| pairs(k)).sum();
        let sum_gold: f64 = gold_size.values().map(|&k| pairs(k)).sum();
        let expected = sum_pred * sum_gold / pairs(n).max(1.0);
        let max = (sum_pred + sum_gold) / 2.0;
        let ari = if (max - expected).abs() > f64::EPSILON {
            (index - expected) / (max - expected)
        } else {
            1.0
        };
        Scores {
            precision,
            recall,
            f1,
            ari,
        }
    }

    fn print(&self, label: &str) {
        println!(
            "{label}: B-cubed P {:.4} R {:.4} F1 {:.4} | ARI {:.4}",
            self.precision, self.recall, self.f1, self.ari
        );
    }
}

/// Gold labels of a story's documents with their counts, largest first.
type Composition<'a> = Vec<(&'a str, usize)>;

/// Predicted stories that mix the most gold stories, and gold stories spread over the most predicted ones.
fn show_worst(
    stories: &[Story],
    index: &HashMap<&str, usize>,
    records: &[Record],
    gold: &[String],
    show: usize,
) {
    let composition = |s: &Story| {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for d in &s.documents {
            if let Some(&i) = index.get(d.as_str()) {
                *counts.entry(gold[i].as_str()).or_default() += 1;
            }
        }
        let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v
    };
    let mut merged: Vec<(usize, &Story, Composition)> = stories
        .iter()
        .map(|s| {
            let c = composition(s);
            let foreign = s.documents.len() - c.first().map_or(0, |x| x.1);
            (foreign, s, c)
        })
        .filter(|(f, _, _)| *f > 0)
        .collect();
    merged.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
    println!("worst merged (documents not of the majority gold story):");
    for (foreign, s, c) in merged.iter().take(show) {
        println!("  {} [{foreign} foreign] {:?} — {}", s.id, c, s.title);
    }
    let mut spread: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    for s in stories {
        for d in &s.documents {
            if let Some(&i) = index.get(d.as_str()) {
                *spread
                    .entry(gold[i].as_str())
                    .or_default()
                    .entry(s.id.as_str())
                    .or_default() += 1;
            }
        }
    }
    let mut split: Vec<(&str, Vec<(&str, usize)>)> = spread
        .into_iter()
        .filter(|(_, m)| m.len() > 1)
        .map(|(g, m)| {
            let mut v: Vec<(&str, usize)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            (g, v)
        })
        .collect();
    split.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    println!("worst split (gold story → predicted stories):");
    for (g, parts) in split.iter().take(show) {
        let example = records
            .iter()
            .find(|r| r.story_cluster == *g)
            .map_or("", |r| r.doc.as_str());
        println!("  {g} (e.g. {example}) → {parts:?}");
    }
}

/// A small deterministic generator (64-bit LCG, high bits), so synthetic runs are the same every time.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

/// The stories, each document's position by id, each document's story, and the seconds grouping took.
type Grouped<'d> = (Vec<Story>, HashMap<&'d str, usize>, Vec<String>, f64);

/// Runs `group_stories` on `docs`, timed, with each document's predicted story.
fn grouped(docs: &[Document]) -> Grouped<'_> {
    let started = Instant::now();
    let stories = group_stories(docs);
    let group_s = started.elapsed().as_secs_f64();
    let index: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let predicted = assignment(&stories, &index, docs.len());
    (stories, index, predicted, group_s)
}

/// Times `group_stories` on `n` synthetic documents (about ten per synthetic event) and scores it against the
/// synthetic events.
fn scale_run(records: &[Record], n: usize) {
    let mut pools: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut by_story: HashMap<&str, usize> = HashMap::new();
    for r in records {
        let k = *by_story.entry(r.story_cluster.as_str()).or_insert_with(|| {
            pools.push((r.story_cluster.as_str(), Vec::new()));
            pools.len() - 1
        });
        pools[k].1.extend(r.sentences.iter().map(String::as_str));
    }
    if pools.is_empty() {
        return;
    }
    let mut rng = Lcg(0x00C0_FFEE);
    let mut docs = Vec::with_capacity(n);
    let mut gold = Vec::with_capacity(n);
    let started = Instant::now();
    for i in 0..n {
        let event = i / 10;
        let pool = &pools[event % pools.len()].1;
        let tag = event_tag(event);
        let sentences = 4 + rng.next(4);
        let body: Vec<String> = (0..sentences)
            .map(|_| rename(pool[rng.next(pool.len())], &tag))
            .collect();
        docs.push(make_document(i, "synthetic", &body.join("\n"), false));
        gold.push(event.to_string());
    }
    let build_s = started.elapsed().as_secs_f64();
    let (stories, _, predicted, group_s) = grouped(&docs);
    let scores = Scores::of(&predicted, &gold);
    println!(
        "scale {n:>7} docs: group_stories {group_s:8.3} s ({:.1} µs/doc), {} stories, synthetic B-cubed F1 {:.4} (build {build_s:.1} s)",
        group_s * 1e6 / n.max(1) as f64,
        stories.len(),
        scores.f1
    );
}

/// Letters that make a synthetic event's names its own ("Lohan" → "Lohanbq").
fn event_tag(mut event: usize) -> String {
    let mut tag = String::new();
    loop {
        tag.push((b'a' + (event % 26) as u8) as char);
        event /= 26;
        if event == 0 {
            return tag;
        }
    }
}

/// Renames every capitalised word inside a sentence for one synthetic event.
fn rename(sentence: &str, tag: &str) -> String {
    sentence
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && w.chars().next().is_some_and(char::is_uppercase) && w.len() > 1 {
                format!("{w}{tag}")
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
