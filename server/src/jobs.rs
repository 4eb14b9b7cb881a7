//! Background jobs of `toasoan serve`: publishing scheduled articles when due.

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
