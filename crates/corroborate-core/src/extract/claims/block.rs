//! Statement blocks of partisan and activist sites: "X issued a press release, which we publish in full:"
//! followed by the statement, usually quoted paragraph by paragraph, and closed by a signature line
//! ("Secretariat of …").
//!
//! Every sentence of the block is X's claim (mode `direct`: the statement's own words), carried by the outlet's
//! document, with X's statement ("a press release") as `via_text`. Speech reported *inside* the statement ("the
//! minister lies when he says nobody was touched") also gets its own claim, with the statement as `via`; when
//! its speaker is the statement's own voice ("We call on the United Nations to …") the claim is X's.

use super::ctx::Ctx;
use super::draft::{CLAUSE_PUNCT, CueInfo, Draft, trim_span};
use super::quotes::Quote;
use super::speaker::{self, Speaker};
use crate::model::{ClaimMode, Span};

/// A statement block: who issued it, through what, and the span of its text.
pub struct Block {
    pub speaker: Speaker,
    pub cue: CueInfo,
    pub via: Option<Span>,
    /// The statement's text, from its first to its last paragraph.
    pub body: Span,
    /// The signature line, when there is one.
    pub signature: Option<Span>,
    /// The introduction paragraph.
    pub intro: Span,
}

/// Statement blocks of the document.
pub fn find_blocks(ctx: &Ctx, quotes: &[Quote]) -> Vec<Block> {
    let mut out = Vec::new();
    for (pi, para) in ctx.paras.iter().enumerate() {
        let body = ctx.slice(*para);
        if !body.ends_with(':') {
            continue;
        }
        let r = ctx.tok_range(*para);
        let intro_words = (r.start..r.end).any(|i| ctx.lex.is("block_intro", ctx.lower(i)));
        if !intro_words {
            continue;
        }
        let Some((sp, cue)) = intro_speaker(ctx, *para) else {
            continue;
        };
        let via = (r.start..r.end)
            .find(|&i| ctx.lex.is("statement_noun", ctx.lower(i)))
            .and_then(|i| statement_phrase(ctx, r.start, i));
        let Some(next) = ctx.paras.get(pi + 1) else {
            continue;
        };
        // Quoted block: the quote that opens the next paragraph (with its continued paragraphs).
        let (body_span, last_para) = match quotes.iter().find(|q| q.outer.start == next.start) {
            Some(q) => {
                let last = ctx
                    .paras
                    .iter()
                    .rposition(|p| p.start < q.outer.end)
                    .unwrap_or(pi + 1);
                (q.outer, last)
            }
            None => {
                // Unquoted: paragraphs up to a signature line or the end, at most 30.
                let mut last = pi + 1;
                while last + 1 < ctx.paras.len()
                    && last < pi + 30
                    && !is_signature(ctx, ctx.paras[last + 1])
                {
                    last += 1;
                }
                (Span::new(next.start, ctx.paras[last].end), last)
            }
        };
        let signature = ctx
            .paras
            .get(last_para + 1)
            .copied()
            .filter(|p| is_signature(ctx, *p));
        out.push(Block {
            speaker: sp,
            cue,
            via,
            body: body_span,
            signature,
            intro: *para,
        });
    }
    out
}

/// The issuer of the statement: the speaker of the intro's cue ("X issued a press release"), or the phrase that
/// opens the intro.
fn intro_speaker(ctx: &Ctx, para: Span) -> Option<(Speaker, CueInfo)> {
    let sent = ctx
        .sentences
        .iter()
        .rev()
        .find(|s| s.start < para.end && s.end > para.start)
        .copied()
        .unwrap_or(para);
    let r = ctx.tok_range(Span::new(sent.start.max(para.start), para.end));
    for i in r.clone() {
        let Some(hit) = speaker::cue_at(ctx, i) else {
            continue;
        };
        let cs = speaker::absorb_modifiers(ctx, i, r.start);
        if let Some(sp) = speaker::left_np(ctx, cs, r.start) {
            let cue = (
                hit.cue.lemma.clone(),
                hit.cue.stance,
                ctx.span_of(cs, hit.end),
            );
            return Some((sp, cue));
        }
    }
    None
}

