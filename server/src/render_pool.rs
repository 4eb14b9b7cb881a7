//! Pages rendered each on one thread. Leptos's server rendering keeps, per request, one
//! flag saying whether what is made now belongs to an island (and so whose data goes
//! with the page for the browser to hydrate). Resources load in tasks of their own; on
//! tokio's many-threaded runtime those run beside the render and the flag, set and put
//! back on two threads at once, now and then left an island's data out of the page:
//! the browser then found other HTML than it would make and stopped hydrating (seen on
//! /tai-khoan about one load in four). Here a page's render, and every task it starts,
//! runs on one thread of a small pool (a single-threaded runtime per core), so nothing
//! of a render runs beside it. Pages from the page cache never come here; neither do the
//! client's files, media, and server functions (which render no page).

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
// the tokio project's pool of single-threaded runtimes (already built for axum/hyper)
use tokio_util::task::LocalPoolHandle;

/// The pool: one thread per core, for the life of the process (connections to the
/// database opened during a render stay tied to its thread's runtime, so it never
/// shuts down before the process does; servers in one process share it).
pub fn pool() -> LocalPoolHandle {
    static POOL: std::sync::OnceLock<LocalPoolHandle> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        LocalPoolHandle::new(cores)
    })
    .clone()
}

/// Whether `path` may be a page (a server function, a file or media is not).
fn is_page(method: &Method, path: &str) -> bool {
    (method == Method::GET || method == Method::HEAD)
        && !["/api/", "/pkg/", "/media/", "/qr/"]
            .iter()
            .any(|p| path.starts_with(p))
}

/// Renders a page on one of the pool's threads, its body whole before it leaves.
pub async fn on_one_thread(
    State(pool): State<LocalPoolHandle>,
    req: Request,
    next: Next,
) -> Response {
    if !is_page(req.method(), req.uri().path()) {
        return next.run(req).await;
    }
    let done = pool
        .spawn_pinned(move || async move {
            let (parts, body) = next.run(req).await.into_parts();
            // pages are whole (SsrMode::Async); the resources' data follows the HTML
            let bytes = axum::body::to_bytes(body, usize::MAX).await;
            bytes.map(|b| Response::from_parts(parts, Body::from(b)))
        })
        .await;
    match done {
        Ok(Ok(res)) => res,
        Ok(Err(e)) => {
            tracing::error!("a page's body failed: {e}");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(e) => {
            tracing::error!("a page's render stopped: {e}");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_go_to_the_pool() {
        assert!(is_page(&Method::GET, "/tai-khoan"));
        assert!(is_page(&Method::GET, "/bai-viet/chuyen-doi-so"));
        assert!(is_page(&Method::HEAD, "/"));
        assert!(!is_page(&Method::POST, "/tai-khoan"));
        assert!(!is_page(&Method::GET, "/api/get_article_form123"));
        assert!(!is_page(&Method::GET, "/pkg/toasoan.wasm"));
        assert!(!is_page(&Method::GET, "/media/abc.png"));
    }
}
