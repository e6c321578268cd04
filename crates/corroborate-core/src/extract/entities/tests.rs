//! Tests with texts written for them, English and German: each pattern, spans, and robustness.

use super::*;
use crate::text::sentences::split_sentences;
use proptest::prelude::*;

fn mentions(text: &str, lang: &str) -> Vec<EntityMention> {
    let sentences = split_sentences(text, lang);
    find_mentions(text, &sentences, lang)
}

fn surface<'t>(text: &'t str, m: &EntityMention) -> &'t str {
    &text[m.span.start..m.span.end]
}

/// The mention whose surface is `s` (the first one).
fn get<'m>(text: &str, ms: &'m [EntityMention], s: &str) -> &'m EntityMention {
    ms.iter()
        .find(|m| surface(text, m) == s)
        .unwrap_or_else(|| {
            panic!(
                "no mention {s:?} in {:?}",
                ms.iter().map(|m| surface(text, m)).collect::<Vec<_>>()
            )
        })
}

fn kind_of(text: &str, lang: &str, s: &str) -> EntityKind {
    get(text, &mentions(text, lang), s).kind
}

#[test]
fn kinds_from_gazetteers_heads_and_given_names() {
    let t = "Officials in Nairobi met the Ministry of Health and the Labour Party. Maria Santos works at the Kestrel Meadow protest camp.";
    assert_eq!(kind_of(t, "en", "Nairobi"), EntityKind::Location);
    assert_eq!(
        kind_of(t, "en", "Ministry of Health"),
        EntityKind::Organization
    );
    assert_eq!(kind_of(t, "en", "Labour Party"), EntityKind::Organization);
    assert_eq!(kind_of(t, "en", "Maria Santos"), EntityKind::Person);
    assert_eq!(kind_of(t, "en", "Kestrel Meadow"), EntityKind::Facility);
    let de = "Die Acme GmbH baut ein Krankenhaus in München. Das Flüchtlingslager Moria liegt auf Lesbos.";
    assert_eq!(kind_of(de, "de", "Acme GmbH"), EntityKind::Organization);
    assert_eq!(kind_of(de, "de", "München"), EntityKind::Location);
    assert_eq!(kind_of(de, "de", "Moria"), EntityKind::Facility);
}

#[test]
fn context_patterns() {
    let t = "The water rose quickly, said Okafor. Shops closed in Brenvale. A Dravik-based charity helped.";
    assert_eq!(kind_of(t, "en", "Okafor"), EntityKind::Person);
    assert_eq!(kind_of(t, "en", "Brenvale"), EntityKind::Location);
    assert_eq!(kind_of(t, "en", "Dravik"), EntityKind::Location);
}

#[test]
fn a_surname_is_not_a_place_and_a_city_is_not_a_person() {
    let t =
        "Michael Jordan visited the camp. Jordan said he would return. Refugees in Jordan waited.";
    let ms = mentions(t, "en");
    let jordans: Vec<&EntityMention> = ms.iter().filter(|m| surface(t, m) == "Jordan").collect();
    assert_eq!(jordans[0].kind, EntityKind::Person);
    assert_eq!(jordans[0].refers_to, Some(0));
    assert_eq!(jordans[1].kind, EntityKind::Location);
    let p = "Paris Hilton flew to Paris.";
    let ms = mentions(p, "en");
    assert_eq!(get(p, &ms, "Paris Hilton").kind, EntityKind::Person);
    assert_eq!(
        ms.last().map(|m| (surface(p, m), m.kind)),
        Some(("Paris", EntityKind::Location))
    );
}

#[test]
fn document_propagation_and_surnames() {
    let t = "Ana Ruiz spoke first. Later, Ruiz's officers left. Ruiz admitted it.";
    let ms = mentions(t, "en");
    let full = ms.iter().position(|m| surface(t, m) == "Ana Ruiz");
    for m in ms.iter().filter(|m| surface(t, m) == "Ruiz") {
        assert_eq!(m.kind, EntityKind::Person);
        assert_eq!(m.refers_to, full);
    }
    assert_eq!(
        ms.iter().filter(|m| surface(t, m) == "Ruiz").count(),
        2,
        "possessive stripped"
    );
}

