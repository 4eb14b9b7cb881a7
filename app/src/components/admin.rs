//! The content of one admin page: its title, then its data or the 404 / error page.
//! The admin frame around it (who is signed in, the side menu, 401/403 before anything
//! renders) is the parent route of every `/quan-tri` page, in the pages layer.

use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::browser::in_island;
use super::page::{ErrorPage, NotFoundPage};
use crate::core::error::AppError;
use crate::i18n::t;

/// Renders `render(data)` once an admin page's data has loaded.
pub fn admin_content<T, V, F>(
    title: &'static str,
    data: Resource<Result<T, AppError>>,
    render: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    view! {
        {crate::components::meta::page_head(format!("{title} - {}", t().admin_title_suffix), "noindex, nofollow")}
        <Suspense fallback=|| view! { <p class="loading" role="status">{t().loading}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(d) => in_island(move || render(d).into_any()),
                        Err(AppError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                        Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// What an admin page loaded while the server renders one request, by a key of the
/// loader and its arguments. The server may make a page's body more than once in a
/// render (its frame's `Suspense` runs its children again as that frame's data
/// arrives), and each time the page asks for its data anew: were it to change in
/// between (a picture's copies made, another upload), the page would be rendered from
/// one answer and woken in the browser from another, and the browser could not take
/// it up. Provided by the admin island for each render on the server.
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
pub struct RenderOnce(std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, Kept>>>);

#[cfg(feature = "ssr")]
type Kept = std::sync::Arc<tokio::sync::OnceCell<std::sync::Arc<dyn std::any::Any + Send + Sync>>>;

/// `load`'s answer, the same however often one render asks for `key` (the askers after
/// the first wait for its answer; one that failed is not kept). Outside a render (a
/// call from the browser) it just loads.
#[cfg(feature = "ssr")]
pub async fn once_per_render<T, F>(key: String, load: F) -> Result<T, AppError>
where
    T: Clone + Send + Sync + 'static,
    F: std::future::Future<Output = Result<T, AppError>> + Send,
{
    let Some(kept) = use_context::<RenderOnce>() else {
        return load.await;
    };
    let cell = kept
        .0
        .lock()
        .map(|mut map| map.entry(key).or_default().clone())
        .unwrap_or_default();
    let value = cell
        .get_or_try_init(|| async {
            load.await
                .map(|v| std::sync::Arc::new(v) as std::sync::Arc<dyn std::any::Any + Send + Sync>)
        })
        .await?;
    value
        .downcast_ref::<T>()
        .cloned()
        .ok_or_else(|| AppError::internal("render once", "a key was used for two types"))
}

/// An admin page's data: `fetch(source())`, as `Resource::new` makes it, but once per
/// render on the server (`once_per_render`, keyed by `page` and the source's value).
pub fn page_data<S, T, Fut>(
    page: &'static str,
    source: impl Fn() -> S + Send + Sync + 'static,
    fetch: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<Result<T, AppError>>
where
    S: std::fmt::Debug + PartialEq + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
{
    Resource::new(source, move |s| {
        #[cfg(feature = "ssr")]
        {
            let key = format!("{page} {s:?}");
            once_per_render(key, fetch(s))
        }
        #[cfg(not(feature = "ssr"))]
        {
            let _ = page;
            fetch(s)
        }
    })
}

/// A queue's tabs: each a link to `{base}?muc={key}` with its count, the current one
/// marked; `label` names the navigation.
pub fn queue_tabs(
    label: &'static str,
    base: &str,
    tabs: &[(&'static str, &'static str)],
    counts: &[(String, i64)],
    current: &str,
) -> impl IntoView + use<> {
    let links = tabs
        .iter()
        .map(|(key, name)| {
            let href = format!("{base}?muc={key}");
            let here = (*key == current).then_some("page");
            let n = counts
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, n)| *n)
                .unwrap_or(0);
            view! { <li><a href=href aria-current=here>{*name}<span class="count">{n}</span></a></li> }
        })
        .collect_view();
    view! { <nav aria-label=label><ul class="queue-tabs">{links}</ul></nav> }
}
