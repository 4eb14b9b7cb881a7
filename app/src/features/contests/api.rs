//! Server functions of Cuộc thi trắc nghiệm's public side: the contests, a contest's
//! page with its open round and live count of entrants, the start of an attempt
//! (through the reader-submission guard; the phone is the one-entry key), the
//! attempt's sheet (questions and choices in the attempt's own order, never which one
//! is correct), the submission (scored here, refused past the time limit) and a
//! round's results. Plain forms go on to the next page.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{ContestPage, QuizResult, RoundResults, Sheet};
use crate::core::error::AppError;

#[cfg(feature = "ssr")]
fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

#[cfg(feature = "ssr")]
pub(super) fn round_card(r: &super::store::RoundRow, now: i64) -> super::model::RoundCard {
    use super::model::{RoundCard, RoundState};
    use crate::core::time::short_date;
    RoundCard {
        number: r.number,
        state: RoundState::at(r.opens_at, r.closes_at, r.published_at.is_some(), now),
        opens: short_date(r.opens_at),
        closes: short_date(r.closes_at),
        entrants: r.entrants,
    }
}

#[cfg(feature = "ssr")]
fn contest_card(
    c: super::store::ContestRow,
    rounds: &[super::store::RoundRow],
    now: i64,
) -> super::model::ContestCard {
    use super::model::{ContestCard, RoundState};
    let rounds: Vec<_> = rounds
        .iter()
        .filter(|r| r.contest_id == c.id)
        .map(|r| round_card(r, now))
        .collect();
    ContestCard {
        open: rounds.iter().find(|r| r.state == RoundState::Open).cloned(),
        rounds,
        slug: c.slug,
        title: c.title,
        intro: c.intro,
        period: c.period,
        questions: c.questions,
        limit_minutes: (c.limit_seconds + 59) / 60,
        attempts: c.attempts,
    }
}

/// Every contest, with its rounds that have opened.
#[server(input = GetUrl)]
pub async fn get_contests() -> Result<Vec<super::model::ContestCard>, AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let contests = store::contests(&ctx.pool).await?;
    let ids: Vec<i64> = contests.iter().map(|c| c.id).collect();
    let rounds = store::rounds_of(&ctx.pool, &ids, Some(now)).await?;
    Ok(contests
        .into_iter()
        .map(|c| contest_card(c, &rounds, now))
        .collect())
}

/// A contest's page: its rules, its open round with the entrants so far, its past
/// rounds, and a fresh form-time token for the entry form.
#[server(input = GetUrl)]
pub async fn get_contest(slug: String) -> Result<ContestPage, AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let contest = store::contest_by_slug(&ctx.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let (rounds, token) = tokio::try_join!(
        async { Ok::<_, AppError>(store::rounds_of(&ctx.pool, &[contest.id], Some(now)).await?) },
        crate::features::guard::form_token()
    )?;
    Ok(ContestPage {
        contest: contest_card(contest, &rounds, now),
        token,
    })
}

/// An entrant starts the open round of `contest` (its slug): name, date of birth
/// (`YYYY-MM-DD`), phone, unit or address; `website` is the honeypot and `started` the
/// form-time token. Returns the attempt's secret; a plain form goes on to the sheet.
/// 404 for no such contest, 409 when no round is open or the phone used its attempts,
/// 400 for what does not check, 429 over the limits.
#[server]
pub async fn start_quiz(
    contest: String,
    name: String,
    birth: String,
    phone: String,
    unit: String,
    website: String,
    started: String,
) -> Result<String, AppError> {
    use super::model::{RoundState, check_entrant, sheet_href};
    use super::store::{self, NewAttempt, Started};
    use crate::features::guard::{self, Form, Kind};
    use crate::i18n::tqz;
    let ctx = crate::core::state::app_context()?;
    let visitor = guard::admit(
        Kind::Quiz,
        Form {
            honeypot: Some(&website),
            started: Some(&started),
        },
    )
    .await?;
    // one reading of the clock: the round is open at the attempt's start
    let start_ms = now_ms();
    let now = start_ms / 1000;
    let today = crate::core::time::local(now).date_naive();
    let who = check_entrant(
        &crate::core::text::nfc(&name),
        &birth,
        &phone,
        &crate::core::text::nfc(&unit),
        today,
    )
    .map_err(AppError::Invalid)?;
    let c = store::contest_by_slug(&ctx.pool, &contest)
        .await?
        .ok_or(AppError::NotFound)?;
    let rounds = store::rounds_of(&ctx.pool, &[c.id], Some(now)).await?;
    let round = rounds
        .iter()
        .find(|r| RoundState::at(r.opens_at, r.closes_at, false, now) == RoundState::Open)
        .ok_or(AppError::Conflict(tqz().no_open_round.into()))?;
    let token = crate::core::text::new_token();
    let seed = {
        use argon2::password_hash::rand_core::{OsRng, RngCore};
        OsRng.next_u64() as i64
    };
    let attempt = NewAttempt {
        round: round.id,
        who: &who,
        allowed: c.attempts,
        token: &token,
        seed,
        now_ms: start_ms,
        deadline_ms: (start_ms + c.limit_seconds * 1000).min(round.closes_at * 1000),
        visitor_key: &visitor.key,
    };
    let turn = ctx.write_turn().await;
    let started = store::start(&ctx.pool, &attempt).await;
    drop(turn);
    crate::core::view_counts::tell_changed(crate::core::view_counts::Changed::Nothing);
    let token = match started? {
        Started::Attempt(token) => token,
        Started::Used => return Err(AppError::Conflict(tqz().attempts_used.into())),
    };
    crate::core::state::keep_private();
    if crate::core::state::is_plain_form_post() {
        leptos_axum::redirect(&sheet_href(&c.slug, &token));
    }
    Ok(token)
}

