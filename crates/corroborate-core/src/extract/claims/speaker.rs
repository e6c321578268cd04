//! Speaker phrases and cues around a reporting word, read from tokens without a parser.
//!
//! A speaker is the noun phrase next to the cue: to its left in "the regional police chief, Ana Ruiz, said",
//! to its right in "…, said Ana Ruiz." The scan stops at punctuation and at closed-class words that cannot be
//! inside a noun phrase (`np_stop`), accepts "Mr." titles, bracketed party tags, one appositive between commas,
//! and joint speakers joined by "and" when both sides look like names.

use super::ctx::Ctx;
use super::lexicon::{Cue, Marker, MarkerPos};
use crate::model::{Span, TokenKind};

/// Longest noun phrase we accept as a speaker, in tokens.
const MAX_NP: usize = 12;

/// A speaker phrase: the whole as written, and its parts when several speakers are joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub span: Span,
    pub parts: Vec<Span>,
    /// The head to link to an entity mention: the name in an apposition, else the last word.
    pub head: Span,
}

/// A reporting cue found at a token.
#[derive(Debug, Clone)]
pub struct CueHit {
    pub cue: Cue,
    /// Token after the reporting words.
    pub end: usize,
}

/// The cue starting at token `i`, if any.
pub fn cue_at(ctx: &Ctx, i: usize) -> Option<CueHit> {
    if !ctx.is_word(i) || !ctx.lex.cues.starts_with(ctx.lower(i)) {
        return None;
    }
    let words = ctx.words(i, 5);
    let (phrase, n) = ctx.lex.cues.matching(&words).find(|(p, n)| {
        p.value
            .particle
            .as_deref()
            .is_none_or(|pt| particle_closes(ctx, i + n, pt))
    })?;
    let prev = i.checked_sub(1).map(|p| ctx.lower(p)).unwrap_or("");
    // After a determiner the form is a noun ("the report"), but a quantifier may be the subject of a verb
    // ("Both think …", "Some accused …").
    // A form that is also a noun counts only without a plural "-s" ("Many fear …", not "many fears"), and not
    // after "each", which takes a singular noun ("each report").
    let subject_quantifier = ctx.lex.is("quantifier_pronoun", prev)
        && (!phrase.value.noun_too || (!ctx.lower(i).ends_with('s') && prev != "each"));
    // "by saying" is a gerund, not a noun after a preposition.
    let gerund = ctx.lower(i).ends_with("ing") && ctx.lex.is("gerund_prep", prev);
    if (ctx.lex.is("determiner", prev) && !subject_quantifier)
        || (ctx.lex.is("noun_marker", prev) && !gerund)
    {
        return None;
    }
    // The second half of a compound adjective ("Iran-backed", "self-described") is no cue.
    if i > 0
        && prev == "-"
        && ctx.toks[i - 1].span.start == ctx.toks[i].span.start.saturating_sub(1)
    {
        return None;
    }
    if phrase.value.noun_too && !verb_reading(ctx, i, n) {
        return None;
    }
    if n == 1 && ctx.lex.is("naming_participle", ctx.lower(i)) && names_a_thing(ctx, i) {
        return None;
    }
    if phrase.value.clause_only && !clause_follows(ctx, i + n) && !evidence_subject(ctx, i) {
        return None;
    }
    // A capitalised noun form after a capitalised word ends a name ("the Cook Political Report.", "Roll Call
    // and"), unless a capitalised word follows, as in a title-case headline ("Clinton Calls ISIS Violence …").
    let next_cap = ctx.is_cap_word(i + n);
    if phrase.value.noun_too
        && ctx.toks[i].cap
        && i > 0
        && ctx.is_word(i - 1)
        && ctx.toks[i - 1].cap
        && !next_cap
    {
        return None;
    }
    Some(CueHit {
        cue: phrase.value.clone(),
        end: i + n,
    })
}

/// Longest name after a naming participle, in tokens ("a group called the Ethiopian People's Revolutionary Party").
const MAX_NAMED: usize = 10;

