//! References that are not names: personal pronouns ("he", "sie") and role nouns after a definite determiner
//! ("the minister", "the group", "der Minister"), resolved to the nearest compatible name before them.
//! Unresolved ones are not reported: a reference that points nowhere tells the reader nothing.

use super::classify::Named;
use super::lex::{Gender, Lex};
use super::words::Word;
use crate::model::{EntityKind, Span, TokenKind};

/// How many sentences back a pronoun looks for its person.
const PRONOUN_REACH: usize = 3;
/// How many sentences back a role noun looks for a name of its kind (a name holding the noun or a person
/// holding the role is found at any distance).
const ROLE_REACH: usize = 5;
/// Most modifiers between determiner and role noun ("the regional police chief").
const MAX_MODIFIERS: usize = 2;

/// A pronoun or role noun and the index (in the names) of what it refers to.
#[derive(Debug, Clone)]
pub struct Reference {
    pub span: Span,
    pub kind: EntityKind,
    pub target: usize,
}

/// Pronouns and role nouns of the document, resolved against `named` (sorted by position).
pub fn references(words: &[Word], text: &str, named: &[Named], lex: &Lex) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut next_named = 0;
    let mut i = 0;
    while i < words.len() {
        while next_named < named.len() && named[next_named].last < i {
            next_named += 1;
        }
        if named.get(next_named).is_some_and(|n| n.first <= i) {
            i += 1;
            continue;
        }
        let before = &named[..next_named];
        let w = &words[i];
        if let Some(&gender) = lex.pronouns.get(&w.lower) {
            if let Some(r) = pronoun(words, i, gender, before) {
                out.push(r);
            }
            i += 1;
            continue;
        }
        if w.kind == TokenKind::Word
            && lex.determiners.contains(&w.lower)
            && let Some((r, end)) = role_noun(words, text, i, before, named.get(next_named), lex)
        {
            out.push(r);
            i = end + 1;
            continue;
        }
        i += 1;
    }
    out
}

fn gender_of(named: &[Named], t: usize) -> Gender {
    match named[t].gender {
        Gender::Unknown => named[t]
            .link
            .and_then(|l| named.get(l))
            .map_or(Gender::Unknown, |n| n.gender),
        g => g,
    }
}

fn pronoun(words: &[Word], i: usize, gender: Gender, before: &[Named]) -> Option<Reference> {
    let w = &words[i];
    // "Sie" inside a sentence is the polite form; a capital elsewhere is a heading or a name.
    if w.cap && !w.sent_start {
        return None;
    }
    // "sie" is also "they": only resolved to a woman named before.
    let strict = w.lower == "sie";
    let target = (0..before.len()).rev().find(|&t| {
        let n = &before[t];
        let g = gender_of(before, t);
        n.kind == Some(EntityKind::Person)
            && w.sent.saturating_sub(words[n.first].sent) <= PRONOUN_REACH
            && if strict {
                g == Gender::Female
            } else {
                gender.compatible(g)
            }
    })?;
    let reach_ok = w.sent.saturating_sub(words[before[target].first].sent) <= PRONOUN_REACH;
    reach_ok.then_some(Reference {
        span: w.span,
        kind: EntityKind::Person,
        target,
    })
}

/// A role noun starting at determiner `det`: the reference and its last word.
fn role_noun(
    words: &[Word],
    text: &str,
    det: usize,
    before: &[Named],
    next: Option<&Named>,
    lex: &Lex,
) -> Option<(Reference, usize)> {
    let sent = words[det].sent;
    let mut j = det + 1;
    let mut found = None;
    while j < words.len() && j <= det + 1 + MAX_MODIFIERS && words[j].sent == sent {
        let w = &words[j];
        if w.cap && !lex.capitalises_nouns() {
            return None;
        }
        let two = words
            .get(j + 1)
            .filter(|n| n.sent == sent && !w.cut)
            .and_then(|n| {
                lex.role_nouns
                    .get(&format!("{} {}", w.lower, n.lower))
                    .map(|k| (*k, j + 1))
            });
        if let Some(hit) = two.or_else(|| lex.role_nouns.get(&w.lower).map(|k| (*k, j))) {
            found = Some(hit);
            break;
        }
        if !lex.title_modifiers.contains(&w.lower) || w.cut {
            return None;
        }
        j += 1;
    }
    let (kind, end) = found?;
    // A title in front of a name, or an apposition naming the person right after ("the police chief, Ana
    // Ruiz"), is not a reference back.
    let after = words.get(end + 1);
    let names_next = next.is_some_and(|n| {
        n.first == end + 1 || (n.first == end + 2 && after.is_some_and(|a| a.text == ","))
    });
    if (names_next && !words[end].cut) || next.is_some_and(|n| n.first <= end) {
        return None;
    }
    // "the hospital in Dravik" introduces a place of its own rather than pointing back.
    let located = after.is_some_and(|a| lex.location_preps.contains(&a.lower))
        && next.is_some_and(|n| n.first == end + 2);
    let noun = &words[end].lower;
    let head = words[end].lower.as_str();
    let near = |t: usize| words[det].sent.saturating_sub(words[before[t].first].sent) <= ROLE_REACH;
    let surface = |t: usize| {
        text.get(before[t].span.start..before[t].span.end)
            .unwrap_or("")
            .to_lowercase()
    };
    let target = if kind == EntityKind::Person {
        (0..before.len()).rev().find(|&t| {
            before[t].kind == Some(EntityKind::Person)
                && before[t]
                    .roles
                    .iter()
                    .any(|r| r.to_lowercase().contains(head))
        })
    } else {
        let fits = |t: usize| {
            before[t].kind == Some(kind)
                || (kind == EntityKind::Organization && before[t].kind == Some(EntityKind::Group))
        };
        (0..before.len())
            .rev()
            .find(|&t| fits(t) && surface(t).contains(noun.as_str()))
            .or_else(|| {
                (!located)
                    .then(|| (0..before.len()).rev().find(|&t| fits(t) && near(t)))
                    .flatten()
            })
    }?;
    let span = Span::new(words[det].span.start, words[end].span.end);
    Some((
        Reference {
            span,
            kind: before[target].kind.unwrap_or(kind),
            target,
        },
        end,
    ))
}
