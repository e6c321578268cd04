//! Reported speech inside one sentence, tried in this order:
//! 1. a source preposition: "according to X, …" / "…, according to X." / "laut X …" / "X zufolge …";
//! 2. the trailing attribution: "…, X said (in a statement)." / "…, said X." / "…, sagte X.";
//! 3. every leading attribution: "X said (that) …", "X told reporters that …", "X denied that …",
//!    "X accused Y of …", German "X sagte, …"; also with the cue before the speaker ("Am Dienstag sagte X, …"),
//!    with the subject before appositions ("Clinton, 35, the daughter of …, said") and nested ones
//!    ("Barkley, who said …, said …", "a finish that he said defied …");
//! 4. participle cues pointing back to the subject ("…, saying …", "…, adding that …");
//! 5. the impersonal passive: "it was reported that …", "es wurde berichtet, dass …" (no speaker).
//!
//! PolNeAR gives every token to at most one attribution, so a content stops where the next attribution in the
//! sentence begins ([`cut_contents`]).

use super::ctx::{Ctx, in_capitals};
use super::draft::{CLAUSE_PUNCT, Draft, trim_span};
use super::lexicon::MarkerPos;
use super::nominal;
use super::speaker::{self, CueHit, Speaker};
use super::subject;
use crate::model::{ClaimMode, Span, Stance, TokenKind};

/// Reported-speech claims of sentence (or sentence remainder) `sent`: every coordinated clause ("X said A, and
/// Y said B") and every nested or participle attribution. `prev` is the speaker of an attribution earlier in
/// the same sentence (a direct quote's), which a participle cue at the remainder's start refers back to.
pub fn sentence_claims(ctx: &Ctx, sent: Span, prev: Option<&Speaker>) -> Vec<Draft> {
    let r = ctx.tok_range(sent);
    let mut out = Vec::new();
    let mut from = r.start;
    for i in r.clone() {
        // "argue that, while A, B": a clause opened right after "that" is an aside inside the
        // complement, not a coordinated clause.
        let after_complementizer = i > r.start && ctx.lex.is("complementizer", ctx.lower(i - 1));
        let coordinated = (ctx.is_punct(i, ",")
            && !after_complementizer
            && ctx.lex.is("clause_conjunction", ctx.lower(i + 1)))
            || ctx.is_punct(i, ";");
        if coordinated && i > from {
            if let Some(span) = ctx.span_of(from, i) {
                out.extend(clause_claims(ctx, span, r.start, prev));
            }
            from = i + 1;
        }
    }
    if from == r.start {
        out.extend(clause_claims(ctx, sent, r.start, prev));
    } else if let Some(span) = ctx.span_of(from, r.end) {
        out.extend(clause_claims(ctx, span, r.start, prev));
    }
    participles(ctx, sent, prev, &mut out);
    drop_complement_frames(&mut out);
    cut_contents(ctx, &mut out);
    out
}

/// Drops an attribution whose frame opens another one's content ("About half said [they want] more liberal
/// policies"): the inner speaker and cue are part of what the outer speaker said, one proposition, not a second
/// claim. A frame further inside the content ("…, in a race that he said …") is a claim of its own, and the
/// content is cut before it ([`cut_contents`]).
fn drop_complement_frames(out: &mut Vec<Draft>) {
    if out.len() < 2 {
        return;
    }
    // Contents that follow their own frame, by start.
    let opened: Vec<(usize, usize)> = out
        .iter()
        .map(|d| (d.content.start, frame_start(d)))
        .filter(|(c, f)| f < c)
        .collect();
    out.retain(|d| {
        let f = frame_start(d);
        !opened.iter().any(|&(c, of)| c == f && of != f)
    });
}

/// The reported-speech claims of one clause; `first` is the sentence's first token (a clause "and criticized
/// …" takes the sentence's subject), `prev` the speaker of a quote earlier in the sentence.
fn clause_claims(ctx: &Ctx, sent: Span, first: usize, prev: Option<&Speaker>) -> Vec<Draft> {
    let r = ctx.tok_range(sent);
    if r.len() < 3 {
        return Vec::new();
    }
    let end = content_end(ctx, r.start, r.end);
    let mut out: Vec<Draft> = colon_source(ctx, sent, r.start, end)
        .or_else(|| marker(ctx, sent, r.start, end))
        .or_else(|| trailing(ctx, sent, r.start, end))
        .into_iter()
        .collect();
    leading(ctx, sent, (r.start, end), (first, prev), &mut out);
    let nominal = nominal::nominal_claims(ctx, sent, r.start, end, &out);
    out.extend(nominal);
    if out.is_empty() {
        out.extend(passive(ctx, sent, r.start, end));
    }
    out
}

/// Token ranges of a draft's speaker and cue words: a cue inside them is not another attribution.
fn frame_tokens(ctx: &Ctx, d: &Draft) -> Vec<std::ops::Range<usize>> {
    let mut v = Vec::new();
    if let Some(sp) = d.speaker.as_ref() {
        v.push(ctx.tok_range(sp.span));
    }
    if let Some(c) = d.cue.as_ref().and_then(|c| c.2) {
        v.push(ctx.tok_range(c));
    }
    v
}

/// Where the frame (speaker or cue) of a draft begins.
fn frame_start(d: &Draft) -> usize {
    let cue = d
        .cue
        .as_ref()
        .and_then(|c| c.2)
        .map_or(usize::MAX, |c| c.start);
    let sp = d.speaker.as_ref().map_or(usize::MAX, |s| s.span.start);
    cue.min(sp)
}

/// Ends each content before the next attribution's frame that starts inside it.
fn cut_contents(ctx: &Ctx, out: &mut [Draft]) {
    if out.len() < 2 {
        return;
    }
    // Both ends of every frame: the speaker of "Okafor, who said …, said" starts before the relative clause's
    // content, but its cue still ends that content.
    // A draft's own frame may lie inside its content ("Trump is expected to win"): only other frames cut it.
    let frames: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        .flat_map(|(k, d)| {
            let cue = d.cue.as_ref().and_then(|c| c.2).map(|c| c.start);
            let sp = d.speaker.as_ref().map(|s| s.span.start);
            cue.into_iter().chain(sp).map(move |f| (k, f))
        })
        .collect();
    for (k, d) in out.iter_mut().enumerate() {
        // A content before its own frame holds whole the attributions nested in it ("Sanders said the race
        // was rigged, according to CNN": CNN reports what Sanders said).
        if d.content.end <= frame_start(d) {
            continue;
        }
        let cut = frames
            .iter()
            .filter(|&&(owner, f)| owner != k && f > d.content.start && f < d.content.end)
            .map(|&(_, f)| f)
            .min();
        if let Some(f) = cut {
            // Drop the auxiliaries of a nested passive frame ("the claim that A | was | rejected by …") and a
            // relative word left hanging before the nested frame ("a race that | he said …").
            let r = ctx.tok_range(Span::new(d.content.start, f));
            let mut b = r.end;
            while b > r.start && ctx.lex.is("passive_aux", ctx.lower(b - 1)) {
                b -= 1;
            }
            while b > r.start
                && (ctx.lex.is("complementizer", ctx.lower(b - 1))
                    || matches!(ctx.lower(b - 1), "which" | "who" | "whom"))
            {
                b -= 1;
            }
            // … and the conjunction (with a time adjunct) of a coordinated verb phrase ("criticized [the plan]
            // but on Tuesday | wrote …").
            let t = time_adjunct_start(ctx, b, r.start);
            if t > r.start + 1 && ctx.lex.is("vp_conjunction", ctx.lower(t - 1)) {
                b = t - 1;
            }
            let f = ctx.toks.get(b).map_or(f, |t| t.span.start.min(f));
            let c = trim_span(ctx.text, Span::new(d.content.start, f), CLAUSE_PUNCT);
            if c.start < c.end {
                d.content = c;
            }
        }
    }
}

