//! The dossier as one self-contained HTML page: inline CSS, no scripts, nothing fetched from anywhere, fit to
//! print. The same sections as the Markdown rendering; every piece of input text is HTML-escaped, and links
//! are only made for http(s) URLs.

use std::fmt::Write;

use crate::reconcile::facts::{Fact, Status};

use super::dossier::Dossier;
use super::view::{self, Evidence, View};

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}\
h1,h2,h3{font-family:Helvetica,Arial,sans-serif}h2{border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2rem}\
.fact{border-left:5px solid #999;padding:.3rem .8rem;margin:1rem 0;page-break-inside:avoid}\
.disputed{border-color:#b3261e}.corroborated{border-color:#2e7d32}.single_source{border-color:#b08900}\
.tag{font:bold .75rem Helvetica,Arial,sans-serif;text-transform:uppercase;padding:.1rem .35rem;border-radius:3px;background:#eee}\
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:2px solid #ddd}\
.meta{color:#555;font-size:.9rem}table{border-collapse:collapse;font-size:.9rem}\
td,th{border:1px solid #ccc;padding:.2rem .45rem;text-align:left;vertical-align:top}\
td.s{color:#2e7d32;text-align:center}td.d{color:#b3261e;text-align:center}\
@media print{body{margin:0;max-width:none}a{color:inherit}}";

fn link(url: Option<&str>, text: &str) -> String {
    match url {
        Some(u) if u.starts_with("http://") || u.starts_with("https://") => {
            format!("<a href=\"{}\">{}</a>", escape(u), escape(text))
        }
        _ => escape(text),
    }
}

fn evidence(out: &mut String, e: &Evidence, label: &str) {
    let _ = write!(
        out,
        "<blockquote>{label}“{}”<div class=\"meta\">— {}, <em>{}</em>, {} bytes {}–{} (claim {})</div></blockquote>",
        escape(e.quote.trim()),
        escape(&e.speaker),
        escape(e.outlet),
        link(e.url, e.doc),
        e.claim.start,
        e.claim.end,
        escape(&e.claim.id)
    );
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Disputed => "disputed",
        Status::Corroborated => "corroborated",
        Status::SingleSource => "single_source",
    }
}

fn fact(out: &mut String, v: &View, f: &Fact) {
    let _ = write!(
        out,
        "<section class=\"fact {}\" id=\"{}\"><h3>{}: {} <span class=\"tag\">{}</span></h3>",
        status_class(f.status),
        escape(&f.id),
        escape(&f.id),
        escape(&f.statement),
        status_class(f.status).replace('_', " ")
    );
    let _ = write!(
        out,
        "<p class=\"meta\">Independent sources ({}): {}</p><h4>Supported by</h4>",
        f.sources.len(),
        escape(&f.sources.join(", "))
    );
    for c in &f.supported_by {
        if let Some(e) = v.evidence(c) {
            evidence(out, &e, "");
        }
    }
    if !f.disputed_by.is_empty() {
        out.push_str("<h4>Disputed by</h4>");
        for c in &f.disputed_by {
            let Some(e) = v.evidence(c) else { continue };
            let label = match v.dispute_type(f, c) {
                Some((k, b)) if k != b => {
                    format!(
                        "<span class=\"tag\">{}: {}</span> ",
                        view::dispute_name(k),
                        view::dispute_name(b)
                    )
                }
                Some((k, _)) => format!("<span class=\"tag\">{}</span> ", view::dispute_name(k)),
                None => String::new(),
            };
            evidence(out, &e, &label);
        }
    }
    if !f.updates.is_empty() {
        out.push_str("<h4>Updated later by</h4>");
        for u in &f.updates {
            if let Some(e) = v.evidence(&u.claim) {
                evidence(
                    out,
                    &e,
                    &format!("<span class=\"tag\">update → {}</span> ", escape(&u.with)),
                );
            }
        }
    }
    out.push_str("</section>");
}

/// Renders the dossier as a self-contained HTML page.
pub fn render(dossier: &Dossier) -> String {
    let v = View::new(dossier);
    let title = v.title();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body><h1>{}</h1>",
        escape(&title),
        escape(&title)
    );
    let _ = write!(
        out,
        "<p class=\"meta\">{} documents from {} outlets, {} claims, {} facts. Engine: {} {} ({}).</p>",
        dossier.documents.len(),
        dossier.sources.len(),
        dossier.claims.len(),
        dossier.facts.len(),
        escape(dossier.engine.name),
        escape(dossier.engine.version),
        escape(dossier.engine.analysis)
    );
    if let Some((intro, lines)) = v.stories_note() {
        let _ = write!(out, "<p>{}</p><ul>", escape(&intro));
        for line in lines {
            let _ = write!(out, "<li>{}</li>", escape(&line));
        }
        out.push_str("</ul>");
    }
    out.push_str("<h2>The story</h2><table><tr><th>doc</th><th>outlet</th><th>title</th><th>lang</th><th>published</th></tr>");
    for d in &dossier.documents {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&d.id),
            escape(&d.source),
            link(d.url.as_deref(), d.title.as_deref().unwrap_or("untitled")),
            escape(d.language.as_deref().unwrap_or("?")),
            escape(d.published.as_deref().unwrap_or("undated"))
        );
    }
    out.push_str("</table>");
    for (status, facts) in v.facts_in_order() {
        let _ = write!(
            out,
            "<h2>{} ({})</h2>",
            view::status_name(status),
            facts.len()
        );
        for f in facts {
            fact(&mut out, &v, f);
        }
    }
    out.push_str("<h2>Who said what</h2><p class=\"meta\">+ supports, − disputes</p>");
    let (rows, facts, grid) = v.matrix();
    if !facts.is_empty() {
        out.push_str("<table><tr><th>speaker</th>");
        for f in &facts {
            let _ = write!(
                out,
                "<th title=\"{}\">{}</th>",
                escape(&f.statement),
                escape(&f.id)
            );
        }
        out.push_str("</tr>");
        for (r, row) in rows.iter().zip(&grid) {
            let _ = write!(out, "<tr><td>{}</td>", escape(r));
            for cell in row {
                let class = if cell.starts_with('+') { "s" } else { "d" };
                let _ = write!(out, "<td class=\"{class}\">{}</td>", escape(cell));
            }
            out.push_str("</tr>");
        }
        out.push_str("</table><ul>");
        for f in &facts {
            let _ = write!(out, "<li>{}: {}</li>", escape(&f.id), escape(&f.statement));
        }
        out.push_str("</ul>");
    }
    out.push_str("<h2>Outlets</h2>");
    for p in &dossier.sources {
        let _ = write!(
            out,
            "<h3>{}</h3><ul><li>Documents: {}</li><li>Voices: ",
            escape(&p.name),
            escape(&p.documents.join(", "))
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
        out.push_str(&voices.join(", "));
        out.push_str("</li>");
        if !p.blindspots.is_empty() {
            let _ = write!(
                out,
                "<li>Never quotes: {}</li>",
                escape(&p.blindspots.join(", "))
            );
        }
        if !p.loaded_terms.is_empty() {
            let terms: Vec<String> = p
                .loaded_terms
                .iter()
                .map(|t| format!("“{}” ×{}", escape(&t.term), t.count))
                .collect();
            let _ = write!(
                out,
                "<li>Loaded terms in its own voice: {}</li>",
                terms.join(", ")
            );
        }
        out.push_str("</ul>");
    }
    out.push_str(
        "<h2>Timeline</h2><table><tr><th>date</th><th>claim</th><th>who</th><th>outlet</th></tr>",
    );
    for (date, e) in v.timeline() {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} ({})</td></tr>",
            escape(&date),
            escape(e.claim.text.trim()),
            escape(&e.speaker),
            escape(e.outlet),
            escape(e.doc)
        );
    }
    out.push_str("</table></body></html>\n");
    out
}
