//! `/quan-tri/cuoc-thi` (organisers): the contests with their open round's entrants;
//! `/quan-tri/cuoc-thi/moi` and `/quan-tri/cuoc-thi/{id}`: a contest's form (title,
//! rules, period, questions a round, time limit, attempts), its question bank (added
//! in blocks, the correct choice marked, deleted while no round drew it) and its
//! rounds (made with drawn questions, entries as CSV, results published).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::admin_api::{
    AddBankQuestions, CreateRound, DeleteBankQuestion, PublishRound, SaveContest, get_contest_edit,
    get_contests_admin,
};
use super::model::{
    ADMIN_CONTESTS_PATH, ATTEMPTS_MAX, ContestEdit, INTRO_MAX, Period, QUESTIONS_MAX, RoundState,
    TITLE_MAX, contest_href, export_href,
};
use crate::components::admin::page_data;
use crate::components::{admin_content, form_done, form_error, id_param};
use crate::i18n::{fill, tqz};

#[component]
pub fn ContestsAdminPage() -> impl IntoView {
    let data = page_data(module_path!(), || (), |_| get_contests_admin());
    let s = tqz();
    admin_content(s.admin_title, data, move |contests| {
        let rows = contests
            .into_iter()
            .map(|c| {
                let open = c.open.map_or_else(
                    || s.no_round_now.to_string(),
                    |(n, entrants)| {
                        format!("{} · {}", fill(s.round_n, &[&n]), fill(s.entrants_n, &[&entrants]))
                    },
                );
                view! {
                    <tr>
                        <td><A href=format!("{ADMIN_CONTESTS_PATH}/{}", c.id)>{c.title.clone()}</A></td>
                        <td>{c.period.label()}</td>
                        <td>{c.rounds}</td>
                        <td>{open}</td>
                        <td><a href=contest_href(&c.slug)>{s.public_page}</a></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h1>{s.admin_title}</h1>
            <p><A href=format!("{ADMIN_CONTESTS_PATH}/moi") attr:class="button-primary">{s.admin_new}</A></p>
            <div class="table-wrap"><table class="desk-table">
                <thead><tr>
                    <th scope="col">{s.contest_label}</th>
                    <th scope="col">{s.period_label}</th>
                    <th scope="col">{s.rounds}</th>
                    <th scope="col">{s.state_open}</th>
                    <th scope="col">{s.public_page}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        }
    })
}

/// A contest's form, bank and rounds: `/quan-tri/cuoc-thi/moi` makes one.
#[component]
pub fn ContestEditPage() -> impl IntoView {
    let id = id_param(0);
    let save = ServerAction::<SaveContest>::new();
    let add = ServerAction::<AddBankQuestions>::new();
    let delete = ServerAction::<DeleteBankQuestion>::new();
    let round = ServerAction::<CreateRound>::new();
    let publish = ServerAction::<PublishRound>::new();
    let data = page_data(
        module_path!(),
        move || {
            (
                id(),
                save.version().get()
                    + add.version().get()
                    + delete.version().get()
                    + round.version().get()
                    + publish.version().get(),
            )
        },
        |(id, _)| get_contest_edit(id),
    );
    // a new contest, once saved, is edited at its own address
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(new_id)) = save.value().get()
            && id() == 0
        {
            navigate(
                &format!("{ADMIN_CONTESTS_PATH}/{new_id}"),
                Default::default(),
            );
        }
    });
    let s = tqz();
    admin_content(s.admin_edit, data, move |c| {
        let actions = Actions {
            add,
            delete,
            round,
            publish,
        };
        view! {
            {contest_form(&c, save)}
            {(c.id != 0).then(|| view! {
                {bank_section(&c, actions)}
                {rounds_section(&c, actions)}
            })}
            <p><A href=ADMIN_CONTESTS_PATH>{s.admin_title}</A></p>
        }
    })
}

#[derive(Clone, Copy)]
struct Actions {
    add: ServerAction<AddBankQuestions>,
    delete: ServerAction<DeleteBankQuestion>,
    round: ServerAction<CreateRound>,
    publish: ServerAction<PublishRound>,
}

fn contest_form(c: &ContestEdit, save: ServerAction<SaveContest>) -> impl IntoView + use<> {
    let s = tqz();
    let title = if c.id == 0 { s.admin_new } else { s.admin_edit };
    let periods = Period::ALL
        .into_iter()
        .map(|p| view! { <option value=p.code() selected=p == c.period>{p.label()}</option> })
        .collect_view();
    let (id, name, intro) = (c.id.to_string(), c.title.clone(), c.intro.clone());
    let (questions, limit, attempts) = (
        c.questions.to_string(),
        c.limit_minutes.to_string(),
        c.attempts.to_string(),
    );
    view! {
        <h1>{title}</h1>
        <ActionForm action=save attr:class="stacked-form qa-answer-form">
            <input type="hidden" name="id" value=id/>
            <label for="ct-ten">{s.contest_label}</label>
            <input id="ct-ten" name="contest[title]" type="text" required maxlength=TITLE_MAX.to_string() value=name/>
            <label for="ct-gioi-thieu">{s.intro_label}</label>
            <textarea id="ct-gioi-thieu" name="contest[intro]" rows="5" maxlength=INTRO_MAX.to_string()>{intro}</textarea>
            <label for="ct-ky">{s.period_label}</label>
            <select id="ct-ky" name="contest[period]">{periods}</select>
            <label for="ct-so-cau">{s.questions_label}</label>
            <input id="ct-so-cau" name="contest[questions]" type="number" min="1" max=QUESTIONS_MAX.to_string() required value=questions/>
            <label for="ct-thoi-gian">{s.limit_label}</label>
            <input id="ct-thoi-gian" name="contest[limit_minutes]" type="number" min="1" max="120" required value=limit/>
            <label for="ct-so-lan">{s.attempts_label}</label>
            <input id="ct-so-lan" name="contest[attempts]" type="number" min="1" max=ATTEMPTS_MAX.to_string() required
                value=attempts aria-describedby="ct-so-lan-goi-y"/>
            <p id="ct-so-lan-goi-y" class="field-hint">{s.attempts_hint}</p>
            {form_error(save.value())}
            {form_done(save.value(), s.saved)}
            <button type="submit" class="button-primary">{s.save}</button>
        </ActionForm>
    }
}

