//! The HTML document and the application's routes: the public pages, the admin area
//! (one parent route that renders the admin frame around each of its pages) and the
//! one-time link pages.

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{SsrMode, path};

use super::article::ArticlePage;
use super::audit::AuditPage;
use super::category::CategoryPage;
use super::print::PrintArticlePage;
use super::tag::TagPage;
use super::topic::TopicPage;
use crate::components::{NotFoundPage, SiteResource};
use crate::features::accounts::admin_views::{SetPasswordPage, SetupPage, UsersPage};
use crate::features::accounts::views::{
    AccountPage, IdleWatch, SessionRefresh, SignInPage, provide_session_user,
};
use crate::features::admin::AdminLayout;
use crate::features::categories::admin_views::CategoriesAdminPage;
use crate::features::categories::grants::UserGrantsPage;
use crate::features::comments::admin_views::CommentsQueuePage;
use crate::features::editorial::{
    ArticleFormPage, DashboardPage, DeskArticlePage, DeskListPage, RevisionsPage,
};
use crate::features::portal::api::get_site_info;
use crate::features::portal::views::{HomePage, SiteFooter, SiteHeader};

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang=crate::i18n::lang().code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#b3121b"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// True on the admin area's pages, which have a frame of their own.
fn in_admin(path: &str) -> bool {
    path == "/quan-tri" || path.starts_with("/quan-tri/")
}

/// Its children on public pages only: the portal's masthead and footer give way to
/// the admin frame in the admin area.
#[component]
fn PublicOnly(children: ChildrenFn) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    view! { <Show when=move || !location.pathname.with(|p| in_admin(p))>{children()}</Show> }
}

/// The page's main landmark: the portal's column on public pages, the whole width
/// for the admin frame.
#[component]
fn SiteMain(children: Children) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let class = move || {
        if location.pathname.with(|p| in_admin(p)) {
            "site-main admin-page"
        } else {
            "wrap site-main"
        }
    };
    view! { <main id="noi-dung" class=class tabindex="-1">{children()}</main> }
}

/// The application: page frame and routes. Public routes render fully on the server
/// (`SsrMode::Async`) so their content is in the first HTML, even with JavaScript off.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let site: SiteResource = Resource::new(|| (), |_| get_site_info());
    provide_context(site);
    provide_session_user();
    // Lets tests (and styles) know the client has taken over.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Router>
            <PublicOnly><SiteHeader/></PublicOnly>
            <SiteMain>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/chuyen-muc/:slug") view=CategoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/bai-viet/:slug") view=ArticlePage ssr=SsrMode::Async/>
                    <Route path=path!("/bai-viet/:slug/in") view=PrintArticlePage ssr=SsrMode::Async/>
                    <Route path=path!("/chuyen-de/:slug") view=TopicPage ssr=SsrMode::Async/>
                    <Route path=path!("/the/:slug") view=TagPage ssr=SsrMode::Async/>
                    <Route path=path!("/dang-nhap") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/tai-khoan") view=AccountPage ssr=SsrMode::Async/>
                    <ParentRoute path=path!("/quan-tri") view=AdminLayout ssr=SsrMode::Async>
                        <Route path=path!("") view=DashboardPage ssr=SsrMode::Async/>
                        <Route path=path!("bai-viet") view=DeskListPage ssr=SsrMode::Async/>
                        <Route path=path!("bai-viet/moi") view=ArticleFormPage ssr=SsrMode::Async/>
                        <Route path=path!("bai-viet/:id") view=DeskArticlePage ssr=SsrMode::Async/>
                        <Route path=path!("bai-viet/:id/sua") view=ArticleFormPage ssr=SsrMode::Async/>
                        <Route path=path!("bai-viet/:id/phien-ban") view=RevisionsPage ssr=SsrMode::Async/>
                        <Route path=path!("nhat-ky") view=AuditPage ssr=SsrMode::Async/>
                        <Route path=path!("y-kien") view=CommentsQueuePage ssr=SsrMode::Async/>
                        <Route path=path!("nguoi-dung") view=UsersPage ssr=SsrMode::Async/>
                        <Route path=path!("nguoi-dung/:id/quyen") view=UserGrantsPage ssr=SsrMode::Async/>
                        <Route path=path!("chuyen-muc") view=CategoriesAdminPage ssr=SsrMode::Async/>
                    </ParentRoute>
                    <Route path=path!("/thiet-lap") view=SetupPage ssr=SsrMode::Async/>
                    <Route path=path!("/dat-mat-khau") view=SetPasswordPage ssr=SsrMode::Async/>
                </Routes>
            </SiteMain>
            <PublicOnly><SiteFooter/></PublicOnly>
            <SessionRefresh/>
            <IdleWatch/>
        </Router>
    }
}
