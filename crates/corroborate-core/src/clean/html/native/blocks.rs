//! Block segmentation: one walk over the parsed page that flattens it into text blocks (the runs of text
//! between block-level boundaries) and a compact table of the elements that own them.
//!
//! Everything later works on these two flat arrays instead of the DOM: elements are stored in document order
//! (a parent always before its children), so sums over subtrees are one backward pass, and a block's text is
//! already whitespace-collapsed the way [`crate::clean::html`] returns text.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::Node;

use super::hints::{Hint, is_consent, is_embed_class, name_hint, tag_hint};
use crate::clean::html::dom::is_block;

/// Index of an element in [`Page::elems`].
pub(crate) type ElemId = u32;

/// One element of the page (inline ones included: their names carry hints too).
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    /// Parent element; the first element (the root of the walk) is its own parent.
    pub parent: ElemId,
    pub hint: Hint,
}

/// A run of visible text between block boundaries.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// Whitespace-collapsed text, never empty.
    pub text: String,
    /// The innermost block-level element around the text.
    pub owner: ElemId,
    /// Characters (not bytes: scripts differ in bytes per letter).
    pub chars: u32,
    /// Characters inside `<a>` links.
    pub link_chars: u32,
}

/// The page flattened.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub elems: Vec<Elem>,
    pub blocks: Vec<Block>,
    /// Whether a visible embedded social post was met (and left out), so the caller knows whether reading
    /// posts is worth a pass over the page.
    pub embeds: bool,
}

/// Elements whose content a reader never sees as text, or that are not the outlet's prose (`head`, form
/// controls, embedded frames).
fn is_invisible(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "option"
            | "object"
            | "canvas"
            | "video"
            | "audio"
            | "map"
    )
}

/// Builder state of the walk.
struct Walker {
    page: Page,
    /// Open tracked elements: (tree node id, element index, is block-level).
    stack: Vec<(ego_tree::NodeId, ElemId, bool)>,
    /// Innermost open block-level element.
    block_owners: Vec<ElemId>,
    buf: String,
    buf_chars: u32,
    buf_link_chars: u32,
    pending_space: bool,
    links_open: u32,
    lowered: String,
}

impl Walker {
    fn owner(&self) -> ElemId {
        self.block_owners.last().copied().unwrap_or(0)
    }

    fn push_text(&mut self, t: &str) {
        let in_link = self.links_open > 0;
        for c in t.chars() {
            if c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}') {
                self.pending_space = !self.buf.is_empty();
                continue;
            }
            if self.pending_space {
                self.buf.push(' ');
                self.buf_chars += 1;
                if in_link {
                    self.buf_link_chars += 1;
                }
                self.pending_space = false;
            }
            self.buf.push(c);
            self.buf_chars += 1;
            if in_link {
                self.buf_link_chars += 1;
            }
        }
    }

    fn flush(&mut self) {
        self.pending_space = false;
        if self.buf.is_empty() {
            return;
        }
        self.page.blocks.push(Block {
            text: std::mem::take(&mut self.buf),
            owner: self.owner(),
            chars: self.buf_chars,
            link_chars: self.buf_link_chars.min(self.buf_chars),
        });
        self.buf_chars = 0;
        self.buf_link_chars = 0;
    }

    /// Whether the element is left out whole, and otherwise its hint.
    fn classify(&mut self, el: &scraper::node::Element) -> Option<Hint> {
        let name = el.name();
        if is_invisible(name) {
            return None;
        }
        let (mut class, mut id, mut article_body) = ("", "", false);
        for (attr, value) in el.attrs() {
            match attr {
                "class" => class = value,
                "id" => id = value,
                "hidden" => return None,
                "data-telegram-post" => {
                    self.page.embeds = true;
                    return None;
                }
                "style" if hides(value) => return None,
                "itemprop" => article_body = value.eq_ignore_ascii_case("articlebody"),
                _ => {}
            }
        }
        // `itemprop=articleBody` is the most deliberate statement a page can make about its body.
        if article_body {
            return Some(Hint::Content);
        }
        self.lowered.clear();
        self.lowered.push_str(class);
        let class_len = self.lowered.len();
        if !id.is_empty() {
            self.lowered.push(' ');
            self.lowered.push_str(id);
        }
        self.lowered.make_ascii_lowercase();
        if class_len > 0 && is_embed_class(&self.lowered[..class_len]) {
            self.page.embeds = true;
            return None;
        }
        let body_like = matches!(name, "html" | "body" | "main" | "article");
        if !body_like && is_consent(&self.lowered) {
            return None;
        }
        let by_name = name_hint(&self.lowered);
        let hint = match (tag_hint(name), by_name) {
            (Hint::Content, _) | (_, Hint::Content) => Hint::Content,
            (Hint::Furniture, _) | (_, Hint::Furniture) => Hint::Furniture,
            _ => Hint::None,
        };
        // The root and body are never furniture, whatever their classes say ("has-sidebar").
        if matches!(name, "html" | "body") && hint == Hint::Furniture {
            return Some(Hint::None);
        }
        Some(hint)
    }
}

/// Flattens the page under `root` (the document) into elements and blocks.
pub(crate) fn segment(root: NodeRef<'_, Node>) -> Page {
    let mut w = Walker {
        page: Page::default(),
        stack: Vec::with_capacity(64),
        block_owners: Vec::with_capacity(32),
        buf: String::new(),
        buf_chars: 0,
        buf_link_chars: 0,
        pending_space: false,
        links_open: 0,
        lowered: String::new(),
    };
    // Element 0 stands for the document itself, so every block has an owner.
    w.page.elems.push(Elem {
        parent: 0,
        hint: Hint::None,
    });
    w.block_owners.push(0);
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => w.push_text(t),
                    Node::Element(e) => {
                        let Some(hint) = w.classify(e) else {
                            skipping = Some(node.id());
                            continue;
                        };
                        let name = e.name();
                        let block = is_block(name);
                        if block {
                            w.flush();
                        }
                        let parent = w.stack.last().map_or(0, |s| s.1);
                        let id = ElemId::try_from(w.page.elems.len()).unwrap_or(ElemId::MAX);
                        w.page.elems.push(Elem { parent, hint });
                        w.stack.push((node.id(), id, block));
                        if block {
                            w.block_owners.push(id);
                        }
                        if name == "a" {
                            w.links_open += 1;
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if w.stack.last().is_some_and(|s| s.0 == node.id()) {
                    let Some((_, _, block)) = w.stack.pop() else {
                        continue;
                    };
                    let name = node.value().as_element().map_or("", |e| e.name());
                    if block {
                        w.flush();
                        w.block_owners.pop();
                    }
                    if name == "a" {
                        w.links_open = w.links_open.saturating_sub(1);
                    }
                }
            }
        }
    }
    w.flush();
    w.page
}

/// Whether an inline style hides the element (`display: none`, any spacing and case).
fn hides(style: &str) -> bool {
    let compact = style
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_lowercase());
    let mut window = [0u8; 12];
    let mut n = 0;
    for b in compact {
        window.rotate_left(1);
        window[11] = b;
        n += 1;
        if n >= 12 && &window == b"display:none" {
            return true;
        }
    }
    false
}
