//! `/the/{slug}`: a tag (từ khóa) and one page of its articles.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use crate::components::{page_loader, slug_and_page};
use crate::core::error::AppError;
use crate::core::paging::Paged;
use crate::features::articles::ArticleCard;
use crate::features::articles::list_page::labelled_list_page;
use crate::features::tags::TagRef;
use crate::i18n::t;

/// What the tag page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagPageData {
    pub tag: TagRef,
    pub articles: Paged<ArticleCard>,
}

/// A tag with one page of its public articles.
#[server(input = GetUrl)]
pub async fn get_tag_page(slug: String, page: u32) -> Result<TagPageData, AppError> {
    use crate::features::articles::ListFilter;
    let ctx = crate::core::state::app_context()?;
    let (id, tag) = crate::features::tags::find(&ctx.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let list = super::lists::articles_page(&ListFilter::Tag(id), page).await?;
    Ok(TagPageData {
        tag,
        articles: list,
    })
}

#[component]
pub fn TagPage() -> impl IntoView {
    let data = Resource::new(slug_and_page(), |(slug, page)| get_tag_page(slug, page));
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
