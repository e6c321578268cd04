//! Tests with texts written for them, English and German.

use super::*;
use crate::text::sentences::split_sentences;

fn mentions(text: &str, lang: &str) -> Vec<EntityMention> {
    let sentences = split_sentences(text, lang);
    find_mentions(text, &sentences, lang)
}

fn show(text: &str, lang: &str) -> Vec<(String, EntityKind, Option<usize>)> {
    mentions(text, lang)
        .iter()
        .map(|m| {
            (
                text[m.span.start..m.span.end].to_string(),
                m.kind,
                m.refers_to,
            )
        })
        .collect()
}

#[test]
fn debug_print() {
    for (t, l) in [
        (
            "His own regional police chief, Ana Ruiz, gave a different account. Speaking to the Courier by telephone, Ruiz admitted that officers had used water cannon. The Movement for Land and Dignity (MLD), which organised the camp, said two residents died. The group's spokesman, Idris Halloran, said the dead were farmers. \"Our officers never touched anyone,\" Interior Minister Tomas Reinholt told reporters in the capital. Police moved into the Kestrel Meadow protest camp outside Dravik before dawn.",
            "en",
        ),
        (
            "Die Polizei hat am Dienstag das Protestcamp Kestrel Meadow bei Dravik geräumt. Nach Angaben des Innenministeriums waren rund 500 Beamte im Einsatz. Innenminister Tomas Reinholt sagte, die Beamten hätten niemanden angerührt. Die regionale Polizeichefin Ana Ruiz räumte dagegen ein, dass Wasserwerfer eingesetzt worden seien. Die Bewegung für Land und Würde (MLD) erklärte, zwei Bewohner seien getötet worden. Das Krankenhaus in Dravik behandelte 14 Verletzte.",
            "de",
        ),
    ] {
        for m in mentions(t, l) {
            eprintln!(
                "{:?} {:?} roles={:?} ref={:?} acr={:?}",
                &t[m.span.start..m.span.end],
                m.kind,
                m.roles,
                m.refers_to,
                m.acronym
            );
        }
        eprintln!("---");
    }
    let _ = show("", "en");
}
