//! Markdown to plain text: markup goes, words stay. Headings, emphasis, links and block quotes are common in
//! reports saved as `.md`; a claim's evidence offsets must point at prose, not at `**` and `](...)`.

/// Reduces Markdown markup to text, line by line. Link targets and images are dropped, link text is kept,
/// list markers are kept (they help sentence segmentation), fenced code is kept verbatim.
pub fn markdown_to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut in_fence = false;
    for line in md.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut content = trimmed;
        while let Some(rest) = content.strip_prefix('>') {
            content = rest.trim_start();
        }
        let heading = content.trim_start_matches('#');
        if heading.len() < content.len() && (heading.is_empty() || heading.starts_with(' ')) {
            content = heading.trim();
        }
        if is_rule(content) {
            out.push('\n');
            continue;
        }
        out.push_str(&inline(content));
        out.push('\n');
    }
    out
}

/// `---`, `***`, `___` horizontal rules.
fn is_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && (compact.chars().all(|c| c == '-')
            || compact.chars().all(|c| c == '*')
            || compact.chars().all(|c| c == '_'))
}

/// Inline markup: `![alt](src)` dropped, `[text](url)` → text, `**x**`/`__x__`/`*x*`/`` `x` `` → x.
fn inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(pos) = rest.find(['[', '!', '*', '`', '_']) {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if let Some(after) = tail.strip_prefix("![") {
            if let Some((_, after_link)) = link_parts(after) {
                rest = after_link;
                continue;
            }
        } else if let Some(after) = tail.strip_prefix('[') {
            if let Some((text, after_link)) = link_parts(after) {
                out.push_str(text);
                rest = after_link;
                continue;
            }
        } else if tail.starts_with("**") || tail.starts_with("__") {
            rest = &tail[2..];
            continue;
        } else if let Some(after) = tail.strip_prefix('`') {
            rest = after;
            continue;
        } else if tail.starts_with('*') || tail.starts_with('_') {
            // Emphasis markers hug a word; a lone `*` list bullet or `snake_case` stays.
            let prev_is_word = out.chars().next_back().is_some_and(char::is_alphanumeric);
            let next_is_word = tail[1..].chars().next().is_some_and(char::is_alphanumeric);
            if prev_is_word != next_is_word && !(out.trim().is_empty() && tail.starts_with("* ")) {
                rest = &tail[1..];
                continue;
            }
        }
        let ch_len = tail.chars().next().map_or(1, char::len_utf8);
        out.push_str(&tail[..ch_len]);
        rest = &tail[ch_len..];
    }
    out.push_str(rest);
    out
}

/// Given the text after `[`, returns the link text and what follows `](url)`.
fn link_parts(after_bracket: &str) -> Option<(&str, &str)> {
    let close = after_bracket.find("](")?;
    let text = &after_bracket[..close];
    if text.contains('[') {
        return None;
    }
    let target = &after_bracket[close + 2..];
    let end = target.find(')')?;
    Some((text, &target[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_keeps_words() {
        let md = "# Police clear camp\n\n> **Two** residents [died](https://x.org), *officials* said.\n\n![photo](p.jpg)\n- first item\n* second item\n---\nsnake_case stays";
        let text = markdown_to_text(md);
        assert!(text.starts_with("Police clear camp\n"));
        assert!(text.contains("Two residents died, officials said."));
        assert!(!text.contains("p.jpg"));
        assert!(text.contains("- first item"));
        assert!(text.contains("* second item"));
        assert!(text.contains("snake_case stays"));
    }

    #[test]
    fn unbalanced_markup_never_panics() {
        for s in [
            "[", "![", "[x](", "**", "`", "_", "[é](ü", "# ", "###", "> > >",
        ] {
            let _ = markdown_to_text(s);
        }
    }
}
