//! Boilerplate lines in text: share/follow/subscribe prompts, "pic.twitter.com/…" link debris, cookie and
//! newsletter prompts. (Placeholder: the real rules are being written.)

/// Text with boilerplate dropped, and the dropped strings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stripped {
    pub text: String,
    pub removed: Vec<String>,
}

/// Drops boilerplate from `text` (paragraphs separated by blank lines, lines by `\n`).
/// Never drops article body: only whole lines or link debris that match the boilerplate tables.
pub fn strip_boilerplate(text: &str) -> Stripped {
    Stripped {
        text: text.to_string(),
        removed: Vec::new(),
    }
}