/// Whether the participle at token `i` gives a thing its name ("a program called Sandy Hook Promise", "the
/// gatherings, called the Clinton Global Initiative, …") rather than reporting a verdict ("the mayor called Ruiz a
/// liar"). It follows a common noun or a comma and precedes a name or a quote; a verdict goes on after the name
/// with its predicate, an article or a quote ("called Ruiz a liar", "called bankers “fat cats”").
fn names_a_thing(ctx: &Ctx, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1) else {
        return false;
    };
    let w = ctx.lower(prev);
    let noun_before = ctx.is_word(prev)
        && !ctx.toks[prev].cap
        && !ctx.lex.is("pronoun", w)
        && !ctx.lex.is("relative", w)
        && !ctx.lex.is("be", w)
        && !ctx.lex.is("cue_modifier", w)
        && !w.ends_with("ly");
    if !noun_before && !ctx.is_punct(prev, ",") {
        return false;
    }
    let is_open_quote = |k: usize| matches!(ctx.lower(k), "“" | "\"" | "''" | "‘");
    let mut k = i + 1;
    // "called the Union of Camp Dwellers"
    if ctx.lower(k) == "the" && ctx.is_cap_word(k + 1) {
        k += 1;
    }
    if is_open_quote(k) {
        // A quoted title: past its closing mark.
        k = (k + 1..ctx.toks.len().min(k + 1 + MAX_NAMED))
            .find(|&j| matches!(ctx.lower(j), "”" | "\"" | "''" | "’"))
            .map_or(k, |j| j + 1);
    } else if ctx.is_cap_word(k) {
        while k < ctx.toks.len().min(i + 1 + MAX_NAMED)
            && (ctx.is_cap_word(k)
                || (ctx.lex.is("name_word", ctx.lower(k)) && ctx.is_cap_word(k + 1)))
        {
            k += 1;
        }
    } else {
        return false;
    }
    !(ctx.lex.is("determiner", ctx.lower(k)) || is_open_quote(k))
}

/// Most words between an evidence noun heading a subject and its cue ("a CNN poll [released last week] showed").
const MAX_EVIDENCE_GAP: usize = 4;

/// Whether the subject before the cue at token `i` is headed by an evidence noun ("The latest poll showed Trump
/// leading …", "Emails released this week showed …"): a poll's or a record's finding is its claim even with a
/// plain object, where a person's "showed" would be a gesture ("showed the letter to reporters").
fn evidence_subject(ctx: &Ctx, i: usize) -> bool {
    (i.saturating_sub(MAX_EVIDENCE_GAP + 1)..i)
        .rev()
        .take_while(|&k| ctx.is_word(k) || ctx.is_punct(k, "/"))
        .any(|k| ctx.lex.is("evidence_noun", ctx.lower(k)))
}

/// Longest object between a clause-only cue and its "as" predicate, in tokens ("sees Cruz as …").
const MAX_AS_OBJECT: usize = 6;

/// Whether a clause-only cue ending before token `j` takes a clause ("that …", German ", dass …") or an object
/// with an "as" predicate ("sees the piece as a return to …") rather than a plain object.
fn clause_follows(ctx: &Ctx, j: usize) -> bool {
    let comma = usize::from(ctx.is_punct(j, ","));
    if ctx.lex.is("complementizer", ctx.lower(j + comma)) {
        return true;
    }
    // A clause without "that" opening with a subject pronoun ("records showed she was fit"): an object pronoun
    // would read "her", so "she", "he", "they", "we" and "I" can only start a clause here.
    if comma == 0
        && ctx.lex.is("clause_pronoun", ctx.lower(j))
        && ctx
            .toks
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && !t.cap)
    {
        return true;
    }
    (j + 1..ctx.toks.len().min(j + 1 + MAX_AS_OBJECT))
        .take_while(|&k| ctx.is_word(k) || ctx.is_punct(k, "’s") || ctx.is_punct(k, "'s"))
        .any(|k| ctx.lex.is("as_predicate", ctx.lower(k)))
}

/// Whether the separable particle `particle` is the last word of the clause that goes on at token `from`
/// (before a comma, a colon, a dash or the sentence end, within 20 tokens): "räumte den Fehler ein, …".
fn particle_closes(ctx: &Ctx, from: usize, particle: &str) -> bool {
    particle_at_clause_end(ctx, from, particle).is_some()
}

/// The token of `particle` when it is the last word of the clause that goes on at token `from` (see
/// [`particle_closes`]).
fn particle_at_clause_end(ctx: &Ctx, from: usize, particle: &str) -> Option<usize> {
    let end = (from..ctx.toks.len().min(from + 20))
        .find(|&k| !ctx.is_word(k) && !is_title_dot(ctx, k))
        .unwrap_or(ctx.toks.len());
    (end > from && ctx.lower(end - 1) == particle).then_some(end - 1)
}

