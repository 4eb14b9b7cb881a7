//! What Hỏi – Đáp knows of a question: its status, its tracking code, the limits of
//! what a citizen sends, and the shapes the public pages, the follow page and the
//! moderators' pages exchange with the server.

use serde::{Deserialize, Serialize};

use crate::content::Doc;
use crate::core::paging::Paged;
use crate::i18n::tqa;

/// The public section's address.
pub const QA_PATH: &str = "/hoi-dap";
/// The moderators' queue.
pub const ADMIN_QA_PATH: &str = "/quan-tri/hoi-dap";
/// The form that asks.
pub const ASK_PATH: &str = "/hoi-dap/dat-cau-hoi";
/// The page that follows a question by its code.
pub const FOLLOW_PATH: &str = "/hoi-dap/theo-doi";

pub const NAME_MAX: usize = 80;
pub const CONTACT_MAX: usize = 120;
pub const QUESTION_MIN: usize = 15;
pub const QUESTION_MAX: usize = 4000;
pub const TITLE_MAX: usize = 200;
pub const ANSWER_MAX: usize = 20_000;

/// Where a question is: received, given to a staff member, answered, or refused (not
/// a question for the portal, abusive). Publishing is apart: an answered question is
/// published or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionStatus {
    New,
    Assigned,
    Answered,
    Rejected,
}

impl QuestionStatus {
    pub const ALL: [QuestionStatus; 4] = [
        QuestionStatus::New,
        QuestionStatus::Assigned,
        QuestionStatus::Answered,
        QuestionStatus::Rejected,
    ];

    pub fn code(self) -> &'static str {
        match self {
            QuestionStatus::New => "new",
            QuestionStatus::Assigned => "assigned",
            QuestionStatus::Answered => "answered",
            QuestionStatus::Rejected => "rejected",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        let s = tqa();
        match self {
            QuestionStatus::New => s.status_new,
            QuestionStatus::Assigned => s.status_assigned,
            QuestionStatus::Answered => s.status_answered,
            QuestionStatus::Rejected => s.status_rejected,
        }
    }
}

/// The prefix of a question's tracking code ("HD-7K3M-Q9XP-2BTW").
pub const CODE_PREFIX: &str = "HD";

/// Checks what a citizen sends; the message says what to mend.
pub fn check_question(name: &str, contact: &str, text: &str) -> Result<(), String> {
    let s = tqa();
    let name_len = name.trim().chars().count();
    if !(2..=NAME_MAX).contains(&name_len) {
        return Err(s.name_invalid.into());
    }
    if contact.chars().count() > CONTACT_MAX || !crate::core::tracking_code::contact_ok(contact) {
        return Err(s.contact_invalid.into());
    }
    let len = text.trim().chars().count();
    if len < QUESTION_MIN {
        return Err(s.question_short.into());
    }
    if len > QUESTION_MAX {
        return Err(s.question_long.into());
    }
    Ok(())
}

/// A title for a question as sent: its first sentence that asks (ends with "?"), else
/// its first sentence, cut at a word under `TITLE_MAX` characters.
pub fn title_of(text: &str) -> String {
    let sentences: Vec<&str> = text
        .split_inclusive(['?', '.', '!', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let first = sentences
        .iter()
        .find(|s| s.ends_with('?'))
        .or(sentences.first())
        .copied()
        .unwrap_or(text.trim());
    if first.chars().count() <= TITLE_MAX {
        return first.to_string();
    }
    let mut out = String::new();
    for word in first.split_whitespace() {
        if out.chars().count() + word.chars().count() + 2 > TITLE_MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// A field questions are asked under, with how many are published in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QaTopic {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub published: i64,
}

/// A published question in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionCard {
    pub slug: String,
    pub title: String,
    pub topic: String,
    pub topic_slug: String,
    pub asker: String,
    /// "24/02/2021 01:52", and ISO for `<time>`.
    pub asked: String,
    pub asked_iso: String,
}

impl QuestionCard {
    pub fn href(&self) -> String {
        format!("{QA_PATH}/{}", self.slug)
    }
}

/// What `/hoi-dap` asks: a field (its slug), words, a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QaQuery {
    pub topic: String,
    pub words: String,
    pub page: u32,
}

/// One page of the published questions, with the fields to choose from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QaListPage {
    pub topics: Vec<QaTopic>,
    pub query: QaQuery,
    pub items: Paged<QuestionCard>,
}

/// A published question's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionPage {
    pub card: QuestionCard,
    pub text: String,
    pub answer: Doc,
    pub answered: String,
    pub answered_iso: String,
    /// Who answered, as the portal signs it (the unit, or the board).
    pub answered_by: String,
    pub related: Vec<QuestionCard>,
    pub structured_data: String,
}

/// The ask form's choices and its form-time token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AskPage {
    pub topics: Vec<QaTopic>,
    pub token: String,
}

/// What a citizen sees of their own question by its code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tracked {
    pub code: String,
    pub status: QuestionStatus,
    pub topic: String,
    pub asked: String,
    pub text: String,
    pub answer: Option<Doc>,
    pub answered: Option<String>,
    /// Its public page, once published.
    pub href: Option<String>,
}

/// The moderators' queue: one tab's page and every tab's count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QaQueue {
    pub tab: String,
    pub items: Paged<QueueRow>,
    pub counts: Vec<(String, i64)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueRow {
    pub id: i64,
    pub title: String,
    pub topic: String,
    pub asker: String,
    pub status: QuestionStatus,
    pub assignee: String,
    pub published: bool,
    pub asked: String,
    pub held_for: String,
}

/// A question as its moderator edits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionAdmin {
    pub id: i64,
    pub status: QuestionStatus,
    pub topic_id: i64,
    pub topics: Vec<QaTopic>,
    pub asker: String,
    pub contact: String,
    pub asked: String,
    pub asked_text: String,
    pub title: String,
    pub text: String,
    /// The answer as the moderator writes it (paragraphs, "- " lists, links).
    pub answer: String,
    pub assignee_id: Option<i64>,
    /// Who can be given the question: (id, name).
    pub staff: Vec<(i64, String)>,
    pub published: bool,
    pub href: Option<String>,
    pub held_for: String,
    /// Its history: (date, who, what).
    pub history: Vec<(String, String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_the_first_sentence() {
        assert_eq!(
            title_of("Thủ tục chuyển sinh hoạt đảng thế nào? Tôi ở xã khác."),
            "Thủ tục chuyển sinh hoạt đảng thế nào?"
        );
        assert_eq!(
            title_of("Tôi chuyển công tác. Thủ tục gồm những gì? Xin cảm ơn."),
            "Thủ tục gồm những gì?"
        );
        let long = "chữ ".repeat(100);
        let t = title_of(&long);
        assert!(t.chars().count() <= TITLE_MAX && t.ends_with('…'), "{t}");
    }
}
