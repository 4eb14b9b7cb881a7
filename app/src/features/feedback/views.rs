//! Góp ý's public pages, rendered on the server only (no island: the form is a plain
//! multipart form, so the reader's client does not grow): `/gop-y`, the form that
//! sends feedback, with its attachment; `/gop-y/theo-doi`, a piece of feedback
//! followed by its tracking code, with its status, unit and answer.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{get_send_page, track_feedback};
use super::model::{
    BODY_MAX, BODY_MIN, CONTACT_MAX, FEEDBACK_PATH, FILE_FIELD, FOLLOW_PATH, NAME_MAX, SEND_PATH,
    SUBJECT_MAX, SUBJECT_MIN, SendPage, TrackedFeedback,
};
use crate::components::form::guard_fields;
use crate::components::{Breadcrumb, PageMeta, page_loader, paragraphs};
use crate::core::site::SiteInfo;
use crate::i18n::{fill, tfb};

/// The query a refused form comes back with: the message and its tag.
pub const ERROR_PARAM: &str = "loi";
pub const TAG_PARAM: &str = "ky";

fn crumbs(more: Option<(String, String)>) -> Vec<(String, String)> {
    let mut items = vec![(tfb().title.to_string(), FEEDBACK_PATH.to_string())];
    items.extend(more);
    items
}

fn optional() -> impl IntoView {
    view! { " "<span class="muted">{tfb().optional}</span> }
}

/// `/gop-y`: the form (the server sends the browser on to the follow page with the
/// code, or back here with why it was refused).
#[component]
pub fn FeedbackPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            (
                q.get(ERROR_PARAM).unwrap_or_default(),
                q.get(TAG_PARAM).unwrap_or_default(),
            )
        },
        |(error, tag)| get_send_page(error, tag),
    );
    page_loader(data, send_view)
}

fn send_view(site: SiteInfo, page: SendPage) -> impl IntoView {
    let s = tfb();
    let hint = fill(s.body_hint, &[&BODY_MIN, &BODY_MAX]);
    let file_hint = fill(s.file_hint, &[&page.max_file_mb]);
    let error = page
        .error
        .map(|e| view! { <p class="form-error" role="alert" id="gy-loi">{e}</p> });
    view! {
        <PageMeta site title=s.title description=s.intro path=FEEDBACK_PATH/>
        <Breadcrumb items=crumbs(None)/>
        <header class="list-header">
            <h1>{s.title}</h1>
            <p class="list-description">{s.intro}</p>
        </header>
        <div class="qa-actions">
            {follow_form("gy-ma-nhanh", String::new())}
        </div>
        <form class="stacked-form feedback-form" method="post" action=SEND_PATH
            enctype="multipart/form-data" id="gui-gop-y">
            <h2 class="block-title">{s.send_title}</h2>
            {error}
            {guard_fields(page.token, "gy-")}
            <label for="gy-tieu-de">{s.subject_label}<span class="required" aria-hidden="true">" *"</span></label>
            <input id="gy-tieu-de" name="subject" type="text" required minlength=SUBJECT_MIN.to_string()
                maxlength=SUBJECT_MAX.to_string()/>
            <label for="gy-noi-dung">{s.body_label}<span class="required" aria-hidden="true">" *"</span></label>
            <textarea id="gy-noi-dung" name="body" rows="8" required minlength=BODY_MIN.to_string()
                maxlength=BODY_MAX.to_string() aria-describedby="gy-noi-dung-goi-y"></textarea>
            <p id="gy-noi-dung-goi-y" class="field-hint">{hint}</p>
            <label for="gy-ho-ten">{s.name_label}{optional()}</label>
            <input id="gy-ho-ten" name="name" type="text" maxlength=NAME_MAX.to_string() autocomplete="name"/>
            <label for="gy-lien-he">{s.contact_label}{optional()}</label>
            <input id="gy-lien-he" name="contact" type="text" maxlength=CONTACT_MAX.to_string() autocomplete="email"
                aria-describedby="gy-lien-he-goi-y"/>
            <p id="gy-lien-he-goi-y" class="field-hint">{s.contact_hint}</p>
            <label for="gy-tep">{s.file_label}{optional()}</label>
            <input id="gy-tep" name=FILE_FIELD type="file" aria-describedby="gy-tep-goi-y"
                accept=".pdf,.docx,.xlsx,.odt,.jpg,.jpeg,.png,.webp,.gif"/>
            <p id="gy-tep-goi-y" class="field-hint">{file_hint}</p>
            <button type="submit" class="button-primary">{s.send}</button>
        </form>
    }
}