/// Whether a form that is also a noun ("shows", "calls", "plans") reads as the verb here: after a pronoun, a
/// name, an auxiliary ("would show") or a noun that reports evidence ("the poll shows"), or before "that" or
/// "to" plus a verb ("plans to run").
fn verb_reading(ctx: &Ctx, i: usize, n: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| ctx.lower(p)).unwrap_or("");
    // "Trump's plans", "Ford’s calls", "Trump's claim that …": a possessive makes the form a noun.
    let possessive = prev.ends_with("'s") || prev.ends_with("’s");
    // "Police denied reports that …", "the ministry dismissed claims that …": right after a verb-only cue form
    // the form is that verb's object.
    let object_of_cue = i > 0
        && ctx.is_word(i - 1)
        && ctx
            .lex
            .cues
            .longest(&[prev])
            .is_some_and(|(p, _)| !p.value.noun_too);
    if possessive || object_of_cue {
        return false;
    }
    // After a comma a form in "-ing" is a participle ("…, showing that …"), not a noun ("a strong showing").
    let participle = i > 0 && ctx.is_punct(i - 1, ",") && ctx.lower(i).ends_with("ing");
    let prev_ok = participle
        || (i > 0
            && ctx.is_word(i - 1)
            && (ctx.lex.is("pronoun", prev)
                || ctx.toks[i - 1].cap
                || is_modifier(ctx, i - 1)
                || ctx.lex.is("evidence_noun", prev)));
    let next = ctx.lower(i + n);
    let after_to = ctx.lower(i + n + 1);
    // "the campaign plans to run", not "reiterated plans to run" (after a verb the form is its object).
    let infinitive = next == "to"
        && i > 0
        && ctx.is_word(i - 1)
        && !prev.ends_with("ed")
        && cue_at(ctx, i - 1).is_none()
        && ctx
            .toks
            .get(i + n + 1)
            .is_some_and(|t| !t.cap && t.kind == TokenKind::Word)
        && !ctx.lex.is("determiner", after_to)
        && (!ctx.lex.is("np_stop", after_to) || ctx.lex.is("be", after_to));
    // "records show he backed …": after a verb of evidence a subject pronoun opens the reported clause (after
    // other forms it more often opens a relative clause: "recent comments he made").
    let clause_next = ctx.lex.is("pronoun", next)
        && next != "who"
        && next != "it"
        && ctx
            .lex
            .cues
            .longest(&ctx.words(i, n))
            .is_some_and(|(p, _)| ctx.lex.is("evidence_cue", &p.value.lemma));
    prev_ok
        || ctx.lex.is("complementizer", next)
        || infinitive
        || clause_next
        || plural_subject(ctx, i, n)
        || ctx.lex.is("object_pronoun", next)
        || after_apposition(ctx, i, n)
        || after_conjunction(ctx, i, n)
}

/// Whether the form at `i` (`n` tokens) opens a second verb phrase after "and" or "but" and takes an object
/// ("He praised Clinton and calls her …"): a noun after "and" would not go on with a pronoun or a name.
fn after_conjunction(ctx: &Ctx, i: usize, n: usize) -> bool {
    let next = ctx.lower(i + n);
    let opens = (ctx.lex.is("pronoun", next) && next != "who")
        || ctx.lex.is("object_pronoun", next)
        || next == "her"
        || ctx.is_cap_word(i + n);
    i > 1
        && ctx.lex.is("vp_conjunction", ctx.lower(i - 1))
        && !ctx.lower(i).ends_with("ing")
        && opens
}

/// Whether the form at `i` (`n` tokens) follows the comma closing a subject's apposition and takes an object
/// ("Jan Brewer, an early supporter of Trump, calls the issue …"): a noun after a comma would not go on with a
/// noun phrase of its own.
fn after_apposition(ctx: &Ctx, i: usize, n: usize) -> bool {
    let next = ctx.lower(i + n);
    let opens = (ctx.lex.is("pronoun", next) && next != "who")
        || ctx.lex.is("determiner", next)
        || ctx.is_cap_word(i + n);
    i > 1 && ctx.is_punct(i - 1, ",") && !ctx.lower(i).ends_with("ing") && opens
}

/// Whether the base form at `i` (`n` tokens) agrees with a plural noun before it and a clause or object follows
/// ("Democratic lawmakers claim it will …", "critics charge that …"): a noun would not stand between them.
fn plural_subject(ctx: &Ctx, i: usize, n: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let prev = &ctx.toks[p];
    let plural = prev.kind == TokenKind::Word
        && !prev.cap
        && prev.lower.len() > 3
        && prev.lower.ends_with('s')
        && !prev.lower.ends_with("ss")
        && !ctx.lex.is("np_stop", &prev.lower)
        && !ctx.lex.is("time", &prev.lower);
    let base = !ctx.lower(i).ends_with('s');
    let next = ctx.lower(i + n);
    let opens =
        ctx.lex.is("pronoun", next) || ctx.lex.is("determiner", next) || ctx.is_cap_word(i + n);
    plural && base && opens
}

/// The cue at token `i` when it may report speech without a direct quote: a quote-only cue ("continued")
/// counts only before a colon ("Cruz continued: …").
pub fn reported_cue_at(ctx: &Ctx, i: usize) -> Option<CueHit> {
    cue_at(ctx, i).filter(|h| !h.cue.quote_only || ctx.is_punct(h.end, ":"))
}

