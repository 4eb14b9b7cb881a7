//! Small pieces several desk pages use: select options and the article table.

use leptos::prelude::*;
use leptos_router::components::A;

use super::model::*;
use crate::features::workflow::status_badge;
use crate::i18n::ta;

/// The options of a select list, `selected` marked.
pub fn choice_options(choices: &[Choice], selected: Option<i64>) -> impl IntoView + use<> {
    choices
        .iter()
        .map(|c| {
            let is = selected == Some(c.id);
            view! { <option value=c.id.to_string() selected=is>{c.label.clone()}</option> }
        })
        .collect_view()
}

/// A short table of articles.
pub fn desk_table(rows: Vec<DeskRow>, empty: &'static str) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="desk-table">
                <thead><tr>
                    <th scope="col">{ta().form_title}</th><th scope="col">{ta().desk_status}</th>
                    <th scope="col">{ta().nav_categories}</th><th scope="col">{ta().desk_author}</th><th scope="col">{ta().desk_updated}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <td><A href=r.href()>{r.title.clone()}</A></td>
                            <td>{status_badge(r.status)}</td>
                            <td>{r.category}</td>
                            <td>{r.author.unwrap_or_default()}</td>
                            <td class="nowrap">{r.updated}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