#[test]
fn roles_from_titles_and_appositions() {
    let t = "Former Defence Minister and party chairman Viktor Hollan resigned. Ana Ruiz, the country's police chief, spoke. Senator Helena Voss agreed. Interior Minister Tomas Reinholt denied it.";
    let ms = mentions(t, "en");
    assert_eq!(
        get(t, &ms, "Viktor Hollan").roles,
        vec!["Former Defence Minister", "party chairman"]
    );
    assert_eq!(
        get(t, &ms, "Ana Ruiz").roles,
        vec!["the country's police chief"]
    );
    assert_eq!(get(t, &ms, "Helena Voss").roles, vec!["Senator"]);
    assert_eq!(
        get(t, &ms, "Tomas Reinholt").roles,
        vec!["Interior Minister"]
    );
    let de = "Innenminister Tomas Reinholt widersprach. Die regionale Polizeichefin Ana Ruiz räumte Fehler ein.";
    let ms = mentions(de, "de");
    assert_eq!(get(de, &ms, "Tomas Reinholt").roles, vec!["Innenminister"]);
    assert_eq!(
        get(de, &ms, "Ana Ruiz").roles,
        vec!["regionale Polizeichefin"]
    );
    assert_eq!(get(de, &ms, "Ana Ruiz").kind, EntityKind::Person);
}

#[test]
fn acronyms_single_double_and_with_a_translation() {
    let t = "The Movement for Land and Dignity (Harakat al-Ard wal-Karama, MLD) spoke. Later the MLD marched.";
    let ms = mentions(t, "en");
    let long = get(t, &ms, "Movement for Land and Dignity");
    assert_eq!(long.acronym.as_deref(), Some("MLD"));
    let long_index = ms
        .iter()
        .position(|m| surface(t, m) == "Movement for Land and Dignity");
    let arabic = get(t, &ms, "Harakat al-Ard wal-Karama");
    assert_eq!(arabic.kind, EntityKind::Organization);
    assert_eq!(arabic.refers_to, long_index);
    let bare: Vec<&EntityMention> = ms.iter().filter(|m| surface(t, m) == "MLD").collect();
    assert_eq!(bare.len(), 2);
    assert!(
        bare.iter()
            .all(|m| m.kind == EntityKind::Organization && m.refers_to.is_some())
    );
    let d = "The Students Union of Pakistan (PMS/NUS) called a strike.";
    let ms = mentions(d, "en");
    assert_eq!(
        get(d, &ms, "Students Union of Pakistan").acronym.as_deref(),
        Some("PMS/NUS")
    );
    let de = "Die Bewegung für Land und Würde (MLD) protestierte.";
    let ms = mentions(de, "de");
    assert_eq!(
        get(de, &ms, "Bewegung für Land und Würde")
            .acronym
            .as_deref(),
        Some("MLD")
    );
}

#[test]
fn a_dateline_agency_is_no_acronym_of_its_place() {
    let t = "Washington (AP) - The Senate passed the bill on Monday.";
    let ms = mentions(t, "en");
    assert_eq!(get(t, &ms, "Washington").kind, EntityKind::Location);
    assert_eq!(get(t, &ms, "Washington").acronym, None);
    assert!(
        ms.iter()
            .filter(|m| surface(t, m) == "AP")
            .all(|m| m.kind != EntityKind::Location)
    );
    let de = "Kiel (dpa) - Der Landtag hat am Donnerstag ein neues Gesetz beschlossen.";
    let ms = mentions(de, "de");
    assert_eq!(get(de, &ms, "Kiel").kind, EntityKind::Location);
    assert!(
        ms.iter()
            .filter(|m| surface(de, m) == "dpa")
            .all(|m| m.kind != EntityKind::Location)
    );
    // A place's own acronym still links to it.
    let nrw = "Die Schulen in Nordrhein-Westfalen (NRW) bleiben geschlossen.";
    let ms = mentions(nrw, "de");
    let long = get(nrw, &ms, "Nordrhein-Westfalen");
    assert_eq!(long.kind, EntityKind::Location);
    assert_eq!(long.acronym.as_deref(), Some("NRW"));
}