/// Whether token `k` may stand between a speaker and its cue: an auxiliary or adverb of the `cue_modifier`
/// class, a form of "be" (progressive "is calling for"), or a lower-case "-ly" adverb ("formally",
/// "sharply") that is not one of the nouns ending the same way (`ly_noun`: "family", "ally").
pub fn is_modifier(ctx: &Ctx, k: usize) -> bool {
    let Some(t) = ctx.toks.get(k) else {
        return false;
    };
    let w = t.lower.as_str();
    ctx.lex.is("cue_modifier", w)
        || ctx.lex.is("be", w)
        || (t.kind == TokenKind::Word
            && !t.cap
            && w.len() >= 5
            && w.ends_with("ly")
            && !ctx.lex.is("ly_noun", w))
}

/// Extends a cue leftwards over auxiliaries and adverbs ("has also said", "is calling for"); returns the new
/// first token. A passive ("was asked", "is expected") is not extended: its subject is not the speaker.
pub fn absorb_modifiers(ctx: &Ctx, start: usize, floor: usize) -> usize {
    let mut s = start;
    while s > floor && s + 4 > start && is_modifier(ctx, s - 1) {
        s -= 1;
    }
    // A quantifier opening the clause is the subject, not a modifier ("Both think …", not "they both think").
    if s == floor && s < start && ctx.lex.is("quantifier_pronoun", ctx.lower(s)) {
        s += 1;
    }
    let be = (s..start).any(|k| ctx.lex.is("be", ctx.lower(k)));
    if be && is_participle_cue(ctx, start) {
        return start;
    }
    s
}

/// Whether the cue at `start` is a past participle ("asked", "told", "expected"), which after "be" makes a
/// passive; a cue phrase ending in "that" ("concerned that") is an adjective and stays active, and so is a
/// phrase opened by a `participial_adjective` ("were concerned about", "is frustrated with"): the subject holds
/// the attitude.
pub(super) fn is_participle_cue(ctx: &Ctx, start: usize) -> bool {
    let w = ctx.lower(start);
    let end = cue_at(ctx, start).map_or(start + 1, |h| h.end);
    let adjective = end > start + 1
        && (ctx.lex.is("complementizer", ctx.lower(end - 1))
            || ctx.lex.is("participial_adjective", w));
    !adjective && (w.ends_with("ed") || ctx.lex.is("participle", w))
}

/// Whether token `dot` is the dot of a title ("Mr.") or of an initial ("J. Gerald Hebert") inside a name.
pub(super) fn is_title_dot(ctx: &Ctx, dot: usize) -> bool {
    if dot == 0 || !ctx.is_punct(dot, ".") {
        return false;
    }
    let prev = &ctx.toks[dot - 1];
    let initial = prev.cap && prev.kind == TokenKind::Word && prev.lower.chars().count() == 1;
    initial || ctx.lex.is("title", &prev.lower)
}

/// Whether token `i` may be inside a speaker phrase.
pub(super) fn np_word(ctx: &Ctx, i: usize) -> bool {
    let Some(t) = ctx.toks.get(i) else {
        return false;
    };
    match t.kind {
        TokenKind::Word | TokenKind::Number => {
            // A capitalised stop word belongs to a name only after another capitalised word ("Theresa May");
            // at a sentence start it is just the stop word ("But he said").
            let in_name = t.cap && i > 0 && ctx.is_word(i - 1) && ctx.toks[i - 1].cap;
            // Where every noun is capitalised, a capitalised stop word after another word is a noun that
            // shares its letters ("Bewegung für Land und Würde": "Würde" is dignity, not "würde", would).
            let noun =
                t.cap && i > 0 && ctx.is_word(i - 1) && ctx.lex.is("capitalises_nouns", "yes");
            (!ctx.lex.is("np_stop", &t.lower) || in_name || noun)
                && !ctx.lex.is("complementizer", &t.lower)
        }
        // "42% say …": a percentage right after its number.
        _ => {
            t.lower == "-"
                || t.lower == "&"
                || is_title_dot(ctx, i)
                || possessive_mark(ctx, i)
                || (t.lower == "%" && i > 0 && ctx.toks[i - 1].kind == TokenKind::Number)
        }
    }
}

/// An apostrophe closing a plural possessive inside a phrase ("Sanders’ campaign manager").
fn possessive_mark(ctx: &Ctx, i: usize) -> bool {
    matches!(ctx.lower(i), "’" | "'")
        && i > 0
        && ctx.lower(i - 1).ends_with('s')
        && ctx.toks[i - 1].span.end == ctx.toks[i].span.start
        && ctx.is_word(i + 1)
}

pub(super) fn has_content_word(ctx: &Ctx, a: usize, b: usize) -> bool {
    // A quantifier standing alone is a phrase ("most are planning to …", "many said").
    if b == a + 1 && ctx.lex.is("quantifier_pronoun", ctx.lower(a)) {
        return true;
    }
    (a..b).any(|i| {
        ctx.is_word(i)
            && !ctx.lex.is("determiner", ctx.lower(i))
            && !ctx.lex.is("time", ctx.lower(i))
    })
}

