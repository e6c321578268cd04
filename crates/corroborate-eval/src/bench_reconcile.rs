//! `corroborate-eval bench-reconcile --claims N [--claims M …]`: times fact reconciliation (claims → facts,
//! disputes, origins, copy check, outlet profiles) on synthetic stories of N claims and reports peak memory
//! (VmHWM from /proc/self/status). With several sizes each runs in a fresh child process, so every peak is its
//! own. The generator writes documents with their claim, quantity and date layers directly, so only the
//! reconcile stage is measured.

use std::process::Command;
use std::time::Instant;

use anyhow::Context;
use corroborate_core::model::{
    ClaimMention, ClaimMode, DateAnchor, DateMention, DocKind, Document, Layers, Polarity,
    QuantityMention, Span, Stance,
};
use corroborate_core::reconcile::facts::{self, EntityIndex, ShingleCopies, Status};
use corroborate_core::reconcile::profiles;

#[derive(clap::Args)]
pub struct Args {
    /// Number of claims to generate; repeat for several sizes (default: 1000, 10000, 100000).
    #[arg(long)]
    pub claims: Vec<usize>,
    /// Claims per synthetic document.
    #[arg(long, default_value_t = 10)]
    pub per_doc: usize,
}

const SPEAKERS: &[&str] = &[
    "Interior Minister Tomas Reinholt",
    "the regional police chief, Ana Ruiz",
    "the Movement for Land and Dignity",
    "Hospital staff",
    "Senator Helena Voss",
    "the mayor, Carl Brandt",
    "witness Mara Olsen",
    "the Red Crescent",
];
const EVENTS: &[(&str, &str, &[f64])] = &[
    ("residents", "killed", &[2.0, 3.0, 7.0]),
    ("people", "injured", &[14.0, 40.0, 120.0]),
    ("officers", "deployed", &[500.0, 650.0]),
    ("protesters", "arrested", &[30.0, 31.0, 90.0]),
    ("people", "detained", &[12.0, 25.0]),
];
const PLACES: &[&str] = &["Dravik", "Marrow", "Kestrel"];
const OUTLETS: usize = 60;

/// A small deterministic generator (xorshift), so every run builds the same story.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Synthetic story: `claims` claims over documents of `per_doc` claims each, from 60 outlets; speakers,
/// events, counts (some approximate), places and dates drawn so that every dispute type occurs.
pub fn generate(claims: usize, per_doc: usize) -> Vec<Document> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let per_doc = per_doc.max(1);
    let mut docs = Vec::new();
    let mut made = 0;
    while made < claims {
        let n = per_doc.min(claims - made);
        let mut text = String::new();
        let mut layers = Layers::default();
        for _ in 0..n {
            let speaker = SPEAKERS[rng.pick(SPEAKERS.len())];
            let start = text.len();
            text.push_str(speaker);
            let speaker_span = Span::new(start, text.len());
            let denies = rng.pick(10) == 0;
            let content_start;
            if denies {
                text.push_str(" denied that ");
                content_start = text.len();
                text.push_str("anyone was hurt");
            } else {
                let (noun, verb, values) = EVENTS[rng.pick(EVENTS.len())];
                let value = values[rng.pick(values.len())];
                let approximate = rng.pick(3) == 0;
                text.push_str(" said that ");
                content_start = text.len();
                let q_start = text.len();
                text.push_str(&format!(
                    "{}{value}",
                    if approximate { "some " } else { "" }
                ));
                let q_end = text.len();
                text.push_str(&format!(
                    " {noun} were {verb} in {} on ",
                    PLACES[rng.pick(PLACES.len())]
                ));
                let d_start = text.len();
                let day = 20 + rng.pick(2);
                text.push_str(&format!("June {day}"));
                layers.quantities.push(QuantityMention {
                    span: Span::new(q_start, q_end),
                    value: Some(value),
                    min: None,
                    max: None,
                    approximate,
                    counts: Some(format!("{noun} {verb}")),
                    counts_span: None,
                });
                layers.dates.push(DateMention {
                    span: Span::new(d_start, text.len()),
                    value: Some(format!("2023-06-{day}")),
                    end: None,
                    anchor: Some(DateAnchor::Absolute),
                    anchor_note: None,
                });
            }
            let content = Span::new(content_start, text.len());
            text.push_str(". ");
            layers.sentences.push(Span::new(start, text.len() - 1));
            layers.claims.push(ClaimMention {
                span: Span::new(start, text.len() - 1),
                content,
                text: text[content.start..content.end].to_string(),
                speaker_span: Some(speaker_span),
                speaker_mention: None,
                co_speaker_mentions: Vec::new(),
                via_mention: None,
                via_text: None,
                cue: Some(if denies { "deny" } else { "say" }.to_string()),
                cue_span: None,
                stance: Some(if denies {
                    Stance::Negative
                } else {
                    Stance::Neutral
                }),
                mode: ClaimMode::Indirect,
                polarity: if denies {
                    Polarity::Denies
                } else {
                    Polarity::Affirms
                },
                hedged: false,
                hedge_span: None,
            });
        }
        made += n;
        let i = docs.len();
        docs.push(Document {
            id: format!("d{}", i + 1),
            source: format!("Outlet {}", rng.pick(OUTLETS) + 1),
            kind: DocKind::Article,
            parent: None,
            language: Some("en".into()),
            title: None,
            url: None,
            published: Some(format!("2023-06-{}", 20 + rng.pick(3))),
            authors: Vec::new(),
            text,
            removed: Vec::new(),
            origin: format!("synthetic#{i}"),
            layers,
        });
    }
    docs
}

fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Reconciles one synthetic story and prints one line of figures.
fn one(claims: usize, per_doc: usize) {
    let docs = generate(claims, per_doc);
    if std::env::var_os("BENCH_PHASES").is_some() {
        phases(&docs);
    }
    let start = Instant::now();
    let r = facts::reconcile(&docs, &EntityIndex::new(), &ShingleCopies::default());
    let p = profiles::profiles(&docs, &r.claims, &r.speakers);
    let secs = start.elapsed().as_secs_f64();
    let disputed = r
        .facts
        .iter()
        .filter(|f| f.status == Status::Disputed)
        .count();
    println!(
        "claims {claims:>7}  docs {:>6}  facts {:>4} ({disputed} disputed)  outlets {:>3}  time {:>8.3} s  {:>8.2} µs/claim  peak {:>8} KiB",
        docs.len(),
        r.facts.len(),
        p.len(),
        secs,
        secs * 1e6 / claims.max(1) as f64,
        peak_kib().map_or_else(|| "?".to_string(), |k| k.to_string())
    );
}

/// Times each phase of reconciliation separately (set `BENCH_PHASES`), to find what grows.
fn phases(docs: &[Document]) {
    use corroborate_core::reconcile::facts::{
        CopyDetector, align, disputes, lexicon, origins, props,
    };
    let lex = lexicon::get();
    let t = Instant::now();
    let copies = ShingleCopies::default().copy_groups(docs);
    eprintln!("  copies   {:.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let (infos, _) = origins::claim_infos(docs, &EntityIndex::new(), &copies, lex);
    eprintln!("  origins  {:.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let mut ps = Vec::new();
    for (n, info) in infos.iter().enumerate() {
        if let Some(c) = docs[info.doc].layers.claims.get(info.local) {
            ps.extend(props::props_of(&docs[info.doc], c, n, lex));
        }
    }
    eprintln!("  props    {:.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let groups = align::group(&ps);
    eprintln!(
        "  align    {:.3} s ({} groups)",
        t.elapsed().as_secs_f64(),
        groups.len()
    );
    let t = Instant::now();
    let published = |_: usize| -> Option<&str> { None };
    let texts = |_: usize| -> Option<(usize, &str)> { None };
    let (against, _) = disputes::find(&groups, &ps, &infos, &published, &texts, lex);
    eprintln!(
        "  disputes {:.3} s ({} entries)",
        t.elapsed().as_secs_f64(),
        against.len()
    );
}

pub fn run(args: &Args) -> anyhow::Result<bool> {
    let sizes = if args.claims.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        args.claims.clone()
    };
    if let [n] = sizes[..] {
        one(n, args.per_doc);
        return Ok(true);
    }
    let exe = std::env::current_exe().context("finding corroborate-eval")?;
    for n in sizes {
        let status = Command::new(&exe)
            .args([
                "bench-reconcile",
                "--claims",
                &n.to_string(),
                "--per-doc",
                &args.per_doc.to_string(),
            ])
            .status()
            .context("running a size")?;
        if !status.success() {
            return Ok(false);
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_makes_valid_spans_and_disputes() {
        let docs = generate(500, 10);
        assert_eq!(
            docs.iter().map(|d| d.layers.claims.len()).sum::<usize>(),
            500
        );
        assert!(docs.iter().all(|d| d.bad_span().is_none()));
        let r = facts::reconcile(&docs, &EntityIndex::new(), &ShingleCopies::default());
        assert!(r.facts.iter().any(|f| f.status == Status::Disputed));
    }
}
