//! Article types shared by server and client.

use serde::{Deserialize, Serialize};

use crate::content::Doc;
use crate::features::categories::CategoryRef;
use crate::features::comments::CommentItem;
use crate::features::ratings::RatingSummary;
use crate::features::tags::model::TagRef;
use crate::features::topics::model::TopicRef;

/// Articles per page on list pages.
pub const PER_PAGE: u32 = 12;
/// Highest page number a list accepts.
pub const MAX_PAGE: u32 = 10_000;

/// A picture shown with a list item or as the cover of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thumb {
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// An article as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleCard {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub sapo: String,
    /// "24/02/2021 01:52", Vietnam time.
    pub date: String,
    /// RFC 3339, for `<time datetime>`.
    pub iso: String,
    pub category: CategoryRef,
    pub thumb: Option<Thumb>,
    /// Published comments.
    pub comment_count: i64,
}

impl ArticleCard {
    pub fn href(&self) -> String {
        article_href(&self.slug)
    }
}

pub fn article_href(slug: &str) -> String {
    format!("/bai-viet/{slug}")
}

/// One page of a longer list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    /// 1-based.
    pub page: u32,
    pub pages: u32,
    pub total: i64,
}

impl<T> Paged<T> {
    pub fn new(items: Vec<T>, page: u32, total: i64) -> Self {
        let pages = ((total.max(0) as u64).div_ceil(PER_PAGE as u64)).max(1) as u32;
        Paged {
            items,
            page,
            pages,
            total,
        }
    }
}

/// A published article, whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleDetail {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub sapo: String,
    pub body: Doc,
    pub byline: String,
    pub source: String,
    /// "Thứ tư - 24/02/2021 01:52"
    pub dateline: String,
    pub published_iso: String,
    pub updated_iso: String,
    pub view_count: i64,
    pub comment_count: i64,
    pub cover: Option<Thumb>,
    pub tags: Vec<TagRef>,
    pub topics: Vec<TopicRef>,
    pub rating: RatingSummary,
    pub allow_ratings: bool,
    pub allow_comments: bool,
}

/// What the article page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticlePageData {
    pub article: ArticleDetail,
    /// Category path from the top-level category down.
    pub path: Vec<CategoryRef>,
    pub related: Vec<ArticleCard>,
    /// Published comments, as threads.
    pub comments: Vec<CommentItem>,
    /// When the comment form was made (checked for the minimum fill time).
    pub form_token: String,
    /// schema.org NewsArticle and BreadcrumbList (JSON-LD), safe as script text.
    pub structured_data: String,
}

/// An article in a "most read" or "most commented" block, with its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MostItem {
    pub card: ArticleCard,
    pub count: i64,
}

/// The sidebar blocks fed by the counters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MostLists {
    pub most_read: Vec<MostItem>,
    pub most_commented: Vec<MostItem>,
}

/// Reads the `trang` (page) query value: 1 when absent or not a number.
pub fn page_param(raw: Option<String>) -> u32 {
    raw.and_then(|s| s.trim().parse::<u32>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
        .min(MAX_PAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_counts_and_params() {
        assert_eq!(Paged::<()>::new(vec![], 1, 0).pages, 1);
        assert_eq!(Paged::<()>::new(vec![], 1, 12).pages, 1);
        assert_eq!(Paged::<()>::new(vec![], 1, 13).pages, 2);
        assert_eq!(page_param(None), 1);
        assert_eq!(page_param(Some("3".into())), 3);
        assert_eq!(page_param(Some("0".into())), 1);
        assert_eq!(page_param(Some("-2".into())), 1);
        assert_eq!(page_param(Some("abc".into())), 1);
        assert_eq!(page_param(Some("99999999".into())), MAX_PAGE);
    }
}
