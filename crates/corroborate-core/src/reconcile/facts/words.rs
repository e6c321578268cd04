//! Words of a piece of text, lower-cased, with their byte offsets, for phrase matching. A possessive `'s`
//! is dropped ("the regime's" → "regime") and inner hyphens are kept ("so-called").

/// One word: lower-cased form and its byte span in the text it was read from (plus `base`).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub lower: String,
    pub start: usize,
    pub end: usize,
    /// Whether the word starts with an upper-case letter as written.
    pub capitalised: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text` into words; offsets are `base + ` the offset in `text`.
pub fn words(text: &str, base: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                chars.next();
                continue;
            }
            // A hyphen or apostrophe joins two word characters.
            if matches!(d, '-' | '\'' | '’') {
                let next = text[j + d.len_utf8()..].chars().next();
                if next.is_some_and(is_word_char) {
                    chars.next();
                    continue;
                }
            }
            break;
        }
        let raw = &text[i..end];
        let mut lower = raw.to_lowercase();
        for suffix in ["'s", "’s"] {
            if let Some(stem) = lower.strip_suffix(suffix) {
                lower = stem.to_string();
            }
        }
        out.push(Word {
            lower,
            start: base + i,
            end: base + end,
            capitalised: c.is_uppercase(),
        });
    }
    out
}

/// Just the lower-cased forms.
pub fn lower_words(text: &str) -> Vec<String> {
    words(text, 0).into_iter().map(|w| w.lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_keeping_hyphens() {
        let w = lower_words("The regime's so-called “order” — Zürich!");
        assert_eq!(w, ["the", "regime", "so-called", "order", "zürich"]);
        let w = words("a Ruiz", 10);
        assert_eq!((w[1].start, w[1].end, w[1].capitalised), (12, 16, true));
    }
}
