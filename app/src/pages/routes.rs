//! The HTML document and the application's routes: the public pages, rendered on the
//! server with a few islands each, and the admin area and account pages, each one
//! island with a router of its own (`pages::staff`).

use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use super::article::ArticlePage;
use super::category::CategoryPage;
use super::print::PrintArticlePage;
use super::staff::{AccountApp, AdminApp};
use super::tag::TagPage;
use super::topic::TopicPage;
use crate::components::client::in_admin;
use crate::components::{ClientHead, NotFoundPage, SiteResource};
use crate::features::contests::views::{ContestPage, ContestsPage, RoundResultsPage, SheetPage};
use crate::features::documents::views::{DocumentPage, DocumentsListPage};
use crate::features::feedback::views::{FeedbackFollowPage, FeedbackPage};
use crate::features::polls::views::PollPage;
use crate::features::portal::api::get_site_info;
use crate::features::portal::views::{HomePage, SiteFooter, SiteHeader};
use crate::features::questions::views::{AskPage, FollowPage, QaList, QuestionPage};
use crate::features::search::views::SearchResultsPage;

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
                    <Route path=path!("/tim-kiem") view=SearchResultsPage ssr=SsrMode::Async/>
                    <Route path=path!("/van-ban") view=DocumentsListPage ssr=SsrMode::Async/>
                    <Route path=path!("/van-ban/:slug") view=DocumentPage ssr=SsrMode::Async/>
                    <Route path=path!("/hoi-dap") view=QaList ssr=SsrMode::Async/>
                    <Route path=path!("/hoi-dap/dat-cau-hoi") view=AskPage ssr=SsrMode::Async/>
                    <Route path=path!("/hoi-dap/theo-doi") view=FollowPage ssr=SsrMode::Async/>
                    <Route path=path!("/hoi-dap/:slug") view=QuestionPage ssr=SsrMode::Async/>
                    <Route path=path!("/gop-y") view=FeedbackPage ssr=SsrMode::Async/>
                    <Route path=path!("/gop-y/theo-doi") view=FeedbackFollowPage ssr=SsrMode::Async/>
                    <Route path=path!("/binh-chon/:id") view=PollPage ssr=SsrMode::Async/>
                    <Route path=path!("/cuoc-thi") view=ContestsPage ssr=SsrMode::Async/>
                    <Route path=path!("/cuoc-thi/:slug") view=ContestPage ssr=SsrMode::Async/>
                    <Route path=path!("/cuoc-thi/:slug/lam-bai") view=SheetPage ssr=SsrMode::Async/>
                    <Route path=path!("/cuoc-thi/:slug/vong/:n") view=RoundResultsPage ssr=SsrMode::Async/>
                    <Route path=path!("/dang-nhap") view=AccountApp ssr=SsrMode::Async/>
                    <Route path=path!("/tai-khoan") view=AccountApp ssr=SsrMode::Async/>
                    <Route path=path!("/thiet-lap") view=AccountApp ssr=SsrMode::Async/>
                    <Route path=path!("/dat-mat-khau") view=AccountApp ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri") view=AdminApp ssr=SsrMode::Async/>
                    <Route path=path!("/quan-tri/*any") view=AdminApp ssr=SsrMode::Async/>
                </Routes>
            </SiteMain>
            <PublicOnly><SiteFooter/></PublicOnly>
        </Router>
    }
}
