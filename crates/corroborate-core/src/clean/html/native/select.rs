//! Choosing the article: the element whose subtree holds the most prose for the least furniture, then the
//! blocks inside it that belong to the story.
//!
//! Each element scores `good − PENALTY·other` over its subtree, where `good` counts the characters of prose
//! blocks and `other` those of everything else (link lists, short fragments at a discount, anything under a
//! furniture name). The page root scores all prose but pays for every menu and footer; a paragraph's own `<p>`
//! pays nothing but misses its siblings; the article body usually sits at the maximum. Inside it, link lists
//! and furniture are dropped, and short blocks survive only between prose blocks (a subheading, a one-line
//! quote), not before the first or after the last (bylines, datelines, tag lists, "read more").

use std::collections::HashSet;

use super::blocks::Page;
use super::hints::Hint;
use super::score::{Quality, link_density, quality, sentence_like};

/// Weight of non-prose characters against prose ones when scoring a container.
const PENALTY: f32 = 0.5;
/// Short blocks without links are hardly evidence of furniture: they also occur in the story (subheadings,
/// one-line quotes). Short blocks with links are menus and teasers more often than not.
const SHORT_WEIGHT: f32 = 0.05;
const SHORT_LINKED_WEIGHT: f32 = 0.5;
/// A furniture name on an element holding more than this share of the page's prose is ignored: it names a
/// layout ("has-sidebar", "with-comments"), not the element's own role.
const DOMINANT_SHARE: f32 = 0.7;
/// Bonus for elements named like the article body.
const CONTENT_BONUS: f32 = 1.15;

/// The chosen text and what it rests on.
#[derive(Debug, Default)]
pub(crate) struct Selection {
    /// Paragraphs separated by a blank line.
    pub text: String,
    /// Characters of prose inside the chosen container.
    pub container_good: u32,
    /// Characters of prose on the page outside furniture.
    pub page_good: u32,
    /// Characters of the returned text.
    pub chars: u32,
    /// Blocks of the chosen container left out of the text that are share/follow/cookie/newsletter lines:
    /// reported as removed boilerplate rather than dropped silently.
    pub removed: Vec<String>,
}

