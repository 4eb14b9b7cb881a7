//! Server functions of the portal frame and the home page.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{HomePageData, SiteInfo};
use crate::core::error::AppError;

/// Articles in the featured block and the latest-news list, and per category block.
pub const FEATURED: i64 = 5;
pub const LATEST: i64 = 8;
pub const PER_SECTION: i64 = 4;

/// The portal's identity, today's date and the category menu.
#[server(input = GetUrl)]
pub async fn get_site_info() -> Result<SiteInfo, AppError> {
    use crate::features::categories;
    let ctx = crate::core::state::app_context()?;
    let tree = categories::load_tree(&ctx.pool).await?;
    Ok(SiteInfo {
        config: (*ctx.site).clone(),
        today: crate::core::time::header_date(crate::core::time::now()),
        menu: tree.menu(),
    })
}

/// Everything the home page shows, in six queries whatever the number of articles.
#[server(input = GetUrl)]
pub async fn get_home() -> Result<HomePageData, AppError> {
    use super::model::HomeSection;
    use crate::features::articles::{self, ListFilter};
    use crate::features::{categories, topics};
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let pool = &ctx.pool;
    let ((featured, latest, per_root, tree, topics), bulletin, poll) = tokio::try_join!(
        async {
            Ok::<_, AppError>(tokio::try_join!(
                articles::newest(pool, now, &ListFilter::Featured, FEATURED),
                articles::newest(pool, now, &ListFilter::All, LATEST),
                articles::newest_per_root_category(pool, now, PER_SECTION),
                categories::load_tree(pool),
                topics::all(pool),
            )?)
        },
        crate::features::documents::latest_bulletin(pool),
        crate::features::polls::home_poll(pool),
    )?;
    let sections = tree
        .children(None)
        .filter_map(|root| {
            let articles = per_root.iter().find(|(id, _)| *id == root.id)?.1.clone();
            Some(HomeSection {
                category: root.to_ref(),
                articles,
            })
        })
        .collect();
    Ok(HomePageData {
        featured,
        latest,
        sections,
        topics,
        bulletin,
        poll,
    })
}
