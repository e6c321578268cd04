//! News sentences in English and German, the weekday conventions around the anchor, and robustness.

use super::{find_dates, resolve_against};
use crate::model::{DateAnchor, DateMention};
use proptest::prelude::*;

/// Wednesday.
const PUB: &str = "2023-06-21";

fn one(text: &str, lang: &str, published: Option<&str>) -> DateMention {
    let found = find_dates(text, lang, published);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    found.into_iter().next().expect("one mention")
}

/// The text, value and end of the only mention.
fn check(
    text: &str,
    lang: &str,
    published: Option<&str>,
    span: &str,
    value: Option<&str>,
    end: Option<&str>,
) {
    let m = one(text, lang, published);
    assert_eq!(m.span.slice(text), Some(span), "{text:?}");
    assert_eq!(m.value.as_deref(), value, "{text:?}");
    assert_eq!(m.end.as_deref(), end, "{text:?}");
}

#[test]
fn absolute_forms() {
    for (text, span) in [
        (
            "The raid took place on 20 June 2023, police said.",
            "20 June 2023",
        ),
        (
            "The raid took place on June 20, 2023, police said.",
            "June 20, 2023",
        ),
        (
            "The raid took place on 20.06.2023, police said.",
            "20.06.2023",
        ),
        (
            "The raid took place on 2023-06-20, police said.",
            "2023-06-20",
        ),
        (
            "The raid took place on the 20th of June 2023.",
            "the 20th of June 2023",
        ),
    ] {
        check(text, "en", None, span, Some("2023-06-20"), None);
        assert_eq!(one(text, "en", None).anchor, Some(DateAnchor::Absolute));
    }
    check(
        "Die Razzia fand am 20. Juni 2023 statt.",
        "de",
        None,
        "20. Juni 2023",
        Some("2023-06-20"),
        None,
    );
    check(
        "Die Razzia fand am 20.06.2023 statt.",
        "de",
        None,
        "20.06.2023",
        Some("2023-06-20"),
        None,
    );
}

#[test]
fn dates_without_year_take_the_nearest_past_occurrence() {
    check(
        "Protests began on June 20.",
        "en",
        Some(PUB),
        "June 20",
        Some("2023-06-20"),
        None,
    );
    check(
        "Die Proteste begannen am 20. Juni.",
        "de",
        Some(PUB),
        "20. Juni",
        Some("2023-06-20"),
        None,
    );
    // Early January: "December 28" is last December.
    check(
        "Protests began on December 28.",
        "en",
        Some("2024-01-05"),
        "December 28",
        Some("2023-12-28"),
        None,
    );
    // A near future date is nearer than last year's.
    check(
        "The vote is on June 25.",
        "en",
        Some(PUB),
        "June 25",
        Some("2023-06-25"),
        None,
    );
}

#[test]
fn weekdays_around_the_anchor() {
    check(
        "Police raided the camp on Tuesday.",
        "en",
        Some(PUB),
        "Tuesday",
        Some("2023-06-20"),
        None,
    );
    check(
        "Die Polizei räumte das Lager am Dienstag.",
        "de",
        Some(PUB),
        "Dienstag",
        Some("2023-06-20"),
        None,
    );
    // Published on a Tuesday, "on Tuesday" is that day.
    check(
        "Police raided the camp on Tuesday.",
        "en",
        Some("2023-06-20"),
        "Tuesday",
        Some("2023-06-20"),
        None,
    );
    // Past-leaning: a weekday later in the week than the anchor is last week's.
    check(
        "Police raided the camp on Friday.",
        "en",
        Some(PUB),
        "Friday",
        Some("2023-06-16"),
        None,
    );
    // Future tense: the next one, the anchor itself included.
    check(
        "The ministers will meet on Friday.",
        "en",
        Some(PUB),
        "Friday",
        Some("2023-06-23"),
        None,
    );
    check(
        "The ministers will meet on Friday.",
        "en",
        Some("2023-06-23"),
        "Friday",
        Some("2023-06-23"),
        None,
    );
    check(
        "Die Minister werden sich am Freitag treffen.",
        "de",
        Some(PUB),
        "Freitag",
        Some("2023-06-23"),
        None,
    );
    check(
        "Clashes broke out Tuesday evening.",
        "en",
        Some(PUB),
        "Tuesday evening",
        Some("2023-06-20"),
        None,
    );
    check(
        "Clashes broke out Tuesday night.",
        "en",
        Some(PUB),
        "Tuesday night",
        Some("2023-06-20"),
        None,
    );
    check(
        "Tuesday's raid left three dead.",
        "en",
        Some(PUB),
        "Tuesday",
        Some("2023-06-20"),
        None,
    );
    check(
        "They will meet next Friday.",
        "en",
        Some(PUB),
        "next Friday",
        Some("2023-06-30"),
        None,
    );
    check(
        "They met last Friday.",
        "en",
        Some(PUB),
        "last Friday",
        Some("2023-06-16"),
        None,
    );
}

