//! The document as the browser edits it: each block drawn as elements inside the
//! editing area (a text's runs as `<strong>`, `<em>`, `<u>`, `<a>` around text nodes,
//! never markup from a string), drawn again only where the document changed; and the
//! browser's selection read as carets and set from them. Texts carry `data-t` (which
//! text of their block); a block's index is its place among the area's children, so
//! nothing needs renumbering when blocks move.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use super::state::Sel;
use crate::content::edit::runs::Marks;
use crate::content::edit::{Caret, Part, Place};
use crate::content::{Block, Figure, Inline};
use crate::i18n::te;

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn element(tag: &str, class: &str) -> Element {
    let e = document().create_element(tag).expect("an element");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    e
}

fn attr(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

fn append(parent: &Element, child: &Node) {
    let _ = parent.append_child(child);
}

fn text_node(s: &str) -> Node {
    document().create_text_node(s).into()
}

/// The key of a text within its block.
fn part_key(part: Part) -> String {
    match part {
        Part::Text => "t".into(),
        Part::Item(n) => format!("i{n}"),
        Part::Cell { row, col } => format!("c{row}:{col}"),
    }
}

fn parse_part(key: &str) -> Option<Part> {
    if key == "t" {
        return Some(Part::Text);
    }
    if let Some(n) = key.strip_prefix('i') {
        return n.parse().ok().map(Part::Item);
    }
    let (row, col) = key.strip_prefix('c')?.split_once(':')?;
    Some(Part::Cell {
        row: row.parse().ok()?,
        col: col.parse().ok()?,
    })
}

/// Draws `runs` into the text element `e` (its children replaced).
pub fn paint_runs(e: &Element, runs: &[Inline]) {
    e.set_text_content(None);
    if runs.is_empty() {
        // something for the caret to stand in
        append(e, &element("br", "").into());
        return;
    }
    for run in runs {
        let m = Marks::of(run);
        let tags = [
            (m.link.is_some(), "a"),
            (m.bold, "strong"),
            (m.italic, "em"),
            (m.underline, "u"),
        ];
        // the run's text in its marks, outermost first
        let mut parent = e.clone();
        for (_, tag) in tags.iter().filter(|(on, _)| *on) {
            let w = element(tag, "");
            if *tag == "a"
                && let Some(href) = &m.link
            {
                attr(&w, "href", href);
            }
            append(&parent, &w);
            parent = w;
        }
        append(&parent, &text_node(&run.text));
    }
}

fn text_el(tag: &str, class: &str, part: Part, runs: &[Inline]) -> Element {
    let e = element(tag, class);
    attr(&e, "data-t", &part_key(part));
    paint_runs(&e, runs);
    e
}

/// A labelled field of a block that is not text (a picture's words, a quote's source).
fn field(parent: &Element, label: &str, name: &str, value: &str, picture: Option<usize>) {
    let l = element("label", "eb-field");
    append(&l, &text_node(label));
    let input = element("input", "");
    attr(&input, "type", "text");
    attr(&input, "data-f", name);
    if let Some(p) = picture {
        attr(&input, "data-pic", &p.to_string());
    }
    if let Ok(i) = input.clone().dyn_into::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    }
    append(&l, &input);
    append(parent, &l);
}

fn button(parent: &Element, label: &str, act: &str, picture: Option<usize>) {
    let b = element("button", "button-secondary eb-act");
    attr(&b, "type", "button");
    attr(&b, "data-act", act);
    if let Some(p) = picture {
        attr(&b, "data-pic", &p.to_string());
    }
    append(&b, &text_node(label));
    append(parent, &b);
}

fn figure(parent: &Element, f: &Figure, picture: Option<usize>) {
    let s = te();
    let fig = element("figure", "eb-picture");
    let img = element("img", "");
    attr(&img, "src", &f.src);
    attr(&img, "alt", &f.alt);
    attr(&img, "width", &f.width.to_string());
    attr(&img, "height", &f.height.to_string());
    append(&fig, &img);
    let words = element("div", "eb-fields");
    field(&words, s.alt, "alt", &f.alt, picture);
    field(&words, s.caption, "caption", &f.caption, picture);
    field(&words, s.credit, "credit", &f.credit, picture);
    append(&fig, &words);
    match picture {
        None => button(&fig, s.replace_picture, "replace", None),
        Some(_) => button(&fig, s.remove_picture, "gallery-remove", picture),
    }
    append(parent, &fig);
}

