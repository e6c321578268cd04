//! Language identification of a document or of one embedded social post.
//!
//! # Engine
//!
//! [`lingua`] 1.8 in its default (high-accuracy) mode, built with `default-features = false` and only the
//! language models listed in [`SUPPORTED_LANGUAGES`]: English, German, French, Spanish, Italian, Portuguese,
//! Dutch, Russian, Arabic, Persian, Albanian and Turkish. The models ship inside lingua's crates, so nothing is
//! downloaded at build or run time. The detector is built once, lazily, in a [`LazyLock`]; lingua loads each
//! language's n-gram model the first time it is needed and is safe to share between threads.
//!
//! # Why lingua
//!
//! Measured on this project's 2-core build machine (shared with other builds: load average 2-8, so timings
//! varied up to 3x between runs; the best and the typical loaded figure are given), release mode, with the
//! sentences of `tests/language.rs` (109 short texts of 6-12 words, 12 paragraphs):
//!
//! | engine                       | short right | paragraphs | per short text   | 4 KB document      |
//! | ---------------------------- | ----------- | ---------- | ---------------- | ------------------ |
//! | lingua, high accuracy        | 109/109     | 12/12      | 215-520 µs       | 1.4-3.9 ms         |
//! | lingua, low accuracy         | 108/109     | 12/12      | 145-410 µs       | 1.2-2.4 ms         |
//! | whatlang 0.18 (11 languages) | 99/109      | 11/12      | 13-21 µs         | 0.09-0.2 ms        |
//!
//! whatlang has no Albanian model (every Albanian text came out French, Dutch or Portuguese) and also took a
//! short French line for Spanish; lingua in high-accuracy mode was right on every text, including the
//! confusable pairs es/pt/it, de/nl, fr/it and ar/fa (low-accuracy mode took one Portuguese line for Spanish
//! and saves little time on short texts, where it matters). lingua's costs:
//!
//! - binary size: +73 MB (a probe binary grew from 4.3 MB to 77.6 MB; whatlang adds 0.8 MB). The models are
//!   3.8-9.2 MB each (Arabic the largest). A binary that never calls [`detect_language`] does not grow: the
//!   linker drops the models.
//! - compile time: a clean release build of lingua and its dependencies took about 1 min 40 s of wall time
//!   (50 s CPU), a debug build about 17 s.
//! - memory: about 60 MB resident with all 12 models loaded (peak 72 MB in the test process).
//! - load time: building the detector is ~0.1 ms; the first text that needs a model loads it (6-40 ms).
//! - speed: per the table; with the [`SAMPLE_BYTES`] bound a document of any length costs about as much as a
//!   short text. On the 181 article-extraction pages: 1.8 ms per page with a 2 KB sample, 0.86 ms with the
//!   640-byte sample now used (`corroborate-eval bench-ingest --phases`).
//!
//! Every Cyrillic text being Russian here, a script shortcut could drop the Russian model (5.5 MB) at the price
//! of letting lingua no longer weigh mixed Cyrillic/Latin posts; not done, to keep one engine deciding.
//!
//! # What is looked at
//!
//! Only the first [`SCAN_BYTES`] of the input (cut on a char boundary), with URLs, e-mail addresses, `@handles`,
//! `#hashtags`, digits, emoji and punctuation removed, and of that at most [`SAMPLE_BYTES`]. Text with fewer than
//! [`MIN_LETTERS`] letters left, or in a script none of the supported languages uses, gives `None`.
//!
//! # Known limits
//!
//! Any Cyrillic text is labelled Russian (no Ukrainian, Bulgarian… model is compiled in), and a single word
//! ("Hotel", "casa") gets a low-confidence guess; the `hint` is what settles such near-ties.

use std::sync::LazyLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

/// Every language the detector can answer, as (lingua language, ISO 639-1 code).
const LANGUAGES: [(Language, &str); 12] = [
    (Language::Albanian, "sq"),
    (Language::Arabic, "ar"),
    (Language::Dutch, "nl"),
    (Language::English, "en"),
    (Language::French, "fr"),
    (Language::German, "de"),
    (Language::Italian, "it"),
    (Language::Persian, "fa"),
    (Language::Portuguese, "pt"),
    (Language::Russian, "ru"),
    (Language::Spanish, "es"),
    (Language::Turkish, "tr"),
];

