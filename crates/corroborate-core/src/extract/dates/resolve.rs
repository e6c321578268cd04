//! Places an [`Expr`] on the calendar, given the anchor date (the publication date, or another dated piece
//! of evidence of the same story).
//!
//! Conventions (the module docs of `extract::dates` state them for users):
//! - weeks run Monday to Sunday; "last week" is the whole previous week;
//! - a date without a year ("June 20") is the occurrence nearest the anchor, leaning to the past: a future
//!   occurrence counts as twice as far away; with a future-tense cue, the first occurrence on or after it;
//! - a bare weekday is the most recent such day on or before the anchor (the anchor itself when it is that
//!   weekday); with a future-tense cue the first one on or after the anchor;
//! - "next/last Friday" are the Fridays of next/last week, "this Friday" the one of this week, "past Friday"
//!   the latest before the anchor, "coming Friday" the first after it.

use super::civil::{self, Day, days_in_month, month_bounds, year_bounds};
use super::expr::{Expr, Part, Third, YearRef};
use super::lang::{Holiday, Modifier, Unit};

/// Where an expression lies: first and last day (equal for one day), and whether it needed the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub start: Day,
    pub end: Day,
    /// One day rather than a period that happens to be one day long.
    pub point: bool,
    pub relative: bool,
    /// Open ranges: no first day ("before 2018") or no last day ("since May").
    pub open_start: bool,
    pub open_end: bool,
}

/// How to resolve: the anchor day (if any) and the tense of the sentence.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub anchor: Option<Day>,
    pub future: bool,
}

type Bounds = (Day, Day);

/// Places `e`; `None` when it needs an anchor there is not, or names no real date (30 February).
pub fn place(e: &Expr, c: &Ctx) -> Option<Placed> {
    let (inner, open_start, open_end) = match e {
        Expr::OpenStart { from, .. } => (from.as_ref(), false, true),
        Expr::OpenEnd { to, .. } => (to.as_ref(), true, false),
        other => (other, false, false),
    };
    let (b, point, relative) = bounds(inner, c, None)?;
    let (start, end) = match e {
        Expr::OpenStart {
            inclusive: false, ..
        } => (b.1.plus_days(1), b.1),
        Expr::OpenEnd {
            inclusive: false, ..
        } => (b.0, b.0.plus_days(-1)),
        _ => b,
    };
    Some(Placed {
        start,
        end,
        point: point && !open_start && !open_end,
        relative,
        open_start,
        open_end,
    })
}