/// The elements of one block.
pub fn block_el(b: &Block) -> Element {
    let s = te();
    match b {
        Block::Paragraph { text } => text_el("p", "eb", Part::Text, text),
        Block::Heading { level, text } => {
            let tag = if *level == 3 { "h3" } else { "h2" };
            text_el(tag, "eb", Part::Text, text)
        }
        Block::Quote { text, cite } => {
            let q = element("blockquote", "eb eb-quote");
            append(&q, &text_el("p", "", Part::Text, text));
            let c = element("div", "eb-fields");
            attr(&c, "contenteditable", "false");
            field(&c, s.cite, "cite", cite, None);
            append(&q, &c);
            q
        }
        Block::List { ordered, items } => {
            let l = element(if *ordered { "ol" } else { "ul" }, "eb");
            for (i, item) in items.iter().enumerate() {
                append(&l, &text_el("li", "", Part::Item(i), item));
            }
            l
        }
        Block::Table { header, rows } => {
            let wrap = element("div", "eb eb-table");
            let table = element("table", "");
            let body = element("tbody", "");
            for (r, row) in rows.iter().enumerate() {
                let tr = element("tr", "");
                for (c, cell) in row.iter().enumerate() {
                    let tag = if *header && r == 0 { "th" } else { "td" };
                    let part = Part::Cell { row: r, col: c };
                    append(&tr, &text_el(tag, "", part, cell));
                }
                append(&body, &tr);
            }
            append(&table, &body);
            append(&wrap, &table);
            wrap
        }
        Block::Image(f) => {
            let w = element("div", "eb eb-figure");
            attr(&w, "contenteditable", "false");
            figure(&w, f, None);
            w
        }
        Block::Gallery { images } => {
            let w = element("div", "eb eb-gallery");
            attr(&w, "contenteditable", "false");
            let grid = element("div", "eb-gallery-grid");
            for (i, f) in images.iter().enumerate() {
                figure(&grid, f, Some(i));
            }
            append(&w, &grid);
            button(&w, s.gallery_add, "gallery-add", None);
            w
        }
        Block::Embed { id, caption, .. } => {
            let w = element("div", "eb eb-embed");
            attr(&w, "contenteditable", "false");
            let url = if id.is_empty() {
                String::new()
            } else {
                format!("https://www.youtube.com/watch?v={id}")
            };
            field(&w, s.video_address, "video", &url, None);
            field(&w, s.caption, "caption", caption, None);
            w
        }
        Block::DocumentRef(r) => {
            let w = element("div", "eb eb-docref");
            attr(&w, "contenteditable", "false");
            let name = element("p", "eb-docref-name");
            append(&name, &text_node(&format!("{} {}", r.kind, r.number)));
            append(&w, &name);
            let summary = element("p", "eb-docref-summary");
            append(&summary, &text_node(&r.summary));
            append(&w, &summary);
            w
        }
        Block::Divider => {
            let w = element("div", "eb eb-divider");
            attr(&w, "contenteditable", "false");
            append(&w, &element("hr", "").into());
            w
        }
    }
}

/// Draws `blocks` into `root`, where `painted` is what it shows (`None`: a block the
/// browser changed): the blocks that are the same at both ends are kept, the ones
/// between drawn again.
pub fn paint(root: &Element, painted: &mut Vec<Option<Block>>, blocks: &[Block]) {
    let (head, tail) =
        super::state::common_ends(painted, blocks, None, |a, b| a.as_ref() == Some(b));
    let children = root.children();
    for _ in head..painted.len() - tail {
        if let Some(c) = children.item(head as u32) {
            c.remove();
        }
    }
    let next: Option<Node> = children.item(head as u32).map(Into::into);
    for b in &blocks[head..blocks.len() - tail] {
        let _ = root.insert_before(&block_el(b), next.as_ref());
    }
    *painted = blocks.iter().cloned().map(Some).collect();
}

/// The block element `e` is in, and its index.
pub fn block_of(root: &Element, e: &Element) -> Option<(Element, usize)> {
    let block = e.closest(".eb").ok()??;
    let children = root.children();
    (0..children.length())
        .find(|i| children.item(*i).as_ref() == Some(&block))
        .map(|i| (block, i as usize))
}

fn element_of(node: &Node) -> Option<Element> {
    match node.clone().dyn_into::<Element>() {
        Ok(e) => Some(e),
        Err(n) => n.parent_element(),
    }
}

