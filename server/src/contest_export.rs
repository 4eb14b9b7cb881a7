//! `/quan-tri/cuoc-thi/vong/{id}/bai-thi.csv`: a quiz round's entries in results'
//! order, as a CSV download for the organisers (`Permission::ManageContests`); the
//! entrants' personal data, so private, never kept by a cache.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use toasoan_app::core::state::AppContext;

pub async fn entries(
    State(ctx): State<AppContext>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let private = HeaderValue::from_static("private, no-store");
    let Ok(id) = id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match toasoan_app::features::contests::export_csv(&ctx, &headers, id).await {
        Ok((name, body)) => {
            let disposition = crate::document_files::disposition("attachment", &name);
            let mut res = (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("text/csv; charset=utf-8"),
                    ),
                    (header::CACHE_CONTROL, private),
                ],
                body,
            )
                .into_response();
            if let Ok(v) = HeaderValue::from_str(&disposition) {
                res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
            }
            res
        }
        Err(e) => {
            let status =
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, [(header::CACHE_CONTROL, private)], e.to_string()).into_response()
        }
    }
}
