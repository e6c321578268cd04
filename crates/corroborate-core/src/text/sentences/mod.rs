//! Sentence segmentation for English and German (other languages use the English-like generic rules, or their
//! own tables once `crate::lexicon` has them).
//!
//! The segmenter is a single left-to-right pass over whitespace-separated chunks. A sentence ends after a chunk
//! when
//! - the line structure says so (blank line; single line break unless it is a soft wrap, see [`chunks`]),
//! - a sentence is glued to the next without a space ("Tuesday.Mr. Smith"),
//! - a bullet or the next item of a list run follows ([`lists`]), or
//! - the chunk's final punctuation ends it by the rules in [`decide`], and that punctuation is not inside a closed
//!   quotation or bracket pair ([`pairs`]).
//!
//! Language knowledge (abbreviations and which of them may end a sentence, sentence openers, month names, words
//! that make "3." an ordinal) comes from the data tables via [`rules`]. Spans are byte offsets into the input; they
//! start and end on non-whitespace characters, so whitespace between sentences belongs to no span. The text is
//! never rewritten: a sentence that wraps over a soft line break keeps the line break inside its span.

mod chars;
mod chunks;
mod decide;
mod lists;
mod pairs;
mod rules;

use crate::model::Span;

/// Sentence spans of `text` for language `lang` (ISO 639-1; languages without tables use the English ones).
/// Spans are in order, do not overlap, lie on char boundaries and exclude the whitespace between sentences.
pub fn split_sentences(text: &str, lang: &str) -> Vec<Span> {
    let rules = rules::Rules::for_language(lang);
    let chunks = chunks::chunks(text, rules);
    let Some(last) = chunks.last() else {
        return Vec::new();
    };
    let pairs = pairs::pair_up(text, &chunks);
    let items = lists::item_starts(text, &chunks);
    let ctx = decide::Ctx {
        text,
        chunks: &chunks,
        rules,
        quote_opened_at: &pairs.quote_opened_at,
    };
    let mut spans = Vec::new();
    let mut sentence_start = 0usize;
    for i in 1..chunks.len() {
        let chunk = &text[chunks[i].start..chunks[i].end];
        let opens_item =
            (items[i] || lists::starts_with_bullet(chunk)) && !ctx.only_markers(sentence_start, i);
        let ends = chunks[i].forced_before
            || opens_item
            || (!pairs.protected[i - 1] && ctx.ends_sentence(i - 1, sentence_start));
        if ends {
            spans.push(Span::new(chunks[sentence_start].start, chunks[i - 1].end));
            sentence_start = i;
        }
    }
    spans.push(Span::new(chunks[sentence_start].start, last.end));
    spans
}

#[cfg(test)]
mod tests;
