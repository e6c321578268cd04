//! The tagger learns what it is shown, trains to the same bytes every time, reads its own files back and
//! refuses broken ones, and the shipped German model reads names in sentences written for this test.

use super::*;
use crate::extract::entities::{Tagger, find_mentions_with};
use crate::model::EntityMention;
use crate::text::sentences::split_sentences;

/// Hand-written German sentences with their names (surface, kind).
const SET: [(&str, &[(&str, EntityKind)]); 6] = [
    (
        "Gestern besuchte Jonas Brenntal die Firma Kalvora in Odersund.",
        &[
            ("Jonas Brenntal", EntityKind::Person),
            ("Kalvora", EntityKind::Organization),
            ("Odersund", EntityKind::Location),
        ],
    ),
    (
        "Die Kalvora hat ihren Sitz in Odersund.",
        &[
            ("Kalvora", EntityKind::Organization),
            ("Odersund", EntityKind::Location),
        ],
    ),
    (
        "Jonas Brenntal sprach mit Mira Feldhus über das Wetter.",
        &[
            ("Jonas Brenntal", EntityKind::Person),
            ("Mira Feldhus", EntityKind::Person),
        ],
    ),
    ("Das Wetter war schlecht.", &[]),
    (
        "In Odersund leben viele Menschen.",
        &[("Odersund", EntityKind::Location)],
    ),
    (
        "Mira Feldhus arbeitet seit Jahren für Kalvora.",
        &[
            ("Mira Feldhus", EntityKind::Person),
            ("Kalvora", EntityKind::Organization),
        ],
    ),
];

fn gold_spans(text: &str, names: &[(&str, EntityKind)]) -> Vec<(Span, EntityKind)> {
    names
        .iter()
        .map(|(surface, kind)| {
            let start = text.find(surface).expect("name in its sentence");
            (Span::new(start, start + surface.len()), *kind)
        })
        .collect()
}

fn training_set() -> Vec<Example> {
    SET.iter()
        .flat_map(|(text, names)| {
            let sentences = split_sentences(text, "de");
            examples(text, &sentences, "de", &gold_spans(text, names))
        })
        .collect()
}

fn tiny_options() -> TrainOptions {
    TrainOptions {
        min_count: 1,
        word_dropout: 0.0,
        ..TrainOptions::default()
    }
}

fn names(text: &str, tagger: Tagger) -> Vec<(String, EntityKind)> {
    let sentences = split_sentences(text, "de");
    find_mentions_with(text, &sentences, "de", tagger)
        .iter()
        .filter(|m: &&EntityMention| m.refers_to.is_none() || m.acronym.is_some())
        .map(|m| (text[m.span.start..m.span.end].to_string(), m.kind))
        .collect()
}

#[test]
fn gold_names_become_bilou_tags() {
    let ex = training_set();
    assert_eq!(ex.len(), SET.len());
    let first = &ex[0];
    let per = |p| tags::tag(EntityKind::Person, p).unwrap();
    // Gestern besuchte Jonas Brenntal die Firma Kalvora in Odersund .
    assert_eq!(first.len(), 10);
    assert_eq!(first.gold[2], per(tags::Part::Begin));
    assert_eq!(first.gold[3], per(tags::Part::Last));
    assert_eq!(
        first.gold[6],
        tags::tag(EntityKind::Organization, tags::Part::Unit).unwrap()
    );
    assert_eq!(first.gold[0], tags::O);
    assert_eq!(first.gold[9], tags::O);
}

#[test]
fn training_on_a_tiny_set_learns_it() {
    let ex = training_set();
    let refs: Vec<&Example> = ex.iter().collect();
    let model = train(&refs, &tiny_options());
    assert!(model.features() > 0);
    for (text, gold) in SET {
        let found = names(text, Tagger::Model(&model));
        for (surface, kind) in gold {
            assert!(
                found.iter().any(|(s, k)| s == surface && k == kind),
                "{surface} ({kind:?}) not found in {text:?}: {found:?}"
            );
        }
        assert_eq!(found.len(), gold.len(), "{text:?}: {found:?}");
    }
}

