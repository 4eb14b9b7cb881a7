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
    use crate::features::articles::RatingSummary;
    use crate::features::articles::participation;
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let visitor =
        crate::features::guard::admit(crate::features::guard::Kind::Rating, Default::default())
            .await?;
    let stars = parse_stars(&stars).ok_or_else(|| AppError::Invalid(tm().stars_invalid.into()))?;
    let article = participation(&ctx, now, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::features::articles::open_to_reader(&article).await?;
    if !article.allow_ratings {
        return Err(AppError::Invalid(tm().ratings_closed.into()));
    }
    let earlier = store::earlier(&ctx.pool, article.id, &visitor).await?;
    let turn = ctx.write_turn().await;
    let change = store::rate(&ctx.pool, article.id, &visitor, stars, now, earlier).await?;
    drop(turn);
    let plain = crate::core::state::is_plain_form_post();
    // the reader sees their rating in the totals at once: a first rating is added to the
    // totals last recounted (the article's line is recounted a moment later); one that
    // replaced an earlier rating, or a plain form's (its answer is the page), recounts
    // the article now
    let summary = if change.count < 1 || plain {
        let turn = ctx.write_turn().await;
        let summary = store::recount_one(&ctx.pool, article.id).await?;
        drop(turn);
        crate::core::view_counts::tell_changed(crate::core::view_counts::Changed::Article(
            article.id,
        ));
        summary
    } else {
        ctx.recounts.note(article.id);
        crate::core::view_counts::tell_changed(crate::core::view_counts::Changed::Nothing);
        RatingSummary {
            sum: article.rating.sum + change.sum,
            count: article.rating.count + change.count,
        }
    };
    if plain {
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
    let Some(article) = participation(&ctx, crate::core::time::now(), &slug).await? else {
        return Ok(None);
    };
    let visitor = crate::features::guard::current_visitor(false).await?;
    Ok(super::store::stars_of(&ctx.pool, article.id, &visitor).await?)
}
