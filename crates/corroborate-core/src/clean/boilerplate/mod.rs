//! Boilerplate in plain text: share/follow/subscribe lines, share bars ("Facebook Twitter WhatsApp Email"),
//! cookie and newsletter prompts, "Advertisement"/"Read more:" lines, and link debris left by copied embeds
//! ("pic.twitter.com/AbC123", t.co links, a lone URL trailing a sentence).
//!
//! Runs on plain-text inputs and on the main text the HTML extractor produced. Whole lines go only by the
//! rules in [`rules`] (short and made of nothing but table phrases, or a line-start prompt); inside a kept line
//! only link debris is cut. Phrases live in `data/<lang>/boilerplate.txt` and `data/xx/*.txt` (see
//! [`crate::lexicon`]), compiled once.

mod fold;
pub(crate) mod links;
mod phrases;
mod rules;

pub(crate) use rules::whitespace_words;

/// Whether a whole line is boilerplate by the same rules [`strip_boilerplate`] applies. The HTML extractor asks
/// this of the blocks it leaves out of an article, so dropped share/follow lines are still reported.
pub fn is_boilerplate_line(line: &str) -> bool {
    rules::is_boilerplate_line(line.trim())
}

/// Text with boilerplate dropped, and the dropped strings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stripped {
    /// The clean text. Identical to the input when nothing was removed.
    pub text: String,
    /// Every dropped string as it was written (trimmed), in text order: whole lines and cut link words.
    pub removed: Vec<String>,
}

/// Drops boilerplate from `text` (paragraphs separated by blank lines, lines by `\n`).
/// Never drops article body: only whole lines that the boilerplate rules accept, and link debris words.
/// Kept lines keep their text; blank lines left behind collapse, so paragraph structure survives.
pub fn strip_boilerplate(text: &str) -> Stripped {
    let mut removed = Vec::new();
    let mut kept: Vec<std::borrow::Cow<'_, str>> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            kept.push("".into());
        } else if rules::is_boilerplate_line(trimmed) {
            removed.push(trimmed.to_string());
        } else {
            match rules::cut_debris(line, &mut removed) {
                Some(edited) => kept.push(edited.into()),
                None => kept.push(line.into()),
            }
        }
    }
    if removed.is_empty() {
        return Stripped {
            text: text.to_string(),
            removed,
        };
    }
    Stripped {
        text: join_lines(kept.iter().map(|l| l.as_ref()), text.ends_with('\n')),
        removed,
    }
}

/// Joins kept lines with `\n`, collapsing runs of blank lines to one (the paragraph break that was there)
/// and dropping blank lines at the start and end. Shared with the pasted-post splitter.
pub(crate) fn join_lines<'a>(lines: impl Iterator<Item = &'a str>, final_newline: bool) -> String {
    let mut out = String::new();
    let mut pending_blank = false;
    for line in lines {
        if line.trim().is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if pending_blank { "\n\n" } else { "\n" });
        }
        out.push_str(line.trim_end());
        pending_blank = false;
    }
    if final_newline && !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
