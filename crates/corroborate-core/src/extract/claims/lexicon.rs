//! The attribution lexicon of one language, read once from the data tables (`reporting_verbs`, `source_markers`,
//! `claim_nouns`, `hedges`, `negators`, `claim_words`, `role_nouns`, `common_nouns`, `places`). A language without its own tables uses English, so an
//! unknown language still finds quotes and English-like cues rather than nothing.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::lexicon;
use crate::model::Stance;

/// FNV-1a: the claim finder looks words up in these tables several times per token, and short lower-case words
/// hash far faster this way than with the default SipHash (the tables are built from our own data, so the
/// default's protection against chosen keys buys nothing here).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map keyed by words, hashed with [`Fnv`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A set of words, hashed with [`Fnv`].
pub type WordSet = HashSet<String, BuildHasherDefault<Fnv>>;

/// One multi-word entry: its lower-case words and what it stands for.
#[derive(Debug, Clone)]
pub struct Phrase<T> {
    pub words: Vec<String>,
    pub value: T,
}

/// Phrases indexed by their first word, longest first, for greedy matching over tokens.
#[derive(Debug)]
pub struct PhraseIndex<T> {
    by_first: WordMap<String, Vec<Phrase<T>>>,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            by_first: WordMap::default(),
        }
    }
}

impl<T> PhraseIndex<T> {
    fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        list.push(Phrase { words, value });
        list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }

    /// Whether some phrase starts with `word`: a cheap test before collecting the words for [`Self::longest`].
    pub fn starts_with(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }

    /// Every phrase whose words equal `words[..n]`, longest first, each with its `n`.
    pub fn matching<'s, 'w>(
        &'s self,
        words: &'w [&'w str],
    ) -> impl Iterator<Item = (&'s Phrase<T>, usize)> + use<'s, 'w, T> {
        let list = words
            .first()
            .and_then(|f| self.by_first.get(*f))
            .map_or(&[][..], Vec::as_slice);
        list.iter().filter_map(move |p| {
            let n = p.words.len();
            (words.len() >= n && p.words.iter().zip(words).all(|(a, b)| a == b)).then_some((p, n))
        })
    }

    /// The longest phrase whose words equal `words[..n]`; returns it and `n`.
    pub fn longest<'s>(&'s self, words: &[&str]) -> Option<(&'s Phrase<T>, usize)> {
        let first = words.first()?;
        self.by_first.get(*first)?.iter().find_map(|p| {
            let n = p.words.len();
            (words.len() >= n && p.words.iter().zip(words).all(|(a, b)| a == b)).then_some((p, n))
        })
    }
}

/// A reporting verb form.
#[derive(Debug, Clone)]
pub struct Cue {
    pub lemma: String,
    pub stance: Stance,
    /// The form is also a common noun ("report", "calls"), marked `*` in the table.
    pub noun_too: bool,
    /// The form reports speech only next to a direct quote or before a colon ("continued", "exclaimed"),
    /// marked `^` in the table: "he continued" alone is no attribution, "“…,” he continued" is.
    pub quote_only: bool,
    /// The form reports a view only with a clause or an "as" predicate after it, marked `~` in the table:
    /// "she sees that …", "he sees Cruz as a uniter", not "voters see an opening" (perception or action).
    pub clause_only: bool,
    /// The particle of a separable verb that must close the cue's clause, written `form (particle)` in the
    /// table: "räumte (ein)" is a cue in "räumte den Fehler ein, …", not in "räumte das Lager".
    pub particle: Option<String>,
}

/// Where a source preposition stands relative to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerPos {
    /// "according to X", "laut X"
    Before,
    /// "X zufolge"
    After,
    /// "in a CNN poll, …", "…, ahead in the polls": a plain preposition that names a source only when a
    /// `poll_noun` ("poll", "survey") heads the phrase after it.
    Poll,
}

#[derive(Debug, Clone)]
pub struct Marker {
    pub lemma: String,
    pub pos: MarkerPos,
    /// The marker names a source that passes on what somebody else said ("according to", "laut"), flagged
    /// `relay` in the table's fourth column: after an attributed claim it names the claim's intermediary.
    pub relays: bool,
}

/// Everything the claim finder knows about one language.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub cues: PhraseIndex<Cue>,
    /// Nouns that name a claim ("claim", "criticism"), from `claim_nouns`: cues with their owner before them.
    pub nouns: PhraseIndex<Cue>,
    pub markers: PhraseIndex<Marker>,
    pub hedges: PhraseIndex<()>,
    /// Negator → positive replacement (`None` deletes the words).
    pub negators: PhraseIndex<Option<String>>,
    pub role_nouns: WordSet,
    /// Lower-case common nouns that are capitalised in this language (German): never a colon headline's source.
    pub common_nouns: WordSet,
    /// Lower-case place names (`places` of the language and the language-neutral list): a dateline
    /// ("Washington: …") is no source.
    pub places: WordSet,
    classes: WordMap<String, WordSet>,
}

