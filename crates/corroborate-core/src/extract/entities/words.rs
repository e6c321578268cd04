//! The token view entity recognition works on: each token of the text stage with what the rules ask of it
//! (capitalised? first of its sentence? a possessive or "-based" ending split off?).

use crate::model::{Span, TokenKind};
use crate::text::tokens::tokenize;

/// One token, its name-relevant core separated from a possessive ("Ruiz's") or "-based" ending.
#[derive(Debug, Clone)]
pub struct Word<'t> {
    /// The core: the name part, without a possessive or "-based" ending.
    pub span: Span,
    pub text: &'t str,
    pub lower: String,
    pub kind: TokenKind,
    /// First letter upper case.
    pub cap: bool,
    /// At least two letters, all upper case ("MLD", "NATO").
    pub all_caps: bool,
    /// First word of its sentence (or of a quotation or heading that starts one).
    pub sent_start: bool,
    /// Index of its sentence.
    pub sent: usize,
    /// The token went on after the core ("Ruiz's", "Jones'", "London-based"): a name cannot go on past it.
    pub cut: bool,
    /// The cut-off ending was "-based"/"-born": the core is a place.
    pub based: bool,
}

/// Endings that make the word before them a place when attached with a hyphen ("London-based").
const PLACE_SUFFIXES: [&str; 4] = ["-based", "-born", "-bound", "-headquartered"];

/// The possessive endings a name may carry.
const POSSESSIVES: [&str; 4] = ["'s", "’s", "'", "’"];

/// Words of `text`, with their sentences from `sentences` (sorted, as the text stage makes them).
pub fn words<'t>(text: &'t str, sentences: &[Span]) -> Vec<Word<'t>> {
    let tokens = tokenize(text);
    let mut out = Vec::with_capacity(tokens.len());
    let mut sent = 0usize;
    let mut prev_sent = usize::MAX;
    let mut prev_opens = true;
    for tok in tokens {
        while sent + 1 < sentences.len() && sentences[sent].end <= tok.span.start {
            sent += 1;
        }
        let Some(full) = tok.span.slice(text) else {
            continue;
        };
        let (core_len, cut, based) = split_ending(full);
        let span = Span::new(tok.span.start, tok.span.start + core_len);
        let core = text.get(span.start..span.end).unwrap_or(full);
        let sent_start = sent != prev_sent || prev_opens;
        prev_sent = sent;
        prev_opens = tok.kind == TokenKind::Punct && opens_sentence(core);
        let mut letters = core.chars().filter(|c| c.is_alphabetic());
        let cap = core.chars().next().is_some_and(char::is_uppercase) || particle_hyphen_name(core);
        let all_caps = core.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && letters.all(|c| !c.is_lowercase());
        out.push(Word {
            span,
            text: core,
            lower: core.to_lowercase(),
            kind: tok.kind,
            cap,
            all_caps,
            sent_start,
            sent,
            cut,
            based,
        });
    }
    out
}

/// "al-Ard", "wal-Karama", "bin-Salman": a short lower-case particle hyphened to a capitalised name.
fn particle_hyphen_name(word: &str) -> bool {
    word.split_once('-').is_some_and(|(particle, rest)| {
        particle.chars().count() <= 3
            && particle.chars().all(char::is_lowercase)
            && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Punctuation after which the next word starts a sentence-like unit (its capital says nothing).
fn opens_sentence(p: &str) -> bool {
    matches!(
        p,
        "“" | "\"" | "„" | "«" | "‘" | ":" | "—" | "–" | "(" | "•" | "-"
    )
}

/// Length of the core of a token, whether an ending was cut, and whether it was a place ending.
fn split_ending(token: &str) -> (usize, bool, bool) {
    for suffix in PLACE_SUFFIXES {
        if let Some(core) = token.strip_suffix(suffix)
            && !core.is_empty()
        {
            return (core.len(), true, true);
        }
    }
    for suffix in POSSESSIVES {
        if let Some(core) = token.strip_suffix(suffix) {
            // "Jones'" but not a lone quote; "'s" needs a letter before it.
            if core.chars().last().is_some_and(char::is_alphabetic) {
                return (core.len(), true, false);
            }
        }
    }
    (token.len(), false, false)
}

/// `text` with diacritics removed from Latin letters ("Lucía" → "Lucia"), for matching spellings.
pub fn fold_diacritics(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ā' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => 'E',
            'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'Í' | 'Ì' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'I',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
            'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' | 'Ō' | 'Ő' => 'O',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => 'U',
            'ñ' | 'ń' | 'ň' => 'n',
            'Ñ' | 'Ń' | 'Ň' => 'N',
            'ç' | 'ć' | 'č' => 'c',
            'Ç' | 'Ć' | 'Č' => 'C',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'Ś' | 'Š' | 'Ş' | 'Ș' => 'S',
            'ž' | 'ź' | 'ż' => 'z',
            'Ž' | 'Ź' | 'Ż' => 'Z',
            'ř' => 'r',
            'Ř' => 'R',
            'ł' => 'l',
            'Ł' => 'L',
            'ğ' => 'g',
            'Ğ' => 'G',
            'ý' | 'ÿ' => 'y',
            'Ý' => 'Y',
            'ţ' | 'ț' | 'ť' => 't',
            'Ţ' | 'Ț' | 'Ť' => 'T',
            'đ' | 'ď' => 'd',
            'Đ' | 'Ď' => 'D',
            other => other,
        })
        .collect()
}
