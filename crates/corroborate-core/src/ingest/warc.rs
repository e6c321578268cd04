//! WARC archives (`.warc`, `.warc.gz`): the format web crawls and newsroom archiving tools save pages in.
//!
//! An archive is a sequence of records, each a block of `Name: value` headers after a `WARC/1.x` line, a blank
//! line, and `Content-Length` bytes of content. `response` records hold an HTTP response (status line, headers,
//! body, the body maybe chunked and compressed as it went over the wire); `resource` records hold a document
//! as is. Every HTML or text page among them is handed back to [`super::read_bytes`] as an input of its own,
//! named `ARCHIVE#N` (N: the record's position in the archive) and carrying the record's target URI and content type, so a page in an archive is read
//! exactly as the same page fetched by URL. Requests, metadata, redirects, errors and non-text payloads (images,
//! scripts, style sheets) are not documents and are passed over. A `.warc.gz` is a series of gzip members, one
//! per record as the standard recommends, or one for all: both decompress to the same stream.
//!
//! The WARC date is when the page was crawled, not when it was published, so it is not used as `published`.

use std::io::Read;

use super::{IngestError, InputBytes, ReadOutcome, Reason};

/// Whether an input is a WARC archive: by name (`.warc`, `.warc.gz`), or by its first bytes.
pub fn is_warc(input: &InputBytes) -> bool {
    has_warc_name(&input.name) || input.bytes.starts_with(b"WARC/")
}

/// Whether a file name says WARC.
pub fn has_warc_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".warc") || lower.ends_with(".warc.gz")
}

/// Reads the pages of an archive. `max_bytes` caps the decompressed size, so a small compressed file cannot
/// expand without bound.
pub fn read(input: InputBytes, max_bytes: u64) -> ReadOutcome {
    let name = input.name.clone();
    let fail = |why: String| ReadOutcome::failed(IngestError::new(&name, Reason::InvalidWarc(why)));
    let stream = if input.bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let decoder = flate2::read::MultiGzDecoder::new(input.bytes.as_slice());
        if let Err(e) = decoder.take(max_bytes + 1).read_to_end(&mut out) {
            return fail(format!("gzip: {e}"));
        }
        if out.len() as u64 > max_bytes {
            return ReadOutcome::failed(IngestError::new(
                &name,
                Reason::TooLarge {
                    size: out.len() as u64,
                    cap: max_bytes,
                },
            ));
        }
        out
    } else {
        input.bytes
    };
    if !stream.starts_with(b"WARC/") {
        return fail("does not start with a WARC/ version line".to_string());
    }
    let mut outcome = ReadOutcome::default();
    let mut at = 0usize;
    let mut record = 0usize;
    let mut pages = 0usize;
    while at < stream.len() {
        // Records are separated by blank lines; skip them (and stray whitespace at the end).
        while at < stream.len() && matches!(stream[at], b'\r' | b'\n') {
            at += 1;
        }
        if at >= stream.len() {
            break;
        }
        record += 1;
        let Some(parsed) = parse_record(&stream[at..]) else {
            outcome.errors.push(IngestError::new(
                format!("{name}#{record}"),
                Reason::InvalidWarc("truncated or malformed record header".to_string()),
            ));
            break;
        };
        at += parsed.consumed;
        if let Some(page) = page_of(&parsed) {
            pages += 1;
            outcome.extend(super::read_bytes(InputBytes {
                name: format!("{name}#{record}"),
                bytes: page.body,
                content_type: page.content_type,
                url: parsed.header("WARC-Target-URI").map(clean_uri),
            }));
        }
    }
    if pages == 0 && outcome.errors.is_empty() {
        return fail(format!(
            "none of its {record} records is an HTML or text page"
        ));
    }
    outcome
}

/// One record: its WARC headers and its content block.
struct Record<'a> {
    headers: Vec<(String, String)>,
    content: &'a [u8],
    /// Bytes of the stream the record took, headers included.
    consumed: usize,
}

impl Record<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        header_in(&self.headers, name)
    }
}

fn header_in<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Parses the record at the start of `bytes`; `None` when its header block or content is cut short.
fn parse_record(bytes: &[u8]) -> Option<Record<'_>> {
    let (head, body_start) = split_head(bytes)?;
    let mut lines = head.lines();
    if !lines.next()?.starts_with("WARC/") {
        return None;
    }
    let headers = parse_headers(lines);
    let length: usize = header_in(&headers, "Content-Length")?.trim().parse().ok()?;
    let end = body_start.checked_add(length)?;
    let content = bytes.get(body_start..end)?;
    Some(Record {
        headers,
        content,
        consumed: end,
    })
}

