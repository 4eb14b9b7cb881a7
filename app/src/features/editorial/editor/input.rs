//! What the editing area does with the browser's events. Every edit the browser would
//! make is cancelled at `beforeinput` and made on the document instead (deletions over
//! the browser's own target range, so Unikey's Backspace-and-retype deletes exactly
//! what the browser would); an IME composition (Telex, VNI, Gboard), which Chromium
//! does not let be cancelled, is left to the browser while it lasts and read back once,
//! as one step, when it ends; any other change the browser makes by itself is read
//! back the same way. Keys: marks, undo/redo, Tab in tables, "/" for the block menu.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CompositionEvent, Element, InputEvent, KeyboardEvent};

use super::dom;
use super::surface::Surface;
use crate::content::edit::Part;
use crate::content::edit::history::Change;
use crate::content::edit::runs::Mark;

/// What the keyboard asks of the toolbar (it owns the link box and the block menu).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    Link,
    BlockMenu,
}

fn in_text(s: &Surface, target: Option<web_sys::EventTarget>) -> bool {
    let (Some(root), Some(t)) = (s.root.get_untracked(), target) else {
        return false;
    };
    let root: Element = root.into();
    t.dyn_into::<web_sys::Node>()
        .ok()
        .and_then(|n| {
            if n == *root.as_ref() {
                // the area itself: a caret between blocks
                return Some(());
            }
            dom::text_of(&root, &n).map(|_| ())
        })
        .is_some()
}

pub fn before_input(s: Surface, ev: InputEvent) {
    let kind = ev.input_type();
    if ev.is_composing() || kind == "insertCompositionText" || kind == "deleteCompositionText" {
        return;
    }
    if !in_text(&s, ev.target()) {
        // a picture's words, a quote's source: plain inputs of their own
        return;
    }
    ev.prevent_default();
    let range = s
        .root
        .get_untracked()
        .and_then(|r| dom::target_range(&r.into(), &ev));
    match kind.as_str() {
        "insertText" | "insertReplacementText" => {
            let typed = ev
                .data()
                .or_else(|| {
                    ev.data_transfer()
                        .and_then(|d| d.get_data("text/plain").ok())
                })
                .unwrap_or_default();
            if typed.is_empty() {
                return;
            }
            s.run(|e, sel, now| {
                let over = match (kind.as_str(), range) {
                    ("insertReplacementText", Some(r)) => r,
                    _ => sel,
                };
                e.type_text(over, &typed, now)
            });
        }
        "insertParagraph" | "insertLineBreak" => s.run(|e, sel, now| e.enter(sel, now)),
        "historyUndo" => s.undo(false),
        "historyRedo" => s.undo(true),
        "formatBold" => s.run(|e, sel, now| e.toggle(sel, Mark::Bold, now)),
        "formatItalic" => s.run(|e, sel, now| e.toggle(sel, Mark::Italic, now)),
        "formatUnderline" => s.run(|e, sel, now| e.toggle(sel, Mark::Underline, now)),
        k if k.starts_with("delete") => {
            let back = !k.ends_with("Forward");
            s.run(|e, sel, now| e.delete(sel, range, back, now));
        }
        // pastes and drops arrive as their own events; anything else is not ours
        _ => {}
    }
}

pub fn composition_start(s: Surface, _ev: CompositionEvent) {
    let Some(sel) = s.selection() else {
        return;
    };
    let mut sel = sel;
    if sel.anchor.at != sel.focus.at {
        // replacing a selection over several texts: deleted first, so the IME
        // writes into one text
        s.run(|e, sel, now| e.delete(sel, None, true, now));
        match s.selection() {
            Some(now) => sel = now,
            None => return,
        }
    }
    let (from, _) = sel.range();
    s.composing.set_value(Some((from.at, from.offset)));
}

pub fn composition_end(s: Surface, _ev: CompositionEvent) {
    let Some((at, from)) = s.composing.get_value() else {
        return;
    };
    s.composing.set_value(None);
    read_back(s, at, Some(from), Change::Composition);
    s.ed.update_value(|e| e.history.composition_ended());
}

/// The browser changed the page by itself (outside a composition): read back.
pub fn input(s: Surface, ev: web_sys::Event) {
    let composing = ev.dyn_ref::<InputEvent>().is_some_and(|i| i.is_composing());
    if composing || s.composing.get_value().is_some() || !in_text(&s, ev.target()) {
        return;
    }
    if let Some(sel) = s.selection() {
        read_back(s, sel.focus.at, None, Change::Other);
    }
}

