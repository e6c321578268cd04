//! Cardinal numbers as intervals, with what they count, in English and German (more languages are tables).
//!
//! Two entry points:
//! - [`recognize`] returns every number the text spells (digits and words, fractions, decimals, powers,
//!   ordinals) and every bound or range around them, as written. The evaluation measures it on the
//!   Recognizers-Text specs.
//! - [`find_quantities`] turns them into the dossier's `quantities[]`: counts only, as intervals, with what
//!   they count.
//!
//! # Conventions of `find_quantities` (SPEC.md examples are binding)
//! Bounds are inclusive; `value` is the point estimate when the text gives one.
//! - exact ("500 officers"): value 500, min 500, max 500.
//! - approximate ("some five hundred", "about", "around", "roughly", "an estimated", "rund", "etwa",
//!   "ungefähr"): value 500, min and max null, approximate.
//! - "nearly 500", "almost", "close to", "fast", "knapp": value 500, max 500, min null, approximate.
//! - "more than 2,000", "over", "above", "exceeding", "mehr als", "über": min 2001 (the next integer; for a
//!   non-integer, the number itself), value and max null.
//! - "at least 40", "no fewer than", "mindestens": min 40.
//! - "fewer than 40", "less than", "under", "below", "weniger als", "unter": max 39.
//! - "at most 300", "up to 300", "no more than", "as many as", "bis zu", "höchstens": max 300, min null.
//! - ranges "between 10 and 15", "10-15", "10 to 15", "from 10 to 15", "zwischen 10 und 15", "10 bis 15":
//!   min 10, max 15, value null; "2 to 3 million" shares the scale (min 2,000,000).
//! - vague counts are approximate with a minimum of two of the unit: "dozens" min 24, "scores of" min 40,
//!   "hundreds" min 200, "thousands" min 2000, "tens of thousands" min 20,000, "Dutzende", "Hunderte",
//!   "Tausende" likewise; "a handful", "a few" min 2 max 9; "several", "mehrere" min 3 max 9.
//! - "half a million" is 500,000; "zwei Dutzend" 24.
//! - Not counts, left out: years ("in 2023"), dates ("20 June", "am 3. Juni"), times ("10:30", "5 pm"),
//!   ordinals ("4th", "3."), percentages, money, measures ("5 km"), durations ("3 years"), ages ("67-year-old",
//!   "aged 67", "67-Jährige"), phone numbers and digit chains, list markers at a line start, codes glued to
//!   letters ("G7", "A380"), fractions below one, and German "ein"/"eine" alone (an article).
//! - `counts` is English for every language: the counted noun ("officers", "police officers", "people" for
//!   "Menschen") plus the event when a nearby verb or participle says what happened ("residents killed",
//!   "people injured"); "people" + event when there is no noun ("two died", "Dutzende verletzt").

mod compound;
mod context;
mod counts;
mod lexicon;
mod literal;
mod quantities;
mod ranges;
mod scan;
mod words;

#[cfg(test)]
mod tests;

use crate::model::{QuantityMention, Span};
use lexicon::NumberLexicon;
use words::{Grammar, elements};

pub use lexicon::Relation;

/// What kind of number a recognition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    Integer,
    Decimal,
    Fraction,
    Power,
    Ordinal,
}

/// One number as written, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    pub span: Span,
    pub value: f64,
    pub kind: NumberKind,
    /// German "ein"/"eine" alone: a numeral for the specs, usually an article.
    pub article: bool,
    /// The scale word it ends with ("3 million" → 1,000,000).
    pub tail_scale: Option<f64>,
    pub(crate) first_atom: usize,
    pub(crate) last_atom: usize,
}

/// One end of a range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    pub value: f64,
    pub inclusive: bool,
}

/// How a range is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeForm {
    /// Both ends written ("between 10 and 15", "10-15"); both bounds inclusive.
    Between,
    /// One or two comparisons ("more than 10", "at least 20 and at most 30").
    Comparison,
    /// "equal to 20".
    Equal,
}

/// A bound or range around numbers, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeMatch {
    pub span: Span,
    pub lower: Option<Bound>,
    pub upper: Option<Bound>,
    pub form: RangeForm,
    pub(crate) first_atom: usize,
    pub(crate) last_atom: usize,
}

/// Everything [`recognize`] finds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recognitions {
    pub numbers: Vec<NumberMatch>,
    pub ranges: Vec<RangeMatch>,
}

/// Numbers and ranges in `text` (language `lang`, ISO 639-1), as written. Ordinals are included with kind
/// [`NumberKind::Ordinal`]; nothing is filtered for the dossier.
pub fn recognize(text: &str, lang: &str) -> Recognitions {
    let lex = NumberLexicon::get(lang);
    let atoms = scan::scan(text, lex);
    let numbers = numbers_in(text, &atoms, lex);
    let ranges = ranges::find_ranges(&atoms, &numbers, lex);
    Recognitions { numbers, ranges }
}

/// Quantities in `text` (language `lang`), with what they count. `sentences` (the text layer) bounds the
/// search for the counted noun and verb; without it the whole text is one sentence.
pub fn find_quantities(text: &str, sentences: &[Span], lang: &str) -> Vec<QuantityMention> {
    let lex = NumberLexicon::get(lang);
    let atoms = scan::scan(text, lex);
    let numbers = numbers_in(text, &atoms, lex);
    let ranges = ranges::find_ranges(&atoms, &numbers, lex);
    quantities::build(text, sentences, &atoms, &numbers, &ranges, lex)
}

/// Reads numbers left to right over the atoms.
fn numbers_in(text: &str, atoms: &[scan::Atom], lex: &NumberLexicon) -> Vec<NumberMatch> {
    let els = elements(atoms, lex);
    let grammar = Grammar {
        text,
        els: &els,
        atoms,
        lex,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < els.len() {
        if let Some(p) = grammar.number(i)
            && p.end > p.first
        {
            let first_atom = els[p.first].atom;
            let last_atom = els[p.end - 1].atom;
            out.push(NumberMatch {
                span: Span::new(atoms[first_atom].span.start, atoms[last_atom].span.end),
                value: p.value,
                kind: p.kind,
                article: p.article,
                tail_scale: p.tail_scale,
                first_atom,
                last_atom,
            });
            i = p.end;
            continue;
        }
        if let Some(m) = ordinal_at(&els, atoms, i) {
            out.push(m);
        }
        i += 1;
    }
    out
}

/// An ordinal that is not part of a fraction: a singular ordinal word or "4th".
fn ordinal_at(els: &[words::El], atoms: &[scan::Atom], i: usize) -> Option<NumberMatch> {
    let el = els.get(i)?;
    let atom = atoms.get(el.atom)?;
    let value = match el.kind {
        words::ElKind::Ord(o) if o.singular => o.value,
        words::ElKind::Lit => {
            let l = atom.literal()?;
            if l.kind != NumberKind::Ordinal {
                return None;
            }
            l.value
        }
        _ => return None,
    };
    Some(NumberMatch {
        span: atom.span,
        value,
        kind: NumberKind::Ordinal,
        article: false,
        tail_scale: None,
        first_atom: el.atom,
        last_atom: el.atom,
    })
}