/// Whether tokens `a..b` look like a name: capitalised words (titles, "of the", dots of titles allowed).
pub(super) fn name_like(ctx: &Ctx, a: usize, b: usize) -> bool {
    // A bracketed tag ("Rep. Dana Kiel (D-Ore.)") belongs to the name whatever is inside it.
    let mut depth = 0usize;
    a < b
        && (a..b).all(|i| {
            let t = &ctx.toks[i];
            if t.lower == "(" {
                depth += 1;
                return true;
            }
            if t.lower == ")" {
                depth = depth.saturating_sub(1);
                return true;
            }
            depth > 0
                || t.cap
                || is_title_dot(ctx, i)
                || t.lower == "-"
                || ctx.lex.is("name_word", &t.lower)
        })
        && ctx.toks[a].cap
}

/// The speaker phrase ending just before token `end`, not reaching before token `floor`.
pub fn left_np(ctx: &Ctx, end: usize, floor: usize) -> Option<Speaker> {
    // Dates between speaker and cue: "Smith on Tuesday said"; a place or a reflexive: "Sanders himself said".
    let mut end = end;
    if end > floor + 1 && ctx.lex.is("trailing_adverb", ctx.lower(end - 1)) {
        end -= 1;
    }
    while end > floor && ctx.lex.is("time", ctx.lower(end - 1)) {
        end -= 1;
        if end > floor && matches!(ctx.lower(end - 1), "on" | "am" | "last") {
            end -= 1;
        }
    }
    // Appositive: "Ana Ruiz, the regional police chief, said" / "the chief, Ana Ruiz, said".
    if end > floor && ctx.is_punct(end - 1, ",") {
        return appositive(ctx, end - 1, floor);
    }
    // A pronoun right before the cue is the whole speaker ("Tuesday night he said"), also when it carries a
    // contracted auxiliary ("he’s been saying": the speaker is "he").
    if end > floor && ctx.lex.is("pronoun", ctx.lower(end - 1)) {
        return Some(
            relative_speaker(ctx, end - 1, floor).unwrap_or_else(|| single(ctx, end - 1, end)),
        );
    }
    if end > floor
        && let Some(sp) = contracted_pronoun(ctx, end - 1)
    {
        return Some(sp);
    }
    let start = scan_left(ctx, end, floor)?;
    // Relative pronoun as speaker ("…, who said").
    if start + 1 == end && ctx.lower(start) == "who" {
        return Some(
            relative_speaker(ctx, start, floor).unwrap_or_else(|| single(ctx, start, end)),
        );
    }
    let start = joint(ctx, start, floor).unwrap_or(start);
    build(ctx, start, end)
}

/// A relative pronoun as speaker ("families who say …", "Idris Halloran, who said …"): the speaker is written
/// "who", but it links through the noun phrase before it, so the claim is the antecedent's.
pub(super) fn relative_speaker(ctx: &Ctx, rel: usize, floor: usize) -> Option<Speaker> {
    if !ctx.lex.is("relative", ctx.lower(rel)) || rel <= floor {
        return None;
    }
    let end = if ctx.is_punct(rel - 1, ",") {
        rel - 1
    } else {
        rel
    };
    let start = scan_left(ctx, end, floor)?;
    if ctx.lex.is("relative", ctx.lower(start)) || ctx.lex.is("pronoun", ctx.lower(end - 1)) {
        return None;
    }
    let antecedent = build(ctx, start, end)?;
    let span = ctx.span_of(rel, rel + 1)?;
    Some(Speaker {
        span,
        parts: vec![span],
        head: antecedent.head,
    })
}

/// A pronoun with a contracted auxiliary written as one token ("he’s", "they'd"): the pronoun's part.
fn contracted_pronoun(ctx: &Ctx, i: usize) -> Option<Speaker> {
    let t = ctx.toks.get(i)?;
    let (pronoun, _) = t.lower.split_once(['’', '\''])?;
    if !ctx.lex.is("pronoun", pronoun) || pronoun == "who" {
        return None;
    }
    let span = Span::new(t.span.start, t.span.start + pronoun.len());
    Some(Speaker {
        span,
        parts: vec![span],
        head: span,
    })
}

fn single(ctx: &Ctx, a: usize, b: usize) -> Speaker {
    let span = ctx.span_of(a, b).unwrap_or(Span::new(0, 0));
    Speaker {
        span,
        parts: vec![span],
        head: span,
    }
}

