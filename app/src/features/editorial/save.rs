//! The block editor's save: the article's fields and its document as JSON, written
//! through the articles writer (a revision per save that changes something, none for
//! an autosave of what is already stored). A save started from an older revision than
//! the stored one is refused (409) and the editor shows the two side by side.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use super::model::{Draft, Saved};
use crate::core::error::AppError;

/// Saves the editor's draft (no id: a new one) and says where the article is now.
#[server(input = Json)]
pub async fn save_draft(draft: Draft) -> Result<Saved, AppError> {
    use crate::features::articles::Write;
    use crate::features::workflow::model::can_edit_in;
    let ctx = crate::core::state::app_context()?;
    let user = super::server::desk_user().await?;
    let content = super::server::content_from_draft(&ctx.pool, &draft).await?;
    let mut settings = super::server::settings_of(
        &user,
        &draft.expire_at,
        draft.featured,
        draft.allow_comments,
        draft.allow_ratings,
        draft.members_only,
    )?;
    let topics = super::server::topics_of(&ctx.pool, &draft.topic_ids).await?;
    settings.topics = Some(topics.clone());
    settings.cover = Some(super::server::cover_of(&ctx.pool, draft.cover_id).await?);
    let requested = super::server::requested_time(&draft.publish_at)?;
    settings.requested_publish_at = Some(requested);
    let now = crate::core::time::now();
    let saved = |id, revision, changed| {
        use chrono::Timelike;
        let t = crate::core::time::local(now);
        Saved {
            id,
            revision,
            changed,
            hour: t.hour() as u8,
            minute: t.minute() as u8,
        }
    };
    let what = match draft.id {
        None => Write::Draft,
        Some(id) => {
            let desk = super::server::visible_head(&ctx.pool, &user, id).await?;
            let head = desk.head;
            if !can_edit_in(&user, head.author_id, head.status, &desk.path) {
                return Err(AppError::Forbidden);
            }
            super::lock::check_free(&ctx.pool, id, user.id).await?;
            let latest = super::store::current_revision(&ctx.pool, id).await?;
            // the tags compared as a set: they come back in name order
            let mut stored = head.content;
            stored.tags.sort();
            let mut mine = content.clone();
            mine.tags.sort();
            let same = latest == draft.base_revision
                && stored == mine
                && head.expire_at == settings.expire_at
                && settings.featured.is_none_or(|f| f == head.featured)
                && head.allow_comments == draft.allow_comments
                && head.allow_ratings == draft.allow_ratings
                && head.members_only == draft.members_only
                && head.topic_ids == topics
                && head.chosen_cover == draft.cover_id
                && head.requested_publish_at == requested;
            if same {
                return Ok(saved(id, latest, false));
            }
            Write::Edit {
                id,
                base: draft.base_revision,
            }
        }
    };
    let written = super::server::write_as(&ctx.pool, &user, what, &content, &settings).await?;
    Ok(saved(written.id, written.revision, true))
}
