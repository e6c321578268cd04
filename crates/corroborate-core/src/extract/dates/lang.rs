//! What the date grammar knows about one language, read from its data tables.
//!
//! The grammar itself is language-neutral: it asks "is this word a weekday, a unit, a modifier like *last*,
//! a connector like *until*?" and this module answers from `data/<lang>/`:
//! `months` (shared with ingest), `weekdays`, `date_words` (phrases and their roles), `numbers` (cardinal
//! words), `ordinals` (ordinal words, with `ordinal_endings` for inflected languages) and `holidays`.
//! Adding French or Spanish means adding those tables, not code.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{LazyLock, Mutex};

use crate::lexicon;

/// A calendar unit that relative expressions count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Weekend,
    WorkWeek,
}

/// How a modifier places a weekday or period relative to the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    /// "this": the one of the current week/month/year.
    This,
    /// "next", "following": the one of the next period (for weekdays: of next week).
    Next,
    /// "last", "previous": the one of the previous period.
    Prev,
    /// "the week after next", "übernächste".
    Next2,
    /// "vorletzte".
    Prev2,
    /// "this past", "past": the most recent one strictly before the anchor.
    Past,
    /// "coming", "upcoming": the next one strictly after the anchor.
    Coming,
}

/// The role a phrase of the `date_words` table plays in the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A day relative to the anchor: today 0, yesterday -1.
    RelDay(i64),
    Mod(Modifier),
    Unit(Unit),
    /// Postfix "ago".
    Ago,
    /// Prefix "vor" (German "vor zwei Tagen").
    AgoPrefix,
    /// "in" before a count: "in two weeks".
    In,
    /// Postfix "later", "später".
    Later,
    /// "after" / "before" / "from" between a count and a date: "two days after Christmas".
    ShiftAfter,
    ShiftBefore,
    /// "since", "starting", "seit", "ab": an open range from a day on (inclusive).
    Since,
    /// "until", "till", "bis": an open range up to a day (inclusive).
    Until,
    /// "or later", "and after" after a date: an open range from it on.
    OrLater,
    /// "from now", "ab heute".
    FromNow,
    /// "from", "between", "vom": opens a range.
    RangeOpen,
    /// "to", "until", "through", "bis": closes a range.
    RangeTo,
    /// "between", "zwischen": opens a range that "and" closes.
    Between,
    /// "and": closes a range opened by "between".
    And,
    /// Articles the grammar may skip inside a date ("the 20th", "den 3.").
    Det,
    /// "of": "20th of June", "last week of July".
    Of,
    /// "on", "am": a preposition before a day, left outside the span.
    On,
    /// "morning", "evening", "night": a part of the day after a day word ("Tuesday night").
    DayPart,
    /// "earlier", "later" before "this month".
    Earlier,
    LaterIn,
    /// Words that mark the sentence as talking about the future ("will", "wird").
    Future,
    /// "year" before a year number ("the year 2008", "im Jahr 2009").
    YearWord,
    /// "week" before a week number.
    WeekWord,
    /// "quarter" as in "first quarter of 2013", "Q1".
    QuarterWord,
    /// Ordinal suffix after digits: "st", "nd", "rd", "th".
    OrdinalSuffix,
    /// "mid", "early", "late" before a month or year.
    Early,
    Mid,
    Late,
    /// "century".
    Century,
    /// Decade words: "nineties" → 90.
    Decade(i64),
    /// A period whose days depend on who speaks: seasons (hemisphere), fiscal and school years. Found, so
    /// that the text is known to name a time, but never placed.
    Vague,
    /// "now", "date" ("to date"): the anchor day as the end of a range.
    Now,
    /// "week of", "week beginning", "w/c": the week that contains the day after it.
    WeekOf,
    /// "the year", "the week": the current unit, said without "this".
    Current(Unit),
}

/// FNV-1a: the tables are looked up for nearly every word of a text, with short keys that come from the
/// text itself; the standard SipHash is made for untrusted keys and costs several times more per word.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// [`Lang::classify`]: a date expression can start with the word.
pub const MAY_START: u8 = 1;
/// [`Lang::classify`]: the word carries a date (see [`Lang::strong`]).
pub const STRONG: u8 = 2;

