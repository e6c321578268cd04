//! `corroborate-eval dates DATA_DIR`: date expressions against the Microsoft Recognizers-Text DateTimeModel
//! specs (English and German).
//!
//! Each case's `Context.ReferenceDateTime` is the anchor (our `published`). Only expected results of type
//! `datetimeV2.date` and `datetimeV2.daterange` are scored; cases the spec marks NotSupported for dotnet, and
//! cases without such a result, are skipped and counted.
//!
//! A case passes when every expected date/daterange result is matched by one of our mentions and none of our
//! mentions is a false alarm:
//! - match: same start (in characters) and the same text, case-insensitive; and the same value. A date
//!   matches when our value is one of the spec's candidate values (the spec lists a past and a future one
//!   for ambiguous dates; either is accepted only then). A range matches when the starts are equal and the
//!   ends agree: the spec writes range ends as boundary points (exclusive for periods: "next month" ends on
//!   the 1st of the month after; "from March to May" ends on 1 May), we write the last day, inclusive. So a
//!   spec end matches our end `e` when it is `e`, the day after `e`, or, where `e` is the last day of a
//!   month or year, the first day of that month or year. Open ends (`null`) must be open on both sides;
//!   "not resolved" expects our value to be null.
//! - false alarm: a mention of ours that overlaps no expected result of any type (a mention inside an
//!   expected time or duration result is not scored).

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;
use corroborate_core::extract::dates::find_dates;
use serde_json::Value;

#[derive(Args, Debug)]
pub struct DatesArgs {
    /// The recognizers-text folder (with DateTime/English and DateTime/German).
    pub data_dir: PathBuf,
    /// Fail when the English pass fraction is lower (0..=1).
    #[arg(long)]
    pub min_en: Option<f64>,
    /// Fail when the German pass fraction is lower (0..=1).
    #[arg(long)]
    pub min_de: Option<f64>,
    /// Failures shown per category (all with a large number).
    #[arg(long, default_value_t = 4)]
    pub show: usize,
    /// Also measure speed on news text: an article-extraction ground-truth file (JSON object of records
    /// with an `articleBody`); reports MB/s over all bodies repeated to about 8 MB.
    #[arg(long)]
    pub bench: Option<PathBuf>,
    /// With `--bench`: print what the finder finds in the first N bodies, to check for false alarms.
    #[arg(long, default_value_t = 0)]
    pub sample: usize,
}

/// One of our mentions: start and end in characters, lower-cased text, value, end.
type Ours = (usize, usize, String, Option<String>, Option<String>);

/// One expected date or daterange result.
struct Expected {
    text: String,
    start: usize,
    range: bool,
    /// Candidate (start, end) values; `end` unused for dates. `None` inside: open end.
    values: Vec<(Option<String>, Option<String>)>,
    unresolved: bool,
}

pub fn run(args: DatesArgs) -> anyhow::Result<bool> {
    let dir = args.data_dir.join("DateTime");
    if !dir.is_dir() {
        bail!(
            "{} not found (expected the recognizers-text folder of the shared data)",
            dir.display()
        );
    }
    let mut ok = true;
    let mut corpus: Vec<(String, &str)> = Vec::new();
    for (folder, lang, floor) in [
        ("English", "en", args.min_en),
        ("German", "de", args.min_de),
    ] {
        let path = dir.join(folder).join("DateTimeModel.json");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let cases: Vec<Value> = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .with_context(|| format!("parsing {}", path.display()))?;
        let fraction = run_language(lang, &cases, args.show);
        let inputs: Vec<&str> = cases.iter().filter_map(|c| c["Input"].as_str()).collect();
        corpus.push((inputs.join("\n"), lang));
        if floor.is_some_and(|f| fraction < f) {
            ok = false;
        }
    }
    throughput(&corpus);
    if let Some(path) = &args.bench {
        news_speed(path, args.sample)?;
    }
    Ok(ok)
}

/// Speed on ordinary news text (where dates are rare, unlike the spec inputs), and optionally what is found
/// there, so that new rules can be checked for false alarms.
fn news_speed(path: &std::path::Path, sample: usize) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let records: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .with_context(|| format!("parsing {}", path.display()))?;
    let bodies: Vec<&str> = match &records {
        Value::Object(map) => map
            .values()
            .filter_map(|r| r["articleBody"].as_str())
            .collect(),
        Value::Array(list) => list
            .iter()
            .filter_map(|r| r["articleBody"].as_str())
            .collect(),
        _ => Vec::new(),
    };
    for body in bodies.iter().take(sample) {
        for m in find_dates(body, "en", Some("2019-06-21")) {
            let line_start = body
                .get(..m.span.start)
                .map_or(0, |b| b.rfind(['.', '\n']).map_or(0, |k| k + 1));
            let context = body
                .get(line_start..m.span.end.min(body.len()))
                .unwrap_or_default()
                .trim();
            println!(
                "  found {:?} → {:?}..{:?}   in …{}",
                m.span.slice(body).unwrap_or_default(),
                m.value,
                m.end,
                context
                    .chars()
                    .rev()
                    .take(90)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<String>()
            );
        }
    }
    let joined = bodies.join("\n\n");
    if joined.is_empty() {
        bail!("no articleBody in {}", path.display());
    }
    let big = joined.repeat((8_000_000 / joined.len()).max(1));
    let started = std::time::Instant::now();
    let found = find_dates(&big, "en", Some("2019-06-21"));
    let secs = started.elapsed().as_secs_f64();
    println!(
        "news speed ({} bodies): {:.1} MB in {secs:.2} s = {:.1} MB/s ({} mentions)",
        bodies.len(),
        big.len() as f64 / 1e6,
        big.len() as f64 / 1e6 / secs.max(1e-9),
        found.len()
    );
    Ok(())
}

