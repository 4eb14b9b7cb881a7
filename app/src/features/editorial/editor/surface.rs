//! The editing area's handle, shared by its event handlers and the toolbar: the
//! editor's state, what the area shows, the selection last seen in it, and `run`,
//! which applies a command, draws what changed and puts the caret back.

use leptos::html::Div;
use leptos::prelude::*;

use super::dom;
use super::state::{Editor, Focus, Sel};
use crate::content::edit::{Caret, Place};
use crate::content::{Block, Doc};

/// Milliseconds on a steady clock, for grouping typing into steps.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// How long after the last change the counts and warnings are made again.
pub const SETTLE_MS: u64 = 300;

#[derive(Clone, Copy)]
pub struct Surface {
    pub ed: StoredValue<Editor>,
    painted: StoredValue<Vec<Option<Block>>>,
    pub root: NodeRef<Div>,
    /// Goes up with every change of the document (autosave, the local copy).
    pub version: RwSignal<u64>,
    /// Goes up a moment after changes stop (the counts, the warnings: not at every key).
    pub settled: RwSignal<u64>,
    /// Where the caret is, for the toolbar.
    pub focus: RwSignal<Focus>,
    /// The selection last seen in the area (the toolbar acts on it).
    last: StoredValue<Option<Sel>>,
    /// The selection the editor itself put: one the browser reports otherwise was a
    /// move by hand (a click, an arrow key), which starts a new undo step.
    put: StoredValue<Option<Sel>>,
    /// An IME composition going on: its text and where it began.
    pub composing: StoredValue<Option<(Place, usize)>>,
}

impl Surface {
    pub fn new(doc: Doc) -> Surface {
        Surface {
            ed: StoredValue::new(Editor::new(doc)),
            painted: StoredValue::new(Vec::new()),
            root: NodeRef::new(),
            version: RwSignal::new(0),
            settled: RwSignal::new(0),
            focus: RwSignal::new(Focus::default()),
            last: StoredValue::new(None),
            put: StoredValue::new(None),
            composing: StoredValue::new(None),
        }
    }

    pub fn doc(&self) -> Doc {
        self.ed.with_value(|e| e.doc.clone())
    }

    fn root_el(&self) -> Option<web_sys::Element> {
        self.root.get_untracked().map(Into::into)
    }

    /// Draws what changed since the area was last drawn.
    pub fn repaint(&self) {
        let Some(root) = self.root_el() else {
            return;
        };
        self.ed.with_value(|e| {
            self.painted
                .update_value(|p| dom::paint(&root, p, &e.doc.blocks))
        });
    }

    /// Block `b` is to be drawn again whatever it was (the browser changed it).
    pub fn forget(&self, b: usize) {
        self.painted.update_value(|p| {
            if let Some(x) = p.get_mut(b) {
                *x = None;
            }
        });
    }

    /// A block's words changed in one of its fields: shown already, not to be drawn.
    pub fn shown(&self, b: usize) {
        let block = self.ed.with_value(|e| e.doc.blocks.get(b).cloned());
        self.painted.update_value(|p| {
            if let Some(x) = p.get_mut(b) {
                *x = block;
            }
        });
        self.version.update(|v| *v += 1);
        self.settle_later();
    }

    /// The selection in the area now, else the one last seen there.
    pub fn selection(&self) -> Option<Sel> {
        self.root_el()
            .and_then(|r| dom::selection(&r))
            .or_else(|| self.last.get_value())
    }

    /// The browser's selection changed: remembered, and the toolbar told.
    pub fn selection_changed(&self) {
        let Some(sel) = self.root_el().and_then(|r| dom::selection(&r)) else {
            return;
        };
        if self.put.get_value() != Some(sel) && self.composing.get_value().is_none() {
            self.ed.update_value(|e| e.moved());
            self.put.set_value(Some(sel));
        }
        self.last.set_value(Some(sel));
        self.refresh_focus();
    }

    fn refresh_focus(&self) {
        let f = self.ed.with_value(|e| e.focus(self.last.get_value()));
        if self.focus.get_untracked() != f {
            self.focus.set(f);
        }
    }

    /// Puts the caret (or a selection) in the area.
    pub fn put(&self, sel: Sel) {
        let Some(root) = self.root_el() else {
            return;
        };
        if let Some(h) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&root) {
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            if active.as_ref() != Some(root.as_ref()) {
                let _ = h.focus();
            }
        }
        self.put.set_value(Some(sel));
        self.last.set_value(Some(sel));
        dom::set_selection(&root, sel);
    }

    /// After a command: what changed drawn, the caret put, everyone told.
    pub fn after(&self, caret: Option<Caret>) {
        self.repaint();
        if let Some(c) = caret {
            self.put(Sel::caret(c));
        }
        self.version.update(|v| *v += 1);
        self.settle_later();
        self.refresh_focus();
    }

    /// `settled` goes up once no change came for `SETTLE_MS`.
    fn settle_later(&self) {
        let (version, settled) = (self.version, self.settled);
        let at = version.get_untracked();
        set_timeout(
            move || {
                if version.try_get_untracked() == Some(at) {
                    settled.set(at);
                }
            },
            std::time::Duration::from_millis(SETTLE_MS),
        );
    }

    /// Runs a command on the selection (nothing without one).
    pub fn run(&self, f: impl FnOnce(&mut Editor, Sel, f64) -> Option<Caret>) {
        let Some(sel) = self.selection() else {
            return;
        };
        let now = now_ms();
        let caret = self.ed.try_update_value(|e| f(e, sel, now)).flatten();
        self.after(caret);
    }

    /// Runs a command that needs no selection (undo, a block's button).
    pub fn run_anywhere(&self, f: impl FnOnce(&mut Editor, Option<Sel>, f64) -> Option<Caret>) {
        let sel = self.selection();
        let now = now_ms();
        let caret = self.ed.try_update_value(|e| f(e, sel, now)).flatten();
        self.after(caret);
    }

    /// The last change undone (or, `redo`, the last undone one made again).
    pub fn undo(&self, redo: bool) {
        self.run_anywhere(|e, _, _| if redo { e.redo() } else { e.undo() }.flatten());
    }

    /// The document replaced (a local copy restored, the stored version taken).
    pub fn reset(&self, doc: Doc) {
        self.ed.set_value(Editor::new(doc));
        self.after(None);
    }
}
