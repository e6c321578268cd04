//! Tests for the cue vocabulary of the English tables: verbs of verbal attack and praise, retreat and insistence,
//! manners of speech next to a quote, multiword idioms ("made no secret of", "poked fun at") and nouns that name a
//! claim. Each test checks one class with its stance, so a table edit that drops or misfiles it fails here. Every
//! sentence is written for its test.

use super::tests::{claims, speaker};
use crate::model::{ClaimMention, ClaimMode, Document, Stance};

/// (speaker, cue lemma, stance, content) of one claim.
type Frame<'a> = (Option<&'a str>, Option<&'a str>, Option<Stance>, &'a str);

/// The frames of every claim that is not narration.
fn frames<'a>(d: &'a Document, c: &'a [ClaimMention]) -> Vec<Frame<'a>> {
    c.iter()
        .filter(|c| c.mode != ClaimMode::Narration)
        .map(|c| {
            (
                speaker(d, c),
                c.cue.as_deref(),
                c.stance,
                c.content.slice(&d.text).unwrap_or(""),
            )
        })
        .collect()
}

/// Asserts that `text` holds a claim by `who` with cue lemma `lemma` and stance `stance` whose content starts
/// with `content`.
fn has(text: &str, who: &str, lemma: &str, stance: Stance, content: &str) {
    let (d, c) = claims(text, "en");
    let f = frames(&d, &c);
    assert!(
        f.iter().any(|(s, l, st, ct)| *s == Some(who)
            && *l == Some(lemma)
            && *st == Some(stance)
            && ct.starts_with(content)),
        "no {lemma:?} claim by {who:?} in {f:?}"
    );
}

#[test]
fn verbal_attack_verbs_are_evaluative() {
    has(
        "The governor skewered the utility for the blackout that left the valley dark.",
        "The governor",
        "skewer",
        Stance::Evaluative,
        "the utility",
    );
    has(
        "Ortega chastised the council over its handling of the flood money.",
        "Ortega",
        "chastise",
        Stance::Evaluative,
        "the council",
    );
    has(
        "The mayor called out the developers for ignoring the zoning rules.",
        "The mayor",
        "call out",
        Stance::Evaluative,
        "the developers",
    );
}

#[test]
fn praise_verbs_are_evaluative() {
    has(
        "Okafor congratulated the rescue crews on their work during the storm.",
        "Okafor",
        "congratulate",
        Stance::Evaluative,
        "the rescue crews",
    );
    has(
        "The minister commended the volunteers who rebuilt the school.",
        "The minister",
        "commend",
        Stance::Evaluative,
        "the volunteers",
    );
}

#[test]
fn boasting_is_assertive() {
    has(
        "Lindqvist bragged that her district had the lowest crime rate in the state.",
        "Lindqvist",
        "brag",
        Stance::Assertive,
        "her district had",
    );
}

#[test]
fn pleading_is_directive() {
    has(
        "The families pleaded with the board to keep the clinic open.",
        "The families",
        "plead",
        Stance::Directive,
        "the board",
    );
}

#[test]
fn multiword_idioms_are_cues() {
    has(
        "Harlow made no secret of her plan to run for the Senate seat.",
        "Harlow",
        "make no secret",
        Stance::Assertive,
        "her plan",
    );
    has(
        "The senator poked fun at his rival's campaign slogan.",
        "The senator",
        "poke fun at",
        Stance::Evaluative,
        "his rival",
    );
    has(
        "The actor opened up about his years in the navy.",
        "The actor",
        "open up",
        Stance::Neutral,
        "his years in the navy",
    );
}

#[test]
fn explaining_verbs_are_neutral() {
    has(
        "The treasurer outlined a plan to repay the debt within five years.",
        "The treasurer",
        "outline",
        Stance::Neutral,
        "a plan",
    );
    has(
        "Vance clarified that the tax would apply only to new homes.",
        "Vance",
        "clarify",
        Stance::Neutral,
        "the tax would",
    );
}

