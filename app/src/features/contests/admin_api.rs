//! Server functions of the organisers' Cuộc thi trắc nghiệm
//! (`Permission::ManageContests`): the contests, one with its bank and rounds, its
//! save, questions added to the bank in blocks or deleted, a round made (its questions
//! drawn from those of the bank no round drew), a closed round's results published
//! with its prizes, and the CSV of a round's entries. Every change is in the audit log.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{ContestEdit, ContestForm, ContestRowView, RoundForm};
use crate::core::error::AppError;

#[cfg(feature = "ssr")]
async fn organiser() -> Result<crate::features::accounts::CurrentUser, AppError> {
    use crate::features::accounts::{Permission, auth};
    auth::require(Permission::ManageContests).await
}

#[cfg(feature = "ssr")]
async fn audit(
    conn: &mut sqlx::AnyConnection,
    by: i64,
    action: &str,
    target: String,
    detail: &str,
) -> Result<(), AppError> {
    let now = crate::core::time::now();
    crate::features::audit::record(conn, Some(by), action, &target, detail, now).await?;
    Ok(())
}

/// Every contest, newest first.
#[server(input = GetUrl)]
pub async fn get_contests_admin() -> Result<Vec<ContestRowView>, AppError> {
    use super::model::RoundState;
    use super::store;
    let ctx = crate::core::state::app_context()?;
    organiser().await?;
    let now = crate::core::time::now();
    let contests = store::contests(&ctx.pool).await?;
    let ids: Vec<i64> = contests.iter().map(|c| c.id).collect();
    let rounds = store::rounds_of(&ctx.pool, &ids, None).await?;
    Ok(contests
        .into_iter()
        .map(|c| {
            let own: Vec<_> = rounds.iter().filter(|r| r.contest_id == c.id).collect();
            ContestRowView {
                id: c.id,
                rounds: own.len() as i64,
                open: own
                    .iter()
                    .find(|r| {
                        RoundState::at(r.opens_at, r.closes_at, false, now) == RoundState::Open
                    })
                    .map(|r| (r.number, r.entrants)),
                title: c.title,
                slug: c.slug,
                period: c.period,
            }
        })
        .collect())
}

