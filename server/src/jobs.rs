//! Background jobs of `toasoan serve`: publishing scheduled articles when due, and
//! writing counted article views to the database.

use std::time::Duration;

use sqlx::AnyPool;
use toasoan_app::features::workflow::store::publish_due;

/// How often scheduled articles are checked.
pub const SCHEDULE_INTERVAL: Duration = Duration::from_secs(30);

/// Runs the scheduler until the process ends.
pub fn spawn_scheduler(pool: AnyPool) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SCHEDULE_INTERVAL);
        loop {
            tick.tick().await;
            match publish_due(&pool, toasoan_app::time::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!("đã đăng {n} bài theo lịch"),
                Err(e) => tracing::error!("lỗi đăng bài theo lịch: {e}"),
            }
        }
    })
}

/// Writes the views counted since the last flush (kept for the next one on error).
/// Returns how many views were written.
pub async fn flush_views(ctx: &toasoan_app::state::AppContext) -> i64 {
    match ctx.views.flush(&ctx.pool, toasoan_app::time::now()).await {
        Ok(0) => 0,
        Ok(n) => {
            tracing::debug!("đã ghi {n} lượt đọc");
            n
        }
        Err(e) => {
            tracing::error!("lỗi ghi lượt đọc (sẽ thử lại): {e}");
            0
        }
    }
}

/// Flushes counted views every `every` until aborted; written views make the kept
/// pages (which show "Số lần đọc" and the most-read block) stale.
pub fn spawn_view_flusher(
    ctx: toasoan_app::state::AppContext,
    pages: std::sync::Arc<crate::page_cache::PageCache>,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.tick().await;
        loop {
            tick.tick().await;
            if flush_views(&ctx).await > 0 {
                pages.invalidate();
            }
        }
    })
}
