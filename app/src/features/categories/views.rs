//! The category page `/chuyen-muc/{slug}`.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::get_category_page;
use crate::components::{Breadcrumb, PageMeta, page_loader};
use crate::features::articles::model::page_param;
use crate::features::articles::views::{ArticleListView, MostBlocks};
use crate::i18n::t;

#[component]
pub fn CategoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                page_param(query.read().get("trang")),
            )
        },
        |(slug, page)| get_category_page(slug, page),
    );
    let page = page_loader(data, |site, data| {
        let base = data.category.href();
        let crumbs: Vec<(String, String)> = data
            .path
            .iter()
            .map(|c| (c.name.clone(), c.href()))
            .collect();
        let path = if data.articles.page > 1 {
            format!("{base}?trang={}", data.articles.page)
        } else {
            base.clone()
        };
        let title = if data.articles.page > 1 {
            format!(
                "{} - {} {}",
                data.category.name,
                t().page,
                data.articles.page
            )
        } else {
            data.category.name.clone()
        };
        let child_list = data.children.clone();
        let children = (!child_list.is_empty()).then(move || {
            view! {
                <nav class="subcategories" aria-label=t().subcategories>
                    <ul>{child_list.into_iter().map(|c| view! { <li><A href=c.href()>{c.name.clone()}</A></li> }).collect_view()}</ul>
                </nav>
            }
        });
        view! {
            <PageMeta site title description=data.description.clone() path/>
            <Breadcrumb items=crumbs/>
            <header class="list-header">
                <h1>{data.category.name.clone()}</h1>
                {(!data.description.is_empty()).then(|| view! { <p class="list-description">{data.description.clone()}</p> })}
                {children}
            </header>
            <ArticleListView articles=data.articles base/>
        }
    });
    view! {
        <div class="page-grid">
            <div class="page-main">{page}</div>
            <aside class="sidebar" aria-label=t().sidebar><MostBlocks/></aside>
        </div>
    }
}
