//! Góp ý's two server routes:
//! - `POST /gop-y/gui`: the send form (multipart: it may carry one file, field `tep`).
//!   Its text fields are read, its file streamed to `.incoming` under its kind's limit;
//!   then, in the request's context, the guard and the fields' checks
//!   (`feedback::admit`), the file checked by the media pipeline and kept in the
//!   private folder, and the feedback stored. A browser's plain form is sent on to
//!   the follow page with the code (303), or back to the form with why, the message
//!   tagged by the server; other callers get JSON (`{"code"}` with 201, or
//!   `{"error"}` with the refusal's status).
//! - `GET /quan-tri/gop-y/{id}/tep`: the attachment, to those who handle feedback
//!   only, as a download, kept by no cache.

use std::path::PathBuf;

use axum::Json;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use toasoan_app::core::error::AppError;
use toasoan_app::core::state::AppContext;
use toasoan_app::core::view_counts::{CHANGED_HEADER, Changed};
use toasoan_app::features::feedback::{self, Attachment, SentForm};
use toasoan_app::features::media::MediaLimits;
use tower::ServiceExt;

use crate::media::MediaRefusal;

/// What the routes need.
#[derive(Clone)]
pub struct FeedbackState {
    pub ctx: AppContext,
    pub media_dir: PathBuf,
    pub limits: MediaLimits,
}

impl FeedbackState {
    /// Where attachments are kept: under the media folder (shared by the servers of
    /// one portal) in a part `/media` never serves.
    pub fn private_dir(&self) -> PathBuf {
        private_dir(&self.media_dir)
    }
}

/// The private folder of feedback attachments under `media_dir`.
pub fn private_dir(media_dir: &std::path::Path) -> PathBuf {
    media_dir.join(".rieng").join("gop-y")
}

/// The attachment's limits: the portal's, at most `FILE_MAX_MB`.
pub fn limits(portal: MediaLimits) -> MediaLimits {
    let max = feedback::model::FILE_MAX_MB;
    MediaLimits {
        max_picture_mb: portal.max_picture_mb.min(max),
        max_document_mb: portal.max_document_mb.min(max),
    }
}

/// Why a sending failed: the app's refusal, or the file's.
enum Refusal {
    App(AppError),
    File(MediaRefusal),
}

impl Refusal {
    fn status(&self) -> StatusCode {
        match self {
            Refusal::App(e) => {
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
            }
            Refusal::File(r) => r.status(),
        }
    }

    fn message(&self) -> String {
        match self {
            Refusal::App(e) => e.to_string(),
            Refusal::File(r) => r.to_string(),
        }
    }
}

/// The text fields a form carries at most (each), in bytes.
const FIELD_MAX: usize = 64 * 1024;

/// What the multipart body held: the text fields, and the file received (its path in
/// `.incoming` and its name as sent) or why it was refused.
#[derive(Default)]
struct Received {
    form: SentForm,
    file: Option<(PathBuf, String)>,
    file_refused: Option<MediaRefusal>,
}

async fn read_form(state: &FeedbackState, mut multipart: Multipart) -> Result<Received, AppError> {
    let mut got = Received::default();
    let bad = || AppError::Invalid(toasoan_app::i18n::tmd().damaged.to_string());
    while let Some(mut field) = multipart.next_field().await.map_err(|_| bad())? {
        let name = field.name().unwrap_or_default().to_string();
        if name == feedback::FILE_FIELD {
            let sent_name = field.file_name().unwrap_or_default().to_string();
            if sent_name.is_empty() || got.file.is_some() || got.file_refused.is_some() {
                crate::media::upload::drain(&mut field).await;
                continue;
            }
            let limits = limits(state.limits);
            match crate::media::upload::receive_into(&state.media_dir, &mut field, &limits).await {
                Ok(path) => got.file = Some((path, sent_name)),
                Err(r) => {
                    crate::media::upload::drain(&mut field).await;
                    got.file_refused = Some(r);
                }
            }
            continue;
        }
        let value = field.text().await.map_err(|_| bad())?;
        if value.len() > FIELD_MAX {
            return Err(AppError::Invalid(toasoan_app::i18n::tfb().body_long.into()));
        }
        let slot = match name.as_str() {
            "subject" => &mut got.form.subject,
            "body" => &mut got.form.body,
            "name" => &mut got.form.name,
            "contact" => &mut got.form.contact,
            "website" => &mut got.form.website,
            "started" => &mut got.form.started,
            _ => continue,
        };
        *slot = value;
    }
    Ok(got)
}

