//! Links as they appear in plain text: with a scheme, `www.`, or a bare `host.tld/path` ("pic.twitter.com/AbC",
//! "t.me/channel"). Hand-written checks instead of a URL regex: each word is scanned once.

use std::sync::LazyLock;

use crate::lexicon;

/// Hosts whose links are always embed debris (`xx/link_debris.txt`).
static DEBRIS_HOSTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::lines("xx", "link_debris"));

/// Brackets and quotes a link may be wrapped in, and sentence punctuation it may be followed by.
const WRAPPERS: &[char] = &[
    '(', ')', '<', '>', '[', ']', '"', '\'', '“', '”', '«', '»', ',', ';', '.', '!', '?',
];

/// The host of a link-like word, lower-cased, without `www.`; `None` when the word is not a link.
pub(crate) fn host(word: &str) -> Option<String> {
    let w = word.trim_matches(WRAPPERS);
    // Cheap refusal before any allocation: every link has a dot and a slash or a `www.` start.
    let www = w.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www."));
    if !w.contains('.') || !(w.contains('/') || www) {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    let (rest, explicit) = match lower.split_once("://") {
        Some((scheme, rest)) if scheme == "http" || scheme == "https" => (rest, true),
        Some(_) => return None,
        None => (lower.as_str(), lower.starts_with("www.")),
    };
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    let host = rest[..end].trim_start_matches("www.");
    let has_path = rest[end..].len() > 1;
    let valid_host = host.contains('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && host
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    (valid_host && (explicit || has_path)).then(|| host.to_string())
}

/// Whether a whitespace-delimited word is a link.
pub(crate) fn is_link(word: &str) -> bool {
    host(word).is_some()
}

/// Whether a word is a link to a debris host ("pic.twitter.com/AbC123", "https://t.co/xyz").
pub(crate) fn is_debris(word: &str) -> bool {
    host(word).is_some_and(|h| DEBRIS_HOSTS.iter().any(|d| *d == h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_links() {
        assert_eq!(
            host("pic.twitter.com/AbC123").as_deref(),
            Some("pic.twitter.com")
        );
        assert_eq!(
            host("(https://www.Example.org/a?b=1).").as_deref(),
            Some("example.org")
        );
        assert_eq!(host("t.me/channel").as_deref(), Some("t.me"));
        assert_eq!(host("www.example.org").as_deref(), Some("example.org"));
        assert!(is_debris("https://t.co/xyz"));
        assert!(!is_debris("https://twitter.com/a/status/1"));
    }

    #[test]
    fn prose_is_not_a_link() {
        for w in [
            "and/or",
            "e.g./i.e.",
            "3.5/10",
            "example.org",
            "U.S.",
            "mailto:x@y.org",
            "24/7",
        ] {
            assert!(!is_link(w), "{w}");
        }
    }
}
