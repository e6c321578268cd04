//! Direct quotes and who speaks them.
//!
//! A quote becomes a claim when a speaker is written next to it:
//! - after it: `"…," he said.` / `"…," said Ana Ruiz.` / `"…" — Ana Ruiz` (the dash is the cue, read as "say");
//! - before it: `Ruiz said: "…"` / `Ruiz said, "…"` / `Ruiz: "…"` / `Ruiz said that "…"`, also when the
//!   introduction is the previous sentence ending in a colon;
//! - in the middle: `"…," Ruiz said, "…"` joins both halves into one claim;
//! - not at all, but the quote fills its paragraph right after a paragraph quoting somebody: the speaker
//!   carries on (the news convention); such a claim's speaker lies outside its evidence span.
//!
//! Short quotes inside a sentence with no speaker next to them are scare quotes or partial quotes and are left to
//! the reported-speech and narration passes, which read the whole sentence.

use super::ctx::Ctx;
use super::draft::{CLAUSE_PUNCT, Draft, trim_span};
use super::quotes::{Quote, quote_text};
use super::speaker::{self, CueHit, Speaker};
use super::subject;
use crate::model::{ClaimMode, Span, Stance, TokenKind};

/// A speaker and cue found next to a quote, with the token after (or the token before) the attribution.
struct Attr {
    speaker: Option<Speaker>,
    cue: Option<(String, Stance, Option<Span>)>,
    /// Span of the attribution words themselves.
    span: Span,
    /// The quote continues the introducing clause without a colon or comma ("said “…” and more"): the
    /// proposition runs to the end of the sentence.
    partial: bool,
    /// Where a partial proposition starts when it starts before the quote (byte offset): "Trump said [he
    /// wants “…”]".
    content_from: Option<usize>,
}

/// Claims for quotes that have a speaker; returns them in text order.
pub fn quote_claims(ctx: &Ctx, quotes: &[Quote], taken: &[Span]) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    let mut k = 0;
    while k < quotes.len() {
        let q = &quotes[k];
        k += 1;
        let words = word_count(ctx, q.inner);
        if taken.iter().any(|t| overlaps(*t, q.outer)) || words == 0 {
            continue;
        }
        let limit = after_limit(ctx, q, quotes.get(k));
        // A one-word quote is a claim only with its speaker right after it ("“Unsafe,” Ruiz said.").
        if words < 2 && after(ctx, q, limit).is_none() {
            continue;
        }
        let mut content = q.inner;
        let mut text = quote_text(ctx.text, q);
        let mut span = q.outer;
        let attr = match after(ctx, q, limit) {
            Some(a) => {
                span = hull(span, a.span);
                // Middle attribution: `"…," Ruiz said, "…"`. The comma (or colon) is what joins the halves: two
                // quotes that merely follow each other ("“…” ― Ruiz “…” ― Ortiz" in a list of voices) stay apart.
                if let Some(next) = quotes.get(k) {
                    let between = ctx
                        .text
                        .get(a.span.end..next.outer.start)
                        .unwrap_or("x")
                        .trim();
                    let joined = !between.is_empty()
                        && between.trim_matches([',', ':']).trim().is_empty()
                        && same_para(ctx, q.outer.start, next.outer.start);
                    if joined || continues(ctx, a.span.end, next, quotes.get(k + 1)) {
                        content = hull(content, next.inner);
                        // The halves of one sentence join with a space; a sentence that goes on after the
                        // attribution's full stop gets its stop back.
                        let stop = if joined || text.ends_with(['.', '!', '?']) {
                            ""
                        } else {
                            "."
                        };
                        text = format!("{text}{stop} {}", quote_text(ctx.text, next));
                        span = hull(span, next.outer);
                        k += 1;
                    }
                }
                Some(a)
            }
            None => before(ctx, q).inspect(|a| span = hull(span, a.span)),
        };
        let attr = match attr {
            Some(a) => a,
            None => match inherited(ctx, q, &out) {
                Some(a) => a,
                None => continue,
            },
        };
        let mut text = Some(text);
        if attr.partial
            && let Some(s) = ctx.sentence_of(q.outer.start)
        {
            let end = s.end.max(q.outer.end);
            let end = next_cue_after(ctx, q.outer.end, end).unwrap_or(end);
            let from = attr
                .content_from
                .unwrap_or(q.outer.start)
                .min(q.outer.start);
            content = trim_span(ctx.text, Span::new(from, end), CLAUSE_PUNCT);
            span = hull(span, content);
            text = None;
        }
        out.push(Draft {
            span,
            content,
            text,
            speaker: attr.speaker,
            via_text: None,
            via_span: None,
            cue: attr.cue,
            mode: ClaimMode::Direct,
        });
    }
    out
}

