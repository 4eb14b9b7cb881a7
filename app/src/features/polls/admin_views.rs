//! `/quan-tri/binh-chon` (editors): the polls with their state, where they show and
//! their votes; `/quan-tri/binh-chon/moi` and `/quan-tri/binh-chon/{id}`: a poll's
//! form (question, choices one a line, single or several, when it opens and closes,
//! when results show, the home page, an article), with its results so far.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::admin_api::{SavePoll, get_poll_edit, get_polls_admin};
use super::model::{OPTIONS_MAX, PollEdit, QUESTION_MAX, ResultsShown, poll_href, shares};
use crate::components::admin::page_data;
use crate::components::{admin_content, form_done, form_error, id_param};
use crate::i18n::{fill, tpl};

/// The editors' list's address.
pub const ADMIN_POLLS_PATH: &str = "/quan-tri/binh-chon";

#[component]
pub fn PollsAdminPage() -> impl IntoView {
    let data = page_data(module_path!(), || (), |_| get_polls_admin());
    let s = tpl();
    admin_content(s.admin_title, data, move |polls| {
        let rows = polls
            .into_iter()
            .map(|p| {
                let href = format!("{ADMIN_POLLS_PATH}/{}", p.id);
                let mut places = Vec::new();
                if p.on_home {
                    places.push(s.home.to_string());
                }
                if let Some(a) = &p.article {
                    places.push(format!("/bai-viet/{a}"));
                }
                let when = match &p.closes {
                    Some(c) => format!("{} – {c}", p.opens),
                    None => p.opens.clone(),
                };
                view! {
                    <tr>
                        <td><A href=href>{p.question.clone()}</A></td>
                        <td>{p.state.label()}</td>
                        <td>{when}</td>
                        <td>{places.join(", ")}</td>
                        <td>{p.total}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h1>{s.admin_title}</h1>
            <p><A href=format!("{ADMIN_POLLS_PATH}/moi") attr:class="button-primary">{s.admin_new}</A></p>
            <div class="table-wrap"><table class="desk-table">
                <thead><tr>
                    <th scope="col">{s.question_label}</th>
                    <th scope="col">{s.status_open}</th>
                    <th scope="col">{s.opens_label}</th>
                    <th scope="col">{s.where_label}</th>
                    <th scope="col">{s.results}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        }
    })
}

/// A poll's form: `/quan-tri/binh-chon/moi` makes one.
#[component]
pub fn PollEditPage() -> impl IntoView {
    let id = id_param(0);
    let save = ServerAction::<SavePoll>::new();
    let data = page_data(
        module_path!(),
        move || (id(), save.version().get()),
        |(id, _)| get_poll_edit(id),
    );
    // a new poll, once saved, is edited at its own address
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(new_id)) = save.value().get()
            && id() == 0
        {
            navigate(&format!("{ADMIN_POLLS_PATH}/{new_id}"), Default::default());
        }
    });
    let s = tpl();
    admin_content(s.admin_edit, data, move |p| poll_form(p, save))
}

fn poll_form(p: PollEdit, save: ServerAction<SavePoll>) -> impl IntoView {
    let s = tpl();
    let title = if p.id == 0 { s.admin_new } else { s.admin_edit };
    let counts: Vec<i64> = p.results.iter().map(|r| r.1).collect();
    let results = (p.id != 0).then(|| {
        let rows = p
            .results
            .iter()
            .zip(shares(&counts))
            .map(|((label, n), share)| view! { <li>{label.clone()}": "{fill(s.votes_of, &[n, &share])}</li> })
            .collect_view();
        view! {
            <section class="desk-section" aria-labelledby="ket-qua-binh-chon">
                <h2 id="ket-qua-binh-chon">{s.results}</h2>
                <p>{fill(s.total, &[&p.total])}" · "<a href=poll_href(p.id)>{s.see_results}</a></p>
                <ul>{rows}</ul>
            </section>
        }
    });
    let locked = p.total > 0;
    let shown = [ResultsShown::AfterVote, ResultsShown::AfterClose]
        .into_iter()
        .map(|r| view! { <option value=r.code() selected=r == p.shown>{r.label()}</option> })
        .collect_view();
    view! {
        <h1>{title}</h1>
        <ActionForm action=save attr:class="stacked-form qa-answer-form">
            <input type="hidden" name="id" value=p.id.to_string()/>
            <label for="bc-cau-hoi">{s.question_label}</label>
            <input id="bc-cau-hoi" name="poll[question]" type="text" required maxlength=QUESTION_MAX.to_string() value=p.question.clone()/>
            <label for="bc-lua-chon">{s.options_label}</label>
            <textarea id="bc-lua-chon" name="poll[options]" rows=OPTIONS_MAX.min(8).to_string() required readonly=locked
                aria-describedby="bc-lua-chon-goi-y">{p.options.clone()}</textarea>
            <p id="bc-lua-chon-goi-y" class="field-hint">{if locked { s.options_locked } else { s.options_hint }}</p>
            <p class="check-row"><input id="bc-nhieu" name="poll[multiple]" type="checkbox" value="1" checked=p.multiple/>
                <label for="bc-nhieu">{s.multiple_label}</label></p>
            <label for="bc-mo">{s.opens_label}</label>
            <input id="bc-mo" name="poll[opens]" type="datetime-local" required value=p.opens.clone()/>
            <label for="bc-dong">{s.closes_label}</label>
            <input id="bc-dong" name="poll[closes]" type="datetime-local" value=p.closes.clone() aria-describedby="bc-dong-goi-y"/>
            <p id="bc-dong-goi-y" class="field-hint">{s.closes_hint}</p>
            <label for="bc-ket-qua">{s.results_label}</label>
            <select id="bc-ket-qua" name="poll[shown]">{shown}</select>
            <p class="check-row"><input id="bc-trang-chu" name="poll[on_home]" type="checkbox" value="1" checked=p.on_home/>
                <label for="bc-trang-chu">{s.on_home_label}</label></p>
            <label for="bc-bai-viet">{s.article_label}</label>
            <input id="bc-bai-viet" name="poll[article]" type="text" value=p.article.clone() aria-describedby="bc-bai-viet-goi-y"/>
            <p id="bc-bai-viet-goi-y" class="field-hint">{s.article_hint}</p>
            {form_error(save.value())}
            {form_done(save.value(), s.saved)}
            <button type="submit" class="button-primary">{s.save}</button>
        </ActionForm>
        {results}
        <p><A href=ADMIN_POLLS_PATH>{s.admin_title}</A></p>
    }
}
