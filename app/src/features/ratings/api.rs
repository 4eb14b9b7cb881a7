//! Server functions of ratings: rate an article, and the reader's own rating (asked
//! after hydration, so cached pages never carry it).

use leptos::prelude::*;

use super::model::Rated;
use crate::core::error::AppError;
#[cfg(feature = "ssr")]
use crate::i18n::tm;

/// Rates the public article `slug` with 1–5 `stars` as the current reader. Without
/// JavaScript the browser is sent back to the article, which then thanks the reader.
#[server]
pub async fn rate_article(slug: String, stars: String) -> Result<Rated, AppError> {
    use super::model::parse_stars;
    use super::store;
    use crate::features::articles::participation;
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let visitor =
        crate::features::guard::admit(crate::features::guard::Kind::Rating, Default::default())
            .await?;
    let stars = parse_stars(&stars).ok_or_else(|| AppError::Invalid(tm().stars_invalid.into()))?;
    let article = participation(&ctx.pool, now, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    if !article.allow_ratings {
        return Err(AppError::Invalid(tm().ratings_closed.into()));
    }
    let turn = ctx.write_turn().await;
    let summary = store::rate(&ctx.pool, article.id, &visitor, stars, now).await?;
    drop(turn);
    // the rating line is on the article's own page only
    crate::core::view_counts::tell_changed(crate::core::view_counts::Changed::Article(article.id));
    if crate::core::state::is_plain_form_post() {
        leptos_axum::redirect(&format!(
            "{}?danh-gia={stars}#danh-gia",
            crate::core::links::article_href(&slug)
        ));
    }
    Ok(Rated { summary, stars })
}

/// The stars the current reader gave the article `slug`, if any.
#[server]
pub async fn get_my_rating(slug: String) -> Result<Option<u8>, AppError> {
    use crate::features::articles::participation;
    let ctx = crate::core::state::app_context()?;
    let Some(article) = participation(&ctx.pool, crate::core::time::now(), &slug).await? else {
        return Ok(None);
    };
    let visitor = crate::features::guard::current_visitor(false).await?;
    Ok(super::store::stars_of(&ctx.pool, article.id, &visitor).await?)
}
