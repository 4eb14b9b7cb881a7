//! The routes a reader never opens, as lazily loaded parts of the client: the admin
//! frame and each of its pages, the sign-in and account pages and the one-time link
//! pages. Built with `cargo leptos build --split`, each page's code (and what only it
//! uses) moves into its own `split_*.wasm`, fetched when someone navigates there; on
//! the server they render as any route does, so a page opened directly arrives whole
//! and hydrates once its part has loaded (`hydrate_lazy` in the entry crate).
//!
//! Each page loads its own data inside its view: these are staff and account pages,
//! where one more round trip on the first visit matters less than the readers' bundle.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

use super::audit::AuditPage;
use crate::features::accounts::admin_views::{SetPasswordPage, SetupPage, UsersPage};
use crate::features::accounts::views::{AccountPage, SignInPage};
use crate::features::admin::AdminLayout;
use crate::features::categories::admin_views::CategoriesAdminPage;
use crate::features::categories::grants::UserGrantsPage;
use crate::features::comments::admin_views::CommentsQueuePage;
use crate::features::editorial::{
    ArticleFormPage, DashboardPage, DeskArticlePage, DeskListPage, RevisionsPage,
};

/// `lazy_page!(Route, Page)`: a lazily loaded route whose view is the component `Page`.
macro_rules! lazy_page {
    ($($(#[$doc:meta])* $route:ident => $page:ident;)+) => {$(
        $(#[$doc])*
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    )+};
}

lazy_page! {
    /// The admin frame around every page under /quan-tri.
    AdminFrame => AdminLayout;
    /// /quan-tri: the desk's overview.
    Dashboard => DashboardPage;
    /// /quan-tri/bai-viet: the articles at the desk.
    DeskList => DeskListPage;
    /// /quan-tri/bai-viet/:id: one article with its history and notes.
    DeskArticle => DeskArticlePage;
    /// /quan-tri/bai-viet/moi and /quan-tri/bai-viet/:id/sua: the article form.
    ArticleForm => ArticleFormPage;
    /// /quan-tri/bai-viet/:id/phien-ban: an article's revisions.
    Revisions => RevisionsPage;
    /// /quan-tri/nhat-ky: the audit log.
    Audit => AuditPage;
    /// /quan-tri/y-kien: the comments queue.
    CommentsQueue => CommentsQueuePage;
    /// /quan-tri/nguoi-dung: the accounts.
    Users => UsersPage;
    /// /quan-tri/nguoi-dung/:id/quyen: one account's category grants.
    UserGrants => UserGrantsPage;
    /// /quan-tri/chuyen-muc: the categories.
    CategoriesAdmin => CategoriesAdminPage;
    /// /dang-nhap: signing in.
    SignIn => SignInPage;
    /// /tai-khoan: one's own account.
    Account => AccountPage;
    /// /thiet-lap: the first administrator's one-time setup link.
    Setup => SetupPage;
    /// /dat-mat-khau: a one-time link to set a password.
    SetPassword => SetPasswordPage;
}
