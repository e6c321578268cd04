//! What the tagger sees of each word: hashed string features of the word, its neighbours, the tables it is in
//! and what the rules decided about it.
//!
//! Features are 64-bit FNV-1a hashes of a template name and a value, so the model stores no strings and a
//! feature costs one hash to look up. The same code makes the features for training and for tagging, so the
//! two can never drift apart; a change here (or in the tables and rules it reads) needs the model retrained.

use super::super::acronyms::is_acronym;
use super::super::chunks::Chunk;
use super::super::classify::Named;
use super::super::lex::Lex;
use super::super::words::Word;
use super::gazette::Gazette;
use crate::model::{EntityKind, TokenKind};

/// The bit that marks a feature naming the word itself (its form, or its form with a neighbour's): training
/// hides these more often than the rest ([`super::TrainOptions::word_dropout`]).
pub const WORD_BIT: u64 = 1 << 63;

/// Hash of a feature that names the word itself.
fn word_hash(template: &str, value: &str) -> u64 {
    hash(template, value) | WORD_BIT
}

/// Hash of a feature: template name and value, separated so "ab"+"c" differs from "a"+"bc".
pub fn hash(template: &str, value: &str) -> u64 {
    fnv(template, value) & !WORD_BIT
}

fn fnv(template: &str, value: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in template
        .bytes()
        .chain(std::iter::once(0x1f))
        .chain(value.bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Table memberships of one word, as (bit, name) pairs; the name is the feature value.
const FLAGS: [&str; 23] = [
    "place",
    "given",
    "org",
    "title",
    "orghead",
    "fachead",
    "lochead",
    "nonname",
    "demonym",
    "month",
    "common",
    "det",
    "locprep",
    "particle",
    "speech",
    "pronoun",
    "rolenoun",
    "acronym",
    "titlemod",
    "given-part",
    "gen-place",
    "gen-given",
    "gen-org",
];

/// The table bits of a word.
fn flags(w: &Word, lex: &Lex) -> u32 {
    let lower = w.lower.as_str();
    let genitive = w.text.strip_suffix('s').filter(|g| g.chars().count() >= 3);
    let checks = [
        lex.places.contains(w.text),
        lex.given_names.contains_key(w.text),
        lex.organizations.contains(w.text),
        lex.titles.has(lower),
        lex.org_heads.has_inflected(lower),
        lex.facility_heads.has(lower),
        lex.location_heads.has(lower),
        lex.non_names.contains(lower),
        lex.demonyms.contains_key(w.text),
        lex.months.contains(lower),
        w.kind == TokenKind::Word && lex.is_common_noun(w.text, lower),
        lex.determiners.contains(lower),
        lex.location_preps.contains(lower),
        lex.particles.contains_key(lower),
        lex.speech_verbs.contains(lower),
        lex.pronouns.contains_key(lower),
        lex.role_nouns.contains_key(lower),
        w.kind == TokenKind::Word && is_acronym(w.text),
        lex.title_modifiers.contains(lower),
        // A hyphenated compound whose first part is a given name or a place ("Merkel-Regierung" is not,
        // "Hans-Peter" is).
        w.text
            .split_once('-')
            .is_some_and(|(a, _)| lex.given_names.contains_key(a) || lex.places.contains(a)),
        // Genitive "-s" ("Europas", "Merkels").
        genitive.is_some_and(|g| lex.places.contains(g)),
        genitive.is_some_and(|g| lex.given_names.contains_key(g)),
        genitive.is_some_and(|g| lex.organizations.contains(g)),
    ];
    checks
        .iter()
        .enumerate()
        .filter(|(_, c)| **c)
        .fold(0, |acc, (i, _)| acc | (1 << i))
}

/// The short kind name used in feature values.
fn kind_name(kind: Option<EntityKind>) -> &'static str {
    match kind {
        Some(EntityKind::Person) => "PER",
        Some(EntityKind::Organization) => "ORG",
        Some(EntityKind::Location) => "LOC",
        Some(EntityKind::Facility) => "FAC",
        Some(EntityKind::Group) => "GRP",
        Some(EntityKind::Other) => "OTH",
        None => "none",
    }
}

/// Word shape with runs collapsed: "Müller" → "Xx", "EU-Kommission" → "X-Xx", "1990" → "d".
fn shape(text: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    for c in text.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
        }
        if out.len() >= 8 {
            break;
        }
    }
    out
}

/// The last `n` characters of `s` (all of it when shorter).
fn suffix(s: &str, n: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &s[start..]
}

