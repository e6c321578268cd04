//! Subjects that stand further from their cue than the adjacent noun phrase [`super::speaker`] reads:
//! - a subject followed by appositions, ages or a relative clause between commas ("Clinton, 35, the daughter of
//!   …, said"; "Barkley, who said …, said");
//! - the subject a participle cue refers back to ("The union sued the city, saying …").
//!
//! Without a parser these are read from comma-separated chunks and closed word classes, with length limits so a
//! long sentence costs at most a few chunk scans.

use super::ctx::Ctx;
use super::speaker::{self, Speaker};

/// Most comma-separated chunks looked at between a subject and its cue.
const MAX_CHUNKS: usize = 4;
/// Longest chunk (in tokens) accepted as an apposition or relative clause.
const MAX_CHUNK: usize = 24;

/// The subject of a cue whose preceding token `comma` is a comma, separated from it by appositions.
/// The speaker span stops before a relative clause ("Barkley" of "Barkley, who said …, said").
pub fn comma_subject(ctx: &Ctx, comma: usize, floor: usize) -> Option<Speaker> {
    let mut end = comma;
    let mut best: Option<(usize, usize)> = None;
    let mut relative_at: Option<usize> = None;
    for _ in 0..MAX_CHUNKS {
        let mut start = (floor..end)
            .rev()
            .find(|&j| ctx.is_punct(j, ","))
            .map_or(floor, |j| j + 1);
        // "As Andrew Tabler, an expert on Syria, noted": the subject follows "as".
        // "Yet Democratic economists, like …, say": a conjunction opening the sentence is not the subject's.
        // "But even Lindsey Graham, who …, said": up to two such words.
        let opener = |w: &str| {
            ctx.lex.is("as_source", w)
                || ctx.lex.is("vp_conjunction", w)
                || ctx.lex.is("subject_adverb", w)
        };
        let mut skipped = 0;
        while start == floor + skipped && skipped < 2 && start + 1 < end && opener(ctx.lower(start))
        {
            start += 1;
            skipped += 1;
        }
        if start >= end || end - start > MAX_CHUNK {
            break;
        }
        let first = ctx.lower(start);
        let opens_clause = start == floor + skipped || ctx.is_punct(start - 1, ",");
        let whole = is_subject(ctx, start, end) && opens_clause;
        if whole {
            best = Some((start, relative_at.unwrap_or(comma)));
        }
        // The leftmost chunk before a relative clause may hold a clause whose subject ends it ("It was three
        // years ago that Michael Bloomberg, who …, said").
        let leftmost = start <= floor + skipped || !appositive_like(ctx, start);
        if !whole
            && leftmost
            && relative_at.is_some()
            && let Some(s) = clause_final_subject(ctx, start, end)
        {
            best = Some((s, relative_at.unwrap_or(comma)));
            break;
        }
        if matches!(
            first,
            "who" | "who's" | "who’s" | "which" | "whose" | "where"
        ) {
            relative_at = Some(start - 1);
        } else if let Some(w) = relative_opening(ctx, start, floor) {
            // A relative clause with commas of its own ("Biden, who was to travel to Columbus, Ohio, on
            // Wednesday, said"): go on before it.
            relative_at = Some(w - 1);
            if w - 1 == floor {
                break;
            }
            end = w - 1;
            continue;
        } else if parenthetical(ctx, start, end)
            || ctx.lex.is("aside_opener", first)
            || participle_aside(ctx, start)
        {
            // "The government, for instance, refused …": an aside is not the subject, and the speaker phrase
            // ends before it.
            if best.is_none() {
                relative_at = Some(start - 1);
            }
        } else if !appositive_like(ctx, start) {
            break;
        }
        if start <= floor + skipped {
            break;
        }
        end = start - 1;
    }
    let (a, b) = best?;
    let sp = speaker::build(ctx, a, trim_end(ctx, a, b))?;
    Some(sp)
}

fn trim_end(ctx: &Ctx, a: usize, mut b: usize) -> usize {
    while b > a + 1 && ctx.is_punct(b - 1, ",") {
        b -= 1;
    }
    b
}

