//! Examples written for this project (news-style English and German), plus invariants on arbitrary input.

use proptest::prelude::*;

use super::split_sentences;

fn sentences<'t>(text: &'t str, lang: &str) -> Vec<&'t str> {
    split_sentences(text, lang)
        .iter()
        .filter_map(|s| s.slice(text))
        .collect()
}

/// Every span fits the text, starts and ends on non-whitespace, and the spans are ordered and disjoint.
fn assert_well_formed(text: &str, lang: &str) {
    let spans = split_sentences(text, lang);
    let mut previous_end = 0;
    for span in &spans {
        assert!(span.fits(text), "span {span:?} does not fit {text:?}");
        assert!(span.start >= previous_end, "spans overlap in {text:?}");
        assert!(!span.is_empty(), "empty span in {text:?}");
        let slice = span.slice(text).unwrap_or_default();
        assert_eq!(
            slice,
            slice.trim(),
            "span {span:?} has surrounding whitespace in {text:?}"
        );
        previous_end = span.end;
    }
    let covered: String = spans.iter().filter_map(|s| s.slice(text)).collect();
    let non_space = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    assert_eq!(
        non_space(&covered),
        non_space(text),
        "some text fell outside every span: {text:?}"
    );
}

#[test]
fn english_news_paragraph() {
    let text = "The mayor of Springfield, Dr. Ana Ruiz, said on Tuesday that the bridge would reopen by 6 p.m. \
                Traffic had been diverted since Jan. 4. \"We are doing everything we can,\" she said. \
                The U.S. Department of Transportation paid $12.5 million for the repairs.";
    assert_eq!(
        sentences(text, "en"),
        [
            "The mayor of Springfield, Dr. Ana Ruiz, said on Tuesday that the bridge would reopen by 6 p.m.",
            "Traffic had been diverted since Jan. 4.",
            "\"We are doing everything we can,\" she said.",
            "The U.S. Department of Transportation paid $12.5 million for the repairs.",
        ]
    );
}

#[test]
fn english_initials_abbreviations_and_country_codes() {
    assert_eq!(
        sentences("Officials met Mary K. Olsen at noon.", "en"),
        ["Officials met Mary K. Olsen at noon."]
    );
    assert_eq!(
        sentences(
            "Exports to the U.K. fell. The E.U. said so, i.e. it agreed.",
            "en"
        ),
        [
            "Exports to the U.K. fell.",
            "The E.U. said so, i.e. it agreed."
        ]
    );
    assert_eq!(
        sentences(
            "Shares of Acme Corp. rose 3.5 percent. Analysts were surprised.",
            "en"
        ),
        [
            "Shares of Acme Corp. rose 3.5 percent.",
            "Analysts were surprised."
        ]
    );
}

#[test]
fn quotes_parentheses_and_question_runs() {
    assert_eq!(
        sentences(
            "\"Is it safe?\" asked one resident. Nobody answered!? Then the siren stopped.",
            "en"
        ),
        [
            "\"Is it safe?\" asked one resident.",
            "Nobody answered!?",
            "Then the siren stopped."
        ]
    );
    assert_eq!(
        sentences(
            "The council (which met twice. It voted once.) approved the plan.",
            "en"
        ),
        ["The council (which met twice. It voted once.) approved the plan."]
    );
}

#[test]
fn ellipses() {
    assert_eq!(
        sentences("We waited… Nothing happened.", "en"),
        ["We waited…", "Nothing happened."]
    );
    assert_eq!(
        sentences("It was, well... complicated.", "en"),
        ["It was, well... complicated."]
    );
}

#[test]
fn urls_and_emails_keep_their_periods() {
    assert_eq!(
        sentences(
            "Write to press@example.org. Details are at https://example.org/a.b.html. Thanks.",
            "en"
        ),
        [
            "Write to press@example.org.",
            "Details are at https://example.org/a.b.html.",
            "Thanks."
        ]
    );
}

#[test]
fn lists_on_one_line_and_by_line() {
    assert_eq!(
        sentences(
            "Demands: 1. Higher pay 2. Shorter shifts 3. Safer sites",
            "en"
        ),
        [
            "Demands:",
            "1. Higher pay",
            "2. Shorter shifts",
            "3. Safer sites"
        ]
    );
    assert_eq!(
        sentences("Bring:\n- water\n- a map", "en"),
        ["Bring:", "- water", "- a map"]
    );
    assert_eq!(
        sentences("• Roads closed • Schools open", "en"),
        ["• Roads closed", "• Schools open"]
    );
}

