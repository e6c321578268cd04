//! What a word is for search: a run of letters and digits (with any combining marks inside it), compared lower
//! case and without diacritics, so that "cafe" finds "Café" and "Bürgermeister" finds "BÜRGERMEISTER".
//!
//! This is what SQLite's FTS5 `unicode61 remove_diacritics 2` tokenizer does; PostgreSQL gets the same words
//! from here rather than from its own parser, whose idea of a word depends on the server's locale.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The words of `text` with their byte spans, in order.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.find(|&(_, c)| is_word_char(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// A word as it is indexed and compared: lower case, decomposed, combining marks dropped.
pub(crate) fn fold(word: &str) -> String {
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    lower.nfd().filter(|&c| !is_combining_mark(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::{fold, words};

    #[test]
    fn words_and_spans() {
        let w: Vec<(usize, &str)> = words("Fire, at the harbour!").collect();
        assert_eq!(w, [(0, "Fire"), (6, "at"), (9, "the"), (13, "harbour")]);
        assert_eq!(words(" \"&|!:* ").count(), 0);
        // A decomposed accent stays inside its word.
        assert_eq!(words("Cafe\u{301} noir").count(), 2);
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Café"), "cafe");
        assert_eq!(fold("Cafe\u{301}"), "cafe");
        assert_eq!(fold("BÜRGERMEISTER"), "burgermeister");
        assert_eq!(fold("61"), "61");
    }
}
