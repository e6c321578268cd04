//! Social posts pasted into text: the post body, then a signature line "— Name (@handle) Month D, YYYY".
//! (Placeholder: the real rules are being written.)

use super::EmbeddedPost;

/// Splits pasted posts out of `text`. Returns the text without the posts, and the posts in order.
pub fn split_pasted_posts(text: &str) -> (String, Vec<EmbeddedPost>) {
    (text.to_string(), Vec::new())
}
