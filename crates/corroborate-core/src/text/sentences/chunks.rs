//! Cuts text into whitespace-separated chunks and records where line structure forces a sentence break.
//!
//! Line policy (following the pragmatic_segmenter specs, which model hard-wrapped and list-like text):
//! - a blank line (two line breaks with only whitespace between) always ends a sentence;
//! - a single line break also ends one (headings, list lines, "features\ncontact manager"), **unless** it is a
//!   soft wrap: the line ends in a space or tab before the break and the next line starts with a lower-case letter
//!   or `(` ("It was a cold \nnight"), which is how wrapped prose looks.
//!
//! `\r\n` and a lone `\r` count as one line break.

use super::chars::{is_fullwidth_terminal, is_glue_terminal};
use super::rules::Rules;

/// A chunk of non-whitespace text.
#[derive(Debug, Clone, Copy)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    /// The line structure or a glued sentence start ("world.Today") forces a sentence break before this chunk.
    pub forced_before: bool,
    /// A hard line break lies before this chunk: quote and bracket pairs do not reach across it.
    pub hard_before: bool,
}

/// All chunks of `text`, in order.
pub fn chunks(text: &str, rules: &Rules) -> Vec<Chunk> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut iter = text.char_indices().peekable();
    let mut gap_start = 0usize;
    while let Some(&(i, c)) = iter.peek() {
        if c.is_whitespace() {
            iter.next();
            continue;
        }
        let hard = out.is_empty() || gap_is_hard(&text[gap_start..i], c);
        let mut end = text.len();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_whitespace() {
                end = j;
                break;
            }
            iter.next();
        }
        split_glued(text, i, end, hard, rules, &mut out);
        gap_start = end;
    }
    out
}

/// Whether the whitespace `gap` before a chunk starting with `next` holds a hard line break.
fn gap_is_hard(gap: &str, next: char) -> bool {
    let mut breaks = 0;
    let mut before_first_break: Option<char> = None;
    let mut prev: Option<char> = None;
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = match c {
            '\n' => true,
            // `\r\n` is one break: count the `\n`.
            '\r' => chars.peek() != Some(&'\n'),
            '\u{2028}' | '\u{2029}' | '\u{85}' => true,
            _ => false,
        };
        if is_break {
            breaks += 1;
            if breaks == 1 {
                before_first_break = prev;
            }
        }
        if c != '\r' {
            prev = Some(c);
        }
    }
    match breaks {
        0 => false,
        1 => {
            let trailing_space = matches!(before_first_break, Some(' ' | '\t'));
            let continues = next.is_lowercase() || next == '(';
            !(trailing_space && continues)
        }
        _ => true,
    }
}

/// Pushes the chunk `text[start..end]`, split where a sentence is glued to the next without a space
/// ("Tuesday.Mr. Smith", "1,000.That") or after a full-width terminal ("period．Does").
fn split_glued(
    text: &str,
    start: usize,
    end: usize,
    hard: bool,
    rules: &Rules,
    out: &mut Vec<Chunk>,
) {
    let chunk = &text[start..end];
    let mut piece_start = start;
    let mut forced = hard;
    if !looks_like_address(chunk) {
        let mut chars = chunk.char_indices().peekable();
        let mut prev: Option<char> = None;
        while let Some((k, c)) = chars.next() {
            let split_after = if is_fullwidth_terminal(c) {
                chars
                    .peek()
                    .is_some_and(|&(_, d)| !is_fullwidth_terminal(d) && !super::chars::is_closer(d))
            } else if is_glue_terminal(c) {
                let mut ahead = chunk[k + c.len_utf8()..].chars();
                let starts_sentence = matches!((ahead.next(), ahead.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase());
                starts_sentence
                    && prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
                    && (c != '.' || !ends_with_abbreviation(&chunk[..k], rules))
            } else {
                false
            };
            if split_after {
                let cut = start + k + c.len_utf8();
                out.push(Chunk {
                    start: piece_start,
                    end: cut,
                    forced_before: forced,
                    hard_before: hard && piece_start == start,
                });
                piece_start = cut;
                forced = true;
            }
            prev = Some(c);
        }
    }
    out.push(Chunk {
        start: piece_start,
        end,
        forced_before: forced,
        hard_before: hard && piece_start == start,
    });
}

/// URLs, e-mail addresses and host names keep their inner periods.
fn looks_like_address(chunk: &str) -> bool {
    chunk.contains("://")
        || chunk.contains('@')
        || chunk
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with("www.")
}

/// Whether the letters right before a glued period form a known abbreviation ("Mr.Smith").
fn ends_with_abbreviation(before: &str, rules: &Rules) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = before.get(word_start..).unwrap_or("");
    word.chars().count() == 1 || rules.abbreviation(&word.to_lowercase()).is_some()
}