/// Bounds, whether it is a single day, whether the anchor was used. `after`: for the second end of a range,
/// the first end's start, which an expression without a year must not precede.
fn bounds(e: &Expr, c: &Ctx, after: Option<Day>) -> Option<(Bounds, bool, bool)> {
    match e {
        Expr::Part(p) => part(p, c, after),
        Expr::ModMonth { month, modifier } => {
            let a = c.anchor?;
            let (y, m, _) = a.ymd();
            let year = match modifier {
                Modifier::This => y,
                Modifier::Next | Modifier::Coming => {
                    if *month > m {
                        y
                    } else {
                        y + 1
                    }
                }
                Modifier::Prev | Modifier::Past => {
                    if *month < m {
                        y
                    } else {
                        y - 1
                    }
                }
                Modifier::Next2 => y + 1,
                Modifier::Prev2 => y - 1,
            };
            Some((month_bounds(year, *month)?, false, true))
        }
        Expr::RelDay(n) => {
            let d = c.anchor?.plus_days(*n);
            Some(((d, d), true, true))
        }
        Expr::Weekday {
            weekday,
            modifier,
            week,
        } => {
            let d = weekday_day(c, after, *weekday, *modifier, *week)?;
            Some(((d, d), true, true))
        }
        Expr::Period { unit, offset } => Some((period(c.anchor?, *unit, *offset)?, false, true)),
        Expr::Running { n, unit, forward } => {
            Some((running(c.anchor?, *n, *unit, *forward)?, false, true))
        }
        Expr::Shift { base, by } => {
            let ((d, _), _, rel) = bounds(base, c, None)?;
            let mut d = d;
            for (n, u) in by {
                d = shift(d, *n, *u)?;
            }
            Some(((d, d), true, rel || base_is_relative(base)))
        }
        Expr::Earlier(unit) => {
            let a = c.anchor?;
            Some(((period(a, *unit, 0)?.0, a), false, true))
        }
        Expr::Later(unit) => {
            let a = c.anchor?;
            Some(((a, period(a, *unit, 0)?.1), false, true))
        }
        Expr::Decade(y) => Some(((year_bounds(*y)?.0, year_bounds(y + 9)?.1), false, false)),
        Expr::Century(n) => {
            let first = (n - 1) * 100;
            Some((
                (year_bounds(first)?.0, year_bounds(first + 99)?.1),
                false,
                false,
            ))
        }
        Expr::Quarter { year, quarter } => {
            let make = |y: i32| -> Option<Bounds> {
                let m = (quarter - 1) * 3 + 1;
                Some((month_bounds(y, m)?.0, month_bounds(y, m + 2)?.1))
            };
            in_year(c, after, *year, make)
        }
        Expr::Half { year, half } => {
            let make = |y: i32| -> Option<Bounds> {
                let m = (half - 1) * 6 + 1;
                Some((month_bounds(y, m)?.0, month_bounds(y, m + 5)?.1))
            };
            in_year(c, after, *year, make)
        }
        Expr::Week { year, week } => {
            let make = |y: i32| -> Option<Bounds> {
                let first = Day::from_ymd(y, 1, 4)?.week_start();
                let start = first.plus_days(7 * (i64::from(*week) - 1));
                (start.plus_days(3).year() == y).then_some((start, start.plus_days(6)))
            };
            in_year(c, after, *year, make)
        }
        Expr::Holiday {
            holiday,
            year,
            modifier,
        } => {
            let make = |y: i32| -> Option<Bounds> {
                let d = holiday_day(*holiday, y)?;
                Some((d, d))
            };
            let b = match (modifier, c.anchor) {
                (Some(Modifier::Next | Modifier::Coming | Modifier::Next2), Some(a)) => {
                    let y = a.year();
                    (y..=y + 1).filter_map(make).find(|b| b.0 > a)?
                }
                (Some(Modifier::Prev | Modifier::Past | Modifier::Prev2), Some(a)) => {
                    let y = a.year();
                    (y - 1..=y).rev().filter_map(make).find(|b| b.0 < a)?
                }
                _ => in_year(c, after, *year, make)?.0,
            };
            let relative = !matches!(year, YearRef::Absolute(_)) || modifier.is_some();
            Some((b, true, relative))
        }
        Expr::Part3 { inner, third } => {
            let ((s, e), _, rel) = bounds(inner, c, after)?;
            let (sy, sm, _) = s.ymd();
            let b = if e.0 - s.0 > 40 {
                // A year (or longer): thirds of four months.
                let m = |k: i64| s.plus_months(k);
                match third {
                    Third::Early => (s, m(4)?.plus_days(-1)),
                    Third::Mid => (m(4)?, m(8)?.plus_days(-1)),
                    Third::Late => (m(8)?, e),
                }
            } else {
                let d = |n: u32| Day::from_ymd(sy, sm, n);
                match third {
                    Third::Early => (s, d(15)?),
                    Third::Mid => (d(10)?, d(20)?),
                    Third::Late => (d(16)?, e),
                }
            };
            Some((b, false, rel))
        }
        Expr::OpenStart { from: x, .. } | Expr::OpenEnd { to: x, .. } => bounds(x, c, after),
        Expr::Range(l, r) => {
            // "will run from May to September", said in June: the range under way, not next year's. With a
            // future cue, the nearest reading counts as long as it has not ended before the anchor.
            if c.future
                && let Some(a) = c.anchor
            {
                let nearest = Ctx {
                    future: false,
                    ..*c
                };
                if let Some(b) = range(l, r, &nearest)
                    && b.0.1 >= a
                {
                    return Some(b);
                }
            }
            range(l, r, c)
        }
        Expr::WeekOf(inner) => {
            let ((s, _), _, rel) = bounds(inner, c, after)?;
            let ws = s.week_start();
            Some(((ws, ws.plus_days(6)), false, rel))
        }
        Expr::HolidayWeekend(inner) => {
            let ((d, _), _, rel) = bounds(inner, c, after)?;
            // A Monday or Tuesday holiday ends the weekend before it; a Thursday or Friday one starts the
            // weekend after it; on a weekend it is that weekend.
            let b = match d.weekday() {
                1 | 2 => (d.plus_days(-(i64::from(d.weekday()) + 1)), d),
                4 | 5 => (d, d.week_start().plus_days(6)),
                6 | 7 => (d.week_start().plus_days(5), d.week_start().plus_days(6)),
                _ => (d.week_start().plus_days(5), d.week_start().plus_days(6)),
            };
            Some((b, false, rel))
        }
        Expr::Within {
            unit,
            nth,
            count,
            inner,
        } => {
            let ((s, e), _, rel) = bounds(inner, c, after)?;
            let b = within(s, e, *unit, *nth, *count)?;
            Some((b, *unit == Unit::Day && *count == 1, rel))
        }
        Expr::ModDate { part, offset } => {
            let y = c.anchor?.year() + offset;
            let d = Day::from_ymd(y, part.month?, part.day?)?;
            Some(((d, d), true, true))
        }
        Expr::Vague => None,
    }
}

