//! Proleptic Gregorian calendar arithmetic on plain day numbers.
//!
//! Resolving "two weeks ago" or "last month" only needs adding days and months and knowing weekdays; a day
//! count since 1970-01-01 makes all of that integer arithmetic, without a date-time library.

/// A calendar day, counted from 1970-01-01 (day 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

/// Years we accept as dates at all: outside this, a "year" is far more likely some other number.
pub const MIN_YEAR: i32 = 1000;
pub const MAX_YEAR: i32 = 9999;

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Day {
    /// The day of a valid calendar date; `None` for 30 February, month 13 or a year out of range.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Count in a year that starts in March, so the leap day is the last day of its year.
        let (y, m) = if month <= 2 {
            (i64::from(year) - 1, i64::from(month) + 9)
        } else {
            (i64::from(year), i64::from(month) - 3)
        };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * m + 2) / 5 + i64::from(day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        Some(Day(era * 146_097 + day_of_era - 719_468))
    }

    /// Year, month, day.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        (year, month, day)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// ISO weekday: Monday 1 … Sunday 7.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.0 + 3).rem_euclid(7) as u32 + 1
    }

    pub fn plus_days(self, n: i64) -> Day {
        Day(self.0 + n)
    }

    /// The same day of the month `n` months later (or earlier), clamped to the month's last day.
    pub fn plus_months(self, n: i64) -> Option<Day> {
        let (y, m, d) = self.ymd();
        let index = i64::from(y) * 12 + i64::from(m) - 1 + n;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = index.rem_euclid(12) as u32 + 1;
        Day::from_ymd(year, month, d.min(days_in_month(year, month)))
    }

    /// Monday of this day's ISO week.
    pub fn week_start(self) -> Day {
        self.plus_days(-(i64::from(self.weekday()) - 1))
    }

    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Reads the date part of an ISO 8601 date or date-time (`2023-06-21`, `2023-06-21T10:00:00Z`).
    pub fn parse_iso(s: &str) -> Option<Day> {
        let s = s.trim();
        let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
        if s.as_bytes().get(4) != Some(&b'-') || s.as_bytes().get(7) != Some(&b'-') {
            return None;
        }
        let year = i32::try_from(num(0..4)?).ok()?;
        Day::from_ymd(year, num(5..7)?, num(8..10)?)
    }
}

/// First and last day of a month.
pub fn month_bounds(year: i32, month: u32) -> Option<(Day, Day)> {
    Some((
        Day::from_ymd(year, month, 1)?,
        Day::from_ymd(year, month, days_in_month(year, month))?,
    ))
}

/// First and last day of a year.
pub fn year_bounds(year: i32) -> Option<(Day, Day)> {
    Some((Day::from_ymd(year, 1, 1)?, Day::from_ymd(year, 12, 31)?))
}

/// Easter Sunday (Gregorian computus, anonymous algorithm), for holidays that move with it.
pub fn easter(year: i32) -> Option<Day> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Day::from_ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2000, 2, 29),
            (2023, 6, 20),
            (1600, 3, 1),
            (2024, 12, 31),
        ] {
            let day = Day::from_ymd(y, m, d).expect("valid");
            assert_eq!(day.ymd(), (y, m, d));
        }
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(Day::from_ymd(2023, 6, 20).map(Day::weekday), Some(2));
        assert_eq!(Day::from_ymd(2023, 2, 29), None);
    }

    #[test]
    fn month_arithmetic_clamps() {
        let jan31 = Day::from_ymd(2023, 1, 31).expect("valid");
        assert_eq!(
            jan31.plus_months(1).map(Day::iso).as_deref(),
            Some("2023-02-28")
        );
        assert_eq!(
            jan31.plus_months(-2).map(Day::iso).as_deref(),
            Some("2022-11-30")
        );
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2018).map(Day::iso).as_deref(), Some("2018-04-01"));
        assert_eq!(easter(2019).map(Day::iso).as_deref(), Some("2019-04-21"));
    }
}
