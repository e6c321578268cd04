//! Tests for attributions whose cue is in the tables but whose frame was read wrong: subjects behind role and
//! participle asides, joint subjects, "however" before the cue, audience words opening the reported clause,
//! gerunds after "by"/"before"/"after" and dashes, "issued a statement saying", coordinated clauses whose
//! subject stands before the comma, and a short quoted title before a cue with its own clause. Every sentence is
//! written for its test.

use super::ctx::Ctx;
use super::speaker::left_np;
use super::tests::{claims, speaker};
use crate::model::{ClaimMention, ClaimMode, Document, Polarity};
use crate::text::sentences::split_sentences;

/// (speaker, cue span text, cue lemma, content, mode, polarity) of the one claim whose cue span reads `cue`.
fn frame<'a>(
    d: &'a Document,
    c: &'a [ClaimMention],
    cue: &str,
) -> (Option<&'a str>, &'a str, &'a str, ClaimMode, Polarity) {
    let found: Vec<&ClaimMention> = c
        .iter()
        .filter(|c| c.cue_span.and_then(|s| s.slice(&d.text)) == Some(cue))
        .collect();
    let all: Vec<_> = c
        .iter()
        .map(|c| (speaker(d, c), c.cue_span.and_then(|s| s.slice(&d.text))))
        .collect();
    assert_eq!(found.len(), 1, "cue {cue:?} in {all:?}");
    let f = found[0];
    (
        speaker(d, f),
        f.cue.as_deref().unwrap_or(""),
        f.content.slice(&d.text).unwrap_or(""),
        f.mode,
        f.polarity,
    )
}

#[test]
fn subject_before_role_apposition_with_modifiers() {
    let (d, c) = claims(
        "Moreau, executive director of the Harbour Trust, said she expects the pier to reopen in May.",
        "en",
    );
    let (sp, lemma, content, mode, pol) = frame(&d, &c, "said");
    assert_eq!(sp, Some("Moreau, executive director of the Harbour Trust"));
    assert_eq!(lemma, "say");
    assert_eq!(content, "she expects the pier to reopen in May");
    assert_eq!((mode, pol), (ClaimMode::Indirect, Polarity::Affirms));
}

#[test]
fn subject_before_participle_aside() {
    let (d, c) = claims(
        "Harbour delegate Ines Vidal, wearing a yellow scarf, said the vote was rigged.",
        "en",
    );
    let (sp, lemma, content, _, pol) = frame(&d, &c, "said");
    assert_eq!(sp, Some("Harbour delegate Ines Vidal"));
    assert_eq!((lemma, content), ("say", "the vote was rigged"));
    assert_eq!(pol, Polarity::Affirms);
    let (d, c) = claims(
        "The mayor, clad in a raincoat, denied that the dam had failed.",
        "en",
    );
    let (sp, lemma, _, _, pol) = frame(&d, &c, "denied");
    assert_eq!(
        (sp, lemma, pol),
        (Some("The mayor"), "deny", Polarity::Denies)
    );
}

#[test]
fn joint_subject_and_sentence_conjunction_before_aside() {
    let (d, c) = claims(
        "Flood engineers and city officials, however, said the levee held.",
        "en",
    );
    let (sp, lemma, content, mode, _) = frame(&d, &c, "said");
    assert_eq!(sp, Some("Flood engineers and city officials"));
    assert_eq!(
        (lemma, content, mode),
        ("say", "the levee held", ClaimMode::Indirect)
    );
    let (d, c) = claims(
        "Yet Danish farmers, like their neighbours, say the canal drains their wells.",
        "en",
    );
    let (sp, _, content, _, _) = frame(&d, &c, "say");
    assert_eq!(sp, Some("Danish farmers"));
    assert_eq!(content, "the canal drains their wells");
}

#[test]
fn joint_subject_of_common_noun_phrases_and_pronouns() {
    for (text, cue, who, parts) in [
        (
            "The mayor and the harbour master condemned the closure.",
            "condemned",
            "The mayor and the harbour master",
            vec!["The mayor", "the harbour master"],
        ),
        (
            "They and their lawyers argue that the fine is unlawful.",
            "argue",
            "They and their lawyers",
            vec!["They", "their lawyers"],
        ),
        (
            "She and her deputy said that the ferry would run again.",
            "said",
            "She and her deputy",
            vec!["She", "her deputy"],
        ),
    ] {
        let (d, c) = claims(text, "en");
        let (sp, _, _, _, _) = frame(&d, &c, cue);
        assert_eq!(sp, Some(who), "{text}");
        let sentences = split_sentences(text, "en");
        let ctx = Ctx::new(text, &sentences, "en");
        let at = ctx.toks.iter().position(|t| t.lower == cue);
        let joint = at.and_then(|i| left_np(&ctx, i, 0));
        let got: Vec<&str> = joint
            .iter()
            .flat_map(|sp| sp.parts.iter().filter_map(|p| p.slice(text)))
            .collect();
        assert_eq!(got, parts, "{text}");
    }
    // An object before "and" is no part of the subject: only the second phrase speaks.
    let (d, c) = claims(
        "Reporters met the mayor and the harbour master said that the pier was safe.",
        "en",
    );
    let (sp, _, _, _, _) = frame(&d, &c, "said");
    assert_eq!(sp, Some("the harbour master"));
}

