//! Number words written as one word, as German writes them ("dreihundertneunundneunzigtausend",
//! "zweieinhalb", "dreiviertel"): split into the morphemes of the language's number table, then valued.
//!
//! Works for any language whose table has the morphemes; English words never split into them, so nothing
//! is lost by trying.

use super::lexicon::{NumberLexicon, WordClass};

/// The value of a compound number word and whether it is a fraction ("dreiviertel"), or `None`.
pub(crate) fn compound_value(word: &str, lex: &NumberLexicon) -> Option<(f64, bool)> {
    if word.len() < 6 || lex.morphemes.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if !split(word, lex, &mut parts, 0) || parts.len() < 2 {
        return None;
    }
    evaluate(&parts)
}

/// One piece of a compound word.
#[derive(Debug, Clone, Copy)]
enum Part {
    Class(WordClass),
    /// A trailing fraction word ("viertel"): divides by its value.
    Denominator(f64),
}

/// Splits `rest` into morphemes, longest first, backtracking on dead ends.
fn split(rest: &str, lex: &NumberLexicon, parts: &mut Vec<Part>, depth: usize) -> bool {
    if rest.is_empty() {
        return true;
    }
    if depth > 12 {
        return false;
    }
    if !parts.is_empty()
        && let Some(ord) = lex.ordinal(rest)
    {
        parts.push(Part::Denominator(ord.value));
        return true;
    }
    for (m, class) in &lex.morphemes {
        if rest.starts_with(m.as_str()) {
            parts.push(Part::Class(*class));
            if split(&rest[m.len()..], lex, parts, depth + 1) {
                return true;
            }
            parts.pop();
        }
    }
    false
}

/// Values a morpheme sequence: `[below-1000 "tausend"] [below-1000] ["einhalb" | denominator]`.
fn evaluate(parts: &[Part]) -> Option<(f64, bool)> {
    let (body, tail) = match parts.last()? {
        Part::Denominator(d) => (&parts[..parts.len() - 1], Some(*d)),
        _ => (parts, None),
    };
    let mut classes: Vec<WordClass> = Vec::with_capacity(body.len());
    for p in body {
        match p {
            Part::Class(c) => classes.push(*c),
            Part::Denominator(_) => return None,
        }
    }
    let mut half = 0.0;
    if classes.last() == Some(&WordClass::HalfAdd) {
        classes.pop();
        half = 0.5;
    }
    let thousand = classes
        .iter()
        .position(|c| matches!(c, WordClass::Scale(_)));
    let value = match thousand {
        Some(t) => {
            let high = if t == 0 {
                1.0
            } else {
                below_thousand(&classes[..t])?
            };
            let low = if t + 1 == classes.len() {
                0.0
            } else {
                below_thousand(&classes[t + 1..])?
            };
            high * 1000.0 + low
        }
        None => below_thousand(&classes)?,
    };
    match tail {
        Some(den) if den > 0.0 && half == 0.0 => Some((value / den, true)),
        Some(_) => None,
        None => Some((value + half, half > 0.0)),
    }
}

/// `[unit "hundert"] [unit | teen | tens | unit "und" tens]`, with "ein" as one.
fn below_thousand(classes: &[WordClass]) -> Option<f64> {
    let unit = |c: &WordClass| match c {
        WordClass::Unit(v) => Some(*v),
        WordClass::Article => Some(1.0),
        _ => None,
    };
    let mut rest = classes;
    let mut value = 0.0;
    if let Some(h) = rest.iter().position(|c| *c == WordClass::Hundred) {
        value = match h {
            0 => 100.0,
            1 => unit(&rest[0])? * 100.0,
            _ => return None,
        };
        rest = &rest[h + 1..];
    }
    let low = match rest {
        [] => 0.0,
        [c] => match c {
            WordClass::Teen(v) | WordClass::Tens(v) => *v,
            other => unit(other)?,
        },
        [u, WordClass::And, WordClass::Tens(t)] => unit(u)? + t,
        _ => return None,
    };
    if value == 0.0 && low == 0.0 {
        return None;
    }
    Some(value + low)
}
