//! The dossier as Markdown for a person: the story, disputed facts first with the exact supporting and
//! disputing words, then corroborated and single-source facts, a who-said-what matrix, outlet profiles and a
//! timeline. Every piece of input text is escaped so it cannot break the layout.

use std::fmt::Write;

use crate::reconcile::facts::Fact;

use super::dossier::Dossier;
use super::view::{self, Evidence, View};

/// Escapes Markdown syntax (and HTML, which Markdown passes through) in input text; newlines become spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn evidence_line(e: &Evidence, prefix: &str) -> String {
    let place = match e.url {
        Some(u) => format!(
            "[{}]({}) {}",
            escape(e.doc),
            escape(u).replace(' ', "%20"),
            offsets(e)
        ),
        None => format!("{} {}", escape(e.doc), offsets(e)),
    };
    format!(
        "- {prefix}“{}” — {}, *{}*, {place}\n",
        escape(e.quote.trim()),
        escape(&e.speaker),
        escape(e.outlet)
    )
}

fn offsets(e: &Evidence) -> String {
    format!("bytes {}–{}", e.claim.start, e.claim.end)
}

fn fact_section(out: &mut String, v: &View, f: &Fact) {
    let _ = writeln!(out, "### {} — {}\n", escape(&f.id), escape(&f.statement));
    let _ = writeln!(
        out,
        "Independent sources ({}): {}\n",
        f.sources.len(),
        if f.sources.is_empty() {
            "none".to_string()
        } else {
            f.sources
                .iter()
                .map(|s| escape(s))
                .collect::<Vec<_>>()
                .join(", ")
        }
    );
    out.push_str("Supported by:\n\n");
    for c in &f.supported_by {
        if let Some(e) = v.evidence(c) {
            out.push_str(&evidence_line(&e, ""));
        }
    }
    if !f.disputed_by.is_empty() {
        out.push_str("\nDisputed by:\n\n");
        for c in &f.disputed_by {
            let Some(e) = v.evidence(c) else { continue };
            let label = match v.dispute_type(f, c) {
                Some((k, b)) if k != b => format!(
                    "**{}** ({}): ",
                    view::dispute_name(k),
                    view::dispute_name(b)
                ),
                Some((k, _)) => format!("**{}**: ", view::dispute_name(k)),
                None => String::new(),
            };
            out.push_str(&evidence_line(&e, &label));
        }
    }
    if !f.updates.is_empty() {
        out.push_str("\nUpdated later by:\n\n");
        for u in &f.updates {
            if let Some(e) = v.evidence(&u.claim) {
                out.push_str(&evidence_line(&e, &format!("({}) ", escape(&u.with))));
            }
        }
    }
    out.push('\n');
}

/// Renders the dossier as Markdown.
pub fn render(dossier: &Dossier) -> String {
    let v = View::new(dossier);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&v.title()));
    let _ = writeln!(
        out,
        "{} documents from {} outlets, {} claims, {} facts. Engine: {} {} ({}).\n",
        dossier.documents.len(),
        dossier.sources.len(),
        dossier.claims.len(),
        dossier.facts.len(),
        dossier.engine.name,
        dossier.engine.version,
        dossier.engine.analysis
    );
    if let Some((intro, lines)) = v.stories_note() {
        let _ = writeln!(out, "{}\n", escape(&intro));
        for line in lines {
            let _ = writeln!(out, "- {}", escape(&line));
        }
        out.push('\n');
    }
    out.push_str("## The story\n\n");
    for d in &dossier.documents {
        let _ = writeln!(
            out,
            "- **{}** {} — {} ({}, {}){}",
            escape(&d.id),
            escape(&d.source),
            escape(d.title.as_deref().unwrap_or("untitled")),
            escape(d.language.as_deref().unwrap_or("?")),
            escape(d.published.as_deref().unwrap_or("undated")),
            d.url
                .as_deref()
                .map(|u| format!(" <{}>", escape(u)))
                .unwrap_or_default()
        );
    }
    out.push('\n');
    for (status, facts) in v.facts_in_order() {
        let _ = writeln!(out, "## {} ({})\n", view::status_name(status), facts.len());
        for f in facts {
            fact_section(&mut out, &v, f);
        }
    }
    out.push_str("## Who said what\n\n`+` supports, `−` disputes.\n\n");
    let (rows, facts, grid) = v.matrix();
    if !facts.is_empty() {
        out.push_str("| speaker |");
        for f in &facts {
            let _ = write!(out, " {} |", escape(&f.id));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(facts.len()));
        out.push('\n');
        for (r, row) in rows.iter().zip(&grid) {
            let _ = write!(out, "| {} |", escape(r));
            for cell in row {
                let _ = write!(out, " {cell} |");
            }
            out.push('\n');
        }
        out.push('\n');
        for f in &facts {
            let _ = writeln!(out, "- {}: {}", escape(&f.id), escape(&f.statement));
        }
        out.push('\n');
    }
    out.push_str("## Outlets\n\n");
    for p in &dossier.sources {
        let _ = writeln!(out, "### {}\n", escape(&p.name));
        let _ = writeln!(
            out,
            "- Documents: {}",
            p.documents
                .iter()
                .map(|d| escape(d))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let voices: Vec<String> = p
            .voices
            .iter()
            .map(|vo| {
                let who = vo
                    .speaker
                    .as_deref()
                    .map_or_else(|| "own voice".to_string(), escape);
                match &vo.side {
                    Some(s) => format!("{who} [{}] ({})", escape(s), vo.claims),
                    None => format!("{who} ({})", vo.claims),
                }
            })
            .collect();
        let _ = writeln!(out, "- Voices: {}", voices.join(", "));
        if !p.blindspots.is_empty() {
            let _ = writeln!(
                out,
                "- Never quotes: {}",
                p.blindspots
                    .iter()
                    .map(|b| escape(b))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        if !p.loaded_terms.is_empty() {
            let terms: Vec<String> = p
                .loaded_terms
                .iter()
                .map(|t| format!("“{}” ×{}", escape(&t.term), t.count))
                .collect();
            let _ = writeln!(out, "- Loaded terms in its own voice: {}", terms.join(", "));
        }
        out.push('\n');
    }
    out.push_str("## Timeline\n\n");
    for (date, e) in v.timeline() {
        let _ = writeln!(
            out,
            "- **{}** — “{}” — {}, *{}* ({})",
            escape(&date),
            escape(e.claim.text.trim()),
            escape(&e.speaker),
            escape(e.outlet),
            escape(e.doc)
        );
    }
    out
}
