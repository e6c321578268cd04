//! Clean stage: turns a raw document (HTML or text) into clean text, the boilerplate it dropped, and the social
//! posts embedded in it, which become child documents of their own.

pub mod boilerplate;
pub mod html;
pub mod markdown;
pub mod posts;

use crate::ingest::{Body, RawDoc, Reason};
use crate::model::DocMeta;

/// A raw document after cleaning: its final text, what was dropped, and the posts found inside it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// The input's metadata, completed with what the page itself declares (explicit metadata wins).
    pub meta: DocMeta,
    pub text: String,
    pub removed: Vec<String>,
    pub posts: Vec<EmbeddedPost>,
}

/// Cleans one raw document. Fails with [`Reason::NoText`] when nothing readable is left.
pub fn clean(raw: &RawDoc) -> Result<Cleaned, Reason> {
    let mut meta = raw.meta.clone();
    let mut removed = Vec::new();
    let (text, mut posts) = match &raw.body {
        Body::Html(page) => {
            let article = html::extract_article(page, meta.url.as_deref());
            fill_from_page(&mut meta, &article);
            removed.extend(article.removed);
            (article.text, article.posts)
        }
        Body::Text(text) => {
            let pasted = posts::split_pasted_posts(&normalize_whitespace(text));
            removed.extend(pasted.removed);
            (pasted.text, pasted.posts)
        }
        Body::Markdown(md) => {
            let plain = markdown::markdown_to_text(md);
            let pasted = posts::split_pasted_posts(&normalize_whitespace(&plain));
            removed.extend(pasted.removed);
            (pasted.text, pasted.posts)
        }
    };
    let stripped = boilerplate::strip_boilerplate(&normalize_whitespace(&text));
    removed.extend(stripped.removed);
    for post in &mut posts {
        let post_stripped = boilerplate::strip_boilerplate(&normalize_whitespace(&post.text));
        post.text = post_stripped.text;
        removed.extend(post_stripped.removed);
    }
    posts.retain(|p| !p.text.trim().is_empty());
    if stripped.text.trim().is_empty() && posts.is_empty() {
        return Err(Reason::NoText);
    }
    Ok(Cleaned {
        meta,
        text: stripped.text,
        removed,
        posts,
    })
}

/// Page metadata fills what the input did not declare.
fn fill_from_page(meta: &mut DocMeta, article: &html::HtmlArticle) {
    if meta.title.is_none() {
        meta.title.clone_from(&article.title);
    }
    if meta.published.is_none() {
        meta.published.clone_from(&article.published);
    }
    if meta.authors.is_empty() {
        meta.authors.clone_from(&article.authors);
    }
    if meta.source.is_none() {
        meta.source.clone_from(&article.site_name);
    }
    if meta.url.is_none() {
        meta.url.clone_from(&article.canonical_url);
    }
    if meta.language_hint.is_none() {
        meta.language_hint.clone_from(&article.language_hint);
    }
}

/// Clean text's whitespace: `\n` line ends, no trailing spaces, no runs of blank lines, no leading or trailing
/// blank lines, no control characters; paragraphs stay separated by one blank line.
pub fn normalize_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0usize;
    for line in text.split('\n') {
        let line: String = line
            .chars()
            .filter(|&c| !c.is_control() || c == '\t')
            .map(|c| if c == '\t' || c == '\u{a0}' { ' ' } else { c })
            .collect();
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// A social-media post found inside another document: an embed blockquote in HTML, or a post pasted into
/// text as "body — Name (@handle) Month D, YYYY".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmbeddedPost {
    /// `twitter`, `telegram`, `facebook`, `instagram`, or `unknown`.
    pub platform: String,
    /// Display name as written ("Ana Ruiz").
    pub account_name: Option<String>,
    /// Handle without the `@` ("anaruiz"), when there is one.
    pub handle: Option<String>,
    /// Link to the post, when the embed carries one.
    pub url: Option<String>,
    /// ISO 8601 date (or date-time) of the post, when it can be read.
    pub published: Option<String>,
    /// The post's own text, clean.
    pub text: String,
    /// A language the embed declares (`lang="es"`), only a hint.
    pub language_hint: Option<String>,
}

impl EmbeddedPost {
    /// The account as the dossier names the post's `source`: "Name (@handle)", or whichever part exists.
    pub fn source_name(&self) -> String {
        match (&self.account_name, &self.handle) {
            (Some(n), Some(h)) => format!("{n} (@{h})"),
            (Some(n), None) => n.clone(),
            (None, Some(h)) => format!("@{h}"),
            (None, None) => format!("{} post", self.platform),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(
            normalize_whitespace("\r\n  a  \r\n\r\n\r\n\tb\u{a0}c \n\n"),
            "  a\n\n b c"
        );
        assert_eq!(normalize_whitespace("x\u{0}y"), "xy");
    }

    #[test]
    fn empty_after_cleaning_is_an_error() {
        let raw = RawDoc {
            origin: "x".into(),
            meta: DocMeta::default(),
            body: Body::Text(" \n\u{0}\n".into()),
        };
        assert_eq!(clean(&raw), Err(Reason::NoText));
    }
}
