//! The share bar under an article, and the print view `/bai-viet/{slug}/in`.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{page_loader, urlencode};
use crate::content::render::DocView;
use crate::features::articles::api::get_article_page;
use crate::features::articles::model::{ArticlePageData, article_href};
use crate::features::portal::SiteInfo;
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

#[component]
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

/// `/bai-viet/{slug}/in`: the article alone, for paper: no menus, comments or
/// sidebars, with its address and QR code at the end.
#[component]
pub fn PrintArticlePage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_article_page,
    );
    page_loader(data, |site, data| view! { <PrintView site data/> })
}

#[component]
fn PrintView(site: SiteInfo, data: ArticlePageData) -> impl IntoView {
    let a = data.article;
    let url = site.url(&article_href(&a.slug));
    view! {
        <leptos_meta::Title text=format!("{} - {}", t().print_view, a.title)/>
        <leptos_meta::Meta name="robots" content="noindex"/>
        <leptos_meta::Link rel="canonical" href=url.clone()/>
        <article class="article print-view" aria-labelledby="tieu-de">
            <p class="print-site">{site.config.name.clone()}</p>
            <p class="print-actions no-print">
                <button type="button" class="button-primary" on:click=|_| { let _ = window().print(); }>{t().print_now}</button>
                " "
                <a href=article_href(&a.slug)>{t().back_to_article}</a>
            </p>
            <h1 id="tieu-de" class="article-title">{a.title.clone()}</h1>
            <p class="article-meta"><time datetime=a.published_iso.clone()>{a.dateline.clone()}</time></p>
            {(!a.sapo.is_empty()).then(|| view! { <p class="sapo">{a.sapo.clone()}</p> })}
            <div class="article-body"><DocView doc=a.body.clone()/></div>
            {(!a.byline.is_empty()).then(|| view! { <p class="byline">{a.byline.clone()}</p> })}
            {(!a.source.is_empty()).then(|| view! { <p class="source">{format!("{}: {}", t().source, a.source)}</p> })}
            <footer class="print-footer">
                <img src=qr_href(&a.slug) width="110" height="110" alt=t().qr_alt/>
                <p>{t().article_address}<br/><span class="qr-url">{url}</span></p>
            </footer>
        </article>
    }
}
