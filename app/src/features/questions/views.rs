//! Hỏi – Đáp's public pages, rendered on the server only (no island: every form is a
//! plain form, so the reader's client does not grow): `/hoi-dap`, the published
//! questions by field and words; `/hoi-dap/{slug}`, a question and its answer;
//! `/hoi-dap/dat-cau-hoi`, the form that asks; `/hoi-dap/theo-doi`, a question
//! followed by its tracking code.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{AskQuestion, get_ask_page, get_qa_list, get_question, track_question};
use super::model::{
    ASK_PATH, AskPage, CONTACT_MAX, FOLLOW_PATH, NAME_MAX, QA_PATH, QUESTION_MAX, QUESTION_MIN,
    QaListPage, QaQuery, QuestionCard, QuestionPage, Tracked,
};
use crate::components::form::guard_fields;
use crate::components::{
    Breadcrumb, PageMeta, Pagination, form_error, page_loader, paragraphs, urlencode,
};
use crate::content::render::DocView;
use crate::core::site::SiteInfo;
use crate::i18n::{fill, t, tqa};

fn crumbs(more: Option<(String, String)>) -> Vec<(String, String)> {
    let mut items = vec![(tqa().title.to_string(), QA_PATH.to_string())];
    items.extend(more);
    items
}

/// The way to ask and to follow, beside every list.
fn ask_and_follow() -> impl IntoView {
    let s = tqa();
    view! {
        <aside class="qa-actions" aria-label=s.actions>
            <a class="button-primary" href=ASK_PATH>{s.ask}</a>
            <form class="qa-follow-form" method="get" action=FOLLOW_PATH>
                <label for="qa-ma-nhanh">{s.code_label}</label>
                <input id="qa-ma-nhanh" name="ma" type="text" autocomplete="off" maxlength="24"
                    placeholder="HD-XXXX-XXXX-XXXX"/>
                <button type="submit">{s.follow}</button>
            </form>
        </aside>
    }
}

/// `/hoi-dap`: the published questions, by field (`?linh-vuc=`) and words (`?q=`).
#[component]
pub fn QaList() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            QaQuery {
                topic: q.get("linh-vuc").unwrap_or_default(),
                words: q.get("q").unwrap_or_default(),
                page: crate::core::paging::page_param(q.get("trang")),
            }
        },
        get_qa_list,
    );
    page_loader(data, list_view)
}

fn list_view(site: SiteInfo, data: QaListPage) -> impl IntoView {
    let s = tqa();
    let QaListPage {
        topics,
        query,
        items,
    } = data;
    let chosen = topics.iter().find(|t| t.slug == query.topic).cloned();
    let mut parts = Vec::new();
    if !query.topic.is_empty() {
        parts.push(format!("linh-vuc={}", urlencode(&query.topic)));
    }
    if !query.words.trim().is_empty() {
        parts.push(format!("q={}", urlencode(query.words.trim())));
    }
    let base = if parts.is_empty() {
        QA_PATH.to_string()
    } else {
        format!("{QA_PATH}?{}", parts.join("&"))
    };
    let path = if items.page > 1 {
        let sep = if base.contains('?') { '&' } else { '?' };
        format!("{base}{sep}trang={}", items.page)
    } else {
        base.clone()
    };
    let mut title = match &chosen {
        Some(t) => format!("{} - {}", s.title, t.name),
        None => s.title.to_string(),
    };
    if items.page > 1 {
        title = format!("{title} - {} {}", t().page, items.page);
    }
    let topic_links = topics
        .iter()
        .map(|tp| {
            let href = format!("{QA_PATH}?linh-vuc={}", tp.slug);
            let current = (tp.slug == query.topic).then_some("page");
            view! {
                <li><a href=href aria-current=current>{tp.name.clone()}<span class="count">{format!(" ({})", tp.published)}</span></a></li>
            }
        })
        .collect_view();
    let found = fill(s.found, &[&items.total]);
    let list = if items.items.is_empty() {
        view! { <p class="empty">{s.empty}</p> }.into_any()
    } else {
        view! {
            <ol class="qa-list">
                {items.items.into_iter().map(|c| view! { <li>{question_card(c)}</li> }).collect_view()}
            </ol>
        }
        .into_any()
    };
    let heading = chosen
        .as_ref()
        .map(|t| t.name.clone())
        .unwrap_or_else(|| s.title.to_string());
    view! {
        <PageMeta site title description=s.intro path/>
        <Breadcrumb items=crumbs(chosen.as_ref().map(|t| (t.name.clone(), format!("{QA_PATH}?linh-vuc={}", t.slug))))/>
        <header class="list-header">
            <h1>{heading}</h1>
            <p class="list-description">{s.intro}</p>
        </header>
        {ask_and_follow()}
        <nav class="qa-topics" aria-label=s.topics>
            <ul>
                <li><a href=QA_PATH aria-current=query.topic.is_empty().then_some("page")>{s.all_topics}</a></li>
                {topic_links}
            </ul>
        </nav>
        <form class="filters qa-search" method="get" action=QA_PATH role="search" aria-label=s.search>
            {(!query.topic.is_empty()).then(|| view! { <input type="hidden" name="linh-vuc" value=query.topic.clone()/> })}
            <label for="qa-q">{s.words_label}</label>
            <input id="qa-q" type="search" name="q" value=query.words.clone() maxlength="120"/>
            <button type="submit">{s.search}</button>
        </form>
        <p class="doc-found" role="status">{found}</p>
        {list}
        <Pagination base page=items.page pages=items.pages/>
    }
}

