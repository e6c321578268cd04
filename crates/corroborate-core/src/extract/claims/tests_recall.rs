//! Tests for the patterns added to find more attributions: cues after auxiliaries and adverbs, passives, colon
//! headlines, quote-only cues, long inverted sources, merged complement frames, nominal cues, raising passives,
//! asides between subject and cue, and coordinated clauses. Every sentence is written for its test.

use super::tests::{claims, frames};
use crate::model::{ClaimMention, ClaimMode, Document};

/// The one claim whose cue span reads `cue`.
fn with_cue<'a>(
    d: &'a Document,
    c: &'a [ClaimMention],
    cue: &str,
) -> (Option<&'a str>, &'a str, &'a str) {
    let found: Vec<_> = frames(d, c).into_iter().filter(|f| f.1 == cue).collect();
    assert_eq!(found.len(), 1, "cue {cue:?} in {:?}", frames(d, c));
    found[0]
}

#[test]
fn progressive_cue_keeps_its_subject() {
    let (d, c) = claims("Clinton is calling for a ban on assault weapons.", "en");
    let (sp, _, content) = with_cue(&d, &c, "is calling for");
    assert_eq!(sp, Some("Clinton"));
    assert_eq!(content, "a ban on assault weapons");
}

#[test]
fn passive_subject_is_not_the_speaker() {
    let (d, c) = claims(
        "Sanders was asked about the loan during the debate on Tuesday.",
        "en",
    );
    assert!(
        frames(&d, &c).iter().all(|f| f.0 != Some("Sanders")),
        "{:?}",
        frames(&d, &c)
    );
}

#[test]
fn adverb_between_speaker_and_cue() {
    let (d, c) = claims(
        "Trump formally endorsed the plan to rebuild the pier.",
        "en",
    );
    let (sp, _, content) = with_cue(&d, &c, "formally endorsed");
    assert_eq!(sp, Some("Trump"));
    assert_eq!(content, "the plan to rebuild the pier");
    // A noun ending in "-ly" is no adverb: the family is the speaker.
    let (d, c) = claims("The family said the pier must be rebuilt.", "en");
    assert_eq!(with_cue(&d, &c, "said").0, Some("The family"));
}

#[test]
fn colon_headline_credits_the_name() {
    let (d, c) = claims(
        "Graham: Trump's rhetoric is destroying the party's chances.",
        "en",
    );
    let (sp, cue, content) = frames(&d, &c)[0];
    assert_eq!((sp, cue), (Some("Graham"), ":"));
    assert_eq!(
        content,
        "Trump's rhetoric is destroying the party's chances"
    );
    for text in [
        "Update: The meeting was moved to Friday afternoon.",
        "Three things: the bridge, the pier and the harbour wall.",
        "WASHINGTON: The Senate voted on the bill late on Tuesday.",
        "Paris: The police cleared the camp before dawn.",
    ] {
        let (d, c) = claims(text, "en");
        assert!(frames(&d, &c).is_empty(), "{text}: {:?}", frames(&d, &c));
    }
}

#[test]
fn quote_only_cue_needs_a_quote() {
    let (d, c) = claims("“We will keep fighting for the pier,” he continued.", "en");
    let (sp, _, content) = with_cue(&d, &c, "continued");
    assert_eq!(sp, Some("he"));
    assert_eq!(content, "We will keep fighting for the pier,");
    let (d, c) = claims("The rally continued into the night near the pier.", "en");
    assert!(frames(&d, &c).is_empty(), "{:?}", frames(&d, &c));
}

