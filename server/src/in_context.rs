//! Runs app code from a plain axum handler as if it were a server function: inside a
//! reactive owner with the request's parts, a response's options and the app context
//! provided, so what reads them (the reader-submission guard, the signed-in user, the
//! language) works the same. Used by the handlers that read multipart forms.

use std::future::Future;

use axum::http::request::Parts;
use axum::response::Response;
use leptos::prelude::provide_context;
use leptos::reactive::computed::ScopedFuture;
use leptos::reactive::owner::Owner;
use leptos_axum::ResponseOptions;
use toasoan_app::core::state::AppContext;

/// Runs `work` in the request's context; returns its output and what it set on the
/// response (headers such as Set-Cookie, a status).
pub async fn run<T>(
    parts: Parts,
    ctx: AppContext,
    work: impl Future<Output = T> + Send + 'static,
) -> (T, ResponseOptions)
where
    T: Send + 'static,
{
    let options = ResponseOptions::default();
    let given = options.clone();
    let owner = Owner::new();
    let out = owner
        .with(|| {
            ScopedFuture::new(async move {
                provide_context(parts);
                provide_context(given);
                provide_context(ctx);
                work.await
            })
        })
        .await;
    (out, options)
}

/// Adds what the app set on the response to `res`: its headers (appended, so several
/// cookies stay several) and its status, if it set one.
pub fn apply(options: &ResponseOptions, res: &mut Response) {
    let set = options.0.read().unwrap_or_else(|e| e.into_inner());
    for (name, value) in set.headers.iter() {
        res.headers_mut().append(name, value.clone());
    }
    if let Some(status) = set.status {
        *res.status_mut() = status;
    }
}
