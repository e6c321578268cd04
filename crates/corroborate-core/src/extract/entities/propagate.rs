//! Document-level decisions: a name read surely once is read the same way throughout the document, and a
//! surname alone after a full name ("Ruiz" after "Ana Ruiz") is that person, not a place or a guess.

use std::collections::HashMap;

use super::classify::{Named, SURE};
use super::lex::{Gender, Lex};
use super::words::Word;
use crate::model::EntityKind;

/// Applies surname linking, then the strongest reading of each surface form to all its uses.
pub fn propagate(named: &mut [Named], words: &[Word], text: &str, lex: &Lex) {
    link_surnames(named, words, text, lex);
    let mut best: HashMap<&str, (u8, EntityKind, usize)> = HashMap::new();
    for (i, n) in named.iter().enumerate() {
        let (Some(kind), Some(surface)) = (n.kind, text.get(n.span.start..n.span.end)) else {
            continue;
        };
        let entry = best.entry(surface).or_insert((n.strength, kind, i));
        if n.strength > entry.0 {
            *entry = (n.strength, kind, i);
        }
    }
    let mut changes = Vec::new();
    for (i, n) in named.iter().enumerate() {
        let Some(surface) = text.get(n.span.start..n.span.end) else {
            continue;
        };
        if let Some(&(strength, kind, from)) = best.get(surface)
            && strength > n.strength
            && n.kind != Some(kind)
        {
            changes.push((i, kind, from));
        }
    }
    // A word in capitals ("DRAVIK —" in a dateline) reads like the same name written normally.
    let mut by_lower: HashMap<String, (u8, EntityKind, usize)> = HashMap::new();
    for (surface, v) in &best {
        let lower = surface.to_lowercase();
        let keep = by_lower.get(&lower).is_none_or(|old| v.0 > old.0);
        if keep && !words_all_caps(surface) {
            by_lower.insert(lower, *v);
        }
    }
    for (i, n) in named.iter().enumerate() {
        let Some(surface) = text.get(n.span.start..n.span.end) else {
            continue;
        };
        if n.first == n.last
            && words[n.first].all_caps
            && n.strength < SURE
            && let Some(&(_, kind, from)) = by_lower.get(&surface.to_lowercase())
        {
            changes.push((i, kind, from));
        }
    }
    for (i, kind, from) in changes {
        named[i].kind = Some(kind);
        if kind == EntityKind::Person && named[i].link.is_none() {
            named[i].link = named[from].link;
            named[i].gender = named[from].gender;
        }
    }
}

fn words_all_caps(s: &str) -> bool {
    !s.chars().any(char::is_lowercase)
}

/// One-word names that are the last word of a person named in full in the same document.
fn link_surnames(named: &mut [Named], words: &[Word], text: &str, lex: &Lex) {
    let mut surnames: HashMap<&str, usize> = HashMap::new();
    for (i, n) in named.iter().enumerate() {
        if n.kind == Some(EntityKind::Person)
            && n.last > n.first
            && n.link.is_none()
            && let Some(last) = text.get(words[n.last].span.start..words[n.last].span.end)
        {
            surnames.entry(last).or_insert(i);
        }
    }
    for m in 0..named.len() {
        let n = &named[m];
        if n.first != n.last || n.link.is_some() {
            continue;
        }
        let Some(surface) = text.get(n.span.start..n.span.end) else {
            continue;
        };
        let Some(&full) = surnames.get(surface) else {
            continue;
        };
        // "in Jordan" stays the country even when a Michael Jordan is in the story.
        let after_prep = n.first > 0 && lex.location_preps.contains(&words[n.first - 1].lower);
        let sure_other = n.strength >= SURE && n.kind != Some(EntityKind::Person);
        if full == m || (after_prep && sure_other) {
            continue;
        }
        let gender = named[full].gender;
        let n = &mut named[m];
        n.kind = Some(EntityKind::Person);
        n.strength = SURE;
        n.link = Some(full);
        if n.gender == Gender::Unknown {
            n.gender = gender;
        }
    }
}
