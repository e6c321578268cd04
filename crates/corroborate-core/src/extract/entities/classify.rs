//! What kind of name a chunk is: from gazetteers, title words, head words ("Ministry", "camp"), given names,
//! and the words around it ("said X", "in X", "the town of X", "X protest camp").
//!
//! Each decision carries a strength, so that document-level propagation can let a sure reading of a name
//! overrule a guess made elsewhere in the same document.

use super::chunks::Chunk;
use super::lex::{Gender, Lex};
use super::words::Word;
use crate::model::{EntityKind, Span};

/// How sure a kind decision is.
pub type Strength = u8;
/// A table or head word says so ("Ministry", a title, a gazetteer entry).
pub const SURE: Strength = 3;
/// A given name or a telling context ("said X", "in X").
pub const LIKELY: Strength = 2;
/// A shape guess (an unknown two-word name, a lone acronym).
pub const GUESS: Strength = 1;

/// A name found in the text, before document-level decisions.
#[derive(Debug, Clone)]
pub struct Named {
    /// Words `first..=last` of the name itself (a title in front is not part of it).
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub kind: Option<EntityKind>,
    pub strength: Strength,
    pub roles: Vec<String>,
    pub gender: Gender,
    /// Another name this one stands for: the full name of a surname, the long form of an acronym.
    pub link: Option<usize>,
    /// The acronym defined for this name in parentheses.
    pub acronym: Option<String>,
}

/// Reads a chunk into `out`: splits off a title in front (keeping a place or organisation inside the title,
/// "NATO Secretary General", as a name of its own), then decides the kind. Adds nothing for chunks that are
/// not names (a title alone, a nationality adjective).
pub fn classify(chunk: &Chunk, words: &[Word], text: &str, lex: &Lex, out: &mut Vec<Named>) {
    if let Some(k) = title_prefix_end(words, chunk.first, chunk.last, lex) {
        for (i, w) in words.iter().enumerate().take(k).skip(chunk.first) {
            let kind = if lex.places.contains(w.text) {
                EntityKind::Location
            } else if lex.organizations.contains(w.text) {
                EntityKind::Organization
            } else {
                continue;
            };
            out.push(Named {
                first: i,
                last: i,
                span: w.span,
                kind: Some(kind),
                strength: SURE,
                roles: Vec::new(),
                gender: Gender::Unknown,
                link: None,
                acronym: None,
            });
        }
    }
    if let Some(named) = classify_name(chunk, words, text, lex) {
        out.push(named);
    }
}

fn classify_name(chunk: &Chunk, words: &[Word], text: &str, lex: &Lex) -> Option<Named> {
    let mut named = Named {
        first: chunk.first,
        last: chunk.last,
        span: span_of(words, chunk.first, chunk.last),
        kind: None,
        strength: 0,
        roles: Vec::new(),
        gender: Gender::Unknown,
        link: None,
        acronym: None,
    };
    if let Some(kind) = chunk.gazetteer {
        named.kind = Some(kind);
        named.strength = SURE;
        return Some(named);
    }
    if let Some(k) = title_prefix_end(words, chunk.first, chunk.last, lex) {
        if k >= chunk.last {
            return None;
        }
        named.gender = lex.titles.get(&words[k].lower).unwrap_or(Gender::Unknown);
        named.first = k + 1;
        named.span = span_of(words, named.first, named.last);
        named.kind = Some(EntityKind::Person);
        named.strength = SURE;
        let given = lex.given_names.get(words[named.first].text).copied();
        if let Some(g) = given.filter(|g| *g != Gender::Unknown) {
            named.gender = g;
        }
        return Some(named);
    }
    // A descriptor noun in front of a person's name ("Popstar Lady Gaga", "Bereits Giacomo della Porta").
    if lex.capitalises_nouns() {
        let given =
            (chunk.first + 1..chunk.last).find(|&g| lex.given_names.contains_key(words[g].text));
        if let Some(g) = given
            && !lex.given_names.contains_key(words[chunk.first].text)
        {
            named.first = g;
            named.span = span_of(words, g, chunk.last);
            named.kind = Some(EntityKind::Person);
            named.strength = LIKELY;
            named.gender = lex
                .given_names
                .get(words[g].text)
                .copied()
                .unwrap_or(Gender::Unknown);
            return Some(named);
        }
    }
    // A compound descriptor in front of the name ("Protestcamp Kestrel Meadow").
    if lex.capitalises_nouns()
        && chunk.last > chunk.first
        && lex.facility_heads.has(&words[chunk.first].lower)
    {
        named.first += 1;
        named.span = span_of(words, named.first, named.last);
        named.kind = Some(EntityKind::Facility);
        named.strength = SURE;
        return Some(named);
    }
    by_shape(&mut named, words, text, lex)?;
    by_context(&mut named, words, lex);
    Some(named)
}