impl Lexicon {
    /// Whether lower-case `word` belongs to closed class `class` of `claim_words`.
    pub fn is(&self, class: &str, word: &str) -> bool {
        self.classes.get(class).is_some_and(|s| s.contains(word))
    }

    fn load(lang: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        load_cues(&mut lex.cues, lexicon::lines(lang, "reporting_verbs"));
        load_cues(&mut lex.nouns, lexicon::lines(lang, "claim_nouns"));
        for entry in lexicon::lines(lang, "source_markers") {
            let mut fields = entry.split('\t').map(str::trim);
            let (Some(lemma), Some(pos), Some(forms)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let pos = match pos {
                "post" => MarkerPos::After,
                "poll" => MarkerPos::Poll,
                _ => MarkerPos::Before,
            };
            let relays = fields.next() == Some("relay");
            for form in forms.split(',') {
                lex.markers.insert(
                    form,
                    Marker {
                        lemma: lemma.to_string(),
                        pos,
                        relays,
                    },
                );
            }
        }
        for entry in lexicon::lines(lang, "hedges") {
            lex.hedges.insert(entry, ());
        }
        for entry in lexicon::lines(lang, "negators") {
            if let Some((k, v)) = entry.split_once('\t') {
                let v = v.trim();
                lex.negators
                    .insert(k.trim(), (v != "-").then(|| v.to_string()));
            }
        }
        lex.role_nouns = lexicon::lowercase_set(lang, "role_nouns")
            .into_iter()
            .collect();
        lex.common_nouns = lexicon::lowercase_set(lang, "common_nouns")
            .into_iter()
            .collect();
        lex.places = lexicon::lowercase_set(lang, "places")
            .into_iter()
            .chain(lexicon::lowercase_set("xx", "places"))
            .collect();
        for entry in lexicon::lines(lang, "claim_words") {
            if let Some((class, words)) = entry.split_once('\t') {
                let set = lex.classes.entry(class.trim().to_string()).or_default();
                set.extend(words.split_whitespace().map(str::to_lowercase));
            }
        }
        // Words opening an indirect question ("asked whether …") come from the table reconciliation reads too,
        // so the claim that asks and the fact it must not support agree on what a question is.
        lex.classes
            .entry("question_opener".to_string())
            .or_default()
            .extend(lexicon::lowercase_set(lang, "question_openers"));
        lex
    }
}

/// Reads `lemma<TAB>stance<TAB>form, form…` entries into `index`.
fn load_cues(index: &mut PhraseIndex<Cue>, entries: Vec<&str>) {
    for entry in entries {
        let mut fields = entry.split('\t').map(str::trim);
        let (Some(lemma), Some(stance), Some(forms)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let Some(stance) = parse_stance(stance) else {
            continue;
        };
        for form in forms.split(',') {
            let (form, particle) = match form.split_once('(') {
                Some((f, p)) => (
                    f,
                    Some(p.trim().trim_end_matches(')').trim().to_lowercase()),
                ),
                None => (form, None),
            };
            let form = form.trim();
            let noun_too = form.ends_with('*');
            let quote_only = form.ends_with('^');
            let clause_only = form.ends_with('~');
            index.insert(
                form.trim_end_matches(['*', '^', '~']),
                Cue {
                    lemma: lemma.to_string(),
                    stance,
                    noun_too,
                    quote_only,
                    clause_only,
                    particle,
                },
            );
        }
    }
}

fn parse_stance(s: &str) -> Option<Stance> {
    Some(match s {
        "neutral" => Stance::Neutral,
        "assertive" => Stance::Assertive,
        "concessive" => Stance::Concessive,
        "negative" => Stance::Negative,
        "evaluative" => Stance::Evaluative,
        "directive" => Stance::Directive,
        _ => return None,
    })
}

/// The lexicon for `lang`: its own when it has a `reporting_verbs` table, else English. Adding a language is
/// adding its tables.
pub fn for_language(lang: &str) -> &'static Lexicon {
    static ALL: OnceLock<HashMap<&'static str, Lexicon>> = OnceLock::new();
    static EMPTY: OnceLock<Lexicon> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        lexicon::languages()
            .into_iter()
            .filter(|l| lexicon::table(l, "reporting_verbs").is_some())
            .map(|l| (l, Lexicon::load(l)))
            .collect()
    });
    all.get(lang)
        .or_else(|| all.get("en"))
        .unwrap_or_else(|| EMPTY.get_or_init(Lexicon::default))
}
