//! `POST /quan-tri/thu-vien/tai-len`: staff send files (multipart, each in a field
//! `tep`): one per request from the library's uploader, so each has its own progress
//! and can be cancelled, or several from a plain form. Each file streams to a file of
//! its own in the media folder's `.incoming` (never whole in memory) and is counted
//! against its kind's limit as it arrives, its kind known from its first bytes: one
//! past the limit is cut off with 413 and nothing of it stays (the request's rest is
//! read and dropped first, so a sender still sending gets the answer). `ingest` then checks
//! and stores it. Only staff who write may upload (401, 403); the Origin check covers
//! it like every state-changing request. The uploader gets JSON, one entry per file;
//! a plain form (a browser asking for a page) is sent back to the library, which says
//! how many files were stored and why one was refused.

use std::path::{Path, PathBuf};

use axum::Json;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use toasoan_app::core::error::AppError;
use toasoan_app::core::state::AppContext;
use toasoan_app::core::view_counts::{CHANGED_HEADER, Changed};
use toasoan_app::features::accounts::{Permission, auth};
use toasoan_app::features::media::model::Uploaded;
use toasoan_app::i18n::tmd;
use tokio::io::AsyncWriteExt;

use super::{MediaError, MediaLimits, MediaRefusal, Upload, ingest, kinds};

/// Where uploads are sent.
pub const PATH: &str = "/quan-tri/thu-vien/tai-len";

/// The field each file comes in.
pub const FIELD: &str = "tep";

/// What the handler needs.
#[derive(Clone)]
pub struct UploadState {
    pub ctx: AppContext,
    pub media_dir: PathBuf,
    pub limits: MediaLimits,
}

/// A refusal: its status and its reason, as JSON `{ "error": … }`.
fn refusal(status: StatusCode, message: String) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

fn app_refusal(e: AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    refusal(status, e.to_string())
}

/// The library page a plain form goes back to.
const LIBRARY: &str = "/quan-tri/thu-vien";

pub async fn upload(
    State(state): State<UploadState>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    // a form sent without the uploader: the browser asks for a page in return
    let page = headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let user = match auth::user_of_headers(&state.ctx, &headers).await {
        Ok(Some(user)) if user.can(Permission::WriteOwnDrafts) => user,
        Ok(Some(_)) => return app_refusal(AppError::Forbidden),
        Ok(None) => return app_refusal(AppError::SignInRequired),
        Err(e) => return app_refusal(e),
    };
    let mut stored = Vec::new();
    // the first refusal: its status, the file's name and why
    let mut refused: Option<(StatusCode, String, String)> = None;
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => {
                refused.get_or_insert((e.status(), String::new(), e.body_text()));
                break;
            }
        };
        if field.name() != Some(FIELD) {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_string();
        if (name.is_empty() && page) || (refused.is_some() && !page) {
            // the form's file field left empty, or the uploader's request already
            // refused: only read on to its end
            drain(&mut field).await;
            continue;
        }
        let incoming = match receive(&state, &mut field).await {
            Ok(path) => path,
            Err(r) => {
                refused.get_or_insert((r.status(), name, r.to_string()));
                // the sender is still sending this file's rest: read it before
                // answering, or it meets a closed connection instead of the answer
                drain(&mut field).await;
                continue;
            }
        };
        let upload = Upload {
            path: &incoming,
            name: &name,
            uploader: Some(user.id),
            now: toasoan_app::core::time::now(),
        };
        match ingest(&state.ctx.pool, &state.media_dir, upload).await {
            Ok(done) => stored.push(Uploaded {
                id: done.stored.id,
                src: format!("/media/{}", done.stored.file_name),
                name: done.name,
                mime: done.stored.mime,
                width: done.stored.width,
                height: done.stored.height,
                new: done.new,
            }),
            Err(MediaError::Refused(r)) => {
                refused.get_or_insert((r.status(), name, r.to_string()));
            }
            Err(MediaError::Db(e)) => return app_refusal(AppError::internal("upload", e)),
        }
    }
    if page {
        let why = refused.map(|(_, name, why)| format!("{name}: {why}"));
        return back_to_library(stored.len(), why);
    }
    if let Some((status, _, why)) = refused {
        return refusal(status, why);
    }
    if stored.is_empty() {
        return refusal(StatusCode::BAD_REQUEST, tmd().nothing_sent.to_string());
    }
    let mut res = Json(stored).into_response();
    unchanged(&mut res);
    res
}

/// An upload changes no page readers see.
fn unchanged(res: &mut Response) {
    if let Ok(v) = HeaderValue::from_str(&Changed::Nothing.header_value()) {
        res.headers_mut().insert(CHANGED_HEADER, v);
    }
}

/// 303 to the library: `?da-tai=N`, and `&loi-tai=` why a file was refused.
fn back_to_library(stored: usize, refused: Option<String>) -> Response {
    let mut to = format!("{LIBRARY}?da-tai={stored}");
    if let Some(why) = refused {
        to.push_str("&loi-tai=");
        to.push_str(&toasoan_app::components::urlencode(&why));
    }
    let mut res = axum::response::Redirect::to(&to).into_response();
    unchanged(&mut res);
    res
}

/// How long a refused request's rest is read before the answer goes anyway.
const DRAIN_FOR: std::time::Duration = std::time::Duration::from_secs(30);

/// Reads and drops the rest of a field, as servers' "lingering close" does: a sender
/// answered while still sending gets a broken connection instead of the answer.
/// Bounded by the request's body limit and by `DRAIN_FOR`.
pub(crate) async fn drain(field: &mut axum::extract::multipart::Field<'_>) {
    let rest = async { while let Ok(Some(_)) = field.chunk().await {} };
    let _ = tokio::time::timeout(DRAIN_FOR, rest).await;
}

/// Streams one file to `.incoming`, cut off past its kind's limit.
async fn receive(
    state: &UploadState,
    field: &mut axum::extract::multipart::Field<'_>,
) -> Result<PathBuf, MediaRefusal> {
    receive_into(&state.media_dir, field, &state.limits).await
}

/// Streams one file to the media folder's `.incoming`, cut off past its kind's limit;
/// returns where it is.
pub(crate) async fn receive_into(
    media_dir: &Path,
    field: &mut axum::extract::multipart::Field<'_>,
    limits: &MediaLimits,
) -> Result<PathBuf, MediaRefusal> {
    let dir = media_dir.join(".incoming");
    tokio::fs::create_dir_all(&dir).await?;
    let path = dir.join(toasoan_app::core::text::new_token());
    let received = write_limited(&path, field, limits).await;
    if received.is_err() {
        let _ = tokio::fs::remove_file(&path).await;
    }
    received.map(|()| path)
}

async fn write_limited(
    path: &Path,
    field: &mut axum::extract::multipart::Field<'_>,
    limits: &MediaLimits,
) -> Result<(), MediaRefusal> {
    let mut file = tokio::fs::File::create(path).await?;
    let mut head = Vec::new();
    let mut limit = limits.max_any();
    let mut written: u64 = 0;
    loop {
        let chunk = match field.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            Err(_) => return Err(MediaRefusal::Damaged),
        };
        written += chunk.len() as u64;
        if head.len() < 16 {
            head.extend_from_slice(&chunk[..chunk.len().min(16 - head.len())]);
            if let Some(picture) = kinds::is_picture_head(&head) {
                limit = limits.max_bytes(picture);
            }
        }
        if written > limit {
            return Err(MediaRefusal::TooBig { max_bytes: limit });
        }
        file.write_all(&chunk).await?;
    }
    file.flush().await?;
    Ok(())
}
