//! Intermediaries named by a closing source marker after an attributed claim: "“…,” Sanders said, according to
//! CNN." (German "„…“, sagte Ruiz laut Radio Hafen.") reports what the speaker said as another source relayed it.
//! The speaker stays the claim's speaker; the relaying source becomes its `via`, as a press release does ("in a
//! statement, X …"). Which markers relay is data: the `relay` flag of the language's `source_markers` table. A
//! marker that is itself a claim's cue ("More than 600 officers were deployed, according to the movement", or one
//! opening the sentence: "According to pool reports, Obama said …" credits the whole to the reports), or one inside
//! a claim's content ("Ruiz said according to the rules the camp must go"), is left alone.

use super::ctx::Ctx;
use super::draft::Draft;
use super::lexicon::MarkerPos;
use super::speaker;
use crate::model::Span;

/// Most tokens between a claim's cue and a closing ", according to X" ("said on Tuesday, according to …").
const MAX_CUE_GAP: usize = 6;

/// Sets the `via` of attributed claims that a relaying source marker in their sentence names.
pub fn relay_vias(ctx: &Ctx, drafts: &mut [Draft]) {
    let cue_spans: Vec<Span> = drafts
        .iter()
        .filter_map(|d| d.cue.as_ref().and_then(|c| c.2))
        .collect();
    for &sent in &ctx.sentences {
        let r = ctx.tok_range(sent);
        for k in r.clone() {
            if !ctx.is_word(k) || ctx.in_quote(k) {
                continue;
            }
            let Some((_, n)) =
                speaker::marker_at(ctx, k).filter(|(m, _)| m.relays && m.pos == MarkerPos::Before)
            else {
                continue;
            };
            let at = ctx.toks.get(k).map_or(0, |t| t.span.start);
            if k + n >= r.end || cue_spans.iter().any(|c| c.start <= at && at < c.end) {
                continue;
            }
            let Some((source, _)) = speaker::right_np_long(ctx, k + n, r.end) else {
                continue;
            };
            if let Some(d) = trailing_target(ctx, drafts, k, sent).and_then(|i| drafts.get_mut(i)) {
                d.set_via(ctx, source.span);
            }
        }
    }
}

/// "…,” Ruiz said, according to X.": the attributed claim whose cue ends a few tokens before the marker at
/// token `k` and whose content does not hold the marker.
fn trailing_target(ctx: &Ctx, drafts: &[Draft], k: usize, sent: Span) -> Option<usize> {
    let at = ctx.toks.get(k)?.span.start;
    drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.via_span.is_none() && d.speaker.is_some())
        .filter(|(_, d)| !(d.content.start <= at && at < d.content.end))
        .filter_map(|(i, d)| d.cue.as_ref().and_then(|c| c.2).map(|c| (i, c)))
        .filter(|&(_, c)| c.end > sent.start && c.start < sent.end)
        .filter_map(|(i, c)| {
            let cue_end = ctx.tok_range(c).end;
            (cue_end <= k && k - cue_end <= MAX_CUE_GAP).then_some((i, cue_end))
        })
        .max_by_key(|&(_, end)| end)
        .map(|(i, _)| i)
}
