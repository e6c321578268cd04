//! Social posts embedded in a page (Twitter/X, Telegram, Facebook, Instagram).
//!
//! They are read from the DOM before main-text extraction because their markup says exactly who posted what
//! and when; once the extractor has flattened the page that is lost, and the post's words would be mixed into
//! the outlet's own voice. [`EMBED_SELECTOR`] is also what the caller removes from the page before extracting.

use std::collections::HashSet;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};

use super::dom::{block_text, has_ancestor, inline_text, selector};
use super::meta::lang_code;
use crate::clean::EmbeddedPost;
use crate::ingest::dates::normalize_published;
use crate::lexicon;

/// Every embed container we read. Nested matches (a Facebook blockquote inside its `fb-post` div) are read once,
/// through the outermost one.
pub(crate) const EMBED_SELECTOR: &str = "blockquote.twitter-tweet, blockquote.twitter-video, div.twitter-tweet, \
     [data-telegram-post], blockquote.telegram-post, div.telegram-post, \
     div.fb-post, div.fb-video, blockquote.fb-xfbml-parse-ignore, \
     blockquote.instagram-media";

static EMBEDS: LazyLock<Selector> = LazyLock::new(|| selector(EMBED_SELECTOR));
static PARAGRAPHS: LazyLock<Selector> = LazyLock::new(|| selector("p"));
static LINKS: LazyLock<Selector> = LazyLock::new(|| selector("a[href]"));
static TIMES: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static TELEGRAM_ID: LazyLock<Selector> = LazyLock::new(|| selector("[data-telegram-post]"));

/// Signature prefixes ("A post shared by") and widget lines ("View this post on Instagram"), lower-cased.
static BYLINES: LazyLock<Vec<String>> = LazyLock::new(|| chrome_entries("byline"));
static CHROME: LazyLock<HashSet<String>> =
    LazyLock::new(|| chrome_entries("chrome").into_iter().collect());

fn chrome_entries(kind: &str) -> Vec<String> {
    let mut v: Vec<String> = lexicon::lines_all_languages("embed_chrome")
        .into_iter()
        .filter_map(lexicon::key_value)
        .filter(|(k, _)| *k == kind)
        .map(|(_, p)| p.to_lowercase())
        .collect();
    // Longest first, so "Una publicación compartida de" wins over a shorter prefix of it.
    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    v
}

/// The posts embedded in `html`, in document order, and the debris dropped from their text.
pub(crate) fn embedded_posts(html: &Html) -> (Vec<EmbeddedPost>, Vec<String>) {
    let mut posts = Vec::new();
    let mut removed = Vec::new();
    for el in html.select(&EMBEDS) {
        if has_ancestor(el, &EMBEDS) {
            continue;
        }
        let post = match platform(el) {
            "twitter" => twitter(el, &mut removed),
            "telegram" => telegram(el),
            "facebook" => facebook(el),
            _ => instagram(el),
        };
        // A post without words (a bare script tag) cannot be a document of its own.
        if !post.text.is_empty() {
            posts.push(post);
        }
    }
    (posts, removed)
}

fn platform(el: ElementRef<'_>) -> &'static str {
    let v = el.value();
    let class = |c: &str| v.classes().any(|x| x.eq_ignore_ascii_case(c));
    if class("twitter-tweet") || class("twitter-video") {
        "twitter"
    } else if v.attr("data-telegram-post").is_some() || class("telegram-post") {
        "telegram"
    } else if class("instagram-media") {
        "instagram"
    } else {
        "facebook"
    }
}

/// Whether a link's text is a picture link a tweet embed appends to its body ("pic.twitter.com/abc").
fn is_pic_link(a: ElementRef<'_>) -> bool {
    a.value().name() == "a" && {
        let t = inline_text(a).to_lowercase();
        t.starts_with("pic.twitter.com/") || t.starts_with("pic.x.com/")
    }
}

/// The post body: the embed's paragraphs, or, when it has none, its whole text.
fn body(el: ElementRef<'_>, skip: &dyn Fn(ElementRef<'_>) -> bool) -> String {
    let paras: Vec<String> = el
        .select(&PARAGRAPHS)
        .map(|p| block_text(*p, skip))
        .filter(|t| !t.is_empty())
        .collect();
    paras.join("\n\n")
}

