//! Acronyms and other names given in parentheses right after a name: "Movement for Land and Dignity (MLD)",
//! "(Harakat al-Ard wal-Karama, MLD)", double acronyms "(PMS/NUS)". The names inside take the kind of the
//! name before and link to it; later bare uses of the acronym link to it as well.

use std::collections::HashMap;

use super::classify::{GUESS, Named, SURE};
use super::words::Word;
use crate::model::{EntityKind, Span, TokenKind};

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
/// `widen`: whether a name may be widened back to its acronym's initial (not where every noun is
/// capitalised: there the words before are as likely "Mitglieder der …").
pub fn link_parentheses(named: &mut [Named], words: &[Word], text: &str, widen: bool) {
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
        if let Some(acr) = acronym.as_ref().filter(|_| widen) {
            widen_to_initial(named, n, words, acr);
        }
        // A place's parentheses hold a dateline's agency ("Kiel (dpa)", "Washington (AP)") as often as its
        // acronym: what does not start with the place's initial (once widened: "Alternative for Germany (AfD)")
        // is neither its acronym nor of its kind.
        let place = named[n].kind == Some(EntityKind::Location);
        let initial = words[named[n].first].text.chars().next();
        let spells = |s: &str| {
            s.chars()
                .next()
                .zip(initial)
                .is_some_and(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
        };
        if place && acronym.as_deref().is_some_and(|a| !spells(a)) {
            acronym = None;
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
            let own = text.get(inner.span.start..inner.span.end).unwrap_or("");
            if place && inner.kind.is_some() && !spells(own) {
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

/// Most words a name is widened back by to reach the first letter of its acronym.
const MAX_WIDEN: usize = 6;

/// "Alternative for Germany (AfD)", "Committee to Protect Journalists (CPJ)": when the acronym's first letter
/// is not the name's, the name began earlier; widen it back to the capitalised word with that initial over
/// capitalised words and small words, absorbing the names found in between.
fn widen_to_initial(named: &mut [Named], n: usize, words: &[Word], acronym: &str) {
    let Some(initial) = acronym.chars().next() else {
        return;
    };
    let first = named[n].first;
    if words[first].text.starts_with(initial) {
        return;
    }
    let sent = words[first].sent;
    let mut start = None;
    let mut i = first;
    while i > 0 && first - i < MAX_WIDEN {
        i -= 1;
        let w = &words[i];
        if w.sent != sent || w.kind != TokenKind::Word || w.cut {
            break;
        }
        let small = !w.cap && w.text.chars().count() <= 3;
        if !(w.cap || small) {
            break;
        }
        if w.cap && w.text.starts_with(initial) {
            start = Some(i);
            break;
        }
    }
    let Some(start) = start else {
        return;
    };
    for other in named.iter_mut() {
        if other.first >= start && other.last < first {
            other.kind = None;
            other.strength = 0;
        }
    }
    let n = &mut named[n];
    n.first = start;
    n.span = Span::new(words[start].span.start, n.span.end);
    if n.kind != Some(EntityKind::Facility) {
        n.kind = Some(EntityKind::Organization);
    }
    n.strength = SURE;
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
