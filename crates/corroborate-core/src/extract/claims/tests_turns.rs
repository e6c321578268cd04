//! Tests for voices set out one after another: quotes signed with a dash in a list of residents' views, a quote
//! opened with a right mark, and the turns of an interview transcript.

use super::tests::{claims, frames};
use crate::model::ClaimMode;

#[test]
fn list_of_signed_quotes_keeps_each_voice_apart() {
    // One quote per line, each signed with a horizontal bar; the lines end without a full stop.
    let text = "“The police came at dawn. Nobody warned us.” ― Amina Diallo \n\
                “They took our tents and our papers.”― Tomas Berger \n\
                “I want to go home.” ― Lena Okafor";
    let (d, c) = claims(text, "en");
    assert_eq!(
        frames(&d, &c),
        vec![
            (
                Some("Amina Diallo"),
                "―",
                "The police came at dawn. Nobody warned us."
            ),
            (
                Some("Tomas Berger"),
                "―",
                "They took our tents and our papers."
            ),
            (Some("Lena Okafor"), "―", "I want to go home."),
        ]
    );
    assert!(
        c.iter()
            .all(|c| c.cue.as_deref() == Some("say") || c.mode == ClaimMode::Narration)
    );
}

#[test]
fn double_hyphen_signs_a_quote_too() {
    let (d, c) = claims("“We will rebuild the school.” -- Mayor Ines Varga", "en");
    assert_eq!(
        frames(&d, &c),
        vec![(
            Some("Mayor Ines Varga"),
            "--",
            "We will rebuild the school."
        )]
    );
}

#[test]
fn quote_opened_with_a_right_mark() {
    let text =
        "”Fear. I am afraid the camp will be cleared.” ― Rosa Almeida\n\nThe hearing is on Monday.";
    let (d, c) = claims(text, "en");
    assert_eq!(
        frames(&d, &c),
        vec![(
            Some("Rosa Almeida"),
            "―",
            "Fear. I am afraid the camp will be cleared."
        )]
    );
}

#[test]
fn middle_attribution_still_joins_halves_after_a_comma() {
    let (d, c) = claims(
        "“We stayed,” Ruiz said, “because the road was closed.”",
        "en",
    );
    let f = frames(&d, &c);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, Some("Ruiz"));
    assert!(
        c[0].text.contains("because the road was closed"),
        "{}",
        c[0].text
    );
}

#[test]
fn transcript_turns_are_the_speakers_words() {
    let text = "Partial transcript as follows:\n\n\
                \"HOST: Let us start with the camp. Were the residents warned?\n\n\
                \"MINISTER ORTIZ: They were warned twice. The officers never touched anyone.\n\n\
                \"HOST: Then why were three people taken to hospital?";
    let (d, c) = claims(text, "en");
    let f = frames(&d, &c);
    assert_eq!(
        f,
        vec![
            (
                Some("HOST"),
                ":",
                "Let us start with the camp. Were the residents warned?"
            ),
            (
                Some("MINISTER ORTIZ"),
                ":",
                "They were warned twice. The officers never touched anyone"
            ),
            (
                Some("HOST"),
                ":",
                "Then why were three people taken to hospital?"
            ),
        ]
    );
    assert!(c.iter().all(|c| c.mode == ClaimMode::Direct));
}

#[test]
fn one_capitalised_label_is_no_transcript() {
    // A dateline or a heading in capitals, once, names no speaker.
    let (d, c) = claims(
        "KABUL: Police cleared the camp on Tuesday, residents said.\n\nThe ministry did not comment.",
        "en",
    );
    let f = frames(&d, &c);
    assert!(f.iter().all(|(s, _, _)| *s != Some("KABUL")), "{f:?}");
}

#[test]
fn labels_from_the_label_table_are_no_speakers() {
    let text = "UPDATE: The camp was cleared.\n\nBREAKING: Two people were hurt.";
    let (d, c) = claims(text, "en");
    let f = frames(&d, &c);
    assert!(f.iter().all(|(_, cue, _)| *cue != ":"), "{f:?}");
}

#[test]
fn speaker_with_a_long_apposition_after_the_quote() {
    let text = "“Hiring slowed in every region,” Marta Lindqvist, an economic adviser to the unions and former \
                director of the national statistics office, wrote after the report.";
    let (d, c) = claims(text, "en");
    let f = frames(&d, &c);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].0
            .is_some_and(|s| s.starts_with("Marta Lindqvist, an economic adviser")),
        "{f:?}"
    );
    assert_eq!(f[0].1, "wrote");
}
