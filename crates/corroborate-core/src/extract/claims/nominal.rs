//! Nominal cues: a claim named by a noun with its owner before it ("Trump's claim that Obama founded ISIS",
//! "her criticism of the trade deal", "seine Forderung nach Neuwahlen"). The owner is the speaker, the noun the
//! cue (from the `claim_nouns` table), and what follows "that" or the noun's preposition the content. A few
//! nouns name a claim without an owner before a "that" clause ("allegations that he beat his wife", "fears
//! that the pier will collapse"): the claim has no speaker, like the impersonal "it was reported that …".
//!
//! Without a parser the content's end is guessed: a "that" clause runs to the next comma, dash or semicolon (or
//! the clause end), a prepositional complement is the noun phrase after the preposition. A nominal claim inside
//! another claim's content is part of that claim and is not given again.

use super::ctx::Ctx;
use super::draft::{CLAUSE_PUNCT, Draft, trim_span};
use super::speaker::{self, Speaker};
use crate::model::{ClaimMode, Span, TokenKind};

/// Longest noun-phrase complement taken after a preposition, in tokens.
const MAX_COMPLEMENT: usize = 12;

/// Nominal claims of the clause `a..e` of sentence `sent`, outside the contents of `out`.
pub fn nominal_claims(ctx: &Ctx, sent: Span, a: usize, e: usize, out: &[Draft]) -> Vec<Draft> {
    let mut found = Vec::new();
    let mut i = a + 1;
    while i < e {
        if !ctx.lex.nouns.starts_with(ctx.lower(i)) {
            i += 1;
            continue;
        }
        let words = ctx.words(i, 3);
        let Some((phrase, n)) = ctx.lex.nouns.longest(&words) else {
            i += 1;
            continue;
        };
        let at = ctx.toks[i].span.start;
        let within = |s: Span| s.start <= at && at < s.end;
        // Inside another claim's content or cue, or between its cue and content ("denied [reports] that …",
        // whose content is the noun's clause).
        let inside = out.iter().any(|d| {
            let cue = d.cue.as_ref().and_then(|c| c.2);
            within(d.content)
                || cue.is_some_and(within)
                || cue.is_some_and(|c| c.end <= at && at < d.content.start)
        });
        if inside || ctx.in_quote(i) {
            i += n;
            continue;
        }
        let owner = owner_before(ctx, i, a);
        let after = owner
            .is_none()
            .then(|| owner_after(ctx, i, n, (a, e)))
            .flatten();
        if owner.is_none() && after.is_none() && !unowned(ctx, i, n, e, phrase.value.lemma.as_str())
        {
            i += n;
            continue;
        }
        let range = match &after {
            Some((_, r)) => Some(*r),
            None => complement(ctx, i + n, e),
        };
        let owner = owner.or(after.map(|(sp, _)| sp));
        let Some((from, to)) = range else {
            i += n;
            continue;
        };
        let (Some(content), Some(cue_span)) = (ctx.span_of(from, to), ctx.span_of(i, i + n)) else {
            i += n;
            continue;
        };
        let content = trim_span(ctx.text, content, CLAUSE_PUNCT);
        let words = ctx.tok_range(content).filter(|&k| ctx.is_word(k)).count();
        if words >= 2 {
            found.push(Draft {
                span: sent,
                content,
                text: None,
                speaker: owner,
                via_text: None,
                via_span: None,
                cue: Some((
                    phrase.value.lemma.clone(),
                    phrase.value.stance,
                    Some(cue_span),
                )),
                mode: ClaimMode::Indirect,
            });
        }
        i = to.max(i + n);
    }
    found
}

