//! The reader-submission guard: everything that stands between a reader's form and
//! the database, in one place for comments, reports and ratings today and questions,
//! feedback and polls to come. It knows who the reader is (`visitor`), counts them
//! against the per-visitor and per-address limits of their kind of submission, refuses
//! honeypot and too-fast or forged forms (`rules::form_age`), holds banned words for
//! moderation and fingerprints texts so the owner can refuse duplicates.
//!
//! Callers: `let visitor = guard::admit(Kind::Comment, Form { honeypot, started })`,
//! then `guard::held_for(text)` and `guard::fingerprint(text)` for what they store.

#[cfg(feature = "ssr")]
mod rules;
#[cfg(feature = "ssr")]
mod visitor;

#[cfg(feature = "ssr")]
pub use rules::form_token as form_token_at;
#[cfg(feature = "ssr")]
pub use rules::message_tag as message_tag_with;
#[cfg(feature = "ssr")]
pub use visitor::{current as current_visitor, is_bot, reader_key, reader_key_of};

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use super::rules;
    pub use super::visitor::Visitor;
    use crate::core::error::AppError;
    use crate::core::state::app_context;
    use crate::i18n::t;

    /// What a reader sends; each kind has its own limits.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Kind {
        Comment,
        /// A report of a published comment (counted with comments).
        Report,
        Rating,
        /// A question to Hỏi – Đáp (counted with comments).
        Question,
        /// A piece of feedback to Góp ý (counted with comments).
        Feedback,
        /// The start of a quiz contest attempt (limits of its own: a launch day brings
        /// whole offices through one address).
        Quiz,
    }

    /// The form checks a submission carries: the honeypot field (people leave it
    /// empty) and the form-time token. `None` for submissions without a form (a star
    /// button, a report link).
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Form<'a> {
        pub honeypot: Option<&'a str>,
        pub started: Option<&'a str>,
    }

    /// Admits one submission of `kind` from the current reader, or refuses it: 429 over
    /// the limits, 400 for a filled honeypot, a forged or old form, or a form sent
    /// sooner than `min_fill_seconds` after it was made. Counts against the limits
    /// whatever the outcome, so retrying a refused form does not get past them.
    pub async fn admit(kind: Kind, form: Form<'_>) -> Result<Visitor, AppError> {
        let ctx = app_context()?;
        let now = crate::core::time::now();
        let visitor = super::visitor::current(true).await?;
        let limits = match kind {
            Kind::Comment | Kind::Report | Kind::Question | Kind::Feedback => &ctx.comment_limits,
            Kind::Rating => &ctx.rating_limits,
            Kind::Quiz => &ctx.quiz_limits,
        };
        if !limits.hit(&visitor.key, &visitor.address, now).await? {
            return Err(AppError::TooMany);
        }
        if form.honeypot.is_some_and(|h| !h.trim().is_empty()) {
            tracing::warn!(?kind, "refused: the honeypot field was filled");
            return Err(AppError::Invalid(t().guard_refused.into()));
        }
        if let Some(started) = form.started {
            let secret = ctx.secret().await?;
            match rules::form_age(&secret, started, now) {
                None => return Err(AppError::Invalid(t().guard_stale_form.into())),
                Some(age) if age < i64::from(ctx.participation.min_fill_seconds) => {
                    return Err(AppError::Invalid(t().guard_too_fast.into()));
                }
                Some(_) => {}
            }
        }
        Ok(visitor)
    }

    /// Why `text` waits for a moderator whatever the settings: the first banned word
    /// in it, as the queue shows it.
    pub fn held_for(text: &str) -> Result<Option<String>, AppError> {
        let ctx = app_context()?;
        Ok(rules::banned_word(text, &ctx.participation.banned_words)
            .map(|w| format!("{} {w}", t().guard_banned_word)))
    }

    /// The fingerprint under which the owner refuses a duplicate text (case, tones
    /// and spacing ignored).
    pub fn fingerprint(text: &str) -> String {
        rules::body_hash(text)
    }

    /// The tag under which a message may be carried in an address to the next page.
    pub async fn message_tag(message: &str) -> Result<String, AppError> {
        Ok(rules::message_tag(&app_context()?.secret().await?, message))
    }

    /// The message carried in an address, if its tag is the server's.
    pub async fn tagged_message(message: &str, tag: &str) -> Result<Option<String>, AppError> {
        let ok = !message.is_empty()
            && rules::message_tag(&app_context()?.secret().await?, message) == tag;
        Ok(ok.then(|| message.to_string()))
    }

    /// A fresh form-time token for a page being rendered now.
    pub async fn form_token() -> Result<String, AppError> {
        let ctx = app_context()?;
        Ok(rules::form_token(
            &ctx.secret().await?,
            crate::core::time::now(),
        ))
    }
}
