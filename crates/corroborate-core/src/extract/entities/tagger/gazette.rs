//! Word lists the tagger reads as features only (tables `<lang>/ner_*.txt`): places, given names, surnames
//! and organisations, common nouns (a capitalised word that is one, or ends in one, is rarely a name), and
//! endings typical of place names and surnames. Being features, an entry that is wrong now and then (a town
//! named like a noun) costs little: the model learns how far to trust each list.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::super::lex::Affixed;
use crate::lexicon::lines;

/// The lists of one language.
#[derive(Debug, Default)]
pub struct Gazette {
    pub places: HashSet<String>,
    pub given_names: HashSet<String>,
    pub surnames: HashSet<String>,
    pub organizations: HashSet<String>,
    /// Lower case.
    pub nouns: HashSet<String>,
    /// Lower case, longest first.
    pub place_endings: Vec<String>,
    pub surname_endings: Vec<String>,
    /// Most words in a place or organisation entry.
    pub max_words: usize,
    /// Lower-case function words (the language's stopwords): "Nur", "Für", "Da" capitalised at a sentence's
    /// start are no part of a name.
    pub function_words: HashSet<String>,
    /// Nouns for people (kin, trades, roles; `-x` entries are endings): a name right behind one is a person.
    /// Read by the post-processing only, not a feature.
    pub person_nouns: Affixed,
    /// Lower-case words that open a place's name in languages that name the kind of place first ("Isola di
    /// Corvetta", "Cerro Morado"; table `xx/place_openers`). Read by the post-processing only.
    pub place_openers: HashSet<String>,
    /// Lower-case words that are never a name by themselves, though part of names ("Nord" in "Regionalliga
    /// Nord"; table `<lang>/ner_never_alone`). Read by the post-processing only.
    pub never_alone: HashSet<String>,
    /// Lower-case kinship words and forms of address: a name right behind one is a person even where it is
    /// also a listed place ("Tochter Florence"; table `<lang>/ner_kin_nouns`). Read by the post-processing only.
    pub kin_nouns: HashSet<String>,
}

/// Inflection endings tried off a word to find its noun ("Häusern" → "häuser", "Staates" → "staat").
const INFLECTIONS: [&str; 8] = ["ern", "nen", "en", "es", "er", "e", "n", "s"];

/// Shortest head a compound is read as ending in ("…genossenschaft", not "…ei").
const MIN_HEAD: usize = 4;

impl Gazette {
    fn build(lang: &str) -> Gazette {
        let set = |name: &str| -> HashSet<String> {
            lines(lang, name).into_iter().map(String::from).collect()
        };
        let endings = |name: &str| -> Vec<String> {
            let mut v: Vec<String> = lines(lang, name)
                .into_iter()
                .map(str::to_lowercase)
                .collect();
            v.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
            v
        };
        let places = set("ner_places");
        let organizations = set("ner_organizations");
        let max_words = places
            .iter()
            .chain(&organizations)
            .map(|e| e.split(' ').count())
            .max()
            .unwrap_or(1);
        Gazette {
            places,
            organizations,
            given_names: set("ner_given_names"),
            surnames: set("ner_surnames"),
            nouns: lines(lang, "ner_nouns")
                .into_iter()
                .chain(lines(lang, "common_nouns"))
                .map(str::to_lowercase)
                .collect(),
            place_endings: endings("ner_place_endings"),
            surname_endings: endings("ner_surname_endings"),
            max_words,
            function_words: crate::lexicon::lowercase_set(lang, "stopwords"),
            person_nouns: Affixed::from_table(lang, "ner_person_nouns"),
            place_openers: crate::lexicon::lowercase_set("xx", "place_openers"),
            never_alone: crate::lexicon::lowercase_set(lang, "ner_never_alone"),
            kin_nouns: crate::lexicon::lowercase_set(lang, "ner_kin_nouns"),
        }
    }

    /// The lists for `lang` (empty for a language without them).
    pub fn for_lang(lang: &str) -> &'static Gazette {
        static DE: OnceLock<Gazette> = OnceLock::new();
        static EMPTY: OnceLock<Gazette> = OnceLock::new();
        match lang {
            "de" => DE.get_or_init(|| Gazette::build("de")),
            _ => EMPTY.get_or_init(Gazette::default),
        }
    }

    /// Whether `lower` is a listed noun as it stands or without an inflection ending.
    pub fn is_noun(&self, lower: &str) -> bool {
        self.nouns.contains(lower)
            || INFLECTIONS.iter().any(|e| {
                lower
                    .strip_suffix(e)
                    .is_some_and(|stem| stem.chars().count() >= 3 && self.nouns.contains(stem))
            })
    }

    /// The longest listed noun that `lower` ends in after at least three letters of its own
    /// ("siedlungsgenossenschaft" → "genossenschaft").
    pub fn compound_head<'w>(&self, lower: &'w str) -> Option<&'w str> {
        let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        starts
            .iter()
            .skip(3)
            .map(|&i| &lower[i..])
            .filter(|tail| tail.chars().count() >= MIN_HEAD)
            .find(|tail| self.is_noun(tail))
    }

    /// The longest ending of `endings` that `lower` has, with at least two letters before it.
    pub fn ending<'e>(endings: &'e [String], lower: &str) -> Option<&'e str> {
        endings
            .iter()
            .find(|e| lower.len() > e.len() + 1 && lower.ends_with(e.as_str()))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_are_found_inflected_and_as_compound_heads() {
        let g = Gazette::for_lang("de");
        assert!(g.is_noun("genossenschaft") || g.is_noun("gemeinschaft"));
        assert!(g.is_noun("häusern") || g.is_noun("häuser") || g.is_noun("haus"));
        assert_eq!(g.compound_head("bürgerversammlung"), Some("versammlung"));
        assert_eq!(g.compound_head("müller"), None);
    }

    #[test]
    fn endings_take_the_longest_and_need_a_stem() {
        let g = Gazette::for_lang("de");
        assert_eq!(
            Gazette::ending(&g.place_endings, "natenstedt"),
            Some("stedt")
        );
        assert_eq!(Gazette::ending(&g.place_endings, "dorf"), None);
        assert!(Gazette::for_lang("en").nouns.is_empty());
    }
}
