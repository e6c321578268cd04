//! Tokens: words, numbers, punctuation and symbols as spans over the clean text.
//!
//! Deliberately simple and language-neutral: later stages match lexicon entries and patterns against these
//! spans, so what matters is that "1,000", "3.5", "U.S.", "don't", "Al-Hashimi" and "@handle" stay whole.

use crate::model::{Span, Token, TokenKind};

/// Tokenises `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_numeric() {
            TokenKind::Number
        } else if c.is_alphabetic() || c == '@' || c == '#' {
            TokenKind::Word
        } else if c.is_ascii_punctuation() || is_unicode_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        let mut end = start + c.len_utf8();
        if matches!(kind, TokenKind::Word | TokenKind::Number) {
            while let Some(&(i, next)) = chars.peek() {
                if next.is_alphanumeric() || is_mark(next) {
                    end = i + next.len_utf8();
                    chars.next();
                    continue;
                }
                // Joiners stay inside a token only between two alphanumerics: 1,000 / 3.5 / don't / Al-Hashimi.
                if matches!(next, '.' | ',' | '\'' | '’' | '-' | '‑' | '_') {
                    let after = text[i + next.len_utf8()..].chars().next();
                    if after.is_some_and(char::is_alphanumeric) {
                        end = i + next.len_utf8();
                        chars.next();
                        continue;
                    }
                    // "U.S." keeps its final dot when it is a dotted abbreviation.
                    if next == '.' && is_dotted_abbreviation(&text[start..end]) {
                        end = i + 1;
                        chars.next();
                    }
                }
                break;
            }
        }
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
        });
    }
    tokens
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{64b}'..='\u{65f}' | '\u{200c}' | '\u{200d}')
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '„'
            | '‘'
            | '’'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '–'
            | '—'
            | '―'
            | '…'
            | '¿'
            | '¡'
            | '،'
            | '؛'
            | '؟'
    )
}

/// "U.S", "e.g" — letters separated by single dots.
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|part| part.chars().count() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .filter_map(|t| t.span.slice(text))
            .collect()
    }

    #[test]
    fn keeps_numbers_and_names_whole() {
        assert_eq!(
            texts("Some 1,000 (3.5%) U.S. officers didn't stop Al-Hashimi's men."),
            vec![
                "Some",
                "1,000",
                "(",
                "3.5",
                "%",
                ")",
                "U.S.",
                "officers",
                "didn't",
                "stop",
                "Al-Hashimi's",
                "men",
                "."
            ]
        );
        assert_eq!(
            texts("„Nein“, sagte er… @ana_r"),
            vec!["„", "Nein", "“", ",", "sagte", "er", "…", "@ana_r"]
        );
    }

    #[test]
    fn spans_are_on_char_boundaries() {
        let text = "Zürich: 5 000 Menschen – „genug“! مرحبا 🙂";
        for t in tokenize(text) {
            assert!(t.span.fits(text), "{t:?}");
        }
    }
}
