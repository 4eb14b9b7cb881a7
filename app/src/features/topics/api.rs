//! Server functions of the topic page.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::TopicPageData;
use crate::error::AppError;

/// A topic with its description and one page of its public articles.
#[server(input = GetUrl)]
pub async fn get_topic_page(slug: String, page: u32) -> Result<TopicPageData, AppError> {
    use crate::features::articles::store::{self as articles, ListFilter};
    let ctx = crate::state::app_context()?;
    let (id, topic, description) = super::store::find(&ctx.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let page = page.clamp(1, crate::features::articles::model::MAX_PAGE);
    let list = articles::page(&ctx.pool, crate::time::now(), &ListFilter::Topic(id), page).await?;
    if page > list.pages {
        return Err(AppError::NotFound);
    }
    Ok(TopicPageData {
        topic,
        description,
        articles: list,
    })
}
