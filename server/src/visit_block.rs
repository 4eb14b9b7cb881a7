//! The visitor statistics' fragment (`/thong-ke-truy-cap`): the small page every public
//! page's footer frames, with the numbers of this moment (the app renders it), never
//! kept by any cache and never counted as a visit itself.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use toasoan_app::core::state::AppContext;
use toasoan_app::i18n::Lang;

/// GET: the fragment, in the request's language.
pub async fn fragment(State(ctx): State<AppContext>, req: Request) -> Response {
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let block = toasoan_app::features::stats::block(&ctx, toasoan_app::core::time::now());
    let html = toasoan_app::features::stats::views::fragment(block, lang);
    let mut res = axum::response::Html(html).into_response();
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // its own style only; framed by the portal's pages only
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
        ),
    );
    res
}
