//! Entity mentions against BIO-tagged sentences: GermEval 2014 (German) and the project's own English news
//! set (`data/ner-en-news.tsv`).
//!
//! Scoring is CoNLL style: a predicted name counts only when its token span and type both equal a gold one.
//! Sentences are rebuilt as text from their tokens (no space before closing punctuation, after opening),
//! run through sentence splitting and `find_mentions` one sentence at a time, and mention spans mapped back
//! to tokens; a mention that does not start and end on token edges is a false positive.
//!
//! Type mapping: person → PER, organization → ORG, location and facility → LOC, other → OTH; group mentions
//! and references (pronouns, role nouns) are not scored (CoNLL tags nationalities and groups as MISC, which
//! neither set scores as PER/ORG/LOC). GermEval: the outer (first) tag column; derivations and parts
//! (`LOCderiv` "deutsche", `LOCpart` "EU-weit") are treated as O, since they are not names of their own;
//! OTH is reported but not part of the PER/ORG/LOC figure.
//!
//! German is scored twice: by the rules alone, and by the trained tagger. The shipped German model was trained
//! on the whole GermEval dev set, so its score there is no result; `--cv K` gives the honest figure: the
//! sentences are cut into K contiguous folds and each fold is tagged by a model trained on the other folds
//! only (see `crossval`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use corroborate_core::extract::entities::{Tagger, find_mentions_with, is_reference_surface};
use corroborate_core::model::EntityKind;
use corroborate_core::text::sentences::split_sentences;

#[derive(clap::Args)]
pub struct Args {
    /// GermEval 2014 file (tab-separated: index, token, outer tag, inner tag).
    #[arg(long)]
    pub germeval: Option<PathBuf>,
    /// English set: token<TAB>tag lines, blank line between sentences, `#` comments.
    #[arg(long)]
    pub english: Option<PathBuf>,
    /// Floor for English micro F1 over PER/ORG/LOC.
    #[arg(long)]
    pub min_f1_en: Option<f64>,
    /// Floor for German micro F1 over PER/ORG/LOC, rules alone.
    #[arg(long)]
    pub min_f1_de: Option<f64>,
    /// Cross-validate the German model in this many contiguous folds of the GermEval file.
    #[arg(long)]
    pub cv: Option<usize>,
    /// The project's written German sentences (`data/ner-de-written`), added to every fold's training side.
    #[arg(long, requires = "cv")]
    pub written_de: Option<PathBuf>,
    /// Floor for the cross-validated German micro F1 over PER/ORG/LOC (needs --cv).
    #[arg(long, requires = "cv")]
    pub min_f1_de_cv: Option<f64>,
    /// Print this many missed and spurious names per set.
    #[arg(long, default_value_t = 0)]
    pub errors: usize,
}

/// One gold sentence: tokens and their names as (first token, end token exclusive, type).
pub struct Sentence {
    pub tokens: Vec<String>,
    pub names: Vec<(usize, usize, String)>,
}

/// A name as token span and type; an off-edge prediction has an impossible span.
pub type TokenName = (usize, usize, String);

/// Scored types; OTH only where the set has it.
const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "OTH"];

pub fn run(args: &Args) -> anyhow::Result<bool> {
    if args.english.is_none() && args.germeval.is_none() {
        bail!("give --english FILE and/or --germeval FILE");
    }
    if args.cv.is_some_and(|k| k < 2) {
        bail!("--cv needs at least 2 folds");
    }
    let mut ok = true;
    if let Some(path) = &args.english {
        let sentences = read_bio(path, 0, 1)?;
        let f1 = report("English", &sentences, args.errors, |_, s| {
            predict(s, "en", Tagger::Shipped)
        });
        ok &= args.min_f1_en.is_none_or(|min| f1 >= min);
    }
    if let Some(path) = &args.germeval {
        let sentences = read_bio(path, 1, 2)?;
        let f1 = report(
            "German (GermEval 2014), rules only",
            &sentences,
            args.errors,
            |_, s| predict(s, "de", Tagger::RulesOnly),
        );
        ok &= args.min_f1_de.is_none_or(|min| f1 >= min);
        match args.cv {
            Some(folds) => {
                let extra = crate::written::examples_in(args.written_de.as_deref())?;
                let f1 = crate::crossval::run(&sentences, folds, args.errors, &extra)?;
                ok &= args.min_f1_de_cv.is_none_or(|min| f1 >= min);
            }
            None => {
                report(
                    "German (GermEval 2014), shipped model (trained on these sentences; not a result)",
                    &sentences,
                    0,
                    |_, s| predict(s, "de", Tagger::Shipped),
                );
            }
        }
    }
    Ok(ok)
}

