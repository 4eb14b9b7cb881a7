//! Types of the admin frame.

use serde::{Deserialize, Serialize};

/// The signed-in staff member and the sections their role opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminMe {
    /// The portal's name, for the admin bar.
    pub portal: String,
    pub display_name: String,
    pub role_label: String,
    /// (address, label) of each section this role may open.
    pub sections: Vec<(String, String)>,
    /// The desk's article search is open to this member.
    pub can_search: bool,
}
