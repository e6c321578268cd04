//! The number knowledge of one language, read once from the data tables (`numbers_*`, `count_*`).
//!
//! Code in the sibling modules only asks this struct questions ("what is `dozen`?", "which qualifier ends
//! here?"); adding a language means adding tables, not code.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon;

/// What a number word does when numbers are composed from words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum WordClass {
    Zero,
    Unit(f64),
    Teen(f64),
    Tens(f64),
    Hundred,
    Scale(f64),
    Dozen,
    /// "a"/"an": one, but only before a multiplier or a denominator.
    A,
    /// German "ein"/"eine": one as a numeral, but usually an article.
    Article,
    And,
    Point,
    Minus,
    Over,
    Out,
    Of,
    In,
    /// German "einhalb" inside a compound: adds one half.
    HalfAdd,
    /// A word with a fixed value ("anderthalb").
    Value(f64),
}

/// An ordinal word: a denominator in fractions and an ordinal elsewhere.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Ordinal {
    pub value: f64,
    /// Usable after a numerator other than one ("two thirds").
    pub plural: bool,
    /// Usable after "a"/"one" ("a third").
    pub singular: bool,
    /// Only a denominator inside a compound ("twenty-first").
    pub compound_only: bool,
}

/// How a qualifier relates the number to the true count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Gt,
    Ge,
    Lt,
    Le,
    Eq,
    Approx,
    Nearly,
}

/// What a number followed by a unit word is, when it is not a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Percent,
    Money,
    Measure,
    Time,
    Age,
}

/// A vague count ("dozens"): bounds, always approximate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Vague {
    pub min: f64,
    pub max: Option<f64>,
    /// A count only when "of" follows ("scores of").
    pub needs_of: bool,
}

/// Everything `extract::numbers` knows about one language.
#[derive(Debug, Default)]
pub(crate) struct NumberLexicon {
    pub words: HashMap<String, WordClass>,
    /// Plural multipliers ("hundreds", "Millionen"): a number only after another number.
    pub plural_words: HashSet<String>,
    /// Entries usable inside compound words, longest first.
    pub morphemes: Vec<(String, WordClass)>,
    pub ordinals: HashMap<String, Ordinal>,
    /// Qualifier phrases (split into lowercase words) written before the number.
    pub before: Vec<(Vec<String>, Relation)>,
    /// Qualifier phrases written after the number.
    pub after: Vec<(Vec<String>, Relation)>,
    pub vague: Vec<(Vec<String>, Vague)>,
    pub units: Vec<(Vec<String>, UnitKind)>,
    pub year_words: HashSet<String>,
    pub not_one: HashSet<String>,
    pub age_words: HashSet<String>,
    /// Words that open a two-ended range ("between", "from", "zwischen").
    pub range_open: HashSet<String>,
    /// Words that join its ends ("and", "to", "bis").
    pub range_link: HashSet<String>,
    /// Words that join two comparisons into one range ("more than 10 and less than 20"); as a range link
    /// they need an opener ("between 10 and 15", not "10 and 15").
    pub range_join: HashSet<String>,
    /// Words skipped between a number and the counted noun ("dozens of the protesters").
    pub count_skip: HashSet<String>,
    pub events: Vec<(Vec<String>, String)>,
    pub nouns: HashMap<String, (String, Option<String>)>,
    pub stop: HashSet<String>,
    /// Words after which "3." is an ordinal (German "am 3. Juni").
    pub ordinal_context: HashSet<String>,
    /// Month names (not the short abbreviations, which are often words: "mar", "may").
    pub months: HashSet<String>,
    /// Suffixes after digits ("10k"), case-sensitive, shared by all languages.
    pub suffixes: HashMap<String, f64>,
    /// Decimal comma and dot thousands ("1.000,5"), as in German.
    pub decimal_comma: bool,
    /// Nouns are capitalised (German): the counted noun is the first capitalised word.
    pub capitalised_nouns: bool,
}

