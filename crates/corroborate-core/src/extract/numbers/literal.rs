//! Numbers written in digits: separators by language, digit groups split by spaces, signs, fractions
//! ("3/4"), powers ("1.3e6", "2.5^-1"), multiplier suffixes ("10k", "2.33 k") and attached units.
//!
//! Separators are read from the shape of the groups, not only from the language: "1,234,567" and "1.000"
//! follow the thousands pattern; a lone separator before other than three digits ("1,3") is a decimal mark;
//! where both marks occur, the last one is the decimal mark ("1.111,11"). Groups that fit no pattern
//! ("22,24,26", "192.168.1.2") are separate numbers.

use super::NumberKind;
use super::lexicon::NumberLexicon;
use crate::model::Span;

/// A number in digits, resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Literal {
    pub value: f64,
    pub kind: NumberKind,
    /// Letters are glued to it that are no multiplier ("180ml", "1m", "4th"): not a number by itself.
    pub blocked: bool,
    /// Written as digits only, no sign, separator or suffix ("2023"); `digits` is their count.
    pub plain: bool,
    pub digits: usize,
    /// Begins with a zero ("01"), as in dates and codes.
    pub leading_zero: bool,
}

impl Literal {
    pub fn fraction(value: f64) -> Literal {
        Literal {
            value,
            kind: NumberKind::Fraction,
            blocked: false,
            plain: false,
            digits: 0,
            leading_zero: false,
        }
    }

    pub fn is_integer(&self) -> bool {
        self.kind == NumberKind::Integer
    }
}

/// The literal(s) starting at byte `start` (a digit, a leading decimal point or a minus sign). Empty when
/// there is none; several when the groups fit no separator pattern.
pub(crate) fn scan_literal(text: &str, start: usize, lex: &NumberLexicon) -> Vec<(Span, Literal)> {
    let b = text.as_bytes();
    let mut i = start;
    let mut negative = false;
    if !b.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
        // A minus sign, maybe followed by spaces.
        negative = true;
        i += text[i..].chars().next().map_or(1, char::len_utf8);
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            return Vec::new();
        }
    }
    let Some(body) = read_groups(text, i, lex) else {
        return Vec::new();
    };
    let mut end = body.end;
    let (mut value, mut kind) = match interpret(text, &body, lex) {
        Interp::One(v, k) => (v, k),
        Interp::Split => {
            return body
                .groups
                .iter()
                .map(|&(s, e)| (Span::new(s, e), plain_integer(text, s, e)))
                .collect();
        }
    };
    let simple = body.seps.is_empty() && body.space_groups == 0;
    let mut plain = simple && !negative && !body.leading_dot;
    let digits = body.end - i;
    let leading_zero = b.get(i) == Some(&b'0') && digits > 1;

    // Fractions "3/4" and mixed numbers "2 1/4", unless part of a chain ("5/17/2018", "222-2222/2222").
    if simple && !body.leading_dot {
        if let Some((den, e)) = fraction_tail(text, end, start) {
            if den != 0.0 {
                value /= den;
                kind = NumberKind::Fraction;
                end = e;
                plain = false;
            }
        } else if let Some((frac, e)) = mixed_tail(text, end) {
            value += frac;
            kind = NumberKind::Fraction;
            end = e;
            plain = false;
        }
    }
    if let Some((exp, e)) = power_tail(text, end) {
        // A caret raises the number itself ("1.1^23"); "e" and "x10^" multiply by a power of ten.
        value = if text[end..].starts_with('^') {
            value.powf(exp)
        } else {
            value * 10f64.powf(exp)
        };
        kind = NumberKind::Power;
        end = e;
        plain = false;
    }
    let mut blocked = false;
    let letters_end = text[end..]
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(o, _)| end + o);
    if letters_end > end {
        let glued = &text[end..letters_end];
        if let Some(mult) = lex.suffixes.get(glued) {
            value *= mult;
            kind = integral_kind(value, kind);
            end = letters_end;
        } else if matches!(glued.to_lowercase().as_str(), "st" | "nd" | "rd" | "th") {
            kind = NumberKind::Ordinal;
            end = letters_end;
        } else {
            blocked = true;
            end = letters_end;
        }
        plain = false;
    } else if let Some((mult, e)) = spaced_suffix(text, end, lex) {
        value *= mult;
        kind = integral_kind(value, kind);
        end = e;
        plain = false;
    }
    if negative {
        value = -value;
    }
    vec![(
        Span::new(start, end),
        Literal {
            value,
            kind,
            blocked,
            plain,
            digits,
            leading_zero,
        },
    )]
}

/// Digit groups and the separators between them.
struct Groups {
    groups: Vec<(usize, usize)>,
    seps: Vec<u8>,
    /// How many of the groups were joined by spaces ("1 234 567").
    space_groups: usize,
    /// ".25": no digits before the point.
    leading_dot: bool,
    end: usize,
}