/// Kind from the words of the name itself.
fn by_shape(named: &mut Named, words: &[Word], text: &str, lex: &Lex) -> Option<()> {
    let (a, b) = (named.first, named.last);
    let name = text.get(named.span.start..named.span.end)?;
    let first = &words[a];
    let last = &words[b];
    let multi = b > a;
    let set = |named: &mut Named, kind, strength| {
        named.kind = Some(kind);
        named.strength = strength;
    };
    if lex.places.contains(name) {
        set(named, EntityKind::Location, SURE);
    } else if lex.organizations.contains(name) {
        set(named, EntityKind::Organization, SURE);
    } else if !multi && lex.months.contains(&first.lower) {
        return None;
    } else if (a + 1..=b).any(|k| {
        text.get(words[k].span.start..named.span.end)
            .is_some_and(|tail| lex.organizations.contains(tail))
    }) {
        // "Kenya Red Cross": ends in a known organisation.
        set(named, EntityKind::Organization, SURE);
    } else if !multi && lex.demonyms.contains_key(name) {
        let group = lex.demonyms.get(name).copied().unwrap_or(false);
        if !group {
            return None;
        }
        set(named, EntityKind::Group, SURE);
    } else if lex.facility_heads.has(&last.lower)
        && (multi || !lex.facility_heads.words_has(&last.lower))
        || multi
            && first.cap
            && lex.facility_heads.words_has(&first.lower)
            && !lex.capitalises_nouns()
    {
        set(named, EntityKind::Facility, SURE);
    } else if words[a..=b]
        .iter()
        .any(|w| lex.org_heads.has_inflected(&w.lower))
        && (multi || !lex.org_heads.words_has(&last.lower))
    {
        set(named, EntityKind::Organization, SURE);
    } else if multi && lex.given_names.contains_key(first.text) {
        set(named, EntityKind::Person, LIKELY);
        named.gender = lex
            .given_names
            .get(first.text)
            .copied()
            .unwrap_or(Gender::Unknown);
    } else if lex.location_heads.has(&last.lower)
        && (multi || !lex.location_heads.words_has(&last.lower))
    {
        set(named, EntityKind::Location, LIKELY);
    } else if multi && !lex.capitalises_nouns() && lex.location_heads.words_has(&first.lower) {
        // "Mount Ruang", "Lake Chad", "Cape of Good Hope".
        set(named, EntityKind::Location, LIKELY);
    } else if !multi && first.all_caps && first.text.chars().count() <= 6 {
        set(named, EntityKind::Organization, GUESS);
    } else if !multi && lex.given_names.contains_key(first.text) {
        set(named, EntityKind::Person, GUESS);
        named.gender = lex
            .given_names
            .get(first.text)
            .copied()
            .unwrap_or(Gender::Unknown);
    } else if lex.capitalises_nouns() {
        // Where every noun is capitalised, an unknown run of capitalised words is no evidence of a name.
    } else if multi && b - a <= 2 && !words[a..=b].iter().any(|w| w.all_caps) {
        // Unknown names of two or three words: people, unless "the" stands before them or a place or
        // nationality is part of them ("the Federal Reserve", "Anglo American", "Hellenic Train").
        let prev = a
            .checked_sub(1)
            .map(|p| &words[p])
            .filter(|p| p.sent == first.sent);
        let the = prev.is_some_and(|p| lex.determiners.contains(&p.lower));
        // A place as first word may be a given name ("Paris Hilton"); later it is part of a title.
        let placey = words[a..=b].iter().enumerate().any(|(i, w)| {
            (i > 0 && lex.places.contains(w.text)) || lex.demonyms.contains_key(w.text)
        });
        if the || placey {
            let in_place = the
                && a >= 2
                && words[a - 2].sent == first.sent
                && lex.location_preps.contains(&words[a - 2].lower);
            let kind = if in_place {
                EntityKind::Location
            } else {
                EntityKind::Organization
            };
            set(named, kind, GUESS);
        } else {
            set(named, EntityKind::Person, GUESS);
        }
    } else if !multi && !first.sent_start {
        // A lone unknown word after "the" inside a sentence ("in the Yukon").
        let prev = a
            .checked_sub(1)
            .map(|p| &words[p])
            .filter(|p| p.sent == first.sent);
        let before = a
            .checked_sub(2)
            .map(|p| &words[p])
            .filter(|p| p.sent == first.sent);
        if prev.is_some_and(|p| lex.determiners.contains(&p.lower))
            && before.is_some_and(|p| lex.location_preps.contains(&p.lower))
        {
            set(named, EntityKind::Location, GUESS);
        }
    }
    Some(())
}

