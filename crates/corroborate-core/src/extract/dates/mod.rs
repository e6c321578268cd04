//! Date expressions in a document's text, resolved to ISO dates against the publication date.
//!
//! Found: absolute dates in the usual written and numeric forms ("20 June 2023", "June 20, 2023",
//! "20.06.2023", "2023-06-20", "am 20. Juni"), dates without a year ("June 20"), months and years ("May 2017",
//! "in 2016"), weekdays ("on Tuesday", "Tuesday night", "Tuesday's raid", "next Friday"), relative days and
//! periods ("yesterday", "this morning", "last week", "letzte Woche", "earlier this month", "the past three
//! months"), durations from a day ("two days ago", "vor zwei Tagen", "in two weeks", "3 days after Christmas"),
//! ranges ("from 20 to 22 June", "vom 3. bis 5. Mai", "between 2014 and 2018"), quarters, week numbers,
//! decades and holidays; periods inside periods ("the first week of 2015", "the last 3 weeks of this year",
//! "the 15th day of next month"), the week of a day ("the week of April 10th", "w/c Feb 4"), holiday
//! weekends ("Labor Day weekend"), years in words ("nineteen eighty six", "two thousand and fifteen"), and
//! periods that are found but never placed (seasons, fiscal and school years: which hemisphere, whose
//! fiscal year?). Every word the grammar needs is in the per-language tables (`data/<lang>/`:
//! `weekdays`, `date_words`, `numbers`, `ordinals`, `holidays`, plus the shared `months`).
//!
//! Resolution conventions, chosen for news reports, which mostly tell what already happened:
//! - Relative expressions resolve against the anchor's date (a date-time anchor counts by its date part).
//!   Without an anchor they keep `value: None`, `anchor: None`; a year is never invented. Full dates are
//!   `anchor: Absolute`.
//! - A bare weekday ("on Tuesday") is the most recent such day on or before the anchor, so a report
//!   published on a Tuesday that says "on Tuesday" means that same day. When the sentence speaks of the
//!   future ("will meet on Friday", "wird am Freitag"), it is the first such day on or after the anchor.
//! - "this Friday" is the Friday of the anchor's week (weeks run Monday–Sunday), "next/last Friday" the
//!   Friday of next/last week, "this past Friday" the latest Friday before the anchor, "the coming Friday" the
//!   first after it.
//! - A date without a year ("June 20") is the occurrence nearest the anchor, leaning to the past: a future
//!   occurrence counts as twice as far away as a past one. With a future cue, the first on or after the
//!   anchor. The same goes for months ("in May") and holidays ("at Christmas").
//! - Periods are ranges: `value` is the first day and `end` the last, inclusive ("last week": Monday to
//!   Sunday of the previous week; "earlier this month": the 1st to the anchor; "the last 3 months": three
//!   months back to the anchor; "the next 3 days": the three days after the anchor).
//! - Open ranges ("since May", "after 2016", "until Friday", "before 2018", "2012 or later") have only a
//!   first day (`value`, `end: None`) or only a last day (`value: None`, `end`); "after"/"before" exclude
//!   the day or period named, "since"/"until" include it.
//! - "early/mid/late May" are the 1st–15th, 10th–20th and 16th–31st; "early/mid/late 2016" the thirds of
//!   the year (January–April, May–August, September–December).
//! - "the year", "the month", "the week" alone are the current one ("partner of the year", "sales in the
//!   week"), except where the words go on to name another period ("the year's best", "the week of talks",
//!   "the year before", "the year-ago quarter").
//! - A period's weeks are those whose Thursday lies in it (as ISO weeks belong to years): "the first week
//!   of 2015" is 29 December 2014 – 4 January 2015; "the last week of July 2017" ends on 30 July.
//! - A holiday weekend runs from the Saturday before a Monday or Tuesday holiday to the holiday, from a
//!   Thursday or Friday holiday to the Sunday after, and is the weekend itself for a weekend holiday.
//! - "this 5/12", "next 6th of April", "last June 5": the month and day in this, next or last year.
//! - A range with a future cue ("will run from May to September") is the nearest one unless that one is
//!   already over, then the next.
//! - "by Friday" is "until Friday"; "now" (and "date" in "to date") can end a range: "between May and now".
//! - "two days ago", "in two weeks", "3 weeks later" count from the anchor (calendar months clamp: a month
//!   after 31 January is 28/29 February).

mod civil;
mod expr;
mod grammar;
mod lang;
mod resolve;
mod tokens;

use crate::model::{DateAnchor, DateMention, Span};

use grammar::Found;
use resolve::{Ctx, place};