/// An attempt's page by its secret: the sheet while time is left (the questions and
/// choices in the attempt's order, nothing of which one is right), else its result or
/// that time ran out. 404 for a secret that is no attempt's.
#[server(input = GetUrl)]
pub async fn get_sheet(ma: String) -> Result<Sheet, AppError> {
    use super::model::{GRACE_MS, SheetQuestion, SheetState, sheet_order};
    use super::store;
    let ctx = crate::core::state::app_context()?;
    // the secret is the entrant's: the page is theirs alone
    crate::core::state::keep_private();
    let mut conn = ctx.pool.acquire().await?;
    let a = store::attempt(&mut conn, ma.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let questions = store::round_questions(&mut conn, a.round_id).await?;
    let now = now_ms();
    let state = if a.submitted_ms.is_some() {
        SheetState::Done(result_of(&ctx.pool, &a, questions.len() as i64).await?)
    } else if now > a.deadline_ms + GRACE_MS {
        SheetState::Expired
    } else {
        let counts: Vec<usize> = questions.iter().map(|q| q.choices.len()).collect();
        let (order, perms) = sheet_order(a.seed as u64, &counts);
        let sheet = order
            .iter()
            .zip(&perms)
            .map(|(q, perm)| SheetQuestion {
                prompt: questions[*q].prompt.clone(),
                choices: perm
                    .iter()
                    .map(|c| questions[*q].choices[*c].clone())
                    .collect(),
            })
            .collect();
        let deadline = a.deadline_ms / 1000;
        SheetState::Open {
            questions: sheet,
            seconds_left: ((a.deadline_ms - now) / 1000).max(0),
            deadline: crate::core::time::local(deadline)
                .format("%H:%M:%S")
                .to_string(),
            deadline_iso: crate::core::time::iso(deadline),
        }
    };
    Ok(Sheet {
        contest_title: a.contest.title.clone(),
        contest_slug: a.contest.slug.clone(),
        round: a.round_number,
        name: a.name.clone(),
        token: ma.trim().to_string(),
        limit_minutes: (a.contest.limit_seconds + 59) / 60,
        state,
    })
}

#[cfg(feature = "ssr")]
async fn result_of(
    pool: &sqlx::AnyPool,
    a: &super::store::AttemptRow,
    of: i64,
) -> Result<QuizResult, AppError> {
    let (made, first) = tokio::try_join!(
        super::store::attempts_of(pool, a.round_id, &a.phone),
        super::store::first_start(pool, a.round_id, &a.phone)
    )?;
    Ok(QuizResult {
        score: a.score.unwrap_or(0),
        of,
        took: super::model::took(a.submitted_ms.unwrap_or(a.started_ms) - first.min(a.started_ms)),
        prediction: a.prediction.unwrap_or(0),
        attempts: (made, a.contest.attempts),
    })
}

/// Submits an attempt: `answers[i]` is the choice (its place as shown) for the `i`-th
/// question as shown; `prediction` the tie-break answer. Scored here; 409 past the
/// time limit or for an attempt already in, 400 for a prediction that is no number.
/// A plain form goes on to the attempt's page, which shows the result.
#[server]
pub async fn submit_quiz(
    ma: String,
    answers: Option<HashMap<String, String>>,
    prediction: String,
) -> Result<QuizResult, AppError> {
    use super::model::{GRACE_MS, PREDICTION_MAX, Standing, sheet_href, sheet_order};
    use super::store::{self, Submission};
    use crate::i18n::tqz;
    let ctx = crate::core::state::app_context()?;
    crate::core::state::keep_private();
    let now = now_ms();
    let mut conn = ctx.pool.acquire().await?;
    let a = store::attempt(&mut conn, ma.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    if a.submitted_ms.is_some() {
        return Err(AppError::Conflict(tqz().already_in.into()));
    }
    if now > a.deadline_ms + GRACE_MS || a.published {
        return Err(AppError::Conflict(tqz().time_up.into()));
    }
    let prediction: i64 = prediction
        .trim()
        .replace(['.', ',', ' '], "")
        .parse()
        .ok()
        .filter(|p| (0..=PREDICTION_MAX).contains(p))
        .ok_or(AppError::Invalid(tqz().prediction_invalid.into()))?;
    let questions = store::round_questions(&mut conn, a.round_id).await?;
    drop(conn);
    // the time taken counts from the phone's first start in the round
    let first = store::first_start(&ctx.pool, a.round_id, &a.phone).await?;
    let counts: Vec<usize> = questions.iter().map(|q| q.choices.len()).collect();
    let (order, perms) = sheet_order(a.seed as u64, &counts);
    let answers = answers.unwrap_or_default();
    // what was chosen, by question as the round orders them (None: left blank)
    let mut chosen: Vec<Option<usize>> = vec![None; questions.len()];
    for (shown, (q, perm)) in order.iter().zip(&perms).enumerate() {
        chosen[*q] = answers
            .get(&shown.to_string())
            .and_then(|v| v.trim().parse::<usize>().ok())
            .and_then(|c| perm.get(c).copied());
    }
    let score = questions
        .iter()
        .zip(&chosen)
        .filter(|(q, c)| **c == Some(q.answer))
        .count() as i64;
    let record: Vec<(i64, i64)> = questions
        .iter()
        .zip(&chosen)
        .map(|(q, c)| (q.id, c.map_or(-1, |c| c as i64)))
        .collect();
    let record = serde_json::to_string(&record).map_err(|e| AppError::internal("answers", e))?;
    let standing = Standing {
        score,
        prediction,
        duration_ms: (now - first.min(a.started_ms)).max(0),
        submitted_ms: now,
    };
    let turn = ctx.write_turn().await;
    let stored = store::submit(
        &ctx.pool,
        &Submission {
            attempt: a.id,
            round: a.round_id,
            phone: &a.phone,
            answers: &record,
            standing,
        },
    )
    .await;
    drop(turn);
    crate::core::view_counts::tell_changed(crate::core::view_counts::Changed::Nothing);
    if !stored? {
        return Err(AppError::Conflict(tqz().already_in.into()));
    }
    tracing::info!(attempt = a.id, score, "quiz entry stored");
    let of = questions.len() as i64;
    let done = super::store::AttemptRow {
        submitted_ms: Some(now),
        score: Some(score),
        prediction: Some(prediction),
        ..a
    };
    let result = result_of(&ctx.pool, &done, of).await?;
    if crate::core::state::is_plain_form_post() {
        leptos_axum::redirect(&sheet_href(&done.contest.slug, ma.trim()));
    }
    Ok(result)
}

/// A round's results: its entrants; once it has closed, its questions with their
/// answers; once the organisers publish them, its prize winners. 404 for a round that
/// has not opened.
#[server(input = GetUrl)]
pub async fn get_round_results(slug: String, number: i64) -> Result<RoundResults, AppError> {
    use super::model::{RoundState, Winner, masked_phone, settled, took};
    use super::store::{self, desk};
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let c = store::contest_by_slug(&ctx.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let r = store::round_by_number(&ctx.pool, c.id, number)
        .await?
        .filter(|r| r.opens_at <= now)
        .ok_or(AppError::NotFound)?;
    let card = round_card(&r, now);
    let mut conn = ctx.pool.acquire().await?;
    let questions = store::round_questions(&mut conn, r.id).await?;
    drop(conn);
    // the answers once no sheet can come in any more
    let answers = if settled(r.closes_at, now) {
        questions
            .iter()
            .map(|q| {
                let answer = q.choices.get(q.answer).cloned().unwrap_or_default();
                (q.prompt.clone(), answer)
            })
            .collect()
    } else {
        Vec::new()
    };
    let winners = if card.state == RoundState::Published {
        desk::winners(&ctx.pool, r.id)
            .await?
            .into_iter()
            .map(|(rank, prize, w)| Winner {
                rank,
                prize,
                name: w.name,
                unit: w.unit,
                phone: masked_phone(&w.phone),
                score: w.score,
                prediction: w.prediction,
                took: took(w.duration_ms),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(RoundResults {
        contest_title: c.title,
        contest_slug: c.slug,
        round: card,
        of: questions.len() as i64,
        winners,
        answers,
    })
}
