//! The scanner: splits text into the atoms the number grammar reads (words, digit literals, punctuation).
//!
//! The general tokenizer (`text::tokens`) keeps "twenty-one" and "192.168.1.2" whole, which is right for
//! matching names but not for numbers, whose separators depend on the language ("1.000" is a thousand in
//! German) and whose hyphens join number words. So numbers get their own small scanner; it reads each
//! character once.

use super::lexicon::NumberLexicon;
use super::literal::{Literal, scan_literal};
use crate::model::Span;

/// What an atom is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum AtomKind {
    /// Letters (with inner apostrophes); `lower` holds the lowercase form.
    Word,
    /// A number written in digits, already resolved.
    Lit(Literal),
    /// Any other single character that is not whitespace.
    Punct(char),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Atom {
    pub span: Span,
    pub kind: AtomKind,
    /// Lowercase text for words, the character for punctuation, empty for literals.
    pub lower: String,
    /// Whether whitespace separates this atom from the previous one.
    pub space_before: bool,
}

impl Atom {
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == AtomKind::Punct(c)
    }

    pub fn literal(&self) -> Option<&Literal> {
        match &self.kind {
            AtomKind::Lit(l) => Some(l),
            _ => None,
        }
    }

    /// Whether the atom's text (in `text`) starts with an uppercase letter.
    pub fn capitalised(&self, text: &str) -> bool {
        self.span
            .slice(text)
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase)
    }
}

/// Atoms of `text`, in order.
pub(crate) fn scan(text: &str, lex: &NumberLexicon) -> Vec<Atom> {
    let mut atoms: Vec<Atom> = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    let mut space_before = false;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            space_before = true;
            i += c.len_utf8();
            continue;
        }
        let starts_literal = c.is_ascii_digit()
            || (c == '.' && next_is_digit(text, i + 1) && !prev_is_alnum(text, i))
            || (matches!(c, '-' | '−') && sign_allowed(text, i, atoms.last()));
        if starts_literal {
            let mut found = scan_literal(text, i, lex);
            // Digits glued to letters before them are a code ("G7", "t0"), not a number.
            if prev_is_alpha(text, i) {
                for (_, lit) in &mut found {
                    lit.blocked = true;
                }
            }
            if let Some(last) = found.last() {
                let end = last.0.end;
                for (n, (span, lit)) in found.into_iter().enumerate() {
                    atoms.push(Atom {
                        span,
                        kind: AtomKind::Lit(lit),
                        lower: String::new(),
                        space_before: space_before && n == 0,
                    });
                }
                i = end;
                space_before = false;
                continue;
            }
        }
        if let Some(value) = vulgar_fraction(c) {
            let end = i + c.len_utf8();
            atoms.push(Atom {
                span: Span::new(i, end),
                kind: AtomKind::Lit(Literal::fraction(value)),
                lower: String::new(),
                space_before,
            });
            i = end;
            space_before = false;
            continue;
        }
        if c.is_alphabetic() {
            let end = word_end(text, i);
            atoms.push(Atom {
                span: Span::new(i, end),
                kind: AtomKind::Word,
                lower: text[i..end].to_lowercase(),
                space_before,
            });
            i = end;
        } else {
            let end = i + c.len_utf8();
            atoms.push(Atom {
                span: Span::new(i, end),
                kind: AtomKind::Punct(c),
                lower: c.to_string(),
                space_before,
            });
            i = end;
        }
        space_before = false;
    }
    atoms
}

/// End of the word starting at `start`: letters, combining marks and apostrophes between letters.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        if c.is_alphabetic() || is_mark(c) {
            end = start + off + c.len_utf8();
            continue;
        }
        if matches!(c, '\'' | '’')
            && let Some(&(_, n)) = chars.peek()
            && n.is_alphabetic()
        {
            end = start + off + c.len_utf8();
            continue;
        }
        break;
    }
    end
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

fn next_is_digit(text: &str, i: usize) -> bool {
    text.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
}

fn prev_is_alpha(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic)
}

fn prev_is_alnum(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// A minus sign belongs to the number after it when it starts a token ("-5", "<-30", "( -2") and does not sit
/// between two numbers ("10 - 15" is a range, "222-2222" a phone number). A space after the sign ("- 10 k")
/// is accepted only at the start of the text or after a comparison sign.
fn sign_allowed(text: &str, i: usize, prev: Option<&Atom>) -> bool {
    let dash_len = text[i..].chars().next().map_or(1, char::len_utf8);
    let after = &text[i + dash_len..];
    let spaced = after.starts_with(' ');
    let digit_follows = after
        .trim_start_matches(' ')
        .starts_with(|c: char| c.is_ascii_digit());
    if !digit_follows {
        return false;
    }
    let before = text[..i].chars().next_back();
    if prev.is_some_and(|a| matches!(a.kind, AtomKind::Lit(_))) {
        return false;
    }
    match before {
        None => true,
        Some(b) if spaced => matches!(b, '<' | '=' | '>') || b == '\n',
        Some(b) => b.is_whitespace() || matches!(b, '(' | '[' | '<' | '=' | '>' | ':' | '^'),
    }
}

/// Unicode vulgar fractions ("½").
fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 1.0 / 2.0,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 1.0 / 4.0,
        '¾' => 3.0 / 4.0,
        '⅕' => 1.0 / 5.0,
        '⅖' => 2.0 / 5.0,
        '⅗' => 3.0 / 5.0,
        '⅘' => 4.0 / 5.0,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 1.0 / 8.0,
        '⅜' => 3.0 / 8.0,
        '⅝' => 5.0 / 8.0,
        '⅞' => 7.0 / 8.0,
        _ => return None,
    })
}
