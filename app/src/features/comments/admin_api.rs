//! Server functions of the moderators' queue: the tabs, status changes (one or many),
//! corrections, and replies as the editorial board. Every change is in the audit log.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::QueueData;
use crate::core::error::AppError;
#[cfg(feature = "ssr")]
use crate::i18n::messages::stored;
#[cfg(feature = "ssr")]
use crate::i18n::{fill, tm};

/// The tabs of the queue, in order: (key, label in the request's language).
pub fn tabs() -> [(&'static str, &'static str); 5] {
    let m = crate::i18n::tm();
    [
        ("pending", m.status_pending_review),
        ("reported", m.comment_status_reported),
        ("approved", m.status_published),
        ("rejected", m.comment_status_rejected),
        ("spam", m.comment_status_spam),
    ]
}

#[cfg(feature = "ssr")]
async fn moderator() -> Result<crate::features::accounts::CurrentUser, AppError> {
    use crate::features::accounts::{Permission, auth};
    auth::require(Permission::ModerateComments).await
}

/// Records a moderator's action on comments in the audit log.
#[cfg(feature = "ssr")]
async fn audit(user_id: i64, action: &str, target: &str, detail: &str) -> Result<(), AppError> {
    let ctx = crate::core::state::app_context()?;
    let mut conn = ctx.pool.acquire().await?;
    crate::features::audit::record(
        &mut conn,
        Some(user_id),
        action,
        target,
        detail,
        crate::core::time::now(),
    )
    .await?;
    Ok(())
}

/// One page of a queue tab (`tab`: a key of `tabs()`; anything else is "pending").
#[server(input = GetUrl)]
pub async fn get_comment_queue(tab: String, page: u32) -> Result<QueueData, AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    moderator().await?;
    let tab = tabs()
        .iter()
        .find(|(k, _)| *k == tab)
        .map(|(k, _)| k.to_string())
        .unwrap_or_else(|| "pending".into());
    let page = page.clamp(1, crate::core::paging::MAX_PAGE);
    let (items, counts) = tokio::try_join!(
        store::queue(&ctx.pool, &tab, page),
        store::counts(&ctx.pool)
    )?;
    Ok(QueueData { tab, items, counts })
}

/// Approves, rejects or marks as spam the comments `ids` ("approve", "reject",
/// "spam"). Returns how many changed.
#[server]
pub async fn moderate_comments(ids: Option<Vec<i64>>, action: String) -> Result<usize, AppError> {
    use super::model::CommentStatus;
    let ctx = crate::core::state::app_context()?;
    let user = moderator().await?;
    let status = match action.as_str() {
        "approve" => CommentStatus::Approved,
        "reject" => CommentStatus::Rejected,
        "spam" => CommentStatus::Spam,
        _ => return Err(AppError::Invalid(tm().action_invalid.into())),
    };
    let ids = ids.unwrap_or_default();
    if ids.is_empty() {
        return Err(AppError::Invalid(tm().select_comments.into()));
    }
    if ids.len() > 200 {
        return Err(AppError::Invalid(tm().too_many_comments.into()));
    }
    let now = crate::core::time::now();
    let changed = super::store::set_status(&ctx.pool, &ids, status, user.id, now).await?;
    if !changed.is_empty() {
        let list: Vec<String> = changed.iter().map(|i| i.to_string()).collect();
        audit(
            user.id,
            &format!("comment.{action}"),
            &fill(stored().audit_comments, &[&list.join(", ")]),
            status.label(),
        )
        .await?;
    }
    tracing::info!(moderator = %user.username, action, count = changed.len(), "comments moderated");
    Ok(changed.len())
}

/// Corrects a comment's name and text.
#[server]
pub async fn edit_comment(id: i64, name: String, body: String) -> Result<(), AppError> {
    use super::model::check_fields;
    use super::store::{self, CommentError};
    let ctx = crate::core::state::app_context()?;
    let user = moderator().await?;
    let name = crate::core::text::nfc(&name);
    let body = super::api::clean_body(&body);
    check_fields(&name, "", &body).map_err(AppError::Invalid)?;
    let now = crate::core::time::now();
    store::edit(
        &ctx.pool,
        id,
        &name,
        &body,
        &crate::features::guard::fingerprint(&body),
        user.id,
        now,
    )
    .await
    .map_err(|e| match e {
        CommentError::NotFound => AppError::NotFound,
        other => AppError::internal("edit comment", other),
    })?;
    audit(
        user.id,
        "comment.edit",
        &fill(stored().audit_comments, &[&id]),
        "",
    )
    .await?;
    Ok(())
}

/// Answers comment `id` as the editorial board: published at once, under its thread.
/// A pending comment being answered is approved with it.
#[server]
pub async fn reply_as_board(id: i64, body: String) -> Result<(), AppError> {
    use super::model::{BODY_MAX, BODY_MIN, CommentStatus};
    use super::store::{self, CommentError, NewComment};
    let ctx = crate::core::state::app_context()?;
    let user = moderator().await?;
    let body = super::api::clean_body(&body);
    let len = body.chars().count();
    if !(BODY_MIN..=BODY_MAX).contains(&len) {
        return Err(AppError::Invalid(fill(
            tm().reply_length,
            &[&BODY_MIN, &BODY_MAX],
        )));
    }
    let now = crate::core::time::now();
    let article = store::article_of(&ctx.pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    store::set_status(&ctx.pool, &[id], CommentStatus::Approved, user.id, now).await?;
    let reply = NewComment {
        article_id: article,
        parent_id: Some(id),
        name: stored().board_name.into(),
        email: String::new(),
        body: body.clone(),
        body_hash: crate::features::guard::fingerprint(&body),
        status: CommentStatus::Approved,
        held_for: String::new(),
        staff_id: Some(user.id),
        visitor_key: format!("u:{}", user.id),
        addr_hash: String::new(),
    };
    store::insert(&ctx.pool, &reply, now)
        .await
        .map_err(|e| match e {
            e @ CommentError::NoParent => AppError::Invalid(e.to_string()),
            other => AppError::internal("board reply", other),
        })?;
    audit(
        user.id,
        "comment.reply",
        &fill(stored().audit_comments, &[&id]),
        "",
    )
    .await?;
    Ok(())
}
