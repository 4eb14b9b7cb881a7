//! Server functions of Góp ý's public side: the send form's token, a piece of feedback
//! followed by its code; and the two steps of sending it, run by the server's form
//! handler (which reads the multipart form and checks the attachment with the media
//! pipeline between them): `admit` (the guard and the fields' checks), then `store`.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::{SendPage, TrackedFeedback};
use crate::core::error::AppError;

/// The send form's form-time token and the attachment's limit; `error` and `tag` are
/// what a refused plain form came back with (shown only when the tag is the server's).
#[server(input = GetUrl)]
pub async fn get_send_page(error: String, tag: String) -> Result<SendPage, AppError> {
    use crate::features::guard;
    let ctx = crate::core::state::app_context()?;
    let (token, error) =
        tokio::try_join!(guard::form_token(), guard::tagged_message(&error, &tag))?;
    if error.is_some() {
        crate::core::state::keep_private();
    }
    Ok(SendPage {
        token,
        max_file_mb: ctx.upload_limits_mb.1.min(super::model::FILE_MAX_MB),
        error,
    })
}

/// A piece of feedback followed by its code; None for a code that is none's (the same
/// answer for a malformed one: a lookup tells nothing of other feedback).
#[server(input = GetUrl)]
pub async fn track_feedback(code: String) -> Result<Option<TrackedFeedback>, AppError> {
    use super::model::CODE_PREFIX;
    use crate::core::tracking_code;
    let ctx = crate::core::state::app_context()?;
    // the code is the sender's key: the page it opens is theirs alone
    crate::core::state::keep_private();
    let Some(letters) = tracking_code::letters_of(CODE_PREFIX, &code) else {
        return Ok(None);
    };
    let Some(row) = super::store::by_code(&ctx.pool, &tracking_code::hash(&letters)).await? else {
        return Ok(None);
    };
    let answered = row.status == super::model::FeedbackStatus::Answered
        || row.status == super::model::FeedbackStatus::Closed;
    Ok(Some(TrackedFeedback {
        code: tracking_code::show(CODE_PREFIX, &letters),
        status: row.status,
        subject: row.subject,
        body: row.body,
        sent: crate::core::time::short_date(row.created_at),
        unit: row.unit,
        answer: (answered && !row.answer.is_empty()).then_some(row.answer),
        answered: row.answered_at.map(crate::core::time::short_date),
    }))
}

/// The send form's text fields as they came.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Default)]
pub struct SentForm {
    pub subject: String,
    pub body: String,
    pub name: String,
    pub contact: String,
    /// The honeypot.
    pub website: String,
    /// The form-time token.
    pub started: String,
}

/// A form the guard let through, its fields cleaned and checked.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone)]
pub struct Admitted {
    subject: String,
    body: String,
    name: String,
    contact: String,
    held_for: String,
    visitor_key: String,
    addr_hash: String,
}

/// An attachment the media pipeline checked and the server stored privately.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone)]
pub struct Attachment {
    /// Its name in the private folder.
    pub file_name: String,
    /// As the sender's browser named it.
    pub original: String,
    pub mime: String,
    pub size: i64,
}

