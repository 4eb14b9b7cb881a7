//! A query's filters as the index reads them: the kind, a category with its
//! subcategories, and a date range as entry keys (never past now). A date that cannot
//! be read, or a range backwards, is said in the reader's language.

use super::model::{Kind, SearchQuery};
use super::store::Filters;
use crate::features::categories::CategoryTree;
use crate::i18n::tsr;

/// The filters of `q`, and why they could not all be read (then the search is not made).
pub fn read(q: &SearchQuery, tree: &CategoryTree, now: i64) -> (Filters, Option<String>) {
    let mut error = None;
    let mut day = |d: &str| -> Option<i64> {
        if d.trim().is_empty() {
            return None;
        }
        let start = crate::core::time::parse_date(d);
        if start.is_none() {
            error = Some(tsr().date_invalid.to_string());
        }
        start
    };
    let from = day(&q.from);
    let to = day(&q.to).map(|t| t + 86_400);
    if let (Some(f), Some(t)) = (from, to)
        && f >= t
    {
        error = Some(tsr().dates_backwards.to_string());
    }
    let categories = if q.category.is_empty() {
        Vec::new()
    } else {
        match tree.by_slug(&q.category) {
            Some(c) => tree.subtree_ids(c.id),
            None => {
                error = Some(tsr().category_unknown.to_string());
                Vec::new()
            }
        }
    };
    let hi = to.unwrap_or(i64::MAX).min(now + 1);
    let filters = Filters {
        kind: (q.kind != Kind::All).then(|| q.kind.code()),
        categories,
        lo: from.unwrap_or(0).max(0) << 20,
        hi: hi << 20,
        now,
    };
    (filters, error)
}
