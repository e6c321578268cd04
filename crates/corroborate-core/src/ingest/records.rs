//! JSON and JSON Lines records: `{"text" | "html", "url", "source", "title", "published", "author(s)",
//! "language", "kind"}`. A bad record is skipped with an error naming its line; the others are still read.

use serde_json::{Map, Value};

use super::dates::normalize_published;
use super::error::{IngestError, Reason};
use super::frontmatter::parse_kind;
use super::{Body, RawDoc, ReadOutcome};
use crate::model::DocMeta;

/// Keys under which a JSON object may hold its array of records.
const COLLECTION_KEYS: &[&str] = &["documents", "records", "items", "articles", "data"];

/// Reads a `.json` input: one record, an array of records, or an object holding an array of records.
pub fn read_json(name: &str, text: &str) -> ReadOutcome {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return ReadOutcome::failed(IngestError::new(
                name,
                Reason::InvalidJson {
                    line: e.line(),
                    message: e.to_string(),
                },
            ));
        }
    };
    let records: Vec<Value> = match value {
        Value::Array(items) => items,
        Value::Object(ref map) if !is_record(map) => {
            match COLLECTION_KEYS
                .iter()
                .find_map(|k| map.get(*k).and_then(Value::as_array))
            {
                Some(items) => items.clone(),
                None => vec![value],
            }
        }
        other => vec![other],
    };
    // "[]" or `{"items": []}`: valid JSON with nothing in it is an empty input, said so, not silently nothing.
    if records.is_empty() {
        return ReadOutcome::failed(IngestError::new(name, Reason::Empty));
    }
    let many = records.len() > 1;
    let mut outcome = ReadOutcome::default();
    for (i, record) in records.into_iter().enumerate() {
        let origin = if many {
            format!("{name}#{}", i + 1)
        } else {
            name.to_string()
        };
        outcome.push(record_to_doc(&origin, record));
    }
    outcome
}

/// Reads a `.jsonl` input: one record per non-empty line.
pub fn read_json_lines(name: &str, text: &str) -> ReadOutcome {
    let mut outcome = ReadOutcome::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let origin = format!("{name}#{}", i + 1);
        let result = serde_json::from_str::<Value>(line)
            .map_err(|e| {
                IngestError::new(
                    &origin,
                    Reason::InvalidJson {
                        line: i + 1,
                        message: e.to_string(),
                    },
                )
            })
            .and_then(|record| record_to_doc(&origin, record));
        outcome.push(result);
    }
    outcome
}

fn is_record(map: &Map<String, Value>) -> bool {
    ["text", "html", "content", "body"]
        .iter()
        .any(|k| map.contains_key(*k))
}

fn string_field(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().filter_map(|k| map.get(*k)).find_map(|v| {
        v.as_str()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
    })
}

fn authors_field(map: &Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["authors", "author", "byline"] {
        match map.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => out.push(s.trim().to_string()),
            Some(Value::Array(items)) => {
                for item in items {
                    match item {
                        Value::String(s) => out.push(s.trim().to_string()),
                        Value::Object(o) => out.extend(string_field(o, &["name"])),
                        _ => {}
                    }
                }
            }
            Some(Value::Object(o)) => out.extend(string_field(o, &["name"])),
            _ => {}
        }
    }
    out.retain(|a| !a.is_empty());
    out
}

fn record_to_doc(origin: &str, record: Value) -> Result<RawDoc, IngestError> {
    let Value::Object(map) = record else {
        return Err(IngestError::new(
            origin,
            Reason::InvalidJson {
                line: 1,
                message: "a record must be a JSON object".into(),
            },
        ));
    };
    let body = if let Some(html) = string_field(&map, &["html"]) {
        Body::Html(html)
    } else if let Some(text) = string_field(&map, &["text", "content", "body"]) {
        Body::Text(text)
    } else {
        return Err(IngestError::new(origin, Reason::RecordWithoutText));
    };
    let meta = DocMeta {
        source: string_field(&map, &["source", "outlet", "publisher"]),
        title: string_field(&map, &["title", "headline"]),
        url: string_field(&map, &["url", "link"]),
        published: string_field(&map, &["published", "date", "published_at"])
            .and_then(|d| normalize_published(&d)),
        authors: authors_field(&map),
        kind: string_field(&map, &["kind", "type"]).and_then(|k| parse_kind(&k)),
        language_hint: string_field(&map, &["language", "lang"]).map(|l| l.to_ascii_lowercase()),
    };
    Ok(RawDoc {
        origin: origin.to_string(),
        meta,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_keep_good_records_when_one_is_bad() {
        let input = "{\"text\": \"One.\", \"source\": \"A\", \"published\": \"2023-06-21T08:00:00Z\"}\n\nnot json\n{\"html\": \"<p>Two.</p>\", \"author\": [\"X\", {\"name\": \"Y\"}]}\n{\"title\": \"no text\"}\n";
        let out = read_json_lines("in.jsonl", input);
        assert_eq!(out.docs.len(), 2);
        assert_eq!(out.docs[0].origin, "in.jsonl#1");
        assert_eq!(out.docs[0].meta.source.as_deref(), Some("A"));
        assert_eq!(
            out.docs[0].meta.published.as_deref(),
            Some("2023-06-21T08:00:00Z")
        );
        assert_eq!(out.docs[1].meta.authors, vec!["X", "Y"]);
        assert!(matches!(out.docs[1].body, Body::Html(_)));
        assert_eq!(out.errors.len(), 2);
        assert_eq!(out.errors[0].input, "in.jsonl#3");
        assert!(matches!(
            out.errors[0].reason,
            Reason::InvalidJson { line: 3, .. }
        ));
        assert_eq!(out.errors[1].reason, Reason::RecordWithoutText);
    }

    #[test]
    fn json_with_no_records_is_an_empty_input_error() {
        for empty in ["[]", "{\"items\": []}", " [ ] "] {
            let out = read_json("a.json", empty);
            assert!(out.docs.is_empty(), "{empty}");
            assert_eq!(out.errors.len(), 1, "{empty}");
            assert_eq!(out.errors[0].input, "a.json");
            assert_eq!(out.errors[0].reason, Reason::Empty);
        }
    }

    #[test]
    fn json_shapes() {
        assert_eq!(read_json("a.json", "{\"text\": \"x\"}").docs.len(), 1);
        assert_eq!(
            read_json("a.json", "[{\"text\": \"x\"}, {\"text\": \"y\"}]")
                .docs
                .len(),
            2
        );
        let wrapped = read_json(
            "a.json",
            "{\"documents\": [{\"text\": \"x\"}, {\"text\": \"y\"}]}",
        );
        assert_eq!(wrapped.docs[1].origin, "a.json#2");
        let broken = read_json("a.json", "{\"text\": ");
        assert!(broken.docs.is_empty());
        assert!(matches!(
            broken.errors[0].reason,
            Reason::InvalidJson { .. }
        ));
        assert_eq!(read_json("a.json", "[1]").errors.len(), 1);
    }
}
