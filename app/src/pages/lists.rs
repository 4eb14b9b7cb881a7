//! What the category, tag and topic pages share: one page of the public articles a
//! filter selects, missing past the last page.

#[cfg(feature = "ssr")]
use crate::core::error::AppError;
#[cfg(feature = "ssr")]
use crate::core::paging::Paged;
#[cfg(feature = "ssr")]
use crate::features::articles::{ArticleCard, ListFilter};

/// Page `page` (1 when out of range below) of the public articles `filter` selects,
/// newest first; `NotFound` past the last page.
#[cfg(feature = "ssr")]
pub async fn articles_page(filter: &ListFilter, page: u32) -> Result<Paged<ArticleCard>, AppError> {
    let ctx = crate::core::state::app_context()?;
    let page = page.clamp(1, crate::core::paging::MAX_PAGE);
    let now = crate::core::time::now();
    let list = crate::features::articles::page(&ctx.pool, now, filter, page).await?;
    if page > list.pages {
        return Err(AppError::NotFound);
    }
    Ok(list)
}
