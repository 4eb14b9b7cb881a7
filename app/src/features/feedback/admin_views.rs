//! `/quan-tri/gop-y` (handlers): feedback by status with counts, the oldest waiting
//! first and the overdue ones marked and in a tab of their own; and a piece's page
//! (`/quan-tri/gop-y/{id}`): what was sent and by whom, its attachment, the steps
//! (forward to a unit, answer, close), internal notes and its history.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::admin_api::{
    AddFeedbackNote, StepFeedback, get_feedback_admin, get_feedback_queue, tabs,
};
use super::model::{
    ADMIN_FEEDBACK_PATH, ANSWER_MAX, FeedbackAdmin, FeedbackStatus, NOTE_MAX, UNIT_MAX,
};
use crate::components::admin::{page_data, queue_tabs};
use crate::components::{Pagination, admin_content, form_done, form_error, id_param, paragraphs};
use crate::core::paging::page_param;
use crate::i18n::{fill, tfb};

fn overdue_badge(days: Option<i64>) -> impl IntoView {
    days.map(|d| view! { <span class="status status-reported">{fill(tfb().overdue, &[&d])}</span> })
}

/// The queue: a tab per status, and the overdue ones.
#[component]
pub fn FeedbackQueuePage() -> impl IntoView {
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
        |(tab, page)| get_feedback_queue(tab, page),
    );
    let s = tfb();
    admin_content(s.admin_title, data, move |d| {
        let tab_links = queue_tabs(
            s.admin_tabs,
            ADMIN_FEEDBACK_PATH,
            &tabs(),
            &d.counts,
            &d.tab,
        );
        let base = format!("{ADMIN_FEEDBACK_PATH}?muc={}", d.tab);
        let (page, pages) = (d.items.page, d.items.pages);
        let empty = d.items.items.is_empty();
        let rows = d
            .items
            .items
            .into_iter()
            .map(|r| {
                let href = format!("{ADMIN_FEEDBACK_PATH}/{}", r.id);
                let held = (!r.held_for.is_empty())
                    .then(|| view! { <span class="status status-reported">{r.held_for.clone()}</span> });
                let sender = if r.sender.is_empty() { s.anonymous.to_string() } else { r.sender.clone() };
                view! {
                    <tr class:overdue=r.overdue.is_some()>
                        <td><A href=href>{r.subject.clone()}</A>{r.has_file.then_some(" 📎")}" "{held}</td>
                        <td>{sender}</td>
                        <td>{r.sent.clone()}</td>
                        <td>{fill(s.age, &[&r.age_days])}" "{overdue_badge(r.overdue)}</td>
                        <td>{r.status.label()}</td>
                        <td>{r.unit.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h1>{s.admin_title}</h1>
            <p class="field-hint">{fill(s.overdue_rule, &[&d.overdue_days])}</p>
            {tab_links}
            {if empty {
                view! { <p class="empty">{s.admin_empty}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap"><table class="desk-table">
                        <thead><tr>
                            <th scope="col">{s.subject_label}</th>
                            <th scope="col">{s.sender}</th>
                            <th scope="col">{s.sent_on}</th>
                            <th scope="col">{s.age_label}</th>
                            <th scope="col">{s.status_label}</th>
                            <th scope="col">{s.unit_label}</th>
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

/// One piece of feedback, as its handler works on it.
#[component]
pub fn FeedbackAdminPage() -> impl IntoView {
    let id = id_param(0);
    let step = ServerAction::<StepFeedback>::new();
    let note = ServerAction::<AddFeedbackNote>::new();
    let data = page_data(
        module_path!(),
        move || (id(), step.version().get(), note.version().get()),
        |(id, _, _)| get_feedback_admin(id),
    );
    admin_content(tfb().admin_title, data, move |f| {
        feedback_view(f, step, note)
    })
}

fn feedback_view(
    f: FeedbackAdmin,
    step: ServerAction<StepFeedback>,
    note: ServerAction<AddFeedbackNote>,
) -> impl IntoView {
    let s = tfb();
    let id = f.id.to_string();
    let sender = if f.sender.is_empty() {
        s.anonymous.to_string()
    } else {
        f.sender.clone()
    };
    let contact = if f.contact.is_empty() {
        s.no_contact.to_string()
    } else {
        f.contact.clone()
    };
    let file = match f.file.clone() {
        Some(file) => {
            let size = crate::features::documents::model::show_size(file.size);
            view! {
                <p>{s.attachment}" "<a href=file.href download>{file.name}</a>" "
                    <span class="muted">{format!("({}, {size})", file.mime)}</span></p>
            }
            .into_any()
        }
        None => view! { <p class="muted">{s.no_attachment}</p> }.into_any(),
    };
    let held = (!f.held_for.is_empty())
        .then(|| view! { <p class="status status-reported">{f.held_for.clone()}</p> });
    let units = f
        .units
        .iter()
        .map(|u| view! { <option value=u.clone()></option> })
        .collect_view();
    let notes = if f.notes.is_empty() {
        view! { <p class="muted">{s.no_notes}</p> }.into_any()
    } else {
        let items = f
            .notes
            .iter()
            .map(|(at, who, body)| view! {
                <li><p class="qa-meta">{at.clone()}" · "{who.clone()}</p><div class="qa-text">{paragraphs(body)}</div></li>
            })
            .collect_view();
        view! { <ol class="plain-list">{items}</ol> }.into_any()
    };
    let history = f
        .history
        .iter()
        .map(|(at, who, what)| view! { <li><span class="muted">{at.clone()}</span>" "{who.clone()}": "{what.clone()}</li> })
        .collect_view();
    let open = f.status != FeedbackStatus::Closed;
    let can_forward = matches!(f.status, FeedbackStatus::New | FeedbackStatus::Forwarded);
    let (step_id, unit, answer) = (id.clone(), f.unit.clone(), f.answer.clone());
    let steps = open.then(move || {
        let (id_forward, id_answer, id_close) = (step_id.clone(), step_id.clone(), step_id);
        let forward = can_forward.then(move || view! {
            <ActionForm action=step attr:class="stacked-form feedback-step">
                <input type="hidden" name="id" value=id_forward/>
                <input type="hidden" name="action" value="forward"/>
                <input type="hidden" name="answer" value=""/>
                <label for="gy-don-vi">{s.forward}</label>
                <input id="gy-don-vi" name="unit" type="text" list="gy-don-vi-co" required minlength="2"
                    maxlength=UNIT_MAX.to_string() value=unit aria-describedby="gy-don-vi-goi-y"/>
                <datalist id="gy-don-vi-co">{units}</datalist>
                <p id="gy-don-vi-goi-y" class="field-hint">{s.forward_hint}</p>
                <button type="submit" class="button-secondary">{s.forward}</button>
            </ActionForm>
        });
        view! {
            {forward}
            <ActionForm action=step attr:class="stacked-form feedback-step">
                <input type="hidden" name="id" value=id_answer/>
                <input type="hidden" name="action" value="answer"/>
                <input type="hidden" name="unit" value=""/>
                <label for="gy-tra-loi">{s.answer_label}</label>
                <textarea id="gy-tra-loi" name="answer" rows="8" required maxlength=ANSWER_MAX.to_string()
                    aria-describedby="gy-tra-loi-goi-y">{answer}</textarea>
                <p id="gy-tra-loi-goi-y" class="field-hint">{s.answer_hint}</p>
                <button type="submit" class="button-primary">{s.save_answer}</button>
            </ActionForm>
            <ActionForm action=step attr:class="feedback-step">
                <input type="hidden" name="id" value=id_close/>
                <input type="hidden" name="action" value="close"/>
                <input type="hidden" name="unit" value=""/>
                <input type="hidden" name="answer" value=""/>
                <button type="submit" class="button-danger">{s.close}</button>
            </ActionForm>
        }
    });
    let status = fill(s.status_is, &[&f.status.label()]);
    view! {
        <h1>{f.subject.clone()}</h1>
        <p class="qa-meta">{status}{(!f.unit.is_empty()).then(|| format!(" · {}: {}", s.unit_label, f.unit))}" "{overdue_badge(f.overdue)}</p>
        {held}
        <section class="qa-asked" aria-labelledby="gy-noi-dung-gui">
            <h2 id="gy-noi-dung-gui">{s.body_label}</h2>
            <p class="qa-meta">{sender}" · "{contact}" · "{f.sent.clone()}</p>
            <blockquote class="qa-text">{paragraphs(&f.body)}</blockquote>
            {file}
        </section>
        {form_error(step.value())}
        {form_done(step.value(), s.saved)}
        {steps}
        {(!open).then(|| view! {
            <section class="qa-answer" aria-labelledby="gy-da-tra-loi">
                <h2 id="gy-da-tra-loi">{s.answer_label}</h2>
                <div class="qa-text">{paragraphs(&f.answer)}</div>
                <p class="muted">{s.closed_already}</p>
            </section>
        })}
        <section class="feedback-notes" aria-labelledby="gy-ghi-chu">
            <h2 id="gy-ghi-chu">{s.notes}</h2>
            <p class="field-hint">{s.notes_hint}</p>
            {notes}
            <ActionForm action=note attr:class="stacked-form">
                <input type="hidden" name="id" value=id/>
                <label for="gy-ghi-chu-moi">{s.note_label}</label>
                <textarea id="gy-ghi-chu-moi" name="note" rows="3" required minlength="2" maxlength=NOTE_MAX.to_string()></textarea>
                {form_error(note.value())}
                <button type="submit" class="button-secondary">{s.add_note}</button>
            </ActionForm>
        </section>
        <section class="qa-history" aria-labelledby="gy-lich-su">
            <h2 id="gy-lich-su">{s.history}</h2>
            <ol class="plain-list">{history}</ol>
        </section>
        <p><A href=ADMIN_FEEDBACK_PATH>{s.back_to_queue}</A></p>
    }
}
