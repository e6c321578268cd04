//! Page metadata: title, authors, publication date, language, site name and canonical URL.
//!
//! Publishers state these in several overlapping places (OpenGraph and other `<meta>` tags, JSON-LD, microdata,
//! visible bylines). Each field is read from the most deliberate statement first: machine-readable tags are
//! written for aggregators and are rarely wrong, visible page furniture is the last resort.

mod jsonld;

use std::collections::HashMap;
use std::sync::LazyLock;

use scraper::{Html, Selector};

use super::dom::{has_ancestor, inline_text, selector};
use super::posts::EMBED_SELECTOR;
use crate::ingest::dates::normalize_published;
use jsonld::LinkedData;

/// The metadata fields of [`super::HtmlArticle`].
#[derive(Debug, Default)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub language_hint: Option<String>,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta[content]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("head title, title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static HTML: LazyLock<Selector> = LazyLock::new(|| selector("html[lang]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel~=canonical][href]"));
static DOM_AUTHORS: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        "[itemprop~=author] [itemprop~=name], [itemprop~=author]:not(meta), a[rel~=author], \
         .byline__name, .author-name, .byline-name, .article-author, .author a, .byline a, .byline",
    )
});
static DOM_DATES: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        "time[itemprop~=datePublished][datetime], time[pubdate][datetime], article time[datetime], time[datetime]",
    )
});
static EMBEDS: LazyLock<Selector> = LazyLock::new(|| selector(EMBED_SELECTOR));

/// `<meta>` names and properties that carry a publication date, most deliberate first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
    "og:published_time",
    "cxenseparse:recs:publishtime",
];

/// Reads every metadata field from a parsed page. `page_url` resolves relative canonical links.
pub(crate) fn page_meta(html: &Html, page_url: Option<&str>) -> PageMeta {
    let metas = meta_map(html);
    let ld = LinkedData::from_page(html);
    let m = |k: &str| metas.get(k).map(String::as_str).filter(|v| !v.is_empty());

    let site_name = m("og:site_name")
        .map(str::to_string)
        .or_else(|| ld.publisher.clone())
        .or_else(|| m("application-name").map(str::to_string));
    let title = m("og:title")
        .or(m("twitter:title"))
        .map(|t| strip_site_suffix(t, site_name.as_deref(), false))
        .or_else(|| ld.headline.clone())
        .or_else(|| {
            html.select(&TITLE)
                .map(inline_text)
                .find(|t| !t.is_empty())
                .map(|t| strip_site_suffix(&t, site_name.as_deref(), true))
        })
        .or_else(|| html.select(&H1).map(inline_text).find(|t| !t.is_empty()))
        .filter(|t| !t.is_empty());

    let published = DATE_KEYS
        .iter()
        .filter_map(|k| m(k))
        .chain(ld.published.iter().map(String::as_str))
        .find_map(normalize_published)
        .or_else(|| dom_date(html));

    let language_hint = html
        .select(&HTML)
        .find_map(|e| e.value().attr("lang").and_then(lang_code))
        .or_else(|| m("og:locale").and_then(lang_code))
        .or_else(|| ld.language.as_deref().and_then(lang_code))
        .or_else(|| m("content-language").and_then(lang_code));

    let canonical_url = html
        .select(&CANONICAL)
        .find_map(|e| e.value().attr("href"))
        .or(m("og:url"))
        .and_then(|u| absolute(u, page_url));

    PageMeta {
        title,
        authors: authors(html, &metas, &ld),
        published,
        language_hint,
        site_name,
        canonical_url,
    }
}

/// `<meta>` values by lower-cased `property`, `name`, `itemprop` or `http-equiv`; the first one wins.
fn meta_map(html: &Html) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for el in html.select(&META) {
        let v = el.value();
        let Some(content) = v.attr("content") else {
            continue;
        };
        for key in ["property", "name", "itemprop", "http-equiv"]
            .iter()
            .filter_map(|a| v.attr(a))
        {
            out.entry(key.trim().to_lowercase())
                .or_insert_with(|| content.trim().to_string());
        }
    }
    out
}