/// Speed: every spec input of a language joined into one text, repeated to about 4 MB, one call.
fn throughput(corpus: &[(String, &str)]) {
    for (text, lang) in corpus {
        if text.is_empty() {
            continue;
        }
        let big = text.repeat((4_000_000 / text.len()).max(1));
        let started = std::time::Instant::now();
        let found = find_dates(&big, lang, Some("2019-06-21"));
        let secs = started.elapsed().as_secs_f64();
        println!(
            "{lang} speed: {:.1} MB in {secs:.2} s = {:.1} MB/s ({} mentions)",
            big.len() as f64 / 1e6,
            big.len() as f64 / 1e6 / secs.max(1e-9),
            found.len()
        );
    }
}

fn run_language(lang: &str, cases: &[Value], show: usize) -> f64 {
    let (mut passed, mut scored, mut not_supported, mut no_date) = (0usize, 0usize, 0usize, 0usize);
    let mut failures: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for case in cases {
        let ns = case["NotSupported"].as_str().unwrap_or("").to_lowercase();
        if ns.contains("dotnet") {
            not_supported += 1;
            continue;
        }
        let input = case["Input"].as_str().unwrap_or("");
        let results = case["Results"].as_array().cloned().unwrap_or_default();
        let mut expected = Vec::new();
        let mut other_spans = Vec::new();
        for r in &results {
            let ty = r["TypeName"].as_str().unwrap_or("");
            let start = r["Start"].as_u64().unwrap_or(0) as usize;
            let end = r["End"].as_u64().unwrap_or(0) as usize;
            other_spans.push((start, end + 1));
            if ty == "datetimeV2.date" || ty == "datetimeV2.daterange" {
                expected.push(expected_from(r, ty == "datetimeV2.daterange"));
            }
        }
        if expected.is_empty() {
            no_date += 1;
            continue;
        }
        scored += 1;
        let reference = case["Context"]["ReferenceDateTime"].as_str();
        let ours = find_dates(input, lang, reference);
        let ours: Vec<Ours> = ours
            .iter()
            .filter_map(|m| {
                let s = input.get(..m.span.start)?.chars().count();
                let t = m.span.slice(input)?;
                Some((
                    s,
                    s + t.chars().count(),
                    t.to_lowercase(),
                    m.value.clone(),
                    m.end.clone(),
                ))
            })
            .collect();
        let mut problems = Vec::new();
        let mut used = vec![false; ours.len()];
        let mut category = None;
        for e in &expected {
            let hit = ours
                .iter()
                .enumerate()
                .find(|(_, o)| o.0 == e.start && o.2 == e.text);
            match hit {
                Some((k, o)) => {
                    used[k] = true;
                    if !value_matches(e, &o.3, &o.4) {
                        problems.push(format!(
                            "'{}' → {:?}..{:?}, expected {:?}",
                            e.text, o.3, o.4, e.values
                        ));
                        category.get_or_insert(categorise(e));
                    }
                }
                None => {
                    problems.push(format!("'{}' not found (expected {:?})", e.text, e.values));
                    category.get_or_insert(categorise(e));
                }
            }
        }
        for (k, o) in ours.iter().enumerate() {
            if used[k] {
                continue;
            }
            let overlaps = other_spans.iter().any(|(s, e)| o.0 < *e && *s < o.1);
            if !overlaps {
                problems.push(format!("false alarm '{}' → {:?}..{:?}", o.2, o.3, o.4));
                category.get_or_insert("false alarm");
            }
        }
        if problems.is_empty() {
            passed += 1;
        } else {
            let anchor = reference.unwrap_or("-");
            failures
                .entry(category.unwrap_or("other"))
                .or_default()
                .push(format!(
                    "[{}] {:?}: {}",
                    anchor.get(..10).unwrap_or(anchor),
                    input,
                    problems.join("; ")
                ));
        }
    }
    let fraction = if scored == 0 {
        1.0
    } else {
        passed as f64 / scored as f64
    };
    println!(
        "{lang}: {passed}/{scored} cases pass ({:.1}%); skipped {not_supported} NotSupported for dotnet, {no_date} without a date/daterange result",
        100.0 * fraction
    );
    for (cat, list) in &failures {
        println!("  {cat}: {} failing", list.len());
        for f in list.iter().take(show) {
            println!("    {f}");
        }
    }
    fraction
}

