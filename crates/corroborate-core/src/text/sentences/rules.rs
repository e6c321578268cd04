//! The language knowledge the segmenter uses, read once from the data tables in [`crate::lexicon`].
//!
//! Nothing here is hard-coded per language: a language is "known" when it has an `abbreviations` table, and any
//! other language code gets the English tables (the generic rules are English-like). Adding a language is adding
//! its tables and registering them in `lexicon::TABLES`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon;

/// How a known abbreviation behaves when its period is followed by a capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Titles and "for example" words: the period never ends a sentence.
    NeverFinal,
    /// Usually sentence-final before a capitalised word (`a.m.`, `etc.`).
    OftenFinal,
    /// Ends a sentence only when a typical sentence opener follows.
    Regular,
}

/// One language's tables, lower-cased.
#[derive(Debug, Default)]
pub struct Rules {
    never_final: HashSet<String>,
    often_final: HashSet<String>,
    regular: HashSet<String>,
    starters: HashSet<String>,
    months: HashSet<String>,
    ordinal_context: HashSet<String>,
}

impl Rules {
    fn load(lang: &str) -> Rules {
        let months = lexicon::lines(lang, "months")
            .into_iter()
            .map(|entry| {
                lexicon::key_value(entry)
                    .map_or(entry, |(k, _)| k)
                    .to_lowercase()
            })
            .collect();
        Rules {
            never_final: lexicon::lowercase_set(lang, "abbreviations_never_final"),
            often_final: lexicon::lowercase_set(lang, "abbreviations_often_final"),
            regular: lexicon::lowercase_set(lang, "abbreviations"),
            starters: lexicon::lowercase_set(lang, "sentence_starters"),
            months,
            ordinal_context: lexicon::lowercase_set(lang, "ordinal_context"),
        }
    }

    /// The rules for `lang`; languages without an `abbreviations` table use English.
    pub fn for_language(lang: &str) -> &'static Rules {
        static ALL: OnceLock<HashMap<&'static str, Rules>> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            lexicon::languages()
                .into_iter()
                .filter(|l| lexicon::table(l, "abbreviations").is_some())
                .map(|l| (l, Rules::load(l)))
                .collect()
        });
        static EMPTY: OnceLock<Rules> = OnceLock::new();
        all.get(lang)
            .or_else(|| all.get("en"))
            .unwrap_or_else(|| EMPTY.get_or_init(Rules::default))
    }

    /// How `word` (lower-cased, without its final period) behaves as an abbreviation, if it is one.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevKind> {
        if self.never_final.contains(word) {
            Some(AbbrevKind::NeverFinal)
        } else if self.often_final.contains(word) {
            Some(AbbrevKind::OftenFinal)
        } else if self.regular.contains(word) {
            Some(AbbrevKind::Regular)
        } else {
            None
        }
    }

    /// Whether `word` (lower-cased) typically opens a sentence.
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// Whether `word` (lower-cased) names a month, so that "12. Juni" is a date, not a sentence end.
    pub fn is_month(&self, word: &str) -> bool {
        self.months.contains(word)
    }

    /// Whether `word` (lower-cased) makes a following "number + period" an ordinal ("am 3.", "der 1.").
    pub fn is_ordinal_context(&self, word: &str) -> bool {
        self.ordinal_context.contains(word)
    }

    /// Whether this language writes ordinals as "number + period" (it then has an `ordinal_context` table).
    pub fn has_dotted_ordinals(&self) -> bool {
        !self.ordinal_context.is_empty()
    }
}