#[test]
fn manner_of_speech_needs_a_quote() {
    has(
        "“Get off my lawn,” the farmer snapped.",
        "the farmer",
        "snap",
        Stance::Negative,
        "Get off my lawn",
    );
    let (d, c) = claims("The branch snapped under the weight of the snow.", "en");
    assert!(
        frames(&d, &c).iter().all(|f| f.1 != Some("snap")),
        "{:?}",
        frames(&d, &c)
    );
}

#[test]
fn framing_verbs_need_a_clause_or_as() {
    has(
        "The campaign cast the vote as a referendum on the new bridge.",
        "The campaign",
        "cast",
        Stance::Evaluative,
        "the vote as",
    );
    let (d, c) = claims("Residents cast their ballots at the old library.", "en");
    assert!(
        frames(&d, &c).iter().all(|f| f.1 != Some("cast")),
        "{:?}",
        frames(&d, &c)
    );
}

#[test]
fn owned_nouns_of_judgment_are_cues() {
    has(
        "The auditor's assessment that the fund was solvent surprised the board.",
        "The auditor's",
        "assessment",
        Stance::Neutral,
        "the fund was solvent",
    );
    has(
        "His contention that the vote was rigged, repeated at every rally, drew little support.",
        "His",
        "contention",
        Stance::Assertive,
        "the vote was rigged",
    );
}

#[test]
fn identifying_as_is_a_view_only_with_as() {
    has(
        "Police identified the driver as a 34-year-old man from Leeds.",
        "Police",
        "identify",
        Stance::Neutral,
        "the driver as",
    );
    let (d, c) = claims("Rescuers identified three bodies on Sunday.", "en");
    assert!(
        frames(&d, &c).iter().all(|f| f.1 != Some("identify")),
        "{:?}",
        frames(&d, &c)
    );
}

#[test]
fn interpreting_is_a_view() {
    has(
        "Analysts interpreted the drop in turnout as a warning to the party.",
        "Analysts",
        "interpret",
        Stance::Neutral,
        "the drop in turnout as",
    );
}

#[test]
fn adjective_stances_after_be_are_cues() {
    has(
        "The union has been critical of the new pension rules for months.",
        "The union",
        "critical of",
        Stance::Evaluative,
        "the new pension rules",
    );
    has(
        "Farmers are wary of the trade deal with the southern provinces.",
        "Farmers",
        "wary of",
        Stance::Negative,
        "the trade deal",
    );
    has(
        "Residents were concerned about the smell from the new plant.",
        "Residents",
        "concerned about",
        Stance::Evaluative,
        "the smell",
    );
    has(
        "The coach was surprised that the referee allowed the goal.",
        "The coach",
        "glad that",
        Stance::Evaluative,
        "the referee allowed the goal",
    );
}

#[test]
fn weighing_in_is_a_cue() {
    has(
        "The former mayor weighed in on the dispute over the harbour lease.",
        "The former mayor",
        "weigh in",
        Stance::Neutral,
        "the dispute",
    );
}

#[test]
fn campaigning_against_and_fear_are_cues() {
    has(
        "The teachers' union campaigned against the longer school day.",
        "The teachers' union",
        "campaign against",
        Stance::Negative,
        "the longer school day",
    );
    has(
        "Shopkeepers are afraid of another week of road closures.",
        "Shopkeepers",
        "afraid of",
        Stance::Evaluative,
        "another week",
    );
}

#[test]
fn quick_to_hands_its_subject_to_the_cue() {
    has(
        "The coach was quick to point out that two starters were injured.",
        "The coach",
        "point out",
        Stance::Neutral,
        "two starters were injured",
    );
}

#[test]
fn conditional_wish_is_a_cue() {
    has(
        "The senator would like to see the tunnel finished by 2030.",
        "The senator",
        "would like",
        Stance::Neutral,
        "see the tunnel",
    );
}

#[test]
fn quoted_as_saying_keeps_its_subject() {
    has(
        "Ruiz was quoted as saying that the port would reopen in May.",
        "Ruiz",
        "quote",
        Stance::Neutral,
        "the port would reopen",
    );
}

#[test]
fn foreseeing_is_a_prediction() {
    has(
        "Most harbour pilots foresee a long strike at the docks.",
        "Most harbour pilots",
        "foresee",
        Stance::Assertive,
        "a long strike",
    );
}