fn expected_from(r: &Value, range: bool) -> Expected {
    let text = r["Text"].as_str().unwrap_or("").to_lowercase();
    let start = r["Start"].as_u64().unwrap_or(0) as usize;
    let values = r["Resolution"]["values"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let unresolved = values
        .iter()
        .any(|v| v["value"].as_str() == Some("not resolved"));
    let s = |v: &Value| v.as_str().map(str::to_string);
    let values = values
        .iter()
        .map(|v| {
            if range {
                (s(&v["start"]), s(&v["end"]))
            } else {
                (s(&v["value"]), None)
            }
        })
        .collect();
    Expected {
        text,
        start,
        range,
        values,
        unresolved,
    }
}

fn value_matches(e: &Expected, value: &Option<String>, end: &Option<String>) -> bool {
    if e.unresolved {
        return value.is_none();
    }
    if !e.range {
        return end.is_none() && e.values.iter().any(|(v, _)| v == value && v.is_some());
    }
    e.values
        .iter()
        .any(|(s, x)| s == value && end_matches(x.as_deref(), end.as_deref()))
}

/// A spec range end (a boundary point) against our inclusive last day.
fn end_matches(spec: Option<&str>, ours: Option<&str>) -> bool {
    let (Some(spec), Some(ours)) = (spec, ours) else {
        return spec.is_none() && ours.is_none();
    };
    let Some((y, m, d)) = ymd(ours) else {
        return false;
    };
    let next = next_day(y, m, d);
    let last_of_month = next.2 == 1;
    let mut ok = vec![ours.to_string(), iso(next)];
    if last_of_month {
        ok.push(iso((y, m, 1)));
    }
    if m == 12 && d == 31 {
        ok.push(iso((y, 1, 1)));
    }
    ok.iter().any(|o| o == spec)
}

fn ymd(s: &str) -> Option<(i32, u32, u32)> {
    Some((
        s.get(0..4)?.parse().ok()?,
        s.get(5..7)?.parse().ok()?,
        s.get(8..10)?.parse().ok()?,
    ))
}

fn iso((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn next_day(y: i32, m: u32, d: u32) -> (i32, u32, u32) {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let len = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if d < len {
        (y, m, d + 1)
    } else if m < 12 {
        (y, m + 1, 1)
    } else {
        (y + 1, 1, 1)
    }
}

/// A rough kind of the expected expression, to group failures.
fn categorise(e: &Expected) -> &'static str {
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
    ];
    const RELATIVE: &[&str] = &[
        "today",
        "tomorrow",
        "yesterday",
        "ago",
        "later",
        "next",
        "last",
        "this",
        "previous",
        "past",
        "coming",
        "following",
        "upcoming",
        "earlier",
        "within",
        "from now",
        "heute",
        "morgen",
        "gestern",
        "vorgestern",
        "letzte",
        "nächste",
        "diese",
        "später",
        "vor",
        "übernächste",
        "vorletzte",
        "week",
        "month",
        "year",
        "woche",
        "monat",
        "jahr",
        "weekend",
        "wochenende",
        "day",
        "days",
        "tage",
    ];
    const PERIOD: &[&str] = &[
        "quarter", "q1", "q2", "q3", "q4", "h1", "h2", "century", "decade", "0s", "0 s", "ties",
        "week 1", "week 2", "week 3",
    ];
    const RANGE: &[&str] = &[
        " to ",
        "till",
        "through",
        "between",
        "from ",
        "since",
        "before",
        "after",
        "until",
        "bis",
        "vom",
        "zwischen",
        "seit",
        " ab",
        "later than",
        "greater",
        "and later",
        "or later",
    ];
    let t = e.text.as_str();
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_word = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let month = words
        .iter()
        .any(|w| corroborate_core::ingest::dates::month_number(w).is_some());
    if RANGE.iter().any(|r| t.contains(r)) || (t.contains('-') && e.range) {
        "range / open range"
    } else if PERIOD.iter().any(|p| t.contains(p)) {
        "quarter / week no. / decade"
    } else if has_word(WEEKDAYS) {
        "weekday"
    } else if words.iter().any(|w| RELATIVE.contains(w)) {
        "relative word"
    } else if t.chars().any(|c| c.is_ascii_digit())
        && !month
        && t.chars().any(|c| matches!(c, '/' | '-' | '.'))
    {
        "numeric"
    } else if month {
        "month-day / month"
    } else if t
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || c == 's')
    {
        "year"
    } else if !t.chars().any(|c| c.is_ascii_digit()) {
        "holiday / other words"
    } else {
        "other"
    }
}
