//! The one error type the app layer shows to people. Storage and import errors are
//! mapped into it once (see `From` impls under `ssr`); each variant documents the HTTP
//! status it answers with and carries a Vietnamese message for the reader. The status
//! is applied in one place: for server functions by the server's `error_status`
//! middleware, for pages by `ErrorPage`/`NotFoundPage`.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::t;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// 404: the page or item does not exist, or is not public.
    #[error("{}", t().not_found_title)]
    NotFound,
    /// 400: the input was refused; the message says why, in Vietnamese.
    #[error("{0}")]
    Invalid(String),
    /// 401: this needs a signed-in user.
    #[error("{}", t().sign_in_required)]
    SignInRequired,
    /// 403: the visitor may not do this.
    #[error("{}", t().forbidden)]
    Forbidden,
    /// 409: the change conflicts with what is stored.
    #[error("{0}")]
    Conflict(String),
    /// 429: too many requests.
    #[error("{}", t().too_many)]
    TooMany,
    /// 500: something broke on the server; the id is in the server log.
    #[error("{} ({})", t().internal_error, .0)]
    Internal(String),
    /// The browser could not reach the server (client side only).
    #[error("{}", t().network_error)]
    Network,
}

impl AppError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Invalid(_) => 400,
            AppError::SignInRequired => 401,
            AppError::Forbidden => 403,
            AppError::Conflict(_) => 409,
            AppError::TooMany => 429,
            AppError::Internal(_) => 500,
            AppError::Network => 503,
        }
    }

    /// Logs an internal failure with a short id and returns the error readers see.
    #[cfg(feature = "ssr")]
    pub fn internal(context: &str, err: impl std::fmt::Display) -> Self {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos() as u64)
            .unwrap_or(0);
        let id = format!(
            "{:x}{:x}",
            nanos & 0xffff,
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        tracing::error!(error_id = %id, "{context}: {err}");
        AppError::Internal(id)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) => AppError::Network,
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::MissingArg(msg) => {
                AppError::Invalid(format!("{} ({msg})", t().invalid_request))
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::RowNotFound => AppError::NotFound,
            other => AppError::internal("database", other),
        }
    }
}

/// Sets the HTTP status of the page being rendered on the server (no-op in the browser),
/// unless the page sends the browser elsewhere (a redirect stays one).
pub fn set_page_status(status: u16) {
    #[cfg(feature = "ssr")]
    {
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
            && let Ok(code) = http::StatusCode::from_u16(status)
            && !res
                .0
                .read()
                .ok()
                .and_then(|parts| parts.status)
                .is_some_and(|s| s.is_redirection())
        {
            res.set_status(code);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}
