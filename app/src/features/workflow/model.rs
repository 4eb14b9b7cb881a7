//! Statuses, actions and the transition table, shared by server and client.

use serde::{Deserialize, Serialize};

use crate::features::accounts::model::{CurrentUser, Permission, Scope};
use crate::i18n::tm;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    PendingReview,
    Approved,
    Scheduled,
    Published,
    Unpublished,
    Archived,
    Rejected,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Draft,
        Status::PendingReview,
        Status::Approved,
        Status::Scheduled,
        Status::Published,
        Status::Unpublished,
        Status::Archived,
        Status::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::PendingReview => "pending_review",
            Status::Approved => "approved",
            Status::Scheduled => "scheduled",
            Status::Published => "published",
            Status::Unpublished => "unpublished",
            Status::Archived => "archived",
            Status::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => tm().status_draft,
            Status::PendingReview => tm().status_pending_review,
            Status::Approved => tm().status_approved,
            Status::Scheduled => tm().status_scheduled,
            Status::Published => tm().status_published,
            Status::Unpublished => tm().status_unpublished,
            Status::Archived => tm().status_archived,
            Status::Rejected => tm().status_rejected,
        }
    }
}

/// What a person can do to an article's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// draft → pending_review
    Submit,
    /// pending_review → approved
    Approve,
    /// pending_review → rejected, with a reason
    Reject,
    /// rejected | unpublished → draft
    ReturnToDraft,
    /// approved | scheduled | unpublished → published
    Publish,
    /// approved → scheduled, with a time in the future
    Schedule,
    /// published → unpublished
    Unpublish,
    /// anything but archived → archived
    Archive,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::Submit,
        Action::Approve,
        Action::Reject,
        Action::ReturnToDraft,
        Action::Publish,
        Action::Schedule,
        Action::Unpublish,
        Action::Archive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::Approve => "approve",
            Action::Reject => "reject",
            Action::ReturnToDraft => "return_to_draft",
            Action::Publish => "publish",
            Action::Schedule => "schedule",
            Action::Unpublish => "unpublish",
            Action::Archive => "archive",
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Action::Submit => tm().action_submit,
            Action::Approve => tm().action_approve,
            Action::Reject => tm().action_reject,
            Action::ReturnToDraft => tm().action_return_to_draft,
            Action::Publish => tm().action_publish,
            Action::Schedule => tm().action_schedule,
            Action::Unpublish => tm().action_unpublish,
            Action::Archive => tm().action_archive,
        }
    }

    /// The status this action leads to from `from`, if it applies there at all.
    pub fn target(self, from: Status) -> Option<Status> {
        use Status as S;
        match (self, from) {
            (Action::Submit, S::Draft) => Some(S::PendingReview),
            (Action::Approve, S::PendingReview) => Some(S::Approved),
            (Action::Reject, S::PendingReview) => Some(S::Rejected),
            (Action::ReturnToDraft, S::Rejected | S::Unpublished) => Some(S::Draft),
            (Action::Publish, S::Approved | S::Scheduled | S::Unpublished) => Some(S::Published),
            (Action::Schedule, S::Approved) => Some(S::Scheduled),
            (Action::Unpublish, S::Published) => Some(S::Unpublished),
            (Action::Archive, s) if s != S::Archived => Some(S::Archived),
            _ => None,
        }
    }

    /// Whether `user` may take this action on an article written by `author`, by
    /// their role. Contributors move only their own drafts; editors any; only the
    /// editor-in-chief and admins approve, reject, publish, schedule and unpublish.
    pub fn allowed(self, user: &CurrentUser, author: Option<i64>) -> bool {
        self.allowed_in(user, author, &[])
    }

    /// `allowed` for an article of the category at `path` (top-level first): the
    /// user's grants there decide what they govern.
    pub fn allowed_in(self, user: &CurrentUser, author: Option<i64>, path: &[i64]) -> bool {
        let own = author == Some(user.id);
        let can = |p| user.can_in(p, Scope::Category(path));
        match self {
            Action::Submit | Action::ReturnToDraft => {
                can(Permission::EditAnyArticle) || (own && can(Permission::WriteOwnDrafts))
            }
            Action::Approve | Action::Reject => can(Permission::ApproveArticle),
            Action::Publish | Action::Schedule | Action::Unpublish => {
                can(Permission::PublishArticle)
            }
            Action::Archive => user.can(Permission::ArchiveArticle),
        }
    }
}

/// Whether `user` may open an article written by `author` in the admin area, by
/// their role: contributors see their own articles, editors and up see all.
pub fn can_view(user: &CurrentUser, author: Option<i64>) -> bool {
    can_view_in(user, author, &[])
}

/// `can_view` for an article of the category at `path`.
pub fn can_view_in(user: &CurrentUser, author: Option<i64>, path: &[i64]) -> bool {
    let can = |p| user.can_in(p, Scope::Category(path));
    can(Permission::EditAnyArticle)
        || can(Permission::ApproveArticle)
        || can(Permission::PublishArticle)
        || (author == Some(user.id)
            && (can(Permission::WriteOwnDrafts) || user.can(Permission::WriteOwnDrafts)))
}

/// Whether `user` may change the text of an article written by `author` while it is in
/// `status`. Contributors: their own drafts (and rejected ones, which saving returns to
/// draft). Editors: anything not yet approved. The editor-in-chief and admins: anything
/// not archived — an approved or published text changes only under their hand.
pub fn can_edit(user: &CurrentUser, author: Option<i64>, status: Status) -> bool {
    can_edit_in(user, author, status, &[])
}

