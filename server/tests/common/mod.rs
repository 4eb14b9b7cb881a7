//! Test helper: starts the real application on a fresh database — a temp SQLite file,
//! and a new database in the throwaway PostgreSQL that `make test` starts (its admin
//! address in TOASOAN_TEST_POSTGRES_URL) — and gives a base URL and an HTTP client.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::server_fn::ServerFn;
use sqlx::AnyPool;
use tempfile::TempDir;
use toasoan_app::core::site::ParticipationConfig;
use toasoan_app::features::accounts::api::{SignIn, SignOut};
use toasoan_server::{db, web};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Browsers' user agents (readers, not robots).
pub const CHROME: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36";
pub const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/// A reader's browser: its own cookie jar and user agent; redirects not followed.
pub fn browser(agent: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .user_agent(agent)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(60))
        .build()
        .unwrap()
}

/// A header of an answer ("" when absent).
pub fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// Calls a server function as the hydrated page does, from `client`.
pub async fn call_as(
    s: &TestServer,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let res = client
        .post(s.url(path))
        .header("Origin", &s.base)
        .form(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// Rates an article as the hydrated page does, from `client`.
pub async fn rate(
    s: &TestServer,
    client: &reqwest::Client,
    slug: &str,
    stars: &str,
) -> (u16, String) {
    use toasoan_app::features::ratings::api::RateArticle;
    call_as(
        s,
        client,
        RateArticle::PATH,
        &[("slug", slug), ("stars", stars)],
    )
    .await
}

pub const POSTGRES_ENV: &str = "TOASOAN_TEST_POSTGRES_URL";

/// The backends to run on: SQLite always, PostgreSQL when one is provided.
pub fn backends() -> Vec<Backend> {
    let mut out = vec![Backend::Sqlite];
    if std::env::var(POSTGRES_ENV).is_ok_and(|v| !v.is_empty()) {
        out.push(Backend::Postgres);
    } else {
        eprintln!("PostgreSQL skipped: {POSTGRES_ENV} is not set (make test sets it)");
    }
    out
}

pub struct TestServer {
    pub backend: Backend,
    pub base: String,
    pub client: reqwest::Client,
    pub pool: AnyPool,
    pub database_url: String,
    pub media_dir: PathBuf,
    pub dir: TempDir,
    /// The server's page cache: a test that writes to the database behind the
    /// application's back makes it stale, as the application does after its own writes.
    pub pages: std::sync::Arc<toasoan_server::page_cache::PageCache>,
    server: tokio::task::JoinHandle<()>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

static NEXT_DB: AtomicU32 = AtomicU32::new(0);

/// A new, empty, migrated database: (url, pool).
pub async fn fresh_database(backend: Backend, dir: &TempDir) -> (String, AnyPool) {
    let url = match backend {
        Backend::Sqlite => format!("sqlite://{}/toasoan.db", dir.path().display()),
        Backend::Postgres => {
            let admin_url = std::env::var(POSTGRES_ENV).expect("postgres url");
            let name = format!(
                "t_{}_{}",
                std::process::id(),
                NEXT_DB.fetch_add(1, Ordering::SeqCst)
            );
            let admin = db::connect(&admin_url)
                .await
                .expect("connect to the test PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&admin)
                .await
                .expect("create database");
            admin.close().await;
            let (base, _) = admin_url.rsplit_once('/').expect("url with a database");
            format!("{base}/{name}")
        }
    };
    let pool = db::open(&url).await.expect("open and migrate");
    (url, pool)
}

impl TestServer {
    pub async fn start(backend: Backend) -> TestServer {
        Self::start_with(backend, ParticipationConfig::default()).await
    }

    /// Starts with these participation rules (limits, moderation, banned words).
    pub async fn start_with(backend: Backend, participation: ParticipationConfig) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let (database_url, pool) = fresh_database(backend, &dir).await;
        Self::serve(backend, dir, database_url, pool, participation).await
    }

    /// Starts on an existing database (a restart after `shut_down`).
    pub async fn on_database(
        backend: Backend,
        database_url: &str,
        participation: ParticipationConfig,
    ) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let pool = db::open(database_url).await.expect("open");
        Self::serve(backend, dir, database_url.to_string(), pool, participation).await
    }

    async fn serve(
        backend: Backend,
        dir: TempDir,
        database_url: String,
        pool: AnyPool,
        participation: ParticipationConfig,
    ) -> TestServer {
        let media_dir = dir.path().join("media");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let site = toasoan_app::core::site::SiteConfig {
            base_url: format!("http://{addr}"),
            ..Default::default()
        };
        let web = web::app(web::WebConfig {
            pool: pool.clone(),
            site,
            participation,
            media_dir: media_dir.clone(),
            media_limits: toasoan_server::media::MediaLimits {
                max_picture_mb: 1,
                max_document_mb: 2,
            },
            site_root: dir.path().join("site"),
            addr,
            trusted_proxies: vec![],
        });
        let pages = web.pages.clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            web::serve_until(listener, web, async move {
                let _ = stopped.await;
            })
            .await
            .expect("serve");
        });
        // like a browser: keeps cookies; redirects are checked by the tests, not followed
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            // a request that hangs fails the test instead of the whole run
            .timeout(std::time::Duration::from_secs(60))
            .build()
            .expect("client");
        TestServer {
            backend,
            base: format!("http://{addr}"),
            client,
            pool,
            database_url,
            media_dir,
            dir,
            pages,
            server,
            stop: Some(stop),
        }
    }

    /// The slug of the newest published article.
    pub async fn newest_published_slug(&self) -> String {
        sqlx::Row::get(
            &sqlx::query(
                "SELECT slug FROM articles WHERE status = 'published' \
                 ORDER BY publish_at DESC, id DESC LIMIT 1",
            )
            .fetch_one(&self.pool)
            .await
            .unwrap(),
            0,
        )
    }

    /// Shuts the server down cleanly (as on SIGTERM) and waits until it has finished.
    pub async fn shut_down(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.server).await.expect("server task");
    }

    /// Stops the server as a crash would: no shutdown work (flushes, recounts) runs.
    pub fn crash(&mut self) {
        self.server.abort();
    }

    /// Seeds the demo content.
    pub async fn seed_demo(&self) {
        toasoan_server::demo::seed(&self.pool, &self.media_dir)
            .await
            .expect("demo");
        // seeded as if before the server started: its change watch need not react
        if let Some(v) = toasoan_app::core::state::content_version(&self.pool)
            .await
            .expect("content version")
        {
            self.pages.note_own_version(v);
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// GET a page: (status, body).
    pub async fn get(&self, path: &str) -> (u16, String) {
        let res = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request");
        let status = res.status().as_u16();
        (status, res.text().await.expect("body"))
    }

    /// POSTs a form to a server function as the hydrated client does (same-site Origin).
    pub async fn call(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.call_named(path, form).await
    }

    /// `call` with field names made at run time (`article[title]`, …).
    pub async fn call_named<K: serde::Serialize>(
        &self,
        path: &str,
        form: &[(K, &str)],
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("Origin", &self.base)
            .form(form)
            .send()
            .await
            .expect("request")
    }

    /// GETs a server function that reads (`GetUrl`) with its arguments: (status, body).
    pub async fn query(&self, path: &str, args: &[(&str, &str)]) -> (u16, String) {
        let res = self
            .client
            .get(self.url(path))
            .query(args)
            .send()
            .await
            .expect("request");
        let status = res.status().as_u16();
        (status, res.text().await.expect("body"))
    }

    /// Adds an account with `password` and signs this client in as it; returns its id.
    pub async fn sign_in_as(&self, name: &str, role: &str, password: &str) -> i64 {
        let id =
            match toasoan_server::user_admin::add(&self.pool, name, role, Some(name), "", password)
                .await
            {
                Ok(id) => id,
                Err(_) => {
                    self.scalar(&format!("SELECT id FROM users WHERE username = '{name}'"))
                        .await
                }
            };
        self.call(<SignOut as ServerFn>::PATH, &[]).await;
        let res = self
            .call(
                <SignIn as ServerFn>::PATH,
                &[("username", name), ("password", password), ("next", "/")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 200, "{name} signs in");
        id
    }

    pub async fn scalar(&self, sql: &str) -> i64 {
        sqlx::Row::get(&sqlx::query(sql).fetch_one(&self.pool).await.expect(sql), 0)
    }

    /// `sql`'s value once it is `want`, or its last value after `SETTLE` (what a
    /// background job such as the ratings' recount writes a moment later).
    pub async fn scalar_settled(&self, sql: &str, want: i64) -> i64 {
        let until = std::time::Instant::now() + SETTLE;
        loop {
            let value = self.scalar(sql).await;
            if value == want || std::time::Instant::now() > until {
                return value;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// The page at `path` once its text contains `wanted`, or as it is after `SETTLE`.
    pub async fn page_settled(&self, path: &str, wanted: &str) -> String {
        let until = std::time::Instant::now() + SETTLE;
        loop {
            let text = page_text(&self.get(path).await.1);
            if text.contains(wanted) || std::time::Instant::now() > until {
                return text;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
}

/// How long the tests wait for what background jobs write: the ratings' recount runs
/// every second.
pub const SETTLE: std::time::Duration = std::time::Duration::from_secs(5);

impl Drop for TestServer {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Decodes the entities the renderer writes, so page text can be compared with source text.
pub fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of a page: tags removed, entities decoded, whitespace collapsed.
pub fn page_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The slug of the first article link on a page.
pub fn first_article_slug(html: &str) -> String {
    let start =
        html.find("href=\"/bai-viet/").expect("an article link") + "href=\"/bai-viet/".len();
    html[start..].split('"').next().unwrap().to_string()
}

/// Rules for tests: no minimum fill time, generous limits, comments moderated.
pub fn relaxed() -> ParticipationConfig {
    ParticipationConfig {
        min_fill_seconds: 0,
        comments_per_visitor: 1000,
        comments_per_address: 10_000,
        ratings_per_visitor: 1000,
        ratings_per_address: 10_000,
        quiz_starts_per_visitor: 1000,
        quiz_starts_per_address: 10_000,
        view_flush_seconds: 3600,
        ..Default::default()
    }
}

/// A photo-like PNG `width` × `height`.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x * y) % 239) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Sends `files` (name, bytes) to the upload address as `client`, from the site's own page.
pub async fn post_files(
    s: &TestServer,
    client: &reqwest::Client,
    files: &[(&str, Vec<u8>)],
) -> (u16, serde_json::Value) {
    let mut form = reqwest::multipart::Form::new();
    for (name, bytes) in files {
        form = form.part(
            toasoan_server::media::upload::FIELD,
            reqwest::multipart::Part::bytes(bytes.clone()).file_name(name.to_string()),
        );
    }
    let res = client
        .post(format!("{}{}", s.base, toasoan_server::media::upload::PATH))
        .header("Origin", &s.base)
        .multipart(form)
        .send()
        .await
        .unwrap();
    status_and_json(res).await
}

/// An answer's status and its body as JSON (a body that is not JSON as a string).
pub async fn status_and_json(res: reqwest::Response) -> (u16, serde_json::Value) {
    let status = res.status().as_u16();
    let body = res.text().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body)),
    )
}

/// Sends the block editor's save as `s`'s client: (status, body).
pub async fn save_doc(s: &TestServer, draft: serde_json::Value) -> (u16, serde_json::Value) {
    use toasoan_app::features::editorial::save::SaveDraft;
    let res = s
        .client
        .post(s.url(SaveDraft::PATH))
        .header("Origin", &s.base)
        .header("Content-Type", "application/json")
        .body(serde_json::json!({ "draft": draft }).to_string())
        .send()
        .await
        .unwrap();
    status_and_json(res).await
}

/// Moves article `id` by workflow `action` ("submit", "approve", "publish", …) as the
/// signed-in client: the answer's status.
pub async fn transition(s: &TestServer, id: &str, action: &str) -> u16 {
    use toasoan_app::features::workflow::api::TransitionArticle;
    s.call(
        <TransitionArticle as ServerFn>::PATH,
        &[
            ("article_id", id),
            ("action", action),
            ("reason", ""),
            ("publish_at", ""),
        ],
    )
    .await
    .status()
    .as_u16()
}
