//! `/quan-tri/hoi-dap` (moderators): the questions by status with counts, the oldest
//! waiting first, and a question's page (`/quan-tri/hoi-dap/{id}`): the question as
//! sent and its asker's contact, its wording for publication, who answers it, the
//! answer, publish / withdraw / refuse, and its history.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::admin_api::{SaveQuestion, get_qa_queue, get_question_admin, tabs};
use super::model::{ADMIN_QA_PATH, ANSWER_MAX, QUESTION_MAX, QuestionAdmin, TITLE_MAX};
use crate::components::admin::{page_data, queue_tabs};
use crate::components::{Pagination, admin_content, form_done, form_error, id_param};
use crate::core::paging::page_param;
use crate::i18n::{fill, tqa};

/// The queue: a tab per status with its count.
#[component]
pub fn QaQueuePage() -> impl IntoView {
    let query = use_query_map();
    let data = page_data(
        module_path!(),
        move || {
            let q = query.read();
            (
                q.get("muc").unwrap_or_else(|| "new".into()),
                page_param(q.get("trang")),
            )
        },
        |(tab, page)| get_qa_queue(tab, page),
    );
    let s = tqa();
    admin_content(s.admin_title, data, move |d| {
        let tab_links = queue_tabs(s.admin_tabs, ADMIN_QA_PATH, &tabs(), &d.counts, &d.tab);
        let base = format!("{ADMIN_QA_PATH}?muc={}", d.tab);
        let (page, pages) = (d.items.page, d.items.pages);
        let empty = d.items.items.is_empty();
        let rows = d
            .items
            .items
            .into_iter()
            .map(|r| {
                let href = format!("{ADMIN_QA_PATH}/{}", r.id);
                let held = (!r.held_for.is_empty())
                    .then(|| view! { <span class="status status-reported">{r.held_for.clone()}</span> });
                view! {
                    <tr>
                        <td><A href=href>{r.title.clone()}</A>" "{held}</td>
                        <td>{r.topic.clone()}</td>
                        <td>{r.asker.clone()}</td>
                        <td>{r.asked.clone()}</td>
                        <td>{r.status.label()}{r.published.then(|| format!(" · {}", s.tab_published))}</td>
                        <td>{r.assignee.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h1>{s.admin_title}</h1>
            <p><A href=super::topics_admin::ADMIN_TOPICS_PATH>{s.topics_admin_link}</A></p>
            {tab_links}
            {if empty {
                view! { <p class="empty">{s.admin_empty}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap"><table class="desk-table">
                        <thead><tr>
                            <th scope="col">{s.question_label}</th>
                            <th scope="col">{s.topic_label}</th>
                            <th scope="col">{s.asker}</th>
                            <th scope="col">{s.asked_on}</th>
                            <th scope="col">{s.status_label}</th>
                            <th scope="col">{s.assignee_label}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table></div>
                }
                .into_any()
            }}
            <Pagination base page pages/>
        }
    })
}

/// One question, as its moderator answers it.
#[component]
pub fn QuestionAdminPage() -> impl IntoView {
    let id = id_param(0);
    let save = ServerAction::<SaveQuestion>::new();
    let data = page_data(
        module_path!(),
        move || (id(), save.version().get()),
        |(id, _)| get_question_admin(id),
    );
    admin_content(tqa().admin_edit, data, move |q| question_form(q, save))
}

fn question_form(q: QuestionAdmin, save: ServerAction<SaveQuestion>) -> impl IntoView {
    let s = tqa();
    let topics = q
        .topics
        .iter()
        .map(|t| view! { <option value=t.id.to_string() selected=t.id == q.topic_id>{t.name.clone()}</option> })
        .collect_view();
    let staff = q
        .staff
        .iter()
        .map(|(id, name)| view! { <option value=id.to_string() selected=q.assignee_id == Some(*id)>{name.clone()}</option> })
        .collect_view();
    let contact = if q.contact.is_empty() {
        s.no_contact.to_string()
    } else {
        q.contact.clone()
    };
    let history = q
        .history
        .iter()
        .map(|(at, who, what)| view! { <li><span class="muted">{at.clone()}</span>" "{who.clone()}": "{what.clone()}</li> })
        .collect_view();
    let public = q
        .href
        .clone()
        .map(|href| view! { <p><a href=href>{s.published_at}</a></p> });
    let status = fill(s.status_is, &[&q.status.label()]);
    let held = (!q.held_for.is_empty())
        .then(|| view! { <p class="status status-reported">{q.held_for.clone()}</p> });
    view! {
        <h1>{q.title.clone()}</h1>
        <p class="qa-meta">{status}{q.published.then(|| format!(" · {}", s.tab_published))}</p>
        {public}
        {held}
        <section class="qa-asked" aria-labelledby="qa-nguyen-van">
            <h2 id="qa-nguyen-van">{s.asked_text}</h2>
            <p class="qa-meta">{q.asker.clone()}" · "{contact}" · "{q.asked.clone()}</p>
            <blockquote class="qa-text">{q.asked_text.clone()}</blockquote>
        </section>
        <ActionForm action=save attr:class="stacked-form qa-answer-form">
            <input type="hidden" name="id" value=q.id.to_string()/>
            <label for="qa-linh-vuc">{s.topic_label}</label>
            <select id="qa-linh-vuc" name="topic">{topics}</select>
            <label for="qa-tieu-de">{s.title_label}</label>
            <input id="qa-tieu-de" name="title" type="text" required maxlength=TITLE_MAX.to_string() value=q.title.clone()/>
            <label for="qa-cau-hoi">{s.public_text_label}</label>
            <textarea id="qa-cau-hoi" name="text" rows="5" required maxlength=QUESTION_MAX.to_string()
                aria-describedby="qa-cau-hoi-goi-y">{q.text.clone()}</textarea>
            <p id="qa-cau-hoi-goi-y" class="field-hint">{s.public_text_hint}</p>
            <label for="qa-nguoi-tra-loi">{s.assignee_label}</label>
            <select id="qa-nguoi-tra-loi" name="assignee">
                <option value="">{s.nobody}</option>
                {staff}
            </select>
            <label for="qa-tra-loi">{s.answer_label}</label>
            <textarea id="qa-tra-loi" name="answer" rows="10" maxlength=ANSWER_MAX.to_string()
                aria-describedby="qa-tra-loi-goi-y">{q.answer.clone()}</textarea>
            <p id="qa-tra-loi-goi-y" class="field-hint">{s.answer_hint}</p>
            {form_error(save.value())}
            {form_done(save.value(), s.saved)}
            <p class="form-actions">
                <button type="submit" name="action" value="save" class="button-secondary">{s.save}</button>
                {if q.published {
                    view! { <button type="submit" name="action" value="unpublish" class="button-secondary">{s.unpublish}</button> }.into_any()
                } else {
                    view! { <button type="submit" name="action" value="publish" class="button-primary">{s.publish}</button> }.into_any()
                }}
                <button type="submit" name="action" value="reject" class="button-danger">{s.reject}</button>
            </p>
        </ActionForm>
        <section class="qa-history" aria-labelledby="qa-lich-su">
            <h2 id="qa-lich-su">{s.history}</h2>
            <ol class="plain-list">{history}</ol>
        </section>
        <p><A href=ADMIN_QA_PATH>{s.back_to_queue}</A></p>
    }
}
