//! Turning what a user typed into an FTS5 query.
//!
//! User text is never passed to FTS5 as syntax: a stray `"`, `-` or `NEAR` would be an error or change the
//! meaning. Each word becomes a quoted string, "quoted phrases" stay phrases, and all of them must match.

/// The FTS5 query for `input`, or `None` when it holds no searchable word.
pub fn fts_query(input: &str) -> Option<String> {
    let mut terms = Vec::new();
    for (i, part) in input.split('"').enumerate() {
        let in_phrase = i % 2 == 1;
        if in_phrase {
            let words: Vec<&str> = words(part).collect();
            if !words.is_empty() {
                terms.push(format!("\"{}\"", words.join(" ")));
            }
        } else {
            terms.extend(words(part).map(|w| format!("\"{w}\"")));
        }
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Runs of letters and digits: what the unicode61 tokenizer indexes.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn words_are_quoted_and_syntax_is_dropped() {
        assert_eq!(
            fts_query("police -chief NEAR"),
            Some(r#""police" "chief" "NEAR""#.into())
        );
        assert_eq!(
            fts_query(r#"said "riot police" x"#),
            Some(r#""said" "riot police" "x""#.into())
        );
        assert_eq!(fts_query(r#"  " * ( "#), None);
        assert_eq!(fts_query("Bürgermeister"), Some("\"Bürgermeister\"".into()));
    }
}
