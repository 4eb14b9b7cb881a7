//! Cuộc thi trắc nghiệm's public pages, rendered on the server only (plain forms: no
//! island, so the reader's client does not grow and an entry works without
//! JavaScript): `/cuoc-thi`, a contest's page with its rules, open round, count of
//! entrants and entry form, the attempt's sheet (`/cuoc-thi/{slug}/lam-bai?ma=…`) and
//! a round's results (`/cuoc-thi/{slug}/vong/{n}`).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{StartQuiz, SubmitQuiz, get_contest, get_contests, get_round_results, get_sheet};
use super::model::{
    CONTESTS_PATH, ContestCard, ContestPage, NAME_MAX, PREDICTION_MAX, QuizResult, RoundCard,
    RoundResults, RoundState, Sheet, SheetState, UNIT_MAX, contest_href, results_href,
};
use crate::components::form::guard_fields;
use crate::components::{Breadcrumb, PageMeta, form_error, page_loader, paragraphs};
use crate::core::site::SiteInfo;
use crate::i18n::{fill, tqz};

fn crumbs(more: Option<(String, String)>) -> Vec<(String, String)> {
    let mut out = vec![(tqz().title.to_string(), CONTESTS_PATH.to_string())];
    out.extend(more);
    out
}

fn rules(c: &ContestCard) -> impl IntoView + use<> {
    let s = tqz();
    let attempts = if c.attempts > 1 {
        fill(s.rule_attempts, &[&c.attempts])
    } else {
        s.rule_one_attempt.to_string()
    };
    view! {
        <ul class="contest-rules">
            <li>{fill(s.rule_rounds, &[&c.period.label()])}</li>
            <li>{fill(s.rule_questions, &[&c.questions, &c.limit_minutes])}</li>
            <li>{attempts}</li>
            <li>{s.rule_ranking}</li>
        </ul>
    }
}

fn round_line(slug: &str, r: &RoundCard) -> impl IntoView + use<> {
    let s = tqz();
    let href = results_href(slug, r.number);
    view! {
        <tr>
            <td><a href=href>{fill(s.round_n, &[&r.number])}</a></td>
            <td>{format!("{} – {}", r.opens, r.closes)}</td>
            <td>{r.state.label()}</td>
            <td>{r.entrants}</td>
        </tr>
    }
}

fn rounds_table(c: &ContestCard) -> impl IntoView + use<> {
    let s = tqz();
    let rows = c
        .rounds
        .iter()
        .map(|r| round_line(&c.slug, r))
        .collect_view();
    (!c.rounds.is_empty()).then(|| {
        view! {
            <section class="related" aria-labelledby="cac-vong-thi">
                <h2 id="cac-vong-thi" class="block-title">{s.rounds}</h2>
                <div class="table-wrap"><table class="desk-table">
                    <thead><tr>
                        <th scope="col">{s.round}</th>
                        <th scope="col">{s.dates}</th>
                        <th scope="col">{s.state}</th>
                        <th scope="col">{s.entrants}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table></div>
            </section>
        }
    })
}

/// `/cuoc-thi`: every contest, its open round first.
#[component]
pub fn ContestsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_contests());
    page_loader(data, |site: SiteInfo, contests: Vec<ContestCard>| {
        let s = tqz();
        let items = contests
            .into_iter()
            .map(|c| {
                let open = c.open.as_ref().map(|r| {
                    view! {
                        <p class="contest-open">
                            <strong>{fill(s.round_n, &[&r.number])}</strong>" · "{s.state_open}" · "
                            {fill(s.closes_on, &[&r.closes])}" · "{fill(s.entrants_n, &[&r.entrants])}
                        </p>
                    }
                });
                view! {
                    <li class="contest-card">
                        <h2><a href=contest_href(&c.slug)>{c.title.clone()}</a></h2>
                        {open}
                        {rules(&c)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <PageMeta site title=s.title description=s.intro path=CONTESTS_PATH/>
            <Breadcrumb items=crumbs(None)/>
            <header class="list-header">
                <h1>{s.title}</h1>
                <p class="list-description">{s.intro}</p>
            </header>
            <ul class="contest-list">{items}</ul>
        }
    })
}

/// `/cuoc-thi/{slug}`: a contest, its open round with the entry form.
#[component]
pub fn ContestPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_contest,
    );
    page_loader(data, contest_view)
}

fn contest_view(site: SiteInfo, page: ContestPage) -> impl IntoView {
    let s = tqz();
    let c = page.contest;
    let path = contest_href(&c.slug);
    let body = match &c.open {
        Some(r) => entry_form(&c, r, page.token).into_any(),
        None => {
            view! { <p class="notice notice-info" role="status">{s.no_open_round}</p> }.into_any()
        }
    };
    view! {
        <PageMeta site title=c.title.clone() description=c.title.clone() path=path.clone()/>
        <Breadcrumb items=crumbs(Some((c.title.clone(), path)))/>
        <header class="list-header">
            <h1>{c.title.clone()}</h1>
        </header>
        <div class="contest-intro">{paragraphs(&c.intro)}</div>
        {rules(&c)}
        {body}
        {rounds_table(&c)}
    }
}

