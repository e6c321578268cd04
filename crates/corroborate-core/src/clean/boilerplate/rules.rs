//! The two decisions: is a whole line boilerplate, and which link debris to cut from a kept line.
//!
//! A line is boilerplate only when one of these holds:
//! 1. **Dominated**: it has at most [`MAX_PHRASE_LINE_WORDS`] words and, after taking away every boilerplate
//!    phrase, social-network name, link, share counter and @handle, no word is left except filler words
//!    ("and", "us", "on") — and at least one phrase or two network names matched (fillers alone prove nothing).
//! 2. **Links only**: it has no word at all besides links (embed debris left alone on a line).
//! 3. **Prompt**: it starts with a line-start prompt of the tables ("We use cookies", "Read more:"), has at
//!    most [`MAX_PROMPT_LINE_WORDS`] words and no quotation mark (a quote means somebody is speaking: body).
//!
//! So a sentence that mentions sharing, cookies or Telegram keeps at least one word no table knows and stays.

use super::fold::{Word, words_into};
use super::links;
use super::phrases::{Kind, PHRASES, longest_at};

/// Longest line (in whitespace-separated words) rule 1 may drop: share/follow lines are short.
pub(crate) const MAX_PHRASE_LINE_WORDS: usize = 24;
/// Longest line rule 3 may drop: cookie banners run to a few sentences.
pub(crate) const MAX_PROMPT_LINE_WORDS: usize = 60;

const QUOTES: &[char] = &['"', '“', '”', '„', '«', '»', '‘', '’', '‚'];

/// Whether the (trimmed, non-empty) line is boilerplate, by the rules of the module doc.
pub(crate) fn is_boilerplate_line(line: &str) -> bool {
    let n_words = whitespace_words(line)
        .take(MAX_PROMPT_LINE_WORDS + 1)
        .count();
    if n_words > MAX_PROMPT_LINE_WORDS {
        return false;
    }
    // A line too long for rule 1 can only be a prompt, which needs just its first few words.
    let needed = if n_words > MAX_PHRASE_LINE_WORDS {
        PHRASES.longest_prompt
    } else {
        usize::MAX
    };
    let mut n_links = 0;
    let mut words: Vec<Word> = Vec::new();
    for (start, w) in whitespace_words(line) {
        if words.len() >= needed {
            break;
        }
        if links::is_link(w) {
            n_links += 1;
        } else {
            let was_empty = words.is_empty();
            words_into(w, start, &mut words);
            if was_empty
                && words
                    .first()
                    .is_some_and(|first| !could_start_boilerplate(first))
            {
                return false; // most prose stops here: every rule needs the first word to be a table word
            }
        }
    }
    if words.is_empty() {
        return n_links > 0;
    }
    let folded: Vec<&str> = words.iter().map(|w| w.folded.as_str()).collect();
    if let Some(p) = longest_at(&PHRASES.prompts, &folded) {
        let after = words.get(p.words.len() - 1).map_or("", |w| &line[w.end..]);
        if (!p.colon || after.trim_start().starts_with(':')) && !line.contains(QUOTES) {
            return true;
        }
    }
    n_words <= MAX_PHRASE_LINE_WORDS && dominated(&words, &folded)
}

/// Whether a line may start with `first` under some rule: a prompt, phrase, network or filler word, a
/// handle or a counter.
fn could_start_boilerplate(first: &Word) -> bool {
    let f = first.folded.as_str();
    first.handle
        || first.is_counter()
        || PHRASES.by_first.contains_key(f)
        || PHRASES.prompts.contains_key(f)
        || PHRASES.fillers.contains(f)
}

/// Rule 1: nothing but phrases, network names, counters, handles and fillers, with real evidence.
fn dominated(words: &[Word], folded: &[&str]) -> bool {
    let (mut phrases, mut networks) = (0, 0);
    let mut i = 0;
    while i < words.len() {
        if let Some(e) = longest_at(&PHRASES.by_first, &folded[i..]) {
            match e.kind {
                Kind::Phrase => phrases += 1,
                Kind::Network => networks += 1,
            }
            i += e.words.len();
            continue;
        }
        let w = &words[i];
        if !(w.handle || w.is_counter() || PHRASES.fillers.contains(folded[i])) {
            return false;
        }
        i += 1;
    }
    phrases >= 1 || networks >= 2
}

/// The whitespace-separated words of `s` with their byte offsets.
pub(crate) fn whitespace_words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// Whether a word ends a sentence, so a link after it trails the sentence rather than belonging to it.
fn ends_sentence(word: &str) -> bool {
    word.ends_with(['.', '!', '?', '…', '"', '”', '»', '’', '\'', ')'])
}

