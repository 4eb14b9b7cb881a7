//! Comment types shared by server and client, and the text rules both sides use.

use serde::{Deserialize, Serialize};

use crate::i18n::{fill, tm};

/// Longest name, e-mail address and comment text accepted (characters).
pub const NAME_MAX: usize = 80;
pub const EMAIL_MAX: usize = 254;
pub const BODY_MIN: usize = 5;
pub const BODY_MAX: usize = 2000;

/// Where a comment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CommentStatus {
    Pending,
    Approved,
    Rejected,
    Spam,
}

impl CommentStatus {
    pub const ALL: [CommentStatus; 4] = [
        CommentStatus::Pending,
        CommentStatus::Approved,
        CommentStatus::Rejected,
        CommentStatus::Spam,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CommentStatus::Pending => "pending",
            CommentStatus::Approved => "approved",
            CommentStatus::Rejected => "rejected",
            CommentStatus::Spam => "spam",
        }
    }

    pub fn parse(s: &str) -> Option<CommentStatus> {
        CommentStatus::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The queue's words for it.
    pub fn label(self) -> &'static str {
        match self {
            CommentStatus::Pending => tm().status_pending_review,
            CommentStatus::Approved => tm().status_published,
            CommentStatus::Rejected => tm().comment_status_rejected,
            CommentStatus::Spam => tm().comment_status_spam,
        }
    }
}

/// A published comment as readers see it, with its replies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentItem {
    pub id: i64,
    pub name: String,
    pub body: String,
    /// "24/02/2021 01:52"
    pub date: String,
    pub iso: String,
    /// Written by the editorial board.
    pub staff: bool,
    pub replies: Vec<CommentItem>,
}

/// What a reader gets back after sending a comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentPosted {
    /// Waits for a moderator ("Ý kiến của bạn đang chờ duyệt").
    pub pending: bool,
    /// The comment as it will show.
    pub comment: CommentItem,
    /// The comment it answers.
    pub parent_id: Option<i64>,
}

/// One comment in the moderators' queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub id: i64,
    pub article_title: String,
    pub article_href: String,
    pub name: String,
    /// Shown to moderators only.
    pub email: String,
    pub body: String,
    pub date: String,
    pub status: CommentStatus,
    /// Why it waits although the site publishes at once (a banned word).
    pub held_for: String,
    pub reports: i64,
    pub staff: bool,
    /// The start of the comment it answers.
    pub reply_to: Option<String>,
}

/// How many comments each queue tab holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueCounts {
    pub pending: i64,
    pub approved: i64,
    pub rejected: i64,
    pub spam: i64,
    pub reported: i64,
}

/// The queue page: one tab ("pending", "approved", "rejected", "spam" or "reported").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueData {
    pub tab: String,
    pub items: crate::core::paging::Paged<QueueItem>,
    pub counts: QueueCounts,
}

/// A piece of comment text: words, or a link to make clickable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextPiece {
    Text(String),
    Link(String),
}

/// Splits plain text into text and http(s) links (trailing punctuation stays text).
/// The text is never interpreted as HTML.
pub fn linkify(text: &str) -> Vec<TextPiece> {
    let mut out: Vec<TextPiece> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(start) = find_link_start(rest) {
        plain.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        let mut link = &tail[..end];
        while let Some(last) = link.chars().last() {
            if matches!(
                last,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\'' | '”' | '»'
            ) {
                link = &link[..link.len() - last.len_utf8()];
            } else {
                break;
            }
        }
        let scheme_only = link.ends_with("://");
        if scheme_only {
            plain.push_str(link);
        } else {
            if !plain.is_empty() {
                out.push(TextPiece::Text(std::mem::take(&mut plain)));
            }
            out.push(TextPiece::Link(link.to_string()));
        }
        rest = &tail[link.len()..];
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        out.push(TextPiece::Text(plain));
    }
    out
}

fn find_link_start(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    let a = lower.find("https://");
    let b = lower.find("http://");
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// Checks a comment's fields; returns them trimmed, or the reason (in the request's
/// language).
pub fn check_fields(name: &str, email: &str, body: &str) -> Result<(), String> {
    let name_len = name.trim().chars().count();
    if name_len < 2 {
        return Err(tm().comment_name_required.into());
    }
    if name_len > NAME_MAX {
        return Err(fill(tm().comment_name_too_long, &[&NAME_MAX]));
    }
    let email = email.trim();
    if !email.is_empty() && !looks_like_email(email) {
        return Err(tm().comment_email_invalid.into());
    }
    let body_len = body.trim().chars().count();
    if body_len < BODY_MIN {
        return Err(fill(tm().comment_too_short, &[&BODY_MIN]));
    }
    if body_len > BODY_MAX {
        return Err(fill(tm().comment_too_long, &[&body_len, &BODY_MAX]));
    }
    Ok(())
}

fn looks_like_email(s: &str) -> bool {
    if s.len() > EMAIL_MAX || s.chars().any(|c| c.is_whitespace() || c == '<' || c == '>') {
        return false;
    }
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TextPiece::{Link, Text};

    #[test]
    fn links_become_pieces_and_punctuation_stays_text() {
        assert_eq!(
            linkify("Xem https://a.vn/x?y=1, rồi (http://b.vn). Hết"),
            vec![
                Text("Xem ".into()),
                Link("https://a.vn/x?y=1".into()),
                Text(", rồi (".into()),
                Link("http://b.vn".into()),
                Text("). Hết".into()),
            ]
        );
        assert_eq!(
            linkify("không có liên kết"),
            vec![Text("không có liên kết".into())]
        );
        assert_eq!(linkify("https://"), vec![Text("https://".into())]);
        assert_eq!(
            linkify("<script>alert(1)</script>"),
            vec![Text("<script>alert(1)</script>".into())]
        );
        assert_eq!(
            linkify("javascript:alert(1) HTTPS://A.VN"),
            vec![
                Text("javascript:alert(1) ".into()),
                Link("HTTPS://A.VN".into())
            ]
        );
    }

    #[test]
    fn fields_are_checked() {
        assert!(check_fields("Nguyễn Văn A", "", "Bài viết rất hay.").is_ok());
        assert!(check_fields("Nguyễn Văn A", "a@b.vn", "Bài viết rất hay.").is_ok());
        assert!(check_fields("A", "", "Bài viết rất hay.").is_err());
        assert!(check_fields(&"A".repeat(81), "", "Bài viết rất hay.").is_err());
        assert!(check_fields("Nguyễn Văn A", "không-phải-thư", "Bài viết rất hay.").is_err());
        assert!(check_fields("Nguyễn Văn A", "a@b", "Bài viết rất hay.").is_err());
        assert!(check_fields("Nguyễn Văn A", "", "hay").is_err());
        assert!(check_fields("Nguyễn Văn A", "", &"ý".repeat(2001)).is_err());
        assert!(check_fields("Nguyễn Văn A", "", &"ý".repeat(2000)).is_ok());
    }
}
