//! The parts of blocks that are not text: a picture's alt text, caption and credit, a
//! quote's source, a video's address (their inputs typed into), the buttons on
//! pictures and galleries, and a picture chosen in the library's picker put in place.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::dom;
use super::state::nfc;
use super::surface::{Surface, now_ms};
use super::toolbar::PictureFor;
use crate::content::edit::{Caret, Place};
use crate::content::validate::youtube_id;
use crate::content::{Block, Figure};
use crate::features::media::model::MediaItem;

fn root(s: &Surface) -> Option<Element> {
    s.root.get_untracked().map(Into::into)
}

fn set_words(f: &mut Figure, name: &str, value: String) -> bool {
    match name {
        "alt" => f.alt = value,
        "caption" => f.caption = value,
        "credit" => f.credit = value,
        _ => return false,
    }
    true
}

/// `name` of block `b` (picture `pic` of a gallery) set to `value`.
fn set_field(b: &mut Block, name: &str, pic: Option<usize>, value: &str) -> bool {
    let value = nfc(value);
    match (b, name, pic) {
        (Block::Image(f), _, None) => set_words(f, name, value),
        (Block::Gallery { images }, _, Some(p)) => {
            images.get_mut(p).is_some_and(|f| set_words(f, name, value))
        }
        (Block::Quote { cite, .. }, "cite", _) => {
            *cite = value;
            true
        }
        (Block::Embed { caption, .. }, "caption", _) => {
            *caption = value;
            true
        }
        (Block::Embed { id, .. }, "video", _) => match youtube_id(&value) {
            Some(v) => {
                *id = v;
                true
            }
            None => false,
        },
        _ => false,
    }
}

/// An input of a block typed into; false when the event was not one of theirs.
pub fn field_input(s: Surface, ev: &web_sys::Event) -> bool {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return false;
    };
    let Some(name) = input.get_attribute("data-f") else {
        return false;
    };
    let Some((_, b)) = root(&s).and_then(|r| dom::block_of(&r, &input)) else {
        return true;
    };
    let pic = input
        .get_attribute("data-pic")
        .and_then(|p| p.parse::<usize>().ok());
    let key: &'static str = match name.as_str() {
        "alt" => "alt",
        "caption" => "caption",
        "credit" => "credit",
        "cite" => "cite",
        "video" => "video",
        _ => return true,
    };
    let value = input.value();
    let now = now_ms();
    let changed = s
        .ed
        .try_update_value(|e| e.field(b, (key, pic), now, |blk| set_field(blk, key, pic, &value)))
        .unwrap_or(false);
    let bad = key == "video" && youtube_id(&value).is_none();
    let _ = input.set_attribute("aria-invalid", if bad { "true" } else { "false" });
    if changed {
        s.shown(b);
    }
    true
}

/// A button of a block (change the picture, add to or take from a gallery).
pub fn click(s: Surface, ev: &web_sys::MouseEvent, picture: RwSignal<Option<PictureFor>>) {
    let Some(button) = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest("[data-act]").ok().flatten())
    else {
        return;
    };
    let Some((_, b)) = root(&s).and_then(|r| dom::block_of(&r, &button)) else {
        return;
    };
    let pic = button
        .get_attribute("data-pic")
        .and_then(|p| p.parse::<usize>().ok());
    match button.get_attribute("data-act").as_deref() {
        Some("replace") => picture.set(Some(PictureFor::Replace(b))),
        Some("gallery-add") => picture.set(Some(PictureFor::AddTo(b))),
        Some("gallery-remove") => s.run_anywhere(|e, _, now| {
            e.change(None, now, |doc| {
                let Some(Block::Gallery { images }) = doc.blocks.get_mut(b) else {
                    return None;
                };
                images.remove(pic?);
                if images.is_empty() {
                    return crate::content::edit::blocks::remove_block(doc, b);
                }
                Some(Caret::new(Place::text(b), 0))
            })
        }),
        _ => {}
    }
}

