//! Clean stage: turns a raw document (HTML or text) into clean text, the boilerplate it dropped, and the social
//! posts embedded in it, which become child documents of their own.

pub mod boilerplate;
pub mod html;
pub mod posts;

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
