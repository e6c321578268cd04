//! Property tests for the readers of outside input: whatever the bytes, a reader returns documents or errors
//! naming the input, never panics, and every span it leads to lies on char boundaries.

use corroborate_core::ingest::{InputBytes, decode, feed, frontmatter, records};
use corroborate_core::pipeline;
use proptest::prelude::*;

/// Strings made of the pieces that steer the readers, so the generator reaches deep paths quickly.
fn structured(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(pieces).prop_map(str::to_string),
            ".{0,12}"
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

const FRONT_MATTER: &[&str] = &[
    "---\n",
    "---\r\n",
    "...\n",
    "source: ",
    "published: ",
    "url: ",
    "authors: [",
    "]",
    ", ",
    "\n",
    "  - ",
    "'",
    "\"",
    "title:",
    "kind: statement",
    "2023-06-21",
    "\u{feff}",
    ": ",
];
const JSON: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"text\"",
    "\"html\"",
    ":",
    ",",
    "\"source\"",
    "\"published\"",
    "\"author\"",
    "null",
    "1",
    "\"x\"",
    "\n",
    "{\"text\": \"a\"}\n",
    "\"documents\"",
    "\\u00e9",
    "\\",
    "\"",
];
const FEED: &[&str] = &[
    "<?xml version=\"1.0\"?>",
    "<rss version=\"2.0\">",
    "<channel>",
    "</channel>",
    "<item>",
    "</item>",
    "<title>",
    "</title>",
    "<description>",
    "</description>",
    "<![CDATA[",
    "]]>",
    "<pubDate>",
    "</pubDate>",
    "</rss>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "<entry>",
    "</entry>",
    "<content type=\"html\">",
    "</content>",
    "&lt;p&gt;",
    "&amp;",
    "</feed>",
    "<link href=\"x\"/>",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn front_matter_never_panics_and_cuts_on_a_boundary(text in structured(FRONT_MATTER)) {
        if let Some(fm) = frontmatter::parse(&text) {
            prop_assert!(fm.body_start <= text.len());
            prop_assert!(text.is_char_boundary(fm.body_start));
        }
    }

    #[test]
    fn json_readers_never_panic(text in structured(JSON)) {
        let one = records::read_json("in.json", &text);
        prop_assert!(!one.docs.is_empty() || !one.errors.is_empty());
        let lines = records::read_json_lines("in.jsonl", &text);
        for e in &lines.errors {
            prop_assert!(e.input.starts_with("in.jsonl#"));
        }
    }

    #[test]
    fn feed_reader_never_panics(text in structured(FEED)) {
        let out = feed::read_feed("feed.xml", &text);
        prop_assert!(!out.docs.is_empty() || !out.errors.is_empty());
    }

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600), header in prop::option::of("[a-z/;= 0-9-]{0,30}")) {
        if let Ok(d) = decode::decode(&bytes, header.as_deref()) {
            prop_assert!(!d.encoding.is_empty());
        }
    }

    #[test]
    fn whole_pipeline_keeps_spans_on_char_boundaries(
        text in structured(&["<p>", "</p>", "<html>", "<body>", "— Ana (@ana) June 20, 2023", "\n\n", "„", "“", "Share on WhatsApp", "pic.twitter.com/x", "ü", "Dr. ", "3.5", "?"]),
        name in prop::sample::select(vec!["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a.xml", "noext"]),
    ) {
        let analysis = pipeline::analyze(vec![Ok(InputBytes { name: name.to_string(), bytes: text.into_bytes(), ..Default::default() })]);
        for doc in &analysis.documents {
            prop_assert!(doc.bad_span().is_none(), "bad span in {:?}", doc.text);
        }
        for e in &analysis.skipped {
            prop_assert!(e.input.starts_with(name));
        }
    }
}
