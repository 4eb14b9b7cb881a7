//! Types of the audit log.

use serde::{Deserialize, Serialize};

use crate::i18n::{ta, tfb, tpl, tqa};

/// One stored line of the log, as the store reads it: an administrative action, or an
/// article's status change (`kind` "article", with its from/to status codes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub at: i64,
    pub actor: Option<String>,
    /// What made a status change when no person did ("import", "scheduler"…).
    pub origin: String,
    pub kind: String,
    pub target: String,
    pub from_status: String,
    pub to_status: String,
    pub detail: String,
    pub article_id: i64,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// "24/02/2021 01:52"
    pub at: String,
    pub actor: Option<String>,
    pub what: String,
    pub detail: String,
    /// The desk page of the article concerned, for workflow events.
    pub href: Option<String>,
}

/// What an administrative action code means.
pub fn action_label(code: &str) -> &'static str {
    match code {
        "admin.setup" => ta().users_setup_heading,
        "user.create" => ta().users_create,
        "user.import" => ta().audit_user_import,
        "user.update" => ta().audit_user_update,
        "user.reset_link" => ta().users_reset_link,
        "user.password_set" => ta().audit_password_set,
        "category.create" => ta().audit_category_create,
        "category.update" => ta().audit_category_update,
        "category.move" => ta().audit_category_move,
        "category.delete" => ta().categories_delete,
        "document.create" => ta().audit_document_create,
        "document.update" => ta().audit_document_update,
        "document.delete" => ta().audit_document_delete,
        "comment.approve" => ta().audit_comment_approve,
        "comment.reject" => ta().audit_comment_reject,
        "comment.spam" => ta().audit_comment_spam,
        "comment.edit" => ta().audit_comment_edit,
        "comment.reply" => ta().audit_comment_reply,
        "question.assign" => tqa().audit_assign,
        "question.reword" => tqa().audit_reword,
        "question.answer" => tqa().audit_answer,
        "question.publish" => tqa().audit_publish,
        "question.unpublish" => tqa().audit_unpublish,
        "question.reject" => tqa().audit_reject,
        "qa_topic.create" => tqa().audit_topic_create,
        "qa_topic.rename" => tqa().audit_topic_rename,
        "qa_topic.delete" => tqa().audit_topic_delete,
        "feedback.forward" => tfb().audit_forward,
        "feedback.answer" => tfb().audit_answer,
        "feedback.close" => tfb().audit_close,
        "feedback.note" => tfb().audit_note,
        "poll.create" => tpl().audit_create,
        "poll.update" => tpl().audit_update,
        _ => ta().audit_other,
    }
}
