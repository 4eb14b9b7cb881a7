//! The axum application: Leptos pages and server functions, the built client under
//! /pkg, media under /media, static files, 404s, the page cache, compression, security
//! headers, the Origin check on state-changing requests, and request logging.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use sqlx::AnyPool;
use toasoan_app::core::site::{ParticipationConfig, SiteConfig};
use toasoan_app::core::state::AppContext;
use toasoan_app::i18n::Lang;
use toasoan_app::{App, shell};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::page_cache::{self, CacheState, PageCache};

/// What the application needs to run.
pub struct WebConfig {
    pub pool: AnyPool,
    pub site: SiteConfig,
    pub participation: ParticipationConfig,
    pub media_dir: PathBuf,
    /// The largest upload of each kind.
    pub media_limits: crate::media::MediaLimits,
    pub site_root: PathBuf,
    pub addr: SocketAddr,
    /// Proxies whose `X-Forwarded-For` names the client (toasoan.toml).
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// The list of the client's content-hashed file names that cargo-leptos writes beside
/// the server binary.
const HASH_FILE: &str = "hash.txt";

/// True when the client's files have content-hashed names (their list is beside the
/// binary): they can then be kept by browsers for a year.
pub fn hashed_client() -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(HASH_FILE)))
        .is_some_and(|path| path.is_file())
}

