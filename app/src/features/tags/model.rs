//! Tag types shared by server and client.

use serde::{Deserialize, Serialize};

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
