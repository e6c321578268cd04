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
