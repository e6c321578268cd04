//! The view of one document the claim finder works on: tokens with their lower-case form, sentences and
//! paragraphs, and the language's lexicon. Built once per document so every pattern reads the same tokens.

use super::lexicon::{self, Lexicon};
use crate::model::{Span, TokenKind};
use crate::text::tokens::tokenize;

/// A token with its lower-case text.
#[derive(Debug, Clone)]
pub struct Tok {
    pub span: Span,
    pub kind: TokenKind,
    pub lower: String,
    /// Starts with an upper-case letter.
    pub cap: bool,
}

pub struct Ctx<'a> {
    pub text: &'a str,
    pub lex: &'static Lexicon,
    pub lang: &'a str,
    pub toks: Vec<Tok>,
    pub sentences: Vec<Span>,
    /// Paragraphs: text between blank lines, or between line breaks after a finished sentence.
    pub paras: Vec<Span>,
    /// Inner spans of direct quotes of three words or more: speech nested inside a quote is the quoted
    /// speaker's, not a new attribution of the outlet's.
    pub quoted: Vec<Span>,
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, sentences: &[Span], lang: &'a str) -> Ctx<'a> {
        let toks = tokenize(text)
            .into_iter()
            .map(|t| {
                let s = t.span.slice(text).unwrap_or("");
                Tok {
                    span: t.span,
                    kind: t.kind,
                    lower: s.to_lowercase(),
                    cap: s.chars().next().is_some_and(char::is_uppercase),
                }
            })
            .collect();
        let sentences = sentences.iter().copied().filter(|s| s.fits(text)).collect();
        Ctx {
            text,
            lex: lexicon::for_language(lang),
            lang,
            toks,
            sentences,
            paras: paragraphs(text),
            quoted: Vec::new(),
        }
    }

    /// Indices of the tokens inside `span`.
    pub fn tok_range(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.toks.partition_point(|t| t.span.start < span.start);
        let b = self.toks.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }

    /// Lower-case words of tokens `from..` (up to `max`), for phrase matching.
    pub fn words(&self, from: usize, max: usize) -> Vec<&str> {
        self.toks
            .iter()
            .skip(from)
            .take(max)
            .map(|t| t.lower.as_str())
            .collect()
    }

    pub fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_str())
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    }

    /// Whether token `i` is a capitalised word.
    pub fn is_cap_word(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.cap && t.kind == TokenKind::Word)
    }

    /// Whether token `i` is the punctuation `p`.
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind != TokenKind::Word && t.lower == p)
    }

    /// Whether token `i` is a dash that sets off a phrase: an em or en dash, or a horizontal bar (U+2015, some
    /// outlets' mark before a quote's speaker). A hyphen is left out: it also joins words (and a typed "--" is
    /// two hyphen tokens).
    pub fn is_dash(&self, i: usize) -> bool {
        matches!(self.lower(i), "—" | "–" | "―")
    }

    /// Span from token `a`'s start to token `b - 1`'s end (`a < b`).
    pub fn span_of(&self, a: usize, b: usize) -> Option<Span> {
        let first = self.toks.get(a)?;
        let last = self.toks.get(b.checked_sub(1)?)?;
        (a < b).then(|| Span::new(first.span.start, last.span.end))
    }

    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text).unwrap_or("")
    }

    /// Whether token `i` lies inside a direct quote.
    pub fn in_quote(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let k = self.quoted.partition_point(|q| q.end <= t.span.start);
        self.quoted.get(k).is_some_and(|q| q.start <= t.span.start)
    }

    /// The paragraph holding byte `pos`.
    /// The sentence holding byte `pos`, if any.
    pub fn sentence_of(&self, pos: usize) -> Option<Span> {
        self.sentences
            .iter()
            .find(|s| s.start <= pos && pos < s.end)
            .copied()
    }

    pub fn para_of(&self, pos: usize) -> Option<Span> {
        let i = self.paras.partition_point(|p| p.end <= pos);
        self.paras.get(i).copied().filter(|p| p.start <= pos)
    }
}

/// Whether `s` is written in capitals: at least two letters and none lower-case ("WASHINGTON", "MR.").
pub fn in_capitals(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() > 1 && !s.chars().any(char::is_lowercase)
}

/// Paragraph spans. A paragraph ends at a blank line, or at a line break that follows sentence-final punctuation
/// (many texts put one paragraph per line); a line break after anything else is a soft wrap.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0usize;
    let mut newlines = 0usize;
    let mut last_char = ' ';
    for (i, c) in text.char_indices() {
        if c == '\n' {
            newlines += 1;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if let Some(s) = start {
            let terminal = matches!(
                last_char,
                '.' | '!' | '?' | '…' | ':' | '"' | '”' | '“' | '»' | '«' | '’' | ')'
            );
            if newlines >= 2 || (newlines == 1 && terminal) {
                out.push(Span::new(s, last_end));
                start = Some(i);
            }
        } else {
            start = Some(i);
        }
        newlines = 0;
        last_end = i + c.len_utf8();
        last_char = c;
    }
    if let Some(s) = start {
        out.push(Span::new(s, last_end));
    }
    out
}