fn follow_form(id: &'static str, typed: String) -> impl IntoView {
    let s = tfb();
    view! {
        <form class="qa-follow-form" method="get" action=FOLLOW_PATH>
            <label for=id>{s.code_label}</label>
            <input id=id name="ma" type="text" value=typed autocomplete="off" maxlength="24" required
                placeholder="GY-XXXX-XXXX-XXXX"/>
            <button type="submit">{s.follow}</button>
        </form>
    }
}

/// `/gop-y/theo-doi?ma=…`: a piece of feedback followed by its code (`&moi=1` right
/// after sending: the code is shown to be kept).
#[component]
pub fn FeedbackFollowPage() -> impl IntoView {
    let query = use_query_map();
    let code = move || query.read().get("ma").unwrap_or_default();
    let data = Resource::new(code, |code| async move {
        if code.trim().is_empty() {
            Ok(None)
        } else {
            track_feedback(code).await
        }
    });
    let just_sent = query.read_untracked().get("moi").as_deref() == Some("1");
    let typed = query.read_untracked().get("ma").unwrap_or_default();
    page_loader(data, move |site, found| {
        follow_view(site, found, typed.clone(), just_sent)
    })
}

fn follow_view(
    site: SiteInfo,
    found: Option<TrackedFeedback>,
    typed: String,
    just_sent: bool,
) -> impl IntoView {
    let s = tfb();
    let result = match found {
        Some(f) => tracked_view(f, just_sent).into_any(),
        None if !typed.trim().is_empty() => {
            view! { <p class="form-error" role="alert">{s.code_unknown}</p> }.into_any()
        }
        None => ().into_any(),
    };
    view! {
        <PageMeta site title=s.follow_title description=s.follow_intro path=FOLLOW_PATH/>
        <Breadcrumb items=crumbs(Some((s.follow_title.to_string(), FOLLOW_PATH.to_string())))/>
        <header class="list-header">
            <h1>{s.follow_title}</h1>
            <p class="list-description">{s.follow_intro}</p>
        </header>
        <div class="qa-follow">{follow_form("gy-ma", typed)}</div>
        {result}
    }
}

fn tracked_view(f: TrackedFeedback, just_sent: bool) -> impl IntoView {
    let s = tfb();
    let sent = just_sent.then(|| {
        view! {
            <div class="notice notice-info" role="status">
                <p>{s.sent}</p>
                <p>{s.your_code}" "<strong class="qa-code">{f.code.clone()}</strong></p>
                <p>{s.keep_code}</p>
            </div>
        }
    });
    let unit = f
        .unit
        .map(|u| view! { <dt>{s.unit_label}</dt><dd>{u}</dd> });
    let answer = f.answer.map(|a| {
        view! {
            <section class="qa-answer" aria-labelledby="gy-tra-loi">
                <h2 id="gy-tra-loi" class="block-title">{s.answer_label}</h2>
                <div class="qa-text">{paragraphs(&a)}</div>
                {f.answered.map(|d| view! { <p class="qa-meta">{s.answered_on}": "{d}</p> })}
            </section>
        }
    });
    view! {
        {sent}
        <section class="qa-tracked" aria-labelledby="gy-cua-ban">
            <h2 id="gy-cua-ban" class="block-title">{s.your_feedback}</h2>
            <dl class="doc-fields">
                <dt>{s.code_label}</dt><dd>{f.code.clone()}</dd>
                <dt>{s.status_label}</dt><dd class="qa-status">{f.status.label()}</dd>
                {unit}
                <dt>{s.sent_on}</dt><dd>{f.sent}</dd>
                <dt>{s.subject_label}</dt><dd>{f.subject}</dd>
            </dl>
            <div class="qa-text">{paragraphs(&f.body)}</div>
        </section>
        {answer}
    }
}
