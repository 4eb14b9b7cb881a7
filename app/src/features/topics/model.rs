//! Topic types shared by server and client.

use serde::{Deserialize, Serialize};

use crate::features::articles::model::{ArticleCard, Paged};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicRef {
    pub slug: String,
    pub name: String,
}

impl TopicRef {
    pub fn href(&self) -> String {
        format!("/chuyen-de/{}", self.slug)
    }
}

/// What the topic page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicPageData {
    pub topic: TopicRef,
    pub description: String,
    pub articles: Paged<ArticleCard>,
}
