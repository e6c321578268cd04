//! The tag set, BILOU: O, and for each kind the model learns (GermEval's PER, ORG, LOC, OTH) B- (first word
//! of a longer name), I- (inside), L- (last) and U- (a one-word name). Marking the last and the lone word
//! apart lets the weights tell name ends and one-word names from name starts, which plain BIO cannot.
//! Tag 0 is O; kind `k` has B = 1 + 4k, I = 2 + 4k, L = 3 + 4k, U = 4 + 4k.

use crate::model::EntityKind;

/// The kinds the model tags, in tag order.
pub const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
    EntityKind::Other,
];

/// Number of tags.
pub const TAGS: usize = 1 + 4 * KINDS.len();

/// The tag outside any name.
pub const O: u8 = 0;

/// Where a word stands in its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

const PARTS: [Part; 4] = [Part::Begin, Part::Inside, Part::Last, Part::Unit];

/// The tag of a word at `part` of a name of `kind`; facilities are tagged as locations (GermEval tags
/// buildings as LOC), groups not at all.
pub fn tag(kind: EntityKind, part: Part) -> Option<u8> {
    let kind = if kind == EntityKind::Facility {
        EntityKind::Location
    } else {
        kind
    };
    let k = KINDS.iter().position(|k| *k == kind)?;
    let p = PARTS.iter().position(|p| *p == part)?;
    Some((1 + 4 * k + p) as u8)
}

/// The kind and part of a tag (`None` for O).
pub fn split(tag: u8) -> Option<(EntityKind, Part)> {
    if tag == O {
        return None;
    }
    let i = usize::from(tag - 1);
    Some((*KINDS.get(i / 4)?, PARTS[i % 4]))
}

/// Whether the tag opens a name (B- or U-).
pub fn opens(tag: u8) -> bool {
    matches!(split(tag), Some((_, Part::Begin | Part::Unit)))
}

/// Whether the tag closes a name (L- or U-).
pub fn closes(tag: u8) -> bool {
    matches!(split(tag), Some((_, Part::Last | Part::Unit)))
}

/// Whether `tag` may follow `prev` (`None`: the sentence start): after B-/I- of a kind only I-/L- of that
/// kind; I-/L- only there.
pub fn allowed(prev: Option<u8>, tag: u8) -> bool {
    let open = prev
        .and_then(split)
        .filter(|(_, p)| matches!(p, Part::Begin | Part::Inside));
    match (open, split(tag)) {
        (Some((k, _)), Some((kt, Part::Inside | Part::Last))) => k == kt,
        (Some(_), _) => false,
        (None, Some((_, Part::Inside | Part::Last))) => false,
        (None, _) => true,
    }
}

/// Whether a sentence may end on `tag` (not inside a name).
pub fn may_end(tag: u8) -> bool {
    !matches!(split(tag), Some((_, Part::Begin | Part::Inside)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_kinds_and_parts() {
        for kind in KINDS {
            for part in PARTS {
                let t = tag(kind, part).unwrap();
                assert_eq!(split(t), Some((kind, part)));
            }
        }
        assert_eq!(
            tag(EntityKind::Facility, Part::Unit),
            tag(EntityKind::Location, Part::Unit)
        );
        assert_eq!(tag(EntityKind::Group, Part::Unit), None);
        assert_eq!(split(O), None);
        assert_eq!(TAGS, 17);
    }

    #[test]
    fn names_are_closed_in_their_own_kind() {
        let per = |p| tag(EntityKind::Person, p).unwrap();
        let org = |p| tag(EntityKind::Organization, p).unwrap();
        assert!(allowed(Some(per(Part::Begin)), per(Part::Last)));
        assert!(allowed(Some(per(Part::Inside)), per(Part::Inside)));
        assert!(!allowed(Some(per(Part::Begin)), org(Part::Last)));
        assert!(!allowed(Some(per(Part::Begin)), O));
        assert!(!allowed(Some(O), per(Part::Inside)));
        assert!(!allowed(None, per(Part::Last)));
        assert!(allowed(None, per(Part::Unit)));
        assert!(allowed(Some(per(Part::Last)), org(Part::Begin)));
        assert!(!may_end(per(Part::Begin)));
        assert!(may_end(per(Part::Last)));
    }
}
