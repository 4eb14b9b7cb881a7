//! Server functions of the handlers' Góp ý (`Permission::ModerateComments`): the queue
//! by status and age with the overdue ones apart, a piece with its notes and history,
//! the steps of its status machine (forward to a unit, answer, close) and internal
//! notes. Every step and note is in the audit log, in its own transaction.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{FeedbackAdmin, FeedbackQueue};
use crate::core::error::AppError;

#[cfg(feature = "ssr")]
async fn handler() -> Result<crate::features::accounts::CurrentUser, AppError> {
    use crate::features::accounts::{Permission, auth};
    auth::require(Permission::ModerateComments).await
}

/// The queue's tabs in order: (key, label).
pub fn tabs() -> [(&'static str, &'static str); 5] {
    let s = crate::i18n::tfb();
    [
        ("new", s.status_new),
        ("forwarded", s.status_forwarded),
        ("overdue", s.tab_overdue),
        ("answered", s.status_answered),
        ("closed", s.status_closed),
    ]
}

/// One page of a tab (an unknown tab is "new").
#[server(input = GetUrl)]
pub async fn get_feedback_queue(tab: String, page: u32) -> Result<FeedbackQueue, AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    handler().await?;
    let tab = store::TABS
        .iter()
        .find(|t| **t == tab)
        .unwrap_or(&"new")
        .to_string();
    let page = page.clamp(1, crate::core::paging::MAX_PAGE);
    let now = crate::core::time::now();
    let limit = ctx.participation.feedback_overdue_days;
    let (items, counts) = tokio::try_join!(
        store::queue(&ctx.pool, &tab, page, now, limit),
        store::counts(&ctx.pool, now, limit)
    )?;
    Ok(FeedbackQueue {
        tab,
        items,
        counts,
        overdue_days: limit,
    })
}

/// The address staff open an attachment at.
pub fn file_href(id: i64) -> String {
    format!("{}/{id}/tep", super::model::ADMIN_FEEDBACK_PATH)
}