/// Whether quote `next` goes on with the quote whose attribution ends at `attr_end` (“A,” Ruiz said. “B.”):
/// it opens the next sentence of the same paragraph, fills that sentence, and has no speaker of its own. News
/// writes a speaker's next sentences so; PolNeAR makes them a second fragment of the first content.
fn continues(ctx: &Ctx, attr_end: usize, next: &Quote, after_next: Option<&Quote>) -> bool {
    let gap = ctx.text.get(attr_end..next.outer.start).unwrap_or("x");
    if !gap.trim_start_matches(['.', '!', '?']).trim().is_empty()
        || gap.trim().is_empty()
        || !same_para(ctx, attr_end.saturating_sub(1), next.outer.start)
    {
        return false;
    }
    let Some(sent) = ctx.sentence_of(next.outer.start) else {
        return false;
    };
    let rest = ctx
        .text
        .get(next.outer.end.min(sent.end)..sent.end.max(next.outer.end))
        .unwrap_or("x");
    rest.trim().trim_matches(['.', '!', '?']).is_empty()
        && after(ctx, next, after_limit(ctx, next, after_next)).is_none()
        && before(ctx, next).is_none()
}

/// Whether two spans share at least one byte.
pub(super) fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

pub fn hull(a: Span, b: Span) -> Span {
    Span::new(a.start.min(b.start), a.end.max(b.end))
}

fn word_count(ctx: &Ctx, span: Span) -> usize {
    ctx.tok_range(span).filter(|&i| ctx.is_word(i)).count()
}

fn same_para(ctx: &Ctx, a: usize, b: usize) -> bool {
    ctx.para_of(a).is_some_and(|p| b < p.end)
}

/// Token index where the words after a quote stop being its attribution: sentence-final punctuation, the
/// next quote, or the paragraph end.
fn after_limit(ctx: &Ctx, q: &Quote, next: Option<&Quote>) -> usize {
    let para_end = ctx.para_of(q.outer.start).map_or(ctx.text.len(), |p| p.end);
    let stop = next.map_or(para_end, |n| n.outer.start.min(para_end));
    let from = ctx.toks.partition_point(|t| t.span.start < q.outer.end);
    let mut i = from;
    while i < ctx.toks.len() && ctx.toks[i].span.start < stop {
        let t = &ctx.toks[i];
        if t.kind == TokenKind::Punct
            && matches!(t.lower.as_str(), "." | "!" | "?")
            && !speaker::is_title_dot(ctx, i)
        {
            break;
        }
        i += 1;
    }
    i
}

fn cue_tuple(hit: &CueHit, ctx: &Ctx, start: usize) -> (String, Stance, Option<Span>) {
    (
        hit.cue.lemma.clone(),
        hit.cue.stance,
        ctx.span_of(start, hit.end),
    )
}

/// Most tokens from a quote's end to the cue of its speaker after it: room for a name with a long apposition
/// ("…,'' Douglas Holtz-Eakin, an economic adviser to Republicans and former director of the budget office,
/// wrote").
const MAX_SPEAKER_AFTER: usize = 40;