/// Reads a BIO file whose token and tag are in columns `token_col` and `tag_col` (tab-separated).
pub fn read_bio(path: &Path, token_col: usize, tag_col: usize) -> anyhow::Result<Vec<Sentence>> {
    let data =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    let mut tags = Vec::new();
    for line in data.lines().chain(std::iter::once("")) {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !tokens.is_empty() {
                out.push(Sentence {
                    names: spans_of(&tags),
                    tokens: std::mem::take(&mut tokens),
                });
                tags.clear();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(tok), Some(tag)) = (cols.get(token_col), cols.get(tag_col)) else {
            bail!("{}: bad line {line:?}", path.display());
        };
        tokens.push(tok.to_string());
        tags.push(tag.to_string());
    }
    Ok(out)
}

/// Names from BIO tags; derivation and part tags count as O.
fn spans_of(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (bio, ty) = tag.split_once('-').unwrap_or((tag.as_str(), ""));
        let ty = if TYPES.contains(&ty) { ty } else { "" };
        let continues = bio == "I" && open.as_ref().is_some_and(|(_, t)| t == ty);
        if !continues {
            if let Some((start, t)) = open.take() {
                out.push((start, i, t));
            }
            if !ty.is_empty() && (bio == "B" || bio == "I") {
                open = Some((i, ty.to_string()));
            }
        }
    }
    if let Some((start, t)) = open {
        out.push((start, tags.len(), t));
    }
    out
}

/// Text of a token list and each token's byte range in it. The spacing rules are shared with
/// `bench/spacy_ner.py`.
pub fn detokenize(tokens: &[String]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(tokens.len());
    let mut no_space_next = true;
    let mut quote_open = false;
    for tok in tokens {
        let t = tok.as_str();
        let mut attach = (t.starts_with('-') && t.len() > 1)
            || matches!(
                t,
                "." | ","
                    | ";"
                    | ":"
                    | "!"
                    | "?"
                    | ")"
                    | "]"
                    | "}"
                    | "%"
                    | "'s"
                    | "’s"
                    | "'"
                    | "n't"
                    | "”"
            );
        let mut opens = matches!(t, "(" | "[" | "{" | "$" | "“" | "„");
        if t == "\"" {
            if quote_open {
                attach = true;
            } else {
                opens = true;
            }
            quote_open = !quote_open;
        }
        if !text.is_empty() && !attach && !no_space_next {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(t);
        ranges.push((start, text.len()));
        no_space_next = opens;
    }
    (text, ranges)
}

fn scored_type(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("PER"),
        EntityKind::Organization => Some("ORG"),
        EntityKind::Location | EntityKind::Facility => Some("LOC"),
        EntityKind::Other => Some("OTH"),
        EntityKind::Group => None,
    }
}

/// Our names in one sentence, as spans of the corpus's tokens. A name covers every token it overlaps, as a
/// token tagger labels tokens (our "München" inside the corpus token "München/Hamburg" labels that token); of
/// names that land on the same tokens the first is kept; a name with an edge between tokens gets an impossible
/// span.
pub fn predict(s: &Sentence, lang: &str, tagger: Tagger) -> Vec<TokenName> {
    let (text, ranges) = detokenize(&s.tokens);
    let sentences = split_sentences(&text, lang);
    let mut out = Vec::new();
    for m in find_mentions_with(&text, &sentences, lang, tagger) {
        let Some(ty) = scored_type(m.kind) else {
            continue;
        };
        let surface = m.span.slice(&text).unwrap_or("");
        if m.refers_to.is_some() && is_reference_surface(surface, lang) {
            continue;
        }
        match token_span(&ranges, m.span.start, m.span.end) {
            Some((a, b)) => {
                // A token the corpus did not split ("München/Hamburg", "Japan/Korea") holds two of our
                // names: on the corpus's tokens that is one labelled token, as a token tagger would give.
                let clash = out.iter().any(|p: &TokenName| p.0 < b && a < p.1);
                if !clash {
                    out.push((a, b, ty.to_string()));
                }
            }
            None => out.push((usize::MAX, usize::MAX, format!("{ty}:{surface}"))),
        }
    }
    out
}

