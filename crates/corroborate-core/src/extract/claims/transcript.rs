//! Interview transcripts: paragraphs that open with a speaker label in capitals and a colon
//! ("WALLACE: Let's start with …", "MR. TRUMP: We will win."). Each such turn is one direct claim of the
//! labelled speaker, the whole rest of the paragraph its words, and the colon its cue.
//!
//! A single label in capitals could as well be a dateline ("BAGHDAD: …") or a heading ("BREAKING: …"), so turns
//! are read only where at least two paragraphs open with a label, the mark of a transcript. Labels of the
//! `colon_label` table are never speakers. Transcripts quoted in full often open every paragraph with a
//! quote mark ("\"WALLACE: …"); the mark is skipped. Question-and-answer interviews ("Q:", "A:") are left
//! out: "A" names nobody until it is linked to the interviewee, which this pass does not do.

use super::ctx::{Ctx, in_capitals};
use super::draft::{CLAUSE_PUNCT, Draft, trim_span};
use super::speaker;
use crate::model::{ClaimMode, Span, Stance, TokenKind};

/// Most words a speaker label has ("FORMER GOV. JEB BUSH:").
const MAX_LABEL_WORDS: usize = 4;

/// Characters trimmed from a turn's ends: clause punctuation and the quote marks of a transcript quoted whole.
const TURN_TRIM: &[char] = &['"', '“', '”', '„', '«', '»'];

/// One speaker's turn.
struct Turn {
    /// First and one-past-last token of the label.
    label: (usize, usize),
    /// The colon's token.
    colon: usize,
    para: Span,
}

/// Direct claims for the turns of a transcript; none when the text is no transcript.
pub fn transcript_claims(ctx: &Ctx) -> Vec<Draft> {
    let turns: Vec<Turn> = ctx.paras.iter().filter_map(|&p| turn(ctx, p)).collect();
    if turns.len() < 2 {
        return Vec::new();
    }
    turns.iter().filter_map(|t| claim(ctx, t)).collect()
}

/// The turn that paragraph `para` opens, if it opens with a speaker label.
fn turn(ctx: &Ctx, para: Span) -> Option<Turn> {
    let r = ctx.tok_range(para);
    let mut a = r.start;
    if ctx.toks.get(a).is_some_and(|t| t.kind != TokenKind::Word)
        && is_open_mark(ctx.slice(ctx.toks[a].span))
    {
        a += 1;
    }
    let end = r.end.min(a + 2 * MAX_LABEL_WORDS);
    let colon = (a + 1..end).find(|&i| ctx.is_punct(i, ":"))?;
    let words = (a..colon).filter(|&i| ctx.is_word(i)).count();
    let label_word = |i: usize| {
        let s = ctx.slice(ctx.toks[i].span);
        s == "."
            || (ctx.toks[i].kind == TokenKind::Word
                && in_capitals(s)
                && !ctx.lex.is("colon_label", ctx.lower(i)))
    };
    let spoken = (colon + 1..r.end).filter(|&i| ctx.is_word(i)).count();
    ((1..=MAX_LABEL_WORDS).contains(&words) && (a..colon).all(label_word) && spoken > 0).then_some(
        Turn {
            label: (a, colon),
            colon,
            para,
        },
    )
}

fn is_open_mark(s: &str) -> bool {
    matches!(s, "\"" | "“" | "„" | "«" | "”")
}

fn claim(ctx: &Ctx, t: &Turn) -> Option<Draft> {
    let sp = speaker::build(ctx, t.label.0, t.label.1)?;
    let colon = ctx.toks.get(t.colon)?.span;
    let rest = Span::new(colon.end, t.para.end);
    let trimmed = trim_span(ctx.text, rest, TURN_TRIM);
    let content = trim_span(ctx.text, trimmed, CLAUSE_PUNCT);
    let start = ctx.toks.get(t.label.0)?.span.start;
    (content.start < content.end).then(|| Draft {
        span: Span::new(start, t.para.end),
        content,
        text: None,
        speaker: Some(sp),
        via_text: None,
        via_span: None,
        cue: Some(("say".to_string(), Stance::Neutral, Some(colon))),
        mode: ClaimMode::Direct,
    })
}