/// The first `n` characters of `s`.
fn prefix(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// What the rules said of each word: the rule name covering it (kind, strength, first word or not) and the
/// candidate chunk covering it.
#[derive(Debug, Clone, Copy, Default)]
pub struct RuleView {
    pub named: Option<(Option<EntityKind>, u8, bool)>,
    pub chunk: Option<(bool, Option<EntityKind>)>,
}

/// One [`RuleView`] per word from the rules' names and chunks.
pub fn rule_views(words: &[Word], chunks: &[Chunk], named: &[Named]) -> Vec<RuleView> {
    let mut out = vec![RuleView::default(); words.len()];
    for c in chunks {
        for (i, v) in out.iter_mut().enumerate().take(c.last + 1).skip(c.first) {
            v.chunk = Some((i == c.first, c.gazetteer));
        }
    }
    for n in named {
        for (i, v) in out.iter_mut().enumerate().take(n.last + 1).skip(n.first) {
            v.named = Some((n.kind, n.strength, i == n.first));
        }
    }
    out
}

/// What the gazette says of each word of a sentence, as feature values.
fn gazette_values(sent: &[Word], gaz: &Gazette) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new(); sent.len()];
    // Longest place or organisation entry starting at each word.
    let mut i = 0;
    while i < sent.len() {
        let mut matched = 0;
        for n in (1..=gaz.max_words.min(sent.len() - i)).rev() {
            let joined = sent[i..i + n]
                .iter()
                .map(|w| w.text)
                .collect::<Vec<_>>()
                .join(" ");
            let kind = if gaz.places.contains(&joined) {
                "LOC"
            } else if gaz.organizations.contains(&joined) {
                "ORG"
            } else {
                continue;
            };
            for (k, vals) in out[i..i + n].iter_mut().enumerate() {
                vals.push(format!("{}-{kind}", if k == 0 { "B" } else { "I" }));
            }
            matched = n;
            break;
        }
        i += matched.max(1);
    }
    for (w, vals) in sent.iter().zip(out.iter_mut()) {
        if w.kind != TokenKind::Word {
            continue;
        }
        let genitive = w.text.strip_suffix('s').filter(|g| g.chars().count() >= 3);
        for (list, name) in [
            (&gaz.places, "place"),
            (&gaz.given_names, "given"),
            (&gaz.surnames, "surname"),
            (&gaz.organizations, "org"),
        ] {
            if list.contains(w.text) {
                vals.push(name.to_string());
            } else if genitive.is_some_and(|g| list.contains(g)) {
                vals.push(format!("{name}-gen"));
            }
        }
        if !w.cap {
            continue;
        }
        if gaz.is_noun(&w.lower) {
            vals.push("noun".to_string());
        } else if let Some(head) = gaz.compound_head(&w.lower) {
            vals.push("noun-head".to_string());
            vals.push(format!("head={head}"));
        } else if vals.is_empty() {
            // Capitalised, and neither a listed noun, nor a compound of one, nor in any name list: with the
            // noun list large enough to cover most capitalised nouns of news text, this is evidence of a name
            // in its own right (CV .719 → .723), stronger than the mere absence of the other values.
            vals.push(
                if w.sent_start {
                    "unknown-initial"
                } else {
                    "unknown"
                }
                .to_string(),
            );
        }
        if let Some(e) = Gazette::ending(&gaz.place_endings, &w.lower) {
            vals.push(format!("pend={e}"));
        }
        if let Some(e) = Gazette::ending(&gaz.surname_endings, &w.lower) {
            vals.push(format!("send={e}"));
        }
    }
    out
}