/// Leptos options built in code, so no environment from cargo-leptos is needed.
pub fn leptos_options(site_root: &std::path::Path, addr: SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("toasoan")
        .site_root(site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .env(leptos::config::Env::PROD)
        .site_addr(addr)
        .hash_files(hashed_client())
        .hash_file(Arc::from(HASH_FILE))
        .build()
}

/// The app's routes, listed once per process. Listing runs the app with resource
/// loading switched off process-wide (a global flag in leptos_server), so listing
/// again while another server in the process renders — several test servers in one
/// test binary — would leave that render's resources pending forever.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The application: its router and the state its background jobs share.
pub struct Web {
    pub router: Router,
    pub ctx: AppContext,
    /// Kept pages of anonymous readers; made stale by changes.
    pub pages: Arc<PageCache>,
    /// Where media files live (the preparer writes pictures' copies there).
    pub media_dir: PathBuf,
}

/// The whole application as one router.
pub fn app(cfg: WebConfig) -> Web {
    let ctx = AppContext::new(cfg.pool, cfg.site, cfg.participation).with_media(
        cfg.media_dir.clone(),
        (
            cfg.media_limits.max_picture_mb,
            cfg.media_limits.max_document_mb,
        ),
    );
    let pages = Arc::new(PageCache::default().forgetting(ctx.memo.clone()));
    let cache_state = CacheState {
        pages: pages.clone(),
        ctx: Arc::new(ctx.clone()),
    };
    let fast_cache = cache_state.clone();
    let trusted_proxies = Arc::new(cfg.trusted_proxies.clone());
    let options = leptos_options(&cfg.site_root, cfg.addr);
    let routes = route_list();

    let page_ctx = ctx.clone();
    let fallback_ctx = ctx.clone();
    let shell_options = options.clone();

    let media = Router::new()
        .fallback_service(ServeDir::new(&cfg.media_dir))
        // names are content hashes: cache for a year
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        ))
        // a picture is never a document that runs scripts (SVG)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
        ))
        .layer(axum::middleware::from_fn(crate::media::kinds::as_download))
        // the folders beside the library's files (uploads arriving, citizens'
        // attachments) are never served
        .layer(axum::middleware::from_fn(hidden_refused))
        // members-only files to signed-in readers only, kept by no shared cache
        .layer(axum::middleware::from_fn_with_state(
            ctx.clone(),
            crate::document_files::members_only_media,
        ));

    // the client's files from memory, in the coding the browser accepts
    let client = crate::client_files::PkgFiles::load(&cfg.site_root.join("pkg"), hashed_client());
    let pkg = Router::new()
        .fallback(crate::client_files::serve)
        .with_state(client);

    let qr = Router::new()
        .route(
            "/bai-viet/{file}",
            axum::routing::get(crate::qr_codes::article_qr),
        )
        .route(
            "/van-ban/{file}",
            axum::routing::get(crate::qr_codes::document_qr),
        )
        .with_state(ctx.clone())
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
        ));

    let uploads = Router::new()
        .route(
            crate::media::upload::PATH,
            axum::routing::post(crate::media::upload::upload),
        )
        // each file is held to its kind's limit as it streams; a request carries a
        // plain form's few files at most
        .layer(axum::extract::DefaultBodyLimit::max(
            (cfg.media_limits.max_any() * 10) as usize,
        ))
        .with_state(crate::media::upload::UploadState {
            ctx: ctx.clone(),
            media_dir: cfg.media_dir.clone(),
            limits: cfg.media_limits,
        });

    let document_files = Router::new()
        .route(
            "/van-ban/{slug}/tep/{media}",
            axum::routing::get(crate::document_files::inline_file),
        )
        .with_state(crate::document_files::FileState {
            ctx: ctx.clone(),
            media_dir: cfg.media_dir.clone(),
        });

    let feedback_state = crate::feedback_form::FeedbackState {
        ctx: ctx.clone(),
        media_dir: cfg.media_dir.clone(),
        limits: cfg.media_limits,
    };
    let feedback_routes = Router::new()
        .route(
            toasoan_app::features::feedback::SEND_PATH,
            axum::routing::post(crate::feedback_form::send),
        )
        // one attachment held to its limit as it streams, and the text fields
        .layer(axum::extract::DefaultBodyLimit::max(
            (crate::feedback_form::limits(cfg.media_limits).max_any() + 512 * 1024) as usize,
        ))
        .route(
            "/quan-tri/gop-y/{id}/tep",
            axum::routing::get(crate::feedback_form::attachment),
        )
        .with_state(feedback_state);

    let contest_export = Router::new()
        .route(
            "/quan-tri/cuoc-thi/vong/{id}/bai-thi.csv",
            axum::routing::get(crate::contest_export::entries),
        )
        .with_state(ctx.clone());

    let visit_block = Router::new()
        .route(
            toasoan_app::features::stats::model::FRAGMENT_PATH,
            axum::routing::get(crate::visit_block::fragment),
        )
        .with_state(ctx.clone());

    let router = Router::new()
        .merge(visit_block)
        .merge(uploads)
        .merge(contest_export)
        .merge(feedback_routes)
        .merge(document_files)
        .nest("/media", media)
        .nest("/pkg", pkg)
        .nest("/qr", qr)
        .leptos_routes_with_context(
            &options,
            routes,
            move || provide_context(page_ctx.clone()),
            move || shell(shell_options.clone()),
        )
        .fallback(file_and_error_handler_with_context(
            move || provide_context(fallback_ctx.clone()),
            shell,
        ))
        .with_state(options)
        // a page's render on one thread (render_pool says why)
        .layer(axum::middleware::from_fn_with_state(
            crate::render_pool::pool(),
            crate::render_pool::on_one_thread,
        ))
        .layer(axum::middleware::from_fn(error_status))
        // a plain form's error in an address is shown only with the server's tag
        .layer(axum::middleware::from_fn_with_state(
            ctx.clone(),
            crate::form_errors::keep_honest,
        ))
        .layer(CompressionLayer::new());
    // The layers below wrap the whole application as one service: a page answered
    // from the cache never reaches the routes (whose handlers are cloned per request,
    // the Leptos options with them).
    let router = Router::new()
        .fallback_service(router)
        // outside compression: kept pages are compressed once, ahead of requests
        .layer(axum::middleware::from_fn_with_state(
            cache_state.clone(),
            page_cache::serve,
        ))
        .layer(axum::middleware::from_fn(
            crate::fast_path::with_security_headers,
        ))
        // outside the page cache: kept pages are kept per language
        .layer(axum::middleware::from_fn(choose_language))
        .layer(axum::middleware::from_fn(check_origin))
        .layer(axum::middleware::from_fn_with_state(
            trusted_proxies.clone(),
            crate::client_addr::record,
        ))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            // the path only: a query may hold a follower's tracking code
            tracing::debug_span!("request", method = %req.method(), path = %req.uri().path())
        }))
        // outermost: a fresh kept page is answered before any other layer runs
        .layer(axum::middleware::from_fn_with_state(
            crate::fast_path::FastState {
                cache: fast_cache,
                trusted_proxies,
            },
            crate::fast_path::serve,
        ));
    Web {
        router,
        ctx,
        pages,
        media_dir: cfg.media_dir.clone(),
    }
}