/// The subject of a cue starting at token `cs` when a comma stands before it ("Douglas Holtz-Eakin, an economic
/// adviser to Republicans and former director of the budget office, wrote"): [`comma_subject`] from that comma.
/// The comma may sit inside a closing quote mark ("Humphrey, who calls Trump a “sociopath,” said").
pub fn comma_subject_at(ctx: &Ctx, cs: usize, floor: usize) -> Option<Speaker> {
    let comma = comma_before(ctx, cs, floor)?;
    comma_subject(ctx, comma, floor)
}

/// The comma that ends the words before token `cs`: the token before it, or the one before a closing quote
/// mark right after a comma (",”"). `None` when there is none above `floor + 1`.
fn comma_before(ctx: &Ctx, cs: usize, floor: usize) -> Option<usize> {
    if cs <= floor + 1 {
        return None;
    }
    if ctx.is_punct(cs - 1, ",") {
        return Some(cs - 1);
    }
    let quote_mark = matches!(ctx.lower(cs - 1), "”" | "\"" | "’" | "''");
    (quote_mark && cs > floor + 2 && ctx.is_punct(cs - 2, ",")).then(|| cs - 2)
}

/// The subject after an introductory phrase and its comma ("In an incendiary press conference, Trump launched
/// an attack, calling him …"): [`subject_at`] from the token after the first comma, within 12 tokens.
pub fn subject_after_intro(ctx: &Ctx, start: usize, limit: usize) -> Option<Speaker> {
    let comma = (start + 1..limit.min(start + 12)).find(|&k| ctx.is_punct(k, ","))?;
    subject_at(ctx, comma + 1, limit)
}

/// The subject before an aside between dashes ("Many speakers — including Muslims, Christians, Jews — said"):
/// `cs` is the cue's first token, right after the closing dash.
pub fn dash_aside_subject(ctx: &Ctx, cs: usize, floor: usize) -> Option<Speaker> {
    if cs < floor + 3 || !ctx.is_dash(cs - 1) {
        return None;
    }
    let open = (floor.max(cs.saturating_sub(32))..cs - 1)
        .rev()
        .find(|&k| ctx.is_dash(k))?;
    speaker::left_np(ctx, open, floor)
}

/// The start of a noun phrase that ends chunk `a..b` and opens a clause inside it, after a complementizer, a
/// subordinator or a colon ("… ago that | Michael Bloomberg", "… disappeared when | Michael Capellas"). A chunk
/// opening with a relative word or an aside has no such subject.
fn clause_final_subject(ctx: &Ctx, a: usize, b: usize) -> Option<usize> {
    let first = ctx.lower(a);
    if ctx.lex.is("relative", first) || ctx.lex.is("aside_opener", first) || b - a > MAX_CHUNK {
        return None;
    }
    let s = speaker::scan_left(ctx, b, a)?;
    let before = ctx.lower(s.checked_sub(1)?);
    let boundary = (ctx.lex.is("subordinator", before) && !ctx.lex.is("as_source", before))
        || ctx.lex.is("complementizer", before)
        || before == ":"
        || ctx.is_dash(s - 1);
    (s > a && boundary && is_subject(ctx, s, b)).then_some(s)
}

/// Whether tokens `a..b` are an aside of the `parenthetical` class ("for instance", "however", "in turn").
fn parenthetical(ctx: &Ctx, a: usize, b: usize) -> bool {
    b > a && b - a <= 4 && (a..b).all(|i| ctx.lex.is("parenthetical", ctx.lower(i)))
}

/// Whether the chunk starting at `start` can be an apposition: a name, an article, a number (age), a role, or
/// a role after a few modifiers ("executive director of …", "acting political director of …").
pub(super) fn appositive_like(ctx: &Ctx, start: usize) -> bool {
    let Some(t) = ctx.toks.get(start) else {
        return false;
    };
    let w = t.lower.as_str();
    let modified_role = (start..start + 3)
        .take_while(|&k| ctx.is_word(k) && !ctx.lex.is("np_stop", ctx.lower(k)))
        .any(|k| ctx.lex.role_nouns.contains(ctx.lower(k)));
    (t.cap && !ctx.lex.is("noun_marker", w) && !ctx.lex.is("np_stop", w))
        || ctx.lex.is("determiner", w)
        || ctx.lex.role_nouns.contains(w)
        || modified_role
        || w.chars().all(|c| c.is_ascii_digit())
        || ctx.lex.is("apposition_opener", w)
}

