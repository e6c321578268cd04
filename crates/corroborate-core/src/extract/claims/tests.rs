//! English tests on texts written for them: one per pattern, plus invariants over arbitrary input.

use super::find_claims;
use crate::model::{
    ClaimMention, ClaimMode, Document, EntityKind, EntityMention, Polarity, Span, Stance,
};
use crate::text::sentences::split_sentences;

pub fn doc(text: &str, lang: &str) -> Document {
    let mut d = Document::from_text("d1", "test", text, lang);
    d.layers.sentences = split_sentences(text, lang);
    d
}

pub fn claims(text: &str, lang: &str) -> (Document, Vec<ClaimMention>) {
    let d = doc(text, lang);
    let c = find_claims(&d, lang);
    (d, c)
}

pub fn speaker<'a>(d: &'a Document, c: &ClaimMention) -> Option<&'a str> {
    c.speaker_span.and_then(|s| s.slice(&d.text))
}

/// (speaker, cue span text, content text) of every claim that is not narration.
pub fn frames<'a>(
    d: &'a Document,
    c: &'a [ClaimMention],
) -> Vec<(Option<&'a str>, &'a str, &'a str)> {
    c.iter()
        .filter(|c| c.mode != ClaimMode::Narration)
        .map(|c| {
            (
                speaker(d, c),
                c.cue_span.and_then(|s| s.slice(&d.text)).unwrap_or(""),
                c.content.slice(&d.text).unwrap_or(""),
            )
        })
        .collect()
}

/// The first claim that is not narration.
pub fn attributed(c: &[ClaimMention]) -> &ClaimMention {
    c.iter()
        .find(|c| c.mode != ClaimMode::Narration)
        .unwrap_or_else(|| panic!("no attributed claim in {c:#?}"))
}

#[test]
fn quote_then_speaker_after() {
    let (d, c) = claims(
        "“The camp was peaceful,” said the regional police chief, Ana Ruiz.",
        "en",
    );
    let c = attributed(&c);
    assert_eq!(c.mode, ClaimMode::Direct);
    assert_eq!(c.text, "The camp was peaceful");
    assert_eq!(speaker(&d, c), Some("the regional police chief, Ana Ruiz"));
    assert_eq!(c.cue.as_deref(), Some("say"));
}

#[test]
fn quote_then_pronoun_said() {
    let (d, c) = claims(
        "\"We will rebuild the camp,\" she said. The rain continued all night.",
        "en",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("she"));
    assert_eq!(a.text, "We will rebuild the camp");
    assert!(
        c.iter()
            .any(|c| c.mode == ClaimMode::Narration && c.text.starts_with("The rain"))
    );
}

#[test]
fn speaker_before_with_colon_and_in_the_middle() {
    let (d, c) = claims("The mayor said: «Nobody will be evicted.»", "en");
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("The mayor"));
    assert_eq!(a.polarity, Polarity::Denies);
    assert_eq!(a.text, "Anybody will be evicted.");

    let (d, c) = claims(
        "“We were asleep,” Samir Okonjo said, “when the first trucks arrived.”",
        "en",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Samir Okonjo"));
    assert_eq!(a.text, "We were asleep when the first trucks arrived.");
    assert_eq!(c.iter().filter(|c| c.mode == ClaimMode::Direct).count(), 1);
}

#[test]
fn a_quote_sentence_after_an_attributed_quote_goes_on_with_it() {
    let (d, c) = claims(
        "“We never touched anyone,” the minister said. “Our officers acted lawfully and we will prove it.”\n\nThe camp was cleared on Friday.",
        "en",
    );
    let direct: Vec<_> = c.iter().filter(|c| c.mode == ClaimMode::Direct).collect();
    assert_eq!(direct.len(), 1, "{c:#?}");
    assert_eq!(speaker(&d, direct[0]), Some("the minister"));
    assert_eq!(
        direct[0].text,
        "We never touched anyone. Our officers acted lawfully and we will prove it."
    );
    assert!(
        !c.iter()
            .any(|c| c.mode == ClaimMode::Narration && c.text.contains("lawfully"))
    );

    // A quote with its own speaker, or one that does not fill its sentence, stays apart.
    let (d, c) = claims(
        "“We never touched anyone,” the minister said. “The camp was violent,” a resident said.",
        "en",
    );
    let f = frames(&d, &c);
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[1].0, Some("a resident"));
    let (_, c) = claims(
        "“We never touched anyone,” the minister said. “Lawful” is how the union described it too.",
        "en",
    );
    assert!(
        !c.iter()
            .any(|c| c.mode == ClaimMode::Direct && c.text.contains("Lawful"))
    );
}

