//! The picker the article form opens: the library's pictures (found by their words, a
//! page at a time) and its uploader, from the same pieces as the library page. A
//! picture chosen shows its alt text, caption and credit to fill in; it is handed to
//! the form only once its alt text is stored.

use leptos::prelude::*;

use super::api::{DescribeMedia, get_media_detail, get_media_library};
use super::model::MediaItem;
use super::uploader::{UploadQueue, Uploader};
use super::views::{Choose, DescribeForm, picture_grid};
use crate::i18n::tmd;

/// `pick` gets the picture chosen (with its stored alt text); `close` closes the picker;
/// `pick_label` names what choosing does (by default: into the article).
#[component]
pub fn MediaPicker(
    #[prop(into)] pick: Callback<MediaItem>,
    #[prop(into)] close: Callback<()>,
    #[prop(default = tmd().pick)] pick_label: &'static str,
) -> impl IntoView {
    let words = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);
    let uploads = RwSignal::new(0u32);
    let queue = UploadQueue::new(move || uploads.update(|n| *n += 1));
    let data = Resource::new(
        move || (words.get(), page.get(), uploads.get()),
        |(q, p, _)| get_media_library(q, "anh".into(), None, p, None),
    );
    let chosen = RwSignal::new(None::<MediaItem>);
    let describe = ServerAction::<DescribeMedia>::new();
    let needs_alt = RwSignal::new(false);
    let choose = Callback::new(move |item: MediaItem| {
        needs_alt.set(false);
        chosen.set(Some(item));
    });
    // the picture as stored now (its alt text may just have been saved)
    let insert = move |_| {
        let Some(item) = chosen.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match get_media_detail(item.id).await {
                Ok(d) if !d.item.alt.is_empty() => pick.run(d.item),
                _ => needs_alt.set(true),
            }
        });
    };
    let list = move || {
        Suspend::new(async move {
            match data.await {
                Ok(d) => {
                    let (p, pages) = (d.items.page, d.items.pages);
                    let items = d.items.items;
                    let empty = items.is_empty();
                    // its files keep their rows in `queue` while the list loads again
                    view! {
                        <Uploader queue limits=d.limits/>
                        {empty.then(|| view! { <p class="empty">{tmd().empty}</p> })}
                        {picture_grid(items, Choose::Pick(choose))}
                        <p class="picker-pages">
                            <button type="button" class="button-secondary" disabled={p <= 1}
                                on:click=move |_| page.update(|n| *n = n.saturating_sub(1).max(1))>
                                {format!("‹ {}", crate::i18n::t().previous_page)}
                            </button>
                            " "
                            <button type="button" class="button-secondary" disabled={p >= pages}
                                on:click=move |_| page.update(|n| *n += 1)>
                                {format!("{} ›", crate::i18n::t().next_page)}
                            </button>
                        </p>
                    }
                    .into_any()
                }
                Err(e) => {
                    view! { <p class="form-error" role="alert">{e.to_string()}</p> }.into_any()
                }
            }
        })
    };
    view! {
        <section class="media-picker" aria-labelledby="chon-anh">
            <div class="picker-head">
                <h2 id="chon-anh">{tmd().picker_heading}</h2>
                <button type="button" class="button-secondary" on:click=move |_| close.run(())>{tmd().close}</button>
            </div>
            <label for="tim-anh">{tmd().search_label}</label>
            <input id="tim-anh" type="search" placeholder=tmd().search_placeholder
                on:change=move |ev| { words.set(event_target_value(&ev)); page.set(1); }/>
            <Transition fallback=|| view! { <p class="loading" role="status">{crate::i18n::t().loading}</p> }>
                {list}
            </Transition>
            {move || chosen.get().map(|item| view! {
                <div class="picker-chosen">
                    <img src=item.thumb.clone() alt="" width=item.width height=item.height class="media-preview"/>
                    <DescribeForm item=item.clone() action=describe/>
                    {move || needs_alt.get().then(|| view! { <p class="form-error" role="alert">{tmd().pick_needs_alt}</p> })}
                    <button type="button" class="button-primary" on:click=insert>{pick_label}</button>
                </div>
            })}
        </section>
    }
}
