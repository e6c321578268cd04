//! Numbers composed from words and digits: "two hundred and two thousand", "3.5 million", "half a dozen",
//! "one and a half", "two thirds of a million", "twenty-three fifths", "zwei Millionen eintausend…".
//!
//! The grammar reads elements (number words, digit literals, compound words) left to right. An integer is
//! built with the usual accumulator (units and tens add, "hundred" multiplies the group, a scale word closes
//! the group and multiplies it); a word that cannot continue the number ends it, and a new number may start
//! there ("three-nought-four" is three numbers). Fractions, decimals and mixed numbers are read after the
//! integer part. Conventions for fractions follow the usual reading:
//! - a denominator word after a whole number divides it ("twenty fifths" = 4); when a tens word stands right
//!   before a unit ordinal and something precedes it, they form the denominator ("one hundred thirty fifths"
//!   = 100/35, "twenty twenty fifths" = 20/25);
//! - after "and", a proper fraction is added ("one hundred and three quarters" = 100.75), an improper one
//!   takes the whole number as numerator ("one hundred and thirty fifths" = 26);
//! - a fraction after a scale applies to that scale ("one million and a half" = 1,500,000) and before a
//!   scale multiplies it ("five and a half million").

use super::NumberKind;
use super::compound::compound_value;
use super::lexicon::{NumberLexicon, Ordinal, WordClass};
use super::scan::{Atom, AtomKind};

/// One element of the number grammar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ElKind {
    Class(WordClass),
    Ord(Ordinal),
    /// A compound number word ("dreihundert"); `fraction` for "dreiviertel".
    Group(f64, bool),
    /// A digit literal (see the atom).
    Lit,
    /// Anything else: ends a number.
    Stop,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct El {
    pub kind: ElKind,
    /// Index of the atom.
    pub atom: usize,
    /// A hyphen joins it to the previous element ("twenty-one").
    pub hyphen_before: bool,
    /// A plural multiplier ("hundreds").
    pub plural: bool,
}

/// Elements of the atoms: hyphens between two elements become a flag, other punctuation a stop.
pub(crate) fn elements(atoms: &[Atom], lex: &NumberLexicon) -> Vec<El> {
    let mut els: Vec<El> = Vec::with_capacity(atoms.len());
    let mut hyphen = false;
    for (i, a) in atoms.iter().enumerate() {
        let kind = match &a.kind {
            AtomKind::Punct('-' | '‑') => {
                let next_ok = atoms
                    .get(i + 1)
                    .is_some_and(|n| !matches!(n.kind, AtomKind::Punct(_)));
                if next_ok && !els.is_empty() && !hyphen {
                    hyphen = true;
                    continue;
                }
                ElKind::Stop
            }
            AtomKind::Punct(_) => ElKind::Stop,
            AtomKind::Lit(_) => ElKind::Lit,
            AtomKind::Word => classify(&a.lower, lex),
        };
        els.push(El {
            kind,
            atom: i,
            hyphen_before: hyphen,
            plural: matches!(a.kind, AtomKind::Word) && lex.plural_words.contains(&a.lower),
        });
        hyphen = false;
    }
    els
}

fn classify(lower: &str, lex: &NumberLexicon) -> ElKind {
    if let Some(c) = lex.word(lower) {
        return ElKind::Class(c);
    }
    if let Some(o) = lex.ordinal(lower) {
        return ElKind::Ord(o);
    }
    match compound_value(lower, lex) {
        Some((v, frac)) => ElKind::Group(v, frac),
        None => ElKind::Stop,
    }
}

/// A number read from elements `first..end`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Parsed {
    pub value: f64,
    pub kind: NumberKind,
    pub first: usize,
    pub end: usize,
    /// Only an article that may be a numeral ("ein").
    pub article: bool,
    /// The scale word the number ends with ("3 million"), for ranges that share it ("2 to 3 million").
    pub tail_scale: Option<f64>,
}