/// Gives a server function's error its own status: server functions answer every
/// error with 500, and this reads the error they sent (`AppError`, JSON) and answers
/// with its status (400, 401, 403, 404, 409, 429; 500 stays for faults). The one
/// place this happens, so no server function can forget it. Plain form posts are
/// redirects back to the form and keep their 302.
async fn error_status(req: Request, next: Next) -> Response {
    use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    if let Ok(error) = serde_json::from_slice::<toasoan_app::core::error::AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// The language a request asks for: `?hl=` first (and then kept in the language
/// cookie), else the cookie, else Vietnamese.
pub fn language_of(uri: &axum::http::Uri, headers: &HeaderMap) -> (Lang, bool) {
    use toasoan_app::i18n::{LANG_COOKIE, LANG_PARAM};
    let asked = uri.query().and_then(|q| {
        q.split('&')
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| *k == LANG_PARAM)
            .and_then(|(_, v)| Lang::parse(v))
    });
    let kept = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == LANG_COOKIE)
        .and_then(|(_, v)| Lang::parse(v));
    match asked {
        Some(lang) => (lang, kept != Some(lang)),
        None => (kept.unwrap_or_default(), false),
    }
}

/// Puts the request's language into the request for the pages and server functions
/// (`toasoan_app::i18n::lang`), and keeps a language asked for in the address.
async fn choose_language(mut req: Request, next: Next) -> Response {
    let (lang, keep) = language_of(req.uri(), req.headers());
    req.extensions_mut().insert(lang);
    let mut res = next.run(req).await;
    if keep {
        let cookie = format!(
            "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            toasoan_app::i18n::LANG_COOKIE,
            lang.code()
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// The host part of an http(s) URL: "https://a.vn:8443/x" → "a.vn:8443".
fn url_host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    rest.split(['/', '?', '#']).next()
}

/// True when a state-changing request comes from a page of this site: its Origin (or,
/// without one, its Referer) names the host the request was sent to.
pub fn same_origin(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return true;
    }
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok())
        .and_then(url_host);
    source.is_some_and(|s| s.eq_ignore_ascii_case(host))
}

/// Middleware on `/media`: 404 for anything in a folder or file whose name starts with
/// a dot (`.incoming`, `.rieng`): only the library's own files are public.
async fn hidden_refused(req: Request, next: Next) -> Response {
    if req
        .uri()
        .path()
        .split('/')
        .any(|part| part.starts_with('.'))
    {
        return StatusCode::NOT_FOUND.into_response();
    }
    next.run(req).await
}

/// Refuses cross-site state-changing requests (CSRF) with 403.
async fn check_origin(req: Request, next: Next) -> Response {
    if same_origin(req.method(), req.headers()) {
        return next.run(req).await;
    }
    tracing::warn!(path = %req.uri().path(), "yêu cầu bị từ chối: nguồn gửi không hợp lệ");
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Yêu cầu bị từ chối: không gửi từ trang của cổng thông tin (kiểm tra Origin/Referer).",
    )
        .into_response()
}

