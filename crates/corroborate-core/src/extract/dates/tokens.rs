//! The date grammar's own small tokenizer: words, digit runs and single punctuation marks, with byte spans
//! and whether whitespace came before each, so that "2023-06-20" (no spaces) can be told from "2014 - 2018".

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// A run of ASCII digits; `value` holds it when it fits.
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The token lower-cased (words), the digits (numbers) or the mark.
    pub text: String,
    /// Number value, for `Num` tokens of at most 9 digits.
    pub value: Option<i64>,
    /// Whitespace (or the start of the text) comes right before this token.
    pub space_before: bool,
    /// The word starts with an upper-case letter (German nouns vs. adverbs: "Morgen" / "morgen").
    pub capitalised: bool,
}

impl Tok {
    /// Number of digits of a number token.
    pub fn digits(&self) -> usize {
        if self.kind == Kind::Num {
            self.text.len()
        } else {
            0
        }
    }
}

/// A token's place and kind only, without its text: what the fast first pass over a whole document
/// needs (see [`super::scan`]).
#[derive(Debug, Clone, Copy)]
pub struct Light {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub space_before: bool,
}

/// Splits `text` into tokens. Letters and combining marks make words, ASCII digits make numbers, every other
/// non-space character is a one-character punctuation token.
pub fn tokenize(text: &str) -> Vec<Tok> {
    full(text, &split(text))
}

/// Where the tokens of `text` lie ([`tokenize`] without the text of each token).
pub fn split(text: &str) -> Vec<Light> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut space = true;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Punct {
            while let Some(&(i, n)) = chars.peek() {
                let same = match kind {
                    Kind::Num => n.is_ascii_digit(),
                    _ => n.is_alphabetic() || is_mark(n),
                };
                if !same {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
        }
        toks.push(Light {
            start,
            end,
            kind,
            space_before: space,
        });
        space = false;
    }
    toks
}

/// Full tokens for the light ones of `text`.
pub fn full(text: &str, light: &[Light]) -> Vec<Tok> {
    light
        .iter()
        .map(|l| {
            let raw = text.get(l.start..l.end).unwrap_or_default();
            let value = if l.kind == Kind::Num && raw.len() <= 9 {
                raw.parse().ok()
            } else {
                None
            };
            Tok {
                start: l.start,
                end: l.end,
                kind: l.kind,
                text: if l.kind == Kind::Word {
                    raw.to_lowercase()
                } else {
                    raw.to_string()
                },
                value,
                space_before: l.space_before,
                capitalised: raw.chars().next().is_some_and(char::is_uppercase),
            }
        })
        .collect()
}

/// `word` lower-cased into `buf` (reused, so that classifying every word of a text allocates nothing).
pub fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Combining marks continue a word (decomposed umlauts).
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}