#[test]
fn long_source_after_inverted_cue() {
    let (d, c) = claims(
        "“The economy is slowing,” said Richard Curtin, the chief economist for the Michigan Survey of Consumers.",
        "en",
    );
    assert_eq!(
        with_cue(&d, &c, "said").0,
        Some("Richard Curtin, the chief economist for the Michigan Survey of Consumers")
    );
    let (d, c) = claims(
        "“I would want answers,” said a prominent committee member when asked about the donors.",
        "en",
    );
    assert_eq!(
        with_cue(&d, &c, "said").0,
        Some("a prominent committee member")
    );
    // Reported speech without quotes, with the apposition's commas after the name.
    let (d, c) = claims(
        "The senator has few allies in Congress, said Larry Sabato, director of the Center for Politics.",
        "en",
    );
    let (sp, _, content) = with_cue(&d, &c, "said");
    assert_eq!(
        sp,
        Some("Larry Sabato, director of the Center for Politics")
    );
    assert_eq!(content, "The senator has few allies in Congress");
    // A clause after the cue is its content, not a source.
    let (d, c) = claims(
        "Marta Lind, the baker, said the new tax would close her shop.",
        "en",
    );
    assert_eq!(
        with_cue(&d, &c, "said").2,
        "the new tax would close her shop"
    );
}

#[test]
fn speaker_with_plural_possessive_initials_and_brackets() {
    let (d, c) = claims(
        "“The numbers are good,” Jeff Weaver, Sanders’ campaign manager, said in a statement.",
        "en",
    );
    assert_eq!(
        with_cue(&d, &c, "said").0,
        Some("Jeff Weaver, Sanders’ campaign manager")
    );
    let (d, c) = claims(
        "“The winds are changing,” J. Gerald Hebert, executive director of the Campaign Legal Center, said.",
        "en",
    );
    assert!(
        with_cue(&d, &c, "said")
            .0
            .is_some_and(|s| s.starts_with("J. Gerald Hebert"))
    );
    let (d, c) = claims(
        "Rep. Dana Kiel (D-Ore.), chair of the committee, said that the process was open.",
        "en",
    );
    assert!(
        with_cue(&d, &c, "said")
            .0
            .is_some_and(|s| s.starts_with("Rep. Dana Kiel"))
    );
    let (d, c) = claims(
        "It is not only about big audiences, he and Mr. Allen said.",
        "en",
    );
    assert_eq!(with_cue(&d, &c, "said").0, Some("he and Mr. Allen"));
}

#[test]
fn quote_closing_on_a_nested_quote() {
    let (d, c) = claims(
        "“I raised my hands, sort of, ‘Don’t hit me, please,’” Nicklaus said Sunday.",
        "en",
    );
    assert_eq!(with_cue(&d, &c, "said").0, Some("Nicklaus"));
    let (d, c) = claims("''I hate the term 'harbour poor,' '' she said.", "en");
    assert_eq!(with_cue(&d, &c, "said").0, Some("she"));
    // Curly opening, straight closing mark.
    let (d, c) = claims(
        "“We are going to win so much,\" Trump said at his victory party.",
        "en",
    );
    assert_eq!(with_cue(&d, &c, "said").0, Some("Trump"));
}

#[test]
fn complement_frame_is_part_of_the_outer_claim() {
    let (d, c) = claims(
        "About half said they want the next president to be more liberal.",
        "en",
    );
    let f = frames(&d, &c);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].2, "they want the next president to be more liberal");
}

#[test]
fn noun_like_cue_forms_after_evidence_nouns() {
    let (d, c) = claims(
        "The reports show the group changed its advertising plans.",
        "en",
    );
    assert_eq!(with_cue(&d, &c, "show").0, Some("The reports"));
    let (d, c) = claims(
        "Federal records show he backed both candidates in 2008.",
        "en",
    );
    assert_eq!(with_cue(&d, &c, "show").0, Some("Federal records"));
    // A noun after a possessive, or a reduced relative clause, is no cue.
    for text in [
        "Trump called Ford's plans to open a plant a disgrace.",
        "He was under fire for recent comments he made about the pier.",
    ] {
        let (d, c) = claims(text, "en");
        assert!(
            frames(&d, &c)
                .iter()
                .all(|f| !f.1.contains("plans") && !f.1.contains("comments")),
            "{text}: {:?}",
            frames(&d, &c)
        );
    }
    // Nor is the second half of a compound adjective.
    let (d, c) = claims("The Iran-backed militia held the base for a week.", "en");
    assert!(frames(&d, &c).is_empty(), "{:?}", frames(&d, &c));
}

