//! Article types shared by server and client.

use serde::{Deserialize, Serialize};

use crate::content::Doc;
use crate::core::links::article_href;
use crate::features::categories::CategoryRef;
use crate::features::tags::model::TagRef;
use crate::features::topics::model::TopicRef;

/// A picture shown with a list item or as the cover of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thumb {
    pub src: String,
    /// Its copies and itself by width, when its copies are made.
    #[serde(default)]
    pub srcset: Option<String>,
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
    /// For signed-in members only: lists show its title with a lock mark.
    #[serde(default)]
    pub members_only: bool,
}

impl ArticleCard {
    pub fn href(&self) -> String {
        article_href(&self.slug)
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
    /// The narrower copies of the body's pictures.
    #[serde(default)]
    pub pictures: crate::content::Pictures,
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
    /// The title and description for search engines and shared links (empty: the
    /// title and the sapo).
    #[serde(default)]
    pub seo_title: String,
    #[serde(default)]
    pub seo_description: String,
    /// For signed-in members and staff only (an internal bulletin).
    #[serde(default)]
    pub members_only: bool,
}

/// What the article's own part of its page shows (the page adds sharing, ratings
/// and comments around it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleData {
    pub article: ArticleDetail,
    /// Category path from the top-level category down.
    pub path: Vec<CategoryRef>,
    pub related: Vec<ArticleCard>,
    /// schema.org NewsArticle and BreadcrumbList (JSON-LD), safe as script text.
    pub structured_data: String,
}

/// An article's rating counters: the sum of all stars and how many readers rated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingSummary {
    pub sum: i64,
    pub count: i64,
}

impl RatingSummary {
    /// The average to one decimal, with the Vietnamese decimal comma: "4,3".
    pub fn average_text(&self) -> String {
        if self.count == 0 {
            return "0".into();
        }
        let tenths = (self.sum * 10 + self.count / 2) / self.count;
        format!("{},{}", tenths / 10, tenths % 10)
    }
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
