//! Weighted term vectors: what a document says that could tell its event apart from others.
//!
//! Terms are content words (lower-cased, stopwords of the document's language left out), names (a word written
//! capitalised inside a sentence, or an entity mention when the extract stage found one), numbers (digits only,
//! so "1,000" and German "1.000" meet) and resolved dates. Names, numbers and dates are weighted up because two
//! reports of the same *kind* of event share the event word ("earthquake", "rehab") but not its participants,
//! places and dates; and because they are what an English and a German report of one event still share.
//!
//! Weights are sublinear TF × IDF × kind boost, and every vector is L2-normalised so a dot product is a cosine.

use std::collections::{HashMap, HashSet};

use crate::lexicon;
use crate::model::{Document, TokenKind};

/// Kind boosts. Tuned on ECB+ (see `corroborate-eval stories`), kept round so they stay general.
const BOOST_WORD: f32 = 1.0;
const BOOST_NAME: f32 = 2.0;
const BOOST_NUMBER: f32 = 1.5;
const BOOST_DATE: f32 = 2.0;

/// A sparse, L2-normalised vector: (term id, weight), sorted by term id.
pub type Vector = Vec<(u32, f32)>;

/// Per-document term counts before weighting: term id → (count, boost).
type Counts = HashMap<u32, (u32, f32)>;

/// The term vectors of a set of documents and each term's document frequency.
pub struct TermSpace {
    pub vectors: Vec<Vector>,
    pub df: Vec<u32>,
    /// The surface form first seen for each term (for story labels).
    pub surface: Vec<String>,
}

/// Builds one term vector per unit (in order, single-threaded, so term ids and floats are reproducible). A unit
/// is a report together with the posts embedded in it: what a report quotes is part of what it is about, and a
/// short blog entry that embeds an eyewitness post would otherwise look too thin to join its story.
pub fn term_space(units: &[Vec<&Document>]) -> TermSpace {
    let mut stop_cache: HashMap<String, HashSet<String>> = HashMap::new();
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut surface: Vec<String> = Vec::new();
    let mut all_counts: Vec<Counts> = Vec::with_capacity(units.len());
    for unit in units {
        let mut counts = Counts::new();
        for doc in unit {
            let lang = doc.language.as_deref().unwrap_or("en");
            let stop = stop_cache
                .entry(lang.to_string())
                .or_insert_with(|| stopwords(lang));
            for (key, shown, boost) in doc_terms(doc, stop) {
                let next = ids.len() as u32;
                let id = *ids.entry(key).or_insert_with(|| {
                    surface.push(shown);
                    next
                });
                let slot = counts.entry(id).or_insert((0, boost));
                slot.0 += 1;
                slot.1 = slot.1.max(boost);
            }
        }
        all_counts.push(counts);
    }
    let mut df = vec![0u32; ids.len()];
    for counts in &all_counts {
        for id in counts.keys() {
            df[*id as usize] += 1;
        }
    }
    let n = units.len().max(1) as f32;
    let vectors = all_counts
        .into_iter()
        .map(|counts| weigh(counts, &df, n))
        .collect();
    TermSpace {
        vectors,
        df,
        surface,
    }
}

/// Term counts of each unit before weighting: term key → (count, boost). For callers that rank terms without a
/// collection to weigh them against.
pub fn raw_counts(units: &[Vec<&Document>]) -> HashMap<String, (u32, f32)> {
    let mut stop_cache: HashMap<String, HashSet<String>> = HashMap::new();
    let mut out: HashMap<String, (u32, f32)> = HashMap::new();
    for doc in units.iter().flatten() {
        let lang = doc.language.as_deref().unwrap_or("en");
        let stop = stop_cache
            .entry(lang.to_string())
            .or_insert_with(|| stopwords(lang));
        for (key, _, boost) in doc_terms(doc, stop) {
            let slot = out.entry(key).or_insert((0, boost));
            slot.0 += 1;
            slot.1 = slot.1.max(boost);
        }
    }
    out
}

