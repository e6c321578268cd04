//! Years written out in words: "nineteen eighty six", "nineteen hundred ninety three", "two thousand and
//! fifteen", "twenty twenty". Only read where a year is expected (after a date, after "in"), since alone
//! such words are ordinary numbers.

use super::{M, P};
use crate::extract::dates::lang::Role;
use crate::extract::dates::tokens::Kind;

impl P<'_> {
    /// A year in words starting at `i`.
    pub(super) fn year_words(&self, i: usize) -> M<i32> {
        let word_count = |k: usize| -> M<i64> {
            self.tok(k).filter(|t| t.kind == Kind::Word)?;
            self.count(k)
        };
        let (j, a) = word_count(i)?;
        let number_at = |k: usize| self.word(k).and_then(|w| self.l.numbers.get(w)).copied();
        let and = |k: usize| self.is(k, Role::And).unwrap_or(k);
        let small = |k: usize| word_count(k).filter(|(_, n)| (1..100).contains(n));
        let (end, y) = if (2..10).contains(&a) && number_at(j) == Some(1000) {
            // "two thousand (and fifteen)"; "a thousand" is a quantity.
            match small(and(j + 1)) {
                Some((e, b)) => (e, a * 1000 + b),
                None => (j + 1, a * 1000),
            }
        } else if (10..100).contains(&a) && number_at(j) == Some(100) {
            // "nineteen hundred (and) ninety three"
            match small(and(j + 1)) {
                Some((e, b)) => (e, a * 100 + b),
                None => (j + 1, a * 100),
            }
        } else if (10..100).contains(&a) {
            // "nineteen eighty six", "twenty twenty"
            let (e, b) = small(j).filter(|(_, b)| *b >= 10)?;
            (e, a * 100 + b)
        } else {
            return None;
        };
        (1000..=2199)
            .contains(&y)
            .then_some((end, i32::try_from(y).ok()?))
    }
}