fn bank_section(c: &ContestEdit, a: Actions) -> impl IntoView + use<> {
    let s = tqz();
    let items = c
        .bank
        .iter()
        .map(|q| {
            let choices = q
                .entry
                .choices
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let correct = i == q.entry.answer;
                    view! {
                        <li class:correct=correct>{label.clone()}{correct.then(|| view! { " "<strong>{s.correct_mark}</strong> })}</li>
                    }
                })
                .collect_view();
            let used = (q.rounds > 0).then(|| view! { <p class="field-hint">{fill(s.used_in_rounds, &[&q.rounds])}</p> });
            let qid = q.id.to_string();
            let delete = (q.rounds == 0).then(|| view! {
                <ActionForm action=a.delete attr:class="inline-form">
                    <input type="hidden" name="id" value=qid/>
                    <button type="submit" class="button-secondary">{s.delete}</button>
                </ActionForm>
            });
            view! {
                <li class="bank-question">
                    <p>{q.entry.prompt.clone()}</p>
                    <ul>{choices}</ul>
                    {used}
                    {delete}
                </li>
            }
        })
        .collect_view();
    let contest = c.id.to_string();
    view! {
        <section class="desk-section" aria-labelledby="ngan-hang">
            <h2 id="ngan-hang">{fill(s.bank_title, &[&c.bank.len()])}</h2>
            {form_error(a.delete.value())}
            <ol class="bank-list">{items}</ol>
            <ActionForm action=a.add attr:class="stacked-form">
                <input type="hidden" name="contest" value=contest/>
                <label for="ct-them-cau">{s.bank_add}</label>
                <textarea id="ct-them-cau" name="text" rows="8" required aria-describedby="ct-them-cau-goi-y"></textarea>
                <p id="ct-them-cau-goi-y" class="field-hint">{s.bank_hint}</p>
                {form_error(a.add.value())}
                {form_done(a.add.value(), s.bank_added)}
                <button type="submit" class="button-primary">{s.bank_add_button}</button>
            </ActionForm>
        </section>
    }
}

fn rounds_section(c: &ContestEdit, a: Actions) -> impl IntoView + use<> {
    let s = tqz();
    let rows = c
        .rounds
        .iter()
        .map(|r| {
            let rid = r.id.to_string();
            let publish = matches!(r.card.state, RoundState::Closed | RoundState::Published).then(|| view! {
                <ActionForm action=a.publish attr:class="inline-form">
                    <input type="hidden" name="round" value=rid/>
                    <button type="submit" class="button-secondary">{s.publish}</button>
                </ActionForm>
            });
            view! {
                <tr>
                    <td><a href=super::model::results_href(&c.slug, r.card.number)>{fill(s.round_n, &[&r.card.number])}</a></td>
                    <td>{format!("{} – {}", r.card.opens, r.card.closes)}</td>
                    <td>{r.card.state.label()}</td>
                    <td>{r.card.entrants}</td>
                    <td><a href=export_href(r.id) download="">{s.export}</a></td>
                    <td>{publish}</td>
                </tr>
            }
        })
        .collect_view();
    let contest = c.id.to_string();
    let (opens, closes) = (c.next_opens.clone(), c.next_closes.clone());
    let hint = fill(s.round_hint, &[&c.questions]);
    view! {
        <section class="desk-section" aria-labelledby="vong-thi">
            <h2 id="vong-thi">{s.rounds}</h2>
            {form_error(a.publish.value())}
            {form_done(a.publish.value(), s.published)}
            <div class="table-wrap"><table class="desk-table">
                <thead><tr>
                    <th scope="col">{s.round}</th>
                    <th scope="col">{s.dates}</th>
                    <th scope="col">{s.state}</th>
                    <th scope="col">{s.entrants}</th>
                    <th scope="col">{s.export}</th>
                    <th scope="col">{s.publish}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
            <ActionForm action=a.round attr:class="stacked-form">
                <input type="hidden" name="contest" value=contest/>
                <h3>{s.round_new}</h3>
                <label for="ct-vong-mo">{s.opens_label}</label>
                <input id="ct-vong-mo" name="round[opens]" type="datetime-local" required value=opens/>
                <label for="ct-vong-dong">{s.closes_label}</label>
                <input id="ct-vong-dong" name="round[closes]" type="datetime-local" required value=closes/>
                <label for="ct-giai">{s.prizes_label}</label>
                <textarea id="ct-giai" name="round[prizes]" rows="4" aria-describedby="ct-giai-goi-y">{s.default_prizes}</textarea>
                <p id="ct-giai-goi-y" class="field-hint">{hint}</p>
                {form_error(a.round.value())}
                {form_done(a.round.value(), s.round_made)}
                <button type="submit" class="button-primary">{s.round_create}</button>
            </ActionForm>
        </section>
    }
}
