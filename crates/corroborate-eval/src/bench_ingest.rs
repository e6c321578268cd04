//! Throughput of ingest + clean + text (decode, sniff, main-content extraction, boilerplate, embedded posts,
//! language, sentences, tokens) on the article-extraction benchmark's 181 news pages.
//!
//! A benchmark harness, not a test: pages are decompressed into memory first, then the whole pipeline runs over
//! all of them `--rounds` times; the median round is reported, single-threaded and on every core.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use corroborate_core::ingest::InputBytes;
use corroborate_core::pipeline::{self, Options};

#[derive(clap::Args)]
pub struct Args {
    /// The article-extraction folder (holds `html/*.html.gz`), e.g. ../shared/data/article-extraction.
    pub data: PathBuf,
    /// Rounds over all pages; the median is reported.
    #[arg(long, default_value_t = 5)]
    pub rounds: usize,
    /// Print one JSON line with the figures (for scripts that compare with other tools).
    #[arg(long)]
    pub json: bool,
    /// Also time each stage on its own (single thread), to see where the time goes.
    #[arg(long)]
    pub phases: bool,
}

/// Times the stages one by one over all pages, single-threaded.
fn phases(pages: &[(String, Vec<u8>)]) {
    use corroborate_core::clean::html::extract_article;
    use corroborate_core::ingest::decode::decode;
    use corroborate_core::text::{language, sentences, tokens};
    let time = |label: &str, f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        println!(
            "  {label:<28} {:>8.1} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
    };
    let htmls: Vec<String> = pages
        .iter()
        .filter_map(|(_, b)| decode(b, None).ok())
        .map(|d| d.text)
        .collect();
    let mut texts = Vec::new();
    println!("stages over {} pages, one thread:", htmls.len());
    time("decode", &mut || {
        for (_, b) in pages {
            std::hint::black_box(decode(b, None).ok());
        }
    });
    time("html5ever parse (scraper)", &mut || {
        for h in &htmls {
            std::hint::black_box(scraper::Html::parse_document(h));
        }
    });
    time("extract_article", &mut || {
        texts = htmls
            .iter()
            .map(|h| extract_article(h, None).text)
            .collect();
    });
    time("detect_language", &mut || {
        for t in &texts {
            std::hint::black_box(language::detect_language(t, None));
        }
    });
    time("split_sentences", &mut || {
        for t in &texts {
            std::hint::black_box(sentences::split_sentences(t, "en"));
        }
    });
    time("tokenize", &mut || {
        for t in &texts {
            std::hint::black_box(tokens::tokenize(t));
        }
    });
}

/// Reads and decompresses every `html/*.html.gz` page, sorted by name.
pub fn load_pages(data: &Path) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let dir = data.join("html");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {} (is the data path right?)", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        bail!("no .html.gz pages in {}", dir.display());
    }
    paths
        .into_iter()
        .map(|p| {
            let file =
                std::fs::File::open(&p).with_context(|| format!("opening {}", p.display()))?;
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(file), &mut bytes)
                .with_context(|| format!("decompressing {}", p.display()))?;
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().trim_end_matches(".gz").to_string());
            Ok((name.unwrap_or_default(), bytes))
        })
        .collect()
}

fn round(pages: &[(String, Vec<u8>)], threads: usize) -> (Duration, usize) {
    let inputs = pages
        .iter()
        .map(|(name, bytes)| {
            Ok(InputBytes {
                name: name.clone(),
                bytes: bytes.clone(),
                ..Default::default()
            })
        })
        .collect();
    let start = Instant::now();
    let analysis = pipeline::analyze_with(
        inputs,
        Options {
            threads: Some(threads),
            skip_extract: true,
        },
    );
    let elapsed = start.elapsed();
    let sentences = analysis
        .documents
        .iter()
        .map(|d| d.layers.sentences.len())
        .sum();
    std::hint::black_box(&analysis);
    (elapsed, sentences)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

pub fn run(args: &Args) -> anyhow::Result<bool> {
    let pages = load_pages(&args.data)?;
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let mb = bytes as f64 / 1e6;
    if args.phases {
        phases(&pages);
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut report = serde_json::Map::new();
    report.insert("pages".into(), pages.len().into());
    report.insert("megabytes".into(), mb.into());
    for (label, threads) in [("single_thread", 1), ("all_cores", cores)] {
        round(&pages, threads); // warm-up
        let mut times = Vec::with_capacity(args.rounds);
        let mut sentences = 0;
        for _ in 0..args.rounds.max(1) {
            let (t, s) = round(&pages, threads);
            times.push(t);
            sentences = s;
        }
        let t = median(times).as_secs_f64();
        let pages_per_s = pages.len() as f64 / t;
        let mb_per_s = mb / t;
        if !args.json {
            println!(
                "ingest+clean+text, {label} ({threads} thread(s)): {} pages ({mb:.1} MB) in {:.1} ms → {pages_per_s:.0} pages/s, {mb_per_s:.1} MB/s, {sentences} sentences",
                pages.len(),
                t * 1000.0
            );
        }
        report.insert(format!("{label}_pages_per_s"), pages_per_s.into());
        report.insert(format!("{label}_mb_per_s"), mb_per_s.into());
    }
    if args.json {
        println!("{}", serde_json::Value::Object(report));
    }
    Ok(true)
}