#[test]
fn name_colon_and_dash_attribution() {
    let (d, c) = claims("Ruiz: “The operation was lawful.”", "en");
    assert_eq!(speaker(&d, attributed(&c)), Some("Ruiz"));
    let (d, c) = claims("“The land is ours and we stay.” — Bashir Okonjo", "en");
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("Bashir Okonjo"));
    assert_eq!(a.cue.as_deref(), Some("say"));
    assert_eq!(a.cue_span.and_then(|s| s.slice(&d.text)), Some("—"));
}

#[test]
fn quote_over_several_paragraphs() {
    let text = "The spokesman said:\n\n“First paragraph of the statement.\n\n“Second paragraph of it.\n\n“Third and last paragraph.”\n\nThe weather was calm that day.";
    let (d, c) = claims(text, "en");
    let direct: Vec<_> = c.iter().filter(|c| c.mode == ClaimMode::Direct).collect();
    assert_eq!(direct.len(), 1, "{c:#?}");
    assert_eq!(speaker(&d, direct[0]), Some("The spokesman"));
    assert!(
        direct[0].text.contains("Second paragraph") && direct[0].text.contains("Third and last")
    );
    assert!(!direct[0].text.contains('“'));
    assert!(c.iter().any(|c| c.text.starts_with("The weather")));
}

#[test]
fn unclosed_quote_is_bounded_by_its_paragraph() {
    let text = "“This quote never closes, said nobody.\n\nPolice said that the road was closed.\n\n“Another quote,” said the mayor.";
    let (d, c) = claims(text, "en");
    let road = c
        .iter()
        .find(|c| c.text.contains("road was closed"))
        .expect("reported claim survives");
    assert_eq!(road.mode, ClaimMode::Indirect);
    assert_eq!(speaker(&d, road), Some("Police"));
    let mayor = c
        .iter()
        .find(|c| c.text == "Another quote")
        .expect("later quote survives");
    assert_eq!(speaker(&d, mayor), Some("the mayor"));
}

#[test]
fn reported_speech_patterns() {
    let (d, c) = claims("The minister said that the officers acted lawfully.", "en");
    let a = attributed(&c);
    assert_eq!(
        (a.mode, a.cue.as_deref()),
        (ClaimMode::Indirect, Some("say"))
    );
    assert_eq!(speaker(&d, a), Some("The minister"));
    assert_eq!(a.text, "the officers acted lawfully");

    let (d, c) = claims("According to the police, 600 officers took part.", "en");
    let a = attributed(&c);
    assert_eq!(a.cue.as_deref(), Some("according to"));
    assert_eq!(speaker(&d, a), Some("the police"));
    assert_eq!(a.text, "600 officers took part");

    let (d, c) = claims(
        "Two residents were killed, the movement said in a statement.",
        "en",
    );
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("the movement"));
    assert_eq!(a.via_text.as_deref(), Some("a statement"));
    assert_eq!(a.text, "Two residents were killed");

    let (_, c) = claims("It was reported that the camp was cleared.", "en");
    let a = attributed(&c);
    assert_eq!(a.speaker_span, None);
    assert_eq!(a.cue.as_deref(), Some("report"));

    // A prepositional phrase of any words between the cue and "that".
    let (d, c) = claims(
        "The minister declared on national television that the camp was cleared.",
        "en",
    );
    assert_eq!(
        frames(&d, &c),
        [(Some("The minister"), "declared", "the camp was cleared")]
    );
    // After ", and" a clause takes the sentence's subject, which follows an opening prepositional phrase.
    let (d, c) = claims(
        "At a rally in Port Ellis, Mara Quill criticized the raid, and explained that residents had been asleep.",
        "en",
    );
    let f = frames(&d, &c);
    assert!(
        f.iter()
            .any(|x| x.0 == Some("Mara Quill") && x.1 == "explained"),
        "{f:?}"
    );
    // A claim noun's clause as the subject of a passive cue: the content is the whole noun phrase.
    let (d, c) = claims(
        "The ministry's statement that officers acted lawfully was rejected by the Residents' Union.",
        "en",
    );
    assert_eq!(
        frames(&d, &c),
        [(
            Some("the Residents' Union"),
            "rejected",
            "The ministry's statement that officers acted lawfully"
        )]
    );
    // A noun form right after a verb-only cue is its object: one denial, no second claim by "Police denied";
    // what is denied is the clause of that claim noun.
    let (d, c) = claims("Police denied reports that two residents had died.", "en");
    assert_eq!(
        frames(&d, &c),
        [(Some("Police"), "denied", "two residents had died")]
    );
    assert_eq!(attributed(&c).polarity, Polarity::Denies);
    // A quantifier before a form that is also a noun is its subject, unless the form is plural or the
    // quantifier takes a singular noun.
    let (d, c) = claims("Many fear the camp will be cleared again.", "en");
    assert_eq!(
        frames(&d, &c),
        [(Some("Many"), "fear", "the camp will be cleared again")]
    );
    let (d, c) = claims("Many fears remain about the camp.", "en");
    assert!(frames(&d, &c).is_empty());
    let (d, c) = claims("Each report was checked by the editors.", "en");
    assert!(frames(&d, &c).is_empty());
    // A nested passive cue ends the content before its auxiliary.
    let (d, c) = claims(
        "The allegation by residents that officers beat them was rejected by the ministry.",
        "en",
    );
    let f = frames(&d, &c);
    assert!(
        f.iter()
            .any(|x| x.0 == Some("residents") && x.2 == "officers beat them"),
        "{f:?}"
    );
    // A clause opened by a conjunction right after "that" is inside the reported clause.
    let (d, c) = claims(
        "Residents argue that, while the camp was cleared, nobody was rehoused.",
        "en",
    );
    assert_eq!(
        frames(&d, &c),
        [(
            Some("Residents"),
            "argue",
            "while the camp was cleared, nobody was rehoused"
        )]
    );
}

