//! Social posts pasted into text, the way an embed reads when copied from a page: the post body (the
//! paragraph before, often ending in "pic.twitter.com/…" debris), then a signature line
//! "— Name (@handle) June 21, 2023" (or the signature after a dash on the body's own line).
//!
//! Each post found leaves the text (body and signature) and becomes an [`EmbeddedPost`]; the article text
//! around it is untouched. Run it before boilerplate stripping or after, either works: signature links are
//! only cut by the boilerplate pass when they trail a finished sentence, which a date never is.

mod signature;

use super::EmbeddedPost;
use super::boilerplate::{join_lines, links, whitespace_words};
use signature::Signature;

/// The result of [`split_pasted_posts`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PastedPosts {
    /// The text without the posts and their signatures. Identical to the input when no post was found.
    pub text: String,
    /// The posts, in text order.
    pub posts: Vec<EmbeddedPost>,
    /// Link debris dropped from the posts ("pic.twitter.com/AbC123", t.co links), as written.
    pub removed: Vec<String>,
}

/// Splits pasted posts out of `text`.
///
/// The body of a post is the run of non-blank lines just above its signature line (with the text before
/// the dash when the signature shares the body's line); when the signature stands alone as a paragraph,
/// it is the paragraph before. A signature with no body is left in place.
pub fn split_pasted_posts(text: &str) -> PastedPosts {
    let lines: Vec<&str> = text.lines().collect();
    let mut dropped = vec![false; lines.len()];
    let mut out = PastedPosts::default();
    for i in 0..lines.len() {
        let Some((prefix, sig)) = signature::find(lines[i]) else {
            continue;
        };
        let blank_or_dropped = |k: usize| lines[k].trim().is_empty() || dropped[k];
        let mut start = i;
        while start > 0 && !blank_or_dropped(start - 1) {
            start -= 1;
        }
        let mut end = i;
        if start == i && prefix.is_empty() {
            // Signature alone: the body is the previous paragraph.
            let mut k = i;
            while k > 0 && lines[k - 1].trim().is_empty() {
                k -= 1;
            }
            (start, end) = (k, k);
            while start > 0 && !blank_or_dropped(start - 1) {
                start -= 1;
            }
        }
        let body: Vec<&str> = lines[start..end]
            .iter()
            .copied()
            .chain((!prefix.is_empty()).then_some(prefix))
            .collect();
        if body.is_empty() {
            continue;
        }
        dropped[start..end].iter_mut().for_each(|d| *d = true);
        dropped[i] = true;
        out.posts.push(post(&body, sig, &mut out.removed));
    }
    out.text = if out.posts.is_empty() {
        text.to_string()
    } else {
        let kept = lines
            .iter()
            .zip(&dropped)
            .filter(|(_, d)| !**d)
            .map(|(l, _)| *l);
        join_lines(kept, text.ends_with('\n'))
    };
    out
}

/// Builds the post from its body lines and signature; debris links go to `removed`.
fn post(body: &[&str], sig: Signature, removed: &mut Vec<String>) -> EmbeddedPost {
    let mut body_hosts: Vec<String> = Vec::new();
    let mut lines_out: Vec<String> = Vec::new();
    for line in body {
        let mut kept: Vec<&str> = Vec::new();
        for (_, w) in whitespace_words(line) {
            body_hosts.extend(links::host(w));
            if links::is_debris(w) {
                removed.push(w.to_string());
            } else {
                kept.push(w);
            }
        }
        if !kept.is_empty() {
            lines_out.push(kept.join(" "));
        }
    }
    let mut url = None;
    let sig_hosts: Vec<String> = sig.links.iter().filter_map(|l| links::host(l)).collect();
    for l in &sig.links {
        if links::is_debris(l) || url.is_some() {
            removed.push(l.clone());
        } else {
            url = Some(l.trim_matches(['(', ')', '<', '>']).to_string());
        }
    }
    EmbeddedPost {
        platform: platform(&sig_hosts, &body_hosts).to_string(),
        account_name: Some(sig.name),
        handle: Some(sig.handle),
        url,
        published: sig.published,
        text: lines_out.join("\n"),
        language_hint: None,
    }
}

/// The platform the links reveal: the signature's own links first (they point at the post itself), then the
/// body's (a `t.me` link in the body of a post signed like an embed is how Telegram posts read when copied).
/// Without any, a "Name (@handle) date" signature is Twitter's embed format.
fn platform(sig_hosts: &[String], body_hosts: &[String]) -> &'static str {
    [sig_hosts, body_hosts]
        .into_iter()
        .find_map(platform_of)
        .unwrap_or("twitter")
}

fn platform_of(hosts: &[String]) -> Option<&'static str> {
    const PLATFORMS: &[(&str, &[&str])] = &[
        ("telegram", &["t.me", "telegram.me", "telegram.org"]),
        ("facebook", &["facebook.com", "fb.com", "fb.watch"]),
        ("instagram", &["instagram.com"]),
        (
            "twitter",
            &[
                "twitter.com",
                "x.com",
                "t.co",
                "pic.twitter.com",
                "pic.x.com",
            ],
        ),
    ];
    let is = |h: &str, n: &str| h == n || h.strip_suffix(n).is_some_and(|p| p.ends_with('.'));
    PLATFORMS
        .iter()
        .find(|(_, names)| hosts.iter().any(|h| names.iter().any(|n| is(h, n))))
        .map(|(p, _)| *p)
}

#[cfg(test)]
mod tests;
