//! The language tables the fact reconciler reads, loaded once. All languages' predicate and alias tables are
//! merged: their entries do not collide, and merging keeps a claim readable when its language was mis-detected.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon;

/// A word sequence (lower case) and what it maps to.
pub type Phrase = (Vec<String>, String);

/// Phrases, longest first, indexed by their first word so a scan is linear in the words, not in the table.
#[derive(Debug, Default)]
pub struct PhraseTable {
    pub entries: Vec<Phrase>,
    by_first: HashMap<String, Vec<usize>>,
}

impl PhraseTable {
    pub fn new(entries: Vec<Phrase>) -> PhraseTable {
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (p, _)) in entries.iter().enumerate() {
            if let Some(f) = p.first() {
                by_first.entry(f.clone()).or_default().push(i);
            }
        }
        PhraseTable { entries, by_first }
    }
}

impl std::ops::Deref for PhraseTable {
    type Target = [Phrase];
    fn deref(&self) -> &[Phrase] {
        &self.entries
    }
}

/// Everything `reconcile::facts` and `reconcile::profiles` know about language.
#[derive(Debug, Default)]
pub struct FactLexicon {
    /// Event phrases → predicate, longest first.
    pub predicates: PhraseTable,
    /// predicate → the predicate it implies.
    pub implies: HashMap<String, String>,
    /// frame predicate → the predicate whose count it reframes.
    pub frames: HashMap<String, String>,
    /// Predicates whose counts only grow (tolls).
    pub tolls: HashSet<String>,
    /// predicate → label for statements.
    pub labels: HashMap<String, String>,
    /// counted noun → participant class.
    pub patients: HashMap<String, String>,
    /// speaker words → side, longest first.
    pub sides: PhraseTable,
    /// speaker as written → speaker key.
    pub aliases: HashMap<String, String>,
    /// Role and title words, dropped from speakers when looking for a person's name.
    pub roles: HashSet<String>,
    /// language → prepositions before a place name.
    pub place_preps: HashMap<String, HashSet<String>>,
    /// Words that negate a predicate written shortly after them.
    pub denials: HashSet<String>,
    /// Words that open an indirect question (`question_openers`): such a claim asks, it asserts nothing.
    pub question_openers: HashSet<String>,
    /// Loaded terms of every language (words → the term), longest first.
    pub loaded: PhraseTable,
}

/// The lexicon, built on first use.
pub fn get() -> &'static FactLexicon {
    static LEX: OnceLock<FactLexicon> = OnceLock::new();
    LEX.get_or_init(build)
}

/// Lower-cased words of an entry.
pub fn words_of(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

fn pairs(name: &str) -> Vec<(&'static str, &'static str)> {
    lexicon::lines_all_languages(name)
        .into_iter()
        .filter_map(lexicon::key_value)
        .collect()
}

fn phrases(name: &str) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = pairs(name)
        .into_iter()
        .map(|(k, v)| (words_of(k), v.to_string()))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    out
}

fn map(name: &str) -> HashMap<String, String> {
    pairs(name)
        .into_iter()
        .map(|(k, v)| (k.to_lowercase(), v.to_string()))
        .collect()
}

fn build() -> FactLexicon {
    let mut place_preps: HashMap<String, HashSet<String>> = HashMap::new();
    for lang in lexicon::languages() {
        let set = lexicon::lowercase_set(lang, "place_prepositions");
        if !set.is_empty() {
            place_preps.insert(lang.to_string(), set);
        }
    }
    let mut loaded: Vec<Phrase> = lexicon::lines_all_languages("loaded_terms")
        .into_iter()
        .map(|l| (words_of(l), words_of(l).join(" ")))
        .filter(|(w, _)| !w.is_empty())
        .collect();
    loaded.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    loaded.dedup();
    let roles = lexicon::lines_all_languages("role_nouns")
        .into_iter()
        .chain(
            lexicon::lines_all_languages("sides")
                .into_iter()
                .filter_map(|l| lexicon::key_value(l).map(|(k, _)| k)),
        )
        .flat_map(|l| words_of(l).into_iter())
        .collect();
    FactLexicon {
        predicates: PhraseTable::new(phrases("event_predicates")),
        implies: map("predicate_implies"),
        frames: map("predicate_frames"),
        tolls: lexicon::lines_all_languages("toll_predicates")
            .into_iter()
            .map(str::to_string)
            .collect(),
        labels: map("predicate_labels"),
        patients: map("patient_classes"),
        sides: PhraseTable::new(phrases("sides")),
        aliases: map("speaker_aliases"),
        roles,
        place_preps,
        loaded: PhraseTable::new(loaded),
        denials: lexicon::lines_all_languages("denial_words")
            .into_iter()
            .map(str::to_lowercase)
            .collect(),
        question_openers: lexicon::lines_all_languages("question_openers")
            .into_iter()
            .map(str::to_lowercase)
            .collect(),
    }
}

impl FactLexicon {
    /// Whether `child` is `ancestor` or implies it through a chain of implications.
    pub fn implies(&self, child: &str, ancestor: &str) -> bool {
        let mut cur = child;
        for _ in 0..16 {
            if cur == ancestor {
                return true;
            }
            match self.implies.get(cur) {
                Some(next) => cur = next,
                None => return false,
            }
        }
        false
    }

    /// The label a statement uses for `predicate`.
    pub fn label<'a>(&'a self, predicate: &'a str) -> &'a str {
        self.labels.get(predicate).map_or(predicate, String::as_str)
    }

    /// Participant class of a counted noun phrase ("residents" → people, "police officers" → police).
    pub fn patient_class(&self, noun: &str) -> String {
        let noun = noun.trim().to_lowercase();
        if noun.is_empty() {
            return "people".to_string();
        }
        if let Some(c) = self.patients.get(&noun) {
            return c.clone();
        }
        noun.split_whitespace()
            .rev()
            .find_map(|w| self.patients.get(w))
            .cloned()
            .unwrap_or_else(|| "people".to_string())
    }
}

/// Finds phrase matches in a word sequence, longest first, not overlapping: (first word index, phrase index).
pub fn find_phrases(words: &[String], table: &PhraseTable) -> Vec<(usize, usize)> {
    let mut taken = vec![false; words.len()];
    let mut out = Vec::new();
    for start in 0..words.len() {
        let Some(cands) = table.by_first.get(words[start].as_str()) else {
            continue;
        };
        for &pi in cands {
            let p = &table[pi].0;
            let end = start + p.len();
            if end <= words.len()
                && words[start..end] == p[..]
                && !taken[start..end].iter().any(|&t| t)
            {
                taken[start..end].iter_mut().for_each(|t| *t = true);
                out.push((start, pi));
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implication_chains() {
        let lex = get();
        assert!(lex.implies("killed", "harmed"));
        assert!(lex.implies("used_tear_gas", "used_force"));
        assert!(!lex.implies("treated", "harmed"));
        assert_eq!(lex.patient_class("police officers"), "police");
        assert_eq!(lex.patient_class("residents"), "people");
    }

    #[test]
    fn phrases_prefer_longest() {
        let lex = get();
        let w = words_of("officers used water cannon and tear gas");
        let m = find_phrases(&w, &lex.predicates);
        let preds: Vec<&str> = m
            .iter()
            .map(|&(_, p)| lex.predicates[p].1.as_str())
            .collect();
        assert_eq!(preds, ["used_water_cannon", "used_tear_gas"]);
    }
}
