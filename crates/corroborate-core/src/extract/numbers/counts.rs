//! What a number counts: the noun after it and the event a nearby verb or participle names, normalised to
//! English ("people injured", "police officers", "residents killed") so counts match across languages.
//!
//! No part-of-speech tagger: English plural nouns are recognised by form (-s) or by the noun table, German
//! nouns by their capital letter; events come from the `count_events` table.

use super::lexicon::NumberLexicon;
use super::scan::{Atom, AtomKind};
use crate::model::Span;

/// How many words after the number may hold the counted noun.
const NOUN_WINDOW: usize = 4;
/// How many atoms after the noun may hold the event ("had been treated for injuries").
const EVENT_AFTER: usize = 10;
/// How many atoms before the number may hold the event ("police arrested 30 protesters").
const EVENT_BEFORE: usize = 4;

/// The counted thing for a quantity whose atoms are `first..=last`, inside `sentence`.
pub(crate) fn counted(
    text: &str,
    atoms: &[Atom],
    first: usize,
    last: usize,
    sentence: Span,
    lex: &NumberLexicon,
) -> Option<(String, Span)> {
    let in_sentence = |a: &Atom| a.span.start >= sentence.start && a.span.end <= sentence.end;
    let mut j = last + 1;
    // "dozens of people", "12 of the protesters".
    while j < last + 3
        && atoms
            .get(j)
            .is_some_and(|a| lex.count_skip.contains(&a.lower))
    {
        j += 1;
    }
    let mut head: Option<(usize, usize)> = None;
    let mut event_pre: Option<(String, Span)> = None;
    let mut seen = 0;
    let mut k = j;
    while seen < NOUN_WINDOW {
        let Some(a) = atoms.get(k) else { break };
        if !in_sentence(a) {
            break;
        }
        if a.is_punct('-') {
            k += 1;
            continue;
        }
        if !matches!(a.kind, AtomKind::Word) || lex.stop.contains(&a.lower) {
            break;
        }
        seen += 1;
        if let Some((event, end)) = event_at(atoms, k, lex) {
            let next_noun = atoms.get(end + 1).is_some_and(|n| is_noun(text, n, lex));
            if next_noun || lex.capitalised_nouns {
                event_pre = Some((event, Span::new(a.span.start, atoms[end].span.end)));
                k = end + 1;
                continue;
            }
            if !lex.nouns.contains_key(&a.lower) {
                break;
            }
        }
        if is_noun(text, a, lex) {
            let mut e = k;
            // "police officers": a second noun continues the phrase.
            if !lex.capitalised_nouns
                && let Some(n) = atoms.get(k + 1)
                && in_sentence(n)
                && matches!(n.kind, AtomKind::Word)
                && !lex.stop.contains(&n.lower)
                && is_noun(text, n, lex)
                && event_at(atoms, k + 1, lex).is_none()
            {
                e = k + 1;
            }
            head = Some((k, e));
            break;
        }
        if lex.capitalised_nouns {
            // German adjectives before the noun are lowercase: skip them.
            k += 1;
            continue;
        }
        k += 1;
    }
    let noun = head.map(|(s, e)| {
        let words: Vec<&str> = atoms[s..=e].iter().map(|a| a.lower.as_str()).collect();
        let phrase = words.join(" ");
        let mapped = lex
            .nouns
            .get(&phrase)
            .or_else(|| {
                if words.len() == 1 {
                    None
                } else {
                    words
                        .last()
                        .and_then(|w| lex.nouns.get(*w))
                        .filter(|(_, ev)| ev.is_some())
                }
            })
            .cloned();
        let span = Span::new(atoms[s].span.start, atoms[e].span.end);
        match mapped {
            Some((normal, implied)) => (normal, implied, span, e),
            None => (phrase, None, span, e),
        }
    });
    let search_from = noun.as_ref().map_or(last + 1, |n| n.3 + 1);
    let event = noun
        .as_ref()
        .and_then(|n| n.1.clone().map(|e| (e, n.2)))
        .or(event_pre)
        .or_else(|| event_after(atoms, search_from, sentence, lex))
        .or_else(|| event_before(atoms, first, sentence, lex));
    match (noun, event) {
        (Some((normal, _, span, _)), Some((ev, _))) => Some((format!("{normal} {ev}"), span)),
        (Some((normal, _, span, _)), None) => Some((normal, span)),
        (None, Some((ev, span))) => Some((format!("people {ev}"), span)),
        (None, None) => None,
    }
}

/// Whether a word can be the counted noun.
fn is_noun(text: &str, a: &Atom, lex: &NumberLexicon) -> bool {
    if !matches!(a.kind, AtomKind::Word) || lex.stop.contains(&a.lower) {
        return false;
    }
    if lex.nouns.contains_key(&a.lower) {
        return true;
    }
    if lex.capitalised_nouns {
        return a.capitalised(text);
    }
    let w = &a.lower;
    w.chars().count() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with('\'')
}

/// An event phrase starting at atom `k`: the event and the phrase's last atom.
fn event_at(atoms: &[Atom], k: usize, lex: &NumberLexicon) -> Option<(String, usize)> {
    for (words, event) in &lex.events {
        let Some(slice) = atoms.get(k..k + words.len()) else {
            continue;
        };
        if slice.iter().zip(words).all(|(a, w)| a.lower == *w) {
            return Some((event.clone(), k + words.len() - 1));
        }
    }
    None
}

/// The first event within a few atoms after `start`, not past another number or the sentence.
fn event_after(
    atoms: &[Atom],
    start: usize,
    sentence: Span,
    lex: &NumberLexicon,
) -> Option<(String, Span)> {
    for k in start..(start + EVENT_AFTER).min(atoms.len()) {
        let a = &atoms[k];
        if a.span.end > sentence.end || a.literal().is_some() || a.is_punct(';') || a.is_punct(':')
        {
            break;
        }
        if let Some((event, end)) = event_at(atoms, k, lex) {
            return Some((event, Span::new(a.span.start, atoms[end].span.end)));
        }
    }
    None
}

/// The nearest event just before the quantity ("killed at least 14 people").
fn event_before(
    atoms: &[Atom],
    first: usize,
    sentence: Span,
    lex: &NumberLexicon,
) -> Option<(String, Span)> {
    let lo = first.saturating_sub(EVENT_BEFORE);
    for k in (lo..first).rev() {
        let a = &atoms[k];
        if a.span.start < sentence.start
            || a.literal().is_some()
            || matches!(a.kind, AtomKind::Punct(_))
        {
            break;
        }
        if let Some((event, end)) = event_at(atoms, k, lex)
            && end < first
        {
            return Some((event, Span::new(a.span.start, atoms[end].span.end)));
        }
    }
    None
}