#[test]
fn however_between_subject_and_cue() {
    let (d, c) = claims("Okafor however said the talks would resume.", "en");
    let (sp, lemma, content, _, pol) = frame(&d, &c, "however said");
    assert_eq!((sp, lemma), (Some("Okafor"), "say"));
    assert_eq!(
        (content, pol),
        ("the talks would resume", Polarity::Affirms)
    );
}

#[test]
fn audience_word_after_said_opens_the_clause() {
    let (d, c) = claims(
        "She said members of the council should not vote on the budget.",
        "en",
    );
    let (sp, lemma, content, _, _) = frame(&d, &c, "said");
    assert_eq!((sp, lemma), (Some("She"), "say"));
    assert_eq!(
        content,
        "members of the council should not vote on the budget"
    );
    // After "told" the audience is still the addressee.
    let (d, c) = claims("He told reporters the budget was balanced.", "en");
    assert_eq!(frame(&d, &c, "told").2, "the budget was balanced");
}

#[test]
fn gerund_cues_take_the_clause_subject() {
    let (d, c) = claims(
        "Nakamura ended the debate by saying the port would stay open.",
        "en",
    );
    let (sp, lemma, content, mode, pol) = frame(&d, &c, "saying");
    assert_eq!((sp, lemma), (Some("Nakamura"), "say"));
    assert_eq!(content, "the port would stay open");
    assert_eq!((mode, pol), (ClaimMode::Indirect, Polarity::Affirms));
    let (d, c) = claims(
        "After saying the ferry was safe, the captain left the harbour.",
        "en",
    );
    let (sp, _, content, _, _) = frame(&d, &c, "saying");
    assert_eq!((sp, content), (Some("the captain"), "the ferry was safe"));
    let (d, c) = claims(
        "The governor changed course – saying the bridge would be rebuilt.",
        "en",
    );
    assert_eq!(frame(&d, &c, "saying").0, Some("The governor"));
}

#[test]
fn participle_after_comma_is_not_a_speaker() {
    let (d, c) = claims(
        "Lindqvist then interjected, calling the harbour plan a waste of money.",
        "en",
    );
    let (sp, lemma, content, _, _) = frame(&d, &c, "calling");
    assert_eq!((sp, lemma), (Some("Lindqvist"), "call"));
    assert_eq!(content, "the harbour plan a waste of money");
}

#[test]
fn lead_verb_joins_the_cue() {
    let (d, c) = claims(
        "The port authority issued a statement saying that the cranes were safe.",
        "en",
    );
    let (sp, lemma, content, _, _) = frame(&d, &c, "issued a statement saying");
    assert_eq!((sp, lemma), (Some("The port authority"), "say"));
    assert_eq!(content, "the cranes were safe");
    let claim = c.iter().find(|c| c.cue.as_deref() == Some("say")).unwrap();
    assert_eq!(claim.via_text.as_deref(), Some("a statement"));
    assert_eq!(
        c.iter().filter(|c| c.mode != ClaimMode::Narration).count(),
        1
    );
    let (d, c) = claims(
        "Okafor responded by saying that the port never closed.",
        "en",
    );
    let (sp, lemma, content, _, pol) = frame(&d, &c, "responded by saying");
    assert_eq!((sp, lemma, pol), (Some("Okafor"), "say", Polarity::Denies));
    assert_eq!(content, "the port never closed");
}

#[test]
fn coordinated_clause_keeps_its_subject_before_the_comma() {
    let (d, c) = claims(
        "Vidal admitted that the count was late, but said the result would stand.",
        "en",
    );
    let (sp, lemma, content, _, _) = frame(&d, &c, "said");
    assert_eq!((sp, lemma), (Some("Vidal"), "say"));
    assert_eq!(content, "the result would stand");
    let (sp, lemma, _, _, _) = frame(&d, &c, "admitted");
    assert_eq!((sp, lemma), (Some("Vidal"), "admit"));
}

