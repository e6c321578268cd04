//! Reported speech inside one sentence, tried in this order:
//! 1. a source preposition: "according to X, …" / "…, according to X." / "laut X …" / "X zufolge …";
//! 2. the trailing attribution: "…, X said (in a statement)." / "…, said X." / "…, sagte X.";
//! 3. the leading attribution: "X said (that) …", "X told reporters that …", "X denied that …",
//!    "X accused Y of …", German "X sagte, …"; also with the cue before the speaker ("Am Dienstag sagte X, …");
//! 4. the impersonal passive: "it was reported that …", "es wurde berichtet, dass …" (no speaker).
//!
//! The first pattern that yields a speaker and a non-empty proposition wins; one attribution per sentence, as in
//! PolNeAR where every token belongs to at most one attribution.

use super::ctx::Ctx;
use super::draft::{CLAUSE_PUNCT, Draft, trim_span};
use super::lexicon::MarkerPos;
use super::speaker::{self, CueHit, Speaker};
use crate::model::{ClaimMode, Span, Stance};

/// Reported-speech claims of sentence `sent`: one per coordinated clause ("X said A, and Y said B").
pub fn sentence_claims(ctx: &Ctx, sent: Span) -> Vec<Draft> {
    let r = ctx.tok_range(sent);
    let mut out = Vec::new();
    let mut from = r.start;
    for i in r.clone() {
        let coordinated = (ctx.is_punct(i, ",")
            && ctx.lex.is("clause_conjunction", ctx.lower(i + 1)))
            || ctx.is_punct(i, ";");
        if coordinated && i > from {
            if let Some(span) = ctx.span_of(from, i) {
                out.extend(clause_claim(ctx, span));
            }
            from = i + 1;
        }
    }
    if from == r.start {
        out.extend(clause_claim(ctx, sent));
    } else if let Some(span) = ctx.span_of(from, r.end) {
        out.extend(clause_claim(ctx, span));
    }
    out
}

/// The reported-speech claim of one clause, if it has one.
fn clause_claim(ctx: &Ctx, sent: Span) -> Option<Draft> {
    let r = ctx.tok_range(sent);
    if r.len() < 3 {
        return None;
    }
    let end = content_end(ctx, r.start, r.end);
    marker(ctx, sent, r.start, end)
        .or_else(|| trailing(ctx, sent, r.start, end))
        .or_else(|| leading(ctx, sent, r.start, end))
        .or_else(|| passive(ctx, sent, r.start, end))
}

/// The sentence's last token index (exclusive) before its final punctuation.
fn content_end(ctx: &Ctx, a: usize, b: usize) -> usize {
    let mut e = b;
    while e > a
        && ctx.toks[e - 1]
            .lower
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…'))
    {
        e -= 1;
    }
    e
}

fn draft(
    ctx: &Ctx,
    sent: Span,
    content: (usize, usize),
    speaker: Option<Speaker>,
    cue: (String, Stance, Option<Span>),
) -> Option<Draft> {
    let (a, b) = content;
    let mut a = a;
    while a < b
        && (ctx.lex.is("complementizer", ctx.lower(a))
            || ctx.is_punct(a, ",")
            || ctx.is_punct(a, ":"))
    {
        a += 1;
    }
    let span = ctx.span_of(a, b)?;
    let content = trim_span(ctx.text, span, CLAUSE_PUNCT);
    if ctx.tok_range(content).filter(|&i| ctx.is_word(i)).count() < 2 {
        return None;
    }
    let via = via_phrase(ctx, sent);
    Some(Draft {
        span: sent,
        content,
        text: None,
        speaker,
        via_text: via.map(|v| ctx.slice(v).to_string()),
        via_span: via,
        cue: Some(cue),
        mode: ClaimMode::Indirect,
    })
}

/// "in a statement", "in a press release": the document a speaker's words come in.
fn via_phrase(ctx: &Ctx, sent: Span) -> Option<Span> {
    let r = ctx.tok_range(sent);
    for i in r.clone() {
        if !matches!(
            ctx.lower(i),
            "in" | "im" | "via" | "per" | "in einer" | "einer"
        ) {
            continue;
        }
        let mut j = i + 1;
        while j < r.end && j < i + 5 && ctx.is_word(j) {
            if ctx.lex.is("statement_noun", ctx.lower(j)) {
                return ctx.span_of(i + 1, j + 1);
            }
            j += 1;
        }
    }
    None
}

fn cue_of(ctx: &Ctx, hit: &CueHit, start: usize) -> (String, Stance, Option<Span>) {
    (
        hit.cue.lemma.clone(),
        hit.cue.stance,
        ctx.span_of(start, hit.end),
    )
}

fn marker(ctx: &Ctx, sent: Span, a: usize, e: usize) -> Option<Draft> {
    for i in a..e {
        let words = ctx.words(i, 4);
        let Some((m, n)) = ctx.lex.markers.longest(&words).filter(|_| !ctx.in_quote(i)) else {
            continue;
        };
        let cue = (
            m.value.lemma.clone(),
            Stance::Neutral,
            ctx.span_of(i, i + n),
        );
        match m.value.pos {
            MarkerPos::Before => {
                // Source runs to the next comma (or, in German, to the first lower-case non-article word).
                let mut j = i + n;
                while j < e && !ctx.is_punct(j, ",") && j < i + n + 10 {
                    if ctx.lang == "de"
                        && !ctx.toks[j].cap
                        && !ctx.lex.is("determiner", ctx.lower(j))
                    {
                        break;
                    }
                    j += 1;
                }
                let sp = ctx.span_of(i + n, j)?;
                let speaker = Some(super::speaker_from_span(ctx, sp));
                let content = if i == a || (i > a && ctx.is_punct(i - 1, ",") && ctx.lang == "de") {
                    (j, e)
                } else {
                    (a, i)
                };
                return draft(ctx, sent, content, speaker, cue);
            }
            MarkerPos::After => {
                let sp = ctx.span_of(a, i)?;
                if i - a > 8 || i == a {
                    return None;
                }
                let speaker = Some(super::speaker_from_span(ctx, sp));
                return draft(ctx, sent, (i + n, e), speaker, cue);
            }
        }
    }
    None
}