/// Both ends of a range: from the start of `l` to the end of `r` (placed not before `l`).
fn range(l: &Expr, r: &Expr, c: &Ctx) -> Option<(Bounds, bool, bool)> {
    let ((ls, _), _, lrel) = bounds(l, c, None)?;
    let ((_, re), _, rrel) = bounds(r, c, Some(ls))?;
    (re >= ls).then_some(((ls, re), false, lrel || rrel))
}

/// `count` units from the `nth` one of the period `s..=e` (negative `nth`: counted from its end). Weeks
/// belong to the period that holds their Thursday; days and months are calendar ones. `None` when the units
/// asked for do not fit in the period ("the 40th day of June").
fn within(s: Day, e: Day, unit: Unit, nth: i64, count: i64) -> Option<Bounds> {
    if nth == 0 || count < 1 {
        return None;
    }
    let (first, last, step) = match unit {
        Unit::Day => (s, e, 1),
        Unit::Week => {
            let mut first = s.week_start();
            if first.plus_days(3) < s {
                first = first.plus_days(7);
            }
            let mut last = e.week_start();
            if last.plus_days(3) > e {
                last = last.plus_days(-7);
            }
            (first, last.plus_days(6), 7)
        }
        Unit::Month => {
            let from = if nth > 0 {
                s.plus_months(nth - 1)?
            } else {
                e.plus_days(1).plus_months(nth - count + 1)?
            };
            let to = from.plus_months(count)?.plus_days(-1);
            return (from >= s && to <= e).then_some((from, to));
        }
        _ => return None,
    };
    let (from, to) = if nth > 0 {
        let from = first.plus_days(step * (nth - 1));
        (from, from.plus_days(step * count - 1))
    } else {
        let to = last.plus_days(step * (nth + 1));
        (to.plus_days(-(step * count - 1)), to)
    };
    (from >= first && to <= last).then_some((from, to))
}

fn base_is_relative(e: &Expr) -> bool {
    !matches!(e, Expr::Part(p) if p.year.is_some())
}

