//! The handle beside the caret's block: pressed and dragged up or down (mouse, pen or
//! finger: pointer events, which touch screens send too, where HTML drag and drop does
//! not start), it follows the pointer and, let go, moves the block to the block at that
//! height. Keyboards have Alt+Shift+↑/↓ and the toolbar's buttons.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, PointerEvent};

use super::surface::Surface;
use crate::content::edit::{Caret, Place};

fn root(s: &Surface) -> Option<Element> {
    s.root.get_untracked().map(Into::into)
}

/// The index of the block at height `y` (viewport pixels): the one whose box holds it,
/// else the nearest (above the first: the first; below the last: the last).
fn block_at_height(s: &Surface, y: f64) -> Option<usize> {
    let children = root(s)?.children();
    let n = children.length() as usize;
    (0..n).find_map(|i| {
        let r = children.item(i as u32)?.get_bounding_client_rect();
        (y < r.bottom() || i + 1 == n).then_some(i)
    })
}

/// Block `from` moved to `to`, the caret at its start; one undo step.
fn move_block(s: Surface, from: usize, to: usize) {
    s.run_anywhere(|e, _, now| {
        e.change(None, now, |doc| {
            crate::content::edit::blocks::move_block(doc, from, to)?;
            crate::content::edit::ends(doc, to)
                .map(|(first, _)| Caret::new(first, 0))
                .or(Some(Caret::new(Place::text(to), 0)))
        })
    });
}

#[component]
pub fn DragHandle(s: Surface) -> impl IntoView {
    let top = RwSignal::new(None::<i32>);
    // where the caret's block starts: read when the caret goes to another block (not
    // at every key, which would make the browser lay the page out once more)
    let block = Memo::new(move |_| s.focus.with(|f| f.block));
    Effect::new(move |_| {
        let block = block.get();
        let y = block.and_then(|b| {
            let el = root(&s)?.children().item(b as u32)?;
            Some(el.dyn_into::<HtmlElement>().ok()?.offset_top())
        });
        top.set(y);
    });
    // while dragged: the block it came from, and the pointer's height at the start
    let dragged = RwSignal::new(None::<(usize, i32, i32)>);
    let down = move |ev: PointerEvent| {
        let Some(b) = s.focus.with_untracked(|f| f.block) else {
            return;
        };
        if ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        if let Some(h) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<Element>().ok())
        {
            let _ = h.set_pointer_capture(ev.pointer_id());
        }
        dragged.set(Some((b, ev.client_y(), top.get_untracked().unwrap_or(0))));
    };
    let follow = move |ev: PointerEvent| {
        if let Some((_, y0, t0)) = dragged.get_untracked() {
            top.set(Some(t0 + ev.client_y() - y0));
        }
    };
    let up = move |ev: PointerEvent| {
        let Some((from, _, t0)) = dragged.get_untracked() else {
            return;
        };
        dragged.set(None);
        top.set(Some(t0));
        if let Some(to) = block_at_height(&s, f64::from(ev.client_y()))
            && to != from
        {
            move_block(s, from, to);
        }
    };
    let cancel = move |_: PointerEvent| {
        if let Some((_, _, t0)) = dragged.get_untracked() {
            dragged.set(None);
            top.set(Some(t0));
        }
    };
    view! {
        <div class="block-handle" aria-hidden="true" title=crate::i18n::te().drag_block
            class:dragging=move || dragged.with(Option::is_some)
            style:display=move || if top.get().is_some() { "block" } else { "none" }
            style:top=move || format!("{}px", top.get().unwrap_or(0))
            on:pointerdown=down on:pointermove=follow on:pointerup=up on:pointercancel=cancel>"⠿"</div>
    }
}
