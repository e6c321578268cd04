//! CSV export of a dossier's claims and facts: one row per claim or fact, for spreadsheets.
//!
//! The dossier is read as JSON, not as the core's types, so that fields the core adds later (entities,
//! reconciled facts) show up here without this module changing in step.

use serde_json::Value;

const COLUMNS: &[&str] = &[
    "kind",
    "id",
    "doc",
    "source",
    "start",
    "end",
    "speaker",
    "cue",
    "mode",
    "polarity",
    "hedged",
    "status",
    "text",
    "supported_by",
    "disputed_by",
    "sources",
];

/// The CSV text for `dossier`: a header row, then claims, then facts.
pub(crate) fn csv(dossier: &Value) -> String {
    let mut out = String::new();
    push_row(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    let doc_source = |doc: &str| -> String {
        items(dossier, "documents")
            .find(|d| field(d, "id") == doc)
            .map(|d| field(d, "source"))
            .unwrap_or_default()
    };
    for claim in items(dossier, "claims") {
        let doc = field(claim, "doc");
        let speaker = match field(claim, "speaker_text") {
            s if s.is_empty() => field(claim, "speaker"),
            s => s,
        };
        let row = [
            "claim".to_string(),
            field(claim, "id"),
            doc.clone(),
            doc_source(&doc),
            field(claim, "start"),
            field(claim, "end"),
            speaker,
            field(claim, "cue"),
            field(claim, "mode"),
            field(claim, "polarity"),
            field(claim, "hedged"),
            String::new(),
            field(claim, "text"),
            String::new(),
            String::new(),
            String::new(),
        ];
        push_row(&mut out, row.into_iter());
    }
    for fact in items(dossier, "facts") {
        let mut row = vec![String::new(); COLUMNS.len()];
        row[0] = "fact".into();
        row[1] = field(fact, "id");
        row[11] = field(fact, "status");
        row[12] = field(fact, "statement");
        row[13] = field(fact, "supported_by");
        row[14] = field(fact, "disputed_by");
        row[15] = field(fact, "sources");
        push_row(&mut out, row.into_iter());
    }
    out
}

fn items<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

/// A field as one cell: strings as they are, lists joined with `;`, null as empty.
fn field(v: &Value, key: &str) -> String {
    match v.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| match x {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(";"),
        Some(other) => other.to_string(),
    }
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// RFC 4180 quoting; a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading
/// apostrophe, because quoted text from hostile sources ends up in these files.
fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_defuses_cells() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(cell("=1+1"), "'=1+1");
    }

    #[test]
    fn claims_then_facts() {
        let d = serde_json::json!({
            "documents": [{"id": "d1", "source": "Wire"}],
            "claims": [{"id": "c1", "doc": "d1", "start": 0, "end": 5, "text": "Two died",
                        "speaker_text": "police", "polarity": "affirms", "hedged": false}],
            "facts": [{"id": "f1", "statement": "two died", "status": "disputed",
                       "supported_by": ["c1"], "disputed_by": ["c2", "c3"], "sources": ["Wire"]}]
        });
        let out = csv(&d);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].starts_with("claim,c1,d1,Wire,0,5,police,"));
        assert!(lines[2].contains("disputed,two died,c1,c2;c3,Wire"));
    }
}
