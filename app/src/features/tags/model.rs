//! Tag types shared by server and client.

use serde::{Deserialize, Serialize};

use crate::features::articles::model::{ArticleCard, Paged};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagRef {
    pub slug: String,
    pub name: String,
}

impl TagRef {
    pub fn href(&self) -> String {
        format!("/the/{}", self.slug)
    }
}

/// What the tag page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TagPageData {
    pub tag: TagRef,
    pub articles: Paged<ArticleCard>,
}
