//! `/quan-tri/bai-viet/:id`: an article on the desk — its facts, the actions the
//! role allows, its status history, notes and revisions.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use leptos_router::components::A;

use super::model::*;
use super::notes::{AddNote, NotesSection};
use crate::components::{admin_content, form_error, id_param};
use crate::core::error::AppError;
use crate::features::workflow::api::TransitionArticle;
use crate::features::workflow::status_badge;
use crate::i18n::{fill, ta};

/// An article on the desk: its status, history, notes, revisions and the actions the
/// signed-in user may take.
#[server(input = GetUrl)]
pub async fn get_desk_article(id: i64) -> Result<DeskArticleData, AppError> {
    use super::store;
    use crate::features::workflow;
    use crate::features::workflow::model::{Status, can_edit_in};
    let ctx = crate::core::state::app_context()?;
    let user = super::server::desk_user().await?;
    let pool = &ctx.pool;
    let super::server::DeskHead { head, path } =
        super::server::visible_head(pool, &user, id).await?;
    let (events, notes, revisions, rejection) = tokio::try_join!(
        workflow::events(pool, id),
        store::notes(pool, id),
        store::revisions(pool, id),
        store::last_rejection(pool, id),
    )?;
    let now = crate::core::time::now();
    let public = head.status == Status::Published
        && head.publish_at.is_some_and(|p| p <= now)
        && head.expire_at.is_none_or(|e| e > now);
    Ok(DeskArticleData {
        id,
        title: head.content.title.clone(),
        sapo: head.content.sapo.clone(),
        status: head.status,
        category: head.category.clone(),
        author: head.author.clone(),
        created: crate::core::time::short_date(head.created_at),
        updated: crate::core::time::short_date(head.updated_at),
        publish_at: head.publish_at.map(crate::core::time::dateline),
        expire_at: head.expire_at.map(crate::core::time::dateline),
        requested_publish: head.requested_publish_at.map(crate::core::time::dateline),
        requested_input: head
            .requested_publish_at
            .map(crate::core::time::local_input)
            .unwrap_or_default(),
        public_href: public.then(|| crate::core::links::article_href(&head.slug)),
        tags: head.content.tags.clone(),
        events,
        notes,
        revisions,
        actions: super::server::actions_for(&user, head.author_id, head.status, &path),
        can_edit: can_edit_in(&user, head.author_id, head.status, &path),
        rejection: if head.status == Status::Rejected {
            rejection
        } else {
            None
        },
    })
}

/// One action button (with its reason or time field) of the article page.
fn action_form(
    transition: ServerAction<TransitionArticle>,
    id: i64,
    choice: super::model::ActionChoice,
    requested: String,
) -> impl IntoView {
    let field_id = format!("ly-do-{}", choice.action);
    let time_id = format!("thoi-diem-{}", choice.action);
    let class = match choice.action.as_str() {
        "reject" | "unpublish" | "archive" => "button-secondary",
        _ => "button-primary",
    };
    view! {
        <ActionForm action=transition attr:class="action-form">
            <input type="hidden" name="article_id" value=id.to_string()/>
            <input type="hidden" name="action" value=choice.action.clone()/>
            {choice.needs_reason.then(|| view! {
                <label for=field_id.clone()>{ta().desk_reject_reason}</label>
                <textarea id=field_id.clone() name="reason" rows="3" required maxlength="2000"></textarea>
            })}
            {choice.needs_time.then(|| view! {
                <label for=time_id.clone()>{ta().desk_publish_time_label}</label>
                <input id=time_id.clone() type="datetime-local" name="publish_at" required value=requested.clone()/>
            })}
            <button type="submit" class=class>{choice.label}</button>
        </ActionForm>
    }
}

