//! `corroborate-eval attribution DATA_DIR`: our claims against PolNeAR's attribution annotations.
//!
//! For each article of the split, the text goes through sentence splitting and `find_claims` on a `Document`
//! built here (no entity mentions). Narration claims are not attributions in PolNeAR and are left out, except
//! those hedged by an appearance verb ("Christie appeared to end his bid"): PolNeAR marks that verb as the cue of
//! a source-less attribution, so such a claim gives the verb as cue and the rest of its content as content. Each
//! other claim gives a source (`speaker_span`, only when it lies inside the claim's own evidence: a speaker
//! carried over from an earlier paragraph is not written in this attribution), a cue (`cue_span`) and a content
//! (`content`). PolNeAR gives the same three roles, possibly discontinuous, as character offsets (converted here
//! to byte offsets). When an article has several annotators' files, the first in name order is used.
//!
//! Matching, per role, one-to-one:
//! - *exact*: the two spans are equal after trimming whitespace, punctuation and quote marks at both ends (and a
//!   leading "that" for content, which PolNeAR includes and our content excludes); discontinuous gold spans are
//!   taken from their first to their last character;
//! - *overlap*: the two spans share at least one word token (a span without words, like a colon cue, compares
//!   by its punctuation tokens); pairs are matched greedily, most shared tokens first, each span used once.
//!
//! Precision = matched / ours, recall = matched / gold. The top error patterns (missed and spurious cue words,
//! missed source words) are printed after the figures; `--misses` groups the missed attributions by cue lemma and
//! pattern ([`crate::attribution_misses`]).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;

use crate::attribution_misses::Misses;
use corroborate_core::extract::claims::find_claims;
use corroborate_core::model::{ClaimMention, ClaimMode, Document, Span, TokenKind};
use corroborate_core::text::sentences::split_sentences;
use corroborate_core::text::tokens::tokenize;

#[derive(Args, Debug)]
pub struct AttributionArgs {
    /// The PolNeAR folder (holds `data/<split>/text` and `data/<split>/attributions`).
    pub data_dir: PathBuf,
    /// Which split to measure: dev (reported figures) or train (tuning).
    #[arg(long, default_value = "dev")]
    pub split: String,
    /// Fail when the source overlap F1 is lower (0..=1).
    #[arg(long)]
    pub min_source: Option<f64>,
    /// Fail when the cue overlap F1 is lower.
    #[arg(long)]
    pub min_cue: Option<f64>,
    /// Fail when the content overlap F1 is lower.
    #[arg(long)]
    pub min_content: Option<f64>,
    /// Print this many of the most frequent error patterns per kind.
    #[arg(long, default_value_t = 15)]
    pub top: usize,
    /// Show the sentences of up to 12 missed cues with this text (lower case), for error analysis.
    #[arg(long)]
    pub show_missed: Option<String>,
    /// Print our attributions and the gold ones for the article whose name starts with this, for error analysis.
    #[arg(long)]
    pub dump: Option<String>,
    /// Group and count the missed gold attributions by cue lemma and by pattern (use on the train split).
    #[arg(long)]
    pub misses: bool,
    /// With `--misses`: print sentences of the group with this key (a lemma or a pattern), or of our
    /// unmatched attributions whose cue reads the text after a `+`.
    #[arg(long)]
    pub example: Option<String>,
    /// With `--example`: how many sentences to print.
    #[arg(long, default_value_t = 12)]
    pub examples: usize,
    /// Write our attributions to this file as tab-separated lines (article, attribution number, role, start and
    /// end byte): input for `scripts/attribution_ceiling.py`, which measures a learned layer over them.
    #[arg(long)]
    pub write_predictions: Option<PathBuf>,
    /// Count the gold attributions whose cue we found but whose source we missed or got wrong, by gold source
    /// and ours; with a value other than "all", print the sentences of that group ("he -> -").
    #[arg(long)]
    pub source_errors: Option<String>,
}

