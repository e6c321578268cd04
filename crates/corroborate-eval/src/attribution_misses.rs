//! `attribution --misses`: the gold attributions we missed, grouped and counted two ways, so the next pattern to
//! write is the one that pays most (run it on the train split; dev is for reporting only).
//!
//! - *by cue lemma*: the cue's first content word (auxiliaries like "is", "has", "would" skipped), mapped to its
//!   lemma when our `reporting_verbs` table knows the form (`say`), else the form itself marked `?` (`?seemed`);
//!   a cue without letters is its punctuation (`:`).
//! - *by pattern*: the cue's class (`lex` known form, `unk` unknown word, `punct`), where the source stands and
//!   what it is (`src<pron` a pronoun before the cue, `src>np` a phrase after it, `src-` none; `rel` for "who",
//!   "which", "that"), where the content stands (`content>q` after the cue, opening with a quote mark), and what
//!   we produced there: `swallowed` (one of our contents covers the cue: we read the attribution as content of
//!   another one), `ours-in-sentence` (we found another cue in the sentence), `nothing`.
//!
//! - *unknown cues by text*: the `unk` ones by their whole cue text (`=the consensus view from`).
//!
//! Each group shows one example sentence with the cue in `[[…]]` and the source in `{{…}}`; `--example KEY`
//! prints up to `--examples N` (12) sentences of one group, and `--example +CUE` as many of our attributions
//! with that cue text that matched nothing (what a pattern finds wrongly).

use std::collections::HashMap;

use corroborate_core::model::Span;

use crate::attribution::{Attribution, Frags};

/// Words written before the cue's own word that say nothing about which cue it is.
const AUX: &[&str] = &[
    "is",
    "was",
    "were",
    "are",
    "am",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "did",
    "does",
    "do",
    "not",
    "also",
    "s",
    "ll",
    "d",
    "re",
    "ve",
    "never",
    "still",
    "just",
    "then",
    "later",
    "already",
    "repeatedly",
    "previously",
    "publicly",
];

/// One group of misses: how many, and the first one's sentence.
struct Group {
    count: usize,
    example: String,
}

pub struct Misses {
    /// Cue form (first word) → lemma, from the English `reporting_verbs` table.
    forms: HashMap<String, String>,
    by_lemma: HashMap<String, Group>,
    by_pattern: HashMap<String, Group>,
    /// Unknown cues by their whole text in lower case ("the consensus view from"), which the lemma key cuts to
    /// its first word.
    by_unknown_text: HashMap<String, Group>,
    example_key: Option<String>,
    /// How many examples to keep.
    example_count: usize,
    examples: Vec<String>,
}

