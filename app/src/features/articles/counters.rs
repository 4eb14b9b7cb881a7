//! The article's counters — views, the rating totals, published comments — written
//! only here. The rating totals arrive recounted from the ratings (by the recount job a
//! moment after a rating, at once after a re-rating); published comments are counted
//! in the comment's own transaction; views arrive in batches from the in-memory
//! counter.

use sqlx::{AnyConnection, AnyPool};

use super::model::RatingSummary;

/// Makes concurrent changes of one article's counters wait for each other (in
/// PostgreSQL a row lock, in SQLite the write lock): call first in the transaction.
pub async fn lock_counters(conn: &mut AnyConnection, article: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE articles SET updated_at = updated_at WHERE id = $1")
        .bind(article)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Sets the number of published comments shown with the article.
pub async fn set_comment_count(
    conn: &mut AnyConnection,
    article: i64,
    count: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE articles SET comment_count = $1 WHERE id = $2")
        .bind(count)
        .bind(article)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Adds `n` published comments to the number shown with the article.
pub async fn add_comments(
    conn: &mut AnyConnection,
    article: i64,
    n: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE articles SET comment_count = comment_count + $1 WHERE id = $2")
        .bind(n)
        .bind(article)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Sets the rating totals shown with the article.
pub async fn set_rating(
    conn: &mut AnyConnection,
    article: i64,
    rating: RatingSummary,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE articles SET rating_sum = $1, rating_count = $2 WHERE id = $3")
        .bind(rating.sum)
        .bind(rating.count)
        .bind(article)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Adds counted views, (article, views) each, in one transaction.
pub async fn add_views(pool: &AnyPool, batch: &[(i64, i64)]) -> Result<(), sqlx::Error> {
    let mut tx = crate::core::state::begin_write(pool).await?;
    for (article, n) in batch {
        sqlx::query("UPDATE articles SET view_count = view_count + $1 WHERE id = $2")
            .bind(*n)
            .bind(*article)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}
