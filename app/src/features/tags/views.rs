//! The tag page `/the/{slug}`.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::get_tag_page;
use crate::components::page_loader;
use crate::features::articles::list_page::labelled_list_page;
use crate::features::articles::model::page_param;
use crate::i18n::t;

#[component]
pub fn TagPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                page_param(query.read().get("trang")),
            )
        },
        |(slug, page)| get_tag_page(slug, page),
    );
    page_loader(data, |site, data| {
        let base = data.tag.href();
        labelled_list_page(
            site,
            t().tag,
            data.tag.name,
            String::new(),
            base,
            data.articles,
        )
    })
}
