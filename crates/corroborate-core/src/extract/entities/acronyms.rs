//! Acronyms and other names given in parentheses right after a name: "Movement for Land and Dignity (MLD)",
//! "(Harakat al-Ard wal-Karama, MLD)", double acronyms "(PMS/NUS)". The names inside take the kind of the
//! name before and link to it; later bare uses of the acronym link to it as well.

use std::collections::HashMap;

use super::classify::{GUESS, Named, SURE};
use super::words::Word;
use crate::model::{EntityKind, TokenKind};

/// Most words read inside the parentheses.
const MAX_INSIDE: usize = 16;

/// Whether a word looks like an acronym: two or more capitals, starting with one ("MLD", "AfD", "G20").
pub fn is_acronym(word: &str) -> bool {
    let uppers = word.chars().filter(|c| c.is_uppercase()).count();
    word.chars().next().is_some_and(char::is_uppercase)
        && uppers >= 2
        && word.chars().count() <= 10
        && word.chars().all(|c| c.is_alphanumeric() || c == '&')
}

/// Links names in parentheses to the name before them, and bare acronyms to the name that defined them.
pub fn link_parentheses(named: &mut [Named], words: &[Word], text: &str) {
    for n in 0..named.len() {
        let last = named[n].last;
        // A person's parentheses hold other things ("Ana Ruiz (AP)", a party, an age).
        if words[last].cut
            || named[n].kind == Some(EntityKind::Person)
            || words.get(last + 1).is_none_or(|w| w.text != "(")
        {
            continue;
        }
        let open = last + 1;
        let Some(close) = (open + 1..words.len().min(open + MAX_INSIDE))
            .take_while(|&i| words[i].sent == words[open].sent)
            .find(|&i| words[i].text == ")")
        else {
            continue;
        };
        let mut acronym = None;
        let mut part_start = open + 1;
        for i in open + 1..=close {
            if words[i].kind == TokenKind::Punct && (words[i].text == "," || words[i].text == ")") {
                acronym = acronym.or_else(|| acronym_of(words, text, part_start, i));
                part_start = i + 1;
            }
        }
        if named[n].kind.is_none() && acronym.is_some() {
            named[n].kind = Some(EntityKind::Organization);
            named[n].strength = GUESS;
        }
        let kind = named[n].kind;
        for inner in named.iter_mut().skip(n + 1) {
            if inner.first <= open {
                continue;
            }
            if inner.last >= close {
                break;
            }
            // Without an acronym, only names that are not sure of themselves follow the name before.
            if acronym.is_none() && inner.strength >= SURE {
                continue;
            }
            inner.kind = kind;
            inner.strength = SURE;
            inner.link = Some(n);
        }
        named[n].acronym = acronym;
    }
    link_bare_acronyms(named, text);
}

/// The acronym that words `from..to` spell, if they are one ("MLD") or two joined by "/" ("PMS/NUS").
fn acronym_of(words: &[Word], text: &str, from: usize, to: usize) -> Option<String> {
    if from >= to {
        return None;
    }
    let parts = &words[from..to];
    let ok = parts.iter().enumerate().all(|(i, w)| {
        if i % 2 == 0 {
            is_acronym(w.text)
        } else {
            w.text == "/"
        }
    }) && parts.len() % 2 == 1;
    if !ok {
        return None;
    }
    text.get(words[from].span.start..words[to - 1].span.end)
        .map(str::to_string)
}

/// Gives a bare acronym ("MLD" later in the text) the kind of the name it was defined for.
fn link_bare_acronyms(named: &mut [Named], text: &str) {
    let mut defined: HashMap<String, usize> = HashMap::new();
    for (i, n) in named.iter().enumerate() {
        if let Some(acr) = &n.acronym {
            for part in acr.split('/') {
                defined.entry(part.to_string()).or_insert(i);
            }
        }
    }
    if defined.is_empty() {
        return;
    }
    for m in 0..named.len() {
        if named[m].link.is_some() || named[m].first != named[m].last {
            continue;
        }
        let Some(surface) = text.get(named[m].span.start..named[m].span.end) else {
            continue;
        };
        if let Some(&def) = defined.get(surface)
            && def != m
        {
            named[m].kind = named[def].kind;
            named[m].strength = SURE;
            named[m].link = Some(def);
        }
    }
}
