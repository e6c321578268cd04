//! Bounds around numbers: comparisons ("more than 20", "500 or more", "< = 100"), pairs of them ("larger
//! than 10 and smaller than 20") and two-ended ranges ("between 10 and 15", "10-15", "zwischen 10 und 15").
//!
//! Works on the numbers already found, so a range's ends are resolved exactly like any other number.

use super::lexicon::{NumberLexicon, Relation};
use super::scan::{Atom, AtomKind};
use super::{Bound, NumberKind, NumberMatch, RangeForm, RangeMatch};
use crate::model::Span;

/// Ranges over `numbers` (sorted, not overlapping) in `atoms`.
pub(crate) fn find_ranges(
    atoms: &[Atom],
    numbers: &[NumberMatch],
    lex: &NumberLexicon,
) -> Vec<RangeMatch> {
    let mut out: Vec<RangeMatch> = Vec::new();
    let mut used = vec![false; numbers.len()];
    // Two-ended ranges first: their ends are not also comparisons.
    for i in 0..numbers.len().saturating_sub(1) {
        if used[i] {
            continue;
        }
        if let Some(r) = two_ended(atoms, &numbers[i], &numbers[i + 1], lex) {
            used[i] = true;
            used[i + 1] = true;
            out.push(r);
        }
    }
    let mut comparisons: Vec<(usize, RangeMatch, usize, usize)> = Vec::new();
    for (n, num) in numbers.iter().enumerate() {
        if used[n] {
            continue;
        }
        if let Some((r, first, last)) = comparison(atoms, num, lex) {
            comparisons.push((n, r, first, last));
        }
    }
    // Pairs: a lower and an upper bound joined by "and", "but" or a comma.
    let mut k = 0;
    while k < comparisons.len() {
        if k + 1 < comparisons.len() {
            let (a, b) = (&comparisons[k], &comparisons[k + 1]);
            if let Some(joined) = join(atoms, a, b, lex) {
                out.push(joined);
                k += 2;
                continue;
            }
        }
        out.push(comparisons[k].1.clone());
        k += 1;
    }
    out.sort_by_key(|r| r.span.start);
    out
}

/// Whether `atom` is one of the words of `set`.
fn word_in(atom: Option<&Atom>, set: &std::collections::HashSet<String>) -> bool {
    atom.is_some_and(|a| matches!(a.kind, AtomKind::Word) && set.contains(&a.lower))
}

/// "between A and B", "from A to B", "A to B", "A-B", "A – B", "A~B".
fn two_ended(
    atoms: &[Atom],
    a: &NumberMatch,
    b: &NumberMatch,
    lex: &NumberLexicon,
) -> Option<RangeMatch> {
    // Ordinals make a range only with ordinals ("between the tenth and the fifteenth").
    let ordinals = a.kind == NumberKind::Ordinal;
    if ordinals != (b.kind == NumberKind::Ordinal) {
        return None;
    }
    let determiner = |k: usize| ordinals && k > 0 && lex.not_one.contains(&atoms[k - 1].lower);
    let a_first = if determiner(a.first_atom) {
        a.first_atom - 1
    } else {
        a.first_atom
    };
    let b_first = if determiner(b.first_atom) {
        b.first_atom - 1
    } else {
        b.first_atom
    };
    let gap = atoms.get(a.last_atom + 1..b_first)?;
    let opener = a_first.checked_sub(1).and_then(|p| atoms.get(p));
    let opened = word_in(opener, &lex.range_open);
    let linked = match gap {
        [link] => match &link.kind {
            AtomKind::Word => {
                lex.range_link.contains(&link.lower)
                    && (opened || !lex.range_join.contains(&link.lower))
            }
            AtomKind::Punct('-' | '–' | '—' | '~' | '‒') => dash_range_ok(atoms, a, b),
            _ => false,
        },
        _ => false,
    };
    if !linked {
        return None;
    }
    let mut low = a.value;
    // "2 to 3 million": the scale of the upper end applies to a bare lower end.
    if let (Some(s), None) = (b.tail_scale, a.tail_scale)
        && low * s <= b.value
        && low < s
    {
        low *= s;
    }
    if low > b.value {
        return None;
    }
    let start = if opened {
        opener.map_or(a.span.start, |o| o.span.start)
    } else {
        atoms[a_first].span.start
    };
    Some(RangeMatch {
        span: Span::new(start, b.span.end),
        lower: Some(Bound {
            value: low,
            inclusive: true,
        }),
        upper: Some(Bound {
            value: b.value,
            inclusive: true,
        }),
        form: RangeForm::Between,
        first_atom: if opened { a_first - 1 } else { a_first },
        last_atom: b.last_atom,
    })
}

