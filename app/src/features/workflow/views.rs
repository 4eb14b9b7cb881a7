//! How a status looks wherever staff see it.

use leptos::prelude::*;

use super::model::Status;

/// A status as a coloured label.
pub fn status_badge(status: Status) -> impl IntoView {
    view! { <span class=format!("status status-{}", status.as_str())>{status.label()}</span> }
}