/// Splits a header block from what follows the blank line after it: (header text, offset of the body).
fn split_head(bytes: &[u8]) -> Option<(String, usize)> {
    let (at, sep) = [&b"\r\n\r\n"[..], &b"\n\n"[..]]
        .iter()
        .filter_map(|sep| find(bytes, sep).map(|at| (at, sep.len())))
        .min_by_key(|&(at, _)| at)?;
    let head = String::from_utf8_lossy(&bytes[..at]).into_owned();
    Some((head, at + sep))
}

fn parse_headers<'l>(lines: impl Iterator<Item = &'l str>) -> Vec<(String, String)> {
    lines
        .filter_map(|line| {
            let (k, v) = line.split_once(':')?;
            Some((k.trim().to_string(), v.trim().to_string()))
        })
        .collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A page a record carries: its body as a browser would see it, and its content type.
struct Page {
    body: Vec<u8>,
    content_type: Option<String>,
}

/// The page in a `response` (a successful HTTP response) or `resource` record, if it is HTML or text.
fn page_of(record: &Record<'_>) -> Option<Page> {
    let kind = record.header("WARC-Type")?.to_ascii_lowercase();
    let page = match kind.as_str() {
        "resource" => Page {
            body: record.content.to_vec(),
            content_type: record.header("Content-Type").map(str::to_string),
        },
        "response" => http_page(record.content)?,
        _ => return None,
    };
    let mime = page
        .content_type
        .as_deref()
        .and_then(|ct| ct.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase());
    let textual = matches!(
        mime.as_deref(),
        None | Some("text/html" | "application/xhtml+xml" | "text/plain" | "text/markdown")
    );
    (textual && !page.body.iter().all(u8::is_ascii_whitespace)).then_some(page)
}

/// The body of an HTTP response with status 2xx, de-chunked and decompressed.
fn http_page(content: &[u8]) -> Option<Page> {
    let (head, body_start) = split_head(content)?;
    let mut lines = head.lines();
    let status: u16 = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    if !(200..300).contains(&status) {
        return None;
    }
    let headers = parse_headers(lines);
    let mut body = content.get(body_start..)?.to_vec();
    if header_in(&headers, "Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
    {
        body = dechunk(&body)?;
    }
    match header_in(&headers, "Content-Encoding").map(|v| v.trim().to_ascii_lowercase()) {
        Some(e) if e == "gzip" || e == "x-gzip" => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(body.as_slice())
                .read_to_end(&mut out)
                .ok()?;
            body = out;
        }
        Some(e) if e == "deflate" => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(body.as_slice())
                .read_to_end(&mut out)
                .ok()?;
            body = out;
        }
        Some(e) if e != "identity" => return None,
        _ => {}
    }
    Some(Page {
        body,
        content_type: header_in(&headers, "Content-Type").map(str::to_string),
    })
}

/// Joins the chunks of a chunked HTTP body; `None` when a chunk size line is malformed or a chunk is cut.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

