//! `/quan-tri/y-kien`: the moderators' queue. Tabs per state with counts; each comment
//! with its article, e-mail (moderators only), reports and the reason it was held;
//! approve / reject / spam one or many, correct it, or answer as the editorial board.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::admin_api::{EditComment, ModerateComments, ReplyAsBoard, get_comment_queue, tabs};
use super::model::{QueueCounts, QueueItem};
use crate::components::admin_content;
use crate::components::{Pagination, form_error};
use crate::core::paging::page_param;
use crate::i18n::{fill, ta};

fn count_of(c: &QueueCounts, tab: &str) -> i64 {
    match tab {
        "pending" => c.pending,
        "reported" => c.reported,
        "approved" => c.approved,
        "rejected" => c.rejected,
        _ => c.spam,
    }
}

fn queue_item(
    item: QueueItem,
    moderate: ServerAction<ModerateComments>,
    edit: ServerAction<EditComment>,
    reply: ServerAction<ReplyAsBoard>,
) -> impl IntoView {
    let id = item.id.to_string();
    let (id_moderate, id_edit, id_reply) = (id.clone(), id.clone(), id.clone());
    let check_id = format!("chon-{id}");
    let name_id = format!("sua-ten-{id}");
    let body_id = format!("sua-noi-dung-{id}");
    let reply_id = format!("tra-loi-{id}");
    let check_label = fill(ta().queue_select, &[&item.name]);
    let email = (!item.email.is_empty()).then(|| {
        let mail = format!("mailto:{}", item.email);
        view! { <a href=mail class="queue-email">{item.email.clone()}</a> }
    });
    view! {
        <li class="queue-item">
            <div class="queue-check">
                <input type="checkbox" id=check_id.clone() name="ids[]" value=id form="hang-loat"/>
                <label for=check_id class="visually-hidden">{check_label}</label>
            </div>
            <div class="queue-main">
                <p class="queue-head">
                    <strong>{item.name.clone()}</strong>
                    {item.staff.then(|| view! { <span class="badge-staff">{ta().queue_board}</span> })}
                    {email}
                    <span class="muted">{item.date.clone()}</span>
                    <span class=format!("status status-comment-{}", item.status.as_str())>{item.status.label()}</span>
                    {(item.reports > 0).then(|| view! { <span class="status status-reported">{fill(ta().queue_reports, &[&item.reports])}</span> })}
                </p>
                <p class="queue-article">{ta().queue_article}<A href=item.article_href.clone()>{item.article_title.clone()}</A></p>
                {item.reply_to.clone().map(|r| view! { <p class="queue-reply-to">{ta().queue_reply_to}{r}"”"</p> })}
                {(!item.held_for.is_empty()).then(|| view! { <p class="notice notice-warn">{item.held_for.clone()}</p> })}
                <p class="queue-body">{item.body.clone()}</p>
                <ActionForm action=moderate attr:class="queue-actions">
                    <input type="hidden" name="ids[]" value=id_moderate/>
                    <button type="submit" name="action" value="approve" class="button-primary">{ta().queue_approve}</button>
                    <button type="submit" name="action" value="reject" class="button-secondary">{ta().queue_reject}</button>
                    <button type="submit" name="action" value="spam" class="button-secondary">{ta().queue_spam}</button>
                </ActionForm>
                <details class="queue-more">
                    <summary>{ta().queue_edit}</summary>
                    <ActionForm action=edit attr:class="stacked-form">
                        <input type="hidden" name="id" value=id_edit/>
                        <label for=name_id.clone()>{ta().queue_name}</label>
                        <input id=name_id name="name" type="text" required value=item.name.clone()/>
                        <label for=body_id.clone()>{ta().queue_body}</label>
                        <textarea id=body_id name="body" rows="4" required>{item.body.clone()}</textarea>
                        <button type="submit" class="button-secondary">{ta().queue_save_edit}</button>
                    </ActionForm>
                </details>
                <details class="queue-more">
                    <summary>{ta().queue_reply_summary}</summary>
                    <ActionForm action=reply attr:class="stacked-form">
                        <input type="hidden" name="id" value=id_reply/>
                        <label for=reply_id.clone()>{ta().queue_reply_label}</label>
                        <textarea id=reply_id name="body" rows="4" required minlength="5"></textarea>
                        <button type="submit" class="button-primary">{ta().queue_reply_send}</button>
                    </ActionForm>
                </details>
            </div>
        </li>
    }
}

