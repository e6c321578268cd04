//! Counts as closed intervals, and when two of them can describe the same number.
//!
//! Convention: an approximate point value ("some 500", "about 500", "rund 500") widens by ±10% into
//! [450, 550]; an approximate bound keeps its bound ("dozens" = at least 24). So "about 500" and "more than
//! 450" are compatible, "some 500" and "more than 600" are not, "15" and "more than 100" are not.

use crate::model::QuantityMention;

/// How far an approximate point value widens, as a fraction of the value.
pub const APPROX_WIDENING: f64 = 0.10;

/// A closed interval; `None` bounds are open.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub min: Option<f64>,
    pub max: Option<f64>,
}

impl Interval {
    /// The interval a quantity allows, `None` when it gives no bound at all.
    pub fn of(q: &QuantityMention) -> Option<Interval> {
        let (mut min, mut max) = (q.min, q.max);
        if let Some(v) = q.value {
            if q.approximate {
                let d = (v.abs() * APPROX_WIDENING).max(1.0);
                min = Some(min.map_or(v - d, |m| m.min(v - d)));
                max = Some(max.map_or(v + d, |m| m.max(v + d)));
            } else {
                min = Some(min.unwrap_or(v));
                max = Some(max.unwrap_or(v));
            }
        }
        if min.is_none() && max.is_none() {
            return None;
        }
        Some(Interval { min, max })
    }

    /// The common part of two intervals, `None` when they cannot overlap.
    pub fn intersect(&self, other: &Interval) -> Option<Interval> {
        let min = match (self.min, other.min) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let max = match (self.max, other.max) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match (min, max) {
            (Some(lo), Some(hi)) if lo > hi => None,
            _ => Some(Interval { min, max }),
        }
    }

    /// Whether every value of `self` lies above every value of `other`.
    pub fn above(&self, other: &Interval) -> bool {
        matches!((self.min, other.max), (Some(lo), Some(hi)) if lo > hi)
    }

    /// Whether the interval allows at least one (a count of zero is not an event).
    pub fn allows_some(&self) -> bool {
        self.max.is_none_or(|m| m >= 1.0)
    }
}

/// Two ISO dates (first and last day) as a closed interval; compared as strings, which is date order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    pub first: String,
    pub last: String,
}

impl DateRange {
    pub fn intersect(&self, other: &DateRange) -> Option<DateRange> {
        let first = self.first.clone().max(other.first.clone());
        let last = self.last.clone().min(other.last.clone());
        (first <= last).then_some(DateRange { first, last })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn q(
        value: Option<f64>,
        min: Option<f64>,
        max: Option<f64>,
        approximate: bool,
    ) -> QuantityMention {
        QuantityMention {
            span: Span::new(0, 0),
            value,
            min,
            max,
            approximate,
            counts: None,
            counts_span: None,
        }
    }

    #[test]
    fn approximate_values_widen_by_ten_percent() {
        let about_500 = Interval::of(&q(Some(500.0), None, None, true)).unwrap_or(Interval {
            min: None,
            max: None,
        });
        let more_450 = Interval::of(&q(None, Some(451.0), None, false));
        let more_600 = Interval::of(&q(None, Some(601.0), None, false));
        assert!(more_450.is_some_and(|m| about_500.intersect(&m).is_some()));
        assert!(more_600.is_some_and(|m| about_500.intersect(&m).is_none()));
        let fifteen = Interval::of(&q(Some(15.0), None, None, false));
        let more_100 = Interval::of(&q(None, Some(101.0), None, false));
        assert!(
            matches!((fifteen, more_100), (Some(a), Some(b)) if a.intersect(&b).is_none() && b.above(&a))
        );
    }
}
