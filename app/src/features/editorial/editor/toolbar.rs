//! The editor's toolbar, acting on the block the caret is in: its kind, the marks,
//! the link box, undo and redo, moving and deleting the block, the table's rows and
//! columns, and the menu of blocks to add (also opened by "/" in an empty paragraph).
//! Its buttons keep the selection in the editing area (they take no focus by mouse).

use leptos::prelude::*;

use super::commands;
use super::state::{Editor, Sel};
use super::surface::Surface;
use crate::content::edit::blocks::{self, TextKind};
use crate::content::edit::runs::Mark;
use crate::content::edit::{Caret, Part, Place, table};
use crate::content::validate::{is_safe_link, youtube_id};
use crate::content::{Block, Doc};
use crate::i18n::te;

/// Where a picture chosen in the picker goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureFor {
    /// A new picture block (or gallery) after block `after`.
    New {
        after: Option<usize>,
        gallery: bool,
    },
    Replace(usize),
    AddTo(usize),
}

/// The caret's text turned into `kind`, the caret kept where it can be.
fn convert(e: &mut Editor, sel: Sel, kind: TextKind, now: f64) -> Option<Caret> {
    let c = sel.focus;
    let b = c.at.block;
    e.change(Some(c), now, |doc| {
        blocks::convert(doc, b, kind)?;
        let at = match (c.at.part, kind) {
            (Part::Item(n), TextKind::Paragraph | TextKind::Heading(_)) => Place::text(b + n),
            (Part::Item(n), TextKind::List { .. }) => Place::item(b, n),
            (_, TextKind::List { .. }) => Place::item(b, 0),
            _ => Place::text(b),
        };
        crate::content::edit::clamp(doc, Caret::new(at, c.offset))
    })
}

fn table_op(
    e: &mut Editor,
    sel: Sel,
    now: f64,
    f: fn(&mut Doc, usize, usize, usize) -> Option<Place>,
) -> Option<Caret> {
    let c = sel.focus;
    let Part::Cell { row, col } = c.at.part else {
        return None;
    };
    e.change(Some(c), now, |doc| {
        f(doc, c.at.block, row, col).map(|p| Caret::new(p, 0))
    })
}

/// A button of the toolbar: it acts without taking the focus from the text by mouse.
fn tool(
    label: &'static str,
    pressed: Option<Signal<bool>>,
    act: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button type="button" class="tool" aria-pressed=move || pressed.map(|p| p.get().to_string())
            on:mousedown=|ev| ev.prevent_default() on:click=move |_| act()>{label}</button>
    }
}