impl Misses {
    pub fn new(example_key: Option<String>, example_count: usize) -> Misses {
        let mut forms = HashMap::new();
        for entry in corroborate_core::lexicon::lines("en", "reporting_verbs") {
            let mut fields = entry.split('\t').map(str::trim);
            let (Some(lemma), Some(_), Some(list)) = (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            for form in list.split(',') {
                if let Some(first) = form.split_whitespace().next() {
                    forms
                        .entry(first.trim_end_matches('*').to_string())
                        .or_insert_with(|| lemma.to_string());
                }
            }
        }
        Misses {
            forms,
            by_lemma: HashMap::new(),
            by_pattern: HashMap::new(),
            by_unknown_text: HashMap::new(),
            example_key,
            example_count,
            examples: Vec::new(),
        }
    }

    /// Records one missed gold attribution of an article.
    pub fn add(
        &mut self,
        article: &str,
        text: &str,
        sentences: &[Span],
        gold: &Attribution,
        pred: &[Attribution],
    ) {
        let Some(cue) = gold.cue.as_ref().filter(|c| !c.is_empty()) else {
            return;
        };
        let cue_hull = hull(cue);
        let sentence = sentences
            .iter()
            .copied()
            .find(|s| s.start <= cue_hull.start && cue_hull.start < s.end)
            .unwrap_or(cue_hull);
        let (lemma, known) = self.lemma(text, cue);
        let class = if !lemma.chars().any(char::is_alphanumeric) {
            "punct"
        } else if known {
            "lex"
        } else {
            "unk"
        };
        let source = match gold.source.as_ref().filter(|s| !s.is_empty()) {
            None => "src-".to_string(),
            Some(s) => {
                let h = hull(s);
                let pos = if h.start < cue_hull.start { '<' } else { '>' };
                let words = slice(text, h).to_lowercase();
                let kind = match words.trim() {
                    "who" | "which" | "that" => "rel",
                    "he" | "she" | "they" | "i" | "we" | "you" | "it" | "his" | "her" | "their" => {
                        "pron"
                    }
                    _ => "np",
                };
                format!("src{pos}{kind}")
            }
        };
        let content = match gold.content.as_ref().filter(|c| !c.is_empty()) {
            None => "content-".to_string(),
            Some(c) => {
                let h = hull(c);
                let pos = if h.start < cue_hull.start { '<' } else { '>' };
                let quoted = slice(text, h)
                    .trim_start()
                    .starts_with(['"', '“', '‘', '\'']);
                format!("content{pos}{}", if quoted { "q" } else { "" })
            }
        };
        let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
        let ours = if pred.iter().any(|p| {
            p.content
                .as_ref()
                .is_some_and(|c| c.iter().any(|s| overlaps(*s, cue_hull)))
        }) {
            "swallowed"
        } else if pred.iter().any(|p| {
            p.cue
                .as_ref()
                .is_some_and(|c| c.iter().any(|s| overlaps(*s, sentence)))
        }) {
            "ours-in-sentence"
        } else {
            "nothing"
        };
        let pattern = format!("{class} {source} {content} {ours}");
        let example = marked(text, sentence, cue_hull, gold.source.as_ref().map(hull));
        if self
            .example_key
            .as_deref()
            .is_some_and(|k| k == lemma || k == pattern)
            && self.examples.len() < self.example_count
        {
            self.examples.push(format!("{article}: {example}"));
        }
        let text_key = (class == "unk").then(|| {
            let words: Vec<String> = cue.iter().map(|s| slice(text, *s).to_lowercase()).collect();
            format!(
                "={}",
                words
                    .join(" … ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        });
        if self
            .example_key
            .as_deref()
            .is_some_and(|k| Some(k) == text_key.as_deref())
            && self.examples.len() < self.example_count
        {
            self.examples.push(format!("{article}: {example}"));
        }
        if let Some(key) = text_key {
            self.by_unknown_text
                .entry(key)
                .or_insert_with(|| Group {
                    count: 0,
                    example: example.clone(),
                })
                .count += 1;
        }
        for (map, key) in [(&mut self.by_lemma, lemma), (&mut self.by_pattern, pattern)] {
            map.entry(key)
                .or_insert_with(|| Group {
                    count: 0,
                    example: example.clone(),
                })
                .count += 1;
        }
    }

    /// Records one of our attributions that matched no gold one: shown by `--example +CUE` (the cue's text in
    /// lower case), for checking what a new pattern wrongly finds.
    pub fn spurious(&mut self, article: &str, text: &str, sentences: &[Span], ours: &Attribution) {
        let Some(cue) = ours.cue.as_ref().filter(|c| !c.is_empty()) else {
            return;
        };
        let h = hull(cue);
        let key = format!("+{}", slice(text, h).to_lowercase());
        if self.example_key.as_deref() != Some(key.as_str())
            || self.examples.len() >= self.example_count
        {
            return;
        }
        let sentence = sentences
            .iter()
            .copied()
            .find(|s| s.start <= h.start && h.start < s.end)
            .unwrap_or(h);
        let example = marked(text, sentence, h, ours.source.as_ref().map(hull));
        self.examples.push(format!("{article}: {example}"));
    }

    /// The cue's lemma key and whether our table knows it.
    fn lemma(&self, text: &str, cue: &Frags) -> (String, bool) {
        let words: String = cue
            .iter()
            .map(|s| slice(text, *s))
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let first = words
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .find(|w| !AUX.contains(w));
        match first {
            Some(w) => match self.forms.get(w) {
                Some(lemma) => (lemma.clone(), true),
                None => (format!("?{w}"), false),
            },
            None => {
                let punct: String = words.chars().filter(|c| !c.is_whitespace()).collect();
                (punct, false)
            }
        }
    }

    /// Prints the `top` largest groups of each kind, then the examples asked for.
    pub fn print(&self, top: usize) {
        let total: usize = self.by_pattern.values().map(|g| g.count).sum();
        println!("missed gold attributions (by cue overlap): {total}");
        for (title, map) in [
            ("by cue lemma", &self.by_lemma),
            ("by pattern", &self.by_pattern),
            ("unknown cues by text (key `=TEXT`)", &self.by_unknown_text),
        ] {
            println!("== {title}");
            let mut v: Vec<(&String, &Group)> = map.iter().collect();
            v.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
            for (key, g) in v.into_iter().take(top) {
                println!("{:>5}  {key:<44} e.g. {}", g.count, g.example);
            }
        }
        if let Some(k) = &self.example_key {
            println!("== examples of {k:?}");
            for e in &self.examples {
                println!("  {e}");
            }
        }
    }
}

fn hull(f: &Frags) -> Span {
    let start = f.iter().map(|s| s.start).min().unwrap_or(0);
    let end = f.iter().map(|s| s.end).max().unwrap_or(start);
    Span::new(start, end.max(start))
}

fn slice(text: &str, s: Span) -> &str {
    text.get(s.start..s.end).unwrap_or("")
}

/// The sentence on one line with the cue in `[[…]]` and the source in `{{…}}`, cut to about 240 characters
/// around the cue.
fn marked(text: &str, sentence: Span, cue: Span, source: Option<Span>) -> String {
    let mut marks: Vec<(usize, &str)> = vec![(cue.start, "[["), (cue.end, "]]")];
    if let Some(s) = source.filter(|s| s.start >= sentence.start && s.end <= sentence.end) {
        marks.push((s.start, "{{"));
        marks.push((s.end, "}}"));
    }
    marks.sort_by_key(|m| m.0);
    let from = sentence.start.min(cue.start);
    let to = sentence.end.max(cue.end);
    let mut out = String::new();
    let mut at = from;
    for (pos, m) in marks {
        if pos < at || text.get(at..pos).is_none() {
            continue;
        }
        out.push_str(&text[at..pos]);
        out.push_str(m);
        at = pos;
    }
    out.push_str(text.get(at..to).unwrap_or(""));
    let one_line: String = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = one_line.chars().collect();
    if chars.len() <= 240 {
        return one_line;
    }
    let c = one_line
        .find("[[")
        .map_or(0, |b| one_line[..b].chars().count());
    let a = c.saturating_sub(140);
    let b = (a + 240).min(chars.len());
    format!("…{}…", chars[a..b].iter().collect::<String>())
}