fn digits_end(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

/// Thin spaces that may separate thousands: space, no-break space, narrow no-break space.
fn group_space_len(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    if rest.starts_with(' ') {
        1
    } else if rest.starts_with('\u{a0}') || rest.starts_with('\u{202f}') {
        rest.chars().next().map_or(0, char::len_utf8)
    } else {
        0
    }
}

fn read_groups(text: &str, start: usize, lex: &NumberLexicon) -> Option<Groups> {
    let b = text.as_bytes();
    let mut g = Groups {
        groups: Vec::new(),
        seps: Vec::new(),
        space_groups: 0,
        leading_dot: false,
        end: start,
    };
    let mut i = start;
    if b.get(i) == Some(&b'.') {
        let e = digits_end(b, i + 1);
        g.leading_dot = true;
        g.groups.push((i, e));
        g.end = e;
        return Some(g);
    }
    let e = digits_end(b, i);
    if e == i {
        return None;
    }
    g.groups.push((i, e));
    i = e;
    loop {
        let sep = b.get(i).copied();
        if matches!(sep, Some(b'.') | Some(b',')) && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            let e = digits_end(b, i + 1);
            g.seps.push(b[i]);
            g.groups.push((i + 1, e));
            i = e;
            continue;
        }
        break;
    }
    // "1 234 567" and "40 000": groups of exactly three digits after a first group of one to three.
    if g.seps.is_empty() && e - start <= 3 {
        loop {
            let sl = group_space_len(text, i);
            if sl == 0 {
                break;
            }
            let ge = digits_end(b, i + sl);
            let next = b.get(ge).copied();
            let digit_next = next.is_some_and(|c| c.is_ascii_digit());
            let slash_next = next == Some(b'/') && b.get(ge + 1).is_some_and(u8::is_ascii_digit);
            let ends_cleanly = !(digit_next || slash_next);
            if ge - (i + sl) == 3 && ends_cleanly {
                g.groups.push((i + sl, ge));
                g.seps.push(b' ');
                g.space_groups += 1;
                i = ge;
            } else {
                break;
            }
        }
        if g.space_groups > 0 {
            let dec = if lex.decimal_comma { b',' } else { b'.' };
            if b.get(i) == Some(&dec) && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                let e = digits_end(b, i + 1);
                g.seps.push(dec);
                g.groups.push((i + 1, e));
                i = e;
            }
        }
    }
    g.end = i;
    Some(g)
}

enum Interp {
    One(f64, NumberKind),
    Split,
}

fn interpret(text: &str, g: &Groups, lex: &NumberLexicon) -> Interp {
    match read_f64(text, g, lex) {
        Some(v) => {
            let kind = if decimal_mark(g, lex).is_some() || g.leading_dot {
                NumberKind::Decimal
            } else {
                NumberKind::Integer
            };
            Interp::One(v, kind)
        }
        None => Interp::Split,
    }
}

/// Which separator is the decimal mark, or `None` for an integer. Errors (no consistent reading) are
/// reported by `read_f64`.
fn decimal_mark(g: &Groups, lex: &NumberLexicon) -> Option<usize> {
    let last = g.seps.len().checked_sub(1)?;
    let mark = g.seps[last];
    if mark == b' ' {
        return None;
    }
    let same = g.seps.iter().filter(|&&s| s == mark).count();
    if same > 1 {
        return None;
    }
    let others = g.seps.iter().any(|&s| s != mark && s != b' ');
    if others || g.space_groups > 0 {
        return Some(last);
    }
    // A lone separator: thousands when followed by exactly three digits and it is the language's thousands
    // mark, else decimal.
    let after_len = g.groups[last + 1].1 - g.groups[last + 1].0;
    let thousands_mark = if lex.decimal_comma { b'.' } else { b',' };
    if mark == thousands_mark && after_len == 3 {
        None
    } else {
        Some(last)
    }
}

/// The value of the digit groups, or `None` when the separators fit no pattern (then each group is a number).
fn read_f64(text: &str, g: &Groups, lex: &NumberLexicon) -> Option<f64> {
    if g.leading_dot {
        let (s, e) = g.groups[0];
        return format!("0.{}", text.get(s + 1..e)?).parse().ok();
    }
    let dec = decimal_mark(g, lex);
    let int_groups = dec.map_or(g.groups.len(), |d| d + 1);
    let int_seps = &g.seps[..int_groups.saturating_sub(1)];
    if let Some(&first) = int_seps.first() {
        if int_seps.iter().any(|&s| s != first) {
            return None;
        }
        let grouped = thousands_groups(&g.groups[..int_groups])
            || (first == b',' && indian_groups(&g.groups[..int_groups]));
        if !grouped {
            return None;
        }
        if dec.is_none() && first != b' ' {
            // Several marks of one kind: only the thousands mark of the language, or a comma in English.
            let thousands_mark = if lex.decimal_comma { b'.' } else { b',' };
            let english_commas = first == b',' && !lex.decimal_comma;
            if first != thousands_mark && !english_commas {
                return None;
            }
        }
    }
    let mut s = String::with_capacity(g.end - g.groups[0].0);
    for (n, &(a, e)) in g.groups.iter().enumerate() {
        if Some(n) == dec.map(|d| d + 1) {
            s.push('.');
        }
        s.push_str(text.get(a..e)?);
    }
    s.parse().ok()
}

