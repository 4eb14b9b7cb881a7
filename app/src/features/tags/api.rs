//! Server functions of the tag page.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::TagPageData;
use crate::error::AppError;

/// A tag with one page of its public articles.
#[server(input = GetUrl)]
pub async fn get_tag_page(slug: String, page: u32) -> Result<TagPageData, AppError> {
    use crate::features::articles::store::{self as articles, ListFilter};
    let ctx = crate::state::app_context()?;
    let (id, tag) = super::store::find(&ctx.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let page = page.clamp(1, crate::features::articles::model::MAX_PAGE);
    let list = articles::page(&ctx.pool, crate::time::now(), &ListFilter::Tag(id), page).await?;
    if page > list.pages {
        return Err(AppError::NotFound);
    }
    Ok(TagPageData {
        tag,
        articles: list,
    })
}