/// A word table keyed by lower-case words.
pub type Words<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// One language's date vocabulary.
#[derive(Debug, Default)]
pub struct Lang {
    /// Phrases (lower-case words separated by spaces) by their first word, longest first.
    pub phrases: Words<Vec<(Vec<String>, Role)>>,
    /// Words that every date expression contains at least one of within its first few tokens (a month, a
    /// weekday, a unit, "yesterday", a holiday …; digits count too). Most sentences have none, and the
    /// grammar skips them without trying its rules: that is what makes it fast on ordinary text.
    pub strong: HashSet<String, BuildHasherDefault<Fnv>>,
    /// For every word in any table: [`MAY_START`] and [`STRONG`] flags, so that the scanner classifies a
    /// word of the text with one lookup.
    pub class: Words<u8>,
    pub months: Words<u32>,
    /// Month abbreviations ("jan", "sept"): accepted alone only where a date is clearly meant.
    pub month_abbreviations: Vec<String>,
    /// Month names that are also common words ("may", "march"): alone they need a cue.
    pub month_ambiguous: Vec<String>,
    pub weekdays: Words<u32>,
    pub weekday_abbreviations: Vec<String>,
    pub numbers: Words<i64>,
    pub ordinals: Words<u32>,
    pub ordinal_endings: Vec<String>,
    /// Holidays by the first word of their name (names may have several words), longest first: the rule
    /// that gives their date in a year.
    pub holidays: Words<Vec<(Vec<String>, Holiday)>>,
    /// Numeric dates are read day first (21/06, 21.06.) rather than month first (06/21).
    pub day_first: bool,
    /// "3." is an ordinal day ("am 3. Oktober").
    pub ordinal_dot: bool,
}

/// How to find a holiday in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    Fixed {
        month: u32,
        day: u32,
    },
    /// Days after (or before) Easter Sunday.
    Easter(i64),
    /// The `nth` (1-based; negative counts from the end) `weekday` of `month`, plus `shift` days.
    NthWeekday {
        month: u32,
        weekday: u32,
        nth: i32,
        shift: i64,
    },
}

impl Role {
    /// Roles that carry the date themselves, rather than only modifying or connecting one.
    fn is_strong(self) -> bool {
        matches!(
            self,
            Role::RelDay(_)
                | Role::Unit(_)
                | Role::YearWord
                | Role::WeekWord
                | Role::QuarterWord
                | Role::Century
                | Role::Decade(_)
                | Role::Vague
                | Role::Current(_)
        )
    }
}

fn role(spec: &str) -> Option<Role> {
    let mut it = spec.split_whitespace();
    let head = it.next()?;
    let arg = it.next();
    let unit = |a: Option<&str>| -> Option<Unit> {
        Some(match a? {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "fortnight" => Unit::Fortnight,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "weekend" => Unit::Weekend,
            "workweek" => Unit::WorkWeek,
            _ => return None,
        })
    };
    Some(match head {
        "rel" => Role::RelDay(arg?.parse().ok()?),
        "mod" => Role::Mod(match arg? {
            "this" => Modifier::This,
            "next" => Modifier::Next,
            "prev" => Modifier::Prev,
            "next2" => Modifier::Next2,
            "prev2" => Modifier::Prev2,
            "past" => Modifier::Past,
            "coming" => Modifier::Coming,
            _ => return None,
        }),
        "unit" => Role::Unit(unit(arg)?),
        "ago" => Role::Ago,
        "ago_prefix" => Role::AgoPrefix,
        "in" => Role::In,
        "later" => Role::Later,
        "after" => Role::ShiftAfter,
        "before" => Role::ShiftBefore,
        "from_now" => Role::FromNow,
        "since" => Role::Since,
        "until" => Role::Until,
        "or_later" => Role::OrLater,
        "range_open" => Role::RangeOpen,
        "range_to" => Role::RangeTo,
        "and" => Role::And,
        "between" => Role::Between,
        "det" => Role::Det,
        "of" => Role::Of,
        "on" => Role::On,
        "daypart" => Role::DayPart,
        "earlier" => Role::Earlier,
        "later_in" => Role::LaterIn,
        "future" => Role::Future,
        "year_word" => Role::YearWord,
        "week_word" => Role::WeekWord,
        "quarter_word" => Role::QuarterWord,
        "ordinal_suffix" => Role::OrdinalSuffix,
        "early" => Role::Early,
        "mid" => Role::Mid,
        "late" => Role::Late,
        "century" => Role::Century,
        "decade" => Role::Decade(arg?.parse().ok()?),
        "vague" => Role::Vague,
        "now" => Role::Now,
        "week_of" => Role::WeekOf,
        "current" => Role::Current(unit(arg)?),
        _ => return None,
    })
}

