//! Tests for attributions whose speaker stands away from the cue: infinitives of purpose ("met reporters to
//! explain …") and their objects ("prompted the mayor to announce …"), nominal cues with the owner after them
//! ("criticism from …", "a statement by …"), and a source marker after a leading conjunction ("But, according to
//! …"). Every sentence is written for its test.

use super::tests::{claims, frames};
use crate::model::Stance;

/// (speaker, content) of the one claim whose cue span reads `cue`, or `None` when there is none.
fn by_cue(text: &str, cue: &str) -> Option<(Option<String>, String)> {
    let (d, c) = claims(text, "en");
    let f = frames(&d, &c);
    let found: Vec<_> = f.iter().filter(|f| f.1 == cue).collect();
    assert!(found.len() <= 1, "cue {cue:?} twice in {f:?}");
    found
        .first()
        .map(|f| (f.0.map(str::to_string), f.2.to_string()))
}

#[test]
fn purpose_infinitive_takes_the_main_subject() {
    let (sp, content) = by_cue(
        "The governor met reporters in Albany to explain the new budget rules.",
        "to explain",
    )
    .expect("a claim");
    assert_eq!(sp.as_deref(), Some("The governor"));
    assert_eq!(content, "the new budget rules");
    // An adjunct between verb and marker: still the clause's subject.
    let (sp, _) = by_cue(
        "Senator Alvarez flew to Denver on Monday to announce a new water plan.",
        "to announce",
    )
    .expect("a claim");
    assert_eq!(sp.as_deref(), Some("Senator Alvarez"));
}

#[test]
fn purpose_infinitive_in_a_relative_clause_is_the_antecedents() {
    let (sp, _) = by_cue(
        "The claim came from Ms. Okoro, who visited the plant to announce a new inspection regime.",
        "to announce",
    )
    .expect("a claim");
    assert_eq!(sp.as_deref(), Some("who"));
}

#[test]
fn object_of_a_control_verb_speaks_in_the_infinitive() {
    let (sp, content) = by_cue(
        "The flooding prompted the mayor to announce a curfew for the river district.",
        "to announce",
    )
    .expect("a claim");
    assert_eq!(sp.as_deref(), Some("the mayor"));
    assert_eq!(content, "a curfew for the river district");
}

#[test]
fn negated_or_empty_infinitive_is_no_claim() {
    // "were not authorized to": nobody says anything.
    assert_eq!(
        by_cue(
            "Two officials were not authorized to discuss the river report in public.",
            "to discuss"
        ),
        None
    );
    // "It is easy to criticize …": no one is named.
    assert_eq!(
        by_cue(
            "It is easy to criticize the plan for the pier.",
            "to criticize"
        )
        .and_then(|f| f.0),
        None
    );
    // "wants to …": the infinitive is the content of the cue before it, not a claim of its own.
    assert_eq!(
        by_cue(
            "The mayor wants to explain the curfew to residents.",
            "to explain"
        ),
        None
    );
}

#[test]
fn nominal_cue_with_its_owner_after_it() {
    let (sp, content) = by_cue(
        "The water plan is facing criticism from several farm groups.",
        "criticism",
    )
    .expect("a claim");
    assert_eq!(sp.as_deref(), Some("several farm groups"));
    assert_eq!(content, "The water plan");
    let (sp, content) = by_cue(
        "The board released a statement by the Harbor Commission that the pier would reopen in May.",
        "statement",
    )
    .expect("a claim");
    assert_eq!(sp.as_deref(), Some("the Harbor Commission"));
    assert_eq!(content, "the pier would reopen in May");
}

#[test]
fn nominal_owner_after_it_may_be_a_bare_plural() {
    let (sp, content) = by_cue(
        "The mayor has faced criticism from neighbours that the new pier is unsafe.",
        "criticism",
    )
    .expect("a claim");
    assert_eq!(sp.as_deref(), Some("neighbours"));
    assert_eq!(content, "the new pier is unsafe");
    // A share of voters is standing in a poll, not anybody's claim.
    assert_eq!(
        by_cue(
            "The mayor has support from 40 percent of the voters in the district.",
            "support"
        ),
        None
    );
}