#[component]
pub fn Toolbar(
    s: Surface,
    /// The block menu open ("/" or its button).
    menu: RwSignal<bool>,
    link: RwSignal<bool>,
    picture: RwSignal<Option<PictureFor>>,
) -> impl IntoView {
    let t = te();
    let focus = s.focus;
    let has_block = Signal::derive(move || focus.with(|f| f.block.is_some()));
    let mark =
        move |m: fn(&super::state::Focus) -> bool| Some(Signal::derive(move || focus.with(m)));
    let kind_value = move || {
        focus.with(|f| match f.kind {
            Some(TextKind::Paragraph) => "p",
            Some(TextKind::Heading(3)) => "h3",
            Some(TextKind::Heading(_)) => "h2",
            Some(TextKind::Quote) => "quote",
            Some(TextKind::List { ordered: false }) => "ul",
            Some(TextKind::List { ordered: true }) => "ol",
            None => "",
        })
    };
    let on_kind = move |ev| {
        let kind = match event_target_value(&ev).as_str() {
            "h2" => TextKind::Heading(2),
            "h3" => TextKind::Heading(3),
            "quote" => TextKind::Quote,
            "ul" => TextKind::List { ordered: false },
            "ol" => TextKind::List { ordered: true },
            _ => TextKind::Paragraph,
        };
        s.run(|e, sel, now| convert(e, sel, kind, now));
    };
    let in_table = move || focus.with(|f| f.table);
    view! {
        <div class="editor-toolbar" role="toolbar" aria-label=t.toolbar aria-controls="noi-dung-bai">
            <label class="visually-hidden" for="kieu-khoi">{t.block_kind}</label>
            <select id="kieu-khoi" prop:value=kind_value on:change=on_kind
                disabled=move || focus.with(|f| f.kind.is_none())>
                <option value="p">{t.paragraph}</option>
                <option value="h2">{t.heading2}</option>
                <option value="h3">{t.heading3}</option>
                <option value="quote">{t.quote}</option>
                <option value="ul">{t.bulleted}</option>
                <option value="ol">{t.numbered}</option>
                <option value="" disabled>{t.not_text}</option>
            </select>
            <span class="tool-group">
                {tool(t.bold, mark(|f| f.marks.bold), move || s.run(|e, sel, now| e.toggle(sel, Mark::Bold, now)))}
                {tool(t.italic, mark(|f| f.marks.italic), move || s.run(|e, sel, now| e.toggle(sel, Mark::Italic, now)))}
                {tool(t.underline, mark(|f| f.marks.underline), move || s.run(|e, sel, now| e.toggle(sel, Mark::Underline, now)))}
                {tool(t.link, mark(|f| f.marks.link.is_some()), move || link.set(true))}
            </span>
            <span class="tool-group">
                {tool(t.undo, None, move || s.undo(false))}
                {tool(t.redo, None, move || s.undo(true))}
            </span>
            <span class="tool-group">
                <button type="button" class="tool tool-add" aria-expanded=move || menu.get().to_string()
                    aria-controls="them-khoi" on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| menu.update(|m| *m = !*m)>{t.add_block}</button>
                {tool(t.move_up, None, move || s.run(|e, sel, now| commands::move_block(e, sel, false, now)))}
                {tool(t.move_down, None, move || s.run(|e, sel, now| commands::move_block(e, sel, true, now)))}
                {tool(t.remove_block, None, move || s.run(|e, sel, now| {
                    let b = sel.focus.at.block;
                    e.change(Some(sel.focus), now, |doc| blocks::remove_block(doc, b))
                }))}
            </span>
            <Show when=in_table>
                <span class="tool-group" role="group" aria-label=t.table_tools>
                    {tool(t.row_add, None, move || s.run(|e, sel, now| table_op(e, sel, now, |d, b, r, _| table::add_row(d, b, r + 1))))}
                    {tool(t.row_remove, None, move || s.run(|e, sel, now| table_op(e, sel, now, |d, b, r, _| table::remove_row(d, b, r))))}
                    {tool(t.col_add, None, move || s.run(|e, sel, now| table_op(e, sel, now, |d, b, _, c| table::add_column(d, b, c + 1))))}
                    {tool(t.col_remove, None, move || s.run(|e, sel, now| table_op(e, sel, now, |d, b, _, c| table::remove_column(d, b, c))))}
                    {tool(t.header_row, None, move || s.run(|e, sel, now| {
                        let b = sel.focus.at.block;
                        let on = !matches!(e.doc.blocks.get(b), Some(Block::Table { header: true, .. }));
                        e.change(Some(sel.focus), now, |doc| table::set_header(doc, b, on).map(|_| sel.focus))
                    }))}
                </span>
            </Show>
        </div>
        <Show when=move || menu.get()>
            <BlockMenu s menu picture/>
        </Show>
        <Show when=move || link.get()>
            <LinkBox s link/>
        </Show>
        {move || (!has_block.get()).then(|| view! { <p class="hint editor-hint">{t.start_hint}</p> })}
    }
}

/// What makes an empty block of a kind.
type MakeBlock = fn() -> Block;