/// The steps after the body is read, in the request's context: the guard and the
/// fields first (a refused form keeps no file), then the file, then the row.
async fn send_in_context(state: FeedbackState, got: Received) -> Result<String, Refusal> {
    let admitted = feedback::admit(&got.form).await.map_err(Refusal::App)?;
    if let Some(r) = got.file_refused {
        return Err(Refusal::File(r));
    }
    let kept = match &got.file {
        Some((path, name)) => Some(
            crate::media::keep_private(path, name, &state.private_dir())
                .await
                .map_err(Refusal::File)?,
        ),
        None => None,
    };
    let attachment = kept.map(|k| Attachment {
        file_name: k.file_name,
        original: k.name,
        mime: k.mime.to_string(),
        size: k.size,
    });
    match feedback::store(admitted, attachment.as_ref()).await {
        Ok(code) => Ok(code),
        Err(e) => {
            // no row, no file: unless another piece keeps the same bytes
            if let Some(a) = &attachment
                && !matches!(
                    feedback::file_in_use(&state.ctx.pool, &a.file_name).await,
                    Ok(true)
                )
            {
                let _ = tokio::fs::remove_file(state.private_dir().join(&a.file_name)).await;
            }
            Err(Refusal::App(e))
        }
    }
}

/// POST `/gop-y/gui`.
pub async fn send(State(state): State<FeedbackState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let page = parts
        .headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let request = Request::from_parts(parts.clone(), body);
    let received = match Multipart::from_request(request, &()).await {
        Ok(multipart) => read_form(&state, multipart).await,
        Err(_) => Err(AppError::Invalid(
            toasoan_app::i18n::tmd().nothing_sent.to_string(),
        )),
    };
    let incoming = received
        .as_ref()
        .ok()
        .and_then(|g| g.file.as_ref().map(|(p, _)| p.clone()));
    let ctx = state.ctx.clone();
    let ((result, tag), options) = crate::in_context::run(parts, ctx, async move {
        let result = match received {
            Ok(got) => send_in_context(state, got).await,
            Err(e) => Err(Refusal::App(e)),
        };
        // a page shows a message in its address only with the server's tag
        let tag = match &result {
            Err(r) if page => toasoan_app::features::guard::message_tag(&r.message())
                .await
                .ok(),
            _ => None,
        };
        (result, tag)
    })
    .await;
    if let Some(path) = incoming {
        // kept or refused, the file received is not left behind
        let _ = tokio::fs::remove_file(path).await;
    }
    let mut res = match (result, page) {
        (Ok(code), true) => Redirect::to(&format!(
            "{}?ma={}&moi=1",
            feedback::FOLLOW_PATH,
            toasoan_app::components::urlencode(&code)
        ))
        .into_response(),
        (Ok(code), false) => (
            StatusCode::CREATED,
            Json(serde_json::json!({ "code": code })),
        )
            .into_response(),
        (Err(r), true) => {
            let message = r.message();
            let to = format!(
                "{}?{}={}&{}={}#gui-gop-y",
                feedback::FEEDBACK_PATH,
                feedback::views::ERROR_PARAM,
                toasoan_app::components::urlencode(&message),
                feedback::views::TAG_PARAM,
                tag.unwrap_or_default()
            );
            Redirect::to(&to).into_response()
        }
        (Err(r), false) => (
            r.status(),
            Json(serde_json::json!({ "error": r.message() })),
        )
            .into_response(),
    };
    crate::in_context::apply(&options, &mut res);
    // feedback is on no public page
    if let Ok(v) = HeaderValue::from_str(&Changed::Nothing.header_value()) {
        res.headers_mut().insert(CHANGED_HEADER, v);
    }
    res
}

/// GET `/quan-tri/gop-y/{id}/tep`.
pub async fn attachment(
    State(state): State<FeedbackState>,
    Path(id): Path<String>,
    req: Request,
) -> Response {
    let private = HeaderValue::from_static("private, no-store");
    let Ok(id) = id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (file_name, name, mime) =
        match feedback::attachment_for(&state.ctx, req.headers(), id).await {
            Ok(found) => found,
            Err(e) => {
                let status =
                    StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                return (status, [(header::CACHE_CONTROL, private)], e.to_string()).into_response();
            }
        };
    let path = state.private_dir().join(&file_name);
    let mut res = match tower_http::services::ServeFile::new(path)
        .oneshot(req)
        .await
    {
        Ok(res) => res.map(axum::body::Body::new),
        Err(e) => match e {},
    };
    let headers = res.headers_mut();
    headers.insert(header::CACHE_CONTROL, private);
    if res.status().is_success() {
        let headers = res.headers_mut();
        if let Ok(v) = HeaderValue::from_str(&mime) {
            headers.insert(header::CONTENT_TYPE, v);
        }
        if let Ok(v) =
            HeaderValue::from_str(&crate::document_files::disposition("attachment", &name))
        {
            headers.insert(header::CONTENT_DISPOSITION, v);
        }
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; sandbox"),
        );
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
    }
    res
}