/// Start token of the noun phrase ending before `end`; `None` when it is empty or too long to be one.
pub(super) fn scan_left(ctx: &Ctx, end: usize, floor: usize) -> Option<usize> {
    let mut i = end;
    while i > floor {
        if ctx.is_punct(i - 1, ")") {
            // A bracketed tag like "(D-Fla.)".
            let open = (i.saturating_sub(8).max(floor)..i - 1)
                .rev()
                .find(|&j| ctx.is_punct(j, "("))?;
            i = open;
            continue;
        }
        if !np_word(ctx, i - 1) {
            break;
        }
        // "who" opens a relative clause: it is the speaker by itself.
        if ctx.lower(i - 1) == "who" && i == end {
            return Some(i - 1);
        }
        if ctx.lex.is("pronoun", ctx.lower(i - 1)) && i < end {
            break;
        }
        // A participle after a comma opens a clause of its own ("…, saying his campaign doesn't want …").
        if i - 1 > floor && ctx.is_punct(i - 2, ",") && participle_word(ctx, i - 1) {
            break;
        }
        i -= 1;
        if end - i > MAX_NP {
            return name_suffix(ctx, end, floor);
        }
    }
    (i < end && has_content_word(ctx, i, end)).then_some(i)
}

/// A lower-case word in "-ing" (a participle or gerund, "saying", "calling").
fn participle_word(ctx: &Ctx, i: usize) -> bool {
    let t = &ctx.toks[i];
    !t.cap && t.kind == TokenKind::Word && t.lower.len() > 4 && t.lower.ends_with("ing")
}

/// For a run too long to be a subject, its trailing name ("… campaign chairman John Podesta").
fn name_suffix(ctx: &Ctx, end: usize, floor: usize) -> Option<usize> {
    let mut i = end;
    // A bracketed tag after the name: "… convention Sen. Elizabeth Warren (D-MA)".
    if i > floor && ctx.is_punct(i - 1, ")") {
        i = (i.saturating_sub(8).max(floor)..i - 1)
            .rev()
            .find(|&j| ctx.is_punct(j, "("))?;
    }
    let tag = i;
    while i > floor && (ctx.toks[i - 1].cap || is_title_dot(ctx, i - 1)) {
        i -= 1;
    }
    (i < tag).then_some(i)
}

/// Extends a subject phrase over "X and" when X reaches back to a clause boundary: joint speakers ("Ruiz and
/// Martin said", "he and his aides said", "the mayor and the governor condemned"). The second conjunct (from
/// `start`) must open like a noun phrase of its own: a capitalised word or a determiner.
fn joint(ctx: &Ctx, start: usize, floor: usize) -> Option<usize> {
    if start < floor + 2 || !ctx.lex.is("conjunction", ctx.lower(start - 1)) {
        return None;
    }
    let and = start - 1;
    let second_opens = ctx.toks[start].cap || ctx.lex.is("determiner", ctx.lower(start));
    // "he and Mr. Allen said", "they and their supporters argue": a subject pronoun (not "him and …").
    if and > floor && ctx.lex.is("pronoun", ctx.lower(and - 1)) && ctx.lower(and - 1) != "who" {
        let subject = ctx.toks[start].cap || ctx.lex.is("clause_pronoun", ctx.lower(and - 1));
        return (second_opens && subject).then_some(and - 1);
    }
    let at_boundary =
        |i: usize| i == floor || !ctx.is_word(i - 1) || ctx.lex.is("np_stop", ctx.lower(i - 1));
    let mut i = and;
    while i > floor
        && (ctx.toks[i - 1].cap
            || is_title_dot(ctx, i - 1)
            || ctx.lex.is("name_word", ctx.lower(i - 1)))
    {
        i -= 1;
    }
    if i < and && at_boundary(i) && ctx.toks[start].cap {
        return Some(i);
    }
    // Two common noun phrases, each opened by a determiner: "the mayor and the governor".
    let first = scan_left(ctx, and, floor)?;
    (ctx.lex.is("determiner", ctx.lower(first))
        && ctx.lex.is("determiner", ctx.lower(start))
        && at_boundary(first))
    .then_some(first)
}

pub(super) fn build(ctx: &Ctx, start: usize, end: usize) -> Option<Speaker> {
    let span = ctx.span_of(start, end)?;
    let mut parts = Vec::new();
    let mut from = start;
    let connective = |a: usize, b: usize| {
        (a..b).any(|k| {
            !ctx.toks[k].cap && ctx.lex.is("name_word", ctx.lower(k)) && ctx.lower(k) != "the"
        })
    };
    // Common noun phrases join only as whole phrases opened by a determiner or a subject pronoun ("the
    // mayor and the governor", "they and their supporters"); names join as names.
    let common_phrase = |a: usize| {
        ctx.lex.is("determiner", ctx.lower(a))
            || (a + 1 < end && ctx.lex.is("clause_pronoun", ctx.lower(a)))
    };
    for i in start..end {
        let names = name_like(ctx, from, i)
            && !connective(from, i)
            && ctx.toks.get(i + 1).is_some_and(|t| t.cap);
        let phrases =
            i + 1 < end && common_phrase(from) && ctx.lex.is("determiner", ctx.lower(i + 1));
        if ctx.lex.is("conjunction", ctx.lower(i)) && (names || phrases) {
            parts.extend(ctx.span_of(from, i));
            from = i + 1;
        }
    }
    parts.extend(ctx.span_of(from, end));
    let head = parts
        .first()
        .copied()
        .and_then(|p| head_of(ctx, p))
        .unwrap_or(span);
    Some(Speaker { span, parts, head })
}

