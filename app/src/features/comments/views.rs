//! "Ý kiến bạn đọc" under an article: the published comments with their replies, the
//! report button, and the comment form (a plain form that also works without
//! JavaScript; the server sends the browser back with `?y-kien=cho-duyet`).

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::api::{PostComment, ReportComment};
use super::model::{BODY_MAX, CommentItem, NAME_MAX, TextPiece, linkify};
use crate::components::browser::query_param;
use crate::components::form_error;
use crate::i18n::t;

/// Comment text: paragraphs and line breaks kept, links clickable, nothing as HTML.
fn comment_text(body: &str) -> impl IntoView + use<> {
    body.split("\n\n")
        .map(|para| {
            let pieces = linkify(para)
                .into_iter()
                .map(|p| match p {
                    TextPiece::Text(s) => view! { <span>{s}</span> }.into_any(),
                    TextPiece::Link(href) => {
                        let text = href.clone();
                        view! { <a href=href rel="nofollow ugc noopener noreferrer" target="_blank">{text}</a> }
                            .into_any()
                    }
                })
                .collect_view();
            view! { <p>{pieces}</p> }
        })
        .collect_view()
}

/// Brings the comment form into view (a reply link's click, in the browser).
fn to_the_form() {
    #[cfg(feature = "hydrate")]
    if let Some(form) = document().get_element_by_id("gui-y-kien") {
        form.scroll_into_view();
    }
}

/// One comment and, for a thread, its replies.
fn comment_view(
    c: CommentItem,
    report: ServerAction<ReportComment>,
    reported_ids: RwSignal<Vec<i64>>,
    reply_to: RwSignal<Option<i64>>,
    open: bool,
) -> AnyView {
    let id = c.id;
    let anchor = format!("y-kien-{id}");
    let reply_href = format!("?tra-loi={id}#gui-y-kien");
    let reported = move || reported_ids.with(|ids| ids.contains(&id));
    let replies = (!c.replies.is_empty()).then(|| {
        view! {
            <ol class="comment-replies">
                {c.replies.into_iter().map(|r| view! { <li>{comment_view(r, report, reported_ids, reply_to, false)}</li> }).collect_view()}
            </ol>
        }
    });
    view! {
        <article class="comment" class:comment-staff=c.staff id=anchor aria-label=format!("{} {}", t().comment_by, c.name)>
            <p class="comment-head">
                <strong class="comment-name">{c.name.clone()}</strong>
                {c.staff.then(|| view! { <span class="badge-staff">{t().board_reply}</span> })}
                <time datetime=c.iso>{c.date}</time>
            </p>
            <div class="comment-body">{comment_text(&c.body)}</div>
            <div class="comment-actions">
                {open.then(|| view! {
                    <a href=reply_href class="comment-reply" on:click=move |ev| {
                        ev.prevent_default();
                        reply_to.set(Some(id));
                        to_the_form();
                    }>{t().reply}</a>
                })}
                <ActionForm action=report attr:class="report-form">
                    <input type="hidden" name="id" value=id.to_string()/>
                    <button type="submit" class="link-button" disabled=reported>
                        {move || if reported() { t().reported } else { t().report }}
                    </button>
                </ActionForm>
            </div>
            {replies}
        </article>
    }
    .into_any()
}

