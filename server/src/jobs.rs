//! Background jobs of `toasoan serve`: publishing scheduled articles when due, and
//! writing counted article views to the database.

use std::sync::Arc;
use std::time::Duration;

use sqlx::AnyPool;
use toasoan_app::features::workflow::publish_due;

use crate::page_cache::PageCache;

/// How often scheduled articles are checked.
pub const SCHEDULE_INTERVAL: Duration = Duration::from_secs(30);

/// Publishes the scheduled articles due at `now`. When any went out, the kept pages
/// are made stale, so the home page and the categories show them at once.
pub async fn publish_scheduled(
    pool: &AnyPool,
    pages: &PageCache,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let published = publish_due(pool, now).await?;
    if published > 0 {
        pages.invalidate();
        let mut conn = pool.acquire().await?;
        let version = toasoan_app::core::state::bump_content_version(&mut conn).await?;
        pages.note_own_version(version);
    }
    Ok(published)
}

/// The longest limit window whose counts the database keeps (`limit_hits`, used on
/// PostgreSQL): a day; the scheduler's holder deletes older windows.
pub const LIMIT_WINDOW_KEPT: i64 = 24 * 3600;

/// The scheduler's lease: among the servers on one database, one publishes at a time.
pub const SCHEDULER_LEASE: &str = "scheduled-publishing";

/// How long a lease lasts unrenewed: three rounds, so when its server stops another
/// takes the schedule over within a minute and a half.
pub const LEASE_SECONDS: i64 = 90;

/// One round of the scheduler on the server named `holder`: when it holds the lease
/// (taking or renewing it), publishes what is due at `now`. None when another server
/// holds it.
pub async fn scheduler_round(
    pool: &AnyPool,
    pages: &PageCache,
    holder: &str,
    now: i64,
) -> Result<Option<usize>, sqlx::Error> {
    use toasoan_app::core::lease;
    if !lease::take(pool, SCHEDULER_LEASE, holder, now, LEASE_SECONDS).await? {
        return Ok(None);
    }
    toasoan_app::core::rate_limit::forget_old(pool, now, LIMIT_WINDOW_KEPT).await?;
    publish_scheduled(pool, pages, now).await.map(Some)
}

/// Runs the scheduler until the process ends, as `holder` (see `core::lease`).
pub fn spawn_scheduler(
    pool: AnyPool,
    pages: Arc<PageCache>,
    holder: String,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SCHEDULE_INTERVAL);
        loop {
            tick.tick().await;
            let now = toasoan_app::core::time::now();
            match scheduler_round(&pool, &pages, &holder, now).await {
                Ok(None | Some(0)) => {}
                Ok(Some(n)) => tracing::info!("đã đăng {n} bài theo lịch"),
                Err(e) => tracing::error!("lỗi đăng bài theo lịch: {e}"),
            }
        }
    })
}

/// How often a server on SQLite looks whether another process changed the public pages.
pub const CHANGES_INTERVAL: Duration = Duration::from_millis(400);

/// On PostgreSQL changes arrive by notification; the value is read back this often
/// besides, in case a notification was lost with the listening connection.
pub const CHANGES_FALLBACK_INTERVAL: Duration = Duration::from_secs(10);

/// What the watcher knows of the database's `content_version`.
struct Changes {
    pool: AnyPool,
    pages: Arc<PageCache>,
    seen: Option<String>,
}

impl Changes {
    /// Makes the kept pages stale when `now` is a value neither seen before nor
    /// written by this server itself.
    fn saw(&mut self, now: Option<String>) {
        if now != self.seen {
            if !self.pages.is_own_version(now.as_deref()) {
                self.pages.invalidate();
            }
            self.seen = now;
        }
    }

    async fn read(&mut self) {
        use toasoan_app::core::state::content_version;
        match content_version(&self.pool).await {
            Ok(now) => self.saw(now),
            Err(e) => tracing::warn!("không đọc được dấu thay đổi nội dung: {e}"),
        }
    }
}

/// Watches the database's `content_version` (written by other servers and by
/// `toasoan import`) and makes the kept pages stale when it changes, so their changes
/// show within a second, not after the cache's minute: on PostgreSQL by LISTEN/NOTIFY
/// (`core::state::CONTENT_CHANNEL`), on SQLite by reading the value every 400 ms.
pub fn spawn_change_watch(pool: AnyPool, pages: Arc<PageCache>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let postgres = toasoan_app::core::state::is_postgres(&pool);
        let url = pool.connect_options().database_url.clone();
        let mut changes = Changes {
            pool,
            pages,
            seen: None,
        };
        changes.seen = toasoan_app::core::state::content_version(&changes.pool)
            .await
            .ok()
            .flatten();
        if postgres {
            match listen(url.as_str()).await {
                Ok(listener) => return watch_notifications(listener, changes).await,
                Err(e) => {
                    tracing::warn!("không nghe được thông báo PostgreSQL, sẽ đọc định kỳ: {e}")
                }
            }
        }
        let mut tick = tokio::time::interval(CHANGES_INTERVAL);
        loop {
            tick.tick().await;
            changes.read().await;
        }
    })
}

async fn listen(url: &str) -> Result<sqlx::postgres::PgListener, sqlx::Error> {
    let mut listener = sqlx::postgres::PgListener::connect(url).await?;
    listener
        .listen(toasoan_app::core::state::CONTENT_CHANNEL)
        .await?;
    Ok(listener)
}

