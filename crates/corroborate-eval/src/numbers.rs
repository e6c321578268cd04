//! `corroborate-eval numbers DATA_DIR`: the number recogniser against the Microsoft Recognizers-Text specs
//! (`Number/<Language>/NumberModel.json` and `NumberRangeModel.json`, English and German).
//!
//! A case passes when the set of recognised items equals the expected `Results`: for NumberModel, numbers
//! (text, start and value; ordinals are not numbers there); for NumberRangeModel, ranges (text, start and the
//! bounds with their open/closed-ness). Texts compare lowercased with any whitespace as a space, starts are
//! character offsets, values compare to twelve significant digits. Two-ended ranges are written in the specs'
//! convention, the upper end open ("between 20 and 30" is `[20,30)`); our library keeps both ends inclusive.
//! Cases whose `NotSupported` or `NotSupportedByDesign` lists dotnet are skipped and counted. Failures are
//! grouped by category, from the expected result's type and subtype and whether its text is digits or words.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Args;
use corroborate_core::extract::numbers::{NumberKind, RangeForm, RangeMatch, recognize};
use serde_json::Value;

#[derive(Args, Debug)]
pub struct NumbersArgs {
    /// The Recognizers-Text specs folder (with Number/English and Number/German).
    pub data_dir: PathBuf,
    /// Which language to run: en, de or all.
    #[arg(long, default_value = "all")]
    pub lang: String,
    /// Fail when fewer English cases (Number and NumberRange together) pass, as a fraction 0..=1.
    #[arg(long)]
    pub min_en: Option<f64>,
    /// Fail when fewer German cases pass, as a fraction 0..=1.
    #[arg(long)]
    pub min_de: Option<f64>,
    /// How many failures to show per category.
    #[arg(long, default_value_t = 6)]
    pub show: usize,
    /// Also time `find_quantities` on news text: a JSONL file whose records have `text` or `sentences`
    /// (e.g. ecbplus_docs.jsonl), or a plain text file. English.
    #[arg(long)]
    pub bench: Option<PathBuf>,
}

/// One expected or recognised item: start (characters), normalised text, and a value or range key.
#[derive(Debug, Clone)]
struct Item {
    start: Option<usize>,
    text: String,
    value: Val,
}

#[derive(Debug, Clone)]
enum Val {
    Number(f64),
    Range(Option<(f64, bool)>, Option<(f64, bool)>),
}

impl Val {
    fn matches(&self, other: &Val) -> bool {
        match (self, other) {
            (Val::Number(a), Val::Number(b)) => close(*a, *b),
            (Val::Range(al, au), Val::Range(bl, bu)) => bound_eq(al, bl) && bound_eq(au, bu),
            _ => false,
        }
    }

    fn show(&self) -> String {
        match self {
            Val::Number(v) => format!("{v}"),
            Val::Range(l, u) => format!(
                "{}{},{}{}",
                if l.is_some_and(|b| b.1) { "[" } else { "(" },
                l.map_or(String::new(), |b| b.0.to_string()),
                u.map_or(String::new(), |b| b.0.to_string()),
                if u.is_some_and(|b| b.1) { "]" } else { ")" },
            ),
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12_f64.max(1e-11 * a.abs().max(b.abs()))
}

fn bound_eq(a: &Option<(f64, bool)>, b: &Option<(f64, bool)>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => close(x.0, y.0) && x.1 == y.1,
        _ => false,
    }
}

fn norm_text(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect::<String>()
        .to_lowercase()
}

/// Pass counts of one spec file.
#[derive(Default, Clone, Copy)]
struct Tally {
    passed: usize,
    run: usize,
    skipped: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.passed += o.passed;
        self.run += o.run;
        self.skipped += o.skipped;
    }
    fn fraction(&self) -> f64 {
        if self.run == 0 {
            1.0
        } else {
            self.passed as f64 / self.run as f64
        }
    }
}

struct Failure {
    input: String,
    expected: Vec<Item>,
    got: Vec<Item>,
}