/// Features of the words `range` (one sentence) of `words`, one list per word.
pub fn sentence_features(
    words: &[Word],
    range: std::ops::Range<usize>,
    lex: &Lex,
    gaz: &Gazette,
    rules: &[RuleView],
) -> Vec<Vec<u64>> {
    let sent = &words[range.clone()];
    let gazette = gazette_values(sent, gaz);
    let flags: Vec<u32> = sent.iter().map(|w| flags(w, lex)).collect();
    let shapes: Vec<String> = sent.iter().map(|w| shape(w.text)).collect();
    let views = &rules[range];
    // Inside quotation marks: titles of works and events (GermEval's OTH) are often quoted.
    let mut quoted = Vec::with_capacity(sent.len());
    let mut open = false;
    for w in sent {
        let is_quote = matches!(w.text, "\"" | "„" | "“" | "”" | "»" | "«");
        if is_quote {
            open = !open;
        }
        quoted.push(open && !is_quote);
    }
    let lower_at = |j: isize| -> &str {
        if j < 0 {
            "<s>"
        } else {
            sent.get(j as usize).map_or("</s>", |w| w.lower.as_str())
        }
    };
    let mut out = Vec::with_capacity(sent.len());
    for (i, w) in sent.iter().enumerate() {
        let mut f = Vec::with_capacity(64);
        let ii = i as isize;
        let lower = w.lower.as_str();
        f.push(hash("bias", ""));
        f.push(word_hash("w", lower));
        f.push(word_hash("W", w.text));
        for n in 2..=5 {
            if lower.chars().count() > n {
                f.push(hash(&format!("suf{n}"), suffix(lower, n)));
            }
        }
        for n in 2..=4 {
            if lower.chars().count() > n {
                f.push(hash(&format!("pre{n}"), prefix(lower, n)));
            }
        }
        f.push(hash("shape", &shapes[i]));
        let len = w.text.chars().count().min(12);
        f.push(hash("len", &len.to_string()));
        let cap = format!("{}{}", u8::from(w.cap), u8::from(i == 0 || w.sent_start));
        f.push(hash("cap", &cap));
        if let Some((first, rest)) = w.lower.split_once('-') {
            f.push(hash("hy-first", first));
            f.push(hash("hy-last", rest.rsplit('-').next().unwrap_or(rest)));
        }
        if quoted[i] {
            f.push(hash("quoted", ""));
        }
        for (off, tpl) in [(-2isize, "w-2"), (-1, "w-1"), (1, "w+1"), (2, "w+2")] {
            f.push(hash(tpl, lower_at(ii + off)));
        }
        f.push(word_hash("w-1|w", &format!("{}|{lower}", lower_at(ii - 1))));
        f.push(word_hash("w|w+1", &format!("{lower}|{}", lower_at(ii + 1))));
        if i > 0 {
            f.push(hash("suf2-1", suffix(&sent[i - 1].lower, 2)));
        }
        for (off, tpl) in [(-1isize, "sh-1"), (1, "sh+1")] {
            let j = ii + off;
            let s = if j < 0 {
                "<s>"
            } else {
                shapes.get(j as usize).map_or("</s>", String::as_str)
            };
            f.push(hash(tpl, s));
        }
        for (off, tpl) in [
            (-2isize, "fl-2"),
            (-1, "fl-1"),
            (0, "fl"),
            (1, "fl+1"),
            (2, "fl+2"),
        ] {
            let j = ii + off;
            if j < 0 {
                continue;
            }
            let Some(bits) = flags.get(j as usize) else {
                continue;
            };
            for (b, name) in FLAGS.iter().enumerate() {
                if bits & (1 << b) != 0 {
                    f.push(hash(tpl, name));
                }
            }
        }
        for (off, tpl) in [(-1isize, "gz-1"), (0, "gz"), (1, "gz+1")] {
            let j = ii + off;
            if j < 0 {
                continue;
            }
            for v in gazette.get(j as usize).into_iter().flatten() {
                f.push(hash(tpl, v));
            }
        }
        if flags[i] == 0 && w.cap {
            f.push(hash("cap-unknown", &cap));
        }
        for (off, tpl) in [(-1isize, "r-1"), (0, "r"), (1, "r+1")] {
            let j = ii + off;
            if j < 0 {
                continue;
            }
            let Some(v) = views.get(j as usize) else {
                continue;
            };
            if let Some((kind, strength, first)) = v.named {
                let bio = if first { "B" } else { "I" };
                f.push(hash(tpl, &format!("{bio}-{}", kind_name(kind))));
                if off == 0 {
                    f.push(hash("rs", &format!("{}{strength}", kind_name(kind))));
                }
            }
            if off == 0
                && let Some((first, gaz)) = v.chunk
            {
                f.push(hash("chunk", if first { "B" } else { "I" }));
                if gaz.is_some() {
                    f.push(hash("gaz", kind_name(gaz)));
                }
            }
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Müller"), "Xx");
        assert_eq!(shape("EU-Kommission"), "X-Xx");
        assert_eq!(shape("1990"), "d");
        assert_eq!(shape("FC"), "X");
    }

    #[test]
    fn affixes_count_characters_not_bytes() {
        assert_eq!(suffix("größe", 3), "öße");
        assert_eq!(prefix("über", 2), "üb");
        assert_eq!(suffix("ab", 5), "ab");
    }

    #[test]
    fn hashes_separate_template_and_value() {
        assert_ne!(hash("ab", "c"), hash("a", "bc"));
        assert_eq!(hash("w", "berlin"), hash("w", "berlin"));
    }
}