#[test]
fn training_is_deterministic_and_files_round_trip() {
    let ex = training_set();
    let refs: Vec<&Example> = ex.iter().collect();
    let a = train(&refs, &TrainOptions::default()).to_bytes();
    let b = train(&refs, &TrainOptions::default()).to_bytes();
    assert_eq!(a, b);
    let read = Model::from_bytes(&a).expect("own bytes read back");
    assert_eq!(read.to_bytes(), a);
    let text = SET[0].0;
    let original = train(&refs, &tiny_options());
    let reread = Model::from_bytes(&original.to_bytes()).expect("read back");
    assert_eq!(
        names(text, Tagger::Model(&original)),
        names(text, Tagger::Model(&reread))
    );
}

#[test]
fn broken_model_files_are_refused() {
    let ex = training_set();
    let refs: Vec<&Example> = ex.iter().collect();
    let bytes = train(&refs, &tiny_options()).to_bytes();
    assert_eq!(
        Model::from_bytes(b"not a model at all").unwrap_err(),
        ModelError::BadMagic
    );
    assert!(matches!(
        Model::from_bytes(&bytes[..bytes.len() - 3]),
        Err(ModelError::Truncated(_))
    ));
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        Model::from_bytes(&longer).unwrap_err(),
        ModelError::Trailing(1)
    );
    let mut wrong_tags = bytes;
    wrong_tags[8] = 3;
    assert!(matches!(
        Model::from_bytes(&wrong_tags),
        Err(ModelError::TagCount { found: 3, .. })
    ));
}

#[test]
fn the_shipped_german_model_loads_and_reads_names() {
    assert!(shipped("de").is_some(), "the embedded model must load");
    assert!(shipped("en").is_none());
    let text = "Bundeskanzler Olaf Scholz traf am Montag in Paris den französischen Präsidenten \
                Emmanuel Macron. Danach flog er nach Warschau.";
    let found = names(text, Tagger::Shipped);
    for (surface, kind) in [
        ("Olaf Scholz", EntityKind::Person),
        ("Paris", EntityKind::Location),
        ("Emmanuel Macron", EntityKind::Person),
        ("Warschau", EntityKind::Location),
    ] {
        assert!(
            found.iter().any(|(s, k)| s == surface && *k == kind),
            "{surface} ({kind:?}) not in {found:?}"
        );
    }
    assert!(
        !found
            .iter()
            .any(|(s, _)| s == "Montag" || s == "Präsidenten"),
        "{found:?}"
    );
}

/// The words of a German text.
fn german_words(text: &str) -> Vec<Word<'_>> {
    words::words(text, &split_sentences(text, "de"))
}

/// Index of the first word that reads `s`.
fn position_of(words: &[Word], s: &str) -> usize {
    words
        .iter()
        .position(|w| w.text == s)
        .expect("word in text")
}

/// The surfaces `well_formed` keeps of a model name covering the words `first..=last` of `text`.
fn well_formed_surfaces(text: &str, first: &str, last: &str) -> Vec<String> {
    let words = german_words(text);
    let at = |s: &str| position_of(&words, s);
    well_formed(
        (at(first), at(last), EntityKind::Organization),
        &words,
        Lex::for_lang("de"),
    )
    .into_iter()
    .map(|(a, b, _)| text[words[a].span.start..words[b].span.end].to_string())
    .collect()
}

#[test]
fn model_names_are_cut_at_brackets_and_glued_headings_but_keep_their_full_stops() {
    assert_eq!(
        well_formed_surfaces(
            "Das Bundesamt für Gesundheit (BAG) warnt.",
            "Bundesamt",
            ")"
        ),
        ["Bundesamt für Gesundheit", "BAG"]
    );
    assert_eq!(
        well_formed_surfaces(
            "Rücktritt: Hulk Der Präsident der Liga geht.",
            "Hulk",
            "Liga"
        ),
        ["Hulk"]
    );
    assert_eq!(
        well_formed_surfaces("Es kamen Elisabeth II. und viele andere.", "Elisabeth", "."),
        ["Elisabeth II."]
    );
    assert_eq!(
        well_formed_surfaces("Er sagte: „Kalvora AG“ sei pleite.", "„", "“"),
        ["Kalvora AG"]
    );
}