/// Participle cues after a comma ("…, saying …", "…, adding that …", "…, referring to …"): the speaker is the
/// latest speaker before them in the sentence, else the sentence's subject.
fn participles(ctx: &Ctx, sent: Span, prev: Option<&Speaker>, out: &mut Vec<Draft>) {
    let r = ctx.tok_range(sent);
    let e = content_end(ctx, r.start, r.end);
    for i in r.start + 1..e {
        let gerund = gerund_after(ctx, i, r.start);
        if !(after_comma(ctx, i) || gerund.is_some())
            || !ctx.lower(i).ends_with("ing")
            || ctx.in_quote(i)
        {
            continue;
        }
        let Some(hit) = speaker::reported_cue_at(ctx, i) else {
            continue;
        };
        if out
            .iter()
            .any(|d| frame_tokens(ctx, d).iter().any(|f| f.contains(&i)))
        {
            continue;
        }
        let at = ctx.toks[i].span.start;
        let earlier = out
            .iter()
            .filter(|d| d.speaker.is_some() && frame_start(d) < at)
            .max_by_key(|d| frame_start(d))
            .and_then(|d| d.speaker.clone());
        // A fronted gerund's subject follows its clause: "After saying he was nervous, the man …".
        let fronted = gerund
            .filter(|&p| p == r.start)
            .and_then(|_| (i + 1..e).find(|&k| ctx.is_punct(k, ",")))
            .and_then(|k| subject::subject_at(ctx, k + 1, e));
        let speaker = fronted
            .or(earlier)
            .or_else(|| prev.cloned())
            .or_else(|| subject::subject_at(ctx, r.start, i))
            .or_else(|| subject::subject_after_intro(ctx, r.start, i));
        let Some(speaker) = speaker else {
            continue;
        };
        // "issued a statement, saying …", "responded by saying …": one claim, whose cue starts at the lead verb.
        let lead = statement_lead(ctx, i, r.start)
            .or_else(|| gerund.and_then(|p| by_lead(ctx, p, r.start).map(|l| (l, None))));
        let cue_start = lead.map_or(i, |(l, _)| l);
        if lead.is_some() {
            drop_cues_in(ctx, out, cue_start, i);
        }
        let from = cue_content_start(ctx, &hit, e);
        // A fronted gerund ("After saying he was nervous, the man …") reports the clause up to its comma.
        let to = match gerund {
            Some(p) if p == r.start => (from..e).find(|&k| ctx.is_punct(k, ",")).unwrap_or(e),
            _ => e,
        };
        let span = Span::new(sent.start.min(speaker.span.start), sent.end);
        if let Some(mut d) = draft(
            ctx,
            sent,
            (from, to),
            Some(speaker),
            cue_of(ctx, &hit, cue_start),
        ) {
            d.span = span;
            if let Some(via) = lead.and_then(|(_, v)| v) {
                d.set_via(ctx, via);
            }
            out.push(d);
        }
    }
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

/// "denied reports that two residents died": what a negative cue rejects is the clause of the claim noun its
/// content opens with, so the proposition (to match against other reports' facts) is that clause. Returns the
/// clause's first token ("that"), or `None` when the content does not open so.
fn rejected_claim_clause(ctx: &Ctx, a: usize, b: usize, stance: Stance) -> Option<usize> {
    if stance != Stance::Negative {
        return None;
    }
    let noun = if ctx.lex.is("determiner", ctx.lower(a)) {
        a + 1
    } else {
        a
    };
    let words = ctx.words(noun, 3);
    let (_, n) = ctx.lex.nouns.longest(&words)?;
    let that = noun + n;
    (that < b && ctx.lex.is("complementizer", ctx.lower(that))).then_some(that)
}

fn draft(
    ctx: &Ctx,
    sent: Span,
    content: (usize, usize),
    speaker: Option<Speaker>,
    cue: (String, Stance, Option<Span>),
) -> Option<Draft> {
    let (a, b) = content;
    let mut a = rejected_claim_clause(ctx, a, b, cue.1).unwrap_or(a);
    while a < b
        && (ctx.lex.is("complementizer", ctx.lower(a))
            || ctx.is_punct(a, ",")
            || ctx.is_punct(a, ":"))
    {
        a += 1;
    }
    let span = ctx.span_of(a, b)?;
    let content = trim_span(ctx.text, span, CLAUSE_PUNCT);
    let words: Vec<usize> = ctx.tok_range(content).filter(|&i| ctx.is_word(i)).collect();
    // One word is a proposition only when it answers a question ("asked …, the candidate said no"). The verb
    // of an infinitive cue alone ("declined to comment") is none: the dossier would list "comment" as a claim.
    let answer = matches!(words.as_slice(), [w] if ctx.lex.is("answer_word", ctx.lower(*w)));
    if words.len() < 2 && !answer {
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
        let Some((m, n)) = speaker::marker_at(ctx, i).filter(|_| !ctx.in_quote(i)) else {
            continue;
        };
        let cue = (m.lemma.clone(), Stance::Neutral, ctx.span_of(i, i + n));
        match m.pos {
            MarkerPos::Poll => {
                if let Some(d) = owned_view(ctx, sent, (a, e), i + n)
                    .or_else(|| poll_marker(ctx, sent, (a, e), i, n, cue))
                {
                    return Some(d);
                }
            }
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
                let content = if i == a
                    || lead_words_only(ctx, a, i)
                    || (i > a && ctx.is_punct(i - 1, ",") && ctx.lang == "de")
                {
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

/// Whether tokens `a..i` before a source marker only lead into the clause ("But, according to …", "Now,
/// according to …"): conjunctions, adverbs and commas, so the content is what follows the source.
fn lead_words_only(ctx: &Ctx, a: usize, i: usize) -> bool {
    i > a
        && (a..i).all(|k| {
            ctx.is_punct(k, ",")
                || ctx.lex.is("vp_conjunction", ctx.lower(k))
                || ctx.lex.is("subject_adverb", ctx.lower(k))
                || speaker::is_modifier(ctx, k)
        })
}

/// Longest phrase between a poll marker and its poll noun, in tokens ("in an NBC News/Wall Street Journal poll").
const MAX_POLL_PHRASE: usize = 12;

/// "In a CNN poll (released Monday), Trump led …": the preposition `i` (`n` tokens) opening the clause names
/// the poll as the source when a `poll_noun` heads the noun phrase after it; the source runs to the comma (in
/// German to the verb) and the content is the rest. Inside a clause ("Trump leads in the polls", "his drop in national polls") the
/// phrase mostly measures standing rather than attributing a proposition, and is left alone.
fn poll_marker(
    ctx: &Ctx,
    sent: Span,
    (a, e): (usize, usize),
    i: usize,
    n: usize,
    cue: (String, Stance, Option<Span>),
) -> Option<Draft> {
    if i != a {
        return None;
    }
    let head = (i + n..e.min(i + n + MAX_POLL_PHRASE))
        .take_while(|&k| ctx.is_word(k) || ctx.is_punct(k, "/") || ctx.is_punct(k, "-"))
        .find(|&k| ctx.lex.is("poll_noun", ctx.lower(k)))?;
    // Only a noun phrase before the poll noun: no verb, no clause word ("in what polls show").
    if (i + n..head).any(|k| {
        let w = ctx.lower(k);
        ctx.lex.is("np_stop", w) || speaker::cue_at(ctx, k).is_some()
    }) {
        return None;
    }
    // German puts the finite verb right after the opening phrase, without a comma ("In einer Umfrage des ZDF
    // sprachen sich …"): the source ends at the first lower-case word that is no article.
    let end = if ctx.lang == "de" {
        (head + 1..e.min(head + 10)).find(|&k| {
            ctx.is_punct(k, ",")
                || (ctx.is_word(k) && !ctx.toks[k].cap && !ctx.lex.is("determiner", ctx.lower(k)))
        })?
    } else {
        (head + 1..e.min(head + 10)).find(|&k| ctx.is_punct(k, ","))?
    };
    let sp = ctx.span_of(i + n, end)?;
    let speaker = Some(super::speaker_from_span(ctx, sp));
    let from = if ctx.is_punct(end, ",") { end + 1 } else { end };
    draft(ctx, sent, (from, e), speaker, cue)
}

/// Longest owner in "in X's view", in tokens ("in Professor Knittel's view").
const MAX_VIEW_OWNER: usize = 4;

/// "In his view, the pier is unsafe." / "The pier is unsafe, in Ruiz's view.": after the preposition ending
/// before token `j`, an owner (a possessive pronoun or a capitalised name with "'s") and a `view_noun` ("view",
/// "opinion") name whose view the rest of the clause is. The phrase opens the clause before a comma or closes
/// it; the owner is the speaker, the noun the cue.
fn owned_view(ctx: &Ctx, sent: Span, (a, e): (usize, usize), j: usize) -> Option<Draft> {
    let noun =
        (j..e.min(j + MAX_VIEW_OWNER + 1)).find(|&k| ctx.lex.is("view_noun", ctx.lower(k)))?;
    if noun == j {
        return None;
    }
    let last = ctx.lower(noun - 1);
    let owner_ok = (noun == j + 1 && ctx.lex.is("possessive", last))
        || ((last.ends_with("'s") || last.ends_with("’s")) && (j..noun).all(|k| ctx.toks[k].cap));
    if !owner_ok {
        return None;
    }
    let sp = ctx.span_of(j, noun)?;
    let mut speaker = super::speaker_from_span(ctx, sp);
    speaker.head = ctx.toks[noun - 1].span;
    let cue = (
        "view".to_string(),
        Stance::Neutral,
        ctx.span_of(noun, noun + 1),
    );
    let opens = j - 1 == a && ctx.is_punct(noun + 1, ",");
    let closes = j - 1 > a + 2 && ctx.is_punct(j - 2, ",") && noun + 1 >= e;
    let content = if opens {
        (noun + 2, e)
    } else if closes {
        (a, j - 2)
    } else {
        return None;
    };
    draft(ctx, sent, content, Some(speaker), cue)
}

/// "…, X said (adjunct)." / "…, said X." / "…, sagte X." / "…, as X noted."
fn trailing(ctx: &Ctx, sent: Span, a: usize, e: usize) -> Option<Draft> {
    let commas: Vec<usize> = (a + 2..e)
        .rev()
        .filter(|&i| ctx.is_punct(i, ",") || is_close_quote(ctx, i))
        .take(3)
        .collect();
    // Cue first: "said X" (skip modifiers), also before an apposition with its own commas ("…, said Larry
    // Sabato, director of the Center for Politics."). Not where the sentence opens with a noun phrase and an
    // aside after it ("Juanita Broaddrick, who said …, recounted the incident …"): that phrase is the subject.
    let subject_aside = subject_with_aside(ctx, a, e);
    // English inverts only neutral cues ("…, said X"); verb-second German inverts every cue after its clause
    // ("…, behauptete die Gruppe").
    let verb_second = ctx.lex.is("verb_second", "yes");
    for &comma in commas.iter().filter(|_| !subject_aside) {
        let t = comma + 1;
        if e <= t || e - t > 30 {
            break;
        }
        let mut m = t;
        while m < e && speaker::is_modifier(ctx, m) {
            m += 1;
        }
        // A participle ("…, saying the rents …") is never this inverted form.
        let participle = ctx.lower(m).ends_with("ing");
        if let Some(hit) = speaker::reported_cue_at(ctx, m).filter(|h| {
            (h.cue.stance == Stance::Neutral || verb_second)
                && !ctx.in_quote(m)
                && !participle
                && !ctx.lex.is("addressee_cue", &h.cue.lemma)
        }) && let Some((sp, _)) = speaker::right_np_long(
            ctx,
            hit.end,
            speaker::closing_particle(ctx, &hit).unwrap_or(e),
        ) && names_someone(ctx, &sp)
        {
            return draft(ctx, sent, (a, comma), Some(sp), cue_of(ctx, &hit, t));
        }
    }
    let comma = *commas.first()?;
    let mut t = comma + 1;
    if e <= t || e - t > 30 {
        return None;
    }
    // "…, as X noted." credits the clause before the comma like "…, X noted."
    if ctx.lex.is("as_source", ctx.lower(t)) {
        t += 1;
    }
    if e - t > 16 {
        return None;
    }
    for ci in t + 1..e {
        let Some(hit) = speaker::reported_cue_at(ctx, ci).filter(|_| !ctx.in_quote(ci)) else {
            continue;
        };
        let cs = speaker::absorb_modifiers(ctx, ci, t);
        let sp = speaker::left_np(ctx, cs, t).or_else(|| subject::comma_subject_at(ctx, cs, t))?;
        if ctx.tok_range(sp.span).start != t {
            return None;
        }
        // Whatever follows the cue must be a short adjunct ("in a statement", "on Tuesday", "of the plan"), not
        // the start of a reported clause ("…, in 2017, Kerry said that …", "…, she plans to root for Iowa").
        let next = skip_adjuncts(ctx, hit.end, e);
        if e - hit.end > 8 || (next < e && !adjunct_tail(ctx, next, e)) {
            return None;
        }
        return draft(ctx, sent, (a, comma), Some(sp), cue_of(ctx, &hit, cs));
    }
    None
}

/// Whether the sentence from `a` opens with a noun phrase followed by a comma and an aside (a relative clause,
/// a participle or a subordinate clause): "Dorothy Woods, whose husband …, discussed …".
fn subject_with_aside(ctx: &Ctx, a: usize, e: usize) -> bool {
    let Some(c) = (a + 1..e).find(|&i| ctx.is_punct(i, ",")) else {
        return false;
    };
    let Some(next) = ctx.toks.get(c + 1) else {
        return false;
    };
    let opens_aside = ctx.lex.is("relative", &next.lower)
        || ctx.lex.is("subordinator", &next.lower)
        || (!next.cap && next.lower.len() > 4 && next.lower.ends_with("ing"));
    opens_aside && ctx.toks[a].cap && speaker::scan_left(ctx, c, a) == Some(a)
}

/// Whether the phrase after an inverted cue can be a source: a name, a role ("said the minister") or a pronoun,
/// not the cue's object ("…, posted the message above shortly after the raid began").
fn names_someone(ctx: &Ctx, sp: &speaker::Speaker) -> bool {
    let r = ctx.tok_range(sp.span);
    // "…, said several observers.": a quantifier and a plural noun name a group of people.
    let group = r.len() <= 3
        && ctx.lex.is("quantifier_pronoun", ctx.lower(r.start))
        && r.end
            .checked_sub(1)
            .is_some_and(|k| ctx.lower(k).ends_with('s'));
    group
        || r.clone().any(|i| {
            let w = ctx.lower(i);
            ctx.toks[i].cap || ctx.lex.role_nouns.contains(w) || ctx.lex.is("pronoun", w)
        })
}

/// "Graham: Trump's rhetoric is destroying the party's chances.": a headline or summary line opening with a
/// short name and a colon credits the rest to the name. Labels ("Update:", "Watch:") and, in German, common
/// nouns ("Ergebnis:") are no sources, nor are datelines (a place, or a name in capitals: "WASHINGTON:"); the
/// name is at most five words, the rest at least three.
fn colon_source(ctx: &Ctx, sent: Span, a: usize, e: usize) -> Option<Draft> {
    let c = (a + 1..e.min(a + 6)).find(|&i| ctx.is_punct(i, ":"))?;
    if ctx.in_quote(a) || e.saturating_sub(c + 1) < 3 {
        return None;
    }
    let last = ctx.lower(c - 1);
    let named = speaker::name_like(ctx, a, c)
        || (ctx.toks[a].cap
            && (a..c).all(|i| speaker::np_word(ctx, i))
            && ctx.lex.role_nouns.contains(last));
    let label = (a..c).any(|i| {
        let w = ctx.lower(i);
        ctx.lex.is("colon_label", w) || ctx.lex.is("time", w)
    }) || ctx.lex.is("determiner", ctx.lower(a))
        || ctx.lex.is("pronoun", ctx.lower(a))
        || ctx.lex.common_nouns.contains(last);
    // A dateline ("WASHINGTON:", "Paris:") names where, not who.
    let name = ctx.slice(Span::new(ctx.toks[a].span.start, ctx.toks[c - 1].span.end));
    let dateline = ctx.lex.places.contains(&name.to_lowercase()) || in_capitals(name);
    let content_words = (c + 1..e).filter(|&i| ctx.is_word(i)).count();
    if !named || label || dateline || !ctx.is_word(c - 1) || content_words < 3 {
        return None;
    }
    let sp = speaker::build(ctx, a, c)?;
    let cue = ("say".to_string(), Stance::Neutral, Some(ctx.toks[c].span));
    draft(ctx, sent, (c + 1, e), Some(sp), cue)
}

/// Whether the words from `j` to the sentence end are an adjunct of a closing cue rather than its object: a
/// comma, a subordinate clause, a prepositional phrase (not an infinitive "to run"), a name ("told The Times"),
/// or an audience or occasion ("told a crowd in Iowa").
fn adjunct_tail(ctx: &Ctx, j: usize, e: usize) -> bool {
    let w = ctx.lower(j);
    let next = ctx.toks.get(j + 1);
    if ctx.is_punct(j, ",") || ctx.lex.is("subordinator", w) {
        return true;
    }
    if ctx.lex.is("source_prep", w) || ctx.lex.is("adjunct_prep", w) {
        let infinitive = w == "to"
            && next.is_some_and(|t| {
                !t.cap && t.kind == TokenKind::Word && !ctx.lex.is("determiner", &t.lower)
            });
        return !infinitive;
    }
    if ctx.toks.get(j).is_some_and(|t| t.cap) {
        return true;
    }
    ctx.lex.is("determiner", w)
        && (j + 1..e.min(j + 4)).any(|k| {
            let h = ctx.lower(k);
            ctx.lex.is("audience", h)
                || ctx.lex.is("occasion", h)
                || ctx.lex.is("statement_noun", h)
        })
}

/// Whether token `i` follows a comma, also one inside a closing quote ("… as “fantastic,” telling …").
fn after_comma(ctx: &Ctx, i: usize) -> bool {
    i > 0 && (ctx.is_punct(i - 1, ",") || is_close_quote(ctx, i - 1) || ctx.is_dash(i - 1))
}

/// The preposition of a gerund cue that takes the clause's subject ("… by saying …", "…, before insisting …",
/// "After initially saying …"), with at most one "-ly" adverb between; `floor` is the clause's first token.
fn gerund_after(ctx: &Ctx, i: usize, floor: usize) -> Option<usize> {
    let mut p = i.checked_sub(1)?;
    if p > floor && speaker::is_modifier(ctx, p) && ctx.lower(p).ends_with("ly") {
        p -= 1;
    }
    (p >= floor && ctx.lex.is("gerund_prep", ctx.lower(p))).then_some(p)
}

/// The verb that issues a statement a participle cue at `i` goes on from: "X issued a statement (Wednesday)(,)
/// saying …" gives the verb's token and the statement phrase ("a statement"), which is the claim's `via`.
fn statement_lead(ctx: &Ctx, i: usize, a: usize) -> Option<(usize, Option<Span>)> {
    let mut k = i;
    if k > a && ctx.is_punct(k - 1, ",") {
        k -= 1;
    }
    while k > a && ctx.lex.is("time", ctx.lower(k - 1)) {
        k -= 1;
    }
    if k <= a + 1 || !ctx.lex.is("statement_noun", ctx.lower(k - 1)) {
        return None;
    }
    let noun = k - 1;
    let verb_like = |w: usize| {
        let l = ctx.lower(w);
        !ctx.toks[w].cap
            && (speaker::cue_at(ctx, w).is_some()
                || l.ends_with("ed")
                || ctx.lex.is("past_verb", l))
    };
    let mut v = noun;
    while v > a && noun - v < 4 && ctx.is_word(v - 1) && !verb_like(v - 1) {
        let w = ctx.lower(v - 1);
        if ctx.lex.is("np_stop", w) || ctx.toks[v - 1].cap {
            return None;
        }
        v -= 1;
    }
    if v == a || !ctx.is_word(v - 1) || !verb_like(v - 1) {
        return None;
    }
    Some((
        speaker::absorb_modifiers(ctx, v - 1, a),
        ctx.span_of(v, noun + 1),
    ))
}

/// The cue a gerund after "by" spells out ("Zucker responded by saying that …"): the nearest cue within eight
/// words before `by`, with its modifiers.
fn by_lead(ctx: &Ctx, by: usize, a: usize) -> Option<usize> {
    if ctx.lower(by) != "by" {
        return None;
    }
    (by.saturating_sub(8).max(a)..by)
        .rev()
        .take_while(|&k| ctx.is_word(k))
        .find(|&k| speaker::cue_at(ctx, k).is_some())
        .map(|k| speaker::absorb_modifiers(ctx, k, a))
}

/// Drops the drafts whose cue starts at a token in `from..to`: a lead verb that a later cue's claim absorbs.
fn drop_cues_in(ctx: &Ctx, out: &mut Vec<Draft>, from: usize, to: usize) {
    out.retain(|d| {
        d.cue
            .as_ref()
            .and_then(|c| c.2)
            .is_none_or(|c| !(from..to).contains(&ctx.tok_range(c).start))
    });
}

fn is_close_quote(ctx: &Ctx, i: usize) -> bool {
    matches!(ctx.lower(i), "”" | "\"" | "«" | "“" | "’") && i > 0 && ctx.is_punct(i - 1, ",")
}

/// "X said (that) …": every cue with a speaker to its left (or right, in verb-second German) that is not part
/// of an attribution already in `out`.
fn leading(
    ctx: &Ctx,
    sent: Span,
    (a, e): (usize, usize),
    (first, prev): (usize, Option<&Speaker>),
    out: &mut Vec<Draft>,
) {
    let mut frames: Vec<std::ops::Range<usize>> =
        out.iter().flat_map(|d| frame_tokens(ctx, d)).collect();
    let mut i = a;
    while i < e {
        let Some(hit) = speaker::reported_cue_at(ctx, i).filter(|_| !ctx.in_quote(i)) else {
            i += 1;
            continue;
        };
        let participle = i > a
            && (after_comma(ctx, i) || gerund_after(ctx, i, a).is_some())
            && ctx.lower(i).ends_with("ing");
        if participle || frames.iter().any(|f| f.contains(&i)) {
            i = hit.end;
            continue;
        }
        if let Some(d) = passive_agent(ctx, sent, (a, e), i, &hit) {
            frames.extend(frame_tokens(ctx, &d));
            out.push(d);
            i = hit.end;
            continue;
        }
        if !opens_content(ctx, hit.end, e) {
            i = hit.end;
            continue;
        }
        // "X issued a statement saying …": the statement's verb starts the cue. Only a participle goes on from
        // a statement; a finite cue after one has a subject of its own ("Zaheed, who organized the letter,
        // said …").
        let lead = ctx
            .lower(i)
            .ends_with("ing")
            .then(|| statement_lead(ctx, i, a))
            .flatten();
        if let Some((l, _)) = lead {
            drop_cues_in(ctx, out, l, i);
            frames = out.iter().flat_map(|d| frame_tokens(ctx, d)).collect();
        }
        let cs = lead.map_or_else(|| speaker::absorb_modifiers(ctx, i, a), |(l, _)| l);
        // Verb-second German with an adverbial before the cue ("Dabei teilte die Polizei mit, …", "In einer
        // Mitteilung erklärte die Bewegung, …"): the subject follows the cue.
        let fronted =
            ctx.lex.is("verb_second", "yes") && ctx.lex.is("fronted_opener", ctx.lower(a));
        if let Some(d) = fronted
            .then(|| subject_after_cue(ctx, sent, e, &hit, cs))
            .flatten()
        {
            frames.extend(frame_tokens(ctx, &d));
            out.push(d);
            i = hit.end;
            continue;
        }
        let left = speaker::left_np(ctx, cs, a)
            .or_else(|| subject::comma_subject_at(ctx, cs, a))
            .or_else(|| subject::dash_aside_subject(ctx, cs, a))
            .or_else(|| coordinated_subject(ctx, cs, (a, first), out))
            .or_else(|| continued_subject(ctx, cs, (a, first), prev));
        let infinitive = cs > a && ctx.lex.is("infinitive_marker", ctx.lower(cs - 1));
        let (left, cs) = match (left, infinitive) {
            (None, true) => match infinitive_subject(ctx, cs, (a, first), out) {
                Some((sp, lead)) => (Some(sp), lead),
                // "Sanders visited NBC to discuss …": the cue starts at its marker.
                None => match subject::purpose_subject(ctx, cs - 1, a) {
                    Some(sp) => (Some(sp), cs - 1),
                    None => (None, cs),
                },
            },
            (left, _) => (left, cs),
        };
        let found = if let Some(sp) = left {
            let from = cue_content_start(ctx, &hit, e);
            // The evidence reaches back to a subject before the clause ("Carson admitted …, but said …").
            let sent = Span::new(sent.start.min(sp.span.start), sent.end);
            // A relative clause ("those who want a change, most …") ends at its comma.
            let relative = ctx
                .lex
                .is("relative", ctx.slice(sp.span).to_lowercase().as_str());
            let to = if relative {
                (from + 1..e).find(|&k| ctx.is_punct(k, ",")).unwrap_or(e)
            } else {
                e
            };
            draft(ctx, sent, (from, to), Some(sp), cue_of(ctx, &hit, cs))
        } else if infinitive {
            // "… visited NBC to discuss his remarks, …": the phrase after an infinitive is its object.
            None
        } else {
            // "Am Dienstag sagte der Minister, …" / "Said the minister: …"
            subject_after_cue(ctx, sent, e, &hit, cs)
        };
        if let Some(mut d) = found {
            if let Some(via) = lead.and_then(|(_, v)| v) {
                d.set_via(ctx, via);
            }
            directive_reading(ctx, &mut d);
            frames.extend(frame_tokens(ctx, &d));
            out.push(d);
        }
        i = hit.end;
    }
}

/// The claim of a cue whose subject follows it, up to a comma or colon that opens the content ("Am Dienstag
/// sagte der Minister, …", "Said the minister: …"); a separable particle closing the cue's clause ends the
/// subject ("Dabei teilte die Polizei mit, dass …").
fn subject_after_cue(ctx: &Ctx, sent: Span, e: usize, hit: &CueHit, cs: usize) -> Option<Draft> {
    let particle = speaker::closing_particle(ctx, hit);
    let (sp, after) = speaker::right_np(ctx, hit.end, particle.unwrap_or(e))?;
    let after = match particle {
        Some(p) if after == p => p + 1,
        _ => after,
    };
    (after < e && (ctx.is_punct(after, ",") || ctx.is_punct(after, ":")))
        .then(|| draft(ctx, sent, (after, e), Some(sp), cue_of(ctx, hit, cs)))
        .flatten()
}

/// Most words of the object between a directive cue and its infinitive ("asked | the Senate Judiciary Committee |
/// to …").
const MAX_DIRECTED_OBJECT: usize = 8;

/// "Obama asked Congress to pass the bill": a cue of the `infinitive_directive` class whose content is an object
/// followed by an infinitive directs that object to act, so the claim's stance is directive; the same cue before
/// a question ("asked whether …") keeps its own stance.
fn directive_reading(ctx: &Ctx, d: &mut Draft) {
    let content = d.content;
    let Some(cue) = d.cue.as_mut() else {
        return;
    };
    if !ctx.lex.is("infinitive_directive", &cue.0) {
        return;
    }
    let r = ctx.tok_range(content);
    let to = (r.start + 1..r.end.min(r.start + 1 + MAX_DIRECTED_OBJECT))
        .find(|&k| ctx.lex.is("infinitive_marker", ctx.lower(k)));
    let directed = to.is_some_and(|to| {
        (r.start..to).all(|k| speaker::np_word(ctx, k))
            && !ctx.lex.is("question_opener", ctx.lower(r.start))
            && ctx
                .toks
                .get(to + 1)
                .is_some_and(|t| !t.cap && t.kind == TokenKind::Word)
    });
    if directed {
        cue.1 = Stance::Directive;
    }
}

/// A passive cue with its agent, the speaker: "The report was denied by the ministry." (content: the subject),
/// "It was confirmed by the police that …" / "Rubio was asked by the moderator whether …" (content: the clause
/// after the agent). The cue is a past participle after a form of "be" (adverbs and auxiliaries between: "has
/// been criticized by"); the agent follows an `agent_prep` within a few words and opens like a noun phrase; a
/// subject that is a pronoun or a relative word carries no proposition, so without a clause after the agent
/// there is no claim.
fn passive_agent(
    ctx: &Ctx,
    sent: Span,
    (a, e): (usize, usize),
    i: usize,
    hit: &CueHit,
) -> Option<Draft> {
    if !speaker::is_participle_cue(ctx, i) {
        return None;
    }
    let mut b = i;
    while b > a
        && b + 4 > i
        && speaker::is_modifier(ctx, b - 1)
        && !ctx.lex.is("be", ctx.lower(b - 1))
    {
        b -= 1;
    }
    if b == a || !ctx.lex.is("be", ctx.lower(b - 1)) {
        return None;
    }
    let be = b - 1;
    let by = (hit.end..e.min(hit.end + 8))
        .take_while(|&k| ctx.is_word(k))
        .find(|&k| ctx.lex.is("agent_prep", ctx.lower(k)))?;
    let (agent, j) = agent_at(ctx, by + 1, e)?;
    let cue = cue_of(ctx, hit, b);
    let w = ctx.lower(j);
    if ctx.lex.is("complementizer", w) || ctx.lex.is("question_opener", w) {
        let from = if ctx.lex.is("question_opener", w) {
            j
        } else {
            j + 1
        };
        return draft(ctx, sent, (from, e), Some(agent), cue);
    }
    // The subject stands before the auxiliaries too: "Trump has been criticized by …".
    let mut s = be;
    while s > a && be - s < 3 && speaker::is_modifier(ctx, s - 1) {
        s -= 1;
    }
    let subject = speaker::left_np(ctx, s, a)?;
    let subject = claim_noun_phrase(ctx, &subject, be, a).unwrap_or(subject);
    passive_subject_claim(ctx, sent, subject, agent, cue)
}

/// "The minister's claim that A | was rejected by B": when the subject found before a passive is the clause of
/// a claim noun, the subject is the whole noun phrase from its owner to the auxiliary at token `be`.
fn claim_noun_phrase(ctx: &Ctx, subject: &Speaker, be: usize, a: usize) -> Option<Speaker> {
    let that = ctx.tok_range(subject.span).start.checked_sub(1)?;
    if that <= a || !ctx.lex.is("complementizer", ctx.lower(that)) {
        return None;
    }
    let owner = speaker::left_np(ctx, that, a)?;
    let noun = ctx.tok_range(owner.span).end.checked_sub(1)?;
    ctx.lex.nouns.longest(&[ctx.lower(noun)])?;
    let span = ctx.span_of(ctx.tok_range(owner.span).start, be)?;
    Some(Speaker {
        span,
        parts: vec![span],
        head: owner.head,
    })
}

/// The claim of a passive whose subject is what the agent reported: a subject that is a pronoun or a relative
/// word carries no proposition.
fn passive_subject_claim(
    ctx: &Ctx,
    sent: Span,
    subject: Speaker,
    agent: Speaker,
    cue: (String, Stance, Option<Span>),
) -> Option<Draft> {
    let sr = ctx.tok_range(subject.span);
    let lone_pronoun = sr.len() == 1
        && (ctx.lex.is("pronoun", ctx.lower(sr.start))
            || ctx.lex.is("relative", ctx.lower(sr.start)));
    if lone_pronoun {
        return None;
    }
    let mut d = draft(ctx, sent, (sr.start, sr.end), Some(agent), cue)?;
    d.content = subject.span;
    Some(d)
}

/// The agent phrase of a passive starting at token `start` (after "by"), with the token after it: it opens like
/// a noun phrase, is no date ("by Friday") and runs over noun-phrase words, up to a pronoun or a preposition
/// other than "of" ("by some of his rivals | for failing …").
pub(super) fn agent_at(ctx: &Ctx, start: usize, e: usize) -> Option<(Speaker, usize)> {
    let first = ctx.toks.get(start)?;
    let opens = (first.cap && first.kind == TokenKind::Word)
        || ctx.lex.is("determiner", &first.lower)
        || ctx.lex.is("quantifier_pronoun", &first.lower)
        || ctx.lex.role_nouns.contains(&first.lower)
        || first.kind == TokenKind::Number;
    // "by Friday", "by the end of the week": a deadline, not an agent.
    let time = (start..e.min(start + 3)).any(|k| ctx.lex.is("time", ctx.lower(k)));
    if !opens || time || ctx.lex.is("pronoun", &first.lower) {
        return None;
    }
    let mut j = start;
    while j < e && j - start < 12 && speaker::np_word(ctx, j) {
        let w = ctx.lower(j);
        if j > start
            && (ctx.lex.is("pronoun", w) || (ctx.lex.is("not_content_start", w) && w != "of"))
        {
            break;
        }
        j += 1;
    }
    if !speaker::has_content_word(ctx, start, j) {
        return None;
    }
    Some((speaker::build(ctx, start, j)?, j))
}

/// The subject of a cue in the infinitive after a verb of the `infinitive_lead` class ("His critics rushed to
/// say …", "The president went on to claim …", "Clinton took to Twitter to say …"), with the lead verb's first
/// token (the cue span starts there). `cs` is the cue's first token, after its infinitive marker.
fn infinitive_subject(
    ctx: &Ctx,
    cs: usize,
    (a, first): (usize, usize),
    out: &[Draft],
) -> Option<(Speaker, usize)> {
    let to = cs.checked_sub(1)?;
    let lead = (to.saturating_sub(4).max(a)..to)
        .rev()
        .find(|&k| ctx.lex.is("infinitive_lead", ctx.lower(k)))?;
    if (lead + 1..to).any(|k| !ctx.is_word(k)) {
        return None;
    }
    let ls = speaker::absorb_modifiers(ctx, lead, a);
    let sp = speaker::left_np(ctx, ls, a)
        .or_else(|| subject::comma_subject_at(ctx, ls, a))
        .or_else(|| coordinated_subject(ctx, ls, (a, first), out))?;
    Some((sp, ls))
}

/// Whether the words after a cue report a proposition: not a preposition of the `not_content_start` class
/// ("reported on the raid"), unless a number or quantity follows it ("reported at least six planes") or a
/// "that" clause comes after it ("claimed in an interview with CNN that …").
fn opens_content(ctx: &Ctx, after_cue: usize, e: usize) -> bool {
    let j = content_start(ctx, after_cue, e);
    let w = ctx.lower(j);
    if !ctx.lex.is("not_content_start", w) {
        return true;
    }
    let next = ctx.toks.get(j + 1);
    next.is_some_and(|t| t.kind == TokenKind::Number || ctx.lex.is("quantity_word", &t.lower))
}

/// The speaker of a quote earlier in the sentence when the remainder after it opens with the cue ("Manafort,
/// citing ''the magic of Trump,'' | said …", "She declared “…” | and said …"): `a` is the remainder's first
/// token, `cs` the cue's, with only conjunctions and modifiers between.
fn continued_subject(
    ctx: &Ctx,
    cs: usize,
    (a, first): (usize, usize),
    prev: Option<&Speaker>,
) -> Option<Speaker> {
    let opens = first == a
        && (a..cs)
            .all(|k| ctx.lex.is("vp_conjunction", ctx.lower(k)) || speaker::is_modifier(ctx, k));
    if opens { prev.cloned() } else { None }
}

/// The subject of a cue in a coordinated verb phrase ("Wilson praised Rubio and said …"): the latest speaker
/// found in the clause, else the clause's opening noun phrase.
fn coordinated_subject(
    ctx: &Ctx,
    cs: usize,
    (a, first): (usize, usize),
    out: &[Draft],
) -> Option<Speaker> {
    // A clause of its own after ", and" ("O'Malley spoke at the forum, and criticized Sanders"): the subject is
    // the sentence's.
    if cs == a + 1 && first < a && ctx.lex.is("vp_conjunction", ctx.lower(a)) {
        // A sentence opening with a prepositional phrase ("At a rally in Ohio, Ruiz …") has its subject after
        // the introduction.
        if ctx.lex.is("adjunct_prep", ctx.lower(first)) {
            return subject::subject_after_intro(ctx, first, a)
                .or_else(|| subject::subject_at(ctx, first, a));
        }
        return subject::subject_at(ctx, first, a)
            .or_else(|| subject::subject_after_intro(ctx, first, a));
    }
    // "… and said", "… but noted", "…, then says", "… but on Tuesday wrote".
    let conj = time_adjunct_start(ctx, cs, a);
    let joined = conj > a + 2
        && (ctx.lex.is("vp_conjunction", ctx.lower(conj - 1))
            || (ctx.is_punct(cs - 1, ",") && ctx.lex.is("vp_conjunction", ctx.lower(cs))));
    let at = ctx.toks.get(cs)?.span.start;
    let latest = || {
        out.iter()
            .filter(|d| d.speaker.is_some() && frame_start(d) < at)
            .max_by_key(|d| frame_start(d))
            .and_then(|d| d.speaker.clone())
    };
    if !joined {
        // A list of verb phrases after an attribution ("He suggested …, called her “third-rate” and …"): a
        // finite cue right after a comma goes on with the latest speaker. "…, said X." is the inverted form and
        // "…, say, …" an aside.
        let hit = speaker::cue_at(ctx, cs)?;
        let listed = cs > a + 2
            && ctx.is_punct(cs - 1, ",")
            && !ctx.lower(cs).ends_with("ing")
            && hit.cue.lemma != "say"
            && !ctx.is_punct(hit.end, ",");
        return if listed { latest() } else { None };
    }
    relative_clause_subject(ctx, conj - 1, a)
        .filter(|rel| latest().is_none_or(|l| l.span.start < rel.span.start))
        .or_else(latest)
        .or_else(|| subject::subject_at(ctx, a, conj - 1))
        // "In his speech, Obama praised Clinton and said …"
        .or_else(|| subject::subject_after_intro(ctx, a, conj - 1))
}

/// Longest verb phrase between ", who" and the conjunction of a coordinated cue, in tokens.
const MAX_RELATIVE_VP: usize = 10;

/// The relative pronoun whose clause the conjunction at token `conj` continues ("Terris, who saw the incident and
/// described it"): a ", who" within a few comma-free tokens before it. Its claim is the relative's, not the
/// main clause's earlier speaker's.
fn relative_clause_subject(ctx: &Ctx, conj: usize, a: usize) -> Option<Speaker> {
    let rel = (a.max(conj.saturating_sub(MAX_RELATIVE_VP))..conj)
        .rev()
        .take_while(|&k| !ctx.is_punct(k, ",") || ctx.lower(k + 1) == "who")
        .find(|&k| ctx.lower(k) == "who" && k > a && ctx.is_punct(k - 1, ","))?;
    speaker::relative_speaker(ctx, rel, a)
}

/// Most tokens of a time adjunct between a conjunction and its cue ("but on Tuesday night wrote").
const MAX_TIME_ADJUNCT: usize = 3;

/// The first token of a short time adjunct ending right before token `cs` ("on Tuesday", "last week",
/// "this morning"), or `cs` itself when there is none; not reaching before `a`.
fn time_adjunct_start(ctx: &Ctx, cs: usize, a: usize) -> usize {
    let mut k = cs;
    while k > a && cs - k < MAX_TIME_ADJUNCT && ctx.lex.is("time", ctx.lower(k - 1)) {
        k -= 1;
    }
    if k < cs && k > a && matches!(ctx.lower(k - 1), "on" | "last" | "this" | "that") {
        k -= 1;
    }
    k
}

/// Where the reported clause starts after a cue: at "that" when it comes within a few words of names, dates,
/// audiences and prepositions ("told reporters that", "said in an interview with The Associated Press last week
/// that"), else right after the cue. A lower-case noun phrase before "that" owns it ("the possibility that").
fn content_start(ctx: &Ctx, after_cue: usize, e: usize) -> usize {
    let after_cue = skip_adjuncts(ctx, after_cue, e);
    // "declared on national television that": a prepositional phrase of any words may stand before "that".
    // Not after "to", which opens an infinitive more often ("want to think about the possibility that"), nor
    // "for", which gives a reason whose noun owns the "that" ("criticized for policies that …").
    let prep_phrase = !matches!(ctx.lower(after_cue), "to" | "for")
        && ctx.lex.is("adjunct_prep", ctx.lower(after_cue));
    let between_ok = |k: usize| {
        let w = ctx.lower(k);
        ctx.is_punct(k, ",")
            || (prep_phrase && ctx.is_word(k) && !ctx.lex.is("complementizer", w))
            || (ctx.is_word(k)
                && (ctx.toks[k].cap
                    || ctx.lex.is("time", w)
                    || ctx.lex.is("before_complementizer", w)
                    || ctx.lex.is("audience", w)
                    || ctx.lex.is("occasion", w)
                    || ctx.lex.is("adjunct_prep", w)
                    || ctx.lex.is("source_prep", w)))
    };
    (after_cue..e.min(after_cue + 7))
        .find(|&j| ctx.lex.is("complementizer", ctx.lower(j)) || ctx.is_punct(j, ":"))
        .filter(|&j| (after_cue..j).all(between_ok))
        .unwrap_or(after_cue)
}

/// Where the reported clause starts after the cue `hit`: after a cue of the `addressee_cue` class the noun
/// phrase before "that" is whom the speaker told ("told the Times that …", "telling his supporters that …"),
/// else [`content_start`].
fn cue_content_start(ctx: &Ctx, hit: &CueHit, e: usize) -> usize {
    if ctx.lex.is("addressee_cue", &hit.cue.lemma) {
        let mut k = hit.end;
        while k < e && k < hit.end + 8 && speaker::np_word(ctx, k) {
            k += 1;
        }
        if k > hit.end && k < e && ctx.lex.is("complementizer", ctx.lower(k)) {
            return k;
        }
    }
    content_start(ctx, hit.end, e)
}

/// The token after the adjuncts that follow a cue before its content: dates ("on Friday", "last week"), media
/// and audiences ("on Twitter", "in an interview", "to reporters"), each optionally followed by a comma.
fn skip_adjuncts(ctx: &Ctx, from: usize, e: usize) -> usize {
    let mut j = from;
    // After "said" or "argued" an audience word opens the reported clause ("said members of the court
    // shouldn't …"); after "told" or "warned" it is the cue's object.
    let clause_cue = from > 0
        && speaker::cue_at(ctx, from - 1)
            .is_some_and(|h| h.end == from && ctx.lex.is("clause_cue", &h.cue.lemma));
    for _ in 0..3 {
        let start = j;
        let w = ctx.lower(j);
        // A date, or the audience as the object of the cue ("told reporters").
        if ctx.lex.is("time", w) || (j == from && !clause_cue && ctx.lex.is("audience", w)) {
            j += 1;
        } else if ctx.lex.is("adjunct_prep", w) {
            let mut k = j + 1;
            while k < e && k < j + 4 && ctx.lex.is("determiner", ctx.lower(k)) {
                k += 1;
            }
            // "at a news conference": the head may follow one modifier.
            if k + 1 < e
                && ctx.is_word(k)
                && ctx.lex.is("occasion", ctx.lower(k + 1))
                && !ctx.lex.is("occasion", ctx.lower(k))
            {
                k += 1;
            }
            // "at a Las Vegas rally": a name may stand before the head.
            let name_from = k;
            while k + 1 < e && k < name_from + 4 && ctx.toks[k].cap && ctx.is_word(k + 1) {
                k += 1;
            }
            if k > name_from && !ctx.lex.is("occasion", ctx.lower(k)) {
                k = name_from;
            }
            let head = ctx.lower(k);
            let fits = ctx.lex.is("time", head)
                || ctx.lex.is("statement_noun", head)
                || ctx.lex.is("audience", head)
                || ctx.lex.is("occasion", head)
                || (k == j + 1 && ctx.toks.get(k).is_some_and(|t| t.cap));
            if !fits || k >= e {
                break;
            }
            j = k + 1;
        }
        if j == start {
            break;
        }
        if j < e && ctx.is_punct(j, ",") {
            j += 1;
        }
    }
    j.min(e)
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
        let hit = speaker::reported_cue_at(ctx, c)?;
        let after = content_start(ctx, hit.end, e);
        let opens = ctx.lex.is("complementizer", ctx.lower(after))
            || ctx.is_punct(after, ",")
            || ctx.is_punct(after, ":");
        if !opens {
            return None;
        }
        return draft(ctx, sent, (after, e), None, cue_of(ctx, &hit, i + 1));
    }
    raising(ctx, sent, a, e)
}

/// "Trump is expected to deliver a speech": a passive of expecting or believing before an infinitive credits
/// the proposition (subject and infinitive) to nobody in particular. The content runs from the subject (or from
/// "to" when there is none, "which is expected to …") to the clause end; its text leaves out the cue.
fn raising(ctx: &Ctx, sent: Span, a: usize, e: usize) -> Option<Draft> {
    for b in a..e.saturating_sub(3) {
        if !ctx.lex.is("be", ctx.lower(b)) || ctx.in_quote(b) {
            continue;
        }
        let mut p = b + 1;
        while p < e && p < b + 4 && speaker::is_modifier(ctx, p) {
            p += 1;
        }
        if !ctx.lex.is("raising_participle", ctx.lower(p)) || ctx.lower(p + 1) != "to" {
            continue;
        }
        let subject =
            speaker::left_np(ctx, b, a).filter(|s| !ctx.lex.is("relative", ctx.slice(s.span)));
        let to = ctx.toks.get(p + 1)?.span;
        let start = subject.as_ref().map_or(to.start, |s| s.span.start);
        let end = ctx.toks.get(e.checked_sub(1)?)?.span.end;
        let content = trim_span(ctx.text, Span::new(start, end.max(start)), CLAUSE_PUNCT);
        let rest = ctx.text.get(to.start..content.end.max(to.start))?.trim();
        let text = match &subject {
            Some(s) => format!("{} {rest}", ctx.slice(s.span)),
            None => rest.to_string(),
        };
        if ctx
            .tok_range(Span::new(to.end, content.end))
            .filter(|&k| ctx.is_word(k))
            .count()
            < 2
        {
            return None;
        }
        let lemma =
            speaker::cue_at(ctx, p).map_or_else(|| ctx.lower(p).to_string(), |h| h.cue.lemma);
        return Some(Draft {
            span: sent,
            content,
            text: Some(text),
            speaker: None,
            via_text: None,
            via_span: None,
            cue: Some((lemma, Stance::Neutral, ctx.span_of(b, p + 1))),
            mode: ClaimMode::Indirect,
        });
    }
    None
}
