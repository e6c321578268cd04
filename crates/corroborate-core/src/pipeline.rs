//! Wires the stages together: ingest → clean → text, for every input, in parallel but with a deterministic
//! result (documents are numbered in input order after the parallel part).

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::clean::{self, EmbeddedPost};
use crate::ingest::{self, IngestError, InputBytes, RawDoc};
use crate::model::{DocKind, DocMeta, Document, Layers};
use crate::{extract, reconcile, text};

/// Everything one run produced: the documents (each report followed by its embedded posts) and the inputs or
/// records that were skipped, with the reason.
#[derive(Debug, Default)]
pub struct Analysis {
    pub documents: Vec<Document>,
    pub skipped: Vec<IngestError>,
}

/// How a run is carried out (not what it finds: the result is the same for every setting).
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Worker threads; `None` uses every core.
    pub threads: Option<usize>,
    /// Stop after the text stage (language, sentences, tokens): for benchmarks of ingest+clean+text alone.
    pub skip_extract: bool,
}

/// Analyses inputs on every core. Each item is an input's bytes, or the error met while getting them (a missing
/// file, a failed fetch), so that skipped inputs are reported in the order the user named them.
pub fn analyze(inputs: Vec<Result<InputBytes, IngestError>>) -> Analysis {
    analyze_with(inputs, Options::default())
}

/// [`analyze`] with explicit [`Options`].
pub fn analyze_with(inputs: Vec<Result<InputBytes, IngestError>>, options: Options) -> Analysis {
    let threads = options
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let per_input = par_map(inputs, threads, |input| match input {
        Ok(bytes) => process_input(bytes, !options.skip_extract),
        Err(e) => (Vec::new(), vec![e]),
    });
    let mut analysis = Analysis::default();
    let mut next_id = 1usize;
    for (docs, errors) in per_input {
        analysis.skipped.extend(errors);
        for (mut doc, posts) in docs {
            doc.id = format!("d{next_id}");
            next_id += 1;
            let parent_id = doc.id.clone();
            analysis.documents.push(doc);
            for (i, mut post) in posts.into_iter().enumerate() {
                post.id = format!("{parent_id}.p{}", i + 1);
                post.parent = Some(parent_id.clone());
                analysis.documents.push(post);
            }
        }
    }
    if !options.skip_extract {
        reconcile::dates::anchor_undated(&mut analysis.documents);
    }
    analysis
}

type DocWithPosts = (Document, Vec<Document>);

/// Reads, cleans and annotates one input; ids are assigned later by the caller.
fn process_input(input: InputBytes, extract: bool) -> (Vec<DocWithPosts>, Vec<IngestError>) {
    let outcome = ingest::read_bytes(input);
    let mut errors = outcome.errors;
    let mut docs = Vec::with_capacity(outcome.docs.len());
    for raw in outcome.docs {
        match clean::clean(&raw) {
            Ok(cleaned) => docs.push(build_document(&raw, cleaned, extract)),
            Err(reason) => errors.push(IngestError::new(&raw.origin, reason)),
        }
    }
    (docs, errors)
}

fn build_document(raw: &RawDoc, cleaned: clean::Cleaned, extract: bool) -> DocWithPosts {
    let meta = cleaned.meta;
    let source = meta
        .source
        .clone()
        .unwrap_or_else(|| default_source(&meta, &raw.origin));
    let mut doc = Document {
        id: String::new(),
        source,
        kind: meta.kind.unwrap_or_default(),
        parent: None,
        language: None,
        title: meta.title.clone(),
        url: meta.url.clone(),
        published: meta.published.clone(),
        authors: meta.authors.clone(),
        text: cleaned.text,
        removed: cleaned.removed,
        origin: raw.origin.clone(),
        layers: Layers::default(),
    };
    text::annotate(&mut doc, meta.language_hint.as_deref());
    if extract {
        extract::annotate(&mut doc);
    }
    let posts = cleaned
        .posts
        .into_iter()
        .map(|p| post_document(p, &raw.origin, extract))
        .collect();
    (doc, posts)
}

fn post_document(post: EmbeddedPost, origin: &str, extract: bool) -> Document {
    let mut doc = Document {
        id: String::new(),
        source: post.source_name(),
        kind: DocKind::Post,
        parent: None,
        language: None,
        title: None,
        url: post.url.clone(),
        published: post.published.clone(),
        authors: post.account_name.clone().into_iter().collect(),
        text: post.text,
        removed: Vec::new(),
        origin: origin.to_string(),
        layers: Layers::default(),
    };
    text::annotate(&mut doc, post.language_hint.as_deref());
    if extract {
        extract::annotate(&mut doc);
    }
    doc
}

/// SPEC: without `source`, the source is the URL's host, else the file name's stem.
fn default_source(meta: &DocMeta, origin: &str) -> String {
    if let Some(host) = meta.url.as_deref().and_then(url_host) {
        return host.to_string();
    }
    let path = origin.split('#').next().unwrap_or(origin);
    if path == "-" {
        return "stdin".to_string();
    }
    if let Some(host) = url_host(path) {
        return host.to_string();
    }
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = file.split_once('.').map_or(file, |(stem, _)| stem);
    if stem.is_empty() {
        file.to_string()
    } else {
        stem.to_string()
    }
}

/// The host of an http(s) URL, without `www.` and port.
pub fn url_host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// Maps `f` over `items` on `threads` threads, keeping the order of `items` in the result.
fn par_map<T: Send, U: Send>(items: Vec<T>, threads: usize, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    let workers = threads.min(items.len());
    if workers <= 1 {
        return items.into_iter().map(f).collect();
    }
    let n = items.len();
    let queue: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let results: Vec<Mutex<Option<U>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let item = queue[i].lock().ok().and_then(|mut slot| slot.take());
                    if let Some(item) = item {
                        let out = f(item);
                        if let Ok(mut slot) = results[i].lock() {
                            *slot = Some(out);
                        }
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .filter_map(|m| m.into_inner().ok().flatten())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_defaults() {
        let meta = DocMeta {
            url: Some("https://www.courier.example:443/a".into()),
            ..Default::default()
        };
        assert_eq!(default_source(&meta, "x.txt"), "courier.example");
        assert_eq!(
            default_source(&DocMeta::default(), "stories/valley-post.md"),
            "valley-post"
        );
        assert_eq!(default_source(&DocMeta::default(), "feed.jsonl#3"), "feed");
        assert_eq!(default_source(&DocMeta::default(), "-"), "stdin");
    }

    #[test]
    fn par_map_keeps_order() {
        let out = par_map((0..100).collect(), 3, |x: i32| x * 2);
        assert_eq!(out, (0..100).map(|x| x * 2).collect::<Vec<_>>());
    }
}