/// The attribution right after a closed quote.
fn after(ctx: &Ctx, q: &Quote, limit: usize) -> Option<Attr> {
    let mut t = ctx.toks.partition_point(|t| t.span.start < q.outer.end);
    // The last dash (first and last token) between the quote and its attribution: the cue of "“…” — Ruiz".
    let mut dash = None;
    // A quote closing on a nested one ("…, ‘Don’t hit me, please,’”) is separated by the comma inside both.
    let mut separated = ctx
        .slice(q.inner)
        .trim_end()
        .trim_end_matches(['\'', '’', '"', '”', '‘', '“'])
        .ends_with([',', '!', '?', '…', '—', '–', '―', '-']);
    while t < limit && (ctx.lower(t) == "," || ctx.lower(t) == "-" || ctx.is_dash(t)) {
        if ctx.lower(t) != "," {
            // A typed "--" is two hyphen tokens: the cue spans both.
            let from = dash
                .filter(|&(_, last)| last + 1 == t)
                .map_or(t, |(f, _)| f);
            dash = Some((from, t));
        }
        separated = true;
        t += 1;
    }
    if t >= limit || (!separated && !closing_attribution(ctx, q, t, limit)) {
        return None;
    }
    // "…," said Ruiz.
    let m = t;
    // A participle is never this inverted form ("…,” referring to the convention").
    let c = (m..limit.min(m + 3)).find(|&i| {
        speaker::cue_at(ctx, i).is_some()
            && (m..i).all(|j| speaker::is_modifier(ctx, j))
            && !ctx.lower(i).ends_with("ing")
    });
    if let Some(ci) = c
        && let Some(hit) = speaker::cue_at(ctx, ci)
        && let Some((sp, end)) = speaker::right_np_long(ctx, hit.end, limit)
    {
        let span = ctx.span_of(t, end)?;
        return Some(Attr {
            speaker: Some(sp),
            cue: Some(cue_tuple(&hit, ctx, m)),
            span,
            partial: false,
            content_from: None,
        });
    }
    // "…," Ruiz said. / "…," Ruiz, an adviser to … and former director of …, wrote.
    for ci in t + 1..limit.min(t + MAX_SPEAKER_AFTER) {
        let Some(hit) = speaker::cue_at(ctx, ci) else {
            continue;
        };
        let cs = speaker::absorb_modifiers(ctx, ci, t);
        let sp = speaker::left_np(ctx, cs, t).or_else(|| subject::comma_subject_at(ctx, cs, t))?;
        // A cue with a clause of its own ("“This Week,” Carson admitted that …") does not attribute the quote.
        if ctx.tok_range(sp.span).start != t || ctx.lex.is("complementizer", ctx.lower(hit.end)) {
            return None;
        }
        let span = ctx.span_of(t, hit.end)?;
        return Some(Attr {
            speaker: Some(sp),
            cue: Some(cue_tuple(&hit, ctx, cs)),
            span,
            partial: false,
            content_from: None,
        });
    }
    // "…" — Ruiz: the dash stands for the reporting verb, as the colon does in "Ruiz: “…”".
    if let Some((from, last)) = dash
        && ctx.toks.get(t).is_some_and(|x| x.cap)
    {
        let (sp, end) = speaker::right_np(ctx, t, limit)?;
        let span = ctx.span_of(t, end)?;
        let dash_span = ctx.span_of(from, last + 1);
        return Some(Attr {
            speaker: Some(sp),
            cue: Some(("say".to_string(), Stance::Neutral, dash_span)),
            span,
            partial: false,
            content_from: None,
        });
    }
    None
}

/// Whether a quote of three words or more that ends without a comma is still followed by its attribution alone
/// ("“… everyone knows it” Ruiz said."): a speaker and a cue that end the sentence, from token `t` to `limit`.
fn closing_attribution(ctx: &Ctx, q: &Quote, t: usize, limit: usize) -> bool {
    if word_count(ctx, q.inner) < 3 || limit > t + 8 {
        return false;
    }
    (t + 1..limit).any(|ci| {
        speaker::cue_at(ctx, ci).is_some_and(|h| h.end == limit)
            && speaker::left_np(ctx, speaker::absorb_modifiers(ctx, ci, t), t)
                .is_some_and(|sp| ctx.tok_range(sp.span).start == t)
    })
}

