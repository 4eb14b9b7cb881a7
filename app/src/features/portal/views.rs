//! The page frame (header with the date and the category menu, footer with the
//! portal's contact details) and the home page.

use leptos::prelude::*;
use leptos_router::components::A;

use super::api::get_home;
use super::model::{HomePageData, SiteInfo};
use crate::components::LanguageSwitch;
use crate::components::{PageMeta, page_loader, use_site};
use crate::core::error::AppError;
use crate::core::site::MenuItem;
use crate::features::accounts::views::UserBox;
use crate::features::articles::api::get_most_lists;
use crate::features::articles::model::MostLists;
use crate::features::articles::views::{ArticleCardView, CardSize, most_blocks};
use crate::i18n::{t, tm};

fn menu_items(items: Vec<MenuItem>) -> impl IntoView {
    items
        .into_iter()
        .map(|item| {
            let MenuItem {
                name,
                href,
                children,
            } = item;
            if children.is_empty() {
                view! { <li><A href=href>{name}</A></li> }.into_any()
            } else {
                let sub = menu_items(children);
                view! {
                    <li class="has-sub">
                        <A href=href attr:aria-haspopup="true">{name}</A>
                        <ul class="submenu">{sub}</ul>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view()
}

/// Where citizens take part, and the documents: in the date bar and the footer.
fn channel_links() -> impl IntoView {
    view! {
        <ul>
            <li><a href=crate::features::questions::QA_PATH>{crate::i18n::tqa().nav}</a></li>
            <li><a href=crate::features::feedback::FEEDBACK_PATH>{crate::i18n::tfb().nav}</a></li>
            <li><a href=crate::features::contests::CONTESTS_PATH>{crate::i18n::tqz().nav}</a></li>
            <li><a href=crate::features::documents::model::DOCUMENTS_PATH>{crate::i18n::tdoc().nav}</a></li>
        </ul>
    }
}

/// The portal header: date bar, emblem and name, and the category menu (a bar with
/// dropdowns on desktops, a drawer on phones).
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    view! {
        <a class="skip-link" href="#noi-dung">{t().skip_to_content}</a>
        <header class="site-header">
            <div class="topbar">
                <div class="wrap topbar-inner">
                    <span class="today">
                        <Suspense fallback=|| ()>{move || Suspend::new(async move { site.await.ok().map(|s| s.today) })}</Suspense>
                    </span>
                    <nav class="topbar-links" aria-label=crate::i18n::tfb().channels>{channel_links()}</nav>
                    // outside any Suspense: its effect must live as long as the page
                    <UserBox/>
                </div>
            </div>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    site.await.ok().map(|site| {
                        let SiteInfo { config, today: _, menu } = site;
                        view! {
                            <MenuDrawer name=config.name subtitle=config.subtitle>
                                <ul class="wrap menu">
                                    <li class="menu-home"><A href="/" exact=true>{t().home}</A></li>
                                    {menu_items(menu)}
                                </ul>
                            </MenuDrawer>
                        }
                    })
                })}
            </Suspense>
            <div class="wrap header-search-row"><crate::features::search::views::SearchBox/></div>
        </header>
    }
}

/// The portal footer: contact details and a map of all categories.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="site-footer">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    site.await.ok().map(|site| {
                        let c = site.config;
                        let line = |label: &'static str, value: String| {
                            (!value.is_empty()).then(|| view! { <p><span class="label">{format!("{label}: ")}</span>{value}</p> })
                        };
                        let mail = format!("mailto:{}", c.email);
                        view! {
                            <div class="wrap footer-inner">
                                <section class="footer-contact" aria-labelledby="lien-he">
                                    <h2 id="lien-he" class="footer-name">{c.name}</h2>
                                    <p>{c.agency}</p>
                                    {line(t().address, c.address)}
                                    {line(t().phone, c.phone)}
                                    <p><span class="label">{format!("{}: ", t().email)}</span><a href=mail>{c.email}</a></p>
                                    {line(t().responsible, c.responsible)}
                                    {line(t().license, c.license)}
                                </section>
                                <nav id="ban-do-trang" class="footer-map" aria-labelledby="ban-do-trang-tieu-de">
                                    <h2 id="ban-do-trang-tieu-de">{t().categories}</h2>
                                    <ul>{menu_items(site.menu)}</ul>
                                </nav>
                                <section class="footer-map footer-channels" aria-labelledby="tuong-tac-tieu-de">
                                    <h2 id="tuong-tac-tieu-de">{crate::i18n::tfb().channels}</h2>
                                    {channel_links()}
                                </section>
                                <crate::features::stats::views::VisitStats/>
                            </div>
                            <div class="wrap footer-bottom">
                                <p class="footer-credit">{tm().footer_credit}</p>
                                <LanguageSwitch/>
                            </div>
                        }
                    })
                })}
            </Suspense>
        </footer>
    }
}