/// The owner written before the noun at `noun`: a possessive pronoun ("her"), a name with a possessive ending
/// ("Donald Trump's", "Sanders’"), a common noun with one after its determiner ("the union's"), with at most one adjective between ("his controversial remarks").
fn owner_before(ctx: &Ctx, noun: usize, floor: usize) -> Option<Speaker> {
    for back in 1..=2 {
        let p = noun.checked_sub(back)?;
        if p < floor {
            return None;
        }
        let w = ctx.lower(p);
        if ctx.lex.is("possessive", w) {
            let span = ctx.toks[p].span;
            return Some(Speaker {
                span,
                parts: vec![span],
                head: span,
            });
        }
        let apostrophe_s = is_possessive(w);
        // "the union's allegations": a common noun with a possessive ending, after its determiner.
        if apostrophe_s && !ctx.toks[p].cap {
            let det = (p.saturating_sub(3).max(floor)..p)
                .rev()
                .find(|&k| ctx.lex.is("determiner", ctx.lower(k)))?;
            if (det + 1..p).any(|k| !speaker::np_word(ctx, k)) {
                return None;
            }
            let mut sp = speaker::build(ctx, det, p + 1)?;
            sp.head = ctx.toks[p].span;
            return Some(sp);
        }
        let bare_apostrophe =
            matches!(w, "’" | "'") && p > floor && ctx.lower(p - 1).ends_with('s');
        if (apostrophe_s && ctx.toks[p].cap) || bare_apostrophe {
            let end = p + 1;
            let last = if bare_apostrophe { p - 1 } else { p };
            let mut start = last;
            while start > floor
                && start + 6 > last
                && ctx.toks[start - 1].cap
                && ctx.toks[start - 1].kind == TokenKind::Word
            {
                start -= 1;
            }
            let mut sp = speaker::build(ctx, start, end)?;
            sp.head = ctx.toks[last].span;
            return Some(sp);
        }
        // Only an adjective may stand between owner and noun: a lower-case word that is no cue and no stop word.
        let adjective = ctx.is_word(p)
            && !ctx.toks[p].cap
            && !ctx.lex.is("np_stop", w)
            && !ctx.lex.is("determiner", w)
            && speaker::cue_at(ctx, p).is_none();
        if !adjective {
            return None;
        }
    }
    None
}

/// Most words between the subject of a clause and a nominal cue that is its object ("The program | is facing |
/// criticism from …").
const MAX_VERB_GAP: usize = 5;

/// The owner written after the noun at `noun` (`n` tokens), after a preposition of the `nominal_agent_prep`
/// class ("criticism from many environmentalists", "a statement by the campaign that …"), with the content's
/// token range: the complement after the owner ("… that the tenor of his campaign …", "calls from rivals to
/// break up the banks"), else the subject of the clause whose verb takes the noun as object: what the owner
/// criticised or backed ("The ethanol program is facing criticism from …").
fn owner_after(
    ctx: &Ctx,
    noun: usize,
    n: usize,
    (a, e): (usize, usize),
) -> Option<(Speaker, (usize, usize))> {
    let p = noun + n;
    if p >= e || !ctx.lex.is("nominal_agent_prep", ctx.lower(p)) {
        return None;
    }
    // "support from 52 percent of voters" measures standing; it reports nobody's claim.
    if ctx
        .toks
        .get(p + 1)
        .is_some_and(|t| t.kind == TokenKind::Number)
    {
        return None;
    }
    let (agent, j) =
        super::reported::agent_at(ctx, p + 1, e).or_else(|| plain_agent(ctx, p + 1, e))?;
    if let Some(range) = complement(ctx, j, e) {
        return Some((agent, range));
    }
    let sp = super::subject::subject_at(ctx, a, noun)?;
    let r = ctx.tok_range(sp.span);
    let object = r.end < noun
        && noun - r.end <= MAX_VERB_GAP
        && (r.end..noun).all(|k| ctx.is_word(k) && speaker::cue_at(ctx, k).is_none());
    object.then_some((agent, (r.start, r.end)))
}

/// Longest owner phrase after a nominal cue, in tokens.
const MAX_AGENT: usize = 10;

