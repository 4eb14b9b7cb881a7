//! `/chuyen-de/{slug}`: a topic (chuyên đề), its description and one page of its
//! articles.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::components::{page_loader, slug_and_page};
use crate::core::error::AppError;
use crate::core::paging::Paged;
use crate::features::articles::ArticleCard;
use crate::features::articles::list_page::labelled_list_page;
use crate::features::topics::TopicRef;
use crate::i18n::t;

/// What the topic page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicPageData {
    pub topic: TopicRef,
    pub description: String,
    pub articles: Paged<ArticleCard>,
}

/// A topic with its description and one page of its public articles.
#[server(input = GetUrl)]
pub async fn get_topic_page(slug: String, page: u32) -> Result<TopicPageData, AppError> {
    use crate::features::articles::ListFilter;
    let ctx = crate::core::state::app_context()?;
    let (id, topic, description) = crate::features::topics::find(&ctx.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let list = super::lists::articles_page(&ListFilter::Topic(id), page).await?;
    Ok(TopicPageData {
        topic,
        description,
        articles: list,
    })
}

#[component]
pub fn TopicPage() -> impl IntoView {
    let data = Resource::new(slug_and_page(), |(slug, page)| get_topic_page(slug, page));
    page_loader(data, |site, data| {
        let base = data.topic.href();
        labelled_list_page(
            site,
            t().topic,
            data.topic.name,
            data.description,
            base,
            data.articles,
        )
    })
}