/// Cuts link debris out of a kept line: debris-host links anywhere, and links trailing a finished
/// sentence. Returns the edited line (whitespace before a cut word goes with it), or `None` when nothing
/// was cut; every cut word is pushed to `removed` as written.
pub(crate) fn cut_debris(line: &str, removed: &mut Vec<String>) -> Option<String> {
    let words: Vec<(usize, &str)> = whitespace_words(line).collect();
    let mut cut = vec![false; words.len()];
    for (k, (_, w)) in words.iter().enumerate() {
        cut[k] = links::is_debris(w);
    }
    for k in (0..words.len()).rev() {
        if cut[k] {
            continue;
        }
        let prev = (0..k).rev().find(|&j| !cut[j]).map(|j| words[j].1);
        if links::is_link(words[k].1) && prev.is_some_and(ends_sentence) {
            cut[k] = true;
        } else {
            break;
        }
    }
    if !cut.contains(&true) {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    for (k, &(start, w)) in words.iter().enumerate() {
        if cut[k] {
            removed.push(w.to_string());
            continue;
        }
        // The whitespace just before this word: the line's indentation for the first kept word, else the
        // gap the text had there (a cut word takes the gap before it along).
        let before = &line[..start];
        let gap = if out.is_empty() {
            &line[..line.len() - line.trim_start().len()]
        } else {
            &before[before.trim_end().len()..]
        };
        out.push_str(gap);
        out.push_str(w);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_and_follow_lines() {
        for l in [
            "Share on WhatsApp, follow us on Telegram",
            "Share this article",
            "Follow us on Telegram",
            "Teilen auf Facebook",
            "Folgen Sie uns auf X",
            "Síguenos en Telegram",
            "Partager sur Facebook",
            "Condividi su WhatsApp",
            "Facebook Twitter WhatsApp Email",
            "Share 1.2K",
            "Follow @Reuters on Twitter",
            "Sign up for our newsletter",
            "Abonnieren Sie unseren Newsletter",
            "Advertisement",
            "Anzeige",
            "Accept all cookies",
            "pic.twitter.com/AbC123",
            "https://t.co/xyz https://t.co/abc",
            "Siga-nos no Instagram",
            "Volg ons op Facebook",
            "Deel dit artikel",
            "Subscribe to our newsletter",
            "Follow us for the latest news and updates",
            "Share this article on Facebook | Twitter | E-mail",
            "Suivez-nous sur Telegram : t.me/exemple",
        ] {
            assert!(is_boilerplate_line(l), "{l}");
        }
    }

    #[test]
    fn prompts() {
        for l in [
            "We use cookies to improve your experience. By continuing you agree.",
            "Wir verwenden Cookies, um Ihnen ein besseres Nutzererlebnis zu bieten.",
            "Read more: Protests spread to the capital",
            "Lesen Sie auch: Regierung kündigt Reform an",
            "Lire aussi : la grève continue",
            "Click here to subscribe",
            "Related: Minister resigns",
        ] {
            assert!(is_boilerplate_line(l), "{l}");
        }
    }

    #[test]
    fn prose_stays() {
        for l in [
            "Share prices fell sharply on Monday.",
            "The group shared the video on Telegram before it was deleted.",
            "Follow the money, the prosecutor said.",
            "Die Folgen",
            "We use cookies, the company admitted, \"but only with consent\".",
            "Read more about the protests in our live blog",
            "Telegram",
            "La Stampa",
            "Related matters were discussed by the council.",
            "Advertisement revenue fell by a third.",
            "* * *",
            "Deel 2",
            "Facebook said it removed the page.",
            "Sign up sheets were handed out at the camp.",
        ] {
            assert!(!is_boilerplate_line(l), "{l}");
        }
    }

    #[test]
    fn cuts_trailing_and_debris_links() {
        let mut r = Vec::new();
        let out = cut_debris("The minister resigned. pic.twitter.com/AbC123", &mut r);
        assert_eq!(out.as_deref(), Some("The minister resigned."));
        assert_eq!(r, ["pic.twitter.com/AbC123"]);
        r.clear();
        let out = cut_debris("Protesters gathered. https://example.org/v/1", &mut r);
        assert_eq!(out.as_deref(), Some("Protesters gathered."));
        assert_eq!(
            cut_debris(
                "The report is at https://example.org/report for all",
                &mut r
            ),
            None
        );
        assert_eq!(cut_debris("See https://example.org/report", &mut r), None);
    }
}
