//! Loads a page's data and renders it, or the 404 / error page with the right status.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::components::meta::page_head;
use crate::core::error::{AppError, set_page_status};
use crate::core::site::SiteInfo;
use crate::i18n::t;

/// The portal info, loaded once per visit and shared by every page.
pub type SiteResource = Resource<Result<SiteInfo, AppError>>;

pub fn use_site() -> SiteResource {
    expect_context::<SiteResource>()
}

/// Renders `render(site, data)` once the page data has loaded; a missing item gives the
/// 404 page (status 404), any other failure the error page.
pub fn page_loader<T, V, F>(data: Resource<Result<T, AppError>>, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(SiteInfo, T) -> V + Clone + Send + Sync + 'static,
{
    let site = use_site();
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{t().loading}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match (site.await, data.await) {
                        (Ok(site), Ok(data)) => {
                            crate::components::browser::in_island(move || render(site, data).into_any())
                        }
                        (_, Err(AppError::NotFound)) => view! { <NotFoundPage/> }.into_any(),
                        (Err(e), _) | (_, Err(e)) => view! { <ErrorPage error=e/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The sign-in page, which brings the reader back to `here` (a path and query).
pub fn sign_in_href(here: &str) -> String {
    format!("/dang-nhap?tiep={}", urlencode(here))
}

/// Percent-encodes a query value (keeps `/` readable).
pub fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The 404 page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_page_status(404);
    view! {
        {page_head(format!("{} - 404", t().not_found_title), "noindex")}
        <section class="status-page">
            <p class="status-code" aria-hidden="true">"404"</p>
            <h1>{t().not_found_title}</h1>
            <p>{t().not_found_body}</p>
            <p><A href="/">{t().back_home}</A></p>
        </section>
    }
}

/// The error page: what happened, in words that fit its status, and the error's own
/// message (the reason of a refusal, the id of a fault).
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    set_page_status(error.status());
    let s = t();
    let (title, body) = match &error {
        AppError::NotFound => (s.not_found_title, s.not_found_body),
        AppError::Invalid(_) => (s.err_invalid_title, s.err_invalid_body),
        AppError::SignInRequired => (s.err_sign_in_title, s.err_sign_in_body),
        AppError::Forbidden => (s.err_forbidden_title, s.err_forbidden_body),
        AppError::Conflict(_) => (s.err_conflict_title, s.err_conflict_body),
        AppError::TooMany => (s.err_too_many_title, s.err_too_many_body),
        AppError::Internal(_) => (s.err_internal_title, s.err_internal_body),
        AppError::Network => (s.err_network_title, s.network_error),
    };
    view! {
        {page_head(title.to_string(), "noindex")}
        <section class="status-page">
            <p class="status-code" aria-hidden="true">{error.status()}</p>
            <h1>{title}</h1>
            <p>{body}</p>
            <p class="error-detail">{error.to_string()}</p>
            {(error == AppError::SignInRequired).then(|| {
                // signing in brings the reader back to this page
                let location = use_location();
                let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
                let href = sign_in_href(&here);
                view! { <p><a href=href class="button-primary">{t().sign_in}</a></p> }
            })}
            <p><A href="/">{t().back_home}</A></p>
        </section>
    }
}

/// A citizen's text as paragraphs (blank lines part them), nothing as HTML.
pub fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.split("\n\n")
        .map(|p| view! { <p>{p.to_string()}</p> })
        .collect_view()
}
