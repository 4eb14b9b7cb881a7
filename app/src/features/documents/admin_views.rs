//! `/quan-tri/van-ban` (admin): the documents, found by number or summary, and a
//! document's form (`/quan-tri/van-ban/moi`, `/quan-tri/van-ban/{id}`): its fields, the
//! library files it attaches (in order), the articles about it, members only or not.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;

use super::admin_api::{
    DeleteDocument, DocumentForm, SaveDocument, get_document_admin, get_document_form,
};
use super::model::{
    DocKind, DocStatus, DocumentFile, ISSUER_MAX, NUMBER_MAX, SIGNER_MAX, SUMMARY_MAX, show_date,
    show_size,
};
use crate::components::admin::page_data;
use crate::components::{Pagination, admin_content, form_done, form_error, id_param};
use crate::i18n::{fill, tdoc};

/// The admin list's address.
const ADMIN_PATH: &str = "/quan-tri/van-ban";

/// The documents, newest first, with a search by number or summary.
#[component]
pub fn DocumentsAdminPage() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let source = move || {
        let q = query.read();
        (
            q.get("q").unwrap_or_default(),
            crate::core::paging::page_param(q.get("trang")),
        )
    };
    let data = page_data(module_path!(), source, |(q, page)| {
        get_document_admin(q, page)
    });
    admin_content(tdoc().admin_title, data, move |list| {
        let s = tdoc();
        let words = query.read_untracked().get("q").unwrap_or_default();
        let base = if words.is_empty() {
            ADMIN_PATH.to_string()
        } else {
            format!("{ADMIN_PATH}?q={}", crate::components::urlencode(&words))
        };
        let rows = list
            .items
            .into_iter()
            .map(|c| {
                let edit = format!("{ADMIN_PATH}/{}", c.id);
                let open = c.href();
                view! {
                    <tr>
                        <td><A href=edit>{c.number.clone()}</A>{c.members_only.then(crate::features::articles::views::members_mark)}</td>
                        <td>{c.kind.label()}</td>
                        <td>{c.summary.clone()}</td>
                        <td><time datetime=c.issued_on.clone()>{show_date(&c.issued_on)}</time></td>
                        <td>{c.status.label()}</td>
                        <td><a href=open>{s.admin_open}</a></td>
                    </tr>
                }
            })
            .collect_view();
        let table = if list.total == 0 {
            view! { <p class="empty">{s.admin_empty}</p> }.into_any()
        } else {
            view! {
                <table class="desk-table">
                    <thead><tr>
                        <th scope="col">{s.number}</th><th scope="col">{s.kind}</th>
                        <th scope="col">{s.summary}</th><th scope="col">{s.issued_on}</th>
                        <th scope="col">{s.status}</th><th scope="col"><span class="visually-hidden">{s.admin_open}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        };
        view! {
            <h1>{s.admin_title}</h1>
            <p><A href=format!("{ADMIN_PATH}/moi") attr:class="button-primary">{s.admin_new}</A></p>
            <form class="desk-search" method="get" action=ADMIN_PATH role="search">
                <label for="vb-tim">{s.admin_search}</label>
                <input id="vb-tim" type="search" name="q" value=words maxlength="120"/>
                <button type="submit">{s.filter}</button>
            </form>
            <p role="status">{fill(s.found, &[&list.total])}</p>
            {table}
            <Pagination base page=list.page pages=list.pages/>
        }
    })
}

/// A document's form: a new one (`/moi`) or a stored one (`/{id}`).
#[component]
pub fn DocumentFormPage() -> impl IntoView {
    let id = id_param(0);
    let save = ServerAction::<SaveDocument>::new();
    let delete = ServerAction::<DeleteDocument>::new();
    let data = page_data(
        module_path!(),
        move || (id(), save.version().get()),
        |(id, _)| get_document_form(id),
    );
    // a new document, once saved, is edited at its own address; a deleted one leaves
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get()
            && id() == 0
        {
            leptos_router::hooks::use_navigate()(
                &format!("{ADMIN_PATH}/{saved}"),
                Default::default(),
            );
        }
        if let Some(Ok(())) = delete.value().get() {
            leptos_router::hooks::use_navigate()(ADMIN_PATH, Default::default());
        }
    });
    let title = if id() == 0 {
        tdoc().admin_new
    } else {
        tdoc().admin_edit
    };
    admin_content(title, data, move |form| document_form(form, save, delete))
}