/// "a press release" from the determiner before the noun to the noun.
fn statement_phrase(ctx: &Ctx, floor: usize, noun: usize) -> Option<Span> {
    let mut a = noun;
    while a > floor
        && a + 3 > noun
        && ctx.is_word(a - 1)
        && !ctx.lex.is("np_stop", ctx.lower(a - 1))
    {
        let det = ctx.lex.is("determiner", ctx.lower(a - 1));
        a -= 1;
        if det {
            break;
        }
        if speaker::cue_at(ctx, a).is_some() {
            a += 1;
            break;
        }
    }
    ctx.span_of(a, noun + 1)
}

/// A short line without final punctuation that opens with a signature word ("Secretariat of …").
fn is_signature(ctx: &Ctx, p: Span) -> bool {
    let body = ctx.slice(p);
    let r = ctx.tok_range(p);
    r.len() <= 12
        && !body.ends_with(['.', '!', '?', '"', '”', '“', '»', '«', ':'])
        && ctx.lex.is("signature_head", ctx.lower(r.start))
}

/// Claims of a block: one per sentence of the statement, plus reported speech inside it.
pub fn block_claims(ctx: &Ctx, b: &Block) -> Vec<Draft> {
    let mut out = Vec::new();
    let via_text = b.via.map(|v| ctx.slice(v).to_string());
    let marks: &[char] = &['"', '“', '”', '„', '«', '»', '‹', '›', '‘', '’'];
    for s in ctx
        .sentences
        .iter()
        .filter(|s| s.start < b.body.end && s.end > b.body.start)
    {
        let clipped = Span::new(s.start.max(b.body.start), s.end.min(b.body.end));
        let mut punct: Vec<char> = CLAUSE_PUNCT.to_vec();
        punct.extend_from_slice(marks);
        let content = trim_span(ctx.text, clipped, &punct);
        if content.is_empty() {
            continue;
        }
        out.push(Draft {
            span: clipped,
            content,
            text: None,
            speaker: Some(b.speaker.clone()),
            via_text: via_text.clone(),
            via_span: b.via,
            cue: Some(b.cue.clone()),
            mode: ClaimMode::Direct,
        });
        if let Some(mut inner) = nested(ctx, content) {
            let own_voice = inner.speaker.as_ref().is_some_and(|sp| {
                ctx.lex
                    .is("first_person", &ctx.slice(sp.span).trim().to_lowercase())
            });
            if own_voice {
                // "We call on …" inside the statement: the issuer's own claim, through its statement.
                inner.speaker = Some(b.speaker.clone());
                inner.via_text = via_text.clone();
                inner.via_span = b.via;
            } else {
                inner.via_text = via_text
                    .clone()
                    .or_else(|| Some(ctx.slice(b.speaker.span).to_string()));
                inner.via_span = b.via.or(Some(b.speaker.head));
            }
            out.push(inner);
        }
    }
    out
}

/// Reported speech inside a statement sentence ("… when he says nobody was touched").
fn nested(ctx: &Ctx, sent: Span) -> Option<Draft> {
    let r = ctx.tok_range(sent);
    for i in r.clone() {
        let Some(hit) = speaker::reported_cue_at(ctx, i) else {
            continue;
        };
        let cs = speaker::absorb_modifiers(ctx, i, r.start);
        let Some(sp) = speaker::left_np(ctx, cs, r.start) else {
            continue;
        };
        let from = (hit.end..r.end)
            .find(|&j| !ctx.lex.is("complementizer", ctx.lower(j)) && !ctx.is_punct(j, ","))?;
        let content = trim_span(ctx.text, ctx.span_of(from, r.end)?, CLAUSE_PUNCT);
        if content.is_empty() {
            continue;
        }
        return Some(Draft {
            span: Span::new(sp.span.start, content.end),
            content,
            text: None,
            speaker: Some(sp),
            via_text: None,
            via_span: None,
            cue: Some((
                hit.cue.lemma.clone(),
                hit.cue.stance,
                ctx.span_of(cs, hit.end),
            )),
            mode: ClaimMode::Indirect,
        });
    }
    None
}