#[test]
fn leading_cue_after_an_introductory_phrase() {
    let (d, c) = claims(
        "Then, in 2017, Kerry said that 100,000 refugees would be accepted.",
        "en",
    );
    let (sp, _, content) = with_cue(&d, &c, "said");
    assert_eq!(sp, Some("Kerry"));
    assert_eq!(content, "100,000 refugees would be accepted");
    // A closing cue with an infinitive after it is not an inverted attribution.
    let (d, c) = claims(
        "Fiorina says that, despite being an alumna, she plans to root for Iowa.",
        "en",
    );
    assert_eq!(with_cue(&d, &c, "says").0, Some("Fiorina"));
}

#[test]
fn as_source_after_the_clause() {
    let (d, c) = claims(
        "Republicans now control both chambers in 30 states, as the Washington Post observed.",
        "en",
    );
    let (sp, _, content) = with_cue(&d, &c, "observed");
    assert_eq!(sp, Some("the Washington Post"));
    assert_eq!(
        content,
        "Republicans now control both chambers in 30 states"
    );
}

#[test]
fn nominal_cue_with_its_owner() {
    let (d, c) = claims(
        "Trump's claim that Obama founded the group, made on Tuesday, drew criticism.",
        "en",
    );
    let (sp, _, content) = with_cue(&d, &c, "claim");
    assert_eq!(sp, Some("Trump's"));
    assert_eq!(content, "Obama founded the group");
    let (d, c) = claims("Her criticism of the trade deal grew louder.", "en");
    let (sp, _, content) = with_cue(&d, &c, "criticism");
    assert_eq!(sp, Some("Her"));
    assert_eq!(content, "the trade deal");
    // Inside another claim's content a nominal cue adds nothing.
    let (d, c) = claims(
        "The mayor said her criticism of the trade deal was fair.",
        "en",
    );
    assert_eq!(frames(&d, &c).len(), 1, "{:?}", frames(&d, &c));
}

#[test]
fn raising_passive_has_no_speaker() {
    let (d, c) = claims(
        "Trump is expected to deliver a victory speech tonight.",
        "en",
    );
    let a = c
        .iter()
        .find(|c| c.mode == ClaimMode::Indirect)
        .unwrap_or_else(|| panic!("{c:#?}"));
    assert_eq!(a.speaker_span, None);
    assert_eq!(a.cue.as_deref(), Some("expect"));
    assert_eq!(
        a.cue_span.and_then(|s| s.slice(&d.text)),
        Some("is expected")
    );
    assert_eq!(a.text, "Trump to deliver a victory speech tonight");
}

#[test]
fn quantifier_and_relative_speakers() {
    let (d, c) = claims(
        "Among those who want a continuation of the policies, most are planning to support the governor.",
        "en",
    );
    let (sp, _, content) = with_cue(&d, &c, "want");
    assert_eq!(sp, Some("who"));
    assert_eq!(content, "a continuation of the policies");
    assert_eq!(with_cue(&d, &c, "are planning").0, Some("most"));
    let (d, c) = claims("Both think the council advanced the agenda.", "en");
    assert_eq!(with_cue(&d, &c, "think").0, Some("Both"));
}

#[test]
fn asides_between_subject_and_cue() {
    let (d, c) = claims(
        "The government, for instance, refused to give the tenants any credit.",
        "en",
    );
    assert_eq!(with_cue(&d, &c, "refused to").0, Some("The government"));
    let (d, c) = claims(
        "Many speakers at the service — including imams, priests and rabbis — said the loss was painful.",
        "en",
    );
    assert_eq!(
        with_cue(&d, &c, "said").0,
        Some("Many speakers at the service")
    );
    let (d, c) = claims(
        "Six newspapers in the state, including the Asbury Park Press, said he was unfit to govern.",
        "en",
    );
    assert_eq!(
        with_cue(&d, &c, "said").0,
        Some("Six newspapers in the state")
    );
}

