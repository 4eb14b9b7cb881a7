//! Server functions of the article page.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::ArticlePageData;
use crate::error::AppError;

/// Related articles shown under an article.
pub const RELATED: i64 = 6;

/// A published article with its category path, tags, topics and related articles.
/// Unknown, unpublished and expired articles are `NotFound`.
#[server(input = GetUrl)]
pub async fn get_article_page(slug: String) -> Result<ArticlePageData, AppError> {
    use super::store;
    use crate::features::{
        categories::store as categories, tags::store as tags, topics::store as topics,
    };
    let ctx = crate::state::app_context()?;
    let now = crate::time::now();
    let pool = &ctx.pool;
    let (mut article, category_id) = store::find_public(pool, now, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let (tag_list, topic_list, related, tree) = tokio::try_join!(
        tags::for_article(pool, article.id),
        topics::for_article(pool, article.id),
        store::related(pool, now, article.id, category_id, RELATED),
        categories::load_tree(pool),
    )?;
    article.tags = tag_list;
    article.topics = topic_list;
    Ok(ArticlePageData {
        article,
        path: tree.path(category_id),
        related,
    })
}
