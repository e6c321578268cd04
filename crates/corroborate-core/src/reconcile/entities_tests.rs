//! Canonical entities over the example story and over texts written for these tests.

use super::*;
use crate::test_support::{analyze_texts, example_files};

fn run(inputs: &[(&str, &str)]) -> (Vec<Document>, Vec<Entity>) {
    let docs = analyze_texts(inputs).documents;
    let entities = canonical_entities(&docs);
    (docs, entities)
}

fn find<'e>(entities: &'e [Entity], name: &str) -> Option<&'e Entity> {
    entities
        .iter()
        .find(|e| e.name == name || e.aliases.iter().any(|a| a == name))
}

#[test]
fn example_story_aliases() {
    let files = example_files();
    let inputs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let (_, entities) = run(&inputs);
    let mld = find(&entities, "MLD").expect("MLD");
    assert_eq!(mld.name, "Movement for Land and Dignity");
    assert_eq!(mld.kind, EntityKind::Organization);
    for alias in [
        "MLD",
        "Harakat al-Ard wal-Karama",
        "Bewegung für Land und Würde",
    ] {
        assert!(mld.aliases.iter().any(|a| a == alias), "{alias} in {mld:?}");
    }
    let ruiz = find(&entities, "Ruiz").expect("Ruiz");
    assert_eq!(ruiz.name, "Ana Ruiz");
    assert_eq!(ruiz.kind, EntityKind::Person);
    assert!(
        ruiz.roles.iter().any(|r| r.contains("police chief")),
        "{ruiz:?}"
    );
    let reinholt = find(&entities, "Tomas Reinholt").expect("Reinholt");
    assert!(
        reinholt.roles.iter().any(|r| r == "Interior Minister"),
        "{reinholt:?}"
    );
    assert!(reinholt.mentions.len() >= 3, "{reinholt:?}");
    let ministry = find(&entities, "Interior Ministry").expect("ministry");
    assert!(
        ministry.name == "Ministry of the Interior"
            || ministry
                .aliases
                .iter()
                .any(|a| a == "Ministry of the Interior"),
        "{ministry:?}"
    );
    // Each entity once, with ids in order.
    for (i, e) in entities.iter().enumerate() {
        assert_eq!(e.id, format!("e{}", i + 1));
    }
}

#[test]
fn keeps_apart_what_merely_shares_a_word() {
    let (_, entities) = run(&[
        (
            "a.txt",
            "Officials at Camp Hope near Athens said the new site was full. The Smith Party said its leader, John Smith, would not run again.",
        ),
        (
            "b.txt",
            "The older Camp Hope in Kenya closed in 2015. Smith told supporters in Glasgow that he was proud.",
        ),
    ]);
    let camps: Vec<&Entity> = entities.iter().filter(|e| e.name == "Camp Hope").collect();
    assert_eq!(camps.len(), 2, "{entities:#?}");
    let party = find(&entities, "Smith Party").expect("party");
    let smith = find(&entities, "John Smith").expect("person");
    assert_ne!(party.id, smith.id);
    assert_eq!(party.kind, EntityKind::Organization);
    assert_eq!(smith.kind, EntityKind::Person);
    assert!(smith.aliases.iter().any(|a| a == "Smith"), "{smith:?}");
    assert!(!party.aliases.iter().any(|a| a == "Smith"), "{party:?}");
}

#[test]
fn joins_spellings_and_references_but_references_are_not_aliases() {
    let (docs, entities) = run(&[
        (
            "a.txt",
            "Lucía Ferrán, a freelance reporter, posted a video. She said the police used tear gas.",
        ),
        ("b.txt", "Lucia Ferran said she had seen the raid."),
    ]);
    let e = find(&entities, "Lucía Ferrán").expect("person");
    assert!(e.aliases.iter().any(|a| a == "Lucia Ferran"), "{e:?}");
    assert!(
        !e.aliases.iter().any(|a| a.eq_ignore_ascii_case("she")),
        "{e:?}"
    );
    assert!(e.mentions.len() >= 3, "{e:?} {:?}", docs[0].layers.mentions);
    let again = canonical_entities(&docs);
    assert_eq!(again, entities, "deterministic");
}