/// A contest with its bank and rounds; id 0 is a new one (weekly, 10 questions in
/// 15 minutes, one attempt).
#[server(input = GetUrl)]
pub async fn get_contest_edit(id: i64) -> Result<ContestEdit, AppError> {
    use super::model::{BankView, Period, RoundAdmin};
    use super::store::desk;
    use crate::core::time::local_input;
    let ctx = crate::core::state::app_context()?;
    organiser().await?;
    let now = crate::core::time::now();
    let mut edit = ContestEdit {
        id: 0,
        slug: String::new(),
        title: String::new(),
        intro: String::new(),
        period: Period::Week,
        questions: 10,
        limit_minutes: 15,
        attempts: 1,
        bank: Vec::new(),
        rounds: Vec::new(),
        next_opens: String::new(),
        next_closes: String::new(),
    };
    if id == 0 {
        return Ok(edit);
    }
    let mut conn = ctx.pool.acquire().await?;
    let c = desk::contest_by_id(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let rounds = desk::rounds(&mut conn, id).await?;
    drop(conn);
    let bank = desk::bank(&ctx.pool, id).await?;
    // the next round opens when the last one closes (or now), for the period's length
    let opens = rounds.first().map_or(now, |r| r.closes_at.max(now));
    edit.next_opens = local_input(opens);
    edit.next_closes = local_input(opens + c.period.days() * 86_400);
    edit.rounds = rounds
        .iter()
        .map(|r| RoundAdmin {
            id: r.id,
            card: super::api::round_card(r, now),
            prizes: r.prizes.clone(),
        })
        .collect();
    edit.bank = bank
        .into_iter()
        .map(|b| BankView {
            id: b.id,
            entry: b.entry,
            rounds: b.rounds,
        })
        .collect();
    Ok(ContestEdit {
        id,
        slug: c.slug,
        title: c.title,
        intro: c.intro,
        period: c.period,
        questions: c.questions,
        limit_minutes: (c.limit_seconds + 59) / 60,
        attempts: c.attempts,
        ..edit
    })
}

/// Creates (`id` 0) or changes a contest; its id.
#[server]
pub async fn save_contest(id: i64, contest: ContestForm) -> Result<i64, AppError> {
    use super::model::{
        ATTEMPTS_MAX, INTRO_MAX, LIMIT_MAX, LIMIT_MIN, Period, QUESTIONS_MAX, TITLE_MAX, TITLE_MIN,
    };
    use super::store::desk::{self, ContestFields};
    use crate::i18n::tqz;
    let ctx = crate::core::state::app_context()?;
    let me = organiser().await?;
    let s = tqz();
    let title = crate::core::text::nfc(
        &contest
            .title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    if !(TITLE_MIN..=TITLE_MAX).contains(&title.chars().count()) {
        return Err(AppError::Invalid(s.title_invalid.into()));
    }
    let intro = crate::core::text::nfc(contest.intro.trim());
    if intro.chars().count() > INTRO_MAX {
        return Err(AppError::Invalid(s.intro_invalid.into()));
    }
    let number = |v: &str, range: std::ops::RangeInclusive<i64>, message: &str| {
        v.trim()
            .parse::<i64>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or(AppError::Invalid(message.into()))
    };
    let fields = ContestFields {
        title: &title,
        intro: &intro,
        period: Period::parse(&contest.period).ok_or(AppError::Invalid(s.period_invalid.into()))?,
        questions: number(&contest.questions, 1..=QUESTIONS_MAX, s.questions_invalid)?,
        limit_seconds: number(
            &contest.limit_minutes,
            LIMIT_MIN / 60..=LIMIT_MAX / 60,
            s.limit_invalid,
        )? * 60,
        attempts: number(&contest.attempts, 1..=ATTEMPTS_MAX, s.attempts_invalid)?,
    };
    let now = crate::core::time::now();
    let turn = ctx.write_turn().await;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let (id, action) = if id == 0 {
        let slug = crate::core::text::slugify(&title);
        (
            desk::create_contest(&mut tx, &slug, &fields, Some(me.id), now).await?,
            "contest.create",
        )
    } else {
        if !desk::update_contest(&mut tx, id, &fields, now).await? {
            return Err(AppError::NotFound);
        }
        (id, "contest.update")
    };
    audit(&mut tx, me.id, action, format!("contest:{id}"), &title).await?;
    tx.commit().await?;
    drop(turn);
    Ok(id)
}

/// Adds the questions typed in `text` (see `model::parse_bank`) to a contest's bank;
/// how many were added. Nothing is added when one block is wrong.
#[server]
pub async fn add_bank_questions(contest: i64, text: String) -> Result<i64, AppError> {
    use super::store::desk;
    let ctx = crate::core::state::app_context()?;
    let me = organiser().await?;
    let entries =
        super::model::parse_bank(&crate::core::text::nfc(&text)).map_err(AppError::Invalid)?;
    let now = crate::core::time::now();
    let turn = ctx.write_turn().await;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    if desk::contest_by_id(&mut tx, contest).await?.is_none() {
        return Err(AppError::NotFound);
    }
    desk::add_questions(&mut tx, contest, &entries, now).await?;
    let n = entries.len() as i64;
    audit(
        &mut tx,
        me.id,
        "contest.questions_add",
        format!("contest:{contest}"),
        &n.to_string(),
    )
    .await?;
    tx.commit().await?;
    drop(turn);
    Ok(n)
}

/// Deletes a bank question; 409 when a round drew it.
#[server]
pub async fn delete_bank_question(id: i64) -> Result<(), AppError> {
    use super::store::desk::{self, Deleted};
    use crate::i18n::tqz;
    let ctx = crate::core::state::app_context()?;
    let me = organiser().await?;
    let turn = ctx.write_turn().await;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let contest = match desk::delete_question(&mut tx, id).await? {
        Deleted::Done(contest) => contest,
        Deleted::Missing => return Err(AppError::NotFound),
        Deleted::InRound => return Err(AppError::Conflict(tqz().question_in_round.into())),
    };
    audit(
        &mut tx,
        me.id,
        "contest.question_delete",
        format!("contest:{contest}"),
        &id.to_string(),
    )
    .await?;
    tx.commit().await?;
    drop(turn);
    Ok(())
}

/// Makes a contest's next round, its questions drawn at random from those of the bank
/// no round drew (an earlier round's answers are public); its number. 400 for dates or prizes that do not check, 409 when it
/// overlaps another round or the bank has too few questions.
#[server]
pub async fn create_round(contest: i64, round: RoundForm) -> Result<i64, AppError> {
    use super::model::parse_prizes;
    use super::store::desk;
    use crate::core::time::parse_input;
    use crate::i18n::tqz;
    use rand::SeedableRng;
    use rand::seq::SliceRandom;
    let ctx = crate::core::state::app_context()?;
    let me = organiser().await?;
    let s = tqz();
    let opens_at = parse_input(&round.opens).ok_or(AppError::Invalid(s.dates_invalid.into()))?;
    let closes_at = parse_input(&round.closes).ok_or(AppError::Invalid(s.dates_invalid.into()))?;
    if closes_at <= opens_at {
        return Err(AppError::Invalid(s.dates_invalid.into()));
    }
    parse_prizes(&round.prizes).map_err(AppError::Invalid)?;
    let prizes = crate::core::text::nfc(round.prizes.trim());
    let now = crate::core::time::now();
    let bank = desk::bank(&ctx.pool, contest).await?;
    let turn = ctx.write_turn().await;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let c = desk::contest_by_id(&mut tx, contest)
        .await?
        .ok_or(AppError::NotFound)?;
    let others = desk::rounds(&mut tx, contest).await?;
    if others
        .iter()
        .any(|r| opens_at < r.closes_at && closes_at > r.opens_at)
    {
        return Err(AppError::Conflict(s.rounds_overlap.into()));
    }
    // a question an earlier round drew has its answer on that round's results page:
    // a round draws only questions no round drew
    let mut fresh: Vec<_> = bank.iter().filter(|b| b.rounds == 0).collect();
    if (fresh.len() as i64) < c.questions {
        return Err(AppError::Conflict(crate::i18n::fill(
            s.bank_short,
            &[&c.questions, &fresh.len()],
        )));
    }
    let mut rng = {
        use argon2::password_hash::rand_core::{OsRng, RngCore};
        rand_chacha::ChaCha8Rng::seed_from_u64(OsRng.next_u64())
    };
    fresh.shuffle(&mut rng);
    let picked: Vec<i64> = fresh
        .into_iter()
        .take(c.questions as usize)
        .map(|b| b.id)
        .collect();
    let (id, number) =
        desk::create_round(&mut tx, contest, opens_at, closes_at, &prizes, &picked, now).await?;
    audit(
        &mut tx,
        me.id,
        "contest.round_create",
        format!("contest_round:{id}"),
        &format!("{} #{number}", c.title),
    )
    .await?;
    tx.commit().await?;
    drop(turn);
    Ok(number)
}

/// Publishes a closed round's results: its prizes go to the first entrants in results'
/// order; how many won. 409 while the round is open.
#[server]
pub async fn publish_round(round: i64) -> Result<i64, AppError> {
    use super::model::parse_prizes;
    use super::store::desk;
    use crate::i18n::tqz;
    let ctx = crate::core::state::app_context()?;
    let me = organiser().await?;
    let now = crate::core::time::now();
    let mut conn = ctx.pool.acquire().await?;
    let r = desk::round_by_id(&mut conn, round)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    // closed, and past the grace of the last sheets
    if !super::model::settled(r.closes_at, now) {
        return Err(AppError::Conflict(tqz().round_not_closed.into()));
    }
    let prizes = parse_prizes(&r.prizes).map_err(AppError::Invalid)?;
    let places: i64 = prizes.iter().map(|p| p.1).sum();
    let first = desk::standings(&ctx.pool, round, r.entrants, places).await?;
    let mut names = prizes
        .iter()
        .flat_map(|(name, n)| std::iter::repeat_n(name.clone(), *n as usize));
    let winners: Vec<(String, i64, String)> = first
        .into_iter()
        .enumerate()
        .filter_map(|(i, e)| names.next().map(|p| (e.phone, i as i64 + 1, p)))
        .collect();
    let turn = ctx.write_turn().await;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    desk::publish(&mut tx, round, &winners, now).await?;
    audit(
        &mut tx,
        me.id,
        "contest.publish",
        format!("contest_round:{round}"),
        &winners.len().to_string(),
    )
    .await?;
    tx.commit().await?;
    drop(turn);
    Ok(winners.len() as i64)
}

/// The CSV of a round's entries in results' order, for organisers (the request's
/// `headers` carry the session): (file name, body). 401/403 for others, 404 for no
/// such round. The export is in the audit log: it holds the entrants' personal data.
#[cfg(feature = "ssr")]
pub async fn export_csv(
    ctx: &crate::core::state::AppContext,
    headers: &http::HeaderMap,
    round: i64,
) -> Result<(String, String), AppError> {
    use super::model::{csv_cell, took};
    use super::store::desk;
    use crate::features::accounts::{Permission, auth};
    use crate::i18n::tqz;
    let me = match auth::user_of_headers(ctx, headers).await? {
        Some(u) if u.can(Permission::ManageContests) => u,
        Some(_) => return Err(AppError::Forbidden),
        None => return Err(AppError::SignInRequired),
    };
    let mut conn = ctx.pool.acquire().await?;
    let r = desk::round_by_id(&mut conn, round)
        .await?
        .ok_or(AppError::NotFound)?;
    let c = desk::contest_by_id(&mut conn, r.contest_id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    let rows = desk::standings(&ctx.pool, round, r.entrants, i64::MAX).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let csv_err = |e: csv::Error| AppError::internal("csv", e);
    out.write_record(tqz().csv_columns).map_err(csv_err)?;
    for (i, e) in rows.iter().enumerate() {
        out.write_record([
            (i + 1).to_string(),
            csv_cell(&e.name),
            e.birth_date.clone(),
            e.phone.clone(),
            csv_cell(&e.unit),
            e.score.to_string(),
            e.prediction.to_string(),
            (e.prediction - r.entrants).abs().to_string(),
            format!("{:.1}", e.duration_ms as f64 / 1000.0),
            took(e.duration_ms),
            e.attempts.to_string(),
            crate::core::time::short_date(e.submitted_ms / 1000),
            csv_cell(e.prize.as_deref().unwrap_or_default()),
        ])
        .map_err(csv_err)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| AppError::internal("csv", e.into_error()))?;
    // a byte-order mark: spreadsheets then read the Vietnamese as UTF-8
    let body = format!("\u{feff}{}", String::from_utf8_lossy(&bytes));
    let mut conn = ctx.pool.acquire().await?;
    audit(
        &mut conn,
        me.id,
        "contest.export",
        format!("contest_round:{round}"),
        &rows.len().to_string(),
    )
    .await?;
    Ok((format!("{}-vong-{}.csv", c.slug, r.number), body))
}