/// A published question in a list.
pub fn question_card(c: QuestionCard) -> impl IntoView {
    let topic_href = format!("{QA_PATH}?linh-vuc={}", c.topic_slug);
    view! {
        <div class="qa-card">
            <p class="qa-card-title"><A href=c.href()>{c.title.clone()}</A></p>
            <p class="qa-meta">
                <span>{c.asker.clone()}</span>" · "
                <time datetime=c.asked_iso.clone()>{c.asked.clone()}</time>" · "
                <a href=topic_href>{c.topic.clone()}</a>
            </p>
        </div>
    }
}

/// `/hoi-dap/{slug}`: a published question and its answer.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_question,
    );
    page_loader(data, question_view)
}

fn question_view(site: SiteInfo, q: QuestionPage) -> impl IntoView {
    let s = tqa();
    let href = q.card.href();
    let description: String = q.text.chars().take(160).collect();
    let topic_href = format!("{QA_PATH}?linh-vuc={}", q.card.topic_slug);
    let related = (!q.related.is_empty()).then(|| {
        view! {
            <section class="qa-related" aria-labelledby="qa-cung-linh-vuc">
                <h2 id="qa-cung-linh-vuc" class="block-title">{s.related}</h2>
                <ol class="qa-list">
                    {q.related.into_iter().map(|c| view! { <li>{question_card(c)}</li> }).collect_view()}
                </ol>
            </section>
        }
    });
    view! {
        <PageMeta site title=q.card.title.clone() description path=href.clone()/>
        <script type="application/ld+json" inner_html=q.structured_data></script>
        <Breadcrumb items=crumbs(Some((q.card.topic.clone(), topic_href.clone())))/>
        <article class="qa-question">
            <header class="list-header">
                <h1>{q.card.title.clone()}</h1>
                <p class="qa-meta">
                    {s.asked_by}" "<strong>{q.card.asker.clone()}</strong>" · "
                    <time datetime=q.card.asked_iso.clone()>{q.card.asked.clone()}</time>" · "
                    <a href=topic_href>{q.card.topic.clone()}</a>
                </p>
            </header>
            <section class="qa-text" aria-label=s.question_label>{paragraphs(&q.text)}</section>
            <section class="qa-answer" id="tra-loi" aria-labelledby="qa-tra-loi">
                <h2 id="qa-tra-loi" class="block-title">{s.answer_label}</h2>
                <div class="article-body"><DocView doc=q.answer/></div>
                <p class="qa-meta">{q.answered_by}" · "<time datetime=q.answered_iso>{q.answered}</time></p>
            </section>
        </article>
        {ask_and_follow()}
        {related}
    }
}

/// `/hoi-dap/dat-cau-hoi`: the form that asks (a plain form; the server sends the
/// browser on to the follow page with the code).
#[component]
pub fn AskPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_ask_page());
    page_loader(data, ask_view)
}

