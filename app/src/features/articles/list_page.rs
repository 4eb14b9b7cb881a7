//! The page frame shared by the topic and tag pages: a heading, an optional
//! description and a paginated article list.

use leptos::prelude::*;

use super::model::ArticleCard;
use super::views::ArticleListView;
use crate::components::{Breadcrumb, PageMeta};
use crate::core::paging::Paged;
use crate::core::site::SiteInfo;
use crate::i18n::t;

/// Renders a labelled list page ("Chuyên đề: …", "Từ khóa: …") at `base`.
pub fn labelled_list_page(
    site: SiteInfo,
    kind: &'static str,
    name: String,
    description: String,
    base: String,
    articles: Paged<ArticleCard>,
) -> impl IntoView {
    let page = articles.page;
    let path = if page > 1 {
        format!("{base}?trang={page}")
    } else {
        base.clone()
    };
    let mut title = format!("{kind}: {name}");
    if page > 1 {
        title = format!("{title} - {} {page}", t().page);
    }
    let meta_description = if description.is_empty() {
        title.clone()
    } else {
        description.clone()
    };
    view! {
        <PageMeta site title description=meta_description path/>
        <Breadcrumb items=vec![(format!("{kind}: {name}"), base.clone())]/>
        <header class="list-header">
            <p class="list-kind">{kind}</p>
            <h1>{name}</h1>
            {(!description.is_empty()).then(|| view! { <p class="list-description">{description}</p> })}
        </header>
        <ArticleListView articles base show_category=true/>
    }
}
