//! Who a claim's speaker is, across documents and languages, and which side they are on.
//!
//! The entity id is preferred when the entity index knows the speaker's mention. Until then the speaker as
//! written is normalised into a key: an acronym the run defines ("Movement for Land and Dignity (MLD)" → `mld`,
//! also for the spelled-out name elsewhere), a person's surname ("Interior Minister Tomas Reinholt" →
//! `reinholt`), or the remaining words lower-cased and mapped through the `speaker_aliases` tables
//! ("Hospital staff in Dravik", "das Krankenhaus" → `hospital`). Sides come from the `sides` tables applied to
//! every way the run writes a speaker, so "Ruiz" inherits the side of "the regional police chief, Ana Ruiz".

use std::collections::{BTreeMap, HashMap};

use super::lexicon::{self, FactLexicon};
use super::words::{Word, words};

/// Determiners and possessives dropped in front of a speaker.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "own", "der", "die", "das", "des",
    "dem", "den", "ein", "eine", "einer", "eines", "seine", "seiner", "ihre", "ihrer",
];

/// Prepositions after which a speaker phrase is a qualifier ("hospital staff in Dravik").
const TAILS: &[&str] = &[
    "in", "of", "at", "near", "from", "im", "bei", "aus", "von", "which", "who",
];

/// Acronyms a run defines: lower-cased spelled-out name → acronym key.
#[derive(Debug, Default)]
pub struct Acronyms(pub HashMap<String, String>);

impl Acronyms {
    /// Reads "Name (ACR)" and "Name (other name, ACR)" definitions from every text.
    pub fn from_texts<'a>(texts: impl Iterator<Item = &'a str>) -> Acronyms {
        let mut map = HashMap::new();
        for text in texts {
            let mut from = 0;
            while let Some(open) = text[from..].find('(').map(|i| from + i) {
                let Some(close) = text[open..].find(')').map(|i| open + i) else {
                    break;
                };
                from = close;
                let inner = &text[open + 1..close];
                let acr = inner.rsplit(',').next().unwrap_or(inner).trim();
                if !(2..=8).contains(&acr.chars().count()) || !acr.chars().all(|c| c.is_uppercase())
                {
                    continue;
                }
                if let Some(name) = name_before(&text[..open]) {
                    map.entry(name).or_insert_with(|| acr.to_lowercase());
                }
            }
        }
        Acronyms(map)
    }
}

/// The capitalised name that ends right before `before` ("… the Movement for Land and Dignity ").
fn name_before(before: &str) -> Option<String> {
    let ws = words(before, 0);
    let mut start = ws.len();
    while start > 0 {
        let w = &ws[start - 1];
        let connector = matches!(
            w.lower.as_str(),
            "for" | "of" | "and" | "für" | "und" | "der" | "des"
        );
        if w.capitalised || (connector && start < ws.len()) {
            start -= 1;
        } else {
            break;
        }
    }
    while start < ws.len() && !ws[start].capitalised {
        start += 1;
    }
    let name: Vec<&str> = ws[start..]
        .iter()
        .map(|w| w.lower.as_str())
        .filter(|w| !DETERMINERS.contains(w))
        .collect();
    (name.len() >= 2).then(|| name.join(" "))
}

/// A speaker, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub key: String,
    pub display: String,
}

/// Normalises a speaker as written into its key.
pub fn speaker_key(written: &str, acronyms: &Acronyms, lex: &FactLexicon) -> Option<String> {
    let all = words(written, 0);
    // Up to a comma that is followed by a relative clause, everything may name the speaker.
    if let Some(acr) = defined_acronym(written) {
        return Some(acr);
    }
    let ws: Vec<&Word> = all.iter().collect();
    if let Some(surname) = person_surname(&ws, lex) {
        return Some(surname);
    }
    let core: Vec<&str> = ws
        .iter()
        .map(|w| w.lower.as_str())
        .take_while(|w| !TAILS.contains(w))
        .filter(|w| !DETERMINERS.contains(w))
        .collect();
    if core.is_empty() {
        return None;
    }
    let phrase = core.join(" ");
    if let Some(k) = lex.aliases.get(&phrase) {
        return Some(k.clone());
    }
    if let Some(acr) = acronyms.0.get(&phrase) {
        return Some(acr.clone());
    }
    if let Some(acr) = acronyms
        .0
        .iter()
        .filter(|(name, _)| phrase.contains(name.as_str()))
        .map(|(_, a)| a)
        .min()
    {
        return Some(acr.clone());
    }
    if let Some(k) = core.iter().rev().find_map(|w| lex.aliases.get(*w)) {
        return Some(k.clone());
    }
    // Pronouns say nothing about who speaks.
    if core.len() == 1 && matches!(core[0], "he" | "she" | "they" | "it" | "er" | "sie" | "es") {
        return None;
    }
    Some(phrase)
}

