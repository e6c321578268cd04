//! Every reader and every bad-input case, through the real binary.

mod common;

use common::*;

#[test]
fn examples_story_is_a_valid_dossier() {
    let run = corroborate(&["analyze", "examples/protest-camp"], None);
    assert_eq!(run.status, 0, "stderr: {}", run.stderr);
    let dossier = run.json();
    assert_valid_dossier(&dossier);
    assert_eq!(dossier["format"], "corroborate.dossier/1");
    let docs = dossier["documents"].as_array().expect("documents");
    let summary: Vec<(String, String, String, String)> = docs
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or("-").to_string();
            (s("id"), s("kind"), s("parent"), s("language"))
        })
        .collect();
    let expected: Vec<(String, String, String, String)> = [
        ("d1", "article", "-", "en"),   // dravik-blog.txt
        ("d1.p1", "post", "d1", "en"),  // the post pasted into it
        ("d2", "article", "-", "en"),   // free-voice.md
        ("d3", "statement", "-", "en"), // interior-ministry.txt
        ("d4", "article", "-", "de"),   // rundschau.txt
        ("d5", "article", "-", "en"),   // valley-courier.html
        ("d5.p1", "post", "d5", "es"),  // the embedded Spanish tweet
        ("d6", "article", "-", "en"),   // wire.jsonl#1
        ("d7", "article", "-", "en"),   // wire.jsonl#2
    ]
    .iter()
    .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
    .collect();
    assert_eq!(summary, expected);

    let courier = doc_by_origin_suffix(&dossier, "valley-courier.html");
    assert_eq!(courier["source"], "The Valley Courier");
    assert_eq!(courier["published"], "2023-06-21T07:40:00+02:00");
    let removed: Vec<&str> = courier["removed"]
        .as_array()
        .expect("removed")
        .iter()
        .filter_map(|r| r.as_str())
        .collect();
    assert!(
        removed.contains(&"Share on WhatsApp, follow us on Telegram"),
        "{removed:?}"
    );
    assert!(
        removed.iter().any(|r| r.starts_with("pic.twitter.com/")),
        "{removed:?}"
    );
    let text = courier["text"].as_str().expect("text");
    assert!(text.starts_with("DRAVIK — Police moved into the Kestrel Meadow protest camp"));
    for furniture in [
        "cookies",
        "Share on",
        "Related stories",
        "newsletter",
        "Cientos de policías",
    ] {
        assert!(
            !text.contains(furniture),
            "`{furniture}` left in the article text"
        );
    }
    let tweet = &docs[6];
    assert_eq!(tweet["source"], "Lucía Ferrán (@luciaferran)");
    assert_eq!(tweet["published"], "2023-06-20");
    assert!(
        tweet["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Cientos de policías") && !t.contains("pic.twitter"))
    );
    let pasted = &docs[1];
    assert_eq!(pasted["source"], "Elena Marsh (@elenamarsh_dr)");
    assert_eq!(pasted["published"], "2023-06-20");
}

#[test]
fn dossier_is_identical_across_runs_and_thread_counts() {
    let one = corroborate(
        &["analyze", "--threads", "1", "examples/protest-camp"],
        None,
    );
    let two = corroborate(
        &["analyze", "--threads", "2", "examples/protest-camp"],
        None,
    );
    let again = corroborate(
        &["analyze", "--threads", "2", "examples/protest-camp"],
        None,
    );
    assert_eq!(one.status, 0);
    assert!(
        one.stdout == two.stdout && two.stdout == again.stdout,
        "output differs between runs"
    );
}

#[test]
fn text_with_front_matter_and_source_defaults() {
    let dir = temp_files(&[
        ("a.txt", b"---\nsource: Example Times\nurl: https://example.org/a\npublished: 2023-06-21\ntitle: T\n---\nPolice cleared the camp on Tuesday.\n"),
        ("sub/b-report.md", b"# Heading\n\nOfficers **arrived** at dawn, [witnesses](https://x.org) said.\n"),
        ("c.txt", b"---\nurl: https://www.valley.example/x\n---\nA report without a source.\n"),
        ("notes.bin", b"\x00\x01 ignored by the directory walk"),
    ]);
    let run = corroborate(&["analyze", dir.path().to_str().expect("path")], None);
    assert_eq!(run.status, 0, "stderr: {}", run.stderr);
    let d = run.json();
    assert_valid_dossier(&d);
    let a = doc_by_origin_suffix(&d, "a.txt");
    assert_eq!(a["source"], "Example Times");
    assert_eq!(a["published"], "2023-06-21");
    assert_eq!(a["url"], "https://example.org/a");
    assert_eq!(a["title"], "T");
    assert_eq!(a["text"], "Police cleared the camp on Tuesday.");
    let b = doc_by_origin_suffix(&d, "b-report.md");
    assert_eq!(b["source"], "b-report", "file stem without a source");
    assert_eq!(
        b["text"],
        "Heading\n\nOfficers arrived at dawn, witnesses said."
    );
    assert_eq!(
        doc_by_origin_suffix(&d, "c.txt")["source"],
        "valley.example",
        "URL host without a source"
    );
    assert_eq!(d["documents"].as_array().map(Vec::len), Some(3));
}