/// The word of a phrase to link: its last capitalised run (a name), else its last word.
fn head_of(ctx: &Ctx, span: Span) -> Option<Span> {
    let r = ctx.tok_range(span);
    let words: Vec<usize> = r.clone().filter(|&i| ctx.is_word(i)).collect();
    let last_cap = words
        .iter()
        .rev()
        .find(|&&i| ctx.toks[i].cap && i > r.start);
    let i = last_cap.or(words.last()).copied()?;
    Some(ctx.toks[i].span)
}

/// "NAME, ROLE, cue" or "ROLE, NAME, cue": `comma` is the token before the cue.
fn appositive(ctx: &Ctx, comma: usize, floor: usize) -> Option<Speaker> {
    let second = scan_left(ctx, comma, floor)?;
    if second == floor || !ctx.is_punct(second - 1, ",") {
        return None;
    }
    let first = scan_left(ctx, second - 1, floor)?;
    let before_ok =
        first == floor || !ctx.is_word(first - 1) || ctx.lex.is("np_stop", ctx.lower(first - 1));
    let one_named = name_like(ctx, first, second - 1) || name_like(ctx, second, comma);
    // The other half must open like a noun phrase or hold a role: "Slinker, whose start-up, Paradata, uses big
    // data, said" has no apposition "Paradata, uses big data"; "chair of the committee" is one.
    let (other, other_end) = if name_like(ctx, first, second - 1) {
        (second, comma)
    } else {
        (first, second - 1)
    };
    let role = super::subject::appositive_like(ctx, other)
        || (other..other_end)
            .any(|k| ctx.lower(k) == "of" || ctx.lex.role_nouns.contains(ctx.lower(k)));
    // A bracketed tag ("Rep. Dana Kiel (D-Ore.), chair of …") does not count towards the length.
    if !before_ok || !one_named || !role || unbracketed_len(ctx, first, comma) > MAX_NP + 2 {
        return None;
    }
    let span = ctx.span_of(first, comma)?;
    let name = if name_like(ctx, first, second - 1) {
        ctx.span_of(first, second - 1)
    } else {
        ctx.span_of(second, comma)
    };
    let head = name.and_then(|n| head_of(ctx, n)).unwrap_or(span);
    Some(Speaker {
        span,
        parts: vec![span],
        head,
    })
}

/// Tokens from `a` to `b` outside brackets.
fn unbracketed_len(ctx: &Ctx, a: usize, b: usize) -> usize {
    let mut depth = 0usize;
    let mut n = 0;
    for k in a..b {
        if ctx.is_punct(k, "(") {
            depth += 1;
        } else if ctx.is_punct(k, ")") {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            n += 1;
        }
    }
    n
}

/// The speaker phrase starting at token `start` ("said Ana Ruiz, the police chief."), ending at `limit` at
/// most; returns it with the token after it. It must be followed by punctuation or the limit.
pub fn right_np(ctx: &Ctx, start: usize, limit: usize) -> Option<(Speaker, usize)> {
    let mut i = start;
    while i < limit && np_word(ctx, i) && i - start < MAX_NP {
        if (ctx.lex.is("pronoun", ctx.lower(i)) || marker_starts(ctx, i)) && i > start {
            break;
        }
        i += 1;
    }
    let first = ctx.lower(start);
    let opens_np = ctx.toks.get(start).is_some_and(|t| t.cap)
        || ctx.lex.is("determiner", first)
        || ctx.lex.is("pronoun", first)
        || ctx.lex.role_nouns.contains(first);
    if i == start || i - start > 8 || !opens_np || !has_content_word(ctx, start, i) {
        return None;
    }
    // An appositive name or role after a comma: "said the spokesman, John Doe."
    let mut end = i;
    if i < limit && ctx.is_punct(i, ",") {
        let mut j = i + 1;
        while j < limit && np_word(ctx, j) && j - i < MAX_NP {
            j += 1;
        }
        let closes = j >= limit || ctx.is_punct(j, ".") || ctx.is_punct(j, ",");
        if j > i + 1 && closes && (name_like(ctx, i + 1, j) || name_like(ctx, start, i)) {
            end = j;
        }
    }
    let follows_ok = end >= limit || !ctx.is_word(end);
    if !follows_ok {
        return None;
    }
    let mut sp = build(ctx, start, end)?;
    if end != i {
        let name = if name_like(ctx, start, i) {
            ctx.span_of(start, i)
        } else {
            ctx.span_of(i + 1, end)
        };
        sp.head = name.and_then(|n| head_of(ctx, n)).unwrap_or(sp.head);
        sp.parts = vec![sp.span];
    }
    Some((sp, end))
}