/// Speech verbs used mostly of people, which make even a lone sentence-initial word a person guess.
const PERSON_VERBS: [&str; 4] = ["told", "said", "says", "added"];

/// Kind from the words around the name, where the name itself did not settle it.
fn by_context(named: &mut Named, words: &[Word], lex: &Lex) {
    let (a, b) = (named.first, named.last);
    if words[b].based {
        named.kind = Some(EntityKind::Location);
        named.strength = SURE;
        return;
    }
    if named.strength >= SURE {
        return;
    }
    let same_sent = |i: usize| words.get(i).filter(|w| w.sent == words[a].sent);
    let next = same_sent(b + 1).filter(|_| !words[b].cut);
    let after = same_sent(b + 2).filter(|_| !words[b].cut);
    let prev = a.checked_sub(1).and_then(same_sent);
    let before = a.checked_sub(2).and_then(same_sent);
    // "Kestrel Meadow protest camp", "the Al-Shifa hospital".
    let lower_head =
        |w: Option<&Word>| w.is_some_and(|w| !w.cap && lex.facility_heads.has(&w.lower));
    if lower_head(next) || (next.is_some_and(|w| !w.cap) && lower_head(after)) {
        named.kind = Some(EntityKind::Facility);
        named.strength = SURE;
        return;
    }
    // "Enga province", "Rakhine state".
    if next.is_some_and(|w| !w.cap && lex.location_heads.words_has(&w.lower)) {
        named.kind = Some(EntityKind::Location);
        named.strength = SURE;
        return;
    }
    // "the town of Dravik".
    if prev.is_some_and(|w| w.lower == "of")
        && before.is_some_and(|w| !w.cap && lex.location_heads.words_has(&w.lower))
    {
        named.kind = Some(EntityKind::Location);
        named.strength = SURE;
        return;
    }
    // Where nouns are capitalised, "bei Blechschaden", "in Einzelfällen": only a word that does not end
    // like an inflected noun is taken for a place.
    let inflected = lex.capitalises_nouns()
        && ["en", "ern", "er", "e", "s"]
            .iter()
            .any(|e| words[a].lower.ends_with(e));
    if named.strength < LIKELY
        && !words[a].sent_start
        && !inflected
        && prev.is_some_and(|w| !w.cap && lex.location_preps.contains(&w.lower))
    {
        // "staff in Dravik said": right after "in" a name is a place even before "said".
        named.kind = Some(EntityKind::Location);
        named.strength = LIKELY;
        return;
    }
    let short = b - a <= 2 && !words[a].all_caps;
    let speaks = |w: Option<&Word>| w.is_some_and(|w| lex.speech_verbs.contains(&w.lower));
    let lone_start = a == b && words[a].sent_start;
    if short && named.strength < LIKELY && (speaks(next) || speaks(prev)) {
        // A lone first word before "said" may be an organisation too ("Petrobras said"): only a guess.
        let person_verb = next.is_some_and(|w| PERSON_VERBS.contains(&w.lower.as_str()));
        if !lone_start || person_verb {
            named.kind = Some(EntityKind::Person);
            named.strength = if lone_start { GUESS } else { LIKELY };
        }
    }
}

/// The last word of a title in front of a name ("Interior Minister", "US President", "Innenminister"):
/// every word up to it is a title, a title modifier, a nationality or a place.
pub fn title_prefix_end(words: &[Word], first: usize, last: usize, lex: &Lex) -> Option<usize> {
    let mut end = None;
    for (i, w) in words.iter().enumerate().take(last + 1).skip(first) {
        if lex.is_title(&w.lower) {
            end = Some(i);
        } else if !(lex.title_modifiers.contains(&w.lower)
            || lex.demonyms.contains_key(w.text)
            || lex.places.contains(w.text)
            || lex.organizations.contains(w.text))
        {
            break;
        }
    }
    end
}

pub fn span_of(words: &[Word], first: usize, last: usize) -> Span {
    Span::new(words[first].span.start, words[last].span.end)
}
