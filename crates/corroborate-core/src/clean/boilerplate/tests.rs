//! Whole-text tests of boilerplate stripping, in English, German and Spanish, and properties on any text.

use super::*;
use proptest::prelude::*;

const EN: &str = "\
Police clash with protesters in Lima

Thousands marched through the centre on Wednesday. pic.twitter.com/AbC123

Share prices fell sharply as traders worried about the unrest.
The movement shared its demands on Telegram before dawn.
Advertisement
Officials said the website uses cookies to track visitors, which critics called illegal.

We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.

Share on WhatsApp, follow us on Telegram
Facebook Twitter WhatsApp Email
";

#[test]
fn english_article() {
    let s = strip_boilerplate(EN);
    assert_eq!(
        s.text,
        "Police clash with protesters in Lima\n\n\
         Thousands marched through the centre on Wednesday.\n\n\
         Share prices fell sharply as traders worried about the unrest.\n\
         The movement shared its demands on Telegram before dawn.\n\
         Officials said the website uses cookies to track visitors, which critics called illegal.\n"
    );
    assert_eq!(
        s.removed,
        [
            "pic.twitter.com/AbC123",
            "Advertisement",
            "We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.",
            "Share on WhatsApp, follow us on Telegram",
            "Facebook Twitter WhatsApp Email",
        ]
    );
}

#[test]
fn german_article() {
    let text = "Die Polizei meldete am Abend drei Festnahmen.\n\nAnzeige\n\n\
                Lesen Sie auch: Innenminister kündigt Untersuchung an\n\n\
                Wer das Video teilt, macht sich nach Ansicht der Staatsanwaltschaft nicht strafbar.\n\n\
                Wir verwenden Cookies, um unsere Website zu verbessern.\n\
                Teilen auf Facebook\nFolgen Sie uns auf X\nAbonnieren Sie unseren Newsletter";
    let s = strip_boilerplate(text);
    assert_eq!(
        s.text,
        "Die Polizei meldete am Abend drei Festnahmen.\n\n\
         Wer das Video teilt, macht sich nach Ansicht der Staatsanwaltschaft nicht strafbar."
    );
    assert_eq!(s.removed.len(), 6, "{:?}", s.removed);
}

#[test]
fn spanish_article() {
    let text = "El Gobierno negó que hubiera heridos.\n\nSíguenos en Telegram\n\n\
                Lee también: La oposición convoca nueva marcha\n\n\
                «Compartir información falsa es un delito», dijo la fiscal. https://t.co/xYz9\n\n\
                Utilizamos cookies propias y de terceros.\nAceptar todas";
    let s = strip_boilerplate(text);
    assert_eq!(
        s.text,
        "El Gobierno negó que hubiera heridos.\n\n«Compartir información falsa es un delito», dijo la fiscal."
    );
    assert_eq!(s.removed.len(), 5, "{:?}", s.removed);
}

#[test]
fn clean_text_is_returned_unchanged() {
    let text = "One paragraph.\n\n\n\nAnother one, with a link https://example.org/report in it.\n";
    let s = strip_boilerplate(text);
    assert_eq!(s.text, text);
    assert!(s.removed.is_empty());
}

#[test]
fn lone_url_lines_go() {
    let s = strip_boilerplate("Body.\nhttps://twitter.com/ana/status/1\n\nMore body.");
    assert_eq!(s.text, "Body.\n\nMore body.");
    assert_eq!(s.removed, ["https://twitter.com/ana/status/1"]);
}

/// Checks that every non-empty input line was kept (possibly minus removed link words) or removed whole.
pub(crate) fn assert_nothing_lost(input: &str, out: &str, removed: &[String]) {
    let out_lines: Vec<Vec<&str>> = out
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    for line in input.lines() {
        let t = line.trim();
        if t.is_empty() || removed.iter().any(|r| r == t) {
            continue;
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        let found = out_lines.iter().any(|o| {
            let mut k = 0;
            for w in &words {
                if o.get(k) == Some(w) {
                    k += 1;
                } else if !removed.iter().any(|r| r == w) {
                    return false;
                }
            }
            k == o.len()
        });
        assert!(
            found,
            "line lost: {t:?}\noutput: {out:?}\nremoved: {removed:?}"
        );
    }
}

/// Text pieces that exercise the rules: boilerplate, prose that resembles it, debris, and anything.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Share on WhatsApp, follow us on Telegram".to_string()),
        Just("Share prices rose on Telegram news.".to_string()),
        Just("Thousands marched. pic.twitter.com/AbC123".to_string()),
        Just("Síguenos en Telegram".to_string()),
        Just("We use cookies, she said.".to_string()),
        Just("Read more: a headline".to_string()),
        Just("https://t.co/x".to_string()),
        Just("".to_string()),
        "\\PC{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in any::<String>()) {
        let s = strip_boilerplate(&text);
        assert_nothing_lost(&text, &s.text, &s.removed);
    }

    #[test]
    fn body_lines_survive(pieces in prop::collection::vec(piece(), 0..12), sep in prop::sample::select(vec!["\n", "\n\n", "\r\n", " "])) {
        let text = pieces.join(sep);
        let s = strip_boilerplate(&text);
        assert_nothing_lost(&text, &s.text, &s.removed);
        for r in &s.removed {
            prop_assert!(text.contains(r.as_str()), "removed string not in input: {r:?}");
        }
    }
}
