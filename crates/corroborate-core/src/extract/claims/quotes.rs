//! Direct-quote boundaries in every common style: “…” ‘…’ "…" „…“ „…” ”…” «…» »…« ‹…› ›…‹ ‚…‘, and ''…'' (two
//! apostrophes standing for a double quote, as in text converted from typewriter style; read like "…").
//!
//! One left-to-right pass pairs an opening mark with the closing mark its style expects. Marks inside an open
//! quote that are not its closer (nested quotes, apostrophes) are ignored. A quote that runs into a paragraph
//! break continues when the next paragraph opens with the same mark (the convention for quotes over several
//! paragraphs); otherwise it is closed there as unclosed, and an opening mark of the same style met while
//! a quote is open also closes it. So one stray mark costs at most one paragraph, never the rest of the text.

use crate::model::Span;

/// A direct quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// From the opening mark to the closing mark inclusive (or to the last character before the break).
    pub outer: Span,
    /// The quoted words, marks excluded.
    pub inner: Span,
    pub closed: bool,
    /// Byte offsets of opening marks repeated at the start of continued paragraphs.
    pub reopens: Vec<usize>,
}

/// The closing mark that `open` expects, if `open` is an opening mark.
fn closer_for(open: char) -> Option<char> {
    Some(match open {
        '“' => '”',
        '”' => '”',
        '„' => '“',
        '«' => '»',
        '»' => '«',
        '"' => '"',
        '‘' => '’',
        '‚' => '‘',
        '‹' => '›',
        '›' => '‹',
        _ => return None,
    })
}

/// Closing marks accepted besides the expected one ("„…”" is common in German web text, and straight and curly
/// marks are often mixed).
fn also_closes(open: char, c: char) -> bool {
    // Scraped text mixes curly and straight marks ("“…," Trump said; "…” he said).
    matches!(
        (open, c),
        ('„', '”') | ('“', '“') | ('“', '"') | ('„', '"') | ('"', '”')
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | ':')
}

struct Open {
    mark: char,
    start: usize,
    inner_start: usize,
    reopens: Vec<usize>,
    /// End of the last non-space character seen inside the quote.
    last_end: usize,
}

/// Every top-level quote in `text`, in order.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let chars = marks(text);
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut k = 0usize;
    while k < chars.len() {
        let (i, c, len) = chars[k];
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|x| x.1);
        if c == '\n' {
            if let Some(o) = open.as_mut() {
                // Is this a paragraph break? Look at the whitespace run and what follows it.
                let mut j = k;
                let mut newlines = 0;
                while j < chars.len() && chars[j].1.is_whitespace() {
                    newlines += usize::from(chars[j].1 == '\n');
                    j += 1;
                }
                let before = text[..i].trim_end().chars().last();
                let para_break = newlines >= 2 || before.is_some_and(is_terminal_or_close);
                if para_break {
                    match chars.get(j) {
                        Some(&(pos, m, _)) if m == o.mark => {
                            o.reopens.push(pos);
                            k = j + 1;
                            continue;
                        }
                        _ => {
                            let o = open.take();
                            if let Some(o) = o {
                                out.push(unclosed(o));
                            }
                            k = j;
                            continue;
                        }
                    }
                }
            }
            k += 1;
            continue;
        }
        match open.as_mut() {
            Some(o) => {
                let expected = closer_for(o.mark).unwrap_or('"');
                // A straight mark after a space closes only after a nested closing single quote
                // ("… 'Manhattan poor,' '' she said").
                let nested_end = k >= 2
                    && prev.is_some_and(char::is_whitespace)
                    && matches!(chars[k - 2].1, '\'' | '’')
                    && next.is_none_or(|n| !n.is_alphanumeric());
                let is_close = (c == expected || also_closes(o.mark, c))
                    && (prev.is_some_and(|p| !p.is_whitespace() || c != '"') || nested_end)
                    && !(c == '’' && next.is_some_and(char::is_alphanumeric));
                let reopens_same = c == o.mark
                    && c != expected
                    && prev.is_none_or(char::is_whitespace)
                    && next.is_some_and(|n| !n.is_whitespace());
                let straight_reopen = c == '"'
                    && o.mark == '"'
                    && prev.is_some_and(char::is_whitespace)
                    && next.is_some_and(char::is_alphanumeric)
                    && o.last_end > o.inner_start;
                if is_close && !straight_reopen {
                    if let Some(o) = open.take() {
                        out.push(Quote {
                            outer: Span::new(o.start, i + len),
                            inner: Span::new(o.inner_start, i.max(o.inner_start)),
                            closed: true,
                            reopens: o.reopens,
                        });
                    }
                } else if reopens_same || straight_reopen {
                    if let Some(o) = open.take() {
                        out.push(unclosed(o));
                    }
                    open = Some(new_open(c, i, len));
                } else if !c.is_whitespace() {
                    o.last_end = i + len;
                }
            }
            None => {
                let boundary_before = prev.is_none_or(|p| {
                    p.is_whitespace()
                        || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | '/')
                        || (p != '”' && closer_for(p).is_some())
                });
                if closer_for(c).is_some()
                    && (c != '”' || opens_as_closer(prev, next))
                    && boundary_before
                    && next.is_some_and(|n| !n.is_whitespace())
                {
                    open = Some(new_open(c, i, len));
                }
            }
        }
        k += 1;
    }
    if let Some(o) = open {
        out.push(unclosed(o));
    }
    out.retain(|q| q.inner.start < q.inner.end);
    out
}

