//! From recognised numbers and ranges to the dossier's quantities: counts only, as inclusive intervals,
//! with their qualifiers and what they count (conventions in the parent module's doc).

use super::context::not_a_count;
use super::counts::counted;
use super::lexicon::{NumberLexicon, Relation};
use super::ranges::{phrase_after_checked, qualifier_before};
use super::scan::Atom;
use super::{NumberMatch, RangeForm, RangeMatch};
use crate::model::{QuantityMention, Span};

/// A quantity before its counted thing is looked up.
struct Draft {
    first: usize,
    last: usize,
    value: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    approximate: bool,
}

pub(crate) fn build(
    text: &str,
    sentences: &[Span],
    atoms: &[Atom],
    numbers: &[NumberMatch],
    ranges: &[RangeMatch],
    lex: &NumberLexicon,
) -> Vec<QuantityMention> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut taken = vec![false; atoms.len()];
    for r in ranges {
        let (Some(lo), Some(hi)) = (r.lower, r.upper) else {
            continue;
        };
        if r.form == RangeForm::Equal {
            continue;
        }
        let inside: Vec<&NumberMatch> = numbers
            .iter()
            .filter(|n| n.first_atom >= r.first_atom && n.last_atom <= r.last_atom)
            .collect();
        if inside
            .iter()
            .any(|n| not_a_count(text, atoms, n, lex, true).is_some())
        {
            continue;
        }
        let approx = inside.first().and_then(|n| qualifier_before(atoms, n, lex));
        let approx_first = match approx {
            Some((Relation::Approx | Relation::Nearly, f)) if r.form == RangeForm::Between => {
                Some(f)
            }
            _ => None,
        };
        drafts.push(Draft {
            first: approx_first.unwrap_or(r.first_atom).min(r.first_atom),
            last: r.last_atom,
            value: None,
            min: Some(exclusive_up(lo.value, lo.inclusive)),
            max: Some(exclusive_down(hi.value, hi.inclusive)),
            approximate: approx_first.is_some(),
        });
        for t in taken.iter_mut().take(r.last_atom + 1).skip(r.first_atom) {
            *t = true;
        }
    }
    for n in numbers {
        if taken[n.first_atom] || not_a_count(text, atoms, n, lex, false).is_some() {
            continue;
        }
        let before = qualifier_before(atoms, n, lex);
        let after = phrase_after_checked(atoms, n.last_atom + 1, &lex.after, lex);
        let rel = match (before.map(|b| b.0), after.map(|a| a.0)) {
            (Some(Relation::Eq), Some(r)) => Some(r),
            (Some(r), Some(Relation::Eq)) => Some(match r {
                Relation::Gt => Relation::Ge,
                Relation::Lt => Relation::Le,
                other => other,
            }),
            (Some(r), _) => Some(r),
            (None, r) => r,
        };
        let v = n.value;
        let mut d = Draft {
            first: before.map_or(n.first_atom, |b| b.1),
            last: after.map_or(n.last_atom, |a| a.1),
            value: None,
            min: None,
            max: None,
            approximate: false,
        };
        match rel {
            None | Some(Relation::Eq) => {
                d.value = Some(v);
                d.min = Some(v);
                d.max = Some(v);
            }
            Some(Relation::Approx) => {
                d.value = Some(v);
                d.approximate = true;
            }
            Some(Relation::Nearly) => {
                d.value = Some(v);
                d.max = Some(v);
                d.approximate = true;
            }
            Some(Relation::Gt) => d.min = Some(exclusive_up(v, false)),
            Some(Relation::Ge) => d.min = Some(v),
            Some(Relation::Lt) => d.max = Some(exclusive_down(v, false)),
            Some(Relation::Le) => d.max = Some(v),
        }
        for t in taken.iter_mut().take(d.last + 1).skip(d.first) {
            *t = true;
        }
        drafts.push(d);
    }
    vague(atoms, &taken, lex, &mut drafts);
    drafts.sort_by_key(|d| d.first);
    drafts
        .into_iter()
        .filter_map(|d| {
            let span = Span::new(atoms.get(d.first)?.span.start, atoms.get(d.last)?.span.end);
            let sentence = sentences
                .iter()
                .find(|s| s.start <= span.start && span.end <= s.end)
                .copied()
                .unwrap_or(Span::new(0, text.len()));
            let (counts, counts_span) = match counted(text, atoms, d.first, d.last, sentence, lex) {
                Some((c, s)) => (Some(c), Some(s)),
                None => (None, None),
            };
            Some(QuantityMention {
                span,
                value: d.value,
                min: d.min,
                max: d.max,
                approximate: d.approximate,
                counts,
                counts_span,
            })
        })
        .collect()
}

/// The smallest count above `v` ("more than 2,000" → 2,001); non-integers stay as they are.
fn exclusive_up(v: f64, inclusive: bool) -> f64 {
    if inclusive || v.fract() != 0.0 {
        v
    } else {
        v + 1.0
    }
}

/// The largest count below `v` ("fewer than 40" → 39).
fn exclusive_down(v: f64, inclusive: bool) -> f64 {
    if inclusive || v.fract() != 0.0 {
        v
    } else {
        v - 1.0
    }
}

/// Vague counts ("dozens", "tens of thousands", "Hunderte") where no number was read.
fn vague(atoms: &[Atom], taken: &[bool], lex: &NumberLexicon, drafts: &mut Vec<Draft>) {
    let matches_at = |k: usize| {
        lex.vague.iter().find(|(words, _)| {
            atoms
                .get(k..k + words.len())
                .is_some_and(|s| s.iter().zip(words).all(|(a, w)| a.lower == *w))
        })
    };
    let mut k = 0;
    while k < atoms.len() {
        if taken[k] {
            k += 1;
            continue;
        }
        let Some((words, v)) = matches_at(k) else {
            k += 1;
            continue;
        };
        let mut last = k + words.len() - 1;
        let mut min = v.min;
        let mut max = v.max;
        let of_follows = atoms
            .get(last + 1)
            .is_some_and(|a| lex.count_skip.contains(&a.lower));
        if v.needs_of && !of_follows {
            k += 1;
            continue;
        }
        // "tens of thousands": the second plural is the unit.
        if of_follows
            && let Some((w2, v2)) = matches_at(last + 2)
            && v2.max.is_none()
            && v.max.is_none()
        {
            min *= v2.min / 2.0;
            max = None;
            last += 1 + w2.len();
        }
        let before = qualifier_before_atom(atoms, k, lex);
        let (first, rel) = before.map_or((k, None), |(r, f)| (f, Some(r)));
        let mut d = Draft {
            first,
            last,
            value: None,
            min: Some(min),
            max,
            approximate: true,
        };
        match rel {
            Some(Relation::Lt | Relation::Le) => {
                d.min = None;
                d.max = Some(min);
            }
            Some(Relation::Ge | Relation::Gt) => d.max = None,
            _ => {}
        }
        drafts.push(d);
        k = last + 1;
    }
}

/// A qualifier ending right before atom `k`.
fn qualifier_before_atom(
    atoms: &[Atom],
    k: usize,
    lex: &NumberLexicon,
) -> Option<(Relation, usize)> {
    lex.before.iter().find_map(|(words, rel)| {
        let start = k.checked_sub(words.len())?;
        atoms[start..k]
            .iter()
            .zip(words)
            .all(|(a, w)| a.lower == *w)
            .then_some((*rel, start))
    })
}
