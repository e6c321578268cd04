//! Small stories written for these tests: two events of one kind, English and German reports, embedded posts.

use super::*;
use crate::model::{DocKind, Layers};
use crate::{extract, text};

pub(crate) fn doc(id: &str, lang: &str, body: &str) -> Document {
    let mut d = Document {
        id: id.to_string(),
        source: format!("source-{id}"),
        kind: DocKind::Article,
        parent: None,
        language: Some(lang.to_string()),
        title: None,
        url: None,
        published: None,
        authors: Vec::new(),
        text: body.to_string(),
        removed: Vec::new(),
        origin: id.to_string(),
        layers: Layers::default(),
    };
    text::annotate(&mut d, Some(lang));
    extract::annotate(&mut d);
    d
}

fn stories_as_ids(stories: &[Story]) -> Vec<Vec<&str>> {
    stories
        .iter()
        .map(|s| s.documents.iter().map(String::as_str).collect())
        .collect()
}

/// Two earthquakes (north-western Iran, southern Peru) reported by several outlets, one of them in German.
fn two_earthquakes() -> Vec<Document> {
    vec![
        doc(
            "d1",
            "en",
            "A magnitude 6.4 earthquake struck near the towns of Ahar and Varzaqan in north-western Iran on \
             Saturday, killing at least 306 people. Rescue teams from the Red Crescent searched collapsed \
             homes in East Azerbaijan province through the night. Governor Ahmad Alirezabeigi said 5,000 \
             people had spent the night in tents.",
        ),
        doc(
            "d2",
            "en",
            "The death toll from the earthquake that hit Ahar and Varzaqan rose to 306, the Red Crescent said. \
             Survivors in East Azerbaijan complained that help was slow. Provincial governor Ahmad \
             Alirezabeigi told state television that tents for 5,000 people had been delivered.",
        ),
        doc(
            "d3",
            "en",
            "A strong earthquake of magnitude 6.9 shook southern Peru near Arequipa on Thursday, killing 12 \
             people in the Caylloma valley. President Ollanta Humala flew to Arequipa to visit the injured. \
             Roads to Chivay were blocked by landslides, civil defence officials said.",
        ),
        doc(
            "d4",
            "en",
            "Rescuers in the Caylloma valley dug through rubble after the earthquake near Arequipa killed 12 \
             people. Ollanta Humala promised help for Chivay and the villages of the Colca canyon, where \
             hundreds of adobe houses collapsed.",
        ),
        doc(
            "d5",
            "de",
            "Bei einem Erdbeben der Stärke 6,4 in der Nähe der Städte Ahar und Varzaqan sind mindestens 306 \
             Menschen ums Leben gekommen. Helfer des Roten Halbmonds suchten die ganze Nacht in eingestürzten \
             Häusern nach Überlebenden. Gouverneur Ahmad Alirezabeigi sagte, 5000 Menschen hätten in Zelten \
             übernachtet.",
        ),
    ]
}

#[test]
fn two_events_of_one_kind_are_kept_apart_and_languages_meet() {
    let docs = two_earthquakes();
    let stories = group_stories(&docs);
    assert_eq!(
        stories_as_ids(&stories),
        vec![vec!["d1", "d2", "d5"], vec!["d3", "d4"]],
        "{stories:#?}"
    );
    assert_eq!(stories[0].id, "s1");
    assert_eq!(stories[1].id, "s2");
    assert!(!stories[0].title.is_empty());
}

#[test]
fn an_embedded_post_follows_its_parent() {
    let mut docs = two_earthquakes();
    // A post about something else entirely, embedded in the Peru report: it still belongs to that story.
    let mut post = doc(
        "d3.p1",
        "en",
        "Our thoughts are with everyone in Ahar and Varzaqan tonight, 306 lives lost.",
    );
    post.parent = Some("d3".to_string());
    post.kind = DocKind::Post;
    docs.insert(3, post);
    let stories = group_stories(&docs);
    assert_eq!(
        stories_as_ids(&stories),
        vec![vec!["d1", "d2", "d5"], vec!["d3", "d3.p1", "d4"]]
    );
}

#[test]
fn every_document_is_in_exactly_one_story() {
    let mut docs = two_earthquakes();
    docs.push(doc("d6", "en", "Short note."));
    docs.push(doc("d7", "en", ""));
    let stories = group_stories(&docs);
    let mut seen: Vec<&str> = stories
        .iter()
        .flat_map(|s| s.documents.iter().map(String::as_str))
        .collect();
    seen.sort_unstable();
    assert_eq!(seen, vec!["d1", "d2", "d3", "d4", "d5", "d6", "d7"]);
}

