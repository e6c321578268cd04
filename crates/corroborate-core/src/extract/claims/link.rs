//! Linking a speaker phrase to the entity-mention layer.
//!
//! The mention chosen is the one that overlaps the speaker's head (the name in "the regional police chief, Ana
//! Ruiz", else the last word), preferring the largest overlap. A pronoun or role mention that `refers_to` a
//! named mention is followed to it (a bounded walk, so a cycle in the layer cannot hang us).

use crate::model::{EntityMention, Span};

/// Index of the mention that `head` resolves to.
pub fn mention_for(mentions: &[EntityMention], head: Span) -> Option<usize> {
    let overlap = |m: &EntityMention| {
        let a = m.span.start.max(head.start);
        let b = m.span.end.min(head.end);
        b.saturating_sub(a)
    };
    let best = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| overlap(m) > 0 || (m.span == head))
        .max_by_key(|(i, m)| (overlap(m), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)?;
    Some(resolve(mentions, best))
}

/// Follows `refers_to` from mention `i` to the named mention it stands for.
fn resolve(mentions: &[EntityMention], mut i: usize) -> usize {
    for _ in 0..mentions.len().min(32) {
        match mentions.get(i).and_then(|m| m.refers_to) {
            Some(next) if next != i && next < mentions.len() => i = next,
            _ => break,
        }
    }
    i
}
