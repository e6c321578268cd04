//! What a date expression means, before it is placed on the calendar.
//!
//! The grammar turns words into an [`Expr`]; [`super::resolve`] turns an `Expr` plus an anchor date into
//! days. Keeping the two apart is what lets the reconcile stage re-anchor an expression on other evidence of
//! the story with the same resolution code.

use super::lang::{Holiday, Modifier, Unit};

/// A calendar date or part of one, as written: any field may be missing ("June 20", "the 18th", "May 2017").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Part {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// A weekday written with the date ("Monday 21"); it only helps to place a date without a month.
    pub weekday: Option<u32>,
}

/// Early, middle or late.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Third {
    Early,
    Mid,
    Late,
}

/// Which year a quarter, week number or holiday belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Absolute(i32),
    /// Relative to the anchor's year: this year 0, last year -1.
    Relative(i64),
    /// Not written: the occurrence nearest the anchor.
    Nearest,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A day ("20 June 2023", "June 20", "the 18th"), a month ("May 2017") or a year ("2016").
    Part(Part),
    /// A month with a modifier: "this September", "last May".
    ModMonth {
        month: u32,
        modifier: Modifier,
    },
    /// Today plus `n` days: today, yesterday, tomorrow.
    RelDay(i64),
    /// A weekday, placed by a modifier ("next Friday"), an explicit week ("Tuesday of next week": `week`), or
    /// neither (a bare "Tuesday": by tense).
    Weekday {
        weekday: u32,
        modifier: Option<Modifier>,
        week: Option<i64>,
    },
    /// The whole unit `offset` units from the anchor's: "last week" (-1), "this month" (0).
    Period {
        unit: Unit,
        offset: i64,
    },
    /// `n` units running up to (`forward: false`) or on from (`forward: true`) the anchor: "the last 3 months".
    Running {
        n: i64,
        unit: Unit,
        forward: bool,
    },
    /// A day moved by a duration: "two days ago" (base today, -2 days), "3 weeks after Christmas".
    Shift {
        base: Box<Expr>,
        by: Vec<(i64, Unit)>,
    },
    /// The part of this unit before the anchor ("earlier this month") or after it ("later this year").
    Earlier(Unit),
    Later(Unit),
    Decade(i32),
    /// The `n`th century ("21st century": 2000–2099).
    Century(i32),
    Quarter {
        year: YearRef,
        quarter: u32,
    },
    Half {
        year: YearRef,
        half: u32,
    },
    /// ISO week number.
    Week {
        year: YearRef,
        week: u32,
    },
    Holiday {
        holiday: Holiday,
        year: YearRef,
        modifier: Option<Modifier>,
    },
    /// The early, middle or late part of a month or year: months in 1–15, 10–20 and 16–end, years in
    /// thirds (January–April, May–August, September–December).
    Part3 {
        inner: Box<Expr>,
        third: Third,
    },
    /// An open range: from `from` on ("since May": inclusive; "after 2016": exclusive).
    OpenStart {
        from: Box<Expr>,
        inclusive: bool,
    },
    /// An open range: up to `to` ("until Friday": inclusive; "before 2018": exclusive).
    OpenEnd {
        to: Box<Expr>,
        inclusive: bool,
    },
    /// From the start of the first to the end of the second.
    Range(Box<Expr>, Box<Expr>),
    /// The week (Monday–Sunday) that contains the first day of `inner`: "the week of April 10th", "w/c
    /// Feb 4", "the week beginning February 4".
    WeekOf(Box<Expr>),
    /// The weekend around a holiday: "Labor Day weekend" (Saturday to Monday), "the weekend of Thanksgiving"
    /// (Thursday to Sunday), "Halloween weekend".
    HolidayWeekend(Box<Expr>),
    /// `count` units counted from the start (`nth` 1, 2 …) or the end (`nth` -1, -2 …) of a period:
    /// "the first week of 2015", "the last 3 weeks of this year", "the 15th day of next month", "the third
    /// month of 2021". A period's weeks are those whose Thursday lies in it (as ISO weeks belong to years).
    Within {
        unit: super::lang::Unit,
        nth: i64,
        count: i64,
        inner: Box<Expr>,
    },
    /// A month and day in the year `offset` years from the anchor's: "this 5/12" (0), "next 6th of April"
    /// (1), "last June 5" (-1).
    ModDate {
        part: Part,
        offset: i32,
    },
    /// A period that cannot be placed without knowing more than the text says: a season (which hemisphere?),
    /// a fiscal or school year (whose?). Found, never resolved.
    Vague,
}
