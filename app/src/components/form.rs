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

/// The fields the reader-submission guard reads on a reader's form: the form-time
/// token (`started`) and the honeypot (`website`, hidden from people and screen
/// readers, left empty by them), its id prefixed with `prefix`.
pub fn guard_fields(token: String, prefix: &'static str) -> impl IntoView {
    let id = format!("{prefix}trang-web");
    view! {
        <input type="hidden" name="started" value=token/>
        <div class="hp" aria-hidden="true">
            <label for=id.clone()>{crate::i18n::t().honeypot_label}</label>
            <input id=id name="website" type="text" tabindex="-1" autocomplete="off"/>
        </div>
    }
}
