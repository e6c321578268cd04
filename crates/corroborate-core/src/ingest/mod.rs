//! Ingest stage: bytes from files, directories, standard input or the network become raw documents.
//!
//! Readers know formats, not where bytes come from: the binary fetches URLs and hands the bytes here, so the
//! core has no network dependency. A bad input, or a bad record inside one, becomes an [`IngestError`] next
//! to the documents that could be read; it never stops the others.

pub mod dates;
pub mod decode;
pub mod error;
pub mod feed;
pub mod frontmatter;
pub mod fs;
pub mod records;
pub mod sniff;
pub mod warc;

pub use error::{IngestError, Reason};
pub use sniff::Format;

use crate::model::DocMeta;

/// The default cap on one input's size (files, URL bodies, standard input).
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;
/// The cap on a compressed archive's size once decompressed.
pub const MAX_DECOMPRESSED_BYTES: u64 = 8 * DEFAULT_MAX_BYTES;

/// A document's body before cleaning.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Text(String),
    Markdown(String),
    Html(String),
}

/// One document as read, before cleaning.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDoc {
    /// The input name, with `#N` for record N of a multi-record input.
    pub origin: String,
    pub meta: DocMeta,
    pub body: Body,
}

/// Bytes of one input and what is known about them besides.
#[derive(Debug, Clone, Default)]
pub struct InputBytes {
    /// How the user named the input: a path, a URL, or `-`.
    pub name: String,
    pub bytes: Vec<u8>,
    /// The HTTP `Content-Type`, for fetched inputs.
    pub content_type: Option<String>,
    /// The final URL, for fetched inputs (after redirects).
    pub url: Option<String>,
}

/// What reading one input gave: the documents, and the errors of records that could not be read.
#[derive(Debug, Default)]
pub struct ReadOutcome {
    pub docs: Vec<RawDoc>,
    pub errors: Vec<IngestError>,
}

impl ReadOutcome {
    pub fn failed(error: IngestError) -> Self {
        ReadOutcome {
            docs: Vec::new(),
            errors: vec![error],
        }
    }

    pub fn push(&mut self, result: Result<RawDoc, IngestError>) {
        match result {
            Ok(doc) => self.docs.push(doc),
            Err(e) => self.errors.push(e),
        }
    }

    pub fn extend(&mut self, other: ReadOutcome) {
        self.docs.extend(other.docs);
        self.errors.extend(other.errors);
    }
}

/// Reads one input's bytes into raw documents: decodes, sniffs the format, and runs the format's reader.
pub fn read_bytes(input: InputBytes) -> ReadOutcome {
    let name = input.name.as_str();
    if input.bytes.iter().all(u8::is_ascii_whitespace) {
        return ReadOutcome::failed(IngestError::new(name, Reason::Empty));
    }
    if warc::is_warc(&input) {
        return warc::read(input, MAX_DECOMPRESSED_BYTES);
    }
    let decoded = match decode::decode(&input.bytes, input.content_type.as_deref()) {
        Ok(d) => d,
        Err(reason) => return ReadOutcome::failed(IngestError::new(name, reason)),
    };
    let text = decoded.text;
    let guess = sniff::format_from_name(
        input.url.as_deref().unwrap_or(name),
        input.content_type.as_deref(),
    )
    .or_else(|| sniff::format_from_name(name, None));
    let mut outcome = match sniff::sniff(&text, guess) {
        Format::Json => records::read_json(name, &text),
        Format::JsonLines => records::read_json_lines(name, &text),
        Format::Feed => feed::read_feed(name, &text),
        Format::Html => single(name, DocMeta::default(), Body::Html(text)),
        Format::Text | Format::Markdown => {
            let markdown = guess == Some(Format::Markdown);
            let (meta, body) = match frontmatter::parse(&text) {
                Some(fm) => (fm.meta, text[fm.body_start..].to_string()),
                None => (DocMeta::default(), text),
            };
            if body.trim().is_empty() {
                return ReadOutcome::failed(IngestError::new(name, Reason::Empty));
            }
            let body = if markdown {
                Body::Markdown(body)
            } else {
                Body::Text(body)
            };
            single(name, meta, body)
        }
    };
    if let Some(url) = &input.url {
        for doc in &mut outcome.docs {
            doc.meta.url.get_or_insert_with(|| url.clone());
        }
    }
    outcome
}

fn single(name: &str, meta: DocMeta, body: Body) -> ReadOutcome {
    ReadOutcome {
        docs: vec![RawDoc {
            origin: name.to_string(),
            meta,
            body,
        }],
        errors: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, bytes: &[u8]) -> InputBytes {
        InputBytes {
            name: name.into(),
            bytes: bytes.to_vec(),
            ..Default::default()
        }
    }

    #[test]
    fn text_with_front_matter() {
        let out = read_bytes(input("r.txt", b"---\nsource: Courier\n---\nPolice came.\n"));
        assert_eq!(out.docs.len(), 1);
        assert_eq!(out.docs[0].meta.source.as_deref(), Some("Courier"));
        assert_eq!(out.docs[0].body, Body::Text("Police came.\n".into()));
    }

    #[test]
    fn markdown_by_extension() {
        let out = read_bytes(input("r.md", b"# Title\n\nBody."));
        assert!(matches!(out.docs[0].body, Body::Markdown(_)));
    }

    #[test]
    fn empty_inputs_are_errors() {
        assert_eq!(
            read_bytes(input("e.txt", b"  \n ")).errors[0].reason,
            Reason::Empty
        );
        assert_eq!(
            read_bytes(input("e.txt", b"---\nsource: x\n---\n\n")).errors[0].reason,
            Reason::Empty
        );
        assert_eq!(
            read_bytes(input("b.txt", b"\x00\x01\x02binary")).errors[0].reason,
            Reason::Binary
        );
    }

    #[test]
    fn fetched_url_fills_meta() {
        let out = read_bytes(InputBytes {
            name: "https://x.example/a".into(),
            bytes: b"<html><body><p>Hi</p></body></html>".to_vec(),
            content_type: Some("text/html".into()),
            url: Some("https://x.example/b".into()),
        });
        assert_eq!(out.docs[0].meta.url.as_deref(), Some("https://x.example/b"));
    }
}
