//! The word knowledge entity recognition uses, read once per language from the data tables (`lexicon.rs`).
//!
//! Everything language-specific lives in tables: a new language is a set of files under `data/<lang>/`, not
//! code. Names that read the same everywhere (places, given names, well-known organisations) come from the
//! `xx` tables and are shared by every language. A language without its own tables borrows English's.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon::{key_value, languages, lines, table};
use crate::model::EntityKind;

/// Grammatical gender a name, title or pronoun implies; used to match pronouns to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

impl Gender {
    fn parse(s: &str) -> Gender {
        match s {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        }
    }

    /// Whether a pronoun of gender `self` may refer to a person of gender `other`.
    pub fn compatible(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// Where a small lower-case word may join the capitalised words of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Particle {
    /// In any name ("de", "van", "al").
    Any,
    /// Only in names led by a head word ("of", "for", "für").
    HeadedOnly,
    /// A conjunction ("and", "und"): only in names led by a head word.
    Conjunction,
}

/// A word list that also matches word endings, for languages that compound ("Innenminister" ends in
/// "minister"). Entries are lower case; `-x` entries are endings.
#[derive(Debug, Default)]
pub struct Affixed {
    words: HashMap<String, Gender>,
    endings: Vec<(String, Gender)>,
}

impl Affixed {
    pub(super) fn from_table(lang: &str, name: &str) -> Affixed {
        let mut a = Affixed::default();
        for entry in lines(lang, name) {
            let (word, gender) = match key_value(entry) {
                Some((k, v)) => (k, Gender::parse(v)),
                None => (entry, Gender::Unknown),
            };
            let word = word.to_lowercase();
            match word.strip_prefix('-') {
                Some(ending) => a.endings.push((ending.to_string(), gender)),
                None => {
                    a.words.insert(word, gender);
                }
            }
        }
        // Longest ending first, so "-ministerin" wins over "-minister".
        a.endings.sort_by_key(|(e, _)| std::cmp::Reverse(e.len()));
        a
    }

    /// The gender of `lower` when it is in the list, as a word or (when longer than the ending) by its ending.
    pub fn get(&self, lower: &str) -> Option<Gender> {
        if let Some(g) = self.words.get(lower) {
            return Some(*g);
        }
        self.endings
            .iter()
            .find(|(e, _)| lower.len() > e.len() + 1 && lower.ends_with(e.as_str()))
            .map(|(_, g)| *g)
    }

    /// Whether `lower` is in the list as a whole word (not only by its ending).
    pub fn words_has(&self, lower: &str) -> bool {
        self.words.contains_key(lower)
    }

    pub fn has(&self, lower: &str) -> bool {
        self.get(lower).is_some()
    }

    /// Like [`Affixed::has`], also taking a word that is one of the endings on its own ("kollege" for
    /// "-kollege").
    pub fn has_or_is_ending(&self, lower: &str) -> bool {
        self.has(lower) || self.endings.iter().any(|(e, _)| e == lower)
    }

