//! Front matter of text and Markdown files: a `---` block of `key: value` lines at the very top.
//!
//! Only the flat subset of YAML that front matter uses in practice is read (scalars, quoted scalars, `[a, b]`
//! lists and `- item` lists); a block that is not closed is not front matter and stays part of the text.

use crate::model::{DocKind, DocMeta};

use super::dates::normalize_published;

/// The metadata a front-matter block declares, and the byte offset where the body starts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub meta: DocMeta,
    pub body_start: usize,
}

/// Splits front matter off `text`. Returns `None` when the text has none.
pub fn parse(text: &str) -> Option<FrontMatter> {
    let start = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let rest = &text[start..];
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end() != "---" {
        return None;
    }
    let block_start = start + first_line_end + 1;
    let mut offset = block_start;
    let mut lines: Vec<&str> = Vec::new();
    for line in text[block_start..].split_inclusive('\n') {
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Some(FrontMatter {
                meta: read_block(&lines),
                body_start: offset,
            });
        }
        lines.push(trimmed);
    }
    None
}

fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|x| x.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

fn read_block(lines: &[&str]) -> DocMeta {
    let mut meta = DocMeta::default();
    let mut list_key: Option<String> = None;
    for line in lines {
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            if let Some(key) = &list_key {
                set(&mut meta, key, unquote(item));
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        list_key = None;
        if value.is_empty() {
            list_key = Some(key);
        } else if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            for item in inner.split(',') {
                set(&mut meta, &key, unquote(item));
            }
        } else {
            set(&mut meta, &key, unquote(value));
        }
    }
    meta
}

/// Applies one key to the metadata; unknown keys are ignored.
fn set(meta: &mut DocMeta, key: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    let value = value.to_string();
    match key {
        "source" | "outlet" | "publisher" | "site" => meta.source = Some(value),
        "url" | "link" | "canonical" => meta.url = Some(value),
        "title" | "headline" => meta.title = Some(value),
        "published" | "date" | "published_at" | "pubdate" => {
            meta.published = normalize_published(&value)
        }
        "author" | "authors" | "byline" => meta.authors.push(value),
        "language" | "lang" => meta.language_hint = Some(value.to_ascii_lowercase()),
        "kind" | "type" => meta.kind = parse_kind(&value),
        _ => {}
    }
}

/// `article`, `post`, `statement` (also `press release`), `other`.
pub fn parse_kind(value: &str) -> Option<DocKind> {
    match value.trim().to_ascii_lowercase().as_str() {
        "article" | "news" | "report" => Some(DocKind::Article),
        "post" | "tweet" | "social" => Some(DocKind::Post),
        "statement" | "press release" | "press_release" | "release" => Some(DocKind::Statement),
        "other" => Some(DocKind::Other),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_spec_example() {
        let text = "---\nsource: Example Times\nurl: https://example.org/a\npublished: 2023-06-21\ntitle: \"A: title\"\nauthors: [Ana Ruiz, 'Bo Li']\n---\nBody text.\n";
        let fm = parse(text).expect("front matter");
        assert_eq!(fm.meta.source.as_deref(), Some("Example Times"));
        assert_eq!(fm.meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(fm.meta.published.as_deref(), Some("2023-06-21"));
        assert_eq!(fm.meta.title.as_deref(), Some("A: title"));
        assert_eq!(fm.meta.authors, vec!["Ana Ruiz", "Bo Li"]);
        assert_eq!(&text[fm.body_start..], "Body text.\n");
    }

    #[test]
    fn dash_lists_and_crlf() {
        let text = "---\r\nauthor:\r\n  - A\r\n  - B\r\nkind: press release\r\n---\r\nX";
        let fm = parse(text).expect("front matter");
        assert_eq!(fm.meta.authors, vec!["A", "B"]);
        assert_eq!(fm.meta.kind, Some(DocKind::Statement));
        assert_eq!(&text[fm.body_start..], "X");
    }

    #[test]
    fn unclosed_or_absent_block_is_text() {
        assert_eq!(parse("---\nsource: x\nno end"), None);
        assert_eq!(parse("Plain text\n---\n"), None);
        assert_eq!(parse(""), None);
    }
}
