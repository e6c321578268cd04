//! HTML main-content extraction: title, authors, published date, main text, and embedded social posts.
//!
//! The page is parsed once (`scraper`, html5ever) after a byte pre-strip of scripts and styles. On that one DOM,
//! [`meta`] reads what the markup states, [`native`] chooses the main text (and notes whether any social post
//! is embedded, so [`posts`] only walks pages that have one), and embeds are left out of the text: a quoted post
//! is a document of its own, never part of the outlet's voice.
//!
//! Where the native extractor is unsure (too little text, or no container holding most of the page's prose),
//! the page goes to the general extractor in [`maintext`] (`trafilatura`), which parses it a second time and
//! costs several times more; on the article-extraction benchmark that happens for about one page in a hundred.

mod dom;
mod maintext;
mod meta;
mod native;
mod posts;
pub mod prestrip;
#[cfg(test)]
mod tests;

use super::EmbeddedPost;

/// What the extractor finds in one HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// ISO 8601, normalised with [`crate::ingest::dates::normalize_published`].
    pub published: Option<String>,
    /// `<html lang>` or `og:locale`, as a hint.
    pub language_hint: Option<String>,
    /// `og:site_name` or the publisher in JSON-LD.
    pub site_name: Option<String>,
    /// `<link rel=canonical>` or `og:url`.
    pub canonical_url: Option<String>,
    /// Main text: paragraphs separated by a blank line, no markup.
    pub text: String,
    /// Boilerplate strings dropped from the main text.
    pub removed: Vec<String>,
    /// Embedded social posts, in document order; their text is not part of `text`.
    pub posts: Vec<EmbeddedPost>,
    /// Which extractor produced `text` (for reports: how often the slow fallback runs).
    pub extractor: Extractor,
}

/// The extractor that produced an [`HtmlArticle`]'s text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Extractor {
    /// The native extractor over the page's one parse.
    #[default]
    Native,
    /// The general extractor (`trafilatura`), used where the native one was unsure.
    Fallback,
    /// A fragment: all its text is content, nothing to choose.
    Fragment,
}

/// Containers of cookie banners and consent dialogs, by the names sites and consent plugins give them.
const CONSENT_SELECTOR: &str = "[id*=cookie i], [class*=cookie i], [id*=gdpr i], [class*=gdpr i], \
     [id*=consent i], [class*=consent i]";

/// Extracts the article from a page. `url` is where the page came from, if known (resolves relative links).
/// Never fails: broken markup is repaired the way browsers do, and a page without readable text gives an empty
/// `text` for the caller to report.
pub fn extract_article(html: &str, url: Option<&str>) -> HtmlArticle {
    let stripped = prestrip::strip_invisible(html);
    let html = stripped.as_str();
    let fragment = is_fragment(html);
    let parsed = if fragment {
        scraper::Html::parse_fragment(html)
    } else {
        scraper::Html::parse_document(html)
    };
    let m = meta::page_meta(&parsed, url);
    if fragment {
        let (posts, removed) = posts::embedded_posts(&parsed);
        // A fragment (a feed item's body, a JSON record's `html`) is content already: there is no page
        // furniture to find, and whole-page extractors misjudge such small inputs (gluing paragraphs).
        let text = dom::block_text(parsed.tree.root(), &|el| skip_in_fragment(el));
        return HtmlArticle {
            text,
            removed,
            posts,
            extractor: Extractor::Fragment,
            ..article_meta(m)
        };
    }
    let native = native::extract(&parsed);
    // The extractor's walk already met every visible embed; a page without one skips the embed reader's pass.
    let (posts, mut removed) = if native.embeds {
        posts::embedded_posts(&parsed)
    } else {
        (Vec::new(), Vec::new())
    };
    if native.confident {
        removed.extend(native.removed);
        let text = drop_leading_title(native.text, m.title.as_deref());
        return HtmlArticle {
            text,
            removed,
            posts,
            ..article_meta(m)
        };
    }
    let mut doc = trafilatura::dom::Document::parse(html);
    let root = doc.root();
    // Embeds become posts of their own; `noscript` holds "enable JavaScript" notices and tracking pixels,
    // which the main-text extractor would otherwise return as the text of script-only pages.
    for id in doc.query_selector_all(root, &format!("{}, noscript", posts::EMBED_SELECTOR)) {
        doc.remove(id, true);
    }
    // Cookie and consent dialogs are page furniture with long, article-like sentences that extractors keep.
    for id in doc.query_selector_all(root, CONSENT_SELECTOR) {
        if !matches!(doc.tag_name(id), "html" | "body" | "main" | "article") {
            doc.remove(id, true);
        }
    }
    let text = maintext::main_text(doc);
    let page_text = dom::block_text(parsed.tree.root(), &|el| skip_in_fragment(el));
    let text = maintext::realign_paragraphs(&text, &page_text);
    let text = drop_leading_title(text, m.title.as_deref());
    HtmlArticle {
        text,
        removed,
        posts,
        extractor: Extractor::Fallback,
        ..article_meta(m)
    }
}

fn article_meta(m: meta::PageMeta) -> HtmlArticle {
    HtmlArticle {
        title: m.title,
        authors: m.authors,
        published: m.published,
        language_hint: m.language_hint,
        site_name: m.site_name,
        canonical_url: m.canonical_url,
        ..Default::default()
    }
}

/// Whether `html` is a fragment rather than a page: no `<html>`, `<head>` or `<body>` near the start.
fn is_fragment(html: &str) -> bool {
    let mut end = html.len().min(2048);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let head = html[..end].to_ascii_lowercase();
    !(head.contains("<html")
        || head.contains("<body")
        || head.contains("<head")
        || head.contains("<!doctype"))
}

/// Inside a fragment, embeds are posts of their own and consent boxes are furniture.
fn skip_in_fragment(el: scraper::ElementRef<'_>) -> bool {
    static SKIP: std::sync::LazyLock<scraper::Selector> = std::sync::LazyLock::new(|| {
        dom::selector(&format!("{}, {CONSENT_SELECTOR}", posts::EMBED_SELECTOR))
    });
    SKIP.matches(&el)
}

/// The extractor often keeps the headline as the first paragraph; the title has its own field, and a repeated
/// headline would count twice in everything read from the text.
fn drop_leading_title(text: String, title: Option<&str>) -> String {
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return text;
    };
    match text.split_once("\n\n") {
        Some((first, rest)) if first.trim().eq_ignore_ascii_case(title) => rest.to_string(),
        None if text.trim().eq_ignore_ascii_case(title) => String::new(),
        _ => text,
    }
}