/// The relative word ("who", "whose", "which") after a comma that opens the relative clause a chunk at `start`
/// ends, within `MAX_CHUNK` tokens before it, when the chunk itself cannot be an apposition.
fn relative_opening(ctx: &Ctx, start: usize, floor: usize) -> Option<usize> {
    if appositive_like(ctx, start) || ctx.toks.get(start).is_some_and(|t| t.cap) {
        return None;
    }
    (start.saturating_sub(MAX_CHUNK).max(floor + 2)..start)
        .rev()
        .find(|&k| {
            matches!(ctx.lower(k), "who" | "whose" | "which" | "who's" | "who’s")
                && ctx.is_punct(k - 1, ",")
        })
}

/// Whether the chunk starting at `start` is a participle aside about the subject ("…, wearing a cowboy hat, said",
/// "…, speaking in Ohio, said"): a lower-case word in "-ing" or of the `aside_participle` class.
fn participle_aside(ctx: &Ctx, start: usize) -> bool {
    let Some(t) = ctx.toks.get(start) else {
        return false;
    };
    !t.cap
        && t.kind == crate::model::TokenKind::Word
        && ((t.lower.ends_with("ing") && t.lower.len() > 4)
            || (t.lower.ends_with("ed") && t.lower.len() > 4)
            || ctx.lex.is("participle", &t.lower)
            || ctx.lex.is("aside_participle", &t.lower))
}

/// Whether tokens `a..b` are a whole noun phrase that can be a subject.
fn is_subject(ctx: &Ctx, a: usize, b: usize) -> bool {
    let Some(t) = ctx.toks.get(a) else {
        return false;
    };
    let w = t.lower.as_str();
    let opens = (t.cap && !ctx.lex.is("noun_marker", w) && !ctx.lex.is("np_stop", w))
        || ctx.lex.is("determiner", w)
        || ctx.lex.role_nouns.contains(w);
    // Joint subjects: "Cyber security experts and U.S. officials, however, said".
    let whole = speaker::scan_left(ctx, b, a).is_some_and(|s| {
        s == a
            || (s > a + 1
                && ctx.lex.is("conjunction", ctx.lower(s - 1))
                && speaker::scan_left(ctx, s - 1, a) == Some(a))
    });
    opens && b - a <= 10 && !ctx.lex.is("pronoun", w) && whole
}

/// The subject opening the clause at token `start` ("The Florida senator" of "The Florida senator sought …"):
/// the run of noun-phrase words, stopped at a verb-like word (a lower-case word ending in "-ed") or a pronoun.
pub fn subject_at(ctx: &Ctx, start: usize, limit: usize) -> Option<Speaker> {
    // "But the court overruled and said …": the conjunction opening the sentence is not the subject's.
    let start = if ctx.lex.is("vp_conjunction", ctx.lower(start)) && start + 1 < limit {
        start + 1
    } else {
        start
    };
    let first = ctx.toks.get(start)?;
    if ctx.lex.is("pronoun", &first.lower) && first.lower != "who" {
        return speaker::build(ctx, start, start + 1);
    }
    let opens = (first.cap && !ctx.lex.is("noun_marker", &first.lower))
        || ctx.lex.is("determiner", &first.lower)
        || ctx.lex.role_nouns.contains(&first.lower);
    if !opens {
        return None;
    }
    let mut i = start;
    while i < limit && i - start < 8 && speaker::np_word(ctx, i) {
        let t = &ctx.toks[i];
        let verb_like =
            !t.cap && i > start && (t.lower.ends_with("ed") || ctx.lex.is("past_verb", &t.lower));
        if verb_like || (i > start && ctx.lex.is("pronoun", &t.lower)) {
            break;
        }
        i += 1;
    }
    if i == start || !speaker::has_content_word(ctx, start, i) {
        return None;
    }
    speaker::build(ctx, start, i)
}

/// Longest verb phrase between a subject and the infinitive of its purpose, in tokens ("went on television on
/// Sunday | to defend").
const MAX_PURPOSE_GAP: usize = 12;

