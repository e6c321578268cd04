//! Small helpers over the parsed DOM shared by the metadata and embed readers.

use std::sync::LazyLock;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Node, Selector};

use super::maintext::{collapse_ws, normalize_paragraphs};

/// Compiles a selector written in this crate. The strings are constants, so failure is a programming error
/// caught by the tests; at run time it degrades to a selector that matches nothing instead of panicking.
pub(crate) fn selector(css: &str) -> Selector {
    Selector::parse(css)
        .or_else(|_| Selector::parse("never-an-element-name"))
        .unwrap_or_else(|_| NOTHING.clone())
}

/// A selector that matches nothing, for the (unreachable) case where even the fallback does not parse.
static NOTHING: LazyLock<Selector> = LazyLock::new(|| {
    #[allow(clippy::expect_used)]
    Selector::parse("never-an-element-name").expect("a plain tag name is a valid selector")
});

/// Elements whose boundaries end a line of text (a block) when a page is flattened. One set for the page-text
/// flattener here and the native extractor's block segmentation, so their paragraphs agree.
pub(crate) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "section"
            | "article"
            | "main"
            | "aside"
            | "nav"
            | "header"
            | "footer"
            | "figure"
            | "figcaption"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "dd"
            | "dt"
            | "dl"
            | "pre"
            | "hr"
            | "form"
            | "body"
    )
}

/// Elements whose text is never reader-visible.
fn is_invisible(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "button"
            | "input"
            | "select"
    )
}

/// The visible text of a subtree, one paragraph per block element, whitespace collapsed. `skip` decides
/// elements (and their subtrees) to leave out, e.g. link debris inside a tweet.
pub(crate) fn block_text(root: NodeRef<'_, Node>, skip: &dyn Fn(ElementRef<'_>) -> bool) -> String {
    let mut raw = String::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    // A line break inside a text node is just whitespace in HTML; only block
                    // boundaries (and <br>) break lines.
                    Node::Text(t) => raw.extend(t.chars().map(|c| if c == '\n' { ' ' } else { c })),
                    Node::Element(e) => {
                        let hidden =
                            is_invisible(e.name()) || ElementRef::wrap(node).is_some_and(skip);
                        if hidden && node.id() != root.id() {
                            skipping = Some(node.id());
                        } else if is_block(e.name()) {
                            raw.push('\n');
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && node
                        .value()
                        .as_element()
                        .is_some_and(|e| is_block(e.name()))
                {
                    raw.push('\n');
                }
            }
        }
    }
    normalize_paragraphs(&raw)
}

/// The visible text of an element on one line.
pub(crate) fn inline_text(el: ElementRef<'_>) -> String {
    collapse_ws(&block_text(*el, &|_| false))
}

/// Whether `el` is inside an element matched by `sel` (not counting itself).
pub(crate) fn has_ancestor(el: ElementRef<'_>, sel: &Selector) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| sel.matches(&a))
}
