//! Addresses of the portal's pages that several layers link to, made in one place.

/// The public article page.
pub fn article_href(slug: &str) -> String {
    format!("/bai-viet/{slug}")
}

/// An article on the editorial desk.
pub fn desk_href(id: i64) -> String {
    format!("/quan-tri/bai-viet/{id}")
}
