//! The signature line of a pasted post: a dash, the account name, `(@handle)`, a date, optionally a link —
//! "— Ana Ruiz (@anaruiz) June 21, 2023", "-- Ana (@ana) 21. Juni 2023 https://twitter.com/anaruiz/status/1".
//! Parsed by hand: find `(@`, check the pieces around it; no backtracking.

use crate::clean::boilerplate::{links, whitespace_words};
use crate::ingest::dates::normalize_published;

/// Dashes a copied embed puts before the account: em dash, en dash, horizontal bar, hyphen(s).
const DASHES: &[char] = &['—', '–', '―', '-'];
/// Longest account name we accept, in characters and words: names, not sentences.
const MAX_NAME_CHARS: usize = 80;
const MAX_NAME_WORDS: usize = 10;
/// Longest span between the dash and `(@`, in bytes (80 characters of up to four bytes, plus spaces).
const MAX_NAME_BYTES: usize = 4 * MAX_NAME_CHARS + 8;
/// Longest part after the handle: a date and a link or two.
const MAX_TAIL_BYTES: usize = 400;
/// Longest date part, in words ("Wednesday, June 21, 2023 at 10:15 AM").
const MAX_DATE_WORDS: usize = 10;

/// A parsed signature.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Signature {
    pub name: String,
    pub handle: String,
    /// ISO date of the date part, when it reads as one.
    pub published: Option<String>,
    /// Links after the date, as written.
    pub links: Vec<String>,
}

/// Finds a signature in `line`: either the whole line ("— Name (@h) date") or its tail after a dash that
/// follows the post body on the same line. Returns the body part before the dash (trimmed, maybe empty).
///
/// Bounded work per line: the signature's `(@` is the line's last (names may not hold brackets, dates and
/// links cannot), its tail is at most [`MAX_TAIL_BYTES`], and its dash at most [`MAX_NAME_BYTES`] before it.
pub(crate) fn find(line: &str) -> Option<(&str, Signature)> {
    let t = line.trim();
    let open = t.rfind("(@")?;
    let (handle, published, links) = tail(&t[open + 2..])?;
    let sig = |name: &str| Signature {
        name: name.to_string(),
        handle: handle.to_string(),
        published: published.clone(),
        links: links.clone(),
    };
    if t.starts_with(DASHES)
        && let Some(name) = name_after_dash(&t[..open])
    {
        return Some(("", sig(name)));
    }
    // Same-line form: the dash nearest the handle, preceded by whitespace (a dash inside the body or inside
    // a hyphenated name is further left or not spaced).
    let mut from = open.saturating_sub(MAX_NAME_BYTES);
    while !t.is_char_boundary(from) {
        from -= 1;
    }
    t[from..open]
        .char_indices()
        .rev()
        .map(|(i, c)| (from + i, c))
        .filter(|&(i, c)| DASHES.contains(&c) && t[..i].ends_with(char::is_whitespace))
        .find_map(|(i, _)| Some((t[..i].trim_end(), sig(name_after_dash(&t[i..open])?))))
}

/// The account name in "— Name " (dash included), when it is one.
fn name_after_dash(s: &str) -> Option<&str> {
    let s = s.trim_start_matches(DASHES);
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return None; // "-5 (@x) …" is a number, not a dash
    }
    let name = s.trim();
    valid_name(name).then_some(name)
}

/// The part after `(@`: the handle, `)`, then a date and/or links up to the end of the line.
#[allow(clippy::type_complexity)]
fn tail(after: &str) -> Option<(&str, Option<String>, Vec<String>)> {
    let close = after.find(')')?;
    let handle = &after[..close];
    let rest = after[close + 1..].trim();
    if !valid_handle(handle) || rest.len() > MAX_TAIL_BYTES {
        return None;
    }
    let mut date_words = Vec::new();
    let mut link_words = Vec::new();
    for (_, w) in whitespace_words(rest) {
        if links::is_link(w) {
            link_words.push(w.to_string());
        } else if link_words.is_empty() {
            date_words.push(w);
        } else {
            return None; // prose after the link: not a signature
        }
    }
    let date = date_words.join(" ");
    let published = normalize_published(&date);
    let date_shaped =
        published.is_some() || (date_words.len() <= MAX_DATE_WORDS && has_year(&date));
    (date_shaped || date.is_empty() && !link_words.is_empty())
        .then_some((handle, published, link_words))
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && name.split_whitespace().count() <= MAX_NAME_WORDS
        && !name.contains(['(', ')', '\n'])
}

fn valid_handle(handle: &str) -> bool {
    (1..=32).contains(&handle.len())
        && handle
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
}

/// A four-digit number from 1900 on: a date we could not read fully still counts as a date.
fn has_year(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && ("1900"..="2199").contains(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_line_forms() {
        let (body, s) = find("— Ana Ruiz (@anaruiz) June 21, 2023").expect("signature");
        assert_eq!(
            (body, s.name.as_str(), s.handle.as_str()),
            ("", "Ana Ruiz", "anaruiz")
        );
        assert_eq!(s.published.as_deref(), Some("2023-06-21"));
        let (_, s) = find("-- Polizei Berlin (@polizeiberlin) 21. Juni 2023").expect("signature");
        assert_eq!(s.published.as_deref(), Some("2023-06-21"));
        let (_, s) = find("― X (@x_1) June 21, 2023 at 10:15 AM https://twitter.com/x_1/status/9")
            .expect("sig");
        assert_eq!(s.published.as_deref(), Some("2023-06-21T10:15:00"));
        assert_eq!(s.links, ["https://twitter.com/x_1/status/9"]);
        let (_, s) = find("- Ministerio (@min) 21 de junio de 2023").expect("signature");
        assert_eq!(s.published.as_deref(), Some("2023-06-21"));
    }

    #[test]
    fn same_line_form() {
        let (body, s) =
            find("Hoy marchamos. pic.twitter.com/AbC — Ana (@ana) 21 June 2023").expect("sig");
        assert_eq!(body, "Hoy marchamos. pic.twitter.com/AbC");
        assert_eq!(s.name, "Ana");
        let (body, s) =
            find("Calm - for now - in the city — Bob Li (@bobli) June 1, 2023").expect("sig");
        assert_eq!(
            (body, s.name.as_str()),
            ("Calm - for now - in the city", "Bob Li")
        );
    }

    #[test]
    fn prose_is_not_a_signature() {
        assert!(find("— Ana (@ana) said the police had lied").is_none());
        assert!(find("The mayor (@mayor) June 21, 2023").is_none());
        assert!(find("— (@ana) June 21, 2023").is_none());
        assert!(find("— Ana (@a b) June 21, 2023").is_none());
    }
}
