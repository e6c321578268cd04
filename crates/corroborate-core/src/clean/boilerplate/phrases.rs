//! The boilerplate tables of every language, compiled once into lookups keyed by first folded word.
//! Every language is applied to every text: a German article often carries an English share bar.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::fold::folded_words;
use crate::lexicon;

/// What a matched phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A boilerplate phrase ("share on", "follow us on", "advertisement").
    Phrase,
    /// A social network or share target ("whatsapp", "email").
    Network,
}

/// A phrase or line-start prompt as folded words.
#[derive(Debug)]
pub(crate) struct Entry {
    pub words: Vec<String>,
    pub kind: Kind,
    /// For prompts: the label must be followed by a colon ("Read more: …").
    pub colon: bool,
}

/// All boilerplate tables, compiled.
#[derive(Debug, Default)]
pub(crate) struct Phrases {
    /// Phrases and network names by first word, longest first so the longest match wins.
    pub by_first: HashMap<String, Vec<Entry>>,
    /// Line-start prompts by first word, longest first.
    pub prompts: HashMap<String, Vec<Entry>>,
    /// Filler words, neutral on a line that is boilerplate anyway.
    pub fillers: HashSet<String>,
    /// Words in the longest prompt: all a long line needs tokenized.
    pub longest_prompt: usize,
}

pub(crate) static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let mut p = Phrases::default();
    for entry in lexicon::lines_all_languages("boilerplate") {
        if let Some(word) = entry.strip_prefix('~') {
            p.fillers.extend(folded_words(word));
        } else if let Some(prompt) = entry.strip_prefix('^') {
            let (text, colon) = match prompt.trim_end().strip_suffix(':') {
                Some(t) => (t, true),
                None => (prompt, false),
            };
            insert(&mut p.prompts, folded_words(text), Kind::Phrase, colon);
        } else {
            insert(&mut p.by_first, folded_words(entry), Kind::Phrase, false);
        }
    }
    for name in lexicon::lines("xx", "social_networks") {
        insert(&mut p.by_first, folded_words(name), Kind::Network, false);
    }
    p.longest_prompt = p
        .prompts
        .values()
        .flatten()
        .map(|e| e.words.len())
        .max()
        .unwrap_or(0);
    for list in p.by_first.values_mut().chain(p.prompts.values_mut()) {
        list.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
    }
    p
});

fn insert(map: &mut HashMap<String, Vec<Entry>>, words: Vec<String>, kind: Kind, colon: bool) {
    if let Some(first) = words.first() {
        map.entry(first.clone())
            .or_default()
            .push(Entry { words, kind, colon });
    }
}

/// The longest entry of `map` whose words start `words`.
pub(crate) fn longest_at<'a>(
    map: &'a HashMap<String, Vec<Entry>>,
    words: &[&str],
) -> Option<&'a Entry> {
    let first = words.first()?;
    map.get(*first)?
        .iter()
        .find(|e| e.words.len() <= words.len() && e.words.iter().zip(words).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_compile() {
        let p = &*PHRASES;
        assert!(
            longest_at(&p.by_first, &["share", "on", "whatsapp"])
                .is_some_and(|e| e.words.len() == 2)
        );
        assert!(longest_at(&p.by_first, &["siguenos", "en"]).is_some());
        assert!(longest_at(&p.by_first, &["whatsapp"]).is_some_and(|e| e.kind == Kind::Network));
        assert!(longest_at(&p.prompts, &["read", "more"]).is_some_and(|e| e.colon));
        assert!(p.fillers.contains("und"));
    }
}
