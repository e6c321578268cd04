//! Claims: who says what, how, and through whom.
//!
//! One document at a time, in four passes over the same tokens ([`ctx::Ctx`]):
//! 1. statement blocks ("X issued a press release, which we publish in full:" + the statement + a signature
//!    line), whose every sentence is X's ([`block`]), and the turns of interview transcripts ("WALLACE: …",
//!    [`transcript`]);
//! 2. direct quotes in any quote style with a speaker before, after or between their halves ([`direct`],
//!    boundaries from [`quotes`]);
//! 3. reported speech in each remaining sentence: "according to X", "…, X said.", "X said that …", "X: …",
//!    the impersonal passive ([`reported`]), and claims named by a noun, "X's claim that …" ([`nominal`]);
//! 4. the outlet's own voice for every other sentence that states something ([`narration`]).
//!
//! Every claim then gets its polarity (with a positive rewrite of negated propositions) and hedging
//! ([`polarity`]) and its speaker linked to the entity-mention layer ([`link`]). Language knowledge lives in the
//! data tables (`reporting_verbs`, `source_markers`, `hedges`, `negators`, `claim_words`, `role_nouns`), so
//! another language is new tables ([`lexicon`]).

mod block;
mod ctx;
mod direct;
mod draft;
mod lexicon;
mod link;
mod narration;
mod nominal;
mod polarity;
mod quotes;
mod reported;
mod speaker;
mod subject;
mod transcript;
mod via;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_agents;
#[cfg(test)]
mod tests_de;
#[cfg(test)]
mod tests_elsewhere;
#[cfg(test)]
mod tests_frames;
#[cfg(test)]
mod tests_lexicon;
#[cfg(test)]
mod tests_more;
#[cfg(test)]
mod tests_recall;
#[cfg(test)]
mod tests_subjects;
#[cfg(test)]
mod tests_turns;
#[cfg(test)]
mod tests_views;

use crate::model::{ClaimMention, Document, Span};
use crate::text::sentences::split_sentences;
use ctx::Ctx;
use draft::Draft;
use speaker::Speaker;

pub use quotes::{Quote, find_quotes};

/// The claims of one document, ordered by evidence start. Reads its sentences (or splits them when the layer
/// is empty) and its entity mentions (for `speaker_mention`, `co_speaker_mentions`, `via_mention`).
pub fn find_claims(doc: &Document, lang: &str) -> Vec<ClaimMention> {
    let split;
    let sentences = if doc.layers.sentences.is_empty() {
        split = split_sentences(&doc.text, lang);
        &split
    } else {
        &doc.layers.sentences
    };
    let mut ctx = Ctx::new(&doc.text, sentences, lang);
    let quotes = quotes::find_quotes(&doc.text);
    ctx.quoted = quotes
        .iter()
        .filter(|q| ctx.tok_range(q.inner).filter(|&i| ctx.is_word(i)).count() >= 3)
        .map(|q| q.inner)
        .collect();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut taken: Vec<Span> = Vec::new();
    for b in block::find_blocks(&ctx, &quotes) {
        if taken.iter().any(|t| direct::overlaps(*t, b.body)) {
            continue;
        }
        taken.push(b.intro);
        taken.push(b.body);
        taken.extend(b.signature);
        drafts.extend(block::block_claims(&ctx, &b));
    }
    for d in transcript::transcript_claims(&ctx) {
        if !taken.iter().any(|t| direct::overlaps(*t, d.span)) {
            taken.push(d.span);
            drafts.push(d);
        }
    }
    for d in direct::quote_claims(&ctx, &quotes, &taken) {
        taken.push(d.span);
        drafts.push(d);
    }
    taken.sort_unstable();
    // Speakers of the claims found so far, by evidence end: a participle cue after a direct quote ("…," she
    // said, adding …) refers back to the quote's speaker.
    let mut speakers: Vec<(usize, Speaker)> = drafts
        .iter()
        .filter_map(|d| d.speaker.clone().map(|s| (d.span.end, s)))
        .collect();
    speakers.sort_by_key(|s| s.0);
    for &sent in &ctx.sentences {
        let pieces = uncovered(&taken, sent);
        if pieces.len() == 1 && pieces[0] == sent {
            let reported = reported::sentence_claims(&ctx, sent, None);
            if reported.is_empty() {
                drafts.extend(narration::narration(&ctx, sent));
            } else {
                drafts.extend(reported);
            }
            continue;
        }
        for piece in pieces {
            if ctx.tok_range(piece).filter(|&i| ctx.is_word(i)).count() < 2 {
                continue;
            }
            let k = speakers.partition_point(|s| s.0 <= piece.start);
            let prev = k
                .checked_sub(1)
                .and_then(|k| speakers.get(k))
                .filter(|s| s.0 > sent.start)
                .map(|s| &s.1);
            drafts.extend(reported::sentence_claims(&ctx, piece, prev));
        }
    }
    drafts.sort_by_key(|d| (d.span.start, d.span.end));
    via::relay_vias(&ctx, &mut drafts);
    drafts
        .into_iter()
        .map(|d| d.finish(&ctx, &doc.layers.mentions))
        .collect()
}

/// The parts of `sent` outside every span of `taken` (sorted by start), trimmed of spaces.
fn uncovered(taken: &[Span], sent: Span) -> Vec<Span> {
    // Spans starting before the sentence ends; the last few are the only ones that can reach into it (quote and
    // block spans barely overlap each other).
    let k = taken.partition_point(|t| t.start < sent.end);
    let mut hits: Vec<Span> = taken[k.saturating_sub(64)..k]
        .iter()
        .copied()
        .filter(|t| t.end > sent.start)
        .collect();
    hits.sort_unstable();
    let mut out = Vec::new();
    let mut from = sent.start;
    for t in hits {
        if t.start > from {
            out.push(Span::new(from, t.start));
        }
        from = from.max(t.end);
    }
    if from < sent.end {
        out.push(Span::new(from, sent.end));
    }
    out
}

/// A speaker given as a whole span (after "according to"): its head is its last capitalised word.
fn speaker_from_span(ctx: &Ctx, span: Span) -> speaker::Speaker {
    let r = ctx.tok_range(span);
    let head = r
        .clone()
        .rev()
        .find(|&i| ctx.toks[i].cap)
        .or_else(|| r.clone().rev().find(|&i| ctx.is_word(i)))
        .map_or(span, |i| ctx.toks[i].span);
    speaker::Speaker {
        span,
        parts: vec![span],
        head,
    }
}