#[test]
fn closing_source_marker_keeps_the_attribution_it_reports() {
    let (sp, content) = by_cue(
        "The mayor said the pier would reopen in May, according to the harbor newsletter.",
        "according to",
    )
    .expect("a claim");
    assert_eq!(sp.as_deref(), Some("the harbor newsletter"));
    assert_eq!(content, "The mayor said the pier would reopen in May");
}

#[test]
fn source_marker_after_a_leading_conjunction() {
    let (sp, content) = by_cue(
        "But, according to the county survey, most residents oppose the new bridge.",
        "according to",
    )
    .expect("a claim");
    assert_eq!(sp.as_deref(), Some("the county survey"));
    assert_eq!(content, "most residents oppose the new bridge");
}

#[test]
fn asking_someone_to_act_is_a_directive() {
    let stance = |text: &str| {
        let (d, c) = claims(text, "en");
        let asked: Vec<_> = c
            .iter()
            .filter(|c| c.cue_span.and_then(|s| s.slice(&d.text)) == Some("asked"))
            .map(|c| c.stance)
            .collect();
        assert_eq!(asked.len(), 1, "{:?}", frames(&d, &c));
        asked[0]
    };
    assert_eq!(
        stance("The mayor asked the county board to approve the river plan."),
        Some(Stance::Directive)
    );
    // A question is asked, not directed: the cue keeps its neutral stance.
    assert_eq!(
        stance("The mayor asked whether the county board would approve the river plan."),
        Some(Stance::Neutral)
    );
}

/// (speaker, via) of the claims of English `text` that have a speaker.
fn vias(text: &str) -> Vec<(String, Option<String>)> {
    vias_in(text, "en")
}

fn vias_in(text: &str, lang: &str) -> Vec<(String, Option<String>)> {
    let (d, c) = claims(text, lang);
    c.iter()
        .filter_map(|c| {
            let speaker = c.speaker_span?.slice(&d.text)?.to_string();
            Some((speaker, c.via_text.clone()))
        })
        .collect()
}

#[test]
fn according_to_around_an_attributed_claim_is_its_via() {
    assert_eq!(
        vias("“Stay off the pier tonight,” Ruiz said, according to Harbour Radio."),
        vec![("Ruiz".to_string(), Some("Harbour Radio".to_string()))]
    );
    // An "according to" that is the claim's own cue credits the clause to its source; a claim after it in the
    // same sentence gets no via from it, and neither does one after an opening "according to".
    let got = vias(
        "More than 60 boats were damaged, according to the harbour board, which said the pier had held.",
    );
    assert!(got.iter().all(|(_, via)| via.is_none()), "{got:?}");
    assert!(got.iter().any(|(s, _)| s == "the harbour board"), "{got:?}");
    let got = vias("According to council pool reports, the mayor said the ferry would run again.");
    assert!(got.iter().all(|(_, via)| via.is_none()), "{got:?}");
    // Any relaying marker of the table, with or without a comma; not one inside the reported clause.
    assert_eq!(
        vias("“The pier held,” Ruiz said as reported by Harbour Radio."),
        vec![("Ruiz".to_string(), Some("Harbour Radio".to_string()))]
    );
    let got = vias("Ruiz said the pier must close according to the harbour rules.");
    assert!(got.iter().all(|(_, via)| via.is_none()), "{got:?}");
}

#[test]
fn german_laut_after_an_attributed_claim_is_its_via() {
    assert_eq!(
        vias_in(
            "„Der Steg hat gehalten“, sagte Ruiz laut Radio Hafen.",
            "de"
        ),
        vec![("Ruiz".to_string(), Some("Radio Hafen".to_string()))]
    );
    // "laut" as the claim's own cue credits the clause to its source.
    let got = vias_in("Laut der Hafenverwaltung wurden 60 Boote beschädigt.", "de");
    assert!(got.iter().all(|(_, via)| via.is_none()), "{got:?}");
}
