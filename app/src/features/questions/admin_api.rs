//! Server functions of the moderators' Hỏi – Đáp (`Permission::ModerateComments`): the
//! queue by status, a question with its history, and one save that assigns, rewords
//! for publication (the question as sent stays), answers, publishes, withdraws or
//! refuses it. Every change is in the audit log, in the save's transaction.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{QaQueue, QuestionAdmin};
use crate::core::error::AppError;

#[cfg(feature = "ssr")]
async fn moderator() -> Result<crate::features::accounts::CurrentUser, AppError> {
    use crate::features::accounts::{Permission, auth};
    auth::require(Permission::ModerateComments).await
}

/// The queue's tabs in order: (key, label).
pub fn tabs() -> [(&'static str, &'static str); 5] {
    let s = crate::i18n::tqa();
    [
        ("new", s.status_new),
        ("assigned", s.status_assigned),
        ("answered", s.tab_unpublished),
        ("published", s.tab_published),
        ("rejected", s.status_rejected),
    ]
}

/// One page of a tab (an unknown tab is "new").
#[server(input = GetUrl)]
pub async fn get_qa_queue(tab: String, page: u32) -> Result<QaQueue, AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    moderator().await?;
    let tab = store::TABS
        .iter()
        .find(|t| **t == tab)
        .unwrap_or(&"new")
        .to_string();
    let page = page.clamp(1, crate::core::paging::MAX_PAGE);
    let (items, counts) = tokio::try_join!(
        store::queue(&ctx.pool, &tab, page),
        store::counts(&ctx.pool)
    )?;
    Ok(QaQueue { tab, items, counts })
}

/// The roles that answer questions.
#[cfg(feature = "ssr")]
fn answering_roles() -> Vec<&'static str> {
    use crate::features::accounts::{Permission, Role, rights::allows};
    Role::ALL
        .into_iter()
        .filter(|r| allows(*r, Permission::ModerateComments))
        .map(Role::as_str)
        .collect()
}

/// A question as its moderator edits it, with who can answer it and its history.
#[server(input = GetUrl)]
pub async fn get_question_admin(id: i64) -> Result<QuestionAdmin, AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    moderator().await?;
    let mut conn = ctx.pool.acquire().await?;
    let row = store::admin_row(&mut conn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    let roles = answering_roles();
    let target = format!("question:{id}");
    let (topics, staff, history) = tokio::try_join!(
        store::topics(&ctx.pool),
        store::answerers(&ctx.pool, &roles),
        crate::features::audit::history_of(&ctx.pool, &target),
    )?;
    let answer = if row.answer.is_empty() {
        String::new()
    } else {
        let doc: crate::content::Doc =
            serde_json::from_str(&row.answer).map_err(|e| AppError::internal("answer", e))?;
        crate::content::markdown_export::to_markdown(&doc)
    };
    Ok(QuestionAdmin {
        id,
        status: row.status,
        topic_id: row.topic_id,
        topics,
        asker: row.asker,
        contact: row.contact,
        asked: crate::core::time::short_date(row.created_at),
        asked_text: row.asked_text,
        title: row.title,
        text: row.text,
        answer,
        assignee_id: row.assignee_id,
        staff,
        published: row.published,
        href: row
            .slug
            .filter(|_| row.published)
            .map(|s| format!("{}/{s}", super::model::QA_PATH)),
        held_for: row.held_for,
        history: history
            .into_iter()
            .map(|(at, who, what)| (crate::core::time::short_date(at), who, what))
            .collect(),
    })
}

/// What a save does besides writing the fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QaAction {
    Save,
    Publish,
    Unpublish,
    Reject,
}

impl QaAction {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "save" => QaAction::Save,
            "publish" => QaAction::Publish,
            "unpublish" => QaAction::Unpublish,
            "reject" => QaAction::Reject,
            _ => return None,
        })
    }
}