/// The surface `trim_person` keeps of a model name of `kind` covering the words `first..=last` of `text`.
fn trimmed_surface(text: &str, first: &str, last: &str, kind: EntityKind) -> String {
    let words = german_words(text);
    let at = |s: &str| position_of(&words, s);
    let (a, b, _) = trim_person(
        (at(first), at(last), kind),
        &words,
        Lex::for_lang("de"),
        gazette::Gazette::for_lang("de"),
    );
    text[words[a].span.start..words[b].span.end].to_string()
}

#[test]
fn a_person_loses_the_titles_and_function_words_the_model_read_in_front() {
    let person = EntityKind::Person;
    assert_eq!(
        trimmed_surface(
            "Morgen kommt Oberarzt Dr. Kalvus Brenntal.",
            "Oberarzt",
            "Brenntal",
            person
        ),
        "Kalvus Brenntal"
    );
    assert_eq!(
        trimmed_surface("Für Jonas war das neu.", "Für", "Jonas", person),
        "Jonas"
    );
    assert_eq!(
        trimmed_surface(
            "Gestern sprach Vereins-Präsident Feldhus.",
            "Vereins-Präsident",
            "Feldhus",
            person
        ),
        "Feldhus"
    );
    // A hyphenated descriptor: a party's acronym or a team's name in front of a role.
    assert_eq!(
        trimmed_surface(
            "Gestern sprach FDP-Fraktionsvize Kalvus Brenntal.",
            "FDP-Fraktionsvize",
            "Brenntal",
            person
        ),
        "Kalvus Brenntal"
    );
    assert_eq!(
        trimmed_surface(
            "Den Ball hielt Löwen-Keeper Brenntal fest.",
            "Löwen-Keeper",
            "Brenntal",
            person
        ),
        "Brenntal"
    );
    // Double given names are no descriptors.
    assert_eq!(
        trimmed_surface(
            "Gestern sprach Hans-Peter Brenntal.",
            "Hans-Peter",
            "Brenntal",
            person
        ),
        "Hans-Peter Brenntal"
    );
    // Given names and surnames stay, even where they are nouns too; other kinds are left alone.
    assert_eq!(
        trimmed_surface("Gestern sprach Thomas Bauer.", "Thomas", "Bauer", person),
        "Thomas Bauer"
    );
    assert_eq!(
        trimmed_surface(
            "Die Firma Kalvora wächst.",
            "Firma",
            "Kalvora",
            EntityKind::Organization
        ),
        "Firma Kalvora"
    );
}

#[test]
fn a_role_in_front_of_a_name_makes_a_person_of_another_kind() {
    let org = EntityKind::Organization;
    assert_eq!(
        after_step(
            person_behind_role,
            "In der Jury saß SVP-Nationalrat Jonas Brenntal.",
            "SVP-Nationalrat",
            "Brenntal",
            org
        ),
        ("Jonas Brenntal".to_string(), EntityKind::Person)
    );
    assert_eq!(
        after_step(
            person_behind_role,
            "In der Jury saß Oberst Kalvus Brunner.",
            "Oberst",
            "Brunner",
            org
        ),
        ("Kalvus Brunner".to_string(), EntityKind::Person)
    );
    // A noun in front of a founder's name heads an organisation; a role in front of one unknown word says
    // too little.
    assert_eq!(
        after_step(
            person_behind_role,
            "Das Buch erschien im Verlag Jonas Brenntal.",
            "Verlag",
            "Brenntal",
            org
        ),
        ("Verlag Jonas Brenntal".to_string(), org)
    );
    assert_eq!(
        after_step(
            person_behind_role,
            "Die SVP-Nationalrat Kalvora tagt.",
            "SVP-Nationalrat",
            "Kalvora",
            org
        ),
        ("SVP-Nationalrat Kalvora".to_string(), org)
    );
}

/// The surface and kind a post-processing step makes of a model name of `kind` covering `first..=last`.
fn after_step(
    step: Step,
    text: &str,
    first: &str,
    last: &str,
    kind: EntityKind,
) -> (String, EntityKind) {
    after_step_in("de", step, text, first, last, kind)
}

/// [`after_step`] for text in `lang`.
fn after_step_in(
    lang: &str,
    step: Step,
    text: &str,
    first: &str,
    last: &str,
    kind: EntityKind,
) -> (String, EntityKind) {
    let words = words::words(text, &split_sentences(text, lang));
    let at = |s: &str| position_of(&words, s);
    let (a, b, k) = step(
        (at(first), at(last), kind),
        &words,
        Lex::for_lang(lang),
        gazette::Gazette::for_lang(lang),
    );
    (text[words[a].span.start..words[b].span.end].to_string(), k)
}