/// `/`
#[component]
pub fn HomePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_home());
    let most = Resource::new(|| (), |_| get_most_lists());
    page_loader(data, move |site, data| view! { <HomeView site data most/> })
}

#[component]
fn HomeView(
    site: SiteInfo,
    data: HomePageData,
    most: Resource<Result<MostLists, AppError>>,
) -> impl IntoView {
    let HomePageData {
        featured,
        latest,
        sections,
        topics,
        bulletin,
        poll,
    } = data;
    let name = site.config.name.clone();
    let description = site.config.description.clone();
    let featured_block = (!featured.is_empty()).then(|| {
        let mut items = featured.into_iter();
        let lead = items.next().map(|card| view! { <ArticleCardView card size=CardSize::Lead show_category=true/> });
        view! {
            <section class="featured" aria-labelledby="tin-noi-bat">
                <h2 id="tin-noi-bat" class="block-title">{t().featured_news}</h2>
                <div class="featured-grid">
                    {lead}
                    <div class="featured-more">
                        {items.map(|card| view! { <ArticleCardView card size=CardSize::Row/> }).collect_view()}
                    </div>
                </div>
            </section>
        }
    });
    let latest_block = (!latest.is_empty()).then(|| {
        view! {
            <section class="latest" aria-labelledby="tin-moi-nhat">
                <h2 id="tin-moi-nhat" class="block-title">{t().latest_news}</h2>
                <div class="latest-list">
                    {latest.into_iter().map(|card| view! { <ArticleCardView card size=CardSize::Compact show_category=true/> }).collect_view()}
                </div>
            </section>
        }
    });
    let topics_block = (!topics.is_empty()).then(|| {
        view! {
            <section class="topics-strip" aria-labelledby="chuyen-de">
                <h2 id="chuyen-de" class="block-title">{t().topics}</h2>
                <ul>{topics.into_iter().map(|tp| view! { <li><A href=tp.href()>{tp.name}</A></li> }).collect_view()}</ul>
            </section>
        }
    });
    let section_blocks = sections
        .into_iter()
        .map(|s| {
            let id = format!("muc-{}", s.category.slug);
            let href = s.category.href();
            let name = s.category.name.clone();
            let more = format!("{} {} ›", t().see_more, s.category.name);
            let mut items = s.articles.into_iter();
            let lead = items.next().map(|card| view! { <ArticleCardView card size=CardSize::Lead/> });
            view! {
                <section class="category-block" aria-labelledby=id.clone()>
                    <h2 id=id.clone() class="block-title"><A href=href.clone()>{name}</A></h2>
                    {lead}
                    <div class="category-block-more">
                        {items.map(|card| view! { <ArticleCardView card size=CardSize::Compact/> }).collect_view()}
                    </div>
                    <A href=href attr:class="see-more">{more}</A>
                </section>
            }
        })
        .collect_view();
    view! {
        <PageMeta site title="" description path="/"/>
        <h1 class="visually-hidden">{name}</h1>
        <div class="home-top">
            {featured_block}
            {latest_block}
        </div>
        {bulletin.map(crate::features::documents::views::latest_bulletin)}
        {topics_block}
        {poll.map(crate::features::polls::poll_box)}
        <div class="home-most">{most_blocks(most)}</div>
        <div class="category-blocks">{section_blocks}</div>
    }
}

/// The masthead and the main menu, with the menu's toggle on small screens (the one
/// island of the header besides the account link; the menu itself is the server's).
#[island]
fn MenuDrawer(name: String, subtitle: String, children: Children) -> impl IntoView {
    let (open, set_open) = signal(false);
    view! {
        <div class="masthead">
            <div class="wrap masthead-inner">
                <a href="/" class="brand">
                    <img class="emblem" src="/emblem.svg" alt="" width="72" height="72"/>
                    <span class="brand-text">
                        <span class="brand-name">{name}</span>
                        <span class="brand-sub">{subtitle}</span>
                    </span>
                </a>
                <a class="menu-toggle" href="#ban-do-trang" role="button" aria-controls="main-nav"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |ev| {
                        ev.prevent_default();
                        set_open.update(|o| *o = !*o);
                    }>
                    <span class="menu-icon" aria-hidden="true"><span></span><span></span><span></span></span>
                    <span class="menu-label">{move || if open.get() { t().close_menu } else { t().menu }}</span>
                </a>
            </div>
        </div>
        // following any link in the drawer closes it
        <nav id="main-nav" class="main-nav" class:open=move || open.get() aria-label=t().main_menu
            on:click=move |ev| {
                let on_link = ev
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .and_then(|el| el.closest("a").ok().flatten())
                    .is_some();
                if on_link {
                    set_open.set(false);
                }
            }>
            {children()}
        </nav>
    }
}
