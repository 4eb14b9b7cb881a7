//! Bình chọn's public side, rendered on the server only (a plain form: no island, so
//! the reader's client does not grow and voting works without JavaScript): the poll
//! box (the home page's, an article's: the same for every reader, so kept pages stay
//! kept) and `/binh-chon/{id}`, the poll's page for the current reader, with the
//! results as bars once they may see them.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{VotePoll, get_poll};
use super::model::{PollState, PollView, ResultsShown, poll_href};
use crate::components::{Breadcrumb, PageMeta, form_error, id_param, page_loader};
use crate::core::site::SiteInfo;
use crate::i18n::{fill, tpl};

fn dates(p: &PollView) -> String {
    let s = tpl();
    match (p.state, &p.closes) {
        (PollState::Closed, Some(c)) => fill(s.closed_on, &[c]),
        (_, Some(c)) => format!(
            "{} · {}",
            fill(s.opens_on, &[&p.opens]),
            fill(s.closes_on, &[c])
        ),
        (_, None) => fill(s.opens_on, &[&p.opens]),
    }
}

/// The results as bars with counts and shares.
fn results(p: &PollView) -> impl IntoView + use<> {
    let s = tpl();
    let rows = p
        .choices
        .iter()
        .map(|c| {
            let (votes, share) = (c.votes.unwrap_or(0), c.share.unwrap_or(0));
            view! {
                <li>
                    <span class="poll-label">{c.label.clone()}</span>
                    <span class="poll-count">{fill(s.votes_of, &[&votes, &share])}</span>
                    <span class="poll-bar" aria-hidden="true"><span style=format!("width: {share}%")></span></span>
                </li>
            }
        })
        .collect_view();
    let total = p
        .total
        .map(|t| view! { <p class="poll-total">{fill(s.total, &[&t])}</p> });
    view! {
        <ol class="poll-results" aria-label=s.results>{rows}</ol>
        {total}
    }
}

/// The voting form: radios or tick boxes under the question.
fn vote_form(p: &PollView, heading: String) -> impl IntoView + use<> {
    let s = tpl();
    let vote = ServerAction::<VotePoll>::new();
    let kind = if p.multiple { "checkbox" } else { "radio" };
    let choices = p
        .choices
        .iter()
        .map(|c| {
            let id = format!("binh-chon-{}-{}", p.id, c.id);
            view! {
                <li>
                    <input type=kind id=id.clone() name="choices[]" value=c.id.to_string()/>
                    <label for=id>{c.label.clone()}</label>
                </li>
            }
        })
        .collect_view();
    let hint = if p.multiple {
        s.choose_many
    } else {
        s.choose_one
    };
    let (poll_id, question, href) = (p.id.to_string(), p.question.clone(), poll_href(p.id));
    view! {
        <ActionForm action=vote attr:class="poll-form">
            <input type="hidden" name="poll" value=poll_id/>
            <fieldset>
                <legend class="poll-question" id=heading>{question}</legend>
                <p class="field-hint">{hint}</p>
                <ul class="poll-choices">{choices}</ul>
            </fieldset>
            {form_error(vote.value())}
            <p class="form-actions">
                <button type="submit" class="button-primary">{s.vote}</button>
                <a href=href>{s.see_results}</a>
            </p>
        </ActionForm>
    }
}

/// A poll as every reader gets it: the form while it is open, the results once it has
/// closed, or when it opens.
pub fn poll_box(p: PollView) -> impl IntoView {
    let s = tpl();
    let heading = format!("binh-chon-{}", p.id);
    let labelled = heading.clone();
    let body = match p.state {
        PollState::Open => vote_form(&p, format!("{heading}-cau-hoi")).into_any(),
        _ => view! {
            <p class="poll-question">{p.question.clone()}</p>
            {results(&p)}
        }
        .into_any(),
    };
    view! {
        <section class="poll-box" aria-labelledby=labelled>
            <h2 class="block-title" id=heading>{s.box_title}</h2>
            {body}
            <p class="qa-meta">{dates(&p)}</p>
        </section>
    }
}

/// `/binh-chon/{id}`: the poll for this reader (`?da-binh-chon=1` right after voting).
#[component]
pub fn PollPage() -> impl IntoView {
    let id = id_param(0);
    let data = Resource::new(id, get_poll);
    let just_voted = use_query_map()
        .read_untracked()
        .get("da-binh-chon")
        .as_deref()
        == Some("1");
    page_loader(data, move |site, p| poll_page(site, p, just_voted))
}

fn poll_page(site: SiteInfo, p: PollView, just_voted: bool) -> impl IntoView {
    let s = tpl();
    let path = poll_href(p.id);
    let notice = if just_voted {
        Some(s.voted)
    } else if p.voted {
        Some(s.already_voted)
    } else {
        None
    }
    .map(|m| view! { <p class="notice notice-info" role="status">{m}</p> });
    let can_vote = p.state == PollState::Open && !p.voted;
    let shown = p.total.is_some();
    let body = if can_vote {
        view! {
            {vote_form(&p, "binh-chon-cau-hoi".into())}
            {(!shown).then(|| {
                let later = if p.shown == ResultsShown::AfterClose { s.results_later } else { s.results_after_vote };
                view! { <p class="muted">{later}</p> }
            })}
        }
        .into_any()
    } else if shown {
        view! {
            <p class="poll-question">{p.question.clone()}</p>
            {results(&p)}
        }
        .into_any()
    } else {
        view! {
            <p class="poll-question">{p.question.clone()}</p>
            <p class="muted">{s.results_later}</p>
        }
        .into_any()
    };
    view! {
        <PageMeta site title=p.question.clone() description=p.question.clone() path=path.clone()/>
        <Breadcrumb items=vec![(s.title.to_string(), path.clone())]/>
        <header class="list-header">
            <h1>{s.title}</h1>
            <p class="qa-meta">{p.state.label()}" · "{dates(&p)}</p>
        </header>
        {notice}
        <section class="poll-box poll-page">{body}</section>
    }
}