/// "1,234,567": a first group of one to three digits, then groups of three.
fn thousands_groups(groups: &[(usize, usize)]) -> bool {
    groups.iter().enumerate().all(|(n, &(a, e))| {
        if n == 0 {
            (1..=3).contains(&(e - a))
        } else {
            e - a == 3
        }
    })
}

/// "12,34,567": Indian grouping, pairs before the last three digits.
fn indian_groups(groups: &[(usize, usize)]) -> bool {
    let n = groups.len();
    n >= 3
        && groups.iter().enumerate().all(|(k, &(a, e))| {
            let len = e - a;
            if k == n - 1 {
                len == 3
            } else if k == 0 {
                (1..=2).contains(&len)
            } else {
                len == 2
            }
        })
}

fn plain_integer(text: &str, s: usize, e: usize) -> Literal {
    let digits = text.get(s..e).unwrap_or("");
    Literal {
        value: digits.parse().unwrap_or(0.0),
        kind: NumberKind::Integer,
        blocked: false,
        plain: true,
        digits: e - s,
        leading_zero: digits.len() > 1 && digits.starts_with('0'),
    }
}

fn integral_kind(value: f64, kind: NumberKind) -> NumberKind {
    if kind == NumberKind::Decimal && value.fract() == 0.0 {
        NumberKind::Integer
    } else {
        kind
    }
}

/// "/5" after a numerator at `end`, when neither side chains on ("5/17/2018", "222-2222/2222").
fn fraction_tail(text: &str, end: usize, start: usize) -> Option<(f64, usize)> {
    let b = text.as_bytes();
    if b.get(end) != Some(&b'/') || !b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let e = digits_end(b, end + 1);
    let chained_after = matches!(b.get(e), Some(b'/') | Some(b'-') | Some(b'.') | Some(b','))
        && b.get(e + 1).is_some_and(u8::is_ascii_digit);
    let before = start.checked_sub(1).and_then(|p| b.get(p)).copied();
    let before2 = start.checked_sub(2).and_then(|p| b.get(p)).copied();
    let chained_before = matches!(before, Some(b'/'))
        || (matches!(before, Some(b'-')) && before2.is_some_and(|c| c.is_ascii_digit()));
    if chained_after || chained_before {
        return None;
    }
    Some((text.get(end + 1..e)?.parse().ok()?, e))
}

/// " 1/4" after a whole number: a mixed number ("2 1/4").
fn mixed_tail(text: &str, end: usize) -> Option<(f64, usize)> {
    let b = text.as_bytes();
    let mut i = end;
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    if i == end || !b.get(i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let ne = digits_end(b, i);
    let (den, e) = fraction_tail(text, ne, i)?;
    let num: f64 = text.get(i..ne)?.parse().ok()?;
    (den != 0.0 && num < den).then_some((num / den, e))
}

/// An exponent: "e10", "e-1", "^23", "^--23", "x10^6". Returns the exponent and the end.
fn power_tail(text: &str, end: usize) -> Option<(f64, usize)> {
    let rest = &text[end..];
    let b = rest.as_bytes();
    let mut i = if rest.starts_with(['e', 'E', '^']) {
        1
    } else if rest.starts_with("x10^") {
        4
    } else {
        return None;
    };
    let mut negative = false;
    let caret = rest.starts_with('^');
    while let Some(&c) = b.get(i) {
        match c {
            b'-' => negative = !negative,
            b'+' => {}
            _ => break,
        }
        i += 1;
        if !caret && i > 2 {
            break;
        }
    }
    let de = digits_end(b, i);
    if de == i {
        return None;
    }
    // "1e10" but not "2ebooks".
    if b.get(de).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let exp: f64 = rest.get(i..de)?.parse().ok()?;
    Some((if negative { -exp } else { exp }, end + de))
}

/// A multiplier written after spaces ("2.33 k", "1,674.5 G").
fn spaced_suffix(text: &str, end: usize, lex: &NumberLexicon) -> Option<(f64, usize)> {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches(' ');
    if trimmed.len() == rest.len() {
        return None;
    }
    let word_len = trimmed
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(trimmed.len(), |(o, _)| o);
    if word_len == 0 {
        return None;
    }
    let mult = lex.suffixes.get(&trimmed[..word_len])?;
    // A capital letter that starts a sentence ("… 5. M…") or a word is not a suffix: only standalone ones.
    let after = trimmed[word_len..].chars().next();
    if after.is_some_and(|c| c.is_alphanumeric() || c == '\'') {
        return None;
    }
    Some((*mult, end + (rest.len() - trimmed.len()) + word_len))
}