/// "…, X said (adjunct)." / "…, said X." / "…, sagte X."
fn trailing(ctx: &Ctx, sent: Span, a: usize, e: usize) -> Option<Draft> {
    let comma = (a + 2..e)
        .rev()
        .find(|&i| ctx.is_punct(i, ",") || is_close_quote(ctx, i))?;
    let t = comma + 1;
    if e <= t || e - t > 16 {
        return None;
    }
    // Cue first: "said X" (skip modifiers).
    let mut m = t;
    while m < e && ctx.lex.is("cue_modifier", ctx.lower(m)) {
        m += 1;
    }
    if let Some(hit) =
        speaker::cue_at(ctx, m).filter(|h| h.cue.stance == Stance::Neutral && !ctx.in_quote(m))
        && let Some((sp, _)) = speaker::right_np(ctx, hit.end, e)
    {
        return draft(ctx, sent, (a, comma), Some(sp), cue_of(ctx, &hit, t));
    }
    for ci in t + 1..e {
        let Some(hit) = speaker::cue_at(ctx, ci).filter(|_| !ctx.in_quote(ci)) else {
            continue;
        };
        let cs = speaker::absorb_modifiers(ctx, ci, t);
        let sp = speaker::left_np(ctx, cs, t)?;
        if ctx.tok_range(sp.span).start != t {
            return None;
        }
        // Whatever follows the cue must be a short adjunct ("in a statement", "on Tuesday").
        if e - hit.end > 8 {
            return None;
        }
        return draft(ctx, sent, (a, comma), Some(sp), cue_of(ctx, &hit, cs));
    }
    None
}

fn is_close_quote(ctx: &Ctx, i: usize) -> bool {
    matches!(ctx.lower(i), "”" | "\"" | "«" | "“" | "’") && i > 0 && ctx.is_punct(i - 1, ",")
}

/// "X said (that) …" — the first cue with a speaker to its left (or right, in verb-second German).
fn leading(ctx: &Ctx, sent: Span, a: usize, e: usize) -> Option<Draft> {
    let mut i = a;
    while i < e {
        let Some(hit) = speaker::cue_at(ctx, i).filter(|_| !ctx.in_quote(i)) else {
            i += 1;
            continue;
        };
        let cs = speaker::absorb_modifiers(ctx, i, a);
        if ctx.lex.is("not_content_start", ctx.lower(hit.end)) {
            i = hit.end;
            continue;
        }
        if let Some(sp) = speaker::left_np(ctx, cs, a) {
            let from = content_start(ctx, hit.end, e);
            if let Some(d) = draft(ctx, sent, (from, e), Some(sp), cue_of(ctx, &hit, cs)) {
                return Some(d);
            }
        } else if let Some((sp, after)) = speaker::right_np(ctx, hit.end, e) {
            // "Am Dienstag sagte der Minister, …" / "Said the minister: …"
            if after < e
                && (ctx.is_punct(after, ",") || ctx.is_punct(after, ":"))
                && let Some(d) = draft(ctx, sent, (after, e), Some(sp), cue_of(ctx, &hit, cs))
            {
                return Some(d);
            }
        }
        i = hit.end;
    }
    None
}

/// Where the reported clause starts after a cue: at "that" when it comes within a few words ("told reporters
/// that"), else right after the cue.
fn content_start(ctx: &Ctx, after_cue: usize, e: usize) -> usize {
    (after_cue..e.min(after_cue + 6))
        .find(|&j| ctx.lex.is("complementizer", ctx.lower(j)) || ctx.is_punct(j, ":"))
        .filter(|&j| (after_cue..j).all(|k| ctx.is_word(k) || ctx.is_punct(k, ",")))
        .unwrap_or(after_cue)
}

/// "It was reported that …": a cue without a speaker.
fn passive(ctx: &Ctx, sent: Span, a: usize, e: usize) -> Option<Draft> {
    for i in a..e.saturating_sub(2) {
        if !matches!(ctx.lower(i), "it" | "es")
            || !ctx.lex.is("passive_aux", ctx.lower(i + 1))
            || ctx.in_quote(i)
        {
            continue;
        }
        let mut c = i + 2;
        while c < e && ctx.lex.is("passive_aux", ctx.lower(c)) {
            c += 1;
        }
        let hit = speaker::cue_at(ctx, c)?;
        let after = content_start(ctx, hit.end, e);
        let opens = ctx.lex.is("complementizer", ctx.lower(after))
            || ctx.is_punct(after, ",")
            || ctx.is_punct(after, ":");
        if !opens {
            return None;
        }
        return draft(ctx, sent, (after, e), None, cue_of(ctx, &hit, i + 1));
    }
    None
}