/// The text at `at` as the page shows it, made the document's.
fn read_back(s: Surface, at: crate::content::edit::Place, from: Option<usize>, change: Change) {
    let Some(root) = s.root.get_untracked() else {
        return;
    };
    let root: Element = root.into();
    let Some(el) = dom::text_element(&root, at) else {
        return;
    };
    let shown = el.text_content().unwrap_or_default();
    s.forget(at.block);
    let now = super::surface::now_ms();
    let caret =
        s.ed.try_update_value(|e| e.replace_text(at, &shown, from, change, now))
            .flatten();
    s.after(caret);
}

/// Keys the editing area answers itself; `ask` opens the toolbar's link box or menu.
pub fn key_down(s: Surface, ev: KeyboardEvent, ask: impl Fn(Ask)) {
    if ev.is_composing() || !in_text(&s, ev.target()) {
        return;
    }
    let key = ev.key();
    let command = ev.ctrl_key() || ev.meta_key();
    let done = match key.to_lowercase().as_str() {
        "b" if command => {
            s.run(|e, sel, now| e.toggle(sel, Mark::Bold, now));
            true
        }
        "i" if command => {
            s.run(|e, sel, now| e.toggle(sel, Mark::Italic, now));
            true
        }
        "u" if command => {
            s.run(|e, sel, now| e.toggle(sel, Mark::Underline, now));
            true
        }
        "k" if command => {
            ask(Ask::Link);
            true
        }
        "z" if command => {
            s.undo(ev.shift_key());
            true
        }
        "y" if command => {
            s.undo(true);
            true
        }
        "tab" if !command && !ev.alt_key() => {
            match s.selection().map(|sel| sel.focus.at) {
                Some(at) if matches!(at.part, Part::Cell { .. }) => {
                    s.run(|e, _, now| e.tab(at, ev.shift_key(), now));
                    true
                }
                // out of the area, as everywhere on the page
                _ => false,
            }
        }
        "/" if !command && empty_paragraph(&s) => {
            ask(Ask::BlockMenu);
            true
        }
        "arrowup" | "arrowdown" if ev.alt_key() && ev.shift_key() => {
            let down = key == "ArrowDown";
            s.run(|e, sel, now| super::commands::move_block(e, sel, down, now));
            true
        }
        _ => false,
    };
    if done {
        ev.prevent_default();
    }
}

fn empty_paragraph(s: &Surface) -> bool {
    let Some(sel) = s.selection() else {
        return false;
    };
    s.ed.with_value(|e| {
        matches!(
            e.doc.blocks.get(sel.focus.at.block),
            Some(crate::content::Block::Paragraph { text }) if text.is_empty()
        )
    })
}

/// A paste: the clipboard's HTML (else its text) made into blocks by the server and
/// put over the selection; `notice` says what was left out.
pub fn paste(
    s: Surface,
    ev: web_sys::ClipboardEvent,
    notice: leptos::prelude::RwSignal<Option<String>>,
) {
    use crate::features::editorial::paste::convert_paste;
    use crate::i18n::{fill, te};
    if !in_text(&s, ev.target()) {
        return;
    }
    ev.prevent_default();
    let (Some(data), Some(sel)) = (ev.clipboard_data(), s.selection()) else {
        return;
    };
    let html = data.get_data("text/html").unwrap_or_default();
    let text = data.get_data("text/plain").unwrap_or_default();
    // pictures in the clipboard (a screenshot, a copied image) are uploaded
    let files = super::blocks_ui::picture_files(data.files());
    let uploading = !files.is_empty();
    if uploading {
        super::blocks_ui::upload_pictures(s, files, Some(sel.focus.at.block), notice);
        if text.trim().is_empty() {
            return;
        }
    }
    leptos::task::spawn_local(async move {
        match convert_paste(html, text).await {
            Ok(p) => {
                let now = super::surface::now_ms();
                let caret =
                    s.ed.try_update_value(|e| e.paste(sel, p.doc, now))
                        .flatten();
                s.after(caret);
                notice
                    .set((p.pictures > 0).then(|| fill(te().paste_pictures_left, &[&p.pictures])));
            }
            Err(e) => notice.set(Some(e.to_string())),
        }
    });
}