/// `can_edit` for an article of the category at `path`.
pub fn can_edit_in(user: &CurrentUser, author: Option<i64>, status: Status, path: &[i64]) -> bool {
    use Status as S;
    let can = |p| user.can_in(p, Scope::Category(path));
    if can(Permission::ApproveArticle) || can(Permission::PublishArticle) {
        return status != S::Archived;
    }
    if can(Permission::EditAnyArticle) {
        return matches!(status, S::Draft | S::Rejected | S::PendingReview);
    }
    // one's own drafts stay one's own wherever they were filed
    (can(Permission::WriteOwnDrafts) || user.can(Permission::WriteOwnDrafts))
        && author == Some(user.id)
        && matches!(status, S::Draft | S::Rejected)
}

/// What moved an article when no person did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A signed-in person (the event names them).
    Person,
    /// `toasoan import`.
    Import,
    /// `toasoan demo`.
    Demo,
    /// The scheduler publishing at the appointed time.
    Scheduler,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Person => "",
            Origin::Import => "import",
            Origin::Demo => "demo",
            Origin::Scheduler => "scheduler",
        }
    }

    pub fn parse(s: &str) -> Origin {
        match s {
            "import" => Origin::Import,
            "demo" => Origin::Demo,
            "scheduler" => Origin::Scheduler,
            _ => Origin::Person,
        }
    }

    /// Who the history names for a change no person made.
    pub fn label(self) -> Option<&'static str> {
        match self {
            Origin::Person => None,
            Origin::Import => Some(tm().origin_import),
            Origin::Demo => Some(tm().origin_demo),
            Origin::Scheduler => Some(tm().origin_scheduler),
        }
    }
}

/// A recorded status change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleEvent {
    /// The person who made the change; none when a process did.
    pub actor: Option<String>,
    /// The process that made it ("Nhập bài tự động", "Hẹn giờ đăng"…), if no person.
    pub process: Option<String>,
    pub from: Status,
    pub to: Status,
    pub reason: String,
    /// "Thứ tư - 24/02/2021 01:52"
    pub at: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::accounts::model::Role;

    #[test]
    fn names_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        for a in Action::ALL {
            assert_eq!(Action::parse(a.as_str()), Some(a));
        }
    }

    #[test]
    fn the_status_machine() {
        use Status as S;
        assert_eq!(Action::Submit.target(S::Draft), Some(S::PendingReview));
        assert_eq!(Action::Submit.target(S::Published), None);
        assert_eq!(
            Action::Approve.target(S::Draft),
            None,
            "nothing skips review"
        );
        assert_eq!(
            Action::Publish.target(S::Draft),
            None,
            "nothing goes public unapproved"
        );
        assert_eq!(Action::Publish.target(S::PendingReview), None);
        assert_eq!(Action::Publish.target(S::Rejected), None);
        assert_eq!(Action::Reject.target(S::PendingReview), Some(S::Rejected));
        assert_eq!(Action::ReturnToDraft.target(S::Rejected), Some(S::Draft));
        assert_eq!(Action::Schedule.target(S::Approved), Some(S::Scheduled));
        assert_eq!(Action::Unpublish.target(S::Published), Some(S::Unpublished));
        for s in Status::ALL {
            assert_eq!(
                Action::Archive.target(s),
                (s != S::Archived).then_some(S::Archived)
            );
        }
        // the only ways into Published start from an approval
        for a in Action::ALL {
            for s in Status::ALL {
                if a.target(s) == Some(S::Published) {
                    assert!(
                        matches!(s, S::Approved | S::Scheduled | S::Unpublished),
                        "{a:?} from {s:?}"
                    );
                }
            }
        }
    }

    /// User 7 with `role`.
    fn user(role: Role) -> CurrentUser {
        CurrentUser {
            id: 7,
            username: "u".into(),
            display_name: "U".into(),
            role,
            grants: Vec::new(),
        }
    }

    #[test]
    fn contributors_move_only_their_own_drafts() {
        let c = user(Role::Contributor);
        assert!(Action::Submit.allowed(&c, Some(7)));
        assert!(!Action::Submit.allowed(&c, Some(8)));
        assert!(!Action::Approve.allowed(&c, Some(7)));
        let e = user(Role::Editor);
        assert!(Action::Submit.allowed(&e, Some(8)));
        assert!(!Action::Publish.allowed(&e, Some(8)));
        let chief = user(Role::EditorInChief);
        assert!(Action::Publish.allowed(&chief, None));
        assert!(!Action::Submit.allowed(&user(Role::Moderator), Some(7)));
        assert!(!Action::Archive.allowed(&user(Role::Member), None));
    }

    #[test]
    fn who_may_edit_what() {
        use Status as S;
        let c = user(Role::Contributor);
        assert!(can_edit(&c, Some(7), S::Draft));
        assert!(can_edit(&c, Some(7), S::Rejected));
        assert!(
            !can_edit(&c, Some(7), S::PendingReview),
            "submitted is out of hand"
        );
        assert!(!can_edit(&c, Some(8), S::Draft), "not someone else's");
        assert!(can_view(&c, Some(7)) && !can_view(&c, Some(8)));
        let e = user(Role::Editor);
        assert!(can_edit(&e, Some(8), S::PendingReview));
        assert!(!can_edit(&e, Some(8), S::Approved));
        assert!(
            !can_edit(&e, Some(8), S::Published),
            "published text needs the chief"
        );
        let chief = user(Role::EditorInChief);
        assert!(can_edit(&chief, None, S::Published));
        assert!(!can_edit(&chief, None, S::Archived));
        for r in [Role::Moderator, Role::Member] {
            assert!(!can_edit(&user(r), Some(7), S::Draft));
            assert!(!can_view(&user(r), Some(7)));
        }
    }
}
