//! What the server hands every server function: the database pool, the portal's
//! configuration, the rate limits and the view counter; plus the request facts server
//! functions read (client address) and write (cookies). Provided as Leptos context by
//! the server.

use std::sync::Arc;

use leptos::prelude::use_context;

use crate::core::error::AppError;
use crate::core::rate_limit::{Limit, Tally};
use crate::core::site::{ParticipationConfig, SiteConfig};
use crate::core::view_counts::ViewCounts;

/// Sign-in failures allowed per account, and per client address, in
/// `SIGN_IN_WINDOW_SECONDS`.
pub const ACCOUNT_FAILURES: usize = 5;
pub const ADDRESS_FAILURES: usize = 20;
pub const SIGN_IN_WINDOW_SECONDS: i64 = 15 * 60;

/// How long `AppContext::memo` keeps an answer: a change made behind the server's
/// back (straight in the database, with no content mark) reaches the writes within it.
pub const ANSWERS_KEPT: std::time::Duration = std::time::Duration::from_secs(1);

/// Shared server state.
#[derive(Clone)]
pub struct AppContext {
    pub pool: sqlx::AnyPool,
    pub site: Arc<SiteConfig>,
    pub participation: Arc<ParticipationConfig>,
    /// Sign-in failures per account.
    pub sign_in_limits: Arc<Limit>,
    /// Sign-in attempts per client address.
    pub address_limits: Arc<Limit>,
    /// Comments and ratings, per visitor and per address.
    pub comment_limits: Arc<ReaderLimits>,
    pub rating_limits: Arc<ReaderLimits>,
    /// Quiz attempts started, per visitor and per address.
    pub quiz_limits: Arc<ReaderLimits>,
    /// Article views counted in memory, written in batches.
    pub views: Arc<ViewCounts>,
    /// The portal's visits ("Thống kê truy cập"), counted in memory, written in batches.
    pub visits: Arc<crate::core::visits::Visits>,
    /// Articles whose rating totals wait to be recounted.
    pub recounts: Arc<crate::core::recount::Recounts>,
    /// Answers every write asks first, kept a second (forgotten when content changes).
    pub memo: Arc<crate::core::memo::Memo>,
    /// The portal's secret (keys address hashes and form times), read once.
    secret: Arc<tokio::sync::OnceCell<String>>,
    /// Cookies get `Secure` when the portal is served over https.
    pub secure_cookies: bool,
    /// Where media files live (the library deletes them there).
    pub media_dir: Arc<std::path::PathBuf>,
    /// The largest upload, in MB: (a picture, a document), from `[media]`.
    pub upload_limits_mb: (u64, u64),
    /// On SQLite, the queue readers' writes wait in (see `write_turn`).
    write_turns: Option<Arc<tokio::sync::Mutex<()>>>,
}

/// Begins a transaction that reads, then writes (an article's save, a workflow step).
/// On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`, waiting its turn in
/// the busy handler): a plain transaction that reads first fails at once, without
/// waiting, when another connection wrote in between — a rating or the recount
/// meanwhile would turn an editor's save into an error.
pub async fn begin_write(
    pool: &sqlx::AnyPool,
) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    if is_postgres(pool) {
        pool.begin().await
    } else {
        pool.begin_with("BEGIN IMMEDIATE").await
    }
}

/// True when `pool` is on PostgreSQL (the deployment several servers share), false on
/// SQLite.
pub fn is_postgres(pool: &sqlx::AnyPool) -> bool {
    matches!(
        pool.connect_options().database_url.scheme(),
        "postgres" | "postgresql"
    )
}

/// The two limits on what readers send: per visitor and per address.
pub struct ReaderLimits {
    pub visitor: Limit,
    pub address: Limit,
}

impl ReaderLimits {
    fn new(
        names: (&'static str, &'static str),
        per_visitor: u32,
        per_address: u32,
        window_minutes: u32,
        tally: &Tally,
    ) -> Self {
        let window = i64::from(window_minutes.max(1)) * 60;
        ReaderLimits {
            visitor: Limit::new(names.0, per_visitor as usize, window, tally.clone()),
            address: Limit::new(names.1, per_address as usize, window, tally.clone()),
        }
    }

    /// Counts one event of `visitor` from `address`; false when either is over its limit.
    pub async fn hit(&self, visitor: &str, address: &str, now: i64) -> Result<bool, sqlx::Error> {
        let within = crate::core::rate_limit::hit_all(
            &[(&self.visitor, visitor), (&self.address, address)],
            now,
        )
        .await?;
        Ok(within.iter().all(|ok| *ok))
    }
}