/// The embed's text outside its paragraphs: the signature line "— Name (@handle) date".
fn signature(el: ElementRef<'_>) -> String {
    block_text(*el, &|e| e.value().name() == "p").replace("\n\n", " ")
}

/// Splits "— Ana Ruiz (@anaruiz) June 21, 2023" or "A post shared by Ana (@ana)" into name and handle.
fn parse_signature(sig: &str) -> (Option<String>, Option<String>) {
    let (name_part, handle) = match sig.find("(@") {
        Some(i) => {
            let rest = &sig[i + 2..];
            let end = rest.find(')').unwrap_or(rest.len());
            (
                &sig[..i],
                Some(rest[..end].trim().to_string()).filter(|h| is_handle(h)),
            )
        }
        None => (sig.split(" on ").next().unwrap_or(sig), None),
    };
    (clean_name(name_part), handle)
}

fn is_handle(h: &str) -> bool {
    !h.is_empty()
        && h.len() <= 64
        && h.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.'))
}

/// A display name with dashes, byline wording and stray punctuation trimmed off.
fn clean_name(s: &str) -> Option<String> {
    let mut s =
        s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '-' | '|' | ':'));
    let lower = s.to_lowercase();
    for b in BYLINES.iter() {
        if lower.starts_with(b.as_str()) {
            s = s.get(b.len()..).unwrap_or("").trim();
            break;
        }
    }
    let s = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '-' | ':'));
    (!s.is_empty() && s.chars().count() <= 80).then(|| s.to_string())
}

fn strip_query(u: &str) -> String {
    u.split(['?', '#']).next().unwrap_or(u).to_string()
}

/// Links of the embed that point at the post itself, last first (the date link closes the signature).
fn post_link<'a>(el: ElementRef<'a>, pattern: &dyn Fn(&str) -> bool) -> Option<ElementRef<'a>> {
    el.select(&LINKS)
        .filter(|a| a.value().attr("href").is_some_and(pattern))
        .last()
}

fn twitter(el: ElementRef<'_>, removed: &mut Vec<String>) -> EmbeddedPost {
    for a in el.select(&LINKS).filter(|a| is_pic_link(*a)) {
        removed.push(inline_text(a));
    }
    let (text, sig) = body_and_signature(el, &is_pic_link);
    let (account_name, handle) = parse_signature(&sig);
    let link = post_link(el, &|h| h.contains("/status/"));
    EmbeddedPost {
        platform: "twitter".into(),
        account_name,
        handle,
        url: link.and_then(|a| a.value().attr("href")).map(strip_query),
        published: link.and_then(|a| normalize_published(&inline_text(a))),
        text,
        language_hint: el
            .select(&PARAGRAPHS)
            .find_map(|p| p.value().attr("lang"))
            .and_then(lang_code),
    }
}