/// Date expressions in `text` (language `lang`); relative ones resolved against `published` (ISO 8601) when
/// given, else left with `value: None` for the reconcile stage to anchor on other evidence of the story.
pub fn find_dates(text: &str, lang: &str, published: Option<&str>) -> Vec<DateMention> {
    let anchor = published.and_then(civil::Day::parse_iso);
    let note = published.map(|p| format!("published {}", p.get(..10).unwrap_or(p)));
    scan(text, lang)
        .into_iter()
        .map(|(span, found)| {
            let mut m = DateMention {
                span,
                value: None,
                end: None,
                anchor: None,
                anchor_note: None,
            };
            fill(
                &mut m,
                &found,
                anchor,
                DateAnchor::Published,
                note.as_deref(),
            );
            m
        })
        .collect()
}

/// Resolves the still unresolved mentions of a document against `anchor_date` (ISO date or date-time),
/// taken from other dated evidence of the same story: fills `value`/`end`, sets `anchor: Story` and
/// `anchor_note: note`. Mentions already resolved are left alone.
pub fn resolve_against(
    mentions: &mut [DateMention],
    text: &str,
    lang: &str,
    anchor_date: &str,
    note: &str,
) {
    let Some(anchor) = civil::Day::parse_iso(anchor_date) else {
        return;
    };
    if mentions
        .iter()
        .all(|m| m.value.is_some() || m.end.is_some())
    {
        return;
    }
    let found = scan(text, lang);
    for m in mentions
        .iter_mut()
        .filter(|m| m.value.is_none() && m.end.is_none() && m.anchor.is_none())
    {
        if let Some((_, f)) = found.iter().find(|(span, _)| *span == m.span) {
            fill(m, f, Some(anchor), DateAnchor::Story, Some(note));
        }
    }
}

/// Every expression with its byte span.
///
/// Most of a news text holds no date. A first pass only splits the text and looks each word up once (no
/// token text is built); full tokens and the grammar then run on zones around the tokens that can carry a
/// date (digits, months, weekdays, units …), with enough tokens on either side for every rule's look-back
/// (the tense of the sentence: 15 tokens) and look-ahead.
fn scan(text: &str, lang: &str) -> Vec<(Span, Found)> {
    const BEFORE: usize = 16;
    const AFTER: usize = 12;
    let vocabulary = lang::Lang::get(lang);
    let light = tokens::split(text);
    let mut buf = String::new();
    let mut zones: Vec<(usize, usize)> = Vec::new();
    for (k, t) in light.iter().enumerate() {
        let strong = match t.kind {
            tokens::Kind::Num => true,
            tokens::Kind::Word => {
                tokens::lower_into(text.get(t.start..t.end).unwrap_or_default(), &mut buf);
                vocabulary.classify(&buf) & lang::STRONG != 0
            }
            tokens::Kind::Punct => false,
        };
        if !strong {
            continue;
        }
        let (from, to) = (k.saturating_sub(BEFORE), (k + AFTER + 1).min(light.len()));
        match zones.last_mut() {
            Some(z) if from <= z.1 => z.1 = to,
            _ => zones.push((from, to)),
        }
    }
    let mut out = Vec::new();
    for (from, to) in zones {
        let Some(part) = light.get(from..to) else {
            continue;
        };
        let toks = tokens::full(text, part);
        out.extend(
            grammar::scan(&toks, vocabulary)
                .into_iter()
                .filter_map(|f| {
                    let first = toks.get(f.start)?;
                    let last = toks.get(f.end.checked_sub(1)?)?;
                    Some((Span::new(first.start, last.end), f))
                }),
        );
    }
    out
}

/// Resolves one expression into `m`. `relative_kind` is the anchor kind a relative expression gets.
fn fill(
    m: &mut DateMention,
    f: &Found,
    anchor: Option<civil::Day>,
    relative_kind: DateAnchor,
    note: Option<&str>,
) {
    let ctx = Ctx {
        anchor,
        future: f.future,
    };
    // Absolute expressions never need the anchor: resolve them without it first, so that a relative
    // expression can never be mistaken for an absolute one.
    let absolute = place(
        &f.expr,
        &Ctx {
            anchor: None,
            future: f.future,
        },
    );
    let (placed, kind) = match absolute {
        Some(p) if !p.relative => (Some(p), Some(DateAnchor::Absolute)),
        _ => {
            let p = place(&f.expr, &ctx);
            (p, p.map(|_| relative_kind))
        }
    };
    let Some(p) = placed else {
        return;
    };
    m.value = (!p.open_start).then(|| p.start.iso());
    m.end = (!p.point && !p.open_end).then(|| p.end.iso());
    if kind == Some(DateAnchor::Absolute) {
        m.anchor = kind;
    } else {
        m.anchor = kind;
        m.anchor_note = note.map(str::to_string);
    }
}

#[cfg(test)]
mod tests;
