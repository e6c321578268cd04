//! Tests for cues that name a view or its evidence rather than speech: a poll as the source ("In a CNN poll,
//! …"), verbs of regarding and concluding that count only with a clause or an "as" predicate ("sees Cruz as a
//! uniter", not "rivals see an opening"), and further forms of belief verbs. Every sentence is written for its
//! test.

use super::tests::{attributed, claims, speaker};
use crate::model::{ClaimMention, ClaimMode, Document, Polarity, Stance};

/// The one claim that is not narration.
fn only(c: &[ClaimMention]) -> &ClaimMention {
    let found: Vec<&ClaimMention> = c
        .iter()
        .filter(|c| c.mode != ClaimMode::Narration)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found[0]
}

fn content<'a>(d: &'a Document, c: &ClaimMention) -> &'a str {
    c.content.slice(&d.text).unwrap_or("")
}

#[test]
fn poll_opening_the_sentence_is_the_source() {
    let (d, c) = claims(
        "In a Harbor Daily poll released Monday, 52 percent of residents backed the new ferry line.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("a Harbor Daily poll released Monday"));
    assert_eq!(a.cue.as_deref(), Some("in"));
    assert_eq!(a.mode, ClaimMode::Indirect);
    assert_eq!(a.polarity, Polarity::Affirms);
    assert!(!a.hedged);
    assert_eq!(
        content(&d, a),
        "52 percent of residents backed the new ferry line"
    );
}

#[test]
fn in_without_a_poll_or_inside_a_clause_names_no_source() {
    let (_, c) = claims(
        "In the spring of that year, the council closed the old ferry line.",
        "en",
    );
    assert!(c.iter().all(|c| c.mode == ClaimMode::Narration), "{c:?}");
    let (_, c) = claims(
        "The mayor has slipped in the polls since the ferry line closed.",
        "en",
    );
    assert!(c.iter().all(|c| c.mode == ClaimMode::Narration), "{c:?}");
}

#[test]
fn german_poll_opening_the_sentence_is_the_source() {
    let (d, c) = claims(
        "In einer Umfrage des Hafenblatts sprachen sich 52 Prozent der Bewohner für die neue Fähre aus.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("einer Umfrage des Hafenblatts"));
    assert_eq!(a.cue.as_deref(), Some("in"));
    assert_eq!(a.polarity, Polarity::Affirms);
    assert!(content(&d, a).starts_with("sprachen sich 52 Prozent"));
}

#[test]
fn sees_with_an_as_predicate_is_a_view() {
    let (d, c) = claims("Ruiz sees the ferry plan as a waste of money.", "en");
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("Ruiz"));
    assert_eq!(a.cue.as_deref(), Some("see"));
    assert_eq!(a.stance, Some(Stance::Evaluative));
    assert_eq!(a.mode, ClaimMode::Indirect);
    assert_eq!(a.polarity, Polarity::Affirms);
    assert!(!a.hedged);
    assert_eq!(content(&d, a), "the ferry plan as a waste of money");

    let (d, c) = claims(
        "Most dock workers regard the new schedule as unworkable.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("Most dock workers"));
    assert_eq!(a.cue.as_deref(), Some("regard"));
}

#[test]
fn see_with_a_plain_object_is_perception() {
    for text in [
        "After the mayor's stumble, rivals see an opening in the harbor district.",
        "Ruiz saw the ferry leave the pier at noon.",
        "The council will consider the ferry plan next week.",
    ] {
        let (_, c) = claims(text, "en");
        assert!(
            c.iter().all(|c| c.mode == ClaimMode::Narration),
            "{text}: {c:?}"
        );
    }
}

#[test]
fn evidence_verbs_need_a_clause() {
    let (d, c) = claims(
        "The inspectors determined that the pier had been overloaded.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("The inspectors"));
    assert_eq!(a.cue.as_deref(), Some("determine"));
    assert_eq!(a.stance, Some(Stance::Assertive));
    assert_eq!(content(&d, a), "the pier had been overloaded");

    let (d, c) = claims(
        "The harbor logs proved that no ferry left after dark.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("The harbor logs"));
    assert_eq!(a.cue.as_deref(), Some("prove"));
    assert_eq!(a.polarity, Polarity::Denies);

    let (_, c) = claims("The inspectors determined the cause within a week.", "en");
    assert!(c.iter().all(|c| c.mode == ClaimMode::Narration), "{c:?}");
}

#[test]
fn german_evidence_verbs_need_a_clause() {
    let (d, c) = claims(
        "Die Umfrage zeigt, dass die Mehrheit die neue Fähre will.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Die Umfrage"));
    assert_eq!(a.cue.as_deref(), Some("zeigen"));
    assert_eq!(a.mode, ClaimMode::Indirect);
    assert_eq!(a.polarity, Polarity::Affirms);

    let (_, c) = claims("Das Museum zeigt Bilder der alten Fähre.", "de");
    assert!(c.iter().all(|c| c.mode == ClaimMode::Narration), "{c:?}");
}

#[test]
fn belief_verbs_in_progressive_and_participle_forms() {
    let (d, c) = claims(
        "Harbor officials are expecting a record number of passengers this summer.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("Harbor officials"));
    assert_eq!(a.cue.as_deref(), Some("expect"));
    assert_eq!(content(&d, a), "a record number of passengers this summer");

    let (d, c) = claims(
        "The ferry operators maintain that the schedule is safe.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("The ferry operators"));
    assert_eq!(a.cue.as_deref(), Some("maintain"));
    assert_eq!(a.stance, Some(Stance::Assertive));
}

#[test]
fn a_swipe_is_criticism() {
    let (d, c) = claims(
        "Ruiz took a swipe at the harbor board for the late ferries.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("Ruiz"));
    assert_eq!(a.cue.as_deref(), Some("take aim at"));
    assert_eq!(a.stance, Some(Stance::Evaluative));
}

#[test]
fn allegations_without_an_owner_are_a_hedged_claim_of_nobody_named() {
    let (d, c) = claims(
        "The campaign stalled over allegations that Ruiz took money from the ferry company.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), None);
    assert_eq!(a.cue.as_deref(), Some("allege"));
    assert_eq!(a.mode, ClaimMode::Indirect);
    assert_eq!(a.polarity, Polarity::Affirms);
    assert!(a.hedged);
    assert_eq!(content(&d, a), "Ruiz took money from the ferry company");

    let (d, c) = claims(
        "The board acted after fears that the old pier would collapse.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), None);
    assert_eq!(a.cue.as_deref(), Some("concern"));
    assert_eq!(a.stance, Some(Stance::Evaluative));
    assert!(!a.hedged);
    assert_eq!(content(&d, a), "the old pier would collapse");
}

#[test]
fn owned_allegations_keep_their_speaker_and_hedge() {
    let (d, c) = claims(
        "The union's allegations that the pier was unsafe were dismissed.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("The union's"));
    assert_eq!(a.cue.as_deref(), Some("allege"));
    assert!(a.hedged);
}

#[test]
fn a_relative_that_or_a_question_after_the_noun_is_no_claim() {
    for text in [
        "The allegations that surfaced last week were about the ferry company.",
        "The rumors that were spread on the pier turned out to be wrong.",
        "There is speculation about whether the pier will reopen.",
        "He claims that the ferry was late.",
    ] {
        let (d, c) = claims(text, "en");
        assert!(
            c.iter()
                .filter(|c| c.mode != ClaimMode::Narration)
                .all(|c| c.speaker_span.is_some()),
            "{text}: {:?}",
            c.iter().map(|c| content(&d, c)).collect::<Vec<_>>()
        );
    }
}

#[test]
fn german_rumors_without_an_owner() {
    let (d, c) = claims(
        "Seit Tagen gibt es Gerüchte, dass die Fähre im Winter nicht mehr fährt.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), None);
    assert_eq!(a.cue.as_deref(), Some("gerücht"));
    assert!(a.hedged);
    assert_eq!(a.mode, ClaimMode::Indirect);
    assert_eq!(a.polarity, Polarity::Denies);
}

#[test]
fn verbs_of_derision_and_downplaying() {
    let (d, c) = claims(
        "Ruiz likened the harbor board to a club of old friends.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("Ruiz"));
    assert_eq!(a.cue.as_deref(), Some("liken"));
    assert_eq!(a.stance, Some(Stance::Evaluative));
    assert_eq!(content(&d, a), "the harbor board to a club of old friends");

    let (d, c) = claims("The ferry company downplayed the damage to the pier.", "en");
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("The ferry company"));
    assert_eq!(a.cue.as_deref(), Some("downplay"));
    // Playing the damage down is a judgement of it, not a denial that there was any.
    assert_eq!(a.stance, Some(Stance::Evaluative));
    assert_eq!(a.polarity, Polarity::Affirms);
}

#[test]
fn verbs_of_finding_out_need_a_clause() {
    let (d, c) = claims(
        "The auditors discovered that the ferry fund was empty.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("The auditors"));
    assert_eq!(a.cue.as_deref(), Some("discover"));
    assert_eq!(content(&d, a), "the ferry fund was empty");

    let (_, c) = claims("Divers discovered a wreck near the pier.", "en");
    assert!(c.iter().all(|c| c.mode == ClaimMode::Narration), "{c:?}");
}

#[test]
fn an_owned_prediction_is_a_claim() {
    let (d, c) = claims(
        "Ruiz's prediction that the ferry would run at a loss came true.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("Ruiz's"));
    assert_eq!(a.cue.as_deref(), Some("prediction"));
    assert_eq!(a.stance, Some(Stance::Assertive));
    assert_eq!(content(&d, a), "the ferry would run at a loss came true");
}

#[test]
fn german_verbs_of_rebuke_and_downplaying() {
    let (d, c) = claims(
        "Die Bürgermeisterin rügte die Reederei für die Verspätungen.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Die Bürgermeisterin"));
    assert_eq!(a.cue.as_deref(), Some("rügen"));
    assert_eq!(a.stance, Some(Stance::Evaluative));

    let (d, c) = claims(
        "Die Reederei spielte die Schäden am Anleger herunter.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Die Reederei"));
    assert_eq!(a.cue.as_deref(), Some("herunterspielen"));
    assert_eq!(a.stance, Some(Stance::Evaluative));
    assert_eq!(a.polarity, Polarity::Affirms);
}

#[test]
fn in_someones_view_names_the_speaker() {
    let (d, c) = claims("In Ruiz's view, the pier is no longer safe.", "en");
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("Ruiz's"));
    assert_eq!(a.cue.as_deref(), Some("view"));
    assert_eq!(a.mode, ClaimMode::Indirect);
    assert_eq!(content(&d, a), "the pier is no longer safe");

    let (d, c) = claims("The ferry should run all winter, in her opinion.", "en");
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("her"));
    assert_eq!(a.cue.as_deref(), Some("view"));
    assert_eq!(content(&d, a), "The ferry should run all winter");

    let (d, c) = claims(
        "In the view of the harbor board, the ferry cannot be saved.",
        "en",
    );
    let a = only(&c);
    assert_eq!(speaker(&d, a), Some("the harbor board"));
    assert_eq!(a.cue.as_deref(), Some("in the view of"));
    assert_eq!(a.polarity, Polarity::Denies);

    // A view in the plain sense names nobody's opinion.
    let (_, c) = claims("In full view of the pier, the ferry sank.", "en");
    assert!(c.iter().all(|c| c.mode == ClaimMode::Narration), "{c:?}");
}

#[test]
fn german_nach_ansicht_names_the_speaker() {
    let (d, c) = claims("Nach Ansicht der Reederei ist der Anleger sicher.", "de");
    let a = attributed(&c);
    // The article belongs to the marker form ("nach Ansicht der"), as with "nach Angaben der".
    assert_eq!(speaker(&d, a), Some("Reederei"));
    assert_eq!(a.cue.as_deref(), Some("nach ansicht"));
    assert_eq!(a.polarity, Polarity::Affirms);
}

#[test]
fn showing_something_to_someone_is_no_claim_but_showing_that_is() {
    let (_, c) = claims(
        "A neighbour showed me the video she posted on the day of the raid.",
        "en",
    );
    assert!(c.iter().all(|c| c.mode == ClaimMode::Narration), "{c:#?}");
    let (d, c) = claims(
        "The hospital director showed that 14 people had been treated.",
        "en",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("The hospital director"));
    assert_eq!(a.cue.as_deref(), Some("show"));
    assert_eq!(a.text, "14 people had been treated");
}

#[test]
fn poll_showing_a_plain_object_is_its_finding() {
    let (d, c) = claims(
        "A Harbor Daily poll released on Monday showed the mayor leading her rival by nine points.",
        "en",
    );
    let a = attributed(&c);
    // The time adjunct before the cue is left out of the speaker.
    assert!(
        speaker(&d, a).is_some_and(|s| s.starts_with("A Harbor Daily poll")),
        "{a:#?}"
    );
    assert_eq!(
        a.content.slice(&d.text),
        Some("the mayor leading her rival by nine points")
    );
    // A person showing a thing is a gesture, not a claim.
    let (_, c) = claims("The mayor showed the letter to reporters on Monday.", "en");
    assert!(c.iter().all(|c| c.mode == ClaimMode::Narration), "{c:#?}");
}

#[test]
fn clause_only_cue_with_a_clause_without_that() {
    let (d, c) = claims(
        "The inspectors found they had ignored the warnings for years.",
        "en",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("The inspectors"));
    assert_eq!(
        a.content.slice(&d.text),
        Some("they had ignored the warnings for years")
    );
}

#[test]
fn called_naming_a_thing_is_no_claim() {
    for text in [
        "She now helps lead a program called Harbor Watch.",
        "The residents joined a movement called the Union of Camp Dwellers last year.",
        "He shared a syllabus for a class called “Perception” on his website.",
    ] {
        let (_, c) = claims(text, "en");
        assert!(
            c.iter().all(|c| c.cue.as_deref() != Some("call")),
            "{text}: {c:#?}"
        );
    }
    // A verdict goes on after the name with its predicate.
    let (d, c) = claims("The minister called Ruiz a liar on Tuesday.", "en");
    let a = attributed(&c);
    assert_eq!(
        (speaker(&d, a), a.cue.as_deref()),
        (Some("The minister"), Some("call"))
    );
    let (d, c) = claims(
        "The spokesman called the operation “a complete success.”",
        "en",
    );
    let a = attributed(&c);
    assert_eq!(
        (speaker(&d, a), a.cue.as_deref()),
        (Some("The spokesman"), Some("call"))
    );
}