/// The post body and its signature line. The signature is normally loose text after the body's `<p>`, but
/// CMSs often wrap it in a `<p>` of its own or glue it to the body, so a trailing "— Name (@handle) …" is also
/// split off the last paragraph.
fn body_and_signature(
    el: ElementRef<'_>,
    skip: &dyn Fn(ElementRef<'_>) -> bool,
) -> (String, String) {
    let mut text = body(el, skip);
    if text.is_empty() {
        text = block_text(*el, skip);
    }
    let mut paras: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    let mut sig = signature(el);
    if !sig.contains("(@") {
        if let Some(found) = split_trailing_signature(&mut paras) {
            sig = found;
        }
    } else if paras.last().is_some_and(|p| sig.contains(p.as_str())) {
        // No <p>: the whole text was the signature's container.
        split_trailing_signature(&mut paras);
    }
    (paras.join("\n\n").trim().to_string(), sig)
}

/// Cuts "— Name (@handle) date" off the end of the last paragraph (dropping the paragraph when that is all).
fn split_trailing_signature(paras: &mut Vec<String>) -> Option<String> {
    let last = paras.last_mut()?;
    let idx = last.rfind(['—', '–'])?;
    let tail = last.get(idx..)?.to_string();
    if !tail.contains("(@") {
        return None;
    }
    let head = last.get(..idx).unwrap_or("").trim().to_string();
    if head.is_empty() {
        paras.pop();
    } else {
        *last = head;
    }
    Some(tail)
}

fn telegram(el: ElementRef<'_>) -> EmbeddedPost {
    let id_el = if el.value().attr("data-telegram-post").is_some() {
        Some(el)
    } else {
        el.select(&TELEGRAM_ID).next()
    };
    let post_id = id_el
        .and_then(|e| e.value().attr("data-telegram-post"))
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let link = post_link(el, &|h| h.contains("t.me/"));
    let (text, sig) = body_and_signature(el, &|_| false);
    let (account_name, mut handle) = parse_signature(&sig);
    let url = post_id
        .map(|id| format!("https://t.me/{id}"))
        .or_else(|| link.and_then(|a| a.value().attr("href")).map(strip_query));
    if handle.is_none() {
        handle = url
            .as_deref()
            .and_then(|u| u.split("t.me/").nth(1))
            .and_then(|p| p.split('/').next())
            .filter(|h| is_handle(h))
            .map(str::to_string);
    }
    EmbeddedPost {
        platform: "telegram".into(),
        account_name,
        handle,
        url,
        published: el
            .select(&TIMES)
            .find_map(|t| t.value().attr("datetime").and_then(normalize_published))
            .or_else(|| link.and_then(|a| normalize_published(&inline_text(a)))),
        text,
        language_hint: None,
    }
}

fn facebook(el: ElementRef<'_>) -> EmbeddedPost {
    let url = el
        .value()
        .attr("data-href")
        .or_else(|| {
            el.select(&selector("blockquote[cite]"))
                .find_map(|b| b.value().attr("cite"))
        })
        .or_else(|| el.value().attr("cite"))
        .map(strip_query);
    let links: Vec<ElementRef<'_>> = el
        .select(&LINKS)
        .filter(|a| {
            !a.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|x| x.value().name() == "p")
        })
        .collect();
    let date_link = links.last().copied();
    let published = date_link.and_then(|a| normalize_published(&inline_text(a)));
    // The account is the first signature link that is not the date.
    let account = links
        .iter()
        .find(|a| published.is_none() || Some(**a) != date_link)
        .copied();
    let account_name = account
        .map(inline_text)
        .and_then(|n| clean_name(&n))
        .or_else(|| parse_signature(&signature(el)).0);
    let handle = account
        .and_then(|a| a.value().attr("href"))
        .and_then(|h| h.split("facebook.com/").nth(1))
        .and_then(|p| p.split(['/', '?']).next())
        .filter(|h| {
            is_handle(h)
                && !h.chars().all(|c| c.is_ascii_digit())
                && !matches!(*h, "pages" | "profile.php")
        })
        .map(str::to_string);
    EmbeddedPost {
        platform: "facebook".into(),
        account_name,
        handle,
        url,
        published,
        text: body(el, &|_| false),
        language_hint: None,
    }
}

fn instagram(el: ElementRef<'_>) -> EmbeddedPost {
    let url = el
        .value()
        .attr("data-instgrm-permalink")
        .or_else(|| {
            post_link(el, &|h| {
                h.contains("instagram.com/p/") || h.contains("instagram.com/reel/")
            })?
            .value()
            .attr("href")
        })
        .map(strip_query);
    let mut caption = Vec::new();
    let (mut account_name, mut handle, mut published) = (None, None, None);
    for p in el.select(&PARAGRAPHS) {
        let t = inline_text(p);
        if t.is_empty() || CHROME.contains(&t.to_lowercase()) {
            continue;
        }
        let lower = t.to_lowercase();
        let is_sig = t.contains("(@")
            || BYLINES.iter().any(|b| lower.starts_with(b.as_str()))
            || p.select(&TIMES).next().is_some();
        if is_sig && account_name.is_none() && handle.is_none() {
            (account_name, handle) = parse_signature(&t);
            published = p
                .select(&TIMES)
                .find_map(|x| x.value().attr("datetime").and_then(normalize_published));
        } else if !is_sig {
            caption.push(t);
        }
    }
    if published.is_none() {
        published = el
            .select(&TIMES)
            .find_map(|x| x.value().attr("datetime").and_then(normalize_published));
    }
    EmbeddedPost {
        platform: "instagram".into(),
        account_name,
        handle,
        url,
        published,
        text: caption.join("\n\n"),
        language_hint: None,
    }
}
