//! Whether the punctuation at the end of one chunk ends the sentence, judged from that chunk, its neighbours and
//! the language's tables. Every rule looks at a bounded neighbourhood, so the whole scan stays linear.

use super::chars::{is_closer, is_opener, is_parenthetical_dash, is_question_or_exclamation};
use super::chunks::Chunk;
use super::lists;
use super::rules::{AbbrevKind, Rules};

/// The text and chunks being segmented.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub chunks: &'a [Chunk],
    pub rules: &'a Rules,
    /// Per chunk: where the quotation it closes opened (see `pairs`).
    pub quote_opened_at: &'a [Option<usize>],
}

/// How the chunk after a candidate boundary begins (after any opening quotes or brackets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Lower,
    Upper,
    Digit,
    /// Continues the sentence: a comma, colon, semicolon, closing bracket or parenthetical dash.
    Joiner,
    Other,
}

impl<'a> Ctx<'a> {
    fn chunk(&self, i: usize) -> &'a str {
        self.chunks
            .get(i)
            .map_or("", |c| &self.text[c.start..c.end])
    }

    /// Whether chunks `from..to` are bullets or list markers only (a sentence cannot end there yet).
    pub fn only_markers(&self, from: usize, to: usize) -> bool {
        (from..to).all(|k| {
            let s = self.chunk(k);
            s.chars().all(super::chars::is_bullet) || lists::is_marker(s)
        })
    }

    /// Whether a sentence ends after chunk `i`, for a sentence that started at chunk `sentence_start`.
    /// Only called when chunk `i + 1` exists and nothing else forces a break.
    pub fn ends_sentence(&self, i: usize, sentence_start: usize) -> bool {
        let chunk = self.chunk(i);
        let core = strip_closers(chunk);
        let Some(last) = core.chars().next_back() else {
            return false;
        };
        let next_chunk = self.chunk(i + 1);
        let (next, next_word) = classify_next(next_chunk);
        let closes_quote = self.quote_opened_at.get(i).copied().flatten();
        if let Some(opened) = closes_quote
            && opened > sentence_start
            && next_chunk.starts_with('(')
        {
            // "... thought Alice, 'what a fall!' (Which was true.)": a remark in brackets after a quotation
            // embedded in the sentence belongs to that sentence.
            return false;
        }
        if closes_quote.is_some() && (core.ends_with("--") || core.ends_with('—')) {
            // An interrupted quotation ("to--\" At this moment") ends the sentence like a period would.
            return next == Next::Upper;
        }
        if is_question_or_exclamation(last) {
            return !matches!(next, Next::Lower | Next::Digit | Next::Joiner);
        }
        if last == '…' {
            return self.ellipsis_ends(core, next, 3);
        }
        if last != '.' {
            return false;
        }
        let dots = core.bytes().rev().take_while(|&b| b == b'.').count();
        let word = core[..core.len() - dots].trim_start_matches(is_opener);
        if word.is_empty() && dots == 1 {
            return self.spaced_dots_end(i, next);
        }
        if dots >= 2 {
            return self.ellipsis_ends(core, next, dots);
        }
        // "compounds. . . . The": the word's own period ends the sentence, the spaced ellipsis opens the next.
        if strip_closers(self.chunk(i + 1)) == "." {
            let group = (i + 1..self.chunks.len())
                .take_while(|&k| self.chunk(k) == ".")
                .count();
            let (after, _) = classify_next(self.chunk(i + 1 + group));
            return group == 3 && after == Next::Upper;
        }
        if self.only_markers(sentence_start, i + 1) {
            return false;
        }
        self.period_ends(i, word, next, next_word, sentence_start)
    }

    /// A period directly after `word` (openers and closers removed).
    fn period_ends(
        &self,
        i: usize,
        word: &str,
        next: Next,
        next_word: &str,
        sentence_start: usize,
    ) -> bool {
        if matches!(next, Next::Lower | Next::Joiner) {
            return false;
        }
        if is_number_like(word) {
            return next == Next::Upper && !self.is_ordinal(i, word, next_word);
        }
        let lower = word.to_lowercase();
        let kind = self.rules.abbreviation(&lower);
        let single_letter = {
            let mut cs = word.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
        };
        if single_letter && kind.is_none() {
            if word.chars().all(char::is_lowercase) {
                return next == Next::Upper && self.is_starter(next_word);
            }
            if i == sentence_start {
                // "Q. What is his name?": a lone initial is never a sentence of its own.
                return false;
            }
            // "you and I. Did" ends; "Albert I. Jones" and "Jonas E. Smith" do not.
            return next == Next::Upper && is_plain_lowercase_word(self.chunk(i.wrapping_sub(1)));
        }
        match kind {
            Some(AbbrevKind::NeverFinal) => false,
            Some(AbbrevKind::OftenFinal) => next == Next::Upper,
            Some(AbbrevKind::Regular) => next == Next::Upper && self.is_starter(next_word),
            None if is_initialism(word) => next == Next::Upper && self.is_starter(next_word),
            None => true,
        }
    }

    fn is_starter(&self, word: &str) -> bool {
        self.rules.is_starter(&word.to_lowercase())
    }

    /// "am 3. Oktober", "der 1. FC", "1. -3. Jahrhundert": number + period read as an ordinal.
    fn is_ordinal(&self, i: usize, word: &str, next_word: &str) -> bool {
        if !self.rules.has_dotted_ordinals() {
            return false;
        }
        if word.starts_with(['-', '–']) || self.rules.is_month(&next_word.to_lowercase()) {
            return true;
        }
        let prev = self
            .chunk(i.wrapping_sub(1))
            .trim_matches(|c: char| !c.is_alphanumeric());
        self.rules.is_ordinal_context(&prev.to_lowercase())
    }

    /// Unspaced ellipsis ("...", "…", "...."): ends the sentence before a capitalised word; with four or more
    /// dots (ellipsis plus period) before anything that is not lower-case.
    fn ellipsis_ends(&self, core: &str, next: Next, dots: usize) -> bool {
        let bare = core.trim_end_matches(['.', '…']);
        if bare.is_empty() || bare.ends_with(['[', '(']) {
            // "[...]" marks an omission inside a quotation.
            return false;
        }
        match next {
            Next::Upper => true,
            Next::Digit | Next::Other => dots >= 4,
            Next::Lower | Next::Joiner => false,
        }
    }

    /// The last dot of a spaced ellipsis (". . ." or ". . . ."): three dots are an omission inside the sentence,
    /// four (or three after a word's own period) close it.
    fn spaced_dots_end(&self, i: usize, next: Next) -> bool {
        if strip_closers(self.chunk(i + 1)) == "." {
            return false;
        }
        let group = (0..=i)
            .rev()
            .take_while(|&k| strip_closers(self.chunk(k)) == ".")
            .count();
        let attached = i >= group && strip_closers(self.chunk(i - group)).ends_with('.');
        if attached && group == 3 {
            return false;
        }
        group + usize::from(attached) >= 4 && !matches!(next, Next::Lower | Next::Joiner)
    }
}

