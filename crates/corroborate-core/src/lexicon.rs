//! Language data tables.
//!
//! Everything a stage knows about a language (abbreviations, boilerplate phrases, month names, reporting verbs…)
//! lives in plain-text tables under `crates/corroborate-core/data/<lang>/<table>.txt`, compiled into the binary
//! with `include_str!`, so adding a language means adding files and one line in [`TABLES`], not changing code.
//!
//! Table format: one entry per line; `#` starts a comment line; blank lines are ignored; surrounding whitespace
//! is trimmed. A table that needs fields separates them with a tab or ` = ` as its own header comment says.

use std::collections::HashSet;

macro_rules! table {
    ($lang:literal, $name:literal) => {
        (
            $lang,
            $name,
            include_str!(concat!("../data/", $lang, "/", $name, ".txt")),
        )
    };
}

/// Every (language, table name, contents) compiled in.
pub static TABLES: &[(&str, &str, &str)] = &[
    table!("en", "months"),
    table!("en", "report_nouns"),
    table!("de", "report_nouns"),
    table!("de", "months"),
    table!("en", "abbreviations"),
    table!("en", "abbreviations_never_final"),
    table!("en", "abbreviations_often_final"),
    table!("en", "sentence_starters"),
    table!("de", "abbreviations"),
    table!("de", "abbreviations_never_final"),
    table!("de", "abbreviations_often_final"),
    table!("de", "sentence_starters"),
    table!("de", "ordinal_context"),
    // Month names read in post signatures ("21 de junio de 2023") by `ingest::dates`.
    table!("fr", "months"),
    table!("es", "months"),
    table!("it", "months"),
    table!("pt", "months"),
    table!("nl", "months"),
    // Boilerplate for `clean::boilerplate`: per-language `<lang>/boilerplate.txt` (phrases, `^line-start
    // prompts`, `^labels:`, `~filler` words; every language applies to every text, since boilerplate is
    // often in another language than the article), plus language-neutral tables under the pseudo-language
    // `xx`: `social_networks` (names a share bar lists) and `link_debris` (hosts of embed photo/short links).
    table!("en", "boilerplate"),
    table!("de", "boilerplate"),
    table!("fr", "boilerplate"),
    table!("es", "boilerplate"),
    table!("it", "boilerplate"),
    table!("pt", "boilerplate"),
    table!("nl", "boilerplate"),
    table!("xx", "social_networks"),
    table!("xx", "link_debris"),
    table!("en", "embed_chrome"),
    table!("es", "embed_chrome"),
    table!("de", "embed_chrome"),
    // Attribution (`extract::claims`): reporting verbs with their stance, source prepositions ("according to"),
    // hedges, negators with their positive rewrite, closed word classes, role nouns.
    table!("en", "reporting_verbs"),
    table!("de", "reporting_verbs"),
    table!("en", "claim_nouns"),
    table!("de", "claim_nouns"),
    table!("en", "source_markers"),
    table!("de", "source_markers"),
    table!("en", "hedges"),
    table!("de", "hedges"),
    table!("en", "negators"),
    table!("de", "negators"),
    table!("en", "claim_words"),
    table!("de", "claim_words"),
    table!("en", "role_nouns"),
    table!("de", "role_nouns"),
    // Date expressions for `extract::dates` (with the `months` tables above).
    table!("en", "weekdays"),
    table!("en", "date_words"),
    table!("en", "numbers"),
    table!("en", "ordinals"),
    table!("en", "holidays"),
    table!("de", "weekdays"),
    table!("de", "date_words"),
    table!("de", "numbers"),
    table!("de", "ordinals"),
    table!("de", "ordinal_endings"),
    table!("de", "holidays"),
    // Numbers, bounds and what they count, for `extract::numbers` (one file per kind of knowledge).
    table!("en", "numbers_words"),
    table!("de", "numbers_words"),
    table!("en", "numbers_ordinals"),
    table!("de", "numbers_ordinals"),
    table!("en", "numbers_qualifiers"),
    table!("de", "numbers_qualifiers"),
    table!("en", "numbers_vague"),
    table!("de", "numbers_vague"),
    table!("en", "numbers_units"),
    table!("de", "numbers_units"),
    table!("en", "numbers_context"),
    table!("de", "numbers_context"),
    table!("en", "count_events"),
    table!("de", "count_events"),
    table!("en", "count_nouns"),
    table!("de", "count_nouns"),
    table!("en", "count_stop"),
    table!("de", "count_stop"),
    table!("xx", "numbers_suffixes"),
    // Entity recognition (`extract::entities`): gazetteers of names that read the same in most languages
    // (`xx`), and per-language titles, name heads, pronouns, role nouns and context words.
    table!("xx", "given_names"),
    table!("xx", "places"),
    table!("xx", "organizations"),
    table!("xx", "place_openers"),
    table!("en", "places"),
    table!("de", "places"),
    table!("en", "titles"),
    table!("de", "titles"),
    table!("en", "title_modifiers"),
    table!("de", "title_modifiers"),
    table!("en", "org_heads"),
    table!("de", "org_heads"),
    table!("en", "facility_heads"),
    table!("de", "facility_heads"),
    table!("en", "location_heads"),
    table!("de", "location_heads"),
    table!("en", "numbered_heads"),
    table!("de", "numbered_heads"),
    table!("en", "pronouns"),
    table!("de", "pronouns"),
    table!("en", "entity_role_nouns"),
    table!("de", "entity_role_nouns"),
    table!("en", "name_particles"),
    table!("de", "name_particles"),
    table!("en", "determiners"),
    table!("de", "determiners"),
    table!("en", "speech_verbs"),
    table!("de", "speech_verbs"),
    table!("en", "location_preps"),
    table!("de", "location_preps"),
    table!("en", "non_names"),
    table!("de", "non_names"),
    table!("en", "demonyms"),
    table!("de", "demonyms"),
    table!("de", "common_nouns"),
    table!("de", "noun_endings"),
    // Gazetteers and word lists the German tagger reads as features only (`extract::entities::tagger`).
    table!("de", "ner_nouns"),
    table!("de", "ner_places"),
    table!("de", "ner_given_names"),
    table!("de", "ner_surnames"),
    table!("de", "ner_organizations"),
    table!("de", "ner_place_endings"),
    table!("de", "ner_surname_endings"),
    // Nouns for people, read by the tagger's post-processing only (a name behind one is a person).
    table!("de", "ner_person_nouns"),
    table!("de", "ner_never_alone"),
    table!("de", "ner_kin_nouns"),
    // Stopwords left out of the term vectors that `reconcile::stories` compares.
    table!("en", "stopwords"),
    table!("de", "stopwords"),
    // Facts and outlet profiles (`reconcile`): event predicates and how they imply and frame each other,
    // which counts are tolls, participant classes, speaker sides and aliases, place prepositions, labels for
    // statements, and loaded wording.
    table!("en", "event_predicates"),
    table!("de", "event_predicates"),
    table!("xx", "predicate_implies"),
    table!("xx", "predicate_frames"),
    table!("xx", "toll_predicates"),
    table!("xx", "predicate_labels"),
    table!("en", "patient_classes"),
    table!("de", "patient_classes"),
    table!("en", "sides"),
    table!("de", "sides"),
    table!("en", "speaker_aliases"),
    table!("de", "speaker_aliases"),
    table!("en", "place_prepositions"),
    table!("de", "place_prepositions"),
    table!("en", "loaded_terms"),
    table!("de", "loaded_terms"),
    table!("en", "denial_words"),
    table!("de", "denial_words"),
    table!("en", "question_openers"),
    table!("de", "question_openers"),
];