/// `/quan-tri/y-kien?muc=&trang=`
#[component]
pub fn CommentsQueuePage() -> impl IntoView {
    let query = use_query_map();
    let moderate = ServerAction::<ModerateComments>::new();
    let edit = ServerAction::<EditComment>::new();
    let reply = ServerAction::<ReplyAsBoard>::new();
    let data = crate::components::admin::page_data(
        module_path!(),
        move || {
            let q = query.read();
            (
                q.get("muc").unwrap_or_else(|| "pending".into()),
                page_param(q.get("trang")),
            )
        },
        |(tab, page)| get_comment_queue(tab, page),
    );
    // after a change the page loads afresh (what the queue holds has moved), saying
    // what was done; a plain form without JavaScript lands on the fresh page too
    let reload_with = move |notice: String| {
        let tab = query.with_untracked(|q| q.get("muc").unwrap_or_else(|| "pending".into()));
        let _ = window()
            .location()
            .set_href(&format!("/quan-tri/y-kien?muc={tab}&{notice}"));
    };
    Effect::new(move |_| {
        if let Some(Ok(n)) = moderate.value().get() {
            reload_with(format!("xong={n}"));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = edit.value().get() {
            reload_with("da-sua=1".into());
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = reply.value().get() {
            reload_with("da-tra-loi=1".into());
        }
    });
    let notice = move || {
        let q = query.read();
        let text = if let Some(n) = q.get("xong") {
            Some(fill(ta().queue_done, &[&n.parse::<u32>().unwrap_or(0)]))
        } else if q.get("da-sua").is_some() {
            Some(ta().queue_edited.to_string())
        } else if q.get("da-tra-loi").is_some() {
            Some(ta().queue_replied.to_string())
        } else {
            None
        };
        text.map(|t| view! { <p class="form-ok" role="status">{t}</p> })
    };
    admin_content(ta().nav_comments, data, move |d| {
        let tabs = tabs()
            .into_iter()
            .map(|(key, label)| {
                let href = format!("/quan-tri/y-kien?muc={key}");
                let current = (key == d.tab).then_some("page");
                let n = count_of(&d.counts, key);
                view! { <li><a href=href aria-current=current>{label}<span class="count">{n}</span></a></li> }
            })
            .collect_view();
        let base = format!("/quan-tri/y-kien?muc={}", d.tab);
        let page = d.items.page;
        let pages = d.items.pages;
        let empty = d.items.items.is_empty();
        let items = d
            .items
            .items
            .into_iter()
            .map(|item| queue_item(item, moderate, edit, reply))
            .collect_view();
        view! {
            <h1>{ta().nav_comments}</h1>
            <nav aria-label=ta().queue_tabs><ul class="queue-tabs">{tabs}</ul></nav>
            {form_error(moderate.value())}
            {form_error(edit.value())}
            {form_error(reply.value())}
            {notice}
            {if empty {
                view! { <p class="empty">{ta().queue_empty}</p> }.into_any()
            } else {
                view! {
                    <ActionForm action=moderate attr:id="hang-loat" attr:class="bulk-bar">
                        <label for="thao-tac">{ta().queue_bulk}</label>
                        <select id="thao-tac" name="action">
                            <option value="approve">{ta().queue_approve}</option>
                            <option value="reject">{ta().queue_reject}</option>
                            <option value="spam">{ta().queue_bulk_spam}</option>
                        </select>
                        <button type="submit" class="button-secondary">{ta().queue_apply}</button>
                    </ActionForm>
                    <ol class="queue">{items}</ol>
                }
                .into_any()
            }}
            <Pagination base page pages/>
        }
    })
}
