//! Server functions of Hỏi – Đáp's public side: the published questions (by field,
//! by words, paginated), one question's page, the ask form's data, asking (through
//! the reader-submission guard; a plain form too), and following a question by its
//! tracking code.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{AskPage, QaListPage, QaQuery, QuestionPage, Tracked};
use crate::core::error::AppError;

/// Other questions of the field shown under a question.
pub const RELATED: i64 = 5;

/// The page of published questions the query asks for; `NotFound` for an unknown
/// field or past the last page.
#[server(input = GetUrl)]
pub async fn get_qa_list(query: QaQuery) -> Result<QaListPage, AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    let mut query = query;
    query.page = query.page.clamp(1, crate::core::paging::MAX_PAGE);
    query.words = query.words.chars().take(120).collect();
    let topics = store::topics(&ctx.pool).await?;
    let topic = match query.topic.trim() {
        "" => None,
        slug => Some(
            topics
                .iter()
                .find(|t| t.slug == slug)
                .map(|t| t.id)
                .ok_or(AppError::NotFound)?,
        ),
    };
    let words: Vec<String> = crate::core::text::fold_vietnamese(&query.words)
        .to_lowercase()
        .split_whitespace()
        .take(8)
        .map(str::to_string)
        .collect();
    let items = store::published_page(&ctx.pool, topic, &words, query.page).await?;
    if query.page > items.pages.max(1) {
        return Err(AppError::NotFound);
    }
    Ok(QaListPage {
        topics,
        query,
        items,
    })
}

