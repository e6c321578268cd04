//! German tests on texts written for them.

use super::tests::{attributed, claims, speaker};
use crate::model::{ClaimMode, Polarity};

#[test]
fn german_quote_styles() {
    let (d, c) = claims(
        "„Wir bleiben hier“, sagte die Sprecherin der Bewegung.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(a.mode, ClaimMode::Direct);
    assert_eq!(a.text, "Wir bleiben hier");
    assert_eq!(speaker(&d, a), Some("die Sprecherin der Bewegung"));
    assert_eq!(a.cue.as_deref(), Some("sagen"));

    let (d, c) = claims("Der Minister erklärte: »Niemand wurde verletzt.«", "de");
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Der Minister"));
    assert_eq!(a.polarity, Polarity::Denies);
    assert_eq!(a.text, "Jemand wurde verletzt.");
}

#[test]
fn german_reported_speech() {
    let (d, c) = claims(
        "Die Polizei habe niemanden angegriffen, sagte der Innenminister.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(a.mode, ClaimMode::Indirect);
    assert_eq!(speaker(&d, a), Some("der Innenminister"));
    assert_eq!(a.polarity, Polarity::Denies);
    assert_eq!(a.text, "Die Polizei habe jemanden angegriffen");
    // Konjunktiv I is the normal reported-speech mood, not a hedge.
    assert!(!a.hedged);

    let (d, c) = claims("Laut der Polizei wurden 20 Menschen verletzt.", "de");
    let a = attributed(&c);
    assert_eq!(a.cue.as_deref(), Some("laut"));
    assert_eq!(speaker(&d, a), Some("der Polizei"));
    assert_eq!(a.text, "wurden 20 Menschen verletzt");

    let (_, c) = claims("Die Bewegung bestritt, dass Steine geworfen wurden.", "de");
    let a = attributed(&c);
    assert_eq!(
        (a.cue.as_deref(), a.polarity),
        (Some("bestreiten"), Polarity::Denies)
    );
    assert_eq!(a.text, "Steine geworfen wurden");

    let (d, c) = claims(
        "Am Dienstag sagte der Bürgermeister, das Lager sei geräumt worden.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("der Bürgermeister"));
    assert_eq!(a.text, "das Lager sei geräumt worden");
}

#[test]
fn german_capitalised_noun_that_spells_a_stop_word_stays_in_the_speaker() {
    // "Würde" (dignity) is spelled like "würde" (would), a word that ends a speaker phrase.
    let (d, c) = claims(
        "Die Bewegung für Land und Würde (MLD) erklärte, zwei Bewohner seien getötet worden.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(
        speaker(&d, a),
        Some("Die Bewegung für Land und Würde (MLD)")
    );
    assert_eq!(a.text, "zwei Bewohner seien getötet worden");
}

#[test]
fn german_hedges() {
    let (_, c) = claims(
        "Die Beamten sollen mit Schlagstöcken geprügelt haben.",
        "de",
    );
    assert!(c[0].hedged);
    let (_, c) = claims("Angeblich wurden zwei Bewohner getötet.", "de");
    assert!(c[0].hedged);
    let (_, c) = claims("Zwei Bewohner wurden am Morgen getötet.", "de");
    assert!(!c[0].hedged);
}

#[test]
fn german_colon_headline() {
    let (d, c) = claims("Merkel: Die Rente bleibt sicher.", "de");
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Merkel"));
    assert_eq!(a.cue_span.and_then(|s| s.slice(&d.text)), Some(":"));
    assert_eq!(a.content.slice(&d.text), Some("Die Rente bleibt sicher"));
    // A label or a common noun before the colon is no source.
    for text in [
        "Ergebnis: Die Wahl war sehr knapp.",
        "Update: Die Sitzung wurde vertagt.",
        "Berlin: Die Polizei löste die Kundgebung am Morgen auf.",
    ] {
        let (_, c) = claims(text, "de");
        assert!(
            c.iter().all(|c| c.mode == ClaimMode::Narration),
            "{text}: {c:#?}"
        );
    }
}

#[test]
fn german_quote_only_cue() {
    let (d, c) = claims("„Das war knapp“, scherzte der Minister.", "de");
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("der Minister"));
    assert_eq!(a.cue.as_deref(), Some("scherzen"));
    let (_, c) = claims(
        "Der Minister scherzte mit den Kollegen über das Wetter.",
        "de",
    );
    assert!(c.iter().all(|c| c.mode == ClaimMode::Narration), "{c:#?}");
}

#[test]
fn german_nominal_cue() {
    let (d, c) = claims("Ihre Kritik an der Regierung wurde lauter.", "de");
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Ihre"));
    assert_eq!(a.cue.as_deref(), Some("kritik"));
    assert_eq!(a.content.slice(&d.text), Some("der Regierung"));
    let (d, c) = claims(
        "Seine Behauptung, dass die Wahl gefälscht war, ist falsch.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Seine"));
    assert_eq!(a.content.slice(&d.text), Some("die Wahl gefälscht war"));
}

#[test]
fn german_quantifier_speaker_and_belief_cue() {
    let (d, c) = claims("Viele glauben, dass die Reform scheitert.", "de");
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Viele"));
    assert_eq!(a.cue.as_deref(), Some("glauben"));
    assert_eq!(a.content.slice(&d.text), Some("die Reform scheitert"));
}

#[test]
fn separable_cue_content_starts_after_dass() {
    let (d, c) = claims(
        "Die Polizeichefin räumte dagegen ein, dass Wasserwerfer eingesetzt worden seien.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Die Polizeichefin"));
    assert_eq!(a.text, "Wasserwerfer eingesetzt worden seien");
}

