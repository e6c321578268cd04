//! A claim as the patterns find it, before polarity, hedging and entity linking turn it into a
//! [`ClaimMention`]. Keeping the finishing in one place means every pattern gets the same rules.

use super::ctx::Ctx;
use super::link;
use super::polarity;
use super::speaker::Speaker;
use crate::model::{ClaimMention, ClaimMode, EntityMention, Span, Stance};

/// A cue: lemma, stance, and where its words are (none for a speaker carried over from an earlier quote).
pub type CueInfo = (String, Stance, Option<Span>);

#[derive(Debug, Clone)]
pub struct Draft {
    /// The evidence.
    pub span: Span,
    pub content: Span,
    /// The proposition when it is not simply `content` as written (a quote with repeated paragraph marks).
    pub text: Option<String>,
    pub speaker: Option<Speaker>,
    pub via_text: Option<String>,
    pub via_span: Option<Span>,
    pub cue: Option<CueInfo>,
    pub mode: ClaimMode,
}

impl Draft {
    /// Names the statement the claim goes through ("issued a statement saying …": "a statement") as its `via`.
    pub fn set_via(&mut self, ctx: &Ctx, via: Span) {
        self.via_span = Some(via);
        self.via_text = Some(ctx.slice(via).to_string());
    }

    pub fn finish(self, ctx: &Ctx, mentions: &[EntityMention]) -> ClaimMention {
        let stance = self.cue.as_ref().map(|c| c.1);
        let (polarity, positive) = polarity::polarity(ctx, self.content, stance);
        let as_written = ctx.slice(self.content).trim();
        fn bare(s: &str) -> &str {
            s.trim_end_matches(CLAUSE_PUNCT).trim_end()
        }
        let text = match self.text {
            // A quote keeps its own text unless the rewrite changed it. A quote whose text is not its span as
            // written (halves joined around their attribution, “A,” Ruiz said, “B.”, or paragraphs reopened
            // with a quote mark) keeps its own text always: the rewrite reads the span, marks and attribution
            // included.
            Some(t) if positive == as_written || bare(&t) != bare(as_written) => t,
            // Like the quote's own text, the rewrite drops the comma that hands over to the attribution.
            Some(_) => positive.trim_end_matches([',', ';']).trim_end().to_string(),
            None => positive,
        };
        let lemma = self.cue.as_ref().map(|c| c.0.as_str());
        // An indirect question ("asked whether …") asks; it does not put its clause forward as true.
        let question = ctx
            .tok_range(self.content)
            .next()
            .is_some_and(|t| ctx.lex.is("question_opener", ctx.lower(t)));
        let hedge_span = polarity::hedge_span(ctx, self.span);
        let hedged =
            question || hedge_span.is_some() || lemma.is_some_and(|l| ctx.lex.is("hedging_cue", l));
        let speaker_mention = self
            .speaker
            .as_ref()
            .and_then(|s| link::mention_for(mentions, s.head));
        let co_speaker_mentions = self
            .speaker
            .as_ref()
            .map(|s| {
                s.parts
                    .iter()
                    .skip(1)
                    .filter_map(|p| link::mention_for(mentions, *p))
                    .collect()
            })
            .unwrap_or_default();
        let via_mention = self.via_span.and_then(|v| link::mention_for(mentions, v));
        let (cue, stance, cue_span) = match self.cue {
            Some((l, s, sp)) => (Some(l), Some(s), sp),
            None => (None, None, None),
        };
        ClaimMention {
            span: self.span,
            content: self.content,
            text,
            speaker_span: self.speaker.as_ref().map(|s| s.span),
            speaker_mention,
            co_speaker_mentions,
            via_mention,
            via_text: self.via_text,
            cue,
            cue_span,
            stance,
            mode: self.mode,
            polarity,
            hedged,
            hedge_span,
        }
    }
}

/// Trims whitespace and the listed punctuation from both ends of `span`.
pub fn trim_span(text: &str, span: Span, chars: &[char]) -> Span {
    let s = span.slice(text).unwrap_or("");
    let lead = s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || chars.contains(&c))
            .len();
    let body = &s[lead..];
    let kept = body.trim_end_matches(|c: char| c.is_whitespace() || chars.contains(&c));
    Span::new(span.start + lead, span.start + lead + kept.len())
}

/// Punctuation trimmed from the ends of a reported clause.
pub const CLAUSE_PUNCT: &[char] = &[',', '.', ';', ':', '—', '–', '-'];
