//! The outlet's own voice: every sentence that credits nobody and states something becomes a `narration`
//! claim without speaker or cue. Headings (no final punctuation, or a Markdown `#`), questions, and fragments
//! of fewer than four words are skipped: they put nothing forward.

use super::ctx::Ctx;
use super::draft::{CLAUSE_PUNCT, Draft, trim_span};
use crate::model::{ClaimMode, Span};

/// The narration claim of sentence `sent`, when it states something.
pub fn narration(ctx: &Ctx, sent: Span) -> Option<Draft> {
    let body = ctx.slice(sent).trim();
    if body.starts_with('#') || body.ends_with('?') {
        return None;
    }
    let ends_like_sentence = body
        .trim_end_matches(['"', '”', '“', '»', '«', '’', ')'])
        .ends_with(['.', '!', '…']);
    let words = ctx.tok_range(sent).filter(|&i| ctx.is_word(i)).count();
    if !ends_like_sentence || words < 4 {
        return None;
    }
    let content = trim_span(ctx.text, sent, CLAUSE_PUNCT);
    Some(Draft {
        span: sent,
        content,
        text: None,
        speaker: None,
        via_text: None,
        via_span: None,
        cue: None,
        mode: ClaimMode::Narration,
    })
}
