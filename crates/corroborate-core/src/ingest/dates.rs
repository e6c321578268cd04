//! Publication dates as inputs write them (meta tags, feed fields, front matter, post signatures), normalised
//! to ISO 8601. This is only for the `published` field; dates inside the text are the extract stage's job.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon;

/// Month names of every language with a `months` table, lower-cased, to their number.
static MONTHS: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    lexicon::lines_all_languages("months")
        .into_iter()
        .filter_map(lexicon::key_value)
        .filter_map(|(name, n)| Some((name.to_lowercase(), n.parse().ok()?)))
        .collect()
});

/// The month number of a month name or abbreviation in any language we have a table for.
pub fn month_number(name: &str) -> Option<u32> {
    MONTHS
        .get(&name.trim_end_matches('.').to_lowercase())
        .copied()
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A calendar date, validated.
pub fn iso_date(year: i32, month: u32, day: u32) -> Option<String> {
    ((1000..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[derive(Default)]
struct Parts {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    time: Option<(u32, u32, u32)>,
    zone: Option<String>,
}

impl Parts {
    fn render(&self) -> Option<String> {
        let date = iso_date(self.year?, self.month?, self.day?)?;
        match self.time {
            Some((h, m, s)) if h < 24 && m < 60 && s < 61 => Some(format!(
                "{date}T{h:02}:{m:02}:{s:02}{}",
                self.zone.as_deref().unwrap_or("")
            )),
            _ => Some(date),
        }
    }
}

/// Normalises a publication date string to ISO 8601 (`2023-06-21` or `2023-06-21T10:00:00Z`).
/// Accepts ISO 8601/RFC 3339, RFC 2822 (feeds), `2023/06/21`, `21.06.2023`, and written forms in any language
/// with a month table: `June 21, 2023`, `21 June 2023`, `21. Juni 2023`, optionally with a time and weekday.
/// Returns `None` rather than guess: a date without a year is not a publication date.
pub fn normalize_published(input: &str) -> Option<String> {
    let s = input.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    iso_like(s).or_else(|| written(s))
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, with optional `THH:MM[:SS][.fff][Z|±HH:MM]`.
fn iso_like(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 || !b[..4].iter().all(u8::is_ascii_digit) || !matches!(b[4], b'-' | b'/') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let mut p = Parts {
        year: Some(num(0..4)? as i32),
        month: Some(num(5..7)?),
        day: Some(num(8..10)?),
        ..Default::default()
    };
    let rest = s.get(10..)?;
    if let Some(t) = rest.strip_prefix(['T', ' ']) {
        let (clock, zone) = split_zone(t);
        p.time = parse_clock(clock);
        p.zone = zone;
    }
    p.render()
}

fn split_zone(t: &str) -> (&str, Option<String>) {
    if let Some(c) = t.strip_suffix('Z') {
        return (c, Some("Z".into()));
    }
    if let Some(i) = t.rfind(['+', '-']).filter(|&i| i >= 5) {
        let z = &t[i..];
        let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
        if digits.len() == 4 {
            return (
                &t[..i],
                Some(format!("{}{}:{}", &z[..1], &digits[..2], &digits[2..])),
            );
        }
    }
    (t, None)
}

fn parse_clock(t: &str) -> Option<(u32, u32, u32)> {
    let t = t.split('.').next()?;
    let mut it = t.split(':').map(|x| x.trim().parse::<u32>());
    let h = it.next()?.ok()?;
    let m = it.next()?.ok()?;
    let sec = it.next().and_then(Result::ok).unwrap_or(0);
    Some((h, m, sec))
}

/// Written dates: tokens of digits and words in any order, the way humans and RFC 2822 write them.
fn written(s: &str) -> Option<String> {
    let mut p = Parts::default();
    let mut numbers: Vec<u32> = Vec::new();
    let mut pm: Option<bool> = None;
    for raw in s.split(|c: char| c.is_whitespace() || c == ',') {
        let tok = raw.trim_matches(|c: char| matches!(c, '(' | ')' | '·' | '|'));
        if tok.is_empty() {
            continue;
        }
        let lower = tok.to_lowercase();
        if tok.contains(':') && tok.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            p.time = parse_clock(tok);
        } else if lower == "pm" || lower == "p.m." {
            pm = Some(true);
        } else if lower == "am" || lower == "a.m." {
            pm = Some(false);
        } else if matches!(lower.as_str(), "gmt" | "utc" | "ut" | "z") {
            p.zone = Some("Z".into());
        } else if (tok.starts_with('+') || tok.starts_with('-'))
            && tok.len() == 5
            && p.time.is_some()
        {
            p.zone = Some(format!("{}:{}", &tok[..3], &tok[3..]));
        } else if let Some(m) = month_number(&lower) {
            p.month.get_or_insert(m);
        } else if let Some(dmy) = dotted_numeric(tok) {
            (p.day, p.month, p.year) = (Some(dmy.0), Some(dmy.1), Some(dmy.2));
        } else {
            let digits = tok.trim_end_matches(['.', 's', 't', 'n', 'd', 'r', 'h']);
            if let Ok(n) = digits.parse::<u32>() {
                numbers.push(n);
            }
        }
    }
    for n in numbers {
        if n >= 1000 && p.year.is_none() {
            p.year = Some(n as i32);
        } else if (1..=31).contains(&n) && p.day.is_none() {
            p.day = Some(n);
        }
    }
    if let (Some(true), Some((h, m, s))) = (pm, p.time) {
        if h < 12 {
            p.time = Some((h + 12, m, s));
        }
    } else if let (Some(false), Some((12, m, s))) = (pm, p.time) {
        p.time = Some((0, m, s));
    }
    p.render()
}

/// `21.06.2023` (day first, as in German and most of Europe).
fn dotted_numeric(tok: &str) -> Option<(u32, u32, i32)> {
    let mut it = tok.trim_end_matches('.').split('.');
    let d = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let y = it.next()?.parse().ok()?;
    if it.next().is_some() || y < 1000 {
        return None;
    }
    Some((d, m, y))
}

#[cfg(test)]
mod tests {
    use super::normalize_published as n;

    #[test]
    fn iso_forms() {
        assert_eq!(n("2023-06-21").as_deref(), Some("2023-06-21"));
        assert_eq!(
            n("2023-06-21T10:05:00Z").as_deref(),
            Some("2023-06-21T10:05:00Z")
        );
        assert_eq!(
            n("2023-06-21T10:05:00.123+0200").as_deref(),
            Some("2023-06-21T10:05:00+02:00")
        );
        assert_eq!(
            n("2023-06-21 10:05").as_deref(),
            Some("2023-06-21T10:05:00")
        );
        assert_eq!(n("2023/06/21").as_deref(), Some("2023-06-21"));
    }

    #[test]
    fn written_forms() {
        assert_eq!(
            n("Wed, 21 Jun 2023 10:00:00 GMT").as_deref(),
            Some("2023-06-21T10:00:00Z")
        );
        assert_eq!(
            n("Wed, 21 Jun 2023 10:00:00 +0100").as_deref(),
            Some("2023-06-21T10:00:00+01:00")
        );
        assert_eq!(n("June 21, 2023").as_deref(), Some("2023-06-21"));
        assert_eq!(n("21 June 2023").as_deref(), Some("2023-06-21"));
        assert_eq!(n("21. Juni 2023").as_deref(), Some("2023-06-21"));
        assert_eq!(n("21.06.2023").as_deref(), Some("2023-06-21"));
        assert_eq!(
            n("Jun 21st, 2023 3:15 PM").as_deref(),
            Some("2023-06-21T15:15:00")
        );
    }

    #[test]
    fn refuses_to_guess() {
        assert_eq!(n("June 21"), None, "no year, no date");
        assert_eq!(n("2023-02-30"), None);
        assert_eq!(n("yesterday"), None);
        assert_eq!(n(""), None);
    }
}
