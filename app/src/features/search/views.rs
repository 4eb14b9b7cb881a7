//! Search's views: `/tim-kiem`, the results page (a plain GET form with its filters,
//! rendered on the server, so it works without JavaScript), and the header's search
//! box, an island that offers titles as the reader types once the page has hydrated.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::get_search;
use super::model::{Kind, Marked, SEARCH_PATH, SearchHit, SearchPage, SearchQuery};
use crate::components::{PageMeta, Pagination, members_mark, page_loader};
use crate::core::site::SiteInfo;
use crate::i18n::{fill, tsr};

/// The query the address carries.
fn query_of(q: &leptos_router::params::ParamsMap) -> SearchQuery {
    let text = |k: &str| q.get(k).unwrap_or_default();
    SearchQuery {
        q: text("q"),
        kind: Kind::from_code(&text("loai")),
        category: text("chuyen-muc"),
        from: text("tu"),
        to: text("den"),
        page: crate::core::paging::page_param(q.get("trang")),
    }
}

/// Text with its marked words in `<mark>`.
fn marked(m: Marked) -> impl IntoView {
    m.into_iter()
        .map(|(text, on)| {
            if on {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view()
}

fn kind_label(k: Kind) -> &'static str {
    Kind::KINDS
        .iter()
        .position(|x| *x == k)
        .map(|i| tsr().kinds[i])
        .unwrap_or(tsr().kind_all)
}

/// `/tim-kiem?q=…`: ranked results with their filters and pages.
#[component]
pub fn SearchResultsPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(move || query_of(&query.read()), get_search);
    page_loader(data, results_view)
}

fn hit_view(h: SearchHit) -> impl IntoView {
    let category = h.category.map(|c| {
        let href = c.href();
        view! { <a class="hit-category" href=href>{c.name}</a> }
    });
    view! {
        <li class="search-hit">
            <p class="hit-meta">
                <span class="hit-kind">{kind_label(h.kind)}</span>
                {category}
                <time>{h.date}</time>
            </p>
            <h2 class="hit-title"><a href=h.href>{marked(h.title)}</a></h2>
            {h.members_only.then(members_mark)}
            {(!h.snippet.is_empty()).then(|| view! { <p class="hit-snippet">{marked(h.snippet)}</p> })}
        </li>
    }
}

fn results_view(site: SiteInfo, data: SearchPage) -> impl IntoView {
    let s = tsr();
    let SearchPage {
        query,
        hits,
        total,
        more,
        pages,
        categories,
        filter_error,
    } = data;
    let words = query.q.trim().to_string();
    let title = if words.is_empty() {
        s.title.to_string()
    } else {
        fill(s.title_for, &[&words])
    };
    let base = query.href();
    let path = if query.page > 1 {
        format!("{base}&trang={}", query.page)
    } else {
        base.clone()
    };
    let kind_options = Kind::KINDS
        .into_iter()
        .map(|k| view! { <option value=k.code() selected=query.kind == k>{kind_label(k)}</option> })
        .collect_view();
    let category_options = categories
        .into_iter()
        .map(|(depth, c)| {
            let label = format!("{}{}", "— ".repeat(depth), c.name);
            let chosen = query.category == c.slug;
            view! { <option value=c.slug selected=chosen>{label}</option> }
        })
        .collect_view();
    let outcome = if words.is_empty() {
        view! { <p class="search-tips">{s.tips}</p> }.into_any()
    } else if filter_error.is_some() {
        ().into_any()
    } else if hits.is_empty() {
        view! {
            <p class="search-found" role="status">{fill(s.none, &[&words])}</p>
            <p class="search-tips">{s.none_hint}</p>
            <p class="search-tips">{s.tips}</p>
        }
        .into_any()
    } else {
        let found = if more {
            fill(s.found_more, &[&total, &words])
        } else {
            fill(s.found, &[&total, &words])
        };
        view! {
            <p class="search-found" role="status">{found}</p>
            <ol class="search-results" aria-label=s.results>
                {hits.into_iter().map(hit_view).collect_view()}
            </ol>
            <Pagination base page=query.page pages/>
        }
        .into_any()
    };
    let filtered = query.filtered();
    let clear = format!("{SEARCH_PATH}?q={}", crate::components::urlencode(&words));
    view! {
        <PageMeta site title description=s.intro path/>
        <leptos_meta::Meta name="robots" content="noindex, follow"/>
        <header class="list-header">
            <h1>{s.title}</h1>
            <p class="list-description">{s.intro}</p>
        </header>
        <form class="search-form" method="get" action=SEARCH_PATH role="search" aria-label=s.form_label>
            <p class="search-main">
                <label for="tk-q" class="visually-hidden">{s.label}</label>
                <input id="tk-q" type="search" name="q" value=words.clone() maxlength="200"
                    placeholder=s.placeholder/>
                <button type="submit">{s.button}</button>
            </p>
            <fieldset class="filters search-filters">
                <legend>{s.filters}</legend>
                <p class="field">
                    <label for="tk-loai">{s.kind_label}</label>
                    <select id="tk-loai" name="loai">
                        <option value="">{s.kind_all}</option>
                        {kind_options}
                    </select>
                </p>
                <p class="field">
                    <label for="tk-chuyen-muc">{s.category_label}</label>
                    <select id="tk-chuyen-muc" name="chuyen-muc">
                        <option value="">{s.category_all}</option>
                        {category_options}
                    </select>
                </p>
                <p class="field">
                    <label for="tk-tu">{s.from_label}</label>
                    <input id="tk-tu" type="date" name="tu" value=query.from.clone()/>
                </p>
                <p class="field">
                    <label for="tk-den">{s.to_label}</label>
                    <input id="tk-den" type="date" name="den" value=query.to.clone()/>
                </p>
                {filtered.then(|| view! { <p class="search-clear"><a href=clear>{s.clear}</a></p> })}
            </fieldset>
        </form>
        {filter_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
        {outcome}
    }
}

/// The header's search box: a plain GET form to the results page, on every page.
#[component]
pub fn SearchBox() -> impl IntoView {
    use super::model::INPUT_ID;
    let s = tsr();
    view! {
        <form class="header-search" method="get" action=SEARCH_PATH role="search" aria-label=s.label>
            <label for=INPUT_ID class="visually-hidden">{s.label}</label>
            <input id=INPUT_ID type="search" name="q" maxlength="200" placeholder=s.placeholder
                autocomplete="off"/>
            <button type="submit">
                <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                    <path d="M8 2a6 6 0 1 0 3.5 10.9l4.3 4.3 1.4-1.4-4.3-4.3A6 6 0 0 0 8 2zm0 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8z" fill="currentColor"/>
                </svg>
                <span class="visually-hidden">{s.button}</span>
            </button>
        </form>
    }
}