fn document_form(
    form: DocumentForm,
    save: ServerAction<SaveDocument>,
    delete: ServerAction<DeleteDocument>,
) -> impl IntoView {
    let s = tdoc();
    let DocumentForm {
        input,
        href,
        attached,
        library,
    } = form;
    let id = input.id;
    let heading = if id == 0 {
        s.admin_new.to_string()
    } else {
        fill(s.admin_edit_of, &[&input.number])
    };
    let mut known: Vec<DocumentFile> = attached.clone();
    known.extend(
        library
            .into_iter()
            .filter(|f| !attached.iter().any(|a| a.media_id == f.media_id)),
    );
    let known = StoredValue::new(known);
    let files = RwSignal::new(attached.iter().map(|f| f.media_id).collect::<Vec<i64>>());
    let kinds = DocKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.code() selected=input.kind == k.code()>{k.label()}</option> })
        .collect_view();
    let statuses = DocStatus::ALL
        .into_iter()
        .map(|st| view! { <option value=st.code() selected=input.status == st.code()>{st.label()}</option> })
        .collect_view();
    let file_row = move |f: &DocumentFile, attach: bool| {
        let media = f.media_id;
        let label = fill(if attach { s.attach } else { s.detach }, &[&f.name]);
        let text = if attach { "+" } else { "×" };
        let about = format!("{} · {}", f.type_name(), show_size(f.size_bytes));
        view! {
            <li class="doc-file">
                <span class="doc-file-name">{f.name.clone()}</span>
                <span class="muted">{format!(" ({about})")}</span>
                <button type="button" class="button-small" aria-label=label
                    on:click=move |_| files.update(|v| if attach { v.push(media) } else { v.retain(|m| *m != media) })>
                    {text}
                </button>
            </li>
        }
    };
    let attached_list = move || {
        let ids = files.get();
        known.with_value(|all| {
            ids.iter()
                .filter_map(|id| all.iter().find(|f| f.media_id == *id))
                .map(|f| file_row(f, false))
                .collect_view()
        })
    };
    let library_list = move || {
        let ids = files.get();
        known.with_value(|all| {
            all.iter()
                .filter(|f| !ids.contains(&f.media_id))
                .map(|f| file_row(f, true))
                .collect_view()
        })
    };
    let none = known
        .with_value(|k| k.is_empty())
        .then(|| view! { <p class="empty">{s.files_none}</p> });
    let files_value = move || {
        files
            .get()
            .iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    let delete_form = (id != 0).then(|| {
        view! {
            <details class="doc-delete">
                <summary>{s.delete}</summary>
                <p>{s.delete_confirm}</p>
                <ActionForm action=delete attr:class="action-form">
                    <input type="hidden" name="id" value=id.to_string()/>
                    <button type="submit" class="button-secondary">{s.delete}</button>
                </ActionForm>
            </details>
        }
    });
    view! {
        <p><A href=ADMIN_PATH>{s.admin_back}</A>{(!href.is_empty()).then(|| view! { " · "<a href=href.clone()>{s.admin_open}</a> })}</p>
        <h1>{heading}</h1>
        {form_error(save.value())}
        {form_done(save.value(), s.saved)}
        {form_error(delete.value())}
        <ActionForm action=save attr:class="stacked-form doc-form">
            <input type="hidden" name="input[id]" value=id.to_string()/>
            <label for="vb-so">{s.number}</label>
            <input id="vb-so" name="input[number]" type="text" required maxlength=NUMBER_MAX.to_string()
                value=input.number.clone() aria-describedby="vb-so-goi-y"/>
            <span id="vb-so-goi-y" class="hint">{s.number_hint}</span>
            <label for="vb-loai">{s.kind}</label>
            <select id="vb-loai" name="input[kind]" required>
                <option value="">{s.kind_invalid}</option>
                {kinds}
            </select>
            <label for="vb-co-quan">{s.issuer}</label>
            <input id="vb-co-quan" name="input[issuer]" type="text" required maxlength=ISSUER_MAX.to_string()
                value=input.issuer.clone() aria-describedby="vb-co-quan-goi-y"/>
            <span id="vb-co-quan-goi-y" class="hint">{s.issuer_hint}</span>
            <label for="vb-nguoi-ky">{s.signer}</label>
            <input id="vb-nguoi-ky" name="input[signer]" type="text" maxlength=SIGNER_MAX.to_string()
                value=input.signer.clone()/>
            <label for="vb-ngay">{s.issued_on}</label>
            <input id="vb-ngay" name="input[issued_on]" type="date" required value=input.issued_on.clone()/>
            <label for="vb-hieu-luc">{s.effective_on}</label>
            <input id="vb-hieu-luc" name="input[effective_on]" type="date" value=input.effective_on.clone()/>
            <label for="vb-trich-yeu">{s.summary}</label>
            <textarea id="vb-trich-yeu" name="input[summary]" rows="3" required maxlength=SUMMARY_MAX.to_string()>{input.summary.clone()}</textarea>
            <label for="vb-tinh-trang">{s.status}</label>
            <select id="vb-tinh-trang" name="input[status]">{statuses}</select>
            <label for="vb-thay-the">{s.replaced_by}</label>
            <input id="vb-thay-the" name="input[replaced_by]" type="text" maxlength=NUMBER_MAX.to_string()
                value=input.replaced_by.clone() aria-describedby="vb-thay-the-goi-y"/>
            <span id="vb-thay-the-goi-y" class="hint">{s.replaced_by_hint}</span>
            <fieldset class="doc-attach">
                <legend>{s.files}</legend>
                <p class="hint">{s.files_hint}</p>
                <input type="hidden" name="input[files]" value=files_value/>
                <ul class="doc-files doc-attached">{attached_list}</ul>
                {none}
                <ul class="doc-files doc-library">{library_list}</ul>
            </fieldset>
            <label for="vb-bai-viet">{s.articles}</label>
            <textarea id="vb-bai-viet" name="input[articles]" rows="3" aria-describedby="vb-bai-viet-goi-y">{input.articles.clone()}</textarea>
            <span id="vb-bai-viet-goi-y" class="hint">{s.articles_hint}</span>
            <label for="vb-trong-so">{s.parts}</label>
            <textarea id="vb-trong-so" name="input[parts]" rows="3" aria-describedby="vb-trong-so-goi-y">{input.parts.clone()}</textarea>
            <span id="vb-trong-so-goi-y" class="hint">{s.parts_hint}</span>
            <label class="check">
                <input id="vb-thanh-vien" name="input[members_only]" type="checkbox" checked=input.members_only.is_some()/>
                {s.members_only}
            </label>
            <button type="submit" class="button-primary">{s.save}</button>
        </ActionForm>
        {delete_form}
    }
}
