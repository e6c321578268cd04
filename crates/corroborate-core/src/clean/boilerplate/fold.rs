//! Word folding for table matching: lower case, common Latin diacritics dropped ("Síguenos" matches
//! "siguenos"), so tables can be written either way and texts match whether or not accents survived.

/// One word of a line, folded, with its byte span in the line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub folded: String,
    pub start: usize,
    pub end: usize,
    /// Written as `@word`: a handle, neutral on a follow line.
    pub handle: bool,
}

impl Word {
    /// Digits, optionally with a `k`/`m` suffix: share counters ("1.2K shares") rather than prose.
    pub fn is_counter(&self) -> bool {
        let digits = self.folded.trim_end_matches(['k', 'm']);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Appends `c` lower-cased and without its diacritic. A fixed table rather than Unicode decomposition: it
/// covers the languages we ship tables for and keeps the crate free of normalisation dependencies.
pub(crate) fn push_folded(c: char, out: &mut String) {
    for l in c.to_lowercase() {
        match l {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => out.push('a'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => out.push('i'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ł' => out.push('l'),
            'š' | 'ś' => out.push('s'),
            'ž' | 'ź' | 'ż' => out.push('z'),
            'ř' => out.push('r'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            other => out.push(other),
        }
    }
}

/// The words (maximal runs of alphanumeric characters) of `s`, folded; spans are offset by `base`.
/// Punctuation separates words and is otherwise ignored, so "Follow us: on X!" reads as four words.
pub(crate) fn words_into(s: &str, base: usize, out: &mut Vec<Word>) {
    let mut current: Option<Word> = None;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            let w = current.get_or_insert_with(|| Word {
                folded: String::new(),
                start: base + i,
                end: base + i,
                handle: prev == '@',
            });
            push_folded(c, &mut w.folded);
            w.end = base + i + c.len_utf8();
        } else if let Some(w) = current.take() {
            out.push(w);
        }
        prev = c;
    }
    out.extend(current);
}

/// The folded words of a table entry or any text.
pub(crate) fn folded_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    words_into(s, 0, &mut out);
    out.into_iter().map(|w| w.folded).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(
            folded_words("Síguenos en TELEGRAM"),
            ["siguenos", "en", "telegram"]
        );
        assert_eq!(folded_words("Straße, Œuvre"), ["strasse", "oeuvre"]);
    }

    #[test]
    fn spans_and_handles() {
        let mut w = Vec::new();
        words_into("Follow @Reuters!", 10, &mut w);
        assert_eq!(w.len(), 2);
        assert_eq!((w[1].start, w[1].end, w[1].handle), (18, 25, true));
        assert!(!w[0].handle);
    }
}
