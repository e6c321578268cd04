//! Tests for speakers that stand away from the plain "X said": the addressee of "told", the agent of a passive
//! cue, questions, infinitive cues, clause-taking beliefs and relative speakers. Every sentence is written for
//! its test.

use super::tests::{claims, speaker};
use crate::model::{ClaimMention, ClaimMode, Document, Polarity};

/// The one claim (not narration) whose cue span reads `cue`.
fn by_cue<'a>(d: &Document, c: &'a [ClaimMention], cue: &str) -> &'a ClaimMention {
    let found: Vec<&ClaimMention> = c
        .iter()
        .filter(|c| c.mode != ClaimMode::Narration)
        .filter(|c| c.cue_span.and_then(|s| s.slice(&d.text)) == Some(cue))
        .collect();
    assert_eq!(found.len(), 1, "cue {cue:?} in {c:#?}");
    found[0]
}

#[test]
fn the_addressee_of_told_is_not_the_speaker() {
    let text = "The mayor’s spokeswoman, Lena Ortiz, told the Gazette that the bridge would reopen in May.";
    let (d, c) = claims(text, "en");
    let a = by_cue(&d, &c, "told");
    assert_eq!(speaker(&d, a), Some("The mayor’s spokeswoman, Lena Ortiz"));
    assert_eq!(a.cue.as_deref(), Some("tell"));
    assert_eq!(a.mode, ClaimMode::Indirect);
    assert_eq!(a.polarity, Polarity::Affirms);
    assert_eq!(a.text, "the bridge would reopen in May");

    let (d, c) = claims(
        "The union refused to sign, telling its members that no worker had been paid.",
        "en",
    );
    let a = by_cue(&d, &c, "telling");
    assert_eq!(speaker(&d, a), Some("The union"));
    assert_eq!(a.polarity, Polarity::Denies);
    assert_eq!(a.text, "any worker had been paid");
}

#[test]
fn the_agent_of_a_passive_cue_is_the_speaker() {
    let (d, c) = claims(
        "The report of a second explosion was denied by the regional ministry.",
        "en",
    );
    let a = by_cue(&d, &c, "denied");
    assert_eq!(speaker(&d, a), Some("the regional ministry"));
    assert_eq!(a.cue.as_deref(), Some("deny"));
    assert_eq!(a.mode, ClaimMode::Indirect);
    assert_eq!(a.polarity, Polarity::Denies);
    assert_eq!(a.text, "The report of a second explosion");

    let (d, c) = claims(
        "It was later confirmed by the fire brigade that two houses had burned down.",
        "en",
    );
    let a = by_cue(&d, &c, "later confirmed");
    assert_eq!(speaker(&d, a), Some("the fire brigade"));
    assert_eq!(a.cue.as_deref(), Some("confirm"));
    assert_eq!(a.polarity, Polarity::Affirms);
    assert_eq!(a.text, "two houses had burned down");

    // A subject pronoun carries no proposition, and "by" with a time is no agent.
    let (d, c) = claims("It was denied by the council.", "en");
    assert!(c.iter().all(|c| c.mode == ClaimMode::Narration), "{c:#?}");
    let (d2, c2) = claims(
        "The new budget was announced by Friday at the latest.",
        "en",
    );
    assert!(
        c2.iter()
            .all(|c| speaker(&d2, c) != Some("Friday at the latest")),
        "{c2:#?}"
    );
    let _ = d;
}

#[test]
fn cue_in_the_infinitive_takes_the_lead_verbs_subject() {
    let (d, c) = claims(
        "Her rivals rushed to say that the mayor had not consulted anyone.",
        "en",
    );
    let a = by_cue(&d, &c, "rushed to say");
    assert_eq!(speaker(&d, a), Some("Her rivals"));
    assert_eq!(a.cue.as_deref(), Some("say"));
    assert_eq!(a.mode, ClaimMode::Indirect);
    assert_eq!(a.polarity, Polarity::Denies);
    assert_eq!(a.text, "the mayor had consulted anyone");

    let (d, c) = claims("The governor went on to claim that the dam was safe.", "en");
    let a = by_cue(&d, &c, "went on to claim");
    assert_eq!(speaker(&d, a), Some("The governor"));
    assert_eq!(a.cue.as_deref(), Some("claim"));
    assert_eq!(a.polarity, Polarity::Affirms);
    assert!(a.hedged);
    assert_eq!(a.text, "the dam was safe");

    let (d, c) = claims(
        "The fire chief took to Twitter to say the blaze was under control.",
        "en",
    );
    let a = by_cue(&d, &c, "took to Twitter to say");
    assert_eq!(speaker(&d, a), Some("The fire chief"));
    assert_eq!(a.text, "the blaze was under control");

    // Without a lead verb the phrase after an infinitive is its object, never a speaker after the cue.
    let (d, c) = claims(
        "The minister flew to Lyon to discuss the floods, saying the levees held.",
        "en",
    );
    assert!(
        c.iter().all(|c| speaker(&d, c) != Some("the floods")),
        "{c:#?}"
    );
    let a = by_cue(&d, &c, "saying");
    assert_eq!(speaker(&d, a), Some("The minister"));
}
