//! Character classes the segmenter works with.

/// Characters that may follow a sentence's final punctuation and still belong to it: closing quotes and brackets.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '“' | '»' | '«' | '›' | '‹' | ')' | ']' | '}'
    )
}

/// Characters that may open a sentence before its first word: opening quotes, brackets, inverted marks.
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '`'
    )
}

/// `?` and `!` and their combined forms.
pub fn is_question_or_exclamation(c: char) -> bool {
    matches!(c, '?' | '!' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Full-width terminals, which end a sentence even without a following space.
pub fn is_fullwidth_terminal(c: char) -> bool {
    matches!(c, '．' | '。' | '！' | '？')
}

/// Terminals after which a glued sentence start ("world.Today") is recognised.
pub fn is_glue_terminal(c: char) -> bool {
    c == '.' || c == '?' || c == '!'
}

/// Bullet characters that open a list item.
pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '►'
            | '▶'
            | '➢'
            | '✓'
            | '✔'
            | '∙'
    )
}

/// Dashes that set off a parenthetical remark ("-- voila! --"), after which a sentence goes on.
pub fn is_parenthetical_dash(s: &str) -> bool {
    s.starts_with("--") || s.starts_with('—')
}