#[test]
fn separable_cue_needs_its_particle() {
    // "räumte … ein" (admitted) is a cue; "räumte das Lager" (cleared the camp) is none.
    let (d, c) = claims(
        "Der Bürgermeister räumte am Dienstag ein, dass die Warnung zu spät kam.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Der Bürgermeister"));
    assert_eq!(a.cue.as_deref(), Some("einräumen"));
    assert_eq!(a.mode, ClaimMode::Indirect);
    assert_eq!(a.polarity, Polarity::Affirms);
    assert_eq!(a.text, "die Warnung zu spät kam");

    let (_, c) = claims(
        "Die Polizei räumte das Lager am Morgen, die Bewohner mussten gehen.",
        "de",
    );
    assert!(
        c.iter().all(|c| c.cue.as_deref() != Some("einräumen")),
        "{c:#?}"
    );

    // The same for other separable cues whose finite form alone is another verb.
    let (d, c) = claims(
        "Die Sprecherin wies am Abend zurück, dass die Polizei Gas eingesetzt habe.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Die Sprecherin"));
    assert_eq!(a.cue.as_deref(), Some("zurückweisen"));
    assert_eq!(a.polarity, Polarity::Denies);
    assert_eq!(a.text, "die Polizei Gas eingesetzt habe");
    let (_, c) = claims(
        "Der Wind warf das Zelt um, der Regen hörte nicht auf.",
        "de",
    );
    assert!(
        c.iter().all(|c| c.cue.as_deref() != Some("vorwerfen")),
        "{c:#?}"
    );
}

/// (speaker, cue, content) of every attributed claim of German `text`.
fn german_frames(text: &str) -> Vec<(String, String, String)> {
    let (d, c) = claims(text, "de");
    super::tests::frames(&d, &c)
        .into_iter()
        .map(|(s, cue, content)| {
            (
                s.unwrap_or("-").to_string(),
                cue.to_string(),
                content.to_string(),
            )
        })
        .collect()
}

#[test]
fn verb_second_subject_after_a_fronted_adverbial() {
    let got =
        german_frames("In einer Mitteilung erklärte die Bewegung, zwei Menschen seien gestorben.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "die Bewegung");
    assert_eq!(got[0].2, "zwei Menschen seien gestorben");
    let got =
        german_frames("Gegenüber Reportern betonte der Sprecher, dass niemand verletzt wurde.");
    assert_eq!(got[0].0, "der Sprecher");
    // The separable particle closing the clause is no part of the subject, before a "dass" or at the end.
    let got = german_frames("Dabei teilte die Polizei mit, dass 500 Beamte im Einsatz waren.");
    assert_eq!(
        got,
        [(
            "die Polizei".to_string(),
            "teilte".to_string(),
            "500 Beamte im Einsatz waren".to_string()
        )]
    );
    let got = german_frames("Niemand wurde festgenommen, teilte das Ministerium mit.");
    assert_eq!(got[0].0, "das Ministerium");
    // Without an adverbial in front, the phrase before the verb stays the subject.
    let got = german_frames("Die Bewegung erklärte am Samstag, zwei Menschen seien gestorben.");
    assert_eq!(got[0].0, "Die Bewegung");
}

#[test]
fn refusing_is_a_denial() {
    let (d, c) = claims(
        "Der Minister weigerte sich anzuerkennen, dass die Beamten Gewalt angewendet hatten.",
        "de",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Der Minister"));
    assert_eq!(a.polarity, Polarity::Denies);
}

#[test]
fn german_inverts_every_cue_after_its_clause() {
    let got = german_frames("Die Beamten hätten Schlagstöcke eingesetzt, behauptete die Gruppe.");
    assert_eq!(
        got,
        [(
            "die Gruppe".to_string(),
            "behauptete".to_string(),
            "Die Beamten hätten Schlagstöcke eingesetzt".to_string()
        )]
    );
    // A separable verb joined in a subordinate clause: "wie X mitteilte".
    let got = german_frames("Wie die Polizei mitteilte, wurden 20 Menschen festgenommen.");
    assert_eq!(got[0].0, "die Polizei");
    assert_eq!(got[0].1, "mitteilte");
    // "Nach Darstellung X" names a source like "laut X".
    let got = german_frames("Nach Darstellung der Bewegung starben zwei Bewohner.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.contains("Bewegung"), "{got:?}");
}