/// A calendar part: a full date, a month, a year, or one of them without the year (nearest the anchor).
fn part(p: &Part, c: &Ctx, after: Option<Day>) -> Option<(Bounds, bool, bool)> {
    match (p.year, p.month, p.day) {
        (Some(y), Some(m), Some(d)) => {
            let day = Day::from_ymd(y, m, d)?;
            Some(((day, day), true, false))
        }
        (Some(y), Some(m), None) => Some((month_bounds(y, m)?, false, false)),
        (Some(y), None, None) => Some((year_bounds(y)?, false, false)),
        (None, Some(m), Some(d)) => {
            // 29 February exists only in leap years: look further for it.
            let reach = if m == 2 && d == 29 { 8 } else { 1 };
            let b = nearest(c, after, reach, |y| {
                let day = Day::from_ymd(y, m, d)?;
                Some((day, day))
            })?;
            Some((b, true, true))
        }
        (None, Some(m), None) => Some((nearest(c, after, 1, |y| month_bounds(y, m))?, false, true)),
        (None, None, Some(d)) => {
            // A day of the month alone ("the 18th", "Monday 21"): the nearest month that has it (and whose
            // day falls on the weekday, when one is written).
            let a = c.anchor?;
            let (ay, am, _) = a.ymd();
            let reach = if p.weekday.is_some() { 14 } else { 1 };
            let mut candidates = Vec::new();
            for k in -reach..=reach {
                let index = i64::from(ay) * 12 + i64::from(am) - 1 + k;
                let y = i32::try_from(index.div_euclid(12)).ok()?;
                let m = index.rem_euclid(12) as u32 + 1;
                if d > days_in_month(y, m) {
                    continue;
                }
                let Some(day) = Day::from_ymd(y, m, d) else {
                    continue;
                };
                if p.weekday.is_none_or(|w| day.weekday() == w) {
                    candidates.push((day, day));
                }
            }
            Some((choose(a, c.future, after, &candidates)?, true, true))
        }
        _ => None,
    }
}

/// The occurrence nearest the anchor among the years around it (`reach` years each way).
fn nearest(
    c: &Ctx,
    after: Option<Day>,
    reach: i32,
    make: impl Fn(i32) -> Option<Bounds>,
) -> Option<Bounds> {
    let a = c.anchor?;
    let y = a.year();
    let candidates: Vec<Bounds> = (y - reach..=y + reach).filter_map(make).collect();
    choose(a, c.future, after, &candidates)
}

/// Picks among candidate periods: the first not before `after` when given; else with a future cue the first
/// that does not end before the anchor; else the nearest, a future one counting as twice as far.
fn choose(a: Day, future: bool, after: Option<Day>, candidates: &[Bounds]) -> Option<Bounds> {
    if let Some(s) = after {
        return candidates
            .iter()
            .filter(|b| b.1 >= s)
            .min_by_key(|b| b.0)
            .copied();
    }
    if future {
        return candidates
            .iter()
            .filter(|b| b.1 >= a)
            .min_by_key(|b| b.0)
            .copied();
    }
    candidates
        .iter()
        .min_by_key(|(s, e)| {
            if *s <= a && a <= *e {
                0
            } else if *e < a {
                a.0 - e.0
            } else {
                2 * (s.0 - a.0)
            }
        })
        .copied()
}

/// A year-bound period: in the written year, in a year relative to the anchor's, or nearest the anchor.
fn in_year(
    c: &Ctx,
    after: Option<Day>,
    year: YearRef,
    make: impl Fn(i32) -> Option<Bounds>,
) -> Option<(Bounds, bool, bool)> {
    match year {
        YearRef::Absolute(y) => Some((make(y)?, false, false)),
        YearRef::Relative(n) => {
            let y = c.anchor?.year() + i32::try_from(n).ok()?;
            Some((make(y)?, false, true))
        }
        YearRef::Nearest => Some((nearest(c, after, 1, make)?, false, true)),
    }
}

fn weekday_day(
    c: &Ctx,
    after: Option<Day>,
    wd: u32,
    modifier: Option<Modifier>,
    week: Option<i64>,
) -> Option<Day> {
    let a = c.anchor?;
    let aw = i64::from(a.weekday());
    let w = i64::from(wd);
    let in_week = |offset: i64| a.week_start().plus_days(7 * offset + w - 1);
    if let Some(offset) = week {
        return Some(in_week(offset));
    }
    Some(match modifier {
        Some(Modifier::This) => in_week(0),
        Some(Modifier::Next) => in_week(1),
        Some(Modifier::Prev) => in_week(-1),
        Some(Modifier::Next2) => in_week(2),
        Some(Modifier::Prev2) => in_week(-2),
        Some(Modifier::Past) => a.plus_days(-((aw - w - 1).rem_euclid(7) + 1)),
        Some(Modifier::Coming) => a.plus_days((w - aw - 1).rem_euclid(7) + 1),
        None => match after {
            // "Monday to Friday": the second end is the first such day after the first.
            Some(s) => s.plus_days((w - i64::from(s.weekday())).rem_euclid(7)),
            None if c.future => a.plus_days((w - aw).rem_euclid(7)),
            None => a.plus_days(-(aw - w).rem_euclid(7)),
        },
    })
}