/// The text element `node` is in, and its place.
pub fn text_of(root: &Element, node: &Node) -> Option<(Element, Place)> {
    let t = element_of(node)?.closest("[data-t]").ok()??;
    let (_, block) = block_of(root, &t)?;
    let part = parse_part(&t.get_attribute("data-t")?)?;
    Some((t, Place { block, part }))
}

/// A point of the page (a node and an offset in it) as a caret, when it is in a text;
/// a point between blocks is at the start of the next one's first text (after the
/// last: at the end of its last text).
pub fn caret_of(root: &Element, node: &Node, offset: u32) -> Option<Caret> {
    if node == root.as_ref() {
        let children = root.children();
        let (block, end) = match children.item(offset) {
            Some(b) => (b, false),
            None => (children.item(children.length().checked_sub(1)?)?, true),
        };
        let texts = block.query_selector_all("[data-t]").ok()?;
        let t: Element = if block.has_attribute("data-t") {
            block
        } else if end {
            texts
                .item(texts.length().checked_sub(1)?)?
                .dyn_into()
                .ok()?
        } else {
            texts.item(0)?.dyn_into().ok()?
        };
        let n = if end {
            t.text_content().unwrap_or_default().chars().count()
        } else {
            0
        };
        let (_, at) = text_of(root, &t)?;
        return Some(Caret::new(at, n));
    }
    let (t, at) = text_of(root, node)?;
    let range = document().create_range().ok()?;
    range.set_start(&t, 0).ok()?;
    range.set_end(node, offset).ok()?;
    let before: String = range.to_string().into();
    Some(Caret::new(at, before.chars().count()))
}

/// The browser's selection, when both its ends are in texts of `root`.
pub fn selection(root: &Element) -> Option<Sel> {
    let s = web_sys::window()?.get_selection().ok()??;
    let anchor = caret_of(root, &s.anchor_node()?, s.anchor_offset())?;
    let focus = caret_of(root, &s.focus_node()?, s.focus_offset())?;
    Some(Sel { anchor, focus })
}

/// The range an input event will change (`getTargetRanges`), as a selection.
pub fn target_range(root: &Element, ev: &web_sys::InputEvent) -> Option<Sel> {
    let r = ev
        .get_target_ranges()
        .get(0)
        .dyn_into::<web_sys::StaticRange>()
        .ok()?;
    Some(Sel {
        anchor: caret_of(root, &r.start_container(), r.start_offset())?,
        focus: caret_of(root, &r.end_container(), r.end_offset())?,
    })
}

/// The element of the text at `at`.
pub fn text_element(root: &Element, at: Place) -> Option<Element> {
    let block = root.children().item(at.block as u32)?;
    let key = part_key(at.part);
    if block.get_attribute("data-t").as_deref() == Some(key.as_str()) {
        return Some(block);
    }
    block.query_selector(&format!("[data-t=\"{key}\"]")).ok()?
}

/// The text node and UTF-16 offset where character `offset` of `e`'s text is.
fn point_in(e: &Element, offset: usize) -> (Node, u32) {
    fn walk(node: &Node, left: &mut usize, last: &mut Option<(Node, u32)>) -> Option<(Node, u32)> {
        let children = node.child_nodes();
        for i in 0..children.length() {
            let child = children.item(i)?;
            if child.node_type() == Node::TEXT_NODE {
                let s = child.text_content().unwrap_or_default();
                let n = s.chars().count();
                if *left <= n {
                    let units: usize = s.chars().take(*left).map(char::len_utf16).sum();
                    return Some((child, units as u32));
                }
                *left -= n;
                let units = s.encode_utf16().count() as u32;
                *last = Some((child, units));
            } else if let Some(found) = walk(&child, left, last) {
                return Some(found);
            }
        }
        None
    }
    let mut left = offset;
    let mut last = None;
    walk(e, &mut left, &mut last)
        .or(last)
        .unwrap_or_else(|| (e.clone().into(), 0))
}

/// Puts the browser's selection at `sel`; false when a text of it is not shown.
pub fn set_selection(root: &Element, sel: Sel) -> bool {
    let point = |c: Caret| text_element(root, c.at).map(|e| point_in(&e, c.offset));
    let (Some((an, ao)), Some((fnode, fo))) = (point(sel.anchor), point(sel.focus)) else {
        return false;
    };
    let Some(s) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else {
        return false;
    };
    s.set_base_and_extent(&an, ao, &fnode, fo).is_ok()
}