fn holiday(spec: &str) -> Option<Holiday> {
    let parts: Vec<&str> = spec.split_whitespace().collect();
    match parts.as_slice() {
        ["easter", shift] => Some(Holiday::Easter(shift.parse().ok()?)),
        [month, weekday, nth] | [month, weekday, nth, _] => {
            let shift = parts.get(3).map_or(Some(0), |s| s.parse().ok())?;
            Some(Holiday::NthWeekday {
                month: month.parse().ok()?,
                weekday: weekday.parse().ok()?,
                nth: nth.parse().ok()?,
                shift,
            })
        }
        [md] => {
            let (m, d) = md.split_once('-')?;
            Some(Holiday::Fixed {
                month: m.parse().ok()?,
                day: d.parse().ok()?,
            })
        }
        _ => None,
    }
}

/// A phrase as the tokens the grammar will see ("'ll" is two tokens).
fn words(phrase: &str) -> Vec<String> {
    super::tokens::tokenize(phrase)
        .into_iter()
        .map(|t| t.text)
        .collect()
}

/// Names in a `name = number` table, to their numbers.
fn numbered(lang: &str, table: &str) -> Words<i64> {
    lexicon::lines(lang, table)
        .into_iter()
        .filter_map(lexicon::key_value)
        .filter_map(|(k, v)| Some((k.to_lowercase(), v.parse().ok()?)))
        .collect()
}

/// Entries that are a strict prefix of another name with the same number ("jan" of "january").
fn abbreviations(names: &Words<u32>) -> Vec<String> {
    names
        .iter()
        .filter(|(name, n)| {
            names.iter().any(|(other, m)| {
                m == *n && other.len() > name.len() && other.starts_with(name.as_str())
            })
        })
        .map(|(name, _)| name.clone())
        .collect()
}

impl Lang {
    fn load(lang: &str) -> Lang {
        let mut l = Lang::default();
        for entry in lexicon::lines(lang, "date_words") {
            let Some((key, value)) = lexicon::key_value(entry) else {
                continue;
            };
            match key {
                "@day_first" => l.day_first = value == "yes",
                "@ordinal_dot" => l.ordinal_dot = value == "yes",
                "@ambiguous_month" => l.month_ambiguous.push(value.to_lowercase()),
                _ => {
                    if let Some(r) = role(value) {
                        let w = words(key);
                        if let Some(first) = w.first().cloned() {
                            l.phrases.entry(first).or_default().push((w, r));
                        }
                    }
                }
            }
        }
        for list in l.phrases.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        let to_u32 = |m: Words<i64>| -> Words<u32> {
            m.into_iter()
                .filter_map(|(k, v)| Some((k, u32::try_from(v).ok()?)))
                .collect()
        };
        l.months = to_u32(numbered(lang, "months"));
        l.month_abbreviations = abbreviations(&l.months);
        l.weekdays = to_u32(numbered(lang, "weekdays"));
        l.weekday_abbreviations = abbreviations(&l.weekdays);
        l.numbers = numbered(lang, "numbers");
        l.ordinals = to_u32(numbered(lang, "ordinals"));
        l.ordinal_endings = lexicon::lines(lang, "ordinal_endings")
            .into_iter()
            .map(str::to_lowercase)
            .collect();
        l.ordinal_endings
            .sort_by_key(|e| std::cmp::Reverse(e.len()));
        for (name, rule) in lexicon::lines(lang, "holidays")
            .into_iter()
            .filter_map(lexicon::key_value)
            .filter_map(|(k, v)| Some((words(k), holiday(v)?)))
        {
            if let Some(first) = name.first().cloned() {
                l.holidays.entry(first).or_default().push((name, rule));
            }
        }
        for list in l.holidays.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        l.strong = l.strong_words();
        l.class = l.classes();
        l
    }

