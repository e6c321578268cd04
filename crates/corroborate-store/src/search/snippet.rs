//! A short excerpt of a matching text, with the matched words between `[` and `]`.
//!
//! Made here rather than by the database so that both backends give the same snippets: the window of words
//! that covers the most distinct query terms (the earliest on a tie), starting a few words before its first
//! match, with `…` where the text goes on.

use super::{fold, words};

/// Words of context kept before the first match in the window.
const LEAD: usize = 3;
/// Characters of a text without any word shown as its snippet.
const WORDLESS_CHARS: usize = 120;

/// One word of the text: its byte span and its folded form.
struct Token {
    start: usize,
    end: usize,
    folded: String,
}

/// The snippet of `text` for the folded query `terms`, at most `max_words` words long.
pub(crate) fn snippet(text: &str, terms: &[Vec<String>], max_words: usize) -> String {
    let tokens: Vec<Token> = words(text)
        .map(|(start, w)| Token {
            start,
            end: start + w.len(),
            folded: fold(w),
        })
        .collect();
    if tokens.is_empty() {
        let mut out = String::new();
        push_collapsed(&mut out, text.trim());
        return out.chars().take(WORDLESS_CHARS).collect();
    }
    let matches = find_matches(&tokens, terms);
    let width = max_words.max(1).min(tokens.len());
    let (start, end) = best_window(&matches, tokens.len(), width);
    render(text, &tokens, &matches, start, end)
}

/// Where a term matched: tokens `first..end`, and which term.
#[derive(Clone, Copy)]
struct Match {
    first: usize,
    end: usize,
    term: usize,
}

/// Every place a term matches: a word anywhere, a phrase where its words follow each other.
fn find_matches(tokens: &[Token], terms: &[Vec<String>]) -> Vec<Match> {
    let mut out = Vec::new();
    for (term, words) in terms.iter().enumerate() {
        if words.is_empty() || words.len() > tokens.len() {
            continue;
        }
        for first in 0..=tokens.len() - words.len() {
            let hit = words
                .iter()
                .zip(&tokens[first..])
                .all(|(w, t)| *w == t.folded);
            if hit {
                out.push(Match {
                    first,
                    end: first + words.len(),
                    term,
                });
            }
        }
    }
    out.sort_by_key(|m| (m.first, m.end));
    out
}

/// The window `start..end` of `width` tokens that holds the most distinct terms, then the most matches.
fn best_window(matches: &[Match], len: usize, width: usize) -> (usize, usize) {
    let candidates = std::iter::once(0).chain(matches.iter().map(|m| m.first.saturating_sub(LEAD)));
    let mut best = (0usize, 0usize, 0usize);
    for start in candidates {
        let start = start.min(len - width);
        let inside: Vec<&Match> = matches
            .iter()
            .filter(|m| m.first >= start && m.end <= start + width)
            .collect();
        let mut terms: Vec<usize> = inside.iter().map(|m| m.term).collect();
        terms.sort_unstable();
        terms.dedup();
        let score = (terms.len(), inside.len());
        if score > (best.0, best.1) || (score == (best.0, best.1) && start < best.2) {
            best = (score.0, score.1, start);
        }
    }
    (best.2, best.2 + width)
}

/// The text of tokens `start..end`, whitespace collapsed, matches bracketed, `…` where the text goes on.
fn render(text: &str, tokens: &[Token], matches: &[Match], start: usize, end: usize) -> String {
    // Matches inside the window, overlapping ones merged into one bracket.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for m in matches.iter().filter(|m| m.first >= start && m.end <= end) {
        match spans.last_mut() {
            Some(last) if m.first < last.1 => last.1 = last.1.max(m.end),
            _ => spans.push((m.first, m.end)),
        }
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    } else {
        push_collapsed(&mut out, text[..tokens[0].start].trim_start());
    }
    for i in start..end {
        if i > start {
            push_collapsed(&mut out, &text[tokens[i - 1].end..tokens[i].start]);
        }
        if spans.iter().any(|s| s.0 == i) {
            out.push('[');
        }
        out.push_str(&text[tokens[i].start..tokens[i].end]);
        if spans.iter().any(|s| s.1 == i + 1) {
            out.push(']');
        }
    }
    if end < tokens.len() {
        out.push('…');
    } else {
        push_collapsed(&mut out, text[tokens[end - 1].end..].trim_end());
    }
    out
}

/// Appends `s` with every run of whitespace as one space.
fn push_collapsed(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::snippet;

    fn terms(t: &[&[&str]]) -> Vec<Vec<String>> {
        t.iter()
            .map(|w| w.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn short_text_is_whole_with_brackets() {
        let text = "The fire at the harbour destroyed two warehouses on Tuesday.";
        assert_eq!(
            snippet(text, &terms(&[&["warehouses"]]), 24),
            "The fire at the harbour destroyed two [warehouses] on Tuesday."
        );
        assert_eq!(
            snippet(text, &terms(&[&["at", "the", "harbour"], &["fire"]]), 24),
            "The [fire] [at the harbour] destroyed two warehouses on Tuesday."
        );
    }

    #[test]
    fn folded_match_keeps_the_original_spelling() {
        assert_eq!(
            snippet(
                "Café owners nearby\n\nreported smoke.",
                &terms(&[&["cafe"]]),
                24
            ),
            "[Café] owners nearby reported smoke."
        );
    }

    #[test]
    fn long_text_is_cut_around_the_best_window() {
        let mut text = "filler ".repeat(50);
        text.push_str("the river rose and the mayor said so, ");
        text.push_str(&"more ".repeat(50));
        let s = snippet(&text, &terms(&[&["mayor"], &["river"]]), 10);
        assert_eq!(
            s,
            "…filler filler the [river] rose and the [mayor] said so…"
        );
    }

    #[test]
    fn a_phrase_out_of_order_is_not_marked() {
        assert_eq!(
            snippet(
                "election municipal",
                &terms(&[&["municipal", "election"]]),
                24
            ),
            "election municipal"
        );
    }

    #[test]
    fn text_without_words() {
        assert_eq!(snippet("  --  !! ", &terms(&[&["x"]]), 24), "-- !!");
    }
}
