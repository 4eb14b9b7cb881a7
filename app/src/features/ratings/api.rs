//! Server functions of ratings: rate an article, and the reader's own rating (asked
//! after hydration, so cached pages never carry it).

use leptos::prelude::*;

use super::model::Rated;
use crate::error::AppError;

/// Rates the public article `slug` with 1–5 `stars` as the current reader. Without
/// JavaScript the browser is sent back to the article, which then thanks the reader.
#[server]
pub async fn rate_article(slug: String, stars: String) -> Result<Rated, AppError> {
    use super::model::parse_stars;
    use super::store;
    use crate::error::fail;
    use crate::features::articles::store::participation;
    let ctx = crate::state::app_context()?;
    let now = crate::time::now();
    let visitor = crate::visitor::current(true).await?;
    if !ctx.rating_limits.hit(&visitor.key, &visitor.address, now) {
        return Err(fail(AppError::TooMany));
    }
    let stars = parse_stars(&stars)
        .ok_or_else(|| fail(AppError::Invalid("Vui lòng chọn từ 1 đến 5 sao".into())))?;
    let article = participation(&ctx.pool, now, &slug)
        .await?
        .ok_or_else(|| fail(AppError::NotFound))?;
    if !article.allow_ratings {
        return Err(fail(AppError::Invalid(
            "Bài viết này không nhận đánh giá".into(),
        )));
    }
    let summary = store::rate(&ctx.pool, article.id, &visitor, stars, now).await?;
    if crate::state::is_plain_form_post() {
        leptos_axum::redirect(&format!(
            "{}?danh-gia={stars}#danh-gia",
            crate::features::articles::model::article_href(&slug)
        ));
    }
    Ok(Rated { summary, stars })
}

/// The stars the current reader gave the article `slug`, if any.
#[server]
pub async fn get_my_rating(slug: String) -> Result<Option<u8>, AppError> {
    use crate::features::articles::store::participation;
    let ctx = crate::state::app_context()?;
    let Some(article) = participation(&ctx.pool, crate::time::now(), &slug).await? else {
        return Ok(None);
    };
    let visitor = crate::visitor::current(false).await?;
    Ok(super::store::stars_of(&ctx.pool, article.id, &visitor).await?)
}