/// A 2-letter language code from `es`, `es-ES`, `es_ES`; `None` for codes like `und` or `x-default`.
pub(crate) fn lang_code(s: &str) -> Option<String> {
    let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase())).then_some(primary)
}

/// Drops a " | Site" (or " - Site", " — Site") ending from a title: always when it names the site, and for
/// `<title>` also when the last part is short next to the rest, as outlets append their brand there.
fn strip_site_suffix(title: &str, site: Option<&str>, loose: bool) -> String {
    let title = title.trim();
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            let names_site = site.is_some_and(|s| {
                let (s, t) = (s.to_lowercase(), tail.to_lowercase());
                t == s || t.contains(&s) || s.contains(&t)
            });
            let short = tail.split_whitespace().count() <= 3
                && head.split_whitespace().count() > tail.split_whitespace().count();
            if names_site || (loose && short) {
                return strip_site_suffix(head, site, false);
            }
        }
    }
    title.to_string()
}

/// The first date the page's markup marks as the article's, outside embedded posts (whose dates are theirs).
fn dom_date(html: &Html) -> Option<String> {
    html.select(&DOM_DATES)
        .filter(|t| !has_ancestor(*t, &EMBEDS))
        .find_map(|t| t.value().attr("datetime").and_then(normalize_published))
}

/// Authors from tags and JSON-LD; bylines in the visible page only when the markup names nobody.
fn authors(html: &Html, metas: &HashMap<String, String>, ld: &LinkedData) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let tagged = [
        "author",
        "article:author",
        "dc.creator",
        "parsely-author",
        "sailthru.author",
    ]
    .iter()
    .filter_map(|k| metas.get(*k))
    .filter(|v| !looks_like_url(v))
    .flat_map(|v| split_names(v));
    for name in tagged.chain(ld.authors.iter().cloned()) {
        push_author(&mut out, &name);
    }
    if out.is_empty() {
        for el in html
            .select(&DOM_AUTHORS)
            .filter(|e| !has_ancestor(*e, &EMBEDS))
        {
            for name in split_names(&inline_text(el)) {
                push_author(&mut out, &name);
            }
            if !out.is_empty() {
                break;
            }
        }
    }
    out
}

/// "By Ana Ruiz and Luis Gómez" → both names.
fn split_names(s: &str) -> Vec<String> {
    s.split([',', ';', '&', '|'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" y "))
        .flat_map(|p| p.split(" und "))
        .map(clean_byline)
        .filter(|p| !p.is_empty())
        .collect()
}

fn clean_byline(s: &str) -> String {
    let s = s.trim();
    let lower = s.to_lowercase();
    let s = ["by ", "por ", "von ", "par ", "di "]
        .iter()
        .find(|p| lower.starts_with(*p))
        .and_then(|p| s.get(p.len()..))
        .unwrap_or(s);
    s.trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')')
        .to_string()
}

/// Adds a plausible person or desk name once (case-insensitively).
fn push_author(out: &mut Vec<String>, name: &str) {
    let name = name.trim();
    let words = name.split_whitespace().count();
    if name.is_empty() || words > 6 || name.chars().count() > 80 || looks_like_url(name) {
        return;
    }
    if !out.iter().any(|a| a.eq_ignore_ascii_case(name)) {
        out.push(name.to_string());
    }
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("//")
        || s.starts_with('/')
}

/// Resolves `u` against the page URL when it is relative; keeps it as is when it cannot be resolved.
fn absolute(u: &str, base: Option<&str>) -> Option<String> {
    let u = u.trim();
    if u.is_empty() {
        return None;
    }
    if let Ok(abs) = url::Url::parse(u) {
        return Some(abs.to_string());
    }
    base.and_then(|b| url::Url::parse(b).ok())
        .and_then(|b| b.join(u).ok())
        .map(|x| x.to_string())
        .or_else(|| Some(u.to_string()))
}