    /// Like [`Affixed::has`], also trying the word without a genitive `-s`/`-es` ("Innenministeriums").
    pub fn has_inflected(&self, lower: &str) -> bool {
        self.has(lower)
            || lower.strip_suffix("es").is_some_and(|w| self.has(w))
            || lower.strip_suffix('s').is_some_and(|w| self.has(w))
    }
}

/// All tables entity recognition reads for one language.
#[derive(Debug, Default)]
pub struct Lex {
    /// Place names as written (exact case), multi-word ones with single spaces.
    pub places: HashSet<String>,
    pub organizations: HashSet<String>,
    /// Most words in a gazetteer entry, to bound the longest-match search.
    pub max_gazetteer_words: usize,
    pub given_names: HashMap<String, Gender>,
    pub titles: Affixed,
    pub title_modifiers: HashSet<String>,
    pub org_heads: Affixed,
    pub facility_heads: Affixed,
    pub location_heads: Affixed,
    /// Words after which a number is part of a place's name ("Bundesstraße 216", "Route 66").
    pub numbered_heads: Affixed,
    pub pronouns: HashMap<String, Gender>,
    /// Lower-case role noun (maybe two words, "police chief") → the kind of what it refers to.
    pub role_nouns: HashMap<String, EntityKind>,
    /// Lower-case particle → where it may join a name.
    pub particles: HashMap<String, Particle>,
    pub determiners: HashSet<String>,
    pub speech_verbs: HashSet<String>,
    pub location_preps: HashSet<String>,
    pub non_names: HashSet<String>,
    /// Demonym as written → whether it names a group of people.
    pub demonyms: HashMap<String, bool>,
    /// Month names (lower case): a month alone is never a name ("in January"), though "April Ryan" is.
    pub months: HashSet<String>,
    pub common_nouns: HashSet<String>,
    pub noun_endings: Vec<String>,
}

fn kind_from(s: &str) -> Option<EntityKind> {
    Some(match s {
        "person" => EntityKind::Person,
        "organization" => EntityKind::Organization,
        "location" => EntityKind::Location,
        "facility" => EntityKind::Facility,
        "group" => EntityKind::Group,
        _ => return None,
    })
}

impl Lex {
    fn build(lang: &str) -> Lex {
        let mut lex = Lex::default();
        for table in ["places"] {
            for src in ["xx", lang] {
                lex.places
                    .extend(lines(src, table).into_iter().map(String::from));
            }
        }
        lex.organizations
            .extend(lines("xx", "organizations").into_iter().map(String::from));
        lex.max_gazetteer_words = lex
            .places
            .iter()
            .chain(&lex.organizations)
            .map(|e| e.split(' ').count())
            .max()
            .unwrap_or(1);
        for entry in lines("xx", "given_names") {
            if let Some((name, g)) = key_value(entry) {
                lex.given_names.insert(name.to_string(), Gender::parse(g));
            }
        }
        lex.titles = Affixed::from_table(lang, "titles");
        lex.org_heads = Affixed::from_table(lang, "org_heads");
        lex.facility_heads = Affixed::from_table(lang, "facility_heads");
        lex.location_heads = Affixed::from_table(lang, "location_heads");
        lex.numbered_heads = Affixed::from_table(lang, "numbered_heads");
        lex.title_modifiers = lower_set(lang, "title_modifiers");
        lex.determiners = lower_set(lang, "determiners");
        lex.speech_verbs = lower_set(lang, "speech_verbs");
        lex.location_preps = lower_set(lang, "location_preps");
        lex.non_names = lower_set(lang, "non_names");
        lex.common_nouns = lines(lang, "common_nouns")
            .into_iter()
            .map(String::from)
            .collect();
        lex.noun_endings = lines(lang, "noun_endings")
            .into_iter()
            .map(String::from)
            .collect();
        lex.months = lines(lang, "months")
            .into_iter()
            .filter_map(|e| key_value(e).map(|(k, _)| k.to_lowercase()))
            .collect();
        for entry in lines(lang, "pronouns") {
            if let Some((p, g)) = key_value(entry) {
                lex.pronouns.insert(p.to_lowercase(), Gender::parse(g));
            }
        }
        for entry in lines(lang, "entity_role_nouns") {
            if let Some((noun, kind)) = key_value(entry).and_then(|(n, k)| Some((n, kind_from(k)?)))
            {
                lex.role_nouns.insert(noun.to_lowercase(), kind);
            }
        }
        for entry in lines(lang, "name_particles") {
            let (p, class) = match key_value(entry) {
                Some((p, "conj")) => (p, Particle::Conjunction),
                Some((p, _)) => (p, Particle::HeadedOnly),
                None => (entry, Particle::Any),
            };
            lex.particles.insert(p.to_lowercase(), class);
        }
        for entry in lines(lang, "demonyms") {
            match key_value(entry) {
                Some((d, v)) => lex.demonyms.insert(d.to_string(), v == "group"),
                None => lex.demonyms.insert(entry.to_string(), false),
            };
        }
        lex
    }

    /// The tables for `lang`; languages without entity tables (no `titles` table) use English's.
    pub fn for_lang(lang: &str) -> &'static Lex {
        static ALL: OnceLock<HashMap<&'static str, Lex>> = OnceLock::new();
        static EMPTY: OnceLock<Lex> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            languages()
                .into_iter()
                .filter(|l| table(l, "titles").is_some())
                .map(|l| (l, Lex::build(l)))
                .collect()
        });
        all.get(lang)
            .or_else(|| all.get("en"))
            .unwrap_or_else(|| EMPTY.get_or_init(Lex::default))
    }

    /// Whether the language writes every noun with a capital, so capitals alone do not mark names.
    pub fn capitalises_nouns(&self) -> bool {
        !self.common_nouns.is_empty() || !self.noun_endings.is_empty()
    }

    /// A capitalised common noun of a noun-capitalising language ("Entscheidung", "Polizei").
    pub fn is_common_noun(&self, word: &str, lower: &str) -> bool {
        self.common_nouns.contains(word)
            || self
                .noun_endings
                .iter()
                .any(|e| lower.len() > e.len() + 2 && lower.ends_with(e.as_str()))
    }

    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.has(lower)
    }
}

fn lower_set(lang: &str, name: &str) -> HashSet<String> {
    lines(lang, name)
        .into_iter()
        .map(str::to_lowercase)
        .collect()
}
