//! Candidate names: runs of capitalised words, joined over name particles ("de", "al") and, inside names led
//! by a head word, over "of"/"for"/"and" ("Movement for Land and Dignity"). Gazetteer entries are taken
//! whole by longest match ("New York", "The Hague").

use super::lex::{Lex, Particle};
use super::words::Word;
use crate::model::{EntityKind, TokenKind};

/// A run of words `first..=last` that may be a name, with what a gazetteer says it is.
#[derive(Debug, Clone, Copy)]
pub struct Chunk {
    pub first: usize,
    pub last: usize,
    pub gazetteer: Option<EntityKind>,
}

/// Whether the word can be part of a name at all.
fn name_word(w: &Word, lex: &Lex) -> bool {
    if w.kind != TokenKind::Word || !w.cap || lex.non_names.contains(&w.lower) {
        return false;
    }
    if lex.capitalises_nouns() && lex.is_common_noun(w.text, &w.lower) {
        // A common noun is a name word only when a table knows it as one.
        return lex.given_names.contains_key(w.text)
            || lex.places.contains(w.text)
            || lex.titles.has(&w.lower)
            || lex.org_heads.has_inflected(&w.lower)
            || lex.facility_heads.has(&w.lower);
    }
    true
}

/// The longest gazetteer entry starting at word `i`: its last word and kind.
fn gazetteer_at(words: &[Word], text: &str, i: usize, lex: &Lex) -> Option<(usize, EntityKind)> {
    let start = words[i].span.start;
    let max = lex.max_gazetteer_words.min(words.len() - i);
    for n in (1..=max).rev() {
        let last = i + n - 1;
        if words[last].sent != words[i].sent || words[i..last].iter().any(|w| w.cut) {
            continue;
        }
        let Some(slice) = text.get(start..words[last].span.end) else {
            continue;
        };
        let kind = if lex.places.contains(slice) {
            EntityKind::Location
        } else if lex.organizations.contains(slice) {
            EntityKind::Organization
        } else {
            continue;
        };
        return Some((last, kind));
    }
    None
}

/// Whether word `i` continues a name that is going on.
fn continues(words: &[Word], i: usize, sent: usize, lex: &Lex) -> bool {
    words
        .get(i)
        .is_some_and(|w| w.sent == sent && !w.sent_start && (name_word(w, lex) || w.all_caps))
}

/// All candidate name chunks of a document, in order, not overlapping.
pub fn chunks(words: &[Word], text: &str, lex: &Lex) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if !(name_word(w, lex) || w.cap) {
            i += 1;
            continue;
        }
        if let Some((last, kind)) = gazetteer_at(words, text, i, lex) {
            // A one-word place followed by more name ("Jordan Peterson") is not the place, nor is a place
            // that starts a longer name of an organisation or building ("New York Times").
            let goes_on = !words[last].cut && continues(words, last + 1, w.sent, lex);
            let longer = goes_on && {
                let end = extend(words, i, lex);
                end > last && ends_in_head(&words[last + 1..=end], lex)
            };
            if !longer && (last > i || !goes_on) {
                out.push(Chunk {
                    first: i,
                    last,
                    gazetteer: Some(kind),
                });
                i = last + 1;
                continue;
            }
        }
        if !name_word(w, lex) {
            i += 1;
            continue;
        }
        let last = extend(words, i, lex);
        out.push(Chunk {
            first: i,
            last,
            gazetteer: None,
        });
        i = last + 1;
    }
    out
}

/// Whether some word of `rest` is an organisation or facility head ("Times", "Council", "Hospital").
fn ends_in_head(rest: &[Word], lex: &Lex) -> bool {
    rest.iter()
        .any(|w| lex.org_heads.has_inflected(&w.lower) || lex.facility_heads.has(&w.lower))
}

/// The last word of the name that starts at `first`.
fn extend(words: &[Word], first: usize, lex: &Lex) -> usize {
    let sent = words[first].sent;
    let is_head = |w: &Word| {
        lex.org_heads.has_inflected(&w.lower)
            || lex.facility_heads.has(&w.lower)
            || lex.location_heads.has(&w.lower)
    };
    let mut headed = is_head(&words[first]);
    let mut j = first;
    loop {
        if words[j].cut {
            return j;
        }
        let next = j + 1;
        if continues(words, next, sent, lex) {
            headed |= is_head(&words[next]);
            j = next;
            continue;
        }
        // Up to two particles ("of the", "von der") between name words.
        let mut k = next;
        let mut needs_head = false;
        while k < words.len() && k < next + 2 && words[k].sent == sent {
            // "Ministry of Health and the Labour Party": "and the" starts a second name.
            if k > next
                && lex.particles.get(words[k - 1].lower.as_str()) == Some(&Particle::Conjunction)
                && lex.determiners.contains(&words[k].lower)
            {
                return j;
            }
            match lex.particles.get(words[k].lower.as_str()) {
                // In a noun-capitalising language "von" is mostly a preposition: a particle only in a
                // person's name ("Ursula von der Leyen").
                Some(Particle::Any)
                    if !words[k].cap
                        && (!lex.capitalises_nouns()
                            || lex.given_names.contains_key(words[first].text)) => {}
                Some(Particle::HeadedOnly | Particle::Conjunction) if !words[k].cap => {
                    needs_head = true
                }
                _ => break,
            }
            k += 1;
        }
        if k == next || (needs_head && !headed) {
            return j;
        }
        // Inside a headed name, capitalised common nouns count ("Bewegung für Land und Würde").
        let joins = continues(words, k, sent, lex)
            || (headed
                && words.get(k).is_some_and(|w| {
                    w.sent == sent
                        && w.cap
                        && w.kind == TokenKind::Word
                        && !lex.non_names.contains(&w.lower)
                }));
        if !joins {
            return j;
        }
        headed |= is_head(&words[k]);
        j = k;
    }
}
