//! `/bai-viet/{slug}/in`: the print view of an article, with its address and QR code.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::page_loader;
use crate::content::render::DocView;
use crate::core::links::article_href;
use crate::core::site::SiteInfo;
use crate::features::articles::ArticleData;
use crate::features::articles::api::get_article;
use crate::features::sharing::qr_href;
use crate::i18n::t;

/// `/bai-viet/{slug}/in`: the article alone, for paper: no menus, comments or
/// sidebars, with its address and QR code at the end.
#[component]
pub fn PrintArticlePage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_article,
    );
    page_loader(data, |site, data| view! { <PrintView site data/> })
}

#[component]
fn PrintView(site: SiteInfo, data: ArticleData) -> impl IntoView {
    let a = data.article;
    let url = site.url(&article_href(&a.slug));
    view! {
        <leptos_meta::Title text=format!("{} - {}", t().print_view, a.title)/>
        <leptos_meta::Meta name="robots" content="noindex"/>
        <leptos_meta::Link rel="canonical" href=url.clone()/>
        <article class="article print-view" aria-labelledby="tieu-de">
            <p class="print-site">{site.config.name.clone()}</p>
            <p class="print-actions no-print">
                <PrintButton/>
                " "
                <a href=article_href(&a.slug)>{t().back_to_article}</a>
            </p>
            <h1 id="tieu-de" class="article-title">{a.title.clone()}</h1>
            <p class="article-meta"><time datetime=a.published_iso.clone()>{a.dateline.clone()}</time></p>
            {(!a.sapo.is_empty()).then(|| view! { <p class="sapo">{a.sapo.clone()}</p> })}
            <div class="article-body"><DocView doc=a.body.clone() pictures=a.pictures.clone()/></div>
            {(!a.byline.is_empty()).then(|| view! { <p class="byline">{a.byline.clone()}</p> })}
            {(!a.source.is_empty()).then(|| view! { <p class="source">{format!("{}: {}", t().source, a.source)}</p> })}
            <footer class="print-footer">
                <img src=qr_href(&a.slug) width="110" height="110" alt=t().qr_alt/>
                <p>{t().article_address}<br/><span class="qr-url">{url}</span></p>
            </footer>
        </article>
    }
}

#[island]
fn PrintButton() -> impl IntoView {
    view! { <button type="button" class="button-primary" on:click=|_| { let _ = window().print(); }>{t().print_now}</button> }
}