/// One role of one attribution: its fragments (byte spans).
pub(crate) type Frags = Vec<Span>;

#[derive(Default, Clone)]
pub(crate) struct Attribution {
    pub source: Option<Frags>,
    pub cue: Option<Frags>,
    pub content: Option<Frags>,
}

#[derive(Default)]
struct Counts {
    pred: usize,
    gold: usize,
    exact: usize,
    overlap: usize,
}

impl Counts {
    fn prf(matched: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
        let p = if pred == 0 {
            0.0
        } else {
            matched as f64 / pred as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            matched as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

#[derive(Clone, Copy)]
enum Role {
    Source,
    Cue,
    Content,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Cue => "cue",
            Role::Content => "content",
        }
    }
    fn of(self, a: &Attribution) -> Option<&Frags> {
        match self {
            Role::Source => a.source.as_ref(),
            Role::Cue => a.cue.as_ref(),
            Role::Content => a.content.as_ref(),
        }
    }
}

const ROLES: [Role; 3] = [Role::Source, Role::Cue, Role::Content];

pub fn run(args: AttributionArgs) -> anyhow::Result<bool> {
    let dir = args.data_dir.join("data").join(&args.split);
    let texts = dir.join("text");
    let anns = dir.join("attributions");
    let mut ann_files: Vec<PathBuf> = std::fs::read_dir(&anns)
        .with_context(|| format!("reading {}", anns.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    ann_files.sort();
    let mut seen = HashSet::new();
    let mut counts: Vec<Counts> = (0..3).map(|_| Counts::default()).collect();
    let mut missed_cue: HashMap<String, usize> = HashMap::new();
    let mut spurious_cue: HashMap<String, usize> = HashMap::new();
    let mut missed_source: HashMap<String, usize> = HashMap::new();
    let mut spurious_source: HashMap<String, usize> = HashMap::new();
    let mut articles = 0usize;
    let mut src_err: HashMap<String, usize> = HashMap::new();
    let mut shown = 0usize;
    let mut misses = args
        .misses
        .then(|| Misses::new(args.example.clone(), args.examples));
    let mut predictions = match &args.write_predictions {
        Some(path) => Some(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => None,
    };
    for ann in &ann_files {
        let Some(stem) = ann.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        // `<article>_<annotator>.ann`
        let article = stem.rsplit_once('_').map_or(stem, |(a, _)| a).to_string();
        if !seen.insert(article.clone()) {
            continue;
        }
        let text_path = texts.join(format!("{article}.txt"));
        let Ok(text) = std::fs::read_to_string(&text_path) else {
            eprintln!("skipped {}: no text", text_path.display());
            continue;
        };
        let ann_text =
            std::fs::read_to_string(ann).with_context(|| format!("reading {}", ann.display()))?;
        let gold = parse_ann(&ann_text, &text);
        let sentences = split_sentences(&text, "en");
        let pred = predict(&text, &sentences);
        if let Some(out) = predictions.as_mut() {
            write_predictions(out, &article, &pred)?;
        }
        if args.dump.as_deref().is_some_and(|p| article.starts_with(p)) {
            dump(&text, &gold, &pred);
        }
        articles += 1;
        let words = word_tokens(&text);
        if let Some(want) = args.source_errors.as_deref() {
            source_errors(&text, &words, &gold, &pred, want, &mut src_err);
        }
        for (k, role) in ROLES.iter().enumerate() {
            let g: Vec<&Frags> = gold.iter().filter_map(|a| role.of(a)).collect();
            let p: Vec<&Frags> = pred.iter().filter_map(|a| role.of(a)).collect();
            let (exact, overlap, unmatched_g, unmatched_p) =
                match_role(&text, &words, &g, &p, *role);
            let c = &mut counts[k];
            c.pred += p.len();
            c.gold += g.len();
            c.exact += exact;
            c.overlap += overlap;
            let key = |f: &Frags| {
                f.iter()
                    .filter_map(|s| text.get(s.start..s.end))
                    .collect::<Vec<_>>()
                    .join(" … ")
                    .to_lowercase()
            };
            match role {
                Role::Cue => {
                    for f in &unmatched_g {
                        if args.show_missed.as_deref() == Some(key(f).as_str()) && shown < 12 {
                            shown += 1;
                            let at = f.first().map_or(0, |s| s.start);
                            let a = floor_boundary(&text, at.saturating_sub(200));
                            let b = floor_boundary(&text, at + 80);
                            println!("--- missed {:?} in {article}:\n{}", key(f), &text[a..b]);
                            for c in pred.iter().filter(|c| {
                                c.cue.as_ref().is_some_and(|x| {
                                    x.iter().any(|s| s.start + 400 > at && s.start < at + 200)
                                })
                            }) {
                                let show = |f: &Option<Frags>| first_fragment(&text, f);
                                println!(
                                    "    ours: src={:?} cue={:?} content={:?}",
                                    show(&c.source),
                                    show(&c.cue),
                                    show(&c.content).chars().take(60).collect::<String>()
                                );
                            }
                        }
                    }
                    for f in unmatched_g {
                        *missed_cue.entry(key(f)).or_default() += 1;
                        let attribution = gold
                            .iter()
                            .find(|a| a.cue.as_ref().is_some_and(|c| std::ptr::eq(c, f)));
                        if let (Some(m), Some(a)) = (misses.as_mut(), attribution) {
                            m.add(&article, &text, &sentences, a, &pred);
                        }
                    }
                    for f in unmatched_p {
                        *spurious_cue.entry(key(f)).or_default() += 1;
                        let attribution = pred
                            .iter()
                            .find(|a| a.cue.as_ref().is_some_and(|c| std::ptr::eq(c, f)));
                        if let (Some(m), Some(a)) = (misses.as_mut(), attribution) {
                            m.spurious(&article, &text, &sentences, a);
                        }
                    }
                }
                Role::Source => {
                    for f in unmatched_g {
                        *missed_source.entry(key(f)).or_default() += 1;
                    }
                    for f in unmatched_p {
                        *spurious_source.entry(key(f)).or_default() += 1;
                    }
                }
                Role::Content => {}
            }
        }
    }
    if articles == 0 {
        bail!("no PolNeAR articles under {}", dir.display());
    }
    println!("PolNeAR {} — {} articles", args.split, articles);
    println!(
        "{:<8} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
        "role", "gold", "ours", "P", "R", "F1", "P", "R", "F1"
    );
    println!("{:<22}| {:^20} | {:^20}", "", "exact", "overlap");
    let mut f1 = [0.0; 3];
    for (k, role) in ROLES.iter().enumerate() {
        let c = &counts[k];
        let (ep, er, ef) = Counts::prf(c.exact, c.pred, c.gold);
        let (op, or, of) = Counts::prf(c.overlap, c.pred, c.gold);
        f1[k] = of;
        println!(
            "{:<8} {:>6} {:>6} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3}",
            role.name(),
            c.gold,
            c.pred,
            ep,
            er,
            ef,
            op,
            or,
            of
        );
    }
    for (title, map) in [
        ("missed cues", &missed_cue),
        ("spurious cues", &spurious_cue),
        ("missed sources", &missed_source),
        ("spurious sources", &spurious_source),
    ] {
        let mut v: Vec<(&String, &usize)> = map.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = v
            .iter()
            .take(args.top)
            .map(|(k, n)| format!("{k:?}×{n}"))
            .collect();
        println!("top {title}: {}", shown.join(", "));
    }
    if let Some(m) = &misses {
        m.print(args.top);
    }
    if args.source_errors.is_some() {
        let mut v: Vec<(&String, &usize)> = src_err.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        println!("== source errors where the cue matched (gold -> ours)");
        for (k, n) in v.iter().take(args.top * 3) {
            println!("{n:>5}  {k}");
        }
    }
    if let Some(mut out) = predictions {
        std::io::Write::flush(&mut out).context("writing the predictions file")?;
    }
    let ok = [args.min_source, args.min_cue, args.min_content]
        .iter()
        .zip(f1)
        .all(|(min, f)| min.is_none_or(|m| f >= m));
    Ok(ok)
}

/// Appends one article's attributions to the `--write-predictions` file, a line per role fragment.
fn write_predictions(
    out: &mut impl std::io::Write,
    article: &str,
    pred: &[Attribution],
) -> anyhow::Result<()> {
    for (n, a) in pred.iter().enumerate() {
        for role in ROLES {
            for s in role.of(a).into_iter().flatten() {
                writeln!(
                    out,
                    "{article}\t{n}\t{}\t{}\t{}",
                    role.name(),
                    s.start,
                    s.end
                )?;
            }
        }
    }
    Ok(())
}

/// Our attributions for one text.
fn predict(text: &str, sentences: &[Span]) -> Vec<Attribution> {
    let mut doc = Document::from_text("d1", "polnear", text, "en");
    doc.layers.sentences = sentences.to_vec();
    find_claims(&doc, "en")
        .into_iter()
        .filter_map(|c| {
            if c.mode == ClaimMode::Narration {
                return appearance_attribution(text, &c);
            }
            let inside = |s: &Span| s.start >= c.span.start && s.end <= c.span.end;
            Some(Attribution {
                source: c.speaker_span.filter(inside).map(|s| vec![s]),
                cue: c.cue_span.map(|s| vec![s]),
                content: Some(vec![c.content]),
            })
        })
        .collect()
}

/// The verbs of an outlet's own impression that PolNeAR annotates as cues (other hedges, such as "reportedly",
/// it marks only now and then).
const APPEARANCE_VERBS: [&str; 6] = ["seem", "seems", "seemed", "appear", "appears", "appeared"];

/// A narration claim hedged by an appearance verb, as a source-less attribution: the verb is the cue, the rest
/// of the claim's content the content.
fn appearance_attribution(text: &str, claim: &ClaimMention) -> Option<Attribution> {
    let hedge = claim.hedge_span?;
    let phrase = text.get(hedge.start..hedge.end)?;
    let (at, verb) = phrase
        .split_whitespace()
        .scan(0, |from, w| {
            let at = phrase[*from..].find(w).map_or(*from, |k| *from + k);
            *from = at + w.len();
            Some((at, w))
        })
        .find(|(_, w)| APPEARANCE_VERBS.contains(&w.to_lowercase().as_str()))?;
    let cue = Span::new(hedge.start + at, hedge.start + at + verb.len());
    let content: Frags = [
        Span::new(claim.content.start, cue.start.max(claim.content.start)),
        Span::new(cue.end.min(claim.content.end), claim.content.end),
    ]
    .into_iter()
    .filter(|s| s.end > s.start)
    .collect();
    Some(Attribution {
        source: None,
        cue: Some(vec![cue]),
        content: Some(content),
    })
}

/// Gold attributions of one `.ann` file (character offsets of `text` → byte offsets).
fn parse_ann(ann: &str, text: &str) -> Vec<Attribution> {
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let to_byte = |c: usize| byte_at.get(c).copied();
    let mut spans: HashMap<&str, Frags> = HashMap::new();
    let mut out = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((_, ranges)) = body.split_once(' ') else {
                continue;
            };
            let frags: Frags = ranges
                .split(';')
                .filter_map(|r| {
                    let (a, b) = r.trim().split_once(' ')?;
                    let a = to_byte(a.parse().ok()?)?;
                    let b = to_byte(b.parse().ok()?)?;
                    (a <= b).then(|| Span::new(a, b))
                })
                .collect();
            spans.insert(id, frags);
        } else if id.starts_with('E') {
            let mut a = Attribution::default();
            for part in body.split_whitespace() {
                let Some((role, t)) = part.split_once(':') else {
                    continue;
                };
                let frags = spans.get(t).cloned();
                match role {
                    "Source" => a.source = frags,
                    "Cue" => a.cue = frags,
                    "Content" => a.content = frags,
                    _ => {}
                }
            }
            out.push(a);
        }
    }
    out
}

/// The tokens of the text, by start, each marked whether it is a word or number (punctuation otherwise).
fn word_tokens(text: &str) -> Vec<(Span, bool)> {
    tokenize(text)
        .into_iter()
        .map(|t| {
            (
                t.span,
                matches!(t.kind, TokenKind::Word | TokenKind::Number),
            )
        })
        .collect()
}

/// Indices of the word tokens inside any fragment; for a span without words (a colon cue), its punctuation
/// tokens, so that such a span can still overlap the same mark.
fn token_set(words: &[(Span, bool)], f: &Frags) -> HashSet<usize> {
    let mut inside = Vec::new();
    for s in f {
        let a = words.partition_point(|w| w.0.start < s.start);
        for (i, w) in words.iter().enumerate().skip(a) {
            if w.0.end > s.end {
                break;
            }
            inside.push((i, w.1));
        }
    }
    let any_word = inside.iter().any(|w| w.1);
    inside
        .into_iter()
        .filter(|w| w.1 || !any_word)
        .map(|w| w.0)
        .collect()
}

/// The span's text for exact comparison: hull, ends trimmed of whitespace/punctuation/quotes (and "that").
fn normalized(text: &str, f: &Frags, role: Role) -> Option<(usize, usize)> {
    let start = f.iter().map(|s| s.start).min()?;
    let end = f.iter().map(|s| s.end).max()?;
    let s = text.get(start..end)?;
    let is_trim = |c: char| c.is_whitespace() || (!c.is_alphanumeric() && c != '%' && c != '$');
    let lead = s.len() - s.trim_start_matches(is_trim).len();
    let mut a = start + lead;
    let b = start + s.trim_end_matches(is_trim).len();
    if matches!(role, Role::Content) {
        let rest = text.get(a..b)?;
        if let Some(after) = rest.strip_prefix("that ") {
            a = b - after.len();
        }
    }
    Some((a, b.max(a)))
}

/// Exact and overlap matches between gold and predicted spans of one role; also the unmatched (overlap) ones.
fn match_role<'f>(
    text: &str,
    words: &[(Span, bool)],
    gold: &[&'f Frags],
    pred: &[&'f Frags],
    role: Role,
) -> (usize, usize, Vec<&'f Frags>, Vec<&'f Frags>) {
    let gnorm: Vec<_> = gold.iter().map(|g| normalized(text, g, role)).collect();
    let mut used = vec![false; gold.len()];
    let mut exact = 0;
    for p in pred {
        let pn = normalized(text, p, role);
        if let Some(k) = (0..gold.len()).find(|&k| !used[k] && pn.is_some() && gnorm[k] == pn) {
            used[k] = true;
            exact += 1;
        }
    }
    let gsets: Vec<_> = gold.iter().map(|g| token_set(words, g)).collect();
    let psets: Vec<_> = pred.iter().map(|p| token_set(words, p)).collect();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, ps) in psets.iter().enumerate() {
        for (k, gs) in gsets.iter().enumerate() {
            let n = ps.intersection(gs).count();
            if n > 0 {
                pairs.push((n, i, k));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut pu = vec![false; pred.len()];
    let mut gu = vec![false; gold.len()];
    let mut overlap = 0;
    for (_, i, k) in pairs {
        if !pu[i] && !gu[k] {
            pu[i] = true;
            gu[k] = true;
            overlap += 1;
        }
    }
    let ug = gold
        .iter()
        .zip(&gu)
        .filter(|(_, u)| !**u)
        .map(|(g, _)| *g)
        .collect();
    let up = pred
        .iter()
        .zip(&pu)
        .filter(|(_, u)| !**u)
        .map(|(p, _)| *p)
        .collect();
    (exact, overlap, ug, up)
}

/// The nearest char boundary at or before `i` (clamped to the text).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Both attribution lists of one article, one line each, in text order: `G`old and `O`urs.
fn dump(text: &str, gold: &[Attribution], pred: &[Attribution]) {
    let show = |f: &Option<Frags>| {
        f.as_ref()
            .map(|x| {
                x.iter()
                    .filter_map(|s| text.get(s.start..s.end))
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .unwrap_or_else(|| "-".into())
    };
    let first = |a: &Attribution| {
        [&a.cue, &a.source, &a.content]
            .iter()
            .filter_map(|f| f.as_ref().and_then(|x| x.first()).map(|s| s.start))
            .min()
            .unwrap_or(0)
    };
    let mut rows: Vec<(usize, char, &Attribution)> =
        gold.iter().map(|a| (first(a), 'G', a)).collect();
    rows.extend(pred.iter().map(|a| (first(a), 'O', a)));
    rows.sort_by_key(|r| (r.0, r.1));
    for (at, who, a) in rows {
        let content: String = show(&a.content).chars().take(90).collect();
        println!(
            "{who} {at:>6} src={:?} cue={:?} content={:?}",
            show(&a.source),
            show(&a.cue),
            content
        );
    }
}

/// Gold attributions whose cue one of ours overlaps while its source does not: counted by "gold -> ours"
/// (a name or a long phrase as "NP"), and the sentences of the group `want` printed.
fn source_errors(
    text: &str,
    words: &[(Span, bool)],
    gold: &[Attribution],
    pred: &[Attribution],
    want: &str,
    counts: &mut HashMap<String, usize>,
) {
    let class = |f: &Option<Frags>| -> String {
        let Some(f) = f else {
            return "-".into();
        };
        let t: String = f
            .iter()
            .filter_map(|s| text.get(s.start..s.end))
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if t.split_whitespace().count() == 1 && t.chars().all(|c| c.is_alphabetic()) && t.len() <= 5
        {
            t
        } else {
            "NP".into()
        }
    };
    for g in gold {
        let (Some(gc), Some(_)) = (&g.cue, &g.source) else {
            continue;
        };
        let gcs = token_set(words, gc);
        let Some(p) = pred.iter().find(|p| {
            p.cue
                .as_ref()
                .is_some_and(|c| !token_set(words, c).is_disjoint(&gcs))
        }) else {
            continue;
        };
        let gs = token_set(words, g.source.as_ref().unwrap());
        let ok = p
            .source
            .as_ref()
            .is_some_and(|s| !token_set(words, s).is_disjoint(&gs));
        if ok {
            continue;
        }
        let key = format!("{} -> {}", class(&g.source), class(&p.source));
        if want == key {
            let at = gc.first().map_or(0, |s| s.start);
            let a = floor_boundary(text, at.saturating_sub(160));
            let b = floor_boundary(text, at + 60);
            let show = |f: &Option<Frags>| first_fragment(text, f);
            println!(
                "--- gold src={:?} ours={:?} cue={:?}\n{}",
                show(&g.source),
                show(&p.source),
                show(&g.cue),
                text[a..b].replace('\n', " ")
            );
        }
        *counts.entry(key).or_default() += 1;
    }
}

/// The text of a role's first fragment, or "-" when the role is missing, for error listings.
fn first_fragment(text: &str, f: &Option<Frags>) -> String {
    f.as_ref()
        .and_then(|x| x.first())
        .and_then(|s| text.get(s.start..s.end))
        .unwrap_or("-")
        .to_string()
}
