//! A document as both backends store it: plain columns, with the lists and the analysis layers as JSON text.
//! Encoding and decoding live here once, so the two backends cannot drift apart in what they keep.

use corroborate_core::{Document, Layers, extract, text};

use crate::{StoreError, doc_id};

/// Which program wrote a row: kept per document, so layers from an older engine can be recognised.
pub(crate) const ENGINE: &str = concat!("corroborate ", env!("CARGO_PKG_VERSION"));

/// A new document's row, ready to insert.
pub(crate) struct NewDocument<'a> {
    pub content_hash: &'a str,
    pub source: &'a str,
    pub kind: String,
    /// The stored id of the parent (an embedded post's article).
    pub parent: Option<i64>,
    pub language: Option<&'a str>,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published: Option<&'a str>,
    pub authors: String,
    pub text: &'a str,
    pub removed: String,
    pub origin: &'a str,
    pub layers: String,
    pub engine: &'static str,
}

impl<'a> NewDocument<'a> {
    pub fn encode(
        doc: &'a Document,
        content_hash: &'a str,
        parent: Option<i64>,
    ) -> Result<Self, StoreError> {
        Ok(NewDocument {
            content_hash,
            source: &doc.source,
            kind: kind_name(doc)?,
            parent,
            language: doc.language.as_deref(),
            title: doc.title.as_deref(),
            url: doc.url.as_deref(),
            published: doc.published.as_deref(),
            authors: serde_json::to_string(&doc.authors)?,
            text: &doc.text,
            removed: serde_json::to_string(&doc.removed)?,
            origin: &doc.origin,
            layers: serde_json::to_string(&doc.layers)?,
            engine: ENGINE,
        })
    }
}

/// The document kind as the dossier spells it (`article`, `post`, …).
fn kind_name(doc: &Document) -> Result<String, StoreError> {
    Ok(match serde_json::to_value(doc.kind)? {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    })
}

/// A stored document's row, as read back for a dossier rebuild.
pub(crate) struct StoredRow {
    pub id: i64,
    pub source: String,
    pub kind: String,
    pub parent: Option<i64>,
    pub language: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub authors: String,
    pub text: String,
    pub removed: String,
    pub origin: String,
    pub layers: String,
}

/// Every row decoded, in order; the first row that cannot be is the error.
pub(crate) fn decode_all(rows: Vec<StoredRow>) -> Result<Vec<Document>, StoreError> {
    rows.into_iter().map(StoredRow::decode).collect()
}

impl StoredRow {
    /// The document as the pipeline produced it, with store ids (`d12`) in place of run-local ones.
    pub fn decode(self) -> Result<Document, StoreError> {
        let parsed: Option<Layers> = serde_json::from_str(&self.layers).ok();
        let mut doc = Document {
            id: doc_id(self.id),
            source: self.source,
            kind: serde_json::from_value(serde_json::Value::String(self.kind))?,
            parent: self.parent.map(doc_id),
            language: self.language,
            title: self.title,
            url: self.url,
            published: self.published,
            authors: serde_json::from_str(&self.authors)?,
            text: self.text,
            removed: serde_json::from_str(&self.removed)?,
            origin: self.origin,
            layers: parsed.clone().unwrap_or_default(),
        };
        // Layers written by an older engine whose model no longer reads back are made again from the stored
        // text: the text is fixed, the layers are derived from it.
        if parsed.is_none() {
            let hint = doc.language.clone();
            text::annotate(&mut doc, hint.as_deref());
            extract::annotate(&mut doc);
        }
        Ok(doc)
    }
}

/// One claim of a stored dossier, as the search index keeps it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClaimRow {
    /// The claim's id in the dossier.
    pub claim: String,
    /// The id of the document it was made in.
    pub doc: String,
    pub text: String,
}

/// The searchable claims of a dossier (those with text).
pub(crate) fn claims_of(dossier: &serde_json::Value) -> Vec<ClaimRow> {
    let Some(claims) = dossier.get("claims").and_then(|c| c.as_array()) else {
        return Vec::new();
    };
    claims
        .iter()
        .filter_map(|claim| {
            let field = |k: &str| claim.get(k).and_then(|v| v.as_str()).unwrap_or("");
            (!field("text").is_empty()).then(|| ClaimRow {
                claim: field("id").to_string(),
                doc: field("doc").to_string(),
                text: field("text").to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_survives_the_round_trip() {
        let mut doc = Document::from_text("d1", "Coast Courier", "The harbour burned.", "en");
        doc.title = Some("Fire".into());
        doc.authors = vec!["A. Writer".into()];
        let new = NewDocument::encode(&doc, "h", None).expect("encode");
        let row = StoredRow {
            id: 7,
            source: new.source.to_string(),
            kind: new.kind.clone(),
            parent: None,
            language: new.language.map(str::to_string),
            title: new.title.map(str::to_string),
            url: None,
            published: None,
            authors: new.authors.clone(),
            text: new.text.to_string(),
            removed: new.removed.clone(),
            origin: new.origin.to_string(),
            layers: new.layers.clone(),
        };
        let back = row.decode().expect("decode");
        assert_eq!(back.id, "d7");
        assert_eq!(back.kind, doc.kind);
        assert_eq!(back.authors, doc.authors);
        assert_eq!(back.title, doc.title);
        assert_eq!(new.kind, "article");
    }

    #[test]
    fn claims_without_text_are_not_indexed() {
        let dossier = serde_json::json!({"claims": [
            {"id": "c1", "doc": "d1", "text": "The harbour burned."},
            {"id": "c2", "doc": "d1", "text": ""},
        ]});
        let rows = claims_of(&dossier);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].claim, "c1");
        assert!(claims_of(&serde_json::json!({})).is_empty());
    }
}
