//! `/chuyen-muc/{slug}`: a category, its subcategories and one page of its articles
//! (those of its subcategories included).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

use crate::components::{Breadcrumb, PageMeta, page_loader, slug_and_page};
use crate::core::error::AppError;
use crate::core::paging::Paged;
use crate::features::articles::ArticleCard;
use crate::features::articles::views::{ArticleListView, MostBlocks};
use crate::features::categories::CategoryRef;
use crate::i18n::t;

/// What the category page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryPageData {
    pub category: CategoryRef,
    pub description: String,
    /// From the top-level category down to this one.
    pub path: Vec<CategoryRef>,
    pub children: Vec<CategoryRef>,
    pub articles: Paged<ArticleCard>,
}

/// A category with its path, subcategories and one page of its articles (including
/// those of its subcategories), newest first.
#[server(input = GetUrl)]
pub async fn get_category_page(slug: String, page: u32) -> Result<CategoryPageData, AppError> {
    use crate::features::articles::ListFilter;
    let ctx = crate::core::state::app_context()?;
    let tree = crate::features::categories::load_tree(&ctx.pool).await?;
    let node = tree.by_slug(&slug).ok_or(AppError::NotFound)?;
    let filter = ListFilter::Categories(tree.subtree_ids(node.id));
    let list = super::lists::articles_page(&filter, page).await?;
    Ok(CategoryPageData {
        category: node.to_ref(),
        description: node.description.clone(),
        path: tree.path(node.id),
        children: tree.children(Some(node.id)).map(|c| c.to_ref()).collect(),
        articles: list,
    })
}

#[component]
pub fn CategoryPage() -> impl IntoView {
    let data = Resource::new(slug_and_page(), |(slug, page)| {
        get_category_page(slug, page)
    });
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
