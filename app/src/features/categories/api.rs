//! Server functions of the category page.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::CategoryPageData;
use crate::error::AppError;

/// A category with its path, subcategories and one page of its articles (including
/// those of its subcategories), newest first.
#[server(input = GetUrl)]
pub async fn get_category_page(slug: String, page: u32) -> Result<CategoryPageData, AppError> {
    use super::store;
    use crate::features::articles::store::{self as articles, ListFilter};
    let ctx = crate::state::app_context()?;
    let tree = store::load_tree(&ctx.pool).await?;
    let node = tree.by_slug(&slug).ok_or(AppError::NotFound)?;
    let filter = ListFilter::Categories(tree.subtree_ids(node.id));
    let page = page.clamp(1, crate::features::articles::model::MAX_PAGE);
    let list = articles::page(&ctx.pool, crate::time::now(), &filter, page).await?;
    if page > list.pages {
        return Err(AppError::NotFound);
    }
    Ok(CategoryPageData {
        category: node.to_ref(),
        description: node.description.clone(),
        path: tree.path(node.id),
        children: tree.children(Some(node.id)).map(|c| c.to_ref()).collect(),
        articles: list,
    })
}