#[test]
fn cue_stances_and_polarity() {
    let (d, c) = claims("The ministry denied that anyone was harmed.", "en");
    let a = attributed(&c);
    assert_eq!(a.polarity, Polarity::Denies);
    assert_eq!(a.text, "anyone was harmed");
    assert_eq!(a.stance, Some(crate::model::Stance::Negative));
    assert_eq!(speaker(&d, a), Some("The ministry"));

    let (_, c) = claims(
        "The ministry refused to acknowledge that protesters were injured.",
        "en",
    );
    let a = attributed(&c);
    assert_eq!(
        (a.cue.as_deref(), a.polarity),
        (Some("refuse"), Polarity::Denies)
    );

    let (_, c) = claims(
        "The minister insisted that officers never touched anyone.",
        "en",
    );
    let a = attributed(&c);
    assert_eq!(a.polarity, Polarity::Denies);
    assert_eq!(a.text, "officers touched anyone");

    let (_, c) = claims("The police admitted that tear gas was used.", "en");
    assert_eq!(
        attributed(&c).stance,
        Some(crate::model::Stance::Concessive)
    );
    let (_, c) = claims(
        "The movement called for an independent investigation.",
        "en",
    );
    assert_eq!(attributed(&c).cue.as_deref(), Some("call for"));
    let (_, c) = claims("Residents accused the police of brutality.", "en");
    assert_eq!(
        attributed(&c).stance,
        Some(crate::model::Stance::Evaluative)
    );
}

#[test]
fn narration_denial_is_rewritten() {
    let (_, c) = claims(
        "Not a single officer was injured during the operation.",
        "en",
    );
    assert_eq!(c[0].mode, ClaimMode::Narration);
    assert_eq!(c[0].polarity, Polarity::Denies);
    assert_eq!(
        c[0].text,
        "A single officer was injured during the operation"
    );
    let (_, c) = claims("No one was arrested on Tuesday.", "en");
    assert_eq!(c[0].text, "Anyone was arrested on Tuesday");
}

#[test]
fn hedges() {
    let (_, c) = claims("Officers allegedly beat the residents with batons.", "en");
    assert!(c[0].hedged);
    let (_, c) = claims(
        "The police chief is said to have ordered the clearance.",
        "en",
    );
    assert!(c[0].hedged);
    let (_, c) = claims("The movement claimed that 40 people were injured.", "en");
    assert!(attributed(&c).hedged);
    let (_, c) = claims("The police said that 40 people were injured.", "en");
    assert!(!attributed(&c).hedged);
}