/// Token of the separable particle that closes the clause of cue `hit` ("teilte die Polizei [mit], dass …",
/// "…, teilte das Ministerium [mit]."): a speaker phrase after the cue ends there.
pub fn closing_particle(ctx: &Ctx, hit: &CueHit) -> Option<usize> {
    particle_at_clause_end(ctx, hit.end, hit.cue.particle.as_deref()?)
}

/// The longest source marker starting at token `i` ("according to", "laut", "nach Angaben der"), with its
/// length in tokens.
pub fn marker_at<'c>(ctx: &'c Ctx, i: usize) -> Option<(&'c Marker, usize)> {
    if !ctx.lex.markers.starts_with(ctx.lower(i)) {
        return None;
    }
    let (m, n) = ctx.lex.markers.longest(&ctx.words(i, 4))?;
    Some((&m.value, n))
}

/// Whether a source marker that stands before its source starts at token `i` ("sagte Ruiz [laut] Radio Hafen",
/// "said Ruiz, [according to] …"): the speaker's phrase ends there.
fn marker_starts(ctx: &Ctx, i: usize) -> bool {
    marker_at(ctx, i).is_some_and(|(m, _)| m.pos == MarkerPos::Before)
}

/// The source after an inverted cue closing a sentence ("…,” said Richard Curtin, the chief economist for the
/// Michigan Survey of Consumers."): when the plain phrase of [`right_np`] is followed by more words, the source
/// runs on over prepositional phrases and appositions, and stops before what is not about the speaker: a date,
/// a subordinate clause ("when asked …"), a relative clause, a participle ("…, adding …"), or an adjunct
/// like "in a statement" or "to reporters". Returns it with the token after it.
pub fn right_np_long(ctx: &Ctx, start: usize, limit: usize) -> Option<(Speaker, usize)> {
    if let Some(found) = right_np(ctx, start, limit) {
        return Some(found);
    }
    let first = ctx.lower(start);
    // A lower-case title before a name opens the phrase too ("said master of ceremonies Asab Al-Tabchi").
    let titled = (start + 1..limit.min(start + 5))
        .take_while(|&k| np_word(ctx, k))
        .any(|k| ctx.toks[k].cap);
    let opens_np = ctx.toks.get(start).is_some_and(|t| t.cap)
        || ctx.lex.is("determiner", first)
        || ctx.lex.role_nouns.contains(first)
        || (titled && !ctx.lex.is("np_stop", first) && !ctx.lex.is("pronoun", first));
    let mut core = start;
    while core < limit && np_word(ctx, core) && core - start < MAX_NP {
        if (ctx.lex.is("pronoun", ctx.lower(core)) || marker_starts(ctx, core)) && core > start {
            break;
        }
        core += 1;
    }
    if !opens_np || core == start || !has_content_word(ctx, start, core) {
        return None;
    }
    let mut j = core;
    while j < limit && j - start < 40 {
        let w = ctx.lower(j);
        let next = ctx.lower(j + 1);
        // Where the source ends and something about the saying begins.
        let end = ctx.lex.is("time", w)
            || ctx.lex.is("subordinator", w)
            || ctx.lex.is("relative", w)
            || matches!(w, "." | "!" | "?" | ";" | ":")
            || marker_starts(ctx, j)
            || (w == ","
                && (next.ends_with("ing")
                    || ctx.lex.is("np_stop", next)
                    || ctx.lex.is("pronoun", next)))
            || adjunct_ahead(ctx, j, limit);
        if end {
            break;
        }
        // A verb or a pronoun: the words after the cue are a clause ("…, said the new tax would …"), not a
        // source.
        let clause = ctx.is_word(j)
            && ((ctx.lex.is("np_stop", w) && !ctx.lex.is("source_prep", w))
                || ctx.lex.is("pronoun", w));
        if clause {
            return None;
        }
        j += 1;
    }
    while j > core && !ctx.is_word(j - 1) && !ctx.is_punct(j - 1, ")") {
        j -= 1;
    }
    let span = ctx.span_of(start, j)?;
    let head = ctx
        .span_of(start, core)
        .and_then(|n| head_of(ctx, n))
        .unwrap_or(span);
    Some((
        Speaker {
            span,
            parts: vec![span],
            head,
        },
        j,
    ))
}

/// Whether an adjunct that belongs to the cue starts at token `j`: a preposition of the `adjunct_prep` class
/// whose phrase is a statement, an audience or a date ("in a statement", "to reporters", "on Tuesday").
fn adjunct_ahead(ctx: &Ctx, j: usize, limit: usize) -> bool {
    if !ctx.lex.is("adjunct_prep", ctx.lower(j)) {
        return false;
    }
    let mut k = j + 1;
    while k < limit && k < j + 4 && ctx.lex.is("determiner", ctx.lower(k)) {
        k += 1;
    }
    let head = ctx.lower(k);
    ctx.lex.is("time", head) || ctx.lex.is("statement_noun", head) || ctx.lex.is("audience", head)
}
