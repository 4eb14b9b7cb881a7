//! The admin frame every `/quan-tri` page renders in.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::api::get_admin_me;
use super::model::AdminMe;
use crate::components::ErrorPage;
use crate::features::accounts::api::SignOut;
use crate::i18n::{t, ta};

/// Around every `/quan-tri` page: loads who is signed in (401 with a sign-in link, 403
/// for readers: nothing of the page renders then) and shows the frame with the page
/// inside.
#[component]
pub fn AdminLayout(children: ChildrenFn) -> impl IntoView {
    let me = Resource::new(|| (), |_| get_admin_me());
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{t().loading}</p> }>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                match me.await {
                    Ok(me) => crate::components::browser::in_island(move || {
                        view! { <AdminFrame me>{children()}</AdminFrame> }.into_any()
                    }),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}}
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
    let sign_out = ServerAction::<SignOut>::new();
    let search = me.can_search.then(|| {
        view! {
            <form class="admin-search" action="/quan-tri/bai-viet" method="get" role="search" aria-label=ta().bar_search_label>
                <label class="visually-hidden" for="tim-bai-viet">{ta().bar_search_label}</label>
                <input id="tim-bai-viet" name="q" type="search" placeholder=ta().bar_search_placeholder/>
                <button type="submit" class="button-secondary">{ta().bar_search}</button>
            </form>
        }
    });
    view! {
        <div class="admin">
            <a class="skip-link" href="#admin-noi-dung">{crate::i18n::t().skip_to_content}</a>
            <header class="admin-bar">
                <a class="admin-brand" href="/quan-tri">
                    <img src="/emblem.svg" width="32" height="32" alt=""/>
                    <span>{me.portal.clone()}</span>
                </a>
                {search}
                <div class="admin-user">
                    <p class="admin-who">
                        <strong>{me.display_name.clone()}</strong>
                        <span>{me.role_label.clone()}</span>
                    </p>
                    <a href="/" class="admin-site-link">{ta().bar_public_site}</a>
                    <ActionForm action=sign_out attr:class="admin-sign-out">
                        <button type="submit" class="button-secondary">{ta().bar_sign_out}</button>
                    </ActionForm>
                </div>
            </header>
            <div class="admin-body">
                <nav class="admin-nav" aria-label=ta().frame_label>
                    <ul>{sections}</ul>
                </nav>
                <div class="admin-main" id="admin-noi-dung" tabindex="-1">{children()}</div>
            </div>
        </div>
    }
}