#[test]
fn short_quoted_title_before_a_cue_with_a_clause() {
    let (d, c) = claims(
        "Speaking on the show \"Harbour Talk,\" Vidal admitted that the count was late.",
        "en",
    );
    let (sp, lemma, content, mode, _) = frame(&d, &c, "admitted");
    assert_eq!((sp, lemma), (Some("Vidal"), "admit"));
    assert_eq!((content, mode), ("the count was late", ClaimMode::Indirect));
}

#[test]
fn subject_before_relative_clause_with_commas() {
    let (d, c) = claims(
        "Mayor Ana Ruiz, who was to travel to Lyon, France, on Monday to sign the pact, said the talks had stalled.",
        "en",
    );
    let (sp, lemma, content, mode, pol) = frame(&d, &c, "said");
    assert_eq!((sp, lemma), (Some("Mayor Ana Ruiz"), "say"));
    assert_eq!(content, "the talks had stalled");
    assert_eq!((mode, pol), (ClaimMode::Indirect, Polarity::Affirms));
    // A name inside the relative clause is no apposition of the subject.
    let (d, c) = claims(
        "Mr. Lindqvist, whose new firm, Harbourline, builds cranes, said the port was too small.",
        "en",
    );
    assert_eq!(frame(&d, &c, "said").0, Some("Mr. Lindqvist"));
}

#[test]
fn subject_before_passive_participle_aside() {
    let (d, c) = claims(
        "Ms. Okafor, asked about the missing ballots, said the count was complete.",
        "en",
    );
    let (sp, lemma, content, _, _) = frame(&d, &c, "said");
    assert_eq!((sp, lemma), (Some("Ms. Okafor"), "say"));
    assert_eq!(content, "the count was complete");
}

#[test]
fn long_intro_before_a_name_with_a_party_tag() {
    let (d, c) = claims(
        "Saturday at the annual harbour workers' union convention Rep. Dana Kiel (D-Ore.) said the docks were unsafe.",
        "en",
    );
    let (sp, lemma, content, _, _) = frame(&d, &c, "said");
    assert_eq!((sp, lemma), (Some("Rep. Dana Kiel (D-Ore.)"), "say"));
    assert_eq!(content, "the docks were unsafe");
}

#[test]
fn party_tag_does_not_count_towards_a_long_apposition() {
    let (d, c) = claims(
        "Rep. Dana Kiel (D-Ore.), chair of the harbour board’s budget drafting committee, said the docks were unsafe.",
        "en",
    );
    let (sp, lemma, content, _, _) = frame(&d, &c, "said");
    assert_eq!(
        (sp, lemma),
        (
            Some("Rep. Dana Kiel (D-Ore.), chair of the harbour board’s budget drafting committee"),
            "say"
        )
    );
    assert_eq!(content, "the docks were unsafe");
}

#[test]
fn subject_with_an_aside_is_no_inverted_content() {
    for (text, cue, who, what) in [
        (
            "Mara Quill, who said the pier was unsafe in 2019, recounted the collapse on Harbour Radio.",
            "recounted",
            "Mara Quill",
            "the collapse on Harbour Radio",
        ),
        (
            "Judge Tomas Ardel, writing for the majority, said the ferry levy was lawful.",
            "said",
            "Judge Tomas Ardel",
            "the ferry levy was lawful",
        ),
    ] {
        let (d, c) = claims(text, "en");
        let (sp, _, content, _, _) = frame(&d, &c, cue);
        assert_eq!((sp, content), (Some(who), what), "{text}");
    }
    // A clause before the comma still takes the inverted speaker.
    let (d, c) = claims("The pier was unsafe, said the mayor.", "en");
    let (sp, _, content, _, _) = frame(&d, &c, "said");
    assert_eq!((sp, content), (Some("the mayor"), "The pier was unsafe"));
}

#[test]
fn frequency_adverbs_belong_to_the_cue() {
    let (d, c) = claims(
        "The harbour board has always claimed that the pier is safe.",
        "en",
    );
    let (sp, lemma, content, _, _) = frame(&d, &c, "has always claimed");
    assert_eq!(
        (sp, lemma, content),
        (Some("The harbour board"), "claim", "the pier is safe")
    );
}

#[test]
fn coordinated_cue_after_an_intro_or_a_conjunction() {
    let (d, c) = claims(
        "In an interview with the Harbour Gazette, Vidal defended the budget and said the port would hire more staff.",
        "en",
    );
    let (sp, lemma, content, _, _) = frame(&d, &c, "said");
    assert_eq!((sp, lemma), (Some("Vidal"), "say"));
    assert_eq!(content, "the port would hire more staff");
    let (d, c) = claims(
        "But the Harbour Court overruled and said the port already paid enough.",
        "en",
    );
    assert_eq!(frame(&d, &c, "said").0, Some("the Harbour Court"));
}
