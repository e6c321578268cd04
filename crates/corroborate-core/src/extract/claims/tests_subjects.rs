//! Tests for subjects far from their cue and cue forms read in context: relative clauses after appositions,
//! commas inside closing quotes, appositions opening with "then"/"one"/"himself", subjects opening a clause,
//! outer frames before a quote, one-word contents, and noun-like cue forms read as verbs. Every sentence is
//! written for its test.

use super::tests::{claims, frames};

/// The one claim of `text` whose cue span reads `cue`, as (speaker, content).
fn one(text: &str, cue: &str) -> (Option<String>, String) {
    let (d, c) = claims(text, "en");
    let found: Vec<_> = frames(&d, &c).into_iter().filter(|f| f.1 == cue).collect();
    assert_eq!(found.len(), 1, "cue {cue:?} in {:?}", frames(&d, &c));
    (found[0].0.map(str::to_string), found[0].2.to_string())
}

#[test]
fn relative_clause_after_an_apposition() {
    let (sp, content) = one(
        "Ana Ruiz, director of the harbour trust, which runs the pier, said the planks were rotten.",
        "said",
    );
    assert!(
        sp.as_deref().is_some_and(|s| s.starts_with("Ana Ruiz")),
        "{sp:?}"
    );
    assert_eq!(content, "the planks were rotten");
}

