//! Groups the propositions of a run into candidate facts. Propositions are indexed by story and predicate, so
//! a proposition is only ever compared with the few groups of its own predicate in its own story (near-linear
//! in the claims), and two events of one kind ("police raided a camp" in two countries) never make one fact.
//!
//! Within a predicate, affirmed propositions join the first group whose participants, count, date and place
//! they are compatible with (the group keeps the intersection); propositions with none of those attributes
//! then join the largest compatible group. Denials of a predicate form one group per participant class.

use std::collections::HashMap;

use super::interval::{DateRange, Interval};
use super::props::Prop;

/// A group of propositions that state the same thing.
#[derive(Debug, Clone)]
pub struct Group {
    /// The story of every member (see [`Prop::story`]).
    pub story: usize,
    pub predicate: String,
    pub patient: String,
    pub negative: bool,
    pub count: Option<Interval>,
    pub date: Option<DateRange>,
    pub place: Option<String>,
    /// Indices into the run's propositions, in claim order.
    pub members: Vec<usize>,
}

/// Why a proposition cannot join a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clash {
    Patient,
    Count,
    Date,
    Place,
}

pub fn patients_match(a: &str, b: &str) -> bool {
    a == b || a == "any" || b == "any"
}

impl Group {
    fn new(p: &Prop, i: usize) -> Group {
        Group {
            story: p.story,
            predicate: p.predicate.clone(),
            patient: p.patient.clone(),
            negative: p.negative,
            count: p.count,
            date: p.date.clone(),
            place: p.place.clone(),
            members: vec![i],
        }
    }

    /// The first attribute on which `p` cannot describe what this group describes.
    pub fn clash(
        &self,
        patient: &str,
        count: Option<&Interval>,
        date: Option<&DateRange>,
        place: Option<&str>,
    ) -> Option<Clash> {
        if !patients_match(&self.patient, patient) {
            return Some(Clash::Patient);
        }
        if let (Some(a), Some(b)) = (&self.count, count)
            && a.intersect(b).is_none()
        {
            return Some(Clash::Count);
        }
        if let (Some(a), Some(b)) = (&self.date, date)
            && a.intersect(b).is_none()
        {
            return Some(Clash::Date);
        }
        if let (Some(a), Some(b)) = (&self.place, place)
            && a != b
        {
            return Some(Clash::Place);
        }
        None
    }

    /// Why another group cannot describe the same thing as this one.
    pub fn clash_with(&self, other: &Group) -> Option<Clash> {
        self.clash(
            &other.patient,
            other.count.as_ref(),
            other.date.as_ref(),
            other.place.as_deref(),
        )
    }

    fn join(&mut self, p: &Prop, i: usize) {
        if self.patient == "any" {
            self.patient = p.patient.clone();
        }
        if let Some(c) = &p.count {
            self.count = Some(self.count.and_then(|g| g.intersect(c)).unwrap_or(*c));
        }
        if let Some(d) = &p.date {
            self.date = Some(
                self.date
                    .as_ref()
                    .and_then(|g| g.intersect(d))
                    .unwrap_or_else(|| d.clone()),
            );
        }
        if self.place.is_none() {
            self.place = p.place.clone();
        }
        self.members.push(i);
    }
}

fn has_attributes(p: &Prop) -> bool {
    p.count.is_some() || p.date.is_some() || p.place.is_some()
}

/// Groups all propositions; groups come out ordered by their first claim.
pub fn group(props: &[Prop]) -> Vec<Group> {
    let mut by_predicate: HashMap<(usize, &str, bool), Vec<usize>> = HashMap::new();
    let mut order: Vec<(usize, &str, bool)> = Vec::new();
    for (i, p) in props.iter().enumerate() {
        let key = (p.story, p.predicate.as_str(), p.negative);
        by_predicate
            .entry(key)
            .or_insert_with(|| {
                order.push(key);
                Vec::new()
            })
            .push(i);
    }
    let mut out = Vec::new();
    for key in order {
        let members = by_predicate.remove(&key).unwrap_or_default();
        let mut groups: Vec<Group> = Vec::new();
        if key.2 {
            for i in members {
                let p = &props[i];
                match groups
                    .iter_mut()
                    .find(|g| patients_match(&g.patient, &p.patient))
                {
                    Some(g) => {
                        g.members.push(i);
                        if g.patient == "any" {
                            g.patient = p.patient.clone();
                        }
                    }
                    None => groups.push(Group::new(p, i)),
                }
            }
        } else {
            let (with, bare): (Vec<usize>, Vec<usize>) = members
                .into_iter()
                .partition(|&i| has_attributes(&props[i]));
            for i in with {
                let p = &props[i];
                let fit = groups.iter_mut().find(|g| {
                    g.clash(
                        &p.patient,
                        p.count.as_ref(),
                        p.date.as_ref(),
                        p.place.as_deref(),
                    )
                    .is_none()
                });
                match fit {
                    Some(g) => g.join(p, i),
                    None => groups.push(Group::new(p, i)),
                }
            }
            for i in bare {
                let p = &props[i];
                let best = groups
                    .iter_mut()
                    .filter(|g| patients_match(&g.patient, &p.patient))
                    .max_by(|a, b| {
                        a.members
                            .len()
                            .cmp(&b.members.len())
                            .then(b.members[0].cmp(&a.members[0]))
                    });
                match best {
                    Some(g) => g.members.push(i),
                    None => groups.push(Group::new(p, i)),
                }
            }
        }
        for g in &mut groups {
            g.members.sort_unstable_by_key(|&i| props[i].claim);
        }
        out.extend(groups);
    }
    out.sort_by_key(|g| g.members.first().map_or(usize::MAX, |&i| props[i].claim));
    out
}