/// WARC 1.0 writes the target URI in angle brackets in some tools' output; the URL is what is inside.
fn clean_uri(uri: &str) -> String {
    uri.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, uri: &str, content: &[u8], content_type: Option<&str>) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n"
        )
        .into_bytes();
        if let Some(ct) = content_type {
            out.extend_from_slice(format!("Content-Type: {ct}\r\n").as_bytes());
        }
        out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", content.len()).as_bytes());
        out.extend_from_slice(content);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    const PAGE: &str = "<html><head><title>Harbour strike ends</title></head><body><article><p>The dock \
        workers of Port Selwyn ended their strike on Friday after the harbour board agreed to a new contract, \
        union organiser Harriet Quill said.</p><p>Ships waiting in the estuary began to unload on Saturday \
        morning, the harbour master said.</p></article></body></html>";

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(bytes).expect("gzip");
        enc.finish().expect("gzip")
    }

    fn archive() -> Vec<u8> {
        let mut w = Vec::new();
        w.extend(record(
            "warcinfo",
            "",
            b"software: test",
            Some("application/warc-fields"),
        ));
        w.extend(record(
            "request",
            "https://news.example/strike",
            b"GET /strike HTTP/1.1\r\n\r\n",
            None,
        ));
        w.extend(record(
            "response",
            "https://news.example/strike",
            &http(
                "200 OK",
                "Content-Type: text/html; charset=utf-8\r\n",
                PAGE.as_bytes(),
            ),
            Some("application/http; msgtype=response"),
        ));
        w.extend(record(
            "response",
            "https://news.example/moved",
            &http("301 Moved Permanently", "Location: /strike\r\n", b""),
            Some("application/http; msgtype=response"),
        ));
        w.extend(record(
            "response",
            "https://news.example/logo.png",
            &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG...."),
            Some("application/http; msgtype=response"),
        ));
        // Chunked and gzip-compressed on the wire.
        let compressed =
            gzip(b"The harbour board confirmed the new contract for the dock workers on Friday.");
        let mut chunked = format!("{:x}\r\n", 10).into_bytes();
        chunked.extend_from_slice(&compressed[..10]);
        chunked.extend_from_slice(format!("\r\n{:x}\r\n", compressed.len() - 10).as_bytes());
        chunked.extend_from_slice(&compressed[10..]);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        w.extend(record(
            "response",
            "<https://board.example/statement>",
            &http(
                "200 OK",
                "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                &chunked,
            ),
            Some("application/http; msgtype=response"),
        ));
        w
    }

    fn read_named(name: &str, bytes: Vec<u8>) -> ReadOutcome {
        super::super::read_bytes(InputBytes {
            name: name.to_string(),
            bytes,
            content_type: None,
            url: None,
        })
    }

    #[test]
    fn pages_of_an_archive_become_documents() {
        for (name, bytes) in [
            ("crawl.warc", archive()),
            ("crawl.warc.gz", gzip(&archive())),
            ("no-extension", archive()),
        ] {
            let out = read_named(name, bytes);
            assert!(out.errors.is_empty(), "{name}: {:?}", out.errors);
            assert_eq!(out.docs.len(), 2, "{name}");
            assert_eq!(out.docs[0].origin, format!("{name}#3"));
            assert_eq!(out.docs[1].origin, format!("{name}#6"));
            assert_eq!(
                out.docs[0].meta.url.as_deref(),
                Some("https://news.example/strike")
            );
            assert!(
                matches!(&out.docs[0].body, super::super::Body::Html(h) if h.contains("Harriet Quill"))
            );
            assert_eq!(
                out.docs[1].meta.url.as_deref(),
                Some("https://board.example/statement")
            );
            assert!(
                matches!(&out.docs[1].body, super::super::Body::Text(t) if t.contains("new contract"))
            );
            // The crawl date is not a publication date.
            assert!(out.docs.iter().all(|d| d.meta.published.is_none()));
        }
    }

    #[test]
    fn gzip_members_per_record_read_like_one_stream() {
        let whole = archive();
        let mut members = Vec::new();
        // One gzip member per record, as the WARC standard recommends.
        let mut rest = whole.as_slice();
        while !rest.is_empty() {
            let next = find(&rest[1..], b"WARC/1.1\r\n").map_or(rest.len(), |at| at + 1);
            members.extend(gzip(&rest[..next]));
            rest = &rest[next..];
        }
        let out = read_named("members.warc.gz", members);
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        assert_eq!(out.docs.len(), 2);
    }

    #[test]
    fn a_cut_archive_keeps_the_pages_before_the_cut() {
        let mut bytes = archive();
        bytes.extend_from_slice(
            b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nshort",
        );
        let out = read_named("cut.warc", bytes);
        assert_eq!(out.docs.len(), 2);
        assert_eq!(out.errors.len(), 1);
        assert!(
            out.errors[0].to_string().starts_with("cut.warc#7: "),
            "{}",
            out.errors[0]
        );
    }

    #[test]
    fn not_an_archive_and_archives_without_pages_are_named_errors() {
        let out = read_named("x.warc", b"hello, this is not an archive".to_vec());
        assert!(out.docs.is_empty());
        assert!(
            out.errors[0].to_string().starts_with("x.warc: "),
            "{}",
            out.errors[0]
        );
        let only_info = record("warcinfo", "", b"software: test", None);
        let out = read_named("info.warc", only_info);
        assert!(out.docs.is_empty());
        assert!(
            out.errors[0].to_string().contains("none of its 1 records"),
            "{}",
            out.errors[0]
        );
        let out = read_named("bad.warc.gz", vec![0x1f, 0x8b, 0, 1, 2, 3]);
        assert!(out.docs.is_empty());
        assert!(
            out.errors[0].to_string().starts_with("bad.warc.gz: "),
            "{}",
            out.errors[0]
        );
    }

    proptest::proptest! {
        /// Whatever the bytes after a version line, and wherever a real archive is cut or corrupted, reading
        /// gives documents and named errors, never a panic.
        #[test]
        fn arbitrary_and_damaged_archives_never_panic(
            tail in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400),
            cut in 0usize..2000,
            flip in 0usize..2000,
            gz in proptest::prelude::any::<bool>(),
        ) {
            let mut raw = b"WARC/1.1\r\n".to_vec();
            raw.extend(&tail);
            let _ = read_named("junk.warc", raw);
            let mut bytes = archive();
            if gz {
                bytes = gzip(&bytes);
            }
            let len = bytes.len();
            bytes.truncate(cut.min(len));
            if let Some(b) = bytes.get_mut(flip) {
                *b ^= 0x5a;
            }
            let out = read_named("damaged.warc.gz", bytes);
            for e in &out.errors {
                proptest::prop_assert!(e.input.starts_with("damaged.warc.gz"));
            }
        }
    }
}
