//! Types of the editorial desk shared by server and client.

use serde::{Deserialize, Serialize};

use crate::content::Doc;
use crate::content::diff::{BlockChange, Piece};
use crate::core::paging::Paged;
use crate::features::workflow::model::{ArticleEvent, Status};

/// Limits of the editing form, checked on the server.
pub const MAX_TITLE_CHARS: usize = 300;
pub const MAX_SAPO_CHARS: usize = 1_000;
pub const MAX_BODY_BYTES: usize = 400_000;
pub const MAX_NOTE_CHARS: usize = 4_000;
pub const MAX_TAGS: usize = 20;
pub const MAX_SHORT_CHARS: usize = 200;
/// What search engines show in full (longer is cut off in results), and the most
/// stored.
pub const SEO_TITLE_CHARS: usize = 60;
pub const SEO_DESCRIPTION_CHARS: usize = 160;
pub const MAX_SEO_TITLE_CHARS: usize = 100;
pub const MAX_SEO_DESCRIPTION_CHARS: usize = 300;

/// An article as the desk lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskRow {
    pub id: i64,
    pub title: String,
    pub status: Status,
    pub category: String,
    pub author: Option<String>,
    /// "24/02/2021 01:52", last change.
    pub updated: String,
}

impl DeskRow {
    pub fn href(&self) -> String {
        desk_href(self.id)
    }
}

pub use crate::core::links::desk_href;

/// The filters of the article list, as the query string carries them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskFilter {
    pub status: Option<Status>,
    pub category_id: Option<i64>,
    pub author_id: Option<i64>,
    pub text: String,
    pub page: u32,
}

/// A choice in a select list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: i64,
    pub label: String,
}

/// The article list page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskListData {
    pub rows: Paged<DeskRow>,
    pub filter: DeskFilter,
    /// Categories, indented by depth.
    pub categories: Vec<Choice>,
    pub authors: Vec<Choice>,
    /// Contributors see only their own articles.
    pub own_only: bool,
}

/// The dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardData {
    pub display_name: String,
    pub role_label: String,
    /// Every status with how many articles are in it (of the visible ones).
    pub counts: Vec<(Status, i64)>,
    pub my_drafts: Vec<DeskRow>,
    /// Pending review: for approvers all of them, for others their own.
    pub awaiting: Vec<DeskRow>,
    pub recently_published: Vec<DeskRow>,
    pub can_approve: bool,
    /// Comments waiting and published ones readers reported, for moderators.
    pub comments: Option<crate::features::comments::model::QueueCounts>,
    /// Questions waiting (new, given to someone) and feedback waiting and overdue,
    /// for moderators.
    pub citizens: Option<CitizenCounts>,
    /// Quiz rounds open and their entrants, and rounds awaiting results, for organisers.
    pub contests: Option<crate::features::contests::model::ContestCounts>,
}

/// What citizens sent that waits for the moderators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenCounts {
    pub questions_new: i64,
    pub questions_assigned: i64,
    pub feedback: crate::features::feedback::model::FeedbackCounts,
}

/// An editorial note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub author: Option<String>,
    pub body: String,
    pub at: String,
}

/// A revision in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionInfo {
    pub number: i64,
    pub author: Option<String>,
    pub summary: String,
    pub at: String,
}

/// An action button on the article page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionChoice {
    pub action: String,
    pub label: String,
    /// Reject needs a reason; schedule a time.
    pub needs_reason: bool,
    pub needs_time: bool,
}

/// The article page of the desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskArticleData {
    pub id: i64,
    pub title: String,
    pub sapo: String,
    pub status: Status,
    pub category: String,
    pub author: Option<String>,
    pub created: String,
    pub updated: String,
    pub publish_at: Option<String>,
    pub expire_at: Option<String>,
    /// The time the writer asks for it to go out, as shown and as the schedule form's
    /// `datetime-local` starts from it ("" when none).
    pub requested_publish: Option<String>,
    pub requested_input: String,
    /// The public address, when readers can see it.
    pub public_href: Option<String>,
    pub tags: Vec<String>,
    pub events: Vec<ArticleEvent>,
    pub notes: Vec<NoteView>,
    pub revisions: Vec<RevisionInfo>,
    pub actions: Vec<ActionChoice>,
    pub can_edit: bool,
    /// The last rejection's reason, shown at the top while the article is rejected.
    pub rejection: Option<String>,
}

/// The editor's page, filled: the article as a draft (its fields at the top level of
/// the JSON), its Markdown export, and the choices the editor offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleFormData {
    #[serde(flatten)]
    pub draft: Draft,
    /// The body in Markdown (its export; the editor works on `draft.doc`).
    pub body: String,
    /// The article's public address, as search results show it.
    pub address: String,
    pub categories: Vec<Choice>,
    /// Every topic, to put the article in.
    pub topics: Vec<Choice>,
    /// The most used tags, suggested as the writer types one.
    pub known_tags: Vec<String>,
    pub can_feature: bool,
}