impl AppContext {
    pub fn new(pool: sqlx::AnyPool, site: SiteConfig, participation: ParticipationConfig) -> Self {
        let secure_cookies = site.base_url.starts_with("https://");
        let p = &participation;
        // on PostgreSQL the servers' counts add up in the database
        let postgres = is_postgres(&pool);
        let tally = if postgres {
            Tally::Database(pool.clone())
        } else {
            Tally::Process
        };
        AppContext {
            media_dir: Arc::new(std::path::PathBuf::from("media")),
            upload_limits_mb: (20, 50),
            write_turns: (!postgres).then(|| Arc::new(tokio::sync::Mutex::new(()))),
            pool,
            site: Arc::new(site),
            sign_in_limits: Arc::new(Limit::new(
                "sign-in-account",
                ACCOUNT_FAILURES,
                SIGN_IN_WINDOW_SECONDS,
                tally.clone(),
            )),
            address_limits: Arc::new(Limit::new(
                "sign-in-address",
                ADDRESS_FAILURES,
                SIGN_IN_WINDOW_SECONDS,
                tally.clone(),
            )),
            comment_limits: Arc::new(ReaderLimits::new(
                ("comment-visitor", "comment-address"),
                p.comments_per_visitor,
                p.comments_per_address,
                p.limit_window_minutes,
                &tally,
            )),
            rating_limits: Arc::new(ReaderLimits::new(
                ("rating-visitor", "rating-address"),
                p.ratings_per_visitor,
                p.ratings_per_address,
                p.limit_window_minutes,
                &tally,
            )),
            quiz_limits: Arc::new(ReaderLimits::new(
                ("quiz-visitor", "quiz-address"),
                p.quiz_starts_per_visitor,
                p.quiz_starts_per_address,
                p.limit_window_minutes,
                &tally,
            )),
            views: Arc::new(ViewCounts::new(i64::from(p.view_dedupe_hours) * 3600)),
            recounts: Arc::default(),
            visits: Arc::default(),
            memo: Arc::new(crate::core::memo::Memo::new(ANSWERS_KEPT, 10_000)),
            participation: Arc::new(participation),
            secret: Arc::new(tokio::sync::OnceCell::new()),
            secure_cookies,
        }
    }

    /// The same context, its media files under `dir`, uploads up to `limits_mb` MB
    /// (a picture, a document).
    pub fn with_media(mut self, dir: std::path::PathBuf, limits_mb: (u64, u64)) -> Self {
        self.media_dir = Arc::new(dir);
        self.upload_limits_mb = limits_mb;
        self
    }

    /// Waits for this process's turn to write, on SQLite: it takes one writer at a time,
    /// and writers that collide there sleep in its busy handler (up to 100 ms between
    /// tries), so a flood of ratings and comments queues here instead, in arrival order,
    /// costing nothing while it waits. Hold the turn for the whole write transaction.
    /// PostgreSQL takes concurrent writers itself: no turn (None).
    pub async fn write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.write_turns {
            Some(turns) => Some(turns.lock().await),
            None => None,
        }
    }

    /// The portal's secret: 32 random bytes made on first use and kept in the
    /// settings table, so address hashes stay the same across restarts and servers.
    pub async fn secret(&self) -> Result<String, AppError> {
        self.secret
            .get_or_try_init(|| async {
                let fresh = crate::core::text::new_token();
                sqlx::query(
                    "INSERT INTO settings (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING",
                )
                .bind(&fresh)
                .execute(&self.pool)
                .await?;
                let row = sqlx::query("SELECT value FROM settings WHERE key = 'secret'")
                    .fetch_one(&self.pool)
                    .await?;
                Ok::<String, AppError>(sqlx::Row::try_get(&row, "value")?)
            })
            .await
            .cloned()
    }
}

/// Tells other processes on the same database (another server, `toasoan import`) that
/// the public pages changed: their page caches watch this value (`content_version`).
/// Returns the value written.
pub async fn bump_content_version(conn: &mut sqlx::AnyConnection) -> Result<String, sqlx::Error> {
    let version = crate::core::text::new_token()[..16].to_string();
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES ('content_version', $1) \
         ON CONFLICT (key) DO UPDATE SET value = $1",
    )
    .bind(&version)
    .execute(&mut *conn)
    .await?;
    // PostgreSQL tells the listening servers at once (delivered when the writer's
    // transaction commits); SQLite's watchers read the value back instead
    if conn.backend_name() == "PostgreSQL" {
        // selected through a subquery: the Any driver cannot read pg_notify's `void`
        sqlx::query("SELECT 1 FROM (SELECT pg_notify($1, $2)) AS sent")
            .bind(CONTENT_CHANNEL)
            .bind(&version)
            .execute(&mut *conn)
            .await?;
    }
    Ok(version)
}

/// The PostgreSQL channel `bump_content_version` notifies, with the new value as payload.
pub const CONTENT_CHANNEL: &str = "toasoan_content";

/// The value `bump_content_version` last wrote, if any.
pub async fn content_version(pool: &sqlx::AnyPool) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query("SELECT value FROM settings WHERE key = 'content_version'")
        .fetch_optional(pool)
        .await?;
    row.map(|r| sqlx::Row::try_get(&r, "value")).transpose()
}

/// The client's address, put into each request's extensions by the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddr(pub String);

/// The client address of the current request ("unknown" when the server gave none).
pub fn client_addr() -> String {
    use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<ClientAddr>().map(|a| a.0.clone()))
        .unwrap_or_else(|| "unknown".into())
}

/// A header of the current request, as text ("" when absent).
pub fn request_header(name: http::header::HeaderName) -> String {
    use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        })
        .unwrap_or_default()
}

/// True when the current request is a plain HTML form post (JavaScript off): the
/// browser then expects a redirect to a page, not data.
pub fn is_plain_form_post() -> bool {
    request_header(http::header::ACCEPT).contains("text/html")
}

/// Adds a Set-Cookie header to the current response.
pub fn set_cookie(value: &str) {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(v) = http::HeaderValue::from_str(value)
    {
        res.append_header(http::header::SET_COOKIE, v);
    }
}

/// Marks the current response as one person's own (a sign-in redirect, a question
/// followed by its code): no shared cache keeps it, no browser stores it.
pub fn keep_private() {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("private, no-store"),
        );
    }
}

/// The server state of the current request.
pub fn app_context() -> Result<AppContext, AppError> {
    use_context::<AppContext>()
        .ok_or_else(|| AppError::internal("context", "AppContext is not provided"))
}
