//! `/quan-tri/thu-vien`: the media library. The uploader, then the files newest first
//! (pictures as a grid, documents as a list) found by their words and filtered by
//! kind and uploader, a page at a time; `?chon=ID` opens a file's detail panel: what
//! it is, its copies, its alt text, caption and credit to edit, the articles that
//! show it, and deleting it when none does. The pieces (`picture_grid`,
//! `DescribeForm`) also make the picker of the article form (`picker`).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::api::{DeleteMedia, DescribeMedia, get_media_library};
use super::model::{
    ALT_MAX, CAPTION_MAX, CREDIT_MAX, LibraryQuery, MediaDetail, MediaItem, size_text,
};
use super::uploader::{UploadQueue, Uploader};
use crate::components::{Pagination, admin_content, form_error};
use crate::core::paging::page_param;
use crate::i18n::{fill, tmd};

const BASE: &str = "/quan-tri/thu-vien";

/// The library's filters from the page's address.
fn query_from(q: &leptos_router::params::ParamsMap) -> LibraryQuery {
    LibraryQuery {
        q: q.get("q").unwrap_or_default(),
        kind: q.get("loai").unwrap_or_default(),
        uploader: q.get("nguoi-tai").and_then(|u| u.parse().ok()),
        page: page_param(q.get("trang")),
    }
}

/// What choosing a picture of a grid does: open its details (the library page), or
/// hand it to the article form (the picker).
#[derive(Clone, Copy)]
pub enum Choose {
    Details(StoredValue<LibraryQuery>),
    Pick(Callback<MediaItem>),
}

