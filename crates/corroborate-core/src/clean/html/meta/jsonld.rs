//! schema.org JSON-LD: the article object's headline, authors, date, publisher and language.
//!
//! Pages put one or several `<script type="application/ld+json">` blocks, each an object, an array, or a
//! `@graph`; the article is the object whose `@type` is an article kind, else the first one with a headline.

use std::sync::LazyLock;

use scraper::{Html, Selector};
use serde_json::Value;

use crate::clean::html::dom::selector;

static SCRIPTS: LazyLock<Selector> = LazyLock::new(|| selector("script[type]"));

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default)]
pub(crate) struct LinkedData {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
    pub language: Option<String>,
}

impl LinkedData {
    pub(crate) fn from_page(html: &Html) -> Self {
        let mut objects = Vec::new();
        for script in html.select(&SCRIPTS) {
            if !script
                .value()
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            {
                continue;
            }
            let raw: String = script.text().collect();
            if let Some(v) = parse_lenient(&raw) {
                flatten(v, &mut objects, 0);
            }
        }
        let article = objects
            .iter()
            .find(|o| is_article(o))
            .or_else(|| objects.iter().find(|o| o.get("headline").is_some()));
        let Some(a) = article else {
            return Self::default();
        };
        let mut authors = Vec::new();
        if let Some(v) = a.get("author").or_else(|| a.get("creator")) {
            names(v, &mut authors, 0);
        }
        Self {
            headline: a
                .get("headline")
                .or_else(|| a.get("name"))
                .and_then(string)
                .filter(|s| !s.is_empty()),
            authors,
            published: a
                .get("datePublished")
                .or_else(|| a.get("dateCreated"))
                .and_then(string),
            publisher: a
                .get("publisher")
                .and_then(|p| p.get("name").and_then(string).or_else(|| string(p))),
            language: a
                .get("inLanguage")
                .and_then(|l| string(l).or_else(|| l.get("name").and_then(string))),
        }
    }
}

/// Parses a JSON-LD block, forgiving the usual defects: HTML comments or CDATA around it, a trailing `;`.
fn parse_lenient(raw: &str) -> Option<Value> {
    let s = raw.trim();
    let s = s.strip_prefix("<!--").unwrap_or(s);
    let s = s.strip_suffix("-->").unwrap_or(s);
    let s = s
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim()
        .trim_end_matches(';');
    serde_json::from_str(s).ok()
}

/// Collects objects from arrays and `@graph`s (bounded depth: the input is untrusted).
fn flatten(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| flatten(i, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

fn is_article(o: &Value) -> bool {
    let kind = |t: &str| {
        let t = t.rsplit('/').next().unwrap_or(t);
        t.ends_with("Article")
            || matches!(
                t,
                "BlogPosting" | "Report" | "LiveBlogPosting" | "SocialMediaPosting"
            )
    };
    match o.get("@type") {
        Some(Value::String(t)) => kind(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(kind),
        _ => false,
    }
}

fn string(v: &Value) -> Option<String> {
    v.as_str().map(crate::clean::html::maintext::collapse_ws)
}

/// Author names from a string, a Person/Organization object, or an array of them.
fn names(v: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::String(s) => out.push(s.trim().to_string()),
        Value::Array(items) => items.iter().for_each(|i| names(i, out, depth + 1)),
        Value::Object(_) => {
            if let Some(n) = v.get("name") {
                names(n, out, depth + 1);
            }
        }
        _ => {}
    }
}