/// A piece of feedback as its handler sees it, with its notes and history.
#[server(input = GetUrl)]
pub async fn get_feedback_admin(id: i64) -> Result<FeedbackAdmin, AppError> {
    use super::model::{FileLink, overdue_by};
    use super::store;
    use crate::core::time::short_date;
    let ctx = crate::core::state::app_context()?;
    handler().await?;
    let mut conn = ctx.pool.acquire().await?;
    let row = store::admin_row(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    let target = format!("feedback:{id}");
    let (units, notes, history) = tokio::try_join!(
        store::units(&ctx.pool),
        store::notes(&ctx.pool, id),
        crate::features::audit::history_of(&ctx.pool, &target),
    )?;
    let now = crate::core::time::now();
    Ok(FeedbackAdmin {
        id,
        status: row.status,
        subject: row.subject,
        body: row.body,
        sender: row.sender,
        contact: row.contact,
        sent: short_date(row.created_at),
        file: (!row.file_name.is_empty()).then(|| FileLink {
            href: file_href(id),
            name: row.file_original,
            mime: row.file_mime,
            size: row.file_size,
        }),
        unit: row.unit,
        units,
        answer: row.answer,
        overdue: overdue_by(
            row.status,
            row.created_at,
            now,
            ctx.participation.feedback_overdue_days,
        ),
        held_for: row.held_for,
        notes: notes
            .into_iter()
            .map(|(at, who, body)| (short_date(at), who, body))
            .collect(),
        history: history
            .into_iter()
            .map(|(at, who, what)| (short_date(at), who, what))
            .collect(),
    })
}

/// A step of the status machine: `action` "forward" (to `unit`, a unit's name: a new
/// name adds the unit), "answer" (with `answer`, which the sender reads) or "close".
/// 409 when the step does not apply to the piece's status (a closed one changes no more).
#[server]
pub async fn step_feedback(
    id: i64,
    action: String,
    unit: String,
    answer: String,
) -> Result<(), AppError> {
    use super::model::{ANSWER_MAX, FeedbackAction, UNIT_MAX};
    use super::store::{self, Step};
    use crate::i18n::tfb;
    let ctx = crate::core::state::app_context()?;
    let me = handler().await?;
    let s = tfb();
    let action =
        FeedbackAction::parse(&action).ok_or(AppError::Invalid(s.action_invalid.into()))?;
    let unit = crate::core::text::nfc(&unit.split_whitespace().collect::<Vec<_>>().join(" "));
    let answer = crate::features::comments::api::clean_body(&answer);
    match action {
        FeedbackAction::Forward if !(2..=UNIT_MAX).contains(&unit.chars().count()) => {
            return Err(AppError::Invalid(s.unit_missing.into()));
        }
        FeedbackAction::Answer if answer.is_empty() || answer.chars().count() > ANSWER_MAX => {
            return Err(AppError::Invalid(s.answer_missing.into()));
        }
        _ => {}
    }
    let now = crate::core::time::now();
    let turn = ctx.write_turn().await;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let before = store::admin_row(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = action
        .next(before.status)
        .ok_or_else(|| AppError::Conflict(s.closed_already.into()))?;
    let (unit_id, answer, event, detail) = match action {
        FeedbackAction::Forward => {
            let unit_id = store::ensure_unit(&mut tx, &unit).await?;
            (
                Some(unit_id),
                before.answer.clone(),
                "feedback.forward",
                unit,
            )
        }
        FeedbackAction::Answer => (before.unit_id, answer, "feedback.answer", String::new()),
        FeedbackAction::Close => (
            before.unit_id,
            before.answer.clone(),
            "feedback.close",
            String::new(),
        ),
    };
    store::step(
        &mut tx,
        &Step {
            id,
            status,
            unit_id,
            answer: &answer,
            answered_by: (action == FeedbackAction::Answer).then_some(me.id),
        },
        now,
    )
    .await?;
    let target = format!("feedback:{id}");
    crate::features::audit::record(&mut tx, Some(me.id), event, &target, &detail, now).await?;
    tx.commit().await?;
    drop(turn);
    // nothing of feedback is on the public pages
    crate::core::view_counts::tell_changed(crate::core::view_counts::Changed::Nothing);
    Ok(())
}

/// Adds an internal note (any status, closed ones too).
#[server]
pub async fn add_feedback_note(id: i64, note: String) -> Result<(), AppError> {
    use super::model::NOTE_MAX;
    use super::store;
    let ctx = crate::core::state::app_context()?;
    let me = handler().await?;
    let note = crate::features::comments::api::clean_body(&note);
    if !(2..=NOTE_MAX).contains(&note.chars().count()) {
        return Err(AppError::Invalid(crate::i18n::tfb().note_invalid.into()));
    }
    let now = crate::core::time::now();
    let turn = ctx.write_turn().await;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    store::admin_row(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    store::add_note(&mut tx, id, me.id, &note, now).await?;
    let target = format!("feedback:{id}");
    crate::features::audit::record(&mut tx, Some(me.id), "feedback.note", &target, "", now).await?;
    tx.commit().await?;
    drop(turn);
    crate::core::view_counts::tell_changed(crate::core::view_counts::Changed::Nothing);
    Ok(())
}

/// The dashboard's line for those who handle feedback.
#[cfg(feature = "ssr")]
pub async fn dashboard_counts(
    ctx: &crate::core::state::AppContext,
) -> Result<super::model::FeedbackCounts, AppError> {
    Ok(super::store::dashboard(
        &ctx.pool,
        crate::core::time::now(),
        ctx.participation.feedback_overdue_days,
    )
    .await?)
}

/// An attachment for staff who handle feedback: (stored name, name as sent, type);
/// 401/403 for others, 404 for none.
#[cfg(feature = "ssr")]
pub async fn attachment_for(
    ctx: &crate::core::state::AppContext,
    headers: &http::HeaderMap,
    id: i64,
) -> Result<(String, String, String), AppError> {
    use crate::features::accounts::{Permission, auth};
    match auth::user_of_headers(ctx, headers).await? {
        Some(u) if u.can(Permission::ModerateComments) => {}
        Some(_) => return Err(AppError::Forbidden),
        None => return Err(AppError::SignInRequired),
    }
    super::store::file_of(&ctx.pool, id)
        .await?
        .ok_or(AppError::NotFound)
}
