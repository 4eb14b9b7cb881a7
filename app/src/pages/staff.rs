//! The pages a reader never opens, each one island with a router of its own, so moving
//! between its pages stays in the browser; a link out of it opens a whole page:
//! - the admin area (its frame and every page under /quan-tri) is built into a client
//!   of its own, the staff's (`src/staff`, feature `staff`): the reader's client does
//!   not carry it at all. (Built as a lazily loaded part of the reader's client, its
//!   code moved out but its data, strings and tables stayed in the reader's file:
//!   bench/README.md, "Reader WASM".) In the reader's client it is a plain component
//!   the client never calls.
//! - the account pages (signing in, one's account, the one-time setup and password
//!   links) are a lazily loaded part of the reader's client (`#[island(lazy)]`, built
//!   with `cargo leptos build --split`): a reader signs in to comment.
//!
//! Both watch for an idle session (`IdleWatch`): the staff's pages are where a session
//! that ends unnoticed loses work; the public pages do not carry that code.
//!
//! Everything else on the site is rendered on the server only: the reader's client
//! holds just the small islands of the public pages.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::audit::AuditPage;
use crate::components::browser::in_island;
use crate::components::{NotFoundPage, SiteResource};
use crate::features::accounts::admin_views::{SetPasswordPage, SetupPage, UsersPage};
use crate::features::accounts::import_views::ImportMembersPage;
use crate::features::accounts::views::{AccountPage, IdleWatch, SignInPage};
use crate::features::admin::AdminLayout;
use crate::features::categories::admin_views::CategoriesAdminPage;
use crate::features::categories::grants::UserGrantsPage;
use crate::features::comments::admin_views::CommentsQueuePage;
use crate::features::contests::admin_views::{ContestEditPage, ContestsAdminPage};
use crate::features::documents::admin_views::{DocumentFormPage, DocumentsAdminPage};
use crate::features::editorial::{
    ArticleFormPage, DashboardPage, DeskArticlePage, DeskListPage, RevisionsPage,
};
use crate::features::feedback::admin_views::{FeedbackAdminPage, FeedbackQueuePage};
use crate::features::media::views::MediaLibraryPage;
use crate::features::polls::admin_views::{PollEditPage, PollsAdminPage};
use crate::features::portal::api::get_site_info;
use crate::features::questions::admin_views::{QaQueuePage, QuestionAdminPage};
use crate::features::questions::topics_admin::QaTopicsPage;
use crate::features::stats::views::StatsAdminPage;

/// What the pages inside an island expect around them: the portal info (their titles
/// use `components::meta::page_head`, which needs no head context in the browser).
fn provide_island_context() {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    FIRST.with(|_| ());
    #[cfg(feature = "ssr")]
    provide_context(crate::components::admin::RenderOnce::default());
    let site: SiteResource = Resource::new(|| (), |_| get_site_info());
    provide_context(site);
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
thread_local! {
    /// The address the page was loaded with (read as the island starts).
    static FIRST: String = window().location().href().unwrap_or_default();
}

/// An address no route of this island knows: on the server (and while hydrating the
/// page it sent) the 404 page; after a link in the browser, the page of the rest of
/// the site, loaded whole.
fn elsewhere() -> impl IntoView {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let now = window().location().href().unwrap_or_default();
        if FIRST.with(|first| *first != now) {
            let _ = window().location().reload();
            return ().into_any();
        }
    }
    view! { <NotFoundPage/> }.into_any()
}

/// `framed!(Page)`: the admin frame around `Page`, both made as part of the island (the
/// routes are flat, each page with its frame: the frame's question "who is signed in"
/// and the page's own data then come with the page, in the order hydration asks).
macro_rules! framed {
    ($page:ident) => {
        || in_island(|| view! { <AdminLayout><$page/></AdminLayout> })
    };
}

