//! Bytes to text: charset from the byte-order mark, the HTTP `Content-Type` header, an HTML `<meta charset>` or
//! an XML declaration; otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252 (the WHATWG superset of
//! Latin-1 that most mislabelled Western pages really are).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::error::Reason;

/// How many leading bytes are searched for an in-document charset declaration.
const DECLARATION_WINDOW: usize = 4096;

/// Text decoded from bytes, and the encoding that was used.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decodes `bytes`. `content_type` is an HTTP header value, if the bytes came over HTTP.
///
/// Refuses binary data (NUL bytes or many control characters in the first KB) rather than produce mojibake,
/// and refuses bytes that are invalid in an encoding that was explicitly declared as UTF-8.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Result<Decoded, Reason> {
    if looks_binary(bytes) {
        return Err(Reason::Binary);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(enc, &bytes[bom_len..], true);
    }
    let declared = content_type
        .and_then(charset_from_content_type)
        .or_else(|| charset_from_document(&bytes[..bytes.len().min(DECLARATION_WINDOW)]));
    if let Some(enc) = declared {
        // A page that says UTF-16 but has no BOM was re-encoded on the way: trust the bytes instead.
        if enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE {
            // Declared UTF-8 that does not validate is common on the web: fall through to the sniff below,
            // which picks Windows-1252, instead of failing the document.
            if enc != UTF_8 || std::str::from_utf8(bytes).is_ok() {
                return finish(enc, bytes, true);
            }
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
        }),
        Err(_) => finish(WINDOWS_1252, bytes, false),
    }
}

fn finish(enc: &'static Encoding, bytes: &[u8], declared: bool) -> Result<Decoded, Reason> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors && declared && enc == UTF_8 {
        return Err(Reason::Undecodable(enc.name().to_string()));
    }
    if had_errors && replacement_ratio(&text) > 0.05 {
        return Err(Reason::Undecodable(enc.name().to_string()));
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
    })
}

fn replacement_ratio(text: &str) -> f64 {
    let total = text.chars().count().max(1);
    text.chars().filter(|&c| c == '\u{FFFD}').count() as f64 / total as f64
}

/// NUL bytes or a high share of control bytes in the first KB mean this is not text (an image, a PDF, an archive).
/// UTF-16 with a BOM has NULs and is text, so BOMs are checked first.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !head.is_empty() && controls * 10 > head.len()
}

/// `text/html; charset=ISO-8859-1` → Windows-1252 (per WHATWG labels).
pub fn charset_from_content_type(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (k, v) = param.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| Encoding::for_label(v.trim().trim_matches('"').as_bytes()))?
    })
}

/// `<meta charset="...">`, `<meta http-equiv="Content-Type" content="...; charset=...">` or
/// `<?xml ... encoding="..."?>` in the first bytes of a document.
pub fn charset_from_document(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let find_value_after = |needle: &[u8]| -> Option<&'static Encoding> {
        let pos = lower.windows(needle.len()).position(|w| w == needle)? + needle.len();
        let rest = &lower[pos..];
        let rest = rest.strip_prefix(b"=").unwrap_or(rest);
        let rest: &[u8] = match rest.first() {
            Some(b'"') | Some(b'\'') => &rest[1..],
            _ => rest,
        };
        let end = rest
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/' | b'?'))
            .unwrap_or(rest.len());
        Encoding::for_label(&rest[..end])
    };
    if lower.starts_with(b"<?xml")
        && let Some(enc) = find_value_after(b"encoding")
    {
        return Some(enc);
    }
    find_value_after(b"charset")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("Zürich – “quoted”".as_bytes(), None).expect("utf-8");
        assert_eq!(d.text, "Zürich – “quoted”");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn latin1_without_declaration_is_windows_1252() {
        let bytes = b"Caf\xe9 in M\xfcnchen \x93quoted\x94";
        let d = decode(bytes, None).expect("cp1252");
        assert_eq!(d.text, "Café in München “quoted”");
    }

    #[test]
    fn header_charset_wins() {
        let bytes = b"Stra\xdfe";
        let d = decode(bytes, Some("text/plain; charset=ISO-8859-1")).expect("latin1");
        assert_eq!(d.text, "Straße");
    }

    #[test]
    fn meta_charset_is_read() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>\x80 5</body></html>";
        let d = decode(page, None).expect("meta");
        assert!(d.text.contains("€ 5"));
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\xe9";
        assert!(decode(page, None).expect("http-equiv").text.ends_with('é'));
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>\xe9</rss>";
        assert!(decode(xml, None).expect("xml decl").text.contains('é'));
    }

    #[test]
    fn bom_decides() {
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "Hallo".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&utf16, None).expect("utf-16").text, "Hallo");
        assert_eq!(decode(b"\xEF\xBB\xBFhi", None).expect("bom").text, "hi");
    }

    #[test]
    fn binary_is_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(decode(png, None), Err(Reason::Binary));
    }

    #[test]
    fn declared_utf8_that_lies_falls_back() {
        let d = decode(b"<meta charset=utf-8>caf\xe9", None).expect("fallback");
        assert!(d.text.ends_with("café"));
    }
}