/// The pictures of a page, as a grid of cards.
pub fn picture_grid(items: Vec<MediaItem>, choose: Choose) -> impl IntoView {
    let cards = items
        .into_iter()
        .map(|item| {
            let missing = item.alt.is_empty().then(|| {
                view! { <span class="badge-warn">{tmd().no_alt}</span> }
            });
            let label = fill(tmd().details_of, &[&item.name]);
            let alt = item.alt.clone();
            let image = view! {
                <img src=item.thumb.clone() alt=alt width=item.width height=item.height loading="lazy" decoding="async"/>
            };
            let opener = match choose {
                Choose::Details(query) => {
                    let href = query.with_value(|q| q.choosing(BASE, item.id));
                    view! { <a href=href class="media-open" aria-label=label>{image}</a> }.into_any()
                }
                Choose::Pick(pick) => {
                    let chosen = item.clone();
                    view! {
                        <button type="button" class="media-open" aria-label=label on:click=move |_| pick.run(chosen.clone())>
                            {image}
                        </button>
                    }
                    .into_any()
                }
            };
            view! {
                <li class="media-card">
                    {opener}
                    <p class="media-name">{item.name.clone()}</p>
                    <p class="muted">{format!("{} × {} · {}", item.width, item.height, size_text(item.size_bytes))}</p>
                    {missing}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="media-grid">{cards}</ul> }
}

/// The documents of a page, as a table.
fn document_list(items: Vec<MediaItem>, query: StoredValue<LibraryQuery>) -> impl IntoView {
    let rows = items
        .into_iter()
        .map(|item| {
            let href = query.with_value(|q| q.choosing(BASE, item.id));
            let ext = item
                .name
                .rsplit_once('.')
                .map(|(_, e)| e.to_uppercase())
                .unwrap_or_default();
            view! {
                <tr>
                    <td><a href=href>{item.name.clone()}</a></td>
                    <td>{ext}</td>
                    <td>{size_text(item.size_bytes)}</td>
                    <td>{item.date.clone()}</td>
                    <td>{item.uploader.clone()}</td>
                    <td>{item.uses}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="media-documents">
                <thead><tr>
                    <th scope="col">{tmd().col_name}</th>
                    <th scope="col">{tmd().col_type}</th>
                    <th scope="col">{tmd().col_size}</th>
                    <th scope="col">{tmd().col_date}</th>
                    <th scope="col">{tmd().col_uploader}</th>
                    <th scope="col">{tmd().col_uses}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The filters' form (a plain GET form: the address holds them).
fn filters(query: &LibraryQuery, uploaders: &[(i64, String)]) -> impl IntoView + use<> {
    let kind = query.kind.clone();
    let kinds = [
        ("", tmd().kind_all),
        ("anh", tmd().kind_pictures),
        ("tai-lieu", tmd().kind_documents),
    ]
    .into_iter()
    .map(|(v, label)| view! { <option value=v selected=kind == v>{label}</option> })
    .collect_view();
    let chosen = query.uploader;
    let people = uploaders
        .iter()
        .map(|(id, name)| {
            view! { <option value=id.to_string() selected=chosen == Some(*id)>{name.clone()}</option> }
        })
        .collect_view();
    view! {
        <form class="media-filters" action=BASE method="get" role="search" aria-label=tmd().search_label>
            <div class="field">
                <label for="tim-tep">{tmd().search_label}</label>
                <input id="tim-tep" name="q" type="search" value=query.q.clone() placeholder=tmd().search_placeholder/>
            </div>
            <div class="field">
                <label for="loai-tep">{tmd().kind_label}</label>
                <select id="loai-tep" name="loai">{kinds}</select>
            </div>
            <div class="field">
                <label for="nguoi-tai">{tmd().uploader_label}</label>
                <select id="nguoi-tai" name="nguoi-tai">
                    <option value="">{tmd().uploader_all}</option>
                    {people}
                </select>
            </div>
            <button type="submit" class="button-secondary">{tmd().filter}</button>
        </form>
    }
}

/// What the page says after a plain form's upload or a deletion.
fn notices() -> impl IntoView {
    let query = use_query_map();
    move || {
        let q = query.read();
        let mut out = Vec::new();
        if let Some(n) = q.get("da-tai").and_then(|n| n.parse::<u32>().ok())
            && n > 0
        {
            out.push(
                view! { <p class="form-ok" role="status">{fill(tmd().uploaded_n, &[&n])}</p> }
                    .into_any(),
            );
        }
        if let Some(why) = q.get("loi-tai") {
            let text = fill(
                tmd().upload_failed,
                &[&why.chars().take(300).collect::<String>()],
            );
            out.push(view! { <p class="form-error" role="alert">{text}</p> }.into_any());
        }
        if q.get("da-xoa").is_some() {
            out.push(view! { <p class="form-ok" role="status">{tmd().deleted}</p> }.into_any());
        }
        out
    }
}

/// `/quan-tri/thu-vien?q=&loai=&nguoi-tai=&trang=&chon=`: one request brings the page's
/// files, the one chosen and the uploader's limits; the files being uploaded stay
/// while it loads again (after a batch of uploads, another page, other filters).
#[component]
pub fn MediaLibraryPage() -> impl IntoView {
    let query = use_query_map();
    let uploads = RwSignal::new(0u32);
    let queue = UploadQueue::new(move || uploads.update(|n| *n += 1));
    let describe = ServerAction::<DescribeMedia>::new();
    let delete = ServerAction::<DeleteMedia>::new();
    let chosen = move || query.with(|q| q.get("chon").and_then(|id| id.parse::<i64>().ok()));
    let data = crate::components::admin::page_data(
        module_path!(),
        move || {
            (
                query.with(query_from),
                chosen(),
                uploads.get(),
                describe.version().get(),
            )
        },
        |(q, chon, _, _)| get_media_library(q.q, q.kind, q.uploader, q.page, chon),
    );
    Effect::new(move |_| {
        if let Some(Ok(())) = delete.value().get() {
            let _ = window().location().set_href(&format!("{BASE}?da-xoa=1"));
        }
    });
    admin_content(tmd().title, data, move |d| {
        let q = query.with_untracked(query_from);
        let base = q.href(BASE, 1);
        let close = q.href(BASE, q.page);
        let (page, pages, total) = (d.items.page, d.items.pages, d.items.total);
        let (pictures, documents): (Vec<_>, Vec<_>) =
            d.items.items.into_iter().partition(|i| i.picture);
        let empty = pictures.is_empty() && documents.is_empty();
        let filter_form = filters(&q, &d.uploaders);
        let stored = StoredValue::new(q);
        let panel = d.detail.map(|detail| {
            view! {
                <aside class="media-detail" aria-labelledby="chi-tiet-tep">
                    <a href=close class="media-close">{tmd().close}</a>
                    {detail_view(detail, describe, delete)}
                </aside>
            }
        });
        view! {
            <h1>{tmd().title}</h1>
            {notices()}
            <Uploader queue limits=d.limits/>
            <section class="media-results" aria-labelledby="ket-qua-tep">
                <h2 id="ket-qua-tep" class="visually-hidden">{tmd().search_label}</h2>
                {filter_form}
                <p class="muted" role="status">{fill(tmd().found, &[&total])}</p>
                {empty.then(|| view! { <p class="empty">{tmd().empty}</p> })}
                {(!pictures.is_empty()).then(|| view! {
                    <h3>{tmd().kind_pictures}</h3>
                    {picture_grid(pictures, Choose::Details(stored))}
                })}
                {(!documents.is_empty()).then(|| view! {
                    <h3>{tmd().kind_documents}</h3>
                    {document_list(documents, stored)}
                })}
                <Pagination base page pages/>
            </section>
            {panel}
        }
    })
}

fn detail_view(
    d: MediaDetail,
    describe: ServerAction<DescribeMedia>,
    delete: ServerAction<DeleteMedia>,
) -> impl IntoView {
    let item = d.item.clone();
    let preview = if item.picture {
        view! { <img class="media-preview" src=item.thumb.clone() alt=item.alt.clone() width=item.width height=item.height/> }.into_any()
    } else {
        ().into_any()
    };
    let by = if item.uploader.is_empty() {
        fill(tmd().imported_on, &[&item.date])
    } else {
        fill(tmd().uploaded_on, &[&item.date, &item.uploader])
    };
    let copies = if !item.picture {
        None
    } else if d.copies.is_empty() {
        Some(view! { <dt>{tmd().copies}</dt><dd>{tmd().copies_waiting}</dd> }.into_any())
    } else {
        let list = d
            .copies
            .iter()
            .map(|(w, h, b)| format!("{w} × {h} ({})", size_text(*b)))
            .collect::<Vec<_>>()
            .join(", ");
        Some(view! { <dt>{tmd().copies}</dt><dd>{list}</dd> }.into_any())
    };
    let uses = if d.used_in.is_empty() {
        view! { <p class="muted">{tmd().unused}</p> }.into_any()
    } else {
        let list = d
            .used_in
            .into_iter()
            .map(|u| {
                let href = crate::core::links::desk_href(u.article_id);
                view! { <li><A href=href>{u.title}</A>" "<span class="muted">{format!("({})", u.status)}</span></li> }
            })
            .collect_view();
        view! { <ul class="media-uses">{list}</ul> }.into_any()
    };
    let removal =
        if item.uses > 0 {
            Some(view! { <p class="muted">{fill(tmd().in_use, &[&item.uses])}</p> }.into_any())
        } else if d.may_delete {
            Some(view! {
            <details class="media-delete">
                <summary>{tmd().delete}</summary>
                <ActionForm action=delete>
                    <input type="hidden" name="id" value=item.id.to_string()/>
                    <button type="submit" class="button-danger">{tmd().delete_confirm}</button>
                </ActionForm>
            </details>
        }
        .into_any())
        } else {
            None
        };
    view! {
        <h2 id="chi-tiet-tep">{item.name.clone()}</h2>
        {preview}
        <dl class="media-facts">
            <dt>{tmd().col_type}</dt><dd>{item.mime.clone()}</dd>
            <dt>{tmd().col_size}</dt><dd>{size_text(item.size_bytes)}</dd>
            {item.picture.then(|| view! { <dt>{tmd().kind_pictures}</dt><dd>{fill(tmd().pixels, &[&item.width, &item.height])}</dd> })}
            <dt>{tmd().col_date}</dt><dd>{by}</dd>
            {copies}
        </dl>
        <p><a href=item.src.clone() target="_blank" rel="noopener">{tmd().open_original}</a></p>
        <DescribeForm item=item.clone() action=describe/>
        <h3>{tmd().used_in}</h3>
        {uses}
        {form_error(delete.value())}
        {removal}
    }
}

/// The alt text, caption and credit of a file (a picture needs its alt text).
#[component]
pub fn DescribeForm(item: MediaItem, action: ServerAction<DescribeMedia>) -> impl IntoView {
    let p = move |f: &str| format!("tep-{}-{f}", item.id);
    view! {
        <ActionForm action attr:class="stacked-form media-describe">
            <input type="hidden" name="id" value=item.id.to_string()/>
            <label for=p("alt")>{tmd().alt}</label>
            <input id=p("alt") name="alt" type="text" value=item.alt.clone() required=item.picture
                maxlength=ALT_MAX.to_string() aria-describedby=p("alt-goi-y")/>
            <p id=p("alt-goi-y") class="field-hint">{tmd().alt_hint}</p>
            <label for=p("chu-thich")>{tmd().caption}</label>
            <input id=p("chu-thich") name="caption" type="text" value=item.caption.clone() maxlength=CAPTION_MAX.to_string()/>
            <label for=p("tac-gia")>{tmd().credit}</label>
            <input id=p("tac-gia") name="credit" type="text" value=item.credit.clone()
                maxlength=CREDIT_MAX.to_string() aria-describedby=p("tac-gia-goi-y")/>
            <p id=p("tac-gia-goi-y") class="field-hint">{tmd().credit_hint}</p>
            <button type="submit" class="button-primary">{tmd().save}</button>
            {form_error(action.value())}
            {crate::components::form_done(action.value(), tmd().saved)}
        </ActionForm>
    }
}
