//! The date grammar: finds date expressions in a token stream and says what they mean ([`Expr`]).
//!
//! At every token each rule is tried and the longest match wins; scanning then continues after it, so the
//! work is linear in the text with a small constant (every rule looks at most a dozen tokens ahead).
//! The rules are language-neutral; every word they need comes from [`Lang`].

mod periods;
mod year_words;

use super::expr::{Expr, Part, Third, YearRef};
use super::lang::{Lang, MAY_START, Modifier, Role, STRONG, Unit};
use super::tokens::{Kind, Tok};

/// A date expression over tokens `start..end`.
#[derive(Debug, Clone)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    /// The sentence around it speaks of the future ("will meet on Friday").
    pub future: bool,
}

/// Every date expression in `toks`, in order, not overlapping.
pub fn scan(toks: &[Tok], lang: &Lang) -> Vec<Found> {
    let class: Vec<u8> = toks
        .iter()
        .map(|t| match t.kind {
            Kind::Num => MAY_START | STRONG,
            Kind::Word => {
                let c = lang.classify(&t.text);
                // "may" and "march" in lower case are a verb far more often than a month.
                if c & STRONG != 0 && !t.capitalised && lang.month_ambiguous.contains(&t.text) {
                    c & !STRONG
                } else {
                    c
                }
            }
            Kind::Punct => 0,
        })
        .collect();
    let index = PhraseIndex::new(toks, lang, &class);
    let p = P {
        t: toks,
        l: lang,
        ph: &index,
        class: &class,
    };
    // For each token, the next token at or after it that can carry a date (digits or a strong word):
    // an expression starts at most `REACH` tokens before one, so everywhere else no rule is tried.
    const REACH: usize = 4;
    let mut next_strong = vec![usize::MAX; toks.len()];
    let mut next = usize::MAX;
    for k in (0..toks.len()).rev() {
        if class.get(k).is_some_and(|c| c & STRONG != 0) {
            next = k;
        }
        next_strong[k] = next;
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let ahead = next_strong.get(i).copied().unwrap_or(usize::MAX);
        if ahead == usize::MAX {
            break;
        }
        if ahead - i > REACH {
            i = ahead - REACH;
            continue;
        }
        match p.best(i) {
            Some((end, expr)) if end > i => {
                let future = p.future_context(i, end);
                out.push(Found {
                    start: i,
                    end,
                    expr,
                    future,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Two-digit years: 00–39 are this century, 40–99 the last.
fn pivot_year(yy: i64) -> i32 {
    if yy < 40 {
        2000 + yy as i32
    } else {
        1900 + yy as i32
    }
}

/// Plausible years for a bare four-digit number.
const YEARS: std::ops::RangeInclusive<i64> = 1000..=2199;

type M<T> = Option<(usize, T)>;

/// Every `date_words` phrase that starts at each token, longest first, with where it ends: the rules ask
/// "is there a unit / modifier / connector here?" many times per token, so the table is read once per token.
struct PhraseIndex {
    /// `first[i]..first[i + 1]` are token `i`'s entries in `found`.
    first: Vec<u32>,
    found: Vec<(usize, Role)>,
}

impl PhraseIndex {
    fn new(toks: &[Tok], lang: &Lang, class: &[u8]) -> PhraseIndex {
        let mut first = Vec::with_capacity(toks.len() + 1);
        let mut found = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            first.push(u32::try_from(found.len()).unwrap_or(u32::MAX));
            if class.get(i).is_none_or(|c| c & MAY_START == 0) || t.kind != Kind::Word {
                continue;
            }
            let Some(list) = lang.phrases.get(t.text.as_str()) else {
                continue;
            };
            for (words, role) in list {
                let ok = words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks.get(i + k).is_some_and(|x| &x.text == w));
                if ok {
                    found.push((i + words.len(), *role));
                }
            }
        }
        first.push(u32::try_from(found.len()).unwrap_or(u32::MAX));
        PhraseIndex { first, found }
    }

    fn at(&self, i: usize) -> &[(usize, Role)] {
        let from = self.first.get(i).map_or(0, |v| *v as usize);
        let to = self.first.get(i + 1).map_or(from, |v| *v as usize);
        self.found.get(from..to).unwrap_or_default()
    }
}

struct P<'a> {
    t: &'a [Tok],
    l: &'a Lang,
    ph: &'a PhraseIndex,
    /// Per token: [`MAY_START`] / [`STRONG`].
    class: &'a [u8],
}

impl<'a> P<'a> {
    // ---- token helpers -------------------------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.t.get(i)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text.as_str())
    }

    /// Token `i` follows the previous one without whitespace.
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn punct(&self, i: usize, marks: &[&str]) -> Option<usize> {
        let t = self.tok(i)?;
        (t.kind == Kind::Punct && marks.contains(&t.text.as_str())).then_some(i + 1)
    }

    /// Every `date_words` phrase starting at `i`, longest first, with where it ends.
    fn phrases(&self, i: usize) -> impl Iterator<Item = (usize, Role)> + 'a {
        self.ph.at(i).iter().copied()
    }

    /// The longest phrase starting at `i` (the first listed among equally long ones).
    fn phrase(&self, i: usize) -> M<Role> {
        self.phrases(i).next()
    }

    /// The end of the longest phrase at `i` that plays a role `want` accepts.
    fn role(&self, i: usize, want: impl Fn(Role) -> bool) -> Option<usize> {
        self.phrases(i).find(|(_, r)| want(*r)).map(|(j, _)| j)
    }

    fn is(&self, i: usize, want: Role) -> Option<usize> {
        self.role(i, |r| r == want)
    }

    fn skip(&self, i: usize, want: Role) -> usize {
        self.is(i, want).unwrap_or(i)
    }

    fn modifier(&self, i: usize) -> M<Modifier> {
        self.phrases(i).find_map(|(j, r)| match r {
            Role::Mod(m) => Some((j, m)),
            _ => None,
        })
    }

    fn unit(&self, i: usize) -> M<Unit> {
        self.phrases(i).find_map(|(j, r)| match r {
            Role::Unit(u) => Some((j, u)),
            _ => None,
        })
    }

    /// The previous token is sentence punctuation, or there is none.
    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.tok(i - 1).is_some_and(|t| {
                t.kind == Kind::Punct
                    && matches!(t.text.as_str(), "." | "!" | "?" | ":" | "\"" | "“")
            })
    }

    /// Words just before `i` that make a following bare month or number a date ("in May", "since March").
    fn cue_before(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1) else {
            return false;
        };
        // Phrases are matched forwards: try every start up to three tokens back that ends at `i`.
        (prev.saturating_sub(2)..=prev).any(|s| {
            self.phrases(s).any(|(j, r)| {
                j == i
                    && matches!(
                        r,
                        Role::In
                            | Role::Of
                            | Role::On
                            | Role::RangeOpen
                            | Role::Between
                            | Role::RangeTo
                            | Role::And
                            | Role::Early
                            | Role::Mid
                            | Role::Late
                            | Role::ShiftAfter
                            | Role::ShiftBefore
                            | Role::Det
                    )
            })
        })
    }

    /// A future-tense cue in the same sentence, before the expression or just after it.
    fn future_context(&self, start: usize, end: usize) -> bool {
        let stop =
            |t: &Tok| t.kind == Kind::Punct && matches!(t.text.as_str(), "." | "!" | "?" | ";");
        let mut i = start;
        let mut seen = 0;
        while i > 0 && seen < 15 {
            i -= 1;
            seen += 1;
            let Some(t) = self.tok(i) else { break };
            if stop(t) {
                break;
            }
            if self.is(i, Role::Future).is_some() {
                return true;
            }
        }
        (end..(end + 4).min(self.t.len()))
            .take_while(|&k| self.tok(k).is_some_and(|t| !stop(t)))
            .any(|k| self.is(k, Role::Future).is_some())
    }

    // ---- numbers ----------------------------------------------------------------------------------------

    /// A count: digits or number words, "twenty nine" / "twenty-nine" combined.
    fn count(&self, i: usize) -> M<i64> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num {
            return t.value.filter(|v| *v <= 1000).map(|v| (i + 1, v));
        }
        let n = *self.l.numbers.get(&t.text)?;
        if n >= 20 && n % 10 == 0 {
            let j = self.punct(i + 1, &["-"]).unwrap_or(i + 1);
            if let Some(u) = self
                .word(j)
                .and_then(|w| self.l.numbers.get(w))
                .filter(|u| (1..10).contains(*u))
            {
                return Some((j + 1, n + u));
            }
        }
        Some((i + 1, n))
    }

    /// A day of the month; `marked` when written as an ordinal ("20th", "20.", "twentieth").
    fn day(&self, i: usize) -> M<(u32, bool)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num {
            let v = u32::try_from(t.value?)
                .ok()
                .filter(|v| (1..=31).contains(v) && t.digits() <= 2)?;
            if self.glued(i + 1) && self.is(i + 1, Role::OrdinalSuffix).is_some() {
                return Some((i + 2, (v, true)));
            }
            if self.l.ordinal_dot && self.glued(i + 1) && self.punct(i + 1, &["."]).is_some() {
                // "3.4." is a numeric date, not the ordinal 3.
                let next_is_num =
                    self.glued(i + 2) && self.tok(i + 2).is_some_and(|n| n.kind == Kind::Num);
                if !next_is_num {
                    return Some((i + 2, (v, true)));
                }
            }
            return Some((i + 1, (v, false)));
        }
        // "twenty second", "twenty-second", or a single ordinal word.
        if let Some(tens) = self
            .l
            .numbers
            .get(&t.text)
            .filter(|n| **n == 20 || **n == 30)
        {
            let j = self.punct(i + 1, &["-"]).unwrap_or(i + 1);
            if let Some(o) = self
                .word(j)
                .and_then(|w| self.l.ordinal(w))
                .filter(|o| *o < 10)
            {
                return Some((j + 1, (*tens as u32 + o, true)));
            }
        }
        if let Some(o) = self.l.ordinal(&t.text).filter(|o| (1..=31).contains(o)) {
            return Some((i + 1, (o, true)));
        }
        let (j, n) = self.count(i)?;
        (self.tok(i)?.kind == Kind::Word && (1..=31).contains(&n)).then_some((j, (n as u32, false)))
    }

    /// A four-digit year.
    fn year(&self, i: usize) -> M<i32> {
        let t = self.tok(i)?;
        (t.kind == Kind::Num && t.digits() == 4)
            .then_some(t.value?)
            .filter(|v| YEARS.contains(v))
            .map(|v| (i + 1, v as i32))
    }

    /// A year after a date: four digits, or two after "of" or an apostrophe ("April of 87", "June '87").
    fn trailing_year(&self, i: usize) -> M<i32> {
        if let Some(r) = self.year(i) {
            return Some(r);
        }
        let j = self.punct(i, &["'", "’"]).unwrap_or(i);
        let short = j > i || (i > 0 && self.is(i - 1, Role::Of) == Some(i));
        let t = self.tok(j)?;
        (short && t.kind == Kind::Num && t.digits() == 2).then_some((j + 1, pivot_year(t.value?)))
    }

    /// A month name, with the abbreviation dot if there is one.
    fn month(&self, i: usize) -> M<u32> {
        let m = self.l.month(self.word(i)?)?;
        let dot_then_number = self.tok(i + 2).is_some_and(|t| t.kind == Kind::Num);
        let after = if self.glued(i + 1) && self.is_abbrev(i) && dot_then_number {
            self.punct(i + 1, &["."]).unwrap_or(i + 1)
        } else {
            i + 1
        };
        Some((after, m))
    }

    fn is_abbrev(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| self.l.is_month_abbreviation(w))
    }

    /// A weekday name; abbreviations only where `allow_abbrev`.
    fn weekday(&self, i: usize, allow_abbrev: bool) -> M<u32> {
        let w = self.word(i)?;
        let d = self.l.weekday(w)?;
        if self.l.is_weekday_abbreviation(w) {
            if !allow_abbrev {
                return None;
            }
            let after = if self.glued(i + 1) {
                self.punct(i + 1, &["."]).unwrap_or(i + 1)
            } else {
                i + 1
            };
            return Some((after, d));
        }
        Some((i + 1, d))
    }

    // ---- the rules ----------------------------------------------------------------------------------------

    /// The longest expression starting at `i`.
    fn best(&self, i: usize) -> M<Expr> {
        // Expressions start with a word or a number that some table knows (or digits).
        if self.class.get(i).is_none_or(|c| c & MAY_START == 0) {
            return None;
        }
        let candidates = [
            self.date(i),
            self.weekday_expr(i),
            self.relative(i),
            self.shifted(i),
            self.numbered_period(i),
            self.holiday(i),
            self.year_expr(i),
            self.month_alone(i),
            self.day_alone(i),
            self.part_of(i),
            self.open_range(i),
            self.range(i),
            self.within(i),
            self.week_of(i),
            self.holiday_weekend(i),
            self.the_period(i),
            self.vague(i),
            self.year_in_words(i),
            self.mod_date(i),
        ];
        let mut best: M<Expr> = None;
        for c in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|(e, _)| c.0 > *e) {
                best = Some(c);
            }
        }
        best
    }

    /// A calendar date or month, numeric or written, with an optional weekday in front.
    fn date(&self, i: usize) -> M<Expr> {
        self.date_cued(i, false)
    }

    /// [`P::date`], where `cued` says that the context already makes a short numeric form a date (the
    /// second end of a range: "2/29-3/1").
    fn date_cued(&self, i: usize, cued: bool) -> M<Expr> {
        // "this Friday 5/12": the written date decides, the modifier only belongs to the span.
        let i = match self.modifier(i) {
            Some((j, _)) if self.weekday(j, true).is_some() => j,
            _ => i,
        };
        let (j, weekday) = match self.weekday(i, true) {
            Some((j, wd)) => (self.punct(j, &[","]).unwrap_or(j), Some(wd)),
            None => (i, None),
        };
        let j = if weekday.is_some() {
            self.skip(j, Role::Det)
        } else {
            j
        };
        let (end, mut part) = self
            .numeric(j, cued || weekday.is_some() || self.cue_before(i))
            .into_iter()
            .chain(self.written(j))
            .max_by_key(|(e, _)| *e)?;
        if weekday.is_some() && part.month.is_none() {
            return None;
        }
        part.weekday = weekday;
        Some((end, Expr::Part(part)))
    }

    /// Numbers and month words joined by `-`, `/` or `.` without spaces: 2023-06-20, 20.06.2023, 06/20,
    /// 05-Aug-2016, Dec/2018, 20230620. `cued`: a weekday or preposition before makes short forms safe.
    fn numeric(&self, i: usize, cued: bool) -> M<Part> {
        let first = self.tok(i)?;
        // 20230620
        if first.kind == Kind::Num && first.digits() == 8 {
            let v = first.value?;
            let (y, m, d) = (
                (v / 10_000) as i32,
                (v / 100 % 100) as u32,
                (v % 100) as u32,
            );
            return ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
                .then_some((
                    i + 1,
                    Part {
                        year: Some(y),
                        month: Some(m),
                        day: Some(d),
                        weekday: None,
                    },
                ));
        }
        // Collect up to three parts, and where each ends.
        let mut parts: Vec<&Tok> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        let mut seps: Vec<&str> = Vec::new();
        let mut k = i;
        loop {
            let t = self.tok(k)?;
            let is_part =
                t.kind == Kind::Num || (t.kind == Kind::Word && self.l.month(&t.text).is_some());
            if !is_part || (k > i && !self.glued(k)) {
                break;
            }
            parts.push(t);
            k += 1;
            ends.push(k);
            if parts.len() == 3 {
                break;
            }
            // "Dec31", "mar3": a month word glued to its day.
            if t.kind == Kind::Word
                && self.tok(k).is_some_and(|n| n.kind == Kind::Num)
                && self.glued(k)
            {
                seps.push("");
                continue;
            }
            match self.tok(k) {
                Some(s)
                    if s.kind == Kind::Punct
                        && matches!(s.text.as_str(), "-" | "/" | ".")
                        && self.glued(k)
                        && self.glued(k + 1) =>
                {
                    seps.push(s.text.as_str());
                    k += 1;
                }
                _ => break,
            }
        }
        // "5/1-5/7": three parts make no date, the first two do; nor do parts joined by different marks.
        if seps.len() == 2 && seps[0] != seps[1] {
            parts.truncate(2);
        }
        (2..=parts.len())
            .rev()
            .find_map(|n| self.interpret(&parts[..n], &seps[..n - 1], ends[n - 1], cued))
    }

    /// Reads numeric parts (`parts`, joined by `seps`, the last ending before token `end`) as a date.
    fn interpret(&self, parts: &[&Tok], seps: &[&str], end: usize, cued: bool) -> M<Part> {
        // German "22.04." keeps its closing dot.
        let dotted = seps.iter().all(|s| *s == ".");
        let mut end = end;
        let mut closing_dot = false;
        if dotted && self.l.ordinal_dot && self.glued(end) && self.punct(end, &["."]).is_some() {
            end += 1;
            closing_dot = true;
        }
        let month_word = parts.iter().position(|t| t.kind == Kind::Word);
        let num = |t: &Tok| t.value.unwrap_or(-1);
        let part = |y: Option<i32>, m: i64, d: Option<i64>| -> Option<Part> {
            let m = u32::try_from(m).ok().filter(|m| (1..=12).contains(m))?;
            let d = match d {
                Some(d) => Some(u32::try_from(d).ok().filter(|d| (1..=31).contains(d))?),
                None => None,
            };
            Some(Part {
                year: y,
                month: Some(m),
                day: d,
                weekday: None,
            })
        };
        if parts.iter().filter(|t| t.kind == Kind::Word).count() > 1 {
            return None;
        }
        let p = if let Some(w) = month_word {
            let m = i64::from(self.l.month(&parts[w].text)?);
            let nums: Vec<&Tok> = parts
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != w)
                .map(|(_, t)| *t)
                .collect();
            match nums.as_slice() {
                [a] if a.digits() == 4 => part(Some(num(a) as i32), m, None)?,
                [a] if a.digits() <= 2 => part(None, m, Some(num(a)))?,
                [a, b] => {
                    let (y, d) = if a.digits() == 4 {
                        (a, b)
                    } else if b.digits() == 4 {
                        (b, a)
                    } else {
                        return None;
                    };
                    part(Some(num(y) as i32), m, Some(num(d)))?
                }
                _ => return None,
            }
        } else {
            let d: Vec<usize> = parts.iter().map(|t| t.digits()).collect();
            let v: Vec<i64> = parts.iter().map(|t| num(t)).collect();
            match (d.as_slice(), v.as_slice()) {
                ([4, 1..=2, 1..=2], [y, m, dd]) => part(Some(*y as i32), *m, Some(*dd))?,
                ([1..=2, 1..=2, 2 | 4], [a, b, y]) => {
                    let year = if d[2] == 4 { *y as i32 } else { pivot_year(*y) };
                    let (m, dd) = self.order(*a, *b, dotted && d[2] == 4)?;
                    part(Some(year), m, Some(dd))?
                }
                ([4, 1..=2], [y, m]) if seps[0] != "." => part(Some(*y as i32), *m, None)?,
                ([1..=2, 4], [m, y]) if seps[0] != "." => part(Some(*y as i32), *m, None)?,
                ([1..=2, 1..=2], [a, b]) => {
                    // Short forms are scores, fractions and decimals as often as dates: only with a cue,
                    // a two-digit part, or (day-first languages) the closing dot.
                    let safe = cued || closing_dot || (seps[0] == "/" && (d[0] == 2 || d[1] == 2));
                    if !safe || seps[0] == "-" && !cued {
                        return None;
                    }
                    let (m, dd) = self.order(*a, *b, false)?;
                    part(None, m, Some(dd))?
                }
                _ => return None,
            }
        };
        Some((end, p))
    }

    /// Month and day of two numbers, in the language's order unless only the other order is valid.
    /// `european`: dotted with a four-digit year (20.06.2023), day first in every language.
    fn order(&self, a: i64, b: i64, european: bool) -> Option<(i64, i64)> {
        let day_first = self.l.day_first || european;
        let (m, d) = if day_first { (b, a) } else { (a, b) };
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            Some((m, d))
        } else if (1..=12).contains(&d) && (1..=31).contains(&m) {
            Some((d, m))
        } else {
            None
        }
    }

    /// Written dates: "June 20, 2023", "20 June 2023", "the 20th of June", "2. Oktober", "June of 1992",
    /// "2017 April", "May twenty nine".
    fn written(&self, i: usize) -> M<Part> {
        let mut best: M<Part> = None;
        let mut keep = |c: M<Part>| {
            if let Some(c) = c
                && best.as_ref().is_none_or(|b| c.0 > b.0)
            {
                best = Some(c);
            }
        };
        // Month first.
        if let Some((j, m)) = self.month(i) {
            let k = self.skip(j, Role::Det);
            let k = match self.punct(k, &[","]) {
                Some(c) if self.day(c).is_some_and(|(_, (_, marked))| marked) => c,
                _ => k,
            };
            if let Some((k2, (d, _))) = self.day(k) {
                let (end, year) = self.year_after(k2);
                keep(Some((
                    end,
                    Part {
                        year,
                        month: Some(m),
                        day: Some(d),
                        weekday: None,
                    },
                )));
            }
            // "June of 1992", "Dec, 2018", "Dec-2018"
            let k = self
                .punct(j, &[",", "-", "/"])
                .or_else(|| self.role(j, |r| matches!(r, Role::Of | Role::In)))
                .unwrap_or(j);
            if let Some((end, y)) = self
                .year(k)
                .or_else(|| if k > j { self.trailing_year(k) } else { None })
                .or_else(|| self.year_words(k))
            {
                keep(Some((
                    end,
                    Part {
                        year: Some(y),
                        month: Some(m),
                        day: None,
                        weekday: None,
                    },
                )));
            }
        }
        // Day first.
        let k = self.skip(i, Role::Det);
        if let Some((j, (d, marked))) = self.day(k) {
            let j2 = self.skip(j, Role::Of);
            let j2 = if self.l.ordinal_dot && marked {
                self.punct(j2, &["/"]).unwrap_or(j2)
            } else {
                j2
            };
            if let Some((j3, m)) = self.month(j2).or_else(|| self.ordinal_month(j2)) {
                let (end, year) = self.year_after(j3);
                keep(Some((
                    end,
                    Part {
                        year,
                        month: Some(m),
                        day: Some(d),
                        weekday: None,
                    },
                )));
            }
        }
        // Year first: "2017 April".
        if let Some((j, y)) = self.year(i)
            && let Some((end, m)) = self.month(j)
            && (!self.is_abbrev(j) || self.glued(j))
        {
            keep(Some((
                end,
                Part {
                    year: Some(y),
                    month: Some(m),
                    day: None,
                    weekday: None,
                },
            )));
        }
        best
    }

    /// German numeric months written as ordinals after a day ("7. vierter", "siebten vierten"), or "4."
    fn ordinal_month(&self, i: usize) -> M<u32> {
        if !self.l.ordinal_dot {
            return None;
        }
        let (j, (m, marked)) = self.day(i)?;
        (marked
            && (1..=12).contains(&m)
            && self
                .tok(i)
                .is_some_and(|t| t.kind == Kind::Word || self.glued(i + 1)))
        .then_some((j, m))
    }

    /// An optional year after a day and month: ", 2023", " 2023", " of 1995", " in 2020", "'87".
    fn year_after(&self, i: usize) -> (usize, Option<i32>) {
        let j = self.punct(i, &[","]).unwrap_or(i);
        let j = self
            .role(j, |r| matches!(r, Role::Of | Role::In))
            .unwrap_or(j);
        match self
            .trailing_year(j)
            .or_else(|| self.year(j))
            .or_else(|| self.year_words(j))
        {
            Some((end, y)) => (end, Some(y)),
            None => (i, None),
        }
    }

    /// Weekdays: "Tuesday", "Tuesday night", "next Friday", "Monday 21", "Tuesday of next week",
    /// "next week Monday".
    fn weekday_expr(&self, i: usize) -> M<Expr> {
        // "next week (on) Monday"
        if let Some((j, m)) = self.modifier(i)
            && let Some((k, Unit::Week | Unit::WorkWeek)) = self.unit(j)
        {
            let k2 = self
                .role(k, |r| r == Role::On)
                .or_else(|| self.punct(k, &["-", ","]))
                .unwrap_or(k);
            if let Some((end, wd)) = self.weekday(k2, true) {
                return Some((
                    end,
                    Expr::Weekday {
                        weekday: wd,
                        modifier: None,
                        week: Some(week_offset(m)),
                    },
                ));
            }
        }
        let (j, modifier) = match self.modifier(i) {
            Some((j, m)) => (j, Some(m)),
            None => (i, None),
        };
        let (k, wd) = self.weekday(j, true)?;
        let abbreviated = self
            .word(j)
            .is_some_and(|w| self.l.is_weekday_abbreviation(w));
        // "Monday 21", "Tuesday the eleventh", "Dienstag, der 25."
        if modifier.is_none() {
            let k2 = self.punct(k, &[","]).unwrap_or(k);
            let k2 = self.skip(k2, Role::Det);
            if let Some((end, (d, marked))) = self.day(k2) {
                let digits = self.tok(k2).is_some_and(|t| t.kind == Kind::Num);
                if marked || digits {
                    // Not the start of a longer date ("Monday 21 June" is the date rule's).
                    return Some((
                        end,
                        Expr::Part(Part {
                            year: None,
                            month: None,
                            day: Some(d),
                            weekday: Some(wd),
                        }),
                    ));
                }
            }
        }
        // "Tuesday of next week", "monday of the following week"
        let k2 = self.is(k, Role::Of).map(|x| self.skip(x, Role::Det));
        if let Some((k3, m)) = k2.and_then(|x| self.modifier(x))
            && let Some((end, Unit::Week | Unit::WorkWeek)) = self.unit(k3)
        {
            return Some((
                end,
                Expr::Weekday {
                    weekday: wd,
                    modifier: None,
                    week: Some(week_offset(m)),
                },
            ));
        }
        if abbreviated {
            return None;
        }
        // "Tuesday night", "Dienstagabend" is one word and not handled.
        let end = self.is(k, Role::DayPart).unwrap_or(k);
        Some((
            end,
            Expr::Weekday {
                weekday: wd,
                modifier,
                week: None,
            },
        ))
    }

    /// Relative words and periods: "yesterday", "this morning", "last week", "the next 3 days",
    /// "earlier this month", "this weekend", "letztes Jahr".
    fn relative(&self, i: usize) -> M<Expr> {
        if let Some((j, n)) = self.phrases(i).find_map(|(j, r)| match r {
            Role::RelDay(n) => Some((j, n)),
            _ => None,
        }) {
            // German "am Morgen" (in the morning) is not "morgen" (tomorrow).
            let noun = self.tok(i).is_some_and(|t| t.capitalised)
                && !self.sentence_start(i)
                && i > 0
                && self
                    .role(i - 1, |r| matches!(r, Role::Det | Role::On | Role::Mod(_)))
                    .is_some();
            if !noun {
                let end = self.is(j, Role::DayPart).unwrap_or(j);
                return Some((end, Expr::RelDay(n)));
            }
        }
        // "the weekend", "am Wochenende"
        let w = self
            .role(i, |r| matches!(r, Role::Det | Role::On))
            .unwrap_or(i);
        if let Some((end, Unit::Weekend)) = self.unit(w) {
            return Some((
                end,
                Expr::Period {
                    unit: Unit::Weekend,
                    offset: 0,
                },
            ));
        }
        let i0 = i;
        // earlier this month / later in the week
        if let Some((j, r)) = self
            .phrases(i0)
            .find(|(_, r)| matches!(r, Role::Earlier | Role::LaterIn))
        {
            let k = self
                .role(j, |r| matches!(r, Role::In | Role::Mod(Modifier::This)))
                .unwrap_or(j);
            let k = self.skip(k, Role::Det);
            let (end, u) = self.unit(k)?;
            return Some((
                end,
                if r == Role::Earlier {
                    Expr::Earlier(u)
                } else {
                    Expr::Later(u)
                },
            ));
        }
        // "the 5 past years", "3 next weeks"
        if let Some((j, n)) = self.count(i0)
            && let Some((k, m)) = self.modifier(j)
        {
            let (end, u) = self.unit(k)?;
            return running(m, n, u).map(|e| (end, e));
        }
        let (j, m) = self.modifier(i0)?;
        // "the next 3 days", "nächsten beiden Tage"
        if let Some((k, n)) = self.count(j)
            && let Some((end, u)) = self.unit(k)
        {
            return running(m, n, u).map(|e| (end, e));
        }
        // "last week", "this year", "next weekend"
        let (end, u) = self.unit(j)?;
        // Modifiers that point within a span ("past", "coming") mean the neighbouring one for periods.
        Some((
            end,
            Expr::Period {
                unit: u,
                offset: week_offset(m),
            },
        ))
    }

    /// Durations before or after a day: "two days ago", "vor zwei Tagen", "in two weeks", "3 weeks later",
    /// "two days after tomorrow", "2 weeks before May 13 1999", "a fortnight later".
    fn shifted(&self, i: usize) -> M<Expr> {
        if let Some(j) = self.is(i, Role::AgoPrefix) {
            let (end, by) = self.duration(j)?;
            return Some((
                end,
                Expr::Shift {
                    base: Box::new(Expr::RelDay(0)),
                    by: negate(by),
                },
            ));
        }
        if let Some(j) = self.is(i, Role::In) {
            let (end, by) = self.duration(j)?;
            return Some((
                end,
                Expr::Shift {
                    base: Box::new(Expr::RelDay(0)),
                    by,
                },
            ));
        }
        let (j, by) = self.duration(i)?;
        match self.phrase(j) {
            Some((end, Role::Ago)) => Some((
                end,
                Expr::Shift {
                    base: Box::new(Expr::RelDay(0)),
                    by: negate(by),
                },
            )),
            Some((end, Role::Later | Role::FromNow)) => Some((
                end,
                Expr::Shift {
                    base: Box::new(Expr::RelDay(0)),
                    by,
                },
            )),
            Some((k, r @ (Role::ShiftAfter | Role::ShiftBefore | Role::RangeOpen))) => {
                let (end, base) = self.anchor_day(k)?;
                let by = if r == Role::ShiftBefore {
                    negate(by)
                } else {
                    by
                };
                Some((
                    end,
                    Expr::Shift {
                        base: Box::new(base),
                        by,
                    },
                ))
            }
            _ => None,
        }
    }

    /// What a duration can be counted from: a relative day, a date, a weekday, a holiday.
    fn anchor_day(&self, i: usize) -> M<Expr> {
        [
            self.phrase(i).and_then(|(j, r)| match r {
                Role::RelDay(n) => Some((j, Expr::RelDay(n))),
                _ => None,
            }),
            self.date(i)
                .filter(|(_, e)| matches!(e, Expr::Part(p) if p.day.is_some())),
            self.weekday_expr(i),
            self.holiday(i),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(e, _)| *e)
    }

    /// "2 weeks", "a fortnight", "2 weeks and 2 days", "2 years 1 month 21 days".
    fn duration(&self, i: usize) -> M<Vec<(i64, Unit)>> {
        let mut by = Vec::new();
        let mut j = i;
        while let Some((k, n)) = self.count(j) {
            let Some((k2, u)) = self.unit(k) else { break };
            if matches!(u, Unit::Weekend | Unit::WorkWeek) {
                break;
            }
            by.push((n, u));
            j = k2;
            let next = self
                .is(j, Role::And)
                .or_else(|| self.punct(j, &[","]))
                .unwrap_or(j);
            if self.count(next).and_then(|(k, _)| self.unit(k)).is_none() {
                break;
            }
            j = next;
        }
        (!by.is_empty()).then_some((j, by))
    }

    /// Quarters, halves, week numbers, decades and centuries: "Q1 2019", "2019-Q1", "the first quarter of
    /// 2013", "last quarter", "week 31", "the 1990s", "nineties", "21st century".
    fn numbered_period(&self, i: usize) -> M<Expr> {
        let i0 = i;
        // "2019 q1", "2019-H2"
        if let Some((j, y)) = self.year(i0) {
            let j2 = self.punct(j, &["-"]).filter(|_| self.glued(j)).unwrap_or(j);
            if let Some((end, e)) = self.q_or_h(j2, YearRef::Absolute(y)) {
                return Some((end, e));
            }
        }
        // "q1", "q3 2019", "q1-2019", "q1 of 2017"
        if let Some((j, e)) = self.q_or_h(i0, YearRef::Nearest) {
            let k = self
                .punct(j, &["-"])
                .filter(|_| self.glued(j))
                .or_else(|| self.is(j, Role::Of))
                .unwrap_or(j);
            if let Some((end, y)) = self.year(k) {
                return Some((end, with_year(e, YearRef::Absolute(y))));
            }
            return Some((j, e));
        }
        // "first quarter of 2013", "the first quarter of the year"
        if let Some((j, (n, true))) = self.day(self.skip(i0, Role::Det)) {
            if let Some(k) = self
                .is(j, Role::QuarterWord)
                .filter(|_| (1..=4).contains(&n))
            {
                let e = Expr::Quarter {
                    year: YearRef::Nearest,
                    quarter: n,
                };
                return Some(
                    self.of_year(k)
                        .map_or((k, e.clone()), |(end, y)| (end, with_year(e, y))),
                );
            }
            if let Some(k) = self.is(j, Role::Century) {
                return Some((k, Expr::Century(n as i32)));
            }
        }
        // "week 31", "week 3 of 2027"
        if let Some(j) = self.is(i0, Role::WeekWord) {
            let t = self.tok(j)?;
            let n = u32::try_from(t.value?)
                .ok()
                .filter(|n| t.kind == Kind::Num && (1..=53).contains(n))?;
            let e = Expr::Week {
                year: YearRef::Relative(0),
                week: n,
            };
            return Some(
                self.of_year(j + 1)
                    .map_or((j + 1, e.clone()), |(end, y)| (end, with_year(e, y))),
            );
        }
        // "1990s", "90s", "the 90 s"
        if let Some(t) = self.tok(i0).filter(|t| t.kind == Kind::Num) {
            let v = t.value?;
            let s = self.word(i0 + 1).filter(|w| *w == "s");
            let decade = (t.digits() == 4 && v % 10 == 0 && YEARS.contains(&v))
                .then_some(v as i32)
                .or_else(|| {
                    (t.digits() == 2 && v % 10 == 0).then(|| pivot_year(v).min(1900 + v as i32))
                });
            if let (Some(_), Some(y)) = (s, decade)
                && (t.digits() == 4 || i0 > i || self.cue_before(i0) || self.glued(i0 + 1))
            {
                return Some((i0 + 2, Expr::Decade(y)));
            }
        }
        if let Some((j, Role::Decade(d))) = self.phrase(i0) {
            return Some((j, Expr::Decade(1900 + d as i32)));
        }
        None
    }

    /// "q1".."q4", "h1", "h2" (the letter and digit glued).
    fn q_or_h(&self, i: usize, year: YearRef) -> M<Expr> {
        let w = self.word(i)?;
        let t = self
            .tok(i + 1)
            .filter(|t| t.kind == Kind::Num && self.glued(i + 1) && t.digits() == 1)?;
        let n = u32::try_from(t.value?).ok()?;
        // The next token must not continue a word ("q1a").
        if self
            .tok(i + 2)
            .is_some_and(|x| x.kind == Kind::Word && self.glued(i + 2))
        {
            return None;
        }
        match w {
            "q" if (1..=4).contains(&n) => Some((i + 2, Expr::Quarter { year, quarter: n })),
            "h" if (1..=2).contains(&n) => Some((i + 2, Expr::Half { year, half: n })),
            _ => None,
        }
    }

    /// "of 2013", "of the year", "of last year", "of next year".
    fn of_year(&self, i: usize) -> M<YearRef> {
        let j = self.is(i, Role::Of)?;
        if let Some((end, y)) = self.year(j) {
            return Some((end, YearRef::Absolute(y)));
        }
        let k = self.skip(j, Role::Det);
        if let Some((k2, m)) = self.modifier(k)
            && let Some((end, Unit::Year)) = self.unit(k2)
        {
            return Some((end, YearRef::Relative(week_offset(m))));
        }
        match self.unit(k) {
            Some((end, Unit::Year)) if k > j => Some((end, YearRef::Relative(0))),
            _ => None,
        }
    }

    /// Holidays from the table: "Christmas", "Easter 2018", "next Easter", "Ostermontag".
    fn holiday(&self, i: usize) -> M<Expr> {
        let (j, modifier) = match self.modifier(i) {
            Some((j, m)) => (j, Some(m)),
            None => (i, None),
        };
        let first = self.tok(j)?;
        let (k, h) = self
            .l
            .holidays
            .get(&first.text)?
            .iter()
            .find_map(|(words, h)| {
                let ok = words
                    .iter()
                    .enumerate()
                    .all(|(n, w)| self.tok(j + n).is_some_and(|t| &t.text == w));
                ok.then_some((j + words.len(), *h))
            })?;
        let (end, year) = match self.year(k) {
            Some((end, y)) => (end, YearRef::Absolute(y)),
            None => match self.of_year(k) {
                Some((end, y)) => (end, y),
                None => (k, YearRef::Nearest),
            },
        };
        Some((
            end,
            Expr::Holiday {
                holiday: h,
                year,
                modifier,
            },
        ))
    }

    /// A year on its own: "in 2016", "the year 2008", "Jahr 2009". Bare four-digit numbers count only where
    /// they cannot be a quantity ("2000 people", "$2016").
    fn year_expr(&self, i: usize) -> M<Expr> {
        if let Some(j) = self.is(i, Role::YearWord) {
            let (end, y) = self.year(j)?;
            return Some((
                end,
                Expr::Part(Part {
                    year: Some(y),
                    ..Part::default()
                }),
            ));
        }
        let (j, y) = self.year(i)?;
        let before_ok = i == 0
            || !self.tok(i - 1).is_some_and(|t| {
                (t.kind == Kind::Punct
                    && matches!(t.text.as_str(), "$" | "€" | "£" | "#" | "," | "." | ":"))
                    && self.glued(i)
                    || t.kind == Kind::Num
            });
        let after_ok = match self.tok(j) {
            None => true,
            Some(t) if t.kind == Kind::Punct => {
                let glued = self.glued(j);
                let thousands = t.text == ","
                    && glued
                    && self
                        .tok(j + 1)
                        .is_some_and(|n| n.kind == Kind::Num && n.digits() == 3);
                !(thousands || glued && matches!(t.text.as_str(), "%" | ":"))
            }
            // "2000 people" is a quantity; "2016 Olympics", "in 2016 the …", "2014 to 2018" are years.
            Some(t) if t.kind == Kind::Word => {
                t.capitalised || self.phrase(j).is_some() || self.cue_before(i)
            }
            Some(_) => false,
        };
        (before_ok && after_ok).then_some((
            j,
            Expr::Part(Part {
                year: Some(y),
                ..Part::default()
            }),
        ))
    }

    /// A year in words after "in", "since" …: "in nineteen ninety six", "in two thousand and fifteen". Not
    /// before a lower-case word ("in two thousand homes").
    fn year_in_words(&self, i: usize) -> M<Expr> {
        if !self.cue_before(i) {
            return None;
        }
        let (end, y) = self.year_words(i)?;
        if self
            .tok(end)
            .is_some_and(|t| t.kind == Kind::Word && !t.capitalised && self.phrase(end).is_none())
        {
            return None;
        }
        Some((
            end,
            Expr::Part(Part {
                year: Some(y),
                ..Part::default()
            }),
        ))
    }

    /// A month without day: "in May", "this September" ("March 2019" is the date rule's). Full names count
    /// alone; abbreviations and names that are also common words ("may", "march") need a cue before them.
    fn month_alone(&self, i: usize) -> M<Expr> {
        if let Some((j, m)) = self.modifier(i)
            && let Some((end, month)) = self.month(j)
        {
            return Some((end, Expr::ModMonth { month, modifier: m }));
        }
        let start = i;
        let (end, m) = self.month(start)?;
        let w = self.word(start)?;
        let ambiguous = self.l.month_ambiguous.iter().any(|a| a == w) || self.is_abbrev(start);
        let cued = self.cue_before(i);
        let capital_mid_sentence =
            self.tok(start).is_some_and(|t| t.capitalised) && !self.sentence_start(start);
        if ambiguous && !(cued || (capital_mid_sentence && !self.is_abbrev(start))) {
            return None;
        }
        Some((
            end,
            Expr::Part(Part {
                month: Some(m),
                ..Part::default()
            }),
        ))
    }

    /// "early May", "mid-November", "the end of 1989", "Ende 1989", "end of this year".
    fn part_of(&self, i: usize) -> M<Expr> {
        let (j, third) = match self.phrase(i)? {
            (j, Role::Early) => (j, Third::Early),
            (j, Role::Mid) => (j, Third::Mid),
            (j, Role::Late) => (j, Third::Late),
            _ => return None,
        };
        let j = self.punct(j, &["-"]).unwrap_or(j);
        let j = self.skip(j, Role::Det);
        let inner = [
            self.month(j).map(|(e, m)| {
                (
                    e,
                    Expr::Part(Part {
                        month: Some(m),
                        ..Part::default()
                    }),
                )
            }),
            self.date(j)
                .filter(|(_, e)| matches!(e, Expr::Part(p) if p.day.is_none())),
            self.year(j).map(|(e, y)| {
                (
                    e,
                    Expr::Part(Part {
                        year: Some(y),
                        ..Part::default()
                    }),
                )
            }),
            self.relative(j).filter(|(_, e)| {
                matches!(
                    e,
                    Expr::Period {
                        unit: Unit::Month | Unit::Year,
                        ..
                    }
                )
            }),
            self.the_period(j),
            self.month_alone(j),
        ];
        let (end, inner) = inner.into_iter().flatten().max_by_key(|(e, _)| *e)?;
        Some((
            end,
            Expr::Part3 {
                inner: Box::new(inner),
                third,
            },
        ))
    }

    /// A day of the month alone, written as an ordinal in digits after "the" or "on": "the 18th", "on 29th".
    fn day_alone(&self, i: usize) -> M<Expr> {
        let j = self.skip(i, Role::Det);
        if j == i && !self.cue_before(i) {
            return None;
        }
        let t = self.tok(j).filter(|t| t.kind == Kind::Num)?;
        let (end, (d, marked)) = self.day(j)?;
        if !marked || t.digits() > 2 {
            return None;
        }
        // "the 4th Infantry Division", "on the 5th floor".
        if self.tok(end).is_some_and(|n| n.kind == Kind::Word) && self.phrase(end).is_none() {
            return None;
        }
        Some((
            end,
            Expr::Part(Part {
                day: Some(d),
                ..Part::default()
            }),
        ))
    }

    /// Open ranges: "since May", "after 2016", "before Christmas", "until Friday", "bis März 2008",
    /// "2012 or later", "year 2016 and after".
    fn open_range(&self, i: usize) -> M<Expr> {
        let (j, kind) = match self.phrases(i).find(|(_, r)| {
            matches!(
                r,
                Role::Since | Role::Until | Role::ShiftAfter | Role::ShiftBefore
            )
        }) {
            Some((j, r)) => (j, Some(r)),
            None => (i, None),
        };
        let k = self.skip(j, Role::Det);
        let mut items = self.range_item(k, true);
        // A bare number is a day only where a range makes it one: "by 30" is a margin, "until 5" a count.
        if !matches!(self.day(k), Some((_, (_, true)))) {
            items.retain(|(_, e)| !matches!(e, Expr::Part(p) if p.month.is_none() && p.year.is_none() && p.day.is_some() && p.weekday.is_none()));
        }
        items.extend(
            [self.part_of(k), self.relative(k), self.year_expr(k)]
                .into_iter()
                .flatten(),
        );
        let (end, inner) = items.into_iter().max_by_key(|(e, _)| *e)?;
        let inner = Box::new(inner);
        match kind {
            Some(Role::Since) => Some((
                end,
                Expr::OpenStart {
                    from: inner,
                    inclusive: true,
                },
            )),
            Some(Role::ShiftAfter) => Some((
                end,
                Expr::OpenStart {
                    from: inner,
                    inclusive: false,
                },
            )),
            Some(Role::Until) => Some((
                end,
                Expr::OpenEnd {
                    to: inner,
                    inclusive: true,
                },
            )),
            Some(_) => Some((
                end,
                Expr::OpenEnd {
                    to: inner,
                    inclusive: false,
                },
            )),
            None => {
                let end = self.is(end, Role::OrLater)?;
                // "1/1/2016 and after 6PM": the "after" opens something else.
                if self.tok(end).is_some_and(|t| t.kind == Kind::Num) {
                    return None;
                }
                Some((
                    end,
                    Expr::OpenStart {
                        from: inner,
                        inclusive: true,
                    },
                ))
            }
        }
    }

    /// Ranges: "from March to May", "between 2014 and 2018", "20-22 June", "vom 12. Januar bis zum 22.01.",
    /// "April 9th through 17th", "Monday to Friday".
    fn range(&self, i: usize) -> M<Expr> {
        let (j, opener) = match self.phrase(i) {
            Some((j, Role::RangeOpen)) => (j, Some(false)),
            Some((j, Role::Between)) => (j, Some(true)),
            _ => (i, None),
        };
        let j = self.skip(j, Role::Det);
        let left = self.range_item(j, opener.is_some() || self.cue_before(i));
        let mut best: M<Expr> = None;
        for (k, l) in left {
            let conn = if opener == Some(true) {
                self.is(k, Role::And)
                    .or_else(|| self.is(k, Role::RangeTo))
                    .or_else(|| self.punct(k, &["-", "–", "~"]))
            } else {
                self.is(k, Role::RangeTo)
                    .or_else(|| self.punct(k, &["-", "–", "~"]))
            };
            let Some(c) = conn else { continue };
            let c = self.skip(c, Role::Det);
            for (end, r) in self.range_item(c, true) {
                if let Some(e) = join(l.clone(), r)
                    && best.as_ref().is_none_or(|b| end > b.0)
                {
                    best = Some((end, e));
                }
            }
        }
        best
    }

    /// What a range end can be: a date, a month, a year, a weekday, a relative day, or a bare day number.
    fn range_item(&self, i: usize, cued: bool) -> Vec<(usize, Expr)> {
        let mut v: Vec<(usize, Expr)> = Vec::new();
        if let Some(r) = self.date_cued(i, cued) {
            v.push(r);
        }
        // "between now and May 21", "from March to date"
        if let Some(j) = self.is(i, Role::Now) {
            v.push((j, Expr::RelDay(0)));
        }
        if let Some((j, (d, marked))) = self.day(i)
            && (cued || marked)
        {
            v.push((
                j,
                Expr::Part(Part {
                    day: Some(d),
                    ..Part::default()
                }),
            ));
        }
        if let Some((j, y)) = self.year(i) {
            v.push((
                j,
                Expr::Part(Part {
                    year: Some(y),
                    ..Part::default()
                }),
            ));
        }
        if let Some((j, m)) = self.month(i)
            && (cued || !self.is_abbrev(i))
        {
            v.push((
                j,
                Expr::Part(Part {
                    month: Some(m),
                    ..Part::default()
                }),
            ));
        }
        for r in [
            self.month_alone(i),
            self.weekday_expr(i),
            self.numbered_period(i),
            self.holiday(i),
            self.mod_date(i),
        ]
        .into_iter()
        .flatten()
        {
            v.push(r);
        }
        if let Some((j, Role::RelDay(n))) = self.phrase(i) {
            v.push((j, Expr::RelDay(n)));
        }
        v
    }
}