#[test]
fn grouping_is_deterministic() {
    let docs = two_earthquakes();
    let first = group_stories(&docs);
    for _ in 0..3 {
        assert_eq!(group_stories(&docs), first);
    }
}

#[test]
fn a_parent_loop_does_not_hang() {
    let mut docs = two_earthquakes();
    docs[0].parent = Some("d2".to_string());
    docs[1].parent = Some("d1".to_string());
    let stories = group_stories(&docs);
    let total: usize = stories.iter().map(|s| s.documents.len()).sum();
    assert_eq!(total, docs.len());
}

#[test]
fn no_documents_no_stories() {
    assert!(group_stories(&[]).is_empty());
}

/// The examples story: seven reports (a short blog entry that embeds an eyewitness post, a partisan site, a
/// ministry statement, a German report, a local paper, two wire copies) of one police operation. The blog entry
/// shares the story's names with everyone but is too short for group average alone; it must still join.
#[test]
fn example_story_is_one_story_titled_by_its_central_report() {
    let docs = crate::test_support::analyze_example().documents;
    let stories = group_stories(&docs);
    assert_eq!(stories.len(), 1, "{stories:?}");
    assert_eq!(stories[0].documents.len(), docs.len());
    assert_eq!(
        stories[0].title,
        "Police clear Kestrel Meadow protest camp; accounts of injuries conflict"
    );
}

/// A third event of another kind, for documents that belong to no existing story.
fn a_flood() -> Vec<Document> {
    vec![
        doc(
            "n1",
            "en",
            "The river Oder burst its banks at Frankfurt an der Oder on Monday, flooding 400 homes. Mayor \
             Rene Wilke said sandbags had run out by noon and asked the army for help.",
        ),
        doc(
            "n2",
            "en",
            "Soldiers reached Frankfurt an der Oder to reinforce the dykes after the Oder flooded 400 homes, \
             mayor Rene Wilke said on Monday evening.",
        ),
    ]
}

#[test]
fn new_reports_join_the_story_of_their_event_and_new_events_make_new_stories() {
    let quakes = two_earthquakes();
    let iran: Vec<&Document> = vec![&quakes[0], &quakes[1]];
    let peru: Vec<&Document> = vec![&quakes[2]];
    let flood = a_flood();
    let new = vec![&quakes[4], &quakes[3], &flood[0], &flood[1]];
    let placed = place_new(&[iran, peru], &new);
    assert_eq!(
        placed,
        [
            Destination::Existing(0), // the German report of the Iran earthquake
            Destination::Existing(1), // Peru, with one stored report so far
            Destination::New(0),      // the flood, twice
            Destination::New(0),
        ]
    );
}

#[test]
fn existing_stories_are_never_merged_and_posts_follow_their_report() {
    let quakes = two_earthquakes();
    // The Iran earthquake stored as two stories (a user filed them apart): a new report close to both
    // joins one of them, and the two stay apart.
    let first: Vec<&Document> = vec![&quakes[0]];
    let second: Vec<&Document> = vec![&quakes[1]];
    let mut post = doc(
        "d5.p1",
        "en",
        "Our tents are up in Ahar, thank you Red Crescent.",
    );
    post.parent = Some("d5".to_string());
    let new = vec![&quakes[4], &post];
    let placed = place_new(&[first, second], &new);
    assert!(matches!(placed[0], Destination::Existing(_)), "{placed:?}");
    assert_eq!(placed[0], placed[1], "the post goes with its report");
    assert_eq!(place_new(&[], &[]), []);
}

#[test]
fn salient_terms_are_names_and_numbers_first() {
    let quakes = two_earthquakes();
    let terms = salient_terms(&[&quakes[0], &quakes[1]], 12);
    assert_eq!(terms.len(), 12, "{terms:?}");
    for expected in ["alirezabeigi", "306"] {
        assert!(
            terms.iter().any(|t| t == expected),
            "{expected} in {terms:?}"
        );
    }
    assert!(
        terms
            .iter()
            .all(|t| !t.contains(' ') && !t.starts_with('#'))
    );
    assert!(salient_terms(&[], 5).is_empty());
}