#[test]
fn line_breaks() {
    assert_eq!(
        sentences("Storm warning\n\nThe storm hit at dawn.", "en"),
        ["Storm warning", "The storm hit at dawn."]
    );
    assert_eq!(
        sentences("Headline here\nBody text follows.", "en"),
        ["Headline here", "Body text follows."]
    );
    // A wrapped line (trailing space, lower-case continuation) stays one sentence.
    assert_eq!(
        sentences("The river rose \nquickly overnight.", "en"),
        ["The river rose \nquickly overnight."]
    );
}

#[test]
fn german_abbreviations_numbers_and_dates() {
    let text = "Der Vorstand der Stadtwerke, u.a. Hr. Weber, tagte am 3. Oktober 2023 in Köln. \
                Die Kosten betrugen 1.000,50 Euro bzw. etwas mehr. Der 1. FC Köln gewann z. B. mit 2:0. \
                Das steht in Nr. 5 der Satzung usw. Danach folgte die Abstimmung.";
    assert_eq!(
        sentences(text, "de"),
        [
            "Der Vorstand der Stadtwerke, u.a. Hr. Weber, tagte am 3. Oktober 2023 in Köln.",
            "Die Kosten betrugen 1.000,50 Euro bzw. etwas mehr.",
            "Der 1. FC Köln gewann z. B. mit 2:0.",
            "Das steht in Nr. 5 der Satzung usw.",
            "Danach folgte die Abstimmung.",
        ]
    );
}

#[test]
fn german_quotes_and_number_at_sentence_end() {
    assert_eq!(
        sentences(
            "„Wir bleiben hier“, sagte Hrn. Müllers Anwalt. Der Umsatz stieg um 12. Das freut alle.",
            "de"
        ),
        [
            "„Wir bleiben hier“, sagte Hrn. Müllers Anwalt.",
            "Der Umsatz stieg um 12.",
            "Das freut alle."
        ]
    );
}

#[test]
fn unknown_language_uses_generic_rules() {
    assert_eq!(
        sentences("Mr. Smith left. He came back.", "xx"),
        ["Mr. Smith left.", "He came back."]
    );
}

#[test]
fn edge_inputs() {
    assert!(split_sentences("", "en").is_empty());
    assert!(split_sentences(" \n\t ", "de").is_empty());
    assert_eq!(sentences("  a  ", "en"), ["a"]);
    for text in [
        "...",
        ". . .",
        "(",
        "\"",
        "1.",
        "•",
        "?!",
        "a.\u{a0}B",
        "Ä. Ö. Ü.",
        "x\r\ny\rz",
        "．。",
    ] {
        assert_well_formed(text, "en");
        assert_well_formed(text, "de");
    }
}

/// Speed on English news-style text. Run with
/// `cargo test -p corroborate-core --release sentences::tests::speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn speed() {
    let paragraph = "The mayor of Springfield, Dr. Ana Ruiz, said on Tuesday that the bridge would reopen by 6 p.m. \
                     Traffic had been diverted since Jan. 4, and about 12,500 vehicles a day used the detour. \
                     \"We are doing everything we can,\" she said. The U.S. Department of Transportation paid \
                     $12.5 million for the repairs (the work began in 2021). Critics, e.g. the local chamber of \
                     commerce, asked why it took so long... Others were more patient!\n\n";
    let text = paragraph.repeat(20_000);
    let start = std::time::Instant::now();
    let mut count = 0;
    for _ in 0..3 {
        count += split_sentences(&text, "en").len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = 3.0 * text.len() as f64 / 1e6;
    println!(
        "{count} sentences, {mb:.1} MB in {secs:.3} s = {:.1} MB/s",
        mb / secs
    );
}

proptest! {
    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}", lang in "(en|de|fr|)") {
        assert_well_formed(&text, &lang);
    }

    #[test]
    fn punctuation_heavy_input_is_well_formed(text in "[a-zA-Z0-9 .?!…\"'„“”‘’()\\[\\]\n•-]{0,120}") {
        assert_well_formed(&text, "en");
        assert_well_formed(&text, "de");
    }
}
