//! The axum application: Leptos pages and server functions, the built client under
//! /pkg, media under /media, static files, 404s, compression, security headers and
//! request logging.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use sqlx::AnyPool;
use toasoan_app::features::portal::SiteConfig;
use toasoan_app::state::AppContext;
use toasoan_app::{App, shell};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// What the application needs to run.
pub struct WebConfig {
    pub pool: AnyPool,
    pub site: SiteConfig,
    pub media_dir: PathBuf,
    pub site_root: PathBuf,
    pub addr: SocketAddr,
}

/// Leptos options built in code, so no environment from cargo-leptos is needed.
pub fn leptos_options(site_root: &std::path::Path, addr: SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("toasoan")
        .site_root(site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .env(leptos::config::Env::PROD)
        .site_addr(addr)
        .build()
}

/// The whole application as one router.
pub fn router(cfg: WebConfig) -> Router {
    let ctx = AppContext {
        pool: cfg.pool,
        site: Arc::new(cfg.site),
    };
    let options = leptos_options(&cfg.site_root, cfg.addr);
    let routes = generate_route_list(App);

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
        ));

    let pkg = Router::new()
        .fallback_service(
            ServeDir::new(cfg.site_root.join("pkg"))
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=300"),
        ));

    Router::new()
        .nest("/media", media)
        .nest("/pkg", pkg)
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
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("SAMEORIGIN"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
        ))
        .layer(TraceLayer::new_for_http())
}

/// Serves until Ctrl-C or SIGTERM.
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
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
