//! Which claims dispute which groups, and how.
//!
//! - affirmed groups of one predicate that cannot describe the same event dispute each other: `numeric` (their
//!   counts cannot overlap), `date`, `place`; a later, higher toll is an `update` instead;
//! - a denial disputes every affirmed group of its predicate or of a predicate that implies it ("nobody was
//!   harmed" against "two killed") whose count allows at least one, and is disputed by their claims:
//!   `polarity`;
//! - any of these becomes `same_side` when the disputing claim's speaker is the same person as, or on the same
//!   side as, a speaker supporting the group (the minister against his own police chief); the plain type stays
//!   as its `basis`.

use std::collections::HashSet;

use serde::Serialize;

use super::align::{Clash, Group, patients_match};
use super::lexicon::FactLexicon;
use super::origins::ClaimInfo;
use super::props::Prop;

/// The kinds of disagreement a fact can meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeType {
    Polarity,
    Numeric,
    Date,
    Place,
    SameSide,
}

/// One claim against one group: (group, claim, type, basis, the group the claim supports).
#[derive(Debug, Clone, PartialEq)]
pub struct Against {
    pub group: usize,
    pub claim: usize,
    pub kind: DisputeType,
    pub basis: DisputeType,
    pub with: usize,
}

/// One later claim that raises a toll of an earlier group: (earlier group, claim, later group).
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub group: usize,
    pub claim: usize,
    pub with: usize,
}

/// Published date of the document a claim is in (ISO string; `None` when unknown).
pub type PublishedOf<'a> = dyn Fn(usize) -> Option<&'a str> + 'a;

/// The document a claim is in (index) and its lower-cased text.
pub type TextOf<'a> = dyn Fn(usize) -> Option<(usize, &'a str)> + 'a;

fn names_both(groups: &[Group], props: &[Prop], texts: &TextOf<'_>, a: usize, b: usize) -> bool {
    let (Some(pa), Some(pb)) = (&groups[a].place, &groups[b].place) else {
        return false;
    };
    [(a, pb), (b, pa)].iter().any(|&(g, other)| {
        let mut seen = HashSet::new();
        groups[g].members.iter().any(|&m| {
            texts(props[m].claim)
                .is_some_and(|(doc, t)| seen.insert(doc) && t.contains(other.as_str()))
        })
    })
}

/// All disputes and updates between the groups.
pub fn find(
    groups: &[Group],
    props: &[Prop],
    infos: &[ClaimInfo],
    published: &PublishedOf<'_>,
    texts: &TextOf<'_>,
    lex: &FactLexicon,
) -> (Vec<Against>, Vec<Update>) {
    let mut against = Vec::new();
    let mut updates = Vec::new();
    // Groups only meet groups of their own story: claims about another event neither dispute nor update.
    let mut by_predicate: std::collections::HashMap<(usize, &str), Vec<usize>> =
        std::collections::HashMap::new();
    for (gi, g) in groups.iter().enumerate() {
        if !g.negative {
            by_predicate
                .entry((g.story, g.predicate.as_str()))
                .or_default()
                .push(gi);
        }
    }
    let mut predicates: Vec<(usize, &str)> = by_predicate.keys().copied().collect();
    predicates.sort_unstable();
    // Affirmed groups of one predicate.
    for pred in &predicates {
        let gs = &by_predicate[pred];
        for (x, &a) in gs.iter().enumerate() {
            for &b in &gs[x + 1..] {
                let clash = match groups[a].clash_with(&groups[b]) {
                    Some(Clash::Patient) | None => continue,
                    Some(Clash::Count) => DisputeType::Numeric,
                    Some(Clash::Date) => DisputeType::Date,
                    Some(Clash::Place) => {
                        // A document that names both places treats them as compatible (a town and its
                        // country): only places no supporting document puts together clash.
                        if names_both(groups, props, texts, a, b) {
                            continue;
                        }
                        DisputeType::Place
                    }
                };
                let update = if clash == DisputeType::Numeric && lex.tolls.contains(pred.1) {
                    toll_update(groups, props, published, a, b)
                } else {
                    None
                };
                if let Some((early, late)) = update {
                    for &m in &groups[late].members {
                        updates.push(Update {
                            group: early,
                            claim: props[m].claim,
                            with: late,
                        });
                    }
                    continue;
                }
                push_pair(&mut against, groups, props, infos, a, b, clash);
            }
        }
    }
    // Denials against what implies them.
    for (d, g) in groups.iter().enumerate().filter(|(_, g)| g.negative) {
        for pred in predicates
            .iter()
            .filter(|p| p.0 == g.story && lex.implies(p.1, &g.predicate))
        {
            for &a in &by_predicate[pred] {
                let target = &groups[a];
                if !patients_match(&target.patient, &g.patient)
                    || target.count.is_some_and(|c| !c.allows_some())
                {
                    continue;
                }
                push_pair(
                    &mut against,
                    groups,
                    props,
                    infos,
                    a,
                    d,
                    DisputeType::Polarity,
                );
            }
        }
    }
    against.sort_by_key(|x| (x.group, x.claim, x.with));
    against.dedup_by_key(|x| (x.group, x.claim));
    updates.sort_by_key(|u| (u.group, u.claim));
    updates.dedup_by_key(|u| (u.group, u.claim));
    (against, updates)
}

/// When every claim of one group was published before every claim of the other and the later count is
/// higher, the later group updates the earlier: (earlier, later).
fn toll_update(
    groups: &[Group],
    props: &[Prop],
    published: &PublishedOf<'_>,
    a: usize,
    b: usize,
) -> Option<(usize, usize)> {
    let span = |g: usize| -> Option<(String, String)> {
        let mut dates = groups[g]
            .members
            .iter()
            .map(|&m| published(props[m].claim).map(|d| d.get(..10).unwrap_or(d)));
        let first = dates.next()??.to_string();
        let (mut lo, mut hi) = (first.clone(), first);
        for d in dates {
            let d = d?.to_string();
            lo = lo.min(d.clone());
            hi = hi.max(d);
        }
        Some((lo, hi))
    };
    let (sa, sb) = (span(a)?, span(b)?);
    let (ca, cb) = (groups[a].count?, groups[b].count?);
    if sa.1 < sb.0 && cb.above(&ca) {
        Some((a, b))
    } else if sb.1 < sa.0 && ca.above(&cb) {
        Some((b, a))
    } else {
        None
    }
}

/// Every claim of `b` disputes `a` and every claim of `a` disputes `b`.
fn push_pair(
    out: &mut Vec<Against>,
    groups: &[Group],
    props: &[Prop],
    infos: &[ClaimInfo],
    a: usize,
    b: usize,
    basis: DisputeType,
) {
    for (target, from) in [(a, b), (b, a)] {
        let speakers: HashSet<&str> = groups[target]
            .members
            .iter()
            .filter_map(|&m| infos.get(props[m].claim)?.speaker.as_deref())
            .collect();
        let sides: HashSet<&str> = groups[target]
            .members
            .iter()
            .filter_map(|&m| infos.get(props[m].claim)?.side.as_deref())
            .collect();
        for &m in &groups[from].members {
            let claim = props[m].claim;
            let info = infos.get(claim);
            let same = info.is_some_and(|i| {
                i.speaker.as_deref().is_some_and(|s| speakers.contains(s))
                    || i.side.as_deref().is_some_and(|s| sides.contains(s))
            });
            out.push(Against {
                group: target,
                claim,
                kind: if same { DisputeType::SameSide } else { basis },
                basis,
                with: from,
            });
        }
    }
}