/// A published question with its answer and others of its field.
#[server(input = GetUrl)]
pub async fn get_question(slug: String) -> Result<QuestionPage, AppError> {
    use super::store;
    let ctx = crate::core::state::app_context()?;
    let row = store::published(&ctx.pool, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let answer: crate::content::Doc =
        serde_json::from_str(&row.answer).map_err(|e| AppError::internal("answer", e))?;
    let related = store::others_in_topic(&ctx.pool, row.topic_id, row.id, RELATED).await?;
    let answered_by = ctx.site.name.clone();
    let structured_data = super::structured_data::qa_page(
        &ctx.site,
        &row.card,
        &row.text,
        &answer,
        &answered_by,
        row.answered_at,
    );
    Ok(QuestionPage {
        card: row.card,
        text: row.text,
        answer,
        answered: crate::core::time::short_date(row.answered_at),
        answered_iso: crate::core::time::iso(row.answered_at),
        answered_by,
        related,
        structured_data,
    })
}

/// The ask form's fields and a fresh form-time token.
#[server(input = GetUrl)]
pub async fn get_ask_page() -> Result<AskPage, AppError> {
    let ctx = crate::core::state::app_context()?;
    let (topics, token) = tokio::try_join!(
        async { Ok::<_, AppError>(super::store::topics(&ctx.pool).await?) },
        crate::features::guard::form_token()
    )?;
    Ok(AskPage { topics, token })
}

/// A citizen asks: `topic` is the field's id; `website` is the honeypot and `started`
/// the form-time token. Returns the tracking code as shown; a plain form is sent on
/// to the follow page, which shows it.
#[server]
pub async fn ask_question(
    topic: String,
    name: String,
    contact: String,
    text: String,
    website: String,
    started: String,
) -> Result<String, AppError> {
    use super::model::{CODE_PREFIX, FOLLOW_PATH, check_question, title_of};
    use super::store::{self, NewQuestion, QaStoreError};
    use crate::core::tracking_code;
    use crate::features::guard::{self, Form, Kind};
    use crate::i18n::tqa;
    let ctx = crate::core::state::app_context()?;
    let now = crate::core::time::now();
    let visitor = guard::admit(
        Kind::Question,
        Form {
            honeypot: Some(&website),
            started: Some(&started),
        },
    )
    .await?;
    let name = crate::core::text::nfc(name.trim());
    let contact = crate::core::text::nfc(contact.trim());
    let text = crate::features::comments::api::clean_body(&text);
    check_question(&name, &contact, &text).map_err(AppError::Invalid)?;
    let topic: i64 = topic
        .trim()
        .parse()
        .map_err(|_| AppError::Invalid(tqa().topic_invalid.into()))?;
    let held = guard::held_for(&format!("{name}\n{text}"))?.unwrap_or_default();
    let code = tracking_code::fresh();
    let code_hash = tracking_code::hash(&code);
    let title = title_of(&text);
    let fingerprint = guard::fingerprint(&text);
    let new = NewQuestion {
        code_hash: &code_hash,
        topic_id: topic,
        name: &name,
        contact: &contact,
        text: &text,
        title: &title,
        held_for: &held,
        body_hash: &fingerprint,
        visitor_key: &visitor.key,
        addr_hash: &visitor.address_key,
    };
    let turn = ctx.write_turn().await;
    let stored = store::insert(&ctx.pool, &new, now).await;
    drop(turn);
    let id = stored.map_err(|e| match e {
        QaStoreError::Duplicate => AppError::Conflict(tqa().duplicate.into()),
        QaStoreError::NoTopic => AppError::Invalid(tqa().topic_invalid.into()),
        QaStoreError::Db(e) => e.into(),
    })?;
    // a question waits for the moderators: nothing readers see changes
    crate::core::view_counts::tell_changed(crate::core::view_counts::Changed::Nothing);
    tracing::info!(question_id = id, "question received");
    let shown = tracking_code::show(CODE_PREFIX, &code);
    if crate::core::state::is_plain_form_post() {
        leptos_axum::redirect(&format!("{FOLLOW_PATH}?ma={shown}&moi=1"));
    }
    Ok(shown)
}

/// A question followed by its code; None for a code that is no question's (the same
/// answer for a malformed one: a lookup tells nothing of other questions).
#[server(input = GetUrl)]
pub async fn track_question(code: String) -> Result<Option<Tracked>, AppError> {
    use super::model::{CODE_PREFIX, QA_PATH, QuestionStatus};
    use crate::core::tracking_code;
    let ctx = crate::core::state::app_context()?;
    // the code is the asker's key: the page it opens is theirs alone
    crate::core::state::keep_private();
    let Some(letters) = tracking_code::letters_of(CODE_PREFIX, &code) else {
        return Ok(None);
    };
    let hash = tracking_code::hash(&letters);
    let Some(row) = super::store::by_code(&ctx.pool, &hash).await? else {
        return Ok(None);
    };
    let answer = if row.status == QuestionStatus::Answered && !row.answer.is_empty() {
        Some(serde_json::from_str(&row.answer).map_err(|e| AppError::internal("answer", e))?)
    } else {
        None
    };
    Ok(Some(Tracked {
        code: tracking_code::show(CODE_PREFIX, &letters),
        status: row.status,
        topic: row.topic,
        asked: crate::core::time::short_date(row.created_at),
        text: row.text,
        answered: answer
            .as_ref()
            .and(row.answered_at)
            .map(crate::core::time::short_date),
        answer,
        href: row
            .slug
            .filter(|_| row.published)
            .map(|s| format!("{QA_PATH}/{s}")),
    }))
}

/// A published question of the demo portal: its field, asker, question and answer
/// (paragraphs and "- " lists).
#[cfg(feature = "ssr")]
pub struct DemoQuestion {
    pub topic_slug: &'static str,
    pub topic: &'static str,
    pub asker: &'static str,
    pub text: &'static str,
    pub answer: &'static str,
    /// Seconds before now it was asked (answered and published a day later).
    pub age: i64,
}

/// Seeds published questions, but none in a field that already has published ones
/// (so a second `toasoan demo` adds nothing); returns how many were added.
#[cfg(feature = "ssr")]
pub async fn seed_demo(
    pool: &sqlx::AnyPool,
    items: &[DemoQuestion],
    now: i64,
) -> Result<usize, AppError> {
    use super::model::{QuestionStatus, title_of};
    use super::store::{self, Change, NewQuestion};
    let seeded: Vec<String> = store::topics(pool)
        .await?
        .into_iter()
        .filter(|t| t.published > 0)
        .map(|t| t.slug)
        .collect();
    let mut added = 0;
    for q in items
        .iter()
        .filter(|q| !seeded.iter().any(|s| s == q.topic_slug))
    {
        // each question stored and published at once, or not at all
        let mut tx = crate::core::state::begin_write(pool).await?;
        let topic = store::ensure_topic(&mut tx, q.topic_slug, q.topic).await?;
        let asked = now - q.age;
        let title = title_of(q.text);
        let fingerprint = crate::features::guard::fingerprint(q.text);
        let code_hash = crate::core::tracking_code::hash(&crate::core::tracking_code::fresh());
        let new = NewQuestion {
            code_hash: &code_hash,
            topic_id: topic,
            name: q.asker,
            contact: "",
            text: q.text,
            title: &title,
            held_for: "",
            body_hash: &fingerprint,
            visitor_key: "",
            addr_hash: "",
        };
        let id = match store::insert_in(&mut tx, &new, asked).await {
            Ok(id) => id,
            // there already (a second `toasoan demo`)
            Err(store::QaStoreError::Duplicate) => continue,
            Err(store::QaStoreError::NoTopic) => return Err(AppError::NotFound),
            Err(store::QaStoreError::Db(e)) => return Err(e.into()),
        };
        let doc = crate::content::markdown::to_doc(q.answer, &Default::default());
        let answer = serde_json::to_string(&doc).map_err(|e| AppError::internal("answer", e))?;
        let slug = format!("{}-{id}", crate::core::text::slugify(&title));
        let search =
            crate::core::text::fold_vietnamese(&format!("{title}\n{}\n{}", q.text, q.answer))
                .to_lowercase();
        store::save(
            &mut tx,
            &Change {
                id,
                status: QuestionStatus::Answered,
                topic_id: topic,
                title: &title,
                text: q.text,
                answer: &answer,
                assignee_id: None,
                answered_by: None,
                published: true,
                slug: Some(&slug),
                search_text: &search,
            },
            asked + 86_400,
        )
        .await?;
        tx.commit().await?;
        added += 1;
    }
    Ok(added)
}
