//! Server functions of the editors' Bình chọn (`Permission::EditAnyArticle`): the
//! polls with their state and votes, one as its editor changes it, and the save that
//! creates or changes it (its choices fixed once someone voted), in the audit log.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{PollEdit, PollRow};
use crate::core::error::AppError;

#[cfg(feature = "ssr")]
async fn editor() -> Result<crate::features::accounts::CurrentUser, AppError> {
    use crate::features::accounts::{Permission, auth};
    auth::require(Permission::EditAnyArticle).await
}

/// Every poll, newest first.
#[server(input = GetUrl)]
pub async fn get_polls_admin() -> Result<Vec<PollRow>, AppError> {
    use super::model::PollState;
    use crate::core::time::short_date;
    let ctx = crate::core::state::app_context()?;
    editor().await?;
    let now = crate::core::time::now();
    Ok(super::store::all(&ctx.pool)
        .await?
        .into_iter()
        .map(|p| PollRow {
            id: p.id,
            question: p.question,
            state: PollState::at(p.opens_at, p.closes_at, now),
            opens: short_date(p.opens_at),
            closes: p.closes_at.map(short_date),
            total: p.voters,
            on_home: p.on_home,
            article: p.article_slug,
        })
        .collect())
}

/// A poll as its editor changes it; id 0 is a new one (opening now, on the home page).
#[server(input = GetUrl)]
pub async fn get_poll_edit(id: i64) -> Result<PollEdit, AppError> {
    use super::model::ResultsShown;
    use crate::core::time::local_input;
    let ctx = crate::core::state::app_context()?;
    editor().await?;
    if id == 0 {
        return Ok(PollEdit {
            id: 0,
            question: String::new(),
            options: String::new(),
            multiple: false,
            opens: local_input(crate::core::time::now()),
            closes: String::new(),
            shown: ResultsShown::AfterVote,
            on_home: true,
            article: String::new(),
            total: 0,
            results: Vec::new(),
        });
    }
    let p = super::store::by_id(&ctx.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(PollEdit {
        id,
        question: p.question,
        options: p
            .choices
            .iter()
            .map(|c| c.1.clone())
            .collect::<Vec<_>>()
            .join("\n"),
        multiple: p.multiple,
        opens: local_input(p.opens_at),
        closes: p.closes_at.map(local_input).unwrap_or_default(),
        shown: p.shown,
        on_home: p.on_home,
        article: p.article_slug.unwrap_or_default(),
        total: p.voters,
        results: p.choices.into_iter().map(|c| (c.1, c.2)).collect(),
    })
}

/// Creates (`id` 0) or changes a poll; returns its id. 409 when the choices change
/// after someone voted.
#[server]
pub async fn save_poll(id: i64, poll: super::model::PollForm) -> Result<i64, AppError> {
    use super::model::{QUESTION_MAX, QUESTION_MIN, ResultsShown, parse_options};
    use super::store::{self, PollFields};
    use crate::core::time::parse_input;
    use crate::i18n::tpl;
    let ctx = crate::core::state::app_context()?;
    let me = editor().await?;
    let s = tpl();
    let super::model::PollForm {
        question,
        options,
        multiple,
        opens,
        closes,
        shown,
        on_home,
        article,
    } = poll;
    let question =
        crate::core::text::nfc(&question.split_whitespace().collect::<Vec<_>>().join(" "));
    if !(QUESTION_MIN..=QUESTION_MAX).contains(&question.chars().count()) {
        return Err(AppError::Invalid(s.question_invalid.into()));
    }
    let options = parse_options(&crate::core::text::nfc(&options)).map_err(AppError::Invalid)?;
    let opens_at = parse_input(&opens).ok_or(AppError::Invalid(s.dates_invalid.into()))?;
    let closes_at = match closes.trim() {
        "" => None,
        c => Some(parse_input(c).ok_or(AppError::Invalid(s.dates_invalid.into()))?),
    };
    if closes_at.is_some_and(|c| c <= opens_at) {
        return Err(AppError::Invalid(s.dates_invalid.into()));
    }
    let shown = ResultsShown::parse(&shown).ok_or(AppError::Invalid(s.dates_invalid.into()))?;
    let slug = article
        .trim()
        .trim_start_matches("/bai-viet/")
        .trim_matches('/');
    let now = crate::core::time::now();
    let turn = ctx.write_turn().await;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let article_id = if slug.is_empty() {
        None
    } else {
        Some(
            crate::features::articles::id_by_slug(&mut tx, slug)
                .await?
                .ok_or(AppError::Invalid(s.article_unknown.into()))?,
        )
    };
    let fields = PollFields {
        question: &question,
        multiple: multiple.is_some_and(|v| !v.is_empty()),
        opens_at,
        closes_at,
        shown,
        on_home: on_home.is_some_and(|v| !v.is_empty()),
        article_id,
    };
    let (id, action) = if id == 0 {
        (
            store::create(&mut tx, &fields, &options, Some(me.id), now).await?,
            "poll.create",
        )
    } else {
        if !store::update(&mut tx, id, &fields, now).await? {
            return Err(AppError::NotFound);
        }
        if store::labels(&mut tx, id).await? != options {
            if store::vote_count(&mut tx, id).await? > 0 {
                return Err(AppError::Conflict(s.options_locked.into()));
            }
            store::set_options(&mut tx, id, &options).await?;
        }
        (id, "poll.update")
    };
    crate::features::audit::record(
        &mut tx,
        Some(me.id),
        action,
        &format!("poll:{id}"),
        &question,
        now,
    )
    .await?;
    tx.commit().await?;
    drop(turn);
    Ok(id)
}