#[test]
fn a_name_behind_a_noun_for_a_person_is_a_person() {
    let person = EntityKind::Person;
    let org = EntityKind::Organization;
    let loc = EntityKind::Location;
    assert_eq!(
        after_step(
            person_after_noun,
            "Sie half ihrer Tante Kalvora.",
            "Kalvora",
            "Kalvora",
            loc
        ),
        ("Kalvora".to_string(), person)
    );
    assert_eq!(
        after_step(
            person_after_noun,
            "Auch sein Teamkollege Jonas Brenntal fuhr schnell.",
            "Jonas",
            "Brenntal",
            org
        ),
        ("Jonas Brenntal".to_string(), person)
    );
    assert_eq!(
        after_step(
            person_after_noun,
            "Das sagte der CSU-Politiker Brenntal gestern.",
            "Brenntal",
            "Brenntal",
            org
        ),
        ("Brenntal".to_string(), person)
    );
    assert_eq!(
        after_step(
            person_after_noun,
            "Er traf seinen Nachfolger Brenntal.",
            "Brenntal",
            "Brenntal",
            org
        ),
        ("Brenntal".to_string(), person)
    );
    // A listed place (or its genitive) stays a place; other nouns say nothing.
    assert_eq!(
        after_step(
            person_after_noun,
            "Der Präsident Frankreichs kam.",
            "Frankreichs",
            "Frankreichs",
            loc
        ),
        ("Frankreichs".to_string(), loc)
    );
    assert_eq!(
        after_step(
            person_after_noun,
            "Die Firma Kalvora wächst.",
            "Kalvora",
            "Kalvora",
            org
        ),
        ("Kalvora".to_string(), org)
    );
}

#[test]
fn an_acronyms_organisation_loses_the_nouns_behind_it_but_not_its_head() {
    let org = EntityKind::Organization;
    assert_eq!(
        after_step(
            trim_acronym_tail,
            "Heute startet das SWR Fernsehen eine Reihe.",
            "SWR",
            "Fernsehen",
            org
        ),
        ("SWR".to_string(), org)
    );
    assert_eq!(
        after_step(
            trim_acronym_tail,
            "Die KLV Stiftung hilft.",
            "KLV",
            "Stiftung",
            org
        ),
        ("KLV Stiftung".to_string(), org)
    );
}

#[test]
fn a_person_loses_the_listed_nouns_the_model_read_at_its_end() {
    let person = EntityKind::Person;
    assert_eq!(
        after_step(
            trim_person_end,
            "Mira Brenntals Kollege kam auch.",
            "Brenntals",
            "Kollege",
            person
        ),
        ("Brenntals".to_string(), person)
    );
    assert_eq!(
        after_step(
            trim_person_end,
            "Sie hat nach der Trennung von Jonas Brenntal Liebeskummer.",
            "Jonas",
            "Liebeskummer",
            person
        ),
        ("Jonas Brenntal".to_string(), person)
    );
    // A noun behind a given name is the surname.
    assert_eq!(
        after_step(
            trim_person_end,
            "Laut Jonas Fest ist das neu.",
            "Jonas",
            "Fest",
            person
        ),
        ("Jonas Fest".to_string(), person)
    );
}

/// Whether `generic_phrase` reads the whole of `text` (one sentence) as a generic noun phrase.
fn is_generic(text: &str) -> bool {
    let words = german_words(text);
    generic_phrase(&words, gazette::Gazette::for_lang("de"))
}

#[test]
fn generic_noun_phrases_are_no_headed_names() {
    assert!(is_generic("Seine Partei"));
    assert!(is_generic("und Büros des Gesundheitsamtes"));
    assert!(is_generic("Partei zur Vernunft"));
    assert!(is_generic("Verein und Fans"));
    assert!(!is_generic("Bewegung für Land und Würde"));
    assert!(!is_generic("Hamburger Mieterverein"));
    assert!(!is_generic("Partei der Kalvoren"));
}

