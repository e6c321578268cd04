//! List markers ("1.", "2.)", "a)", "(iv)", "• 3.") and list runs written on one line.
//!
//! A marker starts a new item only as part of a run of successive labels (1 → 2 → 3, a → b, i → ii) in the same
//! style, so "for 1. above ... for 2. above" or "Jane B. Smith" are not taken for lists. Runs of "N." need a
//! capitalised item after each marker; runs of "x." (letter and period, easily confused with initials) need at
//! least three items; bracketed styles need two.

use super::chars::is_bullet;
use super::chunks::Chunk;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Dot,
    DotParen,
    Paren,
    Enclosed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counter {
    Number,
    Lower,
    Upper,
    RomanLower,
    RomanUpper,
}

#[derive(Debug, Clone, Copy)]
struct Label {
    style: Style,
    counter: Counter,
    value: u32,
}

/// Whether the chunk is a list marker (possibly after a bullet), e.g. "1.", "⁃9.", "a)", "(iii)".
pub fn is_marker(chunk: &str) -> bool {
    !labels(chunk).is_empty()
}

/// Whether the chunk starts with a bullet character.
pub fn starts_with_bullet(chunk: &str) -> bool {
    chunk.chars().next().is_some_and(is_bullet)
}

/// For each chunk, whether it opens a list item of a run of at least the required length.
pub fn item_starts(text: &str, chunks: &[Chunk]) -> Vec<bool> {
    let mut starts = vec![false; chunks.len()];
    // For every (style, counter): the chain so far as (chunk index, value) items.
    let mut chains: Vec<((Style, Counter), Vec<usize>, u32)> = Vec::new();
    let flush = |chain: &[usize], key: (Style, Counter), starts: &mut Vec<bool>| {
        let needed = match key {
            (Style::Dot, Counter::Lower | Counter::Upper) => 3,
            _ => 2,
        };
        if chain.len() >= needed {
            for &i in chain {
                starts[i] = true;
            }
        }
    };
    for (index, chunk) in chunks.iter().enumerate() {
        let s = &text[chunk.start..chunk.end];
        let found = labels(s);
        if found.is_empty() {
            continue;
        }
        if found
            .iter()
            .any(|l| l.style == Style::Dot && l.counter == Counter::Number)
            && !next_is_capitalised(text, chunks, index)
        {
            continue;
        }
        for label in found {
            let key = (label.style, label.counter);
            match chains.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, chain, last))
                    if *last + 1 == label.value && chain.last().is_some_and(|&p| p + 1 < index) =>
                {
                    chain.push(index);
                    *last = label.value;
                }
                Some((_, chain, last)) => {
                    flush(chain, key, &mut starts);
                    chain.clear();
                    chain.push(index);
                    *last = label.value;
                }
                None => chains.push((key, vec![index], label.value)),
            }
        }
    }
    for (key, chain, _) in &chains {
        flush(chain, *key, &mut starts);
    }
    starts
}

fn next_is_capitalised(text: &str, chunks: &[Chunk], index: usize) -> bool {
    chunks
        .get(index + 1)
        .and_then(|c| text[c.start..c.end].chars().find(|ch| ch.is_alphanumeric()))
        .is_some_and(|c| c.is_uppercase())
}

/// Every reading of `chunk` as a list label ("i)" is both the letter i and the roman one).
fn labels(chunk: &str) -> Vec<Label> {
    let body = chunk.trim_start_matches(|c: char| is_bullet(c));
    let (style, inner) =
        if let Some(inner) = body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
            (Style::Enclosed, inner)
        } else if let Some(inner) = body.strip_suffix(".)") {
            (Style::DotParen, inner)
        } else if let Some(inner) = body.strip_suffix(')') {
            (Style::Paren, inner)
        } else if let Some(inner) = body.strip_suffix('.') {
            (Style::Dot, inner)
        } else {
            return Vec::new();
        };
    let mut out = Vec::new();
    if !inner.is_empty() && inner.len() <= 2 && inner.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(value) = inner.parse::<u32>() {
            out.push(Label {
                style,
                counter: Counter::Number,
                value,
            });
        }
        return out;
    }
    let mut letters = inner.chars();
    if let (Some(c), None) = (letters.next(), letters.next())
        && c.is_ascii_alphabetic()
    {
        let counter = if c.is_ascii_lowercase() {
            Counter::Lower
        } else {
            Counter::Upper
        };
        let value = u32::from(c.to_ascii_lowercase()) - u32::from('a') + 1;
        out.push(Label {
            style,
            counter,
            value,
        });
    }
    if style != Style::Dot
        && let Some(value) = roman(inner)
    {
        let counter = if inner.chars().all(|c| c.is_ascii_lowercase()) {
            Counter::RomanLower
        } else {
            Counter::RomanUpper
        };
        out.push(Label {
            style,
            counter,
            value,
        });
    }
    out
}

/// The value of a small roman numeral (up to 39) written all in one case.
fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 {
        return None;
    }
    let lower = s.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    let upper = s.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    if !lower && !upper {
        return None;
    }
    let digit = |c: char| match c.to_ascii_lowercase() {
        'i' => 1,
        'v' => 5,
        _ => 10,
    };
    let values: Vec<i64> = s.chars().map(digit).collect();
    let mut total = 0i64;
    for (k, &v) in values.iter().enumerate() {
        if values.get(k + 1).is_some_and(|&n| n > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}