/// Saves a question: its field, title and wording for publication, who answers it
/// (`assignee`: a user id, or empty), the answer (paragraphs, "- " lists, links) and
/// `action` ("save", "publish", "unpublish", "reject"). Its status follows: refused,
/// answered once it has an answer, assigned once someone has it, else new. Only an
/// answered question is published.
#[server]
pub async fn save_question(
    id: i64,
    topic: i64,
    title: String,
    text: String,
    assignee: String,
    answer: String,
    action: String,
) -> Result<(), AppError> {
    use super::model::{ANSWER_MAX, QUESTION_MAX, QuestionStatus, TITLE_MAX};
    use super::store::{self, Change};
    use crate::i18n::{tqa, tqa_stored};
    let ctx = crate::core::state::app_context()?;
    let me = moderator().await?;
    let s = tqa();
    let action = QaAction::parse(&action).ok_or(AppError::Invalid(s.action_invalid.into()))?;
    let title = crate::core::text::one_line(&title, s.title_label, TITLE_MAX)?;
    let text = crate::features::comments::api::clean_body(&text);
    if text.chars().count() < 2 || text.chars().count() > QUESTION_MAX {
        return Err(AppError::Invalid(s.question_long.into()));
    }
    if title.chars().count() < 2 {
        return Err(AppError::Invalid(s.title_missing.into()));
    }
    if answer.chars().count() > ANSWER_MAX {
        return Err(AppError::Invalid(s.answer_long.into()));
    }
    let assignee_id = match assignee.trim() {
        "" => None,
        v => Some(
            v.parse::<i64>()
                .map_err(|_| AppError::Invalid(s.assignee_invalid.into()))?,
        ),
    };
    let doc = crate::content::markdown::to_doc(answer.trim(), &Default::default());
    doc.validate()
        .map_err(|e| AppError::Invalid(format!("{}: {e}", s.answer_label)))?;
    let answer_json = if doc.blocks.is_empty() {
        String::new()
    } else {
        serde_json::to_string(&doc).map_err(|e| AppError::internal("answer", e))?
    };
    let roles = answering_roles();
    let staff = store::answerers(&ctx.pool, &roles).await?;
    if let Some(a) = assignee_id
        && !staff.iter().any(|(id, _)| *id == a)
    {
        return Err(AppError::Invalid(s.assignee_invalid.into()));
    }
    let now = crate::core::time::now();
    let turn = ctx.write_turn().await;
    let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
    let before = store::admin_row(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = if action == QaAction::Reject {
        QuestionStatus::Rejected
    } else if !answer_json.is_empty() {
        QuestionStatus::Answered
    } else if assignee_id.is_some() {
        QuestionStatus::Assigned
    } else {
        QuestionStatus::New
    };
    let published = match action {
        QaAction::Publish => true,
        QaAction::Unpublish | QaAction::Reject => false,
        QaAction::Save => before.published,
    };
    if published && status != QuestionStatus::Answered {
        return Err(AppError::Invalid(s.publish_needs_answer.into()));
    }
    let slug = format!("{}-{id}", crate::core::text::slugify(&title));
    let search_text =
        crate::core::text::fold_vietnamese(&format!("{title}\n{text}\n{answer}")).to_lowercase();
    store::save(
        &mut tx,
        &Change {
            id,
            status,
            topic_id: topic,
            title: &title,
            text: &text,
            answer: &answer_json,
            assignee_id,
            answered_by: (!answer_json.is_empty() && answer_json != before.answer).then_some(me.id),
            published,
            slug: Some(&slug),
            search_text: &search_text,
        },
        now,
    )
    .await
    .map_err(|e| match e {
        sqlx::Error::Database(d) if d.is_foreign_key_violation() => {
            AppError::Invalid(s.topic_invalid.into())
        }
        e => e.into(),
    })?;
    // the audit log: one event for each thing that changed
    let stored = tqa_stored();
    let mut events: Vec<(&str, String)> = Vec::new();
    if assignee_id != before.assignee_id {
        let name = assignee_id
            .and_then(|a| staff.iter().find(|(id, _)| *id == a))
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| stored.nobody.to_string());
        events.push(("question.assign", name));
    }
    if title != before.title || text != before.text {
        events.push((
            "question.reword",
            format!("{} «{}» {}", stored.was, before.title, stored.reworded),
        ));
    }
    if answer_json != before.answer {
        events.push(("question.answer", String::new()));
    }
    if published != before.published {
        let action = if published {
            "question.publish"
        } else {
            "question.unpublish"
        };
        events.push((action, String::new()));
    }
    if status == QuestionStatus::Rejected && before.status != QuestionStatus::Rejected {
        events.push(("question.reject", String::new()));
    }
    let target = format!("question:{id}");
    for (action, detail) in &events {
        crate::features::audit::record(&mut tx, Some(me.id), action, &target, detail, now).await?;
    }
    tx.commit().await?;
    drop(turn);
    if !published && !before.published {
        // not on the public side, before or after
        crate::core::view_counts::tell_changed(crate::core::view_counts::Changed::Nothing);
    }
    Ok(())
}

/// The dashboard's line for moderators: questions new and given to someone, not yet
/// answered: (new, assigned).
#[cfg(feature = "ssr")]
pub async fn dashboard_counts(pool: &sqlx::AnyPool) -> Result<(i64, i64), AppError> {
    let counts = super::store::counts(pool).await?;
    let n = |k: &str| {
        counts
            .iter()
            .find(|(t, _)| t == k)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    Ok((n("new"), n("assigned")))
}
