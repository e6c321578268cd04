//! Finds quotations and brackets that open and close within one block of text, so that punctuation inside them
//! ("He said, \"Stop. Now.\" and left", "(He worked there for 5 years.) at") does not end the outer sentence.
//!
//! Only pairs that actually close count: an unclosed quote (common in news, where a quote running over several
//! paragraphs leaves its closing mark off) protects nothing. Pairs never reach across a hard line break.

use super::chunks::Chunk;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Round,
    Square,
    Curly,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// What the pairing found, per chunk.
pub struct Pairs {
    /// Whether the gap after chunk `i` lies inside a closed quotation or bracket pair.
    pub protected: Vec<bool>,
    /// For a chunk that closes a quotation: the chunk where that quotation opened.
    pub quote_opened_at: Vec<Option<usize>>,
}

/// Pairs up the quotation marks and brackets of `chunks`.
pub fn pair_up(text: &str, chunks: &[Chunk]) -> Pairs {
    let mut depth_change = vec![0i32; chunks.len() + 1];
    let mut quote_opened_at = vec![None; chunks.len()];
    let mut stacks: Vec<(Family, usize)> = Vec::new();
    for (index, chunk) in chunks.iter().enumerate() {
        if chunk.hard_before {
            stacks.clear();
        }
        let s = &text[chunk.start..chunk.end];
        let mut prev: Option<char> = None;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            if let Some((family, role)) = classify(c, prev, next) {
                match role {
                    Role::Open => stacks.push((family, index)),
                    Role::Close => {
                        if let Some(pos) = stacks.iter().rposition(|(f, _)| *f == family) {
                            let (_, open_index) = stacks[pos];
                            stacks.truncate(pos);
                            if matches!(family, Family::Double | Family::Single) {
                                quote_opened_at[index] = Some(open_index);
                            }
                            // Gaps after chunks open_index..index (exclusive of the closing chunk) are inside.
                            if open_index < index {
                                depth_change[open_index] += 1;
                                depth_change[index] -= 1;
                            }
                        }
                    }
                }
            }
            prev = Some(c);
        }
    }
    let mut depth = 0i32;
    let protected = depth_change[..chunks.len()]
        .iter()
        .map(|d| {
            depth += d;
            depth > 0
        })
        .collect();
    Pairs {
        protected,
        quote_opened_at,
    }
}

/// What `c` is, given its neighbours inside the chunk (`None` = whitespace or chunk edge).
fn classify(c: char, prev: Option<char>, next: Option<char>) -> Option<(Family, Role)> {
    let space_before = prev.is_none_or(super::chars::is_opener);
    let word_after = next.is_some_and(|n| !n.is_whitespace());
    let end_after = next.is_none_or(|n| !n.is_alphanumeric());
    let quote_role = || {
        if space_before && word_after {
            Some(Role::Open)
        } else if !space_before && end_after {
            Some(Role::Close)
        } else {
            None
        }
    };
    let family_role = match c {
        '(' => (Family::Round, Role::Open),
        ')' => (Family::Round, Role::Close),
        '[' => (Family::Square, Role::Open),
        ']' => (Family::Square, Role::Close),
        '{' => (Family::Curly, Role::Open),
        '}' => (Family::Curly, Role::Close),
        '„' => (Family::Double, Role::Open),
        '‚' => (Family::Single, Role::Open),
        '"' | '“' | '”' | '«' | '»' => (Family::Double, quote_role()?),
        '‘' | '`' => (Family::Single, Role::Open),
        '\'' | '’' | '‹' | '›' => (Family::Single, quote_role()?),
        _ => return None,
    };
    Some(family_role)
}
