//! Roles stated with a name: titles in front ("Former Defence Minister and party chairman X", "Senator X"),
//! appositions before ("the regional police chief, Ana Ruiz") and after ("X, the country's police chief,").
//! A role marks the name as a person.

use super::classify::{Named, SURE};
use super::lex::Lex;
use super::words::Word;
use crate::model::{EntityKind, TokenKind};

/// Words that may open a role phrase but are not part of the role ("his own regional police chief").
const LEADING_FILLER: [&str; 10] = [
    "the", "a", "an", "his", "her", "its", "their", "own", "sein", "ihr",
];

/// Most words of an apposition read as a role.
const MAX_APPOSITION: usize = 10;

/// Adds the roles stated around `named` and makes it a person when there is one.
pub fn add_roles(named: &mut Named, words: &[Word], text: &str, lex: &Lex) {
    if named
        .kind
        .is_some_and(|k| k != EntityKind::Person && k != EntityKind::Other)
        && named.strength >= SURE
    {
        return;
    }
    let mut roles = Vec::new();
    let a = named.first;
    let sent = words[a].sent;
    if a > 0 && !words[a].sent_start {
        if is_punct(&words[a - 1], ",") && a >= 2 && words[a - 2].sent == sent {
            roles.extend(roles_before(words, text, a - 2, lex));
        } else {
            roles.extend(roles_before(words, text, a - 1, lex));
        }
    }
    if let Some(role) = role_after(words, text, named.last, lex) {
        roles.push(role);
    }
    if roles.is_empty() {
        return;
    }
    named.kind = Some(EntityKind::Person);
    named.strength = SURE;
    for role in roles {
        if !named.roles.contains(&role) {
            named.roles.push(role);
        }
    }
}

fn is_punct(w: &Word, p: &str) -> bool {
    w.kind == TokenKind::Punct && w.text == p
}

/// Whether a word can stand in a role phrase.
fn role_word(w: &Word, lex: &Lex) -> bool {
    w.kind == TokenKind::Word
        && (lex.is_title(&w.lower)
            || lex.title_modifiers.contains(&w.lower)
            || lex.demonyms.contains_key(w.text)
            || (w.cap && lex.places.contains(w.text))
            || (w.cut && !w.based && !w.cap))
}

fn is_conj(w: &Word) -> bool {
    matches!(w.lower.as_str(), "and" | "und" | "&")
}

/// Role phrases ending at word `end`, walking back (split at "and"); each must contain a title.
fn roles_before(words: &[Word], text: &str, end: usize, lex: &Lex) -> Vec<String> {
    let sent = words[end].sent;
    let mut start = end + 1;
    let mut i = end;
    loop {
        let w = &words[i];
        if w.sent != sent || !(role_word(w, lex) || is_conj(w)) {
            break;
        }
        start = i;
        if i == 0 || w.sent_start {
            break;
        }
        i -= 1;
    }
    if start > end || !lex.is_title(&words[end].lower) {
        return Vec::new();
    }
    let mut roles = Vec::new();
    let mut seg_start = start;
    for j in start..=end + 1 {
        if j == end + 1 || is_conj(&words[j]) {
            if let Some(role) = role_segment(words, text, seg_start, j, lex) {
                roles.push(role);
            }
            seg_start = j + 1;
        }
    }
    roles
}

/// Words `from..to` as a role, without leading filler, if they hold a title.
fn role_segment(
    words: &[Word],
    text: &str,
    mut from: usize,
    to: usize,
    lex: &Lex,
) -> Option<String> {
    while from < to
        && (LEADING_FILLER.contains(&words[from].lower.as_str())
            || lex.determiners.contains(&words[from].lower))
        && !words.get(from + 1).is_some_and(|w| w.cut)
    {
        from += 1;
    }
    if from >= to || !words[from..to].iter().any(|w| lex.is_title(&w.lower)) {
        return None;
    }
    // A possessive word keeps its ending in the role ("the country's police chief").
    let start = words[from].span.start;
    let end = words[to - 1].span.end;
    let role = text.get(start..end)?;
    Some(role.to_string())
}

/// The role in an apposition after the name: ", the country's police chief," / ", Minister of Justice,".
fn role_after(words: &[Word], text: &str, last: usize, lex: &Lex) -> Option<String> {
    if words[last].cut {
        return None;
    }
    let sent = words[last].sent;
    let comma = words.get(last + 1)?;
    if !is_punct(comma, ",") {
        return None;
    }
    let from = last + 2;
    let mut title_at = None;
    let mut end = from;
    while end < words.len() && end < from + MAX_APPOSITION {
        let w = &words[end];
        if w.sent != sent || w.kind == TokenKind::Punct {
            break;
        }
        if title_at.is_none() {
            if lex.is_title(&w.lower) {
                title_at = Some(end);
            } else if !role_word(w, lex) {
                return None;
            }
        } else if !(w.cap
            || matches!(
                w.lower.as_str(),
                "of" | "for" | "the" | "and" | "der" | "des" | "für"
            ))
        {
            break;
        }
        end += 1;
    }
    title_at?;
    // The phrase must close: a comma, a full stop or the end of the sentence.
    let closes = words.get(end).is_none_or(|w| {
        w.sent != sent || (w.kind == TokenKind::Punct && matches!(w.text, "," | "." | ";" | ")"))
    });
    if !closes {
        return None;
    }
    role_segment(words, text, from, end, lex)
}