#[test]
fn that_after_a_noun_is_not_the_cue_complementizer() {
    let (d, c) = claims(
        "She did not want to think about the possibility that Trump would win.",
        "en",
    );
    let (_, _, content) = with_cue(&d, &c, "did not want");
    assert!(content.starts_with("to think about"), "{content}");
    let (d, c) = claims(
        "Ginsburg said in an interview with The Associated Press last week that she would not comment.",
        "en",
    );
    assert_eq!(with_cue(&d, &c, "said").2, "she would not comment");
}

#[test]
fn coordinated_verb_phrases_and_clauses() {
    let (d, c) = claims(
        "O'Malley spoke at the forum on Sunday, and criticized Sanders and Clinton after the event.",
        "en",
    );
    assert_eq!(with_cue(&d, &c, "criticized").0, Some("O'Malley"));
    let (d, c) = claims(
        "Palmieri acknowledged that the candidate misspoke but noted that experts disagree.",
        "en",
    );
    let (sp, _, content) = with_cue(&d, &c, "noted");
    assert_eq!(sp, Some("Palmieri"));
    assert_eq!(content, "experts disagree");
}

#[test]
fn participle_after_a_closing_quote() {
    let (d, c) = claims(
        "Trump hailed the vote as “fantastic,” telling reporters that he thinks the exit is a great thing.",
        "en",
    );
    let (sp, _, content) = with_cue(&d, &c, "telling");
    assert_eq!(sp, Some("Trump"));
    assert_eq!(content, "he thinks the exit is a great thing");
}

#[test]
fn adjunct_between_cue_and_quote() {
    let (d, c) = claims(
        "Mr. Trump said of the episode, “I don't like it at all.”",
        "en",
    );
    let (sp, _, content) = with_cue(&d, &c, "said");
    assert_eq!(sp, Some("Mr. Trump"));
    assert_eq!(content, "I don't like it at all.");
    let (d, c) = claims(
        "As Andrew Tabler, an expert on Syria, noted, “Everyone in the region is waiting.”",
        "en",
    );
    assert_eq!(
        with_cue(&d, &c, "noted").0,
        Some("Andrew Tabler, an expert on Syria")
    );
}

#[test]
fn nominal_cue_before_is_that() {
    let (d, c) = claims("Their fear is that the moment could arrive too late.", "en");
    let (sp, _, content) = with_cue(&d, &c, "fear");
    assert_eq!(sp, Some("Their"));
    assert_eq!(content, "the moment could arrive too late");
}

#[test]
fn capitalised_noun_form_in_a_name_or_a_headline() {
    let (d, c) = claims("Clinton Calls Violence Against Yazidis a Genocide.", "en");
    assert_eq!(with_cue(&d, &c, "Calls").0, Some("Clinton"));
    let (d, c) = claims(
        "The race is close, according to an analyst at the Cook Political Report.",
        "en",
    );
    assert!(
        frames(&d, &c).iter().all(|f| f.1 != "Report"),
        "{:?}",
        frames(&d, &c)
    );
}

#[test]
fn the_object_of_a_closing_verb_is_not_its_source() {
    let (d, c) = claims(
        "Lucía Ferrán, a freelance reporter who was at the camp, posted the message above shortly after the raid began.",
        "en",
    );
    assert!(
        frames(&d, &c)
            .iter()
            .all(|f| f.0.is_none_or(|s| !s.starts_with("the message"))),
        "{:?}",
        frames(&d, &c)
    );
    // A role after the cue is still a source.
    let (d, c) = claims(
        "The camp will be rebuilt in the spring, said the spokesman of the movement.",
        "en",
    );
    let (sp, _, _) = with_cue(&d, &c, "said");
    assert_eq!(sp, Some("the spokesman of the movement"));
}
