//! SQL of ratings. A reader's rating is stored alone; the article's totals are
//! recounted from its ratings (a moment later for readers, at once for an import).

use sqlx::{AnyPool, Row};

use super::model::RatingSummary;
use crate::features::guard::Visitor;

/// What a reader had rated an article before: under their own key and under their
/// address (before the browser had the visitor cookie).
#[derive(Debug, Clone, Copy, Default)]
pub struct Earlier {
    own: Option<i64>,
    address: Option<i64>,
}

/// On SQLite, what `visitor` rated `article` before, read before the write turn (the
/// reading runs beside other writers; the write is then one statement). None on
/// PostgreSQL, whose `rate` reads it inside its one statement.
pub async fn earlier(
    pool: &AnyPool,
    article: i64,
    visitor: &Visitor,
) -> Result<Option<Earlier>, sqlx::Error> {
    if crate::core::state::is_postgres(pool) {
        return Ok(None);
    }
    let rows = sqlx::query(
        "SELECT voter_key, stars FROM ratings WHERE article_id = $1 AND voter_key IN ($2, $3)",
    )
    .bind(article)
    .bind(&visitor.key)
    .bind(&visitor.address_key)
    .fetch_all(pool)
    .await?;
    let mut earlier = Earlier::default();
    for row in rows {
        let stars = row.try_get::<i64, _>("stars")?;
        if row.try_get::<String, _>("voter_key")? == visitor.key {
            earlier.own = Some(stars);
        } else {
            earlier.address = Some(stars);
        }
    }
    Ok(Some(earlier))
}

/// Stores `visitor`'s rating of `article` (replacing theirs, and the one this browser
/// gave from its address before it had the visitor cookie) and returns what it changed
/// of the totals. The article's row is not touched: its totals are recounted from the
/// ratings a moment later (`recount`, `core::recount`), so a flood of ratings of one
/// article queues on nothing but the database's write turn.
///
/// One statement: on SQLite, with what `earlier` read, the reader's rating stored or
/// replaced (keeping when they first rated), and only when the address had rated
/// before, that rating taken out in the same transaction; on PostgreSQL all of it. The
/// same reader's two ratings at once leave one row (the second finds the first's and
/// replaces it; its answer may count it twice), and the recount counts rows.
pub async fn rate(
    pool: &AnyPool,
    article: i64,
    visitor: &Visitor,
    stars: u8,
    now: i64,
    earlier: Option<Earlier>,
) -> Result<RatingSummary, sqlx::Error> {
    let Some(earlier) = earlier else {
        return rate_in_one_statement(pool, article, visitor, stars, now).await;
    };
    let store = sqlx::query(
        "INSERT INTO ratings (article_id, voter_key, stars, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) \
         ON CONFLICT (article_id, voter_key) DO UPDATE SET stars = $3, updated_at = $4",
    )
    .bind(article)
    .bind(&visitor.key)
    .bind(i64::from(stars))
    .bind(now);
    match earlier.address {
        Some(_) if visitor.address_key != visitor.key => {
            let mut tx = pool.begin().await?;
            sqlx::query("DELETE FROM ratings WHERE article_id = $1 AND voter_key = $2")
                .bind(article)
                .bind(&visitor.address_key)
                .execute(&mut *tx)
                .await?;
            store.execute(&mut *tx).await?;
            tx.commit().await?;
        }
        _ => {
            store.execute(pool).await?;
        }
    }
    let replaced = [earlier.own, earlier.address];
    Ok(RatingSummary {
        sum: i64::from(stars) - replaced.iter().flatten().sum::<i64>(),
        count: 1 - replaced.iter().flatten().count() as i64,
    })
}

/// `rate` on PostgreSQL, as one statement (no transaction around it: a third of the
/// round trips, each of which costs PostgreSQL more than the work): the address's
/// rating taken out, the reader's own read as it was before the statement (its
/// snapshot) and then stored or replaced (keeping when they first rated).
async fn rate_in_one_statement(
    pool: &AnyPool,
    article: i64,
    visitor: &Visitor,
    stars: u8,
    now: i64,
) -> Result<RatingSummary, sqlx::Error> {
    let row = sqlx::query(
        "WITH earlier AS (DELETE FROM ratings WHERE article_id = $1 AND voter_key = $3 AND $3 <> $2 \
                          RETURNING stars), \
              own AS (SELECT stars FROM ratings WHERE article_id = $1 AND voter_key = $2), \
              stored AS (INSERT INTO ratings (article_id, voter_key, stars, created_at, updated_at) \
                         VALUES ($1, $2, $4, $5, $5) \
                         ON CONFLICT (article_id, voter_key) \
                         DO UPDATE SET stars = EXCLUDED.stars, updated_at = EXCLUDED.updated_at \
                         RETURNING 1 AS one) \
         SELECT CAST(COALESCE((SELECT SUM(stars) FROM earlier), 0) \
                     + COALESCE((SELECT SUM(stars) FROM own), 0) AS BIGINT) AS replaced_sum, \
                (SELECT COUNT(*) FROM earlier) + (SELECT COUNT(*) FROM own) AS replaced, \
                (SELECT COUNT(*) FROM stored) AS stored",
    )
    .bind(article)
    .bind(&visitor.key)
    .bind(&visitor.address_key)
    .bind(i64::from(stars))
    .bind(now)
    .fetch_one(pool)
    .await?;
    Ok(RatingSummary {
        sum: i64::from(stars) - row.try_get::<i64, _>("replaced_sum")?,
        count: 1 - row.try_get::<i64, _>("replaced")?,
    })
}

/// Recounts one article's totals from its ratings and returns them.
pub async fn recount_one(pool: &AnyPool, article: i64) -> Result<RatingSummary, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let summary = totals(&mut tx, article).await?;
    tx.commit().await?;
    Ok(summary)
}

/// Recounts the totals of `articles` (in ascending order, as every recount takes their
/// rows: two servers' recounts never wait for each other in a circle) from their
/// ratings, in one transaction.
pub async fn recount(pool: &AnyPool, articles: &[i64]) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    for article in articles {
        totals(&mut tx, *article).await?;
    }
    tx.commit().await
}

/// Recounts the articles rated in the minute before the last rating: after a crash,
/// those whose recount may not have run. Returns how many.
pub async fn recount_recent(pool: &AnyPool) -> Result<usize, sqlx::Error> {
    let articles: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT article_id FROM ratings \
         WHERE updated_at >= (SELECT MAX(updated_at) FROM ratings) - 60 ORDER BY article_id",
    )
    .fetch_all(pool)
    .await?;
    recount(pool, &articles).await?;
    Ok(articles.len())
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

/// Recomputes `article`'s rating totals from its ratings and stores them on it, in the
/// caller's transaction. The article's row is taken first: a recount running at the
/// same time elsewhere then waits, and reads the ratings only after this one's commit
/// (on PostgreSQL each statement reads what was committed before it began).
async fn totals(
    conn: &mut sqlx::AnyConnection,
    article: i64,
) -> Result<RatingSummary, sqlx::Error> {
    crate::features::articles::lock_counters(&mut *conn, article).await?;
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