/// ISO 639-1 codes of every language [`detect_language`] can return.
pub const SUPPORTED_LANGUAGES: [&str; 12] = [
    "sq", "ar", "nl", "en", "fr", "de", "it", "fa", "pt", "ru", "es", "tr",
];

/// How much of the raw input is scanned. Language does not change halfway through a news article often enough
/// to be worth reading megabytes; the prefix is larger than [`SAMPLE_BYTES`] so that a page starting with
/// links or numbers still yields a full sample.
pub const SCAN_BYTES: usize = 16 * 1024;

/// Most bytes of cleaned text handed to the model: about a hundred words, plenty for a stable answer on
/// running text (every test paragraph is right at this size), few enough to keep any document near half a
/// millisecond; the lookups grow linearly with the sample (2 KB took 1.8 ms per news page).
pub const SAMPLE_BYTES: usize = 640;

/// Fewer letters than this is "no language signal" (an interjection, initials, "ok").
pub const MIN_LETTERS: usize = 3;

/// Two languages whose confidences (which sum to 1 over the supported languages) differ by at most this are a
/// near-tie, which a declared `hint` may settle. Single ambiguous words ("casa": es 0.29, pt 0.28) fall inside;
/// any sentence with real evidence falls far outside.
pub const TIE_MARGIN: f64 = 0.10;

/// Built on first use: the builder is cheap, and lingua itself loads each model lazily.
static DETECTOR: LazyLock<LanguageDetector> = LazyLock::new(|| {
    let languages: Vec<Language> = LANGUAGES.iter().map(|(language, _)| *language).collect();
    LanguageDetectorBuilder::from_languages(&languages).build()
});

/// ISO 639-1 code of `text`'s language, or `None` when it cannot be told. `hint` is a code the input
/// declared (front matter, `<html lang>`, a post's `lang` field; "pt-BR" and "EN" are accepted), used only to
/// break near-ties (see [`TIE_MARGIN`]), never to override clear evidence.
pub fn detect_language(text: &str, hint: Option<&str>) -> Option<&'static str> {
    let sample = language_sample(text);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let scores = quick_scores(&sample)
        .unwrap_or_else(|| DETECTOR.compute_language_confidence_values(&sample));
    let &(best, best_confidence) = scores.first()?;
    // All zeros: lingua found no letter that any supported language uses (Chinese, Greek…).
    if best_confidence <= 0.0 {
        return None;
    }
    if let Some(hint) = hint.and_then(normalise_hint) {
        let hinted = scores
            .iter()
            .find(|(language, _)| code_of(*language) == Some(hint));
        if let Some(&(_, confidence)) = hinted
            && best_confidence - confidence <= TIE_MARGIN
        {
            return Some(hint);
        }
    }
    code_of(best)
}

/// The first words of a long sample, judged alone.
const QUICK_SAMPLE_BYTES: usize = 200;
/// A quick judgement this sure (confidences sum to 1 over the supported languages) stands; anything less
/// looks at the whole sample. Most running text is decided on its first sentence, at a third of the lookups.
const QUICK_CONFIDENCE: f64 = 0.95;

/// Scores from the first [`QUICK_SAMPLE_BYTES`] of a longer sample, when they are decisive.
fn quick_scores(sample: &str) -> Option<Vec<(Language, f64)>> {
    if sample.len() <= 2 * QUICK_SAMPLE_BYTES {
        return None;
    }
    let window = prefix(sample, QUICK_SAMPLE_BYTES);
    let head = window.rfind(' ').map_or(window, |cut| &window[..cut]);
    let scores = DETECTOR.compute_language_confidence_values(head);
    (scores.first()?.1 >= QUICK_CONFIDENCE).then_some(scores)
}