/// An owner after a nominal cue that opens with a lower-case word ("criticism from rivals that …", "praise from
/// conservative groups for …"): the run of noun-phrase words up to a pronoun or a preposition other than "of",
/// with a content word in it. A passive's agent must open like a name or a determined phrase; after the
/// preposition of a nominal cue a bare plural is as common.
fn plain_agent(ctx: &Ctx, start: usize, e: usize) -> Option<(Speaker, usize)> {
    let first = ctx.toks.get(start)?;
    if first.kind != TokenKind::Word || ctx.lex.is("time", &first.lower) {
        return None;
    }
    let mut j = start;
    while j < e && j - start < MAX_AGENT && speaker::np_word(ctx, j) {
        let w = ctx.lower(j);
        if ctx.lex.is("pronoun", w) || (ctx.lex.is("not_content_start", w) && w != "of") {
            break;
        }
        j += 1;
    }
    if j == start || !speaker::has_content_word(ctx, start, j) {
        return None;
    }
    Some((speaker::build(ctx, start, j)?, j))
}

/// Whether the noun at `noun` (`n` tokens), with no owner before it, still names a claim put forward by
/// somebody unnamed: a noun of the `unowned_nominal` class (by lemma: "allegations", "fears", "rumors") right
/// before a "that" clause (not "whether": a question is no claim) whose subject follows ("allegations that he beat …", not the relative clause in
/// "allegations that surfaced …"), and not after a pronoun or a name, where the form is a verb ("he claims that").
fn unowned(ctx: &Ctx, noun: usize, n: usize, e: usize, lemma: &str) -> bool {
    if !ctx.lex.is("unowned_nominal", lemma) {
        return false;
    }
    // A capitalised form inside the sentence is a noun (German "es gibt Gerüchte, dass …").
    let noun_cased = noun > 0 && ctx.toks[noun].cap && ctx.is_word(noun - 1);
    if let Some(p) = noun.checked_sub(1).filter(|_| !noun_cased) {
        let w = ctx.lower(p);
        if ctx.is_word(p) && (ctx.toks[p].cap || ctx.lex.is("pronoun", w) || is_possessive(w)) {
            return false;
        }
    }
    let mut j = noun + n;
    if ctx.is_punct(j, ",") {
        j += 1;
    }
    if j + 1 >= e || !ctx.lex.is("declarative_complementizer", ctx.lower(j)) {
        return false;
    }
    let next = &ctx.toks[j + 1];
    next.kind == TokenKind::Word
        && !ctx.lex.is("np_stop", &next.lower)
        && !ctx.lex.is("relative_verb", &next.lower)
        && (next.cap || !next.lower.ends_with("ed"))
}

/// Whether a word ends in a possessive "'s".
fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// The content after a nominal cue ending before token `j`: a "that" clause to the next comma, dash or semicolon,
/// or the noun phrase after a preposition of the `nominal_opener` class ("criticism of …", "call for …").
fn complement(ctx: &Ctx, j: usize, e: usize) -> Option<(usize, usize)> {
    let mut j = j;
    // German puts a comma before "dass".
    if ctx.is_punct(j, ",") && ctx.lex.is("complementizer", ctx.lower(j + 1)) {
        j += 1;
    }
    // "Their fear is that …"
    if ctx.lex.is("be", ctx.lower(j)) && ctx.lex.is("complementizer", ctx.lower(j + 1)) {
        j += 1;
    }
    let w = ctx.lower(j);
    if ctx.lex.is("complementizer", w) || ctx.is_punct(j, ":") {
        let end = (j + 1..e)
            .find(|&k| matches!(ctx.lower(k), "," | ";") || ctx.is_dash(k))
            .unwrap_or(e);
        return (end > j + 1).then_some((j + 1, end));
    }
    if !ctx.lex.is("nominal_opener", w) {
        return None;
    }
    // The noun phrase ends before a verb of the main clause ("her criticism of the deal grew louder").
    let mut k = j + 1;
    while k < e && k < j + 1 + MAX_COMPLEMENT && speaker::np_word(ctx, k) {
        let t = &ctx.toks[k];
        let verb_like = k > j + 1
            && !t.cap
            && (t.lower.ends_with("ed")
                || ctx.lex.is("past_verb", &t.lower)
                || ctx.lex.is("be", &t.lower));
        if verb_like {
            break;
        }
        k += 1;
    }
    (k > j + 1).then_some((j + 1, k))
}