/// The whole unit `offset` units away from the one containing `a`.
fn period(a: Day, unit: Unit, offset: i64) -> Option<Bounds> {
    let ws = a.week_start().plus_days(7 * offset);
    let (y, m, _) = a.ymd();
    Some(match unit {
        Unit::Day => (a.plus_days(offset), a.plus_days(offset)),
        Unit::Week => (ws, ws.plus_days(6)),
        Unit::WorkWeek => (ws, ws.plus_days(4)),
        Unit::Weekend => (ws.plus_days(5), ws.plus_days(6)),
        Unit::Fortnight => (ws.plus_days(7 * offset), ws.plus_days(7 * offset + 13)),
        Unit::Month => {
            let s = Day::from_ymd(y, m, 1)?.plus_months(offset)?;
            let (sy, sm, _) = s.ymd();
            month_bounds(sy, sm)?
        }
        Unit::Quarter => {
            let qs = Day::from_ymd(y, (m - 1) / 3 * 3 + 1, 1)?.plus_months(3 * offset)?;
            (qs, qs.plus_months(3)?.plus_days(-1))
        }
        Unit::Year => year_bounds(y + i32::try_from(offset).ok()?)?,
        Unit::Decade => {
            let first = y.div_euclid(10) * 10 + 10 * i32::try_from(offset).ok()?;
            (year_bounds(first)?.0, year_bounds(first + 9)?.1)
        }
    })
}

/// `n` units before the anchor up to it, or from the day after it on. Quarters and decades count whole
/// calendar quarters and decades, as they are reported.
fn running(a: Day, n: i64, unit: Unit, forward: bool) -> Option<Bounds> {
    match unit {
        Unit::Quarter | Unit::Decade => {
            let (s, e) = period(a, unit, 0)?;
            if forward {
                Some((e.plus_days(1), period(a, unit, n)?.1))
            } else {
                Some((period(a, unit, -n)?.0, s.plus_days(-1)))
            }
        }
        _ => {
            if forward {
                Some((a.plus_days(1), shift(a, n, unit)?))
            } else {
                Some((shift(a, -n, unit)?, a))
            }
        }
    }
}

/// `d` moved by `n` units.
fn shift(d: Day, n: i64, unit: Unit) -> Option<Day> {
    match unit {
        Unit::Day => Some(d.plus_days(n)),
        Unit::Week | Unit::WorkWeek | Unit::Weekend => Some(d.plus_days(7 * n)),
        Unit::Fortnight => Some(d.plus_days(14 * n)),
        Unit::Month => d.plus_months(n),
        Unit::Quarter => d.plus_months(3 * n),
        Unit::Year => d.plus_months(12 * n),
        Unit::Decade => d.plus_months(120 * n),
    }
}

/// A holiday's date in `year`.
pub fn holiday_day(h: Holiday, year: i32) -> Option<Day> {
    match h {
        Holiday::Fixed { month, day } => Day::from_ymd(year, month, day),
        Holiday::Easter(shift) => Some(civil::easter(year)?.plus_days(shift)),
        Holiday::NthWeekday {
            month,
            weekday,
            nth,
            shift,
        } => {
            let (first, last) = month_bounds(year, month)?;
            let w = i64::from(weekday);
            let d = if nth > 0 {
                first.plus_days(
                    (w - i64::from(first.weekday())).rem_euclid(7) + 7 * (i64::from(nth) - 1),
                )
            } else {
                last.plus_days(
                    -(i64::from(last.weekday()) - w).rem_euclid(7) - 7 * (i64::from(-nth) - 1),
                )
            };
            Some(d.plus_days(shift))
        }
    }
}
