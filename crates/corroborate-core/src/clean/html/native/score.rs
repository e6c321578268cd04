//! Block quality: how much a block reads like article prose, from its own text alone.
//!
//! Prose is long, has few of its characters inside links and ends its sentences with punctuation; furniture
//! (menus, teasers, share bars, tag lists) is short, link-heavy, or both. Blocks in between ("Short") are
//! neither evidence for nor against a region and are decided by their neighbours in [`super::select`].

use super::blocks::Block;

/// The verdict on one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quality {
    /// Reads like article prose.
    Good,
    /// Too short to tell.
    Short,
    /// Link lists and other furniture.
    Bad,
}

/// Share of a short block's characters inside links above which it is a link list, not prose.
const MAX_LINK_DENSITY: f32 = 0.5;
/// The same for long blocks: a roundup item is a linked headline and a summary, a teaser is all link.
const MAX_LINK_DENSITY_LONG: f32 = 0.75;

/// Judges one block.
pub(crate) fn quality(b: &Block) -> Quality {
    if b.chars == 0 {
        return Quality::Bad;
    }
    let density = link_density(b);
    let long = b.chars >= 150;
    if density > MAX_LINK_DENSITY_LONG || (!long && density > MAX_LINK_DENSITY) {
        return Quality::Bad;
    }
    let sentence_like = ends_sentence(&b.text) || sentence_marks(&b.text) >= 2;
    if (long && density <= 0.5) || (b.chars >= 70 && density <= 0.2 && sentence_like) {
        Quality::Good
    } else {
        Quality::Short
    }
}

/// Whether a short block reads like a sentence of the story (a one-line paragraph) rather than a label
/// (a caption credit, a dateline, "Read more").
pub(crate) fn sentence_like(b: &Block) -> bool {
    b.chars >= 30 && link_density(b) <= 0.2 && ends_sentence(&b.text)
}

/// Share of the block's characters inside links.
pub(crate) fn link_density(b: &Block) -> f32 {
    b.link_chars as f32 / b.chars.max(1) as f32
}

/// Whether the text ends like a sentence (closing quotes and brackets aside).
pub(crate) fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', ' '])
        .chars()
        .next_back()
        .is_some_and(is_terminal)
}

/// Sentence-ending punctuation followed by a space: a rough count of sentence ends inside the text.
fn sentence_marks(text: &str) -> usize {
    let mut n = 0;
    let mut prev_terminal = false;
    for c in text.chars() {
        if prev_terminal && c == ' ' {
            n += 1;
        }
        prev_terminal = is_terminal(c);
    }
    n
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '।')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, link_chars: u32) -> Block {
        Block {
            text: text.to_string(),
            owner: 0,
            chars: text.chars().count() as u32,
            link_chars,
        }
    }

    #[test]
    fn prose_links_and_fragments() {
        let prose =
            "The council voted on Tuesday to close the bridge for repairs. Work starts next month.";
        assert_eq!(quality(&block(prose, 0)), Quality::Good);
        assert_eq!(quality(&block(prose, 80)), Quality::Bad);
        assert_eq!(quality(&block("Share this article", 0)), Quality::Short);
        assert!(ends_sentence("He said “no.”"));
        assert!(!ends_sentence("Read more"));
    }
}