fn ask_view(site: SiteInfo, page: AskPage) -> impl IntoView {
    let s = tqa();
    let ask = ServerAction::<AskQuestion>::new();
    let options = page
        .topics
        .into_iter()
        .map(|tp| view! { <option value=tp.id.to_string()>{tp.name}</option> })
        .collect_view();
    let hint = fill(s.question_hint, &[&QUESTION_MIN, &QUESTION_MAX]);
    view! {
        <PageMeta site title=s.ask description=s.ask_intro path=ASK_PATH/>
        <Breadcrumb items=crumbs(Some((s.ask.to_string(), ASK_PATH.to_string())))/>
        <header class="list-header">
            <h1>{s.ask}</h1>
            <p class="list-description">{s.ask_intro}</p>
        </header>
        <ActionForm action=ask attr:class="stacked-form qa-ask-form" attr:id="dat-cau-hoi">
            {guard_fields(page.token, "qa-")}
            <label for="qa-ho-ten">{t().your_name}<span class="required" aria-hidden="true">" *"</span></label>
            <input id="qa-ho-ten" name="name" type="text" required minlength="2" maxlength=NAME_MAX.to_string() autocomplete="name"/>
            <label for="qa-lien-he">{s.contact_label}</label>
            <input id="qa-lien-he" name="contact" type="text" maxlength=CONTACT_MAX.to_string() autocomplete="email"
                aria-describedby="qa-lien-he-goi-y"/>
            <p id="qa-lien-he-goi-y" class="field-hint">{s.contact_hint}</p>
            <label for="qa-linh-vuc">{s.topic_label}<span class="required" aria-hidden="true">" *"</span></label>
            <select id="qa-linh-vuc" name="topic" required>
                <option value="">{s.topic_choose}</option>
                {options}
            </select>
            <label for="qa-noi-dung">{s.question_label}<span class="required" aria-hidden="true">" *"</span></label>
            <textarea id="qa-noi-dung" name="text" rows="7" required minlength=QUESTION_MIN.to_string()
                maxlength=QUESTION_MAX.to_string() aria-describedby="qa-noi-dung-goi-y"></textarea>
            <p id="qa-noi-dung-goi-y" class="field-hint">{hint}</p>
            {form_error(ask.value())}
            <button type="submit" class="button-primary">{s.send}</button>
        </ActionForm>
    }
}

/// `/hoi-dap/theo-doi?ma=…`: a question followed by its code (`&moi=1` right after
/// asking: the code is shown to be kept).
#[component]
pub fn FollowPage() -> impl IntoView {
    let query = use_query_map();
    let code = move || query.read().get("ma").unwrap_or_default();
    let data = Resource::new(code, |code| async move {
        if code.trim().is_empty() {
            Ok(None)
        } else {
            track_question(code).await
        }
    });
    let just_asked = query.read_untracked().get("moi").as_deref() == Some("1");
    let typed = query.read_untracked().get("ma").unwrap_or_default();
    page_loader(data, move |site, found| {
        follow_view(site, found, typed.clone(), just_asked)
    })
}

fn follow_view(
    site: SiteInfo,
    found: Option<Tracked>,
    typed: String,
    just_asked: bool,
) -> impl IntoView {
    let s = tqa();
    let result = match found {
        Some(q) => tracked_view(q, just_asked).into_any(),
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
        <form class="filters qa-follow" method="get" action=FOLLOW_PATH>
            <label for="qa-ma">{s.code_label}</label>
            <input id="qa-ma" name="ma" type="text" value=typed autocomplete="off" maxlength="24" required
                placeholder="HD-XXXX-XXXX-XXXX"/>
            <button type="submit">{s.follow}</button>
        </form>
        {result}
    }
}

fn tracked_view(q: Tracked, just_asked: bool) -> impl IntoView {
    let s = tqa();
    let sent = just_asked.then(|| {
        view! {
            <div class="notice notice-info" role="status">
                <p>{s.sent}</p>
                <p>{s.your_code}" "<strong class="qa-code">{q.code.clone()}</strong></p>
                <p>{s.keep_code}</p>
            </div>
        }
    });
    let answer = q.answer.map(|doc| {
        view! {
            <section class="qa-answer" aria-labelledby="qa-tra-loi">
                <h2 id="qa-tra-loi" class="block-title">{s.answer_label}</h2>
                <div class="article-body"><DocView doc/></div>
                {q.answered.map(|d| view! { <p class="qa-meta">{d}</p> })}
            </section>
        }
    });
    let public = q
        .href
        .map(|href| view! { <p><a href=href>{s.published_at}</a></p> });
    view! {
        {sent}
        <section class="qa-tracked" aria-labelledby="qa-cau-hoi-cua-ban">
            <h2 id="qa-cau-hoi-cua-ban" class="block-title">{s.your_question}</h2>
            <dl class="doc-fields">
                <dt>{s.code_label}</dt><dd>{q.code.clone()}</dd>
                <dt>{s.status_label}</dt><dd class="qa-status">{q.status.label()}</dd>
                <dt>{s.topic_label}</dt><dd>{q.topic}</dd>
                <dt>{s.asked_on}</dt><dd>{q.asked}</dd>
            </dl>
            <div class="qa-text">{paragraphs(&q.text)}</div>
        </section>
        {answer}
        {public}
    }
}
