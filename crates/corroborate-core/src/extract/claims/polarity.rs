//! Polarity and hedging of a proposition.
//!
//! Rewrite rules (so a denial can be matched against the fact it denies):
//! - a negative cue (deny, reject, dismiss, "refused to acknowledge", bestreiten…) makes the claim `denies`;
//!   its text is the reported clause as written ("denied that anyone was harmed" → "anyone was harmed");
//! - a proposition with exactly one negator from the `negators` table is a denial of its positive form; the
//!   negator is replaced by its table rewrite: "nobody was touched" → "anybody was touched", "officers never
//!   touched anyone" → "officers touched anyone", "did not" → "did", "niemand wurde …" → "jemand wurde …";
//! - both together (denying a negative) affirm the positive form; two or more negators in one proposition are
//!   left as written and `affirms`, since their scope cannot be told without a parser.
//!
//! Hedging: a phrase from the `hedges` table anywhere in the evidence ("allegedly", "is said to", "would have",
//! "angeblich", "soll"), or a cue of the `hedging_cue` class ("claim", "allege", "rumor"). The German Konjunktiv I alone is *not* a hedge: it is the
//! normal mood of reported speech and says nothing about the reporter's doubt.

use super::ctx::Ctx;
use crate::model::{Polarity, Span, Stance};

/// Polarity and positive text of the proposition in `content`, given the cue's stance.
pub fn polarity(ctx: &Ctx, content: Span, stance: Option<Stance>) -> (Polarity, String) {
    let r = ctx.tok_range(content);
    let mut hits: Vec<(usize, usize, Option<&str>)> = Vec::new();
    let mut i = r.start;
    while i < r.end {
        if !ctx.lex.negators.starts_with(ctx.lower(i)) {
            i += 1;
            continue;
        }
        let words = ctx.words(i, (r.end - i).min(4));
        if let Some((p, n)) = ctx.lex.negators.longest(&words) {
            hits.push((i, i + n, p.value.as_deref()));
            i += n;
        } else {
            i += 1;
        }
    }
    let negative_cue = stance == Some(Stance::Negative);
    let as_written = ctx.slice(content).trim().to_string();
    if hits.len() != 1 {
        let pol = if negative_cue {
            Polarity::Denies
        } else {
            Polarity::Affirms
        };
        return (pol, as_written);
    }
    let (a, b, repl) = hits[0];
    let mut text = String::new();
    let mut from = content.start;
    let neg_start = ctx.toks[a].span.start;
    let neg_end = ctx.toks[b - 1].span.end;
    text.push_str(ctx.text.get(from..neg_start).unwrap_or(""));
    match repl {
        Some(r) => {
            if ctx.toks[a].cap {
                let mut cs = r.chars();
                if let Some(f) = cs.next() {
                    text.extend(f.to_uppercase());
                    text.push_str(cs.as_str());
                }
            } else {
                text.push_str(r);
            }
            from = neg_end;
        }
        None => {
            // Delete the negator and the space after it.
            from = neg_end;
            let rest = ctx.text.get(from..content.end).unwrap_or("");
            let ws = rest.len() - rest.trim_start().len();
            from += ws;
            if text.ends_with(char::is_whitespace) && ws == 0 {
                text.pop();
            }
        }
    }
    text.push_str(ctx.text.get(from..content.end).unwrap_or(""));
    let pol = if negative_cue {
        Polarity::Affirms
    } else {
        Polarity::Denies
    };
    (pol, text.trim().to_string())
}

/// The first hedge phrase ("reportedly", "is said to", "appeared to") in the evidence `span`, as its own span:
/// the claim is hedged, and the span shows the reader which words made it so.
pub fn hedge_span(ctx: &Ctx, span: Span) -> Option<Span> {
    let r = ctx.tok_range(span);
    (r.start..r.end).find_map(|i| {
        if !ctx.lex.hedges.starts_with(ctx.lower(i)) {
            return None;
        }
        let words = ctx.words(i, (r.end - i).min(4));
        let (_, n) = ctx.lex.hedges.longest(&words)?;
        let last = ctx.toks.get(i + n - 1)?;
        Some(Span::new(ctx.toks[i].span.start, last.span.end))
    })
}