/// The tokens (start, end exclusive) that the byte span `start..end` overlaps, given each token's byte range;
/// `None` when an edge falls between tokens.
fn token_span(ranges: &[(usize, usize)], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = ranges.iter().position(|r| r.0 <= start && start < r.1)?;
    let last = ranges.iter().position(|r| r.0 < end && end <= r.1)?;
    (first <= last).then_some((first, last + 1))
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.tp, self.pred);
        let r = ratio(self.tp, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores one set with names from `predict`, prints the table, returns micro F1 over PER/ORG/LOC.
pub fn report(
    name: &str,
    sentences: &[Sentence],
    errors: usize,
    mut predict: impl FnMut(usize, &Sentence) -> Vec<TokenName>,
) -> f64 {
    let mut counts: BTreeMap<&str, Counts> =
        TYPES.iter().map(|t| (*t, Counts::default())).collect();
    let mut missed = Vec::new();
    let mut spurious = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        let pred = predict(i, s);
        for (a, b, ty) in &s.names {
            let c = counts.entry(type_key(ty)).or_default();
            c.gold += 1;
            if pred.iter().any(|p| p.0 == *a && p.1 == *b && &p.2 == ty) {
                c.tp += 1;
            } else if missed.len() < errors {
                missed.push(format!(
                    "{ty} {:?} in: {}",
                    s.tokens[*a..*b].join(" "),
                    s.tokens.join(" ")
                ));
            }
        }
        for (a, b, ty) in &pred {
            counts.entry(type_key(ty)).or_default().pred += 1;
            let hit = s.names.iter().any(|g| g.0 == *a && g.1 == *b && &g.2 == ty);
            if !hit && spurious.len() < errors {
                let surface = s
                    .tokens
                    .get(*a..*b)
                    .map(|t| t.join(" "))
                    .unwrap_or_default();
                spurious.push(format!("{ty} {surface:?} in: {}", s.tokens.join(" ")));
            }
        }
    }
    println!("{name}: {} sentences", sentences.len());
    println!(
        "  {:<6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "type", "gold", "pred", "P", "R", "F1"
    );
    let mut micro = Counts::default();
    for ty in TYPES {
        let c = counts.get(ty).copied().unwrap_or_default();
        if c.gold == 0 && c.pred == 0 {
            continue;
        }
        let (p, r, f) = c.prf();
        println!(
            "  {ty:<6} {:>6} {:>6} {p:>6.3} {r:>6.3} {f:>6.3}",
            c.gold, c.pred
        );
        if ty != "OTH" {
            micro.tp += c.tp;
            micro.pred += c.pred;
            micro.gold += c.gold;
        }
    }
    let (p, r, f) = micro.prf();
    println!(
        "  {:<6} {:>6} {:>6} {p:>6.3} {r:>6.3} {f:>6.3}   (micro, PER/ORG/LOC)",
        "all", micro.gold, micro.pred
    );
    for m in &missed {
        println!("  missed   {m}");
    }
    for s in &spurious {
        println!("  spurious {s}");
    }
    f
}

/// The type a prediction counts under ("PER:Foo" for off-edge predictions counts as PER).
fn type_key(ty: &str) -> &'static str {
    let base = ty.split(':').next().unwrap_or(ty);
    TYPES.iter().copied().find(|t| *t == base).unwrap_or("OTH")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn names_inside_one_corpus_token_label_that_token() {
        let (text, ranges) = detokenize(&tokens(&["München/Hamburg", "(", "dpa", ")"]));
        let munich = text.find("München").unwrap();
        let hamburg = text.find("Hamburg").unwrap();
        assert_eq!(
            token_span(&ranges, munich, munich + "München".len()),
            Some((0, 1))
        );
        assert_eq!(
            token_span(&ranges, hamburg, hamburg + "Hamburg".len()),
            Some((0, 1))
        );
        let dpa = text.find("dpa").unwrap();
        assert_eq!(token_span(&ranges, dpa, dpa + 3), Some((2, 3)));
    }

    #[test]
    fn a_name_cut_short_inside_a_token_still_covers_it() {
        let (text, ranges) = detokenize(&tokens(&["Präsident", "George", "W.", "Bush", "sagte"]));
        let start = text.find("George").unwrap();
        let end = text.find("W.").unwrap() + 1;
        assert_eq!(token_span(&ranges, start, end), Some((1, 3)));
    }

    #[test]
    fn an_edge_between_tokens_gives_no_span() {
        let (text, ranges) = detokenize(&tokens(&["in", "Berlin", "heute"]));
        let gap = text.find(" heute").unwrap();
        assert_eq!(token_span(&ranges, gap, gap + 6), None);
    }
}