#[test]
fn appearance_verbs_hedge_the_outlet_s_own_voice() {
    let hedge = |text: &str, lang: &str| {
        let (d, c) = claims(text, lang);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].mode, ClaimMode::Narration);
        let span = c[0]
            .hedge_span
            .and_then(|s| s.slice(&d.text).map(str::to_string));
        (c[0].hedged, span)
    };
    assert_eq!(
        hedge("The governor appeared to end his campaign on Friday.", "en"),
        (true, Some("appeared to".into()))
    );
    assert_eq!(
        hedge("It seems that the ferry line will close in May.", "en"),
        (true, Some("seems".into()))
    );
    assert_eq!(
        hedge("The harbour district seemed calm after the storm.", "en"),
        (true, Some("seemed".into()))
    );
    // "appear" without "to" or "it" is coming into view or onto a list, not an impression.
    assert_eq!(
        hedge(
            "The governor appeared on television on Friday evening.",
            "en"
        ),
        (false, None)
    );
    assert_eq!(
        hedge(
            "Der Plan scheint am Widerstand der Anwohner gescheitert.",
            "de"
        ),
        (true, Some("scheint".into()))
    );
    assert_eq!(
        hedge("Der Plan ist am Widerstand der Anwohner gescheitert.", "de"),
        (false, None)
    );
}

#[test]
fn skips_headings_and_questions() {
    let (_, c) = claims(
        "# Massacre at Kestrel Meadow\n\nWho gave the order?\n\nThe camp was cleared at dawn.",
        "en",
    );
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(c[0].text.starts_with("The camp"));
}

#[test]
fn joint_speakers_and_mention_linking() {
    let text = "Amnesty International and Human Rights Watch condemned the raid.";
    let mut d = doc(text, "en");
    let m = |s: &str, kind| {
        let start = text.find(s).unwrap_or(0);
        EntityMention {
            span: Span::new(start, start + s.len()),
            kind,
            roles: Vec::new(),
            refers_to: None,
            acronym: None,
        }
    };
    d.layers.mentions = vec![
        m("Amnesty International", EntityKind::Organization),
        m("Human Rights Watch", EntityKind::Organization),
    ];
    let c = find_claims(&d, "en");
    let a = attributed(&c);
    assert_eq!(
        speaker(&d, a),
        Some("Amnesty International and Human Rights Watch")
    );
    assert_eq!(a.speaker_mention, Some(0));
    assert_eq!(a.co_speaker_mentions, vec![1]);
    assert_eq!(a.cue.as_deref(), Some("condemn"));
}

#[test]
fn pronoun_speaker_follows_refers_to() {
    let text = "Ana Ruiz arrived at noon. She said that the camp was empty.";
    let mut d = doc(text, "en");
    d.layers.mentions = vec![
        EntityMention {
            span: Span::new(0, 8),
            kind: EntityKind::Person,
            roles: Vec::new(),
            refers_to: None,
            acronym: None,
        },
        EntityMention {
            span: Span::new(26, 29),
            kind: EntityKind::Person,
            roles: Vec::new(),
            refers_to: Some(0),
            acronym: None,
        },
    ];
    let c = find_claims(&d, "en");
    let a = attributed(&c);
    assert_eq!(speaker(&d, a), Some("She"));
    assert_eq!(a.speaker_mention, Some(0));

    // The apposition's name is the head that links.
    let text = "“It was calm,” said the regional police chief, Ana Ruiz.";
    let mut d = doc(text, "en");
    let start = text.find("Ana Ruiz").unwrap_or(0);
    d.layers.mentions = vec![EntityMention {
        span: Span::new(start, start + 8),
        kind: EntityKind::Person,
        roles: vec!["regional police chief".into()],
        refers_to: None,
        acronym: None,
    }];
    assert_eq!(attributed(&find_claims(&d, "en")).speaker_mention, Some(0));

    // A relative "who" is written as the speaker but links through the name before it.
    for text in [
        "The camp's founder Idris Halloran, who said the land was taken, has left.",
        "It was Idris Halloran who said the land was taken.",
    ] {
        let mut d = doc(text, "en");
        let start = text.find("Idris Halloran").unwrap_or(0);
        d.layers.mentions = vec![EntityMention {
            span: Span::new(start, start + 14),
            kind: EntityKind::Person,
            roles: Vec::new(),
            refers_to: None,
            acronym: None,
        }];
        let c = find_claims(&d, "en");
        let a = attributed(&c);
        assert_eq!(speaker(&d, a), Some("who"), "{text}");
        assert_eq!(a.speaker_mention, Some(0), "{text}");
        assert_eq!(a.text, "the land was taken", "{text}");
    }
}