/// The integer part of a number.
#[derive(Debug, Clone, Default)]
struct Int {
    value: f64,
    end: usize,
    /// Smallest scale used so far, and whether the number ends right after a scale word.
    last_scale: Option<f64>,
    ends_with_scale: bool,
    /// Value before the last "and" that was followed by more of the number, and the scale word right
    /// before that "and" ("two million and three fifths").
    before_and: Option<f64>,
    before_and_scale: Option<f64>,
    /// Index of the last element when it is a tens word not preceded by "and".
    last_tens: Option<usize>,
    /// Number-bearing elements read.
    count: usize,
    started_with_a: bool,
    article: bool,
    /// The literal it consists of, when it is a single non-integer literal.
    literal_kind: Option<NumberKind>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Low {
    Empty,
    Unit,
    Teen,
    Tens,
    TensUnit,
    Other,
    Dozen,
}

pub(crate) struct Grammar<'a> {
    pub text: &'a str,
    pub els: &'a [El],
    pub atoms: &'a [Atom],
    pub lex: &'a NumberLexicon,
}

impl Grammar<'_> {
    fn class(&self, j: usize) -> Option<WordClass> {
        match self.els.get(j)?.kind {
            ElKind::Class(c) => Some(c),
            _ => None,
        }
    }

    fn ord(&self, j: usize) -> Option<Ordinal> {
        match self.els.get(j)?.kind {
            ElKind::Ord(o) => Some(o),
            _ => None,
        }
    }

    fn lit(&self, j: usize) -> Option<&super::literal::Literal> {
        let el = self.els.get(j)?;
        if el.kind != ElKind::Lit {
            return None;
        }
        self.atoms.get(el.atom)?.literal()
    }

    fn is_multiplier(&self, j: usize) -> bool {
        matches!(
            self.class(j),
            Some(WordClass::Hundred | WordClass::Scale(_) | WordClass::Dozen)
        ) && !self.els.get(j).is_some_and(|e| e.plural)
    }

    /// Reads the integer part starting at element `i`, using elements before `limit` only.
    fn integer(&self, i: usize, limit: usize) -> Option<Int> {
        let mut int = Int::default();
        let (mut total, mut hund, mut low) = (0.0_f64, 0.0_f64, 0.0_f64);
        let mut state = Low::Empty;
        let mut hund_set = false;
        let mut pending_and: Option<f64> = None;
        let mut and_before_tens = false;
        let mut j = i;
        while j < limit {
            let el = self.els[j];
            let any = int.count > 0;
            let hyphen_ok = !el.hyphen_before || !any || state == Low::Tens;
            if !hyphen_ok {
                break;
            }
            let accepted = match el.kind {
                ElKind::Class(WordClass::A) | ElKind::Class(WordClass::Article) if !any => {
                    let article = el.kind == ElKind::Class(WordClass::Article);
                    if self.is_multiplier(j + 1) {
                        low = 1.0;
                        state = Low::Unit;
                        int.started_with_a = true;
                        true
                    } else if article {
                        int.value = 1.0;
                        int.end = j + 1;
                        int.count = 1;
                        int.article = true;
                        return Some(int);
                    } else {
                        false
                    }
                }
                ElKind::Class(WordClass::Zero) if !any => {
                    int.end = j + 1;
                    int.count = 1;
                    return Some(int);
                }
                ElKind::Class(WordClass::Unit(u)) => match state {
                    Low::Empty => {
                        low += u;
                        state = Low::Unit;
                        true
                    }
                    Low::Tens if pending_and.is_none() || and_before_tens => {
                        low += u;
                        state = Low::TensUnit;
                        true
                    }
                    _ => false,
                },
                ElKind::Class(WordClass::Teen(t)) if state == Low::Empty => {
                    low += t;
                    state = Low::Teen;
                    true
                }
                ElKind::Class(WordClass::Tens(t)) if state == Low::Empty => {
                    low += t;
                    state = Low::Tens;
                    true
                }
                ElKind::Group(v, frac) if state == Low::Empty && !hund_set => {
                    let after_scale = int.last_scale.is_some_and(|s| v < s);
                    if !any || (after_scale && !frac) {
                        low = v;
                        state = Low::Other;
                        true
                    } else {
                        false
                    }
                }
                ElKind::Class(WordClass::Value(v)) if !any => {
                    low = v;
                    state = Low::Other;
                    true
                }
                ElKind::Lit => match self.lit(j) {
                    Some(l) if !l.blocked && l.kind != NumberKind::Ordinal => {
                        if !any {
                            low = l.value;
                            state = Low::Other;
                            if !l.is_integer() {
                                int.literal_kind = Some(l.kind);
                            }
                            true
                        } else if state == Low::Empty
                            && l.is_integer()
                            && l.value >= 1.0
                            && ((pending_and.is_some()
                                && l.value < 100.0
                                && (hund_set || int.last_scale.is_some()))
                                || (pending_and.is_none()
                                    && !hund_set
                                    && int.last_scale.is_some_and(|s| l.value < s.min(1000.0))
                                    && self.is_multiplier(j + 1)))
                        {
                            low = l.value;
                            state = Low::Other;
                            true
                        } else {
                            false
                        }
                    }
                    _ => false,
                },
                ElKind::Class(WordClass::Hundred) if !hund_set && pending_and.is_none() => {
                    if state == Low::Empty {
                        if !any && !el.plural {
                            hund = 100.0;
                            hund_set = true;
                            true
                        } else {
                            false
                        }
                    } else if state != Low::Dozen && low < 100.0 || state == Low::Other {
                        hund = low * 100.0;
                        low = 0.0;
                        state = Low::Empty;
                        hund_set = true;
                        true
                    } else {
                        false
                    }
                }
                ElKind::Class(WordClass::Scale(s)) if pending_and.is_none() => {
                    let group = hund + low;
                    if group == 0.0 && !hund_set {
                        if !any && !el.plural {
                            total = s;
                            int.last_scale = Some(s);
                            true
                        } else if any && total > 0.0 && int.ends_with_scale {
                            // "three lakh crore": a larger scale right after a scale multiplies it all.
                            total *= s;
                            int.last_scale = Some(s);
                            true
                        } else {
                            false
                        }
                    } else if int.last_scale.is_none_or(|ls| s < ls) {
                        total += group * s;
                        hund = 0.0;
                        low = 0.0;
                        hund_set = false;
                        state = Low::Empty;
                        int.last_scale = Some(s);
                        true
                    } else {
                        false
                    }
                }
                ElKind::Class(WordClass::Dozen) if pending_and.is_none() && state != Low::Dozen => {
                    if state == Low::Empty && !hund_set {
                        if !any && !el.plural {
                            low = 12.0;
                            state = Low::Dozen;
                            true
                        } else {
                            false
                        }
                    } else if state != Low::Empty {
                        low *= 12.0;
                        state = Low::Dozen;
                        true
                    } else {
                        false
                    }
                }
                ElKind::Class(WordClass::And) if any && pending_and.is_none() => {
                    let after_group = state == Low::Empty && (hund_set || int.ends_with_scale);
                    let tens_unit = state == Low::Tens
                        && matches!(self.class(j + 1), Some(WordClass::Unit(_)))
                        && self.ord(j + 2).is_none();
                    let next_ok = matches!(
                        self.class(j + 1),
                        Some(WordClass::Unit(_) | WordClass::Teen(_) | WordClass::Tens(_))
                    ) || matches!(
                        self.els.get(j + 1).map(|e| e.kind),
                        Some(ElKind::Lit | ElKind::Group(_, false))
                    );
                    // "3 hundred and 2 hundred": a second group of the same rank is another number.
                    let second_group =
                        hund_set && matches!(self.class(j + 2), Some(WordClass::Hundred));
                    if ((after_group && next_ok) || tens_unit) && !second_group {
                        pending_and = Some(total + hund + low);
                        int.before_and_scale = if int.ends_with_scale {
                            int.last_scale
                        } else {
                            None
                        };
                        and_before_tens = tens_unit;
                        j += 1;
                        continue;
                    }
                    false
                }
                _ => false,
            };
            if !accepted {
                break;
            }
            if pending_and.is_some() && el.kind != ElKind::Class(WordClass::And) {
                int.before_and = pending_and.take();
            }
            int.ends_with_scale = matches!(el.kind, ElKind::Class(WordClass::Scale(_)));
            int.last_tens = match el.kind {
                ElKind::Class(WordClass::Tens(_)) if int.before_and.is_none() && int.count > 0 => {
                    Some(j)
                }
                _ => None,
            };
            if !matches!(el.kind, ElKind::Class(WordClass::A | WordClass::Article)) {
                int.count += 1;
            }
            j += 1;
            int.end = j;
        }
        if int.count == 0 {
            return None;
        }
        int.value = total + hund + low;
        Some(int)
    }

    /// The number starting at element `i`, if one does.
    pub fn number(&self, i: usize) -> Option<Parsed> {
        let el = self.els.get(i)?;
        if el.kind == ElKind::Class(WordClass::Minus) {
            let next = self.els.get(i + 1)?;
            if next.kind == ElKind::Class(WordClass::Minus) {
                return None;
            }
            let mut p = self.number(i + 1)?;
            if p.article {
                return None;
            }
            p.value = -p.value;
            p.first = i;
            return Some(p);
        }
        // "half", "half a dozen", "quarter million".
        if let ElKind::Ord(o) = el.kind {
            if o.singular && !o.plural && (o.value == 2.0 || o.value == 4.0) && !o.compound_only {
                let frac = 1.0 / o.value;
                if let Some((mult, end)) = self.multiplier_tail(i + 1) {
                    return Some(self.parsed(frac * mult, NumberKind::Fraction, i, end));
                }
                if o.value == 2.0 {
                    return Some(self.parsed(frac, NumberKind::Fraction, i, i + 1));
                }
            }
            return None;
        }
        let Some(int) = self.integer(i, self.els.len()) else {
            // "a fifth", "ein halbes", "a twenty-first".
            if matches!(el.kind, ElKind::Class(WordClass::A | WordClass::Article))
                && let Some((den, end)) = self.denominator(i + 1, true)
            {
                return Some(self.with_multiplier(1.0 / den, i, end));
            }
            return None;
        };
        let k = int.end;
        if self.name_like(i, &int) {
            return None;
        }
        if int.literal_kind.is_some() && self.lit(i).is_some() && int.count == 1 {
            let kind = int.literal_kind.unwrap_or(NumberKind::Decimal);
            return Some(self.parsed(int.value, kind, i, k));
        }
        let single_word = int.count == 1 && self.els[i].kind != ElKind::Lit;
        // Decimals in words: "two hundred point zero three".
        if self.class(k) == Some(WordClass::Point)
            && self.els[i].kind != ElKind::Lit
            && let Some((frac, end)) = self.decimal_words(k + 1)
        {
            return Some(self.parsed(int.value + frac, NumberKind::Decimal, i, end));
        }
        // A denominator right after the integer ("100 millionths" is not a fraction: digits take "/").
        let digits_first = self.els[i].kind == ElKind::Lit;
        if let (Some(o), false) = (self.ord(k), digits_first)
            && let Some(p) = self.fraction_after(&int, i, k, o)
        {
            return Some(p);
        }
        // "twenty twenty fifths": the next tens word starts the denominator.
        if let (Some(WordClass::Tens(t)), Some(o)) = (self.class(k), self.ord(k + 1))
            && o.value < 10.0
            && (o.plural || (o.singular && int.value == 1.0))
        {
            return Some(self.with_multiplier(int.value / (t + o.value), i, k + 2));
        }
        // "one one hundred fifth": a whole ordinal number as the denominator of one.
        if int.value == 1.0
            && single_word
            && let Some(den_int) = self.integer(k, self.els.len())
            && let Some(o) = self.ord(den_int.end)
            && o.value < 100.0
            && o.singular
            && den_int.value >= 100.0
        {
            return Some(self.parsed(
                1.0 / (den_int.value + o.value),
                NumberKind::Fraction,
                i,
                den_int.end + 1,
            ));
        }
        // Mixed numbers: "one and a half", "two million and three fifths", "fünf und drei Viertel Milliarde".
        if self.class(k) == Some(WordClass::And)
            && let Some((frac, end)) = self.proper_fraction(k + 1)
        {
            if let Some(WordClass::Scale(s)) = self.class(end) {
                let value = if int.last_scale.is_some_and(|ls| ls > s) {
                    int.value + frac * s
                } else {
                    (int.value + frac) * s
                };
                return Some(self.parsed(value, NumberKind::Fraction, i, end + 1));
            }
            let value = match int.last_scale {
                Some(s) if int.ends_with_scale && s >= 1000.0 => int.value + frac * s,
                _ => int.value + frac,
            };
            return Some(self.parsed(value, NumberKind::Fraction, i, end));
        }
        // "one over three", "two out of five", "1 in 21".
        if let Some(p) = self.ratio(&int, i, k) {
            return Some(p);
        }
        // "The one you mentioned": "one" after a determiner is a pronoun.
        if single_word && int.value == 1.0 && !int.article {
            let prev = self.els[i]
                .atom
                .checked_sub(1)
                .and_then(|a| self.atoms.get(a));
            if prev.is_some_and(|p| self.lex.not_one.contains(&p.lower)) {
                return None;
            }
        }
        let kind = if int.value.fract() == 0.0 {
            NumberKind::Integer
        } else if int.literal_kind == Some(NumberKind::Fraction) {
            NumberKind::Fraction
        } else {
            NumberKind::Decimal
        };
        let mut p = self.parsed(int.value, kind, i, k);
        p.article = int.article;
        if int.ends_with_scale {
            p.tail_scale = int.last_scale;
        }
        Some(p)
    }

    /// "Claudia Tausend": a bare capitalised multiplier right after a capitalised word is part of a name.
    fn name_like(&self, i: usize, int: &Int) -> bool {
        if int.count != 1 || !self.is_multiplier(i) {
            return false;
        }
        let atom_idx = self.els[i].atom;
        let Some(atom) = self.atoms.get(atom_idx) else {
            return false;
        };
        let prev = atom_idx.checked_sub(1).and_then(|p| self.atoms.get(p));
        atom.capitalised(self.text)
            && prev.is_some_and(|p| matches!(p.kind, AtomKind::Word) && p.capitalised(self.text))
    }

    fn parsed(&self, value: f64, kind: NumberKind, first: usize, end: usize) -> Parsed {
        Parsed {
            value,
            kind,
            first,
            end,
            article: false,
            tail_scale: None,
        }
    }

    /// A fraction whose denominator is the ordinal `o` at `k`, right after the integer `int`.
    fn fraction_after(&self, int: &Int, i: usize, k: usize, o: Ordinal) -> Option<Parsed> {
        if int.article && !o.plural {
            return None;
        }
        // "one hundred thirty fifths" = 100/35, "one hundred thirty-fifths" likewise.
        if let Some(t) = int.last_tens
            && o.value < 10.0
            && t + 1 == k
            && t > i
            && let (Some(WordClass::Tens(tv)), Some(prefix)) = (self.class(t), self.integer(i, t))
            && prefix.end == t
        {
            return Some(self.with_multiplier(prefix.value / (tv + o.value), i, k + 1));
        }
        if o.compound_only {
            return None;
        }
        if let Some(before) = int.before_and {
            let num = int.value - before;
            if num < o.value && (o.plural || (o.singular && num == 1.0)) {
                let frac = num / o.value;
                let outer = int.before_and_scale.unwrap_or(f64::INFINITY);
                // "one billion and three quarters million": the fraction is of the scale after it.
                if let Some(WordClass::Scale(s)) = self.class(k + 1)
                    && s < outer
                {
                    return Some(self.parsed(before + frac * s, NumberKind::Fraction, i, k + 2));
                }
                let value = before + frac * int.before_and_scale.unwrap_or(1.0);
                return Some(self.parsed(value, NumberKind::Fraction, i, k + 1));
            }
        }
        if !(o.plural || (o.singular && int.value == 1.0)) {
            return None;
        }
        Some(self.with_multiplier(int.value / o.value, i, k + 1))
    }

    /// A fraction value followed by an optional multiplier ("two thirds of a million", "ein halbes Dutzend").
    fn with_multiplier(&self, value: f64, first: usize, end: usize) -> Parsed {
        match self.multiplier_tail(end) {
            Some((m, e)) => self.parsed(value * m, NumberKind::Fraction, first, e),
            None => self.parsed(value, NumberKind::Fraction, first, end),
        }
    }

    /// "[of] [a] million|dozen" at `j`: the multiplier and the end.
    fn multiplier_tail(&self, mut j: usize) -> Option<(f64, usize)> {
        if self.class(j) == Some(WordClass::Of) {
            j += 1;
            if !matches!(self.class(j), Some(WordClass::A)) {
                return None;
            }
        }
        if matches!(self.class(j), Some(WordClass::A | WordClass::Article)) {
            j += 1;
        }
        match self.class(j)? {
            WordClass::Scale(s) => Some((s, j + 1)),
            WordClass::Dozen => Some((12.0, j + 1)),
            _ => None,
        }
    }

    /// A denominator at `j`: an ordinal, or a tens word and a unit ordinal ("twenty-first"). With `single`,
    /// a singular denominator (after "a"/"one").
    fn denominator(&self, j: usize, single: bool) -> Option<(f64, usize)> {
        if let Some(o) = self.ord(j) {
            if o.compound_only {
                return None;
            }
            if (single && !o.singular) || (!single && !o.plural) {
                return None;
            }
            return Some((o.value, j + 1));
        }
        if let (Some(WordClass::Tens(t)), Some(o)) = (self.class(j), self.ord(j + 1))
            && o.value < 10.0
        {
            return Some((t + o.value, j + 2));
        }
        None
    }

    /// A proper fraction at `j` ("a half", "three quarters", "one fourth", "zwei Drittel").
    fn proper_fraction(&self, j: usize) -> Option<(f64, usize)> {
        if matches!(self.class(j), Some(WordClass::A | WordClass::Article))
            && let Some((den, end)) = self.denominator(j + 1, true)
        {
            return Some((1.0 / den, end));
        }
        let num = self.integer(j, self.els.len())?;
        let (den, end) = self.denominator(num.end, num.value == 1.0)?;
        (num.value < den).then_some((num.value / den, end))
    }

    /// Digits spelled after "point": "zero three" = .03, "seventy-one" = .71.
    fn decimal_words(&self, mut j: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        while let Some(c) = self.class(j) {
            match c {
                WordClass::Zero => digits.push('0'),
                WordClass::Unit(u) | WordClass::Teen(u) => digits.push_str(&format!("{u}")),
                WordClass::Tens(t) => {
                    if let Some(WordClass::Unit(u)) = self.class(j + 1) {
                        digits.push_str(&format!("{}", t + u));
                        j += 1;
                    } else {
                        digits.push_str(&format!("{t}"));
                    }
                }
                _ => break,
            }
            j += 1;
        }
        if digits.is_empty() {
            return None;
        }
        let frac: f64 = format!("0.{digits}").parse().ok()?;
        Some((frac, j))
    }

    /// "X over Y", "X out of Y", "X in Y" as a fraction, when it reads as one.
    fn ratio(&self, int: &Int, i: usize, k: usize) -> Option<Parsed> {
        let link = self.class(k)?;
        let start = match link {
            WordClass::Over | WordClass::In => k + 1,
            WordClass::Out if self.class(k + 1) == Some(WordClass::Of) => k + 2,
            _ => return None,
        };
        let den = self.integer(start, self.els.len())?;
        if den.value == 0.0 || den.article || int.article {
            return None;
        }
        // "$2000 over 3 years" is a duration, not a fraction.
        let after = self.els.get(den.end).and_then(|e| self.atoms.get(e.atom));
        if after.is_some_and(|a| {
            self.lex.units.iter().any(|(w, kind)| {
                *kind == super::lexicon::UnitKind::Time && w.len() == 1 && w[0] == a.lower
            })
        }) {
            return None;
        }
        let ok = match link {
            WordClass::Over => true,
            WordClass::Out => int.value < den.value,
            _ => {
                let year_like = self.lit(start).is_some_and(|l| l.plain && l.digits == 4);
                int.value < den.value && !year_like
            }
        };
        if !ok {
            return None;
        }
        Some(self.parsed(int.value / den.value, NumberKind::Fraction, i, den.end))
    }
}
