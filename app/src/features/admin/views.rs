//! The admin frame every `/quan-tri` page renders in.

use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_location;

use super::api::get_admin_me;
use super::model::AdminMe;
use crate::components::ErrorPage;
use crate::i18n::t;

/// The parent route of every `/quan-tri` page: loads who is signed in once (401 with a
/// sign-in link, 403 for readers: nothing of the page renders then) and shows the
/// frame with the current page inside.
#[component]
pub fn AdminLayout() -> impl IntoView {
    let me = Resource::new(|| (), |_| get_admin_me());
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{t().loading}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(me) => view! { <AdminFrame me><Outlet/></AdminFrame> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
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