/// The chunk without trailing closing quotes, brackets and footnote marks ("martyr.[1]", "(1987).1").
fn strip_closers(mut s: &str) -> &str {
    loop {
        if let Some(inner) = s.strip_suffix(']')
            && let Some(open) = inner.rfind('[')
            && inner[open + 1..]
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | ',' | ' '))
            && inner.len() > open + 1
        {
            s = &inner[..open];
            continue;
        }
        if let Some(c) = s.chars().next_back()
            && is_closer(c)
        {
            s = &s[..s.len() - c.len_utf8()];
            continue;
        }
        let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits) {
            let head = &s[..s.len() - digits];
            if let Some(before_dot) = head.strip_suffix('.')
                && before_dot
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphabetic() || is_closer(c))
            {
                return head;
            }
        }
        return s;
    }
}

/// How a chunk begins, and its first word (letters only, so "I'm" gives "I").
fn classify_next(s: &str) -> (Next, &str) {
    if s.starts_with([',', ';', ':', ')', ']', '}']) && !s.starts_with(",,")
        || is_parenthetical_dash(s)
    {
        return (Next::Joiner, "");
    }
    let body = s.trim_start_matches(|c: char| is_opener(c) || c == ',');
    let word_end = body
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(body.len());
    let word = &body[..word_end];
    let kind = match body.chars().next() {
        Some(c) if c.is_lowercase() => Next::Lower,
        Some(c) if c.is_uppercase() => Next::Upper,
        Some(c) if c.is_numeric() => Next::Digit,
        _ => Next::Other,
    };
    (kind, word)
}

/// Amounts, dates and codes made of digits and number punctuation: "$100.00", "1.000", "11.18.2014", "%11".
fn is_number_like(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '.' | ','
                        | '\''
                        | '’'
                        | '$'
                        | '€'
                        | '£'
                        | '¥'
                        | '%'
                        | '-'
                        | '–'
                        | '/'
                        | ':'
                        | '+'
                        | '°'
                )
        })
}

/// Letters in groups of one to three separated by periods: "U.S", "e.g", "Ph.D", "z.B".
fn is_initialism(word: &str) -> bool {
    let mut groups = 0;
    for part in word.split('.') {
        let n = part.chars().count();
        if n == 0 || n > 3 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// A word like "and" or "you": letters only, starting lower-case (a trailing comma allowed).
fn is_plain_lowercase_word(s: &str) -> bool {
    let s = s.trim_end_matches(',');
    s.chars().next().is_some_and(char::is_lowercase) && s.chars().all(char::is_alphabetic)
}