/// The menu of blocks to add after the caret's block.
#[component]
fn BlockMenu(
    s: Surface,
    menu: RwSignal<bool>,
    picture: RwSignal<Option<PictureFor>>,
) -> impl IntoView {
    let t = te();
    // opened: its first button takes the focus (Escape gives it back to the text)
    Effect::new(move |_| {
        use wasm_bindgen::JsCast;
        let first = document()
            .query_selector("#them-khoi button")
            .ok()
            .flatten();
        if let Some(b) = first.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = b.focus();
        }
    });
    let after = move || {
        s.selection()
            .map(|sel| sel.focus.at.block)
            .or_else(|| s.ed.with_value(|e| e.doc.blocks.len().checked_sub(1)))
    };
    let add = move |block: Block| {
        menu.set(false);
        let after = after();
        s.run_anywhere(|e, _, now| e.add_block(after, block, now));
    };
    let text = |b: fn() -> Block| b;
    let items: Vec<(&'static str, MakeBlock)> = vec![
        (t.paragraph, text(|| Block::Paragraph { text: vec![] })),
        (
            t.heading2,
            text(|| Block::Heading {
                level: 2,
                text: vec![],
            }),
        ),
        (
            t.heading3,
            text(|| Block::Heading {
                level: 3,
                text: vec![],
            }),
        ),
        (
            t.quote,
            text(|| Block::Quote {
                text: vec![],
                cite: String::new(),
            }),
        ),
        (
            t.bulleted,
            text(|| Block::List {
                ordered: false,
                items: vec![vec![]],
            }),
        ),
        (
            t.numbered,
            text(|| Block::List {
                ordered: true,
                items: vec![vec![]],
            }),
        ),
        (t.table, text(|| table::new_table(3, 3))),
        (t.divider, text(|| Block::Divider)),
    ];
    let video = RwSignal::new(String::new());
    let video_error = RwSignal::new(false);
    let close = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            menu.set(false);
            if let Some(sel) = s.selection() {
                s.put(sel);
            }
        }
    };
    view! {
        <div class="editor-menu" id="them-khoi" role="group" aria-label=t.add_block on:keydown=close>
            {items.into_iter().map(|(label, make)| view! {
                <button type="button" class="button-secondary" on:click=move |_| add(make())>{label}</button>
            }).collect_view()}
            <button type="button" class="button-secondary"
                on:click=move |_| { menu.set(false); picture.set(Some(PictureFor::New { after: after(), gallery: false })); }>{t.picture}</button>
            <button type="button" class="button-secondary"
                on:click=move |_| { menu.set(false); picture.set(Some(PictureFor::New { after: after(), gallery: true })); }>{t.gallery}</button>
            <form class="editor-video" on:submit=move |ev| {
                ev.prevent_default();
                match youtube_id(&video.get_untracked()) {
                    Some(id) => add(Block::Embed { provider: crate::content::EmbedProvider::Youtube, id, caption: String::new() }),
                    None => video_error.set(true),
                }
            }>
                <label for="dia-chi-video">{t.video_address}</label>
                <input id="dia-chi-video" type="url" inputmode="url" prop:value=video
                    aria-invalid=move || video_error.get().to_string() aria-describedby="dia-chi-video-loi"
                    on:input=move |ev| { video.set(event_target_value(&ev)); video_error.set(false); }/>
                <button type="submit" class="button-secondary">{t.video_add}</button>
                <p id="dia-chi-video-loi" class="field-error" role="alert">{move || video_error.get().then_some(t.video_bad)}</p>
            </form>
            <super::doc_ref::DocumentRefForm add=Callback::new(add)/>
        </div>
    }
}

/// The link box: an address checked as the server checks it, or the link taken off.
#[component]
fn LinkBox(s: Surface, link: RwSignal<bool>) -> impl IntoView {
    let t = te();
    let sel = s.selection();
    let current = s
        .focus
        .with_untracked(|f| f.marks.link.clone())
        .unwrap_or_default();
    let url = RwSignal::new(current);
    let bad = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(i) = input.get() {
            let _ = i.focus();
        }
    });
    let done = move |to: Option<Option<String>>| {
        link.set(false);
        let Some(sel) = sel else {
            return;
        };
        s.put(sel);
        if let Some(to) = to {
            s.run(|e, _, now| e.link(sel, to, now).or(Some(sel.focus)));
        }
    };
    view! {
        <form class="editor-link" on:submit=move |ev| {
            ev.prevent_default();
            let u = url.get_untracked().trim().to_string();
            if is_safe_link(&u) { done(Some(Some(u))) } else { bad.set(true) }
        } on:keydown=move |ev| if ev.key() == "Escape" { done(None) }>
            <label for="dia-chi-lien-ket">{t.link_address}</label>
            <input id="dia-chi-lien-ket" type="url" inputmode="url" node_ref=input prop:value=url
                aria-invalid=move || bad.get().to_string() aria-describedby="lien-ket-loi"
                on:input=move |ev| { url.set(event_target_value(&ev)); bad.set(false); }/>
            <button type="submit" class="button-primary">{t.link_apply}</button>
            <button type="button" class="button-secondary" on:click=move |_| done(Some(None))>{t.link_remove}</button>
            <button type="button" class="button-secondary" on:click=move |_| done(None)>{t.cancel}</button>
            <p id="lien-ket-loi" class="field-error" role="alert">{move || bad.get().then_some(t.link_bad)}</p>
        </form>
    }
}