/// Throughput of `find_quantities` on news text, in MB/s (best of three passes).
fn bench(path: &Path) -> anyhow::Result<()> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs: Vec<String> = Vec::new();
    for line in raw.lines() {
        match serde_json::from_str::<Value>(line) {
            Ok(v) => {
                if let Some(t) = v.get("text").and_then(Value::as_str) {
                    docs.push(t.to_string());
                } else if let Some(ss) = v.get("sentences").and_then(Value::as_array) {
                    docs.push(
                        ss.iter()
                            .filter_map(Value::as_str)
                            .collect::<Vec<_>>()
                            .join(" "),
                    );
                }
            }
            Err(_) => {
                docs = vec![raw.clone()];
                break;
            }
        }
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    let mut found = 0;
    for _ in 0..3 {
        let t = std::time::Instant::now();
        found = docs
            .iter()
            .map(|d| corroborate_core::extract::numbers::find_quantities(d, &[], "en").len())
            .sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "bench: {} documents, {:.2} MB, {found} quantities, {:.1} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best.max(1e-9)
    );
    Ok(())
}

pub fn run(args: NumbersArgs) -> anyhow::Result<bool> {
    if let Some(path) = &args.bench {
        bench(path)?;
    }
    let langs: Vec<(&str, &str)> = match args.lang.as_str() {
        "en" => vec![("en", "English")],
        "de" => vec![("de", "German")],
        "all" => vec![("en", "English"), ("de", "German")],
        other => bail!("unknown language {other}: use en, de or all"),
    };
    let mut ok = true;
    for (lang, folder) in langs {
        let mut total = Tally::default();
        let mut failures: BTreeMap<String, Vec<Failure>> = BTreeMap::new();
        for model in ["NumberModel", "NumberRangeModel"] {
            let path = args
                .data_dir
                .join("Number")
                .join(folder)
                .join(format!("{model}.json"));
            let tally = run_file(&path, lang, model == "NumberRangeModel", &mut failures)?;
            println!(
                "{lang} {model:<17} {:>4}/{:<4} {:6.1}%  ({} skipped: NotSupported dotnet)",
                tally.passed,
                tally.run,
                100.0 * tally.fraction(),
                tally.skipped
            );
            total.add(tally);
        }
        println!(
            "{lang} total             {:>4}/{:<4} {:6.1}%  ({} skipped)",
            total.passed,
            total.run,
            100.0 * total.fraction(),
            total.skipped
        );
        for (cat, list) in &failures {
            println!("  failures [{cat}]: {}", list.len());
            for f in list.iter().take(args.show) {
                let show = |items: &[Item]| {
                    items
                        .iter()
                        .map(|i| {
                            format!(
                                "{:?}@{}={}",
                                i.text,
                                i.start.map_or("?".into(), |s| s.to_string()),
                                i.value.show()
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                println!(
                    "    {:?}\n      want {}\n      got  {}",
                    f.input,
                    show(&f.expected),
                    show(&f.got)
                );
            }
        }
        let floor = if lang == "en" {
            args.min_en
        } else {
            args.min_de
        };
        if let Some(min) = floor
            && total.fraction() < min
        {
            println!("{lang}: {:.3} below the floor {min}", total.fraction());
            ok = false;
        }
        println!();
    }
    Ok(ok)
}

fn not_supported_dotnet(case: &Value) -> bool {
    ["NotSupported", "NotSupportedByDesign"].iter().any(|k| {
        case.get(*k)
            .and_then(Value::as_str)
            .is_some_and(|s| s.to_lowercase().contains("dotnet"))
    })
}

fn run_file(
    path: &Path,
    lang: &str,
    ranges: bool,
    failures: &mut BTreeMap<String, Vec<Failure>>,
) -> anyhow::Result<Tally> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let cases: Vec<Value> = serde_json::from_str(raw.trim_start_matches('\u{feff}'))
        .with_context(|| format!("parsing {}", path.display()))?;
    let mut tally = Tally::default();
    for case in &cases {
        if not_supported_dotnet(case) {
            tally.skipped += 1;
            continue;
        }
        let input = case.get("Input").and_then(Value::as_str).unwrap_or("");
        let expected: Vec<Item> = case
            .get("Results")
            .and_then(Value::as_array)
            .map(|rs| rs.iter().filter_map(|r| expected_item(r, ranges)).collect())
            .unwrap_or_default();
        let got = recognised(input, lang, ranges);
        tally.run += 1;
        if same(&expected, &got) {
            tally.passed += 1;
        } else {
            let cat = category(case, ranges, &got);
            failures.entry(cat).or_default().push(Failure {
                input: input.to_string(),
                expected,
                got,
            });
        }
    }
    Ok(tally)
}

fn expected_item(r: &Value, ranges: bool) -> Option<Item> {
    let text = norm_text(r.get("Text")?.as_str()?);
    let start = r.get("Start").and_then(Value::as_u64).map(|s| s as usize);
    let raw = r
        .get("Resolution")?
        .get("value")?
        .as_str()?
        .replace(',', if ranges { "," } else { "." });
    let value = if ranges {
        parse_range(&raw)?
    } else {
        Val::Number(raw.parse().ok()?)
    };
    Some(Item { start, text, value })
}

/// "(20,35]", "[3965,)", "(,100]".
fn parse_range(s: &str) -> Option<Val> {
    let s = s.trim();
    let lower_incl = s.starts_with('[');
    let upper_incl = s.ends_with(']');
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (l, u) = inner.split_once(',')?;
    let lower = if l.trim().is_empty() {
        None
    } else {
        Some((l.trim().parse().ok()?, lower_incl))
    };
    let upper = if u.trim().is_empty() {
        None
    } else {
        Some((u.trim().parse().ok()?, upper_incl))
    };
    Some(Val::Range(lower, upper))
}

fn recognised(input: &str, lang: &str, ranges: bool) -> Vec<Item> {
    let rec = recognize(input, lang);
    let start_chars = |byte: usize| input.get(..byte).map(|p| p.chars().count());
    if ranges {
        rec.ranges
            .iter()
            .map(|r| Item {
                start: start_chars(r.span.start),
                text: norm_text(r.span.slice(input).unwrap_or("")),
                value: range_val(r),
            })
            .collect()
    } else {
        rec.numbers
            .iter()
            .filter(|n| n.kind != NumberKind::Ordinal)
            .map(|n| Item {
                start: start_chars(n.span.start),
                text: norm_text(n.span.slice(input).unwrap_or("")),
                value: Val::Number(n.value),
            })
            .collect()
    }
}

/// Our range in the specs' encoding: two-ended ranges have an open upper end there.
fn range_val(r: &RangeMatch) -> Val {
    let lower = r.lower.map(|b| (b.value, b.inclusive));
    let upper = r
        .upper
        .map(|b| (b.value, b.inclusive && r.form != RangeForm::Between));
    Val::Range(lower, upper)
}

fn same(expected: &[Item], got: &[Item]) -> bool {
    if expected.len() != got.len() {
        return false;
    }
    let mut used = vec![false; got.len()];
    expected.iter().all(|e| {
        let found = got.iter().enumerate().position(|(k, g)| {
            !used[k]
                && g.text == e.text
                && e.start.is_none_or(|s| g.start == Some(s))
                && e.value.matches(&g.value)
        });
        if let Some(k) = found {
            used[k] = true;
            true
        } else {
            false
        }
    })
}

/// The failure category: range, or the number's subtype, and whether it is written in words or digits.
fn category(case: &Value, ranges: bool, got: &[Item]) -> String {
    let results = case.get("Results").and_then(Value::as_array);
    let first = results.and_then(|r| r.first());
    let Some(r) = first else {
        return if got.is_empty() {
            "other".into()
        } else {
            "false positive".into()
        };
    };
    let text = r.get("Text").and_then(Value::as_str).unwrap_or("");
    let words = text.chars().any(char::is_alphabetic);
    if ranges {
        return format!("ranges ({})", if words { "words" } else { "digits" });
    }
    let subtype = r
        .get("Resolution")
        .and_then(|x| x.get("subtype"))
        .and_then(Value::as_str)
        .unwrap_or("number");
    let subtype = match subtype {
        "integer" | "number" => "cardinals",
        "decimal" => "decimals",
        "fraction" => "fractions",
        "power" => "powers",
        other => other,
    };
    let n = results.map_or(0, Vec::len);
    format!(
        "{subtype} ({}{})",
        if words { "words" } else { "digits" },
        if n > 1 { ", several" } else { "" }
    )
}
