//! The HTML document and the application's routes: the public pages, the admin area
//! (one parent route that renders the admin frame around each of its pages) and the
//! one-time link pages.

use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

use super::article::ArticlePage;
use super::category::CategoryPage;
use super::lazy::{
    Account, AdminFrame, ArticleForm, Audit, CategoriesAdmin, CommentsQueue, Dashboard,
    DeskArticle, DeskList, Revisions, SetPassword, Setup, SignIn, UserGrants, Users,
};
use super::print::PrintArticlePage;
use super::tag::TagPage;
use super::topic::TopicPage;
use crate::components::{ClientHead, NotFoundPage, SiteResource};
use crate::features::accounts::views::{IdleWatch, SessionRefresh, provide_session_user};
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
                <AutoReload options=options.clone()/>
                <ClientHead options/>
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
    // (`<html data-hydrated>` is set by the entry crate once hydration is complete)
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
                    <Route path=path!("/dang-nhap") view={Lazy::<SignIn>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/tai-khoan") view={Lazy::<Account>::new()} ssr=SsrMode::Async/>
                    <ParentRoute path=path!("/quan-tri") view={Lazy::<AdminFrame>::new()} ssr=SsrMode::Async>
                        <Route path=path!("") view={Lazy::<Dashboard>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("bai-viet") view={Lazy::<DeskList>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("bai-viet/moi") view={Lazy::<ArticleForm>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("bai-viet/:id") view={Lazy::<DeskArticle>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("bai-viet/:id/sua") view={Lazy::<ArticleForm>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("bai-viet/:id/phien-ban") view={Lazy::<Revisions>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("nhat-ky") view={Lazy::<Audit>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("y-kien") view={Lazy::<CommentsQueue>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("nguoi-dung") view={Lazy::<Users>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("nguoi-dung/:id/quyen") view={Lazy::<UserGrants>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("chuyen-muc") view={Lazy::<CategoriesAdmin>::new()} ssr=SsrMode::Async/>
                    </ParentRoute>
                    <Route path=path!("/thiet-lap") view={Lazy::<Setup>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/dat-mat-khau") view={Lazy::<SetPassword>::new()} ssr=SsrMode::Async/>
                </Routes>
            </SiteMain>
            <PublicOnly><SiteFooter/></PublicOnly>
            <SessionRefresh/>
            <IdleWatch/>
        </Router>
    }
}