/// A dash between two numbers is a range unless it chains codes or dates ("1995-01", "+1-222-2222").
fn dash_range_ok(atoms: &[Atom], a: &NumberMatch, b: &NumberMatch) -> bool {
    let lit = |m: &NumberMatch| atoms.get(m.first_atom).and_then(Atom::literal).cloned();
    if let Some(lb) = lit(b)
        && lb.leading_zero
    {
        return false;
    }
    let before = a.first_atom.checked_sub(1).and_then(|p| atoms.get(p));
    let after = atoms.get(b.last_atom + 1);
    let chained = |x: Option<&Atom>| {
        x.is_some_and(|x| matches!(x.kind, AtomKind::Punct('-' | '/' | '+')) && !x.space_before)
    };
    if chained(before)
        || (chained(after)
            && atoms
                .get(b.last_atom + 2)
                .is_some_and(|n| n.literal().is_some()))
    {
        return false;
    }
    true
}

/// A qualifier phrase of `phrases` whose words end at atom `end` (exclusive), longest first: its relation and
/// first atom.
fn phrase_before(
    atoms: &[Atom],
    end: usize,
    phrases: &[(Vec<String>, Relation)],
) -> Option<(Relation, usize)> {
    for (words, rel) in phrases {
        let n = words.len();
        // Allow "ca." : a dot after the phrase.
        for dot in [false, true] {
            let stop = if dot {
                match end.checked_sub(1).and_then(|p| atoms.get(p)) {
                    Some(a) if a.is_punct('.') => end - 1,
                    _ => continue,
                }
            } else {
                end
            };
            if stop < n {
                continue;
            }
            let start = stop - n;
            if atoms[start..stop]
                .iter()
                .zip(words)
                .all(|(a, w)| a.lower == *w)
            {
                // "<>30", "=>30": a comparison sign glued to another sign is no comparison we know.
                let symbolic = matches!(atoms[start].kind, AtomKind::Punct(_));
                let glued = start
                    .checked_sub(1)
                    .and_then(|p| atoms.get(p))
                    .is_some_and(|p| {
                        matches!(p.kind, AtomKind::Punct('<' | '>' | '=' | '!'))
                            && !atoms[start].space_before
                    });
                if symbolic && glued {
                    return None;
                }
                return Some((*rel, start));
            }
        }
    }
    None
}

/// A qualifier phrase after the number, starting at atom `start`: relation and last atom.
/// A qualifier phrase after the number, starting at atom `start`: relation and last atom. A phrase that overlaps a qualifier of `before` ("… and less than 10") belongs
/// to the next number.
pub(crate) fn phrase_after_checked(
    atoms: &[Atom],
    start: usize,
    phrases: &[(Vec<String>, Relation)],
    lex: &NumberLexicon,
) -> Option<(Relation, usize)> {
    let number_at = |k: usize| {
        atoms
            .get(k)
            .is_some_and(|a| a.literal().is_some() || lex.word(&a.lower).is_some())
    };
    let starts_qualifier = |k: usize| {
        lex.before.iter().any(|(w, _)| {
            atoms
                .get(k..k + w.len())
                .is_some_and(|s| s.iter().zip(w).all(|(a, w)| a.lower == *w))
                && number_at(k + w.len())
        })
    };
    for (words, rel) in phrases {
        let n = words.len();
        let Some(slice) = atoms.get(start..start + n) else {
            continue;
        };
        if slice.iter().zip(words).all(|(a, w)| a.lower == *w) {
            // "200 or greater than 190": the phrase belongs to the next number.
            let next = atoms.get(start + n);
            if next.is_some_and(|a| a.literal().is_some() || a.lower == "the") {
                return None;
            }
            if (start + 1..start + n).any(starts_qualifier) {
                return None;
            }
            return Some((*rel, start + n - 1));
        }
    }
    None
}