fn entry_form(c: &ContestCard, r: &RoundCard, token: String) -> impl IntoView + use<> {
    let s = tqz();
    let start = ServerAction::<StartQuiz>::new();
    let required = || view! { <span class="required" aria-hidden="true">" *"</span> };
    let slug = c.slug.clone();
    let hint = fill(s.start_hint, &[&c.questions, &c.limit_minutes]);
    view! {
        <section class="contest-round" aria-labelledby="vong-dang-mo">
            <h2 id="vong-dang-mo" class="block-title">{fill(s.round_n, &[&r.number])}</h2>
            <p class="contest-count" role="status">
                <span class="count">{r.entrants}</span>" "{s.entrants_so_far}
            </p>
            <p class="qa-meta">{fill(s.open_until, &[&r.opens, &r.closes])}</p>
            <ActionForm action=start attr:class="stacked-form contest-form" attr:id="du-thi">
                <input type="hidden" name="contest" value=slug/>
                {guard_fields(token, "ct-")}
                <label for="ct-ho-ten">{s.name_label}{required()}</label>
                <input id="ct-ho-ten" name="name" type="text" required minlength="2" maxlength=NAME_MAX.to_string() autocomplete="name"/>
                <label for="ct-ngay-sinh">{s.birth_label}{required()}</label>
                <input id="ct-ngay-sinh" name="birth" type="date" required autocomplete="bday"/>
                <label for="ct-dien-thoai">{s.phone_label}{required()}</label>
                <input id="ct-dien-thoai" name="phone" type="tel" required inputmode="tel" autocomplete="tel"
                    aria-describedby="ct-dien-thoai-goi-y"/>
                <p id="ct-dien-thoai-goi-y" class="field-hint">{s.phone_hint}</p>
                <label for="ct-don-vi">{s.unit_label}{required()}</label>
                <input id="ct-don-vi" name="unit" type="text" required minlength="3" maxlength=UNIT_MAX.to_string()
                    autocomplete="street-address"/>
                <p class="field-hint">{hint}</p>
                {form_error(start.value())}
                <button type="submit" class="button-primary">{s.start}</button>
            </ActionForm>
        </section>
    }
}

/// `/cuoc-thi/{slug}/lam-bai?ma=…`: an attempt's sheet, or its result.
#[component]
pub fn SheetPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
        move || query.read().get("ma").unwrap_or_default(),
        get_sheet,
    );
    page_loader(data, sheet_view)
}

fn sheet_view(site: SiteInfo, sheet: Sheet) -> impl IntoView {
    let s = tqz();
    let contest = contest_href(&sheet.contest_slug);
    let title = format!(
        "{} – {}",
        sheet.contest_title,
        fill(s.round_n, &[&sheet.round])
    );
    let body = match sheet.state {
        SheetState::Open {
            questions,
            seconds_left,
            deadline,
            deadline_iso,
        } => {
            let submit = ServerAction::<SubmitQuiz>::new();
            let items = questions
                .into_iter()
                .enumerate()
                .map(|(i, q)| {
                    let choices = q
                        .choices
                        .into_iter()
                        .enumerate()
                        .map(|(j, label)| {
                            let id = format!("cau-{i}-{j}");
                            view! {
                                <li>
                                    <input type="radio" id=id.clone() name=format!("answers[{i}]") value=j.to_string()/>
                                    <label for=id>{label}</label>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <fieldset class="quiz-question">
                            <legend><span class="quiz-number">{fill(s.question_n, &[&(i + 1)])}</span>" "{q.prompt}</legend>
                            <ul class="poll-choices">{choices}</ul>
                        </fieldset>
                    }
                })
                .collect_view();
            view! {
                <p class="notice notice-warn" role="status">
                    {fill(s.deadline_notice, &[&sheet.name])}" "
                    <time datetime=deadline_iso>{deadline}</time>
                    {fill(s.minutes_left, &[&((seconds_left + 59) / 60)])}
                </p>
                <ActionForm action=submit attr:class="quiz-form" attr:id="bai-thi">
                    <input type="hidden" name="ma" value=sheet.token.clone()/>
                    {items}
                    <fieldset class="quiz-question quiz-prediction">
                        <legend><span class="quiz-number">{s.prediction_title}</span>" "{s.prediction_prompt}</legend>
                        <label for="du-doan">{s.prediction_label}</label>
                        <input id="du-doan" name="prediction" type="number" min="0" max=PREDICTION_MAX.to_string()
                            required inputmode="numeric"/>
                    </fieldset>
                    {form_error(submit.value())}
                    <button type="submit" class="button-primary">{s.submit}</button>
                </ActionForm>
            }
            .into_any()
        }
        SheetState::Done(result) => result_view(&result, &contest).into_any(),
        SheetState::Expired => view! {
            <p class="notice notice-warn" role="alert">{s.time_up}</p>
            <p><a href=contest.clone()>{s.back_to_contest}</a></p>
        }
        .into_any(),
    };
    view! {
        <PageMeta site title=title.clone() description=sheet.contest_title.clone() path=contest.clone()/>
        <Breadcrumb items=crumbs(Some((sheet.contest_title.clone(), contest.clone())))/>
        <header class="list-header">
            <h1>{title}</h1>
            <p class="qa-meta">{fill(s.limit_of, &[&sheet.limit_minutes])}</p>
        </header>
        {body}
    }
}

fn result_view(r: &QuizResult, contest: &str) -> impl IntoView + use<> {
    let s = tqz();
    let again = (r.attempts.0 < r.attempts.1)
        .then(|| fill(s.attempts_left, &[&(r.attempts.1 - r.attempts.0)]));
    view! {
        <section class="quiz-result" aria-labelledby="ket-qua-bai-thi">
            <h2 id="ket-qua-bai-thi" class="block-title">{s.your_result}</h2>
            <p class="quiz-score">{fill(s.score_of, &[&r.score, &r.of])}</p>
            <ul class="contest-rules">
                <li>{fill(s.took_label, &[&r.took])}</li>
                <li>{fill(s.prediction_given, &[&r.prediction])}</li>
                {again.map(|a| view! { <li>{a}</li> })}
            </ul>
            <p class="muted">{s.result_note}</p>
            <p><a href=contest.to_string()>{s.back_to_contest}</a></p>
        </section>
    }
}

/// `/cuoc-thi/{slug}/vong/{n}`: a round's entrants, answers once closed, winners once
/// published.
#[component]
pub fn RoundResultsPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        params.with(|p| {
            let slug = p.get("slug").unwrap_or_default();
            let n = p.get("n").and_then(|n| n.parse().ok()).unwrap_or(0);
            (slug, n)
        })
    };
    let data = Resource::new(key, |(slug, n)| get_round_results(slug, n));
    page_loader(data, results_view)
}