#[test]
fn club_names_keep_their_ordinal() {
    let (org, person) = (EntityKind::Organization, EntityKind::Person);
    assert_eq!(
        after_step(
            club_ordinal,
            "Der Stürmer wechselte zum Zweitligisten 1. FC Grauweiler und traf gleich.",
            "FC",
            "Grauweiler",
            org
        ),
        ("1. FC Grauweiler".to_string(), org)
    );
    // Not before a name that is no club abbreviation, nor before a person.
    assert_eq!(
        after_step(
            club_ordinal,
            "Am 3. Mai Grauweiler verlassen.",
            "Mai",
            "Mai",
            org
        ),
        ("Mai".to_string(), org)
    );
    assert_eq!(
        after_step(
            club_ordinal,
            "Platz 2. FC Grauweiler",
            "FC",
            "Grauweiler",
            person
        ),
        ("FC Grauweiler".to_string(), person)
    );
}

#[test]
fn street_and_road_names_keep_their_number() {
    let loc = EntityKind::Location;
    for (text, first, last, whole) in [
        (
            "Das Büro liegt in der Tannhofer Straße 90c in Odersund.",
            "Tannhofer",
            "Straße",
            "Tannhofer Straße 90c",
        ),
        (
            "Der Unfall geschah auf der Bundesstraße 216 bei Odersund.",
            "Bundesstraße",
            "Bundesstraße",
            "Bundesstraße 216",
        ),
    ] {
        assert_eq!(
            after_step(place_number, text, first, last, loc),
            (whole.to_string(), loc),
            "{text}"
        );
    }
    // A year after a place is no house number, nor is a number after a place that takes none.
    for (text, name) in [
        ("Die Tannhofer Straße 1898 war noch ein Feldweg.", "Straße"),
        ("In Odersund 1200 Menschen.", "Odersund"),
    ] {
        assert_eq!(
            after_step(place_number, text, name, name, loc),
            (name.to_string(), loc),
            "{text}"
        );
    }
    assert_eq!(
        after_step_in(
            "en",
            place_number,
            "Traffic on Route 66 was slow.",
            "Route",
            "Route",
            loc
        ),
        ("Route 66".to_string(), loc)
    );
}

#[test]
fn a_given_name_opens_a_person_not_a_place() {
    let (loc, org) = (EntityKind::Location, EntityKind::Organization);
    assert_eq!(
        after_step(
            given_name_person,
            "Er war der Sohn der Ida Kalvenwitz aus Odersund.",
            "Ida",
            "Kalvenwitz",
            loc
        ),
        ("Ida Kalvenwitz".to_string(), EntityKind::Person)
    );
    // A head word or a listed place keeps the model's reading.
    assert_eq!(
        after_step(
            given_name_person,
            "Die Ida Klinik liegt in Berlin.",
            "Ida",
            "Klinik",
            org
        ),
        ("Ida Klinik".to_string(), org)
    );
    assert_eq!(
        after_step(
            given_name_person,
            "Er kam aus Berlin zurück.",
            "Berlin",
            "Berlin",
            loc
        ),
        ("Berlin".to_string(), loc)
    );
}

#[test]
fn a_kind_of_place_in_front_makes_a_foreign_place() {
    let person = EntityKind::Person;
    for (text, opener, last, whole) in [
        (
            "Die Fähre hält vor der Isola di Corvetta im Norden.",
            "Isola",
            "Corvetta",
            "Isola di Corvetta",
        ),
        (
            "Der Bach fließt durch die Gorge de la Vaudrie.",
            "Gorge",
            "Vaudrie",
            "Gorge de la Vaudrie",
        ),
        (
            "Der Weg führt auf den Cerro Morado.",
            "Cerro",
            "Morado",
            "Cerro Morado",
        ),
    ] {
        assert_eq!(
            after_step(foreign_place, text, opener, last, person),
            (whole.to_string(), EntityKind::Location),
            "{text}"
        );
    }
    // One word alone, or a name that does not open with such a word, stays.
    let text = "Der Cerro war leer, und Monte Kowalski sang.";
    for name in ["Cerro", "Kowalski"] {
        assert_eq!(
            after_step(foreign_place, text, name, name, person),
            (name.to_string(), person)
        );
    }
}

