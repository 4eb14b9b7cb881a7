//! Portal types shared by server and client.

use serde::{Deserialize, Serialize};

pub use crate::core::site::{ParticipationConfig, SiteConfig, SiteInfo};

use crate::features::articles::ArticleCard;
use crate::features::categories::CategoryRef;
use crate::features::topics::model::TopicRef;

/// One block of the home page: a top-level category and its newest articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeSection {
    pub category: CategoryRef,
    pub articles: Vec<ArticleCard>,
}

/// What the home page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomePageData {
    pub featured: Vec<ArticleCard>,
    pub latest: Vec<ArticleCard>,
    pub sections: Vec<HomeSection>,
    pub topics: Vec<TopicRef>,
    /// The newest internal bulletin issue, if any.
    pub bulletin: Option<crate::features::documents::DocumentCard>,
    /// The poll on the home page, if any.
    pub poll: Option<crate::features::polls::PollView>,
}
