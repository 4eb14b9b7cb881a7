//! Files only some may fetch, and a document's PDF in the browser's own viewer:
//! - `/van-ban/{slug}/tep/{media}`: a document's PDF sent inline (the files under
//!   /media are sent as downloads), with ranges, so the document page's viewer and a
//!   phone's "open" show it; other types go to their download.
//! - the members-only rule on `/media/{file}` (middleware): a file that only
//!   members-only articles and documents use is refused (403) to a request without a
//!   signed-in session, and never kept by a shared cache when it is sent.

use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use toasoan_app::core::state::AppContext;
use toasoan_app::features::accounts::auth;
use toasoan_app::i18n::t;
use tower::ServiceExt;

/// How members-only files are sent: to the member's browser alone.
const PRIVATE: &str = "private, no-store";

/// What the file routes need: the app and where media files live.
#[derive(Clone)]
pub struct FileState {
    pub ctx: AppContext,
    pub media_dir: std::path::PathBuf,
}

/// Whether the request carries a signed-in session (member or staff).
async fn signed_in(ctx: &AppContext, headers: &axum::http::HeaderMap) -> Result<bool, Response> {
    match auth::user_of_headers(ctx, headers).await {
        Ok(user) => Ok(user.is_some()),
        Err(e) => {
            tracing::error!("phiên đăng nhập: {e}");
            Err(StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
    }
}

fn refused() -> Response {
    (
        StatusCode::FORBIDDEN,
        [(header::CACHE_CONTROL, HeaderValue::from_static(PRIVATE))],
        t().forbidden,
    )
        .into_response()
}

/// GET `/van-ban/{slug}/tep/{media}`.
pub async fn inline_file(
    State(state): State<FileState>,
    Path((slug, media)): Path<(String, String)>,
    req: Request,
) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, t().not_found_title).into_response();
    let Ok(media) = media.parse::<i64>() else {
        return not_found();
    };
    let file = match toasoan_app::features::documents::attached_file(&state.ctx.pool, &slug, media)
        .await
    {
        Ok(Some(f)) => f,
        Ok(None) => return not_found(),
        Err(e) => {
            tracing::error!("tệp văn bản: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if file.members_only {
        match signed_in(&state.ctx, req.headers()).await {
            Ok(true) => {}
            Ok(false) => return refused(),
            Err(res) => return res,
        }
    }
    if file.mime != "application/pdf" {
        return Redirect::to(&format!("/media/{}", file.file_name)).into_response();
    }
    let path = state.media_dir.join(&file.file_name);
    let mut res = match tower_http::services::ServeFile::new(path)
        .oneshot(req)
        .await
    {
        Ok(res) => res.map(axum::body::Body::new),
        Err(e) => match e {},
    };
    if !res.status().is_success() {
        return res;
    }
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition("inline", &file.name)) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    let cache = if file.members_only {
        PRIVATE
    } else {
        "public, max-age=3600"
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    res
}

/// `inline; filename="…"; filename*=UTF-8''…`: the name as uploaded, its ASCII
/// fallback folded.
pub(crate) fn disposition(kind: &str, name: &str) -> String {
    let ascii: String = toasoan_app::core::text::fold_vietnamese(name)
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = toasoan_app::components::urlencode(name);
    format!("{kind}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// Middleware on `/media`: the members-only rule.
pub async fn members_only_media(
    State(ctx): State<AppContext>,
    req: Request,
    next: Next,
) -> Response {
    let file = req.uri().path().trim_start_matches('/').to_string();
    let closed = match toasoan_app::features::media::members_only_file(&ctx.pool, &file).await {
        Ok(closed) => closed,
        Err(e) => {
            tracing::error!("tệp nội bộ: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if !closed {
        return next.run(req).await;
    }
    match signed_in(&ctx, req.headers()).await {
        Ok(true) => {}
        Ok(false) => return refused(),
        Err(res) => return res,
    }
    let mut res = next.run(req).await;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(PRIVATE));
    res
}

#[cfg(test)]
mod tests {
    use super::disposition;

    #[test]
    fn names_are_given_plain_and_in_utf8() {
        let d = disposition("inline", "Quyết định 2466.pdf");
        assert_eq!(
            d,
            "inline; filename=\"Quyet dinh 2466.pdf\"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%202466.pdf"
        );
    }
}
