//! The way in for a kept page: the outermost layer of the application answers a fresh
//! page from the cache (`page_cache`) before any other layer runs — no tracing span, no
//! language, origin or address middleware, no routing — with the headers those layers
//! would have added (`security_headers`). Whatever it cannot answer at once (a miss, an
//! old or changed page, a new choice of language (its cookie), a signed-in reader,
//! any other method) goes the ordinary way, where the cache renders and keeps it.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::page_cache::{Asked, CacheState, Freshness, answer, cache_key};

/// The headers every answer carries (set, when absent, on the way out).
pub const SECURITY_HEADERS: [(HeaderName, &str); 4] = [
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
    (header::X_FRAME_OPTIONS, "SAMEORIGIN"),
    (
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=()",
    ),
];

/// Adds the security headers an answer does not set itself.
pub fn security_headers(headers: &mut HeaderMap) {
    for (name, value) in SECURITY_HEADERS {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
}

/// Middleware: the security headers on every answer.
pub async fn with_security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    security_headers(res.headers_mut());
    res
}

/// What the fast path needs: the cache and who may name a client's address.
#[derive(Clone)]
pub struct FastState {
    pub cache: CacheState,
    pub trusted_proxies: Arc<Vec<IpAddr>>,
}

/// Middleware, outermost: a fresh kept page at once, else the ordinary way.
pub async fn serve(State(state): State<FastState>, mut req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return next.run(req).await;
    }
    // a new choice of language (`?hl=`) is kept in a cookie, which the ordinary way sets
    let (lang, sets_cookie) = crate::web::language_of(req.uri(), req.headers());
    if sets_cookie {
        return next.run(req).await;
    }
    let Some(key) = cache_key(req.method(), req.uri(), req.headers(), lang) else {
        return next.run(req).await;
    };
    let Some((page, Freshness::Fresh)) = state.cache.pages.lookup(&key) else {
        return next.run(req).await;
    };
    crate::client_addr::note(&mut req, &state.trusted_proxies);
    let asked = Asked::of(&req);
    let mut res = answer(&state.cache, &asked, &page, "hit").await;
    security_headers(res.headers_mut());
    res
}