#[test]
fn example_story_press_release_block() {
    let text = "Massacre at Kestrel Meadow\n\nThe Movement for Land and Dignity (Harakat al-Ard wal-Karama, MLD) issued a press release on Tuesday evening, which we publish in full:\n\n\"This morning more than 600 police officers attacked the peaceful families of Kestrel Meadow. Two of our residents were killed: Bashir Okonjo, 67, and his nephew Samir Okonjo, 24. Dozens of people were injured by batons, tear gas and water cannon.\n\n\"The regime's brutal thugs beat women and children and destroyed everything we had built. The minister lies when he says nobody was touched.\n\n\"We call on the United Nations to open an independent investigation and on all people of conscience to stand with Kestrel Meadow.\"\n\nSecretariat of the Movement for Land and Dignity\n\nFree Voice has reported on the cruel land grab at Kestrel Meadow since the camp was founded in April.";
    let (d, c) = claims(text, "en");
    let block: Vec<_> = c
        .iter()
        .filter(|c| c.mode == ClaimMode::Direct && c.via_text.as_deref() == Some("a press release"))
        .collect();
    assert!(block.len() >= 6, "{c:#?}");
    for b in &block {
        assert_eq!(
            speaker(&d, b),
            Some("The Movement for Land and Dignity (Harakat al-Ard wal-Karama, MLD)")
        );
        assert_eq!(b.cue.as_deref(), Some("issue"));
    }
    assert!(
        block
            .iter()
            .any(|b| b.text.starts_with("This morning more than 600"))
    );
    let minister = c
        .iter()
        .find(|c| c.mode == ClaimMode::Indirect && c.text == "anybody was touched")
        .expect("the minister's words inside the statement");
    assert_eq!(speaker(&d, minister), Some("he"));
    assert_eq!(minister.polarity, Polarity::Denies);
    assert!(minister.via_text.is_some());
    // "We call on …" is the statement's own voice: the movement's directive, through its press release.
    let call = c
        .iter()
        .find(|c| c.mode == ClaimMode::Indirect && c.cue.as_deref() == Some("call on"))
        .expect("the movement's call inside the statement");
    assert_eq!(
        speaker(&d, call),
        Some("The Movement for Land and Dignity (Harakat al-Ard wal-Karama, MLD)")
    );
    assert_eq!(call.via_text.as_deref(), Some("a press release"));
    assert_eq!(call.stance, Some(Stance::Directive));
    // The signature is not a claim; the outlet's own last sentence is narration.
    assert!(!c.iter().any(|c| c.text.starts_with("Secretariat")));
    let last = c.last().expect("claims");
    assert_eq!(last.mode, ClaimMode::Narration);
    assert!(last.text.starts_with("Free Voice has reported"));
}

#[test]
fn spans_lie_on_char_boundaries() {
    let text = "„Wir bleiben hier“, sagte die Sprecherin. «C'est fini», a dit le préfet. “Ünïcødé ✓ quote,” said Zoë Ärger. Nobody was hurt 😀.";
    for lang in ["en", "de", "fr"] {
        let mut d = doc(text, lang);
        d.layers.claims = find_claims(&d, lang);
        assert_eq!(d.bad_span(), None);
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,300}") {
            for lang in ["en", "de"] {
                let mut d = doc(&s, lang);
                d.layers.claims = find_claims(&d, lang);
                prop_assert_eq!(d.bad_span(), None);
            }
        }

        #[test]
        fn quote_heavy_text_never_panics(s in "[a-zA-Zä \"“”„«»‹›‘’‚,.:\\n—―-]{0,200}") {
            let mut d = doc(&s, "en");
            d.layers.claims = find_claims(&d, "en");
            prop_assert_eq!(d.bad_span(), None);
        }
    }
}