fn results_view(site: SiteInfo, r: RoundResults) -> impl IntoView {
    let s = tqz();
    let contest = contest_href(&r.contest_slug);
    let path = results_href(&r.contest_slug, r.round.number);
    let title = format!(
        "{} – {}",
        r.contest_title,
        fill(s.round_n, &[&r.round.number])
    );
    let winners = (!r.winners.is_empty()).then(|| {
        let rows = r
            .winners
            .iter()
            .map(|w| {
                view! {
                    <tr>
                        <td>{w.rank}</td>
                        <td>{w.prize.clone()}</td>
                        <td>{w.name.clone()}</td>
                        <td>{w.unit.clone()}</td>
                        <td>{w.phone.clone()}</td>
                        <td>{fill(s.score_of, &[&w.score, &r.of])}</td>
                        <td>{w.prediction}</td>
                        <td>{w.took.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="related" aria-labelledby="nguoi-doat-giai">
                <h2 id="nguoi-doat-giai" class="block-title">{s.winners}</h2>
                <div class="table-wrap"><table class="desk-table">
                    <thead><tr>
                        <th scope="col">{s.rank}</th><th scope="col">{s.prize}</th><th scope="col">{s.name_label}</th>
                        <th scope="col">{s.unit_label}</th><th scope="col">{s.phone_label}</th><th scope="col">{s.score}</th>
                        <th scope="col">{s.prediction_label}</th><th scope="col">{s.took_title}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table></div>
            </section>
        }
    });
    let status = match r.round.state {
        RoundState::Published => None,
        RoundState::Closed => Some(s.results_soon),
        _ => Some(s.results_after_close),
    }
    .map(|m| view! { <p class="notice notice-info" role="status">{m}</p> });
    let answers = (!r.answers.is_empty()).then(|| {
        let items = r
            .answers
            .iter()
            .map(|(q, a)| view! { <li><p>{q.clone()}</p><p><strong>{a.clone()}</strong></p></li> })
            .collect_view();
        view! {
            <section class="related" aria-labelledby="dap-an">
                <h2 id="dap-an" class="block-title">{s.answers}</h2>
                <ol class="quiz-answers">{items}</ol>
            </section>
        }
    });
    view! {
        <PageMeta site title=title.clone() description=r.contest_title.clone() path=path/>
        <Breadcrumb items=crumbs(Some((r.contest_title.clone(), contest.clone())))/>
        <header class="list-header">
            <h1>{title}</h1>
            <p class="qa-meta">{r.round.state.label()}" · "{format!("{} – {}", r.round.opens, r.round.closes)}</p>
        </header>
        <p class="contest-count"><span class="count">{r.round.entrants}</span>" "{s.entrants_in_round}</p>
        {status}
        {winners}
        {answers}
        <p><a href=contest>{s.back_to_contest}</a></p>
    }
}