    fn classes(&self) -> Words<u8> {
        let mut c: Words<u8> = Words::default();
        let starts = self
            .phrases
            .keys()
            .chain(self.months.keys())
            .chain(self.weekdays.keys())
            .chain(self.numbers.keys())
            .chain(self.holidays.keys())
            .chain(self.ordinals.keys())
            .cloned()
            .chain(["q", "h"].map(String::from));
        for w in starts {
            *c.entry(w).or_default() |= MAY_START;
        }
        for w in &self.strong {
            *c.entry(w.clone()).or_default() |= STRONG;
        }
        c
    }

    /// The [`MAY_START`] / [`STRONG`] flags of a (lower-cased) word.
    pub fn classify(&self, word: &str) -> u8 {
        match self.class.get(word) {
            Some(f) => *f,
            // Inflected ordinals ("dritten") are not listed whole.
            None if !self.ordinal_endings.is_empty() && self.ordinal(word).is_some() => MAY_START,
            None => 0,
        }
    }

    /// The words of [`Lang::strong`]: months, weekdays, holidays' first words, number words of ten and more
    /// (years written out), and the last word of phrases that name a day, unit or period ("night" of "last
    /// night", "week", "yesterday").
    fn strong_words(&self) -> HashSet<String, BuildHasherDefault<Fnv>> {
        let mut s: HashSet<String, BuildHasherDefault<Fnv>> = HashSet::default();
        s.extend(self.months.keys().cloned());
        s.extend(self.weekdays.keys().cloned());
        s.extend(self.holidays.keys().cloned());
        s.extend(
            self.numbers
                .iter()
                .filter(|(_, v)| **v >= 10)
                .map(|(k, _)| k.clone()),
        );
        for (words, role) in self.phrases.values().flatten() {
            if role.is_strong()
                && let Some(last) = words.last()
            {
                s.insert(last.clone());
            }
        }
        s.extend(["q", "h"].map(String::from));
        s
    }

    /// The vocabulary of `lang`; languages without date tables fall back to English, whose numeric and ISO
    /// forms are what non-English text mostly shares.
    pub fn get(lang: &str) -> &'static Lang {
        static CACHE: LazyLock<Mutex<HashMap<String, &'static Lang>>> =
            LazyLock::new(|| Mutex::new(HashMap::new()));
        let code = if lexicon::table(lang, "date_words").is_some() {
            lang
        } else {
            "en"
        };
        let mut cache = match CACHE.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        cache
            .entry(code.to_string())
            .or_insert_with(|| Box::leak(Box::new(Lang::load(code))))
    }

    /// A month name or abbreviation.
    pub fn month(&self, word: &str) -> Option<u32> {
        self.months.get(word).copied()
    }

    pub fn is_month_abbreviation(&self, word: &str) -> bool {
        self.month_abbreviations.iter().any(|a| a == word)
    }

    pub fn weekday(&self, word: &str) -> Option<u32> {
        self.weekdays.get(word).copied()
    }

    pub fn is_weekday_abbreviation(&self, word: &str) -> bool {
        self.weekday_abbreviations.iter().any(|a| a == word)
    }

    /// An ordinal word ("third", "dritten", "siebenundzwanzigsten"), endings stripped where the language
    /// inflects them.
    pub fn ordinal(&self, word: &str) -> Option<u32> {
        if let Some(n) = self.ordinals.get(word) {
            return Some(*n);
        }
        self.ordinal_endings.iter().find_map(|e| {
            let stem = word.strip_suffix(e.as_str())?;
            self.ordinals.get(stem).copied()
        })
    }
}
