//! Statistics' SQL: a batch of days' counts added to what is stored (several servers
//! add theirs), the block's totals, a period's days, and the period's most read
//! articles and categories and its referrers.

use sqlx::{AnyPool, Row};

use super::model::{DayRow, Ranked};
use crate::core::visits::{DayCounts, Totals};

/// Adds `batch` to the stored days and referrers, in one transaction; returns the
/// totals as they then are for `today`.
pub async fn add(
    pool: &AnyPool,
    batch: &[(i64, DayCounts)],
    today: i64,
) -> Result<Totals, sqlx::Error> {
    if !batch.is_empty() {
        let mut tx = crate::core::state::begin_write(pool).await?;
        for (day, c) in batch {
            sqlx::query(
                "INSERT INTO visit_days (day, visits, page_views, bot_views, phone_visits, desktop_visits) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (day) DO UPDATE SET \
                 visits = visit_days.visits + excluded.visits, \
                 page_views = visit_days.page_views + excluded.page_views, \
                 bot_views = visit_days.bot_views + excluded.bot_views, \
                 phone_visits = visit_days.phone_visits + excluded.phone_visits, \
                 desktop_visits = visit_days.desktop_visits + excluded.desktop_visits",
            )
            .bind(day)
            .bind(c.visits)
            .bind(c.page_views)
            .bind(c.bot_views)
            .bind(c.phone_visits)
            .bind(c.desktop_visits)
            .execute(&mut *tx)
            .await?;
            for (host, n) in &c.referrers {
                add_views(&mut tx, "visit_referrers", "host", *day, host.clone(), *n).await?;
            }
        }
        tx.commit().await?;
    }
    totals(pool, today).await
}

/// Adds article views of `day` (the views flush's batch).
pub async fn add_article_views(
    conn: &mut sqlx::AnyConnection,
    day: i64,
    views: &[(i64, i64)],
) -> Result<(), sqlx::Error> {
    for (article, n) in views {
        add_views(conn, "visit_articles", "article_id", day, *article, *n).await?;
    }
    Ok(())
}

/// Adds `n` views of `key` on `day` to `table` (keyed by day and `column`).
async fn add_views<K>(
    conn: &mut sqlx::AnyConnection,
    table: &str,
    column: &str,
    day: i64,
    key: K,
    n: i64,
) -> Result<(), sqlx::Error>
where
    K: 'static + Send + for<'e> sqlx::Encode<'e, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    let sql = format!(
        "INSERT INTO {table} (day, {column}, views) VALUES ($1, $2, $3) \
         ON CONFLICT (day, {column}) DO UPDATE SET views = {table}.views + excluded.views"
    );
    sqlx::query(&sql)
        .bind(day)
        .bind(key)
        .bind(n)
        .execute(conn)
        .await?;
    Ok(())
}

/// Visits today, this month and in all.
pub async fn totals(pool: &AnyPool, today: i64) -> Result<Totals, sqlx::Error> {
    let r = sqlx::query(
        "SELECT CAST(COALESCE(SUM(CASE WHEN day = $1 THEN visits ELSE 0 END), 0) AS BIGINT) AS today, \
         CAST(COALESCE(SUM(CASE WHEN day >= $2 AND day <= $1 THEN visits ELSE 0 END), 0) AS BIGINT) AS month, \
         CAST(COALESCE(SUM(visits), 0) AS BIGINT) AS total FROM visit_days",
    )
    .bind(today)
    .bind(today / 100 * 100)
    .fetch_one(pool)
    .await?;
    Ok(Totals {
        today: r.try_get("today")?,
        month: r.try_get("month")?,
        total: r.try_get("total")?,
    })
}

/// The stored days from `from` to `to` (YYYYMMDD, both included), and the period's
/// sums: (days, [phone visits, desktop visits, robots' page views]).
pub async fn days(
    pool: &AnyPool,
    from: i64,
    to: i64,
) -> Result<(Vec<DayRow>, [i64; 3]), sqlx::Error> {
    let rows = sqlx::query(
        "SELECT day, visits, page_views, phone_visits, desktop_visits, bot_views FROM visit_days \
         WHERE day >= $1 AND day <= $2 ORDER BY day",
    )
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await?;
    let mut sums = [0i64; 3];
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        sums[0] += r.try_get::<i64, _>("phone_visits")?;
        sums[1] += r.try_get::<i64, _>("desktop_visits")?;
        sums[2] += r.try_get::<i64, _>("bot_views")?;
        out.push(DayRow {
            day: r.try_get("day")?,
            visits: r.try_get("visits")?,
            page_views: r.try_get("page_views")?,
        });
    }
    Ok((out, sums))
}

/// The rows of a "most" query (`k`: the slug its link is made of, `label`, `n`) for
/// the days from `from` to `to`, the first `n`.
async fn ranked(
    pool: &AnyPool,
    sql: &str,
    (from, to, n): (i64, i64, i64),
    href: impl Fn(&str) -> String,
) -> Result<Vec<Ranked>, sqlx::Error> {
    let rows = sqlx::query(sql)
        .bind(from)
        .bind(to)
        .bind(n)
        .fetch_all(pool)
        .await?;
    rows.into_iter()
        .map(|r| {
            let key: String = r.try_get("k")?;
            Ok(Ranked {
                label: r.try_get("label")?,
                href: (!key.is_empty()).then(|| href(&key)),
                count: r.try_get("n")?,
            })
        })
        .collect()
}

/// The period's most read articles (views counted as "Số lần đọc" counts them).
pub async fn top_articles(
    pool: &AnyPool,
    from: i64,
    to: i64,
    n: i64,
) -> Result<Vec<Ranked>, sqlx::Error> {
    let sql = "SELECT a.slug AS k, a.title AS label, CAST(SUM(v.views) AS BIGINT) AS n FROM visit_articles v \
         JOIN articles a ON a.id = v.article_id WHERE v.day >= $1 AND v.day <= $2 \
         GROUP BY a.id, a.slug, a.title ORDER BY n DESC, a.id DESC LIMIT $3";
    ranked(pool, sql, (from, to, n), crate::core::links::article_href).await
}

/// The period's most read categories (their articles' views).
pub async fn top_categories(
    pool: &AnyPool,
    from: i64,
    to: i64,
    n: i64,
) -> Result<Vec<Ranked>, sqlx::Error> {
    let sql = "SELECT c.slug AS k, c.name AS label, CAST(SUM(v.views) AS BIGINT) AS n FROM visit_articles v \
         JOIN articles a ON a.id = v.article_id JOIN categories c ON c.id = a.category_id \
         WHERE v.day >= $1 AND v.day <= $2 GROUP BY c.id, c.slug, c.name ORDER BY n DESC, c.id LIMIT $3";
    ranked(pool, sql, (from, to, n), |slug| {
        format!("/chuyen-muc/{slug}")
    })
    .await
}

/// The period's referring hosts, by the pages they sent.
pub async fn top_referrers(
    pool: &AnyPool,
    from: i64,
    to: i64,
    n: i64,
) -> Result<Vec<Ranked>, sqlx::Error> {
    let sql = "SELECT '' AS k, host AS label, CAST(SUM(views) AS BIGINT) AS n FROM visit_referrers \
         WHERE day >= $1 AND day <= $2 GROUP BY host ORDER BY n DESC, host LIMIT $3";
    ranked(pool, sql, (from, to, n), |_| String::new()).await
}

/// Whether any day is stored.
pub async fn any_day(pool: &AnyPool) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query("SELECT day FROM visit_days LIMIT 1")
        .fetch_optional(pool)
        .await?
        .is_some())
}
