//! A byte-level pass that drops what no reader ever sees before the page is parsed: `<script>` (except JSON-LD,
//! which carries metadata), `<style>`, `<svg>`, `<template>` and comments. On news pages these are most of
//! the bytes, and each parse and each extractor pass would otherwise walk through them.

/// Elements whose whole content goes, and the JSON-LD exception.
const DROPPED: &[&[u8]] = &[b"script", b"style", b"svg", b"template"];

/// `html` without invisible elements and comments. Never cuts inside a character: every cut starts at an ASCII
/// `<` and ends after an ASCII `>`. Unclosed elements keep the rest of the page (the parser copes with them).
pub fn strip_invisible(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0;
    let mut i = 0;
    while let Some(rel) = memchr_lt(&bytes[i..]) {
        let at = i + rel;
        let rest = &bytes[at..];
        let cut_end = if rest.starts_with(b"<!--") {
            find(&bytes[at + 4..], b"-->").map(|e| at + 4 + e + 3)
        } else {
            DROPPED
                .iter()
                .find(|name| opens(rest, name))
                .and_then(|name| {
                    let tag_end = at + rest.iter().position(|&b| b == b'>')? + 1;
                    if **name == *b"script" && is_json_ld(&bytes[at..tag_end]) {
                        return None;
                    }
                    let close = closing_tag(name);
                    let end = find_ignore_case(&bytes[tag_end..], &close)?;
                    let after = tag_end + end;
                    Some(after + bytes[after..].iter().position(|&b| b == b'>')? + 1)
                })
        };
        match cut_end {
            Some(end) => {
                out.push_str(&html[copied..at]);
                copied = end;
                i = end;
            }
            None => i = at + 1,
        }
    }
    out.push_str(&html[copied..]);
    out
}

fn memchr_lt(hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == b'<')
}

/// `<name` followed by a tag-name boundary, case-insensitively.
fn opens(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len() + 1
        && rest[1..=name.len()].eq_ignore_ascii_case(name)
        && matches!(
            rest[name.len() + 1],
            b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/'
        )
}

fn closing_tag(name: &[u8]) -> Vec<u8> {
    let mut close = b"</".to_vec();
    close.extend_from_slice(name);
    close
}

fn is_json_ld(open_tag: &[u8]) -> bool {
    find_ignore_case(open_tag, b"ld+json").is_some()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?.to_ascii_lowercase();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let rel = hay[i..=hay.len() - needle.len()]
            .iter()
            .position(|b| b.to_ascii_lowercase() == first)?;
        let at = i + rel;
        if hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::strip_invisible;

    #[test]
    fn drops_invisible_keeps_json_ld() {
        let page = "<html><head><script>var a = '<p>x</p>';</script><STYLE>p{}</STYLE>\
                    <script type=\"application/ld+json\">{\"a\":1}</script></head><body><!-- c --><p>Text ü</p>\
                    <svg><path d=\"M0\"/></svg><script src=x></script></body></html>";
        assert_eq!(
            strip_invisible(page),
            "<html><head><script type=\"application/ld+json\">{\"a\":1}</script></head><body><p>Text ü</p></body></html>"
        );
    }

    #[test]
    fn unclosed_and_odd_input_is_kept() {
        assert_eq!(
            strip_invisible("<p>a</p><script>never closed"),
            "<p>a</p><script>never closed"
        );
        assert_eq!(strip_invisible("<!-- open"), "<!-- open");
        assert_eq!(
            strip_invisible("<scripts>x</scripts>"),
            "<scripts>x</scripts>"
        );
        for s in ["<", "<s", "<script", "<script>", "ü<!--ü-->ü", "<svg"] {
            let _ = strip_invisible(s);
        }
    }
}
