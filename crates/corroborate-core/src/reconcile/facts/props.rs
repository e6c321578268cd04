//! From one claim to the propositions it states: an event predicate with its participants' class, count,
//! date and place, affirmed or denied. A claim stating several events ("two killed and dozens injured", "used
//! batons, tear gas and water cannon") gives one proposition per predicate.

use crate::model::{ClaimMention, EntityKind, Polarity, Span};

use super::interval::{DateRange, Interval};
use super::lexicon::{self, FactLexicon};
use super::words::{Word, words};
use crate::model::Document;

/// A quantity as extracted: (value, min, max, approximate).
pub type CountShape = (Option<f64>, Option<f64>, Option<f64>, bool);

/// One normalised proposition of one claim.
#[derive(Debug, Clone)]
pub struct Prop {
    /// Index of the claim in the run (`c{claim + 1}` in the dossier).
    pub claim: usize,
    /// The story (same event) of the claim's document: propositions of different stories never align or
    /// dispute each other. Set by the caller; `props_of` leaves it 0.
    pub story: usize,
    pub predicate: String,
    /// Participant class (`people`, `police`, or `any`).
    pub patient: String,
    /// The counted noun as the count wrote it ("residents"), for statements.
    pub noun: Option<String>,
    pub count: Option<Interval>,
    /// The quantity as written, for statements and renderers.
    pub count_text: Option<String>,
    /// Quantity bounds as extracted (value, min, max, approximate), to phrase the statement.
    pub count_shape: Option<CountShape>,
    pub date: Option<DateRange>,
    pub place: Option<String>,
    pub negative: bool,
}

/// Words that state "anyone/nobody" rather than a class of people.
const ANYONE: &[&str] = &[
    "anyone",
    "anybody",
    "one",
    "nobody",
    "niemand",
    "niemanden",
    "jemand",
    "jemanden",
];

/// Report nouns ("reports", "claims", "Berichte") that, followed by "of"/"about"/"über" (and maybe an
/// adjective), put the next predicate inside somebody else's account.
fn is_object_of_report_noun(lowers: &[String], at: usize) -> bool {
    let nouns = crate::lexicon::lines_all_languages("report_nouns");
    let is_linker = |w: &str| matches!(w, "of" | "about" | "über" | "von");
    (1..=3).any(|back| {
        at > back
            && is_linker(&lowers[at - back])
            && nouns.iter().any(|n| *n == lowers[at - back - 1])
    })
}