/// "next" 1, "last" -1, "this" 0 … as a count of periods.
fn week_offset(m: Modifier) -> i64 {
    match m {
        Modifier::This => 0,
        Modifier::Next | Modifier::Coming => 1,
        Modifier::Prev | Modifier::Past => -1,
        Modifier::Next2 => 2,
        Modifier::Prev2 => -2,
    }
}

fn running(m: Modifier, n: i64, unit: Unit) -> Option<Expr> {
    let forward = match m {
        Modifier::Next | Modifier::Coming => true,
        Modifier::Prev | Modifier::Past => false,
        _ => return None,
    };
    (n > 0 && !matches!(unit, Unit::Weekend | Unit::WorkWeek)).then_some(Expr::Running {
        n,
        unit,
        forward,
    })
}

fn negate(by: Vec<(i64, Unit)>) -> Vec<(i64, Unit)> {
    by.into_iter().map(|(n, u)| (-n, u)).collect()
}

fn with_year(e: Expr, year: YearRef) -> Expr {
    match e {
        Expr::Quarter { quarter, .. } => Expr::Quarter { year, quarter },
        Expr::Half { half, .. } => Expr::Half { year, half },
        Expr::Week { week, .. } => Expr::Week { year, week },
        other => other,
    }
}

/// Joins two range ends, letting each borrow what the other states ("20–22 June 2023": the first end takes
/// month and year from the second). `None` when the two ends are of kinds that make no range.
fn join(left: Expr, right: Expr) -> Option<Expr> {
    match (left, right) {
        (Expr::Part(mut l), Expr::Part(mut r)) => {
            if l.day.is_some() && l.month.is_none() {
                r.month?;
                l.month = r.month;
            }
            if r.day.is_some() && r.month.is_none() {
                r.month = l.month;
                r.month?;
            }
            if l.year.is_none() && l.month.is_some() {
                l.year = r.year;
            }
            if r.year.is_none() && r.month.is_some() && l.year.is_some() && r.month >= l.month {
                r.year = l.year;
            }
            // A year and a bare day number are not the two ends of anything.
            let kind = |p: &Part| (p.day.is_some(), p.month.is_some());
            if kind(&l) != kind(&r)
                && !(l.day.is_some() && r.day.is_some())
                && !(l.month.is_some() && r.month.is_some())
                && !(l.year.is_some() && r.year.is_some())
            {
                return None;
            }
            Some(Expr::Range(
                Box::new(Expr::Part(l)),
                Box::new(Expr::Part(r)),
            ))
        }
        (Expr::Part(l), _) if l.day.is_some() && l.month.is_none() => None,
        (_, Expr::Part(r)) if r.day.is_some() && r.month.is_none() => None,
        (l, r) => Some(Expr::Range(Box::new(l), Box::new(r))),
    }
}
