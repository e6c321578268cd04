//! Reading what a user typed into a search, and writing it in each backend's query language.
//!
//! User text is never passed on as query syntax: a stray `"`, `-`, `NEAR`, `&`, `!` or `:*` would be an error or
//! change the meaning. A query is a list of terms that must all match; a term is one word, or the words of a
//! "quoted phrase", which must appear in that order, next to each other.

use super::{fold, words};

/// More words than anyone types; a pasted page is cut here rather than sent to the database whole.
const MAX_WORDS: usize = 64;

/// A parsed search: every term must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Query {
    /// Each term's words as typed (a phrase has several).
    terms: Vec<Vec<String>>,
}

impl Query {
    /// The query in `input`, or `None` when it holds no searchable word.
    pub fn parse(input: &str) -> Option<Query> {
        let mut terms: Vec<Vec<String>> = Vec::new();
        let mut budget = MAX_WORDS;
        for (i, part) in input.split('"').enumerate() {
            let in_phrase = i % 2 == 1;
            let found: Vec<String> = words(part)
                .map(|(_, w)| w.to_string())
                .take(budget)
                .collect();
            budget -= found.len();
            if in_phrase {
                if !found.is_empty() {
                    terms.push(found);
                }
            } else {
                terms.extend(found.into_iter().map(|w| vec![w]));
            }
        }
        (!terms.is_empty()).then_some(Query { terms })
    }

    /// A query that matches a document holding any one of `words` (for finding stories that share names with
    /// new reports, not for users' searches); `None` when none is searchable.
    pub fn any_of(words: &[String]) -> Option<Query> {
        let joined = words.join(" ");
        Query::parse(&joined)
    }

    /// As an FTS5 query matching any term.
    pub fn fts5_any(&self) -> String {
        self.fts5_terms().join(" OR ")
    }

    /// As a PostgreSQL `tsquery` literal matching any term.
    pub fn tsquery_any(&self) -> String {
        self.tsquery_terms().join(" | ")
    }

    /// The terms with every word folded as the index stores it (`Café` → `cafe`).
    pub fn folded(&self) -> Vec<Vec<String>> {
        self.terms
            .iter()
            .map(|t| t.iter().map(|w| fold(w)).collect())
            .collect()
    }

    /// As an FTS5 query: every term a quoted string (FTS5 folds them with its own tokenizer).
    pub fn fts5(&self) -> String {
        self.fts5_terms().join(" ")
    }

    fn fts5_terms(&self) -> Vec<String> {
        self.terms
            .iter()
            .map(|t| format!("\"{}\"", t.join(" ")))
            .collect()
    }

    /// As a PostgreSQL `tsquery` literal: folded words quoted as lexemes, phrases joined by `<->`, terms by `&`.
    /// The lexemes are taken as they are (a cast, not `to_tsquery`), just as the documents' `tsvector`s are
    /// made from the same folded words.
    pub fn tsquery(&self) -> String {
        self.tsquery_terms().join(" & ")
    }

    fn tsquery_terms(&self) -> Vec<String> {
        self.folded()
            .iter()
            .map(|t| {
                let lexemes: Vec<String> = t.iter().map(|w| lexeme_literal(w)).collect();
                if lexemes.len() == 1 {
                    lexemes.join("")
                } else {
                    format!("({})", lexemes.join(" <-> "))
                }
            })
            .collect()
    }
}

/// A lexeme quoted for a `tsvector` or `tsquery` literal. Folded words hold only letters and digits, but the
/// quoting does not rely on that.
pub(crate) fn lexeme_literal(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    out.push('\'');
    for c in word.chars() {
        match c {
            '\'' => out.push_str("''"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests {
    use super::Query;

    fn fts5(q: &str) -> Option<String> {
        Query::parse(q).map(|q| q.fts5())
    }

    fn tsquery(q: &str) -> Option<String> {
        Query::parse(q).map(|q| q.tsquery())
    }

    #[test]
    fn words_are_quoted_and_syntax_is_dropped() {
        assert_eq!(
            fts5("police -chief NEAR"),
            Some(r#""police" "chief" "NEAR""#.into())
        );
        assert_eq!(
            fts5(r#"said "riot police" x"#),
            Some(r#""said" "riot police" "x""#.into())
        );
        assert_eq!(fts5(r#"  " * ( "#), None);
        assert_eq!(fts5("Bürgermeister"), Some("\"Bürgermeister\"".into()));
    }

    #[test]
    fn tsquery_is_built_from_folded_lexemes() {
        assert_eq!(
            tsquery(r#"Café "Riot Police" x"#),
            Some("'cafe' & ('riot' <-> 'police') & 'x'".into())
        );
        for odd in ["\"", "&|!", ":*", "'", "\\", "()", "<->"] {
            assert_eq!(tsquery(odd), None, "{odd}");
        }
        assert_eq!(tsquery("fire:* !smoke"), Some("'fire' & 'smoke'".into()));
    }

    #[test]
    fn an_unclosed_quote_is_a_phrase_to_the_end() {
        assert_eq!(
            Query::parse(r#"fire "at the harbour"#).map(|q| q.folded()),
            Some(vec![
                vec!["fire".to_string()],
                vec!["at".into(), "the".into(), "harbour".into()]
            ])
        );
    }

    #[test]
    fn long_input_is_cut() {
        let long = "word ".repeat(500);
        assert_eq!(
            Query::parse(&long).map(|q| q.folded().len()),
            Some(super::MAX_WORDS)
        );
    }
}