#[test]
fn relative_words_and_periods() {
    let cases: &[(&str, &str, &str, &str, Option<&str>)] = &[
        (
            "en",
            "The mayor resigned yesterday.",
            "yesterday",
            "2023-06-20",
            None,
        ),
        (
            "de",
            "Der Bürgermeister trat gestern zurück.",
            "gestern",
            "2023-06-20",
            None,
        ),
        (
            "en",
            "The mayor resigned today.",
            "today",
            "2023-06-21",
            None,
        ),
        (
            "de",
            "Der Bürgermeister trat heute zurück.",
            "heute",
            "2023-06-21",
            None,
        ),
        (
            "en",
            "Shots were fired this morning.",
            "this morning",
            "2023-06-21",
            None,
        ),
        (
            "en",
            "Talks collapsed last week.",
            "last week",
            "2023-06-12",
            Some("2023-06-18"),
        ),
        (
            "de",
            "Die Gespräche scheiterten letzte Woche.",
            "letzte Woche",
            "2023-06-12",
            Some("2023-06-18"),
        ),
        (
            "en",
            "Prices rose last month.",
            "last month",
            "2023-05-01",
            Some("2023-05-31"),
        ),
        (
            "en",
            "He was arrested two days ago.",
            "two days ago",
            "2023-06-19",
            None,
        ),
        (
            "de",
            "Er wurde vor zwei Tagen verhaftet.",
            "vor zwei Tagen",
            "2023-06-19",
            None,
        ),
        (
            "en",
            "Fighting resumed earlier this month.",
            "earlier this month",
            "2023-06-01",
            Some("2023-06-21"),
        ),
        (
            "en",
            "Output fell in the past three months.",
            "past three months",
            "2023-03-21",
            Some("2023-06-21"),
        ),
        (
            "en",
            "Fighting eased in early May.",
            "early May",
            "2023-05-01",
            Some("2023-05-15"),
        ),
        (
            "en",
            "Flights resume from 20 to 22 June.",
            "from 20 to 22 June",
            "2023-06-20",
            Some("2023-06-22"),
        ),
        (
            "de",
            "Der Gipfel tagt vom 3. bis 5. Mai.",
            "vom 3. bis 5. Mai",
            "2023-05-03",
            Some("2023-05-05"),
        ),
    ];
    for (lang, text, span, value, end) in cases {
        check(text, lang, Some(PUB), span, Some(value), *end);
        assert_eq!(
            one(text, lang, Some(PUB)).anchor,
            Some(DateAnchor::Published),
            "{text}"
        );
    }
}

#[test]
fn years_and_durations_from_full_dates_are_absolute() {
    let text = "The strike started in 2016.";
    check(
        text,
        "en",
        Some(PUB),
        "2016",
        Some("2016-01-01"),
        Some("2016-12-31"),
    );
    assert_eq!(
        one(text, "en", Some(PUB)).anchor,
        Some(DateAnchor::Absolute)
    );
    let text = "He died two days after 18 June 2023.";
    check(
        text,
        "en",
        None,
        "two days after 18 June 2023",
        Some("2023-06-20"),
        None,
    );
    assert_eq!(one(text, "en", None).anchor, Some(DateAnchor::Absolute));
}