/// Sublinear TF × IDF × boost, normalised. Terms found in one document only are dropped: they cannot link two
/// documents and would only shrink every similarity of a long document.
fn weigh(counts: Counts, df: &[u32], n: f32) -> Vector {
    let mut v: Vector = counts
        .into_iter()
        .filter_map(|(id, (tf, boost))| {
            let d = *df.get(id as usize)? as f32;
            if d < 2.0 {
                return None;
            }
            let idf = (1.0 + n / d).ln();
            Some((id, (1.0 + (tf as f32).ln()) * idf * boost))
        })
        .collect();
    v.sort_unstable_by_key(|(id, _)| *id);
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v
}

/// The stopwords of `lang` (empty for a language without a table).
fn stopwords(lang: &str) -> HashSet<String> {
    lexicon::lowercase_set(lang, "stopwords")
}

/// Every term occurrence of a document: (key, surface form, boost).
fn doc_terms(doc: &Document, stop: &HashSet<String>) -> Vec<(String, String, f32)> {
    let text = &doc.text;
    let mut out = Vec::with_capacity(doc.layers.tokens.len());
    let mut sentence_starts: Vec<usize> = doc.layers.sentences.iter().map(|s| s.start).collect();
    sentence_starts.sort_unstable();
    let mut next_sentence = 0usize;
    let mut at_sentence_start = true;
    for token in &doc.layers.tokens {
        while next_sentence < sentence_starts.len()
            && sentence_starts[next_sentence] <= token.span.start
        {
            at_sentence_start = true;
            next_sentence += 1;
        }
        let Some(raw) = token.span.slice(text) else {
            continue;
        };
        match token.kind {
            TokenKind::Word => {
                let initial = at_sentence_start;
                at_sentence_start = false;
                if let Some((key, boost)) = word_term(raw, initial, stop) {
                    out.push((key, strip_possessive(raw).to_string(), boost));
                }
            }
            TokenKind::Number => {
                at_sentence_start = false;
                if let Some(key) = number_term(raw) {
                    out.push((key, raw.to_string(), BOOST_NUMBER));
                }
            }
            // Opening quotes and brackets keep the sentence start; other punctuation does not matter.
            TokenKind::Punct | TokenKind::Symbol => {}
        }
    }
    for date in &doc.layers.dates {
        if let Some(value) = &date.value {
            out.push((format!("@{value}"), value.clone(), BOOST_DATE));
        }
    }
    for mention in &doc.layers.mentions {
        if mention.refers_to.is_some() {
            continue;
        }
        if let Some(name) = mention.span.slice(text) {
            let key = name.to_lowercase();
            if key.contains(' ') {
                out.push((key, name.to_string(), BOOST_NAME));
            }
        }
    }
    out
}

/// A word's key and boost, or `None` for stopwords and one-letter words.
fn word_term(raw: &str, sentence_initial: bool, stop: &HashSet<String>) -> Option<(String, f32)> {
    let word = strip_possessive(raw);
    if word.chars().count() < 2 {
        return None;
    }
    let key = word.to_lowercase();
    if stop.contains(&key) {
        return None;
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let boost = if capitalised && !sentence_initial {
        BOOST_NAME
    } else {
        BOOST_WORD
    };
    Some((key, boost))
}

/// "Obama's" → "Obama": the tokenizer keeps English possessives inside the word.
fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// A number's key: its digits, so that separators of any language meet. One-digit numbers are too common to
/// tell events apart.
fn number_term(raw: &str) -> Option<String> {
    let digits: String = raw
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
        .filter(char::is_ascii_digit)
        .collect();
    (digits.len() >= 2).then(|| format!("#{digits}"))
}

/// Dot product of two sorted sparse vectors.
pub fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_meet_across_separators() {
        assert_eq!(number_term("1,000"), number_term("1.000"));
        assert_eq!(number_term("7"), None);
    }

    #[test]
    fn names_are_boosted_only_inside_sentences() {
        let stop = HashSet::new();
        assert_eq!(
            word_term("Lohan's", false, &stop),
            Some(("lohan".to_string(), BOOST_NAME))
        );
        assert_eq!(
            word_term("Police", true, &stop),
            Some(("police".to_string(), BOOST_WORD))
        );
    }
}
