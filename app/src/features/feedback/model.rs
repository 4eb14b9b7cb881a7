//! What Góp ý knows of a piece of feedback: its status and the steps between them,
//! the limits of what a citizen sends, when it is overdue, and the shapes the send
//! form, the follow page and the handlers' pages exchange with the server.

use serde::{Deserialize, Serialize};

use crate::core::paging::Paged;
use crate::i18n::tfb;

/// The public section's address: the send form.
pub const FEEDBACK_PATH: &str = "/gop-y";
/// The page that follows a piece of feedback by its code.
pub const FOLLOW_PATH: &str = "/gop-y/theo-doi";
/// Where the send form posts (multipart: it may carry a file), served by the server.
pub const SEND_PATH: &str = "/gop-y/gui";
/// The handlers' list's address.
pub const ADMIN_FEEDBACK_PATH: &str = "/quan-tri/gop-y";
/// The form field of the attachment.
pub const FILE_FIELD: &str = "tep";
/// The prefix of a feedback tracking code ("GY-7K3M-Q9XP-2BTW").
pub const CODE_PREFIX: &str = "GY";

pub const SUBJECT_MIN: usize = 5;
pub const SUBJECT_MAX: usize = 200;
pub const BODY_MIN: usize = 20;
pub const BODY_MAX: usize = 8000;
pub const NAME_MAX: usize = 80;
pub const CONTACT_MAX: usize = 120;
pub const ANSWER_MAX: usize = 10_000;
pub const NOTE_MAX: usize = 2000;
pub const UNIT_MAX: usize = 120;
/// The largest attachment, in MB (less when the portal's `[media]` limits are lower).
pub const FILE_MAX_MB: u64 = 10;

/// Where a piece of feedback is: received, forwarded to a unit, answered, closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeedbackStatus {
    New,
    Forwarded,
    Answered,
    Closed,
}

impl FeedbackStatus {
    pub const ALL: [FeedbackStatus; 4] = [
        FeedbackStatus::New,
        FeedbackStatus::Forwarded,
        FeedbackStatus::Answered,
        FeedbackStatus::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            FeedbackStatus::New => "new",
            FeedbackStatus::Forwarded => "forwarded",
            FeedbackStatus::Answered => "answered",
            FeedbackStatus::Closed => "closed",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        let s = tfb();
        match self {
            FeedbackStatus::New => s.status_new,
            FeedbackStatus::Forwarded => s.status_forwarded,
            FeedbackStatus::Answered => s.status_answered,
            FeedbackStatus::Closed => s.status_closed,
        }
    }

    /// Waiting for an answer: what can be overdue.
    pub fn waits(self) -> bool {
        matches!(self, FeedbackStatus::New | FeedbackStatus::Forwarded)
    }
}

/// What a handler does to a piece of feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedbackAction {
    /// To a unit (again, to another one, while it is unanswered).
    Forward,
    /// Answer it (or mend the answer before it is closed).
    Answer,
    Close,
}

impl FeedbackAction {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "forward" => FeedbackAction::Forward,
            "answer" => FeedbackAction::Answer,
            "close" => FeedbackAction::Close,
            _ => return None,
        })
    }

    /// The status after this step from `from`; None when the step does not apply
    /// (nothing changes once closed; an answered one is not forwarded again).
    pub fn next(self, from: FeedbackStatus) -> Option<FeedbackStatus> {
        use FeedbackStatus::*;
        match (self, from) {
            (_, Closed) => None,
            (FeedbackAction::Forward, New | Forwarded) => Some(Forwarded),
            (FeedbackAction::Forward, Answered) => None,
            (FeedbackAction::Answer, _) => Some(Answered),
            (FeedbackAction::Close, _) => Some(Closed),
        }
    }
}

/// Checks what a citizen sends; the message says what to mend.
pub fn check_feedback(subject: &str, body: &str, name: &str, contact: &str) -> Result<(), String> {
    let s = tfb();
    let subject_len = subject.trim().chars().count();
    if !(SUBJECT_MIN..=SUBJECT_MAX).contains(&subject_len) || subject.contains('\n') {
        return Err(s.subject_invalid.into());
    }
    let len = body.trim().chars().count();
    if len < BODY_MIN {
        return Err(s.body_short.into());
    }
    if len > BODY_MAX {
        return Err(s.body_long.into());
    }
    if name.trim().chars().count() > NAME_MAX {
        return Err(s.name_long.into());
    }
    if contact.chars().count() > CONTACT_MAX || !crate::core::tracking_code::contact_ok(contact) {
        return Err(s.contact_invalid.into());
    }
    Ok(())
}