#[test]
fn directory_order_is_deterministic() {
    let dir = temp_files(&[
        ("b.txt", b"Second."),
        ("a.txt", b"First."),
        ("c/a.txt", b"Third."),
    ]);
    let run = corroborate(&["analyze", dir.path().to_str().expect("path")], None);
    let d = run.json();
    let origins: Vec<String> = d["documents"]
        .as_array()
        .expect("docs")
        .iter()
        .map(|doc| doc["text"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(origins, vec!["First.", "Second.", "Third."]);
}

#[test]
fn json_and_jsonl_records() {
    let dir = temp_files(&[
        ("one.json", br#"{"text": "A record.", "source": "Wire", "published": "June 21, 2023", "author": "Ana"}"#),
        ("many.json", br#"{"documents": [{"text": "First."}, {"html": "<p>Second <b>record</b>.</p>", "source": "S"}]}"#),
        ("lines.jsonl", b"{\"text\": \"Line one.\", \"source\": \"L\"}\n{\"text\": \"Line two.\", \"source\": \"L\"}\n"),
    ]);
    let run = corroborate(&["analyze", dir.path().to_str().expect("path")], None);
    assert_eq!(run.status, 0, "stderr: {}", run.stderr);
    let d = run.json();
    assert_valid_dossier(&d);
    let one = doc_by_origin_suffix(&d, "one.json");
    assert_eq!(one["published"], "2023-06-21");
    assert_eq!(one["authors"][0], "Ana");
    assert_eq!(
        doc_by_origin_suffix(&d, "many.json#2")["text"],
        "Second record."
    );
    assert_eq!(
        doc_by_origin_suffix(&d, "lines.jsonl#2")["text"],
        "Line two."
    );
}

#[test]
fn rss_and_atom_items_are_documents() {
    let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Courier Feed</title>
<item><title>One</title><link>https://c.example/1</link><pubDate>Tue, 20 Jun 2023 08:00:00 GMT</pubDate><description>&lt;p&gt;Police cleared the camp.&lt;/p&gt;</description></item>
<item><title>Two</title><link>https://c.example/2</link><description>Officers left at noon.</description></item>
</channel></rss>"#;
    let atom = br#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Post</title><id>u</id><updated>2023-06-21T00:00:00Z</updated>
<entry><title>E</title><id>e1</id><published>2023-06-21T09:00:00Z</published><content type="text">Residents returned.</content></entry></feed>"#;
    let dir = temp_files(&[("news.rss", rss), ("feed.txt", atom)]);
    let run = corroborate(
        &[
            "analyze",
            &dir.path().join("news.rss").to_string_lossy(),
            &dir.path().join("feed.txt").to_string_lossy(),
        ],
        None,
    );
    assert_eq!(run.status, 0, "stderr: {}", run.stderr);
    let d = run.json();
    assert_valid_dossier(&d);
    let first = doc_by_origin_suffix(&d, "news.rss#1");
    assert_eq!(first["source"], "Courier Feed");
    assert_eq!(first["url"], "https://c.example/1");
    assert!(
        first["published"]
            .as_str()
            .is_some_and(|p| p.starts_with("2023-06-20T08:00:00"))
    );
    assert!(
        first["text"]
            .as_str()
            .is_some_and(|t| t.contains("Police cleared the camp."))
    );
    let atom_doc = doc_by_origin_suffix(&d, "feed.txt#1");
    assert_eq!(
        atom_doc["source"], "Atom Post",
        "sniffed as a feed despite the .txt name"
    );
}

#[test]
fn warc_pages_are_documents() {
    let page = "<html><head><title>Camp cleared</title></head><body><article><p>Police cleared the camp at \
        Kestrel Meadow on Tuesday, the Valley Courier reported.</p></article></body></html>";
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{page}",
        page.len()
    );
    let mut warc = String::new();
    for (kind, uri, content) in [
        ("warcinfo", "", "software: corroborate test"),
        (
            "request",
            "https://courier.example/camp",
            "GET /camp HTTP/1.1\r\n\r\n",
        ),
        ("response", "https://courier.example/camp", http.as_str()),
    ] {
        warc.push_str(&format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n{content}\r\n\r\n",
            content.len()
        ));
    }
    let dir = temp_files(&[("crawl/courier.warc", warc.as_bytes())]);
    // Found by extension when a directory is walked.
    let run = corroborate(&["analyze", &dir.path().to_string_lossy()], None);
    assert_eq!(run.status, 0, "stderr: {}", run.stderr);
    let d = run.json();
    assert_valid_dossier(&d);
    let doc = doc_by_origin_suffix(&d, "courier.warc#3");
    assert_eq!(doc["url"], "https://courier.example/camp");
    assert_eq!(doc["title"], "Camp cleared");
    assert!(doc["published"].is_null());
    assert!(
        doc["text"]
            .as_str()
            .is_some_and(|t| t.contains("Police cleared the camp at Kestrel Meadow"))
    );
}

#[test]
fn stdin_is_an_input() {
    let run = corroborate(
        &["analyze", "-"],
        Some(b"---\nsource: Piped\n---\nRead from standard input."),
    );
    assert_eq!(run.status, 0, "stderr: {}", run.stderr);
    let d = run.json();
    assert_eq!(d["documents"][0]["source"], "Piped");
    assert_eq!(d["documents"][0]["origin"], "-");
}

#[test]
fn non_utf8_inputs_are_decoded() {
    let dir = temp_files(&[
        ("latin1.txt", b"Die Polizei r\xe4umte das Camp. \x84Niemand\x93 wurde verletzt."),
        ("page.html", b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><article><p>Le caf\xe9 de la place a ferm\xe9 ses portes mardi apr\xe8s la manifestation.</p></article></body></html>"),
    ]);
    let run = corroborate(&["analyze", dir.path().to_str().expect("path")], None);
    assert_eq!(run.status, 0, "stderr: {}", run.stderr);
    let d = run.json();
    assert!(
        doc_by_origin_suffix(&d, "latin1.txt")["text"]
            .as_str()
            .is_some_and(|t| t.contains("räumte") && t.contains("„Niemand“"))
    );
    assert!(
        doc_by_origin_suffix(&d, "page.html")["text"]
            .as_str()
            .is_some_and(|t| t.contains("café") && t.contains("fermé"))
    );
}

#[test]
fn bad_inputs_are_reported_and_the_rest_analysed() {
    let big = vec![b'a'; 5000];
    let dir = temp_files(&[
        ("good.txt", b"This report is fine."),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
        ("empty.txt", b"   \n\n"),
        ("bad.jsonl", b"{\"text\": \"Good line.\"}\n{broken\n"),
        (
            "broken.html",
            b"<html><body><div><script>var x = 1;</script><p></div></sp",
        ),
        (
            "undecodable.txt",
            b"\xEF\xBB\xBFvalid start \xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6",
        ),
        ("big.txt", &big),
    ]);
    let p = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let missing = p("missing.txt");
    let args = [
        "analyze",
        "--max-bytes",
        "4096",
        &p("good.txt"),
        &p("binary.txt"),
        &p("empty.txt"),
        &p("bad.jsonl"),
        &p("broken.html"),
        &p("undecodable.txt"),
        &p("big.txt"),
        &missing,
        "http://127.0.0.1:1/unreachable",
    ];
    let run = corroborate(&args, None);
    assert_eq!(
        run.status, 2,
        "something was skipped; stderr: {}",
        run.stderr
    );
    let d = run.json();
    assert_valid_dossier(&d);
    let texts: Vec<&str> = d["documents"]
        .as_array()
        .expect("docs")
        .iter()
        .filter_map(|x| x["text"].as_str())
        .collect();
    assert_eq!(texts, vec!["This report is fine.", "Good line."]);
    let lines: Vec<&str> = run.stderr.lines().collect();
    let expect = [
        ("binary.txt", "binary data"),
        ("empty.txt", "empty input"),
        ("bad.jsonl#2", "invalid JSON at line 2"),
        ("broken.html", "no readable text"),
        ("undecodable.txt", "cannot decode"),
        ("big.txt", "over the 4096-byte limit"),
        ("missing.txt", "no such file"),
        ("http://127.0.0.1:1/unreachable", "fetch failed"),
    ];
    for (input, reason) in expect {
        assert!(
            lines
                .iter()
                .any(|l| l.contains(input) && l.contains(reason)),
            "no line naming {input} with `{reason}` in:\n{}",
            run.stderr
        );
    }
    assert_eq!(
        lines.len(),
        expect.len(),
        "one line per skipped input:\n{}",
        run.stderr
    );
    assert_eq!(d["skipped"].as_array().map(Vec::len), Some(expect.len()));
    assert!(!run.stderr.contains("panicked"));
}

#[test]
fn nothing_readable_still_prints_a_dossier() {
    let run = corroborate(&["analyze", "/nonexistent/path.txt"], None);
    assert_eq!(run.status, 2);
    let d = run.json();
    assert_valid_dossier(&d);
    assert_eq!(d["documents"].as_array().map(Vec::len), Some(0));
}

#[test]
fn output_file() {
    let dir = temp_files(&[("a.txt", b"One line.")]);
    let out = dir.path().join("dossier.json");
    let run = corroborate(
        &[
            "analyze",
            &dir.path().join("a.txt").to_string_lossy(),
            "-o",
            &out.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(run.status, 0);
    assert!(run.stdout.is_empty());
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out).expect("written")).expect("json");
    assert_eq!(written["documents"][0]["text"], "One line.");
}