/// The qualifier written before a number: its relation and first atom. Skips "the" before ordinals.
pub(crate) fn qualifier_before(
    atoms: &[Atom],
    num: &NumberMatch,
    lex: &NumberLexicon,
) -> Option<(Relation, usize)> {
    let mut end = num.first_atom;
    if num.kind == NumberKind::Ordinal && end > 0 && atoms[end - 1].lower == "the" {
        end -= 1;
    }
    phrase_before(atoms, end, &lex.before)
}

/// A one-sided comparison around `num`: the range, its first and last atoms.
fn comparison(
    atoms: &[Atom],
    num: &NumberMatch,
    lex: &NumberLexicon,
) -> Option<(RangeMatch, usize, usize)> {
    let before = qualifier_before(atoms, num, lex)
        .filter(|(r, _)| !matches!(r, Relation::Approx | Relation::Nearly));
    let after = phrase_after_checked(atoms, num.last_atom + 1, &lex.after, lex);
    let rel = match (before.map(|b| b.0), after.map(|a| a.0)) {
        (None, None) => return None,
        (Some(r), None) | (None, Some(r)) => r,
        (Some(Relation::Eq), Some(r)) => r,
        (Some(r), Some(Relation::Eq)) => match r {
            Relation::Gt => Relation::Ge,
            Relation::Lt => Relation::Le,
            other => other,
        },
        (Some(r), Some(_)) => r,
    };
    let first = before.map_or(num.first_atom, |b| b.1);
    let last = after.map_or(num.last_atom, |a| a.1);
    let v = num.value;
    let (lower, upper) = match rel {
        Relation::Gt => (
            Some(Bound {
                value: v,
                inclusive: false,
            }),
            None,
        ),
        Relation::Ge => (
            Some(Bound {
                value: v,
                inclusive: true,
            }),
            None,
        ),
        Relation::Lt => (
            None,
            Some(Bound {
                value: v,
                inclusive: false,
            }),
        ),
        Relation::Le => (
            None,
            Some(Bound {
                value: v,
                inclusive: true,
            }),
        ),
        Relation::Eq => (
            Some(Bound {
                value: v,
                inclusive: true,
            }),
            Some(Bound {
                value: v,
                inclusive: true,
            }),
        ),
        Relation::Approx | Relation::Nearly => return None,
    };
    let span = Span::new(atoms[first].span.start, atoms[last].span.end);
    let form = if rel == Relation::Eq {
        RangeForm::Equal
    } else {
        RangeForm::Comparison
    };
    Some((
        RangeMatch {
            span,
            lower,
            upper,
            form,
            first_atom: first,
            last_atom: last,
        },
        first,
        last,
    ))
}

/// Joins a lower and an upper comparison written next to each other ("more than 10 and less than 20").
fn join(
    atoms: &[Atom],
    a: &(usize, RangeMatch, usize, usize),
    b: &(usize, RangeMatch, usize, usize),
    lex: &NumberLexicon,
) -> Option<RangeMatch> {
    let gap = atoms.get(a.3 + 1..b.2)?;
    let and = |x: &Atom| matches!(x.kind, AtomKind::Word) && lex.range_join.contains(&x.lower);
    let joined = match gap {
        [x] => and(x) || x.is_punct(','),
        [c, x] => c.is_punct(',') && and(x),
        _ => false,
    };
    if !joined {
        return None;
    }
    let (ra, rb) = (&a.1, &b.1);
    let (lower, upper) = match (ra.lower, ra.upper, rb.lower, rb.upper) {
        (Some(l), None, None, Some(u)) | (None, Some(u), Some(l), None) => (l, u),
        _ => return None,
    };
    let empty = lower.value > upper.value
        || (lower.value == upper.value && !(lower.inclusive && upper.inclusive));
    if ra.form != RangeForm::Comparison || rb.form != RangeForm::Comparison || empty {
        return None;
    }
    Some(RangeMatch {
        span: Span::new(ra.span.start, rb.span.end),
        lower: Some(lower),
        upper: Some(upper),
        form: RangeForm::Comparison,
        first_atom: ra.first_atom,
        last_atom: rb.last_atom,
    })
}
