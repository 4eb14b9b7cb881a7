//! What every form shows after a submission: the error, or a confirmation.

use leptos::prelude::*;

use crate::core::error::AppError;

/// The error of the last submission of a form, if any, as an alert.
pub fn form_error<T: Send + Sync + 'static>(
    value: MappedSignal<Option<Result<T, AppError>>>,
) -> impl IntoView {
    move || {
        value
            .with(|v| match v {
                Some(Err(e)) => Some(e.to_string()),
                _ => None,
            })
            .map(|message| view! { <p class="form-error" role="alert">{message}</p> })
    }
}

/// `message` once the last submission succeeded.
pub fn form_done<T: Send + Sync + 'static>(
    value: MappedSignal<Option<Result<T, AppError>>>,
    message: &'static str,
) -> impl IntoView {
    move || {
        value
            .with(|v| matches!(v, Some(Ok(_))))
            .then(|| view! { <p class="form-ok" role="status">{message}</p> })
    }
}
