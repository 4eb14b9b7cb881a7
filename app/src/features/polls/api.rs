//! Server functions of Bình chọn's public side: the home page's poll, the polls of an
//! article, a poll's own page for the current reader (with the results when they may
//! see them), and the vote: one per reader (as ratings know readers), counted in the
//! vote's transaction, refused before opening and after closing. A plain form's vote
//! goes on to the poll's page.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::PollView;
use crate::core::error::AppError;

/// A poll as shown: the results only when `visible`.
#[cfg(feature = "ssr")]
fn view_of(p: super::store::PollData, now: i64, voted: bool) -> PollView {
    use super::model::{PollChoice, PollState, results_visible, shares};
    use crate::core::time::short_date;
    let state = PollState::at(p.opens_at, p.closes_at, now);
    let visible = results_visible(p.shown, state, voted);
    let counts: Vec<i64> = p.choices.iter().map(|c| c.2).collect();
    // one choice each: shares of the votes; several: of the readers who voted
    let share = if p.multiple {
        counts
            .iter()
            .map(|c| (c * 100 + p.voters / 2).checked_div(p.voters).unwrap_or(0) as u32)
            .collect()
    } else {
        shares(&counts)
    };
    let total = visible.then_some(p.voters);
    PollView {
        id: p.id,
        question: p.question,
        multiple: p.multiple,
        state,
        shown: p.shown,
        choices: p
            .choices
            .into_iter()
            .zip(share)
            .map(|((id, label, votes), share)| PollChoice {
                id,
                label,
                votes: visible.then_some(votes),
                share: visible.then_some(share),
            })
            .collect(),
        total,
        voted,
        opens: short_date(p.opens_at),
        closes: p.closes_at.map(short_date),
    }
}

/// The home page's poll, as every reader gets it (the page is kept by the cache).
#[cfg(feature = "ssr")]
pub async fn home_poll(pool: &sqlx::AnyPool) -> Result<Option<PollView>, AppError> {
    let now = crate::core::time::now();
    Ok(super::store::on_home(pool, now)
        .await?
        .map(|p| view_of(p, now, false)))
}

/// An article's polls, as every reader gets them.
#[cfg(feature = "ssr")]
pub async fn article_polls(pool: &sqlx::AnyPool, article: i64) -> Result<Vec<PollView>, AppError> {
    let now = crate::core::time::now();
    Ok(super::store::in_article(pool, article, now)
        .await?
        .into_iter()
        .map(|p| view_of(p, now, false))
        .collect())
}

/// A poll's page for the current reader: whether they voted, and the results if they
/// may see them. 404 for a poll not opened yet.
#[server(input = GetUrl)]
pub async fn get_poll(id: i64) -> Result<PollView, AppError> {
    use super::model::PollState;
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let poll = super::store::by_id(&ctx.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if PollState::at(poll.opens_at, poll.closes_at, now) == PollState::Upcoming {
        return Err(AppError::NotFound);
    }
    let visitor = crate::features::guard::current_visitor(false).await?;
    let voted = super::store::voted(&ctx.pool, id, &[&visitor.key, &visitor.address_key]).await?;
    // what this reader voted is theirs
    crate::core::state::keep_private();
    Ok(view_of(poll, now, voted))
}

/// Votes in `poll` for `choices` (one for a single-choice poll). 409 for a second
/// vote, 400 for no choice, several in a single-choice poll or another poll's choice,
/// 403 before it opens or after it closes.
#[server]
pub async fn vote_poll(poll: i64, choices: Option<Vec<i64>>) -> Result<(), AppError> {
    use super::model::{PollState, poll_href};
    use crate::features::guard::{self, Form, Kind};
    use crate::i18n::tpl;
    let ctx = crate::core::state::app_context()?;
    let visitor = guard::admit(Kind::Rating, Form::default()).await?;
    let now = crate::core::time::now();
    let data = super::store::by_id(&ctx.pool, poll)
        .await?
        .ok_or(AppError::NotFound)?;
    match PollState::at(data.opens_at, data.closes_at, now) {
        PollState::Upcoming => return Err(AppError::Invalid(tpl().not_open.into())),
        PollState::Closed => return Err(AppError::Conflict(tpl().closed.into())),
        PollState::Open => {}
    }
    let mut choices = choices.unwrap_or_default();
    choices.sort_unstable();
    choices.dedup();
    if choices.is_empty() {
        return Err(AppError::Invalid(tpl().nothing_chosen.into()));
    }
    if !data.multiple && choices.len() > 1 {
        return Err(AppError::Invalid(tpl().one_only.into()));
    }
    if !choices
        .iter()
        .all(|c| data.choices.iter().any(|(id, _, _)| id == c))
    {
        return Err(AppError::Invalid(tpl().bad_choice.into()));
    }
    let turn = ctx.write_turn().await;
    let counted = super::store::vote(
        &ctx.pool,
        poll,
        &visitor.key,
        &visitor.address_key,
        &choices,
        now,
    )
    .await;
    drop(turn);
    // the boxes on kept pages show no counts while a poll is open
    crate::core::view_counts::tell_changed(crate::core::view_counts::Changed::Nothing);
    if !counted? {
        return Err(AppError::Conflict(tpl().already_voted.into()));
    }
    if crate::core::state::is_plain_form_post() {
        leptos_axum::redirect(&format!("{}?da-binh-chon=1", poll_href(poll)));
    }
    Ok(())
}

/// A poll of the demo portal.
#[cfg(feature = "ssr")]
pub struct DemoPoll {
    pub question: &'static str,
    pub options: &'static [&'static str],
    pub multiple: bool,
    /// Days it has been open, and for how many more it stays open.
    pub opened_days_ago: i64,
    pub open_for_days: i64,
    /// Votes already given, by choice.
    pub votes: &'static [i64],
}

/// Seeds the demo's poll on the home page, unless a poll of the same question is
/// there; returns how many were added.
#[cfg(feature = "ssr")]
pub async fn seed_demo(
    pool: &sqlx::AnyPool,
    polls: &[DemoPoll],
    now: i64,
) -> Result<usize, AppError> {
    use super::model::ResultsShown;
    use super::store::{self, PollFields};
    let existing = store::all(pool).await?;
    let mut added = 0;
    for p in polls {
        if existing.iter().any(|e| e.question == p.question) {
            continue;
        }
        let options: Vec<String> = p.options.iter().map(|o| o.to_string()).collect();
        let mut tx = crate::core::state::begin_write(pool).await?;
        let id = store::create(
            &mut tx,
            &PollFields {
                question: p.question,
                multiple: p.multiple,
                opens_at: now - p.opened_days_ago * 86_400,
                closes_at: Some(now + p.open_for_days * 86_400),
                shown: ResultsShown::AfterVote,
                on_home: true,
                article_id: None,
            },
            &options,
            None,
            now,
        )
        .await?;
        for (i, n) in p.votes.iter().enumerate() {
            store::seed_votes(&mut tx, id, i as i64, *n).await?;
        }
        tx.commit().await?;
        added += 1;
    }
    Ok(added)
}
