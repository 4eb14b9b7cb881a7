//! Server functions of the workflow.

use leptos::prelude::*;

use super::model::ArticleEvent;
use crate::core::error::AppError;
#[cfg(feature = "ssr")]
use crate::i18n::tm;

#[cfg(feature = "ssr")]
impl From<super::store::WorkflowError> for AppError {
    fn from(e: super::store::WorkflowError) -> Self {
        use super::store::WorkflowError as W;
        match e {
            W::NotFound => AppError::NotFound,
            W::NotAllowed => AppError::Forbidden,
            W::Invalid(m) => AppError::Invalid(m),
            W::Conflict => AppError::Conflict(W::Conflict.to_string()),
            W::Db(e) => e.into(),
        }
    }
}

/// Moves an article through the workflow: `action` is submit, approve, reject,
/// return_to_draft, publish, schedule, unpublish or archive; `reason` is required to
/// reject; `publish_at` (RFC 3339, or a `datetime-local` value in Vietnam time) to
/// schedule. Returns the new status.
#[server]
pub async fn transition_article(
    article_id: i64,
    action: String,
    reason: Option<String>,
    publish_at: Option<String>,
) -> Result<String, AppError> {
    use super::model::Action;
    use crate::features::accounts::{Permission, auth};
    let ctx = crate::core::state::app_context()?;
    let user = auth::require(Permission::UseAdmin).await?;
    let action =
        Action::parse(&action).ok_or_else(|| AppError::Invalid(tm().action_invalid.into()))?;
    let schedule_at = match publish_at
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(s) => Some(
            crate::core::time::parse_input(s)
                .ok_or_else(|| AppError::Invalid(tm().schedule_time_invalid.into()))?,
        ),
    };
    let now = crate::core::time::now();
    let status = super::store::apply(
        &ctx.pool,
        article_id,
        &user,
        action,
        reason.as_deref().unwrap_or(""),
        schedule_at,
        now,
    )
    .await
    .map_err(AppError::from)?;
    Ok(status.as_str().to_string())
}

/// The status history of an article (admin area only).
#[server]
pub async fn get_article_events(article_id: i64) -> Result<Vec<ArticleEvent>, AppError> {
    use crate::features::accounts::{Permission, auth};
    let ctx = crate::core::state::app_context()?;
    auth::require(Permission::UseAdmin).await?;
    Ok(super::store::events(&ctx.pool, article_id).await?)
}
