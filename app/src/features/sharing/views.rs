//! The share bar under an article and the address of its QR code.

use leptos::prelude::*;

use crate::components::urlencode;
use crate::core::links::article_href;
use crate::i18n::t;

/// The address of an article's QR code picture.
pub fn qr_href(slug: &str) -> String {
    format!("/qr/bai-viet/{slug}.svg")
}

/// Copies `text` to the clipboard; true when the browser took it.
#[cfg(feature = "hydrate")]
async fn copy_to_clipboard(text: String) -> bool {
    let promise = window().navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Opens the phone's share sheet with the article's title and address.
#[cfg(feature = "hydrate")]
fn native_share(title: &str, url: &str) {
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let _ = window().navigator().share_with_data(&data);
}

/// True when this browser has a share sheet (phones).
fn can_share_natively() -> bool {
    #[cfg(feature = "hydrate")]
    {
        let nav = window().navigator();
        web_sys::js_sys::Reflect::has(&nav, &wasm_bindgen::JsValue::from_str("share"))
            .unwrap_or(false)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        false
    }
}

#[island]
pub fn ShareBar(url: String, title: String, slug: String) -> impl IntoView {
    let encoded = urlencode(&url);
    let facebook = format!("https://www.facebook.com/sharer/sharer.php?u={encoded}");
    let zalo = format!("https://sp.zalo.me/share?url={encoded}");
    // buttons that need scripts appear once the page has hydrated
    let hydrated = RwSignal::new(false);
    let native = RwSignal::new(false);
    Effect::new(move |_| {
        hydrated.set(true);
        native.set(can_share_natively());
    });
    let copied = RwSignal::new(false);
    let copy_url = url.clone();
    let on_copy = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let text = copy_url.clone();
            leptos::task::spawn_local(async move {
                copied.set(copy_to_clipboard(text).await);
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &copy_url;
    };
    let share_url = url.clone();
    let share_title = title.clone();
    let on_share = move |_| {
        #[cfg(feature = "hydrate")]
        native_share(&share_title, &share_url);
        #[cfg(not(feature = "hydrate"))]
        let _ = (&share_title, &share_url);
    };
    let print_href = format!("{}/in", article_href(&slug));
    view! {
        <section class="share" aria-labelledby="chia-se">
            <h2 id="chia-se" class="visually-hidden">{t().share}</h2>
            <ul class="share-list">
                {move || native.get().then(|| view! {
                    <li><button type="button" class="share-button share-native" on:click=on_share.clone()>{t().share_native}</button></li>
                })}
                <li><a class="share-button share-zalo" href=zalo target="_blank" rel="noopener noreferrer">{t().share_zalo}</a></li>
                <li><a class="share-button share-facebook" href=facebook target="_blank" rel="noopener noreferrer">{t().share_facebook}</a></li>
                {move || hydrated.get().then(|| view! {
                    <li><button type="button" class="share-button share-copy" on:click=on_copy.clone()>
                        {move || if copied.get() { t().link_copied } else { t().copy_link }}
                    </button></li>
                })}
                <li><a class="share-button share-print" href=print_href>{t().print}</a></li>
            </ul>
            <figure class="qr">
                <img src=qr_href(&slug) width="132" height="132" alt=t().qr_alt loading="lazy"/>
                <figcaption>{t().qr_caption}<br/><span class="qr-url">{url}</span></figcaption>
            </figure>
        </section>
    }
}