/// The propositions of `claim` (index `index` in the run) in `doc`.
pub fn props_of(
    doc: &Document,
    claim: &ClaimMention,
    index: usize,
    lex: &FactLexicon,
) -> Vec<Prop> {
    let Some(content) = claim.content.slice(&doc.text) else {
        return Vec::new();
    };
    // A claim about another claim ("the minister lies when he says nobody was touched") states nothing about
    // the event itself; the inner claim is read on its own.
    let nests_claim = doc.layers.claims.iter().any(|o| {
        o.span != claim.span
            && o.span.start >= claim.content.start
            && o.span.end <= claim.content.end
            && o.speaker_span
                .is_some_and(|s| s.start >= claim.content.start && s.end <= claim.content.end)
    });
    if nests_claim {
        return Vec::new();
    }
    let ws = words(content, claim.content.start);
    // "Ruiz asked whether the board had lied": a question puts nothing forward.
    if ws
        .first()
        .is_some_and(|w| lex.question_openers.contains(&w.lower))
    {
        return Vec::new();
    }
    let lowers: Vec<String> = ws.iter().map(|w| w.lower.clone()).collect();
    let mut matches = lexicon::find_phrases(&lowers, &lex.predicates);
    // "reports of deaths", "allegations of torture", "Berichte über Tote": the claim is about what others say,
    // not about the event, so such a predicate states nothing.
    matches.retain(|&(at, _)| !is_object_of_report_noun(&lowers, at));
    let negative = claim.polarity == Polarity::Denies;
    let date = first_date(doc, claim.content);
    let place = place_of(doc, claim.content, &ws, lex);
    let within = |s: Span| s.start >= claim.content.start && s.end <= claim.content.end;
    let mut out: Vec<Prop> = Vec::new();
    let mut used_preds: Vec<String> = Vec::new();
    for q in doc.layers.quantities.iter().filter(|q| within(q.span)) {
        let Some(count) = Interval::of(q) else {
            continue;
        };
        let counts = q.counts.clone().unwrap_or_default();
        let counts_words: Vec<String> = counts.split_whitespace().map(str::to_lowercase).collect();
        let event = counts_words.last().and_then(|w| {
            lexicon::find_phrases(std::slice::from_ref(w), &lex.predicates)
                .first()
                .map(|&(_, p)| lex.predicates[p].1.clone())
        });
        let (predicate, noun) = match event {
            Some(e) => (
                e,
                counts_words[..counts_words.len().saturating_sub(1)].join(" "),
            ),
            None => {
                // No event in the count: the nearest event word of the claim says what happened.
                let nearest = matches
                    .iter()
                    .min_by_key(|&&(i, _)| ws[i].start.abs_diff(q.span.start))
                    .map(|&(_, p)| lex.predicates[p].1.clone());
                // The count names its noun first ("officers participated"): keep the noun.
                match nearest {
                    Some(p) if !counts_words.is_empty() => (p, counts_words[0].clone()),
                    _ => continue,
                }
            }
        };
        // A framing predicate in the same claim ("treated … injured") states what the count is of.
        let predicate = matches
            .iter()
            .map(|&(_, p)| &lex.predicates[p].1)
            .find(|f| lex.frames.get(f.as_str()) == Some(&predicate))
            .cloned()
            .unwrap_or(predicate);
        if used_preds.contains(&predicate) {
            continue;
        }
        used_preds.push(predicate.clone());
        let noun = if noun.is_empty() { None } else { Some(noun) };
        let patient = lex.patient_class(noun.as_deref().unwrap_or(""));
        if patient == "none" {
            continue;
        }
        out.push(Prop {
            claim: index,
            story: 0,
            patient,
            predicate,
            noun,
            count: Some(count),
            count_text: q.span.slice(&doc.text).map(str::to_string),
            count_shape: Some((q.value, q.min, q.max, q.approximate)),
            date: date.clone(),
            place: place.clone(),
            // A stated number is asserted even inside a denial ("denied … and put the number at 500").
            negative: false,
        });
    }
    let patient = if lowers.iter().any(|w| ANYONE.contains(&w.as_str())) {
        "any".to_string()
    } else {
        lowers
            .iter()
            .find_map(|w| lex.patients.get(w).cloned())
            .unwrap_or_else(|| "any".to_string())
    };
    for &(at, p) in &matches {
        let predicate = &lex.predicates[p].1;
        // A denial word shortly before the predicate negates it, whatever the claim's overall polarity.
        let negated = negative
            || lowers[at.saturating_sub(6)..at]
                .iter()
                .any(|w| lex.denials.contains(w));
        if used_preds.contains(predicate) {
            continue;
        }
        // A framed predicate whose frame already took the count is not a proposition of its own.
        if out
            .iter()
            .any(|o| lex.frames.get(&o.predicate) == Some(predicate))
        {
            continue;
        }
        used_preds.push(predicate.clone());
        out.push(Prop {
            claim: index,
            story: 0,
            predicate: predicate.clone(),
            patient: patient.clone(),
            noun: None,
            count: None,
            count_text: None,
            count_shape: None,
            date: date.clone(),
            place: place.clone(),
            negative: negated,
        });
    }
    out
}

fn first_date(doc: &Document, content: Span) -> Option<DateRange> {
    doc.layers
        .dates
        .iter()
        .filter(|d| d.span.start >= content.start && d.span.end <= content.end)
        .find_map(|d| {
            let first = d.value.clone()?;
            let last = d.end.clone().unwrap_or_else(|| first.clone());
            Some(DateRange { first, last })
        })
}

/// The claim's place: a location or facility mention inside it, else the capitalised words after a place
/// preposition of the document's language ("in Dravik"). Lower-cased.
fn place_of(doc: &Document, content: Span, ws: &[Word], lex: &FactLexicon) -> Option<String> {
    if let Some(m) = doc.layers.mentions.iter().find(|m| {
        matches!(m.kind, EntityKind::Location)
            && m.span.start >= content.start
            && m.span.end <= content.end
    }) {
        return m.span.slice(&doc.text).map(str::to_lowercase);
    }
    let preps = lex
        .place_preps
        .get(doc.language.as_deref().unwrap_or("en"))?;
    for (i, w) in ws.iter().enumerate() {
        if !preps.contains(&w.lower) {
            continue;
        }
        let name: Vec<&str> = ws[i + 1..]
            .iter()
            .take_while(|n| n.capitalised)
            .map(|n| n.lower.as_str())
            .collect();
        // A place name follows the preposition directly; "in the capital" is no place we can compare.
        if !name.is_empty() && !lex.roles.contains(name[0]) {
            return Some(name.join(" "));
        }
    }
    None
}
