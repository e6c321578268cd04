//! Rules for periods named through another period or day: "the first week of 2015", "the last 3 weeks of
//! this year", "the week of April 10th", "Labor Day weekend", "the year" (the current one), and periods
//! that are found but cannot be placed (seasons, fiscal years).

use super::{M, P};
use crate::extract::dates::expr::{Expr, Part, YearRef};
use crate::extract::dates::lang::{Modifier, Role, Unit};
use crate::extract::dates::tokens::Kind;

impl P<'_> {
    /// "the first week of 2015", "3rd week of Jan", "the last 3 weeks of this year", "first ten days of last
    /// year", "the 9th month of next year", "the 15th day of next month", "twenty third day of September".
    pub(super) fn within(&self, i: usize) -> M<Expr> {
        let j = self.skip(i, Role::Det);
        let (k, nth) = match self.modifier(j) {
            Some((k, Modifier::Prev)) => (k, -1),
            _ => {
                let (k, (n, marked)) = self.day(j)?;
                if !marked {
                    return None;
                }
                (k, i64::from(n))
            }
        };
        // "the last 3 weeks", "first ten days": a count only after the first or last.
        let (k, count) = match self.count(k) {
            Some((k2, n)) if nth.abs() == 1 && self.unit(k2).is_some() => (k2, n),
            _ => (k, 1),
        };
        let (k, unit) = self.unit(k)?;
        if !matches!(unit, Unit::Day | Unit::Week | Unit::Month) {
            return None;
        }
        let k = self.is(k, Role::Of)?;
        let (end, inner) = self.period_after_of(k)?;
        // A day is a day of a month, a month a month of a year.
        let fits = match (&inner, unit) {
            (Expr::Part(p), Unit::Month) => p.month.is_none(),
            (Expr::Period { unit: u, .. }, Unit::Month) => *u == Unit::Year,
            (Expr::Part(p), _) => p.day.is_none(),
            _ => true,
        };
        fits.then_some((
            end,
            Expr::Within {
                unit,
                nth,
                count,
                inner: Box::new(inner),
            },
        ))
    }

    /// A month or year after "of": "2015", "Jan 2015", "July", "this month", "next year", "the month".
    fn period_after_of(&self, k: usize) -> M<Expr> {
        let month_or_year = |e: &Expr| match e {
            Expr::Part(p) => p.day.is_none() && (p.month.is_some() || p.year.is_some()),
            Expr::Period { unit, .. } => matches!(unit, Unit::Month | Unit::Year),
            Expr::ModMonth { .. } => true,
            _ => false,
        };
        [
            self.date(k),
            self.year(k).map(|(e, y)| {
                (
                    e,
                    Expr::Part(Part {
                        year: Some(y),
                        ..Part::default()
                    }),
                )
            }),
            self.month(k).map(|(e, m)| {
                (
                    e,
                    Expr::Part(Part {
                        month: Some(m),
                        ..Part::default()
                    }),
                )
            }),
            self.month_alone(k),
            self.relative(k),
            self.the_period(k),
        ]
        .into_iter()
        .flatten()
        .filter(|(_, e)| month_or_year(e))
        .max_by_key(|(e, _)| *e)
    }

    /// "this 5/12", "next 5/12", "next 6th of April": a month and day in this, next or last year.
    pub(super) fn mod_date(&self, i: usize) -> M<Expr> {
        let (j, m) = self.modifier(i)?;
        let offset = match m {
            Modifier::This => 0,
            Modifier::Next => 1,
            Modifier::Prev => -1,
            _ => return None,
        };
        match self.date_cued(j, true)? {
            (end, Expr::Part(part))
                if part.year.is_none()
                    && part.month.is_some()
                    && part.day.is_some()
                    && part.weekday.is_none() =>
            {
                Some((end, Expr::ModDate { part, offset }))
            }
            _ => None,
        }
    }

    /// "the week of April 10th", "the week beginning February 4", "w/c Feb 4", "the week of the 18th".
    pub(super) fn week_of(&self, i: usize) -> M<Expr> {
        let j = self.skip(i, Role::Det);
        let k = self.is(j, Role::WeekOf)?;
        let (end, day) = [self.date(k), self.day_alone(k), self.holiday(k)]
            .into_iter()
            .flatten()
            .filter(|(_, e)| match e {
                Expr::Part(p) => p.day.is_some(),
                _ => true,
            })
            .max_by_key(|(e, _)| *e)?;
        Some((end, Expr::WeekOf(Box::new(day))))
    }

    /// "Labor Day weekend", "Halloween weekend 2021", "Labor Day 2021 weekend", "the weekend of
    /// Thanksgiving 2023".
    pub(super) fn holiday_weekend(&self, i: usize) -> M<Expr> {
        let j = self.skip(i, Role::Det);
        if let Some((k, Unit::Weekend)) = self.unit(j)
            && let Some(k2) = self.is(k, Role::Of)
        {
            let (end, h) = self.holiday(k2)?;
            return Some((end, Expr::HolidayWeekend(Box::new(h))));
        }
        let (k, mut h) = self.holiday(i)?;
        let (k2, Unit::Weekend) = self.unit(k)? else {
            return None;
        };
        let mut end = k2;
        if let Expr::Holiday {
            year: year @ YearRef::Nearest,
            ..
        } = &mut h
            && let Some((e, y)) = self.year(k2)
        {
            *year = YearRef::Absolute(y);
            end = e;
        }
        Some((end, Expr::HolidayWeekend(Box::new(h))))
    }

    /// "the year", "the month", "the week", "the fortnight": the current one ("sales in the year", "partner
    /// of the month"). Not where the phrase names some other period: "the year's best", "the week of talks",
    /// "the year before", "the month when …".
    pub(super) fn the_period(&self, i: usize) -> M<Expr> {
        let (end, unit) = self.phrases(i).find_map(|(j, r)| match r {
            Role::Current(u) => Some((j, u)),
            _ => None,
        })?;
        let next = self.tok(end);
        let names_other = next.is_some_and(|t| {
            (t.kind == Kind::Punct && matches!(t.text.as_str(), "'" | "’" | "-") && self.glued(end))
                || t.kind == Kind::Num
                || (t.kind == Kind::Word
                    && (self.phrase(end).is_some_and(|(_, r)| {
                        matches!(
                            r,
                            Role::Of
                                | Role::ShiftAfter
                                | Role::ShiftBefore
                                | Role::Earlier
                                | Role::Later
                                | Role::LaterIn
                                | Role::Since
                                | Role::Until
                                | Role::RangeTo
                                | Role::Ago
                        )
                    }) || matches!(
                        t.text.as_str(),
                        "when" | "that" | "which" | "in" | "where" | "it" | "before" | "after"
                    )))
        });
        (!names_other).then_some((end, Expr::Period { unit, offset: 0 }))
    }

    /// Seasons, fiscal and school years: "this summer", "last fiscal year", "fiscal year 2008", "in the
    /// fall", "Winter, …". Alone (without a modifier, a year or a preposition before) only at the start of
    /// a sentence, since "fall" and "spring" are also verbs and nouns.
    pub(super) fn vague(&self, i: usize) -> M<Expr> {
        let (j, modified) = match self.modifier(i) {
            Some((j, _)) => (j, true),
            None => (i, false),
        };
        let k = self.is(j, Role::Vague)?;
        let (end, year) = match self.year(k) {
            Some((e, _)) => (e, true),
            None => match self.is(k, Role::Of).and_then(|o| self.year(o)).or_else(|| {
                self.is(k, Role::Of)
                    .and_then(|o| self.relative(o).map(|r| (r.0, 0)))
            }) {
                Some((e, _)) => (e, true),
                None => (k, false),
            },
        };
        // "the fall of Kabul", "Summer Olympics", "spring cleaning".
        if !year
            && (self.is(k, Role::Of).is_some()
                || self
                    .tok(k)
                    .is_some_and(|t| t.kind == Kind::Word && t.capitalised))
        {
            return None;
        }
        // "in the summer", "of fall", "since spring" — not "to fall", "and spring".
        let cued = i > 0
            && (i.saturating_sub(2)..i).any(|s| {
                self.phrases(s).any(|(e, r)| {
                    e == i
                        && matches!(
                            r,
                            Role::In
                                | Role::Of
                                | Role::Det
                                | Role::On
                                | Role::Since
                                | Role::Until
                                | Role::RangeOpen
                        )
                })
            });
        (modified || year || cued || self.sentence_start(i)).then_some((end, Expr::Vague))
    }
}