/// An acronym written in parentheses inside the speaker ("The Movement for Land and Dignity (MLD)").
fn defined_acronym(written: &str) -> Option<String> {
    let open = written.find('(')?;
    let close = written[open..].find(')')? + open;
    let inner = &written[open + 1..close];
    let acr = inner.rsplit(',').next()?.trim();
    ((2..=8).contains(&acr.chars().count()) && acr.chars().all(|c| c.is_uppercase()))
        .then(|| acr.to_lowercase())
}

/// The surname of a person named in the speaker: the last of two or more capitalised words that are not
/// titles or roles ("Interior Minister Tomas Reinholt" → reinholt), or a lone capitalised word that is not a
/// role, alias or determiner ("Ruiz").
fn person_surname(ws: &[&Word], lex: &FactLexicon) -> Option<String> {
    let is_name = |w: &Word| {
        w.capitalised
            && !lex.roles.contains(&w.lower)
            && !DETERMINERS.contains(&w.lower.as_str())
            && !lex.aliases.contains_key(&w.lower)
            && !lex
                .sides
                .iter()
                .any(|(p, _)| p.len() == 1 && p[0] == w.lower)
            && !w.lower.chars().any(|c| c.is_ascii_digit())
    };
    let mut best: Option<String> = None;
    let mut run = 0;
    for (i, w) in ws.iter().enumerate() {
        if TAILS.contains(&w.lower.as_str()) && i > 0 {
            break;
        }
        if is_name(w) {
            run += 1;
            if run >= 2 {
                best = Some(w.lower.clone());
            }
        } else {
            run = 0;
        }
    }
    if best.is_some() {
        return best;
    }
    match ws {
        [w] if is_name(w) => Some(w.lower.clone()),
        _ => None,
    }
}

/// The side a speaker phrase declares through its words, if any.
pub fn side_of_words(written: &str, lex: &FactLexicon) -> Option<String> {
    let ws: Vec<String> = words(written, 0).into_iter().map(|w| w.lower).collect();
    lexicon::find_phrases(&ws, &lex.sides)
        .first()
        .map(|&(_, p)| lex.sides[p].1.clone())
}

/// Every speaker key of a run with its first written form and its side.
#[derive(Debug, Default)]
pub struct Registry {
    pub display: BTreeMap<String, String>,
    pub side: BTreeMap<String, String>,
}

impl Registry {
    /// Records one written form of `key`; the first form names it, the first form that declares a side gives it.
    pub fn note(&mut self, key: &str, written: &str, lex: &FactLexicon) {
        // The most informative form names the speaker: most capitalised words, then the shortest.
        let written = written.trim();
        let score = |s: &str| {
            let caps = words(s, 0).iter().filter(|w| w.capitalised).count();
            (caps, std::cmp::Reverse(s.len()))
        };
        let better = self
            .display
            .get(key)
            .is_none_or(|old| score(written) > score(old));
        if better {
            self.display.insert(key.to_string(), written.to_string());
        }
        if !self.side.contains_key(key)
            && let Some(side) = side_of_words(written, lex)
        {
            self.side.insert(key.to_string(), side);
        }
    }

    pub fn side(&self, key: &str) -> Option<&str> {
        self.side.get(key).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_across_spellings() {
        let lex = lexicon::get();
        let acr = Acronyms::from_texts(
            ["The Movement for Land and Dignity (Harakat al-Ard wal-Karama, MLD) issued"]
                .into_iter(),
        );
        let k = |s: &str| speaker_key(s, &acr, lex);
        assert_eq!(
            k("the Movement for Land and Dignity").as_deref(),
            Some("mld")
        );
        assert_eq!(
            k("Die Bewegung für Land und Würde (MLD)").as_deref(),
            Some("mld")
        );
        assert_eq!(
            k("Interior Minister Tomas Reinholt").as_deref(),
            Some("reinholt")
        );
        assert_eq!(
            k("Innenminister Tomas Reinholt").as_deref(),
            Some("reinholt")
        );
        assert_eq!(
            k("His own regional police chief, Ana Ruiz").as_deref(),
            Some("ruiz")
        );
        assert_eq!(k("Ruiz").as_deref(), Some("ruiz"));
        assert_eq!(k("Hospital staff in Dravik").as_deref(), Some("hospital"));
        assert_eq!(k("Das Krankenhaus in Dravik").as_deref(), Some("hospital"));
        assert_eq!(
            k("des Innenministeriums").as_deref(),
            Some("interior ministry")
        );
        assert_eq!(
            k("The Interior Ministry").as_deref(),
            Some("interior ministry")
        );
        assert_eq!(k("he"), None);
        assert_eq!(
            side_of_words("the regional police chief, Ana Ruiz", lex).as_deref(),
            Some("government")
        );
    }
}