async fn watch_notifications(mut listener: sqlx::postgres::PgListener, mut changes: Changes) {
    let mut fallback = tokio::time::interval(CHANGES_FALLBACK_INTERVAL);
    loop {
        tokio::select! {
            got = listener.try_recv() => match got {
                // the value is read back rather than taken from the note: one import
                // sends a note per article, and only the last value tells whether the
                // change was this server's own
                Ok(Some(_)) => changes.read().await,
                // the connection was lost (the next call reconnects and listens again):
                // what was sent meanwhile is read back
                Ok(None) => changes.read().await,
                Err(e) => {
                    tracing::warn!("mất kết nối nghe thông báo PostgreSQL: {e}");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            },
            _ = fallback.tick() => changes.read().await,
        }
    }
}

/// Writes the views counted since the last flush (kept for the next one on error).
/// Returns how many views were written.
pub async fn flush_views(ctx: &toasoan_app::core::state::AppContext) -> i64 {
    let pool = &ctx.pool;
    let written = ctx
        .views
        .flush(toasoan_app::core::time::now(), |batch| async move {
            // in the readers' write queue: a flush never collides with their writes
            let _turn = ctx.write_turn().await;
            toasoan_app::features::articles::add_views(pool, &batch).await?;
            // the day's reads for the statistics (a failure costs the report a few
            // reads, never the article's count)
            let day = toasoan_app::core::visits::day_number(toasoan_app::core::time::now());
            let daily = async {
                let mut conn = pool.acquire().await?;
                toasoan_app::features::stats::add_article_views(&mut conn, day, &batch).await
            };
            if let Err(e) = daily.await {
                tracing::warn!("lỗi ghi lượt đọc theo ngày: {e}");
            }
            Ok::<(), sqlx::Error>(())
        })
        .await;
    match written {
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

/// Writes the visits counted ("Thống kê truy cập") and reads the totals back; the
/// visits written.
pub async fn flush_visits(ctx: &toasoan_app::core::state::AppContext) -> i64 {
    match toasoan_app::features::stats::flush(ctx, toasoan_app::core::time::now()).await {
        Ok(n) => n,
        Err(e) => {
            tracing::error!("lỗi ghi thống kê truy cập (sẽ thử lại): {e}");
            0
        }
    }
}

/// Flushes counted views every `every` until aborted; written views make the kept
/// pages (which show "Số lần đọc" and the most-read block) stale. The visits are
/// written on the same beat (the block reads them from memory: no page changes).
pub fn spawn_view_flusher(
    ctx: toasoan_app::core::state::AppContext,
    pages: Arc<PageCache>,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.tick().await;
        // the block's totals as the database holds them, from the start
        flush_visits(&ctx).await;
        loop {
            tick.tick().await;
            flush_visits(&ctx).await;
            // the counts need not show at once: old copies serve while pages render
            if flush_views(&ctx).await > 0 {
                pages.invalidate_soft();
            }
        }
    })
}

/// How often rated articles' totals are recounted: a rating shows to other readers
/// within about this (its reader sees it at once).
pub const RECOUNT_INTERVAL: Duration = Duration::from_secs(1);

/// Recounts the totals of the articles rated since the last round (put back for the
/// next on error) and makes their pages stale. Returns how many were recounted.
pub async fn recount_rated(ctx: &toasoan_app::core::state::AppContext, pages: &PageCache) -> usize {
    let articles = ctx.recounts.take();
    if articles.is_empty() {
        return 0;
    }
    let done = {
        let _turn = ctx.write_turn().await;
        toasoan_app::features::ratings::recount(&ctx.pool, &articles).await
    };
    match done {
        Ok(()) => {
            for id in &articles {
                pages.changed(toasoan_app::core::view_counts::Changed::Article(*id));
            }
            articles.len()
        }
        Err(e) => {
            tracing::error!("lỗi đếm lại đánh giá (sẽ thử lại): {e}");
            ctx.recounts.put_back(&articles);
            0
        }
    }
}

/// Recounts the articles rated just before this server started (a crash may have left
/// their totals behind), then rated articles every `RECOUNT_INTERVAL` until aborted.
pub fn spawn_recounter(
    ctx: toasoan_app::core::state::AppContext,
    pages: Arc<PageCache>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        match toasoan_app::features::ratings::recount_recent(&ctx.pool).await {
            Ok(n) if n > 0 => tracing::debug!("đã đếm lại đánh giá của {n} bài"),
            Ok(_) => {}
            Err(e) => tracing::warn!("không đếm lại được đánh giá gần đây: {e}"),
        }
        let mut tick = tokio::time::interval(RECOUNT_INTERVAL);
        loop {
            tick.tick().await;
            recount_rated(&ctx, &pages).await;
        }
    })
}

/// How often the preparer looks for pictures waiting for their copies.
pub const PREPARE_INTERVAL: Duration = Duration::from_secs(2);

/// Makes the copies of waiting pictures (uploads, and the pictures stored before) a few
/// at a time until none waits, every `PREPARE_INTERVAL`, until aborted. Two servers may
/// prepare the same picture at once: each writes whole files and the rows once.
pub fn spawn_preparer(pool: AnyPool, media_dir: std::path::PathBuf) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(PREPARE_INTERVAL);
        loop {
            tick.tick().await;
            let mut changes = crate::media::PageChanges::new();
            loop {
                match crate::media::prepare_waiting(&pool, &media_dir, 4).await {
                    Ok(round) if round.prepared == 0 => break,
                    Ok(round) => {
                        tracing::debug!("đã làm bản thu nhỏ của {} ảnh", round.prepared);
                        if let Err(e) = changes.after(&pool, round).await {
                            tracing::warn!("lỗi báo trang đổi: {e}");
                        }
                    }
                    Err(e) => {
                        tracing::warn!("lỗi làm bản thu nhỏ của ảnh: {e}");
                        break;
                    }
                }
            }
            if let Err(e) = changes.finish(&pool).await {
                tracing::warn!("lỗi báo trang đổi: {e}");
            }
        }
    })
}
