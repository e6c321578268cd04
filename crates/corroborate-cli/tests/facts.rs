//! Facts, disputes, independence and outlet profiles on the example story, through the real binary; the
//! Markdown and HTML renderings; determinism across runs and thread counts.

mod common;

use common::{assert_valid_dossier, corroborate};
use serde_json::Value;

fn example() -> Value {
    let run = corroborate(
        &["analyze", "examples/protest-camp", "--threads", "1"],
        None,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let d = run.json();
    assert_valid_dossier(&d);
    d
}

fn facts<'a>(d: &'a Value, predicate: &str, polarity: &str) -> Vec<&'a Value> {
    d["facts"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|f| f["predicate"] == predicate && f["polarity"] == polarity)
                .collect()
        })
        .unwrap_or_default()
}

fn types(f: &Value) -> Vec<String> {
    let mut t: Vec<String> = f["disputes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["type"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    t.sort();
    t.dedup();
    t
}

fn summary(d: &Value) -> String {
    d["facts"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    format!(
                        "{} {} {} {:?} {}",
                        f["id"],
                        f["statement"],
                        f["status"],
                        types(f),
                        f["sources"]
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

#[test]
fn officers_deployed_is_a_numeric_dispute() {
    let d = example();
    let s = summary(&d);
    let deployed = facts(&d, "deployed", "affirms");
    assert_eq!(deployed.len(), 2, "{s}");
    for f in &deployed {
        assert_eq!(f["status"], "disputed", "{s}");
        assert!(types(f).contains(&"numeric".to_string()), "{s}");
    }
    let statements: Vec<&str> = deployed
        .iter()
        .filter_map(|f| f["statement"].as_str())
        .collect();
    assert!(statements.iter().any(|t| t.contains("500")), "{s}");
    assert!(statements.iter().any(|t| t.contains("600")), "{s}");
}

#[test]
fn deaths_are_disputed_by_the_ministry_denial() {
    let d = example();
    let s = summary(&d);
    let killed = facts(&d, "killed", "affirms");
    assert!(!killed.is_empty(), "{s}");
    assert!(killed.iter().all(|f| f["status"] == "disputed"), "{s}");
    assert!(
        killed
            .iter()
            .any(|f| types(f).contains(&"polarity".to_string())),
        "{s}"
    );
    let denial = facts(&d, "harmed", "denies");
    assert_eq!(denial.len(), 1, "{s}");
    assert_eq!(denial[0]["status"], "disputed", "{s}");
}

#[test]
fn water_cannon_is_contradicted_by_the_ministers_own_side() {
    let d = example();
    let s = summary(&d);
    let cannon = facts(&d, "used_water_cannon", "affirms");
    assert_eq!(cannon.len(), 1, "{s}");
    assert_eq!(cannon[0]["status"], "disputed", "{s}");
    assert!(types(cannon[0]).contains(&"same_side".to_string()), "{s}");
}

#[test]
fn hospital_count_is_corroborated_with_wire_copies_counted_once() {
    let d = example();
    let s = summary(&d);
    let treated = facts(&d, "treated", "affirms");
    assert_eq!(treated.len(), 1, "{s}");
    let f = treated[0];
    assert_eq!(f["status"], "corroborated", "{s}");
    let sources: Vec<&str> = f["sources"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert!(sources.len() >= 2, "{s}");
    assert!(sources.contains(&"Continental Press Agency"), "{s}");
    assert!(
        !sources.contains(&"Lakeside Daily"),
        "the wire copy counts once: {s}"
    );
    let supporting = f["supported_by"].as_array().map_or(0, Vec::len);
    assert!(supporting > sources.len(), "{s}");
}

#[test]
fn outlet_profiles_show_voices_blindspots_and_loaded_terms() {
    let d = example();
    let sources = d["sources"].as_array().expect("sources");
    let free_voice = sources
        .iter()
        .find(|s| s["name"] == "Free Voice")
        .expect("Free Voice");
    let terms: Vec<&str> = free_voice["loaded_terms"]
        .as_array()
        .map(|a| a.iter().filter_map(|t| t["term"].as_str()).collect())
        .unwrap_or_default();
    assert!(terms.contains(&"massacre"), "{terms:?}");
    assert!(terms.contains(&"cruel"), "{terms:?}");
    // "brutal thugs" is the movement's statement, not Free Voice's own voice.
    assert!(!terms.contains(&"thugs"), "{terms:?}");
    let ministry = sources
        .iter()
        .find(|s| s["name"] == "Interior Ministry of Valdoria")
        .expect("ministry");
    let blind: Vec<&str> = ministry["blindspots"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert!(
        !blind.is_empty(),
        "the ministry never quotes the movement: {ministry}"
    );
    assert!(
        sources
            .iter()
            .all(|s| s["voices"].as_array().is_some_and(|v| !v.is_empty()))
    );
}

#[test]
fn dossier_is_byte_identical_across_runs_and_threads() {
    let one = corroborate(
        &["analyze", "examples/protest-camp", "--threads", "1"],
        None,
    );
    let two = corroborate(
        &["analyze", "examples/protest-camp", "--threads", "2"],
        None,
    );
    let again = corroborate(
        &["analyze", "examples/protest-camp", "--threads", "2"],
        None,
    );
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(two.stdout, again.stdout);
    for format in ["md", "html"] {
        let a = corroborate(
            &[
                "analyze",
                "examples/protest-camp",
                "--format",
                format,
                "--threads",
                "1",
            ],
            None,
        );
        let b = corroborate(
            &[
                "analyze",
                "examples/protest-camp",
                "--format",
                format,
                "--threads",
                "2",
            ],
            None,
        );
        assert_eq!(a.status, 0, "{}", a.stderr);
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
}

#[test]
fn markdown_puts_disputed_facts_first() {
    let run = corroborate(
        &["analyze", "examples/protest-camp", "--format", "md"],
        None,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let md = &run.stdout;
    // Titled after the story's most central report, not the first (partisan) headline.
    assert!(
        md.starts_with(
            "# Police clear Kestrel Meadow protest camp; accounts of injuries conflict\n"
        ),
        "{}",
        md.lines().next().unwrap_or_default()
    );
    let disputed = md.find("## Disputed facts").expect("disputed section");
    let corroborated = md
        .find("## Corroborated facts")
        .expect("corroborated section");
    let single = md
        .find("## Single-source facts")
        .expect("single-source section");
    assert!(disputed < corroborated && corroborated < single);
    for section in [
        "## Who said what",
        "## Outlets",
        "## Timeline",
        "Our officers never touched anyone",
    ] {
        assert!(md.contains(section), "{section}");
    }
}

#[test]
fn html_is_self_contained_and_escaped() {
    let files = common::temp_files(&[(
        "evil.txt",
        b"---\nsource: <script>alert(1)</script> News\n---\nThe mayor said that <b>two</b> people were killed.\n",
    )]);
    let path = files.path().join("evil.txt");
    let run = corroborate(
        &[
            "analyze",
            path.to_str().unwrap_or_default(),
            "--format",
            "html",
        ],
        None,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let html = &run.stdout;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"), "input text must be escaped");
    assert!(html.contains("&lt;script&gt;"));
    assert!(
        !html.contains("src=\"http") && !html.contains("<link"),
        "nothing is fetched"
    );
    let example = corroborate(
        &["analyze", "examples/protest-camp", "--format", "html"],
        None,
    );
    assert!(example.stdout.contains("<style>") && example.stdout.contains("Disputed facts"));
}

#[test]
fn written_stories_validate_in_english_and_german() {
    let files = common::temp_files(&[
        ("a.txt", "---\nsource: Tagblatt\npublished: 2024-05-10\n---\nDie Polizei teilte mit, dass drei Menschen getötet wurden.\n".as_bytes()),
        ("b.txt", "---\nsource: Landbote\npublished: 2024-05-12\n---\nDie Polizei teilte mit, dass sieben Menschen getötet wurden.\n".as_bytes()),
    ]);
    let run = corroborate(
        &["analyze", files.path().to_str().unwrap_or_default()],
        None,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let d = run.json();
    assert_valid_dossier(&d);
    let killed = facts(&d, "killed", "affirms");
    assert_eq!(killed.len(), 2, "{}", summary(&d));
    assert!(
        killed
            .iter()
            .any(|f| f["updates"].as_array().is_some_and(|u| !u.is_empty())),
        "{}",
        summary(&d)
    );
}

/// An unrelated report of the same kind of event added to the examples story: it becomes a story of its own, its
/// denial disputes nothing of the examples story, and the examples story's facts stay as they were.
#[test]
fn an_unrelated_event_is_a_story_of_its_own() {
    let files = common::temp_files(&[(
        "bridge.txt",
        b"---\nsource: Harbour Gazette\npublished: 2024-09-03\ntitle: Ferry pier collapses in Port Selwyn\n---\n\
The old ferry pier at Port Selwyn collapsed into the estuary on Monday after a week of storms.\n\n\
The harbour authority denied that anyone was killed, and said the pier had been closed since August.\n\n\
Harbour master Jonas Brill said divers would inspect the wreck of the Selwyn pier on Tuesday.\n",
    )]);
    let bridge = files.path().join("bridge.txt");
    let alone = example();
    let run = corroborate(
        &[
            "analyze",
            "examples/protest-camp",
            bridge.to_str().unwrap_or_default(),
            "--threads",
            "1",
        ],
        None,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let both = run.json();
    assert_valid_dossier(&both);
    let stories = both["stories"].as_array().expect("stories");
    assert_eq!(stories.len(), 2, "{stories:?}");
    let last_doc = both["documents"]
        .as_array()
        .and_then(|d| d.last())
        .and_then(|d| d["id"].as_str())
        .unwrap_or_default()
        .to_string();
    assert_eq!(stories[1]["documents"], serde_json::json!([last_doc]));
    let summary = |d: &Value, story: &str| -> Vec<(Value, Value, Value)> {
        d["facts"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|f| f["story"] == story)
                    .map(|f| {
                        (
                            f["statement"].clone(),
                            f["status"].clone(),
                            f["disputed_by"].clone(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(summary(&alone, "s1"), summary(&both, "s1"));
    let denial = summary(&both, "s2");
    assert!(!denial.is_empty(), "the pier story has its own facts");
}