#[test]
fn date_time_anchor_counts_by_its_date() {
    check(
        "The mayor resigned yesterday.",
        "en",
        Some("2023-06-21T23:30:00+02:00"),
        "yesterday",
        Some("2023-06-20"),
        None,
    );
}

#[test]
fn without_anchor_nothing_relative_is_resolved() {
    for (text, lang) in [
        ("Police raided the camp on Tuesday.", "en"),
        ("Protests began on June 20.", "en"),
        ("The mayor resigned yesterday.", "en"),
        ("Talks collapsed last week.", "en"),
        ("Die Proteste begannen am 20. Juni.", "de"),
    ] {
        let m = one(text, lang, None);
        assert_eq!((m.value, m.end, m.anchor), (None, None, None), "{text}");
    }
}

#[test]
fn story_anchor_fills_what_publication_could_not() {
    let text = "Police raided the camp on Tuesday, after the 18 June 2023 protest.";
    let mut found = find_dates(text, "en", None);
    assert!(found.iter().any(|m| m.anchor == Some(DateAnchor::Absolute)));
    resolve_against(&mut found, text, "en", PUB, "post d2.p1 of 2023-06-21");
    let tuesday = found
        .iter()
        .find(|m| m.span.slice(text) == Some("Tuesday"))
        .expect("Tuesday found");
    assert_eq!(tuesday.value.as_deref(), Some("2023-06-20"));
    assert_eq!(tuesday.anchor, Some(DateAnchor::Story));
    assert_eq!(
        tuesday.anchor_note.as_deref(),
        Some("post d2.p1 of 2023-06-21")
    );
    let absolute = found
        .iter()
        .find(|m| m.anchor == Some(DateAnchor::Absolute))
        .expect("absolute kept");
    assert_eq!(
        absolute.value.as_deref(),
        Some("2023-06-19"),
        "after 18 June: from the 19th on"
    );
    assert_eq!(absolute.end, None);
}

#[test]
fn quantities_are_not_dates() {
    for text in [
        "About 2000 people marched.",
        "Shares rose 5.12 percent.",
        "The home side won 3-2.",
        "He paid $2016 for it.",
        "The 4th Infantry Division moved in.",
        "Police may march on the square.",
    ] {
        assert_eq!(find_dates(text, "en", Some(PUB)), vec![], "{text}");
    }
}

#[test]
fn spans_lie_on_char_boundaries() {
    let text = "Am 3. März 2023 – drei Tage später – räumte die Polizei das Lager; übermorgen folgt die Anhörung.";
    let found = find_dates(text, "de", Some(PUB));
    assert!(found.len() >= 2, "{found:?}");
    for m in &found {
        assert!(m.span.fits(text), "{m:?}");
    }
    assert_eq!(found[0].value.as_deref(), Some("2023-03-03"));
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}", lang in prop::sample::select(vec!["en", "de", "fr", "xx"])) {
        for m in find_dates(&text, lang, Some(PUB)) {
            prop_assert!(m.span.fits(&text));
        }
        let mut none = find_dates(&text, lang, None);
        resolve_against(&mut none, &text, lang, PUB, "test");
    }

    #[test]
    fn date_like_noise_never_panics(text in "[0-9 ./\\-a-zäöüA-Z,']{0,80}") {
        for m in find_dates(&text, "de", Some(PUB)) {
            prop_assert!(m.span.fits(&text));
        }
        for m in find_dates(&text, "en", Some("9999-12-31")) {
            prop_assert!(m.span.fits(&text));
        }
    }
}