/// The admin area under /quan-tri: its frame around each page. An island where the
/// server renders it and in the staff's client; the reader's client never wakes it.
#[cfg_attr(any(feature = "ssr", feature = "staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "staff")), component)]
pub fn AdminApp() -> impl IntoView {
    provide_island_context();
    view! {
        <Router>
            <Routes fallback=elsewhere>
                <Route path=path!("/quan-tri") view=framed!(DashboardPage)/>
                <Route path=path!("/quan-tri/bai-viet") view=framed!(DeskListPage)/>
                <Route path=path!("/quan-tri/bai-viet/moi") view=framed!(ArticleFormPage)/>
                <Route path=path!("/quan-tri/bai-viet/:id") view=framed!(DeskArticlePage)/>
                <Route path=path!("/quan-tri/bai-viet/:id/sua") view=framed!(ArticleFormPage)/>
                <Route path=path!("/quan-tri/bai-viet/:id/phien-ban") view=framed!(RevisionsPage)/>
                <Route path=path!("/quan-tri/nhat-ky") view=framed!(AuditPage)/>
                <Route path=path!("/quan-tri/thong-ke") view=framed!(StatsAdminPage)/>
                <Route path=path!("/quan-tri/y-kien") view=framed!(CommentsQueuePage)/>
                <Route path=path!("/quan-tri/nguoi-dung") view=framed!(UsersPage)/>
                <Route path=path!("/quan-tri/nguoi-dung/nhap") view=framed!(ImportMembersPage)/>
                <Route path=path!("/quan-tri/nguoi-dung/:id/quyen") view=framed!(UserGrantsPage)/>
                <Route path=path!("/quan-tri/chuyen-muc") view=framed!(CategoriesAdminPage)/>
                <Route path=path!("/quan-tri/thu-vien") view=framed!(MediaLibraryPage)/>
                <Route path=path!("/quan-tri/van-ban") view=framed!(DocumentsAdminPage)/>
                <Route path=path!("/quan-tri/van-ban/moi") view=framed!(DocumentFormPage)/>
                <Route path=path!("/quan-tri/van-ban/:id") view=framed!(DocumentFormPage)/>
                <Route path=path!("/quan-tri/hoi-dap") view=framed!(QaQueuePage)/>
                <Route path=path!("/quan-tri/hoi-dap/linh-vuc") view=framed!(QaTopicsPage)/>
                <Route path=path!("/quan-tri/hoi-dap/:id") view=framed!(QuestionAdminPage)/>
                <Route path=path!("/quan-tri/gop-y") view=framed!(FeedbackQueuePage)/>
                <Route path=path!("/quan-tri/gop-y/:id") view=framed!(FeedbackAdminPage)/>
                <Route path=path!("/quan-tri/binh-chon") view=framed!(PollsAdminPage)/>
                <Route path=path!("/quan-tri/binh-chon/moi") view=framed!(PollEditPage)/>
                <Route path=path!("/quan-tri/binh-chon/:id") view=framed!(PollEditPage)/>
                <Route path=path!("/quan-tri/cuoc-thi") view=framed!(ContestsAdminPage)/>
                <Route path=path!("/quan-tri/cuoc-thi/moi") view=framed!(ContestEditPage)/>
                <Route path=path!("/quan-tri/cuoc-thi/:id") view=framed!(ContestEditPage)/>
            </Routes>
            <IdleWatch/>
        </Router>
    }
}

/// The account pages, in the portal's own frame: a lazily loaded island of the reader's
/// client; the staff's client (on admin pages only) does without it.
#[cfg_attr(any(feature = "ssr", not(feature = "staff")), island(lazy))]
#[cfg_attr(all(feature = "staff", not(feature = "ssr")), component)]
pub fn AccountApp() -> impl IntoView {
    crate::components::client::preload_part("account_app_loader_");
    provide_island_context();
    view! {
        <Router>
            <Routes fallback=elsewhere>
                <Route path=path!("/dang-nhap") view=|| in_island(SignInPage)/>
                <Route path=path!("/tai-khoan") view=|| in_island(AccountPage)/>
                <Route path=path!("/thiet-lap") view=|| in_island(SetupPage)/>
                <Route path=path!("/dat-mat-khau") view=|| in_island(SetPasswordPage)/>
            </Routes>
            <IdleWatch/>
        </Router>
    }
}
