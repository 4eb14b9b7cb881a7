//! Search's views: `/tim-kiem`, the results page (a plain GET form with its filters,
//! rendered on the server, so it works without JavaScript), and the header's search
//! box, an island that offers titles as the reader types once the page has hydrated.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{get_search, get_suggestions};
use super::model::{Kind, Marked, SEARCH_PATH, SearchHit, SearchPage, SearchQuery, Suggestion};
use crate::components::{PageMeta, Pagination, page_loader};
use crate::core::site::SiteInfo;
use crate::features::articles::views::members_mark;
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
        <form class="search-form" method="get" action=SEARCH_PATH role="search" aria-label=s.label>
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

/// The header's search box: a plain GET form to the results page; once hydrated it
/// offers up to six titles as the reader types (arrow keys move, Enter opens, Escape
/// closes), in the ARIA combobox pattern.
#[island]
pub fn SearchBox() -> impl IntoView {
    let s = tsr();
    let items: RwSignal<Vec<Suggestion>> = RwSignal::new(Vec::new());
    let active: RwSignal<Option<usize>> = RwSignal::new(None);
    let asked = StoredValue::new(0u32);
    let timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let close = move || {
        items.set(Vec::new());
        active.set(None);
    };
    let on_input = move |ev| {
        let q = event_target_value(&ev);
        asked.update_value(|n| *n += 1);
        let mine = asked.get_value();
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        let ask = move || {
            leptos::task::spawn_local(async move {
                let found = get_suggestions(q).await.unwrap_or_default();
                if asked.get_value() == mine {
                    items.set(found);
                    active.set(None);
                }
            })
        };
        timer.set_value(set_timeout_with_handle(ask, std::time::Duration::from_millis(150)).ok());
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = items.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Escape" => close(),
            "Enter" => {
                if let Some(href) = active
                    .get()
                    .and_then(|i| items.with(|v| v.get(i).map(|x| x.href.clone())))
                {
                    ev.prevent_default();
                    let _ = window().location().set_href(&href);
                }
            }
            _ => {}
        }
    };
    // a click on a suggestion lands before the list closes
    let on_blur = move |_| {
        let _ = set_timeout_with_handle(close, std::time::Duration::from_millis(200));
    };
    let option_id = |i: usize| format!("goi-y-tim-{i}");
    view! {
        <form class="header-search" method="get" action=SEARCH_PATH role="search" aria-label=s.label>
            <label for="o-tim-kiem" class="visually-hidden">{s.label}</label>
            <input id="o-tim-kiem" type="search" name="q" maxlength="200" placeholder=s.placeholder
                autocomplete="off" role="combobox" aria-autocomplete="list" aria-controls="goi-y-tim"
                aria-expanded=move || items.with(|v| !v.is_empty()).to_string()
                aria-activedescendant=move || active.get().map(option_id)
                on:input=on_input on:keydown=on_key on:blur=on_blur/>
            <button type="submit">
                <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                    <path d="M8 2a6 6 0 1 0 3.5 10.9l4.3 4.3 1.4-1.4-4.3-4.3A6 6 0 0 0 8 2zm0 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8z" fill="currentColor"/>
                </svg>
                <span class="visually-hidden">{s.button}</span>
            </button>
            <ul id="goi-y-tim" class="search-suggestions" role="listbox" aria-label=s.suggestions
                hidden=move || items.with(Vec::is_empty)>
                {move || items.get().into_iter().enumerate().map(|(i, x)| {
                    let on = move || active.get() == Some(i);
                    view! {
                        <li id=option_id(i) role="option" aria-selected=move || on().to_string() class:active=on>
                            <a href=x.href tabindex="-1">{x.title}</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </form>
    }
}