#[test]
fn periods_within_periods() {
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        (
            "How about the first week of 2015?",
            "the first week of 2015",
            "2014-12-29",
            Some("2015-01-04"),
        ),
        (
            "How about the last week of 2019?",
            "the last week of 2019",
            "2019-12-23",
            Some("2019-12-29"),
        ),
        (
            "Work stops for the last 3 weeks of this year.",
            "the last 3 weeks of this year",
            "2023-12-11",
            Some("2023-12-31"),
        ),
        (
            "Sales for the last four months of 2021 fell.",
            "the last four months of 2021",
            "2021-09-01",
            Some("2021-12-31"),
        ),
        (
            "They visited Paris in the first ten days of last year.",
            "the first ten days of last year",
            "2022-01-01",
            Some("2022-01-10"),
        ),
        (
            "They will come back on the 15th day of next month.",
            "the 15th day of next month",
            "2023-07-15",
            None,
        ),
        (
            "They will come back on the twenty third day of September.",
            "the twenty third day of September",
            "2023-09-23",
            None,
        ),
        (
            "We have dates free the week of April 10th.",
            "the week of April 10th",
            "2023-04-10",
            Some("2023-04-16"),
        ),
        (
            "Schedule a call w/c Feb 4.",
            "w/c Feb 4",
            "2023-01-30",
            Some("2023-02-05"),
        ),
        (
            "Roads were jammed over Labor Day weekend.",
            "Labor Day weekend",
            "2023-09-02",
            Some("2023-09-04"),
        ),
        (
            "Tickets for the weekend of Thanksgiving 2023 sold out.",
            "the weekend of Thanksgiving 2023",
            "2023-11-23",
            Some("2023-11-26"),
        ),
        (
            "Partner of the year.",
            "the year",
            "2023-01-01",
            Some("2023-12-31"),
        ),
        (
            "She was born on January twenty five nineteen eighty six.",
            "January twenty five nineteen eighty six",
            "1986-01-25",
            None,
        ),
        (
            "They left in two thousand and fifteen.",
            "two thousand and fifteen",
            "2015-01-01",
            Some("2015-12-31"),
        ),
        (
            "The plant opened on fifteen August nineteen hundred ninety three.",
            "fifteen August nineteen hundred ninety three",
            "1993-08-15",
            None,
        ),
        (
            "Talks will run between now and November 15th.",
            "between now and November 15th",
            "2023-06-21",
            Some("2023-11-15"),
        ),
        (
            "The offer runs 2/29-3/1.",
            "2/29-3/1",
            "2024-02-29",
            Some("2024-03-01"),
        ),
        (
            "Sales from April to June in 2017 fell.",
            "from April to June in 2017",
            "2017-04-01",
            Some("2017-06-30"),
        ),
        (
            "Fares will be cut from May to September.",
            "from May to September",
            "2023-05-01",
            Some("2023-09-30"),
        ),
    ];
    for (text, span, value, end) in cases {
        check(text, "en", Some(PUB), span, Some(value), *end);
    }
    check(
        "Das Jahr hatte Höhen und Tiefen.",
        "de",
        Some(PUB),
        "Das Jahr",
        Some("2023-01-01"),
        Some("2023-12-31"),
    );
}

#[test]
fn vague_periods_are_found_but_not_placed() {
    for (text, span) in [
        ("I'll leave this summer.", "this summer"),
        ("Gains fell in the last fiscal year.", "last fiscal year"),
        ("Deliveries start in spring 2020.", "spring 2020"),
    ] {
        check(text, "en", Some(PUB), span, None, None);
    }
}

#[test]
fn news_phrases_that_name_no_date() {
    for text in [
        "It was the year's best film.",
        "After a week of talks, nothing changed.",
        "Prices fall as the weeks go by.",
        "Profit rose from the year-ago quarter.",
        "The fall of Kabul shocked many.",
        "Rates were cut by a quarter point and sales rose by 30 percent.",
        "The Winter Olympics opened.",
        "Two thousand people marched in the first week of the strike.",
        "It happened the year before independence.",
    ] {
        assert_eq!(find_dates(text, "en", Some(PUB)), vec![], "{text}");
    }
}