#[test]
fn finite_cue_after_a_statement_noun_keeps_its_subject() {
    let (sp, _) = one(
        "Ana Ruiz, who organized the letter, said the pier was unsafe.",
        "said",
    );
    assert_eq!(sp.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn comma_inside_a_closing_quote_ends_the_relative_clause() {
    let (sp, content) = one(
        "Ruiz, who calls the pier a “hazard,” said the planks were rotten.",
        "said",
    );
    assert_eq!(sp.as_deref(), Some("Ruiz"));
    assert_eq!(content, "the planks were rotten");
}

#[test]
fn apposition_opening_with_then() {
    let (sp, _) = one("Mr. Okafor, then 38, said he was advised to leave.", "said");
    assert!(
        sp.as_deref().is_some_and(|s| s.starts_with("Mr. Okafor")),
        "{sp:?}"
    );
}

#[test]
fn apposition_opening_with_one_of() {
    let (sp, _) = one(
        "Ana Ruiz, one of the few founders still on the board, said the trust was broke.",
        "said",
    );
    assert!(
        sp.as_deref().is_some_and(|s| s.starts_with("Ana Ruiz")),
        "{sp:?}"
    );
}

#[test]
fn adverb_before_the_subject_is_not_the_subject() {
    let (sp, _) = one(
        "Even Ana Ruiz, who built the pier, said it was unsafe.",
        "said",
    );
    assert_eq!(sp.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn subject_opening_a_clause_before_a_relative_clause() {
    let (sp, _) = one(
        "It was two years ago that Ana Ruiz, who now runs the trust, said the pier was safe.",
        "said",
    );
    assert_eq!(sp.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn aside_opening_with_when() {
    let (sp, content) = one(
        "Okafor, when asked about the fire, responded that the pier was insured.",
        "responded",
    );
    assert_eq!(sp.as_deref(), Some("Okafor"));
    assert_eq!(content, "the pier was insured");
}

#[test]
fn outer_frame_before_a_quote_reports_the_whole_clause() {
    let (d, c) = claims(
        "Okafor said he wants “a full inquiry into the harbour fire.”",
        "en",
    );
    let f = frames(&d, &c);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, Some("Okafor"));
    assert_eq!(f[0].1, "said");
    assert!(f[0].2.starts_with("he wants"), "{f:?}");
}

#[test]
fn participle_after_a_quote_is_not_an_inverted_cue() {
    let (d, c) = claims(
        "Ruiz said the planks “should be replaced by spring,” referring to the harbour budget.",
        "en",
    );
    let f = frames(&d, &c);
    assert!(f.iter().all(|x| x.0 != Some("the harbour budget")), "{f:?}");
    assert!(
        f.iter().any(|x| x.0 == Some("Ruiz") && x.1 == "said"),
        "{f:?}"
    );
}

#[test]
fn one_word_answer_is_a_content() {
    let (sp, content) = one(
        "Asked whether the pier would reopen, the mayor said no.",
        "said",
    );
    assert_eq!(sp.as_deref(), Some("the mayor"));
    assert_eq!(content, "no");
}

#[test]
fn declining_to_comment_is_no_claim() {
    let (d, c) = claims("A spokesman for the harbour declined to comment.", "en");
    assert!(frames(&d, &c).is_empty(), "{:?}", frames(&d, &c));
}

#[test]
fn one_word_content_is_still_dropped_otherwise() {
    let (d, c) = claims("The mayor said Tuesday.", "en");
    assert!(frames(&d, &c).is_empty(), "{:?}", frames(&d, &c));
}

#[test]
fn base_form_after_a_plural_subject_is_a_verb() {
    let (sp, content) = one(
        "Local residents claim the pier was never inspected.",
        "claim",
    );
    assert_eq!(sp.as_deref(), Some("Local residents"));
    assert_eq!(content, "the pier was never inspected");
}

#[test]
fn noun_form_after_an_apposition_is_a_verb() {
    let (sp, _) = one(
        "Ana Ruiz, the harbour master, calls the pier a hazard.",
        "calls",
    );
    assert!(
        sp.as_deref().is_some_and(|s| s.starts_with("Ana Ruiz")),
        "{sp:?}"
    );
}

#[test]
fn noun_form_before_an_object_pronoun_is_a_verb() {
    let (sp, _) = one("The harbour master calls them reckless.", "calls");
    assert_eq!(sp.as_deref(), Some("The harbour master"));
}

#[test]
fn noun_form_after_a_determiner_stays_a_noun() {
    let (d, c) = claims("The calls them reckless came late.", "en");
    assert!(
        frames(&d, &c).iter().all(|f| f.1 != "calls"),
        "{:?}",
        frames(&d, &c)
    );
}

#[test]
fn percentage_is_a_speaker() {
    let (sp, _) = one("Only 42% say the pier is unsafe.", "say");
    assert_eq!(sp.as_deref(), Some("42%"));
}

#[test]
fn place_adverb_between_speaker_and_cue() {
    let (sp, _) = one("Fishermen here say the pier is unsafe.", "say");
    assert_eq!(sp.as_deref(), Some("Fishermen"));
}

#[test]
fn reflexive_between_speaker_and_cue() {
    let (sp, _) = one("Okafor himself said the pier is unsafe.", "said");
    assert_eq!(sp.as_deref(), Some("Okafor"));
}

#[test]
fn named_occasion_between_cue_and_content() {
    let (sp, content) = one(
        "Okafor promised Sunday at a Harbour Trust meeting to rebuild the pier.",
        "promised",
    );
    assert_eq!(sp.as_deref(), Some("Okafor"));
    assert!(content.ends_with("to rebuild the pier"), "{content:?}");
}

#[test]
fn plans_to_be_is_a_verb() {
    let (sp, _) = one(
        "The harbour master plans to be back in Lagos on Monday.",
        "plans",
    );
    assert_eq!(sp.as_deref(), Some("The harbour master"));
}

#[test]
fn passive_subject_before_auxiliaries() {
    let (d, c) = claims(
        "The harbour plan has been criticized by the fishermen's union.",
        "en",
    );
    let f = frames(&d, &c);
    assert!(
        f.iter()
            .any(|x| x.0 == Some("the fishermen's union") && x.2 == "The harbour plan"),
        "{f:?}"
    );
}

#[test]
fn passive_agent_stops_before_a_preposition() {
    let (d, c) = claims(
        "The harbour plan was criticized by some of the fishermen for its cost.",
        "en",
    );
    let f = frames(&d, &c);
    assert!(
        f.iter().any(|x| x.0 == Some("some of the fishermen")),
        "{f:?}"
    );
}

#[test]
fn inverted_cue_before_a_group() {
    let (sp, content) = one("The pier was never safe, said several residents.", "said");
    assert_eq!(sp.as_deref(), Some("several residents"));
    assert_eq!(content, "The pier was never safe");
}

#[test]
fn partial_quote_stops_before_a_second_cue() {
    let (d, c) = claims(
        "She declared “What a day for the harbour!” and said that the pier would reopen.",
        "en",
    );
    let f = frames(&d, &c);
    assert!(
        f.iter()
            .any(|x| x.0 == Some("She") && x.1 == "said" && x.2 == "the pier would reopen"),
        "{f:?}"
    );
    assert!(f.iter().all(|x| !x.2.contains("said")), "{f:?}");
}

#[test]
fn cue_after_a_quoted_aside_takes_the_quote_speaker() {
    let (d, c) = claims(
        "Okafor, citing ''the cost of repairs,'' said the pier would close.",
        "en",
    );
    let f = frames(&d, &c);
    assert!(
        f.iter().any(|x| x.0 == Some("Okafor") && x.1 == "said"),
        "{f:?}"
    );
}

#[test]
fn noun_form_after_and_is_a_verb() {
    let (d, c) = claims(
        "He says he respects Ruiz and calls her a gifted engineer.",
        "en",
    );
    let f = frames(&d, &c);
    assert!(
        f.iter().any(|x| x.0 == Some("He") && x.1 == "calls"),
        "{f:?}"
    );
}

#[test]
fn cue_in_a_list_of_verb_phrases() {
    let (d, c) = claims(
        "He suggested the pier was unsafe, called the plan “reckless” and left the meeting.",
        "en",
    );
    let f = frames(&d, &c);
    assert!(
        f.iter().any(|x| x.0 == Some("He") && x.1 == "called"),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|x| x.1 == "suggested" && x.2 == "the pier was unsafe"),
        "{f:?}"
    );
}

#[test]
fn say_as_an_aside_is_no_cue() {
    let (d, c) = claims(
        "They hired a stranger to run the trust instead of, say, the harbour master.",
        "en",
    );
    assert!(
        frames(&d, &c).iter().all(|x| x.1 != "say"),
        "{:?}",
        frames(&d, &c)
    );
}

#[test]
fn one_word_quote_with_its_speaker() {
    let (d, c) = claims("“Unsafe,” Ruiz said.", "en");
    let f = frames(&d, &c);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, Some("Ruiz"));
    assert_eq!(f[0].2, "Unsafe,");
}

#[test]
fn one_word_scare_quote_is_no_claim() {
    let (d, c) = claims("The pier was called “unsafe” by nobody at all.", "en");
    assert!(
        frames(&d, &c).iter().all(|f| f.2 != "unsafe"),
        "{:?}",
        frames(&d, &c)
    );
}

#[test]
fn quote_without_a_comma_before_its_speaker() {
    let (d, c) = claims(
        "“The pier is a death trap and everyone knows it” Ruiz said.",
        "en",
    );
    let f = frames(&d, &c);
    assert!(
        f.iter().any(|x| x.0 == Some("Ruiz") && x.1 == "said"),
        "{f:?}"
    );
}

#[test]
fn verb_phrase_before_a_colon_introduces_a_quote() {
    let (d, c) = claims(
        "Ruiz went even further: “The pier is a death trap and everyone knows it.”",
        "en",
    );
    let f = frames(&d, &c);
    assert!(
        f.iter()
            .any(|x| x.0 == Some("Ruiz") && x.1 == "went even further:"),
        "{f:?}"
    );
}

#[test]
fn colon_after_a_copula_is_no_quote_intro() {
    let (d, c) = claims(
        "The mayor was blunt: “The pier is a death trap and everyone knows it.”",
        "en",
    );
    assert!(frames(&d, &c).is_empty(), "{:?}", frames(&d, &c));
}