#[test]
fn a_dateline_in_capitals_is_a_place() {
    let lex = Lex::for_lang("de");
    let gaz = gazette::Gazette::for_lang("de");
    let text = "BOCHUM - Der Stadtrat tagte bis spät. Die NATO und die SPD schwiegen.";
    let words = german_words(text);
    let mut spans = Vec::new();
    dateline_places(&mut spans, &words, lex, gaz);
    let got: Vec<&str> = spans
        .iter()
        .filter_map(|&(a, b, _)| span_of(&words, a, b).slice(text))
        .collect();
    // Only the dateline: acronyms and capitals inside a sentence are no places.
    assert_eq!(got, vec!["BOCHUM"]);
}

#[test]
fn initials_and_nobiliary_particles_belong_to_a_person() {
    let person = EntityKind::Person;
    assert_eq!(
        after_step(
            person_initials,
            "Zusammen mit H. Kalvus beschrieb er den Zugang.",
            "Kalvus",
            "Kalvus",
            person
        ),
        ("H. Kalvus".to_string(), person)
    );
    for (text, opener, last, whole) in [
        (
            "Das Grab Ottos II. von Odersund liegt im Chor.",
            "Ottos",
            ".",
            "Ottos II. von Odersund",
        ),
        (
            "Dort lebte Amalie Luise von Hohenbrenntal-Sigmaringen.",
            "Amalie",
            "Luise",
            "Amalie Luise von Hohenbrenntal-Sigmaringen",
        ),
    ] {
        assert_eq!(
            after_step(noble_person, text, opener, last, person),
            (whole.to_string(), person),
            "{text}"
        );
    }
    // After a surname "von" starts something else.
    assert_eq!(
        after_step(
            noble_person,
            "Das Tor schoss Thomas Brenntal von Bayern München.",
            "Thomas",
            "Brenntal",
            person
        ),
        ("Thomas Brenntal".to_string(), person)
    );
}

#[test]
fn compass_points_are_no_names_alone() {
    let gaz = gazette::Gazette::for_lang("de");
    let text = "Die Länge von Nord nach Süd misst die Regionalliga Nord nicht.";
    let words = german_words(text);
    let at = |s: &str| position_of(&words, s);
    let (nord, sued, liga) = (at("Nord"), at("Süd"), at("Regionalliga"));
    let mut spans = vec![
        (nord, nord, EntityKind::Location),
        (sued, sued, EntityKind::Person),
        (liga, liga + 1, EntityKind::Organization),
    ];
    drop_never_alone(&mut spans, &words, gaz);
    assert_eq!(spans, vec![(liga, liga + 1, EntityKind::Organization)]);
}

#[test]
fn after_a_kinship_word_even_a_place_name_is_a_person() {
    let loc = EntityKind::Location;
    assert_eq!(
        after_step(
            person_after_noun,
            "Mit dabei war seine Tochter Paris aus erster Ehe.",
            "Paris",
            "Paris",
            loc
        ),
        ("Paris".to_string(), EntityKind::Person)
    );
    // After a role noun a listed place stays a place.
    assert_eq!(
        after_step(
            person_after_noun,
            "Er traf den Bürgermeister Paris zum ersten Mal.",
            "Paris",
            "Paris",
            loc
        ),
        ("Paris".to_string(), loc)
    );
}

#[test]
fn a_name_ending_on_an_organisation_head_is_an_organisation() {
    let (loc, person) = (EntityKind::Location, EntityKind::Person);
    let text = "Er sitzt im Vorstand der Vereinigten Odersund-Elektrizitäts-AG in Kassel.";
    assert_eq!(
        after_step(
            org_by_head,
            text,
            "Vereinigten",
            "Odersund-Elektrizitäts-AG",
            loc
        ),
        (
            "Vereinigten Odersund-Elektrizitäts-AG".to_string(),
            EntityKind::Organization
        )
    );
    // One word alone, or a name ending on another word, keeps the model's kind.
    assert_eq!(
        after_step(org_by_head, text, "Kassel", "Kassel", loc),
        ("Kassel".to_string(), loc)
    );
    assert_eq!(
        after_step(
            org_by_head,
            "Die Familie Kalvus Brenntal zog weg.",
            "Kalvus",
            "Brenntal",
            person
        ),
        ("Kalvus Brenntal".to_string(), person)
    );
}