impl NumberLexicon {
    /// The lexicon of `lang`, built once; languages without tables fall back to English.
    pub fn get(lang: &str) -> &'static NumberLexicon {
        static ALL: OnceLock<HashMap<&'static str, NumberLexicon>> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            lexicon::languages()
                .into_iter()
                .filter(|l| lexicon::table(l, "numbers_words").is_some())
                .map(|l| (l, NumberLexicon::load(l)))
                .collect()
        });
        let base = lang.split(['-', '_']).next().unwrap_or(lang);
        all.get(base)
            .or_else(|| all.get("en"))
            .unwrap_or_else(|| empty())
    }

    fn load(lang: &str) -> NumberLexicon {
        let mut lex = NumberLexicon {
            decimal_comma: lang == "de",
            capitalised_nouns: lang == "de",
            ..NumberLexicon::default()
        };
        for entry in lexicon::lines(lang, "numbers_words") {
            let Some((word, spec)) = lexicon::key_value(entry) else {
                continue;
            };
            if let Some(class) = parse_class(spec) {
                lex.words.insert(word.to_lowercase(), class);
                if spec.split_whitespace().any(|f| f == "plural") {
                    lex.plural_words.insert(word.to_lowercase());
                }
            }
        }
        lex.morphemes = lex
            .words
            .iter()
            .filter(|(w, c)| {
                // Millions are separate words ("zwei Millionen"); only "tausend" joins a compound.
                !matches!(c, WordClass::Scale(v) if *v != 1000.0 || w.len() < 3)
                    && matches!(
                        c,
                        WordClass::Unit(_)
                            | WordClass::Teen(_)
                            | WordClass::Tens(_)
                            | WordClass::Hundred
                            | WordClass::Scale(_)
                            | WordClass::And
                            | WordClass::HalfAdd
                            | WordClass::Article
                    )
            })
            .map(|(w, c)| (w.clone(), *c))
            .collect();
        lex.morphemes
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        for entry in lexicon::lines(lang, "numbers_ordinals") {
            let Some((word, spec)) = lexicon::key_value(entry) else {
                continue;
            };
            let mut parts = spec.split_whitespace();
            let Some(value) = parts.next().and_then(|v| v.parse::<f64>().ok()) else {
                continue;
            };
            let flags: Vec<&str> = parts.collect();
            lex.ordinals.insert(
                word.to_lowercase(),
                Ordinal {
                    value,
                    plural: flags.contains(&"plural") || flags.contains(&"both"),
                    singular: !flags.contains(&"plural"),
                    compound_only: flags.contains(&"compound"),
                },
            );
        }
        for entry in lexicon::lines(lang, "numbers_qualifiers") {
            let Some((phrase, spec)) = lexicon::key_value(entry) else {
                continue;
            };
            let mut parts = spec.split_whitespace();
            let relation = match parts.next() {
                Some("gt") => Relation::Gt,
                Some("ge") => Relation::Ge,
                Some("lt") => Relation::Lt,
                Some("le") => Relation::Le,
                Some("eq") => Relation::Eq,
                Some("approx") => Relation::Approx,
                Some("nearly") => Relation::Nearly,
                _ => continue,
            };
            let words = split_phrase(phrase);
            if parts.next() == Some("after") {
                lex.after.push((words, relation));
            } else {
                lex.before.push((words, relation));
            }
        }
        // Longest phrases first, so "less than or equal to" wins over "less than".
        lex.before.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        lex.after.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        for entry in lexicon::lines(lang, "numbers_vague") {
            let Some((phrase, spec)) = lexicon::key_value(entry) else {
                continue;
            };
            let mut parts = spec.split_whitespace();
            let Some(min) = parts.next().and_then(|v| v.parse().ok()) else {
                continue;
            };
            let max = parts.next().and_then(|v| v.parse().ok());
            let needs_of = parts.next() == Some("of");
            lex.vague
                .push((split_phrase(phrase), Vague { min, max, needs_of }));
        }
        lex.vague.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        for entry in lexicon::lines(lang, "numbers_units") {
            let Some((phrase, kind)) = lexicon::key_value(entry) else {
                continue;
            };
            let kind = match kind {
                "percent" => UnitKind::Percent,
                "money" => UnitKind::Money,
                "measure" => UnitKind::Measure,
                "time" => UnitKind::Time,
                "age" => UnitKind::Age,
                _ => continue,
            };
            lex.units.push((split_phrase(phrase), kind));
        }
        lex.units.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        for entry in lexicon::lines(lang, "numbers_context") {
            let Some((word, role)) = lexicon::key_value(entry) else {
                continue;
            };
            let set = match role {
                "year" => &mut lex.year_words,
                "not_one" => &mut lex.not_one,
                "age" => &mut lex.age_words,
                "range_open" => &mut lex.range_open,
                "range_link" => &mut lex.range_link,
                "range_join" => &mut lex.range_join,
                "count_skip" => &mut lex.count_skip,
                _ => continue,
            };
            set.insert(word.to_lowercase());
        }
        for entry in lexicon::lines(lang, "count_events") {
            if let Some((phrase, event)) = lexicon::key_value(entry) {
                lex.events.push((split_phrase(phrase), event.to_string()));
            }
        }
        lex.events.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        for entry in lexicon::lines(lang, "count_nouns") {
            let Some((noun, spec)) = lexicon::key_value(entry) else {
                continue;
            };
            let (normal, event) = match spec.split_once('|') {
                Some((n, e)) => (n.trim().to_string(), Some(e.trim().to_string())),
                None => (spec.to_string(), None),
            };
            lex.nouns.insert(noun.to_lowercase(), (normal, event));
        }
        lex.stop = lexicon::lowercase_set(lang, "count_stop");
        lex.ordinal_context = lexicon::lowercase_set(lang, "ordinal_context");
        lex.months = lexicon::lines(lang, "months")
            .into_iter()
            .filter_map(lexicon::key_value)
            .map(|(k, _)| k.to_lowercase())
            .filter(|k| k.chars().count() > 3 || k == "mai")
            .collect();
        for entry in lexicon::lines("xx", "numbers_suffixes") {
            if let Some((suffix, mult)) = lexicon::key_value(entry)
                && let Ok(m) = mult.parse()
            {
                lex.suffixes.insert(suffix.to_string(), m);
            }
        }
        lex
    }

    /// The class of a lowercase word, if it is a number word.
    pub fn word(&self, lower: &str) -> Option<WordClass> {
        self.words.get(lower).copied()
    }

    pub fn ordinal(&self, lower: &str) -> Option<Ordinal> {
        self.ordinals.get(lower).copied()
    }
}

