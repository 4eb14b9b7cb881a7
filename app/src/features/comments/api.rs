//! Server functions readers call: send a comment, report one. Both work as plain
//! forms (the server sends the browser back to the article with a notice) and from
//! the hydrated page.

use leptos::prelude::*;

use super::model::CommentPosted;
use crate::core::error::AppError;
#[cfg(feature = "ssr")]
use crate::i18n::tm;

/// Comment text as stored: NFC, Unix line breaks, at most one empty line in a row.
#[cfg(feature = "ssr")]
pub fn clean_body(body: &str) -> String {
    let text = crate::core::text::nfc(&body.replace("\r\n", "\n").replace('\r', "\n"));
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// Sends a comment on the public article `slug` (`parent`: the id of the comment it
/// answers, or empty). `website` is the honeypot (people leave it empty) and
/// `started` the form-time token.
#[server]
pub async fn post_comment(
    slug: String,
    parent: String,
    name: String,
    email: String,
    body: String,
    website: String,
    started: String,
) -> Result<CommentPosted, AppError> {
    use super::model::{CommentItem, CommentStatus, check_fields};
    use super::store::{self, CommentError, NewComment};
    use crate::features::articles::participation;
    use crate::features::guard::{self, Form, Kind};
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let rules = &ctx.participation;
    let visitor = guard::admit(
        Kind::Comment,
        Form {
            honeypot: Some(&website),
            started: Some(&started),
        },
    )
    .await?;
    let name = crate::core::text::nfc(&name);
    let email = crate::core::text::nfc(&email);
    let body = clean_body(&body);
    check_fields(&name, &email, &body).map_err(AppError::Invalid)?;
    let parent_id = match parent.trim() {
        "" => None,
        p => Some(
            p.parse::<i64>()
                .map_err(|_| AppError::Invalid(tm().comment_parent_invalid.into()))?,
        ),
    };
    let article = participation(&ctx, now, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::features::articles::open_to_reader(&article).await?;
    if !article.allow_comments {
        return Err(AppError::Invalid(tm().comments_closed.into()));
    }
    let held = guard::held_for(&format!("{name}\n{body}"))?;
    let status = if held.is_some() || rules.comments_need_approval {
        CommentStatus::Pending
    } else {
        CommentStatus::Approved
    };
    let new = NewComment {
        article_id: article.id,
        parent_id,
        name: name.clone(),
        email,
        body: body.clone(),
        body_hash: guard::fingerprint(&body),
        status,
        held_for: held.unwrap_or_default(),
        staff_id: None,
        visitor_key: visitor.key.clone(),
        addr_hash: visitor.address_key.clone(),
    };
    let turn = ctx.write_turn().await;
    let stored = store::insert(&ctx.pool, &new, now).await;
    drop(turn);
    let (id, thread) = stored.map_err(|e| match e {
        e @ CommentError::Duplicate => AppError::Conflict(e.to_string()),
        e @ CommentError::NoParent => AppError::Invalid(e.to_string()),
        CommentError::NotFound => AppError::NotFound,
        CommentError::Db(e) => e.into(),
    })?;
    let pending = status == CommentStatus::Pending;
    if pending {
        // a comment waiting for a moderator changes nothing readers see
        crate::core::view_counts::tell_changed(crate::core::view_counts::Changed::Nothing);
    }
    tracing::info!(
        comment_id = id,
        article_id = article.id,
        pending,
        "comment received"
    );
    if crate::core::state::is_plain_form_post() {
        let notice = if pending { "cho-duyet" } else { "da-dang" };
        leptos_axum::redirect(&format!(
            "{}?y-kien={notice}#y-kien",
            crate::core::links::article_href(&slug)
        ));
    }
    Ok(CommentPosted {
        pending,
        comment: CommentItem {
            id,
            name,
            body,
            date: crate::core::time::short_date(now),
            iso: crate::core::time::iso(now),
            staff: false,
            replies: Vec::new(),
        },
        parent_id: thread,
    })
}

/// Reports a published comment to the moderators (once per reader).
#[server]
pub async fn report_comment(id: i64) -> Result<(), AppError> {
    use super::store::{self, CommentError};
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let visitor =
        crate::features::guard::admit(crate::features::guard::Kind::Report, Default::default())
            .await?;
    // a report is for the moderators: no public page changes
    crate::core::view_counts::tell_changed(crate::core::view_counts::Changed::Nothing);
    let turn = ctx.write_turn().await;
    let reported = store::report(&ctx.pool, id, &visitor.key, now).await;
    drop(turn);
    match reported {
        Ok(_) => {}
        Err(CommentError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(AppError::internal("report", e)),
    }
    if crate::core::state::is_plain_form_post()
        && let Some(slug) = store::article_slug_of(&ctx.pool, id).await?
    {
        leptos_axum::redirect(&format!(
            "{}?bao-cao={id}#y-kien-{id}",
            crate::core::links::article_href(&slug)
        ));
    }
    Ok(())
}

#[cfg(test)]
#[cfg(feature = "ssr")]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_cleaned() {
        assert_eq!(
            clean_body("  Dòng 1\r\n\r\n\r\n\r\nDòng 2  \n"),
            "Dòng 1\n\nDòng 2"
        );
        assert_eq!(clean_body("Cafe\u{301}"), "Café");
    }
}
