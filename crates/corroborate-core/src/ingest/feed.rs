//! RSS 2.0 / RSS 1.0 / Atom feeds: one document per item, the feed's title as the source.

use super::dates::normalize_published;
use super::error::{IngestError, Reason};
use super::{Body, RawDoc, ReadOutcome};
use crate::model::DocMeta;

/// Reads a feed (already decoded to UTF-8 text).
pub fn read_feed(name: &str, text: &str) -> ReadOutcome {
    let feed = match feed_rs::parser::parse(without_encoding_declaration(text).as_bytes()) {
        Ok(f) => f,
        Err(e) => {
            return ReadOutcome::failed(IngestError::new(name, Reason::InvalidFeed(e.to_string())));
        }
    };
    let source = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|s| !s.is_empty());
    let mut outcome = ReadOutcome::default();
    if feed.entries.is_empty() {
        outcome.errors.push(IngestError::new(
            name,
            Reason::InvalidFeed("the feed has no items".into()),
        ));
    }
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let origin = format!("{name}#{}", i + 1);
        let html = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .filter(|b| !b.trim().is_empty());
        let Some(html) = html else {
            outcome
                .errors
                .push(IngestError::new(origin, Reason::RecordWithoutText));
            continue;
        };
        let published = entry
            .published
            .or(entry.updated)
            .and_then(|d| normalize_published(&d.to_rfc3339()));
        let meta = DocMeta {
            source: source.clone(),
            title: entry
                .title
                .map(|t| t.content.trim().to_string())
                .filter(|t| !t.is_empty()),
            url: entry.links.first().map(|l| l.href.clone()),
            published,
            authors: entry.authors.into_iter().filter_map(person_name).collect(),
            kind: None,
            language_hint: entry.language.or_else(|| feed.language.clone()),
        };
        outcome.docs.push(RawDoc {
            origin,
            meta,
            body: Body::Html(html),
        });
    }
    outcome
}

/// A feed author's name: RSS writes `desk@example.org (Ana Ruiz)`, Atom has a `<name>`.
fn person_name(person: feed_rs::model::Person) -> Option<String> {
    let raw = person.name.or(person.email)?;
    let raw = raw.trim();
    let name = match (raw.find('('), raw.rfind(')')) {
        (Some(open), Some(close)) if open < close => raw[open + 1..close].trim(),
        _ => raw,
    };
    (!name.is_empty()).then(|| name.to_string())
}

/// The text is UTF-8 by now; an `encoding="..."` left in the XML declaration would make the parser decode
/// it a second time.
fn without_encoding_declaration(text: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = text.trim_start_matches('\u{feff}');
    if let Some(end) = trimmed
        .starts_with("<?xml")
        .then(|| trimmed.find("?>"))
        .flatten()
    {
        return format!("<?xml version=\"1.0\"?>{}", &trimmed[end + 2..]).into();
    }
    trimmed.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Courier</title><link>https://courier.example/</link>
<item><title>Camp cleared</title><link>https://courier.example/a</link>
<pubDate>Wed, 21 Jun 2023 10:00:00 GMT</pubDate><author>desk@courier.example (Ana Ruiz)</author>
<content:encoded><![CDATA[<p>Police cleared the camp at dawn.</p>]]></content:encoded></item>
<item><title>Second</title><description>Plain summary text.</description></item>
<item><title>Empty</title></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Río Post</title><id>urn:x</id><updated>2023-06-22T00:00:00Z</updated>
<entry><title>Desalojo</title><id>urn:1</id><link href="https://rio.example/1"/>
<published>2023-06-22T09:30:00+02:00</published><author><name>Luz Vega</name></author>
<content type="html">&lt;p&gt;La policía desalojó el campamento.&lt;/p&gt;</content></entry></feed>"#;

    #[test]
    fn rss_items_become_documents() {
        let out = read_feed("feed.xml", RSS);
        assert_eq!(out.docs.len(), 2);
        let a = &out.docs[0];
        assert_eq!(a.origin, "feed.xml#1");
        assert_eq!(a.meta.source.as_deref(), Some("Valley Courier"));
        assert_eq!(a.meta.title.as_deref(), Some("Camp cleared"));
        assert_eq!(a.meta.url.as_deref(), Some("https://courier.example/a"));
        assert_eq!(
            a.meta.published.as_deref(),
            Some("2023-06-21T10:00:00+00:00")
        );
        assert!(matches!(&a.body, Body::Html(h) if h.contains("cleared the camp")));
        assert_eq!(out.errors.len(), 1, "the item without content is reported");
        assert_eq!(out.errors[0].input, "feed.xml#3");
    }

    #[test]
    fn atom_entries_become_documents() {
        let out = read_feed("f.atom", ATOM);
        assert_eq!(out.docs.len(), 1);
        assert_eq!(out.docs[0].meta.authors, vec!["Luz Vega"]);
        assert_eq!(out.docs[0].meta.source.as_deref(), Some("Río Post"));
        assert_eq!(
            out.docs[0].meta.published.as_deref(),
            Some("2023-06-22T07:30:00+00:00")
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let out = read_feed("bad.xml", "<rss><channel><item><title>x</ti");
        assert!(out.docs.is_empty());
        assert_eq!(out.errors.len(), 1);
    }
}