#[test]
fn pronouns_and_role_nouns_refer_back() {
    let t = "Interior Minister Tomas Reinholt spoke on Tuesday. He said the minister had acted lawfully. Ana Ruiz disagreed; she said the ministry was wrong. The Movement for Land and Dignity protested, and the group called for an inquiry. The Interior Ministry declined to comment.";
    let ms = mentions(t, "en");
    let idx = |s: &str| ms.iter().position(|m| surface(t, m) == s);
    let he = get(t, &ms, "He");
    assert_eq!(
        (he.kind, he.refers_to),
        (EntityKind::Person, idx("Tomas Reinholt"))
    );
    assert_eq!(get(t, &ms, "the minister").refers_to, idx("Tomas Reinholt"));
    assert_eq!(get(t, &ms, "she").refers_to, idx("Ana Ruiz"));
    let group = get(t, &ms, "the group");
    assert_eq!(
        (group.kind, group.refers_to),
        (
            EntityKind::Organization,
            idx("Movement for Land and Dignity")
        )
    );
    assert!(is_reference_surface("the group", "en"));
    assert!(!is_reference_surface("The Hague", "en"));
    let de = "Innenminister Tomas Reinholt sprach zuerst. Er sagte, der Minister habe richtig gehandelt.";
    let ms = mentions(de, "de");
    let reinholt = ms.iter().position(|m| surface(de, m) == "Tomas Reinholt");
    assert_eq!(get(de, &ms, "Er").refers_to, reinholt);
    assert_eq!(get(de, &ms, "der Minister").refers_to, reinholt);
}

#[test]
fn gender_keeps_pronouns_apart() {
    let t = "Ana Ruiz met Tomas Reinholt. She left early.";
    let ms = mentions(t, "en");
    let ana = ms.iter().position(|m| surface(t, m) == "Ana Ruiz");
    assert_eq!(get(t, &ms, "She").refers_to, ana);
}

#[test]
fn another_language_uses_english_tables_without_code() {
    let t = "Ana Ruiz visitó Madrid.";
    let ms = mentions(t, "es");
    assert_eq!(get(t, &ms, "Ana Ruiz").kind, EntityKind::Person);
    assert_eq!(get(t, &ms, "Madrid").kind, EntityKind::Location);
}

#[test]
fn spans_are_sorted_on_char_boundaries_and_refs_in_range() {
    let t = "Lucía Ferrán, reportera, vio a Ana Ruiz en Dravik. «Zürich» und São Paulo — Ærø, Łódź! She said so.";
    for lang in ["en", "de", "es"] {
        let ms = mentions(t, lang);
        for w in ms.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "sorted, not overlapping");
        }
        for m in &ms {
            assert!(m.span.fits(t));
            assert!(m.refers_to.is_none_or(|r| r < ms.len()));
        }
    }
}

proptest! {
    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}", lang in prop::sample::select(vec!["en", "de", "xx"])) {
        let ms = mentions(&text, lang);
        for m in &ms {
            prop_assert!(m.span.fits(&text));
            prop_assert!(m.refers_to.is_none_or(|r| r < ms.len()));
        }
    }

    #[test]
    fn name_like_noise_never_panics(words in prop::collection::vec("(The|the|Ana|Ruiz|'s|\\(|\\)|,|MLD|/|of|and|He|der|Minister|in|Camp|ÄÖ|é|-based|\\.)", 0..40)) {
        let text = words.join(" ");
        let ms = mentions(&text, "en");
        for m in &ms {
            prop_assert!(m.span.fits(&text));
        }
        let ms = mentions(&text, "de");
        for m in &ms {
            prop_assert!(m.span.fits(&text));
        }
    }
}