/// The first step of sending, in the request's context: the guard (limits, honeypot,
/// form time), then the fields (400 with what to mend).
#[cfg(feature = "ssr")]
pub async fn admit(form: &SentForm) -> Result<Admitted, AppError> {
    use crate::features::guard::{self, Form, Kind};
    let visitor = guard::admit(
        Kind::Feedback,
        Form {
            honeypot: Some(&form.website),
            started: Some(&form.started),
        },
    )
    .await?;
    let one_line =
        |s: &str| crate::core::text::nfc(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    let subject = one_line(&form.subject);
    let name = one_line(&form.name);
    let contact = crate::core::text::nfc(form.contact.trim());
    let body = crate::features::comments::api::clean_body(&form.body);
    super::model::check_feedback(&subject, &body, &name, &contact).map_err(AppError::Invalid)?;
    let held_for = guard::held_for(&format!("{subject}\n{body}"))?.unwrap_or_default();
    Ok(Admitted {
        subject,
        body,
        name,
        contact,
        held_for,
        visitor_key: visitor.key,
        addr_hash: visitor.address_key,
    })
}

/// The second step: stores the feedback with its attachment; returns the tracking
/// code as shown (409 for the same text again within a week).
#[cfg(feature = "ssr")]
pub async fn store(admitted: Admitted, file: Option<&Attachment>) -> Result<String, AppError> {
    use super::model::CODE_PREFIX;
    use super::store::{self, FbStoreError, NewFeedback};
    use crate::core::tracking_code;
    let ctx = crate::core::state::app_context()?;
    let code = tracking_code::fresh();
    let code_hash = tracking_code::hash(&code);
    let fingerprint = crate::features::guard::fingerprint(&admitted.body);
    let new = NewFeedback {
        code_hash: &code_hash,
        subject: &admitted.subject,
        body: &admitted.body,
        name: &admitted.name,
        contact: &admitted.contact,
        file: file.map(|f| {
            (
                f.file_name.as_str(),
                f.original.as_str(),
                f.mime.as_str(),
                f.size,
            )
        }),
        held_for: &admitted.held_for,
        body_hash: &fingerprint,
        visitor_key: &admitted.visitor_key,
        addr_hash: &admitted.addr_hash,
    };
    let now = crate::core::time::now();
    let turn = ctx.write_turn().await;
    let stored = async {
        let mut tx = crate::core::state::begin_write(&ctx.pool).await?;
        let id = store::insert(&mut tx, &new, now).await?;
        tx.commit().await?;
        Ok::<_, FbStoreError>(id)
    }
    .await;
    drop(turn);
    let id = stored.map_err(|e| match e {
        FbStoreError::Duplicate => AppError::Conflict(crate::i18n::tfb().duplicate.into()),
        FbStoreError::Db(e) => e.into(),
    })?;
    tracing::info!(feedback_id = id, "feedback received");
    Ok(tracking_code::show(CODE_PREFIX, &code))
}

/// Whether some piece of feedback keeps this stored attachment (the same bytes sent
/// twice are stored once): the server removes a file no row keeps.
#[cfg(feature = "ssr")]
pub async fn file_in_use(pool: &sqlx::AnyPool, file_name: &str) -> Result<bool, AppError> {
    let mut conn = pool.acquire().await?;
    Ok(super::store::file_in_use(&mut conn, file_name).await?)
}

/// A piece of feedback of the demo portal, at the step it has reached.
#[cfg(feature = "ssr")]
pub struct DemoFeedback {
    pub subject: &'static str,
    pub body: &'static str,
    pub sender: &'static str,
    /// Days before now it was sent.
    pub age_days: i64,
    /// The unit it was forwarded to, if it was.
    pub unit: Option<&'static str>,
    /// Its answer, if it was answered.
    pub answer: Option<&'static str>,
    pub closed: bool,
}

/// Seeds the demo's feedback; a piece sent before is a duplicate and skipped (a second
/// `toasoan demo` adds nothing). Returns how many were added.
#[cfg(feature = "ssr")]
pub async fn seed_demo(
    pool: &sqlx::AnyPool,
    items: &[DemoFeedback],
    now: i64,
) -> Result<usize, AppError> {
    use super::model::FeedbackStatus;
    use super::store::{self, FbStoreError, NewFeedback, Step};
    use crate::core::tracking_code;
    let mut added = 0;
    for f in items {
        let sent = now - f.age_days * 86_400;
        let code_hash = tracking_code::hash(&tracking_code::fresh());
        let fingerprint = crate::features::guard::fingerprint(f.body);
        let mut tx = crate::core::state::begin_write(pool).await?;
        let id = match store::insert(
            &mut tx,
            &NewFeedback {
                code_hash: &code_hash,
                subject: f.subject,
                body: f.body,
                name: f.sender,
                contact: "",
                file: None,
                held_for: "",
                body_hash: &fingerprint,
                visitor_key: "",
                addr_hash: "",
            },
            sent,
        )
        .await
        {
            Ok(id) => id,
            Err(FbStoreError::Duplicate) => continue,
            Err(FbStoreError::Db(e)) => return Err(e.into()),
        };
        let unit_id = match f.unit {
            Some(u) => Some(store::ensure_unit(&mut tx, u).await?),
            None => None,
        };
        let status = match (f.closed, f.answer, unit_id) {
            (true, _, _) => FeedbackStatus::Closed,
            (false, Some(_), _) => FeedbackStatus::Answered,
            (false, None, Some(_)) => FeedbackStatus::Forwarded,
            (false, None, None) => FeedbackStatus::New,
        };
        if status != FeedbackStatus::New {
            store::step(
                &mut tx,
                &Step {
                    id,
                    status,
                    unit_id,
                    answer: f.answer.unwrap_or(""),
                    answered_by: None,
                },
                sent + 3 * 86_400,
            )
            .await?;
        }
        tx.commit().await?;
        added += 1;
    }
    Ok(added)
}
