//! The admin frame every `/quan-tri` page renders in, and the audit log page.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_query_map};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::api::{get_admin_me, get_audit_log};
use super::model::AdminMe;
use crate::components::{ErrorPage, NotFoundPage, Pagination};
use crate::error::AppError;
use crate::features::articles::model::page_param;
use crate::features::workflow::model::Status;
use crate::i18n::t;

/// A status as a coloured label.
pub fn status_badge(status: Status) -> impl IntoView {
    view! { <span class=format!("status status-{}", status.as_str())>{status.label()}</span> }
}

/// Renders an admin page: first who is signed in (401 with a sign-in link, 403 for
/// readers — nothing of the page renders then), then the page's data in the frame.
pub fn admin_page<T, V, F>(
    title: &'static str,
    data: Resource<Result<T, AppError>>,
    render: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    let me = Resource::new(|| (), |_| get_admin_me());
    view! {
        <leptos_meta::Title text=format!("{title} - Quản trị")/>
        <leptos_meta::Meta name="robots" content="noindex, nofollow"/>
        <Suspense fallback=|| view! { <p class="loading" role="status">{t().loading}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    let me = match me.await {
                        Ok(me) => me,
                        Err(e) => return view! { <ErrorPage error=e/> }.into_any(),
                    };
                    let body = match data.await {
                        Ok(d) => render(d).into_any(),
                        Err(AppError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                        Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                    };
                    view! { <AdminFrame me>{body}</AdminFrame> }.into_any()
                })
            }}
        </Suspense>
    }
}

/// The admin frame: the sections of this role, then the page.
#[component]
fn AdminFrame(me: AdminMe, children: Children) -> impl IntoView {
    let location = use_location();
    let sections = me
        .sections
        .into_iter()
        .map(|(href, label)| {
            let h = href.clone();
            let current = move || {
                let path = location.pathname.get();
                let here = if h == "/quan-tri" {
                    path == h
                } else if h == "/quan-tri/bai-viet" {
                    path.starts_with(&h) && !path.ends_with("/moi")
                } else {
                    path.starts_with(&h)
                };
                here.then_some("page")
            };
            // a plain link: the router's <A> marks every prefix of the path as current
            view! { <li><a href=href aria-current=current>{label}</a></li> }
        })
        .collect_view();
    view! {
        <div class="admin">
            <nav class="admin-nav" aria-label="Khu quản trị">
                <p class="admin-who">
                    <strong>{me.display_name}</strong>
                    <span>{me.role_label}</span>
                </p>
                <ul>{sections}</ul>
            </nav>
            <div class="admin-main">{children()}</div>
        </div>
    }
}

/// `/quan-tri/nhat-ky`: who did what, newest first.
#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(move || page_param(query.read().get("trang")), get_audit_log);
    admin_page("Nhật ký", data, |log| {
        let page = log.page;
        let pages = log.pages;
        view! {
            <h1>"Nhật ký kiểm duyệt và quản trị"</h1>
            <p class="admin-intro">{format!("{} mục, mới nhất trước.", log.total)}</p>
            <div class="table-wrap">
                <table class="desk-table">
                    <thead><tr><th scope="col">"Thời gian"</th><th scope="col">"Người thực hiện"</th><th scope="col">"Việc"</th><th scope="col">"Lý do / chi tiết"</th></tr></thead>
                    <tbody>
                        {log.items.into_iter().map(|e| view! {
                            <tr>
                                <td class="nowrap">{e.at}</td>
                                <td>{e.actor.unwrap_or_else(|| "Hệ thống".into())}</td>
                                <td>{match e.href {
                                    Some(h) => view! { <A href=h>{e.what}</A> }.into_any(),
                                    None => view! { <span>{e.what}</span> }.into_any(),
                                }}</td>
                                <td>{e.detail}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <Pagination base="/quan-tri/nhat-ky".to_string() page pages/>
        }
    })
}