/// Serves until `shutdown` completes, writing counted views every
/// `view_flush_seconds` meanwhile and once more after the last request.
pub async fn serve_until(
    listener: tokio::net::TcpListener,
    web: Web,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let Web {
        router,
        ctx,
        pages,
        media_dir,
    } = web;
    let every = std::time::Duration::from_secs(ctx.participation.view_flush_seconds.max(1).into());
    let watch = crate::jobs::spawn_change_watch(ctx.pool.clone(), pages.clone());
    let flusher = crate::jobs::spawn_view_flusher(ctx.clone(), pages.clone(), every);
    let recounter = crate::jobs::spawn_recounter(ctx.clone(), pages.clone());
    let wal_keeper = crate::wal::spawn_wal_keeper(ctx.clone());
    let preparer = crate::jobs::spawn_preparer(ctx.pool.clone(), media_dir);
    let service = router.into_make_service_with_connect_info::<SocketAddr>();
    // answers go out as soon as written: without TCP_NODELAY a file sent in several
    // writes (the client's WASM, CSS, JS) waits on the reader's delayed ACK, 40 ms each
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!("TCP_NODELAY: {e}");
        }
    });
    let served = axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await;
    flusher.abort();
    recounter.abort();
    preparer.abort();
    watch.abort();
    if let Some(keeper) = wal_keeper {
        keeper.abort();
    }
    crate::jobs::flush_views(&ctx).await;
    crate::jobs::flush_visits(&ctx).await;
    crate::jobs::recount_rated(&ctx, &pages).await;
    served
}

/// Serves until Ctrl-C or SIGTERM.
pub async fn serve(listener: tokio::net::TcpListener, web: Web) -> std::io::Result<()> {
    serve_until(listener, web, shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("đang dừng máy chủ");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn the_language_comes_from_the_address_then_the_cookie() {
        let lang = |uri: &str, cookie: &str| {
            let mut h = HeaderMap::new();
            if !cookie.is_empty() {
                h.insert(header::COOKIE, HeaderValue::from_str(cookie).unwrap());
            }
            language_of(&uri.parse().unwrap(), &h)
        };
        assert_eq!(lang("/", ""), (Lang::Vi, false));
        assert_eq!(
            lang("/?hl=en", ""),
            (Lang::En, true),
            "asked: kept in the cookie"
        );
        assert_eq!(lang("/", "a=b; toasoan_ngon_ngu=en"), (Lang::En, false));
        assert_eq!(
            lang("/?trang=2&hl=vi", "toasoan_ngon_ngu=en"),
            (Lang::Vi, true)
        );
        assert_eq!(lang("/?hl=en", "toasoan_ngon_ngu=en"), (Lang::En, false));
        assert_eq!(lang("/?hl=xx", "toasoan_ngon_ngu=zz"), (Lang::Vi, false));
    }

    #[test]
    fn origin_check() {
        let post = Method::POST;
        assert!(same_origin(&Method::GET, &headers(&[])));
        assert!(same_origin(
            &post,
            &headers(&[("host", "a.vn"), ("origin", "https://a.vn")])
        ));
        assert!(same_origin(
            &post,
            &headers(&[
                ("host", "127.0.0.1:3000"),
                ("origin", "http://127.0.0.1:3000")
            ])
        ));
        assert!(same_origin(
            &post,
            &headers(&[("host", "a.vn"), ("referer", "https://a.vn/dang-nhap")])
        ));
        assert!(!same_origin(
            &post,
            &headers(&[("host", "a.vn"), ("origin", "https://evil.example")])
        ));
        assert!(!same_origin(
            &post,
            &headers(&[("host", "a.vn"), ("origin", "https://a.vn.evil.example")])
        ));
        assert!(!same_origin(
            &post,
            &headers(&[("host", "a.vn"), ("origin", "null")])
        ));
        assert!(
            !same_origin(&post, &headers(&[("host", "a.vn")])),
            "no Origin and no Referer"
        );
    }
}
