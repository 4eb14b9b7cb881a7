//! Reading a page's address: the record a route's `:id` names, and a list's `:slug`
//! with its page number (`?trang=N`).

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::core::paging::page_param;

/// The number in the route parameter `:id`, or `missing` when it is absent or not a
/// number (no record has it: the page then shows its 404).
pub fn id_param(missing: i64) -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(missing)
    }
}

/// The `:slug` of a list page and the page number its address asks for.
pub fn slug_and_page() -> impl Fn() -> (String, u32) + Copy + Send + Sync + 'static {
    let params = use_params_map();
    let query = use_query_map();
    move || {
        (
            params.read().get("slug").unwrap_or_default(),
            page_param(query.read().get("trang")),
        )
    }
}