/// The text's characters with their byte offsets and byte lengths; two apostrophes in a row become one `"`
/// (three count as `"` plus `'`, the single quote nested at a quote's edge).
fn marks(text: &str) -> Vec<(usize, char, usize)> {
    let mut out: Vec<(usize, char, usize)> = Vec::with_capacity(text.len());
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '\'' && it.peek().is_some_and(|&(_, n)| n == '\'') {
            it.next();
            out.push((i, '"', 2));
        } else {
            out.push((i, c, c.len_utf8()));
        }
    }
    out
}

/// Whether a right double mark ” opens a quote: Swedish and Finnish write ”…”, and web text often has a
/// right mark where a left one belongs ("”Fear. I am afraid.” ― Ruiz"). Only at a word's start after a space or the
/// text's start, where it cannot be closing anything.
fn opens_as_closer(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(char::is_whitespace) && next.is_some_and(char::is_alphanumeric)
}

fn is_terminal_or_close(c: char) -> bool {
    is_terminal(c) || matches!(c, '"' | '”' | '“' | '»' | '«' | '’' | '‘' | ')' | '\'')
}

fn new_open(mark: char, at: usize, len: usize) -> Open {
    let inner_start = at + len;
    Open {
        mark,
        start: at,
        inner_start,
        reopens: Vec::new(),
        last_end: inner_start,
    }
}

fn unclosed(o: Open) -> Quote {
    let end = o.last_end.max(o.inner_start);
    Quote {
        outer: Span::new(o.start, end),
        inner: Span::new(o.inner_start, end),
        closed: false,
        reopens: o.reopens,
    }
}

/// The quote's words without its marks: repeated paragraph openers removed, a trailing comma dropped.
pub fn quote_text(text: &str, q: &Quote) -> String {
    let mut out = String::new();
    let mut from = q.inner.start;
    for &r in &q.reopens {
        if r >= from && r <= q.inner.end {
            out.push_str(text.get(from..r).unwrap_or(""));
            let rest = text.get(r..).unwrap_or("");
            from = r + if rest.starts_with("''") {
                2
            } else {
                rest.chars().next().map_or(1, char::len_utf8)
            };
        }
    }
    out.push_str(text.get(from..q.inner.end).unwrap_or(""));
    out.trim()
        .trim_end_matches([',', ';'])
        .trim_end()
        .to_string()
}
