//! The header box's suggestions in the browser: asked for 150 ms after the last key,
//! drawn into the box's list with the DOM's own calls (a few web-sys calls weigh less
//! in the reader's client than a reactive list), moved through with the arrow keys,
//! opened with Enter or a press, closed with Escape or when the box loses the focus. The list
//! follows the ARIA combobox pattern (`aria-expanded`, `aria-activedescendant`).

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::api::get_suggestions;
use super::model::Suggestion;

/// The box and its list.
pub const INPUT_ID: &str = "o-tim-kiem";
pub const LIST_ID: &str = "goi-y-tim";

#[derive(Default)]
struct State {
    items: Vec<Suggestion>,
    active: Option<usize>,
    asked: u32,
    timer: Option<TimeoutHandle>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

fn element(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

fn option_id(i: usize) -> String {
    format!("{LIST_ID}-{i}")
}

/// Draws the list as the state holds it.
fn draw() {
    let (Some(list), Some(input)) = (element(LIST_ID), element(INPUT_ID)) else {
        return;
    };
    let doc = document();
    list.set_text_content(None);
    STATE.with_borrow(|s| {
        for (i, item) in s.items.iter().enumerate() {
            let Ok(li) = doc.create_element("li") else {
                return;
            };
            let on = s.active == Some(i);
            li.set_id(&option_id(i));
            let _ = li.set_attribute("role", "option");
            let _ = li.set_attribute("aria-selected", if on { "true" } else { "false" });
            if on {
                li.set_class_name("active");
            }
            // an option holds no link (no control inside a control): picking it opens
            // its address
            let _ = li.set_attribute("data-href", &item.href);
            li.set_text_content(Some(&item.title));
            let _ = list.append_child(&li);
        }
        let open = !s.items.is_empty();
        let _ = input.set_attribute("aria-expanded", if open { "true" } else { "false" });
        match s.active {
            Some(i) => {
                let _ = input.set_attribute("aria-activedescendant", &option_id(i));
            }
            None => {
                let _ = input.remove_attribute("aria-activedescendant");
            }
        }
        if open {
            let _ = list.remove_attribute("hidden");
        } else {
            let _ = list.set_attribute("hidden", "");
        }
    });
}

fn close() {
    STATE.with_borrow_mut(|s| {
        s.items.clear();
        s.active = None;
    });
    draw();
}

/// What was typed: ask again once the reader pauses.
pub fn typed(q: String) {
    let mine = STATE.with_borrow_mut(|s| {
        s.asked += 1;
        if let Some(h) = s.timer.take() {
            h.clear();
        }
        s.asked
    });
    let ask = move || {
        leptos::task::spawn_local(async move {
            let found = get_suggestions(q).await.unwrap_or_default();
            let current = STATE.with_borrow_mut(|s| {
                let current = s.asked == mine;
                if current {
                    s.items = found;
                    s.active = None;
                }
                current
            });
            if current {
                draw();
            }
        })
    };
    let timer = set_timeout_with_handle(ask, std::time::Duration::from_millis(150)).ok();
    STATE.with_borrow_mut(|s| s.timer = timer);
}

/// A key in the box.
pub fn key(ev: web_sys::KeyboardEvent) {
    let n = STATE.with_borrow(|s| s.items.len());
    let step = |back: bool| {
        STATE.with_borrow_mut(|s| {
            s.active = Some(match (s.active, back) {
                (None, false) => 0,
                (None, true) => n - 1,
                (Some(i), false) => (i + 1) % n,
                (Some(i), true) => (i + n - 1) % n,
            })
        });
        draw();
    };
    match ev.key().as_str() {
        "ArrowDown" if n > 0 => {
            ev.prevent_default();
            step(false);
        }
        "ArrowUp" if n > 0 => {
            ev.prevent_default();
            step(true);
        }
        "Escape" => close(),
        "Enter" => {
            let href = STATE.with_borrow(|s| {
                s.active
                    .and_then(|i| s.items.get(i))
                    .map(|x| x.href.clone())
            });
            if let Some(href) = href {
                ev.prevent_default();
                let _ = window().location().set_href(&href);
            }
        }
        _ => {}
    }
}

/// A press on the list: the option under it opens (before the box loses the focus).
pub fn pressed(ev: web_sys::MouseEvent) {
    let href = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-href]").ok().flatten())
        .and_then(|li| li.get_attribute("data-href"));
    if let Some(href) = href {
        ev.prevent_default();
        let _ = window().location().set_href(&href);
    }
}

/// The box lost the focus: the list closes once a click on it has landed.
pub fn left() {
    let _ = set_timeout_with_handle(close, std::time::Duration::from_millis(200));
}

/// The value of the input an event came from.
pub fn value_of(ev: &web_sys::Event) -> String {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}
