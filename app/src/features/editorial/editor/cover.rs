//! The cover picture beside the body: the body's first picture unless the editor
//! chooses another from the library (kept then, whatever the body's pictures become),
//! and the way back to the first picture.

use leptos::prelude::*;

use super::surface::Surface;
use crate::features::editorial::model::Draft;
use crate::features::media::api::get_media_detail;
use crate::features::media::model::MediaItem;
use crate::features::media::picker::MediaPicker;
use crate::i18n::te;

#[component]
pub fn CoverField(s: Surface, fields: RwSignal<Draft>) -> impl IntoView {
    let t = te();
    let chosen = Memo::new(move |_| fields.with(|f| f.cover_id));
    // the chosen picture's small copy: known once picked, asked for when opened with
    // one (after hydration: the page's own data is the server's)
    let thumb = RwSignal::new(None::<(i64, String)>);
    Effect::new(move |_| {
        let Some(id) = chosen.get() else {
            return;
        };
        if thumb.with_untracked(|t| t.as_ref().map(|(p, _)| *p)) != Some(id) {
            leptos::task::spawn_local(async move {
                if let Ok(d) = get_media_detail(id).await {
                    thumb.set(Some((id, d.item.thumb)));
                }
            });
        }
    });
    let chosen_thumb = move || {
        let id = chosen.get()?;
        thumb.get().filter(|(p, _)| *p == id).map(|(_, src)| src)
    };
    // the body's first picture (a look at the blocks up to it, at each change)
    let first = Memo::new(move |_| {
        s.version.track();
        s.ed.with_value(|e| e.doc.first_figure().map(|f| f.src.clone()))
    });
    let picking = RwSignal::new(false);
    let pick = move |item: MediaItem| {
        picking.set(false);
        thumb.set(Some((item.id, item.thumb.clone())));
        fields.update(|f| f.cover_id = Some(item.id));
    };
    let shown = move || {
        if chosen.get().is_some() {
            chosen_thumb()
        } else {
            first.get()
        }
    };
    let words = move || match (chosen.get(), first.get()) {
        (Some(_), _) => t.cover_chosen,
        (None, Some(_)) => t.cover_first,
        (None, None) => t.cover_none,
    };
    view! {
        <fieldset class="editor-cover">
            <legend>{t.cover}</legend>
            {move || shown().map(|src| view! {
                <img class="cover-thumb" src=src alt="" width="160" height="90"/>
            })}
            <p class="hint" id="anh-dai-dien-goi-y">{words}</p>
            <button type="button" class="button-secondary" aria-describedby="anh-dai-dien-goi-y"
                on:click=move |_| picking.set(true)>{t.cover_choose}</button>
            {move || chosen.get().is_some().then(|| view! {
                " "
                <button type="button" class="button-secondary"
                    on:click=move |_| fields.update(|f| f.cover_id = None)>{t.cover_use_first}</button>
            })}
        </fieldset>
        {move || picking.get().then(|| view! {
            <MediaPicker pick=pick close=move |_| picking.set(false) pick_label=t.cover_pick/>
        })}
    }
}