/// Chooses the article text of a segmented page.
pub(crate) fn select(page: &Page) -> Selection {
    let n = page.elems.len();
    if n == 0 || page.blocks.is_empty() {
        return Selection::default();
    }
    let quality: Vec<Quality> = page.blocks.iter().map(quality).collect();
    let parent = |i: usize| page.elems[i].parent as usize;

    // Prose per subtree before names are considered, to overrule furniture names on dominant elements.
    let mut raw_good = vec![0u32; n];
    for (b, q) in page.blocks.iter().zip(&quality) {
        if *q == Quality::Good {
            raw_good[b.owner as usize] += b.chars;
        }
    }
    for i in (1..n).rev() {
        raw_good[parent(i)] += raw_good[i];
    }
    let total = raw_good[0].max(1) as f32;
    let mut furniture = vec![false; n];
    for i in 1..n {
        let named =
            page.elems[i].hint == Hint::Furniture && (raw_good[i] as f32) < DOMINANT_SHARE * total;
        furniture[i] = furniture[parent(i)] || named;
    }

    let weight = cluster_weights(page, &quality, &furniture);
    let mut good = vec![0f32; n];
    let mut other = vec![0f32; n];
    for (k, (b, q)) in page.blocks.iter().zip(&quality).enumerate() {
        let o = b.owner as usize;
        let c = b.chars as f32;
        match q {
            _ if furniture[o] => other[o] += c,
            Quality::Good => good[o] += c * weight[k],
            Quality::Short if link_density(b) > 0.2 => other[o] += SHORT_LINKED_WEIGHT * c,
            Quality::Short => other[o] += SHORT_WEIGHT * c,
            Quality::Bad => other[o] += c,
        }
    }
    for i in (1..n).rev() {
        good[parent(i)] += good[i];
        other[parent(i)] += other[i];
    }
    let page_good = good[0];
    let mut best = 0usize;
    let mut best_score = f32::MIN;
    for i in 0..n {
        if furniture[i] || good[i] <= 0.0 {
            continue;
        }
        let mut score = good[i] - PENALTY * other[i];
        if page.elems[i].hint == Hint::Content {
            score *= CONTENT_BONUS;
        }
        // Among equal scores the innermost element wins: it holds the same prose with less around it.
        if score >= best_score {
            best_score = score;
            best = i;
        }
    }

    let mut inside = vec![false; n];
    inside[best] = true;
    for i in best + 1..n {
        inside[i] = inside[parent(i)];
    }
    let kept: Vec<usize> = page
        .blocks
        .iter()
        .enumerate()
        .filter(|(k, b)| {
            let o = b.owner as usize;
            inside[o] && !furniture[o] && quality[*k] != Quality::Bad
        })
        .map(|(k, _)| k)
        .collect();
    let anchors = |k: usize| quality[k] == Quality::Good || sentence_like(&page.blocks[k]);
    let first = kept.iter().position(|&k| anchors(k));
    let last = kept.iter().rposition(|&k| anchors(k));
    let (Some(first), Some(last)) = (first, last) else {
        return Selection {
            page_good: page_good as u32,
            ..Selection::default()
        };
    };
    let used: HashSet<usize> = kept[first..=last].iter().copied().collect();
    let removed = page
        .blocks
        .iter()
        .enumerate()
        .filter(|(k, b)| inside[b.owner as usize] && !used.contains(k))
        .filter(|(_, b)| crate::clean::boilerplate::is_boilerplate_line(&b.text))
        .map(|(_, b)| b.text.clone())
        .collect();
    let mut text = String::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut chars = 0;
    for &k in &kept[first..=last] {
        let b = &page.blocks[k];
        // A repeated block (a pull quote, a caption shown twice) counts once.
        if b.chars >= 20 && !seen.insert(b.text.as_str()) {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&b.text);
        chars += b.chars;
    }
    Selection {
        text,
        container_good: good[best] as u32,
        page_good: page_good as u32,
        chars,
        removed,
    }
}

/// Link or furniture characters between two prose blocks that end a cluster: a teaser's linked headline does,
/// an inline "Advertisement" label or a one-line subheading does not.
const CLUSTER_GAP: f32 = 30.0;
/// A cluster with this share of the largest cluster's prose counts in full; smaller ones in proportion.
const CLUSTER_FULL_SHARE: f32 = 0.25;

/// Per block, how much its prose counts when choosing the container. Prose blocks are grouped into clusters
/// of neighbours (in document order) not separated by link lists or furniture; a story is one or a few large
/// clusters, while the teasers of a "more stories" list are many small ones, each cut off by its linked
/// headline. Small clusters are discounted so that a long list of teasers does not outweigh the story.
fn cluster_weights(page: &Page, quality: &[Quality], furniture: &[bool]) -> Vec<f32> {
    let mut cluster_of = vec![usize::MAX; page.blocks.len()];
    let mut sizes: Vec<f32> = Vec::new();
    let mut gap = f32::MAX;
    for (k, (b, q)) in page.blocks.iter().zip(quality).enumerate() {
        let c = b.chars as f32;
        match q {
            _ if furniture[b.owner as usize] => gap += c,
            Quality::Good => {
                if gap >= CLUSTER_GAP || sizes.is_empty() {
                    sizes.push(0.0);
                }
                gap = 0.0;
                let id = sizes.len() - 1;
                sizes[id] += c;
                cluster_of[k] = id;
            }
            Quality::Short if link_density(b) > 0.2 => gap += c,
            Quality::Short => gap += 0.3 * c,
            Quality::Bad => gap += c,
        }
    }
    let largest = sizes.iter().copied().fold(0.0, f32::max).max(1.0);
    cluster_of
        .iter()
        .map(|&id| {
            sizes.get(id).map_or(0.0, |s| {
                let r = (s / (CLUSTER_FULL_SHARE * largest)).min(1.0);
                r * r
            })
        })
        .collect()
}
