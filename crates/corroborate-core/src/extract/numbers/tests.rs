use super::*;
use proptest::prelude::*;

/// A qualifier case: text, value, min, max, approximate.
type Case = (&'static str, Option<f64>, Option<f64>, Option<f64>, bool);

/// The quantities of `text` as (text, value, min, max, approximate, counts).
type Q = (
    String,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    bool,
    Option<String>,
);

fn quantities(text: &str, lang: &str) -> Vec<Q> {
    find_quantities(text, &[], lang)
        .into_iter()
        .map(|q| {
            (
                q.span.slice(text).unwrap_or("?").to_string(),
                q.value,
                q.min,
                q.max,
                q.approximate,
                q.counts,
            )
        })
        .collect()
}

fn one(text: &str, lang: &str) -> Q {
    let qs = quantities(text, lang);
    assert_eq!(qs.len(), 1, "{text}: {qs:?}");
    qs.into_iter().next().unwrap_or_default()
}

fn values(text: &str, lang: &str) -> Vec<f64> {
    recognize(text, lang)
        .numbers
        .iter()
        .map(|n| n.value)
        .collect()
}

#[test]
fn spec_examples() {
    let q = one("Some five hundred officers took part.", "en");
    assert_eq!((q.1, q.2, q.3, q.4), (Some(500.0), None, None, true));
    assert_eq!(q.0, "Some five hundred");
    assert_eq!(q.5.as_deref(), Some("officers participated"));
    let q = one("More than 2,000 people marched.", "en");
    assert_eq!((q.1, q.2, q.3, q.4), (None, Some(2001.0), None, false));
    let q = one("At least 40 people were killed.", "en");
    assert_eq!((q.2, q.3), (Some(40.0), None));
    assert_eq!(q.5.as_deref(), Some("people killed"));
    let q = one("Dozens were injured.", "en");
    assert_eq!((q.1, q.2, q.3, q.4), (None, Some(24.0), None, true));
    assert_eq!(q.5.as_deref(), Some("people injured"));
}

#[test]
fn english_qualifiers() {
    let cases: &[Case] = &[
        ("about 300 protesters", Some(300.0), None, None, true),
        ("around 300 protesters", Some(300.0), None, None, true),
        ("roughly 300 protesters", Some(300.0), None, None, true),
        (
            "nearly 500 protesters",
            Some(500.0),
            None,
            Some(500.0),
            true,
        ),
        (
            "almost 500 protesters",
            Some(500.0),
            None,
            Some(500.0),
            true,
        ),
        ("up to 300 protesters", None, None, Some(300.0), false),
        ("at most 300 protesters", None, None, Some(300.0), false),
        ("over 600 protesters", None, Some(601.0), None, false),
        ("fewer than 40 protesters", None, None, Some(39.0), false),
        ("less than 40 protesters", None, None, Some(39.0), false),
        ("hundreds of protesters", None, Some(200.0), None, true),
        ("thousands of protesters", None, Some(2000.0), None, true),
        (
            "tens of thousands of protesters",
            None,
            Some(20000.0),
            None,
            true,
        ),
        ("scores of protesters", None, Some(40.0), None, true),
        ("a handful of protesters", None, Some(2.0), Some(9.0), true),
        ("several protesters", None, Some(3.0), Some(9.0), true),
        ("500 or more protesters", None, Some(500.0), None, false),
    ];
    for (text, value, min, max, approx) in cases {
        let q = one(text, "en");
        assert_eq!(
            (q.1, q.2, q.3, q.4),
            (*value, *min, *max, *approx),
            "{text}"
        );
        assert_eq!(q.5.as_deref(), Some("protesters"), "{text}");
    }
}

#[test]
fn german_qualifiers() {
    let cases: &[Case] = &[
        ("rund 300 Demonstranten", Some(300.0), None, None, true),
        ("etwa 300 Demonstranten", Some(300.0), None, None, true),
        ("ungefähr 300 Demonstranten", Some(300.0), None, None, true),
        (
            "mehr als 2.000 Demonstranten",
            None,
            Some(2001.0),
            None,
            false,
        ),
        ("über 600 Demonstranten", None, Some(601.0), None, false),
        ("mindestens 40 Demonstranten", None, Some(40.0), None, false),
        ("bis zu 300 Demonstranten", None, None, Some(300.0), false),
        (
            "fast 500 Demonstranten",
            Some(500.0),
            None,
            Some(500.0),
            true,
        ),
        (
            "knapp 500 Demonstranten",
            Some(500.0),
            None,
            Some(500.0),
            true,
        ),
        ("Dutzende Demonstranten", None, Some(24.0), None, true),
        ("Hunderte Demonstranten", None, Some(200.0), None, true),
        ("Tausende Demonstranten", None, Some(2000.0), None, true),
    ];
    for (text, value, min, max, approx) in cases {
        let q = one(text, "de");
        assert_eq!(
            (q.1, q.2, q.3, q.4),
            (*value, *min, *max, *approx),
            "{text}"
        );
        assert_eq!(q.5.as_deref(), Some("protesters"), "{text}");
    }
}

#[test]
fn ranges() {
    for (text, lang) in [
        ("between 10 and 15 people", "en"),
        ("10-15 people", "en"),
        ("10 to 15 people", "en"),
        ("from 10 to 15 people", "en"),
        ("zwischen 10 und 15 Menschen", "de"),
        ("10 bis 15 Menschen", "de"),
    ] {
        let q = one(text, lang);
        assert_eq!((q.1, q.2, q.3), (None, Some(10.0), Some(15.0)), "{text}");
        assert_eq!(q.5.as_deref(), Some("people"), "{text}");
    }
    let q = one("between 2 and 3 million people", "en");
    assert_eq!((q.2, q.3), (Some(2_000_000.0), Some(3_000_000.0)));
}

#[test]
fn words_and_digits() {
    assert_eq!(
        values("1,000 and 3.5 million", "en"),
        vec![1000.0, 3_500_000.0]
    );
    assert_eq!(
        values("1.000 und 3,5 Millionen", "de"),
        vec![1000.0, 3_500_000.0]
    );
    assert_eq!(values("a thousand", "en"), vec![1000.0]);
    assert_eq!(
        values("two hundred and two thousand", "en"),
        vec![202_000.0]
    );
    assert_eq!(values("twenty-one", "en"), vec![21.0]);
    assert_eq!(values("zweiundzwanzig", "de"), vec![22.0]);
    assert_eq!(values("zwei Dutzend", "de"), vec![24.0]);
    assert_eq!(values("half a million", "en"), vec![500_000.0]);
    assert_eq!(values("1.234.567 Euro", "de"), vec![1_234_567.0]);
    assert_eq!(values("12 500", "de"), vec![12_500.0]);
}

#[test]
fn counts_from_noun_and_verb() {
    assert_eq!(
        one("Two residents died in the blaze.", "en").5.as_deref(),
        Some("residents killed")
    );
    assert_eq!(
        one("Police said 14 people had been treated for injuries.", "en")
            .5
            .as_deref(),
        Some("people injured")
    );
    assert_eq!(
        one("Police arrested 30 protesters.", "en").5.as_deref(),
        Some("protesters arrested")
    );
    assert_eq!(
        one("About 200 police officers were deployed.", "en")
            .5
            .as_deref(),
        Some("police officers deployed")
    );
    assert_eq!(
        one("Dutzende verletzt.", "de").5.as_deref(),
        Some("people injured")
    );
    assert_eq!(
        one("Bei den Protesten wurden 14 Menschen verletzt.", "de")
            .5
            .as_deref(),
        Some("people injured")
    );
    assert_eq!(
        one("Rund 500 Polizisten waren im Einsatz.", "de")
            .5
            .as_deref(),
        Some("police officers deployed")
    );
    assert_eq!(
        one("Es gab drei Tote.", "de").5.as_deref(),
        Some("people killed")
    );
}

#[test]
fn not_counts() {
    for (text, lang) in [
        ("The protests began in 2023.", "en"),
        ("It happened on 20 June.", "en"),
        ("The meeting starts at 10:30.", "en"),
        ("He came 4th in the race.", "en"),
        ("Prices rose 5 percent.", "en"),
        ("Prices rose 5%.", "en"),
        ("It cost $20.", "en"),
        ("A 67-year-old man was arrested.", "en"),
        ("The victim, aged 67, was arrested.", "en"),
        ("Call +1-222-333-4444 now.", "en"),
        ("The march lasted 3 hours.", "en"),
        ("Die Proteste begannen im Jahr 2023.", "de"),
        ("Am 3. Juni begann der Prozess.", "de"),
        ("Ein 67-Jähriger wurde festgenommen.", "de"),
        ("Die Preise stiegen um 5 Prozent.", "de"),
        ("Ein Mann wurde festgenommen.", "de"),
        ("The one you mentioned was arrested.", "en"),
    ] {
        assert_eq!(quantities(text, lang), vec![], "{text}");
    }
    assert_eq!(
        quantities("1. Police arrived.\n2. Protesters left.", "en"),
        vec![]
    );
}

#[test]
fn spans_on_char_boundaries() {
    let text = "Zürich: mehr als 5 000 Menschen – „über tausend“ verletzt! 🙂 ½";
    for q in find_quantities(text, &[], "de") {
        assert!(q.span.fits(text), "{q:?}");
        assert!(q.counts_span.is_none_or(|s| s.fits(text)));
    }
}

proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,80}") {
        for lang in ["en", "de", "fr"] {
            for q in find_quantities(&s, &[], lang) {
                prop_assert!(q.span.fits(&s));
            }
            let r = recognize(&s, lang);
            for n in r.numbers {
                prop_assert!(n.span.fits(&s));
            }
        }
    }

    #[test]
    fn never_panics_on_number_like_text(s in "[0-9 .,/^eE+\\-kMa-z–]{0,40}") {
        for lang in ["en", "de"] {
            for q in find_quantities(&s, &[], lang) {
                prop_assert!(q.span.fits(&s));
            }
        }
    }
}
