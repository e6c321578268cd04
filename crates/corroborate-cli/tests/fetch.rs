//! http(s) inputs against a small server on loopback: charset from the header, redirects followed and capped,
//! status errors, size cap, timeout.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use common::*;

/// Serves canned responses on 127.0.0.1 until the test process ends. Returns the base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream));
        }
    });
    base
}

fn answer(mut stream: TcpStream) {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let (status, extra, body): (&str, String, Vec<u8>) = match path.as_str() {
        "/page" => (
            "200 OK",
            "Content-Type: text/html; charset=iso-8859-1\r\n".into(),
            b"<html><head><title>Caf\xe9 closed</title></head><body><article><p>The caf\xe9 on the square closed on Tuesday after the protest, its owner said.</p></article></body></html>".to_vec(),
        ),
        "/start" => ("302 Found", "Location: /page\r\n".into(), Vec::new()),
        p if p.starts_with("/loop/") => {
            let n: u32 = p[6..].parse().unwrap_or(0);
            ("302 Found", format!("Location: /loop/{}\r\n", n + 1), Vec::new())
        }
        "/big" => ("200 OK", "Content-Type: text/plain\r\n".into(), vec![b'x'; 50_000]),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(4));
            ("200 OK", String::new(), b"late".to_vec())
        }
        _ => ("404 Not Found", String::new(), b"nothing here".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

#[test]
fn fetches_follows_redirects_and_decodes() {
    let base = serve();
    let run = corroborate(&["analyze", &format!("{base}/start")], None);
    assert_eq!(run.status, 0, "stderr: {}", run.stderr);
    let d = run.json();
    let doc = &d["documents"][0];
    assert_eq!(
        doc["url"],
        format!("{base}/page"),
        "the final URL after the redirect"
    );
    assert_eq!(
        doc["origin"],
        format!("{base}/start"),
        "the input as the user named it"
    );
    assert!(
        doc["text"].as_str().is_some_and(|t| t.contains("café")),
        "charset from the header: {doc}"
    );
    assert_eq!(
        doc["source"], "127.0.0.1",
        "the URL's host without a declared source"
    );
}

#[test]
fn fetch_failures_are_named_and_skipped() {
    let base = serve();
    let loop_url = format!("{base}/loop/0");
    let missing = format!("{base}/missing");
    let big = format!("{base}/big");
    let slow = format!("{base}/slow");
    let run = corroborate(
        &[
            "analyze",
            "--max-bytes",
            "10000",
            "--timeout",
            "1",
            &loop_url,
            &missing,
            &big,
            &slow,
            "ftp://x.example/a",
            &format!("{base}/page"),
        ],
        None,
    );
    assert_eq!(run.status, 2, "stderr: {}", run.stderr);
    let d = run.json();
    assert_eq!(
        d["documents"].as_array().map(Vec::len),
        Some(1),
        "the good URL is still analysed"
    );
    for (input, reason) in [
        (loop_url.as_str(), "redirects"),
        (missing.as_str(), "404"),
        (big.as_str(), "over the 10000-byte limit"),
        (slow.as_str(), "timed out"),
        ("ftp://x.example/a", "unsupported URL scheme `ftp`"),
    ] {
        assert!(
            run.stderr
                .lines()
                .any(|l| l.contains(input) && l.contains(reason)),
            "no line naming {input} with `{reason}` in:\n{}",
            run.stderr
        );
    }
}