#[island]
pub fn CommentsSection(
    slug: String,
    comments: Vec<CommentItem>,
    count: i64,
    open: bool,
    token: String,
) -> impl IntoView {
    let post = ServerAction::<PostComment>::new();
    let report = ServerAction::<ReportComment>::new();
    let threads = RwSignal::new(comments);
    let count = RwSignal::new(count);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    // comments this reader reported: from the plain-form round trip, then each report
    let came_back_reported = query_param("bao-cao");
    let reported_ids = RwSignal::new(
        came_back_reported
            .as_deref()
            .and_then(|v| v.parse::<i64>().ok())
            .into_iter()
            .collect::<Vec<_>>(),
    );
    // the comment answered: from `?tra-loi=` (the reply link without JavaScript), then
    // from the reply links themselves
    let reply_to_id = RwSignal::new(query_param("tra-loi").and_then(|v| v.parse::<i64>().ok()));
    let came_back_posted = query_param("y-kien").map(|v| v == "cho-duyet");
    let last_report = RwSignal::new(None::<i64>);
    Effect::new(move |_| {
        if let Some(input) = report.input().get() {
            last_report.set(Some(input.id));
        }
    });
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(id)) = (report.value().get(), last_report.get_untracked()) {
            reported_ids.update(|ids| ids.push(id));
        }
    });
    // a comment published at once joins the list; the form empties after any success
    Effect::new(move |_| {
        if let Some(Ok(posted)) = post.value().get() {
            if let Some(form) = form_ref.get_untracked() {
                form.reset();
            }
            if !posted.pending {
                threads.update(|list| match posted.parent_id {
                    Some(p) => {
                        if let Some(t) = list.iter_mut().find(|t| t.id == p) {
                            t.replies.push(posted.comment.clone());
                        }
                    }
                    None => list.push(posted.comment.clone()),
                });
                count.update(|n| *n += 1);
            }
        }
    });
    let notice = move || {
        let from_post = post.value().get().and_then(|r| r.ok()).map(|p| p.pending);
        from_post.or(came_back_posted).map(|pending| {
            let text = if pending {
                t().comment_pending
            } else {
                t().comment_published
            };
            view! { <p class="notice notice-info" role="status">{text}</p> }
        })
    };
    let report_notice = move || {
        let done = matches!(report.value().get(), Some(Ok(()))) || came_back_reported.is_some();
        done.then(|| view! { <p class="notice notice-info" role="status">{t().report_thanks}</p> })
    };
    let reply_to = move || {
        reply_to_id.get().filter(|id| {
            threads.with(|list| {
                list.iter()
                    .any(|t| t.id == *id || t.replies.iter().any(|r| r.id == *id))
            })
        })
    };
    let reply_name = move || {
        reply_to().and_then(|id| {
            threads.with(|list| {
                list.iter()
                    .flat_map(|t| std::iter::once(t).chain(t.replies.iter()))
                    .find(|c| c.id == id)
                    .map(|c| c.name.clone())
            })
        })
    };
    let form = open.then(move || {
        view! {
            <ActionForm action=post node_ref=form_ref attr:class="comment-form stacked-form" attr:id="gui-y-kien">
                <h3 class="comment-form-title">
                    {move || match reply_name() {
                        Some(name) => format!("{} {name}", t().reply_to),
                        None => t().send_comment.to_string(),
                    }}
                </h3>
                {move || reply_to().is_some().then(|| view! {
                    <a href="?#gui-y-kien" class="cancel-reply" on:click=move |ev| {
                        ev.prevent_default();
                        reply_to_id.set(None);
                    }>{t().cancel_reply}</a>
                })}
                <input type="hidden" name="slug" value=slug.clone()/>
                <input type="hidden" name="parent" prop:value=move || reply_to().map(|id| id.to_string()).unwrap_or_default()/>
                {crate::components::form::guard_fields(token.clone(), "")}
                <label for="ho-ten">{t().your_name}<span class="required" aria-hidden="true">" *"</span></label>
                <input id="ho-ten" name="name" type="text" required minlength="2" maxlength=NAME_MAX.to_string() autocomplete="name"/>
                <label for="thu-dien-tu">{t().your_email}</label>
                <input id="thu-dien-tu" name="email" type="email" maxlength="254" autocomplete="email" aria-describedby="thu-goi-y"/>
                <p id="thu-goi-y" class="field-hint">{t().email_hint}</p>
                <label for="y-kien-noi-dung">{t().your_comment}<span class="required" aria-hidden="true">" *"</span></label>
                <textarea id="y-kien-noi-dung" name="body" rows="5" required minlength="5" maxlength=BODY_MAX.to_string()
                    aria-describedby="y-kien-goi-y"></textarea>
                <p id="y-kien-goi-y" class="field-hint">{t().comment_hint}</p>
                {form_error(post.value())}
                <button type="submit" class="button-primary" disabled=move || post.pending().get()>
                    {move || if post.pending().get() { t().sending } else { t().send_comment }}
                </button>
            </ActionForm>
        }
    });
    view! {
        <section class="comments" id="y-kien" aria-labelledby="y-kien-tieu-de">
            <h2 id="y-kien-tieu-de" class="block-title">{move || format!("{} ({})", t().reader_comments, count.get())}</h2>
            {notice}
            {report_notice}
            {form_error(report.value())}
            {move || {
                let list = threads.get();
                if list.is_empty() {
                    view! { <p class="muted">{t().no_comments}</p> }.into_any()
                } else {
                    view! {
                        <ol class="comment-list">
                            {list.into_iter().map(|c| view! { <li>{comment_view(c, report, reported_ids, reply_to_id, open)}</li> }).collect_view()}
                        </ol>
                    }
                    .into_any()
                }
            }}
            {form}
            {(!open).then(|| view! { <p class="muted">{t().comments_closed}</p> })}
        </section>
    }
}
