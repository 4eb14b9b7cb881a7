//! Visitor statistics ("Thống kê truy cập"): the block every public page shows (online
//! now, of which search engines and visitors; today; this month; in all), counted in
//! memory by `core::visits` and written in batches (`flush`), and the admin's report of
//! a period under `Permission::ViewStatistics`.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
mod store;
pub mod views;

#[cfg(feature = "ssr")]
pub use store::add_article_views;

/// The block's numbers now: this server's memory, no database read.
#[cfg(feature = "ssr")]
pub fn block(ctx: &crate::core::state::AppContext, now: i64) -> model::VisitBlock {
    let (online, bots) = ctx.visits.online(now);
    let t = ctx.visits.totals(now);
    model::VisitBlock {
        online,
        bots,
        today: t.today,
        month: t.month,
        total: t.total,
    }
}

/// Writes what `ctx.visits` counted (and reads the totals back); the visits written.
#[cfg(feature = "ssr")]
pub async fn flush(ctx: &crate::core::state::AppContext, now: i64) -> Result<i64, sqlx::Error> {
    let today = crate::core::visits::day_number(now);
    let pool = ctx.pool.clone();
    ctx.visits
        .flush(now, |batch| async move {
            // in the readers' write queue: a flush never collides with their writes
            let _turn = ctx.write_turn().await;
            store::add(&pool, &batch, today).await
        })
        .await
}

/// The demo's history: `days` (their visits, views, devices and referrers) and the
/// articles' reads per day, written when no day is stored yet. True when written.
#[cfg(feature = "ssr")]
pub async fn seed_demo(
    pool: &sqlx::AnyPool,
    days: &[(i64, crate::core::visits::DayCounts)],
    reads: &[(i64, Vec<(i64, i64)>)],
) -> Result<bool, sqlx::Error> {
    if store::any_day(pool).await? {
        return Ok(false);
    }
    store::add(pool, days, 0).await?;
    let mut conn = pool.acquire().await?;
    for (day, views) in reads {
        store::add_article_views(&mut conn, *day, views).await?;
    }
    Ok(true)
}