/// The speaker of a cue in an infinitive of purpose, written away from it: the subject of the verb the
/// infinitive modifies ("Sanders visited NBC's “Today” to discuss …", "Trump went on television on Sunday to
/// defend …", "the senator, who flew to Iowa to explain …"), or, after a verb of the `object_control` class, that
/// verb's object, who does what the infinitive says ("… prompted Sanders to advocate …"). A headline's "X to
/// announce …" names X. `to` is the infinitive marker's token, `floor` the clause's first one.
///
/// The infinitive after a cue verb ("wants to say", "declined to endorse") is that cue's content, not a claim
/// of its own, so a cue between subject and marker gives none; nor does an empty subject ("It is easy to
/// criticize …") or a negated infinitive. An infinitive right after a verb ("voted to endorse …") hands it the
/// subject too.
pub fn purpose_subject(ctx: &Ctx, to: usize, floor: usize) -> Option<Speaker> {
    let mut c = to;
    while c > floor {
        let w = ctx.lower(c - 1);
        if ctx.lex.is("object_control", w) {
            return object_subject(ctx, c, to);
        }
        let boundary = ctx.is_punct(c - 1, ",")
            || (!ctx.is_word(c - 1) && !speaker::np_word(ctx, c - 1) && !is_quote_mark(w))
            || ctx.lex.is("complementizer", w)
            || ctx.lex.is("subordinator", w)
            || ctx.lex.is("question_opener", w)
            || ctx.lex.is("relative", w);
        if boundary || to - c > MAX_PURPOSE_GAP {
            break;
        }
        c -= 1;
    }
    if to - c > MAX_PURPOSE_GAP {
        return None;
    }
    let (sp, verb) = clause_subject(ctx, c, to, floor)?;
    let empty = ctx.slice(sp.span).eq_ignore_ascii_case("it");
    let cue_between = (verb..to).any(|k| speaker::cue_at(ctx, k).is_some());
    (!empty && !cue_between && !negated_infinitive(ctx, verb, to)).then_some(sp)
}

/// Whether the verb phrase from `verb` to the infinitive marker `to` is negated ("were not authorized to
/// discuss", "decided not to endorse", "didn't fly to Iowa to explain"): it reports what somebody did not say.
fn negated_infinitive(ctx: &Ctx, verb: usize, to: usize) -> bool {
    (verb..to).any(|k| {
        let w = ctx.lower(k);
        matches!(w, "not" | "never") || w.ends_with("n't") || w.ends_with("n’t")
    })
}

/// The subject of the clause opening at token `c` that ends before the infinitive marker `to`, with the first
/// token after it: a relative word before `c` ("…, who flew to Iowa"), the noun phrase opening the clause
/// ([`subject_at`]), or the subject before appositions when the clause opens with the verb ("Cruz, a senator,
/// went …"). A noun phrase running up to the marker is a subject only as a headline's name ("Obama to frame …").
fn clause_subject(ctx: &Ctx, c: usize, to: usize, floor: usize) -> Option<(Speaker, usize)> {
    if c > floor && matches!(ctx.lower(c - 1), "who" | "which") {
        let sp = speaker::left_np(ctx, c, floor)?;
        return (c < to).then_some((sp, c));
    }
    if let Some(sp) = subject_at(ctx, c, to) {
        let end = ctx.tok_range(sp.span).end;
        if end < to {
            return Some((sp, end));
        }
        let headline = c == floor && speaker::name_like(ctx, c, to);
        return headline.then_some((sp, to));
    }
    let sp = comma_subject_at(ctx, c, floor)?;
    (c < to).then_some((sp, c))
}

/// The object of a verb of the `object_control` class ending before `from`: the noun phrase before the
/// infinitive marker `to` ("forced | Schultz | to resign", "prompting | them | to focus").
fn object_subject(ctx: &Ctx, from: usize, to: usize) -> Option<Speaker> {
    if from >= to {
        return None;
    }
    let sp = speaker::left_np(ctx, to, from)?;
    (ctx.tok_range(sp.span).start == from).then_some(sp)
}

/// Whether a token is a quote mark, which may stand inside a verb phrase around a title ("visited NBC's
/// “Today” to discuss").
fn is_quote_mark(w: &str) -> bool {
    matches!(w, "“" | "”" | "\"" | "''" | "``" | "‘" | "’")
}
