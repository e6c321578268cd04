//! Which reader an input needs: the extension (or HTTP content type) is only a first guess, the content decides.
//! A `.txt` that holds a whole HTML page is read as HTML; a `.html` that holds JSON records is read as JSON.

/// Input formats we read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, with optional front matter.
    Text,
    /// Markdown, with optional front matter; markup is reduced to text in the clean stage.
    Markdown,
    Html,
    /// One JSON value: a record, an array of records, or an object holding an array of records.
    Json,
    /// One JSON record per line.
    JsonLines,
    /// RSS 2.0, RSS 1.0 or Atom.
    Feed,
}

/// The format the name (extension) or content type suggests, before looking at content.
pub fn format_from_name(name: &str, content_type: Option<&str>) -> Option<Format> {
    if let Some(ct) = content_type {
        let mime = ct
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let by_mime = match mime.as_str() {
            "text/html" | "application/xhtml+xml" => Some(Format::Html),
            "application/rss+xml" | "application/atom+xml" | "application/rdf+xml" => {
                Some(Format::Feed)
            }
            "application/json" => Some(Format::Json),
            "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" => {
                Some(Format::JsonLines)
            }
            "text/markdown" => Some(Format::Markdown),
            "text/plain" => Some(Format::Text),
            _ => None,
        };
        if by_mime.is_some() {
            return by_mime;
        }
    }
    let path = name.split(['?', '#']).next().unwrap_or(name);
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    if ext.contains('/') {
        return None;
    }
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "json" => Some(Format::Json),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        "rss" | "atom" | "xml" => Some(Format::Feed),
        _ => None,
    }
}

/// Whether a directory walk should pick up a file of this name (explicitly named files are always read).
pub fn is_known_extension(name: &str) -> bool {
    format_from_name(name, None).is_some() || super::warc::has_warc_name(name)
}

/// Decides the format from the content, using `guess` (from name or content type) only where content is
/// ambiguous.
pub fn sniff(text: &str, guess: Option<Format>) -> Format {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let head_lower: String = head
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head_lower.starts_with("<?xml")
        || head_lower.starts_with("<rss")
        || head_lower.starts_with("<feed")
    {
        if is_feed(&head_lower) {
            return Format::Feed;
        }
        if head_lower.contains("<html") {
            return Format::Html;
        }
    }
    if head_lower.starts_with("<!doctype html")
        || head_lower.starts_with("<html")
        || head_lower.starts_with("<head")
        || head_lower.starts_with("<body")
        || (head_lower.starts_with("<!--") && head_lower.contains("<html"))
    {
        return Format::Html;
    }
    if head.starts_with('{') || head.starts_with('[') {
        if is_json_lines(head) {
            return Format::JsonLines;
        }
        if guess != Some(Format::JsonLines)
            && serde_json::from_str::<serde::de::IgnoredAny>(head).is_ok()
        {
            return Format::Json;
        }
        if guess == Some(Format::JsonLines) || guess == Some(Format::Json) {
            // Broken JSON that claims to be JSON: let the JSON reader say what is wrong, and where.
            return guess.unwrap_or(Format::Json);
        }
    }
    match guess {
        // A "feed" or "html" by name whose content is neither is most honestly read as text.
        Some(Format::Feed) | Some(Format::Html) if !head.starts_with('<') => Format::Text,
        Some(Format::Json) | Some(Format::JsonLines)
            if !(head.starts_with('{') || head.starts_with('[')) =>
        {
            Format::Text
        }
        Some(g) => g,
        None if head.starts_with('<') && head_lower.contains("</") => Format::Html,
        None => Format::Text,
    }
}

fn is_feed(head_lower: &str) -> bool {
    head_lower.contains("<rss") || head_lower.contains("<feed") || head_lower.contains("<rdf:rdf")
}

/// At least two non-empty lines, each a complete JSON object, means JSON Lines.
fn is_json_lines(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    [first, second]
        .iter()
        .all(|l| l.starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_is_a_guess() {
        assert_eq!(
            format_from_name("a/b/report.HTML", None),
            Some(Format::Html)
        );
        assert_eq!(
            format_from_name("https://x.org/feed.xml?x=1", None),
            Some(Format::Feed)
        );
        assert_eq!(format_from_name("https://x.org/news/", None), None);
        assert_eq!(
            format_from_name("x", Some("text/html; charset=utf-8")),
            Some(Format::Html)
        );
    }

    #[test]
    fn content_decides_when_the_extension_lies() {
        assert_eq!(
            sniff("<!DOCTYPE html><html><p>x</p></html>", Some(Format::Text)),
            Format::Html
        );
        assert_eq!(
            sniff("{\"text\": \"a\"}\n{\"text\": \"b\"}\n", Some(Format::Html)),
            Format::JsonLines
        );
        assert_eq!(
            sniff("[{\"text\": \"a\"}]", Some(Format::Text)),
            Format::Json
        );
        assert_eq!(
            sniff(
                "<?xml version=\"1.0\"?><rss version=\"2.0\">",
                Some(Format::Html)
            ),
            Format::Feed
        );
        assert_eq!(sniff("Just words.", Some(Format::Html)), Format::Text);
        assert_eq!(
            sniff("Just words.", Some(Format::Markdown)),
            Format::Markdown
        );
        assert_eq!(sniff("{\"text\": broken", Some(Format::Json)), Format::Json);
        assert_eq!(sniff("<div><p>fragment</p></div>", None), Format::Html);
    }
}
