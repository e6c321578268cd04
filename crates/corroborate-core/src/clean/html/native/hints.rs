//! What an element's tag, `class` and `id` say about its role on the page, before any text is read.
//!
//! Sites name their furniture in a small shared vocabulary (`nav`, `sidebar`, `share-bar`, `related-posts`,
//! `comments`), so names are a cheap and strong signal. They are only a hint: a wrapper named `has-sidebar`
//! may still hold the whole story, which is why [`super::select`] overrules a furniture name on an element that
//! holds most of the page's good text.

use std::sync::LazyLock;

/// The role an element's own markup suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    /// Nothing said.
    None,
    /// Named like the article body (`article-body`, `itemprop=articleBody`): a bonus when choosing the container.
    Content,
    /// Named or tagged like furniture: its text never counts as article text.
    Furniture,
}

/// Tags that are furniture by their HTML meaning.
pub(crate) fn tag_hint(tag: &str) -> Hint {
    match tag {
        "nav" | "aside" | "footer" | "menu" | "dialog" => Hint::Furniture,
        "article" | "main" => Hint::Content,
        _ => Hint::None,
    }
}

/// Word stems that, found anywhere inside a lower-cased class or id token, name furniture. Long and specific
/// enough not to occur inside ordinary words used for article wrappers.
const FURNITURE_STEMS: &[&str] = &[
    "comment",
    "sidebar",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscri",
    "breadcrumb",
    "footer",
    "navbar",
    "navigation",
    "promo",
    "advert",
    "sponsor",
    "outbrain",
    "taboola",
    "recommend",
    "popular",
    "trending",
    "mostread",
    "signup",
    "byline",
    "widget",
    "banner",
    "toolbar",
    "pagination",
    "pager",
    "modal",
    "popup",
    "overlay",
    "caption",
    "masthead",
    "skiplink",
    "readmore",
    "morestories",
    "moreon",
    "author-info",
    "authorinfo",
    "authorbio",
    "bio-",
    "disclaimer",
    "copyright",
    "pullquote",
    "inline-ad",
    "login",
    "print-only",
    "visually-hidden",
    "screen-reader",
    "sr-only",
];

/// Whole tokens (split on anything not a letter or digit) that name furniture but are too short to look for
/// inside other words (`nav` is inside `canvas`, `ad` inside `header`).
const FURNITURE_TOKENS: &[&str] = &[
    "nav",
    "menu",
    "ad",
    "ads",
    "tags",
    "tag",
    "topics",
    "meta",
    "header",
    "hidden",
    "hide",
    "print",
    "rss",
    "date",
    "dateline",
    "timestamp",
    "credit",
    "credits",
    "author",
    "follow",
    "hero",
];

/// Tokens with a furniture stem inside that name article parts instead ("commentary" is an opinion piece).
const NOT_FURNITURE: &[&str] = &["commentary", "shareable-content"];

/// Stems that name the article body.
const CONTENT_STEMS: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "storybody",
    "story-body",
    "story_body",
    "entry-content",
    "post-content",
    "article-content",
    "articlecontent",
    "article__content",
    "article-text",
    "story-content",
    "body-text",
    "content-body",
    "post-body",
    "main-content",
];

/// The hint of one element from its `class` and `id` values (already lower-cased by the caller into `buf`).
/// A content name wins over a furniture name on the same element ("article-body share-enabled").
pub(crate) fn name_hint(lowered: &str) -> Hint {
    if lowered.is_empty() {
        return Hint::None;
    }
    if contains_any(lowered, &CONTENT_INDEX) {
        return Hint::Content;
    }
    for token in lowered.split(|c: char| c.is_ascii_whitespace()) {
        if token.is_empty() {
            continue;
        }
        if contains_any(token, &FURNITURE_INDEX) && !NOT_FURNITURE.iter().any(|n| token.contains(n))
        {
            return Hint::Furniture;
        }
        if token
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|part| FURNITURE_TOKENS.contains(&part))
        {
            return Hint::Furniture;
        }
    }
    Hint::None
}

/// Stems grouped by their first byte, with a bitset of their first two bytes, so a name is scanned once
/// instead of once per stem, and most positions are rejected by one bit test (class names are read for every
/// element of the page; this is the extractor's hottest loop).
struct StemIndex {
    by_first: Vec<Vec<&'static [u8]>>,
    pairs: Vec<u64>,
}

fn index(stems: &[&'static str]) -> StemIndex {
    let mut by_first = vec![Vec::new(); 256];
    let mut pairs = vec![0u64; 1024];
    for s in stems {
        if let [a, b, ..] = s.as_bytes() {
            by_first[usize::from(*a)].push(s.as_bytes());
            let key = usize::from(*a) << 8 | usize::from(*b);
            pairs[key / 64] |= 1 << (key % 64);
        }
    }
    StemIndex { by_first, pairs }
}

static CONTENT_INDEX: LazyLock<StemIndex> = LazyLock::new(|| index(CONTENT_STEMS));
static FURNITURE_INDEX: LazyLock<StemIndex> = LazyLock::new(|| index(FURNITURE_STEMS));

/// Whether any stem (two bytes or longer) of `idx` occurs in `hay`.
fn contains_any(hay: &str, idx: &StemIndex) -> bool {
    let bytes = hay.as_bytes();
    bytes.windows(2).enumerate().any(|(i, w)| {
        let key = usize::from(w[0]) << 8 | usize::from(w[1]);
        idx.pairs[key / 64] & (1 << (key % 64)) != 0
            && idx.by_first[usize::from(w[0])]
                .iter()
                .any(|stem| bytes[i..].starts_with(stem))
    })
}

/// Class names of embedded social posts, which are documents of their own (see `posts::EMBED_SELECTOR`; kept in
/// step with it, and checked by a test there).
const EMBED_CLASSES: &[&str] = &[
    "twitter-tweet",
    "twitter-video",
    "telegram-post",
    "fb-post",
    "fb-video",
    "fb-xfbml-parse-ignore",
    "instagram-media",
];

/// Whether an element with these (lower-cased) classes is an embedded post.
pub(crate) fn is_embed_class(lowered_class: &str) -> bool {
    lowered_class
        .split_whitespace()
        .any(|c| EMBED_CLASSES.contains(&c))
}

/// Whether a lower-cased class or id names a cookie or consent dialog (the caller spares `body`, `main`, ...).
pub(crate) fn is_consent(lowered: &str) -> bool {
    ["cookie", "gdpr", "consent"]
        .iter()
        .any(|s| lowered.contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(name_hint("share-bar"), Hint::Furniture);
        assert_eq!(name_hint("article-body share-enabled"), Hint::Content);
        assert_eq!(name_hint("commentary-body"), Hint::None);
        assert_eq!(name_hint("canvas wrapper"), Hint::None);
        assert_eq!(name_hint("site-nav"), Hint::Furniture);
        assert_eq!(name_hint("relatedarticles"), Hint::Furniture);
        assert_eq!(name_hint(""), Hint::None);
    }
}