fn empty() -> &'static NumberLexicon {
    static EMPTY: OnceLock<NumberLexicon> = OnceLock::new();
    EMPTY.get_or_init(NumberLexicon::default)
}

/// Splits a table phrase into the lowercase words the scanner makes of it: hyphens are dropped ("year-old" is
/// "year", "old") and runs of symbols become one entry per symbol (">=" is ">", "=").
fn split_phrase(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in phrase.split_whitespace() {
        if part.chars().all(|c| !c.is_alphanumeric()) {
            out.extend(part.chars().filter(|c| *c != '-').map(String::from));
        } else {
            out.extend(
                part.split('-')
                    .filter(|p| !p.is_empty())
                    .map(str::to_lowercase),
            );
        }
    }
    out
}

fn parse_class(spec: &str) -> Option<WordClass> {
    let mut parts = spec.split_whitespace();
    let class = parts.next()?;
    let value: f64 = parts.next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
    Some(match class {
        "zero" => WordClass::Zero,
        "unit" => WordClass::Unit(value),
        "teen" => WordClass::Teen(value),
        "tens" => WordClass::Tens(value),
        "hundred" => WordClass::Hundred,
        "scale" => WordClass::Scale(value),
        "dozen" => WordClass::Dozen,
        "a" => WordClass::A,
        "article" => WordClass::Article,
        "and" => WordClass::And,
        "point" => WordClass::Point,
        "minus" => WordClass::Minus,
        "over" => WordClass::Over,
        "out" => WordClass::Out,
        "of" => WordClass::Of,
        "in" => WordClass::In,
        "halfadd" => WordClass::HalfAdd,
        "value" => WordClass::Value(value),
        _ => return None,
    })
}
