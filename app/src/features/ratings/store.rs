//! SQL of ratings. A reader's rating changes the article's totals by what it added and
//! replaced (an import recomputes them from the ratings).

use sqlx::{AnyPool, Row};

use super::model::RatingSummary;
use crate::features::articles::lock_counters;
use crate::features::guard::Visitor;

/// Stores `visitor`'s rating of `article` (replacing theirs, and the one this browser
/// gave from its address before it had the visitor cookie) and returns the new totals.
/// The totals change by what this rating adds and replaces, not by summing every
/// rating again: a popular article's thousandth rating costs what its first did.
///
/// Three statements: take out the reader's earlier ratings, store the new one (keeping
/// when they first rated), move the totals. One reader's two ratings sent at once must
/// queue up: on SQLite the write lock of the first statement does that; on PostgreSQL
/// the article's row is taken first. (A lock on the reader and article alone, leaving
/// the row to the end, measured slower: 230–510 ratings/s instead of 875–930, the
/// writers piling up on the row mid-transaction.)
pub async fn rate(
    pool: &AnyPool,
    article: i64,
    visitor: &Visitor,
    stars: u8,
    now: i64,
) -> Result<RatingSummary, sqlx::Error> {
    let mut tx = pool.begin().await?;
    if tx.backend_name() == "PostgreSQL" {
        lock_counters(&mut tx, article).await?;
    }
    let earlier = sqlx::query(
        "DELETE FROM ratings WHERE article_id = $1 AND voter_key IN ($2, $3) \
         RETURNING voter_key, stars, created_at",
    )
    .bind(article)
    .bind(&visitor.key)
    .bind(&visitor.address_key)
    .fetch_all(&mut *tx)
    .await?;
    let mut change = RatingSummary { sum: 0, count: 0 };
    let mut first_rated = now;
    for row in &earlier {
        change.sum -= row.try_get::<i64, _>("stars")?;
        change.count -= 1;
        if row.try_get::<String, _>("voter_key")? == visitor.key {
            first_rated = row.try_get("created_at")?;
        }
    }
    sqlx::query(
        "INSERT INTO ratings (article_id, voter_key, stars, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(article)
    .bind(&visitor.key)
    .bind(i64::from(stars))
    .bind(first_rated)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    change.sum += i64::from(stars);
    change.count += 1;
    let summary = crate::features::articles::add_rating(&mut tx, article, change).await?;
    tx.commit().await?;
    Ok(summary)
}

/// Stores a rating from elsewhere (an imported portal, the load-test sample) under
/// `voter_key` in the caller's transaction, and recomputes the article's totals.
pub async fn import(
    conn: &mut sqlx::AnyConnection,
    article: i64,
    voter_key: &str,
    stars: u8,
    at: i64,
) -> Result<RatingSummary, sqlx::Error> {
    sqlx::query(
        "INSERT INTO ratings (article_id, voter_key, stars, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) \
         ON CONFLICT (article_id, voter_key) DO UPDATE SET stars = $3, updated_at = $4",
    )
    .bind(article)
    .bind(voter_key)
    .bind(i64::from(stars.clamp(1, 5)))
    .bind(at)
    .execute(&mut *conn)
    .await?;
    totals(conn, article).await
}

/// Recomputes `article`'s rating totals from its ratings and stores them on it.
async fn totals(
    conn: &mut sqlx::AnyConnection,
    article: i64,
) -> Result<RatingSummary, sqlx::Error> {
    let row = sqlx::query(
        "SELECT CAST(COALESCE(SUM(stars), 0) AS BIGINT) AS total, COUNT(*) AS n FROM ratings WHERE article_id = $1",
    )
    .bind(article)
    .fetch_one(&mut *conn)
    .await?;
    let summary = RatingSummary {
        sum: row.try_get("total")?,
        count: row.try_get("n")?,
    };
    crate::features::articles::set_rating(conn, article, summary).await?;
    Ok(summary)
}

/// The stars `visitor` gave `article`, if any: under their own key, else under their
/// address (a rating given before the browser had the visitor cookie).
pub async fn stars_of(
    pool: &AnyPool,
    article: i64,
    visitor: &Visitor,
) -> Result<Option<u8>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT stars FROM ratings WHERE article_id = $1 AND voter_key IN ($2, $3) \
         ORDER BY CASE WHEN voter_key = $2 THEN 0 ELSE 1 END LIMIT 1",
    )
    .bind(article)
    .bind(&visitor.key)
    .bind(&visitor.address_key)
    .fetch_optional(pool)
    .await?;
    Ok(row
        .map(|r| r.try_get::<i64, _>("stars"))
        .transpose()?
        .map(|s| s.clamp(1, 5) as u8))
}
