//! Server functions of articles: the article as readers see it, and the counters'
//! blocks.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{ArticleData, MostLists};
use crate::core::error::AppError;

/// Related articles shown under an article.
pub const RELATED: i64 = 6;

/// A published article with its category path, tags, topics and related articles,
/// its view counted (in memory). Unknown, unpublished and expired articles are
/// `NotFound`. The article page and the print view both start here.
#[cfg(feature = "ssr")]
pub async fn load_public(slug: &str) -> Result<ArticleData, AppError> {
    use super::store;
    use crate::features::{categories, tags, topics};
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let pool = &ctx.pool;
    let (mut article, category_id) = store::find_public(pool, now, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    if article.members_only {
        super::participation::members_only_gate(slug).await?;
    }
    // counted in memory, written later by the flush job: the page never waits on it
    if let Some(reader) = crate::features::guard::reader_key().await? {
        ctx.views.record(article.id, &reader, now);
    }
    // a copy of this page served from the page cache counts its views by this
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            http::HeaderName::from_static(crate::core::view_counts::ARTICLE_HEADER),
            http::HeaderValue::from(article.id),
        );
    }
    let shown = article.body.media_ids();
    let (tag_list, topic_list, related, tree, pictures) = tokio::try_join!(
        tags::for_article(pool, article.id),
        topics::for_article(pool, article.id),
        store::related(pool, now, article.id, category_id, RELATED),
        categories::load_tree(pool),
        crate::features::media::copies_of(pool, &shown),
    )?;
    article.pictures = pictures;
    article.tags = tag_list;
    article.topics = topic_list;
    let path = tree.path(category_id);
    let structured_data = super::structured_data::news_article(
        &ctx.site,
        &article,
        &crate::core::links::article_href(&article.slug),
        &path,
    );
    Ok(ArticleData {
        article,
        path,
        related,
        structured_data,
    })
}

/// The article alone (the print view): as `load_public`.
#[server(input = GetUrl)]
pub async fn get_article(slug: String) -> Result<ArticleData, AppError> {
    load_public(&slug).await
}

/// Articles in each "most read" / "most commented" block.
pub const MOST: i64 = 5;

/// The "most read" and "most commented" blocks, fed by the counters.
#[server(input = GetUrl)]
pub async fn get_most_lists() -> Result<MostLists, AppError> {
    use super::store::{Ranking, most};
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let (most_read, most_commented) = tokio::try_join!(
        most(&ctx.pool, now, Ranking::Views, MOST),
        most(&ctx.pool, now, Ranking::Comments, MOST),
    )?;
    Ok(MostLists {
        most_read,
        most_commented,
    })
}