/// What the block editor saves: the article's fields and its body as a document. Sent
/// as JSON; `base_revision` is the revision the editor started from (0: none yet).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub id: Option<i64>,
    pub base_revision: i64,
    pub title: String,
    pub sapo: String,
    pub category_id: Option<i64>,
    /// Comma-separated.
    pub tags: String,
    pub byline: String,
    pub source: String,
    /// `datetime-local` in Vietnam time, or empty.
    pub expire_at: String,
    /// When the writer asks for it to go out: `datetime-local` in Vietnam time, or empty.
    pub publish_at: String,
    pub featured: bool,
    pub allow_comments: bool,
    pub allow_ratings: bool,
    /// For signed-in members and staff only (an internal bulletin).
    pub members_only: bool,
    /// The topics (chuyên đề) it is in, by id.
    pub topic_ids: Vec<i64>,
    /// The cover picture chosen (None: the body's first picture).
    pub cover_id: Option<i64>,
    /// What search engines show (empty: the title, the sapo).
    pub seo_title: String,
    pub seo_description: String,
    pub doc: Doc,
}

impl Draft {
    /// True when the two differ in what a save would store (not in the revision the
    /// editor started from).
    pub fn differs(&self, other: &Draft) -> bool {
        // field by field, without copying the document (this runs at every key)
        let (a, b) = (self, other);
        a.title != b.title
            || a.sapo != b.sapo
            || a.category_id != b.category_id
            || a.tags != b.tags
            || a.byline != b.byline
            || a.source != b.source
            || a.expire_at != b.expire_at
            || a.publish_at != b.publish_at
            || a.featured != b.featured
            || a.allow_comments != b.allow_comments
            || a.allow_ratings != b.allow_ratings
            || a.members_only != b.members_only
            || a.topic_ids != b.topic_ids
            || a.cover_id != b.cover_id
            || a.seo_title != b.seo_title
            || a.seo_description != b.seo_description
            || a.doc != b.doc
    }
}

/// What a save of the editor did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub id: i64,
    /// The revision the article is at now: the editor's next base.
    pub revision: i64,
    /// False when nothing differed from the stored article (no revision was kept).
    pub changed: bool,
    /// Vietnam time of the save, hours and minutes.
    pub hour: u8,
    pub minute: u8,
}

/// A field that differs between two revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub pieces: Vec<Piece>,
}

/// Two revisions compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionDiffData {
    pub article_id: i64,
    pub title: String,
    pub from: RevisionInfo,
    pub to: RevisionInfo,
    pub revisions: Vec<RevisionInfo>,
    pub fields: Vec<FieldChange>,
    pub body: Vec<BlockChange>,
    pub can_restore: bool,
}

/// Splits the tags field: comma-separated, trimmed, no empties or repeats.
pub fn parse_tags(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in raw.split([',', ';']) {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() && !out.iter().any(|o| o.to_lowercase() == t.to_lowercase()) {
            out.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_differs_in_what_a_save_stores_not_in_its_revision() {
        let a = Draft {
            title: "Một".into(),
            ..Draft::default()
        };
        let b = Draft {
            id: Some(3),
            base_revision: 7,
            ..a.clone()
        };
        assert!(!a.differs(&b));
        let c = Draft {
            seo_description: "Mô tả".into(),
            ..b.clone()
        };
        assert!(c.differs(&b));
        let mut d = b.clone();
        d.doc.blocks.push(crate::content::Block::Divider);
        assert!(d.differs(&b));
    }

    #[test]
    fn tags_are_split_and_deduplicated() {
        assert_eq!(
            parse_tags(" Đại hội Đảng, chuyển đổi  số;đại hội đảng,, "),
            vec!["Đại hội Đảng".to_string(), "chuyển đổi số".to_string()]
        );
        assert!(parse_tags(" , ").is_empty());
    }
}

/// What the editing form sends, as one value: its fields are named `article[title]`,
/// `article[body]`… in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleInput {
    /// The article being edited; none for a new draft.
    pub id: Option<i64>,
    /// The revision the form was filled from (0 for an article with none yet).
    pub base_revision: i64,
    pub title: String,
    pub sapo: String,
    pub category_id: i64,
    /// Comma-separated.
    pub tags: String,
    /// Markdown.
    pub body: String,
    pub byline: String,
    pub source: String,
    /// `datetime-local` in Vietnam time, or empty.
    pub expire_at: String,
    /// Ticked checkboxes arrive ("on"); unticked ones do not.
    pub featured: Option<String>,
    pub allow_comments: Option<String>,
    pub allow_ratings: Option<String>,
    pub members_only: Option<String>,
    pub seo_title: String,
    pub seo_description: String,
}