/// `/quan-tri/bai-viet/:id`
#[component]
pub fn DeskArticlePage() -> impl IntoView {
    let transition = ServerAction::<TransitionArticle>::new();
    let note = ServerAction::<AddNote>::new();
    let id = id_param(-1);
    let data = crate::components::admin::page_data(
        module_path!(),
        move || (id(), transition.version().get(), note.version().get()),
        |(id, _, _)| get_desk_article(id),
    );
    admin_content(ta().nav_articles, data, move |a| {
        let id = a.id;
        let facts = view! {
            <dl class="facts">
                <dt>{ta().desk_status}</dt><dd>{status_badge(a.status)}</dd>
                <dt>{ta().nav_categories}</dt><dd>{a.category.clone()}</dd>
                <dt>{ta().desk_author}</dt><dd>{a.author.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{ta().desk_created}</dt><dd>{a.created.clone()}</dd>
                <dt>{ta().desk_updated}</dt><dd>{a.updated.clone()}</dd>
                {a.publish_at.clone().map(|p| view! { <dt>{ta().desk_publish_at}</dt><dd>{p}</dd> })}
                {a.expire_at.clone().map(|p| view! { <dt>{ta().desk_expires}</dt><dd>{p}</dd> })}
                {a.requested_publish.clone().map(|p| view! { <dt>{crate::i18n::te().publish_requested}</dt><dd>{p}</dd> })}
                {(!a.tags.is_empty()).then(|| view! { <dt>{ta().desk_tags}</dt><dd>{a.tags.join(", ")}</dd> })}
                {a.public_href.clone().map(|h| {
                    let text = h.clone();
                    view! { <dt>{ta().desk_on_portal}</dt><dd><a href=h>{text}</a></dd> }
                })}
            </dl>
        };
        let revisions = a.revisions.clone();
        let newest = revisions.first().map(|r| r.number).unwrap_or(0);
        view! {
            <p class="admin-back"><A href="/quan-tri/bai-viet">{ta().desk_back_list}</A></p>
            <h1>{a.title.clone()}</h1>
            {a.rejection.clone().map(|r| view! {
                <div class="notice notice-warn" role="note">
                    <strong>{ta().desk_rejected}</strong>{r}
                    <p>{ta().desk_fix_resubmit}</p>
                </div>
            })}
            {(!a.sapo.is_empty()).then(|| view! { <p class="desk-sapo">{a.sapo.clone()}</p> })}
            {facts}
            <section class="desk-section" aria-labelledby="thao-tac">
                <h2 id="thao-tac">{ta().desk_actions}</h2>
                <div class="action-row">
                    {a.can_edit.then(|| view! {
                        <A href=format!("{}/sua", desk_href(id)) attr:class="button-primary">{ta().desk_edit}</A>
                    })}
                    {a.actions.clone().into_iter().map(|c| action_form(transition, id, c, a.requested_input.clone())).collect_view()}
                </div>
                {form_error(transition.value())}
                {(!a.can_edit && a.actions.is_empty()).then(|| view! {
                    <p class="muted">{ta().desk_no_actions}</p>
                })}
            </section>
            <section class="desk-section" aria-labelledby="lich-su">
                <h2 id="lich-su">{ta().desk_history}</h2>
                {if a.events.is_empty() {
                    view! { <p class="muted">{ta().desk_no_history}</p> }.into_any()
                } else {
                    view! {
                        <ol class="timeline">
                            {a.events.clone().into_iter().map(|e| view! {
                                <li>
                                    <span class="when">{e.at}</span>" "
                                    <strong>{e.actor.or(e.process).unwrap_or_else(|| ta().desk_system.into())}</strong>
                                    {format!(": {} → {}", e.from.label(), e.to.label())}
                                    {(!e.reason.is_empty()).then(|| view! { <span class="reason">{format!(" — {}", e.reason)}</span> })}
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
            <NotesSection id notes=a.notes.clone() action=note/>
            <section class="desk-section" aria-labelledby="phien-ban">
                <h2 id="phien-ban">{ta().desk_revisions}</h2>
                {if revisions.is_empty() {
                    view! { <p class="muted">{ta().desk_no_revisions}</p> }.into_any()
                } else {
                    view! {
                        <ol class="revisions" reversed>
                            {revisions.into_iter().map(|r| {
                                let compare = (r.number > 1).then(|| {
                                    let href = format!("{}/phien-ban?tu={}&den={}", desk_href(id), r.number - 1, r.number);
                                    view! { " · " <A href=href>{ta().desk_compare}</A> }
                                });
                                let current = (r.number == newest).then_some(ta().desk_current);
                                view! {
                                    <li>
                                        <strong>{fill(ta().desk_revision, &[&r.number])}</strong>{current}
                                        {format!(" — {} · {} · {}", r.summary, r.author.unwrap_or_else(|| ta().desk_imported.into()), r.at)}
                                        {compare}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
        }
    })
}