/// The attribution before a quote: "Ruiz said:", "Ruiz said,", "Ruiz:", "Ruiz said that".
fn before(ctx: &Ctx, q: &Quote) -> Option<Attr> {
    let b = ctx.toks.partition_point(|t| t.span.start < q.outer.start);
    if b == 0 {
        return None;
    }
    let para = ctx.para_of(q.outer.start)?;
    // The introduction may be the previous paragraph when it ends in a colon.
    let mut p = b;
    let mut floor_pos = para.start;
    if ctx.toks[p - 1].span.end <= para.start {
        if !ctx.is_punct(p - 1, ":") {
            return None;
        }
        floor_pos = ctx.para_of(ctx.toks[p - 1].span.start)?.start;
    }
    let floor = ctx.toks.partition_point(|t| t.span.start < floor_pos);
    let sentence_floor = ctx
        .sentences
        .iter()
        .rev()
        .find(|s| s.start < ctx.toks[p - 1].span.start)
        .map_or(floor, |s| {
            ctx.toks.partition_point(|t| t.span.start < s.start)
        })
        .max(floor);
    let mut colon = None;
    if ctx.is_punct(p - 1, ":") || ctx.is_punct(p - 1, ",") {
        if ctx.is_punct(p - 1, ":") {
            colon = Some(p - 1);
        }
        p -= 1;
    }
    if p > sentence_floor && ctx.lex.is("complementizer", ctx.lower(p - 1)) {
        p -= 1;
    }
    // A cue ending at p (allowing an adjunct like "in a statement" between cue and colon).
    for ci in (p.saturating_sub(6).max(sentence_floor)..p).rev() {
        let Some(hit) = speaker::cue_at(ctx, ci) else {
            continue;
        };
        // "Trump said of the episode, “…”": a short prepositional adjunct may stand between cue and comma.
        if hit.end != p && colon.is_none() && !adjunct_gap(ctx, hit.end, p) {
            continue;
        }
        let cs = speaker::absorb_modifiers(ctx, ci, sentence_floor);
        let speaker = speaker::left_np(ctx, cs, sentence_floor)
            .or_else(|| subject::comma_subject_at(ctx, cs, sentence_floor));
        let start = speaker.as_ref().map_or(cs, |s| ctx.tok_range(s.span).start);
        speaker.as_ref()?;
        // "Trump said he wants “…”": the outer speaker reports the whole clause, the inner cue included.
        if let Some((osp, ohit, ocs)) = outer_frame(ctx, start, sentence_floor) {
            let ostart = ctx.tok_range(osp.span).start;
            return Some(Attr {
                speaker: Some(osp),
                cue: Some(cue_tuple(&ohit, ctx, ocs)),
                span: ctx.span_of(ostart, b)?,
                partial: true,
                content_from: ctx.toks.get(start).map(|t| t.span.start),
            });
        }
        let span = ctx.span_of(start, b)?;
        return Some(Attr {
            speaker,
            cue: Some(cue_tuple(&hit, ctx, cs)),
            span,
            partial: colon.is_none() && hit.end == b,
            content_from: None,
        });
    }
    // "Ruiz: …"
    let c = colon?;
    let Some(sp) = speaker::left_np(ctx, c, sentence_floor)
        .filter(|sp| ctx.tok_range(sp.span).start == sentence_floor)
    else {
        return verb_phrase_colon(ctx, sentence_floor, c, b);
    };
    let start = ctx.tok_range(sp.span).start;
    let span = ctx.span_of(start, b)?;
    let cue_span = ctx.toks.get(c).map(|t| t.span);
    Some(Attr {
        speaker: Some(sp),
        cue: Some(("say".to_string(), Stance::Neutral, cue_span)),
        span,
        partial: false,
        content_from: None,
    })
}

/// Longest verb phrase between a speaker and the colon introducing a quote, in tokens ("went even further").
const MAX_COLON_PHRASE: usize = 5;

