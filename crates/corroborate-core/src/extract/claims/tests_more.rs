//! Tests for the patterns that give one sentence several attributions: nested and coordinated cues,
//! participles, subjects before appositions, adjuncts after the cue, and two-apostrophe quotes.

use super::tests::{claims, speaker};
use crate::model::{ClaimMention, ClaimMode, Document};

/// The attributed claims whose cue span reads `cue`, with their speakers and contents.
fn by_cue<'a>(
    d: &'a Document,
    c: &'a [ClaimMention],
    cue: &str,
) -> Vec<(Option<&'a str>, &'a str)> {
    c.iter()
        .filter(|c| c.mode != ClaimMode::Narration)
        .filter(|c| c.cue_span.and_then(|s| s.slice(&d.text)) == Some(cue))
        .map(|c| (speaker(d, c), c.content.slice(&d.text).unwrap_or("")))
        .collect()
}

#[test]
fn nested_relative_clause_and_main_clause() {
    let (d, c) = claims(
        "Okafor, who said she rarely votes, said the new bridge was a waste of money.",
        "en",
    );
    let said = by_cue(&d, &c, "said");
    assert!(
        said.contains(&(Some("who"), "she rarely votes")),
        "{said:?}"
    );
    assert!(
        said.contains(&(Some("Okafor"), "the new bridge was a waste of money")),
        "{said:?}"
    );
}

#[test]
fn nested_inside_content_cuts_the_outer_content() {
    let (d, c) = claims(
        "The mayor says the count is close, in a race that he said nobody predicted.",
        "en",
    );
    let says = by_cue(&d, &c, "says");
    assert_eq!(
        says,
        vec![(Some("The mayor"), "the count is close, in a race")]
    );
    let said = by_cue(&d, &c, "said");
    assert_eq!(said, vec![(Some("he"), "nobody predicted")]);
}

#[test]
fn participle_refers_back_to_the_subject() {
    let (d, c) = claims(
        "The tenants union sued the landlord on Monday, saying the rents broke the lease.",
        "en",
    );
    let saying = by_cue(&d, &c, "saying");
    assert_eq!(saying.len(), 1, "{c:#?}");
    assert_eq!(saying[0].1, "the rents broke the lease");
    assert!(
        saying[0]
            .0
            .is_some_and(|s| s.starts_with("The tenants union"))
    );
}

#[test]
fn participle_after_a_direct_quote_takes_its_speaker() {
    let (d, c) = claims(
        "“We will not move,” Ruiz said, adding that the council had ignored the residents.",
        "en",
    );
    let adding = by_cue(&d, &c, "adding");
    assert_eq!(
        adding,
        vec![(Some("Ruiz"), "the council had ignored the residents")]
    );
}

#[test]
fn subject_before_age_and_apposition() {
    let (d, c) = claims(
        "Marta Lind, 42, the owner of a bakery on Main Street, said the new tax would close her shop.",
        "en",
    );
    let said = by_cue(&d, &c, "said");
    assert_eq!(said.len(), 1, "{c:#?}");
    assert!(said[0].0.is_some_and(|s| s.starts_with("Marta Lind, 42")));
    assert_eq!(said[0].1, "the new tax would close her shop");
}

#[test]
fn coordinated_verb_phrase_keeps_the_subject() {
    let (d, c) = claims(
        "Hale praised the volunteers and said the shelter would stay open all winter.",
        "en",
    );
    let said = by_cue(&d, &c, "said");
    assert_eq!(
        said,
        vec![(Some("Hale"), "the shelter would stay open all winter")]
    );
}

#[test]
fn adjunct_after_the_cue_is_not_content() {
    let (d, c) = claims(
        "The governor said on Friday that the roads would reopen next week.",
        "en",
    );
    let said = by_cue(&d, &c, "said");
    assert_eq!(
        said,
        vec![(Some("The governor"), "the roads would reopen next week")]
    );
}

#[test]
fn capitalised_stop_word_stays_out_of_the_speaker() {
    let (d, c) = claims("But he said the vote was fair.", "en");
    let said = by_cue(&d, &c, "said");
    assert_eq!(said, vec![(Some("he"), "the vote was fair")]);
}

#[test]
fn two_apostrophes_quote() {
    let (d, c) = claims("''The plan is dead,'' the senator said.", "en");
    let said = by_cue(&d, &c, "said");
    assert_eq!(said, vec![(Some("the senator"), "The plan is dead,")]);
    let q = c.iter().find(|c| c.mode == ClaimMode::Direct);
    assert_eq!(q.map(|q| q.text.as_str()), Some("The plan is dead"));
}

#[test]
fn german_adjunct_after_the_cue() {
    let (d, c) = claims(
        "Die Ministerin sagte am Freitag, dass die Straße wieder geöffnet werde.",
        "de",
    );
    let sagte = by_cue(&d, &c, "sagte");
    assert_eq!(
        sagte,
        vec![(Some("Die Ministerin"), "die Straße wieder geöffnet werde")]
    );
}

#[test]
fn coordinated_cue_after_a_time_adjunct() {
    let (d, c) = claims(
        "The columnist Ines Varga has been critical of the mayor but on Tuesday wrote that the camp was safe.",
        "en",
    );
    assert_eq!(
        by_cue(&d, &c, "wrote"),
        vec![(Some("The columnist Ines Varga"), "the camp was safe")]
    );
    // The first claim ends before the conjunction and the adjunct that belong to the second.
    assert_eq!(
        by_cue(&d, &c, "has been critical of"),
        vec![(Some("The columnist Ines Varga"), "the mayor")]
    );
}

#[test]
fn coordinated_cue_inside_a_relative_clause_is_the_relatives() {
    let (d, c) = claims(
        "Ruiz said the chief interviewed Ana Berg, who saw the raid and described it as brutal.",
        "en",
    );
    let described = by_cue(&d, &c, "described");
    assert_eq!(described.len(), 1, "{c:#?}");
    assert_eq!(described[0].0, Some("who"));
    let said = by_cue(&d, &c, "said");
    assert_eq!(said[0].0, Some("Ruiz"));
}
