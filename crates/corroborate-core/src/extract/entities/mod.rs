//! Entity mentions: people, organisations, places, facilities and groups, with roles, acronyms and
//! references (pronouns, role nouns) resolved to the names they stand for.
//!
//! A rule-based recogniser that runs on what ships in the binary (no model to download):
//!
//! 1. [`words`]: the text stage's tokens, with possessive and "-based" endings split off;
//! 2. [`chunks`]: runs of capitalised words, gazetteer entries by longest match;
//! 3. [`classify`]: kind from gazetteers, titles, head words, given names and context;
//! 4. [`roles`]: titles and appositions around a name;
//! 5. [`acronyms`]: names in parentheses after a name;
//! 6. [`propagate`]: one reading per name per document, surnames linked to full names;
//! 7. [`refs`]: pronouns and role nouns resolved to names.
//!
//! All language knowledge is in data tables ([`lex`]); a language is added by writing its tables. Where a
//! trained [`tagger`] model ships for the language (German), it reads the rules' names as features and its
//! names take their place after step 3.

mod acronyms;
mod chunks;
mod classify;
mod lex;
mod propagate;
mod refs;
mod roles;
pub mod tagger;
mod words;

#[cfg(test)]
mod tests;

pub use words::fold_diacritics;

use crate::model::{EntityKind, EntityMention, Span};

/// Which names the rules' names are replaced by.
#[derive(Debug, Clone, Copy)]
pub enum Tagger<'m> {
    /// The model shipped for the language, where there is one (German); rules alone elsewhere.
    Shipped,
    /// Rules alone.
    RulesOnly,
    /// This model (for evaluating a model trained apart from the shipped one).
    Model(&'m tagger::Model),
}

/// Mentions of people, organisations, places, facilities and groups in `text` (language `lang`), sorted by
/// position, not overlapping. Names carry `refers_to` when they stand for another name of the document (a
/// surname for the full name, an acronym for its long form); pronouns and role nouns always do.
pub fn find_mentions(text: &str, sentences: &[Span], lang: &str) -> Vec<EntityMention> {
    find_mentions_with(text, sentences, lang, Tagger::Shipped)
}

/// [`find_mentions`] with the choice of tagger.
pub fn find_mentions_with(
    text: &str,
    sentences: &[Span],
    lang: &str,
    tagger: Tagger,
) -> Vec<EntityMention> {
    let lex = lex::Lex::for_lang(lang);
    let words = words::words(text, sentences);
    let (chunks, mut named) = rule_names(&words, text, lex);
    let model = match tagger {
        Tagger::Shipped => tagger::shipped(lang),
        Tagger::RulesOnly => None,
        Tagger::Model(m) => Some(m),
    };
    if let Some(model) = model {
        named = tagger::retag(named, &chunks, &words, lex, model, lang);
    }
    for n in &mut named {
        roles::add_roles(n, &words, text, lex);
    }
    acronyms::link_parentheses(&mut named, &words, text, !lex.capitalises_nouns());
    propagate::propagate(&mut named, &words, text, lex);
    // Names without a kind are dropped; indices are remapped to the kept ones.
    let mut keep_index = vec![None; named.len()];
    let mut kept = Vec::with_capacity(named.len());
    for (i, n) in named.into_iter().enumerate() {
        if n.kind.is_some() && !n.span.is_empty() {
            keep_index[i] = Some(kept.len());
            kept.push(n);
        }
    }
    for n in &mut kept {
        n.link = n.link.and_then(|l| keep_index.get(l).copied().flatten());
    }
    let references = refs::references(&words, text, &kept, lex);
    assemble(kept, references)
}

/// The rules' candidate chunks and the names they read in them (steps 2 and 3).
fn rule_names(
    words: &[words::Word],
    text: &str,
    lex: &lex::Lex,
) -> (Vec<chunks::Chunk>, Vec<classify::Named>) {
    let chunks = chunks::chunks(words, text, lex);
    let mut named = Vec::new();
    for chunk in &chunks {
        classify::classify(chunk, words, text, lex, &mut named);
    }
    (chunks, named)
}

/// Merges names and references into one position-sorted list with `refers_to` pointing into it.
fn assemble(named: Vec<classify::Named>, references: Vec<refs::Reference>) -> Vec<EntityMention> {
    enum Item {
        Name(usize),
        Ref(usize),
    }
    let mut order: Vec<(Span, Item)> = named
        .iter()
        .enumerate()
        .map(|(i, n)| (n.span, Item::Name(i)))
        .chain(
            references
                .iter()
                .enumerate()
                .map(|(i, r)| (r.span, Item::Ref(i))),
        )
        .collect();
    order.sort_by_key(|(s, _)| (s.start, s.end));
    let mut position = vec![0usize; named.len()];
    for (p, (_, item)) in order.iter().enumerate() {
        if let Item::Name(i) = item {
            position[*i] = p;
        }
    }
    order
        .into_iter()
        .map(|(span, item)| match item {
            Item::Name(i) => {
                let n = &named[i];
                EntityMention {
                    span,
                    kind: n.kind.unwrap_or(EntityKind::Other),
                    roles: n.roles.clone(),
                    refers_to: n.link.map(|l| position[l]),
                    acronym: n.acronym.clone(),
                }
            }
            Item::Ref(i) => EntityMention {
                span,
                kind: references[i].kind,
                roles: Vec::new(),
                refers_to: Some(position[references[i].target]),
                acronym: None,
            },
        })
        .collect()
}

/// Whether a mention's surface is a reference (pronoun or determiner + role noun) rather than a name: such
/// mentions join their target's entity but are not one of its names.
pub fn is_reference_surface(surface: &str, lang: &str) -> bool {
    let lex = lex::Lex::for_lang(lang);
    let lower = surface.trim().to_lowercase();
    if lex.pronouns.contains_key(&lower) {
        return true;
    }
    lower
        .split_whitespace()
        .next()
        .is_some_and(|first| lex.determiners.contains(first))
        && !surface
            .split_whitespace()
            .skip(1)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !lex.capitalises_nouns())
}

/// Whether `word` is a head word of organisation names in `lang` ("Ministry", "Partei"), for comparing
/// "Ministry of the Interior" with "Interior Ministry".
pub fn is_org_head(word: &str, lang: &str) -> bool {
    lex::Lex::for_lang(lang)
        .org_heads
        .words_has(&word.to_lowercase())
}
