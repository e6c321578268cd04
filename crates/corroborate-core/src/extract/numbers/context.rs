//! Which numbers are not counts: years, dates, times, ordinals, percentages, money, measures, durations,
//! ages, phone numbers and digit chains, list markers, codes. Decided from the words around the number.

use super::lexicon::{NumberLexicon, UnitKind};
use super::scan::{Atom, AtomKind};
use super::{NumberKind, NumberMatch};

/// Why a number is not a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotCount {
    Year,
    Date,
    Time,
    Ordinal,
    Unit(UnitKind),
    Age,
    Chain,
    ListMarker,
    Code,
    Fraction,
    Article,
}

/// The reason `num` is not a count, or `None` when it may be one.
/// `in_range`: the number is an end of a two-ended range ("10-15"), so a dash next to it is no chain.
pub(crate) fn not_a_count(
    text: &str,
    atoms: &[Atom],
    num: &NumberMatch,
    lex: &NumberLexicon,
    in_range: bool,
) -> Option<NotCount> {
    if num.article {
        return Some(NotCount::Article);
    }
    if num.kind == NumberKind::Ordinal {
        return Some(NotCount::Ordinal);
    }
    if matches!(num.kind, NumberKind::Fraction | NumberKind::Power) && num.value < 1.0
        || num.kind == NumberKind::Power
    {
        return Some(NotCount::Fraction);
    }
    if num.value < 0.0 {
        return Some(NotCount::Code);
    }
    let prev = num.first_atom.checked_sub(1).and_then(|p| atoms.get(p));
    let next = atoms.get(num.last_atom + 1);
    let lit = atoms.get(num.first_atom).and_then(Atom::literal);
    if let Some(u) = unit_after(atoms, num.last_atom + 1, lex) {
        return Some(match u {
            UnitKind::Age => NotCount::Age,
            other => NotCount::Unit(other),
        });
    }
    if prev.is_some_and(|p| matches!(p.kind, AtomKind::Punct('$' | '€' | '£' | '¥' | '₹'))) {
        return Some(NotCount::Unit(UnitKind::Money));
    }
    if prev.is_some_and(|p| lex.age_words.contains(&p.lower)) {
        return Some(NotCount::Age);
    }
    // "Ana Ruiz (67)": a bare number in brackets after a name.
    if prev.is_some_and(|p| p.is_punct('('))
        && next.is_some_and(|n| n.is_punct(')'))
        && num.first_atom >= 2
        && atoms[num.first_atom - 2].capitalised(text)
        && num.value < 120.0
    {
        return Some(NotCount::Age);
    }
    // "Lindsay Lohan, 26, said": a bare number between commas after a name.
    if prev.is_some_and(|p| p.is_punct(','))
        && next.is_some_and(|n| n.is_punct(',') || n.is_punct('.'))
        && num.first_atom >= 2
        && atoms[num.first_atom - 2].capitalised(text)
        && num.value < 120.0
    {
        return Some(NotCount::Age);
    }
    if let Some(l) = lit {
        // Glued to letters before: "G7", "A380".
        if text[..num.span.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        {
            return Some(NotCount::Code);
        }
        // Digit chains: phone numbers, dates, codes ("+1-222-2222", "5/17/2018", "10:30").
        let joins = |a: Option<&Atom>, b: Option<&Atom>| {
            a.is_some_and(|a| {
                matches!(a.kind, AtomKind::Punct('-' | '/' | ':' | '.' | '+')) && !a.space_before
            }) && b.is_some_and(|b| b.literal().is_some() && !b.space_before)
        };
        let before2 = num.first_atom.checked_sub(2).and_then(|p| atoms.get(p));
        let chained_before = joins(prev, atoms.get(num.first_atom))
            && before2.is_some_and(|b| b.literal().is_some());
        let chained_after = joins(next, atoms.get(num.last_atom + 2));
        if (chained_before || chained_after) && !in_range {
            if next.is_some_and(|n| n.is_punct(':')) || prev.is_some_and(|p| p.is_punct(':')) {
                return Some(NotCount::Time);
            }
            return Some(NotCount::Chain);
        }
        if prev.is_some_and(|p| p.is_punct('+')) {
            return Some(NotCount::Chain);
        }
        // A list marker: "1." or "2)" at the start of a line.
        let line_start = text[..num.span.start]
            .trim_end_matches([' ', '\t'])
            .ends_with('\n')
            || num.span.start == 0;
        if line_start
            && next.is_some_and(|n| n.is_punct('.') || n.is_punct(')'))
            && l.plain
            && l.digits <= 2
        {
            return Some(NotCount::ListMarker);
        }
        // German ordinals: "am 3. Juni", "der 5. Jahrestag".
        if lex.decimal_comma && next.is_some_and(|n| n.is_punct('.') && !n.space_before) {
            let after = atoms.get(num.last_atom + 2);
            let ordinal_ctx = prev.is_some_and(|p| lex.ordinal_context.contains(&p.lower));
            if after.is_some_and(|a| {
                matches!(a.kind, AtomKind::Word)
                    && (!a.capitalised(text) || is_month(&a.lower, lex))
            }) || ordinal_ctx
            {
                return Some(NotCount::Ordinal);
            }
        }
        if l.plain && l.digits == 4 && (1500.0..=2100.0).contains(&l.value) {
            let noun_follows = next.is_some_and(|n| lex.nouns.contains_key(&n.lower));
            if !noun_follows || prev.is_some_and(|p| lex.year_words.contains(&p.lower)) {
                return Some(NotCount::Year);
            }
        }
    }
    let month_near = |a: Option<&Atom>| {
        a.is_some_and(|a| matches!(a.kind, AtomKind::Word) && is_month(&a.lower, lex))
    };
    let after_dot = if next.is_some_and(|n| n.is_punct('.')) {
        atoms.get(num.last_atom + 2)
    } else {
        next
    };
    if num.value <= 31.0 && (month_near(after_dot) || month_near(prev)) {
        return Some(NotCount::Date);
    }
    None
}

/// A unit word (or phrase) starting at atom `start`, skipping hyphens ("67-year-old").
fn unit_after(atoms: &[Atom], start: usize, lex: &NumberLexicon) -> Option<UnitKind> {
    let words: Vec<&Atom> = atoms
        .get(start..)?
        .iter()
        .filter(|a| !a.is_punct('-'))
        .take(3)
        .collect();
    for (phrase, kind) in &lex.units {
        if phrase.len() <= words.len() && phrase.iter().zip(&words).all(|(w, a)| a.lower == *w) {
            return Some(*kind);
        }
    }
    None
}

fn is_month(lower: &str, lex: &NumberLexicon) -> bool {
    lex.months.contains(lower)
}
