//! `tsvector` literals made from the store's own words ([`crate::search::words`], folded), so PostgreSQL indexes
//! exactly the lexemes that [`crate::search::Query::tsquery`] asks for, whatever the server's locale, and
//! without the `unaccent` extension. Like the `simple` configuration there is no stemming and no stop word,
//! so German and English (and any other language) are searched alike.

use std::collections::BTreeMap;

use crate::search::{fold, lexeme_literal, words};

/// Positions past this one are all recorded as this one (PostgreSQL's limit): words that far into a text are
/// still found, but a phrase there may not be.
const MAX_POSITION: u32 = 16_383;
/// Positions kept per lexeme (PostgreSQL keeps at most 256).
const MAX_POSITIONS_PER_LEXEME: usize = 256;
/// Longest lexeme PostgreSQL accepts, in bytes; longer "words" are not indexed.
const MAX_LEXEME_BYTES: usize = 2_047;
/// Total lexeme bytes in one `tsvector` (PostgreSQL refuses 1 MiB); later new words are not indexed.
const MAX_TOTAL_BYTES: usize = 1_000_000;
/// Positions left empty between fields, so a phrase never spans the end of a title and the start of a text.
const FIELD_GAP: u32 = 2;

/// The `tsvector` literal for `fields` (e.g. a title and a text), positions counted across them.
pub(crate) fn tsvector(fields: &[&str]) -> String {
    let mut positions: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut total = 0usize;
    let mut position = 0u32;
    for field in fields {
        for (_, word) in words(field) {
            position = (position + 1).min(MAX_POSITION);
            let lexeme = fold(word);
            if lexeme.is_empty() || lexeme.len() > MAX_LEXEME_BYTES {
                continue;
            }
            match positions.get_mut(&lexeme) {
                Some(list)
                    if list.len() < MAX_POSITIONS_PER_LEXEME && list.last() != Some(&position) =>
                {
                    list.push(position);
                }
                Some(_) => {}
                None if total + lexeme.len() <= MAX_TOTAL_BYTES => {
                    total += lexeme.len();
                    positions.insert(lexeme, vec![position]);
                }
                None => {}
            }
        }
        position = (position + FIELD_GAP).min(MAX_POSITION);
    }
    let mut out = String::with_capacity(total * 2);
    for (lexeme, list) in &positions {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&lexeme_literal(lexeme));
        out.push(':');
        let list: Vec<String> = list.iter().map(u32::to_string).collect();
        out.push_str(&list.join(","));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tsvector;

    #[test]
    fn lexemes_with_positions() {
        assert_eq!(
            tsvector(&["Fire!", "The fire, the Café."]),
            "'cafe':7 'fire':1,5 'the':4,6"
        );
        assert_eq!(tsvector(&["", "  &|!:* "]), "");
    }

    #[test]
    fn limits_are_kept() {
        let long = "word ".repeat(20_000);
        let v = tsvector(&[&long]);
        let positions = v.trim_start_matches("'word':").split(',').count();
        assert_eq!(positions, super::MAX_POSITIONS_PER_LEXEME);
        let late = format!("{} late", "x ".repeat(20_000));
        assert!(tsvector(&[&late]).contains("'late':16383"));
    }
}
