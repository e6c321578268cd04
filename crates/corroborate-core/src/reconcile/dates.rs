//! Anchoring relative dates of documents that have no publication date on other dated evidence of the run.
//!
//! A relative date ("on Tuesday", "yesterday") needs a reference day. The extract stage uses the document's own
//! `published`; without one, its relative dates stay unresolved there. Here, per the contract (never invent a
//! year, say which anchor was used), the nearest dated evidence is tried in order:
//! 1. a dated post embedded in the document (the latest one: the article was written after it);
//! 2. for an embedded post without a date, its parent document's publication date;
//! 3. the publication date of another document of the run (the latest: reports of one event cluster in time).
//!
//! Every date resolved this way carries `anchor: story` and an `anchor_note` naming the evidence.

use std::collections::HashMap;

use crate::extract::dates::resolve_against;
use crate::model::Document;

/// Resolves what can be resolved in documents without `published`. Linear in the number of documents.
pub fn anchor_undated(docs: &mut [Document]) {
    let evidence = Evidence::gather(docs);
    let anchors: Vec<Option<(String, String)>> =
        docs.iter().map(|d| evidence.anchor_for(d)).collect();
    for (doc, anchor) in docs.iter_mut().zip(anchors) {
        let Some((date, note)) = anchor else { continue };
        let lang = doc.language.clone().unwrap_or_else(|| "en".to_string());
        resolve_against(&mut doc.layers.dates, &doc.text, &lang, &date, &note);
    }
}

/// The dated evidence of a run, gathered once.
struct Evidence {
    /// Per document id, its own publication date (date part).
    published: HashMap<String, String>,
    /// Per parent id, the latest (date, post id) of its dated embedded posts.
    latest_post: HashMap<String, (String, String)>,
    /// The latest (date, document id) publication date of the run.
    latest: Option<(String, String)>,
}

impl Evidence {
    fn gather(docs: &[Document]) -> Self {
        let mut published = HashMap::new();
        let mut latest_post: HashMap<String, (String, String)> = HashMap::new();
        let mut latest: Option<(String, String)> = None;
        for d in docs {
            let Some(date) = d
                .published
                .as_deref()
                .map(|p| p.get(..10).unwrap_or(p).to_string())
            else {
                continue;
            };
            published.insert(d.id.clone(), date.clone());
            let entry = (date, d.id.clone());
            if let Some(parent) = &d.parent {
                let slot = latest_post
                    .entry(parent.clone())
                    .or_insert_with(|| entry.clone());
                if entry > *slot {
                    *slot = entry.clone();
                }
            }
            if latest.as_ref().is_none_or(|l| entry > *l) {
                latest = Some(entry);
            }
        }
        Evidence {
            published,
            latest_post,
            latest,
        }
    }

    /// The anchor date and a note saying where it comes from, for a document that needs one.
    fn anchor_for(&self, doc: &Document) -> Option<(String, String)> {
        if doc.published.is_some()
            || doc
                .layers
                .dates
                .iter()
                .all(|d| d.value.is_some() || d.end.is_some())
        {
            return None;
        }
        if let Some((date, id)) = self.latest_post.get(&doc.id) {
            return Some((date.clone(), format!("embedded post {id} of {date}")));
        }
        if let Some(parent) = &doc.parent
            && let Some(date) = self.published.get(parent)
        {
            return Some((
                date.clone(),
                format!("publication date of the parent document {parent} ({date})"),
            ));
        }
        let (date, id) = self.latest.as_ref()?;
        Some((
            date.clone(),
            format!("publication date of {id} ({date}), another report of the run"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::InputBytes;
    use crate::model::DateAnchor;
    use crate::pipeline::analyze;

    fn input(name: &str, text: &str) -> Result<InputBytes, crate::ingest::IngestError> {
        Ok(InputBytes {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
            ..Default::default()
        })
    }

    fn tuesday(
        analysis: &crate::pipeline::Analysis,
        doc: &str,
    ) -> Option<(Option<String>, Option<DateAnchor>, Option<String>)> {
        let d = analysis.documents.iter().find(|d| d.id == doc)?;
        let m = d
            .layers
            .dates
            .iter()
            .find(|m| m.span.slice(&d.text) == Some("Tuesday"))?;
        Some((m.value.clone(), m.anchor.clone(), m.anchor_note.clone()))
    }

    #[test]
    fn an_embedded_post_anchors_its_article() {
        let text = "Police cleared the camp on Tuesday, residents said.\n\nWater cannon at the gate.\n— Ana Ruiz (@anaruiz) June 21, 2023\n";
        let a = analyze(vec![input("a.txt", text)]);
        let (value, anchor, note) = tuesday(&a, "d1").expect("Tuesday found");
        assert_eq!(value.as_deref(), Some("2023-06-20"));
        assert_eq!(anchor, Some(DateAnchor::Story));
        assert_eq!(note.as_deref(), Some("embedded post d1.p1 of 2023-06-21"));
    }

    #[test]
    fn another_report_anchors_when_nothing_closer_exists() {
        let a = analyze(vec![
            input(
                "a.txt",
                "Police cleared the camp on Tuesday, residents said.",
            ),
            input(
                "b.txt",
                "---\npublished: 2023-06-22\n---\nThe camp stayed closed on Thursday, the council said.",
            ),
        ]);
        let (value, _, note) = tuesday(&a, "d1").expect("Tuesday found");
        assert_eq!(value.as_deref(), Some("2023-06-20"));
        assert!(note.is_some_and(|n| n.contains("d2")));
    }

    #[test]
    fn without_any_dated_evidence_nothing_is_invented() {
        let a = analyze(vec![input(
            "a.txt",
            "Police cleared the camp on Tuesday, residents said.",
        )]);
        let (value, anchor, _) = tuesday(&a, "d1").expect("Tuesday found");
        assert_eq!((value, anchor), (None, None));
    }
}
