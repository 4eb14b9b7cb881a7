//! Keeps SQLite's write-ahead log short while the server runs, away from the writers.
//! SQLite's own checkpoint runs in the commit that passes 1,000 pages: that writer then
//! waits for the disk (fsync, up to half a second under a flood of ratings) while the
//! others queue behind it; and it can start the log afresh only at a moment no reader
//! is inside it, which a busy portal never has, so a day of ratings and comments would
//! leave a log of gigabytes that every read searches. The server's connections thus
//! leave checkpoints to this keeper (`db::Opener::Server`): every second it copies the
//! log into the database beside the writers, and once the log is long it asks for a
//! restart in the writers' queue (the few pages written since the copy, then SQLite
//! waits a moment for the log's readers), and the next write starts the log from the
//! top. PostgreSQL keeps its own log: nothing runs there.

use std::time::Duration;

use sqlx::{AnyPool, Row};
use toasoan_app::core::state::AppContext;

/// How often the log is looked at.
pub const WAL_INTERVAL: Duration = Duration::from_secs(1);

/// Pages (4 KB) the log may hold before it is restarted: 16 MB.
pub const RESTART_ABOVE_PAGES: i64 = 4096;

/// What one look at the log did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WalReport {
    /// Pages in the log when looked at.
    pub pages: i64,
    /// Whether the log was restarted.
    pub restarted: bool,
}

/// One look: copies what it can; restarts the log when longer than `restart_above`
/// pages, in the readers' write queue (the writers of this process wait meanwhile,
/// instead of colliding with it).
pub async fn keep_short(ctx: &AppContext, restart_above: i64) -> Result<WalReport, sqlx::Error> {
    let pages = checkpoint(&ctx.pool, "PASSIVE").await?;
    let restarted = if pages > restart_above {
        let _turn = ctx.write_turn().await;
        checkpoint(&ctx.pool, "RESTART").await?;
        true
    } else {
        false
    };
    Ok(WalReport { pages, restarted })
}

/// Runs `PRAGMA wal_checkpoint(mode)`; returns the pages the log held.
async fn checkpoint(pool: &AnyPool, mode: &'static str) -> Result<i64, sqlx::Error> {
    let row = sqlx::query(&format!("PRAGMA wal_checkpoint({mode})"))
        .fetch_one(pool)
        .await?;
    row.try_get(1)
}

/// Looks at the log every `WAL_INTERVAL` until aborted (on SQLite; None on PostgreSQL).
pub fn spawn_wal_keeper(ctx: AppContext) -> Option<tokio::task::JoinHandle<()>> {
    if toasoan_app::core::state::is_postgres(&ctx.pool) {
        return None;
    }
    Some(tokio::spawn(async move {
        let mut tick = tokio::time::interval(WAL_INTERVAL);
        loop {
            tick.tick().await;
            match keep_short(&ctx, RESTART_ABOVE_PAGES).await {
                Ok(r) if r.restarted => {
                    tracing::debug!("nhật ký ghi SQLite ({} trang) đã bắt đầu lại", r.pages)
                }
                Ok(_) => {}
                Err(e) => tracing::warn!("không thu gọn được nhật ký ghi SQLite: {e}"),
            }
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_log_a_reader_kept_long_starts_again() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/t.db", dir.path().display());
        let pool = crate::db::open_as(&url, crate::db::Opener::Server)
            .await
            .unwrap();
        let ctx = AppContext::new(pool.clone(), Default::default(), Default::default());
        sqlx::query("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
            .execute(&pool)
            .await
            .unwrap();
        // a reader inside the log while the writes go on: SQLite's own checkpoints
        // cannot start the log afresh, as on a portal that always has a reader
        let mut reader = pool.begin().await.unwrap();
        sqlx::query("SELECT COUNT(*) FROM filler")
            .fetch_one(&mut *reader)
            .await
            .unwrap();
        for i in 0..3000 {
            sqlx::query("INSERT INTO filler (text) VALUES ($1)")
                .bind("x".repeat(1000 + i % 7))
                .execute(&pool)
                .await
                .unwrap();
        }
        reader.commit().await.unwrap();
        let quiet = keep_short(&ctx, i64::MAX).await.unwrap();
        assert!(!quiet.restarted && quiet.pages > 1500, "{quiet:?}");
        let report = keep_short(&ctx, 100).await.unwrap();
        assert!(report.restarted && report.pages > 1500, "{report:?}");
        // the next write starts the log from its top: a page or two, not thousands
        sqlx::query("INSERT INTO filler (text) VALUES ('y')")
            .execute(&pool)
            .await
            .unwrap();
        let after = keep_short(&ctx, i64::MAX).await.unwrap();
        assert!(after.pages < 10, "log restarted: {after:?}");
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM filler")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(n, 3001, "nothing lost");
    }
}
