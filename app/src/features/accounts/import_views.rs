//! `/quan-tri/nguoi-dung/nhap` (admin): members imported from a CSV file (read in the
//! browser into the form) or rows pasted from a spreadsheet; the report row by row,
//! with each new member's one-time link; the units and their member counts.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::admin_api::{ImportMembersCsv, get_units};
use super::import::{ImportReport, RowOutcome, UnitRow};
use crate::components::admin::page_data;
use crate::components::{admin_content, form_error};
use crate::i18n::{fill, ta};

#[component]
pub fn ImportMembersPage() -> impl IntoView {
    let import = ServerAction::<ImportMembersCsv>::new();
    let data = page_data(
        module_path!(),
        move || import.version().get(),
        |_| get_units(),
    );
    admin_content(ta().import_title, data, move |units| {
        let text = RwSignal::new(String::new());
        let on_file = move |ev: leptos::ev::Event| {
            #[cfg(feature = "hydrate")]
            {
                use wasm_bindgen::JsCast;
                let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
                if let Some(file) = input.files().and_then(|files| files.get(0)) {
                    leptos::task::spawn_local(async move {
                        let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                        if let Some(s) = read.ok().and_then(|v| v.as_string()) {
                            text.set(s);
                        }
                    });
                }
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (ev, text);
        };
        let report = move || import.value().get().and_then(Result::ok).map(report_view);
        view! {
            <p><a href="/quan-tri/nguoi-dung">"← "{ta().nav_users}</a></p>
            <h1>{ta().import_title}</h1>
            <p class="admin-intro">{ta().import_intro}</p>
            {form_error(import.value())}
            <ActionForm action=import attr:class="stacked-form">
                <label for="nhap-tep">{ta().import_file}</label>
                <input id="nhap-tep" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" on:change=on_file/>
                <label for="nhap-dong">{ta().import_text}</label>
                <textarea id="nhap-dong" name="text" rows="8" class="body-input" aria-describedby="nhap-dong-goi-y"
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <span id="nhap-dong-goi-y" class="hint">{ta().import_text_hint}</span>
                <button type="submit" class="button-primary">{ta().import_submit}</button>
            </ActionForm>
            {report}
            {units_view(units)}
        }
    })
}

fn report_view(report: ImportReport) -> impl IntoView {
    let (created, existing, refused) = report.counts();
    let rows = report
        .rows
        .into_iter()
        .map(|r| {
            let outcome = match r.outcome {
                RowOutcome::Created { link } => view! {
                    <span class="status-badge status-published">{ta().import_created}</span>
                    " "<code class="one-time-link">{link}</code>
                }
                .into_any(),
                RowOutcome::Exists => ta().import_exists.into_any(),
                RowOutcome::Refused { reason } => view! {
                    <span class="form-error-inline">{fill(ta().import_refused, &[&reason])}</span>
                }
                .into_any(),
            };
            view! {
                <tr>
                    <td>{r.line}</td><td>{r.username}</td><td>{r.name}</td><td>{r.unit}</td>
                    <td>{outcome}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="desk-section import-report" aria-labelledby="ket-qua-nhap">
            <h2 id="ket-qua-nhap" role="status">{fill(ta().import_summary, &[&created, &existing, &refused])}</h2>
            <p class="muted">{ta().import_links_note}</p>
            <table class="desk-table">
                <thead><tr>
                    <th scope="col">{ta().import_col_line}</th>
                    <th scope="col">{ta().import_col_username}</th>
                    <th scope="col">{ta().import_col_name}</th>
                    <th scope="col">{ta().import_col_unit}</th>
                    <th scope="col">{ta().import_col_outcome}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

fn units_view(units: Vec<UnitRow>) -> impl IntoView {
    let list = if units.is_empty() {
        view! { <p class="empty">{ta().import_units_empty}</p> }.into_any()
    } else {
        view! {
            <ul class="unit-list">
                {units.into_iter().map(|u| view! {
                    <li>{u.name}" · "<span class="muted">{fill(ta().import_unit_members, &[&u.members])}</span></li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="desk-section" aria-labelledby="cac-don-vi">
            <h2 id="cac-don-vi">{ta().import_units}</h2>
            {list}
        </section>
    }
}