/// The cleaned, bounded text the model sees: see the module documentation. Public so callers (and tests) can
/// see what was judged.
pub fn language_sample(text: &str) -> String {
    let mut sample = String::new();
    for word in prefix(text, SCAN_BYTES).split_whitespace() {
        if is_noise_token(word) {
            continue;
        }
        let mut letters = word.chars().filter(|c| keeps(*c)).peekable();
        if letters.peek().is_none() {
            continue;
        }
        if !sample.is_empty() {
            sample.push(' ');
        }
        sample.extend(letters);
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
    }
    let cut = prefix(&sample, SAMPLE_BYTES).len();
    sample.truncate(cut);
    sample
}

/// `text` cut to at most `max` bytes, backing off to the previous char boundary so a multi-byte letter is never
/// split (which would panic when slicing).
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// Whitespace-separated tokens that carry no language: links, addresses, handles and hashtags (a hashtag is
/// often a name or an English word glued onto a post in another language).
fn is_noise_token(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '[', '"', '\'', '«', '“', '‘']);
    word.starts_with('@')
        || word.starts_with('#')
        || word.contains("://")
        || word
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."))
        || word.contains('@')
}

/// Characters kept inside a word: letters (with their combining marks, which Unicode counts as alphabetic),
/// apostrophes ("l'hôpital") and the zero-width non-joiner Persian writes inside words ("می‌گویند").
/// Digits, emoji and punctuation go.
fn keeps(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '\'' | '’' | '\u{200C}')
}

/// The supported code a declared language stands for: its primary subtag, lower-cased ("pt-BR" → "pt").
fn normalise_hint(hint: &str) -> Option<&'static str> {
    let primary = hint.trim().split(['-', '_']).next()?;
    SUPPORTED_LANGUAGES
        .into_iter()
        .find(|code| code.eq_ignore_ascii_case(primary))
}

/// ISO 639-1 code of a detector language (every language the detector is built with is in [`LANGUAGES`]).
fn code_of(language: Language) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, code)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supported_list_matches_the_model_list() {
        let codes: Vec<&str> = LANGUAGES.iter().map(|(_, code)| *code).collect();
        assert_eq!(codes, SUPPORTED_LANGUAGES);
    }

    #[test]
    fn long_texts_in_multibyte_scripts_take_the_quick_path_safely() {
        let korean =
            "엘제이의 리벤지인가 류화영의 코스프레인가 시작은 일방적인 사진 공개로부터 비롯됐다 "
                .repeat(20);
        assert_eq!(
            detect_language(&korean, None),
            None,
            "Korean is not supported"
        );
        let arabic =
            "قالت الشرطة إن الضباط أخلوا المخيم صباح الثلاثاء وأن أحدا لم يصب بأذى ".repeat(10);
        assert_eq!(detect_language(&arabic, None), Some("ar"));
        let english =
            "Police cleared the protest camp on Tuesday morning, officials said. ".repeat(10);
        assert!(
            quick_scores(&language_sample(&english)).is_some(),
            "running text is decided on its first words"
        );
        assert_eq!(detect_language(&english, None), Some("en"));
    }

    #[test]
    fn prefix_never_splits_a_character() {
        let text = "ëëëë"; // two bytes each
        assert_eq!(prefix(text, 3), "ë");
        assert_eq!(prefix(text, 100), text);
    }

    #[test]
    fn sample_drops_noise() {
        let sample = language_sample(
            "@user RT: 12 people hurt!! 🚨 https://t.co/x #breaking www.example.com me@x.org",
        );
        assert_eq!(sample, "RT people hurt");
    }

    #[test]
    fn sample_is_bounded() {
        let long = "palabra ".repeat(10_000);
        assert!(language_sample(&long).len() <= SAMPLE_BYTES);
        let long_multibyte = "слово ".repeat(10_000);
        assert!(language_sample(&long_multibyte).len() <= SAMPLE_BYTES);
    }

    #[test]
    fn hints_are_normalised() {
        assert_eq!(normalise_hint("pt-BR"), Some("pt"));
        assert_eq!(normalise_hint(" EN "), Some("en"));
        assert_eq!(normalise_hint("de_AT"), Some("de"));
        assert_eq!(normalise_hint("zh"), None);
        assert_eq!(normalise_hint(""), None);
    }
}