/// A picture of the library as the document holds it, with its stored words.
pub fn figure_of(item: &MediaItem) -> Figure {
    Figure {
        media_id: item.id,
        src: item.src.clone(),
        width: item.width,
        height: item.height,
        alt: item.alt.clone(),
        caption: item.caption.clone(),
        credit: item.credit.clone(),
    }
}

/// The picture chosen in the picker, put where it was asked for.
pub fn picked(s: Surface, target: PictureFor, item: MediaItem) {
    let fig = figure_of(&item);
    s.run_anywhere(|e, _, now| match target {
        PictureFor::New { after, gallery } => {
            let block = if gallery {
                Block::Gallery { images: vec![fig] }
            } else {
                Block::Image(fig)
            };
            e.add_block(after, block, now)
        }
        PictureFor::Replace(b) => e.change(None, now, |doc| {
            *doc.blocks.get_mut(b)? = Block::Image(fig);
            Some(Caret::new(Place::text(b), 0))
        }),
        PictureFor::AddTo(b) => e.change(None, now, |doc| match doc.blocks.get_mut(b)? {
            Block::Gallery { images } => {
                images.push(fig);
                Some(Caret::new(Place::text(b), 0))
            }
            _ => None,
        }),
    });
}

/// The picture files of a paste or a drop.
pub fn picture_files(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter(|f| f.type_().starts_with("image/"))
        .collect()
}

/// Pasted or dropped pictures: each uploaded to the library and put after block
/// `after`, in order, its words to be written in (alt text before submitting).
pub fn upload_pictures(
    s: Surface,
    files: Vec<web_sys::File>,
    after: Option<usize>,
    notice: RwSignal<Option<String>>,
) {
    use crate::features::media::uploader::send_one;
    use crate::i18n::{fill, te};
    let count = files.len();
    notice.set(Some(fill(te().pictures_uploading, &[&count])));
    let next = StoredValue::new(after);
    for file in files {
        send_one(&file, move |result| match result {
            Ok(u) => {
                let fig = Figure {
                    media_id: u.id,
                    src: u.src,
                    width: u.width,
                    height: u.height,
                    alt: String::new(),
                    caption: String::new(),
                    credit: String::new(),
                };
                s.run_anywhere(|e, _, now| {
                    let c = e.add_block(next.get_value(), Block::Image(fig), now);
                    next.set_value(Some(next.get_value().map_or(0, |b| b + 1)));
                    c
                });
                notice.set(Some(te().pictures_uploaded.into()));
            }
            Err(why) => notice.set(Some(why)),
        });
    }
}

/// The block under the pointer of a drag event, else the last.
fn block_at(s: &Surface, ev: &web_sys::DragEvent) -> Option<usize> {
    let root = root(s);
    leptos::prelude::document()
        .caret_position_from_point(ev.client_x() as f32, ev.client_y() as f32)
        .and_then(|p| p.offset_node())
        .and_then(|n| {
            let e = match n.clone().dyn_into::<Element>() {
                Ok(e) => e,
                Err(n) => n.parent_element()?,
            };
            dom::block_of(root.as_ref()?, &e).map(|(_, b)| b)
        })
        .or_else(|| s.ed.with_value(|e| e.doc.blocks.len().checked_sub(1)))
}

/// Over the editing area: files may be dropped.
pub fn drag_over(ev: &web_sys::DragEvent) {
    if let Some(d) = ev.data_transfer() {
        let types = d.types();
        let ours =
            (0..types.length()).any(|i| types.get(i).as_string().is_some_and(|t| t == "Files"));
        if ours {
            ev.prevent_default();
        }
    }
}

/// A drop on the editing area: pictures uploaded and put after the block under the
/// pointer (anything else dropped is not taken: it would come in as the page's HTML).
pub fn drop(s: Surface, ev: &web_sys::DragEvent, notice: RwSignal<Option<String>>) {
    ev.prevent_default();
    let data = ev.data_transfer();
    let files = picture_files(data.and_then(|d| d.files()));
    if files.is_empty() {
        return;
    }
    upload_pictures(s, files, block_at(&s, ev), notice);
}