/// The raw contents of `lang`'s table `name`, if there is one.
pub fn table(lang: &str, name: &str) -> Option<&'static str> {
    TABLES
        .iter()
        .find(|(l, n, _)| *l == lang && *n == name)
        .map(|(_, _, c)| *c)
}

/// The entries of a table's contents: trimmed, non-empty, non-comment lines.
pub fn entries(contents: &str) -> impl Iterator<Item = &str> {
    contents
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Entries of `lang`'s table `name` (empty when the language has no such table).
pub fn lines(lang: &str, name: &str) -> Vec<&'static str> {
    table(lang, name)
        .map(|c| entries(c).collect())
        .unwrap_or_default()
}

/// Entries of table `name` across every language that has one.
pub fn lines_all_languages(name: &str) -> Vec<&'static str> {
    TABLES
        .iter()
        .filter(|(_, n, _)| *n == name)
        .flat_map(|(_, _, c)| entries(c))
        .collect()
}

/// Entries of `lang`'s table `name`, lower-cased into a set.
pub fn lowercase_set(lang: &str, name: &str) -> HashSet<String> {
    lines(lang, name)
        .into_iter()
        .map(str::to_lowercase)
        .collect()
}

/// Splits a `key = value` or `key<TAB>value` entry.
pub fn key_value(entry: &str) -> Option<(&str, &str)> {
    let (k, v) = entry.split_once('\t').or_else(|| entry.split_once(" = "))?;
    Some((k.trim(), v.trim()))
}

/// Languages that have at least one table.
pub fn languages() -> Vec<&'static str> {
    let mut langs: Vec<&str> = TABLES.iter().map(|(l, _, _)| *l).collect();
    langs.sort_unstable();
    langs.dedup();
    langs
}