/// "Ruiz went even further: “…”": a sentence opening with a person (a name, a role or a pronoun) and a short
/// verb phrase ending in the colon before the quote; the verb phrase and the colon are the cue.
fn verb_phrase_colon(ctx: &Ctx, floor: usize, c: usize, b: usize) -> Option<Attr> {
    let sp = subject::subject_at(ctx, floor, c)?;
    let sr = ctx.tok_range(sp.span);
    if sr.start != floor || sr.end >= c || c - sr.end > MAX_COLON_PHRASE {
        return None;
    }
    let person = speaker::name_like(ctx, sr.start, sr.end)
        || ctx.lex.is("pronoun", ctx.lower(sr.start))
        || sr
            .clone()
            .any(|k| ctx.lex.role_nouns.contains(ctx.lower(k)));
    let verb = &ctx.toks[sr.end];
    let phrase_ok =
        (sr.end..c).all(|k| ctx.is_word(k)) && !verb.cap && !ctx.lex.is("be", &verb.lower);
    if !person || !phrase_ok {
        return None;
    }
    Some(Attr {
        speaker: Some(sp),
        cue: Some((
            "say".to_string(),
            Stance::Neutral,
            ctx.span_of(sr.end, c + 1),
        )),
        span: ctx.span_of(floor, b)?,
        partial: false,
        content_from: None,
    })
}

/// Where a partial quote's proposition ends before another cue of its speaker ("She declared “…” | and said
/// …", "Manafort, citing ''…,'' | said …"): the byte offset of a cue (or of the conjunction before it) right
/// after the quote, after a comma, or after "and"/"but", between `from` and `to`.
fn next_cue_after(ctx: &Ctx, from: usize, to: usize) -> Option<usize> {
    let first = ctx.toks.partition_point(|t| t.span.start < from);
    let last = ctx.toks.partition_point(|t| t.span.start < to);
    (first..last).find_map(|k| {
        let joins =
            k == first || ctx.is_punct(k - 1, ",") || ctx.lex.is("vp_conjunction", ctx.lower(k));
        if !joins {
            return None;
        }
        let mut c = k;
        while c < last
            && (ctx.lex.is("vp_conjunction", ctx.lower(c)) || speaker::is_modifier(ctx, c))
        {
            c += 1;
        }
        (c < last && speaker::reported_cue_at(ctx, c).is_some()).then(|| ctx.toks[k].span.start)
    })
}

/// The cue and speaker of a clause whose reported content starts at token `start` ("Trump said (that) | he
/// wants …"), with the cue's first token; `floor` is the sentence's first token.
fn outer_frame(ctx: &Ctx, start: usize, floor: usize) -> Option<(Speaker, CueHit, usize)> {
    let mut k = start;
    if k > floor && ctx.lex.is("complementizer", ctx.lower(k - 1)) {
        k -= 1;
    }
    let (ci, hit) = (k.saturating_sub(3).max(floor)..k).rev().find_map(|ci| {
        speaker::reported_cue_at(ctx, ci)
            .filter(|h| h.end == k)
            .map(|h| (ci, h))
    })?;
    let cs = speaker::absorb_modifiers(ctx, ci, floor);
    let sp =
        speaker::left_np(ctx, cs, floor).or_else(|| subject::comma_subject_at(ctx, cs, floor))?;
    Some((sp, hit, cs))
}

/// Whether tokens `a..b` are one short adjunct after a cue: a preposition of the `adjunct_prep` or `source_prep`
/// class (or a date word) followed by at most four words.
fn adjunct_gap(ctx: &Ctx, a: usize, b: usize) -> bool {
    let w = ctx.lower(a);
    b > a
        && b - a <= 5
        && (ctx.lex.is("adjunct_prep", w) || ctx.lex.is("source_prep", w) || ctx.lex.is("time", w))
        && (a..b).all(|k| ctx.is_word(k))
}

/// A quote filling its paragraph, right after a paragraph whose quote has a speaker: the speaker carries on.
fn inherited(ctx: &Ctx, q: &Quote, prev: &[Draft]) -> Option<Attr> {
    let para = ctx.para_of(q.outer.start)?;
    if para.start != q.outer.start {
        return None;
    }
    let last = prev.last()?;
    let last_para = ctx.para_of(last.span.end.saturating_sub(1))?;
    let gap = ctx.text.get(last_para.end..para.start)?;
    if !gap.trim().is_empty() || last.speaker.is_none() {
        return None;
    }
    Some(Attr {
        speaker: last.speaker.clone(),
        cue: last.cue.as_ref().map(|c| (c.0.clone(), c.1, None)),
        span: q.outer,
        partial: false,
        content_from: None,
    })
}