/// Whole days since `since`.
pub fn days_since(since: i64, now: i64) -> i64 {
    (now - since).max(0) / 86_400
}

/// How many days past the limit a waiting piece of feedback is (at least 1), if it is.
pub fn overdue_by(
    status: FeedbackStatus,
    created_at: i64,
    now: i64,
    limit_days: u32,
) -> Option<i64> {
    let past = days_since(created_at, now) - i64::from(limit_days);
    (status.waits() && past > 0).then_some(past)
}

/// The send form's form-time token, the attachment's limit, and why the last sending
/// was refused (a plain form comes back with it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SendPage {
    pub token: String,
    pub max_file_mb: u64,
    pub error: Option<String>,
}

/// What a sender sees of their own feedback by its code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackedFeedback {
    pub code: String,
    pub status: FeedbackStatus,
    pub subject: String,
    pub body: String,
    pub sent: String,
    pub unit: Option<String>,
    pub answer: Option<String>,
    pub answered: Option<String>,
}

/// The handlers' queue: one tab's page, every tab's count, and the overdue limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackQueue {
    pub tab: String,
    pub items: Paged<FeedbackRow>,
    pub counts: Vec<(String, i64)>,
    pub overdue_days: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackRow {
    pub id: i64,
    pub subject: String,
    pub sender: String,
    pub status: FeedbackStatus,
    pub unit: String,
    pub sent: String,
    pub age_days: i64,
    pub overdue: Option<i64>,
    pub held_for: String,
    pub has_file: bool,
}

/// An attachment as the handlers get it: its address, name, type and size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileLink {
    pub href: String,
    pub name: String,
    pub mime: String,
    pub size: i64,
}

/// A piece of feedback as its handler sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackAdmin {
    pub id: i64,
    pub status: FeedbackStatus,
    pub subject: String,
    pub body: String,
    pub sender: String,
    pub contact: String,
    pub sent: String,
    pub file: Option<FileLink>,
    pub unit: String,
    /// The units known, for the forward form's suggestions.
    pub units: Vec<String>,
    pub answer: String,
    pub overdue: Option<i64>,
    pub held_for: String,
    /// (date, who, note), oldest first.
    pub notes: Vec<(String, String, String)>,
    /// (date, who, what), oldest first.
    pub history: Vec<(String, String, String)>,
}

/// The dashboard's line: waiting (new or forwarded) and, of those, overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackCounts {
    pub waiting: i64,
    pub overdue: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use FeedbackStatus::*;

    #[test]
    fn the_steps_follow_the_status_machine() {
        assert_eq!(FeedbackAction::Forward.next(New), Some(Forwarded));
        assert_eq!(FeedbackAction::Forward.next(Forwarded), Some(Forwarded));
        assert_eq!(FeedbackAction::Forward.next(Answered), None);
        assert_eq!(FeedbackAction::Answer.next(Forwarded), Some(Answered));
        assert_eq!(FeedbackAction::Answer.next(New), Some(Answered));
        assert_eq!(FeedbackAction::Close.next(Answered), Some(Closed));
        for a in [
            FeedbackAction::Forward,
            FeedbackAction::Answer,
            FeedbackAction::Close,
        ] {
            assert_eq!(a.next(Closed), None, "{a:?}");
        }
        for s in FeedbackStatus::ALL {
            assert_eq!(FeedbackStatus::parse(s.code()), Some(s));
        }
    }

    #[test]
    fn waiting_feedback_is_overdue_past_the_limit() {
        let day = 86_400;
        assert_eq!(overdue_by(New, 0, 15 * day, 15), None);
        assert_eq!(overdue_by(New, 0, 16 * day + 5, 15), Some(1));
        assert_eq!(overdue_by(Forwarded, 0, 30 * day, 15), Some(15));
        assert_eq!(overdue_by(Answered, 0, 30 * day, 15), None);
        assert_eq!(overdue_by(Closed, 0, 30 * day, 15), None);
    }

    #[test]
    fn what_a_citizen_sends_is_checked() {
        let body = "Đề nghị sửa chữa đoạn đường liên thôn bị sạt lở sau mưa lũ.";
        assert!(check_feedback("Sửa đường liên thôn", body, "", "").is_ok());
        assert!(check_feedback("Sửa", body, "", "").is_err());
        assert!(check_feedback("Sửa đường liên thôn", "ngắn quá", "", "").is_err());
        assert!(check_feedback("Sửa đường liên thôn", body, "", "abc").is_err());
        assert!(check_feedback("Sửa đường\nliên thôn", body, "", "").is_err());
        assert!(check_feedback("Sửa đường liên thôn", body, &"a".repeat(81), "").is_err());
    }
}
