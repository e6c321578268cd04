//! Native main-content extraction over the page's one parse (see [`select`] for the choice itself).
//!
//! Pipeline: [`blocks`] flattens the DOM into text blocks and an element table (one walk, names read once),
//! [`score`] judges each block as prose or not from its own text, [`select`] picks the container with the
//! most prose for the least furniture and the story's blocks inside it. [`Extraction::confident`] says when
//! the result should be trusted; otherwise the caller falls back to the slower general extractor.

mod blocks;

mod hints;
mod score;
mod select;

use scraper::Html;

/// The native extractor's result.
#[derive(Debug, Default)]
pub(crate) struct Extraction {
    /// Paragraphs separated by a blank line.
    pub text: String,
    /// Whether the page had a clear article: enough prose, most of it in one container.
    pub confident: bool,
}

/// Least characters of text for a result to be trusted; below it, stories and failures look alike.
const MIN_CHARS: u32 = 250;
/// Least share of the page's prose the chosen container must hold: below it there is no dominant cluster
/// (a listing, or a story split in ways the container choice did not see).
const MIN_SHARE: f32 = 0.6;

/// Extracts the main text of a parsed page.
pub(crate) fn extract(html: &Html) -> Extraction {
    let page = blocks::segment(html.tree.root());
    let sel = select::select(&page);
    let share = sel.container_good as f32 / sel.page_good.max(1) as f32;
    Extraction {
        confident: sel.chars >= MIN_CHARS && share >= MIN_SHARE,
        text: sel.text,
    }
}

#[cfg(test)]
mod tests;
