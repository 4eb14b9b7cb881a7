//! Topic types shared by server and client.

use serde::{Deserialize, Serialize};

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
